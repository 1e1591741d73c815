"""Statistical functions of the Array API (sum, prod, max, min, mean, std, var, cumulative_*),
with NumPy's calling forms.

Each function calls torch directly when torch's answer is already the standard's (a plain tensor,
``axis`` None or one in-range int, a dtype torch computes natively, no NumPy-only keyword), and
otherwise takes a slow path that reads ``axis`` through :mod:`tbridge._core.axes` (int or tuple;
``axis=()`` reduces nothing), reduces over several axes where torch takes only one
(pytorch#56586), picks NumPy's result dtypes and routes the unsigned dtypes torch cannot compute
with through :mod:`tbridge._core.workarounds`.

Signatures are the standard's and NumPy's at once: the data is positional, the options NumPy
takes positionally (``sum(x, 0)``, ``std(x, 0, None, None, 1)``) may be given so, and the
standard's own options (``correction``, ``include_initial``) are keyword-only. NumPy's ``out=``
writes the result into a given tensor (:func:`tbridge._convert.gate.write_out`, NumPy's
``same_kind`` casting); ``initial=`` and ``where=`` are NumPy's.

Result dtypes follow the standard and NumPy: ``sum``/``prod``/``cumulative_*`` of signed integers
and bool give int64, of unsigned integers uint64; ``mean``/``std``/``var`` of integers give the
default floating dtype; ``max``/``min`` return values only (``torch.amax``), never pairs.

Memory and autograd: every result is new memory (an ``axis=()`` reduction is a copy) and stays on
the input's autograd graph wherever torch can differentiate.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from typing import Final

import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor, where_mask, write_out
from tbridge._core.axes import AxisLike, kept, normalize_axes, normalize_axis, reduced_shape
from tbridge._core.dtypes import (
    INEXACT,
    DTypeLike,
    default_float_dtype,
    torch_dtype,
)
from tbridge._core.typing import Mask, Scalar
from tbridge._core.values import initial_value, scalar_tensor
from tbridge._core.workarounds import UNSIGNED_GAPS, from_ordered, on_bits, ordered

__all__ = [
    "cumulative_prod",
    "cumulative_sum",
    "max",
    "mean",
    "min",
    "prod",
    "std",
    "sum",
    "var",
]

_INEXACT: Final = INEXACT
#: dtypes whose sum/prod/cumsum torch already gives in the standard's dtype (int64 for the
#: signed integers and bool, the input dtype for floating ones).
_SUM_NATIVE: Final = _INEXACT | {torch.bool, torch.int8, torch.int16, torch.int32, torch.int64}
_TO_UINT64: Final = frozenset({torch.uint8, torch.uint16, torch.uint32, torch.uint64})
_REAL_OF: Final = {torch.complex64: torch.float32, torch.complex128: torch.float64}


def _tensor(x: object, caller: str, name: str = "x") -> Tensor:
    """``x`` through the input gate (a tensor passes as itself)."""
    return x if type(x) is Tensor else as_tensor(x, caller, name)


def _beside_data(x: object, like: Tensor, caller: str, name: str) -> Tensor:
    """An argument that goes with ``like``: a tensor as it is, other array data (lists, NumPy
    arrays, scalars) made on ``like``'s device, as the data it is combined with."""
    return x if type(x) is Tensor else as_tensor(x, caller, name, device=like.device)


# ---- sum, prod and the cumulative forms ------------------------------------------------------


def dtype_arg(dtype: DTypeLike, caller: str) -> torch.dtype:
    """``dtype=`` as a torch dtype; a value that is not a dtype is a TypeError naming
    ``caller``."""
    try:
        return torch_dtype(dtype)
    except TypeError as e:
        raise TypeError(f"{caller}: {e}") from e


def accumulation_dtype(
    dt: torch.dtype, dtype: DTypeLike | None, caller: str = "sum"
) -> torch.dtype:
    """The standard's result dtype of sum/prod: int64 for signed integers and bool, uint64
    for unsigned integers, the input dtype otherwise, unless ``dtype=`` says."""
    if dtype is not None:
        return dtype_arg(dtype, caller)
    if dt in _TO_UINT64:
        return torch.uint64
    if dt in _SUM_NATIVE and not dt.is_floating_point and not dt.is_complex:
        return torch.int64
    return dt


def accumulation_source(t: Tensor, target: torch.dtype) -> Tensor:
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


