"""The NumPy <-> torch bridge: sharing when it is safe, copying only when asked or needed.

Decisions (``docs/bridge.md`` has the full table):

* NumPy -> torch shares memory whenever torch can view the array: native byte order,
  non-negative strides that are multiples of the item size, writable memory, a dtype torch has.
  A read-only array is never shared (torch tensors cannot be read-only): ``copy=None`` copies,
  ``copy=False`` raises. torch's DLPack path is never handed a NumPy array, nor CPU memory
  NumPy can import (it aborts the process on negative strides).
* torch -> NumPy shares on the CPU through a *read-only* view, so NumPy can never write into
  memory that autograd may have saved. ``writable_numpy`` is the explicit writable path; on
  exit it bumps the tensor's version counter, so a graph that saved it raises in backward as
  after a torch in-place op.
* bfloat16 and float8 cross zero-copy through a same-size integer view when ml_dtypes is
  installed.
"""

from __future__ import annotations

import contextlib
import inspect
import operator
from collections.abc import Generator
from typing import Any, Final, TypeAlias, cast

import numpy as np
import numpy.typing as npt
import torch
from torch.compiler import is_dynamo_compiling
from torch.utils.dlpack import from_dlpack as _torch_from_dlpack

from tbridge._convert.moves import convert
from tbridge._core.dtypes import (
    INT_BOUNDS,
    ML_DTYPE_NAMES,
    NUMPY_DEFAULTS,
    DTypeLike,
    default_complex_dtype,
    default_float_dtype,
    int_out_of_bounds,
    numpy_dtype_of,
    python_int_dtype,
    torch_dtype,
    torch_dtype_of_numpy,
)
from tbridge._core.normalize import CPU, DeviceLike, check_copy, check_requires_grad, torch_device
from tbridge._core.typing import ArrayLike

__all__ = [
    "array",
    "asarray",
    "from_dlpack",
    "from_numpy",
    "may_share_memory",
    "shares_memory",
    "to_numpy",
    "writable_numpy",
]

#: A NumPy array of any dtype: a tensor's dtype is not static, so neither is its NumPy twin's.
NDArray: TypeAlias = "npt.NDArray[Any]"

# Same-size unsigned twins used to carry dtypes that NumPy or torch cannot view directly.
_UINT_OF_SIZE: Final = {1: (np.uint8, torch.uint8), 2: (np.uint16, torch.uint16)}

_INSTALL_ML = "install the ml-dtypes extra (pip install tbridge[ml-dtypes])"

# NumPy 2 added ``copy=`` to ``np.asarray`` and to the ``__array__`` protocol.
_NUMPY2: Final = np.lib.NumpyVersion(np.__version__) >= "2.0.0"

# DLPack's device type code for plain host memory.
_DLPACK_CPU: Final = 1

# Hot paths use these through module globals: one dictionary lookup instead of two.
_ndarray: Final = np.ndarray
_Tensor: Final = torch.Tensor
_torch_from_numpy: Final = torch.from_numpy


class _Plan:
    """What converting one ndarray takes: its torch dtype and why it cannot be shared."""

    __slots__ = ("dtype", "reasons", "viewable")

    def __init__(self, dtype: torch.dtype, reasons: list[str], viewable: bool) -> None:
        self.dtype = dtype
        self.reasons = reasons
        self.viewable = viewable


def _plan(a: NDArray, caller: str) -> _Plan:
    if isinstance(a, np.ma.MaskedArray):
        raise TypeError(
            f"{caller}: a NumPy masked array carries a mask that a tensor cannot hold; pass "
            "a.filled(value) to fill the masked entries, or np.asarray(a) to drop the mask"
        )
    nd = a.dtype
    found = torch_dtype_of_numpy(nd)
    reasons: list[str] = []
    viewable = True
    if found is None and not nd.isnative:
        found = torch_dtype_of_numpy(nd.newbyteorder("="))
        if found is not None:
            reasons.append(f"its byte order is non-native ({nd.str!r})")
            viewable = False
    if found is None:
        if nd.name in ML_DTYPE_NAMES.values():
            hint = f"torch can hold it, but tbridge needs ml_dtypes to read it; {_INSTALL_ML}"
        else:
            hint = "convert the data to a numeric dtype first (e.g. a.astype(np.float64))"
        described = str(nd) if nd.names else nd.name  # a structured dtype: show its fields
        raise TypeError(
            f"{caller}: NumPy dtype {nd.str!r} ({described}) has no torch twin; {hint}. "
            "Supported: bool, int8-64, uint8-64, float16/32/64, complex64/128, and "
            "bfloat16/float8 with ml_dtypes"
        )
    item = nd.itemsize
    if any(s < 0 for s in a.strides):
        reasons.append("it has negative strides (a reversed view such as a[::-1])")
        viewable = False
    elif any(s % item for s in a.strides):
        reasons.append(f"its strides {a.strides} are not multiples of its item size {item}")
        viewable = False
    if not a.flags.writeable:
        reasons.append("it is read-only (torch tensors are always writable)")
    return _Plan(found, reasons, viewable)


def _view_ndarray(a: NDArray, dtype: torch.dtype) -> torch.Tensor:
    """A tensor over ``a``'s memory (``a`` must be viewable and writable)."""
    if dtype in ML_DTYPE_NAMES:
        np_uint, _ = _UINT_OF_SIZE[a.dtype.itemsize]
        return torch.from_numpy(a.view(np_uint)).view(dtype)
    twin = numpy_dtype_of(dtype)
    if twin is not None and a.dtype.type is not twin.type:
        # Same layout, another NumPy type object (np.ulonglong for uint64): torch.from_numpy
        # accepts only the canonical one.
        a = a.view(twin)
    return torch.from_numpy(a)


