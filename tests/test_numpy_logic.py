"""NumPy's comparison, logic and set functions beyond the standard (tbridge._numpy.logic).

NumPy is the oracle: the same call through both, metadata first, then values; the set routines
are also checked on drawn integer and float arrays.
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
from tests._helpers import NUMPY2, assert_matches_numpy, needs_numpy2
from tests.test_searching import ALL, on, sample, with_specials

# ---- isclose, allclose -------------------------------------------------------------------------

SPECIAL = np.array([0.0, 1.0, -1.0, np.inf, -np.inf, np.nan, 1e-9, 1.00001, 1e300])
PAIRS = [
    (np.float64, np.float64),
    (np.float32, np.float32),
    (np.float16, np.float32),
    (np.int8, np.float64),
    (np.int32, np.int64),
    (np.uint8, np.int8),
    pytest.param(
        np.complex64,
        np.float64,
        marks=needs_numpy2("isclose finds equal complex infinities close since NumPy 2.0"),
    ),
]


@pytest.mark.parametrize(("d1", "d2"), PAIRS, ids=str)
@pytest.mark.parametrize("equal_nan", [False, True])
@pytest.mark.parametrize("tols", [(1e-5, 1e-8), (0.0, 0.0), (0.1, 0.5)], ids=str)
def test_isclose_matches_numpy(
    d1: Any, d2: Any, equal_nan: bool, tols: tuple[float, float]
) -> None:
    with np.errstate(all="ignore"):
        a = SPECIAL.astype(d1)[:, None]
        b = SPECIAL.astype(d2)[None, :]
        expected = np.isclose(a, b, *tols, equal_nan=equal_nan)
    assert_matches_numpy(tb.isclose(on(a), on(b), *tols, equal_nan=equal_nan), expected)


@pytest.mark.parametrize(
    ("a", "b", "kwargs"),
    [
        (1.0, 1.0 + 1e-9, {}),
        (1, 1, {}),
        ([1.0, 2.0], 2.0, {}),
        ([1e-9, 1.0], [0.0, 1.1], {"atol": [1e-8, 0.05]}),
        ([1.0, 2.0], [1.5, 2.5], {"rtol": -0.1, "atol": 0.6}),
        ([np.nan, 1.0], [np.nan, 1.0], {"equal_nan": True}),
    ],
    ids=repr,
)
def test_isclose_takes_scalars_lists_and_array_tolerances(
    a: Any, b: Any, kwargs: dict[str, Any]
) -> None:
    tb_kwargs = {k: (on(np.asarray(v)) if isinstance(v, list) else v) for k, v in kwargs.items()}
    assert_matches_numpy(tb.isclose(a, b, **tb_kwargs), np.isclose(a, b, **kwargs))


def test_isclose_keeps_float32_for_a_python_tolerance_pair() -> None:
    x = torch.tensor([1.0, 2.0], dtype=torch.float32)
    assert_matches_numpy(tb.isclose(x, 1.0), np.isclose(x.numpy(), 1.0))


@pytest.mark.parametrize(
    ("a", "b", "kwargs"),
    [
        ([1.0, 2.0], [1.0, 2.0 + 1e-7], {}),
        ([1.0, 2.0], [1.0, 2.1], {}),
        ([1.0, np.nan], [1.0, np.nan], {}),
        ([1.0, np.nan], [1.0, np.nan], {"equal_nan": True}),
        ([[1.0], [2.0]], [1.0, 2.0], {}),
        ([], [], {}),
    ],
    ids=repr,
)
def test_allclose_is_a_python_bool(a: Any, b: Any, kwargs: dict[str, Any]) -> None:
    got = tb.allclose(a, b, **kwargs)
    assert type(got) is bool
    assert got == np.allclose(a, b, **kwargs)


# ---- array_equal, array_equiv ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a1", "a2", "equal_nan"),
    [
        ([1, 2], [1.0, 2.0], False),
        ([1, 2], [1, 3], False),
        ([1, 2], [[1, 2]], False),
        ([1.0, np.nan], [1.0, np.nan], False),
        ([1.0, np.nan], [1.0, np.nan], True),
        ([np.nan, 1.0], [1.0, np.nan], True),
        ([1 + 1j, np.nan], [1 + 1j, np.nan], True),
        ([], [], False),
        (3, 3.0, False),
    ],
    ids=repr,
)
def test_array_equal_matches_numpy(a1: Any, a2: Any, equal_nan: bool) -> None:
    got = tb.array_equal(a1, a2, equal_nan)
    assert type(got) is bool
    assert got == np.array_equal(a1, a2, equal_nan)


@pytest.mark.parametrize(
    ("a1", "a2"),
    [([1, 2], [[1, 2], [1, 2]]), ([1, 2], [[1, 2], [1, 3]]), ([1, 2], [1, 2, 3]), ([2], 2)],
    ids=repr,
)
def test_array_equiv_matches_numpy(a1: Any, a2: Any) -> None:
    got = tb.array_equiv(a1, a2)
    assert type(got) is bool
    assert got == np.array_equiv(a1, a2)


@pytest.mark.parametrize("dtype", [tb.uint16, tb.uint64, tb.int8, tb.bool], ids=str)
def test_array_equal_of_every_dtype(dtype: torch.dtype) -> None:
    a = with_specials(dtype)
    assert tb.array_equal(on(a), on(a.copy()))
    b = a.copy()
    b[0] = b[1] if b[0] != b[1] else b[2]
    assert tb.array_equal(on(a), on(b)) is bool(np.array_equal(a, b))


# ---- unique ------------------------------------------------------------------------------------

FLAGS = [
    {},
    {"return_index": True},
    {"return_inverse": True},
    {"return_counts": True},
    {"return_index": True, "return_inverse": True, "return_counts": True},
]


def _np_unique(a: Any, **kwargs: Any) -> Any:
    """``np.unique`` as NumPy 2 returns it: without ``axis``, the inverse has the input's shape
    (NumPy 1.x returned it flat)."""
    result = np.unique(a, **kwargs)
    if NUMPY2 or not kwargs.get("return_inverse") or kwargs.get("axis") is not None:
        return result
    at = 1 + bool(kwargs.get("return_index"))
    return (*result[:at], result[at].reshape(np.shape(a)), *result[at + 1 :])


def _same(got: Any, expected: Any) -> None:
    if isinstance(expected, tuple):
        assert isinstance(got, tuple)
        assert len(got) == len(expected)
        for g, e in zip(got, expected, strict=True):
            assert_matches_numpy(g, e)
    else:
        assert_matches_numpy(got, expected)


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("flags", FLAGS, ids=str)
@pytest.mark.parametrize("equal_nan", [True, False])
def test_unique_matches_numpy(dtype: torch.dtype, flags: dict[str, bool], equal_nan: bool) -> None:
    a = with_specials(dtype).reshape(3, 4)
    if dtype.is_floating_point or dtype.is_complex:
        a[2, 3] = np.nan
    _same(
        tb.unique(on(a), **flags, equal_nan=equal_nan), _np_unique(a, **flags, equal_nan=equal_nan)
    )


@pytest.mark.parametrize("dtype", [tb.bool, tb.int8, tb.uint16, tb.float32], ids=str)
@pytest.mark.parametrize("axis", [0, 1, -1])
@pytest.mark.parametrize("flags", FLAGS, ids=str)
def test_unique_along_an_axis(dtype: torch.dtype, axis: int, flags: dict[str, bool]) -> None:
    a = sample(dtype, (6, 3), seed=1)
    a[3] = a[0]
    a = np.concatenate([a, a[:, :1]], axis=1)
    _same(tb.unique(on(a), **flags, axis=axis), np.unique(a, **flags, axis=axis))


def _top_bit_rows(dtype: torch.dtype) -> np.ndarray[Any, Any]:
    """Rows of unsigned values on both sides of the top bit (a signed view orders them
    wrongly), with a repeated row."""
    nd = np.dtype(str(dtype).removeprefix("torch."))
    top = np.iinfo(nd).max // 2 + 1
    rows = [[7, 1, top], [0, top + 5, 2], [top, 0, 0], [7, 1, top], [top + 1, 3, 1], [0, 2, 9]]
    return np.array(rows, dtype=nd)


@pytest.mark.parametrize("dtype", [tb.uint8, tb.uint16, tb.uint32, tb.uint64], ids=str)
@pytest.mark.parametrize(("rank", "axis"), [(1, 0), (1, -1), (2, 0), (2, 1), (3, 2)], ids=str)
@pytest.mark.parametrize("flags", FLAGS, ids=str)
def test_unique_along_an_axis_orders_unsigned_values_as_numpy(
    dtype: torch.dtype, rank: int, axis: int, flags: dict[str, bool]
) -> None:
    a = _top_bit_rows(dtype)
    a = a[:, 0] if rank == 1 else a.reshape(3, 2, 3) if rank == 3 else a
    _same(tb.unique(on(a), **flags, axis=axis), _np_unique(a, **flags, axis=axis))


_NAN = np.nan
#: rows with NaN in several places, -0.0 beside 0.0, and infinities
NAN_ROWS = [
    [_NAN, 1.0], [_NAN, 1.0], [1.0, _NAN], [1.0, 2.0], [-0.0, 1.0], [0.0, 1.0], [_NAN, 0.5],
    [np.inf, _NAN], [-np.inf, 2.0], [1.0, 2.0], [_NAN, _NAN], [_NAN, _NAN],
]  # fmt: skip


@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("axis", [0, 1, -2])
@pytest.mark.parametrize("flags", FLAGS, ids=str)
@pytest.mark.parametrize("equal_nan", [True, False])
def test_unique_along_an_axis_with_nan_rows_as_numpy(
    dtype: torch.dtype, axis: int, flags: dict[str, bool], equal_nan: bool
) -> None:
    # NumPy compares rows with ==: a row holding a NaN equals no other row, whatever equal_nan
    a = np.array(NAN_ROWS, dtype=np.dtype(str(dtype).removeprefix("torch.")))
    a = a.T if axis == 1 else a
    expected = np.unique(a, **flags, axis=axis, equal_nan=equal_nan)
    _same(tb.unique(on(a), **flags, axis=axis, equal_nan=equal_nan), expected)
    _same(tb.unique(a, **flags, axis=axis, equal_nan=equal_nan), expected)


@needs_numpy2("a 1-d array's unique values along axis 0 merge NaNs as without axis")
@pytest.mark.parametrize("dtype", [tb.float16, tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("flags", FLAGS, ids=str)
@pytest.mark.parametrize("equal_nan", [True, False])
def test_unique_of_1d_along_axis_0_merges_nans_as_numpy(
    dtype: torch.dtype, flags: dict[str, bool], equal_nan: bool
) -> None:
    nd = np.dtype(str(dtype).removeprefix("torch."))
    a = np.array([_NAN, 1.0, _NAN, -0.0, 0.0, np.inf, -np.inf, 1.0], dtype=nd)
    expected = np.unique(a, **flags, axis=0, equal_nan=equal_nan)
    _same(tb.unique(on(a), **flags, axis=0, equal_nan=equal_nan), expected)


@pytest.mark.parametrize(
    ("shape", "axis"),
    [((2, 0, 3), 0), ((2, 0, 3), 1), ((2, 0, 3), 2), ((0, 3), 0), ((0, 3), 1), ((3, 0), 0),
     ((3, 0), -1), ((0,), 0), ((0, 0), 1)],
    ids=str,
)  # fmt: skip
@pytest.mark.parametrize("flags", FLAGS, ids=str)
@pytest.mark.parametrize("dtype", [tb.float64, tb.int64, tb.uint32], ids=str)
def test_unique_along_an_axis_of_empty_arrays_as_numpy(
    shape: tuple[int, ...], axis: int, flags: dict[str, bool], dtype: torch.dtype
) -> None:
    a = np.zeros(shape, dtype=np.dtype(str(dtype).removeprefix("torch.")))
    _same(tb.unique(on(a), **flags, axis=axis), _np_unique(a, **flags, axis=axis))


@pytest.mark.parametrize("shape", [(), (0,), (2, 0)], ids=str)
def test_unique_of_0d_and_empty(shape: tuple[int, ...]) -> None:
    a = sample(tb.float64, shape)
    flags = FLAGS[-1]
    _same(tb.unique(on(a), **flags), _np_unique(a, **flags))


def test_lists_beside_a_tensor_take_its_device() -> None:
    """Array data paired with a tensor is made on the tensor's device (meta here: the shape
    and dtype of isclose come through without data)."""
    x = torch.zeros(3, dtype=torch.float64, device="meta")
    got = tb.isclose(x, [0.0, 1.0, 2.0])
    assert got.device.type == "meta"
    assert got.shape == (3,)
    assert got.dtype == torch.bool


def test_unique_takes_lists_and_sorted_false() -> None:
    _same(tb.unique([3, 1, 3, 2], return_counts=True), np.unique([3, 1, 3, 2], return_counts=True))
    assert_matches_numpy(tb.unique([2, 1], sorted=False), np.unique([2, 1]))


# ---- in1d and the 1-D set routines -------------------------------------------------------------


@pytest.mark.parametrize("invert", [False, True])
def test_in1d_is_flattened_isin(invert: bool) -> None:
    a, b = sample(tb.int8, (3, 4)), np.array([0, 2, 5])
    assert_matches_numpy(tb.in1d(on(a), on(b), invert=invert), np.isin(a, b, invert=invert).ravel())


SET_PAIRS = [
    (tb.int64, tb.int64),
    (tb.int8, tb.uint8),
    (tb.uint16, tb.uint16),
    (tb.uint64, tb.uint64),
    (tb.int16, tb.float32),
    (tb.float64, tb.float64),
    (tb.complex64, tb.complex64),
    (tb.bool, tb.bool),
]


@pytest.mark.parametrize(("d1", "d2"), SET_PAIRS, ids=str)
@pytest.mark.parametrize("name", ["union1d", "setxor1d", "setdiff1d", "intersect1d"])
def test_set_routines_match_numpy(name: str, d1: torch.dtype, d2: torch.dtype) -> None:
    a = with_specials(d1).reshape(3, 4)
    b = with_specials(d2)[3:10]
    _same(getattr(tb, name)(on(a), on(b)), getattr(np, name)(a, b))


@pytest.mark.parametrize(("d1", "d2"), SET_PAIRS, ids=str)
def test_intersect1d_return_indices(d1: torch.dtype, d2: torch.dtype) -> None:
    a = with_specials(d1)
    b = with_specials(d2)[3:10]
    _same(
        tb.intersect1d(on(a), on(b), return_indices=True),
        np.intersect1d(a, b, return_indices=True),
    )


@pytest.mark.parametrize("name", ["intersect1d", "setdiff1d", "setxor1d"])
def test_assume_unique_on_unique_input(name: str) -> None:
    a, b = np.array([5, 1, 3, 9]), np.array([3, 4, 5])
    _same(getattr(tb, name)(on(a), on(b), True), getattr(np, name)(a, b, True))


@pytest.mark.parametrize("name", ["union1d", "setxor1d", "setdiff1d", "intersect1d", "in1d"])
def test_set_routines_take_lists(name: str) -> None:
    a, b = [[1, 3], [4, 3]], [3, 1, 2]
    expected = np.isin(a, b).ravel() if name == "in1d" else getattr(np, name)(a, b)
    _same(getattr(tb, name)(a, b), expected)


@pytest.mark.parametrize("name", ["union1d", "setxor1d", "setdiff1d", "intersect1d"])
def test_set_routines_of_empty_input(name: str) -> None:
    a, b = np.zeros(0, dtype=np.int64), np.array([1, 2])
    _same(getattr(tb, name)(on(a), on(b)), getattr(np, name)(a, b))
    _same(getattr(tb, name)(on(b), on(a)), getattr(np, name)(b, a))


INTS = hnp.arrays(
    st.sampled_from([np.int8, np.int64, np.uint16]),
    hnp.array_shapes(min_dims=1, max_dims=2, min_side=0, max_side=6),
    elements=st.integers(0, 15),
)
FLOATS = hnp.arrays(
    np.float64,
    hnp.array_shapes(min_dims=1, max_dims=2, min_side=0, max_side=6),
    elements=st.sampled_from([0.0, -0.0, 1.5, 2.0, np.nan, -3.0]),
)


@pytest.mark.parametrize("name", ["union1d", "setxor1d", "setdiff1d", "intersect1d"])
@settings(max_examples=40, deadline=None)
@given(a=INTS | FLOATS, b=INTS | FLOATS)
def test_set_routines_match_numpy_on_drawn_arrays(
    name: str, a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]
) -> None:
    _same(getattr(tb, name)(on(a), on(b)), getattr(np, name)(a, b))


@settings(max_examples=60, deadline=None)
@given(a=INTS | FLOATS, flags=st.sampled_from(FLAGS), equal_nan=st.booleans())
def test_unique_matches_numpy_on_drawn_arrays(
    a: np.ndarray[Any, Any], flags: dict[str, bool], equal_nan: bool
) -> None:
    _same(
        tb.unique(on(a), **flags, equal_nan=equal_nan), _np_unique(a, **flags, equal_nan=equal_nan)
    )


# ---- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: tb.isclose("a", 1.0), TypeError, r"^isclose: a must be array data"),
        (
            lambda: tb.isclose(torch.zeros(3), torch.zeros(2)),
            ValueError,
            r"^isclose: a of shape \(3,\) and b of shape \(2,\) do not broadcast together",
        ),
        (
            lambda: tb.allclose(torch.zeros(2, device="meta"), 0.0),
            ValueError,
            r"^allclose: the answer depends on the values, and a meta tensor holds none",
        ),
        (lambda: tb.array_equal(None, [1]), TypeError, r"^array_equal: a1 must be array data"),
        (lambda: tb.array_equiv([1], "b"), TypeError, r"^array_equiv: a2 must be array data"),
        (lambda: tb.unique("abc"), TypeError, r"^unique: ar must be array data"),
        (
            lambda: tb.unique(torch.zeros(2, 2), axis=2),
            np.exceptions.AxisError,
            r"^unique: axis 2 is out of bounds",
        ),
        (
            lambda: tb.unique(torch.zeros(2, 2, dtype=tb.complex64), axis=0),
            TypeError,
            r"^unique: complex input with axis= is not supported",
        ),
        (
            lambda: tb.unique(torch.zeros(3, device="meta")),
            ValueError,
            r"^unique: the result's shape depends on the values",
        ),
        (
            lambda: tb.in1d([1], [1], kind="hash"),
            ValueError,
            r"^isin: kind='hash' is not an algorithm",
        ),
        (lambda: tb.intersect1d({}, [1]), TypeError, r"^intersect1d: ar1 must be array data"),
        (lambda: tb.union1d([1], None), TypeError, r"^union1d: ar2 must be array data"),
        (lambda: tb.setdiff1d("x", [1]), TypeError, r"^setdiff1d: ar1 must be array data"),
        (lambda: tb.setxor1d([1], b"x"), TypeError, r"^setxor1d: ar2 must be array data"),
        (lambda: tb.allclose(None, [1.0]), TypeError, r"^allclose: a must be array data"),
        (
            lambda: tb.allclose(torch.zeros(3), torch.zeros(4)),
            ValueError,
            r"^allclose: a of shape \(3,\) and b of shape \(4,\) do not broadcast",
        ),
    ],
)
def test_bad_input_messages(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()
