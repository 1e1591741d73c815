"""Whether code runs eagerly or is being traced (torch.compile, torch.func transforms).

Checks that read a tensor's values (``bool(t.all())``, ``.item()``) are fine in eager code and
impossible while tracing: dynamo would break the graph on the data-dependent branch, and
``vmap`` cannot branch on values at all. Such checks ask :func:`values_checkable` first.
"""

from __future__ import annotations

import torch
from torch import Tensor
from torch._C._functorch import is_functorch_wrapped_tensor as _wrapped

__all__ = ["values_checkable"]

_compiling = torch.compiler.is_compiling


def values_checkable(*tensors: Tensor) -> bool:
    """Whether a check may read the values of ``tensors``: ``torch.compile`` is not tracing,
    and none is on ``meta`` (no values) or inside a ``torch.func`` transform. Where it is
    False the check is skipped and the result follows torch's kernel (NaN, or torch's own
    error)."""
    if _compiling():
        return False
    # A loop over is_meta: about 0.2 us a tensor, where all() over a generator costs 0.4 us
    # and reading device.type 0.3 us more.
    for t in tensors:  # noqa: SIM110
        if t.is_meta or _wrapped(t):
            return False
    return True
