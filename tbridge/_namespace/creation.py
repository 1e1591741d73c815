"""Creation functions with NumPy's signatures, defaults and semantics, returning torch tensors.

Memory and autograd: every function here returns a new tensor that shares memory with nothing.
With ``requires_grad=True`` it is a fresh autograd leaf; otherwise it is not tracked.
The ``*_like`` functions never put their result on the prototype's autograd graph.
"""

from __future__ import annotations

import math
from typing import Any, Final, Literal, TypeAlias, cast, overload

import numpy as np
import torch
from torch.compiler import is_dynamo_compiling

from tbridge._core.dtypes import (
    NUMPY_DEFAULTS,
    DTypeLike,
    default_complex_dtype,
    default_float_dtype,
    numpy_dtype_of,
    torch_dtype,
    torch_dtype_of_numpy,
)
from tbridge._core.normalize import (
    CPU,
    DeviceLike,
    ShapeLike,
    check_requires_grad,
    torch_device,
    torch_shape,
)
from tbridge._core.workarounds import UNSIGNED_GAPS

__all__ = [
    "arange",
    "empty",
    "empty_like",
    "eye",
    "full",
    "full_like",
    "identity",
    "linspace",
    "ones",
    "ones_like",
    "rand_like",
    "randn_like",
    "zeros",
    "zeros_like",
]

Scalar: TypeAlias = "bool | int | float | complex | np.generic"
RealScalar: TypeAlias = "int | float | np.integer[Any] | np.floating[Any]"
ArrayLike: TypeAlias = "torch.Tensor | np.ndarray[Any, Any]"

# Hot paths call these through module globals: one dictionary lookup instead of two.
_Tensor: Final = torch.Tensor
_from_numpy: Final = torch.from_numpy
_empty: Final = torch.empty
_zeros: Final = torch.zeros
_ones: Final = torch.ones
_full: Final = torch.full
_eye: Final = torch.eye
_empty_like: Final = torch.empty_like
_zeros_like: Final = torch.zeros_like
_ones_like: Final = torch.ones_like
_full_like: Final = torch.full_like
_rand_like: Final = torch.rand_like
_randn_like: Final = torch.randn_like
_I8: Final = np.dtype(np.int64)
_F8: Final = np.dtype(np.float64)
_F4: Final = np.dtype(np.float32)

#: Up to this many elements, ``full`` and ``eye`` with inferred dtypes are built by NumPy: a
#: few NumPy calls cost less than one torch call. The dtypes whose values NumPy and torch
#: write alike (float16 is left out: torch rounds a float64 fill through float32).
_SMALL: Final = 1024
_SMALL_EYE: Final = 256  # templates are cached: keep them small
_SMALL_DTYPES: Final[dict[torch.dtype, np.dtype[Any]]] = {
    torch.float64: _F8,
    torch.float32: _F4,
    torch.int64: _I8,
    torch.bool: np.dtype(np.bool_),
}

#: Up to this many elements, ``arange`` with floats and ``linspace`` compute on the CPU with
#: NumPy itself (bit-exact by construction, and a few NumPy calls cost less than torch's
#: per-op overhead); above it, torch's kernels (fewer passes over memory) do the work.
NUMPY_MAX: Final = 4096

#: Integers this small are exact in float64, and NumPy's float-based length formula for
#: ``arange`` agrees with exact integer arithmetic on them.
_EXACT_INT: Final = 2**52

# NumPy twins of the floating dtypes whose small-n arange/linspace NumPy computes, with the
# largest magnitude of a whole number each holds exactly (for the one-op torch.arange path).
_NUMPY_FLOATS: Final[dict[torch.dtype, np.dtype[Any]]] = {torch.float64: _F8, torch.float32: _F4}
_WHOLE_LIMIT: Final = {torch.float64: 2.0**53, torch.float32: 2.0**24}
# Bounds under these magnitudes keep NumPy's linspace free of overflow (and its warnings), and
# integer bounds exact as float64.
_LINSPACE_LIMIT: Final = {
    torch.float64: float(_EXACT_INT),
    torch.float32: 1e38,
    torch.float16: float(_EXACT_INT),  # beyond 65504 the values overflow to inf, as in NumPy
}
#: linspace's NumPy path also serves float16: NumPy rounds float64 to float16 once, where
#: torch's cast goes through float32 and can land one float16 ulp away.
_LINSPACE_NUMPY: Final = {**_NUMPY_FLOATS, torch.float16: np.dtype(np.float16)}
#: Up to this many samples, linspace's values are computed as Python floats.
_LIST_MAX: Final = 24


