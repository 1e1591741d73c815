"""tbridge.testing: NumPy's assertions on tensors, with NumPy's verdicts and messages.

The oracle is numpy.testing itself on the NumPy twins of the same data: each case must pass
with both or fail with both, with the same message text.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.testing as npt
import pytest
import torch

import tbridge as tb
import tbridge.testing as tbt


def _outcome(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> str | None:
    """None when ``fn`` passes, else its AssertionError's message."""
    try:
        fn(*args, **kwargs)
    except AssertionError as e:
        return str(e)
    return None


F64 = np.array([[1.0, 2.0, 3.0], [4.0, np.nan, 6.0]])
F64_CLOSE = F64 * (1 + 1e-9)
F64_FAR = F64 + np.array([[0.0, 0.0, 1e-3], [0.0, 0.0, 0.0]])
F32 = F64.astype(np.float32)
I64 = np.arange(6).reshape(2, 3)
I64_OFF = I64 + np.eye(2, 3, dtype=np.int64)
C128 = np.array([1 + 2j, 3 - 1j])

# (name, actual, desired, keyword arguments): each is run through tbridge with the first
# argument (and, where marked, the second) as a tensor, and through NumPy as arrays.
CASES: list[tuple[str, Any, Any, dict[str, Any]]] = [
    ("assert_allclose", F64, F64_CLOSE, {}),
    ("assert_allclose", F64, F64_FAR, {}),
    ("assert_allclose", F64, F64_FAR, {"atol": 1e-2}),
    ("assert_allclose", F64, F64_FAR, {"rtol": 1e-5, "err_msg": "step 3", "verbose": False}),
    ("assert_allclose", F64, F64, {"equal_nan": False}),
    ("assert_allclose", F32, F64, {"rtol": 1e-6}),
    ("assert_allclose", F32, F64, {"strict": True}),
    ("assert_allclose", F64[0], 2.0, {}),
    ("assert_allclose", C128, C128 + 1e-3j, {}),
    ("assert_array_equal", I64, I64, {}),
    ("assert_array_equal", I64, I64_OFF, {}),
    ("assert_array_equal", I64, I64.astype(np.int32), {"strict": True}),
    ("assert_array_equal", F64, F64, {}),
    ("assert_array_equal", I64[0], [0, 1, 2], {"err_msg": "row 0"}),
    ("assert_array_almost_equal", F64, F64_CLOSE, {}),
    ("assert_array_almost_equal", F64, F64_FAR, {}),
    ("assert_array_almost_equal", F64, F64_FAR, {"decimal": 2}),
    ("assert_equal", I64, I64_OFF, {}),
    ("assert_equal", F64, F64, {}),
    ("assert_equal", I64, I64.astype(np.float64), {"strict": True}),
    ("assert_array_less", I64, I64 + 1, {}),
    ("assert_array_less", I64, I64_OFF, {}),
    ("assert_array_less", F64[0], 3.0, {}),
    ("assert_almost_equal", F64, F64_CLOSE, {}),
    ("assert_almost_equal", F64, F64_FAR, {"decimal": 4}),
    ("assert_almost_equal", np.float64(1.0), np.float64(1.0 + 1e-6), {}),
    ("assert_approx_equal", np.float64(1234567.0), 1234568.0, {"significant": 6}),
    ("assert_approx_equal", np.float64(1234567.0), 1234568.0, {"significant": 8}),
    ("assert_array_almost_equal_nulp", F64[0], F64[0] * (1 + 2e-16), {}),
    ("assert_array_almost_equal_nulp", F64[0], F64[0] * (1 + 1e-12), {"nulp": 2}),
    ("assert_array_max_ulp", F64[0], F64[0] * (1 + 1e-12), {"maxulp": 2}),
]
IDS = [f"{name}-{i}" for i, (name, *_rest) in enumerate(CASES)]


@pytest.mark.parametrize("both_tensors", [False, True], ids=["tensor-array", "tensor-tensor"])
@pytest.mark.parametrize(("name", "actual", "desired", "kwargs"), CASES, ids=IDS)
def test_same_verdict_and_message_as_numpy(
    name: str,
    actual: Any,
    desired: Any,
    kwargs: dict[str, Any],
    both_tensors: bool,
    data_device: torch.device,
) -> None:
    if "strict" in kwargs and "strict" not in inspect.signature(getattr(npt, name)).parameters:
        pytest.skip(f"this NumPy's {name} has no strict=")
    expected = _outcome(getattr(npt, name), actual, desired, **kwargs)
    t_actual = torch.asarray(np.asarray(actual), device=data_device)
    t_desired = torch.asarray(np.asarray(desired), device=data_device) if both_tensors else desired
    got = _outcome(getattr(tbt, name), t_actual, t_desired, **kwargs)
    assert got == expected


