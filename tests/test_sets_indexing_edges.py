"""Edge cases of the set, sorting and indexing functions, NumPy as the oracle: Python scalars
beside arrays, 0-d input, kth and key forms NumPy refuses, dtypes at their limits.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tests._helpers import assert_matches_numpy, needs_numpy2


def tensor_of(a: Any) -> torch.Tensor:
    """``a`` as a tensor of NumPy's dtype for it (a new copy)."""
    return tb.asarray(np.array(a, copy=True))


# ---- isin: a Python scalar is an array of NumPy's default dtype, not a weak scalar ----------

ARRAYS_BESIDE_SCALARS = [
    np.array([0.1, 2.0, 2048.0], dtype=np.float32),
    np.array([2048.0, np.inf, 1.0], dtype=np.float16),
    np.array([1, 2, 3], dtype=np.int8),
    np.array([2**63, 1, 2**64 - 1], dtype=np.uint64),
]
SCALARS = [0.1, 2049, 2**63 + 1, 2**64 - 1, 1.0, -1]


@pytest.mark.parametrize("scalar", SCALARS, ids=repr)
@pytest.mark.parametrize("a", ARRAYS_BESIDE_SCALARS, ids=lambda a: str(a.dtype))
@pytest.mark.parametrize("invert", [False, True])
def test_isin_of_a_python_scalar_element(a: Any, scalar: Any, invert: bool) -> None:
    assert_matches_numpy(
        tb.isin(scalar, tensor_of(a), invert=invert), np.isin(scalar, a, invert=invert)
    )


@needs_numpy2("NumPy 1.x compares a scalar test_elements by value-based casting")
@pytest.mark.parametrize("scalar", SCALARS, ids=repr)
@pytest.mark.parametrize("a", ARRAYS_BESIDE_SCALARS, ids=lambda a: str(a.dtype))
@pytest.mark.parametrize("invert", [False, True])
def test_isin_against_a_python_scalar(a: Any, scalar: Any, invert: bool) -> None:
    assert_matches_numpy(
        tb.isin(tensor_of(a), scalar, invert=invert), np.isin(a, scalar, invert=invert)
    )


# ---- argsort and argpartition read a 0-d array as 1-d ---------------------------------------


@pytest.mark.parametrize("axis", [-1, 0, None])
@pytest.mark.parametrize("value", [np.array(3.5), np.array(7, dtype=np.int8), np.array(True)])
def test_argsort_of_0d(value: Any, axis: int | None) -> None:
    assert_matches_numpy(tb.argsort(tensor_of(value), axis=axis), np.argsort(value, axis=axis))
    assert_matches_numpy(
        tb.argsort(tensor_of(value), axis=axis, kind="stable"),
        np.argsort(value, axis=axis, kind="stable"),
    )


@pytest.mark.parametrize("axis", [-1, 0, None])
@pytest.mark.parametrize("kth", [0, -1, [0], [-1, 0]], ids=repr)
def test_argpartition_of_0d(kth: Any, axis: int | None) -> None:
    value = np.array(2.5)
    assert_matches_numpy(
        tb.argpartition(tensor_of(value), kth, axis=axis),
        np.argpartition(value, kth, axis=axis),
    )


@pytest.mark.parametrize("axis", [1, -2, 5])
@pytest.mark.parametrize(
    "call", [lambda m, v, ax: m.argsort(v, axis=ax), lambda m, v, ax: m.argpartition(v, 0, ax)]
)
def test_argsort_of_0d_past_its_one_axis(call: Any, axis: int) -> None:
    value = np.array(2.5)
    with pytest.raises(np.exceptions.AxisError):
        call(np, value, axis)
    with pytest.raises(np.exceptions.AxisError, match=rf"axis {axis} is out of bounds"):
        call(tb, tensor_of(value), axis)


@pytest.mark.parametrize("fn", ["argsort", "argpartition"])
def test_0d_argsort_kth_past_the_one_element(fn: str) -> None:
    value = np.array(2.5)
    with pytest.raises(ValueError, match=r"kth\(=1\) out of bounds \(1\)"):
        np.argpartition(value, 1)
    if fn == "argpartition":
        with pytest.raises(ValueError, match=r"^argpartition: kth\(=1\) out of bounds \(1\)"):
            tb.argpartition(tensor_of(value), 1)
    else:  # no kth: the one-element answer
        assert_matches_numpy(tb.argsort(tensor_of(value)), np.argsort(value))


# ---- partition's kth: NumPy's classes for booleans and empty sequences ------------------------

