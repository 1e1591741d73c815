"""NumPy's reductions and statistics beyond the standard.

Order statistics (``median``, ``percentile``, ``quantile``, ``ptp``), weighted means
(``average``), NumPy's cumulative forms (``cumsum``/``cumprod`` flatten when ``axis`` is None),
the NaN-ignoring family (``nansum`` ... ``nanquantile``), ``cov``/``corrcoef``, histograms,
``bincount`` and ``digitize``, with NumPy's signatures and result dtypes. ``amin``/``amax`` are
the standard's ``min``/``max`` themselves (NumPy's signatures already).

How NumPy's semantics map to torch:

* Order statistics select from the data along the reduced axes (moved last and flattened):
  ``torch.kthvalue`` when a few order statistics of a known count are needed, a sort when many
  are, or when each slice counts its own non-NaN elements (the ``nan*`` forms). ``median`` is
  the mean of the two middle values (torch's ``median`` is the lower one).
* ``quantile`` positions follow the Hyndman and Fan definitions NumPy's ``method=`` names, and
  interpolation is ``torch.lerp``. Any NaN in a slice makes its quantile NaN; the ``nan*`` forms
  skip NaNs, and an all-NaN slice gives NaN (without NumPy's RuntimeWarning).
* Data-dependent decisions NumPy makes (a histogram's range, monotonic ``digitize`` bins,
  weights summing to zero, all-NaN slices of ``nanargmax``) read the data, a device sync.

Memory and autograd: every result is new memory (``out`` when given) and stays on the input's
autograd graph wherever torch can differentiate (sums, means, order statistics, cov); index
and count results (``nanargmax``, ``bincount`` without weights, histogram counts) have none.
"""

from __future__ import annotations

import builtins
import math
import operator
import warnings
from collections.abc import Callable, Sequence
from typing import Final, Literal, TypeAlias

import numpy as np
import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor, is_python_scalar, write_out
from tbridge._core.axes import (
    AxisLike,
    flatten_dims,
    kept,
    normalize_axes,
    normalize_axis,
    reduced_shape,
)
from tbridge._core.dtypes import DTypeLike, default_float_dtype
from tbridge._core.promotion import kind_rank, promote, scalar_result
from tbridge._core.values import no_data, signed_view
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits, ordered
from tbridge._namespace.searching import argmax, argmin, searchsorted
from tbridge._namespace.statistical import (
    cumulate,
    dtype_arg,
    floating,
    mean,
    prod,
    std,
    sum,  # noqa: A004 - the namespace's sum, not the builtin
    var,
)
from tbridge._namespace.statistical import max as amax
from tbridge._namespace.statistical import min as amin

__all__ = [
    "amax",
    "amin",
    "average",
    "bincount",
    "corrcoef",
    "cov",
    "cumprod",
    "cumsum",
    "digitize",
    "histogram",
    "histogram2d",
    "histogram_bin_edges",
    "histogramdd",
    "median",
    "nanargmax",
    "nanargmin",
    "nancumprod",
    "nancumsum",
    "nanmax",
    "nanmean",
    "nanmedian",
    "nanmin",
    "nanpercentile",
    "nanprod",
    "nanquantile",
    "nanstd",
    "nansum",
    "nanvar",
    "percentile",
    "ptp",
    "quantile",
]

Scalar: TypeAlias = "bool | int | float | complex"
Mask: TypeAlias = "Tensor | bool"
QuantileMethod: TypeAlias = Literal[
    "inverted_cdf",
    "averaged_inverted_cdf",
    "closest_observation",
    "interpolated_inverted_cdf",
    "hazen",
    "weibull",
    "linear",
    "median_unbiased",
    "normal_unbiased",
    "lower",
    "higher",
    "midpoint",
    "nearest",
]
BinsLike: TypeAlias = "int | str | Tensor | Sequence[float]"
RangeLike: TypeAlias = "tuple[float, float] | None"

_REAL_FLOATS: Final = frozenset({torch.float16, torch.bfloat16, torch.float32, torch.float64})
_INEXACT: Final = _REAL_FLOATS | {torch.complex64, torch.complex128}
_F64: Final = torch.float64
_REAL_OF_C: Final = {torch.complex64: torch.float32, torch.complex128: torch.float64}

#: Hyndman and Fan's continuous sample quantiles, by NumPy's names: (alpha, beta) of the
#: plotting position ``p(k) = (k - alpha) / (n + 1 - alpha - beta)``.
_CONTINUOUS: Final = {
    "interpolated_inverted_cdf": (0.0, 1.0),
    "hazen": (0.5, 0.5),
    "weibull": (0.0, 0.0),
    "median_unbiased": (1 / 3, 1 / 3),
    "normal_unbiased": (3 / 8, 3 / 8),
}
#: Methods that pick one order statistic (the result keeps the input's dtype).
_PICKING: Final = frozenset({"inverted_cdf", "closest_observation", "lower", "higher", "nearest"})
_METHODS: Final = (
    frozenset({"linear", "midpoint", "averaged_inverted_cdf"}) | _PICKING | set(_CONTINUOUS)
)


def _tensor(x: object, caller: str, name: str = "a") -> Tensor:
    """``x`` through the input gate (a tensor passes as itself)."""
    return x if type(x) is Tensor else as_tensor(x, caller, name)


def _nan_mask(t: Tensor) -> Tensor | None:
    """Where ``t`` is NaN, for inexact dtypes (None for integers and bool, which hold none)."""
    return torch.isnan(t) if t.dtype in _INEXACT else None


# ---- ptp ---------------------------------------------------------------------------------------


def ptp(
    a: Tensor, /, axis: AxisLike = None, out: Tensor | None = None, keepdims: bool = False
) -> Tensor:
    """Range of values (maximum minus minimum) over ``axis``.

    Parameters
    ----------
    a : array_like
        Real, non-bool input.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.

    Returns
    -------
    Tensor
        In ``a``'s dtype: integer ranges wrap as NumPy's do (``int8`` -100..100 gives -56).

    Raises
    ------
    TypeError
        bool input (NumPy has no boolean subtract) or complex input.
    ValueError
        An empty reduction.

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.ptp([[4, 9, 2], [1, 1, 1]], axis=1)
    tensor([7, 0])
    """
    t = _tensor(a, "ptp")
    if t.dtype == torch.bool:
        raise TypeError(
            "ptp: bool input has no subtraction (NumPy refuses boolean subtract); cast it "
            "first, e.g. tb.astype(a, tb.int8)"
        )
    hi = amax(t, axis, None, keepdims)
    lo = amin(t, axis, None, keepdims)
    result = on_bits(torch.sub, hi, lo) if t.dtype in UNSIGNED_GAPS else hi - lo
    return write_out(result, out, "ptp")


# ---- cumulative forms ----------------------------------------------------------------------


def _nan_filled(t: Tensor, fill: float) -> Tensor:
    mask = _nan_mask(t)
    return t if mask is None else torch.where(mask, fill, t)


def cumsum(
    a: Tensor,
    /,
    axis: int | None = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
) -> Tensor:
    """Running sums along ``axis``; ``axis=None`` sums the flattened array (NumPy's rule,
    where the standard's ``cumulative_sum`` needs 1-D input).

    Parameters
    ----------
    a : array_like
        Input.
    axis : int, optional
        The axis to accumulate along (the flattened array by default).
    dtype : dtype, optional
        Result dtype; by default that of ``tb.sum`` (int64 for signed integers and bool,
        uint64 for unsigned).
    out : Tensor, optional
        Tensor to write the result into; it is returned.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.cumsum([[1, 2], [3, 4]])
    tensor([ 1,  3,  6, 10])
    """
    if type(a) is Tensor and dtype is None and out is None and type(axis) is int and a.ndim:
        try:
            if a.dtype in _REAL_FLOATS or a.dtype in (torch.int64, torch.float64):
                return torch.cumsum(a, axis)
        except IndexError:
            pass  # a bad axis: the slow path explains
    result = cumulate(
        torch.cumsum,
        0,
        a,
        axis=axis,
        dtype=dtype,
        include_initial=False,
        flatten=True,
        caller="cumsum",
    )
    return write_out(result, out, "cumsum")


