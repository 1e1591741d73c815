"""Check textbook matrix identities on a well-conditioned matrix."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    a = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])
    b = np.arange(9.0).reshape(3, 3) / 10.0
    inv = np.linalg.inv(a)
    return {
        "inverse": inv,
        "identity_ok": np.allclose(np.dot(a, inv), np.eye(3)),
        "det_product": np.isclose(np.linalg.det(a @ b), np.linalg.det(a) * np.linalg.det(b)),
        "trace": np.trace(a),
        "outer": np.outer(a[0], b[:, 1]),
        "frobenius": np.linalg.norm(a),
        "transpose_rule": np.allclose((a @ b).T, b.T @ a.T),
    }
