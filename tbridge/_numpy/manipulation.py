"""NumPy's shape and joining functions beyond the standard.

Concatenate, vstack/hstack/dstack, split, ravel, transpose, swapaxes, atleast_*d, append,
insert, delete, resize, pad, ...
"""

from __future__ import annotations

__all__: list[str] = []
