"""``tbridge.linalg``: the Array API linear algebra extension, on plain tensors.

Each function calls ``torch.linalg`` directly when the input already has a dtype torch's
routines take (float32, float64, complex64, complex128). Otherwise, as in NumPy, integer and
bool input is computed in the default floating dtype (float64, or the ``tb.default_float`` in
force), and float16/bfloat16 is refused by the decompositions (neither torch nor NumPy has
half-precision LAPACK). Functions that are not decompositions (``cross``, ``diagonal``,
``matmul``, ``matrix_power`` with ``n >= 0``, ``outer``, ``tensordot``, ``trace``, ``vecdot``)
keep integer dtypes, uint16/32/64 included (see :mod:`tbridge._namespace.linear_algebra`).

Array arguments go through the input gate (lists, NumPy arrays and scalars are accepted as NumPy
reads them). Failures of the numerical routines (a singular or non-positive-definite matrix,
matrices that are not square, too few dimensions, inf or NaN that the routine cannot take)
raise :class:`LinAlgError`, a subclass of ``numpy.linalg.LinAlgError`` (so of ``ValueError``),
with a message that names the shapes and the fix; torch's own error stays in the chain. Shapes
that do not fit each other raise ``ValueError`` and axes out of bounds NumPy's ``AxisError``, as
in NumPy. Decompositions return ``typing.NamedTuple`` results (:class:`EighResult`,
:class:`EigResult`, :class:`QRResult`, :class:`SlogdetResult`, :class:`SVDResult`) with NumPy's
field names.

NumPy's extra parameters are taken beside the standard's: ``eigh``/``eigvalsh(UPLO=)``,
``svd(compute_uv=, hermitian=)``, ``qr(mode="r" | "raw")``, ``matrix_rank(tol=,
hermitian=)``, ``pinv(rcond=, hermitian=)`` (with NumPy's default cutoff when neither
``rcond`` nor ``rtol`` is given), and ``matrix_power``'s ``n`` by name. NumPy's functions
beyond the standard (``norm``, ``lstsq``, ``cond``, ...) live in :mod:`tbridge._numpy.linalg`.

Memory and autograd: ``diagonal`` and ``matrix_transpose`` return views of ``x``; everything
else is new memory. Floating results stay on the autograd graph wherever torch can
differentiate.
"""

from __future__ import annotations

import cmath
import enum
import math
import operator
from collections.abc import Callable
from typing import Final, Literal, NamedTuple, TypeAlias, overload

import numpy as np
import torch
from numpy.exceptions import AxisError
from torch import Tensor

from tbridge._convert.gate import as_tensor
from tbridge._core.axes import AxisWording, check_axis
from tbridge._core.dtypes import DTypeLike, default_float_dtype, torch_dtype
from tbridge._core.signatures import broadcast_shapes, broadcast_tensors
from tbridge._core.tracing import values_checkable
from tbridge._core.workarounds import UNSIGNED_GAPS, on_bits, to_wide
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


class LinAlgError(np.linalg.LinAlgError):
    """A linear algebra routine failed: a singular or non-positive-definite matrix, a matrix
    that is not square, too few dimensions, or no convergence.

    A subclass of ``numpy.linalg.LinAlgError`` (itself a ``ValueError``), so NumPy code that
    catches ``np.linalg.LinAlgError`` catches this too.
    """

    __module__ = "tbridge.linalg"


class _Default(enum.Enum):
    """A parameter's "not given" marker, where NumPy tells "not given" from None."""

    NOT_GIVEN = "NOT_GIVEN"

    def __repr__(self) -> str:
        return "<not given>"


_NOT_GIVEN: Final = _Default.NOT_GIVEN


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


def _as_lapack(x: object, caller: str) -> Tensor:
    """``x`` through the gate, in a dtype torch's decompositions take (the slow path).

    Integers and bool become the default float (NumPy computes them in float64); half
    precision is refused, as NumPy refuses it.
    """
    t = x if type(x) is Tensor else as_tensor(x, f"linalg.{caller}")
    if t.dtype in _LAPACK:
        return t
    if t.dtype in _HALF:
        raise TypeError(
            f"linalg.{caller}: {t.dtype} is not supported: torch (like NumPy) has no "
            "half-precision linear algebra routines; cast first, e.g. tb.astype(x, tb.float32)"
        )
    if t.dtype.is_floating_point or t.dtype.is_complex:
        raise TypeError(f"linalg.{caller}: {t.dtype} is not supported; cast to float32 or float64")
    return t.to(default_float_dtype())


