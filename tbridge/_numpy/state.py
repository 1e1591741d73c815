"""NumPy's global-state helpers.

Set_printoptions (onto torch's print options), errstate, seterr, geterr.
"""

from __future__ import annotations

__all__: list[str] = []
