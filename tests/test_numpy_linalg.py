"""tbridge._numpy.linalg (norm, lstsq, cond, multi_dot, tensorinv, tensorsolve, published
through tbridge.linalg), with NumPy as the oracle on a grid of dtypes x shapes x axes."""

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
from tbridge._core.dtypes import numpy_dtype_of
from tbridge._numpy.linalg import _lstsq_svd
from tests._helpers import assert_matches_numpy
from tests._numpy_compat import NUMPY_MAJOR

RNG = np.random.default_rng(3)

FLOATS = [tb.float32, tb.float64, tb.complex64, tb.complex128]
#: dtypes NumPy's linalg computes in float64.
EXACT = [tb.bool, tb.int8, tb.int64, tb.uint8, tb.uint16]


def _data(dtype: torch.dtype, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    nd = numpy_dtype_of(dtype)
    assert nd is not None
    if dtype == tb.bool:
        return RNG.integers(0, 2, size=shape).astype(nd)
    if not (dtype.is_floating_point or dtype.is_complex):
        return RNG.integers(0, 4, size=shape).astype(nd)
    values = RNG.standard_normal(shape)
    if dtype.is_complex:
        values = values + 1j * RNG.standard_normal(shape)
    return values.astype(nd)


def _put(a: np.ndarray[Any, Any], device: torch.device) -> torch.Tensor:
    return torch.from_numpy(np.array(a)).to(device)


def test_linalg_has_every_numpy_linalg_function() -> None:
    assert set(np.linalg.__all__) <= set(dir(tb.linalg))


# ==== norm =======================================================================================

NORM_CASES: list[tuple[tuple[int, ...], Any, Any]] = [
    ((5,), None, None),
    ((5,), 1, None),
    ((5,), 0, None),
    ((5,), -math.inf, None),
    ((5,), 3.5, None),
    ((3, 4), None, None),
    ((3, 4), "fro", None),
    ((3, 4), "nuc", None),
    ((3, 4), 2, None),
    ((3, 4), -2, None),
    ((3, 4), 1, None),
    ((3, 4), -math.inf, None),
    ((3, 4), None, 0),
    ((3, 4), 3, -1),
    ((2, 3, 4), None, None),
    ((2, 3, 4), None, (2, 0)),
    ((2, 3, 4), "nuc", (0, 2)),
    ((2, 3, 4), math.inf, (-1, 1)),
    ((2, 3, 4), 1, 1),
    ((), None, None),
    ((0,), None, None),
    ((0, 3), "fro", None),
]


@pytest.mark.parametrize("dtype", [*FLOATS, *EXACT], ids=str)
@pytest.mark.parametrize(("shape", "ord_", "axis"), NORM_CASES, ids=str)
@pytest.mark.parametrize("keepdims", [False, True])
def test_norm_matches_numpy(
    *,
    dtype: torch.dtype,
    shape: tuple[int, ...],
    ord_: Any,
    axis: Any,
    keepdims: bool,
    device: torch.device,
) -> None:
    a = _data(dtype, shape)
    expected = np.linalg.norm(a, ord_, axis, keepdims)
    got = tb.linalg.norm(_put(a, device), ord_, axis, keepdims)
    assert_matches_numpy(got, expected, device=device)


def test_norm_of_float16_keeps_it_where_numpy_does() -> None:
    a = _data(tb.float16, (3, 4))
    assert_matches_numpy(tb.linalg.norm(a), np.linalg.norm(a), rtol=4e-3)
    assert_matches_numpy(tb.linalg.norm(a, 1), np.linalg.norm(a, 1), rtol=4e-3)
    with pytest.raises(TypeError, match=r"^linalg.norm: torch.float16 is not supported"):
        tb.linalg.norm(a, 2)


# ==== lstsq ==========================================================================================

LSTSQ_CASES: list[tuple[tuple[int, ...], tuple[int, ...], Any]] = [
    ((6, 3), (6,), None),  # overdetermined: residuals
    ((6, 3), (6, 2), None),
    ((3, 5), (3,), None),  # underdetermined: no residuals
    ((4, 4), (4, 3), 1e-3),
    ((0, 3), (0, 2), None),
    ((3, 0), (3,), None),
]


@pytest.mark.parametrize("dtype", [*FLOATS, tb.int64], ids=str)
@pytest.mark.parametrize(("sa", "sb", "rcond"), LSTSQ_CASES, ids=str)
def test_lstsq_matches_numpy(
    dtype: torch.dtype,
    sa: tuple[int, ...],
    sb: tuple[int, ...],
    rcond: Any,
    data_device: torch.device,
) -> None:
    a, b = _data(dtype, sa), _data(dtype, sb)
    expected = np.linalg.lstsq(a, b, rcond=rcond)
    got = tb.linalg.lstsq(_put(a, data_device), _put(b, data_device), rcond)
    assert isinstance(got, tuple)
    assert len(got) == 4
    for g, e in zip(got, expected, strict=True):
        assert_matches_numpy(g, e, device=data_device, rtol=1e-4 if dtype in FLOATS[::2] else None)


_NONFINITE_B = [
    [1.0, math.nan, 2.0],
    [[1.0, 1.0], [math.nan, 2.0], [2.0, 3.0], [0.5, 1.0]],
    [[1.0, 1.0], [math.inf, 2.0], [2.0, -math.inf], [0.5, 1.0]],
    [[1.0, 1.0, 4.0], [2.0, math.nan, 1.0], [2.0, 3.0, 0.0], [0.5, 1.0, 2.0]],
]


@pytest.mark.parametrize("b", _NONFINITE_B, ids=str)
def test_lstsq_of_a_non_finite_b_is_nan_in_its_columns_as_numpy(b: Any) -> None:
    # torch's gelsd refuses NaN or infinity in b ("INTERNAL ASSERT FAILED" for polyfit,
    # LinAlgError here); NumPy solves the other columns and gives NaN for those.
    bb = np.asarray(b)
    a = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 4.0]])[: bb.shape[0]]
    expected = np.linalg.lstsq(a, bb, rcond=None)
    got = tb.linalg.lstsq(tb.asarray(a), tb.asarray(bb))
    for g, e in zip(got, expected, strict=True):
        assert_matches_numpy(g, e)


