"""NumPy's creation functions beyond the standard.

``identity`` so far; logspace, geomspace, fromfunction, fromiter, frombuffer, tri, diag,
diagflat, vander follow.

Memory and autograd: each docstring says whether the result shares memory.
"""

from __future__ import annotations

from torch import Tensor

from tbridge._core.dtypes import DTypeLike
from tbridge._core.normalize import DeviceLike
from tbridge._namespace.creation import eye

__all__ = ["identity"]


def identity(
    n: int,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> Tensor:
    """The ``n x n`` identity (NumPy's ``identity``); float64 by default.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Raises
    ------
    ValueError
        For a negative ``n``.
    TypeError
        For an ``n`` that is not an integer, or a bad dtype.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.identity(2, tb.int64)
    tensor([[1, 0],
            [0, 1]])
    """
    return eye(n, n, 0, dtype, device=device, requires_grad=requires_grad)
