"""Bin exam scores into letter grades and count them."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    scores = np.array([55, 67, 89, 92, 73, 81, 45, 99, 60, 78, 85, 70, 91, 58, 66])
    edges = np.array([60, 70, 80, 90])
    grades = np.digitize(scores, edges)  # 0 = F ... 4 = A
    counts = np.bincount(grades, minlength=5)
    values, first_seen = np.unique(grades, return_index=True)
    return {
        "grades": grades,
        "counts": counts,
        "distinct": values,
        "first_seen": first_seen,
        "passing_mean": np.mean(scores[scores >= 60]),
    }
