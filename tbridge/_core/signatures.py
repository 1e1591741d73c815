"""The torch functions torch leaves without usable annotations, bound once with the signatures
they have.

``torch.broadcast_shapes``, ``torch.broadcast_tensors`` and ``torch.set_printoptions`` are
unannotated (mypy refuses to call them under ``--strict``), and ``torch.tensordot`` hides its
overloads from type checkers (pyright reads its ``dims`` as an int, from the default). Each
name here is the torch function itself, so calling it costs nothing over calling torch; only
the declared type is ours. Take these names instead of the torch attributes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Protocol, cast

import torch
from torch import Tensor

__all__ = ["broadcast_shapes", "broadcast_tensors", "set_printoptions", "tensordot"]


class _BroadcastShapes(Protocol):
    def __call__(self, *shapes: int | Sequence[int]) -> torch.Size: ...


class _BroadcastTensors(Protocol):
    def __call__(self, *tensors: Tensor) -> tuple[Tensor, ...]: ...


class _SetPrintOptions(Protocol):
    def __call__(
        self,
        precision: int | None = None,
        threshold: float | None = None,
        edgeitems: int | None = None,
        linewidth: int | None = None,
        profile: str | None = None,
        sci_mode: bool | None = None,
    ) -> None: ...


class _TensorDot(Protocol):
    def __call__(
        self,
        a: Tensor,
        b: Tensor,
        dims: int | tuple[list[int], list[int]] | list[list[int]] | Tensor = 2,
        out: Tensor | None = None,
    ) -> Tensor: ...


#: ``torch.broadcast_shapes``: the shape the given shapes broadcast to (RuntimeError if none).
broadcast_shapes: Final[_BroadcastShapes] = torch.broadcast_shapes
#: ``torch.broadcast_tensors``: views of the tensors at their common shape.
broadcast_tensors: Final[_BroadcastTensors] = torch.broadcast_tensors
#: ``torch.set_printoptions``.
set_printoptions: Final[_SetPrintOptions] = torch.set_printoptions
#: ``torch.tensordot``. A cast, once at import: torch declares its overloads only when not
#: type checking (for TorchScript), so a checker sees ``dims=2`` alone and infers an int.
tensordot: Final = cast(_TensorDot, torch.tensordot)