def _as_inexact(x: object, caller: str) -> Tensor:
    """``x`` through the gate as a floating tensor (half precision kept; integers and bool in
    the default float)."""
    t = x if type(x) is Tensor else as_tensor(x, f"linalg.{caller}")
    if t.dtype in _INEXACT:
        return t
    if t.dtype.is_floating_point or t.dtype.is_complex:
        raise TypeError(f"linalg.{caller}: {t.dtype} is not supported; cast to float32 or float64")
    return t.to(default_float_dtype())


#: What to do about a singular matrix, by function.
_SINGULAR_HINTS: Final[dict[str, str]] = {
    "inv": "a singular matrix has no inverse; tb.linalg.pinv gives the pseudo-inverse",
    "solve": "the system has no unique solution; tb.linalg.lstsq gives a least-squares one",
    "matrix_power": "a negative power needs an invertible matrix",
    "tensorinv": "a singular tensor has no inverse; check the data or the ind argument",
    "tensorsolve": "the system has no unique solution; check the data or the axes argument",
    "cond": "",
}
#: Functions whose matrices must be square.
_SQUARE: Final = frozenset(
    {
        "cholesky",
        "cond",
        "det",
        "eig",
        "eigh",
        "eigvals",
        "eigvalsh",
        "inv",
        "matrix_power",
        "slogdet",
        "solve",
        "tensorinv",
        "tensorsolve",
    }
)


def _failure(caller: str, e: Exception, t: Tensor) -> Exception:
    """The exception to raise for torch's error ``e`` in ``caller`` on ``t`` (called only on
    failure: the checks cost nothing on the fast path). Torch's own text stays in the chained
    error (``raise ... from e``); the message is told in NumPy's terms."""
    name = f"linalg.{caller}"
    shape = tuple(t.shape)
    dt = str(t.dtype).removeprefix("torch.")
    text = str(e)
    if isinstance(e, NotImplementedError) or "Low precision" in text or "not implemented" in text:
        return TypeError(
            f"{name}: torch has no routine for {dt} on {t.device}; cast to float32 or float64 "
            "(tb.astype) or move the data to a device that has one"
        )
    if t.ndim < 2:
        return LinAlgError(
            f"{name}: x has shape {shape}, {t.ndim} dimension(s); it needs at least two (a "
            "matrix or a stack of matrices)"
        )
    if caller in _SQUARE and t.shape[-1] != t.shape[-2]:
        return LinAlgError(
            f"{name}: x has shape {shape}; its last two dimensions must be equal (square matrices)"
        )
    which = "the matrix" if t.ndim == 2 else "a matrix in the stack"
    if "singular" in text:
        hint = _SINGULAR_HINTS.get(caller, "")
        return LinAlgError(f"{name}: {which} (x: shape {shape}, {dt}) is singular; {hint}")
    if "positive-definite" in text:
        return LinAlgError(
            f"{name}: {which} (x: shape {shape}, {dt}) is not positive-definite; cholesky "
            "needs symmetric (Hermitian) positive-definite matrices"
        )
    if "infs or NaNs" in text or "non-finite" in text:
        return LinAlgError(
            f"{name}: x (shape {shape}, {dt}) contains inf or NaN, which the algorithm cannot "
            "take (NumPy refuses them too); replace or remove them first"
        )
    if "converge" in text:
        return LinAlgError(
            f"{name}: the algorithm did not converge for x of shape {shape} ({dt}); check it "
            "for extreme values"
        )
    return LinAlgError(
        f"{name}: torch's routine failed for x of shape {shape} ({dt}); the chained error has "
        "its reason"
    )


def _all_finite(t: Tensor) -> bool:
    """Whether every element of ``t`` is finite: one reduction and one read in the common case
    (a sum of finite values is finite unless it overflows, which the exact check settles)."""
    return cmath.isfinite(t.sum().item()) or bool(torch.isfinite(t).all())


def _check_matrices(t: Tensor, caller: str, square: bool = False) -> None:
    if t.ndim < 2:
        raise LinAlgError(
            f"linalg.{caller}: x has shape {tuple(t.shape)}, {t.ndim} dimension(s); it needs at "
            "least two (a matrix or a stack of matrices)"
        )
    if square and t.shape[-1] != t.shape[-2]:
        raise LinAlgError(
            f"linalg.{caller}: x has shape {tuple(t.shape)}; its last two dimensions must be "
            "equal (square matrices)"
        )


# ---- decompositions and solvers -------------------------------------------------------------


