"""``tbridge.testing``: NumPy's testing assertions, for tensors and NumPy arrays alike.

``from tbridge.testing import assert_allclose`` compares tensors on any device (and tensors
that require grad) with NumPy's checks and messages; the inputs are only read. The
implementations live in :mod:`tbridge._numpy.testing`.
"""

import tbridge._numpy.testing as _testing
from tbridge._numpy.testing import *  # noqa: F403 - the assertions, by that module's __all__

__all__: list[str] = []
__all__ += _testing.__all__  # a form type checkers follow
