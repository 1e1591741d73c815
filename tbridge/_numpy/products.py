"""NumPy's products beyond the standard: dot, vdot, inner, outer, einsum, kron, trace,
diagonal, cross (``matmul`` and ``tensordot``, which the standard has, take NumPy's ``out``/
``dtype`` and positional ``axes`` in :mod:`tbridge._namespace.linear_algebra`).

Each function calls torch directly when its operands are tensors of one dtype that torch
computes natively; otherwise the operands go through the input gate, promote by NumPy 2's
table, and the dtypes torch has no kernel for are handled as ``matmul`` handles them: uint16/
uint32/uint64 on same-size signed views (exact, wrapping as NumPy does), bool as NumPy's
logical products. Shapes are checked with messages that name them; torch's own errors never
reach the caller. ``out=`` follows NumPy's ``same_kind`` rule (:func:`write_out`).

NumPy's axis conventions are kept where they differ from the standard's ``linalg``
functions: ``trace`` and ``diagonal`` default to the *first* two axes (``axis1=0,
axis2=1``), ``outer`` flattens its operands, ``cross`` takes ``axisa``/``axisb``/``axisc``
and 2-element vectors.

Memory and autograd: ``diagonal`` returns a view of ``a`` (writable, where NumPy's is
read-only), ``einsum`` of one operand may return a view (as NumPy's does); every other result
is new memory. Floating results stay on the autograd graph.
"""

from __future__ import annotations

import operator
import warnings
from collections.abc import Sequence
from typing import Any, Final, Literal, TypeAlias

import numpy as np
import torch
from numpy.exceptions import AxisError
from torch import Tensor
from torch.compiler import is_dynamo_compiling

from tbridge._convert.gate import as_tensor, loop_operands, write_out
from tbridge._core.dtypes import DTypeLike, torch_dtype
from tbridge._core.promotion import kind_rank, promote
from tbridge._core.signatures import broadcast_shapes
from tbridge._core.signatures import tensordot as _tensordot
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits
from tbridge._namespace.elementwise import multiply
from tbridge._namespace.linalg import _sum_diagonal
from tbridge._namespace.linear_algebra import _contract, _promoted, _tensordot_slow, matmul

__all__ = [
    "cross",
    "diagonal",
    "dot",
    "einsum",
    "einsum_path",
    "inner",
    "kron",
    "matvec",
    "outer",
    "trace",
    "vdot",
    "vecmat",
]

Casting: TypeAlias = Literal["no", "equiv", "safe", "same_kind", "unsafe"]

_trace: Final = torch.trace
_matmul: Final = torch.matmul
_vdot: Final = torch.vdot
_inner: Final = torch.inner
_outer: Final = torch.outer
_diagonal: Final = torch.diagonal
_linalg_cross: Final = torch.linalg.cross
#: dtypes torch's CPU contractions take with NumPy's result dtype.
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
#: dtypes torch.trace answers with NumPy's result dtype.
_TRACE_NATIVE: Final = frozenset(
    {torch.float32, torch.float64, torch.complex64, torch.complex128, torch.int64}
)


def _tensor(x: object, caller: str, name: str) -> Tensor:
    return x if type(x) is Tensor else as_tensor(x, caller, name)


def _axis(axis: object, ndim: int, caller: str, name: str) -> int:
    """``axis`` as a non-negative index below ``ndim`` (NumPy's AxisError if not)."""
    if isinstance(axis, bool) or not hasattr(axis, "__index__"):
        raise TypeError(f"{caller}: {name}={axis!r} must be an integer")
    i = operator.index(axis)  # pyright: ignore[reportArgumentType] - has __index__
    if not -ndim <= i < ndim:
        raise AxisError(
            f"{caller}: {name}={i} is out of bounds for an array of {ndim} dimension(s); a valid "
            f"axis is in [{-ndim}, {ndim})"
        )
    return i % ndim


# ---- dot, vdot, inner, outer ----------------------------------------------------------------


