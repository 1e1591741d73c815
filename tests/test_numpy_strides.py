"""Strides and iteration: sliding_window_view, as_strided, ndenumerate, ndindex, packbits,
unpackbits, each held to NumPy on the same data."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch
from numpy.exceptions import AxisError
from numpy.lib import stride_tricks as np_st

import tbridge as tb
from tbridge.lib import stride_tricks as tb_st
from tests._helpers import assert_matches_numpy
from tests._huge import NO_MEMORY, TOO_BIG, check_refused

# ---- sliding_window_view -------------------------------------------------------------------

WINDOWS: list[tuple[tuple[int, ...], Any, Any]] = [
    ((6,), 3, None),
    ((6,), (6,), None),
    ((6,), 1, 0),
    ((6,), 0, None),
    ((0,), 0, None),
    ((5, 4), (2, 3), None),
    ((5, 4), 2, -1),
    ((5, 4), 3, 0),
    ((5, 4), (2, 2), (0, 0)),
    ((5, 4), (2, 2), (1, 0)),
    ((3, 4, 5), (2, 3), (2, 0)),
    ((3, 0, 2), 2, 2),
    ((), (), None),
]


@pytest.mark.parametrize(("shape", "window", "axis"), WINDOWS, ids=repr)
def test_sliding_window_view_matches_numpy(
    shape: tuple[int, ...], window: Any, axis: Any, device: torch.device
) -> None:
    a = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
    expected = np_st.sliding_window_view(a, window, axis)
    got = tb_st.sliding_window_view(torch.asarray(a, device=device), window, axis)
    assert_matches_numpy(got, expected, device=device)


def test_sliding_window_view_is_a_view() -> None:
    x = tb.arange(6.0)
    w = tb_st.sliding_window_view(x, 3)
    assert w.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()
    x[2] = 100.0
    assert w[:, :].eq(100.0).sum().item() == 3  # element 2 sits in three windows


def test_sliding_window_view_of_a_strided_view() -> None:
    a = np.arange(40.0).reshape(5, 8)[1:, ::2]
    got = tb_st.sliding_window_view(tb.asarray(a), (2, 2))
    assert_matches_numpy(got, np_st.sliding_window_view(a, (2, 2)))


def test_sliding_window_view_gradient_counts_windows() -> None:
    n, w = 7, 3
    x = torch.zeros(n, dtype=torch.float64, requires_grad=True)
    tb_st.sliding_window_view(x, w).sum().backward()
    windows = np_st.sliding_window_view(np.arange(n), w)
    expected = np.bincount(windows.ravel(), minlength=n).astype(np.float64)
    assert x.grad is not None
    assert_matches_numpy(x.grad, expected)


def test_sliding_window_view_takes_numpy_data() -> None:
    a = np.arange(5)
    assert_matches_numpy(tb_st.sliding_window_view(a, 2), np_st.sliding_window_view(a, 2))


@pytest.mark.parametrize(
    ("shape", "window", "axis", "error", "message"),
    [
        (
            (6,),
            7,
            None,
            ValueError,
            r"sliding_window_view: window size 7 along axis 0 is larger than that axis \(6\) of x with shape \(6,\); pass a smaller window",
        ),
        (
            (6,),
            -1,
            None,
            ValueError,
            r"sliding_window_view: window_shape=\(-1,\) cannot contain negative values",
        ),
        (
            (6,),
            (2, 3),
            None,
            ValueError,
            r"sliding_window_view: with axis=None window_shape needs one size for each of x's 1 dimension\(s\), got 2 \(\(2, 3\)\)",
        ),
        (
            (3, 4),
            (2, 2),
            0,
            ValueError,
            r"sliding_window_view: window_shape \(2, 2\) and axis \(0,\) differ in length \(2 != 1\)",
        ),
        (
            (3, 4),
            2,
            5,
            AxisError,
            r"sliding_window_view: axis 5 is out of bounds for an array of 2 dimension\(s\)",
        ),
        (
            (3, 4),
            (2, 2),
            5,
            AxisError,
            r"sliding_window_view: axis 5 is out of bounds for an array of 2 dimension\(s\)",
        ),
        (
            (3, 4),
            2.5,
            0,
            TypeError,
            r"sliding_window_view: window_shape=2.5 must be an int or a sequence of ints",
        ),
        (
            (2, 4),
            (2, 2),
            (0, 0),
            ValueError,
            r"window size 2 along axis 0 is larger than that axis \(1\)",
        ),
    ],
    ids=[
        "too big",
        "negative",
        "axis None length",
        "axis length",
        "axis bounds",
        "axis bounds before length",
        "float",
        "repeated too big",
    ],
)
def test_sliding_window_view_rejects(
    shape: tuple[int, ...], window: Any, axis: Any, error: type[Exception], message: str
) -> None:
    a = np.zeros(shape)
    with pytest.raises(error):
        np_st.sliding_window_view(a, window, axis)  # NumPy refuses too
    with pytest.raises(error, match=message):
        tb_st.sliding_window_view(tb.asarray(a), window, axis)


# ---- as_strided ----------------------------------------------------------------------------

STRIDED: list[tuple[Any, Any, Any]] = [
    (np.int32, (3, 2), (8, 4)),
    (np.float64, (4, 3), (8, 8)),  # overlapping rows: a sliding window by hand
    (np.int8, (2, 2, 2), (4, 2, 1)),
    (np.complex64, (2, 3), (0, 8)),  # a zero stride repeats a row
    (np.float32, (0, 5), (4, 4)),
    (np.int64, (), ()),
]


@pytest.mark.parametrize(("dtype", "shape", "strides"), STRIDED, ids=repr)
def test_as_strided_matches_numpy(dtype: Any, shape: Any, strides: Any) -> None:
    a = np.arange(12).astype(dtype)
    expected = np_st.as_strided(a, shape, strides)
    assert_matches_numpy(tb_st.as_strided(tb.asarray(a), shape, strides), expected)


def test_as_strided_starts_where_a_view_starts() -> None:
    a = np.arange(20.0)
    view = a[3:]
    expected = np_st.as_strided(view, (4, 2), (16, 8))
    assert_matches_numpy(tb_st.as_strided(tb.asarray(a)[3:], (4, 2), (16, 8)), expected)


def test_as_strided_defaults_are_x_own() -> None:
    a = np.arange(12.0).reshape(3, 4)[:, ::2]
    t = tb.asarray(np.arange(12.0).reshape(3, 4))[:, ::2]
    assert_matches_numpy(tb_st.as_strided(t), np_st.as_strided(a))
    assert_matches_numpy(tb_st.as_strided(t, strides=(16, 8)), np_st.as_strided(a, strides=(16, 8)))


@pytest.mark.parametrize(
    ("base", "shape"),
    [((3, 4), (2, 6)), ((3, 4), (6,)), ((12,), (3, 2)), ((2, 1, 6), (1, 2, 3)), ((12,), ())],
    ids=repr,
)
def test_as_strided_new_shape_of_contiguous_x_reads_c_order(
    base: tuple[int, ...], shape: tuple[int, ...]
) -> None:
    # NumPy gives a C-contiguous x read with a new shape (and no strides) that shape's own
    # contiguous strides, not x's strides.
    a = np.arange(12, dtype=np.int32).reshape(base)
    expected = np_st.as_strided(a, shape)
    assert_matches_numpy(tb_st.as_strided(tb.asarray(a), shape), expected)


def test_as_strided_new_ndim_needs_strides_when_x_is_not_contiguous() -> None:
    a = np.arange(12, dtype=np.int32).reshape(3, 4)[:, ::2]
    with pytest.raises(ValueError, match="mismatch in length of strides and shape"):
        np_st.as_strided(a, (6,))
    with pytest.raises(
        ValueError,
        match=r"^as_strided: shape \(6,\) has 1 dimension\(s\) but x has 2 and is not "
        r"C-contiguous, so x's strides do not fit; pass strides= too$",
    ):
        tb_st.as_strided(tb.asarray(a), (6,))


def test_as_strided_shares_memory_and_gradient() -> None:
    x = torch.arange(6.0, dtype=torch.float32, requires_grad=True)
    y = tb_st.as_strided(x, (2, 3), (12, 4))  # float32: 4 bytes per element
    assert y.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()
    y.sum().backward()
    assert x.grad is not None
    assert x.grad.tolist() == [1.0] * 6


def test_as_strided_meta(device: torch.device) -> None:
    x = torch.arange(6, dtype=torch.int32, device=device)
    assert tb_st.as_strided(x, (3, 2), (8, 4)).shape == (3, 2)


@pytest.mark.parametrize(
    ("shape", "strides", "message"),
    [
        (
            (3,),
            (6,),
            r"as_strided: strides \(6,\) \(in bytes, as in NumPy\) are not all multiples of x's item size 4 \(torch.int32\); torch views step whole elements",
        ),
        (
            (3,),
            (-4,),
            r"as_strided: strides \(-4,\) contain a negative stride, which torch views cannot have; view forwards and flip the result \(tb.flip\)",
        ),
        ((3, 2), (4,), r"as_strided: shape \(3, 2\) and strides \(4,\) differ in length"),
        (
            (7, 2),
            (8, 4),
            r"as_strided: a view of shape \(7, 2\) and strides \(8, 4\) bytes reaches past the end of x's memory \(24 bytes from its storage start\)",
        ),
    ],
    ids=["not divisible", "negative", "lengths", "past the end"],
)
def test_as_strided_rejects(shape: Any, strides: Any, message: str) -> None:
    x = tb.arange(6, dtype=tb.int32)
    with pytest.raises(ValueError, match=message):
        tb_st.as_strided(x, shape, strides)


def test_stride_tricks_module() -> None:
    assert tb.lib.stride_tricks is tb_st
    assert tb_st.broadcast_to is tb.broadcast_to
    assert tb_st.broadcast_shapes is tb.broadcast_shapes
    assert tb_st.broadcast_arrays is tb.broadcast_arrays
    assert "lib" in tb.__all__
    # As in NumPy, the two stride tricks are not main-namespace names.
    assert "sliding_window_view" not in tb.__all__
    assert "as_strided" not in tb.__all__
    assert not hasattr(np, "sliding_window_view")


# ---- ndenumerate / ndindex -----------------------------------------------------------------


@pytest.mark.parametrize("shape", [(3,), (2, 3), (), (0, 2), (2, 1, 2)], ids=repr)
def test_ndenumerate_matches_numpy(shape: tuple[int, ...]) -> None:
    a = (np.arange(int(np.prod(shape)), dtype=np.int16) * np.int16(3)).reshape(shape)
    expected = [(i, v.item()) for i, v in np.ndenumerate(a)]
    pairs = list(tb.ndenumerate(tb.asarray(a)))
    assert [(i, v.item()) for i, v in pairs] == expected
    assert all(type(v) is torch.Tensor and v.ndim == 0 and v.dtype == torch.int16 for _, v in pairs)


def test_ndenumerate_values_stay_on_the_graph() -> None:
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    total = sum(v * (i[0] + 1) for i, v in tb.ndenumerate(x))
    assert isinstance(total, torch.Tensor)
    total.backward()
    assert x.grad is not None
    assert x.grad.tolist() == [1.0, 2.0]


def test_ndenumerate_takes_lists() -> None:
    assert [i for i, _ in tb.ndenumerate([[1, 2]])] == [i for i, _ in np.ndenumerate([[1, 2]])]


@pytest.mark.parametrize(
    "shape",
    [(2, 3), ((2, 3),), (), ((),), (0, 3), (4,), ((1, 2, 2),), (torch.Size([2, 2]),)],
    ids=repr,
)
def test_ndindex_matches_numpy(shape: tuple[Any, ...]) -> None:
    assert list(tb.ndindex(*shape)) == list(np.ndindex(*shape))


@pytest.mark.parametrize(
    ("shape", "error", "message"),
    [
        ((2, -1), ValueError, r"ndindex: negative size -1 in shape \(2, -1\); sizes must be >= 0"),
        ((2.0,), TypeError, r"ndindex: size 2.0 is not an integer"),
    ],
)
def test_ndindex_rejects(shape: tuple[Any, ...], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        tb.ndindex(*shape)


# ---- packbits / unpackbits -----------------------------------------------------------------

RNG = np.random.default_rng(0)
PACK_DATA = {
    "bool-13": RNG.integers(0, 2, 13).astype(bool),
    "int64-2x10": RNG.integers(-3, 3, (2, 10)),
    "uint8-3x8x2": RNG.integers(0, 2, (3, 8, 2)).astype(np.uint8),
    "int8-0d": np.array(1, dtype=np.int8),
    "bool-empty": np.zeros((2, 0), dtype=bool),
}


@pytest.mark.parametrize("bitorder", ["big", "little"])
@pytest.mark.parametrize("axis", [None, 0, -1])
@pytest.mark.parametrize("name", list(PACK_DATA))
def test_packbits_matches_numpy(
    name: str, axis: int | None, bitorder: Any, device: torch.device
) -> None:
    a = PACK_DATA[name]
    expected = np.packbits(a, axis=axis, bitorder=bitorder)
    got = tb.packbits(torch.asarray(a, device=device), axis=axis, bitorder=bitorder)
    assert_matches_numpy(got, expected, device=device)


UNPACK_DATA = {
    "1d": np.array([176, 3, 255], dtype=np.uint8),
    "2x3": np.array([[1, 2, 3], [128, 64, 32]], dtype=np.uint8),
    "0d": np.array(5, dtype=np.uint8),
}


@pytest.mark.parametrize("count", [None, 0, 5, 8, 30, -3])
@pytest.mark.parametrize("bitorder", ["big", "little"])
@pytest.mark.parametrize("axis", [None, 0, -1])
@pytest.mark.parametrize("name", list(UNPACK_DATA))
def test_unpackbits_matches_numpy(
    name: str, axis: int | None, bitorder: Any, count: int | None, device: torch.device
) -> None:
    a = UNPACK_DATA[name]
    expected = np.unpackbits(a, axis=axis, count=count, bitorder=bitorder)
    got = tb.unpackbits(torch.asarray(a, device=device), axis=axis, count=count, bitorder=bitorder)
    assert_matches_numpy(got, expected, device=device)


def test_pack_unpack_round_trip() -> None:
    bits = tb.asarray(RNG.integers(0, 2, (4, 19)).astype(np.uint8))
    packed = tb.packbits(bits, axis=1, bitorder="little")
    assert torch.equal(tb.unpackbits(packed, axis=1, count=19, bitorder="little"), bits)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.packbits(tb.ones(3)),
            TypeError,
            r"packbits: a has dtype torch.float64; packbits packs integer or bool arrays \(non-zero is a 1 bit\); compare first, e.g. tb.packbits\(a > 0\)",
        ),
        (
            lambda: tb.packbits(tb.ones(3, dtype=tb.int8), bitorder="middle"),
            ValueError,
            r"packbits: bitorder='middle' must be 'big' or 'little'",
        ),
        (
            lambda: tb.packbits(tb.ones((2, 2), dtype=tb.bool), axis=2),
            AxisError,
            r"packbits: axis 2 is out of bounds",
        ),
        (
            lambda: tb.unpackbits(tb.ones(3, dtype=tb.int16)),
            TypeError,
            r"unpackbits: a has dtype torch.int16; unpackbits reads uint8 bytes; convert first, e.g. tb.astype\(a, tb.uint8\)",
        ),
        (
            lambda: tb.unpackbits(tb.ones(1, dtype=tb.uint8), count=-9),
            ValueError,
            r"unpackbits: count=-9 drops more bits than the 8 there are; pass a count >= -8",
        ),
        (
            lambda: tb.unpackbits(tb.ones(1, dtype=tb.uint8), bitorder="BIG"),
            ValueError,
            r"unpackbits: bitorder='BIG' must be 'big' or 'little'",
        ),
    ],
    ids=[
        "pack float",
        "pack bitorder",
        "pack axis",
        "unpack int16",
        "unpack count",
        "unpack bitorder",
    ],
)
def test_bits_reject(call: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("count", [NO_MEMORY, TOO_BIG])
def test_unpackbits_count_beyond_memory_is_numpys_memory_error(count: int) -> None:
    # count bytes of uint8: 256 PiB and 4 EiB are representable, and never allocatable
    check_refused(
        lambda m: m.unpackbits(m.asarray([1], dtype=m.uint8), count=count),
        rf"^unpackbits: unable to allocate .* for an array of shape \({count},\) and dtype "
        r"torch.uint8",
    )