def cumprod(
    a: Tensor,
    /,
    axis: int | None = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
) -> Tensor:
    """Running products along ``axis``; ``axis=None`` multiplies the flattened array.

    Parameters
    ----------
    a : array_like
        Input.
    axis : int, optional
        The axis to accumulate along (the flattened array by default).
    dtype : dtype, optional
        Result dtype; by default that of ``tb.prod``.
    out : Tensor, optional
        Tensor to write the result into; it is returned.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.cumprod([1, 2, 3, 4])
    tensor([ 1,  2,  6, 24])
    """
    if type(a) is Tensor and dtype is None and out is None and type(axis) is int and a.ndim:
        try:
            if a.dtype in _REAL_FLOATS or a.dtype in (torch.int64, torch.float64):
                return torch.cumprod(a, axis)
        except IndexError:
            pass  # a bad axis: the slow path explains
    result = cumulate(
        torch.cumprod,
        1,
        a,
        axis=axis,
        dtype=dtype,
        include_initial=False,
        flatten=True,
        caller="cumprod",
    )
    return write_out(result, out, "cumprod")


def nancumsum(
    a: Tensor,
    /,
    axis: int | None = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
) -> Tensor:
    """Running sums along ``axis`` with NaN counted as zero (see :func:`cumsum`).

    Parameters
    ----------
    a : array_like
        Input.
    axis : int, optional
        The axis to accumulate along (the flattened array by default).
    dtype : dtype, optional
        Result dtype, as for :func:`cumsum`.
    out : Tensor, optional
        Tensor to write the result into; it is returned.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph (NaN positions get no
    gradient).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nancumsum([1.0, float("nan"), 2.0])
    tensor([1., 1., 3.], dtype=torch.float64)
    """
    return cumsum(_nan_filled(_tensor(a, "nancumsum"), 0.0), axis, dtype, out)


def nancumprod(
    a: Tensor,
    /,
    axis: int | None = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
) -> Tensor:
    """Running products along ``axis`` with NaN counted as one (see :func:`cumprod`).

    Parameters
    ----------
    a : array_like
        Input.
    axis : int, optional
        The axis to accumulate along (the flattened array by default).
    dtype : dtype, optional
        Result dtype, as for :func:`cumprod`.
    out : Tensor, optional
        Tensor to write the result into; it is returned.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph (NaN positions get no
    gradient).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nancumprod([2.0, float("nan"), 3.0])
    tensor([2., 2., 6.], dtype=torch.float64)
    """
    return cumprod(_nan_filled(_tensor(a, "nancumprod"), 1.0), axis, dtype, out)


# ---- nansum, nanprod, nanmean, nanvar, nanstd --------------------------------------------


def nansum(
    a: Tensor,
    /,
    axis: AxisLike = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    initial: Scalar | None = None,
    where: Mask = True,
) -> Tensor:
    """Sum over ``axis`` with NaN counted as zero (an all-NaN slice sums to 0).

    Parameters
    ----------
    a : array_like
        Input.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    dtype : dtype, optional
        Result dtype, as for ``tb.sum``.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    initial : scalar, optional
        Added to the sum.
    where : array_like of bool, optional
        Only elements where the mask is True are summed.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nansum([1.0, float("nan"), 2.0])
    tensor(3., dtype=torch.float64)
    """
    if (
        type(a) is Tensor
        and a.dtype in _REAL_FLOATS
        and dtype is None
        and out is None
        and initial is None
        and where is True
    ):
        try:
            if axis is None:
                return torch.nansum(a, None, keepdims) if keepdims else torch.nansum(a)
            if type(axis) is int and a.ndim:
                return torch.nansum(a, axis, keepdims)
        except IndexError:
            pass  # a bad axis: the slow path explains
    t = _nan_filled(_tensor(a, "nansum"), 0.0)
    return sum(t, axis, dtype, out, keepdims, initial, where)


def nanprod(
    a: Tensor,
    /,
    axis: AxisLike = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    initial: Scalar | None = None,
    where: Mask = True,
) -> Tensor:
    """Product over ``axis`` with NaN counted as one (an all-NaN slice gives 1).

    Parameters
    ----------
    a : array_like
        Input.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    dtype : dtype, optional
        Result dtype, as for ``tb.prod``.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    initial : scalar, optional
        Multiplies the product.
    where : array_like of bool, optional
        Only elements where the mask is True take part.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanprod([2.0, float("nan"), 3.0])
    tensor(6., dtype=torch.float64)
    """
    t = _nan_filled(_tensor(a, "nanprod"), 1.0)
    return prod(t, axis, dtype, out, keepdims, initial, where)


def _not_nan(t: Tensor, where: object, caller: str) -> Tensor | bool:
    """The mask of elements a ``nan*`` statistic counts: not NaN, and within ``where``."""
    mask = _nan_mask(t)
    if mask is None:
        return where  # type: ignore[return-value]  # checked by the statistic it is given to
    keep = mask.logical_not()
    if where is True:
        return keep
    return keep & _tensor(where, caller, "where")


def nanmean(
    a: Tensor,
    /,
    axis: AxisLike = None,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    *,
    where: Mask = True,
) -> Tensor:
    """Mean over ``axis`` of the non-NaN elements (an all-NaN slice gives NaN).

    Parameters
    ----------
    a : array_like
        Input; integer input gives the default float.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    dtype : dtype, optional
        The dtype to compute in.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    where : array_like of bool, optional
        Only elements where the mask is True take part.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph. NumPy warns on an all-NaN
    slice; tbridge returns its NaN silently (a warning would need the data on the host).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanmean([1.0, float("nan"), 2.0])
    tensor(1.5000, dtype=torch.float64)
    """
    if (
        type(a) is Tensor
        and a.dtype in _REAL_FLOATS
        and dtype is None
        and out is None
        and where is True
    ):
        try:
            if axis is None:
                return torch.nanmean(a, None, keepdims) if keepdims else torch.nanmean(a)
            if type(axis) is int and a.ndim:
                return torch.nanmean(a, axis, keepdims)
        except IndexError:
            pass  # a bad axis: the slow path explains
    t = _tensor(a, "nanmean")
    if dtype is not None:
        t = floating(t, "nanmean", dtype)
    return mean(t, axis, None, out, keepdims, where=_not_nan(t, where, "nanmean"))


