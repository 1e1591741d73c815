"""Least squares by gradient descent with tb.grad, typed end to end."""

from __future__ import annotations

import torch

import tbridge as tb
from tbridge.typing import ArrayLike


def fit_linear(x: ArrayLike, y: ArrayLike, *, steps: int = 100, lr: float = 0.1) -> torch.Tensor:
    """Weights ``w`` minimizing ``mean((x @ w - y) ** 2)``."""
    xt = tb.asarray(x)
    yt = tb.asarray(y)
    w = tb.zeros(xt.shape[1])

    def loss(w: torch.Tensor) -> torch.Tensor:
        r = tb.matmul(xt, w) - yt
        return tb.mean(r * r)

    step = tb.grad(loss)
    for _ in range(steps):
        w = w - lr * step(w)
    return w
