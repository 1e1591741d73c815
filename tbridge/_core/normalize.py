"""Where user input becomes torch objects: devices, shapes, ``requires_grad`` and ``copy``.

Every public function goes through these helpers (dtypes go through :mod:`tbridge._core.dtypes`).
Each helper has a fast path for the common spelling and a slow path that validates and explains.

Sizes too big to exist, or to allocate, are explained here too (:func:`raise_for_size`): the
functions that allocate by a size argument catch torch's error around the allocation (a ``try``
costs the common call nothing) and come here to turn it into NumPy's ``ValueError`` or
``MemoryError``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from typing import Final, Literal, SupportsIndex, TypeAlias, cast

import torch

from tbridge._core.dtypes import ALL_COMPLEX_FLOATING, REAL_FLOATS
from tbridge._core.typing import DeviceLike, ShapeLike

__all__ = [
    "CPU",
    "MAX_BYTES",
    "DeviceLike",
    "ShapeLike",
    "check_copy",
    "check_requires_grad",
    "check_size",
    "raise_for_size",
    "torch_device",
    "torch_shape",
]


CPU: Final = torch.device("cpu")

_DEVICE_CACHE: dict[object, torch.device] = {None: CPU, "cpu": CPU, CPU: CPU}


def _lead(caller: str | None) -> str:
    """``"zeros: "`` for a caller's name, nothing without one (the start of an error message)."""
    return "" if caller is None else f"{caller}: "


def torch_device(device: DeviceLike | None, *, caller: str | None = None) -> torch.device:
    """Turn ``device=`` into a ``torch.device``. None means the CPU, whatever torch's default is.

    An ``int`` is a CUDA index, as in torch. Strings are parsed by torch and cached. ``caller``
    names the public function for the error message; it costs nothing when the value is valid.

    Raises
    ------
    TypeError
        For values of another type.
    ValueError
        For strings torch cannot parse, and negative indices.
    """
    try:
        return _DEVICE_CACHE[device]
    except (KeyError, TypeError):
        pass
    return _parse_device(device, caller)


def _parse_device(device: object, caller: str | None) -> torch.device:
    """Slow path of :func:`torch_device`: parse, validate and cache one spelling."""
    if isinstance(device, torch.device):
        if device.type == "cuda":
            check_cuda(device, caller)
        return device
    if isinstance(device, bool) or not isinstance(device, (str, int)):
        raise TypeError(
            f"{_lead(caller)}device={device!r} is not a device; pass a str ('cpu', 'cuda:0', "
            "'meta'), a torch.device, an int (a CUDA index) or None (the CPU)"
        )
    if isinstance(device, int):
        if device < 0:
            raise ValueError(
                f"{_lead(caller)}device={device!r}: a CUDA index must be >= 0; pass e.g. 0 for "
                "'cuda:0'"
            )
        result = torch.device("cuda", device)
    else:
        try:
            result = torch.device(device)
        except RuntimeError as e:
            raise ValueError(
                f"{_lead(caller)}device={device!r} is not a device torch knows; pass e.g. "
                "'cpu', 'cuda', 'cuda:1', 'mps' or 'meta'"
            ) from e
    if result.type == "cuda":
        check_cuda(result, caller)
    _DEVICE_CACHE[device] = result
    return result


_CUDA_READY: list[bool] = []  # filled once, on the first CUDA request


def check_cuda(device: torch.device, caller: str | None = None) -> None:
    """Raise a ValueError naming the installed torch build when ``device`` cannot be used.

    Without this, torch answers a CUDA request on a CPU build with an AssertionError ("Torch
    not compiled with CUDA enabled") from deep inside the first allocation.
    """
    if not _CUDA_READY:
        _CUDA_READY.append(torch.cuda.is_available())
    if _CUDA_READY[0]:
        return
    build = (
        f"a CUDA {torch.version.cuda} build of torch {torch.__version__} that sees no GPU"
        if torch.version.cuda
        else f"a CPU-only build of torch ({torch.__version__})"
    )
    raise ValueError(
        f"{_lead(caller)}device={str(device)!r}: this process has {build}; run `python -m "
        "tbridge` to see the devices it can use, and install a CUDA build of torch for GPUs"
    )


