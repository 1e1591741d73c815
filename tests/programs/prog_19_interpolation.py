"""Resample an irregularly sampled curve onto a grid and integrate it."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    xp = np.array([0.0, 0.3, 0.7, 1.2, 2.0, 2.6, 3.1])
    fp = np.cos(xp) + xp
    grid = np.linspace(0.0, 3.1, 32)
    resampled = np.interp(grid, xp, fp)
    widths = np.diff(grid)
    area = np.sum(widths * (resampled[1:] + resampled[:-1]) / 2.0)
    return {
        "resampled": resampled,
        "area": area,
        "outside": np.interp(np.array([-1.0, 5.0]), xp, fp),
    }
