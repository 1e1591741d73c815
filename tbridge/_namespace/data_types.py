"""The Array API's data type functions: ``can_cast``, ``finfo``, ``iinfo``, ``isdtype``.

``result_type`` is :func:`tbridge._core.promotion.result_type`, re-exported (one promotion table).
``astype`` lives with the other moves in :mod:`tbridge._convert.moves`.

``finfo``/``iinfo`` return tbridge's own small records, because ``torch.finfo(...).dtype`` is a
string (``'float32'``) where the standard wants the dtype object, and ``torch.iinfo`` objects
cannot be built for other dtypes. Both accept a dtype (any ``dtype=`` spelling) or an array,
and are cached per dtype.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

import numpy as np
import torch
from torch import Tensor

from tbridge._convert.bridge import asarray
from tbridge._convert.moves import convert
from tbridge._core.dtypes import (
    INTEGERS,
    KINDS,
    UNSIGNED_INTEGERS,
    DTypeLike,
    numpy_dtype_of,
    torch_dtype,
)
from tbridge._core.normalize import DeviceLike, torch_device
from tbridge._core.promotion import kind_rank, promote, result_type
from tbridge._core.typing import DTypeKind

__all__ = ["astype", "can_cast", "finfo", "iinfo", "isdtype", "result_type"]


def _dtype_of(value: object, caller: str) -> torch.dtype:
    """A dtype from a dtype (any spelling) or an array."""
    if isinstance(value, torch.dtype):
        return value
    if isinstance(value, Tensor):
        return value.dtype
    dtype = getattr(value, "dtype", None)
    if dtype is not None and not isinstance(value, type):  # a NumPy array or scalar
        value = dtype
    try:
        return torch_dtype(value)  # type: ignore[arg-type]
    except TypeError as e:
        if "no torch twin" in str(e):  # a dtype, but one torch lacks: say that, not "no dtype"
            raise TypeError(f"{caller}: {e}") from e
        raise TypeError(f"{caller}: {value!r} is neither a dtype nor an array; pass either") from e


# ---- can_cast -----------------------------------------------------------------------------

_CAST_CACHE: dict[tuple[torch.dtype, torch.dtype, str], bool] = {}
_CASTINGS: Final = ("no", "equiv", "safe", "same_kind", "unsafe")


def can_cast(from_: DTypeLike | Tensor, to: DTypeLike, /, casting: str = "safe") -> bool:
    """Whether ``from_`` (a dtype or an array) can be cast to ``to`` under ``casting``.

    ``casting="safe"`` (the default, and the standard's rule): True exactly when promoting
    ``from_`` with ``to`` gives ``to`` (``int32 -> float64`` but not ``int64 -> float32``).
    NumPy's other rules: ``"no"``/``"equiv"`` (the same dtype), ``"same_kind"`` (safe, or
    within a kind such as ``float64 -> float32``) and ``"unsafe"`` (always), with NumPy's
    answers for the dtypes NumPy has. ``from_`` may be an array; torch has the same promotion
    graph on every device.

    Raises
    ------
    ValueError
        For an unknown ``casting``.
    """
    # isinstance, not type() is: the same test (torch.dtype cannot be subclassed) at the same
    # cost, and one that type checkers narrow by.
    src = from_ if isinstance(from_, torch.dtype) else _dtype_of(from_, "can_cast")
    dst = to if isinstance(to, torch.dtype) else _dtype_of(to, "can_cast")
    key = (src, dst, casting)
    found = _CAST_CACHE.get(key)
    if found is None:
        if casting not in _CASTINGS:
            raise ValueError(
                f"can_cast: casting={casting!r} is not a casting rule; pass one of "
                + ", ".join(repr(c) for c in _CASTINGS)
            )
        found = _can_cast(src, dst, casting)
        _CAST_CACHE[key] = found
    return found


def _can_cast(src: torch.dtype, dst: torch.dtype, casting: str) -> bool:
    if casting == "safe":
        try:
            return promote(src, dst) == dst
        except TypeError:  # no promotion at all (e.g. a float8 with a complex dtype)
            return False
    np_src, np_dst = numpy_dtype_of(src), numpy_dtype_of(dst)
    if np_src is not None and np_dst is not None:
        return bool(np.can_cast(np_src, np_dst, casting=casting))  # type: ignore[arg-type]
    if casting in ("no", "equiv"):
        return src == dst
    if casting == "unsafe":
        return True
    # same_kind for torch's own dtypes: safe, or not to a lower kind
    return _can_cast(src, dst, "safe") or kind_rank(src) <= kind_rank(dst)


# ---- finfo / iinfo ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class finfo_object:
    """Machine limits of a floating dtype (of its component dtype, for complex ones).

    ``dtype`` is the real floating torch dtype (``tb.float32`` for ``complex64``). NumPy's
    derived attributes are properties: ``tiny``, ``resolution``, ``precision``, ``epsneg``,
    ``smallest_subnormal`` (Python floats and ints), and the bit counts and exponents
    ``nmant``, ``nexp``/``iexp``, ``machep``, ``negep``, ``minexp``, ``maxexp``.
    """

    bits: int
    eps: float
    max: float
    min: float
    smallest_normal: float
    dtype: torch.dtype

    @property
    def tiny(self) -> float:
        """NumPy's alias of ``smallest_normal``."""
        return self.smallest_normal

    @property
    def nmant(self) -> int:
        """The number of stored mantissa bits (``eps`` is ``2**-nmant``)."""
        return -math.frexp(self.eps)[1] + 1

    @property
    def machep(self) -> int:
        """The exponent of ``eps``: ``eps == 2**machep``."""
        return -self.nmant

    @property
    def negep(self) -> int:
        """The exponent of ``epsneg``: ``epsneg == 2**negep``."""
        return -self.nmant - 1

    @property
    def epsneg(self) -> float:
        """The gap between 1.0 and the next smaller number, ``2**negep`` (half of ``eps``)."""
        return math.ldexp(1.0, self.negep)

    @property
    def minexp(self) -> int:
        """The exponent of ``smallest_normal``: ``smallest_normal == 2**minexp``."""
        return math.frexp(self.smallest_normal)[1] - 1

    @property
    def maxexp(self) -> int:
        """The smallest power of two that overflows: ``max < 2**maxexp``."""
        return math.frexp(self.max)[1]

    @property
    def nexp(self) -> int:
        """The number of exponent bits (``bits - nmant - 1``: one sign bit)."""
        return self.bits - self.nmant - 1

    @property
    def iexp(self) -> int:
        """NumPy's alias of ``nexp``."""
        return self.nexp

    @property
    def smallest_subnormal(self) -> float:
        """The smallest positive number, ``2**(minexp - nmant)``."""
        return math.ldexp(1.0, self.minexp - self.nmant)

    @property
    def precision(self) -> int:
        """The approximate number of exact decimal digits, ``floor(-log10(eps))``."""
        return int(-math.log10(self.eps))

    @property
    def resolution(self) -> float:
        """The approximate decimal resolution, ``10**-precision`` (NumPy's)."""
        return torch.finfo(self.dtype).resolution


