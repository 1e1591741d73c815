"""NumPy's creation functions beyond the standard.

``identity``, ``logspace``, ``geomspace``, ``fromfunction``, ``fromiter``, ``frombuffer``,
``asanyarray``, ``ascontiguousarray``, ``tri``, ``diag``, ``diagflat``, ``vander``, with NumPy's
signatures and result dtypes (float64 by default, or the ``default_float`` in force) and, like
the standard's creation functions, keyword-only ``device=`` and ``requires_grad=`` where the
function makes new data from numbers.

``asanyarray`` is ``asarray`` (torch has no array subclasses to pass through). ``fromiter`` and
``frombuffer`` read Python data, so NumPy reads it (its parsing and errors) and the bridge
hands the result over, sharing a writable buffer as NumPy does.

Memory and autograd: each docstring says whether the result shares memory; results computed
from tensors stay on their autograd graphs.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterable
from typing import Any, Final

import numpy as np
import torch
from torch import Tensor
from torch.compiler import is_dynamo_compiling

from tbridge._convert.bridge import asarray
from tbridge._convert.gate import as_tensor, retold
from tbridge._core.dtypes import (
    DTypeLike,
    current_defaults,
    default_float_dtype,
    numpy_dtype_of,
    torch_dtype,
)
from tbridge._core.normalize import (
    CPU,
    DeviceLike,
    ShapeLike,
    check_requires_grad,
    check_size,
    raise_for_size,
    torch_device,
    torch_shape,
)
from tbridge._core.promotion import promote, result_type
from tbridge._core.shapes import bits_or_raise, broadcast_shape, normalize_axis
from tbridge._core.tracing import values_checkable
from tbridge._core.workarounds import UNSIGNED_GAPS
from tbridge._namespace.creation import eye, linspace

__all__ = [
    "asanyarray",
    "asarray_chkfinite",
    "ascontiguousarray",
    "diag",
    "diagflat",
    "frombuffer",
    "fromfunction",
    "fromiter",
    "geomspace",
    "identity",
    "logspace",
    "require",
    "tri",
    "vander",
]

asanyarray = asarray  # torch has no array subclasses: NumPy's asanyarray is asarray

_Tensor: Final = torch.Tensor
_from_numpy: Final = torch.from_numpy
_diag: Final = torch.diag
_diagflat: Final = torch.diagflat
#: Up to this many samples, ``logspace`` runs NumPy's own on the CPU (its values, and fewer
#: calls than torch's two kernels).
_NUMPY_MAX: Final = 4096
_F8: Final = np.dtype(np.float64)
_LOGSPACE_NUMPY: Final[dict[torch.dtype, np.dtype[Any]]] = {
    torch.float64: _F8,
    torch.float32: np.dtype(np.float32),
}
#: |exponent * log10(base)| below this keeps every power finite in float64 (1e300).
_NO_OVERFLOW: Final = 300.0
#: Geometric bounds below this magnitude keep geomspace's powers finite.
_FINITE: Final = 1e300


def identity(
    n: int,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> Tensor:
    """The ``n x n`` identity (NumPy's ``identity``); float64 by default.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Raises
    ------
    ValueError
        For a negative ``n``, or one too big for any array.
    MemoryError
        For a size the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).
    TypeError
        For an ``n`` that is not an integer, or a bad dtype.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.identity(2, tb.int64)
    tensor([[1, 0],
            [0, 1]])
    """
    try:
        return eye(n, n, 0, dtype, device=device, requires_grad=requires_grad)
    except (TypeError, ValueError, MemoryError) as e:
        raise retold(e, "eye", "identity") from e


def logspace(
    start: Any,
    stop: Any,
    num: int = 50,
    endpoint: bool = True,
    base: Any = 10.0,
    dtype: DTypeLike | None = None,
    axis: int = 0,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> Tensor:
    """``base ** linspace(start, stop, num)``: samples evenly spaced on a log scale.

    NumPy's ``logspace``: the exponents are :func:`linspace`'s (array bounds and ``axis`` as
    there), ``base`` may be an array that broadcasts with the bounds, and an integer ``dtype``
    truncates the powers toward zero as NumPy's cast does.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True`` (array bounds:
    the result stays on their autograd graph).

    Raises
    ------
    ValueError
        For a negative ``num``, or one too big for any array.
    MemoryError
        For a size the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).
    TypeError
        For a ``num`` that is not an integer, or a bad dtype.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.logspace(0, 3, 4)
    tensor([   1.,   10.,  100., 1000.], dtype=torch.float64)
    >>> tb.logspace(0, 2, 3, base=2.0, dtype=tb.int64)
    tensor([1, 2, 4])
    """
    if (
        device is None
        and requires_grad is False
        and type(num) is int
        and 0 <= num <= _NUMPY_MAX
        and (type(start) is float or type(start) is int)
        and (type(stop) is float or type(stop) is int)
        and (type(base) is float or type(base) is int)
        and base > 0
        and max(abs(start), abs(stop)) * abs(math.log10(base)) < _NO_OVERFLOW
        and not is_dynamo_compiling()  # (a trace runs no NumPy)
    ):
        exact = _LOGSPACE_NUMPY.get(
            current_defaults()[0] if dtype is None else torch_dtype(dtype, caller="logspace")
        )
        if exact is not None:
            # NumPy's exponents (linspace in float64, a fresh CPU tensor) and NumPy's power;
            # the powers stay below float64's range, so NumPy has nothing to warn about
            y = _exponents(float(start), float(stop), num, endpoint)
            values = np.power(float(base), y, out=y)
            return _from_numpy(values if exact is _F8 else values.astype(exact))
    return _logspace_general(start, stop, num, endpoint, base, dtype, axis, device, requires_grad)


def _logspace_general(
    start: Any,
    stop: Any,
    num: int,
    endpoint: bool,
    base: Any,
    dtype: DTypeLike | None,
    axis: int,
    device: DeviceLike | None,
    requires_grad: bool,
) -> Tensor:
    dt = None if dtype is None else torch_dtype(dtype, caller="logspace")
    device = None if device is None else torch_device(device, caller="logspace")
    if requires_grad:
        check_requires_grad(True, dt or default_float_dtype(), "logspace")
    arrays = not all(isinstance(v, (int, float, np.number)) for v in (start, stop, base))
    if arrays:
        dev = None if device is None else torch_device(device, caller="logspace")
        b = as_tensor(base, "logspace", "base", device=dev)
        s = as_tensor(start, "logspace", "start", device=dev)
        e = as_tensor(stop, "logspace", "stop", device=dev)
        nd = max(b.ndim, s.ndim, e.ndim)
        if b.ndim:  # NumPy broadcasts the base with the bounds, then inserts the samples' axis
            b = b.reshape((1,) * (nd - b.ndim) + tuple(b.shape))
            b = b.unsqueeze(normalize_axis(axis, nd + 1, "logspace", "the result"))
        s = s.reshape((1,) * (nd - s.ndim) + tuple(s.shape))
        e = e.reshape((1,) * (nd - e.ndim) + tuple(e.shape))
        y = _exponents_of(s, e, num, endpoint, axis, device)
        base_value: Any = b.to(y.device)
    else:
        y = _exponents_of(start, stop, num, endpoint, axis, device)
        base_value = base.item() if isinstance(base, np.generic) else base
    try:
        out = torch.pow(base_value, y)
    except RuntimeError as e:  # no memory for the powers
        raise_for_size(e, "logspace", tuple(y.shape), y.dtype, "num")
        raise
    if dt is not None and out.dtype != dt:
        out = out.to(dt)
    return out.requires_grad_(True) if requires_grad and not out.requires_grad else out


def _exponents_of(
    start: Any, stop: Any, num: int, endpoint: bool, axis: int, device: DeviceLike | None
) -> Tensor:
    """``logspace``'s exponents: :func:`linspace`'s samples, its errors told as logspace's."""
    try:
        return linspace(start, stop, num, endpoint, axis=axis, device=device)
    except (TypeError, ValueError, MemoryError) as e:
        raise retold(e, "linspace", "logspace") from e


