"""Batched bilinear forms and matrix products with einsum, checked against matmul."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    batch = np.arange(24.0).reshape(2, 3, 4) / 10.0
    weights = np.linspace(-1.0, 1.0, 16).reshape(4, 4)
    products = np.einsum("bij,jk->bik", batch, weights)
    traces = np.einsum("bii->b", np.einsum("bij,bkj->bik", batch, batch))
    bilinear = np.einsum("bi,ij,bj->b", batch[:, 0, :], weights, batch[:, 1, :])
    return {
        "products": products,
        "matches_matmul": np.allclose(products, batch @ weights),
        "gram_traces": traces,
        "bilinear": bilinear,
    }
