"""The indexing functions of the Array API (``take``, ``take_along_axis``), with NumPy's options.

``take`` is NumPy's: ``axis=None`` reads the flattened array, ``out=`` and ``mode=`` ("raise",
"wrap", "clip") are taken. ``take_along_axis`` is NumPy's too: out-of-range indices raise
``IndexError`` (torch's ``take_along_dim`` would wrap them around silently) and ``axis=None``
reads the flattened array. Indices of any integer dtype work (torch's kernels take only
int32/int64: others are widened), and any array data is taken through the input gate
(``tb.take(x, [0, 3])``).

Both call torch's kernel first (``index_select``, ``gather``); negative indices, broadcasting
and the unsigned dtypes torch has no kernel for (uint16/32/64, pytorch#58734: run on a
same-size signed view) are handled after torch refuses.

Memory and autograd: both return new memory, on the input's autograd graph.
"""

from __future__ import annotations

from typing import Final, Literal

import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor, write_out
from tbridge._core.shapes import (
    axis_error,
    bits_or_raise,
    broadcast_shape,
    index_tensor,
    normalize_axis,
)
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits

__all__ = ["take", "take_along_axis"]

_index_select: Final = torch.index_select
_gather: Final = torch.gather
_MODES: Final = ("raise", "wrap", "clip")


def _tensor(value: object, caller: str, name: str) -> Tensor:
    return value if isinstance(value, Tensor) else as_tensor(value, caller, name)


def integer_indices(
    value: object, caller: str, name: str = "indices", *, empty_list: bool = True
) -> Tensor:
    """Index data read as NumPy reads it for ``take``, ``put``, ``choose`` and the like: bools
    count as 0 and 1; an empty list or tuple (which NumPy's inference makes float64) holds no
    indices when ``empty_list`` is set; other dtypes that are not integers raise TypeError."""
    t = _tensor(value, caller, name)
    if t.dtype is torch.bool:
        return t.to(torch.int64)
    if empty_list and type(value) in (list, tuple) and t.numel() == 0:
        return t.to(torch.int64)
    return index_tensor(t, caller, name)


def along_indices(value: object, caller: str, *, flat: bool = False) -> Tensor:
    """``indices`` of ``take_along_axis`` and ``put_along_axis``: an integer array (an
    IndexError otherwise, as NumPy's); an empty list or tuple holds no indices. ``flat``
    (``axis=None``) needs them 1-d first, a ValueError (NumPy's order of checks)."""
    t = _tensor(value, caller, "indices")
    if flat and t.ndim != 1:
        raise ValueError(
            f"{caller}: with axis=None, indices must be 1-d (they index the flattened array), "
            f"got {t.ndim} dimensions"
        )
    if type(value) in (list, tuple) and t.numel() == 0:
        return t.to(torch.int64)
    if t.dtype is torch.bool or t.dtype.is_floating_point or t.dtype.is_complex:
        raise IndexError(
            f"{caller}: indices must have an integer dtype, got {t.dtype}; cast them with "
            "tb.astype(indices, tb.int64)"
        )
    return index_tensor(t, caller)


def take(
    x: Tensor,
    indices: Tensor,
    /,
    axis: int | None = None,
    out: Tensor | None = None,
    mode: Literal["raise", "wrap", "clip"] = "raise",
) -> Tensor:
    """Elements of ``x`` at ``indices`` along ``axis`` (of the flattened ``x`` when ``None``).

    N-d ``indices`` work as in NumPy (the axis is replaced by the indices' shape; a 0-d ``x``
    counts as 1-d along any ``axis``). With
    ``mode="raise"`` negative indices count from the end and out-of-range indices raise
    IndexError (checked on the CPU; on an accelerator torch's kernel asserts); ``"wrap"`` wraps
    every index around the axis, ``"clip"`` clamps it into ``[0, size - 1]`` (negative indices
    become 0, as in NumPy). ``out=`` receives the result under NumPy's ``same_kind`` rule.

    Memory and autograd: new memory (``out`` when given); stays on ``x``'s autograd graph.

    Raises
    ------
    IndexError
        For an index out of range (``mode="raise"``), or any index into an empty axis.
    TypeError
        For indices of a float or complex dtype (bools count as 0 and 1, and an empty list
        as no indices, as in NumPy).
    ValueError
        For an unknown mode.
    numpy.exceptions.AxisError
        For an axis out of range (an IndexError and a ValueError).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.take(tb.asarray([[1, 2, 3], [4, 5, 6]]), [-1, 0], axis=1)
    tensor([[3, 1],
            [6, 4]])
    >>> tb.take(tb.asarray([[1, 2], [3, 4]]), [3, 0])
    tensor([4, 1])
    """
    if out is None and mode == "raise":
        try:
            if indices.ndim == 1 and x.is_cpu:
                if axis is None:
                    return _index_select(x if x.ndim == 1 else x.reshape(-1), 0, indices)
                if x.ndim:  # (torch keeps a 0-d x 0-d; NumPy reads it as 1-d: below)
                    return _index_select(x, axis, indices)
        except (RuntimeError, IndexError, AttributeError, TypeError, NotImplementedError):
            # negative or out-of-range indices, other index dtypes, uint16/32/64 (no kernel for
            # 1-d arrays, pytorch#58734), non-tensors: below
            pass
    return write_out(_take_slow(x, indices, axis, mode), out, "take")


