"""A few iterations of k-means on three well-separated blobs (deterministic start)."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    angles = np.linspace(0.0, 2.0 * np.pi, 30, endpoint=False)
    ring = np.stack([np.cos(angles), np.sin(angles)], axis=1) * 0.5
    centers_true = np.array([[0.0, 0.0], [5.0, 5.0], [-4.0, 6.0]])
    points = np.concatenate([ring + c for c in centers_true])
    centers = points[[0, 30, 60]] + 0.3
    for _ in range(5):
        distances = np.linalg.norm(points[:, None, :] - centers[None, :, :], axis=2)
        assign = np.argmin(distances, axis=1)
        centers = np.array([points[assign == k].mean(axis=0) for k in range(3)])
    return {"centers": centers, "sizes": np.bincount(assign, minlength=3)}
