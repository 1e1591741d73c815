"""Simulate many random walks and summarize where they end."""

from __future__ import annotations

from typing import Any

#: Keys compared by summary statistics, with the absolute tolerance they allow (random
#: streams differ between libraries).
LOOSE = {"final_mean": 0.5, "final_std": 0.5, "max_excursion_mean": 1.0}


def run(np: Any) -> dict[str, object]:
    rng = np.random.default_rng(0)
    steps = rng.standard_normal((2000, 100))
    paths = np.cumsum(steps, axis=1)
    final = paths[:, -1]
    return {
        "shape": paths.shape,
        "final_mean": np.mean(final),
        "final_std": np.std(final),
        "max_excursion_mean": np.mean(np.max(np.abs(paths), axis=1)),
    }
