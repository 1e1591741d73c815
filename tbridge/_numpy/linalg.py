"""NumPy's linalg functions beyond the standard (``tbridge.linalg`` re-exports them).

``norm``, ``lstsq``, ``cond``, ``multi_dot``, ``tensorinv``, ``tensorsolve``: with these,
``tbridge.linalg`` has every function of ``numpy.linalg``. (NumPy's extra parameters of the
standard's functions, ``matrix_rank(tol=, hermitian=)``, ``pinv(rcond=, hermitian=)``,
``svd(compute_uv=, hermitian=)``, ``eigh(UPLO=)``, ``qr(mode='r'/'raw')``, live with those
functions in :mod:`tbridge._namespace.linalg`.)

Input goes through the input gate; integers and bool are computed in the default float
(float64, as NumPy does), half precision is refused where NumPy refuses it. Failures raise
:class:`tbridge.linalg.LinAlgError` (a ``numpy.linalg.LinAlgError``) where NumPy raises
LinAlgError, with messages that name the shapes; torch's own errors stay in the chain.

Memory and autograd: every result is new memory (``out``'s when given); floating results
stay on the autograd graph (``lstsq``'s rank is an integer).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from functools import partial
from typing import Final, Literal, TypeAlias, cast

import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor, write_out
from tbridge._core.axes import AxisWording, check_axis
from tbridge._core.promotion import promote
from tbridge._namespace.linalg import (
    _INEXACT,
    _LAPACK,
    _MATRIX_ORDS,
    _SVD_ORDS,
    LinAlgError,
    MatrixOrd,
    _as_inexact,
    _as_lapack,
    _failure,
    matrix_norm,
    vector_norm,
)
from tbridge._namespace.linear_algebra import _contract, _promoted

__all__ = ["cond", "lstsq", "multi_dot", "norm", "tensorinv", "tensorsolve"]

NormOrd: TypeAlias = "int | float | Literal['fro', 'f', 'nuc'] | None"

_vector_norm: Final = torch.linalg.vector_norm
_matrix_norm: Final = torch.linalg.matrix_norm
_lstsq: Final = torch.linalg.lstsq
_multi_dot: Final = torch.linalg.multi_dot
#: norm's matrix orders (axis=None, 2-D x) as torch.linalg.matrix_norm's.
_MATRIX_FAST: Final[dict[object, object]] = {
    None: "fro",
    "fro": "fro",
    "f": "fro",
    "nuc": "nuc",
    1: 1,
    -1: -1,
    2: 2,
    -2: -2,
    math.inf: math.inf,
    -math.inf: -math.inf,
}
_ORD_TYPES: Final = frozenset({str, int, float})
#: Matrix orders without singular values (half precision computes them).
_NO_SVD: Final = frozenset({None, "fro", "f", 1, -1, math.inf, -math.inf})
#: dtypes torch.linalg.multi_dot takes (bool and uint16/32/64 go through matmul's fallbacks).
_MULTI_DOT_NATIVE: Final = frozenset(
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


# ---- norm -------------------------------------------------------------------------------------


#: ``_norm_axis(axis, ndim)``: one of norm's axes, in its wording.
_norm_axis: Final = partial(
    check_axis,
    caller="linalg.norm",
    wording=AxisWording(
        "{caller}: axis={axis!r} must be an int, a pair of ints or None",
        "{caller}: axis {i} is out of bounds for x of {ndim} dimension(s); a valid axis is in "
        "[{lo}, {ndim})",
    ),
)


def norm(
    x: Tensor,
    /,
    ord: NormOrd = None,  # noqa: A002 - NumPy's name
    axis: int | tuple[int, int] | None = None,
    keepdims: bool = False,
) -> Tensor:
    """A vector or matrix norm, by NumPy's rules.

    With ``axis=None``: the 2-norm of all elements when ``ord`` is None; otherwise ``x`` must
    be 1-D (a vector norm) or 2-D (a matrix norm). An int ``axis`` takes vector norms along
    it (``ord``: any real number, ``inf``/``-inf``, 0 counts non-zeros; default 2); a pair of
    axes takes matrix norms over them (``ord``: ``'fro'``/``'f'`` (default), ``'nuc'``,
    ``1``/``-1``, ``2``/``-2``, ``inf``/``-inf``). ``keepdims`` keeps the reduced axes with
    size 1. The result is real, of ``x``'s precision (integers in the default float).

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For an ``ord`` the norm does not have, repeated axes, more than two axes, or
        ``axis=None`` with ``ord`` on an array of another number of dimensions.
    numpy.exceptions.AxisError
        For an axis out of bounds.
    TypeError
        For the singular-value norms (2, -2, 'nuc') of half precision, as in NumPy.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.norm([3.0, 4.0])
    tensor(5., dtype=torch.float64)
    >>> tb.linalg.norm([[1.0, 2.0], [3.0, 4.0]], 1)
    tensor(6., dtype=torch.float64)
    """
    if type(x) is Tensor and x.dtype in _INEXACT:
        if axis is None:
            if ord is None and keepdims is False:
                out: Tensor = _vector_norm(x)
                return out
            if (
                x.ndim == 2
                and type(ord) in _ORD_TYPES
                and ord in _MATRIX_FAST
                and (x.dtype in _LAPACK or ord in _NO_SVD)
            ):
                matrix: Tensor = _matrix_norm(x, _MATRIX_FAST[ord], (-2, -1), keepdims)
                return matrix
        elif type(axis) is int and (type(ord) is float or type(ord) is int or ord is None):
            try:
                along: Tensor = _vector_norm(x, 2 if ord is None else ord, axis, keepdims)
                return along
            except (RuntimeError, IndexError):
                pass  # an axis out of bounds: explained below
    return _norm_slow(x, ord, axis, keepdims)


def _norm_slow(x: object, ord: object, axis: object, keepdims: bool) -> Tensor:  # noqa: A002
    t = _as_inexact(x, "norm")
    nd = t.ndim
    if axis is None:
        if ord is None or (ord in ("fro", "f") and nd == 2) or (ord == 2 and nd == 1):
            return vector_norm(t, keepdims=keepdims)  # all elements (Frobenius for matrices)
        if nd not in (1, 2):
            raise ValueError(
                f"linalg.norm: x has shape {tuple(t.shape)}; with ord={ord!r} and axis=None it "
                "must be 1-D (a vector norm) or 2-D (a matrix norm): pass axis (an int for "
                "vector norms, a pair for matrix norms)"
            )
        axes: tuple[object, ...] = tuple(range(nd))
    elif isinstance(axis, tuple):
        axes = axis
    else:
        axes = (axis,)
    if len(axes) == 1:
        if isinstance(ord, str):
            raise ValueError(
                f"linalg.norm: ord={ord!r} is a matrix norm, but axis={axis!r} names one axis "
                "(a vector norm); pass a pair of axes or a numeric ord"
            )
        if isinstance(ord, bool) or not (ord is None or isinstance(ord, (int, float))):
            raise ValueError(f"linalg.norm: ord={ord!r} is not a vector norm order")
        a = _norm_axis(axes[0], nd)
        return vector_norm(t, axis=a, keepdims=keepdims, ord=2 if ord is None else ord)
    if len(axes) != 2:
        raise ValueError(
            f"linalg.norm: axis={axis!r} names {len(axes)} axes; a norm reduces one (vector) "
            "or two (matrix)"
        )
    r, c = _norm_axis(axes[0], nd), _norm_axis(axes[1], nd)
    if r == c:
        raise ValueError(f"linalg.norm: axis={axis!r} names the same axis twice")
    mord = "fro" if ord is None or ord == "f" else ord
    if isinstance(mord, bool) or mord not in _MATRIX_ORDS:
        raise ValueError(
            f"linalg.norm: ord={ord!r} is not a matrix norm; pass 'fro', 'nuc', 1, -1, 2, -2, "
            "inf or -inf"
        )
    if mord in _SVD_ORDS:
        t = _as_lapack(t, "norm")  # half precision has no SVD (NumPy refuses it too)
    # cast: mord is one of _MATRIX_ORDS (checked above), which pyright does not narrow to
    result = matrix_norm(t.movedim((r, c), (-2, -1)), ord=cast("MatrixOrd", mord))
    if keepdims:
        for ax in sorted((r, c)):
            result = result.unsqueeze(ax)
    return result


# ---- lstsq and cond ---------------------------------------------------------------------------


def lstsq(
    a: Tensor, b: Tensor, /, rcond: float | None = None
) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """The least-squares solution of ``a @ x = b``, NumPy's four results:
    ``(x, residuals, rank, s)``.

    ``a`` is one ``(M, N)`` matrix and ``b`` a vector ``(M,)`` or matrix ``(M, K)``.
    Singular values at or below ``rcond * largest`` count as zero; ``rcond=None`` means
    ``eps * max(M, N)`` of the dtype (NumPy 2's default). ``residuals`` holds the squared
    2-norm of each column of ``b - a @ x`` (shape ``(1,)`` for a vector ``b``, ``(K,)``
    otherwise) when ``a`` has full column rank and ``M > N``, else it is empty; ``rank`` is a
    0-d int32 tensor, ``s`` the singular values of ``a``, descending. On the CPU this is
    LAPACK's ``gelsd``, as in NumPy; elsewhere an SVD (on the meta device ``residuals``
    assumes full rank, which only the data can tell).

    Memory and autograd: new memory; ``x`` and ``residuals`` stay on the graphs of ``a`` and
    ``b`` (``s`` and ``rank`` do not, as torch's lstsq has no derivative for them).

    Raises
    ------
    LinAlgError
        When ``a`` is not 2-D, ``b`` is not 1-D or 2-D, their first dimensions differ, or the
        SVD does not converge.

    Examples
    --------
    >>> import tbridge as tb
    >>> a = [[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]
    >>> x, residuals, rank, s = tb.linalg.lstsq(a, [1.0, 2.0, 2.0])
    >>> x
    tensor([1.1667, 0.5000], dtype=torch.float64)
    >>> rank
    tensor(2, dtype=torch.int32)
    """
    p, q, _ = _promoted(a, b, "linalg.lstsq", ("a", "b"))
    m, v = _as_lapack(p, "lstsq"), _as_lapack(q, "lstsq")
    if m.ndim != 2:
        raise LinAlgError(
            f"linalg.lstsq: a has shape {tuple(m.shape)}; it must be one matrix (2-D), as in "
            "NumPy (for stacks of systems use tb.linalg.pinv(a) @ b)"
        )
    if v.ndim not in (1, 2):
        raise LinAlgError(
            f"linalg.lstsq: b has shape {tuple(v.shape)}; it must be a vector (1-D) or a "
            "matrix whose columns are right-hand sides (2-D)"
        )
    if m.shape[0] != v.shape[0]:
        raise LinAlgError(
            f"linalg.lstsq: a has shape {tuple(m.shape)} and b {tuple(v.shape)}; b needs "
            f"{m.shape[0]} rows, one per row of a"
        )
    if rcond is not None and (isinstance(rcond, bool) or not isinstance(rcond, (int, float))):
        raise TypeError(f"linalg.lstsq: rcond={rcond!r} must be a real number or None")
    try:
        if m.device.type == "cpu":
            # gelsd's residuals follow NumPy's rule: (K,) ((1,) for a vector b) with full
            # column rank and M > N, else empty.
            sol, res, rank, s = gelsd(m, v, rcond, "linalg.lstsq")
        else:
            rhs = v.unsqueeze(-1) if v.ndim == 1 else v
            sol, res, rank, s = _lstsq_svd(m, rhs, rcond)
            sol = sol.squeeze(-1) if v.ndim == 1 else sol
    except RuntimeError as e:
        raise _failure("lstsq", e, m) from e
    return sol, res, rank.int(), s


def gelsd(
    m: Tensor, v: Tensor, rcond: float | None, caller: str, a_name: str = "a"
) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """LAPACK's ``gelsd`` through torch (CPU), with NumPy's answers where it refuses
    non-finite data: a column of ``b`` holding NaN or infinity has a NaN solution and
    residual (the other columns are solved); NaN or infinity in ``a`` is NumPy's LinAlgError.
    Nothing is checked until torch has refused."""
    try:
        found: tuple[Tensor, Tensor, Tensor, Tensor] = _lstsq(m, v, rcond=rcond, driver="gelsd")
        return found
    except RuntimeError as e:
        if not bool(torch.isfinite(m).all()):
            raise LinAlgError(
                f"{caller}: {a_name} holds NaN or infinity, so its SVD does not converge "
                "(NumPy: 'SVD did not converge in Linear Least Squares'); remove or replace "
                "those values"
            ) from e
        rhs = v.unsqueeze(-1) if v.ndim == 1 else v
        bad = ~torch.isfinite(rhs).all(0)  # per column of b
        if not bool(bad.any()):
            raise
        sol, res, rank, s = _lstsq(m, rhs.masked_fill(bad, 0), rcond=rcond, driver="gelsd")
        sol = sol.masked_fill(bad, math.nan)
        if res.numel():
            res = res.masked_fill(bad, math.nan)
        return (sol.squeeze(-1) if v.ndim == 1 else sol), res, rank, s


def _lstsq_svd(a: Tensor, b: Tensor, rcond: float | None) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """lstsq through the SVD, for devices without ``gelsd`` (CUDA's lstsq has only ``gels``,
    which needs full rank and returns no rank or singular values)."""
    m, n = a.shape
    u, s, vh = torch.linalg.svd(a, full_matrices=False)
    tol = (torch.finfo(s.dtype).eps * max(m, n)) if rcond is None else rcond
    cutoff = s[:1] * tol if s.numel() else s
    large = s > cutoff
    rank = large.sum()
    inv_s = torch.where(large, 1 / torch.where(large, s, 1), 0)
    x = vh.mH @ (inv_s.unsqueeze(-1).to(u.dtype) * (u.mH @ b))
    full = a.device.type == "meta" or int(rank) == n
    res = (b - a @ x).abs().square().sum(0) if m > n and full else s.new_empty((0,))
    return x, res, rank, s


def cond(x: Tensor, /, p: NormOrd = None) -> Tensor:
    """The condition number of each matrix in ``x`` in the ``p`` norm.

    ``p=None`` (and 2) is the ratio of the largest to the smallest singular value (any
    matrix shape); -2 its inverse; ``'fro'``, ``'nuc'``, 1, -1, ``inf``, ``-inf`` are
    ``norm(x, p) * norm(inv(x), p)`` of square matrices. A singular matrix has condition
    ``inf``. The result is real, of ``x``'s precision (integers in the default float).

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For a ``p`` that is not a matrix norm.
    LinAlgError
        When ``x`` has fewer than two dimensions, holds empty matrices, or is not square for a
        ``p`` that needs it.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.cond([[2.0, 0.0], [0.0, 0.5]])
    tensor(4., dtype=torch.float64)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "cond")
    if p == "f":
        p = "fro"
    if t.ndim >= 2 and t.shape[-2] * t.shape[-1] == 0:
        raise LinAlgError(
            f"linalg.cond: x has shape {tuple(t.shape)}; cond is not defined on empty arrays "
            "(matrices without elements), pass matrices with at least one row and column"
        )
    try:
        out: Tensor = torch.linalg.cond(t) if p is None else torch.linalg.cond(t, p)
    except RuntimeError as e:
        if p is not None and (isinstance(p, bool) or p not in _MATRIX_ORDS):
            raise ValueError(
                f"linalg.cond: p={p!r} is not a matrix norm; pass None, 'fro', 'nuc', 1, -1, 2, "
                "-2, inf or -inf"
            ) from e
        raise _failure("cond", e, t) from e
    # a singular matrix: torch's 0 / 0 (or 0 * inf) is NaN where NumPy's answer is inf; NaN
    # stays where the matrix holds NaN (elementwise, no device sync)
    return torch.where(t.isnan().any((-2, -1)), out, out.nan_to_num(math.inf, math.inf, -math.inf))


# ---- multi_dot --------------------------------------------------------------------------------


def multi_dot(arrays: Sequence[Tensor], *, out: Tensor | None = None) -> Tensor:
    """The product of a chain of matrices, multiplied in the cheapest order.

    The first array may be 1-D (a row vector) and the last 1-D (a column vector); the
    others must be 2-D. The result is what ``a @ b @ ... @ z`` gives (0-d when both ends are
    vectors). Dtypes promote by NumPy 2's table. ``out`` receives the result (``same_kind``).

    Memory and autograd: new memory (``out``'s when given), on every operand's graph.

    Raises
    ------
    ValueError
        For fewer than two arrays, or neighbours whose dimensions do not align.
    LinAlgError
        For an array of the wrong number of dimensions.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.multi_dot([[1, 2], [[1, 0], [0, 1]], [3, 4]])
    tensor(11)
    """
    given: object = arrays  # checked at run time for callers without a type checker
    if isinstance(given, (str, bytes, Tensor)) or not (
        isinstance(given, Sequence) or hasattr(given, "__array__")
    ):
        raise TypeError(
            f"linalg.multi_dot: arrays must be a sequence (list or tuple) of arrays, got "
            f"{type(given).__name__}"
        )
    if out is None and type(arrays) is list:
        try:
            # Tensors of one dtype with torch's shapes (its checks are NumPy's); the rest,
            # and the errors, below.
            fast: Tensor = _multi_dot(arrays)
            return fast
        except (RuntimeError, TypeError):
            pass
    n = len(arrays)
    if n < 2:
        raise ValueError(f"linalg.multi_dot: got {n} array(s); pass at least two")
    ts = [
        a if type(a) is Tensor else as_tensor(a, "linalg.multi_dot", f"arrays[{i}]")
        for i, a in enumerate(arrays)
    ]
    dt = ts[0].dtype
    for t in ts[1:]:
        if t.dtype is not dt:
            dt = promote(dt, t.dtype)
    ts = [t if t.dtype is dt else t.to(dt) for t in ts]
    for i, t in enumerate(ts):
        allowed = (1, 2) if i in (0, n - 1) else (2,)
        if t.ndim not in allowed:
            where = "the first or last" if i in (0, n - 1) else "a middle"
            raise LinAlgError(
                f"linalg.multi_dot: arrays[{i}] has shape {tuple(t.shape)}; {where} array must "
                f"be {' or '.join(f'{d}-D' for d in allowed)}"
            )
    for i in range(n - 1):
        left, right = ts[i], ts[i + 1]
        k2 = right.shape[0]
        if left.shape[-1] != k2:
            raise ValueError(
                f"linalg.multi_dot: arrays[{i}] has shape {tuple(left.shape)} and arrays[{i + 1}] "
                f"{tuple(right.shape)}: {left.shape[-1]} columns against {k2} rows"
            )
    if dt in _MULTI_DOT_NATIVE:
        try:
            result: Tensor = torch.linalg.multi_dot(ts)
        except (RuntimeError, NotImplementedError):
            result = _chain(ts, dt)  # no kernel for the dtype on this device
    else:
        result = _chain(ts, dt)
    return write_out(result, out, "linalg.multi_dot")


def _chain(ts: list[Tensor], dt: torch.dtype) -> Tensor:
    """Left-to-right products with matmul's dtype fallbacks (bool, uint16/32/64)."""
    result = ts[0]
    for t in ts[1:]:
        result = _contract(result, t, dt)
    return result


# ---- tensorinv and tensorsolve ---------------------------------------------------------------


def tensorinv(a: Tensor, /, ind: int = 2) -> Tensor:
    """The inverse of ``a`` read as a linear map from its last ``a.ndim - ind`` axes to its
    first ``ind``: ``tensordot(tensorinv(a, ind), a, ind)`` is the identity.

    The result has shape ``a.shape[ind:] + a.shape[:ind]``; the product of the first ``ind``
    sizes must equal the product of the others.

    Memory and autograd: new memory, on ``a``'s autograd graph.

    Raises
    ------
    ValueError
        For ``ind`` below 1.
    LinAlgError
        When ``ind`` exceeds ``a.ndim``, the two products of sizes differ, or the map is
        singular.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.tensorinv(tb.reshape(tb.eye(4) * 2, (4, 2, 2)), ind=1).shape
    torch.Size([2, 2, 4])
    """
    if isinstance(ind, bool) or not hasattr(ind, "__index__") or operator.index(ind) < 1:
        raise ValueError(f"linalg.tensorinv: ind={ind!r} must be a positive integer")
    t = a if type(a) is Tensor and a.dtype in _LAPACK else _as_lapack(a, "tensorinv")
    k = operator.index(ind)
    if k > t.ndim:
        raise LinAlgError(
            f"linalg.tensorinv: a has shape {tuple(t.shape)}, {t.ndim} dimension(s); ind={k} "
            "must not exceed them (the first ind axes index the result's last ones); pass an "
            "ind of at most a.ndim"
        )
    rows, cols = math.prod(t.shape[:k]), math.prod(t.shape[k:])
    if rows != cols:
        raise LinAlgError(
            f"linalg.tensorinv: a has shape {tuple(t.shape)}; with ind={k} the product of the "
            f"first {k} sizes ({rows}) must equal the product of the rest ({cols})"
        )
    try:
        out: Tensor = torch.linalg.tensorinv(t, k)
        return out
    except RuntimeError as e:
        raise _failure("tensorinv", e, t.reshape(rows, cols)) from e


_AXES: Final = AxisWording(
    "{caller}: axes must hold integers, got {axis!r}",
    "{caller}: axis {i} is out of bounds for a of {ndim} dimension(s)",
)


def tensorsolve(a: Tensor, b: Tensor, /, axes: Sequence[int] | None = None) -> Tensor:
    """The ``x`` with ``tensordot(a, x, x.ndim) == b``: ``x`` has shape ``a.shape[b.ndim:]``.

    ``axes`` are axes of ``a`` moved to the end (in that order) first. The product of
    ``a.shape[b.ndim:]`` must equal the product of ``b.shape``.

    Memory and autograd: new memory, on the graphs of ``a`` and ``b``.

    Raises
    ------
    LinAlgError
        When the sizes do not make a square system, or it is singular.
    numpy.exceptions.AxisError
        For an axis out of bounds.

    Examples
    --------
    >>> import tbridge as tb
    >>> a = tb.reshape(tb.eye(6) * 2, (2, 3, 6))
    >>> tb.linalg.tensorsolve(a, tb.ones((2, 3))).shape
    torch.Size([6])
    """
    p, q, _ = _promoted(a, b, "linalg.tensorsolve", ("a", "b"))
    m, v = _as_lapack(p, "tensorsolve"), _as_lapack(q, "tensorsolve")
    if axes is not None:
        moved = [check_axis(ax, m.ndim, "linalg.tensorsolve", wording=_AXES) for ax in axes]
        m = m.movedim(moved, list(range(m.ndim - len(moved), m.ndim)))
    rows = math.prod(v.shape)
    cols = math.prod(m.shape[v.ndim :])
    if v.ndim > m.ndim or math.prod(m.shape[: v.ndim]) != rows or rows != cols:
        raise LinAlgError(
            f"linalg.tensorsolve: a has shape {tuple(m.shape)} (after moving axes) and b "
            f"{tuple(v.shape)}; a's leading dimensions must be b's shape, and the product of "
            f"a's other dimensions ({cols}) must equal b's size ({rows})"
        )
    try:
        out: Tensor = torch.linalg.tensorsolve(m, v)
        return out
    except RuntimeError as e:
        raise _failure("tensorsolve", e, m.reshape(rows, cols)) from e
