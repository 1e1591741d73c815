"""``tbridge.fft``: the Array API FFT extension, on plain tensors.

Each transform calls ``torch.fft`` directly for float32/float64/complex64/complex128 input
(the Array API's ``axis``/``axes`` become torch's ``dim``). Default arguments are not passed
on and the others are passed positionally: torch's argument parser takes about 0.3
microseconds per call for keywords. Other input follows NumPy 2:
integers and bool are transformed in the default floating precision (float64, or the
``tb.default_float`` in force), float16/bfloat16 in float32 (torch's CPU FFT has no half
precision), with the real results of ``irfft``, ``hfft`` and ``irfftn`` returned in the input's
half precision (NumPy's ``irfft``/``hfft`` do so; its ``irfftn`` does only over one axis).
Real-input transforms (``rfft``, ``rfftn``, ``ihfft``) refuse complex input, as NumPy's do.
``fftfreq``/``rfftfreq`` create the default float on the CPU unless told otherwise.

Memory and autograd: every result is new memory; transforms of floating input stay on the
autograd graph.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Final, Literal, TypeAlias

import torch
from torch import Tensor

from tbridge._core.dtypes import DTypeLike, default_float_dtype, torch_dtype
from tbridge._core.normalize import DeviceLike, torch_device
from tbridge._namespace.elementwise import _tensor

__all__ = [
    "fft",
    "fftfreq",
    "fftn",
    "fftshift",
    "hfft",
    "ifft",
    "ifftn",
    "ifftshift",
    "ihfft",
    "irfft",
    "irfftn",
    "rfft",
    "rfftfreq",
    "rfftn",
]

Norm: TypeAlias = Literal["backward", "ortho", "forward"]

_rfft: Final = torch.fft.rfft
_fftfreq: Final = torch.fft.fftfreq
_rfftfreq: Final = torch.fft.rfftfreq
_CPU: Final = torch.device("cpu")

#: dtypes torch's FFTs take and answer with NumPy's result dtype.
_ANY_INPUT: Final = frozenset({torch.float32, torch.float64, torch.complex64, torch.complex128})
_REAL_INPUT: Final = frozenset({torch.float32, torch.float64})
_HALF: Final = frozenset({torch.float16, torch.bfloat16})
#: _LAZY_CONJ: torch.fft.ifft and torch.fft.ihfft of *real* input return a lazily conjugated
#: tensor (the conj bit set), which NumPy and DLPack export refuse ("Can't call numpy() on
#: Tensor that has conjugate bit set"; array-api-compat#173 is the same bit from torch.conj).
#: Those two resolve it before returning.
_TO_SINGLE: Final = {
    torch.float16: torch.float32,
    torch.bfloat16: torch.float32,
    torch.complex32: torch.complex64,
}


def _input(x: object, where: str, real: bool) -> Tensor:
    """``x`` in a dtype torch transforms (the slow path; see the module docstring)."""
    t = _tensor(x, where)
    if t.dtype.is_complex:
        if real:
            raise TypeError(
                f"fft.{where}: x is {t.dtype}, but {where} transforms real input; pass a real "
                "array (tb.real(x) keeps the real part) or use the complex transform"
            )
        return t if t.dtype in _ANY_INPUT else t.to(_TO_SINGLE.get(t.dtype, torch.complex128))
    if t.dtype.is_floating_point:
        return t if t.dtype in _REAL_INPUT else t.to(_TO_SINGLE.get(t.dtype, torch.float32))
    return t.to(default_float_dtype())


def _failure(where: str, e: RuntimeError, t: Tensor, n: object, norm: object) -> ValueError:
    """The ValueError for a torch error in ``where`` (called only on failure)."""
    if norm not in ("backward", "ortho", "forward"):
        rule = f"norm={norm!r} must be 'backward', 'ortho' or 'forward'"
    else:
        rule = f"the transform sizes {n!r} must be positive integers (or -1 in s)"
    return ValueError(f"fft.{where}: cannot transform shape {tuple(t.shape)}: {rule} ({e})")


# ---- one-dimensional transforms -------------------------------------------------------------


def fft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The one-dimensional discrete Fourier transform along ``axis``.

    ``n`` crops or zero-pads the axis first. Real input gives the complex dtype of its
    precision; integers use the default float.

    Raises
    ------
    ValueError
        For ``n < 1`` or an unknown ``norm``.
    """
    t = x if type(x) is Tensor and x.dtype in _ANY_INPUT else _input(x, "fft", False)
    try:
        out: Tensor = (
            torch.fft.fft(t)
            if n is None and axis == -1 and norm == "backward"
            else torch.fft.fft(t, n, axis, norm)
        )
        return out
    except RuntimeError as e:
        raise _failure("fft", e, t, n, norm) from e


