"""Assemble blocks into a matrix, then split and reshape it back."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    a = np.arange(6).reshape(2, 3)
    b = np.arange(6, 12).reshape(2, 3)
    tall = np.vstack([a, b])
    wide = np.hstack([a, b])
    blocks = np.concatenate([tall, tall * 10], axis=1)
    top, bottom = np.split(blocks, 2, axis=0)
    cube = np.reshape(blocks, (2, 2, 6))
    return {
        "tall": tall,
        "wide": wide,
        "top": top,
        "bottom": bottom,
        "swapped": np.swapaxes(cube, 0, 2),
        "raveled": np.ravel(np.transpose(cube, (1, 0, 2))),
        "expanded": np.expand_dims(a, axis=0).shape,
    }
