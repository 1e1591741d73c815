"""Whether code runs eagerly or is being traced (torch.compile, torch.func transforms).

Checks that read a tensor's values (``bool(t.all())``, ``.item()``) are fine in eager code and
impossible while tracing: dynamo would break the graph on the data-dependent branch, and
``vmap`` cannot branch on values at all. Such checks ask :func:`values_checkable` first.
"""

from __future__ import annotations

import torch
from torch import Tensor

__all__ = ["values_checkable"]

_compiling = torch.compiler.is_compiling
_wrapped = torch._C._functorch.is_functorch_wrapped_tensor


def values_checkable(t: Tensor) -> bool:
    """Whether a check may read ``t``'s values: it has data (not ``meta``), ``torch.compile``
    is not tracing, and ``t`` is not inside a ``torch.func`` transform. Where it is False the
    check is skipped and the result follows torch's kernel (NaN, or torch's own error)."""
    return t.device.type != "meta" and not _compiling() and not _wrapped(t)
