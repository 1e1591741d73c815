"""``tbridge.fft``: the Array API FFT extension, on plain tensors.

The functions live in :mod:`tbridge._namespace.fft`; this module is their public face, so
``dir(tb.fft)`` lists the extension's names and nothing else.
"""

from tbridge._namespace.fft import *  # noqa: F403 - the extension's names, by its __all__
from tbridge._namespace.fft import __all__ as _standard

__all__ = list(_standard)


def __dir__() -> list[str]:
    return sorted(__all__)
