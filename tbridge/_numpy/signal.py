"""NumPy's signal and numerics functions: convolve, correlate, interp, gradient, ediff1d,
trapezoid, and the polynomial helpers polyfit, polyval, poly, roots, polyder, polyint, polyadd,
polysub, polymul (NumPy's coefficient order: highest power first).

Input goes through the input gate; result dtypes are NumPy 2's (``interp`` and integer input
to ``gradient``/``trapezoid``/``polyfit`` compute in the default float, float64 unless
``tb.default_float`` says otherwise). Bad input raises what NumPy raises, with messages that
name the values; torch's own errors never reach the caller.

Memory and autograd: every result is new memory (``polyint(p, 0)`` returns ``p`` itself, as
NumPy's does); floating results stay on the autograd graph. ``roots``, ``poly`` of complex
zeros and ``polyfit`` look at the data to decide NumPy's result (a real or complex dtype, a
rank warning), so they synchronize with the device.
"""

from __future__ import annotations

import operator
import warnings
from collections.abc import Sequence
from typing import Final, Literal, TypeAlias, overload

import numpy as np
import torch
import torch.nn.functional as F
from numpy.exceptions import AxisError
from torch import Tensor

from tbridge._convert.gate import as_tensor
from tbridge._core.dtypes import (
    INEXACT,
    default_complex_dtype,
    default_float_dtype,
    numpy_dtype_of,
)
from tbridge._core.normalize import raise_for_size
from tbridge._core.promotion import kind_rank, promote
from tbridge._core.tracing import values_checkable
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits
from tbridge._namespace.elementwise import add, subtract
from tbridge._namespace.linalg import _all_finite, eigvals, inv
from tbridge._numpy.linalg import gelsd, lstsq

__all__ = [
    "bartlett",
    "blackman",
    "convolve",
    "correlate",
    "ediff1d",
    "gradient",
    "hamming",
    "hanning",
    "interp",
    "kaiser",
    "poly",
    "polyadd",
    "polyder",
    "polydiv",
    "polyfit",
    "polyint",
    "polymul",
    "polysub",
    "polyval",
    "roots",
    "trapezoid",
]

Mode: TypeAlias = Literal["full", "same", "valid"]

#: NumPy's warning for a rank-deficient fit (numpy.exceptions.RankWarning from NumPy 1.25,
#: numpy.RankWarning before and until 2.0; NumPy 1.26 has only the latter).
RankWarning: Final[type[Warning]] = (
    getattr(np.exceptions, "RankWarning", None) or getattr(np, "RankWarning")  # noqa: B009
)
_MODES: Final = ("full", "same", "valid")
_conv1d: Final = F.conv1d
_gradient: Final = torch.gradient
_eigvals: Final = torch.linalg.eigvals
_vector_norm: Final = torch.linalg.vector_norm
_trapezoid: Final = torch.trapezoid
_diff: Final = torch.diff
_REAL: Final = frozenset({torch.float32, torch.float64})
_FAST_MODES: Final = ("full", "valid")
#: dtypes torch.diff takes, giving NumPy's result.
_DIFF: Final = frozenset(
    {
        torch.int8,
        torch.int16,
        torch.int32,
        torch.int64,
        torch.uint8,
        torch.float16,
        torch.float32,
        torch.float64,
        torch.complex64,
        torch.complex128,
    }
)
_LAPACK_DTYPES: Final = frozenset({torch.float32, torch.float64, torch.complex64, torch.complex128})
#: Coefficient dtypes whose derivative (times int64 steps) stays in the dtype, as in NumPy.
_POLY_WIDE: Final = frozenset({torch.int64, torch.float64, torch.complex128})
_POLY_WIDE_FLOAT: Final = frozenset({torch.float64, torch.complex128})
_INEXACT: Final = INEXACT
#: dtypes torch's conv1d takes on the CPU (bool and uint16/32/64 have no kernel).
_CONV_NATIVE: Final = _INEXACT | {torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8}


def _tensor(x: object, caller: str, name: str) -> Tensor:
    return x if type(x) is Tensor else as_tensor(x, caller, name)


def _floating(t: Tensor) -> Tensor:
    """``t`` in a floating dtype: integers and bool in the default float (NumPy's float64)."""
    return t if t.dtype in _INEXACT else t.to(default_float_dtype())


def _axis(axis: object, ndim: int, caller: str) -> int:
    if isinstance(axis, bool) or not hasattr(axis, "__index__"):
        raise TypeError(f"{caller}: axis={axis!r} must be an integer")
    i = operator.index(axis)  # pyright: ignore[reportArgumentType] - has __index__
    if not -ndim <= i < ndim:
        raise AxisError(
            f"{caller}: axis {i} is out of bounds for an array of {ndim} dimension(s); a valid "
            f"axis is in [{-ndim}, {ndim})"
        )
    return i % ndim


# ---- convolve and correlate -------------------------------------------------------------------


def _vectors(
    a: object, v: object, caller: str, *, scalar: bool = True
) -> tuple[Tensor, Tensor, torch.dtype]:
    """Both operands as 1-D tensors of their promoted dtype (0-d become length 1 where NumPy
    takes them: ``scalar``; else a ValueError, as NumPy's ``correlate`` raises)."""
    x, y = _tensor(a, caller, "a"), _tensor(v, caller, "v")
    for t, name in ((x, "a"), (y, "v")):
        if t.ndim == 0 and not scalar:
            raise ValueError(
                f"{caller}: {name} is 0-d; it must be 1-D (a sequence), as NumPy's is; pass "
                f"tb.atleast_1d({name})"
            )
        if t.ndim > 1:
            raise ValueError(
                f"{caller}: {name} has shape {tuple(t.shape)}; it must be 1-D (a sequence), as "
                "NumPy's is"
            )
        if t.numel() == 0:
            raise ValueError(f"{caller}: {name} is empty; it needs at least one element")
    dt = promote(x.dtype, y.dtype)
    x = x.reshape(1) if x.ndim == 0 else x
    y = y.reshape(1) if y.ndim == 0 else y
    return (x if x.dtype == dt else x.to(dt)), (y if y.dtype == dt else y.to(dt)), dt


def _padding(mode: object, m: int, caller: str) -> tuple[int, int]:
    """Zeros before and after the longer operand for ``mode`` (the shorter has length m)."""
    if mode == "full":
        return m - 1, m - 1
    if mode == "valid":
        return 0, 0
    if mode == "same":
        return m // 2, (m - 1) // 2
    raise ValueError(f"{caller}: mode={mode!r} is not a mode; pass 'full', 'same' or 'valid'")


