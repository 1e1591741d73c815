"""Creation functions with NumPy's signatures, defaults and semantics, returning torch tensors.

The standard's creation chapter: ``arange``, ``empty``/``zeros``/``ones``/``full`` (and their
``*_like`` twins), ``eye``, ``linspace``, ``meshgrid``, ``tril``, ``triu``; ``asarray`` and
``from_dlpack`` live with the bridge. NumPy's calling conventions work beside torch's:

* the dtype may be passed positionally where NumPy takes it there: ``zeros((2, 3), np.float32)``,
  ``ones(3, "float32")``, ``full(shape, fill_value, dtype)``, ``eye(N, M, k, dtype)``,
  ``zeros_like(x, dtype)``; torch's ``zeros(5, 3)`` keeps working (a tuple or list first
  argument is NumPy's form, and then a second positional argument is the dtype);
* ``arange(stop=5)``, ``arange(start=1, stop=5, step=2)`` and ``linspace(start=, stop=, num=)``
  work by keyword; ``linspace`` takes array bounds and ``axis=``;
* ``meshgrid`` takes ``copy=``, ``sparse=`` and ``indexing=``; ``tril``/``triu`` take ``k``
  positionally.

A dtype given explicitly costs no more than the default: every dtype spelling is parsed once and
cached (:func:`tbridge._core.dtypes.torch_dtype`), and the fast paths that build small results
with NumPy serve the explicit float32/float64/int64/bool dtypes as they serve the defaults.

A size too big for any array (its bytes overflow int64) raises NumPy's ValueError, one the CPU
cannot allocate NumPy's MemoryError, each naming the function and the shape
(:func:`tbridge._core.normalize.raise_for_size`: torch's error is caught around the allocation,
so the common call pays nothing); CUDA's ``torch.OutOfMemoryError`` is left as torch raises it.

Memory and autograd: every function here except ``meshgrid(copy=False)`` returns a new tensor
that shares memory with nothing. With ``requires_grad=True`` it is a fresh autograd leaf;
otherwise it is not tracked. The ``*_like`` functions never put their result on the prototype's
autograd graph; ``tril``, ``triu`` and ``meshgrid`` stay on their inputs' graphs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Final, Literal, Protocol, TypeAlias, cast, overload

import numpy as np
import torch
from torch import Tensor
from torch.compiler import is_dynamo_compiling as _compiling

from tbridge._convert.gate import as_tensor
from tbridge._core.dtypes import (
    INT_BOUNDS,
    DTypeLike,
    current_defaults,
    default_complex_dtype,
    default_float_dtype,
    int_out_of_bounds,
    numpy_dtype_of,
    python_int_dtype,
    torch_dtype,
    torch_dtype_of_numpy,
)
from tbridge._core.normalize import (
    CPU,
    DeviceLike,
    ShapeLike,
    check_requires_grad,
    raise_for_size,
    torch_device,
    torch_shape,
)
from tbridge._core.promotion import result_type
from tbridge._core.shapes import bits_or_raise, broadcast_shape, normalize_axis
from tbridge._core.tracing import values_checkable
from tbridge._core.typing import ScalarLike
from tbridge._core.workarounds import UNSIGNED_GAPS

__all__ = [
    "arange",
    "empty",
    "empty_like",
    "eye",
    "full",
    "full_like",
    "linspace",
    "meshgrid",
    "ones",
    "ones_like",
    "rand_like",
    "randn_like",
    "tril",
    "triu",
    "zeros",
    "zeros_like",
]

RealScalar: TypeAlias = "int | float | np.integer[Any] | np.floating[Any]"
ArrayLike: TypeAlias = "torch.Tensor | np.ndarray[Any, Any]"

# Hot paths call these through module globals: one dictionary lookup instead of two.
_Tensor: Final = torch.Tensor
_from_numpy: Final = torch.from_numpy
_full: Final = torch.full
_eye: Final = torch.eye
_full_like: Final = torch.full_like
_tril: Final = torch.tril
_triu: Final = torch.triu
_I8: Final = np.dtype(np.int64)
_F8: Final = np.dtype(np.float64)
_F4: Final = np.dtype(np.float32)

#: Up to this many elements, ``full`` and ``eye`` are built by NumPy: a few NumPy calls cost
#: less than one torch call. The dtypes whose values NumPy and torch write alike (float16 is
#: left out: torch rounds a float64 fill through float32).
_SMALL: Final = 1024
_SMALL_EYE: Final = 256  # templates are cached: keep them small
_SMALL_DTYPES: Final[dict[torch.dtype, np.dtype[Any]]] = {
    torch.float64: _F8,
    torch.float32: _F4,
    torch.int64: _I8,
    torch.bool: np.dtype(np.bool_),
}
_SMALL_FLOATS: Final = frozenset({torch.float64, torch.float32})
_F4_MAX: Final = float(np.finfo(np.float32).max)
#: The integer dtypes: a NaN or infinite fill value has no value in them (bool takes True).
_HOLDS_NO_NAN: Final = frozenset(
    {
        torch.int8,
        torch.int16,
        torch.int32,
        torch.int64,
        torch.uint8,
        torch.uint16,
        torch.uint32,
        torch.uint64,
    }
)

#: Up to this many elements, ``arange`` with floats and ``linspace`` compute on the CPU with
#: NumPy itself (bit-exact by construction, and a few NumPy calls cost less than torch's
#: per-op overhead); above it, torch's kernels (fewer passes over memory) do the work.
NUMPY_MAX: Final = 4096

#: Integers this small are exact in float64, and NumPy's float-based length formula for
#: ``arange`` agrees with exact integer arithmetic on them.
_EXACT_INT: Final = 2**52

# NumPy twins of the floating dtypes whose small-n arange/linspace NumPy computes, with the
# largest magnitude of a whole number each holds exactly (for the one-op torch.arange path).
_NUMPY_FLOATS: Final[dict[torch.dtype, np.dtype[Any]]] = {torch.float64: _F8, torch.float32: _F4}
_WHOLE_LIMIT: Final = {torch.float64: 2.0**53, torch.float32: 2.0**24, torch.float16: 2.0**11}
#: ``arange(n, dtype=...)`` with an int ``n`` is NumPy's own arange for these dtypes, shared.
_ARANGE_NUMPY: Final[dict[torch.dtype, np.dtype[Any]]] = {
    torch.int64: _I8,
    torch.int32: np.dtype(np.int32),
    torch.float64: _F8,
    torch.float32: _F4,
}
# Bounds under these magnitudes keep NumPy's linspace free of overflow (and its warnings), and
# integer bounds exact as float64.
_LINSPACE_LIMIT: Final = {
    torch.float64: float(_EXACT_INT),
    torch.float32: 1e38,
    torch.float16: float(_EXACT_INT),  # beyond 65504 the values overflow to inf, as in NumPy
}
#: linspace's NumPy path also serves float16: NumPy rounds float64 to float16 once, where
#: torch's cast goes through float32 and can land one float16 ulp away.
_LINSPACE_NUMPY: Final = {**_NUMPY_FLOATS, torch.float16: np.dtype(np.float16)}
#: Up to this many samples, linspace's values are computed as Python floats.
_LIST_MAX: Final = 24

#: Spellings that read as a dtype where a size could also stand (``ones(3, "float32")``).
_DTYPE_TYPES: Final = (str, torch.dtype, np.dtype, type)


def _floating(dtype: DTypeLike | None, caller: str) -> torch.dtype:
    return default_float_dtype() if dtype is None else torch_dtype(dtype, caller=caller)


# ---- empty, zeros, ones: one body ----------------------------------------------------------


def _filled_slow(
    fill: Callable[..., Tensor],
    caller: str,
    shape: object,
    dims: tuple[object, ...],
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
) -> Tensor:
    """The general path of ``empty``/``zeros``/``ones``: spellings, validation, options."""
    if shape is None:
        if dims:
            raise TypeError(f"{caller}: shape=None is not a shape; pass sizes, e.g. {caller}(5, 3)")
        raise TypeError(
            f"{caller}() missing the shape; pass e.g. {caller}(5, 3) or {caller}((5, 3)); "
            f"{caller}(()) makes a 0-d array"
        )
    positional = (shape, *dims)
    if dims and (dims[-1] is None or isinstance(dims[-1], _DTYPE_TYPES)):
        # NumPy's zeros(shape, dtype), dtype=None among them
        if dtype is not None:
            raise TypeError(
                f"{caller}() got the dtype twice: positionally ({dims[-1]!r}) and as "
                f"dtype={dtype!r}; pass it once"
            )
        dtype = cast("DTypeLike", dims[-1])  # a dtype object or string: torch_dtype checks it
        positional = positional[:-1]
    if len(positional) > 1 and isinstance(positional[0], (tuple, list)):
        raise TypeError(
            f"{caller}: a shape given as a sequence ({positional[0]!r}) takes no more sizes, got "
            f"{positional[1]!r} after it; the second argument is the dtype "
            f"({caller}((2, 3), tb.float32)), or pass the sizes alone ({caller}(2, 3))"
        )
    size = torch_shape(positional, caller)  # type: ignore[arg-type]
    dt = default_float_dtype() if dtype is None else torch_dtype(dtype, caller=caller)
    if requires_grad:
        check_requires_grad(requires_grad, dt, caller)
    dev = torch_device(device, caller=caller)
    try:
        return fill(size=size, dtype=dt, device=dev, requires_grad=requires_grad)
    except (RuntimeError, TypeError) as e:
        raise_for_size(e, caller, size, dt)
        raise


class _Filled(Protocol):
    """The signature of ``empty``, ``zeros`` and ``ones``."""

    def __call__(
        self,
        shape: ShapeLike | None = None,
        *dims: ShapeLike | DTypeLike | None,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
    ) -> Tensor: ...


def _make_filled(fill: Callable[..., Tensor], caller: str) -> _Filled:
    """``empty``, ``zeros`` or ``ones``: one body around torch's ``fill`` function."""

    def filled(
        shape: ShapeLike | None = None,
        *dims: ShapeLike | DTypeLike | None,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
    ) -> Tensor:
        if device is None and requires_grad is False:
            size: Any
            dt: Any = dtype
            if not dims:  # zeros(3), zeros((3, 4))
                size = (shape,) if type(shape) is int else shape
            elif len(dims) == 1 and type(shape) is tuple and dtype is None:
                size, dt = shape, dims[0]  # NumPy's zeros((3, 4), dtype)
            else:
                size = (shape, *dims)  # torch's zeros(3, 4)
            if type(size) is tuple:
                for d in size:
                    if type(d) is not int or d < 0:
                        break
                else:
                    dt = current_defaults()[0] if dt is None else torch_dtype(dt, caller=caller)
                    try:
                        return fill(size=size, dtype=dt, device=CPU)  # by keyword: parsed faster
                    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                        raise_for_size(e, caller, size, dt)
                        raise
        return _filled_slow(fill, caller, shape, dims, dtype, device, requires_grad)

    filled.__name__ = filled.__qualname__ = caller
    return filled


