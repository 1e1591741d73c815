"""Fit a cubic to samples of a smooth curve and evaluate the fit."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    x = np.linspace(0.0, 2.0, 25)
    y = np.exp(x) - 2.0 * x
    coeffs = np.polyfit(x, y, 3)
    fitted = np.polyval(coeffs, x)
    return {
        "coeffs": coeffs,
        "max_error": np.max(np.abs(fitted - y)),
        "at_half": np.polyval(coeffs, 0.5),
        "derivative": np.polyder(coeffs),
    }
