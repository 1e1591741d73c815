"""NumPy's sorting, searching and counting beyond the standard (tbridge._numpy.sorting).

NumPy is the oracle where the answer is unique (argwhere, flatnonzero, sort_complex, lexsort);
partition and argpartition are checked for the partition property NumPy promises (any valid
partition is allowed), on fixed and drawn arrays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import tbridge as tb
from tests._helpers import assert_matches_numpy
from tests.test_searching import ALL, REAL, on, sample

# ---- argwhere, flatnonzero ---------------------------------------------------------------------


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("shape", [(), (5,), (3, 4), (2, 0, 3)], ids=str)
@pytest.mark.parametrize("name", ["argwhere", "flatnonzero"])
def test_indices_of_nonzero_match_numpy(
    name: str, dtype: torch.dtype, shape: tuple[int, ...]
) -> None:
    a = sample(dtype, shape, seed=2)
    assert_matches_numpy(getattr(tb, name)(on(a)), getattr(np, name)(a))


@pytest.mark.parametrize("name", ["argwhere", "flatnonzero"])
def test_indices_of_nonzero_take_lists(name: str) -> None:
    data = [[0, 1], [2, 0]]
    assert_matches_numpy(getattr(tb, name)(data), getattr(np, name)(data))


# ---- partition, argpartition -------------------------------------------------------------------


def assert_partitioned(
    result: np.ndarray[Any, Any], a: np.ndarray[Any, Any], kth: Any, axis: int
) -> None:
    """NumPy's promise: each kth position holds its sorted value, smaller values before it and
    larger ones after (order within the parts is open)."""
    ordered = np.sort(a, axis=axis)
    n = a.shape[axis]
    for position in np.atleast_1d(kth):
        k = int(position) % n
        at_k = np.take(result, [k], axis=axis)
        assert (at_k == np.take(ordered, [k], axis=axis)).all()
        assert (np.take(result, range(k), axis=axis) <= at_k).all()
        assert (np.take(result, range(k + 1, n), axis=axis) >= at_k).all()


@pytest.mark.parametrize("dtype", [dt for dt in REAL if dt is not tb.bool], ids=str)
@pytest.mark.parametrize(
    ("kth", "axis"), [(0, -1), (3, -1), (-1, 0), ([1, 4], -1), ((0, 2), 0)], ids=str
)
def test_partition_property(dtype: torch.dtype, kth: Any, axis: int) -> None:
    a = sample(dtype, (5, 6), seed=3)
    got = tb.partition(on(a), kth, axis)
    assert got.dtype == on(a).dtype
    assert_partitioned(got.numpy(), a, kth, axis)
    idx = tb.argpartition(on(a), kth, axis)
    assert idx.dtype == torch.int64
    assert_partitioned(np.take_along_axis(a, idx.numpy(), axis), a, kth, axis)


@pytest.mark.parametrize(
    ("shape", "kth", "axis"),
    [((0,), 2, -1), ((0,), -1, -1), ((0,), [2, 5], -1), ((2, 0), 5, 0), ((0, 3), 5, None)],
    ids=str,
)
@pytest.mark.parametrize("name", ["partition", "argpartition"])
def test_partition_of_an_empty_array_takes_any_kth(
    name: str, shape: tuple[int, ...], kth: Any, axis: int | None
) -> None:
    a = np.empty(shape)
    got = getattr(tb, name)(on(a), kth, axis)
    assert_matches_numpy(got, getattr(np, name)(a, kth, axis))


def test_partition_axis_none_and_lists() -> None:
    data = [[3, 4], [2, 1]]
    got = tb.partition(data, 2, axis=None)
    assert_partitioned(got.numpy(), np.ravel(data), 2, 0)
    idx = tb.argpartition(data, [0, 3], axis=None)
    assert_partitioned(np.ravel(data)[idx.numpy()], np.ravel(data), [0, 3], 0)


def test_partition_backward() -> None:
    x = torch.tensor([3.0, 1.0, 2.0], dtype=torch.float64, requires_grad=True)
    (tb.partition(x, 1) * torch.tensor([1.0, 10.0, 100.0], dtype=torch.float64)).sum().backward()
    assert x.grad is not None
    assert x.grad[2] == 10.0  # the value placed at kth=1 is 2.0, x[2]


@settings(max_examples=50, deadline=None)
@given(
    a=hnp.arrays(
        np.int32,
        hnp.array_shapes(min_dims=1, max_dims=2, min_side=1, max_side=7),
        elements=st.integers(-5, 5),
    ),
    data=st.data(),
)
def test_partition_property_on_drawn_arrays(a: np.ndarray[Any, Any], data: st.DataObject) -> None:
    n = a.shape[-1]
    kth = data.draw(st.lists(st.integers(-n, n - 1), min_size=1, max_size=3), label="kth")
    assert_partitioned(tb.partition(on(a), kth).numpy(), a, kth, -1)
    idx = tb.argpartition(on(a), kth).numpy()
    assert_partitioned(np.take_along_axis(a, idx, -1), a, kth, -1)


# ---- sort_complex, lexsort ---------------------------------------------------------------------


@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_sort_complex_matches_numpy(dtype: torch.dtype) -> None:
    a = sample(dtype, (2, 5), seed=4)
    assert_matches_numpy(tb.sort_complex(on(a)), np.sort_complex(a))


def test_sort_complex_of_a_list() -> None:
    assert_matches_numpy(tb.sort_complex([5, 3, 6, 2, 1]), np.sort_complex([5, 3, 6, 2, 1]))


@pytest.mark.parametrize(
    "dtypes",
    [(tb.int64, tb.int64), (tb.float32, tb.uint16), (tb.bool, tb.int8, tb.float64)],
    ids=str,
)
def test_lexsort_matches_numpy(dtypes: tuple[torch.dtype, ...]) -> None:
    keys = [sample(dt, (12,), seed=i) for i, dt in enumerate(dtypes)]
    assert_matches_numpy(tb.lexsort([on(k) for k in keys]), np.lexsort(keys))


@pytest.mark.parametrize("axis", [0, 1, -1], ids=str)
def test_lexsort_of_2d_keys_and_axes(axis: Any) -> None:
    keys = np.stack([sample(tb.int8, (4, 5), seed=s) for s in range(3)])
    assert_matches_numpy(tb.lexsort(on(keys), axis=axis), np.lexsort(keys, axis=axis))


def test_lexsort_of_one_key_and_lists() -> None:
    assert_matches_numpy(tb.lexsort(on(np.array([3, 1, 2]))), np.lexsort(np.array([3, 1, 2])))
    assert_matches_numpy(tb.lexsort(([0, 5, 1], [2, 1, 2])), np.lexsort(([0, 5, 1], [2, 1, 2])))


# ---- errors ------------------------------------------------------------------------------------

X = torch.zeros(3, 4)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: tb.argwhere("a"), TypeError, r"^argwhere: a must be array data"),
        (
            lambda: tb.argwhere(torch.zeros(2, device="meta")),
            ValueError,
            r"^argwhere: the result's shape depends on the values",
        ),
        (lambda: tb.flatnonzero(None), TypeError, r"^flatnonzero: a must be array data"),
        (
            lambda: tb.partition(X, 4),
            ValueError,
            r"^partition: kth\(=4\) out of bounds \(4\); pass kth in \[-4, 4\)$",
        ),
        (
            lambda: tb.argpartition(X, [0, -5]),
            ValueError,
            r"^argpartition: kth\(=-5\) out of bounds \(4\)",
        ),
        (
            lambda: tb.partition(X, 1.5),
            TypeError,
            r"^partition: kth=1\.5 must be an integer or a sequence of integers",
        ),
        (lambda: tb.partition(X, True), ValueError, r"^partition: kth=True holds booleans"),
        (
            lambda: tb.partition(X, torch.tensor([0.5], dtype=torch.float32)),
            TypeError,
            r"^partition: kth must be integers, got dtype torch\.float32",
        ),
        (
            lambda: tb.partition(X, 1, kind="quickselect"),
            ValueError,
            r"^partition: kind='quickselect' is not 'introselect'",
        ),
        (
            lambda: tb.argpartition(X, 1, order="f"),
            ValueError,
            r"^argpartition: cannot specify order='f' when the array has no fields",
        ),
        (
            lambda: tb.partition(X, 1, axis=2),
            np.exceptions.AxisError,
            r"^partition: axis 2 is out of bounds",
        ),
        (lambda: tb.sort_complex("a"), TypeError, r"^sort_complex: a must be array data"),
        (
            lambda: tb.sort_complex(torch.tensor(1.0)),
            np.exceptions.AxisError,
            r"^sort_complex: a is 0-d and has no axis to sort along",
        ),
        (lambda: tb.lexsort([]), TypeError, r"^lexsort: need at least one key; keys is empty"),
        (lambda: tb.lexsort(None), TypeError, r"^lexsort: keys=None \(NoneType\) is not a seq"),
        (lambda: tb.lexsort({}), TypeError, r"^lexsort: keys=\{\} \(dict\) is not a sequence"),
        (
            lambda: tb.lexsort([[1, 2], [1, 2, 3]]),
            ValueError,
            r"^lexsort: all keys need to be the same shape",
        ),
        (
            lambda: tb.lexsort([[1, 2]], axis=1),
            np.exceptions.AxisError,
            r"^lexsort: axis 1 is out of bounds",
        ),
        (lambda: tb.lexsort([None]), TypeError, r"^lexsort: keys must be array data"),
    ],
)
def test_bad_input_messages(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()
