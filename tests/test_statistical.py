"""Statistical functions (sum, prod, max, min, mean, std, var, cumulative_*): NumPy as the oracle.

Each case makes the same call through NumPy and tbridge and compares metadata first (type,
shape, dtype through the dtype table, device), then values (not on ``meta``, which has no data).
The grids cover every dtype, 0-d and empty arrays, and axes given as None, negative ints and
tuples; NumPy's own keywords (``out=``, ``initial=``, ``where=``, ``ddof=``, ``dtype=``, positional
options) are checked against NumPy too.
"""

from __future__ import annotations

import math
import warnings
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
from tests._helpers import NUMPY2, assert_matches_numpy, needs_numpy2

ALL = [
    tb.bool, tb.int8, tb.int16, tb.int32, tb.int64, tb.uint8, tb.uint16, tb.uint32, tb.uint64,
    tb.float16, tb.float32, tb.float64, tb.complex64, tb.complex128,
]  # fmt: skip
REAL = [dt for dt in ALL if not dt.is_complex]
INTEGER = [tb.int8, tb.int16, tb.int32, tb.int64, tb.uint8, tb.uint16, tb.uint32, tb.uint64]
#: one dtype per kind and torch gap, for the shape x axis grid
KINDS = [tb.bool, tb.int8, tb.uint16, tb.uint64, tb.float16, tb.float64, tb.complex128]
AXES: list[Any] = [None, 0, -1, (0, 1), (1,), ()]
#: (shape, axis) pairs: 0-d, empty, negative axes, tuples, nothing reduced
SHAPE_AXES: list[tuple[tuple[int, ...], Any]] = [
    ((), None),
    ((), ()),
    ((0,), None),
    ((0,), 0),
    ((3, 4), None),
    ((3, 4), 0),
    ((3, 4), -1),
    ((3, 4), (0, 1)),
    ((3, 4), ()),
    ((2, 0, 3), None),
    ((2, 0, 3), 1),
    ((2, 0, 3), (0, 2)),
    ((2, 3, 4), (-1, 0)),
    ((2, 3, 4), 1),
]
REDUCTIONS = ["sum", "prod", "max", "min", "mean", "std", "var"]
#: NumPy 1.x has neither function (the Array API names arrived in NumPy 2.0).
NEW_IN_NUMPY2 = needs_numpy2("cumulative_sum and cumulative_prod arrived in NumPy 2.0")


def sample(
    dtype: torch.dtype, shape: tuple[int, ...] = (3, 4), seed: int = 0
) -> np.ndarray[Any, Any]:
    """Small values with repeats and zeros, negative ones for signed and floating dtypes."""
    rng = np.random.default_rng(seed)
    nd = numpy_dtype_of(dtype)
    assert nd is not None
    if dtype is tb.bool:
        return np.asarray(rng.integers(0, 2, shape).astype(bool))
    if dtype in INTEGER:
        low = 0 if nd.kind == "u" else -3
        return np.asarray(rng.integers(low, 6, shape).astype(nd))
    values = rng.integers(-4, 5, shape) / 2
    if dtype.is_complex:
        values = values + 1j * rng.integers(-4, 5, shape) / 2
    return np.asarray(values.astype(nd))


def on(a: np.ndarray[Any, Any], device: torch.device | str = "cpu") -> torch.Tensor:
    return torch.from_numpy(np.array(a, copy=True)).to(device)


