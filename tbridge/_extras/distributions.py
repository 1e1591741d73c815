"""Sampling kernels: every distribution as torch operations on an explicit ``torch.Generator``.

Each kernel takes the generator (``None`` means torch's default generator of the device), the
output ``shape`` and its parameters as tensors already converted to one floating dtype on one
device and broadcastable to ``shape``; it returns a tensor of ``shape`` on that device. Nothing
here validates parameters (the callers in :mod:`tbridge._extras.random_sampler` do, with NumPy's
rules) and nothing leaves the device.

The primitives are torch's own samplers, all of which take ``generator=``: ``torch.rand``,
``torch.randn``, ``Tensor.cauchy_``, ``torch.randint``,
``Tensor.random_``, ``torch.randperm``, ``torch.poisson``, ``torch.binomial`` and
``torch._standard_gamma`` (the Marsaglia-Tsang sampler behind ``torch.distributions.Gamma``,
which has no ``generator=`` of its own). Everything else is derived from them by a transform
(inverse CDF, ratios, mixtures) or, where no closed transform exists, by a rejection method
run as :func:`accept_reject`: one vectorized draw for every entry, then further rounds on the
rejected entries only, all on the device (each round reads one count back to decide whether
another is needed). The rejection samplers are ``vonmises`` (Best and Fisher, 1979),
``hypergeometric`` for samples of 10 or more (Stadlober's ratio of uniforms, 1989),
``logseries`` (Kemp, 1981), ``zipf`` (Devroye, 1986) and the wide ranges of ``integers``.

Memory and autograd: every result is new memory. Location-scale families and the gamma family
are written as differentiable transforms of parameter-free noise, so gradients reach tensor
parameters; discrete samples are counts with no gradient.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Final

import torch
from torch import Tensor
from torch._C._functorch import is_functorch_wrapped_tensor
from torch.fx.experimental.symbolic_shapes import guard_or_false

from tbridge._core.tracing import values_checkable

#: torch's Marsaglia-Tsang Gamma(k, 1) sampler (private in torch's stubs, public at run time).
_standard_gamma: Final = torch._standard_gamma  # pyright: ignore[reportPrivateImportUsage]

__all__ = [
    "POISSON_TORCH_MAX",
    "accept_reject",
    "beta",
    "binomial",
    "chisquare",
    "dirichlet",
    "exponential01",
    "f",
    "geometric",
    "gumbel",
    "hypergeometric",
    "integers_below",
    "laplace",
    "log_standard_gamma",
    "logistic",
    "logseries",
    "multinomial",
    "negative_binomial",
    "noncentral_chisquare",
    "noncentral_f",
    "pareto",
    "poisson",
    "poisson_count",
    "power",
    "rayleigh",
    "standard_gamma",
    "standard_t",
    "triangular",
    "vonmises",
    "wald",
    "weibull",
    "zipf",
]

Gen = torch.Generator | None
Shape = tuple[int, ...]
#: One round of a rejection sampler: (generator, count, parameters) -> (values, accepted).
Step = Callable[[Gen, int, Sequence[Tensor]], tuple[Tensor, Tensor]]

_TWO63: Final = 2**63
_TWO64: Final = 2**64
_INT64_MIN: Final = -(2**63)
#: Ranges up to this width go straight to ``torch.randint`` (see :func:`integers_below`).
RANDINT_EXACT_SPAN: Final = 2**16


def _rand(g: Gen, shape: Shape | int, like: Tensor) -> Tensor:
    return torch.rand(shape, generator=g, dtype=like.dtype, device=like.device)


def _randn(g: Gen, shape: Shape | int, like: Tensor) -> Tensor:
    return torch.randn(shape, generator=g, dtype=like.dtype, device=like.device)


def exponential01(g: Gen, shape: Shape | int, dtype: torch.dtype, device: torch.device) -> Tensor:
    """Standard exponential samples by the inverse CDF, ``-log1p(-U)``.

    About three times faster than ``Tensor.exponential_`` on the CPU. The uniforms are
    float64 (float32 only where the device has no float64), so the tail reaches ~36.7
    (53 bits) whatever the result's dtype.
    """
    cdt = torch.float32 if device.type == "mps" else torch.float64
    drawn = torch.rand(shape, generator=g, dtype=cdt, device=device).neg_().log1p_().neg_()
    return drawn if drawn.dtype == dtype else drawn.to(dtype)


def _exp(g: Gen, shape: Shape | int, like: Tensor) -> Tensor:
    return exponential01(g, shape, like.dtype, like.device)


# ---- rejection ---------------------------------------------------------------------------------


def accept_reject(g: Gen, shape: Shape, params: Sequence[Tensor], step: Step) -> Tensor:
    """Run ``step`` on every entry, then again on the rejected entries until none is left.

    ``params`` broadcast to ``shape``; ``step`` sees them flattened (or 0-d when they hold one
    value) and returns one candidate and one acceptance flag per entry. Parameters are never
    copied more than once; each round draws only for the entries still open.
    """
    n = math.prod(shape)
    flat = [p.reshape(()) if p.numel() == 1 else p.expand(shape).reshape(-1) for p in params]
    out, ok = step(g, n, flat)
    todo = (~ok).nonzero().squeeze(1)
    while todo.numel():
        sub = [p if p.ndim == 0 else p[todo] for p in flat]
        value, ok = step(g, todo.numel(), sub)
        out[todo[ok]] = value[ok]
        todo = todo[~ok]
    return out.reshape(shape)


# ---- the gamma family --------------------------------------------------------------------------


def standard_gamma(g: Gen, k: Tensor, shape: Shape) -> Tensor:
    """Gamma(k, 1) samples: torch's sampler for ``k >= 1``, boosted as G(k+1) U^(1/k) below.

    The boost is done here rather than inside torch so that small shapes underflow to 0 as
    NumPy's do (torch clamps them to the smallest normal number); ``k = 0`` gives 0 and a NaN
    ``k`` gives NaN.
    """
    # The fast path reads k. Under torch.compile a k known when tracing (from a number
    # parameter) takes it as eager does, and a k that is a graph input takes the general path
    # (the same samples: the boost changes nothing for k >= 1, only later draws differ); inside
    # torch.func transforms k cannot be read.
    if (
        k.ndim == 0
        and k.device.type == "cpu"
        and (
            torch.compiler.is_compiling()  # dynamo does not trace the functorch check
            or not is_functorch_wrapped_tensor(k)
        )
        and guard_or_false(float(k) >= 1)
    ):
        return _standard_gamma(k.expand(shape), generator=g)
    small = k < 1
    boosted = _standard_gamma(torch.where(small, k + 1, k).expand(shape), generator=g)
    u = _rand(g, shape, k)
    out = torch.where(small, boosted * u.pow(1 / k), boosted)
    return torch.where(k.isnan(), k, out)


def log_standard_gamma(g: Gen, k: Tensor, shape: Shape) -> Tensor:
    """``log`` of Gamma(k, 1) samples, exact even where the samples themselves underflow."""
    small = k < 1
    boosted = _standard_gamma(torch.where(small, k + 1, k).expand(shape), generator=g)
    u = _rand(g, shape, k)
    out = boosted.log() + torch.where(small, u.log() / k, 0.0)
    return torch.where(k.isnan(), k, out)


def beta(g: Gen, a: Tensor, b: Tensor, shape: Shape) -> Tensor:
    """Beta(a, b) as G_a / (G_a + G_b), computed from log-gammas (small a and b included).

    With ``x = log G_a - log G_b``, the smaller of ``X`` and ``1 - X`` is
    ``y = e / (1 + e)`` for ``e = exp(-|x|)`` (``e * sigmoid(|x|)``, within a few ulps), and
    ``X`` is ``y`` or ``1 - y``: ``1 - y`` rounds once, so ``X`` is exactly 0 or 1 only where
    the true value rounds there (as many exact 0s and 1s as NumPy's for shapes near 0).
    ``exp(log G_a - logaddexp(log G_a, log G_b))`` lost the digits of ``1 - X`` below the
    ulp of ``log G_a`` (~1e-14 for shapes near 0.01), and ``sigmoid(x)`` rounds
    ``1 + exp(-x)`` first and is 0 from ``x < -709.8`` on.
    """
    x = log_standard_gamma(g, a, shape) - log_standard_gamma(g, b, shape)
    ax = x.abs()
    y = torch.exp(ax.neg()) * torch.sigmoid(ax)  # e / (1 + e), no op with a Python number
    return torch.where(torch.signbit(x), y, 1 - y)


def dirichlet(g: Gen, alpha: Tensor, shape: Shape) -> Tensor:
    """Dirichlet samples of ``shape`` (last axis: the components), normalized log-gammas."""
    return torch.softmax(log_standard_gamma(g, alpha, shape), dim=-1)


def chisquare(g: Gen, df: Tensor, shape: Shape) -> Tensor:
    return 2 * standard_gamma(g, df / 2, shape)


#: The largest Poisson mean handed to ``torch.poisson``: its counts drift from the Poisson
#: distribution from means of ~1e13 on (1.19 times the standard deviation at 1e16), and past
#: ~9.2e18 they are int64's minimum. Larger means draw ``poisson_count``.
POISSON_TORCH_MAX: Final = 5e11


def poisson_count(lam: Tensor, z: Tensor) -> Tensor:
    """A Poisson count of mean ``lam`` (above :data:`POISSON_TORCH_MAX`) from a standard normal
    ``z``: the normal approximation corrected for the Poisson's skew,
    ``round(lam + sqrt(lam) z + (z^2 - 1) / 6)``, off by ~lam^-1/2 standard deviations (below
    2e-6 there)."""
    return torch.round(lam + torch.sqrt(lam) * z + (z * z - 1) / 6)


def _any_above(t: Tensor, bound: float) -> bool:
    """Whether some entry of ``t`` passes ``bound``; True when the values cannot be read
    (under ``torch.compile`` or ``torch.func``), so that callers take the path for all."""
    if not values_checkable(t):
        return True
    return float(t) > bound if t.numel() == 1 else bool((t > bound).any())


def noncentral_chisquare(g: Gen, df: Tensor, nonc: Tensor, shape: Shape) -> Tensor:
    """The Poisson mixture: chi-square with ``df + 2 J`` degrees of freedom, J ~ Poisson(nonc/2).

    Where ``nonc / 2`` passes :data:`POISSON_TORCH_MAX` the draw is NumPy's for ``df > 1``,
    ``chi2(df - 1) + (Z + sqrt(nonc))^2``; for ``df <= 1`` it stays the mixture, with J from
    the normal approximation of the Poisson distribution corrected for its skew
    (``lam + sqrt(lam) Z + (Z^2 - 1) / 6``, off by ~lam^-1/2 standard deviations, below
    2e-6). ``nonc = inf`` gives inf. Those entries take one more normal and one more gamma
    draw, made only when some entry needs them (always under ``torch.compile`` and
    ``torch.func``, where the values cannot be read; the other entries' samples are the same).
    """
    lam = nonc / 2
    if not _any_above(lam, POISSON_TORCH_MAX):
        j = torch.poisson(lam.expand(shape).to(df.dtype), generator=g)
        return 2 * standard_gamma(g, df / 2 + j, shape)
    big = lam > POISSON_TORCH_MAX
    j = torch.poisson(torch.where(big, 0.0, lam).expand(shape).to(df.dtype), generator=g)
    mixed = 2 * standard_gamma(g, df / 2 + j, shape)
    z = _randn(g, shape, df)
    j_big = poisson_count(lam, z)
    plus_one = df > 1
    rest = 2 * standard_gamma(g, torch.where(plus_one, (df - 1) / 2, df / 2 + j_big), shape)
    drawn = torch.where(plus_one, rest + (z + torch.sqrt(nonc)).square(), rest)
    drawn = torch.where(nonc == math.inf, math.inf, drawn)
    return torch.where(big, drawn, mixed)


def f(g: Gen, dfnum: Tensor, dfden: Tensor, shape: Shape) -> Tensor:
    return (chisquare(g, dfnum, shape) * dfden) / (chisquare(g, dfden, shape) * dfnum)


def noncentral_f(g: Gen, dfnum: Tensor, dfden: Tensor, nonc: Tensor, shape: Shape) -> Tensor:
    """The ratio of a noncentral and a central chi-square, each over its degrees of freedom.

    The denominator is drawn first: the numerator's extra draws for huge ``nonc`` (made
    always under ``torch.compile``) then come last and change no sample of this call.
    """
    bottom = chisquare(g, dfden, shape) * dfnum
    return noncentral_chisquare(g, dfnum, nonc, shape) * dfden / bottom


def standard_t(g: Gen, df: Tensor, shape: Shape) -> Tensor:
    return _randn(g, shape, df) / torch.sqrt(chisquare(g, df, shape) / df)


# ---- transforms of uniform, normal and exponential noise ---------------------------------------


def laplace(g: Gen, loc: Tensor, scale: Tensor, shape: Shape) -> Tensor:
    """The difference of two exponentials, scaled."""
    return loc + scale * (_exp(g, shape, scale) - _exp(g, shape, scale))


def gumbel(g: Gen, loc: Tensor, scale: Tensor, shape: Shape) -> Tensor:
    return loc - scale * _exp(g, shape, scale).log()


def logistic(g: Gen, loc: Tensor, scale: Tensor, shape: Shape) -> Tensor:
    """The difference of two Gumbel variates, scaled."""
    return loc + scale * (_exp(g, shape, scale).log() - _exp(g, shape, scale).log())


def pareto(g: Gen, a: Tensor, shape: Shape) -> Tensor:
    """NumPy's ``pareto`` is the Lomax (Pareto II) distribution: exp(E / a) - 1."""
    return torch.expm1(_exp(g, shape, a) / a)


def power(g: Gen, a: Tensor, shape: Shape) -> Tensor:
    return torch.pow(-torch.expm1(-_exp(g, shape, a)), 1 / a)


def rayleigh(g: Gen, scale: Tensor, shape: Shape) -> Tensor:
    return scale * torch.sqrt(2 * _exp(g, shape, scale))


def weibull(g: Gen, a: Tensor, shape: Shape) -> Tensor:
    draws = torch.pow(_exp(g, shape, a), 1 / a)
    return torch.where(a == 0, 0.0, draws)


def triangular(g: Gen, left: Tensor, mode: Tensor, right: Tensor, shape: Shape) -> Tensor:
    """The inverse CDF of the triangle on ``[left, right]`` peaking at ``mode``."""
    base = right - left
    lower = mode - left
    u = _rand(g, shape, base)
    below = left + torch.sqrt(u * lower * base)
    above = right - torch.sqrt((1 - u) * (right - mode) * base)
    return torch.where(u * base <= lower, below, above)


def wald(g: Gen, mean: Tensor, scale: Tensor, shape: Shape) -> Tensor:
    """Michael, Schucany and Haas (1976), computed in units of the mean without overflow.

    With ``Y = Z^2`` for a standard normal ``Z`` and ``phi = scale / mean``, the two roots of
    the quadratic are ``mean * q^2`` and ``mean / q^2`` for ``q = 1 / (r + sqrt(1 + r^2))``,
    ``r = |Z| / (2 sqrt(phi))`` (the smaller root ``(S - Y) / (S + Y)`` of the textbook form,
    rewritten so that nothing cancels). They are taken as ``(sqrt(mean) * q)^2`` and
    ``(sqrt(mean) / q)^2``: no intermediate overflows or underflows before the result does,
    for any mean and scale (the textbook form gives inf/inf or 0/0 from means of ~1e155 on).
    """
    root = torch.sqrt(mean)
    r = _randn(g, shape, mean).abs_() * (root / (2 * torch.sqrt(scale)))
    d = r + torch.hypot(r, r.new_ones(()))  # 1 / q, at least 1
    u = _rand(g, shape, mean)
    return torch.where(u * (1 + d.pow(-2)) <= 1, (root / d).square(), (root * d).square())


def vonmises(g: Gen, mu: Tensor, kappa: Tensor, shape: Shape) -> Tensor:
    """Best and Fisher's (1979) rejection sampler on the circle, wrapped to ``[-pi, pi)``.

    As in NumPy, ``kappa < 1e-8`` is the uniform distribution on the circle and
    ``kappa > 1e6`` the wrapped normal with variance ``1 / kappa`` (the rejection step loses
    its precision there). The envelope's parameter is computed without cancellation below
    float64, so float32 (and float16, computed in float32) draws small ``kappa`` as float64
    does.
    """
    flat_k = kappa.expand(shape)
    tiny = flat_k < 1e-8
    huge = flat_k > 1e6
    plain = ~(tiny | huge | flat_k.isnan())
    k = torch.where(plain, flat_k, 1.0)
    r = 1 + torch.sqrt(1 + 4 * k * k)
    if k.dtype == torch.float64:  # NumPy's expression, so that the draws are NumPy's
        rho = (r - torch.sqrt(2 * r)) / (2 * k)
    else:
        # The same value without the cancellation: r - sqrt(2 r) = 4 k^2 / (r + sqrt(2 r)).
        # NumPy's form is 0 in float32 once k^2 is below its epsilon (k < ~3.5e-4), which
        # made s infinite and rejected every candidate.
        rho = 2 * k / (r + torch.sqrt(2 * r))
    s = torch.where(k < 1e-5, 1 / k + k, (1 + rho * rho) / (2 * rho))

    def step(g: Gen, m: int, p: Sequence[Tensor]) -> tuple[Tensor, Tensor]:
        kk, ss, free = p
        z = torch.cos(math.pi * _rand(g, m, kk))
        w = (1 + ss * z) / (ss + z)
        y = kk * (ss - w)
        v = _rand(g, m, kk)
        ok = (y * (2 - y) - v > 0) | (torch.log(y / v) + 1 - y >= 0) | free
        return w, ok

    w = accept_reject(g, shape, [k, s, ~plain], step)
    sign = torch.where(_rand(g, shape, kappa) < 0.5, -1.0, 1.0).to(kappa.dtype)
    angle = sign * torch.acos(w.clamp(-1, 1))
    angle = torch.where(tiny, math.pi * (2 * _rand(g, shape, kappa) - 1), angle)
    angle = torch.where(huge, _randn(g, shape, kappa) / torch.sqrt(flat_k), angle)
    angle = torch.where(flat_k.isnan(), flat_k, angle)
    return torch.remainder(mu + angle + math.pi, 2 * math.pi) - math.pi


# ---- discrete ----------------------------------------------------------------------------------


def poisson(g: Gen, lam: Tensor, shape: Shape) -> Tensor:
    """Poisson counts (as floats) from ``torch.poisson``; means past
    :data:`POISSON_TORCH_MAX` from :func:`poisson_count` (one more normal draw, made only when
    some mean needs it, and always where the means cannot be read)."""
    return _poisson_of(g, lam.expand(shape))


def _poisson_of(g: Gen, rate: Tensor) -> Tensor:
    """Poisson counts for each mean in ``rate`` (see :func:`poisson`)."""
    if not _any_above(rate, POISSON_TORCH_MAX):
        return torch.poisson(rate.contiguous(), generator=g)
    big = rate > POISSON_TORCH_MAX
    counts = torch.poisson(torch.where(big, 0.0, rate).contiguous(), generator=g)
    return torch.where(big, poisson_count(rate, _randn(g, rate.shape, rate)), counts)


def _binomial(g: Gen, count: Tensor, prob: Tensor) -> Tensor:
    """``torch.binomial`` of two tensors of one shape."""
    if not torch.compiler.is_compiling() and is_functorch_wrapped_tensor(prob):
        # torch 2.13's vmap rule for binomial, given an unbatched count and a batched prob,
        # resizes its output with a UserWarning: give the count prob's batch first.
        count = count + torch.zeros_like(prob)
    return torch.binomial(count.contiguous(), prob.contiguous(), generator=g)


def binomial(g: Gen, n: Tensor, p: Tensor, shape: Shape) -> Tensor:
    """Binomial counts (as floats) from ``torch.binomial``; ``n`` holds whole numbers."""
    return _binomial(g, n.expand(shape), p.expand(shape))


def negative_binomial(g: Gen, n: Tensor, p: Tensor, shape: Shape) -> Tensor:
    """The gamma-Poisson mixture: Poisson(Gamma(n, (1 - p) / p))."""
    rate = standard_gamma(g, n, shape) * ((1 - p) / p)
    return _poisson_of(g, rate)


def geometric(g: Gen, p: Tensor, shape: Shape) -> Tensor:
    """Trials to the first success: ``floor(E / -log1p(-p)) + 1`` for a standard exponential E.

    int64 counts; one past int64's range (``p`` below ~1e-19) is int64's largest, as NumPy's
    Generator gives (a float count cast to int64 there would be anything).
    """
    z = torch.floor(_exp(g, shape, p) / -torch.log1p(-p)) + 1
    return z.to(torch.int64).masked_fill_(z >= 2.0**63, _TWO63 - 1)


def logseries(g: Gen, p: Tensor, shape: Shape) -> Tensor:
    """Kemp's (1981) second algorithm ("LK"); the rare candidates below 1 are drawn again."""

    def step(g: Gen, m: int, params: Sequence[Tensor]) -> tuple[Tensor, Tensor]:
        pp, r = params
        v = _rand(g, m, pp)
        q = -torch.expm1(r * _rand(g, m, pp))
        k = torch.floor(1 + torch.log(v) / torch.log(q))
        one = v >= pp
        tail = ~one & (v <= q * q)
        value = torch.where(one | (~tail & (v >= q)), 1.0, 2.0).to(pp.dtype)
        value = torch.where(tail, k, value)
        ok = ~tail | ((k >= 1) & (v > 0))
        return value, ok

    return accept_reject(g, shape, [p, torch.log1p(-p)], step)


#: The largest count drawn (a Zipf count past it would not fit int64): the sampler models the
#: distribution truncated there, as NumPy's does.
_ZIPF_MAX: Final = 9.2e18
#: The exponent from which a Zipf count is 1: ``2 ** (a - 1)`` overflows float64 there (the
#: sampler would reject forever), and a count above 1 has probability below 1e-308. NumPy's
#: Generator uses the same bound.
_ZIPF_ALL_ONES: Final = 1025.0


def zipf(g: Gen, a: Tensor, shape: Shape) -> Tensor:
    """Devroye's (1986) rejection sampler for the zeta distribution; 1 for ``a >= 1025``.

    The uniform ``u`` is drawn from ``(u_min, 1]``, where ``u_min`` is the value whose
    candidate ``floor(u ** (-1 / (a - 1)))`` is the largest count: smaller ones give counts
    past it, which would be rejected, and for ``a`` near 1 nearly all of ``(0, 1]`` is
    smaller (``a = 1 + 1e-7`` would reject for ever). The acceptance test takes
    ``(1 + 1/x) ** (a - 1) - 1`` and ``2 ** (a - 1) - 1`` by ``expm1``/``log1p``: computed
    as powers minus 1 they lose their digits for counts past ~1e15 or ``a`` near 1, which
    then are accepted too often (the tail from 1e15 on comes out ~40% too heavy at
    ``a = 1.05``). Entries with ``a >= 1025`` are sampled with ``a = 2`` (the same draws are
    taken, so the other entries' counts do not change) and replaced by 1.
    """
    ones = a >= _ZIPF_ALL_ONES
    am1 = torch.where(ones, 2.0, a) - 1
    bm1 = torch.expm1(am1 * math.log(2.0))  # b - 1 for b = 2 ** (a - 1)
    span = -torch.expm1(-am1 * math.log(_ZIPF_MAX))  # 1 - u_min

    def step(g: Gen, m: int, params: Sequence[Tensor]) -> tuple[Tensor, Tensor]:
        e, bm, w = params
        u = 1 - w * _rand(g, m, e)
        v = _rand(g, m, e)
        x = torch.floor(torch.pow(u, -1 / e))
        inside = (x >= 1) & (x <= _ZIPF_MAX)
        x = torch.where(inside, x, 1.0)
        tm1 = torch.expm1(e * torch.log1p(1 / x))  # t - 1 for t = (1 + 1/x) ** (a - 1)
        ok = inside & (v * x * tm1 * (1 + bm) <= (1 + tm1) * bm)
        return x, ok

    return torch.where(ones, 1.0, accept_reject(g, shape, [am1, bm1, span], step))


def _log_factorial(x: Tensor) -> Tensor:
    return torch.lgamma(x + 1)


#: Stadlober's constants for the ratio-of-uniforms hat: 2 sqrt(2/e) and 3 - 2 sqrt(3/e).
_HRUA_D1: Final = 2 * math.sqrt(2 / math.e)
_HRUA_D2: Final = 3 - 2 * math.sqrt(3 / math.e)


def hypergeometric(g: Gen, good: Tensor, bad: Tensor, sample: Tensor, shape: Shape) -> Tensor:
    """Good items in ``sample`` draws without replacement from ``good + bad`` (float counts).

    Draws of fewer than 10 items (after replacing a sample by its complement when that is
    smaller) are simulated item by item; larger ones use Stadlober's ratio-of-uniforms method
    with the exact acceptance test on log-factorials.
    """
    good = good.expand(shape).reshape(-1)
    bad = bad.expand(shape).reshape(-1)
    sample = sample.expand(shape).reshape(-1)
    total = good + bad
    n = torch.minimum(sample, total - sample)
    out = torch.empty_like(total)
    small = n < 10
    idx_small = small.nonzero().squeeze(1)
    idx_large = (~small).nonzero().squeeze(1)
    if idx_small.numel():
        out[idx_small] = _hypergeometric_by_item(g, good[idx_small], total[idx_small], n[idx_small])
    if idx_large.numel():
        gl, bl, nl = good[idx_large], bad[idx_large], n[idx_large]
        lo = torch.minimum(gl, bl)
        k = _hypergeometric_hrua(g, lo, torch.maximum(gl, bl), nl)
        out[idx_large] = torch.where(gl > bl, nl - k, k)
    # A complemented sample drew the items left behind.
    out = torch.where(n < sample, good - out, out)
    return out.reshape(shape)


def _hypergeometric_by_item(g: Gen, good: Tensor, total: Tensor, n: Tensor) -> Tensor:
    left_good = good.clone()
    left_total = total.clone()
    rounds = int(n.max()) if n.numel() else 0
    for i in range(rounds):
        active = n > i
        pick = (_rand(g, good.shape, good) * left_total < left_good) & active
        left_good -= pick.to(good.dtype)
        left_total -= active.to(good.dtype)
    return good - left_good


def _hypergeometric_hrua(g: Gen, lo: Tensor, hi: Tensor, n: Tensor) -> Tensor:
    """Hypergeometric(lo, hi, n) with ``lo <= hi`` and ``n <= (lo + hi) / 2``, n >= 10."""
    total = lo + hi
    p = lo / total
    mean = n * p
    a = mean + 0.5
    var = (total - n) * n * p * (1 - p) / (total - 1)
    c = torch.sqrt(var + 0.5)
    h = _HRUA_D1 * c + _HRUA_D2
    mode = torch.floor((n + 1) * (lo + 1) / (total + 2))
    peak = (
        _log_factorial(mode)
        + _log_factorial(lo - mode)
        + _log_factorial(n - mode)
        + _log_factorial(hi - n + mode)
    )
    bound = torch.minimum(torch.minimum(n, lo) + 1, torch.floor(a + 16 * c))

    def step(g: Gen, m: int, params: Sequence[Tensor]) -> tuple[Tensor, Tensor]:
        aa, hh, bb, pk, lo_, hi_, n_ = params
        u = _rand(g, m, aa)
        v = _rand(g, m, aa)
        x = aa + hh * (v - 0.5) / u
        inside = (x >= 0) & (x < bb)
        k = torch.where(inside, torch.floor(x), 0.0)
        here = (
            _log_factorial(k)
            + _log_factorial(lo_ - k)
            + _log_factorial(n_ - k)
            + _log_factorial(hi_ - n_ + k)
        )
        ok = inside & (2 * torch.log(u) <= pk - here)
        return k, ok

    return accept_reject(g, (lo.numel(),), [a, h, bound, peak, lo, hi, n], step)


def multinomial(g: Gen, n: Tensor, pvals: Tensor, shape: Shape) -> Tensor:
    """Counts of ``shape`` (last axis: the categories) by conditional binomials.

    Category ``j`` takes a binomial share of what the earlier categories left, with its
    probability relative to the mass left; the last category takes the rest.
    """
    batch = shape[:-1]
    k = shape[-1]
    left = n.expand(batch).contiguous()
    mass = torch.ones(batch, dtype=pvals.dtype, device=pvals.device)
    columns = []
    for j in range(k - 1):
        pj = pvals[..., j].expand(batch)
        share = torch.where(mass > 0, (pj / mass).clamp(0, 1), 0.0)
        draw = _binomial(g, left, share)
        columns.append(draw)
        left = left - draw
        mass = mass - pj
    columns.append(left)
    return torch.stack(columns, dim=-1)


# ---- integers ----------------------------------------------------------------------------------


def integers_below(g: Gen, span: int | Tensor, shape: Shape, device: torch.device) -> Tensor:
    """Uniform integers in ``[0, span)`` as int64 (two's complement for ``span > 2^63``).

    Python ``span`` up to :data:`RANDINT_EXACT_SPAN` goes to ``torch.randint``, whose 32-bit
    reduction skews a value's probability by at most ``span / 2^32`` (relative), below 2^-16.
    Wider spans reduce a 63-bit draw modulo ``span`` and reject the incomplete top block, so
    every value is exactly equally likely; spans beyond 2^63 (only a full 64-bit range can
    need them) use 64 random bits and reject values at or above ``span``. A tensor ``span``
    (array bounds, each at most 2^63) takes the 63-bit route per entry.
    """
    if isinstance(span, int):
        if span <= RANDINT_EXACT_SPAN:
            return torch.randint(0, span, shape, generator=g, device=device)
        if span == _TWO63:  # exactly the 63 bits random_() draws
            return torch.empty(shape, dtype=torch.int64, device=device).random_(generator=g)
        if span > _TWO63:
            return _integers_64bit(g, span, shape, device)
        span_t = torch.tensor(span, dtype=torch.int64, device=device)
    else:
        span_t = span
    # Largest multiple of span that fits in [0, 2^63): accept r < limit.
    top = torch.tensor(_TWO63 - 1, dtype=torch.int64, device=device)
    last_ok = top - torch.remainder(torch.remainder(top, span_t) + 1, span_t)

    def step(g: Gen, m: int, params: Sequence[Tensor]) -> tuple[Tensor, Tensor]:
        sp, lim = params
        r = torch.empty(m, dtype=torch.int64, device=device).random_(generator=g)
        return torch.remainder(r, sp), r <= lim

    return accept_reject(g, shape, [span_t, last_ok], step)


def _integers_64bit(g: Gen, span: int, shape: Shape, device: torch.device) -> Tensor:
    # Unsigned comparison on int64 bit patterns: flip the sign bit, then compare signed.
    bound = torch.tensor((span - _TWO63) if span < _TWO64 else 0, dtype=torch.int64)
    full = span >= _TWO64

    def step(g: Gen, m: int, params: Sequence[Tensor]) -> tuple[Tensor, Tensor]:
        r = torch.empty(m, dtype=torch.int64, device=device).random_(_INT64_MIN, None, generator=g)
        if full:
            return r, torch.ones(m, dtype=torch.bool, device=device)
        return r, (r ^ _INT64_MIN) < params[0]

    return accept_reject(g, shape, [bound.to(device)], step)
