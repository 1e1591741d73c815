"""Strides and iteration.

``sliding_window_view`` and ``as_strided`` (NumPy's byte strides, translated to torch's element
strides) are the public ``tbridge.lib.stride_tricks`` functions, as in NumPy, where they are not
in the main namespace; ``ndenumerate``, ``ndindex``, ``packbits`` and ``unpackbits`` are.

Views and writing: NumPy can mark a strided view read-only (``writeable=False``); torch tensors
are always writable, so the flag is accepted and documented but cannot be enforced. A window
view overlaps itself (one element of ``x`` appears in several windows): writing into it writes
into ``x`` at every place the element appears. Take ``.clone()`` of a view before writing.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterator, Sequence
from typing import Final, Literal, SupportsIndex

import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor
from tbridge._core.normalize import ShapeLike, raise_for_size, torch_shape
from tbridge._core.shapes import normalize_axis as _normalize_axis

__all__ = ["ndenumerate", "ndindex", "packbits", "unpackbits"]

_Tensor: Final = torch.Tensor


def _ints(value: int | Sequence[int], caller: str, name: str) -> tuple[int, ...]:
    """An int or a sequence of ints as a tuple of Python ints."""
    try:
        if isinstance(value, Sequence):  # a str fails below: its items are not ints
            return tuple(operator.index(v) for v in value)
        return (operator.index(value),)
    except TypeError as e:
        raise TypeError(f"{caller}: {name}={value!r} must be an int or a sequence of ints") from e


# ---- sliding_window_view / as_strided ------------------------------------------------------


def sliding_window_view(
    x: Tensor,
    window_shape: int | Sequence[int],
    axis: int | Sequence[int] | None = None,
    *,
    subok: bool = False,
    writeable: bool = False,
) -> Tensor:
    """Every window of ``window_shape`` that fits in ``x``, as a view (no copy).

    The result has ``x``'s dimensions, each windowed axis shortened to ``n - w + 1`` (the
    number of window positions), followed by one dimension per window size, in ``axis``
    order. ``axis=None`` windows every axis (``window_shape`` then has one size per axis); an
    axis may be given more than once, as in NumPy. Built with ``torch.Tensor.unfold``.

    Parameters
    ----------
    x
        The array (a tensor; NumPy data and sequences are converted by the input gate).
    window_shape
        The window size along each axis in ``axis``.
    axis
        The axes the windows slide along (None: all, in order).
    subok
        NumPy's subclass flag; tbridge has no array subclasses (tensor subclasses are kept).
    writeable
        NumPy's read-only flag. torch cannot make a view read-only, so it is not enforced:
        treat the view as read-only (windows overlap, so one write lands in several windows).

    Returns
    -------
    Tensor
        A view of ``x``.

    Raises
    ------
    ValueError
        For negative window sizes, windows larger than the axis, or a ``window_shape`` whose
        length does not match ``axis`` (or ``x.ndim`` when ``axis`` is None).
    numpy.exceptions.AxisError
        For an axis out of bounds.

    Notes
    -----
    Memory and autograd: shares memory with ``x`` (overlapping windows); stays on ``x``'s
    autograd graph (gradients of overlapping windows add up).

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.lib.stride_tricks import sliding_window_view
    >>> sliding_window_view(tb.arange(5), 3)
    tensor([[0, 1, 2],
            [1, 2, 3],
            [2, 3, 4]])
    """
    t = x if type(x) is _Tensor else as_tensor(x, "sliding_window_view")
    windows = _ints(window_shape, "sliding_window_view", "window_shape")
    if any(w < 0 for w in windows):
        raise ValueError(
            f"sliding_window_view: window_shape={windows} cannot contain negative values; "
            "pass window sizes >= 0"
        )
    if axis is None:
        if len(windows) != t.ndim:
            raise ValueError(
                f"sliding_window_view: with axis=None window_shape needs one size for each of "
                f"x's {t.ndim} dimension(s), got {len(windows)} ({windows}); pass one size per "
                "dimension or name the axes with axis="
            )
        axes: tuple[int, ...] = tuple(range(t.ndim))
    else:
        given = _ints(axis, "sliding_window_view", "axis")
        # Axes first, as NumPy checks them: an out-of-bounds axis is an AxisError even when
        # the lengths differ too.
        axes = tuple(_normalize_axis(a, t.ndim, "sliding_window_view") for a in given)
        if len(given) != len(windows):
            raise ValueError(
                f"sliding_window_view: window_shape {windows} and axis {given} differ in "
                f"length ({len(windows)} != {len(given)}); pass one window size per axis"
            )
    shape = list(t.shape)
    for a, w in zip(axes, windows, strict=True):
        if w > shape[a]:
            raise ValueError(
                f"sliding_window_view: window size {w} along axis {a} is larger than that "
                f"axis ({shape[a]}) of x with shape {tuple(t.shape)}; pass a smaller window"
            )
        shape[a] -= w - 1
    out = t
    for a, w in zip(axes, windows, strict=True):
        out = out.unfold(a, w, 1) if w > 0 else _empty_window(out, a)
    return out


def _empty_window(t: Tensor, axis: int) -> Tensor:
    """``t.unfold(axis, 0, 1)`` (torch refuses size 0): the axis grows by one, a 0-size window
    dimension is appended."""
    size = list(t.shape)
    size[axis] += 1
    return t.as_strided((*size, 0), (*t.stride(), 1), t.storage_offset())


def _contiguous_strides(shape: tuple[int, ...]) -> tuple[int, ...]:
    """The C-order strides, in elements, of a contiguous array of ``shape``."""
    strides: list[int] = []
    step = 1
    for n in reversed(shape):
        strides.append(step)
        step *= max(n, 1)
    return tuple(reversed(strides))


def as_strided(
    x: Tensor,
    shape: Sequence[int] | None = None,
    strides: Sequence[int] | None = None,
    subok: bool = False,
    writeable: bool = True,
) -> Tensor:
    """A view of ``x``'s memory with the given ``shape`` and NumPy-style BYTE ``strides``.

    NumPy counts strides in bytes; torch counts them in elements. Each stride is divided by
    ``x``'s item size (it must divide evenly), and the view starts where ``x`` starts. Missing
    ``shape``/``strides`` are ``x``'s own, except that a C-contiguous ``x`` given a new
    ``shape`` and no ``strides`` is read in C order, with that shape's contiguous strides (as
    in NumPy). Unlike NumPy, the view may not reach outside
    ``x``'s storage (torch checks; NumPy would read whatever memory lies there) and strides
    may not be negative.

    Parameters
    ----------
    x
        The array whose memory is viewed (a tensor; NumPy data is converted by the input gate).
    shape
        The view's shape (default ``x.shape``).
    strides
        The view's strides in bytes (default ``x``'s, in bytes; a C-contiguous ``x`` with a
        new ``shape``: that shape's C-order strides).
    subok
        NumPy's subclass flag; tbridge has no array subclasses.
    writeable
        NumPy's flag; torch views are always writable (see the module notes).

    Returns
    -------
    Tensor
        A view of ``x``'s storage.

    Raises
    ------
    ValueError
        For strides that are not multiples of the item size, negative strides, a length
        mismatch between ``shape`` and ``strides``, or a view reaching past ``x``'s storage.

    Notes
    -----
    Memory and autograd: shares memory with ``x``; stays on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.lib.stride_tricks import as_strided
    >>> x = tb.arange(6, dtype=tb.int32)
    >>> as_strided(x, shape=(3, 2), strides=(8, 4))  # int32: 4 bytes per element
    tensor([[0, 1],
            [2, 3],
            [4, 5]], dtype=torch.int32)
    """
    t = x if type(x) is _Tensor else as_tensor(x, "as_strided")
    item = t.element_size()
    size = tuple(t.shape) if shape is None else _ints(shape, "as_strided", "shape")
    if strides is None:
        if shape is not None and t.is_contiguous():
            # NumPy: a C-contiguous x read with a new shape and no strides is read in C order
            # (the new shape's own contiguous strides), whatever x's dimensions were.
            elements = _contiguous_strides(size)
        elif shape is not None and len(size) != t.ndim:
            raise ValueError(
                f"as_strided: shape {size} has {len(size)} dimension(s) but x has {t.ndim} and "
                "is not C-contiguous, so x's strides do not fit; pass strides= too"
            )
        else:
            elements = tuple(t.stride())
    else:
        nbytes = _ints(strides, "as_strided", "strides")
        if len(nbytes) != len(size):
            raise ValueError(
                f"as_strided: shape {size} and strides {nbytes} differ in length; pass one "
                "stride per dimension"
            )
        if any(s % item for s in nbytes):
            raise ValueError(
                f"as_strided: strides {nbytes} (in bytes, as in NumPy) are not all multiples "
                f"of x's item size {item} ({t.dtype}); torch views step whole elements"
            )
        if any(s < 0 for s in nbytes):
            raise ValueError(
                f"as_strided: strides {nbytes} contain a negative stride, which torch views "
                "cannot have; view forwards and flip the result (tb.flip)"
            )
        elements = tuple(s // item for s in nbytes)
    if any(n < 0 for n in size):
        raise ValueError(f"as_strided: negative size in shape {size}; sizes must be >= 0")
    try:
        return t.as_strided(size, elements)  # starts where t starts (its storage offset)
    except RuntimeError as e:
        raise ValueError(
            f"as_strided: a view of shape {size} and strides {tuple(s * item for s in elements)}"
            f" bytes reaches past the end of x's memory ({t.untyped_storage().nbytes()} bytes "
            "from its storage start); torch checks what NumPy leaves to the caller, so shrink "
            "the shape or the strides"
        ) from e


# ---- ndenumerate / ndindex -----------------------------------------------------------------


class ndenumerate:
    """Iterate over an array as ``(index, value)`` pairs, in C order.

    Each value is ``x[index]``, a 0-d tensor (tbridge's counterpart of NumPy's scalar) on
    ``x``'s device; ``value.item()`` gives the Python number.

    Notes
    -----
    Memory and autograd: each value is a 0-d view of ``x`` and stays on its autograd graph.
    Element-wise Python loops are slow (one indexing call per element, one device sync per
    ``item()`` on a GPU): prefer whole-array operations where possible.

    Examples
    --------
    >>> import tbridge as tb
    >>> [(i, v.item()) for i, v in tb.ndenumerate(tb.asarray([[1, 2], [3, 4]]))]
    [((0, 0), 1), ((0, 1), 2), ((1, 0), 3), ((1, 1), 4)]
    """

    __slots__ = ("_indices", "_x")

    def __init__(self, arr: Tensor) -> None:
        self._x = arr if type(arr) is _Tensor else as_tensor(arr, "ndenumerate", "arr")
        self._indices = itertools.product(*(range(n) for n in self._x.shape))

    def __iter__(self) -> ndenumerate:
        return self

    def __next__(self) -> tuple[tuple[int, ...], Tensor]:
        index = next(self._indices)
        return index, self._x[index]


class ndindex:
    """Iterate over every index tuple of a shape, in C order: ``ndindex(2, 3)`` or
    ``ndindex((2, 3))``.

    Notes
    -----
    Memory and autograd: no data is involved.

    Examples
    --------
    >>> import tbridge as tb
    >>> list(tb.ndindex(2, 2))
    [(0, 0), (0, 1), (1, 0), (1, 1)]
    """

    __slots__ = ("_indices",)

    def __init__(self, *shape: ShapeLike) -> None:
        dims = torch_shape(shape, "ndindex") if shape else ()
        self._indices: Iterator[tuple[int, ...]] = itertools.product(*(range(n) for n in dims))

    def __iter__(self) -> ndindex:
        return self

    def __next__(self) -> tuple[int, ...]:
        return next(self._indices)


# ---- packbits / unpackbits -----------------------------------------------------------------

_BitOrder = Literal["big", "little"]


def _shifts(bitorder: str, device: torch.device, caller: str) -> Tensor:
    if bitorder == "big":
        return torch.arange(7, -1, -1, dtype=torch.uint8, device=device)
    if bitorder == "little":
        return torch.arange(8, dtype=torch.uint8, device=device)
    raise ValueError(f"{caller}: bitorder={bitorder!r} must be 'big' or 'little'")


def _axis_or_flat(t: Tensor, axis: SupportsIndex | None, caller: str) -> tuple[Tensor, int]:
    """``t`` flattened (axis None) or with 0-d read as 1-d, and the axis as an int."""
    if axis is None:
        return t.reshape(-1), 0
    if t.ndim == 0:
        t = t.reshape(1)
    return t, _normalize_axis(axis, t.ndim, caller)


def packbits(
    a: Tensor, /, axis: SupportsIndex | None = None, bitorder: _BitOrder = "big"
) -> Tensor:
    """Pack the truth values of ``a`` into the bits of uint8 bytes, 8 per byte.

    Non-zero elements are 1 bits. Along ``axis`` (the flattened array when None) each group
    of 8 becomes one byte, the last group padded with zero bits; ``bitorder="big"`` puts the
    first element in the most significant bit, ``"little"`` in the least.

    Parameters
    ----------
    a
        An integer or bool array.
    axis
        The axis to pack along (None: the flattened array).
    bitorder
        ``"big"`` or ``"little"``.

    Returns
    -------
    Tensor
        uint8, with the packed axis ``ceil(n / 8)`` long.

    Raises
    ------
    TypeError
        For floating or complex ``a``.
    ValueError
        For another ``bitorder``.
    numpy.exceptions.AxisError
        For an axis out of bounds.

    Notes
    -----
    Memory and autograd: a new tensor on ``a``'s device; not differentiable (integers).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.packbits(tb.asarray([1, 0, 1, 1, 0, 0, 0, 0, 1]))
    tensor([176, 128], dtype=torch.uint8)
    """
    t = a if type(a) is _Tensor else as_tensor(a, "packbits", "a")
    if t.dtype.is_floating_point or t.dtype.is_complex:
        raise TypeError(
            f"packbits: a has dtype {t.dtype}; packbits packs integer or bool arrays (non-zero "
            "is a 1 bit); compare first, e.g. tb.packbits(a > 0)"
        )
    shifts = _shifts(bitorder, t.device, "packbits")
    t, ax = _axis_or_flat(t, axis, "packbits")
    bits = (t != 0).to(torch.uint8).movedim(ax, -1)
    n = bits.shape[-1]
    pad = -n % 8
    if pad:
        bits = torch.nn.functional.pad(bits, (0, pad))
    groups = bits.reshape(*bits.shape[:-1], (n + pad) // 8, 8)
    packed = (groups << shifts).sum(-1, dtype=torch.uint8)
    return packed.movedim(-1, ax)


def unpackbits(
    a: Tensor,
    /,
    axis: SupportsIndex | None = None,
    count: SupportsIndex | None = None,
    bitorder: _BitOrder = "big",
) -> Tensor:
    """Unpack each uint8 byte of ``a`` into its 8 bits (0 or 1), along ``axis``.

    Along ``axis`` (the flattened array when None) every byte becomes 8 elements;
    ``count`` keeps only the first ``count`` bits (zero-padded when larger than ``8 * n``;
    a negative count drops bits from the end).

    Parameters
    ----------
    a
        A uint8 array.
    axis
        The axis to unpack along (None: the flattened array).
    count
        How many bits to keep along the axis (None: all).
    bitorder
        ``"big"`` (most significant bit first) or ``"little"``.

    Returns
    -------
    Tensor
        uint8 zeros and ones.

    Raises
    ------
    TypeError
        When ``a`` is not uint8.
    ValueError
        For another ``bitorder`` or a negative ``count`` beyond the number of bits.
    numpy.exceptions.AxisError
        For an axis out of bounds.

    Notes
    -----
    Memory and autograd: a new tensor on ``a``'s device; not differentiable (integers).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.unpackbits(tb.asarray([176], dtype=tb.uint8))
    tensor([1, 0, 1, 1, 0, 0, 0, 0], dtype=torch.uint8)
    """
    t = a if type(a) is _Tensor else as_tensor(a, "unpackbits", "a")
    if t.dtype != torch.uint8:
        raise TypeError(
            f"unpackbits: a has dtype {t.dtype}; unpackbits reads uint8 bytes; convert first, "
            "e.g. tb.astype(a, tb.uint8)"
        )
    shifts = _shifts(bitorder, t.device, "unpackbits")
    t, ax = _axis_or_flat(t, axis, "unpackbits")
    moved = t.movedim(ax, -1)
    bits = ((moved.unsqueeze(-1) >> shifts) & 1).reshape(*moved.shape[:-1], moved.shape[-1] * 8)
    if count is not None:
        total = bits.shape[-1]
        keep = operator.index(count)
        if keep < 0:
            if -keep > total:
                raise ValueError(
                    f"unpackbits: count={keep} drops more bits than the {total} there are; "
                    f"pass a count >= {-total}"
                )
            keep += total
        if keep <= total:
            bits = bits[..., :keep]
        else:
            try:
                bits = torch.nn.functional.pad(bits, (0, keep - total))
            except RuntimeError as e:  # too big, or no memory for it
                raise_for_size(e, "unpackbits", (*bits.shape[:-1], keep), torch.uint8, "count")
                raise
    return bits.movedim(-1, ax)
