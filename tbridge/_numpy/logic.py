"""NumPy's comparison, logic and set functions beyond the standard.

Tolerant comparison (``isclose``, ``allclose``), whole-array equality (``array_equal``,
``array_equiv``), and NumPy's 1-D set routines (``in1d``, ``intersect1d``, ``union1d``,
``setdiff1d``, ``setxor1d``) and ``unique`` with its flags, built on the standard's set chapter
(:mod:`tbridge._namespace.sets`). Set results are sorted unique values in the promoted dtype of
the inputs, as NumPy's.

``allclose``, ``array_equal`` and ``array_equiv`` return Python bools, as NumPy does, which
reads the data (a device sync); the set routines' result shapes depend on the data, so they
raise ValueError on ``meta`` tensors.

Memory and autograd: every result is new memory; bool and index results have no gradient, and
set values have none either (torch has no derivative for ``unique``).
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor, is_python_scalar, retold
from tbridge._core.axes import normalize_axis
from tbridge._core.dtypes import (
    INEXACT,
    default_float_dtype,
)
from tbridge._core.promotion import kind_rank, promote, result_type
from tbridge._core.typing import ArrayOrScalar
from tbridge._core.values import no_data, signed_view
from tbridge._namespace.elementwise import equal
from tbridge._namespace.manipulation import broadcast_shapes
from tbridge._namespace.searching import order_key
from tbridge._namespace.sets import first_indices, isin, member_of, unique_parts
from tbridge._namespace.sorting import sort

__all__ = [
    "allclose",
    "array_equal",
    "array_equiv",
    "in1d",
    "intersect1d",
    "isclose",
    "setdiff1d",
    "setxor1d",
    "union1d",
    "unique",
]

Tolerance: TypeAlias = "float | Tensor"

_INEXACT: Final = INEXACT


def _tensor(x: object, caller: str, name: str = "a") -> Tensor:
    """``x`` through the input gate (a tensor passes as itself)."""
    return x if type(x) is Tensor else as_tensor(x, caller, name)


def _beside_data(x: object, like: Tensor, caller: str, name: str) -> Tensor:
    """An argument that goes with ``like``: a tensor as it is, other array data (lists, NumPy
    arrays, scalars) made on ``like``'s device, as the data it is combined with."""
    return x if type(x) is Tensor else as_tensor(x, caller, name, device=like.device)


def _pair(a: object, b: object, caller: str, names: tuple[str, str]) -> tuple[Tensor, Tensor]:
    """Two array arguments as tensors: array data beside a tensor is made on its device."""
    if type(a) is not Tensor and type(b) is Tensor:
        return _beside_data(a, b, caller, names[0]), b
    ta = _tensor(a, caller, names[0])
    return ta, _beside_data(b, ta, caller, names[1])


def _truth(t: Tensor, caller: str) -> bool:
    """A 0-d bool tensor as a Python bool (NumPy's answer type); meta tensors hold no data."""
    if t.is_meta:
        raise ValueError(
            f"{caller}: the answer depends on the values, and a meta tensor holds none; call "
            "it on tensors with data (e.g. on 'cpu')"
        )
    return bool(t)


# ---- isclose, allclose, array_equal, array_equiv -----------------------------------------


def _inexact_pair(a: object, b: object, caller: str) -> tuple[Tensor, Tensor]:
    """``a`` and ``b`` as tensors of one floating (or complex) dtype: the promoted dtype, at
    least the default float (Python scalars are weak, as in NumPy 2)."""
    sa, sb = is_python_scalar(a), is_python_scalar(b)
    ta = None if sa else _tensor(a, caller, "a")
    tb_ = (
        None
        if sb
        else (_tensor(b, caller, "b") if ta is None else _beside_data(b, ta, caller, "b"))
    )
    if ta is None and tb_ is None:
        ta = as_tensor(a, caller, "a")
        tb_ = as_tensor(b, caller, "b")
        dt = promote(ta.dtype, tb_.dtype)
    else:
        dt = result_type(*(v for v in (ta if ta is not None else a, tb_ if tb_ is not None else b)))
    if kind_rank(dt) < 2:
        dt = default_float_dtype()
    device = (ta if ta is not None else tb_).device  # type: ignore[union-attr]
    xa = ta.to(dt) if ta is not None else torch.tensor(a, dtype=dt, device=device)
    xb = tb_.to(dt) if tb_ is not None else torch.tensor(b, dtype=dt, device=device)
    return xa, xb


