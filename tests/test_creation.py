"""Creation functions: metadata on every device first, then values, with NumPy as the oracle."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.exceptions import AxisError

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of
from tests._helpers import assert_matches_numpy, needs_numpy2
from tests._huge import NO_MEMORY, NO_MEMORY_TEXT, TOO_BIG, TOO_BIG_TEXT, check_refused
from tests.test_manipulation import ALL, SOME, check, check_all, make

KINDS = [tb.bool, tb.int32, tb.int64, tb.uint8, tb.float32, tb.float64, tb.complex128]
FLOATING = [tb.float16, tb.float32, tb.float64, tb.complex64, tb.complex128]


def check_meta(
    x: torch.Tensor,
    shape: tuple[int, ...],
    dtype: torch.dtype,
    device: torch.device,
    requires_grad: bool = False,
) -> None:
    """Metadata before values: type, shape, dtype, device, requires_grad."""
    assert type(x) is torch.Tensor
    assert tuple(x.shape) == shape
    assert x.dtype is dtype
    assert x.device.type == device.type
    assert x.requires_grad is requires_grad


def values(x: torch.Tensor) -> np.ndarray[Any, Any]:
    return x.detach().cpu().numpy()


FILLED: list[tuple[str, Callable[..., torch.Tensor], Callable[..., Any]]] = [
    ("zeros", tb.zeros, np.zeros),
    ("ones", tb.ones, np.ones),
    ("empty", tb.empty, np.empty),
]


@pytest.mark.parametrize(("name", "fn", "np_fn"), FILLED, ids=[f[0] for f in FILLED])
@pytest.mark.parametrize("dtype", KINDS, ids=str)
@pytest.mark.parametrize("spelling", ["varargs", "tuple", "list", "keyword"])
def test_filled(
    name: str,
    fn: Callable[..., torch.Tensor],
    np_fn: Callable[..., Any],
    dtype: torch.dtype,
    spelling: str,
    device: torch.device,
) -> None:
    if spelling == "varargs":
        x = fn(5, 3, dtype=dtype, device=device)
    elif spelling == "tuple":
        x = fn((5, 3), dtype=dtype, device=device)
    elif spelling == "list":
        x = fn([5, 3], dtype=dtype, device=device)
    else:
        x = fn(shape=(5, 3), dtype=dtype, device=device)
    check_meta(x, (5, 3), dtype, device)
    if device.type != "meta" and name != "empty":
        expected = np_fn((5, 3), dtype=numpy_dtype_of(dtype))
        np.testing.assert_array_equal(values(x), expected)


GRAD_CASES = [(fn, dt) for fn in (tb.zeros, tb.ones, tb.empty) for dt in FLOATING] + [
    (fn, dt) for fn in (tb.rand, tb.randn) for dt in FLOATING if not dt.is_complex
]


@pytest.mark.parametrize(("fn", "dtype"), GRAD_CASES, ids=lambda v: getattr(v, "__name__", str(v)))
def test_requires_grad_makes_leaves(
    fn: Callable[..., torch.Tensor], dtype: torch.dtype, device: torch.device
) -> None:
    x = fn(2, 2, dtype=dtype, device=device, requires_grad=True)
    check_meta(x, (2, 2), dtype, device, requires_grad=True)
    assert x.is_leaf


REQUIRES_GRAD_CALLS: list[tuple[str, Callable[[], torch.Tensor]]] = [
    ("zeros", lambda: tb.zeros(2, dtype=tb.int64, requires_grad=True)),
    ("ones", lambda: tb.ones(2, dtype=tb.bool, requires_grad=True)),
    ("empty", lambda: tb.empty(2, dtype=tb.int32, requires_grad=True)),
    ("full", lambda: tb.full(2, 1, requires_grad=True)),
    ("eye", lambda: tb.eye(2, dtype=int, requires_grad=True)),
    ("arange", lambda: tb.arange(3, requires_grad=True)),
    ("linspace", lambda: tb.linspace(0, 4, 3, dtype=int, requires_grad=True)),
    ("zeros_like", lambda: tb.zeros_like(tb.arange(2), requires_grad=True)),
    ("asarray", lambda: tb.asarray([1, 2], requires_grad=True)),
]


@pytest.mark.parametrize(
    ("where", "call"), REQUIRES_GRAD_CALLS, ids=[c[0] for c in REQUIRES_GRAD_CALLS]
)
def test_requires_grad_on_integer_dtype_is_a_value_error(
    where: str, call: Callable[[], torch.Tensor]
) -> None:
    with pytest.raises(
        ValueError,
        match=rf"^{where}: requires_grad=True needs a floating or complex dtype, got torch\.\w+; "
        "autograd tracks only those",
    ):
        call()


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.zeros(-1, 3),
            ValueError,
            r"zeros: negative size -1 in shape \(-1, 3\); sizes must be >= 0",
        ),
        (lambda: tb.ones((2, -5)), ValueError, r"ones: negative size -5 in shape \(2, -5\)"),
        (
            lambda: tb.zeros(2.5),
            TypeError,
            r"zeros: size 2.5 is not an integer; pass integers, e.g. zeros\(5, 3\)",
        ),
        (lambda: tb.zeros((2, 1.0)), TypeError, r"zeros: size 1.0 is not an integer"),
        (lambda: tb.zeros(True), TypeError, r"zeros: size True is not an integer"),
        (lambda: tb.zeros("3"), TypeError, r"zeros: size '3' is not an integer"),
        (
            tb.zeros,
            TypeError,
            r"zeros\(\) missing the shape; pass e.g. zeros\(5, 3\) or zeros\(\(5, 3\)\)",
        ),
        (
            lambda: tb.zeros(None, 3),
            TypeError,
            r"zeros: shape=None is not a shape; pass sizes, e.g. zeros\(5, 3\)",
        ),
        (
            lambda: tb.zeros(2, shape=3),  # type: ignore[misc]
            TypeError,
            r"zeros\(\) got multiple values for argument 'shape'",
        ),
        (lambda: tb.zeros(2, device=1.5), TypeError, r"device=1.5 is not a device; pass a str"),
        (
            lambda: tb.zeros(2, device="gpu"),
            ValueError,
            r"device='gpu' is not a device torch knows",
        ),
        (lambda: tb.zeros(2, device=-1), ValueError, r"device=-1: a CUDA index must be >= 0"),
        (lambda: tb.eye(2, k=0.5), TypeError, r"eye: k=0.5 is not an integer"),
        (lambda: tb.eye(-2), ValueError, r"eye: negative size -2"),
        (
            lambda: tb.arange(0, 5, 0),
            ZeroDivisionError,
            r"arange: step=0 would never reach stop; pass a non-zero step",
        ),
        (
            lambda: tb.arange("a"),
            TypeError,
            r"arange: stop='a' is not a real number; pass an int or a float",
        ),
        (lambda: tb.linspace(0, 1, -1), ValueError, r"linspace: num=-1 must be non-negative"),
        (lambda: tb.linspace(0, 1, 2.5), TypeError, r"linspace: num=2.5 is not an integer"),
        (
            lambda: tb.full(2, "x"),
            TypeError,
            r"full: fill value 'x' is not a scalar; pass a bool, int, float",
        ),
        (
            lambda: tb.full(2, 2**70),
            OverflowError,
            r"full: Python integer 1180591620717411303424 is out of bounds for every integer "
            r"dtype \(int64 and uint64; NumPy would make an object array",
        ),
        (
            lambda: tb.zeros_like(None),
            TypeError,
            r"zeros_like: prototype must be array data \(a tensor, a NumPy array, a number or a nested sequence of numbers\), got NoneType",
        ),
        (
            lambda: tb.rand_like(tb.arange(3)),
            ValueError,
            r"rand_like: random values need a floating dtype, got torch.int64; pass e.g. dtype=tb.float64",
        ),
        (
            lambda: tb.zeros_like(np.zeros(2, dtype=object)),
            TypeError,
            r"dtype=dtype\('O'\): NumPy dtype '\|O' \(object\) has no torch twin",
        ),
    ],
)
def test_bad_input_messages(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("shape", [(), (0,), (1,), (2, 0, 3)])
def test_edge_shapes(shape: tuple[int, ...], device: torch.device) -> None:
    x = tb.zeros(shape, device=device)
    check_meta(x, shape, tb.float64, device)
    assert tb.ones(np.int64(3)).shape == (3,)
    assert tb.ones((np.int32(2), 3)).shape == (2, 3)


# ---- NumPy as the oracle --------------------------------------------------------------------

ARANGE_CASES = [
    (5,),
    (1, 0),
    (0, 5, 2),
    (5, 0, -1),
    (0, 5, 1.5),
    (0.5, 3.3, 0.7),
    (-2.5, 2.5, 0.5),
    (1, 2, 0.1),
    (0.1, 1, 0.1),
    (10, -10, -3),
    (0, 1e-3, 1e-4),
    (3.0,),
    (0, 0),
    (2, 1, -0.25),
    (-7, 100, 13),
]


@pytest.mark.parametrize("args", ARANGE_CASES, ids=str)
@pytest.mark.parametrize("dtype", [None, "int64", "int32", "float32", "float64", "float16"])
def test_arange_agrees_with_numpy(
    args: tuple[float, ...], dtype: str | None, device: torch.device
) -> None:
    expected = np.arange(*args, dtype=dtype)
    got = tb.arange(*args, dtype=dtype, device=device)
    check_meta(got, expected.shape, tb.asarray(expected).dtype, device)
    if device.type != "meta":
        np.testing.assert_array_equal(values(got), expected)


LINSPACE_CASES = [
    (0, 1, 5, True),
    (-5, 5, 4, True),
    (0, 1, 5, False),
    (2, 3, 1, True),
    (2, 3, 0, True),
    (1, -1, 7, True),
    (0, 10, 11, True),
    (-3.5, 7.25, 9, False),
    (0, 1, 50, True),
    (5, 5, 4, True),
    (0, 100, 7, False),
    (1e-3, 1e3, 13, True),
]


@pytest.mark.parametrize("args", LINSPACE_CASES, ids=str)
@pytest.mark.parametrize("dtype", [None, "int64", "int16", "float32", "float64"])
def test_linspace_agrees_with_numpy(
    args: tuple[Any, ...], dtype: str | None, device: torch.device
) -> None:
    start, stop, num, endpoint = args
    expected = np.linspace(start, stop, num, endpoint=endpoint, dtype=dtype)
    got = tb.linspace(start, stop, num, endpoint=endpoint, dtype=dtype, device=device)
    check_meta(got, expected.shape, tb.asarray(expected).dtype, device)
    if device.type == "meta":
        return
    np.testing.assert_array_equal(values(got), expected)
    assert np.signbit(values(got)).tolist() == np.signbit(expected).tolist()


def test_linspace_defaults_and_retstep() -> None:
    x, step = tb.linspace(0, 1, retstep=True)
    e, e_step = np.linspace(0, 1, retstep=True)
    assert x.shape == e.shape == (50,)
    assert step == e_step
    assert tb.linspace(0, 1j, 3).dtype == torch.complex128
    np.testing.assert_array_equal(values(tb.linspace(-5, 5, 4, dtype=int)), [-5, -2, 1, 5])


@pytest.mark.parametrize(
    "args", [(3,), (3, 4), (4, 3), (3, 3, 1), (3, 5, 2), (5, 3, -2), (3, 3, 7), (0,)], ids=str
)
@pytest.mark.parametrize(
    "dtype", [None, "int64", "bool", "complex64", "uint16", "uint32", "uint64"]
)
def test_eye_agrees_with_numpy(
    args: tuple[int, ...], dtype: str | None, device: torch.device
) -> None:
    expected = np.eye(*args, dtype=dtype)
    got = tb.eye(*args, dtype=dtype, device=device)
    check_meta(got, expected.shape, tb.asarray(expected).dtype, device)
    if device.type != "meta":
        np.testing.assert_array_equal(values(got), expected)


def test_identity_and_eye_keyword_k() -> None:
    np.testing.assert_array_equal(values(tb.identity(3)), np.identity(3))
    np.testing.assert_array_equal(values(tb.eye(3, k=-1)), np.eye(3, k=-1))
    assert tb.eye(2, requires_grad=True).requires_grad
    assert tb.eye(2, k=1, requires_grad=True).is_leaf


FILL_VALUES = [1.0, 1, True, 2 + 3j, np.float32(2.5), np.int16(7), np.uint8(3), -0.0]


@pytest.mark.parametrize("fill", FILL_VALUES, ids=repr)
def test_full_infers_dtype_as_numpy(fill: Any, device: torch.device) -> None:
    expected = np.full((2, 3), fill)
    got = tb.full((2, 3), fill, device=device)
    check_meta(got, (2, 3), tb.asarray(expected).dtype, device)
    if device.type != "meta":
        np.testing.assert_array_equal(values(got), expected)
        if not np.iscomplexobj(expected):
            assert np.signbit(values(got)).tolist() == np.signbit(expected).tolist()


def test_full_with_a_tensor_fill_keeps_graph() -> None:
    w = tb.asarray(2.0, requires_grad=True)
    out = tb.full(3, w)
    out.sum().backward()
    assert w.grad is not None
    assert w.grad.item() == 3.0


ASARRAY_DATA = [
    [5.5, 3],
    [1, 2, 3],
    [True, False],
    [[1, 2], [3, 4]],
    [1j, 2],
    3,
    2.5,
    True,
    [],
    [[1.5], [2]],
    [np.float32(1), 2],
    (1, 2.0),
    [[True, 2]],
]


@pytest.mark.parametrize("data", ASARRAY_DATA, ids=repr)
def test_asarray_infers_dtype_as_numpy(data: Any) -> None:
    expected = np.asarray(data)
    got = tb.asarray(data)
    assert tuple(got.shape) == expected.shape
    assert got.dtype is tb.asarray(expected).dtype
    np.testing.assert_array_equal(values(got), expected)
    copied = tb.array(data)
    np.testing.assert_array_equal(values(copied), expected)


@pytest.mark.parametrize("ndmin", [-1, 0, 1, 2, 3, True, np.int8(2)], ids=repr)
@pytest.mark.parametrize("data", [*ASARRAY_DATA, np.zeros((2, 0), np.float32)], ids=repr)
def test_array_ndmin_matches_numpy(data: Any, ndmin: Any) -> None:
    assert_matches_numpy(tb.array(data, ndmin=ndmin), np.array(data, ndmin=ndmin))


@pytest.mark.parametrize("copy", [False, None, True])
def test_array_ndmin_of_a_tensor_is_a_view_unless_copied(copy: bool | None) -> None:
    leaf = torch.arange(6.0, dtype=torch.float64, requires_grad=True)
    x = leaf.reshape(2, 3).T
    out = tb.array(x, copy=copy, ndmin=4)
    assert out.shape == (1, 1, 3, 2)
    assert torch.equal(out[0, 0], x)
    assert (out.data_ptr() == x.data_ptr()) is (copy is not True)
    (out * 2).sum().backward()  # on x's graph, copied or not
    assert leaf.grad is not None
    assert torch.equal(leaf.grad, torch.full((6,), 2.0, dtype=torch.float64))
    if copy is not True:  # already 2-d: nothing to add, the input itself
        assert tb.array(x, copy=copy, ndmin=2) is x


@pytest.mark.parametrize(
    ("ndmin", "error", "message"),
    [
        (65, ValueError, r"^array: ndmin=65 is more dimensions than NumPy allows \(64\)"),
        (2.0, TypeError, r"^array: ndmin=2.0 is not an integer"),
        (None, TypeError, r"^array: ndmin=None is not an integer"),
        ("2", TypeError, r"^array: ndmin='2' is not an integer"),
    ],
)
def test_array_bad_ndmin_is_numpys_error(ndmin: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error):
        np.array([1], ndmin=ndmin)
    with pytest.raises(error, match=message):
        tb.array([1], ndmin=ndmin)


def test_asarray_python_ints_beyond_int64() -> None:
    with pytest.raises((TypeError, ValueError), match=r"asarray: "):
        tb.asarray([2**70])


SCALAR_DTYPES = ["int8", "uint8", "int64", "uint64", "bool", "float32", "complex64"]
SCALARS_THAT_FIT = [1.5, -0.5, 127.9, 2.0**63, True, 0j, 1 + 2j, 5]


@pytest.mark.parametrize("dtype", SCALAR_DTYPES)
@pytest.mark.parametrize("value", SCALARS_THAT_FIT, ids=repr)
def test_asarray_python_scalar_into_a_dtype_matches_numpy(value: Any, dtype: str) -> None:
    # A float into uint64 raised torch's "an integer is required"; NumPy truncates it.
    try:
        expected = np.asarray(value, dtype=dtype)
    except (TypeError, OverflowError) as e:
        with pytest.raises(type(e), match=r"^asarray: "):
            tb.asarray(value, dtype=dtype)
        return
    assert_matches_numpy(tb.asarray(value, dtype=dtype), expected)


@needs_numpy2("NumPy 1.x casts out-of-range floats into integer dtypes as C does")
@pytest.mark.parametrize("dtype", ["int8", "uint8", "int64", "uint64"])
@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (math.nan, ValueError, r"^asarray: nan cannot be read as torch\.\w+: integers hold no NaN"),
        (math.inf, OverflowError, r"^asarray: inf cannot be read as .*no infinity"),
        (-math.inf, OverflowError, r"^asarray: -inf cannot be read as .*no infinity"),
        (1e30, OverflowError, r"^asarray: 1e\+30 is out of bounds for torch\.\w+ \(its range"),
        (-1.0, None, r"^asarray: -1.0 is out of bounds for torch\.uint"),
    ],
    ids=["nan", "inf", "-inf", "1e30", "-1.0"],
)
def test_asarray_python_float_an_integer_dtype_cannot_hold_is_numpys_error(
    value: float, error: type[Exception] | None, message: str, dtype: str
) -> None:
    # torch gave its own ValueError text, or wrapped -1.0 into an unsigned dtype.
    if error is None and not dtype.startswith("uint"):
        assert_matches_numpy(tb.asarray(value, dtype=dtype), np.asarray(value, dtype=dtype))
        return
    expected_error = error or OverflowError
    with pytest.raises(expected_error):
        np.asarray(value, dtype=dtype)
    with pytest.raises(expected_error, match=message):
        tb.asarray(value, dtype=dtype)


@pytest.mark.parametrize("data", [[1 + 2j], [[1, 2j]], (3.0, 1j)], ids=str)
@pytest.mark.parametrize("dtype", ["float64", "float32", "int64"])
def test_asarray_python_complex_data_into_a_real_dtype_is_numpys_type_error(
    data: Any, dtype: str
) -> None:
    # torch dropped the imaginary parts with a UserWarning (an error under this suite).
    with pytest.raises(TypeError):
        np.asarray(data, dtype=dtype)
    with pytest.raises(TypeError, match=r"^asarray: "):
        tb.asarray(data, dtype=dtype)


@pytest.mark.parametrize("data", [[1 + 2j, 0j], 1 + 2j], ids=str)
def test_asarray_python_complex_data_into_bool_is_its_truth(data: Any) -> None:
    assert_matches_numpy(tb.asarray(data, dtype="bool"), np.asarray(data, dtype=bool))


# ---- like-variants --------------------------------------------------------------------------

LIKES: list[tuple[str, Callable[..., torch.Tensor]]] = [
    ("empty_like", tb.empty_like),
    ("zeros_like", tb.zeros_like),
    ("ones_like", tb.ones_like),
    ("rand_like", tb.rand_like),
    ("randn_like", tb.randn_like),
    ("full_like", lambda p, **kw: tb.full_like(p, 7, **kw)),
]


@pytest.mark.parametrize(("name", "fn"), LIKES, ids=[n for n, _ in LIKES])
@pytest.mark.parametrize("kind", ["tensor", "ndarray"])
def test_like_keeps_shape_and_dtype(
    name: str, fn: Callable[..., torch.Tensor], kind: str, device: torch.device
) -> None:
    source = np.ones((2, 3), dtype=np.float32)
    proto: Any = tb.asarray(source, device=device) if kind == "tensor" else source
    x = fn(proto)
    expected_device = device if kind == "tensor" else torch.device("cpu")
    check_meta(x, (2, 3), tb.float32, expected_device)
    y = fn(proto, dtype=tb.float64, device=device, shape=(4,))
    check_meta(y, (4,), tb.float64, device)
    if name in ("zeros_like", "ones_like", "full_like") and device.type != "meta":
        np_fn = {"zeros_like": np.zeros_like, "ones_like": np.ones_like}.get(name)
        expected = np_fn(source) if np_fn else np.full_like(source, 7)
        np.testing.assert_array_equal(values(x), expected)


def test_like_does_not_join_the_prototype_graph() -> None:
    w = tb.ones(3, requires_grad=True)
    z = tb.zeros_like(w * 2)
    assert not z.requires_grad
    assert tb.ones_like(w, requires_grad=True).is_leaf


def test_like_on_integer_keeps_integer() -> None:
    assert tb.zeros_like(np.arange(3)).dtype == tb.int64
    assert tb.full_like(np.arange(3, dtype=np.uint16), 9).dtype == tb.uint16
    assert tb.randn_like(np.arange(3), dtype=float).dtype == tb.float64


def test_creation_ignores_torch_global_defaults() -> None:
    torch.set_default_dtype(torch.float32)
    torch.set_default_device("meta")
    assert tb.zeros(2).dtype == torch.float64
    assert tb.zeros(2).device.type == "cpu"
    assert tb.arange(0.0, 1.0, 0.5).dtype == torch.float64
    assert tb.linspace(0, 1, 3).device.type == "cpu"


@pytest.mark.parametrize("n", [0, 1, 7])
def test_arange_length_matches_ceil(n: int) -> None:
    assert tb.arange(0, n * 0.5, 0.5).shape[0] == math.ceil((n * 0.5) / 0.5)


# ---- property tests: random bounds, NumPy must agree bit for bit ----------------------------

bounds = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
steps = st.sampled_from([0.1, 0.3, 1.5, -0.7, 0.25, 3.0, -2.5, 1e-2])


@settings(max_examples=150, deadline=None)
@given(
    a=bounds,
    b=bounds,
    step=steps,
    dtype=st.sampled_from([None, "float32", "float16", "int64", "int16"]),
)
def test_arange_random_bounds_match_numpy(
    a: float, b: float, step: float, dtype: str | None
) -> None:
    lo, hi = (min(a, b), max(a, b)) if step > 0 else (max(a, b), min(a, b))
    expected = np.arange(lo, hi, step, dtype=dtype)
    got = values(tb.arange(lo, hi, step, dtype=dtype))
    assert got.shape == expected.shape
    np.testing.assert_array_equal(got, expected)


@settings(max_examples=150, deadline=None)
@given(
    a=bounds,
    b=bounds,
    num=st.integers(0, 120),
    endpoint=st.booleans(),
    # float16 on the CPU only: elsewhere torch casts float64 -> float16 through float32 (double
    # rounding) where NumPy rounds once; docs/creation.md records the 1-ulp difference.
    dtype=st.sampled_from([None, "float32", "float16", "int64", "int32", "uint16"]),
)
def test_linspace_random_bounds_match_numpy(
    a: float, b: float, num: int, endpoint: bool, dtype: str | None
) -> None:
    if dtype == "uint16":
        a, b = abs(a), abs(b)
    expected = np.linspace(a, b, num, endpoint=endpoint, dtype=dtype)
    got = values(tb.linspace(a, b, num, endpoint=endpoint, dtype=dtype))
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("dtype", ["uint16", "uint32", "uint64"])
def test_arange_unsigned_without_torch_kernels(dtype: str) -> None:
    np.testing.assert_array_equal(
        values(tb.arange(0, 7, 2, dtype=dtype)), np.arange(0, 7, 2, dtype=dtype)
    )
    assert tb.arange(3, dtype=dtype).dtype == tb.asarray(np.zeros(0, dtype=dtype)).dtype


@pytest.mark.parametrize(
    ("args", "dtype"),
    [
        ((250, 260), "uint8"),  # the values after the first two wrap around
        ((120, 130), "int8"),
        ((0, 1000, 100), "uint8"),
        ((5, -5, -3), "uint8"),
        ((127, 128, 5), "int8"),  # one value: start + step is never stored
        ((65530, 65540), "uint16"),  # no torch kernel: made in int64
        ((65530.5, 65540), "uint16"),
        ((2**32 - 3, 2**32 + 2), "uint32"),
        ((2**63 - 2, 2**63 + 1), "uint64"),  # past int64
        ((0, 2**64, 2**62), "uint64"),
        ((5, 0, -1), "uint64"),
        ((200.7, 210), "uint8"),
        ((-0.5, 3), "uint8"),  # start truncates to 0
        ((-2.5, 2.5, 0.5), "int8"),  # start and start + step truncate to -2: a zero delta
    ],
)
def test_arange_of_integer_dtypes_wraps_as_numpy(args: tuple[float, ...], dtype: str) -> None:
    assert_matches_numpy(tb.arange(*args, dtype=dtype), np.arange(*args, dtype=dtype))


@needs_numpy2("NumPy 1.26 wraps an out-of-bounds Python int with a DeprecationWarning")
@pytest.mark.parametrize(
    ("args", "dtype", "name", "value"),
    [
        ((2**40, 2**40 + 3), "int8", "start", 2**40),
        ((300, 301), "int8", "start", 300),
        ((0, 1000, 300), "int8", "start \\+ step", 300),
        ((-2, 3), "uint8", "start", -2),
        ((-2.5, 2.5, 0.5), "uint8", "start", -2),
        ((-1, 3), "uint16", "start", -1),
        ((2**32 - 1, 2**32 + 2), "uint32", "start \\+ step", 2**32),
        ((2**63, 2**63 + 2), "int64", "start", 2**63),
    ],
)
def test_arange_of_integer_dtypes_refuses_first_values_out_of_bounds(
    args: tuple[float, ...], dtype: str, name: str, value: int
) -> None:
    """NumPy stores start and start + step in the dtype first: OverflowError when one does not
    fit (tbridge wrapped them, giving [0, 1, 2] for arange(2**40, 2**40 + 3, dtype=int8))."""
    with pytest.raises(OverflowError):
        np.arange(*args, dtype=dtype)
    with pytest.raises(OverflowError, match=rf"^arange: {name} is {value}, out of bounds for"):
        tb.arange(*args, dtype=dtype)


@pytest.mark.parametrize(
    ("args", "dtype"),
    [
        ((-(2**63), 2**63 - 1, 2**62), None),  # was empty: torch counts in float64
        ((0, 2**63 - 1, 2**62), "int64"),  # was torch's "invalid size, possible overflow?"
        ((24, -(2**63), -(2**62)), None),  # NumPy counts with the float quotient: 2, not 3
        ((2**63 - 1, 2.0**63, 2), "uint64"),  # an int and a float one float apart: no elements
        ((2**31, 2**31 + 3600, 100), "float32"),  # past float32's whole numbers: NumPy's steps
        ((104491493072, 104491495072, 100), "float16"),  # inf, inf, then NaN steps
        ((2**63, 2**63 + 77, 7), "float16"),  # past int64 too
        ((-(2**63) - 5, -(2**63) + 90, 5), "float32"),
    ],
    ids=str,
)
def test_arange_near_the_integer_limits_matches_numpy(
    args: tuple[float, ...], dtype: str | None
) -> None:
    with np.errstate(over="ignore", invalid="ignore"):
        expected = np.arange(*args, dtype=dtype)
    got = values(tb.arange(*args, dtype=dtype))
    assert got.dtype == expected.dtype
    np.testing.assert_array_equal(got, expected)


_ARANGE_EDGES = [0, 1, -1, 127, 128, 255, 256, 2047, 2049, 65535, 65536, 2**24 + 1, 2**31,
                 2**32, 2**53 + 1, 2**62, -(2**62), 2**63 - 1, 2**63, -(2**63), 2**64 - 1]  # fmt: skip
_ARANGE_STEPS = [1, -1, 2, -3, 7, 100, -100, 0.5, -0.5, 1.5, 3.0, 2**53 + 1, 2**61, -(2**62)]
_ARANGE_DTYPES = [None, "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
                  "float16", "float32", "float64", "complex64"]  # fmt: skip


@needs_numpy2("NumPy 1.x wraps out-of-bounds Python ints with a DeprecationWarning")
def test_arange_at_random_bounds_near_every_limit_matches_numpy() -> None:
    """1500 seeded draws of bounds near each dtype's limits, steps of either sign and kind:
    the same values, dtype and exception class as NumPy's."""
    rng = np.random.default_rng(20261205)
    for _ in range(1500):
        start: float = int(rng.choice(_ARANGE_EDGES)) + int(rng.integers(-40, 41))
        if rng.random() < 0.3:
            start = float(start) + float(rng.choice([0.0, 0.5, -0.5]))
        step = _ARANGE_STEPS[int(rng.integers(len(_ARANGE_STEPS)))]
        stop = start + step * int(rng.integers(0, 30)) + float(rng.choice([0, 0.5, -0.5]))
        dtype = _ARANGE_DTYPES[int(rng.integers(len(_ARANGE_DTYPES)))]
        args = (start, stop, step)
        try:
            with np.errstate(all="ignore"):
                expected = np.arange(*args, dtype=dtype)
        except (OverflowError, ValueError, TypeError) as e:
            with pytest.raises(type(e)):
                tb.arange(*args, dtype=dtype)
            continue
        if expected.dtype == object:  # ints past every integer dtype: no tensor counterpart
            continue
        got = values(tb.arange(*args, dtype=dtype))
        assert got.dtype == expected.dtype, args
        np.testing.assert_array_equal(got, expected, err_msg=f"arange{args}, dtype={dtype}")


