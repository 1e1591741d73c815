"""Property tests over the namespace: tbridge's results against NumPy's, as the oracle.

The oracle is NumPy 2 (``np2``): on NumPy 1.x, ``tests/_numpy_compat.py`` gives NumPy 2's names
(``atan2``) and promotion (a 0-d operand promotes by its dtype, not its value).

Arrays come from ``hypothesis.extra.array_api.make_strategies_namespace(tbridge)``, so the
strategies themselves exercise tbridge's creation functions and dtype inspection.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning
from hypothesis.extra.array_api import make_strategies_namespace

import tbridge as tb
from tests._numpy_compat import np2

# Plain torch tensors have no __array_namespace__ (tbridge does not patch torch), so Hypothesis
# warns that it cannot confirm the module; the warning is expected, and asserted.
with pytest.warns(HypothesisWarning, match="Could not determine whether module tbridge"):
    xps = make_strategies_namespace(tb)

SHAPES = st.sampled_from([(), (1,), (3,), (2, 3)])
NUMERIC = xps.numeric_dtypes()
REAL = xps.real_dtypes()
INTEGER = xps.integer_dtypes() | xps.unsigned_integer_dtypes()


def _bounded(dtype: torch.dtype) -> dict[str, int] | None:
    # int(0-d uint64 tensor) fails above 2**63 in torch itself (Tensor.__int__), and Hypothesis
    # reads each drawn element back that way; the unsigned ops are exercised below 2**63.
    return {"max_value": 2**63 - 1} if dtype == tb.uint64 else None


def _np(x: torch.Tensor) -> np.ndarray[Any, Any]:
    return tb.to_numpy(x, copy=True)


def _same(got: torch.Tensor, expected: np.ndarray[Any, Any], exact: bool = True) -> None:
    """Metadata, then values (NaN equal to NaN)."""
    assert isinstance(got, torch.Tensor)
    assert tuple(got.shape) == expected.shape
    assert got.dtype is tb.asarray(np.empty(0, dtype=expected.dtype)).dtype
    if exact:
        np.testing.assert_array_equal(_np(got), expected)
    else:
        np.testing.assert_allclose(_np(got), expected, rtol=1e-6, atol=1e-12, equal_nan=True)


WRAPPING = ["add", "subtract", "multiply", "bitwise_and", "bitwise_or", "bitwise_xor"]
ORDERED = [
    "equal",
    "not_equal",
    "less",
    "less_equal",
    "greater",
    "greater_equal",
    "maximum",
    "minimum",
]


@pytest.mark.parametrize("name", WRAPPING + ORDERED)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_integer_binary_matches_numpy(name: str, data: st.DataObject) -> None:
    dtype = data.draw(INTEGER, label="dtype")
    shape = data.draw(SHAPES, label="shape")
    a = data.draw(xps.arrays(dtype, shape, elements=_bounded(dtype)), label="a")
    b = data.draw(xps.arrays(dtype, shape, elements=_bounded(dtype)), label="b")
    with np.errstate(over="ignore"):
        expected = getattr(np2, name)(_np(a), _np(b))
    _same(getattr(tb, name)(a, b), expected)


FLOAT_BINARY = [
    "add",
    "subtract",
    "multiply",
    "divide",
    "maximum",
    "minimum",
    "equal",
    "less",
    "atan2",
    "hypot",
    "copysign",
]


@pytest.mark.parametrize("name", FLOAT_BINARY)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_float_binary_matches_numpy(name: str, data: st.DataObject) -> None:
    dtype = data.draw(xps.floating_dtypes(), label="dtype")
    shape = data.draw(SHAPES, label="shape")
    a = data.draw(xps.arrays(dtype, shape), label="a")
    b = data.draw(xps.arrays(dtype, shape), label="b")
    with np.errstate(all="ignore"):
        expected = getattr(np2, name)(_np(a), _np(b))
    _same(getattr(tb, name)(a, b), expected, exact=name not in ("atan2", "hypot", "divide"))


@pytest.mark.parametrize("name", ["add", "multiply", "subtract", "less", "maximum"])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_mixed_dtypes_promote_as_numpy(name: str, data: st.DataObject) -> None:
    d1 = data.draw(REAL, label="d1")
    d2 = data.draw(REAL, label="d2")
    a = data.draw(
        xps.arrays(d1, (3,), elements={"allow_nan": False, **(_bounded(d1) or {})}), label="a"
    )
    # A 0-d second operand: torch would let it lose to the first's dtype.
    b = data.draw(
        xps.arrays(d2, (), elements={"allow_nan": False, **(_bounded(d2) or {})}), label="b"
    )
    with np.errstate(all="ignore"):
        expected = getattr(np2, name)(_np(a), _np(b))
    got = getattr(tb, name)(a, b)
    assert got.dtype is tb.asarray(np.empty(0, dtype=expected.dtype)).dtype
    np.testing.assert_allclose(_np(got), expected, rtol=1e-6)


UNARY = [
    "abs",
    "negative",
    "square",
    "sign",
    "floor",
    "ceil",
    "trunc",
    "round",
    "isnan",
    "isfinite",
    "signbit",
    "positive",
]


@pytest.mark.parametrize("name", UNARY)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_unary_matches_numpy(name: str, data: st.DataObject) -> None:
    dtype = data.draw(REAL, label="dtype")
    x = data.draw(
        xps.arrays(dtype, data.draw(SHAPES, label="shape"), elements=_bounded(dtype)), label="x"
    )
    with np.errstate(all="ignore"):
        expected = getattr(np2, name)(_np(x))
    _same(getattr(tb, name)(x), expected)


FLOAT_UNARY = ["exp", "log", "sqrt", "sin", "cos", "tanh", "expm1", "log1p", "reciprocal"]


@pytest.mark.parametrize("name", FLOAT_UNARY)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_floating_unary_matches_numpy(name: str, data: st.DataObject) -> None:
    dtype = data.draw(xps.floating_dtypes(), label="dtype")
    x = data.draw(xps.arrays(dtype, (4,)), label="x")
    with np.errstate(all="ignore"):
        expected = getattr(np2, name)(_np(x))
    _same(getattr(tb, name)(x), expected, exact=False)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_python_scalars_are_weak(data: st.DataObject) -> None:
    dtype = data.draw(REAL, label="dtype")
    x = data.draw(
        xps.arrays(dtype, (3,), elements={"allow_nan": False, "min_value": 0, "max_value": 100}),
        label="x",
    )
    scalar = data.draw(st.sampled_from([1, 2, 0]), label="scalar")
    expected = np.add(_np(x), scalar)
    _same(tb.add(x, scalar), expected)
    as_float = np.multiply(_np(x), 1.5)
    got = tb.multiply(x, 1.5)
    assert got.dtype is tb.asarray(np.empty(0, dtype=as_float.dtype)).dtype
