"""Smooth a noisy signal with a moving average, two ways, and compare them."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    t = np.linspace(0.0, 4.0 * np.pi, 200)
    signal = np.sin(t) + 0.3 * np.sin(7.3 * t)
    k = 9
    by_convolution = np.convolve(signal, np.ones(k) / k, mode="valid")
    csum = np.cumsum(np.insert(signal, 0, 0.0))
    by_cumsum = (csum[k:] - csum[:-k]) / k
    return {
        "smooth": by_convolution,
        "agree": np.allclose(by_convolution, by_cumsum),
        "roughness_before": np.sum(np.abs(np.diff(signal))),
        "roughness_after": np.sum(np.abs(np.diff(by_convolution))),
    }