def dot(a: Tensor, b: Tensor, /, out: Tensor | None = None) -> Tensor:
    """NumPy's dot product: the sum over ``a``'s last axis and ``b``'s second-to-last.

    For 1-D operands the inner product (no conjugation), for 2-D the matrix product, for a
    1-D ``b`` the sum over both last axes, for N-D ``b`` the result has shape
    ``a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`` (unlike ``matmul``, the other axes do not
    broadcast); a 0-d operand multiplies. Dtypes promote by NumPy 2's table; bool gives the
    logical product. ``out`` receives the result (``same_kind`` casting).

    Memory and autograd: new memory (``out``'s when given), on both operands' graphs.

    Raises
    ------
    ValueError
        When the contracted dimensions differ; an ``out`` of another shape or device.
    TypeError
        For operands that are not arrays, or an ``out`` of a lower kind.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.dot([1, 2, 3], [4, 5, 6])
    tensor(32)
    >>> tb.dot(tb.ones((2, 3, 4)), tb.ones((5, 4, 6))).shape
    torch.Size([2, 3, 5, 6])
    """
    if type(a) is Tensor and type(b) is Tensor and out is None:
        # torch refuses mixed dtypes, bool, uint16/32/64 and 0-d operands: the slow path
        # takes those, and explains shapes that do not align.
        try:
            if b.ndim <= 2:
                return _matmul(a, b)  # matmul's rule is dot's for a 1-D or 2-D b
            if a.ndim and a.shape[-1] == b.shape[-2]:
                out_nd: Tensor = _tensordot(a, b, ([a.ndim - 1], [b.ndim - 2]))
                return out_nd
        except RuntimeError:
            pass
    return _dot_slow(a, b, out)


def _dot_slow(a: object, b: object, out: Tensor | None) -> Tensor:
    x, y, dt = _promoted(a, b, "dot", ("a", "b"))
    if x.ndim == 0 or y.ndim == 0:
        return write_out(multiply(x, y), out, "dot")
    k = 0 if y.ndim == 1 else y.ndim - 2
    if x.shape[-1] != y.shape[k]:
        raise ValueError(
            f"dot: shapes {tuple(x.shape)} and {tuple(y.shape)} are not aligned: a's last "
            f"dimension ({x.shape[-1]}) must equal b's "
            f"{'only' if y.ndim == 1 else 'second-to-last'} dimension ({y.shape[k]})"
        )
    result = _contract(x, y, dt) if y.ndim <= 2 else _tensordot_slow(x, y, ([x.ndim - 1], [k]))
    return write_out(result, out, "dot")


def vdot(a: Tensor, b: Tensor, /) -> Tensor:
    """The dot product of the flattened operands, ``a`` conjugated first: ``sum(conj(a) * b)``.

    Both operands must have the same number of elements (shapes may differ). Dtypes promote
    by NumPy 2's table; bool gives the logical dot product.

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    ValueError
        When the operands have different numbers of elements.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.vdot([1 + 2j, 3j], [1.0, 1.0])
    tensor(1.-5.j, dtype=torch.complex128)
    """
    if (
        type(a) is Tensor
        and type(b) is Tensor
        and (
            not is_dynamo_compiling()
            # a trace cannot fall back from a kernel's refusal: it asks first (torch.vdot
            # takes vectors of one dtype, not bool or uint16/32/64)
            or (a.ndim == b.ndim == 1 and (d := a.dtype) is b.dtype and d in _NATIVE)
        )
    ):
        try:
            # Vectors of one dtype torch has a kernel for; the rest below.
            out: Tensor = _vdot(a, b)
            return out
        except RuntimeError:
            pass
    x, y, dt = _promoted(a, b, "vdot", ("a", "b"))
    if x.numel() != y.numel():
        raise ValueError(
            f"vdot: a has {x.numel()} elements (shape {tuple(x.shape)}) and b {y.numel()} "
            f"(shape {tuple(y.shape)}); vdot flattens both, so they need as many elements"
        )
    x, y = x.reshape(-1), y.reshape(-1)
    return _contract(x.conj() if x.is_complex() else x, y, dt)


def inner(a: Tensor, b: Tensor, /) -> Tensor:
    """The sum of products over the last axes of ``a`` and ``b`` (no conjugation).

    The result's shape is ``a.shape[:-1] + b.shape[:-1]``; a 0-d operand multiplies. Dtypes
    promote by NumPy 2's table; bool gives the logical product.

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    ValueError
        When the last dimensions differ.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.inner([[1, 2], [3, 4]], [1, 1])
    tensor([3, 7])
    """
    if type(a) is Tensor and type(b) is Tensor and a.dtype is b.dtype:
        try:
            out: Tensor = _inner(a, b)  # torch promotes otherwise, not always as NumPy
            return out
        except RuntimeError:
            pass  # no kernel for the dtype, or shapes to explain: below
    x, y, _ = _promoted(a, b, "inner", ("a", "b"))
    if x.ndim == 0 or y.ndim == 0:
        return multiply(x, y)
    if x.shape[-1] != y.shape[-1]:
        raise ValueError(
            f"inner: shapes {tuple(x.shape)} and {tuple(y.shape)} are not aligned: the last "
            f"dimensions ({x.shape[-1]} and {y.shape[-1]}) must be equal"
        )
    return _tensordot_slow(x, y, ([x.ndim - 1], [y.ndim - 1]))


