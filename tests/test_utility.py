"""Utility functions (all, any, diff): NumPy as the oracle, every dtype, every device.

Metadata first (type, shape, dtype through the dtype table, device), then values (not on
``meta``, which has no data). NumPy's own keywords (``out=``, ``where=``, positional ``n`` and
``axis``) are checked against NumPy too.
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
from tbridge._core.dtypes import numpy_dtype_of
from tests._helpers import assert_matches_numpy
from tests.test_statistical import ALL, KINDS, SHAPE_AXES, keeps, on, sample

AXES: list[Any] = [None, 0, -1, (0, 1), (1,), ()]


# ---- all, any --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["all", "any"])
@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("axis", AXES, ids=str)
def test_all_any_match_numpy(
    name: str, dtype: torch.dtype, axis: Any, device: torch.device
) -> None:
    a = sample(dtype)
    keepdims = axis == 0
    out = getattr(tb, name)(on(a, device), axis=axis, keepdims=keepdims)
    assert_matches_numpy(out, getattr(np, name)(a, axis=axis, keepdims=keepdims), device=device)


@pytest.mark.parametrize("name", ["all", "any"])
@pytest.mark.parametrize("dtype", KINDS, ids=str)
@pytest.mark.parametrize(("shape", "axis"), SHAPE_AXES, ids=str)
def test_all_any_over_shapes_and_axes(
    name: str, dtype: torch.dtype, shape: tuple[int, ...], axis: Any
) -> None:
    keepdims = keeps(shape, axis)
    a = sample(dtype, shape, seed=2)
    out = getattr(tb, name)(on(a), axis=axis, keepdims=keepdims)
    assert_matches_numpy(out, getattr(np, name)(a, axis=axis, keepdims=keepdims))


@pytest.mark.parametrize("name", ["all", "any"])
@pytest.mark.parametrize("axis", [None, 0, 1], ids=str)
def test_where_matches_numpy(name: str, axis: Any) -> None:
    a = sample(tb.int8)
    mask = sample(tb.bool, (3, 1), seed=3)
    got = getattr(tb, name)(on(a), axis=axis, where=on(mask))
    assert_matches_numpy(got, getattr(np, name)(a, axis=axis, where=mask))


@pytest.mark.parametrize("name", ["all", "any"])
def test_out_and_positional_options(name: str) -> None:
    a = sample(tb.float64)
    out = torch.empty(1, 4, dtype=torch.bool)
    got = getattr(tb, name)(on(a), 0, out, True)
    assert got is out
    assert_matches_numpy(got, getattr(np, name)(a, 0, None, True))


@pytest.mark.parametrize("name", ["all", "any"])
@pytest.mark.parametrize("data", [[1, 0, 2], [[True], [False]], 0, 3.5, []], ids=repr)
def test_all_any_take_lists_and_scalars(name: str, data: Any) -> None:
    assert_matches_numpy(getattr(tb, name)(data), getattr(np, name)(data))


def test_empty_all_is_true_and_empty_any_is_false(device: torch.device) -> None:
    a = np.zeros((0, 3))
    assert_matches_numpy(tb.all(on(a, device)), np.all(a), device=device)
    assert_matches_numpy(tb.any(on(a, device), axis=0), np.any(a, axis=0), device=device)


# ---- diff ------------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize(("axis", "n"), [(-1, 1), (0, 1), (1, 2), (0, 0), (0, 5)])
def test_diff_matches_numpy(dtype: torch.dtype, axis: int, n: int, device: torch.device) -> None:
    a = sample(dtype)
    assert_matches_numpy(
        tb.diff(on(a, device), axis=axis, n=n), np.diff(a, axis=axis, n=n), device=device
    )


@pytest.mark.parametrize("shape", [(0,), (1,), (2, 0), (0, 3)], ids=str)
def test_diff_of_empty_and_single_element_axes(shape: tuple[int, ...]) -> None:
    a = sample(tb.float32, shape)
    assert_matches_numpy(tb.diff(on(a), axis=-1), np.diff(a, axis=-1))


def test_diff_takes_numpy_positional_order_and_lists() -> None:
    assert_matches_numpy(tb.diff([1, 4, 9, 16], 2), np.diff([1, 4, 9, 16], 2))
    a = sample(tb.int64)
    assert_matches_numpy(tb.diff(a, 1, 0), np.diff(a, 1, 0))


@pytest.mark.parametrize("dtype", [tb.int8, tb.uint16, tb.uint64, tb.float32, tb.bool], ids=str)
def test_diff_prepend_append(dtype: torch.dtype, device: torch.device) -> None:
    a, before, after = sample(dtype), sample(dtype, (1, 4), seed=2), sample(dtype, (2, 4), seed=3)
    out = tb.diff(on(a, device), axis=0, prepend=on(before, device), append=on(after, device))
    assert_matches_numpy(out, np.diff(a, axis=0, prepend=before, append=after), device=device)


@pytest.mark.parametrize(
    ("prepend", "append", "dtype"),
    [(0, None, tb.int64), (1.5, 2, tb.float64), (None, 2.5, tb.float64)],
)
def test_diff_scalar_edges_are_numpy_arrays(
    prepend: Any, append: Any, dtype: torch.dtype, device: torch.device
) -> None:
    """A Python scalar stands for one slice and, as NumPy's ``asanyarray`` makes it, counts at
    NumPy's default dtype (the standard takes arrays only here, so NumPy's rule decides)."""
    a = sample(tb.int8)
    out = tb.diff(on(a, device), axis=1, prepend=prepend, append=append)
    edges = {k: v for k, v in {"prepend": prepend, "append": append}.items() if v is not None}
    expected = np.diff(a, axis=1, **edges)
    assert expected.dtype == numpy_dtype_of(dtype)
    assert_matches_numpy(out, expected, device=device)


@pytest.mark.parametrize(
    "edges",
    [
        {"prepend": np.int32(0)},
        {"prepend": 0},  # a Python int counts as NumPy's int64 array, not a weak scalar
        {"append": 0.5},
        {"prepend": np.array(0, dtype=np.int32)},  # a 0-d array stands for one slice
        {"prepend": np.array([[7], [8]])},
        {"prepend": 300, "append": -1},
    ],
    ids=repr,
)
def test_diff_edges_follow_numpy(edges: dict[str, Any]) -> None:
    x = np.array([[1, 5, 2], [3, 3, 9]], dtype=np.int8)
    assert_matches_numpy(tb.diff(x, **edges), np.diff(x, **edges))


def test_diff_backward() -> None:
    x = torch.tensor([1.0, 4.0, 9.0], dtype=torch.float64, requires_grad=True)
    (tb.diff(x, prepend=0.0) * torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)).sum().backward()
    assert x.grad is not None
    assert x.grad.tolist() == [-1.0, -1.0, 3.0]


@settings(max_examples=40, deadline=None)
@given(
    a=hnp.arrays(
        np.int16,
        hnp.array_shapes(min_dims=1, max_dims=3, min_side=0, max_side=4),
        elements=st.integers(-100, 100),
    ),
    n=st.integers(0, 3),
)
def test_diff_matches_numpy_on_drawn_arrays(a: np.ndarray[Any, Any], n: int) -> None:
    assert_matches_numpy(tb.diff(on(a), n=n, axis=0), np.diff(a, n=n, axis=0))


# ---- errors --------------------------------------------------------------------------------

X = torch.zeros(3, 4)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: tb.any(X, axis=1.0), TypeError, r"^any: axis=1\.0 is not an integer"),
        (lambda: tb.all(X, axis=2), np.exceptions.AxisError, r"^all: axis 2 is out of bounds"),
        (lambda: tb.any(X, axis=(0, 0)), ValueError, r"^any: axis 0 appears more than once"),
        (lambda: tb.all("x"), TypeError, r"^all: x must be array data"),
        (
            lambda: tb.any(X, where=torch.ones(2, dtype=tb.bool)),
            ValueError,
            r"^any: where= of shape \(2,\) does not broadcast to x's shape \(3, 4\)",
        ),
        (
            lambda: tb.all(X, where=torch.zeros(3, 4, dtype=torch.float32)),
            TypeError,
            r"^all: where must be boolean, got dtype torch\.float32",
        ),
        (
            lambda: tb.all(X, out=torch.zeros(2, dtype=tb.bool)),
            ValueError,
            r"^all: out has shape \(2,\) but the result has shape \(\)",
        ),
        (
            lambda: tb.diff(torch.tensor(1)),
            ValueError,
            r"^diff: a 0-d array has no axis to take differences along",
        ),
        (
            lambda: tb.diff(X, n=-1),
            ValueError,
            r"^diff: n=-1 is negative; the order of a difference must be >= 0$",
        ),
        (
            lambda: tb.diff(X, n=1.5),
            TypeError,
            r"^diff: n=1\.5 is not an integer; pass the order as an int",
        ),
        (lambda: tb.diff(X, axis=2), IndexError, r"^diff: axis 2 is out of bounds"),
        (
            lambda: tb.diff(X, axis=0, prepend=torch.zeros(1, 3)),
            ValueError,
            r"^diff: prepend/append must match x's shape \(3, 4\) except along axis 0, got shapes "
            r"\[\(1, 3\)\]; reshape them to match \(or pass a scalar\)$",
        ),
        (lambda: tb.diff(X, append="a"), TypeError, r"^diff: prepend/append must be array data"),
    ],
)
def test_bad_input_messages(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("name", ["all", "any"])
def test_tensor_subclass_takes_the_slow_path(name: str) -> None:
    a = sample(tb.float64)
    param = torch.nn.Parameter(on(a))
    assert_matches_numpy(getattr(tb, name)(param, axis=1), getattr(np, name)(a, axis=1))
