"""Element-wise functions: promotion fixes, unsigned workarounds, special values, bad input."""

from __future__ import annotations

import inspect
import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._namespace import elementwise
from tbridge._namespace.elementwise import (
    _add_exact,
    _binary,
    _bound,
    _failure,
    _subtract_exact,
)
from tests._helpers import assert_matches_numpy, needs_numpy2
from tests._numpy_compat import np2

U64_MAX = 2**64 - 1


def _np(x: torch.Tensor) -> np.ndarray[Any, Any]:
    return tb.to_numpy(x, copy=True)


def test_zero_dim_operand_promotes_by_the_standard(device: torch.device) -> None:
    a = tb.ones(3, dtype=tb.int32, device=device)
    b = tb.asarray(5, device=device)  # 0-d int64
    assert (a + b).dtype == tb.int32  # torch's operator: the 0-d tensor loses
    assert tb.add(a, b).dtype == tb.int64  # the standard (and NumPy): int64
    assert tb.multiply(tb.ones(2, dtype=tb.float32), tb.asarray(2.0)).dtype == tb.float64


@pytest.mark.parametrize(
    ("name", "a", "b"),
    [
        ("add", [U64_MAX, 1, 2**63], [1, 2, 2**63]),
        ("subtract", [0, 5, 2**63], [1, 2, 1]),
        ("multiply", [2**63, 3, U64_MAX], [2, 5, U64_MAX]),
        ("less", [2**63, 1, U64_MAX], [1, 2**63, U64_MAX]),
        ("maximum", [2**63, 1, 7], [1, 2**63 + 5, 9]),
        ("minimum", [2**63, 1, 7], [1, 2**63 + 5, 9]),
        ("equal", [U64_MAX, 1, 0], [U64_MAX, 2, 0]),
        ("bitwise_xor", [U64_MAX, 1, 2**63], [1, 3, 2**63]),
        ("bitwise_left_shift", [1, 3, 2**62], [63, 1, 1]),
    ],
)
def test_uint64_across_the_sign_bit_matches_numpy(name: str, a: list[int], b: list[int]) -> None:
    x = tb.asarray(np.array(a, dtype=np.uint64))
    y = tb.asarray(np.array(b, dtype=np.uint64))
    with np.errstate(over="ignore"):
        expected = getattr(np2, name)(np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64))
    got = getattr(tb, name)(x, y)
    assert got.dtype == tb.asarray(np.empty(0, dtype=expected.dtype)).dtype
    np.testing.assert_array_equal(_np(got), expected)


@pytest.mark.parametrize("dtype", ["uint16", "uint32"])
@pytest.mark.parametrize(
    "name",
    [
        "add",
        "subtract",
        "floor_divide",
        "remainder",
        "pow",
        "less",
        "maximum",
        "bitwise_right_shift",
    ],
)
def test_uint16_uint32_match_numpy(dtype: str, name: str) -> None:
    top = np.iinfo(dtype).max
    a = np.array([top, 7, 0, 300], dtype=dtype)
    b = np.array([2, 3, 1, 4], dtype=dtype)
    with np.errstate(over="ignore"):
        expected = getattr(np2, name)(a, b)
    got = getattr(tb, name)(tb.asarray(a), tb.asarray(b))
    np.testing.assert_array_equal(_np(got), expected)
    assert got.dtype == tb.asarray(expected).dtype


def test_special_values_follow_numpy() -> None:
    nan = float("nan")
    x = tb.asarray([nan, -0.0, 2.0, -float("inf")])
    np.testing.assert_array_equal(_np(tb.sign(x)), np.sign(_np(x)))
    r = tb.remainder(tb.asarray([-0.0, 0.0, 5.0]), tb.asarray([3.0, -3.0, -3.0]))
    expected = np.remainder(np.array([-0.0, 0.0, 5.0]), np.array([3.0, -3.0, -3.0]))
    np.testing.assert_array_equal(_np(r), expected)
    assert np.signbit(_np(r)).tolist() == np.signbit(expected).tolist()


def test_integer_division_is_float64_as_numpy() -> None:
    q = tb.divide(tb.asarray([1, 2]), tb.asarray([2, 4]))
    assert q.dtype == tb.float64
    assert tb.sqrt(tb.asarray([4, 9])).dtype == tb.float64
    with tb.default_float(tb.float32):
        assert tb.divide(tb.asarray([1]), 2).dtype == tb.float32


def test_python_scalars_anywhere() -> None:
    x = tb.asarray([1, 5, 9])
    assert tb.maximum(x, 4).tolist() == [4, 5, 9]
    assert tb.greater(4, x).tolist() == [True, False, False]
    assert tb.add(x, 2.5).dtype == tb.float64
    assert tb.multiply(tb.asarray([1.0], dtype=tb.float32), 2j).dtype == tb.complex64


def test_numpy_arrays_are_accepted() -> None:
    out = tb.add(np.arange(3), tb.asarray([1, 1, 1]))
    assert isinstance(out, torch.Tensor)
    assert out.tolist() == [1, 2, 3]


