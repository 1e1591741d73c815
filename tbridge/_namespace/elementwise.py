"""Element-wise functions of the Array API, on plain tensors.

Each function has a fast path that calls torch directly when torch's answer is already the
standard's (both operands tensors of one dtype that torch computes natively), and a slow path
that promotes by the standard's table (:mod:`tbridge._core.promotion`), accepts Python scalars and
NumPy arrays, and routes unsigned dtypes torch cannot compute through
:mod:`tbridge._core.workarounds`.

Fast paths are written inline in each function (no helper frame) and call torch functions bound
at import: on small arrays a Python frame or an attribute lookup is a measurable part of a call.
A Python scalar operand skips the slow path when torch already treats it as the standard does
(weak, within the array's kind, see ``_weak``).

Memory and autograd: every result is new memory (``positive`` and ``real`` of real input
included) and stays on the inputs' autograd graph wherever torch can differentiate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal, TypeAlias

import numpy as np
import torch
from torch import Tensor
from torch.compiler import is_dynamo_compiling

from tbridge._convert.gate import as_tensor
from tbridge._core.dtypes import NUMPY_DEFAULTS, default_float_dtype
from tbridge._core.promotion import kind_rank, promote, scalar_result
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

Scalar: TypeAlias = "bool | int | float | complex"
ArrayOrScalar: TypeAlias = "Tensor | bool | int | float | complex"

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
_INEXACT: Final = frozenset(
    {torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64, torch.complex128}
)
_REAL_FLOATS: Final = frozenset({torch.float16, torch.bfloat16, torch.float32, torch.float64})
_NATIVE_NUMERIC: Final = _NATIVE - {torch.bool}
#: bool and the integer dtypes torch computes natively (the bitwise functions' fast path).
_NATIVE_INTEGRAL: Final = _NATIVE - _INEXACT
_COMPLEX: Final = frozenset({torch.complex64, torch.complex128})
#: every complex dtype torch has (complex32 included), as ``dtype.is_complex`` tells.
_COMPLEX_ALL: Final = frozenset(
    d for d in vars(torch).values() if isinstance(d, torch.dtype) and d.is_complex
)
#: signbit's fast path: uint8 (always False) and the unsigned gaps are left to the slow path.
_SIGNBIT_NATIVE: Final = _NATIVE - {torch.uint8}
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
#: sign computes in NumPy, for these dtypes, up to this many elements (see :func:`sign`).
_NUMPY_FLOATS: Final = frozenset({torch.float16, torch.float32, torch.float64})
_SIGN_NUMPY_MAX: Final = 1 << 16


def _tensor(x: object, where: str) -> Tensor:
    """``x`` through the input gate (a tensor passes as itself)."""
    return x if type(x) is Tensor else as_tensor(x, where)


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


def _operands(
    x1: object, x2: object, where: str
) -> tuple[Tensor | Scalar, Tensor | Scalar, torch.dtype]:
    """Both operands, tensors cast to the promoted dtype, and that dtype."""
    s1 = isinstance(x1, (bool, int, float, complex)) and not isinstance(x1, np.generic)
    s2 = isinstance(x2, (bool, int, float, complex)) and not isinstance(x2, np.generic)
    if s1 and s2:
        # Two Python scalars: the first stands alone (an array of NumPy's default dtype, as
        # np.add(1, 2.5) reads it) and the second stays weak beside it.
        x1, s1 = as_tensor(x1, where, "x1"), False
    if s2:
        t1 = x1 if type(x1) is Tensor else as_tensor(x1, where, "x1")
        dt = scalar_result(t1.dtype, x2)
        return (t1 if t1.dtype == dt else t1.to(dt)), x2, dt  # type: ignore[return-value]
    if s1:
        t2 = x2 if type(x2) is Tensor else as_tensor(x2, where, "x2")
        dt = scalar_result(t2.dtype, x1)
        return x1, (t2 if t2.dtype == dt else t2.to(dt)), dt  # type: ignore[return-value]
    t1 = x1 if type(x1) is Tensor else as_tensor(x1, where, "x1")
    t2 = x2 if type(x2) is Tensor else as_tensor(x2, where, "x2")
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


def _scalar_tensor(value: Scalar, like: Tensor) -> Tensor:
    """A Python scalar as a 0-d tensor of ``like``'s dtype and device.

    Raises
    ------
    OverflowError
        When an integer does not fit the dtype (NumPy 2 raises here too).
    """
    if like.dtype == torch.uint64 and isinstance(value, int) and value >= 2**63:
        return torch.tensor(value - 2**64, dtype=torch.int64, device=like.device).view(torch.uint64)
    try:
        return torch.tensor(value, dtype=like.dtype, device=like.device)
    except RuntimeError as e:
        raise OverflowError(
            f"Python integer {value!r} is out of bounds for {like.dtype}; cast the array to a "
            "wider dtype first (tb.astype)"
        ) from e


def _binary(
    fn: Callable[..., Tensor],
    x1: object,
    x2: object,
    where: str,
    uint: UintMode,
    floating: bool = False,
) -> Tensor:
    """The slow path: promote, then compute (unsigned gaps and floating-only functions fixed)."""
    if (
        fn in _MIXED_SIGN_COMPARISONS
        and isinstance(x1, Tensor)
        and isinstance(x2, Tensor)
        and {x1.dtype, x2.dtype} == _INT64_UINT64
    ):
        return _compare_int64_uint64(fn, x1, x2)
    a, b, dt = _operands(x1, x2, where)
    if floating and kind_rank(dt) < 2:
        target = default_float_dtype()
        a = a.to(target) if isinstance(a, Tensor) else a
        b = b.to(target) if isinstance(b, Tensor) else b
        dt = target
    # Python scalars become 0-d tensors of the promoted dtype: several torch functions
    # (maximum, gt with a scalar first, ...) take tensors only.
    ta = a if isinstance(a, Tensor) else _scalar_tensor(a, b)  # type: ignore[arg-type]
    tb_ = b if isinstance(b, Tensor) else _scalar_tensor(b, ta)
    if dt in UNSIGNED_GAPS:
        return _unsigned_binary(fn, ta, tb_, dt, uint, where)
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
    fn: Callable[..., Tensor], a: Tensor, b: Tensor, dt: torch.dtype, uint: UintMode, where: str
) -> Tensor:
    if uint == "bits":
        return on_bits(fn, a, b)
    if uint == "order":
        out = fn(ordered(a), ordered(b))
        return out if out.dtype == torch.bool else from_ordered(out, dt)
    if uint == "value":
        out = fn(to_wide(a, where), to_wide(b, where))
        return out if out.dtype == torch.bool else wide_back(out, dt)
    raise TypeError(f"{where}: {dt} has no meaning for this function; pass a floating array")


def _unary(fn: Callable[[Tensor], Tensor], x: object, where: str, uint: UintMode) -> Tensor:
    t = _tensor(x, where)
    if t.dtype in UNSIGNED_GAPS:
        if uint == "bits":
            return on_bits(fn, t)
        if uint == "none":
            raise TypeError(f"{where}: {t.dtype} has no meaning for this function")
        out = fn(to_wide(t, where))
        return out if out.dtype == torch.bool else wide_back(out, t.dtype)
    return fn(t)


def _floating_unary(fn: Callable[[Tensor], Tensor], x: object, where: str) -> Tensor:
    """Functions with only floating results: integers become the default float first."""
    t = x if type(x) is Tensor else _tensor(x, where)
    if t.dtype not in _INEXACT:
        if t.is_complex():  # complex32: computed in complex64, returned in complex32
            return fn(t.to(torch.complex64)).to(t.dtype)
        if t.dtype == torch.bool:
            raise TypeError(f"{where}: a bool array has no floating meaning; cast it first")
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


def acos(x: Tensor, /) -> Tensor:
    """Inverse cosine, element-wise (complex: signed zeros as the standard says)."""
    if type(x) is Tensor and x.dtype in _REAL_FLOATS:
        return _acos(x)
    return _floating_unary(_acos_any, x, "acos")


def acosh(x: Tensor, /) -> Tensor:
    """Inverse hyperbolic cosine, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _acosh(x)
    return _floating_unary(_acosh, x, "acosh")