def _slide(x: Tensor, w: Tensor, pad: tuple[int, int], dt: torch.dtype) -> Tensor:
    """``out[i] = sum_j xpad[i + j] * w[j]`` (torch's conv1d, a cross-correlation), any dtype."""
    if dt == torch.bool:
        return _slide(x.to(torch.int64), w.to(torch.int64), pad, torch.int64) != 0
    if dt in _CONV_NATIVE:
        try:
            if pad[0] == pad[1]:
                out: Tensor = _conv1d(x.view(1, 1, -1), w.view(1, 1, -1), None, 1, pad[0])
            else:
                out = _conv1d(F.pad(x, pad).view(1, 1, -1), w.view(1, 1, -1))
            return out.view(-1)
        except (RuntimeError, NotImplementedError):
            pass  # no kernel for the dtype on this device: the sum of shifted products below
    xp = F.pad(x, pad) if pad != (0, 0) else x
    n = xp.shape[0] - w.shape[0] + 1
    total = xp[:n] * w[0]
    for j in range(1, w.shape[0]):
        total = total + xp[j : j + n] * w[j]
    return total


def convolve(a: Tensor, v: Tensor, /, mode: Mode = "full") -> Tensor:
    """The discrete linear convolution of two 1-D sequences: ``sum_m a[m] * v[n - m]``.

    ``mode``: ``'full'`` (default, length ``N + M - 1``), ``'same'`` (length ``max(N, M)``,
    centred) or ``'valid'`` (only where the sequences overlap fully, length
    ``max(N, M) - min(N, M) + 1``). The operands may be given in either order. Dtypes promote
    by NumPy 2's table; bool gives NumPy's logical result. Computed directly (torch's conv1d),
    not by FFT.

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    ValueError
        For an empty operand, an operand with more than one dimension, or an unknown mode.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.convolve([1, 2, 3], [0, 1, 0.5])
    tensor([0.0000, 1.0000, 2.5000, 4.0000, 1.5000], dtype=torch.float64)
    >>> tb.convolve([1, 2, 3], [0, 1, 0.5], "same")
    tensor([1.0000, 2.5000, 4.0000], dtype=torch.float64)
    """
    if type(a) is Tensor and type(v) is Tensor and a.dtype is v.dtype and a.dtype in _REAL:
        m = v.shape[0] if v.ndim == 1 else 0
        if a.ndim == 1 and a.shape[0] >= m > 0 and mode in _FAST_MODES:
            # The common call: torch's conv1d (a cross-correlation) with v reversed.
            full: Tensor = _conv1d(
                a.view(1, 1, -1), v.flip(0).view(1, 1, -1), None, 1, m - 1 if mode == "full" else 0
            )
            return full.view(-1)
    x, y, dt = _vectors(a, v, "convolve")
    pad = _padding(mode, min(x.shape[0], y.shape[0]), "convolve")
    if dt in UNSIGNED_GAPS:
        return on_bits(lambda p, q: _convolve(p, q, pad, p.dtype), x, y)
    return _convolve(x, y, pad, dt)


def _convolve(x: Tensor, y: Tensor, pad: tuple[int, int], dt: torch.dtype) -> Tensor:
    if y.shape[0] > x.shape[0]:
        x, y = y, x
    return _slide(x, y.flip(0), pad, dt)


def correlate(a: Tensor, v: Tensor, /, mode: Mode = "valid") -> Tensor:
    """The cross-correlation of two 1-D sequences: ``c[k] = sum_n a[n + k] * conj(v[n])``.

    ``mode`` as in :func:`convolve`, but ``'valid'`` by default. Complex ``v`` is
    conjugated. When ``v`` is the longer operand the result is NumPy's: the correlation of
    ``v`` with ``a``, reversed and conjugated. Dtypes promote by NumPy 2's table.

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    ValueError
        For an empty or 0-d operand, an operand with more than one dimension, or an unknown
        mode.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.correlate([1, 2, 3], [0, 1, 0.5])
    tensor([3.5000], dtype=torch.float64)
    >>> tb.correlate([1, 2, 3], [0, 1, 0.5], "full")
    tensor([0.5000, 2.0000, 3.5000, 3.0000, 0.0000], dtype=torch.float64)
    """
    if type(a) is Tensor and type(v) is Tensor and a.dtype is v.dtype and a.dtype in _REAL:
        m = v.shape[0] if v.ndim == 1 else 0
        if a.ndim == 1 and a.shape[0] >= m > 0 and mode in _FAST_MODES:
            # The common call: torch's conv1d is a cross-correlation.
            c: Tensor = _conv1d(
                a.view(1, 1, -1), v.view(1, 1, -1), None, 1, 0 if mode == "valid" else m - 1
            )
            return c.view(-1)
    x, y, dt = _vectors(a, v, "correlate", scalar=False)
    pad = _padding(mode, min(x.shape[0], y.shape[0]), "correlate")
    if dt in UNSIGNED_GAPS:
        return on_bits(lambda p, q: _correlate(p, q, pad, p.dtype), x, y)
    return _correlate(x, y, pad, dt)


def _correlate(x: Tensor, y: Tensor, pad: tuple[int, int], dt: torch.dtype) -> Tensor:
    if y.shape[0] <= x.shape[0]:
        return _slide(x, y.conj() if y.is_complex() else y, pad, dt)
    out = _slide(y, x.conj() if x.is_complex() else x, pad, dt).flip(0)
    return out.conj().resolve_conj() if out.is_complex() else out


# ---- interp -----------------------------------------------------------------------------------