def test_conj_is_materialized() -> None:
    z = tb.asarray([1 + 2j])
    c = tb.conj(z)
    assert not c.is_conj()
    assert tb.to_numpy(c).tolist() == [1 - 2j]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.add(None, 2),  # type: ignore[arg-type]
            TypeError,
            r"add: x1 must be array data \(a tensor, a NumPy array, a number or a nested sequence of numbers\), got NoneType",
        ),
        (
            lambda: tb.add("ab", tb.ones(1)),  # type: ignore[arg-type]
            TypeError,
            r"add: x1 must be array data \(a tensor, a NumPy array, a number or a nested sequence of numbers\), got str; convert it first \(tb.asarray\) or pass numbers",
        ),
        (
            lambda: tb.bitwise_and(tb.ones(2), tb.ones(2)),
            TypeError,
            r"bitwise_and: torch.float64 has no bits; pass integer or bool arrays",
        ),
        (
            lambda: tb.bitwise_invert(tb.ones(2)),
            TypeError,
            r"bitwise_invert: torch.float64 has no bits to invert",
        ),
        (
            lambda: tb.negative(tb.asarray([True])),
            TypeError,
            r"negative: a bool array has no negation; use tb.logical_not",
        ),
        (
            lambda: tb.sin(tb.asarray([True])),
            TypeError,
            r"sin: a bool array has no floating meaning; cast it first",
        ),
        (
            lambda: tb.add(tb.ones(2, dtype=tb.uint8), 300),
            OverflowError,
            r"Python integer 300 is out of bounds for torch.uint8 \(its range is \[0, 255\]\); "
            r"cast the array to a wider dtype first",
        ),
        (
            lambda: tb.floor_divide(
                tb.asarray(np.array([2**63], dtype=np.uint64)),
                tb.asarray(np.array([2], dtype=np.uint64)),
            ),
            OverflowError,
            r"floor_divide: uint64 values >= 2\*\*63 are not supported by this operation.*pytorch#58734",
        ),
        (
            lambda: tb.clip(tb.asarray([1j]), 0, 1),
            TypeError,
            r"clip: complex arrays and bounds have no order",
        ),
        (
            lambda: tb.clip(tb.asarray([1, 2]), 0.5),
            TypeError,
            r"clip: bound 0.5 does not fit a torch.int64 array",
        ),
        (
            lambda: tb.atan2(tb.asarray([1j]), tb.asarray([1j])),
            TypeError,
            r"atan2: complex input is not supported; pass real arrays",
        ),
    ],
)
def test_bad_input(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


def test_clip_saturates_bounds_to_the_dtype() -> None:
    x = tb.asarray(np.array([1, 200], dtype=np.uint8))
    out = tb.clip(x, -5, 1000)
    assert out.dtype == tb.uint8
    assert out.tolist() == [1, 200]
    big = tb.asarray(np.array([1, 2**63 + 9], dtype=np.uint64))
    np.testing.assert_array_equal(
        _np(tb.clip(big, 5, 2**63)), np.array([5, 2**63], dtype=np.uint64)
    )


@pytest.mark.parametrize("name", ["add", "less", "sin", "sign", "clip", "floor"])
def test_meta_device_metadata(name: str) -> None:
    x = tb.ones(2, 3, device="meta")
    out = getattr(tb, name)(x, x) if name in ("add", "less") else getattr(tb, name)(x)
    assert out.device.type == "meta"
    assert out.shape == (2, 3)


# ---- fast paths: each gives what the general path gives ------------------------------------

#: The functions with a Python-scalar fast path, with what their general path is called with.
SCALAR_FAST: dict[str, tuple[Callable[..., torch.Tensor], str, bool]] = {
    "add": (_add_exact, "bits", False),  # complex numbers part by part (pytorch#82510)
    "subtract": (_subtract_exact, "bits", False),
    "multiply": (torch.multiply, "bits", False),
    "divide": (torch.divide, "value", True),
    "equal": (torch.eq, "bits", False),
    "not_equal": (torch.ne, "bits", False),
    "greater": (torch.gt, "order", False),
    "greater_equal": (torch.ge, "order", False),
    "less": (torch.lt, "order", False),
    "less_equal": (torch.le, "order", False),
}
#: Scalars at the edges of the fast path's ranges: float32 and int8 limits, an int that float32
#: rounds differently through float64, values beyond float32, NaN, infinities, signed zeros.
EDGE_SCALARS: list[bool | int | float | complex] = [
    True,
    0,
    3,
    -7,
    127,
    128,
    255,
    -129,
    2**53,
    2**53 + 1,
    2**60 + 2**36 + 1,
    2**63 - 1,
    2**63,
    -0.0,
    2.5,
    1e-320,
    3.5e38,
    1e300,
    float("inf"),
    float("-inf"),
    float("nan"),
    1 + 2j,
    complex(float("inf"), 0.0),
    complex(float("nan"), 1.0),
]
FAST_DTYPES = [tb.int8, tb.uint8, tb.int64, tb.float16, tb.float32, tb.float64]
FAST_DTYPES += [tb.complex64, tb.complex128]


def _outcome(call: Callable[[], torch.Tensor]) -> object:
    """A result as comparable data, or the exception's type and message."""
    try:
        out = call()
    except Exception as e:  # the outcome under test
        return (type(e), str(e))
    values = out.cpu()
    if values.dtype.is_complex:
        values = torch.view_as_real(values)
    bits = {2: torch.int16, 4: torch.int32, 8: torch.int64}
    if values.dtype.is_floating_point:  # any NaN is NaN; -0.0 differs from 0.0
        nan = values.isnan()
        values = values.masked_fill(nan, 0).contiguous().view(bits[values.element_size()])
        return (out.dtype, tuple(out.shape), values.tolist(), nan.tolist())
    return (out.dtype, tuple(out.shape), values.tolist())


def _edge_array(dtype: torch.dtype, device: torch.device) -> torch.Tensor:
    base = [0.0, -0.0, 1.0, -3.0, 2.5, float("inf"), float("nan"), 100.0]
    if dtype == tb.uint8:
        base = [0, 1, 3, 255, 7, 100, 2, 9]
    elif not (dtype.is_floating_point or dtype.is_complex):
        base = [0, 1, -3, 127, -128, 7, 2, 100]
    return tb.asarray(base, device=device).to(dtype)


def _general(
    fn: Callable[..., torch.Tensor], x1: object, x2: object, name: str, uint: Any, floating: bool
) -> torch.Tensor:
    """The general path, with torch's errors translated as the public function translates them."""
    try:
        return _binary(fn, x1, x2, name, uint, floating)
    except RuntimeError as e:
        raise _failure(e, name, (x1, x2)) from e


@pytest.mark.parametrize("name", sorted(SCALAR_FAST))
@pytest.mark.parametrize("dtype", FAST_DTYPES, ids=str)
def test_python_scalar_fast_path_is_the_general_path(
    name: str, dtype: torch.dtype, data_device: torch.device
) -> None:
    fn, uint, floating = SCALAR_FAST[name]
    x = _edge_array(dtype, data_device)
    for s in EDGE_SCALARS:
        got = _outcome(lambda: getattr(tb, name)(x, s))  # noqa: B023 - called at once
        want = _outcome(lambda: _general(fn, x, s, name, uint, floating))  # noqa: B023
        assert got == want, (name, dtype, s)
        got = _outcome(lambda: getattr(tb, name)(s, x))  # noqa: B023
        want = _outcome(lambda: _general(fn, s, x, name, uint, floating))  # noqa: B023
        assert got == want, (name, dtype, s, "scalar first")


def test_python_scalars_keep_the_array_dtype() -> None:
    x = tb.asarray([1.0, 2.0], dtype=tb.float32)
    assert tb.add(x, 1.5).dtype == tb.float32
    assert tb.less(2, tb.asarray([1, 5], dtype=tb.int8)).tolist() == [False, True]
    assert tb.multiply(tb.asarray([3], dtype=tb.int16), 2).dtype == tb.int16
    assert tb.add(tb.asarray([1], dtype=tb.int8), 2.5).dtype == tb.float64  # kind above: default
    with pytest.raises(OverflowError, match=r"Python integer 128 is out of bounds for torch.int8"):
        tb.add(128, tb.asarray([1], dtype=tb.int8))


@needs_numpy2("NumPy 1.x promotes by value instead of raising OverflowError")
@pytest.mark.parametrize(
    ("name", "dtype", "value"),
    [
        ("add", torch.int64, 2**63),
        ("subtract", torch.uint8, -1),
        ("maximum", torch.int8, 300),
        ("multiply", torch.int16, -(2**15) - 1),
    ],
)
def test_an_int_out_of_the_arrays_range_is_named_by_the_function(
    name: str, dtype: torch.dtype, value: int
) -> None:
    """NumPy 2's OverflowError, told by the function the user called."""
    x = torch.tensor([1, 2], dtype=dtype)
    with pytest.raises(OverflowError, match=rf"^{name}: Python integer {value} is out of bounds"):
        getattr(tb, name)(x, value)
    with pytest.raises(OverflowError):
        getattr(np, name)(np.array([1, 2], dtype=_NP_OF[dtype]), value)


_NP_OF = {torch.int64: np.int64, torch.uint8: np.uint8, torch.int8: np.int8, torch.int16: np.int16}


def test_abs_of_bool_is_bool_as_numpys() -> None:
    x = np.array([True, False, True])
    for given in (tb.asarray(x), x, [True, False, True]):
        assert_matches_numpy(tb.abs(given), np.abs(x))
        out = np.zeros(3, dtype=bool)
        expected = np.abs(x, out=out.copy(), where=[True, False, True])
        assert_matches_numpy(
            tb.absolute(given, out=tb.asarray(out), where=[True, False, True]), expected
        )


INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
COMPARISONS = ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]