def test_lstsq_of_a_non_finite_a_is_numpys_linalg_error() -> None:
    a = np.array([[1.0, math.nan], [1.0, 1.0], [1.0, 2.0]])
    b = np.array([1.0, 2.0, 2.0])
    with pytest.raises(np.linalg.LinAlgError, match="SVD did not converge"):
        np.linalg.lstsq(a, b, rcond=None)
    with pytest.raises(tb.linalg.LinAlgError, match=r"^linalg.lstsq: a holds NaN or infinity"):
        tb.linalg.lstsq(tb.asarray(a), tb.asarray(b))


def test_lstsq_rank_deficient_has_no_residuals() -> None:
    a = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
    b = np.array([1.0, 2.0, 4.0])
    expected = np.linalg.lstsq(a, b, rcond=None)
    for g, e in zip(tb.linalg.lstsq(a, b), expected, strict=True):
        assert_matches_numpy(g, e)


def test_lstsq_by_svd_matches_gelsd() -> None:
    """The route for devices without gelsd (CUDA), checked on the CPU."""
    a = torch.from_numpy(_data(tb.float64, (6, 3)))
    b = torch.from_numpy(_data(tb.float64, (6, 2)))
    want = torch.linalg.lstsq(a, b, driver="gelsd")
    got = _lstsq_svd(a, b, None)
    for g, w in zip(got, want, strict=True):
        torch.testing.assert_close(g, w.to(g.dtype))


# ==== cond ===========================================================================================

COND_CASES: list[tuple[tuple[int, ...], Any]] = [
    ((3, 3), None),
    ((3, 3), "fro"),
    ((3, 3), "nuc"),
    ((3, 3), 1),
    ((3, 3), -math.inf),
    ((3, 3), -2),
    ((2, 3, 3), 2),
    ((3, 5), None),
]