def outer(a: Tensor, b: Tensor, /, out: Tensor | None = None) -> Tensor:
    """The outer product of the flattened operands: shape ``(a.size, b.size)``.

    Dtypes promote by NumPy 2's table. ``out`` receives the result (``same_kind`` casting).
    (``tb.linalg.outer`` is the standard's, which takes vectors only.)

    Memory and autograd: new memory (``out``'s when given), on both operands' graphs.

    Raises
    ------
    TypeError
        For operands that are not arrays, or an ``out`` of a lower kind.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.outer([1, 2], [[1, 10, 100]])
    tensor([[  1,  10, 100],
            [  2,  20, 200]])
    """
    if type(a) is Tensor and type(b) is Tensor and a.dtype is b.dtype and out is None:
        try:
            result: Tensor = _outer(a, b)  # vectors; torch refuses others
            return result
        except RuntimeError:
            pass  # other shapes, or no kernel for the dtype: below
    x, y, dt = _promoted(a, b, "outer", ("a", "b"))
    x, y = x.reshape(-1), y.reshape(-1)
    result = on_bits(torch.outer, x, y) if dt in UNSIGNED_GAPS else torch.outer(x, y)
    return write_out(result, out, "outer")


# ---- kron -------------------------------------------------------------------------------------


def kron(a: Tensor, b: Tensor, /) -> Tensor:
    """The Kronecker product: blocks of ``b`` scaled by the elements of ``a``.

    Operands of different numbers of dimensions get leading size-1 axes first (NumPy's
    rule); the result's shape is the product of the shapes. Dtypes promote by NumPy 2's table.

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    TypeError
        For operands that are not arrays.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.kron([1, 10], [1, 2, 3])
    tensor([ 1,  2,  3, 10, 20, 30])
    """
    if type(a) is Tensor and type(b) is Tensor and a.dtype is b.dtype:
        try:
            out: Tensor = torch.kron(a, b)
            return out
        except RuntimeError:
            pass  # no kernel for the dtype, or strided operands: below
    x, y, dt = _promoted(a, b, "kron", ("a", "b"))
    # torch.kron reshapes its product with ``view``, which fails for some strided operands
    # (a transpose, a stepped slice): contiguous operands always work
    x, y = x.contiguous(), y.contiguous()
    if dt in UNSIGNED_GAPS:
        return on_bits(torch.kron, x, y)
    result: Tensor = torch.kron(x, y)
    return result


# ---- trace and diagonal --------------------------------------------------------------------


def _diagonal_of(t: Tensor, offset: object, axis1: object, axis2: object, caller: str) -> Tensor:
    """``torch.diagonal`` with NumPy's checks (the slow path)."""
    if t.ndim < 2:
        raise ValueError(
            f"{caller}: a has shape {tuple(t.shape)}; it needs at least two dimensions (the "
            "diagonal runs over axis1 and axis2)"
        )
    if isinstance(offset, bool) or not hasattr(offset, "__index__"):
        raise TypeError(f"{caller}: offset={offset!r} must be an integer")
    i = _axis(axis1, t.ndim, caller, "axis1")
    j = _axis(axis2, t.ndim, caller, "axis2")
    if i == j:
        raise ValueError(
            f"{caller}: axis1={axis1} and axis2={axis2} name the same axis of a {t.ndim}-d "
            "array; pass two different axes"
        )
    return torch.diagonal(t, operator.index(offset), i, j)  # pyright: ignore[reportArgumentType] - has __index__


def diagonal(a: Tensor, /, offset: int = 0, axis1: int = 0, axis2: int = 1) -> Tensor:
    """The ``offset`` diagonal over ``axis1`` and ``axis2`` (NumPy's: the first two axes).

    The diagonal becomes the last axis of the result; the other axes keep their order.
    ``offset > 0`` is above the main diagonal. (``tb.linalg.diagonal`` is the standard's,
    over the last two axes.)

    Memory and autograd: a view sharing ``a``'s memory and on its graph (NumPy's is a
    read-only view; this one is writable, as torch's views are).

    Raises
    ------
    ValueError
        When ``a`` has fewer than two dimensions, or ``axis1`` and ``axis2`` are the same.
    numpy.exceptions.AxisError
        For an axis out of bounds.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.diagonal([[1, 2], [3, 4]])
    tensor([1, 4])
    """
    if type(a) is Tensor:
        try:
            if offset == 0 and axis1 == 0 and axis2 == 1:
                return _diagonal(a)  # torch's defaults: no arguments to parse
            return _diagonal(a, offset, axis1, axis2)
        except (RuntimeError, IndexError, TypeError):
            pass  # explained below
    return _diagonal_of(_tensor(a, "diagonal", "a"), offset, axis1, axis2, "diagonal")


