"""tbridge._numpy.products (dot, vdot, inner, outer, einsum, kron, trace, diagonal, cross),
with NumPy as the oracle: the same call through both, on a grid of dtypes x shapes x axes,
metadata first (type, shape, dtype, device), then values."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from numpy.exceptions import AxisError

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of
from tests._helpers import assert_matches_numpy

RNG = np.random.default_rng(7)

INTEGERS = [tb.int8, tb.int16, tb.int32, tb.int64, tb.uint8, tb.uint16, tb.uint32, tb.uint64]
FLOATS = [tb.float16, tb.float32, tb.float64, tb.complex64, tb.complex128]
ALL = [tb.bool, *INTEGERS, *FLOATS]
#: NumPy has no bool subtraction, so no bool cross product.
NUMBERS = [*INTEGERS, *FLOATS]


def _data(dtype: torch.dtype, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    """Small integer-valued data (exact in every dtype's products), complex parts included."""
    nd = numpy_dtype_of(dtype)
    assert nd is not None
    if dtype == tb.bool:
        return RNG.integers(0, 2, size=shape).astype(nd)
    low = 0 if dtype in (tb.uint8, tb.uint16, tb.uint32, tb.uint64) else -2
    values = RNG.integers(low, 3, size=shape)
    if dtype.is_complex:
        return (values + 1j * RNG.integers(-2, 3, size=shape)).astype(nd)
    return values.astype(nd)


def _put(a: np.ndarray[Any, Any], device: torch.device) -> torch.Tensor:
    return torch.from_numpy(np.array(a)).to(device)


# ==== dot ========================================================================================

DOT_SHAPES = [
    ((3,), (3,)),
    ((2, 3), (3,)),
    ((3,), (3, 4)),
    ((2, 3), (3, 4)),
    ((2, 3, 4), (4,)),
    ((2, 3, 4), (4, 2)),
    ((2, 3, 4), (5, 4, 2)),
    ((3,), (2, 3, 4)),
    ((), (3,)),
    ((2, 3), ()),
    ((0, 3), (3, 2)),
    ((3, 0), (0, 2)),
]


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("shapes", DOT_SHAPES, ids=str)
def test_dot_matches_numpy(
    dtype: torch.dtype, shapes: tuple[tuple[int, ...], ...], device: torch.device
) -> None:
    a, b = _data(dtype, shapes[0]), _data(dtype, shapes[1])
    assert_matches_numpy(tb.dot(_put(a, device), _put(b, device)), np.dot(a, b), device=device)


@pytest.mark.parametrize(
    ("d1", "d2"),
    [(tb.int8, tb.uint8), (tb.int32, tb.float32), (tb.uint64, tb.int64), (tb.bool, tb.float64)],
    ids=str,
)
def test_dot_promotes_like_numpy(d1: torch.dtype, d2: torch.dtype) -> None:
    a, b = _data(d1, (2, 3)), _data(d2, (3,))
    assert_matches_numpy(tb.dot(_put(a, torch.device("cpu")), b), np.dot(a, b))


def test_dot_takes_lists_and_out() -> None:
    out = torch.empty(2, dtype=torch.float64)
    got = tb.dot([[1, 2], [3, 4]], [1.0, 1.0], out)
    assert got is out
    assert_matches_numpy(out, np.dot([[1, 2], [3, 4]], [1.0, 1.0]))


def test_dot_wraps_like_numpy() -> None:
    a = np.array([200, 100], dtype=np.uint8)
    assert_matches_numpy(tb.dot(torch.from_numpy(a), torch.from_numpy(a)), np.dot(a, a))


# ==== vdot, inner, outer, kron =======================================================================


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(
    "shapes", [((3,), (3,)), ((2, 3), (3, 2)), ((), ()), ((0,), (0,))], ids=str
)
def test_vdot_matches_numpy(
    dtype: torch.dtype, shapes: tuple[tuple[int, ...], ...], device: torch.device
) -> None:
    a, b = _data(dtype, shapes[0]), _data(dtype, shapes[1])
    assert_matches_numpy(tb.vdot(_put(a, device), _put(b, device)), np.vdot(a, b), device=device)


def test_vdot_conjugates_the_first_operand() -> None:
    a, b = np.array([1 + 2j, 3j]), np.array([2 - 1j, 1 + 1j])
    assert_matches_numpy(tb.vdot(a, b), np.vdot(a, b))
    assert_matches_numpy(tb.vdot(torch.from_numpy(a), torch.from_numpy(b)), np.vdot(a, b))


INNER_SHAPES = [((3,), (3,)), ((2, 3), (4, 3)), ((2, 2, 3), (3,)), ((), (2, 3)), ((2, 0), (0,))]


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("shapes", INNER_SHAPES, ids=str)
def test_inner_matches_numpy(
    dtype: torch.dtype, shapes: tuple[tuple[int, ...], ...], device: torch.device
) -> None:
    a, b = _data(dtype, shapes[0]), _data(dtype, shapes[1])
    assert_matches_numpy(tb.inner(_put(a, device), _put(b, device)), np.inner(a, b), device=device)


OUTER_SHAPES = [((3,), (4,)), ((2, 2), (3,)), ((), (2, 1)), ((0,), (3,))]


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("shapes", OUTER_SHAPES, ids=str)
def test_outer_matches_numpy(
    dtype: torch.dtype, shapes: tuple[tuple[int, ...], ...], device: torch.device
) -> None:
    a, b = _data(dtype, shapes[0]), _data(dtype, shapes[1])
    assert_matches_numpy(tb.outer(_put(a, device), _put(b, device)), np.outer(a, b), device=device)


def test_outer_promotes_and_writes_out() -> None:
    a, b = _data(tb.int8, (3,)), _data(tb.uint16, (2,))
    out = torch.empty(3, 2, dtype=torch.float64)
    assert tb.outer(a, b, out=out) is out
    assert_matches_numpy(out, np.outer(a, b).astype(np.float64))


KRON_SHAPES = [((2,), (3,)), ((2, 2), (2, 3)), ((2,), (2, 2)), ((), (3,)), ((), ()), ((0, 2), (2,))]


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("shapes", KRON_SHAPES, ids=str)
def test_kron_matches_numpy(
    dtype: torch.dtype, shapes: tuple[tuple[int, ...], ...], device: torch.device
) -> None:
    a, b = _data(dtype, shapes[0]), _data(dtype, shapes[1])
    assert_matches_numpy(tb.kron(_put(a, device), _put(b, device)), np.kron(a, b), device=device)


def _strided(dtype: torch.dtype, shape: tuple[int, ...], how: str) -> np.ndarray[Any, Any]:
    """Data of ``shape`` as a non-contiguous view: a reversed-axes transpose ("T") or every
    other row of a taller array ("step"); "c" is contiguous."""
    if how == "T":
        return _data(dtype, shape[::-1]).transpose()
    if how == "step":
        return _data(dtype, (2 * shape[0], *shape[1:]))[::2]
    return _data(dtype, shape)


#: (shape and layout of a, shape and layout of b): strided operands of several ranks
KRON_STRIDED = [
    (((3, 3), "T"), ((2, 3), "c")),
    (((2, 3), "c"), ((3, 3), "T")),
    (((3, 3), "T"), ((3, 3), "T")),
    (((6,), "step"), ((2, 3), "c")),
    (((2, 3), "c"), ((6,), "step")),
    (((2, 3, 4), "T"), ((2, 2), "c")),
    (((2, 2), "c"), ((2, 3, 4), "T")),
    (((4, 3), "step"), ((3, 2), "T")),
    (((2, 3, 2), "step"), ((2, 3, 4), "T")),
]


@pytest.mark.parametrize("dtype", [tb.bool, tb.int64, tb.uint16, tb.float64, tb.complex64], ids=str)
@pytest.mark.parametrize("case", KRON_STRIDED, ids=str)
@pytest.mark.parametrize("form", ["ndarray", "tensor"])
def test_kron_of_strided_operands_matches_numpy(
    dtype: torch.dtype, case: tuple[tuple[tuple[int, ...], str], ...], form: str
) -> None:
    a, b = (_strided(dtype, shape, how) for shape, how in case)
    assert [x.flags.c_contiguous for x in (a, b)] == [how == "c" for _, how in case]
    args = (a, b) if form == "ndarray" else (torch.from_numpy(a), torch.from_numpy(b))
    assert_matches_numpy(tb.kron(*args), np.kron(a, b))


def test_kron_promotes_like_numpy() -> None:
    a, b = _data(tb.uint8, (2,)), _data(tb.int16, (2, 2))
    assert_matches_numpy(tb.kron(a, b), np.kron(a, b))


# ==== trace and diagonal =================================================================================

DIAG_CASES = [
    ((3, 3), 0, 0, 1),
    ((3, 4), 1, 0, 1),
    ((4, 3), -2, 0, 1),
    ((2, 3, 4), 0, 0, 1),
    ((2, 3, 4), 1, 2, 0),
    ((2, 3, 4), 0, -1, -2),
    ((2, 3), 5, 0, 1),
    ((0, 3), 0, 0, 1),
]


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(("shape", "offset", "axis1", "axis2"), DIAG_CASES, ids=str)
def test_trace_matches_numpy(
    dtype: torch.dtype,
    shape: tuple[int, ...],
    offset: int,
    axis1: int,
    axis2: int,
    device: torch.device,
) -> None:
    a = _data(dtype, shape)
    got = tb.trace(_put(a, device), offset, axis1, axis2)
    assert_matches_numpy(got, np.trace(a, offset, axis1, axis2), device=device)


@pytest.mark.parametrize("dtype", [tb.int8, tb.uint8, tb.float32, "float64", np.int16], ids=str)
def test_trace_dtype_and_out(dtype: Any) -> None:
    a = _data(tb.int16, (3, 3))
    assert_matches_numpy(
        tb.trace(a, dtype=dtype), np.trace(a, dtype=tb.to_numpy(tb.zeros(1, dtype=dtype)).dtype)
    )
    out = torch.empty((), dtype=torch.float64)
    assert tb.trace(a, out=out) is out
    assert_matches_numpy(out, np.trace(a).astype(np.float64))


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(("shape", "offset", "axis1", "axis2"), DIAG_CASES, ids=str)
def test_diagonal_matches_numpy(
    dtype: torch.dtype,
    shape: tuple[int, ...],
    offset: int,
    axis1: int,
    axis2: int,
    device: torch.device,
) -> None:
    a = _data(dtype, shape)
    got = tb.diagonal(_put(a, device), offset, axis1, axis2)
    assert_matches_numpy(got, np.diagonal(a, offset, axis1, axis2), device=device)


def test_diagonal_is_a_view() -> None:
    x = torch.zeros(3, 3)
    d = tb.diagonal(x)
    d += 1
    assert torch.equal(x, torch.eye(3))
    assert tb.shares_memory(d, x)


# ==== cross ==============================================================================================

CROSS_CASES: list[tuple[tuple[int, ...], tuple[int, ...], dict[str, int]]] = [
    ((3,), (3,), {}),
    ((4, 3), (3,), {}),
    ((2, 1, 3), (4, 3), {}),
    ((3, 4), (3, 4), {"axis": 0}),
    ((3, 2), (2, 3), {"axisa": 0, "axisb": 1, "axisc": 0}),
    ((2, 3, 5), (3,), {"axisa": 1, "axisc": 1}),
    ((0, 3), (3,), {}),
]


@pytest.mark.parametrize("dtype", NUMBERS, ids=str)
@pytest.mark.parametrize(("s1", "s2", "kwargs"), CROSS_CASES, ids=str)
def test_cross_matches_numpy(
    dtype: torch.dtype,
    s1: tuple[int, ...],
    s2: tuple[int, ...],
    kwargs: dict[str, int],
    device: torch.device,
) -> None:
    a, b = _data(dtype, s1), _data(dtype, s2)
    got = tb.cross(_put(a, device), _put(b, device), **kwargs)
    assert_matches_numpy(got, np.cross(a, b, **kwargs), device=device)


TWO_D_CASES: list[tuple[tuple[int, ...], tuple[int, ...], dict[str, int]]] = [
    ((2,), (2,), {}),
    ((4, 2), (2,), {}),
    ((2,), (3,), {}),
    ((4, 3), (4, 2), {}),
    ((2, 4), (3, 4), {"axisa": 0, "axisb": 0, "axisc": 0}),
]


@pytest.mark.parametrize("dtype", [tb.int64, tb.uint16, tb.float64, tb.complex64], ids=str)
@pytest.mark.parametrize(("s1", "s2", "kwargs"), TWO_D_CASES, ids=str)
def test_cross_of_two_element_vectors_warns_as_numpy_2(
    dtype: torch.dtype, s1: tuple[int, ...], s2: tuple[int, ...], kwargs: dict[str, int]
) -> None:
    a, b = _data(dtype, s1), _data(dtype, s2)
    with pytest.warns(DeprecationWarning, match=r"^cross: 2-element vectors are deprecated"):
        got = tb.cross(torch.from_numpy(a), torch.from_numpy(b), **kwargs)
    with warnings.catch_warnings():  # NumPy 2 warns as tbridge does; NumPy 1.x does not
        warnings.simplefilter("ignore", DeprecationWarning)
        expected = np.cross(a, b, **kwargs)
    assert_matches_numpy(got, expected)


# ==== einsum ==================================================================================

EINSUM_CASES: list[tuple[str, list[tuple[int, ...]]]] = [
    ("ij,jk->ik", [(2, 3), (3, 4)]),
    ("ij,jk", [(2, 3), (3, 4)]),
    ("i,i", [(3,), (3,)]),
    ("i,j->ij", [(2,), (3,)]),
    ("ii", [(3, 3)]),
    ("ii->i", [(3, 3)]),
    ("ij->ji", [(2, 3)]),
    ("ij->", [(2, 3)]),
    ("...j,...j->...", [(2, 3), (3,)]),
    ("bij,bjk->bik", [(2, 2, 3), (2, 3, 2)]),
    ("ij,jk,kl->il", [(2, 3), (3, 2), (2, 2)]),
    ("ij,ij->", [(0, 3), (0, 3)]),
]


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(("subscripts", "shapes"), EINSUM_CASES, ids=str)
def test_einsum_matches_numpy(
    dtype: torch.dtype, subscripts: str, shapes: list[tuple[int, ...]], device: torch.device
) -> None:
    arrays = [_data(dtype, s) for s in shapes]
    got = tb.einsum(subscripts, *[_put(a, device) for a in arrays])
    assert_matches_numpy(got, np.einsum(subscripts, *arrays), device=device)


def test_einsum_interleaved_form() -> None:
    a, b = _data(tb.float64, (2, 3)), _data(tb.float64, (3, 4))
    assert_matches_numpy(
        tb.einsum(a, [0, 1], b, [1, 2], [0, 2]), np.einsum(a, [0, 1], b, [1, 2], [0, 2])
    )
    assert_matches_numpy(tb.einsum(a, [0, 1], b, [1, 2]), np.einsum(a, [0, 1], b, [1, 2]))
    c = _data(tb.int32, (2, 3, 3))
    assert_matches_numpy(
        tb.einsum(c, [Ellipsis, 0, 0], [Ellipsis]), np.einsum(c, [Ellipsis, 0, 0], [Ellipsis])
    )


@pytest.mark.parametrize("optimize", [False, True, "greedy", "optimal"])
def test_einsum_promotes_and_takes_numpy_options(optimize: Any) -> None:
    a, b = _data(tb.int8, (2, 3)), _data(tb.float32, (3,))
    expected = np.einsum("ij,j->i", a, b, optimize=optimize)
    assert_matches_numpy(tb.einsum("ij,j->i", a, b, optimize=optimize), expected)
    expected = np.einsum("ij,j->i", a, b, dtype=np.float64)
    assert_matches_numpy(tb.einsum("ij,j->i", a, b, dtype=tb.float64), expected)
    out = torch.empty(2, dtype=torch.float64)
    assert tb.einsum("ij,j->i", a, b, out=out) is out
    assert_matches_numpy(out, expected)


# ==== bad input ===================================================================================

BAD: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "dot-align",
        lambda: tb.dot(torch.ones(2, 3), torch.ones(4)),
        ValueError,
        r"^dot: shapes \(2, 3\) and \(4,\) are not aligned: a's last dimension \(3\) must "
        r"equal b's only dimension \(4\)$",
    ),
    (
        "dot-align-nd",
        lambda: tb.dot(torch.ones(2, 3), torch.ones(5, 4, 2)),
        ValueError,
        r"^dot: shapes \(2, 3\) and \(5, 4, 2\) are not aligned: .* b's second-to-last "
        r"dimension \(4\)$",
    ),
    ("dot-str", lambda: tb.dot("a", [1]), TypeError, r"^dot: a must be array data"),
    (
        "dot-out",
        lambda: tb.dot(torch.ones(2, 3), torch.ones(3), torch.empty(3)),
        ValueError,
        r"^dot: out has shape \(3,\) but the result has shape \(2,\)",
    ),
    (
        "vdot-sizes",
        lambda: tb.vdot(torch.ones(2, 3), torch.ones(5)),
        ValueError,
        r"^vdot: a has 6 elements \(shape \(2, 3\)\) and b 5 \(shape \(5,\)\); vdot flattens "
        "both, so they need as many elements$",
    ),
    (
        "inner-align",
        lambda: tb.inner(torch.ones(2, 3), torch.ones(2)),
        ValueError,
        r"^inner: shapes \(2, 3\) and \(2,\) are not aligned: the last dimensions \(3 and 2\) "
        "must be equal$",
    ),
    ("outer-none", lambda: tb.outer(None, [1]), TypeError, r"^outer: a must be array data"),
    (
        "outer-out-kind",
        lambda: tb.outer([1.5], [2.0], out=torch.empty(1, 1, dtype=torch.int64)),
        TypeError,
        r"^outer: cannot cast the torch.float64 result into out of dtype torch.int64",
    ),
    ("kron-str", lambda: tb.kron([1], "b"), TypeError, r"^kron: b must be array data"),
    (
        "trace-1d",
        lambda: tb.trace(torch.ones(3)),
        ValueError,
        r"^trace: a has shape \(3,\); it needs at least two dimensions",
    ),
    (
        "trace-axis",
        lambda: tb.trace(torch.ones(2, 2), axis2=2),
        AxisError,
        r"^trace: axis2=2 is out of bounds for an array of 2 dimension\(s\); a valid axis is "
        r"in \[-2, 2\)$",
    ),
    (
        "trace-same-axes",
        lambda: tb.trace(torch.ones(2, 2), axis1=1, axis2=-1),
        ValueError,
        r"^trace: axis1=1 and axis2=-1 name the same axis of a 2-d array; pass two different",
    ),
    (
        "diagonal-1d",
        lambda: tb.diagonal([1, 2]),
        ValueError,
        r"^diagonal: a has shape \(2,\); it needs at least two dimensions",
    ),
    (
        "diagonal-axis",
        lambda: tb.diagonal(torch.ones(2, 2), 0, -3, 1),
        AxisError,
        r"^diagonal: axis1=-3 is out of bounds",
    ),
    (
        "diagonal-offset",
        lambda: tb.diagonal(torch.ones(2, 2), 0.5),  # type: ignore[arg-type]
        TypeError,
        r"^diagonal: offset=0.5 must be an integer$",
    ),
    (
        "cross-size",
        lambda: tb.cross(torch.ones(4), torch.ones(3)),
        ValueError,
        r"^cross: a of shape \(4,\) has 4 elements along axisa=-1 and b of shape \(3,\) has 3 "
        r"along axisb=-1; cross products take 2- or 3-element vectors$",
    ),
    (
        "cross-0d",
        lambda: tb.cross(torch.tensor(1.0), torch.ones(3)),
        ValueError,
        r"^cross: a has shape \(\) and b \(3,\); both need a vector axis",
    ),
    (
        "cross-bool",
        lambda: tb.cross(torch.ones(3, dtype=torch.bool), torch.ones(3, dtype=torch.bool)),
        TypeError,
        r"^cross: bool arrays have no cross product",
    ),
    (
        "cross-axis",
        lambda: tb.cross(torch.ones(3), torch.ones(3), axisa=1),
        AxisError,
        r"^cross: axisa=1 is out of bounds for an array of 1 dimension\(s\)",
    ),
    (
        "cross-axisc",
        lambda: tb.cross(torch.ones(2, 3), torch.ones(3), axisc=2),
        AxisError,
        r"^cross: axisc=2 is out of bounds for an array of 2 dimension\(s\)",
    ),
    (
        "cross-broadcast",
        lambda: tb.cross(torch.ones(2, 3), torch.ones(4, 3)),
        ValueError,
        r"^cross: shapes \(2,\) and \(4,\) \(without the vector axes\) do not broadcast$",
    ),
    (
        "einsum-sizes",
        lambda: tb.einsum("ij,jk", torch.ones(2, 3), torch.ones(4, 2)),
        ValueError,
        r"^einsum: subscripts 'ij,jk' for operands of shapes \[\(2, 3\), \(4, 2\)\]: label 'j' "
        "has size 3 in one place and 4 in another$",
    ),
    (
        "einsum-terms",
        lambda: tb.einsum("ij", torch.ones(2, 3), torch.ones(3)),
        ValueError,
        r"^einsum: subscripts 'ij' .*: 1 input term\(s\) for 2 operand\(s\); give one each$",
    ),
    (
        "einsum-labels",
        lambda: tb.einsum("ijk->i", torch.ones(2, 3)),
        ValueError,
        r"^einsum: subscripts 'ijk->i' .*: term 'ijk' has 3 label\(s\) for an operand of 2 "
        r"dimension\(s\); give one label per axis \(or ... for the rest\)$",
    ),
    (
        "einsum-output",
        lambda: tb.einsum("ij->q", torch.ones(2, 3)),
        ValueError,
        r"^einsum: subscripts 'ij->q' .*: output label 'q' appears in no input term$",
    ),
    (
        "einsum-label-char",
        lambda: tb.einsum("i1", torch.ones(2, 3)),
        ValueError,
        r"^einsum: subscripts 'i1' .*: '1' in 'i1' is not a label",
    ),
    (
        "einsum-no-operands",
        lambda: tb.einsum("ij"),
        ValueError,
        r"^einsum: subscripts 'ij' but no operands; pass arrays$",
    ),
    (
        "einsum-sublist",
        lambda: tb.einsum(torch.ones(2), "a"),
        TypeError,
        r"^einsum: 'a' is not a sublist",
    ),
    (
        "einsum-sublist-label",
        lambda: tb.einsum(torch.ones(2), [60]),
        ValueError,
        r"^einsum: sublist \[60\] holds 60; labels are ints in \[0, 52\) or \.\.\.$",
    ),
    (
        "einsum-sublist-shapes",
        lambda: tb.einsum(torch.ones(2), [0, 1]),
        ValueError,
        r"^einsum: the sublists do not fit the operands of shapes \[\(2,\)\]",
    ),
    (
        "einsum-casting",
        lambda: tb.einsum("i", torch.ones(2, dtype=torch.float64), dtype=tb.float32),
        TypeError,
        r"^einsum: cannot cast operand 0 from torch.float64 to dtype=torch.float32 under "
        "casting='safe'",
    ),
    (
        "einsum-casting-name",
        lambda: tb.einsum("i", torch.ones(2), casting="any"),  # type: ignore[arg-type]
        ValueError,
        r"^einsum: casting='any' is not a casting rule",
    ),
    (
        "einsum-order",
        lambda: tb.einsum("i", torch.ones(2), order="X"),  # type: ignore[arg-type]
        ValueError,
        r"^einsum: order='X' must be 'K' \(the default\), 'A', 'C' or 'F'$",
    ),
    (
        "einsum-optimize",
        lambda: tb.einsum("i", torch.ones(2), optimize="fast"),
        ValueError,
        r"^einsum: optimize='fast' is not understood",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_input(call: Callable[[], Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


# ==== autograd ====================================================================================

GRAD_CASES: list[tuple[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]]] = [
    ("dot", lambda a, b: tb.dot(a, b.mT)),
    ("vdot", tb.vdot),
    ("inner", tb.inner),
    ("outer", tb.outer),
    ("kron", tb.kron),
    ("einsum", lambda a, b: tb.einsum("ij,ij->i", a, b)),
    ("trace", lambda a, b: tb.trace(a @ b.mT)),
    ("diagonal", lambda a, b: tb.diagonal(a @ b.mT)),
    ("cross", tb.cross),
]


@pytest.mark.parametrize(("name", "fn"), GRAD_CASES, ids=[g[0] for g in GRAD_CASES])
def test_results_stay_on_the_autograd_graph(
    name: str, fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]
) -> None:
    a = torch.rand(2, 3, dtype=torch.float64, requires_grad=True)
    b = torch.rand(2, 3, dtype=torch.float64, requires_grad=True)
    fn(a, b).sum().backward()  # type: ignore[no-untyped-call]
    assert a.grad is not None
    assert b.grad is not None


# ---- matvec, vecmat ---------------------------------------------------------------------------

needs_matvec = pytest.mark.skipif(
    not hasattr(np, "matvec"), reason="the oracle is NumPy 2.2: matvec and vecmat arrived there"
)
MATVEC_DTYPES = [torch.int8, torch.int64, torch.uint8, torch.float32, torch.float64,
                 torch.complex64, torch.complex128]  # fmt: skip
MATVEC_SHAPES = [((2, 3), (3,)), ((4, 2, 3), (3,)), ((2, 3), (5, 3)), ((1, 2, 3), (4, 1, 3)),
                 ((0, 2, 3), (3,)), ((2, 0), (0,)), ((0, 3), (3,))]  # fmt: skip


def _operand(shape: tuple[int, ...], dtype: torch.dtype, seed: int) -> tuple[Any, Any]:
    g = torch.Generator().manual_seed(seed)
    real = torch.randint(-3, 4, shape, generator=g).to(torch.float64)
    if dtype.is_complex:
        t = torch.complex(real, torch.randint(-3, 4, shape, generator=g).to(torch.float64))
        t = t.to(dtype)
    elif dtype == torch.uint8:
        t = real.abs().to(dtype)
    else:
        t = real.to(dtype)
    return t, t.numpy().copy()


@needs_matvec
@pytest.mark.parametrize("dtype", MATVEC_DTYPES, ids=str)
@pytest.mark.parametrize(("m_shape", "v_shape"), MATVEC_SHAPES, ids=str)
def test_matvec(dtype: torch.dtype, m_shape: Any, v_shape: Any) -> None:
    m, nm = _operand(m_shape, dtype, 0)
    v, nv = _operand(v_shape, dtype, 1)
    assert_matches_numpy(tb.matvec(m, v), np.matvec(nm, nv))


@needs_matvec
@pytest.mark.parametrize("dtype", MATVEC_DTYPES, ids=str)
@pytest.mark.parametrize(("m_shape", "v_shape"), MATVEC_SHAPES, ids=str)
def test_vecmat(dtype: torch.dtype, m_shape: Any, v_shape: Any) -> None:
    m, nm = _operand(m_shape[:-2] + m_shape[-1:] + m_shape[-2:-1], dtype, 0)
    v, nv = _operand(v_shape, dtype, 1)
    assert_matches_numpy(tb.vecmat(v, m), np.vecmat(nv, nm))


@needs_matvec
@pytest.mark.parametrize(
    ("d1", "d2"), [(torch.int8, torch.float32), (torch.float32, torch.complex128)], ids=str
)
def test_matvec_vecmat_promote_as_numpy(d1: torch.dtype, d2: torch.dtype) -> None:
    m, nm = _operand((2, 2), d1, 0)
    v, nv = _operand((2,), d2, 1)
    assert_matches_numpy(tb.matvec(m, v), np.matvec(nm, nv))
    assert_matches_numpy(tb.vecmat(v, m), np.vecmat(nv, nm))


def test_matvec_vecmat_out_and_graph(device: torch.device) -> None:
    m = torch.ones((2, 3), dtype=torch.float64, device=device)
    v = torch.ones(3, dtype=torch.float64, device=device)
    out = torch.empty(2, dtype=torch.float32, device=device)
    assert tb.matvec(m, v, out=out) is out
    assert tb.vecmat(v[:2], m).device == device
    if device.type == "cpu":
        x = m.clone().requires_grad_()
        (tb.matvec(x, v).sum() + tb.vecmat(v[:2], x).sum()).backward()
        assert x.grad is not None


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: tb.matvec(tb.ones(3), tb.ones(3)), r"matvec: x1 must have at least 2 dimensions"),
        (
            lambda: tb.matvec(tb.ones((2, 3)), tb.ones(4)),
            r"matvec: the vectors of x2 \(shape \(4,\)\) have 4",
        ),
        (
            lambda: tb.vecmat(tb.ones(()), tb.ones((2, 2))),
            r"vecmat: x2 must have at least 2 dimensions and x1 at least 1",
        ),
        (
            lambda: tb.matvec(tb.ones((2, 2, 3)), tb.ones((3, 3))),
            r"matvec: the stack shapes of x1 \(2, 2, 3\) and x2 \(3, 3\)",
        ),
    ],
)
def test_matvec_vecmat_refuse(call: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


# ---- einsum_path --------------------------------------------------------------------------------

EINSUM_PATH_CASES: list[tuple[str, list[tuple[int, ...]]]] = [
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]),
    ("ij,jk->ik", [(0, 3), (3, 4)]),
    ("i,i", [(5,), (5,)]),
    ("ii", [(3, 3)]),
    ("...ij,...jk", [(2, 3, 4), (4, 5)]),
    ("abc,cd,db,ea->e", [(2, 3, 4), (4, 5), (5, 3), (6, 2)]),
]


