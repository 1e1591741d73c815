"""NumPy's element-wise names beyond the standard, held to NumPy itself.

Every new name runs the same call through NumPy and tbridge over a grid of dtypes x shapes (0-d
and empty included) with NumPy's special values; aliases are checked to be the standard's
function objects; the binary functions' ufunc methods (``reduce``, ``accumulate``, ``outer``,
``at``, ``reduceat``) are checked against NumPy's; ``out=`` and bad input have pinned messages.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tests._helpers import NUMPY2, assert_matches_numpy, needs_numpy2
from tests._numpy_compat import np2

ALIASES = {
    "absolute": "abs",
    "arccos": "acos",
    "arccosh": "acosh",
    "arcsin": "asin",
    "arcsinh": "asinh",
    "arctan": "atan",
    "arctan2": "atan2",
    "arctanh": "atanh",
    "around": "round",
    "bitwise_not": "bitwise_invert",
    "conjugate": "conj",
    "invert": "bitwise_invert",
    "left_shift": "bitwise_left_shift",
    "mod": "remainder",
    "power": "pow",
    "right_shift": "bitwise_right_shift",
    "true_divide": "divide",
}


@pytest.mark.parametrize(("numpy_name", "standard_name"), sorted(ALIASES.items()))
def test_numpy_spelling_is_the_standard_function_itself(
    numpy_name: str, standard_name: str
) -> None:
    assert getattr(tb, numpy_name) is getattr(tb, standard_name)
    assert numpy_name in tb.__all__


# ---- data: every dtype's special values, in every shape --------------------------------------

SHAPES = [(), (0,), (7,), (2, 3)]
_FLOATS = [0.5, -2.5, 0.0, -0.0, 1.5, math.inf, -math.inf, math.nan, 3.25, -7.0, 100.0, 1e-3]
_FINITE = [0.5, -2.5, 0.0, -0.0, 1.5, 0.25, -0.75, 3.25, -7.0, 2.0, 1e-3, -1.25]
_INTS = [0, 1, -3, 7, -8, 2, 5, -1, 12, 3, -6, 9]
_COMPLEX = [complex(a, b) for a, b in zip(_FINITE, reversed(_FINITE), strict=True)]


def _data(dtype: str, shape: tuple[int, ...], *, finite: bool = False) -> np.ndarray[Any, Any]:
    """Deterministic NumPy data of ``dtype`` and ``shape`` (special values for floats)."""
    kind = np.dtype(dtype).kind
    if kind == "b":
        pool: list[Any] = [True, False, False, True, True]
    elif kind == "c":
        pool = _COMPLEX if finite else [*_COMPLEX, complex(math.inf, 1), complex(math.nan, 0)]
    elif kind == "f":
        pool = _FINITE if finite else _FLOATS
    elif kind == "u":
        pool = [abs(v) for v in _INTS]
    else:
        pool = _INTS
    return np.resize(np.array(pool, dtype=dtype), shape)


def _numpy(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with np.errstate(all="ignore"):
        return fn(*args, **kwargs)


# ---- unary functions -------------------------------------------------------------------------

FLOATS = ["float16", "float32", "float64"]
#: name -> (dtypes to check against NumPy, finite data only)
UNARY: dict[str, tuple[list[str], bool]] = {
    "rint": ([*FLOATS, "int32", "int64", "complex64", "complex128"], False),
    "fix": ([*FLOATS, "int8", "int64", "bool"], False),
    "degrees": ([*FLOATS, "int32", "int64"], False),
    "radians": ([*FLOATS, "int64"], False),
    "deg2rad": ([*FLOATS, "int64"], False),
    "rad2deg": ([*FLOATS, "int64"], False),
    "sinc": ([*FLOATS, "int64", "complex128"], True),
    "exp2": ([*FLOATS, "int64", "complex128"], True),
    "cbrt": ([*FLOATS, "int64"], False),
    "fabs": ([*FLOATS, "int64"], False),
    "spacing": ([*FLOATS, "int64"], False),
    "i0": (["float32", "float64", "int64"], True),
    "isneginf": ([*FLOATS, "int64", "bool"], False),
    "isposinf": ([*FLOATS, "int64", "bool"], False),
    "isreal": ([*FLOATS, "int64", "complex64", "complex128", "bool"], False),
    "iscomplex": ([*FLOATS, "int64", "complex64", "complex128", "bool"], False),
    "angle": ([*FLOATS, "int64", "complex64", "complex128", "bool"], False),
    "nan_to_num": ([*FLOATS, "int64", "complex64", "complex128", "bool"], False),
}
UNARY_CASES = [
    (name, dtype, shape)
    for name, (dtypes, _) in UNARY.items()
    for dtype in dtypes
    for shape in SHAPES
]
#: NumPy's own answer, where the NumPy function differs in a way tbridge documents.
ORACLE: dict[str, Callable[..., Any]] = {
    # NumPy 1.x floors integers to float64 here; NumPy 2 keeps them, as tbridge does
    "fix": lambda a: np.fix(a) if a.dtype.kind in "fc" else np2.trunc(a),
}


@pytest.mark.parametrize(("name", "dtype", "shape"), UNARY_CASES, ids=str)
def test_unary_matches_numpy(name: str, dtype: str, shape: tuple[int, ...]) -> None:
    if not NUMPY2 and name in ("sinc", "angle") and dtype in ("float16", "float32"):
        pytest.skip("the oracle is NumPy 2: NEP 50 keeps a Python float constant beside float16/32")
    a = _data(dtype, shape, finite=UNARY[name][1])
    if name == "spacing" and dtype == "float16":
        # NumPy's float16 loop measures negative input toward zero and returns it positive
        # (its float32/float64 loops, and tbridge for every dtype, go away from zero, signed)
        a = np.abs(a)
    expected = _numpy(ORACLE.get(name, getattr(np, name)), a)
    got = getattr(tb, name)(tb.asarray(a))
    if name == "i0" and dtype == "float32":
        expected = expected.astype(np.float32)  # (NumPy 1.x computes i0 of float32 in float64)
    assert_matches_numpy(got, expected, rtol=1e-3 if dtype == "float16" else None)


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_takes_python_data_through_the_gate(name: str) -> None:
    values = [0.5, -2.0, 3.0]
    assert_matches_numpy(getattr(tb, name)(values), _numpy(getattr(np, name), values))
    assert_matches_numpy(getattr(tb, name)(2.5), _numpy(getattr(np, name), np.float64(2.5)))


@pytest.mark.parametrize("deg", [False, True])
def test_angle_in_degrees(deg: bool) -> None:
    z = _data("complex128", (7,))
    assert_matches_numpy(tb.angle(tb.asarray(z), deg=deg), np.angle(z, deg=deg))


@pytest.mark.parametrize("dtype", [*FLOATS, "complex128"])
@pytest.mark.parametrize(
    "kwargs", [{}, {"nan": 7.0}, {"posinf": 1.0, "neginf": -2.0}, {"nan": 1.0, "posinf": 3.0}]
)
def test_nan_to_num_replacements(dtype: str, kwargs: dict[str, float]) -> None:
    a = _data(dtype, (12,))
    assert_matches_numpy(tb.nan_to_num(tb.asarray(a), **kwargs), np.nan_to_num(a, **kwargs))


def test_nan_to_num_copy_false_changes_the_input() -> None:
    t = tb.asarray([math.nan, math.inf, 1.0])
    same = tb.nan_to_num(t, copy=False)
    assert same is t
    assert t.tolist() == [0.0, float(np.finfo(np.float64).max), 1.0]
    a = np.array([math.nan, 2.0])
    tb.nan_to_num(a, copy=False)  # NumPy data is shared by the gate, so it changes too
    assert a.tolist() == [0.0, 2.0]
    fresh = tb.asarray([math.nan])
    assert tb.nan_to_num(fresh) is not fresh
    assert math.isnan(fresh.item())


@pytest.mark.parametrize(
    ("values", "tol"),
    [
        ([1 + 1e-15j, 2 - 1e-16j], 100),
        ([1 + 1e-10j, 2 + 0j], 100),
        ([1 + 1e-10j, 2 + 0j], 1e-9),
        ([1 + 0j], 1),
        ([1.0, 2.0], 100),
    ],
)
def test_real_if_close_matches_numpy(values: list[complex], tol: float) -> None:
    a = np.array(values)
    got = tb.real_if_close(tb.asarray(a), tol=tol)
    assert_matches_numpy(got, np.real_if_close(a, tol=tol))


def test_real_if_close_of_real_input_is_the_input() -> None:
    t = tb.asarray([1.0])
    assert tb.real_if_close(t) is t


@pytest.mark.parametrize("dtype", [*FLOATS, "int64"])
@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("name", ["modf", "frexp"])
def test_two_result_unary_matches_numpy(name: str, dtype: str, shape: tuple[int, ...]) -> None:
    a = _data(dtype, shape)
    got = getattr(tb, name)(tb.asarray(a))
    expected = _numpy(getattr(np, name), a)
    assert isinstance(got, tuple)
    assert len(got) == 2
    for g, e in zip(got, expected, strict=True):
        assert_matches_numpy(g, e)
    if name == "modf" and a.dtype.kind == "f":  # signs of zero parts, as C's modf
        np.testing.assert_array_equal(np.signbit(tb.to_numpy(got[0])), np.signbit(expected[0]))


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "int64"])
@pytest.mark.parametrize(
    "period", [2 * math.pi, 3.0, 5], ids=["2pi", "3.0", "5"]
)  # (an int period keeps integer phases integer)
@pytest.mark.parametrize("discont", [None, 4.0])
def test_unwrap_matches_numpy(dtype: str, period: float, discont: float | None) -> None:
    p = np.cumsum(np.resize(np.array([0.5, 2.9, -3.5, 6.1, 0.2], dtype=dtype), (2, 7)), axis=1)
    p = p.astype(dtype)
    for axis in (-1, 0):
        got = tb.unwrap(tb.asarray(p), discont=discont, axis=axis, period=period)
        expected = np.unwrap(p, discont=discont, axis=axis, period=period)
        assert_matches_numpy(got, expected, rtol=2e-3 if dtype == "float16" else None)


def test_unwrap_of_short_axes_is_a_copy() -> None:
    p = tb.asarray([[1.0], [2.0]])
    out = tb.unwrap(p)
    assert_matches_numpy(out, np.unwrap(np.array([[1.0], [2.0]])))
    assert out.data_ptr() != p.data_ptr()


@pytest.mark.parametrize("decimals", [-2, -1, 0, 1, 2, 5])
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "int32", "int64", "complex128"])
def test_round_and_around_with_decimals(dtype: str, decimals: int) -> None:
    if not NUMPY2 and dtype == "float16" and decimals == 5:
        pytest.skip("the oracle is NumPy 2: NEP 50 scales float16 by 10**5 in float16 (inf)")
    base = [1.25, 2.675, -0.5, 15.0, 25.0, -35.0, 1234.5678, 0.0, -0.0]
    if np.dtype(dtype).kind in "iu":
        base = [15, 25, -15, 1234, 0, 7, -99, 150, 250]
    a = np.array(base, dtype=dtype)
    expected = _numpy(np.round, a, decimals)
    for fn in (tb.round, tb.around):
        got = fn(tb.asarray(a), decimals=decimals)
        assert_matches_numpy(got, expected, rtol=1e-3 if dtype == "float16" else 0.0)
    assert_matches_numpy(tb.round(tb.asarray(a), decimals), _numpy(np.around, a, decimals))


def test_round_decimals_must_be_an_integer() -> None:
    with pytest.raises(TypeError, match=r"round: decimals must be an integer, got float 1.5"):
        tb.round(tb.asarray([1.0]), 1.5)  # type: ignore[arg-type]


# ---- binary functions ------------------------------------------------------------------------

#: name -> (dtypes to check against NumPy, the divisor must not be 0, finite data only)
BINARY: dict[str, tuple[list[str], bool, bool]] = {
    "fmax": ([*FLOATS, "int8", "int64", "bool"], False, False),
    "fmin": ([*FLOATS, "int8", "int64", "bool"], False, False),
    "fmod": ([*FLOATS, "int8", "int64"], True, False),
    "heaviside": ([*FLOATS, "int64"], False, False),
    "gcd": (["int8", "int16", "int32", "int64", "uint8"], False, False),
    "lcm": (["int8", "int16", "int32", "int64", "uint8"], False, False),
    "logaddexp2": ([*FLOATS, "int64"], False, False),
    "float_power": (["float32", "float64", "int64", "complex128", "bool"], False, True),
}
SHAPE_PAIRS = [((), ()), ((0,), (0,)), ((7,), (7,)), ((2, 3), (3,)), ((2, 1), (1, 3)), ((), (2, 3))]
BINARY_CASES = [
    (name, dtype, s1, s2)
    for name, (dtypes, _, _) in BINARY.items()
    for dtype in dtypes
    for s1, s2 in SHAPE_PAIRS
]


def _pair(
    dtype: str, s1: tuple[int, ...], s2: tuple[int, ...], no_zero: bool, finite: bool
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    a = _data(dtype, s1, finite=finite)
    b = np.flip(_data(dtype, s2, finite=finite)) if s2 else _data(dtype, s2, finite=finite)
    if no_zero and b.dtype.kind in "iu":
        b = np.where(b == 0, 3, b).astype(dtype)
    if dtype == "float16":
        b = b[...]
    return a, b


@pytest.mark.parametrize(("name", "dtype", "s1", "s2"), BINARY_CASES, ids=str)
def test_binary_matches_numpy(
    name: str, dtype: str, s1: tuple[int, ...], s2: tuple[int, ...]
) -> None:
    _, no_zero, finite = BINARY[name]
    a, b = _pair(dtype, s1, s2, no_zero, finite)
    expected = _numpy(getattr(np2, name), a, b)
    got = getattr(tb, name)(tb.asarray(a), tb.asarray(b))
    assert_matches_numpy(got, expected, rtol=1e-3 if dtype == "float16" else None)


@pytest.mark.parametrize(
    ("d1", "d2"),
    [("float64", "float32"), ("float32", "float64"), ("float64", "int64"), ("float64", "bool"),
     ("float32", "int8"), ("float32", "uint16"), ("float16", "float32"), ("float32", "float16"),
     ("float16", "int16"), ("int64", "float64"), ("int32", "int32"), ("bool", "float16"),
     ("float64", "complex128")],
    ids=str,
)  # fmt: skip
def test_heaviside_of_mixed_dtypes_matches_numpy(d1: str, d2: str) -> None:
    """Small CPU operands take NumPy's heaviside where its result has x1's dtype (NumPy's
    promotion, tbridge's too); the others promote through torch: one answer either way."""
    a = _data(d1, (7,))
    b = np.flip(_data(d2, (7,)))
    if np.dtype(d2).kind == "c":
        with pytest.raises(TypeError, match=r"heaviside: complex input is not supported"):
            tb.heaviside(tb.asarray(a), tb.asarray(b))
        return
    expected = _numpy(np.heaviside, a, b)
    assert_matches_numpy(tb.heaviside(tb.asarray(a), tb.asarray(b)), expected, rtol=0.0)


@pytest.mark.parametrize("name", sorted(BINARY))
@pytest.mark.parametrize("scalar", [2, 3.5, True], ids=str)
@pytest.mark.parametrize("first", [False, True])
def test_binary_python_scalars_stay_weak(name: str, scalar: object, first: bool) -> None:
    dtypes = BINARY[name][0]
    dtype = "float32" if "float32" in dtypes else dtypes[0]
    if name in ("gcd", "lcm") and not isinstance(scalar, int):
        pytest.skip("integer operands only")
    a = _data(dtype, (7,), finite=True)
    if BINARY[name][1] and first and a.dtype.kind in "iu":
        a = np.where(a == 0, 3, a).astype(dtype)
    args = (scalar, a) if first else (a, scalar)
    expected = _numpy(getattr(np2, name), *args)
    got = getattr(tb, name)(*(x if x is scalar else tb.asarray(x) for x in args))
    assert_matches_numpy(got, expected)


@pytest.mark.parametrize("mantissa_dtype", [*FLOATS, "int64"])
@pytest.mark.parametrize(
    "exponents", [[0, 1, -1, 5, -30, 3, 2], [1100, -1100, 60, -1074, 1023, -1022, 0]], ids=str
)
def test_ldexp_matches_numpy_exactly(mantissa_dtype: str, exponents: list[int]) -> None:
    m = _data(mantissa_dtype, (7,))
    if m.dtype.kind == "f":
        m = np.concatenate([m[:6], np.array([np.finfo(m.dtype).smallest_subnormal])])
        m = m.astype(mantissa_dtype)
    e = np.array(exponents, dtype=np.int32)
    expected = _numpy(np.ldexp, m, e)
    got = tb.ldexp(tb.asarray(m), tb.asarray(e))
    assert_matches_numpy(got, expected, rtol=0.0)


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("exponent", [20, -20, 100, 127, -126, 1023, -1074, 2000])
def test_ldexp_python_int_exponents_match_numpy_exactly(dtype: str, exponent: int) -> None:
    m = np.array([2.0**-20, 3.0, -1.5, 2.0**-30, 0.0, -0.0, math.inf, math.nan], dtype=dtype)
    expected = _numpy(np.ldexp, m, exponent)
    assert_matches_numpy(tb.ldexp(tb.asarray(m), exponent), expected, rtol=0.0)


def test_ldexp_refuses_floating_exponents() -> None:
    with pytest.raises(TypeError, match=r"ldexp: needs real mantissas x1 and integer exponents"):
        tb.ldexp(tb.asarray([1.0]), tb.asarray([2.0]))


@pytest.mark.parametrize("dtype", [*FLOATS, "int8", "int64"])
@pytest.mark.parametrize(("s1", "s2"), SHAPE_PAIRS, ids=str)
def test_divmod_matches_numpy(dtype: str, s1: tuple[int, ...], s2: tuple[int, ...]) -> None:
    a, b = _pair(dtype, s1, s2, no_zero=True, finite=False)
    expected = _numpy(np.divmod, a, b)
    got = tb.divmod(tb.asarray(a), tb.asarray(b))
    for g, e in zip(got, expected, strict=True):
        assert_matches_numpy(g, e, rtol=1e-3 if dtype == "float16" else None)


@pytest.mark.parametrize(
    ("name", "numpy_name"),
    [
        ("floor_divide", "floor_divide"),
        ("remainder", "remainder"),
        ("mod", "remainder"),
        ("fmod", "fmod"),
        ("divmod", "divmod"),
    ],
)
@pytest.mark.parametrize("dtype", ["int8", "int64", "uint8"])
@pytest.mark.parametrize("divisor", ["array", "scalar"])
def test_integer_division_by_zero_is_numpys_zero_with_numpys_warning(
    name: str, numpy_name: str, dtype: str, divisor: str
) -> None:
    a = np.array([7, -7, 5, 0], dtype=dtype) if dtype != "uint8" else np.array([7, 5, 0, 9], dtype)
    b: Any = np.array([0, 2, 0, 3], dtype=dtype) if divisor == "array" else 0
    with pytest.warns(RuntimeWarning, match=f"^divide by zero encountered in {numpy_name}$"):
        expected = getattr(np, numpy_name)(a, b)
    with pytest.warns(RuntimeWarning, match=f"^divide by zero encountered in {numpy_name}$"):
        got = getattr(tb, name)(tb.asarray(a), b if divisor == "scalar" else tb.asarray(b))
    pairs = zip(got, expected, strict=True) if name == "divmod" else [(got, expected)]
    for g, e in pairs:
        assert_matches_numpy(g, e)


@pytest.mark.parametrize("name", ["floor_divide", "remainder", "fmod"])
def test_integer_division_by_zero_with_out(name: str) -> None:
    a, b = np.array([7, -7]), np.array([0, 2])
    with pytest.warns(RuntimeWarning, match=f"^divide by zero encountered in {name}$"):
        expected = getattr(np, name)(a, b)
    out = tb.empty(2, dtype=tb.int64)
    with pytest.warns(RuntimeWarning, match=f"^divide by zero encountered in {name}$"):
        assert getattr(tb, name)(tb.asarray(a), tb.asarray(b), out=out) is out
    assert_matches_numpy(out, expected)


def test_integer_division_by_zero_warns_at_the_callers_line() -> None:
    with pytest.warns(RuntimeWarning) as record:
        tb.floor_divide(tb.asarray([1]), tb.asarray([0]))
    assert record[0].filename == __file__


# ---- ufunc methods ---------------------------------------------------------------------------

#: tbridge name -> (NumPy's name, the dtype both compute alike, values are kept small)
METHOD_UFUNCS: dict[str, tuple[str, str]] = {
    "add": ("add", "int64"),
    "subtract": ("subtract", "float64"),
    "multiply": ("multiply", "int64"),
    "divide": ("divide", "float64"),
    "floor_divide": ("floor_divide", "int64"),
    "remainder": ("remainder", "int64"),
    "pow": ("power", "int64"),
    "float_power": ("float_power", "float64"),
    "maximum": ("maximum", "float64"),
    "minimum": ("minimum", "int64"),
    "fmax": ("fmax", "float64"),
    "fmin": ("fmin", "float64"),
    "fmod": ("fmod", "float64"),
    "hypot": ("hypot", "float64"),
    "logaddexp": ("logaddexp", "float64"),
    "logaddexp2": ("logaddexp2", "float64"),
    "atan2": ("arctan2", "float64"),
    "copysign": ("copysign", "float64"),
    "nextafter": ("nextafter", "float64"),
    "heaviside": ("heaviside", "float64"),
    "logical_and": ("logical_and", "bool"),
    "logical_or": ("logical_or", "int64"),
    "logical_xor": ("logical_xor", "bool"),
    "bitwise_and": ("bitwise_and", "int64"),
    "bitwise_or": ("bitwise_or", "int64"),
    "bitwise_xor": ("bitwise_xor", "int64"),
    "bitwise_left_shift": ("left_shift", "int64"),
    "bitwise_right_shift": ("right_shift", "int64"),
    "gcd": ("gcd", "int64"),
    "lcm": ("lcm", "int64"),
    "equal": ("equal", "bool"),
    "not_equal": ("not_equal", "bool"),
    "less": ("less", "bool"),
    "less_equal": ("less_equal", "bool"),
    "greater": ("greater", "bool"),
    "greater_equal": ("greater_equal", "bool"),
}


def _method_data(name: str, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    """Values every function takes along a reduction without overflow or division by zero."""
    dtype = METHOD_UFUNCS[name][1]
    n = math.prod(shape)
    if dtype == "bool":
        return np.resize(np.array([True, False, True, True, False]), shape)
    pool = [2, 1, 3, 2, 1, 1, 2, 3] if name in ("pow", "float_power") else list(range(1, 9))
    values = np.resize(np.array(pool), n).reshape(shape).astype(dtype)
    if dtype == "float64" and name not in ("pow", "float_power"):
        values = values * 0.75 - 2.0
        values[values == 0] = 0.5
    return values


REDUCE_KWARGS: list[dict[str, Any]] = [
    {},
    {"axis": 1},
    {"axis": -1, "keepdims": True},
    {"axis": None},
    {"axis": (0, 1)},
]
METHOD_NAMES = sorted(METHOD_UFUNCS)


def _same_outcome(got: Callable[[], Any], expected: Callable[[], Any]) -> None:
    """Both succeed and agree, or both raise the same kind of error."""
    try:
        want = _numpy(expected)
    except (TypeError, ValueError) as e:
        with pytest.raises(type(e) if not isinstance(e, TypeError) else TypeError):
            got()
        return
    assert_matches_numpy(got(), want)


#: NumPy 2.4's arctan2.reduce skips elements (np.arctan2.reduce([1., 2., 3.]) is
#: arctan2(1, 3)) where its accumulate combines in order: checked against accumulate below.
IN_ORDER = [n for n in METHOD_NAMES if n != "atan2"]


def test_atan2_reduce_combines_in_order_as_numpys_accumulate() -> None:
    a = _method_data("atan2", (4, 3))
    for axis in (0, 1):
        last = np.take(np.arctan2.accumulate(a, axis=axis), -1, axis=axis)
        assert_matches_numpy(tb.atan2.reduce(tb.asarray(a), axis=axis), last)


@pytest.mark.parametrize("kwargs", REDUCE_KWARGS, ids=str)
@pytest.mark.parametrize("name", IN_ORDER)
def test_reduce_matches_numpy(name: str, kwargs: dict[str, Any]) -> None:
    a = _method_data(name, (4, 3))
    ours, theirs = getattr(tb, name), getattr(np, METHOD_UFUNCS[name][0])
    _same_outcome(lambda: ours.reduce(tb.asarray(a), **kwargs), lambda: theirs.reduce(a, **kwargs))


@pytest.mark.parametrize("name", METHOD_NAMES)
def test_reduce_of_empty_axis_gives_the_identity_or_an_error(name: str) -> None:
    a = _method_data(name, (0, 3))
    ours, theirs = getattr(tb, name), getattr(np, METHOD_UFUNCS[name][0])
    _same_outcome(lambda: ours.reduce(tb.asarray(a)), lambda: theirs.reduce(a))


@pytest.mark.parametrize("name", ["add", "multiply", "subtract", "maximum", "bitwise_or"])
@pytest.mark.parametrize("initial", [5, -2])
@pytest.mark.parametrize("shape", [(4, 3), (0, 3)], ids=str)
def test_reduce_with_initial(name: str, initial: int, shape: tuple[int, ...]) -> None:
    a = _method_data(name, shape)
    theirs = getattr(np, METHOD_UFUNCS[name][0])
    expected = _numpy(theirs.reduce, a, initial=initial)
    assert_matches_numpy(getattr(tb, name).reduce(tb.asarray(a), initial=initial), expected)


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("gcd", [-7]),
        ("hypot", [-7.0]),
        ("hypot", [-0.0]),
        ("logaddexp", [-0.0]),
        ("logaddexp2", [-0.0]),
        ("add", [-0.0]),
    ],
    ids=str,
)
@pytest.mark.parametrize("axis", [1, (), "0-d"], ids=str)
def test_reduce_starts_from_the_identity_as_numpy(
    name: str, values: list[float], axis: object
) -> None:
    # NumPy's reduce starts from the identity, so a lone element x gives op(identity, x):
    # gcd and hypot give |x|, and -0.0 becomes 0.0 in add and logaddexp.
    a = np.array(values[0]) if axis == "0-d" else np.array([values, values])  # axis 1: lone
    kwargs = {} if axis == "0-d" else {"axis": axis}
    ours, theirs = getattr(tb, name), getattr(np, METHOD_UFUNCS[name][0])
    expected = _numpy(theirs.reduce, a, **kwargs)
    got = ours.reduce(tb.asarray(a), **kwargs)
    assert_matches_numpy(got, expected)
    assert np.array_equal(np.signbit(got.numpy()), np.signbit(expected))
    masked = ours.reduce(tb.asarray(a), **kwargs, where=tb.asarray(True))
    assert np.array_equal(np.signbit(masked.numpy()), np.signbit(expected))


