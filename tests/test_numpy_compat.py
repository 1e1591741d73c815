"""The NumPy 2 stand-ins of ``tests/_numpy_compat.py`` against NumPy 2's own functions.

On NumPy 1.x the suite's oracle is ``_numpy_compat.EMULATED``; these tests, which need NumPy 2 to
compare with, are what makes it trustworthy there. Each case checks dtype, shape and values.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
import pytest

from tests._numpy_compat import EMULATED, NUMPY_MAJOR, fft_result_dtype, np2

needs_numpy2 = pytest.mark.skipif(NUMPY_MAJOR < 2, reason="compares with NumPy 2's functions")

RNG = np.random.default_rng(1)
INTEGERS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOATS = ["float16", "float32", "float64", "complex64", "complex128"]
REAL = ["bool", *INTEGERS, "float16", "float32", "float64"]


def _same(got: Any, want: Any, rtol: float = 0.0) -> None:
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype
    assert got.shape == want.shape
    if rtol and want.dtype.kind in "fc":
        np.testing.assert_allclose(got, want, rtol=rtol, atol=rtol, equal_nan=True)
    else:
        np.testing.assert_array_equal(got, want)


def test_np2_is_numpy_itself_on_numpy_2() -> None:
    if NUMPY_MAJOR >= 2:
        assert np2 is np
    else:
        assert np2 is EMULATED
        assert np2.linalg.det is np.linalg.det  # anything not emulated is NumPy's own
    assert EMULATED.fft.fftfreq is np.fft.fftfreq
    assert EMULATED.atan2(np.float32(1), np.float32(1)).dtype == np.float32


# ==== element-wise ==============================================================================


def _values(dtype: str, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    """Small values, and the largest for integers (where int64 and uint64 meet)."""
    if dtype == "bool":
        return RNG.integers(0, 2, size=shape).astype(bool)
    if dtype in INTEGERS:
        top = int(np.iinfo(dtype).max)
        pool = np.array([0, 1, 7, top, top - 1], dtype=dtype)
        return RNG.choice(pool, size=shape)
    return RNG.integers(-3, 4, size=shape).astype(dtype) / 2


BINARY = ["add", "subtract", "multiply", "maximum", "minimum", "less", "equal", "greater_equal"]


@needs_numpy2
@pytest.mark.parametrize("name", BINARY)
def test_binary_promotes_as_numpy2(name: str) -> None:
    for d1, d2 in itertools.product(REAL, repeat=2):
        if name == "subtract" and "bool" in (d1, d2):
            continue  # NumPy refuses boolean subtraction
        a, b = _values(d1, (5,)), _values(d2, ())  # a 0-d operand: no value-based casting
        with np.errstate(all="ignore"):
            _same(getattr(EMULATED, name)(a, b), getattr(np, name)(a, b))
            _same(getattr(EMULATED, name)(b, a), getattr(np, name)(b, a))


@needs_numpy2
def test_int64_uint64_comparisons_are_exact() -> None:
    a = np.array([2**62, 2**63 - 1, 2**63 - 2, -1], dtype=np.int64)
    b = np.array(2**63 - 2, dtype=np.uint64)
    for name in ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]:
        _same(getattr(EMULATED, name)(a, b), getattr(np, name)(a, b))
        _same(getattr(EMULATED, name)(b, a), getattr(np, name)(b, a))


@needs_numpy2
@pytest.mark.parametrize("name", ["atan2", "pow", "bitwise_left_shift", "bitwise_right_shift"])
def test_numpy2_names(name: str) -> None:
    dtypes = INTEGERS if name.startswith("bitwise") else [*INTEGERS, "float32", "float64"]
    for dtype in dtypes:
        if name == "atan2" and dtype in INTEGERS:
            continue
        a = np.array([0, 1, 3, 5], dtype=dtype)
        b = np.array([2, 3, 1, 4], dtype=dtype)
        with np.errstate(all="ignore"):
            _same(getattr(EMULATED, name)(a, b), getattr(np, name)(a, b), rtol=1e-6)


@needs_numpy2
@pytest.mark.parametrize("name", ["floor", "ceil", "trunc", "abs", "sign", "round", "negative"])
def test_unary(name: str) -> None:
    for dtype in REAL:
        if name in ("negative", "sign") and dtype == "bool":
            continue  # NumPy refuses these for bool
        for shape in [(), (4,)]:
            x = _values(dtype, shape)
            with np.errstate(all="ignore"):
                _same(getattr(EMULATED, name)(x), getattr(np, name)(x))


@needs_numpy2
def test_result_type_and_concatenate() -> None:
    for d1, d2 in itertools.product([*REAL, "complex64"], repeat=2):
        a, b = _values(d1, (2, 3)) if d1 != "complex64" else np.ones((2, 3), d1), np.zeros((), d2)
        assert EMULATED.result_type(a, b) == np.result_type(a, b)
        assert EMULATED.result_type(b, np.float32(1)) == np.result_type(b, np.float32(1))
        _same(EMULATED.concatenate([a, b], axis=None), np.concatenate([a, b], axis=None))


# ==== linalg ====================================================================================


def _data(dtype: str, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    if dtype == "bool":
        return RNG.integers(0, 2, size=shape).astype(bool)
    if dtype in INTEGERS:
        info = np.iinfo(dtype)
        return RNG.integers(int(info.min), int(info.max), size=shape, dtype=dtype, endpoint=True)
    values = RNG.standard_normal(shape)
    if dtype.startswith("complex"):
        values = values + 1j * RNG.standard_normal(shape)
    return values.astype(dtype)


def _tol(x: Any) -> float:
    return 1e-4 if np.asarray(x).dtype in (np.float32, np.complex64) else 1e-10


CONTRACTABLE = ["bool", *INTEGERS, "float32", "float64", "complex64", "complex128"]


@needs_numpy2
@pytest.mark.parametrize(
    ("s1", "s2", "axis"),
    [
        ((2, 3), (2, 3), -1),
        ((4, 1, 3), (5, 3), -1),
        ((3, 2), (3, 2), -2),
        ((3,), (2, 3), -1),
        ((2, 3, 4), (4, 3), 1),
        ((5,), (5,), 0),
    ],
    ids=str,
)
def test_vecdot(s1: tuple[int, ...], s2: tuple[int, ...], axis: int) -> None:
    for dtype in CONTRACTABLE:
        a, b = _data(dtype, s1), _data(dtype, s2)
        want = np.linalg.vecdot(a, b, axis=axis)  # type: ignore[call-overload]
        _same(EMULATED.linalg.vecdot(a, b, axis=axis), want, rtol=_tol(want))
    a, b = _data("uint16", s1), _data("int8", s2)
    want = np.linalg.vecdot(a, b, axis=axis)  # type: ignore[call-overload]
    _same(EMULATED.linalg.vecdot(a, b, axis=axis), want)


@needs_numpy2
@pytest.mark.parametrize("dtype", ["float32", "complex128", "float64"])
@pytest.mark.parametrize("keepdims", [False, True])
def test_norms(dtype: str, keepdims: bool) -> None:
    a = _data(dtype, (2, 3, 4))
    orders: list[Any] = ["fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf, None]
    for order in orders:
        want = np.linalg.matrix_norm(a, ord=order, keepdims=keepdims)
        _same(EMULATED.linalg.matrix_norm(a, ord=order, keepdims=keepdims), want, _tol(want))
    axes: list[Any] = [None, 0, -1, (0, 2), (2, 0, 1), (), (-1,)]
    for order, axis in itertools.product([2, 1, 0, math.inf, -math.inf, -1, -2, 3.5, 0.5], axes):
        with np.errstate(divide="ignore"):
            want = np.linalg.vector_norm(a, ord=order, axis=axis, keepdims=keepdims)
            got = EMULATED.linalg.vector_norm(a, ord=order, axis=axis, keepdims=keepdims)
        _same(got, want, _tol(want))


@needs_numpy2
def test_matrix_functions() -> None:
    for dtype in CONTRACTABLE:
        a = _data(dtype, (2, 3, 4))
        _same(EMULATED.linalg.matrix_transpose(a), np.linalg.matrix_transpose(a))
        for offset in [0, 1, -2, 7]:
            _same(EMULATED.linalg.diagonal(a, offset=offset), np.linalg.diagonal(a, offset=offset))
            if dtype != "bool":
                want = np.linalg.trace(a, offset=offset)
                _same(EMULATED.linalg.trace(a, offset=offset), want, _tol(want))
        for other in ["uint8", "int64", "float32"]:
            x, y = _data(dtype, (3,)), _data(other, (4,))
            _same(EMULATED.linalg.outer(x, y), np.linalg.outer(x, y), rtol=1e-6)
        if dtype == "bool":
            continue
        for out in ["int16", "uint64", "float64", "complex128"]:
            if np.can_cast(dtype, out, casting="same_kind"):
                want = np.linalg.trace(a, dtype=out)
                _same(EMULATED.linalg.trace(a, dtype=out), want, _tol(want))
        for s1, s2, axis in [((3,), (3,), -1), ((4, 1, 3), (5, 3), -1), ((3, 2), (3, 2), -2)]:
            x, y = _data(dtype, s1), _data(dtype, s2)
            want = np.linalg.cross(x, y, axis=axis)
            _same(EMULATED.linalg.cross(x, y, axis=axis), want, _tol(want))


def _spd(dtype: str, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    a = _data(dtype, shape)
    return (a @ np.conj(np.swapaxes(a, -1, -2)) + 3 * np.eye(shape[-1])).astype(dtype)


@needs_numpy2
def test_decompositions_with_numpy2_keywords() -> None:
    for dtype in ["float32", "float64", "complex64", "complex128"]:
        a = _spd(dtype, (2, 3, 3))
        for upper in [False, True]:
            want = np.linalg.cholesky(a, upper=upper)
            _same(EMULATED.linalg.cholesky(a, upper=upper), want, _tol(want))
    a = np.broadcast_to(np.diag([3.0, 1.0, 0.1]), (2, 3, 3)).copy()
    rtols: list[Any] = [None, 0.3, 1, np.array([0.01, 0.5])]
    for rtol in rtols:
        _same(EMULATED.linalg.matrix_rank(a, rtol=rtol), np.linalg.matrix_rank(a, rtol=rtol))
        want = np.linalg.pinv(a, rtol=rtol)
        _same(EMULATED.linalg.pinv(a, rtol=rtol), want, 1e-10)
    _same(EMULATED.linalg.pinv(a), np.linalg.pinv(a), 1e-10)


@needs_numpy2
@pytest.mark.parametrize(
    ("s1", "s2"),
    [
        ((3, 3), (3,)),
        ((3, 3), (3, 2)),
        ((2, 3, 3), (3,)),
        ((2, 3, 3), (2, 3, 4)),
        ((2, 3, 3), (3, 1)),
        ((3, 3, 3), (3, 3)),
        ((2, 1, 3, 3), (4, 3, 2)),
    ],
    ids=str,
)
def test_solve_reads_b_as_numpy2(s1: tuple[int, ...], s2: tuple[int, ...]) -> None:
    for d1, d2 in [("float64", "float64"), ("float32", "complex64"), ("float32", "float32")]:
        a, b = _spd(d1, s1), _data(d2, s2)
        want = np.linalg.solve(a, b)
        _same(EMULATED.linalg.solve(a, b), want, _tol(want))


# ==== fft =======================================================================================

FFT_INPUT = ["float16", "float32", "float64", "complex64", "complex128", "int32", "uint16", "bool"]
REAL_ONLY = {"rfft", "ihfft", "rfftn"}


@needs_numpy2
@pytest.mark.parametrize("name", ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"])
@pytest.mark.parametrize(
    "kwargs",
    [{}, {"n": 5, "axis": 0, "norm": "ortho"}, {"n": 9, "axis": -1, "norm": "forward"}],
    ids=str,
)
def test_one_dimensional_fft(name: str, kwargs: dict[str, Any]) -> None:
    for dtype in FFT_INPUT:
        if name in REAL_ONLY and dtype.startswith("complex"):
            continue
        a = RNG.integers(0, 5, size=(4, 6)).astype(dtype)
        want = getattr(np.fft, name)(a, **kwargs)
        tol = 2e-3 if dtype == "float16" else 1e-5
        _same(getattr(EMULATED.fft, name)(a, **kwargs), want, tol)


@needs_numpy2
@pytest.mark.parametrize("name", ["fftn", "ifftn", "rfftn", "irfftn"])
@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"axes": [0], "norm": "ortho"},
        {"s": (3, 7), "axes": (1, 0), "norm": "forward"},
        {"s": (-1, 8), "axes": (0, 1)},
        {"s": (5, -1), "axes": (0, 2)},
    ],
    ids=str,
)
def test_n_dimensional_fft(name: str, kwargs: dict[str, Any]) -> None:
    for dtype in FFT_INPUT:
        if name in REAL_ONLY and dtype.startswith("complex"):
            continue
        a = RNG.integers(0, 5, size=(3, 4, 6)).astype(dtype)
        want = getattr(np.fft, name)(a, **kwargs)
        tol = 2e-3 if dtype == "float16" else 1e-5
        _same(getattr(EMULATED.fft, name)(a, **kwargs), want, tol)


def test_fft_result_dtype_is_documented() -> None:
    cases: list[tuple[str, str, int, str]] = [
        ("fft", "float16", 1, "complex64"),
        ("irfft", "float16", 1, "float16"),
        ("irfftn", "float16", 1, "float16"),
        ("irfftn", "float16", 2, "float32"),
        ("rfft", "int8", 1, "complex128"),
        ("hfft", "complex64", 1, "float32"),
        ("ifftn", "complex128", 3, "complex128"),
    ]
    for name, dtype, axes, want in cases:
        assert fft_result_dtype(name, dtype, axes) == np.dtype(want)
