"""``tbridge.fft``: the Array API FFT extension, on plain tensors.

The functions live in :mod:`tbridge._namespace.fft`; this module is their public face, so
``dir(tb.fft)`` lists the extension's names and nothing else.
"""

from typing import TYPE_CHECKING

import tbridge._namespace.fft as _standard
import tbridge._numpy.fft as _numpy
from tbridge._core.suggest import missing_attribute
from tbridge._namespace.fft import *  # noqa: F403 - the extension's names, by its __all__
from tbridge._numpy.fft import *  # noqa: F403 - NumPy's names beyond the extension

__all__: list[str] = []
__all__ += _standard.__all__
__all__ += _numpy.__all__


def __dir__() -> list[str]:
    return sorted(__all__)


if not TYPE_CHECKING:  # type checkers report a misspelled name instead of typing it `object`

    def __getattr__(name: str) -> object:
        raise missing_attribute(name, __all__, "tbridge.fft")