def ifft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The one-dimensional inverse discrete Fourier transform along ``axis``.

    Raises
    ------
    ValueError
        For ``n < 1`` or an unknown ``norm``.
    """
    t = x if type(x) is Tensor and x.dtype in _ANY_INPUT else _input(x, "ifft", False)
    try:
        out: Tensor = (
            torch.fft.ifft(t)
            if n is None and axis == -1 and norm == "backward"
            else torch.fft.ifft(t, n, axis, norm)
        )
    except RuntimeError as e:
        raise _failure("ifft", e, t, n, norm) from e
    return out.resolve_conj()  # real input: see _LAZY_CONJ


def rfft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The one-dimensional transform of real input: the ``n // 2 + 1`` non-negative frequencies.

    Raises
    ------
    TypeError
        For complex input.
    ValueError
        For ``n < 1`` or an unknown ``norm``.
    """
    t = x if type(x) is Tensor and x.dtype in _REAL_INPUT else _input(x, "rfft", True)
    try:
        out: Tensor = (
            torch.fft.rfft(t)
            if n is None and axis == -1 and norm == "backward"
            else torch.fft.rfft(t, n, axis, norm)
        )
        return out
    except RuntimeError as e:
        raise _failure("rfft", e, t, n, norm) from e


def _real_output(
    fn: Callable[..., Tensor], where: str, x: Tensor, n: int | None, axis: int, norm: Norm
) -> Tensor:
    """``irfft``/``hfft``: half-spectrum input, real output of length ``n``."""
    if type(x) is Tensor and x.dtype in _ANY_INPUT:
        t = x
    else:
        t = _tensor(x, where)
        if t.dtype in _HALF:  # NumPy: computed in float32, returned in the input's precision
            return _real_output(fn, where, t.to(torch.float32), n, axis, norm).to(t.dtype)
        t = _input(t, where, False)
    try:
        out: Tensor = (
            fn(t) if n is None and axis == -1 and norm == "backward" else fn(t, n, axis, norm)
        )
        return out
    except RuntimeError as e:
        raise _failure(where, e, t, n, norm) from e


def irfft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The inverse of :func:`rfft`: a real signal of length ``n`` (default ``2 * (m - 1)``).

    Raises
    ------
    ValueError
        For ``n < 1`` or an unknown ``norm``.
    """
    return _real_output(torch.fft.irfft, "irfft", x, n, axis, norm)


def hfft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The transform of a Hermitian-symmetric signal given by its first half: real, length ``n``.

    Raises
    ------
    ValueError
        For ``n < 1`` or an unknown ``norm``.
    """
    return _real_output(torch.fft.hfft, "hfft", x, n, axis, norm)


