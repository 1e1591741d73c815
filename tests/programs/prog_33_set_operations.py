"""Compare two customer-id lists with NumPy's set routines."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    january = np.array([101, 205, 333, 101, 480, 512, 777])
    february = np.array([205, 480, 999, 1024, 333, 205])
    return {
        "both": np.intersect1d(january, february),
        "either": np.union1d(january, february),
        "lost": np.setdiff1d(january, february),
        "changed": np.setxor1d(january, february),
        "returning_mask": np.isin(february, january),
        "unique_january": np.unique(january),
    }