def cholesky(x: Tensor, /, *, upper: bool = False) -> Tensor:
    """The Cholesky factor of each symmetric (Hermitian) positive-definite matrix in ``x``.

    Lower-triangular ``L`` with ``x = L @ L^H`` by default; upper-triangular ``U`` with
    ``x = U^H @ U`` when ``upper=True``. Only the lower triangle of ``x`` is read.

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    LinAlgError
        When a matrix is not positive-definite or not square.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.cholesky([[4.0, 2.0], [2.0, 2.0]])
    tensor([[2., 0.],
            [1., 1.]], dtype=torch.float64)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "cholesky")
    try:
        out: Tensor = torch.linalg.cholesky(t, upper=True) if upper else torch.linalg.cholesky(t)
        return out
    except RuntimeError as e:
        raise _failure("cholesky", e, t) from e


def det(x: Tensor, /) -> Tensor:
    """The determinant of each square matrix in ``x`` (integers computed in the default float).

    Memory and autograd: new memory, on ``x``'s autograd graph.

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

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    LinAlgError
        When the matrices are not square.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.slogdet([[2.0, 0.0], [0.0, -3.0]]).sign
    tensor(-1., dtype=torch.float64)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "slogdet")
    try:
        sign, logabsdet = torch.linalg.slogdet(t)
    except RuntimeError as e:
        raise _failure("slogdet", e, t) from e
    return SlogdetResult(sign, logabsdet)


def inv(x: Tensor, /) -> Tensor:
    """The inverse of each square matrix in ``x``.

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    LinAlgError
        When a matrix is singular or not square.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.inv([[2.0, 0.0], [0.0, 4.0]])
    tensor([[0.5000, 0.0000],
            [0.0000, 0.2500]], dtype=torch.float64)
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

    Memory and autograd: new memory, on the graph of both operands.

    Raises
    ------
    LinAlgError
        When a matrix in ``x1`` is singular or not square, or ``x1`` has fewer than two
        dimensions.
    ValueError
        When ``x2``'s shape does not fit ``x1``'s (NumPy raises ValueError there too).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.solve([[2.0, 0.0], [0.0, 4.0]], [2.0, 2.0])
    tensor([1.0000, 0.5000], dtype=torch.float64)
    """
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype and x1.dtype in _LAPACK:
        a, b = x1, x2
    else:
        p1, p2, _ = _promoted(x1, x2, "linalg.solve")
        a, b = _as_lapack(p1, "solve"), _as_lapack(p2, "solve")
    rhs = b
    if b.ndim != 1 and a.ndim - 1 == b.ndim and a.shape[:-1] == b.shape:
        rhs = b.unsqueeze(0)  # a stack of one matrix, so torch cannot take it for vectors
    try:
        out: Tensor = torch.linalg.solve(a, rhs)
        return out
    except RuntimeError as e:
        raise _solve_failure(e, a, b) from e


def _solve_failure(e: RuntimeError, a: Tensor, b: Tensor) -> Exception:
    """Why ``solve(a, b)`` failed, in terms of the shapes the caller passed."""
    if a.ndim < 2 or a.shape[-1] != a.shape[-2]:
        return _failure("solve", e, a)
    m = a.shape[-1]
    shapes = f"linalg.solve: x1 has shape {tuple(a.shape)} and x2 {tuple(b.shape)}"
    if b.ndim == 0:
        return ValueError(
            f"{shapes}; x2 must be a vector of {m} elements or a (stack of) matrices with {m} "
            "rows, not a scalar"
        )
    if b.ndim == 1 and b.shape[0] != m:
        return ValueError(
            f"{shapes}; a 1-D x2 is one right-hand side and needs {m} elements (the size of "
            "x1's square matrices)"
        )
    if b.ndim > 1 and b.shape[-2] != m:
        return ValueError(
            f"{shapes}; x2's second-to-last dimension ({b.shape[-2]}) must equal the size of "
            f"x1's square matrices ({m}): an x2 with two or more dimensions is a (stack of) "
            "matrices whose columns are the right-hand sides (add a last axis, x2[..., None], "
            "for a stack of vectors)"
        )
    if b.ndim > 1:
        try:
            broadcast_shapes(a.shape[:-2], b.shape[:-2])
        except RuntimeError:
            return ValueError(
                f"{shapes}; the stack dimensions {tuple(a.shape[:-2])} and "
                f"{tuple(b.shape[:-2])} do not broadcast"
            )
    return _failure("solve", e, a)


def _uplo(uplo: object, caller: str) -> None:
    if uplo not in {"L", "U"}:
        raise ValueError(
            f"linalg.{caller}: UPLO={uplo!r} is not a triangle; pass 'L' (read the lower "
            "triangle, the default) or 'U' (the upper)"
        )