def _take_slow(x: object, indices: object, axis: object, mode: object) -> Tensor:
    if mode not in _MODES:
        raise ValueError(f"take: mode={mode!r} is not a mode; pass 'raise', 'wrap' or 'clip'")
    t = _tensor(x, "take", "x")
    idx = integer_indices(indices, "take")
    if axis is None or t.ndim == 0:  # NumPy reads a 0-d x as 1-d along any axis
        a = 0 if axis is None else normalize_axis(axis, 1, "take")
        t = t.reshape(-1)
    else:
        a = normalize_axis(axis, t.ndim, "take")
    size = t.shape[a]
    if mode != "raise" and idx.numel():
        if size == 0:
            raise IndexError(
                f"take: cannot take from axis {a} of size 0 (mode={mode!r}); the axis is empty"
            )
        idx = idx.remainder(size) if mode == "wrap" else idx.clamp(0, size - 1)
    scalar = idx.ndim == 0
    key = (slice(None),) * a + (idx.reshape(1) if scalar else idx,)
    try:
        return t[key].squeeze(a) if scalar else t[key]
    except NotImplementedError as e:
        picked = bits_or_raise(lambda v: v[key], t, "take", e)
        return picked.squeeze(a) if scalar else picked
    except (IndexError, RuntimeError) as e:
        raise IndexError(
            f"take: {_first_out_of_range(idx, size)} is out of range for axis {a} of size "
            f"{size}; valid indices are in [{-size}, {size}) (or pass mode='wrap' or mode='clip')"
        ) from e


def _first_out_of_range(idx: Tensor, size: int) -> str:
    """``"index <i>"`` for the first index outside ``[-size, size)`` (error path only: it reads
    the data), or ``"an index"`` when none is found."""
    if idx.is_meta:
        return "an index"
    bad = idx[(idx < -size) | (idx >= size)].reshape(-1)
    return f"index {int(bad[0])}" if bad.numel() else "an index"


def take_along_axis(x: Tensor, indices: Tensor, /, axis: int | None = -1) -> Tensor:
    """Elements of ``x`` at ``indices`` along ``axis``; other axes of the two broadcast.

    ``indices`` has ``x``'s rank (as from ``argsort`` or ``argmax(..., keepdims=True)``);
    negative indices count from the end; out-of-range indices raise IndexError (checked on the
    CPU), as in NumPy. ``axis=None`` takes from the flattened ``x`` with 1-d ``indices``.

    Memory and autograd: new memory; stays on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        When ``x`` and ``indices`` differ in rank.
    IndexError
        For an index out of range, indices that are not integers (floats, bools), or indices
        that do not broadcast with ``x`` off ``axis``, as in NumPy.
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
    try:
        if (
            type(axis) is int
            and x.ndim
            and (x.shape == indices.shape or _same_off_axis(x, indices, axis))
        ):
            # x's sizes off the axis: no broadcasting to do, and gather checks the bounds
            return _gather(x, axis, indices)
    except (RuntimeError, IndexError, AttributeError, TypeError, NotImplementedError):
        pass
    return _take_along_slow(x, indices, axis)


def _same_off_axis(x: Tensor, indices: Tensor, axis: int) -> bool:
    """Whether ``indices`` has ``x``'s rank and its sizes on every axis but ``axis``."""
    a, b = list(x.shape), list(indices.shape)
    if len(a) != len(b) or not -len(a) <= axis < len(a):
        return False
    a[axis] = b[axis]
    return a == b


def _take_along_slow(x: object, indices: object, axis: object) -> Tensor:
    caller = "take_along_axis"
    t = _tensor(x, caller, "x")
    idx = along_indices(indices, caller, flat=axis is None)
    if axis is None:
        t, a = t.reshape(-1), 0
    elif t.ndim == 0:
        raise axis_error(caller, axis, 0)
    else:
        a = normalize_axis(axis, t.ndim, caller)
    if idx.ndim != t.ndim:
        raise ValueError(
            f"{caller}: indices must have as many dimensions as x, got {idx.ndim} and {t.ndim}; "
            "add axes with expand_dims"
        )
    xs, js = list(t.shape), list(idx.shape)
    xs[a] = js[a] = 1
    try:
        common = broadcast_shape(xs, js)
    except RuntimeError as e:
        raise IndexError(  # NumPy's class: its fancy indexing reports the shape mismatch
            f"{caller}: indices of shape {tuple(idx.shape)} do not broadcast with x of shape "
            f"{tuple(t.shape)} off axis {a}; make their other sizes equal, or 1"
        ) from e
    size = t.shape[a]
    xb, jb = list(common), list(common)
    xb[a], jb[a] = size, idx.shape[a]
    if idx.dtype != torch.int64:
        idx = idx.to(torch.int64)
    idx = torch.where(idx < 0, idx + size, idx).expand(jb)
    src = t.expand(xb)
    try:
        if src.dtype in UNSIGNED_GAPS:  # no gather kernel (pytorch#58734)
            return on_bits(lambda v: torch.gather(v, a, idx), src)
        return torch.gather(src, a, idx)
    except (RuntimeError, IndexError) as e:
        raise IndexError(
            f"{caller}: an index is out of range for axis {a} of size {size}; valid indices are "
            f"in [{-size}, {size})"
        ) from e
