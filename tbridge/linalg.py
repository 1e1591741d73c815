"""``tbridge.linalg``: the Array API linear algebra extension, on plain tensors.

The functions live in :mod:`tbridge._namespace.linalg`; this module is their public face, so
``dir(tb.linalg)`` lists the extension's names and nothing else.
"""

from tbridge._namespace.linalg import *  # noqa: F403 - the extension's names, by its __all__
from tbridge._namespace.linalg import (  # noqa: F401 - public classes beside the functions
    EighResult,
    EigResult,
    LinAlgError,
    QRResult,
    SlogdetResult,
    SVDResult,
)
from tbridge._namespace.linalg import __all__ as _standard

#: The standard's names (the result classes and LinAlgError are public attributes too).
__all__ = list(_standard)
_CLASSES = ["EigResult", "EighResult", "LinAlgError", "QRResult", "SVDResult", "SlogdetResult"]
_PUBLIC = sorted([*__all__, *_CLASSES])


def __dir__() -> list[str]:
    return _PUBLIC