BOOL_KTHS = [True, np.True_, [True], (False, True), np.array([True])]


@needs_numpy2("NumPy 1.x reads boolean kth as 0 and 1")
@pytest.mark.parametrize("fn", ["partition", "argpartition"])
@pytest.mark.parametrize("kth", BOOL_KTHS, ids=repr)
def test_partition_refuses_boolean_kth(fn: str, kth: Any) -> None:
    a = np.array([3, 1, 2])
    with pytest.raises(ValueError, match="Booleans unacceptable"):
        getattr(np, fn)(a, kth)
    with pytest.raises(ValueError, match=rf"^{fn}: kth=.* holds booleans, which are not positions"):
        getattr(tb, fn)(tensor_of(a), kth)


@pytest.mark.parametrize("fn", ["partition", "argpartition"])
@pytest.mark.parametrize("kth", [[], ()], ids=repr)
@pytest.mark.parametrize("source", ["tensor", "list"])
def test_partition_refuses_an_empty_kth_sequence(fn: str, kth: Any, source: str) -> None:
    a = np.array([3.0, 1.0, 2.0])
    with pytest.raises(TypeError):
        getattr(np, fn)(a, kth)
    arg = tensor_of(a) if source == "tensor" else a.tolist()
    with pytest.raises(TypeError, match=rf"^{fn}: kth=.* holds no integers"):
        getattr(tb, fn)(arg, kth)


@pytest.mark.parametrize("fn", ["partition", "argpartition"])
def test_partition_takes_an_empty_integer_kth_array(fn: str) -> None:
    a = np.array([3.0, 1.0, 2.0])
    kth = np.array([], dtype=np.int64)
    got = getattr(tb, fn)(tensor_of(a), tensor_of(kth))
    expected = getattr(np, fn)(a, kth)
    # NumPy leaves the order open when no position is asked for: compare the sorted values.
    assert_matches_numpy(torch.sort(got).values, np.sort(expected))


# ---- lexsort of a 0-d array: no keys --------------------------------------------------------


@pytest.mark.parametrize("keys", [np.array(3), np.array(2.5), np.array(True)], ids=repr)
def test_lexsort_of_a_0d_array_has_no_keys(keys: Any) -> None:
    with pytest.raises(TypeError):
        np.lexsort(keys)
    with pytest.raises(TypeError, match=r"^lexsort: keys is a 0-d array, which holds no keys"):
        tb.lexsort(tensor_of(keys))


@pytest.mark.parametrize("keys", [(np.array(3),), (np.array(1.5), np.array(2.5))], ids=repr)
def test_lexsort_of_0d_keys(keys: Any) -> None:
    assert_matches_numpy(tb.lexsort(tuple(tensor_of(k) for k in keys)), np.lexsort(keys))


# ---- writing Python values into an array: put, put_along_axis, fill_diagonal -----------------


def _put(m: Any, a: Any, v: Any) -> None:
    m.put(a, [0, 4], v)


def _put_along_axis(m: Any, a: Any, v: Any) -> None:
    idx = np.array([[0], [1], [2]])
    m.put_along_axis(a, idx if m is np else tensor_of(idx), v, 1)


def _fill_diagonal(m: Any, a: Any, v: Any) -> None:
    m.fill_diagonal(a, v)


WRITERS = [_put, _put_along_axis, _fill_diagonal]
INT_DTYPES = [np.int8, np.int64, np.uint8, np.uint64]


@pytest.mark.parametrize("write", WRITERS, ids=lambda f: f.__name__[1:])
@pytest.mark.parametrize("dtype", [*INT_DTYPES, np.float32, np.bool_], ids=lambda d: d.__name__)
@pytest.mark.parametrize("value", [5, 2.7, True, [1.5], 0.0], ids=repr)
def test_python_values_written_as_numpy_writes_them(write: Any, dtype: Any, value: Any) -> None:
    expected = np.zeros((3, 3), dtype=dtype)
    write(np, expected, value)
    got = tensor_of(np.zeros((3, 3), dtype=dtype))
    write(tb, got, value)
    assert_matches_numpy(got, expected)


