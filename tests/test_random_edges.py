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

import numpy as np
import pytest
import torch
from scipy import special, stats

import tbridge as tb
from tbridge.random import Generator, default_rng
from tests._helpers import assert_matches_numpy, needs_numpy2

N = 200_000
P_MIN = 1e-6
#: Seconds a child may take for a call that once hung (each returns in well under a second).
LIMIT = 30.0


def _rng(case: str) -> tuple[Generator, int]:
    seed = zlib.crc32(case.encode())
    return default_rng(seed), seed


def _child(fn: Callable[[], Any], queue: Any) -> None:
    # torch's thread pool does not survive a fork once the parent has used it: one thread.
    torch.set_num_threads(1)
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


# ---- noncentral_chisquare and noncentral_f: huge noncentrality ------------------------------


def _numpy_rng(case: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(f"numpy-{case}".encode()))


def _ks_2samp(x: torch.Tensor, y: np.ndarray, seed: int) -> None:
    got = x.double().numpy()
    assert np.isfinite(got).all(), f"seed {seed}: {got[~np.isfinite(got)][:5]}"
    p = stats.ks_2samp(got, y).pvalue
    assert p > P_MIN, f"seed {seed}: two-sample KS p-value {p:.3g}"


@pytest.mark.parametrize(
    ("df", "nonc"), [(3.0, 1e13), (3.0, 1e17), (1.5, 2e19), (3.0, 1e20), (7.0, 1e300)]
)
def test_noncentral_chisquare_huge_nonc_matches_numpy(df: float, nonc: float) -> None:
    # torch.poisson drifts from the Poisson distribution from means of ~1e13 on and gives
    # int64's minimum past ~9.2e18: the samples were 2 * the smallest normal number.
    case = f"ncx2-{df!r}-{nonc!r}"
    rng, seed = _rng(case)
    want = _numpy_rng(case).noncentral_chisquare(df, nonc, N)
    _ks_2samp(rng.noncentral_chisquare(df, nonc, N), want, seed)


@pytest.mark.parametrize(("df", "nonc"), [(3.0, 1e13), (0.5, 2e19), (3.0, 1e30)])
def test_noncentral_chisquare_huge_nonc_float32(df: float, nonc: float) -> None:
    # float32 holds a few values per standard deviation at 1e13 and one past ~1e16 (too coarse
    # for a KS test against NumPy's float64 draws): every sample lies within 6 standard
    # deviations (or a float32 rounding) of the mean.
    rng, _ = _rng(f"ncx2-f32-{df!r}-{nonc!r}")
    got = rng.noncentral_chisquare(df, nonc, 10_000, dtype=tb.float32)
    assert got.dtype == tb.float32
    spread = float((got.double() / nonc - 1).abs().max())
    assert spread < 6 * 2 / math.sqrt(nonc) + 2e-7, spread


@pytest.mark.parametrize(("df", "nonc"), [(0.5, 1e13), (0.5, 1e20), (0.05, 1e25)])
def test_noncentral_chisquare_huge_nonc_small_df(df: float, nonc: float) -> None:
    # NumPy's draw for df <= 1 is itself wrong here (its Poisson means overflow), so the
    # oracle is a sum: noncentral chi2(df, nonc) + chi2(1 - df) is (Z + sqrt(nonc))^2.
    case = f"ncx2-small-df-{df!r}-{nonc!r}"
    rng, seed = _rng(case)
    npr = _numpy_rng(case)
    got = rng.noncentral_chisquare(df, nonc, N) + torch.from_numpy(npr.chisquare(1 - df, N))
    want = (npr.standard_normal(N) + math.sqrt(nonc)) ** 2
    _ks_2samp(got, want, seed)


def test_noncentral_f_huge_nonc_matches_numpy() -> None:
    rng, seed = _rng("ncf-huge")
    got = rng.noncentral_f(3, 5, 1e20, N)
    _ks_2samp(got, _numpy_rng("ncf-huge").noncentral_f(3, 5, 1e20, N), seed)


@pytest.mark.parametrize("df", [0.5, 1.0, 3.0])
def test_noncentral_chisquare_infinite_nonc_is_inf(df: float) -> None:
    rng = default_rng(0)
    assert bool((rng.noncentral_chisquare(df, math.inf, 5) == math.inf).all())
    assert bool((rng.noncentral_f(df, 4.0, math.inf, 5) == math.inf).all())
    # Mixed with ordinary entries, which keep their distribution's support.
    mixed = rng.noncentral_chisquare(df, tb.asarray([2.0, math.inf, 1e20]))
    assert 0 < float(mixed[0]) < 1e3
    assert float(mixed[1]) == math.inf
    assert float(mixed[2]) == pytest.approx(1e20, rel=1e-6)