@pytest.mark.parametrize("k", [2**63, -(2**63), 5, -5])
def test_eye_with_diagonal_outside(k: int) -> None:
    np.testing.assert_array_equal(values(tb.eye(3, 4, k=k)), np.eye(3, 4, k=k))


@pytest.mark.parametrize(
    "args",
    [
        (0.0, 5e-324, 3.0),  # the span over the step underflows to +0.0: NumPy gives 1 element
        (0.0, -5e-324, -3.0),
        (0.0, 5e-324, -3.0),  # ... to -0.0: empty
        (0.0, 1e-300, 1e10),  # start + step overflows float16: the one element is start
        (-0.0, 1.0, 1e10),
    ],
)
@pytest.mark.parametrize("dtype", [None, "float16", "float32", "int64", "int16"])
def test_arange_tiny_spans_match_numpy(args: tuple[float, float, float], dtype: str | None) -> None:
    expected = np.arange(*args, dtype=dtype)
    got = values(tb.arange(*args, dtype=dtype))
    assert got.shape == expected.shape
    np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(np.signbit(got), np.signbit(expected))


@pytest.mark.parametrize(
    ("args", "dtype"),
    [
        ((0.0, 1e5, 7e4), "float16"),  # start + step overflows: NumPy keeps start, then inf
        ((60000.0, 1e5, 6000.0), "float16"),
        ((0.0, 1e308, 1e307), "float32"),
        ((0, 5, 1), "complex128"),  # torch has no complex arange; NumPy's values plus 0j
        ((0.5, 3.0, 0.5), "complex64"),
        ((3, 0, -1), "complex128"),
        ((0.0, 1.0, 0.1), "complex128"),
        ((-0.0, 2.0, 1.0), "complex128"),
    ],
)
def test_arange_overflowing_steps_and_complex_match_numpy(
    args: tuple[float, float, float], dtype: str
) -> None:
    with np.errstate(over="ignore"):
        expected = np.arange(*args, dtype=dtype)
    got = values(tb.arange(*args, dtype=dtype))
    assert got.dtype == expected.dtype
    np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(np.signbit(got.real), np.signbit(expected.real))


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
@pytest.mark.parametrize(("start", "stop"), [(0, math.inf), (-math.inf, 1.0), (math.nan, 1)])
def test_linspace_of_real_bounds_into_a_complex_dtype_is_computed_real(
    start: float, stop: float, dtype: str
) -> None:
    """NumPy computes real bounds in float64 and casts: an infinite bound gave NaN imaginary
    parts when tbridge computed in complex128."""
    with np.errstate(invalid="ignore", over="ignore"):
        expected = np.linspace(start, stop, 4, dtype=dtype)
    got = values(tb.linspace(start, stop, 4, dtype=dtype))
    assert got.dtype == expected.dtype
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize(
    ("start", "stop", "num", "endpoint"),
    [(0, 1, 4, True), (0, 1, 2, False), (-1, 1, 5, True), (0.0, 2, 5, True), (-0.5, 0.5, 3, True),
     (0, math.inf, 3, True), (math.nan, 1, 3, True), (1j, 2, 3, True), (0j, 0, 2, True)],
    ids=str,
)  # fmt: skip
@pytest.mark.parametrize("bounds", ["scalars", "arrays"])
def test_linspace_into_bool_is_each_values_truth(
    start: Any, stop: Any, num: int, endpoint: bool, bounds: str
) -> None:
    """NumPy computes in floating point and casts: 0.5, NaN and infinity are True. tbridge
    rounded down first, as for integer dtypes (0.5 was False), and refused NaN, infinity and
    complex bounds."""
    if bounds == "arrays":
        start = np.array([start])
    with np.errstate(invalid="ignore"):
        expected = np.linspace(start, stop, num, endpoint, dtype=bool)
    got = tb.linspace(tb.asarray(start) if bounds == "arrays" else start, stop, num, endpoint,
                      dtype=tb.bool)  # fmt: skip
    assert_matches_numpy(got, expected)


