"""``tbridge.linalg``: the Array API linear algebra extension, on plain tensors.

Each function calls ``torch.linalg`` directly when the input already has a dtype torch's
routines take (float32, float64, complex64, complex128). Otherwise, as in NumPy, integer and
bool input is computed in the default floating dtype (float64, or the ``tb.default_float`` in
force), and float16/bfloat16 is refused by the decompositions (neither torch nor NumPy has
half-precision LAPACK). Functions that are not decompositions (``cross``, ``diagonal``,
``matmul``, ``matrix_power`` with ``n >= 0``, ``outer``, ``tensordot``, ``trace``, ``vecdot``)
keep integer dtypes, uint16/32/64 included (see :mod:`tbridge._namespace.linear_algebra`).

Failures of the numerical routines (a singular or non-positive-definite matrix, matrices that
are not square, too few dimensions) raise :class:`LinAlgError`, a ``ValueError`` as NumPy's is.
Decompositions return ``typing.NamedTuple`` results (:class:`EighResult`, :class:`EigResult`,
:class:`QRResult`, :class:`SlogdetResult`, :class:`SVDResult`) with NumPy's field names.

Memory and autograd: ``diagonal`` and ``matrix_transpose`` return views of ``x``; everything
else is new memory. Floating results stay on the autograd graph wherever torch can
differentiate.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from typing import Final, Literal, NamedTuple, TypeAlias

import numpy as np
import torch
from torch import Tensor

from tbridge._convert.bridge import asarray
from tbridge._core.dtypes import DTypeLike, default_float_dtype, torch_dtype
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits, to_wide
from tbridge._namespace.elementwise import _tensor
from tbridge._namespace.linear_algebra import (
    _contract,
    _promoted,
    matmul,
    matrix_transpose,
    tensordot,
    vecdot,
)

_trace: Final = torch.trace
_linalg_diagonal: Final[Callable[[Tensor], Tensor]] = torch.linalg.diagonal

#: The standard's names: the 2025.12 stub's ``__all__`` plus ``eig`` and ``eigvals``, which
#: 2025.12 defines but its stub leaves out of ``__all__``. Also public: :class:`LinAlgError`
#: and the result classes.
__all__ = [
    "cholesky",
    "cross",
    "det",
    "diagonal",
    "eig",
    "eigh",
    "eigvals",
    "eigvalsh",
    "inv",
    "matmul",
    "matrix_norm",
    "matrix_power",
    "matrix_rank",
    "matrix_transpose",
    "outer",
    "pinv",
    "qr",
    "slogdet",
    "solve",
    "svd",
    "svdvals",
    "tensordot",
    "trace",
    "vecdot",
    "vector_norm",
]

Tolerance: TypeAlias = "float | Tensor | None"
MatrixOrd: TypeAlias = "int | float | Literal['fro', 'nuc'] | None"

#: dtypes torch's decompositions (LAPACK, cuSOLVER) take.
_LAPACK: Final = frozenset({torch.float32, torch.float64, torch.complex64, torch.complex128})
_HALF: Final = frozenset({torch.float16, torch.bfloat16})
_INEXACT: Final = _LAPACK | _HALF
#: dtypes torch's integer-preserving routines (cross, outer, matrix_power) compute natively.
_NATIVE: Final = frozenset(
    {torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8} | _INEXACT
)


class LinAlgError(ValueError):
    """A linear algebra routine failed: a singular or non-positive-definite matrix, a matrix
    that is not square, too few dimensions, or no convergence (a ``ValueError``, as NumPy's)."""

    __module__ = "tbridge.linalg"


class EighResult(NamedTuple):
    """``eigh``'s result: real eigenvalues (ascending) and the eigenvectors as columns."""

    eigenvalues: Tensor
    eigenvectors: Tensor


class EigResult(NamedTuple):
    """``eig``'s result: complex eigenvalues and the eigenvectors as columns (complex)."""

    eigenvalues: Tensor
    eigenvectors: Tensor


class QRResult(NamedTuple):
    """``qr``'s result: ``Q`` with orthonormal columns and upper-triangular ``R``."""

    Q: Tensor
    R: Tensor


class SlogdetResult(NamedTuple):
    """``slogdet``'s result: the determinant's sign (or phase) and log of its magnitude."""

    sign: Tensor
    logabsdet: Tensor


class SVDResult(NamedTuple):
    """``svd``'s result: ``U``, the singular values ``S`` (descending) and ``Vh``."""

    U: Tensor
    S: Tensor
    Vh: Tensor


# ---- input and error handling ---------------------------------------------------------------


def _as_lapack(x: object, where: str) -> Tensor:
    """``x`` as a tensor torch's decompositions take: integers and bool become the default float."""
    t = _tensor(x, where)
    if t.dtype in _LAPACK:
        return t
    if t.dtype in _HALF:
        raise TypeError(
            f"linalg.{where}: {t.dtype} is not supported: torch (like NumPy) has no "
            "half-precision linear algebra routines; cast first, e.g. tb.astype(x, tb.float32)"
        )
    if t.dtype.is_floating_point or t.dtype.is_complex:
        raise TypeError(f"linalg.{where}: {t.dtype} is not supported; cast to float32 or float64")
    return t.to(default_float_dtype())


def _as_inexact(x: object, where: str) -> Tensor:
    """``x`` as a floating tensor (half precision kept): integers and bool become the default."""
    t = _tensor(x, where)
    if t.dtype in _INEXACT:
        return t
    if t.dtype.is_floating_point or t.dtype.is_complex:
        raise TypeError(f"linalg.{where}: {t.dtype} is not supported; cast to float32 or float64")
    return t.to(default_float_dtype())


_HINTS: Final[dict[str, str]] = {
    "inv": "; a singular matrix has no inverse, tb.linalg.pinv gives the pseudo-inverse",
    "solve": "; the coefficient matrix must be invertible (tb.linalg.pinv for least squares)",
    "cholesky": "; the matrix must be symmetric (Hermitian) positive-definite",
    "matrix_power": "; a negative power needs an invertible matrix",
}


def _failure(where: str, e: RuntimeError, *ts: Tensor) -> Exception:
    """The exception to raise for a torch error in ``where`` (called only on failure)."""
    shapes = " and ".join(f"{tuple(t.shape)}" for t in ts)
    dtypes = ", ".join(sorted({str(t.dtype).removeprefix("torch.") for t in ts}))
    if isinstance(e, NotImplementedError) or "Low precision" in str(e):
        return TypeError(
            f"linalg.{where}: torch has no routine for {dtypes} on {ts[0].device} ({e}); cast to "
            "float32 or float64"
        )
    return LinAlgError(
        f"linalg.{where}: failed for shape {shapes} ({dtypes}): {e}{_HINTS.get(where, '')}"
    )


def _check_matrices(t: Tensor, where: str, square: bool = False) -> None:
    if t.ndim < 2:
        raise LinAlgError(
            f"linalg.{where}: x has shape {tuple(t.shape)}; it needs at least two dimensions "
            "(a matrix or a stack of matrices)"
        )
    if square and t.shape[-1] != t.shape[-2]:
        raise LinAlgError(
            f"linalg.{where}: x has shape {tuple(t.shape)}; its last two dimensions must be "
            "equal (square matrices)"
        )


# ---- decompositions and solvers -------------------------------------------------------------


def cholesky(x: Tensor, /, *, upper: bool = False) -> Tensor:
    """The Cholesky factor of each symmetric (Hermitian) positive-definite matrix in ``x``.

    Lower-triangular ``L`` with ``x = L @ L^H`` by default; upper-triangular ``U`` with
    ``x = U^H @ U`` when ``upper=True``. Only the lower triangle of ``x`` is read.

    Raises
    ------
    LinAlgError
        When a matrix is not positive-definite or not square.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "cholesky")
    try:
        out: Tensor = torch.linalg.cholesky(t, upper=True) if upper else torch.linalg.cholesky(t)
        return out
    except RuntimeError as e:
        raise _failure("cholesky", e, t) from e


def det(x: Tensor, /) -> Tensor:
    """The determinant of each square matrix in ``x`` (integers computed in the default float).

    Raises
    ------
    LinAlgError
        When the matrices are not square.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.det(tb.asarray([[1, 2], [3, 4]]))
    tensor(-2., dtype=torch.float64)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "det")
    try:
        out: Tensor = torch.linalg.det(t)
        return out
    except RuntimeError as e:
        raise _failure("det", e, t) from e