def geomspace(
    start: Any,
    stop: Any,
    num: int = 50,
    endpoint: bool = True,
    dtype: DTypeLike | None = None,
    axis: int = 0,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> Tensor:
    """``num`` samples from ``start`` to ``stop`` in geometric progression (NumPy's).

    Negative bounds (both of one sign) and complex bounds work as in NumPy: the sequence is
    computed from ``start`` rotated onto the positive reals, and the endpoints are ``start``
    and ``stop`` exactly. Array bounds give one sequence each, along ``axis``. Real number
    bounds of one sign (Python numbers or NumPy float64 scalars) and up to 4096 samples are
    computed by NumPy's algorithm on the host (its values, bit for bit).

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True`` (array bounds:
    the result stays on their autograd graph).

    Raises
    ------
    ValueError
        For a zero bound (a geometric sequence cannot include zero), or a negative ``num``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.geomspace(1, 1000, 4)
    tensor([   1.,   10.,  100., 1000.], dtype=torch.float64)
    >>> tb.geomspace(-1, -8, 4)
    tensor([-1., -2., -4., -8.], dtype=torch.float64)
    """
    if (
        device is None
        and requires_grad is False
        and type(num) is int
        and 0 <= num <= _NUMPY_MAX
        and ((s := type(start)) is int or s is float or s is _NP_FLOAT64)
        and ((e := type(stop)) is int or e is float or e is _NP_FLOAT64)
        and (
            (0 < start < _FINITE and 0 < stop < _FINITE)
            or (-_FINITE < start < 0 and -_FINITE < stop < 0)
        )
        and not is_dynamo_compiling()  # (a trace runs no NumPy)
    ):
        if dtype is not None:
            target = torch_dtype(dtype, caller="geomspace")
        elif s is _NP_FLOAT64 or e is _NP_FLOAT64:
            target = torch.float64  # a NumPy float64 bound is float64 whatever the defaults
        else:
            target = current_defaults()[0]
        exact = _LOGSPACE_NUMPY.get(target)
        if exact is not None:
            return _geomspace_numpy(float(start), float(stop), num, endpoint, exact)
    dev = None if device is None else torch_device(device, caller="geomspace")
    a = as_tensor(start, "geomspace", "start", device=dev)
    b = as_tensor(stop, "geomspace", "stop", device=dev)
    if a.device != b.device:
        b = b.to(a.device)
    # (Python bounds are known on the host, also while tracing)
    python_zero = any((type(v) is int or type(v) is float) and v == 0 for v in (start, stop))
    if python_zero or (values_checkable(a, b) and (bool((a == 0).any()) or bool((b == 0).any()))):
        raise ValueError(
            f"geomspace: start={_show(a)} and stop={_show(b)}: a geometric sequence cannot "
            "include zero; pass bounds of one sign, both non-zero"
        )
    work = result_type(a, b, 1.0)  # NumPy's result_type(start, stop, float(num)), floating
    if dtype is not None:
        target = torch_dtype(dtype, caller="geomspace")
        if target.is_complex and not work.is_complex:
            work = promote(work, target)
    else:
        target = work
    if requires_grad:
        check_requires_grad(True, target, "geomspace")
    a, b = a.to(work), b.to(work)
    shape = broadcast_shape(a.shape, b.shape)
    a, b = a.expand(shape), b.expand(shape)
    sign = torch.sgn(a)
    a, b = a / sign, b / sign
    try:
        out = logspace(torch.log10(a), torch.log10(b), num, endpoint, 10.0, work)
    except (ValueError, MemoryError) as e:  # a num too big: told as geomspace's
        raise retold(e, "logspace", "geomspace") from e
    if num > 0:
        parts = [a.unsqueeze(0)]
        middle = num - 1 if endpoint and num > 1 else num
        parts.append(out[1:middle])
        if endpoint and num > 1:
            parts.append(b.unsqueeze(0))
        out = torch.cat(parts)
    out = out * sign
    if axis != 0:
        out = torch.movedim(out, 0, normalize_axis(axis, out.ndim, "geomspace", "the result"))
    if target != out.dtype:
        out = out.to(target)
    return out.requires_grad_(True) if requires_grad and not out.requires_grad else out


def _exponents(start: float, stop: float, num: int, endpoint: bool) -> np.ndarray[Any, Any]:
    """NumPy's ``linspace(start, stop, num, endpoint)`` of float64 bounds, on the host, step by
    step as NumPy computes it (so to the bit): samples ``i * step + start``, the step divided
    last where it underflows to zero, the endpoint exact."""
    div = num - 1 if endpoint else num
    delta = stop - start
    y = np.arange(num, dtype=np.float64)
    if div > 0:
        step = delta / div
        if step == 0:  # a subnormal step: NumPy scales by the span after dividing
            y /= div
            y *= delta
        else:
            y *= step
    else:  # no step: 0 samples, or one with the endpoint
        y *= delta
    y += start
    if endpoint and num > 1:
        y[-1] = stop
    return y


_NP_FLOAT64: Final = np.float64
#: 0, 1, ..., _NUMPY_MAX as float64 (read-only): geomspace's sample numbers, multiplied by
#: the step into a new array (one NumPy call instead of arange and an in-place multiply).
_IOTA: Final = np.arange(_NUMPY_MAX + 1, dtype=np.float64)
_IOTA.flags.writeable = False
#: NumPy's base for geomspace's powers, as its logspace passes it: a 0-d float64 array.
_TEN: Final = np.array(10.0)
_np_array: Final = np.array
_np_log10: Final = np.log10
_np_multiply: Final = np.multiply
_np_power: Final = np.power
_np_negative: Final = np.negative


def _geomspace_numpy(
    start: float, stop: float, num: int, endpoint: bool, exact: np.dtype[Any]
) -> Tensor:
    """NumPy's geomspace for real bounds of one sign (``num`` at most ``_NUMPY_MAX``), step by
    step as NumPy computes it (so to the bit): the sign rotated out, NumPy's log10 of the
    bounds, linspace of the logs (samples ``i * step + log10(start)``; a step that underflows
    to zero divides first, then scales by the span), NumPy's power of ten, exact endpoints.
    The operands NumPy gets as 0-d arrays are 0-d arrays here too (a Python float operand
    costs NumPy a slower scalar path: the values are the same)."""
    sign = 1.0 if start > 0 else -1.0
    a, b = start * sign, stop * sign
    lo, hi = _np_log10(_np_array((a, b))).tolist()
    div = num - 1 if endpoint else num
    if div > 0 and (step := (hi - lo) / div) != 0:
        y = _np_multiply(_IOTA[:num], _np_array(step))
    else:  # no step (at most one sample), or a subnormal one
        y = _IOTA[:num] / div if div > 0 else _IOTA[:num].copy()
        y *= hi - lo
    y += _np_array(lo)
    if num > 0:
        # (NumPy's linspace sets the last exponent to log10(stop) first: its power is
        # replaced by stop below all the same)
        _np_power(_TEN, y, out=y)  # below the bounds' magnitudes: finite
        y[0] = a
        if num > 1 and endpoint:
            y[-1] = b
    if sign < 0:
        _np_negative(y, out=y)
    return _from_numpy(y if exact is _F8 else y.astype(exact))


def _show(t: Tensor) -> object:
    return t.item() if t.ndim == 0 else tuple(t.shape)


#: dtypes whose arange gives every integer exactly (no rounding for torch to do differently
#: from a cast of the int64 arange).
_EXACT_ARANGE: Final = frozenset({torch.float64, torch.int64})


def fromfunction(
    function: Callable[..., Any],
    shape: ShapeLike,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    **kwargs: Any,
) -> Any:
    """``function(*indices)``: the function called once with one coordinate array per axis.

    NumPy's ``fromfunction``: the coordinate arrays have ``shape`` and ``dtype`` (float64 by
    default, or the ``default_float`` in force), and ``kwargs`` go to ``function``; the result
    is whatever ``function`` returns.

    Memory and autograd: the coordinate arrays are new memory; the result is ``function``'s.

    Raises
    ------
    TypeError
        When ``function`` is not callable, or for a bad dtype.
    ValueError
        For a shape whose coordinate arrays no array can hold (NumPy's check, made before
        ``function`` is called).
    MemoryError
        For a size the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fromfunction(lambda i, j: i * 10 + j, (2, 3), dtype=tb.int64)
    tensor([[ 0,  1,  2],
            [10, 11, 12]])
    """
    if not callable(function):
        raise TypeError(
            f"fromfunction: function must be callable, got {type(function).__name__}; pass a "
            "function of one coordinate array per axis, e.g. lambda i, j: i + j"
        )
    size = torch_shape((shape,), "fromfunction")
    dt = default_float_dtype() if dtype is None else torch_dtype(dtype, caller="fromfunction")
    # NumPy makes the coordinates as one (ndim, *shape) array: when no such array can exist,
    # it refuses before calling function (torch's broadcast views would not)
    check_size((len(size), *size), dt, "fromfunction")
    try:
        if device is None and dt in _EXACT_ARANGE:  # the common call: CPU, float64 or int64
            axes = [torch.arange(n, dtype=dt) for n in size]
        else:
            dev = torch_device(device, caller="fromfunction")
            axes = [torch.arange(n, device=dev).to(dt) for n in size]
    except RuntimeError as e:  # no memory for a coordinate axis
        raise_for_size(e, "fromfunction", size, dt)
        raise
    coords = torch.meshgrid(*axes, indexing="ij") if axes else ()
    return function(*coords, **kwargs)


def fromiter(
    iter: Iterable[Any],  # noqa: A002 - NumPy's parameter name
    dtype: DTypeLike,
    count: int = -1,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> Tensor:
    """A 1-d tensor of the values an iterable yields (NumPy's ``fromiter``).

    ``count`` reads at most that many values (all with ``-1``); NumPy reads them, so its
    conversion rules and errors apply.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Raises
    ------
    ValueError
        When the iterable ends before ``count`` values, a value does not convert, or
        ``count`` is too big for any array.
    MemoryError
        For a ``count`` (or values) the CPU cannot allocate.
    TypeError
        For a bad dtype, or ``iter`` that is not iterable.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fromiter((i * i for i in range(4)), tb.int64)
    tensor([0, 1, 4, 9])
    """
    dt = torch_dtype(dtype, caller="fromiter")
    twin = numpy_dtype_of(dt)
    if twin is None:
        raise TypeError(f"fromiter: dtype {dt} has no NumPy twin to read values with")
    known = count if type(count) is int and count >= 0 else None  # the result's length
    try:
        values = np.fromiter(iter, dtype=twin, count=count)
    except MemoryError as e:  # NumPy's, told as fromiter's
        raise_for_size(e, "fromiter", known, dt, "count")
        raise
    except ValueError as e:
        raise_for_size(e, "fromiter", known, dt, "count")  # a count too big for any array
        if "too short" in str(e):
            raise ValueError(f"fromiter: {e}; pass count=-1 to read every value") from e
        raise ValueError(
            f"fromiter: a value of iter does not convert to {dt} ({e}); pass numbers, or a "
            "dtype that holds them"
        ) from e
    except TypeError as e:
        if not isinstance(iter, Iterable):
            raise TypeError(
                f"fromiter: iter must be iterable, got {type(iter).__name__}; pass a list, a "
                "range or a generator of numbers"
            ) from e
        raise TypeError(
            f"fromiter: a value of iter does not convert to {dt} ({e}); pass numbers"
        ) from e
    dev = None if device is None else torch_device(device, caller="fromiter")
    return asarray(values, device=dev, requires_grad=requires_grad)


def frombuffer(
    buffer: Any,
    dtype: DTypeLike | None = None,
    count: int = -1,
    offset: int = 0,
    *,
    device: DeviceLike | None = None,
) -> Tensor:
    """The bytes of a buffer read as a 1-d tensor (NumPy's ``frombuffer``; float64 by default).

    Memory and autograd: shares the buffer's memory when it is writable (a ``bytearray``, a
    writable ``memoryview``, ...) and on the CPU; a read-only buffer (``bytes``) is copied,
    because a tensor cannot be read-only (see ``tb.asarray``). Not on any autograd graph.

    Raises
    ------
    ValueError
        When the buffer's size is not a multiple of the item size, or ``offset``/``count`` run
        past its end.
    TypeError
        When ``buffer`` does not support the buffer protocol (``None``, a ``str``, a list).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.frombuffer(bytearray(b"\\x01\\x02"), tb.uint8)
    tensor([1, 2], dtype=torch.uint8)
    """
    dt = default_float_dtype() if dtype is None else torch_dtype(dtype, caller="frombuffer")
    if device is None and type(buffer) is bytearray and len(buffer):
        try:  # a writable buffer torch reads as NumPy does (count in items, offset in bytes)
            if count == -1 and offset == 0:
                return torch.frombuffer(buffer, dtype=dt)
            return torch.frombuffer(buffer, dtype=dt, count=count, offset=offset)
        except ValueError:
            pass  # sizes that do not fit: NumPy's message below
    twin = numpy_dtype_of(dt)
    if twin is None:
        raise TypeError(f"frombuffer: dtype {dt} has no NumPy twin to read bytes with")
    try:
        values = np.frombuffer(buffer, dtype=twin, count=count, offset=offset)
    except ValueError as e:
        raise ValueError(f"frombuffer: {e}") from e
    except TypeError as e:
        raise TypeError(
            f"frombuffer: buffer must support the buffer protocol, got "
            f"{type(buffer).__name__}; pass bytes, a bytearray or a memoryview (for an array "
            "or a list, use tb.asarray)"
        ) from e
    return asarray(
        values, device=None if device is None else torch_device(device, caller="frombuffer")
    )


def ascontiguousarray(a: Any, dtype: DTypeLike | None = None) -> Tensor:
    """``a`` as a C-contiguous (row-major) tensor of at least one dimension (NumPy's).

    Memory and autograd: ``a`` itself (or a view of it) when it is already a contiguous tensor
    of ``dtype``, else new memory; stays on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> t = tb.ascontiguousarray(tb.zeros((2, 3)).T)
    >>> t.is_contiguous(), tuple(t.shape)
    (True, (3, 2))
    """
    t = (
        a
        if type(a) is _Tensor and dtype is None
        else as_tensor(a, "ascontiguousarray", "a", dtype=dtype)
    )
    if t.ndim == 0:
        t = t.reshape(1)
    return t.contiguous()


def tri(
    N: int,
    M: int | None = None,
    k: int = 0,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> Tensor:
    """An ``N x M`` array with ones at and below diagonal ``k``, zeros above (NumPy's ``tri``).

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Raises
    ------
    ValueError
        For negative sizes, or an ``N x M`` result too big for any array (NumPy's tri, which
        makes ``arange(N)`` first, raises MemoryError for some of those: no such result exists).
    MemoryError
        For a size the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).
    TypeError
        For sizes or ``k`` that are not integers, or a bad dtype.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.tri(2, 3, 1, tb.int64)
    tensor([[1, 1, 0],
            [1, 1, 1]])
    """
    if (
        type(N) is int
        and N >= 0
        and (M is None or (type(M) is int and M >= 0))
        and type(k) is int
        and device is None
        and requires_grad is False
    ):
        dt = current_defaults()[0] if dtype is None else torch_dtype(dtype, caller="tri")
        if dt not in UNSIGNED_GAPS and dt is not torch.bool:
            try:
                return torch.ones(N, N if M is None else M, dtype=dt, device=CPU).tril_(k)
            except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                raise_for_size(e, "tri", (N, N if M is None else M), dt, "size")
                raise
    n, m = torch_shape((N, N if M is None else M), "tri")
    if isinstance(k, bool) or not hasattr(k, "__index__"):
        raise TypeError(f"tri: k={k!r} is not an integer; pass the diagonal's offset as an int")
    diagonal = int(k)
    dt = current_defaults()[0] if dtype is None else torch_dtype(dtype, caller="tri")
    if requires_grad:
        check_requires_grad(True, dt, "tri")
    dev = torch_device(device, caller="tri")
    try:
        if dt in UNSIGNED_GAPS or dt is torch.bool:
            check_size((n, m), dt, "tri", "size")  # the comparison broadcasts to (n, m)
            rows = torch.arange(n, device=dev).unsqueeze(1)
            out = (rows + diagonal >= torch.arange(m, device=dev)).to(dt)
        else:
            out = torch.ones(n, m, dtype=dt, device=dev).tril_(diagonal)
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        raise_for_size(e, "tri", (n, m), dt, "size")
        raise
    return out.requires_grad_(True) if requires_grad else out


def diag(v: Tensor, k: int = 0) -> Tensor:
    """The ``k``-th diagonal of a 2-d ``v``, or a 2-d array with a 1-d ``v`` on that diagonal.

    NumPy's ``diag``; ``k > 0`` is above the main diagonal, ``k < 0`` below.

    Memory and autograd: new memory (NumPy returns a read-only view of a 2-d ``v``; torch has
    no read-only tensors, so the diagonal is copied); stays on ``v``'s autograd graph.

    Raises
    ------
    ValueError
        For a ``v`` that is not 1-d or 2-d, or a matrix too big for any array.
    MemoryError
        For a matrix the CPU cannot allocate.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.diag(tb.asarray([1, 2]), 1)
    tensor([[0, 1, 0],
            [0, 0, 2],
            [0, 0, 0]])
    """
    try:
        if v.ndim == 1 or v.ndim == 2:  # noqa: PLR1714 - two compares beat a tuple
            return _diag(v) if k == 0 and type(k) is int else _diag(v, k)
    except (AttributeError, TypeError, RuntimeError, NotImplementedError):
        pass
    return _diag_slow(v, k, "diag")


def _diag_slow(v: object, k: object, caller: str) -> Tensor:
    t = v if isinstance(v, Tensor) else as_tensor(v, caller, "v")
    if isinstance(k, bool) or not hasattr(k, "__index__"):
        raise TypeError(
            f"{caller}: k={k!r} is not an integer; pass the diagonal's offset as an int"
        )
    diagonal = int(k)  # pyright: ignore[reportArgumentType] - has __index__
    if caller == "diagflat":
        t = t.reshape(-1)
    elif t.ndim not in (1, 2):
        raise ValueError(
            f"diag: v must be 1-d (to build a matrix) or 2-d (to read a diagonal), got shape "
            f"{tuple(t.shape)}; use tb.linalg.diagonal for stacks of matrices"
        )
    if t.ndim == 2 and not -t.shape[0] < diagonal < t.shape[1]:
        return t.new_empty(0)  # NumPy: a diagonal outside the matrix is empty
    try:
        return torch.diag(t, diagonal)
    except NotImplementedError as e:
        return bits_or_raise(lambda u: torch.diag(u, diagonal), t, caller, e)
    except RuntimeError as e:  # a matrix too big, or no memory for it
        side = t.shape[0] + abs(diagonal)
        raise_for_size(e, caller, (side, side), t.dtype, "k")
        raise


def diagflat(v: Tensor, k: int = 0) -> Tensor:
    """A 2-d array with the flattened ``v`` on diagonal ``k`` (NumPy's ``diagflat``).

    Memory and autograd: new memory; stays on ``v``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.diagflat(tb.asarray([[1, 2]]))
    tensor([[1, 0],
            [0, 2]])
    """
    try:
        return _diagflat(v) if k == 0 and type(k) is int else _diagflat(v, k)
    except (AttributeError, TypeError, RuntimeError, NotImplementedError):
        pass
    return _diag_slow(v, k, "diagflat")


def vander(x: Tensor, N: int | None = None, increasing: bool = False) -> Tensor:
    """The Vandermonde matrix of a 1-d ``x``: columns are powers of ``x`` (NumPy's ``vander``).

    Column ``j`` is ``x ** (N - 1 - j)`` (``x ** j`` with ``increasing=True``); ``N`` defaults
    to ``len(x)``. The powers are running products, as NumPy computes them, in NumPy's dtype
    (``x``'s promoted with int64: integers give int64, float32 gives float64).

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For an ``x`` that is not 1-d, a negative ``N``, or a result too big for any array.
    MemoryError
        For a size the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.vander(tb.asarray([1, 2, 3]), 3)
    tensor([[1, 1, 1],
            [4, 2, 1],
            [9, 3, 1]])
    """
    t = x if type(x) is _Tensor else as_tensor(x, "vander", "x")
    if t.ndim != 1:
        raise ValueError(f"vander: x must be 1-d, got shape {tuple(t.shape)}; pass a vector")
    n = t.shape[0] if N is None else N
    if isinstance(n, bool) or not hasattr(n, "__index__") or n < 0:
        raise ValueError(f"vander: N={N!r} must be a non-negative integer (the column count)")
    dt = promote(t.dtype, torch.int64)
    cols = operator.index(n)
    try:
        if dt not in UNSIGNED_GAPS and not t.requires_grad:
            # torch.vander is NumPy's: a column of ones, then running products (cumprod); its
            # backward fails (it writes into a tensor its cumprod saved), hence not under
            # autograd
            return torch.vander(t if t.dtype is dt else t.to(dt), cols, bool(increasing))
        parts = [torch.ones(t.shape[0], 1, dtype=dt, device=t.device)] if cols > 0 else []
        if cols > 1:
            base = t.to(dt).unsqueeze(1).expand(t.shape[0], cols - 1)
            if dt in UNSIGNED_GAPS:  # no cumprod kernel (pytorch#58734): wrap-around on the bits
                parts.append(bits_or_raise(_cumprod, base, "vander", NotImplementedError()))
            else:
                parts.append(torch.cumprod(base, 1))
        out = (
            torch.cat(parts, 1) if parts else torch.empty(t.shape[0], 0, dtype=dt, device=t.device)
        )
        return out if increasing else out.flip(1)
    except RuntimeError as e:  # too big, or no memory for it
        raise_for_size(e, "vander", (t.shape[0], cols), dt, "N")
        raise


def _cumprod(t: Tensor) -> Tensor:
    return torch.cumprod(t, 1)


# ---- asarray_chkfinite, require --------------------------------------------------------------

_ORDERS: Final = (None, "C", "F", "A", "K")


def asarray_chkfinite(a: Any, dtype: DTypeLike | None = None, order: str | None = None) -> Tensor:
    """``a`` as a tensor (as :func:`asarray`), after checking that it holds no NaN or infinity.

    The check reads the values: ``isfinite(...).all()`` is brought to the host, a device sync
    off the CPU (and skipped on the meta device, which has no values). Integer and bool arrays
    are always finite. ``order`` "C" gives a contiguous tensor; None, "K" and "A" keep the
    layout; "F" is refused (ask :func:`require` for a column-major layout).

    Memory and autograd: as :func:`asarray`: ``a`` itself when it is a tensor of ``dtype``
    (shared memory, same graph), a view of a NumPy array when possible, else new memory.

    Raises
    ------
    ValueError
        When ``a`` holds a NaN or an infinity; for ``order="F"`` or an unknown order.
    TypeError
        For ``a`` that is not array data, or a bad ``dtype``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.asarray_chkfinite([1.0, 2.0])
    tensor([1., 2.], dtype=torch.float64)
    """
    if order not in _ORDERS or order == "F":
        raise ValueError(
            f"asarray_chkfinite: order={order!r} is not supported; pass None, 'C', 'A' or 'K' "
            "(tb.require(a, requirements='F') gives a column-major layout)"
        )
    t = (
        a
        if type(a) is _Tensor and dtype is None
        else as_tensor(a, "asarray_chkfinite", "a", dtype=dtype)
    )
    inexact = t.is_floating_point() or t.is_complex()
    if inexact and t.device.type != "meta" and not bool(torch.isfinite(t).all()):
        raise ValueError(
            "asarray_chkfinite: a holds NaN or infinite values (array must not contain "
            "infs or NaNs); clean it first, e.g. with tb.nan_to_num(a)"
        )
    return t.contiguous() if order == "C" else t


_REQUIREMENTS: Final = {
    "C": "C", "C_CONTIGUOUS": "C", "CONTIGUOUS": "C",
    "F": "F", "F_CONTIGUOUS": "F", "FORTRAN": "F",
    "A": "A", "ALIGNED": "A",
    "W": "W", "WRITEABLE": "W",
    "O": "O", "OWNDATA": "O",
    "E": "E", "ENSUREARRAY": "E",
}  # fmt: skip


def _requirements(requirements: object) -> set[str]:
    if requirements is None:
        return set()
    listed = [requirements] if isinstance(requirements, str) else requirements
    if not isinstance(listed, (list, tuple, set, frozenset)):
        raise TypeError(
            f"require: requirements must be a string or a sequence of strings, got "
            f"{type(requirements).__name__}; pass e.g. requirements=['C', 'W']"
        )
    out = set()
    for r in listed:
        key = _REQUIREMENTS.get(r.upper()) if isinstance(r, str) else None
        if key is None:
            raise ValueError(
                f"require: {r!r} is not a requirement; pass any of 'C', 'F', 'A', 'W', 'O', 'E' "
                "(or NumPy's long names such as 'C_CONTIGUOUS')"
            )
        out.add(key)
    if {"C", "F"} <= out:
        raise ValueError("require: 'C' and 'F' ask for two layouts at once; pass one of them")
    return out


def _column_major(t: Tensor) -> bool:
    expected = 1
    for size, stride in zip(t.shape, t.stride(), strict=True):
        if size != 1 and stride != expected:
            return False
        expected *= size
    return True


def _overlaps(t: Tensor) -> bool:
    """Whether entries share memory (a broadcast view: stride 0 over a length above 1)."""
    return any(stride == 0 and size > 1 for size, stride in zip(t.shape, t.stride(), strict=True))


def require(a: Any, dtype: DTypeLike | None = None, requirements: Any = None) -> Tensor:
    """``a`` as a tensor of ``dtype`` that meets NumPy's memory ``requirements``, copying only
    when it must.

    The requirements, as they map to tensors: "C" (C_CONTIGUOUS) a row-major tensor
    (``contiguous()``); "F" (F_CONTIGUOUS) a column-major one (strides reversed: the memory
    NumPy's Fortran order has); "W" (WRITEABLE) memory that can be written entry by entry (a
    broadcast view, whose entries share memory, is copied); "O" (OWNDATA) memory of its own
    (a view of another tensor or of a NumPy array is copied); "A" (ALIGNED) and "E"
    (ENSUREARRAY) always hold for tensors.

    Memory and autograd: ``a`` itself when it meets every requirement (shared memory, same
    graph); else a copy, still on ``a``'s autograd graph.

    Raises
    ------
    ValueError
        For an unknown requirement, or "C" with "F".
    TypeError
        For ``a`` that is not array data, a bad ``dtype`` or ``requirements`` of another type.

    Examples
    --------
    >>> import tbridge as tb
    >>> x = tb.zeros((2, 3))
    >>> tb.require(x, requirements="C") is x
    True
    >>> tb.require(x, requirements="F").stride()
    (1, 2)
    """
    wanted = _requirements(requirements)
    t = a if type(a) is _Tensor and dtype is None else as_tensor(a, "require", "a", dtype=dtype)
    shares_numpy = isinstance(a, np.ndarray) and t.numel() > 0 and t.data_ptr() == a.ctypes.data
    if "O" in wanted and (t._base is not None or shares_numpy):
        t = t.clone()
    if "W" in wanted and _overlaps(t):
        t = t.clone()
    if "C" in wanted:
        t = t.contiguous()
    elif "F" in wanted and not _column_major(t):
        reverse = tuple(range(t.ndim - 1, -1, -1))
        t = t.permute(reverse).contiguous().permute(reverse)
    return t