@pytest.mark.parametrize(
    ("start", "stop", "num", "dtype"),
    [
        (2**63 - 1, -(2**62), 5, None),  # was "can't convert negative int to unsigned"
        (2**63 + 8, -1, 3, "float64"),
        (2**53 + 1, 0, 7, "uint64"),  # NumPy rounds 2**53 + 1 to a float64 first
        (2**53 + 5, 127, 5, "float64"),
        (-(2**62), 127, 50, "complex128"),
        (2**53 + 1, 2**24 + 1, 3, "int64"),
    ],
    ids=str,
)
def test_linspace_reads_int_bounds_as_float64_first(
    start: int, stop: int, num: int, dtype: str | None
) -> None:
    """NumPy's linspace starts with ``asanyarray(start) * 1.0``: ints past 2**53 round, and
    their difference never overflows. tbridge computed with the exact ints."""
    expected = np.linspace(start, stop, num, dtype=dtype)
    got = values(tb.linspace(start, stop, num, dtype=dtype))
    assert got.dtype == expected.dtype
    np.testing.assert_array_equal(got, expected)  # exactly: the rounding is the point


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_linspace_with_numpy_scalar_bounds_rounds_once(dtype: str) -> None:
    # -584.74999... lies just inside a float16 midpoint: one rounding gives -584.5, two give -585
    a, b = np.float64(-691.2927349051913), np.float64(20.606499477370676)
    expected = np.linspace(a, b, 147, endpoint=False, dtype=dtype)
    np.testing.assert_array_equal(
        values(tb.linspace(a, b, 147, endpoint=False, dtype=dtype)), expected
    )