@pytest.mark.parametrize(
    "optimize", ["greedy", "optimal", True, False, ["einsum_path", (0, 1)]], ids=str
)
@pytest.mark.parametrize(("subscripts", "shapes"), EINSUM_PATH_CASES, ids=str)
def test_einsum_path(subscripts: str, shapes: Any, optimize: Any, device: torch.device) -> None:
    if isinstance(optimize, list) and len(shapes) != 2:
        return
    tensors = [torch.ones(s, device=device) for s in shapes]
    arrays = [np.ones(s) for s in shapes]
    assert tb.einsum_path(subscripts, *tensors, optimize=optimize) == np.einsum_path(
        subscripts, *arrays, optimize=optimize
    )


def test_einsum_path_sublists_lists_and_einsum_call() -> None:
    a, b = torch.ones((2, 3)), torch.ones((3, 4))
    na, nb = np.ones((2, 3)), np.ones((3, 4))
    assert tb.einsum_path(a, [0, 1], b, [1, 2], [0, 2]) == np.einsum_path(
        na, [0, 1], nb, [1, 2], [0, 2]
    )
    assert tb.einsum_path(a, [0, 1], b, [1, 2]) == np.einsum_path(na, [0, 1], nb, [1, 2])
    assert tb.einsum_path("i,i", [1, 2], [3, 4]) == np.einsum_path("i,i", [1, 2], [3, 4])
    got = tb.einsum_path("ij,jk", a, b, einsum_call=True)
    want = np.einsum_path("ij,jk", na, nb, einsum_call=True)
    assert [g.shape for g in got[0]] == [w.shape for w in want[0]]  # the stand-ins' shapes
    assert [c[:3] for c in got[1]] == [c[:3] for c in want[1]]


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (tb.einsum_path, TypeError, r"einsum_path: no operands"),
        (lambda: tb.einsum_path("ij,jk", torch.ones((2, 3)), torch.ones((4, 4))), ValueError, "."),
        (lambda: tb.einsum_path("ij", None), TypeError, r"einsum_path"),
    ],
)
def test_einsum_path_refuses(call: Any, exc: type[Exception], match: str) -> None:
    with pytest.raises(exc, match=match):
        call()