WHERE_KWARGS: list[dict[str, Any]] = [
    {},
    {"axis": 1},
    {"axis": None},
    {"axis": (0, 1)},
    {"axis": ()},
    {"axis": -1, "keepdims": True},
    {"initial": 3},
    {"axis": 1, "initial": 3},
    {"axis": (), "initial": 3},
]


@pytest.mark.parametrize("kwargs", WHERE_KWARGS, ids=str)
@pytest.mark.parametrize("name", IN_ORDER)
def test_reduce_with_where_matches_numpy(name: str, kwargs: dict[str, Any]) -> None:
    a = _method_data(name, (4, 3))
    ours, theirs = getattr(tb, name), getattr(np, METHOD_UFUNCS[name][0])
    masks = [
        np.array([[True, False, True], [False, False, True], [True, True, False], [False] * 3]),
        np.array([False, True, True]),  # broadcast along the first axis
        np.zeros((4, 3), dtype=bool),  # nothing takes part
    ]
    for mask in masks:
        _same_outcome(
            partial(ours.reduce, tb.asarray(a), **kwargs, where=tb.asarray(mask)),
            partial(theirs.reduce, a, **kwargs, where=mask),
        )


def test_reduce_with_where_leaves_out_what_would_be_refused() -> None:
    # An integer power's negative exponent is refused, but not where the mask leaves it out.
    a = np.array([2, -1, 3])
    mask = np.array([True, False, True])
    expected = np.power.reduce(a, where=mask, initial=1)
    assert_matches_numpy(tb.pow.reduce(tb.asarray(a), where=mask, initial=1), expected)
    with pytest.raises(ValueError, match="integers to negative integer powers"):
        tb.pow.reduce(tb.asarray(a), where=[True, True, True], initial=1)