def asin(x: Tensor, /) -> Tensor:
    """Inverse sine, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _asin(x)
    return _floating_unary(_asin, x, "asin")


def asinh(x: Tensor, /) -> Tensor:
    """Inverse hyperbolic sine, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _asinh(x)
    return _floating_unary(_asinh, x, "asinh")


def atan(x: Tensor, /) -> Tensor:
    """Inverse tangent, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _atan(x)
    return _floating_unary(_atan, x, "atan")


def atanh(x: Tensor, /) -> Tensor:
    """Inverse hyperbolic tangent, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _atanh(x)
    return _floating_unary(_atanh, x, "atanh")


def cos(x: Tensor, /) -> Tensor:
    """Cosine, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _cos(x)
    return _floating_unary(_cos, x, "cos")


def cosh(x: Tensor, /) -> Tensor:
    """Hyperbolic cosine, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _cosh(x)
    return _floating_unary(_cosh, x, "cosh")


def exp(x: Tensor, /) -> Tensor:
    """Exponential, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _exp(x)
    return _floating_unary(_exp, x, "exp")


def expm1(x: Tensor, /) -> Tensor:
    """``exp(x) - 1``, accurate near 0, element-wise (complex infinities and NaNs as the
    standard says, see ``_complex_expm1``)."""
    if type(x) is Tensor and x.dtype in _REAL_FLOATS:
        return _expm1(x)
    return _floating_unary(_expm1_any, x, "expm1")


def log(x: Tensor, /) -> Tensor:
    """Natural logarithm, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _log(x)
    return _floating_unary(_log, x, "log")


