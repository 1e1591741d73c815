"""One comparison for every test that holds tbridge to NumPy: metadata first, then values.

``assert_matches_numpy(result, expected)`` checks, in order: the result is a plain
``torch.Tensor``; its shape equals NumPy's; its dtype is the torch twin of NumPy's; (optionally)
its device; then the values, exactly for integer and bool dtypes and within a tolerance taken
from the dtype for floating ones (a few units in the last place, scaled to the dtype's
resolution), NaNs equal to NaNs.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch

from tbridge._core.dtypes import torch_dtype_of_numpy

#: True when the installed NumPy is 2.x. tbridge follows NumPy 2 (its promotion rules, its
#: Array API names); the ``oldest`` tox env runs the suite on NumPy 1.26, where NumPy cannot serve
#: as the oracle for behaviour that NumPy 2 introduced or changed.
NUMPY2: bool = np.lib.NumpyVersion(np.__version__) >= "2.0.0"


def needs_numpy2(why: str) -> pytest.MarkDecorator:
    """Skip a NumPy comparison on NumPy 1.x, saying what NumPy 2 changed (``why``)."""
    return pytest.mark.skipif(not NUMPY2, reason=f"the oracle is NumPy 2: {why}")


#: Relative tolerance by dtype: about 64 units in the last place (float16's resolution is
#: coarse, so its kernels and NumPy's may round a few ulps apart after a reduction).
_RTOL: dict[torch.dtype, float] = {
    torch.float16: 4e-3,
    torch.bfloat16: 3e-2,
    torch.float32: 1e-5,
    torch.float64: 1e-12,
    torch.complex64: 1e-5,
    torch.complex128: 1e-12,
}


def tolerance(dtype: torch.dtype) -> float:
    """The relative tolerance ``assert_matches_numpy`` uses for ``dtype`` (0 when exact)."""
    return _RTOL.get(dtype, 0.0)


def assert_matches_numpy(
    result: object,
    expected: Any,
    *,
    device: torch.device | str | None = None,
    check_dtype: bool = True,
    rtol: float | None = None,
) -> None:
    """``result`` (a tensor) against NumPy's ``expected``: type, shape, dtype, device, values."""
    assert type(result) is torch.Tensor, f"expected a plain torch.Tensor, got {type(result)}"
    exp = np.asarray(expected)
    assert tuple(result.shape) == exp.shape, f"shape {tuple(result.shape)} != NumPy's {exp.shape}"
    if check_dtype:
        twin = torch_dtype_of_numpy(exp.dtype)
        assert result.dtype == twin, f"dtype {result.dtype} != NumPy's {exp.dtype} ({twin})"
    if device is not None:
        assert result.device == torch.device(device), f"device {result.device} != {device}"
    if result.device.type == "meta":
        return
    got = result.detach().cpu().resolve_conj().resolve_neg()
    if got.dtype == torch.bfloat16:
        got = got.to(torch.float32)
    got_np = got.numpy()
    tol = tolerance(result.dtype) if rtol is None else rtol
    if tol == 0.0:
        np.testing.assert_array_equal(got_np, exp)
    else:
        np.testing.assert_allclose(got_np, exp, rtol=tol, atol=tol, equal_nan=True)
