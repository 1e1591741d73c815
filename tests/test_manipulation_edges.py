"""Edge inputs of the manipulation functions, NumPy as the oracle.

Each test pins a case where tbridge once answered differently from NumPy: an axis outside a
1-d empty array, a negative size next to a zero, shapes given as NumPy arrays, empty axis
tuples, Python ints past int64 as shifts, NumPy arrays as ``x``, 0-d arrays with an axis,
unsigned dtypes torch has no kernel for, and values ``insert`` cannot hold.
"""

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
from tests._helpers import assert_matches_numpy, needs_numpy2


def _data(shape: tuple[int, ...], dtype: torch.dtype) -> np.ndarray:
    """Deterministic NumPy data of ``shape`` and ``dtype``'s twin, zeros at both ends."""
    n = int(np.prod(shape))
    values = np.arange(n) % 4
    if n > 2:
        values[0] = values[-1] = 0
    return values.reshape(shape).astype(numpy_dtype_of(dtype))


# ---- concat: an axis outside 1-d empty arrays ------------------------------------------------


@pytest.mark.parametrize("axis", [1, -2, 3])
@pytest.mark.parametrize("count", [2, 3])
@pytest.mark.parametrize("dtype", [tb.bool, tb.int8, tb.uint16, tb.float32, tb.complex64])
def test_concat_refuses_an_axis_outside_1d_empty_arrays(
    axis: int, count: int, dtype: torch.dtype
) -> None:
    arrays = [_data((0,), dtype)] * count
    with pytest.raises(AxisError):
        np.concatenate(arrays, axis=axis)
    with pytest.raises(AxisError, match=rf"concat: axis {axis} is out of bounds"):
        tb.concat([torch.from_numpy(a.copy()) for a in arrays], axis=axis)


@pytest.mark.parametrize("axis", [1, -2])
def test_append_refuses_an_axis_outside_1d_empty_arrays(axis: int) -> None:
    a = np.zeros(0)
    with pytest.raises(AxisError):
        np.append(a, a, axis=axis)
    with pytest.raises(AxisError, match=rf"append: axis {axis} is out of bounds"):
        tb.append(torch.from_numpy(a), torch.from_numpy(a), axis=axis)


@pytest.mark.parametrize("axis", [(0,), 1.0, "0"])
def test_append_names_itself_for_an_axis_of_the_wrong_type(axis: Any) -> None:
    a = np.zeros(2)
    with pytest.raises(TypeError):
        np.append(a, a, axis=axis)
    with pytest.raises(TypeError, match=r"^append: axis"):
        tb.append(torch.from_numpy(a), torch.from_numpy(a), axis=axis)


@pytest.mark.parametrize("axis", [0, -1])
@pytest.mark.parametrize("shape", [(0,), (3,), (2, 0)])
def test_concat_of_empty_arrays_along_a_valid_axis(shape: tuple[int, ...], axis: int) -> None:
    a = _data(shape, tb.float32)
    result = tb.concat([torch.from_numpy(a.copy()), torch.from_numpy(a.copy())], axis=axis)
    assert_matches_numpy(result, np.concatenate([a, a], axis=axis))


# ---- broadcast_to: a negative size next to a zero --------------------------------------------


@pytest.mark.parametrize("shape", [(0, -1), (0, -1, 1), (-1, 0), (2, 0, -3)])
@pytest.mark.parametrize("x_shape", [(), (1,), (1, 1)])
def test_broadcast_to_refuses_negative_sizes_next_to_a_zero(
    x_shape: tuple[int, ...], shape: tuple[int, ...]
) -> None:
    x = np.ones(x_shape)
    if len(x_shape) > len(shape):
        pytest.skip("fewer target dimensions than x's: another error")
    with pytest.raises(ValueError, match="must be non-negative"):
        np.broadcast_to(x, shape)
    with pytest.raises(ValueError, match=r"^broadcast_to: "):
        tb.broadcast_to(torch.from_numpy(x), shape)


# ---- shapes given as NumPy integer arrays ----------------------------------------------------

_SHAPED: list[tuple[str, Callable[..., Any], Callable[..., Any], tuple[int, ...], list[int]]] = [
    ("reshape", np.reshape, tb.reshape, (2, 3), [3, 2]),
    ("reshape", np.reshape, tb.reshape, (2, 3), [6]),
    ("broadcast_to", np.broadcast_to, tb.broadcast_to, (3,), [2, 3]),
    ("broadcast_to", np.broadcast_to, tb.broadcast_to, (), [4]),
    ("tile", np.tile, tb.tile, (2,), [2, 2]),
    ("tile", np.tile, tb.tile, (2, 1), [3]),
    ("resize", np.resize, tb.resize, (3,), [2, 2]),
    ("resize", np.resize, tb.resize, (2, 2), [5]),
]


