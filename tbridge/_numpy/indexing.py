"""NumPy's indexing functions beyond the standard.

Argwhere, flatnonzero, put, put_along_axis, place, putmask, choose, select, piecewise, compress,
extract, unravel_index, ravel_multi_index, ix_, *_indices, partition, lexsort, ...
"""

from __future__ import annotations

__all__: list[str] = []
