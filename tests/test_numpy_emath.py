"""NumPy's numpy.emath on tensors: NumPy as the oracle over dtypes x shapes, inside and outside
the real domain."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._numpy import emath as _emath
from tests._helpers import assert_matches_numpy, needs_numpy2

UNARY = ["sqrt", "log", "log2", "log10", "arccos", "arcsin", "arctanh"]
DTYPES = [torch.int64, torch.float16, torch.float32, torch.float64, torch.complex64,
          torch.complex128]  # fmt: skip
#: values inside the real domain of every function, and values outside it
INSIDE = [0.25, 0.5, 0.75]
OUTSIDE = [-4.0, 0.5, 3.0, -0.25]


def _pair(values: list[float], dtype: torch.dtype, shape: tuple[int, ...]) -> tuple[Any, Any]:
    nd = tb.to_numpy(torch.zeros((), dtype=dtype)).dtype
    n = int(np.prod(shape))
    a = np.resize(np.asarray(values), n).reshape(shape)
    a = np.trunc(a * 4).astype(nd) if nd.kind in "iu" else a.astype(nd)
    if nd.kind == "u":
        a = np.abs(np.trunc(np.resize(np.asarray(values), n) * 4)).astype(nd).reshape(shape)
    a = np.asarray(a)
    return torch.from_numpy(a.copy()), a


def test_the_submodule_is_public() -> None:
    assert tb.emath.__all__ == _emath.__all__
    assert all(getattr(tb.emath, n) is getattr(_emath, n) for n in _emath.__all__)
    assert sorted(tb.emath.__all__) == sorted(np.emath.__all__)
    with pytest.raises(AttributeError):
        tb.emath.exp  # noqa: B018


@pytest.mark.parametrize("values", [INSIDE, OUTSIDE], ids=["inside", "outside"])
@pytest.mark.parametrize("shape", [(), (0,), (4,), (2, 3)], ids=str)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("name", UNARY)
def test_unary(name: str, dtype: torch.dtype, shape: Any, values: list[float]) -> None:
    t, a = _pair(values, dtype, shape)
    with np.errstate(all="ignore"):
        want = getattr(np.emath, name)(a)
    assert_matches_numpy(getattr(tb.emath, name)(t), want)


@needs_numpy2("NumPy 2 promotes Python and NumPy scalars by NEP 50")
@pytest.mark.parametrize("n", [2, -2, 10.0, 0.5], ids=str)
@pytest.mark.parametrize("values", [INSIDE, OUTSIDE], ids=["inside", "outside"])
@pytest.mark.parametrize("dtype", [torch.int64, torch.float32, torch.float64], ids=str)
def test_logn(n: Any, values: list[float], dtype: torch.dtype) -> None:
    t, a = _pair(values, dtype, (4,))
    with np.errstate(all="ignore"):
        want = np.emath.logn(n, a)
    # a float32 logarithm divided by a float64 one: float64 values of float32 precision
    assert_matches_numpy(tb.emath.logn(n, t), want, rtol=1e-6 if dtype == torch.float32 else None)


@needs_numpy2("NumPy 2 promotes Python and NumPy scalars by NEP 50")
@pytest.mark.parametrize("p", [2, -1, 0.5, [1, -2, 2, 3]], ids=str)
@pytest.mark.parametrize("values", [[1.0, 2.0, 3.0, 4.0], OUTSIDE], ids=["inside", "outside"])
@pytest.mark.parametrize("dtype", [torch.int64, torch.float32, torch.float64], ids=str)
def test_power(p: Any, values: list[float], dtype: torch.dtype) -> None:
    t, a = _pair(values, dtype, (4,))
    with np.errstate(all="ignore"):
        want = np.emath.power(a, np.asarray(p))
    got = tb.emath.power(t, torch.tensor(p) if isinstance(p, list) else p)
    assert_matches_numpy(got, want)


@needs_numpy2("NumPy 2 promotes Python and NumPy scalars by NEP 50")
@pytest.mark.parametrize("p", [2, 3, -2, 0, np.int64(2), np.float64(-3.0), 0.5], ids=repr)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.complex128], ids=str)
def test_power_of_negative_numbers_by_a_whole_number_is_exact(p: Any, dtype: torch.dtype) -> None:
    # NumPy computes a whole power of a complex number by products: (-4) ** 2 is 16+0j.
    t, a = _pair(OUTSIDE, dtype, (4,))
    with np.errstate(all="ignore"):
        want = np.emath.power(a, p)
    got = tb.emath.power(t, p)
    assert got.dtype == tb.asarray(want).dtype
    assert np.allclose(got.numpy(), want, rtol=1e-12, atol=0.0)
    if float(p) == int(p):
        assert np.array_equal(got.numpy(), want)


def test_lists_meta_and_graph(device: torch.device) -> None:
    assert_matches_numpy(tb.emath.sqrt([-1, 4]), np.emath.sqrt([-1, 4]))
    x = torch.tensor([-4.0, 9.0], dtype=torch.float64, device=device)
    got = tb.emath.sqrt(x)
    assert got.device == device
    if device.type == "meta":  # no values: taken as inside the domain
        assert got.dtype == torch.float64
        return
    leaf = x.clone().requires_grad_()
    tb.emath.sqrt(leaf).abs().sum().backward()
    assert leaf.grad is not None


@pytest.mark.parametrize("name", UNARY)
def test_refuses_what_is_not_array_data(name: str) -> None:
    with pytest.raises(TypeError, match=rf"emath\.{name}"):
        getattr(tb.emath, name)("abc")


@pytest.mark.parametrize("dtype", [torch.int8, torch.uint8, torch.int16], ids=str)
@pytest.mark.parametrize("name", UNARY)
def test_small_integers_take_the_default_float(name: str, dtype: torch.dtype) -> None:
    """NumPy gives 8- and 16-bit integers float16 (complex64); the namespace gives every
    integer the default float, and emath follows it: NumPy's answer for the int64 values."""
    t, a = _pair(OUTSIDE, dtype, (4,))
    with np.errstate(all="ignore"):
        want = getattr(np.emath, name)(a.astype(np.int64))
    assert_matches_numpy(getattr(tb.emath, name)(t), want)