def eigh(x: Tensor, /, UPLO: Literal["L", "U"] = "L") -> EighResult:
    """Eigenvalues (real, ascending) and eigenvectors of each symmetric/Hermitian matrix.

    Only the triangle ``UPLO`` names is read: ``'L'`` (lower, the default) or ``'U'``. The
    eigenvalues have the real dtype of ``x``'s precision; the eigenvectors (columns) have
    ``x``'s dtype.

    Memory and autograd: new memory, on ``x``'s graph.

    Raises
    ------
    LinAlgError
        When the matrices are not square or the algorithm does not converge.
    ValueError
        For another ``UPLO``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.eigh([[2.0, 1.0], [1.0, 2.0]]).eigenvalues
    tensor([1., 3.], dtype=torch.float64)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "eigh")
    if UPLO != "L":
        _uplo(UPLO, "eigh")
    try:
        values, vectors = torch.linalg.eigh(t) if UPLO == "L" else torch.linalg.eigh(t, UPLO)
    except RuntimeError as e:
        raise _failure("eigh", e, t) from e
    return EighResult(values, vectors)


def eigvalsh(x: Tensor, /, UPLO: Literal["L", "U"] = "L") -> Tensor:
    """Eigenvalues (real, ascending) of each symmetric/Hermitian matrix in ``x``.

    Only the triangle ``UPLO`` names is read: ``'L'`` (lower, the default) or ``'U'``.

    Memory and autograd: new memory, on ``x``'s graph.

    Raises
    ------
    LinAlgError
        When the matrices are not square or the algorithm does not converge.
    ValueError
        For another ``UPLO``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.eigvalsh([[2.0, 5.0], [1.0, 2.0]], UPLO="U")
    tensor([-3.,  7.], dtype=torch.float64)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "eigvalsh")
    if UPLO != "L":
        _uplo(UPLO, "eigvalsh")
    try:
        out: Tensor = torch.linalg.eigvalsh(t) if UPLO == "L" else torch.linalg.eigvalsh(t, UPLO)
        return out
    except RuntimeError as e:
        raise _failure("eigvalsh", e, t) from e


def eig(x: Tensor, /) -> EigResult:
    """Eigenvalues and eigenvectors of each square matrix in ``x``, always complex.

    The standard (2025.12) asks for a complex result even for real input with real
    eigenvalues (NumPy returns real arrays then): complex64 for float32 input, complex128 for
    float64.

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    LinAlgError
        When the matrices are not square or the algorithm does not converge.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.eig([[2.0, 0.0], [0.0, 3.0]]).eigenvalues
    tensor([2.+0.j, 3.+0.j], dtype=torch.complex128)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "eig")
    try:
        values, vectors = torch.linalg.eig(t)
    except RuntimeError as e:
        raise _failure("eig", e, t) from e
    return EigResult(values, vectors)


def eigvals(x: Tensor, /) -> Tensor:
    """Eigenvalues of each square matrix in ``x``, always complex (see :func:`eig`).

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    LinAlgError
        When the matrices are not square or the algorithm does not converge.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.eigvals([[2.0, 0.0], [0.0, 3.0]])
    tensor([2.+0.j, 3.+0.j], dtype=torch.complex128)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "eigvals")
    if t.device.type == "cpu" and values_checkable(t) and not _all_finite(t):
        # oneMKL's balancing (SGEBAL/DGEBAL) crashes the process on some inf/NaN input
        # (pytorch#121149, pytorch#93124): refuse it first, as torch.linalg.eig and NumPy do.
        raise LinAlgError(
            f"linalg.eigvals: x (shape {tuple(t.shape)}, {str(t.dtype).removeprefix('torch.')}) "
            "contains inf or NaN, which the algorithm cannot take (NumPy refuses them too); "
            "replace or remove them first"
        )
    try:
        out: Tensor = torch.linalg.eigvals(t)
        return out
    except RuntimeError as e:
        raise _failure("eigvals", e, t) from e


QRMode: TypeAlias = Literal["reduced", "complete", "r", "raw"]