def _beyond(dtype: str) -> list[int]:
    info = np.iinfo(dtype)
    return [int(info.min) - 1, int(info.max) + 1, -(2**70), 2**70]


@pytest.mark.parametrize("name", COMPARISONS)
@pytest.mark.parametrize("dtype", INT_DTYPES)
def test_comparisons_with_ints_beyond_the_dtype_are_exact(name: str, dtype: str) -> None:
    # NumPy compares the values: uint8 < -1 is all False, int8 != 300 all True (torch would
    # wrap -1 into uint8, or refuse ints past int64).
    x = np.array([0, 1, int(np.iinfo(dtype).max)], dtype=dtype)
    for value in _beyond(dtype):
        for args in ((x, value), (value, x)):
            expected = getattr(np, name)(*args)
            got = getattr(tb, name)(*(tb.asarray(a) if a is x else a for a in args))
            assert_matches_numpy(got, expected)


@needs_numpy2("NumPy 1.x promotes a Python int beyond the dtype by its value (NEP 50)")
@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "maximum", "bitwise_and"])
@pytest.mark.parametrize("dtype", INT_DTYPES)
def test_arithmetic_with_ints_beyond_the_dtype_is_numpys_overflow_error(
    name: str, dtype: str
) -> None:
    x = np.array([0, 1], dtype=dtype)
    for value in _beyond(dtype):
        with pytest.raises(OverflowError):
            getattr(np, name)(x, value)
        with pytest.raises(OverflowError, match=rf"Python integer {value} is out of bounds"):
            getattr(tb, name)(tb.asarray(x), value)
        with pytest.raises(OverflowError, match=rf"Python integer {value} is out of bounds"):
            getattr(tb, name)(value, tb.asarray(x))


INTEGER_BINARIES = [
    "add", "subtract", "multiply", "maximum", "minimum", "fmax", "fmin", "bitwise_and",
    "bitwise_or", "bitwise_xor", "gcd", "lcm", "logical_and", "logical_or",
]  # fmt: skip
PAST_INT64 = [2**63, 2**64 - 1, -(2**63) - 1]


@needs_numpy2("NumPy 1.x reads a Python int past int64 as uint64 by its value (NEP 50)")
@pytest.mark.parametrize("name", INTEGER_BINARIES)
def test_two_python_ints_past_int64_are_numpys_overflow_error(name: str) -> None:
    # Both ints are weak, so NumPy 2 computes in int64 and cannot hold the big one, whichever
    # side it is on (tbridge had read a big first int alone, as uint64).
    for value in PAST_INT64:
        for args in ((value, 1), (1, value)):
            with pytest.raises(OverflowError):
                getattr(np, name)(*args)
            with pytest.raises(OverflowError, match=rf"{name}: Python integer {value} is out"):
                getattr(tb, name)(*args)


@pytest.mark.parametrize(
    "name", ["add", "multiply", "arctan2", "float_power", "equal", "less", "true_divide"]
)
def test_two_python_ints_past_int64_in_float_functions_and_comparisons_match_numpy(
    name: str,
) -> None:
    for value in (2**63, 2**64 - 1):
        for args in ((value, 1.5), (1.5, value)) if name in ("add", "multiply") else ((value, 1),):
            assert_matches_numpy(getattr(tb, name)(*args), getattr(np, name)(*args))


@needs_numpy2("NumPy 1.x makes an object array of a float array and an int past uint64")
@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "true_divide", "less", "fmax"])
@pytest.mark.parametrize("dtype", ["float32", "float64", "complex128"])
@pytest.mark.parametrize("value", [2**63, 2**64, 2**70, -(2**64)])
def test_float_arrays_with_ints_past_int64_match_numpy(name: str, dtype: str, value: int) -> None:
    # torch reads a Python int as int64: 2**64 had wrapped to 0 (float64 [1.5] + 2**64 was 1.5).
    if name in ("less", "fmax") and dtype == "complex128":
        return
    x = np.array([1.5, -3.0, 0.25], dtype=dtype)
    for args in ((x, value), (value, x)):
        expected = getattr(np, name)(*args)
        got = getattr(tb, name)(*(tb.asarray(a) if a is x else a for a in args))
        assert_matches_numpy(got, expected)


@needs_numpy2("NumPy 1.x makes an object array of a float array and an int past uint64")
@pytest.mark.parametrize("value", [2**64, -(2**64), 2**70])
def test_remainder_of_floats_by_an_int_past_int64_matches_numpy(value: int) -> None:
    x = np.array([1.5, -3.0, 0.0])
    assert_matches_numpy(tb.remainder(tb.asarray(x), value), np.remainder(x, value))


@needs_numpy2("NumPy 1.x reads a Python int past int64 as uint64 by its value (NEP 50)")
def test_ldexp_exponent_past_int64_is_numpys_overflow_error() -> None:
    with pytest.raises(OverflowError):
        np.ldexp(1.5, 2**63)
    with pytest.raises(OverflowError, match="ldexp: Python integer 9223372036854775808"):
        tb.ldexp(tb.asarray([1.5]), 2**63)