@pytest.mark.parametrize(
    ("args", "dtype"),
    [((1e39, 1.5e39, 1e39), "float32"), ((1e5, 3e5, 1e5), "float16")],
)
def test_arange_with_an_overflowing_start_matches_numpy(
    args: tuple[float, float, float], dtype: str
) -> None:
    with np.errstate(over="ignore", invalid="ignore"):
        expected = np.arange(*args, dtype=dtype)
    np.testing.assert_array_equal(values(tb.arange(*args, dtype=dtype)), expected)


@pytest.mark.parametrize("args", [(0, math.inf), (math.nan,), (0.0, -math.inf, -1.0)])
def test_arange_without_a_finite_length_is_a_value_error(args: tuple[float, ...]) -> None:
    with pytest.raises(ValueError, match=r"^arange: start=.* give no finite number of elements"):
        tb.arange(*args)


def test_eye_takes_numpy_integer_offsets() -> None:
    for dtype in (None, "uint16"):
        for k in (np.int64(1), np.int32(0), np.int8(-1)):
            expected = np.eye(3, k=int(k), dtype=dtype)
            np.testing.assert_array_equal(values(tb.eye(3, k=k, dtype=dtype)), expected)
    with pytest.raises(TypeError, match=r"eye: k=True is not an integer"):
        tb.eye(3, k=True)


