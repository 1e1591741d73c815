"""Element-wise functions at special values (infinities, NaNs, signed zeros, integer extremes),
NumPy as the oracle: each case is a root cause found by comparing every element-wise function
with NumPy over such values."""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tests._helpers import assert_matches_numpy, needs_numpy2

INF, NAN = math.inf, math.nan
#: real and imaginary parts whose combinations cover C99 Annex G's special cases
PARTS = (0.0, -0.0, INF, -INF, NAN, 1.0, -1.0, 2.5, -0.5)
COMPLEX = (torch.complex64, torch.complex128)
NP_COMPLEX = {torch.complex64: np.complex64, torch.complex128: np.complex128}


def _special(dtype: torch.dtype) -> np.ndarray:
    """Every complex number with both parts in ``PARTS`` (81 values), as NumPy ``dtype``."""
    z = np.zeros(len(PARTS) ** 2, dtype=NP_COMPLEX[dtype])
    pairs = list(itertools.product(PARTS, PARTS))
    z.real = [p[0] for p in pairs]
    z.imag = [p[1] for p in pairs]
    return z


def _same_bits(result: torch.Tensor, expected: np.ndarray) -> None:
    """Values (NaN equal to NaN) and the signs of zeros, part by part, as NumPy gives them."""
    with np.errstate(invalid="ignore"):  # NumPy 1.26's allclose multiplies infinities by 0
        assert_matches_numpy(result, expected)
    got = result.resolve_conj().resolve_neg().numpy()
    for g, e in ((got.real, expected.real), (got.imag, expected.imag)):
        np.testing.assert_array_equal(g, e)  # NaN == NaN here
        zero = (g == 0) & (e == 0)
        np.testing.assert_array_equal(np.signbit(g[zero]), np.signbit(e[zero]))


