"""NumPy's element-wise names beyond the standard.

Its aliases (absolute, arcsin, power, ...) and ufunc-style functions (fmax, fmod, rint, sinc,
nan_to_num, ...).
"""

from __future__ import annotations

__all__: list[str] = []