def narrow(out: Tensor, target: torch.dtype) -> Tensor:
    """torch's int64 accumulation cast to the target dtype, wrapping as the target would."""
    if out.dtype == target:
        return out
    if target == torch.uint64 and out.dtype == torch.int64:
        return out.view(torch.uint64)  # same bits: uint64 arithmetic wraps like int64's
    return out.to(target)


def _combine(op: Callable[..., Tensor], result: Tensor, value: Tensor) -> Tensor:
    """``op(result, value)`` (add or multiply), wrapping for the unsigned dtypes torch lacks."""
    if result.dtype in UNSIGNED_GAPS:
        return on_bits(op, result, value)
    return op(result, value)


def _initial_tensor(initial: object, dt: torch.dtype, device: torch.device, caller: str) -> Tensor:
    """``initial`` as a 0-d tensor of ``dt``, read as NumPy reads it (``initial_value``)."""
    value = initial_value(initial, dt, caller)
    if isinstance(value, Tensor):
        return value.to(device=device, dtype=dt)
    return scalar_tensor(value, dt, device, caller)


def _sum_or_prod(
    fn: Callable[..., Tensor],
    combine: Callable[..., Tensor],
    neutral: int,
    x: object,
    axis: object,
    dtype: DTypeLike | None,
    out: Tensor | None,
    keepdims: bool,
    initial: Scalar | None,
    where: object,
    caller: str,
) -> Tensor:
    """sum/prod of ``x`` over ``axis`` in the standard's dtype (the slow path)."""
    t = _tensor(x, caller)
    dims = normalize_axes(axis, t.ndim, caller)
    target = accumulation_dtype(t.dtype, dtype, caller)
    src = accumulation_source(t, target)
    if where is not True:
        src = torch.where(where_mask(where, caller, t.device, t.shape), src, neutral)
    if not dims:  # axis=() or a 0-d array: nothing to reduce, a copy in the result dtype
        result = narrow(src.clone() if src is t else src, target)
    elif len(dims) == src.ndim and not keepdims:
        result = narrow(fn(src), target)
    elif fn is torch.sum:
        result = narrow(fn(src, dims, keepdim=keepdims), target)
    else:  # torch.prod takes one dim
        result = src
        for d in reversed(dims):
            result = fn(result, d, keepdim=keepdims)
        result = narrow(result, target)
    if initial is not None:
        result = _combine(combine, result, _initial_tensor(initial, target, t.device, caller))
    return write_out(result, out, caller)


def sum(  # noqa: A001 - the standard's name
    x: Tensor,
    /,
    axis: AxisLike = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    initial: Scalar | None = None,
    where: Mask = True,
) -> Tensor:
    """Sum of the elements over ``axis``.

    Parameters
    ----------
    x : array_like
        Input (a tensor, NumPy array, scalar or nested sequence).
    axis : int or tuple of int, optional
        Axes to reduce (all by default; ``()`` reduces none).
    dtype : dtype, optional
        Result dtype; the input is cast to it before summing. By default signed integers and
        bool sum to int64, unsigned integers to uint64 (wrapping as NumPy does), floating
        input keeps its dtype.
    out : Tensor, optional
        Tensor to write the result into (NumPy's ``same_kind`` casting); it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    initial : scalar, optional
        Added to the sum (NumPy's starting value).
    where : array_like of bool, optional
        Only elements where this mask (broadcast to ``x``) is True are summed.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: the result is new memory (``out`` when given) and stays on ``x``'s
    autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.sum([1, 2, 3])
    tensor(6)
    >>> tb.sum(tb.ones((2, 3)), 0)
    tensor([2., 2., 2.], dtype=torch.float64)
    """
    if (
        type(x) is Tensor
        and dtype is None
        and out is None
        and initial is None
        and where is True
        and x.dtype in _SUM_NATIVE
    ):
        # Positional arguments: torch parses them faster than keywords.
        try:
            if axis is None:
                return torch.sum(x, None, True) if keepdims else torch.sum(x)
            if type(axis) is int and x.ndim:
                return torch.sum(x, axis, keepdims)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    return _sum_or_prod(
        torch.sum, torch.add, 0, x, axis, dtype, out, keepdims, initial, where, "sum"
    )