def test_reduce_with_where_keeps_the_graph() -> None:
    x = tb.asarray([1.0, 2.0, 3.0], dtype=tb.float64).requires_grad_()
    tb.multiply.reduce(x, where=[True, False, True]).backward()
    assert x.grad is not None
    assert x.grad.tolist() == [3.0, 0.0, 1.0]


@pytest.mark.parametrize("initial", [2, -3, 2.5, True, 0.0, np.int64(-1), np.int64(300)], ids=repr)
@pytest.mark.parametrize(
    ("name", "dtype"),
    [("maximum", "bool"), ("bitwise_xor", "bool"), ("minimum", "bool"), ("multiply", "int8")],
)
def test_reduce_reads_initial_in_the_loop_dtype(name: str, dtype: str, initial: object) -> None:
    # NumPy converts initial to the dtype the reduction computes in, as bool() and int() do.
    a = np.array([[True, False], [True, True]]).astype(dtype) * (3 if dtype == "int8" else 1)
    theirs = getattr(np, name)
    for axis in (0, None):
        expected = _numpy(theirs.reduce, a, axis=axis, initial=initial)
        got = getattr(tb, name).reduce(tb.asarray(a), axis=axis, initial=initial)
        assert_matches_numpy(got, expected)


@pytest.mark.parametrize(
    ("initial", "error", "message"),
    [
        (300, OverflowError, r"^maximum.reduce: initial=300 is out of bounds for torch.uint8 "),
        (-1.5, OverflowError, r"initial=-1.5 is out of bounds for torch.uint8 \(its range is "),
        (math.nan, ValueError, r"initial=nan has no value in torch.uint8, an integer dtype"),
        (math.inf, OverflowError, r"initial=inf has no value in torch.uint8"),
        (1j, TypeError, r"initial=1j is complex, but the reduction computes in torch.uint8"),
        ("3", TypeError, r"initial='3' is not a number; pass a Python or NumPy scalar"),
    ],
    ids=repr,
)
def test_reduce_initial_that_the_loop_dtype_cannot_hold(
    initial: object, error: type[Exception], message: str
) -> None:
    a = np.array([1, 2], dtype=np.uint8)
    with pytest.raises(error, match=message):
        tb.maximum.reduce(tb.asarray(a), initial=initial)  # type: ignore[arg-type]
    if NUMPY2 and not isinstance(initial, str):  # NumPy 2 refuses each with the same class
        with pytest.raises(error):
            np.maximum.reduce(a, initial=initial)