@pytest.mark.parametrize("write", WRITERS, ids=lambda f: f.__name__[1:])
@pytest.mark.parametrize("dtype", INT_DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize(
    ("value", "error", "match"),
    [
        (math.nan, ValueError, r"nan cannot be read as torch\.u?int\d+: integers hold no NaN"),
        ([math.nan], ValueError, r"cannot read the sequence as torch\.u?int\d+: .*NaN"),
        (math.inf, OverflowError, r"inf cannot be read as torch\.u?int\d+: .*no infinity"),
        (1j, TypeError, r"1j is complex and torch\.u?int\d+ is not"),
        ([1j, 2], TypeError, r"the sequence holds complex numbers and torch\.u?int\d+ is real"),
    ],
    ids=repr,
)
def test_python_values_an_integer_array_cannot_hold(
    write: Any, dtype: Any, value: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error):
        write(np, np.zeros((3, 3), dtype=dtype), value)
    got = tensor_of(np.zeros((3, 3), dtype=dtype))
    with pytest.raises(error, match=rf"^{write.__name__[1:]}: (v|values|val): {match}"):
        write(tb, got, value)
    assert not got.any()  # nothing written


@needs_numpy2("NumPy 1.x wraps Python integers out of the dtype's range")
@pytest.mark.parametrize("write", WRITERS, ids=lambda f: f.__name__[1:])
@pytest.mark.parametrize(
    ("dtype", "value"),
    [
        (np.int8, 300),
        (np.int8, [1.5, 300]),
        (np.uint8, -1),
        (np.uint8, 256),
        (np.uint8, [-2.5]),
        (np.int64, 2**63),
        (np.uint64, -1),
    ],
    ids=repr,
)
def test_python_integers_out_of_the_dtype_range(write: Any, dtype: Any, value: Any) -> None:
    with pytest.raises(OverflowError):
        write(np, np.zeros((3, 3), dtype=dtype), value)
    got = tensor_of(np.zeros((3, 3), dtype=dtype))
    with pytest.raises(
        OverflowError,
        match=r"(Python integer -?\d+ is out of bounds for torch|a value does not fit torch\.\w+ "
        r"\(Python integer -?\d+ out of bounds)",
    ):
        write(tb, got, value)
    assert not got.any()


@pytest.mark.parametrize("shape", [(0, 3), (3, 0), (0, 0)])
@pytest.mark.parametrize(
    ("value", "error"), [(float("nan"), ValueError), (2**63, OverflowError)], ids=repr
)
def test_fill_diagonal_of_an_empty_array_checks_the_value(
    shape: tuple[int, int], value: Any, error: type[Exception]
) -> None:
    with pytest.raises(error):
        np.fill_diagonal(np.zeros(shape, dtype=np.int64), value)
    with pytest.raises(error, match=r"^fill_diagonal: val: (nan cannot be read|Python integer)"):
        tb.fill_diagonal(tb.zeros(shape, dtype=tb.int64), value)


@pytest.mark.parametrize("write", WRITERS, ids=lambda f: f.__name__[1:])
def test_complex_python_values_into_a_real_array(write: Any) -> None:
    with pytest.raises(TypeError):
        write(np, np.zeros((3, 3)), 1j)
    with pytest.raises(TypeError, match=r"1j is complex and torch\.float64 is not"):
        write(tb, tb.zeros((3, 3)), 1j)


@needs_numpy2("NumPy 1.x writes no positions when the values are empty")
@pytest.mark.parametrize("mode", ["raise", "wrap", "clip"])
@pytest.mark.parametrize("v", [7, []], ids=repr)
def test_put_into_an_empty_array(mode: str, v: Any) -> None:
    if mode != "wrap":  # (NumPy's wrap mode loops on an empty array)
        with pytest.raises(IndexError, match="cannot replace elements of an empty array"):
            np.put(np.zeros(0), [0], v, mode=mode)  # type: ignore[arg-type]
    with pytest.raises(IndexError, match=r"^put: cannot write into an empty array \(a has shape"):
        tb.put(tb.zeros(0), [0], v, mode=mode)  # type: ignore[arg-type]


@pytest.mark.parametrize("v", [7, []], ids=repr)
def test_put_of_no_positions_into_an_empty_array(v: Any) -> None:
    expected = np.zeros(0)
    np.put(expected, [], v)
    got = tb.zeros(0)
    tb.put(got, [], v)
    assert_matches_numpy(got, expected)


# ---- select: Python integers beside a small integer dtype ------------------------------------

INT8_CHOICE = np.array([1, 2, 3], dtype=np.int8)
SELECT_CONDS = [np.array([True, False, False]), np.array([False, True, False])]


@pytest.mark.parametrize(
    ("choices", "default"),
    [([INT8_CHOICE, 100], 0), ([INT8_CHOICE, INT8_CHOICE], -128), ([INT8_CHOICE, 5], 127)],
    ids=repr,
)
def test_select_with_python_integers_in_range(choices: Any, default: Any) -> None:
    got = tb.select(
        [tensor_of(c) for c in SELECT_CONDS],
        [tensor_of(c) if isinstance(c, np.ndarray) else c for c in choices],
        default,
    )
    assert_matches_numpy(got, np.select(SELECT_CONDS, choices, default))


@pytest.mark.parametrize(
    ("choices", "default"),
    [([INT8_CHOICE, 300], 0), ([INT8_CHOICE, INT8_CHOICE], 300), ([INT8_CHOICE, 5], -129)],
    ids=repr,
)
def test_select_with_python_integers_out_of_range(choices: Any, default: Any) -> None:
    # NumPy 2 wraps the integer into int8 (300 -> 44) without a word, NumPy 1 widens to int16;
    # tbridge keeps NEP 50's rule for Python integers and says so.
    with pytest.raises(OverflowError, match=r"^select: Python integer -?\d+ is out of bounds"):
        tb.select(
            [tensor_of(c) for c in SELECT_CONDS],
            [tensor_of(c) if isinstance(c, np.ndarray) else c for c in choices],
            default,
        )


# ---- take and compress read a 0-d array as 1-d along any axis --------------------------------


@pytest.mark.parametrize("mode", ["raise", "wrap", "clip"])
@pytest.mark.parametrize("axis", [0, -1, None])
@pytest.mark.parametrize("indices", [0, -1, [0], [0, -1, 0], [[0], [0]], np.array([0])], ids=repr)
def test_take_from_0d(indices: Any, axis: int | None, mode: str) -> None:
    x = np.array(2.5)
    ind = tensor_of(indices) if isinstance(indices, np.ndarray) else indices
    assert_matches_numpy(
        tb.take(tensor_of(x), ind, axis=axis, mode=mode),  # type: ignore[arg-type]
        np.take(x, indices, axis=axis, mode=mode),  # type: ignore[call-overload]
    )


@pytest.mark.parametrize("axis", [0, -1])
@pytest.mark.parametrize("indices", [1, [0, -2]], ids=repr)
def test_take_from_0d_out_of_range(indices: Any, axis: int) -> None:
    with pytest.raises(IndexError):
        np.take(np.array(2.5), indices, axis=axis)
    with pytest.raises(
        IndexError, match=r"^take: index -?\d+ is out of range for axis 0 of size 1"
    ):
        tb.take(tb.asarray(2.5), indices, axis=axis)


def _take0(m: Any, x: Any, axis: int) -> Any:
    return m.take(x, 0, axis=axis)


def _compress_true(m: Any, x: Any, axis: int) -> Any:
    return m.compress([True], x, axis=axis)


@pytest.mark.parametrize("call", [_take0, _compress_true], ids=lambda f: f.__name__[1:])
@pytest.mark.parametrize("axis", [1, -2])
def test_0d_past_its_one_axis(call: Any, axis: int) -> None:
    with pytest.raises(np.exceptions.AxisError):
        call(np, np.array(2.5), axis)
    with pytest.raises(np.exceptions.AxisError, match=rf"axis {axis} is out of bounds for an arr"):
        call(tb, tb.asarray(2.5), axis)


@pytest.mark.parametrize("axis", [0, -1, None])
@pytest.mark.parametrize("condition", [[True], [False], [], [True, False], [1]], ids=repr)
def test_compress_of_0d(condition: Any, axis: int | None) -> None:
    x = np.array(7, dtype=np.int8)
    assert_matches_numpy(
        tb.compress(condition, tensor_of(x), axis=axis), np.compress(condition, x, axis=axis)
    )


# ---- place and putmask: Python values and NumPy scalars as NumPy writes them -----------------


def _putmask(m: Any, a: Any, mask: Any, v: Any) -> None:
    m.putmask(a, mask, v)


def _place(m: Any, a: Any, mask: Any, v: Any) -> None:
    m.place(a, mask, v)


MASK = np.array([True, False, True, True])


@pytest.mark.parametrize("write", [_putmask, _place], ids=lambda f: f.__name__[1:])
@pytest.mark.parametrize(
    "dtype", [np.int64, np.uint8, np.float32, np.bool_], ids=lambda d: d.__name__
)
@pytest.mark.parametrize("value", [2.7, [2.7, 1], np.float64(1.5), True, 3], ids=repr)
def test_masked_writes_of_python_values(write: Any, dtype: Any, value: Any) -> None:
    expected = np.zeros(4, dtype=dtype)
    write(np, expected, MASK, value)
    got = tensor_of(np.zeros(4, dtype=dtype))
    write(tb, got, tensor_of(MASK), value)
    assert_matches_numpy(got, expected)


@pytest.mark.parametrize("write", [_putmask, _place], ids=lambda f: f.__name__[1:])
@pytest.mark.parametrize(
    ("value", "error", "match"),
    [
        (math.nan, ValueError, r"nan cannot be read as torch\.int64: integers hold no NaN"),
        ([1.0, math.inf], OverflowError, r"does not fit torch\.int64 \(cannot convert float inf"),
    ],
    ids=repr,
)
def test_masked_writes_an_integer_array_cannot_hold(
    write: Any, value: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error):
        write(np, np.zeros(4, dtype=np.int64), MASK, value)
    got = tb.zeros(4, dtype=tb.int64)
    with pytest.raises(error, match=match):
        write(tb, got, tensor_of(MASK), value)
    assert not got.any()


@pytest.mark.parametrize("values", [[], np.array([], dtype=np.int64)], ids=repr)
def test_putmask_of_empty_values_writes_nothing(values: Any) -> None:
    expected = np.arange(4)
    np.putmask(expected, MASK, values)
    got = tb.arange(4)
    tb.putmask(
        got, tensor_of(MASK), tensor_of(values) if isinstance(values, np.ndarray) else values
    )
    assert_matches_numpy(got, expected)


# ---- ravel_multi_index into a shape with a size 0 ---------------------------------------------


@pytest.mark.parametrize("mode", ["raise", "wrap", "clip", ("clip", "wrap")], ids=repr)
@pytest.mark.parametrize("dims", [(0, 3), (3, 0)])
@pytest.mark.parametrize("multi_index", [([0], [0]), (0, 0), ([1, 0], [0])], ids=repr)
def test_ravel_multi_index_into_an_empty_shape(multi_index: Any, dims: Any, mode: Any) -> None:
    with pytest.raises(ValueError, match="cannot unravel if shape has zero entries"):
        np.ravel_multi_index(multi_index, dims, mode)
    with pytest.raises(ValueError, match=r"^ravel_multi_index: dims=\(\d, \d\) has a size 0"):
        tb.ravel_multi_index(multi_index, dims, mode)


def test_ravel_multi_index_of_no_coordinates_into_an_empty_shape() -> None:
    none = np.zeros(0, dtype=np.int64)
    assert_matches_numpy(
        tb.ravel_multi_index((tensor_of(none), tensor_of(none)), (0, 3)),
        np.ravel_multi_index((none, none), (0, 3)),
    )


# ---- take_along_axis and put_along_axis: indices that do not broadcast are an IndexError -------

ALONG_X = np.arange(12.0).reshape(3, 4)


@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("shape", [(2, 2), (2, 3), (4, 5)])
def test_along_axis_indices_that_do_not_broadcast(shape: tuple[int, int], axis: int) -> None:
    idx = np.zeros(shape, dtype=np.int64)
    with pytest.raises(IndexError, match="shape mismatch"):
        np.take_along_axis(ALONG_X, idx, axis)
    with pytest.raises(IndexError, match="shape mismatch"):
        np.put_along_axis(ALONG_X.copy(), idx, 1.0, axis)
    with pytest.raises(IndexError, match=r"^take_along_axis: indices of shape \(\d, \d\) do not"):
        tb.take_along_axis(tensor_of(ALONG_X), tensor_of(idx), axis)
    with pytest.raises(IndexError, match=r"^put_along_axis: indices of shape \(\d, \d\) do not"):
        tb.put_along_axis(tensor_of(ALONG_X), tensor_of(idx), 1.0, axis)


@pytest.mark.parametrize("fn", ["take_along_axis", "put_along_axis"])
@pytest.mark.parametrize("shape", [(1,), (1, 1, 1)])
def test_along_axis_indices_of_another_rank(fn: str, shape: tuple[int, ...]) -> None:
    idx = np.zeros(shape, dtype=np.int64)
    args: tuple[Any, ...] = () if fn == "take_along_axis" else (1.0,)
    with pytest.raises(ValueError, match="must have the same number of dimensions"):
        getattr(np, fn)(ALONG_X.copy(), idx, *args, 1)
    with pytest.raises(ValueError, match=rf"^{fn}: indices must have as many dimensions as"):
        getattr(tb, fn)(tensor_of(ALONG_X), tensor_of(idx), *args, 1)
