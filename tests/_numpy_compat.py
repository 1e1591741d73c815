"""NumPy 2's semantics for the test oracles, on NumPy 1.26 as well.

The tests use NumPy as the oracle, and tbridge follows NumPy 2: NEP 50 promotion (a 0-d array is
as strong as any other), the array API functions and names (``np.linalg.vecdot``, ``np.atan2``),
FFTs that keep single precision. NumPy 1.26 lacks some of those functions and answers others
differently, so the tests ask :data:`np2` instead of ``np`` wherever the two differ:

- on NumPy 2, ``np2`` *is* ``numpy`` (``np2.linalg`` is ``numpy.linalg``, ``np2.fft`` is
  ``numpy.fft``): the tests run against NumPy itself;
- on NumPy 1.x, ``np2`` is :data:`EMULATED`: NumPy with stand-ins, built from NumPy 1.26
  primitives, for the functions below; every other name is NumPy 1's own.

The stand-ins cover what the tests pass them (arrays, not out-of-range Python scalars), and
``tests/test_numpy_compat.py`` checks them against NumPy 2's own functions wherever NumPy 2 is
installed (``EMULATED`` works on both). Emulated:

- ``np2.<ufunc>``: operands that are arrays or NumPy scalars are cast to their
  :func:`result_type` first (NEP 50: no value-based casting), integer comparisons that promote
  to float64 (int64 with uint64) compare exactly, ``floor``/``ceil``/``trunc`` keep integer and
  bool dtypes (NumPy 2.1), and NumPy 2's names (``atan2``, ``pow``, ``bitwise_left_shift``, ...)
  reach NumPy 1's (``arctan2``, ``power``, ``left_shift``, ...);
- ``np2.result_type``, ``np2.concatenate``: promotion by dtypes only;
- ``np2.linalg``: ``matrix_transpose``, ``vecdot``, ``matrix_norm``, ``vector_norm``, ``trace``,
  ``diagonal``, ``outer``, ``cross``, ``cholesky(upper=)``, ``matrix_rank(rtol=)``,
  ``pinv(rtol=)``, and ``solve`` (NumPy 2 reads ``b`` as a vector only when it is 1-D);
- ``np2.fft``: the transforms compute in double precision (as NumPy 1 does) and return NumPy 2's
  result dtype (single precision in, single precision out); ``-1`` in ``s`` means the whole axis.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence
from typing import Any, Final

import numpy as np

NUMPY_MAJOR: Final = int(np.__version__.split(".")[0])

#: NumPy 2's (array API) names for functions NumPy 1 has under another name.
NUMPY2_ALIASES: Final = {
    "acos": "arccos",
    "acosh": "arccosh",
    "asin": "arcsin",
    "asinh": "arcsinh",
    "atan": "arctan",
    "atan2": "arctan2",
    "atanh": "arctanh",
    "bitwise_invert": "invert",
    "bitwise_left_shift": "left_shift",
    "bitwise_right_shift": "right_shift",
    "concat": "concatenate",
    "permute_dims": "transpose",
    "pow": "power",
}

_COMPARISONS: Final = frozenset(
    {"equal", "not_equal", "less", "less_equal", "greater", "greater_equal"}
)
_ROUNDING: Final = frozenset({"floor", "ceil", "trunc"})


def _is_array(x: object) -> bool:
    """An operand NEP 50 treats as strong: an array or a NumPy scalar (not a Python scalar)."""
    return isinstance(x, (np.ndarray, np.generic))


def _normalize_axes(axis: int | Sequence[int], ndim: int) -> tuple[int, ...]:
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    out = []
    for a in axes:
        if not -ndim <= a < ndim:
            raise np.exceptions.AxisError(a, ndim)
        out.append(operator.index(a) % ndim)
    if len(set(out)) != len(out):
        raise ValueError(f"repeated axis in {axis!r}")
    return tuple(out)


# ==== promotion and element-wise functions ======================================================


def result_type(*args: Any) -> np.dtype[Any]:
    """NEP 50: arrays and NumPy scalars promote by dtype alone, whatever their values."""
    return np.result_type(*(np.asarray(a).dtype if _is_array(a) else a for a in args))


def _elementwise(name: str) -> Callable[..., Any]:
    fn = getattr(np, NUMPY2_ALIASES.get(name, name))
    if not isinstance(fn, np.ufunc):
        return fn  # type: ignore[no-any-return]

    def call(*args: Any, **kwargs: Any) -> Any:
        if name in _ROUNDING and len(args) == 1 and np.asarray(args[0]).dtype.kind in "biu":
            return np.array(args[0], copy=True)  # NumPy 2.1: integers and bools are kept
        strong = [np.asarray(a) for a in args if _is_array(a)]
        if len(strong) < 2:
            return fn(*args, **kwargs)
        common = result_type(*strong)
        if (
            name in _COMPARISONS
            and common.kind == "f"
            and all(a.dtype.kind in "iu" for a in strong)
        ):
            # int64 with uint64: NumPy 2 compares the integers exactly, not as float64.
            exact = [np.asarray(a).astype(object) if _is_array(a) else a for a in args]
            return np.asarray(fn(*exact, **kwargs), dtype=bool)
        cast = [np.asarray(a).astype(common) if _is_array(a) else a for a in args]
        return fn(*cast, **kwargs)

    call.__name__ = name
    return call


def concatenate(arrays: Sequence[Any], axis: int | None = 0) -> Any:
    """``np.concatenate`` with NEP 50 promotion (a 0-d array's value does not matter)."""
    common = result_type(*arrays)
    return np.concatenate([np.asarray(a).astype(common) for a in arrays], axis=axis)


# ==== linalg ====================================================================================


def matrix_transpose(x: Any, /) -> Any:
    x = np.asarray(x)
    if x.ndim < 2:
        raise ValueError("Input array must be at least 2-dimensional")
    return np.swapaxes(x, -1, -2)


def vecdot(x1: Any, x2: Any, /, *, axis: int = -1) -> Any:
    """``sum(conj(x1) * x2)`` over each operand's own ``axis``, in the promoted dtype."""
    a = np.moveaxis(np.asarray(x1), axis, -1)
    b = np.moveaxis(np.asarray(x2), axis, -1)
    if a.shape[-1] != b.shape[-1]:
        raise ValueError(f"vecdot: contracted axes differ: {a.shape} and {b.shape}")
    if a.dtype.kind == "c":
        a = np.conj(a)
    product = a * b
    # In the operands' dtype (np.sum would widen small integers); for bool: any(a & b).
    return np.add.reduce(product, axis=-1, dtype=product.dtype)


def matrix_norm(x: Any, /, *, keepdims: bool = False, ord: Any = "fro") -> Any:  # noqa: A002
    return np.linalg.norm(np.asarray(x), axis=(-2, -1), keepdims=keepdims, ord=ord)


def vector_norm(
    x: Any,
    /,
    *,
    axis: int | tuple[int, ...] | None = None,
    keepdims: bool = False,
    ord: float = 2,  # noqa: A002
) -> Any:
    """NumPy 2's: several axes are flattened into one, so ``norm`` never takes a matrix norm."""
    x = np.asarray(x)
    shape = list(x.shape)
    if axis is None:
        flat, along = x.ravel(), 0
    elif isinstance(axis, tuple):
        axes = _normalize_axes(axis, x.ndim)
        rest = tuple(i for i in range(x.ndim) if i not in axes)
        flat = np.transpose(x, axes + rest).reshape(
            (math.prod(x.shape[i] for i in axes), *(x.shape[i] for i in rest))
        )
        along = 0
    else:
        flat, along = x, axis
    res = np.linalg.norm(flat, axis=along, ord=ord)
    if keepdims:
        for i in _normalize_axes(range(len(shape)) if axis is None else axis, len(shape)):
            shape[i] = 1
        res = np.reshape(res, tuple(shape))
    return res


def trace(x: Any, /, *, offset: int = 0, dtype: Any = None) -> Any:
    return np.trace(np.asarray(x), offset, axis1=-2, axis2=-1, dtype=dtype)


def diagonal(x: Any, /, *, offset: int = 0) -> Any:
    return np.diagonal(np.asarray(x), offset, axis1=-2, axis2=-1)


def outer(x1: Any, x2: Any, /) -> Any:
    x1, x2 = np.asarray(x1), np.asarray(x2)
    if x1.ndim != 1 or x2.ndim != 1:
        raise ValueError("Input arrays must be one-dimensional")
    return np.outer(x1, x2)


def cross(x1: Any, x2: Any, /, *, axis: int = -1) -> Any:
    x1, x2 = np.asarray(x1), np.asarray(x2)
    if x1.shape[axis] != 3 or x2.shape[axis] != 3:
        raise ValueError("Both input arrays must be (arrays of) 3-dimensional vectors")
    return np.cross(x1, x2, axis=axis)


def cholesky(a: Any, /, *, upper: bool = False) -> Any:
    """The upper factor is the conjugate transpose of the (unique) lower one."""
    low = np.linalg.cholesky(a)
    return np.conj(np.swapaxes(low, -1, -2)) if upper else low


def matrix_rank(a: Any, tol: Any = None, hermitian: bool = False, *, rtol: Any = None) -> Any:
    """NumPy 2's ``rtol``: relative to the largest singular value, one per matrix if an array."""
    if rtol is not None and tol is not None:
        raise ValueError("`tol` and `rtol` can't be both set.")
    a = np.asarray(a)
    if a.ndim < 2:
        return int(not np.all(a == 0))
    values = np.linalg.svd(a, compute_uv=False, hermitian=hermitian)
    if tol is None:
        if rtol is None:
            rtol = max(a.shape[-2:]) * np.finfo(values.dtype).eps
        else:
            rtol = np.asarray(rtol)[..., np.newaxis]
        tol = values.max(axis=-1, keepdims=True, initial=0) * rtol
    else:
        tol = np.asarray(tol)[..., np.newaxis]
    return np.count_nonzero(values > tol, axis=-1)


_UNSET: Final[Any] = object()


def pinv(a: Any, rcond: Any = None, hermitian: bool = False, *, rtol: Any = _UNSET) -> Any:
    """NumPy 2's ``rtol`` is NumPy 1's ``rcond``; ``rtol=None`` means ``max(M, N) * eps``."""
    a = np.asarray(a)
    if rcond is None:
        if rtol is _UNSET:
            rcond = 1e-15
        elif rtol is None:
            rcond = max(a.shape[-2:]) * np.finfo(a.dtype).eps
        else:
            rcond = rtol
    elif rtol is not _UNSET:
        raise ValueError("`rtol` and `rcond` can't be both set.")
    return np.linalg.pinv(a, rcond=rcond, hermitian=hermitian)


def solve(a: Any, b: Any, /) -> Any:
    """NumPy 2 reads ``b`` as a vector only when it is 1-D (NumPy 1: when ``a.ndim - 1``)."""
    a, b = np.asarray(a), np.asarray(b)
    if b.ndim == 1:
        return solve(a, b[:, np.newaxis])[..., 0]
    # Equal ranks: NumPy 1 then reads b as a stack of matrices too.
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    return np.linalg.solve(
        np.broadcast_to(a, batch + a.shape[-2:]), np.broadcast_to(b, batch + b.shape[-2:])
    )


# ==== fft =======================================================================================

_FFT_TRANSFORMS: Final = frozenset(
    {
        "fft",
        "ifft",
        "rfft",
        "irfft",
        "hfft",
        "ihfft",
        "fft2",
        "ifft2",
        "rfft2",
        "irfft2",
        "fftn",
        "ifftn",
        "rfftn",
        "irfftn",
    }
)
_FFT_REAL_RESULT: Final = frozenset({"irfft", "hfft", "irfft2", "irfftn"})
_SINGLE: Final = (np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.complex64))


