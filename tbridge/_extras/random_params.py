"""Arguments of the random samplers: parameters, sizes, dtypes and NumPy's parameter rules.

Every sampler method turns its distribution parameters into tensors here (``param``), checks
them against NumPy's rule for that parameter (``Rule``: NumPy's ``normal(scale=-1)`` is a
``ValueError`` naming ``scale``, and so is it here), and finds the result's shape from ``size``
and the parameters' broadcast shape with NumPy's semantics (``result_shape``).

Memory and autograd: a tensor parameter passes through (cast to the computing dtype when it
differs), so samples built from it stay on its autograd graph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Final, TypeAlias

import numpy as np
import torch
from torch import Tensor

from tbridge._convert.gate import as_tensor
from tbridge._core.axes import AxisWording, check_axis
from tbridge._core.dtypes import (
    INTEGERS,
    REAL_FLOATS,
    DTypeLike,
    default_float_dtype,
    torch_dtype,
)
from tbridge._core.normalize import ShapeLike, torch_shape
from tbridge._core.signatures import broadcast_shapes
from tbridge._core.tracing import values_checkable

__all__ = [
    "COUNT",
    "HYPER_COUNT",
    "LAM",
    "NONNEG",
    "POS",
    "POS_NOT_NAN",
    "PROB",
    "PROB_OPEN_HIGH",
    "PROB_OPEN_LOW",
    "TRIALS",
    "ZIPF",
    "Param",
    "Rule",
    "compute_float",
    "discrete_compute",
    "fast_shape",
    "float_out",
    "int_out",
    "normalize_axis",
    "param",
    "result_shape",
    "size_shape",
    "values_checkable",
]

#: A distribution parameter: a number, a tensor, a NumPy array or a nested sequence of numbers.
Param: TypeAlias = "float | int | Tensor | np.ndarray[Any, Any] | Sequence[Any]"


class Rule:
    """NumPy's constraint on one parameter, checked on numbers and on tensors alike."""

    __slots__ = ("scalar", "tensor", "text")

    def __init__(
        self, text: str, scalar: Callable[[float], bool], tensor: Callable[[Tensor], Tensor]
    ) -> None:
        self.text = text
        self.scalar = scalar
        self.tensor = tensor

    def scalar_error(self, caller: str, name: str, value: object) -> ValueError | OverflowError:
        return ValueError(f"{caller}: {name}={value!r}, but {name} must be {self.text}")

    def tensor_error(
        self, caller: str, name: str, t: Tensor, ok: Tensor
    ) -> ValueError | OverflowError:
        bad = t.detach()[~ok]
        first = bad.reshape(-1)[0].item()
        return ValueError(
            f"{caller}: {name} has {bad.numel()} of {t.numel()} entries out of range "
            f"(the first is {first!r}); {name} must be {self.text}"
        )

    def check(self, caller: str, name: str, t: Tensor) -> None:
        if not values_checkable(t):
            return
        ok = self.tensor(t)
        if not bool(ok.all()):
            raise self.tensor_error(caller, name, t, ok)


def _not_negative(x: float) -> bool:
    return not x < 0


#: NumPy lets NaN through ``>= 0`` and ``> 0`` (the samples are NaN); the other rules refuse it.
NONNEG: Final = Rule(">= 0", _not_negative, lambda t: ~(t < 0))
POS: Final = Rule("> 0", lambda x: not x <= 0, lambda t: ~(t <= 0))
POS_NOT_NAN: Final = Rule("> 0 and not NaN", lambda x: x > 0, lambda t: t > 0)
COUNT: Final = Rule(">= 0 and not NaN", lambda x: x >= 0, lambda t: t >= 0)
PROB: Final = Rule(
    "a probability in [0, 1] (not NaN)", lambda x: 0 <= x <= 1, lambda t: (t >= 0) & (t <= 1)
)
PROB_OPEN_LOW: Final = Rule(
    "in (0, 1] (not NaN)", lambda x: 0 < x <= 1, lambda t: (t > 0) & (t <= 1)
)
PROB_OPEN_HIGH: Final = Rule(
    "in [0, 1) (not NaN)", lambda x: 0 <= x < 1, lambda t: (t >= 0) & (t < 1)
)
ZIPF: Final = Rule("> 1 (not NaN)", lambda x: x > 1, lambda t: t > 1)
#: NumPy's largest Poisson mean: the int64 range less ten standard deviations.
LAM_MAX: Final = float(np.iinfo(np.int64).max - np.sqrt(np.iinfo(np.int64).max) * 10)
LAM: Final = Rule(
    f"in [0, {LAM_MAX:.6g}] (not NaN; larger means overflow int64)",
    lambda x: 0 <= x <= LAM_MAX,
    lambda t: (t >= 0) & (t <= LAM_MAX),
)


class _Int64Count(Rule):
    """A count NumPy reads as an int64: one of 2**63 or more is NumPy's OverflowError, a
    negative or NaN one its ValueError."""

    __slots__ = ()

    def scalar_error(self, caller: str, name: str, value: object) -> ValueError | OverflowError:
        if isinstance(value, (int, float)) and value >= 2**63:
            return OverflowError(
                f"{caller}: {name}={value!r} does not fit int64; {name} must be {self.text}"
            )
        return super().scalar_error(caller, name, value)

    def tensor_error(
        self, caller: str, name: str, t: Tensor, ok: Tensor
    ) -> ValueError | OverflowError:
        first = t.detach()[~ok].reshape(-1)[0].item()
        if first >= 2**63:
            return OverflowError(
                f"{caller}: {name} has entries that do not fit int64 (the first is {first!r}); "
                f"{name} must be {self.text}"
            )
        return super().tensor_error(caller, name, t, ok)


