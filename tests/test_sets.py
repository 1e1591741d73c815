"""Set functions (isin, unique_*): NumPy as the oracle, every dtype, every device.

``unique_*`` follow the standard (NaNs distinct), so the oracle is ``np.unique(...,
equal_nan=False)``; ``tb.unique`` (NumPy's flags) is tested in ``test_numpy_logic.py``.
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
from tests.test_searching import ALL, check, on, sample, with_specials

# ---- isin ----------------------------------------------------------------------------------

ISIN_PAIRS = [
    (tb.int16, tb.int16),
    (tb.uint16, tb.uint16),
    (tb.uint64, tb.uint64),
    (tb.int8, tb.uint32),
    (tb.uint64, tb.int8),
    (tb.int32, tb.float32),
    (tb.float64, tb.float64),
    (tb.complex64, tb.float32),
    (tb.bool, tb.bool),
]


@pytest.mark.parametrize(("dt1", "dt2"), ISIN_PAIRS, ids=str)
@pytest.mark.parametrize("invert", [False, True])
def test_isin_matches_numpy(
    dt1: torch.dtype, dt2: torch.dtype, invert: bool, device: torch.device
) -> None:
    a, b = with_specials(dt1).reshape(3, 4), with_specials(dt2)[:5]
    check(
        tb.isin(on(a, device), on(b, device), invert=invert), np.isin(a, b, invert=invert), device
    )


@pytest.mark.parametrize(
    ("x1", "x2"),
    [(3, "array"), ("array", 3), ("array", 1000), (1000, "array"), ("array", -1)],
    ids=str,
)
def test_isin_with_python_scalars(x1: Any, x2: Any) -> None:
    cpu = torch.device("cpu")
    a = sample(tb.uint8, (3, 4))
    args = [a if v == "array" else v for v in (x1, x2)]
    out = tb.isin(*(on(v, cpu) if isinstance(v, np.ndarray) else v for v in args))
    check(out, np.isin(*args), cpu)


@pytest.mark.parametrize(
    ("x1", "x2"),
    [([1, 5, 7], [7, 9]), ([[1.5, 2.0]], [2]), (7, [7, 9]), ([1, 2], 2), ([], [1])],
    ids=repr,
)
def test_isin_takes_lists(x1: Any, x2: Any) -> None:
    assert_matches_numpy(tb.isin(x1, x2), np.isin(x1, x2))


def test_array_data_beside_a_tensor_takes_its_device(device: torch.device) -> None:
    """A list beside a tensor is made on the tensor's device (nothing is moved)."""
    x = torch.arange(10, device=device)
    assert_matches_numpy(tb.isin(x, [7, 9]), np.isin(np.arange(10), [7, 9]), device=device)
    assert_matches_numpy(tb.isin([7, 2], x), np.isin([7, 2], np.arange(10)), device=device)


def test_isin_list_beside_a_tensor() -> None:
    x = tb.arange(10)
    assert_matches_numpy(tb.isin(x, [7, 9]), np.isin(np.arange(10), [7, 9]))


@pytest.mark.parametrize("kind", [None, "sort", "table"])
@pytest.mark.parametrize("assume_unique", [False, True])
def test_isin_numpy_options(kind: str | None, assume_unique: bool) -> None:
    a, b = np.array([0, 2, 4, 6]), np.array([4, 0, 9])
    got = tb.isin(on(a), on(b), assume_unique, True, kind=kind)
    assert_matches_numpy(got, np.isin(a, b, assume_unique, True, kind=kind))


@pytest.mark.parametrize("shape", [(0,), (2, 0)], ids=str)
def test_isin_of_empty_arrays(shape: tuple[int, ...]) -> None:
    a = np.zeros(shape, dtype=np.complex128)
    assert_matches_numpy(tb.isin(on(a), on(np.ones(3))), np.isin(a, np.ones(3)))
    assert_matches_numpy(tb.isin(on(np.ones(2)), on(a)), np.isin(np.ones(2), a))


# ---- unique_* ------------------------------------------------------------------------------


def numpy_unique(a: np.ndarray[Any, Any]) -> tuple[Any, Any, Any, Any]:
    """NumPy's answer with the standard's semantics: NaNs distinct (equal_nan=False)."""
    values, index, inverse, counts = np.unique(
        a, return_index=True, return_inverse=True, return_counts=True, equal_nan=False
    )
    return values, index, inverse.reshape(a.shape), counts


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("specials", [False, True])
def test_unique_matches_numpy(dtype: torch.dtype, specials: bool) -> None:
    cpu = torch.device("cpu")
    a = with_specials(dtype).reshape(3, 4) if specials else sample(dtype, (3, 4))
    values, index, inverse, counts = numpy_unique(a)
    x = on(a, cpu)
    check(tb.unique_values(x), values, cpu)
    got = tb.unique_all(x)
    assert type(got).__name__ == "UniqueAllResult"
    check(got.values, values, cpu)
    check(got.indices, index, cpu)
    check(got.inverse_indices, inverse, cpu)
    check(got.counts, counts, cpu)
    check(tb.unique_counts(x).counts, counts, cpu)
    check(tb.unique_inverse(x).inverse_indices, inverse, cpu)