@pytest.mark.parametrize("dtype", ["int8", "uint8", "bool", "float32"])
@pytest.mark.parametrize("name", ["add", "multiply"])
def test_add_and_multiply_reduce_small_integers_in_64_bits(name: str, dtype: str) -> None:
    a = np.resize(np.array([100, 3, 1, 7], dtype=dtype), (4, 3))
    for method in ("reduce", "accumulate"):
        expected = getattr(getattr(np, name), method)(a)
        assert_matches_numpy(getattr(getattr(tb, name), method)(tb.asarray(a)), expected)
    expected = np.add.reduce(a, dtype=np.float64)
    assert_matches_numpy(tb.add.reduce(tb.asarray(a), dtype=tb.float64), expected)


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int16", "bool", "float16"])
@pytest.mark.parametrize("name", ["add", "multiply"])
def test_reduce_in_an_explicit_narrow_dtype_keeps_it(name: str, dtype: str) -> None:
    # torch sums and multiplies integers in int64; NumPy's loop keeps the dtype (and wraps).
    a = np.resize(np.array([100, 3, 1, 7]), (4, 3))
    expected = _numpy(getattr(np, name).reduce, a, axis=0, dtype=dtype)
    assert_matches_numpy(getattr(tb, name).reduce(tb.asarray(a), axis=0, dtype=dtype), expected)


