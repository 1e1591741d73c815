"""Weighted averages and a weighted standard deviation of course grades."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    grades = np.array([[3.7, 3.0, 4.0], [2.3, 3.3, 2.7], [4.0, 4.0, 3.7], [3.0, 2.0, 3.3]])
    credit_hours = np.array([4.0, 3.0, 2.0])
    gpa = np.average(grades, axis=1, weights=credit_hours)
    mean_gpa = np.mean(gpa)
    spread = np.sqrt(np.average((gpa - mean_gpa) ** 2))
    return {
        "gpa": gpa,
        "mean_gpa": mean_gpa,
        "spread": spread,
        "rounded": np.round(gpa, 2),
        "best_student": np.argmax(gpa),
        "honors": np.flatnonzero(gpa >= 3.5),
    }
