"""``__array_namespace_info__``: what this namespace offers, with tbridge's NumPy defaults."""

from __future__ import annotations

from typing import TypeAlias

import torch

from tbridge._core.dtypes import default_dtypes
from tbridge._core.normalize import CPU, DeviceLike, torch_device

__all__ = ["Info", "__array_namespace_info__", "available_devices"]

DTypeKind: TypeAlias = "str | tuple[str, ...] | None"

_KINDS: dict[str, tuple[torch.dtype, ...]] = {
    "bool": (torch.bool,),
    "signed integer": (torch.int8, torch.int16, torch.int32, torch.int64),
    "unsigned integer": (torch.uint8, torch.uint16, torch.uint32, torch.uint64),
    "real floating": (torch.float32, torch.float64),
    "complex floating": (torch.complex64, torch.complex128),
}
_KINDS["integral"] = _KINDS["signed integer"] + _KINDS["unsigned integer"]
_KINDS["numeric"] = _KINDS["integral"] + _KINDS["real floating"] + _KINDS["complex floating"]

_NAMES: dict[torch.dtype, str] = {
    d: str(d).removeprefix("torch.") for kind in _KINDS.values() for d in kind
}


def available_devices() -> list[torch.device]:
    """Devices tbridge can allocate on here: the CPU, each CUDA device, MPS when present."""
    found = [CPU]
    if torch.cuda.is_available():
        found += [torch.device("cuda", i) for i in range(torch.cuda.device_count())]
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append(torch.device("mps"))
    return found


class Info:
    """The Array API inspection object returned by ``tb.__array_namespace_info__()``."""

    __module__ = "tbridge"

    def capabilities(self) -> dict[str, bool | int | None]:
        """Optional features: boolean indexing and data-dependent shapes are supported."""
        return {"boolean indexing": True, "data-dependent shapes": True, "max dimensions": 64}

    def default_device(self) -> torch.device:
        """The CPU: tbridge never follows ``torch.set_default_device``."""
        return CPU

    def devices(self) -> tuple[torch.device, ...]:
        """The devices arrays can be created on here (a tuple, as 2025.12 asks)."""
        return tuple(available_devices())

    def default_dtypes(self, *, device: DeviceLike | None = None) -> dict[str, torch.dtype]:
        """NumPy's defaults (float64, complex128, int64), or the ``default_float`` in force."""
        torch_device(device)
        return default_dtypes()

    def dtypes(
        self, *, device: DeviceLike | None = None, kind: DTypeKind = None
    ) -> dict[str, torch.dtype]:
        """The Array API dtypes by name, optionally of one kind or several kinds."""
        torch_device(device)
        if kind is None:
            kinds: tuple[str, ...] = ("bool", "numeric")
        elif isinstance(kind, str):
            kinds = (kind,)
        else:
            kinds = tuple(kind)
        out: dict[str, torch.dtype] = {}
        for k in kinds:
            if k not in _KINDS:
                raise ValueError(f"dtypes: unknown kind {k!r}; pass one of {sorted(_KINDS)}")
            out.update({_NAMES[d]: d for d in _KINDS[k]})
        return out


_INFO = Info()


def __array_namespace_info__() -> Info:
    """The namespace's inspection object (Array API 2023.12 and later)."""
    return _INFO