def test_reduce_of_a_0d_array_is_a_copy() -> None:
    t = tb.asarray(3.0)
    r = tb.add.reduce(t)
    assert_matches_numpy(r, np.add.reduce(np.array(3.0)))
    assert r.data_ptr() != t.data_ptr()


@pytest.mark.parametrize("axis", [0, 1, -1])
@pytest.mark.parametrize("name", METHOD_NAMES)
def test_accumulate_matches_numpy(name: str, axis: int) -> None:
    a = _method_data(name, (4, 3))
    ours, theirs = getattr(tb, name), getattr(np, METHOD_UFUNCS[name][0])
    _same_outcome(
        lambda: ours.accumulate(tb.asarray(a), axis=axis), lambda: theirs.accumulate(a, axis=axis)
    )


@pytest.mark.parametrize("axis", [np.int64(1), np.array(-1), 1.5, True, np.array([0, 1])], ids=repr)
@pytest.mark.parametrize("method", ["reduce", "accumulate", "reduceat"])
def test_method_axis_of_another_type_as_numpy_reads_it(method: str, axis: object) -> None:
    a = _method_data("add", (4, 3))
    args = ([0, 2],) if method == "reduceat" else ()
    ours, theirs = getattr(tb.add, method), getattr(np.add, method)
    _same_outcome(
        lambda: ours(tb.asarray(a), *args, axis=axis), lambda: theirs(a, *args, axis=axis)
    )


@pytest.mark.parametrize("name", ["maximum", "minimum", "fmax", "fmin", "add"])
def test_accumulate_with_nan_matches_numpy(name: str) -> None:
    a = np.array([1.0, math.nan, 3.0, -1.0])
    expected = _numpy(getattr(np, name).accumulate, a)
    assert_matches_numpy(getattr(tb, name).accumulate(tb.asarray(a)), expected)


@pytest.mark.parametrize("name", METHOD_NAMES)
def test_outer_matches_numpy(name: str) -> None:
    a, b = _method_data(name, (3,)), _method_data(name, (2, 2))
    ours, theirs = getattr(tb, name), getattr(np, METHOD_UFUNCS[name][0])
    _same_outcome(lambda: ours.outer(tb.asarray(a), tb.asarray(b)), lambda: theirs.outer(a, b))


def test_integer_power_of_an_empty_array_computes_nothing() -> None:
    # A negative exponent is refused only where a power is computed (NumPy's rule).
    a = np.zeros((0, 3), dtype=np.int8)
    b = np.array([-1, 2, 3], dtype=np.int8)
    assert_matches_numpy(tb.pow(tb.asarray(a), tb.asarray(b)), np.power(a, b))
    assert_matches_numpy(
        tb.pow.outer(tb.asarray(a[:, 0]), tb.asarray(b)), np.power.outer(a[:, 0], b)
    )


@needs_numpy2("NEP 50 keeps int8 beside a Python int (NumPy 1.x chose int64 for the outer)")
def test_outer_reads_python_scalars_as_arrays() -> None:
    x = np.array([1, 2], dtype=np.int8)
    assert_matches_numpy(tb.add.outer(tb.asarray(x), 1), np.add.outer(x, 1))


AT_INDICES: list[Any] = [[0, 0, 2], (np.array([1, 1, 0]), np.array([2, 2, 0])), 1, slice(0, 2)]


@pytest.mark.parametrize("index", AT_INDICES, ids=["repeats", "tuple", "int", "slice"])
@pytest.mark.parametrize("values", ["scalar", "array"])
@pytest.mark.parametrize("name", METHOD_NAMES)
def test_at_matches_numpy(name: str, values: str, index: Any) -> None:
    a = _method_data(name, (3, 3))
    ours, theirs = getattr(tb, name), getattr(np, METHOD_UFUNCS[name][0])
    shape = a[index].shape
    b: Any = _method_data(name, shape) if values == "array" else _method_data(name, (1,))[0].item()
    expected = a.copy()
    try:
        _numpy(theirs.at, expected, index, b)
    except (TypeError, ValueError) as e:
        with pytest.raises(TypeError if isinstance(e, TypeError) else type(e)):
            ours.at(tb.asarray(a.copy()), index, b if values == "scalar" else tb.asarray(b))
        return
    t = tb.asarray(a.copy())
    assert ours.at(t, index, b if values == "scalar" else tb.asarray(b)) is None
    assert_matches_numpy(t, expected)


@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "uint16"])
@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "minimum", "subtract"])
def test_at_is_unbuffered_on_every_dtype(name: str, dtype: str) -> None:
    a = np.array([1, 2, 3, 4], dtype=dtype)
    idx = [0, 0, 3, 0, 1]
    b = np.array([2, 1, 1, 3, 1], dtype=dtype)
    expected = a.copy()
    _numpy(getattr(np, name).at, expected, idx, b)
    t = tb.asarray(a.copy())
    getattr(tb, name).at(t, idx, tb.asarray(b))
    assert_matches_numpy(t, expected)