def test_noncentral_chisquare_infinite_nonc_as_numpy() -> None:
    got = default_rng(0).noncentral_chisquare(3, math.inf, 4)
    np.testing.assert_array_equal(
        got.numpy(), np.random.default_rng(0).noncentral_chisquare(3, np.inf, 4)
    )


# ---- wald: extreme mean and scale ----------------------------------------------------------


def _wald_unit_cdf(t: np.ndarray, phi: float) -> np.ndarray:
    """The CDF of Wald(1, phi) (the inverse Gaussian with mean 1 and shape phi) at ``t``.

    The second term, ``exp(2 phi) Phi(-a (t + 1))``, is taken as
    ``exp(-phi (t - 1)^2 / (2 t)) erfcx(a (t + 1) / sqrt(2)) / 2``, where nothing overflows.
    """
    t = np.maximum(t, 1e-320)
    a = np.sqrt(phi / t)
    second = np.exp(-phi * (t - 1) ** 2 / (2 * t)) * special.erfcx(a * (t + 1) / math.sqrt(2)) / 2
    return np.clip(special.ndtr(a * (t - 1)) + second, 0.0, 1.0)


WALD_EXPONENTS = [-300, -100, -20, 0, 20, 100, 300]
WALD_GRID = [(em, es) for em in WALD_EXPONENTS for es in WALD_EXPONENTS if abs(em - es) <= 300]


@pytest.mark.parametrize(("em", "es"), WALD_GRID, ids=[f"1e{m}-1e{s}" for m, s in WALD_GRID])
def test_wald_extreme_mean_and_scale_fit(em: int, es: int) -> None:
    # The textbook form overflowed (Y * Y) or underflowed (4 scale Y) and gave inf/inf or 0/0:
    # every draw was NaN from means of ~1e155 on. NumPy's own draws lose their digits at these
    # scales (it gives 0 for mean 1, scale 1e-100), so the oracle is the exact CDF of
    # X / mean ~ Wald(1, scale / mean).
    case = f"wald-1e{em}-1e{es}"
    rng, seed = _rng(case)
    x = rng.wald(10.0**em, 10.0**es, 20_000).numpy()
    assert not np.isnan(x).any()
    phi = 10.0 ** (es - em)
    t = x / 10.0**em
    if phi > 1e24:  # a standard deviation below 1e-12 of the mean: the mean itself
        assert float(np.abs(t - 1).max()) < 10 / math.sqrt(phi) + 1e-15
    else:
        p = stats.kstest(t, lambda v: _wald_unit_cdf(v, phi)).pvalue
        assert p > P_MIN, f"seed {seed}: KS p-value {p:.3g}"


@pytest.mark.parametrize(("em", "es"), [(-300, 300), (300, -300), (200, -200)])
def test_wald_ratio_past_float64(em: int, es: int) -> None:
    # scale / mean is not a float64 number here: a huge ratio puts every draw at the mean, a
    # tiny one puts nearly all the mass within 1e-290 of 0 (the rest far out).
    x = default_rng(0).wald(10.0**em, 10.0**es, 10_000).numpy()
    assert not np.isnan(x).any()
    if es > em:
        np.testing.assert_allclose(x, 10.0**em, rtol=1e-15)
    else:
        assert (x / 10.0**em < 1e-290).mean() > 0.99


def test_wald_infinite_scale_gives_the_mean() -> None:
    assert bool((default_rng(0).wald(1.0, math.inf, 4) == 1.0).all())
    # (NumPy gives inf for some of these: its mean * mean / X overflows.)
    np.testing.assert_allclose(default_rng(0).wald(1e300, math.inf, 4).numpy(), 1e300, rtol=5e-16)


@needs_numpy2("NumPy 1.26's wald(1, inf) is NaN")
def test_wald_infinite_scale_as_numpy() -> None:
    got = default_rng(0).wald(1.0, math.inf, 4)
    np.testing.assert_array_equal(got.numpy(), np.random.default_rng(0).wald(1.0, np.inf, 4))


