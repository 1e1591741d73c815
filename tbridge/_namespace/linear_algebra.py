"""The Array API's linear algebra functions: ``matmul``, ``matrix_transpose``, ``tensordot``,
``vecdot`` (also ``tbridge.linalg``'s, which re-exports them).

Fast path: both operands tensors of one dtype that torch contracts natively; torch is called
directly. Slow path: operands through the input gate (NumPy arrays, lists, scalars), promotion
by the standard's table (:mod:`tbridge._core.promotion`), shapes checked with messages that name
the shapes, and the dtypes torch cannot contract handled here:

* uint16/uint32/uint64 (pytorch#58734): on same-size signed views (:func:`on_bits`). A
  contraction is only multiplications and additions, and two's complement arithmetic modulo
  2**bits gives the same bits as unsigned arithmetic modulo 2**bits, so the result is exact,
  including NumPy's wrap-around on overflow.
* bool: NumPy's logical contraction (OR of ANDs), computed as an int64 count ``!= 0``.
* integer dtypes on devices without integer GEMM kernels (CUDA: "addmm_cuda not implemented
  for 'Long'", pytorch#44428): broadcast multiply and a sum in the same dtype, which wraps as
  the kernel would.

NumPy's calling conventions are taken too: ``matmul(x1, x2, out, dtype=)`` (``out`` with
NumPy's ``same_kind`` rule) and ``tensordot(x1, x2, axes)`` with ``axes`` by position.

Memory and autograd: ``matrix_transpose`` returns a view sharing ``x``'s memory (as NumPy's
does); every other result is new memory. Floating results stay on the autograd graph.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from typing import Final, TypeAlias

import torch
from numpy.exceptions import AxisError
from torch import Tensor

from tbridge._convert.gate import as_tensor, loop_operands, write_out
from tbridge._core.dtypes import (
    INEXACT,
    DTypeLike,
    torch_dtype,
)
from tbridge._core.promotion import kind_rank, promote
from tbridge._core.signatures import tensordot as _torch_tensordot
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits
from tbridge._namespace.elementwise import _tensor

__all__ = ["matmul", "matrix_transpose", "tensordot", "vecdot"]

TensordotAxes: TypeAlias = "int | Sequence[int | Sequence[int]]"

#: dtypes torch's CPU contractions (matmul, tensordot) handle with the standard's result.
_NATIVE: Final = frozenset(
    {
        torch.int8,
        torch.int16,
        torch.int32,
        torch.int64,
        torch.uint8,
        torch.float16,
        torch.bfloat16,
        torch.float32,
        torch.float64,
        torch.complex64,
        torch.complex128,
    }
)
#: dtypes torch.linalg.vecdot accepts.
_INEXACT: Final = INEXACT


def _promoted(
    x1: object, x2: object, caller: str, names: tuple[str, str] = ("x1", "x2")
) -> tuple[Tensor, Tensor, torch.dtype]:
    """Both operands through the gate (errors name them ``names``) as tensors of their
    promoted dtype, and that dtype."""
    t1 = x1 if type(x1) is Tensor else as_tensor(x1, caller, names[0])
    t2 = x2 if type(x2) is Tensor else as_tensor(x2, caller, names[1])
    dt = promote(t1.dtype, t2.dtype)
    return (t1 if t1.dtype == dt else t1.to(dt)), (t2 if t2.dtype == dt else t2.to(dt)), dt


# ---- the contraction kernel every slow path ends in ----------------------------------------


def _matmul_by_sum(a: Tensor, b: Tensor) -> Tensor:
    """``a @ b`` as a broadcast multiply and a sum in ``a``'s dtype (for integer dtypes only).

    Used where torch has no integer GEMM for the device. The sum keeps the dtype, so it wraps
    modulo 2**bits exactly as an integer GEMM would.
    """
    a2 = a.unsqueeze(0) if a.ndim == 1 else a
    b2 = b.unsqueeze(-1) if b.ndim == 1 else b
    out = (a2.unsqueeze(-1) * b2.unsqueeze(-3)).sum(-2, dtype=a.dtype)
    if a.ndim == 1:
        out = out.squeeze(-2)
    if b.ndim == 1:
        out = out.squeeze(-1)
    return out


def _signed_matmul(a: Tensor, b: Tensor) -> Tensor:
    """``torch.matmul`` for the dtypes torch has, with the integer fallback for other devices."""
    try:
        return torch.matmul(a, b)
    except NotImplementedError:
        if a.dtype.is_floating_point or a.dtype.is_complex:
            raise
        return _matmul_by_sum(a, b)


def _contract(a: Tensor, b: Tensor, dt: torch.dtype) -> Tensor:
    """``a @ b`` (matmul's shape rules) for operands of dtype ``dt``, any dtype."""
    if dt in UNSIGNED_GAPS:
        return on_bits(_signed_matmul, a, b)
    if dt == torch.bool:
        return _signed_matmul(a.to(torch.int64), b.to(torch.int64)) != 0
    return _signed_matmul(a, b)


# ---- matmul ---------------------------------------------------------------------------------


def _check_matmul_shapes(a: Tensor, b: Tensor, caller: str) -> None:
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError(
            f"{caller}: operands of shapes {tuple(a.shape)} and {tuple(b.shape)}: a 0-d array has "
            "no matrix product; use tb.multiply for scalars"
        )
    k1 = a.shape[-1]
    k2 = b.shape[-2] if b.ndim > 1 else b.shape[0]
    if k1 != k2:
        raise ValueError(
            f"{caller}: shapes {tuple(a.shape)} and {tuple(b.shape)} do not align: x1's last "
            f"dimension ({k1}) must equal x2's {'second-to-last' if b.ndim > 1 else 'only'} "
            f"dimension ({k2})"
        )


def _cast_to(t: Tensor, dtype: torch.dtype, caller: str, name: str) -> Tensor:
    """``t`` cast to a requested ``dtype=`` under NumPy's ``same_kind`` rule (a ufunc's)."""
    if t.dtype == dtype:
        return t
    if kind_rank(dtype) < kind_rank(t.dtype):
        raise TypeError(
            f"{caller}: cannot cast {name} from {t.dtype} to dtype={dtype} under NumPy's "
            "'same_kind' rule; pass a dtype of the operands' kind or wider, or cast them first"
        )
    return t.to(dtype)


def _matmul_slow(x1: object, x2: object, out: Tensor | None, dtype: DTypeLike | None) -> Tensor:
    a, b, dt = _promoted(x1, x2, "matmul")
    if dtype is not None:
        dt = torch_dtype(dtype, caller="matmul")
        a, b = _cast_to(a, dt, "matmul", "x1"), _cast_to(b, dt, "matmul", "x2")
    _check_matmul_shapes(a, b, "matmul")
    try:
        result = _contract(a, b, dt)
    except RuntimeError as e:
        raise ValueError(
            f"matmul: shapes {tuple(a.shape)} and {tuple(b.shape)}: the stack dimensions "
            f"{tuple(a.shape[:-2])} and {tuple(b.shape[:-2])} do not broadcast"
        ) from e
    return write_out(result, out, "matmul")


def matmul(
    x1: Tensor, x2: Tensor, /, out: Tensor | None = None, *, dtype: DTypeLike | None = None
) -> Tensor:
    """Matrix product with the ``@`` operator's rules (PEP 465), dtypes promoted by the standard.

    1-D operands are treated as row/column vectors and the added dimension is removed again;
    stack dimensions broadcast. All integer dtypes work, uint16/32/64 included (exact,
    wrapping on overflow as NumPy does); bool gives the logical product. NumPy's ``out``
    receives the result (``same_kind`` casting); ``dtype`` casts the operands first
    (``same_kind``) and computes in it.

    Memory and autograd: new memory (``out``'s when given), on both operands' graphs.

    Raises
    ------
    ValueError
        For a 0-d operand, a contracted dimension that does not match, or stack dimensions
        that do not broadcast; an ``out`` of another shape or device.
    TypeError
        For operands that are not arrays, or a ``dtype``/``out`` of a lower kind.

    Examples
    --------
    >>> import tbridge as tb
    >>> a = tb.asarray([[1, 2], [3, 4]], dtype=tb.uint32)
    >>> tb.matmul(a, a)
    tensor([[ 7, 10],
            [15, 22]], dtype=torch.uint32)
    >>> tb.matmul([[1, 2]], [3, 4])
    tensor([11])
    """
    if type(x1) is Tensor and type(x2) is Tensor and out is None and dtype is None:
        dt = x1.dtype
        if dt is x2.dtype and dt in _NATIVE:
            try:
                return torch.matmul(x1, x2)
            except RuntimeError:
                pass  # the slow path explains the error or works around the missing kernel
    return _matmul_slow(x1, x2, out, dtype)


def matrix_transpose(x: Tensor, /) -> Tensor:
    """The transpose of each matrix in ``x`` (the last two dimensions swapped), as a view.

    Memory and autograd: shares memory with ``x`` (like NumPy's) and stays on its graph.

    Raises
    ------
    ValueError
        When ``x`` has fewer than two dimensions.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.matrix_transpose([[1, 2, 3]])
    tensor([[1],
            [2],
            [3]])
    """
    if type(x) is Tensor and x.ndim:  # (torch gives a 0-d tensor's mT as itself)
        try:
            return x.mT
        except RuntimeError:
            pass  # fewer than two dimensions: explained below
    t = _tensor(x, "matrix_transpose")
    if t.ndim < 2:
        raise ValueError(
            f"matrix_transpose: x has shape {tuple(t.shape)}; it needs at least two dimensions "
            "(a matrix or a stack of matrices)"
        )
    return t.mT


# ---- tensordot ------------------------------------------------------------------------------


def _axis_list(axes: object, ndim: int, which: str) -> list[int]:
    if isinstance(axes, (str, bytes)) or not isinstance(axes, Sequence):
        axes = [axes]
    out: list[int] = []
    for ax in axes:
        if isinstance(ax, bool) or not hasattr(ax, "__index__"):
            raise TypeError(f"tensordot: axis {ax!r} for {which} is not an integer")
        i = operator.index(ax)  # pyright: ignore[reportArgumentType] - has __index__
        if not -ndim <= i < ndim:
            raise ValueError(
                f"tensordot: axis {i} is out of bounds for {which} with {ndim} dimensions; "
                f"valid axes are {-ndim}..{ndim - 1}"
            )
        out.append(i % ndim)
    if len(set(out)) != len(out):
        raise ValueError(
            f"tensordot: axes {list(axes)} for {which} repeat an axis; each must be unique"
        )
    return out


def _tensordot_axes(a: Tensor, b: Tensor, axes: object) -> tuple[list[int], list[int]]:
    """Normalized contracted axes of ``a`` and ``b``, checked against the standard's rules."""
    if isinstance(axes, int) and not isinstance(axes, bool):
        if axes < 0:
            raise ValueError(
                f"tensordot: axes={axes} must be >= 0 (the number of axes to contract)"
            )
        if axes > a.ndim or axes > b.ndim:
            raise ValueError(
                f"tensordot: axes={axes} contracts more axes than the operands have (shapes "
                f"{tuple(a.shape)} and {tuple(b.shape)})"
            )
        ax1, ax2 = list(range(a.ndim - axes, a.ndim)), list(range(axes))
    elif isinstance(axes, Sequence) and not isinstance(axes, str) and len(axes) == 2:
        ax1 = _axis_list(axes[0], a.ndim, "x1")
        ax2 = _axis_list(axes[1], b.ndim, "x2")
        if len(ax1) != len(ax2):
            raise ValueError(
                f"tensordot: axes={axes!r} names {len(ax1)} axes of x1 and {len(ax2)} of x2; "
                "both sequences must have the same length"
            )
    else:
        raise TypeError(
            f"tensordot: axes={axes!r} must be an int (the last N axes of x1 with the first N of "
            "x2) or a pair of sequences (x1_axes, x2_axes)"
        )
    for i, j in zip(ax1, ax2, strict=True):
        if a.shape[i] != b.shape[j]:
            raise ValueError(
                f"tensordot: contracted axis {i} of x1 (size {a.shape[i]}) and axis {j} of x2 "
                f"(size {b.shape[j]}) differ; contracted axes must match and are never "
                f"broadcast (shapes {tuple(a.shape)} and {tuple(b.shape)})"
            )
    return ax1, ax2


def _tensordot_slow(x1: object, x2: object, axes: object) -> Tensor:
    a, b, dt = _promoted(x1, x2, "tensordot")
    ax1, ax2 = _tensordot_axes(a, b, axes)
    if dt in _NATIVE and a.device.type == "cpu" and a.ndim and b.ndim:
        return _torch_tensordot(a, b, dims=(ax1, ax2))
    # Generic route: free axes first/last, one matrix product, then the free shape back.
    # (Also for 0-d operands: torch.tensordot of two 0-d tensors gives shape (1, 1).)
    free1 = [i for i in range(a.ndim) if i not in ax1]
    free2 = [j for j in range(b.ndim) if j not in ax2]
    shape1 = [a.shape[i] for i in free1]
    shape2 = [b.shape[j] for j in free2]
    k = math.prod([a.shape[i] for i in ax1])
    am = a.permute((*free1, *ax1)).reshape(math.prod(shape1), k)
    bm = b.permute((*ax2, *free2)).reshape(k, math.prod(shape2))
    return _contract(am, bm, dt).reshape((*shape1, *shape2))


def tensordot(x1: Tensor, x2: Tensor, /, axes: TensordotAxes = 2) -> Tensor:
    """Tensor contraction of ``x1`` and ``x2`` over ``axes``, dtypes promoted by the standard.

    ``axes=N`` contracts the last N axes of ``x1`` with the first N of ``x2``; a pair names
    the axes of each, as sequences or single ints (negative axes count from the end). As in
    NumPy, ``axes`` may be passed by position. Contracted axes must
    have equal sizes; unlike ``torch.tensordot`` they are never broadcast. The result's shape
    is ``x1``'s free axes followed by ``x2``'s. All integer dtypes work, uint16/32/64 included.

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    ValueError
        For a negative ``axes``, an axis out of bounds or repeated, or contracted sizes that
        differ.
    TypeError
        For ``axes`` of another form, or operands that are not arrays.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.tensordot([[1, 2], [3, 4]], [1, 1], 1)
    tensor([3, 7])
    """
    if (
        type(x1) is Tensor
        and type(x2) is Tensor
        and type(axes) is int
        and x1.ndim
        and x2.ndim
        and x1.dtype is x2.dtype
        and x1.dtype in _NATIVE
        and 0 <= axes <= min(x1.ndim, x2.ndim)
        and x1.shape[x1.ndim - axes :] == x2.shape[:axes]
    ):
        try:
            out: Tensor = torch.tensordot(x1, x2, axes)
            return out
        except RuntimeError:
            pass  # e.g. no integer kernel on this device: the slow path works around it
    return _tensordot_slow(x1, x2, axes)


# ---- vecdot ---------------------------------------------------------------------------------


def _vecdot_slow(x1: object, x2: object, axis: int) -> Tensor:
    a, b, dt = _promoted(x1, x2, "vecdot")
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise TypeError(f"vecdot: axis={axis!r} must be an int")
    for t, name in ((a, "x1"), (b, "x2")):
        if not -t.ndim <= axis < t.ndim:
            raise AxisError(
                f"vecdot: axis={axis} is out of bounds for {name} of shape {tuple(t.shape)}; "
                "pass a negative axis within both operands' dimensions"
            )
    # NumPy's rule (a gufunc): the axis is each operand's own, moved last, then broadcast.
    a, b = a.movedim(axis, -1), b.movedim(axis, -1)
    if a.shape[-1] != b.shape[-1]:
        raise ValueError(
            f"vecdot: the contracted axis has size {a.shape[-1]} in x1 and {b.shape[-1]} in x2 "
            "(shapes before moving it last); they must be equal and are never broadcast"
        )
    try:
        if dt in _INEXACT:
            out: Tensor = torch.linalg.vecdot(a, b, dim=-1)
            return out
        if dt == torch.bool:
            return torch.logical_and(a, b).any(-1)
        if dt in UNSIGNED_GAPS:
            return on_bits(lambda p, q: torch.mul(p, q).sum(-1, dtype=p.dtype), a, b)
        return torch.mul(a, b).sum(-1, dtype=dt)
    except RuntimeError as e:
        raise ValueError(
            f"vecdot: shapes {tuple(a.shape[:-1])} and {tuple(b.shape[:-1])} (without the "
            "contracted axis) do not broadcast"
        ) from e


def vecdot(
    x1: Tensor,
    x2: Tensor,
    /,
    out: Tensor | None = None,
    *,
    axis: int = -1,
    dtype: DTypeLike | None = None,
) -> Tensor:
    """Dot products of the vectors along ``axis``, conjugating ``x1``: ``sum(conj(x1) * x2)``.

    The other axes broadcast; the contracted axis must have the same size in both operands.
    ``axis`` should be negative (the standard's rule); a non-negative axis is each operand's
    own axis, as in NumPy. Integer dtypes give integer results (wrapping on overflow, NumPy's
    behaviour); bool gives the logical dot product. NumPy's ufunc keywords ``out=`` (NumPy's
    ``same_kind`` casting) and ``dtype=`` (NumPy's loop for that dtype, the operands cast
    under ``same_kind``) are taken too.

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    numpy.exceptions.AxisError
        For an axis out of bounds (a ValueError and an IndexError).
    ValueError
        For contracted sizes that differ, or other axes that do not broadcast.
    TypeError
        For operands that are not arrays.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.vecdot([1j, 2], [1, 1])
    tensor(2.-1.j, dtype=torch.complex128)
    """
    if out is not None or dtype is not None:
        if dtype is not None:
            (x1, x2), made = loop_operands("vecdot", (x1, x2), dtype)
            return write_out(vecdot(x1, x2, axis=axis).to(made[0]), out, "vecdot")
        return write_out(vecdot(x1, x2, axis=axis), out, "vecdot")
    if type(x1) is Tensor and type(x2) is Tensor and type(axis) is int and axis < 0:
        dt = x1.dtype
        if dt is x2.dtype and dt in _INEXACT:
            try:
                # torch would broadcast a contracted axis of size 1; the standard forbids it.
                if x1.shape[axis] == x2.shape[axis]:
                    r: Tensor = (
                        torch.linalg.vecdot(x1, x2)
                        if axis == -1
                        else torch.linalg.vecdot(x1, x2, dim=axis)
                    )
                    return r
            except (RuntimeError, IndexError):
                pass  # the slow path explains it
    return _vecdot_slow(x1, x2, axis)
