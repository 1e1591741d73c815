"""tbridge._numpy.signal (convolve, correlate, interp, gradient, ediff1d, trapezoid and the
polynomial helpers), with NumPy as the oracle on a grid of dtypes x shapes x options."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from numpy.exceptions import AxisError

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of
from tbridge._numpy.signal import _slide
from tests._helpers import assert_matches_numpy
from tests._huge import NO_MEMORY, NO_MEMORY_TEXT, TOO_BIG, TOO_BIG_TEXT, check_refused
from tests._numpy_compat import NUMPY_MAJOR

RNG = np.random.default_rng(11)
#: NumPy 2's name (NumPy 1.x calls it trapz).
np_trapezoid = getattr(np, "trapezoid", None) or getattr(np, "trapz")  # noqa: B009
needs_numpy2 = pytest.mark.skipif(NUMPY_MAJOR < 2, reason="NumPy 1.x promotes by value")
#: NumPy's own rank warning class, wherever this NumPy keeps it.
RankWarning = getattr(np.exceptions, "RankWarning", None) or getattr(np, "RankWarning")  # noqa: B009

INTEGERS = [tb.int8, tb.int16, tb.int32, tb.int64, tb.uint8, tb.uint16, tb.uint32, tb.uint64]
FLOATS = [tb.float16, tb.float32, tb.float64, tb.complex64, tb.complex128]
ALL = [tb.bool, *INTEGERS, *FLOATS]
CPU = torch.device("cpu")


def _data(dtype: torch.dtype, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    nd = numpy_dtype_of(dtype)
    assert nd is not None
    if dtype == tb.bool:
        return RNG.integers(0, 2, size=shape).astype(nd)
    low = 0 if dtype in (tb.uint8, tb.uint16, tb.uint32, tb.uint64) else -3
    values = RNG.integers(low, 4, size=shape)
    if dtype.is_complex:
        return (values + 1j * RNG.integers(-3, 4, size=shape)).astype(nd)
    return values.astype(nd)


def _put(a: Any, device: torch.device) -> torch.Tensor:
    return torch.from_numpy(np.array(a)).to(device)


# ==== convolve and correlate ===================================================================

LENGTHS = [(5, 3), (3, 5), (4, 4), (6, 2), (1, 3), (3, 1), (7, 4)]


@pytest.mark.parametrize("fn", ["convolve", "correlate"])
@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("lengths", LENGTHS, ids=str)
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_convolve_and_correlate_match_numpy(
    *, fn: str, dtype: torch.dtype, lengths: tuple[int, int], mode: str, device: torch.device
) -> None:
    a, v = _data(dtype, (lengths[0],)), _data(dtype, (lengths[1],))
    expected = getattr(np, fn)(a, v, mode)
    got = getattr(tb, fn)(_put(a, device), _put(v, device), mode)
    assert_matches_numpy(got, expected, device=device)


def test_convolve_defaults_promotion_and_scalars() -> None:
    a, v = _data(tb.int8, (5,)), _data(tb.float32, (3,))
    assert_matches_numpy(tb.convolve(a, v), np.convolve(a, v))
    assert_matches_numpy(tb.correlate(a, v), np.correlate(a, v))
    assert_matches_numpy(tb.convolve(2, [1, 2]), np.convolve(2, [1, 2]))


def test_convolve_fallback_without_a_kernel_is_exact() -> None:
    """The sum of shifted products, used where conv1d has no kernel (integers on CUDA)."""
    a, v = torch.arange(7), torch.tensor([2, -1, 3])
    want = torch.nn.functional.conv1d(a.view(1, 1, -1), v.view(1, 1, -1), padding=2).view(-1)
    got = _slide(a, v, (2, 2), torch.float16)  # a dtype routed to the fallback
    assert torch.equal(got, want)


# ==== interp =======================================================================================

XP = [0.0, 1.0, 2.5, 4.0]
FP = [1.0, -1.0, 2.0, 0.5]
X_VALUES = [-1.0, 0.0, 0.3, 1.0, 2.0, 2.5, 3.9, 4.0, 5.0, math.nan]


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"left": -7.0},
        {"right": 9.0},
        {"left": 0.0, "right": 1.0},
        {"period": 3.0},
        {"period": -5},
    ],
    ids=str,
)
@pytest.mark.parametrize("x_shape", [(10,), (2, 5), ()], ids=str)
def test_interp_matches_numpy(
    kwargs: dict[str, Any], x_shape: tuple[int, ...], device: torch.device
) -> None:
    x = np.array(X_VALUES)[: math.prod(x_shape)].reshape(x_shape)
    expected = np.interp(x, XP, FP, **kwargs)
    got = tb.interp(_put(x, device), _put(XP, device), _put(FP, device), **kwargs)
    assert_matches_numpy(got, expected, device=device)


@pytest.mark.parametrize(
    ("xp", "fp"),
    [
        ([1.0], [3.0]),  # one sample
        ([0.0, 1.0, 1.0, 2.0], [0.0, 1.0, 5.0, 2.0]),  # a repeated point: a jump
        ([0.0, 1.0, 2.0], [1 + 1j, 2 - 1j, 0j]),  # complex values
        ([0.0, 1.0, 2.0], [0.0, math.inf, math.inf]),  # a flat infinite step
        ([0, 1, 2], [3, 4, 5]),  # integers: float64, as NumPy
    ],
    ids=str,
)
def test_interp_edge_cases_match_numpy(xp: list[Any], fp: list[Any]) -> None:
    x = np.array([-0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5])
    assert_matches_numpy(tb.interp(x, xp, fp), np.interp(x, xp, fp))


def test_interp_float32_gives_the_default_float() -> None:
    x = np.linspace(0, 3, 7, dtype=np.float32)
    xp, fp = np.arange(4, dtype=np.float32), np.arange(4, dtype=np.float32) ** 2
    assert_matches_numpy(tb.interp(x, xp, fp), np.interp(x, xp, fp))
    with tb.default_float(tb.float32):
        assert tb.interp(x, xp, fp).dtype is tb.float32


# ==== gradient =======================================================================================

GRADIENT_CASES: list[tuple[tuple[int, ...], tuple[Any, ...], Any]] = [
    ((6,), (), None),
    ((6,), (0.5,), None),
    ((6,), (np.array([0.0, 0.5, 1.5, 2.0, 3.5, 4.0]),), None),
    ((4, 5), (), None),
    ((4, 5), (2.0,), None),
    ((4, 5), (2.0, np.array([0.0, 1.0, 3.0, 4.0, 7.0])), None),
    ((4, 5), (), 1),
    ((4, 5), (np.arange(4.0) ** 2,), 0),
    ((3, 4, 5), (1.0, 3.0), (0, -1)),
]


@pytest.mark.parametrize(
    "dtype", [tb.int64, tb.uint8, tb.float16, tb.float32, tb.float64, tb.complex128], ids=str
)
@pytest.mark.parametrize(("shape", "spacing", "axis"), GRADIENT_CASES, ids=str)
@pytest.mark.parametrize("edge_order", [1, 2])
def test_gradient_matches_numpy(
    *,
    dtype: torch.dtype,
    shape: tuple[int, ...],
    spacing: tuple[Any, ...],
    axis: Any,
    edge_order: int,
    device: torch.device,
) -> None:
    f = _data(dtype, shape)
    expected = np.gradient(f, *spacing, axis=axis, edge_order=edge_order)
    got = tb.gradient(_put(f, device), *spacing, axis=axis, edge_order=edge_order)
    if isinstance(expected, (tuple, list)):  # NumPy 1.x returns a list
        assert isinstance(got, tuple)
        assert len(got) == len(expected)
        for g, e in zip(got, expected, strict=True):
            assert_matches_numpy(g, e, device=device, rtol=4e-3 if dtype == tb.float16 else None)
    else:
        assert_matches_numpy(
            got, expected, device=device, rtol=4e-3 if dtype == tb.float16 else None
        )


# ==== ediff1d and trapezoid =============================================================================


@pytest.mark.parametrize("dtype", [*INTEGERS, *FLOATS], ids=str)
@pytest.mark.parametrize(
    "extra", [{}, {"to_begin": (1,)}, {"to_end": (2,)}, {"to_begin": (1, 1), "to_end": ()}], ids=str
)
@pytest.mark.parametrize("shape", [(5,), (2, 3), (1,), (0,)], ids=str)
def test_ediff1d_matches_numpy(
    dtype: torch.dtype, extra: dict[str, Any], shape: tuple[int, ...], device: torch.device
) -> None:
    a = _data(dtype, shape)
    kwargs = {name: _data(dtype, s) for name, s in extra.items()}
    expected = np.ediff1d(a, **kwargs)
    assert_matches_numpy(tb.ediff1d(_put(a, device), **kwargs), expected, device=device)


TRAPEZOID_CASES: list[tuple[tuple[int, ...], dict[str, Any]]] = [
    ((5,), {}),
    ((5,), {"dx": 0.5}),
    ((5,), {"x": np.array([0.0, 1.0, 1.5, 3.0, 4.0])}),
    ((3, 4), {"axis": 0}),
    ((3, 4), {"x": np.array([0.0, 2.0, 3.0, 5.0])}),
    ((3, 4), {"x": np.arange(12.0).reshape(3, 4) ** 1.5}),
    ((3, 4), {"x": np.array([0.0, 1.0, 4.0]), "axis": 0}),
    ((0,), {}),
    ((1,), {}),
]


@pytest.mark.parametrize(
    "dtype", [tb.bool, tb.int64, tb.uint16, tb.float32, tb.float64, tb.complex64], ids=str
)
@pytest.mark.parametrize(("shape", "kwargs"), TRAPEZOID_CASES, ids=str)
def test_trapezoid_matches_numpy(
    dtype: torch.dtype, shape: tuple[int, ...], kwargs: dict[str, Any], device: torch.device
) -> None:
    y = _data(dtype, shape)
    expected = np_trapezoid(y, **kwargs)
    assert_matches_numpy(tb.trapezoid(_put(y, device), **kwargs), expected, device=device)


# ==== polynomials ======================================================================================


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(
    ("p_shape", "x_shape"),
    [((4,), (5,)), ((1,), (2, 3)), ((3,), ()), ((0,), (2,)), ((3, 2), (2,))],
    ids=str,
)
def test_polyval_matches_numpy(
    dtype: torch.dtype, p_shape: tuple[int, ...], x_shape: tuple[int, ...], device: torch.device
) -> None:
    p, x = _data(dtype, p_shape), _data(dtype, x_shape)
    assert_matches_numpy(
        tb.polyval(_put(p, device), _put(x, device)), np.polyval(p, x), device=device
    )


@needs_numpy2
@pytest.mark.parametrize(
    ("p_dtype", "x_dtype"),
    [(tb.int8, tb.float32), (tb.int64, tb.float32), (tb.bool, tb.int8)],
    ids=str,
)
def test_polyval_promotes_like_numpy(p_dtype: torch.dtype, x_dtype: torch.dtype) -> None:
    p, x = _data(p_dtype, (3,)), _data(x_dtype, (4,))
    assert_matches_numpy(tb.polyval(p, x), np.polyval(p, x))


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("m", [0, 1, 2, 5])
def test_polyder_matches_numpy(dtype: torch.dtype, m: int, device: torch.device) -> None:
    p = _data(dtype, (4,))
    assert_matches_numpy(tb.polyder(_put(p, device), m), np.polyder(p, m), device=device)


@pytest.mark.parametrize(
    "dtype", [tb.bool, tb.int8, tb.int64, tb.float16, tb.float32, tb.float64, tb.complex64], ids=str
)
@pytest.mark.parametrize(
    ("m", "k"), [(1, None), (2, None), (3, 2.0), (2, [1.0, -1.0]), (1, 3)], ids=str
)
def test_polyint_matches_numpy(dtype: torch.dtype, m: int, k: Any, device: torch.device) -> None:
    p = _data(dtype, (3,))
    expected = np.polyint(p, m, k)
    got = tb.polyint(_put(p, device), m, k)
    assert_matches_numpy(got, expected, device=device, rtol=4e-3 if dtype == tb.float16 else None)


def test_ediff1d_takes_python_numbers_of_the_same_kind() -> None:
    a = np.array([1.5, 2.0, 4.0])
    assert_matches_numpy(
        tb.ediff1d(a, to_end=[7, 8], to_begin=5), np.ediff1d(a, to_end=[7, 8], to_begin=5)
    )


def test_polyint_of_order_zero_is_p_itself() -> None:
    p = torch.tensor([1.0, 2.0])
    assert tb.polyint(p, 0) is p


@pytest.mark.parametrize("fn", ["polyadd", "polysub"])
@pytest.mark.parametrize("dtype", [*INTEGERS, *FLOATS], ids=str)
@pytest.mark.parametrize("lengths", [(3, 3), (2, 4), (4, 1)], ids=str)
def test_polyadd_polysub_match_numpy(
    fn: str, dtype: torch.dtype, lengths: tuple[int, int], device: torch.device
) -> None:
    a, b = _data(dtype, (lengths[0],)), _data(dtype, (lengths[1],))
    got = getattr(tb, fn)(_put(a, device), _put(b, device))
    assert_matches_numpy(got, getattr(np, fn)(a, b), device=device)


@pytest.mark.parametrize("dtype", [*INTEGERS, *FLOATS], ids=str)
@pytest.mark.parametrize(
    ("a", "b"),
    [([1, 2, 3], [3, 0, 1]), ([0, 0, 2, 1], [0, 3]), ([0, 0], [1, 2]), ([2], [0])],
    ids=str,
)
def test_polymul_matches_numpy(
    dtype: torch.dtype, a: list[int], b: list[int], data_device: torch.device
) -> None:
    """NumPy drops leading zero coefficients first, so the length depends on the data."""
    x, y = np.array(a).astype(numpy_dtype_of(dtype)), np.array(b).astype(numpy_dtype_of(dtype))
    got = tb.polymul(_put(x, data_device), _put(y, data_device))
    assert_matches_numpy(got, np.polymul(x, y), device=data_device)


@pytest.mark.parametrize(
    ("a", "b"),
    [([], [1, 2, 3]), ([1.5, -2.0], []), ([], []), (np.zeros(0, np.int64), np.array([2, 3]))],
    ids=str,
)
def test_polymul_of_no_coefficients_is_the_zero_polynomial(a: Any, b: Any) -> None:
    """NumPy reads no coefficients as ``[0]`` (its ``poly1d``); tbridge raised convolve's
    "a is empty" ValueError."""
    assert_matches_numpy(tb.polymul(tb.asarray(a), tb.asarray(b)), np.polymul(a, b))


def test_polyadd_of_bools_is_logical() -> None:
    a, b = np.array([True, False]), np.array([False, False, True])
    assert_matches_numpy(tb.polyadd(a, b), np.polyadd(a, b))
    assert_matches_numpy(tb.polymul(a, b), np.polymul(a, b))


@pytest.mark.parametrize(
    "zeros",
    [
        [1, 2, 3],
        [1.5, -2.0],
        np.array([1, 2], dtype=np.float32),
        [1j, -1j, 2],  # conjugate pairs: real coefficients
        [1j, 2],  # not: complex coefficients
        [[1.0, 2.0], [3.0, 4.0]],  # a matrix: its characteristic polynomial
        np.array([0.5], dtype=np.float16),
        [],
    ],
    ids=str,
)
def test_poly_matches_numpy(zeros: Any, data_device: torch.device) -> None:
    z = _put(zeros, data_device) if np.size(zeros) else np.array(zeros)
    assert_matches_numpy(tb.poly(z), np.poly(zeros), device=data_device if np.size(zeros) else None)


def _sorted(values: Any) -> np.ndarray[Any, Any]:
    v = np.asarray(values)
    return np.sort_complex(v) if v.dtype.kind == "c" else np.sort(v)


@pytest.mark.parametrize(
    "p",
    [
        [1, -3, 2],
        [1.0, 0.0, 1.0],
        [0, 0, 1, -1, 0, 0],
        np.array([2, -4, 2, 5], dtype=np.float32),
        [1j, 2, 1 - 1j],
        [5],
        [0, 0],
    ],
    ids=str,
)
def test_roots_match_numpy(p: Any, data_device: torch.device) -> None:
    got = tb.roots(_put(p, data_device))
    expected = np.roots(p)
    assert got.dtype is tb.asarray(expected).dtype
    assert got.device == data_device
    assert_matches_numpy(torch.from_numpy(_sorted(got.cpu().numpy())), _sorted(expected), rtol=1e-5)


POLYFIT_CASES: list[tuple[int, dict[str, Any]]] = [
    (1, {}),
    (2, {}),
    (3, {"rcond": 1e-10}),
    (2, {"w": np.linspace(0.5, 2.0, 8)}),
    (2, {"cov": True}),
    (2, {"cov": "unscaled"}),
    (2, {"full": True}),
]


@pytest.mark.parametrize("dtype", [tb.int64, tb.float32, tb.float64, tb.complex128], ids=str)
@pytest.mark.parametrize("y_shape", [(8,), (8, 2)], ids=str)
@pytest.mark.parametrize(("deg", "kwargs"), POLYFIT_CASES, ids=str)
def test_polyfit_matches_numpy(
    dtype: torch.dtype,
    y_shape: tuple[int, ...],
    deg: int,
    kwargs: dict[str, Any],
    data_device: torch.device,
) -> None:
    x = np.arange(8).astype(numpy_dtype_of(dtype) if not dtype.is_complex else np.float64)
    y = _data(dtype, y_shape)
    expected = np.polyfit(x, y, deg, **kwargs)
    got = tb.polyfit(_put(x, data_device), _put(y, data_device), deg, **kwargs)
    rtol = 1e-4 if dtype == tb.float32 else 1e-9
    if isinstance(expected, tuple):
        assert isinstance(got, tuple)
        assert len(got) == len(expected)
        for g, e in zip(got, expected, strict=True):
            assert_matches_numpy(g, e, device=data_device, rtol=rtol, check_dtype=np.ndim(e) > 0)
    else:
        assert_matches_numpy(got, expected, device=data_device, rtol=rtol)


@pytest.mark.parametrize(
    "y",
    [[3.5, math.nan, 2.0, -9.0, 4.0], [[1, 2], [3, math.nan], [2, 2], [3, 3], [4, math.inf]]],
    ids=str,
)
def test_polyfit_of_non_finite_y_is_nan_in_its_columns_as_numpy(y: Any) -> None:
    # torch's gelsd raised "INTERNAL ASSERT FAILED" (a RuntimeError) for NaN in y.
    x = np.arange(5.0)
    assert_matches_numpy(tb.polyfit(x, y, 1), np.polyfit(x, np.asarray(y, dtype=float), 1))


def test_polyfit_of_non_finite_x_is_numpys_linalg_error() -> None:
    x, y = [0.0, 1.0, math.nan], [1.0, 2.0, 3.0]
    with pytest.raises(np.linalg.LinAlgError, match="SVD did not converge"):
        np.polyfit(x, y, 1)
    with pytest.raises(tb.linalg.LinAlgError, match=r"^polyfit: x \(or w\) holds NaN"):
        tb.polyfit(x, y, 1)


def test_polyfit_warns_when_rank_deficient() -> None:
    x, y = [1.0, 1.0, 1.0], [1.0, 2.0, 3.0]
    with pytest.warns(RankWarning, match=r"^polyfit: the fit may be poorly conditioned$"):
        got = tb.polyfit(x, y, 2)
    with pytest.warns(RankWarning):
        expected = np.polyfit(x, y, 2)
    assert_matches_numpy(got, expected)


# ==== bad input ======================================================================================

BAD: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "convolve-empty",
        lambda: tb.convolve([], [1]),
        ValueError,
        r"^convolve: a is empty; it needs at least one element$",
    ),
    (
        "convolve-2d",
        lambda: tb.convolve([[1]], [1]),
        ValueError,
        r"^convolve: a has shape \(1, 1\); it must be 1-D",
    ),
    (
        "convolve-mode",
        lambda: tb.convolve([1], [1], "wide"),
        ValueError,
        r"^convolve: mode='wide' is not a mode; pass 'full', 'same' or 'valid'$",
    ),  # type: ignore[arg-type]
    ("correlate-empty", lambda: tb.correlate([1], []), ValueError, r"^correlate: v is empty"),
    (
        "correlate-str",
        lambda: tb.correlate("ab", [1]),
        TypeError,
        r"^correlate: a must be array data",
    ),
    (
        "interp-2d",
        lambda: tb.interp([1.0], [[0.0, 1.0]], [0.0, 1.0]),
        ValueError,
        r"^interp: xp has shape \(1, 2\) and fp \(2,\); both must be 1-D",
    ),
    (
        "interp-lengths",
        lambda: tb.interp([1.0], [0.0, 1.0], [0.0]),
        ValueError,
        r"^interp: xp has 2 samples and fp 1; they must have the same length$",
    ),
    (
        "interp-empty",
        lambda: tb.interp([1.0], [], []),
        ValueError,
        r"^interp: xp is empty; pass at least one sample point$",
    ),
    (
        "interp-period",
        lambda: tb.interp([1.0], [0.0, 1.0], [0.0, 1.0], period=0),
        ValueError,
        r"^interp: period=0; a period must be non-zero$",
    ),
    (
        "interp-complex-x",
        lambda: tb.interp([1j], [0.0, 1.0], [0.0, 1.0]),
        TypeError,
        r"^interp: x and xp must be real",
    ),
    (
        "gradient-small",
        lambda: tb.gradient([1.0, 2.0], edge_order=2),
        ValueError,
        r"^gradient: f has shape \(2,\), 2 point\(s\) along axis 0; edge_order=2 needs at least 3$",
    ),
    (
        "gradient-edge",
        lambda: tb.gradient([1.0, 2.0, 3.0, 4.0], edge_order=3),
        ValueError,
        r"^gradient: edge_order=3 must be 1 or 2$",
    ),  # type: ignore[call-overload]
    (
        "gradient-count",
        lambda: tb.gradient(torch.ones(3, 3), 1.0, 2.0, 3.0),
        TypeError,
        r"^gradient: 3 spacing arguments for 2 axes; pass none, one scalar, or one per axis$",
    ),
    (
        "gradient-coords",
        lambda: tb.gradient(torch.ones(4), [0.0, 1.0]),
        ValueError,
        r"^gradient: 2 coordinates for axis 0 of size 4; 1-D coordinates must match",
    ),
    (
        "gradient-coords-2d",
        lambda: tb.gradient(torch.ones(2), [[0.0, 1.0]]),
        ValueError,
        r"^gradient: coordinates of shape \(1, 2\) for axis 0; they must be scalars or 1-D$",
    ),
    (
        "gradient-axis",
        lambda: tb.gradient(torch.ones(3), axis=1),
        AxisError,
        r"^gradient: axis 1 is out of bounds for an array of 1 dimension\(s\)",
    ),
    (
        "gradient-repeat",
        lambda: tb.gradient(torch.ones(3, 3), axis=(0, -2)),
        ValueError,
        r"^gradient: axis=\(0, -2\) names an axis twice$",
    ),
    ("gradient-bool", lambda: tb.gradient([True, False, True]), TypeError, r"^gradient: f is bool"),
    (
        "ediff1d-bool",
        lambda: tb.ediff1d([True, False]),
        TypeError,
        r"^ediff1d: ary is bool, which NumPy does not subtract",
    ),
    (
        "ediff1d-kind",
        lambda: tb.ediff1d([1, 2], to_end=0.5),
        TypeError,
        r"^ediff1d: to_end is torch.float64, which cannot be cast to ary's torch.int64 under NumPy's 'same_kind' rule",
    ),
    (
        "trapezoid-axis",
        lambda: tb.trapezoid(torch.ones(3), axis=1),
        AxisError,
        r"^trapezoid: axis 1 is out of bounds",
    ),
    (
        "trapezoid-x",
        lambda: tb.trapezoid(torch.ones(3), x=[0.0, 1.0]),
        ValueError,
        r"^trapezoid: x has 2 coordinates for 3 samples along axis 0; pass one coordinate per sample$",
    ),
    (
        "trapezoid-x-nd",
        lambda: tb.trapezoid(torch.ones(3, 4), x=torch.ones(2, 4)),
        ValueError,
        r"^trapezoid: x of shape \(2, 4\) does not broadcast with y of shape \(3, 4\)",
    ),
    (
        "trapezoid-dx",
        lambda: tb.trapezoid(torch.ones(3), dx="a"),
        TypeError,
        r"^trapezoid: dx='a' must be a real number$",
    ),  # type: ignore[arg-type]
    (
        "polyval-str",
        lambda: tb.polyval("ab", 1.0),
        TypeError,
        r"^polyval: p must be array data",
    ),
    (
        "polyval-x",
        lambda: tb.polyval([1.0], None),
        TypeError,
        r"^polyval: x must be array data",
    ),
    (
        "polymul-2d",
        lambda: tb.polymul([[1.0]], [1.0]),
        ValueError,
        r"^polymul: a1 has shape \(1, 1\); polynomial coefficients are 1-D",
    ),
    (
        "polyint-2d",
        lambda: tb.polyint([[1.0]]),
        ValueError,
        r"^polyint: p has shape \(1, 1\); polynomial coefficients are 1-D",
    ),
    (
        "interp-period-type",
        lambda: tb.interp([1.0], [0.0, 1.0], [0.0, 1.0], period="a"),  # type: ignore[arg-type]
        TypeError,
        r"^interp: period='a' must be a real number$",
    ),
    (
        "polyder-m",
        lambda: tb.polyder([1, 2], -1),
        ValueError,
        r"^polyder: m=-1 is negative; pass m >= 0 \(for the other way, tb.polyint\)$",
    ),
    (
        "polyder-2d",
        lambda: tb.polyder([[1, 2]]),
        ValueError,
        r"^polyder: p has shape \(1, 2\); polynomial coefficients are 1-D",
    ),
    (
        "polyint-m",
        lambda: tb.polyint([1, 2], 1.5),
        TypeError,
        r"^polyint: m=1.5 must be an integer$",
    ),  # type: ignore[arg-type]
    (
        "polyint-k",
        lambda: tb.polyint([1, 2], 3, [1.0, 2.0]),
        ValueError,
        r"^polyint: k has 2 constants for m=3 integrations",
    ),
    (
        "polysub-bool",
        lambda: tb.polysub([True], [False]),
        TypeError,
        r"^polysub: bool coefficients cannot be subtracted",
    ),
    ("polyadd-2d", lambda: tb.polyadd([[1]], [1]), ValueError, r"^polyadd: a1 has shape \(1, 1\)"),
    (
        "poly-shape",
        lambda: tb.poly(torch.ones(2, 3)),
        ValueError,
        r"^poly: seq_of_zeros has shape \(2, 3\); pass 1-D zeros or a non-empty square matrix$",
    ),
    (
        "roots-2d",
        lambda: tb.roots(torch.ones(2, 2)),
        ValueError,
        r"^roots: p has shape \(2, 2\); it must be 1-D",
    ),
    (
        "roots-nan",
        lambda: tb.roots([1.0, math.nan, 1.0]),
        tb.linalg.LinAlgError,
        r"^linalg.eigvals: x \(shape \(2, 2\), float64\) contains inf or NaN",
    ),
    (
        "polyfit-deg",
        lambda: tb.polyfit([1.0, 2.0], [1.0, 2.0], -1),
        ValueError,
        r"^polyfit: deg=-1 is negative; pass deg >= 0$",
    ),
    (
        "polyfit-x",
        lambda: tb.polyfit([[1.0, 2.0]], [1.0, 2.0], 1),
        TypeError,
        r"^polyfit: x has shape \(1, 2\); it must be a 1-D vector$",
    ),
    ("polyfit-empty", lambda: tb.polyfit([], [], 1), TypeError, r"^polyfit: x is empty"),
    (
        "polyfit-y",
        lambda: tb.polyfit([1.0, 2.0], [[[1.0]]], 1),
        TypeError,
        r"^polyfit: y has shape \(1, 1, 1\); it must be 1-D or 2-D$",
    ),
    (
        "polyfit-length",
        lambda: tb.polyfit([1.0, 2.0], [1.0], 1),
        TypeError,
        r"^polyfit: x has 2 points and y 1; they must have the same length$",
    ),
    (
        "polyfit-w",
        lambda: tb.polyfit([1.0, 2.0], [1.0, 2.0], 1, w=[1.0]),
        TypeError,
        r"^polyfit: w has 1 weights for 2 points",
    ),
    (
        "polyfit-cov",
        lambda: tb.polyfit([1.0, 2.0], [1.0, 2.0], 1, cov=True),
        ValueError,
        r"^polyfit: 2 points for 2 coefficients; scaling the covariance needs more points",
    ),
    # 0-d coefficients, zeros or sequences, where NumPy refuses them (polyadd and convolve
    # take them as one element, as NumPy does)
    *(
        (f"{name}-0d", call, TypeError, rf"^{name}: p is 0-d; polynomial coefficients are 1-D")
        for name, call in [
            ("polyval", lambda: tb.polyval(3.0, [1.0, 2.0])),
            ("polyder", lambda: tb.polyder(3.0)),
            ("polyint", lambda: tb.polyint(3.0)),
            ("roots", lambda: tb.roots(3.0)),
        ]
    ),
    ("poly-0d", lambda: tb.poly(3.0), TypeError, r"^poly: seq_of_zeros is 0-d"),
    ("correlate-0d", lambda: tb.correlate(3.0, [1.0, 2.0]), ValueError, r"^correlate: a is 0-d"),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_input(call: Callable[[], Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


# ==== autograd =======================================================================================

GRAD: list[tuple[str, Callable[[torch.Tensor], Any]]] = [
    ("convolve", lambda a: tb.convolve(a, a[:3])),
    ("correlate", lambda a: tb.correlate(a, a[:3], "same")),
    (
        "interp",
        lambda a: tb.interp(
            torch.tensor([0.5, 2.5], dtype=a.dtype), torch.arange(6.0, dtype=a.dtype), a
        ),
    ),
    ("gradient", tb.gradient),
    ("ediff1d", lambda a: tb.ediff1d(a, to_begin=0.0)),
    ("trapezoid", tb.trapezoid),
    ("polyval", lambda a: tb.polyval(a, torch.tensor([1.5, 2.0], dtype=a.dtype))),
    ("polyder", tb.polyder),
    ("polyint", tb.polyint),
    ("polymul", lambda a: tb.polymul(a, a)),
    ("poly", tb.poly),
    ("polyfit", lambda a: tb.polyfit(torch.arange(6.0, dtype=a.dtype), a, 2)),
]


@pytest.mark.parametrize(("name", "fn"), GRAD, ids=[g[0] for g in GRAD])
def test_results_stay_on_the_autograd_graph(name: str, fn: Callable[[torch.Tensor], Any]) -> None:
    a = torch.tensor([1.0, 3.0, 2.0, 5.0, 4.0, 6.0], dtype=torch.float64, requires_grad=True)
    fn(a).sum().backward()
    assert a.grad is not None


# ---- window functions -------------------------------------------------------------------------

WINDOWS = ["bartlett", "blackman", "hamming", "hanning"]


@pytest.mark.parametrize("M", [-2, 0, 1, 2, 3, 6, 7, 64, 5.0])
@pytest.mark.parametrize("name", WINDOWS)
def test_windows(name: str, M: Any) -> None:
    assert_matches_numpy(getattr(tb, name)(M), getattr(np, name)(M))


@pytest.mark.parametrize("M", [-1, 0, 1, 2, 7, 64])
@pytest.mark.parametrize("beta", [0.0, 1, 5.5, 14.0, -3.0])
def test_kaiser(M: int, beta: float) -> None:
    assert_matches_numpy(tb.kaiser(M, beta), np.kaiser(M, beta))


@pytest.mark.parametrize("name", [*WINDOWS, "kaiser"])
def test_windows_follow_the_float_default(name: str) -> None:
    args = (6, 2.0) if name == "kaiser" else (6,)
    with tb.default_float(tb.float32):
        got = getattr(tb, name)(*args)
    assert got.dtype == torch.float32
    assert_matches_numpy(got, getattr(np, name)(*args).astype(np.float32))


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: tb.hamming(2.5), r"hamming: M must be an integer number of points"),
        (lambda: tb.bartlett(None), r"bartlett: M must be an integer"),
        (lambda: tb.kaiser(4, "a"), r"kaiser: beta must be a real number"),
        (lambda: tb.kaiser(4, 1j), r"kaiser: beta must be a real number"),
    ],
)
def test_windows_refuse(call: Any, match: str) -> None:
    with pytest.raises(TypeError, match=match):
        call()


# ---- polydiv ------------------------------------------------------------------------------------

POLYDIV_PAIRS: list[tuple[Any, Any]] = [
    ([1, 2, 3], [1, 1]),
    ([1], [1, 2, 3]),
    ([1.0, 3.0, 2.0], [1.0, 1.0]),
    (5, 2),
    ([2, 4, 6, 8], [2, 0, 1]),
    ([1, 0, 0, -1], [1, -1]),
    ([3.0, -2.0, 0.5, 7.0, 1.0], [1.5, 2.0]),
    ([1 + 1j, 2, 3j], [1j, 1]),
]


@pytest.mark.parametrize("dtype", [None, torch.int64, torch.float32, torch.float64], ids=str)
@pytest.mark.parametrize(("u", "v"), POLYDIV_PAIRS, ids=str)
def test_polydiv(u: Any, v: Any, dtype: torch.dtype | None, device: torch.device) -> None:
    nu, nv = np.asarray(u), np.asarray(v)
    if dtype is not None:
        if nu.dtype.kind == "c":
            return
        nd = numpy_dtype_of(dtype)
        nu, nv = nu.astype(nd), nv.astype(nd)
    q, r = tb.polydiv(tb.asarray(nu, device=device), tb.asarray(nv, device=device))
    wq, wr = np.polydiv(nu, nv)
    assert_matches_numpy(q, wq, device=device)
    if device.type != "meta":  # the remainder's length is read from its values
        assert_matches_numpy(r, wr, device=device)


def test_polydiv_of_lists_and_graph() -> None:
    u = torch.tensor([1.0, 3.0, 2.0], dtype=torch.float64, requires_grad=True)
    q, r = tb.polydiv(u, [1.0, 1.0])
    (q.sum() + r.sum()).backward()
    assert u.grad is not None
    with tb.default_float(tb.float32):
        assert tb.polydiv([1, 2], [1])[0].dtype == torch.float32


@pytest.mark.parametrize(
    ("u", "v", "match"),
    [
        ([], [1.0], r"polydiv: u has 0 and v 1 coefficients"),
        ([1.0], [], r"polydiv: u has 1 and v 0 coefficients"),
        ([[1.0]], [1.0], r"polydiv: u has shape \(1, 1\)"),
    ],
)
def test_polydiv_refuses(u: Any, v: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        tb.polydiv(u, v)


# ---- sizes too big to exist, or to allocate ---------------------------------------------------

HUGE_WINDOWS: list[tuple[str, Callable[[Any], Any], str]] = [
    ("bartlett", lambda m: m.bartlett(TOO_BIG), rf"^bartlett: an array of shape \({TOO_BIG},\) "
     rf"and dtype torch.float64 {TOO_BIG_TEXT}; pass a smaller M$"),
    ("blackman", lambda m: m.blackman(NO_MEMORY), rf"^blackman: {NO_MEMORY_TEXT}"),
    ("hamming", lambda m: m.hamming(TOO_BIG), rf"^hamming: .*{TOO_BIG_TEXT}"),
    ("hanning", lambda m: m.hanning(NO_MEMORY), rf"^hanning: {NO_MEMORY_TEXT}"),
    ("kaiser", lambda m: m.kaiser(TOO_BIG, 2.0), rf"^kaiser: .*{TOO_BIG_TEXT}"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "message"), [h[1:] for h in HUGE_WINDOWS], ids=[h[0] for h in HUGE_WINDOWS]
)
def test_windows_too_big_raise_numpys_error(call: Callable[[Any], Any], message: str) -> None:
    check_refused(call, message)