def np_call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """NumPy's answer without its RuntimeWarnings (empty means, degrees of freedom <= 0)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


#: tbridge's RuntimeWarnings where NumPy warns too (an empty mean, degrees of freedom <= 0),
#: allowed in the grids that compare values; the bad-input corpus checks that they come.
NUMPYS_WARNINGS = "ignore:.*(mean of an empty slice|degrees of freedom <= 0):RuntimeWarning"


def keeps(shape: tuple[int, ...], axis: Any) -> bool:
    """keepdims for a grid case: True on every other (shape, axis) pair, so both are covered."""
    return SHAPE_AXES.index((shape, axis)) % 2 == 1


def rtol_of(dtype: torch.dtype) -> float | None:
    """float16 statistics accumulate differently in NumPy (pairwise in float16) and torch."""
    return 1e-2 if dtype is tb.float16 else None


# ---- reductions against NumPy --------------------------------------------------------------

CASES = [(n, dt) for n in REDUCTIONS for dt in ALL if not (n in ("max", "min") and dt.is_complex)]


@pytest.mark.parametrize(("name", "dtype"), CASES, ids=[f"{n}-{d}" for n, d in CASES])
@pytest.mark.parametrize("axis", AXES, ids=str)
def test_reductions_match_numpy(
    name: str, dtype: torch.dtype, axis: Any, device: torch.device
) -> None:
    """Every dtype on every device (keepdims on the shape grid below)."""
    keepdims = axis == (1,)
    a = sample(dtype)
    out = getattr(tb, name)(on(a, device), axis=axis, keepdims=keepdims)
    expected = np_call(getattr(np, name), a, axis=axis, keepdims=keepdims)
    assert_matches_numpy(out, expected, device=device, rtol=rtol_of(dtype))


GRID = [(n, dt) for n in REDUCTIONS for dt in KINDS if not (n in ("max", "min") and dt.is_complex)]


@pytest.mark.filterwarnings(NUMPYS_WARNINGS)
@pytest.mark.parametrize(("name", "dtype"), GRID, ids=[f"{n}-{d}" for n, d in GRID])
@pytest.mark.parametrize(("shape", "axis"), SHAPE_AXES, ids=str)
def test_reductions_over_shapes_and_axes(
    name: str, dtype: torch.dtype, shape: tuple[int, ...], axis: Any
) -> None:
    """0-d, empty and 3-d arrays; NumPy's error for an empty max/min, NaN for empty means."""
    keepdims = keeps(shape, axis)
    a = sample(dtype, shape, seed=len(shape))
    try:
        expected = np_call(getattr(np, name), a, axis=axis, keepdims=keepdims)
    except ValueError as e:
        numpy_message = str(e)
        assert "zero-size array to reduction operation" in numpy_message
        with pytest.raises(ValueError, match=rf"^{name}: zero-size array to reduction operation"):
            getattr(tb, name)(on(a), axis=axis, keepdims=keepdims)
        return
    out = getattr(tb, name)(on(a), axis=axis, keepdims=keepdims)
    assert_matches_numpy(out, expected, rtol=rtol_of(dtype))


@pytest.mark.parametrize("name", REDUCTIONS)
def test_reductions_of_a_0d_array_keep_its_shape(name: str, device: torch.device) -> None:
    a = np.array(2.5)
    assert_matches_numpy(getattr(tb, name)(on(a, device)), getattr(np, name)(a), device=device)


@pytest.mark.parametrize(
    "name",
    [
        *REDUCTIONS,
        pytest.param("cumulative_sum", marks=NEW_IN_NUMPY2),
        pytest.param("cumulative_prod", marks=NEW_IN_NUMPY2),
    ],
)
@pytest.mark.parametrize(
    "data", [[1, 2, 3], [[1.5, 2.0], [0.5, 4.0]], 7, 2.5, [True, False]], ids=repr
)
def test_lists_and_scalars_go_through_the_gate(name: str, data: Any) -> None:
    """``tb.sum([1, 2, 3])`` is ``np.sum([1, 2, 3])``: NumPy's dtype inference, NumPy's dtype."""
    if name.startswith("cumulative") and np.ndim(data) > 1:
        kwargs: dict[str, Any] = {"axis": 0}
    else:
        kwargs = {}
    np_fn = getattr(np, name)
    assert_matches_numpy(getattr(tb, name)(data, **kwargs), np_call(np_fn, data, **kwargs))


@pytest.mark.parametrize("name", ["sum", "mean"])
def test_numpy_arrays_are_accepted(name: str) -> None:
    a = sample(tb.int32)
    assert_matches_numpy(getattr(tb, name)(a, axis=1), getattr(np, name)(a, axis=1))


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("sum", (0,)),
        ("sum", ((0, 1), tb.float32)),
        ("prod", (1, None, None, True)),
        ("max", (0, None, True)),
        ("min", (-1,)),
        ("mean", (0, tb.float32)),
        ("std", (0, None, None, 1)),
        ("var", (1, None, None, 1, True)),
    ],
    ids=str,
)
def test_numpy_positional_options(name: str, args: tuple[Any, ...]) -> None:
    """NumPy code passes axis, dtype, out, ddof and keepdims positionally."""
    a = sample(tb.float64)
    np_args = tuple(numpy_dtype_of(v) if isinstance(v, torch.dtype) else v for v in args)
    assert_matches_numpy(getattr(tb, name)(on(a), *args), getattr(np, name)(a, *np_args))


SUM_DTYPES = [
    (tb.int8, tb.int16),
    (tb.int8, tb.uint8),
    (tb.uint8, tb.uint64),
    (tb.uint16, tb.uint32),
    (tb.int64, tb.uint32),
    (tb.uint64, tb.int8),
    (tb.int32, tb.float32),
    (tb.float32, tb.float64),
    (tb.float64, tb.int32),
    (tb.float32, tb.complex128),
    (tb.int16, tb.bool),
]