def log1p(x: Tensor, /) -> Tensor:
    """``log(1 + x)``, accurate near 0, element-wise (complex infinities and NaNs as the
    standard says, see ``_complex_log1p``)."""
    if type(x) is Tensor and x.dtype in _REAL_FLOATS:
        return _log1p(x)
    return _floating_unary(_log1p_any, x, "log1p")


def log2(x: Tensor, /) -> Tensor:
    """Base-2 logarithm, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _log2(x)
    return _floating_unary(_log2, x, "log2")


def log10(x: Tensor, /) -> Tensor:
    """Base-10 logarithm, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _log10(x)
    return _floating_unary(_log10, x, "log10")


def reciprocal(x: Tensor, /) -> Tensor:
    """``1 / x``, element-wise (integers give the default float dtype)."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _reciprocal(x)
    return _floating_unary(_reciprocal, x, "reciprocal")


def sin(x: Tensor, /) -> Tensor:
    """Sine, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _sin(x)
    return _floating_unary(_sin, x, "sin")


def sinh(x: Tensor, /) -> Tensor:
    """Hyperbolic sine, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _sinh(x)
    return _floating_unary(_sinh, x, "sinh")


def sqrt(x: Tensor, /) -> Tensor:
    """Square root, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _sqrt(x)
    return _floating_unary(_sqrt, x, "sqrt")


def tan(x: Tensor, /) -> Tensor:
    """Tangent, element-wise."""
    if type(x) is Tensor and x.dtype in _INEXACT:
        return _tan(x)
    return _floating_unary(_tan, x, "tan")


def tanh(x: Tensor, /) -> Tensor:
    """Hyperbolic tangent, element-wise (complex: the standard's signed zeros at infinities)."""
    if type(x) is Tensor and x.dtype in _REAL_FLOATS:
        return _tanh(x)
    return _floating_unary(_tanh_any, x, "tanh")


# ---- unary, numeric ------------------------------------------------------------------------


def abs(x: Tensor, /) -> Tensor:  # noqa: A001 - the standard's name
    """Absolute value (complex magnitude for complex input), element-wise."""
    if type(x) is Tensor and x.dtype in _NATIVE:
        return _abs(x)
    t = _tensor(x, "abs")
    if t.dtype in UNSIGNED_GAPS:
        return t.clone()  # unsigned values are their own magnitude
    return _abs(t)


def negative(x: Tensor, /) -> Tensor:
    """``-x``, element-wise (unsigned values wrap around, as in NumPy)."""
    if type(x) is Tensor and x.dtype in _NATIVE_NUMERIC:
        return _negative(x)
    t = _tensor(x, "negative")
    if t.dtype == torch.bool:
        raise TypeError("negative: a bool array has no negation; use tb.logical_not")
    return _unary(_negative, t, "negative", "bits")


def positive(x: Tensor, /) -> Tensor:
    """``+x``: a copy of ``x`` (new memory, on the same graph)."""
    if type(x) is Tensor and x.dtype is not _BOOL:
        return x.clone()
    t = _tensor(x, "positive")
    if t.dtype == torch.bool:
        raise TypeError("positive: a bool array is not numeric")
    return t.clone()


def square(x: Tensor, /) -> Tensor:
    """``x * x``, element-wise."""
    if type(x) is Tensor and x.dtype in _NATIVE:
        return _square(x)
    t = _tensor(x, "square")
    if t.dtype in UNSIGNED_GAPS:
        return on_bits(torch.mul, t, t)
    return _square(t)