def trace(
    a: Tensor,
    /,
    offset: int = 0,
    axis1: int = 0,
    axis2: int = 1,
    dtype: DTypeLike | None = None,
    out: Tensor | None = None,
) -> Tensor:
    """The sum along the ``offset`` diagonal over ``axis1`` and ``axis2`` (the first two).

    With ``dtype=None`` the result has ``a``'s dtype, except that smaller integers and bool
    accumulate in int64 (uint64 for unsigned ones), NumPy's rule; a given ``dtype`` is applied
    before summing. Integer sums wrap on overflow. ``out`` receives the result (``same_kind``).
    (``tb.linalg.trace`` is the standard's, over the last two axes.)

    Memory and autograd: new memory (``out``'s when given), on ``a``'s graph.

    Raises
    ------
    ValueError
        When ``a`` has fewer than two dimensions, or ``axis1`` and ``axis2`` are the same.
    numpy.exceptions.AxisError
        For an axis out of bounds.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.trace([[1, 2], [3, 4]])
    tensor(5)
    """
    if (
        out is None
        and dtype is None
        and type(a) is Tensor
        and a.dtype in _TRACE_NATIVE
        and offset == 0
        and axis1 == 0
        and axis2 == 1
    ):
        try:
            return _trace(a)  # one kernel, summing in order (in double for float32)
        except RuntimeError:
            pass  # not a matrix: below
    t = _tensor(a, "trace", "a")
    d = _diagonal_of(t, offset, axis1, axis2, "trace")
    return write_out(_sum_diagonal(d, dtype, "trace"), out, "trace")


# ---- cross ------------------------------------------------------------------------------------

_VECTOR_SIZES: Final = (2, 3)


def _padded(v: Tensor) -> Tensor:
    """A 2-element vector as a 3-element one with z = 0."""
    return torch.cat([v, torch.zeros_like(v[..., :1])], -1) if v.shape[-1] == 2 else v


def _z_of(x: Tensor, y: Tensor) -> Tensor:
    """The z component of the cross product of 2-element vectors: ``x0 * y1 - x1 * y0``."""
    return x[..., 0] * y[..., 1] - x[..., 1] * y[..., 0]


def _cross3(x: Tensor, y: Tensor, dt: torch.dtype) -> Tensor:
    if dt in UNSIGNED_GAPS:
        return on_bits(lambda p, q: torch.linalg.cross(p, q, dim=-1), x, y)
    out: Tensor = torch.linalg.cross(x, y, dim=-1)
    return out


def cross(
    a: Tensor,
    b: Tensor,
    /,
    axisa: int = -1,
    axisb: int = -1,
    axisc: int = -1,
    axis: int | None = None,
) -> Tensor:
    """The cross product of the 2- or 3-element vectors along ``axisa`` of ``a`` and ``axisb``
    of ``b``, the result's vectors along ``axisc`` (``axis`` sets all three).

    The other axes broadcast. A 2-element vector has z = 0; two of them give the z component
    alone (a scalar per pair, no vector axis). As in NumPy 2.x, 2-element vectors are
    deprecated: they emit a ``DeprecationWarning``. Dtypes promote by NumPy 2's table.
    (``tb.linalg.cross`` is the standard's: 3-element vectors along one ``axis``.)

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    ValueError
        When a vector axis has a size other than 2 or 3, an operand is 0-d, or the other axes
        do not broadcast.
    numpy.exceptions.AxisError
        For an axis out of bounds.
    TypeError
        For bool operands (the product subtracts).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.cross([1, 0, 0], [0, 1, 0])
    tensor([0, 0, 1])
    """
    if (
        type(a) is Tensor
        and type(b) is Tensor
        and axis is None
        and axisa == -1
        and axisb == -1
        and axisc == -1
    ):
        try:
            # 3-element vectors of one dtype torch has a kernel for (it refuses the rest).
            out: Tensor = _linalg_cross(a, b)
            return out
        except (RuntimeError, IndexError):
            pass  # 2-element vectors, promotion, or an error to explain: below
    return _cross_slow(a, b, axisa, axisb, axisc, axis)


