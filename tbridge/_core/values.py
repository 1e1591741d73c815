"""Value-level helpers the searching, sorting and set chapters share.

* NumPy's order of complex values (torch cannot sort complex): by real part, then imaginary
  part, values holding NaN last.
* Same-size signed views of the unsigned dtypes torch has no kernels for (pytorch#58734): exact
  for equality, non-zero tests and data movement.
* Python scalars beside arrays: the dtype a lone scalar takes (NumPy's defaults), the dtype two
  operands combine to, NumPy 2's rule that a Python integer must fit the array's dtype, and
  how NumPy reads a reduction's ``initial`` in the dtype it computes in.
* The refusals these chapters share: data-dependent shapes on ``meta`` tensors, complex values
  where an order is needed.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import Tensor

from tbridge._core.dtypes import (
    INT_BOUNDS,
    SIGNED_TWIN,
    default_complex_dtype,
    default_float_dtype,
)
from tbridge._core.promotion import promote, result_type
from tbridge._core.typing import Scalar

__all__ = [
    "Scalar",
    "common_dtype",
    "complex_argsort",
    "fits",
    "initial_value",
    "lone_scalar_dtype",
    "no_data",
    "no_order",
    "scalar_tensor",
    "signed_view",
]


def signed_view(t: Tensor) -> Tensor:
    """A same-size signed view of an unsigned tensor torch cannot compute with (pytorch#58734);
    any other tensor as it is."""
    twin = SIGNED_TWIN.get(t.dtype)
    return t if twin is None else t.view(twin)


def no_data(caller: str) -> ValueError:
    """The refusal of a data-dependent result shape on a ``meta`` tensor."""
    return ValueError(
        f"{caller}: the result's shape depends on the values, and a meta tensor holds none; "
        "call it on a tensor with data (e.g. on 'cpu')"
    )


def no_order(caller: str, dtype: torch.dtype) -> TypeError:
    """The refusal of an order-based operation on values torch cannot order."""
    return TypeError(
        f"{caller}: {dtype} values have no order torch can search; pass a real array "
        "(tb.real(x) or tb.abs(x) for complex data)"
    )


def fits(value: int, dt: torch.dtype) -> bool:
    """Whether the Python integer ``value`` is within the integer dtype ``dt``'s range."""
    lo, hi = INT_BOUNDS[dt]
    return lo <= value <= hi


def scalar_tensor(value: Scalar, dt: torch.dtype, device: torch.device, caller: str) -> Tensor:
    """A Python scalar as a 0-d tensor of ``dt``; integers must fit it (NumPy 2's NEP 50 rule).

    Raises
    ------
    OverflowError
        For an integer outside ``dt``'s range.
    """
    if dt in INT_BOUNDS and isinstance(value, int) and not fits(value, dt):
        lo, hi = INT_BOUNDS[dt]
        raise OverflowError(
            f"{caller}: Python integer {value} is out of bounds for {dt} ({lo}..{hi}); pass an "
            "array of a wider dtype, e.g. tb.asarray(value, dtype=tb.int64)"
        )
    return torch.tensor(value, dtype=dt, device=device)


def lone_scalar_dtype(value: Scalar) -> torch.dtype:
    """The dtype a lone Python scalar takes: NumPy's defaults (tbridge's floating defaults)."""
    if isinstance(value, bool):
        return torch.bool
    if isinstance(value, int):
        return torch.int64
    if isinstance(value, float):
        return default_float_dtype()
    return default_complex_dtype()


def common_dtype(a: Tensor | Scalar, b: Tensor | Scalar) -> torch.dtype:
    """The dtype two operands combine to; Python scalars are weak beside a tensor."""
    if isinstance(a, Tensor) or isinstance(b, Tensor):
        return result_type(a, b)
    return promote(lone_scalar_dtype(a), lone_scalar_dtype(b))


def complex_argsort(t: Tensor, axis: int, descending: bool) -> Tensor:
    """Stable argsort of complex values in NumPy's order: by real part, then imaginary part,
    with values holding NaN last, as ``R+Rj < R+nanj < nan+Rj < nan+nanj``."""
    real, imag = t.real, t.imag
    nan_class = torch.isnan(imag).to(torch.uint8) + 2 * torch.isnan(real).to(torch.uint8)
    perm = torch.argsort(imag, dim=axis, descending=descending, stable=True)
    for key in (real, nan_class):
        step = torch.argsort(
            key.take_along_dim(perm, axis), dim=axis, descending=descending, stable=True
        )
        perm = perm.take_along_dim(step, axis)
    return perm


def initial_value(initial: object, dt: torch.dtype, caller: str) -> Scalar | Tensor:
    """A reduction's ``initial`` as a Python number of the kind of ``dt``, the dtype the
    reduction computes in, read as NumPy reads it (``bool()``, ``int()``, ``float()`` or
    ``complex()``; a tensor is returned as it is, on its graph).

    A float truncates into an integer dtype. A NumPy integer wraps around into an unsigned
    dtype, as NumPy casts it there.

    Raises
    ------
    TypeError
        ``initial`` is not a number, or is complex and ``dt`` real.
    ValueError
        NaN into an integer dtype.
    OverflowError
        Infinity, or a value past an integer dtype's range (NumPy stores an undefined integer
        for a NumPy float there).
    """
    if type(initial) is float and dt.is_floating_point:  # the common call
        return initial
    if isinstance(initial, Tensor):
        return initial
    if not isinstance(initial, (bool, int, float, complex, np.number, np.bool_)):
        raise TypeError(
            f"{caller}: initial={initial!r} is not a number; pass a Python or NumPy scalar"
        )
    if not (dt is torch.bool or dt.is_complex) and isinstance(
        initial, (complex, np.complexfloating)
    ):
        raise TypeError(
            f"{caller}: initial={initial!r} is complex, but the reduction computes in {dt}; "
            "pass a real initial, or a complex array"
        )
    if dt is torch.bool:
        return bool(initial)
    if dt.is_complex:
        return complex(initial)
    if dt.is_floating_point:
        return float(initial)  # type: ignore[arg-type]
    if isinstance(initial, (float, np.floating)) and not math.isfinite(initial):
        raise (ValueError if math.isnan(initial) else OverflowError)(
            f"{caller}: initial={initial!r} has no value in {dt}, an integer dtype; pass a "
            "finite initial"
        )
    number = int(initial)  # type: ignore[arg-type]  # (a float truncates toward zero)
    lo, hi = INT_BOUNDS[dt]
    if isinstance(initial, np.integer) and lo == 0:
        return number % (hi + 1)
    if not lo <= number <= hi:
        raise OverflowError(
            f"{caller}: initial={initial!r} is out of bounds for {dt} (its range is "
            f"[{lo}, {hi}]); pass an initial within its range"
        )
    return number
