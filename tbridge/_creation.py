"""Creation functions with NumPy's signatures, defaults and semantics, returning torch tensors.

Memory and autograd: every function here returns a new tensor that shares memory with nothing.
With ``requires_grad=True`` it is a fresh autograd leaf; otherwise it is not tracked.
The ``*_like`` functions never put their result on the prototype's autograd graph.
"""

from __future__ import annotations

import math
from typing import Any, Literal, TypeAlias, overload

import numpy as np
import torch

from tbridge._dtypes import (
    DTypeLike,
    default_complex_dtype,
    default_float_dtype,
    numpy_dtype_of,
    torch_dtype,
    torch_dtype_of_numpy,
)
from tbridge._normalize import (
    DeviceLike,
    ShapeLike,
    check_requires_grad,
    torch_device,
    torch_shape,
)

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


def _floating(dtype: DTypeLike | None) -> torch.dtype:
    return default_float_dtype() if dtype is None else torch_dtype(dtype)


def _shape_of(dims: tuple[ShapeLike, ...], shape: ShapeLike | None, where: str) -> tuple[int, ...]:
    if shape is not None:
        if dims:
            raise TypeError(
                f"{where}: shape given both positionally {dims!r} and as shape={shape!r}; "
                "pass it once"
            )
        return torch_shape((shape,), where)
    if not dims:
        raise TypeError(
            f"{where}() missing the shape; pass e.g. {where}(5, 3) or {where}((5, 3)); "
            f"{where}(()) makes a 0-d array"
        )
    return torch_shape(dims, where)


def _filled(
    fn: Any,
    where: str,
    dims: tuple[ShapeLike, ...],
    shape: ShapeLike | None,
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
) -> torch.Tensor:
    size = _shape_of(dims, shape, where)
    dt = default_float_dtype() if dtype is None else torch_dtype(dtype)
    if requires_grad:
        check_requires_grad(requires_grad, dt, where)
    result: torch.Tensor = fn(
        size=size, dtype=dt, device=torch_device(device), requires_grad=requires_grad
    )
    return result


