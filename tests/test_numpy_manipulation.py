"""NumPy's shape functions beyond the standard: NumPy as the oracle over dtypes x shapes x axes.

Every call runs through tbridge and NumPy alike and is compared with ``assert_matches_numpy``
(type, shape, dtype, device, then values); the ``device`` fixture adds ``meta`` (metadata
only). Bad input is checked against pinned messages, and each family takes one backward pass.
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
from tbridge._numpy import manipulation as _manipulation
from tests._helpers import assert_matches_numpy, needs_numpy2
from tests._huge import NO_MEMORY, NO_MEMORY_TEXT, TOO_BIG, TOO_BIG_TEXT, check_refused
from tests.test_manipulation import data

NUMPY_2_2 = np.lib.NumpyVersion(np.__version__) >= "2.2.0"
DTYPES = [tb.bool, tb.int8, tb.int64, tb.uint16, tb.uint64, tb.float32, tb.float64, tb.complex128]
FEW = [tb.int64, tb.uint32, tb.float32, tb.bool]


def make(shape: tuple[int, ...], dtype: torch.dtype, device: torch.device) -> tuple[Any, Any]:
    a = data(shape, dtype)
    return tb.asarray(a, device=device), a


def matches(got: Any, expected: Any, device: torch.device | None = None) -> None:
    """One result or a sequence of them against NumPy's."""
    if isinstance(expected, (list, tuple)):
        assert type(got) is type(expected) or isinstance(got, (list, tuple))
        assert len(got) == len(expected)
        for g, e in zip(got, expected, strict=True):
            assert_matches_numpy(g, e, device=device)
    else:
        assert_matches_numpy(got, expected, device=device)


def test_all_exported() -> None:
    assert set(_manipulation.__all__) <= set(tb.__all__)
    assert all(getattr(tb, n) is getattr(_manipulation, n) for n in _manipulation.__all__)


def test_numpy_names_are_the_standard_functions() -> None:
    assert tb.concatenate is tb.concat
    assert tb.transpose is tb.permute_dims
    assert tb.row_stack is tb.vstack


# ---- stacking ---------------------------------------------------------------------------------

STACK_SHAPES = [((), ()), ((3,), (3,)), ((2, 3), (1, 3)), ((2, 3, 2), (2, 3, 2)), ((0, 3), (2, 3))]


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("shapes", STACK_SHAPES, ids=str)
@pytest.mark.parametrize("name", ["vstack", "hstack", "dstack", "column_stack"])
def test_stacking(
    name: str, dtype: torch.dtype, shapes: tuple[tuple[int, ...], ...], device: torch.device
) -> None:
    made = [make(s, dtype, device) for s in shapes]
    try:
        expected = getattr(np, name)([a for _, a in made])
    except ValueError:
        with pytest.raises(ValueError, match=rf"^{name}: arrays of shapes"):
            getattr(tb, name)([t for t, _ in made])
        return
    matches(getattr(tb, name)([t for t, _ in made]), expected, device)


@pytest.mark.parametrize(
    ("d1", "d2"), [(tb.uint8, tb.int8), (tb.bool, tb.float32), (tb.int64, tb.uint64)], ids=str
)
@pytest.mark.parametrize("name", ["vstack", "hstack", "dstack", "column_stack"])
def test_stacking_promotes_as_numpy(name: str, d1: torch.dtype, d2: torch.dtype) -> None:
    (x, a), (y, b) = make((2, 3), d1, torch.device("cpu")), make((2, 3), d2, torch.device("cpu"))
    matches(getattr(tb, name)((x, y)), getattr(np, name)((a, b)))


@pytest.mark.parametrize("name", ["vstack", "hstack"])
def test_stacking_dtype_and_casting(name: str) -> None:
    x, a = make((2, 3), tb.int64, torch.device("cpu"))
    for dtype, casting in ((np.float32, "same_kind"), (np.int8, "unsafe")):
        expected = getattr(np, name)([a, a], dtype=dtype, casting=casting)
        matches(getattr(tb, name)([x, x], dtype=dtype, casting=casting), expected)
    with pytest.raises(
        TypeError, match=r"concat: cannot cast arrays\[0\] of dtype torch.int64 to "
    ):
        getattr(tb, name)([x, x], dtype=np.bool_)


def test_stacking_lists_and_arrays() -> None:
    matches(tb.vstack([[1, 2], [3.5, 4]]), np.vstack([[1, 2], [3.5, 4]]))
    matches(tb.hstack(np.ones((2, 3))), np.hstack(np.ones((2, 3))))
    matches(tb.column_stack(([1, 2], np.array([[3], [4]]))), np.column_stack(([1, 2], [[3], [4]])))


# ---- splitting --------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", FEW, ids=str)
@pytest.mark.parametrize(
    ("shape", "cuts", "axis"),
    [((6,), 3, 0), ((6,), [2, 3], 0), ((4, 6), 2, 1), ((4, 6), [1, -1, 10], -1), ((0, 4), 2, 1),
     ((4, 6), [], 0), ((4, 6), [3, 1], 1), ((5,), np.array([2]), 0)],
    ids=str,
)  # fmt: skip
@pytest.mark.parametrize("name", ["split", "array_split"])
def test_splitting(
    name: str, dtype: torch.dtype, shape: Any, cuts: Any, axis: int, device: torch.device
) -> None:
    x, a = make(shape, dtype, device)
    got = getattr(tb, name)(x, cuts, axis)
    assert type(got) is list
    matches(got, getattr(np, name)(a, cuts, axis), device)


@pytest.mark.parametrize("sections", [1, 3, 4, 7])
def test_array_split_uneven(sections: int, device: torch.device) -> None:
    x, a = make((2, 7), tb.float64, device)
    matches(tb.array_split(x, sections, axis=1), np.array_split(a, sections, axis=1), device)