def test_linspace_float16_beyond_its_range_overflows_as_numpy() -> None:
    with np.errstate(over="ignore"):
        expected = np.linspace(0.0, 100000.0, 39, dtype=np.float16)
    np.testing.assert_array_equal(values(tb.linspace(0.0, 100000.0, 39, dtype="float16")), expected)


# ---- grids and triangles --------------------------------------------------------------------


@pytest.mark.parametrize("dtype", SOME, ids=str)
@pytest.mark.parametrize("indexing", ["xy", "ij"])
@pytest.mark.parametrize(
    "shapes", [(), ((3,),), ((3,), (4,)), ((2,), (3,), (4,)), ((), (0,))], ids=str
)
def test_meshgrid(
    dtype: torch.dtype, indexing: Any, shapes: tuple[tuple[int, ...], ...], device: torch.device
) -> None:
    made = [make(s, dtype, device) for s in shapes]
    outs = tb.meshgrid(*(t for t, _ in made), indexing=indexing)
    check_all(outs, np.meshgrid(*(a for _, a in made), indexing=indexing), device)


@pytest.mark.parametrize("indexing", ["xy", "ij"])
@pytest.mark.parametrize("sparse", [False, True])
@pytest.mark.parametrize("copy", [False, True])
@pytest.mark.parametrize(
    "shapes", [((3,),), ((3,), (4,)), ((2,), (3,), (4,)), ((2, 2), (0,))], ids=str
)
def test_meshgrid_sparse_and_copy(
    indexing: Any, sparse: bool, copy: bool, shapes: Any, device: torch.device
) -> None:
    made = [make(s, tb.float64, device) for s in shapes]
    outs = tb.meshgrid(*(t for t, _ in made), indexing=indexing, sparse=sparse, copy=copy)
    expected = np.meshgrid(*(a for _, a in made), indexing=indexing, sparse=sparse, copy=copy)
    check_all(outs, tuple(expected), device)
    if device.type != "meta":
        shared = [tb.shares_memory(o, t) for o, (t, _) in zip(outs, made, strict=True)]
        assert shared == [not copy and o.numel() > 0 for o in outs]


def test_meshgrid_copies_are_writable() -> None:
    x, _ = tb.meshgrid([1, 2, 3], [4, 5])
    x[0, 0] = 9  # NumPy's default copy=True: a grid of its own, written freely
    assert x[1, 0] == 1


@pytest.mark.parametrize("indexing", ["xy", "ij"])
def test_meshgrid_numpy_extras(indexing: Any, device: torch.device) -> None:
    # each output keeps its own dtype; N-d inputs are flattened (NumPy's meshgrid)
    x, a = make((2,), tb.float32, device)
    y, b = make((2, 2), tb.uint16, device)
    outs = tb.meshgrid(x, y, indexing=indexing)
    check_all(outs, np.meshgrid(a, b, indexing=indexing), device)


def test_meshgrid_errors() -> None:
    with pytest.raises(ValueError, match="meshgrid: indexing='yx' is not allowed; pass 'xy'"):
        tb.meshgrid(torch.zeros(2), indexing="yx")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="meshgrid: argument 1 must be array data"):
        tb.meshgrid(torch.zeros(2), "ab")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="meshgrid: the arrays are on different devices"):
        tb.meshgrid(torch.zeros(2), torch.zeros(3, dtype=torch.int8, device="meta"))


TRIANGLES: list[tuple[Callable[..., torch.Tensor], Callable[..., Any]]] = [
    (tb.tril, np.tril),
    (tb.triu, np.triu),
]


@pytest.mark.parametrize("fns", TRIANGLES, ids=["tril", "triu"])
@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(
    ("shape", "k"), [((3, 4), 0), ((3, 4), -1), ((2, 3, 3), 2), ((0, 3), 0)], ids=str
)
def test_triangles(
    fns: tuple[Callable[..., torch.Tensor], Callable[..., Any]],
    dtype: torch.dtype,
    shape: tuple[int, ...],
    k: int,
    device: torch.device,
) -> None:
    fn, np_fn = fns
    x, a = make(shape, dtype, device)
    check(fn(x, k=k), np_fn(a, k=k), device)


@pytest.mark.parametrize("fns", TRIANGLES, ids=["tril", "triu"])
@pytest.mark.parametrize("k", [0, 1, -2])
def test_triangles_of_vectors_as_numpy(
    fns: tuple[Callable[..., torch.Tensor], Callable[..., Any]], k: int, device: torch.device
) -> None:
    # NumPy reads a 1-d array as the rows of a square matrix
    fn, np_fn = fns
    x, a = make((3,), tb.int64, device)
    assert_matches_numpy(fn(x, k), np_fn(a, k), device=device)


@pytest.mark.parametrize("fn", [tb.tril, tb.triu], ids=["tril", "triu"])
def test_triangles_need_an_axis(fn: Callable[..., torch.Tensor]) -> None:
    with pytest.raises(ValueError, match=r"x must have at least 1 dimension .* got a 0-d array"):
        fn(torch.tensor(3.0))


@pytest.mark.parametrize("fns", TRIANGLES, ids=["tril", "triu"])
def test_triangles_k_spellings(fns: tuple[Callable[..., torch.Tensor], Callable[..., Any]]) -> None:
    fn, np_fn = fns
    x, a = make((3, 4), tb.int64, torch.device("cpu"))
    for k in (0, np.int64(0), 1, np.int64(-1)):
        np.testing.assert_array_equal(fn(x, k=k).numpy(), np_fn(a, k=int(k)))
    name = fn.__name__
    for bad in (0.0, False):  # tbridge's message, fast path or not
        with pytest.raises(TypeError, match=rf"{name}: k={bad!r} is not an integer"):
            fn(x, k=bad)
    np.testing.assert_array_equal(fn(x, 1).numpy(), np_fn(a, 1))  # k positionally, as NumPy


# ---- NumPy's calling conventions -------------------------------------------------------------

NUMPY_FORMS: list[tuple[str, Callable[[Any], Any]]] = [
    ("zeros((2, 3), np.float32)", lambda m: m.zeros((2, 3), np.float32)),
    ("zeros([2, 3], 'i4')", lambda m: m.zeros([2, 3], "i4")),
    ("ones(3, 'float32')", lambda m: m.ones(3, "float32")),
    ("empty((2, 2), int64) shape", lambda m: m.empty((2, 2), np.int64).shape),
    ("ones((), bool)", lambda m: m.ones((), bool)),
    ("zeros(3, None)", lambda m: m.zeros(3, None)),  # code that forwards its dtype=None
    ("ones([2, 3], None)", lambda m: m.ones([2, 3], None)),
    ("empty((2,), None) dtype", lambda m: (str(m.empty((2,), None).dtype).split(".")[-1],)),
    ("full(2, np.int64(300), int8)", lambda m: m.full(2, np.int64(300), np.int8)),  # wraps
    ("full((2, 2), np.uint8(200), int8)", lambda m: m.full((2, 2), np.uint8(200), np.int8)),
    ("full(2, np.uint64(2**64-1), int64)", lambda m: m.full(2, np.uint64(2**64 - 1), np.int64)),
    ("full_like(int8, np.int64(300))", lambda m: m.full_like(np.zeros(2, np.int8), np.int64(300))),
    ("full_like(list, np.int64(-1), uint8)", lambda m: m.full_like([1], np.int64(-1), np.uint8)),
    # a float that truncates into the range: NumPy's cast (tbridge refused -0.5 for uint8)
    ("full(2, -0.5, uint8)", lambda m: m.full(2, -0.5, np.uint8)),
    ("full(2000, -0.9, uint64)", lambda m: m.full(2000, -0.9, np.uint64)),
    ("full((2,), 255.9, uint8)", lambda m: m.full((2,), 255.9, np.uint8)),
    ("full_like(int8, -128.7)", lambda m: m.full_like(np.zeros(2, np.int8), -128.7)),
    ("full((2, 3), 7, float32)", lambda m: m.full((2, 3), 7, np.float32)),
    ("full((2, 3), [1, 2, 3])", lambda m: m.full((2, 3), [1, 2, 3])),
    ("full(2, 1.5, int64)", lambda m: m.full(2, 1.5, np.int64)),
    ("full(2, nan)", lambda m: m.full(2, np.nan)),
    ("eye(3, 4, 1, int32)", lambda m: m.eye(3, 4, 1, np.int32)),
    ("eye(3, None, -1, bool)", lambda m: m.eye(3, None, -1, bool)),
    ("asarray([1, 2], 'f4')", lambda m: m.asarray([1, 2], "f4")),
    ("asarray([[1.5]], int64)", lambda m: m.asarray([[1.5]], np.int64)),
    ("asarray([2**40 + 1], float32)", lambda m: m.asarray([2**40 + 1], np.float32)),
    ("array([1, 2], float16)", lambda m: m.array([1, 2], np.float16)),
    ("arange(stop=5)", lambda m: m.arange(stop=5)),
    ("arange(start=2, stop=5)", lambda m: m.arange(start=2, stop=5)),
    ("arange(start=1.0, stop=2.0, step=0.25)", lambda m: m.arange(start=1.0, stop=2.0, step=0.25)),
    ("arange(5, step=2)", lambda m: m.arange(5, step=2)),
    ("arange(0, 5, 1, float32)", lambda m: m.arange(0, 5, 1, np.float32)),
    ("arange(12, dtype=int32)", lambda m: m.arange(12, dtype=np.int32)),
    ("arange(0.5, 4, dtype=int16)", lambda m: m.arange(0.5, 4, dtype=np.int16)),
    ("linspace(start=0, stop=1, num=3)", lambda m: m.linspace(start=0, stop=1, num=3)),
    ("linspace(0, 1, 7, dtype=float32)", lambda m: m.linspace(0, 1, 7, dtype=np.float32)),
    (
        "linspace(0, 10, 4, False, dtype=int32)",
        lambda m: m.linspace(0, 10, 4, False, dtype=np.int32),
    ),
    ("linspace([0, 1], [2, 5], 3)", lambda m: m.linspace([0, 1], [2, 5], 3)),
    ("linspace([0, 1], 5, 4, axis=1)", lambda m: m.linspace([0, 1], 5, 4, axis=1)),
    (
        "linspace(arr f32, 1, 3, axis=-1)",
        lambda m: m.linspace(np.zeros((2, 2), np.float32), 1, 3, axis=-1),
    ),
    (
        "linspace([[0], [1]], [2, 3], 2, endpoint=False)",
        lambda m: m.linspace([[0], [1]], [2, 3], 2, endpoint=False),
    ),
    ("linspace(0, nan, 3)", lambda m: m.linspace(0, np.nan, 3)),
    ("linspace(1, 1j, 3)", lambda m: m.linspace(1, 1j, 3)),
    ("zeros_like(list)", lambda m: m.zeros_like([[1.5, 2.0]])),
    ("ones_like(list, int8)", lambda m: m.ones_like([1, 2, 3], np.int8)),
    ("full_like(list, 7)", lambda m: m.full_like([1, 2], 7)),
    ("full_like(int64, 2.5)", lambda m: m.full_like(np.arange(3), 2.5)),
    ("empty_like(list) shape", lambda m: m.empty_like([[True]]).shape),
]