def sign(x: Tensor, /) -> Tensor:
    """-1, 0 or 1 for real input (NaN for NaN); ``x / |x|`` (0 at 0) for complex input.

    ``torch.sign(nan)`` is 0 (pytorch#41245) where NumPy and the standard give NaN; fixing that in
    torch takes two more kernels (``isnan``, ``where``). Small floating arrays in host memory that
    are not on an autograd graph are computed by ``numpy.sign`` instead (one call, the standard's
    answer, bit for bit the same as the torch fix), others by torch.
    """
    if type(x) is Tensor and x.dtype in _NUMPY_FLOATS and not is_dynamo_compiling():
        try:
            a = x.numpy()
        except (TypeError, RuntimeError):
            pass  # another device, an autograd graph, a neg bit: below
        else:
            if a.ndim and a.size <= _SIGN_NUMPY_MAX:  # (NumPy answers 0-d input with a scalar)
                return _from_numpy(_np_sign(a))
    t = _tensor(x, "sign")
    if t.dtype.is_complex:
        return torch.sgn(t)
    if t.dtype in UNSIGNED_GAPS:
        return (t != 0).to(t.dtype)
    if t.dtype in _REAL_FLOATS:
        # torch.sign(nan) is 0; NumPy and the standard give NaN (pytorch#41245).
        return torch.where(_isnan(t), t, _sign(t))
    return _sign(t)


def _integral_identity(fn: Callable[[Tensor], Tensor], x: object, where: str) -> Tensor:
    t = x if type(x) is Tensor else _tensor(x, where)
    if t.dtype in _REAL_FLOATS:
        return fn(t)
    if t.dtype.is_complex:
        raise TypeError(f"{where}: complex input has no {where}; pass a real array")
    return t.clone()  # integers are already integral


def ceil(x: Tensor, /) -> Tensor:
    """Smallest integral value not below ``x``, element-wise (integers are returned as is)."""
    if type(x) is Tensor and x.dtype in _REAL_FLOATS:
        return _ceil(x)
    return _integral_identity(_ceil, x, "ceil")


def floor(x: Tensor, /) -> Tensor:
    """Largest integral value not above ``x``, element-wise (integers are returned as is)."""
    if type(x) is Tensor and x.dtype in _REAL_FLOATS:
        return _floor(x)
    return _integral_identity(_floor, x, "floor")


def trunc(x: Tensor, /) -> Tensor:
    """``x`` rounded toward zero, element-wise (integers are returned as is)."""
    if type(x) is Tensor and x.dtype in _REAL_FLOATS:
        return _trunc(x)
    return _integral_identity(_trunc, x, "trunc")


def round(x: Tensor, /) -> Tensor:  # noqa: A001 - the standard's name
    """Round half to even, element-wise; complex input rounds both parts."""
    if type(x) is Tensor and x.dtype in _REAL_FLOATS:
        return _round(x)
    t = x if type(x) is Tensor else _tensor(x, "round")
    if t.dtype.is_complex:
        return torch.complex(_round(t.real), _round(t.imag))
    return _integral_identity(_round, t, "round")


def signbit(x: Tensor, /) -> Tensor:
    """Whether the sign bit is set (True for -0.0), element-wise."""
    if type(x) is Tensor and x.dtype in _SIGNBIT_NATIVE:
        return _signbit(x)
    t = _tensor(x, "signbit")
    if t.dtype in UNSIGNED_GAPS or t.dtype == torch.uint8:
        return torch.zeros_like(t, dtype=torch.bool)
    return _signbit(t)


def isfinite(x: Tensor, /) -> Tensor:
    """Whether each element is finite (always True for integers)."""
    if type(x) is Tensor and x.dtype not in UNSIGNED_GAPS:
        return _isfinite(x)
    t = _tensor(x, "isfinite")
    if t.dtype in UNSIGNED_GAPS:
        return torch.ones_like(t, dtype=torch.bool)
    return _isfinite(t)


def isinf(x: Tensor, /) -> Tensor:
    """Whether each element is infinite (in either part, for complex input)."""
    if type(x) is Tensor and x.dtype not in UNSIGNED_GAPS:
        return _isinf(x)
    t = _tensor(x, "isinf")
    if t.dtype in UNSIGNED_GAPS:
        return torch.zeros_like(t, dtype=torch.bool)
    return _isinf(t)


def isnan(x: Tensor, /) -> Tensor:
    """Whether each element is NaN (in either part, for complex input)."""
    if type(x) is Tensor and x.dtype not in UNSIGNED_GAPS:
        return _isnan(x)
    t = _tensor(x, "isnan")
    if t.dtype in UNSIGNED_GAPS:
        return torch.zeros_like(t, dtype=torch.bool)
    return _isnan(t)