def _raw_numpy(t: torch.Tensor) -> NDArray:
    """A NumPy view of a CPU tensor without conj/neg bits, whatever its dtype."""
    base = t.detach()
    npdt = numpy_dtype_of(base.dtype)
    if base.dtype in ML_DTYPE_NAMES:
        _, torch_uint = _UINT_OF_SIZE[base.element_size()]
        raw: NDArray = base.view(torch_uint).numpy()
        return raw if npdt is None else raw.view(npdt)
    out: NDArray = base.numpy()
    return out


def _freeze(*arrays: NDArray) -> None:
    """Make each array, and every NumPy array below it, read-only.

    NumPy lets a view become writable again while any array it views is writable, so every
    level must be frozen (an ml_dtypes view sits on a uint view of the tensor).
    """
    for arr in arrays:
        level: object = arr
        while isinstance(level, np.ndarray):
            level.flags.writeable = False
            level = level.base


# Copies into fresh memory go in blocks of at most this many bytes. One memcpy of a few hundred
# MB into pages that are not yet mapped runs at half the speed of the same bytes copied in
# blocks (measured here: 5.6-6.1 GB/s as one call, 9.9-11.2 GB/s in 64 MiB blocks, for 400 and
# 800 MB); at 200 MB and below both ways cost the same.
_COPY_BLOCK: Final = 64 << 20


