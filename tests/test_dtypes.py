"""The dtype table, ``dtype=`` spellings, and the scoped floating default."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._core import dtypes as _dtypes

TABLE = list(_dtypes._PAIRS)


@pytest.mark.parametrize(("torch_dt", "numpy_dt"), TABLE, ids=[str(t) for t, _ in TABLE])
def test_table_round_trips(torch_dt: torch.dtype, numpy_dt: np.dtype[Any]) -> None:
    assert _dtypes.numpy_dtype_of(torch_dt) == numpy_dt
    assert _dtypes.torch_dtype_of_numpy(numpy_dt) is torch_dt
    assert tb.asarray(np.zeros(2, dtype=numpy_dt)).dtype is torch_dt
    # The torch side agrees with the NumPy side on the item size.
    assert torch.empty((), dtype=torch_dt).element_size() == numpy_dt.itemsize


@pytest.mark.parametrize(
    "name",
    [
        "bool",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "float16",
        "bfloat16",
        "float32",
        "float64",
        "complex64",
        "complex128",
    ],
)
def test_public_dtypes_are_torch_dtypes(name: str) -> None:
    assert getattr(tb, name) is getattr(torch, name)


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        (torch.float32, torch.float32),
        (np.float32, torch.float32),
        (np.dtype("f4"), torch.float32),
        ("float32", torch.float32),
        ("f4", torch.float32),
        ("<f4", torch.float32),
        (">f4", torch.float32),  # byte order is NumPy's storage detail; torch is native
        ("int64", torch.int64),
        ("i8", torch.int64),
        ("u2", torch.uint16),
        ("?", torch.bool),
        ("c16", torch.complex128),
        (bool, torch.bool),
        (int, torch.int64),
        (float, torch.float64),
        (complex, torch.complex128),
        (np.bool_, torch.bool),
        ("bfloat16", torch.bfloat16),
        (torch.bfloat16, torch.bfloat16),
    ],
)
def test_dtype_spellings(spelling: object, expected: torch.dtype) -> None:
    assert _dtypes.torch_dtype(spelling) is expected  # type: ignore[arg-type]
    # Same answer a second time, from the cache.
    assert _dtypes.torch_dtype(spelling) is expected  # type: ignore[arg-type]
    assert tb.zeros(1, dtype=spelling).dtype is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("spelling", "message"),
    [
        ("object", r"NumPy dtype '\|O' \(object\) has no torch twin; torch has no such dtype"),
        ("U3", r"NumPy dtype '<U3' \(str96\) has no torch twin"),
        ("datetime64[s]", r"NumPy dtype '<M8\[s\]' \(datetime64\[s\]\) has no torch twin"),
        ("g", r"NumPy dtype '<f16' \(float128\) has no torch twin"),
        ([1], r"dtype=\[1\] is not a dtype; pass a torch dtype"),
        (3, r"dtype=3 is not a dtype; pass a torch dtype \(tb.float32\), a NumPy dtype"),
        ("floaty", r"dtype='floaty' is not a dtype"),
        (torch.nn.Linear, r"is not a dtype"),
    ],
)
def test_bad_dtypes_are_type_errors(spelling: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        tb.zeros(2, dtype=spelling)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("spelling", "message"),
    [
        ("flaot32", r"^linspace: dtype='flaot32' is not a dtype \(did you mean 'float32'\?\)"),
        (object, r"^linspace: dtype=<class 'object'>: NumPy dtype '\|O' \(object\) has no"),
        ([1], r"^linspace: dtype=\[1\] is not a dtype"),
    ],
)
def test_dtype_errors_name_the_caller(spelling: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        tb.linspace(0, 1, 3, dtype=spelling)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("device", "error", "message"),
    [
        ("gpu", ValueError, r"^normal: device='gpu' is not a device torch knows"),
        (1.5, TypeError, r"^normal: device=1\.5 is not a device"),
    ],
)
def test_device_errors_name_the_caller(
    device: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        tb.random.normal(0.0, 1.0, 3, device=device)  # type: ignore[arg-type]


def test_defaults_follow_numpy() -> None:
    assert tb.zeros(2).dtype is _dtypes.torch_dtype_of_numpy(np.zeros(2).dtype)
    assert tb.arange(3).dtype == torch.int64
    assert tb.asarray(1j).dtype == torch.complex128
    info = tb.__array_namespace_info__()
    assert info.default_dtypes() == {
        "real floating": torch.float64,
        "complex floating": torch.complex128,
        "integral": torch.int64,
        "indexing": torch.int64,
    }


def test_default_float_is_scoped_and_restored() -> None:
    global_default = torch.get_default_dtype()
    with tb.default_float(tb.float32) as chosen:
        assert chosen is torch.float32
        assert tb.zeros(2).dtype == torch.float32
        assert tb.asarray([1.5]).dtype == torch.float32
        assert tb.asarray(1j).dtype == torch.complex64
        assert tb.__array_namespace_info__().default_dtypes()["complex floating"] == torch.complex64
        # torch's process-global default is untouched.
        assert torch.get_default_dtype() == global_default
        with tb.default_float("float64"):
            assert tb.ones(1).dtype == torch.float64
        assert tb.ones(1).dtype == torch.float32
    assert tb.zeros(2).dtype == torch.float64


def test_default_float_does_not_leak_into_other_threads() -> None:
    inside = threading.Event()
    release = threading.Event()
    seen: list[torch.dtype] = []

    def float32_user() -> None:
        with tb.default_float(tb.float32):
            seen.append(tb.zeros(1).dtype)
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=float32_user)
    worker.start()
    assert inside.wait(5)
    other = tb.zeros(1).dtype  # this thread, while the other is inside its override
    release.set()
    worker.join()
    assert seen == [torch.float32]
    assert other == torch.float64


@pytest.mark.parametrize("bad", [tb.int32, "complex64", tb.bool])
def test_default_float_rejects_non_real_floats(bad: object) -> None:
    with (
        pytest.raises(
            ValueError, match=r"the default must be a real floating dtype; pass tb.float64"
        ),
        tb.default_float(bad),
    ):  # type: ignore[arg-type]
        pass
