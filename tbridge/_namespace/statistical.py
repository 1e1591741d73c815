"""Statistical and utility reductions of the Array API, on plain tensors.

Each function calls torch directly when torch's answer is already the standard's (a plain tensor,
``axis`` None or one in-range int, a dtype torch computes natively), and otherwise takes a slow
path that validates ``axis`` (int or tuple; ``axis=()`` reduces nothing, where torch would reduce
everything, pytorch#29137), reduces over several axes where torch takes only one
(pytorch#56586), picks NumPy's result dtypes and routes the unsigned dtypes torch cannot compute
with through :mod:`tbridge._core.workarounds`.

Result dtypes follow the standard and NumPy: ``sum``/``prod``/``cumulative_*`` of signed integers
and bool give int64, of unsigned integers uint64; ``mean``/``std``/``var`` of integers give the
default floating dtype; ``max``/``min`` return values only (``torch.amax``), never pairs.

Memory and autograd: every result is new memory (an ``axis=()`` reduction is a copy) and stays on
the input's autograd graph wherever torch can differentiate.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence
from typing import Final, TypeAlias

import numpy as np
import torch
from torch import Tensor

from tbridge._convert.bridge import asarray
from tbridge._core.dtypes import DTypeLike, default_float_dtype, torch_dtype
from tbridge._core.promotion import result_type
from tbridge._core.workarounds import UNSIGNED_GAPS, from_ordered, on_bits, ordered
from tbridge._namespace.elementwise import (
    _tensor,  # ``x`` as a tensor; NumPy arrays through asarray
)

__all__ = [
    "all",
    "any",
    "cumulative_prod",
    "cumulative_sum",
    "diff",
    "max",
    "mean",
    "min",
    "prod",
    "std",
    "sum",
    "var",
]

AxisLike: TypeAlias = "int | tuple[int, ...] | None"
Scalar: TypeAlias = "bool | int | float | complex"

_INEXACT: Final = frozenset(
    {torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64, torch.complex128}
)
#: dtypes whose sum/prod/cumsum torch already gives in the standard's dtype (int64 for the
#: signed integers and bool, the input dtype for floating ones).
_SUM_NATIVE: Final = _INEXACT | {torch.bool, torch.int8, torch.int16, torch.int32, torch.int64}
_TO_UINT64: Final = frozenset({torch.uint8, torch.uint16, torch.uint32, torch.uint64})
_REAL_OF: Final = {torch.complex64: torch.float32, torch.complex128: torch.float64}


# ---- shared input handling (also used by tbridge._namespace.searching) ----------------------


def _is_scalar(x: object) -> bool:
    """Whether ``x`` is a Python scalar (weakly typed), not a NumPy scalar or an array."""
    return isinstance(x, (bool, int, float, complex)) and not isinstance(x, np.generic)


def _one_axis(a: object, ndim: int, where: str, axis: object) -> int:
    if isinstance(a, bool) or not hasattr(a, "__index__"):
        raise TypeError(
            f"{where}: axis={axis!r} is not an integer or a tuple of integers; pass e.g. axis=0 "
            "or axis=(0, 1)"
        )
    i = operator.index(a)
    if not -ndim <= i < ndim:
        valid = "a 0-d array has no axes" if ndim == 0 else f"valid axes are {-ndim}..{ndim - 1}"
        raise np.exceptions.AxisError(
            f"{where}: axis {i} is out of bounds for an array of {ndim} dimensions; {valid}"
        )
    return i % ndim


def _axes(axis: object, ndim: int, where: str) -> tuple[int, ...]:
    """``axis`` (None, an int or a tuple of ints) as sorted, distinct, non-negative axes.

    Raises
    ------
    TypeError
        For axes that are not integers (bools, floats and lists included).
    numpy.exceptions.AxisError
        (a ValueError and an IndexError) for axes outside ``[-ndim, ndim)``.
    ValueError
        For an axis given twice.
    """
    if axis is None:
        return tuple(range(ndim))
    items = axis if isinstance(axis, tuple) else (axis,)
    out: list[int] = []
    for a in items:
        i = _one_axis(a, ndim, where, axis)
        if i in out:
            raise ValueError(
                f"{where}: axis {a} appears more than once in axis={axis!r}; list each axis once"
            )
        out.append(i)
    return tuple(sorted(out))


def _axis(axis: object, ndim: int, where: str) -> int:
    """One axis (an int) as a non-negative index; same errors as :func:`_axes`."""
    return _one_axis(axis, ndim, where, axis)


def _reduced_shape(shape: Sequence[int], dims: tuple[int, ...], keepdims: bool) -> list[int]:
    if keepdims:
        return [1 if d in dims else s for d, s in enumerate(shape)]
    return [s for d, s in enumerate(shape) if d not in dims]


def _over_dims(
    fn: Callable[..., Tensor], t: Tensor, dims: tuple[int, ...], keepdims: bool
) -> Tensor:
    """``fn(t, dim)`` reduced over several axes at once, for torch functions that take one axis
    (pytorch#56586): the axes are moved last and flattened into one."""
    if len(dims) == 1:
        return fn(t, dims[0], keepdim=keepdims)
    rest = [d for d in range(t.ndim) if d not in dims]
    size = math.prod([t.shape[d] for d in dims])  # a list: torch.compile traces no generator
    moved = t.permute(*rest, *dims).reshape(*(t.shape[d] for d in rest), size)
    out = fn(moved, -1)
    return out.reshape(_reduced_shape(t.shape, dims, True)) if keepdims else out


# ---- sum, prod and the cumulative forms ------------------------------------------------------


def _accumulation_dtype(dt: torch.dtype, dtype: DTypeLike | None) -> torch.dtype:
    """The standard's result dtype of sum/prod: int64 for signed integers and bool, uint64
    for unsigned integers, the input dtype otherwise, unless ``dtype=`` says."""
    if dtype is not None:
        return torch_dtype(dtype)
    if dt in _TO_UINT64:
        return torch.uint64
    if dt in _SUM_NATIVE and not dt.is_floating_point and not dt.is_complex:
        return torch.int64
    return dt


def _accumulation_source(t: Tensor, target: torch.dtype) -> Tensor:
    """The tensor torch accumulates for a ``target`` result: cast first for floating targets
    (the standard: cast before summing), bool for bool targets; integers stay as they are,
    since torch accumulates them in int64 and sums and products wrap modulo 2**bits alike."""
    if target.is_floating_point or target.is_complex:
        return t if t.dtype == target else t.to(target)
    if target == torch.bool:
        return t if t.dtype == torch.bool else t.to(torch.bool)
    if t.dtype.is_floating_point or t.dtype.is_complex:
        return t.to(target)  # NumPy casts floating input to the integer dtype first
    return t


def _narrow(out: Tensor, target: torch.dtype) -> Tensor:
    """torch's int64 accumulation cast to the target dtype, wrapping as the target would."""
    if out.dtype == target:
        return out
    if target == torch.uint64 and out.dtype == torch.int64:
        return out.view(torch.uint64)  # same bits: uint64 arithmetic wraps like int64's
    return out.to(target)


def _accumulate(
    fn: Callable[..., Tensor],
    t: Tensor,
    dims: tuple[int, ...],
    *,
    target: torch.dtype,
    keepdims: bool,
    multi_axis: bool,
) -> Tensor:
    """sum/prod of ``t`` over ``dims`` in the ``target`` dtype (the slow path)."""
    src = _accumulation_source(t, target)
    if not dims:  # axis=() or a 0-d array: nothing to reduce, a copy in the result dtype
        return _narrow(t.clone() if src is t else src, target)
    if len(dims) == src.ndim and not keepdims:
        out = fn(src)
    elif multi_axis:
        out = fn(src, dims, keepdim=keepdims)
    else:
        out = _over_dims(fn, src, dims, keepdims)
    return _narrow(out, target)


def sum(  # noqa: A001 - the standard's name
    x: Tensor,
    /,
    *,
    axis: AxisLike = None,
    dtype: DTypeLike | None = None,
    keepdims: bool = False,
) -> Tensor:
    """Sum of the elements over ``axis`` (all axes by default; ``axis=()`` reduces none): signed
    integers and bool sum to int64, unsigned integers to uint64 (wrapping as NumPy does),
    floating input keeps its dtype, and ``dtype=`` casts the input before summing."""
    if type(x) is Tensor and dtype is None and x.dtype in _SUM_NATIVE:
        # Positional arguments: torch parses them faster than keywords.
        try:
            if axis is None:
                return torch.sum(x, None, True) if keepdims else torch.sum(x)
            if type(axis) is int and x.ndim:
                return torch.sum(x, axis, keepdims)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    t = _tensor(x, "sum")
    dims = _axes(axis, t.ndim, "sum")
    target = _accumulation_dtype(t.dtype, dtype)
    return _accumulate(torch.sum, t, dims, target=target, keepdims=keepdims, multi_axis=True)


def prod(
    x: Tensor,
    /,
    *,
    axis: AxisLike = None,
    dtype: DTypeLike | None = None,
    keepdims: bool = False,
) -> Tensor:
    """Product of the elements over ``axis`` (all axes by default; ``axis=()`` reduces none),
    with the dtypes of :func:`sum`: int64 for signed integers and bool, uint64 for unsigned
    integers, the input dtype for floating input, or ``dtype=`` (the input is cast first)."""
    if type(x) is Tensor and dtype is None and x.dtype in _SUM_NATIVE:
        try:
            if axis is None and not keepdims:
                return torch.prod(x)
            if type(axis) is int and x.ndim:
                return torch.prod(x, axis, keepdims)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    t = _tensor(x, "prod")
    dims = _axes(axis, t.ndim, "prod")
    target = _accumulation_dtype(t.dtype, dtype)
    return _accumulate(torch.prod, t, dims, target=target, keepdims=keepdims, multi_axis=False)


def _cumulative(
    fn: Callable[..., Tensor],
    initial: int,
    x: object,
    *,
    axis: int | None,
    dtype: DTypeLike | None,
    include_initial: bool,
    where: str,
) -> Tensor:
    t = _tensor(x, where)
    if axis is None:
        if t.ndim > 1:
            raise ValueError(
                f"{where}: axis=None needs a 1-D array, got {t.ndim} dimensions (shape "
                f"{tuple(t.shape)}); pass axis= to choose the axis to accumulate along"
            )
        t = t.reshape(-1)  # NumPy treats a 0-d array as 1-D here
        ax = 0
    else:
        ax = _axis(axis, t.ndim, where)
    target = _accumulation_dtype(t.dtype, dtype)
    out = fn(_accumulation_source(t, target), ax)
    if include_initial:
        shape = list(out.shape)
        shape[ax] = 1
        first = torch.full(shape, initial, dtype=out.dtype, device=out.device)
        out = torch.cat([first, out], ax)
    return _narrow(out, target)


def cumulative_sum(
    x: Tensor,
    /,
    *,
    axis: int | None = None,
    dtype: DTypeLike | None = None,
    include_initial: bool = False,
) -> Tensor:
    """Running sums along ``axis`` (which 2-D and higher input must name), in the dtypes of
    :func:`sum`; ``include_initial=True`` prepends the empty sum, 0, along that axis."""
    if type(x) is Tensor and dtype is None and not include_initial and x.dtype in _SUM_NATIVE:
        try:
            if axis is None:
                if x.ndim == 1:
                    return torch.cumsum(x, 0)
            elif type(axis) is int and x.ndim:
                return torch.cumsum(x, axis)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    return _cumulative(
        torch.cumsum,
        0,
        x,
        axis=axis,
        dtype=dtype,
        include_initial=include_initial,
        where="cumulative_sum",
    )


def cumulative_prod(
    x: Tensor,
    /,
    *,
    axis: int | None = None,
    dtype: DTypeLike | None = None,
    include_initial: bool = False,
) -> Tensor:
    """Running products along ``axis`` (which 2-D and higher input must name), in the dtypes
    of :func:`prod`; ``include_initial=True`` prepends the empty product, 1, along that axis."""
    if type(x) is Tensor and dtype is None and not include_initial and x.dtype in _SUM_NATIVE:
        try:
            if axis is None:
                if x.ndim == 1:
                    return torch.cumprod(x, 0)
            elif type(axis) is int and x.ndim:
                return torch.cumprod(x, axis)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    return _cumulative(
        torch.cumprod,
        1,
        x,
        axis=axis,
        dtype=dtype,
        include_initial=include_initial,
        where="cumulative_prod",
    )


# ---- max, min --------------------------------------------------------------------------------


def _extreme(
    fn: Callable[..., Tensor], x: object, axis: object, keepdims: bool, where: str
) -> Tensor:
    t = _tensor(x, where)
    if t.dtype.is_complex:
        raise TypeError(
            f"{where}: complex numbers have no order, got {t.dtype}; reduce the real part or "
            "the magnitude instead (tb.real(x) or tb.abs(x))"
        )
    dims = _axes(axis, t.ndim, where)
    if not dims:
        return t.clone()
    for d in dims:
        if t.shape[d] == 0:
            raise ValueError(
                f"{where}: axis {d} of shape {tuple(t.shape)} is empty, and an empty "
                f"{where}imum has no value (no identity); reduce a non-empty array or axis"
            )
    if t.dtype in UNSIGNED_GAPS:
        return from_ordered(fn(ordered(t), dims, keepdim=keepdims), t.dtype)
    return fn(t, dims, keepdim=keepdims)


def max(x: Tensor, /, *, axis: AxisLike = None, keepdims: bool = False) -> Tensor:  # noqa: A001
    """Largest element over ``axis`` (all axes by default), as values only (``torch.amax``,
    not torch.max's pairs); NaN propagates, and an empty reduction is a ValueError as in NumPy."""
    if type(x) is Tensor:
        try:
            if axis is None:
                return torch.amax(x, (), True) if keepdims else torch.amax(x)
            if type(axis) is int and x.ndim:
                return torch.amax(x, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # empty, unordered (complex), uint16/32/64 or a bad axis: the slow path
    return _extreme(torch.amax, x, axis, keepdims, "max")


def min(x: Tensor, /, *, axis: AxisLike = None, keepdims: bool = False) -> Tensor:  # noqa: A001
    """Smallest element over ``axis`` (all axes by default), as values only (``torch.amin``,
    not torch.min's pairs); NaN propagates, and an empty reduction is a ValueError as in NumPy."""
    if type(x) is Tensor:
        try:
            if axis is None:
                return torch.amin(x, (), True) if keepdims else torch.amin(x)
            if type(axis) is int and x.ndim:
                return torch.amin(x, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # empty, unordered (complex), uint16/32/64 or a bad axis: the slow path
    return _extreme(torch.amin, x, axis, keepdims, "min")


# ---- mean, std, var --------------------------------------------------------------------------


def _floating(x: object, where: str) -> Tensor:
    """``x`` as a floating tensor: integers and bool become the default float (NumPy's float64)."""
    t = _tensor(x, where)
    return t if t.dtype in _INEXACT else t.to(default_float_dtype())


def mean(x: Tensor, /, *, axis: AxisLike = None, keepdims: bool = False) -> Tensor:
    """Arithmetic mean over ``axis`` (all axes by default; ``axis=()`` reduces none); integer
    and bool input gives the default floating dtype (float64, as NumPy), an empty mean is NaN."""
    if type(x) is Tensor and x.dtype in _INEXACT:  # (torch.compile cannot catch torch's error)
        try:
            if axis is None:
                return torch.mean(x, None, True) if keepdims else torch.mean(x)
            if type(axis) is int and x.ndim:
                return torch.mean(x, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # an integer or bool dtype, or a bad axis: the slow path
    t = _floating(x, "mean")
    dims = _axes(axis, t.ndim, "mean")
    if not dims:
        return t.clone() if t is x else t
    return torch.mean(t, dims, keepdim=keepdims)


def _correction(correction: object, ddof: object, where: str) -> float:
    if ddof is not None:
        if correction is not None:
            raise TypeError(
                f"{where}: got both correction={correction!r} and ddof={ddof!r}; ddof is NumPy's "
                "name for correction, pass only one"
            )
        correction, name = ddof, "ddof"
    else:
        name = "correction"
    if correction is None:
        return 0
    if isinstance(correction, (bool, complex)) or not isinstance(correction, (int, float)):
        raise TypeError(
            f"{where}: {name}={correction!r} is not a real number; pass an int or a float "
            "(0 for the population, 1 for the sample estimate)"
        )
    return correction


def _moment(
    fn: Callable[..., Tensor],
    x: object,
    *,
    axis: object,
    correction: object,
    keepdims: bool,
    ddof: object,
    where: str,
) -> Tensor:
    """std/var (the slow path): any axes, float corrections, NaN where ``M - correction <= 0``."""
    c = _correction(correction, ddof, where)
    t = _floating(x, where)
    dims = _axes(axis, t.ndim, where)
    if not dims:  # nothing reduced: each element is its own sample of size 1
        t, dims, keepdims = t.unsqueeze(-1), (t.ndim,), False
    m = math.prod([t.shape[d] for d in dims])  # a list: torch.compile traces no generator here
    if m - c <= 0:
        # The standard asks for NaN (torch would warn and may give inf, as NumPy does).
        shape = _reduced_shape(t.shape, dims, keepdims)
        dt = _REAL_OF.get(t.dtype, t.dtype)
        return torch.full(shape, math.nan, dtype=dt, device=t.device)
    return fn(t, dims, correction=c, keepdim=keepdims)


def std(
    x: Tensor,
    /,
    *,
    axis: AxisLike = None,
    correction: float | None = None,
    keepdims: bool = False,
    ddof: float | None = None,
) -> Tensor:
    """Standard deviation over ``axis``, dividing by ``M - correction`` (``correction`` 0 by
    default, floats allowed; ``ddof=`` is NumPy's name for it); integer input gives the default
    float, complex input its real dtype, and NaN where ``M - correction <= 0``."""
    if type(x) is Tensor and axis is None and ddof is None and x.dtype in _INEXACT:
        c = 0 if correction is None else correction
        if (type(c) is int or type(c) is float) and c < x.numel():
            return torch.std(x, None, correction=c, keepdim=keepdims)
    return _moment(
        torch.std, x, axis=axis, correction=correction, keepdims=keepdims, ddof=ddof, where="std"
    )


def var(
    x: Tensor,
    /,
    *,
    axis: AxisLike = None,
    correction: float | None = None,
    keepdims: bool = False,
    ddof: float | None = None,
) -> Tensor:
    """Variance over ``axis``, dividing by ``M - correction`` (``correction`` 0 by default,
    floats allowed; ``ddof=`` is NumPy's name for it); integer input gives the default float,
    complex input its real dtype, and NaN where ``M - correction <= 0``."""
    if type(x) is Tensor and axis is None and ddof is None and x.dtype in _INEXACT:
        c = 0 if correction is None else correction
        if (type(c) is int or type(c) is float) and c < x.numel():
            return torch.var(x, None, correction=c, keepdim=keepdims)
    return _moment(
        torch.var, x, axis=axis, correction=correction, keepdims=keepdims, ddof=ddof, where="var"
    )


# ---- all, any ------------------------------------------------------------------------------


def _truth(
    fn: Callable[..., Tensor], x: object, axis: object, keepdims: bool, where: str
) -> Tensor:
    t = _tensor(x, where)
    dims = _axes(axis, t.ndim, where)
    if not dims:
        return t.to(torch.bool, copy=True)
    out = fn(t, dims, keepdim=keepdims)
    return out if out.dtype == torch.bool else out.to(torch.bool)  # torch keeps uint8


def all(x: Tensor, /, *, axis: AxisLike = None, keepdims: bool = False) -> Tensor:  # noqa: A001
    """Whether every element over ``axis`` is non-zero (NaN counts as True; an empty
    reduction is True); the result is bool for every input dtype."""
    if type(x) is Tensor and x.dtype is not torch.uint8:
        try:
            if axis is None:
                return torch.all(x, None, True) if keepdims else torch.all(x)
            if type(axis) is int and x.ndim:
                return torch.all(x, axis, keepdims)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    return _truth(torch.all, x, axis, keepdims, "all")


def any(x: Tensor, /, *, axis: AxisLike = None, keepdims: bool = False) -> Tensor:  # noqa: A001
    """Whether any element over ``axis`` is non-zero (NaN counts as True; an empty reduction
    is False); the result is bool for every input dtype."""
    if type(x) is Tensor and x.dtype is not torch.uint8:
        try:
            if axis is None:
                return torch.any(x, None, True) if keepdims else torch.any(x)
            if type(axis) is int and x.ndim:
                return torch.any(x, axis, keepdims)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    return _truth(torch.any, x, axis, keepdims, "any")


# ---- diff ------------------------------------------------------------------------------------


def _edge(value: object, where: str, like: Tensor) -> Tensor | None:
    """``prepend``/``append`` as a tensor. NumPy makes a Python scalar an array first
    (``np.asanyarray``), so it counts at NumPy's default dtype, not as a weak scalar:
    ``diff(int8 array, prepend=300)`` is int64 there, and here."""
    if value is None:
        return None
    if _is_scalar(value):
        return asarray(value, device=like.device)
    return _tensor(value, where)


def _edge_tensor(value: Tensor, t: Tensor, ax: int, dt: torch.dtype) -> Tensor:
    out = value if value.dtype == dt else value.to(dt)
    if out.ndim == 0 and t.ndim:
        shape = list(t.shape)
        shape[ax] = 1  # a 0-d value stands for one slice along the axis, as in NumPy
        out = out.expand(shape)
    return out


def diff(
    x: Tensor,
    /,
    *,
    axis: int = -1,
    n: int = 1,
    prepend: Tensor | Scalar | None = None,
    append: Tensor | Scalar | None = None,
) -> Tensor:
    """The ``n``-th forward difference ``x[i+1] - x[i]`` along ``axis``, after concatenating
    ``prepend`` and ``append`` there (arrays; a 0-d array or a Python scalar stands for one
    slice, and a Python scalar counts at NumPy's default dtype, as ``np.diff`` makes it an
    array); bool input gives ``x[i+1] != x[i]``, unsigned differences wrap."""
    if (
        type(x) is Tensor
        and prepend is None
        and append is None
        and type(n) is int
        and n > 0
        and type(axis) is int
        and x.ndim
    ):
        try:
            return torch.diff(x) if n == 1 and axis == -1 else torch.diff(x, n, axis)
        except (RuntimeError, IndexError):
            pass  # uint16/32/64 or a bad axis: the slow path
    t = _tensor(x, "diff")
    if t.ndim == 0:
        raise ValueError(
            "diff: a 0-d array has no axis to take differences along; pass an array with at "
            "least one dimension"
        )
    ax = _axis(axis, t.ndim, "diff")
    if isinstance(n, bool) or not hasattr(n, "__index__"):
        raise TypeError(f"diff: n={n!r} is not an integer; pass the order as an int, e.g. n=1")
    order = operator.index(n)
    if order < 0:
        raise ValueError(f"diff: n={order} is negative; the order of a difference must be >= 0")
    if order == 0:
        return t.clone()
    before = _edge(prepend, "diff", t)
    after = _edge(append, "diff", t)
    parts = [p for p in (before, t, after) if p is not None]
    dt = result_type(*parts) if len(parts) > 1 else t.dtype
    tensors = [_edge_tensor(p, t, ax, dt) for p in parts]
    try:
        joined = torch.cat(tensors, ax) if len(tensors) > 1 else tensors[0]
    except RuntimeError as e:
        raise ValueError(
            f"diff: prepend/append must match x's shape {tuple(t.shape)} except along axis "
            f"{ax}, got shapes {[tuple(p.shape) for p in tensors if p is not t]}; {e}"
        ) from e
    if dt in UNSIGNED_GAPS:
        return on_bits(lambda v: torch.diff(v, n=order, dim=ax), joined)
    return torch.diff(joined, n=order, dim=ax)