@pytest.mark.parametrize("int_dtype", [np.int64, np.int32, np.uint8])
@pytest.mark.parametrize(("name", "np_fn", "tb_fn", "x_shape", "shape"), _SHAPED)
def test_a_shape_given_as_a_numpy_array(
    name: str,
    np_fn: Callable[..., Any],
    tb_fn: Callable[..., Any],
    x_shape: tuple[int, ...],
    shape: list[int],
    int_dtype: type,
) -> None:
    x = _data(x_shape, tb.int64)
    expected = np_fn(x, np.array(shape, dtype=int_dtype))
    assert_matches_numpy(
        tb_fn(torch.from_numpy(x.copy()), np.array(shape, dtype=int_dtype)), expected
    )


@pytest.mark.parametrize("shape", [np.array([[2, 3]]), np.array([2.0, 3.0])])
def test_a_shape_array_that_is_no_shape_is_a_type_error_naming_the_function(
    shape: np.ndarray,
) -> None:
    with pytest.raises(TypeError, match=r"^reshape: "):
        tb.reshape(tb.zeros(6), shape)  # type: ignore[arg-type]


# ---- roll: empty axis tuples, shifts past int64 ----------------------------------------------


@pytest.mark.parametrize("axis", [(), []])
@pytest.mark.parametrize("shift", [1, -2, (3,)])
@pytest.mark.parametrize("shape", [(3,), (2, 3), (0,), (2, 0)])
def test_roll_over_no_axes_is_a_copy(shape: tuple[int, ...], shift: Any, axis: Any) -> None:
    x = _data(shape, tb.int16)
    t = torch.from_numpy(x.copy())
    result = tb.roll(t, shift, axis=axis)
    assert_matches_numpy(result, np.roll(x, shift, axis=axis))
    assert result.data_ptr() != t.data_ptr() or t.numel() == 0


@pytest.mark.parametrize("shape", [(3,), (2, 3)])
def test_roll_over_no_axes_refuses_several_shifts(shape: tuple[int, ...]) -> None:
    x = _data(shape, tb.int64)
    with pytest.raises(ValueError, match="cannot be broadcast"):
        np.roll(x, (1, 2), axis=())
    with pytest.raises(ValueError, match=r"^roll: shift \(1, 2\) and axis \(\) do not pair up"):
        tb.roll(torch.from_numpy(x), (1, 2), axis=())


@needs_numpy2("NumPy 1 adds the shifts in int64, which overflows")
@pytest.mark.parametrize(
    ("shift", "axis"),
    [
        (2**62, (0, 0)),
        ((2**62, 2**62), None),
        (2**63, None),
        (2**63 + 1, 0),
        (-(2**63) - 2, -1),
        ((2**62, 2**62, 1), (0, 1, 0)),
    ],
)
@pytest.mark.parametrize("shape", [(3, 5), (0, 5)])
def test_roll_by_shifts_past_int64(shape: tuple[int, ...], shift: Any, axis: Any) -> None:
    x = _data(shape, tb.int64)
    assert_matches_numpy(
        tb.roll(torch.from_numpy(x.copy()), shift, axis=axis), np.roll(x, shift, axis)
    )


# ---- expand_dims and squeeze: NumPy arrays, empty axis tuples --------------------------------


@pytest.mark.parametrize("dtype", [np.bool_, np.float32])
@pytest.mark.parametrize("axis", [(), [], (0,), (-1, 0)])
@pytest.mark.parametrize("shape", [(), (2,), (2, 0)])
def test_expand_dims_of_a_numpy_array(shape: tuple[int, ...], axis: Any, dtype: type) -> None:
    x = np.zeros(shape, dtype=dtype)
    assert_matches_numpy(tb.expand_dims(x, axis), np.expand_dims(x, axis))  # type: ignore[arg-type]


@pytest.mark.parametrize("axis", [(), []])
@pytest.mark.parametrize("shape", [(), (2,), (1, 3)])
def test_squeeze_of_no_axes_keeps_the_shape(shape: tuple[int, ...], axis: Any) -> None:
    x = _data(shape, tb.float32)
    t = torch.from_numpy(x.copy())
    result = tb.squeeze(t, axis=axis)
    assert_matches_numpy(result, np.squeeze(x, axis=tuple(axis)))
    assert result.data_ptr() == t.data_ptr()  # a view, as documented


# ---- repeat: a 0-d array along its one implied axis ------------------------------------------


