"""Every workaround for a torch gap, in one place, each naming its upstream issue.

Unsigned integers (pytorch#58734, pytorch#58743; array-api-compat#279): torch 2.13 stores
uint16/uint32/uint64 but has no CPU kernels for most operations on them (add, comparisons,
max, cumsum, flip, indexing, ...). tbridge runs those operations on an integer twin:

* ``bits``: a same-size signed *view* (no copy). Exact for anything that only moves or
  compares bits for equality, and for wrap-around arithmetic (add, subtract, multiply, bitwise
  ops, left shift), where two's complement gives the same bits.
* ``ordered``: an int64 twin whose order is the unsigned order: a widening copy for
  uint16/uint32, and a sign-bit flip of the int64 view for uint64.
* ``wide``: an int64 copy holding the same values (uint16/uint32; uint64 below 2**63).

When torch gains the kernels, the names in ``UNSIGNED_GAPS`` can go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import torch

from tbridge._core.dtypes import SIGNED_TWIN
from tbridge._core.tracing import values_checkable

__all__ = [
    "UNSIGNED_GAPS",
    "from_ordered",
    "is_gap_uint",
    "on_bits",
    "ordered",
    "to_wide",
    "wide_back",
]

#: The unsigned dtypes torch holds but cannot compute with (pytorch#58734).
UNSIGNED_GAPS: Final = frozenset(SIGNED_TWIN)

_SIGN_BIT: Final = -(2**63)


def is_gap_uint(dtype: torch.dtype) -> bool:
    """Whether torch lacks kernels for this unsigned dtype."""
    return dtype in UNSIGNED_GAPS


def on_bits(fn: Callable[..., torch.Tensor], *xs: torch.Tensor) -> torch.Tensor:
    """Run ``fn`` on same-size signed views of unsigned tensors; view the result back.

    The result is viewed back as the unsigned dtype when ``fn`` returned the signed twin.
    """
    dtype = next(x.dtype for x in xs if x.dtype in SIGNED_TWIN)
    twin = SIGNED_TWIN[dtype]
    out = fn(*(x.view(twin) if x.dtype == dtype else x for x in xs))
    return out.view(dtype) if out.dtype == twin else out


def ordered(x: torch.Tensor) -> torch.Tensor:
    """An int64 tensor whose order is ``x``'s unsigned order (see :func:`from_ordered`)."""
    if x.dtype == torch.uint64:
        return torch.bitwise_xor(x.view(torch.int64), _SIGN_BIT)
    return x.to(torch.int64)


def from_ordered(values: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """Undo :func:`ordered` for values computed from it (max, sort, ...)."""
    if dtype == torch.uint64:
        return torch.bitwise_xor(values, _SIGN_BIT).view(torch.uint64)
    return values.to(dtype)


def to_wide(x: torch.Tensor, caller: str) -> torch.Tensor:
    """An int64 copy with ``x``'s values; uint64 values of 2**63 and more cannot be held.

    Raises
    ------
    OverflowError
        For uint64 values >= 2**63 (checked on the data where it can be read: not on meta
        tensors, under torch.compile or inside torch.func transforms).
    """
    if x.dtype == torch.uint64:
        signed = x.view(torch.int64)
        if signed.numel() and values_checkable(signed) and bool((signed < 0).any()):
            raise OverflowError(
                f"{caller}: uint64 values >= 2**63 are not supported by this operation, because "
                "torch has no uint64 kernel for it (pytorch#58734); keep values below 2**63 or "
                "use float64"
            )
        return signed
    return x.to(torch.int64)


def wide_back(values: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """Cast int64 results back to the unsigned dtype (wrapping modulo 2**bits)."""
    if dtype == torch.uint64:
        return values.view(torch.uint64) if values.dtype == torch.int64 else values.to(dtype)
    return values.to(dtype)