def empty(
    *dims: ShapeLike,
    shape: ShapeLike | None = None,
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
    return _filled(torch.empty, "empty", dims, shape, dtype, device, requires_grad)


def zeros(
    *dims: ShapeLike,
    shape: ShapeLike | None = None,
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
    return _filled(torch.zeros, "zeros", dims, shape, dtype, device, requires_grad)


def ones(
    *dims: ShapeLike,
    shape: ShapeLike | None = None,
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
    return _filled(torch.ones, "ones", dims, shape, dtype, device, requires_grad)


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
    size = torch_shape((shape,), "full")
    dt = _scalar_dtype(fill_value, "full") if dtype is None else torch_dtype(dtype)
    check_requires_grad(requires_grad, dt, "full")
    if isinstance(fill_value, torch.Tensor):
        dev = fill_value.device if device is None else torch_device(device)
        out = fill_value.to(device=dev, dtype=dt).expand(size).clone()
        return out.requires_grad_(True) if requires_grad and not out.requires_grad else out
    if isinstance(fill_value, np.generic):
        fill_value = fill_value.item()
    try:
        return torch.full(
            size, fill_value, dtype=dt, device=torch_device(device), requires_grad=requires_grad
        )
    except (RuntimeError, OverflowError) as e:
        raise ValueError(f"full: fill value {fill_value!r} does not fit dtype {dt}: {e}") from e


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
    if M is None:
        M = N
    if type(N) is not int or type(M) is not int or N < 0 or M < 0:
        N, M = torch_shape((N, M), "eye")
    dt = _floating(dtype)
    dev = torch_device(device)
    if k == 0:
        if requires_grad:
            check_requires_grad(requires_grad, dt, "eye")
        return torch.eye(N, M, dtype=dt, device=dev, requires_grad=requires_grad)
    if type(k) is not int:
        raise TypeError(f"eye: k={k!r} is not an integer; pass the diagonal's offset as an int")
    check_requires_grad(requires_grad, dt, "eye")
    out = torch.zeros(N, M, dtype=dt, device=dev)
    out.diagonal(k).fill_(1)
    return out.requires_grad_(requires_grad)


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
    if any(isinstance(v, np.generic) for v in values):
        return torch_dtype(np.result_type(*values))
    if any(isinstance(v, float) for v in values):
        return default_float_dtype()
    return torch.int64


_OPMATH: dict[torch.dtype, torch.dtype] = {torch.float16: torch.float32, torch.bfloat16: torch.float32}


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
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    if dtype is None:
        dt = _arange_dtype((start, stop, step))
    else:
        dt = torch_dtype(dtype)
    if requires_grad:
        check_requires_grad(requires_grad, dt, "arange")
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
        return torch.arange(a, b, s, dtype=dt, device=dev, requires_grad=requires_grad)
    n = max(0, math.ceil((b - a) / s))
    work = _OPMATH.get(dt, dt)
    if dt.is_floating_point or dt.is_complex:
        # NumPy stores start and start + step in the result dtype, then fills
        # first + i * delta, computed in the dtype's arithmetic type.
        target, wide = numpy_dtype_of(dt), numpy_dtype_of(work)
        assert target is not None and wide is not None
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
    if fix_second:
        out.select(0, 1).fill_(second.item())
    return out.to(dt).requires_grad_(requires_grad)


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
    if isinstance(num, bool) or not isinstance(num, (int, np.integer)):
        raise TypeError(f"linspace: num={num!r} is not an integer; pass the number of samples")
    if num < 0:
        raise ValueError(f"linspace: num={num} must be non-negative")
    num = int(num)
    is_complex = isinstance(start, complex) or isinstance(stop, complex) or (
        isinstance(start, np.complexfloating) or isinstance(stop, np.complexfloating)
    )
    if dtype is None:
        dt = default_complex_dtype() if is_complex else default_float_dtype()
    else:
        dt = torch_dtype(dtype)
    check_requires_grad(requires_grad, dt, "linspace")
    dev = torch_device(device)
    a = start.item() if isinstance(start, (np.generic, torch.Tensor)) else start
    b = stop.item() if isinstance(stop, (np.generic, torch.Tensor)) else stop
    div = (num - 1) if endpoint else num
    step = (b - a) / div if div > 0 else math.nan
    if is_complex and not dt.is_complex:
        raise TypeError(f"linspace: complex bounds cannot give dtype {dt}; pass a complex dtype")
    # NumPy's algorithm, in float64 (complex128 for complex bounds), then cast:
    # y = arange(num) * step + start, with y[-1] = stop when the endpoint is included.
    work = torch.complex128 if is_complex or dt.is_complex else torch.float64
    y = torch.arange(num, dtype=torch.float64, device=dev)
    if work.is_complex:
        y = y.to(work)
    if div > 0:
        if step == 0:
            y = y.div_(div).mul_(b - a)
        else:
            y = y.mul_(step)
    y = y.add_(a)
    if endpoint and num > 1 and a + (num - 1) * step != b:
        y.select(0, -1).fill_(b)
    if not (dt.is_floating_point or dt.is_complex):
        y = y.floor_()  # NumPy 2 rounds down for integer dtypes
    out = y if dt == work else y.to(dt)
    if requires_grad:
        out.requires_grad_(True)
    return (out, step) if retstep else out


def _like(
    fn: Any,
    where: str,
    prototype: ArrayLike,
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
            native = prototype.dtype.newbyteorder("=") if not prototype.dtype.isnative else prototype.dtype
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
    result = base(size, *extra.values(), dtype=dt, device=dev, requires_grad=requires_grad)
    return result


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
    return _like(torch.empty_like, "empty_like", prototype, dtype, device, requires_grad, shape)


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
    return _like(torch.zeros_like, "zeros_like", prototype, dtype, device, requires_grad, shape)


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
    return _like(torch.ones_like, "ones_like", prototype, dtype, device, requires_grad, shape)


def full_like(
    prototype: ArrayLike,
    fill_value: bool | int | float | complex,
    /,
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
    return _like(
        torch.full_like,
        "full_like",
        prototype,
        dtype,
        device,
        requires_grad,
        shape,
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
    return _like(
        torch.rand_like, "rand_like", prototype, dtype, device, requires_grad, shape, True
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
    return _like(
        torch.randn_like, "randn_like", prototype, dtype, device, requires_grad, shape, True
    )