@pytest.mark.parametrize("name", ["logical_and", "logical_or", "logical_xor"])
@pytest.mark.parametrize("dtype", ["int8", "uint64", "float64", "bool"])
@pytest.mark.parametrize("value", [-1, 0, 300, 2.5])
def test_logical_functions_read_a_python_scalar_by_its_truth(
    name: str, dtype: str, value: float
) -> None:
    x = np.array([0, 1], dtype=dtype)
    for args in ((x, value), (value, x)):
        expected = getattr(np, name)(*args)
        got = getattr(tb, name)(*(tb.asarray(a) if a is x else a for a in args))
        assert_matches_numpy(got, expected)


MIXED_PAIRS = [
    (tb.float32, tb.float64),
    (tb.int8, tb.uint8),
    (tb.int16, tb.int64),
    (tb.complex64, tb.float64),
    (tb.float16, tb.float32),
    (tb.int32, tb.float64),
]
MIXED_CASES = [
    (name, a, b)
    for name in ("add", "multiply", "divide", "less", "maximum", "remainder")
    for a, b in MIXED_PAIRS
    if name in ("add", "multiply", "divide") or not (a.is_complex or b.is_complex)
]


@pytest.mark.parametrize(("name", "a", "b"), MIXED_CASES, ids=str)
def test_mixed_dtypes_computed_by_torch_match_casting_first(
    name: str, a: torch.dtype, b: torch.dtype
) -> None:
    x = tb.asarray([1.5, -2.0, 7.0, 0.0]).to(a)
    y = tb.asarray([3.0, 4.0, -2.0, -5.0]).to(b)
    dt = tb.result_type(x, y)
    if name == "divide" and not (dt.is_floating_point or dt.is_complex):
        dt = tb.float64
    fn = getattr(tb, name)
    assert _outcome(lambda: fn(x, y)) == _outcome(lambda: fn(x.to(dt), y.to(dt)))
    assert _outcome(lambda: fn(y, x)) == _outcome(lambda: fn(y.to(dt), x.to(dt)))
    # a 0-d operand is ranked below arrays by torch: the standard's promotion still applies
    assert fn(x, y[0]).dtype == fn(x.to(dt), y[0].to(dt)).dtype


@pytest.mark.parametrize("dtype", [tb.float16, tb.float32, tb.float64])
def test_sign_matches_numpy_on_every_path(dtype: torch.dtype) -> None:
    tiny = float(torch.finfo(dtype).smallest_normal) / 4  # a subnormal
    values = [float("nan"), -float("nan"), -0.0, 0.0, float("inf"), -float("inf"), tiny, -tiny]
    x = tb.asarray(values * 2, dtype=dtype)
    expected = np.sign(_np(x))
    paths = {
        "numpy": x,
        "strided": x.reshape(4, 4).mT,
        "0-d": x[0],
        "graph": x.clone().requires_grad_(),  # torch, on the autograd graph
        "large": x.repeat(5000),  # past the NumPy size limit: torch
    }
    for path, t in paths.items():
        got = tb.sign(t)
        assert got.dtype == dtype, path
        assert got.shape == t.shape, path
        want = np.sign(t.detach().numpy())
        np.testing.assert_array_equal(got.detach().numpy(), want, err_msg=path)
        assert np.signbit(got.detach().numpy()).tolist() == np.signbit(want).tolist(), path
    assert tb.sign(paths["graph"]).requires_grad
    out = tb.sign(x)
    assert out.data_ptr() != x.data_ptr()
    out[0] = 5  # new, writable memory
    np.testing.assert_array_equal(_np(tb.sign(x)), expected)


def test_remainder_fast_path_signs_and_gradient() -> None:
    a = tb.asarray([-0.0, 0.0, 6.0, -6.0, 5.0, -5.0, float("inf"), 3.0])
    b = tb.asarray([3.0, -3.0, -3.0, 3.0, -3.0, 3.0, 2.0, float("inf")])
    r = tb.remainder(a, b)
    with np.errstate(invalid="ignore"):
        expected = np.remainder(_np(a), _np(b))
    np.testing.assert_array_equal(_np(r), expected)
    numbers = ~np.isnan(expected)
    assert (np.signbit(_np(r)) == np.signbit(expected))[numbers].all()
    # In place on the graph: the same gradients as the general path's out-of-place copysign.
    x, y = a[2:6].clone().requires_grad_(), b[2:6].clone().requires_grad_()
    x2, y2 = a[2:6].clone().requires_grad_(), b[2:6].clone().requires_grad_()
    tb.remainder(x, y).sum().backward()
    torch.copysign(torch.remainder(x2, y2), y2).sum().backward()
    assert x.grad is not None
    assert y.grad is not None
    assert x2.grad is not None
    assert y2.grad is not None
    assert x.grad.tolist() == x2.grad.tolist()
    assert y.grad.tolist() == y2.grad.tolist()


def _general_clip(x: torch.Tensor, lo: object, hi: object) -> torch.Tensor:
    """clip as before its fast path: Python bounds become 0-d tensors of x's dtype first."""
    return tb.clip(x, _bound(lo, x, "clip"), _bound(hi, x, "clip"))  # type: ignore[arg-type]


@pytest.mark.parametrize("dtype", [tb.int8, tb.uint8, tb.int64, tb.float32, tb.float64], ids=str)
def test_clip_python_bounds_fast_path_is_the_general_path(
    dtype: torch.dtype, data_device: torch.device
) -> None:
    x = _edge_array(dtype, data_device)
    bounds: list[int | float | None] = [None, 0, -0.0, 0.0, 3, -7, 2.5, 127, 300, -1e300, 1e300]
    bounds += [float("nan"), float("inf"), 2**60 + 2**36 + 1, 2**63]
    for lo in bounds:
        for hi in bounds:
            got = _outcome(lambda: tb.clip(x, lo, hi))  # noqa: B023 - called at once
            want = _outcome(lambda: _general_clip(x, lo, hi))  # noqa: B023
            assert got == want, (dtype, lo, hi)


def test_clip_python_bounds() -> None:
    x = tb.asarray([-0.0, 0.0, -5.0, 5.0, float("nan"), 0.5] * 3)
    for lo, hi in [(0.0, None), (None, -0.0), (0, 1), (-1.0, 0.0), (0.2, 0.8), (0.8, 0.2)]:
        np.testing.assert_array_equal(_np(tb.clip(x, lo, hi)), np.clip(_np(x), lo, hi))
    x32 = tb.asarray([1.0, -1.0], dtype=tb.float32)
    assert tb.clip(x32, -1e300, 1e300).tolist() == [1.0, -1.0]  # beyond float32: general path
    assert tb.clip(x32, 2**60 + 2**36 + 1).dtype == tb.float32
    assert tb.clip(x32, float("nan")).isnan().all()
    xi = tb.asarray([1, 100, -100], dtype=tb.int8)
    assert tb.clip(xi, -5, 5).tolist() == [1, 5, -5]
    assert tb.clip(xi, -1000, 50).tolist() == [1, 50, -100]  # saturated by the general path


