"""Property tests of the bridge: random dtypes x shapes x strides x byte orders x flags x copy.

Data are random bit patterns plus the awkward ones (NaN payloads, signalling NaNs, -0.0, inf,
subnormals, integer extremes such as uint64 max), so "bit-exact" means every byte survives.
Sharing is checked against the promise in docs/bridge.md: NumPy -> torch shares exactly when the
array is native-order, writable, with non-negative strides that are multiples of its item size,
and copy is not True; torch -> NumPy shares (read-only) exactly when the tensor has no lazy
conjugate/negation bit and copy is not True.
"""

from __future__ import annotations

import ctypes
from typing import Any

import hypothesis.extra.numpy as hnp
import ml_dtypes
import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tbridge as tb

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
COPY = st.sampled_from([None, True, False])
RARELY = st.sampled_from([True, False, False, False])
# Mostly non-empty; an empty axis now and then.
_NON_EMPTY = hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4)
SHAPES = st.one_of(_NON_EMPTY, _NON_EMPTY, _NON_EMPTY, hnp.array_shapes(max_dims=2, min_side=0))

STANDARD = [np.dtype(c) for c in ["?", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8"]] + [
    np.dtype(c) for c in ["f2", "f4", "f8", "c8", "c16"]
]
ML = [
    np.dtype(getattr(ml_dtypes, n))
    for n in [
        "bfloat16",
        "float8_e4m3fn",
        "float8_e4m3fnuz",
        "float8_e5m2",
        "float8_e5m2fnuz",
        "float8_e8m0fnu",
    ]
]
ALL = STANDARD + ML
UINT = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}
TORCH_UINT = {1: torch.uint8, 2: torch.uint16, 4: torch.uint32, 8: torch.uint64}


def torch_twin(nd: np.dtype[Any]) -> torch.dtype:
    for n in ML:
        if n == nd:
            return getattr(torch, n.name)  # type: ignore[no-any-return]
    return torch.from_numpy(np.empty(0, np.dtype(nd.newbyteorder("=").str))).dtype


# ---------------------------------------------------------------------------------------------
# Bits


def _component_bits(dt: np.dtype[Any]) -> tuple[int, int | None]:
    """Width of one stored number (a complex has two) and its mantissa width (floats only)."""
    if dt in ML:  # some report kind "f", but only ml_dtypes.finfo knows them
        return dt.itemsize * 8, int(ml_dtypes.finfo(dt).nmant)
    if dt.kind == "c":
        return dt.itemsize * 4, int(np.finfo(dt).nmant)
    if dt.kind == "f":
        return dt.itemsize * 8, int(np.finfo(dt).nmant)
    return dt.itemsize * 8, None


def specials(dt: np.dtype[Any]) -> list[int]:
    """Bit patterns worth hitting: zeros, extremes, and for floats inf/NaN/subnormal edges."""
    if dt.kind == "b":
        return [0, 1]
    bits, nmant = _component_bits(dt)
    top, ones = 1 << (bits - 1), (1 << bits) - 1
    found = [0, 1, top, top | 1, ones, ones >> 1]  # +0 -0 subnormals, NaN/-1/uint max, int max
    if nmant:
        exp_ones = ((1 << (bits - 1 - nmant)) - 1) << nmant
        found += [exp_ones, exp_ones | top, exp_ones | 1, exp_ones | (1 << (nmant - 1))]
    return found  # inf, -inf, signalling and quiet NaN (or the format's equivalents)