@pytest.mark.parametrize(
    ("name", "shape"),
    [("hsplit", (6,)), ("hsplit", (2, 6)), ("vsplit", (6, 2)), ("dsplit", (2, 2, 6))],
    ids=str,
)
@pytest.mark.parametrize("cuts", [2, [1, 4]], ids=str)
def test_directional_splits(name: str, shape: Any, cuts: Any, device: torch.device) -> None:
    x, a = make(shape, tb.int64, device)
    matches(getattr(tb, name)(x, cuts), getattr(np, name)(a, cuts), device)


def test_split_views_share_memory() -> None:
    x = torch.arange(6.0)
    parts = tb.split(x, 3)
    x.add_(10)
    assert parts[1].tolist() == [12.0, 13.0]


# ---- reordering -------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize(
    ("shape", "axes"), [((2, 3), None), ((2, 3, 4), None), ((2, 3, 4), (1, 2, 0)), ((), None), ((0, 2), (1, 0))],
    ids=str,
)  # fmt: skip
def test_transpose(dtype: torch.dtype, shape: Any, axes: Any, device: torch.device) -> None:
    x, a = make(shape, dtype, device)
    matches(tb.transpose(x, axes), np.transpose(a, axes), device)


@pytest.mark.parametrize(("axis1", "axis2"), [(0, 1), (-1, 0), (2, 2)])
def test_swapaxes(axis1: int, axis2: int, device: torch.device) -> None:
    x, a = make((2, 3, 4), tb.uint16, device)
    matches(tb.swapaxes(x, axis1, axis2), np.swapaxes(a, axis1, axis2), device)


@pytest.mark.parametrize(
    ("axis", "start"), [(0, 0), (2, 0), (0, 3), (1, -1), (-1, 1), (2, 3), (0, -3)], ids=str
)
def test_rollaxis(axis: int, start: int, device: torch.device) -> None:
    x, a = make((2, 3, 4), tb.float32, device)
    matches(tb.rollaxis(x, axis, start), np.rollaxis(a, axis, start), device)


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("shape", [(2, 3), (3, 2, 2), (0, 2), (4,)], ids=str)
@pytest.mark.parametrize("name", ["fliplr", "flipud"])
def test_flips(name: str, dtype: torch.dtype, shape: Any, device: torch.device) -> None:
    x, a = make(shape, dtype, device)
    if name == "fliplr" and len(shape) < 2:
        with pytest.raises(
            ValueError, match=r"fliplr: m has shape \(4,\); fliplr needs at least 2-d"
        ):
            tb.fliplr(x)
        return
    matches(getattr(tb, name)(x), getattr(np, name)(a), device)


