"""The manipulation functions of the Array API, with NumPy's calling conventions on top.

Each function calls torch directly on its fast path: torch's answer is already the standard's
for the common spellings. Fix-ups sit behind that call, mostly in ``except`` clauses, so they
cost nothing when torch succeeds:

* array arguments that are not tensors (NumPy arrays, lists, scalars) go through the input
  gate (:func:`tbridge._convert.gate.as_tensor`), so ``tb.reshape([1, 2, 3, 4], (2, 2))``
  works with NumPy's result dtype;
* torch's ``RuntimeError`` becomes ``ValueError`` (an impossible request), an out-of-range
  axis becomes NumPy's ``AxisError`` (a subclass of both ``IndexError``, as the standard asks,
  and ``ValueError``, as NumPy raises), and a wrong kind of argument a ``TypeError``; the
  messages are tbridge's own, never torch's;
* unsigned dtypes torch has no CPU kernel for (uint16/32/64: ``flip`` of 1-d arrays,
  ``repeat`` with array repeats; pytorch#58734) run on a same-size signed view
  (:func:`tbridge._core.workarounds.on_bits`), which is exact for moving data; other kernels torch
  lacks on other devices take the same route when torch raises ``NotImplementedError``;
* ``concat`` and ``stack`` of mixed dtypes promote by the standard's table
  (:func:`tbridge._core.promotion.result_type`), which torch refuses for the unsigned types;
* torch's spellings that differ from NumPy's (``roll`` with one shift for several axes,
  ``squeeze`` of a non-singleton axis, ``reshape`` with ``copy=`` and ``order=``,
  ``broadcast_to`` with ``-1``, ``repeat`` with short integer repeats) are translated.

The signatures are the standard's, widened to NumPy's where NumPy takes more: ``concat`` is
NumPy's ``concatenate`` (``out=``, ``dtype=``, ``casting=``), ``stack`` takes the same,
``permute_dims`` reverses the axes by default, ``squeeze`` removes every size-1 axis by default,
``reshape`` takes ``order=``, and ``flip``, ``roll`` and ``repeat`` take ``axis``
positionally.

Memory and autograd: each docstring says whether the result is a view (shares memory with the
input: writes through either show in the other) or new memory. Every result stays on the
input's autograd graph (views and copies alike are differentiable torch operations).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from functools import partial
from typing import Final, Literal, SupportsIndex, TypeAlias, cast

import numpy as np
import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor, write_out
from tbridge._core.dtypes import DTypeLike, torch_dtype
from tbridge._core.normalize import check_copy, check_size, raise_for_size
from tbridge._core.promotion import result_type
from tbridge._core.shapes import (
    INDEX_DTYPES,
    INTEGER_DTYPES,
    Axes,
    AxisError,
    Casting,
    axis_error,
    bits_or_raise,
    check_casting,
    normalize_axes,
    normalize_axis,
    shape_arg,
)
from tbridge._core.signatures import broadcast_tensors
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits, to_wide

__all__ = [
    "broadcast_arrays",
    "broadcast_shapes",
    "broadcast_to",
    "concat",
    "expand_dims",
    "flip",
    "moveaxis",
    "permute_dims",
    "repeat",
    "reshape",
    "roll",
    "squeeze",
    "stack",
    "tile",
    "unstack",
]

ShapeArg: TypeAlias = "SupportsIndex | Sequence[SupportsIndex]"

_cat: Final = torch.cat
_stack: Final = torch.stack
_view: Final = Tensor.view
_broadcast_to: Final = torch.broadcast_to

#: ``tuple(range(n))`` for every rank torch supports (flip with ``axis=None``).
_ALL_AXES: Final = [tuple(range(n)) for n in range(65)]
#: ``tuple(reversed(range(n)))`` for every rank torch supports (``permute_dims(x)``).
_REVERSED: Final = [tuple(range(n - 1, -1, -1)) for n in range(65)]


# ---- slow-path helpers ----------------------------------------------------------------------


def _array_arg(caller: str, name: str, value: object, copy: bool | None = None) -> Tensor:
    """A non-tensor array argument through the input gate, errors naming ``caller`` and ``name``.

    ``copy=False`` (for a caller that promises a view) raises instead of copying an array torch
    cannot view. A NumPy scalar owns no array memory: converting it is not a copy of the
    caller's data, so even copy=False takes it (np.reshape(np.float64(3), (1,), copy=False)
    does).
    """
    if isinstance(value, np.generic):
        return as_tensor(value, caller, name)
    return as_tensor(value, caller, name, copy=copy)


def _is_tensor(x: object) -> bool:
    return isinstance(x, Tensor)


def _axes_arg(
    value: object, caller: str, name: str = "axis", *, iterate: bool = False
) -> tuple[int, ...]:
    """An int or a sequence of ints, as a tuple (not normalized), or a TypeError naming it.

    A tuple or list holds several; anything else is one (an int, a NumPy integer, a 0-d integer
    array), as NumPy's ``expand_dims`` and ``squeeze`` read it: an array of several ints is no
    axis there. With ``iterate=True`` any other iterable of ints (a 1-d integer array, a range)
    holds several too, as NumPy's ``normalize_axis_tuple`` reads it (``moveaxis``, ``flip``,
    ``roll``; ``transpose``'s ``axes`` likewise).
    """
    several = isinstance(value, (tuple, list)) or (
        iterate and not _one_index(value) and hasattr(value, "__iter__")
    )
    items = tuple(cast("Sequence[object]", value)) if several else (value,)
    out: list[int] = []
    for a in items:
        if not _one_index(a):
            shape = getattr(a, "shape", None)
            if a is value and shape is not None and len(shape) > 0 and not iterate:
                raise TypeError(
                    f"{caller}: {name} is an array of shape {tuple(shape)}, not an int or a tuple "
                    f"of ints; pass a tuple, e.g. tuple({name}.tolist())"
                )
            raise TypeError(
                f"{caller}: {name} {value!r} is not an int or a tuple of ints; pass e.g. 0 or "
                "(0, 1)"
            )
        out.append(operator.index(cast(SupportsIndex, a)))
    return tuple(out)


def _one_index(a: object) -> bool:
    """Whether ``a`` is one integer index: an int (not a bool), a NumPy integer, a 0-d integer
    array or tensor (torch would also take a 1-element tensor; NumPy takes no 1-d array)."""
    if isinstance(a, (bool, np.bool_)) or not hasattr(a, "__index__"):
        return False
    if isinstance(a, (Tensor, np.ndarray)):
        return (
            a.ndim == 0
            and a.dtype not in (torch.bool, np.bool_)
            and not (
                a.dtype.is_floating_point or a.dtype.is_complex
                if isinstance(a, Tensor)
                else a.dtype.kind not in "iu"
            )
        )
    return True


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
        s = shape if type(shape) is tuple else shape_arg(shape, "broadcast_shapes")
        n, m = len(s), len(out)
        if n > m:
            out[:0] = [1] * (n - m)
            m = n
        off = m - n
        for i, size in enumerate(s):
            d = size if type(size) is int else shape_arg((size,), "broadcast_shapes")[0]
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


def broadcast_to(x: Tensor, /, shape: ShapeArg) -> Tensor:
    """``x`` broadcast to ``shape`` (NumPy's rules: dimensions are matched from the end).

    ``x`` may be any array data (a list, a scalar, a NumPy array); ``shape`` an int or a
    sequence of ints. A ``-1`` in ``shape`` is an error, as in NumPy (torch would keep the
    size).

    Memory and autograd: a view of ``x`` (shares memory; broadcast elements share one memory
    location, so torch refuses in-place writes to it); stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        When ``x``'s shape does not broadcast to ``shape``, or a size is negative.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.broadcast_to(tb.asarray([1, 2]), (2, 2))
    tensor([[1, 2],
            [1, 2]])
    """
    try:
        out = _broadcast_to(x, shape)  # type: ignore[arg-type]
        # torch reads -1 as "keep this size", and keeps any negative size in a shape with a
        # zero: NumPy refuses both (a shape with a zero is checked below; equal to out.shape,
        # shape is a tuple)
        if out.shape == shape and 0 not in shape:  # pyright: ignore[reportOperatorIssue]
            return out
    except RuntimeError as e:
        raise _broadcast_to_error(x, shape) from e
    except TypeError:
        pass
    return _broadcast_to_slow(x, shape)


def _broadcast_to_slow(x: object, shape: object) -> Tensor:
    t = x if isinstance(x, Tensor) else _array_arg("broadcast_to", "x", x)
    size = shape_arg(shape, "broadcast_to")
    for d in size:
        if d < 0:
            raise ValueError(
                f"broadcast_to: negative size {d} in shape {size!r}; sizes must be >= 0 (unlike "
                "torch's expand, -1 does not keep a size)"
            )
    try:
        return torch.broadcast_to(t, size)
    except RuntimeError as e:
        raise _broadcast_to_error(t, size) from e


def _broadcast_to_error(x: Tensor, shape: object) -> ValueError:
    return ValueError(
        f"broadcast_to: an array of shape {tuple(x.shape)} cannot be broadcast to shape "
        f"{tuple(shape_arg(shape, 'broadcast_to'))}: matched from the end, each size must equal "
        "the target's or be 1, and the target needs at least as many dimensions; reshape x first"
    )


def broadcast_arrays(*arrays: Tensor) -> tuple[Tensor, ...]:
    """The arrays broadcast against one another to one shape; each keeps its dtype.

    Any array data is accepted (lists and scalars as NumPy reads them).

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
        return broadcast_tensors(*arrays)
    except RuntimeError as e:
        shapes = ", ".join(str(tuple(a.shape)) for a in arrays)
        raise ValueError(
            f"broadcast_arrays: shapes {shapes} cannot be broadcast together: matched from the "
            "end, sizes must be equal or 1; reshape the arrays first"
        ) from e
    except TypeError:
        pass
    given: tuple[object, ...] = arrays  # the annotation says tensors; callers may differ
    converted = [
        a if isinstance(a, Tensor) else _array_arg("broadcast_arrays", f"argument {i}", a)
        for i, a in enumerate(given)
    ]
    return broadcast_arrays(*converted)


# ---- joining --------------------------------------------------------------------------------


def _joinable(
    arrays: object, caller: str, same_ndim: bool, dtype: DTypeLike | None, casting: str
) -> list[Tensor]:
    """The slow path of concat/stack: check the arrays, then bring them to one dtype."""
    if not isinstance(arrays, (list, tuple)):
        if isinstance(arrays, Tensor) or not isinstance(arrays, Sequence):
            raise TypeError(
                f"{caller}: arrays must be a tuple or list of arrays, got "
                f"{type(arrays).__name__}; pass e.g. {caller}((x, y))"
            )
        arrays = list(arrays)
    if not arrays:
        raise ValueError(f"{caller}: needs at least one array, got an empty sequence")
    ts: list[Tensor] = [
        a if isinstance(a, Tensor) else _array_arg(caller, f"arrays[{i}]", a)
        for i, a in enumerate(arrays)
    ]
    if same_ndim:
        nd = ts[0].ndim
        for i, a in enumerate(ts):
            if a.ndim != nd:
                raise ValueError(
                    f"{caller}: all arrays must have the same number of dimensions, but arrays[0] "
                    f"has {nd} and arrays[{i}] has {a.ndim}; reshape or expand_dims them first"
                )
    if dtype is None:
        dt = result_type(*ts)
        check_casting(dt, dt, casting, caller)  # validates the spelling
    else:
        dt = torch_dtype(dtype, caller=caller)
        for i, a in enumerate(ts):
            check_casting(a.dtype, dt, casting, caller, f"arrays[{i}]")
    return [a if a.dtype == dt else a.to(dt) for a in ts]


def _write(result: Tensor, out: Tensor | None, casting: str, caller: str) -> Tensor:
    """``out=`` under NumPy's ``casting=`` rule (``write_out`` checks shape and device)."""
    if out is None:
        return result
    given: object = out
    if isinstance(given, Tensor) and given.dtype != result.dtype:
        check_casting(result.dtype, out.dtype, casting, caller, "the result")
        result = result.to(out.dtype)
    return write_out(result, out, caller)


def concat(
    arrays: tuple[Tensor, ...] | list[Tensor],
    /,
    axis: int | None = 0,
    out: Tensor | None = None,
    *,
    dtype: DTypeLike | None = None,
    casting: Casting = "same_kind",
) -> Tensor:
    """Join arrays along an existing axis (flattened first when ``axis=None``).

    NumPy's ``concatenate`` (``tb.concatenate`` is this function). Mixed dtypes promote by the
    standard's table (NumPy's across kinds), including the unsigned types torch refuses to
    promote; ``dtype=`` asks for a result dtype instead, each input cast to it under
    ``casting=`` (NumPy's rules: "no", "equiv", "safe", "same_kind", "unsafe"), which also
    governs the cast into ``out=``. Arrays of different ranks are an error, as in NumPy
    (torch alone silently skips 1-d empty arrays). Any array data is accepted.

    Memory and autograd: new memory (``out`` when given); stays on the inputs' autograd graphs.

    Raises
    ------
    ValueError
        For no arrays, different ranks, sizes that differ off ``axis``, or 0-d arrays with an
        axis.
    TypeError
        For a cast that ``casting`` forbids.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.concat([tb.asarray([1, 2], dtype=tb.uint8), tb.asarray([3], dtype=tb.uint16)])
    tensor([1, 2, 3], dtype=torch.uint16)
    """
    if out is None and dtype is None and casting == "same_kind":
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
                if -nd <= axis < nd:  # torch checks no axis when every array is 1-d and empty
                    return torch.cat(arrays, axis)
        except (IndexError, RuntimeError, TypeError, AttributeError, KeyError):
            pass
    return _write(_concat_slow(arrays, axis, dtype, casting), out, casting, "concat")


def _concat_slow(arrays: object, axis: object, dtype: DTypeLike | None, casting: str) -> Tensor:
    ts = _joinable(arrays, "concat", axis is not None, dtype, casting)
    if axis is None:
        return torch.cat([a.reshape(-1) for a in ts])
    ax = normalize_axis(axis, ts[0].ndim, "concat") if ts[0].ndim else 0
    try:
        return torch.cat(ts, ax)
    except NotImplementedError as e:
        if ts[0].dtype not in UNSIGNED_GAPS:
            raise TypeError(
                f"concat: torch has no kernel joining {ts[0].dtype} arrays on "
                f"{ts[0].device.type}; cast them first (e.g. with tb.astype)"
            ) from e
        return on_bits(lambda *bits: torch.cat(bits, ax), *ts)
    except (IndexError, RuntimeError) as e:
        shapes = ", ".join(str(tuple(a.shape)) for a in ts)
        if ts[0].ndim == 0:
            raise ValueError(
                f"concat: arrays of shapes {shapes} are 0-d and have no axis {axis} to join "
                "along; pass axis=None (or stack them)"
            ) from e
        raise ValueError(
            f"concat: arrays of shapes {shapes} cannot be joined along axis {axis}: sizes must "
            "match on every other axis"
        ) from e


def stack(
    arrays: tuple[Tensor, ...] | list[Tensor],
    /,
    axis: int = 0,
    out: Tensor | None = None,
    *,
    dtype: DTypeLike | None = None,
    casting: Casting = "same_kind",
) -> Tensor:
    """Join arrays of one shape along a new axis at position ``axis`` of the result.

    Mixed dtypes promote by the standard's table (NumPy's across kinds); ``dtype=``,
    ``casting=`` and ``out=`` work as in :func:`concat` (NumPy's ``stack``).

    Memory and autograd: new memory (``out`` when given); stays on the inputs' autograd graphs.

    Raises
    ------
    ValueError
        For no arrays or arrays of different shapes.
    TypeError
        For a cast that ``casting`` forbids.
    numpy.exceptions.AxisError
        For an axis outside ``[-N-1, N]`` (N: the arrays' rank).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.stack([tb.asarray([1, 2]), tb.asarray([3, 4])], axis=-1)
    tensor([[1, 3],
            [2, 4]])
    """
    if out is None and dtype is None and casting == "same_kind":
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
    return _write(_stack_slow(arrays, axis, dtype, casting), out, casting, "stack")


def _stack_slow(arrays: object, axis: object, dtype: DTypeLike | None, casting: str) -> Tensor:
    ts = _joinable(arrays, "stack", True, dtype, casting)
    ax = normalize_axis(axis, ts[0].ndim + 1, "stack", "the result")
    try:
        return torch.stack(ts, ax)
    except NotImplementedError as e:
        if ts[0].dtype not in UNSIGNED_GAPS:
            raise TypeError(
                f"stack: torch has no kernel stacking {ts[0].dtype} arrays on "
                f"{ts[0].device.type}; cast them first (e.g. with tb.astype)"
            ) from e
        return on_bits(lambda *bits: torch.stack(bits, ax), *ts)
    except RuntimeError as e:
        shapes = ", ".join(str(tuple(a.shape)) for a in ts)
        raise ValueError(
            f"stack: arrays of shapes {shapes} cannot be stacked: all must have the same shape"
        ) from e


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
        raise axis_error("unstack", axis, x.ndim) from e
    except TypeError as e:
        if not _is_tensor(x):
            return unstack(_array_arg("unstack", "x", x), axis=axis)
        normalize_axis(axis, x.ndim, "unstack")  # raises the TypeError for the axis
        raise AssertionError("unreachable") from e  # pragma: no cover


# ---- axes -----------------------------------------------------------------------------------


def expand_dims(x: Tensor, /, axis: int | Sequence[int]) -> Tensor:
    """``x`` with a size-1 axis inserted at each position in ``axis`` (positions of the result).

    ``axis`` is an int or a tuple (or list) of ints, as in NumPy (an array of several ints is
    not an axis: a TypeError, as NumPy's).

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
    if type(axis) is int:
        try:
            return torch.unsqueeze(x, axis)
        except IndexError as e:
            raise axis_error("expand_dims", axis, x.ndim + 1, "the result") from e
        except TypeError:
            return _expand_dims_slow(x, axis)
    if type(axis) is not tuple and type(axis) is not list:  # one axis, or an array: no axes
        return _expand_dims_slow(x, axis)
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
                return _view(x, shape)  # Tensor's own view: a NumPy array's reads a dtype
    except (TypeError, AttributeError):
        pass
    return _expand_dims_slow(x, axis)


def _positions(axis: Sequence[int], nd: int) -> list[int]:
    """Axis positions in a result of rank ``nd``, sorted (a helper: a comprehension in
    expand_dims itself would make ``nd`` a cell on every call)."""
    return sorted([a + nd if a < 0 else a for a in axis])


def _expand_dims_slow(x: object, axis: object) -> Tensor:
    t = x if isinstance(x, Tensor) else _array_arg("expand_dims", "x", x)
    axes = _axes_arg(axis, "expand_dims")
    out = t.view(t.shape)
    for a in sorted(normalize_axes(axes, t.ndim + len(axes), "expand_dims", "the result")):
        out = out.unsqueeze(a)
    return out


def squeeze(x: Tensor, /, axis: int | tuple[int, ...] | None = None) -> Tensor:
    """``x`` without the size-1 axes named in ``axis`` (every size-1 axis when ``None``).

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
        if type(axis) is int:
            out = torch.squeeze(x, axis)
            if out.ndim != x.ndim:  # torch keeps an axis of another size silently
                return out
        elif axis is None:
            return torch.squeeze(x)
        else:
            shape = x.shape
            for a in cast("Sequence[int]", axis):
                if shape[a] != 1:
                    break
            else:
                return torch.squeeze(x, axis)
    except (IndexError, RuntimeError, TypeError, AttributeError):
        pass
    return _squeeze_slow(x, axis)


def _squeeze_slow(x: object, axis: object) -> Tensor:
    t = x if isinstance(x, Tensor) else _array_arg("squeeze", "x", x)
    if axis is None:
        return torch.squeeze(t)
    axes = _axes_arg(axis, "squeeze")
    if not axes:  # nothing to remove: a view of the same shape
        return t.view(t.shape)
    if t.ndim == 0:
        raise axis_error("squeeze", axis, 0)
    normalized = normalize_axes(axes, t.ndim, "squeeze")
    for a in normalized:
        if t.shape[a] != 1:
            raise ValueError(
                f"squeeze: axis {a} of an array of shape {tuple(t.shape)} has size "
                f"{t.shape[a]}, not 1; only size-1 axes can be removed (use reshape to change "
                "the shape otherwise)"
            )
    return torch.squeeze(t, normalized)


def moveaxis(x: Tensor, source: int | Sequence[int], destination: int | Sequence[int], /) -> Tensor:
    """``x`` with the axes ``source`` moved to positions ``destination``; others keep order.

    ``source`` and ``destination`` are ints or sequences (tuples, lists) of ints, as in NumPy.

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
        if x.ndim:  # torch takes axis 0 of a 0-d tensor, which NumPy refuses
            # torch's stubs list only int axes; the function takes tuples and lists too
            return torch.movedim(x, source, destination)  # type: ignore[arg-type]
    except (IndexError, RuntimeError, TypeError, AttributeError):
        pass
    return _moveaxis_slow(x, source, destination)


def _moveaxis_slow(x: object, source: object, destination: object) -> Tensor:
    t = x if isinstance(x, Tensor) else _array_arg("moveaxis", "x", x)
    src = normalize_axes(_axes_arg(source, "moveaxis", "source", iterate=True), t.ndim, "moveaxis")
    dst = normalize_axes(
        _axes_arg(destination, "moveaxis", "destination", iterate=True), t.ndim, "moveaxis"
    )
    if len(src) != len(dst):
        raise ValueError(
            f"moveaxis: source {source!r} and destination {destination!r} name {len(src)} and "
            f"{len(dst)} axes; pass one destination per source"
        )
    return torch.movedim(t, src, dst)


def permute_dims(x: Tensor, /, axes: Sequence[int] | None = None) -> Tensor:
    """``x`` with its axes reordered: axis ``i`` of the result is axis ``axes[i]`` of ``x``.

    ``axes=None`` reverses the axes (NumPy's ``transpose``; ``tb.transpose`` is this function).

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
    >>> tb.permute_dims(tb.zeros((2, 3, 4))).shape
    torch.Size([4, 3, 2])
    """
    try:
        if axes is None:
            return torch.permute(x, _REVERSED[x.ndim])
        return torch.permute(x, axes)  # type: ignore[arg-type]
    except (IndexError, RuntimeError, TypeError, AttributeError):
        pass
    return _permute_slow(x, axes)


def _permute_slow(x: object, axes: object) -> Tensor:
    t = x if isinstance(x, Tensor) else _array_arg("permute_dims", "x", x)
    if axes is None:
        return torch.permute(t, tuple(range(t.ndim - 1, -1, -1)))
    given = _axes_arg(axes, "permute_dims", "axes", iterate=True)
    if len(given) != t.ndim:
        raise ValueError(
            f"permute_dims: axes {axes!r} has {len(given)} entries for an array of {t.ndim} "
            f"dimension(s) (shape {tuple(t.shape)}); name every axis exactly once"
        )
    return torch.permute(t, normalize_axes(given, t.ndim, "permute_dims"))


# ---- reshaping and reordering ---------------------------------------------------------------


def reshape(
    x: Tensor,
    /,
    shape: ShapeArg,
    order: Literal["C", "F", "A"] = "C",
    *,
    copy: bool | None = None,
) -> Tensor:
    """``x``'s elements in a new shape; one size may be ``-1`` (inferred).

    ``order="C"`` reads and writes the elements in row-major order, ``"F"`` in column-major
    order (the first index changing fastest), ``"A"`` in column-major order when ``x`` is
    column-major in memory and row-major otherwise (NumPy's orders). ``copy`` is tri-state:
    ``None`` returns a view when the strides allow it and a copy otherwise; ``True`` always
    copies; ``False`` never copies and raises when no view exists.

    Memory and autograd: ``copy=False``: a view of ``x``; ``copy=True``: new memory;
    ``copy=None``: a view where possible, else new memory. Stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For a shape of another size, more than one ``-1``, another negative size, an unknown
        order, or ``copy=False`` when only a copy can give the shape.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.reshape(tb.arange(6), (2, -1))
    tensor([[0, 1, 2],
            [3, 4, 5]])
    >>> tb.reshape(tb.arange(6), (2, 3), order="F")
    tensor([[0, 2, 4],
            [1, 3, 5]])
    """
    if order == "C":
        try:
            if copy is None:
                return torch.reshape(x, shape)  # type: ignore[arg-type]
            if copy is False:
                return x.view(shape)  # type: ignore[arg-type]
            if copy is True:
                return x.clone(memory_format=torch.contiguous_format).view(shape)  # type: ignore[arg-type]
        except RuntimeError as e:
            raise _reshape_error(x, shape, copy, e) from e
        except (TypeError, AttributeError):
            pass
    return _reshape_slow(x, shape, order, copy)


def _reshape_slow(x: object, shape: object, order: object, copy: object) -> Tensor:
    c = check_copy(copy, "reshape")
    if order not in ("C", "F", "A"):
        raise ValueError(
            f"reshape: order={order!r} is not an order; pass 'C' (row-major), 'F' "
            "(column-major) or 'A' (column-major when x is)"
        )
    if not isinstance(x, Tensor):
        # copy=False promises a view of x: a NumPy array torch cannot view is an error.
        x = _array_arg("reshape", "x", x, copy=False if c is False else None)
    size = shape_arg(shape, "reshape")
    if order == "A":
        order = "F" if _column_major(x) else "C"
    if order == "C":
        return reshape(x, size, copy=c)
    # Column-major: reversing the axes makes the first index change fastest.
    rev = x.permute(_REVERSED[x.ndim])
    try:
        return reshape(rev, size[::-1], copy=c).permute(_REVERSED[len(size)])
    except ValueError as e:
        raise _reshape_error(x, size, c, e) from e


def _column_major(x: Tensor) -> bool:
    return x.ndim > 1 and not x.is_contiguous() and x.permute(_REVERSED[x.ndim]).is_contiguous()


def _reshape_error(x: Tensor, shape: object, copy: bool | None, e: Exception) -> ValueError:
    size: object
    try:
        size = shape_arg(shape, "reshape")
    except TypeError:  # a shape torch took (and refused by value) but shape_arg does not read
        size = shape
    try:
        torch.empty(x.shape, device="meta").view(size)  # type: ignore[call-overload]
    except RuntimeError:
        return ValueError(
            f"reshape: an array of shape {tuple(x.shape)} ({x.numel()} elements) cannot take "
            f"shape {size!r}: the sizes must be >= 0 and multiply to {x.numel()}, with at most "
            "one -1 (inferred)"
        )
    return ValueError(
        f"reshape(copy={copy}): an array of shape {tuple(x.shape)} and strides {x.stride()} "
        f"cannot be viewed as shape {size!r} without copying its data; pass copy=None (copy "
        "only when needed) or copy=True"
    )


def flip(x: Tensor, /, axis: Axes | None = None) -> Tensor:
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
        if x.ndim or axis is None:  # torch takes axis 0 of a 0-d tensor, which NumPy refuses
            dims = _ALL_AXES[x.ndim] if axis is None else (axis,) if type(axis) is int else axis
            if x.dtype in UNSIGNED_GAPS:  # no kernel for 1-d arrays (pytorch#58734)
                return on_bits(partial(torch.flip, dims=dims), x)  # type: ignore[arg-type]
            return torch.flip(x, dims)  # type: ignore[arg-type]
    except NotImplementedError as e:
        return bits_or_raise(partial(torch.flip, dims=dims), x, "flip", e)  # type: ignore[arg-type]
    except (IndexError, RuntimeError, TypeError, AttributeError):
        pass
    return _flip_slow(x, axis)


def _flip_slow(x: object, axis: object) -> Tensor:
    t = x if isinstance(x, Tensor) else _array_arg("flip", "x", x)
    dims = tuple(range(t.ndim)) if axis is None else _axes_arg(axis, "flip", iterate=True)
    axes = normalize_axes(dims, t.ndim, "flip")
    if t.dtype in UNSIGNED_GAPS:
        return on_bits(partial(torch.flip, dims=axes), t)
    return torch.flip(t, axes)


def roll(
    x: Tensor,
    /,
    shift: int | tuple[int, ...],
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
        # torch checks no axis of an empty tensor, and rolls the flattened array over no axes
        if axis is None or (x.numel() and (type(axis) is int or len(axis))):  # type: ignore[arg-type]
            return torch.roll(x, shift, axis)  # type: ignore[arg-type]
    except NotImplementedError as e:
        return bits_or_raise(partial(torch.roll, shifts=shift, dims=axis), x, "roll", e)  # type: ignore[arg-type]
    except (IndexError, RuntimeError, TypeError, ValueError, AttributeError):
        pass  # ValueError: a shift past int64
    return _roll_slow(x, shift, axis)


def _roll_slow(x: object, shift: object, axis: object) -> Tensor:
    t = x if isinstance(x, Tensor) else _array_arg("roll", "x", x)
    shifts = _axes_arg(shift, "roll", "shift", iterate=True)
    if axis is None:
        # a whole number of turns is no shift: Python ints past int64 wrap as NumPy's do
        total = sum(shifts) % t.numel() if t.numel() else 0
        return torch.roll(t.reshape(-1), total).view(t.shape)
    # (a 0-d x has no axis: AxisError, after a TypeError for an axis that is no integer)
    axes = tuple(normalize_axis(a, t.ndim, "roll") for a in _axes_arg(axis, "roll", iterate=True))
    n = max(len(shifts), len(axes))
    if len(shifts) != len(axes) and 1 not in (len(shifts), len(axes)):
        raise ValueError(
            f"roll: shift {shift!r} and axis {axis!r} do not pair up: {len(shifts)} shifts for "
            f"{len(axes)} axes; give one shift per axis, or one shift for all axes"
        )
    if not axes:  # no axes to roll over: a copy, as NumPy's
        return t.clone()
    per_axis: dict[int, int] = {}
    for s, a in zip(shifts * (n // len(shifts)), axes * (n // len(axes)), strict=True):
        per_axis[a] = per_axis.get(a, 0) + s
    # a whole number of turns is no shift: sums past int64 wrap as NumPy's do
    wrapped = tuple(s % t.shape[a] if t.shape[a] else 0 for a, s in per_axis.items())
    return torch.roll(t, wrapped, tuple(per_axis))


def repeat(
    x: Tensor,
    repeats: int | Tensor,
    /,
    axis: int | None = None,
) -> Tensor:
    """Each element of ``x`` repeated ``repeats`` times along ``axis`` (flattened when ``None``).

    ``repeats`` is an int or integer array data of shape ``(1,)`` or ``(size along axis,)``
    (a list works, as in NumPy). An array of repeats makes the output's size depend on data:
    on an accelerator that means a device synchronization.

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For negative repeats, repeats of the wrong length, or a result too big for any array.
    MemoryError
        For a result the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as
        torch raises it).
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
        if getattr(x, "dtype", None) in UNSIGNED_GAPS and type(repeats) is not int:
            # array repeats go through index_select, which has no kernel for these (pytorch#58734)
            return on_bits(partial(_repeat_bits, repeats=repeats, axis=axis), x)
    try:
        return torch.repeat_interleave(x, repeats, axis)
    except NotImplementedError as e:
        # pyright matches partial's keywords to one overload without splitting int | Tensor
        fn = partial(torch.repeat_interleave, repeats=repeats, dim=axis)  # pyright: ignore[reportCallIssue]
        return bits_or_raise(fn, x, "repeat", e)
    except (IndexError, RuntimeError, TypeError) as e:
        error: Exception = e
    given: object = x
    t = given if isinstance(given, Tensor) else _array_arg("repeat", "x", given)
    if t is not x:
        return repeat(t, repeats, axis)
    if axis is not None:
        normalize_axis(axis, t.ndim if t.ndim else 1, "repeat")
        if t.ndim == 0:  # NumPy repeats a 0-d array along its one implied axis
            return repeat(t.reshape(1), repeats, 0)
    length = _repeated_length(t, repeats, axis)
    if length is not None:  # the result is too big, or no memory for it
        shape = [length] if axis is None or t.ndim == 0 else list(t.shape)
        if axis is not None and t.ndim:
            shape[axis % t.ndim] = length
        raise_for_size(error, "repeat", shape, t.dtype, "repeats")
    raise _repeat_error(t, repeats, axis) from error


def _repeated_length(t: Tensor, repeats: int | Tensor, axis: int | None) -> int | None:
    """The length of ``repeat``'s result along its axis, or None for repeats it refuses (an
    error path: the repeats' values are read)."""
    size = t.numel() if axis is None or t.ndim == 0 else t.shape[axis]
    if type(repeats) is int:
        return size * repeats if repeats >= 0 else None
    if not isinstance(repeats, Tensor) or repeats.ndim > 1 or repeats.device.type == "meta":
        return None
    counts = [int(r) for r in repeats.reshape(-1).tolist()]
    if len(counts) not in (1, size) or min(counts, default=0) < 0:
        return None
    return size * counts[0] if len(counts) == 1 else sum(counts)


def _repeat_bits(t: Tensor, repeats: int | Tensor, axis: int | None) -> Tensor:
    return repeat(t, repeats, axis)


def _repeats(repeats: object) -> int | Tensor:
    """The slow path of ``repeats``: integer arrays as int32/int64, other ints as int."""
    if isinstance(repeats, (list, tuple, np.ndarray)):
        repeats = _array_arg("repeat", "repeats", repeats)
    if isinstance(repeats, Tensor):
        if repeats.dtype in INDEX_DTYPES:
            return repeats
        if repeats.dtype not in INTEGER_DTYPES:
            raise TypeError(
                f"repeat: repeats must have an integer dtype, got {repeats.dtype}; pass an int "
                "or an integer array"
            )
        # torch takes only int32/int64 repeats (pytorch#151311)
        return to_wide(repeats, "repeat")
    if isinstance(repeats, bool) or not hasattr(repeats, "__index__"):
        raise TypeError(
            f"repeat: repeats must be an int or an integer array, got {type(repeats).__name__}"
        )
    return operator.index(repeats)  # pyright: ignore[reportArgumentType] - has __index__


def _repeat_error(x: Tensor, repeats: int | Tensor, axis: int | None) -> Exception:
    if isinstance(repeats, Tensor) and repeats.device.type == "meta":
        return ValueError(
            "repeat: repeats is a meta array, so the output's size is unknown; pass an int or "
            "repeats on the CPU"
        )
    size = x.numel() if axis is None or x.ndim == 0 else x.shape[axis]
    shown = repeats.tolist() if isinstance(repeats, Tensor) else repeats
    return ValueError(
        f"repeat: cannot repeat an array of shape {tuple(x.shape)} along axis {axis} with "
        f"repeats {shown!r}: repeats must be >= 0, an int or an array of shape (1,) or "
        f"({size},)"
    )


def tile(x: Tensor, repetitions: ShapeArg, /) -> Tensor:
    """``x`` repeated ``repetitions[i]`` times along each axis ``i`` (NumPy's ``tile``).

    ``repetitions`` is an int or a sequence of ints. Shorter ``repetitions`` are padded with
    leading ones, a lower-rank ``x`` with leading size-1 axes.

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For negative repetitions, or a result too big for any array (its bytes overflow int64).
    MemoryError
        For a result the CPU cannot allocate (CUDA's ``torch.OutOfMemoryError`` is left as
        torch raises it).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.tile(tb.asarray([1, 2]), (2, 2))
    tensor([[1, 2, 1, 2],
            [1, 2, 1, 2]])
    """
    try:
        return torch.tile(x, repetitions)  # type: ignore[arg-type]
    except NotImplementedError as e:
        return bits_or_raise(partial(torch.tile, dims=repetitions), x, "tile", e)  # type: ignore[arg-type]
    except (RuntimeError, TypeError):
        pass
    given: object = x
    t = given if isinstance(given, Tensor) else _array_arg("tile", "x", given)
    reps = shape_arg(repetitions, "tile", "repetitions")
    for r in reps:
        if r < 0:
            raise ValueError(f"tile: repetitions {reps!r} must be >= 0; pass non-negative counts")
    # NumPy's result shape (torch's int64 product would wrap around to a negative size)
    ndim = max(t.ndim, len(reps))
    sizes = (1,) * (ndim - t.ndim) + tuple(t.shape)
    counts = (1,) * (ndim - len(reps)) + reps
    shape = tuple(n * r for n, r in zip(sizes, counts, strict=True))
    check_size(shape, t.dtype, "tile", "repetitions")
    try:
        return torch.tile(t, reps)
    except NotImplementedError as e:
        return bits_or_raise(partial(torch.tile, dims=reps), t, "tile", e)
    except RuntimeError as e:  # no memory for it
        raise_for_size(e, "tile", shape, t.dtype, "repetitions")
        raise