@pytest.mark.parametrize(
    "name", ["less", "less_equal", "greater", "greater_equal", "equal", "not_equal"]
)
@pytest.mark.parametrize("swap", [False, True])
def test_int64_against_uint64_compares_exactly(name: str, swap: bool) -> None:
    # Promotion goes through float64, which cannot tell 2**63 - 2 from 2**63 - 1; NumPy 2
    # compares these exactly, and so does tbridge.
    a = np.array([2**63 - 2, -5, 0, 2**63 - 1, -(2**63)], np.int64)
    b = np.array([2**63 - 1, 2**64 - 1, 0, 2**63, 3], np.uint64)
    x, y = (b, a) if swap else (a, b)
    expected = [
        bool(getattr(__import__("operator"), op)(int(p), int(q)))
        for p, q in zip(x, y, strict=True)
        for op in [_OPS[name]]
    ]
    got = getattr(tb, name)(tb.asarray(x), tb.asarray(y))
    assert got.dtype == tb.bool
    assert got.tolist() == expected


_OPS = {
    "less": "lt",
    "less_equal": "le",
    "greater": "gt",
    "greater_equal": "ge",
    "equal": "eq",
    "not_equal": "ne",
}


INF, NAN = math.inf, math.nan
# (function, input, the standard's result); None: that part's sign or value is unspecified
COMPLEX_SPECIAL: list[tuple[str, complex, tuple[float | None, float | None]]] = [
    ("acos", complex(0.0, 0.0), (math.pi / 2, -0.0)),
    ("acos", complex(-0.0, 0.0), (math.pi / 2, -0.0)),
    ("acos", complex(0.0, -0.0), (math.pi / 2, 0.0)),
    ("acos", complex(0.5, 0.0), (math.acos(0.5), -0.0)),
    ("acos", complex(0.5, -0.0), (math.acos(0.5), 0.0)),
    ("expm1", complex(INF, 0.0), (INF, 0.0)),
    ("expm1", complex(INF, INF), (None, NAN)),
    ("expm1", complex(INF, NAN), (None, NAN)),
    ("expm1", complex(-INF, INF), (-1.0, None)),
    ("expm1", complex(-INF, NAN), (-1.0, None)),
    ("expm1", complex(NAN, 0.0), (NAN, 0.0)),
    ("expm1", complex(-0.0, 0.0), (0.0, 0.0)),
    ("tanh", complex(INF, 3.0), (1.0, 0.0)),
    ("tanh", complex(INF, -3.0), (1.0, -0.0)),
    ("tanh", complex(-INF, 3.0), (-1.0, 0.0)),
    ("tanh", complex(INF, 1e30), (1.0, 0.0)),
    ("log1p", complex(INF, NAN), (INF, NAN)),
    ("log1p", complex(-INF, NAN), (INF, NAN)),
    ("log1p", complex(2.0, INF), (INF, math.pi / 2)),
    ("log1p", complex(NAN, INF), (INF, NAN)),
    ("log1p", complex(INF, -0.0), (INF, -0.0)),
]


def _same_part(got: float, want: float | None) -> bool:
    if want is None:
        return True
    if math.isnan(want):
        return math.isnan(got)
    if want == 0.0:
        return got == 0.0 and math.copysign(1.0, got) == math.copysign(1.0, want)
    return got == want if math.isinf(want) else math.isclose(got, want, rel_tol=1e-6)


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
@pytest.mark.parametrize(
    ("name", "z", "want"), COMPLEX_SPECIAL, ids=[f"{n}({z})" for n, z, _ in COMPLEX_SPECIAL]
)
def test_complex_special_values_follow_the_standard(
    name: str, z: complex, want: tuple[float | None, float | None], dtype: str
) -> None:
    # Beside finite values, so the fix is element-wise (not a whole-array fallback).
    x = tb.asarray([z, complex(0.3, 0.4)], dtype=dtype)
    got = getattr(tb, name)(x)
    assert got.dtype == x.dtype
    value = complex(got[0].item())
    assert _same_part(value.real, want[0]), value
    assert _same_part(value.imag, want[1]), value
    finite = getattr(np, {"acos": "arccos"}.get(name, name))(np.complex128(complex(0.3, 0.4)))
    assert complex(got[1].item()) == pytest.approx(complex(finite), rel=1e-6)


@pytest.mark.parametrize("name", ["acos", "expm1", "log1p", "tanh"])
def test_complex_fixes_keep_torch_gradients(name: str) -> None:
    # Points on the real axis too: there acos's fix changes the sign of a zero imaginary part,
    # and its gradient must stay torch's (copysign's would be 0 there).
    values = [complex(0.3, 0.5), complex(1.0, -2.0), complex(0.5, 0.0), complex(-0.3, -0.0)]
    x = tb.asarray(values, requires_grad=True)
    (ours,) = torch.autograd.grad(tb.sum(getattr(tb, name)(x)).abs(), x)
    (theirs,) = torch.autograd.grad(torch.sum(getattr(torch, name)(x)).abs(), x)
    torch.testing.assert_close(ours, theirs)
    ours_out = getattr(tb, name)(x)
    (ours,) = torch.autograd.grad((ours_out.real + ours_out.imag).sum(), x)
    theirs_out = getattr(torch, name)(x)
    (theirs,) = torch.autograd.grad((theirs_out.real + theirs_out.imag).sum(), x)
    torch.testing.assert_close(ours, theirs)


NON_FINITE = [
    complex(re, im)
    for re in (INF, -INF, NAN, 2.0)
    for im in (0.0, 0.5, 2.0, INF, NAN)
    if not (math.isfinite(re) and math.isfinite(im))
]


@pytest.mark.parametrize("name", ["acos", "expm1", "log1p", "tanh"])
def test_complex_fixes_keep_conjugate_symmetry(name: str) -> None:
    """f(conj(z)) == conj(f(z)), signed zeros included, at every non-finite input."""
    z = tb.asarray([*NON_FINITE, complex(0.5, 0.0), complex(-0.5, 0.0)])
    direct = tb.conj(getattr(tb, name)(z)).tolist()
    mirrored = getattr(tb, name)(tb.conj(z)).tolist()
    for a, b, src in zip(direct, mirrored, [*NON_FINITE, 0.5, -0.5], strict=True):
        for p, q in ((a.real, b.real), (a.imag, b.imag)):
            assert (math.isnan(p) and math.isnan(q)) or (
                p == q and math.copysign(1.0, p) == math.copysign(1.0, q)
            ), (src, a, b)


