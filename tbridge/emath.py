"""``tbridge.emath``: NumPy's ``numpy.emath``, functions that turn complex outside the real
domain (``sqrt`` of negatives, ``arcsin`` beyond 1, ...), on plain tensors.

The functions live in :mod:`tbridge._numpy.emath`; this module is their public face.
"""

from typing import TYPE_CHECKING

import tbridge._numpy.emath as _emath
from tbridge._core.suggest import missing_attribute
from tbridge._numpy.emath import *  # noqa: F403 - the functions, by their __all__

__all__: list[str] = []
__all__ += _emath.__all__


def __dir__() -> list[str]:
    return sorted(__all__)


if not TYPE_CHECKING:  # type checkers report a misspelled name instead of typing it `object`

    def __getattr__(name: str) -> object:
        raise missing_attribute(name, __all__, "tbridge.emath")
