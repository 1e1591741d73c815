"""Typing tests for tbridge.typing and the inputs its aliases admit. Checked, never executed.

Negative cases carry ``# type: ignore[code]`` (pyright honours it too); with
``warn_unused_ignores`` / ``reportUnnecessaryTypeIgnoreComment`` a case that stops failing
breaks the run.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from typing_extensions import assert_type

import tbridge as tb
from tbridge.typing import ArrayLike, AxisLike, DeviceLike, DTypeLike, DTypeName, ShapeLike


def takes_array(x: ArrayLike) -> torch.Tensor:
    return tb.asarray(x)


def takes_dtype(d: DTypeLike) -> torch.Tensor:
    return tb.zeros(2, dtype=d)


def takes_device(d: DeviceLike) -> torch.Tensor:
    return tb.zeros(2, device=d)


def array_likes(a: np.ndarray[Any, Any], t: torch.Tensor) -> None:
    takes_array(a)
    takes_array(t)
    takes_array([1, 2, 3])
    takes_array([[1.0, 2.0], [3.0, 4.0]])
    takes_array((1, 2.5))
    takes_array(3)
    takes_array(np.float32(2.0))
    takes_array(b"\x00\x01")  # a buffer
    takes_array(object())  # type: ignore[arg-type]
    takes_array(None)  # type: ignore[arg-type]


def dtype_likes() -> None:
    takes_dtype("float32")
    takes_dtype("f4")
    takes_dtype(np.float32)
    takes_dtype(np.dtype("int16"))
    takes_dtype(float)
    takes_dtype(tb.int8)
    name: DTypeName = "complex64"
    takes_dtype(name)
    takes_dtype("flaot32")  # type: ignore[arg-type]
    takes_dtype(object)  # type: ignore[arg-type]
    takes_dtype(list)  # type: ignore[arg-type]


def device_likes() -> None:
    takes_device("cpu")
    takes_device("cuda:1")
    takes_device("meta")
    takes_device(0)
    takes_device(torch.device("cuda", 12))
    takes_device("gpu")  # type: ignore[arg-type]


def shapes_and_axes(n: np.int64) -> None:
    s: ShapeLike = [3, 2]
    s = (n, 2)
    s = 5
    ax: AxisLike = (0, 1)
    ax = None
    ax = -1
    assert_type(tb.zeros(s), torch.Tensor)
    assert_type(tb.sum(tb.zeros(2, 3), axis=ax), torch.Tensor)


def misspelled_names() -> None:
    tb.zeross(3)  # type: ignore[attr-defined]
    _ = tb.linalg.lstsqq  # type: ignore[attr-defined]
