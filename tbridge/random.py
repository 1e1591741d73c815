"""``tbridge.random``: NumPy's ``np.random`` over torch generators.

The module functions (``rand``, ``randint``, ``choice``, ``seed``, ``get_state``, every
distribution) draw from one global stream, torch's default generator of each device, so
``torch.manual_seed(n)`` and ``tb.random.seed(n)`` both make a run repeat exactly.
``default_rng(seed)`` gives a :class:`Generator` with NumPy's methods that owns its own torch
generators. ``SeedSequence`` is NumPy's own class (seeds are hashed on the host).

The numbers are not NumPy's for the same seed (torch's bit generators and samplers); the same
seed on the same torch build and device gives the same numbers.
"""

from typing import TYPE_CHECKING

import tbridge._extras.random as _impl
from tbridge._core.suggest import missing_attribute
from tbridge._extras.random import *  # noqa: F403 - the public names, by __all__

__all__: list[str] = []
__all__ += _impl.__all__  # a form type checkers follow


def __dir__() -> list[str]:
    return list(__all__)


if not TYPE_CHECKING:  # type checkers report a misspelled name instead of typing it `object`

    def __getattr__(name: str) -> object:
        raise missing_attribute(name, __all__, "tbridge.random")
