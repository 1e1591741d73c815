"""Searching, sorting and set functions of the Array API, on plain tensors.

Each function calls torch directly when torch's answer is already the standard's, and otherwise
takes a slow path that validates the input, promotes by the standard's table
(:mod:`tbridge._core.promotion`; Python scalars are weak), and fills torch's gaps: the
unsigned dtypes without kernels (pytorch#58734) through :mod:`tbridge._core.workarounds` (an
order-preserving int64 twin for argmax/argmin/searchsorted, a same-size signed view for
equality and data movement), bool where torch has no kernel (argmax, searchsorted, isin),
and complex input ordered lexicographically by real then imaginary part, as NumPy orders it
(torch cannot sort complex).

Index results have the default index dtype, int64. ``unique_*`` return the standard's named
tuples; unique values come out sorted, NaNs are distinct and -0.0 equals 0.0. Functions whose
result shape depends on the data (``nonzero``, ``unique_*``) raise ValueError on ``meta``
tensors, which hold no data.

Memory and autograd: every result is new memory; ``sort``, ``where`` and ``unique_values`` stay
on the input's autograd graph where torch can differentiate, index results never do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal, NamedTuple, TypeAlias

import torch
from torch import Tensor

from tbridge._core.dtypes import default_complex_dtype, default_float_dtype
from tbridge._core.promotion import promote, result_type
from tbridge._core.workarounds import UNSIGNED_GAPS, ordered
from tbridge._namespace.elementwise import _tensor, _weak
from tbridge._namespace.statistical import _axes, _axis, _is_scalar, _reduced_shape

__all__ = [
    "argmax",
    "argmin",
    "argsort",
    "count_nonzero",
    "isin",
    "nonzero",
    "searchsorted",
    "sort",
    "unique_all",
    "unique_counts",
    "unique_inverse",
    "unique_values",
    "where",
]

Scalar: TypeAlias = "bool | int | float | complex"
ArrayOrScalar: TypeAlias = "Tensor | bool | int | float | complex"

_where: Final = torch.where
_searchsorted: Final = torch.searchsorted

#: same-size signed twins: exact for equality, non-zero tests and data movement.
_BITS: Final = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}
#: the integer dtypes' value ranges, for Python scalars that must fit one.
_INT_RANGE: Final = {
    dt: (torch.iinfo(dt).min, torch.iinfo(dt).max)
    for dt in (
        torch.int8,
        torch.int16,
        torch.int32,
        torch.int64,
        torch.uint8,
        torch.uint16,
        torch.uint32,
        torch.uint64,
    )
}


class UniqueAllResult(NamedTuple):
    """``unique_all``'s result: values, first indices, inverse indices and counts."""

    values: Tensor
    indices: Tensor
    inverse_indices: Tensor
    counts: Tensor


class UniqueCountsResult(NamedTuple):
    """``unique_counts``'s result: values and counts."""

    values: Tensor
    counts: Tensor


class UniqueInverseResult(NamedTuple):
    """``unique_inverse``'s result: values and the indices that rebuild the input from them."""

    values: Tensor
    inverse_indices: Tensor


def _bits(t: Tensor) -> Tensor:
    """A same-size signed view of an unsigned tensor torch cannot compute with (pytorch#58734)."""
    twin = _BITS.get(t.dtype)
    return t if twin is None else t.view(twin)


def _no_data(where: str) -> ValueError:
    return ValueError(
        f"{where}: the result's shape depends on the values, and a meta tensor holds none; "
        "call it on a tensor with data (e.g. on 'cpu')"
    )


def _no_order(where: str, dtype: torch.dtype) -> TypeError:
    return TypeError(
        f"{where}: {dtype} values have no order torch can search; pass a real array "
        "(tb.real(x) or tb.abs(x) for complex data)"
    )


def _fits(value: int, dt: torch.dtype) -> bool:
    lo, hi = _INT_RANGE[dt]
    return lo <= value <= hi


def _scalar_tensor(value: Scalar, dt: torch.dtype, device: torch.device, where: str) -> Tensor:
    """A Python scalar as a 0-d tensor of ``dt``; integers must fit it (NumPy's NEP 50 rule)."""
    if dt in _INT_RANGE and isinstance(value, int) and not _fits(value, dt):
        lo, hi = _INT_RANGE[dt]
        raise OverflowError(
            f"{where}: Python integer {value} is out of bounds for {dt} ({lo}..{hi}); pass an "
            "array of a wider dtype, e.g. tb.asarray(value, dtype=tb.int64)"
        )
    return torch.tensor(value, dtype=dt, device=device)


