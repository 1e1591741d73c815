"""NumPy's creation functions beyond the standard.

Logspace, geomspace, fromfunction, fromiter, frombuffer, indices, mgrid/ogrid, tri, diag,
diagflat, vander.
"""

from __future__ import annotations

__all__: list[str] = []