@pytest.mark.parametrize("dtype", [tb.int64, tb.uint64, tb.complex128], ids=str)
@pytest.mark.parametrize("k", [0, 1, 2, 3, -1, 5])
@pytest.mark.parametrize("axes", [(0, 1), (1, 0), (2, 0), (-1, -2)], ids=str)
def test_rot90(dtype: torch.dtype, k: int, axes: Any, device: torch.device) -> None:
    x, a = make((2, 3, 4), dtype, device)
    matches(tb.rot90(x, k, axes), np.rot90(a, k, axes), device)


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
@pytest.mark.parametrize(
    "layout", ["contiguous", "transposed", "permuted", "sliced", "0-d"], ids=str
)
@pytest.mark.parametrize("name", ["ravel", "copy"])
def test_orders(name: str, order: Any, layout: str) -> None:
    base = np.arange(24.0).reshape(2, 3, 4)
    a = {
        "contiguous": base,
        "transposed": base.T,
        "permuted": base.transpose(1, 0, 2),
        "sliced": base[:, ::2],
        "0-d": np.array(5.0),
    }[layout]
    x = tb.asarray(a, copy=False)  # the same strides as NumPy's array
    assert x.stride() == tuple(st // 8 for st in a.strides)
    got = getattr(tb, name)(x, order)
    expected = getattr(np, name)(a, order)
    matches(got, expected)
    if name == "copy":
        assert got.stride() == tuple(s // 8 for s in expected.strides) or got.numel() <= 1


def test_copy_is_independent_and_on_the_graph() -> None:
    x = torch.arange(3.0, dtype=torch.float64, requires_grad=True)
    y = tb.copy(x)
    assert not tb.shares_memory(x, y)
    (y * 2).sum().backward()  # type: ignore[no-untyped-call]
    assert x.grad is not None
    assert x.grad.tolist() == [2.0, 2.0, 2.0]
    matches(tb.copy([1, 2]), np.copy([1, 2]))


@pytest.mark.parametrize("name", ["atleast_1d", "atleast_2d", "atleast_3d"])
@pytest.mark.parametrize("shape", [(), (3,), (2, 3), (2, 3, 4), (1, 2, 3, 4), (0,)], ids=str)
def test_atleast(name: str, shape: Any, device: torch.device) -> None:
    x, a = make(shape, tb.int8, device)
    matches(getattr(tb, name)(x), getattr(np, name)(a), device)
    y, b = make((2,), tb.float64, device)
    matches(getattr(tb, name)(x, y), getattr(np, name)(a, b), device)


def test_atleast_lists_and_scalars() -> None:
    matches(tb.atleast_2d(3.5), np.atleast_2d(3.5))
    matches(tb.atleast_3d([1, 2]), np.atleast_3d([1, 2]))


@needs_numpy2("atleast_1d() with no arrays returns an empty tuple (NumPy 1.x: an empty list)")
def test_atleast_of_nothing() -> None:
    assert tb.atleast_1d() == np.atleast_1d()


# ---- editing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize(
    ("shape", "values", "axis"),
    [((2, 3), [[1, 2, 3]], 0), ((2, 3), [[7], [8]], 1), ((2, 3), 5, None), ((), [1.5, 2], None),
     ((0,), [1], 0)],
    ids=str,
)  # fmt: skip
def test_append(
    dtype: torch.dtype, shape: Any, values: Any, axis: Any, device: torch.device
) -> None:
    x, a = make(shape, dtype, device)
    v = np.asarray(values).astype(a.dtype) if dtype != tb.bool else np.asarray(values) != 0
    matches(tb.append(x, tb.asarray(v, device=device), axis), np.append(a, v, axis), device)


def test_append_promotes_lists_as_numpy() -> None:
    a = np.array([1, 2], dtype=np.int8)
    matches(tb.append(a, [2.5]), np.append(a, [2.5]))
    matches(tb.append(a, 1), np.append(a, 1))


@pytest.mark.parametrize("dtype", FEW, ids=str)
@pytest.mark.parametrize(
    ("shape", "obj", "values", "axis"),
    [((5,), 2, 9, None), ((5,), -1, [7, 8], None), ((5,), 5, 0, 0), ((2, 3), 1, [7, 8, 9], 0),
     ((2, 3), 1, 9, 1), ((2, 3), [0, 3, 3], [[1], [2]], 1), ((2, 3), slice(0, 2), 4, 1),
     ((2, 3), [-1, 0], 6, None), ((2, 3), [2, 0, 1], [1, 2, 3], None), ((0, 3), 0, 1, 0)],
    ids=str,
)  # fmt: skip
def test_insert(
    dtype: torch.dtype, shape: Any, obj: Any, values: Any, axis: Any, device: torch.device
) -> None:
    x, a = make(shape, dtype, device)
    matches(tb.insert(x, obj, values, axis), np.insert(a, obj, values, axis), device)


def test_insert_casts_a_python_float_as_numpy() -> None:
    a = np.zeros((2, 3))
    matches(tb.insert(torch.zeros(2, 3, dtype=tb.float64), 1, 0.1, 1), np.insert(a, 1, 0.1, 1))


@pytest.mark.parametrize("dtype", FEW, ids=str)
@pytest.mark.parametrize(
    ("shape", "obj", "axis"),
    [((5,), 2, None), ((5,), -1, 0), ((2, 3), [0, -1], 1), ((2, 3), [1, 1], 0),
     ((2, 3), slice(None, None, 2), 1), ((2, 3), [True, False, True], 1), ((2, 3), [], None),
     ((2, 3), np.array([5, 0]), None)],
    ids=str,
)  # fmt: skip
def test_delete(dtype: torch.dtype, shape: Any, obj: Any, axis: Any, device: torch.device) -> None:
    x, a = make(shape, dtype, device)
    matches(tb.delete(x, obj, axis), np.delete(a, obj, axis), device)


@pytest.mark.parametrize("dtype", FEW, ids=str)
@pytest.mark.parametrize(
    ("shape", "new"),
    [((3,), (2, 4)), ((2, 3), 4), ((2, 3), (0,)), ((0,), (2, 2)), ((), (3,))],
    ids=str,
)
def test_resize(dtype: torch.dtype, shape: Any, new: Any, device: torch.device) -> None:
    x, a = make(shape, dtype, device)
    matches(tb.resize(x, new), np.resize(a, new), device)


TRIMS = [
    ([0, 0, 1, 2, 0, 3, 0], None),
    ([0, 0, 0], None),
    ([1, 2], None),
    ([], None),
    ([[0, 0, 0, 0], [0, 1, 2, 0], [0, 0, 0, 0]], None),
    ([[0, 0, 0, 0], [0, 1, 2, 0], [0, 0, 0, 0]], 1),
    ([[0, 0, 0, 0], [0, 1, 2, 0], [0, 0, 0, 0]], -2),
]


@pytest.mark.skipif(not NUMPY_2_2, reason="trim_zeros of N-d arrays (axis=) needs NumPy 2.2")
@pytest.mark.parametrize(("values", "axis"), TRIMS, ids=str)
@pytest.mark.parametrize("trim", ["fb", "f", "b", "BF"])
def test_trim_zeros(values: Any, axis: Any, trim: Any) -> None:
    a = np.asarray(values, dtype=np.float32)
    got = tb.trim_zeros(tb.asarray(a), trim, axis)
    matches(got, np.trim_zeros(a, trim, axis))


def test_trim_zeros_is_a_view() -> None:
    x = torch.tensor([0.0, 1.0, 2.0, 0.0])
    out = tb.trim_zeros(x)
    x.add_(10)
    assert out.tolist() == [11.0, 12.0]


# ---- pad --------------------------------------------------------------------------------------

PAD_MODES = ["constant", "edge", "wrap", "reflect", "symmetric", "linear_ramp", "maximum",
             "minimum", "mean", "median"]  # fmt: skip
WIDTHS = [1, (2, 3), ((0, 1), (3, 0)), ((5, 7), (4, 6)), 0]


@pytest.mark.parametrize("mode", PAD_MODES)
@pytest.mark.parametrize("width", WIDTHS, ids=str)
@pytest.mark.parametrize("dtype", [tb.int64, tb.float64, tb.uint16, tb.float32], ids=str)
def test_pad_modes(mode: str, width: Any, dtype: torch.dtype, device: torch.device) -> None:
    x, a = make((2, 3), dtype, device)
    if mode in ("mean", "median", "linear_ramp") and dtype == tb.uint16:
        pytest.skip("NumPy's rounding of unsigned means wraps below zero")
    matches(tb.pad(x, width, mode), np.pad(a, width, mode), device)


@pytest.mark.parametrize("mode", ["reflect", "symmetric"])
@pytest.mark.parametrize("width", [(1, 2), (5, 9), (12, 0)], ids=str)
@pytest.mark.parametrize("size", [1, 2, 3, 5])
def test_pad_odd_reflections(mode: str, width: Any, size: int) -> None:
    a = np.array([1.0, 4.0, 2.0, 8.0, 5.0])[:size]
    expected = np.pad(a, width, mode, reflect_type="odd")
    matches(tb.pad(tb.asarray(a), width, mode, reflect_type="odd"), expected)


@pytest.mark.parametrize(
    ("kwargs", "width"),
    [({"constant_values": 7}, 2), ({"constant_values": ((1, 2), (3, 4))}, (1, 2)),
     ({"constant_values": 2.7}, 1), ({"end_values": ((5, -1), (2, 3))}, ((2, 1), (1, 3))),
     ({"stat_length": 1}, 2), ({"stat_length": ((1, 2), (3, 1))}, (1, 2)),
     ({"stat_length": 10}, 1)],
    ids=str,
)  # fmt: skip
@pytest.mark.parametrize("dtype", [tb.int64, tb.float64], ids=str)
def test_pad_options(kwargs: dict[str, Any], width: Any, dtype: torch.dtype) -> None:
    mode = {
        "constant_values": "constant",
        "end_values": "linear_ramp",
        "stat_length": "mean",
    }[next(iter(kwargs))]
    x, a = make((3, 4), dtype, torch.device("cpu"))
    matches(tb.pad(x, width, mode, **kwargs), np.pad(a, width, mode, **kwargs))


def _pad_outcome(lib: Any, x: Any, value: Any) -> tuple[Any, list[type[Warning]]]:
    """pad's result (as NumPy) or exception class, and the warning classes it issued."""
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        try:
            out = lib.pad(x, 1, constant_values=value)
        except (OverflowError, ValueError, TypeError) as e:
            return type(e), [w.category for w in seen]
    return (out.numpy() if isinstance(out, torch.Tensor) else out), [w.category for w in seen]


PAD_DTYPES = ["uint8", "int8", "uint16", "int64", "uint64", "bool", "float32", "float64"]
PAD_VALUES = [5, 300, -1, 2.7, np.nan, (0.1, 0.2), ((1, 300), (2, -1)), 2**64 - 1, True]


@needs_numpy2("NumPy 1.x casts out-of-range ints with a DeprecationWarning")
@pytest.mark.parametrize("value", PAD_VALUES, ids=repr)
@pytest.mark.parametrize("dtype", PAD_DTYPES)
def test_pad_writes_constant_values_as_numpy_does(dtype: str, value: Any) -> None:
    # An integer array takes the value by NumPy's cast (300 into uint8 is 44, into int8 an
    # OverflowError); a float64 array keeps a pair's values in float64. torch refused values
    # an integer dtype cannot hold with its RuntimeError, and made pairs float32 first.
    x = np.arange(4, dtype=np.int64).reshape(2, 2).astype(dtype)
    expected, numpy_warned = _pad_outcome(np, x, value)
    got, warned = _pad_outcome(tb, tb.asarray(x), value)
    assert set(warned) == set(numpy_warned)  # NumPy warns once per side written
    if isinstance(expected, type):
        assert got is expected
    else:
        assert not isinstance(got, type), got
        assert got.dtype == expected.dtype
        np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize(
    ("mode", "kwargs"),
    [("mean", {}), ("mean", {"stat_length": (1, 2)}), ("median", {"stat_length": (1, 2)}),
     ("linear_ramp", {}), ("linear_ramp", {"end_values": (1, 0)}), ("maximum", {}),
     ("reflect", {"reflect_type": "odd"}), ("symmetric", {"reflect_type": "odd"})],
    ids=str,
)  # fmt: skip
@pytest.mark.parametrize("width", [1, (1, 2), 3, (0, 5)], ids=str)
def test_pad_of_bools_is_numpys(mode: str, kwargs: dict[str, Any], width: Any) -> None:
    """NumPy computes a bool array's statistics and ramps in floating point and stores them as
    their truth (0.5 is True), and its odd reflection in int64: tbridge rounded 0.5 to False
    and let torch's bool-subtraction RuntimeError escape."""
    a = np.array([True, False, True, True, False])
    matches(tb.pad(tb.asarray(a), width, mode, **kwargs), np.pad(a, width, mode, **kwargs))


@pytest.mark.parametrize("stat_length", [None, 3, (2, 4)], ids=str)
def test_pad_median_of_complex_is_in_numpys_order(stat_length: Any) -> None:
    a = np.array([1j, 3 + 0j, 1 + 0j, 2 + 5j, -1 + 2j])
    expected = np.pad(a, 2, "median", stat_length=stat_length)
    matches(tb.pad(tb.asarray(a), 2, "median", stat_length=stat_length), expected)


@pytest.mark.parametrize("mode", ["maximum", "minimum"])
def test_pad_extremes_of_complex_are_a_type_error(mode: str) -> None:
    """Complex numbers have no order in tbridge (as for tb.max); torch's NotImplementedError
    ("max_values_cpu" not implemented for 'ComplexDouble') escaped."""
    with pytest.raises(TypeError, match=rf"^pad: mode='{mode}' pads with each edge's {mode}, "):
        tb.pad(tb.asarray([1 + 2j, 3 - 1j]), 1, mode)


def test_pad_0d_and_empty() -> None:
    matches(tb.pad(tb.asarray(5), 2, "edge"), np.pad(np.array(5), 2, "edge"))
    matches(tb.pad(tb.zeros((0, 2)), 1), np.pad(np.zeros((0, 2)), 1))
    assert tb.pad(tb.zeros((2, 2)), 1, "empty").shape == (4, 4)


# ---- bad input --------------------------------------------------------------------------------

M = torch.zeros(2, 3)
BAD: list[tuple[Callable[[], Any], type[Exception], str]] = [
    (lambda: tb.vstack([]), ValueError, r"vstack: needs at least one array, got an empty sequence"),
    (lambda: tb.vstack(M[0]), ValueError, None),  # an array is read along axis 0: fine
    (
        lambda: tb.hstack(3),
        TypeError,
        r"hstack: arrays to stack must be a list or tuple of arrays, got int",
    ),
    (
        lambda: tb.dstack([M, torch.zeros(3, 3)]),
        ValueError,
        r"dstack: arrays of shapes \(2, 3, 1\), \(3, 3, 1\) \(as dstack reshapes them\) cannot be joined along axis 2",
    ),
    (
        lambda: tb.column_stack([[1, 2], [1, 2, 3]]),
        ValueError,
        r"column_stack: arrays of shapes \(2, 1\), \(3, 1\)",
    ),
    (
        lambda: tb.split(M, 2, 1),
        ValueError,
        r"split: an axis of size 3 does not divide into 2 equal sections; pass a divisor of the size, or use array_split",
    ),
    (
        lambda: tb.array_split(M, 0),
        ValueError,
        r"array_split: 0 sections: the number of sections must be >= 1",
    ),
    (
        lambda: tb.split(M, 1.5),
        TypeError,
        r"split: indices_or_sections=1.5 is neither a number of sections",
    ),
    (
        lambda: tb.split(M, 1, 2),
        AxisError,
        r"split: axis 2 is out of bounds for an array of 2 dimension",
    ),
    (
        lambda: tb.split(torch.tensor(1.0), 1),
        AxisError,
        r"split: axis 0 is out of bounds: x is 0-d",
    ),
    (
        lambda: tb.hsplit(torch.tensor(1.0), 1),
        ValueError,
        r"hsplit: ary is 0-d; hsplit needs an array of at least 1 dimension",
    ),
    (
        lambda: tb.vsplit(torch.zeros(3), 1),
        ValueError,
        r"vsplit: ary has shape \(3,\); vsplit needs at least 2 dimensions",
    ),
    (
        lambda: tb.dsplit(M, 1),
        ValueError,
        r"dsplit: ary has shape \(2, 3\); dsplit needs at least 3 dimensions",
    ),
    (
        lambda: tb.swapaxes(M, 0, 2),
        AxisError,
        r"swapaxes: axis 2 is out of bounds for an array of 2 dimension",
    ),
    (lambda: tb.swapaxes(M, 0, 1.5), TypeError, r"swapaxes: axis 1.5 is not an integer"),
    (
        lambda: tb.rollaxis(M, 2),
        AxisError,
        r"rollaxis: axis 2 is out of bounds for an array of 2 dimension",
    ),
    (
        lambda: tb.rollaxis(M, 0, 3),
        AxisError,
        r"rollaxis: axis 3 is out of bounds for start positions \(ndim \+ 1 of them\) of 3",
    ),
    (
        lambda: tb.flipud(torch.tensor(1.0)),
        ValueError,
        r"flipud: m is 0-d; flipud needs at least 1 dimension",
    ),
    (lambda: tb.rot90(M, 1, (0, 0)), ValueError, r"rot90: axes=\(0, 0\) name the same axis twice"),
    (lambda: tb.rot90(M, 1, (0,)), ValueError, r"rot90: axes=\(0,\) must name exactly two axes"),
    (lambda: tb.rot90(M, 1, (0, 2)), AxisError, r"rot90: axis 2 is out of bounds"),
    (lambda: tb.rot90(M, 0.5), TypeError, r"rot90: k=0.5 is not an integer"),
    (lambda: tb.ravel(M, "Z"), ValueError, r"ravel: order='Z' is not an order; pass 'C'"),
    (lambda: tb.copy(M, "Z"), ValueError, r"copy: order='Z' is not an order"),
    (
        lambda: tb.append(M, torch.zeros(3), 0),
        ValueError,
        r"append: values of shape \(3,\) cannot be appended to arr of shape \(2, 3\) along axis 0",
    ),
    (lambda: tb.append(M, M, 2), AxisError, r"^append: axis 2 is out of bounds for an array of 2"),
    (
        lambda: tb.insert(torch.zeros(3), 4, 1),
        IndexError,
        r"insert: index 4 is out of bounds for axis 0 with size 3; valid positions are in \[-3, 3\]",
    ),
    (
        lambda: tb.insert(torch.zeros(3), [0, -4], 1),
        IndexError,
        r"insert: index -4 is out of bounds",
    ),
    (lambda: tb.insert(torch.zeros(3), [True], 1), TypeError, r"insert: obj is a boolean array"),
    (
        lambda: tb.insert(M, 1, [1, 2], 0),
        ValueError,
        r"insert: values of shape \(1, 2\) cannot be broadcast to the inserted block's shape \(1, 3\)",
    ),
    (
        lambda: tb.insert(M, 1.5, 0),
        TypeError,
        r"insert: obj must have an integer dtype, got torch.float64",
    ),
    (
        lambda: tb.delete(torch.zeros(3), 3),
        IndexError,
        r"delete: index 3 is out of bounds for axis 0 with size 3; valid indices are in \[-3, 3\)",
    ),
    (lambda: tb.delete(torch.zeros(3), [0, 5]), IndexError, r"delete: index 5 is out of bounds"),
    (
        lambda: tb.delete(torch.zeros(3), [True, False]),
        ValueError,
        r"delete: a boolean obj must have the axis' length 3, got shape \(2,\)",
    ),
    (lambda: tb.delete(M, 0, 2), AxisError, r"delete: axis 2 is out of bounds"),
    (lambda: tb.resize(M, (2, -1)), ValueError, r"resize: new_shape \(2, -1\) has a negative size"),
    (lambda: tb.resize(M, "3"), TypeError, r"resize: new_shape '3' is not a tuple of integers"),
    (
        lambda: tb.trim_zeros(torch.zeros(3), "x"),
        ValueError,
        r"trim_zeros: trim='x' is not allowed",
    ),
    (
        lambda: tb.pad(M, 1, "nope"),
        ValueError,
        r"pad: mode='nope' is not supported; pass one of 'constant'",
    ),
    (lambda: tb.pad(M, 1, print), ValueError, r"a callable mode is not supported"),  # type: ignore[arg-type]
    (
        lambda: tb.pad(M, 1, "edge", constant_values=3),
        ValueError,
        r"pad: mode 'edge' takes no constant_values; it takes no options",
    ),
    (
        lambda: tb.pad(M, 1, "mean", reflect_type="odd"),
        ValueError,
        r"pad: mode 'mean' takes no reflect_type; it takes stat_length",
    ),
    (lambda: tb.pad(M, -1), ValueError, r"pad: pad_width=-1 has negative widths; widths are >= 0"),
    (lambda: tb.pad(M, 1.5), TypeError, r"pad: pad_width must be integers, got 1.5"),
    (
        lambda: tb.pad(M, ((1, 2, 3),)),
        ValueError,
        r"pad: pad_width=\(\(1, 2, 3\),\) does not give \(before, after\)",
    ),
    (
        lambda: tb.pad(torch.zeros(0, 2), 1, "edge"),
        ValueError,
        r"pad: cannot extend the empty axis 0 with mode 'edge', which reads values from the array",
    ),
    (
        lambda: tb.pad(M, 1, "maximum", stat_length=0),
        ValueError,
        r"pad: stat_length of 0 gives no maximum",
    ),
    (
        lambda: tb.pad(M, 1, "reflect", reflect_type="up"),
        ValueError,
        r"pad: reflect_type='up'; pass 'even' or 'odd'",
    ),
    (lambda: tb.atleast_2d(None), TypeError, r"atleast_2d: arys\[0\] must be array data"),
]


@pytest.mark.parametrize(("call", "error", "match"), BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_input_messages(
    call: Callable[[], Any], error: type[Exception], match: str | None
) -> None:
    if match is None:
        call()
        return
    with pytest.raises(error, match=match) as info:
        call()
    assert type(info.value) is not RuntimeError


# ---- autograd: one backward per family --------------------------------------------------------

FAMILIES: list[tuple[str, Callable[[torch.Tensor], torch.Tensor]]] = [
    ("stacking", lambda x: tb.vstack([x, x * 2])),
    ("splitting", lambda x: tb.array_split(x, 2, axis=1)[1]),
    ("reordering", lambda x: tb.rot90(tb.fliplr(x))),
    ("ravel", lambda x: tb.ravel(x, "F")),
    ("atleast", tb.atleast_3d),
    ("editing", lambda x: tb.delete(tb.insert(x, 1, 5.0, axis=1), 0, axis=0)),
    ("resize", lambda x: tb.resize(x, (4, 4))),
    ("trim_zeros", tb.trim_zeros),
    ("pad", lambda x: tb.pad(x, 2, "reflect")),
    ("pad stats", lambda x: tb.pad(x, 1, "mean")),
    ("pad ramp", lambda x: tb.pad(x, 1, "linear_ramp")),
]


@pytest.mark.parametrize(("name", "fn"), FAMILIES, ids=[f[0] for f in FAMILIES])
def test_one_backward_per_family(name: str, fn: Callable[[torch.Tensor], torch.Tensor]) -> None:
    base = np.arange(1.0, 7.0).reshape(2, 3)
    x = torch.tensor(base, requires_grad=True)
    out = fn(x)
    weights = np.arange(out.numel(), dtype=np.float64).reshape(tuple(out.shape))
    (out * torch.from_numpy(weights)).sum().backward()  # type: ignore[no-untyped-call]
    assert x.grad is not None
    # the gradient by finite differences of the same tbridge function on NumPy-made data
    eps = 1e-6
    expected = np.zeros_like(base)
    for i in np.ndindex(base.shape):
        bumped = base.copy()
        bumped[i] += eps
        up = (fn(torch.tensor(bumped)).numpy() * weights).sum()
        bumped[i] -= 2 * eps
        down = (fn(torch.tensor(bumped)).numpy() * weights).sum()
        expected[i] = (up - down) / (2 * eps)
    np.testing.assert_allclose(x.grad.numpy(), expected, rtol=1e-5, atol=1e-5)


# ---- shape, ndim, size ------------------------------------------------------------------------

INSPECT_SHAPES = [(), (0,), (3,), (2, 0, 3), (2, 3, 4)]


@pytest.mark.parametrize("dtype", FEW, ids=str)
@pytest.mark.parametrize("shape", INSPECT_SHAPES, ids=str)
def test_shape_ndim_size_of_tensors(dtype: torch.dtype, shape: Any, device: torch.device) -> None:
    t, a = make(shape, dtype, device)
    for got, want in [
        (tb.shape(t), np.shape(a)),
        (tb.ndim(t), np.ndim(a)),
        (tb.size(t), np.size(a)),
    ]:
        assert got == want
        assert type(got) is type(want)
    assert all(type(n) is int for n in tb.shape(t))


@pytest.mark.parametrize(
    "value",
    [
        3,
        2.5,
        True,
        1j,
        [],
        [1, 2],
        [[1.0, 2.0], [3.0, 4.0]],
        [[[1]]],
        np.ones((2, 3)),
        np.float32(2.0),
        np.zeros((0, 4)),
    ],
    ids=repr,
)
def test_shape_ndim_size_of_array_data(value: Any) -> None:
    assert tb.shape(value) == np.shape(value)
    assert type(tb.shape(value)) is tuple
    assert tb.ndim(value) == np.ndim(value)
    assert tb.size(value) == np.size(value)
    assert type(tb.size(value)) is int


@pytest.mark.parametrize(
    "axis",
    [0, 1, -1, -3]
    + [pytest.param(a, marks=needs_numpy2("size's tuple axis")) for a in [(0, 2), (), (-1, 0)]],
    ids=str,
)
@pytest.mark.parametrize("shape", [(2, 3, 4), (2, 0, 4)], ids=str)
def test_size_along_axes(shape: Any, axis: Any) -> None:
    t, a = make(shape, tb.float32, torch.device("cpu"))
    got = tb.size(t, axis)
    assert got == np.size(a, axis)
    assert type(got) is int


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (lambda: tb.size(tb.zeros((2, 3)), 2), AxisError, r"size: axis 2 is out of bounds"),
        (lambda: tb.size(tb.zeros(()), 0), AxisError, r"size: axis 0 is out of bounds"),
        (lambda: tb.size(tb.zeros(3), 0.5), TypeError, r"size: axis 0.5 is not an integer"),
        (lambda: tb.shape(None), TypeError, r"shape.*a.*None"),
        (lambda: tb.ndim("abc"), TypeError, r"ndim.*a"),
        (lambda: tb.shape([[1, 2], [3]]), ValueError, r"shape"),
    ],
)
def test_shape_functions_refuse(call: Callable[[], Any], exc: type[Exception], match: str) -> None:
    with pytest.raises(exc, match=match):
        call()