@overload
def qr(x: Tensor, /, mode: Literal["reduced", "complete"] = "reduced") -> QRResult: ...
@overload
def qr(x: Tensor, /, mode: Literal["r"]) -> Tensor: ...
@overload
def qr(x: Tensor, /, mode: Literal["raw"]) -> tuple[Tensor, Tensor]: ...
def qr(x: Tensor, /, mode: QRMode = "reduced") -> QRResult | Tensor | tuple[Tensor, Tensor]:
    """The QR decomposition of each matrix in ``x``: ``x = Q @ R``.

    ``mode="reduced"`` gives ``Q`` of shape ``(..., M, K)`` and ``R`` of ``(..., K, N)`` with
    ``K = min(M, N)``; ``mode="complete"`` gives ``(..., M, M)`` and ``(..., M, N)``. NumPy's
    other modes: ``"r"`` returns ``R`` alone (reduced), ``"raw"`` the tuple ``(h, tau)`` of
    LAPACK's Householder form, ``h`` transposed as NumPy returns it (shape ``(..., N, M)``).

    Memory and autograd: new memory; ``"reduced"``, ``"complete"`` and ``"r"`` stay on ``x``'s
    graph (torch has no derivative for ``"raw"``).

    Raises
    ------
    ValueError
        For another ``mode`` (NumPy's deprecated ``"full"`` and ``"economic"`` included).
    LinAlgError
        When ``x`` has fewer than two dimensions.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.qr([[3.0, 1.0], [4.0, 2.0]], mode="r")
    tensor([[-5.0000, -2.2000],
            [ 0.0000,  0.4000]], dtype=torch.float64)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "qr")
    try:
        if mode == "reduced":
            q, r = torch.linalg.qr(t)
            return QRResult(q, r)
        if mode == "complete":
            q, r = torch.linalg.qr(t, "complete")
            return QRResult(q, r)
        if mode == "r":
            out: Tensor = torch.linalg.qr(t, "r")[1]
            return out
        if mode == "raw":
            h, tau = torch.geqrf(t)
            return h.mT, tau
    except RuntimeError as e:
        raise _failure("qr", e, t) from e
    raise ValueError(
        f"linalg.qr: mode={mode!r} is not supported; pass 'reduced' (the default), "
        "'complete', 'r' or 'raw'"
    )


@overload
def svd(
    x: Tensor,
    /,
    full_matrices: bool = True,
    compute_uv: Literal[True] = True,
    hermitian: bool = False,
) -> SVDResult: ...
@overload
def svd(
    x: Tensor, /, full_matrices: bool, compute_uv: Literal[False], hermitian: bool = False
) -> Tensor: ...
@overload
def svd(
    x: Tensor, /, full_matrices: bool = True, *, compute_uv: Literal[False], hermitian: bool = False
) -> Tensor: ...
def svd(
    x: Tensor, /, full_matrices: bool = True, compute_uv: bool = True, hermitian: bool = False
) -> SVDResult | Tensor:
    """The singular value decomposition of each matrix in ``x``: ``x = U @ diag(S) @ Vh``.

    ``S`` is real and descending. With ``full_matrices=False`` only the leading
    ``K = min(M, N)`` singular vectors are computed; with ``compute_uv=False`` (NumPy's
    option) only ``S`` is, and returned alone. ``hermitian=True`` (NumPy's option) is
    accepted and changes nothing: the general SVD also holds for Hermitian matrices (its
    singular vectors may differ from NumPy's eigenvector-based ones by a phase, as the
    vectors of any two SVD routines may).

    Memory and autograd: new memory, on ``x``'s graph.

    Raises
    ------
    LinAlgError
        When ``x`` has fewer than two dimensions or the algorithm does not converge.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.svd([[3.0, 0.0], [0.0, -4.0]], compute_uv=False)
    tensor([4., 3.], dtype=torch.float64)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "svd")
    try:
        if not compute_uv:
            s: Tensor = torch.linalg.svdvals(t)
            return s
        u, s, vh = torch.linalg.svd(t) if full_matrices else torch.linalg.svd(t, False)
    except RuntimeError as e:
        raise _failure("svd", e, t) from e
    return SVDResult(u, s, vh)


