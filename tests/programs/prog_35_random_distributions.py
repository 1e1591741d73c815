"""Draw from common distributions and check their sample moments."""

from __future__ import annotations

from typing import Any

LOOSE = {
    "normal_mean": 0.05,
    "normal_std": 0.05,
    "uniform_mean": 0.05,
    "integers_mean": 0.1,
    "exponential_mean": 0.05,
}


def run(np: Any) -> dict[str, object]:
    rng = np.random.default_rng(0)
    normal = rng.normal(loc=2.0, scale=0.5, size=20_000)
    uniform = rng.uniform(-1.0, 3.0, size=20_000)
    dice = rng.integers(1, 7, size=20_000)
    waits = rng.exponential(scale=1.5, size=20_000)
    return {
        "normal_mean": np.mean(normal),
        "normal_std": np.std(normal),
        "uniform_mean": np.mean(uniform),
        "uniform_bounds": (np.min(uniform) >= -1.0) & (np.max(uniform) < 3.0),
        "integers_mean": np.mean(dice),
        "dice_faces": np.unique(dice),
        "exponential_mean": np.mean(waits),
    }
