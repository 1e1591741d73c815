"""``tbridge.lib``: NumPy's ``numpy.lib`` submodules that have a tensor counterpart.

``stride_tricks`` (sliding windows, byte-stride views) and ``npyio`` (the ``.npz`` mapping).
"""

from tbridge.lib import npyio, stride_tricks

__all__ = ["npyio", "stride_tricks"]
