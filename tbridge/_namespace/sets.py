"""Set functions of the Array API (isin, unique_all, unique_counts, unique_inverse,
unique_values), with NumPy's calling forms.

Each function calls torch directly when torch's answer is already the standard's, and otherwise
fills torch's gaps: the unsigned dtypes without kernels (pytorch#58734) through same-size signed
views (exact for equality), bool where torch's ``isin`` has no kernel, and complex values, which
torch can neither sort nor search: they are ordered as NumPy orders them (real part, then
imaginary part) and compared pairwise.

``unique_*`` return the standard's named tuples; unique values come out sorted, NaNs are
distinct and -0.0 equals 0.0. The result shape depends on the data, so they raise ValueError on
``meta`` tensors, which hold none. ``tb.unique`` (NumPy's signature, flags and ``equal_nan``)
lives in :mod:`tbridge._numpy.logic` and builds on :func:`unique_parts`.

Memory and autograd: every result is new memory; nothing here is differentiable (torch has no
derivative for ``unique``; bool, index and count results have none).
"""

from __future__ import annotations

from typing import Final, NamedTuple

import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor
from tbridge._core.values import (
    common_dtype,
    complex_argsort,
    no_data,
    signed_view,
)

__all__ = [
    "isin",
    "unique_all",
    "unique_counts",
    "unique_inverse",
    "unique_values",
]

#: NumPy's ``kind=`` of isin: the algorithm; torch picks its own, so only the names are checked.
_ISIN_KINDS: Final = (None, "sort", "table")


class UniqueAllResult(NamedTuple):
    """``unique_all``'s result: values, first indices, inverse indices and counts."""

    values: Tensor
    indices: Tensor
    inverse_indices: Tensor
    counts: Tensor


class UniqueCountsResult(NamedTuple):
    """``unique_counts``'s result: values and counts."""

    values: Tensor
    counts: Tensor


class UniqueInverseResult(NamedTuple):
    """``unique_inverse``'s result: values and the indices that rebuild the input from them."""

    values: Tensor
    inverse_indices: Tensor


def _tensor(x: object, caller: str, name: str = "x") -> Tensor:
    """``x`` through the input gate (a tensor passes as itself)."""
    return x if type(x) is Tensor else as_tensor(x, caller, name)


def _beside_data(x: object, like: Tensor, caller: str, name: str) -> Tensor:
    """An argument that goes with ``like``: a tensor as it is, other array data (lists, NumPy
    arrays, scalars) made on ``like``'s device, as the data it is combined with."""
    return x if type(x) is Tensor else as_tensor(x, caller, name, device=like.device)


# ---- isin ----------------------------------------------------------------------------------


def member_of(ta: Tensor, tb_: Tensor, invert: bool) -> Tensor:
    """Whether each element of ``ta`` equals one of ``tb_`` (same dtype): torch's isin where it
    has a kernel, signed views for the unsigned gaps, all pairs for complex values."""
    if ta.dtype.is_complex:  # torch's isin has no complex kernel: compare all pairs
        if ta.numel() == 0 or tb_.numel() == 0:
            found = torch.zeros(ta.shape, dtype=torch.bool, device=ta.device)
        else:
            found = (ta.reshape(-1, 1) == tb_.reshape(1, -1)).any(dim=1).reshape(ta.shape)
        return found.logical_not() if invert else found
    if ta.dtype == torch.bool:
        ta, tb_ = ta.to(torch.uint8), tb_.to(torch.uint8)  # no bool kernel either
    return torch.isin(signed_view(ta), signed_view(tb_), invert=invert)


def isin(
    element: Tensor | int,
    test_elements: Tensor | int,
    assume_unique: bool = False,
    invert: bool = False,
    *,
    kind: str | None = None,
) -> Tensor:
    """Whether each element of ``element`` equals some element of ``test_elements``.

    Parameters
    ----------
    element : array_like or scalar
        The elements to test (the result has its shape; 0-d for a scalar).
    test_elements : array_like or scalar
        The elements to test against (any shape).
    assume_unique : bool, optional
        NumPy's promise that both inputs hold distinct values; accepted (torch picks its own
        algorithm either way).
    invert : bool, optional
        Return the negation: whether each element is in none of ``test_elements``.
    kind : {None, 'sort', 'table'}, optional
        NumPy's algorithm choice; accepted and checked, torch picks its own.

    Returns
    -------
    Tensor
        bool; equality after promotion: NaN is in nothing and -0.0 equals 0.0.

    Notes
    -----
    Memory and autograd: new memory; bool results have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.isin(tb.arange(5), [1, 3])
    tensor([False,  True, False,  True, False])
    """
    if (
        type(element) is Tensor
        and type(test_elements) is Tensor
        and element.dtype is test_elements.dtype
        and kind is None
    ):
        try:
            return (
                torch.isin(element, test_elements, invert=True)
                if invert
                else torch.isin(element, test_elements)
            )
        except RuntimeError:
            pass  # bool, complex or uint16/32/64: the slow path
    if kind not in _ISIN_KINDS:
        raise ValueError(f"isin: kind={kind!r} is not an algorithm; pass None, 'sort' or 'table'")
    like = (
        element
        if type(element) is Tensor
        else test_elements
        if type(test_elements) is Tensor
        else None
    )
    # NumPy makes a Python scalar an array of its own default dtype here (int64, float64,
    # complex128), not a weak scalar: ``isin(float32_array, 0.1)`` compares in float64.
    if like is None:
        ta = _tensor(element, "isin", "element")
        tb_ = _tensor(test_elements, "isin", "test_elements")
    else:  # array data beside a tensor is made on its device
        ta = _beside_data(element, like, "isin", "element")
        tb_ = _beside_data(test_elements, like, "isin", "test_elements")
    if ta.device != tb_.device:
        raise ValueError(
            f"isin: element is on {ta.device} but test_elements is on {tb_.device}; move "
            "them to one device (tb.to_device)"
        )
    dt = common_dtype(ta, tb_)
    ta, tb_ = ta.to(dt), tb_.to(dt)
    return member_of(ta, tb_, invert)


