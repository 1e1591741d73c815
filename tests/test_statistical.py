"""Statistical and utility reductions: NumPy as the oracle, every dtype, every device.

Each case makes the same call through NumPy and tbridge and compares metadata first (type,
shape, dtype through the dtype table, device), then values (not on ``meta``, which has no data).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of

ALL = [
    tb.bool, tb.int8, tb.int16, tb.int32, tb.int64, tb.uint8, tb.uint16, tb.uint32, tb.uint64,
    tb.float16, tb.float32, tb.float64, tb.complex64, tb.complex128,
]  # fmt: skip
REAL = [dt for dt in ALL if not dt.is_complex]
NUMERIC = [dt for dt in ALL if dt is not tb.bool]
INTEGER = [tb.int8, tb.int16, tb.int32, tb.int64, tb.uint8, tb.uint16, tb.uint32, tb.uint64]
AXES: list[Any] = [None, 0, -1, (0, 1), (1,), ()]


def sample(
    dtype: torch.dtype, shape: tuple[int, ...] = (3, 4), seed: int = 0
) -> np.ndarray[Any, Any]:
    """Small values with repeats and zeros, negative ones for signed and floating dtypes."""
    rng = np.random.default_rng(seed)
    nd = numpy_dtype_of(dtype)
    assert nd is not None
    if dtype is tb.bool:
        return rng.integers(0, 2, shape).astype(bool)
    if dtype in INTEGER:
        low = 0 if nd.kind == "u" else -3
        return rng.integers(low, 6, shape).astype(nd)
    values = rng.integers(-4, 5, shape) / 2
    if dtype.is_complex:
        values = values + 1j * rng.integers(-4, 5, shape) / 2
    return values.astype(nd)


def on(a: np.ndarray[Any, Any], device: torch.device) -> torch.Tensor:
    return torch.from_numpy(np.ascontiguousarray(a)).to(device)


def check(out: torch.Tensor, expected: Any, device: torch.device, rtol: float = 1e-6) -> None:
    """Metadata first (type, shape, dtype, device), then values."""
    expected = np.asarray(expected)
    assert type(out) is torch.Tensor
    assert tuple(out.shape) == expected.shape
    assert numpy_dtype_of(out.dtype) == expected.dtype, (out.dtype, expected.dtype)
    assert out.device.type == device.type
    if device.type == "meta":
        return
    got = out.detach().cpu().numpy()
    if expected.dtype.kind in "fc":
        np.testing.assert_allclose(got, expected, rtol=rtol, atol=rtol, equal_nan=True)
    else:
        np.testing.assert_array_equal(got, expected)


def tolerance(dtype: torch.dtype) -> float:
    return 1e-2 if dtype is tb.float16 else 1e-5 if dtype in (tb.float32, tb.complex64) else 1e-9


# ---- reductions against NumPy --------------------------------------------------------------

REDUCTIONS: dict[str, list[torch.dtype]] = {
    "sum": ALL,
    "prod": ALL,
    "max": REAL,
    "min": REAL,
    "mean": ALL,
    "std": ALL,
    "var": ALL,
    "all": ALL,
    "any": ALL,
}
REDUCTION_CASES = [(name, dt) for name, dts in REDUCTIONS.items() for dt in dts]


@pytest.mark.parametrize(
    ("name", "dtype"), REDUCTION_CASES, ids=[f"{n}-{d}" for n, d in REDUCTION_CASES]
)
@pytest.mark.parametrize("axis", AXES, ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
def test_reductions_match_numpy(
    name: str, dtype: torch.dtype, axis: Any, keepdims: bool, device: torch.device
) -> None:
    a = sample(dtype)
    out = getattr(tb, name)(on(a, device), axis=axis, keepdims=keepdims)
    check(out, getattr(np, name)(a, axis=axis, keepdims=keepdims), device, tolerance(dtype))


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "mean", "std", "var", "all", "any"])
def test_reductions_of_a_0d_array_keep_its_shape(name: str, device: torch.device) -> None:
    a = np.array(2.5)
    out = getattr(tb, name)(on(a, device))
    check(out, getattr(np, name)(a), device)


@pytest.mark.parametrize("name", ["sum", "mean"])
def test_numpy_arrays_are_accepted(name: str) -> None:
    a = sample(tb.int32)
    check(getattr(tb, name)(a, axis=1), getattr(np, name)(a, axis=1), torch.device("cpu"))


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
    with np.errstate(over="ignore", invalid="ignore"):
        expected = getattr(np, np_name)(a.astype(nd), axis=1, dtype=nd)
    check(out, expected, device)


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
    with np.errstate(over="ignore"):
        expected = getattr(np, np_name)(a)
    check(getattr(tb, name)(on(a, torch.device("cpu"))), expected, torch.device("cpu"))


@pytest.mark.parametrize("dtype", [tb.float16, tb.float32, tb.float64])
@pytest.mark.parametrize("name", ["max", "min", "sum", "prod", "mean", "std", "var"])
def test_nan_propagates(name: str, dtype: torch.dtype, device: torch.device) -> None:
    a = sample(dtype)
    a[1, 2] = np.nan
    out = getattr(tb, name)(on(a, device), axis=1)
    check(out, getattr(np, name)(a, axis=1), device, tolerance(dtype))


def test_empty_mean_is_nan_and_empty_sum_is_zero(device: torch.device) -> None:
    a = np.zeros((0, 3))
    check(tb.sum(on(a, device), axis=0), np.sum(a, axis=0), device)
    check(tb.prod(on(a, device), axis=0), np.prod(a, axis=0), device)
    check(tb.mean(on(a, device), axis=1), np.zeros(0), device)
    check(tb.all(on(a, device)), np.all(a), device)
    check(tb.any(on(a, device)), np.any(a), device)


# ---- cumulative_sum, cumulative_prod -------------------------------------------------------


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("axis", [0, 1, -1])
@pytest.mark.parametrize("include_initial", [False, True])
@pytest.mark.parametrize("name", ["cumulative_sum", "cumulative_prod"])
def test_cumulative_matches_numpy(
    name: str, dtype: torch.dtype, axis: int, include_initial: bool, device: torch.device
) -> None:
    np_name, initial = {"cumulative_sum": ("cumsum", 0), "cumulative_prod": ("cumprod", 1)}[name]
    a = sample(dtype)
    out = getattr(tb, name)(on(a, device), axis=axis, include_initial=include_initial)
    expected = getattr(np, np_name)(a, axis=axis)
    if include_initial:
        first = np.full_like(np.take(expected, [0], axis=axis), initial)
        expected = np.concatenate([first, expected], axis=axis)
    check(out, expected, device, tolerance(dtype))


@pytest.mark.parametrize("shape", [(5,), ()])
def test_cumulative_sum_of_1d_and_0d_needs_no_axis(
    shape: tuple[int, ...], device: torch.device
) -> None:
    a = sample(tb.int16, shape)
    check(tb.cumulative_sum(on(a, device)), np.cumsum(a), device)
    check(
        tb.cumulative_prod(on(a, device), include_initial=True),
        np.concatenate([[1], np.cumprod(a)]),
        device,
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
    check(out, getattr(np, name)(a, axis=axis, ddof=correction), device, 1e-9)


@pytest.mark.parametrize("name", ["std", "var"])
@pytest.mark.parametrize(
    ("axis", "correction", "shape"),
    [(0, 3, (4,)), (None, 12.5, (1, 1)), ((), 1, (3, 4)), (1, 0, (3,))],
)
def test_nan_where_samples_run_out(
    name: str, axis: Any, correction: float, shape: tuple[int, ...], device: torch.device
) -> None:
    """M - correction <= 0 gives NaN, as the standard says (NumPy gives inf, with a warning)."""
    a = sample(tb.float32) if correction else np.zeros((3, 0), dtype=np.float32)
    out = getattr(tb, name)(on(a, device), axis=axis, correction=correction, keepdims=axis is None)
    check(out, np.full(shape, np.nan, dtype=np.float32), device)


def test_default_float_scopes_integer_means() -> None:
    x = on(sample(tb.int32), torch.device("cpu"))
    with tb.default_float(tb.float32):
        assert tb.mean(x).dtype is tb.float32
        assert tb.std(x, axis=0).dtype is tb.float32
    assert tb.var(x).dtype is tb.float64


# ---- diff ----------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(("axis", "n"), [(-1, 1), (0, 1), (1, 2), (0, 0), (0, 5)])
def test_diff_matches_numpy(dtype: torch.dtype, axis: int, n: int, device: torch.device) -> None:
    a = sample(dtype)
    check(tb.diff(on(a, device), axis=axis, n=n), np.diff(a, axis=axis, n=n), device)


@pytest.mark.parametrize("dtype", [tb.int8, tb.uint16, tb.uint64, tb.float32, tb.bool], ids=str)
def test_diff_prepend_append(dtype: torch.dtype, device: torch.device) -> None:
    a, before, after = sample(dtype), sample(dtype, (1, 4), seed=2), sample(dtype, (2, 4), seed=3)
    out = tb.diff(on(a, device), axis=0, prepend=on(before, device), append=on(after, device))
    check(out, np.diff(a, axis=0, prepend=before, append=after), device)


@pytest.mark.parametrize(
    ("prepend", "append", "dtype"),
    [(0, None, tb.int64), (1.5, 2, tb.float64), (None, 2.5, tb.float64)],
)
def test_diff_scalar_edges_are_numpy_arrays(
    prepend: Any, append: Any, dtype: torch.dtype, device: torch.device
) -> None:
    """A Python scalar stands for one slice and, as NumPy's ``asanyarray`` makes it, counts at
    NumPy's default dtype (the standard takes arrays only here, so NumPy's rule decides)."""
    a = sample(tb.int8)
    out = tb.diff(on(a, device), axis=1, prepend=prepend, append=append)
    edges = {k: v for k, v in {"prepend": prepend, "append": append}.items() if v is not None}
    expected = np.diff(a, axis=1, **edges)
    assert expected.dtype == numpy_dtype_of(dtype)
    check(out, expected, device)


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
        (lambda: tb.any(X, axis=1.0), TypeError, r"^any: axis=1\.0 is not an integer"),
        (
            lambda: tb.sum("ab"),
            TypeError,
            r"^sum: x must be array data \(a tensor, a NumPy array, a number or a nested "
            r"sequence of numbers\), got str; convert it first \(tb\.asarray\) or pass numbers$",
        ),
        (
            lambda: tb.max(torch.zeros(0, 3), axis=0),
            ValueError,
            r"^max: axis 0 of shape \(0, 3\) is empty, and an empty maximum has no value \(no "
            r"identity\)",
        ),
        (
            lambda: tb.min(torch.zeros(0)),
            ValueError,
            r"^min: axis 0 of shape \(0,\) is empty, and an empty minimum has no value",
        ),
        (
            lambda: tb.max(torch.zeros(2, dtype=tb.complex64)),
            TypeError,
            r"^max: complex numbers have no order, got torch\.complex64; reduce the real part",
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
        (
            lambda: tb.diff(torch.tensor(1)),
            ValueError,
            r"^diff: a 0-d array has no axis to take differences along",
        ),
        (
            lambda: tb.diff(X, n=-1),
            ValueError,
            r"^diff: n=-1 is negative; the order of a difference must be >= 0$",
        ),
        (
            lambda: tb.diff(X, n=1.5),
            TypeError,
            r"^diff: n=1\.5 is not an integer; pass the order as an int",
        ),
        (
            lambda: tb.diff(X, axis=0, prepend=torch.zeros(1, 3)),
            ValueError,
            r"^diff: prepend/append must match x's shape \(3, 4\) except along axis 0, got shapes "
            r"\[\(1, 3\)\]",
        ),
    ],
)
def test_bad_input_messages(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


# ---- fast paths return what the slow paths return ------------------------------------------


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "mean", "std", "var", "all", "any"])
def test_tensor_subclass_takes_the_slow_path(name: str) -> None:
    """nn.Parameter is not ``type(x) is Tensor``: the slow path gives the same answer."""
    a = sample(tb.float64)
    param = torch.nn.Parameter(on(a, torch.device("cpu")))
    with torch.no_grad():
        check(getattr(tb, name)(param, axis=1), getattr(np, name)(a, axis=1), torch.device("cpu"))


@pytest.mark.parametrize(
    "edges",
    [
        {"prepend": np.int32(0)},
        {"prepend": 0},  # a Python int counts as NumPy's int64 array, not a weak scalar
        {"append": 0.5},
        {"prepend": np.array(0, dtype=np.int32)},  # a 0-d array stands for one slice
        {"prepend": np.array([[7], [8]])},
        {"prepend": 300, "append": -1},
    ],
    ids=repr,
)
def test_diff_edges_follow_numpy(edges: dict[str, Any]) -> None:
    x = np.array([[1, 5, 2], [3, 3, 9]], dtype=np.int8)
    expected = np.diff(x, **edges)
    got = tb.diff(
        tb.asarray(x),
        **{k: tb.asarray(v) if isinstance(v, np.ndarray) else v for k, v in edges.items()},
    )
    assert got.dtype == tb.asarray(expected).dtype
    np.testing.assert_array_equal(got.numpy(), expected)
