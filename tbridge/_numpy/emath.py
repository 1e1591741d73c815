"""NumPy's ``numpy.emath``: mathematical functions whose result turns complex outside the real
domain.

``sqrt``, ``log``, ``log2``, ``log10``, ``logn`` and ``power`` give complex results where a real
input is negative; ``arccos``, ``arcsin`` and ``arctanh`` where its magnitude is above 1. Inside
the domain they are the namespace's real functions. Which case applies depends on the values:
each function reads one bool on the host (whether any entry is out of the domain), a device
sync off the CPU, which also keeps them out of ``torch.compile`` graphs and ``vmap``. On the
meta device, which has no values, the input is taken as inside the domain.

The complex dtype: complex64 for float32, complex128 for float64 and float16 (as NumPy);
integer inputs take the default complex dtype (complex128), as the namespace's real functions
give them the default float, where NumPy gives its 8- and 16-bit integers float16/complex64.

Memory and autograd: new memory; the results stay on the input's autograd graph.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import torch
from torch import Tensor

import tbridge._namespace.elementwise as _ew
from tbridge._convert.gate import as_tensor
from tbridge._core.dtypes import default_complex_dtype
from tbridge._core.promotion import promote
from tbridge._namespace.elementwise import ArrayLike

__all__ = ["arccos", "arcsin", "arctanh", "log", "log2", "log10", "logn", "power", "sqrt"]

#: float32 (and bfloat16) values that leave the real domain become complex64.
_SINGLE: Final = frozenset({torch.float32, torch.bfloat16})
_INTEGERS: Final = frozenset(
    {torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8, torch.uint16, torch.uint32,
     torch.uint64}
)  # fmt: skip

_real_sqrt: Final = _ew.sqrt
_real_log: Final = _ew.log
_real_log2: Final = _ew.log2
_real_log10: Final = _ew.log10


def _tensor(x: object, caller: str, name: str = "x") -> Tensor:
    return x if isinstance(x, Tensor) else as_tensor(x, caller, name)


def _to_complex(t: Tensor) -> Tensor:
    """The complex dtype for a real ``t`` that leaves the domain: float32's is complex64,
    float64's (and float16's, as NumPy) complex128; integers and bool take the default complex
    dtype, as the namespace's functions give them the default float."""
    if t.is_floating_point():
        return t.to(torch.complex64 if t.dtype in _SINGLE else torch.complex128)
    return t.to(default_complex_dtype())


def _outside(t: Tensor, test: str) -> bool:
    """Whether any entry of a real ``t`` is outside the real domain (one host read)."""
    if t.is_complex() or t.is_meta or t.numel() == 0 or t.dtype == torch.bool:
        return False
    if test == "negative":
        return bool((t < 0).any())
    return bool((t.abs() > 1).any())


def _below_zero(x: object, caller: str, name: str = "x") -> Tensor:
    t = _tensor(x, caller, name)
    return _to_complex(t) if _outside(t, "negative") else t


def _beyond_one(x: object, caller: str) -> Tensor:
    t = _tensor(x, caller)
    return _to_complex(t) if _outside(t, "magnitude") else t


def sqrt(x: ArrayLike) -> Tensor:
    """The square root, complex where a real ``x`` has negative entries (NumPy's
    ``emath.sqrt``): ``sqrt(-4)`` is ``2j``.

    Reads on the host whether any entry is negative (see the module notes).

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.emath.sqrt(tb.asarray([-4.0, 4.0]))
    tensor([0.+2.j, 2.+0.j], dtype=torch.complex128)
    """
    return _real_sqrt(_below_zero(x, "emath.sqrt"))


def log(x: ArrayLike) -> Tensor:
    """The natural logarithm, complex where a real ``x`` has negative entries
    (``log(-1)`` is ``pi * 1j``).

    Reads on the host whether any entry is negative (see the module notes).

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.emath.log(tb.asarray([-1.0, 1.0]))
    tensor([0.+3.1416j, 0.+0.0000j], dtype=torch.complex128)
    """
    return _real_log(_below_zero(x, "emath.log"))