def slogdet(x: Tensor, /) -> SlogdetResult:
    """Sign and natural log of the absolute determinant of each square matrix in ``x``.

    ``sign`` has ``x``'s dtype (0 for a singular matrix, a unit complex number for complex
    input); ``logabsdet`` is real (``-inf`` for a singular matrix).

    Raises
    ------
    LinAlgError
        When the matrices are not square.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "slogdet")
    try:
        sign, logabsdet = torch.linalg.slogdet(t)
    except RuntimeError as e:
        raise _failure("slogdet", e, t) from e
    return SlogdetResult(sign, logabsdet)


def inv(x: Tensor, /) -> Tensor:
    """The inverse of each square matrix in ``x``.

    Raises
    ------
    LinAlgError
        When a matrix is singular or not square.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "inv")
    try:
        out: Tensor = torch.linalg.inv(t)
        return out
    except RuntimeError as e:
        raise _failure("inv", e, t) from e


def solve(x1: Tensor, x2: Tensor, /) -> Tensor:
    """The solution ``X`` of ``x1 @ X = x2`` for each square, invertible matrix in ``x1``.

    ``x2`` of shape ``(M,)`` is one right-hand-side vector; otherwise ``x2`` is a (stack of)
    ``(M, K)`` matrices whose stack dimensions broadcast with ``x1``'s (NumPy 2's rule; torch
    alone would read an ``x2`` of shape ``x1.shape[:-1]`` as a stack of vectors,
    pytorch#52915). Dtypes promote by the standard; integers are solved in the default float.

    Raises
    ------
    LinAlgError
        When a matrix is singular, not square, or the shapes do not fit.
    """
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _LAPACK:
        a, b = x1, x2
    else:
        p1, p2, _ = _promoted(x1, x2, "solve")
        a, b = _as_lapack(p1, "solve"), _as_lapack(p2, "solve")
    if b.ndim != 1 and a.ndim - 1 == b.ndim and a.shape[:-1] == b.shape:
        b = b.unsqueeze(0)  # a stack of one matrix, so torch cannot take it for vectors
    try:
        out: Tensor = torch.linalg.solve(a, b)
        return out
    except RuntimeError as e:
        raise _failure("solve", e, a, b) from e


