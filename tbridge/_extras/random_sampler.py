"""NumPy's sampling methods, once, for every source of random bits tbridge has.

:class:`Sampler` holds NumPy ``Generator``'s methods with NumPy's argument names, broadcasting
of array parameters, ``size=`` semantics (None: the parameters' broadcast shape, a 0-d tensor
for scalar parameters) and parameter errors. It draws from ``self._gen(device)``: a
:class:`~tbridge._extras.random_generator.Generator` answers with its own torch generator for
that device, the global stream behind ``tb.random.<function>`` with None (torch's default
generator, the one ``torch.manual_seed`` seeds).

Beyond NumPy's arguments every sampler takes keyword-only ``dtype=`` (where NumPy has none:
the floating dtype of continuous samples, the integer dtype of counts) and ``device=``. The
samples are drawn on ``device`` when given, else on the device of the first tensor parameter,
else on the sampler's own device; they are never drawn on the host and moved.

A ``size`` too big for any array raises NumPy's ValueError, one the CPU cannot allocate NumPy's
MemoryError (:func:`tbridge._core.normalize.raise_for_size`, after torch has refused); CUDA's
``torch.OutOfMemoryError`` is left as torch raises it.

Memory and autograd: every sample is new memory; samples built from tensor parameters by a
differentiable transform (location-scale families, gamma-based ones) stay on the parameters'
graph.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, MutableSequence, Sequence
from typing import Any, ClassVar, Final, Literal, TypeGuard

import numpy as np
import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor, write_out
from tbridge._core.dtypes import INT_BOUNDS, DTypeLike, current_defaults
from tbridge._core.normalize import (
    DeviceLike,
    ShapeLike,
    check_requires_grad,
    raise_for_size,
    torch_device,
)
from tbridge._core.tracing import values_checkable
from tbridge._extras import distributions as _d
from tbridge._extras.random_params import (
    COUNT,
    HYPER_COUNT,
    LAM,
    LAM_MAX,
    NONNEG,
    POS,
    POS_NOT_NAN,
    PROB,
    PROB_OPEN_HIGH,
    PROB_OPEN_LOW,
    TRIALS,
    ZIPF,
    Param,
    Rule,
    compute_float,
    discrete_compute,
    fast_shape,
    float_out,
    int_out,
    normalize_axis,
    param,
    result_shape,
    size_shape,
)
from tbridge._namespace.linalg import LinAlgError

__all__ = ["Sampler"]

Gen = torch.Generator | None
Spec = tuple[str, object, Rule | None]

_rand: Final = torch.rand
_randn: Final = torch.randn
_normal: Final = torch.normal
_randint: Final = torch.randint
_randperm: Final = torch.randperm
_empty: Final = torch.empty
_poisson: Final = torch.poisson
_tensor: Final = torch.tensor
_I64: Final = torch.int64
_F64: Final = torch.float64

_TWO63_F: Final = 2.0**63
#: ``multivariate_hypergeometric`` draws sums of colors below this: the float64 log-factorials
#: of the hypergeometric sampler lose the digits its acceptance test needs from ~2**44 on (the
#: counts' spread is off by 2% there), and 2**40 keeps a margin of 16.
_MVHG_COUNT_MAX: Final = 2.0**40

#: NumPy's tolerance on ``sum(p) == 1`` in ``choice``: the square root of the dtype's epsilon.
_P_ATOL: Final = math.sqrt(float(np.finfo(np.float64).eps))

_INT_RANGE: Final[dict[torch.dtype, tuple[int, int]]] = {torch.bool: (0, 1), **INT_BOUNDS}


def _int_bound(value: object, name: str, caller: str) -> int:
    """A scalar integer bound as NumPy reads it (floats truncate toward zero)."""
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        if not math.isfinite(value):
            raise ValueError(f"{caller}: {name}={value!r} is not a finite number; pass an integer")
        return int(value)
    raise TypeError(
        f"{caller}: {name}={value!r} is not an integer; pass an int or an array of ints"
    )


def _same_device(device: DeviceLike, data: torch.device, caller: str, name: str) -> None:
    """Refuse a ``device=`` that differs from the device of the array data being sampled."""
    if torch_device(device, caller=caller) != data:
        raise ValueError(
            f"{caller}: device={device!r} but {name} is on {data}; the samples are drawn on "
            f"{name}'s device (device= applies when {name} is an int); move {name} there or "
            "leave device=None"
        )


def _is_int_like(x: object) -> TypeGuard[int | np.integer[Any]]:
    return isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_))


class Sampler:
    """NumPy's ``Generator`` methods over a torch random source (see the module docstring)."""

    #: NumPy's module functions keep a few legacy rules: ``uniform(1, 0)`` allowed,
    #: ``dirichlet`` and ``hypergeometric`` stricter. The global stream sets this.
    _legacy: ClassVar[bool] = False
    _device: torch.device
    _g0: Gen

    def _gen(self, device: torch.device) -> Gen:
        raise NotImplementedError

    def _device_of(
        self, device: DeviceLike | None, values: Sequence[object], caller: str
    ) -> torch.device:
        if device is not None:
            return torch_device(device, caller=caller)
        for v in values:
            if isinstance(v, Tensor):
                return v.device
        return self._device

    # ---- shared bodies ---------------------------------------------------------------------

    def _prepare(
        self,
        caller: str,
        size: ShapeLike | None,
        device: DeviceLike | None,
        cdt: torch.dtype | None,
        specs: Sequence[Spec],
    ) -> tuple[torch.device, tuple[int, ...], list[Tensor]]:
        dev = self._device_of(device, [s[1] for s in specs], caller)
        dt = discrete_compute(dev) if cdt is None else cdt
        params = [param(v, n, caller, dt, dev, rule) for n, v, rule in specs]
        shape = result_shape(caller, size, [s[0] for s in specs], params)
        return dev, shape, params

    def _continuous(
        self,
        caller: str,
        kernel: Callable[..., Tensor],
        size: ShapeLike | None,
        dtype: DTypeLike | None,
        device: DeviceLike | None,
        *specs: Spec,
    ) -> Tensor:
        dt = float_out(dtype, caller)
        dev = self._device_of(device, [s[1] for s in specs], caller)
        cdt = compute_float(dt)
        dev, shape, params = self._prepare(caller, size, dev, cdt, specs)
        try:
            if dev.type == "meta":
                return _empty(shape, dtype=dt, device=dev)
            out = kernel(self._gen(dev), *params, shape)
            return out if out.dtype == dt else out.to(dt)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, caller, shape, dt, "size")
            raise

    def _discrete(
        self,
        caller: str,
        kernel: Callable[..., Tensor],
        size: ShapeLike | None,
        dtype: DTypeLike | None,
        device: DeviceLike | None,
        *specs: Spec,
    ) -> Tensor:
        dt = int_out(dtype, caller)
        dev, shape, params = self._prepare(caller, size, device, None, specs)
        try:
            if dev.type == "meta":
                return _empty(shape, dtype=dt, device=dev)
            return kernel(self._gen(dev), *params, shape).to(dt)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, caller, shape, dt, "size")
            raise

    def _filled(
        self,
        caller: str,
        size: ShapeLike | None,
        dtype: DTypeLike | None,
        out: Tensor | None,
        device: DeviceLike | None,
    ) -> tuple[torch.dtype, tuple[int, ...], torch.device]:
        """dtype, shape and device of a parameter-free draw, ``out=`` included (NumPy's rules)."""
        if out is None:
            shape = size_shape(size, caller)
            return (
                float_out(dtype, caller),
                (() if shape is None else shape),
                self._device_of(device, (), caller),
            )
        if not isinstance(out, Tensor):
            raise TypeError(
                f"{caller}: out must be a torch.Tensor, got {type(out).__name__}; pass a tensor "
                "(tb.empty(shape)) or leave out=None"
            )
        if not out.dtype.is_floating_point:
            raise TypeError(
                f"{caller}: out has dtype {out.dtype} but the samples are floating; pass a "
                "floating out (tb.empty(shape, dtype=tb.float64))"
            )
        # As NumPy: out must have the samples' dtype, dtype= (default float64) included.
        dt = float_out(dtype, caller)
        if dt != out.dtype:
            raise TypeError(
                f"{caller}: out has dtype {out.dtype} but the samples are {dt}; pass an out of "
                f"dtype {dt} or dtype={out.dtype}"
            )
        shape = size_shape(size, caller)
        if shape is not None and shape != tuple(out.shape):
            raise ValueError(
                f"{caller}: size={shape} but out has shape {tuple(out.shape)}; size must match "
                "out.shape when both are given (or leave size=None)"
            )
        if device is not None and torch_device(device, caller=caller) != out.device:
            raise ValueError(
                f"{caller}: device={device!r} but out is on {out.device}; leave device=None "
                "with out="
            )
        return dt, tuple(out.shape), out.device

    @staticmethod
    def _fill(caller: str, out: Tensor, fill: Callable[[Tensor], object]) -> Tensor:
        if out.device.type == "meta":
            return out
        try:
            fill(out)
        except RuntimeError as e:
            raise ValueError(
                f"{caller}: out cannot be written in place (a leaf that requires grad, or a "
                "view whose entries share memory such as an expanded tensor); pass a fresh "
                "tensor as out, or leave out=None"
            ) from e
        return out

    # ---- uniform and normal ----------------------------------------------------------------

    def random(
        self,
        size: ShapeLike | None = None,
        dtype: DTypeLike | None = None,
        out: Tensor | None = None,
        *,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
    ) -> Tensor:
        """Uniform samples in ``[0, 1)``.

        Parameters
        ----------
        size : int or tuple of ints, optional
            Output shape; None gives one sample as a 0-d tensor.
        dtype : dtype, optional
            A real floating dtype; tbridge's default float (float64) when None.
        out : Tensor, optional
            Filled in place and returned; its shape and device decide the draw's, and its
            dtype must be the samples' (``dtype``, or the default float), as in NumPy.
        device, requires_grad
            tbridge's extras: where to draw, and whether the samples are a leaf requiring grad.

        Returns
        -------
        Tensor

        Memory and autograd: new memory (or ``out``); a fresh leaf when ``requires_grad``.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).random((2, 3))
        >>> x.shape, x.dtype, bool(((x >= 0) & (x < 1)).all())
        (torch.Size([2, 3]), torch.float64, True)
        """
        if out is None and dtype is None and device is None and requires_grad is False:
            shape = fast_shape(size)
            if shape is not None:
                dt = current_defaults()[0]
                try:
                    return _rand(shape, generator=self._g0, dtype=dt, device=self._device)
                except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                    raise_for_size(e, "random", shape, dt, "size")
                    raise
        dt, shape, dev = self._filled("random", size, dtype, out, device)
        if out is not None:
            g = self._gen(dev)
            return self._fill("random", out, lambda t: t.uniform_(0.0, 1.0, generator=g))
        check_requires_grad(requires_grad, dt, "random")
        try:
            return _rand(shape, generator=self._gen(dev), dtype=dt, device=dev,
                         requires_grad=requires_grad)  # fmt: skip
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, "random", shape, dt, "size")
            raise

    def standard_normal(
        self,
        size: ShapeLike | None = None,
        dtype: DTypeLike | None = None,
        out: Tensor | None = None,
        *,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
    ) -> Tensor:
        """Standard normal samples (mean 0, standard deviation 1).

        Parameters as :meth:`random`.

        Memory and autograd: new memory (or ``out``); a fresh leaf when ``requires_grad``.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).standard_normal(4, dtype=tb.float32).dtype
        torch.float32
        """
        if out is None and dtype is None and device is None and requires_grad is False:
            shape = fast_shape(size)
            if shape is not None:
                dt = current_defaults()[0]
                try:
                    return _randn(shape, generator=self._g0, dtype=dt, device=self._device)
                except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                    raise_for_size(e, "standard_normal", shape, dt, "size")
                    raise
        dt, shape, dev = self._filled("standard_normal", size, dtype, out, device)
        if out is not None:
            g = self._gen(dev)
            return self._fill("standard_normal", out, lambda t: t.normal_(generator=g))
        check_requires_grad(requires_grad, dt, "standard_normal")
        try:
            return _randn(shape, generator=self._gen(dev), dtype=dt, device=dev,
                          requires_grad=requires_grad)  # fmt: skip
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, "standard_normal", shape, dt, "size")
            raise

    def normal(
        self,
        loc: Param = 0.0,
        scale: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
    ) -> Tensor:
        """Normal samples with mean ``loc`` and standard deviation ``scale``.

        Parameters
        ----------
        loc, scale : number or array
            Broadcast together; ``scale >= 0`` (NaN passes and gives NaN, as in NumPy).
        size : int or tuple of ints, optional
            Output shape, which the parameters must broadcast to; None: their broadcast shape
            (``normal(5, 3)`` is one sample, a 0-d tensor).
        dtype, device, requires_grad
            tbridge's extras (see :meth:`random`).

        Raises
        ------
        ValueError
            ``scale < 0``, or ``size`` the parameters do not broadcast to.

        Memory and autograd: new memory, ``loc + scale * noise``, so gradients reach tensor
        parameters; a fresh leaf when ``requires_grad`` and both are numbers.

        Examples
        --------
        >>> import tbridge as tb
        >>> rng = tb.random.default_rng(0)
        >>> rng.normal(5, 3).shape, rng.normal([0.0, 10.0], 1.0, size=(3, 2)).shape
        (torch.Size([]), torch.Size([3, 2]))
        """
        if (
            (type(loc) is float or type(loc) is int)
            and (type(scale) is float or type(scale) is int)
            and dtype is None
            and device is None
            and requires_grad is False
            and scale >= 0
        ):
            shape = fast_shape(size)
            if shape is not None:
                dt = current_defaults()[0]
                try:
                    return _normal(loc, scale, shape, generator=self._g0, dtype=dt,
                                   device=self._device)  # fmt: skip
                except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                    raise_for_size(e, "normal", shape, dt, "size")
                    raise
        out = self._continuous(
            "normal", _normal_kernel, size, dtype, device,
            ("loc", loc, None), ("scale", scale, NONNEG),
        )  # fmt: skip
        if requires_grad:
            check_requires_grad(True, out.dtype, "normal")
            out.requires_grad_()
        return out

    def uniform(
        self,
        low: Param = 0.0,
        high: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
        requires_grad: bool = False,
    ) -> Tensor:
        """Uniform samples in ``[low, high)``.

        ``high - low`` must be finite (``OverflowError`` otherwise, as NumPy). A Generator
        refuses ``high < low`` as NumPy's does; the module function ``tb.random.uniform``
        accepts it as NumPy's module does, and its samples lie in ``(high, low]``.

        Parameters
        ----------
        low, high : number or array
            The interval, broadcast together.
        size, dtype, device, requires_grad
            As :meth:`normal`.

        Raises
        ------
        OverflowError
            ``high - low`` is infinite or NaN.
        ValueError
            ``high < low`` (Generator only).

        Memory and autograd: new memory, ``low + (high - low) * noise``, so gradients reach
        tensor bounds.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).uniform(-2, 3, size=1000)
        >>> bool((x >= -2).all() and (x < 3).all())
        True
        """
        if (
            (type(low) is float or type(low) is int)
            and (type(high) is float or type(high) is int)
            and dtype is None
            and device is None
            and requires_grad is False
            and low <= high
            and high - low < math.inf
        ):
            shape = fast_shape(size)
            if shape is not None:
                dt = current_defaults()[0]
                try:
                    drawn = _empty(shape, dtype=dt, device=self._device)
                except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                    raise_for_size(e, "uniform", shape, dt, "size")
                    raise
                return drawn.uniform_(low, high, generator=self._g0)
        dt = float_out(dtype, "uniform")
        dev, shape, (lo, hi) = self._prepare(
            "uniform", size, device, compute_float(dt),
            [("low", low, None), ("high", high, None)],
        )  # fmt: skip
        diff = hi - lo
        if values_checkable(diff):
            if not bool(torch.isfinite(diff).all()):
                raise OverflowError(
                    f"uniform: high - low is not finite (low={_shown(low)}, high={_shown(high)}); "
                    "pass finite bounds whose difference is finite too"
                )
            if not self._legacy and bool((diff < 0).any()):
                raise ValueError(
                    f"uniform: high < low (low={_shown(low)}, high={_shown(high)}); a Generator "
                    "needs low <= high (NumPy's module function tb.random.uniform accepts "
                    "either order)"
                )
        try:
            if dev.type == "meta":
                return _empty(shape, dtype=dt, device=dev)
            unit = _rand(shape, generator=self._gen(dev), dtype=lo.dtype, device=dev)
            out = lo + (hi - lo) * unit
            out = out if out.dtype == dt else out.to(dt)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, "uniform", shape, dt, "size")
            raise
        if requires_grad:
            check_requires_grad(True, dt, "uniform")
            out.requires_grad_()
        return out

    # ---- integers --------------------------------------------------------------------------

    def integers(
        self,
        low: Param,
        high: Param | None = None,
        size: ShapeLike | None = None,
        dtype: DTypeLike = torch.int64,
        endpoint: bool = False,
        *,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Uniform integers in ``[low, high)``, or ``[low, high]`` with ``endpoint=True``.

        One bound means ``[0, low)``, as in NumPy. Bounds may be arrays (broadcast together);
        every value in the range is equally likely (see
        :func:`tbridge._extras.distributions.integers_below` for how).

        Parameters
        ----------
        low, high : int or array of ints
            The range; floats are truncated toward zero, as NumPy does.
        size : int or tuple of ints, optional
            Output shape (the bounds must broadcast to it).
        dtype : dtype
            An integer dtype or bool; the bounds must fit in it.
        endpoint : bool
            Whether ``high`` itself may be drawn.
        device
            tbridge's extra.

        Raises
        ------
        ValueError
            An empty range (``low >= high``), a bound outside ``dtype``'s range, a
            non-integer ``dtype``.

        Memory and autograd: new memory; integers carry no gradient.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).integers(3, 5, size=1000, endpoint=True)
        >>> x.dtype, sorted(set(x.tolist()))
        (torch.int64, [3, 4, 5])
        """
        if (
            dtype is _I64
            and type(low) is int
            and type(high) is int
            and endpoint is False
            and device is None
            and 0 < high - low <= _d.RANDINT_EXACT_SPAN
        ):
            shape = () if size is None else fast_shape(size)
            if shape is not None:
                try:
                    return _randint(low, high, shape, generator=self._g0, device=self._device)
                except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                    raise_for_size(e, "integers", shape, _I64, "size")
                    raise
        return self._integers("integers", low, high, size, dtype, endpoint, device)

    def _integers(
        self,
        caller: str,
        low: Param,
        high: Param | None,
        size: ShapeLike | None,
        dtype: DTypeLike,
        endpoint: bool,
        device: DeviceLike | None,
    ) -> Tensor:
        dt = int_out(dtype, caller, allow_bool=True)
        lo_ok, hi_ok = _INT_RANGE[dt]
        if high is None:
            low, high = 0, low
        scalars = not isinstance(low, (Tensor, np.ndarray, list, tuple)) and not isinstance(
            high, (Tensor, np.ndarray, list, tuple)
        )
        if scalars:
            lo = _int_bound(low, "low", caller)
            top = _int_bound(high, "high", caller) + (1 if endpoint else 0)
            if lo < lo_ok:
                raise ValueError(
                    f"{caller}: low={lo} is out of bounds for {dt}; pass low >= {lo_ok}"
                )
            if top - 1 > hi_ok:
                raise ValueError(
                    f"{caller}: high={high!r} is out of bounds for {dt} (endpoint={endpoint}); "
                    f"pass high <= {hi_ok + (0 if endpoint else 1)}"
                )
            shape = size_shape(size, caller) or ()
            nothing = math.prod(shape) == 0  # NumPy allows an empty range when nothing is drawn
            if top <= lo and not nothing:
                raise ValueError(
                    f"{caller}: empty range low={lo}, high={high!r}, endpoint={endpoint} "
                    "(low >= high); pass high > low (or endpoint=True with high >= low)"
                )
            dev = self._device_of(device, (), caller)
            try:
                if dev.type == "meta" or nothing:
                    return _empty(shape, dtype=dt, device=dev)
                drawn = _d.integers_below(self._gen(dev), top - lo, shape, dev)
                return _to_int_dtype(drawn.add_(lo - 2**64 if lo >= 2**63 else lo), dt)
            except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                raise_for_size(e, caller, shape, dt, "size")
                raise
        dev = self._device_of(device, (low, high), caller)
        lo_t = _int_tensor(low, "low", caller, dev)
        top_t = _int_tensor(high, "high", caller, dev) + (1 if endpoint else 0)
        shape = result_shape(caller, size, ["low", "high"], [lo_t, top_t])
        if dev.type == "meta":
            return _empty(shape, dtype=dt, device=dev)
        span = top_t - lo_t
        if values_checkable(lo_t, top_t):
            _check_int_bounds(caller, lo_t, top_t, span, dt, endpoint, math.prod(shape) == 0)
        if math.prod(shape) == 0:
            return _empty(shape, dtype=dt, device=dev)
        try:
            drawn = _d.integers_below(self._gen(dev), span.expand(shape), shape, dev)
            return _to_int_dtype(drawn + lo_t, dt)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, caller, shape, dt, "size")
            raise

    # ---- choice and permutations -----------------------------------------------------------

    def choice(
        self,
        a: Param,
        size: ShapeLike | None = None,
        replace: bool = True,
        p: Param | None = None,
        axis: int = 0,
        shuffle: bool = True,
        *,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Random entries of ``a`` (``arange(a)`` for an int), along ``axis``.

        Parameters
        ----------
        a : int or array
            The population: an int ``n`` means ``arange(n)``.
        size : int or tuple of ints, optional
            How many, in this shape; None: one entry (one slice along ``axis`` of an n-d
            ``a``). The result's shape is ``a.shape[:axis] + size + a.shape[axis+1:]``.
        replace : bool
            Whether an entry may be drawn more than once.
        p : array, optional
            The probability of each entry (1-d, one per entry, non-negative, summing to 1
            within ``sqrt(eps)``); uniform when None.
        axis : int
            The axis of ``a`` to draw along.
        shuffle : bool
            NumPy's speed switch for draws without replacement; the order of tbridge's draws is
            random either way, so it changes nothing here.
        device
            tbridge's extra: where to draw when ``a`` is an int.

        Raises
        ------
        ValueError
            ``p`` of the wrong shape, negative, NaN or not summing to 1; more draws than
            entries without replacement (or than non-zero ``p``); an empty population.

        Memory and autograd: new memory (an indexing of ``a``, so it stays on ``a``'s graph).

        Examples
        --------
        >>> import tbridge as tb
        >>> rng = tb.random.default_rng(0)
        >>> sorted(rng.choice(5, size=5, replace=False).tolist())
        [0, 1, 2, 3, 4]
        >>> rng.choice(tb.arange(12).reshape(3, 4), size=2, axis=1).shape
        torch.Size([3, 2])
        """
        return self._choice("choice", a, size, replace, p, axis, device)

    def _choice(
        self,
        caller: str,
        a: Param,
        size: ShapeLike | None,
        replace: bool,
        p: Param | None,
        axis: int,
        device: DeviceLike | None,
    ) -> Tensor:
        shape = size_shape(size, caller) or ()
        k = math.prod(shape)
        population: Tensor | None = None
        if _is_int_like(a):
            pop = int(a)
            dev = self._device_of(device, (), caller)
        else:
            population = as_tensor(a, caller, "a")
            if population.ndim == 0:
                if population.dtype.is_floating_point or population.dtype == torch.bool:
                    raise ValueError(
                        f"{caller}: a is a 0-d array of {population.dtype}; pass an int (the "
                        "population arange(a)) or an array of the entries"
                    )
                pop = int(population.item())
                population = None
                dev = self._device_of(device, (), caller)
            else:
                axis = normalize_axis(axis, population.ndim, caller)
                pop = population.shape[axis]
                dev = population.device
                if device is not None:
                    _same_device(device, dev, caller, "a")
        if pop < 0 or (pop == 0 and k > 0):
            what = "a must be a positive integer" if population is None else "a cannot be empty"
            raise ValueError(f"{caller}: {what} unless no samples are taken (a has {pop} entries)")
        probs = None if p is None else self._choice_p(caller, p, pop, dev)
        if not replace and k > pop:
            raise ValueError(
                f"{caller}: cannot take {k} samples from {pop} entries when replace=False; "
                "pass replace=True or a smaller size"
            )
        try:
            if dev.type == "meta" or k == 0:
                idx = _empty(shape, dtype=_I64, device=dev)
            else:
                idx = self._choice_index(caller, pop, k, shape, replace, probs, dev)
            if population is None:
                return idx
            picked = population.index_select(axis, idx.reshape(-1))
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            dt = _I64 if population is None else population.dtype
            raise_for_size(e, caller, shape, dt, "size")
            raise
        return picked.reshape(population.shape[:axis] + shape + population.shape[axis + 1 :])

    @staticmethod
    def _choice_p(caller: str, p: Param, pop: int, dev: torch.device) -> Tensor:
        given = as_tensor(p, caller, "p")
        atol = _P_ATOL
        if given.dtype.is_floating_point:
            atol = max(atol, math.sqrt(torch.finfo(given.dtype).eps))
        probs = given.to(device=dev, dtype=discrete_compute(dev))
        if probs.ndim != 1:
            raise ValueError(f"{caller}: p must be 1-dimensional, got shape {tuple(probs.shape)}")
        if probs.numel() != pop:
            raise ValueError(
                f"{caller}: a and p must have the same size (a has {pop} entries, p has "
                f"{probs.numel()})"
            )
        if not values_checkable(probs):
            return probs
        if bool(probs.isnan().any()):
            raise ValueError(f"{caller}: probabilities p contain NaN")
        if bool((probs < 0).any()):
            raise ValueError(f"{caller}: probabilities p are not all non-negative")
        total = float(probs.sum())
        if abs(total - 1) > atol:
            raise ValueError(
                f"{caller}: probabilities p sum to {total!r}, not 1 (tolerance {atol:.3g}); "
                "normalize them (p / p.sum())"
            )
        return probs

    def _choice_index(
        self,
        caller: str,
        pop: int,
        k: int,
        shape: tuple[int, ...],
        replace: bool,
        probs: Tensor | None,
        dev: torch.device,
    ) -> Tensor:
        g = self._gen(dev)
        if replace:
            if probs is None:
                return _d.integers_below(g, pop, shape, dev)
            cdf = probs.cumsum(0)
            u = _rand(shape, generator=g, dtype=cdf.dtype, device=dev) * cdf[-1]
            return torch.searchsorted(cdf, u, right=True).clamp_(max=pop - 1)
        if probs is None:
            if pop > 16 * k and pop > 2**16:
                return _distinct_below(g, pop, k, dev).reshape(shape)
            return _randperm(pop, generator=g, device=dev)[:k].reshape(shape)
        if values_checkable(probs) and int((probs > 0).sum()) < k:
            raise ValueError(
                f"{caller}: fewer non-zero entries in p ({int((probs > 0).sum())}) than samples "
                f"({k}) with replace=False; pass replace=True or a smaller size"
            )
        # Exponential clocks with rates p ring in the order of sequential draws without
        # replacement (Efraimidis and Spirakis): the k earliest are the sample, in order.
        clocks = _d.exponential01(g, pop, probs.dtype, dev) / probs
        return torch.topk(clocks, k, largest=False, sorted=True).indices.reshape(shape)

    def shuffle(self, x: Any, axis: int = 0) -> None:
        """Shuffle ``x`` in place along ``axis``; returns None.

        A tensor is shuffled on its device; a NumPy array with NumPy's indexing (it is host
        memory); a Python list as a list (``axis=0`` only).

        Raises
        ------
        TypeError
            ``x`` is 0-d or not an array or mutable sequence.
        ValueError
            ``x`` cannot be written in place (a leaf that requires grad, an expanded view).

        Memory and autograd: in place; a tensor that is not a leaf stays on its graph.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.arange(5)
        >>> tb.random.default_rng(0).shuffle(x)
        >>> sorted(x.tolist())
        [0, 1, 2, 3, 4]
        """
        if isinstance(x, Tensor):
            if x.ndim == 0:
                raise TypeError("shuffle: x is 0-d; shuffle needs an array with an axis")
            ax = normalize_axis(axis, x.ndim, "shuffle")
            if x.device.type == "meta":
                return
            order = _randperm(x.shape[ax], generator=self._gen(x.device), device=x.device)
            try:
                x.copy_(x.index_select(ax, order))
            except RuntimeError as e:
                raise ValueError(
                    "shuffle: x cannot be written in place (a leaf that requires grad, or a "
                    "view whose entries share memory such as an expanded tensor); use "
                    "permutation(x), which returns a shuffled copy"
                ) from e
            return
        if isinstance(x, np.ndarray):
            if x.ndim == 0:
                raise TypeError("shuffle: x is 0-d; shuffle needs an array with an axis")
            ax = normalize_axis(axis, x.ndim, "shuffle")
            order = _randperm(x.shape[ax], generator=self._gen(torch_device("cpu")))
            x[...] = np.take(x, order.numpy(), axis=ax)
            return
        if isinstance(x, MutableSequence):
            if axis != 0:
                raise ValueError(f"shuffle: a list has one axis; axis={axis!r} must be 0")
            order = _randperm(len(x), generator=self._gen(torch_device("cpu")))
            x[:] = [x[i] for i in order.tolist()]
            return
        raise TypeError(
            f"shuffle: x must be a tensor, a NumPy array or a mutable sequence, got "
            f"{type(x).__name__}; use permutation(x) for a shuffled copy of other data"
        )

    def permutation(
        self, x: int | Param, axis: int = 0, *, device: DeviceLike | None = None
    ) -> Tensor:
        """A shuffled ``arange(x)`` for an int; else a shuffled copy of ``x`` along ``axis``.

        Raises
        ------
        numpy.exceptions.AxisError
            ``x`` is 0-d, or ``axis`` is out of range.

        Memory and autograd: new memory; a copy of a tensor stays on its graph.

        Examples
        --------
        >>> import tbridge as tb
        >>> sorted(tb.random.default_rng(0).permutation(4).tolist())
        [0, 1, 2, 3]
        """
        if _is_int_like(x):
            n = max(int(x), 0)  # arange(x) is empty for x < 0, as NumPy shuffles it
            dev = self._device_of(device, (), "permutation")
            try:
                return _randperm(n, generator=self._gen(dev), device=dev)
            except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                raise_for_size(e, "permutation", n, _I64, "x")
                raise
        t = as_tensor(x, "permutation", "x")
        if device is not None:
            _same_device(device, t.device, "permutation", "x")
        ax = normalize_axis(axis, t.ndim, "permutation")
        if t.device.type == "meta":
            return _empty(t.shape, dtype=t.dtype, device=t.device)
        order = _randperm(t.shape[ax], generator=self._gen(t.device), device=t.device)
        return t.index_select(ax, order)

    def permuted(self, x: Param, *, axis: int | None = None, out: Tensor | None = None) -> Tensor:
        """``x`` with each slice along ``axis`` shuffled independently (all entries if None).

        Each slice gets its own permutation: the order of independent random 64-bit keys
        (ties, with probability about ``n**2 / 2**64``, keep their order).

        Memory and autograd: new memory (or ``out``); stays on ``x``'s graph.

        Examples
        --------
        >>> import tbridge as tb
        >>> y = tb.random.default_rng(0).permuted(tb.arange(6).reshape(2, 3), axis=1)
        >>> [sorted(row) for row in y.tolist()]
        [[0, 1, 2], [3, 4, 5]]
        """
        t = as_tensor(x, "permuted", "x")
        if t.ndim == 0 and axis is None:  # NumPy's TypeError (with an axis, its AxisError)
            raise TypeError(
                f"permuted: x is 0-d ({_shown(x)}), which has no entries to reorder; pass an "
                "array of one or more dimensions (permutation(n) shuffles arange(n))"
            )
        if t.device.type == "meta":
            return write_out(_empty(t.shape, dtype=t.dtype, device=t.device), out, "permuted")
        g = self._gen(t.device)
        if axis is None:
            keys = _empty(t.numel(), dtype=_I64, device=t.device).random_(generator=g)
            result = t.reshape(-1)[keys.argsort()].reshape(t.shape)
        else:
            ax = normalize_axis(axis, t.ndim, "permuted")
            keys = _empty(t.shape, dtype=_I64, device=t.device).random_(generator=g)
            result = torch.take_along_dim(t, keys.argsort(dim=ax), dim=ax)
        return write_out(result, out, "permuted")

    def bytes(self, length: int) -> bytes:
        """``length`` random bytes (drawn with the CPU generator).

        Examples
        --------
        >>> import tbridge as tb
        >>> len(tb.random.default_rng(0).bytes(10))
        10
        """
        n = _int_bound(length, "length", "bytes")
        if n < 0:
            raise ValueError(f"bytes: length={n} must be >= 0")
        cpu = torch_device("cpu")
        try:
            drawn = _randint(0, 256, (n,), generator=self._gen(cpu), dtype=torch.uint8)
            return drawn.numpy().tobytes()
        except (RuntimeError, TypeError, MemoryError) as e:  # too big, or no memory for it
            raise_for_size(e, "bytes", n, torch.uint8, "length")
            raise

    # ---- continuous distributions ------------------------------------------------------------

    def standard_exponential(
        self,
        size: ShapeLike | None = None,
        dtype: DTypeLike | None = None,
        method: Literal["zig", "inv"] = "zig",
        out: Tensor | None = None,
        *,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Exponential samples with scale 1.

        Both methods draw by the inverse CDF ``-log1p(-U)``: NumPy's ``"zig"`` names its
        ziggurat, which torch does not have, and torch's ``exponential_`` is slower than the
        inverse CDF on the CPU. ``method`` is checked and otherwise changes nothing. Other
        parameters as :meth:`random`.

        Memory and autograd: new memory (or ``out``).

        Examples
        --------
        >>> import tbridge as tb
        >>> bool((tb.random.default_rng(0).standard_exponential(100) > 0).all())
        True
        """
        if method not in ("zig", "inv"):
            raise ValueError(f"standard_exponential: method={method!r}; pass 'zig' or 'inv'")
        dt, shape, dev = self._filled("standard_exponential", size, dtype, out, device)
        try:
            if dev.type == "meta":
                drawn = _empty(shape, dtype=dt, device=dev)
            else:
                drawn = _d.exponential01(self._gen(dev), shape, dt, dev)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, "standard_exponential", shape, dt, "size")
            raise
        if out is None:
            return drawn
        return self._fill("standard_exponential", out, lambda t: t.copy_(drawn))

    def exponential(
        self,
        scale: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Exponential samples with mean ``scale`` (``scale >= 0``).

        Memory and autograd: new memory, ``scale * noise`` (gradients reach ``scale``).

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).exponential(2.0, size=(2, 2)).shape
        torch.Size([2, 2])
        """
        if (type(scale) is float or type(scale) is int) and scale >= 0 and dtype is None:
            shape = fast_shape(size)
            if shape is not None and device is None:
                dt = current_defaults()[0]
                s = float(scale)  # torch reads an int past int64 as an unsigned one, or fails
                try:
                    if dt is _F64:  # -log1p(-U) * scale, four passes
                        unit = _rand(shape, generator=self._g0, dtype=_F64, device=self._device)
                        return unit.neg_().log1p_().mul_(-s)
                    return _d.exponential01(self._g0, shape, dt, self._device).mul_(s)
                except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                    raise_for_size(e, "exponential", shape, dt, "size")
                    raise
        return self._continuous(
            "exponential", _exponential_kernel, size, dtype, device, ("scale", scale, NONNEG)
        )

    def standard_gamma(
        self,
        shape: Param,
        size: ShapeLike | None = None,
        dtype: DTypeLike | None = None,
        out: Tensor | None = None,
        *,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Gamma samples with shape ``shape`` (``>= 0``) and scale 1.

        torch's Marsaglia-Tsang sampler (``torch._standard_gamma``) draws them for
        ``shape >= 1``; smaller shapes are boosted (G(shape + 1) * U^(1/shape)).

        Memory and autograd: new memory (or ``out``); gradients reach a tensor ``shape``
        through torch's reparameterized gamma.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).standard_gamma([0.5, 2.0], size=(3, 2)).shape
        torch.Size([3, 2])
        """
        if out is None:
            return self._continuous(
                "standard_gamma", _d.standard_gamma, size, dtype, device, ("shape", shape, NONNEG)
            )
        dt, _, dev = self._filled("standard_gamma", None, dtype, out, device)
        if size is not None and size_shape(size, "standard_gamma") != tuple(out.shape):
            raise ValueError(
                f"standard_gamma: size={size!r} but out has shape {tuple(out.shape)}; size "
                "must match out.shape when both are given"
            )
        drawn = self._continuous(
            "standard_gamma", _d.standard_gamma, tuple(out.shape), dt, dev,
            ("shape", shape, NONNEG),
        )  # fmt: skip
        return self._fill("standard_gamma", out, lambda t: t.copy_(drawn))

    def gamma(
        self,
        shape: Param,
        scale: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Gamma samples with shape ``shape`` and scale ``scale`` (both ``>= 0``).

        Memory and autograd: new memory, ``scale * standard_gamma(shape)``.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).gamma(2.0, 3.0, size=4).shape
        torch.Size([4])
        """
        return self._continuous(
            "gamma", _gamma_kernel, size, dtype, device,
            ("shape", shape, NONNEG), ("scale", scale, NONNEG),
        )  # fmt: skip

    def beta(
        self,
        a: Param,
        b: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Beta samples with shapes ``a`` and ``b`` (both ``> 0``), from two gamma draws.

        The ratio is taken on log-gammas, so small ``a`` and ``b`` keep their mass near 0 and
        1 instead of underflowing.

        Memory and autograd: new memory; gradients reach tensor parameters.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).beta(0.5, 0.5, size=100)
        >>> bool(((x >= 0) & (x <= 1)).all())
        True
        """
        return self._continuous("beta", _d.beta, size, dtype, device, ("a", a, POS), ("b", b, POS))

    def chisquare(
        self,
        df: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Chi-square samples with ``df > 0`` degrees of freedom (``2 * Gamma(df / 2)``).

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).chisquare(3, size=2).shape
        torch.Size([2])
        """
        return self._continuous("chisquare", _d.chisquare, size, dtype, device, ("df", df, POS))

    def noncentral_chisquare(
        self,
        df: Param,
        nonc: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Noncentral chi-square samples (``df > 0``, ``nonc >= 0``), as a Poisson mixture.

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).noncentral_chisquare(3, 2, size=2).shape
        torch.Size([2])
        """
        return self._continuous(
            "noncentral_chisquare", _noncentral_chisquare_kernel, size, dtype, device,
            ("df", df, POS), ("nonc", nonc, NONNEG),
        )  # fmt: skip

    def f(
        self,
        dfnum: Param,
        dfden: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """F samples: the ratio of two scaled chi-squares (``dfnum, dfden > 0``).

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).f(5, 10, size=3).shape
        torch.Size([3])
        """
        return self._continuous(
            "f", _d.f, size, dtype, device, ("dfnum", dfnum, POS), ("dfden", dfden, POS)
        )

    def noncentral_f(
        self,
        dfnum: Param,
        dfden: Param,
        nonc: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Noncentral F samples (``dfnum, dfden > 0``, ``nonc >= 0``).

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).noncentral_f(5, 10, 1.5, size=3).shape
        torch.Size([3])
        """
        return self._continuous(
            "noncentral_f", _noncentral_f_kernel, size, dtype, device,
            ("dfnum", dfnum, POS), ("dfden", dfden, POS), ("nonc", nonc, NONNEG),
        )  # fmt: skip

    def standard_t(
        self,
        df: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Student's t samples with ``df > 0`` degrees of freedom.

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).standard_t(4, size=3).shape
        torch.Size([3])
        """
        return self._continuous("standard_t", _d.standard_t, size, dtype, device, ("df", df, POS))

    def standard_cauchy(
        self,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Standard Cauchy samples (torch's ``Tensor.cauchy_``).

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).standard_cauchy(3).shape
        torch.Size([3])
        """
        dt, shape, dev = self._filled("standard_cauchy", size, dtype, None, device)
        try:
            drawn = _empty(shape, dtype=dt, device=dev)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, "standard_cauchy", shape, dt, "size")
            raise
        return drawn if dev.type == "meta" else drawn.cauchy_(generator=self._gen(dev))

    def laplace(
        self,
        loc: Param = 0.0,
        scale: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Laplace (double exponential) samples; ``scale >= 0``.

        Memory and autograd: new memory; gradients reach tensor ``loc`` and ``scale``.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).laplace(0, 2, size=3).shape
        torch.Size([3])
        """
        return self._continuous(
            "laplace", _d.laplace, size, dtype, device,
            ("loc", loc, None), ("scale", scale, NONNEG),
        )  # fmt: skip

    def gumbel(
        self,
        loc: Param = 0.0,
        scale: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Gumbel (type I extreme value) samples; ``scale >= 0``.

        Memory and autograd: new memory; gradients reach tensor ``loc`` and ``scale``.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).gumbel(size=3).shape
        torch.Size([3])
        """
        return self._continuous(
            "gumbel", _d.gumbel, size, dtype, device,
            ("loc", loc, None), ("scale", scale, NONNEG),
        )  # fmt: skip

    def logistic(
        self,
        loc: Param = 0.0,
        scale: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Logistic samples; ``scale >= 0``.

        Memory and autograd: new memory; gradients reach tensor ``loc`` and ``scale``.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).logistic(1, 2, size=3).shape
        torch.Size([3])
        """
        return self._continuous(
            "logistic", _d.logistic, size, dtype, device,
            ("loc", loc, None), ("scale", scale, NONNEG),
        )  # fmt: skip

    def lognormal(
        self,
        mean: Param = 0.0,
        sigma: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Log-normal samples: ``exp`` of normal samples with ``mean`` and ``sigma >= 0``.

        Memory and autograd: new memory; gradients reach tensor parameters.

        Examples
        --------
        >>> import tbridge as tb
        >>> bool((tb.random.default_rng(0).lognormal(size=10) > 0).all())
        True
        """
        return self._continuous(
            "lognormal", _lognormal_kernel, size, dtype, device,
            ("mean", mean, None), ("sigma", sigma, NONNEG),
        )  # fmt: skip

    def pareto(
        self,
        a: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Pareto II (Lomax) samples with shape ``a > 0``, NumPy's ``pareto`` (``expm1(E / a)``).

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb
        >>> bool((tb.random.default_rng(0).pareto(3.0, size=10) >= 0).all())
        True
        """
        return self._continuous("pareto", _d.pareto, size, dtype, device, ("a", a, POS))

    def power(
        self,
        a: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Power-function samples on ``[0, 1]`` with exponent ``a - 1`` (``a > 0``).

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).power(5.0, size=10)
        >>> bool(((x >= 0) & (x <= 1)).all())
        True
        """
        return self._continuous("power", _d.power, size, dtype, device, ("a", a, POS))

    def rayleigh(
        self,
        scale: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Rayleigh samples with mode ``scale >= 0``.

        Memory and autograd: new memory; gradients reach a tensor ``scale``.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).rayleigh(2.0, size=3).shape
        torch.Size([3])
        """
        return self._continuous(
            "rayleigh", _d.rayleigh, size, dtype, device, ("scale", scale, NONNEG)
        )

    def weibull(
        self,
        a: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Weibull samples with shape ``a >= 0`` and scale 1 (``a = 0`` gives 0, as NumPy).

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).weibull(1.5, size=3).shape
        torch.Size([3])
        """
        return self._continuous("weibull", _d.weibull, size, dtype, device, ("a", a, NONNEG))

    def triangular(
        self,
        left: Param,
        mode: Param,
        right: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Triangular samples on ``[left, right]`` peaking at ``mode``.

        Raises
        ------
        ValueError
            ``left > mode``, ``mode > right`` or ``left == right``.

        Memory and autograd: new memory; gradients reach tensor parameters.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).triangular(0, 1, 4, size=100)
        >>> bool(((x >= 0) & (x <= 4)).all())
        True
        """
        dt = float_out(dtype, "triangular")
        specs: list[Spec] = [("left", left, None), ("mode", mode, None), ("right", right, None)]
        dev, shape, (lo, md, hi) = self._prepare(
            "triangular", size, device, compute_float(dt), specs
        )
        if dev.type == "meta":
            return _empty(shape, dtype=dt, device=dev)
        checked = values_checkable(lo, md, hi)
        for bad, text in ((lo > md, "left > mode"), (md > hi, "mode > right"),
                          (lo == hi, "left == right")):  # fmt: skip
            if checked and bool(bad.any()):
                raise ValueError(
                    f"triangular: {text} (left={_shown(left)}, mode={_shown(mode)}, "
                    f"right={_shown(right)}); pass left <= mode <= right with left < right"
                )
        try:
            return _d.triangular(self._gen(dev), lo, md, hi, shape).to(dt)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, "triangular", shape, dt, "size")
            raise

    def vonmises(
        self,
        mu: Param,
        kappa: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """von Mises samples on ``[-pi, pi)`` with mode ``mu`` and concentration ``kappa >= 0``.

        A rejection sampler (Best and Fisher) run on the device: a vectorized first round,
        then further rounds on the rejected entries only.

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb, math
        >>> x = tb.random.default_rng(0).vonmises(0.0, 4.0, size=100)
        >>> bool(((x >= -math.pi) & (x < math.pi)).all())
        True
        """
        return self._continuous(
            "vonmises", _d.vonmises, size, dtype, device,
            ("mu", mu, None), ("kappa", kappa, NONNEG),
        )  # fmt: skip

    def wald(
        self,
        mean: Param,
        scale: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Wald (inverse Gaussian) samples; ``mean > 0``, ``scale > 0``.

        Memory and autograd: new memory.

        Examples
        --------
        >>> import tbridge as tb
        >>> bool((tb.random.default_rng(0).wald(1.0, 2.0, size=10) > 0).all())
        True
        """
        return self._continuous(
            "wald", _d.wald, size, dtype, device, ("mean", mean, POS), ("scale", scale, POS)
        )

    def dirichlet(
        self,
        alpha: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Dirichlet samples: rows of ``len(alpha)`` non-negative entries summing to 1.

        The result has shape ``size + (len(alpha),)``. ``alpha`` is 1-d and ``>= 0`` (a zero
        component is always 0; NumPy's module function asks ``> 0``, and so does this one's).

        Memory and autograd: new memory; normalized gamma draws, taken on log-gammas so that
        small ``alpha`` works.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).dirichlet([1.0, 2.0, 3.0], size=4)
        >>> x.shape, bool(tb.all(tb.abs(x.sum(-1) - 1) < 1e-12))
        (torch.Size([4, 3]), True)
        """
        dt = float_out(dtype, "dirichlet")
        dev = self._device_of(device, (alpha,), "dirichlet")
        rule = POS if self._legacy else NONNEG
        al = param(alpha, "alpha", "dirichlet", compute_float(dt), dev, rule)
        if al.ndim != 1:
            raise ValueError(
                f"dirichlet: alpha must be 1-dimensional, got shape {tuple(al.shape)}; "
                "pass one concentration per component"
            )
        shape = (*(size_shape(size, "dirichlet") or ()), al.shape[0])
        try:
            if dev.type == "meta":
                return _empty(shape, dtype=dt, device=dev)
            return _d.dirichlet(self._gen(dev), al, shape).to(dt)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, "dirichlet", shape, dt, "size")
            raise

    def multivariate_normal(
        self,
        mean: Param,
        cov: Param,
        size: ShapeLike | None = None,
        check_valid: Literal["warn", "raise", "ignore"] = "warn",
        tol: float = 1e-8,
        *,
        method: Literal["svd", "eigh", "cholesky"] = "svd",
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Multivariate normal samples of shape ``size + (len(mean),)``.

        ``cov`` is factored on the device (``method``: ``"svd"`` as NumPy's default,
        ``"eigh"`` or ``"cholesky"``, the fastest, for positive definite ``cov``); the samples
        are ``mean + z @ factor``. ``check_valid`` says what a ``cov`` that is not symmetric
        positive semi-definite (within ``tol``) does: warn (RuntimeWarning), raise
        (ValueError) or nothing.

        Raises
        ------
        ValueError
            ``mean`` not 1-d, ``cov`` not square, their lengths differ, a bad
            ``check_valid`` or ``method``.
        tbridge.linalg.LinAlgError
            ``method="cholesky"`` with a ``cov`` that is not positive definite.

        Memory and autograd: new memory; gradients reach a tensor ``mean`` (and ``cov``
        through the factorization).

        Examples
        --------
        >>> import tbridge as tb
        >>> rng = tb.random.default_rng(0)
        >>> rng.multivariate_normal([0.0, 1.0], [[1.0, 0.5], [0.5, 2.0]], size=5).shape
        torch.Size([5, 2])
        """
        caller = "multivariate_normal"
        if check_valid not in ("warn", "raise", "ignore"):
            raise ValueError(
                f"{caller}: check_valid={check_valid!r}; pass 'warn', 'raise' or 'ignore'"
            )
        if method not in ("svd", "eigh", "cholesky"):
            raise ValueError(f"{caller}: method={method!r}; pass 'svd', 'eigh' or 'cholesky'")
        dt = float_out(dtype, caller)
        dev = self._device_of(device, (mean, cov), caller)
        cdt = compute_float(dt)
        mu = param(mean, "mean", caller, cdt, dev)
        c = param(cov, "cov", caller, cdt, dev)
        if mu.ndim != 1:
            raise ValueError(f"{caller}: mean must be 1-dimensional, got shape {tuple(mu.shape)}")
        if c.ndim != 2 or c.shape[0] != c.shape[1]:
            raise ValueError(
                f"{caller}: cov must be 2-dimensional and square, got shape {tuple(c.shape)}"
            )
        if mu.shape[0] != c.shape[0]:
            raise ValueError(
                f"{caller}: mean and cov must have the same length (mean {mu.shape[0]}, cov "
                f"{c.shape[0]})"
            )
        shape = (*(size_shape(size, caller) or ()), mu.shape[0])
        if dev.type == "meta":
            return _empty(shape, dtype=dt, device=dev)
        factor = _mvn_factor(c, check_valid, tol, method)
        try:
            z = _randn(shape, generator=self._gen(dev), dtype=cdt, device=dev)
            # addmm: one fused pass (mean + z @ factor as two ops is several times slower).
            return torch.addmm(mu, z.reshape(-1, mu.shape[0]), factor).reshape(shape).to(dt)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, caller, shape, dt, "size")
            raise

    # ---- discrete distributions --------------------------------------------------------------

    def poisson(
        self,
        lam: Param = 1.0,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Poisson counts with mean ``lam`` (``0 <= lam <= ~9.2e18``, not NaN), int64.

        Memory and autograd: new memory; counts carry no gradient.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).poisson(3.0, size=4).dtype
        torch.int64
        """
        if (
            (type(lam) is float or type(lam) is int)
            and 0 <= lam <= _d.POISSON_TORCH_MAX  # larger means: the kernel's approximation
            and dtype is None
            and device is None
        ):
            shape = fast_shape(size)
            if shape is not None:
                try:
                    rate = _tensor(float(lam), dtype=_F64, device=self._device).expand(shape)
                    return _poisson(rate, generator=self._g0).to(_I64)
                except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                    raise_for_size(e, "poisson", shape, _I64, "size")
                    raise
        return self._discrete("poisson", _d.poisson, size, dtype, device, ("lam", lam, LAM))

    def binomial(
        self,
        n: Param,
        p: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Binomial counts: successes in ``n >= 0`` trials (truncated to an integer, as NumPy)
        of probability ``p`` in ``[0, 1]``.

        Memory and autograd: new memory; counts carry no gradient.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).binomial(10, 0.5, size=100)
        >>> bool(((x >= 0) & (x <= 10)).all())
        True
        """
        return self._discrete(
            "binomial", _binomial_kernel, size, dtype, device,
            ("n", n, TRIALS), ("p", p, PROB),
        )  # fmt: skip

    def negative_binomial(
        self,
        n: Param,
        p: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Failures before the ``n``-th success (``n > 0``, may be fractional) at probability
        ``p`` in ``(0, 1]``: a gamma-Poisson mixture.

        Memory and autograd: new memory; counts carry no gradient.

        Examples
        --------
        >>> import tbridge as tb
        >>> tb.random.default_rng(0).negative_binomial(3, 0.5, size=4).dtype
        torch.int64
        """
        return self._discrete(
            "negative_binomial", _negative_binomial_kernel, size, dtype, device,
            ("n", n, POS_NOT_NAN), ("p", p, PROB_OPEN_LOW),
        )  # fmt: skip

    def geometric(
        self,
        p: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Trials up to and including the first success at probability ``p`` in ``(0, 1]``.

        Memory and autograd: new memory; counts carry no gradient.

        Examples
        --------
        >>> import tbridge as tb
        >>> bool((tb.random.default_rng(0).geometric(0.3, size=50) >= 1).all())
        True
        """
        return self._discrete(
            "geometric", _d.geometric, size, dtype, device, ("p", p, PROB_OPEN_LOW)
        )

    def hypergeometric(
        self,
        ngood: Param,
        nbad: Param,
        nsample: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Good items among ``nsample`` drawn without replacement from ``ngood + nbad``.

        ``ngood`` and ``nbad`` are in ``[0, 10**9)`` and ``0 <= nsample <= ngood + nbad``
        (NumPy's module function asks ``nsample >= 1``, and so does this one's). Samples of
        10 or more use a ratio-of-uniforms rejection sampler, run on the device.

        Memory and autograd: new memory; counts carry no gradient.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).hypergeometric(10, 5, 7, size=100)
        >>> bool(((x >= 2) & (x <= 7)).all())
        True
        """
        caller = "hypergeometric"
        dt = int_out(dtype, caller)
        sample_rule = Rule(">= 1", lambda x: x >= 1, lambda t: t >= 1) if self._legacy else COUNT
        dev, shape, (good, bad, ns) = self._prepare(
            caller, size, device, None,
            [("ngood", ngood, HYPER_COUNT), ("nbad", nbad, HYPER_COUNT),
             ("nsample", nsample, sample_rule)],
        )  # fmt: skip
        if dev.type == "meta":
            return _empty(shape, dtype=dt, device=dev)
        good, bad, ns = good.trunc(), bad.trunc(), ns.trunc()
        if values_checkable(good, bad, ns) and bool((good + bad < ns).any()):
            raise ValueError(
                f"{caller}: nsample > ngood + nbad (ngood={_shown(ngood)}, nbad={_shown(nbad)}, "
                f"nsample={_shown(nsample)}); pass nsample <= ngood + nbad"
            )
        try:
            return _d.hypergeometric(self._gen(dev), good, bad, ns, shape).to(dt)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, caller, shape, dt, "size")
            raise

    def logseries(
        self,
        p: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Logarithmic series counts (``>= 1``) with ``p`` in ``[0, 1)``; a rejection sampler
        run on the device.

        Memory and autograd: new memory; counts carry no gradient.

        Examples
        --------
        >>> import tbridge as tb
        >>> bool((tb.random.default_rng(0).logseries(0.6, size=50) >= 1).all())
        True
        """
        return self._discrete(
            "logseries", _d.logseries, size, dtype, device, ("p", p, PROB_OPEN_HIGH)
        )

    def zipf(
        self,
        a: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Zipf (zeta) counts with exponent ``a > 1``; a rejection sampler run on the device.

        Memory and autograd: new memory; counts carry no gradient.

        Examples
        --------
        >>> import tbridge as tb
        >>> bool((tb.random.default_rng(0).zipf(2.0, size=50) >= 1).all())
        True
        """
        return self._discrete("zipf", _d.zipf, size, dtype, device, ("a", a, ZIPF))

    def multinomial(
        self,
        n: Param,
        pvals: Param,
        size: ShapeLike | None = None,
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Counts of ``n`` draws over categories of probabilities ``pvals`` (last axis).

        The result has shape ``size + (k,)``, or ``broadcast(n, pvals[..., 0]) + (k,)``
        without ``size``. The last category takes the probability the others leave: only
        ``sum(pvals[..., :-1]) <= 1`` is required, as in NumPy.

        Raises
        ------
        ValueError
            ``n < 0``; ``pvals`` with an entry outside ``[0, 1]`` or NaN, or whose leading
            entries sum past 1; ``pvals`` without a category axis.

        Memory and autograd: new memory; counts carry no gradient.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).multinomial(20, [0.2, 0.3, 0.5], size=4)
        >>> x.shape, x.sum(-1).tolist()
        (torch.Size([4, 3]), [20, 20, 20, 20])
        """
        caller = "multinomial"
        dt = int_out(dtype, caller)
        dev = self._device_of(device, (n, pvals), caller)
        cdt = discrete_compute(dev)
        count = param(n, "n", caller, cdt, dev, TRIALS).trunc()
        probs = param(pvals, "pvals", caller, cdt, dev, PROB)
        if probs.ndim == 0 or probs.shape[-1] == 0:
            # NumPy's legacy module function calls a 0-d pvals a wrong type; its Generator
            # calls any such pvals a wrong value.
            error = TypeError if self._legacy and probs.ndim == 0 else ValueError
            raise error(
                f"{caller}: pvals must have at least 1 dimension with at least one category on "
                f"its last axis, got shape {tuple(probs.shape)}"
            )
        k = probs.shape[-1]
        batch = result_shape(caller, size, ["n", "pvals[..., 0]"], [count, probs[..., 0]])
        if dev.type == "meta":
            return _empty((*batch, k), dtype=dt, device=dev)
        if values_checkable(probs) and bool((probs[..., :-1].sum(-1) > 1.0 + 1e-12).any()):
            raise ValueError(
                f"{caller}: sum(pvals[..., :-1]) > 1; the probabilities of all but the last "
                "category must sum to at most 1"
            )
        try:
            return _d.multinomial(self._gen(dev), count, probs, (*batch, k)).to(dt)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, caller, (*batch, k), dt, "size")
            raise

    def multivariate_hypergeometric(
        self,
        colors: Param,
        nsample: int,
        size: ShapeLike | None = None,
        method: Literal["marginals", "count"] = "marginals",
        *,
        dtype: DTypeLike | None = None,
        device: DeviceLike | None = None,
    ) -> Tensor:
        """Counts of each color among ``nsample`` items drawn without replacement.

        ``colors`` holds how many items of each color there are (1-d, ``>= 0``); the result
        has shape ``size + (len(colors),)``. Both methods draw the same distribution here,
        color by color from hypergeometric marginals; ``"marginals"`` keeps NumPy's limit
        ``sum(colors) < 10**9``, and ``"count"`` draws sums below ``2**40`` (the
        hypergeometric sampler computes in float64, whose log-factorials skew the counts
        from ~2**44 on; NumPy's ``"count"`` holds an array of ``sum(colors)`` items).

        Memory and autograd: new memory; counts carry no gradient.

        Examples
        --------
        >>> import tbridge as tb
        >>> x = tb.random.default_rng(0).multivariate_hypergeometric([3, 4, 5], 6, size=2)
        >>> x.shape, x.sum(-1).tolist()
        (torch.Size([2, 3]), [6, 6])
        """
        caller = "multivariate_hypergeometric"
        if method not in ("marginals", "count"):
            raise ValueError(f"{caller}: method={method!r}; pass 'marginals' or 'count'")
        dt = int_out(dtype, caller)
        dev = self._device_of(device, (colors,), caller)
        cdt = discrete_compute(dev)
        raw = colors if isinstance(colors, Tensor) else as_tensor(colors, caller, "colors")
        if raw.numel() and (raw.dtype not in _INT_RANGE or raw.dtype == torch.bool):
            raise ValueError(
                f"{caller}: colors must be a one-dimensional sequence of nonnegative integers "
                f"not exceeding {_INT_RANGE[_I64][1]}, got {raw.dtype} values; pass integer "
                "counts (tb.astype(colors, tb.int64) if they are whole numbers)"
            )
        col = param(colors, "colors", caller, cdt, dev, COUNT)
        if col.ndim != 1:
            raise ValueError(
                f"{caller}: colors must be a 1-dimensional sequence of non-negative integers, "
                f"got shape {tuple(col.shape)}"
            )
        if not _is_int_like(nsample):
            raise ValueError(f"{caller}: nsample={nsample!r} must be an integer")
        ns = int(nsample)
        if ns < 0:
            raise ValueError(f"{caller}: nsample={ns} must be >= 0")
        shape = (*(size_shape(size, caller) or ()), col.shape[0])
        if dev.type == "meta":
            return _empty(shape, dtype=dt, device=dev)
        total = float(col.sum())
        if total >= _TWO63_F:
            raise ValueError(
                f"{caller}: sum(colors) must not exceed the maximum value of a 64 bit signed "
                f"integer ({_INT_RANGE[_I64][1]}), it is {total:.6g}; pass smaller colors"
            )
        if ns > total:
            raise ValueError(f"{caller}: nsample={ns} > sum(colors)={total:.0f}")
        if method == "marginals" and total >= 10**9:
            fix = "method='count'" if total < _MVHG_COUNT_MAX else "smaller colors"
            raise ValueError(
                f"{caller}: with method='marginals' sum(colors) must be < 10**9 (it is "
                f"{total:.0f}); pass {fix}"
            )
        if total >= _MVHG_COUNT_MAX:
            raise ValueError(
                f"{caller}: sum(colors)={total:.0f} is at or past 2**40 ({_MVHG_COUNT_MAX:.0f}), "
                "beyond which this sampler's float64 arithmetic skews the counts (NumPy's "
                "method='count' needs memory for sum(colors) items and cannot draw such totals "
                "either, and method='marginals' stops at 10**9); pass colors that sum below it"
            )
        g = self._gen(dev)
        batch = shape[:-1]
        try:
            if col.shape[0] == 0:  # no colors: nothing to draw (nsample is 0 here)
                return torch.zeros(shape, dtype=dt, device=dev)
            left = torch.full(batch, float(ns), dtype=cdt, device=dev)
            rest = total
            columns = []
            for j in range(col.shape[0] - 1):
                cj = col[j]
                rest -= float(cj)
                draw = _d.hypergeometric(g, cj, cj.new_tensor(rest), left, batch)
                columns.append(draw)
                left = left - draw
            columns.append(left)
            return torch.stack(columns, dim=-1).to(dt)
        except (RuntimeError, TypeError) as e:  # too big, or no memory for it
            raise_for_size(e, caller, shape, dt, "size")
            raise


# ---- helpers -----------------------------------------------------------------------------------


def _shown(value: object) -> str:
    if isinstance(value, (int, float, np.number)):
        return repr(value)
    return "an array"


def _normal_kernel(g: Gen, loc: Tensor, scale: Tensor, shape: tuple[int, ...]) -> Tensor:
    return loc + scale * _randn(shape, generator=g, dtype=scale.dtype, device=scale.device)


def _exponential_kernel(g: Gen, scale: Tensor, shape: tuple[int, ...]) -> Tensor:
    return scale * _d.exponential01(g, shape, scale.dtype, scale.device)


def _gamma_kernel(g: Gen, k: Tensor, scale: Tensor, shape: tuple[int, ...]) -> Tensor:
    return scale * _d.standard_gamma(g, k, shape)


def _lognormal_kernel(g: Gen, mean: Tensor, sigma: Tensor, shape: tuple[int, ...]) -> Tensor:
    return torch.exp(_normal_kernel(g, mean, sigma, shape))


def _noncentral_chisquare_kernel(
    g: Gen, df: Tensor, nonc: Tensor, shape: tuple[int, ...]
) -> Tensor:
    # torch.poisson refuses NaN rates; NumPy lets a NaN nonc through as NaN samples.
    bad = nonc.isnan()
    out = _d.noncentral_chisquare(g, df, torch.where(bad, 0.0, nonc), shape)
    return torch.where(bad, nonc, out)


def _noncentral_f_kernel(
    g: Gen, dfnum: Tensor, dfden: Tensor, nonc: Tensor, shape: tuple[int, ...]
) -> Tensor:
    bad = nonc.isnan()
    out = _d.noncentral_f(g, dfnum, dfden, torch.where(bad, 0.0, nonc), shape)
    return torch.where(bad, nonc, out)


def _binomial_kernel(g: Gen, n: Tensor, p: Tensor, shape: tuple[int, ...]) -> Tensor:
    return _d.binomial(g, n.trunc(), p, shape)


def _negative_binomial_kernel(g: Gen, n: Tensor, p: Tensor, shape: tuple[int, ...]) -> Tensor:
    # NumPy's Generator rule: the Poisson mean the count is drawn from, 10 standard deviations
    # of the gamma mixing it included, must stay below the largest mean whose counts fit int64.
    if n.ndim == 0 and p.ndim == 0 and n.device.type == "cpu" and values_checkable(n, p):
        nn, pp = n.item(), p.item()  # two numbers: checked in Python, 1 us instead of 10
        too_large = (1 - pp) / pp * (nn + 10 * math.sqrt(nn)) > LAM_MAX
    else:
        too_large = values_checkable(n, p) and bool(
            ((1 - p) / p * (n + 10 * torch.sqrt(n)) > LAM_MAX).any()
        )
    if too_large:
        shown = [repr(t.item()) if t.numel() == 1 else "an array" for t in (n, p)]
        raise ValueError(
            f"negative_binomial: n too large or p too small (n={shown[0]}, p={shown[1]}): "
            f"the Poisson mean (1 - p) / p * n, plus 10 of its standard deviations, passes "
            f"{LAM_MAX:.6g}, and the counts would not fit int64; pass a smaller n or a larger p"
        )
    return _d.negative_binomial(g, n, p, shape)


def _to_int_dtype(drawn: Tensor, dt: torch.dtype) -> Tensor:
    if dt == _I64:
        return drawn
    if dt == torch.uint64:
        return drawn.view(torch.uint64)
    return drawn.to(dt)


def _int_tensor(value: object, name: str, caller: str, dev: torch.device) -> Tensor:
    t = as_tensor(value, caller, name)
    if t.dtype.is_complex:
        raise TypeError(f"{caller}: {name} is complex; pass integers")
    if t.dtype.is_floating_point:
        if values_checkable(t) and not bool(torch.isfinite(t).all()):
            raise ValueError(f"{caller}: {name} has entries that are not finite; pass integers")
        t = t.trunc()
    if t.dtype == torch.uint64:
        raise ValueError(
            f"{caller}: array bounds of dtype uint64 are not supported; pass int64 bounds (or "
            "scalar bounds, which cover the whole uint64 range)"
        )
    return t.to(device=dev, dtype=_I64)


def _check_int_bounds(
    caller: str,
    lo: Tensor,
    top: Tensor,
    span: Tensor,
    dt: torch.dtype,
    endpoint: bool,
    nothing: bool,
) -> None:
    """NumPy's rules on array bounds of ``integers`` (``top`` is one past the last value).

    An empty range is allowed when ``nothing`` is drawn (a size with no entries), as in NumPy.
    """
    lo_ok, hi_ok = _INT_RANGE[dt]
    if bool((lo < lo_ok).any()):
        raise ValueError(f"{caller}: low has entries out of bounds for {dt} (below {lo_ok})")
    if bool((top - 1 > min(hi_ok, 2**63 - 1)).any()):
        raise ValueError(f"{caller}: high has entries out of bounds for {dt} (above {hi_ok})")
    if not nothing and bool((top <= lo).any()):
        raise ValueError(
            f"{caller}: empty range in some entries (low >= high, endpoint={endpoint}); "
            "pass high > low in every entry"
        )
    if bool(((span <= 0) & (top > lo)).any()):  # wrapped past int64
        raise ValueError(
            f"{caller}: with array bounds a range may hold at most 2**63 - 1 values; draw "
            "the wider ranges with scalar bounds"
        )


def _distinct_below(g: Gen, pop: int, k: int, dev: torch.device) -> Tensor:
    """``k`` distinct integers below ``pop`` in random order: draws with repeats dropped.

    For a sample much smaller than the population: a repeat drawn again is exactly sequential
    sampling without replacement, and costs ``k log k``, not a permutation of ``pop``.
    """
    got = _empty(0, dtype=_I64, device=dev)
    while got.numel() < k:
        need = k - got.numel()
        drawn = torch.cat([got, _d.integers_below(g, pop, (need + need // 8 + 16,), dev)])
        uniq, inverse = torch.unique(drawn, return_inverse=True)
        first = torch.full(uniq.shape, drawn.numel(), dtype=_I64, device=dev)
        first.scatter_reduce_(0, inverse, torch.arange(drawn.numel(), device=dev), "amin")
        got = drawn[first.sort().values][:k]
    return got


def _mvn_factor(c: Tensor, check_valid: str, tol: float, method: str) -> Tensor:
    """``F`` with ``F.T @ F == c`` for a symmetric positive semi-definite ``c`` (NumPy's check)."""
    caller = "multivariate_normal"
    if method == "cholesky":
        try:
            lower: Tensor = torch.linalg.cholesky(c)
            return lower.mT
        except RuntimeError as e:  # torch.linalg.LinAlgError is a RuntimeError
            raise LinAlgError(
                f"{caller}: cov is not positive definite, so method='cholesky' cannot factor "
                "it; pass method='svd' or 'eigh' for a semi-definite cov"
            ) from e
    if method == "svd":
        s: Tensor
        vh: Tensor
        _, s, vh = torch.linalg.svd(c)
        psd = (
            check_valid == "ignore"
            or not values_checkable(c)
            or torch.allclose((vh.mT * s) @ vh, c, rtol=tol, atol=tol)
        )
        factor = s.sqrt()[:, None] * vh
    else:
        s, u = torch.linalg.eigh(c)
        psd = check_valid == "ignore" or not values_checkable(c) or bool((s >= -tol).all())
        factor = (u * s.clamp(min=0).sqrt()).mT
    if not psd:
        message = f"{caller}: cov is not symmetric positive semi-definite (within tol={tol})"
        if check_valid == "raise":
            raise ValueError(message + "; pass a valid covariance or check_valid='ignore'")
        warnings.warn(message, RuntimeWarning, stacklevel=4)
    return factor