def interp(
    x: Tensor,
    xp: Tensor,
    fp: Tensor,
    /,
    left: float | complex | None = None,
    right: float | complex | None = None,
    period: float | None = None,
) -> Tensor:
    """One-dimensional piecewise linear interpolation of the samples ``(xp, fp)`` at ``x``.

    ``xp`` must be increasing (not checked, as in NumPy) unless ``period`` is given, which
    makes the samples periodic (``xp`` is reduced modulo ``period`` and sorted; ``left`` and
    ``right`` are ignored). Below ``xp[0]`` the result is ``left`` (default ``fp[0]``), above
    ``xp[-1]`` it is ``right`` (default ``fp[-1]``). The result has ``x``'s shape and the
    default float dtype (complex for complex ``fp``), as NumPy's is float64.

    Memory and autograd: new memory, on the graphs of ``x`` and ``fp`` (and ``xp``).

    Raises
    ------
    ValueError
        When ``xp`` or ``fp`` is not 1-D, they differ in length, ``xp`` is empty, or
        ``period`` is 0.
    TypeError
        For complex ``x`` or ``xp``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.interp([0.5, 1.5, 3.0], [0, 1, 2], [0.0, 10.0, 20.0])
    tensor([ 5., 15., 20.], dtype=torch.float64)
    """
    xt = _tensor(x, "interp", "x")
    xpt = _tensor(xp, "interp", "xp")
    fpt = _tensor(fp, "interp", "fp")
    if xpt.ndim != 1 or fpt.ndim != 1:
        raise ValueError(
            f"interp: xp has shape {tuple(xpt.shape)} and fp {tuple(fpt.shape)}; both must be "
            "1-D sequences of samples"
        )
    if xpt.shape[0] != fpt.shape[0]:
        raise ValueError(
            f"interp: xp has {xpt.shape[0]} samples and fp {fpt.shape[0]}; they must have the "
            "same length"
        )
    if xpt.shape[0] == 0:
        raise ValueError("interp: xp is empty; pass at least one sample point")
    if xt.is_complex() or xpt.is_complex():
        raise TypeError("interp: x and xp must be real (only fp may be complex)")
    real = default_float_dtype()
    xt = xt if xt.dtype is real else xt.to(real)
    xpt = xpt if xpt.dtype is real else xpt.to(real)
    ft = default_complex_dtype() if fpt.is_complex() else real
    fpt = fpt if fpt.dtype is ft else fpt.to(ft)
    if period is not None:
        if isinstance(period, (bool, complex)) or not hasattr(period, "__float__"):
            raise TypeError(f"interp: period={period!r} must be a real number")
        size = abs(float(period))
        if size == 0:
            raise ValueError("interp: period=0; a period must be non-zero")
        left = right = None
        xt = torch.remainder(xt, size)
        xpt = torch.remainder(xpt, size)
        order = torch.argsort(xpt, stable=True)
        xpt, fpt = xpt[order], fpt[order]
        xpt = torch.cat([xpt[-1:] - size, xpt, xpt[:1] + size])
        fpt = torch.cat([fpt[-1:], fpt, fpt[:1]])
    n = xpt.shape[0]
    if n == 1:
        result = fpt[0].expand(xt.shape).clone()
    else:
        j = (torch.searchsorted(xpt, xt, right=True) - 1).clamp_(0, n - 2)
        x0, x1, f0, f1 = xpt.take(j), xpt.take(j + 1), fpt.take(j), fpt.take(j + 1)
        slope = (f1 - f0) / (x1 - x0)
        result = slope * (xt - x0) + f0
        if not values_checkable(result) or bool(torch.isnan(result).any()):
            # NumPy's fixes (rare, so looked for first, where the values can be read): from
            # the right end when the left gives NaN (an infinite slope), the common value of a
            # flat step, and an exact sample point's own value.
            result = torch.where(torch.isnan(result), slope * (xt - x1) + f1, result)
            result = torch.where(torch.isnan(result) & (f0 == f1), f0, result)
            result = torch.where(xt == x0, f0, result)
    first, last = xpt[0], xpt[-1]
    low = fpt[0] if left is None else torch.as_tensor(left, dtype=fpt.dtype, device=fpt.device)
    result = torch.where(xt < first, low, result)
    if right is None:
        return torch.where(xt >= last, fpt[-1], result)  # the last sample is exactly fp[-1]
    high = torch.as_tensor(right, dtype=fpt.dtype, device=fpt.device)
    result = torch.where(xt == last, fpt[-1], result)
    return torch.where(xt > last, high, result)


# ---- gradient, ediff1d, trapezoid -----------------------------------------------------------


@overload
def gradient(
    f: Tensor, /, *varargs: object, axis: int, edge_order: Literal[1, 2] = 1
) -> Tensor: ...
@overload
def gradient(
    f: Tensor,
    /,
    *varargs: object,
    axis: Sequence[int] | None = None,
    edge_order: Literal[1, 2] = 1,
) -> Tensor | tuple[Tensor, ...]: ...
def gradient(
    f: Tensor,
    /,
    *varargs: object,
    axis: int | Sequence[int] | None = None,
    edge_order: Literal[1, 2] = 1,
) -> Tensor | tuple[Tensor, ...]:
    """The gradient of ``f`` by second-order central differences inside and first- or
    second-order (``edge_order``) one-sided differences at the boundaries.

    ``varargs`` is the spacing: nothing (1 along every axis), one scalar for every axis, or
    one value per axis, each a scalar step or a 1-D array of coordinates (as long as the
    axis). ``axis`` picks the axes (all by default). One axis gives one tensor; several give
    a tuple, one per axis. Integers are differentiated in the default float.

    Memory and autograd: new memory, on ``f``'s graph (and the coordinates').

    Raises
    ------
    ValueError
        When an axis has fewer than ``edge_order + 1`` points, coordinates are not 1-D or do
        not match their axis, or ``edge_order`` is not 1 or 2.
    TypeError
        For a number of spacings other than 0, 1 or one per axis.
    numpy.exceptions.AxisError
        For an axis out of bounds.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.gradient([1.0, 2.0, 4.0, 7.0])
    tensor([1.0000, 1.5000, 2.5000, 3.0000], dtype=torch.float64)
    >>> tb.gradient([1.0, 2.0, 4.0, 7.0], 2.0)
    tensor([0.5000, 0.7500, 1.2500, 1.5000], dtype=torch.float64)
    """
    if (
        not varargs
        and axis is None
        and edge_order == 1
        and type(f) is Tensor
        and f.dtype in _REAL
        and f.ndim
    ):
        try:
            found = _gradient(f)  # unit spacing along every axis: torch's defaults
            return found[0] if f.ndim == 1 else found
        except RuntimeError:
            pass  # an axis too short: explained below
    t = _tensor(f, "gradient", "f")
    if t.dtype == torch.bool:
        raise TypeError("gradient: f is bool, which has no differences; cast it to a number")
    t = _floating(t)
    nd = t.ndim
    if axis is None:
        axes = list(range(nd))
    elif isinstance(axis, Sequence):
        axes = [_axis(a, nd, "gradient") for a in axis]
    else:
        axes = [_axis(axis, nd, "gradient")]
    if len(set(axes)) != len(axes):
        raise ValueError(f"gradient: axis={axis!r} names an axis twice")
    if edge_order not in (1, 2) or isinstance(edge_order, bool):
        raise ValueError(f"gradient: edge_order={edge_order!r} must be 1 or 2")
    if len(varargs) == 0:
        steps: list[object] = [1.0] * len(axes)
    elif len(varargs) == 1 and _is_scalar_step(varargs[0]):
        steps = [varargs[0]] * len(axes)
    elif len(varargs) == len(axes):
        steps = list(varargs)
    else:
        raise TypeError(
            f"gradient: {len(varargs)} spacing arguments for {len(axes)} axes; pass none, "
            "one scalar, or one per axis"
        )
    for ax in axes:
        if t.shape[ax] < edge_order + 1:
            raise ValueError(
                f"gradient: f has shape {tuple(t.shape)}, {t.shape[ax]} point(s) along axis "
                f"{ax}; edge_order={edge_order} needs at least {edge_order + 1}"
            )
    spacing: list[float] | list[Tensor]
    if all(_is_scalar_step(s) for s in steps):
        spacing = [_step(s) for s in steps]
    else:
        spacing = [_coordinates(s, t, ax) for s, ax in zip(steps, axes, strict=True)]
    found = torch.gradient(t, spacing=spacing, dim=axes, edge_order=edge_order)
    # NumPy computes with the spacing's precision and stores in f's dtype.
    parts = tuple(p if p.dtype == t.dtype else p.to(t.dtype) for p in found)
    return parts[0] if len(axes) == 1 else parts


