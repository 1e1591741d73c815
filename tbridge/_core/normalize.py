"""Where user input becomes torch objects: devices, shapes, ``requires_grad`` and ``copy``.

Every public function goes through these helpers (dtypes go through :mod:`tbridge._core.dtypes`).
Each helper has a fast path for the common spelling and a slow path that validates and explains.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import Final, Literal, SupportsIndex, TypeAlias, cast

import torch

from tbridge._core.typing import DeviceLike, ShapeLike

__all__ = [
    "CPU",
    "DeviceLike",
    "ShapeLike",
    "check_copy",
    "check_requires_grad",
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


def _bad_size(value: object, where: str) -> TypeError:
    return TypeError(
        f"{where}: size {value!r} is not an integer; pass integers, "
        "e.g. zeros(5, 3) or zeros((5, 3))"
    )


def torch_shape(dims: tuple[ShapeLike, ...], where: str) -> tuple[int, ...]:
    """Turn a shape given as varargs ``(5, 3)`` or as one sequence ``((5, 3),)`` into a tuple.

    ``where`` names the calling function for error messages.

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
            raise _bad_size(first, where)
    # Fast path: plain non-negative ints.
    for d in dims:
        if type(d) is not int or d < 0:
            break
    else:
        return dims  # type: ignore[return-value]  # checked above: all are int
    out: list[int] = []
    for d in dims:
        if isinstance(d, bool):
            raise _bad_size(d, where)
        try:
            n = operator.index(cast(SupportsIndex, d))  # raises TypeError for non-indices
        except TypeError as e:
            raise _bad_size(d, where) from e
        if n < 0:
            raise ValueError(
                f"{where}: negative size {n} in shape {tuple(dims)!r}; sizes must be >= 0"
            )
        out.append(n)
    return tuple(out)


_INEXACT: Final = frozenset(
    {
        torch.float16,
        torch.bfloat16,
        torch.float32,
        torch.float64,
        torch.complex32,
        torch.complex64,
        torch.complex128,
    }
)


def check_requires_grad(requires_grad: bool, dtype: torch.dtype, where: str) -> None:
    """Refuse ``requires_grad=True`` for dtypes autograd cannot track."""
    if requires_grad and dtype not in _INEXACT:
        raise ValueError(
            f"{where}: requires_grad=True needs a floating or complex dtype, got {dtype}; "
            "autograd tracks only those. Pass dtype=tb.float64 (or another floating dtype) "
            "or requires_grad=False"
        )


CopyLike: TypeAlias = "bool | None"


def check_copy(copy: object, where: str) -> Literal[True, False] | None:
    """Validate the tri-state ``copy=``: True, False or None, nothing else."""
    if copy is None or copy is True or copy is False:
        return copy
    raise TypeError(
        f"{where}: copy={copy!r} is not allowed; pass True (always copy), None (copy only when "
        "needed) or False (never copy, raise instead)"
    )
