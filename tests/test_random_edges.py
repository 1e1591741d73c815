"""Samplers at the edges of their parameters: no hang, no garbage, NumPy's values and shapes.

Calls that once looped for ever run in a forked child with a time limit (:func:`_in_child`), so
that a regression fails instead of hanging the suite. Distributions are compared with scipy's
exact CDF or with NumPy's samples (two-sample KS, p > 1e-6, seeds fixed as in
``test_random_distributions.py``).
"""

from __future__ import annotations

import math
import multiprocessing
import zlib
from collections.abc import Callable
from typing import Any

import pytest
import torch
from scipy import stats

import tbridge as tb
from tbridge.random import Generator, default_rng

N = 200_000
P_MIN = 1e-6
#: Seconds a child may take for a call that once hung (each returns in well under a second).
LIMIT = 30.0


def _rng(case: str) -> tuple[Generator, int]:
    seed = zlib.crc32(case.encode())
    return default_rng(seed), seed


def _child(fn: Callable[[], Any], queue: Any) -> None:
    try:
        queue.put(("ok", fn()))
    except BaseException as e:  # reported to the parent, which fails the test
        queue.put(("error", f"{type(e).__name__}: {e}"))


def _in_child(fn: Callable[[], Any], limit: float = LIMIT) -> Any:
    """``fn()`` in a forked child: its result, or a test failure if it does not return in time."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_child, args=(fn, queue))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"did not return within {limit:g} s")
    status, value = queue.get(timeout=limit)
    assert status == "ok", value
    return value


# ---- vonmises: small kappa in float32 and float16 -------------------------------------------

KAPPAS = [m * 10.0**e for e in range(-8, 9) for m in (1.0, 2.0, 5.0)]


def _vonmises_grid(dtype: torch.dtype) -> list[str]:
    rng = default_rng(0)
    bad = []
    for k in KAPPAS:
        x = rng.vonmises(0.5, k, 1000, dtype=dtype)
        if x.dtype != dtype or not bool(((x >= -math.pi) & (x <= math.pi)).all()):
            bad.append(f"kappa={k}: {x}")
    return bad


@pytest.mark.parametrize("dtype", [tb.float16, tb.float32, tb.float64])
def test_vonmises_returns_for_every_kappa(dtype: torch.dtype) -> None:
    # In float32 NumPy's expression for the envelope cancelled to 0 for kappa in ~[1e-5, 3.5e-4]
    # and every candidate was rejected, for ever.
    assert _in_child(lambda: _vonmises_grid(dtype)) == []


def _vonmises_pvalue(kappa: float, dtype: torch.dtype, seed: int) -> float:
    x = default_rng(seed).vonmises(0.0, kappa, N, dtype=dtype).double().numpy()
    return float(stats.kstest(x, stats.vonmises(kappa).cdf).pvalue)


@pytest.mark.parametrize("kappa", [2e-5, 1e-4, 3e-4, 1e-3, 0.05])
@pytest.mark.parametrize("dtype", [tb.float16, tb.float32])
def test_vonmises_small_kappa_below_float64_fits(kappa: float, dtype: torch.dtype) -> None:
    seed = zlib.crc32(f"vonmises-{kappa!r}-{dtype}".encode())
    p = _in_child(lambda: _vonmises_pvalue(kappa, dtype, seed))
    assert p > P_MIN, f"seed {seed}: KS p-value {p:.3g}"
