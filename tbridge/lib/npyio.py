"""``tbridge.lib.npyio``: the class of ``tb.load``'s result for ``.npz`` files.

The readers and writers themselves are main-namespace functions (``tb.load``, ``tb.savez``,
...), as in NumPy; they live in :mod:`tbridge._numpy.io`.
"""

from tbridge._numpy.io import NpzFile

__all__ = ["NpzFile"]
