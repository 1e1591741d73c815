"""Manipulation and indexing functions of the Array API (and ``meshgrid``, ``tril``, ``triu``).

Each function calls torch directly on its fast path: torch's answer is already the standard's
for the common spellings. Fix-ups sit behind that call, mostly in ``except`` clauses, so they
cost nothing when torch succeeds:

* torch's ``RuntimeError`` becomes ``ValueError`` (an impossible request), an out-of-range
  axis becomes NumPy's ``AxisError`` (a subclass of both ``IndexError``, as the standard asks,
  and ``ValueError``, as NumPy raises), and a non-array argument a ``TypeError``;
* unsigned dtypes torch has no CPU kernel for (uint16/32/64: ``tril``, ``triu``,
  ``take_along_axis``, and for 1-d arrays ``flip``, ``take`` and ``repeat`` with array
  repeats; pytorch#58734) run on a same-size signed view
  (:func:`tbridge._core.workarounds.on_bits`), which is exact for moving data; other kernels torch
  lacks on other devices take the same route when torch raises ``NotImplementedError``;
* ``concat`` and ``stack`` of mixed dtypes promote by the standard's table
  (:func:`tbridge._core.promotion.result_type`), which torch refuses for the unsigned types;
* torch's spellings that differ from the standard's (``roll`` with one shift for several
  axes, ``squeeze`` of a non-singleton axis, ``take`` with negative indices, ``reshape`` with
  ``copy=``, ``repeat`` with short integer repeats) are translated.

Memory and autograd: each docstring says whether the result is a view (shares memory with the
input: writes through either show in the other) or new memory. Every result stays on the
input's autograd graph (views and copies alike are differentiable torch operations).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from functools import partial
from typing import Final, Literal, SupportsIndex, TypeAlias

import numpy as np
import torch
from numpy.exceptions import AxisError
from torch import Tensor

from tbridge._convert.gate import as_tensor
from tbridge._core.normalize import check_copy
from tbridge._core.promotion import result_type
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits, to_wide

__all__ = [
    "broadcast_arrays",
    "broadcast_shapes",
    "broadcast_to",
    "concat",
    "expand_dims",
    "flip",
    "meshgrid",
    "moveaxis",
    "permute_dims",
    "repeat",
    "reshape",
    "roll",
    "squeeze",
    "stack",
    "take",
    "take_along_axis",
    "tile",
    "tril",
    "triu",
    "unstack",
]

Axes: TypeAlias = "int | tuple[int, ...]"
ShapeArg: TypeAlias = "SupportsIndex | Sequence[SupportsIndex]"

_cat: Final = torch.cat
_stack: Final = torch.stack
_tril: Final = torch.tril
_triu: Final = torch.triu
_index_select: Final = torch.index_select

#: ``tuple(range(n))`` for every rank torch supports (flip with ``axis=None``).
_ALL_AXES: Final = [tuple(range(n)) for n in range(65)]

#: Index dtypes torch's index kernels take as they are.
_INDEX_DTYPES: Final = frozenset({torch.int32, torch.int64})
_INTEGER_DTYPES: Final = frozenset(
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


# ---- error helpers (slow paths only) -------------------------------------------------------


def _not_array(where: str, name: str, value: object) -> TypeError:
    return TypeError(
        f"{where}: {name} must be an array (torch.Tensor or NumPy array), got "
        f"{type(value).__name__}; convert it first with tb.asarray"
    )


def _array_arg(where: str, name: str, value: object, copy: bool | None = None) -> Tensor:
    """A non-tensor array argument through the input gate, errors naming ``where`` and ``name``.

    ``copy=False`` (for a caller that promises a view) raises instead of copying an array torch
    cannot view. A NumPy scalar owns no array memory: converting it is not a copy of the
    caller's data, so even copy=False takes it (np.reshape(np.float64(3), (1,), copy=False)
    does).
    """
    if isinstance(value, np.generic):
        return as_tensor(value, where, name)
    return as_tensor(value, where, name, copy=copy)


def _has_numpy(*values: object) -> bool:
    """Whether an argument is not a tensor: the gate converts it (or says why it cannot)."""
    return any(not isinstance(v, Tensor) for v in values)


def _type_error(where: str, e: TypeError, **args: object) -> TypeError:
    """A non-array argument named, or torch's own TypeError with the function's name."""
    for name, value in args.items():
        if not isinstance(value, Tensor):
            return _not_array(where, name, value)
    return TypeError(f"{where}: {e}")


def _axis_error(where: str, axis: object, ndim: int, of: str = "an array") -> AxisError:
    if ndim == 0:
        return AxisError(f"{where}: axis {axis!r} is out of bounds: x is 0-d and has no axes")
    return AxisError(
        f"{where}: axis {axis!r} is out of bounds for {of} of {ndim} dimension(s); a valid "
        f"axis is in [{-ndim}, {ndim}) (negative axes count from the end)"
    )


def _normalize_axis(axis: SupportsIndex, ndim: int, where: str, of: str = "an array") -> int:
    """``axis`` as a non-negative int below ``ndim``; AxisError (Index and ValueError) if not."""
    try:
        a = operator.index(axis)
    except TypeError as e:
        raise TypeError(
            f"{where}: axis {axis!r} is not an integer; pass an int (or a tuple of ints)"
        ) from e
    if not -ndim <= a < ndim:
        raise _axis_error(where, axis, ndim, of)
    return a + ndim if a < 0 else a


def _normalize_axes(
    axis: Axes | Sequence[SupportsIndex], ndim: int, where: str, of: str = "an array"
) -> tuple[int, ...]:
    """Normalized axes, each once (ValueError on repeats, as NumPy)."""
    axes = (axis,) if not isinstance(axis, (tuple, list)) else axis
    out = tuple(_normalize_axis(a, ndim, where, of) for a in axes)
    if len(set(out)) != len(out):
        raise ValueError(
            f"{where}: axis {axis!r} names the same axis more than once (as {out}); pass each "
            "axis once"
        )
    return out


def _bits_or_raise(
    fn: Callable[[Tensor], Tensor], x: Tensor, where: str, e: NotImplementedError
) -> Tensor:
    """Run ``fn`` on a signed view of an unsigned ``x`` torch has no kernel for (pytorch#58734)."""
    if x.dtype in UNSIGNED_GAPS:
        return on_bits(fn, x)
    raise TypeError(f"{where}: torch has no kernel for {x.dtype} on {x.device.type}: {e}") from e


def _shape_arg(shape: object, where: str) -> tuple[int, ...]:
    """A shape given as an int or a sequence of ints (the slow path of shape arguments)."""
    if isinstance(shape, Sequence) and not isinstance(shape, (str, bytes)):
        items = list(shape)
    elif hasattr(shape, "__index__") and not isinstance(shape, bool):
        items = [shape]
    else:
        raise TypeError(f"{where}: shape {shape!r} is not a tuple of integers; pass e.g. (3, 4)")
    out = []
    for d in items:
        if isinstance(d, bool) or not hasattr(d, "__index__"):
            raise TypeError(
                f"{where}: size {d!r} in shape {shape!r} is not an integer; pass integers"
            )
        out.append(operator.index(d))
    return tuple(out)


# ---- broadcasting ---------------------------------------------------------------------------


def broadcast_shapes(*shapes: ShapeArg) -> tuple[int, ...]:
    """The shape that broadcasting arrays of these shapes together gives (NumPy's rules).

    An int counts as a 1-d shape, as in NumPy; no shapes give ``()``.

    Memory and autograd: computes a tuple of ints; no arrays are involved.

    Raises
    ------
    ValueError
        When two sizes along one dimension differ and neither is 1, or a size is negative.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.broadcast_shapes((2, 1), (3,))
    (2, 3)
    """
    out: list[int] = []
    for shape in shapes:
        s = shape if type(shape) is tuple else _shape_arg(shape, "broadcast_shapes")
        n, m = len(s), len(out)
        if n > m:
            out[:0] = [1] * (n - m)
            m = n
        off = m - n
        for i, size in enumerate(s):
            d = size if type(size) is int else _shape_arg((size,), "broadcast_shapes")[0]
            if d < 0:
                raise ValueError(
                    f"broadcast_shapes: negative size {d} in shape {s!r}; sizes must be >= 0"
                )
            o = out[off + i]
            if d == o or d == 1:  # noqa: PLR1714 - two int compares beat building a tuple
                continue
            if o == 1:
                out[off + i] = d
            else:
                raise ValueError(
                    f"broadcast_shapes: shapes {', '.join(map(str, shapes))} cannot be broadcast "
                    f"together: sizes {o} and {d} at dimension {i - n} differ and neither is 1; "
                    "make them equal, or 1 (e.g. with expand_dims)"
                )
    return tuple(out)


def broadcast_to(x: Tensor, /, shape: tuple[int, ...]) -> Tensor:
    """``x`` broadcast to ``shape`` (NumPy's rules: dimensions are matched from the end).

    Memory and autograd: a view of ``x`` (shares memory; broadcast elements share one memory
    location, so torch refuses in-place writes to it); stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        When ``x``'s shape does not broadcast to ``shape``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.broadcast_to(tb.asarray([1, 2]), (2, 2))
    tensor([[1, 2],
            [1, 2]])
    """
    try:
        return torch.broadcast_to(x, shape)
    except RuntimeError as e:
        raise ValueError(
            f"broadcast_to: an array of shape {tuple(x.shape)} cannot be broadcast to shape "
            f"{tuple(shape)}: matched from the end, each size must equal the target's or be 1, "
            "and the target needs at least as many dimensions; reshape x first"
        ) from e
    except TypeError:
        if not isinstance(x, Tensor):
            return broadcast_to(_array_arg("broadcast_to", "x", x), shape)
        return broadcast_to(x, _shape_arg(shape, "broadcast_to"))


def broadcast_arrays(*arrays: Tensor) -> tuple[Tensor, ...]:
    """The arrays broadcast against one another to one shape; each keeps its dtype.

    Memory and autograd: views of the inputs (share memory; broadcast elements share one memory
    location); each stays on its input's autograd graph.

    Raises
    ------
    ValueError
        When the shapes do not broadcast together.

    Examples
    --------
    >>> import tbridge as tb
    >>> a, b = tb.broadcast_arrays(tb.asarray([[1], [2]]), tb.asarray([3, 4, 5]))
    >>> a.shape, b.shape
    (torch.Size([2, 3]), torch.Size([2, 3]))
    """
    try:
        out: tuple[Tensor, ...] = torch.broadcast_tensors(*arrays)  # type: ignore[no-untyped-call]
        return out
    except RuntimeError as e:
        shapes = ", ".join(str(tuple(a.shape)) for a in arrays)
        raise ValueError(
            f"broadcast_arrays: shapes {shapes} cannot be broadcast together: matched from the "
            "end, sizes must be equal or 1; reshape the arrays first"
        ) from e
    except TypeError as e:
        given: tuple[object, ...] = arrays  # the annotation says tensors; callers may differ
        if any(not isinstance(a, Tensor) for a in given):
            converted = [
                a if isinstance(a, Tensor) else _array_arg("broadcast_arrays", f"argument {i}", a)
                for i, a in enumerate(given)
            ]
            return broadcast_arrays(*converted)
        raise TypeError(f"broadcast_arrays: {e}") from e


# ---- joining --------------------------------------------------------------------------------


def _joinable(arrays: object, where: str, same_ndim: bool) -> list[Tensor]:
    """The slow path of concat/stack: check the arrays, then promote them to one dtype."""
    if not isinstance(arrays, (list, tuple)):
        if isinstance(arrays, Tensor) or not isinstance(arrays, Sequence):
            raise TypeError(
                f"{where}: arrays must be a tuple or list of arrays, got "
                f"{type(arrays).__name__}; pass e.g. {where}((x, y))"
            )
        arrays = list(arrays)
    if not arrays:
        raise ValueError(f"{where}: needs at least one array, got an empty sequence")
    ts: list[Tensor] = [
        a if isinstance(a, Tensor) else _array_arg(where, f"arrays[{i}]", a)
        for i, a in enumerate(arrays)
    ]
    if same_ndim:
        nd = ts[0].ndim
        for i, a in enumerate(ts):
            if a.ndim != nd:
                raise ValueError(
                    f"{where}: all arrays must have the same number of dimensions, but arrays[0] "
                    f"has {nd} and arrays[{i}] has {a.ndim}; reshape or expand_dims them first"
                )
    dt = result_type(*ts)
    return [a if a.dtype == dt else a.to(dt) for a in ts]


def concat(arrays: tuple[Tensor, ...] | list[Tensor], /, *, axis: int | None = 0) -> Tensor:
    """Join arrays along an existing axis (flattened first when ``axis=None``).

    Mixed dtypes promote by the standard's table (NumPy's across kinds), including the unsigned
    types torch refuses to promote. Arrays of different ranks are an error, as in NumPy
    (torch alone silently skips 1-d empty arrays).

    Memory and autograd: new memory; stays on the inputs' autograd graphs.

    Raises
    ------
    ValueError
        For no arrays, different ranks, sizes that differ off ``axis``, or 0-d arrays with an
        axis.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.concat([tb.asarray([1, 2], dtype=tb.uint8), tb.asarray([3], dtype=tb.uint16)])
    tensor([1, 2, 3], dtype=torch.uint16)
    """
    if (type(arrays) is tuple or type(arrays) is list) and len(arrays) == 2 and axis == 0:
        a, b = arrays  # the common call, checked inline: two tensors of one dtype and rank
        if type(a) is Tensor and type(b) is Tensor and a.dtype is b.dtype and a.ndim == b.ndim:
            try:
                return _cat(arrays)  # axis left out: torch parses a default faster
            except (RuntimeError, IndexError, TypeError):
                pass  # sizes that differ off the axis, 0-d arrays: explained below
    try:  # fast path: tensors of one dtype (and one rank: torch.cat skips 1-d empty arrays)
        dt, nd = arrays[0].dtype, arrays[0].ndim
        for a in arrays:
            if a.dtype is not dt or (a.ndim != nd and axis is not None):
                break
        else:
            if axis == 0:  # torch parses a default faster than an argument
                return torch.cat(arrays)
            if axis is None:
                return torch.cat([a.reshape(-1) for a in arrays])
            return torch.cat(arrays, axis)
    except (IndexError, RuntimeError, TypeError, AttributeError, KeyError):
        pass
    return _concat_slow(arrays, axis)


def _concat_slow(arrays: object, axis: int | None) -> Tensor:
    ts = _joinable(arrays, "concat", axis is not None)
    if axis is None:
        return torch.cat([a.reshape(-1) for a in ts])
    try:
        return torch.cat(ts, axis)
    except NotImplementedError as e:
        if ts[0].dtype not in UNSIGNED_GAPS:
            raise TypeError(f"concat: torch has no kernel for {ts[0].dtype}: {e}") from e
        return on_bits(lambda *bits: torch.cat(bits, axis), *ts)
    except IndexError as e:
        raise _axis_error("concat", axis, ts[0].ndim) from e
    except RuntimeError as e:
        shapes = ", ".join(str(tuple(a.shape)) for a in ts)
        raise ValueError(
            f"concat: arrays of shapes {shapes} cannot be joined along axis {axis}: {e}; sizes "
            "must match on every other axis (and 0-d arrays need axis=None)"
        ) from e
    except TypeError as e:
        raise TypeError(f"concat: {e}") from e


def stack(arrays: tuple[Tensor, ...] | list[Tensor], /, *, axis: int = 0) -> Tensor:
    """Join arrays of one shape along a new axis at position ``axis`` of the result.

    Mixed dtypes promote by the standard's table (NumPy's across kinds).

    Memory and autograd: new memory; stays on the inputs' autograd graphs.

    Raises
    ------
    ValueError
        For no arrays or arrays of different shapes.
    numpy.exceptions.AxisError
        For an axis outside ``[-N-1, N]`` (N: the arrays' rank).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.stack([tb.asarray([1, 2]), tb.asarray([3, 4])], axis=-1)
    tensor([[1, 3],
            [2, 4]])
    """
    if (type(arrays) is tuple or type(arrays) is list) and len(arrays) == 2 and axis == 0:
        a, b = arrays  # the common call, checked inline: two tensors of one dtype
        if type(a) is Tensor and type(b) is Tensor and a.dtype is b.dtype:
            try:
                return _stack(arrays)  # axis left out: torch parses a default faster
            except (RuntimeError, IndexError, TypeError):
                pass  # different shapes, uint gaps: explained below
    try:  # fast path: tensors of one dtype
        dt = arrays[0].dtype
        for a in arrays:
            if a.dtype is not dt:
                break
        else:
            return torch.stack(arrays) if axis == 0 else torch.stack(arrays, axis)
    except (IndexError, RuntimeError, TypeError, AttributeError, KeyError):
        pass
    return _stack_slow(arrays, axis)


def _stack_slow(arrays: object, axis: int) -> Tensor:
    ts = _joinable(arrays, "stack", True)
    try:
        return torch.stack(ts, axis)
    except NotImplementedError as e:
        if ts[0].dtype not in UNSIGNED_GAPS:
            raise TypeError(f"stack: torch has no kernel for {ts[0].dtype}: {e}") from e
        return on_bits(lambda *bits: torch.stack(bits, axis), *ts)
    except IndexError as e:
        raise _axis_error("stack", axis, ts[0].ndim + 1) from e
    except RuntimeError as e:
        shapes = ", ".join(str(tuple(a.shape)) for a in ts)
        raise ValueError(
            f"stack: arrays of shapes {shapes} cannot be stacked: all must have the same shape"
        ) from e
    except TypeError as e:
        raise TypeError(f"stack: {e}") from e


def unstack(x: Tensor, /, *, axis: int = 0) -> tuple[Tensor, ...]:
    """Split ``x`` along ``axis`` into a tuple of arrays of one rank less.

    Memory and autograd: views of ``x`` (share memory); each stays on ``x``'s autograd graph.

    Raises
    ------
    numpy.exceptions.AxisError
        For a 0-d ``x`` or an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.unstack(tb.asarray([[1, 2], [3, 4]]), axis=1)
    (tensor([1, 3]), tensor([2, 4]))
    """
    try:
        return torch.unbind(x, axis)
    except IndexError as e:
        if x.ndim == 0:
            raise AxisError(
                "unstack: x is 0-d and has no axis to split along; pass an array of at least 1 "
                "dimension"
            ) from e
        raise _axis_error("unstack", axis, x.ndim) from e
    except TypeError as e:
        if _has_numpy(x):
            return unstack(_array_arg("unstack", "x", x), axis=axis)
        raise _type_error("unstack", e, x=x) from e


# ---- axes -----------------------------------------------------------------------------------


def expand_dims(x: Tensor, /, axis: int | tuple[int, ...]) -> Tensor:
    """``x`` with a size-1 axis inserted at each position in ``axis`` (positions of the result).

    Memory and autograd: a view of ``x`` (shares memory); stays on ``x``'s autograd graph.

    Raises
    ------
    numpy.exceptions.AxisError
        For a position outside ``[-M, M)``, M being the result's rank (an IndexError).
    ValueError
        For a position given twice.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.expand_dims(tb.asarray([1, 2]), axis=(0, -1)).shape
    torch.Size([1, 2, 1])
    """
    if isinstance(axis, int):
        try:
            return torch.unsqueeze(x, axis)
        except IndexError as e:
            raise _axis_error("expand_dims", axis, x.ndim + 1, "the result") from e
        except TypeError as e:
            if _has_numpy(x):
                return expand_dims(_array_arg("expand_dims", "x", x), axis)
            raise _type_error("expand_dims", e, x=x) from e
    try:  # a tuple of ints: one view with all the new axes
        nd = x.ndim + len(axis)
        positions = _positions(axis, nd)
        if not positions or (positions[0] >= 0 and positions[-1] < nd):
            shape = list(x.shape)
            previous = -1
            for p in positions:
                if p == previous:
                    break
                shape.insert(p, 1)
                previous = p
            else:
                return x.view(shape)
    except (TypeError, AttributeError):
        pass
    return _expand_dims_slow(x, axis)


def _positions(axis: tuple[int, ...], nd: int) -> list[int]:
    """Axis positions in a result of rank ``nd``, sorted (a helper: a comprehension in
    expand_dims itself would make ``nd`` a cell on every call)."""
    return sorted([a + nd if a < 0 else a for a in axis])


def _expand_dims_slow(x: object, axis: object) -> Tensor:
    if not isinstance(x, Tensor):
        return expand_dims(_array_arg("expand_dims", "x", x), axis)  # type: ignore[arg-type]
    if not isinstance(axis, (tuple, list)):
        position = _normalize_axis(axis, x.ndim + 1, "expand_dims", "the result")  # type: ignore[arg-type]
        return torch.unsqueeze(x, position)
    out = x.view(x.shape)
    for a in sorted(_normalize_axes(axis, x.ndim + len(axis), "expand_dims", "the result")):
        out = out.unsqueeze(a)
    return out


def squeeze(x: Tensor, /, axis: int | tuple[int, ...]) -> Tensor:
    """``x`` without the size-1 axes named in ``axis``.

    Memory and autograd: a view of ``x`` (shares memory); stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        When a named axis has a size other than 1 (torch alone would silently keep it), or an
        axis is named twice.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.squeeze(tb.zeros((1, 3, 1)), axis=(0, 2)).shape
    torch.Size([3])
    """
    try:
        if isinstance(axis, int):
            out = torch.squeeze(x, axis)
            if out.ndim != x.ndim:  # torch keeps an axis of another size silently
                return out
        else:
            shape = x.shape
            for a in axis:
                if shape[a] != 1:
                    break
            else:
                return torch.squeeze(x, axis)
    except (IndexError, RuntimeError, TypeError, AttributeError):
        pass
    return _squeeze_slow(x, axis)


def _squeeze_slow(x: object, axis: object) -> Tensor:
    if not isinstance(x, Tensor):
        return squeeze(_array_arg("squeeze", "x", x), axis)  # type: ignore[arg-type]
    if x.ndim == 0:
        raise _axis_error("squeeze", axis, 0)
    axes = _normalize_axes(axis, x.ndim, "squeeze")  # type: ignore[arg-type]
    for a in axes:
        if x.shape[a] != 1:
            raise ValueError(
                f"squeeze: axis {a} of an array of shape {tuple(x.shape)} has size "
                f"{x.shape[a]}, not 1; only size-1 axes can be removed (use reshape to change "
                "the shape otherwise)"
            )
    return torch.squeeze(x, axes)


def moveaxis(x: Tensor, source: Axes, destination: Axes, /) -> Tensor:
    """``x`` with the axes ``source`` moved to positions ``destination``; others keep order.

    Memory and autograd: a view of ``x`` (shares memory); stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For repeated axes, or ``source`` and ``destination`` of different lengths.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.moveaxis(tb.zeros((2, 3, 4)), 0, -1).shape
    torch.Size([3, 4, 2])
    """
    try:
        # torch's stubs list only int axes; the function takes tuples too
        return torch.movedim(x, source, destination)  # type: ignore[arg-type]
    except IndexError as e:
        raise _axis_error("moveaxis", (source, destination), x.ndim) from e
    except RuntimeError as e:
        raise ValueError(
            f"moveaxis: cannot move axes {source!r} to {destination!r} of an array of "
            f"{x.ndim} dimension(s): {e}; pass as many unique destinations as unique sources"
        ) from e
    except TypeError as e:
        if _has_numpy(x):
            return moveaxis(_array_arg("moveaxis", "x", x), source, destination)
        raise _type_error("moveaxis", e, x=x) from e


def permute_dims(x: Tensor, /, axes: tuple[int, ...]) -> Tensor:
    """``x`` with its axes reordered: axis ``i`` of the result is axis ``axes[i]`` of ``x``.

    Memory and autograd: a view of ``x`` (shares memory); stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        When ``axes`` is not a permutation of all of ``x``'s axes.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.permute_dims(tb.zeros((2, 3, 4)), (2, 0, 1)).shape
    torch.Size([4, 2, 3])
    """
    try:
        return torch.permute(x, axes)
    except IndexError as e:
        raise _axis_error("permute_dims", axes, x.ndim) from e
    except RuntimeError as e:
        raise ValueError(
            f"permute_dims: axes {tuple(axes)!r} is not a permutation of the {x.ndim} axes of an "
            f"array of shape {tuple(x.shape)}; name every axis exactly once"
        ) from e
    except TypeError as e:
        if _has_numpy(x):
            return permute_dims(_array_arg("permute_dims", "x", x), axes)
        raise _type_error("permute_dims", e, x=x) from e


# ---- reshaping and reordering ---------------------------------------------------------------


def reshape(x: Tensor, /, shape: tuple[int, ...], *, copy: bool | None = None) -> Tensor:
    """``x``'s elements (in row-major order) in a new shape; one size may be ``-1`` (inferred).

    ``copy`` is tri-state: ``None`` returns a view when the strides allow it and a copy
    otherwise; ``True`` always copies; ``False`` never copies and raises when no view exists.

    Memory and autograd: ``copy=False``: a view of ``x``; ``copy=True``: new memory;
    ``copy=None``: a view where possible, else new memory. Stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For a shape of another size, more than one ``-1``, or ``copy=False`` when only a copy
        can give the shape.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.reshape(tb.arange(6), (2, -1))
    tensor([[0, 1, 2],
            [3, 4, 5]])
    """
    try:
        if copy is None:
            return torch.reshape(x, shape)
        if copy is False:
            return x.view(shape)
        if copy is True:
            return x.clone(memory_format=torch.contiguous_format).view(shape)
    except RuntimeError as e:
        raise _reshape_error(x, shape, copy, e) from e
    except (TypeError, AttributeError):
        if not isinstance(x, Tensor):
            # copy=False promises a view of x: a NumPy array torch cannot view is an error.
            t = _array_arg("reshape", "x", x, copy=False if copy is False else None)
            return reshape(t, shape, copy=copy)
        return reshape(x, _shape_arg(shape, "reshape"), copy=copy)
    check_copy(copy, "reshape")
    raise AssertionError("unreachable: check_copy raises")  # pragma: no cover


def _reshape_error(x: Tensor, shape: object, copy: bool | None, e: RuntimeError) -> ValueError:
    try:
        torch.empty(x.shape, device="meta").view(shape)  # type: ignore[call-overload]
    except RuntimeError:
        return ValueError(
            f"reshape: an array of shape {tuple(x.shape)} ({x.numel()} elements) cannot take "
            f"shape {shape!r}: {e}; the sizes must multiply to {x.numel()}, with at most one -1"
        )
    return ValueError(
        f"reshape(copy={copy}): an array of shape {tuple(x.shape)} and strides {x.stride()} "
        f"cannot be viewed as shape {shape!r} without copying its data; pass copy=None (copy "
        "only when needed) or copy=True"
    )


def flip(x: Tensor, /, *, axis: Axes | None = None) -> Tensor:
    """``x`` with the order of elements reversed along ``axis`` (all axes when ``None``).

    Memory and autograd: new memory (unlike NumPy's view: torch has no negative strides);
    stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For an axis named twice.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.flip(tb.asarray([[1, 2], [3, 4]]), axis=1)
    tensor([[2, 1],
            [4, 3]])
    """
    try:
        dims = _ALL_AXES[x.ndim] if axis is None else (axis,) if type(axis) is int else axis
        if x.dtype in UNSIGNED_GAPS:  # no kernel for 1-d arrays (pytorch#58734)
            return on_bits(partial(torch.flip, dims=dims), x)  # type: ignore[arg-type]
        return torch.flip(x, dims)  # type: ignore[arg-type]
    except NotImplementedError as e:
        return _bits_or_raise(partial(torch.flip, dims=dims), x, "flip", e)  # type: ignore[arg-type]
    except IndexError as e:
        if axis is None:  # more dimensions than the cache holds
            return torch.flip(x, tuple(range(x.ndim)))
        raise _axis_error("flip", axis, x.ndim) from e
    except RuntimeError as e:
        raise ValueError(
            f"flip: axis {axis!r} names an axis more than once: {e}; pass each axis once"
        ) from e
    except (TypeError, AttributeError) as e:
        if not isinstance(x, Tensor):
            return flip(_array_arg("flip", "x", x), axis=axis)
        raise TypeError(f"flip: axis {axis!r} is not an int or a tuple of ints") from e


def roll(
    x: Tensor,
    /,
    shift: int | tuple[int, ...],
    *,
    axis: Axes | None = None,
) -> Tensor:
    """``x`` with elements shifted by ``shift`` along ``axis``, wrapping around the ends.

    With ``axis=None`` the flattened array is rolled and the shape restored. One ``shift`` may
    go with several axes; otherwise shifts and axes pair up (NumPy's broadcasting of the two,
    shifts for a repeated axis add up).

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        When ``shift`` and ``axis`` have lengths that do not pair up.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.roll(tb.asarray([[1, 2, 3], [4, 5, 6]]), 1, axis=(0, 1))
    tensor([[6, 4, 5],
            [3, 1, 2]])
    """
    try:
        return torch.roll(x, shift, axis)  # type: ignore[arg-type]
    except NotImplementedError as e:
        return _bits_or_raise(partial(torch.roll, shifts=shift, dims=axis), x, "roll", e)  # type: ignore[arg-type]
    except IndexError as e:
        raise _axis_error("roll", axis, x.ndim) from e
    except RuntimeError as e:
        error = e  # shifts and axes of different lengths: pair them up as NumPy does, below
    except TypeError as e:
        if _has_numpy(x):
            return roll(_array_arg("roll", "x", x), shift, axis=axis)
        raise _type_error("roll", e, x=x) from e
    shifts = tuple(shift) if isinstance(shift, (tuple, list)) else (shift,)
    if axis is None:
        return roll(x.reshape(-1), shifts, axis=(0,) * len(shifts)).view(x.shape)
    axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    if len(shifts) == len(axes) or 1 not in (len(shifts), len(axes)):
        raise ValueError(
            f"roll: shift {shift!r} and axis {axis!r} do not pair up ({error}); give one shift "
            "per axis, or one shift for all axes"
        ) from error
    n = max(len(shifts), len(axes))
    return roll(x, shifts * (n // len(shifts)), axis=axes * (n // len(axes)))


def repeat(
    x: Tensor,
    repeats: int | Tensor,
    /,
    *,
    axis: int | None = None,
) -> Tensor:
    """Each element of ``x`` repeated ``repeats`` times along ``axis`` (flattened when ``None``).

    ``repeats`` is an int or an integer array of shape ``(1,)`` or ``(size along axis,)``.
    An array of repeats makes the output's size depend on data: on an accelerator that means a
    device synchronization.

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For negative repeats, or repeats of the wrong length.
    TypeError
        For non-integer repeats.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.repeat(tb.asarray([[1, 2], [3, 4]]), tb.asarray([1, 2]), axis=0)
    tensor([[1, 2],
            [3, 4],
            [3, 4]])
    """
    if type(repeats) is not int:
        repeats = _repeats(repeats)
        if getattr(x, "dtype", None) in UNSIGNED_GAPS:
            # array repeats go through index_select, which has no kernel for these (pytorch#58734)
            return on_bits(partial(_repeat_bits, repeats=repeats, axis=axis), x)
    try:
        return torch.repeat_interleave(x, repeats, axis)
    except NotImplementedError as e:
        fn = partial(torch.repeat_interleave, repeats=repeats, dim=axis)
        return _bits_or_raise(fn, x, "repeat", e)
    except IndexError as e:
        raise _axis_error("repeat", axis, x.ndim) from e
    except RuntimeError as e:
        raise _repeat_error(x, repeats, axis, e) from e
    except TypeError as e:
        if _has_numpy(x):
            return repeat(_array_arg("repeat", "x", x), repeats, axis=axis)
        raise _type_error("repeat", e, x=x) from e


def _repeat_bits(t: Tensor, repeats: int | Tensor, axis: int | None) -> Tensor:
    return repeat(t, repeats, axis=axis)


def _repeats(repeats: object) -> int | Tensor:
    """The slow path of ``repeats``: integer arrays as int32/int64, other ints as int."""
    if isinstance(repeats, Tensor):
        if repeats.dtype in _INDEX_DTYPES:
            return repeats
        if repeats.dtype not in _INTEGER_DTYPES:
            raise TypeError(
                f"repeat: repeats must have an integer dtype, got {repeats.dtype}; pass an int "
                "or an integer array"
            )
        # torch takes only int32/int64 repeats (pytorch#151311)
        return to_wide(repeats, "repeat")
    if isinstance(repeats, np.ndarray):
        return _repeats(_array_arg("repeat", "repeats", repeats))
    if isinstance(repeats, bool) or not hasattr(repeats, "__index__"):
        raise TypeError(
            f"repeat: repeats must be an int or an integer array, got {type(repeats).__name__}"
        )
    return operator.index(repeats)


def _repeat_error(x: Tensor, repeats: int | Tensor, axis: int | None, e: RuntimeError) -> Exception:
    if isinstance(repeats, Tensor) and repeats.device.type == "meta":
        return ValueError(
            "repeat: repeats is a meta array, so the output's size is unknown; pass an int or "
            "repeats on the CPU"
        )
    size = x.numel() if axis is None else x.shape[axis]
    return ValueError(
        f"repeat: cannot repeat an array of shape {tuple(x.shape)} along axis {axis} with "
        f"repeats {repeats!r}: {e}; repeats must be >= 0, an int or an array of shape (1,) or "
        f"({size},)"
    )


def tile(x: Tensor, repetitions: tuple[int, ...], /) -> Tensor:
    """``x`` repeated ``repetitions[i]`` times along each axis ``i`` (NumPy's ``tile``).

    Shorter ``repetitions`` are padded with leading ones, a lower-rank ``x`` with leading
    size-1 axes.

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For negative repetitions.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.tile(tb.asarray([1, 2]), (2, 2))
    tensor([[1, 2, 1, 2],
            [1, 2, 1, 2]])
    """
    try:
        return torch.tile(x, repetitions)
    except NotImplementedError as e:
        return _bits_or_raise(partial(torch.tile, dims=repetitions), x, "tile", e)
    except RuntimeError as e:
        raise ValueError(f"tile: repetitions {repetitions!r} must be >= 0: {e}") from e
    except TypeError:
        if not isinstance(x, Tensor):
            return tile(_array_arg("tile", "x", x), repetitions)
        return tile(x, _shape_arg(repetitions, "tile"))


# ---- indexing -------------------------------------------------------------------------------


def _index_array(indices: object, like: Tensor, where: str) -> Tensor:
    """Indices as an int32/int64 tensor (any integer dtype accepted; others are a TypeError)."""
    if not isinstance(indices, Tensor):
        indices = _array_arg(where, "indices", indices)
    if indices.dtype in _INDEX_DTYPES:
        return indices
    if indices.dtype not in _INTEGER_DTYPES:
        raise TypeError(
            f"{where}: indices must have an integer dtype, got {indices.dtype}; cast them with "
            "tb.astype(indices, tb.int64)"
        )
    return to_wide(indices, where)


def take(x: Tensor, indices: Tensor, /, *, axis: int | None = None) -> Tensor:
    """Elements of ``x`` at ``indices`` along ``axis``; negative indices count from the end.

    ``axis`` may be left out only for a 1-d (or 0-d) ``x``. N-d ``indices`` work as in NumPy
    (the axis is replaced by the indices' shape). Out-of-range indices raise IndexError on the
    CPU (on an accelerator torch's kernel asserts).

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For ``axis=None`` with an ``x`` of more than one dimension.
    IndexError
        For an index out of range (checked on the CPU).
    TypeError
        For non-integer indices.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.take(tb.asarray([[1, 2, 3], [4, 5, 6]]), tb.asarray([-1, 0]), axis=1)
    tensor([[3, 1],
            [6, 4]])
    """
    if axis is None:
        axis = 0
        if not isinstance(x, Tensor):
            return take(_array_arg("take", "x", x), indices)
        if x.ndim > 1:
            raise ValueError(
                f"take: axis is required for an array of {x.ndim} dimensions (shape "
                f"{tuple(x.shape)}); pass axis=, or take from reshape(x, (-1,)) for NumPy's "
                "flattened axis=None"
            )
    try:
        if x.is_cpu and indices.ndim == 1:
            return _index_select(x, axis, indices)
    except (RuntimeError, IndexError, AttributeError, TypeError):
        # negative or out-of-range indices, other index dtypes, uint16/32/64 (no kernel for
        # 1-d arrays, a NotImplementedError, pytorch#58734): below
        pass
    return _take_slow(x, indices, axis)


def _take_slow(x: Tensor, indices: object, axis: int) -> Tensor:
    if not isinstance(x, Tensor):
        return take(_array_arg("take", "x", x), indices, axis=axis)
    idx = _index_array(indices, x, "take")
    if x.ndim == 0:
        x = x.reshape(-1)
    a = _normalize_axis(axis, x.ndim, "take")
    key = (slice(None),) * a + (idx,)
    try:
        return x[key]
    except NotImplementedError as e:
        return _bits_or_raise(lambda t: t[key], x, "take", e)
    except IndexError as e:
        raise IndexError(
            f"take: an index is out of range for axis {axis} of size {x.shape[a]}: {e}; valid "
            f"indices are in [{-x.shape[a]}, {x.shape[a]})"
        ) from e


def take_along_axis(x: Tensor, indices: Tensor, /, *, axis: int = -1) -> Tensor:
    """Elements of ``x`` at ``indices`` along ``axis``; other axes of the two broadcast.

    Negative indices count from the end. Out-of-range indices wrap around modulo the axis
    length (torch's ``take_along_dim``; the standard leaves them unspecified).

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        When ``x`` and ``indices`` differ in rank or do not broadcast off ``axis``.
    TypeError
        For non-integer indices.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> x = tb.asarray([[10, 30, 20], [60, 40, 50]])
    >>> tb.take_along_axis(x, tb.asarray([[1], [0]]), axis=1)
    tensor([[30],
            [60]])
    """
    if getattr(x, "dtype", None) in UNSIGNED_GAPS:  # no gather kernel (pytorch#58734)
        return on_bits(partial(_take_along_axis_bits, indices=indices, axis=axis), x)
    try:
        return torch.take_along_dim(x, indices, dim=axis)
    except NotImplementedError as e:
        fn = partial(torch.take_along_dim, indices=indices, dim=axis)
        return _bits_or_raise(fn, x, "take_along_axis", e)
    except IndexError as e:
        raise _axis_error("take_along_axis", axis, x.ndim) from e
    except (RuntimeError, TypeError) as e:
        if not isinstance(x, Tensor):
            return take_along_axis(_array_arg("take_along_axis", "x", x), indices, axis=axis)
        idx = _index_array(indices, x, "take_along_axis")
        if idx.ndim != x.ndim:
            raise ValueError(
                f"take_along_axis: indices must have as many dimensions as x, got {idx.ndim} "
                f"and {x.ndim}; add axes with expand_dims"
            ) from e
        if idx is not indices or idx.dtype != torch.int64:
            return take_along_axis(x, idx.to(torch.int64), axis=axis)
        raise ValueError(
            f"take_along_axis: indices of shape {tuple(idx.shape)} do not broadcast with x of "
            f"shape {tuple(x.shape)} off axis {axis}: {e}"
        ) from e


def _take_along_axis_bits(t: Tensor, indices: Tensor, axis: int) -> Tensor:
    return take_along_axis(t, indices, axis=axis)


# ---- grids and triangles --------------------------------------------------------------------


def meshgrid(*arrays: Tensor, indexing: Literal["xy", "ij"] = "xy") -> tuple[Tensor, ...]:
    """Coordinate arrays from coordinate vectors (N arrays, each of rank N).

    ``indexing="xy"`` (Cartesian, the default) swaps the first two output axes;
    ``"ij"`` (matrix) keeps the input order. Each output keeps its input's dtype; inputs of
    other ranks are flattened first, as in NumPy.

    Memory and autograd: views of the inputs (share memory; each element is shared along the
    broadcast axes, so torch refuses in-place writes: copy first). Unlike NumPy's default
    ``copy=True``, no copy is made. Each stays on its input's autograd graph.

    Raises
    ------
    ValueError
        For an ``indexing`` other than ``"xy"`` or ``"ij"``.

    Examples
    --------
    >>> import tbridge as tb
    >>> X, Y = tb.meshgrid(tb.asarray([1, 2, 3]), tb.asarray([4, 5]))
    >>> X
    tensor([[1, 2, 3],
            [1, 2, 3]])
    """
    if indexing not in ("xy", "ij"):
        raise ValueError(
            f"meshgrid: indexing={indexing!r} is not allowed; pass 'xy' (Cartesian) or 'ij' "
            "(matrix)"
        )
    if not arrays:
        return ()
    try:
        out: tuple[Tensor, ...] = torch.meshgrid(*arrays, indexing=indexing)
        return out
    except (RuntimeError, TypeError):
        pass  # mixed dtypes, N-d inputs: below, as NumPy
    return _meshgrid_slow(arrays, indexing)


def _meshgrid_slow(arrays: tuple[object, ...], indexing: str) -> tuple[Tensor, ...]:
    tensors: list[Tensor] = []
    for i, a in enumerate(arrays):
        tensors.append(a if isinstance(a, Tensor) else _array_arg("meshgrid", f"argument {i}", a))
    flat = [a if a.ndim == 1 else a.reshape(-1) for a in tensors]
    devices = {a.device for a in flat}
    if len(devices) > 1:
        raise ValueError(
            f"meshgrid: the arrays are on different devices ({sorted(map(str, devices))}); "
            "move them to one device with tb.to_device first"
        )
    n = len(flat)
    sizes = [a.shape[0] for a in flat]
    swap = indexing == "xy" and n > 1
    if swap:
        sizes[0], sizes[1] = sizes[1], sizes[0]
    out = []
    for i, a in enumerate(flat):
        view = [1] * n
        view[(1 - i) if swap and i < 2 else i] = -1
        out.append(a.view(view).expand(sizes))
    return tuple(out)


def tril(x: Tensor, /, *, k: int = 0) -> Tensor:
    """The lower triangle of each matrix in ``x`` (``(..., M, N)``): zero above diagonal ``k``.

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For ``x`` of fewer than 2 dimensions.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.tril(tb.ones((2, 3), dtype=tb.int64))
    tensor([[1, 0, 0],
            [1, 1, 0]])
    """
    try:
        # k left out when 0: torch parses a default faster than an argument.
        return _tril(x) if k == 0 and type(k) is int else _tril(x, k)
    except NotImplementedError as e:  # uint16/32/64 have no kernel (pytorch#58734)
        return _bits_or_raise(partial(torch.tril, diagonal=k), x, "tril", e)
    except RuntimeError as e:
        raise _triangle_error("tril", x, e) from e
    except TypeError as e:
        if _has_numpy(x):
            return tril(_array_arg("tril", "x", x), k=k)
        raise _type_error("tril", e, x=x) from e


def triu(x: Tensor, /, *, k: int = 0) -> Tensor:
    """The upper triangle of each matrix in ``x`` (``(..., M, N)``): zero below diagonal ``k``.

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For ``x`` of fewer than 2 dimensions.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.triu(tb.ones((2, 3), dtype=tb.int64), k=1)
    tensor([[0, 1, 1],
            [0, 0, 1]])
    """
    try:
        # k left out when 0: torch parses a default faster than an argument.
        return _triu(x) if k == 0 and type(k) is int else _triu(x, k)
    except NotImplementedError as e:  # uint16/32/64 have no kernel (pytorch#58734)
        return _bits_or_raise(partial(torch.triu, diagonal=k), x, "triu", e)
    except RuntimeError as e:
        raise _triangle_error("triu", x, e) from e
    except TypeError as e:
        if _has_numpy(x):
            return triu(_array_arg("triu", "x", x), k=k)
        raise _type_error("triu", e, x=x) from e


def _triangle_error(where: str, x: Tensor, e: RuntimeError) -> ValueError:
    return ValueError(
        f"{where}: x must have at least 2 dimensions (a matrix or a stack of matrices), got "
        f"shape {tuple(x.shape)}: {e}; add an axis with expand_dims"
    )
