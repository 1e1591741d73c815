"""The program corpus: realistic NumPy programs run unchanged with numpy and with tbridge.

Each ``tests/programs/prog_NN_<name>.py`` has ``run(np) -> dict[str, object]``; it runs once
with ``numpy`` (the oracle) and once with ``tbridge``, and every output must agree: the same
keys, shapes and dtype kinds, values within a tolerance (``LOOSE`` in a program lists the
keys that are summary statistics of random draws, with their absolute tolerance: the random
streams of the two libraries differ).

A program that does not run with tbridge yet is marked ``xfail(strict=True)`` in ``XFAIL``
with the exact cause; when the cause is fixed the test passes, strict xfail turns that into
a failure, and the entry must go.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb

PROGRAMS = sorted(p.stem for p in (Path(__file__).parent / "programs").glob("prog_*.py"))

#: Programs that fail with tbridge today: the exception they raise and why (the first failure
#: met; "then" names what a run with the missing names filled in met next).
XFAIL: dict[str, tuple[type[Exception], str]] = {
    "prog_01_sensor_cleaning": (
        AssertionError,
        "torch's / operator on an int64 tensor and a Python float gives float32 (torch's "
        "default dtype) where NumPy gives float64 (np.arange(48) / 2.0)",
    ),
    "prog_04_image_normalize": (
        AssertionError,
        "torch's / operator on an integer tensor and a Python float gives float32 where NumPy "
        "gives float64 (x / 5.0)",
    ),
    "prog_07_pca": (
        ValueError,
        "a negative slice step (np.argsort(values)[::-1]): torch.Tensor refuses it",
    ),
    "prog_11_fft_spectrum": (
        TypeError,
        "x.size is a method on a torch.Tensor, not NumPy's element count",
    ),
    "prog_25_portfolio_returns": (
        AssertionError,
        "torch's * operator on an int64 tensor and a Python float gives float32 where NumPy "
        "gives float64 (0.002 * days)",
    ),
    "prog_30_logistic_regression": (
        AttributeError,
        "x.astype: torch.Tensor has no astype method",
    ),
    "prog_36_method_style": (
        AttributeError,
        "x.astype: torch.Tensor has no astype method (also x.copy, x.size, x.std's ddof and "
        "x[::-1] differ)",
    ),
}

#: The entries of ``XFAIL`` whose cause is torch's global default dtype (an operator between
#: an integer tensor and a Python float gives that dtype): with the default set to float64, as
#: the ``default-float64`` run does, they agree with NumPy, and must.
XFAIL_UNLESS_FLOAT64_DEFAULT = {
    "prog_01_sensor_cleaning",
    "prog_04_image_normalize",
    "prog_25_portfolio_returns",
}


def _expected_to_fail(name: str) -> bool:
    if name in XFAIL_UNLESS_FLOAT64_DEFAULT:
        # Read at collection, after conftest's pytest_configure set the run's default dtype.
        return torch.get_default_dtype() != torch.float64
    return name in XFAIL


#: Relative tolerance for floating values (the programs' arithmetic is float64 throughout).
RTOL = 1e-6
ATOL = 1e-9


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"tests.programs.{name}")


def _as_numpy(value: object) -> Any:
    if isinstance(value, torch.Tensor):
        return np.asarray(value.detach().cpu().resolve_conj().resolve_neg())
    return np.asarray(value)


def _compare(key: str, got: object, expected: object, loose: float | None) -> None:
    if isinstance(expected, (list, tuple)) and not isinstance(got, torch.Tensor):
        assert isinstance(got, (list, tuple)), f"{key}: {type(got).__name__}, not a sequence"
        assert len(got) == len(expected), f"{key}: {len(got)} items, NumPy has {len(expected)}"
        for i, (g, e) in enumerate(zip(got, expected, strict=True)):
            _compare(f"{key}[{i}]", g, e, loose)
        return
    g, e = _as_numpy(got), _as_numpy(expected)
    assert g.shape == e.shape, f"{key}: shape {g.shape}, NumPy's {e.shape}"
    assert g.dtype.kind == e.dtype.kind, f"{key}: dtype {g.dtype}, NumPy's {e.dtype}"
    if loose is not None:
        np.testing.assert_allclose(g, e, rtol=0, atol=loose, err_msg=key)
    elif e.dtype.kind in "fc":
        np.testing.assert_allclose(g, e, rtol=RTOL, atol=ATOL, equal_nan=True, err_msg=key)
    else:
        np.testing.assert_array_equal(g, e, err_msg=key)


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_runs_with_numpy(name: str) -> None:
    out = _module(name).run(np)
    assert isinstance(out, dict)
    assert out


def _params() -> list[Any]:
    return [
        pytest.param(
            name,
            marks=pytest.mark.xfail(strict=True, raises=XFAIL[name][0], reason=XFAIL[name][1])
            if _expected_to_fail(name)
            else (),
        )
        for name in PROGRAMS
    ]


@pytest.mark.parametrize("name", _params())
def test_program_agrees_with_numpy(name: str) -> None:
    module = _module(name)
    loose: dict[str, float] = getattr(module, "LOOSE", {})
    expected = module.run(np)
    got = module.run(tb)
    assert sorted(got) == sorted(expected)
    for key in expected:
        _compare(key, got[key], expected[key], loose.get(key))


def test_corpus_size_and_names() -> None:
    assert len(PROGRAMS) >= 30
    assert all(name[5:7].isdigit() for name in PROGRAMS)
    assert set(XFAIL) <= set(PROGRAMS)
    assert XFAIL_UNLESS_FLOAT64_DEFAULT.issubset(XFAIL)
