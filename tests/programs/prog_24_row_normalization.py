"""Normalize feature rows to unit length and compute cosine similarities."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    features = np.arange(1.0, 25.0).reshape(6, 4) ** 0.5 - 2.0
    norms = np.linalg.norm(features, axis=1, keepdims=True)
    unit = features / norms
    similarity = unit @ unit.T
    return {
        "unit": unit,
        "similarity": similarity,
        "unit_lengths_ok": np.allclose(np.sum(unit**2, axis=1), 1.0),
        "most_similar_to_0": np.argsort(similarity[0])[-2],
    }