def fft_result_dtype(name: str, dtype: Any, axes: int = 1) -> np.dtype[Any]:
    """NumPy 2's result dtype over ``axes`` axes: single precision stays single, the rest double.

    A real result over one axis (``irfft``, ``hfft``, ``irfftn`` over one axis) of float16
    stays float16; over several, the complex transforms before the last make it float32.
    """
    dtype = np.dtype(dtype)
    single = dtype in _SINGLE
    if name in _FFT_REAL_RESULT:
        if dtype == np.float16 and axes == 1:
            return np.dtype(np.float16)
        return np.dtype(np.float32 if single else np.float64)
    return np.dtype(np.complex64 if single else np.complex128)


def _fft(name: str) -> Callable[..., Any]:
    fn = getattr(np.fft, name)
    one_axis = name in ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft")

    def call(a: Any, *args: Any, **kwargs: Any) -> Any:
        a = np.asarray(a)
        s, axes = kwargs.get("s"), kwargs.get("axes")
        if axes is None:
            default = 2 if name.endswith("2") else a.ndim
            axes = range(a.ndim - (default if s is None else len(s)), a.ndim)
        if s is not None and -1 in s:
            # NumPy 2: -1 is the axis's own length (no padding or trimming).
            kwargs["s"] = tuple(
                a.shape[ax] if n == -1 else n for n, ax in zip(s, axes, strict=True)
            )
        # Double precision in (NumPy 1 computes in it anyway), NumPy 2's dtype out.
        wide = a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)
        out = fn(wide, *args, **kwargs)
        return out.astype(fft_result_dtype(name, a.dtype, 1 if one_axis else len(axes)))

    call.__name__ = name
    return call


