"""tbridge: a typed, NumPy-compatible Array API namespace over PyTorch.

``import tbridge as tb``: NumPy-style calls that create, convert and move plain
``torch.Tensor`` objects, with NumPy's default dtypes and explicit, tri-state ``copy=``.
"""

from __future__ import annotations

import torch as _torch

from tbridge import (
    _constants,
    _dtype_functions,
    _elementwise,
    _linalg_functions,
    _manipulation,
    _searching,
    _statistical,
    fft,
    linalg,
    random,
)
from tbridge._autograd import enable_grad, grad, no_grad, value_and_grad
from tbridge._bridge import (
    array,
    asarray,
    from_dlpack,
    from_numpy,
    shares_memory,
    to_numpy,
    writable_numpy,
)
from tbridge._constants import *  # noqa: F403 - each module lists its names in __all__
from tbridge._creation import (
    arange,
    empty,
    empty_like,
    eye,
    full,
    full_like,
    identity,
    linspace,
    ones,
    ones_like,
    rand_like,
    randn_like,
    zeros,
    zeros_like,
)
from tbridge._dtype_functions import *  # noqa: F403
from tbridge._dtypes import default_float
from tbridge._elementwise import *  # noqa: F403
from tbridge._info import __array_namespace_info__
from tbridge._linalg_functions import *  # noqa: F403
from tbridge._manipulation import *  # noqa: F403
from tbridge._moves import astype, to_device
from tbridge._random import normal, rand, randn, uniform
from tbridge._searching import *  # noqa: F403
from tbridge._statistical import *  # noqa: F403
from tbridge._suggest import missing_attribute
from tbridge._version import __version__

# Dtypes: the torch dtype objects themselves.
bool = _torch.bool
int8 = _torch.int8
int16 = _torch.int16
int32 = _torch.int32
int64 = _torch.int64
uint8 = _torch.uint8
uint16 = _torch.uint16
uint32 = _torch.uint32
uint64 = _torch.uint64
float16 = _torch.float16
bfloat16 = _torch.bfloat16
float32 = _torch.float32
float64 = _torch.float64
complex64 = _torch.complex64
complex128 = _torch.complex128

__array_api_version__ = "2025.12"

__all__ = [
    "__array_api_version__",
    "__array_namespace_info__",
    "__version__",
    # creation
    "arange",
    "array",
    "asarray",
    # moves
    "astype",
    "bfloat16",
    # dtypes
    "bool",
    "complex64",
    "complex128",
    "default_float",
    "empty",
    "empty_like",
    # autograd
    "enable_grad",
    "eye",
    # extensions
    "fft",
    "float16",
    "float32",
    "float64",
    # NumPy bridge
    "from_dlpack",
    "from_numpy",
    "full",
    "full_like",
    "grad",
    "identity",
    "int8",
    "int16",
    "int32",
    "int64",
    "linalg",
    "linspace",
    "no_grad",
    # random
    "normal",
    "ones",
    "ones_like",
    "rand",
    "rand_like",
    "randn",
    "randn_like",
    "random",
    "shares_memory",
    "to_device",
    "to_numpy",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uniform",
    "value_and_grad",
    "writable_numpy",
    "zeros",
    "zeros_like",
]
# The standard's namespace, by topic: each module's own __all__.
__all__ += _constants.__all__
__all__ += _dtype_functions.__all__
__all__ += _elementwise.__all__
__all__ += _linalg_functions.__all__
__all__ += _manipulation.__all__
__all__ += _searching.__all__
__all__ += _statistical.__all__


def __getattr__(name: str) -> object:
    raise missing_attribute(name, __all__)


def __dir__() -> list[str]:
    return sorted(__all__)