def test_complex32_keeps_its_dtype_and_imaginary_part() -> None:
    for name in ("acos", "expm1", "log1p", "sin"):
        with warnings.catch_warnings():
            # torch warns once per process that complex32 is experimental
            warnings.filterwarnings("ignore", "ComplexHalf support is experimental")
            got = getattr(tb, name)(torch.tensor([0.5 + 0.5j], dtype=torch.complex32))
        assert got.dtype == torch.complex32
        want = getattr(np, {"acos": "arccos"}.get(name, name))(np.complex64(0.5 + 0.5j))
        assert complex(got.to(torch.complex64).item()) == pytest.approx(complex(want), rel=2e-3)


def test_complex_expm1_turns_only_zero_input_into_plus_zero() -> None:
    """expm1(±0+0j) is +0+0j by the standard; a -0 real part elsewhere stays, as in NumPy."""
    z = np.array([complex(-0.0, 1e-300), complex(-0.0, 0.0), complex(0.0, 0.0)])
    got = tb.expm1(tb.asarray(z)).tolist()
    expected = [complex(-0.0, 1e-300), complex(0.0, 0.0), complex(0.0, 0.0)]
    assert [math.copysign(1.0, g.real) for g in got] == [
        math.copysign(1.0, e.real) for e in expected
    ]
    assert got == expected
    assert math.copysign(1.0, np.expm1(z[0]).real) == -1.0  # NumPy agrees on the first


# ---- NumPy's calling convention: the input gate, out=, errors --------------------------------

UNARY_NAMES = [
    "abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "bitwise_invert", "ceil", "conj",
    "cos", "cosh", "exp", "expm1", "floor", "imag", "isfinite", "isinf", "isnan", "log", "log1p",
    "log2", "log10", "logical_not", "negative", "positive", "real", "reciprocal", "round",
    "sign", "signbit", "sin", "sinh", "sqrt", "square", "tan", "tanh", "trunc",
]  # fmt: skip
BINARY_NAMES = [
    "add", "atan2", "bitwise_and", "bitwise_left_shift", "bitwise_or", "bitwise_right_shift",
    "bitwise_xor", "copysign", "divide", "equal", "floor_divide", "greater", "greater_equal",
    "hypot", "less", "less_equal", "logaddexp", "logical_and", "logical_or", "logical_xor",
    "maximum", "minimum", "multiply", "nextafter", "not_equal", "pow", "remainder", "subtract",
]  # fmt: skip
INTEGER_ONLY = {"bitwise_invert", "bitwise_and", "bitwise_or", "bitwise_xor"}
INTEGER_ONLY |= {"bitwise_left_shift", "bitwise_right_shift"}


def test_every_elementwise_function_is_covered() -> None:
    assert sorted([*UNARY_NAMES, *BINARY_NAMES, "clip"]) == sorted(elementwise.__all__)


def _operand(name: str, n: int = 3) -> torch.Tensor:
    """A valid operand for ``name``: integers for the bitwise functions, else in (1, 2)."""
    if name in INTEGER_ONLY:
        return tb.asarray([3, 1, 2, 5][:n])
    return tb.asarray([1.25, 1.5, 1.75, 1.1][:n])


def _unary_call(name: str, x: object, **kw: Any) -> torch.Tensor:
    return getattr(tb, name)(x, **kw)  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", UNARY_NAMES)
def test_unary_out_is_written_and_returned(name: str) -> None:
    x = _operand(name)
    want = _unary_call(name, x)
    out = tb.empty(want.shape, dtype=want.dtype)
    assert _unary_call(name, x, out=out) is out
    torch.testing.assert_close(out, want, rtol=0, atol=0, equal_nan=True)


@pytest.mark.parametrize("name", BINARY_NAMES)
def test_binary_out_is_written_and_returned(name: str) -> None:
    x, y = _operand(name), _operand(name).flip(0)
    want = getattr(tb, name)(x, y)
    out = tb.empty(want.shape, dtype=want.dtype)
    assert getattr(tb, name)(x, y, out=out) is out
    torch.testing.assert_close(out, want, rtol=0, atol=0, equal_nan=True)
    assert getattr(tb, name)(x, y, out) is out  # NumPy's positional out


def test_clip_out_is_written_and_returned() -> None:
    out = tb.empty(3)
    assert tb.clip(tb.asarray([-1.0, 0.5, 2.0]), 0, 1, out=out) is out
    assert out.tolist() == [0.0, 0.5, 1.0]


def _call_with_out(name: str, out: torch.Tensor) -> torch.Tensor:
    x = _operand(name)
    if name == "clip":
        return tb.clip(x, 0, 1, out=out)
    if name in BINARY_NAMES:
        return getattr(tb, name)(x, x, out=out)  # type: ignore[no-any-return]
    return _unary_call(name, x, out=out)


ALL_NAMES = [*UNARY_NAMES, *BINARY_NAMES, "clip"]


@pytest.mark.parametrize("name", ALL_NAMES)
def test_out_refusals_name_the_function(name: str) -> None:
    want = _call_with_out(name, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=rf"^{name}: out has shape \(2,\) but the result has"):
        _call_with_out(name, tb.empty(2, dtype=want.dtype))
    with pytest.raises(ValueError, match=rf"^{name}: out is on meta but the result is on cpu"):
        _call_with_out(name, tb.empty(3, dtype=want.dtype, device="meta"))
    if want.dtype != tb.bool:
        with pytest.raises(TypeError, match=rf"^{name}: cannot cast the torch\.\w+ result into"):
            _call_with_out(name, tb.empty(3, dtype=tb.bool))
    leaf = tb.empty(3, dtype=tb.float64, requires_grad=True)
    if want.dtype.is_floating_point:
        with pytest.raises(ValueError, match=rf"^{name}: out is a leaf tensor that requires"):
            _call_with_out(name, leaf)
    with pytest.raises(TypeError, match=rf"^{name}: out must be a torch.Tensor, got list"):
        _call_with_out(name, [0.0, 0.0, 0.0])  # type: ignore[arg-type]