@pytest.mark.parametrize("dtype", [*FLOATS, tb.int64], ids=str)
@pytest.mark.parametrize(("shape", "p"), COND_CASES, ids=str)
def test_cond_matches_numpy(
    dtype: torch.dtype, shape: tuple[int, ...], p: Any, device: torch.device
) -> None:
    a = _data(dtype, shape) + 3 * np.eye(shape[-2], shape[-1]).astype(_data(dtype, ()).dtype)
    expected = np.linalg.cond(a, p)
    if NUMPY_MAJOR < 2:
        expected = np.asarray(expected).real  # NumPy 1.x leaves a complex zero imaginary part
    assert_matches_numpy(tb.linalg.cond(_put(a, device), p), expected, device=device, rtol=1e-4)


def test_cond_of_singular_is_inf() -> None:
    a = np.ones((2, 2))
    assert_matches_numpy(tb.linalg.cond(a, 1), np.linalg.cond(a, 1))


#: exactly singular matrices (zero singular values), alone and batched beside regular ones, and
#: a batch of no matrices
SINGULAR: dict[str, np.ndarray[Any, Any]] = {
    "zeros": np.zeros((2, 2)),
    "zero-1x1": np.zeros((1, 1)),
    "rank-1": np.diag([1.0, 0.0]),
    "batch": np.stack([np.diag([2.0, 0.0]), np.eye(2), np.zeros((2, 2))]),
    "no-matrices": np.zeros((0, 2, 2)),
    "wide": np.zeros((2, 3)),
    "tall": np.zeros((3, 2)),
}
#: every p but 'nuc' (NumPy's own 'nuc' of a singular matrix fails: its SVD of inv(x) does not
#: converge); the non-square matrices with the p that allow them
SINGULAR_CASES = [
    (name, p)
    for name, a in SINGULAR.items()
    for p in [None, 2, -2, "fro", math.inf, -math.inf, 1, -1]
    if a.shape[-1] == a.shape[-2] or p in (None, 2, -2)
]


@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize(("name", "p"), SINGULAR_CASES, ids=str)
def test_cond_of_singular_matrices_matches_numpy(
    dtype: torch.dtype, name: str, p: Any, device: torch.device
) -> None:
    """A zero singular value (or pivot) makes the condition number inf, for every p (torch's
    0 / 0 would be NaN)."""
    a = SINGULAR[name].astype(numpy_dtype_of(dtype))
    with np.errstate(all="ignore"):
        expected = np.linalg.cond(a, p)
    assert_matches_numpy(tb.linalg.cond(_put(a, device), p), expected, device=device, rtol=1e-4)


@pytest.mark.parametrize("shape", [(0, 0), (3, 0, 0), (2, 0), (0, 3)], ids=str)
@pytest.mark.parametrize("p", [None, -2, "fro", 1], ids=str)
def test_cond_of_empty_matrices_is_numpys_error(shape: tuple[int, ...], p: Any) -> None:
    a = np.zeros(shape)
    with pytest.raises(np.linalg.LinAlgError, match=r"^cond is not defined on empty arrays$"):
        np.linalg.cond(a, p)
    message = rf"^linalg.cond: x has shape {re.escape(str(shape))}; cond is not defined on empty"
    with pytest.raises(tb.linalg.LinAlgError, match=message):
        tb.linalg.cond(torch.from_numpy(a), p)


# ==== multi_dot ======================================================================================

MULTI_DOT_CASES = [
    [(2, 3), (3, 4)],
    [(3,), (3, 4), (4, 2)],
    [(2, 3), (3, 4), (4,)],
    [(3,), (3, 5), (5, 2), (2,)],
    [(2, 3), (3, 1), (1, 4), (4, 2)],
]


@pytest.mark.parametrize("dtype", [*FLOATS, *EXACT, tb.uint64], ids=str)
@pytest.mark.parametrize("shapes", MULTI_DOT_CASES, ids=str)
def test_multi_dot_matches_numpy(
    dtype: torch.dtype, shapes: list[tuple[int, ...]], device: torch.device
) -> None:
    arrays = [_data(dtype, s) for s in shapes]
    expected = np.linalg.multi_dot(arrays)
    got = tb.linalg.multi_dot([_put(a, device) for a in arrays])
    assert_matches_numpy(got, expected, device=device, rtol=1e-4)


