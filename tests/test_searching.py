"""Searching functions (argmax, argmin, count_nonzero, nonzero, searchsorted, where): NumPy as
the oracle, every dtype, every device.

Each case makes the same call through NumPy and tbridge and compares metadata first (type,
shape, dtype through the dtype table, device), then values (not on ``meta``, which has no data;
functions whose result shape depends on the data raise there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of
from tbridge._namespace import searching as _searching
from tests._helpers import assert_matches_numpy

ALL = [
    tb.bool, tb.int8, tb.int16, tb.int32, tb.int64, tb.uint8, tb.uint16, tb.uint32, tb.uint64,
    tb.float16, tb.float32, tb.float64, tb.complex64, tb.complex128,
]  # fmt: skip
REAL = [dt for dt in ALL if not dt.is_complex]
INTEGER = [tb.int8, tb.int16, tb.int32, tb.int64, tb.uint8, tb.uint16, tb.uint32, tb.uint64]
FLOATING = [tb.float16, tb.float32, tb.float64, tb.complex64, tb.complex128]
INDEX = np.dtype(np.int64)


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
        values = values + 1j * rng.integers(-2, 3, shape) / 2
    return np.asarray(values.astype(nd))


def with_specials(dtype: torch.dtype) -> np.ndarray[Any, Any]:
    """A sample holding NaN, -0.0 and 0.0 (floating dtypes), or the dtype's extremes."""
    a = sample(dtype, (12,))
    if dtype in FLOATING:
        a[[1, 5, 8]] = [np.nan, -0.0, 0.0]
        if dtype.is_complex:
            a[9] = complex(0.5, np.nan)
    elif dtype in INTEGER:
        info = np.iinfo(numpy_dtype_of(dtype))
        a[[2, 7]] = [info.max, info.min]
    return a


def on(a: Any, device: torch.device | str = "cpu") -> torch.Tensor:
    return torch.from_numpy(np.array(a, copy=True)).to(device)


def check(out: torch.Tensor, expected: Any, device: torch.device) -> None:
    """Metadata first (type, shape, dtype, device), then values (NaN equals NaN)."""
    expected = np.asarray(expected)
    assert type(out) is torch.Tensor
    assert tuple(out.shape) == expected.shape
    assert numpy_dtype_of(out.dtype) == expected.dtype, (out.dtype, expected.dtype)
    assert out.device.type == device.type
    if device.type != "meta":
        np.testing.assert_array_equal(out.detach().cpu().numpy(), expected)


# ---- argmax, argmin, count_nonzero, nonzero ----------------------------------------------


@pytest.mark.parametrize("dtype", REAL, ids=str)
@pytest.mark.parametrize("axis", [None, 0, -1])
@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("name", ["argmax", "argmin"])
def test_argmax_argmin_match_numpy(
    name: str, dtype: torch.dtype, axis: Any, keepdims: bool, device: torch.device
) -> None:
    a = sample(dtype)
    out = getattr(tb, name)(on(a, device), axis=axis, keepdims=keepdims)
    check(out, getattr(np, name)(a, axis=axis, keepdims=keepdims), device)


