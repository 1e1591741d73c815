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

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of

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
            ValueError,
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
            ValueError,
            r"full: fill value 1180591620717411303424 does not fit dtype torch.int64",
        ),
        (
            lambda: tb.zeros_like([1, 2]),
            TypeError,
            r"zeros_like: prototype of type list is not an array; pass a torch.Tensor or a NumPy array \(or call zeros\(shape\) instead\)",
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


def test_asarray_python_ints_beyond_int64() -> None:
    with pytest.raises((TypeError, ValueError), match=r"asarray: "):
        tb.asarray([2**70])


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
