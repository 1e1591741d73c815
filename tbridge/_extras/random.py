"""Random sampling with NumPy's signatures: module functions and a seeded ``Generator``.

Module functions (``rand``, ``randn``, ``normal``, ``uniform``) draw from torch's global
generator, so ``torch.manual_seed`` seeds them. ``default_rng(seed)`` gives a ``Generator``
with NumPy's method names that owns one torch generator per device, all seeded alike: the same
seed gives the same numbers on the same device.

Memory and autograd: every sample is new memory. Samples are fresh leaves when
``requires_grad=True``; ``normal``/``uniform`` with tensor parameters stay on their graphs
(the samples are ``loc + scale * noise``), so gradients reach ``loc`` and ``scale``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any, Final, TypeAlias, cast

import numpy as np
import torch

from tbridge._convert.bridge import asarray
from tbridge._core.dtypes import NUMPY_DEFAULTS, DTypeLike, default_float_dtype, torch_dtype
from tbridge._core.normalize import (
    CPU,
    DeviceLike,
    ShapeLike,
    check_requires_grad,
    torch_device,
    torch_shape,
)

__all__ = ["Generator", "default_rng", "normal", "rand", "randn", "uniform"]

Param: TypeAlias = "float | int | torch.Tensor | np.ndarray[Any, Any]"

# Hot paths call these through module globals: one dictionary lookup instead of two.
_rand: Final = torch.rand
_randn: Final = torch.randn
_normal: Final = torch.normal
_empty: Final = torch.empty
_broadcast_shapes: Final = cast(Callable[..., torch.Size], torch.broadcast_shapes)


def _plain_size(dims: tuple[Any, ...]) -> tuple[int, ...] | None:
    """``dims`` as a size when it is non-negative ints, varargs or one tuple; else None."""
    size = dims[0] if len(dims) == 1 and type(dims[0]) is tuple else dims
    for d in size:
        if type(d) is not int or d < 0:
            return None
    return cast("tuple[int, ...]", size)


def _float_dtype(dtype: DTypeLike | None, where: str) -> torch.dtype:
    dt = default_float_dtype() if dtype is None else torch_dtype(dtype)
    if not dt.is_floating_point:
        raise ValueError(
            f"{where}: samples need a real floating dtype, got {dt}; pass e.g. dtype=tb.float64"
        )
    return dt


def _size(size: ShapeLike | None, where: str) -> tuple[int, ...] | None:
    return None if size is None else torch_shape((size,), where)


def _sample(
    kind: str,
    dims: tuple[ShapeLike, ...],
    *,
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
    generator: torch.Generator | None,
) -> torch.Tensor:
    size = torch_shape(dims, kind) if dims else ()
    dt = _float_dtype(dtype, kind)
    fn = torch.rand if kind == "rand" else torch.randn
    return fn(
        size,
        generator=generator,
        dtype=dt,
        device=torch_device(device),
        requires_grad=requires_grad,
    )


def rand(
    *dims: ShapeLike,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Uniform samples in ``[0, 1)``: ``rand(5, 3)`` (NumPy's ``np.random.rand``); float64.

    ``rand()`` is one sample, as a 0-d tensor.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.
    """
    if dtype is None and device is None and requires_grad is False:
        size = _plain_size(dims) if dims else ()
        if size is not None:
            return _rand(size=size, dtype=NUMPY_DEFAULTS.current[0], device=CPU)
    return _sample(
        "rand", dims, dtype=dtype, device=device, requires_grad=requires_grad, generator=None
    )