@pytest.mark.parametrize("axis", [0, -1])
@pytest.mark.parametrize("repeats", [0, 2, [3], np.array([2])])
@pytest.mark.parametrize("dtype", [tb.bool, tb.uint16, tb.float64])
def test_repeat_of_a_0d_array_along_axis_0(repeats: Any, axis: int, dtype: torch.dtype) -> None:
    x = np.array(1).astype(numpy_dtype_of(dtype))
    result = tb.repeat(torch.from_numpy(x.copy()), repeats, axis=axis)
    assert_matches_numpy(result, np.repeat(x, repeats, axis=axis))


@pytest.mark.parametrize("axis", [1, -2])
def test_repeat_of_a_0d_array_refuses_other_axes(axis: int) -> None:
    with pytest.raises(AxisError):
        np.repeat(np.array(1), 2, axis=axis)
    with pytest.raises(AxisError, match=r"^repeat: axis"):
        tb.repeat(torch.tensor(1), 2, axis=axis)


def test_repeat_of_a_0d_array_keeps_the_graph() -> None:
    x = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)
    tb.repeat(x, 3, axis=0).sum().backward()
    assert x.grad is not None
    assert x.grad.item() == 3.0


# ---- trim_zeros: the unsigned dtypes torch has no nonzero kernel for -------------------------


@needs_numpy2("trim_zeros takes axis= from NumPy 2.2")
@pytest.mark.parametrize("trim", ["fb", "f", "b"])
@pytest.mark.parametrize(
    ("shape", "axis"), [((5,), None), ((0,), None), ((3, 4), None), ((3, 4), 1)]
)
@pytest.mark.parametrize("dtype", [tb.uint16, tb.uint32, tb.uint64])
def test_trim_zeros_of_unsigned_dtypes(
    dtype: torch.dtype, shape: tuple[int, ...], axis: int | None, trim: str
) -> None:
    x = _data(shape, dtype)
    t = torch.from_numpy(x.copy())
    result = tb.trim_zeros(t, trim, axis=axis)  # type: ignore[arg-type]
    assert_matches_numpy(result, np.trim_zeros(x, trim, axis=axis))
    assert result.numel() == 0 or result.data_ptr() >= t.data_ptr()  # a view of t


# ---- insert: values the array's dtype cannot hold --------------------------------------------


@needs_numpy2("NumPy 1 wraps Python ints out of the dtype's range with a DeprecationWarning")
@pytest.mark.parametrize("obj", [0, [0], slice(0, 1)])
@pytest.mark.parametrize(
    ("dtype", "value"),
    [(tb.int8, 300), (tb.int8, -129), (tb.uint8, -1), (tb.uint8, 256), (tb.uint16, 2**16)],
)
def test_insert_refuses_python_ints_the_dtype_cannot_hold(
    dtype: torch.dtype, value: int, obj: Any
) -> None:
    x = _data((3,), dtype)
    with pytest.raises(OverflowError):
        np.insert(x, obj, value)
    with pytest.raises(OverflowError, match=rf"^insert: values: .*{value}"):
        tb.insert(torch.from_numpy(x), obj, value)


@pytest.mark.parametrize("obj", [0, [0, 2]])
@pytest.mark.parametrize("dtype", [tb.int8, tb.uint16, tb.float32, tb.float64])
def test_insert_refuses_complex_values_into_real_arrays(dtype: torch.dtype, obj: Any) -> None:
    x = _data((3,), dtype)
    with pytest.raises(TypeError):
        np.insert(x, obj, 1 + 2j)
    with pytest.raises(TypeError, match=r"^insert: values: \(1\+2j\) is complex"):
        tb.insert(torch.from_numpy(x), obj, 1 + 2j)


@pytest.mark.parametrize("values", [math.nan, [1.0, math.nan]], ids=str)
@pytest.mark.parametrize("dtype", [tb.int8, tb.int64, tb.uint8])
def test_insert_refuses_nan_into_integer_arrays(dtype: torch.dtype, values: Any) -> None:
    # The values were read as float64 and cast by torch: NaN became -2**63.
    x = _data((3,), dtype)
    with pytest.raises(ValueError, match="NaN"):
        np.insert(x, 0, values)
    with pytest.raises(ValueError, match=r"^insert: values: .*NaN"):
        tb.insert(torch.from_numpy(x), 0, values)


@pytest.mark.parametrize("value", [2**70, -(2**64), 2**63])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64, tb.complex64])
def test_insert_big_python_ints_into_floating_arrays(dtype: torch.dtype, value: int) -> None:
    # torch.full refused ints past int64 with its "int too big to convert".
    x = _data((3,), dtype)
    assert_matches_numpy(tb.insert(torch.from_numpy(x), 1, value), np.insert(x, 1, value))


