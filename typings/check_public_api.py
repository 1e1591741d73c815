"""Typing tests: what downstream code may rely on. mypy --strict must accept this file.

Positive cases use ``assert_type``; negative cases carry ``# type: ignore[code]`` and, with
``warn_unused_ignores``, become errors the day they stop failing. Never executed, only checked.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import torch
from typing_extensions import assert_type

import tbridge as tb


class _Pixels:
    """An image-like object NumPy reads through ``__array__`` (as PIL images are)."""

    def __array__(self) -> np.ndarray[Any, Any]:
        return np.zeros((2, 3))


def creation() -> None:
    assert_type(tb.zeros(5, 3), torch.Tensor)
    assert_type(tb.ones((5, 3), dtype=tb.float32), torch.Tensor)
    assert_type(tb.full((2, 2), 7), torch.Tensor)
    assert_type(tb.arange(5), torch.Tensor)
    assert_type(tb.linspace(0, 1, 5), torch.Tensor)
    assert_type(tb.linspace(0, 1, 5, retstep=True), tuple[torch.Tensor, float])
    assert_type(tb.eye(3, k=1), torch.Tensor)
    assert_type(tb.asarray([1.0, 2.0]), torch.Tensor)
    assert_type(tb.zeros_like(np.zeros(3)), torch.Tensor)
    assert_type(tb.random.default_rng(0).normal(size=(2,)), torch.Tensor)
    assert_type(tb.float64, torch.dtype)
    tb.zeros(3, dtype="float32")
    tb.zeros(3, dtype=np.float32)
    tb.zeros((2, 3), None)  # NumPy code that forwards its dtype=None positionally
    tb.zeros(3, device=0)
    tb.zeros(3, copy=True)  # type: ignore[call-arg]
    tb.arange("5")  # type: ignore[arg-type]
    # asarray/array take array data: tensors, arrays, scalars, buffers, nested sequences and
    # objects with __array__ or __dlpack__; anything else is a type error
    assert_type(tb.asarray(np.float32(1.5)), torch.Tensor)
    assert_type(tb.asarray(memoryview(b"ab")), torch.Tensor)
    assert_type(tb.asarray([[1, 2], [3, 4]]), torch.Tensor)
    assert_type(tb.array(range(3)), torch.Tensor)
    assert_type(tb.asarray([_Pixels(), _Pixels()]), torch.Tensor)  # a list of __array__ objects
    assert_type(tb.asarray([memoryview(b"ab"), memoryview(b"cd")]), torch.Tensor)
    tb.asarray(object())  # type: ignore[arg-type]
    tb.array(None)  # type: ignore[arg-type]


def bridge(a: np.ndarray[Any, Any], t: torch.Tensor) -> None:
    assert_type(tb.from_numpy(a), torch.Tensor)
    assert_type(tb.to_numpy(t), npt.NDArray[Any])
    assert_type(tb.to_numpy(t, copy=True), npt.NDArray[Any])
    assert_type(tb.shares_memory(a, t), bool)
    assert_type(tb.may_share_memory(a, t, max_work=-1), bool)
    assert_type(tb.may_share_memory(a, t, max_work=None), bool)
    with tb.writable_numpy(t) as view:
        assert_type(view, npt.NDArray[Any])
    f32: npt.NDArray[np.float32] = tb.to_numpy(t)  # the dtype is the caller's to claim
    t2: torch.Tensor = tb.to_numpy(t)  # type: ignore[assignment]
    print(f32, t2)
    tb.to_numpy(a)  # type: ignore[arg-type]
    tb.to_numpy(t, copy="yes")  # type: ignore[arg-type]


def moves(t: torch.Tensor) -> None:
    assert_type(tb.to_device(t, "cpu"), torch.Tensor)
    assert_type(tb.astype(t, tb.float64, device="cpu"), torch.Tensor)
    tb.to_device(t, device="cpu")  # type: ignore[call-arg]


def numpy_names(x: torch.Tensor) -> None:
    """NumPy's functions beyond the standard are public names of tb, tb.linalg, tb.fft and
    tb.testing (pyright reports a name missing from a module's __all__ as private)."""
    assert_type(tb.absolute(x), torch.Tensor)
    assert_type(tb.fmax(x, x), torch.Tensor)
    assert_type(tb.median(x), torch.Tensor)
    assert_type(tb.pad(x, 1), torch.Tensor)
    assert_type(tb.linalg.norm(x), torch.Tensor)
    assert_type(tb.fft.fft2(x), torch.Tensor)
    tb.testing.assert_allclose(x, x)


def namespace(x: torch.Tensor) -> None:
    assert_type(tb.add(x, 1), torch.Tensor)
    assert_type(tb.sin(x), torch.Tensor)
    assert_type(tb.sum(x, axis=0), torch.Tensor)
    assert_type(tb.linalg.inv(x), torch.Tensor)
    assert_type(tb.fft.fft(x), torch.Tensor)
    assert_type(tb.result_type(x, 1.0), torch.dtype)
    assert_type(tb.__array_namespace_info__().default_dtypes(), dict[str, torch.dtype])
    assert_type(tb.divide(x, x, out=x, where=x != 0), torch.Tensor)
    assert_type(tb.sqrt(x, out=x, where=[True, False]), torch.Tensor)
    assert_type(tb.modf(x, where=x > 0), tuple[torch.Tensor, torch.Tensor])
    assert_type(tb.add(x, 1, dtype=tb.float32), torch.Tensor)
    assert_type(tb.sqrt(x, dtype="float32"), torch.Tensor)
    assert_type(tb.add.reduce(x, axis=0, initial=0, where=x > 0), torch.Tensor)
    assert_type(tb.maximum.accumulate(x), torch.Tensor)
    tb.sqrt(x, dtype="flaot32")  # type: ignore[arg-type]
    tb.sin(x, x, x, None, None)  # type: ignore[call-arg]  # x, out, where and dtype only


def results(x: torch.Tensor) -> None:
    """Structured results keep their field types."""
    assert_type(tb.broadcast_arrays(x, x), tuple[torch.Tensor, ...])
    assert_type(tb.meshgrid(x, x, indexing="ij"), tuple[torch.Tensor, ...])
    assert_type(tb.unstack(x), tuple[torch.Tensor, ...])
    assert_type(tb.nonzero(x), tuple[torch.Tensor, ...])
    assert_type(tb.unique_all(x).counts, torch.Tensor)
    assert_type(tb.unique_inverse(x).inverse_indices, torch.Tensor)
    assert_type(tb.linalg.eigh(x).eigenvectors, torch.Tensor)
    assert_type(tb.linalg.svd(x).Vh, torch.Tensor)
    assert_type(tb.linalg.slogdet(x).logabsdet, torch.Tensor)
    assert_type(tb.linalg.qr(x).R, torch.Tensor)
    assert_type(tb.broadcast_shapes((2, 1), (3,)), tuple[int, ...])
    tb.meshgrid(x, indexing="yx")  # type: ignore[arg-type]


def result_classes(r: tb.linalg.EighResult, s: tb.linalg.SVDResult, x: torch.Tensor) -> None:
    """The result classes and LinAlgError are public names of tb.linalg (re-exported)."""
    assert_type(r.eigenvalues, torch.Tensor)
    assert_type(s.S, torch.Tensor)
    try:
        tb.linalg.inv(x)
    except tb.linalg.LinAlgError as e:
        assert_type(e, tb.linalg.LinAlgError)


def inspection(x: torch.Tensor) -> None:
    assert_type(tb.finfo(tb.float32).eps, float)
    assert_type(tb.iinfo(tb.int8).max, int)
    assert_type(tb.isdtype(x.dtype, "real floating"), bool)
    assert_type(tb.isdtype(x.dtype, ("bool", tb.int8, np.dtype("uint8"))), bool)
    tb.isdtype(x.dtype, "reals")  # type: ignore[arg-type]
    tb.isdtype(x.dtype, "float32")  # type: ignore[arg-type]
    assert_type(tb.can_cast(tb.int32, tb.float64), bool)
    assert_type(tb.pi, float)
    assert_type(tb.__array_api_version__, str)
    info = tb.__array_namespace_info__()
    assert_type(info.devices(), tuple[torch.device, ...])
    assert_type(info.default_device(), torch.device)
    assert_type(info.dtypes(kind=("integral", "real floating")), dict[str, torch.dtype])
    info.dtypes(kind="reals")  # type: ignore[arg-type]
    with tb.default_float(tb.float32) as dt:
        assert_type(dt, torch.dtype)


def numpy_data_is_typed_as_tensor_input(a: np.ndarray[Any, Any]) -> None:
    """Namespace functions convert NumPy arrays at runtime, but their annotations ask for
    tensors: typed code crosses explicitly with ``tb.asarray``."""
    assert_type(tb.reshape(tb.asarray(a), (2, 3)), torch.Tensor)
    tb.reshape(a, (2, 3))  # type: ignore[arg-type]


def numpy_idioms(t: torch.Tensor) -> None:
    """NumPy's spellings that run must type-check: lists as shapes, NumPy integers as seeds,
    dtype names and NumPy scalar types where a dtype goes."""
    assert_type(tb.reshape(t, [3, 2]), torch.Tensor)
    assert_type(tb.reshape(t, (3, -1)), torch.Tensor)
    assert_type(tb.reshape(t, 6), torch.Tensor)
    assert_type(tb.random.default_rng(np.int64(0)), tb.random.Generator)
    assert_type(tb.random.default_rng([1, 2, 3]), tb.random.Generator)
    assert_type(tb.finfo("float32").eps, float)
    assert_type(tb.finfo(np.float64).tiny, float)
    assert_type(tb.iinfo("int16").max, int)
    assert_type(tb.can_cast("int32", "float64"), bool)
    assert_type(tb.can_cast(np.int32, np.float64), bool)
    assert_type(tb.can_cast(t, "float64"), bool)