def _is_scalar_step(s: object) -> bool:
    """Whether a spacing is one step (a number or 0-d array) rather than coordinates."""
    if hasattr(s, "ndim"):
        return s.ndim == 0  # type: ignore[no-any-return]
    return not isinstance(s, Sequence)


def _step(s: object) -> float:
    if isinstance(s, bool) or not hasattr(s, "__float__"):
        raise TypeError(f"gradient: spacing {s!r} must be a number or an array of coordinates")
    return float(s)  # pyright: ignore[reportArgumentType] - has __float__


def _coordinates(s: object, t: Tensor, ax: int) -> Tensor:
    """A spacing as coordinates along axis ``ax``: a scalar step becomes ``arange * step``."""
    if _is_scalar_step(s):
        h = _step(s)
        return torch.arange(t.shape[ax], dtype=t.real.dtype, device=t.device) * h
    c = _floating(s if type(s) is Tensor else as_tensor(s, "gradient", "spacing", device=t.device))
    if c.ndim != 1:
        raise ValueError(
            f"gradient: coordinates of shape {tuple(c.shape)} for axis {ax}; they must be "
            "scalars or 1-D"
        )
    if c.shape[0] != t.shape[ax]:
        raise ValueError(
            f"gradient: {c.shape[0]} coordinates for axis {ax} of size {t.shape[ax]}; 1-D "
            "coordinates must match the length of their axis"
        )
    return c


def _same_kind(src: torch.dtype, dst: torch.dtype) -> bool:
    """NumPy's ``same_kind`` casting rule (signed to unsigned is not the same kind)."""
    a, b = numpy_dtype_of(src), numpy_dtype_of(dst)
    if a is None or b is None:
        return kind_rank(src) <= kind_rank(dst)
    return bool(np.can_cast(a, b, casting="same_kind"))


def ediff1d(
    ary: Tensor, /, to_end: Tensor | float | None = None, to_begin: Tensor | float | None = None
) -> Tensor:
    """The differences between consecutive elements of the flattened ``ary``, with ``to_begin``
    before and ``to_end`` after (each flattened).

    The result has ``ary``'s dtype (unsigned differences wrap); ``to_begin`` and ``to_end``
    must cast to it under NumPy's ``same_kind`` rule.

    Memory and autograd: new memory, on the graphs of ``ary`` and the additions.

    Raises
    ------
    TypeError
        For bool ``ary`` (NumPy has no bool subtraction), or additions of a higher kind.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.ediff1d([1, 2, 4, 7], to_begin=-99)
    tensor([-99,   1,   2,   3])
    """
    if to_end is None and to_begin is None and type(ary) is Tensor and ary.dtype in _DIFF:
        d: Tensor = _diff(ary.reshape(-1))
        return d
    t = _tensor(ary, "ediff1d", "ary").reshape(-1)
    if t.dtype == torch.bool:
        raise TypeError(
            "ediff1d: ary is bool, which NumPy does not subtract; cast it to an integer (or "
            "use tb.not_equal(a[1:], a[:-1]) for where it changes)"
        )
    diffs = subtract(t[1:], t[:-1])
    pieces = [diffs]
    for extra, name in ((to_begin, "to_begin"), (to_end, "to_end")):
        if extra is None:
            continue
        e = _tensor(extra, "ediff1d", name).reshape(-1)
        if not _same_kind(e.dtype, t.dtype):
            raise TypeError(
                f"ediff1d: {name} is {e.dtype}, which cannot be cast to ary's {t.dtype} under "
                "NumPy's 'same_kind' rule; pass values of ary's kind"
            )
        e = e.to(device=t.device, dtype=t.dtype)
        pieces.insert(0 if name == "to_begin" else len(pieces), e)
    return pieces[0] if len(pieces) == 1 else torch.cat(pieces)


def trapezoid(y: Tensor, /, x: Tensor | None = None, dx: float = 1.0, axis: int = -1) -> Tensor:
    """The integral of ``y`` along ``axis`` by the composite trapezoidal rule.

    The samples are spaced ``dx`` apart, or at the coordinates ``x`` (1-D with one per sample
    along ``axis``, or an array that broadcasts with ``y``). Integers and bool integrate in
    the default float. NumPy 2's name (``trapz``, its old name, is gone from NumPy 2.4).

    Memory and autograd: new memory, on the graphs of ``y`` and ``x``.

    Raises
    ------
    ValueError
        When 1-D ``x`` does not have one coordinate per sample, or ``x`` does not broadcast.
    numpy.exceptions.AxisError
        For an axis out of bounds.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.trapezoid([1, 2, 3])
    tensor(4., dtype=torch.float64)
    >>> tb.trapezoid([1, 2, 3], x=[0.0, 1.0, 3.0])
    tensor(6.5000, dtype=torch.float64)
    """
    if x is None and dx == 1.0 and axis == -1 and type(y) is Tensor and y.dtype in _REAL:
        try:
            area: Tensor = _trapezoid(y)
            return area
        except (RuntimeError, IndexError):
            pass  # a 0-d y: explained below
    t = _tensor(y, "trapezoid", "y")
    ax = _axis(axis, t.ndim, "trapezoid")
    if t.dtype == torch.bool:
        # NumPy adds neighbouring bools as bools (a logical or) before halving.
        n = t.shape[ax]
        m = max(n - 1, 0)
        t = (t.narrow(ax, min(1, n), m) | t.narrow(ax, 0, m)).to(default_float_dtype())
        pairs_are_sums = True
    else:
        t = _floating(t)
        pairs_are_sums = False
    if x is None:
        if isinstance(dx, bool) or not hasattr(dx, "__float__"):
            raise TypeError(f"trapezoid: dx={dx!r} must be a real number")
        if pairs_are_sums:
            return t.sum(ax) * (float(dx) / 2)
        out: Tensor = torch.trapezoid(t, dx=float(dx), dim=ax)
        return out
    c = _floating(x if type(x) is Tensor else as_tensor(x, "trapezoid", "x", device=t.device))
    common = promote(t.dtype, c.dtype)
    t, c = t.to(common), c.to(common)
    samples = t.shape[ax] + (1 if pairs_are_sums else 0)
    if c.ndim == 1 and c.shape[0] != samples:
        raise ValueError(
            f"trapezoid: x has {c.shape[0]} coordinates for {samples} samples along axis "
            f"{ax}; pass one coordinate per sample"
        )
    try:
        if pairs_are_sums:
            steps = torch.diff(c, dim=-1 if c.ndim == 1 else ax)
            if c.ndim == 1:
                steps = steps.reshape([-1 if i == ax else 1 for i in range(t.ndim)])
            return (steps * t / 2).sum(ax)
        return torch.trapezoid(t, c, dim=ax)
    except RuntimeError as e:
        raise ValueError(
            f"trapezoid: x of shape {tuple(c.shape)} does not broadcast with y of shape "
            f"{tuple(t.shape)} along axis {ax}; pass 1-D x or an array of y's shape"
        ) from e


