"""Principal component analysis of correlated 3-d points.

Cannot run unchanged with tbridge: ``np.argsort(values)[::-1]`` slices with a negative step,
which torch.Tensor refuses (NumPy code using tbridge writes ``np.flip(...)``).
"""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    t = np.linspace(0.0, 1.0, 50)
    data = np.stack([t, 2.0 * t + 0.05 * np.sin(40.0 * t), 0.1 * np.cos(30.0 * t)], axis=1)
    centered = data - np.mean(data, axis=0)
    cov = np.cov(centered, rowvar=False)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1]
    values = values[order]
    vectors = vectors[:, order]
    # Eigenvector signs are arbitrary: fix them so the largest component is positive.
    signs = np.sign(vectors[np.argmax(np.abs(vectors), axis=0), np.arange(3)])
    vectors = vectors * signs
    projected = centered @ vectors[:, :2]
    return {
        "explained_ratio": values / np.sum(values),
        "components": vectors,
        "projected": projected,
    }