def _cross_slow(
    a: object, b: object, axisa: object, axisb: object, axisc: object, axis: object
) -> Tensor:
    if axis is not None:
        axisa = axisb = axisc = axis
    x, y, dt = _promoted(a, b, "cross", ("a", "b"))
    if x.ndim == 0 or y.ndim == 0:
        raise ValueError(
            f"cross: a has shape {tuple(x.shape)} and b {tuple(y.shape)}; both need a vector "
            "axis (at least one dimension)"
        )
    if dt == torch.bool:
        raise TypeError(
            "cross: bool arrays have no cross product (it subtracts); cast to an integer or "
            "floating dtype"
        )
    shape_a, shape_b = tuple(x.shape), tuple(y.shape)
    x = x.movedim(_axis(axisa, x.ndim, "cross", "axisa"), -1)
    y = y.movedim(_axis(axisb, y.ndim, "cross", "axisb"), -1)
    if x.shape[-1] not in _VECTOR_SIZES or y.shape[-1] not in _VECTOR_SIZES:
        raise ValueError(
            f"cross: a of shape {shape_a} has {x.shape[-1]} elements along axisa={axisa} and "
            f"b of shape {shape_b} has {y.shape[-1]} along axisb={axisb}; cross products take "
            "2- or 3-element vectors"
        )
    try:
        stack = broadcast_shapes(x.shape[:-1], y.shape[:-1])
    except RuntimeError as e:
        raise ValueError(
            f"cross: shapes {tuple(x.shape[:-1])} and {tuple(y.shape[:-1])} (without the "
            "vector axes) do not broadcast"
        ) from e
    if x.shape[-1] == 2 or y.shape[-1] == 2:
        warnings.warn(
            "cross: 2-element vectors are deprecated (as in NumPy 2.0); pass 3-element vectors "
            "with z = 0 instead",
            DeprecationWarning,
            stacklevel=3,
        )
    if x.shape[-1] == 2 and y.shape[-1] == 2:
        # The z component alone: x0 * y1 - x1 * y0.
        z = on_bits(_z_of, x, y) if dt in UNSIGNED_GAPS else _z_of(x, y)
        return z.expand(stack) if z.shape != stack else z
    c = _axis(axisc, len(stack) + 1, "cross", "axisc")
    x3 = _padded(x).expand(*stack, 3)
    y3 = _padded(y).expand(*stack, 3)
    return _cross3(x3, y3, dt).movedim(-1, c)


# ---- einsum -----------------------------------------------------------------------------------

_CASTINGS: Final = ("no", "equiv", "safe", "same_kind", "unsafe")
_ORDERS: Final = ("K", "A", "C", "F")
_OPTIMIZE: Final = ("greedy", "optimal")


def _castable(src: torch.dtype, dst: torch.dtype, casting: str) -> bool:
    if casting == "unsafe" or src == dst:
        return True
    if casting in ("no", "equiv"):
        return False
    if casting == "safe":
        return promote(src, dst) == dst
    return kind_rank(dst) >= kind_rank(src)  # same_kind


def einsum(
    *operands: Any,
    out: Tensor | None = None,
    dtype: DTypeLike | None = None,
    order: Literal["K", "A", "C", "F"] = "K",
    casting: Casting = "safe",
    optimize: bool | str | Sequence[Any] = False,
) -> Tensor:
    """Einstein summation: ``einsum("ij,jk->ik", a, b)``, or NumPy's interleaved form
    ``einsum(a, [0, 1], b, [1, 2], [0, 2])`` (``...`` as ``Ellipsis``).

    Implicit output (no ``->``) sums the repeated letters and orders the rest alphabetically,
    as in NumPy. Operands promote by NumPy 2's table; ``dtype`` casts them first under
    ``casting`` (NumPy's default ``'safe'``). ``out`` receives the result (``same_kind``).
    ``order`` (memory layout) and ``optimize`` (contraction order) are accepted and left to
    torch, which picks its own contraction path (through ``opt_einsum`` when it is installed).
    Bool operands give NumPy's logical result; uint16/32/64 are exact, wrapping as NumPy does.

    Memory and autograd: new memory (``out``'s when given), or, for one operand and no
    summation, possibly a view of it (as NumPy's); on the operands' graphs.

    Raises
    ------
    ValueError
        For subscripts that do not fit the operands (the message says which term and letter),
        an unknown ``casting``/``order``/``optimize``, or an ``out`` of another shape.
    TypeError
        For operands that are not arrays, or a ``dtype`` the operands cannot be cast to under
        ``casting``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.einsum("ij,j->i", [[1, 2], [3, 4]], [1, 1])
    tensor([3, 7])
    >>> tb.einsum([[1, 2], [3, 4]], [0, 0])
    tensor(5)
    """
    if (
        out is None
        and dtype is None
        and len(operands) == 3
        and type(operands[0]) is str
        and type(operands[1]) is Tensor
        and type(operands[2]) is Tensor
        and operands[1].dtype is operands[2].dtype
        and operands[1].dtype in _NATIVE
    ):
        try:
            fast: Tensor = torch.einsum(*operands)
            # torch sums small integers in int64 where a reduction is all there is; NumPy keeps
            # the dtype (wrapping), which the cast back gives.
            return fast if fast.dtype is operands[1].dtype else fast.to(operands[1].dtype)
        except (RuntimeError, ValueError):
            pass  # explained below
    return _einsum_slow(operands, out, dtype, order, casting, optimize)


