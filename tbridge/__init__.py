"""tbridge: a typed, NumPy-compatible Array API namespace over PyTorch.

``import tbridge as tb``: NumPy-style calls that create, convert and move plain
``torch.Tensor`` objects, with NumPy's default dtypes and explicit, tri-state ``copy=``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import torch as _torch

# Modules whose __all__ is added to ours are imported as ``import a.b as c``: pyright follows
# ``__all__ += c.__all__`` through that form even where the package ``a`` has an __all__ of
# its own (``from a import b as c`` then reads a's), so their names stay public to it.
import tbridge._convert.bridge as _bridge
import tbridge._convert.moves as _moves
import tbridge._extras.autograd as _autograd
import tbridge._namespace.constants as _constants
import tbridge._namespace.creation as _creation
import tbridge._namespace.data_types as _data_types
import tbridge._namespace.elementwise as _elementwise
import tbridge._namespace.indexing as _indexing
import tbridge._namespace.linear_algebra as _linear_algebra
import tbridge._namespace.manipulation as _manipulation
import tbridge._namespace.searching as _searching
import tbridge._namespace.sets as _sets
import tbridge._namespace.sorting as _sorting
import tbridge._namespace.statistical as _statistical
import tbridge._namespace.utility as _utility
import tbridge._numpy.creation as _np_creation
import tbridge._numpy.dtypes as _np_dtypes
import tbridge._numpy.elementwise as _np_elementwise
import tbridge._numpy.fft as _np_fft
import tbridge._numpy.indexing as _np_indexing
import tbridge._numpy.io as _np_io
import tbridge._numpy.linalg as _np_linalg
import tbridge._numpy.logic as _np_logic
import tbridge._numpy.manipulation as _np_manipulation
import tbridge._numpy.products as _np_products
import tbridge._numpy.signal as _np_signal
import tbridge._numpy.sorting as _np_sorting
import tbridge._numpy.state as _np_state
import tbridge._numpy.statistics as _np_statistics
import tbridge._numpy.strides as _np_strides
from tbridge import emath, fft, lib, linalg, random, testing
from tbridge._convert.bridge import *  # noqa: F403 - each module lists its names in __all__
from tbridge._convert.moves import *  # noqa: F403
from tbridge._core.dtypes import default_float
from tbridge._core.suggest import missing_attribute
from tbridge._extras.autograd import *  # noqa: F403
from tbridge._extras.random import normal, rand, randn, uniform
from tbridge._namespace.constants import *  # noqa: F403
from tbridge._namespace.creation import *  # noqa: F403
from tbridge._namespace.data_types import *  # noqa: F403
from tbridge._namespace.elementwise import *  # noqa: F403
from tbridge._namespace.indexing import *  # noqa: F403
from tbridge._namespace.info import __array_namespace_info__
from tbridge._namespace.linear_algebra import *  # noqa: F403
from tbridge._namespace.manipulation import *  # noqa: F403
from tbridge._namespace.searching import *  # noqa: F403
from tbridge._namespace.sets import *  # noqa: F403
from tbridge._namespace.sorting import *  # noqa: F403
from tbridge._namespace.statistical import *  # noqa: F403
from tbridge._namespace.utility import *  # noqa: F403
from tbridge._numpy import claim_factory_functions as _claim
from tbridge._numpy.creation import *  # noqa: F403
from tbridge._numpy.dtypes import *  # noqa: F403
from tbridge._numpy.elementwise import *  # noqa: F403
from tbridge._numpy.indexing import *  # noqa: F403
from tbridge._numpy.io import *  # noqa: F403
from tbridge._numpy.logic import *  # noqa: F403
from tbridge._numpy.manipulation import *  # noqa: F403
from tbridge._numpy.products import *  # noqa: F403
from tbridge._numpy.signal import *  # noqa: F403
from tbridge._numpy.sorting import *  # noqa: F403
from tbridge._numpy.state import *  # noqa: F403
from tbridge._numpy.statistics import *  # noqa: F403
from tbridge._numpy.strides import *  # noqa: F403
from tbridge._version import __version__

# Dtypes: the torch dtype objects themselves (Final: declared for type checkers, never rebound).
bool: Final = _torch.bool
int8: Final = _torch.int8
int16: Final = _torch.int16
int32: Final = _torch.int32
int64: Final = _torch.int64
uint8: Final = _torch.uint8
uint16: Final = _torch.uint16
uint32: Final = _torch.uint32
uint64: Final = _torch.uint64
float16: Final = _torch.float16
bfloat16: Final = _torch.bfloat16
float32: Final = _torch.float32
float64: Final = _torch.float64
complex64: Final = _torch.complex64
complex128: Final = _torch.complex128

__array_api_version__ = "2025.12"

# The public names, by topic; each implementation module lists its own in ``__all__``.
__all__ = [
    "__array_api_version__",
    "__array_namespace_info__",
    "__version__",
    # dtypes (the torch dtype objects) and the scoped float default
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "bfloat16",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "default_float",
    # NumPy's random functions on torch's global generator (tbridge.random has the rest)
    "normal",
    "rand",
    "randn",
    "uniform",
    # submodules
    "emath",
    "fft",
    "lib",
    "linalg",
    "random",
    "testing",
]
__all__ += _bridge.__all__  # the NumPy bridge
__all__ += _moves.__all__  # device moves
__all__ += _autograd.__all__  # grad, value_and_grad, no_grad, enable_grad
# The standard's namespace, one module per chapter.
__all__ += _constants.__all__
__all__ += _creation.__all__
__all__ += _data_types.__all__
__all__ += _elementwise.__all__
__all__ += _indexing.__all__
__all__ += _linear_algebra.__all__
__all__ += _manipulation.__all__
__all__ += _searching.__all__
__all__ += _sets.__all__
__all__ += _sorting.__all__
__all__ += _statistical.__all__
__all__ += _utility.__all__
# NumPy's functions beyond the standard, by topic.
__all__ += _np_creation.__all__
__all__ += _np_dtypes.__all__
__all__ += _np_elementwise.__all__
__all__ += _np_indexing.__all__
__all__ += _np_io.__all__
__all__ += _np_logic.__all__
__all__ += _np_manipulation.__all__
__all__ += _np_products.__all__
__all__ += _np_signal.__all__
__all__ += _np_sorting.__all__
__all__ += _np_state.__all__
__all__ += _np_statistics.__all__
__all__ += _np_strides.__all__


for _module in (
    _np_creation,
    _np_dtypes,
    _np_elementwise,
    _np_indexing,
    _np_io,
    _np_logic,
    _np_manipulation,
    _np_products,
    _np_signal,
    _np_sorting,
    _np_state,
    _np_statistics,
    _np_strides,
    _np_fft,
    _np_linalg,
):
    _claim(_module)
del _module

if not TYPE_CHECKING:  # type checkers report a misspelled name instead of typing it `object`

    def __getattr__(name: str) -> object:
        raise missing_attribute(name, __all__)


def __dir__() -> list[str]:
    return sorted(__all__)