empty: Final[_Filled] = _make_filled(torch.empty, "empty")
empty.__doc__ = """An uninitialized tensor: ``empty(5, 3)``, ``empty((5, 3))``; float64 by default.

    NumPy's ``empty((5, 3), dtype)`` and torch's ``empty(5, 3, dtype=...)`` spellings both
    work.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Raises
    ------
    TypeError
        For sizes that are not integers, or a dtype that is not one.
    ValueError
        For negative sizes, or a shape too big for any array (its bytes overflow int64).
    MemoryError
        For a shape the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.empty(5, 3).shape, tb.empty((5, 3), tb.float32).dtype
    (torch.Size([5, 3]), torch.float32)
    """

zeros: Final[_Filled] = _make_filled(torch.zeros, "zeros")
zeros.__doc__ = """A tensor of zeros: ``zeros(5, 3)``, ``zeros((5, 3))``; float64 by default.

    NumPy's ``zeros((5, 3), dtype)`` and torch's ``zeros(5, 3, dtype=...)`` spellings both
    work.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Raises
    ------
    TypeError
        For sizes that are not integers, or a dtype that is not one.
    ValueError
        For negative sizes, or a shape too big for any array (its bytes overflow int64).
    MemoryError
        For a shape the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.zeros(2, 3, dtype=tb.int64)
    tensor([[0, 0, 0],
            [0, 0, 0]])
    >>> tb.zeros((2,), "float32")
    tensor([0., 0.])
    """

ones: Final[_Filled] = _make_filled(torch.ones, "ones")
ones.__doc__ = """A tensor of ones: ``ones(5, 3)``, ``ones((5, 3))``; float64 by default.

    NumPy's ``ones((5, 3), dtype)`` and torch's ``ones(5, 3, dtype=...)`` spellings both work.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Raises
    ------
    TypeError
        For sizes that are not integers, or a dtype that is not one.
    ValueError
        For negative sizes, or a shape too big for any array (its bytes overflow int64).
    MemoryError
        For a shape the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.ones(2, "f4")
    tensor([1., 1.])
    """


# ---- full, eye -----------------------------------------------------------------------------


def _scalar_dtype(value: object, caller: str) -> torch.dtype:
    """The dtype NumPy infers for one scalar, with tbridge's floating defaults."""
    kind = type(value)
    if kind is bool:
        return torch.bool
    if kind is int:
        return python_int_dtype(value, caller)  # type: ignore[arg-type]
    if kind is float:
        return default_float_dtype()
    if kind is complex:
        return default_complex_dtype()
    if isinstance(value, np.generic):
        found = torch_dtype_of_numpy(value.dtype)
        if found is not None:
            return found
    if isinstance(value, torch.Tensor) and value.ndim == 0:
        return value.dtype
    raise TypeError(
        f"{caller}: fill value {value!r} is not a scalar; pass a bool, int, float, complex, "
        "NumPy scalar or 0-d tensor"
    )


def _check_int_fill(caller: str, value: object, dt: torch.dtype) -> None:
    """NumPy's OverflowError for a Python int fill value outside integer ``dt``'s range."""
    error = int_out_of_bounds(
        value, dt, "pass a fill value the dtype holds, or a wider dtype", caller
    )
    if error is not None:
        raise error


def _not_representable(caller: str, value: object, dt: torch.dtype) -> ValueError:
    if isinstance(value, float) and math.isfinite(value) and dt in INT_BOUNDS:
        lo, hi = INT_BOUNDS[dt]
        why = f"it lies outside the dtype's range ({lo} to {hi})"
    else:
        why = "integers hold no NaN or infinity"
    return ValueError(
        f"{caller}: fill value {value!r} does not fit dtype {dt}: {why}; pass a value the dtype "
        "holds, or a floating dtype"
    )


def _numpy_fill(caller: str, value: object, dt: torch.dtype, refused: Exception) -> int | float:
    """The fill value that torch refused for ``dt``, cast as NumPy's ``full`` casts it: a NumPy
    integer wraps around (Python ints out of range were refused before), a finite float past a
    floating dtype's range rounds as IEEE casts round (to the largest value just past it, to
    infinity beyond). Complex into a real dtype is a TypeError (NumPy drops the imaginary part
    with a ComplexWarning); NaN, infinity and out-of-range floats into an integer dtype are a
    ValueError (NumPy stores an undefined integer)."""
    if isinstance(value, complex) and not (dt.is_complex or dt is torch.bool):
        raise TypeError(
            f"{caller}: fill value {value!r} is complex and {dt} is not; pass a complex dtype, "
            "or the part you want (z.real, abs(z))"
        ) from refused
    bounds = INT_BOUNDS.get(dt)
    if bounds is not None and isinstance(value, int) and not isinstance(value, bool):
        lo, hi = bounds
        return (value - lo) % (hi - lo + 1) + lo
    if bounds is not None and isinstance(value, float) and math.isfinite(value):
        whole = int(value)  # NumPy's cast truncates toward zero: -0.5 is 0 in uint8
        if bounds[0] <= whole <= bounds[1]:
            return whole
    if (
        (dt.is_floating_point or dt.is_complex)
        and isinstance(value, (int, float))
        and math.isfinite(value)
    ):
        real = dt.to_real() if dt.is_complex else dt
        return torch.tensor(float(value), dtype=torch.float64).to(real).item()
    raise _not_representable(caller, value, dt) from refused


