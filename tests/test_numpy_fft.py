"""tbridge._numpy.fft (fft2, ifft2, rfft2, irfft2, published through tbridge.fft), with NumPy
2's transforms as the oracle (``np2`` emulates their result dtypes on NumPy 1.x)."""

from __future__ import annotations

import doctest
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from numpy.exceptions import AxisError

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of
from tbridge._numpy import fft as numpy_fft
from tests._helpers import assert_matches_numpy
from tests._numpy_compat import np2

RNG = np.random.default_rng(5)

ANY_INPUT = [tb.float32, tb.float64, tb.complex64, tb.complex128, tb.float16, tb.int32, tb.bool]
REAL_INPUT = [tb.float32, tb.float64, tb.float16, tb.int64, tb.uint8, tb.bool]


def _data(dtype: torch.dtype, shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    nd = numpy_dtype_of(dtype)
    assert nd is not None
    values = RNG.integers(0, 5, size=shape)
    if dtype.is_complex:
        return (values + 1j * RNG.integers(0, 5, size=shape)).astype(nd)
    return values.astype(nd)


def test_fft_has_every_numpy_fft_function() -> None:
    assert set(np.fft.__all__) <= set(dir(tb.fft))


TWO_D = [
    ("fft2", ANY_INPUT),
    ("ifft2", ANY_INPUT),
    ("rfft2", REAL_INPUT),
    ("irfft2", ANY_INPUT),
]
CASES = [(name, dt) for name, dts in TWO_D for dt in dts]
KWARGS: list[dict[str, Any]] = [
    {},
    {"axes": (0, 2)},
    {"s": (3, 5)},
    {"s": (4, 8), "axes": (-1, -2), "norm": "ortho"},
    {"axes": (1,), "norm": "forward"},
    {"s": (2, -1, 4), "axes": (0, 1, 2)},
]


@pytest.mark.parametrize(("name", "dtype"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
@pytest.mark.parametrize("kwargs", KWARGS, ids=str)
def test_two_dimensional_transforms_match_numpy(
    name: str, dtype: torch.dtype, kwargs: dict[str, Any], device: torch.device
) -> None:
    data = _data(dtype, (3, 4, 6))
    expected = getattr(np2.fft, name)(data, **kwargs)
    got = getattr(tb.fft, name)(torch.from_numpy(data).to(device), **kwargs)
    # NumPy scales float16 input with float16 factors (tbridge in float32): float16 precision.
    rtol = 2e-3 if dtype == tb.float16 else None
    assert_matches_numpy(got, expected, device=device, rtol=rtol)


def test_numpy_positional_signature_and_out() -> None:
    data = _data(tb.float64, (4, 6))
    expected = np.fft.fft2(data, (3, 5), (1, 0), "ortho")
    assert_matches_numpy(tb.fft.fft2(data, (3, 5), (1, 0), "ortho"), expected)
    out = torch.empty(4, 6, dtype=torch.complex128)
    assert tb.fft.fft2(torch.from_numpy(data), out=out) is out
    assert_matches_numpy(out, np.fft.fft2(data))
    assert_matches_numpy(tb.fft.irfft2(data.tolist(), norm=None), np.fft.irfft2(data))


@pytest.mark.parametrize("name", numpy_fft.__all__)
def test_docstring_examples_run(name: str) -> None:
    """The factory-made functions' examples (pytest's doctest collection looks for functions
    defined in the module, and these closures are defined in tbridge._namespace.fft)."""
    # The documented outputs are torch's reprs, which leave out ``dtype=`` for torch's default
    # dtype: written, as test_docs.py checks them, for torch's float32 default (conftest's
    # autouse fixture restores the run's own default afterwards).
    torch.set_default_dtype(torch.float32)
    fn = getattr(tb.fft, name)
    tests = doctest.DocTestFinder().find(fn, name, module=False, globs={})
    assert tests
    assert any(t.examples for t in tests)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for t in tests:
        runner.run(t)
    assert runner.failures == 0


BAD: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "fft2-1d",
        lambda: tb.fft.fft2(torch.ones(4)),
        AxisError,
        r"^fft.fft2: axis -2 is out of bounds for x of shape \(4,\) \(1 dimension\(s\)\)$",
    ),
    (
        "rfft2-complex",
        lambda: tb.fft.rfft2(torch.ones(2, 2, dtype=torch.complex64)),
        TypeError,
        r"^fft.rfft2: x is torch.complex64, but rfft2 transforms real input",
    ),
    (
        "ifft2-s",
        lambda: tb.fft.ifft2(torch.ones(2, 2), s=(0, 2)),
        ValueError,
        r"^fft.ifft2: s=\(0, 2\) for x of shape \(2, 2\): transform sizes must be at least 1",
    ),
    (
        "irfft2-norm",
        lambda: tb.fft.irfft2(torch.ones(2, 2), norm="half"),  # type: ignore[arg-type]
        ValueError,
        r"^fft.irfft2: norm='half' is not a normalization",
    ),
    (
        "fft2-lengths",
        lambda: tb.fft.fft2(torch.ones(2, 2), s=(2, 2, 2)),
        ValueError,
        r"^fft.fft2: s=\(2, 2, 2\) and axes=\(-2, -1\) have different lengths",
    ),
    (
        "fft2-str",
        lambda: tb.fft.fft2("ab"),  # type: ignore[arg-type]
        TypeError,
        r"^fft.fft2: x must be array data",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_input(call: Callable[[], Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("name", ["fft2", "ifft2", "rfft2", "irfft2"])
def test_transforms_stay_on_the_autograd_graph(name: str) -> None:
    x = torch.rand(3, 4, dtype=torch.float64, requires_grad=True)
    getattr(tb.fft, name)(x).abs().sum().backward()
    assert x.grad is not None