def prod(
    x: Tensor,
    /,
    axis: AxisLike = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    initial: Scalar | None = None,
    where: Mask = True,
) -> Tensor:
    """Product of the elements over ``axis``.

    Parameters
    ----------
    x : array_like
        Input.
    axis : int or tuple of int, optional
        Axes to reduce (all by default; ``()`` reduces none).
    dtype : dtype, optional
        Result dtype (the input is cast first); by default the dtypes of :func:`sum`: int64
        for signed integers and bool, uint64 for unsigned integers, the input's for floating.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    initial : scalar, optional
        Multiplies the product (NumPy's starting value).
    where : array_like of bool, optional
        Only elements where this mask is True take part.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory (``out`` when given), on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.prod([[1, 2], [3, 4]], axis=1)
    tensor([ 2, 12])
    """
    if (
        type(x) is Tensor
        and dtype is None
        and out is None
        and initial is None
        and where is True
        and x.dtype in _SUM_NATIVE
    ):
        try:
            if axis is None and not keepdims:
                return torch.prod(x)
            if type(axis) is int and x.ndim:
                return torch.prod(x, axis, keepdims)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    return _sum_or_prod(
        torch.prod, torch.mul, 1, x, axis, dtype, out, keepdims, initial, where, "prod"
    )


def cumulate(
    fn: Callable[..., Tensor],
    initial: int,
    x: object,
    *,
    axis: object,
    dtype: DTypeLike | None,
    include_initial: bool,
    flatten: bool,
    caller: str,
) -> Tensor:
    """Running sums or products along ``axis``. ``axis=None`` flattens (``flatten``, NumPy's
    cumsum) or needs a 1-D array (the standard's cumulative_sum)."""
    t = _tensor(x, caller)
    if axis is None:
        if t.ndim > 1 and not flatten:
            raise ValueError(
                f"{caller}: axis=None needs a 1-D array, got {t.ndim} dimensions (shape "
                f"{tuple(t.shape)}); pass axis= to choose the axis to accumulate along"
            )
        t = t.reshape(-1)  # NumPy treats a 0-d array as 1-D here
        ax = 0
    else:
        if t.ndim == 0 and flatten:
            t = t.reshape(1)  # np.cumsum(0-d, axis=0) reads the scalar as 1-D
        ax = normalize_axis(axis, t.ndim, caller)
    target = accumulation_dtype(t.dtype, dtype, caller)
    out = fn(accumulation_source(t, target), ax)
    if include_initial:
        shape = list(out.shape)
        shape[ax] = 1
        first = torch.full(shape, initial, dtype=out.dtype, device=out.device)
        out = torch.cat([first, out], ax)
    return narrow(out, target)


def cumulative_sum(
    x: Tensor,
    /,
    *,
    axis: int | None = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
    include_initial: bool = False,
) -> Tensor:
    """Running sums along ``axis``.

    Parameters
    ----------
    x : array_like
        Input; 2-D and higher input must name ``axis``.
    axis : int, optional
        The axis to accumulate along.
    dtype : dtype, optional
        Result dtype, as for :func:`sum`.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    include_initial : bool, optional
        Prepend the empty sum, 0, along ``axis``.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory (``out`` when given), on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.cumulative_sum([1, 2, 3], include_initial=True)
    tensor([0, 1, 3, 6])
    """
    if (
        type(x) is Tensor
        and dtype is None
        and out is None
        and not include_initial
        and x.dtype in _SUM_NATIVE
    ):
        try:
            if axis is None:
                if x.ndim == 1:
                    return torch.cumsum(x, 0)
            elif type(axis) is int and x.ndim:
                return torch.cumsum(x, axis)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    result = cumulate(
        torch.cumsum,
        0,
        x,
        axis=axis,
        dtype=dtype,
        include_initial=include_initial,
        flatten=False,
        caller="cumulative_sum",
    )
    return write_out(result, out, "cumulative_sum")


def cumulative_prod(
    x: Tensor,
    /,
    *,
    axis: int | None = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
    include_initial: bool = False,
) -> Tensor:
    """Running products along ``axis``.

    Parameters
    ----------
    x : array_like
        Input; 2-D and higher input must name ``axis``.
    axis : int, optional
        The axis to accumulate along.
    dtype : dtype, optional
        Result dtype, as for :func:`prod`.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    include_initial : bool, optional
        Prepend the empty product, 1, along ``axis``.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory (``out`` when given), on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.cumulative_prod([1, 2, 3])
    tensor([1, 2, 6])
    """
    if (
        type(x) is Tensor
        and dtype is None
        and out is None
        and not include_initial
        and x.dtype in _SUM_NATIVE
    ):
        try:
            if axis is None:
                if x.ndim == 1:
                    return torch.cumprod(x, 0)
            elif type(axis) is int and x.ndim:
                return torch.cumprod(x, axis)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    result = cumulate(
        torch.cumprod,
        1,
        x,
        axis=axis,
        dtype=dtype,
        include_initial=include_initial,
        flatten=False,
        caller="cumulative_prod",
    )
    return write_out(result, out, "cumulative_prod")