def log2(x: ArrayLike) -> Tensor:
    """The base-2 logarithm, complex where a real ``x`` has negative entries.

    Reads on the host whether any entry is negative (see the module notes).

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.emath.log2(tb.asarray([8.0, 2.0]))
    tensor([3., 1.], dtype=torch.float64)
    """
    return _real_log2(_below_zero(x, "emath.log2"))


def log10(x: ArrayLike) -> Tensor:
    """The base-10 logarithm, complex where a real ``x`` has negative entries.

    Reads on the host whether any entry is negative (see the module notes).

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.emath.log10(tb.asarray([100.0, 0.1]))
    tensor([ 2., -1.], dtype=torch.float64)
    """
    return _real_log10(_below_zero(x, "emath.log10"))


def logn(n: ArrayLike, x: ArrayLike) -> Tensor:
    """The base-``n`` logarithm of ``x``, ``log(x) / log(n)``, complex where a real ``x`` or
    ``n`` has negative entries.

    Reads on the host whether any entry of each is negative (see the module notes).

    Memory and autograd: new memory, on both inputs' autograd graphs.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.emath.logn(2, tb.asarray([8.0, 4.0]))
    tensor([3., 2.], dtype=torch.float64)
    """
    top = _real_log(_below_zero(x, "emath.logn"))
    bottom = _real_log(_below_zero(n, "emath.logn", "n"))
    try:
        return _ew.divide(top, bottom)
    except ValueError as e:
        raise ValueError(
            f"emath.logn: n of shape {tuple(bottom.shape)} and x of shape {tuple(top.shape)} do "
            "not broadcast together; pass shapes that broadcast"
        ) from e


def power(x: ArrayLike, p: ArrayLike) -> Tensor:
    """``x ** p``, complex where a real ``x`` has negative entries (``power(-4, 0.5)`` is
    about ``2j``); negative integer powers give floats, as NumPy's ``emath.power``.

    Reads on the host whether any entry of ``x`` (and of an integer ``p``) is negative.

    Memory and autograd: new memory, on both inputs' autograd graphs.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.emath.power(tb.asarray([2, 4]), -1)
    tensor([0.5000, 0.2500], dtype=torch.float64)
    """
    base = _below_zero(x, "emath.power")
    exponent = _tensor(p, "emath.power", "p")
    if exponent.dtype in _INTEGERS and _outside(exponent, "negative"):
        exponent = exponent.to(torch.float64)
    if base.is_complex() and not isinstance(p, (Tensor, np.ndarray)) and exponent.ndim == 0:
        # A number: pow by the value, which NumPy computes exactly where it is a whole number
        # ((-4) ** 2 is 16+0j, not exp(2 * log(-4+0j)) = 16-3.9e-15j), in the dtype of the array.
        return _ew.pow(base.to(promote(base.dtype, exponent.dtype)), exponent.item())
    return _ew.pow(base, exponent)


def arccos(x: ArrayLike) -> Tensor:
    """The inverse cosine, complex where a real ``x`` has entries of magnitude above 1.

    Reads on the host whether any entry is outside ``[-1, 1]`` (see the module notes).

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.emath.arccos(tb.asarray([1.0, 0.0]))
    tensor([0.0000, 1.5708], dtype=torch.float64)
    """
    return _ew.acos(_beyond_one(x, "emath.arccos"))


def arcsin(x: ArrayLike) -> Tensor:
    """The inverse sine, complex where a real ``x`` has entries of magnitude above 1.

    Reads on the host whether any entry is outside ``[-1, 1]`` (see the module notes).

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.emath.arcsin(tb.asarray([0.0, 1.0]))
    tensor([0.0000, 1.5708], dtype=torch.float64)
    """
    return _ew.asin(_beyond_one(x, "emath.arcsin"))


def arctanh(x: ArrayLike) -> Tensor:
    """The inverse hyperbolic tangent, complex where a real ``x`` has entries of magnitude
    above 1.

    Reads on the host whether any entry is outside ``[-1, 1]`` (see the module notes).

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.emath.arctanh(tb.asarray([0.0, 0.5]))
    tensor([0.0000, 0.5493], dtype=torch.float64)
    """
    return _ew.atanh(_beyond_one(x, "emath.arctanh"))