@pytest.mark.parametrize("name", ["sum", "prod", "cumulative_sum", "cumulative_prod"])
@pytest.mark.parametrize(("in_dtype", "dtype"), SUM_DTYPES, ids=str)
def test_dtype_keyword_casts_first(
    name: str, in_dtype: torch.dtype, dtype: torch.dtype, device: torch.device
) -> None:
    a = sample(in_dtype, (3, 4), seed=1)
    out = getattr(tb, name)(on(a, device), axis=1, dtype=dtype)
    np_name = {"cumulative_sum": "cumsum", "cumulative_prod": "cumprod"}.get(name, name)
    nd = numpy_dtype_of(dtype)
    expected = np_call(getattr(np, np_name), a.astype(nd), axis=1, dtype=nd)
    assert_matches_numpy(out, expected, device=device)


@pytest.mark.parametrize("name", ["mean", "std", "var"])
@pytest.mark.parametrize(
    ("in_dtype", "dtype"),
    [(tb.int16, tb.float32), (tb.float64, tb.float32), (tb.float32, tb.complex128)],
    ids=str,
)
def test_dtype_keyword_of_the_moments(name: str, in_dtype: torch.dtype, dtype: torch.dtype) -> None:
    a = sample(in_dtype)
    nd = numpy_dtype_of(dtype)
    expected = np_call(getattr(np, name), a, axis=0, dtype=nd)
    assert_matches_numpy(getattr(tb, name)(on(a), axis=0, dtype=dtype), expected)


def test_integer_mean_dtype_truncates_as_numpy() -> None:
    a = np.array([1, 2, 2, 2])
    assert_matches_numpy(tb.mean(on(a), dtype=tb.int32), np.mean(a, dtype=np.int32))


WRAPS = [
    ("sum", tb.uint64, [2**64 - 1, 2**63, 5]),
    ("prod", tb.uint32, [2**32 - 1, 2**32 - 1, 3]),
    ("sum", tb.uint32, [2**32 - 1, 2**32 - 1]),
    ("prod", tb.int64, [2**40, 2**40]),
    ("cumulative_sum", tb.uint64, [2**63, 2**63, 7]),
    ("cumulative_prod", tb.uint16, [2**15, 4, 2**15]),
]


@pytest.mark.parametrize(("name", "dtype", "values"), WRAPS, ids=lambda v: str(v)[:20])
def test_integer_accumulation_wraps_as_numpy(
    name: str, dtype: torch.dtype, values: list[int]
) -> None:
    a = np.array(values, dtype=numpy_dtype_of(dtype))
    np_name = {"cumulative_sum": "cumsum", "cumulative_prod": "cumprod"}.get(name, name)
    assert_matches_numpy(getattr(tb, name)(on(a)), np_call(getattr(np, np_name), a))


@pytest.mark.parametrize("dtype", [tb.float16, tb.float32, tb.float64])
@pytest.mark.parametrize("name", REDUCTIONS)
def test_nan_propagates(name: str, dtype: torch.dtype, device: torch.device) -> None:
    a = sample(dtype)
    a[1, 2] = np.nan
    out = getattr(tb, name)(on(a, device), axis=1)
    assert_matches_numpy(out, getattr(np, name)(a, axis=1), device=device, rtol=rtol_of(dtype))


# ---- initial=, where= (NumPy's) --------------------------------------------------------------


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min"])
@pytest.mark.parametrize("dtype", [tb.int8, tb.uint16, tb.uint64, tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("axis", [None, 0, (0, 1)], ids=str)
def test_initial_and_where_match_numpy(
    name: str, dtype: torch.dtype, axis: Any, device: torch.device
) -> None:
    a = sample(dtype)
    mask = sample(tb.bool, (1, 4), seed=4)
    initial = 3
    out = getattr(tb, name)(on(a, device), axis=axis, initial=initial, where=on(mask, device))
    expected = getattr(np, name)(a, axis=axis, initial=initial, where=mask)
    assert_matches_numpy(out, expected, device=device)


@pytest.mark.parametrize("name", ["max", "min"])
def test_initial_makes_an_empty_max_valid(name: str) -> None:
    a = np.zeros((0, 3))
    out = getattr(tb, name)(on(a), axis=0, initial=-1.0)
    assert_matches_numpy(out, getattr(np, name)(a, axis=0, initial=-1.0))


#: initial values NumPy reads into the dtype a reduction computes in, as int() or bool() would
INITIAL_READS: list[object] = [2.5, -0.5, True, np.float32(2.5), np.int64(300), np.int64(-1)]


@pytest.mark.parametrize("initial", INITIAL_READS, ids=repr)
@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "int64"])
@pytest.mark.parametrize("name", ["sum", "prod", "max", "min"])
def test_initial_is_read_in_the_reduction_dtype(name: str, dtype: str, initial: object) -> None:
    # A float truncates, a NumPy integer wraps into an unsigned dtype; NumPy refuses a NumPy
    # integer past a signed dtype's range, as tbridge does.
    if not NUMPY2 and isinstance(initial, np.integer):
        pytest.skip("NumPy 1 wraps a NumPy integer into signed dtypes too")
    a = np.array([[3, 0], [5, 1]]).astype(dtype)
    for axis in (0, None):
        try:
            expected = np.asarray(getattr(np, name)(a, axis=axis, initial=initial))
        except OverflowError:
            with pytest.raises(OverflowError, match=r"initial=.* is out of bounds for torch"):
                getattr(tb, name)(on(a), axis=axis, initial=initial)
            continue
        assert_matches_numpy(getattr(tb, name)(on(a), axis=axis, initial=initial), expected)