# ---- unique_* ------------------------------------------------------------------------------


def first_indices(inverse: Tensor, size: int) -> Tensor:
    """For each unique value, the flat index of its first occurrence."""
    n = inverse.numel()
    positions = torch.arange(n, device=inverse.device)
    first = torch.full((size,), n, dtype=torch.int64, device=inverse.device)
    return first.scatter_reduce_(0, inverse.reshape(-1), positions, reduce="amin")


def unique_parts(t: Tensor, caller: str) -> tuple[Tensor, Tensor, Tensor]:
    """Sorted unique values, inverse indices (shaped like ``t``) and counts.

    Real dtypes use torch.unique (NaNs distinct, -0.0 == 0.0); complex values are sorted as
    NumPy orders them and split where neighbours differ (so NaNs stay distinct there too).

    Raises
    ------
    ValueError
        For a ``meta`` tensor.
    """
    try:
        if not t.dtype.is_complex:
            values, inv, cnt = torch.unique(t, return_inverse=True, return_counts=True)
            return values, inv, cnt
        flat = t.reshape(-1)
        perm = complex_argsort(flat, 0, False)
        ordered_values = flat[perm]
        new = torch.ones(flat.shape, dtype=torch.bool, device=flat.device)
        new[1:] = ordered_values[1:] != ordered_values[:-1]
        group = torch.cumsum(new, 0) - 1
        values = ordered_values[new]
        inv = torch.empty_like(group)
        inv[perm] = group
        cnt = torch.bincount(group, minlength=values.shape[0])
        return values, inv.reshape(t.shape), cnt
    except NotImplementedError as e:
        raise no_data(caller) from e


def unique_values(x: Tensor, /) -> Tensor:
    """The distinct values of ``x`` (flattened), sorted.

    Parameters
    ----------
    x : array_like
        Input.

    Returns
    -------
    Tensor
        NaNs are distinct and -0.0 equals 0.0 (the standard's rule; ``tb.unique`` has NumPy's
        ``equal_nan``).

    Raises
    ------
    ValueError
        For a ``meta`` tensor (the result's shape depends on the data).

    Notes
    -----
    Memory and autograd: new memory; not differentiable (torch has no derivative for unique).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.unique_values([3, 1, 3, 2])
    tensor([1, 2, 3])
    """
    if type(x) is Tensor:
        try:
            values: Tensor = torch.unique(x)
            return values
        except NotImplementedError:
            pass  # complex or a meta tensor: the slow path
    return unique_parts(_tensor(x, "unique_values"), "unique_values")[0]


def unique_counts(x: Tensor, /) -> UniqueCountsResult:
    """The distinct values of ``x`` (flattened, sorted) and how often each occurs.

    Parameters
    ----------
    x : array_like
        Input.

    Returns
    -------
    UniqueCountsResult
        ``values`` and ``counts`` (int64); each NaN is its own value with count 1.

    Raises
    ------
    ValueError
        For a ``meta`` tensor (the result's shape depends on the data).

    Notes
    -----
    Memory and autograd: new memory; counts have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.unique_counts([3, 1, 3]).counts
    tensor([1, 2])
    """
    if type(x) is Tensor:
        try:
            values, counts = torch.unique(x, return_counts=True)
            return UniqueCountsResult(values, counts)
        except NotImplementedError:
            pass  # complex or a meta tensor: the slow path
    values, _, counts = unique_parts(_tensor(x, "unique_counts"), "unique_counts")
    return UniqueCountsResult(values, counts)


def unique_inverse(x: Tensor, /) -> UniqueInverseResult:
    """The distinct values of ``x`` (flattened, sorted) and the indices that rebuild ``x``.

    Parameters
    ----------
    x : array_like
        Input.

    Returns
    -------
    UniqueInverseResult
        ``values`` and ``inverse_indices`` (int64, shaped like ``x``).

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
    >>> tb.unique_inverse([3, 1, 3]).inverse_indices
    tensor([1, 0, 1])
    """
    if type(x) is Tensor:
        try:
            values, inverse = torch.unique(x, return_inverse=True)
            return UniqueInverseResult(values, inverse)
        except NotImplementedError:
            pass  # complex or a meta tensor: the slow path
    values, inverse, _ = unique_parts(_tensor(x, "unique_inverse"), "unique_inverse")
    return UniqueInverseResult(values, inverse)


def unique_all(x: Tensor, /) -> UniqueAllResult:
    """The distinct values of ``x`` (flattened, sorted) with first indices, inverse indices and
    counts.

    Parameters
    ----------
    x : array_like
        Input.

    Returns
    -------
    UniqueAllResult
        ``values``; ``indices``, the flat index of each value's first occurrence;
        ``inverse_indices``, shaped like ``x``; ``counts`` (all int64).

    Raises
    ------
    ValueError
        For a ``meta`` tensor (the result's shape depends on the data).

    Notes
    -----
    Memory and autograd: new memory; indices and counts have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.unique_all([3, 1, 3]).indices
    tensor([1, 0])
    """
    values, inverse, counts = unique_parts(_tensor(x, "unique_all"), "unique_all")
    return UniqueAllResult(values, first_indices(inverse, values.shape[0]), inverse, counts)
