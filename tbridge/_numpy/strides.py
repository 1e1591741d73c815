"""Strides and iteration.

Sliding_window_view, as_strided (NumPy's byte strides), ndenumerate, ndindex, packbits,
unpackbits.
"""

from __future__ import annotations

__all__: list[str] = []