def _einsum_slow(
    operands: tuple[Any, ...],
    out: Tensor | None,
    dtype: DTypeLike | None,
    order: object,
    casting: object,
    optimize: object,
) -> Tensor:
    if casting not in _CASTINGS:
        raise ValueError(
            f"einsum: casting={casting!r} is not a casting rule; pass 'no', 'equiv', 'safe' "
            "(the default), 'same_kind' or 'unsafe'"
        )
    if order not in _ORDERS:
        raise ValueError(f"einsum: order={order!r} must be 'K' (the default), 'A', 'C' or 'F'")
    if not (
        isinstance(optimize, bool)
        or optimize in _OPTIMIZE
        or (isinstance(optimize, (list, tuple)) and optimize[:1] == ["einsum_path"])
    ):
        raise ValueError(
            f"einsum: optimize={optimize!r} is not understood; pass False, True, 'greedy', "
            "'optimal' or a path from numpy.einsum_path (torch picks the contraction order)"
        )
    if not operands:
        raise ValueError("einsum: no operands; pass the subscripts and at least one array")
    interleaved = type(operands[0]) is not str
    output: object = None
    subscripts = ""  # the string form's
    sublists: list[Any] = []  # the interleaved form's
    args: list[Any] = []  # the interleaved form's torch.einsum arguments
    if interleaved:
        body = operands
        if len(operands) % 2 == 1:  # an output sublist last
            output, body = operands[-1], operands[:-1]
        arrays, sublists = list(body[0::2]), list(body[1::2])
        for sub in [*sublists, *([output] if output is not None else [])]:
            _check_sublist(sub)
    else:
        subscripts = operands[0]
        arrays = list(operands[1:])
        if not arrays:
            raise ValueError(f"einsum: subscripts {subscripts!r} but no operands; pass arrays")
    ts = [_tensor(x, "einsum", f"operand {i}") for i, x in enumerate(arrays)]
    dt = ts[0].dtype
    for t in ts[1:]:
        dt = promote(dt, t.dtype)
    if dtype is not None:
        target = torch_dtype(dtype, caller="einsum")
        for i, t in enumerate(ts):
            if not _castable(t.dtype, target, casting):
                raise TypeError(
                    f"einsum: cannot cast operand {i} from {t.dtype} to dtype={target} under "
                    f"casting={casting!r}; pass casting='same_kind' or 'unsafe', or another "
                    "dtype"
                )
        dt = target
    ts = [t if t.dtype == dt else t.to(dt) for t in ts]
    if interleaved:
        for t, sub in zip(ts, sublists, strict=True):
            args += [t, list(sub)]
        if output is not None:
            args.append(list(output))  # type: ignore[call-overload]
    try:
        if interleaved:

            def run(*xs: Tensor) -> Tensor:
                it = iter(xs)
                call = [next(it) if isinstance(v, Tensor) else v for v in args]
                r: Tensor = torch.einsum(*call)
                return r if r.dtype is xs[0].dtype else r.to(xs[0].dtype)  # see einsum

        else:

            def run(*xs: Tensor) -> Tensor:
                r: Tensor = torch.einsum(subscripts, *xs)
                return r if r.dtype is xs[0].dtype else r.to(xs[0].dtype)  # see einsum

        if dt == torch.bool:
            result = run(*[t.to(torch.int64) for t in ts]) != 0
        elif dt in UNSIGNED_GAPS:
            result = on_bits(run, *ts)
        else:
            result = run(*ts)
    except (RuntimeError, ValueError, TypeError, IndexError) as e:
        if interleaved:
            raise ValueError(
                f"einsum: the sublists do not fit the operands of shapes "
                f"{[tuple(t.shape) for t in ts]}; each needs one label per axis, a label's "
                "sizes must agree, and output labels must appear in an input"
            ) from e
        raise ValueError(_einsum_problem(subscripts, [tuple(t.shape) for t in ts])) from e
    return write_out(result, out, "einsum")


def _check_sublist(sub: object) -> None:
    if isinstance(sub, (str, bytes)) or not isinstance(sub, Sequence):
        raise TypeError(
            f"einsum: {sub!r} is not a sublist; in the interleaved form each operand is "
            "followed by a list of ints (and ...), e.g. einsum(a, [0, 1], b, [1, 2])"
        )
    for v in sub:
        if v is not Ellipsis and (isinstance(v, bool) or not isinstance(v, int) or not 0 <= v < 52):
            raise ValueError(
                f"einsum: sublist {list(sub)!r} holds {v!r}; labels are ints in [0, 52) or ..."
            )


