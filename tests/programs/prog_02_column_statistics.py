"""Per-column summary statistics of a small measurement table."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    rows = np.arange(60, dtype=np.float64).reshape(20, 3)
    table = np.sqrt(rows) * np.array([1.0, 2.5, -0.5]) + np.cos(rows)
    return {
        "mean": np.mean(table, axis=0),
        "std": np.std(table, axis=0, ddof=1),
        "var": np.var(table, axis=0),
        "median": np.median(table, axis=0),
        "p90": np.percentile(table, 90, axis=0),
        "min": np.min(table, axis=0),
        "max": np.max(table, axis=0),
        "argmax": np.argmax(table, axis=0),
        "range": np.ptp(table, axis=0),
    }