@pytest.mark.parametrize(
    ("initial", "error", "message"),
    [
        (math.nan, ValueError, r"^sum: initial=nan has no value in torch.int64, an integer dtype"),
        (math.inf, OverflowError, r"^sum: initial=inf has no value in torch.int64"),
        (1j, TypeError, r"^sum: initial=1j is complex, but the reduction computes in torch.int64"),
        ("1", TypeError, r"^sum: initial='1' is not a number; pass a Python or NumPy scalar"),
    ],
    ids=repr,
)
def test_initial_that_the_reduction_dtype_cannot_hold(
    initial: object, error: type[Exception], message: str
) -> None:
    # These leaked torch's own errors ("value cannot be converted to type int64 without
    # overflow", a RuntimeError).
    with pytest.raises(error, match=message):
        tb.sum(tb.asarray([1, 2]), initial=initial)  # type: ignore[arg-type]


#: (shape, axis) pairs where initial= bounds elements that nothing reduces (0-d, axis=()) beside
#: ordinary and empty reductions
INITIAL_SHAPE_AXES: list[tuple[tuple[int, ...], Any]] = [
    ((), None),
    ((), ()),
    ((3, 4), ()),
    ((2, 0, 3), ()),
    ((3, 4), None),
    ((3, 4), -1),
    ((2, 3, 4), (-1, 0)),
    ((2, 0, 3), (0, 1)),
]