def bitwise_invert(x: Tensor, /) -> Tensor:
    """``~x``: bitwise NOT for integers, logical NOT for bool."""
    if type(x) is Tensor and x.dtype in _NATIVE_INTEGRAL:
        return _bitwise_not(x)
    t = _tensor(x, "bitwise_invert")
    if t.dtype in _INEXACT:
        raise TypeError(
            f"bitwise_invert: {t.dtype} has no bits to invert; pass an integer or bool array"
        )
    return _unary(_bitwise_not, t, "bitwise_invert", "bits")


def logical_not(x: Tensor, /) -> Tensor:
    """Logical NOT (non-zero counts as True); the result is bool."""
    if type(x) is Tensor and x.dtype not in UNSIGNED_GAPS:
        return _logical_not(x)
    t = _tensor(x, "logical_not")
    if t.dtype in UNSIGNED_GAPS:
        return on_bits(_logical_not, t)
    return _logical_not(t)


def conj(x: Tensor, /) -> Tensor:
    """Complex conjugate, materialized (no lazy conj bit, as NumPy; array-api-compat#173).

    Real input is returned as a copy.
    """
    t = x if type(x) is Tensor else _tensor(x, "conj")
    return _conj_physical(t) if t.dtype in _COMPLEX_ALL else t.clone()


def real(x: Tensor, /) -> Tensor:
    """Real part (a copy for real input)."""
    t = x if type(x) is Tensor else _tensor(x, "real")
    return _real(t).clone() if t.dtype in _COMPLEX_ALL else t.clone()


def imag(x: Tensor, /) -> Tensor:
    """Imaginary part (zeros of ``x``'s dtype for real input)."""
    t = x if type(x) is Tensor else _tensor(x, "imag")
    return _imag(t).clone() if t.dtype in _COMPLEX_ALL else torch.zeros_like(t)


# ---- binary --------------------------------------------------------------------------------
#
# Each function's first test is the common call: two tensors of one dtype torch computes
# natively. Then two tensors of dtypes torch promotes as the standard does (``_TORCH_PROMOTES``),
# and a tensor with a Python scalar torch takes as the standard does (``_weak``); everything
# else (other mixed dtypes, 0-d operands, unsigned gaps, NumPy arrays, other scalars) goes to
# ``_binary``.