def isclose(
    a: ArrayOrScalar,
    b: ArrayOrScalar,
    rtol: Tolerance = 1e-05,
    atol: Tolerance = 1e-08,
    equal_nan: bool = False,
) -> Tensor:
    """Element-wise ``|a - b| <= atol + rtol * |b|`` (not symmetric in ``a`` and ``b``), with
    equal infinities close and NaN close to NaN only with ``equal_nan``.

    Parameters
    ----------
    a, b : array_like or scalar
        Broadcast together; compared in their promoted floating dtype.
    rtol, atol : float or array_like, optional
        Relative and absolute tolerances.
    equal_nan : bool, optional
        Whether NaN equals NaN.

    Returns
    -------
    Tensor
        bool, of the broadcast shape.

    Notes
    -----
    Memory and autograd: new memory; bool results have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.isclose([1.0, 1e-9], [1.0 + 1e-9, 0.0])
    tensor([True, True])
    """
    simple = type(rtol) is float and type(atol) is float and rtol >= 0 and atol >= 0
    if (
        simple
        and type(a) is Tensor
        and type(b) is Tensor
        and a.dtype is b.dtype
        and a.dtype in _INEXACT
    ):
        try:
            return torch.isclose(a, b, rtol, atol, equal_nan)  # type: ignore[arg-type]
        except RuntimeError:
            pass  # shapes or devices that do not match: the general path explains
    x, y = _inexact_pair(a, b, "isclose")
    if simple:
        try:
            return torch.isclose(x, y, rtol, atol, equal_nan)  # type: ignore[arg-type]
        except RuntimeError as e:
            raise ValueError(
                f"isclose: a of shape {tuple(x.shape)} and b of shape {tuple(y.shape)} do not "
                "broadcast together (or sit on different devices); make them compatible"
            ) from e
    rt = rtol if isinstance(rtol, (int, float)) else _tensor(rtol, "isclose", "rtol")
    at = atol if isinstance(atol, (int, float)) else _tensor(atol, "isclose", "atol")
    result = (x == y) | (torch.isfinite(y) & (torch.abs(x - y) <= at + rt * torch.abs(y)))
    if equal_nan:
        result = result | (torch.isnan(x) & torch.isnan(y))
    return result


def allclose(
    a: ArrayOrScalar,
    b: ArrayOrScalar,
    rtol: Tolerance = 1e-05,
    atol: Tolerance = 1e-08,
    equal_nan: bool = False,
) -> bool:
    """Whether every element of ``a`` is close to ``b``'s (see :func:`isclose`).

    Parameters
    ----------
    a, b : array_like or scalar
        Broadcast together.
    rtol, atol : float or array_like, optional
        Relative and absolute tolerances.
    equal_nan : bool, optional
        Whether NaN equals NaN.

    Returns
    -------
    bool
        A Python bool, as NumPy's (the data is read: a device sync).

    Notes
    -----
    Memory and autograd: no tensor is returned; nothing is kept on the autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.allclose([1.0, 2.0], [1.0, 2.0 + 1e-7])
    True
    """
    if (
        type(a) is Tensor
        and type(b) is Tensor
        and a.dtype is b.dtype
        and a.dtype in _INEXACT
        and type(rtol) is float
        and type(atol) is float
        and rtol >= 0
        and atol >= 0
    ):
        try:
            return torch.allclose(a, b, rtol, atol, equal_nan)
        except (RuntimeError, NotImplementedError):
            pass  # shapes, devices or meta tensors: the general path explains
    try:
        close = isclose(a, b, rtol, atol, equal_nan)
    except (TypeError, ValueError) as e:  # the same class, told as allclose's
        raise retold(e, "isclose", "allclose") from e
    return _truth(close.all(), "allclose")


