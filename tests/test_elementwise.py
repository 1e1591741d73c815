"""Element-wise functions: promotion fixes, unsigned workarounds, special values, bad input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb

U64_MAX = 2**64 - 1


def _np(x: torch.Tensor) -> np.ndarray[Any, Any]:
    return tb.to_numpy(x, copy=True)


def test_zero_dim_operand_promotes_by_the_standard(device: torch.device) -> None:
    a = tb.ones(3, dtype=tb.int32, device=device)
    b = tb.asarray(5, device=device)  # 0-d int64
    assert (a + b).dtype == tb.int32  # torch's operator: the 0-d tensor loses
    assert tb.add(a, b).dtype == tb.int64  # the standard (and NumPy): int64
    assert tb.multiply(tb.ones(2, dtype=tb.float32), tb.asarray(2.0)).dtype == tb.float64


@pytest.mark.parametrize(
    ("name", "a", "b"),
    [
        ("add", [U64_MAX, 1, 2**63], [1, 2, 2**63]),
        ("subtract", [0, 5, 2**63], [1, 2, 1]),
        ("multiply", [2**63, 3, U64_MAX], [2, 5, U64_MAX]),
        ("less", [2**63, 1, U64_MAX], [1, 2**63, U64_MAX]),
        ("maximum", [2**63, 1, 7], [1, 2**63 + 5, 9]),
        ("minimum", [2**63, 1, 7], [1, 2**63 + 5, 9]),
        ("equal", [U64_MAX, 1, 0], [U64_MAX, 2, 0]),
        ("bitwise_xor", [U64_MAX, 1, 2**63], [1, 3, 2**63]),
        ("bitwise_left_shift", [1, 3, 2**62], [63, 1, 1]),
    ],
)
def test_uint64_across_the_sign_bit_matches_numpy(name: str, a: list[int], b: list[int]) -> None:
    x = tb.asarray(np.array(a, dtype=np.uint64))
    y = tb.asarray(np.array(b, dtype=np.uint64))
    with np.errstate(over="ignore"):
        expected = getattr(np, name)(np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64))
    got = getattr(tb, name)(x, y)
    assert got.dtype == tb.asarray(np.empty(0, dtype=expected.dtype)).dtype
    np.testing.assert_array_equal(_np(got), expected)


@pytest.mark.parametrize("dtype", ["uint16", "uint32"])
@pytest.mark.parametrize(
    "name",
    [
        "add",
        "subtract",
        "floor_divide",
        "remainder",
        "pow",
        "less",
        "maximum",
        "bitwise_right_shift",
    ],
)
def test_uint16_uint32_match_numpy(dtype: str, name: str) -> None:
    top = np.iinfo(dtype).max
    a = np.array([top, 7, 0, 300], dtype=dtype)
    b = np.array([2, 3, 1, 4], dtype=dtype)
    with np.errstate(over="ignore"):
        expected = getattr(np, name)(a, b)
    got = getattr(tb, name)(tb.asarray(a), tb.asarray(b))
    np.testing.assert_array_equal(_np(got), expected)
    assert got.dtype == tb.asarray(expected).dtype


def test_special_values_follow_numpy() -> None:
    nan = float("nan")
    x = tb.asarray([nan, -0.0, 2.0, -float("inf")])
    np.testing.assert_array_equal(_np(tb.sign(x)), np.sign(_np(x)))
    r = tb.remainder(tb.asarray([-0.0, 0.0, 5.0]), tb.asarray([3.0, -3.0, -3.0]))
    expected = np.remainder(np.array([-0.0, 0.0, 5.0]), np.array([3.0, -3.0, -3.0]))
    np.testing.assert_array_equal(_np(r), expected)
    assert np.signbit(_np(r)).tolist() == np.signbit(expected).tolist()


def test_integer_division_is_float64_as_numpy() -> None:
    q = tb.divide(tb.asarray([1, 2]), tb.asarray([2, 4]))
    assert q.dtype == tb.float64
    assert tb.sqrt(tb.asarray([4, 9])).dtype == tb.float64
    with tb.default_float(tb.float32):
        assert tb.divide(tb.asarray([1]), 2).dtype == tb.float32


def test_python_scalars_anywhere() -> None:
    x = tb.asarray([1, 5, 9])
    assert tb.maximum(x, 4).tolist() == [4, 5, 9]
    assert tb.greater(4, x).tolist() == [True, False, False]
    assert tb.add(x, 2.5).dtype == tb.float64
    assert tb.multiply(tb.asarray([1.0], dtype=tb.float32), 2j).dtype == tb.complex64


def test_numpy_arrays_are_accepted() -> None:
    out = tb.add(np.arange(3), tb.asarray([1, 1, 1]))
    assert isinstance(out, torch.Tensor)
    assert out.tolist() == [1, 2, 3]


def test_conj_is_materialized() -> None:
    z = tb.asarray([1 + 2j])
    c = tb.conj(z)
    assert not c.is_conj()
    assert tb.to_numpy(c).tolist() == [1 - 2j]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.add(1, 2),
            TypeError,
            r"add: at least one argument must be an array, got int and int; wrap one with tb.asarray",
        ),
        (
            lambda: tb.add([1], tb.ones(1)),
            TypeError,
            r"add: expected an array, got list; pass a tensor \(tb.asarray\(x\) converts other data\)",
        ),
        (
            lambda: tb.bitwise_and(tb.ones(2), tb.ones(2)),
            TypeError,
            r"bitwise_and: torch.float64 has no bits; pass integer or bool arrays",
        ),
        (
            lambda: tb.bitwise_invert(tb.ones(2)),
            TypeError,
            r"bitwise_invert: torch.float64 has no bits to invert",
        ),
        (
            lambda: tb.negative(tb.asarray([True])),
            TypeError,
            r"negative: a bool array has no negation; use tb.logical_not",
        ),
        (
            lambda: tb.sin(tb.asarray([True])),
            TypeError,
            r"sin: a bool array has no floating meaning; cast it first",
        ),
        (
            lambda: tb.add(tb.ones(2, dtype=tb.uint8), 300),
            OverflowError,
            r"Python integer 300 is out of bounds for torch.uint8; cast the array to a wider dtype first",
        ),
        (
            lambda: tb.floor_divide(
                tb.asarray(np.array([2**63], dtype=np.uint64)),
                tb.asarray(np.array([2], dtype=np.uint64)),
            ),
            OverflowError,
            r"floor_divide: uint64 values >= 2\*\*63 are not supported by this operation.*pytorch#58734",
        ),
        (
            lambda: tb.clip(tb.asarray([1j]), 0, 1),
            TypeError,
            r"clip: complex arrays and bounds have no order",
        ),
        (
            lambda: tb.clip(tb.asarray([1, 2]), 0.5),
            TypeError,
            r"clip: bound 0.5 does not fit a torch.int64 array",
        ),
        (
            lambda: tb.atan2(tb.asarray([1j]), tb.asarray([1j])),
            TypeError,
            r"atan2: complex input is not supported; pass real arrays",
        ),
    ],
)
def test_bad_input(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


def test_clip_saturates_bounds_to_the_dtype() -> None:
    x = tb.asarray(np.array([1, 200], dtype=np.uint8))
    out = tb.clip(x, -5, 1000)
    assert out.dtype == tb.uint8
    assert out.tolist() == [1, 200]
    big = tb.asarray(np.array([1, 2**63 + 9], dtype=np.uint64))
    np.testing.assert_array_equal(
        _np(tb.clip(big, 5, 2**63)), np.array([5, 2**63], dtype=np.uint64)
    )


@pytest.mark.parametrize("name", ["add", "less", "sin", "sign", "clip", "floor"])
def test_meta_device_metadata(name: str) -> None:
    x = tb.ones(2, 3, device="meta")
    out = getattr(tb, name)(x, x) if name in ("add", "less") else getattr(tb, name)(x)
    assert out.device.type == "meta"
    assert out.shape == (2, 3)