# ---- max, min --------------------------------------------------------------------------------


def extreme(
    fn: Callable[..., Tensor],
    x: object,
    axis: object,
    out: Tensor | None,
    keepdims: bool,
    initial: Scalar | None,
    where: object,
    caller: str,
) -> Tensor:
    """max/min (the slow path): several axes, ``initial``/``where``, unsigned dtypes, NumPy's
    error for an empty reduction."""
    t = _tensor(x, caller)
    name = "maximum" if fn is torch.amax else "minimum"
    if t.dtype.is_complex:
        raise TypeError(
            f"{caller}: complex numbers have no order, got {t.dtype}; reduce the real part or "
            "the magnitude instead (tb.real(x) or tb.abs(x))"
        )
    dims = normalize_axes(axis, t.ndim, caller)
    gap = t.dtype in UNSIGNED_GAPS
    vals = ordered(t) if gap else t
    init = None
    if initial is not None:
        init = _initial_tensor(initial, t.dtype, t.device, caller)
        init = ordered(init) if gap else init
    if where is not True:
        if init is None:
            raise ValueError(
                f"{caller}: reduction operation '{name}' has no identity, so a where= mask "
                "needs initial= as well; pass initial= (e.g. the smallest value for max)"
            )
        vals = torch.where(where_mask(where, caller, t.device, t.shape), vals, init)
    if not dims:
        result = vals.clone() if vals is t and init is None else vals
    elif math.prod([t.shape[d] for d in dims]) == 0:
        if init is None:
            empty = next(d for d in dims if t.shape[d] == 0)
            raise ValueError(
                f"{caller}: zero-size array to reduction operation {name} which has no "
                f"identity (axis {empty} of shape {tuple(t.shape)} is empty); pass initial= "
                "or reduce a non-empty array or axis"
            )
        shape = reduced_shape(t.shape, dims, keepdims)
        result = init.expand(shape).clone()
    else:
        result = fn(vals, dims, keepdim=keepdims)
    if init is not None:  # a bound on every result element, reduced or not (NumPy's)
        result = (torch.maximum if fn is torch.amax else torch.minimum)(result, init)
    if gap:
        result = from_ordered(result, t.dtype)
    return write_out(result, out, caller)


