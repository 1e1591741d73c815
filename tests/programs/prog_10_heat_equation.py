"""Explicit finite differences for the 1-d heat equation with fixed ends."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    n, alpha, steps = 51, 0.4, 300
    u = np.zeros(n)
    u[n // 2 - 5 : n // 2 + 5] = 1.0
    history = []
    for step in range(steps):
        u[1:-1] = u[1:-1] + alpha * (u[2:] - 2.0 * u[1:-1] + u[:-2])
        if step % 100 == 0:
            history.append(np.sum(u))
    return {
        "final": u,
        "heat_history": np.array(history),
        "peak_position": np.argmax(u),
    }