def test_multi_dot_promotes_and_writes_out() -> None:
    arrays = [_data(tb.int8, (2, 3)), _data(tb.float32, (3, 3)), _data(tb.int64, (3,))]
    out = torch.empty(2, dtype=torch.float64)
    assert tb.linalg.multi_dot(arrays, out=out) is out
    assert_matches_numpy(out, np.linalg.multi_dot(arrays), rtol=1e-5)


# ==== tensorinv and tensorsolve ======================================================================


@pytest.mark.parametrize("dtype", [*FLOATS, tb.int64], ids=str)
@pytest.mark.parametrize(("shape", "ind"), [((4, 6, 8, 3), 2), ((24, 2, 3, 4), 1), ((6, 2, 3), 1)])
def test_tensorinv_matches_numpy(
    dtype: torch.dtype, shape: tuple[int, ...], ind: int, device: torch.device
) -> None:
    n = math.prod(shape[:ind])
    base = _data(dtype, (n, n)) + 4 * np.eye(n).astype(_data(dtype, ()).dtype)
    a = base.reshape(shape)
    expected = np.linalg.tensorinv(a, ind)
    assert_matches_numpy(
        tb.linalg.tensorinv(_put(a, device), ind), expected, device=device, rtol=1e-4
    )


@pytest.mark.parametrize("dtype", [*FLOATS, tb.int64], ids=str)
@pytest.mark.parametrize(
    ("sa", "sb", "axes"),
    [((2, 3, 6), (2, 3), None), ((6, 2, 3), (2, 3), (0,)), ((2, 3, 2, 3), (2, 3), (0, 1))],
    ids=str,
)
def test_tensorsolve_matches_numpy(
    dtype: torch.dtype,
    sa: tuple[int, ...],
    sb: tuple[int, ...],
    axes: Any,
    device: torch.device,
) -> None:
    n = math.prod(sb)
    base = _data(dtype, (n, n)) + 4 * np.eye(n).astype(_data(dtype, ()).dtype)
    a = base.reshape(sa)
    b = _data(dtype, sb)
    expected = np.linalg.tensorsolve(a, b, axes)
    got = tb.linalg.tensorsolve(_put(a, device), _put(b, device), axes)
    assert_matches_numpy(got, expected, device=device, rtol=1e-4)


# ==== bad input ======================================================================================

_E = tb.linalg.LinAlgError

