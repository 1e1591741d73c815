"""Where ``axis=`` arguments of the reductions, searches and sorts become torch dims.

One reading of ``axis`` for every chapter that reduces or orders along axes (statistical,
utility, searching, sorting and NumPy's statistics): None is every axis, an int one axis, a
tuple several (``axis=()`` none, where torch would reduce everything, pytorch#29137). Negative
axes count from the end. An axis outside ``[-ndim, ndim)`` is NumPy's
:class:`numpy.exceptions.AxisError`, which is both a ValueError and an IndexError (the standard
asks for an IndexError), so ``except IndexError`` and ``except ValueError`` both catch it.

It also holds the shape arithmetic of reducing over several axes with torch functions that
take one (pytorch#56586): the axes are moved last and flattened into one.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence
from typing import TypeAlias

from numpy.exceptions import AxisError
from torch import Tensor

__all__ = [
    "AxisError",
    "AxisLike",
    "flatten_dims",
    "kept",
    "normalize_axes",
    "normalize_axis",
    "over_dims",
    "reduced_shape",
]

AxisLike: TypeAlias = "int | tuple[int, ...] | None"


def _one_axis(a: object, ndim: int, caller: str, axis: object) -> int:
    if isinstance(a, bool) or not hasattr(a, "__index__"):
        raise TypeError(
            f"{caller}: axis={axis!r} is not an integer or a tuple of integers; pass e.g. axis=0 "
            "or axis=(0, 1)"
        )
    i = operator.index(a)  # pyright: ignore[reportArgumentType] - checked: it has __index__
    if not -ndim <= i < ndim:
        valid = "a 0-d array has no axes" if ndim == 0 else f"valid axes are {-ndim}..{ndim - 1}"
        raise AxisError(
            f"{caller}: axis {i} is out of bounds for an array of {ndim} dimensions; {valid}"
        )
    return i % ndim


def normalize_axes(axis: object, ndim: int, caller: str) -> tuple[int, ...]:
    """``axis`` (None, an int or a tuple of ints) as sorted, distinct, non-negative axes.

    Raises
    ------
    TypeError
        For axes that are not integers (bools, floats and lists included).
    numpy.exceptions.AxisError
        (a ValueError and an IndexError) for axes outside ``[-ndim, ndim)``.
    ValueError
        For an axis given twice.
    """
    if axis is None:
        return tuple(range(ndim))
    items = axis if isinstance(axis, tuple) else (axis,)
    out: list[int] = []
    for a in items:
        i = _one_axis(a, ndim, caller, axis)
        if i in out:
            raise ValueError(
                f"{caller}: axis {a} appears more than once in axis={axis!r}; list each axis once"
            )
        out.append(i)
    return tuple(sorted(out))


def normalize_axis(axis: object, ndim: int, caller: str) -> int:
    """One axis (an int) as a non-negative index; the errors of :func:`normalize_axes`."""
    return _one_axis(axis, ndim, caller, axis)


def reduced_shape(shape: Sequence[int], dims: tuple[int, ...], keepdims: bool) -> list[int]:
    """The shape left after reducing ``dims`` (kept as 1s with ``keepdims``)."""
    if keepdims:
        return [1 if d in dims else s for d, s in enumerate(shape)]
    return [s for d, s in enumerate(shape) if d not in dims]


def flatten_dims(t: Tensor, dims: tuple[int, ...]) -> Tensor:
    """``t`` with ``dims`` moved last and flattened into one axis (a view where torch can)."""
    if dims and dims[-1] == t.ndim - 1 and dims[-1] - dims[0] == len(dims) - 1:
        # trailing axes already (all of them: the flattened array): a reshape at most
        size = math.prod(t.shape[dims[0] :])
        return t if len(dims) == 1 else t.reshape(*t.shape[: dims[0]], size)
    rest = [d for d in range(t.ndim) if d not in dims]
    size = math.prod([t.shape[d] for d in dims])
    return t.permute(*rest, *dims).reshape(*(t.shape[d] for d in rest), size)


def over_dims(
    fn: Callable[..., Tensor], t: Tensor, dims: tuple[int, ...], keepdims: bool
) -> Tensor:
    """``fn(t, dim, keepdim=...)`` over several axes at once, for torch functions that take one
    axis (pytorch#56586): the axes are moved last and flattened into one."""
    if len(dims) == 1:
        return fn(t, dims[0], keepdim=keepdims)
    out = fn(flatten_dims(t, dims), -1)
    return out.reshape(reduced_shape(t.shape, dims, True)) if keepdims else out


def kept(out: Tensor, shape: Sequence[int], dims: tuple[int, ...], keepdims: bool) -> Tensor:
    """A result computed without the reduced axes, reshaped to keep them when asked."""
    return out.reshape(reduced_shape(shape, dims, True)) if keepdims else out
