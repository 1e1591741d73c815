"""Manipulation and indexing functions: NumPy as the oracle, metadata first, then values.

Every function runs on every device of the ``device`` fixture (meta included: shape, dtype and
device only) and over the dtypes torch handles differently (bool, the unsigned types torch has
no kernels for, complex). Views are checked by mutation, copies by independence, and every
result by a backward pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from numpy.exceptions import AxisError

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of
from tbridge._namespace import manipulation as _manipulation
from tests._helpers import NUMPY2, assert_matches_numpy, needs_numpy2
from tests._huge import NO_MEMORY, TOO_BIG, TOO_BIG_TEXT, check_refused
from tests._numpy_compat import np2

ALL = [
    tb.bool,
    tb.int8,
    tb.int32,
    tb.int64,
    tb.uint8,
    tb.uint16,
    tb.uint32,
    tb.uint64,
    tb.float32,
    tb.float64,
    tb.complex128,
]
GAPS = [tb.uint16, tb.uint32, tb.uint64]
SOME = [tb.bool, tb.int64, tb.uint16, tb.uint64, tb.float64, tb.complex128]


def data(shape: tuple[int, ...], dtype: torch.dtype) -> np.ndarray[Any, Any]:
    """Distinct values of ``dtype`` (unsigned ones above the signed range: bits must survive)."""
    n = int(np.prod(shape))
    nd = numpy_dtype_of(dtype)
    assert nd is not None
    values: np.ndarray[Any, Any]
    if nd == np.bool_:
        values = np.arange(n) % 3 == 0
    elif nd.kind == "u":
        values = np.arange(n, dtype=nd)
        values += np.iinfo(nd).max // 2 + 1
    elif nd.kind == "c":
        values = (np.arange(n) + 1j * np.arange(n, 0, -1)).astype(nd)
    else:
        values = np.arange(n).astype(nd)
    return values.reshape(shape)


def make(
    shape: tuple[int, ...], dtype: torch.dtype, device: torch.device
) -> tuple[torch.Tensor, Any]:
    a = data(shape, dtype)
    return tb.asarray(a, device=device), a


def index(values: list[Any], device: torch.device, dtype: torch.dtype = tb.int64) -> torch.Tensor:
    return torch.tensor(values, dtype=dtype, device=device)


def check(out: torch.Tensor, expected: Any, device: torch.device) -> None:
    """Metadata before values: type, shape, dtype, device, then the data (not on meta)."""
    expected = np.asarray(expected)
    assert type(out) is torch.Tensor
    assert tuple(out.shape) == expected.shape
    assert numpy_dtype_of(out.dtype) == expected.dtype
    assert out.device.type == device.type
    if device.type != "meta":
        np.testing.assert_array_equal(out.detach().cpu().numpy(), expected)


def check_all(outs: tuple[torch.Tensor, ...], expected: Any, device: torch.device) -> None:
    assert type(outs) is tuple
    assert len(outs) == len(expected)
    for o, e in zip(outs, expected, strict=True):
        check(o, e, device)


# ---- namespace ------------------------------------------------------------------------------


def test_all_exported() -> None:
    assert set(_manipulation.__all__) <= set(tb.__all__)
    assert all(getattr(tb, name) is getattr(_manipulation, name) for name in _manipulation.__all__)


# ---- broadcasting ---------------------------------------------------------------------------

SHAPES = [
    ((), ()),
    ((2, 1), (3,)),
    ((5, 1, 4), (3, 1), (1,)),
    ((0, 1), (1, 3)),
    ((4,), 4),
    (),
]


@pytest.mark.parametrize("shapes", SHAPES, ids=str)
def test_broadcast_shapes(shapes: tuple[Any, ...]) -> None:
    out = tb.broadcast_shapes(*shapes)
    assert type(out) is tuple
    assert out == np.broadcast_shapes(*shapes)


def test_broadcast_shapes_accepts_sizes() -> None:
    assert tb.broadcast_shapes(torch.Size([2, 1]), (np.int64(3),)) == (2, 3)


@pytest.mark.parametrize(
    ("shapes", "match"),
    [
        (((2, 1), (3, 4)), r"broadcast_shapes: shapes \(2, 1\), \(3, 4\) cannot be broadcast "
         r"together: sizes 2 and 3 at dimension -2 differ and neither is 1"),
        (((3,), (-1,)), r"broadcast_shapes: negative size -1 in shape \(-1,\)"),
    ],
)  # fmt: skip
def test_broadcast_shapes_errors(shapes: tuple[Any, ...], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        tb.broadcast_shapes(*shapes)


def test_broadcast_shapes_type_error() -> None:
    with pytest.raises(TypeError, match=r"size 1.5 in shape \(1.5,\) is not an integer"):
        tb.broadcast_shapes((1.5,))  # type: ignore[arg-type]


@pytest.mark.parametrize("shape", [{}, {3: 1}, {3}, frozenset()], ids=repr)
def test_broadcast_shapes_refuses_unordered_containers(shape: Any) -> None:
    with pytest.raises(TypeError):
        np.broadcast_shapes(shape)  # NumPy's verdict
    message = rf"^broadcast_shapes: shape {re.escape(repr(shape))} is not a tuple of integers"
    with pytest.raises(TypeError, match=message):
        tb.broadcast_shapes(shape)


@pytest.mark.parametrize("dtype", SOME, ids=str)
def test_broadcast_to(dtype: torch.dtype, device: torch.device) -> None:
    x, a = make((3, 1), dtype, device)
    check(tb.broadcast_to(x, (2, 3, 4)), np.broadcast_to(a, (2, 3, 4)), device)


def test_broadcast_to_errors() -> None:
    with pytest.raises(ValueError, match=r"broadcast_to: an array of shape \(3, 4\) cannot be "
                       r"broadcast to shape \(3,\)"):  # fmt: skip
        tb.broadcast_to(torch.zeros(3, 4), (3,))
    with pytest.raises(TypeError, match="broadcast_to: x must be array data"):
        tb.broadcast_to("ab", (2, 2))  # type: ignore[arg-type]


def test_broadcast_to_int_shape() -> None:
    assert tb.broadcast_to(torch.zeros(1), 4).shape == (4,)  # type: ignore[arg-type]


@pytest.mark.parametrize("dtype", SOME, ids=str)
def test_broadcast_arrays(dtype: torch.dtype, device: torch.device) -> None:
    x, a = make((3, 1), dtype, device)
    y, b = make((4,), tb.int8, device)
    check_all(tb.broadcast_arrays(x, y), np.broadcast_arrays(a, b), device)


def test_broadcast_arrays_edge_cases() -> None:
    assert tb.broadcast_arrays() == ()
    with pytest.raises(ValueError, match=r"broadcast_arrays: shapes \(3,\), \(4,\) cannot be "):
        tb.broadcast_arrays(torch.zeros(3), torch.zeros(4))
    with pytest.raises(TypeError, match="broadcast_arrays: argument 1 must be array data"):
        tb.broadcast_arrays(torch.zeros(3), "abc")  # type: ignore[arg-type]


# ---- joining --------------------------------------------------------------------------------

PAIRS = [
    (tb.float64, tb.float64),
    (tb.uint8, tb.uint16),
    (tb.uint32, tb.int8),
    (tb.int64, tb.uint64),
    (tb.bool, tb.uint64),
    (tb.float32, tb.complex128),
    (tb.int16, tb.float16),
]


@pytest.mark.parametrize(("d1", "d2"), PAIRS, ids=str)
@pytest.mark.parametrize("axis", [0, 1, -1, None])
def test_concat(d1: torch.dtype, d2: torch.dtype, axis: int | None, device: torch.device) -> None:
    x, a = make((2, 3), d1, device)
    y, b = make((2, 3), d2, device)
    check(tb.concat([x, y], axis=axis), np.concatenate([a, b], axis=axis), device)
    check(tb.concat((x, y, x), axis=axis), np.concatenate((a, b, a), axis=axis), device)


@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_concat_one_dtype(dtype: torch.dtype, device: torch.device) -> None:
    x, a = make((2, 3), dtype, device)
    y, b = make((1, 3), dtype, device)
    check(tb.concat([x, y]), np.concatenate([a, b]), device)


def test_concat_axis_none_mixed_ranks(device: torch.device) -> None:
    x, a = make((2, 3), tb.int32, device)
    y, b = make((), tb.int64, device)
    # NumPy 2's promotion: the 0-d int64 array is as strong as the int32 one (NumPy 1: int32).
    check(tb.concat([x, y], axis=None), np2.concatenate([a, b], axis=None), device)


@pytest.mark.parametrize(
    ("arrays", "kw", "error", "match"),
    [
        ([], {}, ValueError, "concat: needs at least one array, got an empty sequence"),
        ([torch.zeros(2, 3), torch.zeros(0)], {}, ValueError,
         r"concat: all arrays must have the same number of dimensions, but arrays\[0\] has 2 "
         r"and arrays\[1\] has 1"),
        ([torch.zeros(2, 3), torch.zeros(2, 2)], {}, ValueError,
         r"concat: arrays of shapes \(2, 3\), \(2, 2\) cannot be joined along axis 0"),
        ([torch.tensor(1.0), torch.tensor(2.0)], {}, ValueError,
         r"concat: arrays of shapes \(\), \(\) are 0-d and have no axis 0 to join along; pass "
         r"axis=None"),
        ([torch.zeros(2, 3)], {"axis": 2}, AxisError,
         "concat: axis 2 is out of bounds for an array of 2 dimension"),
        ([torch.zeros(2), "ab"], {}, TypeError, r"concat: arrays\[1\] must be array data"),
        (torch.zeros(2, 2), {}, TypeError, "concat: arrays must be a tuple or list of arrays"),
    ],
)  # fmt: skip
def test_concat_errors(arrays: Any, kw: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tb.concat(arrays, **kw)


@pytest.mark.parametrize(("d1", "d2"), PAIRS, ids=str)
@pytest.mark.parametrize("axis", [0, 1, 2, -1, -3])
def test_stack(d1: torch.dtype, d2: torch.dtype, axis: int, device: torch.device) -> None:
    x, a = make((2, 3), d1, device)
    y, b = make((2, 3), d2, device)
    check(tb.stack([x, y], axis=axis), np.stack([a, b], axis=axis), device)


@pytest.mark.parametrize(
    ("arrays", "kw", "error", "match"),
    [
        ([], {}, ValueError, "stack: needs at least one array"),
        ([torch.zeros(2, 3), torch.zeros(2, 2)], {}, ValueError,
         r"stack: arrays of shapes \(2, 3\), \(2, 2\) cannot be stacked"),
        ([torch.zeros(2, 3)], {"axis": 3}, AxisError, "stack: axis 3 is out of bounds"),
    ],
)  # fmt: skip
def test_stack_errors(arrays: Any, kw: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tb.stack(arrays, **kw)


@pytest.mark.parametrize("dtype", SOME, ids=str)
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_unstack(dtype: torch.dtype, axis: int, device: torch.device) -> None:
    x, a = make((2, 3, 4), dtype, device)
    check_all(tb.unstack(x, axis=axis), tuple(np.moveaxis(a, axis, 0)), device)


def test_unstack_errors() -> None:
    with pytest.raises(AxisError, match="unstack: x is 0-d and has no axis to split along"):
        tb.unstack(torch.tensor(1.0))
    with pytest.raises(AxisError, match="unstack: axis 2 is out of bounds"):
        tb.unstack(torch.zeros(2, 3), axis=2)


# ---- axes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", SOME, ids=str)
@pytest.mark.parametrize("axis", [0, 2, -1, -3, (0,), (0, 1), (-1, 0), (3, 1), ()], ids=str)
def test_expand_dims(dtype: torch.dtype, axis: Any, device: torch.device) -> None:
    x, a = make((2, 3), dtype, device)
    check(tb.expand_dims(x, axis), np.expand_dims(a, axis), device)


def test_expand_dims_strided() -> None:
    x = torch.arange(24).reshape(2, 3, 4).permute(2, 0, 1)[::2]
    a = x.numpy()
    np.testing.assert_array_equal(
        tb.expand_dims(x, (0, 2, -1)).numpy(), np.expand_dims(a, (0, 2, -1))
    )


@pytest.mark.parametrize(
    ("axis", "error", "match"),
    [
        (3, AxisError, r"expand_dims: axis 3 is out of bounds for the result of 3 dimension"),
        (-4, IndexError, r"expand_dims: axis -4 is out of bounds"),
        ((0, 4), AxisError, r"expand_dims: axis 4 is out of bounds for the result of 4 dim"),
        ((0, -4), ValueError, r"expand_dims: axis \(0, -4\) names the same axis more than once"),
        ((0.5,), TypeError, r"expand_dims: axis \(0.5,\) is not an int or a tuple of ints"),
    ],
)
def test_expand_dims_errors(axis: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tb.expand_dims(torch.zeros(2, 3), axis)


@pytest.mark.parametrize("dtype", SOME, ids=str)
@pytest.mark.parametrize("axis", [0, -1, 2, (0,), (0, 2), (-1, 0), ()], ids=str)
def test_squeeze(dtype: torch.dtype, axis: Any, device: torch.device) -> None:
    x, a = make((1, 3, 1), dtype, device)
    check(tb.squeeze(x, axis), np.squeeze(a, axis), device)


@pytest.mark.parametrize(
    ("shape", "axis", "error", "match"),
    [
        ((2, 3), 0, ValueError,
         r"squeeze: axis 0 of an array of shape \(2, 3\) has size 2, not 1; only size-1 axes"),
        ((1, 3), (0, 1), ValueError, r"squeeze: axis 1 of an array of shape \(1, 3\) has size 3"),
        ((1, 3), (0, -2), ValueError, r"squeeze: axis \(0, -2\) names the same axis more than"),
        ((1, 3), 2, AxisError, "squeeze: axis 2 is out of bounds for an array of 2 dimension"),
        ((), 0, AxisError, "squeeze: axis 0 is out of bounds: x is 0-d and has no axes"),
    ],
)  # fmt: skip
def test_squeeze_errors(
    shape: tuple[int, ...], axis: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        tb.squeeze(torch.zeros(shape), axis)


@pytest.mark.parametrize("dtype", SOME, ids=str)
@pytest.mark.parametrize(
    ("source", "destination"), [(0, -1), (-1, 0), ((0, 1), (2, 0)), ((0,), (1,)), ((), ())], ids=str
)
def test_moveaxis(dtype: torch.dtype, source: Any, destination: Any, device: torch.device) -> None:
    x, a = make((2, 3, 4), dtype, device)
    check(tb.moveaxis(x, source, destination), np.moveaxis(a, source, destination), device)


@pytest.mark.parametrize(
    ("source", "destination", "error", "match"),
    [
        (3, 0, AxisError, r"moveaxis: axis 3 is out of bounds for an array of 3 dimension\(s\)"),
        ((0, 0), (1, 2), ValueError, r"moveaxis: axis \(0, 0\) names the same axis more than once"),
        (
            (0, 1),
            (1,),
            ValueError,
            r"moveaxis: source \(0, 1\) and destination \(1,\) name 2 and 1 axes; pass one "
            r"destination per source",
        ),
    ],
)
def test_moveaxis_errors(source: Any, destination: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tb.moveaxis(torch.zeros(2, 3, 4), source, destination)


@pytest.mark.parametrize("dtype", SOME, ids=str)
@pytest.mark.parametrize("axes", [(0, 1, 2), (2, 0, 1), (-1, 0, -2)], ids=str)
def test_permute_dims(dtype: torch.dtype, axes: tuple[int, ...], device: torch.device) -> None:
    x, a = make((2, 3, 4), dtype, device)
    check(tb.permute_dims(x, axes), np.transpose(a, axes), device)


@pytest.mark.parametrize(
    ("axes", "error", "match"),
    [
        (
            (0,),
            ValueError,
            r"permute_dims: axes \(0,\) has 1 entries for an array of 2 dimension\(s\) "
            r"\(shape \(2, 3\)\); name every axis exactly once",
        ),
        ((0, 0), ValueError, r"permute_dims: axis \(0, 0\) names the same axis more than once"),
        ((0, 2), AxisError, r"permute_dims: axis 2 is out of bounds for an array of 2 dimension"),
    ],
)
def test_permute_dims_errors(axes: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tb.permute_dims(torch.zeros(2, 3), axes)


# ---- reshaping and reordering ---------------------------------------------------------------

RESHAPES = [
    ((3, 4), (4, 3)),
    ((3, 4), (-1,)),
    ((3, 4), (2, -1, 2)),
    ((), (1, 1)),
    ((1,), ()),
    ((0, 3), (3, 0)),
]


@pytest.mark.parametrize("dtype", SOME, ids=str)
@pytest.mark.parametrize(("shape", "new"), RESHAPES, ids=str)
@pytest.mark.parametrize("copy", [None, True, False])
def test_reshape(
    dtype: torch.dtype,
    shape: tuple[int, ...],
    new: tuple[int, ...],
    copy: bool | None,
    device: torch.device,
) -> None:
    x, a = make(shape, dtype, device)
    check(tb.reshape(x, new, copy=copy), np.reshape(a, new), device)


def test_reshape_copy_semantics() -> None:
    x = torch.arange(12)
    view = tb.reshape(x, (3, 4))
    forced_view = tb.reshape(x, (3, 4), copy=False)
    copied = tb.reshape(x, (3, 4), copy=True)
    x[0] = 100
    assert view[0, 0] == 100
    assert forced_view[0, 0] == 100
    assert copied[0, 0] == 0
    copied[0, 1] = -1
    assert x[1] == 1


def test_reshape_copy_none_copies_when_it_must() -> None:
    x = torch.arange(12).reshape(3, 4).T
    out = tb.reshape(x, (12,))
    np.testing.assert_array_equal(out.numpy(), x.numpy().reshape(12))
    assert out.data_ptr() != x.data_ptr()


def test_reshape_int_shape() -> None:
    assert tb.reshape(torch.zeros(3, 4), 12).shape == (12,)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("shape", "copy", "error", "match"),
    [
        ((12,), False, ValueError,
         r"reshape\(copy=False\): an array of shape \(4, 3\) and strides \(1, 4\) cannot be "
         r"viewed as shape \(12,\) without copying its data; pass copy=None"),
        ((5,), None, ValueError,
         r"reshape: an array of shape \(4, 3\) \(12 elements\) cannot take shape \(5,\)"),
        ((-1, -1), True, ValueError, r"with at most one -1"),
        ((5,), False, ValueError, r"reshape: an array of shape \(4, 3\) \(12 elements\)"),
        ((12,), "no", TypeError, r"reshape: copy='no' is not allowed"),
        ((1.5,), None, TypeError, r"reshape: size 1.5 in shape \(1.5,\) is not an integer"),
    ],
)  # fmt: skip
def test_reshape_errors(shape: Any, copy: Any, error: type[Exception], match: str) -> None:
    x = torch.zeros(3, 4).T
    with pytest.raises(error, match=match):
        tb.reshape(x, shape, copy=copy)


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(
    ("shape", "axis"),
    [((5,), None), ((5,), 0), ((2, 3), None), ((2, 3), 1), ((2, 3), (0, 1)), ((2, 3), (-1,)),
     ((), None), ((0, 2), 0)],
    ids=str,
)  # fmt: skip
def test_flip(dtype: torch.dtype, shape: tuple[int, ...], axis: Any, device: torch.device) -> None:
    x, a = make(shape, dtype, device)
    check(tb.flip(x, axis=axis), np.flip(a, axis=axis), device)


@pytest.mark.parametrize(
    ("axis", "error", "match"),
    [
        (2, AxisError, "flip: axis 2 is out of bounds for an array of 2 dimension"),
        ((0, 0), ValueError, r"flip: axis \(0, 0\) names the same axis more than once"),
        (0.5, TypeError, "flip: axis 0.5 is not an int or a tuple of ints"),
    ],
)
def test_flip_errors(axis: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tb.flip(torch.zeros(2, 3), axis=axis)


@pytest.mark.parametrize("dtype", [*SOME, tb.uint32], ids=str)
@pytest.mark.parametrize(
    ("shift", "axis"),
    [(1, None), (-7, None), (2, 0), (1, (0, 1)), ((1, 2), (1, 0)), ((1, 2), 1), ((1, 2), None),
     ((1, -1), (0, 0))],
    ids=str,
)  # fmt: skip
def test_roll(dtype: torch.dtype, shift: Any, axis: Any, device: torch.device) -> None:
    x, a = make((2, 3), dtype, device)
    check(tb.roll(x, shift, axis=axis), np.roll(a, shift, axis=axis), device)


def test_roll_0d_and_empty(device: torch.device) -> None:
    x, a = make((), tb.float64, device)
    check(tb.roll(x, 3), np.roll(a, 3), device)
    y, b = make((0, 3), tb.float64, device)
    check(tb.roll(y, 1, axis=0), np.roll(b, 1, axis=0), device)


@pytest.mark.parametrize(
    ("shift", "axis", "error", "match"),
    [
        ((1, 2, 3), (0, 1), ValueError,
         r"roll: shift \(1, 2, 3\) and axis \(0, 1\) do not pair up: 3 shifts for 2 axes; give one "
         r"shift per axis"),
        (1, 2, AxisError, "roll: axis 2 is out of bounds"),
    ],
)  # fmt: skip
def test_roll_errors(shift: Any, axis: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tb.roll(torch.zeros(2, 3), shift, axis=axis)


def _repeats(spec: Any, device: torch.device) -> tuple[Any, Any]:
    """(tbridge repeats, NumPy repeats) from an int or a (values, dtype) pair."""
    if isinstance(spec, int):
        return spec, spec
    values, dtype = spec
    return index(values, device, dtype), np.asarray(values, dtype=np.int64)


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(
    ("shape", "repeats", "axis"),
    [((2, 3), 2, None), ((2, 3), 2, 1), ((5,), 3, 0), ((2, 3), ([1, 0, 2], tb.int64), 1),
     ((2, 3), ([2], tb.int32), 0), ((2, 3), ([1, 2], tb.int8), -2),
     ((4,), ([0, 1, 2, 3], tb.uint8), None), ((0,), ([], tb.int64), None), ((), 2, None)],
    ids=str,
)  # fmt: skip
def test_repeat(
    dtype: torch.dtype, shape: tuple[int, ...], repeats: Any, axis: Any, device: torch.device
) -> None:
    x, a = make(shape, dtype, device)
    # tbridge repeats stay on the CPU: a meta array holds no counts (tested below)
    r, nr = _repeats(repeats, torch.device("cpu"))
    check(tb.repeat(x, r, axis=axis), np.repeat(a, nr, axis=axis), device)


@pytest.mark.parametrize(
    ("repeats", "axis", "error", "match"),
    [
        (-1, 0, ValueError, r"repeat: cannot repeat an array of shape \(2, 3\) along axis 0 with "
         r"repeats -1: repeats must be >= 0, an int or an array of shape \(1,\) or \(2,\)"),
        (torch.tensor([1, 2]), 1, ValueError, r"repeats must be >= 0, .* or \(3,\)"),
        (torch.tensor([1.0], dtype=tb.float32), 0, TypeError,
         "repeat: repeats must have an integer dtype, got torch.float32"),
        (1.5, 0, TypeError, "repeat: repeats must be an int or an integer array, got float"),
        (torch.tensor([1], device="meta"), 0, ValueError, "repeat: repeats is a meta array"),
        (2, 2, AxisError, "repeat: axis 2 is out of bounds"),
    ],
)  # fmt: skip
def test_repeat_errors(repeats: Any, axis: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tb.repeat(torch.zeros(2, 3), repeats, axis=axis)


@pytest.mark.parametrize("dtype", SOME, ids=str)
@pytest.mark.parametrize(
    ("shape", "reps"),
    [((2, 3), (2, 2)), ((2, 3), (3,)), ((3,), (2, 1, 2)), ((), (2,)), ((2,), ())],
    ids=str,
)  # fmt: skip
def test_tile(
    dtype: torch.dtype, shape: tuple[int, ...], reps: tuple[int, ...], device: torch.device
) -> None:
    x, a = make(shape, dtype, device)
    check(tb.tile(x, reps), np.tile(a, reps), device)


def test_tile_int_and_errors() -> None:
    assert tb.tile(torch.zeros(2), 3).shape == (6,)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"tile: repetitions \(-1,\) must be >= 0"):
        tb.tile(torch.zeros(2), (-1,))


# ---- memory and autograd --------------------------------------------------------------------

VIEWS: list[tuple[str, Callable[[torch.Tensor], torch.Tensor]]] = [
    ("broadcast_to", lambda x: tb.broadcast_to(x, (2, 2, 3))),
    ("broadcast_arrays", lambda x: tb.broadcast_arrays(x, torch.zeros(2, 1, 1))[0]),
    ("expand_dims", lambda x: tb.expand_dims(x, 0)),
    ("expand_dims tuple", lambda x: tb.expand_dims(x, (0, -1))),
    ("squeeze", lambda x: tb.squeeze(tb.expand_dims(x, 0), 0)),
    ("squeeze tuple", lambda x: tb.squeeze(tb.expand_dims(x, 0), (0,))),
    ("moveaxis", lambda x: tb.moveaxis(x, 0, 1)),
    ("permute_dims", lambda x: tb.permute_dims(x, (1, 0))),
    ("reshape", lambda x: tb.reshape(x, (6,))),
    ("reshape copy=False", lambda x: tb.reshape(x, (3, 2), copy=False)),
    ("unstack", lambda x: tb.unstack(x)[1]),
]
COPIES: list[tuple[str, Callable[[torch.Tensor], torch.Tensor]]] = [
    ("concat", lambda x: tb.concat([x, x])),
    ("concat one", lambda x: tb.concat([x])),
    ("stack", lambda x: tb.stack([x])),
    ("flip", tb.flip),
    ("roll", lambda x: tb.roll(x, 1)),
    ("roll zero", lambda x: tb.roll(x, 0, axis=0)),
    ("repeat", lambda x: tb.repeat(x, 1)),
    ("repeat array", lambda x: tb.repeat(x, torch.tensor([1, 2]), axis=0)),
    ("tile", lambda x: tb.tile(x, (1, 1))),
    ("reshape copy=True", lambda x: tb.reshape(x, (2, 3), copy=True)),
]


@pytest.mark.parametrize(("name", "fn"), VIEWS, ids=[v[0] for v in VIEWS])
def test_views_share_memory(name: str, fn: Callable[[torch.Tensor], torch.Tensor]) -> None:
    x = torch.arange(6.0).reshape(2, 3)
    out = fn(x)
    before = out.clone()
    x.add_(100)
    torch.testing.assert_close(out, before + 100)


@pytest.mark.parametrize(("name", "fn"), COPIES, ids=[c[0] for c in COPIES])
def test_copies_are_independent(name: str, fn: Callable[[torch.Tensor], torch.Tensor]) -> None:
    x = torch.arange(6.0).reshape(2, 3)
    out = fn(x)
    before = out.clone()
    x.add_(100)
    torch.testing.assert_close(out, before)
    out.fill_(-1)
    torch.testing.assert_close(x, torch.arange(6.0).reshape(2, 3) + 100)


@pytest.mark.parametrize(("name", "fn"), VIEWS + COPIES, ids=[f[0] for f in VIEWS + COPIES])
def test_results_stay_on_the_graph(name: str, fn: Callable[[torch.Tensor], torch.Tensor]) -> None:
    x = torch.arange(6.0, dtype=torch.float64).reshape(2, 3).requires_grad_(True)
    out = fn(x)
    assert out.requires_grad
    weights = torch.arange(out.numel(), dtype=torch.float64).reshape(out.shape)
    (out * weights).sum().backward()  # type: ignore[no-untyped-call]
    assert x.grad is not None
    assert x.grad.shape == x.shape


def test_views_of_unsigned_gaps_share_bits() -> None:
    # the signed-view workaround must not copy twice nor change bits
    x = tb.asarray(np.array([2**64 - 1, 2**63, 1], dtype=np.uint64))
    np.testing.assert_array_equal(
        tb.flip(x).numpy(), np.array([1, 2**63, 2**64 - 1], dtype=np.uint64)
    )


# ---- non-array input ------------------------------------------------------------------------

NOT_ARRAYS: list[tuple[str, Callable[[Any], Any]]] = [
    ("expand_dims", lambda v: tb.expand_dims(v, 0)),
    ("expand_dims", lambda v: tb.expand_dims(v, (0,))),
    ("squeeze", lambda v: tb.squeeze(v, 0)),
    ("squeeze", lambda v: tb.squeeze(v, (0,))),
    ("moveaxis", lambda v: tb.moveaxis(v, 0, 0)),
    ("permute_dims", lambda v: tb.permute_dims(v, (0,))),
    ("reshape", lambda v: tb.reshape(v, (2,))),
    ("flip", tb.flip),
    ("roll", lambda v: tb.roll(v, 1)),
    ("repeat", lambda v: tb.repeat(v, 2)),
    ("tile", lambda v: tb.tile(v, (2,))),
    ("unstack", tb.unstack),
    ("stack", lambda v: tb.stack([v])),
]


@pytest.mark.parametrize(
    ("name", "fn"), NOT_ARRAYS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(NOT_ARRAYS)]
)
def test_non_arrays_are_type_errors(name: str, fn: Callable[[Any], Any]) -> None:
    match = rf"{name}: (x|arrays\[0\]) must be array data \(a tensor, a NumPy array, a number or a nested sequence of numbers\), got str"
    with pytest.raises(TypeError, match=match):
        fn("ab")


# ---- fast paths -----------------------------------------------------------------------------


def test_concat_two_arrays(device: torch.device) -> None:
    x, a = make((2, 3), tb.float64, device)
    y, b = make((1, 3), tb.float64, device)
    check(tb.concat((x, y)), np.concatenate((a, b)), device)
    check(tb.concat([x, y]), np.concatenate([a, b]), device)
    check(tb.concat((x, y.to(tb.float32))), np.concatenate((a, b.astype(np.float32))), device)
    with pytest.raises(ValueError, match="same number of dimensions"):
        tb.concat((x, torch.zeros(0, device=device, dtype=tb.float64)))  # torch would skip it
    with pytest.raises(ValueError, match=r"shapes \(2, 3\), \(2, 2\) cannot be joined"):
        tb.concat((x, torch.zeros(2, 2, device=device, dtype=tb.float64)))


# ---- array data through the input gate ------------------------------------------------------

LISTS: list[tuple[str, Callable[[Any], Any]]] = [
    ("broadcast_to", lambda m: m.broadcast_to([1, 2], (3, 2))),
    ("broadcast_arrays", lambda m: m.broadcast_arrays([[1.5], [2.0]], [1, 2, 3])),
    ("concat", lambda m: m.concat([[1, 2], [3.5]])),
    ("stack", lambda m: m.stack([[1, 2], [3, 4]], axis=1)),
    # NumPy's unstack takes only arrays
    ("unstack", lambda m: m.unstack([[1, 2], [3, 4]] if m is tb else np.array([[1, 2], [3, 4]]))),
    ("expand_dims", lambda m: m.expand_dims([1, 2], 0)),
    ("squeeze", lambda m: m.squeeze([[1.0, 2.0]])),
    ("moveaxis", lambda m: m.moveaxis([[1, 2]], 0, 1)),
    ("permute_dims", lambda m: m.permute_dims([[True, False]], (1, 0))),
    ("reshape", lambda m: m.reshape([1, 2, 3, 4], (2, 2))),
    ("flip", lambda m: m.flip([[1, 2], [3, 4]])),
    ("roll", lambda m: m.roll([1, 2, 3], 1)),
    ("repeat", lambda m: m.repeat([1, 2], [2, 1])),
    ("tile", lambda m: m.tile([1.5, 2], 2)),
    ("scalar reshape", lambda m: m.reshape(3.5, (1, 1))),
]


#: The Array API spellings NumPy 1.x does not have.
NEW_IN_NUMPY2 = {"concat", "unstack", "permute_dims"}


@pytest.mark.parametrize(
    ("name", "call"),
    [
        pytest.param(
            *case,
            id=case[0],
            marks=needs_numpy2(f"np.{case[0]} arrived in NumPy 2.0")
            if case[0] in NEW_IN_NUMPY2
            else (),
        )
        for case in LISTS
    ],
)
def test_array_data_goes_through_the_gate(name: str, call: Callable[[Any], Any]) -> None:
    got, expected = call(tb), call(np)
    if isinstance(expected, (tuple, list)):
        assert len(got) == len(expected)
        for g, e in zip(got, expected, strict=True):
            assert_matches_numpy(g, e)
    else:
        assert_matches_numpy(got, expected)


def test_numpy_arrays_are_shared_through_the_gate() -> None:
    a = np.arange(6.0)
    out = tb.reshape(a, (2, 3))
    a[0] = 100.0
    assert out[0, 0] == 100.0


# ---- NumPy's calling conventions ------------------------------------------------------------


@pytest.mark.parametrize("dtype", SOME, ids=str)
@pytest.mark.parametrize(
    ("shape", "new", "order"),
    [((6,), (2, 3), "F"), ((2, 3), (3, 2), "F"), ((2, 3, 4), (4, -1), "F"), ((2, 3), (6,), "A"),
     ((0, 3), (3, 0), "F"), ((), (1,), "F")],
    ids=str,
)  # fmt: skip
def test_reshape_orders(
    dtype: torch.dtype,
    shape: tuple[int, ...],
    new: tuple[int, ...],
    order: Any,
    device: torch.device,
) -> None:
    x, a = make(shape, dtype, device)
    assert_matches_numpy(tb.reshape(x, new, order), np.reshape(a, new, order=order), device=device)


@pytest.mark.parametrize("copy", [None, True, False])
def test_reshape_order_f_copy(copy: bool | None) -> None:
    a = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    x = torch.from_numpy(a)  # column-major strides: order="F" and "A" can view it
    for order in ("F", "A"):
        out = tb.reshape(x, (3, 2), order=order, copy=copy)
        assert_matches_numpy(out, np.reshape(a, (3, 2), order=order))
        assert tb.shares_memory(out, x) is (copy is not True)
    with pytest.raises(ValueError, match=r"reshape\(copy=False\): an array of shape \(2, 3\)"):
        tb.reshape(x, (3, 2), order="C", copy=False)


def test_reshape_order_errors() -> None:
    with pytest.raises(ValueError, match=r"reshape: order='X' is not an order; pass 'C'"):
        tb.reshape(torch.zeros(4), (2, 2), "X")  # type: ignore[arg-type]
    with pytest.raises(
        ValueError, match=r"reshape: an array of shape \(4,\) \(4 elements\) cannot"
    ):
        tb.reshape(torch.zeros(4), (3,), "F")


@pytest.mark.parametrize("shape", [(1, 3, 1), (1,), (), (2, 3), (1, 0, 1)], ids=str)
def test_squeeze_all(shape: tuple[int, ...], device: torch.device) -> None:
    x, a = make(shape, tb.float64, device)
    assert_matches_numpy(tb.squeeze(x), np.squeeze(a), device=device)


def test_positional_axes_as_numpy() -> None:
    x, a = make((2, 3), tb.int64, torch.device("cpu"))
    assert_matches_numpy(tb.flip(x, 1), np.flip(a, 1))
    assert_matches_numpy(tb.roll(x, 1, 0), np.roll(a, 1, 0))
    assert_matches_numpy(tb.repeat(x, 2, 1), np.repeat(a, 2, 1))
    assert_matches_numpy(tb.expand_dims(x, [0, 3]), np.expand_dims(a, [0, 3]))
    assert_matches_numpy(tb.moveaxis(x, [0, 1], [1, 0]), np.moveaxis(a, [0, 1], [1, 0]))
    assert_matches_numpy(tb.permute_dims(x), np.transpose(a))
    assert_matches_numpy(tb.squeeze(x[None], None), np.squeeze(a[None], None))
    assert_matches_numpy(tb.moveaxis(x, np.int64(0), 1), np.moveaxis(a, 0, 1))


def test_broadcast_to_refuses_minus_one() -> None:
    # torch reads -1 as "keep this size"; NumPy refuses it
    with pytest.raises(ValueError, match=r"broadcast_to: negative size -1 in shape \(2, -1\)"):
        tb.broadcast_to(torch.zeros(3), (2, -1))


@pytest.mark.parametrize(
    ("dtype", "casting"),
    [(np.float32, "same_kind"), (np.int64, "unsafe"), (np.float64, "safe"), (np.int32, "same_kind")],
    ids=str,
)  # fmt: skip
def test_concatenate_dtype_and_casting(dtype: Any, casting: Any) -> None:
    x, a = make((2, 3), tb.int32, torch.device("cpu"))
    y, b = make((1, 3), tb.int8, torch.device("cpu"))
    expected = np.concatenate([a, b], dtype=dtype, casting=casting)
    assert_matches_numpy(tb.concat([x, y], dtype=dtype, casting=casting), expected)
    expected = np.stack([a, a], 1, dtype=dtype, casting=casting)
    assert_matches_numpy(tb.stack([x, x], 1, dtype=dtype, casting=casting), expected)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: tb.concat([torch.zeros(2, dtype=tb.float32)], dtype=tb.int64), TypeError,
         r"concat: cannot cast arrays\[0\] of dtype torch.float32 to torch.int64 under "
         r"casting='same_kind'; pass casting='unsafe'"),
        (lambda: tb.concat([torch.zeros(2)], casting="nope"), ValueError,  # type: ignore[arg-type]
         r"concat: casting='nope' is not a casting rule"),
        (lambda: tb.concat([torch.zeros(2, dtype=tb.int8)], dtype=tb.int8, casting="no"), None, ""),
        (lambda: tb.stack([torch.zeros(2, dtype=tb.float32)],
                          out=torch.zeros(1, 2, dtype=tb.int64)), TypeError,
         r"stack: cannot cast the result of dtype torch.float32 to torch.int64 under "
         r"casting='same_kind'"),
        (lambda: tb.concat([torch.zeros(2)], out=torch.zeros(3)), ValueError,
         r"concat: out has shape \(3,\) but the result has shape \(2,\)"),
    ],
)  # fmt: skip
def test_concat_casting_errors(call: Callable[[], Any], error: Any, match: str) -> None:
    if error is None:
        call()
        return
    with pytest.raises(error, match=match):
        call()


@pytest.mark.parametrize("fn", [tb.concat, tb.stack], ids=["concat", "stack"])
def test_join_into_out(fn: Callable[..., torch.Tensor]) -> None:
    x, a = make((2, 3), tb.int64, torch.device("cpu"))
    np_fn = np.concatenate if fn is tb.concat else np.stack
    expected = np_fn([a, a], 1)
    out = torch.zeros(expected.shape, dtype=torch.float64)
    assert fn([x, x], 1, out) is out
    assert_matches_numpy(out, expected.astype(np.float64))
    unsafe = torch.zeros(expected.shape, dtype=torch.int8)
    fn([x.double(), x.double()], 1, unsafe, casting="unsafe")
    assert_matches_numpy(unsafe, expected.astype(np.int8))


# ---- bad input: tbridge's messages, never torch's ---------------------------------------------

M = torch.zeros(2, 3)
BAD: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "broadcast_to",
        lambda: tb.broadcast_to(M, (2, 1.5)),
        TypeError,  # type: ignore[arg-type]
        r"broadcast_to: size 1.5 in shape \(2, 1.5\) is not an integer",
    ),
    (
        "broadcast_to",
        lambda: tb.broadcast_to(M, (4, 3)),
        ValueError,
        r"broadcast_to: an array of shape \(2, 3\) cannot be broadcast to shape \(4, 3\)",
    ),
    (
        "broadcast_arrays",
        lambda: tb.broadcast_arrays(M, None),
        TypeError,  # type: ignore[arg-type]
        r"broadcast_arrays: argument 1 must be array data",
    ),
    (
        "concat",
        lambda: tb.concat([M, M], 1.5),
        TypeError,  # type: ignore[arg-type]
        r"concat: axis 1.5 is not an integer",
    ),
    (
        "stack",
        lambda: tb.stack([M, M], -4),
        AxisError,
        r"stack: axis -4 is out of bounds for the result of 3 dimension",
    ),
    (
        "unstack",
        lambda: tb.unstack(M, axis=1.5),
        TypeError,  # type: ignore[arg-type]
        r"unstack: axis 1.5 is not an integer",
    ),
    (
        "expand_dims",
        lambda: tb.expand_dims(M, "0"),
        TypeError,  # type: ignore[arg-type]
        r"expand_dims: axis '0' is not an int or a tuple of ints",
    ),
    (
        "squeeze",
        lambda: tb.squeeze(M, 1.0),
        TypeError,  # type: ignore[arg-type]
        r"squeeze: axis 1.0 is not an int or a tuple of ints",
    ),
    (
        "moveaxis",
        lambda: tb.moveaxis(M, 1.5, 0),
        TypeError,  # type: ignore[arg-type]
        r"moveaxis: source 1.5 is not an int or a tuple of ints",
    ),
    (
        "moveaxis",
        lambda: tb.moveaxis(M, 0, -3),
        AxisError,
        r"moveaxis: axis -3 is out of bounds for an array of 2 dimension",
    ),
    (
        "permute_dims",
        lambda: tb.permute_dims(M, (0, "1")),
        TypeError,  # type: ignore[arg-type]
        r"permute_dims: axes \(0, '1'\) is not an int or a tuple of ints",
    ),
    (
        "reshape",
        lambda: tb.reshape(M, (-2, 3)),
        ValueError,
        r"reshape: an array of shape \(2, 3\) \(6 elements\) cannot take shape \(-2, 3\): the sizes "
        r"must be >= 0",
    ),
    (
        "reshape",
        lambda: tb.reshape(M, "6"),
        TypeError,  # type: ignore[arg-type]
        r"reshape: shape '6' is not a tuple of integers",
    ),
    ("flip", lambda: tb.flip(M, -3), AxisError, r"flip: axis -3 is out of bounds"),
    (
        "roll",
        lambda: tb.roll(M, 1.5, 0),
        TypeError,  # type: ignore[arg-type]
        r"roll: shift 1.5 is not an int or a tuple of ints",
    ),
    (
        "roll",
        lambda: tb.roll(torch.tensor(1.0), 1, 0),
        AxisError,
        r"roll: axis 0 is out of bounds: x is 0-d",
    ),
    (
        "repeat",
        lambda: tb.repeat(M, 2, 1.5),
        TypeError,  # type: ignore[arg-type]
        r"repeat: axis 1.5 is not an integer",
    ),
    (
        "repeat",
        lambda: tb.repeat(M, [1, 2, 3], 0),
        ValueError,
        r"repeat: cannot repeat an array of shape \(2, 3\) along axis 0 with repeats \[1, 2, 3\]",
    ),
    (
        "tile",
        lambda: tb.tile(M, (1.5,)),
        TypeError,  # type: ignore[arg-type]
        r"tile: size 1.5 in repetitions \(1.5,\) is not an integer",
    ),
]


@pytest.mark.parametrize(
    ("name", "call", "error", "match"), BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)]
)
def test_bad_input_messages(
    name: str, call: Callable[[], Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match) as info:
        call()
    assert type(info.value) is not RuntimeError
    assert str(info.value).startswith(f"{name}")


def test_one_backward_through_the_numpy_forms() -> None:
    x = torch.arange(6.0, dtype=torch.float64).requires_grad_(True)
    out = tb.reshape(x, (2, 3), "F")
    out = tb.concat([out, tb.squeeze(out[None])], 1, dtype=tb.float64)
    (out * torch.arange(12.0, dtype=torch.float64).reshape(2, 6)).sum().backward()  # type: ignore[no-untyped-call]
    assert x.grad is not None
    expected = np.arange(12.0).reshape(2, 6)
    grad = expected[:, :3] + expected[:, 3:]
    np.testing.assert_array_equal(x.grad.numpy(), grad.reshape(-1, order="F"))


# ---- sizes too big to exist, or to allocate ---------------------------------------------------


def _x3(m: Any) -> Any:
    return (
        m.asarray([1.0, 2.0, 3.0]) if m is np else torch.tensor([1.0, 2.0, 3.0], dtype=tb.float64)
    )


HUGE: list[tuple[str, Callable[[Any], Any], str]] = [
    ("tile", lambda m: m.tile(_x3(m), TOO_BIG), r"^tile: size 13835058055282163712 in shape "
     r"\(13835058055282163712,\) is larger than 9223372036854775807 \(2\*\*63 - 1\)"),
    ("tile-2d", lambda m: m.tile(_x3(m), (TOO_BIG, 1)), rf"^tile: an array of shape "
     rf"\({TOO_BIG}, 3\) .*{TOO_BIG_TEXT}; pass a smaller repetitions$"),
    ("tile-memory", lambda m: m.tile(_x3(m), NO_MEMORY), r"^tile: unable to allocate 6.00 EiB "
     r"for an array of shape \(864691128455135232,\)"),
    ("repeat", lambda m: m.repeat(_x3(m), TOO_BIG), r"^repeat: size 13835058055282163712 in "
     r"shape \(13835058055282163712,\) is larger than"),
    ("repeat-memory", lambda m: m.repeat(_x3(m), NO_MEMORY), r"^repeat: unable to allocate "
     r"6.00 EiB for an array of shape \(864691128455135232,\) and dtype torch.float64"),
    ("repeat-array", lambda m: m.repeat(_x3(m), m.asarray([TOO_BIG, 1, 1])), r"^repeat: an array "
     rf"of shape \({TOO_BIG + 2},\) .*{TOO_BIG_TEXT}"),
    ("repeat-array-memory", lambda m: m.repeat(_x3(m), m.asarray([NO_MEMORY])), r"^repeat: "
     r"unable to allocate 6.00 EiB"),
    ("repeat-axis", lambda m: m.repeat(_x3(m).reshape(1, 3), 2**61, axis=1), rf"^repeat: an "
     rf"array of shape \(1, 6917529027641081856\) .*{TOO_BIG_TEXT}; pass a smaller repeats$"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "message"), [h[1:] for h in HUGE], ids=[h[0] for h in HUGE])
def test_sizes_too_big_raise_numpys_error(call: Callable[[Any], Any], message: str) -> None:
    check_refused(call, message)


# ---- axes given as arrays -------------------------------------------------------------------

_AXIS_ARRAYS: list[tuple[str, str, Callable[[Any, Any, Any], Any], Any]] = [
    # NumPy's expand_dims and squeeze read anything but a tuple or list as one axis
    ("expand_dims", "axis", lambda m, a, v: m.expand_dims(a, axis=v), np.array([0, 1])),
    ("expand_dims", "axis", lambda m, a, v: m.expand_dims(a, axis=v), np.array([0])),
    ("expand_dims", "axis", lambda m, a, v: m.expand_dims(a, axis=v), np.array(1)),
    ("expand_dims", "axis", lambda m, a, v: m.expand_dims(a, axis=v), [np.array(0), 1]),
    ("squeeze", "axis", lambda m, a, v: m.squeeze(a[:1], axis=v), np.array([0])),
    ("squeeze", "axis", lambda m, a, v: m.squeeze(a[:1], axis=v), np.array(0)),
    # its normalize_axis_tuple iterates any other iterable of ints
    ("moveaxis", "source", lambda m, a, v: m.moveaxis(a, v, [1, 0]), np.array([0, 1])),
    ("moveaxis", "source", lambda m, a, v: m.moveaxis(a, v, [1, 0]), range(2)),
    ("moveaxis", "destination", lambda m, a, v: m.moveaxis(a, [0, 1], v), np.array([1, 0])),
    ("moveaxis", "source", lambda m, a, v: m.moveaxis(a, v, [1]), np.array([0.0])),
    ("moveaxis", "source", lambda m, a, v: m.moveaxis(a, v, [1, 0]), np.array([[0, 1]])),
    ("moveaxis", "source", lambda m, a, v: m.moveaxis(a, v, [1, 0]), np.array([True, False])),
    ("flip", "axis", lambda m, a, v: m.flip(a, axis=v), np.array([0, 2])),
    ("roll", "shift", lambda m, a, v: m.roll(a, v, axis=(0, 1)), np.array([1, 2])),
    ("roll", "axis", lambda m, a, v: m.roll(a, 1, axis=v), np.array([0, 1])),
    ("permute_dims", "axes", lambda m, a, v: m.permute_dims(a, v), np.array([2, 0, 1])),
]


@pytest.mark.parametrize("as_tensor", [False, True], ids=["ndarray", "tensor"])
@pytest.mark.parametrize(
    ("name", "param", "call", "axis"),
    _AXIS_ARRAYS,
    ids=[f"{c[0]}-{c[1]}-{c[3]!r}" for c in _AXIS_ARRAYS],
)
def test_axes_given_as_arrays_follow_numpy(
    name: str, param: str, call: Callable[[Any, Any, Any], Any], axis: Any, as_tensor: bool
) -> None:
    if not NUMPY2 and (
        name == "permute_dims" or (isinstance(axis, np.ndarray) and axis.dtype == np.bool_)
    ):
        pytest.skip("the oracle is NumPy 2: permute_dims, and its refusal of a bool axis array")
    a = np.arange(24.0).reshape(2, 3, 4)
    ours = torch.from_numpy(axis) if as_tensor and isinstance(axis, np.ndarray) else axis
    try:
        expected = call(np, a, axis)
    except TypeError:
        with pytest.raises(TypeError, match=rf"^{name}: {param} "):
            call(tb, torch.from_numpy(a), ours)
        return
    assert_matches_numpy(call(tb, torch.from_numpy(a), ours), expected)


def test_expand_dims_names_an_array_axis_and_the_fix() -> None:
    with pytest.raises(TypeError, match=r"^expand_dims: axis is an array of shape \(2,\), not an "
                       r"int or a tuple of ints; pass a tuple, e.g. tuple\(axis.tolist\(\)\)$"):  # fmt: skip
        tb.expand_dims(torch.zeros(2, 3), axis=np.array([0, 1]))


@pytest.mark.parametrize(
    "call",
    [
        lambda m, x: m.flip(x, 0),
        lambda m, x: m.flip(x, -1),
        lambda m, x: m.moveaxis(x, 0, 0),
        lambda m, x: m.swapaxes(x, 0, 0),
    ],
    ids=["flip", "flip-negative", "moveaxis", "swapaxes"],
)
def test_a_0d_tensor_has_no_axis_0_as_in_numpy(call: Callable[..., Any]) -> None:
    # torch takes axis 0 (and -1) of a 0-d tensor; NumPy refuses it, and so does tbridge for
    # tensors as for NumPy arrays.
    with pytest.raises(AxisError):
        call(np, np.array(3.0))
    for x in (tb.asarray(3.0), np.array(3.0)):
        with pytest.raises(AxisError):
            call(tb, x)


@pytest.mark.parametrize("shape", [(0,), (2, 0)])
@pytest.mark.parametrize("axis", [0, 1, 2, -3, (0, 2)], ids=repr)
def test_roll_checks_the_axis_of_an_empty_tensor(shape: tuple[int, ...], axis: Any) -> None:
    x = np.zeros(shape)
    try:
        expected = np.roll(x, 2, axis=axis)
    except AxisError:
        with pytest.raises(AxisError):
            tb.roll(tb.asarray(x), 2, axis=axis)
        return
    assert_matches_numpy(tb.roll(tb.asarray(x), 2, axis=axis), expected)