def _einsum_problem(subscripts: str, shapes: list[tuple[int, ...]]) -> str:
    """Why ``subscripts`` do not fit ``shapes``, in words (called only on failure)."""
    head = f"einsum: subscripts {subscripts!r} for operands of shapes {shapes}"
    text = subscripts.replace(" ", "")
    inputs, arrow, output = text.partition("->")
    terms = inputs.split(",")
    if len(terms) != len(shapes):
        return f"{head}: {len(terms)} input term(s) for {len(shapes)} operand(s); give one each"
    sizes: dict[str, int] = {}
    for term, shape in zip(terms, shapes, strict=True):
        bad = [c for c in term.replace("...", "") if not c.isalpha()]
        if bad:
            return f"{head}: {bad[0]!r} in {term!r} is not a label; labels are letters (and ...)"
        letters = term.replace("...", "")
        if len(letters) > len(shape) or ("..." not in term and len(letters) != len(shape)):
            return (
                f"{head}: term {term!r} has {len(letters)} label(s) for an operand of "
                f"{len(shape)} dimension(s); give one label per axis (or ... for the rest)"
            )
        ell = term.find("...")
        dims = (
            list(shape)
            if ell < 0
            else list(shape[:ell]) + list(shape[len(shape) - (len(letters) - ell) :])
        )
        for c, n in zip(letters, dims, strict=False):
            if c in sizes and sizes[c] != n and 1 not in (sizes[c], n):
                return f"{head}: label {c!r} has size {sizes[c]} in one place and {n} in another"
            sizes.setdefault(c, n)
    if arrow:
        for c in output.replace("...", ""):
            if c not in sizes:
                return f"{head}: output label {c!r} appears in no input term"
            if output.count(c) > 1:
                return f"{head}: output label {c!r} appears twice; each output label goes once"
    return f"{head}: they do not fit (ellipsis dimensions must broadcast); check the subscripts"


# ---- matvec, vecmat ------------------------------------------------------------------------------


def _stacked_product(
    x1: object, x2: object, caller: str, matrix_first: bool, out: Tensor | None
) -> Tensor:
    a = _tensor(x1, caller, "x1")
    b = _tensor(x2, caller, "x2")
    m, v = (a, b) if matrix_first else (b, a)
    m_name, v_name = ("x1", "x2") if matrix_first else ("x2", "x1")
    if m.ndim < 2 or v.ndim < 1:
        raise ValueError(
            f"{caller}: {m_name} must have at least 2 dimensions and {v_name} at least 1, got "
            f"shapes {tuple(m.shape)} and {tuple(v.shape)}; pass a stack of matrices and a "
            "stack of vectors"
        )
    n = m.shape[-1] if matrix_first else m.shape[-2]
    if v.shape[-1] != n:
        raise ValueError(
            f"{caller}: the vectors of {v_name} (shape {tuple(v.shape)}) have {v.shape[-1]} "
            f"entries but the matrices of {m_name} (shape {tuple(m.shape)}) need {n}; pass "
            "operands whose contracted lengths match"
        )
    try:
        if matrix_first:
            result = matmul(m, v.unsqueeze(-1)).squeeze(-1)
        else:
            conj = v.conj() if v.is_complex() else v
            result = matmul(conj.unsqueeze(-2), m).squeeze(-2)
    except ValueError as e:
        raise ValueError(
            f"{caller}: the stack shapes of x1 {tuple(a.shape)} and x2 {tuple(b.shape)} do not "
            "broadcast; pass stacks whose leading shapes broadcast"
        ) from e
    return write_out(result, out, caller)


def matvec(
    x1: Tensor, x2: Tensor, /, out: Tensor | None = None, *, dtype: DTypeLike | None = None
) -> Tensor:
    """The matrix-vector product of stacks: ``x1`` of shape ``(..., m, n)`` times ``x2`` of
    shape ``(..., n)`` gives ``(..., m)``, the stack shapes broadcast (NumPy 2.2's ufunc).

    Dtypes promote as in :func:`matmul`; ``dtype=`` computes in NumPy's loop for that dtype
    (the operands cast under ``same_kind``, as the element-wise functions' ``dtype=``). NumPy's
    other ufunc keywords (``axes``, ``casting``, ...) are not taken.

    Memory and autograd: new memory (``out``'s when given), on both operands' graphs.

    Raises
    ------
    ValueError
        For ``x1`` of fewer than 2 dimensions or a 0-d ``x2``, lengths that do not match,
        or stack shapes that do not broadcast.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.matvec(tb.asarray([[1, 2], [3, 4]]), tb.asarray([1, 1]))
    tensor([3, 7])
    """
    if dtype is not None:
        (x1, x2), made = loop_operands("matvec", (x1, x2), dtype)
        return write_out(_stacked_product(x1, x2, "matvec", True, None).to(made[0]), out, "matvec")
    return _stacked_product(x1, x2, "matvec", True, out)