def _plain_size(dims: tuple[Any, ...]) -> tuple[int, ...] | None:
    """``dims`` as a size when it is non-negative ints, varargs or one tuple; else None."""
    size = dims[0] if len(dims) == 1 and type(dims[0]) is tuple else dims
    for d in size:
        if type(d) is not int or d < 0:
            return None
    return cast("tuple[int, ...]", size)


def _floating(dtype: DTypeLike | None) -> torch.dtype:
    return default_float_dtype() if dtype is None else torch_dtype(dtype)


def _filled(
    fn: Any,
    where: str,
    shape: ShapeLike | None,
    dims: tuple[ShapeLike, ...],
    *,
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
) -> torch.Tensor:
    """The general path of ``empty``/``zeros``/``ones``: ``dims`` already starts with ``shape``."""
    if shape is None:
        if dims:
            raise TypeError(f"{where}: shape=None is not a shape; pass sizes, e.g. {where}(5, 3)")
        raise TypeError(
            f"{where}() missing the shape; pass e.g. {where}(5, 3) or {where}((5, 3)); "
            f"{where}(()) makes a 0-d array"
        )
    size = torch_shape(dims, where)
    dt = default_float_dtype() if dtype is None else torch_dtype(dtype)
    if requires_grad:
        check_requires_grad(requires_grad, dt, where)
    result: torch.Tensor = fn(
        size=size, dtype=dt, device=torch_device(device), requires_grad=requires_grad
    )
    return result