@pytest.mark.parametrize("shape", [(), (0,), (2, 0, 3)], ids=str)
@pytest.mark.parametrize("name", ["unique_values", "unique_counts", "unique_inverse", "unique_all"])
def test_unique_of_0d_and_empty(name: str, shape: tuple[int, ...]) -> None:
    a = sample(tb.float32, shape)
    got = getattr(tb, name)(on(a))
    values = got if name == "unique_values" else got.values
    assert_matches_numpy(values, np.unique(a))


@pytest.mark.parametrize("name", ["unique_values", "unique_counts", "unique_inverse", "unique_all"])
def test_unique_takes_lists(name: str) -> None:
    got = getattr(tb, name)([3, 1, 3, 2])
    values = got if name == "unique_values" else got.values
    assert_matches_numpy(values, np.unique([3, 1, 3, 2]))


@pytest.mark.parametrize("dtype", [tb.float64, tb.complex128], ids=str)
def test_unique_nans_are_distinct_and_signed_zeros_equal(dtype: torch.dtype) -> None:
    cpu = torch.device("cpu")
    x = on(np.array([np.nan, 0.0, -0.0, np.nan, 1.0], dtype=numpy_dtype_of(dtype)), cpu)
    got = tb.unique_counts(x)
    check(got.counts, np.array([2, 1, 1, 1]), cpu)
    assert int(tb.isnan(got.values).sum()) == 2


@pytest.mark.parametrize("name", ["unique_all", "unique_counts", "unique_inverse", "unique_values"])
@pytest.mark.parametrize("dtype", [tb.float32, tb.complex64, tb.uint16], ids=str)
def test_data_dependent_shapes_refuse_meta(name: str, dtype: torch.dtype) -> None:
    x = torch.ones(3, dtype=dtype, device="meta")
    with pytest.raises(
        ValueError,
        match=rf"^{name}: the result's shape depends on the values, and a meta tensor holds none",
    ):
        getattr(tb, name)(x)


def test_nonzero_refuses_meta() -> None:
    with pytest.raises(ValueError, match=r"^nonzero: the result's shape depends on the values"):
        tb.nonzero(torch.ones(3, dtype=tb.uint16, device="meta"))


# ---- property tests: drawn integer arrays against NumPy --------------------------------------

INTS = hnp.arrays(
    st.sampled_from([np.int8, np.int64, np.uint8, np.uint16]),
    hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=6),
    elements=st.integers(0, 20),
)


@settings(max_examples=60, deadline=None)
@given(a=INTS)
def test_unique_all_matches_numpy_on_drawn_arrays(a: np.ndarray[Any, Any]) -> None:
    values, index, inverse, counts = numpy_unique(a)
    got = tb.unique_all(on(a))
    assert_matches_numpy(got.values, values)
    assert_matches_numpy(got.indices, index)
    assert_matches_numpy(got.inverse_indices, inverse)
    assert_matches_numpy(got.counts, counts)


@settings(max_examples=60, deadline=None)
@given(a=INTS, b=INTS, invert=st.booleans())
def test_isin_matches_numpy_on_drawn_arrays(
    a: np.ndarray[Any, Any], b: np.ndarray[Any, Any], invert: bool
) -> None:
    assert_matches_numpy(tb.isin(on(a), on(b), invert=invert), np.isin(a, b, invert=invert))


# ---- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.isin("a", torch.zeros(2)),
            TypeError,
            r"^isin: element must be array data .*, got str",
        ),
        (
            lambda: tb.isin(torch.zeros(2), None),
            TypeError,
            r"^isin: test_elements must be array data",
        ),
        (
            lambda: tb.isin(torch.zeros(2), torch.zeros(2), kind="hash"),
            ValueError,
            r"^isin: kind='hash' is not an algorithm; pass None, 'sort' or 'table'$",
        ),
        (
            lambda: tb.isin(
                torch.zeros(2, dtype=tb.bool), torch.zeros(2, dtype=tb.bool, device="meta")
            ),
            ValueError,
            r"^isin: element is on cpu but test_elements is on meta; move them to one device",
        ),
        (lambda: tb.unique_values("abc"), TypeError, r"^unique_values: x must be array data"),
        (lambda: tb.unique_all({}), TypeError, r"^unique_all: x must be array data"),
        (lambda: tb.unique_counts(None), TypeError, r"^unique_counts: x must be array data"),
        (lambda: tb.unique_inverse(b"x"), TypeError, r"^unique_inverse: x must be array data"),
    ],
)
def test_bad_input_messages(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()