# ---- polynomials --------------------------------------------------------------------------------


def _scalar_coefficients(caller: str, name: str) -> TypeError:
    """NumPy's TypeError for 0-d coefficients where it iterates over them."""
    return TypeError(
        f"{caller}: {name} is 0-d; polynomial coefficients are 1-D (highest power "
        f"first), as NumPy needs them here; pass tb.atleast_1d({name}) for a constant"
    )


def _coefficients(p: object, caller: str, name: str = "p", *, scalar: bool = True) -> Tensor:
    """Polynomial coefficients as a 1-D tensor (a 0-d array is one coefficient where NumPy
    takes one: ``scalar``; else a TypeError, as NumPy's)."""
    t = _tensor(p, caller, name)
    if t.ndim == 0:
        if not scalar:
            raise _scalar_coefficients(caller, name)
        return t.reshape(1)
    if t.ndim != 1:
        raise ValueError(
            f"{caller}: {name} has shape {tuple(t.shape)}; polynomial coefficients are 1-D "
            "(highest power first)"
        )
    return t


def _order(m: object, caller: str, opposite: str) -> int:
    if isinstance(m, bool) or not hasattr(m, "__index__"):
        raise TypeError(f"{caller}: m={m!r} must be an integer")
    k = operator.index(m)  # pyright: ignore[reportArgumentType] - has __index__
    if k < 0:
        raise ValueError(
            f"{caller}: m={k} is negative; pass m >= 0 (for the other way, {opposite})"
        )
    return k


def polyval(p: Tensor, x: Tensor, /) -> Tensor:
    """The polynomial with coefficients ``p`` (highest power first) evaluated at ``x``.

    Horner's scheme; the result has ``x``'s shape (broadcast with 2-D ``p``'s columns) and
    the promoted dtype of ``p`` and ``x``.

    Memory and autograd: new memory, on the graphs of ``p`` and ``x``.

    Raises
    ------
    TypeError
        For 0-d ``p`` (NumPy's error).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.polyval([3, 0, 1], 5)
    tensor(76)
    """
    c = _tensor(p, "polyval", "p")
    v = _tensor(x, "polyval", "x")
    if c.ndim == 0:
        raise _scalar_coefficients("polyval", "p")
    dt = promote(c.dtype, v.dtype) if c.shape[0:1] != (0,) else v.dtype
    if c.ndim == 0:
        c = c.reshape(1)
    y = torch.zeros_like(v, dtype=dt)
    for i in range(c.shape[0]):
        y = add(y * v, c[i]) if dt in UNSIGNED_GAPS else y * v + c[i]
    return y


def polyder(p: Tensor, /, m: int = 1) -> Tensor:
    """The ``m``-th derivative of the polynomial with coefficients ``p`` (highest power first).

    The result has ``m`` fewer coefficients (none left once ``m`` passes the degree), in the
    dtype NumPy gives: ``p``'s promoted with int64.

    Memory and autograd: new memory, on ``p``'s graph.

    Raises
    ------
    ValueError
        For ``m < 0``, or ``p`` that is not 1-D.
    TypeError
        For 0-d ``p`` (NumPy's error).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.polyder([1, 1, 1, 1])
    tensor([3, 2, 1])
    """
    if m == 1 and type(p) is Tensor and p.dtype in _POLY_WIDE and p.ndim == 1:
        n = p.shape[0] - 1
        return p[:-1] * torch.arange(n, 0, -1, device=p.device)  # p's dtype: NumPy's here
    k = _order(m, "polyder", "tb.polyint")
    c = _coefficients(p, "polyder", scalar=False)
    if k == 0:
        return c
    dt = promote(c.dtype, torch.int64)
    c = c.to(dt)
    for _ in range(k):
        n = c.shape[0] - 1
        if n <= 0:
            return c[:0]
        c = c[:-1] * torch.arange(n, 0, -1, device=c.device)
    return c


def polyint(p: Tensor, /, m: int = 1, k: float | Sequence[float] | Tensor | None = None) -> Tensor:
    """The ``m``-th antiderivative of the polynomial with coefficients ``p``.

    ``k`` holds the integration constants, the first for the first integration: a scalar
    (used every time), or ``m`` values; zeros by default. The result is floating (``p``'s
    dtype promoted with the default float) with ``m`` more coefficients. ``m=0`` returns
    ``p`` itself, as NumPy does.

    Memory and autograd: new memory (``p`` for ``m=0``), on ``p``'s graph.

    Raises
    ------
    ValueError
        For ``m < 0``, ``p`` that is not 1-D, or fewer than ``m`` constants in ``k``.
    TypeError
        For 0-d ``p`` (NumPy's error).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.polyint([3, 2, 1])
    tensor([1., 1., 1., 0.], dtype=torch.float64)
    """
    if m == 1 and k is None and type(p) is Tensor and p.dtype in _POLY_WIDE_FLOAT and p.ndim == 1:
        n = p.shape[0]
        steps = torch.arange(n, 0, -1, dtype=p.real.dtype, device=p.device)
        return torch.cat([p / steps, p.new_zeros(1)])
    order = _order(m, "polyint", "tb.polyder")
    c = _coefficients(p, "polyint", scalar=False)
    if order == 0:
        return c
    dt = promote(c.dtype, default_float_dtype())
    if k is None:
        consts = torch.zeros(order, dtype=dt, device=c.device)
    else:
        consts = _tensor(k, "polyint", "k").reshape(-1)
    if consts.shape[0] == 1 and order > 1:
        consts = consts.expand(order)
    if consts.shape[0] < order:
        raise ValueError(
            f"polyint: k has {consts.shape[0]} constants for m={order} integrations; pass a "
            "scalar or at least m values"
        )
    dt = promote(dt, consts.dtype)
    c, consts = c.to(dt), consts.to(dtype=dt, device=c.device)
    for i in range(order):
        n = c.shape[0]
        steps = torch.arange(n, 0, -1, dtype=c.real.dtype, device=c.device)
        c = torch.cat([c / steps, consts[i : i + 1]])
    return c


def _padded_pair(a1: object, a2: object, caller: str) -> tuple[Tensor, Tensor]:
    x = _coefficients(a1, caller, "a1")
    y = _coefficients(a2, caller, "a2")
    dt = promote(x.dtype, y.dtype)
    if x.shape[0] < y.shape[0]:
        x = torch.cat([torch.zeros(y.shape[0] - x.shape[0], dtype=x.dtype, device=x.device), x])
    elif y.shape[0] < x.shape[0]:
        y = torch.cat([torch.zeros(x.shape[0] - y.shape[0], dtype=y.dtype, device=y.device), y])
    return x.to(dt), y.to(dt)