@dataclass(frozen=True, slots=True)
class iinfo_object:
    """Machine limits of an integer dtype: ``bits``, ``max``, ``min`` and the ``dtype`` itself,
    and NumPy's ``kind`` (``'i'`` signed, ``'u'`` unsigned)."""

    bits: int
    max: int
    min: int
    dtype: torch.dtype

    @property
    def kind(self) -> str:
        """``'u'`` for an unsigned dtype, ``'i'`` for a signed one (NumPy's kind character)."""
        return "u" if self.min == 0 else "i"


_FINFO: dict[object, finfo_object] = {}
_IINFO: dict[object, iinfo_object] = {}
_REAL_OF: Final = {
    torch.complex32: torch.float16,
    torch.complex64: torch.float32,
    torch.complex128: torch.float64,
}


def finfo(type: DTypeLike | Tensor, /) -> finfo_object:  # noqa: A002 - the standard's name
    """Machine limits of a floating dtype, or of an array's dtype (complex: its component).

    Returns an object with ``bits``, ``eps``, ``max``, ``min``, ``smallest_normal`` (Python
    ints and floats) and ``dtype`` (the real floating torch dtype, not a string).

    Raises
    ------
    ValueError
        For integer and bool dtypes (use ``iinfo``), as NumPy raises.
    TypeError
        For values that are not dtypes or arrays.
    """
    try:
        return _FINFO[type]  # a dtype seen before
    except (KeyError, TypeError):
        pass
    dt = type.dtype if isinstance(type, Tensor) else _dtype_of(type, "finfo")
    found = _FINFO.get(dt)
    if found is not None:
        return found
    if not (dt.is_floating_point or dt.is_complex):
        raise ValueError(  # NumPy's class, which ``except ValueError: iinfo(...)`` expects
            f"finfo: {dt} is not a floating dtype; finfo describes real and complex floating "
            "dtypes, use tb.iinfo for integers"
        )
    real = _REAL_OF.get(dt, dt)
    info = torch.finfo(real)
    found = finfo_object(
        bits=info.bits,
        eps=float(info.eps),
        max=float(info.max),
        min=float(info.min),
        smallest_normal=float(info.smallest_normal),
        dtype=real,
    )
    _FINFO[dt] = found
    return found


