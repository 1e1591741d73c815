"""NumPy's sorting, searching and counting functions beyond the standard.

Argwhere, flatnonzero, partition, argpartition, sort_complex, lexsort.
"""

from __future__ import annotations

__all__: list[str] = []
