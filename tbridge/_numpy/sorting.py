"""NumPy's sorting, searching and counting functions beyond the standard.

``argwhere`` and ``flatnonzero`` (indices of non-zero elements), ``partition`` and
``argpartition`` (answered with a full sort: a sorted array is one of the partitions NumPy
allows, and torch has no selection kernel that partitions in place), ``sort_complex`` and
``lexsort``, built on the standard's sorting and searching chapters.

Memory and autograd: every result is new memory; ``partition`` and ``sort_complex`` stay on the
input's autograd graph, index results have no gradient.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import Final, Literal

import numpy as np
import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor
from tbridge._core.axes import normalize_axis
from tbridge._core.values import no_data, signed_view
from tbridge._namespace.sorting import argsort, sort

__all__ = ["argpartition", "argwhere", "flatnonzero", "lexsort", "partition", "sort_complex"]

#: ``sort_complex``'s result dtype by input dtype (NumPy's rule): the small integers give
#: complex64, everything else real gives complex128 (float32 included).
_TO_COMPLEX: Final = {
    torch.int8: torch.complex64,
    torch.int16: torch.complex64,
    torch.uint8: torch.complex64,
    torch.uint16: torch.complex64,
}


def _tensor(x: object, caller: str, name: str = "a") -> Tensor:
    """``x`` through the input gate (a tensor passes as itself)."""
    return x if type(x) is Tensor else as_tensor(x, caller, name)


def argwhere(a: Tensor, /) -> Tensor:
    """Indices (int64) of the non-zero elements, one row per element: ``(N, a.ndim)``.

    Parameters
    ----------
    a : array_like
        Input of any dtype (a 0-d array gives ``(1, 0)`` or ``(0, 0)``, as NumPy).

    Returns
    -------
    Tensor

    Raises
    ------
    ValueError
        For a ``meta`` tensor (the result's shape depends on the data).

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.argwhere([[0, 1], [2, 0]])
    tensor([[0, 1],
            [1, 0]])
    """
    t = a if type(a) is Tensor else _tensor(a, "argwhere")
    try:
        return torch.argwhere(signed_view(t))
    except NotImplementedError as e:  # a meta tensor
        raise no_data("argwhere") from e


def flatnonzero(a: Tensor, /) -> Tensor:
    """Indices (int64) of the non-zero elements of the flattened array.

    Parameters
    ----------
    a : array_like
        Input of any dtype.

    Returns
    -------
    Tensor

    Raises
    ------
    ValueError
        For a ``meta`` tensor (the result's shape depends on the data).

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.flatnonzero([[0, 1], [2, 0]])
    tensor([1, 2])
    """
    t = a if type(a) is Tensor else _tensor(a, "flatnonzero")
    try:
        return torch.nonzero(signed_view(t).reshape(-1)).reshape(-1)
    except NotImplementedError as e:  # a meta tensor
        raise no_data("flatnonzero") from e


def _check_kth(kth: object, size: int, caller: str, empty: bool = False, note: str = "") -> None:
    """NumPy's checks of ``kth``: integers in ``[-size, size)``, any integers for an ``empty``
    array (NumPy returns it as it is). Booleans are a ValueError (NumPy 2's class); an empty
    list or tuple, which NumPy reads as float64, a TypeError."""
    if isinstance(kth, (Tensor, np.ndarray)):
        if kth.dtype in (torch.bool, np.bool_):
            raise _bool_kth(kth, caller)
        if not (
            kth.dtype in (torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8)
            or (isinstance(kth, np.ndarray) and kth.dtype.kind in "iu")
        ):
            raise TypeError(f"{caller}: kth must be integers, got dtype {kth.dtype}")
        values = [int(v) for v in kth.reshape(-1).tolist()]
    else:
        items = kth if isinstance(kth, (list, tuple)) else (kth,)
        if not items:
            raise TypeError(
                f"{caller}: kth={kth!r} holds no integers (NumPy reads an empty sequence as "
                "float64); pass an integer, or tb.asarray([], dtype=tb.int64) for no positions"
            )
        values = []
        for k in items:
            if isinstance(k, (bool, np.bool_)):
                raise _bool_kth(kth, caller)
            if not hasattr(k, "__index__"):
                raise TypeError(
                    f"{caller}: kth={kth!r} must be an integer or a sequence of integers"
                )
            values.append(operator.index(k))  # pyright: ignore[reportArgumentType] - has __index__
    if empty:
        return
    for k in values:
        if not -size <= k < size:
            raise ValueError(
                f"{caller}: kth(={k}) out of bounds ({size}){note}; pass kth in [{-size}, {size})"
            )


def _bool_kth(kth: object, caller: str) -> ValueError:
    return ValueError(
        f"{caller}: kth={kth!r} holds booleans, which are not positions; pass integers"
    )


def _partition_args(
    a: object,
    kth: object,
    axis: int | None,
    kind: str,
    order: object,
    caller: str,
    zero_d_as_1d: bool = False,
) -> tuple[Tensor, int]:
    if kind != "introselect":
        raise ValueError(f"{caller}: kind={kind!r} is not 'introselect', NumPy's only kind")
    if order is not None:
        raise ValueError(
            f"{caller}: cannot specify order={order!r} when the array has no fields (torch has "
            "no structured arrays)"
        )
    t = _tensor(a, caller)
    note = " (a is 0-d, read as 1-d)" if t.ndim == 0 else ""
    if axis is None:
        t, ax = t.reshape(-1), 0
    elif zero_d_as_1d and t.ndim == 0:  # NumPy's argpartition reads a 0-d array as 1-d
        t, ax = t.reshape(-1), normalize_axis(axis, 1, caller)
    else:
        ax = normalize_axis(axis, t.ndim, caller)
    _check_kth(kth, t.shape[ax], caller, empty=t.numel() == 0, note=note)
    return t, ax


def partition(
    a: Tensor,
    kth: int | Sequence[int] | Tensor,
    axis: int | None = -1,
    kind: Literal["introselect"] = "introselect",
    order: None = None,
) -> Tensor:
    """A copy of ``a`` with the ``kth`` elements in their sorted places along ``axis``, smaller
    ones before them and larger ones after.

    Parameters
    ----------
    a : array_like
        Input.
    kth : int or sequence of int
        Positions (negative from the end) that must hold their sorted values.
    axis : int or None, optional
        The axis to partition along (the last by default; None flattens).
    kind : {'introselect'}, optional
        NumPy's only kind.
    order : None
        Fields of structured arrays, which torch has not; only None.

    Returns
    -------
    Tensor
        The sorted array, which is a valid partition for every ``kth`` (NumPy leaves the order
        within each part open).

    Raises
    ------
    ValueError
        ``kth`` out of bounds (NumPy's "kth(=k) out of bounds (n)"; an empty ``a`` takes any
        ``kth`` and comes back empty, as in NumPy), a boolean ``kth``, another ``kind``.
    TypeError
        A non-integer ``kth`` (an empty list included: NumPy reads it as float64).

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph. A full sort costs
    ``O(n log n)`` where NumPy's selection is ``O(n)``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.partition([3, 4, 2, 1], 2)[2]
    tensor(3)
    """
    if type(a) is Tensor and type(kth) is int and type(axis) is int and a.ndim and order is None:
        size = a.shape[axis] if -a.ndim <= axis < a.ndim else 0
        if -size <= kth < size and kind == "introselect":
            return sort(a, axis)
    t, ax = _partition_args(a, kth, axis, kind, order, "partition")
    return sort(t, ax)


def argpartition(
    a: Tensor,
    kth: int | Sequence[int] | Tensor,
    axis: int | None = -1,
    kind: Literal["introselect"] = "introselect",
    order: None = None,
) -> Tensor:
    """Indices (int64) that partition ``a`` along ``axis`` (see :func:`partition`).

    Parameters
    ----------
    a : array_like
        Input; a 0-d array counts as 1-d (the result is ``[0]``), as NumPy reads it.
    kth : int or sequence of int
        Positions (negative from the end) that must hold their sorted values.
    axis : int or None, optional
        The axis to partition along (the last by default; None flattens).
    kind : {'introselect'}, optional
        NumPy's only kind.
    order : None
        Only None.

    Returns
    -------
    Tensor
        Indices that sort ``a`` (stable), a valid partition for every ``kth``.

    Raises
    ------
    ValueError
        ``kth`` out of bounds (not for an empty ``a``) or boolean, another ``kind``.
    TypeError
        A non-integer ``kth`` (an empty list included).

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.argpartition([3, 4, 2, 1], 2)[2]
    tensor(0)
    """
    if type(a) is Tensor and type(kth) is int and type(axis) is int and a.ndim and order is None:
        size = a.shape[axis] if -a.ndim <= axis < a.ndim else 0
        if -size <= kth < size and kind == "introselect":
            return argsort(a, axis)
    t, ax = _partition_args(a, kth, axis, kind, order, "argpartition", zero_d_as_1d=True)
    return argsort(t, ax)


def sort_complex(a: Tensor, /) -> Tensor:
    """A copy of ``a`` sorted along its last axis by real part, then imaginary part, as complex.

    Parameters
    ----------
    a : array_like
        Input.

    Returns
    -------
    Tensor
        Complex: complex input keeps its dtype; int8/int16/uint8/uint16 give complex64 and
        other real input complex128 (float32 included), NumPy's rule.

    Notes
    -----
    Memory and autograd: new memory, on ``a``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.sort_complex([5, 3, 6, 2, 1])
    tensor([1.+0.j, 2.+0.j, 3.+0.j, 5.+0.j, 6.+0.j], dtype=torch.complex128)
    """
    t = _tensor(a, "sort_complex")
    if t.ndim == 0:  # NumPy sorts along the last axis, which a 0-d array lacks
        raise np.exceptions.AxisError(
            "sort_complex: a is 0-d and has no axis to sort along; pass a 1-d or larger array"
        )
    t = sort(t, stable=False)  # values only: stability is moot
    if t.dtype.is_complex:
        return t
    dt = _TO_COMPLEX.get(t.dtype, torch.complex128)
    src = t.to(torch.float64) if t.dtype not in (torch.float32, torch.float64) else t
    return src.to(dt)


def lexsort(keys: Sequence[Tensor] | Tensor, axis: int = -1) -> Tensor:
    """Indices (int64) that sort by several keys: the last key first, ties broken by the one
    before it, and so on (a stable sort by each key, from the first to the last).

    Parameters
    ----------
    keys : sequence of array_like, or array_like
        Keys of one shape; an array holds one key per entry along its first axis (as NumPy
        reads it: a 1-D array is that many 0-d keys).
    axis : int, optional
        The axis to sort along (the last by default).

    Returns
    -------
    Tensor
        The keys' shape (0-d keys give index 0).

    Raises
    ------
    ValueError
        Keys of different shapes.
    TypeError
        No keys (an empty sequence, or a 0-d array).

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> surnames = tb.asarray([2, 1, 2])
    >>> first_names = tb.asarray([0, 5, 1])
    >>> tb.lexsort((first_names, surnames))
    tensor([1, 0, 2])
    """
    given: object = keys  # checked at run time for callers without a type checker
    if isinstance(given, (str, bytes)) or not isinstance(given, (Sequence, Tensor, np.ndarray)):
        raise TypeError(
            f"lexsort: keys={given!r} ({type(given).__name__}) is not a sequence of arrays; "
            "pass a tuple of keys of one shape, or one array with a key per row"
        )
    if isinstance(keys, (Tensor, np.ndarray)):
        whole = _tensor(keys, "lexsort", "keys")
        if not whole.ndim:
            raise TypeError(
                "lexsort: keys is a 0-d array, which holds no keys (an array holds one key per "
                "entry along its first axis); pass a sequence of arrays, e.g. (keys,)"
            )
        ks = list(torch.unbind(whole, 0))
    else:
        like = next((k for k in keys if type(k) is Tensor), None)
        ks = [
            _tensor(k, "lexsort", "keys")
            if like is None or type(k) is Tensor
            else as_tensor(k, "lexsort", "keys", device=like.device)
            for k in keys
        ]
    if not ks:
        raise TypeError("lexsort: need at least one key; keys is empty, pass a sequence of arrays")
    shape = ks[0].shape
    if any(k.device != ks[0].device for k in ks):
        raise ValueError(
            f"lexsort: the keys sit on different devices ({[str(k.device) for k in ks]}); move "
            "them to one device (tb.to_device)"
        )
    if any(k.shape != shape for k in ks):
        raise ValueError(
            f"lexsort: all keys need to be the same shape, got {[tuple(k.shape) for k in ks]}"
        )
    if not ks[0].ndim:
        return torch.zeros((), dtype=torch.int64, device=ks[0].device)
    ax = normalize_axis(axis, ks[0].ndim, "lexsort")
    perm = argsort(ks[0], ax)
    for key in ks[1:]:
        arranged = torch.take_along_dim(signed_view(key), perm, ax).view(key.dtype)
        perm = torch.take_along_dim(perm, argsort(arranged, ax), ax)
    return perm