def polyadd(a1: Tensor, a2: Tensor, /) -> Tensor:
    """The sum of two polynomials (coefficients highest power first; the shorter is padded).

    Memory and autograd: new memory, on both operands' graphs.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.polyadd([1, 2], [9, 5, 4])
    tensor([9, 6, 6])
    """
    if (
        type(a1) is Tensor
        and type(a2) is Tensor
        and a1.dtype is a2.dtype
        and a1.ndim == 1
        and a1.shape == a2.shape
    ):
        try:
            return a1 + a2  # one length and dtype (bool: logical or, as NumPy)
        except RuntimeError:
            pass  # uint16/32/64: below
    x, y = _padded_pair(a1, a2, "polyadd")
    return add(x, y)


def polysub(a1: Tensor, a2: Tensor, /) -> Tensor:
    """The difference of two polynomials (coefficients highest power first).

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    TypeError
        For bool coefficients (NumPy has no bool subtraction).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.polysub([2, 10, -2], [3, 10, -4])
    tensor([-1,  0,  2])
    """
    if (
        type(a1) is Tensor
        and type(a2) is Tensor
        and a1.dtype is a2.dtype
        and a1.ndim == 1
        and a1.shape == a2.shape
    ):
        try:
            return a1 - a2  # one length and dtype
        except RuntimeError:
            pass  # bool, uint16/32/64: below
    x, y = _padded_pair(a1, a2, "polysub")
    if x.dtype == torch.bool:
        raise TypeError("polysub: bool coefficients cannot be subtracted; cast them to numbers")
    return subtract(x, y)


def polymul(a1: Tensor, a2: Tensor, /) -> Tensor:
    """The product of two polynomials (coefficients highest power first): their convolution,
    after dropping leading zero coefficients (as NumPy does; the result's length depends on
    the data, so this synchronizes with the device).

    Memory and autograd: new memory, on both operands' graphs.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.polymul([1, 2, 3], [9, 5, 1])
    tensor([ 9, 23, 38, 17,  3])
    """
    x = _coefficients(a1, "polymul", "a1")
    y = _coefficients(a2, "polymul", "a2")
    if x.numel() and y.numel() and not x.is_meta and bool(x[0]) and bool(y[0]):
        return convolve(x, y)  # no leading zeros (the common case): one look each
    return convolve(_leading_trimmed(x), _leading_trimmed(y))


def _leading_trimmed(c: Tensor) -> Tensor:
    """``c`` without its leading zero coefficients (one zero left of an all-zero ``c``), as
    NumPy's polymul reads its operands (a sync: the length depends on the data). No
    coefficients at all are the zero polynomial, ``[0]``, as NumPy's ``poly1d`` reads them."""
    if not c.numel():
        return torch.zeros(1, dtype=c.dtype, device=c.device)
    if c.is_meta:
        return c
    nonzero = torch.nonzero(c != 0).reshape(-1)
    return c[int(nonzero[0]) :] if nonzero.numel() else c[-1:]


def _lexsorted(z: Tensor) -> Tensor:
    """Complex values sorted by real part, then imaginary part (NumPy's complex order)."""
    by_imag = torch.argsort(z.imag, stable=True)
    z = z[by_imag]
    return z[torch.argsort(z.real, stable=True)]


def poly(seq_of_zeros: Tensor, /) -> Tensor:
    """The coefficients (highest power first, leading 1) of the monic polynomial with the given
    zeros; for a square matrix, of its characteristic polynomial.

    Integer, bool and float16 zeros give float64 (the default float); complex zeros that come
    in conjugate pairs give real coefficients, as in NumPy. No zeros give ``1.0``.

    Memory and autograd: new memory, on the zeros' graph.

    Raises
    ------
    ValueError
        For an array that is neither 1-D nor a non-empty square matrix.
    TypeError
        For a 0-d array (NumPy's error).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.poly([1, 2])
    tensor([ 1., -3.,  2.], dtype=torch.float64)
    """
    z = _tensor(seq_of_zeros, "poly", "seq_of_zeros")
    if z.ndim == 0:
        raise TypeError(
            "poly: seq_of_zeros is 0-d; pass the zeros as a 1-D array (tb.atleast_1d), or a "
            "square matrix for its characteristic polynomial"
        )
    if z.ndim == 2 and z.shape[0] == z.shape[1] and z.shape[0] != 0:
        z = eigvals(z)
    elif z.ndim != 1:
        raise ValueError(
            f"poly: seq_of_zeros has shape {tuple(z.shape)}; pass 1-D zeros or a non-empty "
            "square matrix"
        )
    if z.dtype not in (torch.float32, torch.float64, torch.complex64, torch.complex128):
        z = z.to(default_float_dtype())
    if z.shape[0] == 0:
        return torch.ones((), dtype=default_float_dtype(), device=z.device)
    a = torch.ones(1, dtype=z.dtype, device=z.device)
    zero = torch.zeros(1, dtype=z.dtype, device=z.device)
    for i in range(z.shape[0]):
        a = torch.cat([a, zero]) - z[i] * torch.cat([zero, a])
    if a.is_complex() and bool((_lexsorted(z) == _lexsorted(z.conj())).all()):
        a = a.real.clone()
    return a


def roots(p: Tensor, /) -> Tensor:
    """The roots of the polynomial with coefficients ``p`` (highest power first).

    The eigenvalues of the companion matrix, as NumPy computes them (in LAPACK's order).
    Leading zeros are dropped; trailing zeros are roots at 0. The result is real when every
    root is (NumPy's rule), complex otherwise; integers compute in the default float.

    Memory and autograd: new memory, on ``p``'s graph.

    Raises
    ------
    ValueError
        For ``p`` that is not 1-D.
    TypeError
        For 0-d ``p`` (NumPy's error).
    LinAlgError
        For coefficients that are inf or NaN.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.roots([1, -3, 2])
    tensor([2., 1.], dtype=torch.float64)
    """
    c = _tensor(p, "roots", "p")
    if c.ndim == 0:
        raise _scalar_coefficients("roots", "p")
    if c.ndim != 1:
        raise ValueError(f"roots: p has shape {tuple(c.shape)}; it must be 1-D (a rank-1 array)")
    if c.dtype not in _INEXACT:
        c = c.to(default_float_dtype())
    n = c.shape[0]
    if n > 1 and not c.is_meta:
        # The common case in one look at the data: no zeros to trim at either end and a
        # finite companion matrix (which LAPACK's eigenvalue routine takes safely).
        top = -c[1:] / c[0]
        if _all_finite(top) and bool(c[-1]):
            below = torch.eye(n - 2, n - 1, dtype=c.dtype, device=c.device)
            found: Tensor = _eigvals(torch.cat([top.unsqueeze(0), below]))
            if not c.is_complex() and not bool(found.imag.any()):
                found = found.real  # every root real: NumPy's real result
            return found
    trailing = 0
    if not c.is_meta:
        nonzero = torch.nonzero(c != 0).reshape(-1).tolist()
        if not nonzero:
            return torch.zeros(0, dtype=default_float_dtype(), device=c.device)
        first, last = nonzero[0], nonzero[-1]
        trailing = c.shape[0] - last - 1
        c = c[first : last + 1]
    n = c.shape[0]
    if n > 1:
        top = (-c[1:] / c[0]).unsqueeze(0)
        below = torch.eye(n - 2, n - 1, dtype=c.dtype, device=c.device)
        found = eigvals(torch.cat([top, below]))
        if not c.is_complex() and not c.is_meta and not bool(found.imag.any()):
            found = found.real  # every root real: NumPy's real result (meta: unknowable)
    else:
        found = c[:0]
    if trailing:
        return torch.cat([found, found.new_zeros(trailing)])
    return found


