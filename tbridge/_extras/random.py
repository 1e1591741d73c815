"""Random sampling with NumPy's names: the module functions and ``Generator``, in one place.

The implementation is split by concern: :mod:`tbridge._extras.distributions` (the sampling
kernels, torch operations on an explicit generator), :mod:`tbridge._extras.random_params`
(parameters, sizes and NumPy's parameter rules), :mod:`tbridge._extras.random_sampler` (NumPy's
``Generator`` methods, once), :mod:`tbridge._extras.random_generator` (``Generator``,
``default_rng``, seeding) and :mod:`tbridge._extras.random_module` (the module functions on
torch's default generators). ``tbridge.random`` is the public face.

Memory and autograd: every sample is new memory; see the sampler methods.
"""

from __future__ import annotations

from numpy.random import SeedSequence

from tbridge._extras import random_module as _module
from tbridge._extras.random_generator import Generator, default_rng
from tbridge._extras.random_module import *  # noqa: F403 - NumPy's module functions, by __all__

__all__ = ["Generator", "SeedSequence", "default_rng"]
__all__ += _module.__all__