# ---- block ------------------------------------------------------------------------------------

BLOCK_LAYOUTS: list[Callable[[Callable[..., Any]], Any]] = [
    lambda m: m((2, 3)),
    lambda m: [m((2, 3)), m((2, 1))],
    lambda m: [[m((2, 2)), m((2, 1))], [m((1, 2)), m((1, 1))]],
    lambda m: [[m(())], [m(())]],
    lambda m: [m((3,)), m(())],
    lambda m: [[m((0, 2)), m((0, 1))]],
    lambda m: [[[m((2,))]], [[m((2,))]]],
    lambda m: [[m((2, 2, 2)), m((2, 2, 1))], [m((2, 1, 3))]],
    lambda m: [[m((2,))]],
]


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("layout", range(len(BLOCK_LAYOUTS)))
def test_block(dtype: torch.dtype, layout: int, device: torch.device) -> None:
    pairs: list[tuple[Any, Any]] = []

    def m(shape: tuple[int, ...]) -> int:
        pairs.append(make(shape, dtype, device))
        return len(pairs) - 1

    skeleton = BLOCK_LAYOUTS[layout](m)

    def fill(node: Any, side: int) -> Any:
        return [fill(n, side) for n in node] if isinstance(node, list) else pairs[node][side]

    assert_matches_numpy(tb.block(fill(skeleton, 0)), np.block(fill(skeleton, 1)), device=device)