@st.composite
def bit_arrays(draw: st.DrawFn, dt: np.dtype[Any], shape: tuple[int, ...]) -> Any:
    """A C-contiguous native array of ``dt`` holding random and special bit patterns."""
    bits, _ = _component_bits(dt) if dt.kind != "b" else (8, None)
    per_item = 2 if dt.kind == "c" else 1
    count = int(np.prod(shape, dtype=np.int64)) * per_item
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    high = 2 if dt.kind == "b" else 2**bits
    raw = rng.integers(0, high, count, dtype=UINT[bits // 8], endpoint=False)
    if count:
        spots = draw(st.lists(st.integers(0, count - 1), max_size=12))
        for spot, value in zip(spots, draw(st.permutations(specials(dt))), strict=False):
            raw[spot] = value
    return raw.view(dt).reshape(shape)


@st.composite
def numpy_arrays(draw: st.DrawFn, dtypes: list[np.dtype[Any]] = ALL) -> Any:
    """Arrays with every layout the table distinguishes."""
    dt = draw(st.sampled_from(dtypes))
    shape = draw(SHAPES)
    steps = tuple(draw(st.sampled_from([1, 1, 1, 2, -1, -2])) for _ in shape)
    base_shape = tuple(n * abs(s) for n, s in zip(shape, steps, strict=True))
    base = draw(bit_arrays(dt, base_shape))
    if dt.itemsize > 1 and dt not in ML and draw(RARELY):
        base = base.astype(dt.newbyteorder(">"))  # a byte swap: same values, same bits
    if draw(st.booleans()):
        base = np.asfortranarray(base)
    a = base[(*(slice(None, None, s) for s in steps), ...)]  # `...`: 0-d stays an array
    if a.ndim > 1 and draw(st.booleans()):
        a = a.T
    layout = draw(st.sampled_from(["plain"] * 4 + ["broadcast_to", "zero-stride-writable"]))
    if layout == "broadcast_to":
        a = np.broadcast_to(a, (2, *a.shape))
    elif layout == "zero-stride-writable":
        carrier = a.view(UINT[dt.itemsize]) if dt in ML else a  # ml_dtypes have no typestr
        zero = np.lib.stride_tricks.as_strided(carrier, (2, *a.shape), (0, *a.strides))
        a = zero.view(a.dtype)
    if a.flags.writeable and draw(RARELY):
        a = a.view()
        a.flags.writeable = False
    return a


def nbytes(a: np.ndarray[Any, Any]) -> bytes:
    if not a.dtype.isnative:
        a = a.byteswap().view(a.dtype.newbyteorder("="))
    return np.ascontiguousarray(a).tobytes()


def tbytes(t: torch.Tensor) -> bytes:
    if t.numel() == 0:
        return b""
    dense = torch.empty(t.shape, dtype=t.dtype, device="cpu")  # standard strides, no flags
    dense.copy_(t.detach().resolve_conj().resolve_neg())
    return bytes(dense.reshape(-1).view(torch.uint8).numpy().tobytes())


def flip_first(address: int, dt: np.dtype[Any]) -> None:
    """Change element 0's stored bytes in place (bools stay valid bools)."""
    raw = (ctypes.c_uint8 * dt.itemsize).from_address(address)
    for i in range(dt.itemsize):
        raw[i] ^= 0x01 if dt.kind == "b" else 0xFF


def shareable(a: np.ndarray[Any, Any]) -> bool:
    """The table's rule for NumPy -> torch sharing."""
    return (
        a.dtype.isnative
        and a.flags.writeable
        and all(s >= 0 and s % a.itemsize == 0 for s in a.strides)
    )


def assert_same_memory(a: np.ndarray[Any, Any], t: torch.Tensor) -> None:
    assert t.data_ptr() == a.ctypes.data
    assert tuple(s * t.element_size() for s in t.stride()) == a.strides
    assert tb.shares_memory(a, t)
    flip_first(a.ctypes.data, a.dtype)
    assert tbytes(t) == nbytes(a)
    flip_first(t.data_ptr(), a.dtype)
    assert tbytes(t) == nbytes(a)


def assert_separate_memory(a: np.ndarray[Any, Any], t: torch.Tensor) -> None:
    assert not tb.shares_memory(a, t)
    before_a, before_t = nbytes(a), tbytes(t)
    flip_first(a.ctypes.data, a.dtype)
    assert nbytes(a) != before_a
    assert tbytes(t) == before_t
    before_a = nbytes(a)
    flip_first(t.data_ptr(), a.dtype)
    assert tbytes(t) != before_t
    assert nbytes(a) == before_a


# ---------------------------------------------------------------------------------------------
# NumPy -> torch


@SETTINGS
@given(a=numpy_arrays(), copy=COPY, entry=st.sampled_from(["asarray", "from_dlpack"]))
def test_numpy_to_torch_shares_exactly_as_promised(a: Any, copy: bool | None, entry: str) -> None:
    convert = getattr(tb, entry)
    if copy is False and not shareable(a):
        with pytest.raises(ValueError, match=rf"^{entry}\(copy=False\): cannot share memory"):
            convert(a, copy=copy)
        return
    t = convert(a, copy=copy)
    assert t.device.type == "cpu"
    assert tuple(t.shape) == a.shape
    assert t.dtype == torch_twin(a.dtype)
    assert tbytes(t) == nbytes(a)
    if a.size == 0:
        assert not tb.shares_memory(a, t)
    elif copy is not True and shareable(a):
        assert_same_memory(a, t)
    else:
        assert_separate_memory(a, t)


@SETTINGS
@given(a=numpy_arrays())
def test_from_numpy_shares_or_raises(a: Any) -> None:
    if not shareable(a):
        with pytest.raises(ValueError, match=r"^from_numpy: cannot share memory .*tb\.asarray"):
            tb.from_numpy(a)
        return
    t = tb.from_numpy(a)
    assert tbytes(t) == nbytes(a)
    if a.size:
        assert_same_memory(a, t)


@SETTINGS
@given(a=numpy_arrays(), copy_in=st.sampled_from([None, True]), copy_out=COPY)
def test_numpy_round_trip_is_bit_exact(a: Any, copy_in: bool | None, copy_out: bool | None) -> None:
    t = tb.asarray(a, copy=copy_in)
    back = tb.to_numpy(t, copy=copy_out)
    assert type(back) is np.ndarray
    assert back.shape == a.shape
    assert back.dtype == (a.dtype if a.dtype.isnative else a.dtype.newbyteorder("="))
    assert nbytes(back) == nbytes(a)
    assert back.flags.writeable == (copy_out is True)
    shared = copy_in is None and copy_out is not True and shareable(a) and a.size > 0
    assert bool(np.shares_memory(back, a)) == shared


# ---------------------------------------------------------------------------------------------
# torch -> NumPy


def as_tensor(a: np.ndarray[Any, Any]) -> torch.Tensor:
    """A CPU tensor holding a C-contiguous native array's bits, built without tbridge."""
    if a.dtype in ML:
        return torch.from_numpy(a.view(UINT[a.itemsize])).view(torch_twin(a.dtype))
    return torch.from_numpy(a.view(np.dtype(a.dtype.str)))


@st.composite
def tensors(draw: st.DrawFn) -> torch.Tensor:
    """CPU tensors with slices, permutations, zero strides, offsets, conj/neg bits, grad."""
    dt = draw(st.sampled_from(ALL))
    shape = draw(SHAPES)
    t = as_tensor(draw(bit_arrays(dt, shape)))
    t = t[tuple(slice(None, None, draw(st.sampled_from([1, 2]))) for _ in range(t.ndim))]
    if t.ndim > 1 and draw(st.booleans()):
        t = t.permute(*reversed(range(t.ndim)))
    if draw(st.booleans()):
        t = t.expand(2, *t.shape)
    if t.ndim and t.shape[-1] > 1 and draw(st.booleans()):
        t = t[..., 1:]  # a storage offset
    lazy = draw(st.sampled_from(["none", "conj", "neg"])) if t.is_complex() else "none"
    if lazy == "conj":
        t = t.conj()
    elif lazy == "neg":
        t = t.conj().imag
    if t.dtype in (torch.float16, torch.float32, torch.float64) and draw(st.booleans()):
        t = t.detach().requires_grad_()
    return t


@SETTINGS
@given(t=tensors(), copy=COPY, grad=st.booleans())
def test_torch_to_numpy_shares_exactly_as_promised(
    t: torch.Tensor, copy: bool | None, grad: bool
) -> None:
    lazy = t.is_conj() or t.is_neg()
    with torch.set_grad_enabled(grad):
        if copy is False and lazy:
            with pytest.raises(ValueError, match=r"^to_numpy\(copy=False\): .*lazy"):
                tb.to_numpy(t, copy=copy)
            return
        a = tb.to_numpy(t, copy=copy)
    assert type(a) is np.ndarray
    assert a.shape == tuple(t.shape)
    assert torch_twin(a.dtype) == t.dtype
    assert nbytes(a) == tbytes(t)
    assert a.flags.writeable == (copy is True or lazy)
    if t.numel() == 0:
        assert not tb.shares_memory(a, t)
    elif copy is not True and not lazy:
        assert a.ctypes.data == t.data_ptr()
        assert a.strides == tuple(s * t.element_size() for s in t.stride())
        assert tb.shares_memory(a, t)
        flip_first(t.data_ptr(), a.dtype)
        assert nbytes(a) == tbytes(t)
    else:
        assert not tb.shares_memory(a, t)
        before = nbytes(a)
        flip_first(t.data_ptr(), a.dtype)
        assert nbytes(a) == before


@SETTINGS
@given(t=tensors(), copy_out=st.sampled_from([None, True]), copy_in=st.sampled_from([None, True]))
def test_torch_round_trip_is_bit_exact(
    t: torch.Tensor, copy_out: bool | None, copy_in: bool | None
) -> None:
    back = tb.asarray(tb.to_numpy(t, copy=copy_out), copy=copy_in)
    assert back.dtype == t.dtype
    assert back.shape == t.shape
    assert tbytes(back) == tbytes(t)
    assert not back.requires_grad
    assert not tb.shares_memory(back, t)
