"""Where ``axis=`` arguments become torch dims: the one place that reads an axis.

``check_axis`` reads one axis: an integer (bools refused) in ``[-ndim, ndim)``, negative axes
counting from the end. Outside that range it raises NumPy's
:class:`numpy.exceptions.AxisError`, which is both a ValueError and an IndexError (the standard
asks for an IndexError), so ``except IndexError`` and ``except ValueError`` both catch it. The
errors are worded by an :class:`AxisWording`, each family of functions keeping its own. Two
families read axes through it, each with its own reading of several axes:

* the reductions, searches and sorts (statistical, utility, searching, sorting and NumPy's
  statistics) use ``normalize_axis``/``normalize_axes``: None is every axis, an int one axis, a
  tuple several (``axis=()`` none, where torch would reduce everything, pytorch#29137), given
  back sorted;
* the shape functions (manipulation, creation, indexing and NumPy's functions beside them,
  which import these from :mod:`tbridge._core.shapes`) use ``check_axis``/``check_axes``: an
  int, or a tuple or list kept in its order, and ``of`` says what the axes index ("the result"
  for ``expand_dims``'s new axes).

Others (the ufunc methods, the FFTs, ``linalg``, the random generators) call ``check_axis``
with their own wording.

It also holds the shape arithmetic of reducing over several axes with torch functions that
take one (pytorch#56586): the axes are moved last and flattened into one.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, TypeAlias

from numpy.exceptions import AxisError
from torch import Tensor

__all__ = [
    "AxisError",
    "AxisLike",
    "AxisWording",
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


@dataclass(frozen=True, slots=True)
class AxisWording:
    """How a family of functions words its axis errors: :meth:`str.format` templates.

    The fields: ``caller`` (the function), ``axis`` (the axis as given), ``given`` (the whole
    ``axis=`` argument), ``i`` (the axis as an int), ``ndim``, ``lo`` (``-ndim``), ``hi``
    (``ndim - 1``) and ``of`` (what the caller says the axes index). ``no_axes``, when given,
    words an axis of a 0-d array apart.
    """

    not_integer: str
    out_of_bounds: str
    no_axes: str = ""

    def type_error(self, caller: str, axis: object, given: object, of: str) -> TypeError:
        """The ``TypeError`` for an axis that is not an integer."""
        return TypeError(self.not_integer.format(caller=caller, axis=axis, given=given, of=of))

    def axis_error(
        self, caller: str, axis: object, i: object, ndim: int, given: object, of: str
    ) -> AxisError:
        """The ``AxisError`` for axis ``i`` outside ``[-ndim, ndim)``."""
        template = self.no_axes if ndim == 0 and self.no_axes else self.out_of_bounds
        return AxisError(
            template.format(
                caller=caller, axis=axis, given=given, i=i, ndim=ndim, lo=-ndim, hi=ndim - 1, of=of
            )
        )


#: The shape functions' wording (``of``: what the axes index, "an array" or "the result").
_SHAPE_AXES: Final = AxisWording(
    "{caller}: axis {axis!r} is not an integer; pass an int (or a tuple of ints)",
    "{caller}: axis {axis!r} is out of bounds for {of} of {ndim} dimension(s); a valid axis is "
    "in [{lo}, {ndim}) (negative axes count from the end)",
    "{caller}: axis {axis!r} is out of bounds: x is 0-d and has no axes",
)
#: The reductions' wording: a non-integer names the whole ``axis=`` argument.
_REDUCTION_AXES: Final = AxisWording(
    "{caller}: axis={given!r} is not an integer or a tuple of integers; pass e.g. axis=0 or "
    "axis=(0, 1)",
    "{caller}: axis {i} is out of bounds for an array of {ndim} dimensions; valid axes are "
    "{lo}..{hi}",
    "{caller}: axis {i} is out of bounds for an array of 0 dimensions; a 0-d array has no axes",
)


def axis_error(caller: str, axis: object, ndim: int, of: str = "an array") -> AxisError:
    """The shape functions' ``AxisError`` for ``axis`` outside ``[-ndim, ndim)``, the valid
    range spelled out."""
    return _SHAPE_AXES.axis_error(caller, axis, axis, ndim, axis, of)


def check_axis(
    axis: object,
    ndim: int,
    caller: str,
    of: str = "an array",
    given: object = None,
    wording: AxisWording = _SHAPE_AXES,
) -> int:
    """``axis`` as a non-negative int below ``ndim``: the one check every axis goes through.

    ``of`` is what the axes index, for the error ("an array", "the result"); ``given`` is the
    whole ``axis=`` argument, for wordings that name it; ``wording`` is the family's
    :class:`AxisWording` (the shape functions' by default).

    Raises
    ------
    TypeError
        For an axis that is not an integer (bools, floats and arrays of several elements
        included).
    numpy.exceptions.AxisError
        (a ValueError and an IndexError) for an axis outside ``[-ndim, ndim)``.
    """
    if isinstance(axis, bool) or not hasattr(axis, "__index__"):
        raise wording.type_error(caller, axis, given, of)
    try:
        # checked above: it has __index__ (mypy narrows by hasattr; pyright does not, and a
        # cast would cost a call on this hot path)
        i = operator.index(axis)  # pyright: ignore[reportArgumentType]
    except TypeError as e:  # an array of several elements, or not of integers
        raise wording.type_error(caller, axis, given, of) from e
    if not -ndim <= i < ndim:
        raise wording.axis_error(caller, axis, i, ndim, given, of)
    return i + ndim if i < 0 else i


def check_axes(axis: object, ndim: int, caller: str, of: str = "an array") -> tuple[int, ...]:
    """The shape functions' axes (an int, or a tuple or list of ints) checked, in their order,
    each once (ValueError on repeats)."""
    axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    out = tuple([check_axis(a, ndim, caller, of) for a in axes])
    if len(set(out)) != len(out):
        raise ValueError(
            f"{caller}: axis {axis!r} names the same axis more than once (as {out}); pass each "
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
        i = check_axis(a, ndim, caller, "", axis, _REDUCTION_AXES)
        if i in out:
            raise ValueError(
                f"{caller}: axis {a} appears more than once in axis={axis!r}; list each axis once"
            )
        out.append(i)
    return tuple(sorted(out))


def normalize_axis(axis: object, ndim: int, caller: str) -> int:
    """The reductions' one axis (an int) as a non-negative index; the errors of
    :func:`normalize_axes`."""
    return check_axis(axis, ndim, caller, "", axis, _REDUCTION_AXES)


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
