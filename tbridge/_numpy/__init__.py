"""NumPy's functions beyond the Array API standard, one module per topic.

The layer sits beside ``tbridge._namespace`` (the standard's chapters) and may import from it,
from ``tbridge._convert`` and from ``tbridge._core``; nothing below imports from here.
"""
