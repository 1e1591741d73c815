"""The indexing chapter (``take``, ``take_along_axis``): NumPy as the oracle, metadata first.

Every function runs on every device of the ``device`` fixture (meta included: shape, dtype and
device only) and over the dtypes torch handles differently (bool, the unsigned types torch has
no kernels for, complex). NumPy's options (``axis=None`` on N-d arrays, ``mode=``, ``out=``)
and array data through the input gate are checked against NumPy itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from numpy.exceptions import AxisError

import tbridge as tb
from tbridge._namespace import indexing as _indexing
from tests._helpers import assert_matches_numpy, needs_numpy2
from tests.test_manipulation import ALL, GAPS, check, index, make

NUMPY_2_3 = np.lib.NumpyVersion(np.__version__) >= "2.3.0"


def test_all_exported() -> None:
    assert set(_indexing.__all__) <= set(tb.__all__)
    assert all(getattr(tb, name) is getattr(_indexing, name) for name in _indexing.__all__)


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(
    ("shape", "indices", "axis"),
    [((5,), [4, 0, 0], None), ((5,), [-1, -5], 0), ((2, 3), [2, 0], 1), ((2, 3), [-1], -2),
     ((2, 3), [], 1), ((), [0, -1], None)],
    ids=str,
)  # fmt: skip
def test_take(
    dtype: torch.dtype, shape: tuple[int, ...], indices: list[int], axis: Any, device: torch.device
) -> None:
    x, a = make(shape, dtype, device)
    check(tb.take(x, index(indices, device), axis=axis), np.take(a, indices, axis=axis), device)


@pytest.mark.parametrize(
    "idx_dtype", [tb.int8, tb.int16, tb.int32, tb.uint8, tb.uint16, tb.uint64], ids=str
)
def test_take_index_dtypes(idx_dtype: torch.dtype, device: torch.device) -> None:
    x, a = make((2, 4), tb.float64, device)
    check(tb.take(x, index([3, 1], device, idx_dtype), axis=1), np.take(a, [3, 1], axis=1), device)


def test_take_nd_indices(device: torch.device) -> None:
    x, a = make((2, 4), tb.uint16, device)
    idx = [[0, -1], [1, 2]]
    check(tb.take(x, index(idx, device), axis=1), np.take(a, idx, axis=1), device)


@pytest.mark.parametrize(
    ("shape", "indices", "axis", "error", "match"),
    [
        ((2, 3), torch.tensor([3]), 1, IndexError,
         r"take: index 3 is out of range for axis 1 of size 3; valid indices are in \[-3, 3\) "
         r"\(or pass mode='wrap' or mode='clip'\)"),
        ((2, 3), torch.tensor([[0, 1], [-4, 5]]), 1, IndexError,
         r"take: index -4 is out of range for axis 1 of size 3"),
        ((2, 3), torch.tensor([0, 6]), None, IndexError,
         r"take: index 6 is out of range for axis 0 of size 6"),
        ((2, 3), torch.tensor([0.0]), 1, TypeError, "take: indices must have an integer dtype"),
        ((2, 3), torch.tensor([], dtype=torch.float64), 1, TypeError,
         "take: indices must have an integer dtype, got torch.float64"),
        ((2, 3), "ab", 1, TypeError, "take: indices must be array data"),
        ((2, 3), torch.tensor([0]), 2, AxisError, "take: axis 2 is out of bounds"),
    ],
)  # fmt: skip
def test_take_errors(
    shape: tuple[int, ...], indices: Any, axis: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        tb.take(torch.zeros(shape), indices, axis=axis)


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(
    ("shape", "indices", "axis"),
    [((2, 3), [[2, 0], [1, -1]], 1), ((2, 3), [[1], [0]], -1), ((2, 3), [[1, 0, -2]], 0),
     ((3,), [-1, 0], 0), ((2, 3), [[0, 1, 2]], 1)],
    ids=str,
)  # fmt: skip
def test_take_along_axis(
    dtype: torch.dtype, shape: tuple[int, ...], indices: Any, axis: int, device: torch.device
) -> None:
    x, a = make(shape, dtype, device)
    idx = np.asarray(indices)
    expected = np.take_along_axis(a, idx, axis=axis)
    check(tb.take_along_axis(x, index(indices, device), axis=axis), expected, device)


@pytest.mark.parametrize("idx_dtype", [tb.int8, tb.int32, tb.uint8, tb.uint64], ids=str)
def test_take_along_axis_index_dtypes(idx_dtype: torch.dtype, device: torch.device) -> None:
    x, a = make((2, 3), tb.uint32, device)
    idx = [[2], [0]]
    expected = np.take_along_axis(a, np.asarray(idx), axis=1)
    check(tb.take_along_axis(x, index(idx, device, idx_dtype), axis=1), expected, device)


@pytest.mark.parametrize(
    ("indices", "axis", "error", "match"),
    [
        (torch.tensor([0]), 1, ValueError,
         "take_along_axis: indices must have as many dimensions as x, got 1 and 2"),
        (torch.zeros(3, 2, dtype=torch.int64), 1, IndexError,
         r"take_along_axis: indices of shape \(3, 2\) do not broadcast with x of shape \(2, 3\)"),
        (torch.zeros(2, 1), 1, IndexError, "take_along_axis: indices must have an integer dtype"),
        (torch.zeros(2, 1, dtype=torch.int64), 2, AxisError, "take_along_axis: axis 2 is out"),
    ],
)  # fmt: skip
def test_take_along_axis_errors(
    indices: torch.Tensor, axis: int, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        tb.take_along_axis(torch.zeros(2, 3), indices, axis=axis)


@pytest.mark.parametrize("dtype", GAPS, ids=str)
def test_take_one_dimensional_unsigned(dtype: torch.dtype, device: torch.device) -> None:
    x, a = make((5,), dtype, device)
    idx = torch.tensor([4, 0, -1], device=device)
    check(tb.take(x, idx), np.take(a, [4, 0, -1]), device)
    check(tb.take(x, idx[:2], axis=0), np.take(a, [4, 0]), device)


@pytest.mark.parametrize("dtype", [tb.int64, tb.float32, tb.uint16, tb.bool], ids=str)
@pytest.mark.parametrize("shape", [(2, 3), (2, 3, 4), (4,), ()], ids=str)
@pytest.mark.parametrize("indices", [[0, 5, -1], [[1, 0], [2, 3]], 1, []], ids=str)
def test_take_flattened_as_numpy(
    dtype: torch.dtype, shape: tuple[int, ...], indices: Any, device: torch.device
) -> None:
    x, a = make(shape, dtype, device)
    if np.any(np.abs(np.asarray(indices)) >= a.size):
        pytest.skip("an index out of range for this size (tested below)")
    idx = torch.tensor(indices, dtype=torch.int64, device=device)
    assert_matches_numpy(tb.take(x, idx), np.take(a, indices), device=device)


def _np_form(indices: Any) -> Any:
    """The same indices for NumPy: tensors as arrays, lists and arrays as they are."""
    return indices.numpy() if isinstance(indices, torch.Tensor) else indices


#: NumPy reads an empty list as no indices (not as float64 data) and bools as 0 and 1
EMPTY_OR_BOOL = [
    [],
    (),
    [[]],
    [[], []],
    [True, False, True],
    [[False], [True]],
    True,
    np.array([True, False]),
    torch.tensor([False, True]),
    np.zeros((0,), dtype=np.int64),
]


@pytest.mark.parametrize("dtype", [tb.int64, tb.float64, tb.uint16], ids=str)
@pytest.mark.parametrize("indices", EMPTY_OR_BOOL, ids=repr)
@pytest.mark.parametrize("axis", [None, 0, 1])
@pytest.mark.parametrize("mode", ["raise", "wrap"])
def test_take_reads_empty_lists_and_bools_as_numpy(
    dtype: torch.dtype, indices: Any, axis: Any, mode: Any
) -> None:
    x, a = make((2, 3), dtype, torch.device("cpu"))
    expected = np.take(a, _np_form(indices), axis=axis, mode=mode)
    assert_matches_numpy(tb.take(x, indices, axis=axis, mode=mode), expected)
    assert_matches_numpy(tb.take(a, indices, axis=axis, mode=mode), expected)


@pytest.mark.parametrize(
    "indices",
    [np.array([]), np.array([0.0]), np.zeros((0,), dtype=np.float32), torch.tensor([1.0])],
    ids=repr,
)
def test_take_refuses_float_arrays_as_numpy(indices: Any) -> None:
    a = np.arange(4)
    with pytest.raises(TypeError):
        np.take(a, _np_form(indices))
    with pytest.raises(TypeError, match=r"take: indices must have an integer dtype, got torch\."):
        tb.take(a, indices)


@pytest.mark.parametrize(
    ("indices", "axis"),
    [(np.array([]), 0), (np.array([0.0]), 0), (np.array([True]), 0),
     (torch.tensor([[True]]), 0), (np.zeros((2, 0), dtype=np.float32), 1), (np.array([1j]), 0),
     (np.array([]), None), (np.array([2.0]), None), (torch.tensor([False]), None)],
    ids=repr,
)  # fmt: skip
def test_take_along_axis_refuses_non_integers_as_numpy(indices: Any, axis: Any) -> None:
    a = np.arange(4).reshape((2, 2) if indices.ndim == 2 else (4,))
    with pytest.raises(IndexError):
        np.take_along_axis(a, _np_form(indices), axis=axis)
    with pytest.raises(
        IndexError, match=r"take_along_axis: indices must have an integer dtype, got torch\."
    ):
        tb.take_along_axis(a, indices, axis=axis)


@needs_numpy2("with axis=None the rank of indices is checked before their dtype")
@pytest.mark.parametrize(
    "indices", [torch.tensor([[True]]), np.zeros((2, 0), dtype=np.float32)], ids=repr
)
def test_take_along_axis_checks_the_rank_first_for_axis_none(indices: Any) -> None:
    a = np.arange(4)
    with pytest.raises(ValueError, match="single dimension"):
        np.take_along_axis(a, _np_form(indices), axis=None)
    with pytest.raises(ValueError, match="take_along_axis: with axis=None, indices must be 1-d"):
        tb.take_along_axis(a, indices, axis=None)


@pytest.mark.parametrize(("indices", "axis"), [([], 0), ([], None), ([[]], 1), ((), 0)], ids=str)
def test_take_along_axis_reads_an_empty_list_as_no_indices(indices: Any, axis: Any) -> None:
    # NumPy's take_along_axis takes arrays only; an empty list is read as int64 indices
    a = np.arange(6.0).reshape(2, 3) if axis == 1 else np.arange(6.0)
    expected = np.take_along_axis(a, np.asarray(indices, dtype=np.int64), axis=axis)
    assert_matches_numpy(tb.take_along_axis(a, indices, axis=axis), expected)


@pytest.mark.parametrize("mode", ["wrap", "clip"])
@pytest.mark.parametrize("axis", [None, 0, 1, -1])
def test_take_modes(mode: Any, axis: Any, device: torch.device) -> None:
    x, a = make((3, 4), tb.float64, device)
    indices = [[-7, 0], [5, 13]]
    expected = np.take(a, indices, axis=axis, mode=mode)
    got = tb.take(x, torch.tensor(indices, device=device), axis, mode=mode)
    assert_matches_numpy(got, expected, device=device)


def test_take_out_and_lists() -> None:
    x, a = make((3, 4), tb.int64, torch.device("cpu"))
    out = torch.zeros(3, 2, dtype=torch.float64)
    assert tb.take(x, [0, -1], 1, out) is out
    assert_matches_numpy(out, np.take(a, [0, -1], axis=1).astype(np.float64))
    assert_matches_numpy(tb.take([[1, 2], [3, 4]], [3, 0]), np.take([[1, 2], [3, 4]], [3, 0]))
    assert_matches_numpy(tb.take(x, 2, 0), np.take(a, 2, axis=0))


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: tb.take(torch.zeros(3), [0], mode="bad"), ValueError,  # type: ignore[arg-type]
         r"take: mode='bad' is not a mode; pass 'raise', 'wrap' or 'clip'"),
        (lambda: tb.take(torch.zeros(0), [0], mode="wrap"), IndexError,
         r"take: cannot take from axis 0 of size 0 \(mode='wrap'\); the axis is empty"),
        (lambda: tb.take(torch.zeros(3), [0], axis=1.5), TypeError,  # type: ignore[arg-type]
         r"take: axis 1.5 is not an integer"),
        (lambda: tb.take(torch.zeros(3), [0], out=torch.zeros(2)), ValueError,
         r"take: out has shape \(2,\) but the result has shape \(1,\)"),
    ],
)  # fmt: skip
def test_take_option_errors(call: Callable[[], Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        call()


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(
    ("shape", "indices", "axis"),
    [((2, 3), [[2, 0, 1], [1, -1, 0]], 1), ((2, 3), [[1, 0, 1]], 0), ((2, 3, 4), [[[3]], [[0]]], 2),
     ((3,), [], 0), ((0, 3), np.zeros((0, 1), dtype=np.int64), 1)],
    ids=str,
)  # fmt: skip
def test_take_along_axis_broadcasts_as_numpy(
    dtype: torch.dtype, shape: tuple[int, ...], indices: Any, axis: int, device: torch.device
) -> None:
    x, a = make(shape, dtype, device)
    idx = np.asarray(indices, dtype=np.int64)
    if idx.ndim != a.ndim:
        idx = idx.reshape((0,) * a.ndim) if idx.size == 0 else idx
    expected = np.take_along_axis(a, idx, axis=axis)
    got = tb.take_along_axis(x, torch.from_numpy(idx).to(device), axis=axis)
    assert_matches_numpy(got, expected, device=device)


@pytest.mark.skipif(not NUMPY_2_3, reason="NumPy's take_along_axis(axis=None) needs NumPy 2.3")
def test_take_along_axis_flattened() -> None:
    x, a = make((2, 3), tb.int64, torch.device("cpu"))
    expected = np.take_along_axis(a, np.array([5, -1, 0]), axis=None)
    assert_matches_numpy(tb.take_along_axis(x, [5, -1, 0], axis=None), expected)


def test_take_along_axis_out_of_range_is_an_index_error() -> None:
    # torch's take_along_dim would wrap 3 around to 0; NumPy refuses it
    with pytest.raises(IndexError, match=r"take_along_axis: an index is out of range for axis 1 "
                       r"of size 3; valid indices are in \[-3, 3\)"):  # fmt: skip
        tb.take_along_axis(torch.zeros(2, 3), torch.tensor([[3, 0, 0], [0, 0, 0]]), axis=1)
    with pytest.raises(IndexError, match="take_along_axis: an index is out of range"):
        tb.take_along_axis(torch.zeros(2, 3), torch.tensor([[-4], [0]]), axis=1)
    with pytest.raises(ValueError, match="take_along_axis: with axis=None, indices must be 1-d"):
        tb.take_along_axis(torch.zeros(2, 3), torch.zeros(1, 1, dtype=torch.int64), axis=None)
    with pytest.raises(AxisError, match="take_along_axis: axis -1 is out of bounds: x is 0-d"):
        tb.take_along_axis(torch.tensor(1.0), torch.tensor(0))


@pytest.mark.parametrize(
    "fn",
    [lambda x: tb.take(x, [0, -1], 1), lambda x: tb.take_along_axis(x, [[0], [-1]], 1)],
    ids=["take", "take_along_axis"],
)
def test_results_are_copies_on_the_graph(fn: Callable[[torch.Tensor], torch.Tensor]) -> None:
    x = torch.arange(6.0, dtype=torch.float64).reshape(2, 3).requires_grad_(True)
    out = fn(x)
    assert tb.shares_memory(out, x) is False
    (out * torch.arange(out.numel(), dtype=torch.float64).reshape(out.shape)).sum().backward()  # type: ignore[no-untyped-call]
    assert x.grad is not None
    assert x.grad.shape == x.shape
    assert float(x.grad.sum()) == float(sum(range(out.numel())))


@pytest.mark.parametrize("name", ["take", "take_along_axis"])
def test_non_arrays_are_type_errors(name: str) -> None:
    fn = getattr(tb, name)
    with pytest.raises(TypeError, match=rf"{name}: x must be array data .* got str"):
        fn("ab", torch.tensor([0]))
    with pytest.raises(TypeError, match=rf"{name}: indices must be array data .* got NoneType"):
        fn(torch.zeros(2), None)
