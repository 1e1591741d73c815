"""``tbridge.lib.stride_tricks``: NumPy's ``numpy.lib.stride_tricks`` for tensors.

``sliding_window_view`` and ``as_strided`` (NumPy's byte strides) live in
:mod:`tbridge._numpy.strides`; the broadcasting helpers are the namespace's own.
"""

from tbridge._namespace.manipulation import broadcast_arrays, broadcast_shapes, broadcast_to
from tbridge._numpy.strides import as_strided, sliding_window_view

__all__ = [
    "as_strided",
    "broadcast_arrays",
    "broadcast_shapes",
    "broadcast_to",
    "sliding_window_view",
]
