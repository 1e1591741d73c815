"""Rank competitors, find insertion points and break ties by a second key."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    points = np.array([12, 7, 12, 3, 9, 7, 15])
    wins = np.array([4, 2, 5, 1, 3, 3, 6])
    order = np.argsort(-points, kind="stable")
    ranks = np.empty_like(order)
    ranks[order] = np.arange(len(points))
    by_points_then_wins = np.lexsort((wins, points))
    thresholds = np.sort(points)
    return {
        "order": order,
        "ranks": ranks,
        "lexsorted": by_points_then_wins,
        "insert_at": np.searchsorted(thresholds, np.array([0, 7, 10, 20])),
        "insert_right": np.searchsorted(thresholds, 7, side="right"),
    }