def test_at_changes_a_non_contiguous_view_and_shared_numpy_data() -> None:
    base = tb.zeros((3, 3))
    view = base.mT
    tb.add.at(view, ([0, 0], [1, 1]), 1.0)
    assert base[1, 0].item() == 2.0
    a = np.zeros(3)
    tb.add.at(a, [1, 1], 2.0)
    assert a.tolist() == [0.0, 4.0, 0.0]


def test_at_casts_into_the_array_as_numpy_does() -> None:
    a = np.array([1, 2, -1])
    expected = a.copy()
    np.add.at(expected, [0, 2, 2], 1.5)
    t = tb.asarray(a.copy())
    tb.add.at(t, [0, 2, 2], 1.5)
    assert_matches_numpy(t, expected)


def test_at_with_nan_propagates_as_numpy() -> None:
    a = np.array([1.0, 2.0, 3.0])
    for name in ("maximum", "minimum", "add"):
        expected = a.copy()
        _numpy(getattr(np, name).at, expected, [0, 0], np.array([math.nan, 5.0]))
        t = tb.asarray(a.copy())
        getattr(tb, name).at(t, [0, 0], tb.asarray([math.nan, 5.0]))
        assert_matches_numpy(t, expected)


@pytest.mark.parametrize(
    "indices", [[0, 2, 1, 3], [0], [3, 3, 0], [1, 2, 3]], ids=["mixed", "one", "repeat", "tail"]
)
@pytest.mark.parametrize("name", IN_ORDER)
def test_reduceat_matches_numpy(name: str, indices: list[int]) -> None:
    a = _method_data(name, (4, 3))
    ours, theirs = getattr(tb, name), getattr(np, METHOD_UFUNCS[name][0])
    _same_outcome(
        lambda: ours.reduceat(tb.asarray(a), indices), lambda: theirs.reduceat(a, indices)
    )
    _same_outcome(
        lambda: ours.reduceat(tb.asarray(a), [0, 2], axis=1),
        lambda: theirs.reduceat(a, [0, 2], axis=1),
    )