def _quiet(fn: Callable[..., Any], *args: object) -> Any:
    """``fn(*args)`` without NumPy's RuntimeWarnings at NaNs and infinities."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return fn(*args)


@pytest.mark.parametrize("dtype", COMPLEX)
@pytest.mark.parametrize("name", ["add", "subtract"])
@pytest.mark.parametrize(
    "form",
    [
        "arrays",
        "scalar_second",
        pytest.param(
            "scalar_first",
            marks=needs_numpy2("a Python complex beside complex64 stays complex64 (NEP 50)"),
        ),
        "out",
    ],
)
def test_complex_add_subtract_keep_each_part(dtype: torch.dtype, name: str, form: str) -> None:
    """torch multiplies x2 by alpha in complex arithmetic, so an infinite part turned the other
    part into NaN: 0j + complex(inf, 0) was inf+nanj (pytorch#82510)."""
    z = _special(dtype)
    a, b = z[:, None], z[None, :]
    fn_np, fn_tb = getattr(np, name), getattr(tb, name)
    if form == "arrays":
        got = fn_tb(torch.from_numpy(a.copy()), torch.from_numpy(b.copy()))
        expected = _quiet(fn_np, a, b)
    elif form == "scalar_second":
        s = complex(INF, 0.0) if dtype is torch.complex128 else 2.0
        got = fn_tb(torch.from_numpy(z.copy()), s)
        expected = _quiet(fn_np, z, s)
    elif form == "scalar_first":
        got = fn_tb(complex(INF, -0.0), torch.from_numpy(z.copy()))
        expected = _quiet(fn_np, complex(INF, -0.0), z)
    else:
        out = torch.empty(a.shape[0], b.shape[1], dtype=dtype)
        a2, b2 = np.broadcast_arrays(a, b)
        got = fn_tb(torch.from_numpy(a2.copy()), torch.from_numpy(b2.copy()), out=out)
        assert got is out
        expected = _quiet(fn_np, a2, b2)
    _same_bits(got, expected)


def test_complex_add_gradient() -> None:
    x = torch.tensor([1 + 2j, 3 - 1j], dtype=torch.complex128, requires_grad=True)
    y = torch.tensor([complex(INF, 0.0), 1j], dtype=torch.complex128)
    tb.real(tb.add(x, y)).sum().backward()
    assert x.grad is not None
    torch.testing.assert_close(x.grad, torch.ones(2, dtype=torch.complex128))


@pytest.mark.parametrize("dtype", COMPLEX)
@pytest.mark.parametrize("lazy", ["plain", "conj"])
def test_complex_negative_flips_zero_signs(dtype: torch.dtype, lazy: str) -> None:
    """torch's vectorized complex neg (four or more elements) computes 0 - z: +0 for a zero part."""
    z = _special(dtype)
    t = torch.from_numpy(z.conj().copy()).conj() if lazy == "conj" else torch.from_numpy(z.copy())
    _same_bits(tb.negative(t), np.negative(z))


@pytest.mark.parametrize("dtype", COMPLEX)
@pytest.mark.parametrize("name", ["pow", "float_power"])
def test_complex_power_at_zero_exponent_and_zero_base(dtype: torch.dtype, name: str) -> None:
    """Anything to the power 0 is 1+0j; a zero base gives 0j for real(b) > 0, NaN otherwise
    (torch: NaN at 0 ** 0 and at infinite or NaN bases, inf+nanj at 0 ** -1)."""
    z = _special(dtype)
    b = np.concatenate([np.zeros(3, z.dtype), np.array([-0.0, 1.5, -1.0 + 1j, 2j, 1.0], z.dtype)])
    b[1] = complex(-0.0, 0.0)
    b[2] = complex(0.0, -0.0)
    x, y = z[:, None], b[None, :]
    got = getattr(tb, name)(torch.from_numpy(x.copy()), torch.from_numpy(y.copy()))
    expected = _quiet(np.power if name == "pow" else np.float_power, x, y)  # (1.26: no np.pow)
    # where the fixes act; elsewhere (infinite bases) torch's exp-log kernel still answers
    fixed = np.broadcast_to((y == 0) | (x == 0), expected.shape)
    assert got.shape == expected.shape
    _same_bits(got[torch.from_numpy(fixed.copy())], expected[fixed])


_STRONG = needs_numpy2("a NumPy scalar beside complex64 promotes to complex128 (NEP 50)")


@pytest.mark.parametrize("dtype", COMPLEX)
@pytest.mark.parametrize(
    "n",
    [
        *(-5, -2, -1, 0, 1, 2, 3, 4, 7, 99, -99, 2.0, 3 + 0j),
        pytest.param(np.int64(2), marks=_STRONG, id="np.int64(2)"),
        pytest.param(np.float64(-3.0), marks=_STRONG, id="np.float64(-3)"),
    ],
)
@pytest.mark.parametrize("name", ["power", "float_power"])
def test_complex_integer_power_of_a_scalar_exponent(
    dtype: torch.dtype, n: complex, name: str
) -> None:
    """A Python or NumPy integer-valued exponent is NumPy's repeated squaring: (1+1j) ** 2 is
    exactly 2j (torch's exp(2 log z) gave 1.2e-16+2j), also at infinities and NaNs."""
    z = _special(dtype)
    got = getattr(tb, name)(torch.from_numpy(z.copy()), n)
    expected = _quiet(getattr(np, name), z, n)
    if complex(n).real < 0:  # the final 1 / z: torch's complex division, within rounding
        assert_matches_numpy(got, expected)
    else:
        _same_bits(got, expected)


@needs_numpy2("sign(z) is z / |z| for complex z since NumPy 2.0")
@pytest.mark.parametrize("dtype", COMPLEX)
def test_complex_sign_with_one_infinite_part(dtype: torch.dtype) -> None:
    """torch.sgn divides by |z| = inf there and gave NaN; NumPy gives the unit in that direction."""
    z = _special(dtype)
    _same_bits(tb.sign(torch.from_numpy(z.copy())), _quiet(np.sign, z))


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64])
def test_gcd_with_the_smallest_integer(dtype: type[np.signedinteger]) -> None:
    """torch's Euclid ends on -1 where iinfo.min meets an odd number; NumPy on 1."""
    lo = np.iinfo(dtype).min
    a = np.array([lo, lo, lo, -7, 0, lo, 12], dtype=dtype)
    b = np.array([lo + 1, 7, 0, lo, lo, lo, -18], dtype=dtype)
    assert_matches_numpy(tb.gcd(torch.from_numpy(a), torch.from_numpy(b)), np.gcd(a, b))


@pytest.mark.parametrize("name", ["add", "multiply", "arctan2", "maximum", "copysign", "hypot"])
@pytest.mark.parametrize("overlap", ["shifted", "transposed", "same"])
def test_out_overlapping_an_input_computes_as_if_into_a_copy(name: str, overlap: str) -> None:
    """torch writes an out= that partly overlaps an input while still reading it."""
    base = np.arange(20, dtype=np.float64).reshape(4, 5) - 7.5
    t = torch.from_numpy(base.copy())
    if overlap == "shifted":
        x_np, out_np, x_tb, out_tb = base[:, :4], base[:, 1:], t[:, :4], t[:, 1:]
    elif overlap == "transposed":
        x_np, out_np, x_tb, out_tb = base[:4, :4], base[:4, :4].T, t[:4, :4], t[:4, :4].T
    else:
        x_np, out_np, x_tb, out_tb = base[:, 1:], base[:, 1:], t[:, 1:], t[:, 1:]
    y = np.linspace(-2.0, 2.0, 16).reshape(4, 4)
    assert getattr(tb, name)(x_tb, torch.from_numpy(y.copy()), out=out_tb) is out_tb
    getattr(np, name)(x_np, y, out=out_np)
    assert_matches_numpy(t, base)