# ==== the namespaces ============================================================================


class _Overlay:
    """A NumPy module with some functions replaced; every other name is the module's own."""

    def __init__(self, base: Any, replaced: dict[str, Any]) -> None:
        self._base = base
        self._replaced = replaced

    def __getattr__(self, name: str) -> Any:
        if name in self._replaced:
            return self._replaced[name]
        return getattr(self._base, name)

    def __repr__(self) -> str:
        return f"<{self._base.__name__} with NumPy 2's {sorted(self._replaced)}>"


class _NumPy2Semantics:
    """``numpy`` with NumPy 2's promotion, names and linalg/fft functions (see the module)."""

    def __init__(self) -> None:
        self.linalg = _Overlay(
            np.linalg,
            {
                f.__name__: f
                for f in (
                    matrix_transpose,
                    vecdot,
                    matrix_norm,
                    vector_norm,
                    trace,
                    diagonal,
                    outer,
                    cross,
                    cholesky,
                    matrix_rank,
                    pinv,
                    solve,
                )
            },
        )
        self.fft = _Overlay(np.fft, {name: _fft(name) for name in _FFT_TRANSFORMS})
        self.result_type = result_type
        self.concatenate = self.concat = concatenate

    def __getattr__(self, name: str) -> Any:
        return _elementwise(name)

    def __repr__(self) -> str:
        return "<numpy with NumPy 2's semantics, emulated>"


#: NumPy 1.26 primitives giving NumPy 2's answers (on any NumPy: the tests of this module).
EMULATED: Final[Any] = _NumPy2Semantics()

#: The oracle the tests use: ``numpy`` itself on NumPy 2, :data:`EMULATED` on NumPy 1.x.
np2: Final[Any] = np if NUMPY_MAJOR >= 2 else EMULATED
