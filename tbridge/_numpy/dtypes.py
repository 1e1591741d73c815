"""NumPy's dtype spellings on the module.

Dtype, float_, int_, double, single, ..., the abstract scalar types (generic, number, floating,
integer) and issubdtype.
"""

from __future__ import annotations

__all__: list[str] = []
