"""Sorting functions (sort, argsort): NumPy as the oracle, every dtype, every device.

The standard's ``descending``/``stable`` and NumPy's ``kind``/``axis=None``/positional ``axis``
are checked against NumPy; argsort is compared with NumPy's stable sort (tbridge's default).
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
from tests.test_searching import ALL, check, on, sample, with_specials

X = torch.zeros(3, 4)


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("axis", [0, -1, None], ids=str)
def test_sort_and_argsort_match_numpy(dtype: torch.dtype, axis: Any, device: torch.device) -> None:
    a = sample(dtype, (6, 5))
    check(tb.sort(on(a, device), axis=axis), np.sort(a, axis=axis), device)
    check(tb.argsort(on(a, device), axis=axis), np.argsort(a, axis=axis, kind="stable"), device)


@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_sort_specials(dtype: torch.dtype) -> None:
    """NaN sorts last, complex values by real then imaginary part, uint64 in unsigned order."""
    cpu = torch.device("cpu")
    a = with_specials(dtype)
    check(tb.sort(on(a, cpu)), np.sort(a), cpu)


@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_descending_sort_is_stable(dtype: torch.dtype, device: torch.device) -> None:
    """Equal values keep their order; the expected indices come from a stable ascending
    argsort of the reversed array."""
    a = sample(dtype, (12,))
    expected = len(a) - 1 - np.argsort(a[::-1], kind="stable")[::-1]
    check(tb.argsort(on(a, device), descending=True), expected, device)
    check(tb.sort(on(a, device), descending=True), a[expected], device)


@pytest.mark.parametrize("kind", ["quicksort", "mergesort", "heapsort", "stable"])
@pytest.mark.parametrize("dtype", [tb.int8, tb.uint32, tb.float32, tb.complex64], ids=str)
def test_kind_keyword(kind: str, dtype: torch.dtype) -> None:
    """Every kind gives NumPy's sorted values; the stable kinds NumPy's stable indices (and the
    others the same, one of the orders they allow)."""
    a = sample(dtype, (3, 8), seed=2)
    assert_matches_numpy(tb.sort(on(a), kind=kind), np.sort(a, kind=kind))  # type: ignore[arg-type]
    got = tb.argsort(on(a), kind=kind)  # type: ignore[arg-type]
    assert_matches_numpy(got, np.argsort(a, kind="stable"))


@pytest.mark.parametrize("name", ["sort", "argsort"])
@pytest.mark.parametrize("args", [(0,), (None,), (-1, "stable"), (1, None, None)], ids=repr)
def test_numpy_positional_options(name: str, args: tuple[Any, ...]) -> None:
    a = sample(tb.float64, (4, 5), seed=3)
    np_args = (*args[:1], "stable", *args[2:])  # tbridge's order is NumPy's stable one
    expected = getattr(np, name)(a, *np_args)
    assert_matches_numpy(getattr(tb, name)(on(a), *args), expected)


@pytest.mark.parametrize("name", ["sort", "argsort"])
@pytest.mark.parametrize("data", [[3, 1, 2], [[2.5, -1.0], [0.0, 7.0]], [True, False]], ids=repr)
def test_lists_go_through_the_gate(name: str, data: Any) -> None:
    assert_matches_numpy(getattr(tb, name)(data), getattr(np, name)(data, kind="stable"))


@pytest.mark.parametrize("shape", [(0,), (2, 0), (0, 3)], ids=str)
@pytest.mark.parametrize("name", ["sort", "argsort"])
def test_empty_and_0d_with_axis_none(name: str, shape: tuple[int, ...]) -> None:
    a = sample(tb.int32, shape)
    assert_matches_numpy(getattr(tb, name)(on(a)), getattr(np, name)(a))
    s = np.array(5)
    assert_matches_numpy(getattr(tb, name)(on(s), axis=None), getattr(np, name)(s, axis=None))


def test_sort_backward() -> None:
    x = torch.tensor([3.0, 1.0, 2.0], dtype=torch.float64, requires_grad=True)
    (tb.sort(x) * torch.tensor([1.0, 10.0, 100.0], dtype=torch.float64)).sum().backward()
    assert x.grad is not None
    assert x.grad.tolist() == [100.0, 1.0, 10.0]


@settings(max_examples=50, deadline=None)
@given(
    a=hnp.arrays(
        st.sampled_from([np.int8, np.uint16, np.float32, np.float64]),
        hnp.array_shapes(min_dims=1, max_dims=3, min_side=0, max_side=5),
    ),
    descending=st.booleans(),
)
def test_argsort_is_a_stable_sorting_permutation(a: np.ndarray[Any, Any], descending: bool) -> None:
    """On drawn arrays: the indices sort the values, and equal values keep their order."""
    a = np.nan_to_num(a) if a.dtype.kind == "f" else a
    idx = tb.argsort(on(a), descending=descending).numpy()
    ordered = np.take_along_axis(a, idx, -1)
    want = np.sort(a, -1)
    assert_matches_numpy(torch.from_numpy(ordered), want[..., ::-1] if descending else want)
    ties = np.diff(ordered, axis=-1) == 0
    assert (np.diff(idx, axis=-1)[ties] > 0).all()


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.sort(torch.tensor(1.0)),
            np.exceptions.AxisError,
            r"^sort: axis -1 is out of bounds for an array of 0 dimensions; a 0-d array has no "
            r"axes$",
        ),
        (lambda: tb.argsort(X, axis=-3), IndexError, r"^argsort: axis -3 is out of bounds"),
        (lambda: tb.sort(X, axis=1.5), TypeError, r"^sort: axis=1\.5 is not an integer"),
        (
            lambda: tb.sort(X, kind="bogo"),
            ValueError,
            r"^sort: kind='bogo' is not a sort kind; pass 'quicksort', 'mergesort', 'heapsort' or "
            r"'stable'$",
        ),
        (
            lambda: tb.argsort(X, kind="stable", stable=False),
            ValueError,
            r"^argsort: kind='stable' asks for a stable sort but stable=False; pass only one",
        ),
        (
            lambda: tb.sort(X, order="f0"),
            ValueError,
            r"^sort: cannot specify order='f0' when the array has no fields",
        ),
        (lambda: tb.sort("abc"), TypeError, r"^sort: x must be array data"),
        (lambda: tb.argsort([[1], [2, 3]]), ValueError, r"^argsort: x: cannot build an array"),
    ],
)
def test_bad_input_messages(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()