def iinfo(type: DTypeLike | Tensor, /) -> iinfo_object:  # noqa: A002 - the standard's name
    """Machine limits of an integer dtype, or of an array's dtype (uint16/32/64 included).

    Returns an object with ``bits``, ``max``, ``min`` (Python ints) and ``dtype`` (the torch
    dtype itself).

    Raises
    ------
    ValueError
        For floating, complex and bool dtypes (use ``finfo``), as NumPy raises.
    TypeError
        For values that are not dtypes or arrays.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.iinfo(tb.uint16)
    iinfo_object(bits=16, max=65535, min=0, dtype=torch.uint16)
    """
    try:
        return _IINFO[type]  # a dtype seen before
    except (KeyError, TypeError):
        pass
    dt = type.dtype if isinstance(type, Tensor) else _dtype_of(type, "iinfo")
    found = _IINFO.get(dt)
    if found is not None:
        return found
    if dt not in INTEGERS:
        hint = (
            "use tb.finfo for floating dtypes"
            if dt.is_floating_point or dt.is_complex
            else ("bool has no integer range")
        )
        raise ValueError(f"iinfo: {dt} is not an integer dtype; {hint}")  # NumPy's class
    bits = torch.empty((), dtype=dt, device="meta").element_size() * 8
    if dt in UNSIGNED_INTEGERS:
        found = iinfo_object(bits=bits, max=2**bits - 1, min=0, dtype=dt)
    else:
        found = iinfo_object(bits=bits, max=2 ** (bits - 1) - 1, min=-(2 ** (bits - 1)), dtype=dt)
    _IINFO[dt] = found
    return found


# ---- isdtype ------------------------------------------------------------------------------


#: isdtype answers, by kind (a kind name or a torch dtype), then by torch dtype: two dict
#: lookups and no tuple to build. Every kind name is filled in for every torch dtype here;
#: dtype kinds as they are asked (a bounded set of keys).
_ISDTYPE_CACHE: dict[object, dict[object, bool]] = {
    name: {d: d in members for d in vars(torch).values() if isinstance(d, torch.dtype)}
    for name, members in KINDS.items()
}