#: The number of trials of ``binomial`` and ``multinomial``.
TRIALS: Final = _Int64Count(
    "in [0, 2**63) (not NaN)", lambda x: 0 <= x < 2**63, lambda t: (t >= 0) & (t < 2.0**63)
)
HYPER_COUNT: Final = Rule(
    "in [0, 10**9) (not NaN)", lambda x: 0 <= x < 10**9, lambda t: (t >= 0) & (t < 10**9)
)


def float_out(dtype: DTypeLike | None, caller: str) -> torch.dtype:
    """The samples' floating dtype: tbridge's default float unless ``dtype`` says otherwise."""
    if dtype is None:
        return default_float_dtype()
    dt = torch_dtype(dtype, caller=caller)
    if dt not in REAL_FLOATS:
        raise ValueError(
            f"{caller}: samples need a real floating dtype, got {dt}; pass e.g. dtype=tb.float64"
        )
    return dt


def int_out(dtype: DTypeLike | None, caller: str, *, allow_bool: bool = False) -> torch.dtype:
    """The samples' integer dtype: int64 (NumPy's) unless ``dtype`` says otherwise."""
    if dtype is None:
        return torch.int64
    dt = torch_dtype(dtype, caller=caller)
    if dt not in INTEGERS and not (allow_bool and dt == torch.bool):
        raise ValueError(
            f"{caller}: dtype must be an integer dtype, got {dt}; pass e.g. dtype=tb.int64"
        )
    return dt


def compute_float(dt: torch.dtype) -> torch.dtype:
    """The dtype the kernels compute in for samples of ``dt`` (float64 or float32)."""
    if dt in (torch.float64, torch.float32):
        return dt
    return torch.float32


def discrete_compute(device: torch.device) -> torch.dtype:
    """Discrete samplers compute their counts in float64, float32 where the device has no other."""
    return torch.float32 if device.type == "mps" else torch.float64


def fast_shape(size: object) -> tuple[int, ...] | None:
    """``size`` when it is a non-negative int or a tuple of them (the fast paths); else None."""
    if type(size) is int:
        return (size,) if size >= 0 else None
    if type(size) is tuple:
        for d in size:
            if type(d) is not int or d < 0:
                return None
        return size
    return None


def size_shape(size: ShapeLike | None, caller: str) -> tuple[int, ...] | None:
    """``size`` as a shape tuple (None stays None); a 1-d integer NumPy array is a shape too,
    as NumPy reads it."""
    if size is None:
        return None
    if isinstance(size, np.ndarray) and size.ndim == 1 and size.dtype.kind in "iu":
        return torch_shape(tuple(size.tolist()), caller)
    return torch_shape((size,), caller)


def result_shape(
    caller: str, size: ShapeLike | None, names: Sequence[str], params: Sequence[Tensor]
) -> tuple[int, ...]:
    """The samples' shape, NumPy's rule: ``size`` when given (the parameters must broadcast to
    it), else the parameters' broadcast shape."""
    shapes = [p.shape for p in params]
    try:
        common = tuple(broadcast_shapes(*shapes))
    except RuntimeError as e:
        listed = ", ".join(f"{n} {tuple(s)}" for n, s in zip(names, shapes, strict=True))
        raise ValueError(
            f"{caller}: the parameters' shapes do not broadcast together ({listed}); pass "
            "parameters whose shapes broadcast (trailing axes equal or 1)"
        ) from e
    shape = size_shape(size, caller)
    if shape is None:
        return common
    try:
        fits = tuple(broadcast_shapes(shape, common)) == shape
    except RuntimeError:
        fits = False
    if not fits:
        raise ValueError(
            f"{caller}: size={shape} does not fit the parameters, which broadcast to {common}; "
            f"pass a size the parameters broadcast to (ending in {common}), or size=None"
        )
    return shape


def param(
    value: object,
    name: str,
    caller: str,
    dt: torch.dtype,
    device: torch.device,
    rule: Rule | None = None,
) -> Tensor:
    """One distribution parameter as a tensor of ``dt`` on ``device``, checked against ``rule``.

    Numbers, NumPy data and sequences go through the input gate; a tensor must already be on
    ``device`` (a 0-d CPU tensor is moved, as torch moves such scalars), else ValueError.
    """
    kind = type(value)
    if kind is float or kind is int:
        if rule is not None and not rule.scalar(value):  # type: ignore[arg-type]
            raise rule.scalar_error(caller, name, value)
        return torch.tensor(value, dtype=dt, device=device)
    if isinstance(value, Tensor):
        t = value
        if t.device != device:
            if t.ndim == 0 and t.device.type == "cpu":
                t = t.to(device)
            else:
                raise ValueError(
                    f"{caller}: {name} is on {t.device} but the samples are drawn on {device}; "
                    f"move it (tb.to_device({name}, {str(device)!r})) or pass "
                    f"device={str(t.device)!r}"
                )
    else:
        t = as_tensor(value, caller, name)
    if t.dtype.is_complex:
        raise TypeError(
            f"{caller}: {name} is complex ({t.dtype}); distribution parameters are real, pass "
            f"the real part (tb.real({name})) if that is what you mean"
        )
    t = t.to(device=device, dtype=dt)
    if rule is not None:
        rule.check(caller, name, t)
    return t


#: ``normalize_axis(axis, ndim, caller)``: ``axis`` as a non-negative int below ``ndim``;
#: NumPy's AxisError if it is not one (the shared check, in the samplers' wording).
normalize_axis: Final = partial(
    check_axis,
    wording=AxisWording(
        "{caller}: axis {axis!r} is not an integer; pass an int",
        "{caller}: axis {i} is out of bounds for an array of {ndim} dimension(s); a valid axis "
        "is in [{lo}, {ndim})",
    ),
)
