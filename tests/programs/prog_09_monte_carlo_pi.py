"""Estimate pi by throwing points at the unit square."""

from __future__ import annotations

from typing import Any

LOOSE = {"pi_estimate": 0.05, "inside_fraction": 0.02}


def run(np: Any) -> dict[str, object]:
    rng = np.random.default_rng(0)
    points = rng.random((100_000, 2))
    inside = np.sum(points**2, axis=1) <= 1.0
    return {
        "inside_fraction": np.mean(inside),
        "pi_estimate": 4.0 * np.count_nonzero(inside) / len(points),
    }