def _scalar_dtype(value: Scalar) -> torch.dtype:
    """The dtype a lone Python scalar takes: NumPy's defaults (tbridge's floating defaults)."""
    if isinstance(value, bool):
        return torch.bool
    if isinstance(value, int):
        return torch.int64
    if isinstance(value, float):
        return default_float_dtype()
    return default_complex_dtype()


def _operands(x1: object, x2: object, where: str) -> tuple[Tensor | Scalar, Tensor | Scalar]:
    """Tensors (NumPy arrays converted) and Python scalars, as given."""
    a = x1 if _is_scalar(x1) else _tensor(x1, where)
    b = x2 if _is_scalar(x2) else _tensor(x2, where)
    return a, b  # type: ignore[return-value]  # checked: a Python scalar or a tensor


def _common_dtype(a: Tensor | Scalar, b: Tensor | Scalar) -> torch.dtype:
    if isinstance(a, Tensor) or isinstance(b, Tensor):
        return result_type(a, b)
    return promote(_scalar_dtype(a), _scalar_dtype(b))


# ---- argmax, argmin, count_nonzero, nonzero ----------------------------------------------


def _arg_extreme(
    fn: Callable[..., Tensor], x: object, axis: object, keepdims: bool, where: str
) -> Tensor:
    t = _tensor(x, where)
    if t.dtype.is_complex:
        raise _no_order(where, t.dtype)
    if axis is None:
        dim = None
        if t.numel() == 0:
            raise ValueError(
                f"{where}: x of shape {tuple(t.shape)} is empty and has no {where[3:]}imum; "
                "pass a non-empty array"
            )
    else:
        dim = _axis(axis, t.ndim, where)
        if t.shape[dim] == 0:
            raise ValueError(
                f"{where}: axis {dim} of shape {tuple(t.shape)} is empty and has no "
                f"{where[3:]}imum; pass an array that is non-empty along that axis"
            )
    if t.dtype in UNSIGNED_GAPS:
        t = ordered(t)
    elif t.dtype == torch.bool:
        t = t.to(torch.uint8)  # torch's argmax has no bool kernel
    return fn(t, dim, keepdim=keepdims)


