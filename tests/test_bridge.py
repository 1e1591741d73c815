"""tbridge's NumPy <-> torch bridge: every row of docs/bridge.md, every copy value, both ways.

Sharing is checked by pointer equality, byte strides and a write through each side; copies by
independence (writes through either side are not seen by the other). Values are compared bit for
bit against NumPy (native-order bytes), never against hand-computed results.
"""

from __future__ import annotations

import array
import gc
import os
import resource
import subprocess
import sys
import textwrap
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import ml_dtypes
import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._convert import bridge as _bridge
from tbridge._core.dtypes import ML_DTYPE_NAMES
from tests._numpy_compat import NUMPY_MAJOR

COPIES = [None, True, False]
ENTRIES = ["asarray", "from_dlpack"]
REFUSAL_TAIL = r"\. Pass copy=None to copy only when needed, or copy=True$"

ML_NP = {t: np.dtype(getattr(ml_dtypes, name)) for t, name in ML_DTYPE_NAMES.items()}
NP_DTYPES = [
    np.dtype(c) for c in ["?", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8"]
] + [np.dtype("c8"), np.dtype("c16"), *ML_NP.values()]


# ---------------------------------------------------------------------------------------------
# Oracles and helpers (independent of tbridge)


def torch_twin(nd: np.dtype[Any]) -> torch.dtype:
    """torch's own mapping (torch.from_numpy), plus the ml_dtypes names."""
    for t, n in ML_NP.items():
        if n == nd:
            return t
    canonical = np.dtype(nd.newbyteorder("=").str)  # '>u8' and 'Q' (ulonglong) -> '<u8'
    return torch.from_numpy(np.empty(0, canonical)).dtype


def numpy_twin(dt: torch.dtype) -> np.dtype[Any]:
    if dt in ML_NP:
        return ML_NP[dt]
    return torch.empty(0, dtype=dt, device="cpu").numpy().dtype


def nbytes(a: np.ndarray[Any, Any]) -> bytes:
    """The values of ``a`` as native-order C-contiguous bytes."""
    if not a.dtype.isnative:
        a = a.byteswap().view(a.dtype.newbyteorder("="))
    return np.ascontiguousarray(a).tobytes()


def tbytes(t: torch.Tensor) -> bytes:
    """The values of ``t`` as C-contiguous bytes, read by torch alone."""
    if t.numel() == 0:
        return b""
    dense = torch.empty(t.shape, dtype=t.dtype, device="cpu")  # standard strides, no flags
    dense.copy_(t.detach().resolve_conj().resolve_neg())
    return bytes(dense.reshape(-1).view(torch.uint8).numpy().tobytes())


def first(x: np.ndarray[Any, Any] | torch.Tensor) -> tuple[int, ...]:
    return (0,) * x.ndim


def initial(dt: torch.dtype) -> bool | int:
    return False if dt == torch.bool else 1


def mark(dt: torch.dtype) -> bool | int:
    """A value different from ``initial`` that every dtype here represents exactly."""
    return True if dt == torch.bool else 2


def byte_strides(t: torch.Tensor) -> tuple[int, ...]:
    return tuple(s * t.element_size() for s in t.stride())


def assert_numpy_shared_by_tensor(a: np.ndarray[Any, Any], t: torch.Tensor) -> None:
    """``t`` is a zero-copy view of the writable array ``a``."""
    assert type(t) is torch.Tensor
    assert t.device.type == "cpu"
    assert tuple(t.shape) == a.shape
    assert t.dtype == torch_twin(a.dtype)
    if a.size == 0:  # nothing to share; torch gives empty tensors a null pointer
        assert not tb.shares_memory(a, t)
        return
    assert t.data_ptr() == a.ctypes.data
    assert byte_strides(t) == a.strides
    assert tb.shares_memory(a, t)
    assert tb.shares_memory(t, a)
    assert tbytes(t) == nbytes(a)
    i = first(a)
    t[i] = mark(t.dtype)
    assert a[i] == mark(t.dtype)
    a[i] = initial(t.dtype)
    assert t[i].item() == initial(t.dtype)


def assert_independent(
    a: np.ndarray[Any, Any], writer: Any, t: torch.Tensor, *, same_values: bool = True
) -> None:
    """``t`` holds ``a``'s values in memory of its own: writes on either side stay there."""
    assert type(t) is torch.Tensor
    assert tuple(t.shape) == a.shape
    if same_values:
        assert t.dtype == torch_twin(a.dtype)
        assert tbytes(t) == nbytes(a)
    assert not tb.shares_memory(a, t)
    if a.size == 0:
        return
    before_t = tbytes(t)
    if writer is not None:
        before_a = nbytes(a)
        writer[...] = mark(t.dtype)
        assert nbytes(a) != before_a  # the write reached a, so the check below can fail
        assert tbytes(t) == before_t
    before_a = nbytes(a)
    t.detach()[first(t)] = mark(t.dtype)
    assert tbytes(t) != before_t
    assert nbytes(a) == before_a


def assert_read_only_view(t: torch.Tensor, a: np.ndarray[Any, Any]) -> None:
    """``a`` is a read-only NumPy view of the CPU tensor ``t`` that cannot be made writable."""
    assert type(a) is np.ndarray
    assert a.shape == tuple(t.shape)
    assert a.dtype == numpy_twin(t.dtype)
    if a.size:
        assert a.ctypes.data == t.data_ptr()
        assert a.strides == byte_strides(t)
    assert nbytes(a) == tbytes(t)
    assert not a.flags.writeable
    if a.size == 0:
        assert not tb.shares_memory(a, t)
        return
    assert tb.shares_memory(a, t)
    i = first(a)
    with pytest.raises(ValueError, match="read-only"):
        a[i] = mark(t.dtype)
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag to True"):
        a.flags.writeable = True
    t.detach()[i] = mark(t.dtype)
    assert a[i] == mark(t.dtype)
    with tb.writable_numpy(t) as w:
        w[i] = initial(t.dtype)
    assert t[i].item() == initial(t.dtype)
    assert a[i] == initial(t.dtype)


def assert_fresh_copy(t: torch.Tensor, a: np.ndarray[Any, Any]) -> None:
    """``a`` is a new writable array with ``t``'s values; writes on either side stay there."""
    assert type(a) is np.ndarray
    assert a.shape == tuple(t.shape)
    assert a.dtype == numpy_twin(t.dtype)
    assert nbytes(a) == tbytes(t)
    assert a.flags.writeable
    assert not tb.shares_memory(a, t)
    if a.size == 0:
        return
    before_a, before_t = nbytes(a), tbytes(t)
    t.detach()[first(t)] = mark(t.dtype)
    assert tbytes(t) != before_t
    assert nbytes(a) == before_a
    before_t = tbytes(t)
    a[...] = initial(t.dtype)
    assert tbytes(t) == before_t


def refusal(where: str, reason: str) -> str:
    return rf"^{where}\(copy=False\): cannot share memory with the input because .*{reason}.*"


# ---------------------------------------------------------------------------------------------
# The NumPy-side rows of the table. make(tmp_path) -> (array, writer): writer is a writable array
# whose writes reach every element of the array, or None when the memory is immutable.

Maker = Callable[[Path], tuple[Any, Any]]


class NpCase(NamedTuple):
    id: str
    make: Maker
    kind: str  # "share": shares unless copy=True; "copy": must copy; "type": TypeError always
    reason: str = ""  # the pinned reason text for "copy" and "type"


def filled(dt: np.dtype[Any], shape: tuple[int, ...] = (2, 3)) -> np.ndarray[Any, Any]:
    return np.full(shape, initial(torch_twin(dt)), dtype=dt)


def _same(a: np.ndarray[Any, Any]) -> tuple[Any, Any]:
    return a, a


def _readonly_view() -> tuple[Any, Any]:
    base = filled(np.dtype("f8"))
    view = base.view()
    view.flags.writeable = False
    return view, base


def _broadcast() -> tuple[Any, Any]:
    base = filled(np.dtype("f8"), (3,))
    return np.broadcast_to(base, (2, 3)), base


def _zero_stride_writable() -> tuple[Any, Any]:
    base = filled(np.dtype("f8"), (3,))
    return np.lib.stride_tricks.as_strided(base, shape=(2, 3), strides=(0, 8)), base


def _unaligned() -> tuple[Any, Any]:
    raw = np.zeros(6 * 8 + 1, np.uint8)
    a = raw[1:].view(np.float64).reshape(2, 3)
    a[...] = 1
    assert not a.flags.aligned
    return a, a


def _reversed(index: Any) -> Callable[[Path], tuple[Any, Any]]:
    def make(_: Path) -> tuple[Any, Any]:
        base = filled(np.dtype("f8"), (3, 4))
        return base[index], base

    return make


def _packed_field() -> tuple[Any, Any]:
    s = np.zeros(3, dtype=[("a", "u1"), ("b", "<f4")])
    s["b"] = 1
    field = s["b"]
    assert field.strides == (5,)
    return field, field


def _memmap(tmp: Path) -> tuple[Any, Any]:
    m = np.memmap(tmp / "m.bin", dtype=np.float64, mode="w+", shape=(2, 3))
    m[...] = 1
    return m, m


def _bytes_array() -> tuple[Any, Any]:
    return np.frombuffer(b"\x01\x01\x01", dtype=np.uint8), None


def _masked() -> tuple[Any, Any]:
    return np.ma.array([1.0, 2.0], mask=[False, True]), None


def _structured() -> tuple[Any, Any]:
    return np.zeros(2, dtype=[("x", "f4"), ("y", "i4")]), None


NP_CASES = [
    NpCase("c-order", lambda _: _same(filled(np.dtype("f8"))), "share"),
    NpCase("fortran", lambda _: _same(np.asfortranarray(filled(np.dtype("f8")))), "share"),
    NpCase("transposed", lambda _: _same(filled(np.dtype("f4"), (3, 2)).T), "share"),
    NpCase("step-slice", lambda _: _same(filled(np.dtype("i4"), (4, 6))[::2, 1::3]), "share"),
    NpCase("zero-stride-writable", lambda _: _zero_stride_writable(), "share"),
    NpCase("unaligned", lambda _: _unaligned(), "share"),
    NpCase("memmap", _memmap, "share"),
    NpCase("0-d", lambda _: _same(filled(np.dtype("f8"), ())), "share"),
    NpCase("empty", lambda _: _same(filled(np.dtype("f4"), (0, 3))), "share"),
    NpCase("ulonglong", lambda _: _same(filled(np.dtype("Q"))), "share"),
    *[NpCase(f"dtype-{dt.name}", lambda _, dt=dt: _same(filled(dt)), "share") for dt in NP_DTYPES],
    NpCase("read-only", lambda _: _readonly_view(), "copy", "it is read-only"),
    NpCase("broadcast_to", lambda _: _broadcast(), "copy", "it is read-only"),
    NpCase("bytes-buffer", lambda _: _bytes_array(), "copy", "it is read-only"),
    NpCase("reversed", _reversed(np.s_[::-1]), "copy", "it has negative strides"),
    NpCase("reversed-inner", _reversed(np.s_[:, ::-2]), "copy", "it has negative strides"),
    NpCase("packed-field", lambda _: _packed_field(), "copy", r"not multiples of its item size 4"),
    *[
        NpCase(
            f"big-endian-{c}",
            lambda _, c=c: _same(filled(np.dtype(c))),
            "copy",
            rf"its byte order is non-native \('{c}'\)",
        )
        for c in [">i2", ">u4", ">u8", ">f2", ">f4", ">f8", ">c8", ">c16"]
    ],
    NpCase("masked", lambda _: _masked(), "type", "masked array carries a mask.*a.filled"),
    NpCase("object", lambda _: (np.array([1, None], dtype=object), None), "type", "'|O'"),
    NpCase("str", lambda _: (np.array(["a"]), None), "type", "'<U1'"),
    NpCase("bytes", lambda _: (np.array([b"a"]), None), "type", "'|S1'"),
    NpCase("void", lambda _: (np.zeros(2, "V4"), None), "type", "'|V4'"),
    NpCase("structured", lambda _: _structured(), "type", r"'\|V8' \(\[\('x', '<f4'\)"),
    NpCase("datetime64", lambda _: (np.zeros(2, "M8[s]"), None), "type", "datetime64"),
    NpCase("timedelta64", lambda _: (np.zeros(2, "m8[s]"), None), "type", "timedelta64"),
    NpCase("longdouble", lambda _: (np.zeros(2, np.longdouble), None), "type", "float128"),
    NpCase("clongdouble", lambda _: (np.zeros(2, np.clongdouble), None), "type", "complex256"),
    NpCase("int4", lambda _: (np.zeros(2, ml_dtypes.int4), None), "type", "int4"),
    NpCase("float8_e4m3", lambda _: (np.zeros(2, ml_dtypes.float8_e4m3), None), "type", "e4m3"),
]
NP_IDS = [c.id for c in NP_CASES]
NP_DATA_CASES = [c for c in NP_CASES if c.kind != "type"]


@pytest.mark.parametrize("entry", ENTRIES)
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("case", NP_CASES, ids=NP_IDS)
def test_numpy_to_torch(case: NpCase, copy: bool | None, entry: str, tmp_path: Path) -> None:
    a, writer = case.make(tmp_path)
    convert = getattr(tb, entry)
    if case.kind == "type":
        with pytest.raises(TypeError, match=rf"^{entry}: .*{case.reason}"):
            convert(a, copy=copy)
    elif case.kind == "copy" and copy is False:
        with pytest.raises(ValueError, match=refusal(entry, case.reason) + REFUSAL_TAIL):
            convert(a, copy=copy)
    elif case.kind == "share" and copy is not True:
        assert_numpy_shared_by_tensor(a, convert(a, copy=copy))
    else:
        assert_independent(a, writer, convert(a, copy=copy))


@pytest.mark.parametrize("case", NP_CASES, ids=NP_IDS)
def test_from_numpy_shares_or_raises(case: NpCase, tmp_path: Path) -> None:
    a, _ = case.make(tmp_path)
    if case.kind == "type":
        with pytest.raises(TypeError, match=rf"^from_numpy: .*{case.reason}"):
            tb.from_numpy(a)
    elif case.kind == "copy":
        msg = rf"^from_numpy: cannot share memory with this array because .*{case.reason}.*"
        with pytest.raises(ValueError, match=msg + r"Use tb\.asarray\(a\) to get a copy"):
            tb.from_numpy(a)
    else:
        assert_numpy_shared_by_tensor(a, tb.from_numpy(a))


@pytest.mark.parametrize("copy_out", COPIES)
@pytest.mark.parametrize("copy_in", [None, True])
@pytest.mark.parametrize("case", NP_DATA_CASES, ids=[c.id for c in NP_DATA_CASES])
def test_numpy_round_trip(
    case: NpCase, copy_in: bool | None, copy_out: bool | None, tmp_path: Path
) -> None:
    """NumPy -> torch -> NumPy is bit-exact, and shares exactly as the table says."""
    a, _ = case.make(tmp_path)
    t = tb.asarray(a, copy=copy_in)
    back = tb.to_numpy(t, copy=copy_out)
    assert type(back) is np.ndarray
    assert back.shape == a.shape
    assert back.dtype == numpy_twin(torch_twin(a.dtype))
    assert nbytes(back) == nbytes(a)
    if copy_out is True:
        assert back.flags.writeable
        assert not tb.shares_memory(back, t)
    else:
        assert_read_only_view(t, back)
    shared_all_the_way = case.kind == "share" and copy_in is None and copy_out is not True
    assert np.shares_memory(back, a) == (shared_all_the_way and a.size > 0)


# ---------------------------------------------------------------------------------------------
# The torch-side rows of the table.


class TCase(NamedTuple):
    id: str
    make: Callable[[], torch.Tensor]
    kind: str  # "view": shares read-only unless copy=True; "resolve": must copy; "type"
    reason: str = ""


def tfilled(dt: torch.dtype, shape: tuple[int, ...] = (2, 3)) -> torch.Tensor:
    return torch.full(shape, initial(dt), dtype=dt)


def _complex32() -> torch.Tensor:
    with warnings.catch_warnings():  # "ComplexHalf support is experimental"
        warnings.simplefilter("ignore", UserWarning)
        return torch.ones(2, dtype=torch.complex32)


def _conj() -> torch.Tensor:
    return torch.tensor([1 + 2j, 3 - 1j]).conj()


def _neg() -> torch.Tensor:
    t = torch.tensor([1 + 2j, 3 - 1j]).conj().imag
    assert t.is_neg()
    return t


T_CASES = [
    TCase("contiguous", lambda: tfilled(torch.float64), "view"),
    TCase("transposed", lambda: tfilled(torch.float32, (3, 2)).T, "view"),
    TCase("step-slice", lambda: tfilled(torch.int32, (4, 6))[::2, 1::3], "view"),
    TCase("offset", lambda: tfilled(torch.float64, (5,))[2:], "view"),
    TCase("expanded", lambda: tfilled(torch.float64, (3,)).expand(2, 3), "view"),
    TCase("0-d", lambda: tfilled(torch.float64, ()), "view"),
    TCase("empty", lambda: tfilled(torch.float32, (0, 3)), "view"),
    TCase("requires-grad-leaf", lambda: tfilled(torch.float64).requires_grad_(), "view"),
    TCase("requires-grad-result", lambda: tfilled(torch.float64).requires_grad_() * 1, "view"),
    *[TCase(f"dtype-{dt.name}", lambda dt=dt: tfilled(torch_twin(dt)), "view") for dt in NP_DTYPES],
    TCase("conj", _conj, "resolve", "it has a lazy conjugate bit"),
    TCase("neg", _neg, "resolve", "it has a lazy negation bit"),
    TCase("complex32", _complex32, "type", "NumPy has no twin of torch.complex32"),
    TCase("meta", lambda: torch.ones(2, device="meta"), "type", "a meta tensor has .* no data"),
]
T_IDS = [c.id for c in T_CASES]
T_DATA_CASES = [c for c in T_CASES if c.kind != "type"]


@pytest.mark.parametrize("grad_mode", [torch.enable_grad, torch.no_grad])
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("case", T_CASES, ids=T_IDS)
def test_torch_to_numpy(case: TCase, copy: bool | None, grad_mode: Any) -> None:
    t = case.make()
    with grad_mode():
        if case.kind == "type":
            with pytest.raises(TypeError, match=rf"^to_numpy: {case.reason}"):
                tb.to_numpy(t, copy=copy)
            return
        if case.kind == "resolve" and copy is False:
            with pytest.raises(ValueError, match=refusal("to_numpy", case.reason) + REFUSAL_TAIL):
                tb.to_numpy(t, copy=copy)
            return
        a = tb.to_numpy(t, copy=copy)
    if case.kind == "view" and copy is not True:
        assert_read_only_view(t, a)
    else:
        assert_fresh_copy(t, a)


@pytest.mark.parametrize("copy_in", COPIES)
@pytest.mark.parametrize("copy_out", [None, True])
@pytest.mark.parametrize("case", T_DATA_CASES, ids=[c.id for c in T_DATA_CASES])
def test_torch_round_trip(case: TCase, copy_out: bool | None, copy_in: bool | None) -> None:
    """torch -> NumPy -> torch is bit-exact; a read-only view never comes back shared."""
    t = case.make()
    a = tb.to_numpy(t, copy=copy_out)
    fresh = copy_out is True or case.kind == "resolve"
    if copy_in is False and not fresh:
        with pytest.raises(ValueError, match=refusal("asarray", "it is read-only") + REFUSAL_TAIL):
            tb.asarray(a, copy=copy_in)
        return
    back = tb.asarray(a, copy=copy_in)
    assert back.dtype == t.dtype
    assert back.shape == t.shape
    assert tbytes(back) == tbytes(t)
    assert not tb.shares_memory(back, t)
    assert tb.shares_memory(back, a) == (fresh and copy_in is not True and a.size > 0)


@pytest.mark.parametrize("case", T_CASES, ids=T_IDS)
def test_writable_numpy(case: TCase) -> None:
    t = case.make()
    if case.kind == "type":
        with pytest.raises(TypeError, match=rf"^writable_numpy: {case.reason}"):
            tb.writable_numpy(t).__enter__()
        return
    if case.kind == "resolve":
        with pytest.raises(ValueError, match=r"lazy conjugate/negation bit.*resolve_conj\(\)"):
            tb.writable_numpy(t).__enter__()
        return
    version = t._version
    i = first(t)
    with tb.writable_numpy(t) as w:
        assert w.flags.writeable
        assert w.shape == tuple(t.shape)
        assert w.dtype == numpy_twin(t.dtype)
        if t.numel():
            assert w.ctypes.data == t.data_ptr()
            assert w.strides == byte_strides(t)
            w[i] = mark(t.dtype)
    if t.numel():
        assert t[i].item() == mark(t.dtype)
    assert t._version > version
    assert not w.flags.writeable
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag to True"):
        w.flags.writeable = True


def test_writable_numpy_bumps_the_version_when_the_block_raises() -> None:
    t = torch.zeros(3)
    version = t._version
    escaped: list[np.ndarray[Any, Any]] = []

    def write_then_fail() -> None:
        with tb.writable_numpy(t) as w:
            escaped.append(w)
            w[0] = 1
            raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        write_then_fail()
    assert t[0].item() == 1
    assert t._version > version
    assert not escaped[0].flags.writeable


# ---------------------------------------------------------------------------------------------
# Devices: meta always, cuda when present.


@pytest.mark.parametrize("copy", COPIES)
def test_to_numpy_on_device(device: torch.device, copy: bool | None) -> None:
    t = torch.arange(6.0, device=device).reshape(2, 3)
    if device.type == "meta":
        with pytest.raises(TypeError, match=r"^to_numpy: a meta tensor has shape and dtype but"):
            tb.to_numpy(t, copy=copy)
    elif device.type == "cpu" and copy is not True:
        assert_read_only_view(t, tb.to_numpy(t, copy=copy))
    elif device.type != "cpu" and copy is False:
        msg = refusal("to_numpy", f"the tensor is on {t.device}") + r"tb\.to_device\(x, \"cpu\"\)"
        with pytest.raises(ValueError, match=msg):
            tb.to_numpy(t, copy=copy)
    else:
        assert_fresh_copy(t, tb.to_numpy(t, copy=copy))


@pytest.mark.parametrize("entry", ENTRIES)
@pytest.mark.parametrize("copy", COPIES)
def test_numpy_to_device(device: torch.device, copy: bool | None, entry: str) -> None:
    a = np.arange(6.0).reshape(2, 3)
    convert = getattr(tb, entry)
    if device.type == "cpu" and copy is not True:
        assert_numpy_shared_by_tensor(a, convert(a, device=device, copy=copy))
    elif device.type != "cpu" and copy is False:
        msg = refusal(entry, f"NumPy memory is on the CPU and the target device is {device}")
        with pytest.raises(ValueError, match=msg + REFUSAL_TAIL):
            convert(a, device=device, copy=copy)
    else:
        t = convert(a, device=device, copy=copy)
        assert t.device.type == device.type
        assert t.shape == a.shape
        assert t.dtype == torch.float64
        if device.type != "meta":
            assert_independent(a, a, t)


@pytest.mark.parametrize("entry", ENTRIES)
@pytest.mark.parametrize("copy", COPIES)
def test_tensor_passes_through(device: torch.device, copy: bool | None, entry: str) -> None:
    t = torch.arange(3.0, device=device)
    out = getattr(tb, entry)(t, copy=copy)
    assert out.device == t.device
    assert out.dtype == t.dtype
    if copy is True:
        assert out is not t
        assert device.type == "meta" or out.data_ptr() != t.data_ptr()
    else:
        assert out is t


@pytest.mark.parametrize("copy", COPIES)
def test_tensor_moves_to_another_device(device: torch.device, copy: bool | None) -> None:
    t = torch.arange(3.0)
    if device.type == "cpu":
        assert (tb.asarray(t, device=device, copy=copy) is t) == (copy is not True)
    elif copy is False:
        msg = refusal("asarray", f"the tensor moves from cpu to {device}") + REFUSAL_TAIL
        with pytest.raises(ValueError, match=msg):
            tb.asarray(t, device=device, copy=copy)
    else:
        assert tb.asarray(t, device=device, copy=copy).device.type == device.type


def test_writable_numpy_on_device(device: torch.device) -> None:
    t = torch.zeros(3, device=device)
    if device.type == "meta":
        with pytest.raises(TypeError, match=r"^writable_numpy: a meta tensor"):
            tb.writable_numpy(t).__enter__()
    elif device.type != "cpu":
        with pytest.raises(ValueError, match=r"^writable_numpy: the tensor is on .*to_device"):
            tb.writable_numpy(t).__enter__()
    else:
        with tb.writable_numpy(t) as w:
            w[1] = 5
        assert t[1].item() == 5


def test_shares_memory_on_device(device: torch.device) -> None:
    t = torch.arange(6.0, device=device)
    a = np.arange(6.0)
    assert tb.shares_memory(t, t[2:]) == (device.type != "meta")
    assert not tb.shares_memory(t[:3], t[3:])
    assert tb.shares_memory(t, a) == (device.type == "cpu" and t.data_ptr() == a.ctypes.data)
    assert not tb.shares_memory(t, torch.arange(6.0, device=device))


#: Pairs of views of one 6-element buffer; a tensor cannot take a negative step, so the
#: reversed pair is NumPy's alone.
_VIEW_PAIRS = {
    "same": (lambda a: a, lambda a: a),
    "overlapping": (lambda a: a[:4], lambda a: a[2:]),
    "disjoint": (lambda a: a[:3], lambda a: a[3:]),
    "interleaved": (lambda a: a[::2], lambda a: a[1::2]),
    "empty": (lambda a: a[:0], lambda a: a),
    "columns": (lambda a: a.reshape(2, 3)[:, 0], lambda a: a.reshape(2, 3)[:, 2]),
    "reversed": (lambda a: a[::-1], lambda a: a[5:]),
}
_MIXES = ["numpy-numpy", "tensor-numpy", "numpy-tensor", "tensor-tensor"]


@pytest.mark.parametrize("max_work", [0, None, -1, -2, 1])
@pytest.mark.parametrize(
    ("pair", "mix"),
    [(p, m) for p in _VIEW_PAIRS for m in _MIXES if p != "reversed" or m == "numpy-numpy"],
)
def test_may_share_memory_matches_numpy(pair: str, mix: str, max_work: int | None) -> None:
    a = np.arange(6.0)
    t = tb.from_numpy(a)  # the same memory, as a tensor
    first, second = _VIEW_PAIRS[pair]
    want = np.may_share_memory(first(a), second(a), max_work=max_work)
    left, right = (a if kind == "numpy" else t for kind in mix.split("-"))
    assert tb.may_share_memory(first(left), second(right), max_work=max_work) is bool(want)


@pytest.mark.parametrize("fn", [tb.shares_memory, tb.may_share_memory])
def test_memory_checks_refuse_what_has_no_dense_memory(fn: Any) -> None:
    name = fn.__name__
    # both arguments are checked, even when the first is empty
    with pytest.raises(TypeError, match=rf"^{name}: expected tensors or NumPy arrays, got list"):
        fn(np.zeros(0), [1.0])
    sparse = torch.eye(3, dtype=torch.float64).to_sparse()
    with pytest.raises(TypeError, match=rf"^{name}: a torch.sparse_coo tensor has no dense memory"):
        fn(sparse, torch.zeros(3))


def test_may_share_memory_on_device(device: torch.device) -> None:
    t = torch.arange(6.0, device=device)
    assert tb.may_share_memory(t[::2], t[1::2]) == (device.type != "meta")
    assert not tb.may_share_memory(t[:3], t[3:])
    assert not tb.may_share_memory(t, torch.arange(6.0, device=device))


@pytest.mark.parametrize(
    ("max_work", "message"),
    [
        (1.5, r"^may_share_memory: max_work must be an integer or None, got 1\.5; pass 0"),
        (-3, r"^may_share_memory: max_work=-3 is not a valid value; pass 0"),
    ],
)
def test_may_share_memory_refuses_bad_max_work(max_work: object, message: str) -> None:
    a = np.arange(3.0)
    with pytest.raises(ValueError, match="max_work"):  # NumPy's class, as the oracle
        np.may_share_memory(a, a, max_work=max_work)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        tb.may_share_memory(a, a, max_work=max_work)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# bfloat16 and float8 through ml_dtypes, and without it.


@pytest.mark.parametrize("dt", list(ML_NP), ids=str)
def test_ml_dtype_zero_copy_both_ways(dt: torch.dtype) -> None:
    a = filled(ML_NP[dt])
    t = tb.from_numpy(a)
    assert t.dtype == dt
    assert t.data_ptr() == a.ctypes.data
    assert_numpy_shared_by_tensor(a, t)
    back = tb.to_numpy(t)
    assert back.dtype == ML_NP[dt]
    assert back.ctypes.data == a.ctypes.data
    assert_read_only_view(t, back)


def _without_ml_dtypes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the bridge's dtype lookups behave as if ml_dtypes were not installed."""
    to_np, to_torch = _bridge.numpy_dtype_of, _bridge.torch_dtype_of_numpy
    monkeypatch.setattr(
        _bridge, "numpy_dtype_of", lambda d: None if d in ML_DTYPE_NAMES else to_np(d)
    )
    monkeypatch.setattr(
        _bridge,
        "torch_dtype_of_numpy",
        lambda d: None if d in ML_NP.values() else to_torch(d),
    )


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("dt", list(ML_NP), ids=str)
def test_without_ml_dtypes_torch_to_numpy(
    dt: torch.dtype, copy: bool | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_ml_dtypes(monkeypatch)
    t = torch.ones(3, dtype=dt)
    msg = rf"^to_numpy: NumPy has no {dt} without ml_dtypes; install the ml-dtypes extra"
    with pytest.raises(TypeError, match=msg):
        tb.to_numpy(t, copy=copy)
    with pytest.raises(TypeError, match=r"^writable_numpy: NumPy has no"):
        tb.writable_numpy(t).__enter__()
    assert tb.shares_memory(t, t[1:])  # raw integer views still work


@pytest.mark.parametrize("entry", ENTRIES)
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("dt", list(ML_NP), ids=str)
def test_without_ml_dtypes_numpy_to_torch(
    dt: torch.dtype, copy: bool | None, entry: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_ml_dtypes(monkeypatch)
    a = np.ones(3, ML_NP[dt])
    msg = rf"^{entry}: NumPy dtype .* has no torch twin; .*needs ml_dtypes.*tbridge\[ml-dtypes\]"
    with pytest.raises(TypeError, match=msg):
        getattr(tb, entry)(a, copy=copy)
    with pytest.raises(TypeError, match=r"^from_numpy: .*needs ml_dtypes"):
        tb.from_numpy(a)


# ---------------------------------------------------------------------------------------------
# Autograd safety


def test_plain_torch_write_through_numpy_gives_silently_wrong_gradients() -> None:
    w = torch.ones(3, requires_grad=True)
    x = torch.tensor([1.0, 2.0, 3.0])
    y = (w * x).sum()
    x.numpy()[0] = 100
    y.backward()
    assert w.grad is not None
    assert w.grad.tolist() == [100.0, 2.0, 3.0]  # should be [1, 2, 3]: no error, wrong values


def test_to_numpy_view_refuses_the_write() -> None:
    w = torch.ones(3, requires_grad=True)
    x = torch.tensor([1.0, 2.0, 3.0])
    y = (w * x).sum()
    a = tb.to_numpy(x)
    with pytest.raises(ValueError, match="assignment destination is read-only"):
        a[0] = 100
    y.backward()
    assert w.grad is not None
    assert tbytes(w.grad) == tbytes(x)


def test_writable_numpy_makes_backward_raise() -> None:
    w = torch.ones(3, requires_grad=True)
    x = torch.tensor([1.0, 2.0, 3.0])
    y = (w * x).sum()
    with tb.writable_numpy(x) as a:
        a[0] = 100
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        y.backward()


def test_to_numpy_copy_cannot_reach_the_graph() -> None:
    w = torch.ones(3, requires_grad=True)
    x = torch.tensor([1.0, 2.0, 3.0])
    y = (w * x).sum()
    tb.to_numpy(x, copy=True)[0] = 100
    y.backward()
    assert w.grad is not None
    assert w.grad.tolist() == x.tolist()


@pytest.mark.parametrize("copy", COPIES)
def test_asarray_requires_grad_from_numpy(copy: bool | None) -> None:
    a = np.arange(3.0)
    t = tb.asarray(a, requires_grad=True, copy=copy)
    assert t.requires_grad
    assert t.is_leaf
    assert tb.shares_memory(t, a) == (copy is not True)
    t.sum().backward()
    assert t.grad is not None
    assert t.grad.tolist() == [1.0, 1.0, 1.0]


@pytest.mark.parametrize("copy", COPIES)
def test_asarray_requires_grad_of_untracked_tensor_leaves_it_alone(copy: bool | None) -> None:
    x = torch.arange(3.0)
    t = tb.asarray(x, requires_grad=True, copy=copy)
    assert t.requires_grad
    assert not x.requires_grad
    assert tb.shares_memory(t, x) == (copy is not True)


@pytest.mark.parametrize("copy", COPIES)
def test_asarray_requires_grad_needs_a_floating_dtype(copy: bool | None) -> None:
    with pytest.raises(ValueError, match=r"^asarray: requires_grad=True needs a floating"):
        tb.asarray(np.arange(3), requires_grad=True, copy=copy)


@pytest.mark.parametrize("copy", COPIES)
def test_asarray_of_tracked_tensor_stays_on_the_graph(copy: bool | None) -> None:
    w = torch.ones(3, requires_grad=True)
    out = tb.asarray(w, copy=copy)
    assert (out is w) == (copy is not True)
    (out * 2).sum().backward()
    assert w.grad is not None
    assert w.grad.tolist() == [2.0, 2.0, 2.0]


# ---------------------------------------------------------------------------------------------
# dtype=, NumPy and Python scalars, sequences, buffers, __array__, DLPack producers


@pytest.mark.parametrize("entry", ENTRIES)
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("dtype", [tb.float32, np.int16, "complex128"], ids=str)
def test_dtype_change_is_a_copy(copy: bool | None, entry: str, dtype: Any) -> None:
    a = np.arange(6.0).reshape(2, 3)
    expected = a.astype(np.dtype(dtype) if not isinstance(dtype, torch.dtype) else np.float32)
    if copy is False:
        msg = refusal(entry, "the dtype changes from torch.float64 to torch.") + REFUSAL_TAIL
        with pytest.raises(ValueError, match=msg):
            getattr(tb, entry)(a, dtype=dtype, copy=copy)
        return
    t = getattr(tb, entry)(a, dtype=dtype, copy=copy)
    assert t.dtype == torch_twin(expected.dtype)
    assert tbytes(t) == nbytes(expected)
    assert_independent(a, a, t, same_values=False)


NP_SCALARS = [dt.type(1) for dt in NP_DTYPES]


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("scalar", NP_SCALARS, ids=lambda s: type(s).__name__)
def test_numpy_scalar_is_a_strongly_typed_0d_copy(scalar: Any, copy: bool | None) -> None:
    if copy is False:
        msg = refusal("asarray", "a NumPy scalar is immutable and owns no shareable buffer")
        with pytest.raises(ValueError, match=msg + REFUSAL_TAIL):
            tb.asarray(scalar, copy=copy)
        return
    t = tb.asarray(scalar, copy=copy)
    assert t.shape == ()
    assert t.dtype == torch_twin(np.asarray(scalar).dtype)
    assert tbytes(t) == nbytes(np.asarray(scalar))
    back = tb.to_numpy(t)
    assert back.shape == ()
    assert back.dtype == np.asarray(scalar).dtype
    assert nbytes(back) == nbytes(np.asarray(scalar))


@pytest.mark.parametrize("scalar", [np.float32(1), np.int8(1), np.bool_(True)], ids=str)
def test_from_numpy_refuses_numpy_scalars(scalar: Any) -> None:
    with pytest.raises(TypeError, match=r"^from_numpy: expected a NumPy array, got a NumPy scal"):
        tb.from_numpy(scalar)


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize(
    "scalar", [np.str_("a"), np.datetime64("2020-01-01"), np.longdouble(1)], ids=repr
)
def test_unsupported_numpy_scalars(scalar: Any, copy: bool | None) -> None:
    if copy is False:
        with pytest.raises(ValueError, match="a NumPy scalar is immutable"):
            tb.asarray(scalar, copy=copy)
    else:
        with pytest.raises(TypeError, match=r"^asarray: NumPy dtype .* has no torch twin"):
            tb.asarray(scalar, copy=copy)


PY_DATA = [
    1.5,
    7,
    True,
    1 + 2j,
    [1.5, 2],
    [1, 2],
    [True, False],
    [[1 + 2j], [3]],
    (1.0, 2.0),
    [[1, 2], [3, 4]],
    [],
    [np.float32(1), np.float32(2)],
    [np.float16(1)],
    [np.int8(1), np.int8(-1)],
    [np.zeros(2, np.float32), np.ones(2, np.float32)],
    [np.uint64(2**64 - 1)],
]


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("obj", PY_DATA, ids=repr)
def test_python_data_follows_numpy_inference(obj: Any, copy: bool | None) -> None:
    if copy is False:
        with pytest.raises(ValueError, match=r"^asarray\(copy=False\): .* has no memory to share"):
            tb.asarray(obj, copy=copy)
        return
    expected = np.asarray(obj)
    t = tb.asarray(obj, copy=copy)
    assert t.device.type == "cpu"
    assert t.shape == expected.shape
    assert t.dtype == torch_twin(expected.dtype)
    assert tbytes(t) == nbytes(expected)


@pytest.mark.parametrize("obj", [1.5, [1.5, 2.0], [1 + 2j], [np.float32(1)], [np.float16(1)]])
def test_default_float_applies_to_python_floats_only(obj: Any) -> None:
    with tb.default_float(tb.float32):
        t = tb.asarray(obj)
    inferred = np.asarray(obj).dtype
    python_floats = not (isinstance(obj, list) and isinstance(obj[0], np.generic))
    if python_floats:
        assert t.dtype == (torch.complex64 if inferred.kind == "c" else torch.float32)
    else:
        assert t.dtype == torch_twin(inferred)


@pytest.mark.parametrize(
    ("obj", "error", "match"),
    [
        (
            2**64,
            OverflowError,
            r"^asarray: Python integer 18446744073709551616 is out of bounds for every integer",
        ),
        ([[1], [1, 2]], ValueError, "^asarray: cannot build an array from this sequence"),
        (["a", "b"], TypeError, "^asarray: the sequence holds data NumPy reads as <U1"),
        ([2**70], TypeError, "^asarray: the sequence holds data NumPy reads as object"),
        (object(), TypeError, "^asarray: cannot convert an object of type object"),
        ({1: 2}, TypeError, "^asarray: cannot convert an object of type dict"),
    ],
)
def test_python_data_errors(obj: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tb.asarray(obj)


def _bytearray() -> tuple[Any, Any]:
    b = bytearray(b"\x01\x01\x01")
    return b, np.frombuffer(b, np.uint8)


def _array_array() -> tuple[Any, Any]:
    b = array.array("d", [1.0, 1.0])
    return b, np.frombuffer(b, np.float64)


def _memoryview() -> tuple[Any, Any]:
    b = bytearray(b"\x01\x01\x01\x01")
    return memoryview(b).cast("h"), np.frombuffer(b, np.int16)


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("make", [_bytearray, _array_array, _memoryview], ids=lambda f: f.__name__)
def test_writable_buffers_share(make: Callable[[], tuple[Any, Any]], copy: bool | None) -> None:
    buf, view = make()
    t = tb.asarray(buf, copy=copy)
    if copy is True:
        assert_independent(view, view, t)
    else:
        assert_numpy_shared_by_tensor(view, t)


@pytest.mark.parametrize("copy", COPIES)
def test_bytes_buffer_is_read_only(copy: bool | None) -> None:
    if copy is False:
        msg = refusal("asarray", "it is read-only") + REFUSAL_TAIL
        with pytest.raises(ValueError, match=msg):
            tb.asarray(b"\x01\x02", copy=copy)
        return
    t = tb.asarray(b"\x01\x02", copy=copy)
    assert t.dtype == torch.uint8
    assert tbytes(t) == b"\x01\x02"


class SharesOnRequest:
    """NumPy 2 protocol: ``copy=False`` honoured by returning the object's own array."""

    def __init__(self) -> None:
        self.data = np.ones(3)

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> np.ndarray[Any, Any]:
        return self.data.copy() if copy else self.data


class MustCopy:
    """NumPy 2 protocol: refuses ``copy=False`` since its data are not an array."""

    def __init__(self) -> None:
        self.data = [1.0, 1.0, 1.0]

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> np.ndarray[Any, Any]:
        if copy is False:
            raise ValueError("MustCopy holds a list")
        return np.array(self.data, dtype=dtype)


class OldProtocol:
    """NumPy 1 protocol: no ``copy`` keyword, so it cannot promise anything."""

    def __init__(self) -> None:
        self.data = np.ones(3)

    def __array__(self, dtype: Any = None) -> np.ndarray[Any, Any]:
        return self.data


NEEDS_NUMPY2 = pytest.mark.skipif(NUMPY_MAJOR < 2, reason="NumPy 2's __array__(copy=) protocol")
NEEDS_NUMPY1 = pytest.mark.skipif(NUMPY_MAJOR >= 2, reason="NumPy 1.x behaviour")


@NEEDS_NUMPY2
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("kind", [SharesOnRequest, MustCopy, OldProtocol], ids=lambda k: k.__name__)
def test_numpy2_copy_protocol(kind: type, copy: bool | None) -> None:
    obj = kind()
    if copy is False and kind is MustCopy:
        msg = refusal("asarray", r"MustCopy\.__array__\(copy=False\) refused: MustCopy holds a")
        with pytest.raises(ValueError, match=msg + REFUSAL_TAIL):
            tb.asarray(obj, copy=copy)
        return
    if copy is False and kind is OldProtocol:
        msg = refusal("asarray", r"OldProtocol\.__array__ takes no copy= keyword")
        with pytest.raises(ValueError, match=msg + REFUSAL_TAIL):
            tb.asarray(obj, copy=copy)
        return
    t = tb.asarray(obj, copy=copy)
    assert tbytes(t) == nbytes(np.ones(3))
    if kind is MustCopy:
        return  # its data are a list: nothing to share
    if copy is True:
        assert_independent(obj.data, obj.data, t)
    else:
        assert_numpy_shared_by_tensor(obj.data, t)


@NEEDS_NUMPY1
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("kind", [SharesOnRequest, MustCopy, OldProtocol], ids=lambda k: k.__name__)
def test_numpy1_copy_protocol(kind: type, copy: bool | None) -> None:
    """NumPy 1.x cannot pass copy=False on to __array__: copy=False refuses every such object."""
    obj = kind()
    if copy is False:
        reason = (
            r"OldProtocol\.__array__ takes no copy= keyword"
            if kind is OldProtocol
            else rf"NumPy 1\.\S+ cannot pass copy=False on to {kind.__name__}\.__array__"
        )
        with pytest.raises(ValueError, match=refusal("asarray", reason) + REFUSAL_TAIL):
            tb.asarray(obj, copy=copy)
        return
    t = tb.asarray(obj, copy=copy)
    assert tbytes(t) == nbytes(np.ones(3))
    if kind is MustCopy:
        return  # its data are a list: nothing to share
    if copy is True:
        assert_independent(obj.data, obj.data, t)
    else:
        assert_numpy_shared_by_tensor(obj.data, t)


@NEEDS_NUMPY2
def test_plain_torch_numpy2_copy_protocol_fails() -> None:
    t = torch.arange(3.0)
    with (
        pytest.warns(DeprecationWarning, match="__array__ implementation doesn't accept a copy"),
        pytest.raises(ValueError, match="Unable to avoid copy"),
    ):
        np.asarray(t, copy=False)  # could share, but NumPy cannot ask torch for that
    assert_read_only_view(t, tb.to_numpy(t, copy=False))


@NEEDS_NUMPY1
def test_plain_torch_numpy1_has_no_copy_protocol() -> None:
    t = torch.arange(3.0)
    with pytest.raises(TypeError, match="unexpected keyword argument 'copy'"):
        np.asarray(t, copy=False)  # NumPy 1 cannot even ask
    assert_read_only_view(t, tb.to_numpy(t, copy=False))


class Producer:
    """A DLPack producer that is not an ndarray or a tensor (delegates to one)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __dlpack__(self, **kwargs: Any) -> Any:
        return self.inner.__dlpack__(**kwargs)

    def __dlpack_device__(self) -> Any:
        return self.inner.__dlpack_device__()


def _ro_ndarray() -> tuple[Any, Any]:
    base = np.ones(3)
    ro = base.view()
    ro.flags.writeable = False
    return ro, base


# Reversed memory behind a producer is tested in a subprocess (a regression aborts the process).
DLPACK_CASES = [
    ("tensor", lambda: (tfilled(torch.float64), None), "share", ""),
    ("bool-tensor", lambda: (tfilled(torch.bool), None), "share", ""),
    ("bfloat16-tensor", lambda: (tfilled(torch.bfloat16), None), "share", ""),
    ("ndarray", lambda: _same(filled(np.dtype("f4"))), "share", ""),
    ("read-only-ndarray", _ro_ndarray, "copy", "it is read-only"),
]
# NumPy 1.x refuses to export a read-only array through DLPack (test_dlpack_read_only_numpy1).
NUMPY2_ONLY_DLPACK = {"read-only-ndarray"}
NEEDS_NUMPY2_DLPACK = pytest.mark.skipif(
    NUMPY_MAJOR < 2, reason="NumPy 1.x exports no read-only array through DLPack"
)


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize(
    ("inner_make", "kind", "reason"),
    [
        pytest.param(
            *c[1:], id=c[0], marks=[NEEDS_NUMPY2_DLPACK] if c[0] in NUMPY2_ONLY_DLPACK else []
        )
        for c in DLPACK_CASES
    ],
)
def test_dlpack_producers(inner_make: Any, kind: str, reason: str, copy: bool | None) -> None:
    inner, writer = inner_make()
    producer = Producer(inner)
    if kind == "copy" and copy is False:
        with pytest.raises(ValueError, match=refusal("from_dlpack", reason) + REFUSAL_TAIL):
            tb.from_dlpack(producer, copy=copy)
        return
    t = tb.from_dlpack(producer, copy=copy)
    if isinstance(inner, torch.Tensor):
        assert t.dtype == inner.dtype
        assert tbytes(t) == tbytes(inner)
        assert (t.data_ptr() == inner.data_ptr()) == (copy is not True)
        assert tb.shares_memory(t, inner) == (copy is not True)
    elif kind == "share" and copy is not True:
        assert_numpy_shared_by_tensor(inner, t)
    else:
        assert_independent(inner, writer, t)


@NEEDS_NUMPY1
@pytest.mark.parametrize("copy", COPIES)
def test_dlpack_read_only_numpy1(copy: bool | None) -> None:
    """NumPy 1.x's DLPack (before 1.0) has no read-only flag, so NumPy refuses the export."""
    inner, _ = _ro_ndarray()
    with pytest.raises(BufferError, match="Cannot export readonly array"):
        inner.__dlpack__()
    with pytest.raises(
        ValueError,
        match=r"^from_dlpack: the producer refused to export its memory: Cannot export readonly",
    ):
        tb.from_dlpack(Producer(inner), copy=copy)


def test_dlpack_producer_refusal_is_a_value_error() -> None:
    producer = Producer(torch.ones(2, requires_grad=True))
    with pytest.raises(ValueError, match=r"^from_dlpack: the producer refused to export its mem"):
        tb.from_dlpack(producer)


def test_negative_strides_never_reach_torch_dlpack() -> None:
    """torch.from_dlpack aborts the process on negative strides: run it where a crash shows."""
    script = textwrap.dedent(
        """
        import numpy as np, tbridge as tb

        class Producer:
            def __init__(self, a): self.a = a
            def __dlpack__(self, **kw): return self.a.__dlpack__(**kw)
            def __dlpack_device__(self): return self.a.__dlpack_device__()

        for copy in (None, True, False):
            for obj in (np.arange(5.0)[::-1], Producer(np.arange(5.0)[::-1])):
                try:
                    t = tb.from_dlpack(obj, copy=copy)
                    assert t.tolist() == [4.0, 3.0, 2.0, 1.0, 0.0]
                except ValueError as e:
                    assert copy is False and "negative strides" in str(e)
        print("survived")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"


# ---------------------------------------------------------------------------------------------
# shares_memory, argument checks, torch's global state


@pytest.mark.parametrize(
    ("pick_a", "pick_b"),
    [
        (np.s_[:], np.s_[:]),
        (np.s_[:4], np.s_[3:]),
        (np.s_[:3], np.s_[3:]),
        (np.s_[::2], np.s_[1::2]),
        (np.s_[1::3], np.s_[2:5]),
        (np.s_[:0], np.s_[:]),
    ],
    ids=["same", "overlap", "disjoint", "interleaved", "strided", "empty"],
)
@pytest.mark.parametrize("kinds", ["nn", "nt", "tn", "tt"])
def test_shares_memory_any_mix(pick_a: slice, pick_b: slice, kinds: str) -> None:
    """NumPy's exact solver is the oracle, for every mix of arrays and tensors."""
    base = np.arange(6.0)
    t = tb.from_numpy(base)
    expected = bool(np.shares_memory(base[pick_a], base[pick_b]))
    x = base[pick_a] if kinds[0] == "n" else t[pick_a]
    y = base[pick_b] if kinds[1] == "n" else t[pick_b]
    assert tb.shares_memory(x, y) == expected


def test_shares_memory_reversed_array() -> None:
    base = np.arange(6.0)
    assert tb.shares_memory(base[::-1], tb.from_numpy(base)[5:])
    assert not tb.shares_memory(base[:2][::-1], tb.from_numpy(base)[2:])


def test_shares_memory_conj_and_neg() -> None:
    z = torch.tensor([1 + 2j, 3 - 1j])
    assert tb.shares_memory(z.conj(), z)
    assert tb.shares_memory(z.conj().imag, tb.to_numpy(z))
    assert not tb.shares_memory(z.conj(), torch.tensor([1 + 2j]))


@pytest.mark.parametrize("bad", [[1.0], 1.0, None])
def test_shares_memory_rejects_other_types(bad: Any) -> None:
    with pytest.raises(TypeError, match=r"^shares_memory: expected tensors or NumPy arrays"):
        tb.shares_memory(np.zeros(2), bad)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: tb.asarray([1.0], copy="no"), "^asarray: copy='no' is not allowed"),
        (lambda: tb.to_numpy(torch.ones(1), copy=1), "^to_numpy: copy=1 is not allowed"),
        (lambda: tb.from_dlpack(np.ones(1), copy="x"), "^from_dlpack: copy='x' is not allowed"),
        (lambda: tb.to_numpy(np.ones(1)), "^to_numpy: expected a torch.Tensor, got ndarray"),
        (lambda: tb.from_numpy([1.0]), "^from_numpy: expected a NumPy array, got list"),
        (lambda: tb.writable_numpy([1.0]).__enter__(), "^writable_numpy: expected a torch.T"),
        (lambda: tb.from_dlpack(object()), "^from_dlpack: an object of type object has no"),
    ],
)
def test_argument_errors(call: Callable[[], Any], match: str) -> None:
    with pytest.raises(TypeError, match=match):
        call()


def test_sparse_tensor_has_no_numpy_view() -> None:
    s = torch.eye(2).to_sparse()
    with pytest.raises(TypeError, match=r"^to_numpy: a torch.sparse_coo tensor has no dense mem"):
        tb.to_numpy(s)


GLOBAL_INPUTS = [
    lambda: np.arange(3.0),
    lambda: np.arange(3.0)[::-1],
    lambda: np.broadcast_to(np.arange(3.0), (2, 3)),
    lambda: np.arange(3, dtype=">f4"),
    lambda: b"\x01\x02",
    lambda: [1.5, 2.5],
    lambda: 1.5,
    lambda: np.float32(1.5),
]


@pytest.mark.parametrize("copy", [None, True])
@pytest.mark.parametrize("make", GLOBAL_INPUTS, ids=range(len(GLOBAL_INPUTS)))
def test_torch_global_defaults_do_not_leak_in(make: Callable[[], Any], copy: bool | None) -> None:
    expected = tb.asarray(make(), copy=copy)
    torch.set_default_device("meta")
    torch.set_default_dtype(torch.float32)
    t = tb.asarray(make(), copy=copy)
    assert t.device == expected.device == torch.device("cpu")
    assert t.dtype == expected.dtype
    assert tbytes(t) == tbytes(expected)
    assert_read_only_view(t, tb.to_numpy(t))


# ---------------------------------------------------------------------------------------------
# Plain torch behaviour the table's "plain torch" column states (fails when torch changes).


def _masked_drops_mask() -> None:
    t = torch.from_numpy(np.ma.array([1.0, 2.0], mask=[False, True]))
    assert t.tolist() == [1.0, 2.0]  # the masked 2.0 is back
    raise LookupError("mask dropped")


def _numpy_under_no_grad_aliases() -> None:
    w = torch.ones(3, requires_grad=True)
    with torch.no_grad():
        a = w.numpy()
    assert a.ctypes.data == w.data_ptr()
    assert a.flags.writeable
    raise LookupError("aliased a leaf that requires grad")


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: torch.from_numpy(np.arange(3.0)[::-1]), ValueError, "negative"),
        (lambda: torch.from_numpy(np.arange(3, dtype=">f4")), ValueError, "byte order"),
        (lambda: torch.from_numpy(np.zeros(2, object)), TypeError, "can't convert np.ndarray"),
        (lambda: torch.from_numpy(np.float32(1)), TypeError, "expected np.ndarray"),
        (lambda: torch.from_numpy(_packed_field()[0]), ValueError, "not a multiple"),
        (lambda: torch.ones(2, dtype=torch.bfloat16).numpy(), TypeError, "BFloat16"),
        (lambda: torch.ones(2, requires_grad=True).numpy(), RuntimeError, "requires grad"),
        (lambda: _conj().numpy(), RuntimeError, "conjugate bit"),
        (lambda: _neg().numpy(), RuntimeError, "negative bit"),
        (lambda: torch.ones(2, device="meta").numpy(), TypeError, "meta"),
        (_masked_drops_mask, LookupError, "mask dropped"),
        (_numpy_under_no_grad_aliases, LookupError, "aliased a leaf"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_plain_torch_column(call: Callable[[], Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        call()


# ---------------------------------------------------------------------------------------------
# Lifetime, leaks, threads


def _churn() -> None:
    """Allocate and fill memory of the sizes just freed, so a dangling view would see it."""
    junk = [np.full(64, -7.0) for _ in range(200)]
    junk += [torch.full((64,), -7.0, dtype=torch.float64) for _ in range(200)]
    del junk


NUMPY_SIDE_KEEPERS = {
    "from_numpy": tb.from_numpy,
    "asarray-None": tb.asarray,
    "asarray-False": lambda a: tb.asarray(a, copy=False),
    "from_dlpack": lambda a: tb.from_dlpack(a, copy=False),
}


@pytest.mark.parametrize("dtype", [np.dtype("f8"), ML_NP[torch.bfloat16]], ids=str)
@pytest.mark.parametrize("keep", list(NUMPY_SIDE_KEEPERS), ids=str)
def test_tensor_outlives_its_array(keep: str, dtype: np.dtype[Any]) -> None:
    a = np.arange(64).astype(dtype)
    expected = nbytes(a)
    t = NUMPY_SIDE_KEEPERS[keep](a)
    assert t.data_ptr() == a.ctypes.data
    del a
    gc.collect()
    _churn()
    assert tbytes(t) == expected


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("dt", [torch.float64, torch.bfloat16], ids=str)
def test_array_outlives_its_tensor(copy: bool | None, dt: torch.dtype) -> None:
    t = torch.arange(64, dtype=dt)
    expected = tbytes(t)
    a = tb.to_numpy(t, copy=copy)
    del t
    gc.collect()
    _churn()
    assert nbytes(a) == expected


def test_writable_view_outlives_its_tensor() -> None:
    t = torch.arange(64, dtype=torch.float64)
    with tb.writable_numpy(t) as a:
        a[0] = 5
    expected = tbytes(t)
    del t
    gc.collect()
    _churn()
    assert nbytes(a) == expected


def _rss_bytes() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: peak RSS in KiB (a rise of the peak still shows a leak)
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@pytest.mark.slow
def test_round_trips_do_not_leak() -> None:
    a = np.arange(4.0)
    for _ in range(5_000):  # warm caches and allocator pools
        tb.to_numpy(tb.asarray(a))
    gc.collect()
    before = _rss_bytes()
    for _ in range(100_000):
        tb.to_numpy(tb.asarray(a))
    gc.collect()
    grown = _rss_bytes() - before
    assert grown < 2**20, f"RSS grew by {grown} bytes over 100,000 round trips"


THREAD_INPUTS = [c.make(Path()) for c in NP_DATA_CASES if c.id not in {"memmap"}]


def _convert_all() -> list[tuple[bytes, bool, bytes, bool]]:
    out = []
    for a, _ in THREAD_INPUTS:
        t = tb.asarray(a)
        back = tb.to_numpy(t)
        out.append((tbytes(t), tb.shares_memory(a, t), nbytes(back), back.flags.writeable))
    return out


def test_threads_convert_like_serial_code() -> None:
    serial = _convert_all()
    barrier = threading.Barrier(8)
    results: list[Any] = [None] * 8

    def work(i: int) -> None:
        barrier.wait()
        results[i] = [_convert_all() for _ in range(20)]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert results == [[serial] * 20] * 8


BLOCK_CASES = {
    "1-d": np.arange(1000.0),
    "reversed": np.arange(1000.0)[::-1],
    "c-order": np.arange(600.0).reshape(20, 30),
    "f-order": np.asfortranarray(np.arange(600.0).reshape(20, 30)),
    "3-d": np.arange(2400.0).reshape(2, 3, 400),
    "f-3-d": np.asfortranarray(np.arange(2400.0).reshape(400, 3, 2)),
    "0-d": np.array(5.0),
}


@pytest.mark.parametrize("name", list(BLOCK_CASES))
def test_big_copies_go_in_blocks(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies above the block size are split; values, layout and independence are kept."""
    a = BLOCK_CASES[name]
    monkeypatch.setattr(_bridge, "_COPY_BLOCK", 64)  # 8 float64 per block
    calls: list[int] = []
    real_copyto = np.copyto

    def counting_copyto(dst: Any, src: Any, **kw: Any) -> None:
        calls.append(dst.size)
        real_copyto(dst, src, **kw)

    monkeypatch.setattr(_bridge.np, "copyto", counting_copyto)
    read_only = a.copy(order="K")
    read_only.flags.writeable = False
    copied = tb.asarray(a, copy=True)
    if a.flags.f_contiguous and not a.flags.c_contiguous:
        assert not copied.is_contiguous()  # copy=True keeps the layout, as clone() does
    for t in (copied, tb.asarray(read_only)):
        assert np.array_equal(t.numpy(), a)
        assert not np.shares_memory(t.numpy(), a)
        back = tb.to_numpy(t, copy=True)
        assert np.array_equal(back, a)
        assert back.flags.c_contiguous
        assert back.flags.writeable
    assert sum(calls) == 4 * a.size  # every element copied once per copy, no overlap
    if a.ndim:
        # A block is 8 elements, or one slab along the blocked axis when a slab is bigger.
        slab = max(a.size // a.shape[0], a.size // a.shape[-1])
        assert len(calls) > 6
        assert max(calls) <= max(8, slab)
    else:
        assert calls == [1, 1, 1, 1]