@pytest.mark.parametrize(("name", "call"), NUMPY_FORMS, ids=[c[0] for c in NUMPY_FORMS])
def test_numpy_calling_conventions(name: str, call: Callable[[Any], Any]) -> None:
    got, expected = call(tb), call(np)
    if isinstance(expected, tuple):
        assert tuple(got) == expected
    else:
        assert_matches_numpy(got, expected)


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.full(2, 1e300, np.float32),
        lambda m: m.full(2000, 1e300, np.float32),
        lambda m: m.full(200, -1e300, np.float16),
        lambda m: m.full(2, np.float64(1e300), "c8"),
        lambda m: m.full_like(np.zeros(2, np.float32), 1e300),
        lambda m: m.full_like([1.0], -np.float64(1e300), np.float16),
        # just past the largest value, yet rounding down to it: not infinity
        lambda m: m.full(2, 65519.0, np.float16),
        lambda m: m.full(3, -3.4028235e38 * (1 + 2**-25), np.float32),
        lambda m: m.full_like(np.zeros(2, np.complex64), 3.4028235e38 * 1.0000000001),
    ],
)
def test_full_of_a_float_past_the_dtypes_range_rounds_as_numpy(call: Callable[[Any], Any]) -> None:
    """NumPy's cast rounds to the largest value or overflows to infinity (with its
    RuntimeWarning; tbridge reports no floating-point errors); torch refuses the value."""
    with np.errstate(over="ignore"):
        expected = call(np)
    assert_matches_numpy(call(tb), expected)


def test_torch_varargs_form_keeps_working() -> None:
    assert tb.zeros(5, 3).shape == (5, 3)
    assert tb.ones(2, 3, 4, dtype=tb.int32).dtype is tb.int32
    assert tb.empty(2, 2, dtype="f4").dtype is tb.float32


@pytest.mark.parametrize("dtype", [*KINDS, tb.float16, tb.int8, tb.uint16], ids=str)
@pytest.mark.parametrize("fn", ["zeros", "ones", "empty"])
def test_positional_dtype_spellings(fn: str, dtype: torch.dtype, device: torch.device) -> None:
    twin = numpy_dtype_of(dtype)
    for spelling in (dtype, twin, twin.name if twin is not None else None):
        if spelling is None:
            continue
        x = getattr(tb, fn)((2, 3), spelling, device=device)
        check_meta(x, (2, 3), dtype, device)


EXPLICIT = [tb.float32, tb.float64, tb.int32, tb.int64, tb.int8, tb.bool, tb.float16, tb.complex64]


@pytest.mark.parametrize("dtype", EXPLICIT, ids=str)
@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("asarray", lambda m, d: m.asarray([[0.1, 2.7, -3.5], [100.0, 0.0, 1.0]], d)),
        ("linspace", lambda m, d: m.linspace(-1.5, 7.25, 9, dtype=d)),
        ("arange", lambda m, d: m.arange(0.0, 3.0, 0.3, dtype=d)),
        ("arange(int)", lambda m, d: m.arange(11, dtype=d)),
        ("full", lambda m, d: m.full((3, 4), 1.5, d)),
        ("full(int)", lambda m, d: m.full((3, 4), 3, d)),
        ("eye", lambda m, d: m.eye(3, 4, 0, d)),
        ("zeros", lambda m, d: m.zeros((3, 4), d)),
        ("ones", lambda m, d: m.ones((3, 4), d)),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_explicit_dtypes_give_numpy_values(
    name: str, call: Callable[[Any, Any], Any], dtype: torch.dtype
) -> None:
    twin = numpy_dtype_of(dtype)
    if name.startswith("arange") and dtype == tb.bool:
        pytest.skip("NumPy refuses bool ranges of more than 2 values (checked below)")
    if (
        name == "linspace"
        and np.lib.NumpyVersion(np.__version__) < "2.0.0"
        and not (dtype.is_floating_point or dtype.is_complex)
    ):
        pytest.skip("NumPy 1 rounds integer linspace toward zero")
    assert_matches_numpy(call(tb, dtype), call(np, twin))


