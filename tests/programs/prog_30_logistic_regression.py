"""Train a logistic-regression classifier by batch gradient descent.

Cannot run unchanged with tbridge: ``mask.astype(np.float64)`` is an ndarray method that
torch.Tensor lacks (``np.astype(mask, np.float64)`` is the portable spelling).
"""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    t = np.linspace(-3.0, 3.0, 80)
    features = np.stack([t, np.sin(2.0 * t), np.ones_like(t)], axis=1)
    labels = (t + 0.5 * np.sin(2.0 * t) > 0.2).astype(np.float64)
    w = np.zeros(3)
    for _ in range(200):
        p = 1.0 / (1.0 + np.exp(-features @ w))
        grad = features.T @ (p - labels) / len(labels)
        w -= 0.5 * grad
    p = 1.0 / (1.0 + np.exp(-features @ w))
    loss = -np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p))
    return {"weights": w, "loss": loss, "accuracy": np.mean((p > 0.5) == (labels > 0.5))}