@pytest.mark.parametrize("name", ["max", "min"])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64, tb.int64], ids=str)
@pytest.mark.parametrize(("shape", "axis"), INITIAL_SHAPE_AXES, ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
def test_initial_bounds_unreduced_elements(
    name: str,
    dtype: torch.dtype,
    shape: tuple[int, ...],
    axis: Any,
    keepdims: bool,
    device: torch.device,
) -> None:
    """initial= bounds every result element, also where axis=() or a 0-d array reduces
    nothing."""
    a = sample(dtype, shape)
    out = getattr(tb, name)(on(a, device), axis=axis, keepdims=keepdims, initial=1)
    expected = getattr(np, name)(a, axis=axis, keepdims=keepdims, initial=1)
    assert_matches_numpy(out, expected, device=device)


@pytest.mark.parametrize("name", ["mean", "std", "var"])
@pytest.mark.parametrize("dtype", [tb.int32, tb.float64, tb.complex128], ids=str)
@pytest.mark.parametrize("axis", [None, 0, 1], ids=str)
def test_where_of_the_moments_matches_numpy(name: str, dtype: torch.dtype, axis: Any) -> None:
    a = sample(dtype)
    mask = sample(tb.bool, (3, 4), seed=5)
    mask[:, 0] = True
    mask[0] = True
    out = getattr(tb, name)(on(a), axis=axis, where=on(mask))
    assert_matches_numpy(out, np_call(getattr(np, name), a, axis=axis, where=mask))


@pytest.mark.parametrize("name", ["sum", "mean", "var"])
def test_masks_as_lists_take_the_data_device(name: str, device: torch.device) -> None:
    a = sample(tb.float64, (2, 3))
    mask = [[True, False, True], [True, True, False]]
    out = getattr(tb, name)(on(a, device), axis=1, where=mask)
    assert_matches_numpy(out, getattr(np, name)(a, axis=1, where=np.array(mask)), device=device)


@needs_numpy2("std and var take mean= since NumPy 2.0")
@pytest.mark.parametrize("name", ["std", "var"])
def test_mean_keyword_matches_numpy(name: str) -> None:
    a = sample(tb.float64)
    m = np.mean(a, axis=1, keepdims=True)
    out = getattr(tb, name)(on(a), axis=1, mean=on(m))
    assert_matches_numpy(out, getattr(np, name)(a, axis=1, mean=m))


# ---- out= ------------------------------------------------------------------------------------

OUT_CALLS: list[tuple[str, dict[str, Any], Any]] = [
    ("sum", {"axis": 0}, torch.float64),
    ("prod", {"axis": 1}, torch.float64),
    ("max", {"axis": 0}, torch.float64),
    ("min", {}, torch.float64),
    ("mean", {"axis": 1}, torch.float32),
    ("std", {"axis": 0}, torch.float64),
    ("var", {}, torch.float32),
    ("cumulative_sum", {"axis": 1}, torch.float64),
    ("cumulative_prod", {"axis": 0}, torch.float64),
]


@pytest.mark.parametrize(("name", "kwargs", "out_dtype"), OUT_CALLS, ids=str)
def test_out_receives_the_result(name: str, kwargs: dict[str, Any], out_dtype: Any) -> None:
    a = sample(tb.float64)
    np_name = {"cumulative_sum": "cumsum", "cumulative_prod": "cumprod"}.get(name, name)
    expected = getattr(np, np_name)(a, **kwargs)
    out = torch.empty(np.shape(expected), dtype=out_dtype)
    got = getattr(tb, name)(on(a), **kwargs, out=out)
    assert got is out
    assert_matches_numpy(got, np.asarray(expected).astype(numpy_dtype_of(out_dtype)))


@pytest.mark.parametrize("name", ["sum", "max", "mean", "std", "cumulative_sum"])
def test_out_refuses_a_lower_kind(name: str) -> None:
    a = on(sample(tb.float64, (4,)))
    shape = (4,) if name == "cumulative_sum" else ()
    with pytest.raises(TypeError, match=rf"^{name}: cannot cast the torch.float64 result into out"):
        getattr(tb, name)(a, out=torch.empty(shape, dtype=torch.int64))


# ---- cumulative_sum, cumulative_prod -------------------------------------------------------


@NEW_IN_NUMPY2
@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("axis", [0, 1, -1])
@pytest.mark.parametrize("include_initial", [False, True])
@pytest.mark.parametrize("name", ["cumulative_sum", "cumulative_prod"])
def test_cumulative_matches_numpy(
    name: str, dtype: torch.dtype, axis: int, include_initial: bool, device: torch.device
) -> None:
    a = sample(dtype)
    out = getattr(tb, name)(on(a, device), axis=axis, include_initial=include_initial)
    expected = getattr(np, name)(a, axis=axis, include_initial=include_initial)
    assert_matches_numpy(out, expected, device=device, rtol=rtol_of(dtype))


@NEW_IN_NUMPY2
@pytest.mark.parametrize("shape", [(5,), (), (0,)])
def test_cumulative_sum_of_1d_and_0d_needs_no_axis(
    shape: tuple[int, ...], device: torch.device
) -> None:
    a = sample(tb.int16, shape)
    assert_matches_numpy(tb.cumulative_sum(on(a, device)), np.cumulative_sum(a), device=device)
    assert_matches_numpy(
        tb.cumulative_prod(on(a, device), include_initial=True),
        np.cumulative_prod(a, include_initial=True),
        device=device,
    )


# ---- std, var ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["std", "var"])
@pytest.mark.parametrize("correction", [0, 1, 1.5, 2.75, -1])
@pytest.mark.parametrize("axis", [None, 0, (0, 1)], ids=str)
@pytest.mark.parametrize("spelling", ["correction", "ddof"])
def test_correction_and_ddof(
    name: str, correction: float, axis: Any, spelling: str, device: torch.device
) -> None:
    a = sample(tb.float64)
    out = getattr(tb, name)(on(a, device), axis=axis, **{spelling: correction})
    expected = getattr(np, name)(a, axis=axis, ddof=correction)
    assert_matches_numpy(out, expected, device=device)


@pytest.mark.parametrize("name", ["std", "var"])
@pytest.mark.parametrize(
    ("axis", "correction", "shape"),
    [(0, 3, (4,)), (None, 12.5, (1, 1)), ((), 1, (3, 4)), (1, 0, (3,))],
)
def test_samples_run_out(
    name: str, axis: Any, correction: float, shape: tuple[int, ...], device: torch.device
) -> None:
    """M - correction <= 0 divides by zero with NumPy's warning: inf, or NaN where every
    deviation is 0 (or there are none)."""
    a = sample(tb.float32) if correction else np.zeros((3, 0), dtype=np.float32)
    with pytest.warns(RuntimeWarning, match=rf"^{name}: degrees of freedom <= 0"):
        out = getattr(tb, name)(
            on(a, device), axis=axis, correction=correction, keepdims=axis is None
        )
    expected = np_call(getattr(np, name), a, axis=axis, ddof=correction, keepdims=axis is None)
    assert expected.shape == shape
    assert_matches_numpy(out, expected, device=device)


def test_default_float_scopes_integer_means() -> None:
    x = on(sample(tb.int32))
    with tb.default_float(tb.float32):
        assert tb.mean(x).dtype is tb.float32
        assert tb.std(x, axis=0).dtype is tb.float32
    assert tb.var(x).dtype is tb.float64


#: (shape, axis) pairs for samples that run out (M - ddof <= 0): 0-d, axis=(), one axis, several
#: axes, empty
DOF_SHAPE_AXES: list[tuple[tuple[int, ...], Any]] = [
    ((), None),
    ((), ()),
    ((2,), None),
    ((3, 4), 0),
    ((3, 4), ()),
    ((3, 4), (0, 1)),
    ((2, 3, 4), (-1, 0)),
    ((2, 0, 3), 1),
]


def constant_row(dtype: torch.dtype, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    """A sample whose first row is constant (its deviations are all 0), where there is one."""
    a = sample(dtype, shape)
    if a.ndim >= 2:
        a[0] = 1
    return a


def ddof_past(shape: tuple[int, ...], axis: Any, excess: float) -> float:
    """A ddof of ``excess`` more than the samples each slice along ``axis`` holds."""
    dims = range(len(shape)) if axis is None else [axis] if type(axis) is int else axis
    return int(np.prod([1, *(shape[d] for d in dims)])) + excess


@pytest.mark.parametrize("name", ["std", "var"])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize(("shape", "axis"), DOF_SHAPE_AXES, ids=str)
@pytest.mark.parametrize("excess", [0, 0.5, 2])
@pytest.mark.parametrize("keepdims", [False, True])
def test_ddof_past_the_samples_divides_by_zero(
    name: str,
    dtype: torch.dtype,
    shape: tuple[int, ...],
    axis: Any,
    excess: float,
    keepdims: bool,
    device: torch.device,
) -> None:
    """ddof >= M: NumPy divides by max(M - ddof, 0), so inf where the deviations are not all
    0, NaN where they are (or there are none), and warns."""
    a = constant_row(dtype, shape)
    ddof = ddof_past(shape, axis, excess)
    with pytest.warns(RuntimeWarning, match=rf"^{name}: degrees of freedom <= 0"):
        out = getattr(tb, name)(on(a, device), axis=axis, ddof=ddof, keepdims=keepdims)
    expected = np_call(getattr(np, name), a, axis=axis, ddof=ddof, keepdims=keepdims)
    assert_matches_numpy(out, expected, device=device)


@pytest.mark.parametrize("name", ["std", "var"])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64, tb.complex128], ids=str)
@pytest.mark.parametrize("axis", [None, 0, -1, (0, 1), ()], ids=str)
@pytest.mark.parametrize("ddof", [2, 3.5])
@pytest.mark.parametrize("keepdims", [False, True])
def test_ddof_past_the_masked_samples_divides_by_zero(
    name: str, dtype: torch.dtype, axis: Any, ddof: float, keepdims: bool
) -> None:
    """where= counts the samples per slice; too few divide by zero as NumPy does (no
    warning: the counts are data)."""
    a = constant_row(dtype, (3, 4))
    mask = sample(tb.bool, (3, 4), seed=5)
    mask[:, 0] = True
    out = getattr(tb, name)(on(a), axis=axis, ddof=ddof, keepdims=keepdims, where=on(mask))
    expected = np_call(getattr(np, name), a, axis=axis, ddof=ddof, keepdims=keepdims, where=mask)
    assert_matches_numpy(out, expected)


