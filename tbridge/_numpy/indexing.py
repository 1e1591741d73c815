"""NumPy's indexing functions beyond the standard.

Writing in place: ``put``, ``put_along_axis``, ``place``, ``putmask``, ``fill_diagonal``.
Selecting: ``choose``, ``select``, ``piecewise``, ``compress``, ``extract``. Index arithmetic:
``unravel_index``, ``ravel_multi_index``, ``indices``, ``ix_``, ``mgrid``, ``ogrid``,
``diag_indices``, ``diag_indices_from``, ``tril_indices``, ``triu_indices``,
``tril_indices_from``, ``triu_indices_from``. (``take`` and ``take_along_axis`` are the
standard's, in :mod:`tbridge._namespace.indexing`, with NumPy's options.)

The in-place functions write into the tensor they are given, as NumPy writes into its array
(a writable NumPy array is shared through the input gate, so NumPy sees the write too). A
leaf tensor that requires grad cannot be written in place (autograd would lose the write): the
functions refuse it with a ValueError; any other tensor stays on the autograd graph through
torch's in-place operations. When indices repeat, torch's scatter kernels do not promise which
value lands (NumPy's last one wins); ``put`` keeps NumPy's rule.

Index results are int64 tensors (NumPy's ``intp``) on the input's device. The functions that
make arrays by size (``indices``, ``diag_indices``, ``tril_indices``, ``triu_indices``,
``mask_indices``, ``mgrid``, ``ogrid``, ``r_``, ``c_``) raise NumPy's ValueError for a size too
big for any array (its bytes overflow int64) and its MemoryError for one the CPU cannot
allocate; CUDA's ``torch.OutOfMemoryError`` is left as torch raises it.

Memory and autograd: each docstring says what is written or returned.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence
from typing import Any, Final, Literal, SupportsIndex, TypeAlias

import numpy as np
import torch
from torch import Tensor
from torch.compiler import is_dynamo_compiling

from tbridge._convert.gate import as_tensor, retold, where_mask, write_out
from tbridge._core.dtypes import INT_BOUNDS, SIGNED_TWIN, DTypeLike, torch_dtype
from tbridge._core.normalize import CPU, check_size, raise_for_size
from tbridge._core.promotion import kind_rank, result_type
from tbridge._core.shapes import (
    Casting,
    axis_error,
    broadcast_shape,
    check_casting,
    normalize_axis,
    shape_arg,
)
from tbridge._core.tracing import values_checkable
from tbridge._core.values import scalar_tensor
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits
from tbridge._namespace.creation import arange, linspace
from tbridge._namespace.data_types import can_cast
from tbridge._namespace.indexing import along_indices, integer_indices

__all__ = [
    "c_",
    "choose",
    "compress",
    "copyto",
    "diag_indices",
    "diag_indices_from",
    "extract",
    "fill_diagonal",
    "index_exp",
    "indices",
    "ix_",
    "mask_indices",
    "mgrid",
    "ogrid",
    "piecewise",
    "place",
    "put",
    "put_along_axis",
    "putmask",
    "r_",
    "ravel_multi_index",
    "s_",
    "select",
    "tril_indices",
    "tril_indices_from",
    "triu_indices",
    "triu_indices_from",
    "unravel_index",
]

Mode: TypeAlias = 'Literal["raise", "wrap", "clip"]'
_ARANGE_DTYPES: Final = frozenset(
    {torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8, torch.float16,
     torch.float32, torch.float64, torch.bfloat16}
)  # fmt: skip

_Tensor: Final = torch.Tensor
_PY_SCALARS: Final = (bool, int, float, complex)
NDArray: TypeAlias = "np.ndarray[Any, Any]"
#: up to this many values, a CPU tensor's range is read as Python numbers (tolist) rather than
#: by a reduction kernel: cheaper for a few values.
_HOST_READ_MAX: Final = 64
_MODES: Final = ("raise", "wrap", "clip")
#: torch's CPU index kernels run one chunk (in index order, so the last write wins) below
#: this many indices (ATen's internal grain size); above it ``put`` removes duplicates first.
_SERIAL_MAX: Final = 32768


def _t(value: object, caller: str, name: str) -> Tensor:
    return value if isinstance(value, Tensor) else as_tensor(value, caller, name)


def _target(a: object, caller: str, name: str = "a") -> Tensor:
    """The array an in-place function writes into: a tensor, or a NumPy array shared with it."""
    if isinstance(a, Tensor):
        t = a
    elif isinstance(a, np.ndarray):
        try:
            t = as_tensor(a, caller, name, copy=False)
        except ValueError as e:
            raise ValueError(
                f"{caller}: {name} is a NumPy array torch cannot share (read-only, byte-swapped "
                f"or with negative strides), and {caller} writes in place; pass a writable "
                f"array ({name}.copy()) or a tensor"
            ) from e
    else:
        raise TypeError(
            f"{caller}: {name} must be a tensor (or a writable NumPy array) to write into, got "
            f"{type(a).__name__}; convert it first with tb.asarray"
        )
    if t.requires_grad and t.is_leaf:
        raise ValueError(
            f"{caller}: {name} is a leaf tensor that requires grad, and autograd cannot record an "
            f"in-place write into it; write into a copy (tb.copy({name})) or under tb.no_grad()"
        )
    return t


def _safe_values(values: object, t: Tensor, caller: str, name: str) -> Tensor:
    """``values`` in ``t``'s dtype as ``place`` and ``putmask`` take them in NumPy: arrays must
    cast under the "safe" rule; Python numbers and sequences, and NumPy scalars, are written
    as assignment writes them (:func:`_assigned_values`)."""
    if not isinstance(values, (Tensor, np.ndarray)):
        return _assigned_values(values, t, caller, name)
    v = _t(values, caller, name)
    check_casting(v.dtype, t.dtype, "safe", caller, name)
    return v.to(device=t.device, dtype=t.dtype)


def _assigned_values(values: object, t: Tensor, caller: str, name: str) -> Tensor:
    """``values`` in ``t``'s dtype as NumPy's assignment casts them (``put``,
    ``put_along_axis``, ``fill_diagonal``): arrays as torch casts them; Python numbers and
    sequences read straight into the dtype by the input gate, so that none changes silently
    (a complex number into a real array is a TypeError, NaN into an integer one a ValueError,
    infinity or an integer outside the dtype's range an OverflowError; a float's fraction is
    dropped, as in NumPy)."""
    if isinstance(values, (Tensor, np.ndarray, np.generic)):
        return _t(values, caller, name).to(device=t.device, dtype=t.dtype)
    return as_tensor(values, caller, name, dtype=t.dtype, device=t.device)


def _check_mode(mode: object, caller: str) -> str:
    if mode not in _MODES:
        raise ValueError(f"{caller}: mode={mode!r} is not a mode; pass 'raise', 'wrap' or 'clip'")
    return str(mode)


def _cycled(values: Tensor, n: int) -> Tensor:
    """``values`` flattened and repeated (cut) to ``n`` entries, NumPy's cycling rule."""
    flat = values.reshape(-1)
    if flat.numel() == n:
        return flat
    reps = -(-n // flat.numel())
    return flat.repeat(reps)[:n] if reps > 1 else flat[:n]


def _flat_write(a: Tensor, positions: Tensor, values: Tensor) -> None:
    """``a.flat[positions] = values`` in place (positions in row-major order, non-negative)."""
    if a.is_contiguous():
        target = a.view(-1)
        if a.dtype in UNSIGNED_GAPS:
            target = target.view(SIGNED_TWIN[a.dtype])
            values = values.view(SIGNED_TWIN[a.dtype])
        target.index_put_((positions,), values)
        return
    coords = _unravel(positions, tuple(a.shape))
    if a.dtype in UNSIGNED_GAPS:
        a.view(SIGNED_TWIN[a.dtype]).index_put_(coords, values.view(SIGNED_TWIN[a.dtype]))
    else:
        a.index_put_(coords, values)


#: the Python numbers the fast paths of ``fill_diagonal`` and ``put_along_axis`` write with
#: torch's kernels, which would wrap or garble the others:
#: integers in range of an integer dtype (NaN and infinity fail the test), anything finite or
#: not into floating, complex and bool ones; the unsigned dtypes torch lacks kernels for take
#: the general path.
_SCALAR_RANGE: Final = {
    **{dt: lo_hi for dt, lo_hi in INT_BOUNDS.items() if dt not in UNSIGNED_GAPS},
    **dict.fromkeys(
        (torch.bool, torch.float16, torch.bfloat16, torch.float32, torch.float64,
         torch.complex64, torch.complex128),
        (-math.inf, math.inf),
    ),
}  # fmt: skip


def _unravel(flat: Tensor, shape: tuple[int, ...]) -> tuple[Tensor, ...]:
    out = []
    rest = flat
    for d in reversed(shape):
        out.append(rest.remainder(d) if d else rest)
        rest = rest.div(d, rounding_mode="floor") if d else rest
    return tuple(reversed(out))


# ---- writing in place -----------------------------------------------------------------------


def put(a: Tensor, ind: Any, v: Any, mode: Mode = "raise") -> None:
    """``a.flat[ind] = v`` in place: the given row-major positions of ``a`` take ``v``'s values.

    ``v`` is cast to ``a``'s dtype and repeated as needed; when positions repeat, the last
    value wins, as in NumPy. ``mode="raise"`` lets negative positions count from the end and
    refuses positions out of range; ``"wrap"`` wraps them around; ``"clip"`` clamps them into
    range (negative ones to 0).

    Memory and autograd: writes into ``a`` (returns None); ``a`` stays on its autograd graph.

    Raises
    ------
    IndexError
        For a position out of range (``mode="raise"``), or any position in an empty ``a``.
    ValueError
        For a leaf ``a`` that requires grad, or an unknown mode.
    TypeError
        For an ``a`` that is not a tensor or NumPy array, or non-integer positions.
    ValueError, OverflowError, TypeError
        For Python values the dtype cannot hold, as NumPy: NaN into an integer array,
        infinity or an integer out of its range, a complex number into a real array.

    Examples
    --------
    >>> import tbridge as tb
    >>> a = tb.zeros((2, 2), tb.int64)
    >>> tb.put(a, [0, 3], [5, 6])
    >>> a
    tensor([[5, 0],
            [0, 6]])
    """
    if (
        mode == "raise"
        and type(a) is _Tensor
        and type(ind) is _Tensor
        and type(v) is _Tensor
        and ind.dtype is torch.int64
        and v.dtype is a.dtype
        and ind.shape == v.shape
        and ind.ndim == 1
        and a.is_cpu
        and ind.is_cpu
        and (ind.shape[0] <= _SERIAL_MAX or _increasing(ind))
        and a.is_contiguous()
        and not (a.requires_grad and a.is_leaf)
        and a.dtype not in UNSIGNED_GAPS
    ):
        # The common call: torch's CPU kernel checks the range (negative indices count from
        # the end, as NumPy's mode="raise") and writes in index order, so the last one wins.
        try:
            a.view(-1).index_put_((ind,), v)
            return
        except IndexError:
            pass  # out of range: explained below
    t = _target(a, "put")
    m = _check_mode(mode, "put")
    idx = integer_indices(ind, "put", "ind").reshape(-1).to(t.device, torch.int64)
    vals = _assigned_values(v, t, "put", "v")
    n = t.numel()
    if idx.numel() == 0:
        return
    if n == 0:  # NumPy 2 refuses positions in an empty array, whatever the values
        raise IndexError(
            f"put: cannot write into an empty array (a has shape {tuple(t.shape)}) at "
            f"{idx.numel()} positions; pass no positions, or a non-empty a"
        )
    if vals.numel() == 0:
        return
    if m == "wrap":
        idx = idx.remainder(n) if n else idx
    elif m == "clip":
        idx = idx.clamp(0, max(n - 1, 0))
    elif not t.is_meta:
        low, high = int(idx.min()), int(idx.max())
        if low < -n or high >= n:
            bad = low if low < -n else high
            raise IndexError(
                f"put: index {bad} is out of bounds for a of size {n} (shape {tuple(t.shape)}); "
                f"valid indices are in [{-n}, {n}) (or pass mode='wrap' or mode='clip')"
            )
    idx = torch.where(idx < 0, idx + n, idx)
    vals = _cycled(vals, idx.numel())
    if (idx.numel() > _SERIAL_MAX or not t.is_cpu) and not _increasing(idx):
        idx, vals = _last_wins(idx, vals)
    _flat_write(t, idx, vals)


def _increasing(idx: Tensor) -> bool:
    """Whether the positions are non-negative and strictly increase (then none repeats, even
    counting from the end): one pass, no sort."""
    if idx.numel() < 2:
        return True
    return bool(idx[0] >= 0) and bool((idx[1:] > idx[:-1]).all())


def _last_wins(idx: Tensor, vals: Tensor) -> tuple[Tensor, Tensor]:
    """Each position once, with the value of its last occurrence (NumPy's sequential writes)."""
    order = torch.argsort(idx, stable=True)
    srt = idx[order]
    last = torch.ones_like(srt, dtype=torch.bool)
    last[:-1] = srt[1:] != srt[:-1]
    return srt[last], vals[order][last]


def put_along_axis(arr: Tensor, indices: Any, values: Any, axis: int | None) -> None:
    """``arr`` written in place at ``indices`` along ``axis``, the inverse of
    :func:`take_along_axis`.

    ``indices`` has ``arr``'s rank and broadcasts with it off ``axis``; ``values`` broadcasts
    to ``indices``' shape and is cast to ``arr``'s dtype. Negative indices count from the end.
    ``axis=None`` writes into the flattened ``arr`` with 1-d ``indices``.

    Memory and autograd: writes into ``arr`` (returns None); ``arr`` stays on its autograd
    graph.

    Raises
    ------
    IndexError
        For an index out of range, or indices that do not broadcast with ``arr`` off
        ``axis`` (NumPy's class).
    ValueError
        For ranks that differ, values that do not broadcast to the indices, or a leaf
        ``arr`` that requires grad.
    ValueError, OverflowError, TypeError
        For Python values the dtype cannot hold, as NumPy: NaN into an integer array,
        infinity or an integer out of its range, a complex number into a real array.

    Examples
    --------
    >>> import tbridge as tb
    >>> a = tb.asarray([[10, 30, 20], [60, 40, 50]])
    >>> tb.put_along_axis(a, tb.asarray([[1], [0]]), 99, axis=1)
    >>> a
    tensor([[10, 99, 20],
            [99, 40, 50]])
    """
    caller = "put_along_axis"
    if (
        type(arr) is _Tensor
        and type(indices) is _Tensor
        and type(axis) is int
        and indices.dtype is torch.int64
        and indices.ndim == arr.ndim
        and arr.is_cpu
        and not (arr.requires_grad and arr.is_leaf)
        and arr.dtype not in UNSIGNED_GAPS
        and _same_off_axis(arr, indices, axis)
    ):
        # indices of arr's sizes off the axis: no broadcasting to do, and scatter checks the
        # range on the CPU (negative indices are refused there: the general path wraps them)
        try:
            if type(values) is complex or (
                type(values) in (bool, int, float)
                and (span := _SCALAR_RANGE[arr.dtype])[0] <= values <= span[1]
            ):
                arr.scatter_(axis, indices, values)
                return
            if type(values) is _Tensor and values.dtype is arr.dtype:
                arr.scatter_(axis, indices, values.expand(indices.shape))
                return
        except (RuntimeError, IndexError):
            pass  # negative or out-of-range indices, values that do not broadcast: below
    t = _target(arr, caller, "arr")
    idx = along_indices(indices, caller, flat=axis is None).to(t.device, torch.int64)
    target = t
    if axis is None:
        if not t.is_contiguous():
            raise ValueError(
                f"{caller}: axis=None writes into the flattened arr, which needs a contiguous "
                "arr; pass tb.ascontiguousarray(arr) and read the result from it"
            )
        target, ax = t.view(-1), 0
    elif t.ndim == 0:
        raise axis_error(caller, axis, 0)
    else:
        ax = normalize_axis(axis, t.ndim, caller)
    if idx.ndim != target.ndim:
        raise ValueError(
            f"{caller}: indices must have as many dimensions as arr, got {idx.ndim} and "
            f"{target.ndim}; add axes with expand_dims"
        )
    shape = list(target.shape)
    shape[ax] = idx.shape[ax]
    try:
        idx = idx.expand(shape)
    except RuntimeError as e:
        raise IndexError(  # NumPy's class: its fancy indexing reports the shape mismatch
            f"{caller}: indices of shape {tuple(idx.shape)} do not broadcast with arr of shape "
            f"{tuple(target.shape)} off axis {ax}"
        ) from e
    size = target.shape[ax]
    if idx.numel() and not t.is_meta:
        low, high = int(idx.min()), int(idx.max())
        if low < -size or high >= size:
            bad = low if low < -size else high
            raise IndexError(
                f"{caller}: index {bad} is out of bounds for axis {ax} of size {size}; valid "
                f"indices are in [{-size}, {size})"
            )
    idx = torch.where(idx < 0, idx + size, idx)
    vals = _assigned_values(values, t, caller, "values")
    try:
        vals = vals.expand(shape) if vals.shape != torch.Size(shape) else vals
    except RuntimeError as e:
        raise ValueError(
            f"{caller}: values of shape {tuple(vals.shape)} do not broadcast to the indices' "
            f"shape {tuple(shape)} (arr has shape {tuple(target.shape)}, axis {ax}); pass "
            f"values of a shape that broadcasts to {tuple(shape)}"
        ) from e
    if target.dtype in UNSIGNED_GAPS:
        signed = SIGNED_TWIN[target.dtype]
        target.view(signed).scatter_(ax, idx, vals.contiguous().view(signed))
    else:
        target.scatter_(ax, idx, vals)


def _same_off_axis(arr: Tensor, indices: Tensor, axis: int) -> bool:
    """Whether ``indices`` has ``arr``'s sizes on every axis but ``axis``."""
    a, b = list(arr.shape), list(indices.shape)
    if not -len(a) <= axis < len(a):
        return False
    a[axis] = b[axis]
    return a == b


def place(arr: Tensor, mask: Any, vals: Any) -> None:
    """The entries of ``arr`` where ``mask`` is true take ``vals``' values in turn, in place.

    ``vals`` is cast to ``arr``'s dtype and repeated as needed (its first N values go to the N
    true positions in row-major order). ``mask`` has ``arr``'s size.

    Memory and autograd: writes into ``arr`` (returns None); ``arr`` stays on its graph. The
    number of true entries is read from the data (a synchronization on an accelerator).

    Raises
    ------
    ValueError
        For an empty ``vals`` with true entries in ``mask``, a ``mask`` of another size, or a
        leaf ``arr`` that requires grad.
    TypeError
        For an array ``vals`` that does not cast to ``arr``'s dtype under the "safe" rule.
    ValueError, OverflowError, TypeError
        For Python values the dtype cannot hold, as NumPy: NaN into an integer array,
        infinity or an integer out of its range, a complex number into a real array.

    Examples
    --------
    >>> import tbridge as tb
    >>> a = tb.arange(5)
    >>> tb.place(a, a > 2, [7, 8])
    >>> a
    tensor([0, 1, 2, 7, 8])
    """
    if (
        type(arr) is _Tensor
        and type(mask) is _Tensor
        and type(vals) is _Tensor
        and mask.dtype is torch.bool
        and vals.dtype is arr.dtype
        and mask.shape == arr.shape
    ):
        # enough values for the true entries: NumPy's cycling does not come into play
        try:
            arr.masked_scatter_(mask, vals)
            return
        except (RuntimeError, NotImplementedError):
            pass  # fewer values than true entries, a grad leaf, uint16/32/64: below
    t = _target(arr, "place", "arr")
    m = _mask_of(mask, t, "place", "arr")
    v = _safe_values(vals, t, "place", "vals")
    count = int(m.sum()) if not t.is_meta else 0
    if count == 0:
        return
    if v.numel() == 0:
        raise ValueError("place: vals is empty but mask selects entries; pass values to place")
    fill = _cycled(v, count)
    if t.dtype in UNSIGNED_GAPS:
        signed = SIGNED_TWIN[t.dtype]
        t.view(signed).masked_scatter_(m, fill.view(signed))
    else:
        t.masked_scatter_(m, fill)


def _mask_of(mask: object, t: Tensor, caller: str, name: str) -> Tensor:
    m = _t(mask, caller, "mask")
    if m.numel() != t.numel():
        raise ValueError(
            f"{caller}: mask has {m.numel()} entries but {name} has {t.numel()} (shape "
            f"{tuple(t.shape)}); pass a mask of {name}'s size"
        )
    return m.to(device=t.device, dtype=torch.bool).reshape(t.shape)


def putmask(a: Tensor, /, mask: Any, values: Any) -> None:
    """``a.flat[i] = values.flat[i % len(values)]`` wherever ``mask.flat[i]`` is true, in place.

    Unlike :func:`place`, a position takes the value at its own flat position (``values``
    repeated over the whole array); ``values`` is cast to ``a``'s dtype (an array under the
    "safe" rule), and empty ``values`` write nothing, as in NumPy.

    Memory and autograd: writes into ``a`` (returns None); ``a`` stays on its graph.

    Raises
    ------
    ValueError
        For a ``mask`` of another size, or a leaf ``a`` that requires grad.
    TypeError
        For an array ``values`` that does not cast to ``a``'s dtype under the "safe" rule.
    ValueError, OverflowError, TypeError
        For Python values the dtype cannot hold, as NumPy: NaN into an integer array,
        infinity or an integer out of its range, a complex number into a real array.

    Examples
    --------
    >>> import tbridge as tb
    >>> a = tb.arange(6)
    >>> tb.putmask(a, a > 2, [-1, -2])
    >>> a
    tensor([ 0,  1,  2, -2, -1, -2])
    """
    if (
        type(a) is _Tensor
        and type(mask) is _Tensor
        and type(values) is _Tensor
        and mask.dtype is torch.bool
        and values.dtype is a.dtype
        and mask.shape == a.shape
        and values.shape == a.shape
        and not (a.requires_grad and a.is_leaf)
        and a.dtype not in UNSIGNED_GAPS
    ):
        a.copy_(torch.where(mask, values, a))
        return
    t = _target(a, "putmask")
    m = _mask_of(mask, t, "putmask", "a")
    v = _safe_values(values, t, "putmask", "values")
    if v.numel() == 0:  # nothing to write, as NumPy (place raises here)
        return
    full = _cycled(v, t.numel()).reshape(t.shape)
    if t.dtype in UNSIGNED_GAPS:
        signed = SIGNED_TWIN[t.dtype]
        t.view(signed).copy_(torch.where(m, full.view(signed), t.view(signed)))
    else:
        t.copy_(torch.where(m, full, t))


def fill_diagonal(a: Tensor, val: Any, wrap: bool = False) -> None:
    """The main diagonal of ``a`` set to ``val`` in place (NumPy's ``fill_diagonal``).

    A 2-d ``a`` may be rectangular; a tall one's diagonal restarts below the square block only
    with ``wrap=True``. Beyond 2-d all sizes must be equal (the entries ``a[i, i, ..., i]``).
    An array ``val`` is cast to ``a``'s dtype and repeated along the diagonal.

    Memory and autograd: writes into ``a`` (returns None); ``a`` stays on its graph.

    Raises
    ------
    ValueError
        For an ``a`` of fewer than 2 dimensions, unequal sizes beyond 2-d, or a leaf ``a``
        that requires grad.
    ValueError, OverflowError, TypeError
        For Python values the dtype cannot hold, as NumPy: NaN into an integer array,
        infinity or an integer out of its range, a complex number into a real array.

    Examples
    --------
    >>> import tbridge as tb
    >>> a = tb.zeros((2, 3), tb.int64)
    >>> tb.fill_diagonal(a, 5)
    >>> a
    tensor([[5, 0, 0],
            [0, 5, 0]])
    """
    if (
        type(a) is _Tensor
        and type(val) in (bool, int, float)
        and a.ndim >= 2
        and not (a.requires_grad and a.is_leaf)
        and (span := _SCALAR_RANGE.get(a.dtype)) is not None
        and span[0] <= val <= span[1]
    ):
        try:
            a.fill_diagonal_(val, wrap)  # NumPy's diagonal, tall matrices and N-d alike
            return
        except RuntimeError:
            pass  # unequal sizes beyond 2-d: explained below
    t = _target(a, "fill_diagonal")
    if t.ndim < 2:
        raise ValueError(
            f"fill_diagonal: a has shape {tuple(t.shape)}; it needs at least 2 dimensions"
        )
    n = t.numel()
    if t.ndim == 2:
        step = t.shape[1] + 1
        end = n if wrap else min(n, t.shape[1] * t.shape[1])
    else:
        if len(set(t.shape)) != 1:
            raise ValueError(
                f"fill_diagonal: a has shape {tuple(t.shape)}; beyond 2 dimensions all sizes "
                "must be equal"
            )
        step = 1 + sum(math.prod(t.shape[:i]) for i in range(1, t.ndim))
        end = n
    v = _assigned_values(val, t, "fill_diagonal", "val")  # checked even with no diagonal
    positions = torch.arange(0, end, step, device=t.device)
    if positions.numel() == 0 or v.numel() == 0:
        return
    _flat_write(t, positions, _cycled(v, positions.numel()))


# ---- selecting --------------------------------------------------------------------------------


def choose(a: Any, choices: Any, out: Tensor | None = None, mode: Mode = "raise") -> Tensor:
    """Entries picked from ``choices``: the result at each position is
    ``choices[a[position]][position]`` (all arrays broadcast together).

    ``mode="raise"`` needs each index in ``[0, len(choices))``, ``"wrap"`` wraps it,
    ``"clip"`` clamps it. The choices promote to one dtype by NumPy's table; ``out=`` receives
    the result under the ``same_kind`` rule.

    Memory and autograd: new memory (``out`` when given); stays on the choices' graphs.

    Raises
    ------
    ValueError
        For an index out of range (``mode="raise"``), or shapes that do not broadcast.
    TypeError
        For non-integer ``a``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.choose([0, 1, 0], [[1, 2, 3], [10, 20, 30]])
    tensor([ 1, 20,  3])
    """
    if (
        out is None
        and mode == "raise"
        and type(a) is _Tensor
        and a.dtype is torch.int64
        and (type(choices) is list or type(choices) is tuple)
        and choices
        and a.is_cpu
        and _same_choices(choices, a)
        and values_checkable(a)
    ):
        bounds = torch.aminmax(a) if a.numel() else None
        if bounds is None or (bounds[0].item() >= 0 and bounds[1].item() < len(choices)):
            return torch.gather(torch.stack(choices), 0, a.unsqueeze(0)).squeeze(0)
    m = _check_mode(mode, "choose")
    idx = integer_indices(a, "choose", "a", empty_list=False)
    if isinstance(choices, (Tensor, np.ndarray)):
        opts = list(_t(choices, "choose", "choices").unbind(0))
    elif isinstance(choices, (list, tuple)):
        opts = [_t(c, "choose", f"choices[{i}]") for i, c in enumerate(choices)]
    else:
        raise TypeError(
            f"choose: choices must be a sequence of arrays, got {type(choices).__name__}"
        )
    n = len(opts)
    if n == 0:
        raise ValueError("choose: choices is empty; pass at least one array")
    dt = result_type(*opts)
    try:
        shape = broadcast_shape(idx.shape, *(o.shape for o in opts))
    except RuntimeError as e:
        raise ValueError(
            f"choose: a of shape {tuple(idx.shape)} and the choices "
            f"({', '.join(str(tuple(o.shape)) for o in opts)}) do not broadcast together"
        ) from e
    device = opts[0].device
    idx = idx.to(device, torch.int64)
    if m == "wrap":
        idx = idx.remainder(n)
    elif m == "clip":
        idx = idx.clamp(0, n - 1)
    elif idx.numel() and values_checkable(idx):
        low, high = int(idx.min()), int(idx.max())
        if low < 0 or high >= n:
            raise ValueError(
                f"choose: index {low if low < 0 else high} is out of range for {n} choices; "
                "indices must be in [0, n) (or pass mode='wrap' or mode='clip')"
            )
    stacked = torch.stack([o.to(dt).expand(shape) for o in opts])
    picked = idx.expand(shape).unsqueeze(0)
    if stacked.dtype in UNSIGNED_GAPS:
        result = on_bits(lambda s: torch.gather(s, 0, picked), stacked).squeeze(0)
    else:
        result = torch.gather(stacked, 0, picked).squeeze(0)
    return write_out(result, out, "choose")


def _same_choices(choices: Sequence[Any], a: Tensor) -> bool:
    """Whether the choices are tensors of one dtype, on ``a``'s device, of ``a``'s shape."""
    first = choices[0]
    if type(first) is not _Tensor or first.dtype in UNSIGNED_GAPS:
        return False
    dt, shape = first.dtype, a.shape
    for c in choices:
        if type(c) is not _Tensor or c.dtype is not dt or c.shape != shape or not c.is_cpu:
            return False
    return True


def _sequence(value: object, caller: str, name: str) -> None:
    """Refuse a ``value`` that is not a sequence of arrays (a list, a tuple, or an array with
    one entry per row): None, strings, dicts, other objects."""
    if isinstance(value, (str, bytes)) or not (
        isinstance(value, Sequence) or hasattr(value, "__array__")
    ):
        raise TypeError(
            f"{caller}: {name}={value!r} ({type(value).__name__}) is not a sequence of arrays; "
            "pass a list or tuple of arrays"
        )


def select(condlist: Sequence[Any], choicelist: Sequence[Any], default: Any = 0) -> Tensor:
    """At each position, the entry of the first choice whose condition is true, else
    ``default`` (NumPy's ``select``).

    Conditions must be boolean; conditions, choices and the default broadcast together, and
    the result takes the choices' and default's promoted dtype (Python numbers are weak).

    Memory and autograd: new memory; stays on the choices' and default's graphs.

    Raises
    ------
    ValueError
        For lists of different lengths, or empty ones.
    TypeError
        For a condition that is not boolean.
    OverflowError
        For a Python integer choice or default out of the result dtype's range (NEP 50's
        rule; NumPy 2's ``select`` wraps it around silently).

    Examples
    --------
    >>> import tbridge as tb
    >>> x = tb.arange(6)
    >>> tb.select([x < 2, x > 3], [x, x ** 2], 42)
    tensor([ 0,  1, 42, 42, 16, 25])
    """
    if (
        (type(condlist) is list or type(condlist) is tuple)
        and (type(choicelist) is list or type(choicelist) is tuple)
        and condlist
        and len(condlist) == len(choicelist)
        and type(default) in (bool, int, float)
    ):
        fast = _select_fast(condlist, choicelist, default)
        if fast is not None:
            return fast
    _sequence(condlist, "select", "condlist")
    _sequence(choicelist, "select", "choicelist")
    if len(condlist) != len(choicelist):
        raise ValueError(
            f"select: {len(condlist)} conditions but {len(choicelist)} choices; pass one choice "
            "per condition"
        )
    if not condlist:
        raise ValueError("select: condlist is empty; pass at least one condition")
    conds = [_t(c, "select", f"condlist[{i}]") for i, c in enumerate(condlist)]
    for i, c in enumerate(conds):
        if c.dtype != torch.bool:
            raise TypeError(
                f"select: condlist[{i}] has dtype {c.dtype}; conditions must be boolean arrays"
            )
    items: list[Any] = [
        c if type(c) in (int, float, complex) else _t(c, "select", f"choicelist[{i}]")
        for i, c in enumerate(choicelist)
    ]
    items.append(
        default if type(default) in (int, float, complex) else _t(default, "select", "default")
    )
    arrays = [c for c in items if isinstance(c, Tensor)]
    if arrays:
        dt = result_type(*items)
        device = arrays[0].device
    else:
        dt = as_tensor(items[0], "select", "choicelist[0]").dtype
        dt = result_type(dt, *items)
        device = conds[0].device
    values = [
        c.to(device=device, dtype=dt)
        if isinstance(c, Tensor)
        else scalar_tensor(c, dt, device, "select")  # an integer out of dt's range raises
        for c in items
    ]
    result = values[-1]
    for cond, choice in zip(reversed(conds), reversed(values[:-1]), strict=True):
        result = torch.where(cond.to(device), choice, result)
    shape = broadcast_shape(*(c.shape for c in conds), *(v.shape for v in values))
    return result.expand(shape).clone() if result.shape != shape else result


def _select_fast(
    condlist: Sequence[Any], choicelist: Sequence[Any], default: bool | float
) -> Tensor | None:
    """``select`` of boolean tensors and tensors of one dtype with a Python default that fits
    it: one ``where`` per condition, torch's broadcasting (NumPy's)."""
    dt = getattr(choicelist[0], "dtype", None)
    for c in condlist:
        if type(c) is not _Tensor or c.dtype is not torch.bool:
            return None
    for c in choicelist:
        if type(c) is not _Tensor or c.dtype is not dt:
            return None
    assert dt is not None
    if dt in UNSIGNED_GAPS or result_type(dt, default) != dt:
        return None
    try:
        result = torch.where(condlist[-1], choicelist[-1], default)
    except RuntimeError:
        return None  # a default out of dt's range: the general path explains it
    for cond, choice in zip(condlist[-2::-1], choicelist[-2::-1], strict=True):
        result = torch.where(cond, choice, result)
    return result


def piecewise(
    x: Any,
    condlist: Any,
    funclist: Sequence[Callable[..., Any] | Any],
    *args: Any,
    **kw: Any,
) -> Tensor:
    """A function defined piece by piece: where ``condlist[i]`` is true, ``funclist[i]``
    applied to those entries of ``x`` (or a constant).

    One more function than conditions gives the value where no condition holds; elsewhere the
    result is 0. Later pieces overwrite earlier ones where conditions overlap. ``args`` and
    ``kw`` go to every function. The result has ``x``'s shape and dtype.

    Memory and autograd: new memory; stays on ``x``'s graph through the functions' results.

    Small float32/float64 data on the CPU off the autograd graph, with conditions that are
    bool tensors of its shape, has its pieces picked and written through NumPy views of it
    (the same pieces, values and function calls, without torch's masked_select); other calls
    run on the data's device.

    Raises
    ------
    ValueError
        For a number of functions other than ``len(condlist)`` or ``len(condlist) + 1``, or a
        condition that does not broadcast to ``x``'s shape.

    Examples
    --------
    >>> import tbridge as tb
    >>> x = tb.linspace(-2.0, 2.0, 5)
    >>> tb.piecewise(x, [x < 0, x >= 0], [lambda v: -v, lambda v: v * 10])
    tensor([ 2.,  1.,  0., 10., 20.], dtype=torch.float64)
    """
    t = _t(x, "piecewise", "x")
    if (
        isinstance(condlist, (bool, np.bool_))
        or (isinstance(condlist, (Tensor, np.ndarray)) and condlist.ndim == t.ndim and t.ndim != 0)
        or (
            isinstance(condlist, (list, tuple))
            and condlist
            and t.ndim != 0
            and not isinstance(condlist[0], (list, tuple, Tensor, np.ndarray))
        )
    ):
        condlist = [condlist]
    if (y := _piecewise_on_host(t, condlist, funclist, args, kw)) is not None:
        return y
    conds = [_condition(c, t, i) for i, c in enumerate(condlist)]
    n, nf = len(conds), len(funclist)
    if nf == n + 1:
        other = ~torch.stack(conds).any(0) if conds else torch.ones_like(t, dtype=torch.bool)
        conds.append(other)
    elif nf != n:
        raise _piece_count_error(n, nf)
    # y is new memory: the pieces are written into it in place
    y = torch.zeros_like(t)
    for cond, func in zip(conds, funclist, strict=True):
        count = -1
        if callable(func):
            picked = torch.masked_select(t, cond)  # x[cond]: the piece, in row-major order
            count = picked.numel()
            if count == 0:
                continue
            value = func(picked, *args, **kw)
        else:
            value = func
        _write_piece(y, cond, value, count, t)
    return y


def _piece_count_error(n: int, nf: int) -> ValueError:
    return ValueError(
        f"piecewise: with {n} condition(s), either {n} or {n + 1} functions are expected, got {nf}"
    )


def _write_piece(y: Tensor, cond: Tensor, value: Any, count: int, t: Tensor) -> None:
    """Write a piece's ``value`` into ``y`` where ``cond`` holds: a Python scalar, or
    ``count`` values (a function's result on the piece) or values that broadcast to it."""
    if type(value) in _PY_SCALARS:
        y.masked_fill_(cond, value)
        return
    v = value if type(value) is _Tensor else _t(value, "piecewise", "a function's result")
    if v.dtype is not t.dtype or v.device != t.device:
        v = v.to(device=t.device, dtype=t.dtype)
    # one value per entry of the piece, or NumPy's broadcasting (a constant, one value)
    if v.numel() == count:
        y.masked_scatter_(cond, v)
    else:
        y.index_put_((cond,), v)


#: Up to this many elements, piecewise on CPU float data off the autograd graph picks its
#: pieces (and writes the common kinds of values) through NumPy views: a boolean index costs
#: a fraction of torch's masked_select, which counts the selected entries first.
_HOST_PIECEWISE_MAX: Final = 1 << 16
_HOST_PIECEWISE_DTYPES: Final = frozenset({np.dtype(np.float64), np.dtype(np.float32)})
_F8: Final = np.dtype(np.float64)
_BOOL: Final = np.dtype(np.bool_)
_from_numpy: Final = torch.from_numpy


def _piecewise_on_host(
    t: Tensor,
    condlist: object,
    funclist: Sequence[Callable[..., Any] | Any],
    args: tuple[Any, ...],
    kw: dict[str, Any],
) -> Tensor | None:
    """:func:`piecewise` through NumPy views, where ``t`` is a float32/float64 CPU tensor
    (1-d or more, at most ``_HOST_PIECEWISE_MAX`` elements) off the autograd graph, outside
    torch.compile, and every condition a CPU bool tensor of its shape; None otherwise (before
    any function is called: the general path's turn). Each piece is ``x[cond]`` by NumPy's
    boolean index, its function gets it as a tensor, and a float (float64 data) or a CPU
    tensor of the piece's values and dtype off the graph is written through the result's
    NumPy view; any other value by :func:`_write_piece`, as the general path writes it (and
    every later one, once the result is on an autograd graph)."""
    if is_dynamo_compiling() or not isinstance(condlist, (list, tuple)):
        return None
    try:
        xn = t.numpy()  # refuses other devices, autograd graphs, neg bits
        masks = [c.numpy() for c in condlist if type(c) is _Tensor]
    except (TypeError, RuntimeError):
        return None
    shape = xn.shape
    if (
        xn.dtype not in _HOST_PIECEWISE_DTYPES
        or not 0 < xn.size <= _HOST_PIECEWISE_MAX
        or len(masks) != len(condlist)
    ):
        return None
    for m in masks:
        if m.dtype is not _BOOL or m.shape != shape:
            return None
    n, nf = len(masks), len(funclist)
    if nf == n + 1:
        if masks:
            other = masks[0].copy()
            for m in masks[1:]:
                np.logical_or(other, m, out=other)
            np.logical_not(other, out=other)
        else:
            other = np.ones(shape, dtype=np.bool_)
        masks.append(other)
    elif nf != n:
        raise _piece_count_error(n, nf)
    # y is new memory: the pieces are written into it in place (as torch.zeros_like, it keeps
    # t's strides)
    if t.is_contiguous():
        yn: NDArray | None = np.zeros(shape, xn.dtype)
        y = _from_numpy(yn)
    else:
        y = torch.zeros_like(t)
        yn = y.numpy()
    floats = xn.dtype is _F8
    for mask, func in zip(masks, funclist, strict=True):
        count = -1
        if callable(func):
            piece = xn[mask]  # x[cond]: the piece, in row-major order (new memory)
            count = piece.size
            if count == 0:
                continue
            value = (
                func(_from_numpy(piece), *args, **kw) if args or kw else func(_from_numpy(piece))
            )
        else:
            value = func
        if yn is not None:
            if type(value) is _Tensor:
                try:
                    vn = value.numpy()  # refuses other devices, graphs, neg bits
                except (TypeError, RuntimeError):
                    vn = None
                if vn is not None and vn.dtype is xn.dtype and vn.size == count:
                    yn[mask] = vn if vn.ndim == 1 else vn.reshape(-1)
                    continue
            elif floats and type(value) is float:
                yn[mask] = value
                continue
        _write_piece(y, _from_numpy(mask), value, count, t)
        if y.requires_grad:
            yn = None  # the result is on a graph: torch writes the rest
    return y


def _condition(c: object, t: Tensor, i: int) -> Tensor:
    """Condition ``i`` as a boolean tensor of ``t``'s shape on its device."""
    if type(c) is _Tensor and c.dtype is torch.bool and c.shape == t.shape and c.device == t.device:
        return c
    cond = _t(c, "piecewise", f"condlist[{i}]")
    if cond.dtype is not torch.bool or cond.device != t.device:
        cond = cond.to(device=t.device, dtype=torch.bool)
    if cond.shape == t.shape:
        return cond
    try:
        return cond.expand(t.shape)
    except RuntimeError as e:
        raise ValueError(
            f"piecewise: condlist[{i}] of shape {tuple(cond.shape)} does not broadcast to x's "
            f"shape {tuple(t.shape)}; pass conditions of x's shape"
        ) from e


def compress(condition: Any, a: Any, axis: int | None = None, out: Tensor | None = None) -> Tensor:
    """The slices of ``a`` along ``axis`` (of the flattened ``a`` when ``None``) where the 1-d
    ``condition`` is true; a shorter ``condition`` leaves the rest out, and a 0-d ``a`` counts
    as 1-d along any ``axis``, as in NumPy.

    Memory and autograd: new memory (``out`` when given); stays on ``a``'s autograd graph.

    Raises
    ------
    ValueError
        For a ``condition`` that is not 1-d.
    IndexError
        For a ``condition`` longer than the axis with a true entry beyond it.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.compress([False, True, True], tb.asarray([[1, 2], [3, 4], [5, 6]]), axis=0)
    tensor([[3, 4],
            [5, 6]])
    """
    if (
        out is None
        and type(a) is _Tensor
        and type(condition) is _Tensor
        and condition.dtype is torch.bool
        and type(axis) is int
        and condition.ndim == 1
        and a.ndim > axis >= 0
        and condition.shape[0] == a.shape[axis]
        and a.dtype not in UNSIGNED_GAPS
    ):
        return a[(slice(None),) * axis + (condition,)]
    t = _t(a, "compress", "a")
    c = _t(condition, "compress", "condition")
    if c.ndim != 1:
        raise ValueError(f"compress: condition must be 1-d, got shape {tuple(c.shape)}")
    if axis is None or t.ndim == 0:  # NumPy reads a 0-d a as 1-d along any axis
        ax = 0 if axis is None else normalize_axis(axis, 1, "compress")
        t = t.reshape(-1)
    else:
        ax = normalize_axis(axis, t.ndim, "compress")
    kept = torch.nonzero(c).reshape(-1)  # on the condition's device, where its values are
    size = t.shape[ax]
    if kept.numel() and int(kept[-1]) >= size:
        raise IndexError(
            f"compress: condition has a true entry at {int(kept[-1])}, beyond axis {ax} of "
            f"size {size}"
        )
    kept = kept.to(t.device)
    if t.dtype in UNSIGNED_GAPS:
        result = on_bits(lambda u: torch.index_select(u, ax, kept), t)
    else:
        result = torch.index_select(t, ax, kept)
    return write_out(result, out, "compress")


def extract(condition: Any, arr: Any) -> Tensor:
    """The entries of ``arr`` where ``condition`` is non-zero, flattened (row-major order).

    Memory and autograd: new memory; stays on ``arr``'s autograd graph.

    Raises
    ------
    ValueError
        For a ``condition`` of another size than ``arr``.

    Examples
    --------
    >>> import tbridge as tb
    >>> x = tb.arange(6)
    >>> tb.extract(x % 2 == 0, x)
    tensor([0, 2, 4])
    """
    if (
        type(arr) is _Tensor
        and type(condition) is _Tensor
        and condition.dtype is torch.bool
        and condition.shape == arr.shape
        and arr.dtype not in UNSIGNED_GAPS
        and arr.ndim
    ):
        return arr[condition]  # the true entries in row-major order, as NumPy's nonzero
    t = _t(arr, "extract", "arr")
    c = _t(condition, "extract", "condition")
    if c.numel() != t.numel():
        raise ValueError(
            f"extract: condition has {c.numel()} entries but arr has {t.numel()}; pass a "
            "condition of arr's size"
        )
    kept = torch.nonzero(c.reshape(-1) != 0).reshape(-1).to(t.device)
    flat = t.reshape(-1)
    if flat.dtype in UNSIGNED_GAPS:
        return on_bits(lambda u: torch.index_select(u, 0, kept), flat)
    return torch.index_select(flat, 0, kept)


# ---- index arithmetic ------------------------------------------------------------------------


def unravel_index(
    indices: Any, shape: SupportsIndex | Sequence[SupportsIndex], order: Literal["C", "F"] = "C"
) -> tuple[Tensor, ...]:
    """Flat indices into an array of ``shape`` as a tuple of coordinate arrays.

    ``order="C"`` reads row-major flat indices, ``"F"`` column-major ones. Each coordinate
    array has ``indices``' shape and dtype int64.

    Memory and autograd: new memory; integer results are not on any autograd graph.

    Raises
    ------
    ValueError
        For an index outside ``[0, prod(shape))``, or a negative size.
    TypeError
        For non-integer indices.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.unravel_index([5, 7], (2, 4))
    (tensor([1, 1]), tensor([1, 3]))
    """
    dims = shape_arg(shape, "unravel_index")
    if order not in ("C", "F"):
        raise ValueError(f"unravel_index: order={order!r}; pass 'C' or 'F'")
    idx = integer_indices(indices, "unravel_index", empty_list=False).to(torch.int64)
    if any(d < 0 for d in dims):
        raise ValueError(f"unravel_index: shape {dims} has a negative size")
    total = math.prod(dims)
    if idx.numel() and values_checkable(idx):
        low, high = int(idx.min()), int(idx.max())
        if low < 0 or high >= total:
            raise ValueError(
                f"unravel_index: index {low if low < 0 else high} is out of bounds for an array "
                f"of size {total} (shape {dims}); valid indices are in [0, {total})"
            )
    if order == "C":
        return _unravel(idx, dims)
    return tuple(reversed(_unravel(idx, dims[::-1])))


def ravel_multi_index(
    multi_index: Sequence[Any],
    dims: Sequence[SupportsIndex],
    mode: Mode | Sequence[Mode] = "raise",
    order: Literal["C", "F"] = "C",
) -> Tensor:
    """Coordinate arrays into an array of shape ``dims`` as flat indices (int64).

    ``mode`` (one for all axes, or one per axis): ``"raise"`` refuses coordinates out of range,
    ``"wrap"`` wraps them, ``"clip"`` clamps them. ``order="F"`` gives column-major indices.

    Memory and autograd: new memory; not on any autograd graph.

    Raises
    ------
    ValueError
        For a coordinate out of range (``mode="raise"``), a count of coordinate arrays other
        than ``len(dims)``, or coordinates into ``dims`` with a size 0 (in every mode, as NumPy).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.ravel_multi_index(([1, 1], [1, 3]), (2, 4))
    tensor([5, 7])
    """
    if (
        mode == "raise"
        and order == "C"
        and type(dims) is tuple
        and (type(multi_index) is tuple or type(multi_index) is list)
        and len(multi_index) == len(dims) > 1
    ):
        fast = _ravel_fast(multi_index, dims)
        if fast is not None:
            return fast
    _sequence(multi_index, "ravel_multi_index", "multi_index")
    shape = shape_arg(dims, "ravel_multi_index", "dims")
    coords = [
        integer_indices(c, "ravel_multi_index", f"multi_index[{i}]", empty_list=False)
        for i, c in enumerate(multi_index)
    ]
    if len(coords) != len(shape):
        raise ValueError(
            f"ravel_multi_index: {len(coords)} coordinate arrays for {len(shape)} dimensions; "
            "pass one per dimension"
        )
    modes = [mode] * len(shape) if isinstance(mode, str) else list(mode)
    if len(modes) != len(shape):
        raise ValueError(f"ravel_multi_index: {len(modes)} modes for {len(shape)} dimensions")
    if order not in ("C", "F"):
        raise ValueError(f"ravel_multi_index: order={order!r}; pass 'C' or 'F'")
    if not coords:
        return torch.zeros((), dtype=torch.int64)
    common = broadcast_shape(*(c.shape for c in coords))
    if 0 in shape and 0 not in common:  # NumPy refuses it in every mode
        raise ValueError(
            f"ravel_multi_index: dims={shape} has a size 0, so no coordinate names an entry; "
            "pass dims of positive sizes"
        )
    fixed = []
    for i, (given, d, how) in enumerate(zip(coords, shape, modes, strict=True)):
        c = given.to(torch.int64)
        m = _check_mode(how, "ravel_multi_index")
        if m == "wrap":
            c = c.remainder(d) if d else c
        elif m == "clip":
            c = c.clamp(0, max(d - 1, 0))
        elif c.numel() and values_checkable(c):
            low, high = int(c.min()), int(c.max())
            if low < 0 or high >= d:
                raise ValueError(
                    f"ravel_multi_index: coordinate {low if low < 0 else high} in "
                    f"multi_index[{i}] is out of bounds for dimension {i} of size {d}"
                )
        fixed.append(c)
    axes = range(len(shape)) if order == "F" else range(len(shape) - 1, -1, -1)
    flat = torch.zeros(common, dtype=torch.int64, device=fixed[0].device)
    stride = 1
    for i in axes:
        flat = flat + fixed[i] * stride
        stride *= shape[i]
    return flat


def _ravel_fast(multi_index: Sequence[Any], dims: tuple[Any, ...]) -> Tensor | None:
    """Row-major flat indices of int64 CPU coordinate tensors of one shape, range-checked in
    one reduction."""
    first = multi_index[0]
    if type(first) is not _Tensor or not first.is_cpu or first.numel() == 0:
        return None
    if not values_checkable(first):
        return None  # traced: the general path checks nothing
    for c in multi_index:
        if type(c) is not _Tensor or c.dtype is not torch.int64 or c.shape != first.shape:
            return None
    for d in dims:
        if type(d) is not int:
            return None
    small = first.ndim == 1 and first.shape[0] <= _HOST_READ_MAX
    for c, d in zip(multi_index, dims, strict=True):
        if small:  # a few values: read as Python numbers, no reduction kernels
            values = c.tolist()
            low, high = min(values), max(values)
        else:
            lo, hi = torch.aminmax(c)
            low, high = lo.item(), hi.item()
        if low < 0 or high >= d:
            return None  # the general path names the coordinate
    flat: Tensor = multi_index[-1]
    stride = 1
    for c, inner in zip(multi_index[-2::-1], dims[:0:-1], strict=True):
        stride *= inner
        flat = torch.add(flat, c, alpha=stride)
    return flat


def indices(
    dimensions: Sequence[SupportsIndex],
    dtype: DTypeLike = int,
    sparse: bool = False,
) -> Tensor | tuple[Tensor, ...]:
    """The index grid of an array of shape ``dimensions``: ``out[k][i0, i1, ...] = ik``.

    Dense (the default): one array of shape ``(len(dimensions), *dimensions)``. ``sparse=True``
    gives a tuple of arrays that broadcast to the grid (size 1 off their own axis).

    Memory and autograd: new memory (sparse: small views of one ``arange`` each).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.indices((2, 3))[1]
    tensor([[0, 1, 2],
            [0, 1, 2]])
    """
    dims = shape_arg(dimensions, "indices", "dimensions")
    dt = torch_dtype(dtype, caller="indices")
    n = len(dims)
    if not sparse and dt is torch.int64:
        grid = _small_grid(dims)
        if grid is not None:
            return grid
    for d in dims:
        if d < 0:
            raise ValueError(f"indices: negative size {d} in dimensions {dims}")
    if not sparse:  # NumPy's check: one (n, *dims) array holds the grid
        check_size((n, *dims), dt, "indices", "dimensions")
    try:
        parts = []
        for i, d in enumerate(dims):
            view = [1] * n
            view[i] = d
            if dt in _ARANGE_DTYPES:
                parts.append(torch.arange(d, dtype=dt).view(view))
            else:  # torch has no arange kernel for bool and uint16/32/64 (pytorch#58734)
                parts.append(torch.arange(d).to(dt).view(view))
        if sparse:
            return tuple(parts)
        if not parts:
            return torch.empty((0,), dtype=dt)
        return torch.stack([p.expand(dims) for p in parts])
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        # sparse: one axis's arange failed (torch's message has its size)
        raise_for_size(e, "indices", None if sparse else (n, *dims), dt, "dimensions")
        raise


def ix_(*args: Any) -> tuple[Tensor, ...]:
    """An open mesh from 1-d sequences: arrays shaped to broadcast against one another, for
    indexing the cross product (``x[tb.ix_(rows, cols)]``). Boolean sequences become the
    positions of their true entries.

    Memory and autograd: views of the inputs (boolean inputs: new memory).

    Raises
    ------
    ValueError
        For an input that is not 1-d.

    Examples
    --------
    >>> import tbridge as tb
    >>> [t.shape for t in tb.ix_([0, 1], [2, 4, 5])]
    [torch.Size([2, 1]), torch.Size([1, 3])]
    """
    n = len(args)
    if n == 2:  # the common call: rows and columns as tensors
        r, c = args
        if (
            type(r) is _Tensor
            and type(c) is _Tensor
            and r.ndim == 1
            and c.ndim == 1
            and r.dtype is not torch.bool
            and c.dtype is not torch.bool
        ):
            return r.view(-1, 1), c.view(1, -1)
    out = []
    for i, a in enumerate(args):
        if type(a) is _Tensor:
            t = a
        elif isinstance(a, (list, tuple)) and len(a) == 0:
            t = torch.empty(0, dtype=torch.int64)
        else:
            t = _t(a, "ix_", f"args[{i}]")
        if t.ndim != 1:
            raise ValueError(f"ix_: args[{i}] has shape {tuple(t.shape)}; each input must be 1-d")
        if t.dtype == torch.bool:
            t = torch.nonzero(t).reshape(-1)
        view = [1] * n
        view[i] = t.shape[0]
        out.append(t.reshape(view))
    return tuple(out)


#: up to this many points, a dense int64 index grid is read off one nonzero kernel (fewer
#: calls than an arange, view and expand per axis and a stack).
_SMALL_GRID: Final = 4096


def _small_grid(dims: tuple[int, ...]) -> Tensor | None:
    """The dense int64 index grid of non-negative ``dims`` (``(len(dims), *dims)``) when it is
    small (None otherwise): the coordinates of every position in row-major order, as
    ``nonzero`` lists them, one row per axis."""
    if not dims or math.prod(dims) > _SMALL_GRID or min(dims) < 0:
        return None
    found = torch.ones(dims, dtype=torch.bool).nonzero()
    return found.T.reshape((len(dims), *dims))


def _grid_length(key: slice, caller: str) -> int:
    """The number of points of one axis of a grid (see :func:`_grid_column`)."""
    start = 0 if key.start is None else key.start
    stop = key.stop
    step = 1 if key.step is None else key.step
    if stop is None:
        raise ValueError(f"{caller}: a slice needs a stop, e.g. {caller}[0:5]")
    if isinstance(step, complex):
        return int(abs(step))
    if step == 0:  # NumPy's class: its length divides by the step
        raise ZeroDivisionError(
            f"{caller}: a slice step of 0 never reaches the stop; pass a non-zero step"
        )
    points: int = max(0, math.ceil((stop - start) / step))
    return points


def _grid_column(key: slice, caller: str, floating: bool) -> Tensor:
    """One axis of a grid: NumPy's ``start + i * step`` (``num`` points from start to stop
    inclusive for an imaginary step), int64 unless some axis is floating."""
    start = 0 if key.start is None else key.start
    stop = key.stop
    step = 1 if key.step is None else key.step
    size = _grid_length(key, caller)
    dt = torch.float64 if floating else torch.int64
    try:
        if isinstance(step, complex):
            delta = (stop - start) / (size - 1 if size > 1 else 1)
            return torch.add(torch.arange(size, dtype=torch.float64).mul_(delta), start)
        if not floating:  # torch refuses a step away from the stop: NumPy's grid is empty
            return torch.arange(start, stop, step) if size else torch.empty(0, dtype=dt)
        return torch.add(torch.arange(size, dtype=torch.float64).mul_(step), start)
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        raise_for_size(e, caller, size, dt, "slice")
        raise


def _is_floating(key: slice) -> bool:
    return (
        isinstance(key.step, complex)
        or isinstance(key.start, float)
        or isinstance(key.stop, float)
        or isinstance(key.step, float)
    )


class _Grid:
    """``mgrid``/``ogrid``: NumPy's index tricks, indexed with slices."""

    def __init__(self, sparse: bool, name: str) -> None:
        self.sparse = sparse
        self.name = name

    def __repr__(self) -> str:
        return f"tbridge.{self.name}"

    def __getitem__(self, key: slice | tuple[slice, ...]) -> Tensor | tuple[Tensor, ...]:
        given: object = key
        if isinstance(given, slice):
            return _grid_column(given, self.name, _is_floating(given))
        if not isinstance(given, tuple) or not all(isinstance(k, slice) for k in given):
            raise TypeError(f"{self.name}: index with slices, e.g. {self.name}[0:3, 0:4]")
        floating = any(_is_floating(k) for k in given)
        if not self.sparse and not floating:
            # from 0 by 1 (the common spelling): NumPy's indices of the stops
            stops = tuple(k.stop for k in given)
            if all(
                type(e) is int and k.start in (None, 0) and k.step in (None, 1)
                for e, k in zip(stops, given, strict=True)
            ):
                grid = _small_grid(stops)
                if grid is not None:
                    return grid
        n = len(given)
        dt = torch.float64 if floating else torch.int64
        if not self.sparse:  # NumPy's check: one (n, *sizes) array holds the grid
            check_size((n, *(_grid_length(k, self.name) for k in given)), dt, self.name, "slice")
        shaped = []
        for i, k in enumerate(given):
            column = _grid_column(k, self.name, floating)
            view = [1] * n
            view[i] = column.shape[0]
            shaped.append(column.view(*view))
        if self.sparse:
            return tuple(shaped)
        sizes = [s.shape[i] for i, s in enumerate(shaped)]
        try:
            return torch.stack([s.expand(sizes) for s in shaped])
        except RuntimeError as e:  # no memory for it
            raise_for_size(e, self.name, (n, *sizes), dt, "slice")
            raise


class _DenseGrid(_Grid):
    """A dense index grid, indexed with slices (NumPy's ``mgrid``).

    ``tb.mgrid[0:2, 0:3]`` is an array of shape ``(2, 2, 3)``: one coordinate array per slice,
    stacked. An imaginary step ``5j`` asks for 5 points with the stop included. Integer slices
    give int64, any float or imaginary step float64.

    Memory and autograd: new memory, on the CPU.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.mgrid[0:2, 0:3][1]
    tensor([[0, 1, 2],
            [0, 1, 2]])
    """


class _OpenGrid(_Grid):
    """An open index grid, indexed with slices (NumPy's ``ogrid``).

    ``tb.ogrid[0:2, 0:3]`` is a tuple of arrays of shapes ``(2, 1)`` and ``(1, 3)`` that
    broadcast to the dense grid; steps work as in :data:`mgrid`.

    Memory and autograd: new memory, on the CPU.

    Examples
    --------
    >>> import tbridge as tb
    >>> [t.shape for t in tb.ogrid[0:2, 0:3]]
    [torch.Size([2, 1]), torch.Size([1, 3])]
    """


mgrid: Final = _DenseGrid(sparse=False, name="mgrid")
ogrid: Final = _OpenGrid(sparse=True, name="ogrid")


def diag_indices(n: int, ndim: int = 2) -> tuple[Tensor, ...]:
    """The indices of the main diagonal of an ``(n, n, ..., n)`` array: ``ndim`` copies of
    ``arange(n)``.

    Memory and autograd: one new int64 array, the same object ``ndim`` times (as NumPy).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.diag_indices(2)
    (tensor([0, 1]), tensor([0, 1]))
    """
    size = n if type(n) is int else _integer(n, "diag_indices", "n")
    if size < 0:
        raise ValueError(f"diag_indices: n={n} must be >= 0")
    try:
        idx = torch.arange(size)
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        raise_for_size(e, "diag_indices", size, torch.int64, "n")
        raise
    return (idx,) * (ndim if type(ndim) is int else _integer(ndim, "diag_indices", "ndim"))


def _integer(value: object, caller: str, name: str) -> int:
    """``value`` as a Python int (anything with ``__index__``), else a TypeError naming it."""
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError as e:
        raise TypeError(
            f"{caller}: {name}={value!r} ({type(value).__name__}) is not an integer; pass an int"
        ) from e


def diag_indices_from(arr: Any) -> tuple[Tensor, ...]:
    """The indices of the main diagonal of ``arr`` (at least 2-d, all sizes equal).

    Memory and autograd: new int64 arrays on ``arr``'s device.

    Raises
    ------
    ValueError
        For fewer than 2 dimensions or unequal sizes.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.diag_indices_from(tb.zeros((2, 2)))
    (tensor([0, 1]), tensor([0, 1]))
    """
    if type(arr) is _Tensor and arr.ndim == 2 and arr.is_cpu and arr.shape[0] == arr.shape[1]:
        idx = torch.arange(arr.shape[0])  # the common call: a square matrix on the CPU
        return (idx, idx)
    t = _t(arr, "diag_indices_from", "arr")
    if t.ndim < 2:
        raise ValueError(
            f"diag_indices_from: arr has shape {tuple(t.shape)}; it needs at least 2 dimensions"
        )
    if len(set(t.shape)) != 1:
        raise ValueError(
            f"diag_indices_from: arr has shape {tuple(t.shape)}; all sizes must be equal"
        )
    idx = torch.arange(t.shape[0], device=t.device)
    return (idx,) * t.ndim


def _triangle_indices(
    fn: Callable[..., Tensor],
    caller: str,
    n: int,
    k: int,
    m: int | None,
    device: torch.device = CPU,
) -> tuple[Tensor, Tensor]:
    if type(n) is int and type(k) is int and n >= 0 and (m is None or (type(m) is int and m >= 0)):
        # NumPy returns a tuple of two arrays: unbind is the cheapest way to one
        cols = n if m is None else m
        try:
            found = fn(n, cols, k) if device is CPU else fn(n, cols, k, device=device)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            _triangle_refused(e, caller, n, cols, k)
            raise
        return found.unbind(0)  # type: ignore[return-value]
    rows = _integer(n, caller, "n")
    cols = rows if m is None else _integer(m, caller, "m")
    if isinstance(k, bool) or not hasattr(k, "__index__"):
        raise TypeError(f"{caller}: k={k!r} is not an integer; pass the diagonal's offset")
    if rows < 0 or cols < 0:
        raise ValueError(f"{caller}: sizes n={rows}, m={cols} must be >= 0")
    diagonal = operator.index(k)
    try:
        return fn(rows, cols, diagonal, device=device).unbind(0)  # type: ignore[return-value]
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        _triangle_refused(e, caller, rows, cols, diagonal)
        raise


def _below(n: int, m: int, k: int) -> int:
    """How many positions ``(i, j)`` of an ``n x m`` array have ``j - i <= k``: row ``i``
    holds ``clip(i + k + 1, 0, m)`` of them, summed in closed form."""

    def ramp(x: int) -> int:  # sum of clip(t, 0, m) for t = 1 .. x
        if x <= 0:
            return 0
        if x <= m:
            return x * (x + 1) // 2
        return m * (m + 1) // 2 + (x - m) * m

    return ramp(k + n) - ramp(k)


def _triangle_refused(e: BaseException, caller: str, n: int, m: int, k: int) -> None:
    """NumPy's error for torch's refusal to make a triangle's ``(2, count)`` indices."""
    count = _below(n, m, k) if caller == "tril_indices" else n * m - _below(n, m, k - 1)
    raise_for_size(e, caller, (2, count), torch.int64, "n or m")


def tril_indices(n: int, k: int = 0, m: int | None = None) -> tuple[Tensor, Tensor]:
    """Row and column indices of the lower triangle (at and below diagonal ``k``) of an
    ``n x m`` array, in row-major order.

    Memory and autograd: new int64 arrays.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.tril_indices(2)
    (tensor([0, 1, 1]), tensor([0, 0, 1]))
    """
    if m is None and type(n) is int and type(k) is int and n >= 0:  # the common call
        try:
            return torch.tril_indices(n, n, k).unbind(0)  # type: ignore[return-value]
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            _triangle_refused(e, "tril_indices", n, n, k)
            raise
    return _triangle_indices(torch.tril_indices, "tril_indices", n, k, m)


def triu_indices(n: int, k: int = 0, m: int | None = None) -> tuple[Tensor, Tensor]:
    """Row and column indices of the upper triangle (at and above diagonal ``k``) of an
    ``n x m`` array, in row-major order.

    Memory and autograd: new int64 arrays.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.triu_indices(2)
    (tensor([0, 0, 1]), tensor([0, 1, 1]))
    """
    if m is None and type(n) is int and type(k) is int and n >= 0:  # the common call
        try:
            return torch.triu_indices(n, n, k).unbind(0)  # type: ignore[return-value]
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            _triangle_refused(e, "triu_indices", n, n, k)
            raise
    return _triangle_indices(torch.triu_indices, "triu_indices", n, k, m)


def _from(arr: Any, caller: str) -> Tensor:
    if type(arr) is _Tensor and arr.ndim == 2:
        return arr
    t = _t(arr, caller, "arr")
    if t.ndim != 2:
        raise ValueError(f"{caller}: arr has shape {tuple(t.shape)}; it must be 2-d")
    return t


def tril_indices_from(arr: Any, k: int = 0) -> tuple[Tensor, Tensor]:
    """:func:`tril_indices` for the shape of a 2-d ``arr``.

    Memory and autograd: new int64 arrays, on ``arr``'s device.

    Raises
    ------
    ValueError
        For an ``arr`` that is not 2-d.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.tril_indices_from(tb.zeros((2, 3)), 1)
    (tensor([0, 0, 1, 1, 1]), tensor([0, 1, 0, 1, 2]))
    """
    t = _from(arr, "tril_indices_from")
    if type(k) is int and t.is_cpu:  # the common call
        return torch.tril_indices(t.shape[0], t.shape[1], k).unbind(0)  # type: ignore[return-value]
    return _triangle_indices(
        torch.tril_indices, "tril_indices_from", t.shape[0], k, t.shape[1], t.device
    )


def triu_indices_from(arr: Any, k: int = 0) -> tuple[Tensor, Tensor]:
    """:func:`triu_indices` for the shape of a 2-d ``arr``.

    Memory and autograd: new int64 arrays, on ``arr``'s device.

    Raises
    ------
    ValueError
        For an ``arr`` that is not 2-d.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.triu_indices_from(tb.zeros((2, 3)))
    (tensor([0, 0, 0, 1, 1]), tensor([0, 1, 2, 1, 2]))
    """
    t = _from(arr, "triu_indices_from")
    if type(k) is int and t.is_cpu:  # the common call
        return torch.triu_indices(t.shape[0], t.shape[1], k).unbind(0)  # type: ignore[return-value]
    return _triangle_indices(
        torch.triu_indices, "triu_indices_from", t.shape[0], k, t.shape[1], t.device
    )


# ---- copyto -----------------------------------------------------------------------------------

#: The dtype that stands for a Python scalar's kind when its cast is checked (NumPy 2 reads
#: Python scalars as weak: only their kind counts under same_kind and safe).
_WEAK_KIND: Final = {
    bool: torch.bool,
    int: torch.int64,
    float: torch.float64,
    complex: torch.complex128,
}
_CASTINGS: Final = ("no", "equiv", "safe", "same_kind", "unsafe")


def copyto(dst: Tensor, src: Any, casting: Casting = "same_kind", where: Any = True) -> None:
    """Write ``src`` into ``dst`` in place, broadcast to ``dst``'s shape, where ``where`` holds.

    ``casting`` is NumPy's rule for ``src``'s dtype to ``dst``'s ("same_kind" by default:
    float64 into float32 is allowed, float into int is not); a Python scalar counts by its
    kind only (NumPy 2's weak scalars) except under "no" and "equiv". ``where`` is a bool
    array broadcast to ``dst``: the other entries keep their values.

    Memory and autograd: writes into ``dst``'s memory (its views see the change); ``dst``
    stays on the autograd graph and joins ``src``'s (a leaf that requires grad is refused, as
    for ``out=``).

    Raises
    ------
    TypeError
        For a ``dst`` that is not a tensor, a cast ``casting`` forbids, or a ``where`` that is
        not bool.
    ValueError
        For a ``src`` or ``where`` that does not broadcast to ``dst``, a ``src`` on another
        device, an unknown ``casting``, or a ``dst`` that is a leaf requiring grad.

    Examples
    --------
    >>> import tbridge as tb
    >>> dst = tb.zeros(4)
    >>> tb.copyto(dst, tb.asarray([1.0, 2.0, 3.0, 4.0]), where=tb.asarray([1, 0, 1, 0]) > 0)
    >>> dst
    tensor([1., 0., 3., 0.], dtype=torch.float64)
    """
    if not isinstance(dst, Tensor):
        raise TypeError(
            f"copyto: dst must be a torch.Tensor to write into, got {type(dst).__name__}; pass "
            "a tensor (tb.asarray(...) makes one)"
        )
    if dst.is_leaf and dst.requires_grad:
        raise ValueError(
            "copyto: dst is a leaf tensor that requires grad, and an in-place write would hide "
            "it from autograd; write into a copy (dst.clone()) or under tb.no_grad()"
        )
    if casting not in _CASTINGS:
        raise ValueError(
            f"copyto: casting={casting!r} is not a casting rule; pass one of "
            f"{', '.join(map(repr, _CASTINGS))}"
        )
    weak = type(src) in _WEAK_KIND and casting not in ("no", "equiv")
    if type(src) is int and dst.dtype in INT_BOUNDS:
        low, high = INT_BOUNDS[dst.dtype]
        if not low <= src <= high:
            raise OverflowError(
                f"copyto: src={src} is out of bounds for dst's {dst.dtype} ([{low}, {high}]); "
                "pass a value in range, or cast dst"
            )
    s = _t(src, "copyto", "src")
    src_dtype = _WEAK_KIND[type(src)] if weak else s.dtype
    castable = (
        src_dtype == dst.dtype
        or casting == "unsafe"
        or (weak and kind_rank(src_dtype) <= kind_rank(dst.dtype))
        or can_cast(src_dtype, dst.dtype, casting)  # NumPy's table (read on the host)
    )
    if not castable:
        raise TypeError(
            f"copyto: cannot cast src of dtype {src_dtype} to dst's {dst.dtype} under "
            f"casting={casting!r}; pass casting='unsafe' to allow it, or a src of a dtype that "
            "casts"
        )
    if s.device != dst.device:
        if s.ndim == 0 and s.device.type == "cpu":
            s = s.to(dst.device)
        else:
            raise ValueError(
                f"copyto: src is on {s.device} but dst is on {dst.device}; move src with "
                "tb.to_device(src, dst.device) first"
            )
    try:
        s = s.broadcast_to(dst.shape)
    except RuntimeError as e:
        raise ValueError(
            f"copyto: src of shape {tuple(s.shape)} does not broadcast to dst's shape "
            f"{tuple(dst.shape)}; pass a src of a shape that broadcasts"
        ) from e
    if isinstance(where, bool) and where:
        dst.copy_(s)
        return
    mask = where_mask(where, "copyto", dst.device)
    try:
        mask = mask.broadcast_to(dst.shape)
    except RuntimeError as e:
        raise ValueError(
            f"copyto: where of shape {tuple(mask.shape)} does not broadcast to dst's shape "
            f"{tuple(dst.shape)}; pass a mask of a shape that broadcasts"
        ) from e
    dst.copy_(torch.where(mask, s.to(dst.dtype), dst))


# ---- index expressions --------------------------------------------------------------------------


class _IndexExpression:
    """``s_``/``index_exp``: the index written inside the brackets, returned as an object."""

    def __init__(self, maketuple: bool, name: str) -> None:
        self.maketuple = maketuple
        self.name = name

    def __repr__(self) -> str:
        return f"tbridge.{self.name}"

    def __getitem__(self, item: Any) -> Any:
        if self.maketuple and not isinstance(item, tuple):
            return (item,)
        return item


class _SliceMaker(_IndexExpression):
    """An index as an object: ``tb.s_[1:3, ::2]`` is ``(slice(1, 3), slice(None, None, 2))``,
    ready to pass to ``x[...]`` later (NumPy's ``s_``). A single index comes back as it is.

    Memory and autograd: builds Python slice objects; no array is touched.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.s_[1:3, ::2]
    (slice(1, 3, None), slice(None, None, 2))
    >>> tb.s_[2]
    2
    """


class _TupleMaker(_IndexExpression):
    """An index as a tuple: as :data:`s_`, but a single index comes back in a 1-tuple
    (NumPy's ``index_exp``).

    Memory and autograd: builds Python slice objects; no array is touched.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.index_exp[2:4]
    (slice(2, 4, None),)
    """


s_: Final = _SliceMaker(maketuple=False, name="s_")
index_exp: Final = _TupleMaker(maketuple=True, name="index_exp")


# ---- mask_indices -------------------------------------------------------------------------------


def mask_indices(n: int, mask_func: Callable[..., Any], k: Any = 0) -> tuple[Tensor, Tensor]:
    """The indices of the nonzero entries of ``mask_func(ones((n, n), int64), k)``.

    With ``tb.triu`` or ``tb.tril`` it gives the indices of a triangle, e.g. to index an
    ``(n, n)`` array: ``a[tb.mask_indices(3, tb.triu)]``. ``mask_func`` gets a tensor.

    Memory and autograd: new int64 arrays, on the CPU (the mask is built there); the
    nonzero search sizes its result from the data.

    Raises
    ------
    ValueError
        For a negative ``n``, a ``mask_func`` whose result is not ``(n, n)``, or an ``n`` too
        big for any ``(n, n)`` array.
    MemoryError
        For an ``(n, n)`` mask the CPU cannot allocate.
    TypeError
        For an ``n`` that is not an integer.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.mask_indices(3, tb.triu, 1)
    (tensor([0, 0, 1]), tensor([1, 2, 2]))
    """
    if isinstance(n, bool) or not hasattr(n, "__index__"):
        raise TypeError(
            f"mask_indices: n must be an integer, got {type(n).__name__} ({n!r}); pass the "
            "side length, e.g. mask_indices(3, tb.triu)"
        )
    size = operator.index(n)
    if size < 0:
        raise ValueError(f"mask_indices: n={size} is negative; pass a side length >= 0")
    try:
        ones = torch.ones((size, size), dtype=torch.int64)
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        raise_for_size(e, "mask_indices", (size, size), torch.int64, "n")
        raise
    mask = _t(mask_func(ones, k), "mask_indices", "mask_func's result")
    if tuple(mask.shape) != (size, size):
        raise ValueError(
            f"mask_indices: mask_func returned shape {tuple(mask.shape)}, not ({size}, {size}); "
            "pass a function such as tb.triu that keeps the shape"
        )
    rows, cols = torch.nonzero(mask, as_tuple=True)
    return rows, cols


# ---- r_, c_ --------------------------------------------------------------------------------------


def _directive(item: str, caller: str, axis: int, ndmin: int, trans1d: int) -> tuple[int, int, int]:
    """NumPy's leading string of ``r_[...]``: "axis", "axis,ndmin" or "axis,ndmin,trans1d"."""
    if item in ("r", "c"):
        raise ValueError(
            f"{caller}: the {item!r} directive builds a numpy.matrix, which has no tensor "
            f"counterpart; pass an axis directive such as {caller}['0,2', ...] instead"
        )
    parts = item.split(",")
    try:
        numbers = [int(p) for p in parts]
    except ValueError as e:
        raise ValueError(
            f"{caller}: unknown special directive {item!r}; pass 'axis', 'axis,ndmin' or "
            "'axis,ndmin,trans1d' (integers), e.g. '0,2,-1'"
        ) from e
    if len(numbers) > 3:
        raise ValueError(f"{caller}: the directive {item!r} has more than three numbers")
    if len(numbers) >= 1:
        axis = numbers[0]
    if len(numbers) >= 2:
        ndmin = numbers[1]
    if len(numbers) == 3:
        trans1d = numbers[2]
    return axis, ndmin, trans1d


def _from_slice(key: slice, caller: str) -> Tensor:
    start = 0 if key.start is None else key.start
    step = 1 if key.step is None else key.step
    if key.stop is None:
        raise ValueError(f"{caller}: a slice needs a stop, e.g. {caller}[0:5]")
    callee = "linspace" if isinstance(step, complex) else "arange"
    try:
        if isinstance(step, complex):
            return linspace(start, key.stop, int(abs(step)))
        return arange(start, key.stop, step)
    except (ValueError, TypeError, ZeroDivisionError, MemoryError) as e:
        raise retold(e, callee, caller) from e


def _at_least(t: Tensor, ndmin: int, trans1d: int) -> Tensor:
    """NumPy's ``array(t, ndmin=ndmin)`` and the ``trans1d`` placement of the old axes."""
    nd = t.ndim
    if nd >= ndmin:
        return t
    t = t.reshape((1,) * (ndmin - nd) + tuple(t.shape))
    if trans1d == -1:
        return t
    k2 = ndmin - nd
    k1 = trans1d + k2 + 1 if trans1d < 0 else trans1d
    axes = list(range(ndmin))
    return t.permute(axes[:k1] + axes[k2:] + axes[k1:k2])


class _Concatenator:
    """``r_``/``c_``: NumPy's concatenation index tricks."""

    def __init__(self, name: str, axis: int, ndmin: int, trans1d: int) -> None:
        self.name = name
        self.axis = axis
        self.ndmin = ndmin
        self.trans1d = trans1d

    def __repr__(self) -> str:
        return f"tbridge.{self.name}"

    def __getitem__(self, key: Any) -> Tensor:
        caller = self.name
        items = key if isinstance(key, tuple) else (key,)
        axis, ndmin, trans1d = self.axis, self.ndmin, self.trans1d
        parts: list[Tensor] = []
        arrays: list[Tensor] = []
        weak: list[object] = []  # Python scalars: they promote as NumPy's weak scalars
        for k, item in enumerate(items):
            if isinstance(item, str):
                if k != 0:
                    raise ValueError(
                        f"{caller}: a string directive must be the first entry, got {item!r} at "
                        f"position {k}"
                    )
                axis, ndmin, trans1d = _directive(item, caller, axis, ndmin, trans1d)
                continue
            if isinstance(item, slice):
                t = _from_slice(item, caller)
                arrays.append(t)
            elif type(item) in _PY_SCALARS:
                weak.append(item)
                t = as_tensor(item, caller, f"key[{k}]")
            else:
                t = _t(item, caller, f"key[{k}]")
                arrays.append(t)
            parts.append(_at_least(t, ndmin, trans1d))
        if not parts:
            raise ValueError(f"{caller}: nothing to join; pass arrays, slices or scalars")
        dt = result_type(*arrays, *weak) if arrays else result_type(*parts)
        parts = [p if p.dtype == dt else p.to(dt) for p in parts]
        try:
            return torch.cat(parts, dim=axis)
        except (RuntimeError, IndexError) as e:
            shapes = ", ".join(str(tuple(p.shape)) for p in parts)
            raise ValueError(
                f"{caller}: cannot join arrays of shapes {shapes} along axis {axis}; every "
                "other axis must match (and the axis must exist)"
            ) from e


class _RowConcatenator(_Concatenator):
    """Joins arrays, slices and scalars along the first axis (NumPy's ``r_``).

    ``tb.r_[a, b]`` concatenates; a slice ``start:stop:step`` is an :func:`arange`
    (``start:stop:nj`` a :func:`linspace` of ``n`` points); a number is a 1-element array.
    A leading string sets the axis and the least number of dimensions: ``r_['0,2', a, b]``
    (axis 0, at least 2-d), with a third number placing the 1-d arrays' axis as NumPy's
    ``trans1d``. Dtypes promote by NumPy's rules (Python numbers weakly). NumPy's ``'r'`` and
    ``'c'`` directives build ``numpy.matrix`` objects and are refused.

    Memory and autograd: new memory, on the joined tensors' graphs; slices give CPU tensors.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.r_[tb.asarray([1, 2]), 0, 7:9]
    tensor([1, 2, 0, 7, 8])
    """


class _ColumnConcatenator(_Concatenator):
    """Joins 1-d arrays as columns, along the last axis (NumPy's ``c_``): ``r_['-1,2,0', ...]``.

    ``tb.c_[a, b]`` with 1-d ``a`` and ``b`` of length ``n`` is ``(n, 2)``; 2-d blocks join side
    by side. Everything else as :data:`r_`.

    Memory and autograd: new memory, on the joined tensors' graphs; slices give CPU tensors.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.c_[tb.asarray([1, 2]), tb.asarray([3, 4])]
    tensor([[1, 3],
            [2, 4]])
    """


r_: Final = _RowConcatenator("r_", axis=0, ndmin=1, trans1d=-1)
c_: Final = _ColumnConcatenator("c_", axis=-1, ndmin=2, trans1d=0)