def array_equal(a1: Tensor, a2: Tensor, equal_nan: bool = False) -> bool:
    """Whether ``a1`` and ``a2`` have one shape and equal elements.

    Parameters
    ----------
    a1, a2 : array_like
        Compared after promotion (``int8`` 1 equals ``float64`` 1.0).
    equal_nan : bool, optional
        Whether NaNs in the same places count as equal.

    Returns
    -------
    bool
        A Python bool (the data is read: a device sync).

    Notes
    -----
    Memory and autograd: no tensor is returned; nothing is kept on the autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.array_equal([1, 2], [1.0, 2.0])
    True
    """
    if type(a1) is Tensor and type(a2) is Tensor and a1.dtype is a2.dtype and not equal_nan:
        try:
            # False for shapes that differ; NaN differs from NaN, -0.0 equals 0.0
            return torch.equal(a1, a2)
        except (RuntimeError, NotImplementedError):
            pass  # unsigned gaps, devices that differ, meta tensors: the general path
    t1, t2 = _pair(a1, a2, "array_equal", ("a1", "a2"))
    if t1.shape != t2.shape:
        return False
    same = equal(t1, t2)
    if equal_nan:
        n1 = torch.isnan(t1) if t1.dtype in _INEXACT else torch.zeros_like(same)
        n2 = torch.isnan(t2) if t2.dtype in _INEXACT else torch.zeros_like(same)
        same = (same | (n1 & n2)) & (n1 == n2)
    return _truth(same.all(), "array_equal")


def array_equiv(a1: Tensor, a2: Tensor) -> bool:
    """Whether ``a1`` and ``a2`` broadcast together and are equal element-wise.

    Parameters
    ----------
    a1, a2 : array_like
        Compared after promotion.

    Returns
    -------
    bool
        False for shapes that do not broadcast; a Python bool (a device sync).

    Notes
    -----
    Memory and autograd: no tensor is returned; nothing is kept on the autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.array_equiv([1, 2], [[1, 2], [1, 2]])
    True
    """
    if type(a1) is Tensor and type(a2) is Tensor and a1.dtype is a2.dtype:
        try:
            return _truth(torch.eq(a1, a2).all(), "array_equiv")
        except RuntimeError:
            pass  # shapes that do not broadcast, unsigned gaps: the general path
    t1, t2 = _pair(a1, a2, "array_equiv", ("a1", "a2"))
    try:
        broadcast_shapes(t1.shape, t2.shape)
    except ValueError:
        return False
    return _truth(equal(t1, t2).all(), "array_equiv")


# ---- unique --------------------------------------------------------------------------------


def _collapse_nans(
    values: Tensor, inverse: Tensor | None, counts: Tensor, index: Tensor | None
) -> tuple[Tensor, Tensor | None, Tensor, Tensor | None]:
    """Sorted unique values with their NaNs (last, distinct) merged into one, as NumPy's
    ``equal_nan=True``: the NaN's count sums theirs, its index is the first of theirs."""
    if values.dtype not in _INEXACT or values.is_meta:
        return values, inverse, counts, index
    nan = torch.isnan(values)
    first_nan = int((~nan).sum())
    if values.shape[0] - first_nan <= 1:
        return values, inverse, counts, index
    k = first_nan
    merged_counts = torch.cat([counts[:k], counts[k:].sum().reshape(1)])
    # the merged NaN's index: its first occurrence; complex NaNs are ordered among themselves
    # (R+nanj < nan+Rj < nan+nanj, as NumPy sorts them), so the first in that order
    merged_index = None
    if index is not None:
        first = index[k] if values.dtype.is_complex else index[k:].min()
        merged_index = torch.cat([index[:k], first.reshape(1)])
    merged_inverse = None if inverse is None else inverse.clamp(max=k)
    return values[: k + 1], merged_inverse, merged_counts, merged_index


