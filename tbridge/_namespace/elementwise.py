"""Element-wise functions of the Array API, on plain tensors, called as NumPy's ufuncs are.

Each function has a fast path that calls torch directly when torch's answer is already the
standard's (tensor operands of one dtype that torch computes natively, no ``out``), and a slow
path that takes every argument through the input gate (:func:`tbridge._convert.gate.as_tensor`:
NumPy arrays, Python scalars and nested sequences), promotes by the standard's table
(:mod:`tbridge._core.promotion`), routes unsigned dtypes torch cannot compute through
:mod:`tbridge._core.workarounds`, and writes ``out=`` with NumPy's ``same_kind`` rule
(:func:`tbridge._convert.gate.write_out`). A Python scalar beside an array stays weak
(``tb.add(int8_x, 1)`` is int8); a scalar or list standing alone is an array of NumPy's default
dtype (``tb.sqrt(2)`` is float64, ``tb.add(1, 2)`` int64).

``where=`` is NumPy's ufunc mask (``out`` keeps its values where it is False; see
:func:`tbridge._convert.gate.write_out`) and ``dtype=`` the dtype NumPy's ufunc computes in
(the operands are cast to NumPy's loop for it; see :func:`tbridge._convert.gate.with_dtype`).
NumPy takes both by keyword only; here they are also accepted by position after ``out``,
because CPython looks a keyword-only default up in a dict on every call (about 15 ns each, a
tenth of the fast path's whole overhead over torch), while a positional default costs nothing
measurable. NumPy code, which passes them by keyword, runs the same. An integer division whose
zero divisors the mask leaves out does not warn.

The binary functions share one fast-path template, built per function by :func:`_ufunc2` (a
closure, no extra Python frame per call), and carry NumPy's ufunc methods as attributes:
``tb.add.reduce``, ``.accumulate``, ``.outer``, ``.at`` and ``.reduceat`` (typed by the
:class:`BinaryUfunc` protocol). Unary fast paths are written inline: one Python frame or one
attribute lookup is a measurable part of a call on small arrays.

Errors: torch's RuntimeErrors never escape. A broadcast mismatch is a ValueError naming both
shapes, operands on different devices a ValueError naming both devices, a dtype torch has no
kernel for a TypeError. Integer ``floor_divide``/``remainder`` by zero give NumPy's 0 with
NumPy's RuntimeWarning, or what ``tb.errstate(divide=...)`` asks for (torch raises instead);
the check runs only after torch has raised.

Memory and autograd: every result is new memory (``positive`` and ``real`` of real input
included) and stays on the inputs' autograd graph wherever torch can differentiate; ``out=``
is written with ``copy_``, so it stays on the graph too.
"""

from __future__ import annotations

import math
import sys
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Final, Literal, Protocol, TypeAlias, TypeVar, cast

import numpy as np
import torch
from torch import Tensor
from torch.compiler import is_dynamo_compiling

from tbridge._convert.gate import as_tensor, where_mask, with_dtype, write_out
from tbridge._core.axes import AxisWording, check_axis
from tbridge._core.dtypes import (
    ALL_COMPLEX_FLOATING,
    COMPLEX,
    INEXACT,
    INT_BOUNDS,
    REAL_FLOATS,
    DTypeLike,
    current_defaults,
    default_float_dtype,
    int_out_of_bounds,
    torch_dtype,
)
from tbridge._core.promotion import kind_rank, promote, scalar_result
from tbridge._core.reporting import report_fp_error
from tbridge._core.signatures import broadcast_shapes
from tbridge._core.tracing import values_checkable
from tbridge._core.typing import Scalar
from tbridge._core.values import initial_value
from tbridge._core.workarounds import (
    UNSIGNED_GAPS,
    from_ordered,
    on_bits,
    ordered,
    to_wide,
    wide_back,
)

__all__ = [
    "abs",
    "acos",
    "acosh",
    "add",
    "asin",
    "asinh",
    "atan",
    "atan2",
    "atanh",
    "bitwise_and",
    "bitwise_invert",
    "bitwise_left_shift",
    "bitwise_or",
    "bitwise_right_shift",
    "bitwise_xor",
    "ceil",
    "clip",
    "conj",
    "copysign",
    "cos",
    "cosh",
    "divide",
    "equal",
    "exp",
    "expm1",
    "floor",
    "floor_divide",
    "greater",
    "greater_equal",
    "hypot",
    "imag",
    "isfinite",
    "isinf",
    "isnan",
    "less",
    "less_equal",
    "log",
    "log1p",
    "log2",
    "log10",
    "logaddexp",
    "logical_and",
    "logical_not",
    "logical_or",
    "logical_xor",
    "maximum",
    "minimum",
    "multiply",
    "negative",
    "nextafter",
    "not_equal",
    "positive",
    "pow",
    "real",
    "reciprocal",
    "remainder",
    "round",
    "sign",
    "signbit",
    "sin",
    "sinh",
    "sqrt",
    "square",
    "subtract",
    "tan",
    "tanh",
    "trunc",
]  # fmt: skip

#: What an array argument may be: anything the input gate takes (a tensor, a NumPy array or
#: scalar, a Python scalar, a nested sequence of numbers).
ArrayLike: TypeAlias = (
    "Tensor | np.ndarray[Any, Any] | np.generic | bool | int | float | complex | Sequence[Any]"
)
AxisLike: TypeAlias = "int | tuple[int, ...] | None"

#: How an operation treats the unsigned dtypes torch cannot compute with.
#: bits: same-size signed view (wrap-around arithmetic, bitwise, equality);
#: order: order-preserving int64 twin (comparisons, max/min);
#: value: int64 copy of the values (division, remainder, shifts right, powers);
#: none: no integer meaning (floating-only functions).
UintMode: TypeAlias = Literal["bits", "order", "value", "none"]

#: dtypes for which torch's binary kernels already give the standard's answer.
_NATIVE: Final = frozenset(
    {
        torch.bool,
        torch.int8,
        torch.int16,
        torch.int32,
        torch.int64,
        torch.uint8,
        torch.float16,
        torch.bfloat16,
        torch.float32,
        torch.float64,
        torch.complex64,
        torch.complex128,
    }
)
#: ``_NATIVE`` without complex: add and subtract compute complex numbers part by part.
_NATIVE_REAL: Final = _NATIVE - {torch.complex64, torch.complex128}
#: ``_NATIVE`` without bool: the dtypes torch's arithmetic kernels take.
_NATIVE_NUMBERS: Final = _NATIVE - {torch.bool}
_INEXACT: Final = INEXACT
_REAL_FLOATS: Final = REAL_FLOATS
_NATIVE_NUMERIC: Final = _NATIVE - {torch.bool}
#: negative's fast path: complex is negated part by part (``_negate``).
_NATIVE_REAL_NUMERIC: Final = _NATIVE_NUMERIC - {torch.complex64, torch.complex128}
#: bool and the integer dtypes torch computes natively (the bitwise functions' fast path).
_NATIVE_INTEGRAL: Final = _NATIVE - _INEXACT
_COMPLEX: Final = COMPLEX
#: every complex dtype torch has (complex32 included), as ``dtype.is_complex`` tells.
_COMPLEX_ALL: Final = ALL_COMPLEX_FLOATING
#: signbit's fast path: uint8 (always False) and the unsigned gaps are left to the slow path.
_SIGNBIT_NATIVE: Final = _NATIVE - {torch.uint8, torch.complex64, torch.complex128}
_BOOL: Final = torch.bool
_COMPLEX128: Final = torch.complex128
_FLOAT64: Final = torch.float64

#: Python scalars torch may take as they are: it treats them as weak, as the standard does,
#: when the scalar's kind is not above the array's, and rounds them to the array's dtype once.
#: float16/bfloat16 are left out: torch computes with the scalar in float32 there (its "opmath")
#: instead of rounding it to the dtype first, as NumPy and the slow path do. bool scalars are
#: left out too (torch refuses ``x - True``), and so are complex scalars with complex64 (parts
#: beyond float32's range). Each entry is the range the scalar must fall in: a float beyond
#: float32's makes some torch functions raise (clamp, where) where the slow path gives inf; an
#: int beyond an integer dtype's range is the slow path's OverflowError (NumPy 2's), beyond
#: int64's torch takes none (and float32 rounds large ints differently, see below).
_F32_MAX: Final = float(torch.finfo(torch.float32).max)
_INF: Final = float("inf")
_WEAK_FLOAT: Final[dict[torch.dtype, tuple[float, float]]] = {
    torch.float32: (-_F32_MAX, _F32_MAX),
    torch.complex64: (-_F32_MAX, _F32_MAX),
    torch.float64: (-_INF, _INF),
    torch.complex128: (-_INF, _INF),
}
_WEAK_INT: Final[dict[torch.dtype, tuple[int, int]]] = {
    dt: (int(torch.iinfo(dt).min), int(torch.iinfo(dt).max))
    for dt in (torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8)
} | {
    # float32 within 2**53: the slow path rounds an int to float64 first, then to float32,
    # torch once; the two agree while the first rounding is exact.
    torch.float32: (-(2**53), 2**53),
    torch.complex64: (-(2**53), 2**53),
    torch.float64: (-(2**63), 2**63 - 1),
    torch.complex128: (-(2**63), 2**63 - 1),
}

#: torch functions bound once (a module global is found faster than ``torch.<name>``).
_acos, _acosh, _asin, _asinh = torch.acos, torch.acosh, torch.asin, torch.asinh
_atan, _atanh, _cos, _cosh = torch.atan, torch.atanh, torch.cos, torch.cosh
_exp, _expm1, _log, _log1p = torch.exp, torch.expm1, torch.log, torch.log1p
_log2, _log10, _reciprocal, _sin = torch.log2, torch.log10, torch.reciprocal, torch.sin
_sinh, _sqrt, _tan, _tanh = torch.sinh, torch.sqrt, torch.tan, torch.tanh
_abs, _negative, _square, _sign = torch.abs, torch.negative, torch.square, torch.sign
_ceil, _floor, _trunc, _round = torch.ceil, torch.floor, torch.trunc, torch.round
_signbit, _isfinite, _isinf, _isnan = torch.signbit, torch.isfinite, torch.isinf, torch.isnan
_bitwise_not, _logical_not = torch.bitwise_not, torch.logical_not
_conj_physical, _real, _imag = torch.conj_physical, torch.real, torch.imag
_add, _subtract, _multiply, _divide = torch.add, torch.subtract, torch.multiply, torch.divide
_floor_divide, _remainder, _pow = torch.floor_divide, torch.remainder, torch.pow
_atan2, _copysign, _hypot = torch.atan2, torch.copysign, torch.hypot
_logaddexp, _nextafter = torch.logaddexp, torch.nextafter
_eq, _ne, _gt, _ge, _lt, _le = torch.eq, torch.ne, torch.gt, torch.ge, torch.lt, torch.le
_maximum, _minimum = torch.maximum, torch.minimum
_bitwise_and, _bitwise_or, _bitwise_xor = torch.bitwise_and, torch.bitwise_or, torch.bitwise_xor
_bitwise_left_shift, _bitwise_right_shift = torch.bitwise_left_shift, torch.bitwise_right_shift
_logical_and, _logical_or, _logical_xor = torch.logical_and, torch.logical_or, torch.logical_xor
_clamp = torch.clamp
_np_sign = np.sign
_from_numpy = torch.from_numpy
_as_numpy = Tensor.numpy
_torch_outer = torch.outer
_view_as_real, _view_as_complex = torch.view_as_real, torch.view_as_complex
#: sign computes in NumPy, for these dtypes, up to this many elements (see :func:`sign`).
_NUMPY_FLOATS: Final = frozenset({torch.float16, torch.float32, torch.float64})
_SIGN_NUMPY_MAX: Final = 1 << 16


def _tensor(x: object, caller: str) -> Tensor:
    """``x`` through the input gate (a tensor passes as itself)."""
    return x if type(x) is Tensor else as_tensor(x, caller)


def _weak(t: Tensor, s: object) -> bool:
    """Whether torch takes the Python scalar ``s`` with ``t`` exactly as the standard does.

    True for a float with a float32/float64/complex array, a complex with a complex128 array,
    and an int with an int8..int64/uint8 or float32/float64/complex array, each within the range
    in ``_WEAK_FLOAT``/``_WEAK_INT``: torch then keeps ``t``'s dtype and rounds ``s`` to it once,
    as the slow path's ``_scalar_tensor`` does. NaN is left to the slow path.
    """
    ts = type(s)
    if ts is float:
        fr = _WEAK_FLOAT.get(t.dtype)
        return fr is not None and fr[0] <= s <= fr[1]  # type: ignore[operator]
    if ts is int:
        ir = _WEAK_INT.get(t.dtype)
        return ir is not None and ir[0] <= s <= ir[1]  # type: ignore[operator]
    if ts is complex:
        return t.dtype is _COMPLEX128
    return False


def _weak_mirror(t: Tensor, s: object) -> bool:
    """``_weak`` for a scalar on the left, computed with ``t`` and ``s`` swapped: real ``t`` only.

    torch's complex kernels are not symmetric (``add`` multiplies its second operand by
    ``alpha``: ``0.0 + (inf+0j)`` is ``inf+nanj`` but ``(inf+0j) + 0.0`` is ``inf+0j``), and a
    failing mirrored comparison would name the mirrored kernel.
    """
    return t.dtype not in _COMPLEX_ALL and _weak(t, s)


def _two_python_ints(x1: int, x2: int, caller: str) -> None:
    """NumPy 2's OverflowError for two Python ints, one past int64, in an integer function.

    Both are weak, so NumPy computes in its default integer dtype, int64, which cannot hold
    the big one (``np.add(2**63, 1)``). An int standing alone reads as uint64 up to 2**64 - 1,
    which made ``add(2**63, 1)`` uint64 while ``add(1, 2**63)`` raised.
    """
    for value in (x1, x2):
        fix = (
            f"make it an array first (tb.asarray({value!r}) is uint64), as NumPy 2 asks too"
            if 0 <= value < 1 << 64
            else "pass it as a float"
        )
        if (error := int_out_of_bounds(value, torch.int64, fix, caller)) is not None:
            raise error


def _operands(
    x1: object, x2: object, caller: str, integer: bool = True
) -> tuple[Tensor | Scalar, Tensor | Scalar, torch.dtype]:
    """Both operands, tensors cast to the promoted dtype, and that dtype. ``integer``: the
    function computes two ints as ints (False for comparisons and floating-only functions)."""
    s1 = isinstance(x1, (bool, int, float, complex)) and not isinstance(x1, np.generic)
    s2 = isinstance(x2, (bool, int, float, complex)) and not isinstance(x2, np.generic)
    if s1 and s2:
        if integer and type(x1) is int and type(x2) is int:
            _two_python_ints(x1, x2, caller)
        # Two Python scalars: the first stands alone (an array of NumPy's default dtype, as
        # np.add(1, 2.5) reads it) and the second stays weak beside it.
        x1, s1 = as_tensor(x1, caller, "x1"), False
    if s2:
        t1 = x1 if type(x1) is Tensor else as_tensor(x1, caller, "x1")
        dt = scalar_result(t1.dtype, x2)
        return (t1 if t1.dtype == dt else t1.to(dt)), x2, dt  # type: ignore[return-value]
    if s1:
        t2 = x2 if type(x2) is Tensor else as_tensor(x2, caller, "x2")
        dt = scalar_result(t2.dtype, x1)
        return x1, (t2 if t2.dtype == dt else t2.to(dt)), dt  # type: ignore[return-value]
    t1 = x1 if type(x1) is Tensor else as_tensor(x1, caller, "x1")
    t2 = x2 if type(x2) is Tensor else as_tensor(x2, caller, "x2")
    dt = promote(t1.dtype, t2.dtype)
    return (t1 if t1.dtype == dt else t1.to(dt)), (t2 if t2.dtype == dt else t2.to(dt)), dt


def _torch_promotions() -> dict[tuple[torch.dtype, torch.dtype], torch.dtype]:
    """The pairs of different dtypes torch promotes as the standard does, with the result.

    For arrays of at least one dimension each (torch ranks a 0-d tensor below them), the binary
    functions call torch with these as they are: torch casts as it computes, to the same values
    as casting first. bool is left out: torch refuses ``bool - int8`` where the standard casts
    first.
    """
    dtypes = sorted(_NATIVE - {torch.bool}, key=str)
    found = {}
    for a in dtypes:
        for b in dtypes:
            if a is not b and torch.promote_types(a, b) is (dt := promote(a, b)):
                found[a, b] = dt
    return found


_TORCH_PROMOTES: Final = _torch_promotions()


