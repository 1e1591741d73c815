"""``tbridge.linalg``: the Array API linear algebra extension, on plain tensors.

The functions live in :mod:`tbridge._namespace.linalg`; this module is their public face, so
``dir(tb.linalg)`` lists the extension's names and nothing else.
"""

from typing import TYPE_CHECKING

import tbridge._namespace.linalg as _standard
import tbridge._numpy.linalg as _numpy
from tbridge._core.suggest import missing_attribute
from tbridge._namespace.linalg import *  # noqa: F403 - the extension's names, by its __all__

# The public classes beside the functions, re-exported by name ("X as X": the form type
# checkers read as a re-export, so downstream code can annotate with tb.linalg.EighResult).
from tbridge._namespace.linalg import EighResult as EighResult  # noqa: PLC0414
from tbridge._namespace.linalg import EigResult as EigResult  # noqa: PLC0414
from tbridge._namespace.linalg import LinAlgError as LinAlgError  # noqa: PLC0414
from tbridge._namespace.linalg import QRResult as QRResult  # noqa: PLC0414
from tbridge._namespace.linalg import SlogdetResult as SlogdetResult  # noqa: PLC0414
from tbridge._namespace.linalg import SVDResult as SVDResult  # noqa: PLC0414
from tbridge._numpy.linalg import *  # noqa: F403 - NumPy's names beyond the extension

#: The standard's names (the result classes and LinAlgError are public attributes too).
__all__: list[str] = []
__all__ += _standard.__all__
__all__ += _numpy.__all__
_CLASSES = ["EigResult", "EighResult", "LinAlgError", "QRResult", "SVDResult", "SlogdetResult"]
_PUBLIC = sorted([*__all__, *_CLASSES])


def __dir__() -> list[str]:
    return _PUBLIC


if not TYPE_CHECKING:  # type checkers report a misspelled name instead of typing it `object`

    def __getattr__(name: str) -> object:
        raise missing_attribute(name, __all__, "tbridge.linalg")