def eigh(x: Tensor, /) -> EighResult:
    """Eigenvalues (real, ascending) and eigenvectors of each symmetric/Hermitian matrix.

    Only the lower triangle of ``x`` is read. The eigenvalues have the real dtype of ``x``'s
    precision; the eigenvectors (columns) have ``x``'s dtype.

    Raises
    ------
    LinAlgError
        When the matrices are not square or the algorithm does not converge.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "eigh")
    try:
        values, vectors = torch.linalg.eigh(t)
    except RuntimeError as e:
        raise _failure("eigh", e, t) from e
    return EighResult(values, vectors)


def eigvalsh(x: Tensor, /) -> Tensor:
    """Eigenvalues (real, ascending) of each symmetric/Hermitian matrix in ``x``.

    Raises
    ------
    LinAlgError
        When the matrices are not square or the algorithm does not converge.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "eigvalsh")
    try:
        out: Tensor = torch.linalg.eigvalsh(t)
        return out
    except RuntimeError as e:
        raise _failure("eigvalsh", e, t) from e


def eig(x: Tensor, /) -> EigResult:
    """Eigenvalues and eigenvectors of each square matrix in ``x``, always complex.

    The standard (2025.12) asks for a complex result even for real input with real
    eigenvalues (NumPy returns real arrays then): complex64 for float32 input, complex128 for
    float64.

    Raises
    ------
    LinAlgError
        When the matrices are not square or the algorithm does not converge.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "eig")
    try:
        values, vectors = torch.linalg.eig(t)
    except RuntimeError as e:
        raise _failure("eig", e, t) from e
    return EigResult(values, vectors)


def eigvals(x: Tensor, /) -> Tensor:
    """Eigenvalues of each square matrix in ``x``, always complex (see :func:`eig`).

    Raises
    ------
    LinAlgError
        When the matrices are not square or the algorithm does not converge.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "eigvals")
    try:
        out: Tensor = torch.linalg.eigvals(t)
        return out
    except RuntimeError as e:
        raise _failure("eigvals", e, t) from e