def _copy_into(out: NDArray, src: NDArray) -> None:
    """``np.copyto(out, src)`` for a fresh C- or F-contiguous ``out``, in blocks of memory."""
    if out.nbytes <= _COPY_BLOCK or out.ndim == 0:
        np.copyto(out, src, casting="equiv")
        return
    # Blocks along the axis that varies slowest in memory, so each block is contiguous.
    axis = 0 if out.flags.c_contiguous else out.ndim - 1
    length = out.shape[axis]
    step = max(1, length * _COPY_BLOCK // out.nbytes)
    lead = (slice(None),) * axis
    for start in range(0, length, step):
        block = (*lead, slice(start, start + step))
        np.copyto(out[block], src[block], casting="equiv")


def _copy_ndarray(a: NDArray, dtype: torch.dtype) -> torch.Tensor:
    """A fresh contiguous native-order CPU tensor holding ``a``'s values.

    NumPy allocates and copies: fresh NumPy memory comes in huge pages where the system allows,
    while torch's allocator takes a page fault every 4 KiB (several times slower for big copies).
    The tensor keeps the array alive; never on torch's global default device.
    """
    twin = numpy_dtype_of(dtype)
    assert twin is not None  # the plan found ``dtype`` through the same table
    out: NDArray = np.empty(a.shape, dtype=twin)
    _copy_into(out, a)
    return _view_ndarray(out, dtype)


def _refuse(caller: str, reasons: list[str]) -> ValueError:
    return ValueError(
        f"{caller}(copy=False): cannot share memory with the input because "
        + "; ".join(reasons)
        + ". Pass copy=None to copy only when needed, or copy=True"
    )


def _ndarray_to_tensor(
    a: NDArray,
    dtype: torch.dtype | None,
    device: torch.device,
    copy: bool | None,
    caller: str,
) -> torch.Tensor:
    plan = _plan(a, caller)
    dt = plan.dtype if dtype is None else dtype
    reasons = list(plan.reasons)
    if dt != plan.dtype:
        reasons.append(f"the dtype changes from {plan.dtype} to {dt}")
    if device != CPU:
        reasons.append(f"NumPy memory is on the CPU and the target device is {device}")
    if copy is False and reasons:
        raise _refuse(caller, reasons)
    if plan.viewable and a.flags.writeable:
        t = _view_ndarray(a, plan.dtype)
        copied = False
    else:
        t = _copy_ndarray(a, plan.dtype)
        copied = True
    if dt != plan.dtype or device != CPU:
        return convert(t, dt, device)
    if copy and not copied:
        if a.flags.c_contiguous or a.flags.f_contiguous:
            # The layout clone() would keep, in NumPy memory (see _copy_ndarray).
            out: NDArray = np.empty_like(a, order="K")
            _copy_into(out, a)
            return _view_ndarray(out, plan.dtype)
        return t.clone()
    return t


def _tensor_to_tensor(
    x: torch.Tensor,
    dtype: torch.dtype | None,
    device: torch.device | None,
    copy: bool | None,
    caller: str,
) -> torch.Tensor:
    dt = x.dtype if dtype is None else dtype
    dev = x.device if device is None else device
    if dt == x.dtype and dev == x.device:
        return x.clone() if copy else x
    if copy is False:
        changes = []
        if dt != x.dtype:
            changes.append(f"the dtype changes from {x.dtype} to {dt}")
        if dev != x.device:
            changes.append(f"the tensor moves from {x.device} to {dev}")
        raise _refuse(caller, changes)
    return convert(x, dt, dev)


def _python_dtype(obj: object) -> torch.dtype | None:
    kind = type(obj)
    if kind is bool:
        return torch.bool
    if kind is int:
        return torch.int64
    if kind is float:
        return default_float_dtype()
    if kind is complex:
        return default_complex_dtype()
    return None


#: bool < int < float < complex, for :func:`_python_data_dtype`.
_KIND_RANK: Final[dict[type, int]] = {bool: 0, int: 1, float: 2, complex: 3}


def _python_data_dtype(obj: list[Any] | tuple[Any, ...]) -> torch.dtype | None:
    """The dtype NumPy infers for nested Python numbers, with tbridge's floating defaults
    (the widest kind among bool < int < float < complex); None for any other element."""
    rank, pending = 0, list(obj)
    while pending:
        v = pending.pop()
        if isinstance(v, (list, tuple)):
            pending.extend(v)
            continue
        found = _KIND_RANK.get(type(v))
        if found is None:
            return None
        rank = max(rank, found)
    pair = NUMPY_DEFAULTS.current
    return (torch.bool, torch.int64, pair[0], pair[1])[rank]


def asarray(
    obj: ArrayLike,
    /,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    copy: bool | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Convert tensors, NumPy arrays and scalars, buffers and nested sequences to a tensor.

    ``copy`` is tri-state: True always copies, None copies only when it must (dtype or device
    change, read-only or reversed or byte-swapped NumPy memory, Python data), False raises
    rather than copy. Python data follows NumPy's dtype inference with tbridge's defaults
    (floats become float64, or the ``default_float`` in force). NumPy scalars keep their
    dtype. ``device=None`` keeps a tensor's device and puts everything else on the CPU.
    ``dtype`` may be given positionally, as NumPy's ``asarray(a, dtype)``.

    Memory and autograd: shares with ``obj`` whenever no copy is made. A tensor input stays on
    its autograd graph (also through dtype and device changes); ``requires_grad=True`` makes
    an untracked input a leaf (sharing memory when allowed).

    Raises
    ------
    TypeError
        For unsupported dtypes (object, str, datetime, structured, longdouble), masked arrays,
        and objects that are not array data.
    ValueError
        ``copy=False`` when a copy is needed (an ``__array__`` object must accept NumPy 2's
        ``copy=False`` to be shared); ``requires_grad=True`` with a non-floating dtype.

    Examples
    --------
    >>> import numpy as np, tbridge as tb
    >>> a = np.zeros(3)
    >>> t = tb.asarray(a, copy=False)
    >>> tb.shares_memory(a, t)
    True
    >>> tb.asarray([5.5, 3])
    tensor([5.5000, 3.0000], dtype=torch.float64)
    """
    if dtype is None and device is None and requires_grad is False:
        # Fast paths for the common calls; anything unusual falls through to the general path.
        kind = type(obj)
        if kind is _ndarray:
            if (copy is None or copy is False) and obj.flags.writeable:  # type: ignore[union-attr]
                try:
                    return _torch_from_numpy(obj)
                except (TypeError, ValueError):
                    pass
        elif kind is _Tensor:
            if copy is None or copy is False:
                return cast(torch.Tensor, obj)
        elif (kind is list or kind is tuple) and (copy is None or copy is True):
            fast = _sequence_fast(cast("list[Any] | tuple[Any, ...]", obj))
            if fast is not None:
                return fast
    elif (
        dtype is not None
        and device is None
        and requires_grad is False
        and (type(obj) is list or type(obj) is tuple)
        and (copy is None or copy is True)
    ):
        # Python data with an explicit dtype: NumPy reads it straight into that dtype (its
        # own rounding, one pass), as cheap as the default.
        fast = _sequence_typed(obj, torch_dtype(dtype, caller="asarray"))
        if fast is not None:
            return fast
    copy = check_copy(copy, "asarray")
    dt = None if dtype is None else torch_dtype(dtype, caller="asarray")
    dev = None if device is None else torch_device(device, caller="asarray")
    if isinstance(obj, torch.Tensor):
        out = _tensor_to_tensor(obj, dt, dev, copy, "asarray")
    elif isinstance(obj, np.ndarray):
        out = _ndarray_to_tensor(obj, dt, dev or CPU, copy, "asarray")
    else:
        out = _other_to_tensor(obj, dt, dev or CPU, copy)
    if requires_grad:
        check_requires_grad(True, out.dtype, "asarray")
        if not out.requires_grad:
            out = (out.detach() if out is obj else out).requires_grad_(True)
    return out


def _other_to_tensor(
    obj: object, dt: torch.dtype | None, dev: torch.device, copy: bool | None
) -> torch.Tensor:
    if isinstance(obj, np.generic):
        if copy is False:
            raise _refuse("asarray", ["a NumPy scalar is immutable and owns no shareable buffer"])
        return _ndarray_to_tensor(np.asarray(obj), dt, dev, None, "asarray")
    py = _python_dtype(obj)
    if py is not None:
        if copy is False:
            raise _refuse("asarray", ["a Python scalar has no memory to share"])
        if dt is None:
            dt = py if py is not torch.int64 else python_int_dtype(obj, "asarray")  # type: ignore[arg-type]
        else:
            obj = _scalar_into(obj, dt)
        try:
            return torch.tensor(obj, dtype=dt, device=dev)
        except (RuntimeError, ValueError) as e:
            # NaN, infinity and out-of-range values are refused above: this is what torch
            # still refuses (a dtype the device lacks, say)
            raise ValueError(f"asarray: {obj!r} does not fit dtype {dt}: {e}") from e
    if isinstance(obj, (list, tuple)):  # (first: torch.compile cannot ask it for a buffer)
        if copy is False:
            raise _refuse("asarray", ["a Python sequence has no memory to share"])
        return _sequence_to_tensor(obj, dt, dev)
    if isinstance(obj, (bytes, bytearray, memoryview)) or _has_buffer(obj):
        return _ndarray_to_tensor(np.asarray(memoryview(obj)), dt, dev, copy, "asarray")  # type: ignore[arg-type]
    if hasattr(obj, "__dlpack__"):
        return from_dlpack(obj, device=dev, copy=copy, dtype=dt)
    if hasattr(obj, "__array__"):
        return _ndarray_to_tensor(_array_protocol(obj, copy), dt, dev, copy, "asarray")
    raise TypeError(
        f"asarray: cannot convert an object of type {type(obj).__name__}; pass a tensor, a "
        "NumPy array or scalar, a Python scalar, a nested list/tuple, a buffer, or an object "
        "with __dlpack__ or __array__"
    )


def _scalar_into(obj: object, dt: torch.dtype) -> object:
    """A Python scalar as NumPy reads it into ``dt``: a float into an integer dtype is
    truncated to an int first, then range-checked (NaN is NumPy's ValueError, infinity and
    out-of-range values its OverflowError, where torch would wrap them, leak its own text, or
    refuse floats for uint64); a complex number into a real dtype is NumPy's TypeError, where
    torch drops the imaginary part with a warning."""
    if type(obj) is complex and not dt.is_complex and dt is not torch.bool:
        raise TypeError(
            f"asarray: {obj!r} is complex and {dt} is not; pass a complex dtype, or the part "
            "you want (z.real, abs(z))"
        )
    if type(obj) is float and dt in INT_BOUNDS:
        try:
            whole = int(obj)
        except ValueError as e:  # NaN
            raise ValueError(
                f"asarray: {obj!r} cannot be read as {dt}: integers hold no NaN; pass a "
                "floating dtype, or replace NaN first (tb.nan_to_num)"
            ) from e
        except OverflowError as e:  # infinity
            raise OverflowError(
                f"asarray: {obj!r} cannot be read as {dt}: integers hold no infinity; pass a "
                "floating dtype"
            ) from e
        lo, hi = INT_BOUNDS[dt]
        if not lo <= whole <= hi:
            raise OverflowError(
                f"asarray: {obj!r} is out of bounds for {dt} (its range is [{lo}, {hi}]); pass "
                "a value the dtype holds, or a wider dtype"
            )
        return whole
    error = int_out_of_bounds(obj, dt, "pass a value the dtype holds, or a wider dtype", "asarray")
    if error is not None:  # torch would wrap a negative int into an unsigned dtype
        raise error
    return obj


def _array_protocol(obj: object, copy: bool | None) -> NDArray:
    """``obj.__array__`` through NumPy; with ``copy=False`` only if it can promise no copy."""
    if copy is not False:
        return np.asarray(obj)
    name = type(obj).__name__
    if not _accepts_copy(obj):
        raise _refuse(
            "asarray",
            [f"{name}.__array__ takes no copy= keyword (NumPy 2), so cannot promise not to copy"],
        )
    if not _NUMPY2:
        raise _refuse(
            "asarray",
            [
                f"NumPy {np.__version__} cannot pass copy=False on to {name}.__array__ (NumPy 2 "
                "can), so cannot promise not to copy"
            ],
        )
    try:
        return np.asarray(obj, copy=False)
    except ValueError as e:
        raise _refuse("asarray", [f"{name}.__array__(copy=False) refused: {e}"]) from e


def _accepts_copy(obj: object) -> bool:
    try:
        params = inspect.signature(obj.__array__).parameters  # type: ignore[attr-defined]
    except (TypeError, ValueError):  # a C method without a signature: NumPy will check
        return True
    return "copy" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


def _has_buffer(obj: object) -> bool:
    try:
        memoryview(obj)  # type: ignore[arg-type]
    except TypeError:
        return False
    return True


def _sequence_fast(obj: list[Any] | tuple[Any, ...]) -> torch.Tensor | None:
    """Python data with the default dtypes, when NumPy reads it as a dtype torch takes as is."""
    if NUMPY_DEFAULTS.current[0] is not torch.float64 or is_dynamo_compiling():
        return None  # float64 results take another default: the general path converts
    for v in obj:
        if isinstance(v, _Tensor):
            return None  # stacked on torch's side by the general path
    try:
        return _torch_from_numpy(np.asarray(obj))
    except (TypeError, ValueError, OverflowError):
        return None  # object/str/ml_dtypes data, bad nesting: the general path explains


#: dtypes whose NumPy twin torch.from_numpy takes, for ``_sequence_typed``.
_SEQUENCE_TWINS: Final = {
    t: numpy_dtype_of(t)
    for t in (
        torch.bool, torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8,
        torch.float16, torch.float32, torch.float64, torch.complex64, torch.complex128,
    )
}  # fmt: skip


def _sequence_typed(obj: list[Any] | tuple[Any, ...], dt: torch.dtype) -> torch.Tensor | None:
    """Python data read by NumPy straight into ``dt``'s twin, or None (the general path)."""
    twin = _SEQUENCE_TWINS.get(dt)
    if twin is None:
        return None
    for v in obj:
        if isinstance(v, _Tensor):
            return None  # stacked on torch's side by the general path
    try:
        return _torch_from_numpy(np.asarray(obj, dtype=twin))
    except (TypeError, ValueError, OverflowError):
        return None  # ragged data, values the dtype refuses: the general path explains


def _sequence_to_tensor(
    obj: list[Any] | tuple[Any, ...], dt: torch.dtype | None, dev: torch.device
) -> torch.Tensor:
    if any(isinstance(v, torch.Tensor) for v in obj):
        # A sequence of tensors: stack them on torch's side (keeps devices and autograd).
        parts = [asarray(v, dtype=dt, device=dev) for v in obj]
        return torch.stack(parts)
    if is_dynamo_compiling():  # torch.compile traces no NumPy: torch reads Python numbers
        inferred = _python_data_dtype(obj)
        if inferred is not None:
            return torch.tensor(obj, dtype=dt or inferred, device=dev)
    if dt is not None and dt in INT_BOUNDS:
        # Into an integer dtype NumPy reads the values itself, refusing what would not fit
        # (its OverflowError for an int out of range, its ValueError for NaN or inf), where a
        # cast after reading would wrap them.
        try:
            arr = np.asarray(obj, dtype=numpy_dtype_of(dt))
        except OverflowError as e:
            raise OverflowError(
                f"asarray: a value does not fit {dt} ({e}); pass values the dtype holds, or a "
                "wider dtype"
            ) from e
        except ValueError as e:
            raise ValueError(f"asarray: cannot read the sequence as {dt}: {e}") from e
        except TypeError as e:  # complex numbers, or objects that are no numbers
            if np.asarray(obj).dtype.kind == "c":
                raise _complex_into_real(dt) from e
            raise TypeError(f"asarray: cannot read the sequence as {dt}: {e}") from e
        return _ndarray_to_tensor(arr, dt, dev, None, "asarray")
    try:
        arr = np.asarray(obj)
    except (ValueError, OverflowError) as e:
        raise ValueError(f"asarray: cannot build an array from this sequence: {e}") from e
    if arr.dtype == object or arr.dtype.kind in "USV":
        raise TypeError(
            f"asarray: the sequence holds data NumPy reads as {arr.dtype} (ragged nesting, "
            "strings, or integers beyond 64 bits); pass rectangular numeric data"
        )
    if dt is not None and arr.dtype.kind == "c" and not (dt.is_complex or dt is torch.bool):
        # NumPy refuses Python complex numbers into a real dtype; torch would drop the
        # imaginary parts with a warning.
        raise _complex_into_real(dt)
    if dt is None:
        # Python floats make NumPy infer float64/complex128: those take tbridge's default.
        # Narrower results come from typed elements (np.float32 scalars or arrays): kept.
        if arr.dtype == np.float64:
            dt = default_float_dtype()
        elif arr.dtype == np.complex128:
            dt = default_complex_dtype()
    # The array is fresh and owned: sharing it is not a copy of the caller's data.
    return _ndarray_to_tensor(arr, dt, dev, None, "asarray")


def _complex_into_real(dt: torch.dtype) -> TypeError:
    """NumPy's TypeError for Python data holding complex numbers read into the real ``dt``."""
    return TypeError(
        f"asarray: the sequence holds complex numbers and {dt} is real; pass a complex dtype, "
        "or the part you want (tb.real, tb.abs) after reading it as complex"
    )


def array(
    obj: ArrayLike,
    /,
    dtype: DTypeLike | None = None,
    *,
    copy: bool | None = True,
    ndmin: int = 0,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """NumPy's ``array``: :func:`asarray` with ``copy=True`` by default.

    ``ndmin`` prepends axes of length 1 until the result has at least that many dimensions,
    as NumPy does (``array([1, 2], ndmin=2)`` has shape ``(1, 2)``).

    Memory and autograd: new memory unless ``copy=None``/``False`` allows sharing; a tensor
    input's copy stays on its autograd graph. With ``ndmin`` and no copy the result is a view
    of the input (NumPy's too), not the input object itself.

    Raises
    ------
    TypeError
        What :func:`asarray` raises, or an ``ndmin`` that is not an integer.
    ValueError
        What :func:`asarray` raises, or ``ndmin`` above 64, NumPy's limit.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.array([5.5, 3])
    tensor([5.5000, 3.0000], dtype=torch.float64)
    >>> tb.array([1, 2], ndmin=2).shape
    torch.Size([1, 2])
    """
    if dtype is None and device is None and requires_grad is False and ndmin == 0:
        kind = type(obj)
        if (kind is list or kind is tuple) and (copy is True or copy is None):
            fast = _sequence_fast(cast("list[Any] | tuple[Any, ...]", obj))
            if fast is not None:
                return fast
    if type(ndmin) is not int:
        if isinstance(ndmin, float) or not hasattr(ndmin, "__index__"):
            raise TypeError(f"array: ndmin={ndmin!r} is not an integer; pass e.g. ndmin=2")
        ndmin = operator.index(ndmin)
    if ndmin > _MAX_NDIM:
        raise ValueError(
            f"array: ndmin={ndmin} is more dimensions than NumPy allows ({_MAX_NDIM}); pass a "
            "smaller ndmin"
        )
    try:
        out = asarray(obj, dtype=dtype, device=device, copy=copy, requires_grad=requires_grad)
    except TypeError as e:  # asarray's words, told as array's
        raise TypeError(_as_array_error(e)) from e
    except ValueError as e:
        raise ValueError(_as_array_error(e)) from e
    if out.ndim < ndmin:
        return out.view((1,) * (ndmin - out.ndim) + tuple(out.shape))
    return out


#: NumPy's most dimensions (NPY_MAXDIMS): an ``ndmin`` above it is its ValueError.
_MAX_NDIM: Final = 64


def _as_array_error(e: Exception) -> str:
    """The message of an ``asarray`` error, naming ``array``, the function the user called."""
    text = str(e)
    return "array" + text[len("asarray") :] if text.startswith("asarray") else f"array: {text}"


def from_numpy(a: NDArray, /) -> torch.Tensor:
    """A CPU tensor sharing ``a``'s memory, always; raises when sharing is impossible.

    Memory and autograd: shares with ``a`` (writes through either side show on the other);
    the tensor is not tracked by autograd.

    Raises
    ------
    TypeError
        ``a`` is not a NumPy array (NumPy scalars included), or its dtype has no torch twin.
    ValueError
        ``a`` is read-only, reversed (negative strides), byte-swapped, or strided oddly; the
        message says so and names ``tb.asarray(a)``, which copies.
    """
    if type(a) is _ndarray and a.flags.writeable:
        try:
            return _torch_from_numpy(a)
        except (TypeError, ValueError):
            pass  # a dtype or layout torch refuses: the general path handles or explains it
    given: object = a  # what a caller without a type checker passed
    if not isinstance(given, np.ndarray):
        kind = (
            "a NumPy scalar, which owns no shareable buffer"
            if isinstance(given, np.generic)
            else type(given).__name__
        )
        raise TypeError(
            f"from_numpy: expected a NumPy array, got {kind}; use tb.asarray(x) to convert "
            "other data (it copies when it must)"
        )
    plan = _plan(a, "from_numpy")
    if plan.reasons:
        raise ValueError(
            "from_numpy: cannot share memory with this array because "
            + "; ".join(plan.reasons)
            + ". Use tb.asarray(a) to get a copy (or fix the array, e.g. np.ascontiguousarray)"
        )
    return _view_ndarray(a, plan.dtype)


def _numpy_twin_or_raise(dtype: torch.dtype, caller: str) -> np.dtype[Any]:
    npdt = numpy_dtype_of(dtype)
    if npdt is None:
        if dtype in ML_DTYPE_NAMES:
            raise TypeError(f"{caller}: NumPy has no {dtype} without ml_dtypes; {_INSTALL_ML}")
        raise TypeError(
            f"{caller}: NumPy has no twin of {dtype}; convert first, e.g. "
            "tb.astype(x, tb.complex64) or tb.astype(x, tb.float32)"
        )
    return npdt


def to_numpy(x: torch.Tensor, /, *, copy: bool | None = None) -> NDArray:
    """A NumPy array with ``x``'s values: a read-only view on the CPU, or a copy.

    ``copy=None`` shares on the CPU and copies otherwise (other devices, conj/neg bits);
    ``copy=True`` always returns a fresh, writable array; ``copy=False`` raises when it cannot
    share. Works whatever the grad mode and whether ``x`` requires grad.

    The shared view is read-only so that NumPy can never overwrite memory autograd has
    saved (plain torch gives silently wrong gradients then). To write through, use
    :func:`writable_numpy`.

    Memory and autograd: shares read-only with ``x`` unless a copy is made; the array is outside
    autograd (it never carries gradients).

    Raises
    ------
    TypeError
        ``x`` is not a tensor, is on ``meta`` (no data), is not strided, or its dtype has no
        NumPy twin (bfloat16 and float8 need ml_dtypes).
    ValueError
        ``copy=False`` when sharing is impossible.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.to_numpy(tb.ones(5))
    array([1., 1., 1., 1., 1.])
    """
    if copy is None and type(x) is _Tensor:
        try:
            fast: NDArray = x.numpy()
        except (RuntimeError, TypeError):
            pass  # grad, device, conj/neg bits, layout, dtype: the general path below
        else:
            # Its base is the tensor, not an ndarray: NumPy refuses to make it writable again.
            # write=False, passed positionally: NumPy parses it faster (its stubs want a keyword)
            fast.setflags(False)  # type: ignore[call-arg]
            return fast
    copy = check_copy(copy, "to_numpy")
    if not isinstance(x, torch.Tensor):
        raise TypeError(
            f"to_numpy: expected a torch.Tensor, got {type(x).__name__}; np.asarray handles "
            "other data"
        )
    _check_has_data(x, "to_numpy")
    _numpy_twin_or_raise(x.dtype, "to_numpy")
    reasons = []
    if x.device.type != "cpu":
        reasons.append(
            f"the tensor is on {x.device} and NumPy memory is on the CPU "
            f'(or move it with tb.to_device(x, "cpu") first)'
        )
    if x.is_conj():
        reasons.append("it has a lazy conjugate bit (x.conj()); resolve_conj() makes the copy")
    if x.is_neg():
        reasons.append("it has a lazy negation bit; resolve_neg() makes the copy")
    if reasons:
        if copy is False:
            raise _refuse("to_numpy", reasons)
        base = x.detach()
        if x.device.type != "cpu":
            base = convert(base, base.dtype, CPU)
        return _raw_numpy(base.resolve_conj().resolve_neg())
    view = _raw_numpy(x)
    out: NDArray
    if copy:
        out = np.empty(view.shape, dtype=view.dtype)
        _copy_into(out, view)
        return out
    _freeze(view)
    # A view of read-only arrays only: NumPy refuses to make it writable again.
    out = view.view()
    return out


def _is_dtensor(x: torch.Tensor) -> bool:
    """Whether ``x`` is a torch.distributed DTensor, told without importing torch.distributed
    (absent from some builds)."""
    return type(x) is not _Tensor and hasattr(x, "device_mesh") and hasattr(x, "to_local")


def _local_shard(x: torch.Tensor) -> torch.Tensor:
    """This process's shard of a DTensor (its memory here); any other tensor itself."""
    if _is_dtensor(x):
        local: torch.Tensor = x.to_local()  # type: ignore[attr-defined]
        return local
    return x


def _check_has_data(x: torch.Tensor, caller: str) -> None:
    if _is_dtensor(x):
        # Gathering the shards would copy the whole array to every process, unasked.
        raise TypeError(
            f"{caller}: x is a DTensor spread over a device mesh, and a NumPy array holds one "
            "process's memory; pass x.to_local() for this process's shard (shared), or "
            "x.full_tensor() to gather every shard (a copy of the whole array on each process)"
        )
    if x.device.type == "meta":
        raise TypeError(
            f"{caller}: a meta tensor has shape and dtype but no data; create it on a real "
            "device (e.g. device='cpu')"
        )
    if x.layout != torch.strided:
        raise TypeError(
            f"{caller}: a {x.layout} tensor has no dense memory; call x.to_dense() first"
        )


@contextlib.contextmanager
def writable_numpy(x: torch.Tensor, /) -> Generator[NDArray, None, None]:
    """A writable NumPy view of a CPU tensor, for the duration of a ``with`` block.

    On exit the tensor's autograd version counter is bumped, exactly as a torch in-place op
    would: a graph that saved ``x`` before or during the block raises in ``backward`` instead
    of computing wrong gradients. The view is made read-only on exit, so a reference that
    escapes the block cannot write later (sub-views taken inside the block, such as ``a[1:]``,
    stay writable: do not let them escape).

    Memory and autograd: shares with ``x``; writes count as in-place modifications of ``x``.

    Raises
    ------
    TypeError
        ``x`` is not a tensor, has no data, or has no NumPy dtype.
    ValueError
        ``x`` is not on the CPU, or has a lazy conjugate/negation bit (no shareable values).

    Examples
    --------
    >>> import tbridge as tb
    >>> t = tb.zeros(3)
    >>> with tb.writable_numpy(t) as a:
    ...     a[0] = 5
    >>> t
    tensor([5., 0., 0.], dtype=torch.float64)
    """
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"writable_numpy: expected a torch.Tensor, got {type(x).__name__}")
    _check_has_data(x, "writable_numpy")
    _numpy_twin_or_raise(x.dtype, "writable_numpy")
    if x.device.type != "cpu":
        raise ValueError(
            f"writable_numpy: the tensor is on {x.device}; NumPy can only write CPU memory. "
            'Move it with tb.to_device(x, "cpu"), write, and move it back'
        )
    if x.is_conj() or x.is_neg():
        raise ValueError(
            "writable_numpy: the tensor has a lazy conjugate/negation bit, so its memory does "
            "not hold its values; call x = x.resolve_conj().resolve_neg() first"
        )
    owner = _raw_numpy(x)
    view = owner.view()
    try:
        yield view
    finally:
        torch.autograd.graph.increment_version(x)
        _freeze(view, owner)


def from_dlpack(
    x: object,
    /,
    *,
    device: DeviceLike | None = None,
    copy: bool | None = None,
    dtype: DTypeLike | None = None,
) -> torch.Tensor:
    """A tensor from any object with ``__dlpack__``, with the tri-state ``copy``.

    NumPy arrays take tbridge's own path (torch's DLPack import aborts the process on negative
    strides, and ignores read-only flags), so they follow :func:`asarray`'s rules; so does any
    other producer of CPU memory, imported through ``np.from_dlpack`` first (torch's importer
    only sees dtypes NumPy cannot import, such as bfloat16, and memory on other devices).

    Memory and autograd: shares with ``x`` unless a copy is made; a tensor input stays on its
    autograd graph.

    Raises
    ------
    TypeError
        ``x`` has no ``__dlpack__``.
    ValueError
        ``copy=False`` when a copy is needed.
    """
    copy = check_copy(copy, "from_dlpack")
    dev = None if device is None else torch_device(device, caller="from_dlpack")
    dt = None if dtype is None else torch_dtype(dtype, caller="from_dlpack")
    if isinstance(x, np.ndarray):
        return _ndarray_to_tensor(x, dt, dev or CPU, copy, "from_dlpack")
    if isinstance(x, torch.Tensor):
        return _tensor_to_tensor(x, dt, dev, copy, "from_dlpack")
    if not hasattr(x, "__dlpack__"):
        raise TypeError(
            f"from_dlpack: an object of type {type(x).__name__} has no __dlpack__ method; "
            "use tb.asarray for other data"
        )
    if _dlpack_on_cpu(x):
        # Host memory goes through NumPy's importer: it keeps read-only flags, and torch's
        # aborts the process on negative strides (pytorch#188023).
        try:
            arr = np.from_dlpack(cast("Any", x))  # it has __dlpack__, checked above
        except (BufferError, RuntimeError, TypeError, ValueError):
            pass  # a dtype NumPy cannot import (bfloat16, float8): torch's importer below
        else:
            if arr.flags.writeable or _NUMPY_MAJOR >= 2 or any(s < 0 for s in arr.strides):
                return _ndarray_to_tensor(arr, dt, dev or CPU, copy, "from_dlpack")
            # NumPy 1.x marks every DLPack import read-only (DLPack before 1.0 has no flag), so
            # the flag says nothing here: with the strides checked, torch's importer is safe.
    try:
        shared = _torch_from_dlpack(x)
    except (BufferError, RuntimeError) as e:
        raise ValueError(f"from_dlpack: the producer refused to export its memory: {e}") from e
    return _tensor_to_tensor(shared, dt, dev, copy, "from_dlpack")


_NUMPY_MAJOR: Final = int(np.__version__.split(".")[0])


def _dlpack_on_cpu(x: object) -> bool:
    where = getattr(x, "__dlpack_device__", None)
    if where is None:
        return False
    try:
        return int(where()[0]) == _DLPACK_CPU
    except (TypeError, ValueError, IndexError):
        return False


def _extent(t: torch.Tensor) -> tuple[torch.device, int, int]:
    """Device and the byte range ``[lo, hi)`` a tensor's elements can touch."""
    size = t.element_size()
    lo = t.data_ptr()
    span_hi = sum((n - 1) * s for n, s in zip(t.shape, t.stride(), strict=True) if s > 0)
    span_lo = sum((n - 1) * s for n, s in zip(t.shape, t.stride(), strict=True) if s < 0)
    return t.device, lo + span_lo * size, lo + (span_hi + 1) * size


def shares_memory(a: torch.Tensor | NDArray, b: torch.Tensor | NDArray, /) -> bool:
    """Whether two arrays (tensors or NumPy arrays, in any mix) share any element's memory.

    Exact for CPU data (NumPy's solver); for tensors on other devices, whether their byte ranges
    overlap on the same device. Empty arrays share nothing.
    """
    x, y = (_memory_side(given, "shares_memory") for given in (a, b))
    return _shares(x, y)


def _shares(x: torch.Tensor | NDArray, y: torch.Tensor | NDArray) -> bool:
    """shares_memory of two checked arguments: NumPy's exact solver where both are CPU memory
    NumPy can view, else the byte-range test."""
    if _holds_nothing(x) or _holds_nothing(y):
        return False
    x, y = _numpy_view_if_cpu(x), _numpy_view_if_cpu(y)
    if isinstance(x, np.ndarray) and isinstance(y, np.ndarray):
        return bool(np.shares_memory(x, y))
    return _bounds_overlap(x, y)


def _holds_nothing(side: torch.Tensor | NDArray) -> bool:
    """Empty arrays and meta tensors have no memory to share."""
    if isinstance(side, np.ndarray):
        return side.size == 0
    return side.device.type == "meta" or side.numel() == 0


def _numpy_view_if_cpu(side: torch.Tensor | NDArray) -> torch.Tensor | NDArray:
    """A plain CPU tensor as a NumPy view of its memory (for NumPy's exact solver)."""
    if (
        isinstance(side, torch.Tensor)
        and side.device.type == "cpu"
        and not (side.is_conj() or side.is_neg())
    ):
        return _raw_numpy(side)
    return side


def _bounds_overlap(x: torch.Tensor | NDArray, y: torch.Tensor | NDArray) -> bool:
    """Whether the byte ranges two arrays can touch overlap, on one device."""
    ex = _extent(x) if isinstance(x, torch.Tensor) else (CPU, *_np_extent(x))
    ey = _extent(y) if isinstance(y, torch.Tensor) else (CPU, *_np_extent(y))
    return ex[0] == ey[0] and ex[1] < ey[2] and ey[1] < ex[2]


def may_share_memory(
    a: torch.Tensor | NDArray, b: torch.Tensor | NDArray, /, max_work: int | None = 0
) -> bool:
    """NumPy's ``may_share_memory``: whether two arrays (tensors or NumPy arrays, in any mix)
    might share memory, from their memory bounds alone.

    Parameters
    ----------
    a, b : Tensor or ndarray
        The arrays.
    max_work : int or None, optional
        ``0`` (NumPy's ``MAY_SHARE_BOUNDS``, the default) or None (the default of NumPy
        before 2.0): compare the byte ranges the two
        can touch, so interleaved views such as ``x[::2]`` and ``x[1::2]`` may share. ``-1``
        (``MAY_SHARE_EXACT``), ``-2`` or a positive work budget: the exact answer,
        :func:`shares_memory`'s.

    Returns
    -------
    bool
        Empty arrays and arrays on different devices share nothing.

    Raises
    ------
    TypeError
        For an argument that is not a tensor or a NumPy array, or a sparse tensor (no dense
        memory to compare).
    ValueError
        For a ``max_work`` that is not an integer, or below -2.

    Notes
    -----
    Memory and autograd: reads no data and returns a Python bool.

    Examples
    --------
    >>> import numpy as np
    >>> import tbridge as tb
    >>> a = np.arange(6.0)
    >>> t = tb.asarray(a)  # shares a's memory
    >>> tb.may_share_memory(t[::2], a[1::2]), tb.shares_memory(t[::2], a[1::2])
    (True, False)
    """
    x, y = (_memory_side(given, "may_share_memory") for given in (a, b))
    work: object = 0 if max_work is None else max_work  # any object at run time
    if not isinstance(work, (int, np.integer)):
        raise ValueError(
            f"may_share_memory: max_work must be an integer or None, got {work!r}; pass 0 "
            "(compare memory bounds) or -1 (the exact answer)"
        )
    if work != 0:
        if work < -2:
            raise ValueError(
                f"may_share_memory: max_work={work} is not a valid value; pass 0 "
                "(compare memory bounds), -1 (the exact answer) or a positive work budget"
            )
        return _shares(x, y)
    return not (_holds_nothing(x) or _holds_nothing(y)) and _bounds_overlap(x, y)


def _memory_side(given: object, caller: str) -> torch.Tensor | NDArray:
    """A shares_memory/may_share_memory argument: a NumPy array, or a dense tensor (a DTensor's
    local shard); anything else is the caller's TypeError."""
    side = _local_shard(given) if isinstance(given, torch.Tensor) else given
    if isinstance(side, np.ndarray):
        return side
    if isinstance(side, torch.Tensor):
        if side.layout != torch.strided:
            raise TypeError(
                f"{caller}: a {side.layout} tensor has no dense memory to compare; pass "
                "x.to_dense(), or compare its values or indices tensors"
            )
        return side
    raise TypeError(f"{caller}: expected tensors or NumPy arrays, got {type(side).__name__}")


def _np_extent(a: NDArray) -> tuple[int, int]:
    if hasattr(np.lib, "array_utils"):
        lo, hi = np.lib.array_utils.byte_bounds(a)
    else:  # NumPy 1.x
        lo, hi = np.byte_bounds(a)  # type: ignore[attr-defined]  # noqa: NPY201
    return int(lo), int(hi)
