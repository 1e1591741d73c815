"""Type promotion: the Array API's table, NumPy's rules where the standard is silent.

torch promotes differently in two ways this module corrects (pytorch#58734 tracks the Array API
work): a 0-d tensor counts as a "scalar" and loses to a lower-precision tensor
(``int32 tensor + 0-d int64 tensor`` gives int32; the standard says int64), and the unsigned
types uint16/32/64 refuse to promote at all. Promotion here is computed from NumPy's table
(which contains the standard's) through the one dtype table, and cached per dtype pair.
Python scalars are "weak": they take the array's dtype within their kind, and the default
dtype of their kind (tbridge's defaults) above it.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import torch
from torch import Tensor

from tbridge._core.dtypes import (
    default_complex_dtype,
    default_float_dtype,
    numpy_dtype_of,
    torch_dtype,
)
from tbridge._core.typing import Scalar

__all__ = ["Scalar", "promote", "result_type", "scalar_result"]


_PAIR_CACHE: dict[tuple[torch.dtype, torch.dtype], torch.dtype] = {}

#: kind rank: bool < integer < real floating < complex floating
_BOOL, _INT, _FLOAT, _COMPLEX = 0, 1, 2, 3


def kind_rank(dtype: torch.dtype) -> int:
    """0 for bool, 1 for integers, 2 for real floating, 3 for complex floating."""
    if dtype.is_complex:
        return _COMPLEX
    if dtype.is_floating_point:
        return _FLOAT
    if dtype == torch.bool:
        return _BOOL
    return _INT


def promote(a: torch.dtype, b: torch.dtype) -> torch.dtype:
    """The result dtype of combining arrays of dtypes ``a`` and ``b``."""
    if a is b:
        return a
    key = (a, b)
    found = _PAIR_CACHE.get(key)
    if found is not None:
        return found
    na, nb = numpy_dtype_of(a), numpy_dtype_of(b)
    if na is None or nb is None or torch.bfloat16 in key:
        result = _promote_torch(a, b)
    else:
        result = torch_dtype(np.promote_types(na, nb))
    _PAIR_CACHE[key] = result
    return result


def _promote_torch(a: torch.dtype, b: torch.dtype) -> torch.dtype:
    try:
        return torch.promote_types(a, b)
    except RuntimeError as e:
        raise TypeError(f"result_type: {a} and {b} do not promote: {e}") from e


_SCALAR_RANK: Final[dict[type, int]] = {bool: _BOOL, int: _INT, float: _FLOAT, complex: _COMPLEX}


def scalar_result(dtype: torch.dtype, scalar: object) -> torch.dtype:
    """The result dtype of an array of ``dtype`` combined with a Python scalar (weak typing)."""
    rank = _SCALAR_RANK.get(type(scalar))
    if rank is None:
        raise TypeError(
            f"{scalar!r} of type {type(scalar).__name__} is not an array or a Python scalar; pass "
            "a tensor or a bool/int/float/complex"
        )
    own = kind_rank(dtype)
    if rank <= own:
        return dtype
    if rank == _INT:
        return torch.int64
    if rank == _FLOAT:
        return default_float_dtype()
    # complex scalar: keep the array's floating precision when it has one
    if dtype in (torch.float32, torch.float16):
        return torch.complex64
    if dtype == torch.float64:
        return torch.complex128
    return default_complex_dtype()


def result_type(*arrays_and_dtypes: Any) -> torch.dtype:
    """The dtype that combining these arrays, dtypes and Python scalars gives (Array API).

    Arrays and dtypes promote by the standard's table (NumPy's where the standard is silent,
    e.g. integer with floating); Python scalars are weak and apply last.

    Raises
    ------
    ValueError
        When nothing but Python scalars (or nothing at all) is given.
    TypeError
        For values that are neither arrays, dtypes nor Python scalars.
    """
    if len(arrays_and_dtypes) == 2:  # the common call, two arrays: straight to the pair cache
        a, b = arrays_and_dtypes
        if type(a) is Tensor and type(b) is Tensor:
            da, db = a.dtype, b.dtype
            if da is db:
                return da
            found = _PAIR_CACHE.get((da, db))
            if found is not None:
                return found
    current: torch.dtype | None = None
    scalars = []
    for item in arrays_and_dtypes:
        if isinstance(item, torch.Tensor):
            dt = item.dtype
        elif isinstance(item, (bool, int, float, complex)):
            scalars.append(item)
            continue
        elif isinstance(item, np.ndarray):
            dt = torch_dtype(item.dtype)
        else:
            dt = _as_dtype(item)
        current = dt if current is None else promote(current, dt)
    if current is None:
        raise ValueError(
            "result_type: at least one array or dtype is needed; Python scalars alone have no "
            "dtype in the Array API"
        )
    for s in scalars:
        current = scalar_result(current, s)
    return current


def _as_dtype(item: object) -> torch.dtype:
    try:
        return torch_dtype(item)  # type: ignore[arg-type]
    except TypeError as e:
        if "no torch twin" in str(e):  # a dtype, but one torch lacks: say that, not "no dtype"
            raise TypeError(f"result_type: {e}") from e
        raise TypeError(
            f"result_type: {item!r} is neither an array, a dtype nor a Python scalar"
        ) from e