@pytest.mark.parametrize(
    "args",
    [(0,), (1,), (2,), (3,), (1, 2), (0, 1, 0.5), (5, 4), (0.5,), (3, 1, -2), (2, 3), (0, 2.5)],
    ids=str,
)
def test_bool_arange_as_numpy(args: tuple[float, ...]) -> None:
    # NumPy makes bool ranges of up to 2 values, the truths of start and start + step.
    try:
        expected = np.arange(*args, dtype=bool)
    except TypeError:
        with pytest.raises(TypeError, match="a bool range holds at most 2 values"):
            tb.arange(*args, dtype=tb.bool)
        return
    assert_matches_numpy(tb.arange(*args, dtype=tb.bool), expected)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: tb.zeros((2, 3), np.float32, dtype=np.float64), TypeError,
         r"zeros\(\) got the dtype twice: positionally \(<class 'numpy.float32'>\) and as "
         r"dtype=<class 'numpy.float64'>; pass it once"),
        (lambda: tb.ones((2, 3), 4), TypeError, r"dtype=4 is not a dtype"),
        (lambda: tb.ones((2, 3), 4, 5), TypeError,
         r"ones: a shape given as a sequence \(\(2, 3\)\) takes no more sizes, got 4 after it"),
        (lambda: tb.empty(3, "float99"), TypeError, r"dtype='float99' is not a dtype"),
        (lambda: tb.zeros((2, 3), dtype="object"), TypeError,
         r"dtype='object': NumPy dtype '\|O' \(object\) has no torch twin"),
        (tb.arange, TypeError, r"arange\(\) requires a stop: got start_or_stop=None and no"),
        (lambda: tb.arange(None), TypeError, r"arange\(\) requires a stop: got start_or_stop=N"),
        (lambda: tb.arange(3, dtype=bool), TypeError,
         r"arange: a bool range holds at most 2 values \(NumPy's rule\), and start=0, stop=3, "
         r"step=1 give 3; pass an integer dtype"),
        (lambda: tb.arange(start=3), TypeError,
         r"arange: start=3 without a stop; pass stop= too"),
        (lambda: tb.arange(1, start=3), TypeError,  # type: ignore[call-overload]
         r"arange: start was given twice: positionally \(1\) and as start=3"),
        (lambda: tb.arange(0, math.inf), ValueError,
         r"arange: start=0, stop=inf, step=1 give no finite number of elements"),
        (lambda: tb.arange(math.nan), ValueError, r"arange: start=0, stop=nan, step=1 give no"),
        (lambda: tb.arange(0, 5, math.inf, dtype=tb.int64), ValueError,
         r"arange: start=0, step=inf are not finite, and dtype torch.int64 holds only finite"),
        (lambda: tb.linspace(0, math.nan, 3, dtype=tb.int64), ValueError,
         r"linspace: start=0 and stop=nan must be finite for dtype torch.int64"),
        (lambda: tb.linspace([0, math.inf], 1, 3, dtype=tb.int32), ValueError,
         r"linspace: the bounds must be finite for dtype torch.int32"),
        (lambda: tb.linspace("a", 1), TypeError, r"linspace: start='a' is not a number"),
        (lambda: tb.linspace([0, 1], [1, 2, 3]), ValueError,
         r"linspace: start of shape \(2,\) and stop of shape \(3,\) do not broadcast"),
        (lambda: tb.linspace([0, 1], 1, 3, axis=2), AxisError,
         r"linspace: axis 2 is out of bounds for the result of 2 dimension"),
        (lambda: tb.linspace(0, 1j, 3, dtype=tb.float64), TypeError,
         r"linspace: complex bounds cannot give dtype torch.float64"),
        (lambda: tb.full(2, math.nan, tb.int64), ValueError,
         r"full: fill value nan does not fit dtype torch.int64"),
        (lambda: tb.full((2, 2), math.inf, np.int32), ValueError,
         r"full: fill value inf does not fit dtype torch.int32"),
        (lambda: tb.full((2, 3), [1, 2]), ValueError,
         r"full: a fill value of shape \(2,\) does not broadcast to shape \(2, 3\)"),
        (lambda: tb.full(2, None), TypeError, r"full: fill value None is not a scalar"),
        (lambda: tb.full_like(torch.zeros(2, dtype=torch.int64), math.nan), ValueError,
         r"full_like: fill value nan does not fit dtype torch.int64: integers hold no NaN"),
        (lambda: tb.full(2, 3e9, tb.int32), ValueError,
         r"full: fill value 3000000000.0 does not fit dtype torch.int32: it lies outside the "
         r"dtype's range \(-2147483648 to 2147483647\)"),
        (lambda: tb.full(2, 1j, tb.float32), TypeError,
         r"full: fill value 1j is complex and torch.float32 is not; pass a complex dtype"),
        (lambda: tb.full((2, 2), np.complex64(1j), tb.int8), TypeError,
         r"full: fill value 1j is complex and torch.int8 is not"),
        (lambda: tb.full_like(torch.zeros(2, dtype=torch.float32), 1j), TypeError,
         r"full_like: fill value 1j is complex and torch.float32 is not"),
        (lambda: tb.full_like(np.zeros(2), 2 + 1j, shape=3), TypeError,
         r"full_like: fill value \(2\+1j\) is complex and torch.float64 is not"),
        (lambda: tb.zeros(3, None, dtype="f4"), TypeError,
         r"zeros\(\) got the dtype twice: positionally \(None\) and as dtype='f4'"),
        (lambda: tb.eye(2, 2, 0, "nope"), TypeError, r"dtype='nope' is not a dtype"),
        (lambda: tb.eye(2.5), TypeError, r"eye: size 2.5 is not an integer"),
        (lambda: tb.asarray([1, 2], "nope"), TypeError, r"dtype='nope' is not a dtype"),
        (lambda: tb.zeros_like(torch.zeros(2), "nope"), TypeError, r"dtype='nope' is not a dtype"),
        (lambda: tb.meshgrid([1], copy=True, indexing="ji"), ValueError,  # type: ignore[arg-type]
         r"meshgrid: indexing='ji' is not allowed"),
        (lambda: tb.tril(torch.zeros(2, 2), 0.5), TypeError, r"tril: k=0.5 is not an integer"),
    ],
)  # fmt: skip
def test_bad_input_is_never_torchs_error(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message) as info:
        call()
    assert type(info.value) is not RuntimeError


def test_one_backward_per_family() -> None:
    a = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(5.0, dtype=torch.float64, requires_grad=True)
    out = tb.linspace(a.reshape(1), b.reshape(1), 4)  # array bounds: on the graph
    out.sum().backward()  # type: ignore[no-untyped-call]
    assert a.grad is not None
    assert b.grad is not None
    assert float(a.grad) == pytest.approx(2.0)
    assert float(b.grad) == pytest.approx(2.0)
    x = torch.arange(9.0, dtype=torch.float64).reshape(3, 3).requires_grad_(True)
    (tb.tril(x, -1).sum() + tb.meshgrid(x[0], x[1])[0].sum()).backward()  # type: ignore[no-untyped-call]
    assert x.grad is not None
    assert x.grad.tolist() == [[3.0, 3.0, 3.0], [1.0, 0.0, 0.0], [1.0, 1.0, 0.0]]
    fill = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
    tb.full((3, 2), fill).sum().backward()  # type: ignore[no-untyped-call]
    assert fill.grad is not None
    assert fill.grad.tolist() == [3.0, 3.0]


# ---- sizes too big to exist, or to allocate ---------------------------------------------------


def _proto(m: Any) -> Any:
    return m.zeros(3) if m is np else torch.zeros(3, dtype=torch.float64)


HUGE: list[tuple[str, Callable[[Any], Any], str]] = [
    ("zeros", lambda m: m.zeros(TOO_BIG), rf"^zeros: an array of shape \({TOO_BIG},\) and "
     rf"dtype torch.float64 {TOO_BIG_TEXT}; pass a smaller shape$"),
    ("zeros-2d", lambda m: m.zeros((2**40, 2**40)), rf"^zeros: .*\(1099511627776, "
     rf"1099511627776\) .*{TOO_BIG_TEXT}"),
    ("zeros-empty-axis", lambda m: m.zeros((2**40, 2**40, 0)), r"^zeros: .*its non-zero sizes"),
    ("zeros-beyond-int64", lambda m: m.zeros(2**63), r"^zeros: size 9223372036854775808 in "
     r"shape \(9223372036854775808,\) is larger than 9223372036854775807"),
    ("zeros-memory", lambda m: m.zeros(NO_MEMORY), rf"^zeros: {NO_MEMORY_TEXT}\) and dtype "
     r"torch.float64: the allocator cannot get that much memory; pass a smaller shape \(or a "
     r"smaller dtype\), or free memory$"),
    ("ones-float32", lambda m: m.ones((TOO_BIG, 4), "float32"), rf"^ones: {'.*'}torch.float32 "
     rf"{TOO_BIG_TEXT}"),
    ("empty-int8", lambda m: m.empty(TOO_BIG, dtype="int8"), r"^empty: unable to allocate "
     r"4.00 EiB"),  # 2**62 bytes: representable, not allocatable
    ("empty-memory", lambda m: m.empty((NO_MEMORY,)), rf"^empty: {NO_MEMORY_TEXT}"),
    ("full", lambda m: m.full(TOO_BIG, 1.0), rf"^full: an array of shape \({TOO_BIG},\) and "
     rf"dtype torch.float64 {TOO_BIG_TEXT}"),
    ("full-int", lambda m: m.full((2**40, 2**40), 7), rf"^full: .*torch.int64 {TOO_BIG_TEXT}"),
    ("full-memory", lambda m: m.full(NO_MEMORY, 1.0), rf"^full: {NO_MEMORY_TEXT}"),
    ("full-array-fill", lambda m: m.full(NO_MEMORY, m.asarray([1.0])), rf"^full: "
     rf"{NO_MEMORY_TEXT}"),
    ("full-int32", lambda m: m.full(TOO_BIG, 1, "int32"), rf"^full: .*torch.int32 "
     rf"{TOO_BIG_TEXT}"),
    ("zeros_like", lambda m: m.zeros_like(_proto(m), shape=TOO_BIG), rf"^zeros_like: "
     rf".*{TOO_BIG_TEXT}"),
    ("empty_like", lambda m: m.empty_like(_proto(m), shape=(2**40, 2**40)), rf"^empty_like: "
     rf".*{TOO_BIG_TEXT}"),
    ("ones_like-memory", lambda m: m.ones_like(_proto(m), shape=NO_MEMORY), rf"^ones_like: "
     rf"{NO_MEMORY_TEXT}"),
    ("full_like", lambda m: m.full_like(_proto(m), 1.0, shape=TOO_BIG), rf"^full_like: "
     rf".*{TOO_BIG_TEXT}"),
    ("full_like-memory", lambda m: m.full_like(_proto(m), 1.0, shape=NO_MEMORY), rf"^full_like: "
     rf"{NO_MEMORY_TEXT}"),
    ("eye", lambda m: m.eye(2**40), rf"^eye: .*\(1099511627776, 1099511627776\) .*"
     rf"{TOO_BIG_TEXT}; pass a smaller size$"),
    ("eye-m", lambda m: m.eye(3, TOO_BIG), rf"^eye: .*\(3, {TOO_BIG}\) .*{TOO_BIG_TEXT}"),
    ("eye-k", lambda m: m.eye(2**40, k=1), rf"^eye: .*{TOO_BIG_TEXT}"),
    ("eye-memory", lambda m: m.eye(2**29), r"^eye: unable to allocate 2.00 EiB for an array of "
     r"shape \(536870912, 536870912\)"),
    ("arange", lambda m: m.arange(TOO_BIG), rf"^arange: an array of shape \({TOO_BIG},\) and "
     rf"dtype torch.int64 {TOO_BIG_TEXT}; pass a smaller range$"),
    ("arange-bounds", lambda m: m.arange(0, TOO_BIG, 1), rf"^arange: .*{TOO_BIG_TEXT}"),
    ("arange-memory", lambda m: m.arange(NO_MEMORY), rf"^arange: {NO_MEMORY_TEXT}"),
    ("arange-float-memory", lambda m: m.arange(0.0, float(NO_MEMORY)), rf"^arange: "
     rf"{NO_MEMORY_TEXT}"),
    ("arange-float-beyond-int64", lambda m: m.arange(0.0, 1e30), r"^arange: size "
     r"1000000000000000019884624838656 in shape .* is larger than 9223372036854775807"),
    ("linspace", lambda m: m.linspace(0, 1, TOO_BIG), rf"^linspace: .*{TOO_BIG_TEXT}; pass a "
     rf"smaller num$"),
    ("linspace-memory", lambda m: m.linspace(0, 1, NO_MEMORY), rf"^linspace: {NO_MEMORY_TEXT}"),
    ("linspace-arrays", lambda m: m.linspace(m.asarray([0.0, 1.0]), 2.0, TOO_BIG), rf"^linspace: "
     rf"an array of shape \({TOO_BIG}, 2\) .*{TOO_BIG_TEXT}"),
    ("linspace-bool", lambda m: m.linspace(0, 1, TOO_BIG, dtype=bool), r"^linspace: .*too big "
     r"to exist"),  # 2**62 bools exist; their float64 samples do not
]  # fmt: skip


