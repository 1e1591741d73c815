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
  skip NaNs, and an all-NaN slice gives NaN (without NumPy's RuntimeWarning, which would need
  the data on the host); a slice with no elements warns as NumPy does (decided from shapes).
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
from typing import Any, Final, Literal, SupportsIndex, TypeAlias, cast

import numpy as np
import torch
from torch import Tensor
from torch.compiler import is_dynamo_compiling

from tbridge._convert.gate import as_tensor, retold, write_out
from tbridge._core.axes import (
    AxisLike,
    flatten_dims,
    kept,
    normalize_axes,
    normalize_axis,
    reduced_shape,
)
from tbridge._core.dtypes import (
    INEXACT,
    REAL_FLOATS,
    DTypeLike,
    default_float_dtype,
    numpy_dtype_of,
)
from tbridge._core.normalize import raise_for_size
from tbridge._core.promotion import kind_rank, promote, scalar_result
from tbridge._core.tracing import values_checkable
from tbridge._core.typing import Mask, Scalar
from tbridge._core.values import no_data, no_order, signed_view
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits, ordered
from tbridge._namespace.searching import argmax, argmin, searchsorted
from tbridge._namespace.statistical import (
    correction_of,
    cumulate,
    dtype_arg,
    floating,
    mean,
    moment,
    prod,
    sum,  # noqa: A004 - the namespace's sum, not the builtin
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
NDArray: TypeAlias = "np.ndarray[Any, Any]"

_REAL_FLOATS: Final = REAL_FLOATS
_INEXACT: Final = INEXACT
_F64: Final = torch.float64
_REAL_OF_C: Final = {torch.complex64: torch.float32, torch.complex128: torch.float64}
#: the dtypes cov/corrcoef keep (NumPy computes them in at least float64)
_DOUBLE: Final = frozenset({torch.float64, torch.complex128})
#: dtypes whose cumsum/cumprod torch gives in NumPy's dtype (int64 for int64, the input's for
#: floating input); the others accumulate through tbridge.cumulative_sum's dtype rules.
_NATIVE_ACCUMULATION: Final = _INEXACT | {torch.int64}
#: up to this many bins, digitize checks their order on the host.
_HOST_CHECK_MAX: Final = 64
_bucketize: Final = torch.bucketize
#: integer dtypes torch.bincount counts as they are.
_BINCOUNT_NATIVE: Final = frozenset(
    {torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64}
)

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


def _beside(w: Tensor, device: torch.device, caller: str, name: str) -> Tensor:
    """``w`` when it is on ``device``; tbridge moves nothing between devices unasked."""
    if w.device != device:
        raise ValueError(
            f"{caller}: {name} is on {w.device} but the data is on {device}; move them to one "
            "device (tb.to_device)"
        )
    return w


def _beside_data(x: object, like: Tensor, caller: str, name: str) -> Tensor:
    """An argument that goes with ``like``: a tensor on its device as it is (another device is
    a ValueError), other array data (lists, NumPy arrays, scalars) made on that device."""
    if type(x) is not Tensor:
        return as_tensor(x, caller, name, device=like.device)
    return _beside(x, like.device, caller, name)


def _warn_empty(
    caller: str, what: str, shape: Sequence[int], dims: tuple[int, ...], stacklevel: int
) -> None:
    """NumPy's RuntimeWarning for a statistic of an empty slice, from shapes alone (no device
    sync): the caller decides that some result element has no elements to reduce.
    ``stacklevel``: the frames between this function and the user's call, plus one."""
    warnings.warn(
        f"{caller}: {what} of an empty slice (axes {dims} of shape {tuple(shape)} have no "
        "elements) is NaN; reduce over non-empty axes, or silence this warning if NaN is wanted",
        RuntimeWarning,
        stacklevel=stacklevel,
    )


def _empty_slices(shape: Sequence[int], dims: tuple[int, ...]) -> bool:
    """Whether a reduction of ``shape`` over ``dims`` has result elements with nothing to
    reduce: the reduced axes hold no elements and the kept ones all some (NumPy's nan*
    statistics warn exactly then)."""
    return (
        bool(dims)
        and math.prod([shape[d] for d in dims]) == 0
        and all(n for d, n in enumerate(shape) if d not in dims)
    )


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
    try:
        hi = amax(t, axis, None, keepdims)
        lo = amin(t, axis, None, keepdims)
    except (TypeError, ValueError, IndexError) as e:
        raise retold(e, "max", "ptp") from e
    result = on_bits(torch.sub, hi, lo) if t.dtype in UNSIGNED_GAPS else hi - lo
    return write_out(result, out, "ptp")


# ---- cumulative forms ----------------------------------------------------------------------


def _filled(t: Tensor, nan: Tensor | None, fill: float) -> Tensor:
    """``t`` with its NaNs (``nan``, computed when None) replaced by ``fill``: one
    ``torch.nan_to_num`` kernel for real data off the autograd graph (its derivative is zero at
    infinities), else a select."""
    if not t.requires_grad and t.dtype in _REAL_FLOATS:
        return torch.nan_to_num(t, fill, math.inf, -math.inf)
    return torch.where(torch.isnan(t) if nan is None else nan, fill, t)


def _all(mask: Tensor, axis: int | None = None, keepdims: bool = False) -> Tensor:
    """``mask.all(axis)``; for large masks as a uint8 minimum, a kernel several times faster
    (torch's all over one axis of a bool tensor is not vectorized)."""
    if mask.numel() < _ARITHMETIC_BINS_MIN:
        return mask.all() if axis is None else mask.all(axis, keepdims)
    flags = mask.view(torch.uint8)
    return (flags.amin() if axis is None else flags.amin(axis, keepdims)).bool()


def _nan_filled(t: Tensor, fill: float) -> Tensor:
    """``t`` with NaN replaced by ``fill`` (complex values holding NaN in either part too);
    integer and bool tensors as they are."""
    return _filled(t, None, fill) if t.dtype in _INEXACT else t


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
    if type(a) is Tensor and dtype is None and out is None and a.dtype in _NATIVE_ACCUMULATION:
        try:
            if axis is None:
                return torch.cumsum(a.reshape(-1), 0)
            if type(axis) is int and a.ndim:
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
    if type(a) is Tensor and dtype is None and out is None and a.dtype in _NATIVE_ACCUMULATION:
        try:
            if axis is None:
                return torch.cumprod(a.reshape(-1), 0)
            if type(axis) is int and a.ndim:
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
    t = _nan_filled(_tensor(a, "nancumsum"), 0.0)
    try:
        return cumsum(t, axis, dtype, out)
    except (TypeError, ValueError, IndexError) as e:
        raise retold(e, "cumsum", "nancumsum") from e


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
    t = _nan_filled(_tensor(a, "nancumprod"), 1.0)
    try:
        return cumprod(t, axis, dtype, out)
    except (TypeError, ValueError, IndexError) as e:
        raise retold(e, "cumprod", "nancumprod") from e


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
    try:
        return sum(t, axis, dtype, out, keepdims, initial, where)
    except (TypeError, ValueError, IndexError) as e:
        raise retold(e, "sum", "nansum") from e


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
    try:
        return prod(t, axis, dtype, out, keepdims, initial, where)
    except (TypeError, ValueError, IndexError) as e:
        raise retold(e, "prod", "nanprod") from e


def _not_nan(t: Tensor, where: object, caller: str) -> Tensor | bool:
    """The mask of elements a ``nan*`` statistic counts: not NaN, and within ``where``."""
    mask = _nan_mask(t)
    if mask is None:
        return where  # type: ignore[return-value]  # checked by the statistic it is given to
    keep = mask.logical_not()
    if where is True:
        return keep
    return keep & _beside_data(where, t, caller, "where")


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
    slice; tbridge returns its NaN silently (a warning would need the data on the host). An
    empty slice warns, as NumPy (a check of shapes).

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
        and a.numel()  # an empty array: the slow path warns, as NumPy does
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
    if where is True and not t.numel() and t.dtype in _INEXACT:  # (mean warns for the others)
        dims = normalize_axes(axis, t.ndim, "nanmean")
        if _empty_slices(t.shape, dims):
            _warn_empty("nanmean", "mean", t.shape, dims, 3)
    try:
        return mean(t, axis, None, out, keepdims, where=_not_nan(t, where, "nanmean"))
    except (TypeError, ValueError, IndexError) as e:
        raise retold(e, "mean", "nanmean") from e


def _nan_moment(
    t: Tensor,
    axis: object,
    out: Tensor | None,
    ddof: object,
    correction: object,
    keepdims: bool,
    root: bool,
    caller: str,
) -> Tensor:
    """nanvar/nanstd of real floating data: the mean of the non-NaN values from torch.nanmean,
    deviations with the NaNs zeroed before squaring (so they take no part, in the gradient
    either), divided by the count minus ``ddof`` (NaN where that is <= 0)."""
    c = correction_of(correction, ddof, caller)
    dims = normalize_axes(axis, t.ndim, caller)
    if not dims:  # each element alone: a sample of one, or of none where NaN
        t, dims = t.unsqueeze(-1), (t.ndim,)
        keep = False
    else:
        keep = keepdims
    if c or not t.numel():  # NumPy warns where M - ddof <= 0; here from shapes alone
        m = math.prod([t.shape[d] for d in dims])
        if m <= c and all(n for d, n in enumerate(t.shape) if d not in dims):
            warnings.warn(
                f"{caller}: degrees of freedom <= 0 ({m} elements along axes {dims}, ddof "
                f"{c}) give NaN; pass a smaller ddof or reduce over more elements",
                RuntimeWarning,
                stacklevel=3,
            )
    if c == 0 and not t.requires_grad:
        # no gradient to keep clean of NaN: the mean square deviation, NaNs skipped by nanmean.
        # Deviations from an infinite mean hold inf - inf = NaN, which NumPy keeps (the result
        # is NaN) and nanmean would skip: adding mu - mu (0, or NaN where mu is not finite)
        # keeps it, elementwise
        mu = torch.nanmean(t, dims, keepdim=True)
        dev = t - mu
        moment = torch.nanmean(dev * dev, dims, keepdim=True) + (mu - mu)
        moment = moment if keep else moment.squeeze(dims)
        return write_out(moment.sqrt() if root else moment, out, caller)
    nan = torch.isnan(t)
    dev = (t - torch.nanmean(t, dims, keepdim=True)).masked_fill(nan, 0)
    count = math.prod([t.shape[d] for d in dims]) - nan.sum(dims, keepdim=keep)
    moment = (dev * dev).sum(dims, keepdim=keep) / (count.to(t.dtype) - c)  # t.dtype results
    if c > 0:  # 0 / 0 is NaN already; a negative divisor needs the standard's NaN
        moment = moment.masked_fill(count <= c, math.nan)
    return write_out(moment.sqrt() if root else moment, out, caller)


def _nan_spread(
    a: object,
    axis: AxisLike,
    dtype: DTypeLike | None,
    out: Tensor | None,
    ddof: float | None,
    keepdims: bool,
    where: Mask,
    mean: Tensor | None,
    correction: float | None,
    std: bool,
) -> Tensor:
    """nanvar (``std`` False) and nanstd: the real-float fast path, else the moments' general
    path over the non-NaN elements."""
    caller = "nanstd" if std else "nanvar"
    t = _tensor(a, caller)
    if where is True and mean is None and dtype is None and t.dtype in _REAL_FLOATS:
        return _nan_moment(t, axis, out, ddof, correction, keepdims, std, caller)
    return moment(
        torch.std if std else torch.var,
        t,
        axis=axis,
        dtype=dtype,
        out=out,
        correction=correction,
        keepdims=keepdims,
        ddof=ddof,
        where=_not_nan(t, where, caller),
        mean=mean,
        caller=caller,
        nan_dof=True,
    )


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
    return _nan_spread(a, axis, dtype, out, ddof, keepdims, where, mean, correction, False)


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
    return _nan_spread(a, axis, dtype, out, ddof, keepdims, where, mean, correction, True)


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
    t = a if type(a) is Tensor else _tensor(a, caller)
    callee = "max" if reduce is amax else "min"
    if t.dtype not in _INEXACT:
        try:
            return reduce(t, axis, out, keepdims, initial, where)
        except (TypeError, ValueError, IndexError) as e:
            raise retold(e, callee, caller) from e
    nan = torch.isnan(t)
    fill = -math.inf if reduce is amax else math.inf
    # NumPy's nanmax is fmax.reduce, which skips a NaN initial as it skips NaN elements
    nan_initial = isinstance(initial, (float, np.floating)) and math.isnan(initial)
    if nan_initial:
        initial = fill
    if initial is None and where is True and (axis is None or type(axis) is int) and t.ndim:
        # the common call, straight to torch: the reduction, then NaN for all-NaN slices
        fn = torch.amax if reduce is amax else torch.amin
        try:
            filled = _filled(t, nan, fill)
            if axis is None:
                result = fn(filled, (), True) if keepdims else fn(filled)
                all_nan = _all(nan)
            else:
                result = fn(filled, axis, keepdims)
                all_nan = _all(nan, axis, keepdims)
            return write_out(result.masked_fill(all_nan, math.nan), out, caller)
        except (RuntimeError, IndexError):
            pass  # empty, complex or a bad axis: the general path explains
    try:
        result = reduce(_filled(t, nan, fill), axis, None, keepdims, initial, where)
    except (TypeError, ValueError, IndexError) as e:
        raise retold(e, callee, caller) from e
    if initial is None or nan_initial:  # an all-NaN slice is NaN (else initial, as NumPy)
        skipped = (
            nan if where is True else nan | ~_beside_data(where, t, caller, "where").expand(t.shape)
        )
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
    t = a if type(a) is Tensor else _tensor(a, caller)
    if t.dtype not in _INEXACT:
        return _arg_as(fn, t, axis, out, keepdims, caller)
    nan = torch.isnan(t)
    if not t.numel() or not values_checkable(t):
        all_nan = None
    elif axis is None:
        all_nan = _all(nan)
    else:
        dim = normalize_axis(axis, t.ndim, caller)
        all_nan = _all(nan, dim).any() if t.shape[dim] else None
    if all_nan is not None and bool(all_nan):
        raise ValueError(
            f"{caller}: All-NaN slice encountered: a slice along "
            f"{'the flattened array' if axis is None else f'axis {axis}'} holds only NaN, "
            f"which has no {'largest' if fn is argmax else 'smallest'} value; drop or fill the "
            "NaNs first (tb.nan_to_num)"
        )
    filled = _filled(t, nan, -math.inf if fn is argmax else math.inf)
    if out is None and t.ndim:
        try:  # straight to torch (the namespace's argmax checks what is checked above)
            raw = torch.argmax if fn is argmax else torch.argmin
            return raw(filled, axis, keepdims)
        except (RuntimeError, IndexError):
            pass  # empty: the namespace function explains
    return _arg_as(fn, filled, axis, out, keepdims, caller)


def _arg_as(
    fn: Callable[..., Tensor],
    t: Tensor,
    axis: int | None,
    out: Tensor | None,
    keepdims: bool,
    caller: str,
) -> Tensor:
    """``argmax``/``argmin`` of ``t``, its errors told as ``caller``'s."""
    try:
        return fn(t, axis, out, keepdims=keepdims)
    except (TypeError, ValueError, IndexError) as e:
        raise retold(e, "argmax" if fn is argmax else "argmin", caller) from e


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


#: The methods torch.quantile/nanquantile implement (with NumPy's positions and lerp).
_TORCH_METHODS: Final = frozenset({"linear", "lower", "higher", "midpoint", "nearest"})
#: dtypes whose values float64 holds exactly, so torch's quantile may compute in floating point.
_EXACT_IN_FLOAT: Final = frozenset(
    {
        torch.float32,
        torch.float64,
        torch.bool,
        torch.int8,
        torch.int16,
        torch.int32,
        torch.uint8,
        torch.uint16,
        torch.uint32,
    }
)
#: the dtypes the quick quantile path reads as they are
_SINGLE_DOUBLE: Final = frozenset({torch.float32, torch.float64})
#: torch.quantile refuses larger input (it sorts a copy).
_TORCH_QUANTILE_MAX: Final = 1 << 24
#: Up to this many values per slice, one sort selects every order statistic; above it,
#: selection (``torch.kthvalue``) costs less than sorting.
_SORT_MAX: Final = 256


def _order_stats(flat: Tensor, ks: list[int]) -> tuple[Tensor, Tensor | None]:
    """The ``ks``-th smallest values (0-based) along the last axis of a real tensor, stacked
    last, and for floating data whether each slice holds a NaN (``(..., 1)``; NaN orders last).

    Short slices, or many statistics, take one sort. Otherwise each distinct ``k`` is one
    ``torch.kthvalue``, except ``k + 1`` next to a selected ``k`` (linear interpolation's pair):
    it is ``k``'s value again when enough values tie with it, else the smallest value above it,
    two passes where a second selection would be a sort-like one.
    """
    floating = flat.dtype.is_floating_point
    m = flat.shape[-1]
    distinct = sorted(set(ks))
    if m <= _SORT_MAX or len(distinct) > 2:
        ordered_values = torch.sort(flat, -1).values
        stats = ordered_values[..., ks]
        return stats, (ordered_values[..., -1:].isnan() if floating else None)
    picked: dict[int, Tensor] = {}
    for k in distinct:
        if k - 1 in picked:
            below = picked[k - 1].unsqueeze(-1)
            ties = (flat <= below).sum(-1)
            top = math.inf if floating else torch.iinfo(flat.dtype).max
            above = torch.where(flat > below, flat, top)
            picked[k] = torch.where(ties > k, picked[k - 1], above.amin(-1))
        else:
            picked[k] = torch.kthvalue(flat, k + 1, -1).values
    stats = torch.stack([picked[k] for k in ks], -1)
    return stats, (flat.amax(-1, keepdim=True).isnan() if floating else None)


#: floor, ceil, round-half-to-even and select, on Python floats and on tensors: the sample
#: quantile positions below are written once for both.
_HOST: Final = (math.floor, math.ceil, round, lambda c, a, b: a if c else b)
_DEVICE: Final = (torch.floor, torch.ceil, torch.round, torch.where)


def _positions(n: Any, q: Any, method: str, ops: Any) -> tuple[Any, Any, Any]:
    """Hyndman and Fan's sample quantile ``q`` of ``n`` sorted values (Python floats, or float64
    tensors that broadcast, with ``ops`` to match): the 0-based order statistics below and above
    it, unclipped, and the weight of the upper one (None for the methods that pick one)."""
    floor, ceil, rnd, pick = ops
    if method == "linear" or method in _CONTINUOUS:
        if method == "linear":
            v = (n - 1) * q
        else:
            alpha, beta = _CONTINUOUS[method]
            v = n * q + (alpha + q * (1 - alpha - beta)) - 1
        lo = floor(v)
        return lo, lo + 1, v - lo
    if method == "midpoint":
        v = (n - 1) * q
        lo, hi = floor(v), ceil(v)
        return lo, hi, pick(lo == hi, 0.0, 0.5)
    if method == "averaged_inverted_cdf":
        v = n * q - 1
        lo = floor(v)
        return lo, lo + 1, pick(v == lo, 0.5, 1.0)  # average at a jump of the CDF
    if method == "lower":
        lo = floor((n - 1) * q)
    elif method == "higher":
        lo = ceil((n - 1) * q)
    elif method == "nearest":
        lo = rnd((n - 1) * q)  # ties to even, as np.around
    elif method == "inverted_cdf":
        lo = ceil(n * q) - 1
    else:  # closest_observation: the nearest order statistic, ties to the even one
        p = n * q - 0.5
        j = floor(p)
        lo = pick((p == j) & (j % 2 == 0), j, j + 1) - 1
    return lo, lo, None


def _check_method(method: str, caller: str) -> None:
    if method not in _METHODS:
        raise ValueError(
            f"{caller}: method={method!r} is not a quantile method; pass one of "
            f"{sorted(_METHODS)} ('linear' is the default)"
        )


def _python_numbers(data: object) -> list[float] | None:
    """The numbers of a (nested) list or tuple of Python ints, floats and bools, flattened in
    row-major order; None for anything else. (A torch.compile trace cannot read a float
    tensor's values back; the Python data it came from it can.)"""
    if not isinstance(data, (list, tuple)):
        return None
    found: list[float] = []
    for item in data:
        if type(item) is float or type(item) is int or type(item) is bool:
            found.append(item)
        elif (inner := _python_numbers(item)) is not None:
            found.extend(inner)
        else:
            return None
    return found


def _q_values(
    q: object, caller: str, scale: float
) -> tuple[list[float], tuple[int, ...], torch.dtype | None, Scalar | None]:
    """``q`` divided by ``scale`` as Python floats (checked to lie in [0, 1]) and its shape; the
    dtype it promotes with (None for a Python scalar) and the Python scalar itself (weak, as in
    NumPy 2; a percentile divided by 100 is a float). q is read on the host: its values decide
    which order statistics to select."""
    shape: tuple[int, ...] = ()
    if type(q) is float or type(q) is int or type(q) is bool:
        values = [q / scale]
        strong: torch.dtype | None = None
        weak: Scalar | None = q if scale == 1 else q / scale
    elif isinstance(q, complex):
        raise TypeError(f"{caller}: q={q!r} is complex; pass real quantiles")
    else:
        raw = _tensor(q, caller, "q")
        if raw.dtype.is_complex:
            raise TypeError(f"{caller}: q has dtype {raw.dtype}; pass real quantiles")
        if raw.is_meta:
            raise no_data(caller)
        strong, weak = raw.dtype, None
        if scale != 1 and kind_rank(strong) < 2:
            strong = _F64  # an integer q divided by 100 is float64 in NumPy
        given = _python_numbers(q)  # Python data is read as it is (no tensor read back)
        if given is None:
            given = raw.detach().reshape(-1).tolist()
        values = [v / scale for v in given]
        shape = tuple(raw.shape)
    if not all(0 <= v <= 1 for v in values):
        what = (
            "Percentiles must be in the range [0, 100]"
            if scale == 100
            else "Quantiles must be in the range [0, 1]"
        )
        raise ValueError(f"{caller}: {what}, got q={q!r}; pass values within it")
    return values, shape, strong, weak


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


def _fixed_count(
    flat: Tensor, t: Tensor, qs: list[float], method: str, work: torch.dtype
) -> Tensor:
    """Quantiles ``(..., len(qs))`` of slices that all count ``m`` values (positions computed on
    the host, in the float64 arithmetic NumPy uses)."""
    m = flat.shape[-1]
    los, his, gammas = [], [], []
    for qv in qs:
        lo, hi, gamma = _positions(m, qv, method, _HOST)
        los.append(min(max(int(lo), 0), m - 1))
        his.append(min(max(int(hi), 0), m - 1))
        gammas.append(gamma)
    picking = gammas[0] is None
    stats, has_nan = _order_stats(flat, los if picking else los + his)
    nq = len(qs)
    if picking:
        result = _back(stats, t)
    else:
        lo_v = _back(stats[..., :nq], t).to(work)
        hi_v = _back(stats[..., nq:], t).to(work)
        weight = (
            float(gammas[0]) if nq == 1 else torch.tensor(gammas, dtype=work, device=flat.device)
        )
        result = torch.lerp(lo_v, hi_v, weight)
    if has_nan is not None and result.dtype.is_floating_point:
        result = result.masked_fill(has_nan, math.nan)  # a slice holding NaN has NaN quantiles
    return result


def _counted(flat: Tensor, t: Tensor, qs: list[float], method: str, work: torch.dtype) -> Tensor:
    """Quantiles ``(..., len(qs))`` of the non-NaN values of each slice (its own count)."""
    nan = torch.isnan(flat)
    counts = flat.shape[-1] - nan.sum(-1, keepdim=True)  # (..., 1)
    n = counts.to(_F64)
    q = torch.tensor(qs, dtype=_F64, device=flat.device)
    lo, hi, gamma = _positions(n, q, method, _DEVICE)  # (..., nq)
    top = (counts - 1).clamp(min=0)
    lo_i = torch.minimum(lo.to(torch.int64).clamp(min=0), top)
    ordered_values = torch.sort(flat, -1).values  # NaN last
    lo_v = _back(ordered_values.gather(-1, lo_i), t).to(work)
    if gamma is None:
        result = lo_v
    else:
        hi_i = torch.minimum(hi.to(torch.int64).clamp(min=0), top)
        hi_v = _back(ordered_values.gather(-1, hi_i), t).to(work)
        result = torch.lerp(lo_v, hi_v, gamma.to(work))
    return result.masked_fill(counts == 0, math.nan)  # an all-NaN slice


def _quick_quantile(
    t: Tensor, q: float, axis: int | None, method: str, keepdims: bool, skip_nan: bool
) -> Tensor | None:
    """One quantile of float32/float64 data over one axis or all of them (the common call),
    with few kernels: torch's nanquantile for the nan forms; for the others, a sort of short
    slices and the two order statistics read as views. None when the call is not that."""
    if skip_nan:
        if method not in _TORCH_METHODS or not t.numel() or t.numel() > _TORCH_QUANTILE_MAX:
            return None
        return torch.nanquantile(t, q, axis, keepdims, interpolation=method)
    if method not in _METHODS:
        return None
    flat = t.reshape(-1) if axis is None else t if axis in (-1, t.ndim - 1) else t.movedim(axis, -1)
    m = flat.shape[-1]
    if not 0 < m <= _SORT_MAX:
        return None
    lo, hi, gamma = _positions(m, q, method, _HOST)
    lo, hi = min(max(int(lo), 0), m - 1), min(max(int(hi), 0), m - 1)
    ordered_values = torch.sort(flat, -1).values
    result = ordered_values.select(-1, lo)
    if gamma is not None and hi != lo:
        result = torch.lerp(result, ordered_values.select(-1, hi), float(gamma))
    last = ordered_values.select(-1, -1)  # NaN sorts last: a slice holding NaN has NaN quantiles
    result = torch.where(last.isnan(), last, result)
    if keepdims:
        result = result.reshape([1] * t.ndim) if axis is None else result.unsqueeze(axis)
    return result


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
    weights: object = None,
) -> Tensor:
    """quantile/percentile and their nan forms: ``q``'s shape, then the reduced shape."""
    if (
        weights is None
        and type(a) is Tensor
        and (type(q) is float or type(q) is int)
        and a.dtype in _SINGLE_DOUBLE
        and a.ndim
        and 0 <= q <= scale
        and (axis is None or (type(axis) is int and -a.ndim <= axis < a.ndim))
    ):
        quick = _quick_quantile(a, q / scale, axis, method, keepdims, skip_nan)
        if quick is not None:
            return write_out(quick, out, caller)
    _check_method(method, caller)
    t = a if type(a) is Tensor else _tensor(a, caller)
    qs, qshape, strong, weak = _q_values(q, caller, scale)
    dt = _quantile_dtype(t, strong, weak, method)
    src = _orderable(t, caller)
    dims = normalize_axes(axis, t.ndim, caller)
    flat = flatten_dims(src, dims) if dims else src.unsqueeze(-1)
    work = dt if dt in _REAL_FLOATS else _F64  # interpolate in floating point
    m = flat.shape[-1]
    kept_shape = reduced_shape(t.shape, dims, keepdims)
    if m == 0 and not skip_nan:  # NumPy's IndexError (its index of the last order statistic)
        raise IndexError(
            f"{caller}: a of shape {tuple(t.shape)} has no elements along axes {dims}, and a "
            "quantile of no values is undefined; reduce over non-empty axes (nan"
            f"{caller} gives NaN with a warning)"
        )
    if m == 0 and qs and _empty_slices(t.shape, dims):
        _warn_empty(caller, "quantile", t.shape, dims, 4)
    wflat: Tensor | None = None
    if weights is not None:
        if method != "inverted_cdf":
            raise ValueError(
                f"{caller}: only method 'inverted_cdf' takes weights, got method={method!r}; "
                "pass method='inverted_cdf', or leave weights=None"
            )
        w = _beside_data(weights, t, caller, "weights")
        if w.dtype.is_complex:
            raise TypeError(f"{caller}: weights have dtype {w.dtype}; pass real weights")
        w = _slice_weights(w, t, axis, dims, caller)
        wflat = flatten_dims(w, dims) if dims else w.unsqueeze(-1)  # beside flat
    if (
        skip_nan
        and flat.numel()
        and qs
        and method in _TORCH_METHODS
        and work in (torch.float32, torch.float64)
        and t.dtype in _EXACT_IN_FLOAT
        and flat.numel() <= _TORCH_QUANTILE_MAX
    ):
        # torch's own nanquantile sorts, counts and interpolates as NumPy does for these methods
        x = flat if flat.dtype == work else flat.to(work)
        qv = qs[0] if not qshape else torch.tensor(qs, dtype=work, device=flat.device)
        result = torch.nanquantile(x, qv, -1, interpolation=method)
        result = result.reshape([*qshape, *kept_shape])
        if result.dtype != dt:
            result = result.to(dt)
        return write_out(result, out, caller)
    if m == 0 or not qs:
        result = torch.full((*flat.shape[:-1], len(qs)), math.nan, dtype=work, device=t.device)
    elif wflat is not None:  # (method 'inverted_cdf': never torch's nanquantile above)
        result = _weighted_picks(flat, wflat, t, qs, strong, skip_nan, caller)
    elif skip_nan and flat.dtype.is_floating_point:
        result = _counted(flat, t, qs, method, work)
    else:
        result = _fixed_count(flat, t, qs, method, work)
    result = (result.squeeze(-1) if not qshape else result.movedim(-1, 0)).reshape(
        [*qshape, *kept_shape]
    )
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
    weights: Tensor | None = None,
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
    weights : Tensor, optional
        Non-negative weights, of ``a``'s shape, or (with ``axis``) of the reduced axes'
        shape; only with ``method='inverted_cdf'``, as in NumPy. Each quantile is then the
        first value, in sorted order, at which the cumulative share of the weights reaches
        ``q``.

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
    IndexError
        A slice with no elements (NumPy's error; ``nanquantile`` gives NaN and warns).

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph (not ``q``'s).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.quantile([1.0, 2.0, 3.0, 4.0], [0.25, 0.5])
    tensor([1.7500, 2.5000], dtype=torch.float64)
    """
    return _quantile_core(
        a,
        q,
        axis,
        out,
        method,
        keepdims,
        skip_nan=False,
        scale=1.0,
        caller="quantile",
        weights=weights,
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
    weights: Tensor | None = None,
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
    weights : Tensor, optional
        As for :func:`quantile` (``method='inverted_cdf'`` only).

    Returns
    -------
    Tensor

    Raises
    ------
    IndexError
        A slice with no elements (NumPy's error; ``nanpercentile`` gives NaN and warns).

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.percentile([1, 2, 3, 4, 5], 50)
    tensor(3., dtype=torch.float64)
    """
    return _quantile_core(
        a,
        q,
        axis,
        out,
        method,
        keepdims,
        skip_nan=False,
        scale=100.0,
        caller="percentile",
        weights=weights,
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
    weights: Tensor | None = None,
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
    weights : Tensor, optional
        As for :func:`quantile` (``method='inverted_cdf'`` only).

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
    return _quantile_core(
        a,
        q,
        axis,
        out,
        method,
        keepdims,
        skip_nan=True,
        scale=1.0,
        caller="nanquantile",
        weights=weights,
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
    weights: Tensor | None = None,
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
    weights : Tensor, optional
        As for :func:`quantile` (``method='inverted_cdf'`` only).

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
    return _quantile_core(
        a,
        q,
        axis,
        out,
        method,
        keepdims,
        skip_nan=True,
        scale=100.0,
        caller="nanpercentile",
        weights=weights,
    )


def _slice_weights(
    w: Tensor, t: Tensor, axis: object, dims: tuple[int, ...], caller: str
) -> Tensor:
    """NumPy's quantile weights broadcast to ``t``'s shape: weights of ``t``'s shape, or, with
    ``axis`` given, of the shape of the reduced axes (in ``axis``'s order)."""
    if tuple(w.shape) == tuple(t.shape):
        return w
    if axis is None:
        raise TypeError(
            f"{caller}: weights have shape {tuple(w.shape)} and a has shape {tuple(t.shape)}; "
            "when their shapes differ, pass axis= (the weights then run along it)"
        )
    given = [
        operator.index(cast("SupportsIndex", ax)) % t.ndim
        for ax in (axis if isinstance(axis, (tuple, list)) else (axis,))
    ]
    if tuple(w.shape) != tuple(t.shape[d] for d in given):
        raise ValueError(
            f"{caller}: weights have shape {tuple(w.shape)}, but a has "
            f"{tuple(t.shape[d] for d in given)} along axis {axis!r}; pass weights of a's "
            "shape, or of the reduced axes' shape"
        )
    w = w.permute(sorted(range(len(given)), key=given.__getitem__))
    w = w.reshape([t.shape[d] if d in dims else 1 for d in range(t.ndim)])
    return w.expand(t.shape)


def _weighted_picks(
    flat: Tensor,
    wf: Tensor,
    t: Tensor,
    qs: list[float],
    strong: torch.dtype | None,
    skip_nan: bool,
    caller: str,
) -> Tensor:
    """NumPy's weighted quantiles ``(..., len(qs))`` of the slices ``(..., m)`` of ``flat``
    (``_orderable(t)``, reduced axes last) for method 'inverted_cdf': per slice, the first value
    in sorted order at which the cumulative share of the weights ``wf`` (``flat``'s shape)
    reaches ``q``; values of zero weight are never picked. The nan forms give NaN no weight."""
    if values_checkable(wf) and bool((wf < 0).any()):
        raise ValueError(f"{caller}: weights must be non-negative; pass weights >= 0")
    m = flat.shape[-1]
    nan = torch.isnan(flat) if flat.dtype.is_floating_point else None
    if skip_nan and nan is not None:
        wf = wf.masked_fill(nan, 0)
    order = torch.argsort(flat, dim=-1, stable=True)  # NaN last
    values = flat.gather(-1, order)
    cdf = wf.gather(-1, order).to(_F64).cumsum(-1)
    cdf = cdf / cdf[..., -1:]
    if values_checkable(cdf):
        undefined = torch.isnan(cdf[..., -1])
        if skip_nan and nan is not None:
            undefined &= ~nan.all(-1)  # an all-NaN slice is NaN, as without weights
        if bool(undefined.any()):
            raise ValueError(
                f"{caller}: weights include NaN or inf, or are all zero in some slice; pass "
                "finite weights with a positive sum in each slice"
            )
    if strong is not None and strong.is_floating_point:
        cdf = cdf.to(strong)  # as NumPy: the search in q's own floating dtype
    cdf = cdf.masked_fill(cdf == 0, -1)  # leading zero weights: q = 0 picks a weighted value
    wanted = torch.tensor(qs, dtype=cdf.dtype, device=cdf.device)
    wanted = wanted.expand(*cdf.shape[:-1], len(qs)).contiguous()
    index = torch.searchsorted(cdf.contiguous(), wanted, side="left").clamp(max=m - 1)
    result = _back(values.gather(-1, index), t)
    if nan is not None:
        holds_nan = nan.all(-1, keepdim=True) if skip_nan else nan.any(-1, keepdim=True)
        result = result.masked_fill(holds_nan, math.nan)
    return result


def _median_core(
    a: object, axis: object, out: Tensor | None, keepdims: bool, skip_nan: bool, caller: str
) -> Tensor:
    if (
        not skip_nan
        and type(a) is Tensor
        and a.dtype in _SINGLE_DOUBLE
        and a.ndim
        and (axis is None or (type(axis) is int and -a.ndim <= axis < a.ndim))
    ):  # the common call: a sort of short slices, the middle values read as views
        flat = a.reshape(-1) if axis is None else a.movedim(axis, -1)
        m = flat.shape[-1]
        if 0 < m <= _SORT_MAX:
            ordered_values = torch.sort(flat, -1).values
            lo_k, hi_k = (m - 1) // 2, m // 2
            result = ordered_values.select(-1, lo_k)
            if hi_k != lo_k:
                result = (result + ordered_values.select(-1, hi_k)) / 2
            last = ordered_values.select(-1, -1)  # NaN sorts last
            result = torch.where(last.isnan(), last, result)
            if keepdims:
                result = result.reshape([1] * a.ndim) if axis is None else result.unsqueeze(axis)
            return write_out(result, out, caller)
    t = a if type(a) is Tensor else _tensor(a, caller)
    if t.dtype.is_complex:
        raise TypeError(
            f"{caller}: complex input is not supported (torch cannot order complex values); "
            "take the median of tb.real(a) and tb.imag(a) separately"
        )
    dims = normalize_axes(axis, t.ndim, caller)
    dt = t.dtype if t.dtype in _REAL_FLOATS else default_float_dtype()
    work = torch.float32 if dt in (torch.float16, torch.bfloat16) else dt
    src = _orderable(t, caller)
    flat = flatten_dims(src, dims) if dims else src.unsqueeze(-1)
    m = flat.shape[-1]
    if m == 0:
        if _empty_slices(t.shape, dims):
            _warn_empty(caller, "median", t.shape, dims, 4)
        result = torch.full(flat.shape[:-1], math.nan, dtype=dt, device=t.device)
    elif skip_nan and t.dtype.is_floating_point:
        # each slice's own middle values (NaN sorts last), averaged as NumPy's median does:
        # inf and inf give inf, -inf and inf NaN (an interpolation would make both NaN)
        counts = m - torch.isnan(flat).sum(-1, keepdim=True)
        ordered_values = torch.sort(flat, -1).values
        lo = ordered_values.gather(-1, ((counts - 1) // 2).clamp(min=0)).squeeze(-1)
        hi = ordered_values.gather(-1, counts // 2).squeeze(-1)  # NaN in an all-NaN slice
        lo, hi = lo.to(work), hi.to(work)
        result = torch.where((counts % 2 == 1).squeeze(-1), lo, (lo + hi) / 2).to(dt)
    else:
        lo_k, hi_k = (m - 1) // 2, m // 2
        stats, has_nan = _order_stats(flat, [lo_k, hi_k])
        lo = _back(stats[..., 0], t).to(work)
        result = lo if lo_k == hi_k else (lo + _back(stats[..., 1], t).to(work)) / 2
        if has_nan is not None:
            result = result.masked_fill(has_nan.squeeze(-1), math.nan)
        if result.dtype != dt:
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
    if (
        type(a) is Tensor
        and type(weights) is Tensor
        and axis is None
        and not returned
        and not keepdims
        and a.dtype is weights.dtype
        and a.dtype in _INEXACT
        and a.shape == weights.shape
    ):
        try:
            weighted = a * weights
        except RuntimeError:
            pass  # devices that differ: the general path explains
        else:
            total = weights.sum()
            if values_checkable(total) and not total:
                raise ZeroDivisionError(
                    "average: weights sum to zero along an averaged axis, so they cannot be "
                    "normalized; pass weights with a non-zero sum"
                )
            return weighted.sum() / total
    t = _tensor(a, "average")
    dims = normalize_axes(axis, t.ndim, "average")
    if weights is None:
        avg = mean(t, axis, None, None, keepdims)
        if not returned:
            return avg
        count = math.prod([t.shape[d] for d in dims]) if dims else 1
        return avg, torch.full(avg.shape, count, dtype=avg.dtype, device=avg.device)
    w = _beside_data(weights, t, "average", "weights")
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
    if w.dtype != dt:
        w = w.to(dt)
    # the weights' sums, over the averaged axes of the (broadcastable) weights
    scl = w.sum(dims, keepdim=True) if dims else w
    if scl.numel() and values_checkable(scl) and not bool(scl.all()):
        raise ZeroDivisionError(
            "average: weights sum to zero along an averaged axis, so they cannot be "
            "normalized; pass weights with a non-zero sum"
        )
    weighted = (t if t.dtype == dt else t.to(dt)) * w
    avg = (weighted.sum(dims, keepdim=True) if dims else weighted) / scl
    avg = kept(avg.reshape(reduced_shape(t.shape, dims, False)), t.shape, dims, keepdims)
    if returned:
        return avg, scl.expand(reduced_shape(t.shape, dims, True)).reshape(avg.shape).clone()
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
        yt = _beside_data(y, x, caller, "y")
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


def _frequency(weights: object, kind: str, n: int, caller: str, like: Tensor) -> Tensor | None:
    if weights is None:
        return None
    w = _beside_data(weights, like, caller, kind)
    inexact = w.dtype.is_floating_point or w.dtype.is_complex
    readable = values_checkable(w)
    if kind == "fweights" and inexact and readable and not bool((w == torch.round(w)).all()):
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
    if readable and bool((w < 0).any()):
        raise ValueError(f"{caller}: {kind} cannot be negative; pass weights >= 0")
    return w


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
    if (
        type(m) is Tensor
        and y is None
        and rowvar
        and ddof is None
        and fweights is None
        and aweights is None
        and dtype is None
        and m.dtype in _DOUBLE
        and m.ndim == 2
        and m.shape[0]
        and m.shape[1] > (0 if bias else 1)
        and not is_dynamo_compiling()  # torch's cov compares values (aten.equal) inside
    ):  # the common call: torch's cov is NumPy's formula
        return torch.cov(m, correction=0 if bias else 1).squeeze()
    x = _observations(m, y, rowvar, dtype, "cov")
    if x.shape[0] == 0:
        return torch.empty((0, 0), dtype=x.dtype, device=x.device)
    if ddof is None:
        ddof = 0 if bias else 1
    elif isinstance(ddof, bool) or not hasattr(ddof, "__index__"):
        raise TypeError(f"cov: ddof={ddof!r} is not an integer; pass an int such as 1")
    n = x.shape[1]
    f = _frequency(fweights, "fweights", n, "cov", x)
    aw = _frequency(aweights, "aweights", n, "cov", x)
    w = None
    if f is not None:
        w = f.to(x.dtype if not x.dtype.is_complex else _REAL_OF_C[x.dtype])
    if aw is not None:
        awf = aw.to(x.dtype if not x.dtype.is_complex else _REAL_OF_C[x.dtype])
        w = awf if w is None else w * awf
    if w is None and n - ddof > 0 and not is_dynamo_compiling():
        return torch.cov(x, correction=operator.index(ddof)).squeeze()  # NumPy's formula
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
    if (not isinstance(fact, Tensor) or values_checkable(fact)) and float(fact) <= 0:
        if not is_dynamo_compiling():  # (dynamo does not trace warnings.warn)
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
    if (
        type(x) is Tensor
        and y is None
        and rowvar
        and dtype is None
        and x.dtype in _DOUBLE
        and x.ndim == 2
        and x.shape[0]
        and x.shape[1] > 1
        and not is_dynamo_compiling()  # torch's corrcoef calls its cov (aten.equal inside)
    ):  # the common call: torch's corrcoef is NumPy's algorithm, clipping included
        return torch.corrcoef(x)
    try:
        c = cov(x, y, rowvar, dtype=dtype)
    except (TypeError, ValueError, IndexError) as e:
        raise retold(e, "cov", "corrcoef") from e
    if c.ndim == 0:
        return c / c
    d = torch.diagonal(c).real
    sd = torch.sqrt(d)
    c = c / sd[:, None] / sd[None, :]
    if c.is_complex():
        return torch.complex(c.real.clamp(-1, 1), c.imag.clamp(-1, 1))
    return c.clamp(-1, 1)


# ---- histograms, bincount, digitize --------------------------------------------------------


def _finite_range(
    t: Tensor, range_: object, caller: str, bounds: tuple[float, float] | None = None
) -> tuple[float, float, torch.dtype]:
    """The outer bin edges, ``range`` or the data's min and max (widened by 0.5 when equal), and
    the dtype NumPy computes the edges in: the data's (floating data, autodetected range: its
    min and max are scalars of that dtype) or float64. ``bounds``: the data's min and max when
    the caller has read them already (``t`` then only gives the dtype)."""
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
    elif bounds is None and t.numel() == 0:
        first, last = 0.0, 1.0
    else:
        if bounds is not None:
            first, last = bounds
        elif t.is_meta:
            raise no_data(caller)
        elif t.dtype in UNSIGNED_GAPS or t.dtype == torch.bool:
            first, last = float(amin(t)), float(amax(t))
        else:
            lo, hi = torch.aminmax(t.detach())  # (numbers: no warning for data on a graph)
            first, last = float(lo), float(hi)
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
    caller: str,
    strict: bool,
) -> Tensor:
    """``bins + 1`` evenly spaced edges from ``first`` to ``last`` (the last one exact): the
    ``i``-th is ``first + i * step``, in ``compute`` arithmetic, then ``dt``. These are a few
    scalars, computed on the host with NumPy (its ``linspace`` arithmetic, to the bit) and sent
    to ``device`` once. ``strict``: NumPy's histogram check that the edges increase strictly
    (a ValueError otherwise: bins too narrow for the floats of the range). A count of bins
    too big to exist or to allocate is NumPy's ValueError or MemoryError, named ``caller``."""
    try:
        points = _even_points(first, last, bins, compute)
    except (ValueError, MemoryError) as e:  # NumPy's, for bins too many to exist or allocate
        raise_for_size(e, caller, bins + 1, compute, "bins")
        raise
    if (
        strict
        and not _clearly_increasing(first, last, bins)
        and bool(np.any(points[:-1] >= points[1:]))
    ):
        raise ValueError(
            f"{caller}: too many bins for the data range: {bins} bins of finite, increasing "
            f"edges do not fit in [{first}, {last}] in {str(compute).removeprefix('torch.')}; "
            "pass fewer bins or a wider range"
        )
    edges = torch.from_numpy(points)
    return edges if dt is compute and device.type == "cpu" else edges.to(device, dt)


#: Even edges whose step is above this fraction of the larger bound's magnitude (about 500
#: float32 ulps; at most ``_CLEAR_BINS_MAX`` bins) increase strictly: each step outgrows the
#: rounding of the products and sums that make the edges.
_STEP_ULPS: Final = 2.0**-14
_CLEAR_BINS_MAX: Final = 1 << 20


def _clearly_increasing(first: float, last: float, bins: int) -> bool:
    """Whether the ``bins + 1`` even edges from ``first`` to ``last`` increase strictly (in
    float32 or float64), without computing them; False leaves the question open."""
    span = last - first
    return bins <= _CLEAR_BINS_MAX and math.inf > span > bins * _STEP_ULPS * max(-first, last)


def _even_points(first: float, last: float, bins: int, compute: torch.dtype) -> NDArray:
    """NumPy's ``linspace(first, last, bins + 1)`` in ``compute``'s NumPy dtype, on the host."""
    if compute is _F64:  # Python's float arithmetic is float64's
        points = np.arange(bins + 1, dtype=np.float64)
        points *= (last - first) / bins
        points += first
        points[-1] = last
    else:
        nd = numpy_dtype_of(compute)
        lo, hi = nd.type(first), nd.type(last)  # type: ignore[union-attr]
        points = np.arange(bins + 1, dtype=nd) * ((hi - lo) / bins) + lo
        points[-1] = hi
    return points


#: The dtypes torch's CPU histogram kernels take (their counts come in that dtype).
_HISTOGRAM_DTYPES: Final = frozenset({torch.float32, torch.float64})


def _native_counts(t: Tensor, edges: Sequence[Tensor]) -> bool:
    """Whether ``torch.histogramdd(t, edges)`` counts as NumPy does, and is the faster way:
    CPU, float32/float64 data with edges of its dtype, no autograd, fewer values than
    ``_ARITHMETIC_BINS_MIN`` (counts the float dtype holds exactly; more values are binned
    faster arithmetically). Its binary search bins by NumPy's rule (``edges[i] <= v <
    edges[i+1]``, the last bin closed, values outside the edges and NaN left out)."""
    if (
        not t.is_cpu
        or t.requires_grad
        or t.dtype not in _HISTOGRAM_DTYPES
        or t.numel() >= _ARITHMETIC_BINS_MIN
    ):
        return False
    return all(e.dtype is t.dtype and not e.requires_grad for e in edges)


def _edge_dtype(t: Tensor) -> torch.dtype:
    return t.dtype if t.dtype in _REAL_FLOATS else _F64


def _bin_count(value: object, caller: str) -> int:
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(f"{caller}: bins={value!r} must be an integer, a string or an array")
    n = operator.index(value)  # pyright: ignore[reportArgumentType] - has __index__
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


def _edges_1d(
    t: Tensor, bins: object, range_: object, caller: str, strict: bool = True
) -> tuple[Tensor, tuple[float, float] | None]:
    """Bin edges for 1-D data, and for evenly spaced ones their outer values; ``strict``:
    NumPy's histogram check that even edges increase strictly (histogramdd has none)."""
    if t.dtype.is_complex:  # (torch's min/max have no complex kernels)
        raise no_order(caller, t.dtype)
    if type(bins) is int and bins >= 1:  # the common call: a count
        first, last, compute = _finite_range(t, range_, caller)
        edges = _even_edges(first, last, bins, compute, _edge_dtype(t), t.device, caller, strict)
        return edges, (first, last)
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
        edges = _even_edges(first, last, count, compute, _edge_dtype(t), t.device, caller, strict)
        return edges, (first, last)
    if not isinstance(bins, (Tensor, np.ndarray, list, tuple)) or _bins_ndim(bins) == 0:
        count = _bin_count(bins.item() if isinstance(bins, (Tensor, np.ndarray)) else bins, caller)
        first, last, compute = _finite_range(t, range_, caller)
        edges = _even_edges(first, last, count, compute, _edge_dtype(t), t.device, caller, strict)
        return edges, (first, last)
    edges = _beside_data(bins, t, caller, "bins")
    if edges.ndim != 1:
        raise ValueError(f"{caller}: bins must be 1d when an array, got shape {tuple(edges.shape)}")
    if edges.numel() > 1 and bool((edges[1:] < edges[:-1]).any()):
        raise ValueError(f"{caller}: bins must increase monotonically, when an array")
    return edges, None


#: Up to this many values per coordinate, the histograms of CPU float32/float64 data off the
#: autograd graph, with counts of bins over the data's range, are made on the host through
#: NumPy views of the data (a few NumPy calls on a few values: no kernels, no device reads).
_HOST_HISTOGRAM_MAX: Final = 64
#: ... in up to this many coordinates (histogramdd).
_HOST_DD_DIMS: Final = 16
_HOST_HISTOGRAM_DTYPES: Final = {np.dtype(np.float64): _F64, np.dtype(np.float32): torch.float32}
_isfinite: Final = math.isfinite
_np_searchsorted: Final = np.searchsorted
_np_bincount: Final = np.bincount
_from_numpy: Final = torch.from_numpy


def _host_view(t: object, limit: int = _HOST_HISTOGRAM_MAX) -> NDArray | None:
    """A NumPy view of ``t`` where its histogram is made on the host: a float32/float64 CPU
    tensor of at most ``limit`` elements (its values: histograms have no gradient), outside
    torch.compile (which is to trace no NumPy work); None otherwise (``Tensor.numpy`` refuses
    other devices, functorch's wrapped tensors and neg bits)."""
    if type(t) is not Tensor or is_dynamo_compiling() or t.numel() > limit:
        return None
    try:
        view = (t.detach() if t.requires_grad else t).numpy()  # (counts and edges: no graph)
    except (TypeError, RuntimeError):
        return None
    return view if view.dtype in _HOST_HISTOGRAM_DTYPES else None


def _host_edges(col: NDArray, bins: int) -> NDArray | None:
    """NumPy's ``bins + 1`` even edges over the range of the 1-to-``_HOST_HISTOGRAM_MAX``
    values of ``col`` (1-D, from :func:`_host_view`), to the bit: its min and max, widened by
    0.5 each way when equal, and its linspace arithmetic in ``col``'s dtype. None for other
    sizes, and for non-finite data (the torch path raises NumPy's error)."""
    if not 0 < col.size <= _HOST_HISTOGRAM_MAX or col.ndim != 1:
        return None
    values = col.tolist()
    if not _isfinite(builtins.sum(values)):  # NaN or inf (or a sum past float64's range)
        return None
    first, last = builtins.min(values), builtins.max(values)
    compute = _HOST_HISTOGRAM_DTYPES[col.dtype]
    if first == last:  # rounded to the data's dtype, which NumPy subtracts in
        first, last = first - 0.5, last + 0.5
        if compute is not _F64:
            kind = col.dtype.type
            first, last = float(kind(first)), float(kind(last))
    if not _clearly_increasing(first, last, bins):
        return None  # a span past float64's, or steps of a few ulps: the general path's turn
    return _even_points(first, last, bins, compute)


def _host_even(
    cols: Sequence[NDArray], bins: Sequence[int]
) -> tuple[NDArray, list[NDArray]] | None:
    """Counts (int64, flat in row-major order) of the points ``(cols[0][i], cols[1][i], ...)``
    in ``bins[d]`` even bins over each coordinate's range, and each coordinate's edges
    (:func:`_host_edges`); a value's bin is by comparison with the edges (the last bin
    closed), as NumPy's. None where :func:`_host_edges` gives none for a coordinate, and for
    coordinates of different dtypes or lengths."""
    flat: Any = None
    edges: list[NDArray] = []
    first = cols[0]
    for col, n in zip(cols, bins, strict=True):
        if col.dtype is not first.dtype or col.shape != first.shape:
            return None
        points = _host_edges(col, n)
        if points is None:
            return None
        edges.append(points)
        idx = _np_searchsorted(points[1:-1], col, "right")  # inner edges at or below the value
        flat = idx if flat is None else flat * n + idx
    return _np_bincount(flat, minlength=math.prod(bins)), edges


def _host_coordinates(v: NDArray) -> list[NDArray]:
    """The coordinate columns of NumPy's histogramdd sample ``v``: ``(N, D)`` points, or ``N``
    values of one coordinate (1-D); none for other shapes."""
    if v.ndim == 2:
        return [v[:, d] for d in builtins.range(v.shape[1])]
    return [v] if v.ndim == 1 else []


def _host_dd(cols: list[NDArray], bins: object) -> tuple[Tensor, list[Tensor]] | None:
    """:func:`histogramdd`'s result on the host (float64 counts, each coordinate's edges) for
    ``bins`` a count for all coordinates or one each (:func:`_host_even`); None where that
    gives none."""
    if type(bins) is int and bins >= 1:
        counts = [bins] * len(cols)
    elif (
        isinstance(bins, (list, tuple))
        and len(bins) == len(cols)
        and all(type(b) is int and b >= 1 for b in bins)
    ):
        counts = list(bins)
    else:
        return None
    if not cols or (made := _host_even(cols, counts)) is None:
        return None
    hist = made[0].reshape(counts).astype(np.float64)
    return _from_numpy(hist), [_from_numpy(e) for e in made[1]]


def _bins_ndim(bins: object) -> int:
    """How many dimensions ``bins`` has as an array (0 for a count)."""
    return int(bins.ndim) if isinstance(bins, (Tensor, np.ndarray)) else 1


#: From this many values on, evenly spaced bins are found arithmetically (a few elementwise
#: passes) rather than by binary search.
_ARITHMETIC_BINS_MIN: Final = 1 << 16


def _bin_index(t: Tensor, edges: Tensor, even: object) -> Tensor:
    """Each value's bin, ``i`` for ``edges[i] <= v < edges[i+1]`` (the last bin closed), and
    ``n`` (one past the last bin) for values outside the edges and NaN. ``t`` is ``(..., N)``,
    ``edges`` ``(..., n + 1)`` (one row of edges per row of values, or one for all).

    Many values and evenly spaced edges (``even`` is not None): the bin is estimated
    arithmetically, in float64, then moved by one where the value falls below its bin's lower
    edge or reaches the next one, so the counts are those of comparisons with the edges
    themselves, as NumPy's. Otherwise a binary search among the edges.
    """
    n = edges.shape[-1] - 1
    dt = promote(t.dtype, edges.dtype)
    v = t if t.dtype == dt else t.to(dt)
    e = edges if edges.dtype == dt else edges.to(dt)
    if dt in UNSIGNED_GAPS:
        v, e = ordered(v), ordered(e)
    if e.ndim < v.ndim:
        e = e.expand(*v.shape[:-1], n + 1)
    first, last = e[..., :1], e[..., -1:]
    if even is not None and v.numel() >= _ARITHMETIC_BINS_MIN:
        lo64, hi64 = first.to(_F64), last.to(_F64)
        estimate = torch.sub(v, lo64).mul_(n / (hi64 - lo64))  # float64: v's dtype or wider
        idx = estimate.to(torch.int64).clamp_(0, n - 1)  # (truncation: the clamp covers < 0)
        upper = v >= e.gather(-1, idx + 1)
        lower = v < e.gather(-1, idx)
        idx = idx.add_(upper).sub_(lower.to(torch.int64)).clamp_(0, n - 1)
        inside = (v >= first).logical_and_(v <= last)  # NaN is in no bin
        return torch.where(inside, idx, n)
    # below the first edge: -1, which the remainder turns into n
    lower_edges = e[..., :-1].contiguous()
    idx = torch.searchsorted(lower_edges, v.contiguous(), right=True)
    idx = idx.sub_(1).remainder_(n + 1)
    return idx.masked_fill_((v <= last).logical_not_(), n)  # above the last edge, or NaN


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

    Small CPU data (float32/float64, up to 64 values per coordinate) with a count of bins
    over its own range is binned by NumPy on the host, through a view of it: the same values,
    without torch's kernels. Other calls run on the data's device.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.histogram_bin_edges([0, 1, 2, 3, 4], bins=4)
    tensor([0., 1., 2., 3., 4.], dtype=torch.float64)
    """
    if type(bins) is int and bins >= 1 and range is None and (v := _host_view(a)) is not None:
        points = _host_edges(v.reshape(-1), bins)
        if points is not None:
            return _from_numpy(points)
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

    Small CPU data (float32/float64, up to 64 values per coordinate) with a count of bins
    over its own range is binned by NumPy on the host, through a view of it: the same values,
    without torch's kernels. Other calls run on the data's device.

    Examples
    --------
    >>> import tbridge as tb
    >>> counts, edges = tb.histogram([1, 2, 1], bins=[0, 1, 2, 3])
    >>> counts
    tensor([0, 2, 1])
    """
    if (
        type(bins) is int
        and bins >= 1
        and range is None
        and weights is None
        and (density is None or density is False)
        and (v := _host_view(a)) is not None
        and (made := _host_even((v.reshape(-1),), (bins,))) is not None
    ):
        return _from_numpy(made[0]), _from_numpy(made[1][0])
    data = _tensor(a, "histogram")
    t = data.reshape(-1)
    edges, even = _edges_1d(t, bins, range, "histogram")
    n = edges.shape[0] - 1
    if weights is None and _native_counts(t, (edges,)):
        hist = torch.histogram(t, edges).hist.to(torch.int64)
    elif weights is None:
        idx = _bin_index(t, edges, even)  # n for the values outside, dropped below
        hist = torch.bincount(idx, minlength=n + 1)[:n]
    else:
        idx = _bin_index(t, edges, even)
        w = _beside_data(weights, t, "histogram", "weights")
        if w.shape != data.shape:
            raise ValueError(
                f"histogram: weights of shape {tuple(w.shape)} must have a's shape "
                f"{tuple(data.shape)}"
            )
        w = w.reshape(-1)
        hist = torch.zeros(n + 1, dtype=w.dtype, device=t.device).index_add(0, idx, w)[:n]
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

    Small CPU data (float32/float64, up to 64 values per coordinate) with a count of bins
    over its own range is binned by NumPy on the host, through a view of it: the same values,
    without torch's kernels. Other calls run on the data's device.

    Examples
    --------
    >>> import tbridge as tb
    >>> h, edges = tb.histogramdd(tb.asarray([[0.0, 0.0], [1.0, 1.0]]), bins=2)
    >>> h
    tensor([[1., 0.],
            [0., 1.]], dtype=torch.float64)
    """
    if (
        range is None
        and weights is None
        and (density is None or density is False)
        and (v := _host_view(sample, _HOST_HISTOGRAM_MAX * _HOST_DD_DIMS)) is not None
        and (made := _host_dd(_host_coordinates(v), bins)) is not None
    ):
        return made[0], tuple(made[1])
    if isinstance(sample, (list, tuple)):
        if sample and all(
            isinstance(v, (bool, int, float, complex)) or getattr(v, "ndim", None) == 0
            for v in sample
        ):
            # numbers: N values of one coordinate (NumPy reads atleast_2d(sample).T), read
            # at once
            pts = _tensor(sample, "histogramdd", "sample")[:, None]
        else:
            cols = [_tensor(v, "histogramdd", "sample").reshape(-1) for v in sample]
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
    ndim = pts.shape[1]
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
    if (
        type(bins) is int
        and bins >= 1
        and range is None
        and weights is None
        and ndim
        and pts.numel()
        and _native_counts(pts, ())
    ):
        # the common call, one count of bins over the data's ranges: every dimension's min
        # and max read at once, the edges computed together
        lo, hi = torch.aminmax(pts, dim=0)
        edges = []
        for b in zip(lo.tolist(), hi.tolist(), strict=True):
            first, last, dt = _finite_range(pts, None, "histogramdd", b)
            edges.append(_even_edges(first, last, bins, dt, dt, pts.device, "histogramdd", False))
        hist = torch.histogramdd(pts, edges).hist.to(_F64)
    else:
        edges, hist = _edges_and_counts(pts, per_dim, ranges, weights)
    if density:
        points = hist.sum()
        for d, e in enumerate(edges):
            widths = torch.diff(signed_view(e)).view(e.dtype).to(_F64)
            hist = hist / widths.reshape([-1 if k == d else 1 for k in builtins.range(ndim)])
        hist = hist / points
    return hist, tuple(edges)


def _edges_and_counts(
    pts: Tensor, per_dim: list[object], ranges: list[object], weights: object
) -> tuple[list[Tensor], Tensor]:
    """Each dimension's edges, and the counts (or weight sums) of the ``(N, D)`` points per bin
    (float64)."""
    edges: list[Tensor] = []
    evens: list[object] = []
    for d, (b, r) in enumerate(zip(per_dim, ranges, strict=True)):
        if isinstance(b, str):
            raise TypeError("histogramdd: bins must be integers or edges per dimension")
        e, even = _edges_1d(pts[:, d], b, r, "histogramdd", strict=False)
        edges.append(e)
        evens.append(even)
    if weights is None and edges and _native_counts(pts, edges):
        return edges, torch.histogramdd(pts, edges).hist.to(_F64)
    shape = [e.shape[0] - 1 for e in edges]
    return edges, _binned_dd(pts, edges, evens, weights).reshape(shape)


def _binned_dd(pts: Tensor, edges: list[Tensor], evens: list[object], weights: object) -> Tensor:
    """Counts (or weight sums) of the ``(N, D)`` points per bin, flat in row-major order."""
    index: Tensor | None = None
    outside: Tensor | None = None
    for d, (e, even) in enumerate(zip(edges, evens, strict=True)):
        n = e.shape[0] - 1
        idx = _bin_index(pts[:, d], e, even)
        out_d = idx == n
        outside = out_d if outside is None else outside | out_d
        index = idx if index is None else index * n + idx  # row-major flat bin
    total = math.prod(e.shape[0] - 1 for e in edges)
    if index is None or outside is None:
        index = torch.zeros(pts.shape[0], dtype=torch.int64, device=pts.device)
        outside = torch.zeros(pts.shape[0], dtype=torch.bool, device=pts.device)
    index = index.masked_fill(outside, total)  # points outside any dimension's edges
    if weights is None:
        return torch.bincount(index, minlength=total + 1)[:total].to(_F64)
    w = _beside_data(weights, pts, "histogramdd", "weights").reshape(-1).to(_F64)
    hist = torch.zeros(total + 1, dtype=_F64, device=pts.device).index_add(0, index, w)
    return hist[:total]


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

    Small CPU data (float32/float64, up to 64 values per coordinate) with a count of bins
    over its own range is binned by NumPy on the host, through a view of it: the same values,
    without torch's kernels. Other calls run on the data's device.

    Examples
    --------
    >>> import tbridge as tb
    >>> h, xe, ye = tb.histogram2d([0.0, 1.0], [0.0, 1.0], bins=2)
    >>> h
    tensor([[1., 0.],
            [0., 1.]], dtype=torch.float64)
    """
    if (
        range is None
        and weights is None
        and (density is None or density is False)
        and (vx := _host_view(x)) is not None
        and (vy := _host_view(y)) is not None
        and (made := _host_dd([vx, vy], bins)) is not None
    ):
        return made[0], made[1][0], made[1][1]
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
    ty = _beside_data(y, tx, "histogram2d", "y")
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
        Floating or complex ``x`` (NumPy's 'safe' casting to int64 refuses them).

    Notes
    -----
    uint64 ``x`` is counted as NumPy 2 counts it (NumPy 1.26 refused it): values past int64's
    range read as negative, a ValueError.

    Memory and autograd: new memory; weight sums stay on the weights' autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.bincount([0, 1, 1, 3])
    tensor([1, 2, 0, 1])
    """
    if (
        type(x) is Tensor
        and weights is None
        and type(minlength) is int
        and minlength >= 0
        and x.dtype in _BINCOUNT_NATIVE
        and x.ndim == 1
    ):
        try:
            return torch.bincount(x, None, minlength)
        except (RuntimeError, NotImplementedError):
            pass  # negative values or a meta tensor: the slow path explains
    t = _tensor(x, "bincount", "x")
    given: object = x  # a list or tuple for callers without a type checker
    if t.dtype.is_floating_point and not t.numel() and not isinstance(given, (Tensor, np.ndarray)):
        t = t.to(torch.int64)  # an empty sequence has no values to cast (NumPy's int64 too)
    if t.dtype.is_floating_point or t.dtype.is_complex:
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
        w = _beside_data(weights, t, "bincount", "weights")
        if w.dtype.is_complex:
            raise TypeError("bincount: weights must be real, got a complex dtype")
        if w.shape != t.shape:
            raise ValueError(
                f"bincount: weights of shape {tuple(w.shape)} must match x's shape {tuple(t.shape)}"
            )
        w = w.to(_F64)
    if t.is_meta:
        raise no_data("bincount")
    if t.numel() and bool((t < 0).any()):
        raise ValueError(
            "bincount: 'list' argument must have no negative elements; shift or drop the "
            "negative values"
        )
    length = operator.index(minlength)
    try:
        if w is None or not w.requires_grad:
            return torch.bincount(t, w, length)
        # torch.bincount has no derivative for its weights; index_add has
        size = max(int(t.max()) + 1 if t.numel() else 0, length)
        return torch.zeros(size, dtype=_F64, device=t.device).index_add(0, t, w)
    except RuntimeError as e:
        raise_for_size(e, "bincount", length, _F64 if w is not None else torch.int64, "minlength")
        raise


def digitize(x: Tensor, bins: Tensor, right: bool = False) -> Tensor:
    """The bin each value of ``x`` falls in: ``i`` such that ``bins[i-1] <= v < bins[i]``
    (``<`` and ``<=`` swap with ``right``; mirrored for decreasing bins).

    Parameters
    ----------
    x : array_like
        Real values.
    bins : array_like
        1-D, monotonically increasing or decreasing, in NumPy's order where NaN comes after
        every number (increasing bins may end with NaNs, decreasing ones start with them).
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
    if (
        type(x) is Tensor
        and type(bins) is Tensor
        and x.dtype is bins.dtype
        and x.is_cpu
        and bins.numel() <= _HOST_CHECK_MAX
        and x.is_contiguous()
        and bins.is_contiguous()
    ):
        # the common call: a few increasing bins (their order read as numbers), one kernel
        # (bucketize: searchsorted with the operands the other way round)
        try:
            values = bins.tolist()
            # NaN bins take the general path (a NaN sum: a NaN bin, or inf beside -inf)
            if not math.isnan(builtins.sum(values)) and values == sorted(values):
                return _bucketize(x, bins, right=not right)
        except (RuntimeError, TypeError):
            # bins that are not 1-D or not on x's device (the kernel refuses them), on meta
            # (no values), complex (no order: sorted raises; one bin: the kernel does),
            # uint16/32/64 and bool (no kernel): the general path below answers
            pass
    t = _tensor(x, "digitize", "x")
    b = _beside_data(bins, t, "digitize", "bins")
    if t.dtype.is_complex or b.dtype.is_complex:
        raise TypeError("digitize: x may not be complex; pass real values and bins")
    if b.ndim != 1:
        raise ValueError(f"digitize: bins must be 1-D, got shape {tuple(b.shape)}")
    side: Literal["left", "right"] = "left" if right else "right"
    # NumPy orders NaN after every number: increasing bins may end in NaNs, decreasing ones
    # start with them (searched with _nan_last_search wherever the bins may hold NaN). Bins
    # that start with NaN are decreasing to NumPy (all-NaN ones too)
    nan_aware = b.dtype.is_floating_point
    if b.numel() > 1 and not b.is_meta:
        if b.numel() <= _HOST_CHECK_MAX:  # a few values: compared on the host, no kernels
            values = b.tolist()
            rising = not math.isnan(values[0]) and values == sorted(values, key=_nan_last)
            falling = rising or values == sorted(values, key=_nan_last, reverse=True)
            nan_aware = nan_aware and builtins.any(map(math.isnan, values))
        elif nan_aware:
            lo, hi = b[:-1], b[1:]
            rising = bool(((hi >= lo) | hi.isnan()).all() & ~b[0].isnan())
            falling = rising or bool(((hi <= lo) | lo.isnan()).all())
        else:
            o = ordered(b) if b.dtype in UNSIGNED_GAPS else b
            rising = bool((o[1:] >= o[:-1]).all())
            falling = rising or bool((o[1:] <= o[:-1]).all())
        if not rising:
            if not falling:
                raise ValueError(
                    "digitize: bins must be monotonically increasing or decreasing; sort them "
                    "(tb.sort) first"
                )
            flipped = torch.flip(signed_view(b), (0,)).view(b.dtype)
            search = _nan_last_search if nan_aware else searchsorted
            return b.shape[0] - search(flipped, t, side)
    return _nan_last_search(b, t, side) if nan_aware else searchsorted(b, t, side)


def _nan_last(v: float) -> tuple[bool, float]:
    """The key of NumPy's sort order: NaN after every number, inf included."""
    return (math.isnan(v), v)


def _nan_last_search(b: Tensor, v: Tensor, side: Literal["left", "right"]) -> Tensor:
    """searchsorted in NumPy's order, where NaN sorts after every number and equals NaN, of
    increasing floating bins that may end in NaNs: those bins become inf for the search, and
    the positions of numbers stop before them. Elementwise, no device sync."""
    nan = torch.isnan(b)
    numbers = b.shape[0] - nan.sum()
    found = torch.minimum(searchsorted(b.masked_fill(nan, math.inf), v, side), numbers)
    # a NaN value sorts after the numbers; "right" passes the NaN bins too (they equal it)
    return torch.where(torch.isnan(v), b.shape[0] if side == "right" else numbers, found)