# ---- polyfit ------------------------------------------------------------------------------------


def _fit(lhs: Tensor, rhs: Tensor, tol: float) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """:func:`tbridge.linalg.lstsq` on operands already checked (its checks are polyfit's)."""
    if not lhs.is_cpu:
        return lstsq(lhs, rhs, tol)
    common = promote(lhs.dtype, rhs.dtype)
    lhs, rhs = lhs.to(common), rhs.to(common)
    if common not in _LAPACK_DTYPES:
        return lstsq(lhs, rhs, tol)  # its refusal of half precision
    sol, res, rank, s = gelsd(lhs, rhs, tol, "polyfit", "x (or w)")
    return sol, res, rank.int(), s


def polyfit(
    x: Tensor,
    y: Tensor,
    /,
    deg: int,
    rcond: float | None = None,
    full: bool = False,
    w: Tensor | None = None,
    cov: bool | Literal["unscaled"] = False,
) -> Tensor | tuple[Tensor, ...]:
    """The least-squares polynomial fit of degree ``deg`` to the points ``(x, y)``: its
    coefficients, highest power first (one column per column of a 2-D ``y``).

    The Vandermonde matrix is scaled column-wise before :func:`tbridge.linalg.lstsq`, as in
    NumPy. ``rcond`` (default ``len(x) * eps``) sets the cutoff for small singular values;
    ``w`` weights each point (``w[i]`` multiplies the residual, so use ``1/sigma``).
    ``full=True`` returns ``(p, residuals, rank, singular_values, rcond)``; ``cov=True``
    returns ``(p, covariance)``, scaled by the residuals over ``len(x) - deg - 1`` unless
    ``cov="unscaled"``. A rank-deficient fit warns with NumPy's ``RankWarning`` (unless
    ``full``).

    Memory and autograd: new memory, on the graphs of ``x``, ``y`` and ``w``.

    Raises
    ------
    ValueError
        For ``deg < 0``, or ``cov`` scaling with no more points than coefficients.
    TypeError
        When ``x`` is not a non-empty 1-D array, ``y`` not 1-D or 2-D of ``x``'s length, or
        ``w`` not 1-D of that length (NumPy raises TypeError there).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.polyfit([0.0, 1.0, 2.0, 3.0], [1.0, 3.0, 5.0, 7.0], 1)
    tensor([2.0000, 1.0000], dtype=torch.float64)
    """
    if isinstance(deg, bool) or not hasattr(deg, "__index__"):
        raise TypeError(f"polyfit: deg={deg!r} must be an integer")
    order = operator.index(deg) + 1
    xt = _floating(_tensor(x, "polyfit", "x"))
    yt = _floating(_tensor(y, "polyfit", "y"))
    if order < 1:
        raise ValueError(f"polyfit: deg={deg} is negative; pass deg >= 0")
    if xt.ndim != 1:
        raise TypeError(f"polyfit: x has shape {tuple(xt.shape)}; it must be a 1-D vector")
    if xt.shape[0] == 0:
        raise TypeError("polyfit: x is empty; it needs at least one point")
    if yt.ndim not in (1, 2):
        raise TypeError(f"polyfit: y has shape {tuple(yt.shape)}; it must be 1-D or 2-D")
    if xt.shape[0] != yt.shape[0]:
        raise TypeError(
            f"polyfit: x has {xt.shape[0]} points and y {yt.shape[0]}; they must have the same "
            "length"
        )
    tol = xt.shape[0] * torch.finfo(xt.dtype).eps if rcond is None else rcond
    # The Vandermonde matrix, highest power first, in x's dtype promoted with int64 (NumPy's).
    vdt = promote(xt.dtype, torch.int64)
    powers = torch.arange(order - 1, -1, -1, device=xt.device)
    lhs = xt.to(vdt).unsqueeze(-1) ** powers
    rhs = yt
    if w is not None:
        wt = _floating(_tensor(w, "polyfit", "w"))
        if wt.ndim != 1:
            raise TypeError(f"polyfit: w has shape {tuple(wt.shape)}; weights must be 1-D")
        if wt.shape[0] != yt.shape[0]:
            raise TypeError(
                f"polyfit: w has {wt.shape[0]} weights for {yt.shape[0]} points; pass one per point"
            )
        lhs = lhs * wt.unsqueeze(-1)
        rhs = rhs * (wt.unsqueeze(-1) if rhs.ndim == 2 else wt)
    scale = (lhs * lhs).sum(0).sqrt() if lhs.is_complex() else _vector_norm(lhs, 2, 0)
    lhs = lhs / scale
    c, resids, rank, s = _fit(lhs, rhs, tol)
    c = c / scale.unsqueeze(-1) if c.ndim == 2 else c / scale
    if not full and not lhs.is_meta and int(rank) != order:
        warnings.warn("polyfit: the fit may be poorly conditioned", RankWarning, stacklevel=2)
    if full:
        return c, resids, rank, s, torch.as_tensor(tol, dtype=xt.dtype, device=xt.device)
    if cov:
        base = inv(lhs.mT @ lhs) / torch.outer(scale, scale)
        if cov == "unscaled":
            fac: Tensor | float = 1.0
        else:
            if xt.shape[0] <= order:
                raise ValueError(
                    f"polyfit: {xt.shape[0]} points for {order} coefficients; scaling the "
                    "covariance needs more points than coefficients (or cov='unscaled')"
                )
            fac = resids / (xt.shape[0] - order)
        if yt.ndim == 1:
            return c, base * fac
        return c, base.unsqueeze(-1) * fac
    return c


# ---- window functions -------------------------------------------------------------------------


def _window_length(M: object, caller: str) -> int:
    if isinstance(M, float) and M.is_integer():
        return int(M)
    if isinstance(M, bool) or not hasattr(M, "__index__"):
        raise TypeError(
            f"{caller}: M must be an integer number of points, got {type(M).__name__} ({M!r}); "
            f"pass e.g. {caller}(8)"
        )
    return operator.index(M)  # pyright: ignore[reportArgumentType] (has __index__: checked)


def _symmetric_points(m: int, caller: str) -> Tensor:
    """``1 - m, 3 - m, ..., m - 1`` as float64: the window's points around its centre."""
    try:
        return torch.arange(1 - m, m, 2, dtype=torch.float64)
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        raise_for_size(e, caller, m, torch.float64, "M")
        raise


