"""NumPy's indexing functions beyond the standard: NumPy as the oracle.

The in-place functions (``put``, ``put_along_axis``, ``place``, ``putmask``,
``fill_diagonal``) run on a tensor and on a NumPy array alike, then the two are compared;
they must write into the given tensor (same storage), refuse a leaf that requires grad, and
keep a non-leaf on the autograd graph. Bad input is checked against pinned messages.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from numpy.exceptions import AxisError

import tbridge as tb
from tbridge._numpy import indexing as _indexing
from tests._helpers import assert_matches_numpy, needs_numpy2
from tests._huge import NO_MEMORY, NO_MEMORY_TEXT, TOO_BIG, TOO_BIG_TEXT, check_refused
from tests.test_manipulation import data

NUMPY_2_3 = np.lib.NumpyVersion(np.__version__) >= "2.3.0"
DTYPES = [tb.bool, tb.int8, tb.int64, tb.uint16, tb.uint64, tb.float32, tb.float64, tb.complex128]


def make(shape: tuple[int, ...], dtype: torch.dtype, device: torch.device) -> tuple[Any, Any]:
    a = data(shape, dtype)
    return tb.asarray(a.copy(), device=device), a


def matches(got: Any, expected: Any, device: torch.device | None = None) -> None:
    if isinstance(expected, (list, tuple)):
        assert isinstance(got, (list, tuple))
        assert len(got) == len(expected)
        for g, e in zip(got, expected, strict=True):
            assert_matches_numpy(g, e, device=device)
    else:
        assert_matches_numpy(got, expected, device=device)


def test_all_exported() -> None:
    assert set(_indexing.__all__) <= set(tb.__all__)
    assert all(getattr(tb, n) is getattr(_indexing, n) for n in _indexing.__all__)


# ---- writing in place -------------------------------------------------------------------------


def values_for(dtype: torch.dtype, values: list[int]) -> Any:
    nd = np.asarray(values)
    return nd != 0 if dtype == tb.bool else nd


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize(
    ("shape", "ind", "v", "mode"),
    [((2, 3), [0, 5], [7, 8], "raise"), ((2, 3), [-1, 2, 2], [7, 8, 9], "raise"),
     ((2, 3), [0, 1, 2, 3], [7, 8], "raise"), ((6,), [8, -9], [1, 2], "wrap"),
     ((6,), [8, -9], [1, 2], "clip"), ((2, 3), 4, 3, "raise"), ((2, 3), [], [1], "raise")],
    ids=str,
)  # fmt: skip
def test_put(dtype: torch.dtype, shape: Any, ind: Any, v: Any, mode: Any) -> None:
    x, a = make(shape, dtype, torch.device("cpu"))
    vals = values_for(dtype, v)
    assert tb.put(x, ind, vals, mode) is None
    np.put(a, ind, vals, mode)
    assert_matches_numpy(x, a)


def test_put_last_write_wins_above_the_serial_size() -> None:
    n = 40000
    x = torch.zeros(4, dtype=torch.int64)
    ind = np.tile(np.arange(4), n // 4)
    vals = np.arange(n)
    tb.put(x, ind, vals)
    a = np.zeros(4, dtype=np.int64)
    np.put(a, ind, vals)
    assert_matches_numpy(x, a)


def test_put_increasing_positions_counting_from_the_end() -> None:
    n = 40000  # above the serial size: -1 and n - 1 name one position, the last write wins
    ind = np.concatenate([[-1], np.arange(n)])
    vals = np.arange(n + 1.0)
    x = torch.zeros(n, dtype=torch.float64)
    tb.put(x, torch.from_numpy(ind), torch.from_numpy(vals))
    a = np.zeros(n)
    np.put(a, ind, vals)
    assert_matches_numpy(x, a)


def test_put_writes_through_views_and_numpy_arrays() -> None:
    base = torch.zeros(3, 4, dtype=torch.float32)
    view = base.T  # not contiguous: written through its own strides
    tb.put(view, [1, 5], [1.0, 2.0])
    expected = np.zeros((3, 4), dtype=np.float32)
    np.put(expected.T, [1, 5], [1.0, 2.0])
    assert_matches_numpy(base, expected)
    a = np.zeros(4)
    tb.put(a, [0], [9.0])  # a writable NumPy array is shared through the gate
    assert a[0] == 9.0


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize(
    ("shape", "indices", "values", "axis"),
    [((2, 3), [[1], [0]], 9, 1), ((2, 3), [[0, 2]], [[5, 6]], 1), ((2, 3), [[1, 0, 1]], [7, 8, 9], 0),
     ((2, 3, 4), [[[3]], [[0]]], 2, -1), ((3,), [2, -1], [4, 5], 0)],
    ids=str,
)  # fmt: skip
def test_put_along_axis(
    dtype: torch.dtype, shape: Any, indices: Any, values: Any, axis: Any
) -> None:
    x, a = make(shape, dtype, torch.device("cpu"))
    idx = np.asarray(indices)
    vals = values_for(dtype, values)
    tb.put_along_axis(x, idx, vals, axis)
    np.put_along_axis(a, idx, vals, axis)
    assert_matches_numpy(x, a)


@pytest.mark.skipif(not NUMPY_2_3, reason="put_along_axis(axis=None) as tested needs NumPy 2.3")
def test_put_along_axis_flattened() -> None:
    x, a = make((2, 3), tb.int64, torch.device("cpu"))
    tb.put_along_axis(x, [0, 5], [7, 8], None)
    np.put_along_axis(a, np.array([0, 5]), [7, 8], None)
    assert_matches_numpy(x, a)


def _np_form(value: Any) -> Any:
    """The same argument for NumPy: tensors as arrays, everything else as it is."""
    return value.numpy() if isinstance(value, torch.Tensor) else value


@pytest.mark.parametrize(
    ("ind", "v"),
    [([], []), ([], [1]), ((), [1]), ([[]], [2]), ([True, False], [7, 8]),
     (np.array([True, True, False]), [7, 8, 9]), (torch.tensor([[False], [True]]), [5]),
     (True, 6)],
    ids=repr,
)  # fmt: skip
@pytest.mark.parametrize("mode", ["raise", "clip"])
def test_put_reads_empty_lists_and_bools_as_numpy(ind: Any, v: Any, mode: Any) -> None:
    x, a = make((2, 3), tb.int64, torch.device("cpu"))
    tb.put(x, ind, v, mode)
    np.put(a, _np_form(ind), v, mode)
    assert_matches_numpy(x, a)


@pytest.mark.parametrize(
    "ind", [np.array([]), np.zeros((0,), dtype=np.float32), np.array([1.0])], ids=repr
)
def test_put_refuses_float_arrays_as_numpy(ind: Any) -> None:
    x, a = make((2, 3), tb.int64, torch.device("cpu"))
    with pytest.raises(TypeError):
        np.put(a, ind, np.zeros(ind.shape, dtype=np.int64))
    with pytest.raises(TypeError, match=r"put: ind must have an integer dtype, got torch\.float"):
        tb.put(x, ind, np.zeros(ind.shape, dtype=np.int64))


@pytest.mark.parametrize(
    ("shape", "indices", "axis"),
    [((4,), np.array([]), 0), ((4,), np.array([0.0]), 0), ((4,), np.array([True]), 0),
     ((2, 2), np.array([[1.0]]), 1), ((2, 2), torch.tensor([[True, False]]), 0),
     ((4,), np.zeros((0,), dtype=np.float32), None), ((4,), np.array([1.0]), None)],
    ids=repr,
)  # fmt: skip
def test_put_along_axis_refuses_non_integers_as_numpy(shape: Any, indices: Any, axis: Any) -> None:
    x, a = make(shape, tb.int64, torch.device("cpu"))
    with pytest.raises(IndexError):
        np.put_along_axis(a, _np_form(indices), 5, axis)
    with pytest.raises(
        IndexError, match=r"put_along_axis: indices must have an integer dtype, got torch\."
    ):
        tb.put_along_axis(x, indices, 5, axis)


@needs_numpy2("with axis=None the rank of indices is checked before their dtype")
def test_put_along_axis_rank_check_comes_first_for_axis_none() -> None:
    x, a = make((2, 2), tb.int64, torch.device("cpu"))
    indices = np.array([[0.0]])
    with pytest.raises(ValueError, match="single dimension"):
        np.put_along_axis(a, indices, 5, None)
    with pytest.raises(ValueError, match=r"put_along_axis: with axis=None, indices must be 1-d"):
        tb.put_along_axis(x, indices, 5, None)


@pytest.mark.parametrize(
    "a",
    [[True, False], np.array([[False, True]]), torch.tensor([True, True]), True],
    ids=repr,
)
@pytest.mark.parametrize("mode", ["raise", "wrap"])
def test_choose_reads_bools_as_numpy(a: Any, mode: Any) -> None:
    choices = [np.arange(2), 10 + np.arange(2)]
    expected = np.choose(_np_form(a), choices, mode=mode)
    assert_matches_numpy(tb.choose(a, choices, mode=mode), expected)


@pytest.mark.parametrize("a", [[], np.array([]), np.array([1.0])], ids=repr)
def test_choose_refuses_float_indices_as_numpy(a: Any) -> None:
    choices = [np.arange(3), np.arange(3)]
    with pytest.raises(TypeError):
        np.choose(a, choices)
    with pytest.raises(TypeError, match=r"choose: a must have an integer dtype, got torch\.float"):
        tb.choose(a, choices)


@pytest.mark.parametrize(
    "indices",
    [[True, False], np.array([[True], [False]]), torch.tensor([False]), True, False],
    ids=repr,
)
@pytest.mark.parametrize("order", ["C", "F"])
def test_unravel_index_reads_bools_as_numpy(indices: Any, order: Any) -> None:
    expected = np.unravel_index(_np_form(indices), (2, 3), order)
    matches(tb.unravel_index(indices, (2, 3), order), expected)


@pytest.mark.parametrize(
    "multi",
    [([True], [False]), (np.array([True, False]), [2, 1]), (True, 1), (torch.tensor([True]), 0)],
    ids=repr,
)
@pytest.mark.parametrize("order", ["C", "F"])
def test_ravel_multi_index_reads_bools_as_numpy(multi: Any, order: Any) -> None:
    expected = np.ravel_multi_index(tuple(_np_form(m) for m in multi), (2, 3), order=order)
    matches(tb.ravel_multi_index(multi, (2, 3), order=order), expected)


@pytest.mark.parametrize("empty", [[], np.array([]), np.zeros((0,), dtype=np.float32)], ids=repr)
def test_unravel_and_ravel_refuse_empty_float_indices_as_numpy(empty: Any) -> None:
    with pytest.raises(TypeError):
        np.unravel_index(empty, (2, 3))
    with pytest.raises(TypeError, match=r"unravel_index: indices must have an integer dtype"):
        tb.unravel_index(empty, (2, 3))
    with pytest.raises(TypeError):
        np.ravel_multi_index((empty, empty), (2, 3))
    with pytest.raises(TypeError, match=r"ravel_multi_index: multi_index\[0\] must have an"):
        tb.ravel_multi_index((empty, empty), (2, 3))


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize(
    ("shape", "vals"), [((2, 3), [7, 8]), ((6,), [1, 2, 3, 4, 5, 6, 7]), ((2, 3), [9])], ids=str
)
def test_place(dtype: torch.dtype, shape: Any, vals: Any) -> None:
    x, a = make(shape, dtype, torch.device("cpu"))
    mask = (np.arange(6) % 2 == 1).reshape(shape)
    v = values_for(dtype, vals).tolist()  # Python data: read straight into the dtype
    tb.place(x, mask, v)
    np.place(a, mask, v)
    assert_matches_numpy(x, a)


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("values", [[7, 8], [1, 2, 3, 4, 5, 6], [9]], ids=str)
def test_putmask(dtype: torch.dtype, values: Any) -> None:
    x, a = make((2, 3), dtype, torch.device("cpu"))
    mask = np.array([[True, False, True], [False, True, True]])
    v = values_for(dtype, values).tolist()  # Python data: read straight into the dtype
    tb.putmask(x, mask, v)
    np.putmask(a, mask, v)
    assert_matches_numpy(x, a)


@pytest.mark.parametrize("name", ["place", "putmask"])
def test_array_values_cast_safely(name: str) -> None:
    x, a = make((3,), tb.int8, torch.device("cpu"))
    wide = np.array([9], dtype=np.int16)
    with pytest.raises(TypeError):
        getattr(np, name)(a, [True, False, True], wide)
    with pytest.raises(
        TypeError,
        match=rf"{name}: cannot cast (vals|values) of dtype torch.int16 to torch.int8 under casting='safe'",
    ):
        getattr(tb, name)(x, [True, False, True], wide)
    getattr(tb, name)(x, [True, False, True], np.array([5], dtype=np.int8))
    getattr(np, name)(a, [True, False, True], np.array([5], dtype=np.int8))
    assert_matches_numpy(x, a)


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize(
    ("shape", "val", "wrap"),
    [((3, 3), 5, False), ((5, 3), [1, 2], False), ((5, 3), 7, True), ((2, 4), 3, False),
     ((3, 3, 3), 9, False), ((0, 0), 1, False)],
    ids=str,
)  # fmt: skip
def test_fill_diagonal(dtype: torch.dtype, shape: Any, val: Any, wrap: bool) -> None:
    x, a = make(shape, dtype, torch.device("cpu"))
    v = values_for(dtype, val if isinstance(val, list) else [val])
    tb.fill_diagonal(x, v, wrap)
    np.fill_diagonal(a, v, wrap)
    assert_matches_numpy(x, a)


IN_PLACE: list[tuple[str, Callable[[torch.Tensor], None]]] = [
    ("put", lambda x: tb.put(x, [0], [-7.0])),
    ("put_along_axis", lambda x: tb.put_along_axis(x, [[0], [1]], -7.0, 1)),
    ("place", lambda x: tb.place(x, x > 2, [-7.0])),
    ("putmask", lambda x: tb.putmask(x, x > 2, [-7.0])),
    ("fill_diagonal", lambda x: tb.fill_diagonal(x, -7.0)),
]


@pytest.mark.parametrize(("name", "fn"), IN_PLACE, ids=[f[0] for f in IN_PLACE])
def test_in_place_writes_refuse_grad_leaves(name: str, fn: Callable[[torch.Tensor], None]) -> None:
    leaf = torch.arange(6.0, dtype=torch.float64).reshape(2, 3).requires_grad_(True)
    with pytest.raises(ValueError, match=rf"^{name}: (a|arr) is a leaf tensor that requires grad"):
        fn(leaf)


@pytest.mark.parametrize(("name", "fn"), IN_PLACE, ids=[f[0] for f in IN_PLACE])
def test_in_place_writes_stay_on_the_graph(name: str, fn: Callable[[torch.Tensor], None]) -> None:
    leaf = torch.arange(6.0, dtype=torch.float64).reshape(2, 3).requires_grad_(True)
    x = leaf * 1.0
    storage = x.data_ptr()
    fn(x)
    assert x.data_ptr() == storage  # written in place
    (x * torch.arange(6.0, dtype=torch.float64).reshape(2, 3)).sum().backward()  # type: ignore[no-untyped-call]
    assert leaf.grad is not None
    written = (x.detach() == -7.0).numpy()
    weights = np.arange(6.0).reshape(2, 3)
    np.testing.assert_array_equal(leaf.grad.numpy(), np.where(written, 0.0, weights))


def test_in_place_needs_an_array_to_write_into() -> None:
    with pytest.raises(
        TypeError,
        match=r"put: a must be a tensor \(or a writable NumPy array\) to write into, got list",
    ):
        tb.put([1, 2], [0], [5])
    frozen = np.zeros(3)
    frozen.setflags(write=False)
    with pytest.raises(ValueError, match=r"put: a is a NumPy array torch cannot share \(read-only"):
        tb.put(frozen, [0], [5.0])


# ---- selecting --------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("mode", ["raise", "wrap", "clip"])
def test_choose(dtype: torch.dtype, mode: Any, device: torch.device) -> None:
    x, a = make((2, 3), dtype, device)
    y, b = make((3,), dtype, device)
    idx = (
        np.array([[0, 1, 1], [1, 0, 0]]) if mode == "raise" else np.array([[0, 4, -1], [1, 2, -3]])
    )
    expected = np.choose(idx, [a, b], mode=mode)
    matches(tb.choose(tb.asarray(idx, device=device), [x, y], mode=mode), expected, device)


def test_choose_promotes_and_takes_out() -> None:
    expected = np.choose([0, 1, 0], [[1, 2, 3], [1.5, 2.5, 3.5]])
    matches(tb.choose([0, 1, 0], [[1, 2, 3], [1.5, 2.5, 3.5]]), expected)
    out = torch.zeros(3, dtype=torch.float64)
    assert tb.choose([0, 1, 0], np.array([[1, 2, 3], [4, 5, 6]]), out) is out
    assert_matches_numpy(out, np.choose([0, 1, 0], [[1, 2, 3], [4, 5, 6]]).astype(np.float64))


@pytest.mark.parametrize(
    ("choices", "default"),
    [("arrays", 0), ("arrays", 42), ("arrays", 2.5), ("scalars", -1), ("mixed", np.int8(3))],
)
def test_select(choices: str, default: Any, device: torch.device) -> None:
    x, a = make((2, 3), tb.int16, device)
    conds = [a < 2, a > 3]
    tconds = [tb.asarray(c, device=device) for c in conds]
    if choices == "arrays":
        expected = np.select(conds, [a, a * 2], default)
        got = tb.select(tconds, [x, x * 2], default)
    elif choices == "scalars":
        expected = np.select(conds, [1, 2.5], default)
        got = tb.select(tconds, [1, 2.5], default)
    else:
        expected = np.select(conds, [a, 7], default)
        got = tb.select(tconds, [x, 7], default)
    matches(got, expected, device)


def test_piecewise() -> None:
    x = np.linspace(-2.5, 2.5, 6)
    t = tb.asarray(x)
    funcs = [lambda v: -v, lambda v: v * 10]
    matches(tb.piecewise(t, [t < 0, t >= 0], funcs), np.piecewise(x, [x < 0, x >= 0], funcs))
    matches(tb.piecewise(t, [t < -1, t > 1], [1.0, lambda v: v**2, 7.0]),
            np.piecewise(x, [x < -1, x > 1], [1.0, lambda v: v**2, 7.0]))  # fmt: skip
    matches(
        tb.piecewise(t, t > 0, [lambda v: v + 1, 0]), np.piecewise(x, x > 0, [lambda v: v + 1, 0])
    )
    ints = np.arange(5)
    matches(tb.piecewise(tb.asarray(ints), [ints > 2], [lambda v, k: v * k], 3),
            np.piecewise(ints, [ints > 2], [lambda v, k: v * k], 3))  # fmt: skip


#: piecewise calls (conditions of x, functions and constants), for the grid below: float data
#: on the CPU goes through NumPy views of x and the conditions, other data through torch.
PIECEWISE: dict[str, tuple[Callable[[Any], list[Any]], list[Any]]] = {
    "two functions": (lambda x: [x < 0, x >= 0], [lambda v: v * 2, lambda v: -v]),
    "otherwise": (lambda x: [x < -1, x > 1], [lambda v: v**2, 3.5, lambda v: v - 1]),
    "overlap": (lambda x: [x < 1, x > -1], [lambda v: v + 10, lambda v: v * 0]),
    "constants": (lambda x: [x < 0, x > 0], [-1.5, 2]),
    "one and otherwise": (lambda x: [x > 0], [lambda v: v / 2, lambda v: v * 4]),
    "empty piece": (lambda x: [x > 100, x <= 100], [lambda v: v + 1, lambda v: v - 1]),
    "scalar results": (lambda x: [x < 0], [lambda v: 7.0, lambda v: v.sum() if hasattr(v, "sum") else v]),
    "other dtype": (lambda x: [x < 0, x >= 0], [lambda v: (v * 3).astype("float32") if isinstance(v, np.ndarray) else (v * 3).float(), 1]),
}  # fmt: skip


@pytest.mark.parametrize("layout", ["contiguous", "transposed"])
@pytest.mark.parametrize("dtype", [tb.float64, tb.float32, tb.int64], ids=str)
@pytest.mark.parametrize("case", list(PIECEWISE))
def test_piecewise_matches_numpy(case: str, dtype: torch.dtype, layout: str) -> None:
    conds, funcs = PIECEWISE[case]
    a = (np.arange(12).reshape(3, 4) - 5.5).astype(tb.asarray(0, dtype=dtype).numpy().dtype)
    if layout == "transposed":
        a = a.T
    x = torch.from_numpy(np.ascontiguousarray(a.T)).T if layout == "transposed" else tb.asarray(a)
    expected = np.piecewise(a, conds(a), funcs)
    got = tb.piecewise(x, conds(x), funcs)
    matches(got, expected)
    assert got.stride() == torch.empty_like(x).stride()  # NumPy's zeros_like keeps the layout


def test_piecewise_passes_extra_arguments() -> None:
    a = np.linspace(-1.0, 1.0, 5)
    x = tb.asarray(a)
    funcs = [lambda v, k, *, s: v * k + s, lambda v, k, *, s: v - k - s]
    matches(tb.piecewise(x, [x < 0, x >= 0], funcs, 3, s=0.5),
            np.piecewise(a, [a < 0, a >= 0], funcs, 3, s=0.5))  # fmt: skip


def test_piecewise_of_data_on_a_graph() -> None:
    a = np.linspace(-2.0, 2.0, 7)
    x = tb.asarray(a).requires_grad_()
    y = tb.piecewise(x, [x < 0, x >= 0], [lambda v: v * 2, lambda v: v**2])
    y.sum().backward()
    assert x.grad is not None
    np.testing.assert_allclose(x.grad.numpy(), np.where(a < 0, 2.0, 2 * a))


def test_piecewise_results_on_a_graph_keep_the_result_on_it() -> None:
    """Off-graph data, a function result on a graph: the result joins it, and the pieces
    written after it (a constant here) are written by torch."""
    a = np.linspace(-2.0, 2.0, 7)
    x = tb.asarray(a)
    w = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
    y = tb.piecewise(x, [x < 0, x >= 0], [lambda v: v * w, 1.5])
    matches(y.detach(), np.piecewise(a, [a < 0, a >= 0], [lambda v: v * 3.0, 1.5]))
    assert y.requires_grad
    y.sum().backward()
    assert w.grad is not None
    assert float(w.grad) == float(a[a < 0].sum())


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize(
    ("condition", "axis"),
    [([True, False, True], None), ([False, True], 0), ([True, False, True], 1), ([0, 1], -2),
     ([], 1)],
    ids=str,
)  # fmt: skip
def test_compress(dtype: torch.dtype, condition: Any, axis: Any, device: torch.device) -> None:
    x, a = make((2, 3), dtype, device)
    cond = np.asarray(condition, dtype=bool)
    matches(tb.compress(cond, x, axis), np.compress(cond, a, axis), device)


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
def test_extract(dtype: torch.dtype, device: torch.device) -> None:
    x, a = make((2, 3), dtype, device)
    cond = np.array([[1, 0, 2], [0, 0, 1]])
    matches(tb.extract(cond, x), np.extract(cond, a), device)


# ---- index arithmetic -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indices", "shape", "order"),
    [([5, 7], (2, 4), "C"), ([5, 7], (2, 4), "F"), (22, (3, 4, 2), "C"), ([[0, 3], [11, 1]], (3, 4), "F"),
     ([], (2, 2), "C"), (0, (), "C")],
    ids=str,
)  # fmt: skip
def test_unravel_index(indices: Any, shape: Any, order: Any) -> None:
    idx = np.asarray(indices, dtype=np.int64)
    matches(tb.unravel_index(idx, shape, order), np.unravel_index(idx, shape, order))


@pytest.mark.parametrize(
    ("multi", "dims", "mode", "order"),
    [(([1, 1], [1, 3]), (2, 4), "raise", "C"), (([1, 1], [1, 3]), (2, 4), "raise", "F"),
     (([3, -1], [5, 0]), (2, 4), "wrap", "C"), (([3, -1], [5, 0]), (2, 4), "clip", "C"),
     (([3, 0], [1, 9]), (2, 4), ("wrap", "clip"), "F"), (([[0], [1]], [0, 2, 3]), (2, 4), "raise", "C")],
    ids=str,
)  # fmt: skip
def test_ravel_multi_index(multi: Any, dims: Any, mode: Any, order: Any) -> None:
    expected = np.ravel_multi_index(tuple(np.asarray(m) for m in multi), dims, mode, order)
    matches(tb.ravel_multi_index(multi, dims, mode, order), expected)


@pytest.mark.parametrize("dims", [(2, 3), (4,), (2, 0, 3), ()], ids=str)
@pytest.mark.parametrize("sparse", [False, True])
@pytest.mark.parametrize("dtype", [int, np.int32, np.float32], ids=str)
def test_indices(dims: Any, sparse: bool, dtype: Any) -> None:
    matches(tb.indices(dims, dtype, sparse), np.indices(dims, dtype, sparse))


def test_ix_() -> None:
    matches(tb.ix_([0, 2], [True, False, True, True]), np.ix_([0, 2], [True, False, True, True]))
    matches(tb.ix_(np.array([1, 0]), [], [3]), np.ix_(np.array([1, 0]), [], [3]))
    x = torch.arange(12).reshape(3, 4)
    assert_matches_numpy(
        x[tb.ix_([0, 2], [1, 3])], np.arange(12).reshape(3, 4)[np.ix_([0, 2], [1, 3])]
    )


@pytest.mark.parametrize(("first", "second"), [(slice(None, None, 2), slice(1, None, 3))], ids=str)
def test_ix_of_strided_tensors(first: slice, second: slice) -> None:
    r, c = torch.arange(10)[first], torch.arange(12)[second]
    assert not r.is_contiguous()
    assert not c.is_contiguous()
    matches(tb.ix_(r, c), np.ix_(r.numpy(), c.numpy()))


GRIDS = [
    (slice(0, 5), None),
    (slice(1, 7, 2), None),
    (slice(0.5, 3), None),
    (slice(-1, 1, 5j), None),
    (slice(0, 1, 1j), None),
    ((slice(0, 3), slice(1, 5, 2)), None),
    ((slice(0, 1, 4j), slice(0, 2)), None),
    ((slice(0, 2), slice(0, 1.5, 0.5)), None),
]


@pytest.mark.parametrize(("key", "unused"), GRIDS, ids=[str(g[0]) for g in GRIDS])
@pytest.mark.parametrize("name", ["mgrid", "ogrid"])
def test_grids(name: str, key: Any, unused: Any) -> None:
    got = getattr(tb, name)[key]
    expected = getattr(np, name)[key]
    matches(tuple(got) if isinstance(expected, tuple) else got, expected)


@pytest.mark.parametrize(
    ("call", "np_call"),
    [(lambda m: m.diag_indices(3), None), (lambda m: m.diag_indices(2, 3), None),
     (lambda m: m.diag_indices_from(m.zeros((3, 3, 3))), None),
     (lambda m: m.tril_indices(3), None), (lambda m: m.tril_indices(3, 1, 5), None),
     (lambda m: m.tril_indices(4, -2, 2), None), (lambda m: m.triu_indices(3), None),
     (lambda m: m.triu_indices(2, 1, 4), None), (lambda m: m.triu_indices(0), None),
     (lambda m: m.tril_indices_from(m.zeros((2, 5)), -1), None),
     (lambda m: m.triu_indices_from(m.zeros((4, 3)), 2), None)],
    ids=str,
)  # fmt: skip
def test_triangle_and_diagonal_indices(call: Callable[[Any], Any], np_call: Any) -> None:
    matches(call(tb), call(np))


# ---- bad input --------------------------------------------------------------------------------

M = torch.zeros(2, 3)
BAD: list[tuple[Callable[[], Any], type[Exception], str]] = [
    (
        lambda: tb.put(M.clone(), [6], [1.0]),
        IndexError,
        r"put: index 6 is out of bounds for a of size 6 \(shape \(2, 3\)\); valid indices are in "
        r"\[-6, 6\)",
    ),
    (lambda: tb.put(M.clone(), [0], [1.0], "bad"), ValueError, r"put: mode='bad' is not a mode"),
    (lambda: tb.put(M.clone(), [0.5], [1.0]), TypeError, r"put: ind must have an integer dtype"),
    (
        lambda: tb.put(torch.zeros(0), [0], [1.0], "clip"),
        IndexError,
        r"put: cannot write into an empty array",
    ),
    (
        lambda: tb.put_along_axis(M.clone(), [[3]], 1.0, 1),
        IndexError,
        r"put_along_axis: index 3 is out of bounds for axis 1 of size 3; valid indices are in \[-3, 3\)",
    ),
    (
        lambda: tb.put_along_axis(M.clone(), [0], 1.0, 1),
        ValueError,
        r"put_along_axis: indices must have as many dimensions as arr, got 1 and 2",
    ),
    (
        lambda: tb.put_along_axis(M.clone(), [[0, 1]], [1.0, 2.0, 3.0], 1),
        ValueError,
        r"put_along_axis: values of shape \(3,\) do not broadcast to the indices' shape \(2, 2\) "
        r"\(arr has shape \(2, 3\), axis 1\); pass values of a shape that broadcasts to \(2, 2\)",
    ),
    (
        lambda: tb.put_along_axis(M.clone(), [[0]], 1.0, 2),
        AxisError,
        r"put_along_axis: axis 2 is out of bounds",
    ),
    (
        lambda: tb.put_along_axis(M.clone().T, [0], 1.0, None),
        ValueError,
        r"put_along_axis: axis=None writes into the flattened arr, which needs a contiguous arr",
    ),
    (
        lambda: tb.place(M.clone(), [True], [1.0]),
        ValueError,
        r"place: mask has 1 entries but arr has 6 \(shape \(2, 3\)\); pass a mask of arr's size",
    ),
    (
        lambda: tb.place(M.clone(), M == 0, []),
        ValueError,
        r"place: vals is empty but mask selects entries",
    ),
    (
        lambda: tb.putmask(M.clone(), [True, False], 1.0),
        ValueError,
        r"putmask: mask has 2 entries but a has 6 \(shape \(2, 3\)\); pass a mask of a's size",
    ),
    (
        lambda: tb.place(torch.tensor(1.0), M == 0, [1.0]),
        ValueError,
        r"place: mask has 6 entries but arr has 1 \(shape \(\)\)",
    ),
    (
        lambda: tb.put(torch.tensor(1.0), [2], [1.0]),
        IndexError,
        r"put: index 2 is out of bounds for a of size 1 \(shape \(\)\)",
    ),
    (
        lambda: tb.piecewise(torch.tensor(1.0), [M == 0], [lambda v: v, 0.0]),
        ValueError,
        r"piecewise: condlist\[0\] of shape \(2, 3\) does not broadcast to x's shape \(\); "
        r"pass conditions of x's shape",
    ),
    (
        lambda: tb.fill_diagonal(torch.zeros(3), 1.0),
        ValueError,
        r"fill_diagonal: a has shape \(3,\); it needs at least 2 dimensions",
    ),
    (
        lambda: tb.fill_diagonal(torch.zeros(2, 2, 3), 1.0),
        ValueError,
        r"beyond 2 dimensions all sizes must be equal",
    ),
    (
        lambda: tb.choose([0, 2], [M[0, :2], M[1, :2]]),
        ValueError,
        r"choose: index 2 is out of range for 2 choices; indices must be in \[0, n\)",
    ),
    (lambda: tb.choose([0], []), ValueError, r"choose: choices is empty"),
    (
        lambda: tb.choose([[0, 0]], [M, M]),
        ValueError,
        r"choose: a of shape \(1, 2\) and the choices \(\(2, 3\), \(2, 3\)\) do not broadcast",
    ),
    (lambda: tb.select([M > 0], [M, M]), ValueError, r"select: 1 conditions but 2 choices"),
    (lambda: tb.select([], []), ValueError, r"select: condlist is empty"),
    (lambda: tb.select(None, [M]), TypeError, r"^select: condlist=None \(NoneType\) is not a"),
    (lambda: tb.select("ab", [M]), TypeError, r"^select: condlist='ab' \(str\) is not a seq"),
    (lambda: tb.select([M > 0], {}), TypeError, r"^select: choicelist=\{\} \(dict\) is not"),
    (
        lambda: tb.ravel_multi_index(None, (2, 3)),
        TypeError,
        r"^ravel_multi_index: multi_index=None \(NoneType\) is not a sequence of arrays",
    ),
    (lambda: tb.diag_indices(None), TypeError, r"^diag_indices: n=None \(NoneType\) is not an"),
    (lambda: tb.diag_indices(2, "a"), TypeError, r"^diag_indices: ndim='a' \(str\) is not an"),
    (lambda: tb.tril_indices("a"), TypeError, r"^tril_indices: n='a' \(str\) is not an int"),
    (lambda: tb.triu_indices(2, 0, {}), TypeError, r"^triu_indices: m=\{\} \(dict\) is not an"),
    (
        lambda: tb.select([torch.zeros(2, 3, dtype=torch.float32)], [M]),
        TypeError,
        r"select: condlist\[0\] has dtype torch.float32; conditions must be boolean",
    ),
    (
        lambda: tb.piecewise(M, [M > 0], []),
        ValueError,
        r"piecewise: with 1 condition\(s\), either 1 or 2 functions are expected, got 0",
    ),
    (
        lambda: tb.compress([[True]], M),
        ValueError,
        r"compress: condition must be 1-d, got shape \(1, 1\)",
    ),
    (
        lambda: tb.compress([False, False, False, True], M, 1),
        IndexError,
        r"compress: condition has a true entry at 3, beyond axis 1 of size 3",
    ),
    (lambda: tb.extract([1, 0], M), ValueError, r"extract: condition has 2 entries but arr has 6"),
    (
        lambda: tb.unravel_index([6], (2, 3)),
        ValueError,
        r"unravel_index: index 6 is out of bounds for an array of size 6 \(shape \(2, 3\)\)",
    ),
    (
        lambda: tb.unravel_index([-1], (2, 3)),
        ValueError,
        r"unravel_index: index -1 is out of bounds",
    ),
    (
        lambda: tb.unravel_index([1.5], (2, 3)),
        TypeError,
        r"unravel_index: indices must have an integer dtype",
    ),
    (
        lambda: tb.unravel_index([1], (2, 3), "K"),
        ValueError,
        r"unravel_index: order='K'; pass 'C' or 'F'",
    ),
    (
        lambda: tb.ravel_multi_index(([2], [0]), (2, 3)),
        ValueError,
        r"ravel_multi_index: coordinate 2 in multi_index\[0\] is out of bounds for dimension 0 of size 2",
    ),
    (
        lambda: tb.ravel_multi_index(([0],), (2, 3)),
        ValueError,
        r"ravel_multi_index: 1 coordinate arrays for 2 dimensions",
    ),
    (lambda: tb.indices((2, -1)), ValueError, r"indices: negative size -1 in dimensions \(2, -1\)"),
    (
        lambda: tb.ix_([[0, 1]]),
        ValueError,
        r"ix_: args\[0\] has shape \(1, 2\); each input must be 1-d",
    ),
    (lambda: tb.mgrid[0:2, 3], TypeError, r"mgrid: index with slices, e.g. mgrid\[0:3, 0:4\]"),
    (lambda: tb.ogrid[0:], ValueError, r"ogrid: a slice needs a stop, e.g. ogrid\[0:5\]"),
    (
        lambda: tb.diag_indices_from(torch.zeros(2, 3)),
        ValueError,
        r"diag_indices_from: arr has shape \(2, 3\); all sizes must be equal",
    ),
    (
        lambda: tb.tril_indices_from(torch.zeros(3)),
        ValueError,
        r"tril_indices_from: arr has shape \(3,\); it must be 2-d",
    ),
    (lambda: tb.triu_indices(-1), ValueError, r"triu_indices: sizes n=-1, m=-1 must be >= 0"),
    (lambda: tb.tril_indices(3, 0.5), TypeError, r"tril_indices: k=0.5 is not an integer"),
]


@pytest.mark.parametrize(("call", "error", "match"), BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_input_messages(call: Callable[[], Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match) as info:
        call()
    assert type(info.value) is not RuntimeError


# ---- autograd: one backward per family --------------------------------------------------------


def test_selecting_stays_on_the_graph() -> None:
    x = torch.arange(1.0, 7.0, dtype=torch.float64).reshape(2, 3).requires_grad_(True)
    out = (
        tb.choose([[0, 1, 0], [1, 1, 0]], [x, x * 2]).sum()
        + tb.select([x > 3], [x * 3], 0.0).sum()
        + tb.piecewise(x, [x > 2], [lambda v: v**2, lambda v: v]).sum()
        + tb.compress([True, False, True], x, 1).sum()
        + tb.extract(x > 4, x).sum()
    )
    out.backward()  # type: ignore[no-untyped-call]
    assert x.grad is not None
    v = np.arange(1.0, 7.0).reshape(2, 3)
    expected = (
        np.where([[0, 1, 0], [1, 1, 0]], 2.0, 1.0)
        + np.where(v > 3, 3.0, 0.0)
        + np.where(v > 2, 2 * v, 1.0)
        + np.array([[1.0, 0.0, 1.0], [1.0, 0.0, 1.0]])
        + np.where(v > 4, 1.0, 0.0)
    )
    np.testing.assert_allclose(x.grad.numpy(), expected)


# ---- copyto -----------------------------------------------------------------------------------

COPYTO_DTYPES = [tb.bool, tb.int8, tb.int64, tb.uint8, tb.float32, tb.float64, tb.complex128]


@pytest.mark.parametrize("dst_dtype", COPYTO_DTYPES, ids=str)
@pytest.mark.parametrize("src_dtype", COPYTO_DTYPES, ids=str)
@needs_numpy2("NumPy 1.x casts 0-d arrays by value")
@pytest.mark.parametrize(("dst_shape", "src_shape"), [((), ()), ((0,), (1,)), ((3,), ()),
                                                      ((2, 3), (3,)), ((2, 3), (2, 3))])  # fmt: skip
@pytest.mark.parametrize("masked", [False, True])
def test_copyto(
    dst_dtype: torch.dtype, src_dtype: torch.dtype, dst_shape: Any, src_shape: Any, masked: bool
) -> None:
    nd_dst = np.zeros(dst_shape, dtype=tb.to_numpy(torch.zeros((), dtype=dst_dtype)).dtype)
    nd_src = (np.arange(max(1, int(np.prod(src_shape)))).reshape(src_shape) % 3).astype(
        tb.to_numpy(torch.zeros((), dtype=src_dtype)).dtype
    )
    where = (np.arange(int(np.prod(dst_shape))).reshape(dst_shape) % 2 == 0) if masked else True
    dst = tb.asarray(nd_dst, copy=True)
    src = tb.asarray(nd_src, copy=True)
    tb_where = tb.asarray(where) if masked else True
    try:
        np.copyto(nd_dst, nd_src, where=where)
    except TypeError:
        with pytest.raises(TypeError, match=r"copyto: cannot cast src"):
            tb.copyto(dst, src, where=tb_where)
        return
    assert tb.copyto(dst, src, where=tb_where) is None
    assert_matches_numpy(dst, nd_dst)


@needs_numpy2("NumPy 2 reads Python scalars as weak (NEP 50)")
@pytest.mark.parametrize("value", [1, 2.5, True, 1j, -3], ids=repr)
@pytest.mark.parametrize("dtype", [tb.int8, tb.uint8, tb.float32, tb.complex64, tb.bool], ids=str)
@pytest.mark.parametrize("casting", ["same_kind", "unsafe"])
def test_copyto_python_scalars(value: Any, dtype: torch.dtype, casting: str) -> None:
    nd = np.zeros(3, dtype=tb.to_numpy(torch.zeros((), dtype=dtype)).dtype)
    dst = tb.asarray(nd, copy=True)
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # NumPy's ComplexWarning for complex into real
            np.copyto(nd, value, casting=casting)  # type: ignore[arg-type]
    except (TypeError, OverflowError) as e:
        with pytest.raises(type(e)):
            tb.copyto(dst, value, casting=casting)  # type: ignore[arg-type]
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch warns as NumPy does for complex into real
        tb.copyto(dst, value, casting=casting)  # type: ignore[arg-type]
    assert_matches_numpy(dst, nd)


def test_copyto_writes_in_place_and_stays_on_the_graph() -> None:
    x = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    y = torch.ones(3, dtype=torch.float64, requires_grad=True)
    dst = x * 1.0
    view = dst[:2]
    tb.copyto(dst, 2 * y, where=tb.asarray([True, False, True]))
    assert view[0].item() == 2.0
    dst.sum().backward()
    assert x.grad is not None
    assert y.grad is not None
    torch.testing.assert_close(y.grad, torch.tensor([2.0, 0.0, 2.0], dtype=torch.float64))
    torch.testing.assert_close(x.grad, torch.tensor([0.0, 1.0, 0.0], dtype=torch.float64))


def test_copyto_on_meta(device: torch.device) -> None:
    dst = torch.zeros((2, 3), device=device)
    tb.copyto(dst, torch.ones(3, device=device))
    assert dst.device == device


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (
            lambda: tb.copyto(np.zeros(3), tb.ones(3)),
            TypeError,
            r"copyto: dst must be a torch.Tensor",
        ),
        (
            lambda: tb.copyto(torch.zeros(3, requires_grad=True), tb.ones(3)),
            ValueError,
            r"copyto: dst is a leaf tensor that requires grad",
        ),
        (
            lambda: tb.copyto(tb.zeros(3, dtype=tb.int64), tb.ones(3)),
            TypeError,
            r"copyto: cannot cast src of dtype torch.float64 to dst.s torch.int64",
        ),
        (lambda: tb.copyto(tb.zeros(3, dtype=tb.int64), 1.5), TypeError, r"copyto: cannot cast"),
        (
            lambda: tb.copyto(tb.zeros(3), tb.ones(4)),
            ValueError,
            r"copyto: src of shape \(4,\) does not broadcast to dst's shape \(3,\)",
        ),
        (
            lambda: tb.copyto(tb.zeros(3), tb.ones(3), casting="bad"),
            ValueError,  # type: ignore[arg-type]
            r"copyto: casting='bad' is not a casting rule",
        ),
        (
            lambda: tb.copyto(tb.zeros(3), tb.ones(3), where=tb.ones(3)),
            TypeError,
            r"copyto: where must be boolean, got dtype",
        ),
        (
            lambda: tb.copyto(tb.zeros(3), tb.ones(3), where=tb.ones(2) > 0),
            ValueError,
            r"copyto: where of shape \(2,\)",
        ),
    ],
)
def test_copyto_refuses(call: Any, exc: type[Exception], match: str) -> None:
    with pytest.raises(exc, match=match):
        call()


# ---- s_, index_exp, mask_indices --------------------------------------------------------------

INDEX_KEYS: list[Any] = [
    np.s_[1:3],
    np.s_[::2, 1],
    np.s_[...],
    np.s_[None, 0],
    np.s_[2],
    np.s_[()],
    np.s_[1:2, ..., ::-1],
]


@pytest.mark.parametrize("key", INDEX_KEYS, ids=repr)
def test_index_expressions(key: Any) -> None:
    assert tb.s_[key] == np.s_[key]
    assert tb.index_exp[key] == np.index_exp[key]
    x = np.arange(24).reshape(2, 3, 4)
    assert_matches_numpy(torch.from_numpy(x)[tb.s_[1:, ::2]], x[np.s_[1:, ::2]])


def test_index_expressions_build_the_written_index() -> None:
    assert tb.s_[1:3, ::2] == np.s_[1:3, ::2]
    assert tb.index_exp[4] == np.index_exp[4] == (4,)
    assert repr(tb.s_) == "tbridge.s_"


@pytest.mark.parametrize("n", [0, 1, 3, 5])
@pytest.mark.parametrize("k", [-1, 0, 2])
@pytest.mark.parametrize("name", ["triu", "tril"])
def test_mask_indices(n: int, k: int, name: str) -> None:
    got = tb.mask_indices(n, getattr(tb, name), k)
    want = np.mask_indices(n, getattr(np, name), k)
    assert len(got) == 2
    for g, w in zip(got, want, strict=True):
        assert_matches_numpy(g, w)


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (lambda: tb.mask_indices(-1, tb.triu), ValueError, r"mask_indices: n=-1 is negative"),
        (lambda: tb.mask_indices(2.5, tb.triu), TypeError, r"mask_indices: n must be an integer"),
        (
            lambda: tb.mask_indices(3, lambda m, k: m[0]),
            ValueError,
            r"mask_indices: mask_func returned shape \(3,\)",
        ),
    ],
)
def test_mask_indices_refuses(call: Any, exc: type[Exception], match: str) -> None:
    with pytest.raises(exc, match=match):
        call()


# ---- r_, c_ -------------------------------------------------------------------------------------


def _twins(*shapes_dtypes: tuple[tuple[int, ...], torch.dtype]) -> tuple[list[Any], list[Any]]:
    ts, ns = [], []
    for i, (shape, dtype) in enumerate(shapes_dtypes):
        nd = tb.to_numpy(torch.zeros((), dtype=dtype)).dtype
        a = np.asarray((np.arange(int(np.prod(shape))).reshape(shape) + i).astype(nd))
        ns.append(a)
        ts.append(torch.from_numpy(a.copy()))
    return ts, ns


CONCAT_KEYS: list[tuple[str, Callable[[list[Any]], Any]]] = [
    ("two 1-d", lambda a: (a[0], a[1])),
    ("with scalars", lambda a: (a[0], 0, a[1], 7)),
    ("with a slice", lambda a: (a[0], slice(1, 4), a[1])),
    ("float slice", lambda a: (slice(0.0, 1.0, 0.25), a[0])),
    ("linspace slice", lambda a: (slice(-1, 1, 5j), a[1])),
    ("axis directive", lambda a: ("0,2", a[0], a[1])),
    ("trans1d", lambda a: ("0,2,0", a[0], a[1])),
    ("3-d", lambda a: ("1,3,1", a[0], a[1])),
    ("negative axis", lambda a: ("-1,2", a[0], a[1])),
    ("only scalars", lambda a: (1, 2.5, True)),
]


@pytest.mark.parametrize("d2", [tb.int8, tb.int64, tb.float32], ids=str)
@pytest.mark.parametrize("d1", [tb.bool, tb.int64, tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("key", CONCAT_KEYS, ids=lambda k: k[0])
@pytest.mark.parametrize("name", ["r_", "c_"])
def test_r_and_c(name: str, key: Any, d1: torch.dtype, d2: torch.dtype) -> None:
    ts, ns = _twins(((3,), d1), ((3,), d2))
    try:
        want = getattr(np, name)[key[1](ns)]
    except ValueError:
        with pytest.raises(ValueError, match=name):
            getattr(tb, name)[key[1](ts)]
        return
    assert_matches_numpy(getattr(tb, name)[key[1](ts)], want)


@pytest.mark.parametrize(
    ("shapes", "key"),
    [
        (((2, 2), (2, 1)), lambda a: ("-1", a[0], a[1])),
        (((1, 3), (1, 3)), lambda a: (a[0], 0, 0, a[1])),
        (((0,), (2,)), lambda a: (a[0], a[1])),
        (((), (2,)), lambda a: (a[0], a[1])),
        (((2, 3), (1, 3)), lambda a: (a[0], a[1])),
    ],
    ids=str,
)
@pytest.mark.parametrize("name", ["r_", "c_"])
def test_r_and_c_of_blocks(name: str, shapes: Any, key: Any) -> None:
    ts, ns = _twins(*[(s, tb.float64) for s in shapes])
    try:
        want = getattr(np, name)[key(ns)]
    except ValueError:
        with pytest.raises(ValueError, match=name):
            getattr(tb, name)[key(ts)]
        return
    assert_matches_numpy(getattr(tb, name)[key(ts)], want)


def test_r_stays_on_the_graph() -> None:
    x = torch.ones(2, dtype=torch.float64, requires_grad=True)
    tb.r_[x, 2 * x, 0.5].sum().backward()
    assert x.grad is not None
    assert repr(tb.r_) == "tbridge.r_"


@pytest.mark.parametrize(
    ("key", "match"),
    [
        (("r", [1, 2]), r"r_: the 'r' directive builds a numpy.matrix"),
        (([1], "0"), r"r_: a string directive must be the first entry"),
        (("x", [1]), r"r_: unknown special directive 'x'"),
        (("0,1,2,3", [1]), r"r_: the directive '0,1,2,3' has more than three numbers"),
        ((), r"r_: nothing to join"),
        ((slice(0, None),), r"r_: a slice needs a stop"),
        ((np.ones((2, 2)), np.ones(3)), r"r_: cannot join arrays of shapes \(2, 2\), \(3,\)"),
    ],
)
def test_r_refuses(key: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        tb.r_[key]


# ---- sizes too big to exist, or to allocate ---------------------------------------------------

HUGE: list[tuple[str, Callable[[Any], Any], str]] = [
    ("indices", lambda m: m.indices((TOO_BIG,)), rf"^indices: an array of shape \(1, {TOO_BIG}\) "
     rf"and dtype torch.int64 {TOO_BIG_TEXT}; pass a smaller dimensions$"),
    ("indices-memory", lambda m: m.indices((NO_MEMORY,)), r"^indices: unable to allocate 2.00 "
     r"EiB for an array of shape \(1, 288230376151711744\)"),
    ("indices-sparse", lambda m: m.indices((NO_MEMORY, 2), sparse=True), r"^indices: unable to "
     r"allocate 2.00 EiB for an array of this shape and dtype torch.int64"),
    ("tril_indices", lambda m: m.tril_indices(TOO_BIG), r"^tril_indices: size "
     r"10633823966279326985536299491456450560 in shape \(2, "),
    ("tril_indices-memory", lambda m: m.tril_indices(NO_MEMORY, 0, 1), r"^tril_indices: unable "
     r"to allocate 4.00 EiB for an array of shape \(2, 288230376151711744\)"),
    ("triu_indices", lambda m: m.triu_indices(3, 0, TOO_BIG), r"^triu_indices: size "
     r"13835058055282163709 in shape \(2, 13835058055282163709\) is larger than"),
    ("diag_indices", lambda m: m.diag_indices(TOO_BIG), rf"^diag_indices: an array of shape "
     rf"\({TOO_BIG},\) and dtype torch.int64 {TOO_BIG_TEXT}; pass a smaller n$"),
    ("diag_indices-memory", lambda m: m.diag_indices(NO_MEMORY), rf"^diag_indices: "
     rf"{NO_MEMORY_TEXT}"),
    ("mask_indices", lambda m: m.mask_indices(2**40, m.triu), rf"^mask_indices: an array of "
     rf"shape \(1099511627776, 1099511627776\) .*{TOO_BIG_TEXT}"),
    ("mgrid", lambda m: m.mgrid[0:TOO_BIG], rf"^mgrid: an array of shape \({TOO_BIG},\) and "
     rf"dtype torch.int64 {TOO_BIG_TEXT}; pass a smaller slice$"),
    ("mgrid-2d", lambda m: m.mgrid[0 : 2**40, 0 : 2**40], r"^mgrid: an array of shape \(2, "
     rf"1099511627776, 1099511627776\) .*{TOO_BIG_TEXT}"),
    ("mgrid-num", lambda m: m.mgrid[0 : 1 : TOO_BIG * 1j], rf"^mgrid: .*torch.float64 "
     rf"{TOO_BIG_TEXT}"),
    ("ogrid-memory", lambda m: m.ogrid[0:NO_MEMORY], rf"^ogrid: {NO_MEMORY_TEXT}"),
    ("ogrid-float-memory", lambda m: m.ogrid[0.0 : float(NO_MEMORY)], rf"^ogrid: "
     rf"{NO_MEMORY_TEXT}"),
    ("r_", lambda m: m.r_[0:TOO_BIG], rf"^r_: an array of shape \({TOO_BIG},\) .*{TOO_BIG_TEXT}"),
    ("c_-memory", lambda m: m.c_[0:NO_MEMORY], rf"^c_: {NO_MEMORY_TEXT}"),
    ("r_-num", lambda m: m.r_[0 : 1 : TOO_BIG * 1j], rf"^r_: .*{TOO_BIG_TEXT}"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "message"), [h[1:] for h in HUGE], ids=[h[0] for h in HUGE])
def test_sizes_too_big_raise_numpys_error(call: Callable[[Any], Any], message: str) -> None:
    check_refused(call, message)


@pytest.mark.parametrize(
    "key",
    [slice(0, 5, -1), slice(5, 0), slice(0.0, 1.0, -0.5), slice(0, 2, 0j)],
    ids=["int-backwards", "int-stop-below", "float-backwards", "no-points"],
)
@pytest.mark.parametrize("grid", ["mgrid", "ogrid"])
def test_grids_of_empty_slices_are_empty(grid: str, key: slice) -> None:
    # torch's arange refuses a step away from the stop; NumPy's grid is empty
    assert_matches_numpy(getattr(tb, grid)[key], getattr(np, grid)[key])


@pytest.mark.parametrize("key", [slice(0, 5, 0), slice(0.0, 1.0, 0.0)], ids=["int", "float"])
@pytest.mark.parametrize("name", ["mgrid", "ogrid", "r_"])
def test_a_zero_step_is_numpys_zero_division_error(name: str, key: slice) -> None:
    with pytest.raises(ZeroDivisionError):  # NumPy's class
        getattr(np, name)[key]
    with pytest.raises(ZeroDivisionError, match=rf"^{name}: "):
        getattr(tb, name)[key]