def _bad_size(value: object, caller: str) -> TypeError:
    return TypeError(
        f"{caller}: size {value!r} is not an integer; pass integers, "
        "e.g. zeros(5, 3) or zeros((5, 3))"
    )


def torch_shape(dims: tuple[ShapeLike, ...], caller: str) -> tuple[int, ...]:
    """Turn a shape given as varargs ``(5, 3)`` or as one sequence ``((5, 3),)`` into a tuple.

    ``caller`` names the calling function for error messages.

    Raises
    ------
    TypeError
        For sizes that are not integers (bools and floats included).
    ValueError
        For negative sizes.
    """
    if len(dims) == 1:
        first = dims[0]
        if type(first) is tuple:
            dims = first
        elif isinstance(first, Sequence) and not isinstance(first, (str, bytes)):
            dims = tuple(first)
        elif not hasattr(first, "__index__"):
            raise _bad_size(first, caller)
    # Fast path: plain non-negative ints.
    for d in dims:
        if type(d) is not int or d < 0:
            break
    else:
        return dims  # type: ignore[return-value]  # checked above: all are int
    out: list[int] = []
    for d in dims:
        if isinstance(d, bool):
            raise _bad_size(d, caller)
        try:
            n = operator.index(cast(SupportsIndex, d))  # raises TypeError for non-indices
        except TypeError as e:
            raise _bad_size(d, caller) from e
        if n < 0:
            raise ValueError(
                f"{caller}: negative size {n} in shape {tuple(dims)!r}; sizes must be >= 0"
            )
        out.append(n)
    return tuple(out)


#: The most bytes (and elements) one array can span: torch and NumPy count them in int64.
MAX_BYTES: Final = 2**63 - 1
#: torch's words for a shape whose byte count overflows int64 ("Storage size calculation
#: overflowed with sizes=[...]", "Stride calculation overflowed", "numel: integer
#: multiplication overflow"), raised before anything is allocated, on every device.
_OVERFLOW_WORDS: Final = (
    "size calculation overflowed",
    "Stride calculation overflowed",
    "integer multiplication overflow",
)
#: torch's CPU allocator refusing a request ("DefaultCPUAllocator: can't allocate memory"
#: on Linux and macOS, "... not enough memory" on Windows).
_NO_MEMORY_WORDS: Final = ("can't allocate memory", "not enough memory")
_ALLOCATED: Final = re.compile(r"allocate (\d+) bytes")
_UNITS: Final = ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB")


def _dims(shape: object) -> tuple[int, ...] | None:
    """``shape`` as a tuple of ints (an int is one size), or None when it is not one."""
    if type(shape) is int:
        return (shape,)
    if isinstance(shape, (tuple, list, torch.Size)):
        out: list[int] = []
        for d in cast("Sequence[object]", shape):
            if isinstance(d, bool) or not hasattr(d, "__index__"):
                return None
            out.append(operator.index(cast(SupportsIndex, d)))
        return tuple(out)
    return None


def _nbytes(dims: tuple[int, ...], itemsize: int) -> int:
    """NumPy's byte count of a shape: the non-zero sizes times the item size (NumPy refuses
    ``(0, 2**40, 2**40)`` as too big, although it holds nothing)."""
    n = itemsize
    for d in dims:
        if d:
            n *= d
    return n


def _human(n: int) -> str:
    """A byte count as NumPy prints it in its MemoryError: ``8.00 TiB``."""
    value, unit = float(n), 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value, unit = value / 1024, unit + 1
    return f"{n} bytes" if unit == 0 else f"{value:.2f} {_UNITS[unit]}"


def _too_big(
    caller: str, dims: tuple[int, ...], dtype: torch.dtype | None, name: str
) -> str | None:
    """The message for a shape no array can have, or None when it can exist."""
    for d in dims:
        if d > MAX_BYTES:
            return (
                f"{caller}: size {d} in shape {dims} is larger than {MAX_BYTES} (2**63 - 1), the "
                f"largest size an axis can have; pass a smaller {name}"
            )
    if dtype is None or _nbytes(dims, dtype.itemsize) <= MAX_BYTES:
        return None
    count = f"{_nbytes(dims, 1)} elements"
    if 0 in dims:  # NumPy counts the non-zero sizes: such a shape has no valid strides
        count = f"its non-zero sizes, {count},"
    unit = "1 byte" if dtype.itemsize == 1 else f"{dtype.itemsize} bytes"
    return (
        f"{caller}: an array of shape {dims} and dtype {dtype} is too big to exist: {count} "
        f"of {unit} each need more than the 2**63 - 1 bytes an array can span; pass a smaller "
        f"{name}"
    )


