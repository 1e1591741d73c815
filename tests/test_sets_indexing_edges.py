"""Edge cases of the set, sorting and indexing functions, NumPy as the oracle: Python scalars
beside arrays, 0-d input, kth and key forms NumPy refuses, dtypes at their limits.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tests._helpers import assert_matches_numpy, needs_numpy2


def tensor_of(a: Any) -> torch.Tensor:
    """``a`` as a tensor of NumPy's dtype for it (a new copy)."""
    return tb.asarray(np.array(a, copy=True))


# ---- isin: a Python scalar is an array of NumPy's default dtype, not a weak scalar ----------

ARRAYS_BESIDE_SCALARS = [
    np.array([0.1, 2.0, 2048.0], dtype=np.float32),
    np.array([2048.0, np.inf, 1.0], dtype=np.float16),
    np.array([1, 2, 3], dtype=np.int8),
    np.array([2**63, 1, 2**64 - 1], dtype=np.uint64),
]
SCALARS = [0.1, 2049, 2**63 + 1, 2**64 - 1, 1.0, -1]


@pytest.mark.parametrize("scalar", SCALARS, ids=repr)
@pytest.mark.parametrize("a", ARRAYS_BESIDE_SCALARS, ids=lambda a: str(a.dtype))
@pytest.mark.parametrize("invert", [False, True])
def test_isin_of_a_python_scalar_element(a: Any, scalar: Any, invert: bool) -> None:
    assert_matches_numpy(
        tb.isin(scalar, tensor_of(a), invert=invert), np.isin(scalar, a, invert=invert)
    )


@needs_numpy2("NumPy 1.x compares a scalar test_elements by value-based casting")
@pytest.mark.parametrize("scalar", SCALARS, ids=repr)
@pytest.mark.parametrize("a", ARRAYS_BESIDE_SCALARS, ids=lambda a: str(a.dtype))
@pytest.mark.parametrize("invert", [False, True])
def test_isin_against_a_python_scalar(a: Any, scalar: Any, invert: bool) -> None:
    assert_matches_numpy(
        tb.isin(tensor_of(a), scalar, invert=invert), np.isin(a, scalar, invert=invert)
    )
