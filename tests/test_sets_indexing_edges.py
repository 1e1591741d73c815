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


# ---- argsort and argpartition read a 0-d array as 1-d ---------------------------------------


@pytest.mark.parametrize("axis", [-1, 0, None])
@pytest.mark.parametrize("value", [np.array(3.5), np.array(7, dtype=np.int8), np.array(True)])
def test_argsort_of_0d(value: Any, axis: int | None) -> None:
    assert_matches_numpy(tb.argsort(tensor_of(value), axis=axis), np.argsort(value, axis=axis))
    assert_matches_numpy(
        tb.argsort(tensor_of(value), axis=axis, kind="stable"),
        np.argsort(value, axis=axis, kind="stable"),
    )


@pytest.mark.parametrize("axis", [-1, 0, None])
@pytest.mark.parametrize("kth", [0, -1, [0], [-1, 0]], ids=repr)
def test_argpartition_of_0d(kth: Any, axis: int | None) -> None:
    value = np.array(2.5)
    assert_matches_numpy(
        tb.argpartition(tensor_of(value), kth, axis=axis),
        np.argpartition(value, kth, axis=axis),
    )


@pytest.mark.parametrize("axis", [1, -2, 5])
@pytest.mark.parametrize(
    "call", [lambda m, v, ax: m.argsort(v, axis=ax), lambda m, v, ax: m.argpartition(v, 0, ax)]
)
def test_argsort_of_0d_past_its_one_axis(call: Any, axis: int) -> None:
    value = np.array(2.5)
    with pytest.raises(np.exceptions.AxisError):
        call(np, value, axis)
    with pytest.raises(np.exceptions.AxisError, match=rf"axis {axis} is out of bounds"):
        call(tb, tensor_of(value), axis)


@pytest.mark.parametrize("fn", ["argsort", "argpartition"])
def test_0d_argsort_kth_past_the_one_element(fn: str) -> None:
    value = np.array(2.5)
    with pytest.raises(ValueError, match=r"kth\(=1\) out of bounds \(1\)"):
        np.argpartition(value, 1)
    if fn == "argpartition":
        with pytest.raises(ValueError, match=r"^argpartition: kth\(=1\) out of bounds \(1\)"):
            tb.argpartition(tensor_of(value), 1)
    else:  # no kth: the one-element answer
        assert_matches_numpy(tb.argsort(tensor_of(value)), np.argsort(value))


# ---- partition's kth: NumPy's classes for booleans and empty sequences ------------------------

BOOL_KTHS = [True, np.True_, [True], (False, True), np.array([True])]


@needs_numpy2("NumPy 1.x reads boolean kth as 0 and 1")
@pytest.mark.parametrize("fn", ["partition", "argpartition"])
@pytest.mark.parametrize("kth", BOOL_KTHS, ids=repr)
def test_partition_refuses_boolean_kth(fn: str, kth: Any) -> None:
    a = np.array([3, 1, 2])
    with pytest.raises(ValueError, match="Booleans unacceptable"):
        getattr(np, fn)(a, kth)
    with pytest.raises(ValueError, match=rf"^{fn}: kth=.* holds booleans, which are not positions"):
        getattr(tb, fn)(tensor_of(a), kth)


@pytest.mark.parametrize("fn", ["partition", "argpartition"])
@pytest.mark.parametrize("kth", [[], ()], ids=repr)
@pytest.mark.parametrize("source", ["tensor", "list"])
def test_partition_refuses_an_empty_kth_sequence(fn: str, kth: Any, source: str) -> None:
    a = np.array([3.0, 1.0, 2.0])
    with pytest.raises(TypeError):
        getattr(np, fn)(a, kth)
    arg = tensor_of(a) if source == "tensor" else a.tolist()
    with pytest.raises(TypeError, match=rf"^{fn}: kth=.* holds no integers"):
        getattr(tb, fn)(arg, kth)


@pytest.mark.parametrize("fn", ["partition", "argpartition"])
def test_partition_takes_an_empty_integer_kth_array(fn: str) -> None:
    a = np.array([3.0, 1.0, 2.0])
    kth = np.array([], dtype=np.int64)
    got = getattr(tb, fn)(tensor_of(a), tensor_of(kth))
    expected = getattr(np, fn)(a, kth)
    # NumPy leaves the order open when no position is asked for: compare the sorted values.
    assert_matches_numpy(torch.sort(got).values, np.sort(expected))


# ---- lexsort of a 0-d array: no keys --------------------------------------------------------


@pytest.mark.parametrize("keys", [np.array(3), np.array(2.5), np.array(True)], ids=repr)
def test_lexsort_of_a_0d_array_has_no_keys(keys: Any) -> None:
    with pytest.raises(TypeError):
        np.lexsort(keys)
    with pytest.raises(TypeError, match=r"^lexsort: keys is a 0-d array, which holds no keys"):
        tb.lexsort(tensor_of(keys))


@pytest.mark.parametrize("keys", [(np.array(3),), (np.array(1.5), np.array(2.5))], ids=repr)
def test_lexsort_of_0d_keys(keys: Any) -> None:
    assert_matches_numpy(tb.lexsort(tuple(tensor_of(k) for k in keys)), np.lexsort(keys))