BAD: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "norm-ndim",
        lambda: tb.linalg.norm(torch.ones(2, 2, 2), 2),
        ValueError,
        r"^linalg.norm: x has shape \(2, 2, 2\); with ord=2 and axis=None it must be 1-D",
    ),
    (
        "norm-vector-fro",
        lambda: tb.linalg.norm(torch.ones(2, 2), "fro", 0),
        ValueError,
        r"^linalg.norm: ord='fro' is a matrix norm, but axis=0 names one axis",
    ),
    (
        "norm-matrix-ord",
        lambda: tb.linalg.norm(torch.ones(2, 2), 3, (0, 1)),
        ValueError,
        r"^linalg.norm: ord=3 is not a matrix norm; pass 'fro', 'nuc', 1, -1, 2, -2, inf or "
        "-inf$",
    ),
    (
        "norm-duplicate",
        lambda: tb.linalg.norm(torch.ones(2, 2), None, (0, -2)),
        ValueError,
        r"^linalg.norm: axis=\(0, -2\) names the same axis twice$",
    ),
    (
        "norm-three-axes",
        lambda: tb.linalg.norm(torch.ones(2, 2, 2), None, (0, 1, 2)),
        ValueError,
        r"^linalg.norm: axis=\(0, 1, 2\) names 3 axes; a norm reduces one",
    ),
    (
        "norm-axis-bounds",
        lambda: tb.linalg.norm(torch.ones(2, 2), None, (0, 5)),
        AxisError,
        r"^linalg.norm: axis 5 is out of bounds for x of 2 dimension\(s\); a valid axis is in "
        r"\[-2, 2\)$",
    ),
    (
        "norm-axis-type",
        lambda: tb.linalg.norm(torch.ones(2, 2), None, 0.5),  # type: ignore[arg-type]
        TypeError,
        r"^linalg.norm: axis=0.5 must be an int",
    ),
    (
        "norm-axis-array",
        lambda: tb.linalg.norm(torch.ones(2, 2), None, np.array([0, 1])),  # type: ignore[arg-type]
        TypeError,
        r"^linalg.norm: axis=array\(\[0, 1\]\) must be an int, a pair of ints or None$",
    ),
    (
        "norm-str",
        lambda: tb.linalg.norm("ab"),
        TypeError,
        r"^linalg.norm: x must be array data",
    ),
    (
        "lstsq-3d",
        lambda: tb.linalg.lstsq(torch.ones(2, 3, 3), torch.ones(3)),
        _E,
        r"^linalg.lstsq: a has shape \(2, 3, 3\); it must be one matrix \(2-D\)",
    ),
    (
        "lstsq-b",
        lambda: tb.linalg.lstsq(torch.ones(3, 3), torch.ones(3, 1, 1)),
        _E,
        r"^linalg.lstsq: b has shape \(3, 1, 1\); it must be a vector \(1-D\) or a matrix",
    ),
    (
        "lstsq-rows",
        lambda: tb.linalg.lstsq(torch.ones(3, 2), torch.ones(4)),
        _E,
        r"^linalg.lstsq: a has shape \(3, 2\) and b \(4,\); b needs 3 rows, one per row of a$",
    ),
    (
        "lstsq-rcond",
        lambda: tb.linalg.lstsq(torch.ones(3, 2), torch.ones(3), "x"),  # type: ignore[arg-type]
        TypeError,
        r"^linalg.lstsq: rcond='x' must be a real number or None$",
    ),
    (
        "cond-p",
        lambda: tb.linalg.cond(torch.eye(2), 3),
        ValueError,
        r"^linalg.cond: p=3 is not a matrix norm",
    ),
    (
        "cond-not-square",
        lambda: tb.linalg.cond(torch.ones(2, 3), 1),
        _E,
        r"^linalg.cond: x has shape \(2, 3\); its last two dimensions must be equal",
    ),
    (
        "cond-1d",
        lambda: tb.linalg.cond(torch.ones(3)),
        _E,
        r"^linalg.cond: x has shape \(3,\), 1 dimension\(s\); it needs at least two",
    ),
    (
        "multi_dot-one",
        lambda: tb.linalg.multi_dot([torch.ones(2, 2)]),
        ValueError,
        r"^linalg.multi_dot: got 1 array\(s\); pass at least two$",
    ),
    (
        "multi_dot-middle",
        lambda: tb.linalg.multi_dot([torch.ones(2, 2), torch.ones(2), torch.ones(2, 2)]),
        _E,
        r"^linalg.multi_dot: arrays\[1\] has shape \(2,\); a middle array must be 2-D$",
    ),
    (
        "multi_dot-end",
        lambda: tb.linalg.multi_dot([torch.ones(1, 2, 2), torch.ones(2, 2)]),
        _E,
        r"^linalg.multi_dot: arrays\[0\] has shape \(1, 2, 2\); the first or last array must "
        "be 1-D or 2-D$",
    ),
    (
        "multi_dot-align",
        lambda: tb.linalg.multi_dot([torch.ones(2, 3), torch.ones(2, 2)]),
        ValueError,
        r"^linalg.multi_dot: arrays\[0\] has shape \(2, 3\) and arrays\[1\] \(2, 2\): 3 "
        "columns against 2 rows$",
    ),
    (
        "multi_dot-tensor",
        lambda: tb.linalg.multi_dot(torch.ones(2, 2)),  # type: ignore[arg-type]
        TypeError,
        r"^linalg.multi_dot: arrays must be a sequence",
    ),
    (
        "multi_dot-dict",
        lambda: tb.linalg.multi_dot({}),  # type: ignore[arg-type]
        TypeError,
        r"^linalg.multi_dot: arrays must be a sequence \(list or tuple\) of arrays, got dict",
    ),
    (
        "tensorinv-ind",
        lambda: tb.linalg.tensorinv(torch.ones(2, 2), 0),
        ValueError,
        r"^linalg.tensorinv: ind=0 must be a positive integer$",
    ),
    (
        "tensorinv-sizes",
        lambda: tb.linalg.tensorinv(torch.ones(2, 3, 4), 1),
        _E,
        r"^linalg.tensorinv: a has shape \(2, 3, 4\); with ind=1 the product of the first 1 "
        r"sizes \(2\) must equal the product of the rest \(12\)$",
    ),
    (
        "tensorinv-0d",
        lambda: tb.linalg.tensorinv(torch.tensor(2.0)),
        _E,
        r"^linalg.tensorinv: a has shape \(\), 0 dimension\(s\); ind=2 must not exceed them "
        r"\(the first ind axes index the result's last ones\); pass an ind of at most a.ndim$",
    ),
    (
        "tensorinv-singular",
        lambda: tb.linalg.tensorinv(torch.ones(2, 2, 4, dtype=torch.float32), 2),
        _E,
        r"^linalg.tensorinv: the matrix \(x: shape \(4, 4\), float32\) is singular",
    ),
    (
        "tensorsolve-sizes",
        lambda: tb.linalg.tensorsolve(torch.ones(2, 3, 5), torch.ones(2, 3)),
        _E,
        r"^linalg.tensorsolve: a has shape \(2, 3, 5\) \(after moving axes\) and b \(2, 3\)",
    ),
    (
        "tensorsolve-axes",
        lambda: tb.linalg.tensorsolve(torch.ones(2, 2), torch.ones(2), (3,)),
        AxisError,
        r"^linalg.tensorsolve: axis 3 is out of bounds for a of 2 dimension\(s\)$",
    ),
    (
        "tensorsolve-axes-type",
        lambda: tb.linalg.tensorsolve(torch.ones(2, 2), torch.ones(2), (0.5,)),  # type: ignore[arg-type]
        TypeError,
        r"^linalg.tensorsolve: axes must hold integers, got 0.5$",
    ),
    (
        "tensorsolve-singular",
        lambda: tb.linalg.tensorsolve(
            torch.ones(2, 2, dtype=torch.float32), torch.ones(2, dtype=torch.float32)
        ),
        _E,
        r"^linalg.tensorsolve: the matrix \(x: shape \(2, 2\), float32\) is singular",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_input(call: Callable[[], Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


# ==== autograd =======================================================================================

GRAD: list[tuple[str, Callable[[torch.Tensor], torch.Tensor]]] = [
    ("norm", tb.linalg.norm),
    ("norm-nuc", lambda a: tb.linalg.norm(a, "nuc")),
    ("lstsq", lambda a: tb.linalg.lstsq(a, torch.ones(3, dtype=a.dtype))[0]),
    ("cond", tb.linalg.cond),
    ("multi_dot", lambda a: tb.linalg.multi_dot([a, a, a])),
    ("tensorinv", lambda a: tb.linalg.tensorinv(a, 1)),
    ("tensorsolve", lambda a: tb.linalg.tensorsolve(a, torch.ones(3, dtype=a.dtype))),
]


@pytest.mark.parametrize(("name", "fn"), GRAD, ids=[g[0] for g in GRAD])
def test_results_stay_on_the_autograd_graph(
    name: str, fn: Callable[[torch.Tensor], torch.Tensor]
) -> None:
    a = (
        torch.rand(3, 3, dtype=torch.float64) + 3 * torch.eye(3, dtype=torch.float64)
    ).requires_grad_()
    fn(a).sum().backward()  # type: ignore[no-untyped-call]
    assert a.grad is not None
