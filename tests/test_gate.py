"""The input gate's decision table (tbridge._convert.gate) and NumPy's calling forms it enables."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._convert.gate import as_tensor, write_out
from tests._helpers import assert_matches_numpy


def test_tensor_passes_as_the_same_object() -> None:
    t = torch.ones(3, requires_grad=True)
    assert as_tensor(t, "f") is t


def test_parameter_passes_as_the_same_object() -> None:
    p = torch.nn.Parameter(torch.ones(2))
    assert as_tensor(p, "f") is p


def test_writable_ndarray_is_shared() -> None:
    a = np.arange(4.0)
    t = as_tensor(a, "f")
    t[0] = 7.0
    assert a[0] == 7.0


def test_read_only_ndarray_is_copied() -> None:
    a = np.arange(4.0)
    a.flags.writeable = False
    t = as_tensor(a, "f")
    assert not tb.shares_memory(a, t)


@pytest.mark.parametrize(
    "value", [True, 3, 2.5, 1 + 2j, [1, 2, 3], [[1.5, 2], [3, 4]], (1, 2.0), [], np.float32(2.5)]
)
def test_python_data_reads_as_numpy_reads_it(value: Any) -> None:
    assert_matches_numpy(as_tensor(value, "f"), np.asarray(value))


def test_array_protocol_object() -> None:
    class HasArray:
        def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray[Any, Any]:
            return np.arange(3, dtype=np.int32)

    assert_matches_numpy(as_tensor(HasArray(), "f"), np.arange(3, dtype=np.int32))


@pytest.mark.parametrize("value", [None, "ab", b"ab", {1: 2}, {1, 2}])
def test_non_data_is_a_type_error_naming_caller_and_argument(value: object) -> None:
    with pytest.raises(
        TypeError,
        match=rf"^f: y must be array data \(a tensor, a NumPy array, a number or a nested "
        rf"sequence of numbers\), got {type(value).__name__}; convert it first \(tb.asarray\)",
    ):
        as_tensor(value, "f", "y")


@pytest.mark.parametrize(
    "array",
    [np.array(["a"]), np.array([object()]), np.array(["2020-01-01"], dtype="datetime64[D]")],
    ids=["str", "object", "datetime"],
)
def test_dtypes_torch_lacks_name_the_numpy_route(array: np.ndarray[Any, Any]) -> None:
    with pytest.raises(
        TypeError, match=rf"^f: x has NumPy dtype {re.escape(str(array.dtype))}, which torch has no"
    ):
        as_tensor(array, "f")


def test_ragged_sequence_names_the_caller() -> None:
    with pytest.raises(ValueError, match=r"^f: x: cannot build an array from this sequence"):
        as_tensor([[1, 2], [3]], "f")


def test_copy_false_refusal_names_the_caller() -> None:
    with pytest.raises(ValueError, match=r"^f: x: "):
        as_tensor([1, 2], "f", copy=False)


# ---- NumPy's calling forms through public functions -------------------------------------------


def test_scalars_and_lists_standing_alone() -> None:
    assert_matches_numpy(tb.sqrt(2), np.sqrt(2))
    assert_matches_numpy(tb.sum([1, 2, 3]), np.sum([1, 2, 3]))
    assert_matches_numpy(tb.add(1, 2.5), np.add(1, 2.5))


def test_lists_beside_tensors() -> None:
    x = tb.arange(10)
    assert_matches_numpy(tb.isin(x, [7, 9]), np.isin(np.arange(10), [7, 9]))
    assert_matches_numpy(tb.take(x, [0, 3]), np.take(np.arange(10), [0, 3]))


def test_weak_scalar_beside_an_array_keeps_its_dtype() -> None:
    x = tb.ones(3, dtype=tb.int8)
    assert tb.add(x, 1).dtype == torch.int8
    assert tb.multiply(2.5, tb.ones(2, dtype=tb.float32)).dtype == torch.float32


# ---- out= ---------------------------------------------------------------------------------------


def test_write_out_returns_out_with_the_values() -> None:
    out = torch.empty(3, dtype=torch.float32)
    got = write_out(torch.arange(3.0, dtype=torch.float64), out, "f")
    assert got is out
    assert out.tolist() == [0.0, 1.0, 2.0]


def test_write_out_none_returns_the_result() -> None:
    r = torch.ones(2)
    assert write_out(r, None, "f") is r


@pytest.mark.parametrize(
    ("out", "error", "message"),
    [
        (np.zeros(3), TypeError, r"^f: out must be a torch.Tensor, got ndarray"),
        (torch.zeros(4), ValueError, r"^f: out has shape \(4,\) but the result has shape \(3,\)"),
        (torch.zeros(3, device="meta"), ValueError, r"^f: out is on meta but the result is on cpu"),
        (
            torch.zeros(3, dtype=torch.int64),
            TypeError,
            r"^f: cannot cast the torch.float64 result into out of dtype torch.int64 under "
            r"NumPy's 'same_kind' rule",
        ),
        (
            torch.zeros(3, dtype=torch.float64, requires_grad=True),
            ValueError,
            r"^f: out is a leaf tensor that requires grad",
        ),
    ],
)
def test_write_out_refusals(out: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        write_out(torch.zeros(3, dtype=torch.float64), out, "f")


def test_write_out_keeps_the_graph_of_a_non_leaf_out() -> None:
    x = torch.ones(3, requires_grad=True)
    out = torch.zeros(3) * 1.0  # not a leaf
    out.requires_grad_(False)
    res = write_out(x * 2, out, "f")
    res.sum().backward()
    assert x.grad is not None
    assert x.grad.tolist() == [2.0, 2.0, 2.0]


# ---- Python ints past int64 --------------------------------------------------------------


@pytest.mark.parametrize("value", [2**63, 2**64 - 1, 2**63 - 1, -(2**63)])
@pytest.mark.parametrize(
    "call",
    [
        lambda m, v: m.asarray(v),
        lambda m, v: m.array(v),
        lambda m, v: m.full((2,), v),
        lambda m, v: m.sum(v),
        lambda m, v: m.sqrt(v) if v >= 0 else m.sign(v),
        lambda m, v: m.negative(v) if v < 2**63 else m.positive(v),
    ],
    ids=["asarray", "array", "full", "sum", "sqrt", "negative"],
)
def test_a_python_int_alone_takes_numpy_dtype_past_int64(call: Any, value: int) -> None:
    """NumPy gives a Python int alone int64, or uint64 from 2**63 to 2**64 - 1."""
    assert_matches_numpy(call(tb, value), call(np, value))


@pytest.mark.parametrize("value", [2**64, -(2**63) - 1])
@pytest.mark.parametrize("fn", ["asarray", "sum", "negative"])
def test_a_python_int_past_every_integer_dtype_is_an_overflow_error(fn: str, value: int) -> None:
    """NumPy makes an object array there, which torch has no counterpart of: OverflowError,
    named by the function called."""
    expected = np.asarray(value)
    assert expected.dtype == np.dtype(object)
    name = f"{fn}: x: " if fn != "asarray" else "asarray: "
    with pytest.raises(OverflowError, match=rf"^{name}Python integer {value} is out of bounds"):
        getattr(tb, fn)(value)
