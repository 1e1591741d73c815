"""Low-rank approximation of a matrix by truncated SVD."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    i = np.arange(20.0)[:, None]
    j = np.arange(15.0)[None, :]
    matrix = np.sin(i / 3.0) * np.cos(j / 4.0) + 0.1 * np.cos(i * j / 7.0)
    u, s, vt = np.linalg.svd(matrix, full_matrices=False)
    errors = []
    for k in (1, 2, 5):
        approx = u[:, :k] @ np.diag(s[:k]) @ vt[:k, :]
        errors.append(np.linalg.norm(matrix - approx))
    return {
        "singular_values": s,
        "errors": np.array(errors),
        "rank": np.linalg.matrix_rank(matrix),
        "energy_2": np.sum(s[:2] ** 2) / np.sum(s**2),
    }