def full(
    shape: ShapeLike,
    fill_value: ScalarLike | torch.Tensor,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """A tensor filled with ``fill_value``; the dtype is inferred from it as NumPy does.

    ``full(3, 1.0)`` is float64, ``full(3, 1)`` int64, ``full(3, True)`` bool. The dtype may be
    given positionally (``full((2, 2), 7, tb.float32)``). An array ``fill_value`` (a tensor, a
    NumPy array, a list) broadcasts to ``shape``, as in NumPy; a tensor fill value keeps its
    autograd graph and, with ``device=None``, its device.

    Memory and autograd: new memory. A plain scalar gives an untracked tensor (a fresh leaf with
    ``requires_grad=True``); a tensor fill value stays on its autograd graph.

    A scalar fill value is cast as NumPy casts it: a NumPy integer wraps around
    (``full(2, np.int64(300), tb.int8)`` holds 44), a float past a floating dtype's range
    rounds to its largest value or to infinity, as NumPy's cast rounds it.

    Raises
    ------
    ValueError
        For a fill value the dtype cannot hold (NaN, infinity or a float out of range in an
        integer dtype, where NumPy stores an undefined integer), a negative size, an array fill
        value that does not broadcast, or a shape too big for any array (its bytes overflow
        int64).
    OverflowError
        For a Python int out of an integer dtype's range (NumPy's error).
    MemoryError
        For a shape the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).
    TypeError
        For a fill value that is not numeric data, a complex scalar into a real dtype (NumPy
        drops the imaginary part with a ComplexWarning), sizes that are not integers, a bad
        dtype.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.full((2, 2), 7)
    tensor([[7, 7],
            [7, 7]])
    >>> tb.full(2, 1.5, tb.float32)
    tensor([1.5000, 1.5000])
    """
    if device is None and requires_grad is False:
        kind = type(fill_value)
        size: Any = (shape,) if type(shape) is int else shape
        if type(size) is tuple and (kind is float or kind is int or kind is bool):
            count = 1
            for d in size:
                if type(d) is not int or d < 0:
                    break
                count *= d
            else:
                value = cast(float, fill_value)  # a Python bool, int or float
                if dtype is not None:
                    dt = torch_dtype(dtype, caller="full")
                elif kind is float:
                    dt = current_defaults()[0]
                else:
                    dt = python_int_dtype(fill_value, "full") if kind is int else torch.bool  # type: ignore[arg-type]
                if (
                    kind is int
                    and (bounds := INT_BOUNDS.get(dt)) is not None
                    and not bounds[0] <= value <= bounds[1]
                ):
                    _check_int_fill("full", value, dt)
                if (
                    count <= _SMALL
                    and dt in _SMALL_DTYPES
                    and (kind is not float or dt in _SMALL_FLOATS)
                    and not (dt is torch.float32 and _F4_MAX < abs(value) < math.inf)
                    and not _compiling()  # torch.compile traces no NumPy work
                ):
                    # (a float past float32's range takes torch's path: NumPy's fill would
                    # warn, and tbridge reports no floating-point errors)
                    return _small_full(size, value, dt)
                if kind is float and dt in _HOLDS_NO_NAN and not math.isfinite(value):
                    raise _not_representable("full", fill_value, dt)
                try:
                    return _full(size, value, dtype=dt, device=CPU)
                except (RuntimeError, OverflowError, TypeError) as e:
                    raise_for_size(e, "full", size, dt)  # too big, or no memory for it
                    if isinstance(e, TypeError):
                        raise
                    return _full(size, _numpy_fill("full", value, dt, e), dtype=dt, device=CPU)
    return _full_slow(shape, fill_value, dtype, device, requires_grad)


def _full_slow(
    shape: object,
    fill_value: object,
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
) -> Tensor:
    size = torch_shape((shape,), "full")  # type: ignore[arg-type]
    if not isinstance(fill_value, (bool, int, float, complex, np.generic, Tensor)):
        if isinstance(fill_value, (str, bytes)) or fill_value is None:
            _scalar_dtype(fill_value, "full")  # raises the explained TypeError
        fill_value = as_tensor(fill_value, "full", "fill_value")
    if isinstance(fill_value, Tensor) and fill_value.ndim > 0:
        dt = fill_value.dtype if dtype is None else torch_dtype(dtype, caller="full")
    else:
        dt = (
            _scalar_dtype(fill_value, "full")
            if dtype is None
            else torch_dtype(dtype, caller="full")
        )
    check_requires_grad(requires_grad, dt, "full")
    if isinstance(fill_value, torch.Tensor):
        dev = fill_value.device if device is None else torch_device(device, caller="full")
        try:
            grown = fill_value.to(device=dev, dtype=dt).expand(size)
        except RuntimeError as e:
            raise ValueError(
                f"full: a fill value of shape {tuple(fill_value.shape)} does not broadcast to "
                f"shape {size}; pass a scalar, or an array that broadcasts"
            ) from e
        try:
            out = grown.clone(memory_format=torch.contiguous_format)
        except RuntimeError as e:
            raise_for_size(e, "full", size, dt)
            raise
        return out.requires_grad_(True) if requires_grad and not out.requires_grad else out
    fill: bool | int | float | complex = (
        fill_value.item() if isinstance(fill_value, np.generic) else fill_value
    )
    if isinstance(fill, float) and dt in _HOLDS_NO_NAN and not math.isfinite(fill):
        raise _not_representable("full", fill, dt)
    if type(fill_value) is int:  # a NumPy integer casts as NumPy casts it (it wraps)
        _check_int_fill("full", fill, dt)
    dev = torch_device(device, caller="full")
    try:
        return torch.full(size, fill, dtype=dt, device=dev, requires_grad=requires_grad)
    except (RuntimeError, OverflowError, TypeError) as e:
        raise_for_size(e, "full", size, dt)  # too big, or no memory for it
        if isinstance(e, TypeError):
            raise
        fill = _numpy_fill("full", fill, dt, e)
    return torch.full(size, fill, dtype=dt, device=dev, requires_grad=requires_grad)


def _small_full(size: tuple[int, ...], value: float, dt: torch.dtype) -> torch.Tensor:
    """``full`` for a few elements: NumPy fills them for less than one torch call costs."""
    out: np.ndarray[Any, Any] = np.empty(size, dtype=_SMALL_DTYPES[dt])
    try:
        out.fill(value)
    except OverflowError:  # an int beyond int64: torch's path raises the explained error
        return _full_slow(size, value, dt, None, False)
    return _from_numpy(out)


#: Read-only NumPy templates of small identity matrices, by (n, m, dtype); bounded.
_EYES: dict[tuple[int, int, torch.dtype], np.ndarray[Any, Any]] = {}
_EYES_MAX: Final = 64


def _small_eye(n: int, m: int, dt: torch.dtype) -> torch.Tensor:
    """``eye(n, m)`` for a few elements: a fresh copy of a cached NumPy template, which costs
    less than one torch call (see :func:`_small_full`)."""
    key = (n, m, dt)
    template = _EYES.get(key)
    if template is None:
        template = np.eye(n, m, dtype=_SMALL_DTYPES[dt])
        template.setflags(write=False)
        if len(_EYES) < _EYES_MAX:
            _EYES[key] = template
    return _from_numpy(template.copy())


def eye(
    N: int,
    M: int | None = None,
    /,
    k: int = 0,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """An ``N x M`` tensor with ones on the ``k``-th diagonal (NumPy's ``eye``); float64 by default.

    NumPy's positional spelling ``eye(N, M, k, dtype)`` works.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Raises
    ------
    TypeError
        For sizes or ``k`` that are not integers, or a bad dtype.
    ValueError
        For negative sizes, or a shape too big for any array (its bytes overflow int64).
    MemoryError
        For a shape the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.eye(2, 3, k=1, dtype=int)
    tensor([[0, 1, 0],
            [0, 0, 1]])
    """
    if k == 0 and device is None and requires_grad is False and type(N) is int and N >= 0:
        if M is None:
            M = N  # pyright: ignore[reportConstantRedefinition] - NumPy names these N and M
        if type(M) is int and M >= 0 and type(k) is int:
            dt = current_defaults()[0] if dtype is None else torch_dtype(dtype, caller="eye")
            if N * M <= _SMALL_EYE and dt in _SMALL_DTYPES and not _compiling():
                return _small_eye(N, M, dt)
            if dt not in UNSIGNED_GAPS:
                try:
                    return _eye(N, M, dtype=dt, device=CPU)
                except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                    raise_for_size(e, "eye", (N, M), dt, "size")
                    raise
    if M is None:
        M = N  # pyright: ignore[reportConstantRedefinition] - NumPy names these N and M
    if type(N) is not int or type(M) is not int or N < 0 or M < 0:
        N, M = torch_shape((N, M), "eye")  # pyright: ignore[reportConstantRedefinition] - NumPy names these N and M
    dt = _floating(dtype, "eye")
    dev = torch_device(device, caller="eye")
    if type(k) is not int:
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
            raise TypeError(f"eye: k={k!r} is not an integer; pass the diagonal's offset as an int")
        k = int(k)
    check_requires_grad(requires_grad, dt, "eye")
    try:
        if k == 0 and dt not in UNSIGNED_GAPS:  # no eye kernel for uint16/32/64 (pytorch#58734)
            return torch.eye(N, M, dtype=dt, device=dev, requires_grad=requires_grad)
        out = torch.zeros(N, M, dtype=dt, device=dev)
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        raise_for_size(e, "eye", (N, M), dt, "size")
        raise
    if -N < k < M:  # otherwise the diagonal lies outside the matrix (and overflows torch)
        out.diagonal(k).fill_(1)
    return out.requires_grad_(True) if requires_grad else out


# ---- arange, linspace ----------------------------------------------------------------------


def _real_number(value: object, name: str, caller: str) -> int | float:
    if type(value) is int or type(value) is float:
        return value
    if isinstance(value, (np.integer, np.floating)) or (
        isinstance(value, torch.Tensor) and value.ndim == 0 and not value.is_complex()
    ):
        item = value.item()
        assert isinstance(item, (int, float))
        return item
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{caller}: {name}={value!r} is not a real number; pass an int or a float")
    return float(value) if isinstance(value, float) else int(value)


def _arange_dtype(values: tuple[object, ...]) -> torch.dtype:
    """NumPy's dtype for these bounds: any float makes the default float, else int64. NumPy
    scalars count by their dtype promoted with int64, as NumPy's ``arange`` promotes them
    (``np.float32(5)`` gives float64, ``np.int8(5)`` int64, ``np.uint64`` float64); so does
    a Python int past int64's range."""
    floating = False
    for v in values:
        kind = type(v)
        if kind is float:
            floating = True
        elif kind is int:
            # NumPy reads an int past int64 (up to uint64's top) as uint64, which promotes
            # with int64 to float64 (past both it makes an object array: OverflowError)
            floating = floating or python_int_dtype(cast(int, v), "arange") is torch.uint64
        else:
            if isinstance(v, np.generic):
                kinds = (x.dtype if isinstance(x, np.generic) else type(x) for x in values)
                return torch_dtype(np.result_type(np.int64, *kinds))
            if isinstance(v, float):
                floating = True
    return current_defaults()[0] if floating else torch.int64


_OPMATH: dict[torch.dtype, torch.dtype] = {
    torch.float16: torch.float32,
    torch.bfloat16: torch.float32,
}


def arange(
    start_or_stop: RealScalar | None = None,
    /,
    stop: RealScalar | None = None,
    step: RealScalar | None = None,
    dtype: DTypeLike | None = None,
    *,
    start: RealScalar | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Evenly spaced values in ``[start, stop)``, with NumPy's length, values and dtype.

    NumPy's spellings: ``arange(stop)``, ``arange(start, stop[, step[, dtype]])``, and by
    keyword ``arange(stop=5)``, ``arange(start=1, stop=5, step=2)``. ``arange(1, 0)`` is empty
    (torch raises); ``arange(0, 5, 1.5, dtype=int)`` has NumPy's 4 elements; the values follow
    NumPy's rule ``start + i * delta`` with ``delta = (start + step) - start`` computed in the
    result dtype.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Raises
    ------
    TypeError
        Without a stop, for bounds that are not real numbers, or a bad dtype.
    ZeroDivisionError
        For ``step=0`` (NumPy's error).
    ValueError
        For bounds that give no finite length (NaN, infinity), or more elements than any array
        can hold.
    MemoryError
        For a shape the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.arange(5)
    tensor([0, 1, 2, 3, 4])
    >>> tb.arange(start=1, stop=7, step=2)
    tensor([1, 3, 5])
    >>> tb.arange(1, 0).shape
    torch.Size([0])
    """
    if device is None and requires_grad is False and start is None and not _compiling():
        kind = type(start_or_stop)
        if stop is None:
            if kind is int and step is None and -_EXACT_INT < start_or_stop < _EXACT_INT:  # type: ignore[operator]
                if dtype is None:
                    try:
                        return _from_numpy(np.arange(cast(int, start_or_stop), dtype=_I8))
                    except MemoryError as e:  # NumPy's, without the function's name
                        raise_for_size(e, "arange", start_or_stop, torch.int64, "range")
                        raise
                exact = _ARANGE_NUMPY.get(torch_dtype(dtype, caller="arange"))
                if exact is not None and cast(int, start_or_stop) <= NUMPY_MAX:
                    return _from_numpy(np.arange(cast(int, start_or_stop), dtype=exact))
        elif kind is float or type(stop) is float or type(step) is float:
            # Python numbers with a float among them: no validation to do.
            lo, hi = cast(float, start_or_stop), cast(float, stop)
            by = 1 if step is None else cast(float, step)
            if (
                (kind is float or kind is int)
                and (type(hi) is float or type(hi) is int)
                and (type(by) is float or type(by) is int)
                and by != 0
            ):
                dt = current_defaults()[0] if dtype is None else torch_dtype(dtype, caller="arange")
                exact = _NUMPY_FLOATS.get(dt)
                if exact is not None:
                    n = _arange_length(lo, hi, by)
                    fast = _arange_exact(lo, hi, by, n, dt, exact, CPU)
                    if fast is not None:
                        return fast
    if start is not None:
        if start_or_stop is not None:
            raise TypeError(
                f"arange: start was given twice: positionally ({start_or_stop!r}) and as "
                f"start={start!r}; pass it once"
            )
        if stop is None:
            raise TypeError(
                f"arange: start={start!r} without a stop; pass stop= too (arange(start=1, "
                "stop=5)), or arange(5) for 0 to 5"
            )
        begin, end = start, stop
    elif stop is None:
        if start_or_stop is None:
            raise TypeError(
                "arange() requires a stop: got start_or_stop=None and no stop; pass e.g. "
                "arange(5) or arange(stop=5)"
            )
        begin, end = 0, start_or_stop
    elif start_or_stop is None:
        begin, end = 0, stop  # arange(stop=5)
    else:
        begin, end = start_or_stop, stop
    return _arange_general(begin, end, 1 if step is None else step, dtype, device, requires_grad)


def _arange_general(
    start: RealScalar,
    stop: RealScalar,
    step: RealScalar,
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
) -> Tensor:
    dt = (
        _arange_dtype((start, stop, step)) if dtype is None else torch_dtype(dtype, caller="arange")
    )
    if requires_grad:
        check_requires_grad(requires_grad, dt, "arange")
    if dt.is_complex:
        # torch has no complex arange kernel; with real bounds NumPy's complex values are the
        # real twin's values plus 0j.
        real = _arange_general(start, stop, step, dt.to_real(), device, False)
        real = real.to(dt)
        return real.requires_grad_(True) if requires_grad else real
    dev = torch_device(device, caller="arange")
    a = _real_number(start, "start", "arange")
    b = _real_number(stop, "stop", "arange")
    s = _real_number(step, "step", "arange")
    if s == 0:
        raise ZeroDivisionError(  # NumPy's class: its length divides by the step
            "arange: step=0 would never reach stop; pass a non-zero step"
        )
    if dt is torch.bool:
        return _arange_bool(a, b, s, dev)
    if dt.is_floating_point and max(abs(a), abs(b), abs(s)) > 2**63 - 1:
        if type(a) is int and type(b) is int and type(s) is int:
            return _arange_beyond_int64(a, b, s, dt, dev, requires_grad)
        if _compiling():  # torch.compile traces no Python ints beyond int64's bounds
            a, b, s = float(a), float(b), float(s)
        # (otherwise the ints stay exact: NumPy adds start + step as Python numbers, so
        # arange(2**62 - 29, -4e19, -2**62) holds -29.0, which float(start) + step loses)
    if (
        type(a) is int
        and type(b) is int
        and type(s) is int
        # ints past the whole numbers a float dtype holds take NumPy's rule further down: the
        # first two values rounded to the dtype, then stepped by their difference
        and 2 * (big := max(abs(a), abs(b), abs(s))) <= _WHOLE_LIMIT.get(dt, math.inf)
    ):
        # NumPy's length is the ceiling of the ints' true quotient, a float: the exact count
        # below 2**52, where the float cannot cross an integer; near int64's ends it can
        # differ from the exact count by one
        n = -((a - b) // s) if big < _EXACT_INT else math.ceil((b - a) / s)
        if n <= 0:
            return torch.empty(0, dtype=dt, device=dev, requires_grad=requires_grad)
        if not dt.is_floating_point:
            _arange_integer_ends(a, s, n, dt)
        try:
            if dt is torch.int64 and dev.type == "cpu" and big < _EXACT_INT and not _compiling():
                return _from_numpy(np.arange(a, b, s, dtype=_I8))
            if dt in UNSIGNED_GAPS or big >= _EXACT_INT:
                # No arange kernel for uint16/32/64 (pytorch#58734), and torch's own counts the
                # length in float64, which near int64's ends is wrong (arange(-2**63, 2**63 - 1,
                # 2**62) was empty) or an error: the values are made in int64, whose wrapping
                # arithmetic keeps the low bits (uint64 past int64 too).
                steps = torch.arange(n, dtype=torch.int64, device=dev)
                return steps.mul_(_wrap_int64(s)).add_(_wrap_int64(a)).to(dt)
            return torch.arange(a, b, s, dtype=dt, device=dev, requires_grad=requires_grad)
        except (RuntimeError, OverflowError, MemoryError) as e:  # too big, or no memory for it
            raise_for_size(e, "arange", n, dt, "range")
            raise
    n = _arange_length(a, b, s)
    if not (dt.is_floating_point or dt.is_complex) and not (math.isfinite(a) and math.isfinite(s)):
        raise ValueError(
            f"arange: start={a!r}, step={s!r} are not finite, and dtype {dt} holds only finite "
            "values; pass finite bounds"
        )
    if not (dt.is_floating_point or dt.is_complex):
        _arange_integer_ends(a, s, n, dt)
    exact = _NUMPY_FLOATS.get(dt)
    if exact is not None:
        out = _arange_exact(a, b, s, n, dt, exact, dev)
        if out is not None:
            return out.requires_grad_(True) if requires_grad else out
    work = torch.int64 if dt in UNSIGNED_GAPS else _OPMATH.get(dt, dt)
    try:
        steps = torch.arange(n, dtype=work, device=dev)
    except (RuntimeError, OverflowError) as e:  # too big, or no memory for it
        raise_for_size(e, "arange", n, dt, "range")
        raise
    if _compiling():
        # The same rule without NumPy scalars (torch.compile traces no NumPy): elements 0 and 1
        # are start and start + step in the dtype, the others first + i * delta.
        ends = torch.tensor([a, a + s], dtype=dt, device=dev).to(work)
        out = steps * (ends[1] - ends[0]) + ends[0]
        out[:2] = ends[:n]
        out = out.to(dt)
        return out.requires_grad_(True) if requires_grad else out
    if dt.is_floating_point or dt.is_complex:
        # NumPy stores start and start + step in the result dtype, then fills
        # first + i * delta, computed in the dtype's arithmetic type.
        target, wide = numpy_dtype_of(dt), numpy_dtype_of(work)
        assert target is not None
        assert wide is not None
        with np.errstate(over="ignore", invalid="ignore"):  # NumPy's arange does not warn
            first = wide.type(target.type(a))
            second = wide.type(target.type(a + s))
            delta = (second - first).item()
            # NumPy stores element 1 as start + step directly, not as first + delta.
            fix_second = n > 1 and wide.type(first + wide.type(delta)) != second
        begin: int | float = first.item()
        second_value = second.item()
    else:
        # in int64's wrapping arithmetic, which keeps the low bits of the narrower dtypes
        begin, delta = _wrap_int64(int(a)), _wrap_int64(int(a + s) - int(a))
        fix_second = False
        second_value = 0
    out = steps.mul_(delta).add_(begin)
    if n > 0 and (not math.isfinite(delta) or (begin == 0 and math.copysign(1.0, begin) < 0)):
        # NumPy stores start itself: 0 * delta is NaN when start or start + step overflowed
        # the dtype, and -0.0 + 0.0 would be +0.0.
        out.select(0, 0).fill_(begin)
    if fix_second:
        out.select(0, 1).fill_(second_value)
    out = out.to(dt)
    return out.requires_grad_(True) if requires_grad else out


def _arange_bool(a: float, b: float, s: float, dev: torch.device) -> Tensor:
    """NumPy's bool ``arange``: at most two values, the truths of ``start`` and ``start +
    step`` (``arange(0, 1, 0.5, dtype=bool)`` is ``[False, True]``); a longer range is
    NumPy's TypeError."""
    n = _arange_length(a, b, s)
    if n > 2:
        raise TypeError(
            f"arange: a bool range holds at most 2 values (NumPy's rule), and start={a!r}, "
            f"stop={b!r}, step={s!r} give {n}; pass an integer dtype and compare the result "
            "(tb.arange(n) % 2 == 0)"
        )
    return torch.tensor([bool(a), bool(a + s)][:n], dtype=torch.bool, device=dev)


def _arange_integer_ends(a: float, s: float, n: int, dt: torch.dtype) -> None:
    """NumPy stores the first two values, ``start`` and ``start + step`` truncated, in the
    integer dtype as Python ints, which raises OverflowError when one does not fit; the values
    after them wrap around (``arange(250, 260, dtype=uint8)`` ends ``255, 0, 1``)."""
    lo, hi = INT_BOUNDS[dt]
    for name, value in (("start", a), ("start + step", a + s))[: min(n, 2)]:
        whole = int(value) if math.isfinite(value) else value
        if not lo <= whole <= hi:
            raise OverflowError(
                f"arange: {name} is {whole!r}, out of bounds for dtype {dt} ({lo} to {hi}); "
                "NumPy stores the first two values in the dtype. Pass bounds in its range, or "
                "a wider dtype"
            )


def _wrap_int64(value: int) -> int:
    """``value`` modulo 2**64, read as int64: the same low bits for every integer dtype."""
    return (value + 2**63) % 2**64 - 2**63


def _arange_length(a: float, b: float, s: float) -> int:
    """NumPy's arange length: ``ceil((b - a) / s)``, but 1 when a non-zero span divided by the
    step underflows to +0.0 (``arange(0.0, 5e-324, 3.0)`` holds 0.0), as NumPy's ctors.c does.
    The span is the computed ``b - a``: an int and a float that differ but round to one float
    (``arange(2**63 - 1, 2.0**63)``) span 0.0 and give no elements, as in NumPy."""
    span = b - a
    q = span / s
    if q == 0.0 and span != 0:
        return 0 if math.copysign(1.0, q) < 0 else 1
    if not math.isfinite(q):
        raise ValueError(
            f"arange: start={a!r}, stop={b!r}, step={s!r} give no finite number of elements; "
            "pass finite bounds and step"
        )
    return max(0, math.ceil(q))


def _arange_beyond_int64(
    a: int, b: int, s: int, dt: torch.dtype, dev: torch.device, requires_grad: bool
) -> Tensor:
    """``arange`` of Python ints past int64, as NumPy makes it: the length counted with the
    ints themselves, the first two values converted to ``dt``, and the rest stepped by their
    difference in ``dt`` (``arange(2**63, 2**63 + 2)`` has two equal float64 values, where
    counting in float64 would give none)."""
    n = max(0, math.ceil((b - a) / s))
    first = torch.tensor(float(a), dtype=dt, device=dev)
    second = torch.tensor(float(a + s), dtype=dt, device=dev)
    try:
        out = first + torch.arange(n, dtype=dt, device=dev) * (second - first)
    except RuntimeError as e:  # too big, or no memory for it
        raise_for_size(e, "arange", n, dt, "range")
        raise
    # NumPy stores the first two values themselves (0 * delta is NaN when they overflowed)
    out[:2] = torch.stack([first, second])[: min(n, 2)]
    return out.requires_grad_(True) if requires_grad else out


def _arange_exact(
    a: float, b: float, s: float, n: int, dt: torch.dtype, exact: np.dtype[Any], dev: torch.device
) -> torch.Tensor | None:
    """NumPy's float32/float64 arange in one call where that is exact, else None."""
    if (
        n <= NUMPY_MAX
        and dev.type == "cpu"
        and not _compiling()
        and (
            dt is torch.float64  # float32: bounds beyond its range overflow (NumPy warns)
            or (-1e38 < a < 1e38 and -1e38 < b < 1e38 and -1e38 < a + s < 1e38)
        )
    ):
        # NumPy's own arange: its values by construction.
        return _from_numpy(np.arange(a, b, s, dtype=exact))
    if (
        n > 0
        and float(a).is_integer()
        and float(s).is_integer()
        and not (a == 0 and math.copysign(1.0, a) < 0)  # torch would write +0.0
        and abs(a) + n * abs(s) <= _WHOLE_LIMIT[dt]
    ):
        # Whole numbers that the dtype holds exactly: every formula gives the same values, so
        # torch's single kernel is NumPy's result (its length is checked).
        try:
            out = torch.arange(a, b, s, dtype=dt, device=dev)
        except RuntimeError as e:  # no memory for it
            raise_for_size(e, "arange", n, dt, "range")
            raise
        if out.shape[0] == n:
            return out
    return None


@overload
@overload
def linspace(
    start: ScalarLike,
    stop: ScalarLike,
    num: int = ...,
    endpoint: bool = ...,
    retstep: Literal[False] = ...,
    dtype: DTypeLike | None = ...,
    axis: int = ...,
    *,
    device: DeviceLike | None = ...,
    requires_grad: bool = ...,
) -> torch.Tensor: ...
@overload
def linspace(
    start: ScalarLike,
    stop: ScalarLike,
    num: int = ...,
    endpoint: bool = ...,
    *,
    retstep: Literal[True],
    dtype: DTypeLike | None = ...,
    axis: int = ...,
    device: DeviceLike | None = ...,
    requires_grad: bool = ...,
) -> tuple[torch.Tensor, float]: ...
@overload
def linspace(
    start: ScalarLike | ArrayLike | Sequence[Any],
    stop: ScalarLike | ArrayLike | Sequence[Any],
    num: int = ...,
    endpoint: bool = ...,
    retstep: Literal[False] = ...,
    dtype: DTypeLike | None = ...,
    axis: int = ...,
    *,
    device: DeviceLike | None = ...,
    requires_grad: bool = ...,
) -> torch.Tensor: ...
@overload
def linspace(
    start: ScalarLike | ArrayLike | Sequence[Any],
    stop: ScalarLike | ArrayLike | Sequence[Any],
    num: int = ...,
    endpoint: bool = ...,
    *,
    retstep: Literal[True],
    dtype: DTypeLike | None = ...,
    axis: int = ...,
    device: DeviceLike | None = ...,
    requires_grad: bool = ...,
) -> tuple[torch.Tensor, float | torch.Tensor]: ...
def linspace(
    start: ScalarLike | ArrayLike | Sequence[Any],
    stop: ScalarLike | ArrayLike | Sequence[Any],
    num: int = 50,
    endpoint: bool = True,
    retstep: bool = False,
    dtype: DTypeLike | None = None,
    axis: int = 0,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor | tuple[torch.Tensor, float | complex | torch.Tensor]:
    """``num`` evenly spaced values from ``start`` to ``stop`` (NumPy's ``linspace``).

    ``num`` defaults to 50; ``endpoint=False`` leaves ``stop`` out. Integer dtypes round down
    (floor) as NumPy 2 does, so ``linspace(-5, 5, 4, dtype=int)`` is ``[-5, -2, 1, 5]``;
    bool takes each value's truth (``linspace(0, 1, 3, dtype=bool)`` is ``[False, True,
    True]``). The values are NumPy's to the bit (computed in float64 as NumPy does, then
    cast: an explicit float32 costs the same as the default). Array bounds (tensors, NumPy
    arrays, lists) give one sequence per element, along ``axis`` of the result; then
    ``retstep`` returns the steps as an array. NaN and infinite bounds give NumPy's values for
    floating dtypes.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True`` (array bounds:
    the result stays on their autograd graph).

    Raises
    ------
    ValueError
        For a negative ``num``, non-finite bounds with an integer dtype, or a ``num`` too big
        for any array.
    MemoryError
        For a shape the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).
    TypeError
        For a ``num`` that is not an integer, complex bounds with a real dtype, a bad dtype.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linspace(0, 1, 5)
    tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000], dtype=torch.float64)
    >>> tb.linspace(start=0, stop=1, num=3, dtype=tb.float32)
    tensor([0.0000, 0.5000, 1.0000])
    """
    if (
        device is None
        and requires_grad is False
        and type(num) is int
        and 1 < num <= _LIST_MAX
        and (type(start) is float or type(start) is int)
        and (type(stop) is float or type(stop) is int)
        and -_EXACT_INT < start < _EXACT_INT
        and -_EXACT_INT < stop < _EXACT_INT
        and not _compiling()  # torch.compile traces no NumPy work: the general path below
    ):
        # The common call, NumPy's algorithm in Python floats (see _linspace_numpy).
        exact = _NUMPY_FLOATS.get(
            current_defaults()[0] if dtype is None else torch_dtype(dtype, caller="linspace")
        )
        div = (num - 1) if endpoint else num
        step = (stop - start) / div
        if exact is not None and step != 0:
            if start == 0 and math.copysign(1.0, start) > 0:
                # NumPy's arange from +0.0 writes 0.0 + i * step: linspace's i * step + 0.0.
                # The stop is ~num - 0.5 steps away, so the length is num whatever the rounding.
                # NumPy computes in float64 and casts once, so float32 takes the same values.
                y = np.arange(0.0, (num - 0.5) * step, step)
                if endpoint:
                    y[-1] = stop
                if exact is not _F8:
                    y = y.astype(exact)
            else:
                values = [i * step + start for i in range(num)]
                if endpoint:
                    values[-1] = stop
                y = np.array(values, dtype=exact)
            out = _from_numpy(y)
            return (out, step) if retstep else out
    return _linspace_general(
        start, stop, num, endpoint, retstep, dtype, axis, device, requires_grad
    )


_PYTHON_NUMBERS: Final = (bool, int, float, complex)


def _is_array_bound(value: object) -> bool:
    return (isinstance(value, Tensor) and value.ndim > 0) or isinstance(
        value, (np.ndarray, list, tuple)
    )


def _linspace_general(
    start: object,
    stop: object,
    num: object,
    endpoint: bool,
    retstep: bool,
    dtype: DTypeLike | None,
    axis: object,
    device: DeviceLike | None,
    requires_grad: bool,
) -> torch.Tensor | tuple[torch.Tensor, float | complex | torch.Tensor]:
    if type(num) is not int:
        if isinstance(num, bool) or not isinstance(num, (int, np.integer)):
            raise TypeError(f"linspace: num={num!r} is not an integer; pass the number of samples")
        num = int(num)
    if num < 0:
        raise ValueError(f"linspace: num={num} must be non-negative")
    n: int = num
    if _is_array_bound(start) or _is_array_bound(stop):
        return _linspace_arrays(start, stop, n, endpoint, retstep, dtype, axis, device)
    kind_a, kind_b = type(start), type(stop)
    if (kind_a is float or kind_a is int) and (kind_b is float or kind_b is int):
        is_complex = False
        a: Any = start
        b: Any = stop
    else:
        for name, value in (("start", start), ("stop", stop)):
            if isinstance(value, bool) or not isinstance(
                value, (int, float, complex, np.number, Tensor)
            ):
                raise TypeError(
                    f"linspace: {name}={value!r} is not a number; pass an int, float or complex "
                    "(or array bounds)"
                )
        is_complex = isinstance(start, (complex, np.complexfloating)) or isinstance(
            stop, (complex, np.complexfloating)
        )
        a = start.item() if isinstance(start, (np.generic, torch.Tensor)) else start
        b = stop.item() if isinstance(stop, (np.generic, torch.Tensor)) else stop
        is_complex = is_complex or isinstance(a, complex) or isinstance(b, complex)
    given_a, given_b = a, b  # as the caller wrote them, for the messages
    # NumPy reads the bounds as float64 first (``asanyarray(start) * 1.0``): ints past 2**53
    # round before anything is computed, and their difference cannot overflow int64
    if type(a) is int:
        a = float(a)
    if type(b) is int:
        b = float(b)
    if dtype is None:
        pair = current_defaults()
        dt = pair[1] if is_complex else pair[0]
    else:
        dt = torch_dtype(dtype, caller="linspace")
    if requires_grad:
        check_requires_grad(requires_grad, dt, "linspace")
    if axis != 0 and not (isinstance(axis, int) and axis == -1):
        normalize_axis(axis, 1, "linspace", "the result")
    dev = torch_device(device, caller="linspace")
    div = (n - 1) if endpoint else n
    step = (b - a) / div if div > 0 else math.nan
    if is_complex and not (dt.is_complex or dt is torch.bool):  # bool: nonzero is True
        raise TypeError(f"linspace: complex bounds cannot give dtype {dt}; pass a complex dtype")
    if (
        dt in INT_BOUNDS  # bool takes NaN and infinity as True, as NumPy's cast does
        and n > 0
        and not all(map(math.isfinite, (complex(a).real, complex(b).real)))
    ):
        raise ValueError(
            f"linspace: start={given_a!r} and stop={given_b!r} must be finite for dtype {dt}, "
            "which holds no NaN or infinity; pass finite bounds or a floating dtype"
        )
    exact = _LINSPACE_NUMPY.get(dt)
    if (
        exact is not None
        and n <= NUMPY_MAX
        and dev.type == "cpu"
        and not _compiling()
        and (type(a) is float or type(a) is int)  # NumPy scalars have become Python numbers
        and (type(b) is float or type(b) is int)
        and abs(a) < _LINSPACE_LIMIT[dt]
        and abs(b) < _LINSPACE_LIMIT[dt]
    ):
        real_step = step  # real here: both bounds are Python ints or floats
        out = _from_numpy(_linspace_numpy(a, b, n, endpoint, div, real_step, exact))  # pyright: ignore[reportArgumentType]
    else:
        try:
            out = _linspace_torch(a, b, n, endpoint, div, step, dt, dev, is_complex)
        except RuntimeError as e:  # too big, or no memory for it
            raise_for_size(e, "linspace", n, dt, "num")
            raise
    if requires_grad:
        out.requires_grad_(True)
    return (out, step) if retstep else out


def _linspace_arrays(
    start: object,
    stop: object,
    num: int,
    endpoint: bool,
    retstep: bool,
    dtype: DTypeLike | None,
    axis: object,
    device: DeviceLike | None,
) -> torch.Tensor | tuple[torch.Tensor, float | torch.Tensor]:
    """NumPy's linspace for array bounds: the samples along a new axis, computed in the
    bounds' floating type (float64 for integer bounds), then cast."""
    dev = None if device is None else torch_device(device, caller="linspace")
    a = as_tensor(start, "linspace", "start", device=dev)
    b = as_tensor(stop, "linspace", "stop", device=dev)
    if a.device != b.device:  # a tensor bound's device wins over converted data's
        if isinstance(stop, Tensor) and not isinstance(start, Tensor):
            a = a.to(b.device)
        else:
            b = b.to(a.device)
    # NumPy's result_type(start, stop, float(num)): Python numbers are weak
    work = result_type(
        start if type(start) in _PYTHON_NUMBERS else a,
        stop if type(stop) in _PYTHON_NUMBERS else b,
        1.0,
    )
    dt = work if dtype is None else torch_dtype(dtype, caller="linspace")
    a, b = a.to(work), b.to(work)
    try:
        shape = broadcast_shape(a.shape, b.shape)
    except RuntimeError as e:
        raise ValueError(
            f"linspace: start of shape {tuple(a.shape)} and stop of shape {tuple(b.shape)} do "
            "not broadcast together; pass bounds of one shape"
        ) from e
    ax = normalize_axis(axis, len(shape) + 1, "linspace", "the result")
    if dt in INT_BOUNDS and num > 0 and values_checkable(a, b):
        finite = bool(torch.isfinite(a).all() & torch.isfinite(b).all())
        if not finite:
            raise ValueError(
                f"linspace: the bounds must be finite for dtype {dt}, which holds no NaN or "
                "infinity; pass finite bounds or a floating dtype"
            )
    try:
        return _linspace_grid(a, b, num, endpoint, retstep, shape, ax, work, dt)
    except RuntimeError as e:  # too big, or no memory for it
        raise_for_size(e, "linspace", (num, *shape), dt, "num")
        raise


def _linspace_grid(
    a: Tensor,
    b: Tensor,
    num: int,
    endpoint: bool,
    retstep: bool,
    shape: tuple[int, ...],
    ax: int,
    work: torch.dtype,
    dt: torch.dtype,
) -> torch.Tensor | tuple[torch.Tensor, float | torch.Tensor]:
    """The samples of :func:`_linspace_arrays`, bounds checked: ``(num, *shape)`` moved to
    ``ax``."""
    div = (num - 1) if endpoint else num
    delta = b - a
    y = torch.arange(num, dtype=work.to_real() if work.is_complex else work, device=a.device)
    y = y.to(work).reshape((-1,) + (1,) * len(shape))
    step: torch.Tensor
    if div > 0:
        step = delta / div
        # a denormal step: NumPy divides first (gh-5437); where the step cannot be read (meta,
        # torch.compile, torch.func), element by element, with the same values
        if not values_checkable(step):
            y = torch.where(step == 0, y / div * delta, y * step)
        else:
            y = y / div * delta if bool((step == 0).any()) else y * step
    else:
        step = torch.full_like(delta, math.nan)
        y = y * delta
    y = y + a
    if endpoint and num > 1:
        y = torch.cat([y[:-1], b.expand(shape).unsqueeze(0)])
    if ax != 0:
        y = torch.movedim(y, 0, ax)
    if dt in INT_BOUNDS:  # NumPy 2 rounds down for integer dtypes; bool is nonzero-is-True
        y = y.floor() if not work.is_complex else y
    out = y if dt == work else y.to(dt)
    return (out, step) if retstep else out


def _linspace_numpy(
    a: float, b: float, num: int, endpoint: bool, div: int, step: float, exact: np.dtype[Any]
) -> np.ndarray[Any, Any]:
    """NumPy's linspace algorithm for float bounds, on the CPU with NumPy (or plain floats)."""
    if div > 0 and step != 0 and num <= _LIST_MAX:
        # Python floats round each product and sum exactly as float64 NumPy does.
        values = [i * step + a for i in range(num)]
        if endpoint and num > 1:
            values[-1] = b
        with np.errstate(over="ignore"):  # float16: NumPy's linspace overflows to inf silently
            return np.array(values, dtype=exact)
    y = np.arange(num, dtype=_F8)
    if div > 0:
        if step == 0:  # a denormal step: NumPy divides first (gh-5437)
            y /= div
            y *= b - a
        else:
            y *= step
    else:
        y *= b - a
    y += a
    if endpoint and num > 1:
        y[-1] = b
    with np.errstate(over="ignore"):
        return y if exact is _F8 else y.astype(exact)


def _linspace_torch(
    a: Any,
    b: Any,
    num: int,
    endpoint: bool,
    div: int,
    step: Any,
    dt: torch.dtype,
    dev: torch.device,
    is_complex: bool,
) -> torch.Tensor:
    """NumPy's algorithm with torch kernels, in float64 (complex128 for complex bounds; real
    bounds into a complex dtype are computed real, as NumPy does, so an infinite bound gives no
    NaN imaginary part), then cast: ``y = arange(num) * step + start``, and ``y[-1] = stop``
    when the endpoint is included."""
    work = torch.complex128 if is_complex else torch.float64
    y = torch.arange(num, dtype=torch.float64, device=dev)
    if work.is_complex:
        y = y.to(work)
    if div <= 0:
        y = y.mul_(b - a)  # NumPy multiplies by the span even here (0 * -1 is -0.0)
    elif step == 0:  # a denormal step: NumPy divides first (gh-5437)
        y = y.div_(div).mul_(b - a)
    else:
        y = y.mul_(step)
    y = y.add_(a)
    if endpoint and num > 1:
        y.select(0, -1).fill_(b)
    if dt in INT_BOUNDS:
        y = y.floor_()  # NumPy 2 rounds down for integer dtypes; bool is nonzero-is-True
    return y if dt == work else y.to(dt)


# ---- triangles and grids --------------------------------------------------------------------


class _Triangle(Protocol):
    """The signature of ``tril`` and ``triu``."""

    def __call__(self, x: ArrayLike, /, k: int = 0) -> Tensor: ...


def _make_triangle(tri: Callable[..., Tensor], caller: str, side: str) -> _Triangle:
    """``tril`` or ``triu``: one body around torch's kernel."""

    def triangle(x: ArrayLike, /, k: int = 0) -> Tensor:
        try:
            # k left out when 0: torch parses a default faster than an argument.
            return tri(x) if k == 0 and type(k) is int else tri(x, k)
        except (NotImplementedError, RuntimeError, TypeError):
            pass
        return _triangle_slow(tri, caller, x, k)

    triangle.__name__ = triangle.__qualname__ = caller
    return triangle


def _triangle_slow(tri: Callable[..., Tensor], caller: str, x: object, k: object) -> Tensor:
    t = x if isinstance(x, Tensor) else as_tensor(x, caller, "x")
    if isinstance(k, bool) or not hasattr(k, "__index__"):
        raise TypeError(
            f"{caller}: k={k!r} is not an integer; pass the diagonal's offset as an int"
        )
    diagonal = int(k)  # pyright: ignore[reportArgumentType] - has __index__
    if t.ndim == 0:
        raise ValueError(
            f"{caller}: x must have at least 1 dimension (a vector, a matrix or a stack of "
            "matrices), got a 0-d array; add axes with expand_dims"
        )
    if t.ndim == 1:  # NumPy reads a vector as the rows of a square matrix
        t = t.expand(t.shape[0], t.shape[0])
    try:
        return tri(t, diagonal)
    except NotImplementedError as e:  # uint16/32/64 have no kernel (pytorch#58734)
        return bits_or_raise(partial(tri, diagonal=diagonal), t, caller, e)


tril: Final[_Triangle] = _make_triangle(_tril, "tril", "lower")
tril.__doc__ = """The lower triangle of each matrix in ``x`` (``(..., M, N)``): zero above ``k``.

    A 1-d ``x`` is read as the rows of a square matrix, as in NumPy; ``k`` may be positional.

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For a 0-d ``x``.
    TypeError
        For a ``k`` that is not an integer.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.tril(tb.ones((2, 3), dtype=tb.int64))
    tensor([[1, 0, 0],
            [1, 1, 0]])
    """

triu: Final[_Triangle] = _make_triangle(_triu, "triu", "upper")
triu.__doc__ = """The upper triangle of each matrix in ``x`` (``(..., M, N)``): zero below ``k``.

    A 1-d ``x`` is read as the rows of a square matrix, as in NumPy; ``k`` may be positional.

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For a 0-d ``x``.
    TypeError
        For a ``k`` that is not an integer.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.triu(tb.ones((2, 3), dtype=tb.int64), 1)
    tensor([[0, 1, 1],
            [0, 0, 1]])
    """


def meshgrid(
    *arrays: Tensor,
    copy: bool = True,
    sparse: bool = False,
    indexing: Literal["xy", "ij"] = "xy",
) -> tuple[Tensor, ...]:
    """Coordinate arrays from coordinate vectors (N arrays, each of rank N).

    ``indexing="xy"`` (Cartesian, the default) swaps the first two output axes;
    ``"ij"`` (matrix) keeps the input order. Each output keeps its input's dtype; inputs of
    other ranks are flattened first, as in NumPy. ``sparse=True`` gives each output size 1
    along every axis but its own (they broadcast to the full grid); ``copy=False`` returns
    views of the inputs instead of new arrays (NumPy's options).

    Memory and autograd: with ``copy=True`` (the default, as NumPy) new memory; with
    ``copy=False`` views of the inputs (share memory; a dense grid's elements are shared along
    the broadcast axes, so torch refuses in-place writes to it). Each result stays on its
    input's autograd graph.

    Raises
    ------
    ValueError
        For an ``indexing`` other than ``"xy"`` or ``"ij"``, or inputs on different devices.

    Examples
    --------
    >>> import tbridge as tb
    >>> X, Y = tb.meshgrid(tb.asarray([1, 2, 3]), tb.asarray([4, 5]))
    >>> X
    tensor([[1, 2, 3],
            [1, 2, 3]])
    >>> [g.shape for g in tb.meshgrid([1, 2, 3], [4, 5], sparse=True)]
    [torch.Size([1, 3]), torch.Size([2, 1])]
    """
    if indexing != "xy" and indexing != "ij":  # noqa: PLR1714 - two compares beat a tuple
        raise ValueError(
            f"meshgrid: indexing={indexing!r} is not allowed; pass 'xy' (Cartesian) or 'ij' "
            "(matrix)"
        )
    if not sparse:
        try:
            out: tuple[Tensor, ...] = torch.meshgrid(*arrays, indexing=indexing)
            if copy:
                return tuple([g.clone(memory_format=torch.contiguous_format) for g in out])
            return out
        except (RuntimeError, TypeError):
            pass  # mixed dtypes, N-d inputs, no inputs: below, as NumPy
    return _meshgrid_slow(arrays, indexing, copy, sparse)


def _meshgrid_slow(
    arrays: tuple[object, ...], indexing: str, copy: bool, sparse: bool
) -> tuple[Tensor, ...]:
    if not arrays:
        return ()
    tensors: list[Tensor] = []
    for i, a in enumerate(arrays):
        tensors.append(a if isinstance(a, Tensor) else as_tensor(a, "meshgrid", f"argument {i}"))
    flat = [a if a.ndim == 1 else a.reshape(-1) for a in tensors]
    devices = {a.device for a in flat}
    if len(devices) > 1:
        raise ValueError(
            f"meshgrid: the arrays are on different devices ({sorted(map(str, devices))}); "
            "move them to one device with tb.to_device first"
        )
    n = len(flat)
    sizes = [a.shape[0] for a in flat]
    swap = indexing == "xy" and n > 1
    if swap:
        sizes[0], sizes[1] = sizes[1], sizes[0]
    out = []
    for i, a in enumerate(flat):
        view = [1] * n
        view[(1 - i) if swap and i < 2 else i] = -1
        grid = a.view(view) if sparse else a.view(view).expand(sizes)
        out.append(grid.clone(memory_format=torch.contiguous_format) if copy else grid)
    return tuple(out)


# ---- the *_like family ----------------------------------------------------------------------


def _like(
    fn: Callable[..., Tensor],
    base: Callable[..., Tensor],
    caller: str,
    prototype: object,
    *,
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
    shape: ShapeLike | None,
    floating_only: bool = False,
    extra: tuple[object, ...] = (),
) -> torch.Tensor:
    """The general path of every ``*_like`` function: ``fn`` on a tensor prototype of its own
    shape, ``base`` (torch's plain creation function) otherwise."""
    if isinstance(prototype, np.ndarray) and prototype.dtype.kind not in "OUSVMm":
        if dtype is None:
            native = prototype.dtype
            if not native.isnative:
                native = native.newbyteorder("=")
            found = torch_dtype_of_numpy(native)
            if found is None:
                torch_dtype(prototype.dtype, caller=caller)  # raises the explanatory TypeError
                raise AssertionError("unreachable")  # pragma: no cover
            dt = found
        else:
            dt = torch_dtype(dtype, caller=caller)
        dev = torch_device(device, caller=caller)
        size: tuple[int, ...] | torch.Size = prototype.shape
        proto = None
    else:
        if isinstance(prototype, np.ndarray):
            torch_dtype(prototype.dtype, caller=caller)  # raises the explanatory TypeError
        proto = (
            prototype
            if isinstance(prototype, Tensor)
            else as_tensor(prototype, caller, "prototype")
        )
        dt = proto.dtype if dtype is None else torch_dtype(dtype, caller=caller)
        dev = proto.device if device is None else torch_device(device, caller=caller)
        size = proto.shape
    if floating_only and not (dt.is_floating_point or dt.is_complex):
        raise ValueError(
            f"{caller}: random values need a floating dtype, got {dt}; pass e.g. dtype=tb.float64"
        )
    check_requires_grad(requires_grad, dt, caller)
    if shape is not None:
        size = torch_shape((shape,), caller)
    elif proto is not None:
        return fn(proto, *extra, dtype=dt, device=dev, requires_grad=requires_grad)
    try:
        return base(size, *extra, dtype=dt, device=dev, requires_grad=requires_grad)
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        raise_for_size(e, caller, size, dt)
        raise


class _Like(Protocol):
    """The signature of ``empty_like``, ``zeros_like``, ``ones_like``, ``rand_like``,
    ``randn_like``."""

    def __call__(
        self,
        prototype: ArrayLike,
        /,
        dtype: DTypeLike | None = None,
        *,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
        shape: ShapeLike | None = None,
    ) -> Tensor: ...


def _make_like(
    fn: Callable[..., Tensor], base: Callable[..., Tensor], caller: str, floating_only: bool
) -> _Like:
    """One ``*_like`` function around torch's ``fn`` (and ``base`` for other shapes)."""

    def like(
        prototype: ArrayLike,
        /,
        dtype: DTypeLike | None = None,
        *,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
        shape: ShapeLike | None = None,
    ) -> Tensor:
        if (
            device is None
            and shape is None
            and requires_grad is False
            and type(prototype) is _Tensor
        ):
            try:
                return (
                    fn(prototype)
                    if dtype is None
                    else fn(prototype, dtype=torch_dtype(dtype, caller=caller))
                )
            except RuntimeError:  # random values of an integer dtype: the general path explains
                pass
        return _like(
            fn,
            base,
            caller,
            prototype,
            dtype=dtype,
            device=device,
            requires_grad=requires_grad,
            shape=shape,
            floating_only=floating_only,
        )

    like.__name__ = like.__qualname__ = caller
    return like


empty_like: Final[_Like] = _make_like(torch.empty_like, torch.empty, "empty_like", False)
empty_like.__doc__ = """An uninitialized tensor with the shape and dtype of an array.

    A tensor prototype also gives its device (and layout); a NumPy array or other array data
    (a list, as NumPy reads it) gives the CPU. The dtype may be given positionally. A
    ``shape=`` too big for any array raises ValueError, one the CPU cannot allocate
    MemoryError, as in NumPy (for every ``*_like`` function).

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.empty_like(tb.zeros((2, 3)), tb.float32).shape
    torch.Size([2, 3])
    """

zeros_like: Final[_Like] = _make_like(torch.zeros_like, torch.zeros, "zeros_like", False)
zeros_like.__doc__ = """Zeros with the shape and dtype of an array (see :func:`empty_like`).

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.zeros_like([[1, 2, 3]])
    tensor([[0, 0, 0]])
    """

ones_like: Final[_Like] = _make_like(torch.ones_like, torch.ones, "ones_like", False)
ones_like.__doc__ = """Ones with the shape and dtype of an array (see :func:`empty_like`).

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.ones_like(tb.zeros(2), tb.int64)
    tensor([1, 1])
    """

rand_like: Final[_Like] = _make_like(torch.rand_like, torch.rand, "rand_like", True)
rand_like.__doc__ = """Uniform samples in ``[0, 1)`` shaped like an array (floating dtypes only).

    Uses torch's global generator (seed it with ``torch.manual_seed``).

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.rand_like(tb.zeros((2, 3))).shape
    torch.Size([2, 3])
    """

randn_like: Final[_Like] = _make_like(torch.randn_like, torch.randn, "randn_like", True)
randn_like.__doc__ = """Standard normal samples shaped like an array (floating dtypes only).

    Uses torch's global generator (seed it with ``torch.manual_seed``).

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.randn_like(tb.zeros((2, 3))).dtype
    torch.float64
    """


def full_like(
    prototype: ArrayLike,
    /,
    fill_value: bool | int | float | complex,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
    shape: ShapeLike | None = None,
) -> torch.Tensor:
    """``fill_value`` everywhere, with the shape and dtype of an array (see :func:`empty_like`).

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.

    The fill value is cast as :func:`full` casts it (a NumPy integer wraps around, a float
    past a floating dtype's range rounds to its largest value or to infinity).

    Raises
    ------
    ValueError
        For a fill value the dtype cannot hold (NaN, infinity or a float out of range in an
        integer dtype), or a ``shape`` too big for any array.
    OverflowError
        For a Python int out of an integer dtype's range (NumPy's error).
    TypeError
        For a complex scalar into a real dtype (NumPy drops the imaginary part with a
        ComplexWarning).
    MemoryError
        For a shape the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as torch
        raises it).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.full_like(tb.zeros(2, dtype=tb.int64), 7)
    tensor([7, 7])
    """
    python_int = type(fill_value) is int  # a NumPy integer casts as NumPy casts it (it wraps)
    if isinstance(fill_value, np.generic):
        fill_value = fill_value.item()
    if (
        dtype is None
        and device is None
        and shape is None
        and requires_grad is False
        and type(prototype) is _Tensor
        and (type(fill_value) is not float or prototype.is_floating_point())
    ):
        if (
            python_int
            and (bounds := INT_BOUNDS.get(prototype.dtype)) is not None
            and not bounds[0] <= fill_value <= bounds[1]  # type: ignore[operator]
        ):
            _check_int_fill("full_like", fill_value, prototype.dtype)
        try:
            return _full_like(prototype, fill_value)
        except RuntimeError as e:
            return _full_like(prototype, _numpy_fill("full_like", fill_value, prototype.dtype, e))
    return _full_like_slow(prototype, fill_value, dtype, device, requires_grad, shape, python_int)


def _full_like_slow(
    prototype: object,
    fill_value: object,
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
    shape: ShapeLike | None,
    python_int: bool,
) -> Tensor:
    if not isinstance(fill_value, (bool, int, float, complex)):
        _scalar_dtype(fill_value, "full_like")  # tensors pass; other non-scalars raise
        fill_value = cast(Tensor, fill_value).item()
    dt = None if dtype is None else torch_dtype(dtype, caller="full_like")
    if dt is None:
        if isinstance(prototype, Tensor):
            dt = prototype.dtype
        elif not isinstance(prototype, np.ndarray):
            prototype = as_tensor(prototype, "full_like", "prototype")
            dt = prototype.dtype
    if (
        dt is not None
        and isinstance(fill_value, float)
        and not (dt.is_floating_point or dt.is_complex or dt is torch.bool)
        and not math.isfinite(fill_value)
    ):
        raise _not_representable("full_like", fill_value, dt)
    if python_int:  # dt is None only for a NumPy prototype: its dtype then
        target = dt or torch_dtype_of_numpy(cast("np.ndarray[Any, Any]", prototype).dtype)
        if target is not None:
            _check_int_fill("full_like", fill_value, target)
    fill = partial(
        _like,
        torch.full_like,
        torch.full,
        "full_like",
        prototype,
        dtype=dt,
        device=device,
        requires_grad=requires_grad,
        shape=shape,
    )
    try:
        return fill(extra=(fill_value,))
    except (RuntimeError, OverflowError) as e:
        target = dt or (prototype.dtype if isinstance(prototype, Tensor) else None)
        if target is None:  # a NumPy prototype
            target = torch_dtype_of_numpy(cast("np.ndarray[Any, Any]", prototype).dtype)
        return fill(extra=(_numpy_fill("full_like", fill_value, target or torch.int64, e),))
