"""I/O through NumPy's readers and writers, tensors in and out.

Loadtxt, genfromtxt, savetxt, save, load, savez, fromfile.
"""

from __future__ import annotations

__all__: list[str] = []
