"""matmul, matrix_transpose, tensordot, vecdot and tbridge.linalg, with NumPy as the oracle.

NumPy 2's linalg functions are the oracle; on NumPy 1.x, ``np2`` emulates those it lacks or
answers differently (``tests/_numpy_compat.py``).

Every case checks metadata first (type, shape, dtype, device; meta tensors stop there), then
values: exactly for integer and bool dtypes (wrap-around included), to a tolerance for floats.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from numpy.exceptions import AxisError

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of, torch_dtype_of_numpy
from tbridge._namespace import linear_algebra as _linalg_functions
from tbridge._namespace.linalg import _power_by_squaring
from tests._numpy_compat import np2

RNG = np.random.default_rng(0)
CPU = torch.device("cpu")

INTEGERS = [tb.int8, tb.int16, tb.int32, tb.int64, tb.uint8, tb.uint16, tb.uint32, tb.uint64]
FLOATS = [tb.float32, tb.float64, tb.complex64, tb.complex128]
NUMERIC = [*INTEGERS, *FLOATS]
CONTRACTABLE = [*NUMERIC, tb.bool]


def _np(dtype: torch.dtype) -> np.dtype[Any]:
    found = numpy_dtype_of(dtype)
    assert found is not None
    return found


def _np_vecdot(a: Any, b: Any, axis: int) -> Any:
    """NumPy 2's vecdot (emulated on NumPy 1.x, which has none)."""
    return np2.linalg.vecdot(a, b, axis=axis)


def _data(
    dtype: torch.dtype, shape: tuple[int, ...], full_range: bool = True
) -> np.ndarray[Any, Any]:
    """Random data; integers over their whole range so that products wrap around."""
    nd = _np(dtype)
    if dtype == tb.bool:
        return RNG.integers(0, 2, size=shape).astype(nd)
    if not (dtype.is_floating_point or dtype.is_complex):
        info = np.iinfo(nd)
        lo, hi = (int(info.min), int(info.max)) if full_range else (0, 3)
        return RNG.integers(lo, hi, size=shape, dtype=nd, endpoint=True)
    values = RNG.standard_normal(shape)
    if dtype.is_complex:
        values = values + 1j * RNG.standard_normal(shape)
    return values.astype(nd)


def _put(data: np.ndarray[Any, Any], device: torch.device) -> torch.Tensor:
    return torch.from_numpy(np.array(data)).to(device)  # a contiguous copy; 0-d stays 0-d


def _check(out: torch.Tensor, expected: Any, device: torch.device) -> None:
    """Metadata first, then values (off the meta device)."""
    expected = np.asarray(expected)
    assert type(out) is torch.Tensor
    assert tuple(out.shape) == expected.shape
    assert out.dtype is torch_dtype_of_numpy(expected.dtype)
    assert out.device.type == device.type
    if device.type == "meta":
        return
    got = out.detach().cpu().resolve_conj().numpy()
    if expected.dtype.kind in "fc":
        tol = 1e-4 if expected.dtype in (np.float32, np.complex64) else 1e-10
        np.testing.assert_allclose(got, expected, rtol=tol, atol=tol)
    else:
        np.testing.assert_array_equal(got, expected)


# ==== matmul ===================================================================================

MATMUL_SHAPES = [
    ((3, 4), (4, 5)),
    ((4,), (4,)),
    ((4,), (4, 2)),
    ((2, 3, 4), (4,)),
    ((2, 1, 3, 4), (5, 4, 2)),
    ((0, 3), (3, 2)),
]


@pytest.mark.parametrize("dtype", CONTRACTABLE, ids=str)
@pytest.mark.parametrize("shapes", MATMUL_SHAPES, ids=str)
def test_matmul_matches_numpy(
    dtype: torch.dtype, shapes: tuple[tuple[int, ...], tuple[int, ...]], device: torch.device
) -> None:
    a, b = _data(dtype, shapes[0]), _data(dtype, shapes[1])
    out = tb.matmul(_put(a, device), _put(b, device))
    _check(out, np.matmul(a, b), device)


@pytest.mark.parametrize("fn", [tb.matmul, tb.linalg.matmul])
@pytest.mark.parametrize(
    ("d1", "d2"),
    [
        (tb.uint8, tb.int8),
        (tb.uint16, tb.int8),
        (tb.uint32, tb.uint8),
        (tb.uint64, tb.int64),
        (tb.int32, tb.float32),
        (tb.float32, tb.complex128),
        (tb.bool, tb.uint16),
    ],
    ids=str,
)
def test_matmul_promotes_like_numpy(
    fn: Callable[..., torch.Tensor], d1: torch.dtype, d2: torch.dtype, device: torch.device
) -> None:
    a, b = _data(d1, (2, 3), full_range=False), _data(d2, (3, 2), full_range=False)
    _check(fn(_put(a, device), _put(b, device)), np.matmul(a, b), device)


@pytest.mark.parametrize("dtype", [tb.int8, tb.int64, tb.uint16, tb.uint64], ids=str)
@pytest.mark.parametrize("shapes", MATMUL_SHAPES, ids=str)
def test_matmul_by_sum_is_exact(
    dtype: torch.dtype, shapes: tuple[tuple[int, ...], tuple[int, ...]]
) -> None:
    """The fallback for devices without integer GEMM (pytorch#44428), run here on the CPU."""
    a, b = _data(dtype, shapes[0]), _data(dtype, shapes[1])
    twin = {tb.uint16: torch.int16, tb.uint64: torch.int64}.get(dtype, dtype)
    out = _linalg_functions._matmul_by_sum(_put(a, CPU).view(twin), _put(b, CPU).view(twin))
    np.testing.assert_array_equal(out.view(dtype).numpy(), np.matmul(a, b))


def test_matmul_stays_on_the_autograd_graph() -> None:
    a = torch.ones(2, 3, dtype=torch.float64, requires_grad=True)
    tb.matmul(a, torch.ones(3, dtype=torch.int32)).sum().backward()  # type: ignore[no-untyped-call]
    assert a.grad is not None


