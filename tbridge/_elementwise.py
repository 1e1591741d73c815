"""Element-wise functions of the Array API, on plain tensors.

Each function has a fast path that calls torch directly when torch's answer is already the
standard's (both operands tensors of one dtype that torch computes natively), and a slow path
that promotes by the standard's table (:mod:`tbridge._promotion`), accepts Python scalars and
NumPy arrays, and routes unsigned dtypes torch cannot compute through
:mod:`tbridge._workarounds`.

Memory and autograd: every result is new memory (``positive`` and ``real`` of real input
included) and stays on the inputs' autograd graph wherever torch can differentiate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal, TypeAlias

import numpy as np
import torch
from torch import Tensor

from tbridge._dtypes import default_float_dtype
from tbridge._promotion import kind_rank, promote, scalar_result
from tbridge._workarounds import (
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


def _tensor(x: object, where: str) -> Tensor:
    if isinstance(x, Tensor):
        return x
    if isinstance(x, (np.ndarray, np.generic)):
        from tbridge._bridge import asarray

        return asarray(x)
    raise TypeError(
        f"{where}: expected an array, got {type(x).__name__}; pass a tensor (tb.asarray(x) "
        "converts other data)"
    )


def _operands(
    x1: object, x2: object, where: str
) -> tuple[Tensor | Scalar, Tensor | Scalar, torch.dtype]:
    """Both operands, tensors cast to the promoted dtype, and that dtype."""
    s1 = isinstance(x1, (bool, int, float, complex)) and not isinstance(x1, np.generic)
    s2 = isinstance(x2, (bool, int, float, complex)) and not isinstance(x2, np.generic)
    if s1 and s2:
        raise TypeError(
            f"{where}: at least one argument must be an array, got {type(x1).__name__} and "
            f"{type(x2).__name__}; wrap one with tb.asarray"
        )
    if s2:
        t1 = _tensor(x1, where)
        dt = scalar_result(t1.dtype, x2)
        return (t1 if t1.dtype == dt else t1.to(dt)), x2, dt  # type: ignore[return-value]
    if s1:
        t2 = _tensor(x2, where)
        dt = scalar_result(t2.dtype, x1)
        return x1, (t2 if t2.dtype == dt else t2.to(dt)), dt  # type: ignore[return-value]
    t1, t2 = _tensor(x1, where), _tensor(x2, where)
    dt = promote(t1.dtype, t2.dtype)
    return (t1 if t1.dtype == dt else t1.to(dt)), (t2 if t2.dtype == dt else t2.to(dt)), dt


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
        if t.dtype == torch.bool:
            raise TypeError(f"{where}: a bool array has no floating meaning; cast it first")
        t = t.to(default_float_dtype())
    return fn(t)


# ---- unary, floating ---------------------------------------------------------------------


def acos(x: Tensor, /) -> Tensor:
    """Inverse cosine, element-wise."""
    return _floating_unary(torch.acos, x, "acos")


def acosh(x: Tensor, /) -> Tensor:
    """Inverse hyperbolic cosine, element-wise."""
    return _floating_unary(torch.acosh, x, "acosh")


def asin(x: Tensor, /) -> Tensor:
    """Inverse sine, element-wise."""
    return _floating_unary(torch.asin, x, "asin")


def asinh(x: Tensor, /) -> Tensor:
    """Inverse hyperbolic sine, element-wise."""
    return _floating_unary(torch.asinh, x, "asinh")


def atan(x: Tensor, /) -> Tensor:
    """Inverse tangent, element-wise."""
    return _floating_unary(torch.atan, x, "atan")


def atanh(x: Tensor, /) -> Tensor:
    """Inverse hyperbolic tangent, element-wise."""
    return _floating_unary(torch.atanh, x, "atanh")


def cos(x: Tensor, /) -> Tensor:
    """Cosine, element-wise."""
    return _floating_unary(torch.cos, x, "cos")


def cosh(x: Tensor, /) -> Tensor:
    """Hyperbolic cosine, element-wise."""
    return _floating_unary(torch.cosh, x, "cosh")


def exp(x: Tensor, /) -> Tensor:
    """Exponential, element-wise."""
    return _floating_unary(torch.exp, x, "exp")


def expm1(x: Tensor, /) -> Tensor:
    """``exp(x) - 1``, accurate near 0, element-wise."""
    return _floating_unary(torch.expm1, x, "expm1")


def log(x: Tensor, /) -> Tensor:
    """Natural logarithm, element-wise."""
    return _floating_unary(torch.log, x, "log")


def log1p(x: Tensor, /) -> Tensor:
    """``log(1 + x)``, accurate near 0, element-wise."""
    return _floating_unary(torch.log1p, x, "log1p")


def log2(x: Tensor, /) -> Tensor:
    """Base-2 logarithm, element-wise."""
    return _floating_unary(torch.log2, x, "log2")


def log10(x: Tensor, /) -> Tensor:
    """Base-10 logarithm, element-wise."""
    return _floating_unary(torch.log10, x, "log10")


def reciprocal(x: Tensor, /) -> Tensor:
    """``1 / x``, element-wise (integers give the default float dtype)."""
    return _floating_unary(torch.reciprocal, x, "reciprocal")


def sin(x: Tensor, /) -> Tensor:
    """Sine, element-wise."""
    return _floating_unary(torch.sin, x, "sin")


def sinh(x: Tensor, /) -> Tensor:
    """Hyperbolic sine, element-wise."""
    return _floating_unary(torch.sinh, x, "sinh")


def sqrt(x: Tensor, /) -> Tensor:
    """Square root, element-wise."""
    return _floating_unary(torch.sqrt, x, "sqrt")


def tan(x: Tensor, /) -> Tensor:
    """Tangent, element-wise."""
    return _floating_unary(torch.tan, x, "tan")


def tanh(x: Tensor, /) -> Tensor:
    """Hyperbolic tangent, element-wise."""
    return _floating_unary(torch.tanh, x, "tanh")


# ---- unary, numeric ------------------------------------------------------------------------


def abs(x: Tensor, /) -> Tensor:  # noqa: A001 - the standard's name
    """Absolute value (complex magnitude for complex input), element-wise."""
    if type(x) is Tensor and x.dtype in _NATIVE:
        return torch.abs(x)
    t = _tensor(x, "abs")
    if t.dtype in UNSIGNED_GAPS:
        return t.clone()  # unsigned values are their own magnitude
    return torch.abs(t)


def negative(x: Tensor, /) -> Tensor:
    """``-x``, element-wise (unsigned values wrap around, as in NumPy)."""
    if type(x) is Tensor and x.dtype in _NATIVE and x.dtype != torch.bool:
        return torch.negative(x)
    t = _tensor(x, "negative")
    if t.dtype == torch.bool:
        raise TypeError("negative: a bool array has no negation; use tb.logical_not")
    return _unary(torch.negative, t, "negative", "bits")


def positive(x: Tensor, /) -> Tensor:
    """``+x``: a copy of ``x`` (new memory, on the same graph)."""
    t = _tensor(x, "positive")
    if t.dtype == torch.bool:
        raise TypeError("positive: a bool array is not numeric")
    return t.clone()


def square(x: Tensor, /) -> Tensor:
    """``x * x``, element-wise."""
    if type(x) is Tensor and x.dtype in _NATIVE:
        return torch.square(x)
    t = _tensor(x, "square")
    if t.dtype in UNSIGNED_GAPS:
        return on_bits(torch.mul, t, t)
    return torch.square(t)


def sign(x: Tensor, /) -> Tensor:
    """-1, 0 or 1 for real input; ``x / |x|`` (0 at 0) for complex input."""
    t = _tensor(x, "sign")
    if t.dtype.is_complex:
        return torch.sgn(t)
    if t.dtype in UNSIGNED_GAPS:
        return (t != 0).to(t.dtype)
    if t.dtype in _REAL_FLOATS:
        # torch.sign(nan) is 0; NumPy and the standard give NaN (pytorch#41245).
        return torch.where(torch.isnan(t), t, torch.sign(t))
    return torch.sign(t)


def _integral_identity(fn: Callable[[Tensor], Tensor], x: object, where: str) -> Tensor:
    t = x if type(x) is Tensor else _tensor(x, where)
    if t.dtype in _REAL_FLOATS:
        return fn(t)
    if t.dtype.is_complex:
        raise TypeError(f"{where}: complex input has no {where}; pass a real array")
    return t.clone()  # integers are already integral


def ceil(x: Tensor, /) -> Tensor:
    """Smallest integral value not below ``x``, element-wise (integers are returned as is)."""
    return _integral_identity(torch.ceil, x, "ceil")


def floor(x: Tensor, /) -> Tensor:
    """Largest integral value not above ``x``, element-wise (integers are returned as is)."""
    return _integral_identity(torch.floor, x, "floor")


def trunc(x: Tensor, /) -> Tensor:
    """``x`` rounded toward zero, element-wise (integers are returned as is)."""
    return _integral_identity(torch.trunc, x, "trunc")


def round(x: Tensor, /) -> Tensor:  # noqa: A001 - the standard's name
    """Round half to even, element-wise; complex input rounds both parts."""
    t = x if type(x) is Tensor else _tensor(x, "round")
    if t.dtype.is_complex:
        return torch.complex(torch.round(t.real), torch.round(t.imag))
    return _integral_identity(torch.round, t, "round")


def signbit(x: Tensor, /) -> Tensor:
    """Whether the sign bit is set (True for -0.0), element-wise."""
    t = _tensor(x, "signbit")
    if t.dtype in UNSIGNED_GAPS or t.dtype == torch.uint8:
        return torch.zeros_like(t, dtype=torch.bool)
    return torch.signbit(t)


def isfinite(x: Tensor, /) -> Tensor:
    """Whether each element is finite (always True for integers)."""
    t = _tensor(x, "isfinite")
    if t.dtype in UNSIGNED_GAPS:
        return torch.ones_like(t, dtype=torch.bool)
    return torch.isfinite(t)


def isinf(x: Tensor, /) -> Tensor:
    """Whether each element is infinite (in either part, for complex input)."""
    t = _tensor(x, "isinf")
    if t.dtype in UNSIGNED_GAPS:
        return torch.zeros_like(t, dtype=torch.bool)
    return torch.isinf(t)


def isnan(x: Tensor, /) -> Tensor:
    """Whether each element is NaN (in either part, for complex input)."""
    t = _tensor(x, "isnan")
    if t.dtype in UNSIGNED_GAPS:
        return torch.zeros_like(t, dtype=torch.bool)
    return torch.isnan(t)


def bitwise_invert(x: Tensor, /) -> Tensor:
    """``~x``: bitwise NOT for integers, logical NOT for bool."""
    t = _tensor(x, "bitwise_invert")
    if t.dtype in _INEXACT:
        raise TypeError(
            f"bitwise_invert: {t.dtype} has no bits to invert; pass an integer or bool array"
        )
    return _unary(torch.bitwise_not, t, "bitwise_invert", "bits")


def logical_not(x: Tensor, /) -> Tensor:
    """Logical NOT (non-zero counts as True); the result is bool."""
    t = _tensor(x, "logical_not")
    if t.dtype in UNSIGNED_GAPS:
        return on_bits(torch.logical_not, t)
    return torch.logical_not(t)


def conj(x: Tensor, /) -> Tensor:
    """Complex conjugate, materialized (no lazy conj bit, as NumPy; array-api-compat#173).

    Real input is returned as a copy.
    """
    t = _tensor(x, "conj")
    return torch.conj_physical(t) if t.dtype.is_complex else t.clone()


def real(x: Tensor, /) -> Tensor:
    """Real part (a copy for real input)."""
    t = _tensor(x, "real")
    return torch.real(t).clone() if t.dtype.is_complex else t.clone()


def imag(x: Tensor, /) -> Tensor:
    """Imaginary part (zeros of ``x``'s dtype for real input)."""
    t = _tensor(x, "imag")
    return torch.imag(t).clone() if t.dtype.is_complex else torch.zeros_like(t)


# ---- binary --------------------------------------------------------------------------------


def add(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 + x2``, element-wise, with the standard's promotion (no 0-d tensor quirk)."""
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _NATIVE:
        return torch.add(x1, x2)
    return _binary(torch.add, x1, x2, "add", "bits")


def subtract(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 - x2``, element-wise."""
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _NATIVE:
        return torch.subtract(x1, x2)
    return _binary(torch.subtract, x1, x2, "subtract", "bits")


def multiply(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 * x2``, element-wise."""
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _NATIVE:
        return torch.multiply(x1, x2)
    return _binary(torch.multiply, x1, x2, "multiply", "bits")


def divide(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 / x2``, element-wise; integers divide in the default float dtype (float64)."""
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _INEXACT:
        return torch.divide(x1, x2)
    return _binary(torch.divide, x1, x2, "divide", "value", floating=True)


def floor_divide(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 // x2``, element-wise, with Python's (and NumPy's) pairing to ``remainder``."""
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _NATIVE:
        return torch.floor_divide(x1, x2)
    return _binary(torch.floor_divide, x1, x2, "floor_divide", "value")


def remainder(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 % x2``, element-wise; the result has the divisor's sign (Python's rule)."""
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _NATIVE:
        out = torch.remainder(x1, x2)
    else:
        out = _binary(torch.remainder, x1, x2, "remainder", "value")
    if out.dtype in _REAL_FLOATS:
        # A zero remainder takes the divisor's sign, as in NumPy and the standard; torch keeps
        # the dividend's (remainder(-0.0, 3) is -0.0). Non-zero results already have it.
        divisor = x2 if isinstance(x2, (Tensor, int, float)) else _tensor(x2, "remainder")
        out = torch.copysign(out, divisor)
    return out


def pow(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:  # noqa: A001 - the standard's name
    """``x1 ** x2``, element-wise."""
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _NATIVE:
        return torch.pow(x1, x2)
    return _binary(torch.pow, x1, x2, "pow", "value")


def _floating_binary(fn: Callable[..., Tensor], x1: object, x2: object, where: str) -> Tensor:
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and x1.dtype is x2.dtype
        and x1.dtype in _REAL_FLOATS
    ):
        return fn(x1, x2)
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
    return _floating_binary(torch.atan2, x1, x2, "atan2")


def copysign(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``|x1|`` with the sign of ``x2``, element-wise."""
    return _floating_binary(torch.copysign, x1, x2, "copysign")


def hypot(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``sqrt(x1**2 + x2**2)`` without undue overflow, element-wise."""
    return _floating_binary(torch.hypot, x1, x2, "hypot")


def logaddexp(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``log(exp(x1) + exp(x2))``, element-wise."""
    return _floating_binary(torch.logaddexp, x1, x2, "logaddexp")


def nextafter(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """The next representable value after ``x1`` toward ``x2``, element-wise."""
    return _floating_binary(torch.nextafter, x1, x2, "nextafter")


def _compare(
    fn: Callable[..., Tensor], x1: object, x2: object, where: str, uint: UintMode
) -> Tensor:
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _NATIVE:
        return fn(x1, x2)
    return _binary(fn, x1, x2, where, uint)


def equal(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 == x2``, element-wise (bool)."""
    return _compare(torch.eq, x1, x2, "equal", "bits")


def not_equal(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 != x2``, element-wise (bool)."""
    return _compare(torch.ne, x1, x2, "not_equal", "bits")


def greater(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 > x2``, element-wise (bool)."""
    return _compare(torch.gt, x1, x2, "greater", "order")


def greater_equal(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 >= x2``, element-wise (bool)."""
    return _compare(torch.ge, x1, x2, "greater_equal", "order")


def less(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 < x2``, element-wise (bool)."""
    return _compare(torch.lt, x1, x2, "less", "order")


def less_equal(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 <= x2``, element-wise (bool)."""
    return _compare(torch.le, x1, x2, "less_equal", "order")


def maximum(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Element-wise maximum (NaN propagates)."""
    return _compare(torch.maximum, x1, x2, "maximum", "order")


def minimum(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Element-wise minimum (NaN propagates)."""
    return _compare(torch.minimum, x1, x2, "minimum", "order")


def _bitwise(
    fn: Callable[..., Tensor], x1: object, x2: object, where: str, uint: UintMode
) -> Tensor:
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _NATIVE:
        if x1.dtype in _INEXACT:
            raise TypeError(f"{where}: {x1.dtype} has no bits; pass integer or bool arrays")
        return fn(x1, x2)
    a, b, dt = _operands(x1, x2, where)
    if dt in _INEXACT:
        raise TypeError(f"{where}: {dt} has no bits; pass integer or bool arrays")
    return _binary(fn, a, b, where, uint)


def bitwise_and(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 & x2``, element-wise."""
    return _bitwise(torch.bitwise_and, x1, x2, "bitwise_and", "bits")


def bitwise_or(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 | x2``, element-wise."""
    return _bitwise(torch.bitwise_or, x1, x2, "bitwise_or", "bits")


def bitwise_xor(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 ^ x2``, element-wise."""
    return _bitwise(torch.bitwise_xor, x1, x2, "bitwise_xor", "bits")


def bitwise_left_shift(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 << x2``, element-wise (shifting by the bit width or more gives 0)."""
    return _bitwise(_left_shift, x1, x2, "bitwise_left_shift", "value")


def bitwise_right_shift(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """``x1 >> x2``, element-wise (arithmetic for signed, logical for unsigned)."""
    return _bitwise(torch.bitwise_right_shift, x1, x2, "bitwise_right_shift", "value")


def _left_shift(a: Tensor, b: Tensor | int) -> Tensor:
    return torch.bitwise_left_shift(a, b)


def _logical(fn: Callable[..., Tensor], x1: object, x2: object, where: str) -> Tensor:
    if type(x1) is Tensor and type(x2) is Tensor:
        return fn(x1, x2)
    a, b, _ = _operands(x1, x2, where)
    ta = a if isinstance(a, Tensor) else torch.tensor(a)
    tb_ = b if isinstance(b, Tensor) else torch.tensor(b)
    return fn(ta.to(torch.bool), tb_.to(torch.bool))


def logical_and(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Logical AND (non-zero counts as True); the result is bool."""
    return _logical(torch.logical_and, x1, x2, "logical_and")


def logical_or(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Logical OR (non-zero counts as True); the result is bool."""
    return _logical(torch.logical_or, x1, x2, "logical_or")


def logical_xor(x1: ArrayOrScalar, x2: ArrayOrScalar, /) -> Tensor:
    """Logical XOR (non-zero counts as True); the result is bool."""
    return _logical(torch.logical_xor, x1, x2, "logical_xor")


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


def clip(
    x: Tensor,
    /,
    min: ArrayOrScalar | None = None,  # noqa: A002 - the standard's names
    max: ArrayOrScalar | None = None,  # noqa: A002
) -> Tensor:
    """``x`` limited to ``[min, max]``, element-wise; the result keeps ``x``'s dtype.

    Bounds outside ``x``'s integer range are saturated to it.
    """
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
