"""NumPy's products beyond the standard.

Dot, vdot, inner, outer, einsum, kron, trace, diagonal, cross.
"""

from __future__ import annotations

__all__: list[str] = []
