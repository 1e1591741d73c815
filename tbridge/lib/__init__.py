"""``tbridge.lib``: NumPy's ``numpy.lib`` submodules that have a tensor counterpart.

Only ``stride_tricks`` so far.
"""

from tbridge.lib import stride_tricks

__all__ = ["stride_tricks"]
