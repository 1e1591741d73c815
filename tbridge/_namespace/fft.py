"""``tbridge.fft``: the Array API FFT extension, on plain tensors, with NumPy's signatures.

Each transform calls ``torch.fft`` directly for float32/float64/complex64/complex128 input
(the Array API's ``axis``/``axes`` become torch's ``dim``). Default arguments are not passed
on and the others are passed positionally: torch's argument parser takes about 0.3
microseconds per call for keywords. Other input goes through the input gate and follows
NumPy 2: integers and bool are transformed in the default floating precision (float64, or the
``tb.default_float`` in force), float16/bfloat16 in float32 (torch's CPU FFT has no half
precision), with the real results of ``irfft``, ``hfft`` and one-axis ``irfftn`` returned in
the input's half precision (as NumPy's are). Real-input transforms (``rfft``, ``rfftn``,
``ihfft``) refuse complex input, as NumPy's do. ``fftfreq``/``rfftfreq`` create the default
float on the CPU unless told otherwise.

The signatures are NumPy's, which extend the standard's: ``n``/``axis``/``norm`` (``s``/
``axes``/``norm``) may also be passed by position, ``norm=None`` means ``"backward"``, and
``out=`` receives the result (``same_kind`` casting). Bad input raises what NumPy raises: an
axis out of bounds :class:`numpy.exceptions.AxisError`, sizes below 1 or an unknown ``norm``
``ValueError``, complex input to a real transform ``TypeError``.

The one-dimensional transforms are built by :func:`_one_dimensional` and the n-dimensional
ones by :func:`_n_dimensional` (``tbridge._numpy.fft`` builds NumPy's ``fft2`` family with the
latter): one body per family, a closure, so no Python frame is added per call.

Memory and autograd: every result is new memory (``out``'s when given); transforms of
floating input stay on the autograd graph.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Final, Literal, Protocol, TypeAlias

import torch
from numpy.exceptions import AxisError
from torch import Tensor

from tbridge._convert.gate import as_tensor, write_out
from tbridge._core.axes import AxisWording, check_axis
from tbridge._core.dtypes import DTypeLike, default_float_dtype, torch_dtype
from tbridge._core.normalize import DeviceLike, raise_for_size, torch_device

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
_NORMS: Final = (None, "backward", "ortho", "forward")

#: dtypes torch's FFTs take and answer with NumPy's result dtype.
_ANY_INPUT: Final = frozenset({torch.float32, torch.float64, torch.complex64, torch.complex128})
_REAL_INPUT: Final = frozenset({torch.float32, torch.float64})
_HALF: Final = frozenset({torch.float16, torch.bfloat16})
_TO_SINGLE: Final = {
    torch.float16: torch.float32,
    torch.bfloat16: torch.float32,
    torch.complex32: torch.complex64,
}
#: ihfft's norm is rfft's, mirrored (ihfft is the conjugate of rfft scaled the other way).
_MIRRORED: Final[dict[str | None, str]] = {
    None: "forward",
    "backward": "forward",
    "ortho": "ortho",
    "forward": "backward",
}


def _input(x: object, caller: str, real: bool) -> tuple[Tensor, torch.dtype]:
    """``x`` through the gate, in a dtype torch transforms, and the dtype it came in (the
    slow path)."""
    t = x if type(x) is Tensor else as_tensor(x, f"fft.{caller}")
    if t.dtype.is_complex:
        if real:
            raise TypeError(
                f"fft.{caller}: x is {t.dtype}, but {caller} transforms real input; pass a real "
                "array (tb.real(x) keeps the real part) or use the complex transform"
            )
        if t.dtype in _ANY_INPUT:
            return t, t.dtype
        return t.to(_TO_SINGLE.get(t.dtype, torch.complex128)), t.dtype
    if t.dtype.is_floating_point:
        if t.dtype in _REAL_INPUT:
            return t, t.dtype
        return t.to(_TO_SINGLE.get(t.dtype, torch.float32)), t.dtype
    return t.to(default_float_dtype()), t.dtype


_ONE_D_NAMES: Final = frozenset({"fft", "ifft", "rfft", "irfft", "hfft", "ihfft"})


def _index_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, Sequence) and not isinstance(value, str) else [value]


_OUT_OF_BOUNDS: Final = (
    "{caller}: axis {i} is out of bounds for x of shape {of} ({ndim} dimension(s))"
)
_AXIS: Final = AxisWording("{caller}: axis={given!r} must be integers", _OUT_OF_BOUNDS)
_AXES: Final = AxisWording("{caller}: axes={given!r} must be integers", _OUT_OF_BOUNDS)


def _failure(
    caller: str, e: Exception, t: Tensor, sizes: object, axes: object, norm: object
) -> Exception:
    """What NumPy raises for the failed call (called only on failure: no cost otherwise)."""
    name = f"fft.{caller}"
    shape = tuple(t.shape)
    one = caller in _ONE_D_NAMES
    raise_for_size(e, name, None, None, "n" if one else "s")  # too big, or no memory for it
    if norm not in _NORMS:
        return ValueError(
            f"{name}: norm={norm!r} is not a normalization; pass 'backward' (the default, also "
            "None), 'ortho' or 'forward'"
        )
    size_label = "n" if one else "s"
    wording = _AXIS if one else _AXES
    try:
        ax_list = [
            check_axis(a, t.ndim, name, str(shape), axes, wording) for a in _index_list(axes)
        ]
    except (TypeError, AxisError) as err:
        return err
    if len(set(ax_list)) != len(ax_list):
        return ValueError(
            f"{name}: axes={axes!r} names an axis twice; torch transforms each axis once "
            "(NumPy would transform it again): call the transform a second time instead"
        )
    sz: list[int] = []
    for v in _index_list(sizes):
        if isinstance(v, bool) or not hasattr(v, "__index__"):
            return TypeError(f"{name}: {size_label}={sizes!r} must be integers")
        sz.append(operator.index(v))  # pyright: ignore[reportArgumentType] - has __index__
    if any(v < 1 and (one or v != -1) for v in sz):
        keep = "" if one else " (or -1, which keeps the axis's size)"
        return ValueError(
            f"{name}: {size_label}={sizes!r} for x of shape {shape}: transform sizes must be "
            f"at least 1{keep}"
        )
    if not one and sizes is not None and axes is not None and len(sz) != len(ax_list):
        return ValueError(
            f"{name}: s={sizes!r} and axes={axes!r} have different lengths; give one size per "
            "transformed axis"
        )
    if t.numel() == 0:
        return ValueError(
            f"{name}: x of shape {shape} has no data points along a transformed axis; pass "
            f"{size_label} to zero-pad it, or non-empty input"
        )
    return ValueError(f"{name}: cannot transform x of shape {shape}; the chained error has why")


def _empty_batch(
    call: Callable[[Tensor], Tensor], t: Tensor, transformed: Sequence[object]
) -> Tensor | None:
    """The transform of ``t`` whose batch (an axis not transformed) is empty, as NumPy gives
    it: an empty result of the right shape and dtype. torch's CPU FFT refuses a zero batch
    (MKL: "Inconsistent configuration parameters"), so the batch axes are padded to one zero
    element (on ``x``'s autograd graph), transformed, and cut back to none. None where the
    batch is not empty, an axis is bad, or the padded transform fails too (the caller raises).
    """
    if t.numel():
        return None
    try:
        axes = {operator.index(a) % t.ndim for a in transformed}  # type: ignore[arg-type]
    except (TypeError, ZeroDivisionError):
        return None
    batch = [d for d in range(t.ndim) if t.shape[d] == 0 and d not in axes]
    if not batch:
        return None
    padded = t
    for d in batch:
        shape = list(padded.shape)
        shape[d] = 1
        padded = torch.cat((padded, padded.new_zeros(shape)), d)
    try:
        result = call(padded)
    except (RuntimeError, IndexError, TypeError):
        return None
    for d in batch:
        result = result.narrow(d, 0, 0)
    return result


# ---- one-dimensional transforms -------------------------------------------------------------


class OneDimensional(Protocol):
    """A one-dimensional transform's signature."""

    def __call__(
        self,
        x: Tensor,
        /,
        n: int | None = None,
        axis: int = -1,
        norm: Norm | None = "backward",
        out: Tensor | None = None,
    ) -> Tensor: ...


def _one_dimensional(
    fn: Callable[..., Tensor], caller: str, *, real_input: bool, real_output: bool, doc: str
) -> OneDimensional:
    """A one-dimensional transform over ``fn`` (one of ``torch.fft``'s, or a wrapper with its
    positional signature ``(x, n, dim, norm)``).

    ``real_input``: complex input is refused (``rfft``, ``ihfft``). ``real_output``: half
    precision input gives a half precision result (``irfft``, ``hfft``, as NumPy's do).
    ``ifft`` of real input comes back from torch lazily conjugated (the conj bit, which NumPy
    and DLPack export refuse): materialized here.
    """
    fast = _REAL_INPUT if real_input else _ANY_INPUT
    lazy_conj = caller == "ifft"

    def transform(
        x: Tensor,
        /,
        n: int | None = None,
        axis: int = -1,
        norm: Norm | None = "backward",
        out: Tensor | None = None,
    ) -> Tensor:
        if type(x) is Tensor and x.dtype in fast:
            t, source = x, x.dtype
        else:
            t, source = _input(x, caller, real_input)
        try:
            result = (
                fn(t) if n is None and axis == -1 and norm == "backward" else fn(t, n, axis, norm)
            )
        except (RuntimeError, IndexError, TypeError) as e:
            empty = _empty_batch(lambda p: fn(p, n, axis, norm), t, [axis])
            if empty is None:
                raise _failure(caller, e, t, n, axis, norm) from e
            result = empty
        if lazy_conj:
            # Always resolved: a no-op when the bit is unset, and dynamo cannot trace is_conj.
            result = result.resolve_conj()
        if real_output and source in _HALF:
            result = result.to(source)
        return result if out is None else write_out(result, out, f"fft.{caller}")

    transform.__name__ = transform.__qualname__ = caller
    transform.__doc__ = doc
    return transform


def _ihfft(t: Tensor, n: int | None = None, dim: int = -1, norm: str | None = None) -> Tensor:
    """``torch.fft.ihfft`` materialized: the conjugate of ``rfft`` with the mirrored scaling.

    Torch's own ihfft sets the lazy conj bit for real input (which NumPy and DLPack export
    refuse); computing that rfft and conjugating it in place gives the same values,
    materialized, without a copy.
    """
    scaled: Tensor = (
        _rfft(t, n, dim, _MIRRORED[norm]) if norm in _MIRRORED else _rfft(t, n, dim, norm)
    )
    return scaled.conj_physical_()


_ONE_D_NOTES: Final = """
    ``n`` crops or zero-pads the axis first; ``norm`` scales the {way} transform by ``1/n``
    (``"backward"``, the default; None means the same), ``1/sqrt(n)`` (``"ortho"``) or not
    at all (``"forward"``). ``out`` receives the result (NumPy's ``same_kind`` rule).

    Memory and autograd: new memory (``out``'s when given), on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For ``n < 1``, an unknown ``norm``, or an empty axis with no ``n``.
    numpy.exceptions.AxisError
        For an axis out of bounds.{raises}
"""
_REAL_ONLY: Final = """
    TypeError
        For complex input."""

fft: Final[OneDimensional] = _one_dimensional(
    torch.fft.fft,
    "fft",
    real_input=False,
    real_output=False,
    doc="""The one-dimensional discrete Fourier transform along ``axis``.

    Real input gives the complex dtype of its precision; integers and bool use the default
    float's.
"""
    + _ONE_D_NOTES.format(way="inverse", raises="")
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.fft([1.0, 2.0, 3.0, 4.0])
    tensor([10.+0.j, -2.+2.j, -2.+0.j, -2.-2.j], dtype=torch.complex128)
    """,
)
ifft: Final[OneDimensional] = _one_dimensional(
    torch.fft.ifft,
    "ifft",
    real_input=False,
    real_output=False,
    doc="""The one-dimensional inverse discrete Fourier transform along ``axis``.
"""
    + _ONE_D_NOTES.format(way="inverse", raises="")
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.ifft([10.0, -2 + 2j, -2.0, -2 - 2j])
    tensor([1.+0.j, 2.+0.j, 3.+0.j, 4.+0.j], dtype=torch.complex128)
    """,
)
rfft: Final[OneDimensional] = _one_dimensional(
    torch.fft.rfft,
    "rfft",
    real_input=True,
    real_output=False,
    doc="""The one-dimensional transform of real input: the ``n // 2 + 1`` non-negative
    frequencies along ``axis``.
"""
    + _ONE_D_NOTES.format(way="inverse", raises=_REAL_ONLY)
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.rfft([1.0, 0.0, -1.0, 0.0])
    tensor([0.+0.j, 2.+0.j, 0.+0.j], dtype=torch.complex128)
    """,
)
irfft: Final[OneDimensional] = _one_dimensional(
    torch.fft.irfft,
    "irfft",
    real_input=False,
    real_output=True,
    doc="""The inverse of :func:`rfft`: a real signal of length ``n`` (default ``2 * (m - 1)``
    for ``m`` input frequencies) along ``axis``.
"""
    + _ONE_D_NOTES.format(way="inverse", raises="")
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.irfft([0.0, 2.0, 0.0])
    tensor([ 1.,  0., -1.,  0.], dtype=torch.float64)
    """,
)
hfft: Final[OneDimensional] = _one_dimensional(
    torch.fft.hfft,
    "hfft",
    real_input=False,
    real_output=True,
    doc="""The transform of a Hermitian-symmetric signal given by its first half: real, of
    length ``n`` (default ``2 * (m - 1)``) along ``axis``.
"""
    + _ONE_D_NOTES.format(way="inverse", raises="")
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.hfft([1.0, 0.0, -1.0])
    tensor([0., 2., 0., 2.], dtype=torch.float64)
    """,
)
ihfft: Final[OneDimensional] = _one_dimensional(
    _ihfft,
    "ihfft",
    real_input=True,
    real_output=False,
    doc="""The inverse of :func:`hfft` for real input: the ``n // 2 + 1`` non-negative
    frequencies along ``axis``.
"""
    + _ONE_D_NOTES.format(way="forward", raises=_REAL_ONLY)
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.ihfft([0.0, 2.0, 0.0, 2.0])
    tensor([ 1.-0.j,  0.-0.j, -1.-0.j], dtype=torch.complex128)
    """,
)


# ---- n-dimensional transforms ---------------------------------------------------------------


class NDimensional(Protocol):
    """An n-dimensional transform's signature."""

    def __call__(
        self,
        x: Tensor,
        /,
        s: Sequence[int] | None = None,
        axes: Sequence[int] | None = None,
        norm: Norm | None = "backward",
        out: Tensor | None = None,
    ) -> Tensor: ...


def _n_dimensional(
    fn: Callable[..., Tensor],
    caller: str,
    *,
    real_input: bool,
    real_output: bool,
    default_axes: tuple[int, ...] | None,
    doc: str,
) -> NDimensional:
    """An n-dimensional transform over ``fn`` (``torch.fft``'s ``*fftn`` or ``*fft2``, whose
    own default axes are ``default_axes``).

    ``real_output`` (``irfftn``): ``-1`` in ``s`` for the last axis keeps the input's length
    (NumPy 2, the standard; torch reads it as its default ``2 * (m - 1)``), and half precision
    input over one axis gives a half precision result (NumPy's rule).
    """
    fast = _REAL_INPUT if real_input else _ANY_INPUT

    def transform(
        x: Tensor,
        /,
        s: Sequence[int] | None = None,
        axes: Sequence[int] | None = default_axes,
        norm: Norm | None = "backward",
        out: Tensor | None = None,
    ) -> Tensor:
        if type(x) is Tensor and x.dtype in fast:
            t, source = x, x.dtype
        else:
            t, source = _input(x, caller, real_input)
        if real_output and s is not None and len(s) and s[-1] == -1:
            last = axes[-1] if axes else -1
            if type(last) is int and -t.ndim <= last < t.ndim:  # else the error below
                s = (*s[:-1], t.shape[last])
        try:
            result = (
                fn(t)
                if s is None and axes is default_axes and norm == "backward"
                else fn(t, s, axes, norm)
            )
        except (RuntimeError, IndexError, TypeError) as e:
            named = (  # (_index_list reads bad axes and sizes too: _failure names them)
                _index_list(axes)
                if axes is not None
                else range(-len(_index_list(s)), 0)
                if s is not None
                else range(t.ndim)
            )
            empty = _empty_batch(lambda p: fn(p, s, axes, norm), t, list(named))
            if empty is None:
                raise _failure(caller, e, t, s, axes, norm) from e
            result = empty
        if real_output and source in _HALF:
            # NumPy keeps half precision for a transform over one axis only.
            count = len(axes) if axes is not None else len(s) if s is not None else t.ndim
            if count == 1:
                result = result.to(source)
        return result if out is None else write_out(result, out, f"fft.{caller}")

    transform.__name__ = transform.__qualname__ = caller
    transform.__doc__ = doc
    return transform


_N_D_NOTES: Final = """
    ``axes`` are the transformed axes ({axes}); ``s`` crops or zero-pads each of them first
    (``-1`` keeps an axis's size; without ``axes``, ``s`` names the last ``len(s)`` axes).
    ``norm`` scales the inverse transform by ``1/prod(s)`` (``"backward"``, the default; None
    means the same), ``1/sqrt(prod(s))`` (``"ortho"``) or not at all (``"forward"``). ``out``
    receives the result (NumPy's ``same_kind`` rule).

    Memory and autograd: new memory (``out``'s when given), on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For sizes below 1 (other than -1), ``s`` and ``axes`` of different lengths, a
        repeated axis, or an unknown ``norm``.
    numpy.exceptions.AxisError
        For an axis out of bounds.{raises}
"""
_ALL_AXES: Final = "all of them when None"

fftn: Final[NDimensional] = _n_dimensional(
    torch.fft.fftn,
    "fftn",
    real_input=False,
    real_output=False,
    default_axes=None,
    doc="""The n-dimensional discrete Fourier transform over ``axes``.
"""
    + _N_D_NOTES.format(axes=_ALL_AXES, raises="")
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.fftn([[1.0, 0.0], [0.0, 0.0]])
    tensor([[1.+0.j, 1.+0.j],
            [1.+0.j, 1.+0.j]], dtype=torch.complex128)
    """,
)
ifftn: Final[NDimensional] = _n_dimensional(
    torch.fft.ifftn,
    "ifftn",
    real_input=False,
    real_output=False,
    default_axes=None,
    doc="""The n-dimensional inverse discrete Fourier transform over ``axes``.
"""
    + _N_D_NOTES.format(axes=_ALL_AXES, raises="")
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.ifftn([[4.0, 0.0], [0.0, 0.0]])
    tensor([[1.+0.j, 1.+0.j],
            [1.+0.j, 1.+0.j]], dtype=torch.complex128)
    """,
)
rfftn: Final[NDimensional] = _n_dimensional(
    torch.fft.rfftn,
    "rfftn",
    real_input=True,
    real_output=False,
    default_axes=None,
    doc="""The n-dimensional transform of real input; the last transformed axis keeps its
    ``s[-1] // 2 + 1`` non-negative frequencies.
"""
    + _N_D_NOTES.format(axes=_ALL_AXES, raises=_REAL_ONLY)
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.rfftn([[1.0, 0.0], [0.0, 0.0]])
    tensor([[1.+0.j, 1.+0.j],
            [1.+0.j, 1.+0.j]], dtype=torch.complex128)
    """,
)
irfftn: Final[NDimensional] = _n_dimensional(
    torch.fft.irfftn,
    "irfftn",
    real_input=False,
    real_output=True,
    default_axes=None,
    doc="""The inverse of :func:`rfftn`: a real result whose last transformed axis has length
    ``2 * (m - 1)`` unless ``s`` says otherwise.
"""
    + _N_D_NOTES.format(axes=_ALL_AXES, raises="")
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.irfftn([[4.0, 0.0], [0.0, 0.0]])
    tensor([[1., 1.],
            [1., 1.]], dtype=torch.float64)
    """,
)


# ---- frequencies and shifts -----------------------------------------------------------------


def _freq_args(
    n: object, d: object, dtype: DTypeLike | None, device: DeviceLike | None, caller: str
) -> tuple[int, float, torch.dtype, torch.device]:
    if isinstance(n, bool) or not hasattr(n, "__index__"):
        raise TypeError(f"fft.{caller}: n={n!r} must be an integer (the window length)")
    size = operator.index(n)  # pyright: ignore[reportArgumentType] - has __index__
    if size < 1:
        raise ValueError(f"fft.{caller}: n={size} must be at least 1 (the window length)")
    if isinstance(d, (bool, complex)) or not hasattr(d, "__float__"):
        raise TypeError(f"fft.{caller}: d={d!r} must be a real number (the sample spacing)")
    spacing = float(d)  # pyright: ignore[reportArgumentType] - has __float__
    dt = default_float_dtype() if dtype is None else torch_dtype(dtype, caller=f"fft.{caller}")
    if not dt.is_floating_point:
        raise TypeError(
            f"fft.{caller}: dtype={dt} is not a real floating dtype; pass e.g. tb.float32 or "
            "tb.float64 (None gives the default float)"
        )
    return size, spacing, dt, torch_device(device, caller=f"fft.{caller}")


def fftfreq(
    n: int,
    d: float = 1.0,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
) -> Tensor:
    """The sample frequencies of an ``n``-point FFT with sample spacing ``d``.

    ``[0, 1, ..., ceil(n/2) - 1, -floor(n/2), ..., -1] / (d * n)``, in ``dtype`` (default: the
    default float, float64 unless ``tb.default_float`` says otherwise) on ``device`` (default:
    the CPU). ``d`` may be passed by position, as in NumPy.

    Memory and autograd: new memory, not on any autograd graph.

    Raises
    ------
    ValueError
        For ``n < 1``.
    TypeError
        For a ``dtype`` that is not real floating, or an ``n``/``d`` that is not a number.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.fftfreq(4)
    tensor([ 0.0000,  0.2500, -0.5000, -0.2500], dtype=torch.float64)
    >>> tb.fft.fftfreq(4, 0.5)
    tensor([ 0.0000,  0.5000, -1.0000, -0.5000], dtype=torch.float64)
    """
    try:
        if dtype is None and device is None and type(n) is int and n > 0 and type(d) is float:
            # The common call: d left out (torch parses a default faster than an argument).
            fast: Tensor = (
                _fftfreq(n, dtype=default_float_dtype(), device=_CPU)
                if d == 1.0
                else _fftfreq(n, d, dtype=default_float_dtype(), device=_CPU)
            )
            return fast
        size, spacing, dt, dev = _freq_args(n, d, dtype, device, "fftfreq")
        out: Tensor = torch.fft.fftfreq(size, spacing, dtype=dt, device=dev)
        return out
    except (RuntimeError, TypeError, ValueError) as e:  # too big, or no memory for it
        known = default_float_dtype() if dtype is None else None  # a dtype= given: not parsed
        raise_for_size(e, "fft.fftfreq", n, known, "n")
        raise


def rfftfreq(
    n: int,
    d: float = 1.0,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
) -> Tensor:
    """The non-negative sample frequencies of an ``n``-point real FFT (``n // 2 + 1`` of them).

    ``[0, 1, ..., n // 2] / (d * n)``, in ``dtype`` (default: the default float) on ``device``
    (default: the CPU). ``d`` may be passed by position, as in NumPy.

    Memory and autograd: new memory, not on any autograd graph.

    Raises
    ------
    ValueError
        For ``n < 1``.
    TypeError
        For a ``dtype`` that is not real floating, or an ``n``/``d`` that is not a number.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.rfftfreq(4, 0.5)
    tensor([0.0000, 0.5000, 1.0000], dtype=torch.float64)
    """
    try:
        if dtype is None and device is None and type(n) is int and n > 0 and type(d) is float:
            fast: Tensor = (
                _rfftfreq(n, dtype=default_float_dtype(), device=_CPU)
                if d == 1.0
                else _rfftfreq(n, d, dtype=default_float_dtype(), device=_CPU)
            )
            return fast
        size, spacing, dt, dev = _freq_args(n, d, dtype, device, "rfftfreq")
        out: Tensor = torch.fft.rfftfreq(size, spacing, dtype=dt, device=dev)
        return out
    except (RuntimeError, TypeError, ValueError) as e:  # too big, or no memory for it
        known = default_float_dtype() if dtype is None else None  # a dtype= given: not parsed
        raise_for_size(e, "fft.rfftfreq", n // 2 + 1 if type(n) is int else None, known, "n")
        raise


def _shift(fn: Callable[..., Tensor], caller: str, x: object, axes: object) -> Tensor:
    t = x if type(x) is Tensor else as_tensor(x, f"fft.{caller}")
    try:
        out: Tensor = fn(t, axes)
        return out
    except (RuntimeError, IndexError, TypeError) as e:
        raise _failure(caller, e, t, None, axes, None) from e


def fftshift(x: Tensor, /, axes: int | Sequence[int] | None = None) -> Tensor:
    """``x`` rolled so that the zero frequency is in the middle of each axis in ``axes``.

    All axes when ``axes`` is None. Any dtype.

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    numpy.exceptions.AxisError
        For an axis out of bounds.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.fftshift([0, 1, 2, -2, -1])
    tensor([-2, -1,  0,  1,  2])
    """
    if type(x) is Tensor:
        try:
            out: Tensor = torch.fft.fftshift(x, axes)
            return out
        except (RuntimeError, IndexError, TypeError):
            pass  # explained below
    return _shift(torch.fft.fftshift, "fftshift", x, axes)


def ifftshift(x: Tensor, /, axes: int | Sequence[int] | None = None) -> Tensor:
    """The inverse of :func:`fftshift` (they differ by one sample for odd lengths).

    All axes when ``axes`` is None. Any dtype.

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    numpy.exceptions.AxisError
        For an axis out of bounds.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.ifftshift([-2, -1, 0, 1, 2])
    tensor([ 0,  1,  2, -2, -1])
    """
    if type(x) is Tensor:
        try:
            out: Tensor = torch.fft.ifftshift(x, axes)
            return out
        except (RuntimeError, IndexError, TypeError):
            pass  # explained below
    return _shift(torch.fft.ifftshift, "ifftshift", x, axes)
