"""Utility functions of the Array API (all, any, diff), with NumPy's calling forms.

``all``/``any`` reduce to bool for every input dtype (torch keeps uint8 for uint8 input; NaN
counts as True); ``diff`` takes NumPy's scalar ``prepend``/``append`` and wraps unsigned
differences. As in the statistical chapter, the options NumPy takes positionally may be given
so (``diff(x, 2)``, ``all(x, 0)``), and ``out=``/``where=`` are NumPy's.

Memory and autograd: every result is new memory; ``diff`` stays on the input's autograd graph
(``all``/``any`` give bool, which has no gradient).
"""

from __future__ import annotations

import operator
from collections.abc import Callable

import torch
from torch import Tensor

from tbridge._convert.bridge import asarray
from tbridge._convert.gate import as_tensor, is_python_scalar, where_mask, write_out
from tbridge._core.axes import AxisLike, normalize_axes, normalize_axis
from tbridge._core.promotion import result_type
from tbridge._core.typing import Mask, Scalar
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits

__all__ = ["all", "any", "diff"]


def _tensor(x: object, caller: str, name: str = "x") -> Tensor:
    """``x`` through the input gate (a tensor passes as itself)."""
    return x if type(x) is Tensor else as_tensor(x, caller, name)


# ---- all, any ------------------------------------------------------------------------------


def _truth(
    fn: Callable[..., Tensor],
    x: object,
    axis: object,
    out: Tensor | None,
    keepdims: bool,
    where: object,
    caller: str,
) -> Tensor:
    t = _tensor(x, caller)
    dims = normalize_axes(axis, t.ndim, caller)
    if where is not True:
        m = where_mask(where, caller, t.device, t.shape)
        # masked-out elements become the reduction's identity: True for all, False for any
        t = torch.where(m, t.to(torch.bool), fn is torch.all)
    if not dims:
        result = t.to(torch.bool, copy=True)
    else:
        result = fn(t, dims, keepdim=keepdims)
        if result.dtype != torch.bool:
            result = result.to(torch.bool)  # torch keeps uint8
    return write_out(result, out, caller)


def all(  # noqa: A001 - the standard's name
    x: Tensor,
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    *,
    where: Mask = True,
) -> Tensor:
    """Whether every element over ``axis`` is non-zero.

    Parameters
    ----------
    x : array_like
        Input of any dtype (NaN counts as True).
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    where : array_like of bool, optional
        Only elements where the mask is True are tested.

    Returns
    -------
    Tensor
        bool; an empty reduction is True.

    Notes
    -----
    Memory and autograd: new memory (``out`` when given); bool results have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.all([[1, 0], [1, 1]], axis=1)
    tensor([False,  True])
    """
    if type(x) is Tensor and out is None and where is True and x.dtype is not torch.uint8:
        try:
            if axis is None:
                return torch.all(x, None, True) if keepdims else torch.all(x)
            if type(axis) is int and x.ndim:
                return torch.all(x, axis, keepdims)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    return _truth(torch.all, x, axis, out, keepdims, where, "all")


def any(  # noqa: A001 - the standard's name
    x: Tensor,
    /,
    axis: AxisLike = None,
    out: Tensor | None = None,
    keepdims: bool = False,
    *,
    where: Mask = True,
) -> Tensor:
    """Whether any element over ``axis`` is non-zero.

    Parameters
    ----------
    x : array_like
        Input of any dtype (NaN counts as True).
    axis : int or tuple of int, optional
        Axes to reduce (all by default).
    out : Tensor, optional
        Tensor to write the result into; it is returned.
    keepdims : bool, optional
        Keep the reduced axes as size 1.
    where : array_like of bool, optional
        Only elements where the mask is True are tested.

    Returns
    -------
    Tensor
        bool; an empty reduction is False.

    Notes
    -----
    Memory and autograd: new memory (``out`` when given); bool results have no gradient.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.any([0, 0, 3])
    tensor(True)
    """
    if type(x) is Tensor and out is None and where is True and x.dtype is not torch.uint8:
        try:
            if axis is None:
                return torch.any(x, None, True) if keepdims else torch.any(x)
            if type(axis) is int and x.ndim:
                return torch.any(x, axis, keepdims)
        except IndexError:
            pass  # an axis out of range: the slow path explains
    return _truth(torch.any, x, axis, out, keepdims, where, "any")