def check_size(shape: object, dtype: torch.dtype, caller: str, name: str = "shape") -> None:
    """Raise NumPy's ValueError when no array of ``shape`` and ``dtype`` can exist (its bytes
    overflow int64). For slow paths that must know before they start (see also
    :func:`raise_for_size`, which runs only after torch has refused)."""
    dims = _dims(shape)
    message = None if dims is None else _too_big(caller, dims, dtype, name)
    if message is not None:
        raise ValueError(message)


def raise_for_size(
    e: BaseException,
    caller: str,
    shape: object,
    dtype: torch.dtype | None = None,
    name: str = "shape",
) -> None:
    """Raise NumPy's error for torch's failure ``e`` to make an array of ``shape``, chained to
    ``e``, when that is what ``e`` is; return (the caller re-raises ``e``) when it is not.

    Call it from an ``except`` around an allocation: it costs nothing until torch raises.
    ``shape`` is the requested shape (an int or a sequence of ints; anything else is read as
    unknown), ``dtype`` the result's dtype, ``name`` what the user should make smaller (the
    parameter: "shape", "size", "num", ...).

    * ``ValueError`` (NumPy's "array is too big") when the bytes of ``shape`` overflow int64,
      a size exceeds 2**63 - 1, or torch says a size calculation overflowed;
    * ``MemoryError`` (NumPy's "Unable to allocate") when the size is representable but
      torch's CPU allocator (or NumPy, on a path that computes with it) cannot get the memory.

    CUDA's ``torch.OutOfMemoryError`` is left as torch raises it: torch users catch it by that
    name, and the caching allocator's advice in its message is the useful part.
    """
    if isinstance(e, torch.OutOfMemoryError):
        return
    dims = _dims(shape)
    if dims is not None:
        message = _too_big(caller, dims, dtype, name)
        if message is not None:
            raise ValueError(message) from e
    text = str(e)
    shown = "this shape" if dims is None else f"shape {dims}"
    typed = "" if dtype is None else f" and dtype {dtype}"
    if any(w in text for w in _OVERFLOW_WORDS):
        raise ValueError(
            f"{caller}: an array of {shown}{typed} is too big to exist: its byte count (or that "
            f"of an array computed on the way) overflows the 2**63 - 1 bytes an array can span; "
            f"pass a smaller {name}"
        ) from e
    if isinstance(e, MemoryError) or any(w in text for w in _NO_MEMORY_WORDS):
        found = _ALLOCATED.search(text)
        if dims is not None and dtype is not None:
            size = f" {_human(_nbytes(dims, dtype.itemsize))}"
        elif found is not None:
            size = f" {_human(int(found.group(1)))}"
        else:
            size = ""
        raise MemoryError(
            f"{caller}: unable to allocate{size} for an array of {shown}{typed}: the allocator "
            f"cannot get that much memory; pass a smaller {name} (or a smaller dtype), or free "
            "memory"
        ) from e


_AUTOGRAD_DTYPES: Final = REAL_FLOATS | ALL_COMPLEX_FLOATING


def check_requires_grad(requires_grad: bool, dtype: torch.dtype, caller: str) -> None:
    """Refuse ``requires_grad=True`` for dtypes autograd cannot track."""
    if requires_grad and dtype not in _AUTOGRAD_DTYPES:
        raise ValueError(
            f"{caller}: requires_grad=True needs a floating or complex dtype, got {dtype}; "
            "autograd tracks only those. Pass dtype=tb.float64 (or another floating dtype) "
            "or requires_grad=False"
        )


CopyLike: TypeAlias = "bool | None"


def check_copy(copy: object, caller: str) -> Literal[True, False] | None:
    """Validate the tri-state ``copy=``: True, False or None, nothing else."""
    if copy is None or copy is True or copy is False:
        return copy
    raise TypeError(
        f"{caller}: copy={copy!r} is not allowed; pass True (always copy), None (copy only when "
        "needed) or False (never copy, raise instead)"
    )