def qr(x: Tensor, /, *, mode: Literal["reduced", "complete"] = "reduced") -> QRResult:
    """The QR decomposition of each matrix in ``x``: ``x = Q @ R``.

    ``mode="reduced"`` gives ``Q`` of shape ``(..., M, K)`` and ``R`` of ``(..., K, N)`` with
    ``K = min(M, N)``; ``mode="complete"`` gives ``(..., M, M)`` and ``(..., M, N)``.

    Raises
    ------
    ValueError
        For another ``mode``.
    LinAlgError
        When ``x`` has fewer than two dimensions.
    """
    if mode not in ("reduced", "complete"):
        raise ValueError(f"linalg.qr: mode={mode!r} is not supported; pass 'reduced' or 'complete'")
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "qr")
    try:
        q, r = torch.linalg.qr(t, mode)
    except RuntimeError as e:
        raise _failure("qr", e, t) from e
    return QRResult(q, r)


def svd(x: Tensor, /, *, full_matrices: bool = True) -> SVDResult:
    """The singular value decomposition of each matrix in ``x``: ``x = U @ diag(S) @ Vh``.

    ``S`` is real and descending. With ``full_matrices=False`` only the leading
    ``K = min(M, N)`` singular vectors are computed.

    Raises
    ------
    LinAlgError
        When ``x`` has fewer than two dimensions or the algorithm does not converge.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "svd")
    try:
        u, s, vh = torch.linalg.svd(t, full_matrices)
    except RuntimeError as e:
        raise _failure("svd", e, t) from e
    return SVDResult(u, s, vh)


def svdvals(x: Tensor, /) -> Tensor:
    """The singular values of each matrix in ``x``, real and descending.

    Raises
    ------
    LinAlgError
        When ``x`` has fewer than two dimensions or the algorithm does not converge.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "svdvals")
    try:
        out: Tensor = torch.linalg.svdvals(t)
        return out
    except RuntimeError as e:
        raise _failure("svdvals", e, t) from e


def _tolerance(rtol: object, where: str) -> Tensor | float | None:
    if rtol is None or isinstance(rtol, Tensor):
        return rtol
    if isinstance(rtol, np.ndarray) or (
        isinstance(rtol, np.generic) and not isinstance(rtol, np.bool_)
    ):
        return asarray(rtol)  # NumPy tolerances, as NumPy's matrix_rank and pinv take them
    if isinstance(rtol, bool) or not isinstance(rtol, (int, float)):
        raise TypeError(f"linalg.{where}: rtol={rtol!r} must be a float, an array or None")
    return float(rtol)


