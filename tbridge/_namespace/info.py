"""``__array_namespace_info__``: what this namespace offers, with tbridge's NumPy defaults."""

from __future__ import annotations

import torch

from tbridge._core.dtypes import KINDS, STANDARD_DTYPES, default_dtypes
from tbridge._core.normalize import CPU, DeviceLike, torch_device
from tbridge._core.typing import KindFilter

__all__ = ["Info", "__array_namespace_info__", "available_devices"]

#: The standard's kinds over the standard's dtypes, in the standard's order.
_KINDS: dict[str, tuple[torch.dtype, ...]] = {
    kind: tuple(d for d in STANDARD_DTYPES if d in members) for kind, members in KINDS.items()
}

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
        self, *, device: DeviceLike | None = None, kind: KindFilter = None
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