# ---- diff ------------------------------------------------------------------------------------


def _edge(value: object, like: Tensor) -> Tensor | None:
    """``prepend``/``append`` as a tensor. NumPy makes a Python scalar an array first
    (``np.asanyarray``), so it counts at NumPy's default dtype, not as a weak scalar:
    ``diff(int8 array, prepend=300)`` is int64 there, and here."""
    if value is None:
        return None
    if is_python_scalar(value):
        return asarray(value, device=like.device)  # type: ignore[arg-type]  # a Python number
    return _tensor(value, "diff", "prepend/append")


def _edge_tensor(value: Tensor, t: Tensor, ax: int, dt: torch.dtype) -> Tensor:
    out = value if value.dtype == dt else value.to(dt)
    if out.ndim == 0 and t.ndim:
        shape = list(t.shape)
        shape[ax] = 1  # a 0-d value stands for one slice along the axis, as in NumPy
        out = out.expand(shape)
    return out


def diff(
    x: Tensor,
    /,
    n: int = 1,
    axis: int = -1,
    prepend: Tensor | Scalar | None = None,
    append: Tensor | Scalar | None = None,
) -> Tensor:
    """The ``n``-th forward difference ``x[i+1] - x[i]`` along ``axis``.

    Parameters
    ----------
    x : array_like
        Input with at least one dimension.
    n : int, optional
        The order (0 gives a copy).
    axis : int, optional
        The axis to difference along (the last by default).
    prepend, append : array_like, optional
        Concatenated to ``x`` along ``axis`` first; a 0-d array or a Python scalar stands for
        one slice, and a Python scalar counts at NumPy's default dtype (``np.diff`` makes it
        an array).

    Returns
    -------
    Tensor
        bool input gives ``x[i+1] != x[i]``; unsigned differences wrap.

    Notes
    -----
    Memory and autograd: new memory, on ``x``'s autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.diff([1, 4, 9, 16])
    tensor([3, 5, 7])
    >>> tb.diff([1, 4, 9, 16], 2)
    tensor([2, 2])
    """
    if (
        type(x) is Tensor
        and prepend is None
        and append is None
        and type(n) is int
        and n > 0
        and type(axis) is int
        and x.ndim
    ):
        try:
            return torch.diff(x) if n == 1 and axis == -1 else torch.diff(x, n, axis)
        except (RuntimeError, IndexError):
            pass  # uint16/32/64 or a bad axis: the slow path
    t = _tensor(x, "diff")
    if t.ndim == 0:
        raise ValueError(
            "diff: a 0-d array has no axis to take differences along; pass an array with at "
            "least one dimension"
        )
    ax = normalize_axis(axis, t.ndim, "diff")
    if isinstance(n, bool) or not hasattr(n, "__index__"):
        raise TypeError(f"diff: n={n!r} is not an integer; pass the order as an int, e.g. n=1")
    order = operator.index(n)
    if order < 0:
        raise ValueError(f"diff: n={order} is negative; the order of a difference must be >= 0")
    if order == 0:
        return t.clone()
    before = _edge(prepend, t)
    after = _edge(append, t)
    parts = [p for p in (before, t, after) if p is not None]
    dt = result_type(*parts) if len(parts) > 1 else t.dtype
    tensors = [_edge_tensor(p, t, ax, dt) for p in parts]
    try:
        joined = torch.cat(tensors, ax) if len(tensors) > 1 else tensors[0]
    except RuntimeError as e:
        raise ValueError(
            f"diff: prepend/append must match x's shape {tuple(t.shape)} except along axis "
            f"{ax}, got shapes {[tuple(p.shape) for p in tensors if p is not t]}; reshape "
            "them to match (or pass a scalar)"
        ) from e
    if dt in UNSIGNED_GAPS:
        return on_bits(lambda v: torch.diff(v, n=order, dim=ax), joined)
    return torch.diff(joined, n=order, dim=ax)