@pytest.mark.parametrize("name", METHOD_NAMES)
def test_ufunc_method_out_is_written_and_returned(name: str) -> None:
    a = tb.asarray(_method_data(name, (4, 3)))
    ufunc = getattr(tb, name)
    try:
        want = ufunc.reduce(a)
    except (TypeError, ValueError):
        pytest.skip("no reduction of this input (checked against NumPy above)")
    out = tb.empty(want.shape, dtype=want.dtype)
    assert ufunc.reduce(a, out=out) is out
    torch.testing.assert_close(out, want, rtol=0, atol=0, equal_nan=True)
    acc = ufunc.accumulate(a)
    out2 = tb.empty(acc.shape, dtype=acc.dtype)
    assert ufunc.accumulate(a, out=out2) is out2


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.subtract.reduce(tb.ones(2, 3), axis=None),
            ValueError,
            r"subtract.reduce: reduction operation 'subtract' is not reorderable, so at most one "
            r"axis may be specified",
        ),
        (
            lambda: tb.maximum.reduce(tb.ones(0, 3)),
            ValueError,
            r"maximum.reduce: zero-size array to reduction operation maximum which has no "
            r"identity; pass initial=",
        ),
        (
            lambda: tb.add.reduce(tb.ones(2, 3), axis=2),
            np.exceptions.AxisError,
            r"add.reduce: axis 2 is out of bounds for an array of 2 dimensions",
        ),
        (
            lambda: tb.add.accumulate(tb.ones(2, 3), axis=1.5),  # type: ignore[arg-type]
            TypeError,
            r"^add.accumulate: axis=1.5 is not an integer; pass one int axis \(reduce also takes "
            r"a tuple of ints or None\)$",
        ),
        (
            lambda: tb.add.reduceat(tb.ones(2, 3), [0], axis=-3),
            np.exceptions.AxisError,
            r"^add.reduceat: axis -3 is out of bounds for an array of 2 dimensions; pass an axis "
            r"in \[-2, 2\)$",
        ),
        (
            lambda: tb.add.reduce(tb.ones(2, 3), axis=(0, 0)),
            ValueError,
            r"add.reduce: an axis appears more than once in axis=\(0, 0\)",
        ),
        (
            lambda: tb.add.accumulate(tb.asarray(1.0)),
            TypeError,
            r"add.accumulate: cannot accumulate on a scalar",
        ),
        (
            lambda: tb.add.accumulate(tb.ones(2, 2), axis=None),  # type: ignore[arg-type]
            ValueError,
            r"add.accumulate: accumulate does not allow multiple axes",
        ),
        (
            lambda: tb.less.reduce(tb.ones(3)),
            TypeError,
            r"less.reduce: less turns torch.float64 operands into bool",
        ),
        (
            lambda: tb.bitwise_and.reduce(tb.ones(3)),
            TypeError,
            r"bitwise_and: torch.float64 has no bits",
        ),
        (
            lambda: tb.add.at(tb.ones(3), [0]),
            ValueError,
            r"add.at: second operand needed for ufunc",
        ),
        (
            lambda: tb.add.at([1.0, 2.0], [0], 1.0),  # type: ignore[arg-type]
            TypeError,
            r"add.at: a must be a tensor \(or a NumPy array torch can share\)",
        ),
        (
            lambda: tb.add.at(tb.ones(3, requires_grad=True), [0], 1.0),
            ValueError,
            r"add.at: a is a leaf tensor that requires grad",
        ),
        (
            lambda: tb.add.at(tb.ones(3), [5], 1.0),
            IndexError,
            r"add.at: indices cannot index a of shape \(3,\)",
        ),
        (
            lambda: tb.add.at(tb.ones(3), [0, 1], tb.ones(3)),
            ValueError,
            r"add.at: operands could not be broadcast together with shapes \(2,\) \(3,\)",
        ),
        (
            lambda: tb.maximum.reduce(tb.ones(3), where=[True, False, True]),
            ValueError,
            r"^maximum.reduce: reduction operation 'maximum' does not have an identity, so a "
            r"where= mask needs initial=",
        ),
        (
            lambda: tb.add.reduce(tb.ones(2, 3), where=tb.ones(2)),
            TypeError,
            r"add.reduce: where must be boolean, got dtype torch.float64",
        ),
        (
            lambda: tb.add.reduce(tb.ones(2, 3), where=[True, False]),
            ValueError,
            r"add.reduce: where= of shape \(2,\) does not broadcast to x's shape \(2, 3\)",
        ),
        (
            lambda: tb.logical_and.reduce(tb.ones(3), dtype=tb.float64),
            TypeError,
            r"^logical_and.reduce: logical_and reduces bool values only, got dtype=torch.float64",
        ),
        (
            lambda: tb.logical_or.accumulate(tb.ones(3), dtype="int64"),
            TypeError,
            r"^logical_or.accumulate: logical_or reduces bool values only, got dtype='int64'",
        ),
        (
            lambda: tb.maximum.at(tb.ones(5, dtype=tb.complex128), [0, 0, 2], [1, 2, 3]),
            TypeError,
            r"^maximum.at: complex numbers have no order",
        ),
        (
            lambda: tb.minimum.at(tb.ones(5, dtype=tb.complex128), [0, 2], 1),
            TypeError,
            r"^minimum.at: complex numbers have no order",
        ),
        (
            lambda: tb.bitwise_and.at(tb.ones(3), [], 1),
            TypeError,
            r"bitwise_and: torch.float64 has no bits",
        ),
        (
            lambda: tb.add.reduceat(tb.ones(4), [0, 9]),
            IndexError,
            r"add.reduceat: index 9 out-of-bounds in add.reduceat \[0, 4\)",
        ),
        (
            lambda: tb.add.reduceat(tb.ones(4), [[0]]),
            TypeError,
            r"add.reduceat: indices must be a 1-d sequence of integers",
        ),
        (
            lambda: tb.add.reduce(None),  # type: ignore[arg-type]
            TypeError,
            r"add.reduce: array must be array data",
        ),
        (
            lambda: tb.add.outer("a", [1]),  # type: ignore[arg-type]
            TypeError,
            r"add.outer: a must be array data",
        ),
    ],
)
def test_ufunc_method_bad_input(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


def test_methods_are_attributes_that_cost_nothing_to_carry() -> None:
    for name in METHOD_NAMES:
        fn = getattr(tb, name)
        for method in ("reduce", "accumulate", "outer", "at", "reduceat"):
            assert callable(getattr(fn, method))
            assert getattr(fn, method).__qualname__ == f"{name}.{method}"
        assert fn.__name__ == name


def test_reduce_stays_on_the_autograd_graph() -> None:
    x = tb.asarray([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    (g,) = torch.autograd.grad(tb.sum(tb.hypot.reduce(x, axis=0)), x)
    (h,) = torch.autograd.grad(torch.sum(torch.hypot(x[0], x[1])), x)
    torch.testing.assert_close(g, h)


# ---- out= -----------------------------------------------------------------------------------


def _unary_out(name: str) -> Callable[..., Any]:
    return lambda out: getattr(tb, name)(tb.asarray([0.5, -2.0, 3.0]), out=out)


def _binary_out(name: str) -> Callable[..., Any]:
    return lambda out: getattr(tb, name)(tb.asarray([0.5, -2.0, 3.0]), 1.5, out=out)


OUT_CALLS: dict[str, Callable[..., Any]] = {
    **{
        n: _unary_out(n)
        for n in ("rint", "fix", "degrees", "radians", "deg2rad", "rad2deg", "exp2", "cbrt",
                  "fabs", "spacing", "i0", "isneginf", "isposinf")
    },
    **{
        n: _binary_out(n)
        for n in ("fmax", "fmin", "fmod", "heaviside", "logaddexp2", "float_power")
    },
    "gcd": lambda out: tb.gcd(tb.asarray([4, 6, 9]), 6, out=out),
    "lcm": lambda out: tb.lcm(tb.asarray([4, 6, 9]), 6, out=out),
    "ldexp": lambda out: tb.ldexp(tb.asarray([0.5, -2.0, 3.0]), 2, out=out),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(OUT_CALLS))
def test_out_is_written_and_returned(name: str) -> None:
    want = OUT_CALLS[name](None)
    out = tb.empty(want.shape, dtype=want.dtype)
    got = OUT_CALLS[name](out)
    assert got is out
    torch.testing.assert_close(out, want, rtol=0, atol=0, equal_nan=True)


@pytest.mark.parametrize("name", sorted(OUT_CALLS))
def test_out_checks_shape_and_kind(name: str) -> None:
    want = OUT_CALLS[name](None)
    with pytest.raises(ValueError, match=rf"^{name}: out has shape \(2,\) but the result has"):
        OUT_CALLS[name](tb.empty(2, dtype=want.dtype))
    if want.dtype != tb.bool:
        with pytest.raises(TypeError, match=rf"^{name}: cannot cast the torch\.\w+ result into"):
            OUT_CALLS[name](tb.empty(3, dtype=tb.bool))
    with pytest.raises(ValueError, match=rf"^{name}: out is on meta but the result is on cpu"):
        OUT_CALLS[name](tb.empty(3, dtype=want.dtype, device="meta"))


def test_two_result_out() -> None:
    q, r = tb.empty(2, dtype=tb.int64), tb.empty(2, dtype=tb.int64)
    got = tb.divmod(tb.asarray([7, -7]), 2, out=(q, r))
    assert got[0] is q
    assert got[1] is r
    assert q.tolist() == [3, -4]
    assert r.tolist() == [1, 1]
    frac = tb.empty(2)
    assert tb.modf(tb.asarray([1.5, -2.25]), out=(frac, None))[0] is frac
    m, e = tb.empty(1), tb.empty(1, dtype=tb.int64)
    assert tb.frexp(tb.asarray([8.0]), out=(m, e))[1] is e
    assert e.tolist() == [4]
    with pytest.raises(TypeError, match=r"divmod: out must be a tuple of two tensors"):
        tb.divmod(tb.asarray([1]), 1, out=tb.empty(1))  # type: ignore[arg-type]


# ---- bad input -------------------------------------------------------------------------------

UNARY_NAMES = sorted([*UNARY, "modf", "frexp", "unwrap", "real_if_close"])
BINARY_NAMES = sorted([*BINARY, "ldexp", "divmod"])


@pytest.mark.parametrize("name", UNARY_NAMES)
@pytest.mark.parametrize("value", [None, "abc", {1: 2}], ids=["None", "str", "dict"])
def test_unary_refuses_non_data_naming_itself(name: str, value: object) -> None:
    argument = {"unwrap": "x", "real_if_close": "x"}.get(name, "x")
    with pytest.raises(TypeError, match=rf"^{name}: {argument} must be array data"):
        getattr(tb, name)(value)


@pytest.mark.parametrize("name", BINARY_NAMES)
@pytest.mark.parametrize("position", [0, 1])
def test_binary_refuses_non_data_naming_the_argument(name: str, position: int) -> None:
    args: list[Any] = [tb.asarray([1, 2]), tb.asarray([1, 2])]
    args[position] = "abc"
    which = ("x" if name == "ldexp" else "x1") if position == 0 else "x2"
    with pytest.raises(TypeError, match=rf"^{name}: {which} must be array data"):
        getattr(tb, name)(*args)


@pytest.mark.parametrize("name", BINARY_NAMES)
def test_binary_broadcast_mismatch_names_both_shapes(name: str) -> None:
    x = tb.asarray([1, 2, 3]) if name in ("gcd", "lcm", "divmod") else tb.asarray([1.0, 2, 3])
    y = tb.asarray([1, 2, 3, 4])
    with pytest.raises(
        ValueError,
        match=rf"^{name}: operands could not be broadcast together with shapes \(3,\) \(4,\); ",
    ):
        getattr(tb, name)(x, y)


@pytest.mark.parametrize("name", [*sorted(BINARY), "ldexp"])
def test_binary_operands_on_two_devices_are_named(name: str) -> None:
    x = tb.asarray([4, 6]) if name in ("gcd", "lcm", "ldexp") else tb.asarray([1.0, 2.0])
    y = tb.asarray([1, 2], device="meta")
    if name != "ldexp":
        y = y.to(x.dtype)
    with pytest.raises(
        ValueError, match=rf"^{name}: operands are on different devices, cpu and meta"
    ):
        getattr(tb, name)(x.to(tb.float64) if name == "ldexp" else x, y)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: tb.rint(tb.asarray([True])), TypeError, r"rint: a bool array has no floating"),
        (lambda: tb.cbrt(tb.asarray([1j])), TypeError, r"cbrt: complex input is not supported"),
        (lambda: tb.degrees(tb.asarray([1j])), TypeError, r"degrees: complex input is not"),
        (lambda: tb.fabs(tb.asarray([True])), TypeError, r"fabs: a bool array has no floating"),
        (lambda: tb.i0(tb.asarray([1j])), TypeError, r"i0: complex input is not supported"),
        (lambda: tb.spacing(tb.asarray([1j])), TypeError, r"spacing: complex input is not"),
        (lambda: tb.fix(tb.asarray([1j])), TypeError, r"fix: complex input has no fix"),
        (lambda: tb.isneginf(tb.asarray([1j])), TypeError, r"isneginf: complex input is ambig"),
        (lambda: tb.isposinf(tb.asarray([1j])), TypeError, r"isposinf: complex input is ambig"),
        (lambda: tb.modf(tb.asarray([1j])), TypeError, r"modf: complex input is not supported"),
        (lambda: tb.frexp(tb.asarray([True])), TypeError, r"frexp: a bool array has no float"),
        (lambda: tb.exp2(tb.asarray([True])), TypeError, r"exp2: a bool array has no floating"),
        (lambda: tb.sinc(tb.asarray([True])), TypeError, r"sinc: a bool array has no floating"),
        (
            lambda: tb.fmax(tb.asarray([1j]), tb.asarray([1j])),
            TypeError,
            r"fmax: complex input is not supported; pass real arrays",
        ),
        (
            lambda: tb.fmod(tb.asarray([True]), tb.asarray([True])),
            TypeError,
            r"fmod: not supported for these operands \(torch.bool\)",
        ),
        (
            lambda: tb.heaviside(tb.asarray([1j]), 0.5),
            TypeError,
            r"heaviside: complex input is not supported",
        ),
        (
            lambda: tb.gcd(tb.asarray([1.5]), tb.asarray([2.0])),
            TypeError,
            r"gcd: torch.float64 has no greatest common divisor; pass integer arrays",
        ),
        (
            lambda: tb.lcm(tb.asarray([True]), tb.asarray([True])),
            TypeError,
            r"lcm: torch.bool has no lowest common multiple",
        ),
        (
            lambda: tb.logaddexp2(tb.asarray([1j]), 1.0),
            TypeError,
            r"logaddexp2: complex input is not supported",
        ),
        (
            lambda: tb.unwrap(tb.asarray(1.0)),
            ValueError,
            r"unwrap: p is 0-d and has no axis to unwrap along",
        ),
        (
            lambda: tb.unwrap(tb.asarray([1j])),
            TypeError,
            r"unwrap: torch.complex128 phases are not supported",
        ),
        (
            lambda: tb.real_if_close(tb.asarray([1j], device="meta")),
            ValueError,
            r"real_if_close: the result's dtype depends on the values",
        ),
        (
            lambda: tb.nan_to_num(tb.asarray([1.0], requires_grad=True), copy=False),
            ValueError,
            r"nan_to_num\(copy=False\): x is a leaf tensor that requires grad",
        ),
        (
            lambda: tb.nan_to_num(tb.asarray([1.0]), copy=None),  # type: ignore[arg-type]
            TypeError,
            r"nan_to_num: copy must be True or False, got None",
        ),
    ],
)
def test_bad_input(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize(
    ("value", "expected"),
    [([1j], True), (1.0, False), (np.array([1j]), True), (None, False), ("abc", False)],
    ids=str,
)
def test_iscomplexobj_and_isrealobj(value: object, expected: bool) -> None:
    assert tb.iscomplexobj(value) is expected
    assert tb.isrealobj(value) is (not expected)
    assert np.iscomplexobj(value) is expected


# ---- devices and autograd ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["rint", "fix", "cbrt", "spacing", "exp2", "sinc", "isneginf", "nan_to_num", "angle"]
)
def test_unary_keeps_the_device(name: str, device: torch.device) -> None:
    x = tb.asarray([0.5, -2.0], device=device)
    out = getattr(tb, name)(x)
    assert out.device == x.device
    assert out.shape == x.shape


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_keeps_the_device(name: str, device: torch.device) -> None:
    dtype = tb.int64 if name in ("gcd", "lcm") else tb.float64
    x = tb.asarray([4, 6], device=device, dtype=dtype)
    out = getattr(tb, name)(x, x)
    assert out.device == x.device
    assert out.shape == x.shape