def test_out_with_same_kind_casting_and_on_the_graph() -> None:
    x = tb.asarray([1.0, 2.0], requires_grad=True)
    out = tb.empty(2, dtype=tb.float32)
    assert tb.multiply(x, 3, out=out) is out
    assert out.dtype == tb.float32
    assert out.requires_grad  # copy_ keeps the write on the graph
    (g,) = torch.autograd.grad(out.sum(), x)
    assert g.tolist() == [3.0, 3.0]
    ints = tb.empty(2, dtype=tb.int64)
    assert tb.add(tb.asarray([1, 2], dtype=tb.int8), 1, out=ints).tolist() == [2, 3]


@pytest.mark.parametrize("name", UNARY_NAMES)
@pytest.mark.parametrize("value", [None, "abc", {1: 2}], ids=["None", "str", "dict"])
def test_unary_refuses_non_data_naming_itself(name: str, value: object) -> None:
    with pytest.raises(TypeError, match=rf"^{name}: x must be array data"):
        _unary_call(name, value)


@pytest.mark.parametrize("name", [*BINARY_NAMES, "clip"])
@pytest.mark.parametrize("position", [0, 1])
def test_binary_refuses_non_data_naming_the_argument(name: str, position: int) -> None:
    args: list[Any] = [_operand(name), _operand(name)]
    args[position] = "abc"
    which = ("x", "min")[position] if name == "clip" else ("x1", "x2")[position]
    with pytest.raises(TypeError, match=rf"^{name}: {which} must be array data"):
        getattr(tb, name)(*args)


@pytest.mark.parametrize("name", BINARY_NAMES)
@pytest.mark.parametrize("lists", [False, True])
def test_broadcast_mismatch_names_both_shapes(name: str, lists: bool) -> None:
    x, y = _operand(name, 3), _operand(name, 4)
    args = (x.tolist(), y.tolist()) if lists else (x, y)
    with pytest.raises(
        ValueError,
        match=rf"^{name}: operands could not be broadcast together with shapes \(3,\) \(4,\); ",
    ):
        getattr(tb, name)(*args)


def test_clip_broadcast_mismatch_names_every_shape() -> None:
    with pytest.raises(
        ValueError, match=r"^clip: operands could not be broadcast together with shapes \(3,\) "
    ):
        tb.clip(tb.ones(3), tb.zeros(4), 2.0)


@pytest.mark.parametrize("name", BINARY_NAMES)
def test_operands_on_two_devices_are_named(name: str) -> None:
    x = _operand(name)
    with pytest.raises(
        ValueError, match=rf"^{name}: operands are on different devices, cpu and meta; move"
    ):
        getattr(tb, name)(x, x.to("meta"))


@pytest.mark.parametrize("name", BINARY_NAMES)
@pytest.mark.parametrize(("a", "b"), [(3, 2), (3, 2.5), (2.5, 3), (True, 3)], ids=str)
def test_two_python_scalars_read_as_numpy_reads_them(name: str, a: object, b: object) -> None:
    if name in INTEGER_ONLY and (isinstance(a, float) or isinstance(b, float)):
        pytest.skip("no bits in floats")
    expected = getattr(np2, name)(a, b)
    assert_matches_numpy(getattr(tb, name)(a, b), expected)


@pytest.mark.parametrize("name", UNARY_NAMES)
@pytest.mark.parametrize("value", [2, 0.5, [1, 2]], ids=str)
def test_a_python_scalar_or_list_standing_alone_is_an_array(name: str, value: object) -> None:
    if name in INTEGER_ONLY and not isinstance(value, (int, list)):
        pytest.skip("no bits in floats")
    if name == "reciprocal" and not isinstance(value, float):
        pytest.skip("integers: the standard's floating reciprocal, not NumPy's truncating one")
    with np.errstate(all="ignore"):
        expected = getattr(np2, name)(value)
    assert_matches_numpy(_unary_call(name, value), expected)


@pytest.mark.parametrize("name", [n for n in BINARY_NAMES if n not in ("atan2", "copysign")])
@pytest.mark.parametrize("dtype", ["int8", "uint8", "float32"])
def test_a_python_scalar_beside_an_array_stays_weak(name: str, dtype: str) -> None:
    if name in INTEGER_ONLY and dtype == "float32":
        pytest.skip("no bits in floats")
    if name in ("hypot", "logaddexp", "nextafter") and dtype != "float32":
        pytest.skip("floating results from integers: NumPy picks float16/float32")
    if name == "divide" and dtype != "float32":
        pytest.skip("integer division: NumPy's loop is float64 as tbridge's default")
    a = np.array([1, 2, 3], dtype=dtype)
    for args in ((a, 1), (1, a)):
        with np.errstate(all="ignore"):
            expected = getattr(np2, name)(*args)
        got = getattr(tb, name)(*(tb.asarray(v) if v is a else v for v in args))
        assert_matches_numpy(got, expected)


@pytest.mark.parametrize(
    "bounds",
    [([0, 1, 2], 5), (np.array([0.5]), [2.0, 2.0, 1.0]), ([[0.0], [1.0]], None), (None, (1, 2, 3))],
    ids=["list", "ndarray", "2-d", "tuple"],
)
def test_clip_takes_array_like_bounds_as_numpy(bounds: tuple[Any, Any]) -> None:
    x = np.array([-1.0, 0.75, 7.0])
    lo, hi = bounds
    expected = np.clip(x, lo, hi)
    assert_matches_numpy(tb.clip(tb.asarray(x), lo, hi), expected)
    assert_matches_numpy(tb.clip(x.tolist(), lo, hi), expected)


@pytest.mark.parametrize(
    "bounds",
    [{"a_min": 0.0, "a_max": 1.0}, {"a_min": [0.0, 0.5, 1.0], "a_max": None}, {"a_max": 0.5}],
    ids=["both", "array-lower", "upper-only"],
)
def test_clip_takes_numpys_older_names_of_the_bounds(bounds: dict[str, Any]) -> None:
    """NumPy 2 wants a_min whenever a_max is passed by name; tbridge takes either alone."""
    x = np.array([-1.0, 0.75, 7.0])
    expected = np.clip(x, bounds.get("a_min"), bounds.get("a_max"))
    assert_matches_numpy(tb.clip(tb.asarray(x), **bounds), expected)


@pytest.mark.parametrize(
    ("bounds", "name"), [({"min": 0, "a_min": 1}, "min"), ({"max": 0, "a_max": 1}, "max")]
)
def test_clip_refuses_a_bound_under_both_names(bounds: dict[str, Any], name: str) -> None:
    with pytest.raises(TypeError, match=rf"^clip: the bound {name} was passed twice.*a_{name}"):
        tb.clip(tb.asarray([1.0, 2.0]), **bounds)


