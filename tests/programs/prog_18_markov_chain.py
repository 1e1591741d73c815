"""Long-run behavior of a 3-state Markov chain: matrix powers and the stationary vector."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    p = np.array([[0.9, 0.075, 0.025], [0.15, 0.8, 0.05], [0.25, 0.25, 0.5]])
    p50 = np.linalg.matrix_power(p, 50)
    values, vectors = np.linalg.eig(p.T)
    k = np.argmin(np.abs(values - 1.0))
    stationary = np.real(vectors[:, k])
    stationary = stationary / np.sum(stationary)
    start = np.array([1.0, 0.0, 0.0])
    return {
        "p50_row": p50[0],
        "stationary": stationary,
        "after_10": start @ np.linalg.matrix_power(p, 10),
        "rows_sum_to_one": np.allclose(np.sum(p, axis=1), 1.0),
    }