def nanvar(
    a: Tensor,
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
    """Variance over ``axis`` of the non-NaN elements, dividing by ``M - ddof`` (M counts the
    non-NaN elements; NaN where ``M - ddof <= 0``).

    Parameters
    ----------
    a : array_like
        Input; integer input gives the default float, complex its real dtype.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    dtype : dtype, optional
        Floating dtype to compute in.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    ddof : float, optional
        Delta degrees of freedom (0 by default); ``correction`` is the standard's name.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    where : array_like of bool, optional
        Only elements where the mask is True take part.
    mean : Tensor, optional
        A precomputed mean (``keepdims=True``'s shape).
    correction : float, optional
        The standard's name for ``ddof`` (give one of the two).

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph (NaN positions get no
    gradient).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanvar([1.0, float("nan"), 3.0])
    tensor(1., dtype=torch.float64)
    """
    t = _tensor(a, "nanvar")
    return var(
        t,
        axis,
        dtype,
        out,
        ddof,
        keepdims,
        where=_not_nan(t, where, "nanvar"),
        mean=mean,
        correction=correction,
    )


def nanstd(
    a: Tensor,
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
    """Standard deviation over ``axis`` of the non-NaN elements (see :func:`nanvar`).

    Parameters
    ----------
    a : array_like
        Input; integer input gives the default float, complex its real dtype.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    dtype : dtype, optional
        Floating dtype to compute in.
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    ddof : float, optional
        Delta degrees of freedom (0 by default); ``correction`` is the standard's name.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    where : array_like of bool, optional
        Only elements where the mask is True take part.
    mean : Tensor, optional
        A precomputed mean (``keepdims=True``'s shape).
    correction : float, optional
        The standard's name for ``ddof`` (give one of the two).

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph (NaN positions get no
    gradient).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanstd([1.0, float("nan"), 3.0])
    tensor(1., dtype=torch.float64)
    """
    t = _tensor(a, "nanstd")
    return std(
        t,
        axis,
        dtype,
        out,
        ddof,
        keepdims,
        where=_not_nan(t, where, "nanstd"),
        mean=mean,
        correction=correction,
    )


# ---- nanmin, nanmax, nanargmin, nanargmax --------------------------------------------------


def _nan_extreme(
    reduce: Callable[..., Tensor],
    a: object,
    axis: object,
    out: Tensor | None,
    keepdims: bool,
    initial: Scalar | None,
    where: object,
    caller: str,
) -> Tensor:
    t = _tensor(a, caller)
    nan = _nan_mask(t)
    if nan is None:
        return reduce(t, axis, out, keepdims, initial, where)
    fill = -math.inf if reduce is amax else math.inf
    result = reduce(t.masked_fill(nan, fill), axis, None, keepdims, initial, where)
    if initial is None:  # an all-NaN slice is NaN (with initial, it is initial, as NumPy)
        skipped = nan if where is True else nan | ~_tensor(where, caller, "where").expand(t.shape)
        dims = normalize_axes(axis, t.ndim, caller)
        all_nan = skipped.all(dims, keepdim=keepdims) if dims else skipped
        result = result.masked_fill(all_nan, math.nan)
    return write_out(result, out, caller)


def nanmax(
    a: Tensor,
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    initial: Scalar | None = None,
    where: Mask = True,
) -> Tensor:
    """Largest non-NaN element over ``axis`` (an all-NaN slice gives NaN).

    Parameters
    ----------
    a : array_like
        Real input.
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

    Raises
    ------
    ValueError
        An empty reduction without ``initial``.

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph. Three passes over the data
    (NaN mask, masked maximum, all-NaN test) where ``max`` makes one.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanmax([1.0, float("nan"), 3.0])
    tensor(3., dtype=torch.float64)
    """
    return _nan_extreme(amax, a, axis, out, keepdims, initial, where, "nanmax")


def nanmin(
    a: Tensor,
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    initial: Scalar | None = None,
    where: Mask = True,
) -> Tensor:
    """Smallest non-NaN element over ``axis`` (an all-NaN slice gives NaN).

    Parameters
    ----------
    a : array_like
        Real input.
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

    Raises
    ------
    ValueError
        An empty reduction without ``initial``.

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanmin([[1.0, float("nan")], [float("nan"), float("nan")]], axis=1)
    tensor([1., nan], dtype=torch.float64)
    """
    return _nan_extreme(amin, a, axis, out, keepdims, initial, where, "nanmin")


def _nan_arg(
    fn: Callable[..., Tensor],
    a: object,
    axis: int | None,
    out: Tensor | None,
    keepdims: bool,
    caller: str,
) -> Tensor:
    t = _tensor(a, caller)
    nan = _nan_mask(t)
    if nan is None:
        return fn(t, axis, out, keepdims=keepdims)
    all_nan = nan.all() if axis is None else nan.all(normalize_axis(axis, t.ndim, caller))
    if t.device.type != "meta" and t.numel() and bool(all_nan.any()):
        raise ValueError(
            f"{caller}: All-NaN slice encountered: a slice along "
            f"{'the flattened array' if axis is None else f'axis {axis}'} holds only NaN, "
            f"which has no {'largest' if fn is argmax else 'smallest'} value; drop or fill the "
            "NaNs first (tb.nan_to_num)"
        )
    fill = -math.inf if fn is argmax else math.inf
    return fn(t.masked_fill(nan, fill), axis, out, keepdims=keepdims)


def nanargmax(
    a: Tensor, /, axis: int | None = None, out: Tensor | None = None, *, keepdims: bool = False
) -> Tensor:
    """Index (int64) of the largest non-NaN element along ``axis`` (or of the flattened array).

    Parameters
    ----------
    a : array_like
        Real input.
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
        A slice that is all NaN ("All-NaN slice encountered", as NumPy), or empty input.

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient. The all-NaN test reads the data
    (a device sync).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanargmax([1.0, float("nan"), 3.0])
    tensor(2)
    """
    return _nan_arg(argmax, a, axis, out, keepdims, "nanargmax")


def nanargmin(
    a: Tensor, /, axis: int | None = None, out: Tensor | None = None, *, keepdims: bool = False
) -> Tensor:
    """Index (int64) of the smallest non-NaN element along ``axis`` (or of the flattened array).

    Parameters
    ----------
    a : array_like
        Real input.
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
        A slice that is all NaN ("All-NaN slice encountered", as NumPy), or empty input.

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanargmin([float("nan"), 2.0, 1.0])
    tensor(2)
    """
    return _nan_arg(argmin, a, axis, out, keepdims, "nanargmin")


# ---- median, quantile, percentile and their nan forms ----------------------------------------


def _orderable(t: Tensor, caller: str) -> Tensor:
    """``t`` in a dtype torch can sort and select from: bool as uint8, the unsigned gaps through
    their order-preserving twin (values are read back through it)."""
    if t.dtype.is_complex:
        raise TypeError(
            f"{caller}: a must be an array of real numbers, got {t.dtype}; take tb.real(a) "
            "or tb.abs(a) first"
        )
    if t.dtype == torch.bool:
        return t.to(torch.uint8)
    if t.dtype in UNSIGNED_GAPS:
        return ordered(t)
    return t


def _back(values: Tensor, t: Tensor) -> Tensor:
    """Values selected from ``_orderable(t)`` back in ``t``'s dtype."""
    if values.dtype == t.dtype:
        return values
    if t.dtype == torch.uint64:
        return torch.bitwise_xor(values, -(2**63)).view(torch.uint64)
    return values.to(t.dtype)


def _order_stats(flat: Tensor, ks: list[int]) -> Tensor:
    """The ``ks``-th smallest values (0-based) along the last axis of a real tensor, stacked
    last. A few order statistics are selected (``torch.kthvalue``); more take one sort."""
    distinct = sorted(set(ks))
    if len(distinct) <= 2:
        picked = {k: torch.kthvalue(flat, k + 1, -1).values for k in distinct}
        return torch.stack([picked[k] for k in ks], -1)
    ordered_values = torch.sort(flat, -1).values
    return ordered_values[..., ks]


def _positions(n: Tensor, q: Tensor, method: str) -> tuple[Tensor, Tensor, Tensor | None]:
    """Hyndman and Fan's sample quantile ``q`` of ``n`` sorted values (float64 tensors that
    broadcast): the 0-based order statistics below and above it and the weight of the upper one
    (None for the methods that pick one order statistic)."""
    if method in _CONTINUOUS or method == "linear":
        if method == "linear":
            v = (n - 1) * q
        else:
            alpha, beta = _CONTINUOUS[method]
            v = n * q + (alpha + q * (1 - alpha - beta)) - 1
        lo = torch.floor(v)
        gamma: Tensor | None = v - lo
        hi = lo + 1
    elif method == "midpoint":
        v = (n - 1) * q
        lo, hi = torch.floor(v), torch.ceil(v)
        gamma = torch.where(lo == hi, 0.0, 0.5).to(_F64)
    elif method == "averaged_inverted_cdf":
        v = n * q - 1
        lo = torch.floor(v)
        hi = lo + 1
        gamma = torch.where(v == lo, 0.5, 1.0).to(_F64)  # average at a jump of the CDF
    else:
        if method == "lower":
            lo = torch.floor((n - 1) * q)
        elif method == "higher":
            lo = torch.ceil((n - 1) * q)
        elif method == "nearest":
            lo = torch.round((n - 1) * q)  # ties to even, as np.around
        elif method == "inverted_cdf":
            lo = torch.ceil(n * q) - 1
        else:  # closest_observation: the nearest order statistic, ties to the even one
            p = n * q - 0.5
            j = torch.floor(p)
            lo = torch.where((p == j) & (torch.remainder(j, 2) == 0), j, j + 1) - 1
        hi, gamma = lo, None
    top = torch.clamp(n - 1, min=0)
    lo = torch.minimum(torch.clamp(lo, min=0), top)
    hi = torch.minimum(torch.clamp(hi, min=0), top)
    return lo.to(torch.int64), hi.to(torch.int64), gamma


def _check_method(method: str, caller: str) -> None:
    if method not in _METHODS:
        raise ValueError(
            f"{caller}: method={method!r} is not a quantile method; pass one of "
            f"{sorted(_METHODS)} ('linear' is the default)"
        )


def _q_tensor(
    q: object, caller: str, scale: float
) -> tuple[Tensor, torch.dtype | None, Scalar | None]:
    """``q`` as a float64 tensor on the CPU divided by ``scale``, checked to lie in [0, 1]; the
    dtype it promotes with (None for a Python scalar) and the Python scalar itself (weak, as in
    NumPy 2; a percentile divided by 100 is a float)."""
    if isinstance(q, (bool, int, float)) and is_python_scalar(q):
        qt = torch.tensor(float(q), dtype=_F64) / scale
        strong = None
        weak: Scalar | None = q if scale == 1 else float(q) / scale
    elif isinstance(q, complex):
        raise TypeError(f"{caller}: q={q!r} is complex; pass real quantiles")
    else:
        raw = _tensor(q, caller, "q")
        if raw.dtype.is_complex:
            raise TypeError(f"{caller}: q has dtype {raw.dtype}; pass real quantiles")
        if raw.device.type == "meta":
            raise no_data(caller)
        strong, weak = raw.dtype, None
        if scale != 1 and kind_rank(strong) < 2:
            strong = _F64  # an integer q divided by 100 is float64 in NumPy
        qt = raw.detach().to("cpu", _F64) / scale
    if qt.numel() and not bool(((qt >= 0) & (qt <= 1)).all()):
        what = (
            "Percentiles must be in the range [0, 100]"
            if scale == 100
            else "Quantiles must be in the range [0, 1]"
        )
        raise ValueError(f"{caller}: {what}, got q={q!r}; pass values within it")
    return qt, strong, weak


def _quantile_dtype(
    t: Tensor, strong: torch.dtype | None, weak: Scalar | None, method: str
) -> torch.dtype:
    """NumPy's result dtype: the input's for the methods that pick an order statistic; else the
    input promoted with q (a Python q is weak: a float q makes integers the default float)."""
    if method in _PICKING:
        return t.dtype
    if strong is not None:
        return promote(t.dtype, strong)
    return scalar_result(t.dtype, weak)


def _quantile_core(
    a: object,
    q: object,
    axis: object,
    out: Tensor | None,
    method: str,
    keepdims: bool,
    *,
    skip_nan: bool,
    scale: float,
    caller: str,
) -> Tensor:
    """quantile/percentile and their nan forms: ``q``'s shape, then the reduced shape."""
    _check_method(method, caller)
    t = _tensor(a, caller)
    qt, strong, weak = _q_tensor(q, caller, scale)
    dt = _quantile_dtype(t, strong, weak, method)
    src = _orderable(t, caller)
    dims = normalize_axes(axis, t.ndim, caller)
    flat = flatten_dims(src, dims) if dims else src.unsqueeze(-1)
    m = flat.shape[-1]
    qs = qt.reshape(-1)
    work = dt if dt in _REAL_FLOATS else _F64  # interpolate in floating point
    nan = _nan_mask(flat) if skip_nan else None
    if nan is None:
        n = torch.tensor(float(m), dtype=_F64)
        lo_t, hi_t, gamma = _positions(n, qs, method)
        if m == 0:
            shape = [len(qs), *flat.shape[:-1]]
            result = torch.full(shape, math.nan, dtype=work, device=t.device)
        else:
            lo_i, hi_i = lo_t.tolist(), hi_t.tolist()
            stats = _order_stats(flat, lo_i + hi_i if gamma is not None else lo_i)
            lo_v = stats[..., : len(qs)]
            if gamma is None:
                result = _back(lo_v, t)
            else:
                hi_v = stats[..., len(qs) :]
                g = gamma.to(t.device, work)
                result = torch.lerp(_back(lo_v, t).to(work), _back(hi_v, t).to(work), g)
            if flat.dtype in _INEXACT:  # any NaN in a slice makes its quantile NaN
                has_nan = torch.isnan(flat).any(-1, keepdim=True)
                if result.dtype in _INEXACT:
                    result = result.masked_fill(has_nan, math.nan)
            result = result.movedim(-1, 0)
    else:
        counts = (~nan).sum(-1, keepdim=True).to(_F64)  # (..., 1)
        lo_t, hi_t, gamma = _positions(counts, qs.to(t.device), method)  # (..., nq)
        if m == 0:
            shape = [len(qs), *flat.shape[:-1]]
            result = torch.full(shape, math.nan, dtype=work, device=t.device)
        else:
            ordered_values = torch.sort(flat, -1).values  # NaN last
            lo_v = _back(ordered_values.gather(-1, lo_t), t).to(work)
            if gamma is None:
                result = lo_v
            else:
                hi_v = _back(ordered_values.gather(-1, hi_t), t).to(work)
                result = torch.lerp(lo_v, hi_v, gamma.to(work))
            result = result.masked_fill(counts == 0, math.nan).movedim(-1, 0)
    kept_shape = (
        reduced_shape(t.shape, dims, True) if keepdims else reduced_shape(t.shape, dims, False)
    )
    result = result.reshape([*qt.shape, *kept_shape])
    if result.dtype != dt:
        result = result.to(dt)
    return write_out(result, out, caller)


def quantile(
    a: Tensor,
    q: Tensor | float | Sequence[float],
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    overwrite_input: bool = False,
    method: QuantileMethod = "linear",
    keepdims: bool = False,
    *,
    weights: None = None,
) -> Tensor:
    """The ``q``-th quantiles of the data over ``axis``.

    Parameters
    ----------
    a : array_like
        Real input.
    q : array_like of float
        Quantiles in [0, 1]; the result's leading axes have ``q``'s shape.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    overwrite_input : bool, optional
        Accepted; the input is never modified.
    method : str, optional
        NumPy's methods: 'linear' (default), 'lower', 'higher', 'midpoint', 'nearest', and
        the other Hyndman and Fan ones ('inverted_cdf', 'averaged_inverted_cdf',
        'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull',
        'median_unbiased', 'normal_unbiased').
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    weights : None
        NumPy's weighted quantiles (for 'inverted_cdf') are not supported; only None.

    Returns
    -------
    Tensor
        NumPy's dtype: the input's for the methods that pick one value, else the input
        promoted with ``q`` (integers give the default float). A slice holding NaN gives NaN.

    Raises
    ------
    ValueError
        ``q`` outside [0, 1], an unknown method, or ``weights`` given.
    TypeError
        Complex input.

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph (not ``q``'s).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.quantile([1.0, 2.0, 3.0, 4.0], [0.25, 0.5])
    tensor([1.7500, 2.5000], dtype=torch.float64)
    """
    _no_weights(weights, "quantile")
    return _quantile_core(
        a, q, axis, out, method, keepdims, skip_nan=False, scale=1.0, caller="quantile"
    )


def percentile(
    a: Tensor,
    q: Tensor | float | Sequence[float],
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    overwrite_input: bool = False,
    method: QuantileMethod = "linear",
    keepdims: bool = False,
    *,
    weights: None = None,
) -> Tensor:
    """The ``q``-th percentiles of the data over ``axis`` (:func:`quantile` of ``q / 100``).

    Parameters
    ----------
    a : array_like
        Real input.
    q : array_like of float
        Percentiles in [0, 100].
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    overwrite_input : bool, optional
        Accepted; the input is never modified.
    method : str, optional
        As for :func:`quantile`.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    weights : None
        Not supported; only None.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.percentile([1, 2, 3, 4, 5], 50)
    tensor(3., dtype=torch.float64)
    """
    _no_weights(weights, "percentile")
    return _quantile_core(
        a, q, axis, out, method, keepdims, skip_nan=False, scale=100.0, caller="percentile"
    )


def nanquantile(
    a: Tensor,
    q: Tensor | float | Sequence[float],
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    overwrite_input: bool = False,
    method: QuantileMethod = "linear",
    keepdims: bool = False,
    *,
    weights: None = None,
) -> Tensor:
    """The ``q``-th quantiles over ``axis`` of the non-NaN elements (all-NaN slices give NaN).

    Parameters
    ----------
    a : array_like
        Real input.
    q : array_like of float
        Quantiles in [0, 1].
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    overwrite_input : bool, optional
        Accepted; the input is never modified.
    method : str, optional
        As for :func:`quantile`.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    weights : None
        Not supported; only None.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph. Each slice counts its own
    non-NaN values, so this always sorts.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanquantile([1.0, float("nan"), 3.0], 0.5)
    tensor(2., dtype=torch.float64)
    """
    _no_weights(weights, "nanquantile")
    return _quantile_core(
        a, q, axis, out, method, keepdims, skip_nan=True, scale=1.0, caller="nanquantile"
    )


def nanpercentile(
    a: Tensor,
    q: Tensor | float | Sequence[float],
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    overwrite_input: bool = False,
    method: QuantileMethod = "linear",
    keepdims: bool = False,
    *,
    weights: None = None,
) -> Tensor:
    """The ``q``-th percentiles over ``axis`` of the non-NaN elements.

    Parameters
    ----------
    a : array_like
        Real input.
    q : array_like of float
        Percentiles in [0, 100].
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    overwrite_input : bool, optional
        Accepted; the input is never modified.
    method : str, optional
        As for :func:`quantile`.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    weights : None
        Not supported; only None.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanpercentile([1.0, float("nan"), 3.0], 50)
    tensor(2., dtype=torch.float64)
    """
    _no_weights(weights, "nanpercentile")
    return _quantile_core(
        a, q, axis, out, method, keepdims, skip_nan=True, scale=100.0, caller="nanpercentile"
    )


def _no_weights(weights: object, caller: str) -> None:
    if weights is not None:
        raise ValueError(
            f"{caller}: weights= (NumPy's weighted 'inverted_cdf' quantiles) is not supported; "
            "leave weights=None, or repeat each value by its integer weight "
            "(tb.repeat(a, counts))"
        )


def _median_core(
    a: object, axis: object, out: Tensor | None, keepdims: bool, skip_nan: bool, caller: str
) -> Tensor:
    t = _tensor(a, caller)
    dims = normalize_axes(axis, t.ndim, caller)
    if t.dtype.is_complex:
        raise TypeError(
            f"{caller}: complex input is not supported (torch cannot order complex values); "
            "take the median of tb.real(a) and tb.imag(a) separately"
        )
    if skip_nan and t.dtype in _INEXACT:
        return _quantile_core(
            t, 0.5, axis, out, "midpoint", keepdims, skip_nan=True, scale=1.0, caller=caller
        )
    dt = t.dtype if t.dtype in _REAL_FLOATS else default_float_dtype()
    work = torch.float32 if dt in (torch.float16, torch.bfloat16) else dt
    src = _orderable(t, caller)
    flat = flatten_dims(src, dims) if dims else src.unsqueeze(-1)
    m = flat.shape[-1]
    if m == 0:
        result = torch.full(flat.shape[:-1], math.nan, dtype=dt, device=t.device)
    else:
        lo_k, hi_k = (m - 1) // 2, m // 2
        stats = _order_stats(flat, [lo_k, hi_k])
        lo = _back(stats[..., 0], t).to(work)
        result = lo if lo_k == hi_k else (lo + _back(stats[..., 1], t).to(work)) / 2
        if flat.dtype in _INEXACT:
            result = result.masked_fill(torch.isnan(flat).any(-1), math.nan)
        result = result.to(dt)
    return write_out(kept(result, t.shape, dims, keepdims), out, caller)


def median(
    a: Tensor,
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    overwrite_input: bool = False,
    keepdims: bool = False,
) -> Tensor:
    """Median over ``axis``: the middle value, or the mean of the two middle values (NumPy's;
    torch's ``median`` is the lower one).

    Parameters
    ----------
    a : array_like
        Real input.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    overwrite_input : bool, optional
        Accepted; the input is never modified.
    keepdims : bool, optional
        Keep the reduced axes as size 1.

    Returns
    -------
    Tensor
        Floating input keeps its dtype, integers give the default float; a slice holding NaN
        gives NaN; an empty one NaN.

    Raises
    ------
    TypeError
        Complex input.

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.median([1, 4, 2, 8])
    tensor(3., dtype=torch.float64)
    """
    return _median_core(a, axis, out, keepdims, False, "median")


def nanmedian(
    a: Tensor,
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    overwrite_input: bool = False,
    keepdims: bool = False,
) -> Tensor:
    """Median over ``axis`` of the non-NaN elements (an all-NaN slice gives NaN).

    Parameters
    ----------
    a : array_like
        Real input.
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    overwrite_input : bool, optional
        Accepted; the input is never modified.
    keepdims : bool, optional
        Keep the reduced axes as size 1.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nanmedian([1.0, float("nan"), 4.0, 2.0])
    tensor(2., dtype=torch.float64)
    """
    return _median_core(a, axis, out, keepdims, True, "nanmedian")


# ---- average, cov, corrcoef ----------------------------------------------------------------


def average(
    a: Tensor,
    /,
    axis: AxisLike = None,
    weights: Tensor | None = None,
    returned: bool = False,
    *,
    keepdims: bool = False,
) -> Tensor | tuple[Tensor, Tensor]:
    """Weighted average over ``axis``.

    Parameters
    ----------
    a : array_like
        Input.
    axis : int or tuple of int, optional
        Axes to average over (all by default).
    weights : array_like, optional
        ``a``'s shape, or (with ``axis``) the shape of ``a`` along those axes.
    returned : bool, optional
        Also return the sum of the weights, broadcast to the result's shape.
    keepdims : bool, optional
        Keep the averaged axes as size 1.

    Returns
    -------
    Tensor, or (Tensor, Tensor) with ``returned``
        Integer input gives at least float64 (NumPy's rule), else the input promoted with the
        weights.

    Raises
    ------
    ZeroDivisionError
        Weights summing to zero along an axis (read from the data: a device sync).
    TypeError, ValueError
        Weights of another shape without ``axis``, or not matching ``a`` along it.

    Notes
    -----
    Memory and autograd: new memory, on the autograd graph of ``a`` and ``weights``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.average([1.0, 2.0, 4.0], weights=[1, 1, 2])
    tensor(2.7500, dtype=torch.float64)
    """
    t = _tensor(a, "average")
    dims = normalize_axes(axis, t.ndim, "average")
    if weights is None:
        avg = mean(t, axis, None, None, keepdims)
        if not returned:
            return avg
        count = math.prod(t.shape[d] for d in dims) if dims else 1
        return avg, torch.full(avg.shape, count, dtype=avg.dtype, device=avg.device)
    w = _tensor(weights, "average", "weights")
    if kind_rank(t.dtype) < 2:
        dt = promote(promote(t.dtype, w.dtype), _F64)
    else:
        dt = promote(t.dtype, w.dtype)
    if w.shape != t.shape:
        if axis is None:
            raise TypeError(
                f"average: weights of shape {tuple(w.shape)} differ from a's shape "
                f"{tuple(t.shape)}, so axis must be given; pass axis= for the axes the weights "
                "run along"
            )
        given = [
            normalize_axis(ax, t.ndim, "average")
            for ax in (axis if isinstance(axis, tuple) else (axis,))
        ]
        if tuple(w.shape) != tuple(t.shape[d] for d in given):
            raise ValueError(
                f"average: weights of shape {tuple(w.shape)} must match a's shape "
                f"{tuple(t.shape)} along axis={axis!r}, i.e. "
                f"{tuple(t.shape[d] for d in given)}"
            )
        order = sorted(range(len(given)), key=lambda i: given[i])
        w = w.permute(*order).reshape([t.shape[d] if d in given else 1 for d in range(t.ndim)])
    w = w.to(dt)
    scl = w.expand(t.shape).sum(dims, keepdim=keepdims) if dims else w.expand(t.shape)
    if scl.device.type != "meta" and scl.numel() and bool((scl == 0).any()):
        raise ZeroDivisionError(
            "average: weights sum to zero along an averaged axis, so they cannot be "
            "normalized; pass weights with a non-zero sum"
        )
    prod_ = t.to(dt) * w
    avg = (prod_.sum(dims, keepdim=keepdims) if dims else prod_) / scl
    if returned:
        return avg, scl.expand(avg.shape).clone() if scl.shape != avg.shape else scl
    return avg


def _observations(
    m: object, y: object, rowvar: bool, dtype: DTypeLike | None, caller: str
) -> Tensor:
    """The variables as rows of one 2-D floating tensor (``y``'s stacked below ``m``'s)."""
    x = _tensor(m, caller, "m")
    if x.ndim > 2:
        raise ValueError(
            f"{caller}: m has {x.ndim} dimensions (shape {tuple(x.shape)}); pass a 1-D or 2-D "
            "array of observations"
        )
    parts = [x]
    if y is not None:
        yt = _tensor(y, caller, "y")
        if yt.ndim > 2:
            raise ValueError(
                f"{caller}: y has {yt.ndim} dimensions (shape {tuple(yt.shape)}); pass a 1-D "
                "or 2-D array of observations"
            )
        parts.append(yt)
    if dtype is None:
        dt = _F64
        for p in parts:
            dt = promote(dt, p.dtype)
    else:
        dt = dtype_arg(dtype, caller)
        if dt not in _INEXACT:
            raise TypeError(
                f"{caller}: dtype={dt} is not a floating dtype; pass a floating or complex dtype"
            )
    rows = []
    for i, p in enumerate(parts):
        p2 = p.reshape(1, -1) if p.ndim < 2 else p
        # NumPy's rule, asymmetric: m transposes unless it was 1-D, y unless it has one row
        if not rowvar and (p.ndim != 1 if i == 0 else p2.shape[0] != 1):
            p2 = p2.T
        rows.append(p2.to(dt))
    if len(rows) == 1:
        return rows[0]
    try:
        return torch.cat(rows, 0)
    except RuntimeError as e:
        raise ValueError(
            f"{caller}: m and y hold {rows[0].shape[1]} and {rows[1].shape[1]} observations; "
            "pass the same number of observations for both"
        ) from e


def _frequency(
    weights: object, kind: str, n: int, caller: str, device: torch.device
) -> Tensor | None:
    if weights is None:
        return None
    w = _tensor(weights, caller, kind)
    inexact = w.dtype.is_floating_point or w.dtype.is_complex
    if kind == "fweights" and inexact and not bool((w == torch.round(w)).all()):
        raise TypeError(f"{caller}: fweights must be integer; got non-integer values")
    if w.ndim > 1:
        raise ValueError(
            f"{caller}: {kind} must be 1-D, got shape {tuple(w.shape)}; pass one weight per "
            "observation"
        )
    if w.shape[0] != n:
        raise ValueError(
            f"{caller}: incompatible numbers of samples and {kind}: {n} observations, "
            f"{w.shape[0]} weights"
        )
    if w.device.type != "meta" and bool((w < 0).any()):
        raise ValueError(f"{caller}: {kind} cannot be negative; pass weights >= 0")
    return w.to(device)


def cov(
    m: Tensor,
    y: Tensor | None = None,
    rowvar: bool = True,
    bias: bool = False,
    ddof: int | None = None,
    fweights: Tensor | None = None,
    aweights: Tensor | None = None,
    *,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Covariance matrix of the variables in ``m`` (and ``y``).

    Parameters
    ----------
    m : array_like
        1-D (one variable) or 2-D: each row a variable, each column an observation.
    y : array_like, optional
        More variables, stacked below ``m``'s.
    rowvar : bool, optional
        False: columns are variables, rows observations.
    bias : bool, optional
        Normalize by N instead of N - 1 (when ``ddof`` is None).
    ddof : int, optional
        Divide by ``N - ddof`` (overrides ``bias``).
    fweights : array_like of int, optional
        How many times each observation occurs.
    aweights : array_like, optional
        Observation weights.
    dtype : dtype, optional
        Floating dtype of the result (by default at least float64, as NumPy).

    Returns
    -------
    Tensor
        ``(n_vars, n_vars)``, or 0-d for one variable.

    Warns
    -----
    RuntimeWarning
        Degrees of freedom <= 0 (the result holds inf or NaN, as NumPy's).

    Notes
    -----
    Memory and autograd: new memory, on the autograd graph of ``m``, ``y`` and ``aweights``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.cov([[0, 1, 2], [2, 1, 0]])
    tensor([[ 1., -1.],
            [-1.,  1.]], dtype=torch.float64)
    """
    x = _observations(m, y, rowvar, dtype, "cov")
    if x.shape[0] == 0:
        return torch.empty((0, 0), dtype=x.dtype, device=x.device)
    if ddof is None:
        ddof = 0 if bias else 1
    elif isinstance(ddof, bool) or not hasattr(ddof, "__index__"):
        raise TypeError(f"cov: ddof={ddof!r} is not an integer; pass an int such as 1")
    n = x.shape[1]
    f = _frequency(fweights, "fweights", n, "cov", x.device)
    aw = _frequency(aweights, "aweights", n, "cov", x.device)
    w = None
    if f is not None:
        w = f.to(x.dtype if not x.dtype.is_complex else _REAL_OF_C[x.dtype])
    if aw is not None:
        awf = aw.to(x.dtype if not x.dtype.is_complex else _REAL_OF_C[x.dtype])
        w = awf if w is None else w * awf
    if w is None:
        centre = x.mean(1, keepdim=True)
        fact: Tensor | float = float(n - ddof)
    else:
        w_sum = w.sum()
        centre = (x * w).sum(1, keepdim=True) / w_sum
        if ddof == 0:
            fact = w_sum
        elif aw is None:
            fact = w_sum - ddof
        else:
            fact = w_sum - ddof * (w * aw.to(w.dtype)).sum() / w_sum
    if x.device.type != "meta" and float(fact) <= 0:
        warnings.warn(
            "cov: degrees of freedom <= 0 for slice; the result holds inf or NaN",
            RuntimeWarning,
            stacklevel=2,
        )
        fact = 0.0
    xc = x - centre
    xw = xc if w is None else xc * w
    c = (xc @ xw.mT.conj()) / fact
    return c.squeeze()


def corrcoef(
    x: Tensor,
    y: Tensor | None = None,
    rowvar: bool = True,
    *,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Pearson correlation coefficients of the variables in ``x`` (and ``y``).

    Parameters
    ----------
    x : array_like
        1-D or 2-D: each row a variable, each column an observation.
    y : array_like, optional
        More variables, stacked below ``x``'s.
    rowvar : bool, optional
        False: columns are variables.
    dtype : dtype, optional
        Floating dtype of the result (by default at least float64).

    Returns
    -------
    Tensor
        Clipped to [-1, 1] (real and imaginary parts); NaN for a constant variable.

    Notes
    -----
    Memory and autograd: new memory, on the autograd graph of ``x`` and ``y``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.corrcoef([[0, 1, 2], [2, 1, 0]])
    tensor([[ 1., -1.],
            [-1.,  1.]], dtype=torch.float64)
    """
    c = cov(x, y, rowvar, dtype=dtype)
    if c.ndim == 0:
        return c / c
    d = torch.diagonal(c).real
    sd = torch.sqrt(d)
    c = c / sd[:, None] / sd[None, :]
    if c.is_complex():
        return torch.complex(c.real.clamp(-1, 1), c.imag.clamp(-1, 1))
    return c.clamp(-1, 1)


# ---- histograms, bincount, digitize --------------------------------------------------------


def _finite_range(t: Tensor, range_: object, caller: str) -> tuple[float, float, torch.dtype]:
    """The outer bin edges, ``range`` or the data's min and max (widened by 0.5 when equal), and
    the dtype NumPy computes the edges in: the data's (floating data, autodetected range: its
    min and max are scalars of that dtype) or float64."""
    dt = t.dtype if range_ is None and t.dtype in _REAL_FLOATS else _F64
    if range_ is not None:
        try:
            first, last = (float(v) for v in range_)  # type: ignore[attr-defined]
        except (TypeError, ValueError) as e:
            raise ValueError(
                f"{caller}: range={range_!r} must be a (min, max) pair of numbers"
            ) from e
        if first > last:
            raise ValueError(
                f"{caller}: max must be larger than min in range parameter, got "
                f"range=({first}, {last})"
            )
        if not (math.isfinite(first) and math.isfinite(last)):
            raise ValueError(
                f"{caller}: supplied range of [{first}, {last}] is not finite; pass finite bounds"
            )
    elif t.numel() == 0:
        first, last = 0.0, 1.0
    else:
        if t.device.type == "meta":
            raise no_data(caller)
        first, last = float(amin(t)), float(amax(t))
        if not (math.isfinite(first) and math.isfinite(last)):
            raise ValueError(
                f"{caller}: autodetected range of [{first}, {last}] is not finite; pass range= "
                "or drop the non-finite values"
            )
    if first == last:  # rounded to the dtype NumPy subtracts in
        first = float(torch.tensor(first - 0.5, dtype=dt))
        last = float(torch.tensor(last + 0.5, dtype=dt))
    return first, last, dt


def _even_edges(
    first: float,
    last: float,
    bins: int,
    compute: torch.dtype,
    dt: torch.dtype,
    device: torch.device,
) -> Tensor:
    """``bins + 1`` evenly spaced edges from ``first`` to ``last`` (the last one exact): the
    ``i``-th is ``first + i * step``, in ``compute`` arithmetic (NumPy's ``linspace``), then
    ``dt``."""
    lo = torch.tensor(first, dtype=compute, device=device)
    hi = torch.tensor(last, dtype=compute, device=device)
    step = (hi - lo) / bins
    edges = torch.arange(bins + 1, dtype=compute, device=device) * step + lo
    edges[-1] = hi
    return edges.to(dt)


def _edge_dtype(t: Tensor) -> torch.dtype:
    return t.dtype if t.dtype in _REAL_FLOATS else _F64


def _bin_count(value: object, caller: str) -> int:
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(f"{caller}: bins={value!r} must be an integer, a string or an array")
    n = operator.index(value)
    if n < 1:
        raise ValueError(f"{caller}: bins={n} must be a positive integer")
    return n


_ESTIMATORS: Final = ("auto", "fd", "doane", "rice", "scott", "sqrt", "sturges")


def _estimated_width(t: Tensor, name: str, first: float, last: float) -> float:
    """NumPy's bin-width estimators by name (0 when the data gives no width)."""
    n = float(t.numel())
    if n == 0:
        return 0.0
    data = t.to(_F64)
    span = last - first
    if name == "sqrt":
        return span / math.sqrt(n)
    if name == "sturges":
        return span / (math.log2(n) + 1)
    if name == "rice":
        return span / (2 * math.pow(n, 1 / 3))
    if name == "scott":
        return math.pow(24 * math.sqrt(math.pi) / n, 1 / 3) * float(data.std(correction=0))
    if name == "fd":
        q75, q25 = quantile(data, [0.75, 0.25])
        return 2 * float(q75 - q25) * math.pow(n, -1 / 3)
    if name == "doane":
        if n <= 2:
            return 0.0
        sg1 = math.sqrt(6 * (n - 2) / ((n + 1) * (n + 3)))
        sigma = float(data.std(correction=0))
        if sigma <= 0:
            return 0.0
        g1 = float((((data - data.mean()) / sigma) ** 3).mean())
        return span / (1 + math.log2(n) + math.log2(1 + abs(g1) / sg1))
    fd = _estimated_width(t, "fd", first, last)
    sturges = _estimated_width(t, "sturges", first, last)
    return min(fd, sturges) if fd else sturges


def _edges_1d(t: Tensor, bins: object, range_: object, caller: str) -> tuple[Tensor, bool]:
    """Bin edges for 1-D data, and whether they are evenly spaced."""
    if isinstance(bins, str):
        if bins not in _ESTIMATORS:
            raise ValueError(
                f"{caller}: bins={bins!r} is not a bin estimator tbridge knows; pass one of "
                f"{list(_ESTIMATORS)} (NumPy's 'stone' is not supported), an int or edges"
            )
        first, last, compute = _finite_range(t, range_, caller)
        data = t
        if range_ is not None:
            data = t[(t >= first) & (t <= last)]
        width = _estimated_width(data, bins, first, last)
        if width and kind_rank(t.dtype) < 2:
            width = max(width, 1.0)  # integer data: bins at least one unit wide (NumPy's rule)
        count = max(1, math.ceil((last - first) / width)) if width else 1
        return _even_edges(first, last, count, compute, _edge_dtype(t), t.device), True
    if not isinstance(bins, (Tensor, np.ndarray, list, tuple)) or _bins_ndim(bins) == 0:
        count = _bin_count(bins.item() if isinstance(bins, (Tensor, np.ndarray)) else bins, caller)
        first, last, compute = _finite_range(t, range_, caller)
        return _even_edges(first, last, count, compute, _edge_dtype(t), t.device), True
    edges = _tensor(bins, caller, "bins")
    if edges.ndim != 1:
        raise ValueError(f"{caller}: bins must be 1d when an array, got shape {tuple(edges.shape)}")
    if edges.numel() > 1 and bool((edges[1:] < edges[:-1]).any()):
        raise ValueError(f"{caller}: bins must increase monotonically, when an array")
    return edges.to(t.device), False


def _bins_ndim(bins: object) -> int:
    """How many dimensions ``bins`` has as an array (0 for a count)."""
    return int(bins.ndim) if isinstance(bins, (Tensor, np.ndarray)) else 1


def _bin_index(t: Tensor, edges: Tensor) -> tuple[Tensor, Tensor]:
    """Each value's bin (``edges[i] <= v < edges[i+1]``, the last bin closed) and whether it
    falls in one."""
    n = edges.shape[0] - 1
    dt = promote(t.dtype, edges.dtype)
    v, e = t.to(dt), edges.to(dt)
    idx = searchsorted(e, v, "right") - 1
    last = e[-1:]
    on_last = signed_view(v) == signed_view(last) if dt in UNSIGNED_GAPS else v == last
    idx = torch.where(on_last, n - 1, idx)
    inside = (idx >= 0) & (idx < n)
    return idx, inside


def histogram_bin_edges(
    a: Tensor,
    /,
    bins: BinsLike = 10,
    range: RangeLike = None,  # noqa: A002 - NumPy's name
    weights: Tensor | None = None,
) -> Tensor:
    """The bin edges :func:`histogram` would use.

    Parameters
    ----------
    a : array_like
        Data (flattened).
    bins : int, str or array_like, optional
        A count of equal-width bins over ``range``, an estimator name ('auto', 'fd',
        'doane', 'rice', 'scott', 'sqrt', 'sturges'), or the edges themselves.
    range : (float, float), optional
        The outer edges (the data's min and max by default).
    weights : array_like, optional
        Accepted for NumPy's signature; the estimators here do not use them.

    Returns
    -------
    Tensor
        float64 for integer data, the data's dtype for floating data.

    Notes
    -----
    Memory and autograd: new memory; edges have no gradient. The default range reads the
    data (a device sync).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.histogram_bin_edges([0, 1, 2, 3, 4], bins=4)
    tensor([0., 1., 2., 3., 4.], dtype=torch.float64)
    """
    t = _tensor(a, "histogram_bin_edges").reshape(-1)
    return _edges_1d(t, bins, range, "histogram_bin_edges")[0]


def histogram(
    a: Tensor,
    /,
    bins: BinsLike = 10,
    range: RangeLike = None,  # noqa: A002 - NumPy's name
    density: bool | None = None,
    weights: Tensor | None = None,
) -> tuple[Tensor, Tensor]:
    """Histogram of the data: counts (or weight sums) per bin, and the bin edges.

    Parameters
    ----------
    a : array_like
        Data (flattened); values outside the outer edges are not counted.
    bins : int, str or array_like, optional
        As for :func:`histogram_bin_edges`.
    range : (float, float), optional
        The outer edges (the data's min and max by default).
    density : bool, optional
        Return the probability density (counts normalized by the total and the bin widths).
    weights : array_like, optional
        A weight per value (``a``'s shape), summed per bin instead of counting.

    Returns
    -------
    (Tensor, Tensor)
        Counts (int64; the weights' dtype with ``weights``; float64 with ``density``) and
        edges (see :func:`histogram_bin_edges`). Each bin is ``[edge_i, edge_i+1)``, the last
        one closed.

    Notes
    -----
    Memory and autograd: new memory; weight sums stay on the weights' autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> counts, edges = tb.histogram([1, 2, 1], bins=[0, 1, 2, 3])
    >>> counts
    tensor([0, 2, 1])
    """
    t = _tensor(a, "histogram").reshape(-1)
    edges, _ = _edges_1d(t, bins, range, "histogram")
    n = edges.shape[0] - 1
    idx, inside = _bin_index(t, edges)
    if weights is None:
        hist = torch.bincount(idx[inside], minlength=n)
    else:
        w = _tensor(weights, "histogram", "weights")
        if w.shape != _tensor(a, "histogram").shape:
            raise ValueError(
                f"histogram: weights of shape {tuple(w.shape)} must have a's shape "
                f"{tuple(_tensor(a, 'histogram').shape)}"
            )
        w = w.reshape(-1).to(t.device)
        hist = torch.zeros(n, dtype=w.dtype, device=t.device).index_add(0, idx[inside], w[inside])
    if density:
        widths = torch.diff(signed_view(edges)).view(edges.dtype).to(_F64)
        total = hist.sum().to(_F64)
        return hist.to(_F64) / widths / total, edges
    return hist, edges


def histogramdd(
    sample: Tensor | Sequence[Tensor],
    bins: int | Sequence[int] | Sequence[Tensor] = 10,
    range: Sequence[tuple[float, float] | None] | None = None,  # noqa: A002 - NumPy's name
    density: bool | None = None,
    weights: Tensor | None = None,
) -> tuple[Tensor, tuple[Tensor, ...]]:
    """Multidimensional histogram of ``N`` points in ``D`` dimensions.

    Parameters
    ----------
    sample : array_like
        A ``(N, D)`` array, or a sequence of ``D`` 1-D arrays (one per coordinate).
    bins : int, sequence of int or sequence of array_like, optional
        Bins per dimension: one count for all, a count each, or the edges each.
    range : sequence of (float, float) or None, optional
        Outer edges per dimension (the data's min and max for None entries).
    density : bool, optional
        Return the probability density.
    weights : array_like, optional
        A weight per point.

    Returns
    -------
    (Tensor, tuple of Tensor)
        The histogram (float64, as NumPy) and the edges of each dimension.

    Notes
    -----
    Memory and autograd: new memory; no gradient (counts).

    Examples
    --------
    >>> import tbridge as tb
    >>> h, edges = tb.histogramdd(tb.asarray([[0.0, 0.0], [1.0, 1.0]]), bins=2)
    >>> h
    tensor([[1., 0.],
            [0., 1.]], dtype=torch.float64)
    """
    if isinstance(sample, (list, tuple)):
        cols = [_tensor(s, "histogramdd", "sample").reshape(-1) for s in sample]
        pts = torch.stack(cols, -1) if cols else torch.zeros((0, 0))
    else:
        pts = _tensor(sample, "histogramdd", "sample")
        if pts.ndim == 1:
            pts = pts[:, None]
    if pts.ndim != 2:
        raise ValueError(
            f"histogramdd: sample must be (N, D), got shape {tuple(pts.shape)}; pass N points "
            "of D coordinates"
        )
    npts, ndim = pts.shape
    if isinstance(bins, (list, tuple)):
        if len(bins) != ndim:
            raise ValueError(
                f"histogramdd: the dimension of bins ({len(bins)}) must equal the dimension of "
                f"the sample x ({ndim})"
            )
        per_dim: list[object] = list(bins)
    else:
        per_dim = [bins] * ndim
    ranges: list[object] = list(range) if range is not None else [None] * ndim
    if len(ranges) != ndim:
        raise ValueError(f"histogramdd: range needs one (min, max) per dimension, {ndim} here")
    edges: list[Tensor] = []
    index = torch.zeros(npts, dtype=torch.int64, device=pts.device)
    inside = torch.ones(npts, dtype=torch.bool, device=pts.device)
    for d in builtins.range(ndim):
        col = pts[:, d]
        b = per_dim[d]
        if isinstance(b, str):
            raise TypeError("histogramdd: bins must be integers or edges per dimension")
        e, _ = _edges_1d(col, b, ranges[d], "histogramdd")
        edges.append(e)
        idx, ok = _bin_index(col, e)
        inside &= ok
        index = index * (e.shape[0] - 1) + idx.clamp(min=0)
    shape = [e.shape[0] - 1 for e in edges]
    total = math.prod(shape)
    if weights is None:
        hist = torch.bincount(index[inside], minlength=total).to(_F64)
    else:
        w = _tensor(weights, "histogramdd", "weights").reshape(-1).to(pts.device, _F64)
        hist = torch.zeros(total, dtype=_F64, device=pts.device).index_add(
            0, index[inside], w[inside]
        )
    hist = hist.reshape(shape)
    if density:
        points = hist.sum()
        for d, e in enumerate(edges):
            widths = torch.diff(signed_view(e)).view(e.dtype).to(_F64)
            hist = hist / widths.reshape([-1 if k == d else 1 for k in builtins.range(ndim)])
        hist = hist / points
    return hist, tuple(edges)


def histogram2d(
    x: Tensor,
    y: Tensor,
    bins: int | Sequence[int] | Sequence[Tensor] | Tensor = 10,
    range: Sequence[tuple[float, float] | None] | None = None,  # noqa: A002 - NumPy's name
    density: bool | None = None,
    weights: Tensor | None = None,
) -> tuple[Tensor, Tensor, Tensor]:
    """Two-dimensional histogram of the points ``(x[i], y[i])``.

    Parameters
    ----------
    x, y : array_like
        Coordinates (1-D, of one length).
    bins : int, (int, int), array_like or (array_like, array_like), optional
        Bins for both, for each, shared edges, or edges for each.
    range : ((float, float), (float, float)), optional
        Outer edges per dimension.
    density : bool, optional
        Return the probability density.
    weights : array_like, optional
        A weight per point.

    Returns
    -------
    (Tensor, Tensor, Tensor)
        The histogram (float64; ``x`` along the first axis) and the x and y edges.

    Notes
    -----
    Memory and autograd: new memory; no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> h, xe, ye = tb.histogram2d([0.0, 1.0], [0.0, 1.0], bins=2)
    >>> h
    tensor([[1., 0.],
            [0., 1.]], dtype=torch.float64)
    """
    # NumPy's reading: one or two entries are per-dimension bins, more are shared edges.
    per_dim: object = bins
    if isinstance(bins, (Tensor, np.ndarray)) and bins.ndim == 0:
        per_dim = int(bins.item())
    elif isinstance(bins, (Tensor, np.ndarray, list, tuple)) and len(bins) not in (1, 2):
        shared = _tensor(bins, "histogram2d", "bins")
        per_dim = [shared, shared]
    elif isinstance(bins, (Tensor, np.ndarray)):
        per_dim = list(bins)
    tx = _tensor(x, "histogram2d", "x")
    ty = _tensor(y, "histogram2d", "y")
    if tx.shape != ty.shape:
        raise ValueError(
            f"histogram2d: x and y must have the same shape, got {tuple(tx.shape)} and "
            f"{tuple(ty.shape)}"
        )
    hist, edges = histogramdd([tx, ty], per_dim, range, density, weights)  # type: ignore[arg-type]
    return hist, edges[0], edges[1]


def bincount(x: Tensor, /, weights: Tensor | None = None, minlength: int = 0) -> Tensor:
    """How often each non-negative integer occurs in ``x`` (or the sum of its weights).

    Parameters
    ----------
    x : array_like of int
        1-D, non-negative integers (bool allowed).
    weights : array_like, optional
        A weight per element of ``x``; the result sums them (float64).
    minlength : int, optional
        The result has at least this many bins.

    Returns
    -------
    Tensor
        int64 counts, or float64 weight sums; length ``max(max(x) + 1, minlength)``.

    Raises
    ------
    ValueError
        Negative values, ``x`` not 1-D, or a negative ``minlength``.
    TypeError
        Floating or complex ``x`` (NumPy's 'safe' casting to int64 refuses them), uint64.

    Notes
    -----
    Memory and autograd: new memory; weight sums stay on the weights' autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.bincount([0, 1, 1, 3])
    tensor([1, 2, 0, 1])
    """
    t = _tensor(x, "bincount", "x")
    if t.dtype.is_floating_point or t.dtype.is_complex or t.dtype == torch.uint64:
        raise TypeError(
            f"bincount: cannot cast x of dtype {t.dtype} to int64 under NumPy's 'safe' rule; "
            "pass integers (tb.astype(x, tb.int64) to truncate)"
        )
    if t.ndim != 1:
        raise ValueError(
            f"bincount: x must be 1-D, got shape {tuple(t.shape)}; flatten it (tb.reshape(x, -1))"
        )
    if isinstance(minlength, bool) or not hasattr(minlength, "__index__"):
        raise TypeError(f"bincount: minlength={minlength!r} is not an integer")
    if operator.index(minlength) < 0:
        raise ValueError(f"bincount: 'minlength' must not be negative, got {minlength}")
    t = t.to(torch.int64) if t.dtype != torch.int64 else t
    w = None
    if weights is not None:
        w = _tensor(weights, "bincount", "weights")
        if w.dtype.is_complex:
            raise TypeError("bincount: weights must be real, got a complex dtype")
        if w.shape != t.shape:
            raise ValueError(
                f"bincount: weights of shape {tuple(w.shape)} must match x's shape {tuple(t.shape)}"
            )
        w = w.to(t.device, _F64)
    if t.device.type == "meta":
        raise no_data("bincount")
    if t.numel() and bool((t < 0).any()):
        raise ValueError(
            "bincount: 'list' argument must have no negative elements; shift or drop the "
            "negative values"
        )
    size = max(int(t.max()) + 1 if t.numel() else 0, operator.index(minlength))
    if w is None:
        return torch.bincount(t, minlength=size)
    if w.requires_grad:
        return torch.zeros(size, dtype=_F64, device=t.device).index_add(0, t, w)
    return torch.bincount(t, w, minlength=size)


def digitize(x: Tensor, bins: Tensor, right: bool = False) -> Tensor:
    """The bin each value of ``x`` falls in: ``i`` such that ``bins[i-1] <= v < bins[i]``
    (``<`` and ``<=`` swap with ``right``; mirrored for decreasing bins).

    Parameters
    ----------
    x : array_like
        Real values.
    bins : array_like
        1-D, monotonically increasing or decreasing.
    right : bool, optional
        Whether bins include their right edge instead of their left.

    Returns
    -------
    Tensor
        int64, ``x``'s shape: 0 below the first edge, ``len(bins)`` past the last.

    Raises
    ------
    ValueError
        Bins that are not 1-D or not monotonic (read from the data: a device sync).
    TypeError
        Complex input.

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.digitize([0.5, 1.5, 3.0], [0.0, 1.0, 2.0])
    tensor([1, 2, 3])
    """
    t = _tensor(x, "digitize", "x")
    b = _tensor(bins, "digitize", "bins")
    if t.dtype.is_complex or b.dtype.is_complex:
        raise TypeError("digitize: x may not be complex; pass real values and bins")
    if b.ndim != 1:
        raise ValueError(f"digitize: bins must be 1-D, got shape {tuple(b.shape)}")
    side: Literal["left", "right"] = "left" if right else "right"
    if b.numel() > 1 and b.device.type != "meta":
        o = ordered(b) if b.dtype in UNSIGNED_GAPS else b
        if not bool((o[1:] >= o[:-1]).all()):
            if not bool((o[1:] <= o[:-1]).all()):
                raise ValueError(
                    "digitize: bins must be monotonically increasing or decreasing; sort them "
                    "(tb.sort) first"
                )
            flipped = torch.flip(signed_view(b), (0,)).view(b.dtype)
            return b.shape[0] - searchsorted(flipped, t, side)
    return searchsorted(b, t, side)