def svdvals(x: Tensor, /) -> Tensor:
    """The singular values of each matrix in ``x``, real and descending.

    Memory and autograd: new memory, on ``x``'s graph.

    Raises
    ------
    LinAlgError
        When ``x`` has fewer than two dimensions or the algorithm does not converge.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.svdvals([[3.0, 0.0], [0.0, -4.0]])
    tensor([4., 3.], dtype=torch.float64)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "svdvals")
    try:
        out: Tensor = torch.linalg.svdvals(t)
        return out
    except RuntimeError as e:
        raise _failure("svdvals", e, t) from e


def _tolerance(tol: object, caller: str, name: str) -> Tensor | float:
    """A tolerance argument (not None): a float, or any array data through the gate."""
    if type(tol) is float or (type(tol) is Tensor and tol.dtype.is_floating_point):
        return tol
    if isinstance(tol, (bool, np.bool_)):
        raise TypeError(
            f"linalg.{caller}: {name}={tol!r} must be a real number or an array of them"
        )
    if type(tol) is int:
        return float(tol)
    t = as_tensor(tol, f"linalg.{caller}", name)
    if t.dtype.is_complex or t.dtype == torch.bool:
        raise TypeError(f"linalg.{caller}: {name} must be real, got an array of {t.dtype}")
    return t if t.dtype.is_floating_point else t.to(default_float_dtype())


def _with_stack_of(t: Tensor, tol: Tensor | float) -> Tensor:
    """``t`` expanded to the stack of an array tolerance with more dimensions than its own (or
    torch resizes its output with a deprecation warning)."""
    if isinstance(tol, Tensor) and tol.ndim > t.ndim - 2 and t.ndim >= 2:
        stack = broadcast_shapes(tuple(t.shape[:-2]), tuple(tol.shape))
        return t.expand(*stack, *t.shape[-2:])
    return t


def matrix_rank(
    x: Tensor,
    /,
    tol: Tolerance = None,
    hermitian: bool = False,
    *,
    rtol: Tolerance = None,
) -> Tensor:
    """The rank of each matrix in ``x``: how many singular values exceed the tolerance (int64).

    The tolerance is ``tol`` (absolute, NumPy's) when given, else ``rtol * largest singular
    value``; ``rtol=None`` means ``max(M, N) * eps`` of ``x``'s floating precision. Array
    tolerances broadcast against the stack dimensions ``x.shape[:-2]``. ``hermitian=True``
    reads the singular values off the eigenvalues (faster; only the lower triangle is read).
    As in NumPy, a vector or scalar has rank 1 unless it is all zeros.

    Memory and autograd: new memory (an integer result, not differentiable).

    Raises
    ------
    ValueError
        When both ``tol`` and ``rtol`` are given.
    TypeError
        For a tolerance that is not a real number or array.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.matrix_rank([[1.0, 2.0], [2.0, 4.0]])
    tensor(1)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "matrix_rank")
    if tol is None and rtol is None and hermitian is False:
        try:
            out: Tensor = torch.linalg.matrix_rank(t)
            return out
        except RuntimeError as e:
            if t.ndim < 2:
                return torch.any(t != 0).to(torch.int64)
            raise _failure("matrix_rank", e, t) from e
    if tol is not None and rtol is not None:
        raise ValueError(
            "linalg.matrix_rank: pass tol (an absolute tolerance) or rtol (a relative one), "
            "not both"
        )
    if t.ndim < 2:
        return torch.any(t != 0).to(torch.int64)
    herm = bool(hermitian)
    try:
        if tol is not None:
            atol = _tolerance(tol, "matrix_rank", "tol")
            out = torch.linalg.matrix_rank(_with_stack_of(t, atol), atol=atol, hermitian=herm)
        elif rtol is not None:
            rel = _tolerance(rtol, "matrix_rank", "rtol")
            out = torch.linalg.matrix_rank(_with_stack_of(t, rel), rtol=rel, hermitian=herm)
        else:
            out = torch.linalg.matrix_rank(t, hermitian=herm)
        return out
    except RuntimeError as e:
        raise _failure("matrix_rank", e, t) from e


#: NumPy's pinv cutoff when neither rcond nor rtol is given.
_PINV_RCOND: Final = 1e-15


