"""Where axes, shapes, index arrays and casting rules are decided for the shape functions.

The manipulation, creation and indexing chapters (and NumPy's functions beside them) share
these helpers; none of them borrows from another chapter's module. Every helper is a slow path:
the public functions call torch first and come here to validate and explain.

* ``normalize_axis``/``normalize_axes`` turn NumPy's axis spellings into non-negative ints,
  raising NumPy's ``AxisError`` (an ``IndexError`` and a ``ValueError``) out of range: they
  are :mod:`tbridge._core.axes`'s ``check_axis``/``check_axes``, where every axis is read;
* ``shape_arg`` turns an int or a sequence of ints into a shape tuple;
* ``index_tensor`` makes integer index arrays int32/int64 for torch's index kernels;
* ``check_casting`` is NumPy's ``casting=`` rule ("no", "equiv", "safe", "same_kind",
  "unsafe") on torch dtypes.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from typing import Final, Literal, TypeAlias, cast

import torch
from torch import Tensor

from tbridge._core.axes import AxisError, axis_error
from tbridge._core.axes import check_axes as normalize_axes
from tbridge._core.axes import check_axis as normalize_axis
from tbridge._core.promotion import kind_rank, promote
from tbridge._core.signatures import broadcast_shapes
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits, to_wide

__all__ = [
    "INDEX_DTYPES",
    "INTEGER_DTYPES",
    "Axes",
    "AxisError",
    "Casting",
    "axis_error",
    "bits_or_raise",
    "broadcast_shape",
    "check_casting",
    "index_tensor",
    "normalize_axes",
    "normalize_axis",
    "shape_arg",
]

Axes: TypeAlias = "int | tuple[int, ...]"
Casting: TypeAlias = 'Literal["no", "equiv", "safe", "same_kind", "unsafe"]'

#: Index dtypes torch's index kernels take as they are.
INDEX_DTYPES: Final = frozenset({torch.int32, torch.int64})
INTEGER_DTYPES: Final = frozenset(
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
_CASTINGS: Final = ("no", "equiv", "safe", "same_kind", "unsafe")


def shape_arg(shape: object, caller: str, name: str = "shape") -> tuple[int, ...]:
    """A shape given as an int or a sequence of ints (sizes are not checked for sign)."""
    if isinstance(shape, Tensor) and shape.ndim <= 1 and not shape.is_floating_point():
        items: list[object] = [int(d) for d in shape.reshape(-1).tolist()]
    elif isinstance(shape, Sequence) and not isinstance(shape, (str, bytes)):
        items = list(shape)
    elif (
        hasattr(shape, "__index__")
        and not isinstance(shape, bool)
        and not getattr(shape, "ndim", 0)
    ):
        items = [shape]  # (a NumPy array of several ints has __index__ too, which refuses them)
    elif (
        hasattr(shape, "__len__")
        and hasattr(shape, "__iter__")
        and not isinstance(shape, (str, bytes, Mapping, Set))  # unordered: no shape
    ):  # a NumPy array of ints
        items = list(cast("Iterable[object]", shape))
    else:
        raise TypeError(f"{caller}: {name} {shape!r} is not a tuple of integers; pass e.g. (3, 4)")
    out = []
    for d in items:
        if isinstance(d, bool) or not hasattr(d, "__index__"):
            raise TypeError(
                f"{caller}: size {d!r} in {name} {shape!r} is not an integer; pass integers"
            )
        try:
            out.append(operator.index(d))  # pyright: ignore[reportArgumentType] - has __index__
        except TypeError as e:  # a NumPy array that is no integer scalar
            raise TypeError(
                f"{caller}: size {d!r} in {name} {shape!r} is not an integer; pass integers"
            ) from e
    return tuple(out)


def broadcast_shape(*shapes: Sequence[int]) -> tuple[int, ...]:
    """``torch.broadcast_shapes`` with a typed result; RuntimeError when they do not broadcast."""
    return tuple(broadcast_shapes(*shapes))


def bits_or_raise(
    fn: Callable[[Tensor], Tensor], x: Tensor, caller: str, e: NotImplementedError
) -> Tensor:
    """Run ``fn`` on a signed view of an unsigned ``x`` torch has no kernel for (pytorch#58734)."""
    if x.dtype in UNSIGNED_GAPS:
        return on_bits(fn, x)
    raise TypeError(
        f"{caller}: torch has no kernel for {x.dtype} on {x.device.type}; cast x to a dtype "
        "torch computes with there (e.g. with tb.astype) first"
    ) from e


def index_tensor(indices: Tensor, caller: str, name: str = "indices") -> Tensor:
    """Integer indices as int32/int64 (other integer dtypes widened); a TypeError otherwise."""
    if indices.dtype in INDEX_DTYPES:
        return indices
    if indices.dtype not in INTEGER_DTYPES:
        raise TypeError(
            f"{caller}: {name} must have an integer dtype, got {indices.dtype}; cast them with "
            f"tb.astype({name}, tb.int64)"
        )
    return to_wide(indices, caller)


def check_casting(
    src: torch.dtype, dst: torch.dtype, casting: str, caller: str, what: str = "an input"
) -> None:
    """NumPy's ``casting=`` rule for casting ``src`` to ``dst``; TypeError when it forbids it.

    "no" and "equiv" need the same dtype (torch has no byte orders), "safe" a cast that loses
    nothing (``promote(src, dst) == dst``), "same_kind" a kind no lower (float64 -> float32
    is allowed, float -> int is not), "unsafe" anything.
    """
    if casting not in _CASTINGS:
        raise ValueError(
            f"{caller}: casting={casting!r} is not a casting rule; pass one of "
            f"{', '.join(map(repr, _CASTINGS))}"
        )
    if src == dst or casting == "unsafe":
        return
    if casting == "same_kind":
        ok = kind_rank(src) <= kind_rank(dst)
    elif casting == "safe":
        ok = promote(src, dst) == dst
    else:
        ok = False
    if not ok:
        raise TypeError(
            f"{caller}: cannot cast {what} of dtype {src} to {dst} under casting={casting!r}; "
            "pass casting='unsafe' to allow it, or a dtype the inputs cast to"
        )