@pytest.mark.parametrize(("call", "message"), [h[1:] for h in HUGE], ids=[h[0] for h in HUGE])
def test_sizes_too_big_raise_numpys_error(call: Callable[[Any], Any], message: str) -> None:
    check_refused(call, message)


@needs_numpy2("NumPy 1.x wraps such ints with a DeprecationWarning")
@pytest.mark.parametrize("dtype", ["int8", "uint8", "uint16", "uint32", "int64", "uint64"])
@pytest.mark.parametrize(
    "call",
    [
        lambda m, v, d: m.full(2, v, dtype=d),
        lambda m, v, d: m.full((2, 2), v, d),
        lambda m, v, d: m.full_like(m.zeros(2, dtype=d), v),
        lambda m, v, d: m.full_like(m.zeros(2), v, dtype=d),
        lambda m, v, d: m.asarray(v, dtype=d),
        lambda m, v, d: m.asarray([1, v], dtype=d),
        lambda m, v, d: m.array([[v]], dtype=d),
    ],
    ids=[
        "full",
        "full-positional",
        "full_like",
        "full_like-dtype",
        "asarray",
        "asarray-list",
        "array-nested",
    ],
)
def test_python_ints_beyond_an_integer_dtype_are_numpys_overflow_error(
    call: Callable[..., Any], dtype: str
) -> None:
    # torch would wrap -1 into an unsigned dtype (255), and cast a list's 300 to 44.
    info = np.iinfo(dtype)
    for value in (int(info.min) - 1, int(info.max) + 1):
        with pytest.raises(OverflowError):
            call(np, value, dtype)
        with pytest.raises(OverflowError, match=r"out of bounds for torch\.|does not fit torch\."):
            call(tb, value, dtype)
    assert_matches_numpy(call(tb, int(info.max), dtype), call(np, int(info.max), dtype))


@pytest.mark.parametrize("value", [math.nan, math.inf])
def test_nan_and_inf_into_an_integer_dtype_are_refused_as_numpy_refuses_them(
    value: float,
) -> None:
    for data in ([value], [[1.0], [value]]):
        with pytest.raises((ValueError, OverflowError)) as numpy_error:
            np.asarray(data, dtype=np.int64)
        with pytest.raises(numpy_error.type, match=r"^asarray: "):
            tb.asarray(data, dtype=tb.int64)


def test_numpy_integers_still_cast_as_numpy_casts_them() -> None:
    # A NumPy scalar or array is cast, not read: NumPy wraps it, and so does tbridge.
    for call in (
        lambda m: m.full(2, np.int64(-1), dtype=np.uint8),
        lambda m: m.asarray([np.array([300])], dtype=np.uint8),
    ):
        assert_matches_numpy(call(tb), call(np))


ARANGE_SCALARS = [
    np.float32(5),
    np.int8(5),
    np.uint8(3),
    np.float16(3),
    np.uint64(7),
    np.int32(3),
    np.float64(4.5),
    np.int16(9),
    6,
    2.5,
]


@pytest.mark.parametrize("stop", ARANGE_SCALARS, ids=repr)
@pytest.mark.parametrize("start", [None, np.float32(1), np.int8(1), 1, np.uint8(0)], ids=repr)
def test_arange_reads_numpy_scalar_bounds_as_numpy_does(start: Any, stop: Any) -> None:
    # NumPy promotes the bounds' dtypes with int64: np.float32(5) gives float64, np.int8(5)
    # int64 (np.result_type alone would give float32 and int8).
    args = (stop,) if start is None else (start, stop)
    assert_matches_numpy(tb.arange(*args), np.arange(*args))


@pytest.mark.parametrize(
    "args", [(1, 2**63, 2**62), (2**63, 2**63 + 2**60, 2**58), (0.0, 2**63 + 2**62, 2**62)]
)
def test_arange_with_ints_past_int64_is_float64_as_numpys(args: tuple[Any, ...]) -> None:
    # NumPy reads such ints as uint64, which promotes with int64 to float64 (torch refused
    # them with its RuntimeError).
    assert_matches_numpy(tb.arange(*args), np.arange(*args))


def test_a_size_error_is_not_reported_as_a_fill_value() -> None:
    # full once read torch's size failure as a fill value its dtype could not hold
    with pytest.raises(ValueError, match=r"^full: an array of shape") as info:
        tb.full((TOO_BIG,), 1.0, device="cpu")  # the general path
    assert "fill value" not in str(info.value)
    with pytest.raises(OverflowError, match=r"^full: Python integer 1180591620717411303424 is"):
        tb.full(3, 2**70)  # a fill value the dtype cannot hold is still one


@pytest.mark.parametrize("fn", [tb.rand_like, tb.randn_like], ids=lambda f: f.__name__)
def test_random_likes_refuse_huge_shapes(fn: Callable[..., torch.Tensor]) -> None:
    with pytest.raises(ValueError, match=rf"^{fn.__name__}: .*{TOO_BIG_TEXT}"):
        fn(torch.zeros(3, dtype=torch.float32), shape=TOO_BIG)
    with pytest.raises(MemoryError, match=rf"^{fn.__name__}: unable to allocate 1.00 EiB"):
        fn(torch.zeros(3, dtype=torch.float32), shape=NO_MEMORY)  # float32, as the prototype


def test_numpys_memory_error_on_the_host_path_names_arange(monkeypatch: pytest.MonkeyPatch) -> None:
    # arange(n) below 2**52 is NumPy's own arange; a size it cannot allocate is NumPy's
    # MemoryError, told as arange's (faked here: a real one would need petabytes refused)
    def refuse(*args: object, **kwargs: object) -> None:
        raise MemoryError("Unable to allocate 8.00 PiB for an array with shape (2**50,)")

    monkeypatch.setattr(np, "arange", refuse)
    with pytest.raises(MemoryError, match=r"^arange: unable to allocate 8.00 PiB for an array of "
                       r"shape \(1125899906842624,\) and dtype torch.int64") as info:  # fmt: skip
        tb.arange(2**50)
    assert isinstance(info.value.__cause__, MemoryError)


@pytest.mark.parametrize(
    "bounds",
    [
        (2**63, 2**63 + 2),
        (2**63 - 1, 2**63 + 1),
        (2**63 - 2, 2**63),
        (1, 2**63, 2**62),
        (2**63 + 10, 2**63, -3),
        (2**63, 2**63),
    ],
)
@pytest.mark.parametrize("dtype", [None, np.float32, np.float64])
def test_arange_of_ints_past_int64_counts_as_numpy(bounds: tuple[int, ...], dtype: Any) -> None:
    """NumPy counts the steps with the Python ints, then converts: arange(2**63, 2**63 + 2)
    has two (equal) float64 values, where counting in float64 gives none."""
    assert_matches_numpy(tb.arange(*bounds, dtype=dtype), np.arange(*bounds, dtype=dtype))


@pytest.mark.parametrize("bounds", [(2**64, 2**64 + 5, 2), (-(2**63) - 5, 0, 2**62)])
def test_arange_of_ints_past_every_integer_dtype_is_an_overflow_error(
    bounds: tuple[int, ...],
) -> None:
    assert np.arange(*bounds).dtype == np.dtype(object)  # no torch counterpart
    with pytest.raises(OverflowError, match=r"^arange: Python integer -?\d+ is out of bounds"):
        tb.arange(*bounds)
    assert_matches_numpy(tb.arange(*bounds, dtype=tb.float64), np.arange(*bounds, dtype=np.float64))
