"""NumPy's statistics beyond the standard (tbridge._numpy.statistics): NumPy as the oracle.

Each case makes the same call through NumPy and tbridge: metadata first (type, shape, dtype,
device), then values. The grids cover dtypes, 0-d and empty arrays, axes (None, negative,
tuples), NaN placement (including all-NaN slices) and every quantile method.
"""

from __future__ import annotations

import math
import warnings
import zlib
from collections.abc import Callable
from typing import Any

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of
from tests._helpers import assert_matches_numpy, needs_numpy2
from tests.test_statistical import (
    DOF_SHAPE_AXES,
    INITIAL_SHAPE_AXES,
    SHAPE_AXES,
    constant_row,
    ddof_past,
    keeps,
    np_call,
    on,
    sample,
)

NEP50 = needs_numpy2(
    "NEP 50 keeps float32 data float32 beside a Python float (NumPy 1.x promoted to float64)"
)


REAL_KINDS = [tb.bool, tb.int8, tb.uint16, tb.uint64, tb.float16, tb.float64]
FLOATS = [tb.float16, tb.float32, tb.float64]
METHODS = [
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


def with_nans(dtype: torch.dtype, shape: tuple[int, ...], seed: int = 0) -> np.ndarray[Any, Any]:
    """A sample with NaNs sprinkled in (floating dtypes), one all-NaN row where there is room."""
    a = sample(dtype, shape, seed)
    if dtype.is_floating_point and a.size:
        rng = np.random.default_rng(seed + 7)
        a[rng.random(shape) < 0.25] = np.nan
        if a.ndim >= 2:
            a[0] = np.nan
    return a


def rtol_of(dtype: torch.dtype) -> float | None:
    return 1e-2 if dtype is tb.float16 else None


def same_as_numpy(
    tb_fn: Callable[..., Any],
    np_fn: Callable[..., Any],
    *args: Any,
    rtol: float | None = None,
    **kwargs: Any,
) -> None:
    """tbridge against NumPy; where NumPy raises ValueError/TypeError, tbridge must too."""
    try:
        expected = np_call(np_fn, *args, **kwargs)
    except (ValueError, TypeError) as e:
        with pytest.raises(type(e)):
            tb_fn(*(on(a) if isinstance(a, np.ndarray) else a for a in args), **kwargs)
        return
    got = tb_fn(*(on(a) if isinstance(a, np.ndarray) else a for a in args), **kwargs)
    if isinstance(expected, tuple):
        assert isinstance(got, tuple)
        assert len(got) == len(expected)
        for g, e in zip(got, expected, strict=True):
            assert_matches_numpy(g, e, rtol=rtol)
    else:
        assert_matches_numpy(got, expected, rtol=rtol)


# ---- names -------------------------------------------------------------------------------------


def test_amin_amax_are_min_max() -> None:
    """NumPy's amin/amax have min/max's signature: the same objects, no wrapper."""
    assert tb.amax is tb.max
    assert tb.amin is tb.min


# ---- reductions over the shape x axis grid ---------------------------------------------------

NAN_REDUCTIONS = [
    "ptp",
    "median",
    "nanmedian",
    "nansum",
    "nanprod",
    "nanmean",
    "nanstd",
    "nanvar",
    "nanmin",
    "nanmax",
]
GRID = [(n, dt) for n in NAN_REDUCTIONS for dt in REAL_KINDS if not (n == "ptp" and dt is tb.bool)]


@pytest.mark.filterwarnings(
    "ignore:.*((mean|median|quantile) of an empty slice|degrees of freedom <= 0):RuntimeWarning"
)  # as NumPy warns
@pytest.mark.parametrize(("name", "dtype"), GRID, ids=[f"{n}-{d}" for n, d in GRID])
@pytest.mark.parametrize(("shape", "axis"), SHAPE_AXES, ids=str)
def test_reductions_match_numpy(
    name: str, dtype: torch.dtype, shape: tuple[int, ...], axis: Any
) -> None:
    keepdims = keeps(shape, axis)
    a = with_nans(dtype, shape, seed=len(shape))
    if name == "median" and a.size == 0:
        # NumPy's median fails to reshape some empty reductions; an empty median is NaN, with
        # the mean's shape and dtype (which the median shares)
        expected = np_call(np.mean, a, axis=axis, keepdims=keepdims)
        assert_matches_numpy(tb.median(on(a), axis=axis, keepdims=keepdims), expected)
        return
    same_as_numpy(
        getattr(tb, name), getattr(np, name), a, axis=axis, keepdims=keepdims, rtol=rtol_of(dtype)
    )


@pytest.mark.parametrize("name", NAN_REDUCTIONS)
def test_reductions_keep_the_device(name: str, device: torch.device) -> None:
    a = with_nans(tb.float64, (3, 4))
    out = getattr(tb, name)(on(a, device), axis=1)
    assert_matches_numpy(out, np_call(getattr(np, name), a, axis=1), device=device)


WHERE_CASES = [
    (n, dt)
    for n in ["nansum", "nanprod", "nanmean", "nanstd", "nanvar", "nanmin", "nanmax"]
    for dt in (tb.float32, tb.complex128)
    if not (n in ("nanmin", "nanmax") and dt.is_complex)  # complex values have no order
]


@pytest.mark.parametrize(("name", "dtype"), WHERE_CASES, ids=str)
def test_nan_reductions_with_where_and_complex(name: str, dtype: torch.dtype) -> None:
    a = with_nans(dtype, (3, 4)) if dtype.is_floating_point else sample(dtype)
    if dtype.is_complex:
        a[1, 1] = complex(np.nan, 1.0)
    mask = np.ones((3, 4), dtype=bool)
    mask[2, 1:3] = False
    kwargs: dict[str, Any] = {"axis": 1, "where": mask}
    if name in ("nanmin", "nanmax"):
        kwargs["initial"] = 0.0
    same_as_numpy(getattr(tb, name), getattr(np, name), a, **kwargs)


@pytest.mark.parametrize("name", ["nanstd", "nanvar"])
@pytest.mark.parametrize("ddof", [0, 1, 2])
def test_nan_moments_ddof(name: str, ddof: int) -> None:
    a = with_nans(tb.float64, (4, 5), seed=3)
    same_as_numpy(getattr(tb, name), getattr(np, name), a, axis=1, ddof=ddof)


@pytest.mark.parametrize("name", ["nanargmin", "nanargmax"])
@pytest.mark.parametrize("dtype", [tb.int8, tb.uint64, tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("axis", [None, 0, 1, -1], ids=str)
def test_nanargmin_nanargmax(name: str, dtype: torch.dtype, axis: Any) -> None:
    a = sample(dtype, (3, 4), seed=2)
    if dtype.is_floating_point:
        a[0, 1] = a[2, 3] = np.nan
    same_as_numpy(getattr(tb, name), getattr(np, name), a, axis=axis)


@pytest.mark.parametrize("name", ["nanargmin", "nanargmax"])
def test_nanargmax_all_nan_slice_is_numpys_error(name: str) -> None:
    a = np.array([[np.nan, np.nan], [1.0, 2.0]])
    with pytest.raises(ValueError, match=r"All-NaN slice encountered"):
        getattr(np, name)(a, axis=1)
    with pytest.raises(
        ValueError, match=rf"^{name}: All-NaN slice encountered: a slice along axis 1"
    ):
        getattr(tb, name)(on(a), axis=1)


@pytest.mark.parametrize("name", ["ptp", "nanmin", "nanmax"])
def test_integer_ranges_wrap_and_pass_through(name: str) -> None:
    a = np.array([[-100, 100], [5, 7]], dtype=np.int8)
    same_as_numpy(getattr(tb, name), getattr(np, name), a, axis=1)


@pytest.mark.parametrize("name", ["nanmax", "nanmin", "amax", "amin"])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize(("shape", "axis"), INITIAL_SHAPE_AXES, ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
def test_initial_bounds_unreduced_elements(
    name: str, dtype: torch.dtype, shape: tuple[int, ...], axis: Any, keepdims: bool
) -> None:
    """initial= bounds every result element, also where axis=() or a 0-d array reduces
    nothing (a NaN there is skipped by the nan forms, and gives initial)."""
    a = with_nans(dtype, shape, seed=1)
    same_as_numpy(
        getattr(tb, name), getattr(np, name), a, axis=axis, keepdims=keepdims, initial=0.5
    )


@pytest.mark.parametrize("name", ["nanmax", "nanmin"])
@pytest.mark.parametrize(("shape", "axis"), INITIAL_SHAPE_AXES, ids=str)
def test_a_nan_initial_is_skipped_as_nan_elements_are(
    name: str, shape: tuple[int, ...], axis: Any
) -> None:
    # NumPy's nanmax is fmax.reduce, which skips a NaN initial: all-NaN and empty slices
    # give NaN, the others their extreme.
    a = with_nans(tb.float64, shape, seed=2)
    same_as_numpy(getattr(tb, name), getattr(np, name), a, axis=axis, initial=math.nan)


@pytest.mark.parametrize("name", ["nanmax", "nanmin"])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("shape", [(1, 2), (3, 4), (2, 3, 4)], ids=str)
@pytest.mark.parametrize("axis", [None, 0, -1, (0, 1)], ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
def test_nan_extremes_keep_dims(
    name: str, dtype: torch.dtype, shape: tuple[int, ...], axis: Any, keepdims: bool
) -> None:
    a = with_nans(dtype, shape, seed=2)
    same_as_numpy(getattr(tb, name), getattr(np, name), a, axis=axis, keepdims=keepdims)


def with_infs(dtype: torch.dtype, shape: tuple[int, ...], seed: int = 0) -> np.ndarray[Any, Any]:
    """A sample with NaNs, inf and -inf sprinkled in (an all-NaN row where there is room)."""
    a = with_nans(dtype, shape, seed)
    rng = np.random.default_rng(seed + 11)
    a[rng.random(shape) < 0.2] = np.inf
    a[rng.random(shape) < 0.1] = -np.inf
    return a


#: (shape, axis) pairs for data holding infinities
INF_SHAPE_AXES: list[tuple[tuple[int, ...], Any]] = [
    ((), None),
    ((2,), None),
    ((3, 4), None),
    ((3, 4), 0),
    ((3, 4), -1),
    ((3, 4), (0, 1)),
    ((3, 4), ()),
    ((2, 3, 4), (0, 2)),
]


@pytest.mark.filterwarnings("ignore:.*degrees of freedom <= 0:RuntimeWarning")  # as NumPy's
@pytest.mark.parametrize("name", ["nanvar", "nanstd", "var", "std"])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize(("shape", "axis"), INF_SHAPE_AXES, ids=str)
@pytest.mark.parametrize("ddof", [0, 1])
@pytest.mark.parametrize("keepdims", [False, True])
def test_moments_of_infinities(
    name: str, dtype: torch.dtype, shape: tuple[int, ...], axis: Any, ddof: int, keepdims: bool
) -> None:
    """A slice holding inf has an infinite mean and an inf - inf deviation: NaN, also where
    NaNs are skipped."""
    a = with_infs(dtype, shape, seed=len(shape))
    same_as_numpy(getattr(tb, name), getattr(np, name), a, axis=axis, ddof=ddof, keepdims=keepdims)


def test_moments_of_one_infinity() -> None:
    a = np.array([1.0, np.inf])
    same_as_numpy(tb.nanvar, np.nanvar, a)
    same_as_numpy(tb.nanstd, np.nanstd, a)


@pytest.mark.filterwarnings("ignore:.*degrees of freedom <= 0:RuntimeWarning")  # as NumPy's
@pytest.mark.parametrize("name", ["nanvar", "nanstd"])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize(("shape", "axis"), DOF_SHAPE_AXES, ids=str)
@pytest.mark.parametrize("excess", [0, 0.5, 2])
@pytest.mark.parametrize("keepdims", [False, True])
def test_nan_moments_of_too_few_samples_are_nan(
    name: str,
    dtype: torch.dtype,
    shape: tuple[int, ...],
    axis: Any,
    excess: float,
    keepdims: bool,
) -> None:
    """ddof >= M: NaN, not var's division by zero (NumPy's nanvar masks those slices)."""
    a = constant_row(dtype, shape)
    ddof = ddof_past(shape, axis, excess)
    same_as_numpy(getattr(tb, name), getattr(np, name), a, axis=axis, ddof=ddof, keepdims=keepdims)


@pytest.mark.parametrize("name", ["nanvar", "nanstd"])
@pytest.mark.parametrize("dtype", [tb.float64, tb.complex128], ids=str)
@pytest.mark.parametrize("axis", [None, 1, ()], ids=str)
def test_nan_moments_of_too_few_masked_samples_are_nan(
    name: str, dtype: torch.dtype, axis: Any
) -> None:
    """The general path (where=, complex data): NaN where the count is at most ddof."""
    a = with_nans(dtype, (3, 4), seed=3) if dtype.is_floating_point else sample(dtype, (3, 4))
    mask = np.ones((3, 4), dtype=bool)
    mask[1, 1:] = False
    same_as_numpy(getattr(tb, name), getattr(np, name), a, axis=axis, ddof=2, where=mask)


# ---- median, quantile, percentile --------------------------------------------------------------


@pytest.mark.parametrize("dtype", [tb.bool, tb.int8, tb.uint16, tb.uint64, *FLOATS], ids=str)
@pytest.mark.parametrize("shape", [(7,), (6,), (3, 4), (2, 3, 5)], ids=str)
def test_median_is_the_mean_of_the_middle_values(
    dtype: torch.dtype, shape: tuple[int, ...]
) -> None:
    """Not torch's lower median: an even count averages the two middle values."""
    a = sample(dtype, shape, seed=4)
    same_as_numpy(tb.median, np.median, a, rtol=rtol_of(dtype))
    if len(shape) > 1:
        same_as_numpy(tb.median, np.median, a, axis=(0, -1), rtol=rtol_of(dtype))


@needs_numpy2(
    "NEP 50 (float32 stays float32), and closest_observation rounds half to even since NumPy 2.0"
)
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    "q", [0.0, 0.3, 0.5, 1.0, [0.1, 0.25, 0.9], [[0.2, 1.0], [0.0, 0.75]]], ids=repr
)
@pytest.mark.parametrize("dtype", [tb.int8, tb.float32, tb.float64], ids=str)
def test_quantile_methods_match_numpy(method: str, q: Any, dtype: torch.dtype) -> None:
    a = sample(dtype, (4, 7), seed=5)
    same_as_numpy(tb.quantile, np.quantile, a, q, axis=1, method=method)
    same_as_numpy(tb.quantile, np.quantile, a, q, method=method)


@needs_numpy2("closest_observation rounds half to even since NumPy 2.0")
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 10])
def test_quantile_methods_on_every_small_count(method: str, n: int) -> None:
    """The Hyndman and Fan positions at the edges of small samples (clipping, ties to even)."""
    a = np.arange(n, dtype=np.float64) * 1.5 - 2
    q = np.linspace(0, 1, 41)
    same_as_numpy(tb.quantile, np.quantile, a, q, method=method)


@pytest.mark.parametrize("name", ["nanmedian", "median"])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize(("shape", "axis"), INF_SHAPE_AXES, ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
def test_medians_of_infinities(
    name: str, dtype: torch.dtype, shape: tuple[int, ...], axis: Any, keepdims: bool
) -> None:
    """The two middle values are averaged: inf and inf give inf, -inf and inf NaN."""
    a = with_infs(dtype, shape, seed=len(shape) + 1)
    same_as_numpy(getattr(tb, name), getattr(np, name), a, axis=axis, keepdims=keepdims)


#: slices (rows) whose middle values are infinities, beside NaNs; the last row is all NaN
INFINITE_MIDDLES = [
    [np.nan, -np.inf, np.nan, np.nan],
    [1.0, np.inf, np.nan, np.nan],
    [np.inf, np.inf, np.nan, 2.0],
    [-np.inf, np.inf, np.nan, np.nan],
    [-np.inf, -np.inf, 1.0, np.inf],
    [np.inf, np.nan, np.nan, np.nan],
    [np.nan, np.nan, np.nan, np.nan],
]


@pytest.mark.parametrize("dtype", [tb.float16, tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("axis", [None, 1, (1,), ()], ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
def test_nanmedian_of_infinite_middles(dtype: torch.dtype, axis: Any, keepdims: bool) -> None:
    a = np.array(INFINITE_MIDDLES, dtype=numpy_dtype_of(dtype))
    same_as_numpy(tb.nanmedian, np.nanmedian, a, axis=axis, keepdims=keepdims)
    same_as_numpy(tb.nanmedian, np.nanmedian, a[1])


#: NumPy interpolates an exact position with weight 0 towards the next order statistic, and
#: 0 * inf makes that NaN next to an infinity; torch's nanquantile gives the value there
ZERO_WEIGHT_NAN = pytest.mark.xfail(
    reason="NumPy's 'linear' and 'midpoint' give NaN at an exact position beside an infinity",
    strict=True,
)


@needs_numpy2("NEP 50 (float32 stays float32), and closest_observation rounds half to even")
@pytest.mark.parametrize(
    "method",
    [pytest.param(m, marks=ZERO_WEIGHT_NAN) if m in ("linear", "midpoint") else m for m in METHODS],
)
@pytest.mark.parametrize("name", ["nanquantile", "nanpercentile"])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
def test_nan_quantiles_of_infinities(method: str, name: str, dtype: torch.dtype) -> None:
    a = np.array(INFINITE_MIDDLES, dtype=numpy_dtype_of(dtype))
    q = [0.0, 0.3, 0.5, 0.75, 1.0]
    if name == "nanpercentile":
        q = [100 * v for v in q]
    same_as_numpy(getattr(tb, name), getattr(np, name), a, q, axis=1, method=method)


LONG_SLICES = [
    (tb.float64, (3, 301), 1),
    (tb.int16, (301, 2), 0),
    (tb.uint16, (600,), None),
    (tb.float32, (2, 300, 2), (1, 2)),
]


def long_sample(dtype: torch.dtype, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    a = sample(dtype, shape, seed=9)  # small values: many ties
    if dtype is tb.float64:
        a[1, 7] = np.nan
    return a


@NEP50
@pytest.mark.parametrize("q", [0.5, 0.37, 1.0])
@pytest.mark.parametrize("method", ["linear", "lower", "midpoint", "hazen", "nearest"])
@pytest.mark.parametrize(("dtype", "shape", "axis"), LONG_SLICES, ids=str)
def test_long_slices_select_instead_of_sorting(
    method: str, q: float, dtype: torch.dtype, shape: tuple[int, ...], axis: Any
) -> None:
    """Slices longer than a sort's worth select their order statistics (torch.kthvalue and the
    smallest value above it); ties and NaN included."""
    a = long_sample(dtype, shape)
    same_as_numpy(tb.quantile, np.quantile, a, q, axis=axis, method=method)


@pytest.mark.parametrize(("dtype", "shape", "axis"), LONG_SLICES, ids=str)
def test_median_of_long_slices(dtype: torch.dtype, shape: tuple[int, ...], axis: Any) -> None:
    same_as_numpy(tb.median, np.median, long_sample(dtype, shape), axis=axis)


@pytest.mark.parametrize("name", ["quantile", "percentile", "nanquantile", "nanpercentile"])
@pytest.mark.parametrize("dtype", [tb.int16, tb.float16, tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize(
    ("shape", "axis"),
    [((3, 4), None), ((3, 4), 0), ((2, 3, 4), (0, 2)), ((0, 3), 0), ((), None)],
    ids=str,
)
@pytest.mark.parametrize("keepdims", [False, True])
def test_quantile_family_over_shapes(
    name: str, dtype: torch.dtype, shape: tuple[int, ...], axis: Any, keepdims: bool
) -> None:
    a = with_nans(dtype, shape, seed=6)
    q = [25, 50.0] if "percentile" in name else [0.25, 0.5]
    if a.size == 0 and "nan" not in name:
        # an empty slice has no quantile: NumPy raises IndexError, and so does tbridge
        with pytest.raises(IndexError):
            np_call(getattr(np, name), a, q, axis=axis, keepdims=keepdims)
        with pytest.raises(IndexError, match=rf"^{name}: a of shape \(0, 3\) has no elements"):
            getattr(tb, name)(on(a), q, axis=axis, keepdims=keepdims)
        return
    if a.size == 0:
        # the nan forms give NaN, and warn as NumPy does; NumPy's NaN drops q's axis here (it
        # returns an empty mean), so the shape and dtype are NumPy's for non-empty data
        with pytest.warns(RuntimeWarning):
            getattr(np, name)(a, q, axis=axis, keepdims=keepdims)
        like = np_call(getattr(np, name), np.ones((1, 3), a.dtype), q, axis=axis, keepdims=keepdims)
        expected = np.full(like.shape, np.nan, like.dtype)
        with pytest.warns(RuntimeWarning, match=rf"^{name}: quantile of an empty slice"):
            got = getattr(tb, name)(on(a), q, axis=axis, keepdims=keepdims)
        assert_matches_numpy(got, expected)
        return
    same_as_numpy(
        getattr(tb, name),
        getattr(np, name),
        a,
        q,
        axis=axis,
        keepdims=keepdims,
        rtol=rtol_of(dtype),
    )


@NEP50
@pytest.mark.parametrize("name", ["quantile", "percentile", "nanquantile", "median"])
@pytest.mark.parametrize(
    "q",
    [0.5, 1, np.float32(0.5), np.float16(0.5), [0.5], np.array([0.5], np.float32)],
    ids=repr,
)
@pytest.mark.parametrize("dtype", [tb.int8, tb.float16, tb.float32], ids=str)
def test_quantile_result_dtypes(name: str, q: Any, dtype: torch.dtype) -> None:
    """NumPy's dtype rule: the input promoted with q (a Python q is weak)."""
    a = sample(dtype, (5,), seed=1)
    if name == "median":
        same_as_numpy(tb.median, np.median, a, rtol=rtol_of(dtype))
        return
    if name == "percentile":
        q = q * 100 if not isinstance(q, list) else [v * 100 for v in q]
    same_as_numpy(getattr(tb, name), getattr(np, name), a, q, rtol=rtol_of(dtype))


@pytest.mark.parametrize("method", ["linear", "lower", "nearest", "midpoint", "hazen"])
def test_nanquantile_counts_each_slice(method: str) -> None:
    a = with_nans(tb.float64, (5, 6), seed=8)
    same_as_numpy(tb.nanquantile, np.nanquantile, a, [0.1, 0.5, 0.8], axis=1, method=method)


def test_quantile_of_nan_slices_is_nan() -> None:
    a = with_nans(tb.float64, (4, 5), seed=9)
    same_as_numpy(tb.quantile, np.quantile, a, 0.5, axis=1)
    same_as_numpy(tb.median, np.median, a, axis=0)


@pytest.mark.parametrize("name", ["median", "quantile", "percentile", "nanmedian"])
def test_positional_options_and_lists(name: str) -> None:
    data = [[1.0, 4.0, 2.0], [8.0, 5.0, 3.0]]
    args: tuple[Any, ...] = (0, None, False) if "median" in name else (0.5, 1, None, False)
    if name == "percentile":
        args = (50, *args[1:])
    expected = getattr(np, name)(np.array(data), *args)
    assert_matches_numpy(getattr(tb, name)(data, *args), expected)


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("median", lambda x, out: tb.median(x, 0, out)),
        ("quantile", lambda x, out: tb.quantile(x, 0.3, 0, out)),
        ("nanmedian", lambda x, out: tb.nanmedian(x, 0, out)),
        ("ptp", lambda x, out: tb.ptp(x, 0, out)),
        ("nansum", lambda x, out: tb.nansum(x, 0, None, out)),
        ("nanmean", lambda x, out: tb.nanmean(x, 0, None, out)),
        ("nanstd", lambda x, out: tb.nanstd(x, 0, None, out)),
        ("nanmax", lambda x, out: tb.nanmax(x, 0, out)),
        ("nanargmin", lambda x, out: tb.nanargmin(x, 0, out)),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_out_receives_the_result(name: str, call: Callable[..., Any]) -> None:
    a = sample(tb.float64, (3, 4), seed=3)
    expected = np.quantile(a, 0.3, 0) if name == "quantile" else getattr(np, name)(a, 0)
    out = torch.empty(4, dtype=torch.int64 if name == "nanargmin" else torch.float64)
    got = call(on(a), out)
    assert got is out
    assert_matches_numpy(got, expected)


# ---- cumulative forms --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["cumsum", "cumprod", "nancumsum", "nancumprod"])
@pytest.mark.parametrize(
    "dtype", [tb.bool, tb.int8, tb.uint16, tb.uint64, tb.float32, tb.complex64], ids=str
)
@pytest.mark.parametrize(
    ("shape", "axis"),
    [((3, 4), None), ((3, 4), 0), ((3, 4), -1), ((), None), ((), 0), ((0, 2), 1)],
    ids=str,
)
def test_cumulative_match_numpy(
    name: str, dtype: torch.dtype, shape: tuple[int, ...], axis: Any
) -> None:
    a = with_nans(dtype, shape, seed=1) if dtype.is_floating_point else sample(dtype, shape)
    same_as_numpy(getattr(tb, name), getattr(np, name), a, axis=axis)


@pytest.mark.parametrize("name", ["cumsum", "cumprod"])
def test_cumulative_dtype_out_and_lists(name: str) -> None:
    assert_matches_numpy(getattr(tb, name)([[1, 2], [3, 4]]), getattr(np, name)([[1, 2], [3, 4]]))
    a = sample(tb.int16)
    out = torch.empty(12, dtype=torch.float64)
    got = getattr(tb, name)(on(a), None, tb.float32, out)
    assert got is out
    assert_matches_numpy(got, getattr(np, name)(a, None, np.float32).astype(np.float64))


# ---- average -----------------------------------------------------------------------------------

AVERAGE_CASES: list[tuple[str, dict[str, Any]]] = [
    ("plain", {}),
    ("axis", {"axis": 1}),
    ("tuple-axis", {"axis": (0, 1)}),
    ("full-weights", {"axis": 0, "weights": "full"}),
    ("axis-weights", {"axis": 1, "weights": "row"}),
    ("tuple-weights", {"axis": (1, 0), "weights": "transposed"}),
    ("returned", {"axis": 0, "weights": "full", "returned": True}),
    ("returned-plain", {"returned": True}),
    ("keepdims", {"axis": 1, "weights": "row", "keepdims": True, "returned": True}),
]


@needs_numpy2(
    "NEP 50 (float32 stays float32), and average takes a tuple axis with weights since NumPy 2.0"
)
@pytest.mark.parametrize(("label", "kwargs"), AVERAGE_CASES, ids=[c[0] for c in AVERAGE_CASES])
@pytest.mark.parametrize(
    ("dtype", "wdtype"),
    [
        (tb.int8, np.float32),
        (tb.float32, np.int64),
        (tb.float32, np.float32),
        (tb.float64, np.int8),
    ],
    ids=str,
)
def test_average_matches_numpy(
    label: str, kwargs: dict[str, Any], dtype: torch.dtype, wdtype: Any
) -> None:
    a = sample(dtype, (3, 4), seed=2)
    weights = {
        "full": np.arange(1, 13).reshape(3, 4),
        "row": np.array([1, 2, 3, 4]),
        "transposed": np.arange(1, 13).reshape(4, 3),
    }.get(kwargs.get("weights", ""))
    np_kwargs = dict(kwargs)
    if weights is not None:
        np_kwargs["weights"] = weights.astype(wdtype)
    tb_kwargs = {k: (on(v) if isinstance(v, np.ndarray) else v) for k, v in np_kwargs.items()}
    expected = np.average(a, **np_kwargs)
    got = tb.average(on(a), **tb_kwargs)
    if isinstance(expected, tuple):
        assert isinstance(got, tuple)
        assert_matches_numpy(got[0], expected[0])
        assert_matches_numpy(got[1], expected[1])
    else:
        assert_matches_numpy(got, expected)


# ---- cov, corrcoef -----------------------------------------------------------------------------

COV_CASES: list[tuple[str, dict[str, Any]]] = [
    ("plain", {}),
    ("rowvar", {"rowvar": False}),
    ("bias", {"bias": True}),
    ("ddof", {"ddof": 2}),
    ("y", {"y": "y"}),
    ("fweights", {"fweights": np.array([1, 2, 1, 3, 1])}),
    ("aweights", {"aweights": np.array([0.5, 1.0, 2.0, 1.0, 0.25])}),
    ("both", {"fweights": np.array([1, 2, 1, 3, 1]), "aweights": np.array([0.5, 1, 2, 1, 0.25])}),
    ("both-ddof0", {"fweights": np.array([1, 2, 1, 3, 1]), "aweights": np.ones(5), "ddof": 0}),
    ("dtype", {"dtype": np.float32}),
]


COV_GRID = [
    (label, kwargs, dt)
    for label, kwargs in COV_CASES
    for dt in (tb.int16, tb.float32, tb.float64, tb.complex128)
    if not (label == "dtype" and dt.is_complex)  # NumPy casts complex to float32, warning
]


@pytest.mark.parametrize(("label", "kwargs", "dtype"), COV_GRID, ids=str)
def test_cov_matches_numpy(label: str, kwargs: dict[str, Any], dtype: torch.dtype) -> None:
    m = sample(dtype, (3, 5), seed=3)
    if label == "rowvar":
        m = m.T.copy()
    np_kwargs = dict(kwargs)
    if label == "y":
        np_kwargs["y"] = sample(dtype, (2, 5), seed=4)
    tb_kwargs = {k: (on(v) if isinstance(v, np.ndarray) else v) for k, v in np_kwargs.items()}
    if "dtype" in tb_kwargs:
        tb_kwargs["dtype"] = tb.float32
    assert_matches_numpy(tb.cov(on(m), **tb_kwargs), np.cov(m, **np_kwargs))


@needs_numpy2("corrcoef of n variables seen once is an (n, n) array of NaN (NumPy 1.x: one NaN)")
@pytest.mark.parametrize("shape", [(5,), (1, 5), (3, 5)], ids=str)
@pytest.mark.parametrize("dtype", [tb.int64, tb.float32, tb.complex64], ids=str)
def test_corrcoef_matches_numpy(shape: tuple[int, ...], dtype: torch.dtype) -> None:
    x = sample(dtype, shape, seed=5)
    assert_matches_numpy(tb.corrcoef(on(x)), np.corrcoef(x))
    with warnings.catch_warnings():  # (1, 5) by columns: five variables of one observation
        warnings.simplefilter("ignore", RuntimeWarning)
        got = tb.corrcoef(on(x), rowvar=False)
    assert_matches_numpy(got, np_call(np.corrcoef, x, rowvar=False))


def test_cov_of_lists_and_one_variable() -> None:
    assert_matches_numpy(tb.cov([1, 2, 4]), np.cov([1, 2, 4]))
    assert_matches_numpy(tb.cov([[0, 1, 2], [2, 1, 0]]), np.cov([[0, 1, 2], [2, 1, 0]]))


def test_cov_warns_on_no_degrees_of_freedom() -> None:
    with pytest.warns(RuntimeWarning, match=r"^cov: degrees of freedom <= 0"):
        got = tb.cov([1.0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = np.cov([1.0])
    assert_matches_numpy(got, expected)


# ---- histograms --------------------------------------------------------------------------------

HIST_CASES: list[tuple[str, dict[str, Any]]] = [
    ("default", {}),
    ("int-bins", {"bins": 4}),
    ("edges", {"bins": [-2.0, -0.5, 0.0, 1.0, 2.0]}),
    ("range", {"bins": 5, "range": (-1.0, 1.0)}),
    ("density", {"bins": 3, "density": True}),
    ("weights", {"bins": 4, "weights": "w"}),
    ("weights-edges", {"bins": [-2, 0, 2], "weights": "w"}),
    ("auto", {"bins": "auto"}),
    ("fd", {"bins": "fd"}),
    ("sturges", {"bins": "sturges"}),
    ("scott", {"bins": "scott"}),
    ("rice", {"bins": "rice"}),
    ("sqrt", {"bins": "sqrt"}),
    ("doane", {"bins": "doane"}),
]


@needs_numpy2(
    "NEP 50 (float32 edges), and NumPy 2.0 fixed the unsigned integer range overflow in bin estimators"
)
@pytest.mark.parametrize(("label", "kwargs"), HIST_CASES, ids=[c[0] for c in HIST_CASES])
@pytest.mark.parametrize("dtype", [tb.int8, tb.uint16, tb.float32, tb.float64], ids=str)
def test_histogram_matches_numpy(label: str, kwargs: dict[str, Any], dtype: torch.dtype) -> None:
    a = sample(dtype, (5, 8), seed=6)
    np_kwargs = dict(kwargs)
    if np_kwargs.get("weights") == "w":
        np_kwargs["weights"] = sample(tb.float32, (5, 8), seed=7)
    tb_kwargs = {k: (on(v) if isinstance(v, np.ndarray) else v) for k, v in np_kwargs.items()}
    hist, edges = tb.histogram(on(a), **tb_kwargs)
    np_hist, np_edges = np.histogram(a, **np_kwargs)
    assert_matches_numpy(hist, np_hist)
    assert_matches_numpy(edges, np_edges)
    if "weights" not in kwargs and "density" not in kwargs:
        assert_matches_numpy(
            tb.histogram_bin_edges(on(a), **tb_kwargs), np.histogram_bin_edges(a, **np_kwargs)
        )


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int16])
def test_histogram_of_many_values_bins_them_as_numpy(dtype: Any) -> None:
    """From 65536 values on, even bins are found arithmetically and corrected against the edges:
    values lying exactly on edges, and NaN with an explicit range, count as in NumPy."""
    rng = np.random.default_rng(3)
    a = (rng.standard_normal(70000) * 10).astype(dtype)
    edges = np.histogram_bin_edges(a, 13)
    extra = [np.nan] if dtype != np.int16 else []
    b = np.concatenate([a, edges.astype(dtype), extra])
    span = (float(edges[0]), float(edges[-1]))
    same_as_numpy(lambda x: tb.histogram(x, 13), lambda x: np.histogram(x, 13), a)
    same_as_numpy(
        lambda x: tb.histogram(x, 13, range=span), lambda x: np.histogram(x, 13, range=span), b
    )
    pts = rng.standard_normal((70000, 2)).astype(dtype)
    same_as_numpy(
        lambda x: tb.histogramdd(x, (7, 9))[0], lambda x: np.histogramdd(x, (7, 9))[0], pts
    )


@pytest.mark.parametrize("data", [[], [3.0], [2, 2, 2], [0.0, 1.0, 1.0, 4.0]], ids=repr)
def test_histogram_of_lists_empty_and_constant_data(data: list[float]) -> None:
    same_as_numpy(lambda a: tb.histogram(a, 3), lambda a: np.histogram(a, 3), np.asarray(data))


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"bins": 3},
        {"bins": (2, 4)},
        {"bins": [[0, 1, 5], [-2, 0, 2]]},
        {"density": True},
        {"range": [(0, 4), (-1, 1)]},
        {"weights": np.arange(12.0)},
    ],
    ids=repr,
)
def test_histogram2d_and_dd_match_numpy(kwargs: dict[str, Any]) -> None:
    x, y = sample(tb.float64, (12,), seed=1), sample(tb.float64, (12,), seed=2)
    tb_kwargs = {k: (on(v) if isinstance(v, np.ndarray) else v) for k, v in kwargs.items()}
    h, xe, ye = tb.histogram2d(on(x), on(y), **tb_kwargs)
    nh, nxe, nye = np.histogram2d(x, y, **kwargs)
    assert_matches_numpy(h, nh)
    assert_matches_numpy(xe, nxe)
    assert_matches_numpy(ye, nye)
    hd, edges = tb.histogramdd(on(np.stack([x, y], 1)), **tb_kwargs)
    nhd, nedges = np.histogramdd(np.stack([x, y], 1), **kwargs)
    assert_matches_numpy(hd, nhd)
    assert len(edges) == len(nedges)
    assert_matches_numpy(torch.cat(edges), np.concatenate(nedges))


_RNG = np.random.default_rng(11)
#: Small float data (histograms of up to 64 values per coordinate are made through NumPy
#: views of CPU data off the autograd graph; 65 values, and steps of a few ulps, take the
#: general path).
SMALL_DATA: dict[str, np.ndarray[Any, Any]] = {
    "uniform": _RNG.random((3, 4)),
    "normal": _RNG.standard_normal(20) * 1e3,
    "one value": np.array([2.5]),
    "constant": np.full(5, -3.0),
    "64 values": _RNG.random(64) - 0.5,
    "65 values": _RNG.random(65) - 0.5,
    "tiny span": 1.0 + np.arange(6) * 2.0**-30,
    "on edges": np.array([0.0, 0.1, 0.2, 0.3, 0.7, 1.0]),
}


def _exactly(got: torch.Tensor, expected: np.ndarray[Any, Any]) -> None:
    """Metadata, then the values bit for bit (histogram edges are NumPy's to the bit)."""
    assert_matches_numpy(got, expected)
    np.testing.assert_array_equal(got.numpy(), expected)


@NEP50
@pytest.mark.parametrize("bins", [1, 3, 10])
@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=str)
@pytest.mark.parametrize("data", list(SMALL_DATA), ids=str)
def test_small_float_histograms_match_numpy_bit_for_bit(data: str, dtype: Any, bins: int) -> None:
    a = SMALL_DATA[data].astype(dtype)
    hist, edges = tb.histogram(on(a), bins)
    nh, ne = np.histogram(a, bins)
    _exactly(hist, nh)
    _exactly(edges, ne)
    _exactly(tb.histogram_bin_edges(on(a), bins), np.histogram_bin_edges(a, bins))
    hd, (ed,) = tb.histogramdd(on(a.reshape(-1, 1)), bins)
    nhd, (ned,) = np.histogramdd(a.reshape(-1, 1), bins)
    _exactly(hd, nhd)
    _exactly(ed, ned)


@NEP50
@pytest.mark.parametrize("bins", [4, (2, 5), [3, 1]], ids=str)
@pytest.mark.parametrize(("dx", "dy"), [("f8", "f8"), ("f4", "f4"), ("f4", "f8")], ids=str)
def test_small_float_histogram2d_matches_numpy_bit_for_bit(dx: str, dy: str, bins: Any) -> None:
    x, y = SMALL_DATA["normal"].astype(dx), SMALL_DATA["normal"][::-1].astype(dy)
    h, xe, ye = tb.histogram2d(on(x), on(y), bins)
    nh, nxe, nye = np.histogram2d(x, y, bins)
    _exactly(h, nh)
    _exactly(xe, nxe)
    _exactly(ye, nye)
    pts = np.stack([x, y], 1)
    hd, edges = tb.histogramdd(on(pts), bins)
    nhd, nedges = np.histogramdd(pts, bins)
    _exactly(hd, nhd)
    for e, ne in zip(edges, nedges, strict=True):
        _exactly(e, ne)


@pytest.mark.parametrize("data", ["uniform", "65 values"])
@pytest.mark.parametrize("where", ["graph", "strided"])
def test_histograms_of_data_on_a_graph_or_strided(where: str, data: str) -> None:
    """Data on an autograd graph gives NumPy's counts and edges (no gradient, no warning)."""
    a = SMALL_DATA[data].reshape(-1, 1).repeat(2, 1)
    t = on(a).requires_grad_() if where == "graph" else on(a.T.copy()).T
    hist, edges = tb.histogram(t, 5)
    nh, ne = np.histogram(a, 5)
    _exactly(hist, nh)
    _exactly(edges, ne)
    hd, edges2 = tb.histogramdd(t, 3)
    nhd, nedges = np.histogramdd(a, 3)
    _exactly(hd, nhd)
    _exactly(torch.cat(edges2), np.concatenate(nedges))


@pytest.mark.parametrize("bins", [3, 1000, "sqrt"], ids=str)
@pytest.mark.parametrize(
    "data",
    [
        [1.0, 1.0 + 2**-52, 1.0],
        np.array([1.0000001, 1.0], dtype=np.float32),
        1.0 + (np.arange(70) % 2) * 2.0**-52,
    ],
    ids=["float64", "float32", "70 values"],
)
@pytest.mark.parametrize("call", ["histogram", "histogram_bin_edges"])
@needs_numpy2("histogram's check of even bins narrower than the floats of the range")
def test_histogram_of_too_many_bins_for_the_range_raises(call: str, data: Any, bins: Any) -> None:
    """NumPy's check: even edges that do not increase strictly (bins narrower than the floats
    of the range) are an error in histogram and histogram_bin_edges."""
    a = np.asarray(data)
    with pytest.raises(ValueError, match=r"Too many bins for data range"):
        getattr(np, call)(a, bins)
    with pytest.raises(ValueError, match=rf"^{call}: too many bins for the data range: \d+ bins"):
        getattr(tb, call)(on(a), bins)


def test_histogramdd_of_too_many_bins_for_the_range_counts_as_numpy() -> None:
    """histogramdd has no such check in NumPy: its repeated edges count as NumPy's do."""
    a = np.asarray([[1.0], [1.0 + 2**-52], [1.0]])
    h, (e,) = tb.histogramdd(on(a), 3)
    nh, (ne,) = np.histogramdd(a, 3)
    _exactly(h, nh)
    _exactly(e, ne)


@pytest.mark.parametrize(
    "sample", [[1, 2, 3], (1.5, 2.0, 3.5, 9.0), [2.0], [[1, 2], [3, 4]], [[1, 2, 3], [4, 5, 6]]]
)
def test_histogramdd_of_python_data_reads_it_as_numpy(sample: Any) -> None:
    # A flat list is N values of one coordinate (NumPy: atleast_2d(sample).T); it was read as
    # N coordinates of one point each, a histogram of N dimensions.
    h, edges = tb.histogramdd(sample, bins=3)
    nh, nedges = np.histogramdd(sample, bins=3)
    _exactly(h, nh)
    assert len(edges) == len(nedges)
    for e, ne in zip(edges, nedges, strict=True):
        _exactly(e, ne)


@pytest.mark.parametrize(
    ("call", "bins"),
    [
        *[(c, b) for c in ("histogram", "histogram_bin_edges") for b in (3, "auto", [0.0, 1.0])],
        *[("histogramdd", b) for b in (3, [[0.0, 1.0]])],  # (histogramdd takes no estimator)
    ],
    ids=str,
)
def test_histograms_of_complex_data_are_a_type_error(call: str, bins: Any) -> None:
    # torch's NotImplementedError ('"aminmax_cpu" not implemented for ComplexDouble') leaked.
    data = tb.asarray([1 + 1j, 2 - 1j, 0j])
    if call == "histogramdd":
        data = data[:, None]
    with pytest.raises(TypeError, match=rf"^{call}: torch.complex128 values have no order"):
        getattr(tb, call)(data, bins=bins)


@pytest.mark.parametrize("call", ["histogram", "histogram_bin_edges", "histogramdd"])
@pytest.mark.parametrize("bad", [math.nan, math.inf], ids=str)
def test_small_histograms_of_non_finite_data_raise(call: str, bad: float) -> None:
    data = torch.tensor([[0.5, 1.0], [bad, 2.0]], dtype=torch.float32)
    with pytest.raises(ValueError, match=r"autodetected range of \[.*\] is not finite"):
        getattr(tb, call)(data)


@NEP50
@pytest.mark.parametrize("dtype", [tb.int32, tb.float32], ids=str)
def test_histogramdd_three_dimensions(dtype: torch.dtype) -> None:
    pts = sample(dtype, (20, 3), seed=4)
    h, edges = tb.histogramdd(on(pts), bins=(2, 3, 4))
    nh, nedges = np.histogramdd(pts, bins=(2, 3, 4))
    assert_matches_numpy(h, nh)
    assert_matches_numpy(torch.cat(edges), np.concatenate(nedges))


# ---- bincount, digitize ------------------------------------------------------------------------


_UINT64 = pytest.param(tb.uint64, marks=needs_numpy2("NumPy 1.26 refuses uint64"), id="uint64")


@pytest.mark.parametrize(
    "dtype", [tb.bool, tb.int8, tb.uint8, tb.uint16, tb.uint32, tb.int64, _UINT64], ids=str
)
@pytest.mark.parametrize(
    "kwargs", [{}, {"minlength": 10}, {"weights": "w"}, {"weights": "w", "minlength": 2}], ids=str
)
def test_bincount_matches_numpy(dtype: torch.dtype, kwargs: dict[str, Any]) -> None:
    x = np.abs(sample(dtype, (15,), seed=5))
    np_kwargs = dict(kwargs)
    if kwargs.get("weights") == "w":
        np_kwargs["weights"] = sample(tb.float32, (15,), seed=6)
    tb_kwargs = {k: (on(v) if isinstance(v, np.ndarray) else v) for k, v in np_kwargs.items()}
    assert_matches_numpy(tb.bincount(on(x), **tb_kwargs), np.bincount(x, **np_kwargs))


@needs_numpy2("NumPy 1.26 refuses uint64")
def test_bincount_of_uint64_past_int64_is_numpys_error() -> None:
    """NumPy 2 casts uint64 to int64, where a value past int64's range reads as negative."""
    a = np.array([1, 2**63 + 1], dtype=np.uint64)
    with pytest.raises(ValueError, match=r"must have no negative elements"):
        np.bincount(a)
    with pytest.raises(ValueError, match=r"^bincount: 'list' argument must have no negative"):
        tb.bincount(on(a))


def test_bincount_of_empty_and_lists() -> None:
    assert_matches_numpy(tb.bincount([0, 1, 1, 3]), np.bincount([0, 1, 1, 3]))
    empty = np.zeros(0, dtype=np.int64)
    assert_matches_numpy(tb.bincount(on(empty), minlength=3), np.bincount(empty, minlength=3))


@pytest.mark.parametrize("x", [[], ()], ids=repr)
@pytest.mark.parametrize("kwargs", [{}, {"minlength": 3}, {"weights": []}], ids=str)
def test_bincount_of_empty_sequences(x: Any, kwargs: dict[str, Any]) -> None:
    """An empty sequence holds no values to cast: NumPy counts it as int64."""
    assert_matches_numpy(tb.bincount(x, **kwargs), np.bincount(x, **kwargs))


@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
def test_bincount_of_empty_float_arrays_is_numpys_error(dtype: torch.dtype) -> None:
    """An empty floating array still has a dtype that does not cast safely to int64."""
    a = np.zeros(0, dtype=numpy_dtype_of(dtype))
    with pytest.raises(TypeError, match=r"Cannot cast array data"):
        np.bincount(a)
    for x in (a, on(a)):
        with pytest.raises(TypeError, match=r"^bincount: cannot cast x of dtype"):
            tb.bincount(x)


def test_bincount_of_empty_weights() -> None:
    """NumPy counts an empty x in int64 even with weights (so does torch)."""
    x = np.zeros(0, dtype=np.int64)
    w = np.zeros(0)
    assert_matches_numpy(tb.bincount(on(x), on(w)), np.bincount(x, w))
    assert_matches_numpy(tb.bincount(on(x), on(w), 4), np.bincount(x, w, 4))


#: bins in NumPy's order, where NaN sorts after every number (inf included): increasing ones
#: end with their NaNs, decreasing ones start with them; all-NaN bins are decreasing to NumPy
NAN_BINS = [
    [1.0, 2.0, np.nan],
    [1.0, 2.0, np.nan, np.nan],
    [-1.0, 2.0, np.inf, np.nan],
    [np.nan],
    [np.nan, np.nan],
    [np.nan, 2.0, 1.0],
    [np.nan, np.nan, np.inf, 1.0],
    [*np.linspace(-2.0, 3.0, 70), np.nan, np.nan],
    [np.nan, *np.linspace(3.0, -2.0, 70)],
    [np.nan] * 70,
]
NAN_XS = np.array([-np.inf, -1.0, 0.0, 1.0, 1.5, 2.0, 5.0, np.inf, np.nan])


@pytest.mark.parametrize("right", [False, True])
@pytest.mark.parametrize("bins", NAN_BINS, ids=lambda b: f"{len(b)}:{b[:3]}")
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("shape", [(9,), (3, 3), (1, 9, 1)], ids=str)
def test_digitize_of_nan_bins(
    right: bool, bins: list[float], dtype: torch.dtype, shape: tuple[int, ...]
) -> None:
    nd = numpy_dtype_of(dtype)
    x = NAN_XS.astype(nd).reshape(shape)
    b = np.asarray(bins, dtype=nd)
    expected = np.digitize(x, b, right)
    assert_matches_numpy(tb.digitize(on(x), on(b), right), expected)
    assert_matches_numpy(tb.digitize(x, b, right), expected)  # NumPy arrays: the general path


def test_digitize_of_a_value_past_the_numbers() -> None:
    assert_matches_numpy(
        tb.digitize([5.0], [1.0, 2.0, np.nan]), np.digitize([5.0], [1.0, 2.0, np.nan])
    )


@pytest.mark.parametrize("right", [False, True])
@pytest.mark.parametrize("x", [0.5, np.nan, -np.inf], ids=repr)
def test_digitize_of_a_scalar_and_nan_bins(right: bool, x: float) -> None:
    b = np.array([0.0, 1.0, np.nan])
    assert_matches_numpy(tb.digitize(x, on(b), right), np.digitize(x, b, right))


@pytest.mark.parametrize("right", [False, True])
@pytest.mark.parametrize(
    "bins",
    [[0.0, 1.0, 2.5, 4.0], [4.0, 2.5, 1.0, 0.0], [1.0, 1.0, 2.0], [2.0], [3.0, 3.0]],
    ids=repr,
)
@pytest.mark.parametrize("dtype", [tb.int8, tb.uint16, tb.float32, tb.float64], ids=str)
def test_digitize_matches_numpy(right: bool, bins: list[float], dtype: torch.dtype) -> None:
    x = sample(dtype, (3, 5), seed=8)
    b = np.asarray(bins)
    assert_matches_numpy(tb.digitize(on(x), on(b), right), np.digitize(x, b, right))


@pytest.mark.parametrize("right", [False, True])
@pytest.mark.parametrize(
    "bins", [[0.0, 1.0, 2.5, 4.0], [4.0, 2.5, 1.0, 0.0], [1.0, 0.0, 2.0], [2.0], []], ids=repr
)
@pytest.mark.parametrize(
    "dtype", [tb.int8, tb.uint16, tb.int64, tb.float16, tb.float32, tb.float64], ids=str
)
def test_digitize_with_bins_of_the_data_dtype(
    right: bool, bins: list[float], dtype: torch.dtype
) -> None:
    """x and bins of one dtype take the one-kernel path for a few increasing bins (and the
    general path otherwise): the same answers, NumPy's error for bins out of order."""
    x = sample(dtype, (3, 5), seed=8)
    b = np.asarray(bins).astype(x.dtype)
    if b.size > 2 and not (np.all(b[1:] >= b[:-1]) or np.all(b[1:] <= b[:-1])):
        with pytest.raises(ValueError, match=r"^digitize: bins must be monotonically"):
            tb.digitize(on(x), on(b), right)
        return
    assert_matches_numpy(tb.digitize(on(x), on(b), right), np.digitize(x, b, right))


@pytest.mark.parametrize("strided", ["x", "bins", "both"])
def test_digitize_of_strided_operands(strided: str) -> None:
    """Non-contiguous values or bins take the general path (torch's kernel would copy them,
    with a warning)."""
    x = np.linspace(-1.0, 5.0, 24).reshape(4, 6)
    b = np.asarray([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5])
    tx = on(x.T.copy()).T if strided in ("x", "both") else on(x)
    tbins = on(b)[::2] if strided in ("bins", "both") else on(b[::2])
    assert_matches_numpy(tb.digitize(tx, tbins), np.digitize(x, b[::2]))


@pytest.mark.parametrize("bins", [[0j, 1.0], [1j]], ids=repr)
def test_digitize_of_complex_bins_of_the_data_dtype(bins: list[complex]) -> None:
    with pytest.raises(TypeError, match=r"^digitize: x may not be complex"):
        tb.digitize(torch.tensor([0.5j, 2.0]), torch.tensor(bins))


def test_digitize_of_lists() -> None:
    assert_matches_numpy(
        tb.digitize([0.5, 1.5, 3.0], [0, 1, 2]), np.digitize([0.5, 1.5, 3.0], [0, 1, 2])
    )


# ---- autograd: one backward per family ---------------------------------------------------------

BACKWARD: dict[str, tuple[Callable[[torch.Tensor], torch.Tensor], Callable[..., Any]]] = {
    "median": (lambda t: tb.median(t, axis=1), lambda t: t.sort(1).values[:, 1:3].mean(1)),
    "quantile": (
        lambda t: tb.quantile(t, 0.4, axis=1),
        lambda t: torch.quantile(t, 0.4, dim=1),
    ),
    "nanmean": (lambda t: tb.nanmean(t, axis=0), lambda t: t.mean(0)),
    "nanstd": (tb.nanstd, lambda t: t.std(correction=0)),
    "average": (
        lambda t: tb.average(t, axis=1, weights=torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=t.dtype)),
        lambda t: (t * torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=t.dtype)).sum(1) / 10,
    ),
    "cov": (tb.cov, torch.cov),
    "nanmax": (lambda t: tb.nanmax(t, axis=1), lambda t: t.amax(1)),
    "ptp": (lambda t: tb.ptp(t, axis=0), lambda t: t.amax(0) - t.amin(0)),
}


@pytest.mark.parametrize("name", list(BACKWARD))
def test_backward_matches_torch(name: str) -> None:
    a = sample(tb.float64) + np.arange(12).reshape(3, 4) * 0.01
    ours, reference = BACKWARD[name]
    x = on(a).requires_grad_()
    ours(x).sum().backward()
    x2 = on(a).requires_grad_()
    reference(x2).sum().backward()
    torch.testing.assert_close(x.grad, x2.grad)


def test_nan_positions_get_no_gradient() -> None:
    """The NaN-skipping statistics differentiate only through the values they use."""
    x = torch.tensor([1.0, float("nan"), 3.0, 4.0], dtype=torch.float64, requires_grad=True)
    (tb.nanvar(x) + tb.nanmean(x) + tb.nansum(x) + tb.nanmedian(x)).backward()
    assert x.grad is not None
    assert not torch.isnan(x.grad).any()
    assert x.grad[1] == 0


# ---- property tests ------------------------------------------------------------------------------


@st.composite
def float_arrays(draw: st.DrawFn) -> np.ndarray[Any, Any]:
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=2, min_side=1, max_side=6))
    return draw(hnp.arrays(np.float64, shape, elements=st.floats(-1e3, 1e3) | st.just(np.nan)))


@settings(max_examples=60, deadline=None)
@given(a=float_arrays(), q=st.floats(0, 1), method=st.sampled_from(METHODS))
def test_nanquantile_matches_numpy_on_drawn_arrays(
    a: np.ndarray[Any, Any], q: float, method: str
) -> None:
    same_as_numpy(tb.nanquantile, np.nanquantile, a, q, axis=-1, method=method)


@settings(max_examples=60, deadline=None)
@given(a=float_arrays())
def test_median_and_nanmedian_match_numpy_on_drawn_arrays(a: np.ndarray[Any, Any]) -> None:
    same_as_numpy(tb.median, np.median, a, axis=0)
    same_as_numpy(tb.nanmedian, np.nanmedian, a, axis=-1)


# ---- errors ------------------------------------------------------------------------------------

X = torch.zeros(3, 4)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.ptp(torch.ones(2, dtype=tb.bool)),
            TypeError,
            r"^ptp: bool input has no subtraction",
        ),
        (
            lambda: tb.ptp(torch.zeros(0)),
            ValueError,
            r"^ptp: zero-size array to reduction operation",
        ),
        (lambda: tb.median("ab"), TypeError, r"^median: a must be array data"),
        (
            lambda: tb.median(X, axis=2),
            np.exceptions.AxisError,
            r"^median: axis 2 is out of bounds",
        ),
        (
            lambda: tb.median(torch.zeros(2, dtype=tb.complex64)),
            TypeError,
            r"^median: complex input is not supported",
        ),
        (
            lambda: tb.quantile(X, 1.5),
            ValueError,
            r"^quantile: Quantiles must be in the range \[0, 1\], got q=1\.5",
        ),
        (
            lambda: tb.percentile(X, [50, 101]),
            ValueError,
            r"^percentile: Percentiles must be in the range \[0, 100\]",
        ),
        (
            lambda: tb.nanquantile(X, -0.1),
            ValueError,
            r"^nanquantile: Quantiles must be in the range",
        ),
        (
            lambda: tb.quantile(X, 0.5, method="magic"),
            ValueError,
            r"^quantile: method='magic' is not a quantile method; pass one of",
        ),
        (
            lambda: tb.quantile(X, 0.5, weights=torch.ones(3, 4)),
            ValueError,
            r"^quantile: only method 'inverted_cdf' takes weights, got method='linear'",
        ),
        (
            lambda: tb.quantile(torch.zeros(2, dtype=tb.complex64), 0.5),
            TypeError,
            r"^quantile: a must be an array of real numbers",
        ),
        (lambda: tb.quantile(X, 0.5j), TypeError, r"^quantile: q=0\.5j is complex"),
        (lambda: tb.quantile(X, "a"), TypeError, r"^quantile: q must be array data"),
        (
            lambda: tb.nanargmax(torch.full((2,), float("nan"))),
            ValueError,
            r"^nanargmax: All-NaN slice encountered: a slice along the flattened array",
        ),
        (
            lambda: tb.nanargmin(torch.zeros(0)),
            ValueError,
            r"^nanargmin: attempt to get argmin of an empty sequence",
        ),
        (
            lambda: tb.nanmax(torch.zeros(0)),
            ValueError,
            r"^nanmax: zero-size array to reduction operation maximum",
        ),
        (
            lambda: tb.nanvar(X, ddof=1, correction=1),
            TypeError,
            r"^nanvar: got both correction=1 and ddof=1",
        ),
        (lambda: tb.cumsum(X, axis=2), IndexError, r"^cumsum: axis 2 is out of bounds"),
        (lambda: tb.nancumprod("x"), TypeError, r"^nancumprod: a must be array data"),
        # the nan forms tell the errors of the function they call as their own (AxisError kept)
        (
            lambda: tb.nansum(X, axis=2),
            np.exceptions.AxisError,
            r"^nansum: axis 2 is out of bounds",
        ),
        (
            lambda: tb.nanmean(X, axis=2),
            np.exceptions.AxisError,
            r"^nanmean: axis 2 is out of bounds",
        ),
        (
            lambda: tb.nancumsum(X, axis=2),
            np.exceptions.AxisError,
            r"^nancumsum: axis 2 is out of bounds",
        ),
        (lambda: tb.ptp(X, axis=2), np.exceptions.AxisError, r"^ptp: axis 2 is out of bounds"),
        (lambda: tb.nanvar(X, dtype="flaot32"), TypeError, r"^nanvar: dtype='flaot32'"),
        (lambda: tb.corrcoef(X, dtype="flaot32"), TypeError, r"^corrcoef: dtype='flaot32'"),
        (
            lambda: tb.average(X, weights=torch.ones(4)),
            TypeError,
            r"^average: weights of shape \(4,\) differ from a's shape \(3, 4\), so axis must be given",
        ),
        (
            lambda: tb.average(X, axis=0, weights=torch.ones(4)),
            ValueError,
            r"^average: weights of shape \(4,\) must match a's shape \(3, 4\) along axis=0, i\.e\. \(3,\)",
        ),
        (
            lambda: tb.average(X, axis=1, weights=torch.zeros(4)),
            ZeroDivisionError,
            r"^average: weights sum to zero along an averaged axis",
        ),
        (
            lambda: tb.cov(torch.zeros(2, 2, 2)),
            ValueError,
            r"^cov: m has 3 dimensions \(shape \(2, 2, 2\)\)",
        ),
        (
            lambda: tb.cov(X, torch.zeros(2, 3)),
            ValueError,
            r"^cov: m and y hold 4 and 3 observations",
        ),
        (
            lambda: tb.cov(X, fweights=torch.tensor([1.5, 1, 1, 1])),
            TypeError,
            r"^cov: fweights must be integer",
        ),
        (
            lambda: tb.cov(X, aweights=torch.tensor([1.0, -1, 1, 1])),
            ValueError,
            r"^cov: aweights cannot be negative",
        ),
        (
            lambda: tb.cov(X, fweights=torch.ones(3, dtype=tb.int64)),
            ValueError,
            r"^cov: incompatible numbers of samples and fweights: 4 observations, 3 weights",
        ),
        (lambda: tb.cov(X, ddof=1.5), TypeError, r"^cov: ddof=1\.5 is not an integer"),
        (
            lambda: tb.cov(X, dtype=tb.int32),
            TypeError,
            r"^cov: dtype=torch\.int32 is not a floating dtype",
        ),
        (
            lambda: tb.histogram(X, bins=0),
            ValueError,
            r"^histogram: bins=0 must be a positive integer",
        ),
        (
            lambda: tb.histogram(X, bins=2.5),
            TypeError,
            r"^histogram: bins=2\.5 must be an integer, a string or an array",
        ),
        (
            lambda: tb.histogram(X, bins="stone"),
            ValueError,
            r"^histogram: bins='stone' is not a bin estimator tbridge knows",
        ),
        (
            lambda: tb.histogram(X, bins=[1.0, 0.0]),
            ValueError,
            r"^histogram: bins must increase monotonically, when an array",
        ),
        (
            lambda: tb.histogram(X, range=(1, 0)),
            ValueError,
            r"^histogram: max must be larger than min in range parameter",
        ),
        (
            lambda: tb.histogram(X, range=(0, float("inf"))),
            ValueError,
            r"^histogram: supplied range of \[0\.0, inf\] is not finite",
        ),
        (
            lambda: tb.histogram(torch.tensor([0.0, float("nan")])),
            ValueError,
            r"^histogram: autodetected range of \[nan, nan\] is not finite",
        ),
        (
            lambda: tb.histogram(X, weights=torch.ones(3)),
            ValueError,
            r"^histogram: weights of shape \(3,\) must have a's shape \(3, 4\)",
        ),
        (
            lambda: tb.histogram_bin_edges(X, bins=[[0, 1]]),
            ValueError,
            r"^histogram_bin_edges: bins must be 1d when an array",
        ),
        (
            lambda: tb.histogramdd(torch.zeros(2, 2, 2)),
            ValueError,
            r"^histogramdd: sample must be \(N, D\), got shape \(2, 2, 2\)",
        ),
        (
            lambda: tb.histogramdd(torch.zeros(4, 2), bins=[2, 2, 2]),
            ValueError,
            r"^histogramdd: the dimension of bins \(3\) must equal the dimension of the sample x \(2\)",
        ),
        (
            lambda: tb.histogram2d(torch.zeros(3), torch.zeros(4)),
            ValueError,
            r"^histogram2d: x and y must have the same shape, got \(3,\) and \(4,\)",
        ),
        (
            lambda: tb.histogram(torch.zeros(3), weights=torch.ones(3, device="meta")),
            ValueError,
            r"^histogram: weights is on meta but the data is on cpu; move them to one device",
        ),
        (
            lambda: tb.average(torch.zeros(3), weights=torch.ones(3, device="meta")),
            ValueError,
            r"^average: weights is on meta but the data is on cpu",
        ),
        (
            lambda: tb.cov(torch.zeros(2, 3), aweights=torch.ones(3, device="meta")),
            ValueError,
            r"^cov: aweights is on meta but the data is on cpu",
        ),
        (
            lambda: tb.bincount(torch.tensor([0.5], dtype=torch.float32)),
            TypeError,
            r"^bincount: cannot cast x of dtype torch\.float32 to int64 under NumPy's 'safe' rule",
        ),
        (
            lambda: tb.bincount(torch.tensor([1, -1])),
            ValueError,
            r"^bincount: 'list' argument must have no negative elements",
        ),
        (
            lambda: tb.bincount(torch.zeros(2, 2, dtype=tb.int64)),
            ValueError,
            r"^bincount: x must be 1-D, got shape \(2, 2\)",
        ),
        (
            lambda: tb.bincount([1], minlength=-1),
            ValueError,
            r"^bincount: 'minlength' must not be negative, got -1",
        ),
        (
            lambda: tb.bincount([1], weights=[1.0, 2.0]),
            ValueError,
            r"^bincount: weights of shape \(2,\) must match x's shape \(1,\)",
        ),
        (
            lambda: tb.bincount(torch.zeros(2, dtype=tb.int64, device="meta")),
            ValueError,
            r"^bincount: the result's shape depends on the values",
        ),
        (
            lambda: tb.digitize([1.0], [[1.0]]),
            ValueError,
            r"^digitize: bins must be 1-D, got shape \(1, 1\)",
        ),
        (
            lambda: tb.digitize([1.0], [0.0, 2.0, 1.0]),
            ValueError,
            r"^digitize: bins must be monotonically increasing or decreasing",
        ),
        (lambda: tb.digitize([1j], [0.0, 2.0]), TypeError, r"^digitize: x may not be complex"),
    ],
)
def test_bad_input_messages(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


def test_numpy_dtypes_of_inputs() -> None:
    """Spot check of the dtype table: NumPy float32 data gives float32 histogram edges."""
    a = np.arange(5, dtype=np.float32)
    assert tb.histogram(a)[1].dtype == torch.float32
    assert numpy_dtype_of(tb.median(a).dtype) == np.median(a).dtype


WEIGHTED_CASES = [
    ((7,), None, "full"),
    ((3, 5), 1, "full"),
    ((3, 5), 0, "axis"),
    ((2, 3, 4), (2, 0), "axis"),
    ((2, 3, 4), None, "full"),
]


@needs_numpy2("NumPy 1.x has no weighted quantiles")
@pytest.mark.parametrize("name", ["quantile", "percentile", "nanquantile", "nanpercentile"])
@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "uint8", "bool"])
@pytest.mark.parametrize(("shape", "axis", "given"), WEIGHTED_CASES, ids=repr)
def test_weighted_quantiles_match_numpy(
    name: str, dtype: str, shape: tuple[int, ...], axis: Any, given: str
) -> None:
    rng = np.random.default_rng(zlib.crc32(repr((name, dtype, shape, given)).encode()))
    a = (rng.normal(size=shape) * 3).astype(dtype)
    if dtype.startswith("float"):
        a.flat[1] = np.nan  # a slice holding NaN: NaN, or left out by the nan forms
    if given == "full":
        w = rng.integers(1, 3, size=shape).astype(np.float64)
        w.reshape(-1)[::4] = 0.0  # zero weights, never a whole slice of them
    else:
        axes = axis if isinstance(axis, tuple) else (axis,)
        w = rng.random([shape[ax] for ax in axes])
    q = np.multiply([0.0, 0.3, 0.5, 1.0], 100 if "percentile" in name else 1)
    oracle, data, weights = getattr(np, name), a, w
    if name.startswith("nan") and given == "axis":
        # NumPy 2.4's nan forms refuse weights of the reduced axes' shape (an IndexError of
        # their own). What they mean: the plain form, with the weights spread over a's shape
        # and no weight on NaN.
        axes = axis if isinstance(axis, tuple) else (axis,)
        spread = np.transpose(w, np.argsort(axes)).reshape(
            [n if d in axes else 1 for d, n in enumerate(shape)]
        )
        nan = np.isnan(a) if dtype.startswith("float") else np.zeros(shape, dtype=bool)
        weights = np.where(nan, 0.0, np.broadcast_to(spread, shape))
        oracle, data = getattr(np, name.removeprefix("nan")), np.where(nan, a.dtype.type(0), a)
    for kwargs in ({}, {"keepdims": True}):
        expected = oracle(data, q, axis=axis, method="inverted_cdf", weights=weights, **kwargs)
        got = getattr(tb, name)(
            tb.asarray(a), q, axis=axis, method="inverted_cdf", weights=tb.asarray(w), **kwargs
        )
        assert_matches_numpy(got, expected)


@needs_numpy2("NumPy 1.x has no weighted quantiles")
@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"weights": -np.ones(4), "axis": 0}, ValueError, r"weights must be non-negative"),
        ({"weights": np.zeros(4), "axis": 0}, ValueError, r"are all zero in some slice"),
        ({"weights": np.ones(4)}, TypeError, r"when their shapes differ, pass axis="),
        ({"weights": np.ones(3), "axis": 0}, ValueError, r"along axis 0; pass weights of"),
        ({"weights": np.ones(4), "axis": 0, "method": "linear"}, ValueError, r"only method"),
    ],
    ids=["negative", "all-zero", "shape-without-axis", "wrong-length", "method"],
)
def test_weighted_quantile_errors_are_numpys(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    a = np.arange(8.0).reshape(4, 2)
    call = {"method": "inverted_cdf", **kwargs}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # NumPy's 0/0 on its way to the error
        with pytest.raises(error):
            np.quantile(a, 0.5, **call)
    with pytest.raises(error, match=rf"^quantile: .*{message}"):
        tb.quantile(tb.asarray(a), 0.5, **call)