@pytest.mark.parametrize(
    "layout", [[1, 2.5], [[1, 2], [3, 4]], [np.ones(2, np.float32), np.zeros(1, np.int8)]], ids=str
)
def test_block_of_array_data_promotes_as_numpy(layout: Any) -> None:
    assert_matches_numpy(tb.block(layout), np.block(layout))


def test_block_is_new_memory_and_on_the_graph() -> None:
    x = torch.ones((2, 2), dtype=torch.float64, requires_grad=True)
    single = tb.block([[x]])
    assert single.data_ptr() != x.data_ptr()
    tb.block([[x, 2 * x]]).sum().backward()
    assert x.grad is not None
    torch.testing.assert_close(x.grad, torch.full((2, 2), 3.0, dtype=torch.float64))


@pytest.mark.parametrize(
    ("arrays", "np_arrays", "exc", "match"),
    [
        ([], [], ValueError, r"block: the list at arrays is empty"),
        ([[1], 2], [[1], 2], ValueError, r"block: list depths are mismatched"),
        ((1, 2), (1, 2), TypeError, r"block: arrays is a tuple"),
        (
            [[tb.ones((2, 2))], [tb.ones((2, 3))]],
            [[np.ones((2, 2))], [np.ones((2, 3))]],
            ValueError,
            r"block: the blocks of arrays",
        ),
        ([None], None, TypeError, r"block"),  # NumPy: an object array
    ],
)
def test_block_refuses(arrays: Any, np_arrays: Any, exc: type[Exception], match: str) -> None:
    with pytest.raises(exc, match=match):
        tb.block(arrays)
    if np_arrays is not None:
        with pytest.raises(exc):
            np.block(np_arrays)


