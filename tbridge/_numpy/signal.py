"""NumPy's signal and numerics functions.

Convolve, correlate, interp, gradient, ediff1d, trapezoid, polyfit, polyval, poly, roots.
"""

from __future__ import annotations

__all__: list[str] = []
