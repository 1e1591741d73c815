"""Every sampler draws the distribution it names: goodness of fit and moments, seeds fixed.

Each case draws ``N`` samples from a Generator seeded with the CRC-32 of the case's id (the
seed is in the failure message), then

* continuous: a Kolmogorov-Smirnov test against scipy.stats' CDF must give p > 1e-6;
* discrete: a chi-square test against scipy.stats' PMF (bins pooled to >= 20 expected
  counts, tails included) must give p > 1e-6;
* moments: the sample mean within 5.5 standard errors of the closed-form mean, and the sample
  variance within 5.5 standard errors (from the closed-form kurtosis) of the closed-form
  variance, where those moments exist (a two-sided 5.5 sigma miss has probability 4e-8).

So a correct sampler fails a case with probability below 1e-6 over the choice of seed; with
the seeds fixed each run is deterministic (a red run means the code changed, not the draw).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from scipy import special, stats

import tbridge as tb
from tbridge.random import Generator, default_rng

N = 200_000
P_MIN = 1e-6
Z = 5.5

Draw = Callable[[Generator, int], torch.Tensor]


def _rng(case: str) -> tuple[Generator, int]:
    seed = zlib.crc32(case.encode())
    return default_rng(seed), seed


def _moments_ok(x: np.ndarray, dist: Any, seed: int) -> None:
    mean, var, _, kurt = (float(v) for v in dist.stats(moments="mvsk"))
    n = x.size
    if math.isfinite(mean) and math.isfinite(var):
        z = (x.mean() - mean) / math.sqrt(var / n)
        assert abs(z) < Z, f"seed {seed}: mean {x.mean()} vs {mean} (z = {z:.2f})"
    if math.isfinite(var) and math.isfinite(kurt):
        se = var * math.sqrt((kurt + 2) / n)
        z = (x.var(ddof=1) - var) / se
        assert abs(z) < Z, f"seed {seed}: variance {x.var(ddof=1)} vs {var} (z = {z:.2f})"


def _chi2_pvalue(x: np.ndarray, dist: Any) -> float:
    """Chi-square goodness of fit of integer samples to a scipy discrete distribution."""
    lo = int(dist.support()[0])
    # Past the largest sample (or lo + 10**5, for heavy tails) everything shares the last bin.
    top = int(min(x.max(), lo + 10**5))
    ks = np.arange(lo, top + 1)
    probs = dist.pmf(ks)
    probs[0] += dist.cdf(lo - 1)
    probs[-1] += dist.sf(top)
    counts = np.bincount(np.clip(x, lo, top) - lo, minlength=ks.size).astype(float)
    expected = probs * x.size
    obs_bins: list[float] = []
    exp_bins: list[float] = []
    o = e = 0.0
    for oi, ei in zip(counts, expected, strict=True):
        o += oi
        e += ei
        if e >= 20:
            obs_bins.append(o)
            exp_bins.append(e)
            o = e = 0.0
    if exp_bins:
        obs_bins[-1] += o
        exp_bins[-1] += e
    obs = np.array(obs_bins)
    exp = np.array(exp_bins)
    exp *= obs.sum() / exp.sum()
    assert exp.size >= 2, "too few bins for a chi-square test"
    chi2 = float(((obs - exp) ** 2 / exp).sum())
    return float(stats.chi2.sf(chi2, exp.size - 1))


# ---- continuous -----------------------------------------------------------------------------

CONTINUOUS: list[tuple[str, Draw, Any]] = [
    ("random", lambda g, n: g.random(n), stats.uniform()),
    ("random-f32", lambda g, n: g.random(n, dtype=tb.float32), stats.uniform()),
    ("standard_normal", lambda g, n: g.standard_normal(n), stats.norm()),
    ("normal", lambda g, n: g.normal(1.5, 2.0, n), stats.norm(1.5, 2.0)),
    ("normal-array", lambda g, n: g.normal(tb.full((n,), 1.5), 2.0), stats.norm(1.5, 2.0)),
    ("normal-f32", lambda g, n: g.normal(1.5, 2.0, n, dtype=tb.float32), stats.norm(1.5, 2.0)),
    ("uniform", lambda g, n: g.uniform(-2, 3, n), stats.uniform(-2, 5)),
    ("uniform-array", lambda g, n: g.uniform(tb.full((n,), -2.0), 3), stats.uniform(-2, 5)),
    ("standard_exponential", lambda g, n: g.standard_exponential(n), stats.expon()),
    (
        "standard_exponential-inv",
        lambda g, n: g.standard_exponential(n, method="inv"),
        stats.expon(),
    ),
    ("exponential", lambda g, n: g.exponential(2.5, n), stats.expon(scale=2.5)),
    ("exponential-array", lambda g, n: g.exponential([2.5] * n), stats.expon(scale=2.5)),
    ("standard_gamma-small", lambda g, n: g.standard_gamma(0.3, n), stats.gamma(0.3)),
    ("standard_gamma-large", lambda g, n: g.standard_gamma(4.5, n), stats.gamma(4.5)),
    ("gamma", lambda g, n: g.gamma(2.5, 1.5, n), stats.gamma(2.5, scale=1.5)),
    (
        "gamma-f32",
        lambda g, n: g.gamma(2.5, 1.5, n, dtype=tb.float32),
        stats.gamma(2.5, scale=1.5),
    ),
    ("beta-small", lambda g, n: g.beta(0.4, 0.6, n), stats.beta(0.4, 0.6)),
    ("beta", lambda g, n: g.beta(2.0, 5.0, n), stats.beta(2.0, 5.0)),
    ("chisquare", lambda g, n: g.chisquare(3, n), stats.chi2(3)),
    ("chisquare-small", lambda g, n: g.chisquare(0.7, n), stats.chi2(0.7)),
    ("noncentral_chisquare", lambda g, n: g.noncentral_chisquare(3, 2, n), stats.ncx2(3, 2)),
    (
        "noncentral_chisquare-small",
        lambda g, n: g.noncentral_chisquare(0.5, 1.5, n),
        stats.ncx2(0.5, 1.5),
    ),
    ("f", lambda g, n: g.f(5, 12, n), stats.f(5, 12)),
    ("noncentral_f", lambda g, n: g.noncentral_f(5, 12, 2, n), stats.ncf(5, 12, 2)),
    ("standard_t", lambda g, n: g.standard_t(5, n), stats.t(5)),
    ("standard_t-heavy", lambda g, n: g.standard_t(1.5, n), stats.t(1.5)),
    ("standard_cauchy", lambda g, n: g.standard_cauchy(n), stats.cauchy()),
    ("laplace", lambda g, n: g.laplace(1.0, 2.0, n), stats.laplace(1.0, 2.0)),
    ("gumbel", lambda g, n: g.gumbel(1.0, 2.0, n), stats.gumbel_r(1.0, 2.0)),
    ("logistic", lambda g, n: g.logistic(1.0, 2.0, n), stats.logistic(1.0, 2.0)),
    (
        "lognormal",
        lambda g, n: g.lognormal(0.5, 0.4, n),
        stats.lognorm(s=0.4, scale=math.exp(0.5)),
    ),
    ("pareto", lambda g, n: g.pareto(5.5, n), stats.lomax(5.5)),
    ("power", lambda g, n: g.power(2.5, n), stats.powerlaw(2.5)),
    ("rayleigh", lambda g, n: g.rayleigh(2.0, n), stats.rayleigh(scale=2.0)),
    ("weibull", lambda g, n: g.weibull(1.7, n), stats.weibull_min(1.7)),
    ("triangular", lambda g, n: g.triangular(0, 1, 4, n), stats.triang(0.25, 0, 4)),
    ("triangular-edge", lambda g, n: g.triangular(0, 0, 4, n), stats.triang(0.0, 0, 4)),
    # vonmises samples are checked after centring on mu and wrapping to [-pi, pi).
    ("vonmises", lambda g, n: g.vonmises(0.0, 4.0, n), stats.vonmises(4.0)),
    ("vonmises-flat", lambda g, n: g.vonmises(0.0, 0.3, n), stats.vonmises(0.3)),
    ("vonmises-tiny", lambda g, n: g.vonmises(0.0, 1e-6, n), stats.vonmises(1e-6)),
    ("vonmises-sharp", lambda g, n: g.vonmises(0.0, 500.0, n), stats.vonmises(500.0)),
    ("wald", lambda g, n: g.wald(1.5, 2.0, n), stats.invgauss(0.75, scale=2.0)),
    ("wald-skewed", lambda g, n: g.wald(100.0, 1.0, n), stats.invgauss(100.0, scale=1.0)),
]


@pytest.mark.parametrize(("case", "draw", "dist"), CONTINUOUS, ids=[c[0] for c in CONTINUOUS])
def test_continuous_fits(case: str, draw: Draw, dist: Any) -> None:
    rng, seed = _rng(case)
    x = draw(rng, N).double().numpy()
    assert x.shape == (N,)
    p = stats.kstest(x, dist.cdf).pvalue
    assert p > P_MIN, f"seed {seed}: KS p-value {p:.3g}"
    # The linear moments of a circular distribution have no closed form (scipy integrates
    # them numerically, slowly): von Mises samples get the KS test only.
    if not case.startswith("vonmises"):
        _moments_ok(x, dist, seed)


def test_vonmises_is_centred_on_mu_and_wrapped() -> None:
    rng, seed = _rng("vonmises-mu")
    x = rng.vonmises(3.0, 2.0, N).numpy()
    assert x.min() >= -math.pi
    assert x.max() < math.pi
    centred = np.remainder(x - 3.0 + math.pi, 2 * math.pi) - math.pi
    p = stats.kstest(centred, stats.vonmises(2.0).cdf).pvalue
    assert p > P_MIN, f"seed {seed}: KS p-value {p:.3g}"


# ---- discrete -------------------------------------------------------------------------------

DISCRETE: list[tuple[str, Draw, Any]] = [
    ("poisson", lambda g, n: g.poisson(3.2, n), stats.poisson(3.2)),
    ("poisson-large", lambda g, n: g.poisson(55.5, n), stats.poisson(55.5)),
    ("poisson-array", lambda g, n: g.poisson(tb.full((n,), 0.4)), stats.poisson(0.4)),
    ("binomial", lambda g, n: g.binomial(12, 0.35, n), stats.binom(12, 0.35)),
    ("binomial-large", lambda g, n: g.binomial(1000, 0.3, n), stats.binom(1000, 0.3)),
    ("binomial-edge", lambda g, n: g.binomial(5, 0.999, n), stats.binom(5, 0.999)),
    (
        "negative_binomial",
        lambda g, n: g.negative_binomial(3.5, 0.4, n),
        stats.nbinom(3.5, 0.4),
    ),
    ("geometric", lambda g, n: g.geometric(0.3, n), stats.geom(0.3)),
    ("geometric-rare", lambda g, n: g.geometric(0.002, n), stats.geom(0.002)),
    (
        "hypergeometric-small",
        lambda g, n: g.hypergeometric(10, 15, 7, n),
        stats.hypergeom(25, 10, 7),
    ),
    (
        "hypergeometric-large",
        lambda g, n: g.hypergeometric(300, 200, 150, n),
        stats.hypergeom(500, 300, 150),
    ),
    (
        "hypergeometric-swapped",
        lambda g, n: g.hypergeometric(50, 5000, 400, n),
        stats.hypergeom(5050, 50, 400),
    ),
    (
        "hypergeometric-complement-small",
        lambda g, n: g.hypergeometric(20, 30, 45, n),
        stats.hypergeom(50, 20, 45),
    ),
    (
        "hypergeometric-complement-large",
        lambda g, n: g.hypergeometric(500, 400, 850, n),
        stats.hypergeom(900, 500, 850),
    ),
    ("logseries", lambda g, n: g.logseries(0.6, n), stats.logser(0.6)),
    ("logseries-heavy", lambda g, n: g.logseries(0.99, n), stats.logser(0.99)),
    ("zipf", lambda g, n: g.zipf(2.5, n), stats.zipf(2.5)),
    ("zipf-heavy", lambda g, n: g.zipf(1.3, n), stats.zipf(1.3)),
    ("integers", lambda g, n: g.integers(0, 10, n), stats.randint(0, 10)),
    (
        "integers-endpoint",
        lambda g, n: g.integers(-3, 7, n, endpoint=True),
        stats.randint(-3, 8),
    ),
    (
        "integers-wide",
        lambda g, n: g.integers(5, 5 + 3 * 2**20, n),
        stats.randint(5, 5 + 3 * 2**20),
    ),
    (
        "integers-array",
        lambda g, n: g.integers(tb.zeros(n, dtype=tb.int64), 13),
        stats.randint(0, 13),
    ),
]


@pytest.mark.parametrize(("case", "draw", "dist"), DISCRETE, ids=[c[0] for c in DISCRETE])
def test_discrete_fits(case: str, draw: Draw, dist: Any) -> None:
    rng, seed = _rng(case)
    drawn = draw(rng, N)
    assert drawn.dtype == tb.int64
    x = drawn.numpy()
    p = _chi2_pvalue(x, dist)
    assert p > P_MIN, f"seed {seed}: chi-square p-value {p:.3g}"
    _moments_ok(x.astype(np.float64), dist, seed)


#: The largest Zipf count drawn: the samplers (tbridge's and NumPy's) model the distribution
#: truncated to what fits int64.
ZIPF_TOP = 9.2e18


@pytest.mark.parametrize("a", [1 + 1e-7, 1.001, 1.05])
def test_zipf_near_one_follows_the_truncated_zeta_to_its_far_tail(a: float) -> None:
    # Nearly all of the mass lies past any count a chi-square test could list: the counts are
    # binned by decade up to the truncation point, against sums of k**-a taken from Hurwitz's
    # zeta. (Rejection with ``(1 + 1/x) ** (a - 1) - 1`` computed as a power minus 1 accepts
    # counts past ~1e15 too often; near 1, a sampler that draws u from all of (0, 1] hangs.)
    case = f"zipf-near-one-{a!r}"
    rng, seed = _rng(case)
    x = rng.zipf(a, N).numpy().astype(np.float64)
    assert x.min() >= 1
    assert x.max() <= ZIPF_TOP
    edges = np.array([0.0, *(10.0**i - 1 for i in range(1, 19)), ZIPF_TOP])
    mass_past = special.zeta(a, edges + 1)  # the sum of k**-a over k > edge
    expected = -np.diff(mass_past) / (mass_past[0] - mass_past[-1]) * N
    observed = np.histogram(x, bins=edges + 0.5)[0]
    assert expected.min() > 20  # every decade is well filled at these exponents
    p = float(stats.chisquare(observed, expected * observed.sum() / expected.sum()).pvalue)
    assert p > P_MIN, f"seed {seed}: chi-square p-value {p:.3g} over decades"
    # The first counts, where the bins are single values.
    for k in (1, 2, 3):
        share = float((x == k).mean())
        exact = k**-a / (mass_past[0] - mass_past[-1])
        se = math.sqrt(exact * (1 - exact) / N)
        assert abs(share - exact) < Z * se, f"seed {seed}: P(X={k}) {share} vs {exact}"


@pytest.mark.parametrize("a", [1024.0, 1025.0, 5000.0, math.inf])
def test_zipf_with_a_huge_exponent_gives_ones(a: float) -> None:
    # P(X > 1) < 2**-1024 here; from a = 1025 on, 2**(a - 1) overflows float64 and the
    # rejection sampler would never accept: such entries are 1, as NumPy's Generator gives.
    rng = default_rng(zlib.crc32(b"zipf-huge"))
    assert bool((rng.zipf(a, 1000) == 1).all())
    mixed = rng.zipf(tb.asarray([2.0, a, 3.0] * 1000))
    assert bool((mixed[1::3] == 1).all())
    assert bool((mixed[0::3] > 1).any())  # the other entries are still drawn


@pytest.mark.parametrize("lam", [1e12, 1e15, 1e16, 1e18, 9e18], ids=repr)
@pytest.mark.parametrize("as_array", [False, True])
def test_poisson_with_a_huge_mean_has_its_mean_and_spread(lam: float, as_array: bool) -> None:
    # torch.poisson's counts drift from means of ~1e13 on (1.19 times the standard deviation
    # at 1e16); past 5e11 the counts come from the skew-corrected normal approximation.
    rng, seed = _rng(f"poisson-huge-{lam!r}-{as_array}")
    x = rng.poisson(tb.full((N,), lam) if as_array else lam, None if as_array else N)
    assert x.dtype == tb.int64
    values = x.numpy().astype(np.float64)
    z = (values.mean() - lam) / math.sqrt(lam / N)
    assert abs(z) < Z, f"seed {seed}: mean z = {z:.2f}"
    spread = values.std(ddof=1) / math.sqrt(lam)
    assert abs(spread - 1) < Z * math.sqrt(1 / (2 * N)), f"seed {seed}: sd ratio {spread}"


def test_negative_binomial_with_a_huge_poisson_mean_has_its_mean() -> None:
    rng, seed = _rng("negative_binomial-huge")
    n, p = 1e6, 1e-10  # Poisson means near 1e16: the counts take the approximation
    values = rng.negative_binomial(n, p, N).numpy().astype(np.float64)
    dist = stats.nbinom(n, p)
    _moments_ok(values, dist, seed)


@pytest.mark.parametrize(
    ("case", "low", "high", "dtype"),
    [
        ("span-2**40", 0, 2**40 + 12345, tb.int64),
        ("span-above-2**63", 0, 3 * 2**62, tb.uint64),
        ("span-2**64", 0, 2**64, tb.uint64),
        ("span-2**63-high-half", 2**63, 2**64, tb.uint64),
        ("span-int64-negative", -(2**62), 2**62 + 7, tb.int64),
    ],
)
def test_wide_integer_ranges_are_uniform(
    case: str, low: int, high: int, dtype: torch.dtype
) -> None:
    # Too many values for a chi-square test: the scaled values must be uniform on [0, 1).
    rng, seed = _rng(case)
    x = rng.integers(low, high, N, dtype=dtype)
    assert x.dtype == dtype
    values = x.numpy().astype(np.float64) if dtype != tb.uint64 else x.numpy().astype(float)
    u = (values - float(low)) / float(high - low)  # (2**64 is no NumPy integer)
    assert u.min() >= 0
    assert u.max() < 1
    p = stats.kstest(u, "uniform").pvalue
    assert p > P_MIN, f"seed {seed}: KS p-value {p:.3g}"


# ---- multivariate ---------------------------------------------------------------------------


def test_dirichlet_marginals_are_beta() -> None:
    rng, seed = _rng("dirichlet")
    alpha = np.array([0.3, 1.0, 2.5])
    x = rng.dirichlet(alpha, N).numpy()
    np.testing.assert_allclose(x.sum(axis=1), 1.0, rtol=1e-12)
    for i, a in enumerate(alpha):
        dist = stats.beta(a, alpha.sum() - a)
        p = stats.kstest(x[:, i], dist.cdf).pvalue
        assert p > P_MIN, f"seed {seed}: component {i} KS p-value {p:.3g}"
        _moments_ok(x[:, i], dist, seed)


def test_dirichlet_small_alpha_keeps_its_mass_at_the_corners() -> None:
    # Gamma draws with alpha 1e-3 underflow, and normalizing them gives 0/0 or 1/2: with the
    # ratio taken on log-gammas each component is (nearly) 0 or 1, each with probability 1/2.
    rng, seed = _rng("dirichlet-small")
    x = rng.dirichlet([1e-3, 1e-3], N).numpy()
    assert np.isfinite(x).all()
    np.testing.assert_allclose(x.sum(axis=1), 1.0, rtol=1e-12)
    near_corner = (x[:, 0] < 1e-6) | (x[:, 0] > 1 - 1e-6)
    assert near_corner.mean() > 0.95  # Beta(1e-3, 1e-3) puts ~99% of its mass there
    z = ((x[:, 0] > 0.5).sum() - N / 2) / math.sqrt(N / 4)
    assert abs(z) < Z, f"seed {seed}: {(x[:, 0] > 0.5).mean()} of the mass above 1/2"


def test_multinomial_marginals_are_binomial() -> None:
    rng, seed = _rng("multinomial")
    pvals = [0.2, 0.3, 0.1, 0.4]
    x = rng.multinomial(40, pvals, N).numpy()
    assert (x.sum(axis=1) == 40).all()
    for i, pv in enumerate(pvals):
        p = _chi2_pvalue(x[:, i], stats.binom(40, pv))
        assert p > P_MIN, f"seed {seed}: category {i} chi-square p-value {p:.3g}"
    # Categories compete: the covariance of two counts is -n p_i p_j.
    cov = np.cov(x[:, 0], x[:, 1])[0, 1]
    assert abs(cov - (-40 * 0.2 * 0.3)) < 0.05


def test_multivariate_normal_projections_and_covariance() -> None:
    rng, seed = _rng("multivariate_normal")
    mean = np.array([1.0, -2.0, 0.5])
    cov = np.array([[2.0, 0.6, -0.3], [0.6, 1.0, 0.2], [-0.3, 0.2, 0.5]])
    for method in ("svd", "eigh", "cholesky"):
        x = rng.multivariate_normal(mean, cov, N, method=method).numpy()
        w = np.array([0.3, -1.2, 2.0])
        dist = stats.norm(w @ mean, math.sqrt(w @ cov @ w))
        p = stats.kstest(x @ w, dist.cdf).pvalue
        assert p > P_MIN, f"seed {seed}, {method}: KS p-value {p:.3g}"
        got = np.cov(x, rowvar=False)
        # Standard error of a Gaussian sample covariance: sqrt((S_ii S_jj + S_ij^2) / N).
        se = np.sqrt((np.outer(np.diag(cov), np.diag(cov)) + cov**2) / N)
        assert (np.abs(got - cov) < Z * se).all(), f"seed {seed}, {method}: {got}"


def test_multivariate_hypergeometric_marginals() -> None:
    rng, seed = _rng("multivariate_hypergeometric")
    colors = [12, 30, 7, 51]
    x = rng.multivariate_hypergeometric(colors, 25, N).numpy()
    assert (x.sum(axis=1) == 25).all()
    total = sum(colors)
    for i, c in enumerate(colors):
        p = _chi2_pvalue(x[:, i], stats.hypergeom(total, c, 25))
        assert p > P_MIN, f"seed {seed}: color {i} chi-square p-value {p:.3g}"


# ---- choice and permutations ----------------------------------------------------------------


def test_choice_with_p_follows_p() -> None:
    rng, seed = _rng("choice-p")
    p = np.array([0.1, 0.0, 0.25, 0.05, 0.6])
    x = rng.choice(5, N, p=p).numpy()
    assert not (x == 1).any()
    keep = p > 0
    counts = np.bincount(x, minlength=5)[keep]
    pv = stats.chisquare(counts, N * p[keep]).pvalue
    assert pv > P_MIN, f"seed {seed}: chi-square p-value {pv:.3g}"


def test_choice_without_replacement_weighted_first_draw_follows_p() -> None:
    # Sequential draws without replacement: the first follows p, the rest are distinct.
    rng, seed = _rng("choice-p-noreplace")
    p = np.array([0.1, 0.2, 0.3, 0.4])
    rows = np.stack([rng.choice(4, 3, replace=False, p=p).numpy() for _ in range(4000)])
    assert all(len(set(r)) == 3 for r in rows)
    pv = stats.chisquare(np.bincount(rows[:, 0], minlength=4), 4000 * p).pvalue
    assert pv > P_MIN, f"seed {seed}: chi-square p-value {pv:.3g}"
    # The second draw, given the first was 3 (p 0.4), follows p[:3] / 0.6.
    second = rows[rows[:, 0] == 3, 1]
    pv = stats.chisquare(np.bincount(second, minlength=3)[:3], second.size * p[:3] / 0.6).pvalue
    assert pv > P_MIN, f"seed {seed}: chi-square p-value {pv:.3g}"


@pytest.mark.parametrize(("case", "pop"), [("dense", 1000), ("sparse", 10**9)])
def test_choice_without_replacement_is_uniform_and_distinct(case: str, pop: int) -> None:
    rng, seed = _rng(f"choice-noreplace-{case}")
    k = 900 if case == "dense" else N
    x = rng.choice(pop, k, replace=False).numpy()
    assert np.unique(x).size == k
    u = (x + 0.5) / pop
    p = stats.kstest(u, "uniform").pvalue
    assert p > P_MIN, f"seed {seed}: KS p-value {p:.3g}"


def test_permuted_gives_every_permutation_equally_often() -> None:
    rng, seed = _rng("permuted")
    m = 48_000
    rows = rng.permuted(np.tile(np.arange(4), (m, 1)), axis=1).numpy()
    codes = rows @ np.array([64, 16, 4, 1])
    _, counts = np.unique(codes, return_counts=True)
    assert counts.size == 24
    p = stats.chisquare(counts).pvalue
    assert p > P_MIN, f"seed {seed}: chi-square p-value {p:.3g}"


def test_permutation_gives_every_permutation_equally_often() -> None:
    rng, seed = _rng("permutation")
    perms = [tuple(rng.permutation(3).tolist()) for _ in range(3000)]
    _, counts = np.unique(np.array(perms), axis=0, return_counts=True)
    assert counts.size == 6
    p = stats.chisquare(counts).pvalue
    assert p > P_MIN, f"seed {seed}: chi-square p-value {p:.3g}"