# ---- apply_along_axis, apply_over_axes --------------------------------------------------------


def _first_two(v: Any) -> Any:
    return v[:2]


def _outer_self(v: Any) -> Any:
    return v[:, None] * v[None, :]


APPLY_FUNCS: list[tuple[str, Callable[..., Any], Callable[..., Any]]] = [
    ("sum", tb.sum, np.sum),
    ("first_two", _first_two, _first_two),
    ("outer", _outer_self, _outer_self),
    ("cumsum", tb.cumsum, np.cumsum),
]


@pytest.mark.parametrize("dtype", [tb.int64, tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize(("shape", "axis"), [((3,), 0), ((3, 4), 0), ((3, 4), 1), ((2, 3, 4), -2),
                                             ((0, 2), 0)])  # fmt: skip
@pytest.mark.parametrize("func", APPLY_FUNCS, ids=lambda f: f[0])
def test_apply_along_axis(
    func: Any, shape: Any, axis: int, dtype: torch.dtype, device: torch.device
) -> None:
    _, tf, nf = func
    t, a = make(shape, dtype, device)
    assert_matches_numpy(tb.apply_along_axis(tf, axis, t), np.apply_along_axis(nf, axis, a),
                         device=device)  # fmt: skip


def test_apply_along_axis_passes_arguments_and_stays_on_the_graph() -> None:
    x = torch.arange(6.0, dtype=torch.float64).reshape(2, 3).requires_grad_()
    got = tb.apply_along_axis(tb.linalg.vector_norm, 1, x, ord=1)
    assert_matches_numpy(
        got.detach(), np.apply_along_axis(np.linalg.norm, 1, x.detach().numpy(), ord=1)
    )
    got.sum().backward()
    assert x.grad is not None


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (
            lambda: tb.apply_along_axis(tb.sum, 0, tb.ones(())),
            AxisError,
            "apply_along_axis: axis 0",
        ),
        (lambda: tb.apply_along_axis(tb.sum, 2, tb.ones((2, 2))), AxisError, "axis 2"),
        (lambda: tb.apply_along_axis(tb.sum, 0, tb.ones((3, 0))), ValueError, "no slice along"),
        (
            lambda: tb.apply_along_axis(lambda v: v[: int(v[0])], 1, tb.asarray([[1, 0], [2, 0]])),
            ValueError,
            "func1d returned shape",
        ),
        (
            lambda: tb.apply_over_axes(lambda t, i: t.sum(), tb.ones((2, 3)), 0),
            ValueError,
            "apply_over_axes: func returned a 0-d array",
        ),
        (lambda: tb.apply_over_axes(tb.sum, tb.ones((2, 3)), 3), AxisError, "axis 3"),
    ],
)
def test_apply_refuses(call: Callable[[], Any], exc: type[Exception], match: str) -> None:
    with pytest.raises(exc, match=match):
        call()