def test_failure_shows_the_values() -> None:
    with pytest.raises(AssertionError) as info:
        tbt.assert_allclose(tb.asarray([1.0, 2.0, 3.0]), [1.0, 2.0, 3.5])
    text = str(info.value)
    assert "Mismatched elements: 1 / 3" in text
    assert "array([1., 2., 3.])" in text
    assert "array([1. , 2. , 3.5])" in text


def test_requires_grad_tensor_is_only_read() -> None:
    base = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64, requires_grad=True)
    x = base * 2
    version = x._version
    tbt.assert_allclose(x, [2.0, 4.0, 6.0])
    tbt.assert_array_equal(x, x)
    with pytest.raises(AssertionError):
        tbt.assert_array_less(x, x)
    assert x.requires_grad
    assert x.grad_fn is not None
    assert x._version == version
    x.sum().backward()
    assert base.grad is not None
    assert base.grad.tolist() == [2.0, 2.0, 2.0]


def test_zero_d_tensor_compares_as_numpy_scalar() -> None:
    expected = _outcome(npt.assert_almost_equal, np.float64(1.0), 1.1)
    assert _outcome(tbt.assert_almost_equal, tb.asarray(1.0), 1.1) == expected
    assert expected is not None
    # As a scalar, not a 0-d array: the 0-d message would show "array(1.)".
    assert "array(" not in expected


def test_tensor_memory_is_never_written() -> None:
    x = torch.arange(4.0)
    before = x.clone()
    tbt.assert_equal(x, [0.0, 1.0, 2.0, 3.0])
    assert torch.equal(x, before)
    assert x.is_contiguous()


@pytest.mark.parametrize(
    ("fn", "args"),
    [
        (tbt.assert_allclose, (torch.tensor([1j]).conj(), [-1j])),
        (tbt.assert_array_equal, (-torch.tensor([1j]).conj(), [1j])),
    ],
    ids=["conj bit", "neg bit"],
)
def test_lazy_bits_are_resolved(fn: Callable[..., None], args: tuple[Any, ...]) -> None:
    fn(*args)


@pytest.mark.parametrize(
    ("dtype", "as_numpy"),
    [
        (torch.bfloat16, np.float32),
        (torch.float8_e4m3fn, np.float32),
        (torch.complex32, np.complex64),
    ],
)
def test_dtypes_numpy_lacks_are_compared_widened(dtype: torch.dtype, as_numpy: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # torch: complex32 is experimental
        x = torch.tensor([1.0, 2.0]).to(dtype)
    tbt.assert_array_equal(x, np.array([1.0, 2.0], dtype=as_numpy), strict=True)


def test_nested_containers() -> None:
    tbt.assert_equal(
        {"a": tb.arange(3), "b": [tb.ones(2), (tb.zeros(1), 5)]},
        {"a": np.arange(3), "b": [np.ones(2), (np.zeros(1), 5)]},
    )
    expected = _outcome(npt.assert_equal, {"a": np.arange(3)}, {"a": np.arange(1, 4)})
    assert _outcome(tbt.assert_equal, {"a": tb.arange(3)}, {"a": np.arange(1, 4)}) == expected
    assert expected is not None


def test_numpy_arrays_pass_through() -> None:
    a = np.arange(3.0)
    assert _outcome(tbt.assert_allclose, a, a + 1) == _outcome(npt.assert_allclose, a, a + 1)


def test_meta_tensor_has_no_values() -> None:
    with pytest.raises(
        TypeError,
        match=r"assert_allclose: a meta tensor has shape and dtype but no values to compare; create it on a device that holds data",
    ):
        tbt.assert_allclose(torch.ones(2, device="meta"), [1.0, 1.0])


def test_assert_raises_is_numpys() -> None:
    assert tbt.assert_raises is npt.assert_raises
    assert tbt.assert_raises_regex is npt.assert_raises_regex
    with tbt.assert_raises(TypeError):
        tb.dtype(3)  # type: ignore[arg-type]
    tbt.assert_raises_regex(ValueError, "casting", tb.can_cast, tb.int8, tb.int8, "sometimes")


def test_max_ulp_dtype_takes_tbridge_dtypes() -> None:
    a = np.array([1.0, 2.0])
    expected = npt.assert_array_max_ulp(a, a, dtype=np.float32)
    got = tbt.assert_array_max_ulp(tb.asarray(a), a, dtype=tb.float32)
    np.testing.assert_array_equal(got, expected)


def test_public_module() -> None:
    assert "testing" in tb.__all__
    assert tb.testing is tbt
    assert sorted(tbt.__all__) == sorted(
        [
            "assert_",
            "assert_allclose",
            "assert_almost_equal",
            "assert_approx_equal",
            "assert_array_almost_equal",
            "assert_array_almost_equal_nulp",
            "assert_array_equal",
            "assert_array_less",
            "assert_array_max_ulp",
            "assert_equal",
            "assert_raises",
            "assert_raises_regex",
        ]
    )