@needs_numpy2("NumPy 1 wraps Python ints out of the dtype's range with a DeprecationWarning")
@pytest.mark.parametrize("value", [7, -3, 2.7, True, 1 + 2j])
@pytest.mark.parametrize("dtype", [tb.int8, tb.uint8, tb.uint64, tb.float16, tb.complex64, tb.bool])
def test_insert_casts_python_scalars_as_numpy(dtype: torch.dtype, value: Any) -> None:
    x = _data((3,), dtype)
    try:
        expected = np.insert(x, 1, value)
    except (TypeError, OverflowError) as e:
        with pytest.raises(type(e)):
            tb.insert(torch.from_numpy(x.copy()), 1, value)
        return
    assert_matches_numpy(tb.insert(torch.from_numpy(x.copy()), 1, value), expected)


# ---- insert: one position given as a sequence ------------------------------------------------

_ONE_POSITION: list[tuple[tuple[int, ...], Any, Any, int | None]] = [
    ((3,), [1], [7, 8], None),
    ((3,), np.array([1]), [7, 8, 9], None),
    ((3,), (3,), [7, 8], 0),
    ((3,), [-1], [7, 8], 0),
    ((2, 3), [1], [[7, 8, 9], [1, 2, 3]], 0),
    ((2, 3), [1], [[7], [8]], 1),
    ((2, 3), [2], [[7, 8], [1, 2]], 1),
    ((2, 3), [0], 5, 1),
    ((2, 3), [0], [5, 6], 1),
    ((0,), [0], [7, 8], -1),
]


@pytest.mark.parametrize(("shape", "obj", "values", "axis"), _ONE_POSITION)
def test_insert_at_one_position_given_as_a_sequence(
    shape: tuple[int, ...], obj: Any, values: Any, axis: int | None
) -> None:
    x = _data(shape, tb.int64)
    result = tb.insert(torch.from_numpy(x.copy()), obj, values, axis=axis)
    assert_matches_numpy(result, np.insert(x, obj, values, axis=axis))


def test_insert_at_one_position_given_as_a_sequence_keeps_the_graph() -> None:
    x = torch.zeros(2, 3, dtype=torch.float64, requires_grad=True)
    v = torch.ones(2, 2, dtype=torch.float64, requires_grad=True)
    tb.insert(x, [1], v, axis=1).sum().backward()
    assert x.grad is not None
    assert v.grad is not None
    assert torch.equal(v.grad, torch.ones(2, 2, dtype=torch.float64))


# ---- an axis that is no integer, on a 0-d array ----------------------------------------------

_ZERO_D_AXIS: list[tuple[str, Callable[..., Any], Callable[..., Any], tuple[Any, ...]]] = [
    ("delete", np.delete, tb.delete, (0,)),
    ("insert", np.insert, tb.insert, (0, 5)),
    ("split", np.split, tb.split, (1,)),
    ("array_split", np.array_split, tb.array_split, (1,)),
    ("roll", np.roll, tb.roll, (1,)),
]


@pytest.mark.parametrize("axis", [1.0, (0,), "0"])
@pytest.mark.parametrize(("name", "np_fn", "tb_fn", "args"), _ZERO_D_AXIS)
def test_an_axis_of_the_wrong_type_on_a_0d_array_is_a_type_error(
    name: str,
    np_fn: Callable[..., Any],
    tb_fn: Callable[..., Any],
    args: tuple[Any, ...],
    axis: Any,
) -> None:
    if name == "roll" and axis == (0,):
        pytest.skip("a tuple of axes is an axis for roll")
    with pytest.raises(TypeError):
        np_fn(np.array(1), *args, axis=axis)
    with pytest.raises(TypeError, match=rf"^{name}: axis"):
        tb_fn(torch.tensor(1), *args, axis=axis)


@pytest.mark.parametrize("axis", [0, -1, (0,)])
@pytest.mark.parametrize(
    ("name", "np_fn", "tb_fn", "args"),
    [case for case in _ZERO_D_AXIS if "split" not in case[0]],  # NumPy's fail inside
)
def test_an_integer_axis_on_a_0d_array_is_an_axis_error(
    name: str,
    np_fn: Callable[..., Any],
    tb_fn: Callable[..., Any],
    args: tuple[Any, ...],
    axis: Any,
) -> None:
    if axis == (0,) and name != "roll":
        pytest.skip("a tuple is no axis here")
    with pytest.raises(AxisError):
        np_fn(np.array(1), *args, axis=axis)
    with pytest.raises(AxisError, match=rf"^{name}: axis -?[01] is out of bounds: x is 0-d"):
        tb_fn(torch.tensor(1), *args, axis=axis)
