"""NumPy's comparison, logic and set functions beyond the standard.

Allclose, isclose, array_equal, array_equiv, in1d, intersect1d, union1d, setdiff1d, setxor1d,
unique with NumPy's flags.
"""

from __future__ import annotations

__all__: list[str] = []
