"""Searching functions of the Array API (argmax, argmin, count_nonzero, nonzero, searchsorted,
where), with NumPy's calling forms.

Each function calls torch directly when torch's answer is already the standard's, and otherwise
takes a slow path that validates the input, promotes by the standard's table
(:mod:`tbridge._core.promotion`; Python scalars are weak), and fills torch's gaps: the
unsigned dtypes without kernels (pytorch#58734) through :mod:`tbridge._core.workarounds` (an
order-preserving int64 twin for argmax/argmin/searchsorted, a same-size signed view for
non-zero tests and data movement) and bool where torch has no kernel (argmax, searchsorted).

Every array argument goes through the input gate (``tb.searchsorted([1, 2, 3], 2)``,
``tb.nonzero([0, 1])``); NumPy's positional options (``argmax(x, 0)``,
``searchsorted(a, v, "right")``), ``out=`` and the one-argument ``where(condition)`` (which is
``nonzero``) are NumPy's.

Index results have the default index dtype, int64. ``nonzero``'s result shape depends on the
data, so it raises ValueError on ``meta`` tensors, which hold none.

Memory and autograd: every result is new memory; ``where`` stays on the autograd graph of
``x1``/``x2``, index results never do.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final, Literal, overload

import torch
from torch import Tensor
from torch.compiler import is_dynamo_compiling

from tbridge._convert.gate import as_tensor, is_python_scalar, write_out
from tbridge._core.axes import kept, normalize_axes, normalize_axis
from tbridge._core.dtypes import INT_BOUNDS
from tbridge._core.promotion import result_type
from tbridge._core.tracing import values_checkable
from tbridge._core.typing import ArrayOrScalar
from tbridge._core.values import (
    Scalar,
    common_dtype,
    fits,
    no_data,
    no_order,
    scalar_tensor,
    signed_view,
)
from tbridge._core.workarounds import UNSIGNED_GAPS, ordered
from tbridge._namespace.elementwise import _weak

__all__ = [
    "argmax",
    "argmin",
    "count_nonzero",
    "nonzero",
    "searchsorted",
    "where",
]


_where: Final = torch.where
_searchsorted: Final = torch.searchsorted

#: float dtype -> (same-size signed integer dtype, bit pattern of +inf)
_FLOAT_BITS: Final = {
    torch.float16: (torch.int16, 0x7C00),
    torch.bfloat16: (torch.int16, 0x7F80),
    torch.float32: (torch.int32, 0x7F800000),
    torch.float64: (torch.int64, 0x7FF0000000000000),
}


def order_key(t: Tensor) -> Tensor:
    """Integers (of ``t``'s size) whose order is NumPy's order of the real values ``t``.

    Floats: -0.0 and 0.0 share a key, every NaN gets one key just above +inf's (NaN sorts
    last and NaNs tie, as in NumPy's sort). Unsigned dtypes torch cannot compute with get a
    signed view with the top bit flipped. Other dtypes come back as they are.
    """
    bits = _FLOAT_BITS.get(t.dtype)
    if bits is not None:
        signed, inf = bits
        b = t.view(signed)
        magnitude = b & torch.iinfo(signed).max
        key = torch.where(b < 0, -magnitude, magnitude)
        return key.masked_fill_(magnitude > inf, inf + 1)
    if t.dtype in UNSIGNED_GAPS:
        flipped: Tensor = signed_view(t) ^ torch.iinfo(signed_view(t).dtype).min
        return flipped
    return t


def _tensor(x: object, caller: str, name: str = "x") -> Tensor:
    """``x`` through the input gate (a tensor passes as itself)."""
    return x if type(x) is Tensor else as_tensor(x, caller, name)


def _beside_data(x: object, like: Tensor, caller: str, name: str) -> Tensor:
    """An argument that goes with ``like``: a tensor as it is, other array data (lists, NumPy
    arrays, scalars) made on ``like``'s device, as the data it is combined with."""
    return x if type(x) is Tensor else as_tensor(x, caller, name, device=like.device)


def _operands(
    x1: object, x2: object, like: Tensor, caller: str
) -> tuple[Tensor | Scalar, Tensor | Scalar]:
    """Tensors (array data through the gate, on the device of the tensor among the operands,
    or ``like``'s) and Python scalars, as given."""
    if type(x2) is Tensor and type(x1) is not Tensor:
        like = x2
    elif type(x1) is Tensor:
        like = x1
    a = x1 if is_python_scalar(x1) else _beside_data(x1, like, caller, "x1")
    b = x2 if is_python_scalar(x2) else _beside_data(x2, like, caller, "x2")
    return a, b  # type: ignore[return-value]  # checked: a Python scalar or a tensor


# ---- argmax, argmin, count_nonzero, nonzero ----------------------------------------------


def arg_extreme(
    fn: Callable[..., Tensor], x: object, axis: object, keepdims: bool, caller: str
) -> Tensor:
    """argmax/argmin (the slow path): validation, empty input, bool/complex/unsigned dtypes."""
    t = _tensor(x, caller)
    what = "maximum" if fn is torch.argmax else "minimum"
    if t.dtype.is_complex:
        raise no_order(caller, t.dtype)
    if axis is None:
        dim = None
        if t.numel() == 0:
            raise ValueError(
                f"{caller}: attempt to get {caller} of an empty sequence: x of shape "
                f"{tuple(t.shape)} has no {what}; pass a non-empty array"
            )
    else:
        dim = normalize_axis(axis, t.ndim, caller)
        if t.shape[dim] == 0:
            raise ValueError(
                f"{caller}: attempt to get {caller} of an empty sequence: axis {dim} of shape "
                f"{tuple(t.shape)} has no {what}; pass an array that is non-empty along it"
            )
    if t.dtype in UNSIGNED_GAPS:
        t = ordered(t)
    elif t.dtype == torch.bool:
        t = t.to(torch.uint8)  # torch's argmax has no bool kernel
    return fn(t, dim, keepdim=keepdims)


def argmax(
    x: Tensor, /, axis: int | None = None, out: Tensor | None = None, *, keepdims: bool = False
) -> Tensor:
    """Index (int64) of the first largest element along ``axis``, or of the flattened array.

    Parameters
    ----------
    x : array_like
        Real input; the first NaN counts as the largest, as in NumPy.
    axis : int, optional
        The axis to search (the flattened array by default).
    out : Tensor, optional
        Tensor to write the indices into; it is returned.
    keepdims : bool, optional
        Keep the searched axis as size 1.

    Returns
    -------
    Tensor

    Raises
    ------
    ValueError
        Empty input (NumPy: "attempt to get argmax of an empty sequence").

    Notes
    -----
    Memory and autograd: new memory (``out`` when given); indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.argmax([3, 7, 7, 1])
    tensor(1)
    """
    if type(x) is Tensor and out is None:
        # Positional arguments: torch parses them faster than keywords.
        try:
            if axis is None:
                return torch.argmax(x, None, True) if keepdims else torch.argmax(x)
            if type(axis) is int and x.ndim:
                return torch.argmax(x, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # empty, bool, complex, uint16/32/64 or a bad axis: the slow path
    return write_out(arg_extreme(torch.argmax, x, axis, keepdims, "argmax"), out, "argmax")


def argmin(
    x: Tensor, /, axis: int | None = None, out: Tensor | None = None, *, keepdims: bool = False
) -> Tensor:
    """Index (int64) of the first smallest element along ``axis``, or of the flattened array.

    Parameters
    ----------
    x : array_like
        Real input; the first NaN counts as the smallest, as in NumPy.
    axis : int, optional
        The axis to search (the flattened array by default).
    out : Tensor, optional
        Tensor to write the indices into; it is returned.
    keepdims : bool, optional
        Keep the searched axis as size 1.

    Returns
    -------
    Tensor

    Raises
    ------
    ValueError
        Empty input (NumPy: "attempt to get argmin of an empty sequence").

    Notes
    -----
    Memory and autograd: new memory (``out`` when given); indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.argmin([[3, 1], [0, 5]], axis=1)
    tensor([1, 0])
    """
    if type(x) is Tensor and out is None:
        try:
            if axis is None:
                return torch.argmin(x, None, True) if keepdims else torch.argmin(x)
            if type(axis) is int and x.ndim:
                return torch.argmin(x, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # empty, bool, complex, uint16/32/64 or a bad axis: the slow path
    return write_out(arg_extreme(torch.argmin, x, axis, keepdims, "argmin"), out, "argmin")


def count_nonzero(
    x: Tensor, /, axis: int | tuple[int, ...] | None = None, *, keepdims: bool = False
) -> Tensor:
    """Number (int64) of non-zero elements over ``axis``.

    Parameters
    ----------
    x : array_like
        Input of any dtype; NaN and complex values with a non-zero part count.
    axis : int or tuple of int, optional
        Axes to count over (all by default; ``()`` counts each element alone, as NumPy).
    keepdims : bool, optional
        Keep the counted axes as size 1.

    Returns
    -------
    Tensor
        A 0-d tensor where NumPy returns a Python int (``axis=None``).

    Notes
    -----
    Memory and autograd: new memory; counts have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.count_nonzero([[0, 1], [2, 3]], axis=0)
    tensor([1, 2])
    """
    if type(x) is Tensor and not keepdims:
        try:
            if axis is None:
                return torch.count_nonzero(x)
            if type(axis) is int and x.ndim:
                return torch.count_nonzero(x, axis)
        except (RuntimeError, IndexError):
            pass  # uint16/32/64 or a bad axis: the slow path
    t = signed_view(_tensor(x, "count_nonzero"))
    dims = normalize_axes(axis, t.ndim, "count_nonzero")
    if not dims:
        return (t != 0).to(torch.int64)
    return kept(torch.count_nonzero(t, dims), t.shape, dims, keepdims)


def nonzero(x: Tensor, /) -> tuple[Tensor, ...]:
    """Indices (int64) of the non-zero elements, one array per axis, in row-major order.

    Parameters
    ----------
    x : array_like
        Input with at least one dimension (a 0-d array is a ValueError, as in NumPy 2).

    Returns
    -------
    tuple of Tensor

    Raises
    ------
    ValueError
        0-d input; a ``meta`` tensor (the result's shape depends on the data).

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nonzero([0, 3, 0, 4])
    (tensor([1, 3]),)
    """
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
        return torch.nonzero(signed_view(t), as_tuple=True)
    except NotImplementedError as e:
        raise no_data("nonzero") from e


# ---- where ---------------------------------------------------------------------------------


@overload
def where(condition: Tensor, /) -> tuple[Tensor, ...]: ...
@overload
def where(condition: Tensor, x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor: ...
def where(
    condition: Tensor, x1: ArrayOrScalar | None = None, x2: ArrayOrScalar | None = None, /
) -> Tensor | tuple[Tensor, ...]:
    """Elements of ``x1`` where ``condition`` is true and of ``x2`` elsewhere.

    Parameters
    ----------
    condition : array_like
        Where to take ``x1``; a non-bool condition is read by its truth value.
    x1, x2 : array_like or scalar, optional
        Broadcast together with ``condition``; Python scalars are weak (they take the other
        array's dtype within their kind); two scalars take NumPy's default dtypes. Without
        both, ``where(condition)`` is ``nonzero(condition)``, as in NumPy.

    Returns
    -------
    Tensor, or tuple of Tensor for ``where(condition)``

    Raises
    ------
    ValueError
        Only one of ``x1``/``x2`` given, or shapes that do not broadcast.
    OverflowError
        A Python integer that does not fit the other array's dtype.

    Notes
    -----
    Memory and autograd: new memory, on the autograd graph of ``x1`` and ``x2``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.where([True, False, True], [1, 2, 3], 0)
    tensor([1, 0, 3])
    >>> tb.where([0, 1, 1])
    (tensor([1, 2]),)
    """
    if type(condition) is Tensor:
        if type(x1) is Tensor:
            if (type(x2) is Tensor and x1.dtype is x2.dtype) or _weak(x1, x2):
                try:
                    return _where(condition, x1, x2)  # type: ignore[arg-type]  # _weak checked
                except RuntimeError:
                    pass  # a non-bool condition: the slow path
        elif type(x2) is Tensor and _weak(x2, x1):
            try:
                return _where(condition, x1, x2)  # type: ignore[arg-type]  # _weak checked
            except RuntimeError:
                pass
    if x1 is None and x2 is None:
        return nonzero(_tensor(condition, "where", "condition"))
    if x1 is None or x2 is None:
        raise ValueError(
            "where: either both or neither of x1 and x2 must be given; pass both to choose "
            "between them, or only the condition to get the indices of its true elements"
        )
    data = next((v for v in (x1, x2) if type(v) is Tensor), None)
    c = (
        _tensor(condition, "where", "condition")
        if data is None
        else _beside_data(condition, data, "where", "condition")
    )
    if c.dtype != torch.bool:
        c = signed_view(c).to(torch.bool)  # NumPy takes the truth value of a non-bool condition
    a, b = _operands(x1, x2, c, "where")
    dt = common_dtype(a, b)
    device = next((v.device for v in (a, b) if isinstance(v, Tensor)), c.device)
    ta = a.to(dt) if isinstance(a, Tensor) else scalar_tensor(a, dt, device, "where")
    tb_ = b.to(dt) if isinstance(b, Tensor) else scalar_tensor(b, dt, device, "where")
    try:
        return torch.where(c, ta, tb_)
    except RuntimeError as e:
        raise ValueError(
            f"where: condition, x1 and x2 of shapes {tuple(c.shape)}, {tuple(ta.shape)} and "
            f"{tuple(tb_.shape)} do not broadcast together (or sit on different devices: "
            f"{c.device}, {ta.device}, {tb_.device}); make them broadcast-compatible on one "
            "device"
        ) from e


# ---- searchsorted ------------------------------------------------------------------------


#: a CPU array this short is read on the host whole to look for NaN (cheaper than indexing)
_HOST_READ_MAX: Final = 64


def _holds_nan(a: Tensor, sorter: Tensor | None) -> bool | None:
    """Whether the sorted 1-d ``a`` holds a NaN, read on the host from its last element in
    order (NaNs sort last); None where reading would wait for a device or break a
    torch.compile trace or a torch.func transform, or ``sorter`` names no element (torch
    refuses it below)."""
    if not a.is_cpu or not values_checkable(a):
        return None
    n = a.shape[0]
    if n == 0:
        return False
    last = n - 1
    if sorter is not None:
        last = int(sorter[last])
        if not 0 <= last < n:
            return None
    return math.isnan(a[last].item())


def _float_search(a: Tensor, v: Tensor, side: str, sorter: Tensor | None) -> Tensor:
    """``torch.searchsorted`` of floats in NumPy's order (NaN after +inf): torch's own search
    where ``a`` holds no NaN (its answer is NumPy's then, NaN and +inf in ``v`` included),
    :func:`_nan_last` where it does or where that cannot be read without waiting."""
    if _holds_nan(a, sorter) is False:
        found: Tensor = _searchsorted(a, v, side=side, sorter=sorter)
        return found
    return _nan_last(a, v, side, sorter)


def _nan_last(a: Tensor, v: Tensor, side: str, sorter: Tensor | None) -> Tensor:
    """``torch.searchsorted`` of floats in NumPy's order, where NaN comes after +inf.

    torch's binary search takes a NaN in ``a`` for a value below ``v``, which misplaces every
    search once ``a`` ends in NaNs. With those NaNs read as +inf the search is right except
    at two corners, which both answer ``k``, the count of numbers in ``a``: a NaN searched
    from the left (torch: past the end) and +inf searched from the right (torch: past the
    NaNs too). Every other answer is at most ``k`` from the left, so a minimum fixes it;
    from the right a NaN's answer is the end, which the search gives already.
    """
    inf = float("inf")
    filled = torch.nan_to_num(a, nan=inf, posinf=inf, neginf=-inf)
    found = _searchsorted(filled, v, side=side, sorter=sorter)
    numbers = _searchsorted(torch.isnan(a).view(torch.uint8), 1, sorter=sorter)
    if side == "left":
        return torch.minimum(found, numbers)
    return torch.where(torch.isnan(v), found, torch.minimum(found, numbers))


def searchsorted(
    a: Tensor,
    v: Tensor | int | float,
    side: Literal["left", "right"] = "left",
    sorter: Tensor | None = None,
) -> Tensor:
    """Indices (int64, shaped like ``v``) at which to insert ``v`` into the sorted ``a``.

    Parameters
    ----------
    a : array_like
        A 1-D array in ascending order (or any order, with ``sorter``).
    v : array_like or scalar
        Values to place; a Python scalar gives a 0-d result.
    side : {'left', 'right'}, optional
        Which end of a run of equal values to return.
    sorter : array_like of int, optional
        Indices that sort ``a`` (e.g. ``tb.argsort(a)``).

    Returns
    -------
    Tensor

    Raises
    ------
    ValueError
        ``a`` not 1-D, a bad ``side``, or a ``sorter`` of the wrong shape.
    TypeError
        Complex values, or a non-integer ``sorter``.

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient. NaN is ordered as NumPy (and
    :func:`sort`) orders it: after +inf, all NaNs tied.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.searchsorted([1, 2, 3], 2)
    tensor(1)
    >>> tb.searchsorted([1, 2, 3], [2, 5], "right")
    tensor([2, 3])
    """
    if (
        type(a) is Tensor
        and type(v) is Tensor
        and sorter is None
        and a.dtype is v.dtype
        and a.ndim == 1
        and a.is_contiguous()
        and v.is_contiguous()
    ):
        try:
            if not a.dtype.is_floating_point:
                if side == "left":
                    return _searchsorted(a, v)
                if side == "right":
                    return _searchsorted(a, v, right=True)
            elif a.is_cpu and a.numel() <= _HOST_READ_MAX and not is_dynamo_compiling():
                # a short CPU array, read on the host: without NaN (NaNs sort last, so the
                # last element tells) torch's answer is NumPy's (inside a torch.func
                # transform tolist raises RuntimeError: the slow path)
                if (values := a.tolist()) and math.isnan(values[-1]):
                    if side in ("left", "right"):
                        return _nan_last(a, v, side, None)
                elif side == "left":
                    return _searchsorted(a, v)
                elif side == "right":
                    return _searchsorted(a, v, right=True)
            elif side in ("left", "right"):
                return _float_search(a, v, side, None)
        except RuntimeError:
            pass  # bool, complex or uint16/32/64: the slow path
    if side not in ("left", "right"):
        raise ValueError(
            f"searchsorted: side={side!r} is not allowed; pass 'left' (the first position) or "
            "'right' (past the last equal value)"
        )
    t1 = (
        _beside_data(a, v, "searchsorted", "a")
        if type(v) is Tensor
        else _tensor(a, "searchsorted", "a")
    )
    if t1.ndim != 1:
        raise ValueError(
            f"searchsorted: a must be 1-D, got shape {tuple(t1.shape)}; search each row "
            "separately or flatten it"
        )
    if isinstance(v, complex) or t1.dtype.is_complex:
        raise no_order("searchsorted", torch.complex128 if isinstance(v, complex) else t1.dtype)
    if is_python_scalar(v):
        dt = result_type(t1, v)
        if dt in INT_BOUNDS and not fits(int(v), dt):
            # An integer beyond a's range lands at one end, whatever ``side``.
            end = 0 if v < 0 else t1.shape[0]
            return torch.tensor(end, dtype=torch.int64, device=t1.device)
        t2 = torch.tensor(v, dtype=dt, device=t1.device)
    else:
        t2 = _beside_data(v, t1, "searchsorted", "v")
        dt = result_type(t1, t2)
    if dt.is_complex:
        raise no_order("searchsorted", dt)
    # torch copies non-contiguous input itself, with a warning
    sa, sb = t1.to(dt).contiguous(), t2.to(dt).contiguous()
    if dt in UNSIGNED_GAPS:
        sa, sb = ordered(sa), ordered(sb)
    elif dt == torch.bool:
        sa, sb = sa.to(torch.uint8), sb.to(torch.uint8)  # torch's searchsorted has no bool kernel
    order = None
    if sorter is not None:
        order = _beside_data(sorter, t1, "searchsorted", "sorter")
        if order.dtype.is_floating_point or order.dtype.is_complex or order.dtype == torch.bool:
            raise TypeError(
                f"searchsorted: sorter must have an integer dtype, got {order.dtype}; pass "
                "indices such as tb.argsort(a)"
            )
        if tuple(order.shape) != tuple(t1.shape):
            raise ValueError(
                f"searchsorted: sorter has shape {tuple(order.shape)}, a has "
                f"{tuple(t1.shape)}; they must match (sorter = tb.argsort(a))"
            )
        order = order.to(torch.int64)
    try:
        if dt.is_floating_point:
            return _float_search(sa, sb, side, order)
        return torch.searchsorted(sa, sb, side=side, sorter=order)
    except RuntimeError as e:
        if sa.device != sb.device or (order is not None and order.device != sa.device):
            raise ValueError(
                f"searchsorted: a is on {sa.device} but v is on {sb.device}"
                + ("" if order is None else f" and sorter on {order.device}")
                + "; move them to one device (tb.to_device)"
            ) from e
        raise ValueError(
            f"searchsorted: sorter holds indices outside 0..{t1.shape[0] - 1}; pass a "
            "permutation of a's indices, such as tb.argsort(a)"
        ) from e
