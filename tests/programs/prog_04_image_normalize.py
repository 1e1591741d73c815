"""Normalize a synthetic grayscale image, threshold it and histogram its intensities.

Cannot run unchanged with tbridge: ``x / 5.0`` on the integer meshgrid goes through torch's
``/`` operator, which gives float32 (torch's default dtype) where NumPy gives float64.
"""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    y, x = np.meshgrid(np.arange(32), np.arange(48), indexing="ij")
    image = 100.0 + 50.0 * np.sin(x / 5.0) * np.cos(y / 7.0) + 0.5 * x
    lo, hi = np.min(image), np.max(image)
    norm = (image - lo) / (hi - lo)
    mask = norm > 0.5
    counts, edges = np.histogram(norm, bins=8, range=(0.0, 1.0))
    flipped = np.flip(norm, axis=1)
    return {
        "norm": norm,
        "bright_fraction": np.mean(mask),
        "counts": counts,
        "edges": edges,
        "flipped_corner": flipped[:3, :3],
        "transposed_shape": np.transpose(norm).shape,
    }