@pytest.mark.parametrize("dtype", REAL, ids=str)
@pytest.mark.parametrize("name", ["argmax", "argmin"])
def test_argmax_argmin_specials(name: str, dtype: torch.dtype) -> None:
    """The first NaN wins, as in NumPy; uint64 values above 2**63 keep their order."""
    a = with_specials(dtype)
    check(getattr(tb, name)(on(a, torch.device("cpu"))), getattr(np, name)(a), torch.device("cpu"))


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("axis", [None, 0, -1, (0, 1), ()], ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
def test_count_nonzero_matches_numpy(
    dtype: torch.dtype, axis: Any, keepdims: bool, device: torch.device
) -> None:
    a = sample(dtype)
    expected = np.asarray(np.count_nonzero(a, axis=axis, keepdims=keepdims), dtype=INDEX)
    check(tb.count_nonzero(on(a, device), axis=axis, keepdims=keepdims), expected, device)


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("shape", [(12,), (3, 4), (2, 3, 2), (0, 3)], ids=str)
def test_nonzero_matches_numpy(dtype: torch.dtype, shape: tuple[int, ...]) -> None:
    cpu = torch.device("cpu")
    a = sample(dtype, shape)
    out = tb.nonzero(on(a, cpu))
    expected = np.nonzero(a)
    assert type(out) is tuple
    assert len(out) == len(expected)
    for got, want in zip(out, expected, strict=True):
        check(got, want, cpu)


# ---- where ---------------------------------------------------------------------------------

WHERE_PAIRS = [
    (tb.float32, tb.float32),
    (tb.uint16, tb.uint16),
    (tb.uint64, tb.uint64),
    (tb.int8, tb.uint8),
    (tb.int8, tb.uint16),
    (tb.uint32, tb.int64),
    (tb.uint64, tb.int64),
    (tb.int32, tb.float32),
    (tb.float32, tb.complex128),
    (tb.bool, tb.int16),
]


@pytest.mark.parametrize(("dt1", "dt2"), WHERE_PAIRS, ids=str)
def test_where_promotes_as_numpy(dt1: torch.dtype, dt2: torch.dtype, device: torch.device) -> None:
    cond = sample(tb.bool, (3, 1))
    a, b = sample(dt1, (3, 4), seed=1), sample(dt2, (4,), seed=2)
    out = tb.where(on(cond, device), on(a, device), on(b, device))
    check(out, np.where(cond, a, b), device)


@pytest.mark.parametrize(
    "dtype", [tb.int8, tb.uint16, tb.uint64, tb.float32, tb.complex64, tb.bool], ids=str
)
@pytest.mark.parametrize("scalar", [True, 3, 2.5, 1j], ids=repr)
@pytest.mark.parametrize("side", ["x1", "x2"])
def test_where_with_a_python_scalar(
    dtype: torch.dtype, scalar: Any, side: str, device: torch.device
) -> None:
    """Scalars are weak: they take the array's dtype within their kind (NumPy 2's rule)."""
    cond, a = sample(tb.bool, (3, 4), seed=3), sample(dtype)
    args = (on(a, device), scalar) if side == "x1" else (scalar, on(a, device))
    np_args = (a, scalar) if side == "x1" else (scalar, a)
    check(tb.where(on(cond, device), *args), np.where(cond, *np_args), device)


@pytest.mark.parametrize(("x1", "x2"), [(1, 2.5), (True, 2), (1, 1j), (False, True)], ids=str)
def test_where_with_two_scalars_uses_the_defaults(x1: Any, x2: Any) -> None:
    cpu = torch.device("cpu")
    cond = sample(tb.bool, (5,))
    check(tb.where(on(cond, cpu), x1, x2), np.where(cond, x1, x2), cpu)


def test_where_takes_the_truth_of_a_non_bool_condition() -> None:
    cpu = torch.device("cpu")
    cond = sample(tb.uint32, (5,))
    check(tb.where(on(cond, cpu), 1, 0), np.where(cond, 1, 0), cpu)


# ---- searchsorted --------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", REAL, ids=str)
@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("use_sorter", [False, True])
def test_searchsorted_matches_numpy(
    dtype: torch.dtype, side: str, use_sorter: bool, device: torch.device
) -> None:
    raw = with_specials(dtype)
    if dtype in FLOATING:
        raw = raw[~np.isnan(raw)]
    x1, sorter = (raw, np.argsort(raw, kind="stable")) if use_sorter else (np.sort(raw), None)
    x2 = sample(dtype, (3, 4), seed=5)
    out = tb.searchsorted(
        on(x1, device),
        on(x2, device),
        side=side,
        sorter=None if sorter is None else on(sorter, device),
    )
    check(out, np.searchsorted(x1, x2, side=side, sorter=sorter), device)


_NAN, _INF = np.nan, np.inf
#: sorted as NumPy sorts (NaN last): NaN blocks of several lengths, infinities, signed zeros
NAN_SORTED = [
    [1.0, 2.0, _NAN],
    [1.0, _NAN, _NAN],
    [_NAN],
    [_NAN, _NAN, _NAN],
    [-_INF, 1.0, _INF, _NAN, _NAN],
    [_INF, _INF, _NAN],
    [-_INF, -_INF, _NAN],
    [-0.0, 0.0, 0.0, _NAN],
    [-_INF, -1.0, 0.0, 2.0, _INF],
    [1.0, 2.0, 3.0],
    [],
    [*range(70), _INF, _NAN],  # longer than what is read whole on the host
    [*range(70), _INF],
]
#: values to place: NaN (of both signs), infinities, signed zeros, numbers inside and outside
NAN_VALUES = np.array([_NAN, -_NAN, _INF, -_INF, 0.0, -0.0, 1.0, 1.5, 2.0, 5.0, -5.0, 80.0])


def _nan_cases() -> list[Any]:
    return [pytest.param(np.array(a), id=f"a{i}") for i, a in enumerate(NAN_SORTED)]


@pytest.mark.parametrize("a", _nan_cases())
@pytest.mark.parametrize("dtype", [tb.float16, tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("use_sorter", [False, True])
def test_searchsorted_orders_nan_after_inf_as_numpy(
    a: np.ndarray[Any, Any], dtype: torch.dtype, side: str, use_sorter: bool, device: torch.device
) -> None:
    nd = numpy_dtype_of(dtype)
    x1 = a.astype(nd)
    x2 = NAN_VALUES.astype(nd).reshape(3, 4)
    sorter = None
    if use_sorter:  # a shuffled and the indices that sort it (NaN last, as NumPy's argsort)
        x1 = x1[np.random.default_rng(3).permutation(x1.size)]
        sorter = np.argsort(x1, kind="stable")
    out = tb.searchsorted(
        on(x1, device), on(x2, device), side, None if sorter is None else on(sorter, device)
    )
    check(out, np.searchsorted(x1, x2, side=side, sorter=sorter), device)


@pytest.mark.parametrize("a", _nan_cases())
@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("value", [*NAN_VALUES.tolist(), 3], ids=repr)
def test_searchsorted_of_a_scalar_or_array_data_with_nan_as_numpy(
    a: np.ndarray[Any, Any], side: str, value: Any
) -> None:
    cpu = torch.device("cpu")
    check(tb.searchsorted(on(a), value, side), np.searchsorted(a, value, side=side), cpu)
    x2 = np.array([value, value], dtype=np.float32)  # promoted to a's float64
    check(tb.searchsorted(a, x2, side), np.searchsorted(a, x2, side=side), cpu)


@pytest.mark.parametrize("a", _nan_cases())
@pytest.mark.parametrize("dtype", [tb.float16, tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("side", ["left", "right"])
def test_searchsorted_without_reading_the_host_as_numpy(
    a: np.ndarray[Any, Any], dtype: torch.dtype, side: str
) -> None:
    # the search that accelerators and torch.compile take (nothing read on the host), checked
    # on the CPU, with NaN in a and without
    nd = numpy_dtype_of(dtype)
    x1, x2 = a.astype(nd), NAN_VALUES.astype(nd)
    got = _searching._nan_last(on(x1), on(x2), side, None)
    check(got, np.searchsorted(x1, x2, side=side), torch.device("cpu"))


@pytest.mark.parametrize(
    ("dtype", "value"),
    [
        (tb.int8, 3),
        (tb.int8, 1000),
        (tb.int8, -1000),
        (tb.uint64, 2**64 - 1),
        (tb.uint8, 2.5),
        (tb.float32, 1),
        (tb.bool, True),
    ],
    ids=str,
)
@pytest.mark.parametrize("side", ["left", "right"])
def test_searchsorted_with_a_python_scalar(dtype: torch.dtype, value: Any, side: str) -> None:
    cpu = torch.device("cpu")
    x1 = np.sort(sample(dtype, (10,)))
    expected = np.asarray(np.searchsorted(x1, value, side=side), dtype=INDEX)
    check(tb.searchsorted(on(x1, cpu), value, side=side), expected, cpu)


# ---- NumPy's calling forms: lists, positional options, out=, one-argument where ------------


@pytest.mark.parametrize(("shape", "axis"), [((), None), ((5,), 0), ((2, 0), 0), ((0,), None)])
@pytest.mark.parametrize("name", ["argmax", "argmin"])
def test_argmax_argmin_over_0d_and_empty(name: str, shape: tuple[int, ...], axis: Any) -> None:
    """A 0-d array has index 0; an empty one has no extreme (NumPy's ValueError)."""
    a = sample(tb.float32, shape)
    try:
        expected = getattr(np, name)(a, axis=axis)
    except ValueError:
        with pytest.raises(ValueError, match=rf"^{name}: attempt to get {name} of an empty"):
            getattr(tb, name)(on(a), axis=axis)
        return
    assert_matches_numpy(getattr(tb, name)(on(a), axis=axis), expected)


@pytest.mark.parametrize("name", ["argmax", "argmin"])
def test_argmax_out_and_positional_axis(name: str) -> None:
    a = sample(tb.int16)
    out = torch.empty(4, dtype=torch.int64)
    got = getattr(tb, name)(on(a), 0, out)
    assert got is out
    assert_matches_numpy(got, getattr(np, name)(a, 0))


@pytest.mark.parametrize(
    ("name", "call", "expected"),
    [
        ("argmax", lambda: tb.argmax([3, 7, 7, 1]), lambda: np.argmax([3, 7, 7, 1])),
        ("argmin", lambda: tb.argmin([[3, 1], [0, 5]], 1), lambda: np.argmin([[3, 1], [0, 5]], 1)),
        ("count_nonzero", lambda: tb.count_nonzero([[0, 1], [2, 3]], 0), None),
        (
            "searchsorted",
            lambda: tb.searchsorted([1, 2, 3], 2),
            lambda: np.searchsorted([1, 2, 3], 2),
        ),
        (
            "searchsorted-right",
            lambda: tb.searchsorted([1, 2, 3], [2, 5], "right"),
            lambda: np.searchsorted([1, 2, 3], [2, 5], "right"),
        ),
        (
            "searchsorted-sorter",
            lambda: tb.searchsorted([3, 1, 2], [2.5], sorter=[1, 2, 0]),
            lambda: np.searchsorted([3, 1, 2], [2.5], sorter=[1, 2, 0]),
        ),
        (
            "where",
            lambda: tb.where([True, False, True], [1, 2, 3], [4.5, 5, 6]),
            lambda: np.where([True, False, True], [1, 2, 3], [4.5, 5, 6]),
        ),
        ("where-scalars", lambda: tb.where([1, 0], 1, 2.5), lambda: np.where([1, 0], 1, 2.5)),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_array_likes_go_through_the_gate(
    name: str, call: Callable[[], Any], expected: Callable[[], Any] | None
) -> None:
    want = np.count_nonzero([[0, 1], [2, 3]], 0) if expected is None else expected()
    assert_matches_numpy(call(), np.asarray(want, dtype=np.result_type(want)))


def test_array_data_beside_a_tensor_takes_its_device(device: torch.device) -> None:
    """Lists beside a tensor are made on the tensor's device (nothing is moved)."""
    x = on(np.arange(4.0), device)
    cond = [True, False, True, False]
    assert_matches_numpy(
        tb.where(cond, x, [9.0, 9.0, 9.0, 9.0]),
        np.where(cond, np.arange(4.0), 9.0),
        device=device,
    )
    assert_matches_numpy(
        tb.searchsorted([0.5, 1.5, 2.5], x),
        np.searchsorted([0.5, 1.5, 2.5], np.arange(4.0)),
        device=device,
    )
    assert_matches_numpy(
        tb.searchsorted(x, [1.5], sorter=[0, 1, 2, 3]),
        np.searchsorted(np.arange(4.0), [1.5], sorter=[0, 1, 2, 3]),
        device=device,
    )


@pytest.mark.parametrize("data", [[0, 1, 0, 3], [[1, 0], [0, 2]], [[[True]]]], ids=repr)
@pytest.mark.parametrize("name", ["nonzero", "where"])
def test_nonzero_and_one_argument_where_take_lists(name: str, data: Any) -> None:
    """``where(condition)`` is ``nonzero(condition)``, as in NumPy."""
    got = getattr(tb, name)(data)
    expected = np.nonzero(data)
    assert type(got) is tuple
    assert len(got) == len(expected)
    assert_matches_numpy(torch.stack(got), np.stack(expected))


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(
    ("shape", "axis"),
    [((), None), ((), ()), ((0, 3), 0), ((0, 3), None), ((2, 3, 4), (0, 2))],
    ids=str,
)
def test_count_nonzero_over_shapes(dtype: torch.dtype, shape: tuple[int, ...], axis: Any) -> None:
    a = sample(dtype, shape)
    expected = np.asarray(np.count_nonzero(a, axis=axis), dtype=INDEX)
    assert_matches_numpy(tb.count_nonzero(on(a), axis=axis), expected)


# ---- errors --------------------------------------------------------------------------------

X = torch.zeros(3, 4)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.argmax(torch.zeros(0)),
            ValueError,
            r"^argmax: attempt to get argmax of an empty sequence: x of shape \(0,\) has no "
            r"maximum; pass a non-empty array$",
        ),
        (
            lambda: tb.argmin(torch.zeros(2, 0), axis=1),
            ValueError,
            r"^argmin: attempt to get argmin of an empty sequence: axis 1 of shape \(2, 0\) has "
            r"no minimum",
        ),
        (
            lambda: tb.argmax(X, axis=(0, 1)),
            TypeError,
            r"^argmax: axis=\(0, 1\) is not an integer or a tuple of integers",
        ),
        (
            lambda: tb.argmax(X, axis=2),
            IndexError,
            r"^argmax: axis 2 is out of bounds for an array of 2 dimensions; valid axes are "
            r"-2\.\.1$",
        ),
        (
            lambda: tb.argmax(torch.zeros(2, dtype=tb.complex64)),
            TypeError,
            r"^argmax: torch\.complex64 values have no order torch can search; pass a real array",
        ),
        (
            lambda: tb.count_nonzero(X, axis=(1, 1)),
            ValueError,
            r"^count_nonzero: axis 1 appears more than once",
        ),
        (
            lambda: tb.nonzero(torch.tensor(1)),
            ValueError,
            r"^nonzero: a 0-d array has no axes to index; reshape it first",
        ),
        (
            lambda: tb.where(torch.ones(2, dtype=tb.bool), torch.zeros(2, dtype=tb.int8), 300),
            OverflowError,
            r"^where: Python integer 300 is out of bounds for torch\.int8 \(-128\.\.127\); pass "
            r"an array of a wider dtype",
        ),
        (
            lambda: tb.where(torch.ones(2, dtype=tb.bool), torch.zeros(3), torch.zeros(2)),
            ValueError,
            r"^where: condition, x1 and x2 of shapes \(2,\), \(3,\) and \(2,\) do not broadcast "
            r"together",
        ),
        (
            lambda: tb.where(torch.ones(2, dtype=tb.bool), torch.zeros(2), "a"),
            TypeError,
            r"^where: x2 must be array data .*, got str",
        ),
        (
            lambda: tb.searchsorted(X, torch.zeros(2)),
            ValueError,
            r"^searchsorted: a must be 1-D, got shape \(3, 4\); search each row separately or "
            r"flatten it$",
        ),
        (
            lambda: tb.searchsorted(torch.zeros(3), torch.zeros(2), side="middle"),
            ValueError,
            r"^searchsorted: side='middle' is not allowed; pass 'left'",
        ),
        (
            lambda: tb.searchsorted(
                torch.zeros(3), torch.zeros(2), sorter=torch.zeros(3, dtype=torch.float32)
            ),
            TypeError,
            r"^searchsorted: sorter must have an integer dtype, got torch\.float32",
        ),
        (
            lambda: tb.searchsorted(
                torch.zeros(3), torch.zeros(2), sorter=torch.zeros(2, dtype=tb.int64)
            ),
            ValueError,
            r"^searchsorted: sorter has shape \(2,\), a has \(3,\); they must match",
        ),
        (
            lambda: tb.searchsorted(torch.zeros(3, dtype=tb.complex64), torch.zeros(2)),
            TypeError,
            r"^searchsorted: torch\.complex64 values have no order",
        ),
        (
            lambda: tb.searchsorted(torch.zeros(3), torch.zeros(2), sorter=torch.tensor([0, 1, 7])),
            ValueError,
            r"^searchsorted: sorter holds indices outside 0\.\.2; pass a permutation",
        ),
        (lambda: tb.searchsorted("abc", 1), TypeError, r"^searchsorted: a must be array data"),
        (
            lambda: tb.searchsorted([1, 2], None),
            TypeError,
            r"^searchsorted: v must be array data",
        ),
        (
            lambda: tb.where(torch.ones(2, dtype=tb.bool), torch.zeros(2)),
            ValueError,
            r"^where: either both or neither of x1 and x2 must be given",
        ),
        (lambda: tb.where("ab"), TypeError, r"^where: condition must be array data"),
        (lambda: tb.nonzero(None), TypeError, r"^nonzero: x must be array data"),
        (
            lambda: tb.argmax(X, out=torch.zeros(4)),
            ValueError,
            r"^argmax: out has shape \(4,\) but the result has shape \(\)",
        ),
        (lambda: tb.argmin(X, axis=-3), IndexError, r"^argmin: axis -3 is out of bounds"),
        (
            lambda: tb.count_nonzero(X, axis=2),
            np.exceptions.AxisError,
            r"^count_nonzero: axis 2 is out of bounds",
        ),
        (lambda: tb.count_nonzero([[1], [2, 3]]), ValueError, r"^count_nonzero: x: cannot build"),
    ],
)
def test_bad_input_messages(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


# ---- where's Python-scalar fast path --------------------------------------------------------


def _outcome(call: Callable[[], torch.Tensor]) -> object:
    """A result as comparable data (any NaN is NaN, -0.0 is not 0.0), or the exception."""
    try:
        out = call()
    except Exception as e:  # the outcome under test
        return (type(e), str(e))
    values = out.cpu()
    if values.dtype.is_complex:
        values = torch.view_as_real(values)
    if values.dtype.is_floating_point:
        nan = values.isnan()
        bits = {2: torch.int16, 4: torch.int32, 8: torch.int64}[values.element_size()]
        values = values.masked_fill(nan, 0).contiguous().view(bits)
        return (out.dtype, tuple(out.shape), values.tolist(), nan.tolist())
    return (out.dtype, tuple(out.shape), values.tolist())


@pytest.mark.parametrize(
    "dtype",
    [tb.int8, tb.uint8, tb.int64, tb.float16, tb.float32, tb.float64, tb.complex64, tb.complex128],
    ids=str,
)
def test_where_python_scalar_fast_path_is_the_general_path(
    dtype: torch.dtype, data_device: torch.device
) -> None:
    x = tb.asarray([0, 1, 3, 100], device=data_device).to(dtype)
    cond = tb.asarray([True, False, True, False], device=data_device)
    scalars: list[Any] = [0, -1, 127, 128, 300, 2**53 + 1, 2**60 + 2**36 + 1, 2**63]
    scalars += [-0.0, 2.5, 1e-320, 3.5e38, 1e300, float("inf"), float("nan"), 1 + 2j, True]
    for s in scalars:
        # a condition of a tensor subclass takes the general path
        general = torch.nn.Parameter(cond, requires_grad=False)
        for args in ((x, s), (s, x)):
            got = _outcome(lambda: tb.where(cond, *args))  # noqa: B023 - called at once
            want = _outcome(lambda: tb.where(general, *args))  # noqa: B023
            assert got == want, (dtype, args)