def argmax(x: Tensor, /, *, axis: int | None = None, keepdims: bool = False) -> Tensor:
    """Index (int64) of the first largest element along ``axis``, or of the flattened array when
    ``axis`` is None; the first NaN counts as the largest, as in NumPy."""
    if type(x) is Tensor:
        # Positional arguments: torch parses them faster than keywords.
        try:
            if axis is None:
                return torch.argmax(x, None, True) if keepdims else torch.argmax(x)
            if type(axis) is int and x.ndim:
                return torch.argmax(x, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # empty, bool, complex, uint16/32/64 or a bad axis: the slow path
    return _arg_extreme(torch.argmax, x, axis, keepdims, "argmax")


def argmin(x: Tensor, /, *, axis: int | None = None, keepdims: bool = False) -> Tensor:
    """Index (int64) of the first smallest element along ``axis``, or of the flattened array
    when ``axis`` is None; the first NaN counts as the smallest, as in NumPy."""
    if type(x) is Tensor:
        # Positional arguments: torch parses them faster than keywords.
        try:
            if axis is None:
                return torch.argmin(x, None, True) if keepdims else torch.argmin(x)
            if type(axis) is int and x.ndim:
                return torch.argmin(x, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # empty, bool, complex, uint16/32/64 or a bad axis: the slow path
    return _arg_extreme(torch.argmin, x, axis, keepdims, "argmin")


def count_nonzero(
    x: Tensor, /, *, axis: int | tuple[int, ...] | None = None, keepdims: bool = False
) -> Tensor:
    """Number (int64) of non-zero elements over ``axis`` (all axes by default; ``axis=()``
    counts each element alone, as NumPy); NaN and complex values with a non-zero part count."""
    if type(x) is Tensor and not keepdims:
        try:
            if axis is None:
                return torch.count_nonzero(x)
            if type(axis) is int and x.ndim:
                return torch.count_nonzero(x, axis)
        except (RuntimeError, IndexError):
            pass  # uint16/32/64 or a bad axis: the slow path
    t = _bits(_tensor(x, "count_nonzero"))
    dims = _axes(axis, t.ndim, "count_nonzero")
    if not dims:
        return (t != 0).to(torch.int64)
    out = torch.count_nonzero(t, dims)
    return out.reshape(_reduced_shape(t.shape, dims, True)) if keepdims else out


def nonzero(x: Tensor, /) -> tuple[Tensor, ...]:
    """Indices (int64) of the non-zero elements, one array per axis, in row-major order; a 0-d
    array is a ValueError, as in NumPy 2."""
    if type(x) is Tensor and x.ndim:
        try:
            return torch.nonzero(x, as_tuple=True)
        except RuntimeError:
            pass  # uint16/32/64 or a meta tensor: the slow path
    t = _tensor(x, "nonzero")
    if t.ndim == 0:
        raise ValueError(
            "nonzero: a 0-d array has no axes to index; reshape it first, e.g. "
            "nonzero(tb.reshape(x, (1,)))"
        )
    try:
        return torch.nonzero(_bits(t), as_tuple=True)
    except NotImplementedError as e:
        raise _no_data("nonzero") from e


# ---- where ---------------------------------------------------------------------------------


def where(condition: Tensor, x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Elements of ``x1`` where ``condition`` is true and of ``x2`` elsewhere, broadcast together;
    ``x1``/``x2`` may be Python scalars, and the result dtype follows the standard's promotion
    (scalars are weak; two scalars take NumPy's default dtypes)."""
    if type(condition) is Tensor:
        if type(x1) is Tensor:
            if (type(x2) is Tensor and x1.dtype is x2.dtype) or _weak(x1, x2):
                try:
                    return _where(condition, x1, x2)
                except RuntimeError:
                    pass  # a non-bool condition: the slow path
        elif type(x2) is Tensor and _weak(x2, x1):
            try:
                return _where(condition, x1, x2)
            except RuntimeError:
                pass
    c = _tensor(condition, "where")
    if c.dtype != torch.bool:
        c = _bits(c).to(torch.bool)  # NumPy takes the truth value of a non-bool condition
    a, b = _operands(x1, x2, "where")
    dt = _common_dtype(a, b)
    device = next((v.device for v in (a, b) if isinstance(v, Tensor)), c.device)
    ta = a.to(dt) if isinstance(a, Tensor) else _scalar_tensor(a, dt, device, "where")
    tb_ = b.to(dt) if isinstance(b, Tensor) else _scalar_tensor(b, dt, device, "where")
    try:
        return torch.where(c, ta, tb_)
    except RuntimeError as e:
        raise ValueError(
            f"where: condition, x1 and x2 of shapes {tuple(c.shape)}, {tuple(ta.shape)} and "
            f"{tuple(tb_.shape)} do not broadcast together (or sit on different devices); "
            f"make them broadcast-compatible ({e})"
        ) from e


# ---- searchsorted ------------------------------------------------------------------------


def searchsorted(
    x1: Tensor,
    x2: Tensor | int | float,
    /,
    *,
    side: Literal["left", "right"] = "left",
    sorter: Tensor | None = None,
) -> Tensor:
    """Indices (int64, shaped like ``x2``) at which to insert ``x2`` into the ascending 1-D
    ``x1`` (or ``x1`` ordered by ``sorter``) to keep it sorted; ``side`` picks the end of runs
    of equal values; a Python scalar ``x2`` gives a 0-d result.

    Known difference: with NaN in ``x1`` the positions are torch's (its comparisons with NaN
    are false), not NumPy's, which orders NaN after every number as :func:`sort` does."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and sorter is None
        and x1.dtype is x2.dtype
        and x1.ndim == 1
    ):
        try:
            if side == "left":
                return _searchsorted(x1, x2)
            if side == "right":
                return _searchsorted(x1, x2, right=True)
        except RuntimeError:
            pass  # bool, complex or uint16/32/64: the slow path
    if side not in ("left", "right"):
        raise ValueError(
            f"searchsorted: side={side!r} is not allowed; pass 'left' (the first position) or "
            "'right' (past the last equal value)"
        )
    t1 = _tensor(x1, "searchsorted")
    if t1.ndim != 1:
        raise ValueError(
            f"searchsorted: x1 must be 1-D, got shape {tuple(t1.shape)}; search each row "
            "separately or flatten it"
        )
    if isinstance(x2, complex) or t1.dtype.is_complex:
        raise _no_order("searchsorted", torch.complex128 if isinstance(x2, complex) else t1.dtype)
    if _is_scalar(x2):
        value: Tensor | Scalar = x2
        dt = result_type(t1, x2)
        if dt in _INT_RANGE and not _fits(int(x2), dt):
            # An integer beyond x1's range lands at one end, whatever ``side``.
            end = 0 if x2 < 0 else t1.shape[0]
            return torch.tensor(end, dtype=torch.int64, device=t1.device)
        t2 = torch.tensor(value, dtype=dt, device=t1.device)
    else:
        t2 = _tensor(x2, "searchsorted")
        dt = result_type(t1, t2)
    if dt.is_complex:
        raise _no_order("searchsorted", dt)
    a, b = t1.to(dt), t2.to(dt)
    if dt in UNSIGNED_GAPS:
        a, b = ordered(a), ordered(b)
    elif dt == torch.bool:
        a, b = a.to(torch.uint8), b.to(torch.uint8)  # torch's searchsorted has no bool kernel
    order = None
    if sorter is not None:
        order = _tensor(sorter, "searchsorted")
        if order.dtype.is_floating_point or order.dtype.is_complex or order.dtype == torch.bool:
            raise TypeError(
                f"searchsorted: sorter must have an integer dtype, got {order.dtype}; pass "
                "indices such as tb.argsort(x1)"
            )
        if tuple(order.shape) != tuple(t1.shape):
            raise ValueError(
                f"searchsorted: sorter has shape {tuple(order.shape)}, x1 has "
                f"{tuple(t1.shape)}; they must match (sorter = tb.argsort(x1))"
            )
        order = order.to(torch.int64)
    return torch.searchsorted(a, b, side=side, sorter=order)


# ---- sort, argsort -------------------------------------------------------------------------


def _lex_argsort(t: Tensor, ax: int, descending: bool) -> Tensor:
    """Stable argsort of complex values in NumPy's order: by real part, then imaginary part,
    with values holding NaN last, as ``R+Rj < R+nanj < nan+Rj < nan+nanj``."""
    real, imag = t.real, t.imag
    nan_class = torch.isnan(imag).to(torch.uint8) + 2 * torch.isnan(real).to(torch.uint8)
    perm = torch.argsort(imag, dim=ax, descending=descending, stable=True)
    for key in (real, nan_class):
        step = torch.argsort(
            key.take_along_dim(perm, ax), dim=ax, descending=descending, stable=True
        )
        perm = perm.take_along_dim(step, ax)
    return perm


def sort(x: Tensor, /, *, axis: int = -1, descending: bool = False, stable: bool = True) -> Tensor:
    """A sorted copy of ``x`` along ``axis`` (stable by default; NaN sorts last ascending);
    complex values sort by real part, then imaginary part, as in NumPy."""
    if type(x) is Tensor and type(axis) is int and x.ndim:
        try:
            return torch.sort(x, dim=axis, descending=descending, stable=stable).values
        except (RuntimeError, IndexError):
            pass  # complex or a bad axis: the slow path
    t = _tensor(x, "sort")
    ax = _axis(axis, t.ndim, "sort")
    if t.dtype.is_complex:
        return torch.take_along_dim(t, _lex_argsort(t, ax, descending), ax)
    return torch.sort(t, dim=ax, descending=descending, stable=stable).values


def argsort(
    x: Tensor, /, *, axis: int = -1, descending: bool = False, stable: bool = True
) -> Tensor:
    """Indices (int64) that sort ``x`` along ``axis`` (stable by default, so equal values keep
    their order, descending included); complex values sort by real, then imaginary part."""
    if type(x) is Tensor and type(axis) is int and x.ndim:
        try:
            return torch.argsort(x, dim=axis, descending=descending, stable=stable)
        except (RuntimeError, IndexError):
            pass  # complex or a bad axis: the slow path
    t = _tensor(x, "argsort")
    ax = _axis(axis, t.ndim, "argsort")
    if t.dtype.is_complex:
        return _lex_argsort(t, ax, descending)
    return torch.argsort(t, dim=ax, descending=descending, stable=stable)


# ---- isin ----------------------------------------------------------------------------------


def isin(x1: Tensor | int, x2: Tensor | int, /, *, invert: bool = False) -> Tensor:
    """Whether each element of ``x1`` equals some element of ``x2`` (bool, shaped like ``x1``;
    0-d for a scalar ``x1``), by value equality after promotion: NaN is in nothing and -0.0
    equals 0.0; ``invert=True`` negates the test."""
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype:
        try:
            return torch.isin(x1, x2, invert=True) if invert else torch.isin(x1, x2)
        except RuntimeError:
            pass  # bool, complex or uint16/32/64: the slow path
    a, b = _operands(x1, x2, "isin")
    dt = _common_dtype(a, b)
    device = next((v.device for v in (a, b) if isinstance(v, Tensor)), torch.device("cpu"))
    for value in (a, b):
        if isinstance(value, int) and dt in _INT_RANGE and not _fits(value, dt):
            # An integer beyond the other array's range equals none of its elements.
            shape = a.shape if isinstance(a, Tensor) else ()
            return torch.full(shape, invert, dtype=torch.bool, device=device)
    ta = a.to(dt) if isinstance(a, Tensor) else torch.tensor(a, dtype=dt, device=device)
    tb_ = b.to(dt) if isinstance(b, Tensor) else torch.tensor(b, dtype=dt, device=device)
    if dt.is_complex:  # torch's isin has no complex kernel: compare all pairs
        found = (ta.reshape(-1, 1) == tb_.reshape(1, -1)).any(dim=1).reshape(ta.shape)
        return found.logical_not() if invert else found
    if dt == torch.bool:
        ta, tb_ = ta.to(torch.uint8), tb_.to(torch.uint8)  # no bool kernel either
    return torch.isin(_bits(ta), _bits(tb_), invert=invert)


# ---- unique_* ------------------------------------------------------------------------------


def _first_indices(inverse: Tensor, size: int) -> Tensor:
    """For each unique value, the flat index of its first occurrence."""
    n = inverse.numel()
    positions = torch.arange(n, device=inverse.device)
    first = torch.full((size,), n, dtype=torch.int64, device=inverse.device)
    return first.scatter_reduce_(0, inverse.reshape(-1), positions, reduce="amin")


def _unique(x: object, where: str) -> tuple[Tensor, Tensor, Tensor]:
    """Sorted unique values, inverse indices (shaped like x) and counts.

    Real dtypes use torch.unique (NaNs distinct, -0.0 == 0.0); complex values are sorted
    lexicographically and split where neighbours differ (so NaNs stay distinct there too).
    """
    t = _tensor(x, where)
    try:
        if not t.dtype.is_complex:
            values, inv, cnt = torch.unique(t, return_inverse=True, return_counts=True)
            return values, inv, cnt
        flat = t.reshape(-1)
        perm = _lex_argsort(flat, 0, False)
        ordered_values = flat[perm]
        new = torch.ones(flat.shape, dtype=torch.bool, device=flat.device)
        new[1:] = ordered_values[1:] != ordered_values[:-1]
        group = torch.cumsum(new, 0) - 1
        values = ordered_values[new]
        inv = torch.empty_like(group)
        inv[perm] = group
        cnt = torch.bincount(group, minlength=values.shape[0])
        return values, inv.reshape(t.shape), cnt
    except NotImplementedError as e:
        raise _no_data(where) from e


def unique_values(x: Tensor, /) -> Tensor:
    """The distinct values of ``x`` (flattened), sorted; NaNs are distinct and -0.0 equals 0.0."""
    if type(x) is Tensor:
        try:
            values: Tensor = torch.unique(x)
            return values
        except NotImplementedError:
            pass  # complex or a meta tensor: the slow path
    return _unique(x, "unique_values")[0]


def unique_counts(x: Tensor, /) -> UniqueCountsResult:
    """The distinct values of ``x`` (flattened, sorted) and how often each occurs (int64); each
    NaN is its own value with count 1."""
    if type(x) is Tensor:
        try:
            values, counts = torch.unique(x, return_counts=True)
            return UniqueCountsResult(values, counts)
        except NotImplementedError:
            pass  # complex or a meta tensor: the slow path
    values, _, counts = _unique(x, "unique_counts")
    return UniqueCountsResult(values, counts)


def unique_inverse(x: Tensor, /) -> UniqueInverseResult:
    """The distinct values of ``x`` (flattened, sorted) and, shaped like ``x``, the indices
    (int64) into them that rebuild ``x``."""
    if type(x) is Tensor:
        try:
            values, inverse = torch.unique(x, return_inverse=True)
            return UniqueInverseResult(values, inverse)
        except NotImplementedError:
            pass  # complex or a meta tensor: the slow path
    values, inverse, _ = _unique(x, "unique_inverse")
    return UniqueInverseResult(values, inverse)


def unique_all(x: Tensor, /) -> UniqueAllResult:
    """The distinct values of ``x`` (flattened, sorted) with the flat index of each one's first
    occurrence, the inverse indices shaped like ``x`` and the counts (all int64)."""
    values, inverse, counts = _unique(x, "unique_all")
    return UniqueAllResult(values, _first_indices(inverse, values.shape[0]), inverse, counts)
