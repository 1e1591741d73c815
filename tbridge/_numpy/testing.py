"""NumPy's testing assertions for tensors and arrays (tbridge.testing re-exports them)."""

from __future__ import annotations

__all__: list[str] = []
