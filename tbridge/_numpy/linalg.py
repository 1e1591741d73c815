"""NumPy's linalg functions beyond the standard (tbridge.linalg re-exports them).

Norm, lstsq, cond, multi_dot, tensorinv, tensorsolve.
"""

from __future__ import annotations

__all__: list[str] = []