def matrix_rank(x: Tensor, /, *, rtol: Tolerance = None) -> Tensor:
    """The rank of each matrix in ``x``: singular values above ``rtol * largest`` (int64).

    ``rtol=None`` means ``max(M, N) * eps`` of ``x``'s floating precision; an array ``rtol``
    broadcasts against the stack dimensions ``x.shape[:-2]``.

    Raises
    ------
    LinAlgError
        When ``x`` has fewer than two dimensions.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "matrix_rank")
    tol = rtol if rtol is None or type(rtol) is float else _tolerance(rtol, "matrix_rank")
    if isinstance(tol, Tensor) and tol.ndim > t.ndim - 2 and t.ndim >= 2:
        # An rtol with more dimensions than x's stack: give x that stack first, or torch
        # resizes its output with a deprecation warning.
        stack = torch.broadcast_shapes(tuple(t.shape[:-2]), tuple(tol.shape))  # type: ignore[no-untyped-call]
        t = t.expand(*stack, *t.shape[-2:])
    try:
        out: Tensor = (
            torch.linalg.matrix_rank(t) if tol is None else torch.linalg.matrix_rank(t, rtol=tol)
        )
        return out
    except RuntimeError as e:
        raise _failure("matrix_rank", e, t) from e


def pinv(x: Tensor, /, *, rtol: Tolerance = None) -> Tensor:
    """The Moore-Penrose pseudo-inverse of each matrix in ``x`` (shape ``(..., N, M)``).

    Singular values at or below ``rtol * largest`` count as zero; ``rtol=None`` means
    ``max(M, N) * eps`` of ``x``'s floating precision.

    Raises
    ------
    LinAlgError
        When ``x`` has fewer than two dimensions or the SVD does not converge.
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "pinv")
    tol = rtol if rtol is None or type(rtol) is float else _tolerance(rtol, "pinv")
    try:
        out: Tensor = torch.linalg.pinv(t) if tol is None else torch.linalg.pinv(t, rtol=tol)
        return out
    except RuntimeError as e:
        raise _failure("pinv", e, t) from e


# ---- norms ----------------------------------------------------------------------------------