def _cosine_window(M: object, caller: str, coefficients: tuple[float, ...]) -> Tensor:
    m = _window_length(M, caller)
    dt = default_float_dtype()
    if m < 1:
        return torch.empty(0, dtype=dt)
    if m == 1:
        return torch.ones(1, dtype=dt)
    phase = _symmetric_points(m, caller).mul_(torch.pi / (m - 1))
    out = torch.full((m,), coefficients[0], dtype=torch.float64)
    for j, c in enumerate(coefficients[1:], start=1):
        out.add_(torch.cos(phase * j), alpha=c)
    return out.to(dt)


def bartlett(M: int) -> Tensor:
    """The Bartlett (triangular) window of ``M`` points, zero at both ends.

    float64 values, returned in the default float dtype (float64 unless :func:`default_float`
    says otherwise), on the CPU; ``M < 1`` gives an empty array, ``M == 1`` ``[1.0]``.

    Memory and autograd: new memory, not on any autograd graph.

    Raises
    ------
    TypeError
        For an ``M`` that is not an integer.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.bartlett(5)
    tensor([0.0000, 0.5000, 1.0000, 0.5000, 0.0000], dtype=torch.float64)
    """
    m = _window_length(M, "bartlett")
    dt = default_float_dtype()
    if m < 1:
        return torch.empty(0, dtype=dt)
    if m == 1:
        return torch.ones(1, dtype=dt)
    return (1.0 - _symmetric_points(m, "bartlett").abs_().div_(m - 1)).to(dt)


def blackman(M: int) -> Tensor:
    """The Blackman window of ``M`` points: ``0.42 + 0.5 cos(t) + 0.08 cos(2 t)`` for ``t`` from
    ``-pi`` to ``pi``.

    Dtype, device and edge cases as :func:`bartlett`.

    Memory and autograd: new memory, not on any autograd graph.

    Raises
    ------
    TypeError
        For an ``M`` that is not an integer.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.blackman(3)
    tensor([-1.3878e-17,  1.0000e+00, -1.3878e-17], dtype=torch.float64)
    """
    return _cosine_window(M, "blackman", (0.42, 0.5, 0.08))


def hamming(M: int) -> Tensor:
    """The Hamming window of ``M`` points: ``0.54 + 0.46 cos(t)`` for ``t`` from ``-pi`` to
    ``pi``.

    Dtype, device and edge cases as :func:`bartlett`.

    Memory and autograd: new memory, not on any autograd graph.

    Raises
    ------
    TypeError
        For an ``M`` that is not an integer.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.hamming(3)
    tensor([0.0800, 1.0000, 0.0800], dtype=torch.float64)
    """
    return _cosine_window(M, "hamming", (0.54, 0.46))


def hanning(M: int) -> Tensor:
    """The Hann window of ``M`` points: ``0.5 + 0.5 cos(t)`` for ``t`` from ``-pi`` to ``pi``.

    Dtype, device and edge cases as :func:`bartlett`.

    Memory and autograd: new memory, not on any autograd graph.

    Raises
    ------
    TypeError
        For an ``M`` that is not an integer.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.hanning(3)
    tensor([0., 1., 0.], dtype=torch.float64)
    """
    return _cosine_window(M, "hanning", (0.5, 0.5))


def kaiser(M: int, beta: float) -> Tensor:
    """The Kaiser window of ``M`` points with shape parameter ``beta``:
    ``I0(beta sqrt(1 - t**2)) / I0(beta)`` for ``t`` from -1 to 1, ``I0`` the modified Bessel
    function of order 0 (``beta`` 0 is a rectangle; larger is narrower).

    Dtype, device and edge cases as :func:`bartlett`.

    Memory and autograd: new memory, not on any autograd graph (``beta`` is a number).

    Raises
    ------
    TypeError
        For an ``M`` that is not an integer, or a ``beta`` that is not a real number.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.kaiser(3, 0.0)
    tensor([1., 1., 1.], dtype=torch.float64)
    """
    m = _window_length(M, "kaiser")
    if isinstance(beta, (bool, complex)) or not isinstance(beta, (int, float, np.number)):
        raise TypeError(
            f"kaiser: beta must be a real number, got {type(beta).__name__} ({beta!r}); pass "
            "e.g. kaiser(8, 14.0)"
        )
    dt = default_float_dtype()
    if m < 1:
        return torch.empty(0, dtype=dt)
    if m == 1:
        return torch.ones(1, dtype=dt)
    t = _symmetric_points(m, "kaiser").div_(m - 1)
    b = torch.tensor(float(beta), dtype=torch.float64)
    window: Tensor = torch.special.i0(b * torch.sqrt(1.0 - t * t)) / torch.special.i0(b)
    return window.to(dt)


# ---- polydiv ------------------------------------------------------------------------------------


def polydiv(u: Tensor, v: Tensor) -> tuple[Tensor, Tensor]:
    """The quotient and remainder of polynomial division ``u / v`` (coefficients highest power
    first), by long division as NumPy does it.

    Both results have the operands' promoted dtype, floating (integers give the default
    float). Leading remainder coefficients within 1e-8 of zero are dropped (NumPy's
    ``allclose`` test): each is read on the host, so this synchronizes with the device, and the
    remainder's length depends on the data. A zero leading coefficient of ``v`` gives infinite
    or NaN coefficients, as in NumPy.

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    ValueError
        For an empty ``u`` or ``v``, or coefficients that are not 1-D.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.polydiv([1.0, 3.0, 2.0], [1.0, 1.0])
    (tensor([1., 2.], dtype=torch.float64), tensor([0.], dtype=torch.float64))
    """
    a = _coefficients(u, "polydiv", "u")
    b = _coefficients(v, "polydiv", "v")
    if a.numel() == 0 or b.numel() == 0:
        raise ValueError(
            f"polydiv: u has {a.numel()} and v {b.numel()} coefficients; both need at least one "
            "(the highest power first)"
        )
    dt = promote(a.dtype, b.dtype)
    if kind_rank(dt) < kind_rank(torch.float32):
        dt = default_float_dtype()
    a = a.to(dt)
    b = b.to(dt)
    m, n = a.shape[0] - 1, b.shape[0] - 1
    steps = m - n + 1
    rest = a.clone()
    quotient: list[Tensor] = []
    for k in range(steps):
        d = rest[k] / b[0]
        quotient.append(d)
        rest = torch.cat([rest[:k], rest[k : k + n + 1] - d * b, rest[k + n + 1 :]])
    q = torch.stack(quotient) if quotient else torch.zeros(1, dtype=dt, device=a.device)
    if rest.is_meta:
        return q, rest
    start = 0
    while rest.shape[0] - start > 1 and bool(rest[start].abs() <= 1e-8):
        start += 1
    return q, rest[start:]