WALD_F32 = [(em, es) for em in (-30, -10, 0, 10, 30) for es in (-30, -10, 0, 10, 30)]


@pytest.mark.parametrize(("em", "es"), WALD_F32, ids=[f"1e{m}-1e{s}" for m, s in WALD_F32])
def test_wald_extreme_mean_and_scale_float32(em: int, es: int) -> None:
    # In float32 wald(1e20, 1) was 93% NaN.
    case = f"wald-f32-1e{em}-1e{es}"
    rng, seed = _rng(case)
    x = rng.wald(10.0**em, 10.0**es, 20_000, dtype=tb.float32)
    assert x.dtype == tb.float32
    t = x.double().numpy() / 10.0**em
    assert not np.isnan(t).any()
    phi = 10.0 ** (es - em)
    if phi > 1e8:  # float32 holds too few values per standard deviation for a KS test
        assert float(np.abs(t - 1).max()) < 10 / math.sqrt(phi) + 1e-6
    else:
        p = stats.kstest(t, lambda v: _wald_unit_cdf(v, phi)).pvalue
        assert p > P_MIN, f"seed {seed}: KS p-value {p:.3g}"


# ---- beta: small shapes keep the digits of 1 - X --------------------------------------------

SMALL_BETAS = [(0.01, 0.01), (0.1, 0.1), (0.01, 0.5), (0.5, 0.01)]


def _share_ok(x: np.ndarray, value: float, exact: float, seed: int) -> None:
    share = float((x == value).mean())
    se = math.sqrt(max(exact * (1 - exact), 1 / x.size) / x.size)
    assert abs(share - exact) < 5.5 * se, f"seed {seed}: P(X == {value}) {share} vs {exact}"


@pytest.mark.parametrize(("a", "b"), SMALL_BETAS)
def test_beta_small_shapes_exact_zeros_and_ones(a: float, b: float) -> None:
    # A draw is exactly 1.0 where 1 - X < 2**-54 and exactly 0.0 where X < 2**-1075; the
    # ratio of gammas taken as exp(la - logaddexp(la, lb)) lost the digits of 1 - X below
    # ~1e-14 (beta(0.01, 0.01) gave 35.75% ones for 34.39%), and a sigmoid gives 0 from
    # X < 1e-308 on.
    case = f"beta-small-{a!r}-{b!r}"
    rng, seed = _rng(case)
    x = rng.beta(a, b, N).numpy()
    _share_ok(x, 1.0, float(stats.beta(b, a).cdf(2.0**-54)), seed)
    # P(X < t) = t**a / (a B(a, b)) (1 + O(t)).
    zero = math.exp(a * -1075 * math.log(2) - math.log(a) - special.betaln(a, b))
    _share_ok(x, 0.0, zero, seed)
    _ks_2samp(torch.from_numpy(x), _numpy_rng(case).beta(a, b, N), seed)


@pytest.mark.parametrize(("a", "b"), [(0.4, 0.6), (2.0, 5.0), (1e-5, 10.0), (1000.0, 3.0)])
def test_beta_matches_numpy(a: float, b: float) -> None:
    case = f"beta-numpy-{a!r}-{b!r}"
    rng, seed = _rng(case)
    _ks_2samp(rng.beta(a, b, N), _numpy_rng(case).beta(a, b, N), seed)


def test_beta_float32_small_shapes() -> None:
    rng, seed = _rng("beta-f32")
    x = rng.beta(0.1, 0.1, N, dtype=tb.float32)
    assert x.dtype == tb.float32
    _share_ok(x.numpy(), 1.0, float(stats.beta(0.1, 0.1).cdf(2.0**-25)), seed)


# ---- multivariate_hypergeometric: large and empty colors ------------------------------------

#: The sums of colors ``method='count'`` draws (see the sampler's docstring).
MVHG_COUNT_MAX = 2**40


@pytest.mark.parametrize("method", ["count", "marginals"])
@pytest.mark.parametrize("colors", [[2**62, 2**62], [2**63 - 1, 1], [2**62, 2**62, 2**62]])
def test_multivariate_hypergeometric_sum_past_int64_is_refused(
    colors: list[int], method: str
) -> None:
    # tbridge drew from such colors ([0, 3] for [2**62, 1]); NumPy refuses them.
    with pytest.raises(
        ValueError, match=r"sum\(colors\) must not exceed the maximum value of a 64"
    ):
        np.random.default_rng(0).multivariate_hypergeometric(colors, 3, method=method)
    with pytest.raises(ValueError, match=r"sum\(colors\) must not exceed the maximum value"):
        default_rng(0).multivariate_hypergeometric(colors, 3, method=method)


