"""NumPy's functions beyond the Array API standard, one module per topic.

The layer sits beside ``tbridge._namespace`` (the standard's chapters) and may import from it,
from ``tbridge._convert`` and from ``tbridge._core``; nothing below imports from here.
"""

from __future__ import annotations

import sys
from types import ModuleType

__all__ = ["claim_factory_functions"]


def claim_factory_functions(module: ModuleType) -> None:
    """Give ``module`` the functions it publishes that a factory elsewhere made.

    A function built by a factory in ``tbridge._namespace`` (``fft2``, ``fmax``) carries that
    factory's module, where no such name exists; tools that look a function up by its
    ``__module__`` and ``__name__`` (the API reference, pickle) then fail. Run once at import.
    """
    for name in module.__all__:
        obj = getattr(module, name)
        home = sys.modules.get(getattr(obj, "__module__", "") or "")
        if (
            callable(obj)
            and home is not None
            and getattr(home, getattr(obj, "__name__", ""), None) is not obj
            and getattr(module, getattr(obj, "__name__", ""), None) is obj
        ):
            obj.__module__ = module.__name__
