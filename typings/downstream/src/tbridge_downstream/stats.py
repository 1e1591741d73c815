"""Summary statistics written against tbridge's public, typed API."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import torch

import tbridge as tb
from tbridge.typing import ArrayLike, DeviceLike, DTypeLike


def standardize(
    x: ArrayLike, *, dtype: DTypeLike = "float64", device: DeviceLike = "cpu"
) -> torch.Tensor:
    """Zero mean, unit variance along the first axis."""
    t = tb.asarray(x, dtype=dtype, device=device)
    return (t - tb.mean(t, axis=0)) / tb.std(t, axis=0)


def describe(x: ArrayLike) -> dict[str, float]:
    """Mean, standard deviation, minimum and maximum of all values."""
    t = tb.asarray(x)
    return {
        "mean": float(tb.mean(t)),
        "std": float(tb.std(t)),
        "min": float(tb.min(t)),
        "max": float(tb.max(t)),
    }


def as_numpy(t: torch.Tensor) -> npt.NDArray[np.float64]:
    """A float64 NumPy copy of ``t``, for code that needs NumPy."""
    out = tb.to_numpy(tb.astype(t, tb.float64), copy=True)
    return out.astype(np.float64, copy=False)