@pytest.mark.parametrize("dtype", [tb.int64, tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize(("shape", "axes"), [((3,), 0), ((2, 3, 4), [0, 2]), ((2, 3, 4), (-1,)),
                                             ((2, 0, 4), [1]), ((2, 3), [])])  # fmt: skip
@pytest.mark.parametrize("name", ["sum", "prod", "cumsum"])
def test_apply_over_axes(
    name: str, shape: Any, axes: Any, dtype: torch.dtype, device: torch.device
) -> None:
    t, a = make(shape, dtype, device)
    got = tb.apply_over_axes(getattr(tb, name), t, axes)
    assert_matches_numpy(got, np.apply_over_axes(getattr(np, name), a, axes), device=device)


def test_apply_over_axes_stays_on_the_graph() -> None:
    x = torch.ones((2, 3), dtype=torch.float64, requires_grad=True)
    tb.apply_over_axes(tb.sum, x, [0, 1]).sum().backward()
    assert x.grad is not None


# ---- sizes too big to exist, or to allocate ---------------------------------------------------


def _x3(m: Any) -> Any:
    return (
        m.asarray([1.0, 2.0, 3.0]) if m is np else torch.tensor([1.0, 2.0, 3.0], dtype=tb.float64)
    )


HUGE: list[tuple[str, Callable[[Any], Any], str]] = [
    ("resize-memory", lambda m: m.resize(_x3(m), NO_MEMORY), rf"^resize: {NO_MEMORY_TEXT}\) and "
     r"dtype torch.float64: the allocator cannot get that much memory; pass a smaller "
     r"new_shape"),
    ("pad", lambda m: m.pad(_x3(m), TOO_BIG // 2), rf"^pad: an array of shape \({TOO_BIG + 3},\) "
     rf".*{TOO_BIG_TEXT}; pass a smaller pad_width$"),
    ("pad-pair", lambda m: m.pad(_x3(m), (0, TOO_BIG), "edge"), rf"^pad: an array of shape "
     rf"\({TOO_BIG + 3},\) .*{TOO_BIG_TEXT}; pass a smaller pad_width$"),
    ("pad-memory", lambda m: m.pad(_x3(m), NO_MEMORY), r"^pad: unable to allocate 4.00 EiB for "
     r"an array of shape \(576460752303423491,\)"),
    ("pad-memory-reflect", lambda m: m.pad(_x3(m), (0, NO_MEMORY), "wrap"), r"^pad: unable to "
     r"allocate 2.00 EiB"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "message"), [h[1:] for h in HUGE], ids=[h[0] for h in HUGE])
def test_sizes_too_big_raise_numpys_error(call: Callable[[Any], Any], message: str) -> None:
    check_refused(call, message)


def test_pad_beyond_int64_is_a_value_error() -> None:
    # NumPy's own sum of the widths wraps around here (with a RuntimeWarning)
    with pytest.raises(ValueError, match=r"^pad: size 9223372036854775811 in shape "
                       r"\(9223372036854775811,\) is larger than 9223372036854775807"):  # fmt: skip
        tb.pad(_x3(tb), TOO_BIG)


def test_resize_to_a_shape_too_big_to_exist_is_a_value_error() -> None:
    # NumPy's resize builds a tuple of 2**60 references first and fails there with an empty
    # MemoryError; the (2**62,) float64 result cannot exist at all: ValueError
    with pytest.raises(ValueError, match=rf"^resize: an array of shape \({TOO_BIG},\) and dtype "
                       rf"torch.float64 {TOO_BIG_TEXT}; pass a smaller new_shape$"):  # fmt: skip
        tb.resize(_x3(tb), TOO_BIG)


@pytest.mark.parametrize("pad_width", [((1,), (2, 3)), ((1, 2), (3,))])
def test_pad_refuses_ragged_widths_as_numpy_does(pad_width: Any) -> None:
    with pytest.raises(ValueError, match="inhomogeneous"):
        np.pad(np.zeros((2, 3)), pad_width)
    with pytest.raises(ValueError, match="inhomogeneous"):
        tb.pad(torch.zeros(2, 3, dtype=torch.float64), pad_width)