def _scalar_tensor(value: Scalar, like: Tensor, caller: str = "") -> Tensor:
    """A Python scalar as a 0-d tensor of ``like``'s dtype and device (``caller``, the
    function, names it in errors).

    Raises
    ------
    OverflowError
        When an integer does not fit the dtype (NumPy 2 raises here too). torch would wrap a
        negative int into an unsigned dtype, and refuse one past int64 with its own text.
    """
    error = int_out_of_bounds(
        value, like.dtype, "cast the array to a wider dtype first (tb.astype)", caller
    )
    if error is not None:
        raise error
    if like.dtype is torch.uint64 and type(value) is int and value > 2**63 - 1:
        # uint64's upper half: its bits, via int64 (torch reads Python ints as int64)
        return torch.tensor(value - 2**64, dtype=torch.int64, device=like.device).view(torch.uint64)
    return torch.tensor(value, dtype=like.dtype, device=like.device)


def _compare_beyond(
    fn: Callable[..., Tensor], x1: object, x2: object, caller: str
) -> Tensor | None:
    """A comparison of an integer array with a Python int beyond its dtype's range, exactly as
    NumPy 2 does it: the int is above (or below) every entry, so the answer is one constant
    (``uint8_x < -1`` is all False, ``int8_x != 300`` all True). None for other operands."""
    if type(x2) is int:
        t, value, scalar_right = x1, x2, True
    elif type(x1) is int:
        t, value, scalar_right = x2, x1, False
    else:
        return None
    t = _tensor(t, caller)
    bounds = INT_BOUNDS.get(t.dtype)
    if bounds is None or bounds[0] <= value <= bounds[1]:
        return None
    above = 1 if value > bounds[1] else -1  # the int's side of every entry, with 0 for them
    pair = (torch.tensor(0), torch.tensor(above))
    answer = bool(fn(*pair) if scalar_right else fn(*reversed(pair)))
    return torch.full(t.shape, answer, dtype=torch.bool, device=t.device)


def _binary(
    fn: Callable[..., Tensor],
    x1: object,
    x2: object,
    caller: str,
    uint: UintMode,
    floating: bool = False,
) -> Tensor:
    """The slow path: promote, then compute (unsigned gaps and floating-only functions fixed)."""
    if fn in _MIXED_SIGN_COMPARISONS:
        if (
            isinstance(x1, Tensor)
            and isinstance(x2, Tensor)
            and {x1.dtype, x2.dtype} == _INT64_UINT64
        ):
            return _compare_int64_uint64(fn, x1, x2)
        if (beyond := _compare_beyond(fn, x1, x2, caller)) is not None:
            return beyond
    integer = not floating and fn not in _MIXED_SIGN_COMPARISONS
    a, b, dt = _operands(x1, x2, caller, integer)
    if floating and kind_rank(dt) < 2:
        target = default_float_dtype()
        a = a.to(target) if isinstance(a, Tensor) else a
        b = b.to(target) if isinstance(b, Tensor) else b
        dt = target
    # Python scalars become 0-d tensors of the promoted dtype: several torch functions
    # (maximum, gt with a scalar first, ...) take tensors only.
    ta = a if isinstance(a, Tensor) else _scalar_tensor(a, b, caller)  # type: ignore[arg-type]
    tb_ = b if isinstance(b, Tensor) else _scalar_tensor(b, ta, caller)
    if dt in UNSIGNED_GAPS:
        return _unsigned_binary(fn, ta, tb_, dt, uint, caller)
    return fn(ta, tb_)


_INT64_UINT64: Final = {torch.int64, torch.uint64}
_MIXED_SIGN_COMPARISONS: Final = frozenset({_eq, _ne, _gt, _ge, _lt, _le})


def _compare_int64_uint64(fn: Callable[..., Tensor], x1: Tensor, x2: Tensor) -> Tensor:
    """Exact comparison of int64 with uint64, as NumPy 2 does (promotion would go through
    float64 and lose the low bits near 2**63)."""
    # A uint64 of 2**63 or more exceeds every int64; below that both fit int64 exactly.
    big1 = x1.view(torch.int64) < 0 if x1.dtype == torch.uint64 else None
    big2 = x2.view(torch.int64) < 0 if x2.dtype == torch.uint64 else None
    out = fn(x1.view(torch.int64), x2.view(torch.int64))
    if big2 is not None:  # x2 is the huge unsigned side: the result is fn(small, large)
        out = torch.where(big2, fn(torch.tensor(0), torch.tensor(1)), out)
    if big1 is not None:
        out = torch.where(big1, fn(torch.tensor(1), torch.tensor(0)), out)
    return out


def _unsigned_binary(
    fn: Callable[..., Tensor], a: Tensor, b: Tensor, dt: torch.dtype, uint: UintMode, caller: str
) -> Tensor:
    if uint == "bits":
        return on_bits(fn, a, b)
    if uint == "order":
        out = fn(ordered(a), ordered(b))
        return out if out.dtype == torch.bool else from_ordered(out, dt)
    if uint == "value":
        out = fn(to_wide(a, caller), to_wide(b, caller))
        return out if out.dtype == torch.bool else wide_back(out, dt)
    raise TypeError(f"{caller}: {dt} has no meaning for this function; pass a floating array")


# ---- errors: torch's RuntimeErrors as built-in exceptions ------------------------------------

#: The text of torch's RuntimeError for an integer division by zero.
_ZERO_DIVISION: Final = "ZeroDivisionError"


def _shape_of(x: object) -> tuple[int, ...]:
    """The shape an operand has or would have as an array (() when it cannot be read)."""
    if isinstance(x, Tensor):
        return tuple(x.shape)
    try:
        return tuple(np.shape(cast(Any, x)))
    except (ValueError, TypeError):  # a ragged sequence: the input gate names it
        return ()


#: The functions that order their operands: complex ones get the "no order" TypeError.
_ORDERS: Final = frozenset({"greater", "greater_equal", "less", "less_equal", "maximum", "minimum"})


def _is_complex(x: object) -> bool:
    if isinstance(x, (Tensor, np.ndarray, np.generic)):
        return x.dtype.is_complex if isinstance(x, Tensor) else x.dtype.kind == "c"
    return isinstance(x, complex)


def _failure(
    e: Exception, name: str, operands: tuple[object, ...], *, broadcast: bool = True
) -> Exception:
    """The built-in exception for torch's error ``e`` in ``name`` on ``operands``.

    The operands are checked in the order NumPy checks them: shapes that do not broadcast
    (ValueError naming every shape; not checked when ``broadcast`` is False, for ``at``, whose
    values broadcast against the indexed elements), tensors on different devices (ValueError
    naming two of them), complex operands of a function that orders them (TypeError: no
    order), a dtype torch has no kernel for (TypeError naming the dtypes); anything else is a
    ValueError that quotes torch's first line. ``name`` may carry a ufunc method
    (``maximum.at``).
    """
    shapes = [_shape_of(x) for x in operands]
    try:
        if broadcast:
            broadcast_shapes(*shapes)
    except RuntimeError:
        listed = " ".join(str(s) for s in shapes)
        return ValueError(
            f"{name}: operands could not be broadcast together with shapes {listed}; each "
            "dimension must be equal or 1, counted from the right (NumPy's broadcasting rule): "
            "reshape or slice the operands to compatible shapes (tb.reshape, tb.expand_dims)"
        )
    devices = list(dict.fromkeys(x.device for x in operands if isinstance(x, Tensor)))
    if len(devices) > 1:
        return ValueError(
            f"{name}: operands are on different devices, {devices[0]} and {devices[1]}; move "
            "them to one device first (tb.to_device)"
        )
    lines = str(e).strip().splitlines()
    text = lines[0] if lines else type(e).__name__
    kinds = ", ".join(
        dict.fromkeys(
            str(x.dtype) if isinstance(x, (Tensor, np.ndarray)) else type(x).__name__
            for x in operands
            if x is not None
        )
    )
    if name.partition(".")[0] in _ORDERS and any(_is_complex(x) for x in operands):
        return TypeError(
            f"{name}: complex numbers have no order, got operands ({kinds}); compare the real "
            "parts or the magnitudes instead (tb.real(x) or tb.abs(x))"
        )
    if isinstance(e, NotImplementedError) or "not implemented for" in text or "support" in text:
        return TypeError(
            f"{name}: not supported for these operands ({kinds}): torch has no kernel for "
            "them; cast them to a supported dtype first (tb.astype)"
        )
    return ValueError(f"{name}: torch cannot compute this for operands ({kinds}): {text}")


def _zero_safe(
    fn: Callable[[Tensor, Tensor], Tensor], warn_as: str | None
) -> Callable[..., Tensor]:
    """``fn`` (an integer division) giving NumPy's 0 where the divisor is 0, where torch
    raises, and reporting NumPy's ``divide by zero encountered in <warn_as>`` as ``errstate``
    says for ``divide`` (a RuntimeWarning by default; no report when ``warn_as`` is None).
    The divisor is looked at only after torch has raised."""

    def kernel(a: Tensor, b: Tensor) -> Tensor:
        try:
            return fn(a, b)
        except RuntimeError as e:
            if _ZERO_DIVISION not in str(e):
                raise
        zero = b == 0
        out = fn(a, b.masked_fill(zero, 1))
        if warn_as is not None:
            report_fp_error("divide", f"divide by zero encountered in {warn_as}")
        return out.masked_fill(zero, 0)

    return kernel


_Slow: TypeAlias = "Callable[[Any, Any, Tensor | None, object], Tensor]"
_D = TypeVar("_D")
#: The factory-made functions whose integer kernels warn for a zero divisor: under ``where=``
#: a divisor the mask leaves out is not divided by (NumPy computes nothing there, so it does
#: not warn). ``remainder`` and ``divmod``, written by hand, call ``_masked_divisor`` themselves.
_ZERO_DIVIDES: Final = frozenset({"floor_divide", "fmod"})


def _masked_divisor(x2: _D, where: object, caller: str) -> _D | Tensor:
    """An integer tensor divisor with 1 where ``where`` is False (``where=``'s masked-off
    positions are discarded, so only the warning for a zero there changes); other divisors as
    they are (a float divisor never warns; Python scalars stay weak)."""
    if isinstance(x2, Tensor) and not (
        (d := x2.dtype).is_floating_point or d.is_complex or d is torch.bool
    ):
        return torch.where(where_mask(where, caller, x2.device), x2, 1)
    return x2


def _recover(
    name: str, x1: object, x2: object, out: Tensor | None, where: object, slow: _Slow
) -> Tensor:
    """The answer after torch raised in ``name``: the slow path once more, whose kernels
    give NumPy's 0 (and warning) for an integer division by zero and whose checks raise the
    specific built-in exceptions; what torch still raises there becomes ``_failure``'s. Only
    failed calls come here (a ``try`` costs nothing until it catches)."""
    try:
        return slow(x1, x2, out, where)
    except RuntimeError as again:
        raise _failure(again, name, (x1, x2)) from again


def _unary(fn: Callable[[Tensor], Tensor], x: object, caller: str, uint: UintMode) -> Tensor:
    t = _tensor(x, caller)
    if t.dtype in UNSIGNED_GAPS:
        if uint == "bits":
            return on_bits(fn, t)
        if uint == "none":
            raise TypeError(f"{caller}: {t.dtype} has no meaning for this function")
        out = fn(to_wide(t, caller))
        return out if out.dtype == torch.bool else wide_back(out, t.dtype)
    return fn(t)


def _floating_unary(fn: Callable[[Tensor], Tensor], x: object, caller: str) -> Tensor:
    """Functions with only floating results: integers become the default float first."""
    t = x if type(x) is Tensor else _tensor(x, caller)
    if t.dtype not in _INEXACT:
        if t.is_complex():  # complex32: computed in complex64, returned in complex32
            return fn(t.to(torch.complex64)).to(t.dtype)
        if t.dtype == torch.bool:
            raise TypeError(f"{caller}: a bool array has no floating meaning; cast it first")
        t = t.to(default_float_dtype())
    return fn(t)


# ---- complex special values torch's kernels miss -------------------------------------------
# Each keeps torch's kernel for finite input and the real dtypes; the fixes cost a few more
# kernels on complex input only. Upstream: torch declines to special-case complex extremal
# values in its kernels (pytorch#95740, closed as expected; "Extremal values" in torch's
# numerical accuracy notes). The sign of acos's zero imaginary part has no upstream issue that
# we know of. Drop each fix when torch's kernel passes tests/test_elementwise.py's cases.


def _complex_acos(t: Tensor) -> Tensor:
    """acos with the standard's signed zeros: the imaginary part's sign is the opposite of
    ``imag(x)``'s (acos(conj(z)) = conj(acos(z))); torch gives +0j at every real input.

    Only a zero imaginary part changes, and only its sign, by arithmetic whose derivative is 1
    (``v + 0.0`` makes a zero +0, ``-(-v + 0.0)`` makes it -0, other values pass unchanged), so
    gradients are torch's. copysign would do it in one kernel but its gradient is 0 at zero.
    """
    out = _acos(t)
    imag = out.imag
    plus_zero = imag + 0.0
    minus_zero = (plus_zero.neg() + 0.0).neg()
    return torch.complex(out.real, torch.where(torch.signbit(t.imag), plus_zero, minus_zero))


def _non_finite_fallback(
    t: Tensor, kernel: Callable[[Tensor], Tensor], fallback: Callable[[Tensor], Tensor]
) -> Tensor:
    """``kernel(t)`` where ``t`` is finite, ``fallback(t)`` elsewhere. The fallback sees 0 at the
    finite elements, so its gradient there is finite and cannot leak NaN through ``where``."""
    finite = torch.isfinite(t)
    safe = torch.where(finite, torch.zeros((), dtype=t.dtype, device=t.device), t)
    return torch.where(finite, kernel(t), fallback(safe))


def _complex_expm1(t: Tensor) -> Tensor:
    """expm1 that is ``exp(z) - 1`` at infinities and NaNs (torch's kernel gives NaN there,
    e.g. at +inf+0j, where the standard says +inf+0j); exp follows C99 there."""
    out = _non_finite_fallback(t, _expm1, _exp_minus_one)
    # expm1(±0 + 0j) is +0 + 0j in the standard; torch's kernel keeps -0 at -0+0j. Only there:
    # elsewhere a -0 real part is what NumPy's formula gives too. ``+ 0.0`` keeps the gradient.
    real = out.real
    return torch.complex(torch.where(t == 0, real + 0.0, real), out.imag)


def _exp_minus_one(z: Tensor) -> Tensor:
    """``exp(z) - 1`` on the real part only: torch's complex ``z - 1`` adds ``-1 + 0j`` and so
    turns a -0 imaginary part into +0."""
    e = _exp(z)
    return torch.complex(e.real - 1, e.imag)


def _complex_log1p(t: Tensor) -> Tensor:
    """log1p that is ``log(1 + z)`` at infinities and NaNs (torch's kernel gives NaN there,
    e.g. at 2+inf j, where the standard says +inf+pi/2 j). ``1 + z`` keeps imag's signed zero."""
    return _non_finite_fallback(t, _log1p, lambda z: _log(torch.complex(z.real + 1, z.imag)))


def _complex_tanh(t: Tensor) -> Tensor:
    """tanh that is ``±1 + 0j`` with the sign of ``imag(x)`` on the zero, at a real part of
    ±infinity and a finite imaginary part (torch follows C99's sign of sin(2y) there; the
    standard says +0 for positive y, and conj symmetry gives -0 for negative y)."""
    return _non_finite_fallback(t, _tanh, _tanh_at_infinity)


def _tanh_at_infinity(z: Tensor) -> Tensor:
    out = _tanh(z)
    fix = torch.isinf(z.real) & torch.isfinite(z.imag)
    zero = torch.zeros((), dtype=z.real.dtype, device=z.device)
    return torch.complex(out.real, torch.where(fix, torch.copysign(zero, z.imag), out.imag))


def _by_kind(
    real: Callable[[Tensor], Tensor], complex_: Callable[[Tensor], Tensor]
) -> Callable[[Tensor], Tensor]:
    """One function: ``complex_`` for complex tensors, ``real`` for the others."""

    def pick(t: Tensor) -> Tensor:
        return complex_(t) if t.is_complex() else real(t)

    return pick


_acos_any = _by_kind(_acos, _complex_acos)
_expm1_any = _by_kind(_expm1, _complex_expm1)
_log1p_any = _by_kind(_log1p, _complex_log1p)
_tanh_any = _by_kind(_tanh, _complex_tanh)


# ---- unary, floating ---------------------------------------------------------------------


