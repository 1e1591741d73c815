"""Where ``axis=`` arguments become torch dims: the one place that reads an axis.

``check_axis`` reads one axis: an integer (bools refused) in ``[-ndim, ndim)``, negative axes
counting from the end. Outside that range it raises NumPy's
:class:`numpy.exceptions.AxisError`, which is both a ValueError and an IndexError (the standard
asks for an IndexError), so ``except IndexError`` and ``except ValueError`` both catch it. Two
families of functions read axes through it, each with its own reading of several axes and its
own wording of the errors:

* the reductions, searches and sorts (statistical, utility, searching, sorting and NumPy's
  statistics) use ``normalize_axis``/``normalize_axes``: None is every axis, an int one axis, a
  tuple several (``axis=()`` none, where torch would reduce everything, pytorch#29137), given
  back sorted;
* the shape functions (manipulation, creation, indexing and NumPy's functions beside them,
  which import these from :mod:`tbridge._core.shapes`) use ``check_axis``/``check_axes``: an
  int, or a tuple or list kept in its order, and ``of`` says what the axes index ("the result"
  for ``expand_dims``'s new axes).

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
    "axis_error",
    "check_axes",
    "check_axis",
    "flatten_dims",
    "kept",
    "normalize_axes",
    "normalize_axis",
    "over_dims",
    "reduced_shape",
]

AxisLike: TypeAlias = "int | tuple[int, ...] | None"


def axis_error(where: str, axis: object, ndim: int, of: str = "an array") -> AxisError:
    """The shape functions' ``AxisError`` for ``axis`` outside ``[-ndim, ndim)``, the valid
    range spelled out."""
    if ndim == 0:
        return AxisError(f"{where}: axis {axis!r} is out of bounds: x is 0-d and has no axes")
    return AxisError(
        f"{where}: axis {axis!r} is out of bounds for {of} of {ndim} dimension(s); a valid "
        f"axis is in [{-ndim}, {ndim}) (negative axes count from the end)"
    )


def _not_an_integer(where: str, axis: object, given: object, of: str | None) -> TypeError:
    if of is None:  # the reductions' wording names the whole argument
        return TypeError(
            f"{where}: axis={given!r} is not an integer or a tuple of integers; pass e.g. "
            "axis=0 or axis=(0, 1)"
        )
    return TypeError(f"{where}: axis {axis!r} is not an integer; pass an int (or a tuple of ints)")


def _out_of_bounds(where: str, axis: object, i: int, ndim: int, of: str | None) -> AxisError:
    if of is None:  # the reductions' wording
        valid = "a 0-d array has no axes" if ndim == 0 else f"valid axes are {-ndim}..{ndim - 1}"
        return AxisError(
            f"{where}: axis {i} is out of bounds for an array of {ndim} dimensions; {valid}"
        )
    return axis_error(where, axis, ndim, of)


def check_axis(
    axis: object, ndim: int, where: str, of: str | None = "an array", given: object = None
) -> int:
    """``axis`` as a non-negative int below ``ndim``: the one check every axis goes through.

    ``of`` is what the axes index, for the error ("an array", "the result"); None words the
    errors as the reductions do, naming ``given`` (the whole ``axis=`` argument) when ``axis``
    is not an integer.

    Raises
    ------
    TypeError
        For an axis that is not an integer (bools and floats included).
    numpy.exceptions.AxisError
        (a ValueError and an IndexError) for an axis outside ``[-ndim, ndim)``.
    """
    if isinstance(axis, bool) or not hasattr(axis, "__index__"):
        raise _not_an_integer(where, axis, given, of)
    # checked above: it has __index__ (mypy narrows by hasattr; pyright does not, and a cast
    # would cost a call on this hot path)
    i = operator.index(axis)  # pyright: ignore[reportArgumentType]
    if not -ndim <= i < ndim:
        raise _out_of_bounds(where, axis, i, ndim, of)
    return i + ndim if i < 0 else i


def check_axes(axis: object, ndim: int, where: str, of: str = "an array") -> tuple[int, ...]:
    """The shape functions' axes (an int, or a tuple or list of ints) checked, in their order,
    each once (ValueError on repeats)."""
    axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    out = tuple([check_axis(a, ndim, where, of) for a in axes])
    if len(set(out)) != len(out):
        raise ValueError(
            f"{where}: axis {axis!r} names the same axis more than once (as {out}); pass each "
            "axis once"
        )
    return out


def normalize_axes(axis: object, ndim: int, caller: str) -> tuple[int, ...]:
    """The reductions' ``axis`` (None, an int or a tuple of ints) as sorted, distinct,
    non-negative axes.

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
        i = check_axis(a, ndim, caller, None, axis)
        if i in out:
            raise ValueError(
                f"{caller}: axis {a} appears more than once in axis={axis!r}; list each axis once"
            )
        out.append(i)
    return tuple(sorted(out))


def normalize_axis(axis: object, ndim: int, caller: str) -> int:
    """The reductions' one axis (an int) as a non-negative index; the errors of
    :func:`normalize_axes`."""
    return check_axis(axis, ndim, caller, None, axis)


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