def _is_kind(dtype: torch.dtype, kind: object) -> bool:
    if isinstance(kind, str):
        members = KINDS.get(kind)
        if members is None:
            raise ValueError(
                f"isdtype: unknown kind {kind!r}; pass a dtype or one of "
                f"{', '.join(repr(k) for k in KINDS)}"
            )
        return dtype in members
    if isinstance(kind, torch.dtype):
        return dtype == kind
    if isinstance(kind, tuple):
        raise TypeError(
            f"isdtype: kind {kind!r} nests a tuple in a tuple; pass one flat tuple of dtypes and "
            "kind strings"
        )
    return dtype == _dtype_of(kind, "isdtype")


def isdtype(dtype: DTypeLike, kind: DTypeKind) -> bool:
    """Whether ``dtype`` is ``kind``: a dtype, a kind name, or a tuple of either (any matches).

    Kind names: ``'bool'``, ``'signed integer'``, ``'unsigned integer'``, ``'integral'``,
    ``'real floating'``, ``'complex floating'``, ``'numeric'``. The floating kinds also hold
    float16, bfloat16, the float8 types and complex32, as the standard allows.

    Raises
    ------
    ValueError
        For an unknown kind name.
    TypeError
        For a ``dtype`` or ``kind`` that is neither a dtype nor a kind.
    """
    try:
        return _ISDTYPE_CACHE[kind][dtype]
    except (KeyError, TypeError):  # not seen yet, or unhashable (then the slow path explains)
        pass
    return _isdtype_slow(dtype, kind)


def _isdtype_slow(dtype: DTypeLike, kind: DTypeKind) -> bool:
    """isdtype past its cache (apart: its generator would make ``dt`` a cell on every call)."""
    dt = dtype if isinstance(dtype, torch.dtype) else _dtype_of(dtype, "isdtype")
    found = any(_is_kind(dt, k) for k in kind) if isinstance(kind, tuple) else _is_kind(dt, kind)
    given: object = kind  # any object at run time; only exact str and dtype kinds are cached
    if type(dtype) is torch.dtype and (type(given) is str or type(given) is torch.dtype):
        _ISDTYPE_CACHE.setdefault(given, {})[dtype] = found
    return found


def astype(
    x: torch.Tensor,
    dtype: DTypeLike,
    /,
    *,
    copy: bool = True,
    device: DeviceLike | None = None,
) -> torch.Tensor:
    """``x`` converted to ``dtype`` (and moved to ``device``), with at most one copy.

    The Array API 2024.12 signature. ``copy=True`` (the default) always returns new memory;
    ``copy=False`` returns ``x`` itself when dtype and device already match, and copies
    otherwise, as the standard says. A combined move converts on whichever side makes the
    transfer smaller, so ``astype(x, tb.float64, device="cuda")`` ships float32 and widens on
    the GPU.

    Memory and autograd: shares with ``x`` only when ``copy=False`` and nothing changes; stays
    on ``x``'s autograd graph (a dtype change to a non-floating dtype ends differentiability, as
    in torch).

    A NumPy array or scalar is converted as ``tb.asarray`` would (``copy=False`` then shares
    its memory when nothing changes and torch can view it), like every namespace function.

    Raises
    ------
    TypeError
        When ``x`` is not a tensor or NumPy array, or ``dtype`` is not a dtype.
    """
    if copy is not True and copy is not False:
        raise TypeError(f"astype: copy={copy!r} must be True or False (the Array API's astype)")
    given: object = x  # checked at run time for callers without a type checker
    if not isinstance(given, torch.Tensor):
        if isinstance(given, (np.ndarray, np.generic)):
            target = torch_dtype(dtype, caller="astype")  # None is not a dtype here, as for tensors
            return asarray(given, dtype=target, device=device, copy=True if copy else None)
        raise TypeError(
            f"astype: x of type {type(given).__name__} is not a tensor or NumPy array; use "
            "tb.asarray(x, dtype=...) for other data"
        )
    dt = torch_dtype(dtype, caller="astype")
    dev = x.device if device is None else torch_device(device, caller="astype")
    if dt == x.dtype and dev == x.device:
        return x.clone() if copy else x
    return convert(x, dt, dev)