def _unique_rows(rows: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """First indices, inverse indices and counts of the distinct rows of a 2-d ``rows``, in
    NumPy's order: lexicographic by NumPy's order of the values (NaN after +inf), -0.0 equal
    to 0.0, and a row holding a NaN equal to no other row (NumPy compares rows with ``==``)."""
    n, m = rows.shape
    if n == 0 or m == 0:  # no rows, or rows without values: all of those are equal
        inverse = torch.zeros(n, dtype=torch.int64, device=rows.device)
        counts = torch.full((min(n, 1),), n, dtype=torch.int64, device=rows.device)
        return torch.zeros_like(counts), inverse, counts
    _, inverse, counts = torch.unique(
        order_key(rows), dim=0, return_inverse=True, return_counts=True
    )
    first = first_indices(inverse, counts.shape[0])
    if rows.dtype.is_floating_point:
        nan_group = torch.isnan(rows[first]).any(dim=1)
        if bool(nan_group.any()):  # (the result's size is read on the host anyway)
            inverse, counts = _split_groups(nan_group, inverse, counts)
            first = first_indices(inverse, counts.shape[0])
    return first, inverse, counts


def _split_groups(split: Tensor, inverse: Tensor, counts: Tensor) -> tuple[Tensor, Tensor]:
    """Inverse indices and counts with each group marked in ``split`` cut into its rows, one
    group per row in the order the rows come."""
    sizes = torch.where(split, counts, 1)
    starts = torch.cumsum(sizes, 0) - sizes
    order = torch.sort(inverse, stable=True).indices
    group_starts = torch.cumsum(counts, 0) - counts
    rank = torch.empty_like(inverse)
    rank[order] = (
        torch.arange(inverse.shape[0], device=inverse.device) - group_starts[inverse[order]]
    )
    new_inverse = starts[inverse] + torch.where(split[inverse], rank, 0)
    new_counts = torch.where(split, 1, counts).repeat_interleave(sizes)
    return new_inverse, new_counts


def unique(
    ar: Tensor,
    /,
    return_index: bool = False,
    return_inverse: bool = False,
    return_counts: bool = False,
    axis: int | None = None,
    *,
    equal_nan: bool = True,
    sorted: bool = True,  # noqa: A002 - NumPy's name
) -> Tensor | tuple[Tensor, ...]:
    """The sorted distinct values of ``ar`` (or distinct slices along ``axis``), with NumPy's
    optional first indices, inverse indices and counts.

    Parameters
    ----------
    ar : array_like
        Input; flattened unless ``axis`` is given.
    return_index : bool, optional
        Also return the index of each value's first occurrence.
    return_inverse : bool, optional
        Also return the indices that rebuild ``ar`` from the values (``ar``'s shape for
        ``axis=None``, as NumPy 2).
    return_counts : bool, optional
        Also return how often each value occurs.
    axis : int, optional
        Find distinct slices along this axis instead, ordered lexicographically by NumPy's
        order of the values (NaN last). As in NumPy, slices are compared with ``==``: a slice
        holding a NaN equals no other (``equal_nan`` does not apply), and a 1-d array gives
        the same result as without ``axis``.
    equal_nan : bool, optional
        Merge the NaNs into one value (NumPy's default); False keeps each NaN apart (the
        standard's ``unique_*`` rule).
    sorted : bool, optional
        Accepted; the values are always sorted (one valid order for ``sorted=False``).

    Returns
    -------
    Tensor or tuple of Tensor
        The values alone without flags, else ``(values, [index], [inverse], [counts])``.

    Raises
    ------
    ValueError
        For a ``meta`` tensor (the result's shape depends on the data).
    TypeError
        Complex input of two or more dimensions with ``axis``.

    Notes
    -----
    Memory and autograd: new memory; indices and counts have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.unique([3, 1, 3, 2])
    tensor([1, 2, 3])
    >>> values, counts = tb.unique([3, 1, 3], return_counts=True)
    >>> counts
    tensor([1, 2])
    """
    t = ar if type(ar) is Tensor else _tensor(ar, "unique", "ar")
    index: Tensor | None
    if axis is not None and t.ndim == 1:
        normalize_axis(axis, 1, "unique")
        axis = None  # NumPy 2 finds the unique values of a 1-d array by one path, axis or not
    if axis is None and not (return_index or return_inverse or return_counts):
        if not t.dtype.is_complex and not (equal_nan and t.dtype in _INEXACT):
            try:
                distinct: Tensor = torch.unique(t)
            except NotImplementedError as e:
                raise no_data("unique") from e
            return distinct
        if t.dtype not in _INEXACT or not equal_nan:
            return unique_parts(t, "unique")[0]
    counts_only = return_counts and not (return_index or return_inverse)
    if axis is None and counts_only and not t.dtype.is_complex:
        try:  # no inverse needed: torch counts directly
            values, counts = torch.unique(t, return_counts=True)
        except NotImplementedError as e:
            raise no_data("unique") from e
        if equal_nan:
            values, _, counts, _ = _collapse_nans(values, None, counts, None)
        return values, counts
    if axis is None:
        values, inverse, counts = unique_parts(t, "unique")
        index = first_indices(inverse, values.shape[0]) if return_index else None
        if equal_nan:
            values, merged, counts, index = _collapse_nans(values, inverse, counts, index)
            inverse = inverse if merged is None else merged
    else:
        ax = normalize_axis(axis, t.ndim, "unique")
        if t.dtype.is_complex:
            raise TypeError(
                "unique: complex input with axis= is not supported (torch cannot order complex "
                "slices); take the unique rows of tb.real and tb.imag stacked together"
            )
        if t.is_meta:
            raise no_data("unique")
        moved = torch.movedim(t, ax, 0)
        first, inverse, counts = _unique_rows(moved.reshape(moved.shape[0], -1 if t.numel() else 0))
        values = torch.movedim(moved.index_select(0, first), 0, ax)
        index = first if return_index else None
    extras: list[Tensor] = []
    if index is not None:  # (made exactly when return_index is set)
        extras.append(index)
    if return_inverse:
        extras.append(inverse)
    if return_counts:
        extras.append(counts)
    if not extras:
        return values
    return (values, *extras)


# ---- in1d and the 1-D set routines ---------------------------------------------------------


def in1d(
    ar1: Tensor,
    ar2: Tensor,
    assume_unique: bool = False,
    invert: bool = False,
    *,
    kind: Literal["sort", "table"] | None = None,
) -> Tensor:
    """Whether each element of the flattened ``ar1`` is in ``ar2`` (1-D bool). NumPy 2 removed
    ``in1d`` in favour of ``isin``, which keeps ``ar1``'s shape; this is ``isin(ar1, ar2)``
    flattened.

    Parameters
    ----------
    ar1, ar2 : array_like
        Input (``ar2`` any shape).
    assume_unique : bool, optional
        Accepted (torch picks its own algorithm).
    invert : bool, optional
        Negate the result.
    kind : {None, 'sort', 'table'}, optional
        Accepted and checked.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory; bool results have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.in1d([[1, 2], [3, 4]], [2, 3])
    tensor([False,  True,  True, False])
    """
    t1 = _tensor(ar1, "in1d", "ar1")
    return isin(t1.reshape(-1), ar2, assume_unique, invert, kind=kind)


def _flat_unique(x: object, caller: str, name: str) -> Tensor:
    """The sorted distinct values of ``x`` (flattened), NaNs merged, as NumPy's unique."""
    return unique(_tensor(x, caller, name).reshape(-1))  # type: ignore[return-value]


def _common(t1: Tensor, t2: Tensor) -> torch.dtype:
    return promote(t1.dtype, t2.dtype)


def intersect1d(
    ar1: Tensor, ar2: Tensor, assume_unique: bool = False, return_indices: bool = False
) -> Tensor | tuple[Tensor, Tensor, Tensor]:
    """The sorted values found in both ``ar1`` and ``ar2`` (flattened).

    Parameters
    ----------
    ar1, ar2 : array_like
        Input; the result has their promoted dtype.
    assume_unique : bool, optional
        Accepted; duplicates are removed either way (the same answer for unique input).
    return_indices : bool, optional
        Also return the index of each common value's first occurrence in each input.

    Returns
    -------
    Tensor, or (Tensor, Tensor, Tensor) with ``return_indices``

    Notes
    -----
    Memory and autograd: new memory; indices have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.intersect1d([1, 3, 4, 3], [3, 1, 2, 1])
    tensor([1, 3])
    """
    t1, t2 = _pair(ar1, ar2, "intersect1d", ("ar1", "ar2"))
    t1, t2 = t1.reshape(-1), t2.reshape(-1)
    dt = _common(t1, t2)
    v1, inv1, _ = unique_parts(t1.to(dt), "intersect1d")
    v2, inv2, _ = unique_parts(t2.to(dt), "intersect1d")
    in2 = member_of(v1, v2, False)
    values = v1[in2]
    if not return_indices:
        return values
    i1 = first_indices(inv1, v1.shape[0])[in2]
    i2 = first_indices(inv2, v2.shape[0])[member_of(v2, v1, False)]
    return values, i1, i2


def union1d(ar1: Tensor, ar2: Tensor) -> Tensor:
    """The sorted values found in either ``ar1`` or ``ar2`` (flattened; one NaN at most).

    Parameters
    ----------
    ar1, ar2 : array_like
        Input; the result has their promoted dtype.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory; not differentiable (built on ``unique``).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.union1d([-1, 0, 1], [-2, 0, 2])
    tensor([-2, -1,  0,  1,  2])
    """
    if (
        type(ar1) is Tensor
        and type(ar2) is Tensor
        and ar1.dtype is ar2.dtype
        and ar1.dtype not in _INEXACT  # (NaNs would need merging)
    ):
        try:
            joined: Tensor = torch.unique(torch.cat([ar1.reshape(-1), ar2.reshape(-1)]))
        except (RuntimeError, NotImplementedError):
            pass  # unsigned gaps, meta tensors: the general path
        else:
            return joined
    t1, t2 = _pair(ar1, ar2, "union1d", ("ar1", "ar2"))
    t1, t2 = t1.reshape(-1), t2.reshape(-1)
    dt = _common(t1, t2)
    joined = torch.cat([signed_view(t1.to(dt)), signed_view(t2.to(dt))]).view(dt)
    return _flat_unique(joined, "union1d", "ar1")


def setdiff1d(ar1: Tensor, ar2: Tensor, assume_unique: bool = False) -> Tensor:
    """The sorted distinct values of ``ar1`` that are not in ``ar2``.

    Parameters
    ----------
    ar1, ar2 : array_like
        Input; the result has ``ar1``'s dtype.
    assume_unique : bool, optional
        ``ar1`` holds distinct values: it is not made unique first (nor sorted), as NumPy.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory; not differentiable (built on ``unique``), except with
    ``assume_unique=True``, where the values are selected from ``ar1`` on its autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.setdiff1d([1, 2, 3, 2, 4, 1], [3, 4, 5, 6])
    tensor([1, 2])
    """
    t1, t2 = _pair(ar1, ar2, "setdiff1d", ("ar1", "ar2"))
    a1 = t1.reshape(-1) if assume_unique else _flat_unique(t1, "setdiff1d", "ar1")
    return a1[isin(a1, t2, invert=True)]


def setxor1d(ar1: Tensor, ar2: Tensor, assume_unique: bool = False) -> Tensor:
    """The sorted values found in exactly one of ``ar1`` and ``ar2``.

    Parameters
    ----------
    ar1, ar2 : array_like
        Input; the result has their promoted dtype.
    assume_unique : bool, optional
        Both inputs hold distinct values: they are not made unique first.

    Returns
    -------
    Tensor

    Notes
    -----
    Memory and autograd: new memory; not differentiable (built on ``unique``).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.setxor1d([1, 2, 3, 2, 4], [2, 3, 5, 7, 5])
    tensor([1, 4, 5, 7])
    """
    t1, t2 = _pair(ar1, ar2, "setxor1d", ("ar1", "ar2"))
    t1, t2 = t1.reshape(-1), t2.reshape(-1)
    dt = _common(t1, t2)
    if not assume_unique:
        t1, t2 = _flat_unique(t1, "setxor1d", "ar1"), _flat_unique(t2, "setxor1d", "ar2")
    joined = torch.cat([signed_view(t1.to(dt)), signed_view(t2.to(dt))]).view(dt)
    aux = sort(joined)
    if aux.shape[0] == 0:
        return aux
    bits = signed_view(aux)
    differs = bits[1:] != bits[:-1]
    edge = torch.ones(1, dtype=torch.bool, device=aux.device)
    flag = torch.cat([edge, differs, edge])
    return aux[flag[1:] & flag[:-1]]