@pytest.mark.parametrize(
    ("s1", "s2", "message"),
    [
        (
            (),
            (3,),
            r"^matmul: operands of shapes \(\) and \(3,\): a 0-d array has no matrix product",
        ),
        (
            (2, 3),
            (4,),
            r"^matmul: shapes \(2, 3\) and \(4,\) do not align: x1's last dimension \(3\) must "
            r"equal x2's only dimension \(4\)",
        ),
        (
            (2, 3),
            (4, 2),
            r"x1's last dimension \(3\) must equal x2's second-to-last dimension \(4\)",
        ),
        (
            (2, 2, 3),
            (3, 3, 1),
            r"^matmul: shapes \(2, 2, 3\) and \(3, 3, 1\): the stack dimensions \(2,\) and "
            r"\(3,\) do "
            "not broadcast",
        ),
    ],
)
def test_matmul_bad_shapes(s1: tuple[int, ...], s2: tuple[int, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        tb.matmul(torch.ones(s1), torch.ones(s2))


def test_matmul_rejects_non_arrays() -> None:
    with pytest.raises(TypeError, match=r"^matmul: x1 must be array data .*, got str"):
        tb.matmul("ab", torch.ones(1, 1))  # type: ignore[arg-type]


# ==== matrix_transpose =========================================================================


@pytest.mark.parametrize("fn", [tb.matrix_transpose, tb.linalg.matrix_transpose])
@pytest.mark.parametrize("dtype", [tb.uint32, tb.bool, tb.complex64], ids=str)
def test_matrix_transpose_is_a_view(
    fn: Callable[..., torch.Tensor], dtype: torch.dtype, device: torch.device
) -> None:
    a = _data(dtype, (2, 3, 4))
    x = _put(a, device)
    out = fn(x)
    _check(out, np2.linalg.matrix_transpose(a), device)
    assert out.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()


@pytest.mark.parametrize("shape", [(3,), ()], ids=str)
def test_matrix_transpose_needs_a_matrix(shape: tuple[int, ...]) -> None:
    with pytest.raises(
        ValueError,
        match=rf"^matrix_transpose: x has shape {re.escape(str(shape))}; it needs at least two",
    ):
        tb.matrix_transpose(torch.ones(shape))


# ==== tensordot ================================================================================

TENSORDOT_CASES: list[tuple[tuple[int, ...], tuple[int, ...], Any]] = [
    ((3, 4), (4, 5), 1),
    ((2, 3, 4), (3, 4, 5), 2),
    ((2, 3), (4,), 0),
    ((2, 3, 4), (4, 3, 2), ([1, 2], [1, 0])),
    ((2, 3, 4), (4, 2), ([-1, 0], [0, -1])),
    ((), (), 0),
    ((1,), (1, 1), 1),
    ((0, 3), (3, 0), 1),
]


@pytest.mark.parametrize("fn", [tb.tensordot, tb.linalg.tensordot])
@pytest.mark.parametrize("dtype", CONTRACTABLE, ids=str)
@pytest.mark.parametrize(("s1", "s2", "axes"), TENSORDOT_CASES, ids=str)
def test_tensordot_matches_numpy(
    *,
    fn: Callable[..., torch.Tensor],
    dtype: torch.dtype,
    s1: tuple[int, ...],
    s2: tuple[int, ...],
    axes: Any,
    device: torch.device,
) -> None:
    a, b = _data(dtype, s1), _data(dtype, s2)
    _check(fn(_put(a, device), _put(b, device), axes=axes), np.tensordot(a, b, axes), device)


def test_tensordot_default_axes_and_promotion() -> None:
    a, b = _data(tb.uint16, (2, 3, 4)), _data(tb.int8, (3, 4, 5))
    _check(tb.tensordot(_put(a, CPU), _put(b, CPU)), np.tensordot(a, b), CPU)


@pytest.mark.parametrize(
    ("s1", "s2", "axes", "error", "message"),
    [
        (
            (2, 1),
            (3, 2),
            1,
            ValueError,
            r"^tensordot: contracted axis 1 of x1 \(size 1\) and axis 0 of "
            r"x2 \(size 3\) differ; contracted axes must match and are never broadcast",
        ),
        ((2, 3), (3, 2), -1, ValueError, r"^tensordot: axes=-1 must be >= 0"),
        (
            (2, 3),
            (3, 2),
            3,
            ValueError,
            r"^tensordot: axes=3 contracts more axes than the operands",
        ),
        (
            (2, 2),
            (2, 2),
            ([0, 0], [0, 1]),
            ValueError,
            r"^tensordot: axes \[0, 0\] for x1 repeat an axis",
        ),
        (
            (2, 2),
            (2, 2),
            ([0], [0, 1]),
            ValueError,
            r"names 1 axes of x1 and 2 of x2; both sequences",
        ),
        (
            (2, 2),
            (2, 2),
            ([2], [0]),
            ValueError,
            r"^tensordot: axis 2 is out of bounds for x1 with 2",
        ),
        ((2, 2), (2, 2), "1", TypeError, r"^tensordot: axes='1' must be an int"),
        ((2, 2), (2, 2), ([0.5], [0]), TypeError, r"^tensordot: axis 0.5 for x1 is not an integer"),
    ],
)
def test_tensordot_bad_axes(
    s1: tuple[int, ...], s2: tuple[int, ...], axes: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        tb.tensordot(torch.ones(s1), torch.ones(s2), axes=axes)


# ==== vecdot ===================================================================================

VECDOT_CASES = [
    ((2, 3), (2, 3), -1),
    ((4, 1, 3), (5, 3), -1),
    ((3, 2), (3, 2), -2),
    ((3,), (2, 3), -1),
]


@pytest.mark.parametrize("fn", [tb.vecdot, tb.linalg.vecdot])
@pytest.mark.parametrize("dtype", CONTRACTABLE, ids=str)
@pytest.mark.parametrize(("s1", "s2", "axis"), VECDOT_CASES, ids=str)
def test_vecdot_matches_numpy(
    *,
    fn: Callable[..., torch.Tensor],
    dtype: torch.dtype,
    s1: tuple[int, ...],
    s2: tuple[int, ...],
    axis: int,
    device: torch.device,
) -> None:
    a, b = _data(dtype, s1), _data(dtype, s2)
    _check(fn(_put(a, device), _put(b, device), axis=axis), _np_vecdot(a, b, axis), device)


def test_vecdot_conjugates_x1() -> None:
    x1 = torch.tensor([1 + 2j, 3 + 4j])
    x2 = torch.tensor([5 + 6j, 7 + 8j])
    assert complex(tb.vecdot(x1, x2)) == (1 - 2j) * (5 + 6j) + (3 - 4j) * (7 + 8j)


def test_vecdot_non_negative_axis_is_each_operands_own() -> None:
    a, b = _data(tb.float64, (2, 3, 4)), _data(tb.float64, (4, 3))
    _check(tb.vecdot(_put(a, CPU), _put(b, CPU), axis=1), _np_vecdot(a, b, 1), CPU)


@pytest.mark.parametrize(
    ("s1", "s2", "axis", "message"),
    [
        (
            (3,),
            (1,),
            -1,
            r"^vecdot: the contracted axis has size 3 in x1 and 1 in x2 .* never broadcast",
        ),
        ((3,), (3,), -2, r"^vecdot: axis=-2 is out of bounds for x1 of shape \(3,\)"),
        (
            (2, 3),
            (4, 3),
            -1,
            r"^vecdot: shapes \(2,\) and \(4,\) \(without the contracted axis\) do ",
        ),
    ],
)
def test_vecdot_bad_shapes(
    s1: tuple[int, ...], s2: tuple[int, ...], axis: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        tb.vecdot(torch.ones(s1), torch.ones(s2), axis=axis)


@pytest.mark.parametrize("axis", [-3, 2, 42])
def test_vecdot_axis_out_of_bounds_is_numpys_axis_error(axis: int) -> None:
    with pytest.raises(np.exceptions.AxisError, match=rf"^vecdot: axis={axis} is out of bounds"):
        tb.vecdot(torch.ones(3, 4), torch.ones(3, 4), axis=axis)


# ==== decompositions ===========================================================================

DECOMP_DTYPES = [tb.float32, tb.float64, tb.complex64, tb.complex128, tb.int64, tb.uint16, tb.bool]


def _spd(dtype: torch.dtype, shape: tuple[int, ...] = (2, 3, 3)) -> np.ndarray[Any, Any]:
    """Well-conditioned symmetric (Hermitian) positive-definite matrices in ``dtype``."""
    if not (dtype.is_floating_point or dtype.is_complex):
        base = np.array([[3, 1, 0], [1, 3, 1], [0, 1, 3]]) if dtype != tb.bool else np.eye(3)
        return np.broadcast_to(base, shape).astype(_np(dtype))
    a = _data(dtype, shape)
    return (a @ np.conj(np.swapaxes(a, -1, -2)) + 3 * np.eye(shape[-1])).astype(_np(dtype))


def _float_of(dtype: torch.dtype) -> np.dtype[Any]:
    """NumPy's linalg result dtype: integers and bool are computed in float64."""
    return _np(dtype) if dtype.is_floating_point or dtype.is_complex else np.dtype(np.float64)


UNARY: list[tuple[str, Callable[..., Any], Callable[..., Any]]] = [
    ("det", tb.linalg.det, np.linalg.det),
    ("inv", tb.linalg.inv, np.linalg.inv),
    ("cholesky", tb.linalg.cholesky, np2.linalg.cholesky),
    (
        "cholesky-upper",
        lambda x: tb.linalg.cholesky(x, upper=True),
        lambda a: np2.linalg.cholesky(a, upper=True),
    ),
    ("eigvalsh", tb.linalg.eigvalsh, np.linalg.eigvalsh),
    ("svdvals", tb.linalg.svdvals, lambda a: np.linalg.svd(a, compute_uv=False)),
    ("pinv", tb.linalg.pinv, np2.linalg.pinv),
    ("matrix_rank", tb.linalg.matrix_rank, np2.linalg.matrix_rank),
    ("matrix_norm", tb.linalg.matrix_norm, np2.linalg.matrix_norm),
]


@pytest.mark.parametrize(("name", "fn", "np_fn"), UNARY, ids=[u[0] for u in UNARY])
@pytest.mark.parametrize("dtype", DECOMP_DTYPES, ids=str)
def test_unary_matches_numpy(
    name: str,
    fn: Callable[..., torch.Tensor],
    np_fn: Callable[..., Any],
    dtype: torch.dtype,
    device: torch.device,
) -> None:
    a = _spd(dtype)
    expected = np.asarray(np_fn(a.astype(_float_of(dtype))))
    _check(fn(_put(a, device)), expected, device)


@pytest.mark.parametrize("dtype", DECOMP_DTYPES, ids=str)
def test_slogdet(dtype: torch.dtype, device: torch.device) -> None:
    a = _spd(dtype)
    out = tb.linalg.slogdet(_put(a, device))
    expected = np.linalg.slogdet(a.astype(_float_of(dtype)))
    assert type(out) is tb.linalg.SlogdetResult
    _check(out.sign, expected.sign, device)
    _check(out.logabsdet, expected.logabsdet, device)


@pytest.mark.parametrize("dtype", DECOMP_DTYPES, ids=str)
def test_eigh(dtype: torch.dtype, device: torch.device) -> None:
    a = _spd(dtype)
    out = tb.linalg.eigh(_put(a, device))
    expected = np.linalg.eigh(a.astype(_float_of(dtype)))
    assert type(out) is tb.linalg.EighResult
    assert out[0] is out.eigenvalues
    _check(out.eigenvalues, expected.eigenvalues, device)
    # Eigenvectors are unique up to a phase: compare |v| and check the decomposition.
    assert out.eigenvectors.dtype is torch_dtype_of_numpy(expected.eigenvectors.dtype)
    if device.type != "meta":
        v, w = out.eigenvectors.numpy(), out.eigenvalues.numpy()
        rebuilt = (v * w[..., None, :]) @ np.conj(np.swapaxes(v, -1, -2))
        np.testing.assert_allclose(rebuilt, a, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("dtype", DECOMP_DTYPES, ids=str)
@pytest.mark.parametrize("full_matrices", [True, False])
@pytest.mark.parametrize("shape", [(2, 4, 3), (3, 5)], ids=str)
def test_svd(
    dtype: torch.dtype, full_matrices: bool, shape: tuple[int, ...], device: torch.device
) -> None:
    a = _data(dtype, shape, full_range=False)
    out = tb.linalg.svd(_put(a, device), full_matrices=full_matrices)
    expected = np.linalg.svd(a.astype(_float_of(dtype)), full_matrices=full_matrices)
    assert type(out) is tb.linalg.SVDResult
    _check(out.S, expected.S, device)
    assert tuple(out.U.shape) == expected.U.shape
    assert tuple(out.Vh.shape) == expected.Vh.shape
    assert out.U.dtype is out.Vh.dtype is torch_dtype_of_numpy(expected.U.dtype)
    if device.type != "meta":
        k = min(shape[-2:])
        u, s, vh = out.U.numpy()[..., :k], out.S.numpy(), out.Vh.numpy()[..., :k, :]
        np.testing.assert_allclose((u * s[..., None, :]) @ vh, a, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("dtype", DECOMP_DTYPES, ids=str)
@pytest.mark.parametrize("mode", ["reduced", "complete"])
@pytest.mark.parametrize("shape", [(2, 4, 3), (3, 5)], ids=str)
def test_qr(dtype: torch.dtype, mode: str, shape: tuple[int, ...], device: torch.device) -> None:
    a = _data(dtype, shape, full_range=False)
    out = tb.linalg.qr(_put(a, device), mode=mode)  # type: ignore[arg-type]
    expected = np.linalg.qr(a.astype(_float_of(dtype)), mode=mode)  # type: ignore[call-overload]
    assert type(out) is tb.linalg.QRResult
    assert tuple(out.Q.shape) == expected.Q.shape
    assert tuple(out.R.shape) == expected.R.shape
    assert out.Q.dtype is out.R.dtype is torch_dtype_of_numpy(expected.Q.dtype)
    if device.type != "meta":
        np.testing.assert_allclose(out.Q.numpy() @ out.R.numpy(), a, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize(
    ("dtype", "expected"),
    [
        (tb.float32, tb.complex64),
        (tb.float64, tb.complex128),
        (tb.complex64, tb.complex64),
        (tb.int32, tb.complex128),
    ],
    ids=str,
)
def test_eig_is_always_complex(
    dtype: torch.dtype, expected: torch.dtype, device: torch.device
) -> None:
    a = _spd(dtype)
    out = tb.linalg.eig(_put(a, device))
    values = tb.linalg.eigvals(_put(a, device))
    assert type(out) is tb.linalg.EigResult
    assert out.eigenvalues.dtype is out.eigenvectors.dtype is values.dtype is expected
    assert tuple(out.eigenvalues.shape) == tuple(values.shape) == (2, 3)
    if device.type != "meta":
        ref = np.sort_complex(np.linalg.eigvals(a.astype(_float_of(dtype))))
        np.testing.assert_allclose(np.sort_complex(values.numpy()), ref, rtol=1e-4, atol=1e-4)
        v, w = out.eigenvectors.numpy(), out.eigenvalues.numpy()
        np.testing.assert_allclose(a @ v, v * w[..., None, :], rtol=1e-4, atol=1e-4)


def test_integers_follow_the_default_float() -> None:
    a = torch.tensor([[2, 1], [1, 2]])
    assert tb.linalg.det(a).dtype is tb.float64
    with tb.default_float(tb.float32):
        assert tb.linalg.det(a).dtype is tb.float32
        assert tb.linalg.eigh(a).eigenvalues.dtype is tb.float32
        assert tb.linalg.vector_norm(a).dtype is tb.float32
        assert tb.linalg.solve(a, torch.tensor([1, 2])).dtype is tb.float32


# ---- solve ---------------------------------------------------------------------------------

SOLVE_SHAPES = [
    ((3, 3), (3,)),
    ((3, 3), (3, 2)),
    ((2, 3, 3), (3,)),
    ((2, 3, 3), (2, 3, 4)),
    ((2, 3, 3), (3, 1)),
    ((3, 3, 3), (3, 3)),  # torch alone reads x2 as a stack of vectors (pytorch#52915)
]


@pytest.mark.parametrize(("s1", "s2"), SOLVE_SHAPES, ids=str)
@pytest.mark.parametrize(
    ("d1", "d2"),
    [
        (tb.float64, tb.float64),
        (tb.float32, tb.complex64),
        (tb.int64, tb.float32),
        (tb.uint16, tb.int8),
    ],
    ids=str,
)
def test_solve_matches_numpy(
    s1: tuple[int, ...], s2: tuple[int, ...], d1: torch.dtype, d2: torch.dtype, device: torch.device
) -> None:
    a = _spd(d1, s1)
    b = _data(d2, s2, full_range=False)
    common = np.promote_types(a.dtype, b.dtype)
    ref_dtype = common if common.kind in "fc" else np.dtype(np.float64)
    expected = np2.linalg.solve(a.astype(ref_dtype), b.astype(ref_dtype))
    _check(tb.linalg.solve(_put(a, device), _put(b, device)), expected, device)


# ---- failures ------------------------------------------------------------------------------

_E = tb.linalg.LinAlgError
_NAN = torch.full((2, 2), math.nan, dtype=torch.float32)

FAILURES: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "inv-singular",
        lambda: tb.linalg.inv(torch.ones(2, 2, dtype=torch.float32)),
        _E,
        r"^linalg.inv: the matrix \(x: shape \(2, 2\), float32\) is singular; a singular "
        r"matrix has no inverse; tb.linalg.pinv gives the pseudo-inverse$",
    ),
    (
        "inv-singular-stack",
        lambda: tb.linalg.inv(torch.ones(3, 2, 2, dtype=torch.float32)),
        _E,
        r"^linalg.inv: a matrix in the stack \(x: shape \(3, 2, 2\), float32\) is singular",
    ),
    (
        "inv-not-square",
        lambda: tb.linalg.inv(torch.ones(2, 3)),
        _E,
        r"^linalg.inv: x has shape \(2, 3\); its last two dimensions must be equal \(square "
        r"matrices\)$",
    ),
    (
        "inv-1d",
        lambda: tb.linalg.inv(torch.ones(3)),
        _E,
        r"^linalg.inv: x has shape \(3,\), 1 dimension\(s\); it needs at least two \(a matrix "
        r"or a stack of matrices\)$",
    ),
    (
        "inv-str",
        lambda: tb.linalg.inv("ab"),  # type: ignore[arg-type]
        TypeError,
        r"^linalg.inv: x must be array data .*, got str",
    ),
    (
        "solve-singular",
        lambda: tb.linalg.solve(
            torch.ones(2, 2, dtype=torch.float32), torch.ones(2, dtype=torch.float32)
        ),
        _E,
        r"^linalg.solve: the matrix \(x: shape \(2, 2\), float32\) is singular; the system "
        r"has no unique solution; tb.linalg.lstsq gives a least-squares one$",
    ),
    (
        "solve-vector-length",
        lambda: tb.linalg.solve(torch.eye(3), torch.ones(4)),
        ValueError,
        r"^linalg.solve: x1 has shape \(3, 3\) and x2 \(4,\); a 1-D x2 is one right-hand side "
        r"and needs 3 elements \(the size of x1's square matrices\)$",
    ),
    (
        "solve-matrix-rows",
        lambda: tb.linalg.solve(torch.eye(3), torch.ones(4, 2)),
        ValueError,
        r"^linalg.solve: x1 has shape \(3, 3\) and x2 \(4, 2\); x2's second-to-last dimension "
        r"\(4\) must equal the size of x1's square matrices \(3\)",
    ),
    (
        "solve-stack-of-vectors",  # NumPy 2 reads x2 as matrices: the user's shapes named
        lambda: tb.linalg.solve(torch.eye(3).expand(2, 3, 3), torch.ones(2, 3)),
        ValueError,
        r"^linalg.solve: x1 has shape \(2, 3, 3\) and x2 \(2, 3\); x2's second-to-last "
        r"dimension \(2\) must equal .* \(add a last axis, x2\[..., None\], for a stack of "
        r"vectors\)$",
    ),
    (
        "solve-stacks",
        lambda: tb.linalg.solve(torch.ones(2, 3, 3), torch.ones(3, 3, 1)),
        ValueError,
        r"^linalg.solve: x1 has shape \(2, 3, 3\) and x2 \(3, 3, 1\); the stack dimensions "
        r"\(2,\) and \(3,\) do not broadcast$",
    ),
    (
        "solve-scalar",
        lambda: tb.linalg.solve(torch.eye(3), torch.tensor(1.0)),
        ValueError,
        r"^linalg.solve: x1 has shape \(3, 3\) and x2 \(\); x2 must be a vector of 3 elements",
    ),
    (
        "solve-not-square",
        lambda: tb.linalg.solve(torch.ones(2, 3), torch.ones(2)),
        _E,
        r"^linalg.solve: x has shape \(2, 3\); its last two dimensions must be equal",
    ),
    (
        "cholesky-not-pd",
        lambda: tb.linalg.cholesky(-torch.eye(2, dtype=torch.float32)),
        _E,
        r"^linalg.cholesky: the matrix \(x: shape \(2, 2\), float32\) is not positive-definite; "
        r"cholesky needs symmetric \(Hermitian\) positive-definite matrices$",
    ),
    (
        "cholesky-not-square",
        lambda: tb.linalg.cholesky(torch.ones(2, 3)),
        _E,
        r"^linalg.cholesky: x has shape \(2, 3\); its last two dimensions must be equal",
    ),
    (
        "det-not-square",
        lambda: tb.linalg.det(torch.ones(2, 3)),
        _E,
        r"^linalg.det: x has shape \(2, 3\); its last two dimensions must be equal",
    ),
    (
        "det-float16",
        lambda: tb.linalg.det(torch.ones(2, 2, dtype=torch.float16)),
        TypeError,
        r"^linalg.det: torch.float16 is not supported: torch \(like NumPy\) has no "
        "half-precision",
    ),
    (
        "slogdet-1d",
        lambda: tb.linalg.slogdet(torch.ones(3)),
        _E,
        r"^linalg.slogdet: x has shape \(3,\), 1 dimension\(s\); it needs at least two",
    ),
    (
        "eigh-uplo",
        lambda: tb.linalg.eigh(torch.eye(2), UPLO="X"),  # type: ignore[arg-type]
        ValueError,
        r"^linalg.eigh: UPLO='X' is not a triangle; pass 'L' \(read the lower triangle, the "
        r"default\) or 'U' \(the upper\)$",
    ),
    (
        "eigh-not-square",
        lambda: tb.linalg.eigh(torch.ones(2, 3)),
        _E,
        r"^linalg.eigh: x has shape \(2, 3\); its last two dimensions must be equal",
    ),
    (
        "eigvalsh-uplo",
        lambda: tb.linalg.eigvalsh(torch.eye(2), UPLO="u"),  # type: ignore[arg-type]
        ValueError,
        r"^linalg.eigvalsh: UPLO='u' is not a triangle",
    ),
    (
        "eig-nan",
        lambda: tb.linalg.eig(_NAN),
        _E,
        r"^linalg.eig: x \(shape \(2, 2\), float32\) contains inf or NaN, which the algorithm "
        r"cannot take \(NumPy refuses them too\); replace or remove them first$",
    ),
    (
        "eigvals-nan",  # a crash in oneMKL otherwise (pytorch#121149)
        lambda: tb.linalg.eigvals(_NAN),
        _E,
        r"^linalg.eigvals: x \(shape \(2, 2\), float32\) contains inf or NaN",
    ),
    (
        "eigvals-inf",
        lambda: tb.linalg.eigvals(torch.full((2, 2), math.inf, dtype=torch.float32)),
        _E,
        r"^linalg.eigvals: x \(shape \(2, 2\), float32\) contains inf or NaN",
    ),
    (
        "eigvals-not-square",
        lambda: tb.linalg.eigvals(torch.ones(2, 3)),
        _E,
        r"^linalg.eigvals: x has shape \(2, 3\); its last two dimensions must be equal",
    ),
    (
        "svd-nan",
        lambda: tb.linalg.svd(_NAN.to(torch.float64)),
        _E,
        r"^linalg.svd: x \(shape \(2, 2\), float64\) contains inf or NaN",
    ),
    (
        "svd-1d",
        lambda: tb.linalg.svd(torch.ones(3)),
        _E,
        r"^linalg.svd: x has shape \(3,\), 1 dimension\(s\); it needs at least two",
    ),
    (
        "svdvals-1d",
        lambda: tb.linalg.svdvals(torch.ones(3)),
        _E,
        r"^linalg.svdvals: x has shape \(3,\), 1 dimension\(s\)",
    ),
    (
        "qr-mode",
        lambda: tb.linalg.qr(torch.ones(2, 2), mode="full"),  # type: ignore[call-overload]
        ValueError,
        r"^linalg.qr: mode='full' is not supported; pass 'reduced' \(the default\), "
        r"'complete', 'r' or 'raw'$",
    ),
    (
        "qr-1d",
        lambda: tb.linalg.qr(torch.ones(2)),
        _E,
        r"^linalg.qr: x has shape \(2,\), 1 dimension\(s\)",
    ),
    (
        "matrix_rank-rtol-str",
        lambda: tb.linalg.matrix_rank(torch.ones(2, 2), rtol="x"),  # type: ignore[arg-type]
        TypeError,
        r"^linalg.matrix_rank: rtol must be array data .*, got str",
    ),
    (
        "matrix_rank-tol-bool",
        lambda: tb.linalg.matrix_rank(torch.ones(2, 2), tol=True),
        TypeError,
        r"^linalg.matrix_rank: tol=True must be a real number or an array of them$",
    ),
    (
        "matrix_rank-complex-rtol",
        lambda: tb.linalg.matrix_rank(
            torch.ones(2, 2), rtol=torch.tensor(1j, dtype=torch.complex64)
        ),
        TypeError,
        r"^linalg.matrix_rank: rtol must be real, got an array of torch.complex64$",
    ),
    (
        "matrix_rank-both",
        lambda: tb.linalg.matrix_rank(torch.ones(2, 2), tol=1.0, rtol=1.0),
        ValueError,
        r"^linalg.matrix_rank: pass tol \(an absolute tolerance\) or rtol \(a relative one\), "
        "not both$",
    ),
    (
        "pinv-both",
        lambda: tb.linalg.pinv(torch.ones(2, 2), 0.1, rtol=0.1),
        ValueError,
        r"^linalg.pinv: pass rcond \(NumPy's name\) or rtol \(the standard's\), not both$",
    ),
    (
        "pinv-1d",
        lambda: tb.linalg.pinv(torch.ones(2)),
        _E,
        r"^linalg.pinv: x has shape \(2,\), 1 dimension\(s\)",
    ),
    (
        "matrix_norm-ord",
        lambda: tb.linalg.matrix_norm(torch.ones(2, 2), ord=3),
        ValueError,
        r"^linalg.matrix_norm: ord=3 is not a matrix norm; pass 'fro', 'nuc', 1, -1, 2, -2, "
        "inf",
    ),
    (
        "matrix_norm-1d",
        lambda: tb.linalg.matrix_norm(torch.ones(3)),
        AxisError,
        r"^linalg.matrix_norm: x has shape \(3,\), 1 dimension\(s\); it needs at least two "
        r"\(a matrix or a stack of matrices\): axis -2 is out of bounds$",
    ),
    (
        "matrix_norm-0d",
        lambda: tb.linalg.matrix_norm(torch.tensor(1.0), ord=1),
        AxisError,
        r"^linalg.matrix_norm: x has shape \(\), 0 dimension\(s\)",
    ),
    (
        "matrix_power-n",
        lambda: tb.linalg.matrix_power(torch.eye(2), 1.5),  # type: ignore[arg-type]
        TypeError,
        r"^linalg.matrix_power: n=1.5 must be an integer$",
    ),
    (
        "matrix_power-not-square",
        lambda: tb.linalg.matrix_power(torch.ones(2, 3), 2),
        _E,
        r"^linalg.matrix_power: x has shape \(2, 3\); its last two dimensions must be equal",
    ),
    (
        "matrix_power-singular",
        lambda: tb.linalg.matrix_power(torch.ones(2, 2, dtype=torch.float32), -1),
        _E,
        r"^linalg.matrix_power: the matrix \(x: shape \(2, 2\), float32\) is singular; a "
        "negative power needs an invertible matrix$",
    ),
    (
        "matmul-dtype",
        lambda: tb.matmul(
            torch.ones(2, 2, dtype=torch.float32),
            torch.ones(2, 2, dtype=torch.float32),
            dtype=torch.int64,
        ),
        TypeError,
        r"^matmul: cannot cast x1 from torch.float32 to dtype=torch.int64 under NumPy's "
        "'same_kind' rule",
    ),
    (
        "matmul-out-shape",
        lambda: tb.matmul(torch.ones(2, 2), torch.ones(2, 2), torch.empty(3)),
        ValueError,
        r"^matmul: out has shape \(3,\) but the result has shape \(2, 2\)",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [f[1:] for f in FAILURES], ids=[f[0] for f in FAILURES]
)
def test_failures(call: Callable[[], Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


def test_linalg_error_is_numpys() -> None:
    """Ported ``except np.linalg.LinAlgError`` (and ``except ValueError``) catch it."""
    assert issubclass(tb.linalg.LinAlgError, np.linalg.LinAlgError)
    assert issubclass(tb.linalg.LinAlgError, ValueError)
    assert tb.linalg.LinAlgError.__module__ == "tbridge.linalg"
    with pytest.raises(np.linalg.LinAlgError):
        tb.linalg.inv(torch.zeros(2, 2))


def test_torch_errors_are_chained() -> None:
    """Torch's own reason stays reachable as the cause, out of the message."""
    with pytest.raises(tb.linalg.LinAlgError) as info:
        tb.linalg.inv(torch.zeros(2, 2))
    assert isinstance(info.value.__cause__, RuntimeError)


# ---- rtol ----------------------------------------------------------------------------------


@pytest.mark.parametrize("rtol", [None, 0.3, 1, "array"], ids=str)
def test_matrix_rank_and_pinv_rtol(rtol: Any, device: torch.device) -> None:
    # Singular values 3, 1 and 0.1 in each of two matrices.
    a = np.broadcast_to(np.diag([3.0, 1.0, 0.1]), (2, 3, 3)).copy()
    tol: Any = rtol
    np_tol: Any = rtol
    if rtol == "array":
        tol, np_tol = torch.tensor([0.01, 0.5], device=device), np.array([0.01, 0.5])
    expected_rank = np2.linalg.matrix_rank(a, rtol=np_tol)
    _check(tb.linalg.matrix_rank(_put(a, device), rtol=tol), expected_rank, device)
    _check(tb.linalg.pinv(_put(a, device), rtol=tol), np2.linalg.pinv(a, rtol=np_tol), device)


# ==== norms ====================================================================================

MATRIX_ORDS = ["fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf, None]


# float16 only for the norms without singular values (those need LAPACK: see test_failures).
MATRIX_NORM_CASES = [
    (o, d)
    for o in MATRIX_ORDS
    for d in (tb.float32, tb.complex128, tb.int16, tb.float16)
    if not (d == tb.float16 and o in ("nuc", 2, -2))
]


@pytest.mark.parametrize(("order", "dtype"), MATRIX_NORM_CASES, ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
def test_matrix_norm_matches_numpy(
    order: Any, keepdims: bool, dtype: torch.dtype, device: torch.device
) -> None:
    a = _data(dtype, (2, 3, 4), full_range=False)
    ref_in = a.astype(np.float32) if dtype == tb.float16 else a.astype(_float_of(dtype))
    expected = np2.linalg.matrix_norm(ref_in, ord=order, keepdims=keepdims)
    if dtype == tb.float16:
        expected = expected.astype(np.float16)
    out = tb.linalg.matrix_norm(_put(a, device), ord=order, keepdims=keepdims)
    if dtype == tb.float16:
        assert out.dtype is tb.float16
        assert tuple(out.shape) == expected.shape
        if device.type != "meta":
            np.testing.assert_allclose(out.numpy(), expected, rtol=2e-3)
        return
    _check(out, expected, device)


VECTOR_ORDS = [2, 1, 0, math.inf, -math.inf, -1, -2, 3.5, 0.5]
VECTOR_AXES: list[Any] = [None, 0, -1, (0, 2), (2, 0, 1), ()]


@pytest.mark.parametrize("order", VECTOR_ORDS, ids=str)
@pytest.mark.parametrize("axis", VECTOR_AXES, ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("dtype", [tb.float64, tb.complex64, tb.int8], ids=str)
def test_vector_norm_matches_numpy(
    order: float, axis: Any, keepdims: bool, dtype: torch.dtype, device: torch.device
) -> None:
    a = _data(dtype, (2, 3, 4), full_range=False)
    with np.errstate(divide="ignore"):  # negative orders of data with zeros
        expected = np2.linalg.vector_norm(
            a.astype(_float_of(dtype)), ord=order, axis=axis, keepdims=keepdims
        )
    out = tb.linalg.vector_norm(_put(a, device), ord=order, axis=axis, keepdims=keepdims)
    _check(out, expected, device)


def test_vector_norm_keeps_half_precision() -> None:
    out = tb.linalg.vector_norm(torch.tensor([3.0, 4.0], dtype=torch.float16))
    assert out.dtype is tb.float16
    assert float(out) == 5.0


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"axis": 3},
            AxisError,
            r"^linalg.vector_norm: axis 3 is out of bounds for an array with 2 dimensions$",
        ),
        (
            {"axis": (0, -3)},
            AxisError,
            r"^linalg.vector_norm: axis -3 is out of bounds for an array with 2 dimensions$",
        ),
        (
            {"axis": np.array([0, 1])},
            TypeError,
            r"^linalg.vector_norm: axis=array\(\[0, 1\]\) must be an int, a tuple of ints or "
            r"None$",
        ),
        ({"axis": (0, -2)}, ValueError, r"^linalg.vector_norm: axis=\(0, -2\) repeats an axis"),
        (
            {"axis": 0.5},
            TypeError,
            r"^linalg.vector_norm: axis=0.5 must be an int, a tuple of ints",
        ),
        (
            {"ord": "fro"},
            TypeError,
            r"^linalg.vector_norm: ord='fro' must be a real number or inf/-inf; "
            "use tb.linalg.matrix_norm",
        ),
    ],
)
def test_vector_norm_bad_input(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        tb.linalg.vector_norm(torch.ones(2, 2), **kwargs)


@pytest.mark.parametrize("axis", [0, -1, (0,), (-1,)], ids=str)
def test_vector_norm_of_0d_input_reads_axis_0_as_torch_does(axis: Any) -> None:
    # NumPy refuses any axis of a 0-d array; torch reads 0 and -1 as its one element, and
    # so does tbridge, whichever path the call takes.
    want = torch.tensor(3.0, dtype=torch.float64)
    torch.testing.assert_close(
        tb.linalg.vector_norm(torch.tensor(-3.0, dtype=torch.float64), axis=axis), want
    )
    torch.testing.assert_close(tb.linalg.vector_norm(-3.0, axis=axis), want)


@pytest.mark.parametrize("axis", [1, -2, (1,)], ids=str)
def test_vector_norm_of_0d_input_refuses_other_axes(axis: Any) -> None:
    with pytest.raises(
        AxisError,
        match=r"^linalg.vector_norm: axis -?\d is out of bounds for an array with 0 dimensions$",
    ):
        tb.linalg.vector_norm(-3.0, axis=axis)


def test_vector_norm_inf_of_empty_is_a_value_error() -> None:
    with pytest.raises(
        ValueError, match=r"^linalg.vector_norm: cannot compute the inf-norm of shape \(0,\)"
    ):
        tb.linalg.vector_norm(torch.ones(0), ord=math.inf)


# ==== functions that keep integer dtypes ========================================================


@pytest.mark.parametrize("dtype", CONTRACTABLE, ids=str)
@pytest.mark.parametrize("n", [0, 1, 2, 5, -1, -2])
def test_matrix_power_matches_numpy(dtype: torch.dtype, n: int, device: torch.device) -> None:
    a = _spd(dtype, (2, 3, 3)) if n < 0 else _data(dtype, (2, 3, 3))
    _check(tb.linalg.matrix_power(_put(a, device), n), np.linalg.matrix_power(a, n), device)


def test_matrix_power_by_squaring_is_exact() -> None:
    """The fallback for devices without integer GEMM, run here on the CPU."""
    a = _data(tb.int64, (3, 3))
    np.testing.assert_array_equal(
        _power_by_squaring(_put(a, CPU), 7).numpy(), np.linalg.matrix_power(a, 7)
    )


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.linalg.matrix_power(torch.eye(2), 1.5),  # type: ignore[arg-type]
            TypeError,
            r"^linalg.matrix_power: n=1.5 must be an integer",
        ),
        (
            lambda: tb.linalg.matrix_power(torch.ones(2, 3, dtype=torch.int8), 2),
            tb.linalg.LinAlgError,
            r"^linalg.matrix_power: x has shape \(2, 3\); its last two dimensions must be equal",
        ),
        (
            lambda: tb.linalg.matrix_power(torch.ones(2, 2, dtype=torch.float32), -1),
            tb.linalg.LinAlgError,
            r"^linalg.matrix_power: the matrix \(x: shape \(2, 2\), float32\) is singular; a "
            "negative power needs an invertible matrix$",
        ),
    ],
)
def test_matrix_power_bad_input(
    call: Callable[[], Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("dtype", [*CONTRACTABLE, tb.float16], ids=str)
@pytest.mark.parametrize("offset", [0, 1, -2, 7])
def test_trace_matches_numpy(dtype: torch.dtype, offset: int, device: torch.device) -> None:
    a = _data(dtype, (2, 3, 4))
    _check(
        tb.linalg.trace(_put(a, device), offset=offset), np2.linalg.trace(a, offset=offset), device
    )


@pytest.mark.parametrize(
    ("dtype", "out"),
    [
        (tb.int8, tb.int16),
        (tb.uint8, tb.uint64),
        (tb.uint32, tb.uint16),
        (tb.int64, tb.uint64),
        (tb.float32, tb.float64),
        (tb.int32, tb.complex128),
        (tb.uint64, tb.int64),
    ],
    ids=str,
)
def test_trace_dtype(dtype: torch.dtype, out: torch.dtype, device: torch.device) -> None:
    a = _data(dtype, (2, 4, 4))
    expected = np2.linalg.trace(a.astype(_np(out)), dtype=_np(out))
    _check(tb.linalg.trace(_put(a, device), dtype=out), expected, device)


def test_trace_needs_a_matrix() -> None:
    with pytest.raises(ValueError, match=r"^linalg.trace: x has shape \(3,\); it needs a matrix"):
        tb.linalg.trace(torch.ones(3, dtype=torch.int32))


@pytest.mark.parametrize("dtype", [tb.uint64, tb.bool, tb.float32], ids=str)
@pytest.mark.parametrize("offset", [0, 2, -1, 9])
def test_diagonal_is_a_view(dtype: torch.dtype, offset: int, device: torch.device) -> None:
    a = _data(dtype, (2, 3, 4))
    x = _put(a, device)
    out = tb.linalg.diagonal(x, offset=offset)
    _check(out, np2.linalg.diagonal(a, offset=offset), device)
    assert out.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()


def test_diagonal_needs_a_matrix() -> None:
    with pytest.raises(
        ValueError, match=r"^linalg.diagonal: x has shape \(3,\); it needs at least two"
    ):
        tb.linalg.diagonal(torch.ones(3))


@pytest.mark.parametrize("d1", [*CONTRACTABLE], ids=str)
@pytest.mark.parametrize("d2", [tb.uint8, tb.int64, tb.float32], ids=str)
def test_outer_matches_numpy(d1: torch.dtype, d2: torch.dtype, device: torch.device) -> None:
    a, b = _data(d1, (3,)), _data(d2, (4,))
    _check(tb.linalg.outer(_put(a, device), _put(b, device)), np2.linalg.outer(a, b), device)


def test_outer_needs_vectors() -> None:
    with pytest.raises(
        ValueError, match=r"^linalg.outer: operands have shapes \(3, 1\) and \(3,\); both"
    ):
        tb.linalg.outer(torch.ones(3, 1), torch.ones(3))


CROSS_CASES = [
    ((3,), (3,), -1),
    ((4, 1, 3), (5, 3), -1),
    ((3, 2), (3, 2), -2),
    ((2, 3, 4), (4, 3), 1),
]


@pytest.mark.parametrize("dtype", NUMERIC, ids=str)
@pytest.mark.parametrize(("s1", "s2", "axis"), CROSS_CASES, ids=str)
def test_cross_matches_numpy(
    dtype: torch.dtype, s1: tuple[int, ...], s2: tuple[int, ...], axis: int, device: torch.device
) -> None:
    a, b = _data(dtype, s1), _data(dtype, s2)
    _check(
        tb.linalg.cross(_put(a, device), _put(b, device), axis=axis),
        np2.linalg.cross(a, b, axis=axis),
        device,
    )


def test_cross_promotes() -> None:
    a, b = _data(tb.uint16, (2, 3)), _data(tb.int8, (2, 3))
    _check(tb.linalg.cross(_put(a, CPU), _put(b, CPU)), np2.linalg.cross(a, b), CPU)


@pytest.mark.parametrize("axis", [np.int64(-2), np.array(1)], ids=repr)
def test_cross_takes_an_integer_like_axis_as_numpy_does(axis: Any) -> None:
    a, b = _data(tb.float64, (2, 3, 3)), _data(tb.float32, (3, 3))
    _check(tb.linalg.cross(a, b, axis=axis), np2.linalg.cross(a, b, axis=axis), CPU)


@pytest.mark.parametrize(
    ("x1", "x2", "axis", "error", "message"),
    [
        (
            torch.ones(2),
            torch.ones(2),
            -1,
            ValueError,
            r"^linalg.cross: x1 has shape \(2,\), size 2 along axis -1; both operands need size 3",
        ),
        (
            torch.ones(4, 3),
            torch.ones(4, 1),
            -1,
            ValueError,
            r"^linalg.cross: x2 has shape \(4, 1\), size 1 along axis -1; .*not broadcast",
        ),
        (
            torch.ones(3),
            torch.ones(3),
            -2,
            ValueError,
            r"^linalg.cross: axis=-2 is out of bounds for x1 of shape \(3,\); pass a negative "
            r"axis within both operands' dimensions$",
        ),
        (
            torch.ones(3),
            torch.ones(3),
            0.5,
            TypeError,
            r"^linalg.cross: axis=0.5 must be an int$",
        ),
        (
            torch.ones(3),
            torch.ones(3),
            np.array([0, 1]),
            TypeError,
            r"^linalg.cross: axis=array\(\[0, 1\]\) must be an int$",
        ),
        (
            torch.ones(2, 3),
            torch.ones(4, 3),
            -1,
            ValueError,
            r"^linalg.cross: shapes \(2,\) and \(4,\) \(without the vector axis\) do not broadcast",
        ),
        (
            torch.ones(3, dtype=torch.bool),
            torch.ones(3, dtype=torch.bool),
            -1,
            TypeError,
            r"^linalg.cross: bool arrays have no cross product",
        ),
    ],
)
def test_cross_bad_input(
    x1: torch.Tensor, x2: torch.Tensor, axis: int, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        tb.linalg.cross(x1, x2, axis=axis)


def test_namespace_lists_the_standard_functions() -> None:
    names = {
        "cholesky",
        "cross",
        "det",
        "diagonal",
        "eig",
        "eigh",
        "eigvals",
        "eigvalsh",
        "inv",
        "matmul",
        "matrix_norm",
        "matrix_power",
        "matrix_rank",
        "matrix_transpose",
        "outer",
        "pinv",
        "qr",
        "slogdet",
        "solve",
        "svd",
        "svdvals",
        "tensordot",
        "trace",
        "vecdot",
        "vector_norm",
    }
    assert names - {"eig", "eigvals"} <= set(tb.linalg.__all__)
    assert all(callable(getattr(tb.linalg, name)) for name in names)
    assert tb.linalg.matmul is tb.matmul
    assert {"matmul", "matrix_transpose", "tensordot", "vecdot"} <= set(tb.__all__)


# ---- fast paths -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dtype", [tb.float32, tb.float64, tb.complex64, tb.complex128, tb.int32], ids=str
)
def test_trace_of_one_matrix(dtype: torch.dtype, device: torch.device) -> None:
    a = _data(dtype, (5, 5))
    x = _put(a, device)
    _check(tb.linalg.trace(x), np2.linalg.trace(a), device)
    # the same values as the general path (a stack of one) up to rounding, and the same dtype
    stacked = tb.linalg.trace(x[None])[0]
    assert tb.linalg.trace(x).dtype is stacked.dtype
    if device.type != "meta":
        np.testing.assert_allclose(tb.linalg.trace(x).cpu(), stacked.cpu(), rtol=1e-6)
    for bad in (0.0, False):  # an offset of the wrong type: torch's TypeError, as before
        with pytest.raises(TypeError):
            tb.linalg.trace(x, offset=bad)  # type: ignore[arg-type]


def test_trace_of_one_matrix_stays_on_the_graph() -> None:
    x = torch.arange(9.0, dtype=torch.float64).reshape(3, 3).requires_grad_()
    tb.linalg.trace(x).backward()  # type: ignore[no-untyped-call]
    assert x.grad is not None
    np.testing.assert_array_equal(x.grad.numpy(), np.eye(3))


def test_diagonal_default_offset_is_a_view() -> None:
    x = torch.arange(12.0).reshape(3, 4)
    out = tb.linalg.diagonal(x)
    np.testing.assert_array_equal(out.numpy(), np.diagonal(x.numpy()))
    assert out.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()
    with pytest.raises(TypeError):
        tb.linalg.diagonal(x, offset=0.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "rtol", [np.float32(0.1), np.array(0.1), np.array([0.1]), np.array([0.1, 2.0])], ids=repr
)
def test_numpy_tolerances_are_accepted_as_numpy_does(rtol: object) -> None:
    eye = np.eye(3)
    # NumPy 2's matrix_rank(eye, rtol=rtol), spelled out (NumPy 1.26 has no rtol):
    sv = np.linalg.svd(eye, compute_uv=False)
    expected = (sv > np.asarray(rtol)[..., None] * sv.max()).sum(-1)
    got = tb.linalg.matrix_rank(tb.asarray(eye), rtol=rtol)  # type: ignore[arg-type]
    np.testing.assert_array_equal(got.numpy(), expected)
    assert tuple(got.shape) == np.shape(expected)
    if np.ndim(rtol) == 0:
        pinv = tb.linalg.pinv(tb.asarray(eye), rtol=rtol)  # type: ignore[arg-type]
        np.testing.assert_allclose(pinv.numpy(), eye)  # all singular values are kept


@pytest.mark.parametrize(
    ("shape", "axis", "order"), [((0,), None, -2), ((3, 0), -1, -1), ((0, 3), -1, -1.5)]
)
def test_vector_norm_of_nothing_with_a_negative_order_is_inf(
    shape: tuple[int, ...], axis: int | None, order: float
) -> None:
    # NumPy 2's vector_norm gives 0 ** (1 / order) = inf for every reduced slice.
    expected = np.full(np.sum(np.zeros(shape), axis=axis).shape, np.inf)
    got = tb.linalg.vector_norm(tb.zeros(shape), ord=order, axis=axis)
    np.testing.assert_array_equal(got.numpy(), expected)


# ==== NumPy's parameters and calling conventions ==============================================


def _assert_numpy(out: Any, expected: Any, device: torch.device = CPU) -> None:
    _check(out, np.asarray(expected), device)


@pytest.mark.parametrize("uplo", ["L", "U"])
def test_eigh_and_eigvalsh_read_the_triangle_numpy_names(uplo: str) -> None:
    a = np.array([[2.0, 5.0, 0.0], [-1.0, 3.0, 1.0], [7.0, 0.5, 4.0]])  # not symmetric
    _assert_numpy(tb.linalg.eigvalsh(a, uplo), np.linalg.eigvalsh(a, uplo))
    _assert_numpy(
        tb.linalg.eigh(a, UPLO=uplo).eigenvalues, np.linalg.eigh(a, UPLO=uplo).eigenvalues
    )


@pytest.mark.parametrize("shape", [(3, 5), (2, 4, 3)], ids=str)
def test_svd_numpy_options(shape: tuple[int, ...]) -> None:
    a = _data(tb.float64, shape)
    _assert_numpy(tb.linalg.svd(a, compute_uv=False), np.linalg.svd(a, compute_uv=False))
    _assert_numpy(tb.linalg.svd(a, False, False), np.linalg.svd(a, False, False))
    u, s, vh = tb.linalg.svd(a, False)
    want = np.linalg.svd(a, False)
    for got, exp in ((u, want.U), (s, want.S), (vh, want.Vh)):
        assert tuple(got.shape) == exp.shape
    np.testing.assert_allclose((u * s.unsqueeze(-2) @ vh).numpy(), a, atol=1e-12)
    sym = a @ np.swapaxes(a, -1, -2)
    _assert_numpy(
        tb.linalg.svd(sym, hermitian=True, compute_uv=False),
        np.linalg.svd(sym, hermitian=True, compute_uv=False),
    )


@pytest.mark.parametrize("mode", ["r", "raw"])
@pytest.mark.parametrize("shape", [(4, 3), (3, 4), (2, 4, 3)], ids=str)
@pytest.mark.parametrize("dtype", [tb.float64, tb.complex64, tb.int64], ids=str)
def test_qr_numpy_modes(mode: str, shape: tuple[int, ...], dtype: torch.dtype) -> None:
    a = _data(dtype, shape, full_range=False)
    expected = np.linalg.qr(a, mode=mode)
    got = tb.linalg.qr(torch.from_numpy(a), mode=mode)  # type: ignore[call-overload]
    if mode == "raw":
        assert isinstance(got, tuple)
        for g, e in zip(got, expected, strict=True):
            _assert_numpy(g, e)
    else:
        _assert_numpy(got, expected)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"tol": 0.5},
        {"tol": np.array([0.05, 2.0])},
        {"hermitian": True},
        {"rtol": 0.4, "hermitian": True},
    ],
    ids=str,
)
def test_matrix_rank_numpy_options(kwargs: dict[str, Any]) -> None:
    a = np.stack([np.diag([3.0, 1.0, 0.1]), np.diag([4.0, 1.5, 0.0])])
    _assert_numpy(tb.linalg.matrix_rank(a, **kwargs), np2.linalg.matrix_rank(a, **kwargs))


@pytest.mark.parametrize("a", [[0.0, 0.0], [0.0, 2.0], 0, 3.5], ids=str)
def test_matrix_rank_of_vectors_and_scalars_is_numpys(a: Any) -> None:
    _assert_numpy(tb.linalg.matrix_rank(a), np.asarray(np.linalg.matrix_rank(a)))


def test_pinv_defaults_and_rcond_are_numpys() -> None:
    # A singular value between NumPy's default cutoff (1e-15) and max(M, N) * eps.
    a = np.diag(np.r_[1.0, 5e-15, np.ones(48)])
    _assert_numpy(tb.linalg.pinv(a), np.linalg.pinv(a))
    _assert_numpy(tb.linalg.pinv(a, rtol=None), np2.linalg.pinv(a, rtol=None))
    _assert_numpy(tb.linalg.pinv(a, 1e-3), np.linalg.pinv(a, 1e-3))
    sym = a + a.T
    _assert_numpy(tb.linalg.pinv(sym, hermitian=True), np.linalg.pinv(sym, hermitian=True))


def test_matrix_power_takes_n_by_name() -> None:
    a = np.array([[1, 1], [0, 1]])
    _assert_numpy(tb.linalg.matrix_power(a, n=3), np.linalg.matrix_power(a, n=3))


LIST_CALLS: list[tuple[str, Callable[..., Any], Callable[..., Any], tuple[Any, ...]]] = [
    ("inv", tb.linalg.inv, np.linalg.inv, ([[1.0, 2.0], [3.0, 4.0]],)),
    ("det", tb.linalg.det, np.linalg.det, ([[1, 2], [3, 4]],)),
    ("solve", tb.linalg.solve, np.linalg.solve, ([[3, 1], [1, 2]], [9, 8])),
    ("eigvals", tb.linalg.eigvals, np2.linalg.eigvals, ([[2.0, 0.0], [0.0, 3.0]],)),
    ("cholesky", tb.linalg.cholesky, np.linalg.cholesky, ([[4.0, 2.0], [2.0, 3.0]],)),
    ("matrix_norm", tb.linalg.matrix_norm, np2.linalg.matrix_norm, ([[1, 2], [3, 4]],)),
    ("vector_norm", tb.linalg.vector_norm, np2.linalg.vector_norm, ([3, 4],)),
    (
        "svdvals",
        tb.linalg.svdvals,
        lambda a: np.linalg.svd(a, compute_uv=False),
        ([[3, 0], [0, 4]],),
    ),
    ("matmul", tb.matmul, np.matmul, ([[1, 2]], [[3], [4]])),
    ("tensordot", tb.tensordot, np.tensordot, ([1, 2], [3, 4], 1)),
    ("vecdot", tb.vecdot, np2.linalg.vecdot, ([1, 2], [3, 4])),
    ("outer", tb.linalg.outer, np2.linalg.outer, ([1, 2], [3, 4, 5])),
    ("trace", tb.linalg.trace, np2.linalg.trace, ([[1, 2], [3, 4]],)),
    ("cross", tb.linalg.cross, np2.linalg.cross, ([1, 0, 0], [0, 1, 0])),
]


@pytest.mark.parametrize(
    ("name", "fn", "np_fn", "args"), LIST_CALLS, ids=[c[0] for c in LIST_CALLS]
)
def test_lists_go_through_the_gate(
    name: str, fn: Callable[..., Any], np_fn: Callable[..., Any], args: tuple[Any, ...]
) -> None:
    expected = np_fn(*args)
    if name == "eigvals":
        expected = np.asarray(expected).astype(np.complex128)  # the standard's: complex
    _assert_numpy(fn(*args), expected)


def test_matmul_numpy_out_and_dtype() -> None:
    a, b = _data(tb.int8, (2, 3), full_range=False), _data(tb.int16, (3, 2), full_range=False)
    out = torch.empty(2, 2, dtype=torch.float64)
    assert tb.matmul(a, b, out) is out
    _assert_numpy(out, np.matmul(a, b).astype(np.float64))
    _assert_numpy(tb.matmul(a, b, dtype=tb.float32), np.matmul(a, b, dtype=np.float32))


def test_tensordot_axes_by_position_and_pairs_of_ints() -> None:
    a, b = _data(tb.float64, (2, 3, 4)), _data(tb.float64, (4, 3, 5))
    _assert_numpy(tb.tensordot(a, b, ((1, 2), (1, 0))), np.tensordot(a, b, ((1, 2), (1, 0))))
    _assert_numpy(tb.tensordot(a, b, (2, 0)), np.tensordot(a, b, (2, 0)))


def test_eigvals_of_finite_values_whose_sum_overflows_runs() -> None:
    """The inf/NaN guard's quick sum overflows here; the exact check lets the values through."""
    a = np.full((2, 2), 1e308)
    _check(tb.linalg.eigvals(a), np.linalg.eigvals(a).astype(np.complex128), CPU)