def max(  # noqa: A001 - the standard's name
    x: Tensor,
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    initial: Scalar | None = None,
    where: Mask = True,
) -> Tensor:
    """Largest element over ``axis``, as values only (``torch.amax``, not torch.max's pairs).

    Parameters
    ----------
    x : array_like
        Real input (complex numbers have no order).
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    initial : scalar, optional
        A lower bound of the result; it makes an empty reduction valid.
    where : array_like of bool, optional
        Only elements where the mask is True take part (needs ``initial``).

    Returns
    -------
    Tensor
        NaN propagates.

    Raises
    ------
    ValueError
        An empty reduction without ``initial`` (NumPy: "zero-size array to reduction
        operation maximum which has no identity").

    Notes
    -----
    Memory and autograd: new memory (``out`` when given), on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.max([[1, 5], [7, 2]], axis=0)
    tensor([7, 5])
    """
    if type(x) is Tensor and out is None and initial is None and where is True:
        try:
            if axis is None:
                return torch.amax(x, (), True) if keepdims else torch.amax(x)
            if type(axis) is int and x.ndim:
                return torch.amax(x, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # empty, unordered (complex), uint16/32/64 or a bad axis: the slow path
    return extreme(torch.amax, x, axis, out, keepdims, initial, where, "max")


def min(  # noqa: A001 - the standard's name
    x: Tensor,
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    initial: Scalar | None = None,
    where: Mask = True,
) -> Tensor:
    """Smallest element over ``axis``, as values only (``torch.amin``, not torch.min's pairs).

    Parameters
    ----------
    x : array_like
        Real input (complex numbers have no order).
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    initial : scalar, optional
        An upper bound of the result; it makes an empty reduction valid.
    where : array_like of bool, optional
        Only elements where the mask is True take part (needs ``initial``).

    Returns
    -------
    Tensor
        NaN propagates.

    Raises
    ------
    ValueError
        An empty reduction without ``initial`` (NumPy: "zero-size array to reduction
        operation minimum which has no identity").

    Notes
    -----
    Memory and autograd: new memory (``out`` when given), on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.min([[1, 5], [7, 2]], axis=1)
    tensor([1, 2])
    """
    if type(x) is Tensor and out is None and initial is None and where is True:
        try:
            if axis is None:
                return torch.amin(x, (), True) if keepdims else torch.amin(x)
            if type(axis) is int and x.ndim:
                return torch.amin(x, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # empty, unordered (complex), uint16/32/64 or a bad axis: the slow path
    return extreme(torch.amin, x, axis, out, keepdims, initial, where, "min")


# ---- mean, std, var --------------------------------------------------------------------------


def floating(x: object, caller: str, dtype: DTypeLike | None = None) -> Tensor:
    """``x`` as a floating tensor: integers and bool become the default float (NumPy's float64),
    or ``dtype`` when given (which must be floating or complex)."""
    t = _tensor(x, caller)
    if dtype is not None:
        dt = dtype_arg(dtype, caller)
        if dt not in _INEXACT:
            raise TypeError(
                f"{caller}: dtype={dt} is not a floating dtype, and this statistic is computed "
                "in floating point; pass a floating or complex dtype (e.g. tb.float64)"
            )
        return t if t.dtype == dt else t.to(dt)
    return t if t.dtype in _INEXACT else t.to(default_float_dtype())


def _count(mask: Tensor | None, t: Tensor, dims: tuple[int, ...], keepdims: bool) -> Tensor | int:
    """How many elements each reduction sees: all of them, or the mask's True ones."""
    if mask is None:
        return math.prod([t.shape[d] for d in dims])
    return mask.sum(dims, keepdim=keepdims)


def _mean_slow(
    x: object,
    axis: object,
    dtype: DTypeLike | None,
    out: Tensor | None,
    keepdims: bool,
    where: object,
) -> Tensor:
    t = _tensor(x, "mean")
    int_dtype = None
    asked = None if dtype is None else dtype_arg(dtype, "mean")
    if asked is not None and not asked.is_floating_point and not asked.is_complex:
        # NumPy sums in the integer dtype, divides, and casts back (truncating)
        int_dtype = asked
        f = t.to(int_dtype) if t.dtype != int_dtype else t
    else:
        f = floating(t, "mean", dtype)
    dims = normalize_axes(axis, f.ndim, "mean")
    if where is True and dims and math.prod([f.shape[d] for d in dims]) == 0:
        _warn_empty_mean(f.shape, dims)  # as NumPy does; a check of shapes, no device sync
    if where is not True:
        mask = where_mask(where, "mean", f.device, f.shape)
        if not dims:  # each element alone: itself, or an empty mean (NaN) where masked out
            result = torch.where(mask, f, math.nan)
        else:
            total = torch.where(mask, f, 0).sum(dims, keepdim=keepdims)
            result = total / mask.sum(dims, keepdim=keepdims)
    elif not dims:
        result = f.clone() if f is x else f
    elif int_dtype is not None:
        result = f.sum(dims, keepdim=keepdims) / math.prod([f.shape[d] for d in dims])
    else:
        result = torch.mean(f, dims, keepdim=keepdims)
    if int_dtype is not None:
        result = result.to(int_dtype)
    elif result.dtype != f.dtype:
        result = result.to(f.dtype)
    return write_out(result, out, "mean")


def _warn_empty_mean(shape: torch.Size, dims: tuple[int, ...]) -> None:
    warnings.warn(
        f"mean: mean of an empty slice (axes {dims} of shape {tuple(shape)} have no elements) "
        "is NaN; reduce over non-empty axes, or silence this warning if NaN is wanted",
        RuntimeWarning,
        stacklevel=4,
    )


def mean(
    x: Tensor,
    /,
    axis: AxisLike = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    *,
    where: Mask = True,
) -> Tensor:
    """Arithmetic mean over ``axis``.

    Parameters
    ----------
    x : array_like
        Input.
    axis : int or tuple of int, optional
        Axes to reduce (all by default; ``()`` reduces none).
    dtype : dtype, optional
        The dtype to compute in (and of the result). By default integer and bool input gives
        the default floating dtype (float64, as NumPy), floating input keeps its dtype.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    where : array_like of bool, optional
        Only elements where the mask is True take part.

    Returns
    -------
    Tensor
        An empty mean is NaN.

    Notes
    -----
    Memory and autograd: new memory (``out`` when given), on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.mean([1, 2, 3, 4])
    tensor(2.5000, dtype=torch.float64)
    """
    if (
        type(x) is Tensor
        and x.dtype in _INEXACT  # torch.compile cannot catch torch's error for integers
        and dtype is None
        and out is None
        and where is True
        and x.numel()  # an empty array: the slow path warns, as NumPy does
    ):
        try:
            if axis is None:
                return torch.mean(x, None, True) if keepdims else torch.mean(x)
            if type(axis) is int and x.ndim:
                return torch.mean(x, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # an integer or bool dtype, or a bad axis: the slow path
    return _mean_slow(x, axis, dtype, out, keepdims, where)


def correction_of(correction: object, ddof: object, caller: str) -> float:
    """The divisor's offset from ``correction`` (the standard's name) or ``ddof`` (NumPy's)."""
    if ddof is not None:
        if correction is not None:
            raise TypeError(
                f"{caller}: got both correction={correction!r} and ddof={ddof!r}; ddof is "
                "NumPy's name for correction, pass only one"
            )
        correction, name = ddof, "ddof"
    else:
        name = "correction"
    if correction is None:
        return 0
    if isinstance(correction, (bool, complex)) or not isinstance(correction, (int, float)):
        raise TypeError(
            f"{caller}: {name}={correction!r} is not a real number; pass an int or a float "
            "(0 for the population, 1 for the sample estimate)"
        )
    return correction


def moment(
    fn: Callable[..., Tensor],
    x: object,
    *,
    axis: object,
    dtype: DTypeLike | None,
    out: Tensor | None,
    correction: object,
    keepdims: bool,
    ddof: object,
    where: object,
    mean: Tensor | None,
    caller: str,
    nan_dof: bool = False,
) -> Tensor:
    """std/var (the slow path): any axes, float corrections, ``where``/``mean``. Where
    ``M - correction <= 0`` the sum of squared deviations is divided by 0, as NumPy divides by
    ``max(M - correction, 0)``: inf, or NaN where the deviations are all 0 (or there are none);
    ``nan_dof`` gives NaN there instead (NumPy's nanvar and nanstd)."""
    c = correction_of(correction, ddof, caller)
    t = floating(x, caller, dtype)
    dims = normalize_axes(axis, t.ndim, caller)
    if not dims:  # nothing reduced: each element is its own sample of size 1
        t, dims, keepdims = t.unsqueeze(-1), (t.ndim,), False
        if where is not True:
            where = where_mask(where, caller, t.device).unsqueeze(-1)
        if mean is not None:
            mean = _beside_data(mean, t, caller, "mean").unsqueeze(-1)
    mask = None if where is True else where_mask(where, caller, t.device, t.shape)
    real_dt = _REAL_OF.get(t.dtype, t.dtype)
    result: Tensor | None = None
    if mask is None and mean is None:
        m = math.prod([t.shape[d] for d in dims])
        if m - c <= 0:  # NumPy warns (a check of shapes only: no device sync)
            warnings.warn(
                f"{caller}: degrees of freedom <= 0 ({m} elements along axes {dims}, "
                f"correction {c}) divide by zero; pass a smaller ddof or reduce over more "
                "elements",
                RuntimeWarning,
                stacklevel=4,
            )
        if t.numel() == 0 or (m - c <= 0 and nan_dof):
            shape = reduced_shape(t.shape, dims, keepdims)
            result = torch.full(shape, math.nan, dtype=real_dt, device=t.device)
        elif m - c > 0:
            result = fn(t, dims, correction=c, keepdim=keepdims)
    if result is None:
        count = _count(mask, t, dims, True)
        # masked-out elements (NaN, for the nan* statistics) become 0 before any arithmetic, so
        # that they give no NaN gradient through the masked terms either
        vals = t if mask is None else torch.where(mask, t, 0)
        if mean is None:
            centre = vals.sum(dims, keepdim=True) / count
        else:
            centre = _beside_data(mean, t, caller, "mean")
        dev = vals - centre
        sq = (dev * dev.conj()).real if dev.is_complex() else dev * dev
        if mask is not None:
            sq = torch.where(mask, sq, 0)
        dof = torch.as_tensor(count - c, device=t.device)
        if nan_dof:
            moment = torch.where(dof > 0, sq.sum(dims, keepdim=True) / dof, math.nan)
        else:
            moment = sq.sum(dims, keepdim=True) / dof.clamp(min=0)
        if fn is torch.std:
            moment = moment.sqrt()
        result = kept(moment.squeeze(dims), t.shape, dims, keepdims).to(real_dt)
    if dtype is not None and result.dtype != t.dtype:
        result = result.to(t.dtype)  # NumPy: an explicit dtype is the result's, complex too
    return write_out(result, out, caller)


def std(
    x: Tensor,
    /,
    axis: AxisLike = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
    ddof: float | None = None,
    keepdims: bool = False,
    *,
    where: Mask = True,
    mean: Tensor | None = None,
    correction: float | None = None,
) -> Tensor:
    """Standard deviation over ``axis``, dividing by ``M - correction``.

    Parameters
    ----------
    x : array_like
        Input.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    dtype : dtype, optional
        Floating dtype to compute in.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    ddof : float, optional
        NumPy's name for ``correction`` (give one of the two; 0 by default).
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    where : array_like of bool, optional
        Only elements where the mask is True take part.
    mean : Tensor, optional
        A precomputed mean (with ``keepdims=True``'s shape), as NumPy's ``mean=``.
    correction : float, optional
        The standard's name for ``ddof``; floats allowed.

    Returns
    -------
    Tensor
        Integer input gives the default float, complex input its real dtype. Where
        ``M - correction <= 0`` NumPy divides by zero: inf, or NaN where every deviation is 0.

    Raises
    ------
    TypeError
        Both ``ddof`` and ``correction`` given, or a non-real value.

    Notes
    -----
    Memory and autograd: new memory (``out`` when given), on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.std([1.0, 3.0], ddof=1)
    tensor(1.4142, dtype=torch.float64)
    """
    if (
        type(x) is Tensor
        and axis is None
        and ddof is None
        and dtype is None
        and out is None
        and where is True
        and mean is None
        and x.dtype in _INEXACT
    ):
        c = 0 if correction is None else correction
        if (type(c) is int or type(c) is float) and c < x.numel():
            return torch.std(x, None, correction=c, keepdim=keepdims)
    return moment(
        torch.std,
        x,
        axis=axis,
        dtype=dtype,
        out=out,
        correction=correction,
        keepdims=keepdims,
        ddof=ddof,
        where=where,
        mean=mean,
        caller="std",
    )


def var(
    x: Tensor,
    /,
    axis: AxisLike = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
    ddof: float | None = None,
    keepdims: bool = False,
    *,
    where: Mask = True,
    mean: Tensor | None = None,
    correction: float | None = None,
) -> Tensor:
    """Variance over ``axis``, dividing by ``M - correction``.

    Parameters
    ----------
    x : array_like
        Input.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    dtype : dtype, optional
        Floating dtype to compute in.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    ddof : float, optional
        NumPy's name for ``correction`` (give one of the two; 0 by default).
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    where : array_like of bool, optional
        Only elements where the mask is True take part.
    mean : Tensor, optional
        A precomputed mean (with ``keepdims=True``'s shape), as NumPy's ``mean=``.
    correction : float, optional
        The standard's name for ``ddof``; floats allowed.

    Returns
    -------
    Tensor
        Integer input gives the default float, complex input its real dtype. Where
        ``M - correction <= 0`` NumPy divides by zero: inf, or NaN where every deviation is 0.

    Raises
    ------
    TypeError
        Both ``ddof`` and ``correction`` given, or a non-real value.

    Notes
    -----
    Memory and autograd: new memory (``out`` when given), on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.var([1.0, 3.0])
    tensor(1., dtype=torch.float64)
    """
    if (
        type(x) is Tensor
        and axis is None
        and ddof is None
        and dtype is None
        and out is None
        and where is True
        and mean is None
        and x.dtype in _INEXACT
    ):
        c = 0 if correction is None else correction
        if (type(c) is int or type(c) is float) and c < x.numel():
            return torch.var(x, None, correction=c, keepdim=keepdims)
    return moment(
        torch.var,
        x,
        axis=axis,
        dtype=dtype,
        out=out,
        correction=correction,
        keepdims=keepdims,
        ddof=ddof,
        where=where,
        mean=mean,
        caller="var",
    )
