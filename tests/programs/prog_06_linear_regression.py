"""Fit y = a*x + b*x^2 + c by least squares, two ways."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    x = np.linspace(-2.0, 3.0, 40)
    y = 1.5 * x - 0.7 * x**2 + 2.0 + 0.1 * np.sin(11.0 * x)
    design = np.column_stack([x, x**2, np.ones_like(x)])
    coef, residuals, rank, _ = np.linalg.lstsq(design, y, rcond=None)
    normal = np.linalg.solve(design.T @ design, design.T @ y)
    fitted = design @ coef
    ss_res = np.sum((y - fitted) ** 2)
    ss_tot = np.sum((y - np.mean(y)) ** 2)
    return {
        "coef": coef,
        "normal_equations": normal,
        "rank": rank,
        "residuals": residuals,
        "r2": 1.0 - ss_res / ss_tot,
    }