def acos(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Inverse cosine, element-wise (complex input: the standard's signed zeros).

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.acos(tb.asarray([1.0, 0.0]))
    tensor([0.0000, 1.5708], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(acos, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _REAL_FLOATS:
            return _acos(x)
        return write_out(_floating_unary(_acos_any, x, "acos"), out, "acos", where)
    except RuntimeError as e:
        raise _failure(e, "acos", (x,)) from e


def acosh(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Inverse hyperbolic cosine, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.acosh(tb.asarray([1.0, 2.0]))
    tensor([0.0000, 1.3170], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(acosh, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _acosh(x)
        return write_out(_floating_unary(_acosh, x, "acosh"), out, "acosh", where)
    except RuntimeError as e:
        raise _failure(e, "acosh", (x,)) from e


def asin(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Inverse sine, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.asin(tb.asarray([0.0, 1.0]))
    tensor([0.0000, 1.5708], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(asin, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _asin(x)
        return write_out(_floating_unary(_asin, x, "asin"), out, "asin", where)
    except RuntimeError as e:
        raise _failure(e, "asin", (x,)) from e


def asinh(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Inverse hyperbolic sine, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.asinh(tb.asarray([0.0, 1.0]))
    tensor([0.0000, 0.8814], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(asinh, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _asinh(x)
        return write_out(_floating_unary(_asinh, x, "asinh"), out, "asinh", where)
    except RuntimeError as e:
        raise _failure(e, "asinh", (x,)) from e


def atan(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Inverse tangent, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.atan(tb.asarray([0.0, 1.0]))
    tensor([0.0000, 0.7854], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(atan, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _atan(x)
        return write_out(_floating_unary(_atan, x, "atan"), out, "atan", where)
    except RuntimeError as e:
        raise _failure(e, "atan", (x,)) from e


def atanh(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Inverse hyperbolic tangent, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.atanh(tb.asarray([0.0, 0.5]))
    tensor([0.0000, 0.5493], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(atanh, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _atanh(x)
        return write_out(_floating_unary(_atanh, x, "atanh"), out, "atanh", where)
    except RuntimeError as e:
        raise _failure(e, "atanh", (x,)) from e


def cos(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Cosine, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.cos(tb.asarray([0.0, 1.0]))
    tensor([1.0000, 0.5403], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(cos, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _cos(x)
        return write_out(_floating_unary(_cos, x, "cos"), out, "cos", where)
    except RuntimeError as e:
        raise _failure(e, "cos", (x,)) from e


def cosh(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Hyperbolic cosine, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.cosh(tb.asarray([0.0, 1.0]))
    tensor([1.0000, 1.5431], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(cosh, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _cosh(x)
        return write_out(_floating_unary(_cosh, x, "cosh"), out, "cosh", where)
    except RuntimeError as e:
        raise _failure(e, "cosh", (x,)) from e


def exp(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Exponential, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.exp(tb.asarray([0.0, 1.0]))
    tensor([1.0000, 2.7183], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(exp, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _exp(x)
        return write_out(_floating_unary(_exp, x, "exp"), out, "exp", where)
    except RuntimeError as e:
        raise _failure(e, "exp", (x,)) from e


def expm1(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """``exp(x) - 1``, accurate near 0, element-wise (complex infinities and NaNs as the
    standard says, see ``_complex_expm1``).

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.expm1(tb.asarray([0.0, 1e-10]))
    tensor([0.0000e+00, 1.0000e-10], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(expm1, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _REAL_FLOATS:
            return _expm1(x)
        return write_out(_floating_unary(_expm1_any, x, "expm1"), out, "expm1", where)
    except RuntimeError as e:
        raise _failure(e, "expm1", (x,)) from e


def log(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Natural logarithm, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.log(tb.asarray([1.0, 10.0]))
    tensor([0.0000, 2.3026], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(log, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _log(x)
        return write_out(_floating_unary(_log, x, "log"), out, "log", where)
    except RuntimeError as e:
        raise _failure(e, "log", (x,)) from e


def log1p(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """``log(1 + x)``, accurate near 0, element-wise (complex infinities and NaNs as the
    standard says, see ``_complex_log1p``).

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.log1p(tb.asarray([0.0, 1e-10]))
    tensor([0.0000e+00, 1.0000e-10], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(log1p, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _REAL_FLOATS:
            return _log1p(x)
        return write_out(_floating_unary(_log1p_any, x, "log1p"), out, "log1p", where)
    except RuntimeError as e:
        raise _failure(e, "log1p", (x,)) from e


def log2(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Base-2 logarithm, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.log2(tb.asarray([1, 8]))
    tensor([0., 3.], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(log2, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _log2(x)
        return write_out(_floating_unary(_log2, x, "log2"), out, "log2", where)
    except RuntimeError as e:
        raise _failure(e, "log2", (x,)) from e


def log10(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Base-10 logarithm, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.log10(tb.asarray([1, 100]))
    tensor([0., 2.], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(log10, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _log10(x)
        return write_out(_floating_unary(_log10, x, "log10"), out, "log10", where)
    except RuntimeError as e:
        raise _failure(e, "log10", (x,)) from e


def reciprocal(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """``1 / x``, element-wise (integers give the default float dtype, as the standard says;
    NumPy's integer ``reciprocal`` truncates instead).

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.reciprocal(tb.asarray([2.0, 4.0]))
    tensor([0.5000, 0.2500], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(reciprocal, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _reciprocal(x)
        return write_out(_floating_unary(_reciprocal, x, "reciprocal"), out, "reciprocal", where)
    except RuntimeError as e:
        raise _failure(e, "reciprocal", (x,)) from e


def sin(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Sine, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.sin(tb.asarray([0.0, 1.0]))
    tensor([0.0000, 0.8415], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(sin, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _sin(x)
        return write_out(_floating_unary(_sin, x, "sin"), out, "sin", where)
    except RuntimeError as e:
        raise _failure(e, "sin", (x,)) from e


def sinh(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Hyperbolic sine, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.sinh(tb.asarray([0.0, 1.0]))
    tensor([0.0000, 1.1752], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(sinh, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _sinh(x)
        return write_out(_floating_unary(_sinh, x, "sinh"), out, "sinh", where)
    except RuntimeError as e:
        raise _failure(e, "sinh", (x,)) from e


def sqrt(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Square root, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.sqrt(tb.asarray([4, 9]))
    tensor([2., 3.], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(sqrt, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _sqrt(x)
        return write_out(_floating_unary(_sqrt, x, "sqrt"), out, "sqrt", where)
    except RuntimeError as e:
        raise _failure(e, "sqrt", (x,)) from e


def tan(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Tangent, element-wise.

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.tan(tb.asarray([0.0, 1.0]))
    tensor([0.0000, 1.5574], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(tan, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return _tan(x)
        return write_out(_floating_unary(_tan, x, "tan"), out, "tan", where)
    except RuntimeError as e:
        raise _failure(e, "tan", (x,)) from e


def tanh(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Hyperbolic tangent, element-wise (complex: the standard's signed zeros at
    infinities).

    Integer input computes in the default floating dtype (float64; ``tb.default_float``
    changes it); bool input is a TypeError. ``out`` receives the result with NumPy's
    ``same_kind`` casting and is returned.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.tanh(tb.asarray([0.0, 1.0]))
    tensor([0.0000, 0.7616], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(tanh, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _REAL_FLOATS:
            return _tanh(x)
        return write_out(_floating_unary(_tanh_any, x, "tanh"), out, "tanh", where)
    except RuntimeError as e:
        raise _failure(e, "tanh", (x,)) from e


# ---- unary, numeric ------------------------------------------------------------------------


def abs(  # noqa: A001 - the standard's name
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Absolute value (complex magnitude for complex input), element-wise.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.abs(tb.asarray([-1.5, 2.0]))
    tensor([1.5000, 2.0000], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(abs, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _NATIVE_NUMBERS:
            return _abs(x)
        t = _tensor(x, "abs")
        # unsigned values, and bools (NumPy's abs of bool is bool), are their own magnitude
        own = t.dtype in UNSIGNED_GAPS or t.dtype is torch.bool
        return write_out(t.clone() if own else _abs(t), out, "abs", where)
    except RuntimeError as e:
        raise _failure(e, "abs", (x,)) from e


def negative(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """``-x``, element-wise (unsigned values wrap around, as in NumPy).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.negative(tb.asarray([1, -2]))
    tensor([-1,  2])
    """
    if dtype is not None:
        return with_dtype(negative, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _NATIVE_REAL_NUMERIC:
            return _negative(x)
        t = _tensor(x, "negative")
        if t.dtype == torch.bool:
            raise TypeError("negative: a bool array has no negation; use tb.logical_not")
        return write_out(_unary(_negate, t, "negative", "bits"), out, "negative", where)
    except RuntimeError as e:
        raise _failure(e, "negative", (x,)) from e


def _negate(t: Tensor) -> Tensor:
    """``-t``, complex numbers negated part by part: torch's vectorized complex ``neg`` (CPU,
    four or more elements) computes ``0 - z`` and so gives +0 for a zero part, where NumPy
    gives -0 (no upstream issue that we know of). Negating the parts as a real trailing
    dimension of two is one real kernel, exact, and keeps torch's gradients."""
    if t.dtype in _COMPLEX:
        return _view_as_complex(_view_as_real(t.resolve_conj()).neg())
    return _negative(t)


def positive(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """``+x``: a copy of ``x`` (new memory, on the same graph).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.positive(tb.asarray([1, -2]))
    tensor([ 1, -2])
    """
    if dtype is not None:
        return with_dtype(positive, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype is not _BOOL:
            return x.clone()
        t = _tensor(x, "positive")
        if t.dtype == torch.bool:
            raise TypeError("positive: a bool array is not numeric; cast it first (tb.astype)")
        return write_out(t.clone(), out, "positive", where)
    except RuntimeError as e:
        raise _failure(e, "positive", (x,)) from e


def square(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """``x * x``, element-wise.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.square(tb.asarray([2, -3]))
    tensor([4, 9])
    """
    if dtype is not None:
        return with_dtype(square, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _NATIVE:
            return _square(x)
        t = _tensor(x, "square")
        r = on_bits(torch.mul, t, t) if t.dtype in UNSIGNED_GAPS else _square(t)
        return write_out(r, out, "square", where)
    except RuntimeError as e:
        raise _failure(e, "square", (x,)) from e


def sign(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """-1, 0 or 1 for real input (NaN for NaN); ``x / |x|`` (0 at 0) for complex input.

    ``torch.sign(nan)`` is 0 (pytorch#41245) where NumPy and the standard give NaN; fixing that in
    torch takes two more kernels (``isnan``, ``where``). Small floating arrays in host memory that
    are not on an autograd graph are computed by ``numpy.sign`` instead (one call, the standard's
    answer, bit for bit the same as the torch fix), others by torch.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.sign(tb.asarray([-2.0, 0.0, float("nan")]))
    tensor([-1.,  0., nan], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(sign, (x,), out, where, dtype)
    try:
        if (
            out is None
            and where is True
            and type(x) is Tensor
            and x.dtype in _NUMPY_FLOATS
            and not is_dynamo_compiling()  # no NumPy work traced under torch.compile
        ):
            try:
                a = x.numpy()
                if a.size <= _SIGN_NUMPY_MAX:
                    return _from_numpy(_np_sign(a))
            except (TypeError, RuntimeError):
                # another device, an autograd graph, a neg bit (numpy()), 0-d (NumPy answers
                # with a scalar, which from_numpy refuses): torch, below
                pass
        return write_out(_sign_slow(x), out, "sign", where)
    except RuntimeError as e:
        raise _failure(e, "sign", (x,)) from e


def _sign_slow(x: object) -> Tensor:
    t = _tensor(x, "sign")
    if t.dtype.is_complex:
        return _complex_sign(t)
    if t.dtype in UNSIGNED_GAPS:
        return (t != 0).to(t.dtype)
    if t.dtype == torch.bool:
        raise TypeError("sign: a bool array is not numeric; cast it first (tb.astype)")
    if t.dtype in _REAL_FLOATS:
        # torch.sign(nan) is 0; NumPy and the standard give NaN (pytorch#41245).
        return torch.where(_isnan(t), t, _sign(t))
    return _sign(t)


def _complex_sign(t: Tensor) -> Tensor:
    """``x / |x|`` with NumPy 2's values where exactly one part is infinite: the unit number
    in that part's direction (``sign(inf+1j)`` is ``1+0j``, ``sign(nan-inf*1j)`` is ``-1j``);
    ``torch.sgn`` divides by ``|x| = inf`` there and gives NaN."""
    r = torch.sgn(t)
    re, im = t.real, t.imag
    re_inf, im_inf = torch.isinf(re), torch.isinf(im)
    zero = re.new_zeros(())
    unit = torch.complex(torch.where(re_inf, _sign(re), zero), torch.where(im_inf, _sign(im), zero))
    return torch.where(re_inf ^ im_inf, unit, r)


def _integral_identity(fn: Callable[[Tensor], Tensor], x: object, caller: str) -> Tensor:
    t = x if type(x) is Tensor else _tensor(x, caller)
    if t.dtype in _REAL_FLOATS:
        return fn(t)
    if t.dtype.is_complex:
        raise TypeError(f"{caller}: complex input has no {caller}; pass a real array")
    return t.clone()  # integers are already integral


def ceil(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Smallest integral value not below ``x``, element-wise (integers are returned as is).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.ceil(tb.asarray([-1.5, 1.2]))
    tensor([-1.,  2.], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(ceil, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _REAL_FLOATS:
            return _ceil(x)
        return write_out(_integral_identity(_ceil, x, "ceil"), out, "ceil", where)
    except RuntimeError as e:
        raise _failure(e, "ceil", (x,)) from e


def floor(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Largest integral value not above ``x``, element-wise (integers are returned as is).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.floor(tb.asarray([-1.5, 1.2]))
    tensor([-2.,  1.], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(floor, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _REAL_FLOATS:
            return _floor(x)
        return write_out(_integral_identity(_floor, x, "floor"), out, "floor", where)
    except RuntimeError as e:
        raise _failure(e, "floor", (x,)) from e


def trunc(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """``x`` rounded toward zero, element-wise (integers are returned as is).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.trunc(tb.asarray([-1.5, 1.7]))
    tensor([-1.,  1.], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(trunc, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _REAL_FLOATS:
            return _trunc(x)
        return write_out(_integral_identity(_trunc, x, "trunc"), out, "trunc", where)
    except RuntimeError as e:
        raise _failure(e, "trunc", (x,)) from e


def round(  # noqa: A001 - the standard's name
    x: ArrayLike, /, decimals: int = 0, out: Tensor | None = None
) -> Tensor:
    """Round half to even to ``decimals`` decimal places, element-wise, as ``numpy.round``.

    Parameters
    ----------
    x : array_like
        Real or complex input (complex rounds both parts).
    decimals : int, optional
        Decimal places to keep; negative values round to tens, hundreds, ... Floating input
        computes ``rint(x * 10**decimals) / 10**decimals`` in its own dtype (``rint(x /
        10**-decimals) * 10**-decimals`` for negative ``decimals``), as NumPy does, so results
        are the nearest representable values, not exact decimals. Integers are returned as
        they are for ``decimals >= 0`` and rounded through float64 otherwise (NumPy's rule).
    out : Tensor, optional
        Where to write the result (NumPy's ``same_kind`` casting); it is returned.

    Returns
    -------
    Tensor
        New memory of ``x``'s dtype, on ``x``'s autograd graph (with a zero gradient).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.round(tb.asarray([0.5, 1.5, 2.675]), decimals=0)
    tensor([0., 2., 3.], dtype=torch.float64)
    >>> tb.round(tb.asarray([15, 25, 1234]), -1)
    tensor([  20,   20, 1230])
    """
    try:
        if out is None and type(x) is Tensor and x.dtype in _REAL_FLOATS:
            if not decimals:
                return _round(x)
            if type(decimals) is int and x.dtype in _ROUND_DECIMALS:
                # torch's kernel computes NumPy's rint(x * 10**d) / 10**d in the dtype itself
                return _round(x, decimals=decimals)
        return write_out(_round_slow(x, decimals), out, "round")
    except RuntimeError as e:
        raise _failure(e, "round", (x,)) from e


#: The dtypes torch.round(decimals=) computes in as NumPy does (float16 and bfloat16 compute
#: in float32 there, where NumPy rounds to the dtype after each step).
_ROUND_DECIMALS: Final = frozenset({torch.float32, torch.float64})


def _round_slow(x: object, decimals: object) -> Tensor:
    t = x if type(x) is Tensor else _tensor(x, "round")
    if isinstance(decimals, bool) or not isinstance(decimals, (int, np.integer)):
        raise TypeError(
            f"round: decimals must be an integer, got {type(decimals).__name__} {decimals!r}; "
            "pass e.g. decimals=2"
        )
    d = int(decimals)
    if t.dtype.is_complex:
        part = t.dtype.to_real()
        if part not in _REAL_FLOATS:  # complex32: round in complex64
            return _round_slow(t.to(torch.complex64), d).to(t.dtype)
        return torch.complex(_round_real(t.real, d), _round_real(t.imag, d))
    return _round_real(t, d)


def _round_real(t: Tensor, d: int) -> Tensor:
    if t.dtype not in _REAL_FLOATS:
        if d >= 0 or t.dtype == torch.bool:
            return t.clone()  # integers are already integral
        wide = t.to(torch.float64) if t.dtype not in UNSIGNED_GAPS else to_wide(t, "round")
        return _round_real(wide.to(torch.float64), d).to(t.dtype)
    if d == 0:
        return _round(t)
    k = -d if d < 0 else d
    # The power of ten in x's dtype (NumPy's weak Python float), inf beyond float64's range.
    scale = torch.tensor(10.0**k if k <= 308 else math.inf, dtype=t.dtype, device=t.device)
    return _round(t * scale) / scale if d > 0 else _round(t / scale) * scale


def signbit(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Whether the sign bit is set (True for -0.0), element-wise.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.signbit(tb.asarray([-0.0, 0.0, -1.0]))
    tensor([ True, False,  True])
    """
    if dtype is not None:
        return with_dtype(signbit, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _SIGNBIT_NATIVE:
            return _signbit(x)
        t = _tensor(x, "signbit")
        if t.dtype.is_complex:
            raise TypeError("signbit: complex input has no sign bit; pass a real array")
        if t.dtype in UNSIGNED_GAPS or t.dtype in (torch.uint8, torch.bool):
            return write_out(torch.zeros_like(t, dtype=torch.bool), out, "signbit", where)
        return write_out(_signbit(t), out, "signbit", where)
    except RuntimeError as e:
        raise _failure(e, "signbit", (x,)) from e


def isfinite(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Whether each element is finite (always True for integers).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.isfinite(tb.asarray([1.0, float("inf"), float("nan")]))
    tensor([ True, False, False])
    """
    if dtype is not None:
        return with_dtype(isfinite, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype not in UNSIGNED_GAPS:
            return _isfinite(x)
        t = _tensor(x, "isfinite")
        if t.dtype in UNSIGNED_GAPS:
            return write_out(torch.ones_like(t, dtype=torch.bool), out, "isfinite", where)
        return write_out(_isfinite(t), out, "isfinite", where)
    except RuntimeError as e:
        raise _failure(e, "isfinite", (x,)) from e


def isinf(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Whether each element is infinite (in either part, for complex input).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.isinf(tb.asarray([1.0, float("-inf")]))
    tensor([False,  True])
    """
    if dtype is not None:
        return with_dtype(isinf, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype not in UNSIGNED_GAPS:
            return _isinf(x)
        t = _tensor(x, "isinf")
        if t.dtype in UNSIGNED_GAPS:
            return write_out(torch.zeros_like(t, dtype=torch.bool), out, "isinf", where)
        return write_out(_isinf(t), out, "isinf", where)
    except RuntimeError as e:
        raise _failure(e, "isinf", (x,)) from e


def isnan(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Whether each element is NaN (in either part, for complex input).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.isnan(tb.asarray([1.0, float("nan")]))
    tensor([False,  True])
    """
    if dtype is not None:
        return with_dtype(isnan, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype not in UNSIGNED_GAPS:
            return _isnan(x)
        t = _tensor(x, "isnan")
        if t.dtype in UNSIGNED_GAPS:
            return write_out(torch.zeros_like(t, dtype=torch.bool), out, "isnan", where)
        return write_out(_isnan(t), out, "isnan", where)
    except RuntimeError as e:
        raise _failure(e, "isnan", (x,)) from e


def bitwise_invert(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """``~x``: bitwise NOT for integers, logical NOT for bool.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.bitwise_invert(tb.asarray([0, 5], dtype=tb.uint8))
    tensor([255, 250], dtype=torch.uint8)
    """
    if dtype is not None:
        return with_dtype(bitwise_invert, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _NATIVE_INTEGRAL:
            return _bitwise_not(x)
        t = _tensor(x, "bitwise_invert")
        if t.dtype in _INEXACT or t.dtype.is_complex:
            raise TypeError(
                f"bitwise_invert: {t.dtype} has no bits to invert; pass an integer or bool array"
            )
        return write_out(
            _unary(_bitwise_not, t, "bitwise_invert", "bits"), out, "bitwise_invert", where
        )
    except RuntimeError as e:
        raise _failure(e, "bitwise_invert", (x,)) from e


def logical_not(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Logical NOT (non-zero counts as True); the result is bool.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.logical_not(tb.asarray([0, 2]))
    tensor([ True, False])
    """
    if dtype is not None:
        return with_dtype(logical_not, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype not in UNSIGNED_GAPS:
            return _logical_not(x)
        t = _tensor(x, "logical_not")
        r = on_bits(_logical_not, t) if t.dtype in UNSIGNED_GAPS else _logical_not(t)
        return write_out(r, out, "logical_not", where)
    except RuntimeError as e:
        raise _failure(e, "logical_not", (x,)) from e


def conj(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Complex conjugate, materialized (no lazy conj bit, as NumPy; array-api-compat#173).

    Real input is returned as a copy.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.conj(tb.asarray([1 + 2j]))
    tensor([1.-2.j], dtype=torch.complex128)
    """
    if dtype is not None:
        return with_dtype(conj, (x,), out, where, dtype)
    try:
        t = x if type(x) is Tensor else _tensor(x, "conj")
        r = _conj_physical(t) if t.dtype in _COMPLEX_ALL else t.clone()
        return r if out is None and where is True else write_out(r, out, "conj", where)
    except RuntimeError as e:
        raise _failure(e, "conj", (x,)) from e


def real(x: ArrayLike, /, out: Tensor | None = None) -> Tensor:
    """Real part (a copy for real input).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.real(tb.asarray([1 + 2j]))
    tensor([1.], dtype=torch.float64)
    """
    try:
        t = x if type(x) is Tensor else _tensor(x, "real")
        r = _real(t).clone() if t.dtype in _COMPLEX_ALL else t.clone()
        return r if out is None else write_out(r, out, "real")
    except RuntimeError as e:
        raise _failure(e, "real", (x,)) from e


def imag(x: ArrayLike, /, out: Tensor | None = None) -> Tensor:
    """Imaginary part (zeros of ``x``'s dtype for real input).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.imag(tb.asarray([1 + 2j]))
    tensor([2.], dtype=torch.float64)
    """
    try:
        t = x if type(x) is Tensor else _tensor(x, "imag")
        r = _imag(t).clone() if t.dtype in _COMPLEX_ALL else torch.zeros_like(t)
        return r if out is None else write_out(r, out, "imag")
    except RuntimeError as e:
        raise _failure(e, "imag", (x,)) from e


# ---- binary functions: one template, NumPy's ufunc methods -----------------------------------


class BinaryUfunc(Protocol):
    """A binary element-wise function with NumPy's ufunc methods as attributes.

    ``f(x1, x2, /, out=None, where=True, dtype=None)`` computes element-wise; ``f.reduce``,
    ``f.accumulate``, ``f.outer``, ``f.at`` and ``f.reduceat`` mean what
    ``numpy.<f>.<method>`` means. The
    methods are attributes of the function object, so calling ``f`` costs nothing extra.
    """

    __name__: str

    def __call__(
        self,
        x1: ArrayLike,
        x2: ArrayLike,
        /,
        out: Tensor | None = None,
        where: ArrayLike = True,
        dtype: DTypeLike | None = None,
    ) -> Tensor: ...

    def reduce(
        self,
        array: ArrayLike,
        /,
        axis: AxisLike = 0,
        dtype: DTypeLike | None = None,
        out: Tensor | None = None,
        keepdims: bool = False,
        initial: Scalar | None = None,
        where: ArrayLike = True,
    ) -> Tensor:
        """Fold ``array`` along ``axis`` with this function (``add.reduce`` sums)."""
        ...

    def accumulate(
        self,
        array: ArrayLike,
        /,
        axis: int = 0,
        dtype: DTypeLike | None = None,
        out: Tensor | None = None,
    ) -> Tensor:
        """The running fold along ``axis``, every partial result kept (``add.accumulate``)."""
        ...

    def outer(self, a: ArrayLike, b: ArrayLike, /, out: Tensor | None = None) -> Tensor:
        """This function on every pair of an element of ``a`` and one of ``b``."""
        ...

    def at(
        self, a: Tensor | np.ndarray[Any, Any], indices: object, b: ArrayLike | None = None, /
    ) -> None:
        """Apply in place at ``indices`` of ``a``; a repeated index is applied each time."""
        ...

    def reduceat(
        self,
        array: ArrayLike,
        indices: ArrayLike,
        /,
        axis: int = 0,
        dtype: DTypeLike | None = None,
        out: Tensor | None = None,
    ) -> Tensor:
        """Fold the slices of ``array`` that start at each of ``indices`` along ``axis``."""
        ...


@dataclass(frozen=True)
class _Spec:
    """What NumPy's ufunc methods need to know about one binary function."""

    name: str
    #: the value of an empty reduction (NumPy's ``ufunc.identity``); None: empty is an error
    identity: bool | int | float | None = None
    #: several axes may be reduced at once (commutative and associative)
    reorderable: bool = False
    #: torch's reduction and scan for the dtypes torch computes natively
    reduce: Literal["sum", "prod", "amax", "amin", "all", "any"] | None = None
    accumulate: Literal["cumsum", "cumprod", "cummax", "cummin"] | None = None
    #: ``scatter_reduce_``'s mode for ``at`` (unbuffered: repeated indices accumulate)
    scatter: Literal["sum", "prod", "amax", "amin"] | None = None
    #: bool and integers narrower than 64 bits reduce in int64/uint64 (add and multiply)
    upcast: bool = False
    #: same: the loop keeps the dtype; bool: operands become bool first (logical_*);
    #: bool_only: only bool operands reduce (comparisons give bool from anything else)
    loop: Literal["same", "bool", "bool_only"] = "same"
    #: ``torch.outer`` computes ``outer`` of two 1-D tensors of one dtype in ``_NATIVE``
    torch_outer: bool = False
    #: NumPy's ``reduce`` starts from the identity, which changes a lone element here: gcd and
    #: hypot give ``|x|``; add, logaddexp and logaddexp2 turn -0.0 into 0.0
    identity_first: bool = False


_UPCAST: Final = {
    torch.bool: torch.int64,
    torch.int8: torch.int64,
    torch.int16: torch.int64,
    torch.int32: torch.int64,
    torch.uint8: torch.uint64,
    torch.uint16: torch.uint64,
    torch.uint32: torch.uint64,
}


def _as(t: Tensor, dtype: torch.dtype) -> Tensor:
    return t if t.dtype is dtype else t.to(dtype)


#: One axis of a ufunc method (``accumulate``, ``reduceat``, each of ``reduce``'s axes).
_one_axis: Final = partial(
    check_axis,
    wording=AxisWording(
        "{caller}: axis={axis!r} is not an integer; pass one int axis (reduce also takes a tuple "
        "of ints or None)",
        "{caller}: axis {i} is out of bounds for an array of {ndim} dimensions; pass an axis in "
        "[{lo}, {ndim})",
    ),
)


def _reduce_axes(axis: object, ndim: int, caller: str) -> tuple[int, ...]:
    """``axis`` (None, an int or a tuple of ints) as sorted, distinct, non-negative axes."""
    if type(axis) is int and -ndim <= axis < ndim:
        return (axis % ndim,)
    if ndim == 0 and (axis is None or axis in ((), 0, -1)):
        return ()  # NumPy reduces a 0-d array to itself
    if axis is None:
        return tuple(range(ndim))
    items = axis if isinstance(axis, tuple) else (axis,)
    dims = [_one_axis(a, ndim, caller) for a in items]
    if len(set(dims)) != len(dims):
        raise ValueError(f"{caller}: an axis appears more than once in axis={axis!r}")
    return tuple(sorted(dims))


def _loop_dtype(
    ufunc: Callable[..., Tensor],
    spec: _Spec,
    dt: torch.dtype,
    dtype: DTypeLike | None,
    caller: str,
) -> torch.dtype:
    """The dtype a reduction or scan of ``dt`` computes and returns in (NumPy's loop)."""
    if spec.loop == "bool":
        if dtype is not None and torch_dtype(dtype) is not torch.bool:
            raise TypeError(
                f"{caller}: {spec.name} reduces bool values only, got dtype={dtype!r} (NumPy has "
                "no such loop either); leave dtype out or pass bool"
            )
        return torch.bool
    acc = torch_dtype(dtype) if dtype is not None else _UPCAST.get(dt, dt) if spec.upcast else dt
    if spec.loop == "bool_only":
        if acc is not torch.bool:
            raise TypeError(
                f"{caller}: {spec.name} turns {acc} operands into bool, so its result cannot "
                "be combined again (NumPy has no such loop either); pass a bool array"
            )
        return acc
    key = (spec.name, acc, current_defaults())
    probe = _LOOPS.get(key)
    if probe is None:  # the function's own answer for two operands of acc (cached)
        probe = _LOOPS[key] = ufunc(torch.empty(0, dtype=acc), torch.empty(0, dtype=acc)).dtype
    if probe is not acc and kind_rank(probe) < kind_rank(acc):
        raise TypeError(f"{caller}: {spec.name} of {acc} operands gives {probe}; cannot reduce")
    return probe  # a higher kind: divide reduces integers in the default float


#: (function, operand dtype, default dtypes) -> the function's result dtype, for ``_loop_dtype``.
_LOOPS: dict[tuple[str, torch.dtype, tuple[torch.dtype, torch.dtype]], torch.dtype] = {}


def _filled(shape: Sequence[int], value: Scalar, dtype: torch.dtype, like: Tensor) -> Tensor:
    """A tensor of ``shape`` filled with ``value`` (an identity or ``initial``) as ``dtype``."""
    size, device = tuple(shape), like.device
    if dtype.is_floating_point or dtype.is_complex:
        return torch.full(size, value, dtype=dtype, device=device)
    if isinstance(value, int):  # through int64: -1 (bitwise_and's identity) sets every bit
        return torch.full(size, int(value), dtype=torch.int64, device=device).to(dtype)
    return torch.full(size, value, device=device).to(dtype)


def _torch_reduce(kind: str, t: Tensor, dims: tuple[int, ...], keepdim: bool = False) -> Tensor:
    if kind == "sum":
        return torch.sum(t, dims, keepdim)
    if kind == "amax":
        return torch.amax(t, dims, keepdim)
    if kind == "amin":
        return torch.amin(t, dims, keepdim)
    if kind == "all":
        return torch.all(t, dim=dims, keepdim=keepdim)
    if kind == "any":
        return torch.any(t, dim=dims, keepdim=keepdim)
    for d in reversed(dims):  # prod: one axis at a time
        t = torch.prod(t, d, keepdim)
    return t


def _fold(
    ufunc: Callable[..., Tensor],
    spec: _Spec,
    t: Tensor,
    dims: tuple[int, ...],
    acc: torch.dtype,
    initial: Scalar | None,
    caller: str,
) -> Tensor:
    """``t`` (already of dtype ``acc``) reduced by ``ufunc`` over ``dims``: new memory."""
    if not dims:
        return _as(ufunc(initial, t), acc) if initial is not None else t.clone()
    kept = [s for i, s in enumerate(t.shape) if i not in dims]
    if math.prod([t.shape[d] for d in dims]) == 0:
        fill = spec.identity if initial is None else initial
        if fill is None:
            raise ValueError(
                f"{caller}: zero-size array to reduction operation {spec.name} which has no "
                "identity; pass initial= (the value an empty reduction gives)"
            )
        return _filled(kept, fill, acc, t)
    if spec.reduce is not None and acc in _NATIVE and t.dtype in _NATIVE:
        r = _as(_torch_reduce(spec.reduce, t, dims), acc)
    elif spec.reorderable:
        # pairwise halving over the reduced axes flattened into the last one: log2(n) kernels
        r = t.movedim(dims, tuple(range(-len(dims), 0))).flatten(-len(dims))
        if r.shape[-1] == 1:
            r = r.clone()
        while (n := r.shape[-1]) > 1:
            h = n // 2
            pair = _as(ufunc(r[..., :h], r[..., h : 2 * h]), acc)
            r = pair if n % 2 == 0 else torch.cat((pair, r[..., 2 * h :]), -1)
        r = r[..., 0]
    else:  # in order, as NumPy does for subtract, divide, power, ...
        parts = t.unbind(dims[0])
        if initial is not None:
            r, initial = _as(ufunc(initial, parts[0]), acc), None
        else:
            r = parts[0].clone()
        for p in parts[1:]:
            r = _as(ufunc(r, p), acc)
    return r if initial is None else _as(ufunc(initial, r), acc)


def _method_tensor(x: object, caller: str, name: str) -> Tensor:
    return x if type(x) is Tensor else as_tensor(x, caller, name)


def _reduce(
    ufunc: Callable[..., Tensor],
    spec: _Spec,
    array: object,
    axis: object,
    dtype: DTypeLike | None,
    out: Tensor | None,
    keepdims: bool,
    initial: Scalar | None,
    mask: object,
) -> Tensor:
    caller = f"{spec.name}.reduce"
    t = _method_tensor(array, caller, "array")
    dims = _reduce_axes(axis, t.ndim, caller)
    if len(dims) > 1 and not spec.reorderable:
        raise ValueError(
            f"{caller}: reduction operation '{spec.name}' is not reorderable, so at most one "
            "axis may be specified; reduce one axis at a time"
        )
    acc = _loop_dtype(ufunc, spec, t.dtype, dtype, caller)
    if initial is not None:  # (a tensor initial goes on as it is, as before: cast for typing)
        initial = cast("Scalar", initial_value(initial, acc, caller))
    if mask is not True:
        r = _masked_reduce(ufunc, spec, _as(t, acc), dims, acc, initial, mask, caller)
    elif (
        spec.reduce is not None
        and initial is None
        and dims
        and acc in _NATIVE
        and t.dtype in _NATIVE
        and all(t.shape[d] for d in dims)
    ):  # torch's own reduction, in one call (torch sums and multiplies integers in int64)
        r = _torch_reduce(spec.reduce, _as(t, acc), dims, keepdims)
        return write_out(_as(r, acc), out, caller)
    else:
        start = initial if initial is not None else _identity_start(spec, t.shape, dims)
        r = _fold(ufunc, spec, _as(t, acc), dims, acc, start, caller)
    if keepdims:
        for d in dims:
            r = r.unsqueeze(d)
    return write_out(r, out, caller)


def _identity_start(spec: _Spec, shape: Sequence[int], dims: tuple[int, ...]) -> Scalar | None:
    """The identity a reduction without ``initial`` starts from where that shows, else None.

    NumPy starts a reduction from the identity. Only a lone reduced element shows it (gcd and
    hypot give ``|x|``; add, logaddexp and logaddexp2 turn -0.0 into 0.0): two or more, the
    identity that fills masked-out elements included, already give ``op(identity, x)``."""
    if spec.identity_first and math.prod([shape[d] for d in dims]) == 1:
        return spec.identity
    return None


def _masked_reduce(
    ufunc: Callable[..., Tensor],
    spec: _Spec,
    t: Tensor,
    dims: tuple[int, ...],
    acc: torch.dtype,
    initial: Scalar | None,
    mask: object,
    caller: str,
) -> Tensor:
    """``reduce`` with NumPy's ``where=``: only the elements where the mask is True take part.
    They start from ``initial``, or from the identity when ``initial`` is not given."""
    m = where_mask(mask, caller, t.device, t.shape)
    start = initial if initial is not None else spec.identity
    if start is None:
        raise ValueError(
            f"{caller}: reduction operation '{spec.name}' does not have an identity, so a "
            "where= mask needs initial= (the value of a reduction the mask leaves empty)"
        )
    if spec.identity is not None:  # the left-out elements become the identity
        filled = torch.where(m, t, _filled((), spec.identity, acc, t))
        if initial is None:
            start = _identity_start(spec, t.shape, dims)
            return _fold(ufunc, spec, filled, dims, acc, start, caller)
        r = _fold(ufunc, spec, filled, dims, acc, initial, caller)
        # where the mask leaves nothing, the result is initial itself (hypot: not |initial|)
        return torch.where(m.any(dims) if dims else m, r, _filled((), initial, acc, t))
    base = _filled((), start, acc, t)
    if spec.reorderable:  # maximum, minimum, fmax, fmin: start may stand in for any element
        return _fold(ufunc, spec, torch.where(m, t, base), dims, acc, start, caller)
    # The left-out elements become 1, which no function here refuses (an integer power's
    # negative exponent would be refused though the mask leaves it out).
    t = torch.where(m, t, _filled((), 1, acc, t))
    if not dims:
        return torch.where(m, _as(ufunc(base, t), acc), base)
    r = base.expand([n for i, n in enumerate(t.shape) if i not in dims])
    # in order, as NumPy folds subtract, divide, power, ...: a step counts where the mask is True
    for p, keep in zip(t.unbind(dims[0]), m.unbind(dims[0]), strict=True):
        r = torch.where(keep, _as(ufunc(r, p), acc), r)
    return r


def _accumulate(
    ufunc: Callable[..., Tensor],
    spec: _Spec,
    array: object,
    axis: object,
    dtype: DTypeLike | None,
    out: Tensor | None,
) -> Tensor:
    caller = f"{spec.name}.accumulate"
    t = _method_tensor(array, caller, "array")
    if t.ndim == 0:
        raise TypeError(f"{caller}: cannot accumulate on a scalar (a 0-d array); pass an array")
    if axis is None or isinstance(axis, tuple):
        raise ValueError(f"{caller}: accumulate does not allow multiple axes; pass one int axis")
    dim = _one_axis(axis, t.ndim, caller)
    acc = _loop_dtype(ufunc, spec, t.dtype, dtype, caller)
    t = _as(t, acc)
    n = t.shape[dim]
    if n == 0:
        r = t.clone()
    elif spec.accumulate is not None and acc in _NATIVE:
        kind = spec.accumulate
        if kind == "cumsum":
            r = torch.cumsum(t, dim)
        elif kind == "cumprod":
            r = torch.cumprod(t, dim)
        else:
            r = (torch.cummax if kind == "cummax" else torch.cummin)(t, dim).values
        r = _as(r, acc)
    else:
        parts = t.unbind(dim)
        done = [parts[0].clone()]
        for p in parts[1:]:
            done.append(_as(ufunc(done[-1], p), acc))
        r = torch.stack(done, dim)
    return write_out(r, out, caller)


def _outer(
    ufunc: Callable[..., Tensor], spec: _Spec, a: object, b: object, out: Tensor | None
) -> Tensor:
    caller = f"{spec.name}.outer"
    # Both stand alone (NumPy reads them with asarray): a Python scalar is an array here.
    ta = as_tensor(a, caller, "a")
    tb_ = as_tensor(b, caller, "b")
    r = ufunc(ta.reshape(tuple(ta.shape) + (1,) * tb_.ndim), tb_)
    return write_out(r, out, caller)


def _occurrence(p: Tensor) -> Tensor:
    """For each position, how many earlier positions hold the same value (0, 1, 2, ...)."""
    n = p.numel()
    order = torch.sort(p, stable=True).indices
    sp = p[order]
    starts_run = torch.ones(n, dtype=torch.bool, device=p.device)
    starts_run[1:] = sp[1:] != sp[:-1]
    idx = torch.arange(n, device=p.device)
    run_start = torch.cummax(torch.where(starts_run, idx, 0), 0).values
    rank = torch.empty_like(idx)
    rank[order] = idx - run_start
    return rank


def _at(ufunc: Callable[..., Tensor], spec: _Spec, a: object, indices: object, b: object) -> None:
    caller = f"{spec.name}.at"
    if b is None:
        raise ValueError(f"{caller}: second operand needed for ufunc; pass b (the values)")
    if isinstance(a, np.ndarray):
        ta = as_tensor(a, caller, "a", copy=False)  # in place: NumPy data must be shared
    elif isinstance(a, Tensor):
        ta = a
    else:
        raise TypeError(
            f"{caller}: a must be a tensor (or a NumPy array torch can share) to be changed in "
            f"place, got {type(a).__name__}; convert it first (tb.asarray)"
        )
    if ta.requires_grad and ta.is_leaf:
        raise ValueError(
            f"{caller}: a is a leaf tensor that requires grad, and autograd cannot record an "
            "in-place change of it; work on a clone, or detach it first"
        )
    scalar = type(b) in (bool, int, float, complex)
    if spec.scatter == "sum" and ta.dtype in _NATIVE and _add_in_place(ta, indices, b, scalar):
        return
    try:
        pos = torch.arange(ta.numel(), device=ta.device).reshape(ta.shape)[indices]  # type: ignore[index]
    except (IndexError, TypeError, RuntimeError, ValueError) as e:
        text = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise IndexError(
            f"{caller}: indices cannot index a of shape {tuple(ta.shape)}: {text}"
        ) from e
    flat_pos = pos.reshape(-1)
    values: Tensor | Scalar
    if scalar:
        values = b  # type: ignore[assignment]
    else:
        # data that is not on a device yet goes to a's
        tb_ = b if isinstance(b, Tensor) else as_tensor(b, caller, "b", device=ta.device)
        try:
            values = tb_.broadcast_to(pos.shape).reshape(-1)
        except RuntimeError as e:
            raise _failure(e, caller, (pos, tb_)) from e
    contiguous = ta.is_contiguous()
    flat = ta.view(-1) if contiguous else ta.reshape(-1)
    result_dt = (
        scalar_result(ta.dtype, values) if scalar else promote(ta.dtype, values.dtype)  # type: ignore[union-attr]
    )
    if spec.scatter is not None and result_dt is ta.dtype and ta.dtype in _NATIVE:
        src = _scalar_tensor(values, ta, caller).expand(flat_pos.shape) if scalar else values  # type: ignore[arg-type]
        flat.scatter_reduce_(0, flat_pos, _as(src, ta.dtype), spec.scatter)  # type: ignore[arg-type]
    elif flat_pos.numel():
        # Unbuffered in general: the k-th repeat of an index is combined in round k, so every
        # round touches distinct positions and repeats see the earlier rounds' results.
        twin = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}
        store = flat.view(twin[ta.dtype]) if ta.dtype in twin else flat
        rank = _occurrence(flat_pos)
        for k in range(int(rank.max()) + 1):
            sel = rank == k
            idx = flat_pos[sel]
            current = store[idx].view(ta.dtype)
            new = ufunc(current, values if scalar else values[sel])  # type: ignore[index]
            store[idx] = _as(new, ta.dtype).view(store.dtype)
    else:  # nothing to change, but operands the function refuses are refused, as in NumPy
        ufunc(flat[:0], values)
    if not contiguous:
        ta.copy_(flat.view(ta.shape))


def _add_in_place(ta: Tensor, indices: object, b: object, scalar: bool) -> bool:
    """``add.at`` by ``index_put_(accumulate=True)`` when the indices are integer or bool arrays
    only (no slices) and ``b`` keeps ``ta``'s dtype; False (nothing done) otherwise, and when
    torch refuses (out-of-range indices, values that do not broadcast): the general path then
    raises the specific error."""
    items = indices if isinstance(indices, tuple) else (indices,)
    if not all(isinstance(i, (Tensor, np.ndarray, list)) for i in items):
        return False
    try:
        index = tuple(i if isinstance(i, Tensor) else torch.as_tensor(i) for i in items)
        if not all(i.dtype in (torch.int64, torch.int32, torch.bool) for i in index):
            return False
        if scalar:
            if scalar_result(ta.dtype, b) is not ta.dtype:
                return False
            values = _scalar_tensor(cast(Scalar, b), ta, "add.at")
        else:
            values = b if isinstance(b, Tensor) else as_tensor(b, "add.at", "b", device=ta.device)
            if promote(ta.dtype, values.dtype) is not ta.dtype:
                return False
        ta.index_put_(index, _as(values, ta.dtype), accumulate=True)
    except (IndexError, RuntimeError, ValueError):
        return False
    return True


_INDEX_DTYPES: Final = frozenset({torch.int64, torch.int32, torch.bool})


def _add_at(ta: Tensor, indices: tuple[object, ...], b: object) -> bool:
    """``add.at``'s common call (a tensor indexed by a tuple of integer or bool tensors, a
    Python int or float or a tensor of ``ta``'s dtype added) in one ``index_put_``; False
    (nothing done) for anything else, and where torch refuses: ``_at`` then answers."""
    d = ta.dtype
    if (ta.requires_grad and ta.is_leaf) or d not in _NATIVE:
        return False
    for i in indices:
        if type(i) is not Tensor or i.dtype not in _INDEX_DTYPES:
            return False
    try:
        if type(b) is Tensor:
            if b.dtype is not d:
                return False
            values = b
        elif (type(b) is float and (d.is_floating_point or d.is_complex)) or (
            type(b) is int and d is not torch.bool
        ):  # weak: the scalar takes ta's dtype (torch.full raises where it does not fit)
            values = torch.full((), b, dtype=d, device=ta.device)
        else:
            return False
        ta.index_put_(indices, values, accumulate=True)  # type: ignore[arg-type]
    except (IndexError, RuntimeError, ValueError):
        return False
    return True


def _reduceat(
    ufunc: Callable[..., Tensor],
    spec: _Spec,
    array: object,
    indices: object,
    axis: object,
    dtype: DTypeLike | None,
    out: Tensor | None,
) -> Tensor:
    caller = f"{spec.name}.reduceat"
    t = _method_tensor(array, caller, "array")
    if t.ndim == 0:
        raise TypeError(f"{caller}: cannot reduceat a scalar (a 0-d array); pass an array")
    dim = _one_axis(axis, t.ndim, caller)
    ti = _method_tensor(indices, caller, "indices")
    if ti.ndim != 1 or (ti.numel() and kind_rank(ti.dtype) != 1):
        raise TypeError(
            f"{caller}: indices must be a 1-d sequence of integers, got {ti.dtype} of shape "
            f"{tuple(ti.shape)}"
        )
    starts = [int(i) for i in ti.tolist()]
    n = t.shape[dim]
    for i in starts:
        if not 0 <= i < n:
            raise IndexError(
                f"{caller}: index {i} out-of-bounds in {spec.name}.reduceat [0, {n}); pass "
                "indices within the axis"
            )
    acc = _loop_dtype(ufunc, spec, t.dtype, dtype, caller)
    t = _as(t, acc)
    if not starts:
        return write_out(t.narrow(dim, 0, 0).clone(), out, caller)
    pieces = []
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else n
        if start < stop:
            piece = t.narrow(dim, start, stop - start)
            pieces.append(_fold(ufunc, spec, piece, (dim,), acc, None, caller))
        else:  # NumPy's rule: a non-increasing pair gives the element at the first index
            pieces.append(t.select(dim, start).clone())
    return write_out(torch.stack(pieces, dim), out, caller)


def _with_methods(ufunc: Callable[..., Tensor], spec: _Spec) -> BinaryUfunc:
    """``ufunc`` with NumPy's ufunc methods attached as attributes (typed as BinaryUfunc)."""
    name = spec.name
    torch_outer = spec.torch_outer
    add_at = spec.scatter == "sum"

    def reduce(
        array: ArrayLike,
        /,
        axis: AxisLike = 0,
        dtype: DTypeLike | None = None,
        out: Tensor | None = None,
        keepdims: bool = False,
        initial: Scalar | None = None,
        where: ArrayLike = True,
    ) -> Tensor:
        try:
            return _reduce(ufunc, spec, array, axis, dtype, out, keepdims, initial, where)
        except RuntimeError as e:
            raise _failure(e, f"{name}.reduce", (array,)) from e

    def accumulate(
        array: ArrayLike,
        /,
        axis: int = 0,
        dtype: DTypeLike | None = None,
        out: Tensor | None = None,
    ) -> Tensor:
        try:
            return _accumulate(ufunc, spec, array, axis, dtype, out)
        except RuntimeError as e:
            raise _failure(e, f"{name}.accumulate", (array,)) from e

    def outer(a: ArrayLike, b: ArrayLike, /, out: Tensor | None = None) -> Tensor:
        try:
            if out is None and type(a) is Tensor and type(b) is Tensor and b.ndim == 1:
                if torch_outer and a.ndim == 1 and (d := a.dtype) is b.dtype and d in _NATIVE:
                    return _torch_outer(a, b)
                return ufunc(a.unsqueeze(-1), b)  # (a 0-d a becomes shape (1,): b's shape)
            return _outer(ufunc, spec, a, b, out)
        except RuntimeError as e:
            raise _failure(e, f"{name}.outer", (a, b)) from e

    def at(
        a: Tensor | np.ndarray[Any, Any], indices: object, b: ArrayLike | None = None, /
    ) -> None:
        try:
            if add_at and type(a) is Tensor and type(indices) is tuple and _add_at(a, indices, b):
                return
            _at(ufunc, spec, a, indices, b)
        except RuntimeError as e:
            raise _failure(e, f"{name}.at", (a, b), broadcast=False) from e

    def reduceat(
        array: ArrayLike,
        indices: ArrayLike,
        /,
        axis: int = 0,
        dtype: DTypeLike | None = None,
        out: Tensor | None = None,
    ) -> Tensor:
        try:
            return _reduceat(ufunc, spec, array, indices, axis, dtype, out)
        except RuntimeError as e:
            raise _failure(e, f"{name}.reduceat", (array,)) from e

    docs = {
        reduce: f"``{name}`` applied along ``axis`` until one value is left (``numpy.{name}"
        ".reduce``); ``initial`` starts the reduction, ``dtype`` is the dtype it computes in, "
        "and only the elements where the mask ``where`` is True take part.",
        accumulate: f"The running ``{name}`` along ``axis`` (``numpy.{name}.accumulate``).",
        outer: f"``{name}(a[..., None, ...], b)`` for every pair of elements: the result has "
        f"shape ``a.shape + b.shape`` (``numpy.{name}.outer``).",
        at: f"``a[indices] = {name}(a[indices], b)`` in place, unbuffered: an index given "
        f"several times is combined several times (``numpy.{name}.at``). Returns None.",
        reduceat: f"``{name}.reduce`` over the slices ``indices[i]:indices[i+1]`` of ``axis`` "
        f"(``numpy.{name}.reduceat``).",
    }
    for method, doc in docs.items():
        method.__qualname__ = f"{name}.{method.__name__}"
        method.__doc__ = doc + "\n\nMemory and autograd: new memory on the input's graph."
        setattr(ufunc, method.__name__, method)
    return cast(BinaryUfunc, ufunc)


# The binary templates. Each is the whole fast path of a family, written once; ``_ufunc2``
# makes one function per name by calling a template's builder with the per-function values
# (``_fn``, ``_mirror``, ``_same``, ``_promotes``, ``_slow``), which the fast path reads from its
# closure. (Binding them as the function's own globals measured up to 1% faster per call, but
# torch.compile's dynamo resolves a function's globals through its module and then guards on
# the wrong values; closures trace.)


def _weak_builder(
    _fn: Callable[..., Tensor],
    _mirror: Callable[..., Tensor],
    _same: frozenset[torch.dtype],
    _promotes: dict[tuple[torch.dtype, torch.dtype], torch.dtype],
    _slow: Callable[..., Tensor],
) -> Callable[..., Tensor]:
    def _weak_template(
        x1: ArrayLike,
        x2: ArrayLike,
        /,
        out: Tensor | None = None,
        where: ArrayLike = True,
        dtype: DTypeLike | None = None,
    ) -> Tensor:
        """Two tensors of one dtype in ``_same`` or of a pair in ``_promotes``, a tensor of a
        dtype in ``_same`` with a Python scalar torch takes as the standard does (``_weak``), or
        a scalar first (``_mirror`` with the operands swapped, e.g. ``lt`` for ``greater``)."""
        try:
            if out is None and where is True and dtype is None:
                if type(x1) is Tensor:
                    if type(x2) is Tensor:
                        if (d := x1.dtype) is (e := x2.dtype):
                            if d in _same:
                                return _fn(x1, x2)
                        elif (d, e) in _promotes and x1.ndim and x2.ndim:
                            return _fn(x1, x2)  # mixed dtypes torch promotes as the standard does
                    elif _weak(x1, x2) and x1.dtype in _same:
                        return _fn(x1, x2)
                elif type(x2) is Tensor and _weak_mirror(x2, x1):
                    return _mirror(x2, x1)
            return _slow(x1, x2, out, where, dtype)
        except RuntimeError:
            return _slow(x1, x2, out, where, dtype, True)

    return _weak_template


def _promotes_builder(
    _fn: Callable[..., Tensor],
    _mirror: Callable[..., Tensor],
    _same: frozenset[torch.dtype],
    _promotes: dict[tuple[torch.dtype, torch.dtype], torch.dtype],
    _slow: Callable[..., Tensor],
) -> Callable[..., Tensor]:
    def _promotes_template(
        x1: ArrayLike,
        x2: ArrayLike,
        /,
        out: Tensor | None = None,
        where: ArrayLike = True,
        dtype: DTypeLike | None = None,
    ) -> Tensor:
        """Two tensors of one dtype in ``_same`` or of a pair in ``_promotes``."""
        try:
            if (
                out is None
                and where is True
                and dtype is None
                and type(x1) is Tensor
                and type(x2) is Tensor
            ):
                if (d := x1.dtype) is (e := x2.dtype):
                    if d in _same:
                        return _fn(x1, x2)
                elif (d, e) in _promotes and x1.ndim and x2.ndim:
                    return _fn(x1, x2)  # mixed dtypes torch promotes as the standard does
            return _slow(x1, x2, out, where, dtype)
        except RuntimeError:
            return _slow(x1, x2, out, where, dtype, True)

    return _promotes_template


def _same_builder(
    _fn: Callable[..., Tensor],
    _mirror: Callable[..., Tensor],
    _same: frozenset[torch.dtype],
    _promotes: dict[tuple[torch.dtype, torch.dtype], torch.dtype],
    _slow: Callable[..., Tensor],
) -> Callable[..., Tensor]:
    def _same_template(
        x1: ArrayLike,
        x2: ArrayLike,
        /,
        out: Tensor | None = None,
        where: ArrayLike = True,
        dtype: DTypeLike | None = None,
    ) -> Tensor:
        """Two tensors of one dtype in ``_same``."""
        try:
            if (
                out is None
                and where is True
                and dtype is None
                and type(x1) is Tensor
                and type(x2) is Tensor
                and (d := x1.dtype) is x2.dtype
                and d in _same
            ):
                return _fn(x1, x2)
            return _slow(x1, x2, out, where, dtype)
        except RuntimeError:
            return _slow(x1, x2, out, where, dtype, True)

    return _same_template


def _host_builder(
    _fn: Callable[..., Tensor],
    _host: Callable[[Any, Any], Any],
    _same: frozenset[torch.dtype],
    _slow: Callable[..., Tensor],
) -> Callable[..., Tensor]:
    def _host_template(
        x1: ArrayLike,
        x2: ArrayLike,
        /,
        out: Tensor | None = None,
        where: ArrayLike = True,
        dtype: DTypeLike | None = None,
    ) -> Tensor:
        """Two tensors: small host arrays off the autograd graph through NumPy's ``_host`` (one
        call) where its result has ``x1``'s floating dtype (NumPy's promotion, which tbridge
        follows: a result of another dtype is left to the paths below); two of one dtype in
        ``_same`` through ``_fn``."""
        try:
            if (
                out is None
                and where is True
                and dtype is None
                and type(x1) is Tensor
                and type(x2) is Tensor
            ):
                if not is_dynamo_compiling():  # no NumPy work traced under torch.compile
                    try:
                        a = _as_numpy(x1)
                        if (
                            a.size <= _SIGN_NUMPY_MAX
                            and (r := _host(a, _as_numpy(x2))).dtype is a.dtype
                        ):
                            return _from_numpy(r)
                    except (TypeError, ValueError, RuntimeError):
                        # another device, a graph, a neg bit, bfloat16, complex (no NumPy
                        # loop), 0-d (a NumPy scalar), shapes that do not broadcast: torch's
                        # kernel (and its errors) answers
                        pass
                if (e := x1.dtype) is x2.dtype and e in _same:
                    return _fn(x1, x2)
            return _slow(x1, x2, out, where, dtype)
        except RuntimeError:
            return _slow(x1, x2, out, where, dtype, True)

    return _host_template


def _any_builder(
    _fn: Callable[..., Tensor],
    _mirror: Callable[..., Tensor],
    _same: frozenset[torch.dtype],
    _promotes: dict[tuple[torch.dtype, torch.dtype], torch.dtype],
    _slow: Callable[..., Tensor],
) -> Callable[..., Tensor]:
    def _any_template(
        x1: ArrayLike,
        x2: ArrayLike,
        /,
        out: Tensor | None = None,
        where: ArrayLike = True,
        dtype: DTypeLike | None = None,
    ) -> Tensor:
        """Any two tensors (torch raises for the dtypes it lacks; the slow path answers those)."""
        try:
            if (
                out is None
                and where is True
                and dtype is None
                and type(x1) is Tensor
                and type(x2) is Tensor
            ):
                return _fn(x1, x2)
            return _slow(x1, x2, out, where, dtype)
        except RuntimeError:
            return _slow(x1, x2, out, where, dtype, True)

    return _any_template


#: The functions made by ``_ufunc2``, for doctest.
_MADE: dict[str, Callable[..., Tensor]] = {}


def _ufunc2(
    name: str,
    fn: Callable[..., Tensor],
    doc: str,
    spec: _Spec,
    *,
    slow: Callable[[Any, Any], Tensor],
    mirror: Callable[..., Tensor] | None = None,
    same: frozenset[torch.dtype] | None = _NATIVE,
    promotes: dict[tuple[torch.dtype, torch.dtype], torch.dtype] | None = None,
    host: Callable[[Any, Any], Any] | None = None,
) -> BinaryUfunc:
    """A binary element-wise function: ``fn`` on the fast path, ``slow`` otherwise.

    ``host`` (a NumPy ufunc with ``fn``'s values) answers first for small host arrays of one
    dtype in ``same`` off the autograd graph, where one NumPy call costs less than the kernels
    ``fn`` needs (``heaviside``: torch's kernel gives 0 for NaN, fixing that takes two more).

    The template is chosen here once: ``mirror`` given, ``_weak_template`` (``promotes``
    defaults to ``_TORCH_PROMOTES`` there); ``same`` None, ``_any_template``; ``promotes``
    given, ``_promotes_template``; otherwise ``_same_template``. Everything else, and any call
    with ``out``, takes ``slow`` (the gate, promotion, unsigned workarounds) and then
    ``write_out``; torch's RuntimeErrors become built-in exceptions (``_recover``).
    """
    plain = same  # the dtypes fn takes as they are
    if mirror is not None and promotes is None:
        promotes = _TORCH_PROMOTES
    takes_out = isinstance(fn, types.BuiltinFunctionType)  # a torch function: has out=

    zero_divides = name in _ZERO_DIVIDES

    def general_out(x1: object, x2: object, out: Tensor | None, where: object) -> Tensor:
        if zero_divides and where is not True:
            x2 = _masked_divisor(x2, where, name)
        return write_out(slow(x1, x2), out, name, where)

    def slow_out(
        x1: object,
        x2: object,
        out: Tensor | None,
        where: object,
        dtype: object,
        failed: bool = False,
    ) -> Tensor:
        """The slow path; ``failed``: torch raised on the way (``_recover``'s turn)."""
        if dtype is not None:  # the function itself, on operands cast to NumPy's loop
            return with_dtype(_MADE[name], (x1, x2), out, where, dtype)
        if failed:
            return _recover(name, x1, x2, out, where, general_out)
        if (
            where is True
            and out is not None
            and type(x1) is Tensor
            and type(x2) is Tensor
            and (d := x1.dtype) is x2.dtype
            and (plain is None or d in plain)
        ):  # the fast path's kernel
            if (
                takes_out
                and type(out) is Tensor
                and out.dtype is d
                and out.shape == x1.shape == x2.shape
                and not is_dynamo_compiling()  # (dynamo cannot read storage pointers)
                and _apart_or_same(out, x1, x2)
            ):
                # torch writes out itself (no broadcasting, no cast); where it refuses (autograd,
                # a result of another dtype) it raises and the general path answers (failed=True
                # above)
                return fn(x1, x2, out=out)
            return write_out(fn(x1, x2), out, name)  # then one copy into out
        return general_out(x1, x2, out, where)

    if mirror is not None:
        builder = _weak_builder
    elif same is None:
        builder = _any_builder
    elif promotes:
        builder = _promotes_builder
    else:
        builder = _same_builder
    if host is not None:
        ufunc = _host_builder(fn, host, same or frozenset(), slow_out)
    else:
        ufunc = builder(fn, mirror or fn, same or frozenset(), promotes or {}, slow_out)
    code = ufunc.__code__.replace(co_name=name)
    if sys.version_info >= (3, 11):  # tracebacks name the function
        code = code.replace(co_qualname=name)
    ufunc.__code__ = code
    ufunc.__name__ = name
    ufunc.__qualname__ = name
    ufunc.__doc__ = doc
    _MADE[name] = ufunc
    return _with_methods(ufunc, spec)


def _apart_or_same(out: Tensor, x1: Tensor, x2: Tensor) -> bool:
    """Whether torch may write ``out`` while it reads ``x1`` and ``x2``: each in different
    memory, or the very same elements (``out=x``, element by element in place). torch does
    not refuse an ``out`` that partly overlaps an input (``x[:, 1:]`` written while
    ``x[:, :-1]`` is read) and then reads elements it already wrote; NumPy computes as if
    into a copy. Such calls take the general path (a new result, then one copy into
    ``out``)."""
    home = out.untyped_storage().data_ptr()
    for x in (x1, x2):
        if x.untyped_storage().data_ptr() == home and (
            out.data_ptr() != x.data_ptr() or out.stride() != x.stride()
        ):
            return False
    return True


def _binary_doc(summary: str, example: str, result: str, notes: str = "") -> str:
    """The docstring of a binary function: its summary, NumPy's calling convention, an example."""
    extra = f"\n\n{notes}" if notes else ""
    return f"""{summary}{extra}

Parameters
----------
x1, x2 : array_like
    Tensors, NumPy arrays, Python scalars or nested sequences; they broadcast together. A
    Python scalar beside an array stays weak (it takes the array's dtype within its kind).
out : Tensor, optional
    Where to write the result (NumPy's ``same_kind`` casting, the result's shape and device);
    it is returned.

Returns
-------
Tensor
    New memory (or ``out``), on the operands' autograd graph.

Methods
-------
reduce, accumulate, outer, at, reduceat : as NumPy's ufunc methods.

Examples
--------
>>> import tbridge as tb
>>> {example}
{result}
"""


# ---- the binary functions ------------------------------------------------------------------
#
# Each fast path's first test is the common call: two tensors of one dtype torch computes
# natively. Then two tensors of dtypes torch promotes as the standard does (``_TORCH_PROMOTES``),
# and (add, subtract, multiply, the comparisons) a tensor with a Python scalar torch takes as
# the standard does (``_weak``); everything else (other mixed dtypes, 0-d operands, unsigned
# gaps, NumPy arrays, other scalars, ``out``) goes to the slow path.


def _floating_binary(fn: Callable[..., Tensor], x1: object, x2: object, caller: str) -> Tensor:
    """The slow path of the real-floating binary functions: promote, integers to the default."""
    a, b, dt = _operands(x1, x2, caller, integer=False)
    if dt.is_complex:
        raise TypeError(f"{caller}: complex input is not supported; pass real arrays")
    if not dt.is_floating_point:
        dt = default_float_dtype()
    ta = a.to(dt) if isinstance(a, Tensor) else torch.tensor(a, dtype=dt)
    tb_ = b.to(dt) if isinstance(b, Tensor) else torch.tensor(b, dtype=dt, device=ta.device)
    if ta.device != tb_.device and ta.ndim == 0:
        ta = ta.to(tb_.device)
    return fn(ta, tb_)


def _bitwise(
    fn: Callable[..., Tensor], x1: object, x2: object, caller: str, uint: UintMode
) -> Tensor:
    """The slow path of the bitwise functions: floating input is an error, then ``_binary``."""
    a, b, dt = _operands(x1, x2, caller)
    if dt in _INEXACT or dt.is_complex:
        raise TypeError(f"{caller}: {dt} has no bits; pass integer or bool arrays")
    return _binary(fn, a, b, caller, uint)


def _left_shift(a: Tensor, b: Tensor | int) -> Tensor:
    return _bitwise_left_shift(a, b)


def _logical(fn: Callable[..., Tensor], x1: object, x2: object, caller: str) -> Tensor:
    """The slow path of the logical functions: Python scalars and NumPy arrays, then bool."""
    a, b, _ = _operands(x1, x2, caller)
    # A Python scalar counts by its truth alone (an int past the array's range included).
    ta = a.to(torch.bool) if isinstance(a, Tensor) else torch.tensor(bool(a))
    tb_ = b.to(torch.bool) if isinstance(b, Tensor) else torch.tensor(bool(b))
    return fn(ta, tb_)


def _pow_kernel(a: Tensor, b: Tensor) -> Tensor:
    """torch.pow, refusing negative integer exponents of integers as NumPy does (torch gives 0)."""
    if (
        kind_rank(a.dtype) == 1
        and kind_rank(b.dtype) == 1
        and b.numel()
        and a.numel()  # an empty result computes no power
        and values_checkable(b)
        and bool((b < 0).any())
    ):
        raise ValueError(
            "pow: integers to negative integer powers are not allowed (NumPy's rule); use a "
            "floating base (tb.astype(x1, tb.float64)) for reciprocal powers"
        )
    if a.dtype in _COMPLEX:
        return _complex_pow(a, b)
    return _pow(a, b)


def _complex_pow(a: Tensor, b: Tensor) -> Tensor:
    """``a ** b`` for complex tensors of one dtype, with NumPy's values where torch's kernel
    (``exp(b * log(a))``) has none: anything to the power 0 is ``1+0j`` (torch: NaN at a zero,
    infinite or NaN base) and a zero base gives ``0j`` for ``real(b) > 0`` and NaN otherwise
    (torch: ``inf+nanj`` for negative powers, ``-0j``, NaN for infinite ``b``). Three
    comparisons and two ``where`` kernels more, on complex input only."""
    r = _pow(a, b)
    zero = r.new_zeros(())
    r = torch.where(a == 0, torch.where(b.real > 0, zero, _complex_nan(r)), r)
    return torch.where(b == 0, r.new_ones(()), r)


def _complex_int_power(a: Tensor, n: int) -> Tensor:
    """``a ** n`` for a complex tensor and an integer ``-100 < n < 100`` known on the host,
    by repeated squaring as NumPy computes it (exact where the products are: ``(1+1j) ** 2``
    is ``2j``, where ``exp(2 * log(1+1j))`` is ``1.2e-16+2j``); a negative ``n`` takes the
    reciprocal at the end. ``_complex_pow``'s rules hold at ``n == 0`` and a zero base."""
    if n == 0:
        return torch.ones_like(a)
    if n == 1:  # NumPy returns the base itself (a copy), also at infinities and NaNs
        acc = a.clone()
    elif n == 2:
        acc = _product(a, a)
    elif n == 3:
        acc = _product(_product(a, a), a)
    else:
        m, acc, p = -n if n < 0 else n, a.new_ones(()), a
        while True:
            if m & 1:
                acc = _product(acc, p)
            m >>= 1
            if not m:
                break
            p = _product(p, p)
    if n < 0:
        acc = acc.new_ones(()) / acc
    return torch.where(a == 0, acc.new_zeros(()) if n > 0 else _complex_nan(acc), acc)


def _complex_nan(like: Tensor) -> Tensor:
    """A 0-d ``nan+nanj`` of ``like``'s dtype and device, built from real parts: a complex
    NaN constant in a traced graph is written out as ``nanj``, which is no Python name."""
    n = like.real.new_full((), math.nan)
    return torch.complex(n, n)


def _product(x: Tensor, y: Tensor) -> Tensor:
    """``x * y`` for complex tensors by the schoolbook formula on the parts, as NumPy's power
    multiplies (torch's complex kernel differs at infinities: ``(inf*1j) ** 2`` is
    ``-inf+nanj`` in NumPy, ``nan+nanj`` from torch's ``mul``)."""
    xr, xi, yr, yi = x.real, x.imag, y.real, y.imag
    return torch.complex(xr * yr - xi * yi, xr * yi + xi * yr)


def _integer_exponent(x2: object) -> int | None:
    """A Python or NumPy number (not bool) whose value is an integer between -100 and 100, as
    an int (the exponents NumPy's complex power takes by repeated squaring); else None."""
    if isinstance(x2, (bool, np.bool_)) or not isinstance(x2, (int, float, complex, np.number)):
        return None
    z = complex(x2)
    if z.imag == 0 and -100 < z.real < 100 and z.real == int(z.real):
        return int(z.real)
    return None


def _pow_slow(x1: object, x2: object) -> Tensor:
    """pow's slow path; a Python or NumPy number exponent with an integer value, on a complex
    base, is NumPy's repeated squaring (``_complex_int_power``)."""
    if isinstance(x1, Tensor) and (n := _integer_exponent(x2)) is not None:
        a, _, dt = _operands(x1, x2, "pow")
        if dt in _COMPLEX and isinstance(a, Tensor):
            return _complex_int_power(a, n)
    return _binary(_pow_kernel, x1, x2, "pow", "value")


_floor_divide_safe = _zero_safe(_floor_divide, "floor_divide")
_remainder_safe = _zero_safe(_remainder, "remainder")
#: add's and subtract's fast path leaves complex results to the slow path (``_by_parts``).
_REAL_PROMOTES: Final = {k: v for k, v in _TORCH_PROMOTES.items() if not v.is_complex}
#: pow's fast path leaves integer results to the slow path (negative exponents are refused).
_POW_PROMOTES: Final = {k: v for k, v in _TORCH_PROMOTES.items() if v in _REAL_FLOATS}


def _by_parts(fn: Callable[..., Tensor]) -> Callable[[Tensor, Tensor], Tensor]:
    """``fn`` (add or subtract) that adds complex numbers part by part.

    torch's complex ``add``/``sub`` multiply the second operand by ``alpha`` (1 + 0j) in
    complex arithmetic, so an infinite part of ``x2`` meets a zero and gives NaN in the
    other part: ``0j + complex(inf, 0)`` is ``inf+nanj`` where NumPy gives ``inf+0j``
    (pytorch#82510). On the real and imaginary parts as a trailing dimension of two
    (``view_as_real``, a view; a lazy conjugate is resolved first) it is one real kernel with
    NumPy's values and torch's gradients; other dtypes go to ``fn`` as they are.
    """

    def exact(a: Tensor, b: Tensor) -> Tensor:
        if a.dtype in _COMPLEX and b.dtype is a.dtype:
            pa, pb = _view_as_real(a.resolve_conj()), _view_as_real(b.resolve_conj())
            return _view_as_complex(fn(pa, pb))
        return fn(a, b)

    return exact


_add_exact = _by_parts(_add)
_subtract_exact = _by_parts(_subtract)


def _subtract_slow(x1: object, x2: object) -> Tensor:
    a, b, dt = _operands(x1, x2, "subtract")
    if dt == torch.bool:
        raise TypeError(
            "subtract: bool arrays cannot be subtracted (NumPy refuses too); use "
            "tb.logical_xor, or cast to an integer dtype first (tb.astype)"
        )
    return _binary(_subtract_exact, a, b, "subtract", "bits")


add: Final[BinaryUfunc] = _ufunc2(
    "add",
    _add,
    _binary_doc(
        "``x1 + x2``, element-wise, with the standard's promotion (no 0-d tensor quirk).",
        "tb.add(tb.asarray([1, 2], dtype=tb.int8), 3)",
        "tensor([4, 5], dtype=torch.int8)",
    ),
    _Spec("add", 0, True, "sum", "cumsum", "sum", upcast=True, identity_first=True),
    slow=lambda x1, x2: _binary(_add_exact, x1, x2, "add", "bits"),
    mirror=_add,  # exact: real addition commutes
    same=_NATIVE_REAL,
    promotes=_REAL_PROMOTES,
)
subtract: Final[BinaryUfunc] = _ufunc2(
    "subtract",
    _subtract,
    _binary_doc(
        "``x1 - x2``, element-wise (bool operands are a TypeError, as in NumPy).",
        "tb.subtract(10, tb.asarray([1.5, 2.5]))",
        "tensor([8.5000, 7.5000], dtype=torch.float64)",
    ),
    _Spec("subtract"),
    slow=_subtract_slow,
    mirror=torch.rsub,  # rsub(x2, x1) is x1 - x2
    same=_NATIVE_REAL,
    promotes=_REAL_PROMOTES,
)
multiply: Final[BinaryUfunc] = _ufunc2(
    "multiply",
    _multiply,
    _binary_doc(
        "``x1 * x2``, element-wise.",
        "tb.multiply(tb.asarray([1.5, 2.0]), tb.asarray([2, 3]))",
        "tensor([3., 6.], dtype=torch.float64)",
    ),
    _Spec("multiply", 1, True, "prod", "cumprod", "prod", upcast=True, torch_outer=True),
    slow=lambda x1, x2: _binary(_multiply, x1, x2, "multiply", "bits"),
    mirror=_multiply,  # exact: real multiplication commutes
)


def _divide_ufunc(
    x1: ArrayLike,
    x2: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    if dtype is not None:
        return with_dtype(_divide_ufunc, (x1, x2), out, where, dtype)
    try:
        if out is None and where is True and type(x1) is Tensor:
            if type(x2) is Tensor:
                if (d := x1.dtype) is (e := x2.dtype):
                    if d in _INEXACT:
                        return _divide(x1, x2)
                    if d in _NATIVE_INTEGRAL and x1.ndim and x2.ndim:
                        # Integers divide in the default float: one cast, torch promotes the
                        # other operand (integer with float is the float) inside the kernel.
                        return _divide(x1.to(current_defaults()[0]), x2)
                elif _TORCH_PROMOTES.get((d, e)) in _INEXACT and x1.ndim and x2.ndim:
                    return _divide(x1, x2)  # mixed floating dtypes torch promotes as the standard
            elif x1.dtype in _WEAK_FLOAT and _weak(x1, x2):
                return _divide(x1, x2)  # type: ignore[arg-type]
        return _divide_slow(x1, x2, out, where)
    except RuntimeError:
        return _recover("divide", x1, x2, out, where, _divide_slow)


def _divide_slow(x1: object, x2: object, out: Tensor | None, where: object) -> Tensor:
    r = _binary(_divide, x1, x2, "divide", "value", floating=True)
    return write_out(r, out, "divide", where)


_divide_ufunc.__name__ = _divide_ufunc.__qualname__ = "divide"
_divide_ufunc.__doc__ = _binary_doc(
    "``x1 / x2``, element-wise; integers divide in the default float dtype (float64).",
    "tb.divide(tb.asarray([1, 3]), 2)",
    "tensor([0.5000, 1.5000], dtype=torch.float64)",
)
divide: Final[BinaryUfunc] = _with_methods(_divide_ufunc, _Spec("divide"))

floor_divide: Final[BinaryUfunc] = _ufunc2(
    "floor_divide",
    _floor_divide,
    _binary_doc(
        "``x1 // x2``, element-wise, with Python's (and NumPy's) pairing to ``remainder``.",
        "tb.floor_divide(tb.asarray([7, -7]), 2)",
        "tensor([ 3, -4])",
        "Integer division by zero gives 0 with a RuntimeWarning, as in NumPy (torch raises).",
    ),
    _Spec("floor_divide"),
    slow=lambda x1, x2: _binary(_floor_divide_safe, x1, x2, "floor_divide", "value"),
    promotes=_TORCH_PROMOTES,
)


def _remainder_ufunc(
    x1: ArrayLike,
    x2: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    if dtype is not None:
        return with_dtype(_remainder_ufunc, (x1, x2), out, where, dtype)
    try:
        if out is None and where is True and type(x1) is Tensor and type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _REAL_FLOATS:
                    # A zero remainder takes the divisor's sign, as in NumPy and the standard;
                    # torch keeps the dividend's (remainder(-0.0, 3) is -0.0). Non-zero results
                    # already have it. In place: the result is new memory, remainder's gradient
                    # does not use it.
                    return _remainder(x1, x2).copysign_(x2)
                if d in _NATIVE:
                    return _remainder(x1, x2)
            elif (dt := _TORCH_PROMOTES.get((d, e))) is not None and x1.ndim and x2.ndim:
                r = _remainder(x1, x2)  # mixed dtypes torch promotes as the standard does
                return r.copysign_(x2) if dt in _REAL_FLOATS else r
        return _remainder_slow(x1, x2, out, where)
    except RuntimeError:
        return _recover("remainder", x1, x2, out, where, _remainder_slow)


def _remainder_slow(x1: object, x2: object, out: Tensor | None, where: object) -> Tensor:
    if where is not True:
        x2 = _masked_divisor(x2, where, "remainder")
    r = _remainder_values(x1, x2, _remainder_safe, "remainder")
    return write_out(r, out, "remainder", where)


def _remainder_values(x1: object, x2: object, kernel: Callable[..., Tensor], caller: str) -> Tensor:
    """remainder's general path with ``kernel`` (which says how a zero divisor warns)."""
    r = _binary(kernel, x1, x2, caller, "value")
    if r.dtype in _REAL_FLOATS:
        if isinstance(x2, int):  # its sign alone: torch cannot hold an int past int64
            divisor: Tensor | float = 1.0 if x2 >= 0 else -1.0
        else:
            divisor = x2 if isinstance(x2, (Tensor, float)) else _tensor(x2, caller)
        r = _copysign(r, divisor)
    return r


_remainder_ufunc.__name__ = _remainder_ufunc.__qualname__ = "remainder"
_remainder_ufunc.__doc__ = _binary_doc(
    "``x1 % x2``, element-wise; the result has the divisor's sign (Python's rule).",
    "tb.remainder(tb.asarray([7, -7]), 2)",
    "tensor([1, 1])",
    "Integer division by zero gives 0 with a RuntimeWarning, as in NumPy (torch raises).",
)
remainder: Final[BinaryUfunc] = _with_methods(_remainder_ufunc, _Spec("remainder"))

pow: Final[BinaryUfunc] = _ufunc2(  # noqa: A001 - the standard's name
    "pow",
    _pow,
    _binary_doc(
        "``x1 ** x2``, element-wise.",
        "tb.pow(tb.asarray([2, 3]), 2)",
        "tensor([4, 9])",
        "Integers to negative integer powers are a ValueError, as in NumPy.",
    ),
    _Spec("pow"),
    slow=_pow_slow,
    same=_REAL_FLOATS,  # complex: complex_pow's fixes, on the slow path
    promotes=_POW_PROMOTES,
)

_REAL_FLOATING_NOTE: Final = (
    "Integer operands compute in the default floating dtype; complex ones are a TypeError."
)
atan2: Final[BinaryUfunc] = _ufunc2(
    "atan2",
    _atan2,
    _binary_doc(
        "The angle of the point ``(x2, x1)``, element-wise.",
        "tb.atan2(tb.asarray([1.0, -1.0]), tb.asarray([0.0, 0.0]))",
        "tensor([ 1.5708, -1.5708], dtype=torch.float64)",
        _REAL_FLOATING_NOTE,
    ),
    _Spec("atan2"),
    slow=lambda x1, x2: _floating_binary(_atan2, x1, x2, "atan2"),
    same=_REAL_FLOATS,
)
copysign: Final[BinaryUfunc] = _ufunc2(
    "copysign",
    _copysign,
    _binary_doc(
        "``|x1|`` with the sign of ``x2``, element-wise.",
        "tb.copysign(tb.asarray([1.0, 2.0]), -0.0)",
        "tensor([-1., -2.], dtype=torch.float64)",
        _REAL_FLOATING_NOTE,
    ),
    _Spec("copysign"),
    slow=lambda x1, x2: _floating_binary(_copysign, x1, x2, "copysign"),
    same=_REAL_FLOATS,
)
hypot: Final[BinaryUfunc] = _ufunc2(
    "hypot",
    _hypot,
    _binary_doc(
        "``sqrt(x1**2 + x2**2)`` without undue overflow, element-wise.",
        "tb.hypot(tb.asarray([3.0, 5.0]), tb.asarray([4.0, 12.0]))",
        "tensor([ 5., 13.], dtype=torch.float64)",
        _REAL_FLOATING_NOTE,
    ),
    _Spec("hypot", 0, True, identity_first=True),
    slow=lambda x1, x2: _floating_binary(_hypot, x1, x2, "hypot"),
    same=_REAL_FLOATS,
)
logaddexp: Final[BinaryUfunc] = _ufunc2(
    "logaddexp",
    _logaddexp,
    _binary_doc(
        "``log(exp(x1) + exp(x2))``, element-wise.",
        "tb.logaddexp(tb.asarray([0.0]), tb.asarray([0.0]))",
        "tensor([0.6931], dtype=torch.float64)",
        _REAL_FLOATING_NOTE,
    ),
    _Spec("logaddexp", -math.inf, True, identity_first=True),
    slow=lambda x1, x2: _floating_binary(_logaddexp, x1, x2, "logaddexp"),
    same=_REAL_FLOATS,
)
nextafter: Final[BinaryUfunc] = _ufunc2(
    "nextafter",
    _nextafter,
    _binary_doc(
        "The next representable value after ``x1`` toward ``x2``, element-wise.",
        "tb.nextafter(tb.asarray([1.0]), 2.0) - 1.0",
        "tensor([2.2204e-16], dtype=torch.float64)",
        _REAL_FLOATING_NOTE,
    ),
    _Spec("nextafter"),
    slow=lambda x1, x2: _floating_binary(_nextafter, x1, x2, "nextafter"),
    same=_REAL_FLOATS,
)

# Comparisons: a Python scalar on the left becomes the mirrored comparison with it on the right
# (torch takes a scalar only there); NaN compares False both ways, so the mirror is exact.
# (Complex arrays are left to the slow path, see ``_weak_mirror``.) Their reductions take bool
# operands only, as NumPy's.
_COMPARISON_NOTE: Final = "int64 against uint64 compares exactly, as NumPy 2 does."
equal: Final[BinaryUfunc] = _ufunc2(
    "equal",
    _eq,
    _binary_doc(
        "``x1 == x2``, element-wise (bool).",
        "tb.equal(tb.asarray([1, 2]), 2)",
        "tensor([False,  True])",
        _COMPARISON_NOTE,
    ),
    _Spec("equal", loop="bool_only"),
    slow=lambda x1, x2: _binary(_eq, x1, x2, "equal", "bits"),
    mirror=_eq,
)
not_equal: Final[BinaryUfunc] = _ufunc2(
    "not_equal",
    _ne,
    _binary_doc(
        "``x1 != x2``, element-wise (bool).",
        "tb.not_equal(tb.asarray([1, 2]), 2)",
        "tensor([ True, False])",
        _COMPARISON_NOTE,
    ),
    _Spec("not_equal", loop="bool_only"),
    slow=lambda x1, x2: _binary(_ne, x1, x2, "not_equal", "bits"),
    mirror=_ne,
)
greater: Final[BinaryUfunc] = _ufunc2(
    "greater",
    _gt,
    _binary_doc(
        "``x1 > x2``, element-wise (bool).",
        "tb.greater(tb.asarray([1, 2]), 1)",
        "tensor([False,  True])",
        _COMPARISON_NOTE,
    ),
    _Spec("greater", loop="bool_only"),
    slow=lambda x1, x2: _binary(_gt, x1, x2, "greater", "order"),
    mirror=_lt,
)
greater_equal: Final[BinaryUfunc] = _ufunc2(
    "greater_equal",
    _ge,
    _binary_doc(
        "``x1 >= x2``, element-wise (bool).",
        "tb.greater_equal(tb.asarray([1, 2]), 2)",
        "tensor([False,  True])",
        _COMPARISON_NOTE,
    ),
    _Spec("greater_equal", loop="bool_only"),
    slow=lambda x1, x2: _binary(_ge, x1, x2, "greater_equal", "order"),
    mirror=_le,
)
less: Final[BinaryUfunc] = _ufunc2(
    "less",
    _lt,
    _binary_doc(
        "``x1 < x2``, element-wise (bool).",
        "tb.less(tb.asarray([1, 2]), 2)",
        "tensor([ True, False])",
        _COMPARISON_NOTE,
    ),
    _Spec("less", loop="bool_only"),
    slow=lambda x1, x2: _binary(_lt, x1, x2, "less", "order"),
    mirror=_gt,
)
less_equal: Final[BinaryUfunc] = _ufunc2(
    "less_equal",
    _le,
    _binary_doc(
        "``x1 <= x2``, element-wise (bool).",
        "tb.less_equal(tb.asarray([1, 2]), 1)",
        "tensor([ True, False])",
        _COMPARISON_NOTE,
    ),
    _Spec("less_equal", loop="bool_only"),
    slow=lambda x1, x2: _binary(_le, x1, x2, "less_equal", "order"),
    mirror=_ge,
)

maximum: Final[BinaryUfunc] = _ufunc2(
    "maximum",
    _maximum,
    _binary_doc(
        "Element-wise maximum (NaN propagates).",
        "tb.maximum(tb.asarray([1.0, float('nan')]), 1.5)",
        "tensor([1.5000,    nan], dtype=torch.float64)",
    ),
    _Spec("maximum", None, True, "amax", "cummax", "amax"),
    slow=lambda x1, x2: _binary(_maximum, x1, x2, "maximum", "order"),
    promotes=_TORCH_PROMOTES,
)
minimum: Final[BinaryUfunc] = _ufunc2(
    "minimum",
    _minimum,
    _binary_doc(
        "Element-wise minimum (NaN propagates).",
        "tb.minimum(tb.asarray([1.0, float('nan')]), 1.5)",
        "tensor([1., nan], dtype=torch.float64)",
    ),
    _Spec("minimum", None, True, "amin", "cummin", "amin"),
    slow=lambda x1, x2: _binary(_minimum, x1, x2, "minimum", "order"),
    promotes=_TORCH_PROMOTES,
)

_BITWISE_NOTE: Final = "Floating and complex operands are a TypeError (they have no bits)."
bitwise_and: Final[BinaryUfunc] = _ufunc2(
    "bitwise_and",
    _bitwise_and,
    _binary_doc(
        "``x1 & x2``, element-wise.",
        "tb.bitwise_and(tb.asarray([12, 10]), 6)",
        "tensor([4, 2])",
        _BITWISE_NOTE,
    ),
    _Spec("bitwise_and", -1, True),
    slow=lambda x1, x2: _bitwise(_bitwise_and, x1, x2, "bitwise_and", "bits"),
    same=_NATIVE_INTEGRAL,
)
bitwise_or: Final[BinaryUfunc] = _ufunc2(
    "bitwise_or",
    _bitwise_or,
    _binary_doc(
        "``x1 | x2``, element-wise.",
        "tb.bitwise_or(tb.asarray([12, 10]), 6)",
        "tensor([14, 14])",
        _BITWISE_NOTE,
    ),
    _Spec("bitwise_or", 0, True),
    slow=lambda x1, x2: _bitwise(_bitwise_or, x1, x2, "bitwise_or", "bits"),
    same=_NATIVE_INTEGRAL,
)
bitwise_xor: Final[BinaryUfunc] = _ufunc2(
    "bitwise_xor",
    _bitwise_xor,
    _binary_doc(
        "``x1 ^ x2``, element-wise.",
        "tb.bitwise_xor(tb.asarray([12, 10]), 6)",
        "tensor([10, 12])",
        _BITWISE_NOTE,
    ),
    _Spec("bitwise_xor", 0, True),
    slow=lambda x1, x2: _bitwise(_bitwise_xor, x1, x2, "bitwise_xor", "bits"),
    same=_NATIVE_INTEGRAL,
)
bitwise_left_shift: Final[BinaryUfunc] = _ufunc2(
    "bitwise_left_shift",
    _bitwise_left_shift,
    _binary_doc(
        "``x1 << x2``, element-wise (shifting by the bit width or more gives 0).",
        "tb.bitwise_left_shift(tb.asarray([1, 3]), 2)",
        "tensor([ 4, 12])",
        _BITWISE_NOTE,
    ),
    _Spec("bitwise_left_shift"),
    slow=lambda x1, x2: _bitwise(_left_shift, x1, x2, "bitwise_left_shift", "value"),
    same=_NATIVE_INTEGRAL,
)
bitwise_right_shift: Final[BinaryUfunc] = _ufunc2(
    "bitwise_right_shift",
    _bitwise_right_shift,
    _binary_doc(
        "``x1 >> x2``, element-wise (arithmetic for signed, logical for unsigned).",
        "tb.bitwise_right_shift(tb.asarray([16, -16]), 2)",
        "tensor([ 4, -4])",
        _BITWISE_NOTE,
    ),
    _Spec("bitwise_right_shift"),
    slow=lambda x1, x2: _bitwise(_bitwise_right_shift, x1, x2, "bitwise_right_shift", "value"),
    same=_NATIVE_INTEGRAL,
)

logical_and: Final[BinaryUfunc] = _ufunc2(
    "logical_and",
    _logical_and,
    _binary_doc(
        "Logical AND (non-zero counts as True); the result is bool.",
        "tb.logical_and(tb.asarray([0, 1, 2]), True)",
        "tensor([False,  True,  True])",
    ),
    _Spec("logical_and", True, True, "all", "cumprod", loop="bool"),
    slow=lambda x1, x2: _logical(_logical_and, x1, x2, "logical_and"),
    same=None,  # any two tensors: the result is bool whatever they hold
)
logical_or: Final[BinaryUfunc] = _ufunc2(
    "logical_or",
    _logical_or,
    _binary_doc(
        "Logical OR (non-zero counts as True); the result is bool.",
        "tb.logical_or(tb.asarray([0, 1, 2]), False)",
        "tensor([False,  True,  True])",
    ),
    _Spec("logical_or", False, True, "any", "cumsum", loop="bool"),
    slow=lambda x1, x2: _logical(_logical_or, x1, x2, "logical_or"),
    same=None,  # any two tensors: the result is bool whatever they hold
)
logical_xor: Final[BinaryUfunc] = _ufunc2(
    "logical_xor",
    _logical_xor,
    _binary_doc(
        "Logical XOR (non-zero counts as True); the result is bool.",
        "tb.logical_xor(tb.asarray([0, 1, 2]), True)",
        "tensor([ True, False, False])",
    ),
    _Spec("logical_xor", False, True, loop="bool"),
    slow=lambda x1, x2: _logical(_logical_xor, x1, x2, "logical_xor"),
    same=None,  # any two tensors: the result is bool whatever they hold
)


# ---- clip ----------------------------------------------------------------------------------


def _saturate(b: Tensor, dt: torch.dtype) -> Tensor:
    """Integer bounds ``b`` cast to the integer dtype ``dt``, saturated to its range."""
    if b.dtype is dt:
        return b
    if dt == torch.uint64:
        if b.dtype in UNSIGNED_GAPS:  # uint16/32 fit
            return ordered(b).view(torch.uint64)
        return b.to(torch.int64).clamp(min=0).view(torch.uint64)
    info = torch.iinfo(dt)
    if b.dtype == torch.uint64:
        signed = b.view(torch.int64)
        wide = signed.masked_fill(signed < 0, info.max)  # 2**63 and above: past every max
    else:
        wide = ordered(b) if b.dtype in UNSIGNED_GAPS else b.to(torch.int64)
    low = torch.tensor(info.min, dtype=torch.int64, device=b.device)
    high = torch.tensor(info.max, dtype=torch.int64, device=b.device)
    return torch.maximum(torch.minimum(wide, high), low).to(dt)


def _bound(value: object, t: Tensor, caller: str, name: str = "min") -> Tensor | None:
    """A bound of ``clip`` as a tensor of ``t``'s dtype (None stays None).

    Python scalars saturate to an integer array's range (a non-integral float bound of an integer
    array is a TypeError); arrays (tensors, NumPy data, sequences: through the input gate) are
    cast to ``t``'s dtype, integer bounds saturated, a bound of a higher kind than ``t`` a
    TypeError (the result keeps ``t``'s dtype, the standard's rule).
    """
    if value is None:
        return None
    if type(value) not in (bool, int, float, complex):
        b = value if isinstance(value, Tensor) else as_tensor(value, caller, name)
        if b.dtype.is_complex or t.dtype.is_complex:
            raise TypeError(f"{caller}: complex arrays and bounds have no order; pass real values")
        if kind_rank(b.dtype) > kind_rank(t.dtype):
            raise TypeError(
                f"{caller}: {name} has dtype {b.dtype}, of a higher kind than x's {t.dtype}; "
                "the result keeps x's dtype (the standard's rule), so cast the bound or x first "
                "(tb.astype)"
            )
        if not isinstance(value, Tensor) and b.device != t.device:
            b = b.to(t.device)  # data that was not on a device yet goes to x's
        if kind_rank(t.dtype) == 1:
            return _saturate(b, t.dtype)
        return _as(b, t.dtype)
    if isinstance(value, complex) or t.dtype.is_complex:
        raise TypeError(f"{caller}: complex arrays and bounds have no order; pass real values")
    if kind_rank(t.dtype) == 1 and isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            raise TypeError(f"{caller}: bound {value!r} does not fit a {t.dtype} array")
        info = torch.iinfo(t.dtype)
        value = min(max(int(value), info.min), info.max)  # saturate to the dtype's range
    return _scalar_tensor(cast(Scalar, value), t, caller)


#: clip's fast path, per dtype: the range of Python int bounds and of Python float bounds torch
#: takes as they are (an int within an integer dtype's range needs no saturation; no float bound
#: fits an integer array; a float beyond float32's range makes torch.clamp raise; NaN goes to
#: the slow path), and whether the dtype is an integer one (no signed zeros).
_CLIP_FAST: Final[dict[torch.dtype, tuple[int, int, float, float, bool]]] = {
    dt: (lo, hi, _INF, -_INF, True) for dt, (lo, hi) in _WEAK_INT.items() if dt not in _WEAK_FLOAT
} | {
    torch.float32: (*_WEAK_INT[torch.float32], -_F32_MAX, _F32_MAX, False),
    torch.float64: (*_WEAK_INT[torch.float64], -_INF, _INF, False),
}


def clip(
    x: ArrayLike,
    /,
    min: ArrayLike | None = None,  # noqa: A002 - the standard's names
    max: ArrayLike | None = None,  # noqa: A002
    out: Tensor | None = None,
    *,
    a_min: ArrayLike | None = None,
    a_max: ArrayLike | None = None,
) -> Tensor:
    """``x`` limited to ``[min, max]``, element-wise; the result keeps ``x``'s dtype.

    Parameters
    ----------
    x : array_like
        Real input (tensors, NumPy data, Python scalars, nested sequences).
    min, max : array_like, optional
        Bounds (None: no bound on that side); arrays broadcast with ``x``. Integer bounds
        beyond an integer ``x``'s range are saturated to it; bounds of a higher kind than
        ``x`` (float bounds of an integer array) are a TypeError, since the result keeps
        ``x``'s dtype (the standard's rule; NumPy would promote).
    out : Tensor, optional
        Where to write the result (NumPy's ``same_kind`` casting); it is returned.
    a_min, a_max : array_like, optional
        NumPy's older names of ``min`` and ``max`` (``np.clip(x, a_min=0, a_max=1)``); pass
        each bound once, under either name.

    Returns
    -------
    Tensor
        New memory, on the autograd graph of ``x`` and tensor bounds.

    Raises
    ------
    TypeError
        A bound given under both names.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.clip(tb.asarray([-1.0, 0.5, 7.0]), [0, 1, 2], 5)
    tensor([0., 1., 5.], dtype=torch.float64)
    >>> tb.clip(tb.asarray([-1.0, 0.5, 7.0]), a_min=0.0, a_max=1.0)
    tensor([0.0000, 0.5000, 1.0000], dtype=torch.float64)
    """
    if a_min is not None:
        min = _one_bound(min, a_min, "min")  # noqa: A001
    if a_max is not None:
        max = _one_bound(max, a_max, "max")  # noqa: A001
    try:
        # Python bounds torch takes as they are: ints within the range, floats within theirs. A
        # lone zero bound of a floating array is left to the general path: there torch compares
        # with a 0-d tensor, whose vectorized kernel answers a zero of x with the bound's zero
        # (clamp with a Python bound, or with two bounds, keeps x's).
        if (
            out is None
            and type(x) is Tensor
            and (r := _CLIP_FAST.get(x.dtype)) is not None
            and (
                min is None
                or (type(min) is int and r[0] <= min <= r[1])
                or (type(min) is float and r[2] <= min <= r[3])
            )
            and (
                max is None
                or (type(max) is int and r[0] <= max <= r[1])
                or (type(max) is float and r[2] <= max <= r[3])
            )
            and (
                (min is not None and max is not None)
                or bool(min or max)  # one bound, not zero
                or (r[4] and (min is not None or max is not None))  # one bound, integer array
            )
        ):
            return _clamp(x, min, max)
        return write_out(_clip_slow(x, min, max), out, "clip")
    except RuntimeError as e:
        raise _failure(e, "clip", (x, min, max)) from e


def _one_bound(bound: ArrayLike | None, legacy: ArrayLike, name: str) -> ArrayLike:
    """clip's bound ``name`` given as NumPy's ``a_<name>``: the one value, or a TypeError when
    both spellings carry one."""
    if bound is not None:
        raise TypeError(
            f"clip: the bound {name} was passed twice, as {name}= and as a_{name}=; pass it "
            f"once (a_{name} is NumPy's older name for {name})"
        )
    return legacy


def _clip_slow(x: object, min: object, max: object) -> Tensor:  # noqa: A002
    t = _tensor(x, "clip")
    lo = _bound(min, t, "clip", "min")
    hi = _bound(max, t, "clip", "max")
    if lo is None and hi is None:
        return t.clone()
    if t.dtype in UNSIGNED_GAPS:
        out = ordered(t)
        if lo is not None:
            out = torch.maximum(out, ordered(lo))
        if hi is not None:
            out = torch.minimum(out, ordered(hi))
        return from_ordered(out, t.dtype)
    return torch.clamp(t, lo, hi)


# The functions _ufunc2 made keep their own globals, so doctest does not find them in this
# module's namespace by itself: list them for it.
__test__: Final = dict(_MADE)