def pinv(
    x: Tensor,
    /,
    rcond: Tolerance = None,
    hermitian: bool = False,
    *,
    rtol: Tolerance | _Default = _NOT_GIVEN,
) -> Tensor:
    """The Moore-Penrose pseudo-inverse of each matrix in ``x`` (shape ``(..., N, M)``).

    Singular values at or below ``rcond * largest`` count as zero. ``rtol`` is the standard's
    name for ``rcond``; ``rtol=None`` means ``max(M, N) * eps`` of ``x``'s floating precision.
    Given neither, the cutoff is NumPy's ``1e-15``. Array tolerances broadcast against the
    stack dimensions. ``hermitian=True`` computes through the eigendecomposition (only the
    lower triangle is read).

    Memory and autograd: new memory, on ``x``'s graph.

    Raises
    ------
    ValueError
        When both ``rcond`` and ``rtol`` are given.
    LinAlgError
        When ``x`` has fewer than two dimensions or the SVD does not converge.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.pinv([[2.0, 0.0], [0.0, 0.0]])
    tensor([[0.5000, 0.0000],
            [0.0000, 0.0000]], dtype=torch.float64)
    """
    t = x if type(x) is Tensor and x.dtype in _LAPACK else _as_lapack(x, "pinv")
    tol: Tensor | float | None
    if rcond is not None:
        if rtol is not _NOT_GIVEN:
            raise ValueError(
                "linalg.pinv: pass rcond (NumPy's name) or rtol (the standard's), not both"
            )
        tol = _tolerance(rcond, "pinv", "rcond")
    elif rtol is _NOT_GIVEN:
        tol = _PINV_RCOND
    else:
        tol = None if rtol is None else _tolerance(rtol, "pinv", "rtol")
    try:
        if hermitian is False:
            out: Tensor = torch.linalg.pinv(t) if tol is None else torch.linalg.pinv(t, rtol=tol)
        else:
            out = torch.linalg.pinv(t, rtol=tol, hermitian=bool(hermitian))
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

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For another ``ord``.
    numpy.exceptions.AxisError
        When ``x`` has fewer than two dimensions (a ValueError and an IndexError, as NumPy's).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.matrix_norm([[1.0, 2.0], [3.0, 4.0]], ord=1)
    tensor(6., dtype=torch.float64)
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
        if t.ndim < 2:  # NumPy: axis -2 is out of bounds
            raise AxisError(
                f"linalg.matrix_norm: x has shape {tuple(t.shape)}, {t.ndim} dimension(s); it "
                "needs at least two (a matrix or a stack of matrices): axis -2 is out of bounds"
            ) from e
        raise _failure("matrix_norm", e, t) from e


_VECTOR_NORM_AXIS: Final = AxisWording(
    "{caller}: axis={given!r} must be an int, a tuple of ints or None",
    "{caller}: axis {i} is out of bounds for {of}",
)


def _norm_axes(axis: object, ndim: int) -> tuple[int, ...]:
    items = axis if isinstance(axis, tuple) else (axis,)
    # A 0-d x has axis 0 (and -1), its one element, as torch and the fast path read it.
    of = f"an array with {ndim} dimensions"
    out = [
        check_axis(ax, ndim or 1, "linalg.vector_norm", of, axis, _VECTOR_NORM_AXIS) for ax in items
    ]
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

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For an axis out of bounds or repeated, or ``inf``/``-inf`` norms of empty input.
    TypeError
        For a non-numeric ``ord`` (use :func:`matrix_norm` for ``'fro'``/``'nuc'``).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.vector_norm([3.0, 4.0])
    tensor(5., dtype=torch.float64)
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
        if axis is not None:
            _norm_axes(axis, t.ndim)  # an axis out of bounds: its AxisError
        if t.numel() == 0 and -math.inf < ord < 0:
            # NumPy: sum(|x|**ord)**(1/ord) of nothing is 0**(1/ord) = inf; torch refuses.
            shape_of = torch.linalg.vector_norm(t, 1, axis, keepdims)
            return torch.full_like(shape_of, math.inf)
        if t.numel() == 0:
            which = "maximum" if ord > 0 else "minimum"
            raise ValueError(
                f"linalg.vector_norm: cannot compute the {ord}-norm of shape {tuple(t.shape)} "
                f"over axis={axis!r}: the {which} of |x| over an empty axis is undefined (NumPy "
                "refuses it too); reduce over axes of non-zero size"
            ) from e
        raise ValueError(
            f"linalg.vector_norm: cannot compute the {ord}-norm of shape {tuple(t.shape)} over "
            f"axis={axis!r}; the chained error has torch's reason"
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


def matrix_power(x: Tensor, /, n: int) -> Tensor:
    """Each square matrix in ``x`` raised to the integer power ``n``.

    ``n = 0`` gives identity matrices; ``n < 0`` powers of the inverse. As in NumPy, integer
    (and bool) matrices keep their dtype for ``n >= 0`` (wrapping on overflow) and are
    inverted in the default float for ``n < 0``.

    Memory and autograd: new memory (for ``n = 1`` too), on ``x``'s autograd graph.

    Raises
    ------
    TypeError
        When ``n`` is not an integer.
    LinAlgError
        When the matrices are not square, or singular with ``n < 0``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.matrix_power([[1, 1], [0, 1]], 3)
    tensor([[1, 3],
            [0, 1]])
    """
    if isinstance(n, bool) or not hasattr(n, "__index__"):
        raise TypeError(f"linalg.matrix_power: n={n!r} must be an integer")
    n = operator.index(n)
    if type(x) is Tensor and x.dtype in _LAPACK:
        t = x
    else:
        t = as_tensor(x, "linalg.matrix_power")
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

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.diagonal([[1, 2], [3, 4]])
    tensor([1, 4])
    """
    if type(x) is Tensor:
        try:
            # The last two axes are torch.linalg.diagonal's default, offset 0 too.
            if offset == 0 and type(offset) is int:
                return _linalg_diagonal(x)
            return torch.diagonal(x, offset, -2, -1)
        except IndexError:
            pass  # fewer than two dimensions: explained below
    t = as_tensor(x, "linalg.diagonal")
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

    Memory and autograd: new memory, on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        When ``x`` has fewer than two dimensions.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.trace([[1, 2], [3, 4]])
    tensor(5)
    """
    if type(x) is Tensor and x.dtype in _LAPACK and dtype is None and offset == 0:
        # One matrix: torch.trace, one kernel (it sums the diagonal in order, in double for
        # float32: no less accurate than the reduction below).
        try:
            if type(offset) is int:
                return _trace(x)
        except RuntimeError:
            pass  # not a matrix (a stack of them, or fewer dimensions): below
    t = x if type(x) is Tensor else as_tensor(x, "linalg.trace")
    if t.ndim < 2:
        raise ValueError(f"linalg.trace: x has shape {tuple(t.shape)}; it needs a matrix")
    return _sum_diagonal(torch.diagonal(t, offset, -2, -1), dtype, "linalg.trace")


def _sum_diagonal(d: Tensor, dtype: DTypeLike | None, caller: str) -> Tensor:
    """The sum of diagonals ``d`` (their last axis) in NumPy's trace dtype, or ``dtype``."""
    if dtype is None and d.dtype in _INEXACT:
        return d.sum(-1)
    dt = _TRACE_DTYPE.get(d.dtype, d.dtype) if dtype is None else torch_dtype(dtype, caller=caller)
    if dt == torch.uint64:
        # int64 bits wrap modulo 2**64 exactly as uint64 does (pytorch#58734: no uint64 sum).
        if d.dtype == torch.uint64:
            bits = d.view(torch.int64)
        elif d.dtype in UNSIGNED_GAPS or d.dtype == torch.uint8:
            bits = to_wide(d, caller)
        else:
            bits = d.to(dt).view(torch.int64)
        return bits.sum(-1, dtype=torch.int64).view(torch.uint64)
    d = d if d.dtype == dt else d.to(dt)
    if dt in UNSIGNED_GAPS:
        return on_bits(lambda v: v.sum(-1, dtype=v.dtype), d)
    return d.sum(-1, dtype=dt)


def outer(x1: Tensor, x2: Tensor, /) -> Tensor:
    """The outer product of two vectors: shape ``(N, M)``, dtypes promoted by the standard.

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    ValueError
        When an operand is not one-dimensional.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.outer([1, 2], [1, 10])
    tensor([[ 1, 10],
            [ 2, 20]])
    """
    if type(x1) is Tensor and type(x2) is Tensor and x1.dtype is x2.dtype:
        try:
            return torch.outer(x1, x2)
        except RuntimeError:
            pass  # not vectors, or no kernel: the slow path explains or works around it
    a, b, dt = _promoted(x1, x2, "linalg.outer")
    if a.ndim != 1 or b.ndim != 1:
        raise ValueError(
            f"linalg.outer: operands have shapes {tuple(a.shape)} and {tuple(b.shape)}; both "
            "must be one-dimensional (tb.multiply broadcasts for other shapes)"
        )
    if dt in UNSIGNED_GAPS:
        return on_bits(torch.outer, a, b)
    return torch.outer(a, b)


_CROSS_AXIS: Final = AxisWording(
    "{caller}: axis={axis!r} must be an int",
    "{caller}: axis={axis} is out of bounds for {of}; pass a negative axis within both "
    "operands' dimensions",
)


def _cross_slow(x1: object, x2: object, axis: int) -> Tensor:
    a, b, dt = _promoted(x1, x2, "linalg.cross")
    if dt == torch.bool:
        raise TypeError(
            "linalg.cross: bool arrays have no cross product (it subtracts); cast to an "
            "integer or floating dtype"
        )
    for t, name in ((a, "x1"), (b, "x2")):
        of = f"{name} of shape {tuple(t.shape)}"
        dim = check_axis(axis, t.ndim, "linalg.cross", of, wording=_CROSS_AXIS)
        if t.shape[dim] != 3:
            raise ValueError(
                f"linalg.cross: {name} has shape {tuple(t.shape)}, size {t.shape[dim]} along "
                f"axis {axis}; both operands need size 3 there (3-element vectors, not broadcast)"
            )
    axis = operator.index(axis)  # an integer-like axis (np.int64, a 0-d array) as an int
    # NumPy's rule: the axis is each operand's own; the vectors move last, the rest broadcast.
    a, b = a.movedim(axis, -1), b.movedim(axis, -1)
    try:
        a, b = broadcast_tensors(a, b)
    except RuntimeError as e:
        raise ValueError(
            f"linalg.cross: shapes {tuple(a.shape[:-1])} and {tuple(b.shape[:-1])} (without "
            "the vector axis) do not broadcast"
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

    Memory and autograd: new memory, on both operands' graphs.

    Raises
    ------
    ValueError
        When an operand's size along ``axis`` is not 3, ``axis`` is out of bounds, or the
        other axes do not broadcast.
    TypeError
        For bool operands.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linalg.cross([1, 0, 0], [0, 1, 0])
    tensor([0, 0, 1])
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