def randn(
    *dims: ShapeLike,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Standard normal samples: ``randn(5, 3)`` (NumPy's ``np.random.randn``); float64.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.
    """
    if dtype is None and device is None and requires_grad is False:
        size = _plain_size(dims) if dims else ()
        if size is not None:
            return _randn(size=size, dtype=NUMPY_DEFAULTS.current[0], device=CPU)
    return _sample(
        "randn", dims, dtype=dtype, device=device, requires_grad=requires_grad, generator=None
    )


def _as_param(
    value: Param, name: str, where: str, dt: torch.dtype, dev: torch.device
) -> float | torch.Tensor:
    if isinstance(value, torch.Tensor):
        return value if value.device == dev else value.to(dev)
    if isinstance(value, np.ndarray):
        return torch.as_tensor(value, dtype=dt, device=dev)
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(
            f"{where}: {name}={value!r} is not a real number or array; pass a float or a tensor"
        )
    return float(value)


def _located(
    kind: str,
    a: Param,
    b: Param,
    *,
    size: ShapeLike | None,
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
    generator: torch.Generator | None,
) -> torch.Tensor:
    """Samples of ``normal(loc=a, scale=b)`` or ``uniform(low=a, high=b)``, NumPy's meaning."""
    names = ("loc", "scale") if kind == "normal" else ("low", "high")
    dt = _float_dtype(dtype, kind)
    check_requires_grad(requires_grad, dt, kind)
    if device is None and isinstance(a, torch.Tensor):
        dev = a.device
    elif device is None and isinstance(b, torch.Tensor):
        dev = b.device
    else:
        dev = torch_device(device)
    pa = _as_param(a, names[0], kind, dt, dev)
    pb = _as_param(b, names[1], kind, dt, dev)
    shape = _size(size, kind)
    if shape is None:
        shape = _broadcast_shapes(
            pa.shape if isinstance(pa, torch.Tensor) else (),
            pb.shape if isinstance(pb, torch.Tensor) else (),
        )
    if kind == "normal":
        if isinstance(pb, float) and pb < 0:
            raise ValueError(f"normal: scale={b!r} must be >= 0 (it is a standard deviation)")
        if isinstance(pb, torch.Tensor) and dev.type != "meta" and bool((pb < 0).any()):
            raise ValueError(
                "normal: scale has negative entries; a standard deviation must be >= 0"
            )
        if isinstance(pa, float) and isinstance(pb, float):
            return torch.normal(
                pa,
                pb,
                shape,
                generator=generator,
                dtype=dt,
                device=dev,
                requires_grad=requires_grad,
            )
        noise = torch.randn(shape, generator=generator, dtype=dt, device=dev)
        return pa + pb * noise
    if isinstance(pa, float) and isinstance(pb, float):
        out = torch.empty(shape, dtype=dt, device=dev)
        if dev.type != "meta":
            out.uniform_(pa, pb, generator=generator)
        return out.requires_grad_(True) if requires_grad else out
    unit = torch.rand(shape, generator=generator, dtype=dt, device=dev)
    return pa + (pb - pa) * unit


def normal(
    loc: Param = 0.0,
    scale: Param = 1.0,
    size: ShapeLike | None = None,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Normal samples with NumPy's meaning: ``normal(5, 3)`` is one sample (a 0-d tensor).

    ``size`` gives the output shape; without it, the broadcast shape of ``loc`` and ``scale``.

    Raises
    ------
    ValueError
        When ``scale`` is negative.
    """
    if (
        type(size) is tuple
        and type(scale) is float
        and scale >= 0.0
        and type(loc) is float
        and dtype is None
        and device is None
        and requires_grad is False
    ):
        for d in size:
            if type(d) is not int or d < 0:
                break
        else:
            return _normal(loc, scale, size, dtype=NUMPY_DEFAULTS.current[0], device=CPU)
    return _located(
        "normal",
        loc,
        scale,
        size=size,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
        generator=None,
    )


def uniform(
    low: Param = 0.0,
    high: Param = 1.0,
    size: ShapeLike | None = None,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Uniform samples in ``[low, high)`` with NumPy's meaning (no ``size``: one sample)."""
    if (
        dtype is None
        and device is None
        and requires_grad is False
        and type(low) is float
        and type(high) is float
        and type(size) is tuple
    ):
        for d in size:
            if type(d) is not int or d < 0:
                break
        else:
            return _empty(size=size, dtype=NUMPY_DEFAULTS.current[0], device=CPU).uniform_(
                low, high
            )
    return _located(
        "uniform",
        low,
        high,
        size=size,
        dtype=dtype,
        device=device,
        requires_grad=requires_grad,
        generator=None,
    )


class Generator:
    """A seeded source of random tensors with NumPy's ``Generator`` method names.

    It keeps one ``torch.Generator`` per device, each seeded with the same seed, so a given
    seed gives the same numbers on the same device. Make one with :func:`default_rng`.
    """

    def __init__(self, seed: int | np.integer[Any] | None = None) -> None:
        if seed is None:
            seed = secrets.randbits(63)
        given: object = seed  # checked at run time whatever the annotation says
        if isinstance(given, bool) or not isinstance(given, (int, np.integer)) or given < 0:
            raise TypeError(
                f"default_rng: seed={seed!r} is not a non-negative integer; pass an int or None"
            )
        self.seed: int = int(seed)
        self._generators: dict[torch.device, torch.Generator] = {}

    def __repr__(self) -> str:
        return f"tbridge.random.Generator(seed={self.seed})"

    def _for(self, device: torch.device) -> torch.Generator | None:
        if device.type == "meta":
            return None  # meta tensors hold no data to draw
        gen = self._generators.get(device)
        if gen is None:
            gen = torch.Generator(device=device)
            gen.manual_seed(self.seed)
            self._generators[device] = gen
        return gen

    def random(
        self,
        size: ShapeLike | None = None,
        dtype: DTypeLike | None = None,
        *,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
    ) -> torch.Tensor:
        """Uniform samples in ``[0, 1)``; no ``size`` gives one sample (0-d)."""
        dev = torch_device(device)
        dims: tuple[ShapeLike, ...] = () if size is None else (size,)
        return _sample(
            "rand",
            dims,
            dtype=dtype,
            device=dev,
            requires_grad=requires_grad,
            generator=self._for(dev),
        )

    def standard_normal(
        self,
        size: ShapeLike | None = None,
        dtype: DTypeLike | None = None,
        *,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
    ) -> torch.Tensor:
        """Standard normal samples; no ``size`` gives one sample (0-d)."""
        dev = torch_device(device)
        dims: tuple[ShapeLike, ...] = () if size is None else (size,)
        return _sample(
            "randn",
            dims,
            dtype=dtype,
            device=dev,
            requires_grad=requires_grad,
            generator=self._for(dev),
        )

    def _device_of(self, device: DeviceLike | None, *params: object) -> torch.device:
        if device is None:
            for p in params:
                if isinstance(p, torch.Tensor):
                    return p.device
        return torch_device(device)

    def normal(
        self,
        loc: Param = 0.0,
        scale: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
    ) -> torch.Tensor:
        """Normal samples, NumPy's meaning (see :func:`tbridge.normal`)."""
        dev = self._device_of(device, loc, scale)
        return _located(
            "normal",
            loc,
            scale,
            size=size,
            dtype=dtype,
            device=dev,
            requires_grad=requires_grad,
            generator=self._for(dev),
        )

    def uniform(
        self,
        low: Param = 0.0,
        high: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
    ) -> torch.Tensor:
        """Uniform samples in ``[low, high)``, NumPy's meaning."""
        dev = self._device_of(device, low, high)
        return _located(
            "uniform",
            low,
            high,
            size=size,
            dtype=dtype,
            device=dev,
            requires_grad=requires_grad,
            generator=self._for(dev),
        )

    def integers(
        self,
        low: int,
        high: int | None = None,
        size: ShapeLike | None = None,
        dtype: DTypeLike = "int64",
        endpoint: bool = False,
        *,
        device: DeviceLike | None = None,
    ) -> torch.Tensor:
        """Random integers in ``[low, high)`` (``[low, high]`` with ``endpoint=True``).

        One argument means ``[0, low)``, as in NumPy.

        Raises
        ------
        ValueError
            When the range is empty.
        """
        if high is None:
            low, high = 0, low
        top = high + 1 if endpoint else high
        if top <= low:
            raise ValueError(
                f"integers: empty range low={low}, high={high}, endpoint={endpoint}; "
                "pass high > low"
            )
        dt = torch_dtype(dtype)
        if dt.is_floating_point or dt.is_complex or dt == torch.bool:
            raise ValueError(f"integers: dtype must be an integer dtype, got {dt}")
        dev = torch_device(device)
        shape = _size(size, "integers") or ()
        return torch.randint(low, top, shape, generator=self._for(dev), dtype=dt, device=dev)

    def permutation(
        self, x: int | torch.Tensor | np.ndarray[Any, Any], *, device: DeviceLike | None = None
    ) -> torch.Tensor:
        """A shuffled ``arange(x)`` for an int, else a shuffled copy of ``x`` along axis 0.

        A tensor stays on its device (and on its autograd graph: the result is an indexing of it).
        """
        if isinstance(x, (int, np.integer)) and not isinstance(x, bool):
            dev = torch_device(device)
            return torch.randperm(int(x), generator=self._for(dev), device=dev)
        if isinstance(x, np.ndarray):
            x = asarray(x, device=device, copy=None)
        if not isinstance(x, torch.Tensor) or x.ndim == 0:
            raise TypeError(
                f"permutation: x={x!r} is neither an int nor an array with at least one axis"
            )
        order = torch.randperm(x.shape[0], generator=self._for(x.device), device=x.device)
        return x[order]


def default_rng(seed: int | Generator | None = None) -> Generator:
    """A :class:`Generator` seeded with ``seed`` (fresh entropy when None), as NumPy's.

    Passing a ``Generator`` returns it unchanged.
    """
    if isinstance(seed, Generator):
        return seed
    return Generator(seed)
