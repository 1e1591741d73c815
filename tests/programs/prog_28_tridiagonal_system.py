"""Solve the 1-d Poisson equation with a tridiagonal finite-difference matrix."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    n = 30
    h = 1.0 / (n + 1)
    x = np.linspace(h, 1.0 - h, n)
    matrix = (
        np.diag(np.full(n, 2.0)) - np.diag(np.ones(n - 1), 1) - np.diag(np.ones(n - 1), -1)
    ) / h**2
    rhs = np.pi**2 * np.sin(np.pi * x)
    u = np.linalg.solve(matrix, rhs)
    return {
        "u": u,
        "max_error": np.max(np.abs(u - np.sin(np.pi * x))),
        "residual": np.linalg.norm(matrix @ u - rhs),
        "symmetric": np.array_equal(matrix, matrix.T),
    }
