"""Flag outliers with the interquartile-range rule."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    values = np.concatenate([np.linspace(10.0, 20.0, 40), np.array([-5.0, 42.0, 55.0])])
    q1, q3 = np.percentile(values, [25, 75])
    iqr = q3 - q1
    low, high = q1 - 1.5 * iqr, q3 + 1.5 * iqr
    outliers = (values < low) | (values > high)
    return {
        "bounds": np.array([low, high]),
        "n_outliers": np.count_nonzero(outliers),
        "outlier_values": values[outliers],
        "clean_mean": np.mean(values[~outliers]),
    }