# ---- autograd: one backward per family -----------------------------------------------------


MASK = torch.from_numpy(sample(tb.bool, (3, 4), seed=6) | (np.eye(3, 4) > 0))
BACKWARD: dict[str, tuple[Callable[[torch.Tensor], torch.Tensor], Callable[..., Any]]] = {
    "sum": (lambda t: tb.sum(t, axis=(0, 1), where=MASK), lambda t: t[MASK].sum()),
    "prod": (lambda t: tb.prod(t, axis=1), lambda t: t.prod(1)),
    "max": (
        lambda t: tb.max(t, axis=0, initial=-10.0),
        lambda t: torch.maximum(t.amax(0), torch.tensor(-10.0, dtype=t.dtype)),
    ),
    "mean": (lambda t: tb.mean(t, 0), lambda t: t.mean(0)),
    "std": (lambda t: tb.std(t, axis=1, ddof=1), lambda t: t.std(1, correction=1)),
    "var": (lambda t: tb.var(t, where=MASK), lambda t: torch.var(t[MASK], correction=0)),
    "cumulative_sum": (
        lambda t: tb.cumulative_sum(t, axis=1, include_initial=True),
        lambda t: t.cumsum(1),
    ),
}


@pytest.mark.parametrize("name", list(BACKWARD))
def test_backward_matches_torch(name: str) -> None:
    """Results stay on the autograd graph; gradients are the plain torch computation's."""
    a = sample(tb.float64) + np.arange(12).reshape(3, 4) * 0.01  # distinct values for max
    ours, reference = BACKWARD[name]
    x = on(a).requires_grad_()
    ours(x).sum().backward()
    x2 = on(a).requires_grad_()
    reference(x2).sum().backward()
    torch.testing.assert_close(x.grad, x2.grad)


