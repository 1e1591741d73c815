"""Evaluate a 2-d function on a grid and locate its maximum."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    x = np.linspace(-2.0, 2.0, 41)
    y = np.linspace(-1.0, 3.0, 41)
    xx, yy = np.meshgrid(x, y)
    zz = np.exp(-((xx - 0.5) ** 2) - (yy - 1.2) ** 2) + 0.3 * np.exp(-((xx + 1.0) ** 2))
    flat_best = np.argmax(zz)
    row, col = np.unravel_index(flat_best, zz.shape)
    return {
        "best_value": np.max(zz),
        "best_x": x[col],
        "best_y": y[row],
        "above_half": np.count_nonzero(zz > 0.5),
        "column_max": np.amax(zz, axis=0),
    }
