"""NumPy's element-wise names beyond the standard.

NumPy's spellings of the standard's functions are the standard's function objects themselves
(``tb.absolute is tb.abs``, ``tb.power is tb.pow``, ``tb.around is tb.round``, ...): no wrapper,
no cost. The ufunc-style functions NumPy has and the standard lacks (``fmax``, ``fmod``,
``rint``, ``sinc``, ``nan_to_num``, ...) are built as the standard's are: the binary ones by
the same factory, with the same fast path, ``out=`` and ufunc methods (``tb.fmax.reduce``, ...).

Dtypes follow tbridge's rules where NumPy's legacy ufunc loops differ: integer input to a
floating function computes in the default floating dtype (float64), where NumPy picks float16
for int8/uint8 and float32 for int16/uint16; bool input to a floating function is a TypeError.

Memory and autograd: every result is new memory on the inputs' autograd graph, except where a
docstring says otherwise (``nan_to_num(copy=False)`` writes into its input; ``real_if_close``
of real input returns the input itself, as NumPy does).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Final, Protocol

import numpy as np
import torch
from torch import Tensor
from torch.compiler import is_dynamo_compiling

from tbridge._convert.gate import as_tensor, retold, with_dtype, write_out
from tbridge._core.axes import axis_error
from tbridge._core.dtypes import (
    SIGNED_INTEGERS,
    DTypeLike,
    default_float_dtype,
    int_out_of_bounds,
)
from tbridge._core.promotion import kind_rank
from tbridge._core.tracing import values_checkable
from tbridge._namespace.elementwise import (
    _INEXACT,
    _NATIVE,
    _REAL_FLOATS,
    _SIGN_NUMPY_MAX,
    _TORCH_PROMOTES,
    ArrayLike,
    BinaryUfunc,
    _binary,
    _binary_doc,
    _complex_int_power,
    _complex_pow,
    _failure,
    _floating_binary,
    _floating_unary,
    _integer_exponent,
    _integral_identity,
    _masked_divisor,
    _operands,
    _remainder_values,
    _Spec,
    _tensor,
    _ufunc2,
    _zero_safe,
    floor_divide,
    imag,
    real,
    remainder,
)
from tbridge._namespace.elementwise import abs as absolute
from tbridge._namespace.elementwise import acos as arccos
from tbridge._namespace.elementwise import acosh as arccosh
from tbridge._namespace.elementwise import asin as arcsin
from tbridge._namespace.elementwise import asinh as arcsinh
from tbridge._namespace.elementwise import atan as arctan
from tbridge._namespace.elementwise import atan2 as arctan2
from tbridge._namespace.elementwise import atanh as arctanh
from tbridge._namespace.elementwise import bitwise_invert as bitwise_not
from tbridge._namespace.elementwise import bitwise_invert as invert
from tbridge._namespace.elementwise import bitwise_left_shift as left_shift
from tbridge._namespace.elementwise import bitwise_right_shift as right_shift
from tbridge._namespace.elementwise import conj as conjugate
from tbridge._namespace.elementwise import divide as true_divide
from tbridge._namespace.elementwise import pow as power
from tbridge._namespace.elementwise import remainder as mod
from tbridge._namespace.elementwise import round as around

# NumPy's spellings of the standard's functions (the same objects: absolute, arccos, ...,
# true_divide) and NumPy's functions beyond the standard.
__all__ = [
    "absolute",
    "angle",
    "arccos",
    "arccosh",
    "arcsin",
    "arcsinh",
    "arctan",
    "arctan2",
    "arctanh",
    "around",
    "bitwise_count",
    "bitwise_not",
    "cbrt",
    "conjugate",
    "deg2rad",
    "degrees",
    "divmod",
    "exp2",
    "fabs",
    "fix",
    "float_power",
    "fmax",
    "fmin",
    "fmod",
    "frexp",
    "gcd",
    "heaviside",
    "i0",
    "invert",
    "iscomplex",
    "iscomplexobj",
    "isneginf",
    "isposinf",
    "isreal",
    "isrealobj",
    "lcm",
    "ldexp",
    "left_shift",
    "logaddexp2",
    "mod",
    "modf",
    "nan_to_num",
    "power",
    "rad2deg",
    "radians",
    "real_if_close",
    "right_shift",
    "rint",
    "sinc",
    "spacing",
    "true_divide",
    "unwrap",
]

_REAL_NATIVE: Final = _NATIVE - {torch.complex64, torch.complex128}
_REAL_PROMOTES: Final = {k: v for k, v in _TORCH_PROMOTES.items() if not v.is_complex}
_REAL_NUMERIC: Final = _REAL_NATIVE - {torch.bool}
#: The integer dtypes torch computes gcd/lcm for.
_INTEGERS: Final = frozenset({torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8})


# ---- binary, built as the standard's are ---------------------------------------------------


def _ordered_real(fn: Any, name: str) -> Any:
    """The slow path of fmax/fmin: complex operands are refused (torch has no kernel)."""

    def slow(x1: object, x2: object) -> Tensor:
        a, b, dt = _operands(x1, x2, name)
        if dt.is_complex:
            raise TypeError(f"{name}: complex input is not supported; pass real arrays")
        return _binary(fn, a, b, name, "order")

    return slow


fmax: Final[BinaryUfunc] = _ufunc2(
    "fmax",
    torch.fmax,
    _binary_doc(
        "Element-wise maximum that ignores NaN (NaN only where both are NaN), as ``numpy.fmax``.",
        "tb.fmax(tb.asarray([1.0, float('nan'), float('nan')]), [2.0, 0.0, float('nan')])",
        "tensor([2., 0., nan], dtype=torch.float64)",
        "Complex operands are a TypeError (torch has no kernel; NumPy orders them).",
    ),
    _Spec("fmax", None, True),
    slow=_ordered_real(torch.fmax, "fmax"),
    same=_REAL_NATIVE,
    promotes=_REAL_PROMOTES,
)
fmin: Final[BinaryUfunc] = _ufunc2(
    "fmin",
    torch.fmin,
    _binary_doc(
        "Element-wise minimum that ignores NaN (NaN only where both are NaN), as ``numpy.fmin``.",
        "tb.fmin(tb.asarray([1.0, float('nan'), float('nan')]), [2.0, 0.0, float('nan')])",
        "tensor([1., 0., nan], dtype=torch.float64)",
        "Complex operands are a TypeError (torch has no kernel; NumPy orders them).",
    ),
    _Spec("fmin", None, True),
    slow=_ordered_real(torch.fmin, "fmin"),
    same=_REAL_NATIVE,
    promotes=_REAL_PROMOTES,
)

_fmod_safe = _zero_safe(torch.fmod, "fmod")
fmod: Final[BinaryUfunc] = _ufunc2(
    "fmod",
    torch.fmod,
    _binary_doc(
        "C's ``fmod``, element-wise: the remainder has the dividend's sign (``remainder`` takes "
        "the divisor's).",
        "tb.fmod(tb.asarray([7, -7]), 2)",
        "tensor([ 1, -1])",
        "Integer division by zero gives 0 with a RuntimeWarning, as in NumPy (torch raises); "
        "bool and complex operands are a TypeError.",
    ),
    _Spec("fmod"),
    slow=lambda x1, x2: _binary(_fmod_safe, x1, x2, "fmod", "value"),
    same=_REAL_NUMERIC,
    promotes=_REAL_PROMOTES,
)


def _heaviside(a: Tensor, b: Tensor) -> Tensor:
    """torch.heaviside with NumPy's NaN: NaN input gives NaN (torch gives 0). Small arrays in
    host memory off the autograd graph are computed by ``numpy.heaviside`` instead (one call,
    the same values: ``host=`` below), as ``sign`` does; never while dynamo traces."""
    if not is_dynamo_compiling():
        try:
            na = a.numpy()
            if na.size <= _SIGN_NUMPY_MAX:
                return torch.from_numpy(np.heaviside(na, b.numpy()))
        except (TypeError, RuntimeError, ValueError):
            # another device, a graph, a neg bit, bfloat16 (numpy()), 0-d (a NumPy scalar),
            # shapes that do not broadcast (torch's error is translated with the operands'
            # shapes)
            pass
    return _heaviside_kernels(a, b)


def _heaviside_kernels(a: Tensor, b: Tensor) -> Tensor:
    return torch.where(torch.isnan(a), a, torch.heaviside(a, b))


heaviside: Final[BinaryUfunc] = _ufunc2(
    "heaviside",
    _heaviside_kernels,
    _binary_doc(
        "The Heaviside step: 0 where ``x1 < 0``, ``x2`` where ``x1 == 0``, 1 where ``x1 > 0`` "
        "(NaN where ``x1`` is NaN).",
        "tb.heaviside(tb.asarray([-1.5, 0.0, 2.0]), 0.5)",
        "tensor([0.0000, 0.5000, 1.0000], dtype=torch.float64)",
        "Integer operands compute in the default floating dtype; complex ones are a TypeError.",
    ),
    _Spec("heaviside"),
    slow=lambda x1, x2: _floating_binary(_heaviside, x1, x2, "heaviside"),
    same=_REAL_FLOATS,
    host=np.heaviside,
)


def _integer_binary(fn: Any, name: str, what: str) -> Any:
    """The slow path of gcd/lcm: integer operands only."""

    def slow(x1: object, x2: object) -> Tensor:
        a, b, dt = _operands(x1, x2, name)
        if kind_rank(dt) != 1:
            raise TypeError(f"{name}: {dt} has no {what}; pass integer arrays")
        return _binary(fn, a, b, name, "value")

    return slow


def _gcd_kernel(a: Tensor, b: Tensor) -> Tensor:
    """torch.gcd, made non-negative: where the smallest integer (-2**(n-1)) meets an odd
    number, torch's Euclid ends on -1 (``gcd(int8(-128), int8(-127))``), NumPy's on 1. The
    result of -2**(n-1) itself (no positive form) stays as NumPy leaves it."""
    return torch.gcd(a, b).abs_()


gcd: Final[BinaryUfunc] = _ufunc2(
    "gcd",
    _gcd_kernel,
    _binary_doc(
        "The greatest common divisor of ``|x1|`` and ``|x2|``, element-wise.",
        "tb.gcd(tb.asarray([12, -20]), 8)",
        "tensor([4, 4])",
        "Integer operands only (anything else is a TypeError, as in NumPy).",
    ),
    _Spec("gcd", 0, True, identity_first=True),
    slow=_integer_binary(_gcd_kernel, "gcd", "greatest common divisor"),
    same=_INTEGERS,
)
lcm: Final[BinaryUfunc] = _ufunc2(
    "lcm",
    torch.lcm,
    _binary_doc(
        "The lowest common multiple of ``|x1|`` and ``|x2|``, element-wise.",
        "tb.lcm(tb.asarray([4, -6]), 6)",
        "tensor([12,  6])",
        "Integer operands only (anything else is a TypeError, as in NumPy).",
    ),
    _Spec("lcm"),
    slow=_integer_binary(torch.lcm, "lcm", "lowest common multiple"),
    same=_INTEGERS,
)
logaddexp2: Final[BinaryUfunc] = _ufunc2(
    "logaddexp2",
    torch.logaddexp2,
    _binary_doc(
        "``log2(2**x1 + 2**x2)``, element-wise.",
        "tb.logaddexp2(tb.asarray([1.0]), tb.asarray([1.0]))",
        "tensor([2.], dtype=torch.float64)",
        "Integer operands compute in the default floating dtype; complex ones are a TypeError.",
    ),
    _Spec("logaddexp2", -math.inf, True, identity_first=True),
    slow=lambda x1, x2: _floating_binary(torch.logaddexp2, x1, x2, "logaddexp2"),
    same=_REAL_FLOATS,
)


def _float_power_slow(x1: object, x2: object) -> Tensor:
    a, b, dt = _operands(x1, x2, "float_power", integer=False)
    target = torch.complex128 if dt.is_complex else torch.float64
    ta = a.to(target) if isinstance(a, Tensor) else None
    tb_ = b.to(target) if isinstance(b, Tensor) else None
    device = (ta if ta is not None else tb_).device  # type: ignore[union-attr]
    if ta is None:
        ta = torch.tensor(a, dtype=target, device=device)
    if tb_ is None:
        tb_ = torch.tensor(b, dtype=target, device=device)
    if target is torch.complex128:
        if isinstance(a, Tensor) and (n := _integer_exponent(x2)) is not None:
            return _complex_int_power(ta, n)  # NumPy's repeated squaring, as pow's
        return _complex_pow(ta, tb_)  # NumPy's 0 ** 0 and zero bases; torch.float_power: NaN
    return torch.float_power(ta, tb_)


#: float_power's fast path: two tensors of real dtypes (complex ones take the slow path).
_FLOAT_POWER_REAL: Final = frozenset(d for d in _NATIVE if not d.is_complex)
_FLOAT_POWER_PAIRS: Final = {
    (d, e): torch.float64 for d in _FLOAT_POWER_REAL for e in _FLOAT_POWER_REAL if d is not e
}


float_power: Final[BinaryUfunc] = _ufunc2(
    "float_power",
    torch.float_power,
    _binary_doc(
        "``x1 ** x2`` computed in float64 (complex128 for complex operands), as "
        "``numpy.float_power``.",
        "tb.float_power(tb.asarray([2, 3]), -1)",
        "tensor([0.5000, 0.3333], dtype=torch.float64)",
    ),
    _Spec("float_power"),
    slow=_float_power_slow,
    # torch's float_power takes any two real tensors and computes in float64
    same=_FLOAT_POWER_REAL,
    promotes=_FLOAT_POWER_PAIRS,
)


def ldexp(
    x1: ArrayLike,
    x2: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """``x1 * 2**x2``, element-wise, exact (no rounding before the final result).

    Parameters
    ----------
    x1 : array_like
        Mantissas: floating (integers compute in the default floating dtype).
    x2 : array_like
        Exponents: integers (floating exponents are a TypeError, as in NumPy).
    out : Tensor, optional
        Where to write the result (NumPy's ``same_kind`` casting); it is returned.
    where : array_like of bool, optional
        Where to compute; ``out`` keeps its values elsewhere (NumPy's ufunc ``where=``).

    Returns
    -------
    Tensor
        ``x1``'s floating dtype, new memory on ``x1``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.ldexp(tb.asarray([1.0, 0.75]), tb.asarray([3, -1]))
    tensor([8.0000, 0.3750], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(ldexp, (x1, x2), out, where, dtype)
    try:
        if (
            out is None
            and where is True
            and type(x1) is Tensor
            and type(x2) is Tensor
            and x1.dtype in _HOST_LDEXP_EXACT
            and x2.dtype in _INT_EXPONENTS
            and x1.is_cpu
            and not is_dynamo_compiling()
        ):
            return torch.ldexp(x1, x2)  # torch's host kernel is C's ldexp here (checked below)
        t = x1 if type(x1) is Tensor else _tensor(x1, "ldexp")
        if (
            type(x2) is int
            and (span := _POWERS_OF_TWO.get(t.dtype)) is not None
            and -span[0] <= x2 <= span[1]
        ):
            # one exact power of two, one rounding (float16 and bfloat16 compute in float32)
            return write_out(t * (2.0**x2), out, "ldexp", where)
        fix = "every exponent past 1100 in size already gives 0 or inf; clip it first"
        if (error := int_out_of_bounds(x2, torch.int64, fix, "ldexp")) is not None:
            raise error  # as NumPy 2, whose exponents are C longs
        e = x2 if type(x2) is Tensor else as_tensor(x2, "ldexp", "x2")
        if kind_rank(e.dtype) > 1 or t.dtype.is_complex:
            raise TypeError(
                f"ldexp: needs real mantissas x1 and integer exponents x2, got {t.dtype} and "
                f"{e.dtype}; pass integer exponents (tb.astype(x2, tb.int64))"
            )
        if t.dtype not in _REAL_FLOATS:
            if t.dtype == torch.bool:
                raise TypeError("ldexp: a bool array has no floating meaning; cast it first")
            t = t.to(default_float_dtype())
        return write_out(_ldexp(t, e), out, "ldexp", where)
    except RuntimeError as err:
        raise _failure(err, "ldexp", (x1, x2)) from err


#: The exponent range beyond which ``m * 2**k`` (0.5 <= |m| < 1) is 0 or inf, per dtype.
_LDEXP_SPAN: Final = {torch.float32: 160, torch.float64: 1100}
_INT_EXPONENTS: Final = frozenset({torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8})
#: The normal powers of two of the dtype torch multiplies in (float32 for float16/bfloat16):
#: ``x * 2**e`` is one exact factor and one rounding for ``-lo <= e <= hi``.
_POWERS_OF_TWO: Final = {
    torch.float16: (126, 127),
    torch.bfloat16: (126, 127),
    torch.float32: (126, 127),
    torch.float64: (1022, 1023),
}


def _host_ldexp_exact() -> frozenset[torch.dtype]:
    """The mantissa dtypes for which torch's eager host ldexp rounds once over the whole
    exponent range (older torch computed ``x * 2**e``, which is inf or 0 where ``2**e`` is out
    of range though the result is not): probed once at import on values where the two differ."""
    exact = set()
    for dtype in _LDEXP_SPAN:
        info = torch.finfo(dtype)
        top = math.frexp(info.max)[1] - 1  # 1023, 127
        bottom = math.frexp(info.smallest_normal * info.eps)[1] - 1  # -1074, -149
        pairs = [(0.5, top + 1), (2.0**100, bottom - 50), (2.0**bottom, top + 10), (-3.0, -top)]
        pairs += [(-0.75, bottom + 1), (-(2.0**-60), bottom + 2 * top)]
        x = torch.tensor([m for m, _ in pairs], dtype=dtype)
        e = torch.tensor([k for _, k in pairs])
        want = torch.tensor([math.ldexp(m, k) for m, k in pairs], dtype=dtype)
        try:
            got = torch.ldexp(x, e)
        except RuntimeError:  # pragma: no cover - a torch without this kernel on the host
            continue
        if torch.equal(got, want) and torch.equal(got.signbit(), want.signbit()):
            exact.add(dtype)
    return frozenset(exact)


#: The mantissa dtypes whose host ``torch.ldexp`` needs no range check (float32 and float64 with
#: the torch this was written against).
_HOST_LDEXP_EXACT: Final = _host_ldexp_exact()


def _ldexp(t: Tensor, e: Tensor) -> Tensor:
    """``t * 2**e`` with one rounding.

    When every exponent is a normal power of two of the computing dtype, one product does it;
    otherwise ``t = m * 2**k`` (frexp) and ``m * 2**(k + e)`` is two exact power-of-two factors
    (each representable), so again only the last product rounds.
    """
    if t.dtype not in _LDEXP_SPAN:  # float16/bfloat16: exactly in float32, rounded once
        return _ldexp(t.to(torch.float32), e).to(t.dtype)
    if t.device.type == "meta" or not e.numel():
        return torch.ldexp(t, e)
    if values_checkable(e):  # (else the two factors below, which give the same values)
        low, high = _POWERS_OF_TWO[t.dtype]
        bounds = torch.aminmax(e)
        if -low <= int(bounds.min) and int(bounds.max) <= high:
            return torch.ldexp(t, e)  # (x times one exact power of two)
    span = _LDEXP_SPAN[t.dtype]
    two = torch.tensor(2.0, dtype=t.dtype, device=t.device)
    mantissa, k = torch.frexp(t)
    total = torch.clamp(k.to(torch.int64) + e.to(torch.int64), -span, span)
    half = torch.div(total, 2, rounding_mode="floor")
    return mantissa * torch.pow(two, half) * torch.pow(two, total - half)


def divmod(  # noqa: A001 - NumPy's name
    x1: ArrayLike,
    x2: ArrayLike,
    /,
    out: tuple[Tensor | None, Tensor | None] = (None, None),
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> tuple[Tensor, Tensor]:
    """``(floor_divide(x1, x2), remainder(x1, x2))`` in one call, as ``numpy.divmod``.

    Integer division by zero gives 0 for both, with one RuntimeWarning, as in NumPy.

    Parameters
    ----------
    x1, x2 : array_like
        Real operands; they broadcast together.
    out : tuple of two Tensors or None, optional
        Where to write the quotient and the remainder (NumPy's ``same_kind`` casting).
    where : array_like of bool, optional
        Where to compute; the ``out`` tensors keep their values elsewhere (NumPy's ufunc
        ``where=``); a zero divisor left out by the mask does not warn.

    Returns
    -------
    tuple of Tensor
        The quotient and the remainder (new memory, or the ``out`` tensors).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.divmod(tb.asarray([7, -7]), 2)
    (tensor([ 3, -4]), tensor([1, 1]))
    """
    if dtype is not None:
        return with_dtype(divmod, (x1, x2), out, where, dtype)
    _check_pair(out, "divmod")
    try:
        if (
            out[0] is None
            and out[1] is None
            and where is True
            and type(x1) is Tensor
            and type(x2) is Tensor
            and x1.dtype is x2.dtype
            and x1.dtype in _REAL_FLOATS
        ):
            try:
                return floor_divide(x1, x2), remainder(x1, x2)
            except ValueError as e:  # shapes that do not broadcast: told as divmod's
                raise retold(e, "floor_divide", "divmod") from e
        if where is not True:
            x2 = _masked_divisor(x2, where, "divmod")
        q = _binary(_divmod_quotient, x1, x2, "divmod", "value")
        r = _remainder_values(x1, x2, _divmod_remainder, "divmod")
        return write_out(q, out[0], "divmod", where), write_out(r, out[1], "divmod", where)
    except RuntimeError as e:
        raise _failure(e, "divmod", (x1, x2)) from e


_divmod_quotient = _zero_safe(torch.floor_divide, "divmod")
_divmod_remainder = _zero_safe(torch.remainder, None)  # warned once, by the quotient


# ---- unary ---------------------------------------------------------------------------------


def rint(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Round to the nearest integer, half to even, element-wise (a floating result).

    Integer input gives the default floating dtype, as ``numpy.rint`` gives float64 for
    int64; complex input rounds both parts.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.rint(tb.asarray([0.5, 1.5, -2.5]))
    tensor([ 0.,  2., -2.], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(rint, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _REAL_FLOATS:
            return torch.round(x)
        return write_out(_floating_unary(_rint_any, x, "rint"), out, "rint", where)
    except RuntimeError as e:
        raise _failure(e, "rint", (x,)) from e


def _rint_any(t: Tensor) -> Tensor:
    if t.is_complex():
        return torch.complex(torch.round(t.real), torch.round(t.imag))
    return torch.round(t)


def fix(x: ArrayLike, /, out: Tensor | None = None) -> Tensor:
    """Round toward zero, element-wise; integers (and bools) are returned as they are.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fix(tb.asarray([-2.5, 2.5]))
    tensor([-2.,  2.], dtype=torch.float64)
    """
    try:
        if out is None and type(x) is Tensor and x.dtype in _REAL_FLOATS:
            return torch.trunc(x)
        return write_out(_integral_identity(torch.trunc, x, "fix"), out, "fix")
    except RuntimeError as e:
        raise _failure(e, "fix", (x,)) from e


class _Unary(Protocol):
    """The signature of the real-floating unary functions (``cbrt``, ``degrees``, ...)."""

    __name__: str

    def __call__(
        self,
        x: ArrayLike,
        /,
        out: Tensor | None = None,
        where: ArrayLike = True,
        dtype: DTypeLike | None = None,
    ) -> Tensor: ...


def _real_floating_unary(fn: Callable[[Tensor], Tensor], x: object, caller: str) -> Tensor:
    """``_floating_unary`` for functions of real input only (complex is a TypeError)."""
    t = x if type(x) is Tensor else _tensor(x, caller)
    if t.dtype.is_complex:
        raise TypeError(f"{caller}: complex input is not supported; pass a real array")
    return _floating_unary(fn, t, caller)


def _real_unary(fn: Callable[[Tensor], Tensor], name: str, doc: str) -> _Unary:
    """A real-floating unary function: floats go straight to ``fn``, integers to the default
    floating dtype, complex and bool input is a TypeError."""

    def ufunc(
        x: ArrayLike,
        /,
        out: Tensor | None = None,
        where: ArrayLike = True,
        dtype: DTypeLike | None = None,
    ) -> Tensor:
        if dtype is not None:
            return with_dtype(ufunc, (x,), out, where, dtype)
        try:
            if out is None and where is True and type(x) is Tensor and x.dtype in _REAL_FLOATS:
                return fn(x)
            return write_out(_real_floating_unary(fn, x, name), out, name, where)
        except RuntimeError as e:
            raise _failure(e, name, (x,)) from e

    ufunc.__name__ = ufunc.__qualname__ = name
    ufunc.__doc__ = doc
    return ufunc


def _unary_doc(summary: str, example: str, result: str) -> str:
    return f"""{summary}

Integer input computes in the default floating dtype (float64); complex and bool input is a
TypeError. ``out`` receives the result with NumPy's ``same_kind`` casting and is returned.

Examples
--------
>>> import tbridge as tb
>>> {example}
{result}
"""


def _cbrt(t: Tensor) -> Tensor:
    # torch has no cbrt: |x| ** (1/3) with x's sign (within an ulp or two of C's cbrt)
    return torch.copysign(torch.pow(torch.abs(t), 1.0 / 3.0), t)


cbrt: Final[_Unary] = _real_unary(
    _cbrt,
    "cbrt",
    _unary_doc(
        "The real cube root, element-wise (negative for negative input).",
        "tb.cbrt(tb.asarray([8.0, -1.0]))",
        "tensor([ 2., -1.], dtype=torch.float64)",
    ),
)
degrees: Final[_Unary] = _real_unary(
    torch.rad2deg,
    "degrees",
    _unary_doc(
        "Radians to degrees, element-wise.",
        "tb.degrees(tb.asarray([3.141592653589793]))",
        "tensor([180.], dtype=torch.float64)",
    ),
)
rad2deg: Final[_Unary] = _real_unary(
    torch.rad2deg,
    "rad2deg",
    _unary_doc(
        "Radians to degrees, element-wise (``degrees``).",
        "tb.rad2deg(tb.asarray([3.141592653589793]))",
        "tensor([180.], dtype=torch.float64)",
    ),
)
radians: Final[_Unary] = _real_unary(
    torch.deg2rad,
    "radians",
    _unary_doc(
        "Degrees to radians, element-wise.",
        "tb.radians(tb.asarray([180.0]))",
        "tensor([3.1416], dtype=torch.float64)",
    ),
)
deg2rad: Final[_Unary] = _real_unary(
    torch.deg2rad,
    "deg2rad",
    _unary_doc(
        "Degrees to radians, element-wise (``radians``).",
        "tb.deg2rad(tb.asarray([180.0]))",
        "tensor([3.1416], dtype=torch.float64)",
    ),
)
fabs: Final[_Unary] = _real_unary(
    torch.abs,
    "fabs",
    _unary_doc(
        "Absolute value as a floating result, element-wise (``abs`` keeps integers).",
        "tb.fabs(tb.asarray([-2, 3]))",
        "tensor([2., 3.], dtype=torch.float64)",
    ),
)


def _spacing(t: Tensor) -> Tensor:
    # toward the larger magnitude, -0.0 counting as positive (as in NumPy): tiny + max * t is
    # beyond t in t's direction, and tiny (the smallest subnormal) at zero; inf and NaN give NaN
    c = _SPACING_TINY.get(t.dtype) if t.is_cpu else None
    if c is not None:  # one kernel with a 0-d host constant
        return torch.nextafter(t, torch.add(c[0], t, alpha=c[1])) - t
    info = torch.finfo(t.dtype)
    return torch.nextafter(t, t * info.max + info.smallest_normal * info.eps) - t


#: Per floating dtype, its smallest subnormal as a 0-d host tensor and its largest value (for
#: spacing).
_SPACING_TINY: Final = {
    d: (
        torch.tensor(torch.finfo(d).smallest_normal * torch.finfo(d).eps, dtype=d),
        torch.finfo(d).max,
    )
    for d in (torch.float16, torch.bfloat16, torch.float32, torch.float64)
}


spacing: Final[_Unary] = _real_unary(
    _spacing,
    "spacing",
    _unary_doc(
        "The distance from ``x`` to the next representable value of larger magnitude, "
        "element-wise (negative for negative ``x``; NaN for infinities and NaN).",
        "tb.spacing(tb.asarray([1.0, -1.0]))",
        "tensor([ 2.2204e-16, -2.2204e-16], dtype=torch.float64)",
    ),
)
i0: Final[_Unary] = _real_unary(
    torch.special.i0,
    "i0",
    _unary_doc(
        "The modified Bessel function of the first kind, order 0, element-wise.",
        "tb.i0(tb.asarray([0.0, 1.0]))",
        "tensor([1.0000, 1.2661], dtype=torch.float64)",
    ),
)


def exp2(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """``2**x``, element-wise (complex input as ``exp(x * log(2))``).

    Integer input computes in the default floating dtype (float64); bool input is a TypeError.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.exp2(tb.asarray([3, -1]))
    tensor([8.0000, 0.5000], dtype=torch.float64)
    """
    if dtype is not None:
        return with_dtype(exp2, (x,), out, where, dtype)
    try:
        if out is None and where is True and type(x) is Tensor and x.dtype in _INEXACT:
            return torch.exp2(x)
        return write_out(_floating_unary(torch.exp2, x, "exp2"), out, "exp2", where)
    except RuntimeError as e:
        raise _failure(e, "exp2", (x,)) from e


def sinc(x: ArrayLike, /) -> Tensor:
    """The normalized sinc, ``sin(pi x) / (pi x)`` (1 at 0), element-wise, as ``numpy.sinc``.

    Integer input computes in the default floating dtype; complex input is accepted.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.sinc(tb.asarray([0.0, 0.5]))
    tensor([1.0000, 0.6366], dtype=torch.float64)
    """
    try:
        return _floating_unary(torch.sinc, x, "sinc")
    except RuntimeError as e:
        raise _failure(e, "sinc", (x,)) from e


_NO_PAIR: Final[tuple[None, None]] = (None, None)
#: Per floating dtype, 0-d host tensors (-max, max, 1) for modf: a host scalar tensor operand
#: costs torch less per call than a Python number.
_MODF_BOUNDS: Final = {
    d: (
        torch.tensor(-torch.finfo(d).max, dtype=d),
        torch.tensor(torch.finfo(d).max, dtype=d),
        torch.tensor(1.0, dtype=d),
    )
    for d in (torch.float16, torch.bfloat16, torch.float32, torch.float64)
}


def modf(
    x: ArrayLike,
    /,
    out: tuple[Tensor | None, Tensor | None] = _NO_PAIR,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> tuple[Tensor, Tensor]:
    """The fractional and integral parts, element-wise, both with ``x``'s sign.

    ``modf(inf)`` is ``(0.0, inf)`` and ``modf(nan)`` ``(nan, nan)``, as in C and NumPy.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.modf(tb.asarray([2.5, -2.0]))
    (tensor([0.5000, -0.0000], dtype=torch.float64), tensor([ 2., -2.], dtype=torch.float64))
    """
    if dtype is not None:
        return with_dtype(modf, (x,), out, where, dtype)
    try:
        if (
            out is _NO_PAIR
            and where is True
            and type(x) is Tensor
            and (c := _MODF_BOUNDS.get(x.dtype))
            and x.is_cpu
        ):
            # C's fmod keeps x's sign (-2.0 -> -0.0); clamping to the finite range first
            # makes an infinity the largest (integral) finite value, whose part is 0
            return torch.fmod(torch.clamp(x, c[0], c[1]), c[2]), torch.trunc(x)
        _check_pair(out, "modf")
        t = _float_tensor(x, "modf")
        big = torch.finfo(t.dtype).max
        frac = torch.fmod(torch.clamp(t, -big, big), 1.0)
        return (
            write_out(frac, out[0], "modf", where),
            write_out(torch.trunc(t), out[1], "modf", where),
        )
    except RuntimeError as e:
        raise _failure(e, "modf", (x,)) from e


def frexp(
    x: ArrayLike,
    /,
    out: tuple[Tensor | None, Tensor | None] = (None, None),
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> tuple[Tensor, Tensor]:
    """Mantissas in ``[0.5, 1)`` (with ``x``'s sign) and int32 exponents: ``x = m * 2**e``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.frexp(tb.asarray([8.0, 0.75]))
    (tensor([0.5000, 0.7500], dtype=torch.float64), tensor([4, 0], dtype=torch.int32))
    """
    if dtype is not None:
        return with_dtype(frexp, (x,), out, where, dtype)
    _check_pair(out, "frexp")
    try:
        mantissa, exponent = torch.frexp(_float_tensor(x, "frexp"))
        return (
            write_out(mantissa, out[0], "frexp", where),
            write_out(exponent, out[1], "frexp", where),
        )
    except RuntimeError as e:
        raise _failure(e, "frexp", (x,)) from e


def _float_tensor(x: object, caller: str) -> Tensor:
    """``x`` through the gate as a real floating tensor (integers in the default float)."""
    t = x if type(x) is Tensor else _tensor(x, caller)
    if t.dtype in _REAL_FLOATS:
        return t
    if t.dtype.is_complex:
        raise TypeError(f"{caller}: complex input is not supported; pass a real array")
    if t.dtype == torch.bool:
        raise TypeError(f"{caller}: a bool array has no floating meaning; cast it first")
    return t.to(default_float_dtype())


def _check_pair(out: object, caller: str) -> None:
    if not (isinstance(out, tuple) and len(out) == 2):
        raise TypeError(
            f"{caller}: out must be a tuple of two tensors (or Nones), got {out!r}; pass "
            "out=(first, second)"
        )


def nan_to_num(
    x: ArrayLike,
    /,
    copy: bool = True,
    nan: float = 0.0,
    posinf: float | None = None,
    neginf: float | None = None,
) -> Tensor:
    """NaN replaced by ``nan``, infinities by ``posinf``/``neginf`` (the dtype's largest
    finite values by default), in each part of complex input; other dtypes are unchanged.

    Parameters
    ----------
    x : array_like
        Input data.
    copy : bool, optional
        True (default): the result is new memory. False: ``x`` itself is changed in place and
        returned (a tensor, or a tensor sharing a NumPy array's memory, as ``numpy.nan_to_num``
        changes its array); a leaf tensor that requires grad cannot be changed in place.
    nan, posinf, neginf : float, optional
        The replacements.

    Returns
    -------
    Tensor
        On ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.nan_to_num(tb.asarray([float("nan"), float("inf"), 1.0]), posinf=9.0)
    tensor([0., 9., 1.], dtype=torch.float64)
    """
    if not isinstance(copy, bool):
        raise TypeError(f"nan_to_num: copy must be True or False, got {copy!r}")
    try:
        t = x if type(x) is Tensor else _tensor(x, "nan_to_num")
        if not (t.dtype.is_floating_point or t.dtype.is_complex):
            return t.clone() if copy else t
        if copy:  # (complex input: each part, as NumPy)
            return torch.nan_to_num(t, nan, posinf, neginf)
        if t.requires_grad and t.is_leaf:
            raise ValueError(
                "nan_to_num(copy=False): x is a leaf tensor that requires grad, and autograd "
                "cannot record an in-place change of it; pass copy=True"
            )
        return torch.nan_to_num_(t, nan, posinf, neginf)
    except RuntimeError as e:
        raise _failure(e, "nan_to_num", (x,)) from e


def real_if_close(a: ArrayLike, /, tol: float = 100) -> Tensor:
    """The real part of complex ``a`` when every imaginary part is below ``tol``, else ``a``.

    ``tol`` above 1 counts machine epsilons of ``a``'s dtype, otherwise it is absolute (NumPy's
    rule). The result's dtype depends on the values, so this reads them (a host sync; not
    for ``torch.compile`` graphs or meta tensors).

    Memory and autograd: a real part is new memory on ``a``'s graph; otherwise ``a`` itself
    comes back (a tensor argument is the same object), as NumPy returns its input.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.real_if_close(tb.asarray([2.0 + 1e-15j]))
    tensor([2.], dtype=torch.float64)
    """
    try:
        t = a if type(a) is Tensor else _tensor(a, "real_if_close")
        if not t.dtype.is_complex:
            return t
        limit = tol * torch.finfo(t.dtype).eps if tol > 1 else tol
        if t.device.type == "meta":
            raise ValueError(
                "real_if_close: the result's dtype depends on the values, which a meta tensor "
                "does not have; use tb.real on meta tensors"
            )
        return real(t) if bool(torch.all(torch.abs(t.imag) < limit)) else t
    except RuntimeError as e:
        raise _failure(e, "real_if_close", (a,)) from e


def angle(z: ArrayLike, /, deg: bool = False) -> Tensor:
    """The counterclockwise angle from the positive real axis, element-wise, in radians (or
    degrees with ``deg=True``); real input gives 0 or pi (pi for -0.0, as ``atan2(0, x)``).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.angle(tb.asarray([1j, -1.0]), deg=True)
    tensor([ 90., 180.], dtype=torch.float64)
    """
    try:
        t = z if type(z) is Tensor else _tensor(z, "angle")
        if t.dtype.is_complex:
            r = torch.angle(t)
        else:
            if t.dtype not in _REAL_FLOATS:
                t = t.to(default_float_dtype())
            r = torch.atan2(torch.zeros((), dtype=t.dtype, device=t.device), t)
        return r * (180.0 / math.pi) if deg else r
    except RuntimeError as e:
        raise _failure(e, "angle", (z,)) from e


def _no_complex(t: Tensor, caller: str) -> None:
    if t.dtype.is_complex:
        raise TypeError(
            f"{caller}: complex input is ambiguous here (NumPy refuses it too); pass the real or "
            "imaginary part (tb.real, tb.imag)"
        )


def isneginf(x: ArrayLike, /, out: Tensor | None = None) -> Tensor:
    """Whether each element is negative infinity (False for integers).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.isneginf(tb.asarray([-float("inf"), float("inf"), 0.0]))
    tensor([ True, False, False])
    """
    try:
        t = x if type(x) is Tensor else _tensor(x, "isneginf")
        _no_complex(t, "isneginf")
        return write_out(torch.isneginf(t), out, "isneginf")
    except RuntimeError as e:
        raise _failure(e, "isneginf", (x,)) from e


def isposinf(x: ArrayLike, /, out: Tensor | None = None) -> Tensor:
    """Whether each element is positive infinity (False for integers).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.isposinf(tb.asarray([-float("inf"), float("inf"), 0.0]))
    tensor([False,  True, False])
    """
    try:
        t = x if type(x) is Tensor else _tensor(x, "isposinf")
        _no_complex(t, "isposinf")
        return write_out(torch.isposinf(t), out, "isposinf")
    except RuntimeError as e:
        raise _failure(e, "isposinf", (x,)) from e


def isreal(x: ArrayLike, /) -> Tensor:
    """Whether each element has a zero imaginary part (True for all of a real array).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.isreal(tb.asarray([1 + 0j, 1 + 1j]))
    tensor([ True, False])
    """
    try:
        t = x if type(x) is Tensor else _tensor(x, "isreal")
        return imag(t) == 0 if t.dtype.is_complex else torch.ones_like(t, dtype=torch.bool)
    except RuntimeError as e:
        raise _failure(e, "isreal", (x,)) from e


def iscomplex(x: ArrayLike, /) -> Tensor:
    """Whether each element has a non-zero imaginary part (False for all of a real array).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.iscomplex(tb.asarray([1 + 0j, 1 + 1j]))
    tensor([False,  True])
    """
    try:
        t = x if type(x) is Tensor else _tensor(x, "iscomplex")
        return imag(t) != 0 if t.dtype.is_complex else torch.zeros_like(t, dtype=torch.bool)
    except RuntimeError as e:
        raise _failure(e, "iscomplex", (x,)) from e


def iscomplexobj(x: object, /) -> bool:
    """Whether ``x`` has a complex dtype (its values are not looked at).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.iscomplexobj(tb.asarray([1.0])), tb.iscomplexobj(1j)
    (False, True)
    """
    dt = getattr(x, "dtype", None)
    if isinstance(dt, torch.dtype):
        return dt.is_complex
    if isinstance(dt, np.dtype):
        return dt.kind == "c"
    try:
        return as_tensor(x, "iscomplexobj").dtype.is_complex
    except TypeError:  # not numeric data (strings, None, objects): not complex, as in NumPy
        return False


def isrealobj(x: object, /) -> bool:
    """Whether ``x`` does not have a complex dtype (``not iscomplexobj(x)``).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.isrealobj(tb.asarray([1.0])), tb.isrealobj(1j)
    (True, False)
    """
    return not iscomplexobj(x)


def unwrap(
    p: ArrayLike,
    /,
    discont: float | None = None,
    axis: int = -1,
    *,
    period: float = 2 * math.pi,
) -> Tensor:
    """``p`` with jumps between neighbours larger than ``discont`` (``period / 2`` by default)
    along ``axis`` replaced by their equivalents modulo ``period``, as ``numpy.unwrap``.

    Integer ``p`` with an integer ``period`` stays integer; other integer input computes in the
    default floating dtype.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.unwrap(tb.asarray([0, 1, 2, 0, 1, 2]), period=3)
    tensor([0, 1, 2, 3, 4, 5])
    """
    try:
        t = p if type(p) is Tensor else _tensor(p, "unwrap")
        if t.dtype.is_complex or t.dtype == torch.bool:
            raise TypeError(f"unwrap: {t.dtype} phases are not supported; pass real values")
        if t.ndim == 0:
            raise ValueError("unwrap: p is 0-d and has no axis to unwrap along; pass an array")
        integer = kind_rank(t.dtype) == 1 and isinstance(period, int)
        if not integer and t.dtype not in _REAL_FLOATS:
            t = t.to(default_float_dtype())
        dim = axis if -t.ndim <= axis < t.ndim else None
        if dim is None:
            raise axis_error("unwrap", axis, t.ndim, "p")
        if t.shape[dim] < 2:
            return t.clone()
        dd = torch.diff(t, dim=dim)
        if discont is None:
            discont = period / 2
        if integer:
            high, rem = period // 2, period % 2
            ambiguous = rem == 0
        else:
            high, ambiguous = period / 2, True
        low = -high
        ddmod = remainder(dd - low, period) + low
        if ambiguous:
            ddmod = torch.where((ddmod == low) & (dd > 0), high, ddmod)
        correct = torch.where(torch.abs(dd) < discont, 0, ddmod - dd)
        head = t.narrow(dim, 0, 1)
        tail = t.narrow(dim, 1, t.shape[dim] - 1) + torch.cumsum(correct, dim).to(t.dtype)
        return torch.cat((head.clone(), tail), dim)
    except RuntimeError as e:
        raise _failure(e, "unwrap", (p,)) from e


# The binary functions above are made by tbridge._namespace.elementwise._ufunc2 with globals of
# their own, so doctest does not find them in this module's namespace by itself: list them.
__test__: Final[dict[str, BinaryUfunc]] = {
    f.__name__: f for f in (fmax, fmin, fmod, heaviside, gcd, lcm, logaddexp2, float_power)
}


# ---- bitwise_count ----------------------------------------------------------------------------

_BIT_WIDTH: Final = {
    torch.bool: 1, torch.int8: 8, torch.uint8: 8, torch.int16: 16, torch.uint16: 16,
    torch.int32: 32, torch.uint32: 32, torch.int64: 64, torch.uint64: 64,
}  # fmt: skip
_M1: Final = 0x5555555555555555
_M2: Final = 0x3333333333333333
_M4: Final = 0x0F0F0F0F0F0F0F0F
_H01: Final = 0x0101010101010101


def _popcount64(v: Tensor) -> Tensor:
    """The 1-bits of each int64 (its two's complement pattern), as int64: the SWAR count."""
    v = v - ((v >> 1) & _M1)  # each 2-bit field: its count (bit 63's sign copy is masked off)
    v = (v & _M2) + ((v >> 2) & _M2)
    v = (v + (v >> 4)) & _M4  # each byte: its count
    return (v * _H01) >> 56  # the bytes' sum in the top byte (the product wraps, as wanted)


def bitwise_count(
    x: ArrayLike,
    /,
    out: Tensor | None = None,
    where: ArrayLike = True,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """The number of 1-bits in the absolute value of each integer (NumPy's ``bitwise_count``),
    as uint8.

    Integer and bool arrays only; a negative value counts the bits of its magnitude
    (``bitwise_count(-1)`` is 1), the most negative value of a dtype its single bit.

    Memory and autograd: new memory (``out``'s when given), off the graph (integer values).

    Raises
    ------
    TypeError
        For a floating or complex array, or an ``out`` of a lower kind.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.bitwise_count(tb.asarray([0, 7, -1, 255]))
    tensor([0, 3, 1, 8], dtype=torch.uint8)
    """
    if dtype is not None:
        return with_dtype(bitwise_count, (x,), out, where, dtype)
    t = x if type(x) is Tensor else as_tensor(x, "bitwise_count", "x")
    width = _BIT_WIDTH.get(t.dtype)
    if width is None:
        raise TypeError(
            f"bitwise_count: x has dtype {t.dtype}, but bits are counted in integer and bool "
            "arrays only; pass an integer array (x.to(tb.int64) of whole numbers)"
        )
    if t.dtype in SIGNED_INTEGERS:
        v = t.abs()  # the most negative value stays itself: its pattern has one bit, as wanted
    elif t.dtype == torch.uint64:
        v = t.view(torch.int64)
    else:
        v = t
    v = v.to(torch.int64)
    if width < 64:
        v = v & ((1 << width) - 1)
    return write_out(_popcount64(v).to(torch.uint8), out, "bitwise_count", where)
