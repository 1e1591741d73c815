"""NumPy's shape and joining functions beyond the standard.

Joining (``concatenate``, ``vstack``, ``hstack``, ``dstack``, ``column_stack``,
``row_stack``, ``append``, ``insert``), splitting (``split``, ``array_split``, ``hsplit``,
``vsplit``, ``dsplit``, ``delete``, ``trim_zeros``), reordering (``transpose``, ``swapaxes``,
``rollaxis``, ``fliplr``, ``flipud``, ``rot90``, ``ravel``), ``copy``, ``atleast_1d/2d/3d``,
``resize`` and ``pad``, with NumPy's signatures and semantics on torch tensors.

Where tbridge has the standard's function under NumPy's other name, the NumPy name is the same
object: ``concatenate`` is :func:`concat` (its signature is NumPy's), ``transpose`` is
:func:`permute_dims` (``axes=None`` reverses), ``row_stack`` is :func:`vstack`.

Every array argument goes through the input gate, so lists and NumPy arrays work; joins
promote dtypes by NumPy's table (through :func:`concat`). The splitting functions return
lists of views, as NumPy does.

Memory and autograd: each docstring says whether the result is a view of the input or new
memory; every result stays on its inputs' autograd graphs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, Final, Literal, Protocol, SupportsIndex, TypeAlias, overload

import numpy as np
import torch
import torch.nn.functional as F
from numpy.exceptions import AxisError
from torch import Tensor

from tbridge._convert.gate import as_tensor
from tbridge._core.dtypes import INT_BOUNDS, DTypeLike, numpy_dtype_of, torch_dtype
from tbridge._core.normalize import check_size, raise_for_size
from tbridge._core.shapes import (
    Casting,
    axis_error,
    bits_or_raise,
    index_tensor,
    normalize_axes,
    normalize_axis,
    shape_arg,
)
from tbridge._core.workarounds import UNSIGNED_GAPS, from_ordered, on_bits, ordered
from tbridge._namespace.creation import linspace
from tbridge._namespace.manipulation import concat, permute_dims
from tbridge._namespace.sorting import sort

__all__ = [
    "append",
    "apply_along_axis",
    "apply_over_axes",
    "array_split",
    "atleast_1d",
    "atleast_2d",
    "atleast_3d",
    "block",
    "column_stack",
    "concatenate",
    "copy",
    "delete",
    "dsplit",
    "dstack",
    "fliplr",
    "flipud",
    "hsplit",
    "hstack",
    "insert",
    "ndim",
    "pad",
    "ravel",
    "resize",
    "rollaxis",
    "rot90",
    "row_stack",
    "shape",
    "size",
    "split",
    "swapaxes",
    "transpose",
    "trim_zeros",
    "vsplit",
    "vstack",
]

concatenate = concat  # NumPy's name; concat has NumPy's concatenate signature
transpose = permute_dims  # NumPy's name; permute_dims(x) reverses the axes as transpose does

Arrays: TypeAlias = "Sequence[Any]"
IndexLike: TypeAlias = "SupportsIndex | Sequence[SupportsIndex] | slice | Tensor"

_Tensor: Final = torch.Tensor
_REVERSED: Final = [tuple(range(n - 1, -1, -1)) for n in range(65)]


def _t(value: object, caller: str, name: str = "x") -> Tensor:
    """``value`` through the input gate (the tensor itself when it is one)."""
    return value if isinstance(value, Tensor) else as_tensor(value, caller, name)


def _sequence(tup: object, caller: str) -> list[Tensor]:
    """The arrays of a stacking function: a list or tuple (or an array, read along axis 0)."""
    if isinstance(tup, Tensor):
        return list(tup.unbind(0)) if tup.ndim else [tup]
    if isinstance(tup, np.ndarray):
        tup = list(tup) if tup.ndim else [tup]
    if not isinstance(tup, (list, tuple)):
        raise TypeError(
            f"{caller}: arrays to stack must be a list or tuple of arrays, got "
            f"{type(tup).__name__}; pass e.g. {caller}([a, b])"
        )
    if not tup:
        raise ValueError(f"{caller}: needs at least one array, got an empty sequence")
    return [_t(a, caller, f"tup[{i}]") for i, a in enumerate(tup)]


def _one_dtype(arrays: Sequence[object]) -> bool:
    """Whether every entry is a plain tensor of the first one's dtype (torch's join suffices)."""
    if len(arrays) == 2:  # the common call, checked inline
        a, b = arrays
        return type(a) is _Tensor and type(b) is _Tensor and a.dtype is b.dtype
    first = arrays[0]
    if type(first) is not _Tensor:
        return False
    dt = first.dtype
    return all(type(a) is _Tensor and a.dtype is dt for a in arrays)


# ---- atleast_nd -----------------------------------------------------------------------------


def _atleast(caller: str, nd: int, arys: tuple[object, ...]) -> Tensor | tuple[Tensor, ...]:
    out = []
    for i, a in enumerate(arys):
        t = _t(a, caller, f"arys[{i}]")
        if t.ndim < nd:
            if nd == 3 and t.ndim == 2:
                t = t.unsqueeze(-1)
            elif nd == 3 and t.ndim == 1:
                t = t.reshape(1, -1, 1)
            else:
                t = t.reshape((1,) * (nd - t.ndim) + tuple(t.shape))
        out.append(t)
    return out[0] if len(out) == 1 else tuple(out)


@overload
def atleast_1d(ary: Any, /) -> Tensor: ...
@overload
def atleast_1d(*arys: Any) -> Tensor | tuple[Tensor, ...]: ...
def atleast_1d(*arys: Any) -> Tensor | tuple[Tensor, ...]:
    """Each array with at least one dimension (0-d becomes shape ``(1,)``).

    One argument gives one tensor, several a tuple (NumPy's convention).

    Memory and autograd: views of the inputs (the inputs themselves when they already have
    enough dimensions); each stays on its input's autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.atleast_1d(3.0)
    tensor([3.], dtype=torch.float64)
    """
    if len(arys) == 1 and type(arys[0]) is _Tensor and arys[0].ndim >= 1:
        return arys[0]
    return _atleast("atleast_1d", 1, arys)


@overload
def atleast_2d(ary: Any, /) -> Tensor: ...
@overload
def atleast_2d(*arys: Any) -> Tensor | tuple[Tensor, ...]: ...
def atleast_2d(*arys: Any) -> Tensor | tuple[Tensor, ...]:
    """Each array with at least two dimensions (leading size-1 axes are added).

    One argument gives one tensor, several a tuple (NumPy's convention).

    Memory and autograd: views of the inputs; each stays on its input's autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.atleast_2d([1, 2]).shape
    torch.Size([1, 2])
    """
    if len(arys) == 1 and type(arys[0]) is _Tensor and arys[0].ndim >= 2:
        return arys[0]
    return _atleast("atleast_2d", 2, arys)


@overload
def atleast_3d(ary: Any, /) -> Tensor: ...
@overload
def atleast_3d(*arys: Any) -> Tensor | tuple[Tensor, ...]: ...
def atleast_3d(*arys: Any) -> Tensor | tuple[Tensor, ...]:
    """Each array with at least three dimensions, as NumPy adds them.

    0-d becomes ``(1, 1, 1)``, ``(N,)`` becomes ``(1, N, 1)`` and ``(M, N)`` becomes
    ``(M, N, 1)``. One argument gives one tensor, several a tuple.

    Memory and autograd: views of the inputs; each stays on its input's autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.atleast_3d([1, 2]).shape
    torch.Size([1, 2, 1])
    """
    if len(arys) == 1 and type(arys[0]) is _Tensor and arys[0].ndim >= 3:
        return arys[0]
    return _atleast("atleast_3d", 3, arys)


def _all_nd(arrays: list[Tensor], nd: int) -> list[Tensor]:
    out = _atleast("", nd, tuple(arrays))
    return list(out) if isinstance(out, tuple) else [out]


# ---- stacking -------------------------------------------------------------------------------


def vstack(
    tup: Arrays, *, dtype: DTypeLike | None = None, casting: Casting = "same_kind"
) -> Tensor:
    """Arrays stacked row-wise: 1-d arrays become rows, then joined along axis 0.

    Mixed dtypes promote by NumPy's table; ``dtype=`` and ``casting=`` as in
    :func:`concatenate`. ``row_stack`` is this function.

    Memory and autograd: new memory; stays on the inputs' autograd graphs.

    Raises
    ------
    ValueError
        For no arrays, or sizes that differ off axis 0.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.vstack([[1, 2], [3, 4]])
    tensor([[1, 2],
            [3, 4]])
    """
    if dtype is None and (type(tup) is list or type(tup) is tuple) and tup and _one_dtype(tup):
        try:
            return torch.vstack(tup)
        except (RuntimeError, NotImplementedError):
            pass  # sizes that differ: concatenate explains
    arrays = _all_nd(_sequence(tup, "vstack"), 2)
    return _join(arrays, 0, dtype, casting, "vstack")


row_stack = vstack  # NumPy's older name (deprecated there); the same function


def hstack(
    tup: Arrays, *, dtype: DTypeLike | None = None, casting: Casting = "same_kind"
) -> Tensor:
    """Arrays stacked column-wise: 1-d arrays joined end to end, others along axis 1.

    Mixed dtypes promote by NumPy's table; ``dtype=`` and ``casting=`` as in
    :func:`concatenate`.

    Memory and autograd: new memory; stays on the inputs' autograd graphs.

    Raises
    ------
    ValueError
        For no arrays, or sizes that differ off the joining axis.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.hstack([[1, 2], [3]])
    tensor([1, 2, 3])
    """
    if dtype is None and (type(tup) is list or type(tup) is tuple) and tup and _one_dtype(tup):
        try:
            return torch.hstack(tup)
        except (RuntimeError, NotImplementedError):
            pass
    arrays = _all_nd(_sequence(tup, "hstack"), 1)
    return _join(arrays, 0 if arrays[0].ndim == 1 else 1, dtype, casting, "hstack")


def dstack(tup: Arrays) -> Tensor:
    """Arrays stacked depth-wise: each made at least 3-d (as :func:`atleast_3d`), joined on axis 2.

    Memory and autograd: new memory; stays on the inputs' autograd graphs.

    Raises
    ------
    ValueError
        For no arrays, or sizes that differ off axis 2.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.dstack([[1, 2], [3, 4]]).shape
    torch.Size([1, 2, 2])
    """
    if (type(tup) is list or type(tup) is tuple) and tup and _one_dtype(tup):
        try:
            return torch.dstack(tup)
        except (RuntimeError, NotImplementedError):
            pass
    arrays = _all_nd(_sequence(tup, "dstack"), 3)
    return _join(arrays, 2, None, "same_kind", "dstack")


def column_stack(tup: Arrays) -> Tensor:
    """1-d arrays as the columns of a 2-d array; 2-d arrays joined along axis 1.

    Memory and autograd: new memory; stays on the inputs' autograd graphs.

    Raises
    ------
    ValueError
        For no arrays, or row counts that differ.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.column_stack([[1, 2], [3, 4]])
    tensor([[1, 3],
            [2, 4]])
    """
    if (type(tup) is list or type(tup) is tuple) and tup and _one_dtype(tup):
        try:
            return torch.column_stack(tup)
        except (RuntimeError, NotImplementedError):
            pass
    arrays = [a if a.ndim >= 2 else a.reshape(-1, 1) for a in _sequence(tup, "column_stack")]
    return _join(arrays, 1, None, "same_kind", "column_stack")


def _join(
    arrays: list[Tensor], axis: int, dtype: DTypeLike | None, casting: Casting, caller: str
) -> Tensor:
    dt = None if dtype is None else torch_dtype(dtype, caller=caller)  # errors name `caller`
    try:
        return concat(arrays, axis, dtype=dt, casting=casting)
    except ValueError as e:
        shapes = ", ".join(str(tuple(a.shape)) for a in arrays)
        raise ValueError(
            f"{caller}: arrays of shapes {shapes} (as {caller} reshapes them) cannot be joined "
            f"along axis {axis}: sizes must match on every other axis"
        ) from e


# ---- splitting ------------------------------------------------------------------------------


def _split_points(indices_or_sections: object, caller: str) -> int | list[int]:
    value = indices_or_sections
    if isinstance(value, Tensor | np.ndarray):
        value = value.tolist()  # an int for a 0-d array, a list otherwise
    if hasattr(value, "__index__") and not isinstance(value, bool):
        return int(value)  # pyright: ignore[reportArgumentType] - has __index__
    if not isinstance(value, (list, tuple)):
        raise TypeError(
            f"{caller}: indices_or_sections={indices_or_sections!r} is neither a number of "
            "sections nor a sequence of split points; pass an int or a list of ints"
        )
    return list(shape_arg(value, caller, "indices_or_sections"))


def array_split(ary: Tensor, indices_or_sections: IndexLike, axis: int = 0) -> list[Tensor]:
    """``ary`` split along ``axis`` into sections (an int: sizes differ by at most one) or at
    the given indices (a sequence: slices between consecutive split points, as NumPy cuts).

    Memory and autograd: a list of views of ``ary``; each stays on ``ary``'s graph.

    Raises
    ------
    ValueError
        For a number of sections below 1.
    numpy.exceptions.AxisError
        For an axis out of range.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.array_split(tb.arange(5), 2)
    [tensor([0, 1, 2]), tensor([3, 4])]
    """
    if type(ary) is _Tensor and type(indices_or_sections) is int and type(axis) is int:
        try:
            if indices_or_sections > 0:
                return list(torch.tensor_split(ary, indices_or_sections, axis))
        except (IndexError, RuntimeError):
            pass  # an axis out of range, a 0-d array: explained below
    return _split(ary, indices_or_sections, axis, "array_split", even=False)


def split(ary: Tensor, indices_or_sections: IndexLike, axis: int = 0) -> list[Tensor]:
    """``ary`` split along ``axis`` into equal sections (an int) or at the given indices.

    As :func:`array_split`, but a number of sections must divide the axis evenly.

    Memory and autograd: a list of views of ``ary``; each stays on ``ary``'s graph.

    Raises
    ------
    ValueError
        When the sections do not divide the axis evenly, or number below 1.
    numpy.exceptions.AxisError
        For an axis out of range.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.split(tb.arange(6), [2, 3])
    [tensor([0, 1]), tensor([2]), tensor([3, 4, 5])]
    """
    if type(ary) is _Tensor and type(indices_or_sections) is int and type(axis) is int:
        try:
            if indices_or_sections > 0 and ary.shape[axis] % indices_or_sections == 0:
                return list(torch.tensor_split(ary, indices_or_sections, axis))
        except (IndexError, RuntimeError):
            pass  # an axis out of range, a 0-d array: explained below
    return _split(ary, indices_or_sections, axis, "split", even=True)


def _split(ary: object, points: object, axis: object, caller: str, even: bool) -> list[Tensor]:
    t = _t(ary, caller, "ary")
    a = normalize_axis(axis, t.ndim, caller)  # (a 0-d ary has no axis: AxisError)
    cuts = _split_points(points, caller)
    size = t.shape[a]
    if isinstance(cuts, int):
        if cuts <= 0:
            raise ValueError(f"{caller}: {cuts} sections: the number of sections must be >= 1")
        if even and size % cuts:
            raise ValueError(
                f"{caller}: an axis of size {size} does not divide into {cuts} equal sections; "
                "pass a divisor of the size, or use array_split for sections that differ by one"
            )
        return list(torch.tensor_split(t, cuts, a))
    # torch's tensor_split cuts at a list of indices as Python slicing (and NumPy) does:
    # negative indices count from the end, indices beyond the axis give empty pieces
    return list(torch.tensor_split(t, cuts, a))


class _SplitAlong(Protocol):
    """``hsplit``'s, ``vsplit``'s and ``dsplit``'s signature."""

    def __call__(self, ary: Tensor, indices_or_sections: IndexLike) -> list[Tensor]: ...


def _split_along(
    torch_split: Callable[..., tuple[Tensor, ...]], caller: str, ndim: int, axis: int, doc: str
) -> _SplitAlong:
    """NumPy's ``caller`` (``hsplit``, ``vsplit``, ``dsplit``): :func:`split` along ``axis`` of
    an array of at least ``ndim`` dimensions, with torch's twin ``torch_split`` as the fast
    path."""
    if ndim == 1:
        too_few = f"{caller}: ary is 0-d; {caller} needs an array of at least 1 dimension"
    else:
        too_few = f"{caller}: ary has shape {{}}; {caller} needs at least {ndim} dimensions"

    def split_along(ary: Tensor, indices_or_sections: IndexLike) -> list[Tensor]:
        if (
            type(ary) is _Tensor
            and ary.ndim >= ndim
            and type(indices_or_sections) in (int, list, tuple)
        ):
            try:  # torch's twin is NumPy's (sections that divide the axis, or cut points)
                return list(torch_split(ary, indices_or_sections))
            except (RuntimeError, TypeError):
                pass  # sections that do not divide the axis, non-integer points: below
        t = _t(ary, caller, "ary")
        if t.ndim < ndim:
            raise ValueError(too_few.format(tuple(t.shape)))
        # min: hsplit cuts a 1-d array along its one axis
        return _split(t, indices_or_sections, min(axis, t.ndim - 1), caller, even=True)

    split_along.__name__ = split_along.__qualname__ = caller
    split_along.__doc__ = doc
    return split_along


hsplit: Final = _split_along(
    torch.hsplit,
    "hsplit",
    1,
    1,
    """:func:`split` along axis 1 (axis 0 for a 1-d ``ary``), NumPy's ``hsplit``.

    Memory and autograd: a list of views of ``ary``; each stays on ``ary``'s graph.

    Raises
    ------
    ValueError
        For a 0-d ``ary``, or sections that do not divide the axis.

    Examples
    --------
    >>> import tbridge as tb
    >>> [p.shape for p in tb.hsplit(tb.zeros((2, 4)), 2)]
    [torch.Size([2, 2]), torch.Size([2, 2])]
    """,
)
vsplit: Final = _split_along(
    torch.vsplit,
    "vsplit",
    2,
    0,
    """:func:`split` along axis 0 of an array of at least 2 dimensions, NumPy's ``vsplit``.

    Memory and autograd: a list of views of ``ary``; each stays on ``ary``'s graph.

    Raises
    ------
    ValueError
        For an ``ary`` of fewer than 2 dimensions, or sections that do not divide the axis.

    Examples
    --------
    >>> import tbridge as tb
    >>> [p.shape for p in tb.vsplit(tb.zeros((4, 2)), 2)]
    [torch.Size([2, 2]), torch.Size([2, 2])]
    """,
)
dsplit: Final = _split_along(
    torch.dsplit,
    "dsplit",
    3,
    2,
    """:func:`split` along axis 2 of an array of at least 3 dimensions, NumPy's ``dsplit``.

    Memory and autograd: a list of views of ``ary``; each stays on ``ary``'s graph.

    Raises
    ------
    ValueError
        For an ``ary`` of fewer than 3 dimensions, or sections that do not divide the axis.

    Examples
    --------
    >>> import tbridge as tb
    >>> [p.shape for p in tb.dsplit(tb.zeros((1, 1, 4)), [1])]
    [torch.Size([1, 1, 1]), torch.Size([1, 1, 3])]
    """,
)


# ---- reordering -----------------------------------------------------------------------------


def swapaxes(a: Tensor, axis1: int, axis2: int) -> Tensor:
    """``a`` with axes ``axis1`` and ``axis2`` interchanged.

    Memory and autograd: a view of ``a`` (shares memory); stays on ``a``'s autograd graph.

    Raises
    ------
    numpy.exceptions.AxisError
        For an axis out of range.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.swapaxes(tb.zeros((2, 3, 4)), 0, 2).shape
    torch.Size([4, 3, 2])
    """
    try:
        if a.ndim:  # torch takes axis 0 of a 0-d tensor, which NumPy refuses
            return torch.swapaxes(a, axis1, axis2)
    except (IndexError, TypeError, RuntimeError, AttributeError):
        pass
    t = _t(a, "swapaxes", "a")
    nd = max(t.ndim, 1) if t.ndim else 0
    return torch.swapaxes(
        t, normalize_axis(axis1, nd, "swapaxes"), normalize_axis(axis2, nd, "swapaxes")
    )


def rollaxis(a: Tensor, axis: int, start: int = 0) -> Tensor:
    """``a`` with ``axis`` moved to sit before position ``start`` (NumPy's ``rollaxis``).

    ``start`` may be ``a.ndim`` (move to the end); :func:`moveaxis` is the clearer spelling.

    Memory and autograd: a view of ``a`` (shares memory); stays on ``a``'s autograd graph.

    Raises
    ------
    numpy.exceptions.AxisError
        For ``axis`` outside ``[-ndim, ndim)`` or ``start`` outside ``[-ndim, ndim]``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.rollaxis(tb.zeros((3, 4, 5)), 2).shape
    torch.Size([5, 3, 4])
    """
    if type(a) is _Tensor and type(axis) is int and type(start) is int:
        n = a.ndim
        if -n <= axis < n and -n <= start <= n:
            ax = axis + n if axis < 0 else axis
            s = start + n if start < 0 else start
            if ax < s:
                s -= 1
            return a.view(a.shape) if ax == s else torch.movedim(a, ax, s)
    t = _t(a, "rollaxis", "a")
    n = t.ndim
    ax = normalize_axis(axis, n, "rollaxis")
    if isinstance(start, bool) or not hasattr(start, "__index__"):
        raise TypeError(f"rollaxis: start={start!r} is not an integer; pass an int")
    s = int(start)
    if not -n <= s <= n:
        raise axis_error("rollaxis", start, n + 1, "start positions (ndim + 1 of them)")
    if s < 0:
        s += n
    if ax < s:
        s -= 1
    if ax == s:
        return t.view(t.shape)
    return torch.movedim(t, ax, s)


def fliplr(m: Tensor) -> Tensor:
    """``m`` with the order of its columns (axis 1) reversed.

    Memory and autograd: new memory (torch has no negative strides; NumPy returns a view);
    stays on ``m``'s autograd graph.

    Raises
    ------
    ValueError
        For an ``m`` of fewer than 2 dimensions.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fliplr([[1, 2], [3, 4]])
    tensor([[2, 1],
            [4, 3]])
    """
    try:
        if m.ndim >= 2:
            return torch.fliplr(m)
    except (AttributeError, NotImplementedError, TypeError):
        pass
    t = _t(m, "fliplr", "m")
    if t.ndim < 2:
        raise ValueError(f"fliplr: m has shape {tuple(t.shape)}; fliplr needs at least 2-d")
    return on_bits(torch.fliplr, t) if t.dtype in UNSIGNED_GAPS else torch.fliplr(t)


def flipud(m: Tensor) -> Tensor:
    """``m`` with the order of its rows (axis 0) reversed.

    Memory and autograd: new memory (torch has no negative strides; NumPy returns a view);
    stays on ``m``'s autograd graph.

    Raises
    ------
    ValueError
        For a 0-d ``m``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.flipud([1, 2, 3])
    tensor([3, 2, 1])
    """
    try:
        if m.ndim >= 1 and m.dtype not in UNSIGNED_GAPS:
            return torch.flipud(m)
    except (AttributeError, NotImplementedError, TypeError):
        pass
    t = _t(m, "flipud", "m")
    if t.ndim < 1:
        raise ValueError("flipud: m is 0-d; flipud needs at least 1 dimension")
    return on_bits(torch.flipud, t) if t.dtype in UNSIGNED_GAPS else torch.flipud(t)


def rot90(m: Tensor, k: int = 1, axes: tuple[int, int] = (0, 1)) -> Tensor:
    """``m`` rotated by 90 degrees ``k`` times in the plane of ``axes`` (from the first axis
    towards the second).

    Memory and autograd: new memory; stays on ``m``'s autograd graph.

    Raises
    ------
    ValueError
        For ``axes`` that are not two different axes.
    numpy.exceptions.AxisError
        For an axis out of range.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.rot90([[1, 2], [3, 4]])
    tensor([[2, 4],
            [1, 3]])
    """
    try:
        if type(m) is _Tensor and m.dtype not in UNSIGNED_GAPS:
            return torch.rot90(m, k, axes)
    except (RuntimeError, IndexError, TypeError):
        pass
    t = _t(m, "rot90", "m")
    if isinstance(k, bool) or not hasattr(k, "__index__"):
        raise TypeError(f"rot90: k={k!r} is not an integer; pass the number of quarter turns")
    given: object = axes
    if not isinstance(given, (tuple, list)) or len(given) != 2:
        raise ValueError(f"rot90: axes={axes!r} must name exactly two axes, e.g. (0, 1)")
    a0, a1 = (normalize_axis(a, t.ndim, "rot90") for a in given)
    if a0 == a1:
        raise ValueError(f"rot90: axes={axes!r} name the same axis twice; pass two different axes")
    if t.dtype in UNSIGNED_GAPS:
        return on_bits(lambda u: torch.rot90(u, int(k), (a0, a1)), t)
    return torch.rot90(t, int(k), (a0, a1))


def _order(order: object, t: Tensor, caller: str) -> str:
    if order not in ("C", "F", "A", "K"):
        raise ValueError(
            f"{caller}: order={order!r} is not an order; pass 'C' (row-major), 'F' "
            "(column-major), 'A' or 'K' (as in memory)"
        )
    if order == "A":
        return "F" if _column_major(t) else "C"
    return str(order)


def _column_major(t: Tensor) -> bool:
    return t.ndim > 1 and not t.is_contiguous() and t.permute(_REVERSED[t.ndim]).is_contiguous()


def _memory_order(t: Tensor) -> tuple[int, ...]:
    """Axes from the largest stride to the smallest: NumPy's 'K' reading order."""
    return tuple(sorted(range(t.ndim), key=lambda i: -t.stride()[i] if t.shape[i] > 1 else 0))


def ravel(a: Tensor, order: Literal["C", "F", "A", "K"] = "C") -> Tensor:
    """``a``'s elements as a 1-d array, read in ``order`` (NumPy's ``ravel``).

    ``"C"`` row-major, ``"F"`` column-major, ``"A"`` column-major when ``a`` is, ``"K"`` in
    the order the elements lie in memory.

    Memory and autograd: a view of ``a`` when its strides allow one, else new memory; stays on
    ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.ravel([[1, 2], [3, 4]], order="F")
    tensor([1, 3, 2, 4])
    """
    if type(a) is _Tensor:
        if order == "C":
            return a.reshape(-1)
        if order == "F":
            return a.permute(_REVERSED[a.ndim]).reshape(-1)
    t = _t(a, "ravel", "a")
    o = _order(order, t, "ravel")
    if o == "C":
        return t.reshape(-1)
    if o == "F":
        return t.permute(_REVERSED[t.ndim]).reshape(-1)
    return t.permute(_memory_order(t)).reshape(-1)


def copy(a: Tensor, order: Literal["C", "F", "A", "K"] = "K") -> Tensor:
    """A copy of ``a`` (any array data), laid out in ``order`` (NumPy's ``copy``).

    ``"K"`` keeps ``a``'s layout, ``"C"`` row-major, ``"F"`` column-major, ``"A"``
    column-major when ``a`` is. The result is always a plain ``torch.Tensor``.

    Memory and autograd: new memory; stays on ``a``'s autograd graph (``torch.clone``).

    Examples
    --------
    >>> import tbridge as tb
    >>> x = tb.asarray([1, 2])
    >>> y = tb.copy(x)
    >>> y[0] = 9
    >>> x
    tensor([1, 2])
    """
    if order == "K" and type(a) is _Tensor:
        return a.clone()
    t = _t(a, "copy", "a")
    o = _order(order, t, "copy")
    if o == "K":
        return t.clone()
    if o == "C":
        return t.clone(memory_format=torch.contiguous_format)
    rev = _REVERSED[t.ndim]
    return t.permute(rev).clone(memory_format=torch.contiguous_format).permute(rev)


# ---- editing ----------------------------------------------------------------------------------


def append(arr: Tensor, values: Tensor, axis: int | None = None) -> Tensor:
    """``values`` joined to the end of ``arr`` (both flattened when ``axis=None``).

    With an axis, ``values`` must have ``arr``'s rank and its sizes off ``axis``. The dtypes
    promote by NumPy's table.

    Memory and autograd: new memory; stays on both inputs' autograd graphs.

    Raises
    ------
    ValueError
        For ranks or sizes that do not match.
    numpy.exceptions.AxisError
        For an axis out of bounds (a ValueError and an IndexError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.append([1, 2], [[3, 4]])
    tensor([1, 2, 3, 4])
    """
    a = _t(arr, "append", "arr")
    v = _t(values, "append", "values")
    if axis is None:
        if a.dtype is v.dtype:
            return torch.cat((a.reshape(-1), v if v.ndim == 1 else v.reshape(-1)))
        return concat((a.reshape(-1), v.reshape(-1)))
    try:
        return concat((a, v), axis)
    except AxisError as e:  # NumPy's class, told as append's
        raise AxisError(str(e).replace("concat:", "append:", 1)) from e
    except TypeError as e:  # an axis that is no integer, told as append's
        raise TypeError(str(e).replace("concat:", "append:", 1)) from e
    except ValueError as e:
        raise ValueError(
            f"append: values of shape {tuple(v.shape)} cannot be appended to arr of shape "
            f"{tuple(a.shape)} along axis {axis}: they need the same rank and the same sizes "
            "off that axis"
        ) from e


def _axis_of(t: Tensor, axis: object, caller: str) -> tuple[Tensor, int]:
    """``t`` and the normalized axis; ``axis=None`` flattens ``t`` (axis 0)."""
    if axis is None:
        return t.reshape(-1), 0
    return t, normalize_axis(axis, t.ndim, caller)  # (a 0-d t has no axis: AxisError)


def _positions(obj: object, n: int, caller: str) -> tuple[Tensor | None, int | None]:
    """``obj`` (an int, a slice, or a sequence of ints) as (int64 positions, None) or, for a
    scalar, (None, the position)."""
    if isinstance(obj, slice):
        return torch.arange(*obj.indices(n)), None
    if isinstance(obj, bool):
        raise TypeError(f"{caller}: obj={obj!r} is a bool; pass integer positions")
    if hasattr(obj, "__index__") and not isinstance(obj, (np.ndarray, Tensor)):
        return None, int(obj)  # pyright: ignore[reportArgumentType] - has __index__
    idx = _t(obj, caller, "obj")
    if idx.numel() == 0 and idx.dtype.is_floating_point:  # NumPy reads [] as no positions
        return idx.to(torch.int64).reshape(-1), None
    if idx.dtype == torch.bool:
        return idx, None
    if idx.ndim == 0:
        return None, int(index_tensor(idx, caller, "obj").item())
    return index_tensor(idx, caller, "obj").to(torch.int64).reshape(-1), None


def _values_as(values: object, t: Tensor) -> Tensor:
    """``insert``'s ``values`` in ``t``'s dtype and on its device, cast as NumPy's ``insert``
    casts them: arrays plainly; Python data by NumPy's rules for Python numbers (an int an
    integer dtype cannot hold is an OverflowError, a complex number into a real numeric dtype
    a TypeError; bool takes it as its truth)."""
    if isinstance(values, (Tensor, np.ndarray, np.generic)):
        return _t(values, "insert", "values").to(device=t.device, dtype=t.dtype)
    # Python data is read straight into arr's dtype, as NumPy's insert reads it (the gate's
    # rules: NaN or an int out of range into an integer dtype, complex into a real one, refused)
    return as_tensor(values, "insert", "values", dtype=t.dtype, device=t.device)


def insert(arr: Tensor, obj: IndexLike, values: Any, axis: int | None = None) -> Tensor:
    """``values`` inserted into ``arr`` before the given positions along ``axis`` (NumPy's).

    ``obj`` is one position (``values`` then fills as many slots as its length along the
    axis), or a slice or sequence of positions (one value each, positions of the original
    array; equal positions insert in order). A slice or sequence of one position inserts
    as many slots as ``values`` has along ``axis`` (its first axis is not moved to ``axis``
    as for a scalar ``obj``), as in NumPy. ``arr`` is flattened when ``axis=None``.
    ``values`` takes ``arr``'s dtype, as in NumPy: a Python int it cannot hold or a complex
    number into a real dtype is an error, arrays are cast.

    Memory and autograd: new memory; stays on ``arr``'s and ``values``' autograd graphs.

    Raises
    ------
    IndexError
        For a position outside ``[-size, size]``.
    TypeError
        For boolean or non-integer positions, or Python complex values into a real ``arr``.
    OverflowError
        For a Python int in ``values`` that ``arr``'s integer dtype cannot hold.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.insert(tb.asarray([1, 2, 3]), 1, [7, 8])
    tensor([1, 7, 8, 2, 3])
    >>> tb.insert(tb.asarray([1, 2, 3]), [0, 3], 0)
    tensor([0, 1, 2, 3, 0])
    """
    t, ax = _axis_of(_t(arr, "insert", "arr"), axis, "insert")
    n = t.shape[ax]
    positions, single = _positions(obj, n, "insert")
    listed = False  # one position in a sequence (or slice): values keep their axes, as NumPy's
    if positions is not None:
        if positions.dtype == torch.bool:
            raise TypeError(
                "insert: obj is a boolean array; pass integer positions (e.g. tb.flatnonzero(mask))"
            )
        if positions.numel() == 1:
            single, positions, listed = int(positions.reshape(())), None, True
    if single is not None and not -n <= single <= n:
        raise IndexError(
            f"insert: index {single} is out of bounds for axis {ax} with size {n}; valid "
            f"positions are in [{-n}, {n}]"
        )
    if single is not None and type(values) in (bool, int, float):
        at = single + n if single < 0 else single
        shape = list(t.shape)
        shape[ax] = 1
        # NumPy casts the value to arr's dtype: floating dtypes round the number itself (by
        # torch.full, about 5 us cheaper than the gate at (3, 4)), others take it by NumPy's
        # rules for Python numbers (an int out of range refused)
        if t.dtype.is_floating_point or t.dtype.is_complex:
            # (an int as a float: torch.full refuses ints past int64)
            fill = float(values) if type(values) is int else values
            block = torch.full(shape, fill, dtype=t.dtype, device=t.device)
        else:
            block = _values_as(values, t).expand(shape)
        return torch.cat([t.narrow(ax, 0, at), block, t.narrow(ax, at, n - at)], ax)
    v = _values_as(values, t)
    if single is not None:
        at = single + n if single < 0 else single
        if v.ndim < t.ndim:
            v = v.reshape((1,) * (t.ndim - v.ndim) + tuple(v.shape))
        if not listed:  # one position as a scalar: values' first axis runs along ``axis``
            v = torch.movedim(v, 0, ax)
        shape = list(t.shape)
        shape[ax] = v.shape[ax]
        block = _broadcast(v, shape, "insert")
        return torch.cat([t.narrow(ax, 0, at), block, t.narrow(ax, at, n - at)], ax)
    assert positions is not None
    positions = positions.cpu()  # index arithmetic on the CPU; the data moves once below
    if positions.numel():
        low, high = int(positions.min()), int(positions.max())
        if low < -n or high > n:
            bad = low if low < -n else high
            raise IndexError(
                f"insert: index {bad} is out of bounds for axis {ax} with size {n}; valid "
                f"positions are in [{-n}, {n}]"
            )
    positions = torch.where(positions < 0, positions + n, positions)
    k = positions.numel()
    order = torch.argsort(positions, stable=True)
    new_pos = torch.empty_like(positions)
    new_pos[order] = positions[order] + torch.arange(k)
    total = n + k
    keep = torch.ones(total, dtype=torch.bool)
    keep[new_pos] = False
    shape = list(t.shape)
    shape[ax] = k
    block = _broadcast(v, shape, "insert")
    old_pos = torch.nonzero(keep).reshape(-1).to(t.device)
    out_shape = list(t.shape)
    out_shape[ax] = total
    new_pos = new_pos.to(t.device)
    out = t.new_empty(out_shape)
    if t.dtype in UNSIGNED_GAPS:  # no index_copy kernel (pytorch#58734): on the signed bits
        return on_bits(
            lambda o, old, new: o.index_copy(ax, old_pos, old).index_copy(ax, new_pos, new),
            out,
            t,
            block,
        )
    return out.index_copy(ax, old_pos, t).index_copy(ax, new_pos, block)


def _broadcast(v: Tensor, shape: list[int], caller: str) -> Tensor:
    try:
        return v.expand(shape)
    except RuntimeError as e:
        raise ValueError(
            f"{caller}: values of shape {tuple(v.shape)} cannot be broadcast to the inserted "
            f"block's shape {tuple(shape)}"
        ) from e


def delete(arr: Tensor, obj: IndexLike, axis: int | None = None) -> Tensor:
    """``arr`` without the entries at ``obj`` along ``axis`` (flattened when ``None``).

    ``obj`` is an int, a slice, a sequence of ints (negative ones count from the end; repeats
    are fine) or a boolean mask of the axis' length (True entries are deleted).

    Memory and autograd: new memory; stays on ``arr``'s autograd graph.

    Raises
    ------
    IndexError
        For an index out of range.
    ValueError
        For a boolean mask of the wrong length.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.delete(tb.asarray([[1, 2, 3], [4, 5, 6]]), 1, axis=1)
    tensor([[1, 3],
            [4, 6]])
    """
    t, ax = _axis_of(_t(arr, "delete", "arr"), axis, "delete")
    n = t.shape[ax]
    positions, single = _positions(obj, n, "delete")
    if single is not None:
        if not -n <= single < n:
            raise IndexError(
                f"delete: index {single} is out of bounds for axis {ax} with size {n}; valid "
                f"indices are in [{-n}, {n})"
            )
        at = single + n if single < 0 else single
        return torch.cat([t.narrow(ax, 0, at), t.narrow(ax, at + 1, n - at - 1)], ax)
    assert positions is not None
    if positions.dtype == torch.bool:
        if positions.shape != (n,):
            raise ValueError(
                f"delete: a boolean obj must have the axis' length {n}, got shape "
                f"{tuple(positions.shape)}"
            )
        keep = ~positions.cpu()
    else:
        if positions.numel() and not positions.is_meta:
            low, high = int(positions.min()), int(positions.max())
            if low < -n or high >= n:
                bad = low if low < -n else high
                raise IndexError(
                    f"delete: index {bad} is out of bounds for axis {ax} with size {n}; valid "
                    f"indices are in [{-n}, {n})"
                )
        keep = torch.ones(n, dtype=torch.bool)
        keep[positions.cpu()] = False
    kept = torch.nonzero(keep).reshape(-1).to(t.device)  # the positions are known on the CPU
    if t.dtype in UNSIGNED_GAPS:
        return on_bits(lambda u: torch.index_select(u, ax, kept), t)
    return torch.index_select(t, ax, kept)


def resize(a: Tensor, new_shape: SupportsIndex | Sequence[SupportsIndex]) -> Tensor:
    """``a``'s elements repeated in row-major order to fill ``new_shape`` (NumPy's ``resize``).

    An empty ``a`` gives zeros, as in NumPy.

    Memory and autograd: new memory; stays on ``a``'s autograd graph.

    Raises
    ------
    ValueError
        For negative sizes, or a ``new_shape`` too big for any array (NumPy's resize, which
        builds a tuple of copies first, raises MemoryError for some of those).
    MemoryError
        For a result the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as
        torch raises it).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.resize([1, 2, 3], (2, 4))
    tensor([[1, 2, 3, 1],
            [2, 3, 1, 2]])
    """
    t = _t(a, "resize", "a")
    shape = shape_arg(new_shape, "resize", "new_shape")
    for d in shape:
        if d < 0:
            raise ValueError(f"resize: new_shape {shape!r} has a negative size; sizes are >= 0")
    total = math.prod(shape)
    flat = t.reshape(-1)
    try:
        if flat.numel() == 0:
            return torch.zeros(shape, dtype=t.dtype, device=t.device)
        reps = -(-total // flat.numel())
        try:
            grown = flat.repeat(reps)
        except NotImplementedError as e:
            grown = bits_or_raise(lambda u: u.repeat(reps), flat, "resize", e)
        return grown[:total].reshape(shape)
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        raise_for_size(e, "resize", shape, t.dtype, "new_shape")
        raise


def trim_zeros(
    filt: Tensor, trim: Literal["fb", "f", "b", "bf"] = "fb", axis: int | None = None
) -> Tensor:
    """``filt`` without its leading (``"f"``) and/or trailing (``"b"``) zeros.

    For an N-d ``filt`` the slices along each axis in ``axis`` (all when ``None``) that hold
    only zeros are trimmed from the chosen ends (the bounding box of the non-zeros); an
    all-zero ``filt`` trims to empty, as in NumPy.

    Memory and autograd: a view of ``filt``; stays on its autograd graph. The trimming reads
    the data, so on an accelerator it synchronizes.

    Raises
    ------
    ValueError
        For a ``trim`` other than "f", "b", "fb" or "bf".

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.trim_zeros([0, 0, 1, 2, 0])
    tensor([1, 2])
    >>> tb.trim_zeros([0, 0, 1, 2, 0], "b")
    tensor([0, 0, 1, 2])
    """
    if type(filt) is _Tensor and filt.ndim == 1 and trim == "fb" and axis is None:
        try:
            found = torch.nonzero(filt).reshape(-1)
        except NotImplementedError:  # no kernel for uint16/32/64 (pytorch#58734): below
            pass
        else:
            if found.numel() == 0:
                return filt[:0]
            return filt[int(found[0]) : int(found[-1]) + 1]
    t = _t(filt, "trim_zeros", "filt")
    given: object = trim
    mode = given.lower() if isinstance(given, str) else given
    if mode not in ("fb", "bf", "f", "b"):
        raise ValueError(
            f"trim_zeros: trim={trim!r} is not allowed; pass 'f' (front), 'b' (back) or 'fb'"
        )
    axes = tuple(range(t.ndim)) if axis is None else normalize_axes(axis, t.ndim, "trim_zeros")
    if not axes:
        return t
    # no nonzero kernel for uint16/32/64 (pytorch#58734): their comparison with 0 has one
    found = torch.nonzero(t != 0 if t.dtype in UNSIGNED_GAPS else t)
    key: list[slice] = []
    for ax in range(t.ndim):
        if ax not in axes:
            key.append(slice(None))
        elif found.shape[0] == 0:
            key.append(slice(0, 0))
        else:
            lo = int(found[:, ax].min()) if "f" in mode else None
            hi = int(found[:, ax].max()) + 1 if "b" in mode else None
            key.append(slice(lo, hi))
    return t[tuple(key)]


# ---- pad ----------------------------------------------------------------------------------------

_PAD_OPTIONS: Final[dict[str, tuple[str, ...]]] = {
    "constant": ("constant_values",),
    "edge": (),
    "wrap": (),
    "reflect": ("reflect_type",),
    "symmetric": ("reflect_type",),
    "linear_ramp": ("end_values",),
    "maximum": ("stat_length",),
    "minimum": ("stat_length",),
    "mean": ("stat_length",),
    "median": ("stat_length",),
    "empty": (),
}
#: Index maps of the copying modes, by (mode, size, before, after); bounded.
_PAD_INDEX: dict[tuple[str, int, int, int], Tensor] = {}
_PAD_INDEX_MAX: Final = 256


def _python_pairs(
    value: object, ndim: int, kind: type | tuple[type, ...]
) -> list[tuple[Any, Any]] | None:
    """``_pairs`` read from Python numbers of one type in ``kind`` without NumPy (so that a
    torch.compile trace runs no NumPy): a number, ``(n,)``, ``(before, after)``, or one such
    pair (or ``(n,)``) per axis or for all; None for any other spelling or mixed types."""
    if type(value) is not tuple and type(value) is not list:
        rows: list[Any] = [[value]]
    elif value and all(type(v) is tuple or type(v) is list for v in value):
        rows = list(value)
    else:
        rows = [value]
    width = len(rows[0])
    if len(rows) not in (1, ndim) or width not in (1, 2) or any(len(r) != width for r in rows):
        return None  # (ragged rows too: NumPy's reading refuses them)
    numbers = [v for r in rows for v in r]
    first = type(numbers[0])
    if (first not in kind if isinstance(kind, tuple) else first is not kind) or any(
        type(v) is not first for v in numbers
    ):
        return None
    pairs = [(r[0], r[-1]) for r in rows]
    return pairs * ndim if len(pairs) == 1 else pairs


def _pairs(
    value: object, ndim: int, caller: str, name: str, integral: bool
) -> list[tuple[Any, Any]]:
    """NumPy's ``(before, after)`` pairs for every axis from a scalar, a pair or per-axis pairs."""
    if type(value) is int and value >= 0:  # the common spellings, without NumPy's help
        return [(value, value)] * ndim
    if (
        type(value) is tuple
        and len(value) == 2
        and type(value[0]) is int
        and type(value[1]) is int
        and value[0] >= 0
        and value[1] >= 0
    ):
        return [value] * ndim
    out = _python_pairs(value, ndim, int if integral else (int, float))
    if out is None:
        if isinstance(value, Tensor):
            value = value.tolist()
        arr = np.asarray(value)
        if integral and arr.dtype.kind not in "iu":
            raise TypeError(f"{caller}: {name} must be integers, got {value!r}")
        try:
            pairs = np.broadcast_to(arr, (ndim, 2)) if arr.ndim > 0 else np.full((ndim, 2), arr)
        except ValueError as e:
            raise ValueError(
                f"{caller}: {name}={value!r} does not give (before, after) for each of {ndim} "
                "axes; pass one value, one (before, after) pair, or one pair per axis"
            ) from e
        out = [(p[0].item(), p[1].item()) for p in pairs]
    if integral and any(b < 0 or a < 0 for b, a in out):
        raise ValueError(f"{caller}: {name}={value!r} has negative widths; widths are >= 0")
    return out


def _pad_index(mode: str, n: int, before: int, after: int) -> Tensor:
    """Source positions of each padded position for the modes that copy values."""
    key = (mode, n, before, after)
    found = _PAD_INDEX.get(key)
    if found is not None:
        return found
    i = torch.arange(-before, n + after)
    if mode == "edge" or n == 1:
        idx = i.clamp(0, n - 1)
    elif mode == "wrap":
        idx = i.remainder(n)
    elif mode == "symmetric":
        j = i.remainder(2 * n)
        idx = torch.where(j < n, j, 2 * n - 1 - j)
    else:  # reflect
        j = i.remainder(2 * n - 2)
        idx = torch.where(j < n, j, 2 * n - 2 - j)
    if len(_PAD_INDEX) < _PAD_INDEX_MAX:
        _PAD_INDEX[key] = idx
    return idx


def _reflect_odd(t: Tensor, ax: int, before: int, after: int, symmetric: bool) -> Tensor:
    """NumPy's ``reflect_type="odd"``: chunks reflected through the current edge value, one
    period at a time (each chunk extends the array, so later chunks reflect the extension)."""
    period = t.shape[ax]
    cur = t
    while before > 0 or after > 0:
        length = cur.shape[ax]
        if symmetric:
            usable, offset = length // period * period, 1
        else:
            usable, offset = (length - 1) // (period - 1) * (period - 1), 0
        parts = [cur]
        if before > 0:
            c = min(usable, before)
            chunk = cur.narrow(ax, 1 - offset, c).flip(ax)
            chunk = _through(cur.narrow(ax, 0, 1), chunk)
            parts.insert(0, chunk)
            before -= c
        if after > 0:
            c = min(usable, after)
            chunk = cur.narrow(ax, length - c - 1 + offset, c).flip(ax)
            chunk = _through(cur.narrow(ax, length - 1, 1), chunk)
            parts.append(chunk)
            after -= c
        cur = torch.cat(parts, ax)
    return cur


def _through(edge: Tensor, chunk: Tensor) -> Tensor:
    """``2 * edge - chunk``, the odd reflection, in the array's dtype; bools compute in int64
    and are stored as their truth, as NumPy stores its int64 result in a bool array."""
    if edge.dtype is torch.bool:
        return (2 * edge.to(torch.int64) - chunk.to(torch.int64)).to(torch.bool)
    return 2 * edge - chunk


def _stat(t: Tensor, ax: int, mode: str) -> Tensor:
    if mode in ("maximum", "minimum"):
        if t.is_complex():
            raise TypeError(
                f"pad: mode={mode!r} pads with each edge's {mode}, and complex numbers have "
                "no order (as for tb.max); pad the real and imaginary parts separately, or "
                "use another mode"
            )
        # uint16/32/64 have no max/min kernels (pytorch#58734): an order-keeping int64 twin
        twin = ordered(t) if t.dtype in UNSIGNED_GAPS else t
        found = twin.amax(ax, keepdim=True) if mode == "maximum" else twin.amin(ax, keepdim=True)
        return from_ordered(found, t.dtype) if t.dtype in UNSIGNED_GAPS else found
    work = t if t.is_floating_point() or t.is_complex() else t.to(torch.float64)
    if mode == "mean":
        out = work.mean(ax, keepdim=True)
    else:
        s = sort(work, axis=ax)  # complex in NumPy's order: by real part, then imaginary
        n = s.shape[ax]
        lo = s.narrow(ax, (n - 1) // 2, 1)
        hi = s.narrow(ax, n // 2, 1)
        out = (lo + hi) / 2
    if t.dtype in INT_BOUNDS:  # NumPy rounds for integer dtypes; a bool is its truth
        out = torch.round(out).to(t.dtype)
    return out


def pad(
    array: Tensor,
    pad_width: Any,
    mode: str = "constant",
    *,
    stat_length: Any = None,
    constant_values: Any = None,
    end_values: Any = None,
    reflect_type: Literal["even", "odd"] | None = None,
) -> Tensor:
    """``array`` padded along every axis by ``pad_width`` (NumPy's ``pad``).

    ``pad_width`` is one width, one ``(before, after)`` pair, or a pair per axis. Modes:
    ``"constant"`` (``constant_values``, 0 by default, per axis and side), ``"edge"``,
    ``"wrap"``, ``"reflect"`` and ``"symmetric"`` (``reflect_type="even"`` or ``"odd"``),
    ``"linear_ramp"`` (towards ``end_values``), ``"maximum"``, ``"minimum"``, ``"mean"``,
    ``"median"`` (over ``stat_length`` values at each edge, all by default; integer arrays
    round the mean and median as NumPy does) and ``"empty"`` (undefined values). Axes are
    padded one after another, each seeing the previous ones' padding, as in NumPy. Options
    that do not belong to the mode are refused, as in NumPy; a callable mode is not supported.

    Memory and autograd: new memory; stays on ``array``'s autograd graph.

    Raises
    ------
    ValueError
        For an unknown or unsupported mode, an option the mode does not take, negative widths,
        an empty axis padded by a mode that reads values, or a result too big for any array.
    MemoryError
        For a result the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as
        torch raises it).
    TypeError
        For widths that are not integers.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.pad(tb.asarray([1, 2, 3]), (2, 1), "reflect")
    tensor([3, 2, 1, 2, 3, 2])
    >>> tb.pad(tb.asarray([[1, 2]]), 1, constant_values=9)
    tensor([[9, 9, 9, 9],
            [9, 1, 2, 9],
            [9, 9, 9, 9]])
    """
    if (
        type(array) is Tensor
        and type(pad_width) is int
        and pad_width > 0
        and stat_length is None
        and constant_values is None
        and end_values is None
        and reflect_type is None
        and type(mode) is str
        and 1 <= array.ndim <= 3
    ):
        try:
            fast = _pad_all(array, pad_width, mode)
        except RuntimeError:  # too big (torch's sizes wrap around), or no memory: explained below
            fast = None
        if fast is not None:
            return fast
    t = _t(array, "pad", "array")
    given_mode: object = mode
    if not isinstance(given_mode, str) or given_mode not in _PAD_OPTIONS:
        raise ValueError(
            f"pad: mode={mode!r} is not supported; pass one of "
            f"{', '.join(map(repr, _PAD_OPTIONS))} (a callable mode is not supported: pad "
            "with 'empty' and fill the areas instead)"
        )
    if (
        stat_length is not None
        or constant_values is not None
        or end_values is not None
        or reflect_type is not None
    ):
        _check_pad_options(mode, stat_length, constant_values, end_values, reflect_type)
    widths = _pairs(pad_width, t.ndim, "pad", "pad_width", integral=True)
    shape = tuple(n + b + a for n, (b, a) in zip(t.shape, widths, strict=True))
    check_size(shape, t.dtype, "pad", "pad_width")
    try:
        return _padded(t, widths, mode, stat_length, constant_values, end_values, reflect_type)
    except RuntimeError as e:  # no memory for it
        raise_for_size(e, "pad", shape, t.dtype, "pad_width")
        raise


def _padded(
    t: Tensor,
    widths: list[tuple[int, int]],
    mode: str,
    stat_length: Any,
    constant_values: Any,
    end_values: Any,
    reflect_type: Literal["even", "odd"] | None,
) -> Tensor:
    """:func:`pad` of a tensor by checked widths, one ``(before, after)`` pair per axis."""
    if mode in _TORCH_PAD and 1 <= t.ndim <= 3 and reflect_type != "odd" and t.numel():
        fast = _torch_pad(t, widths, mode)
        if fast is not None:
            return fast
    if mode == "constant":
        return _pad_constant(t, widths, 0 if constant_values is None else constant_values)
    if mode == "empty":
        return _pad_constant(t, widths, None)
    if t.numel() == 0:
        for ax, (b, a) in enumerate(widths):
            if t.shape[ax] == 0 and (b or a):
                raise ValueError(
                    f"pad: cannot extend the empty axis {ax} with mode {mode!r}, which reads "
                    "values from the array; use 'constant' or 'empty'"
                )
        return _pad_constant(t, widths, 0)
    out = t
    ends = _pairs(0 if end_values is None else end_values, t.ndim, "pad", "end_values", False)
    lengths = (
        None
        if stat_length is None
        else _pairs(stat_length, t.ndim, "pad", "stat_length", integral=True)
    )
    for ax, (before, after) in enumerate(widths):
        if not (before or after):
            continue
        n = out.shape[ax]
        if mode in ("edge", "wrap", "reflect", "symmetric"):
            if reflect_type == "odd" and n > 1 and mode in ("reflect", "symmetric"):
                out = _reflect_odd(out, ax, before, after, mode == "symmetric")
                continue
            idx = _pad_index(mode, n, before, after).to(out.device)
            out = (
                on_bits(lambda u, a=ax, i=idx: torch.index_select(u, a, i), out)
                if out.dtype in UNSIGNED_GAPS
                else torch.index_select(out, ax, idx)
            )
            continue
        shape = list(out.shape)
        if mode == "linear_ramp":
            first, last = out.narrow(ax, 0, 1), out.narrow(ax, n - 1, 1)
            left = linspace(ends[ax][0], first.squeeze(ax), before, False, dtype=out.dtype, axis=ax)
            right = linspace(
                ends[ax][1], last.squeeze(ax), after, False, dtype=out.dtype, axis=ax
            ).flip(ax)
        else:
            lb, la = (None, None) if lengths is None else lengths[ax]
            lb = n if lb is None or lb > n else lb
            la = n if la is None or la > n else la
            if (lb == 0 or la == 0) and mode in ("maximum", "minimum"):
                raise ValueError(f"pad: stat_length of 0 gives no {mode} to pad with")
            shape[ax] = before
            left = _stat(out.narrow(ax, 0, lb), ax, mode).expand(shape)
            shape[ax] = after
            right = _stat(out.narrow(ax, n - la, la), ax, mode).expand(shape)
        out = torch.cat([left.to(out.dtype), out, right.to(out.dtype)], ax)
    return out


#: NumPy's copying modes that torch's padding kernels share (for up to 3 padded axes).
_TORCH_PAD: Final = {"edge": "replicate", "wrap": "circular", "reflect": "reflect"}


def _pad_all(t: Tensor, width: int, mode: str) -> Tensor | None:
    """The common call, ``width`` on every side of every axis of a 1-3 dimensional tensor, by
    ``F.pad`` where its values are NumPy's (None elsewhere: the general path decides)."""
    if mode == "constant":
        return F.pad(t, [width] * (2 * t.ndim), value=0)
    torch_mode = _TORCH_PAD.get(mode)
    if torch_mode is None or not t.numel():
        return None
    shortest = min(t.shape)
    if (mode == "reflect" and width >= shortest) or (mode == "wrap" and width > shortest):
        return None
    try:
        return F.pad(t[None], [width] * (2 * t.ndim), mode=torch_mode)[0]
    except (NotImplementedError, RuntimeError):  # dtypes without the kernel (bool, uint16/32/64)
        return None


def _torch_pad(t: Tensor, widths: list[tuple[int, int]], mode: str) -> Tensor | None:
    """``F.pad`` where its values are NumPy's: every axis padded (torch pads the last 1-3 axes
    of a batched input), reflections shorter than the axis, wraps no longer than it."""
    flat: list[int] = []
    for n, (before, after) in zip(reversed(t.shape), reversed(widths), strict=True):
        if mode == "reflect" and (before >= n or after >= n):
            return None
        if mode == "wrap" and (before > n or after > n):
            return None
        flat += (before, after)
    if not any(flat):
        return t.clone()
    try:
        return F.pad(t.unsqueeze(0), flat, mode=_TORCH_PAD[mode]).squeeze(0)
    except (NotImplementedError, RuntimeError):  # dtypes without the kernel (bool, uint16/32/64)
        return None


def _check_pad_options(
    mode: str,
    stat_length: object,
    constant_values: object,
    end_values: object,
    reflect_type: object,
) -> None:
    """NumPy's rule: each mode takes its own options and no others."""
    given = {
        "stat_length": stat_length,
        "constant_values": constant_values,
        "end_values": end_values,
        "reflect_type": reflect_type,
    }
    extra = sorted(k for k, v in given.items() if v is not None and k not in _PAD_OPTIONS[mode])
    if extra:
        raise ValueError(
            f"pad: mode {mode!r} takes no {', '.join(extra)}; it takes "
            f"{', '.join(_PAD_OPTIONS[mode]) or 'no options'}"
        )
    if reflect_type not in (None, "even", "odd"):
        raise ValueError(f"pad: reflect_type={reflect_type!r}; pass 'even' or 'odd'")


def _constant_as(value: Any, dt: torch.dtype, as_numpy: bool = True) -> Any:
    """A pad value as NumPy's ``pad`` writes it into an array of ``dt``: for an integer or
    bool array, assigned into NumPy's twin array with NumPy's outcome, where torch would refuse
    every value the dtype cannot hold. NumPy assigns a NumPy scalar when ``constant_values``
    holds one or two values (``as_numpy``: int64 300 into uint8 is 44, into int8 an
    OverflowError) and Python numbers otherwise (300 into uint8 is an OverflowError); NaN into
    an integer dtype is 0 with NumPy's RuntimeWarning, or its ValueError. Floating arrays take
    the value as it is (torch rounds it in ``dt``)."""
    if dt.is_floating_point or dt.is_complex:
        return value
    bounds = INT_BOUNDS.get(dt)
    if type(value) is int and bounds is not None and bounds[0] <= value <= bounds[1]:
        return value - 2**64 if value > 2**63 - 1 else value  # uint64's top half: int64 bits
    holder = np.zeros(1, dtype=numpy_dtype_of(dt))
    try:
        holder[0] = np.asarray(value)[()] if as_numpy else value
    except (OverflowError, ValueError, TypeError) as e:
        raise type(e)(f"pad: constant_values has {value!r}, which {dt} cannot hold: {e}") from e
    if dt == torch.uint64:
        return holder.view(np.int64)[0].item()  # padded as int64 bits (see _pad_constant)
    return holder[0].item()


def _pad_constant(t: Tensor, widths: list[tuple[int, int]], value: object) -> Tensor:
    if value is None:  # "empty"
        shape = [n + b + a for n, (b, a) in zip(t.shape, widths, strict=True)]
        out = t.new_empty(shape)
        inner = tuple(slice(b, b + n) for n, (b, _) in zip(t.shape, widths, strict=True))
        out[inner] = t
        return out
    bits = t.dtype == torch.uint64  # torch refuses uint64 values past int64: pad int64 bits
    base = t.view(torch.int64) if bits else t
    if isinstance(value, (bool, int, float, complex)):
        flat = [w for pair in reversed(widths) for w in pair]
        if not flat:
            return t.clone()
        out = F.pad(base, flat, value=_constant_as(value, t.dtype))
        return out.view(torch.uint64) if bits else out
    values = _pairs(value, t.ndim, "pad", "constant_values", False)
    as_numpy = True  # how NumPy assigns the values: read only where the dtype makes it matter
    if not (t.dtype.is_floating_point or t.dtype.is_complex):
        given = np.asarray(value.tolist() if isinstance(value, Tensor) else value)
        as_numpy = given.size == 1 or (given.size == 2 and given.shape != (2, 1))
    out = base
    for ax, ((b, a), (before, after)) in enumerate(zip(widths, values, strict=True)):
        shape = list(out.shape)
        shape[ax] = b
        fill = _constant_as(before, t.dtype, as_numpy)
        left = torch.full(shape, fill, dtype=out.dtype, device=out.device)
        shape[ax] = a
        fill = _constant_as(after, t.dtype, as_numpy)
        right = torch.full(shape, fill, dtype=out.dtype, device=out.device)
        out = torch.cat([left, out, right], ax)
    return out.view(torch.uint64) if bits else out


# ---- shape inspection -------------------------------------------------------------------------


def _inspected(a: object, caller: str) -> tuple[int, ...]:
    """The shape of array data (a tensor, a NumPy array, a Python scalar or nested list)."""
    if isinstance(a, (Tensor, np.ndarray)):
        return tuple(a.shape)
    return tuple(as_tensor(a, caller, "a").shape)


def shape(a: Any) -> tuple[int, ...]:
    """The shape of ``a`` as a tuple of Python ints (NumPy's ``np.shape``).

    ``a`` may be a tensor, a NumPy array, a Python scalar (shape ``()``) or a nested list;
    lists are read by NumPy's rules (a ragged list is an error).

    Memory and autograd: reads metadata only; nothing is copied and the graph is untouched
    (lists are converted to read their shape).

    Raises
    ------
    TypeError
        For ``a`` that is not array data (None, a string, ...).
    ValueError
        For a ragged nested list.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.shape(tb.zeros((2, 3)))
    (2, 3)
    >>> tb.shape([[1, 2, 3]]), tb.shape(7)
    ((1, 3), ())
    """
    if type(a) is _Tensor:
        return tuple(a.shape)
    return _inspected(a, "shape")


def ndim(a: Any) -> int:
    """The number of dimensions of ``a`` as a Python int (NumPy's ``np.ndim``).

    Takes what :func:`shape` takes.

    Memory and autograd: reads metadata only; nothing is copied and the graph is untouched.

    Raises
    ------
    TypeError
        For ``a`` that is not array data.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.ndim(tb.zeros((2, 3))), tb.ndim([1, 2]), tb.ndim(3.0)
    (2, 1, 0)
    """
    if type(a) is _Tensor:
        return a.ndim
    return len(_inspected(a, "ndim"))


def size(a: Any, axis: int | tuple[int, ...] | None = None) -> int:
    """The number of elements of ``a`` (along ``axis`` when given) as a Python int.

    ``axis`` is an int or a tuple of ints (the product of those lengths); negative axes count
    from the end. Takes what :func:`shape` takes. (``Tensor.size`` is torch's method, which
    returns the shape; this is NumPy's function.)

    Memory and autograd: reads metadata only; nothing is copied and the graph is untouched.

    Raises
    ------
    TypeError
        For ``a`` that is not array data, or an axis that is not an integer.
    numpy.exceptions.AxisError
        (a ValueError and an IndexError) for an axis outside the array.

    Examples
    --------
    >>> import tbridge as tb
    >>> x = tb.zeros((2, 3, 4))
    >>> tb.size(x), tb.size(x, 1), tb.size(x, (0, 2))
    (24, 3, 8)
    """
    dims = tuple(a.shape) if type(a) is _Tensor else _inspected(a, "size")
    if axis is None:
        return math.prod(dims)
    axes = normalize_axes(axis, len(dims), "size")
    return math.prod([dims[i] for i in axes])


# ---- block ------------------------------------------------------------------------------------


def _block_depth(arrays: object, path: str) -> tuple[int, int]:
    """(list depth, highest array ndim) of a block layout; NumPy's errors for bad layouts."""
    if isinstance(arrays, tuple):
        raise TypeError(
            f"block: {path} is a tuple; only lists arrange blocks (tuples are not read as "
            "arrays here either); pass a list, or tb.asarray(...) of the tuple"
        )
    if isinstance(arrays, list):
        if not arrays:
            raise ValueError(f"block: the list at {path} is empty; every list needs a block")
        found = [_block_depth(a, f"{path}[{i}]") for i, a in enumerate(arrays)]
        depth = found[0][0]
        for i, (d, _) in enumerate(found):
            if d != depth:
                raise ValueError(
                    f"block: list depths are mismatched: {path}[0] is at depth {depth + 1} but "
                    f"{path}[{i}] at depth {d + 1}; nest every block equally deep"
                )
        return depth + 1, max(n for _, n in found)
    return 0, _t(arrays, "block", path).ndim


def _block(arrays: object, level: int, depth: int, nd: int, path: str) -> tuple[Tensor, bool]:
    """The assembled block and whether it is new memory (some list joined two or more)."""
    if isinstance(arrays, list):
        parts = [_block(a, level + 1, depth, nd, f"{path}[{i}]") for i, a in enumerate(arrays)]
        if len(parts) == 1:
            return parts[0]
        return _block_concat([p for p, _ in parts], level - depth, path), True
    t = _t(arrays, "block", path)
    return (t.reshape((1,) * (nd - t.ndim) + tuple(t.shape)) if t.ndim < nd else t), False


def _block_concat(parts: list[Tensor], axis: int, path: str) -> Tensor:
    try:
        return concat(parts, axis=axis)
    except ValueError as e:
        shapes = ", ".join(str(tuple(p.shape)) for p in parts)
        raise ValueError(
            f"block: the blocks of {path} (shapes {shapes}) do not fit along axis {axis}; "
            "blocks in one list must match in every other axis"
        ) from e


def block(arrays: Any) -> Tensor:
    """An array assembled from nested lists of blocks (NumPy's ``np.block``).

    The innermost lists are joined along the last axis, the next along the second last, and
    so on; blocks of fewer dimensions get leading length-1 axes first. Dtypes promote as in
    :func:`concat`. A single array (no list) comes back as a copy.

    Memory and autograd: new memory; the result stays on every block's autograd graph.

    Raises
    ------
    TypeError
        For a tuple in the layout (NumPy reserves tuples), or a block that is not array data.
    ValueError
        For an empty list, lists nested to different depths, or blocks whose shapes do not fit.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.block([[tb.ones((2, 2)), tb.zeros((2, 1))], [tb.zeros((1, 2)), tb.ones((1, 1))]])
    tensor([[1., 1., 0.],
            [1., 1., 0.],
            [0., 0., 1.]], dtype=torch.float64)
    """
    depth, highest = _block_depth(arrays, "arrays")
    out, joined = _block(arrays, 0, depth, max(depth, highest), "arrays")
    return out if joined else out.clone()


# ---- applying functions over axes -----------------------------------------------------------


def apply_along_axis(
    func1d: Callable[..., Any], axis: int, arr: Any, *args: Any, **kwargs: Any
) -> Tensor:
    """``func1d`` applied to every 1-d slice of ``arr`` along ``axis`` (NumPy's loop).

    ``func1d(v, *args, **kwargs)`` gets each slice as a 1-d tensor; its results (tensors,
    scalars or array data) take the place of ``axis`` in the result, which has shape
    ``arr.shape[:axis] + result.shape + arr.shape[axis + 1:]``. Every result is cast to the
    first one's dtype, as NumPy fills its buffer. The slices are visited in a Python loop, one
    call per slice: it suits small iteration spaces (vectorize with ``torch.vmap`` otherwise).

    Memory and autograd: new memory; the result stays on the autograd graph through the
    slices and ``func1d``'s results.

    Raises
    ------
    numpy.exceptions.AxisError
        For an axis outside ``arr`` (a 0-d ``arr`` has none).
    ValueError
        When an axis other than ``axis`` has length 0 (there is no slice to call ``func1d``
        on), or ``func1d``'s results differ in shape.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.apply_along_axis(tb.max, 1, tb.asarray([[1, 5, 2], [7, 0, 3]]))
    tensor([5, 7])
    """
    t = _t(arr, "apply_along_axis", "arr")
    ax = normalize_axis(axis, t.ndim, "apply_along_axis", "arr")
    moved = t.movedim(ax, -1)
    outer = tuple(moved.shape[:-1])
    if 0 in outer:
        raise ValueError(
            f"apply_along_axis: arr of shape {tuple(t.shape)} has no slice along axis {axis} "
            "(another axis has length 0), so func1d cannot be called; skip the call for empty "
            "arrays"
        )
    flat = moved.reshape(math.prod(outer), moved.shape[-1])
    results: list[Tensor] = []
    for i, v in enumerate(flat.unbind(0)):
        r = func1d(v, *args, **kwargs)
        rt = _t(r, "apply_along_axis", "func1d's result")
        if results:
            first = results[0]
            if rt.shape != first.shape:
                raise ValueError(
                    f"apply_along_axis: func1d returned shape {tuple(rt.shape)} for slice {i} "
                    f"but {tuple(first.shape)} for slice 0; func1d must return one shape"
                )
            if rt.dtype != first.dtype:
                rt = rt.to(first.dtype)
            if rt.device != first.device:
                rt = rt.to(first.device)
        results.append(rt)
    stacked = torch.stack(results)
    res_nd = stacked.ndim - 1
    out = stacked.reshape(outer + tuple(stacked.shape[1:]))
    # the result's axes sit where ``axis`` was: move them from the end of the outer axes
    return out.movedim(tuple(range(len(outer), len(outer) + res_nd)), tuple(range(ax, ax + res_nd)))


def apply_over_axes(
    func: Callable[[Tensor, int], Any], a: Any, axes: int | Sequence[int]
) -> Tensor:
    """``func(a, axis)`` applied for each axis in ``axes`` in turn, keeping the dimensions.

    Each call must return an array of ``a``'s number of dimensions or one fewer (then the
    reduced axis is put back with length 1), as NumPy's reductions do: ``apply_over_axes(tb.sum,
    x, (0, 2))`` sums over axes 0 and 2 with the dimensions kept. Negative axes count from the
    end of ``a``.

    Memory and autograd: whatever ``func`` gives (new memory for reductions); the result stays
    on the autograd graph.

    Raises
    ------
    ValueError
        When ``func`` returns an array of another number of dimensions.
    numpy.exceptions.AxisError
        For an axis outside ``a``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.apply_over_axes(tb.sum, tb.ones((2, 3, 4)), [0, 2])
    tensor([[[8.],
             [8.],
             [8.]]], dtype=torch.float64)
    """
    t = _t(a, "apply_over_axes", "a")
    n = t.ndim
    listed = [axes] if not isinstance(axes, (list, tuple, Tensor, np.ndarray)) else list(axes)
    for ax in listed:
        i = normalize_axis(ax, n, "apply_over_axes", "a")
        r = _t(func(t, i), "apply_over_axes", "func's result")
        if r.ndim == t.ndim:
            t = r
        elif r.ndim == t.ndim - 1:
            t = r.unsqueeze(i)
        else:
            raise ValueError(
                f"apply_over_axes: func returned a {r.ndim}-d array for a {t.ndim}-d input over "
                f"axis {i}; func must keep the dimensions or drop the one axis"
            )
    return t