def ihfft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The inverse of :func:`hfft` for real input: the ``n // 2 + 1`` non-negative frequencies.

    Raises
    ------
    TypeError
        For complex input.
    ValueError
        For ``n < 1`` or an unknown ``norm``.
    """
    t = x if type(x) is Tensor and x.dtype in _REAL_INPUT else _input(x, "ihfft", True)
    try:
        if n is None and axis == -1 and norm == "backward":
            # torch.fft.ihfft is the conjugate of rfft with the forward ("by n") scaling, and
            # sets the lazy conj bit for real input (see _LAZY_CONJ): computing that rfft and
            # conjugating it in place gives the same values, materialized, without a copy.
            out: Tensor = _rfft(t, norm="forward").conj_physical_()
            return out
        out = torch.fft.ihfft(t, n, axis, norm)
    except RuntimeError as e:
        raise _failure("ihfft", e, t, n, norm) from e
    return out.resolve_conj()  # real input: see _LAZY_CONJ


# ---- n-dimensional transforms ---------------------------------------------------------------


def fftn(
    x: Tensor,
    /,
    *,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = "backward",
) -> Tensor:
    """The n-dimensional discrete Fourier transform over ``axes`` (all axes when None).

    ``s`` crops or zero-pads each transformed axis first (``-1`` keeps its size).

    Raises
    ------
    ValueError
        For sizes below 1 (other than -1) or an unknown ``norm``.
    """
    t = x if type(x) is Tensor and x.dtype in _ANY_INPUT else _input(x, "fftn", False)
    try:
        out: Tensor = (
            torch.fft.fftn(t)
            if s is None and axes is None and norm == "backward"
            else torch.fft.fftn(t, s, axes, norm)
        )
        return out
    except RuntimeError as e:
        raise _failure("fftn", e, t, s, norm) from e


def ifftn(
    x: Tensor,
    /,
    *,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = "backward",
) -> Tensor:
    """The n-dimensional inverse discrete Fourier transform over ``axes`` (all when None).

    Raises
    ------
    ValueError
        For sizes below 1 (other than -1) or an unknown ``norm``.
    """
    t = x if type(x) is Tensor and x.dtype in _ANY_INPUT else _input(x, "ifftn", False)
    try:
        out: Tensor = (
            torch.fft.ifftn(t)
            if s is None and axes is None and norm == "backward"
            else torch.fft.ifftn(t, s, axes, norm)
        )
        return out
    except RuntimeError as e:
        raise _failure("ifftn", e, t, s, norm) from e


def rfftn(
    x: Tensor,
    /,
    *,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = "backward",
) -> Tensor:
    """The n-dimensional transform of real input; the last axis keeps ``s[-1] // 2 + 1`` terms.

    Raises
    ------
    TypeError
        For complex input.
    ValueError
        For sizes below 1 (other than -1) or an unknown ``norm``.
    """
    t = x if type(x) is Tensor and x.dtype in _REAL_INPUT else _input(x, "rfftn", True)
    try:
        out: Tensor = (
            torch.fft.rfftn(t)
            if s is None and axes is None and norm == "backward"
            else torch.fft.rfftn(t, s, axes, norm)
        )
        return out
    except RuntimeError as e:
        raise _failure("rfftn", e, t, s, norm) from e


def irfftn(
    x: Tensor,
    /,
    *,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = "backward",
) -> Tensor:
    """The inverse of :func:`rfftn`: a real result (last axis ``2 * (m - 1)`` unless ``s``).

    Raises
    ------
    ValueError
        For sizes below 1 (other than -1) or an unknown ``norm``.
    """
    if type(x) is Tensor and x.dtype in _ANY_INPUT:
        t = x
    else:
        t = _tensor(x, "irfftn")
        if t.dtype in _HALF:  # NumPy: computed in float32, returned in the input's precision
            return irfftn(t.to(torch.float32), s=s, axes=axes, norm=norm).to(t.dtype)
        t = _input(t, "irfftn", False)
    if s is not None and len(s) and s[-1] == -1:
        # -1 keeps the input's length (NumPy, the standard); torch reads it on the last
        # transformed axis as its default 2 * (m - 1).
        last = axes[-1] if axes else -1
        if type(last) is int and -t.ndim <= last < t.ndim:  # else torch's own error, below
            s = (*s[:-1], t.shape[last])
    try:
        out: Tensor = (
            torch.fft.irfftn(t)
            if s is None and axes is None and norm == "backward"
            else torch.fft.irfftn(t, s, axes, norm)
        )
        return out
    except RuntimeError as e:
        raise _failure("irfftn", e, t, s, norm) from e


# ---- frequencies and shifts -----------------------------------------------------------------


def _freq_args(
    n: object, dtype: DTypeLike | None, device: DeviceLike | None, where: str
) -> tuple[int, torch.dtype, torch.device]:
    if isinstance(n, bool) or not hasattr(n, "__index__"):
        raise TypeError(f"fft.{where}: n={n!r} must be an integer (the window length)")
    size = operator.index(n)
    if size < 1:
        raise ValueError(f"fft.{where}: n={size} must be at least 1 (the window length)")
    dt = default_float_dtype() if dtype is None else torch_dtype(dtype)
    if not dt.is_floating_point:
        raise TypeError(
            f"fft.{where}: dtype={dt} is not a real floating dtype; pass e.g. tb.float32 or "
            "tb.float64 (None gives the default float)"
        )
    return size, dt, torch_device(device)


def fftfreq(
    n: int,
    /,
    *,
    d: float = 1.0,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
) -> Tensor:
    """The sample frequencies of an ``n``-point FFT with sample spacing ``d``.

    ``[0, 1, ..., ceil(n/2) - 1, -floor(n/2), ..., -1] / (d * n)``, in ``dtype`` (default: the
    default float, float64 unless ``tb.default_float`` says otherwise) on ``device`` (default:
    the CPU).

    Raises
    ------
    ValueError
        For ``n < 1``.
    TypeError
        For a ``dtype`` that is not real floating.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.fftfreq(4)
    tensor([ 0.0000,  0.2500, -0.5000, -0.2500], dtype=torch.float64)
    """
    if (
        dtype is None
        and device is None
        and type(n) is int
        and n > 0
        and type(d) is float
        and d == 1.0
    ):
        # The common call: d left out (torch parses a default faster than an argument).
        fast: Tensor = _fftfreq(n, dtype=default_float_dtype(), device=_CPU)
        return fast
    size, dt, dev = _freq_args(n, dtype, device, "fftfreq")
    out: Tensor = torch.fft.fftfreq(size, d, dtype=dt, device=dev)
    return out


def rfftfreq(
    n: int,
    /,
    *,
    d: float = 1.0,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
) -> Tensor:
    """The non-negative sample frequencies of an ``n``-point real FFT (``n // 2 + 1`` of them).

    ``[0, 1, ..., n // 2] / (d * n)``, in ``dtype`` (default: the default float) on ``device``
    (default: the CPU).

    Raises
    ------
    ValueError
        For ``n < 1``.
    TypeError
        For a ``dtype`` that is not real floating.
    """
    if (
        dtype is None
        and device is None
        and type(n) is int
        and n > 0
        and type(d) is float
        and d == 1.0
    ):
        # The common call: d left out (torch parses a default faster than an argument).
        fast: Tensor = _rfftfreq(n, dtype=default_float_dtype(), device=_CPU)
        return fast
    size, dt, dev = _freq_args(n, dtype, device, "rfftfreq")
    out: Tensor = torch.fft.rfftfreq(size, d, dtype=dt, device=dev)
    return out


def fftshift(x: Tensor, /, *, axes: int | Sequence[int] | None = None) -> Tensor:
    """``x`` rolled so that the zero frequency is in the middle of each axis in ``axes``.

    All axes when ``axes`` is None. Any dtype.
    """
    t = x if type(x) is Tensor else _tensor(x, "fftshift")
    out: Tensor = torch.fft.fftshift(t, axes)
    return out


def ifftshift(x: Tensor, /, *, axes: int | Sequence[int] | None = None) -> Tensor:
    """The inverse of :func:`fftshift` (they differ by one sample for odd lengths).

    All axes when ``axes`` is None. Any dtype.
    """
    t = x if type(x) is Tensor else _tensor(x, "ifftshift")
    out: Tensor = torch.fft.ifftshift(t, axes)
    return out