def vecmat(
    x1: Tensor, x2: Tensor, /, out: Tensor | None = None, *, dtype: DTypeLike | None = None
) -> Tensor:
    """The vector-matrix product of stacks: the complex conjugate of ``x1`` of shape
    ``(..., m)`` times ``x2`` of shape ``(..., m, n)`` gives ``(..., n)`` (NumPy 2.2's ufunc;
    the conjugate as in :func:`vecdot`).

    Dtypes promote as in :func:`matmul`; ``dtype=`` computes in NumPy's loop for that dtype
    (as :func:`matvec`'s). NumPy's other ufunc keywords are not taken.

    Memory and autograd: new memory (``out``'s when given), on both operands' graphs.

    Raises
    ------
    ValueError
        For a 0-d ``x1`` or ``x2`` of fewer than 2 dimensions, lengths that do not match, or
        stack shapes that do not broadcast.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.vecmat(tb.asarray([1j, 1]), tb.asarray([[1, 0], [0, 1]]))
    tensor([0.-1.j, 1.+0.j], dtype=torch.complex128)
    """
    if dtype is not None:
        (x1, x2), made = loop_operands("vecmat", (x1, x2), dtype)
        return write_out(_stacked_product(x1, x2, "vecmat", False, None).to(made[0]), out, "vecmat")
    return _stacked_product(x1, x2, "vecmat", False, out)


# ---- einsum_path ------------------------------------------------------------------------------


def _shape_stand_in(x: object, name: str) -> np.ndarray[Any, Any]:
    """A NumPy array of ``x``'s shape that holds no data of its own (stride-0 zeros)."""
    shape = (
        tuple(x.shape)
        if isinstance(x, (Tensor, np.ndarray))
        else tuple(as_tensor(x, "einsum_path", name).shape)
    )
    return np.broadcast_to(np.zeros((), dtype=np.float64), shape)


def einsum_path(
    *operands: Any, optimize: bool | str | Sequence[Any] = "greedy", einsum_call: bool = False
) -> Any:
    """NumPy's contraction order for an :func:`einsum` call: ``(path, report)``, in NumPy's
    format (``path`` a list beginning with "einsum_path", ``report`` the printable cost
    table).

    Only the operands' shapes are read: NumPy's ``einsum_path`` runs on zero-cost stand-ins
    of those shapes (on the host; the tensors' values, devices and graphs are not touched).
    ``tb.einsum`` lets torch choose its own order, so the path is for reading, or for
    NumPy's einsum. ``einsum_call=True`` gives NumPy's internal form, whose operands are
    those NumPy stand-ins.

    Memory and autograd: no array result; nothing is copied.

    Raises
    ------
    ValueError
        For subscripts that do not fit the operands (NumPy's checks).
    TypeError
        For operands that are not array data.

    Examples
    --------
    >>> import tbridge as tb
    >>> path, report = tb.einsum_path("ij,jk,kl->il", tb.ones((2, 3)), tb.ones((3, 4)),
    ...                               tb.ones((4, 5)))
    >>> path
    ['einsum_path', (1, 2), (0, 1)]
    """
    if not operands:
        raise TypeError("einsum_path: no operands; pass the subscripts and the arrays")
    if isinstance(operands[0], str):
        stand_ins: list[Any] = [operands[0]]
        stand_ins += [_shape_stand_in(x, f"operands[{i}]") for i, x in enumerate(operands[1:], 1)]
    else:  # the sublist form: array, sublist, array, sublist, ..., [output sublist]
        last = len(operands) - 1 if len(operands) % 2 == 1 else -1  # the output sublist
        stand_ins = [
            _shape_stand_in(x, f"operands[{i}]") if i % 2 == 0 and i != last else x
            for i, x in enumerate(operands)
        ]
    try:
        return np.einsum_path(*stand_ins, optimize=optimize, einsum_call=einsum_call)  # type: ignore[arg-type]
    except (ValueError, TypeError) as e:
        shapes = ", ".join(str(a.shape) for a in stand_ins if isinstance(a, np.ndarray))
        raise type(e)(
            f"einsum_path: the subscripts do not fit the operands of shapes {shapes} ({e}); "
            "pass one subscript letter per axis of each operand"
        ) from e
