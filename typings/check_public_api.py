"""Typing tests: what downstream code may rely on. mypy --strict must accept this file.

Positive cases use ``assert_type``; negative cases carry ``# type: ignore[code]`` and, with
``warn_unused_ignores``, become errors the day they stop failing. Never executed, only checked.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from typing_extensions import assert_type

import tbridge as tb


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
    tb.zeros(3, device=0)
    tb.zeros(3, copy=True)  # type: ignore[call-arg]
    tb.arange("5")  # type: ignore[arg-type]


def bridge(a: np.ndarray[Any, Any], t: torch.Tensor) -> None:
    assert_type(tb.from_numpy(a), torch.Tensor)
    assert_type(tb.to_numpy(t), np.ndarray[Any, Any])
    assert_type(tb.shares_memory(a, t), bool)
    with tb.writable_numpy(t) as view:
        assert_type(view, np.ndarray[Any, Any])
    tb.to_numpy(a)  # type: ignore[arg-type]
    tb.to_numpy(t, copy="yes")  # type: ignore[arg-type]


def moves(t: torch.Tensor) -> None:
    assert_type(tb.to_device(t, "cpu"), torch.Tensor)
    assert_type(tb.astype(t, tb.float64, device="cpu"), torch.Tensor)
    tb.to_device(t, device="cpu")  # type: ignore[call-arg]


def namespace(x: torch.Tensor) -> None:
    assert_type(tb.add(x, 1), torch.Tensor)
    assert_type(tb.sin(x), torch.Tensor)
    assert_type(tb.sum(x, axis=0), torch.Tensor)
    assert_type(tb.linalg.inv(x), torch.Tensor)
    assert_type(tb.fft.fft(x), torch.Tensor)
    assert_type(tb.result_type(x, 1.0), torch.dtype)
    assert_type(tb.__array_namespace_info__().default_dtypes(), dict[str, torch.dtype])
    tb.sin(x, x)  # type: ignore[call-arg]
