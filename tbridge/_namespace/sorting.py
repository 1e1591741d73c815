"""Sorting functions of the Array API (sort, argsort), with NumPy's calling forms.

Both sort along one axis (``axis=None`` flattens first, as NumPy), NaN last when ascending,
complex values by real part then imaginary part as NumPy orders them (torch cannot sort complex:
:func:`tbridge._core.values.complex_argsort`). The standard's ``descending=``/``stable=`` and
NumPy's ``kind=`` are all taken: ``kind='stable'``/``'mergesort'`` ask for a stable sort, as
does ``stable=True`` (the standard's default); ``'quicksort'``/``'heapsort'`` leave the order of
equal elements open, and the stable order is one valid answer. NumPy's ``order=`` names fields
of structured arrays, which torch does not have.

Memory and autograd: every result is new memory; ``sort`` stays on the input's autograd graph,
``argsort``'s indices have no gradient.
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor
from tbridge._core.axes import normalize_axis
from tbridge._core.values import complex_argsort

__all__ = ["argsort", "sort"]

SortKind: TypeAlias = Literal["quicksort", "mergesort", "heapsort", "stable"]

#: NumPy's sort kinds, and whether each promises a stable order.
_KINDS: Final[dict[SortKind, bool]] = {
    "quicksort": False,
    "heapsort": False,
    "mergesort": True,
    "stable": True,
}


def _tensor(x: object, caller: str) -> Tensor:
    """``x`` through the input gate (a tensor passes as itself)."""
    return x if type(x) is Tensor else as_tensor(x, caller)


def _prepare(
    x: object,
    axis: object,
    kind: object,
    order: object,
    stable: bool,
    caller: str,
    zero_d_as_1d: bool = False,
) -> tuple[Tensor, int, bool]:
    """The tensor (flattened for ``axis=None``, and for a 0-d ``x`` with ``zero_d_as_1d``, as
    NumPy's argsort reads it), the axis, and whether to sort stably."""
    if order is not None:
        raise ValueError(
            f"{caller}: cannot specify order={order!r} when the array has no fields (torch "
            "has no structured arrays); sort by each key with tb.lexsort instead"
        )
    if kind is not None:
        if kind not in _KINDS:
            raise ValueError(
                f"{caller}: kind={kind!r} is not a sort kind; pass 'quicksort', 'mergesort', "
                "'heapsort' or 'stable'"
            )
        if _KINDS[kind] and not stable:
            raise ValueError(
                f"{caller}: kind={kind!r} asks for a stable sort but stable=False; pass only "
                "one of them"
            )
    t = _tensor(x, caller)
    if axis is None:
        return t.reshape(-1), 0, stable
    if zero_d_as_1d and t.ndim == 0:
        return t.reshape(-1), normalize_axis(axis, 1, caller), stable
    return t, normalize_axis(axis, t.ndim, caller), stable


def sort(
    x: Tensor,
    /,
    axis: int | None = -1,
    kind: SortKind | None = None,
    order: None = None,
    *,
    descending: bool = False,
    stable: bool = True,
) -> Tensor:
    """A sorted copy of ``x`` along ``axis``.

    Parameters
    ----------
    x : array_like
        Input; complex values sort by real part, then imaginary part (NaN last), as NumPy.
    axis : int or None, optional
        The axis to sort along (the last by default); None sorts the flattened array.
    kind : {'quicksort', 'mergesort', 'heapsort', 'stable'}, optional
        NumPy's algorithm choice: 'stable'/'mergesort' promise a stable sort; the others
        allow any order of equal elements (the stable one is returned).
    order : None
        NumPy's field order for structured arrays, which torch has not; only None.
    descending : bool, optional
        Sort from largest to smallest (the standard's option).
    stable : bool, optional
        Keep equal elements in their order (the standard's default, True).

    Returns
    -------
    Tensor

    Raises
    ------
    ValueError
        An unknown ``kind``, ``order`` given, or ``kind='stable'`` with ``stable=False``.

    Notes
    -----
    Memory and autograd: new memory, on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.sort([3, 1, 2])
    tensor([1, 2, 3])
    >>> tb.sort([[3, 1], [0, 2]], axis=None)
    tensor([0, 1, 2, 3])
    """
    if type(x) is Tensor and type(axis) is int and x.ndim and kind is None and order is None:
        try:
            return torch.sort(x, dim=axis, descending=descending, stable=stable).values
        except (RuntimeError, IndexError):
            pass  # complex or a bad axis: the slow path
    t, ax, stable_ = _prepare(x, axis, kind, order, stable, "sort")
    if t.dtype.is_complex:
        return torch.take_along_dim(t, complex_argsort(t, ax, descending), ax)
    return torch.sort(t, dim=ax, descending=descending, stable=stable_).values


def argsort(
    x: Tensor,
    /,
    axis: int | None = -1,
    kind: SortKind | None = None,
    order: None = None,
    *,
    descending: bool = False,
    stable: bool = True,
) -> Tensor:
    """Indices (int64) that sort ``x`` along ``axis``.

    Parameters
    ----------
    x : array_like
        Input; complex values sort by real part, then imaginary part (NaN last), as NumPy. A
        0-d array counts as 1-d (the result is ``[0]``), as NumPy's argsort reads it.
    axis : int or None, optional
        The axis to sort along (the last by default); None sorts the flattened array.
    kind : {'quicksort', 'mergesort', 'heapsort', 'stable'}, optional
        NumPy's algorithm choice: 'stable'/'mergesort' promise a stable sort; the others
        allow any order of equal elements (the stable one is returned).
    order : None
        NumPy's field order for structured arrays, which torch has not; only None.
    descending : bool, optional
        Sort from largest to smallest; with ``stable`` equal values keep their order.
    stable : bool, optional
        Keep equal elements in their order (the standard's default, True).

    Returns
    -------
    Tensor

    Raises
    ------
    ValueError
        An unknown ``kind``, ``order`` given, or ``kind='stable'`` with ``stable=False``.

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.argsort([3, 1, 2])
    tensor([1, 2, 0])
    """
    if type(x) is Tensor and type(axis) is int and x.ndim and kind is None and order is None:
        try:
            return torch.argsort(x, dim=axis, descending=descending, stable=stable)
        except (RuntimeError, IndexError):
            pass  # complex or a bad axis: the slow path
    t, ax, stable_ = _prepare(x, axis, kind, order, stable, "argsort", zero_d_as_1d=True)
    if t.dtype.is_complex:
        return complex_argsort(t, ax, descending)
    return torch.argsort(t, dim=ax, descending=descending, stable=stable_)