def test_clip_array_bounds_saturate_and_refuse_a_higher_kind() -> None:
    a = np.array([1, 100, -100], dtype=np.int8)
    got = tb.clip(tb.asarray(a), tb.asarray([-1000, 50, -50]), 300)
    assert got.dtype == tb.int8  # the standard's rule; NumPy promotes to int64
    assert got.tolist() == np.clip(a, np.array([-1000, 50, -50]), 300).tolist()
    big = np.array([2**63 + 5, 1], dtype=np.uint64)
    out = tb.clip(tb.asarray(np.array([3, 3], dtype=np.int8)), None, big)
    assert out.tolist() == [3, 1]
    with pytest.raises(
        TypeError,
        match=r"^clip: min has dtype torch.float64, of a higher kind than x's torch.int64; "
        r"the result keeps x's dtype",
    ):
        tb.clip(tb.asarray([1, 2]), [0.5], 3)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.subtract(tb.asarray([True]), tb.asarray([False])),
            TypeError,
            r"^subtract: bool arrays cannot be subtracted \(NumPy refuses too\); use tb.logical_xor",
        ),
        (
            lambda: tb.floor_divide(tb.asarray([True]), tb.asarray([True])),
            TypeError,
            r"^floor_divide: not supported for these operands \(torch.bool\)",
        ),
        (
            lambda: tb.remainder(tb.asarray([1j]), tb.asarray([1j])),
            TypeError,
            r"^remainder: not supported for these operands \(torch.complex128\)",
        ),
        (
            lambda: tb.maximum(tb.asarray([1j]), tb.asarray([1j])),
            TypeError,
            r"^maximum: complex numbers have no order, got operands \(torch.complex128\); "
            r"compare the real parts or the magnitudes instead",
        ),
        (
            lambda: tb.less(tb.asarray([1j]), tb.asarray([1j])),
            TypeError,
            r"^less: complex numbers have no order, got operands \(torch.complex128\)",
        ),
        (
            lambda: tb.pow(tb.asarray([2, 3]), tb.asarray([1, -1])),
            ValueError,
            r"^pow: integers to negative integer powers are not allowed \(NumPy's rule\)",
        ),
        (
            lambda: tb.pow(tb.asarray([True]), tb.asarray([True])),
            TypeError,
            r"^pow: not supported for these operands \(torch.bool\)",
        ),
        (
            lambda: tb.bitwise_or(tb.asarray([1j]), 1),
            TypeError,
            r"^bitwise_or: torch.complex128 has no bits; pass integer or bool arrays",
        ),
        (
            lambda: tb.greater_equal(tb.asarray([1.5]), 1j),
            TypeError,
            r"^greater_equal: complex numbers have no order, got operands \(torch.float64, "
            r"complex\)",
        ),
        (
            lambda: tb.minimum(np.array([1j]), tb.asarray([2.0])),
            TypeError,
            r"^minimum: complex numbers have no order, got operands \(complex128, torch.float64\)",
        ),
        (
            lambda: tb.hypot(tb.asarray([1j]), 1.0),
            TypeError,
            r"^hypot: complex input is not supported; pass real arrays",
        ),
        (
            lambda: tb.ceil(tb.asarray([1j])),
            TypeError,
            r"^ceil: complex input has no ceil; pass a real array",
        ),
        (
            lambda: tb.signbit(tb.asarray([1j])),
            TypeError,
            r"^signbit: complex input has no sign bit; pass a real array",
        ),
        (
            lambda: tb.positive(tb.asarray([True])),
            TypeError,
            r"^positive: a bool array is not numeric; cast it first",
        ),
        (
            lambda: tb.sign(tb.asarray([True])),
            TypeError,
            r"^sign: a bool array is not numeric; cast it first",
        ),
        (
            lambda: tb.sqrt(True),
            TypeError,
            r"^sqrt: a bool array has no floating meaning; cast it first",
        ),
        (
            lambda: tb.bitwise_invert(tb.asarray([1j])),
            TypeError,
            r"^bitwise_invert: torch.complex128 has no bits to invert",
        ),
        (
            lambda: tb.clip(tb.asarray([1.0]), tb.asarray([1j])),
            TypeError,
            r"^clip: complex arrays and bounds have no order",
        ),
        (
            lambda: tb.round(tb.asarray([1.0]), decimals="1"),  # type: ignore[arg-type]
            TypeError,
            r"^round: decimals must be an integer, got str '1'",
        ),
    ],
)
def test_bool_and_complex_where_not_allowed(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("name", BINARY_NAMES)
def test_binary_functions_are_made_by_one_factory_with_their_own_names(name: str) -> None:
    fn = getattr(tb, name)
    assert inspect.isfunction(fn)
    assert fn.__name__ == name
    assert fn.__qualname__ == name
    assert fn.__module__ == "tbridge._namespace.elementwise"
    assert fn.__doc__ is not None
    assert ">>> tb." in fn.__doc__
    assert list(inspect.signature(fn).parameters) == ["x1", "x2", "out", "where", "dtype"]


@pytest.mark.parametrize(
    ("name", "dtype"), [("floor_divide", tb.int64), ("remainder", tb.int8), ("divide", tb.int64)]
)
def test_division_special_cases_keep_their_fast_path_answers(name: str, dtype: torch.dtype) -> None:
    a = np.array([7, -7, 6, -6], dtype=np.int64).astype(tb.to_numpy(tb.empty(0, dtype=dtype)).dtype)
    b = np.array([2, 2, -4, -4], dtype=a.dtype)
    assert_matches_numpy(getattr(tb, name)(tb.asarray(a), tb.asarray(b)), getattr(np, name)(a, b))


def test_out_of_the_result_dtype_and_shape_is_written_by_torch_itself() -> None:
    x, y = tb.asarray([1.0, 2.0, 3.0]), tb.asarray([4.0, 5.0, 6.0])
    assert tb.add(x, y, out=x) is x  # in place, as numpy.add(x, y, out=x)
    assert x.tolist() == [5.0, 7.0, 9.0]
    view = tb.zeros(3, 2)[:, 0]  # strided out: written through
    assert tb.multiply(x, 2.0 * tb.ones(3), out=view) is view
    assert view.tolist() == [10.0, 14.0, 18.0]


def test_out_with_operands_on_the_autograd_graph() -> None:
    x = tb.asarray([1.0, 2.0], requires_grad=True)
    out = tb.empty(2)
    assert tb.multiply(x, tb.asarray([3.0, 4.0]), out=out) is out  # torch's out= refuses: copied
    (g,) = torch.autograd.grad(out.sum(), x)
    assert g.tolist() == [3.0, 4.0]
    with pytest.raises(ValueError, match=r"^maximum: out is a leaf tensor that requires grad"):
        tb.maximum(x, x, out=tb.empty(2, requires_grad=True))