_MATRIX_ORDS: Final = ("fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf)
_SVD_ORDS: Final = ("nuc", 2, -2)


def matrix_norm(x: Tensor, /, *, keepdims: bool = False, ord: MatrixOrd = "fro") -> Tensor:  # noqa: A002 - the standard's name
    """The matrix norm of each matrix in ``x`` (the last two dimensions).

    ``ord``: ``'fro'`` (default; also for None), ``'nuc'``, ``1``/``-1`` (max/min column sum
    of ``|x|``), ``2``/``-2`` (largest/smallest singular value), ``inf``/``-inf`` (max/min row
    sum). The result is real, of ``x``'s precision; integers give the default float.
    ``keepdims=True`` keeps the two reduced dimensions with size 1.

    Raises
    ------
    ValueError
        For another ``ord``.
    LinAlgError
        When ``x`` has fewer than two dimensions.
    """
    if ord is None:
        ord = "fro"  # noqa: A001 - the standard's name
    if type(x) is Tensor and x.dtype in _LAPACK:
        t = x
    elif ord in _SVD_ORDS:
        t = _as_lapack(x, "matrix_norm")
    else:
        t = _as_inexact(x, "matrix_norm")
    try:
        out: Tensor = (
            torch.linalg.matrix_norm(t)
            if ord == "fro" and keepdims is False
            else torch.linalg.matrix_norm(t, ord, (-2, -1), keepdims)
        )
        return out
    except RuntimeError as e:
        if ord not in _MATRIX_ORDS or isinstance(ord, bool):
            raise ValueError(
                f"linalg.matrix_norm: ord={ord!r} is not a matrix norm; pass 'fro', 'nuc', 1, "
                "-1, 2, -2, inf or -inf"
            ) from e
        raise _failure("matrix_norm", e, t) from e


def _norm_axes(axis: object, ndim: int) -> tuple[int, ...]:
    items = axis if isinstance(axis, tuple) else (axis,)
    out = []
    for ax in items:
        if isinstance(ax, bool) or not hasattr(ax, "__index__"):
            raise TypeError(
                f"linalg.vector_norm: axis={axis!r} must be an int, a tuple of ints or None"
            )
        i = operator.index(ax)
        if not -ndim <= i < max(ndim, 1):
            raise ValueError(
                f"linalg.vector_norm: axis {i} is out of bounds for an array with {ndim} dimensions"
            )
        out.append(i % max(ndim, 1))
    if len(set(out)) != len(out):
        raise ValueError(f"linalg.vector_norm: axis={axis!r} repeats an axis; each must be unique")
    return tuple(out)


def vector_norm(
    x: Tensor,
    /,
    *,
    axis: int | tuple[int, ...] | None = None,
    keepdims: bool = False,
    ord: int | float = 2,  # noqa: A002 - the standard's name
) -> Tensor:
    """The vector ``ord``-norm of ``x`` over ``axis`` (all elements when None).

    ``ord`` is any real number or ``inf``/``-inf``: ``sum(|x|**ord)**(1/ord)``, with ``0``
    counting non-zeros and ``inf``/``-inf`` the max/min of ``|x|``. The result is real, of
    ``x``'s precision (half precision kept); integers and bool give the default float.
    ``axis=()`` reduces nothing (``|x|``, torch reads it as "all axes", pytorch#29137).

    Raises
    ------
    ValueError
        For an axis out of bounds or repeated, or ``inf``/``-inf`` norms of empty input.
    TypeError
        For a non-numeric ``ord`` (use :func:`matrix_norm` for ``'fro'``/``'nuc'``).
    """
    if (
        type(x) is Tensor
        and x.dtype in _INEXACT
        and (axis is None or type(axis) is int)
        and (type(ord) is int or type(ord) is float)
    ):
        t = x
    else:
        t = _as_inexact(x, "vector_norm")
        if isinstance(ord, bool) or not isinstance(ord, (int, float)):
            raise TypeError(
                f"linalg.vector_norm: ord={ord!r} must be a real number or inf/-inf; use "
                "tb.linalg.matrix_norm for 'fro' and 'nuc'"
            )
        if axis is not None:
            axis = _norm_axes(axis, t.ndim)
            if axis == ():
                # No axis reduced: the norm of each single element.
                mag = torch.abs(t)
                return (t != 0).to(mag.dtype) if ord == 0 else mag
    try:
        out: Tensor = (
            torch.linalg.vector_norm(t)
            if ord == 2 and axis is None and keepdims is False
            else torch.linalg.vector_norm(t, ord, axis, keepdims)
        )
        return out
    except (RuntimeError, IndexError) as e:
        if t.numel() == 0 and -math.inf < ord < 0:
            # NumPy: sum(|x|**ord)**(1/ord) of nothing is 0**(1/ord) = inf; torch refuses.
            shape_of = torch.linalg.vector_norm(t, 1, axis, keepdims)
            return torch.full_like(shape_of, math.inf)
        raise ValueError(
            f"linalg.vector_norm: cannot compute the {ord}-norm of shape {tuple(t.shape)} over "
            f"axis={axis!r}: {e}"
        ) from e


# ---- matrix functions that keep integer dtypes -------------------------------------------------


def _power_by_squaring(t: Tensor, n: int) -> Tensor:
    """``t`` to the power ``n >= 0`` by repeated :func:`_contract` (any dtype)."""
    result: Tensor | None = None
    base = t
    while True:
        if n & 1:
            result = base if result is None else _contract(result, base, t.dtype)
        n >>= 1
        if not n:
            break
        base = _contract(base, base, t.dtype)
    if result is None:  # n == 0
        # torch.eye has no uint16/32/64 kernel (pytorch#58734); a bool identity converts.
        eye = torch.eye(t.shape[-1], dtype=torch.bool, device=t.device).to(t.dtype)
        return eye.expand(t.shape).clone()
    return result if result is not t else t.clone()


def matrix_power(x: Tensor, n: int, /) -> Tensor:
    """Each square matrix in ``x`` raised to the integer power ``n``.

    ``n = 0`` gives identity matrices; ``n < 0`` powers of the inverse. As in NumPy, integer
    (and bool) matrices keep their dtype for ``n >= 0`` (wrapping on overflow) and are
    inverted in the default float for ``n < 0``.

    Raises
    ------
    TypeError
        When ``n`` is not an integer.
    LinAlgError
        When the matrices are not square, or singular with ``n < 0``.
    """
    if isinstance(n, bool) or not hasattr(n, "__index__"):
        raise TypeError(f"linalg.matrix_power: n={n!r} must be an integer")
    n = operator.index(n)
    if type(x) is Tensor and x.dtype in _LAPACK:
        t = x
    else:
        t = _tensor(x, "matrix_power")
        if n < 0:
            t = _as_lapack(t, "matrix_power")
        else:
            _check_matrices(t, "matrix_power", square=True)
            if t.dtype in UNSIGNED_GAPS or t.dtype == torch.bool:
                return _power_by_squaring(t, n)
            if t.dtype not in _NATIVE:
                raise TypeError(f"linalg.matrix_power: {t.dtype} is not supported")
    try:
        out: Tensor = torch.linalg.matrix_power(t, n)
        return out
    except NotImplementedError as e:
        if n >= 0 and not (t.dtype.is_floating_point or t.dtype.is_complex):
            return _power_by_squaring(t, n)  # no integer matmul kernel on this device
        raise _failure("matrix_power", e, t) from e
    except RuntimeError as e:
        raise _failure("matrix_power", e, t) from e


def diagonal(x: Tensor, /, *, offset: int = 0) -> Tensor:
    """The ``offset`` diagonal of each matrix in ``x`` (above the main one for ``offset > 0``).

    Memory and autograd: a view sharing ``x``'s memory (NumPy's is a read-only view; this one
    is writable, as torch's views are) and on ``x``'s graph.

    Raises
    ------
    ValueError
        When ``x`` has fewer than two dimensions.
    """
    if type(x) is Tensor:
        try:
            # The last two axes are torch.linalg.diagonal's default, offset 0 too.
            if offset == 0 and type(offset) is int:
                return _linalg_diagonal(x)
            return torch.diagonal(x, offset, -2, -1)
        except IndexError:
            pass  # fewer than two dimensions: explained below
    t = _tensor(x, "diagonal")
    if t.ndim < 2:
        raise ValueError(
            f"linalg.diagonal: x has shape {tuple(t.shape)}; it needs at least two dimensions"
        )
    return torch.diagonal(t, offset, -2, -1)


#: trace's default result dtypes (NumPy's: small integers accumulate in the 64-bit type).
_TRACE_DTYPE: Final = {
    torch.bool: torch.int64,
    torch.int8: torch.int64,
    torch.int16: torch.int64,
    torch.int32: torch.int64,
    torch.uint8: torch.uint64,
    torch.uint16: torch.uint64,
    torch.uint32: torch.uint64,
}


def trace(x: Tensor, /, *, offset: int = 0, dtype: DTypeLike | None = None) -> Tensor:
    """The sum of the ``offset`` diagonal of each matrix in ``x``.

    With ``dtype=None`` the result has ``x``'s dtype, except that smaller integers accumulate
    in int64 (signed, bool) or uint64 (unsigned), as in NumPy and the standard. A given
    ``dtype`` is applied to ``x`` before summing. Integer sums wrap on overflow.

    Raises
    ------
    ValueError
        When ``x`` has fewer than two dimensions.
    """
    if type(x) is Tensor and x.dtype in _LAPACK and dtype is None and offset == 0:
        # One matrix: torch.trace, one kernel (it sums the diagonal in order, in double for
        # float32: no less accurate than the reduction below).
        try:
            if type(offset) is int:
                return _trace(x)
        except RuntimeError:
            pass  # not a matrix (a stack of them, or fewer dimensions): below
    t = x if type(x) is Tensor else _tensor(x, "trace")
    if dtype is None and t.dtype in _INEXACT:
        if t.ndim < 2:
            raise ValueError(f"linalg.trace: x has shape {tuple(t.shape)}; it needs a matrix")
        return torch.diagonal(t, offset, -2, -1).sum(-1)
    if t.ndim < 2:
        raise ValueError(f"linalg.trace: x has shape {tuple(t.shape)}; it needs a matrix")
    dt = _TRACE_DTYPE.get(t.dtype, t.dtype) if dtype is None else torch_dtype(dtype)
    d = torch.diagonal(t, offset, -2, -1)
    if dt == torch.uint64:
        # int64 bits wrap modulo 2**64 exactly as uint64 does (pytorch#58734: no uint64 sum).
        if d.dtype == torch.uint64:
            bits = d.view(torch.int64)
        elif d.dtype in UNSIGNED_GAPS or d.dtype == torch.uint8:
            bits = to_wide(d, "linalg.trace")
        else:
            bits = d.to(dt).view(torch.int64)
        return bits.sum(-1, dtype=torch.int64).view(torch.uint64)
    d = d if d.dtype == dt else d.to(dt)
    if dt in UNSIGNED_GAPS:
        return on_bits(lambda v: v.sum(-1, dtype=v.dtype), d)
    return d.sum(-1, dtype=dt)


def outer(x1: Tensor, x2: Tensor, /) -> Tensor:
    """The outer product of two vectors: shape ``(N, M)``, dtypes promoted by the standard.

    Raises
    ------
    ValueError
        When an operand is not one-dimensional.
    """
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype:
        try:
            return torch.outer(x1, x2)
        except RuntimeError:
            pass  # not vectors, or no kernel: the slow path explains or works around it
    a, b, dt = _promoted(x1, x2, "outer")
    if a.ndim != 1 or b.ndim != 1:
        raise ValueError(
            f"linalg.outer: operands have shapes {tuple(a.shape)} and {tuple(b.shape)}; both "
            "must be one-dimensional (tb.multiply broadcasts for other shapes)"
        )
    if dt in UNSIGNED_GAPS:
        return on_bits(torch.outer, a, b)
    return torch.outer(a, b)


def _cross_slow(x1: object, x2: object, axis: int) -> Tensor:
    a, b, dt = _promoted(x1, x2, "cross")
    if dt == torch.bool:
        raise TypeError(
            "linalg.cross: bool arrays have no cross product (it subtracts); cast to an "
            "integer or floating dtype"
        )
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise TypeError(f"linalg.cross: axis={axis!r} must be an int")
    for t, name in ((a, "x1"), (b, "x2")):
        if not -t.ndim <= axis < t.ndim:
            raise ValueError(
                f"linalg.cross: axis={axis} is out of bounds for {name} of shape "
                f"{tuple(t.shape)}; pass a negative axis within both operands' dimensions"
            )
        if t.shape[axis] != 3:
            raise ValueError(
                f"linalg.cross: {name} has shape {tuple(t.shape)}, size {t.shape[axis]} along "
                f"axis {axis}; both operands need size 3 there (3-element vectors, not broadcast)"
            )
    # NumPy's rule: the axis is each operand's own; the vectors move last, the rest broadcast.
    a, b = a.movedim(axis, -1), b.movedim(axis, -1)
    try:
        a, b = torch.broadcast_tensors(a, b)  # type: ignore[no-untyped-call]
    except RuntimeError as e:
        raise ValueError(
            f"linalg.cross: shapes {tuple(a.shape[:-1])} and {tuple(b.shape[:-1])} (without "
            f"the vector axis) do not broadcast ({e})"
        ) from e
    if dt in UNSIGNED_GAPS:
        out = on_bits(lambda p, q: torch.linalg.cross(p, q, dim=-1), a, b)
    else:
        out = torch.linalg.cross(a, b, dim=-1)
    return out.movedim(-1, axis)  # NumPy puts the result axis at `axis` of the result


def cross(x1: Tensor, x2: Tensor, /, *, axis: int = -1) -> Tensor:
    """The cross product of the 3-element vectors along ``axis`` (other axes broadcast).

    ``axis`` should be negative (the standard's rule); a non-negative axis is each operand's
    own axis, as in NumPy. Dtypes promote by the standard, integers included.

    Raises
    ------
    ValueError
        When an operand's size along ``axis`` is not 3, ``axis`` is out of bounds, or the
        other axes do not broadcast.
    TypeError
        For bool operands.
    """
    if type(x1) is Tensor and type(x2) is Tensor and type(axis) is int:
        dt = x1.dtype
        if dt is x2.dtype and dt in _NATIVE:
            # torch checks the rest (size 3 in both, equal ranks, axis bounds); with equal
            # ranks its dim is each operand's axis, as NumPy reads it.
            try:
                out: Tensor = (
                    torch.linalg.cross(x1, x2)
                    if axis == -1
                    else torch.linalg.cross(x1, x2, dim=axis)
                )
                return out
            except (RuntimeError, IndexError):
                pass  # the slow path broadcasts ranks or explains the error
    return _cross_slow(x1, x2, axis)
