"""Conway's game of life on a torus: a glider after a few generations."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    grid = np.zeros((10, 10), dtype=np.int64)
    grid[1, 2] = grid[2, 3] = grid[3, 1] = grid[3, 2] = grid[3, 3] = 1
    populations = []
    for _ in range(8):
        neighbors = sum(
            np.roll(np.roll(grid, dy, axis=0), dx, axis=1)
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            if (dy, dx) != (0, 0)
        )
        grid = np.where((neighbors == 3) | ((grid == 1) & (neighbors == 2)), 1, 0)
        populations.append(np.sum(grid))
    return {"grid": grid, "populations": np.array(populations)}