@pytest.mark.parametrize(
    ("name", "torch_fn"),
    [
        ("fmax", torch.fmax),
        ("float_power", torch.float_power),
        ("cbrt", lambda x, _: torch.sign(x) * torch.abs(x) ** (1 / 3)),
        ("degrees", lambda x, _: torch.rad2deg(x)),
        ("nan_to_num", lambda x, _: torch.nan_to_num(x)),
        ("ldexp", lambda x, _: x * 4.0),
    ],
)
def test_stays_on_the_autograd_graph(name: str, torch_fn: Callable[..., torch.Tensor]) -> None:
    x = tb.asarray([0.5, -2.0, 3.0], requires_grad=True)
    y = tb.asarray([1.0, 1.0, 1.0])
    args = {"fmax": (x, y), "float_power": (x, y), "ldexp": (x, 2)}.get(name, (x,))
    (ours,) = torch.autograd.grad(tb.sum(getattr(tb, name)(*args)), x)
    (theirs,) = torch.autograd.grad(torch.sum(torch_fn(x, y)), x)
    torch.testing.assert_close(ours, theirs)


# ---- bitwise_count ------------------------------------------------------------------------------

COUNT_DTYPES = [torch.bool, torch.int8, torch.uint8, torch.int16, torch.uint16, torch.int32,
                torch.uint32, torch.int64, torch.uint64]  # fmt: skip


def _count_data(dtype: torch.dtype, shape: tuple[int, ...]) -> Any:
    nd = tb.to_numpy(torch.zeros((), dtype=dtype)).dtype
    if nd == np.bool_:
        pool = np.array([True, False, True])
    else:
        info = np.iinfo(nd)
        pool = np.array([0, 1, 2, 5, 7, info.max, info.min, info.max // 3], dtype=nd)
        if info.min < 0:
            pool = np.concatenate([pool, np.array([-1, -2, -7], dtype=nd)])
    n = int(np.prod(shape))
    return np.resize(pool, n).reshape(shape)


@needs_numpy2("bitwise_count arrived in NumPy 2.0")
@pytest.mark.parametrize("dtype", COUNT_DTYPES, ids=str)
@pytest.mark.parametrize("shape", [(), (0,), (11,), (2, 3, 2)], ids=str)
def test_bitwise_count(dtype: torch.dtype, shape: Any, device: torch.device) -> None:
    a = _count_data(dtype, shape)
    assert_matches_numpy(
        tb.bitwise_count(tb.asarray(a, device=device)), np.bitwise_count(a), device=device
    )


@needs_numpy2("bitwise_count arrived in NumPy 2.0")
def test_bitwise_count_of_lists_and_out() -> None:
    assert_matches_numpy(tb.bitwise_count([3, -4, 1023]), np.bitwise_count([3, -4, 1023]))
    out = torch.empty(2, dtype=torch.int64)
    assert tb.bitwise_count(torch.tensor([3, 4]), out=out) is out
    assert out.tolist() == [2, 1]


@pytest.mark.parametrize("dtype", [torch.float32, torch.complex64], ids=str)
def test_bitwise_count_refuses_inexact(dtype: torch.dtype) -> None:
    with pytest.raises(TypeError, match=r"bitwise_count: x has dtype torch\.(float32|complex64)"):
        tb.bitwise_count(torch.zeros(2, dtype=dtype))