def add(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 + x2``, element-wise, with the standard's promotion (no 0-d tensor quirk)."""
    if type(x1) is Tensor:
        if type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _NATIVE:
                    return _add(x1, x2)
            elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
                return _add(x1, x2)  # mixed dtypes torch promotes as the standard does
        elif _weak(x1, x2):
            return _add(x1, x2)
    elif type(x2) is Tensor and _weak_mirror(x2, x1):
        return _add(x2, x1)  # exact: real addition commutes
    return _binary(_add, x1, x2, "add", "bits")


def subtract(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 - x2``, element-wise."""
    if type(x1) is Tensor:
        if type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _NATIVE:
                    return _subtract(x1, x2)
            elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
                return _subtract(x1, x2)  # mixed dtypes torch promotes as the standard does
        elif _weak(x1, x2):
            return _subtract(x1, x2)
    return _binary(_subtract, x1, x2, "subtract", "bits")


def multiply(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 * x2``, element-wise."""
    if type(x1) is Tensor:
        if type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _NATIVE:
                    return _multiply(x1, x2)
            elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
                return _multiply(x1, x2)  # mixed dtypes torch promotes as the standard does
        elif _weak(x1, x2):
            return _multiply(x1, x2)
    elif type(x2) is Tensor and _weak_mirror(x2, x1):
        return _multiply(x2, x1)  # exact: real multiplication commutes
    return _binary(_multiply, x1, x2, "multiply", "bits")


def divide(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 / x2``, element-wise; integers divide in the default float dtype (float64)."""
    if type(x1) is Tensor:
        if type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _INEXACT:
                    return _divide(x1, x2)
                if d in _NATIVE_INTEGRAL and x1.ndim and x2.ndim:
                    # Integers divide in the default float: one cast, torch promotes the other
                    # operand (integer with float is the float) inside the division kernel.
                    return _divide(x1.to(NUMPY_DEFAULTS.current[0]), x2)
            elif _TORCH_PROMOTES.get((d, e)) in _INEXACT and x1.ndim and x2.ndim:
                return _divide(x1, x2)  # mixed floating dtypes torch promotes as the standard
        elif x1.dtype in _WEAK_FLOAT and _weak(x1, x2):
            return _divide(x1, x2)
    return _binary(_divide, x1, x2, "divide", "value", floating=True)


def floor_divide(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 // x2``, element-wise, with Python's (and NumPy's) pairing to ``remainder``."""
    if type(x1) is Tensor and type(x2) is Tensor:
        if (d := x1.dtype) is (e := x2.dtype):
            if d in _NATIVE:
                return _floor_divide(x1, x2)
        elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
            return _floor_divide(x1, x2)  # mixed dtypes torch promotes as the standard does
    return _binary(_floor_divide, x1, x2, "floor_divide", "value")


def remainder(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 % x2``, element-wise; the result has the divisor's sign (Python's rule)."""
    if type(x1) is Tensor and type(x2) is Tensor:
        if (d := x1.dtype) is (e := x2.dtype):
            if d is _FLOAT64 or d in _REAL_FLOATS:
                # A zero remainder takes the divisor's sign, as in NumPy and the standard; torch
                # keeps the dividend's (remainder(-0.0, 3) is -0.0). Non-zero results already
                # have it. In place: the result is new memory, remainder's gradient does not
                # use it.
                return _remainder(x1, x2).copysign_(x2)
            if d in _NATIVE:
                return _remainder(x1, x2)
        elif (dt := _TORCH_PROMOTES.get((d, e))) is not None and x1.ndim and x2.ndim:
            out = _remainder(x1, x2)  # mixed dtypes torch promotes as the standard does
            return out.copysign_(x2) if dt in _REAL_FLOATS else out
    out = _binary(_remainder, x1, x2, "remainder", "value")
    if out.dtype in _REAL_FLOATS:
        divisor = x2 if isinstance(x2, (Tensor, int, float)) else _tensor(x2, "remainder")
        out = _copysign(out, divisor)
    return out


def pow(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:  # noqa: A001 - the standard's name
    """``x1 ** x2``, element-wise."""
    if type(x1) is Tensor and type(x2) is Tensor:
        if (d := x1.dtype) is (e := x2.dtype):
            if d in _NATIVE:
                return _pow(x1, x2)
        elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
            return _pow(x1, x2)  # mixed dtypes torch promotes as the standard does
    return _binary(_pow, x1, x2, "pow", "value")


def _floating_binary(fn: Callable[..., Tensor], x1: object, x2: object, where: str) -> Tensor:
    """The slow path of the real-floating binary functions: promote, integers to the default."""
    a, b, dt = _operands(x1, x2, where)
    if dt.is_complex:
        raise TypeError(f"{where}: complex input is not supported; pass real arrays")
    if not dt.is_floating_point:
        dt = default_float_dtype()
    ta = a.to(dt) if isinstance(a, Tensor) else torch.tensor(a, dtype=dt)
    tb_ = b.to(dt) if isinstance(b, Tensor) else torch.tensor(b, dtype=dt, device=ta.device)
    if ta.device != tb_.device and ta.ndim == 0:
        ta = ta.to(tb_.device)
    return fn(ta, tb_)


def atan2(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """The angle of the point ``(x2, x1)``, element-wise."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and (d := x1.dtype) is x2.dtype
        and d in _REAL_FLOATS
    ):
        return _atan2(x1, x2)
    return _floating_binary(_atan2, x1, x2, "atan2")


def copysign(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``|x1|`` with the sign of ``x2``, element-wise."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and (d := x1.dtype) is x2.dtype
        and d in _REAL_FLOATS
    ):
        return _copysign(x1, x2)
    return _floating_binary(_copysign, x1, x2, "copysign")


def hypot(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``sqrt(x1**2 + x2**2)`` without undue overflow, element-wise."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and (d := x1.dtype) is x2.dtype
        and d in _REAL_FLOATS
    ):
        return _hypot(x1, x2)
    return _floating_binary(_hypot, x1, x2, "hypot")


def logaddexp(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``log(exp(x1) + exp(x2))``, element-wise."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and (d := x1.dtype) is x2.dtype
        and d in _REAL_FLOATS
    ):
        return _logaddexp(x1, x2)
    return _floating_binary(_logaddexp, x1, x2, "logaddexp")


def nextafter(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """The next representable value after ``x1`` toward ``x2``, element-wise."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and (d := x1.dtype) is x2.dtype
        and d in _REAL_FLOATS
    ):
        return _nextafter(x1, x2)
    return _floating_binary(_nextafter, x1, x2, "nextafter")


# Comparisons: a Python scalar on the left becomes the mirrored comparison with it on the right
# (torch takes a scalar only there); NaN compares False both ways, so the mirror is exact.
# (Complex arrays are left to the slow path, see ``_weak_mirror``.)


def equal(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 == x2``, element-wise (bool)."""
    if type(x1) is Tensor:
        if type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _NATIVE:
                    return _eq(x1, x2)
            elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
                return _eq(x1, x2)  # mixed dtypes torch promotes as the standard does
        elif _weak(x1, x2):
            return _eq(x1, x2)
    elif type(x2) is Tensor and _weak_mirror(x2, x1):
        return _eq(x2, x1)
    return _binary(_eq, x1, x2, "equal", "bits")


def not_equal(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 != x2``, element-wise (bool)."""
    if type(x1) is Tensor:
        if type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _NATIVE:
                    return _ne(x1, x2)
            elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
                return _ne(x1, x2)  # mixed dtypes torch promotes as the standard does
        elif _weak(x1, x2):
            return _ne(x1, x2)
    elif type(x2) is Tensor and _weak_mirror(x2, x1):
        return _ne(x2, x1)
    return _binary(_ne, x1, x2, "not_equal", "bits")


def greater(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 > x2``, element-wise (bool)."""
    if type(x1) is Tensor:
        if type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _NATIVE:
                    return _gt(x1, x2)
            elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
                return _gt(x1, x2)  # mixed dtypes torch promotes as the standard does
        elif _weak(x1, x2):
            return _gt(x1, x2)
    elif type(x2) is Tensor and _weak_mirror(x2, x1):
        return _lt(x2, x1)
    return _binary(_gt, x1, x2, "greater", "order")


def greater_equal(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 >= x2``, element-wise (bool)."""
    if type(x1) is Tensor:
        if type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _NATIVE:
                    return _ge(x1, x2)
            elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
                return _ge(x1, x2)  # mixed dtypes torch promotes as the standard does
        elif _weak(x1, x2):
            return _ge(x1, x2)
    elif type(x2) is Tensor and _weak_mirror(x2, x1):
        return _le(x2, x1)
    return _binary(_ge, x1, x2, "greater_equal", "order")


def less(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 < x2``, element-wise (bool)."""
    if type(x1) is Tensor:
        if type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _NATIVE:
                    return _lt(x1, x2)
            elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
                return _lt(x1, x2)  # mixed dtypes torch promotes as the standard does
        elif _weak(x1, x2):
            return _lt(x1, x2)
    elif type(x2) is Tensor and _weak_mirror(x2, x1):
        return _gt(x2, x1)
    return _binary(_lt, x1, x2, "less", "order")


def less_equal(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 <= x2``, element-wise (bool)."""
    if type(x1) is Tensor:
        if type(x2) is Tensor:
            if (d := x1.dtype) is (e := x2.dtype):
                if d in _NATIVE:
                    return _le(x1, x2)
            elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
                return _le(x1, x2)  # mixed dtypes torch promotes as the standard does
        elif _weak(x1, x2):
            return _le(x1, x2)
    elif type(x2) is Tensor and _weak_mirror(x2, x1):
        return _ge(x2, x1)
    return _binary(_le, x1, x2, "less_equal", "order")


def maximum(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Element-wise maximum (NaN propagates)."""
    if type(x1) is Tensor and type(x2) is Tensor:
        if (d := x1.dtype) is (e := x2.dtype):
            if d in _NATIVE:
                return _maximum(x1, x2)
        elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
            return _maximum(x1, x2)  # mixed dtypes torch promotes as the standard does
    return _binary(_maximum, x1, x2, "maximum", "order")


def minimum(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Element-wise minimum (NaN propagates)."""
    if type(x1) is Tensor and type(x2) is Tensor:
        if (d := x1.dtype) is (e := x2.dtype):
            if d in _NATIVE:
                return _minimum(x1, x2)
        elif (d, e) in _TORCH_PROMOTES and x1.ndim and x2.ndim:
            return _minimum(x1, x2)  # mixed dtypes torch promotes as the standard does
    return _binary(_minimum, x1, x2, "minimum", "order")


def _bitwise(
    fn: Callable[..., Tensor], x1: object, x2: object, where: str, uint: UintMode
) -> Tensor:
    """The slow path of the bitwise functions: floating input is an error, then ``_binary``."""
    a, b, dt = _operands(x1, x2, where)
    if dt in _INEXACT:
        raise TypeError(f"{where}: {dt} has no bits; pass integer or bool arrays")
    return _binary(fn, a, b, where, uint)


def bitwise_and(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 & x2``, element-wise."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and (d := x1.dtype) is x2.dtype
        and d in _NATIVE_INTEGRAL
    ):
        return _bitwise_and(x1, x2)
    return _bitwise(_bitwise_and, x1, x2, "bitwise_and", "bits")


def bitwise_or(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 | x2``, element-wise."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and (d := x1.dtype) is x2.dtype
        and d in _NATIVE_INTEGRAL
    ):
        return _bitwise_or(x1, x2)
    return _bitwise(_bitwise_or, x1, x2, "bitwise_or", "bits")


def bitwise_xor(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 ^ x2``, element-wise."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and (d := x1.dtype) is x2.dtype
        and d in _NATIVE_INTEGRAL
    ):
        return _bitwise_xor(x1, x2)
    return _bitwise(_bitwise_xor, x1, x2, "bitwise_xor", "bits")


def bitwise_left_shift(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 << x2``, element-wise (shifting by the bit width or more gives 0)."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and (d := x1.dtype) is x2.dtype
        and d in _NATIVE_INTEGRAL
    ):
        return _bitwise_left_shift(x1, x2)
    return _bitwise(_left_shift, x1, x2, "bitwise_left_shift", "value")


def bitwise_right_shift(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 >> x2``, element-wise (arithmetic for signed, logical for unsigned)."""
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and (d := x1.dtype) is x2.dtype
        and d in _NATIVE_INTEGRAL
    ):
        return _bitwise_right_shift(x1, x2)
    return _bitwise(_bitwise_right_shift, x1, x2, "bitwise_right_shift", "value")


def _left_shift(a: Tensor, b: Tensor | int) -> Tensor:
    return _bitwise_left_shift(a, b)


def _logical(fn: Callable[..., Tensor], x1: object, x2: object, where: str) -> Tensor:
    """The slow path of the logical functions: Python scalars and NumPy arrays, then bool."""
    a, b, _ = _operands(x1, x2, where)
    ta = a if isinstance(a, Tensor) else torch.tensor(a)
    tb_ = b if isinstance(b, Tensor) else torch.tensor(b)
    return fn(ta.to(torch.bool), tb_.to(torch.bool))


def logical_and(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Logical AND (non-zero counts as True); the result is bool."""
    if type(x1) is Tensor and type(x2) is Tensor:
        return _logical_and(x1, x2)
    return _logical(_logical_and, x1, x2, "logical_and")


def logical_or(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Logical OR (non-zero counts as True); the result is bool."""
    if type(x1) is Tensor and type(x2) is Tensor:
        return _logical_or(x1, x2)
    return _logical(_logical_or, x1, x2, "logical_or")


def logical_xor(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Logical XOR (non-zero counts as True); the result is bool."""
    if type(x1) is Tensor and type(x2) is Tensor:
        return _logical_xor(x1, x2)
    return _logical(_logical_xor, x1, x2, "logical_xor")


# ---- clip ----------------------------------------------------------------------------------


def _bound(value: ArrayOrScalar | None, t: Tensor, where: str) -> Tensor | None:
    if value is None:
        return None
    if isinstance(value, Tensor):
        return value if value.dtype == t.dtype else value.to(t.dtype)
    if isinstance(value, (np.ndarray, np.generic)):
        return _tensor(value, where).to(device=t.device, dtype=t.dtype)
    if isinstance(value, complex) or t.dtype.is_complex:
        raise TypeError(f"{where}: complex arrays and bounds have no order; pass real values")
    if kind_rank(t.dtype) == 1:
        if isinstance(value, float) and not value.is_integer():
            raise TypeError(f"{where}: bound {value!r} does not fit a {t.dtype} array")
        info = torch.iinfo(t.dtype)
        value = min(max(int(value), info.min), info.max)  # saturate to the dtype's range
    return _scalar_tensor(value, t)


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
    x: Tensor,
    /,
    min: ArrayOrScalar | None = None,  # noqa: A002 - the standard's names
    max: ArrayOrScalar | None = None,  # noqa: A002
) -> Tensor:
    """``x`` limited to ``[min, max]``, element-wise; the result keeps ``x``'s dtype.

    Bounds outside ``x``'s integer range are saturated to it.
    """
    # Python bounds torch takes as they are: ints within the range, floats within theirs. A
    # lone zero bound of a floating array is left to the general path: there torch compares
    # with a 0-d tensor, whose vectorized kernel answers a zero of x with the bound's zero
    # (clamp with a Python bound, or with two bounds, keeps x's).
    if (
        type(x) is Tensor
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
            or (r[4] and (min is not None or max is not None))  # one bound of an integer array
        )
    ):
        return _clamp(x, min, max)
    t = _tensor(x, "clip")
    lo = _bound(min, t, "clip")
    hi = _bound(max, t, "clip")
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
