"""Features of a time series: differences, slope, zero crossings, running extremes."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    t = np.linspace(0.0, 10.0, 101)
    x = np.sin(t) * np.exp(-0.1 * t)
    d = np.diff(x)
    crossings = np.nonzero(np.diff(np.sign(x)))[0]
    return {
        "diff": d,
        "gradient": np.gradient(x, t),
        "crossings": crossings,
        "running_max": np.maximum.accumulate(x),
        "total_variation": np.sum(np.abs(d)),
    }