@pytest.mark.parametrize(
    "colors", [[2**62, 1], [MVHG_COUNT_MAX, 0], [2**46, 2**46], [2**54 // 1000, 2**54]]
)
def test_multivariate_hypergeometric_count_refuses_sums_it_cannot_draw(colors: list[int]) -> None:
    # From ~2**44 on the float64 sampler skewed the counts (for [2**50, 2**50] and nsample
    # 100 the first column's spread was 9 for 5), and from 2**54 it gave [0, nsample].
    with pytest.raises(ValueError, match=r"at or past 2\*\*40 \(1099511627776\)"):
        default_rng(0).multivariate_hypergeometric(colors, 100, method="count")
    with pytest.raises(ValueError, match="pass smaller colors"):
        default_rng(0).multivariate_hypergeometric(colors, 100)


def test_multivariate_hypergeometric_marginals_suggests_count_below_its_bound() -> None:
    with pytest.raises(ValueError, match="pass method='count'"):
        default_rng(0).multivariate_hypergeometric([10**9, 1], 100)


@pytest.mark.parametrize(
    ("case", "colors", "nsample"),
    [
        ("even", [(MVHG_COUNT_MAX - 1) // 2, (MVHG_COUNT_MAX - 1) // 2], 100),
        (
            "rare",
            [(MVHG_COUNT_MAX - 1) // 1000, MVHG_COUNT_MAX - 1 - (MVHG_COUNT_MAX - 1) // 1000],
            400,
        ),
    ],
)
def test_multivariate_hypergeometric_count_just_below_its_bound_fits(
    case: str, colors: list[int], nsample: int
) -> None:
    # A sample of a few hundred from ~1e12 items: the binomial distribution to ~1e-10.
    rng, seed = _rng(f"mvhg-count-{case}")
    x = rng.multivariate_hypergeometric(colors, nsample, 50_000, method="count").numpy()
    assert (x.sum(axis=1) == nsample).all()
    dist = stats.binom(nsample, colors[0] / sum(colors))
    counts = np.bincount(x[:, 0], minlength=nsample + 1).astype(float)
    expected = dist.pmf(np.arange(nsample + 1)) * x.shape[0]
    keep = expected >= 20  # the tails pooled into one bin
    obs = np.append(counts[keep], counts[~keep].sum())
    exp = np.append(expected[keep], expected[~keep].sum())
    p = stats.chisquare(obs, exp * obs.sum() / exp.sum()).pvalue
    assert p > P_MIN, f"seed {seed}: chi-square p-value {p:.3g}"


@pytest.mark.parametrize("method", ["count", "marginals"])
@pytest.mark.parametrize("size", [None, 3, (2, 0), (2, 4)])
def test_multivariate_hypergeometric_no_colors(method: str, size: Any) -> None:
    # The loop appended the count left over as a column even with no colors: shape (1,).
    want = np.random.default_rng(0).multivariate_hypergeometric([], 0, size, method=method)
    assert_matches_numpy(
        default_rng(0).multivariate_hypergeometric([], 0, size, method=method), want
    )


def test_multivariate_hypergeometric_no_colors_nonzero_nsample() -> None:
    with pytest.raises(ValueError, match=r"nsample > sum\(colors\)"):
        np.random.default_rng(0).multivariate_hypergeometric([], 1)
    with pytest.raises(ValueError, match=r"nsample=1 > sum\(colors\)=0"):
        default_rng(0).multivariate_hypergeometric([], 1)


# ---- exponential: a Python int scale past int64 ---------------------------------------------


@pytest.mark.parametrize("scale", [2**63, 2**64, 10**30, 10**300])
@pytest.mark.parametrize("dtype", [tb.float64, tb.float32])
def test_exponential_huge_int_scale(scale: int, dtype: torch.dtype) -> None:
    # The fast path handed the int to torch, which raised OverflowError from 2**64 on.
    with tb.default_float(dtype):
        got = default_rng(0).exponential(scale, 3)
    assert got.dtype == dtype
    assert got.shape == (3,)
    want = default_rng(0).exponential(float(scale), 3, dtype=dtype)
    torch.testing.assert_close(got, want, rtol=0, atol=0)


def test_exponential_int_scale_past_float64_is_numpy_overflow() -> None:
    with pytest.raises(OverflowError, match="int too large to convert to float"):
        np.random.default_rng(0).exponential(10**400, 3)
    with pytest.raises(OverflowError, match="int too large to convert to float"):
        default_rng(0).exponential(10**400, 3)


# ---- integers: an empty range is allowed when nothing is drawn -------------------------------

EMPTY_DRAWS = [
    ("0-0", (0, 0), {"size": 0}),
    ("5-4", (5, 4), {"size": 0}),
    ("5-4-2x0", (5, 4), {"size": (2, 0)}),
    ("endpoint", (0, -1), {"size": 0, "endpoint": True}),
    ("uint8", (0, 0), {"size": 0, "dtype": np.uint8}),
    ("arrays", ([0, 1], [0, 1]), {"size": (0, 2)}),
    ("array-one-empty", ([0, 1], [5, 1]), {"size": (0, 2)}),
]


@pytest.mark.parametrize(
    ("args", "kwargs"), [c[1:] for c in EMPTY_DRAWS], ids=[c[0] for c in EMPTY_DRAWS]
)
def test_integers_empty_range_with_nothing_drawn(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    want = np.random.default_rng(0).integers(*args, **kwargs)
    assert_matches_numpy(default_rng(0).integers(*args, **kwargs), want)


@pytest.mark.parametrize("size", [None, 1, (2, 3)])
def test_integers_empty_range_with_something_drawn_is_refused(size: Any) -> None:
    with pytest.raises(ValueError, match="high <= 0"):
        np.random.default_rng(0).integers(0, 0, size)
    with pytest.raises(ValueError, match=r"empty range low=0, high=0"):
        default_rng(0).integers(0, 0, size)


def test_legacy_randint_empty_range_with_nothing_drawn() -> None:
    want = np.random.randint(5, 4, size=(2, 0))  # noqa: NPY002 (the legacy function itself)
    assert_matches_numpy(tb.random.randint(5, 4, size=(2, 0)), want)


# ---- size given as an integer NumPy array ---------------------------------------------------

SIZE_ARRAYS = [
    ("random", (), np.array([2, 3])),
    ("normal", (0.0, 1.0), np.array([2, 3])),
    ("integers", (0, 5), np.array([2, 3], dtype=np.uint8)),
    ("standard_gamma", (2.0,), np.array([4])),
    ("multinomial", (5, [0.5, 0.5]), np.array([2, 3])),
    ("choice", (5,), np.array([3, 1])),
    ("random", (), np.array([], dtype=np.int64)),
    ("random", (), np.array(3)),
]


@pytest.mark.parametrize(
    ("method", "args", "size"), SIZE_ARRAYS, ids=[f"{m}-{s.shape}" for m, _, s in SIZE_ARRAYS]
)
def test_size_as_integer_array(method: str, args: tuple[Any, ...], size: np.ndarray) -> None:
    # An integer array of shape (k,) was a TypeError; NumPy reads it as a shape.
    want = getattr(np.random.default_rng(0), method)(*args, size=size)
    got = getattr(default_rng(0), method)(*args, size=size)
    assert tuple(got.shape) == want.shape


def test_size_as_two_dimensional_array_is_refused() -> None:
    with pytest.raises(TypeError, match="only integer scalar arrays"):
        np.random.default_rng(0).random(size=np.array([[2, 3]]))
    with pytest.raises(TypeError, match=r"random: size array\(\[\[2, 3\]\]\) is not an integer"):
        default_rng(0).random(size=np.array([[2, 3]]))


# ---- out= of another dtype than the samples' ------------------------------------------------

OUT_METHODS = [
    ("random", ()),
    ("standard_normal", ()),
    ("standard_exponential", ()),
    ("standard_gamma", (2.0,)),
]


@pytest.mark.parametrize(("method", "args"), OUT_METHODS, ids=[m for m, _ in OUT_METHODS])
def test_out_float32_without_dtype_is_numpy_type_error(method: str, args: tuple[Any, ...]) -> None:
    # A float32 out was filled silently; NumPy's default dtype is float64 and out must match.
    with pytest.raises(TypeError, match="Expected float64, got float32"):
        getattr(np.random.default_rng(0), method)(*args, out=np.empty(3, np.float32))
    out = torch.zeros(3, dtype=torch.float32)
    with pytest.raises(
        TypeError, match=rf"{method}: out has dtype torch.float32 but the samples are torch.float64"
    ):
        getattr(default_rng(0), method)(*args, out=out)
    assert bool((out == 0).all())


@pytest.mark.parametrize(("method", "args"), OUT_METHODS, ids=[m for m, _ in OUT_METHODS])
def test_out_float32_under_a_float32_default(method: str, args: tuple[Any, ...]) -> None:
    out = torch.zeros(3, dtype=torch.float32)
    with tb.default_float(tb.float32):
        assert getattr(default_rng(0), method)(*args, out=out) is out
    with (
        pytest.raises(
            TypeError,
            match=rf"{method}: out has dtype torch.float64 but the samples are torch.float32",
        ),
        tb.default_float(tb.float32),
    ):
        getattr(default_rng(0), method)(*args, out=torch.zeros(3, dtype=torch.float64))


# ---- permuted and permutation of numbers ----------------------------------------------------


@pytest.mark.parametrize(
    "x", [5, 5.0, np.array(5), torch.tensor(5)], ids=["int", "float", "ndarray", "tensor"]
)
def test_permuted_of_a_0d_value_is_a_type_error(x: Any) -> None:
    # permuted(5) returned tensor(5); NumPy raises TypeError (it has no entries to reorder).
    with pytest.raises(TypeError, match=r"len\(\) of unsized object"):
        np.random.default_rng(0).permuted(x if not isinstance(x, torch.Tensor) else x.numpy())
    with pytest.raises(TypeError, match=r"permuted: x is 0-d \(.*\), which has no entries"):
        default_rng(0).permuted(x)


def test_permuted_of_a_0d_value_with_an_axis_is_numpy_axis_error() -> None:
    with pytest.raises(np.exceptions.AxisError):
        np.random.default_rng(0).permuted(5, axis=0)
    with pytest.raises(np.exceptions.AxisError, match="permuted: axis 0 is out of bounds"):
        default_rng(0).permuted(5, axis=0)


@pytest.mark.parametrize("x", [-3, -1, np.int64(-3)], ids=["-3", "-1", "np.int64"])
def test_permutation_of_a_negative_int_is_empty(x: Any) -> None:
    # NumPy shuffles arange(x), which is empty; tbridge raised ValueError.
    want = np.random.default_rng(0).permutation(x)
    assert_matches_numpy(default_rng(0).permutation(x), want)
    assert_matches_numpy(tb.random.permutation(x), np.random.permutation(x))  # noqa: NPY002


# ---- multivariate_hypergeometric: colors must be integers -----------------------------------

NON_INT_COLORS = [
    ("fraction", [5.5, 10, 15]),
    ("whole-floats", [5.0, 10, 15]),
    ("float-array", np.array([5.0, 10.0])),
    ("bools", [True, False]),
    ("nan", [math.nan, 1]),
]


@pytest.mark.parametrize(
    "colors", [c for _, c in NON_INT_COLORS], ids=[n for n, _ in NON_INT_COLORS]
)
def test_multivariate_hypergeometric_non_integer_colors_are_refused(colors: Any) -> None:
    # [5.5, 10, 15] was drawn from; NumPy refuses colors that are not of an integer dtype.
    rule = "colors must be a one-dimensional sequence of nonnegative integers not exceeding"
    with pytest.raises(ValueError, match=rule):
        np.random.default_rng(0).multivariate_hypergeometric(colors, 3)
    with pytest.raises(
        ValueError,
        match=rf"multivariate_hypergeometric: {rule} 9223372036854775807, got torch\.(float64|bool) values",
    ):
        default_rng(0).multivariate_hypergeometric(colors, 3)


def test_multivariate_hypergeometric_float_tensor_colors_are_refused() -> None:
    with pytest.raises(ValueError, match=r"got torch\.float32 values; pass integer counts"):
        default_rng(0).multivariate_hypergeometric(torch.tensor([1.0, 2.0], dtype=torch.float32), 1)


@pytest.mark.parametrize(
    "colors", [[True, 2], np.array([], dtype=np.float64)], ids=["bool-and-int", "empty-float"]
)
def test_multivariate_hypergeometric_colors_numpy_reads_as_integers(colors: Any) -> None:
    want = np.random.default_rng(0).multivariate_hypergeometric(colors, 0)
    assert_matches_numpy(default_rng(0).multivariate_hypergeometric(colors, 0), want)