def empty(
    shape: ShapeLike | None = None,
    *dims: ShapeLike,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """An uninitialized tensor: ``empty(5, 3)`` or ``empty((5, 3))``; float64 by default.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.empty(5, 3).shape, tb.empty((5, 3)).dtype
    (torch.Size([5, 3]), torch.float64)
    """
    if shape is not None:  # zeros(5, 3), zeros((5, 3)) and zeros(shape=(5, 3)) alike
        dims = (shape, *dims)
        if device is None and requires_grad is False:
            size = _plain_size(dims)
            if size is not None:
                dt = NUMPY_DEFAULTS.current[0] if dtype is None else torch_dtype(dtype)
                return _empty(size=size, dtype=dt, device=CPU)
    return _filled(
        torch.empty,
        "empty",
        shape,
        dims,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
    )


def zeros(
    shape: ShapeLike | None = None,
    *dims: ShapeLike,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """A tensor of zeros: ``zeros(5, 3)`` or ``zeros((5, 3))``; float64 by default.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.zeros(2, 3, dtype=tb.int64)
    tensor([[0, 0, 0],
            [0, 0, 0]])
    """
    if shape is not None:  # zeros(5, 3), zeros((5, 3)) and zeros(shape=(5, 3)) alike
        dims = (shape, *dims)
        if device is None and requires_grad is False:
            size = _plain_size(dims)
            if size is not None:
                dt = NUMPY_DEFAULTS.current[0] if dtype is None else torch_dtype(dtype)
                return _zeros(size=size, dtype=dt, device=CPU)
    return _filled(
        torch.zeros,
        "zeros",
        shape,
        dims,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
    )


def ones(
    shape: ShapeLike | None = None,
    *dims: ShapeLike,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """A tensor of ones: ``ones(5, 3)`` or ``ones((5, 3))``; float64 by default.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.ones(2, dtype="f4")
    tensor([1., 1.])
    """
    if shape is not None:  # zeros(5, 3), zeros((5, 3)) and zeros(shape=(5, 3)) alike
        dims = (shape, *dims)
        if device is None and requires_grad is False:
            size = _plain_size(dims)
            if size is not None:
                dt = NUMPY_DEFAULTS.current[0] if dtype is None else torch_dtype(dtype)
                return _ones(size=size, dtype=dt, device=CPU)
    return _filled(
        torch.ones,
        "ones",
        shape,
        dims,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
    )


def _scalar_dtype(value: object, where: str) -> torch.dtype:
    """The dtype NumPy infers for one scalar, with tbridge's floating defaults."""
    kind = type(value)
    if kind is bool:
        return torch.bool
    if kind is int:
        return torch.int64
    if kind is float:
        return default_float_dtype()
    if kind is complex:
        return default_complex_dtype()
    if isinstance(value, np.generic):
        found = torch_dtype_of_numpy(value.dtype)
        if found is not None:
            return found
    if isinstance(value, torch.Tensor) and value.ndim == 0:
        return value.dtype
    raise TypeError(
        f"{where}: fill value {value!r} is not a scalar; pass a bool, int, float, complex, "
        "NumPy scalar or 0-d tensor"
    )


def full(
    shape: ShapeLike,
    fill_value: Scalar | torch.Tensor,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """A tensor filled with ``fill_value``; the dtype is inferred from it as NumPy does.

    ``full(3, 1.0)`` is float64, ``full(3, 1)`` int64, ``full(3, True)`` bool.
    A 0-d tensor fill value keeps its autograd graph and, with ``device=None``, its device.

    Memory and autograd: new memory. A plain scalar gives an untracked tensor (a fresh leaf with
    ``requires_grad=True``); a tensor fill value stays on its autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.full((2, 2), 7)
    tensor([[7, 7],
            [7, 7]])
    """
    if device is None and requires_grad is False:
        kind = type(fill_value)
        size: Any = (shape,) if type(shape) is int else shape
        if type(size) is tuple and (kind is float or kind is int or kind is bool):
            count = 1
            for d in size:
                if type(d) is not int or d < 0:
                    break
                count *= d
            else:
                value = cast(float, fill_value)  # a Python bool, int or float
                if dtype is not None:
                    dt = torch_dtype(dtype)
                elif kind is float:
                    dt = NUMPY_DEFAULTS.current[0]
                else:
                    dt = torch.int64 if kind is int else torch.bool
                if dtype is None and count <= _SMALL and dt in _SMALL_DTYPES:
                    return _small_full(size, value, dt)
                try:
                    return _full(size, value, dtype=dt, device=CPU)
                except (RuntimeError, OverflowError) as e:
                    raise ValueError(
                        f"full: fill value {fill_value!r} does not fit dtype {dt}: {e}"
                    ) from e
    size = torch_shape((shape,), "full")
    dt = _scalar_dtype(fill_value, "full") if dtype is None else torch_dtype(dtype)
    check_requires_grad(requires_grad, dt, "full")
    if isinstance(fill_value, torch.Tensor):
        dev = fill_value.device if device is None else torch_device(device)
        out = fill_value.to(device=dev, dtype=dt).expand(size).clone()
        return out.requires_grad_(True) if requires_grad and not out.requires_grad else out
    fill: bool | int | float | complex = (
        fill_value.item() if isinstance(fill_value, np.generic) else fill_value
    )
    try:
        return torch.full(
            size, fill, dtype=dt, device=torch_device(device), requires_grad=requires_grad
        )
    except (RuntimeError, OverflowError) as e:
        raise ValueError(f"full: fill value {fill!r} does not fit dtype {dt}: {e}") from e


def _small_full(size: tuple[int, ...], value: float, dt: torch.dtype) -> torch.Tensor:
    """``full`` for a few elements: NumPy fills them for less than one torch call costs."""
    if is_dynamo_compiling():  # torch.compile traces no NumPy
        return _full(size, value, dtype=dt, device=CPU)
    out: np.ndarray[Any, Any] = np.empty(size, dtype=_SMALL_DTYPES[dt])
    try:
        out.fill(value)
    except OverflowError:  # an int beyond int64: torch's path raises the explained error
        return full(size, value, dtype=dt)
    return _from_numpy(out)


#: Read-only NumPy templates of small identity matrices, by (n, m, dtype); bounded.
_EYES: dict[tuple[int, int, torch.dtype], np.ndarray[Any, Any]] = {}
_EYES_MAX: Final = 64


def _small_eye(n: int, m: int, dt: torch.dtype) -> torch.Tensor:
    """``eye(n, m)`` for a few elements: a fresh copy of a cached NumPy template, which costs
    less than one torch call (see :func:`_small_full`)."""
    if is_dynamo_compiling():  # torch.compile traces no NumPy (nor this cache)
        return _eye(n, m, dtype=dt, device=CPU)
    key = (n, m, dt)
    template = _EYES.get(key)
    if template is None:
        template = np.eye(n, m, dtype=_SMALL_DTYPES[dt])
        template.setflags(write=False)
        if len(_EYES) < _EYES_MAX:
            _EYES[key] = template
    return _from_numpy(template.copy())


def eye(
    N: int,
    M: int | None = None,
    /,
    k: int = 0,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """An ``N x M`` tensor with ones on the ``k``-th diagonal (NumPy's ``eye``).

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.eye(2, 3, k=1, dtype=int)
    tensor([[0, 1, 0],
            [0, 0, 1]])
    """
    if (
        k == 0
        and dtype is None
        and device is None
        and requires_grad is False
        and type(N) is int
        and N >= 0
    ):
        if M is None:
            M = N
        if type(M) is int and M >= 0:
            dt = NUMPY_DEFAULTS.current[0]
            if N * M <= _SMALL_EYE and dt in _SMALL_DTYPES:
                return _small_eye(N, M, dt)
            return _eye(N, M, dtype=dt, device=CPU)
    if M is None:
        M = N
    if type(N) is not int or type(M) is not int or N < 0 or M < 0:
        N, M = torch_shape((N, M), "eye")
    dt = _floating(dtype)
    dev = torch_device(device)
    if type(k) is not int:
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
            raise TypeError(f"eye: k={k!r} is not an integer; pass the diagonal's offset as an int")
        k = int(k)
    if k == 0 and dt not in UNSIGNED_GAPS:  # no eye kernel for uint16/32/64 (pytorch#58734)
        if requires_grad:
            check_requires_grad(requires_grad, dt, "eye")
        return torch.eye(N, M, dtype=dt, device=dev, requires_grad=requires_grad)
    check_requires_grad(requires_grad, dt, "eye")
    out = torch.zeros(N, M, dtype=dt, device=dev)
    if -N < k < M:  # otherwise the diagonal lies outside the matrix (and overflows torch)
        out.diagonal(k).fill_(1)
    return out.requires_grad_(True) if requires_grad else out


def identity(
    n: int,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """The ``n x n`` identity (NumPy's ``identity``); float64 by default.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.
    """
    if dtype is None and device is None and requires_grad is False and type(n) is int and n >= 0:
        dt = NUMPY_DEFAULTS.current[0]
        if n * n <= _SMALL_EYE and dt in _SMALL_DTYPES:
            return _small_eye(n, n, dt)
        return _eye(n, dtype=dt, device=CPU)
    return eye(n, n, dtype=dtype, device=device, requires_grad=requires_grad)


def _real_number(value: object, name: str, where: str) -> int | float:
    if type(value) is int or type(value) is float:
        return value
    if isinstance(value, (np.integer, np.floating)) or (
        isinstance(value, torch.Tensor) and value.ndim == 0 and not value.is_complex()
    ):
        item = value.item()
        assert isinstance(item, (int, float))
        return item
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{where}: {name}={value!r} is not a real number; pass an int or a float")
    return float(value) if isinstance(value, float) else int(value)


def _arange_dtype(values: tuple[object, ...]) -> torch.dtype:
    """NumPy's dtype for these bounds: a NumPy scalar decides, then any float, else int64."""
    floating = False
    for v in values:
        kind = type(v)
        if kind is float:
            floating = True
        elif kind is not int:
            if isinstance(v, np.generic):
                return torch_dtype(np.result_type(*cast("tuple[Any, ...]", values)))
            if isinstance(v, float):
                floating = True
    return NUMPY_DEFAULTS.current[0] if floating else torch.int64


_OPMATH: dict[torch.dtype, torch.dtype] = {
    torch.float16: torch.float32,
    torch.bfloat16: torch.float32,
}


def arange(
    start: RealScalar,
    stop: RealScalar | None = None,
    step: RealScalar | None = None,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Evenly spaced values in ``[start, stop)``, with NumPy's length, values and dtype.

    ``arange(1, 0)`` is empty (torch raises); ``arange(0, 5, 1.5, dtype=int)`` has NumPy's 4
    elements; the values follow NumPy's rule ``start + i * delta`` with
    ``delta = (start + step) - start`` computed in the result dtype.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.arange(5)
    tensor([0, 1, 2, 3, 4])
    >>> tb.arange(1, 0).shape
    torch.Size([0])
    """
    if dtype is None and device is None and requires_grad is False:
        kind = type(start)
        if stop is None:
            if kind is int and step is None and -_EXACT_INT < start < _EXACT_INT:
                if is_dynamo_compiling():  # torch.compile traces no NumPy: the same values
                    return torch.arange(cast(int, start))
                return _from_numpy(np.arange(start, dtype=_I8))
        elif kind is float or type(stop) is float or type(step) is float:
            # Python numbers with a float among them: the float default, no validation to do.
            lo, hi = cast(float, start), cast(float, stop)
            by = 1 if step is None else cast(float, step)
            if (
                (kind is float or kind is int)
                and (type(hi) is float or type(hi) is int)
                and (type(by) is float or type(by) is int)
                and by != 0
            ):
                dt = NUMPY_DEFAULTS.current[0]
                exact = _NUMPY_FLOATS.get(dt)
                if exact is not None:
                    n = _arange_length(lo, hi, by)
                    fast = _arange_exact(lo, hi, by, n, dt, exact, CPU)
                    if fast is not None:
                        return fast
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    dt = _arange_dtype((start, stop, step)) if dtype is None else torch_dtype(dtype)
    if requires_grad:
        check_requires_grad(requires_grad, dt, "arange")
    if dt in UNSIGNED_GAPS:
        # No arange kernel for uint16/32/64 (pytorch#58734): the values are made in int64.
        return arange(start, stop, step, dtype=torch.int64, device=device).to(dt)
    if dt.is_complex:
        # torch has no complex arange kernel; with real bounds NumPy's complex values are the
        # real twin's values plus 0j.
        real = arange(start, stop, step, dtype=dt.to_real(), device=device)
        cast_real = real.to(dt)
        return cast_real.requires_grad_(True) if requires_grad else cast_real
    dev = torch_device(device)
    a = _real_number(start, "start", "arange")
    b = _real_number(stop, "stop", "arange")
    s = _real_number(step, "step", "arange")
    if s == 0:
        raise ValueError("arange: step=0 would never reach stop; pass a non-zero step")
    if type(a) is int and type(b) is int and type(s) is int:
        n = -((a - b) // s)
        if n <= 0:
            return torch.empty(0, dtype=dt, device=dev, requires_grad=requires_grad)
        if (
            dt is torch.int64
            and dev.type == "cpu"
            and max(abs(a), abs(b), abs(s)) < _EXACT_INT
            and not is_dynamo_compiling()
        ):
            return _from_numpy(np.arange(a, b, s, dtype=_I8))
        return torch.arange(a, b, s, dtype=dt, device=dev, requires_grad=requires_grad)
    n = _arange_length(a, b, s)
    exact = _NUMPY_FLOATS.get(dt)
    if exact is not None:
        out = _arange_exact(a, b, s, n, dt, exact, dev)
        if out is not None:
            return out.requires_grad_(True) if requires_grad else out
    work = _OPMATH.get(dt, dt)
    if is_dynamo_compiling():
        # The same rule without NumPy scalars (torch.compile traces no NumPy): elements 0 and 1
        # are start and start + step in the dtype, the others first + i * delta.
        ends = torch.tensor([a, a + s], dtype=dt, device=dev).to(work)
        out = torch.arange(n, dtype=work, device=dev) * (ends[1] - ends[0]) + ends[0]
        out[:2] = ends[:n]
        out = out.to(dt)
        return out.requires_grad_(True) if requires_grad else out
    if dt.is_floating_point or dt.is_complex:
        # NumPy stores start and start + step in the result dtype, then fills
        # first + i * delta, computed in the dtype's arithmetic type.
        target, wide = numpy_dtype_of(dt), numpy_dtype_of(work)
        assert target is not None
        assert wide is not None
        with np.errstate(over="ignore", invalid="ignore"):  # NumPy's arange does not warn
            first = wide.type(target.type(a))
            second = wide.type(target.type(a + s))
            delta = (second - first).item()
        begin: int | float = first.item()
        # NumPy stores element 1 as start + step directly, not as first + delta.
        fix_second = n > 1 and wide.type(first + wide.type(delta)) != second
    else:
        begin, delta = int(a), int(a + s) - int(a)
        fix_second = False
    out = torch.arange(n, dtype=work, device=dev).mul_(delta).add_(begin)
    if n > 0 and (not math.isfinite(delta) or (begin == 0 and math.copysign(1.0, begin) < 0)):
        # NumPy stores start itself: 0 * delta is NaN when start or start + step overflowed
        # the dtype, and -0.0 + 0.0 would be +0.0.
        out.select(0, 0).fill_(begin)
    if fix_second:
        out.select(0, 1).fill_(second.item())
    out = out.to(dt)
    return out.requires_grad_(True) if requires_grad else out


def _arange_length(a: float, b: float, s: float) -> int:
    """NumPy's arange length: ``ceil((b - a) / s)``, but 1 when a non-zero span divided by the
    step underflows to +0.0 (``arange(0.0, 5e-324, 3.0)`` holds 0.0), as NumPy's ctors.c does."""
    q = (b - a) / s
    if q == 0.0 and b != a:
        return 0 if math.copysign(1.0, q) < 0 else 1
    if not math.isfinite(q):
        raise ValueError(
            f"arange: start={a!r}, stop={b!r}, step={s!r} give no finite number of elements; "
            "pass finite bounds and step"
        )
    return max(0, math.ceil(q))


def _arange_exact(
    a: float, b: float, s: float, n: int, dt: torch.dtype, exact: np.dtype[Any], dev: torch.device
) -> torch.Tensor | None:
    """NumPy's float32/float64 arange in one call where that is exact, else None."""
    if (
        n <= NUMPY_MAX
        and dev.type == "cpu"
        and (dt is torch.float64 or max(abs(a), abs(b), abs(a + s)) < 1e38)
        and not is_dynamo_compiling()
    ):
        # NumPy's own arange: its values by construction.
        return _from_numpy(np.arange(a, b, s, dtype=exact))
    if (
        n > 0
        and float(a).is_integer()
        and float(s).is_integer()
        and not (a == 0 and math.copysign(1.0, a) < 0)  # torch would write +0.0
        and abs(a) + n * abs(s) <= _WHOLE_LIMIT[dt]
    ):
        # Whole numbers that the dtype holds exactly: every formula gives the same values, so
        # torch's single kernel is NumPy's result (its length is checked).
        out = torch.arange(a, b, s, dtype=dt, device=dev)
        if out.shape[0] == n:
            return out
    return None


@overload
def linspace(
    start: Scalar,
    stop: Scalar,
    /,
    num: int = ...,
    endpoint: bool = ...,
    retstep: Literal[False] = ...,
    dtype: DTypeLike | None = ...,
    *,
    device: DeviceLike | None = ...,
    requires_grad: bool = ...,
) -> torch.Tensor: ...
@overload
def linspace(
    start: Scalar,
    stop: Scalar,
    /,
    num: int = ...,
    endpoint: bool = ...,
    *,
    retstep: Literal[True],
    dtype: DTypeLike | None = ...,
    device: DeviceLike | None = ...,
    requires_grad: bool = ...,
) -> tuple[torch.Tensor, float]: ...
def linspace(
    start: Scalar,
    stop: Scalar,
    /,
    num: int = 50,
    endpoint: bool = True,
    retstep: bool = False,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor | tuple[torch.Tensor, float]:
    """``num`` evenly spaced values from ``start`` to ``stop`` (NumPy's ``linspace``).

    ``num`` defaults to 50; ``endpoint=False`` leaves ``stop`` out. Integer dtypes round down
    (floor) as NumPy 2 does, so ``linspace(-5, 5, 4, dtype=int)`` is ``[-5, -2, 1, 5]``.
    The values are NumPy's to the bit (computed in float64 as NumPy does, then cast).

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.linspace(0, 1, 5)
    tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000], dtype=torch.float64)
    """
    if (
        dtype is None
        and device is None
        and requires_grad is False
        and type(num) is int
        and 1 < num <= _LIST_MAX
        and (type(start) is float or type(start) is int)
        and (type(stop) is float or type(stop) is int)
        and -_EXACT_INT < start < _EXACT_INT
        and -_EXACT_INT < stop < _EXACT_INT
    ):
        # The common call, NumPy's algorithm in Python floats (see _linspace_numpy).
        exact = _NUMPY_FLOATS.get(NUMPY_DEFAULTS.current[0])
        div = (num - 1) if endpoint else num
        step = (stop - start) / div
        if exact is not None and step != 0:
            if is_dynamo_compiling():  # torch.compile traces no NumPy: the same values
                values = [i * step + start for i in range(num)]
                if endpoint:
                    values[-1] = stop
                out = torch.tensor(values, dtype=NUMPY_DEFAULTS.current[0])
                return (out, step) if retstep else out
            if start == 0 and exact is _F8 and math.copysign(1.0, start) > 0:
                # NumPy's arange from +0.0 writes 0.0 + i * step: linspace's i * step + 0.0.
                # The stop is ~num - 0.5 steps away, so the length is num whatever the rounding.
                y = np.arange(0.0, (num - 0.5) * step, step)
                if endpoint:
                    y[-1] = stop
            else:
                values = [i * step + start for i in range(num)]
                if endpoint:
                    values[-1] = stop
                y = np.array(values, dtype=exact)
            out = _from_numpy(y)
            return (out, step) if retstep else out
    if type(num) is not int:
        if isinstance(num, bool) or not isinstance(num, (int, np.integer)):
            raise TypeError(f"linspace: num={num!r} is not an integer; pass the number of samples")
        num = int(num)
    if num < 0:
        raise ValueError(f"linspace: num={num} must be non-negative")
    kind_a, kind_b = type(start), type(stop)
    if (kind_a is float or kind_a is int) and (kind_b is float or kind_b is int):
        is_complex = False
        a: Any = start
        b: Any = stop
    else:
        is_complex = isinstance(start, (complex, np.complexfloating)) or isinstance(
            stop, (complex, np.complexfloating)
        )
        a = start.item() if isinstance(start, (np.generic, torch.Tensor)) else start
        b = stop.item() if isinstance(stop, (np.generic, torch.Tensor)) else stop
    if dtype is None:
        pair = NUMPY_DEFAULTS.current
        dt = pair[1] if is_complex else pair[0]
    else:
        dt = torch_dtype(dtype)
    if requires_grad:
        check_requires_grad(requires_grad, dt, "linspace")
    dev = torch_device(device)
    div = (num - 1) if endpoint else num
    step = (b - a) / div if div > 0 else math.nan
    if is_complex and not dt.is_complex:
        raise TypeError(f"linspace: complex bounds cannot give dtype {dt}; pass a complex dtype")
    exact = _LINSPACE_NUMPY.get(dt)
    if (
        exact is not None
        and num <= NUMPY_MAX
        and dev.type == "cpu"
        and (type(a) is float or type(a) is int)  # NumPy scalars have become Python numbers
        and (type(b) is float or type(b) is int)
        and abs(a) < _LINSPACE_LIMIT[dt]
        and abs(b) < _LINSPACE_LIMIT[dt]
        and not is_dynamo_compiling()
    ):
        out = _from_numpy(_linspace_numpy(a, b, num, endpoint, div, step, exact))
    else:
        out = _linspace_torch(a, b, num, endpoint, div, step, dt, dev, is_complex)
    if requires_grad:
        out.requires_grad_(True)
    return (out, step) if retstep else out


def _linspace_numpy(
    a: float, b: float, num: int, endpoint: bool, div: int, step: float, exact: np.dtype[Any]
) -> np.ndarray[Any, Any]:
    """NumPy's linspace algorithm for float bounds, on the CPU with NumPy (or plain floats)."""
    if div > 0 and step != 0 and num <= _LIST_MAX:
        # Python floats round each product and sum exactly as float64 NumPy does.
        values = [i * step + a for i in range(num)]
        if endpoint and num > 1:
            values[-1] = b
        with np.errstate(over="ignore"):  # float16: NumPy's linspace overflows to inf silently
            return np.array(values, dtype=exact)
    y = np.arange(num, dtype=_F8)
    if div > 0:
        if step == 0:  # a denormal step: NumPy divides first (gh-5437)
            y /= div
            y *= b - a
        else:
            y *= step
    else:
        y *= b - a
    y += a
    if endpoint and num > 1:
        y[-1] = b
    with np.errstate(over="ignore"):
        return y if exact is _F8 else y.astype(exact)


def _linspace_torch(
    a: Any,
    b: Any,
    num: int,
    endpoint: bool,
    div: int,
    step: Any,
    dt: torch.dtype,
    dev: torch.device,
    is_complex: bool,
) -> torch.Tensor:
    """NumPy's algorithm with torch kernels, in float64 (complex128 for complex), then cast:
    ``y = arange(num) * step + start``, and ``y[-1] = stop`` when the endpoint is included."""
    work = torch.complex128 if is_complex or dt.is_complex else torch.float64
    y = torch.arange(num, dtype=torch.float64, device=dev)
    if work.is_complex:
        y = y.to(work)
    if div <= 0:
        y = y.mul_(b - a)  # NumPy multiplies by the span even here (0 * -1 is -0.0)
    elif step == 0:  # a denormal step: NumPy divides first (gh-5437)
        y = y.div_(div).mul_(b - a)
    else:
        y = y.mul_(step)
    y = y.add_(a)
    if endpoint and num > 1:
        y.select(0, -1).fill_(b)
    if not (dt.is_floating_point or dt.is_complex):
        y = y.floor_()  # NumPy 2 rounds down for integer dtypes
    return y if dt == work else y.to(dt)


def _like(
    fn: Any,
    where: str,
    prototype: ArrayLike,
    *,
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
    shape: ShapeLike | None,
    floating_only: bool = False,
    **extra: Any,
) -> torch.Tensor:
    if isinstance(prototype, torch.Tensor):
        dt = prototype.dtype if dtype is None else torch_dtype(dtype)
        dev = prototype.device if device is None else torch_device(device)
        size: tuple[int, ...] | torch.Size = prototype.shape
    elif isinstance(prototype, np.ndarray):
        if dtype is None:
            native = prototype.dtype
            if not native.isnative:
                native = native.newbyteorder("=")
            found = torch_dtype_of_numpy(native)
            if found is None:
                torch_dtype(prototype.dtype)  # raises the explanatory TypeError
                raise AssertionError("unreachable")  # pragma: no cover
            dt = found
        else:
            dt = torch_dtype(dtype)
        dev = torch_device(device)
        size = prototype.shape
    else:
        raise TypeError(
            f"{where}: prototype of type {type(prototype).__name__} is not an array; pass a "
            f"torch.Tensor or a NumPy array (or call {where.removesuffix('_like')}(shape) instead)"
        )
    if floating_only and not (dt.is_floating_point or dt.is_complex):
        raise ValueError(
            f"{where}: random values need a floating dtype, got {dt}; pass e.g. dtype=tb.float64"
        )
    check_requires_grad(requires_grad, dt, where)
    if shape is not None:
        size = torch_shape((shape,), where)
    if isinstance(prototype, torch.Tensor) and shape is None:
        result: torch.Tensor = fn(
            prototype, *extra.values(), dtype=dt, device=dev, requires_grad=requires_grad
        )
        return result
    base = getattr(torch, where.removesuffix("_like"))
    return cast(
        torch.Tensor,
        base(size, *extra.values(), dtype=dt, device=dev, requires_grad=requires_grad),
    )


def empty_like(
    prototype: ArrayLike,
    /,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
    shape: ShapeLike | None = None,
) -> torch.Tensor:
    """An uninitialized tensor with the shape and dtype of a tensor or NumPy array.

    A tensor prototype also gives its device (and layout); a NumPy one gives the CPU.

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.
    """
    if (
        dtype is None
        and device is None
        and shape is None
        and requires_grad is False
        and type(prototype) is _Tensor
    ):
        return _empty_like(prototype)
    return _like(
        torch.empty_like,
        "empty_like",
        prototype,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
        shape=shape,
    )


def zeros_like(
    prototype: ArrayLike,
    /,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
    shape: ShapeLike | None = None,
) -> torch.Tensor:
    """Zeros with the shape and dtype of a tensor or NumPy array (see :func:`empty_like`).

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.
    """
    if (
        dtype is None
        and device is None
        and shape is None
        and requires_grad is False
        and type(prototype) is _Tensor
    ):
        return _zeros_like(prototype)
    return _like(
        torch.zeros_like,
        "zeros_like",
        prototype,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
        shape=shape,
    )


def ones_like(
    prototype: ArrayLike,
    /,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
    shape: ShapeLike | None = None,
) -> torch.Tensor:
    """Ones with the shape and dtype of a tensor or NumPy array (see :func:`empty_like`).

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.
    """
    if (
        dtype is None
        and device is None
        and shape is None
        and requires_grad is False
        and type(prototype) is _Tensor
    ):
        return _ones_like(prototype)
    return _like(
        torch.ones_like,
        "ones_like",
        prototype,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
        shape=shape,
    )


def full_like(
    prototype: ArrayLike,
    /,
    fill_value: bool | int | float | complex,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
    shape: ShapeLike | None = None,
) -> torch.Tensor:
    """``fill_value`` everywhere, with the shape and dtype of a tensor or NumPy array.

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.
    """
    if isinstance(fill_value, np.generic):
        fill_value = fill_value.item()
    if (
        dtype is None
        and device is None
        and shape is None
        and requires_grad is False
        and type(prototype) is _Tensor
    ):
        return _full_like(prototype, fill_value)
    return _like(
        torch.full_like,
        "full_like",
        prototype,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
        shape=shape,
        fill_value=fill_value,
    )


def rand_like(
    prototype: ArrayLike,
    /,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
    shape: ShapeLike | None = None,
) -> torch.Tensor:
    """Uniform samples in ``[0, 1)`` shaped like a tensor or NumPy array (floating dtypes only).

    Uses torch's global generator (seed it with ``torch.manual_seed``).

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.
    """
    if (
        dtype is None
        and device is None
        and shape is None
        and requires_grad is False
        and type(prototype) is _Tensor
    ):
        try:
            return _rand_like(prototype)
        except RuntimeError:  # not a floating dtype: the general path explains
            pass
    return _like(
        torch.rand_like,
        "rand_like",
        prototype,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
        shape=shape,
        floating_only=True,
    )


def randn_like(
    prototype: ArrayLike,
    /,
    dtype: DTypeLike | None = None,
    *,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
    shape: ShapeLike | None = None,
) -> torch.Tensor:
    """Standard normal samples shaped like a tensor or NumPy array (floating dtypes only).

    Uses torch's global generator (seed it with ``torch.manual_seed``).

    Memory and autograd: new memory, never the prototype's; never on the prototype's graph.
    """
    if (
        dtype is None
        and device is None
        and shape is None
        and requires_grad is False
        and type(prototype) is _Tensor
    ):
        try:
            return _randn_like(prototype)
        except RuntimeError:  # not a floating dtype: the general path explains
            pass
    return _like(
        torch.randn_like,
        "randn_like",
        prototype,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
        shape=shape,
        floating_only=True,
    )