# ---- property tests --------------------------------------------------------------------------

DRAWN_DTYPES = st.sampled_from(["int8", "int64", "uint8", "uint32", "float32", "float64"])


@st.composite
def arrays_and_axes(draw: st.DrawFn) -> tuple[np.ndarray[Any, Any], Any]:
    dtype = np.dtype(draw(DRAWN_DTYPES))
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4))
    if dtype.kind == "f":
        elements = st.floats(-100, 100, width=dtype.itemsize * 8)
    else:
        info = np.iinfo(dtype)
        elements = st.integers(max(int(info.min), -100), min(int(info.max), 100))
    a = draw(hnp.arrays(dtype, shape, elements=elements))
    ndim = len(shape)
    axes = st.lists(st.integers(0, max(ndim - 1, 0)), unique=True, max_size=ndim).map(tuple)
    if ndim:
        axes = axes | st.integers(-ndim, ndim - 1)
    axis = draw(st.none() | axes)
    return a, axis


@pytest.mark.filterwarnings(NUMPYS_WARNINGS)
@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "mean", "var"])
@settings(max_examples=40, deadline=None)
@given(case=arrays_and_axes(), keepdims=st.booleans())
def test_reductions_match_numpy_on_drawn_arrays(
    name: str, case: tuple[np.ndarray[Any, Any], Any], keepdims: bool
) -> None:
    a, axis = case
    try:
        expected = np_call(getattr(np, name), a, axis=axis, keepdims=keepdims)
    except ValueError:
        with pytest.raises(ValueError, match=r"zero-size array to reduction operation"):
            getattr(tb, name)(on(a), axis=axis, keepdims=keepdims)
        return
    got = getattr(tb, name)(on(a), axis=axis, keepdims=keepdims)
    rtol = 1e-4 if a.dtype == np.float32 or name in ("var", "mean") else None
    assert_matches_numpy(got, expected, rtol=rtol)


# ---- errors --------------------------------------------------------------------------------

X = torch.zeros(3, 4)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.sum(X, axis=2),
            np.exceptions.AxisError,
            r"^sum: axis 2 is out of bounds for an array of 2 dimensions; valid axes are -2\.\.1$",
        ),
        (
            lambda: tb.mean(torch.tensor(1.0), axis=0),
            IndexError,
            r"^mean: axis 0 is out of bounds for an array of 0 dimensions; a 0-d array has no "
            r"axes$",
        ),
        (
            lambda: tb.max(X, axis=(0, -2)),
            ValueError,
            r"^max: axis -2 appears more than once in axis=\(0, -2\); list each axis once$",
        ),
        (
            lambda: tb.prod(X, axis=[0]),
            TypeError,
            r"^prod: axis=\[0\] is not an integer or a tuple of integers; pass e\.g\. axis=0",
        ),
        (lambda: tb.min(X, axis=1.0), TypeError, r"^min: axis=1\.0 is not an integer"),
        (
            lambda: tb.sum(X, axis=np.array([0, 1])),
            TypeError,
            r"^sum: axis=array\(\[0, 1\]\) is not an integer or a tuple of integers",
        ),
        (
            lambda: tb.argmax(X, axis=torch.tensor([0, 1])),
            TypeError,
            r"^argmax: axis=tensor\(\[0, 1\]\) is not an integer or a tuple of integers",
        ),
        (lambda: tb.var(X, axis=-3), ValueError, r"^var: axis -3 is out of bounds"),
        (lambda: tb.std(X, axis=(5,)), IndexError, r"^std: axis 5 is out of bounds"),
        (
            lambda: tb.sum("ab"),
            TypeError,
            r"^sum: x must be array data \(a tensor, a NumPy array, a number or a nested "
            r"sequence of numbers\), got str; convert it first \(tb\.asarray\) or pass numbers$",
        ),
        (lambda: tb.prod(None), TypeError, r"^prod: x must be array data"),
        (lambda: tb.mean({1: 2}), TypeError, r"^mean: x must be array data"),
        (lambda: tb.std([[1], [2, 3]]), ValueError, r"^std: x: cannot build an array"),
        (
            lambda: tb.max(torch.zeros(0, 3), axis=0),
            ValueError,
            r"^max: zero-size array to reduction operation maximum which has no identity \(axis "
            r"0 of shape \(0, 3\) is empty\); pass initial= or reduce a non-empty array or axis$",
        ),
        (
            lambda: tb.min(torch.zeros(0)),
            ValueError,
            r"^min: zero-size array to reduction operation minimum which has no identity",
        ),
        (
            lambda: tb.max(X, where=X > 0),
            ValueError,
            r"^max: reduction operation 'maximum' has no identity, so a where= mask needs "
            r"initial= as well",
        ),
        (
            lambda: tb.sum(X, where=torch.ones(3, 4, dtype=torch.float32)),
            TypeError,
            r"^sum: where must be boolean, got dtype torch\.float32",
        ),
        (
            lambda: tb.prod(X, where=torch.ones(5, dtype=tb.bool)),
            ValueError,
            r"^prod: where= of shape \(5,\) does not broadcast to x's shape \(3, 4\)",
        ),
        (
            lambda: tb.max(torch.zeros(2, dtype=tb.complex64)),
            TypeError,
            r"^max: complex numbers have no order, got torch\.complex64; reduce the real part",
        ),
        (
            lambda: tb.sum(torch.zeros(3, dtype=tb.int8), initial=300, dtype=tb.int8),
            OverflowError,
            r"^sum: initial=300 is out of bounds for torch\.int8 \(its range is \[-128, 127\]\)",
        ),
        (
            lambda: tb.cumulative_sum(X),
            ValueError,
            r"^cumulative_sum: axis=None needs a 1-D array, got 2 dimensions \(shape \(3, 4\)\); "
            r"pass axis=",
        ),
        (
            lambda: tb.cumulative_prod(X, axis=2),
            IndexError,
            r"^cumulative_prod: axis 2 is out of bounds",
        ),
        (
            lambda: tb.std(X, correction=1, ddof=1),
            TypeError,
            r"^std: got both correction=1 and ddof=1; ddof is NumPy's name for correction, pass "
            r"only one$",
        ),
        (
            lambda: tb.var(X, correction="1"),
            TypeError,
            r"^var: correction='1' is not a real number; pass an int or a float",
        ),
        (lambda: tb.var(X, ddof=True), TypeError, r"^var: ddof=True is not a real number"),
        (lambda: tb.mean(X, dtype="float7"), TypeError, r"^mean: dtype=.float7. is not a dtype"),
        (
            lambda: tb.std(X, dtype=tb.int64),
            TypeError,
            r"^std: dtype=torch\.int64 is not a floating dtype",
        ),
        (
            lambda: tb.sum(X, axis=0, out=torch.zeros(3)),
            ValueError,
            r"^sum: out has shape \(3,\) but the result has shape \(4,\)",
        ),
        (lambda: tb.max(X, out=np.zeros(())), TypeError, r"^max: out must be a torch\.Tensor"),
    ],
)
def test_bad_input_messages(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("name", REDUCTIONS)
def test_torch_errors_never_escape_on_the_fast_path(name: str) -> None:
    """An out-of-range axis on a plain tensor is AxisError (ValueError and IndexError), not a
    torch IndexError text."""
    with pytest.raises(np.exceptions.AxisError, match=rf"^{name}: axis 5 is out of bounds"):
        getattr(tb, name)(X, axis=5)


# ---- fast paths return what the slow paths return ------------------------------------------


@pytest.mark.parametrize("name", REDUCTIONS)
def test_tensor_subclass_takes_the_slow_path(name: str) -> None:
    """nn.Parameter is not ``type(x) is Tensor``: the slow path gives the same answer."""
    a = sample(tb.float64)
    param = torch.nn.Parameter(on(a))
    with torch.no_grad():
        assert_matches_numpy(getattr(tb, name)(param, axis=1), getattr(np, name)(a, axis=1))
