"""Random sampling: NumPy's meanings and errors, seeding, the global stream, in-place draws."""

from __future__ import annotations

import copy
import pickle
import re
import threading
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge.linalg import LinAlgError
from tbridge.random import Generator, default_rng


@pytest.mark.parametrize("fn", [tb.rand, tb.randn], ids=lambda f: f.__name__)
def test_module_samplers_shape_dtype_device(
    fn: Callable[..., torch.Tensor], device: torch.device
) -> None:
    x = fn(5, 3, device=device)
    assert (type(x), tuple(x.shape), x.dtype, x.device.type) == (
        torch.Tensor,
        (5, 3),
        tb.float64,
        device.type,
    )
    assert fn((2, 2), dtype="f4", device=device).dtype == tb.float32
    assert fn().shape == ()


def test_rand_is_in_unit_interval() -> None:
    x = tb.rand(10_000)
    assert float(x.min()) >= 0.0
    assert float(x.max()) < 1.0


def test_normal_has_numpy_meaning() -> None:
    one = tb.normal(5, 3)  # the seed's torch.normal(5, 3), which fails in torch
    assert one.shape == ()
    assert one.dtype == tb.float64
    many = tb.normal(5, 3, size=200_000)
    assert abs(float(many.mean()) - 5) < 0.05
    assert abs(float(many.std()) - 3) < 0.05
    grid = tb.normal(np.zeros((2, 3)), 1.0)
    assert grid.shape == (2, 3)


def test_uniform_has_numpy_meaning() -> None:
    x = tb.uniform(-2, 3, size=(100_000,))
    assert x.shape == (100_000,)
    assert float(x.min()) >= -2
    assert float(x.max()) < 3
    assert abs(float(x.mean()) - 0.5) < 0.05
    assert tb.uniform().shape == ()


def test_module_uniform_takes_bounds_in_either_order_as_numpys_does() -> None:
    # np.random.uniform(1, 0) draws from (0, 1]; NumPy's Generator.uniform refuses it.
    x = tb.random.uniform(1, 0, size=10_000)
    assert float(x.min()) > 0.0
    assert float(x.max()) <= 1.0
    y = tb.random.uniform(tb.ones(3), 0.0)
    assert y.shape == (3,)
    with pytest.raises(ValueError, match=r"uniform: high < low \(low=1, high=0\)"):
        default_rng(0).uniform(1, 0)
    with pytest.raises(ValueError, match=r"high - low < 0"):
        np.random.default_rng(0).uniform(1, 0)


def test_tensor_parameters_stay_on_the_graph() -> None:
    loc = tb.zeros(4, requires_grad=True)
    scale = tb.ones(4, requires_grad=True)
    sample = tb.normal(loc, scale)
    sample.sum().backward()
    assert loc.grad is not None
    assert scale.grad is not None
    assert torch.equal(loc.grad, torch.ones(4, dtype=torch.float64))
    # The gamma family: torch's reparameterized gamma carries the gradient to the shape.
    shape = tb.full((1000,), 2.0, requires_grad=True)
    default_rng(0).gamma(shape, 3.0).sum().backward()
    assert shape.grad is not None
    assert bool((shape.grad > 0).all())
    low = tb.zeros((), requires_grad=True)
    default_rng(0).uniform(low, 1.0, size=5).sum().backward()
    assert float(low.grad) == pytest.approx(5.0 - float(default_rng(0).random(5).sum()))


def test_requires_grad_makes_a_leaf() -> None:
    w = default_rng(0).normal(0.0, 1.0, (3,), requires_grad=True)
    assert w.is_leaf
    assert w.requires_grad
    assert default_rng(0).random(2, requires_grad=True).requires_grad


# ---- NumPy's parameter errors -----------------------------------------------------------------

NAN = float("nan")
# (method, kwargs, the message naming the parameter); NumPy raises ValueError for each.
BAD_PARAMETERS: list[tuple[str, dict[str, Any], str]] = [
    ("normal", {"scale": -1}, r"normal: scale=-1, but scale must be >= 0"),
    ("normal", {"scale": [1.0, -1.0]}, r"normal: scale has 1 of 2 entries out of range"),
    ("beta", {"a": 0, "b": 1}, r"beta: a=0, but a must be > 0"),
    ("beta", {"a": 1, "b": -1}, r"beta: b=-1, but b must be > 0"),
    ("binomial", {"n": -1, "p": 0.5}, r"binomial: n=-1, but n must be in \[0, 2\*\*63\)"),
    ("binomial", {"n": 2, "p": 1.5}, r"binomial: p=1.5, but p must be a probability in \[0, 1\]"),
    ("binomial", {"n": 2, "p": NAN}, r"binomial: p=nan, but p must be a probability"),
    ("chisquare", {"df": 0}, r"chisquare: df=0, but df must be > 0"),
    ("dirichlet", {"alpha": [-1, 1]}, r"dirichlet: alpha has 1 of 2 entries out of range"),
    ("exponential", {"scale": -1}, r"exponential: scale=-1, but scale must be >= 0"),
    ("f", {"dfnum": 0, "dfden": 1}, r"f: dfnum=0, but dfnum must be > 0"),
    ("f", {"dfnum": 1, "dfden": 0}, r"f: dfden=0, but dfden must be > 0"),
    ("gamma", {"shape": -1}, r"gamma: shape=-1, but shape must be >= 0"),
    ("gamma", {"shape": 1, "scale": -1}, r"gamma: scale=-1, but scale must be >= 0"),
    ("geometric", {"p": 0}, r"geometric: p=0, but p must be in \(0, 1\]"),
    ("geometric", {"p": NAN}, r"geometric: p=nan"),
    ("gumbel", {"scale": -1}, r"gumbel: scale=-1, but scale must be >= 0"),
    ("hypergeometric", {"ngood": 1, "nbad": 1, "nsample": 3}, r"nsample > ngood \+ nbad"),
    ("hypergeometric", {"ngood": 1, "nbad": 1, "nsample": -1}, r"nsample=-1, but nsample"),
    ("hypergeometric", {"ngood": 10**9, "nbad": 1, "nsample": 1}, r"ngood=1000000000, but"),
    ("laplace", {"scale": -1}, r"laplace: scale=-1, but scale must be >= 0"),
    ("logistic", {"scale": -1}, r"logistic: scale=-1, but scale must be >= 0"),
    ("lognormal", {"sigma": -1}, r"lognormal: sigma=-1, but sigma must be >= 0"),
    ("logseries", {"p": 1}, r"logseries: p=1, but p must be in \[0, 1\)"),
    ("logseries", {"p": NAN}, r"logseries: p=nan"),
    ("multinomial", {"n": -1, "pvals": [0.5, 0.5]}, r"multinomial: n=-1, but n must be in \[0,"),
    ("multinomial", {"n": 2, "pvals": [-0.1, 1.1]}, r"multinomial: pvals has 2 of 2 entries"),
    ("multinomial", {"n": 2, "pvals": [NAN, 0.5]}, r"multinomial: pvals has 1 of 2 entries"),
    ("negative_binomial", {"n": 0, "p": 0.5}, r"negative_binomial: n=0, but n must be > 0"),
    ("negative_binomial", {"n": NAN, "p": 0.5}, r"negative_binomial: n=nan"),
    ("negative_binomial", {"n": 1, "p": 0}, r"negative_binomial: p=0, but p must be in \(0, 1\]"),
    (
        "negative_binomial",
        {"n": 1e19, "p": 0.5},
        r"negative_binomial: n too large or p too small \(n=1e\+19, p=0.5\).* not fit int64",
    ),
    (
        "negative_binomial",
        {"n": [1.0, 1e10], "p": 1e-10},
        r"negative_binomial: n too large or p too small \(n=an array, p=1e-10\)",
    ),
    ("noncentral_chisquare", {"df": 0, "nonc": 1}, r"noncentral_chisquare: df=0"),
    ("noncentral_chisquare", {"df": 1, "nonc": -1}, r"noncentral_chisquare: nonc=-1"),
    ("noncentral_f", {"dfnum": 1, "dfden": 1, "nonc": -1}, r"noncentral_f: nonc=-1"),
    ("pareto", {"a": 0}, r"pareto: a=0, but a must be > 0"),
    ("poisson", {"lam": -1}, r"poisson: lam=-1, but lam must be in \[0, 9.22337e\+18\]"),
    ("poisson", {"lam": 1e19}, r"poisson: lam=1e\+19, but lam must be in"),
    ("poisson", {"lam": NAN}, r"poisson: lam=nan"),
    ("power", {"a": 0}, r"power: a=0, but a must be > 0"),
    ("rayleigh", {"scale": -1}, r"rayleigh: scale=-1, but scale must be >= 0"),
    ("standard_gamma", {"shape": -1}, r"standard_gamma: shape=-1, but shape must be >= 0"),
    ("standard_t", {"df": 0}, r"standard_t: df=0, but df must be > 0"),
    ("triangular", {"left": 1, "mode": 0, "right": 2}, r"triangular: left > mode"),
    ("triangular", {"left": 0, "mode": 3, "right": 2}, r"triangular: mode > right"),
    ("triangular", {"left": 1, "mode": 1, "right": 1}, r"triangular: left == right"),
    ("vonmises", {"mu": 0, "kappa": -1}, r"vonmises: kappa=-1, but kappa must be >= 0"),
    ("wald", {"mean": 0, "scale": 1}, r"wald: mean=0, but mean must be > 0"),
    ("wald", {"mean": 1, "scale": 0}, r"wald: scale=0, but scale must be > 0"),
    ("weibull", {"a": -1}, r"weibull: a=-1, but a must be >= 0"),
    ("zipf", {"a": 1}, r"zipf: a=1, but a must be > 1"),
    ("zipf", {"a": NAN}, r"zipf: a=nan"),
    ("integers", {"low": 5, "high": 5}, r"integers: empty range low=5, high=5, endpoint=False"),
    ("integers", {"low": -1, "high": 300, "dtype": np.uint8}, r"low=-1 is out of bounds for"),
    ("integers", {"low": 0, "high": 2**63 + 1}, r"high=9223372036854775809 is out of bounds"),
    ("integers", {"low": [0, 5], "high": [3, 5]}, r"integers: empty range in some entries"),
    ("choice", {"a": 3, "p": [0.5, 0.4, 0.05]}, r"choice: probabilities p sum to 0.95"),
    ("choice", {"a": 3, "p": [0.5, 0.5, NAN]}, r"choice: probabilities p contain NaN"),
    ("choice", {"a": 3, "p": [1.5, -0.5, 0]}, r"choice: probabilities p are not all"),
    ("choice", {"a": 3, "p": [0.5, 0.5]}, r"choice: a and p must have the same size"),
    ("choice", {"a": 3, "p": [[0.5, 0.5]]}, r"choice: p must be 1-dimensional"),
    ("choice", {"a": 0, "size": 1}, r"choice: a must be a positive integer unless no samples"),
    ("choice", {"a": [], "size": 1}, r"choice: a cannot be empty unless no samples"),
    ("choice", {"a": 3, "size": 4, "replace": False}, r"cannot take 4 samples from 3 entries"),
    (
        "choice",
        {"a": 3, "p": [0, 0, 1], "size": 2, "replace": False},
        r"fewer non-zero entries in p \(1\) than samples \(2\)",
    ),
    ("multivariate_hypergeometric", {"colors": [1, 2], "nsample": 4}, r"nsample=4 > sum"),
    ("multivariate_hypergeometric", {"colors": [-1, 2], "nsample": 1}, r"colors has 1 of 2"),
    ("multivariate_hypergeometric", {"colors": [1, 2], "nsample": -1}, r"nsample=-1 must be"),
    (
        "multivariate_hypergeometric",
        {"colors": [1, 2], "nsample": 1, "method": "x"},
        r"method='x'; pass 'marginals' or 'count'",
    ),
    ("multivariate_normal", {"mean": [0], "cov": np.eye(2)}, r"must have the same length"),
    ("multivariate_normal", {"mean": [[0]], "cov": [[1]]}, r"mean must be 1-dimensional"),
    ("multivariate_normal", {"mean": [0, 0], "cov": np.ones((2, 3))}, r"cov must be 2-dim"),
    ("multivariate_normal", {"mean": [0], "cov": [[1]], "check_valid": "x"}, r"check_valid="),
    ("multivariate_normal", {"mean": [0], "cov": [[1]], "method": "x"}, r"method='x'"),
    ("normal", {"loc": [0.0, 1.0], "size": (2, 3)}, r"size=\(2, 3\) does not fit"),
    ("normal", {"loc": [0.0, 1.0], "scale": [1.0, 1.0, 1.0]}, r"do not broadcast together"),
]


@pytest.mark.parametrize(
    ("method", "kwargs", "message"),
    BAD_PARAMETERS,
    ids=[f"{m}-{i}" for i, (m, _, _) in enumerate(BAD_PARAMETERS)],
)
def test_bad_parameters_are_numpys_value_errors(
    method: str, kwargs: dict[str, Any], message: str
) -> None:
    # The oracle: NumPy refuses the same call (in its own words).
    with pytest.raises(ValueError):  # noqa: PT011
        getattr(np.random.default_rng(0), method)(**kwargs)
    with pytest.raises(ValueError, match=message):
        getattr(default_rng(0), method)(**kwargs)


@pytest.mark.parametrize("method", ["binomial", "multinomial"])
@pytest.mark.parametrize("n", [2**63, 1e30])
def test_trials_past_int64_are_numpys_overflow_error(method: str, n: float) -> None:
    # NumPy reads the number of trials as an int64; a float count was cast to garbage before.
    args = (n, 0.5) if method == "binomial" else (n, [0.5, 0.5])
    with pytest.raises(OverflowError):
        getattr(np.random.default_rng(0), method)(*args)
    for rng in (default_rng(0), tb.random):
        with pytest.raises(OverflowError, match=re.escape(f"{method}: n={n!r} does not fit int64")):
            getattr(rng, method)(*args)
    big = (tb.asarray([3.0, 2.0**63]), *args[1:])  # NumPy refuses float arrays for n
    with pytest.raises(OverflowError, match=rf"{method}: n has entries that do not fit int64"):
        getattr(default_rng(0), method)(*big)


def test_geometric_counts_past_int64_are_its_largest_as_numpys() -> None:
    expected = np.random.default_rng(0).geometric(1e-300, 4)
    for rng in (default_rng(0), tb.random):
        got = rng.geometric(1e-300, 4)
        assert got.dtype == tb.int64
        np.testing.assert_array_equal(got.numpy(), expected)  # 2**63 - 1, as NumPy's Generator
    mixed = default_rng(0).geometric(tb.asarray([1e-300, 0.5] * 50))
    assert bool((mixed[0::2] == 2**63 - 1).all())
    assert bool((mixed[1::2] < 100).all())


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: tb.normal("a"), TypeError, r"normal: loc must be array data .* got str"),
        (lambda: tb.normal(0, 1j), TypeError, r"normal: scale is complex"),
        (
            lambda: tb.rand(2, dtype=tb.int64),
            ValueError,
            r"rand: samples need a real floating dtype, got torch.int64",
        ),
        (lambda: tb.uniform(size=-1), ValueError, r"uniform: negative size -1"),
        (lambda: default_rng(-3), ValueError, r"default_rng: seed=-3 is negative"),
        (lambda: default_rng(1.5), TypeError, r"default_rng: seed=1.5 is not a seed"),
        (lambda: default_rng(True), TypeError, r"default_rng: seed=True is a bool"),
        (lambda: default_rng([1, -2]), ValueError, r"default_rng: seed=\[1, -2\] is not a seq"),
        (lambda: Generator("x"), TypeError, r"Generator: seed='x' is not a seed"),
        (
            lambda: default_rng(0).integers(5, dtype=float),
            ValueError,
            r"integers: dtype must be an integer dtype, got torch.float64",
        ),
        (lambda: default_rng(0).integers(1.5j), TypeError, r"integers: high=1.5j is not an"),
        (
            lambda: default_rng(0).poisson(1.0, dtype=tb.float64),
            ValueError,
            r"poisson: dtype must be an integer dtype",
        ),
        (
            lambda: default_rng(0).gamma(1.0, dtype=tb.int64),
            ValueError,
            r"gamma: samples need a real floating dtype",
        ),
        (
            lambda: default_rng(0).permutation("abc"),
            TypeError,
            r"permutation: x must be array data .* got str",
        ),
        (
            lambda: default_rng(0).permutation(np.array(5.0)),
            np.exceptions.AxisError,
            r"permutation: axis 0 is out of bounds for an array of 0 dimension",
        ),
        (
            lambda: default_rng(0).permuted(np.ones((2, 3)), axis=1.5),
            TypeError,
            r"^permuted: axis 1.5 is not an integer; pass an int$",
        ),
        (
            lambda: default_rng(0).choice(np.ones((2, 3)), axis=-3),
            np.exceptions.AxisError,
            r"^choice: axis -3 is out of bounds for an array of 2 dimension\(s\); a valid axis is "
            r"in \[-2, 2\)$",
        ),
        (
            lambda: tb.random.uniform(0, float("inf")),
            OverflowError,
            r"uniform: high - low is not finite \(low=0, high=inf\)",
        ),
        (
            lambda: default_rng(0).standard_exponential(method="x"),
            ValueError,
            r"standard_exponential: method='x'",
        ),
        (lambda: default_rng(0).spawn(-1), ValueError, r"spawn: n_children=-1 must be >= 0"),
        (lambda: default_rng(0).bytes(-1), ValueError, r"bytes: length=-1 must be >= 0"),
        (
            lambda: default_rng(0).normal(tb.zeros(2, device="meta"), tb.ones(2)),
            ValueError,
            r"normal: scale is on cpu but the samples are drawn on meta",
        ),
        (
            lambda: tb.random.choice(np.ones((2, 2))),
            ValueError,
            r"choice: a must be 1-dimensional, got 2 dimensions",
        ),
        (
            lambda: tb.random.hypergeometric(1, 1, 0),
            ValueError,
            r"hypergeometric: nsample=0, but nsample must be >= 1",
        ),
        (
            lambda: tb.random.dirichlet([0.0, 1.0]),
            ValueError,
            r"dirichlet: alpha has 1 of 2 entries out of range .* must be > 0",
        ),
        (
            lambda: default_rng(0).multivariate_hypergeometric([10**9, 1], 3),
            ValueError,
            r"with method='marginals' sum\(colors\) must be < 10\*\*9",
        ),
    ],
)
def test_bad_random_input(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


def test_nan_parameters_give_nan_where_numpy_lets_them_through() -> None:
    g = default_rng(0)
    nan = float("nan")
    for draw in (
        g.normal(0.0, nan, 3),
        g.beta(nan, 1.0, 3),
        g.chisquare(nan, 3),
        g.vonmises(0.0, nan, 3),
        g.noncentral_chisquare(2.0, nan, 3),
        g.standard_gamma(nan, 3),
        g.dirichlet([nan, 1.0]),
    ):
        assert bool(draw.isnan().all())


def test_numpy_accepts_the_same_edge_values() -> None:
    g = default_rng(0)
    assert float(g.gamma(0.0)) == 0.0
    assert float(g.standard_gamma(0.0)) == 0.0
    assert float(g.weibull(0.0)) == 0.0
    assert int(g.geometric(1.0)) == 1
    assert int(g.logseries(0.0)) == 1
    assert int(g.negative_binomial(1, 1.0)) == 0
    assert g.dirichlet([0.0, 1.0]).tolist() == [0.0, 1.0]
    assert int(g.hypergeometric(1, 1, 0)) == 0
    assert g.binomial(2.7, 1.0).tolist() == 2  # n truncates, as NumPy's
    assert g.integers(0.5, 3.9, size=1000).max() <= 2  # bounds truncate, as NumPy's
    top = g.integers(2**64 - 3, 2**64, size=1000, dtype=np.uint64)
    assert sorted(set(top.tolist())) == [2**64 - 3, 2**64 - 2, 2**64 - 1]
    full = g.integers(-(2**63), 2**63, size=1000)
    assert bool((full < 0).any())
    assert bool((full > 0).any())


# ---- choice, shuffle, permutations ------------------------------------------------------------


def test_choice_draws_rows_or_columns_of_arrays() -> None:
    g = default_rng(0)
    a = tb.arange(12).reshape(3, 4)
    cols = g.choice(a, 5, axis=1)
    assert cols.shape == (3, 5)
    assert all(c in a.T.tolist() for c in cols.T.tolist())
    assert g.choice(a).shape == (4,)
    one = g.choice(5)
    assert (one.shape, one.dtype) == ((), tb.int64)
    assert g.choice(np.array(4)).shape == ()  # a 0-d integer array is arange(a)
    assert g.choice(10**12, 3, replace=False).unique().numel() == 3


def test_shuffle_works_in_place_on_tensors_arrays_and_lists() -> None:
    g = default_rng(1)
    t = tb.arange(10)
    ptr = t.data_ptr()
    assert g.shuffle(t) is None
    assert t.data_ptr() == ptr
    assert sorted(t.tolist()) == list(range(10))
    assert t.tolist() != list(range(10))
    m = tb.arange(12).reshape(3, 4)
    g.shuffle(m, axis=1)
    assert sorted(map(tuple, m.T.tolist())) == [(i, i + 4, i + 8) for i in range(4)]
    a = np.arange(10)
    g.shuffle(a)
    assert sorted(a.tolist()) == list(range(10))
    assert a.tolist() != list(range(10))
    items = ["a", "b", "c", "d", "e", "f"]
    g.shuffle(items)
    assert sorted(items) == ["a", "b", "c", "d", "e", "f"]


@pytest.mark.parametrize(
    ("x", "error", "message"),
    [
        (tb.asarray(3), TypeError, r"shuffle: x is 0-d"),
        (tb.zeros(1).expand(4), ValueError, r"shuffle: x cannot be written in place"),
        (tb.zeros(4, requires_grad=True), ValueError, r"shuffle: x cannot be written in place"),
        ("abc", TypeError, r"shuffle: x must be a tensor, a NumPy array or a mutable sequence"),
    ],
)
def test_shuffle_errors(x: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        default_rng(0).shuffle(x)


def test_permutation_and_permuted_copy_and_keep_the_graph() -> None:
    x = tb.arange(6.0, requires_grad=True)
    y = default_rng(0).permutation(x)
    y.sum().backward()
    assert torch.equal(x.grad, torch.ones(6, dtype=torch.float64))
    out = tb.empty((2, 3), dtype=tb.int64)
    got = default_rng(0).permuted(np.arange(6).reshape(2, 3), axis=1, out=out)
    assert got is out
    assert [sorted(r) for r in out.tolist()] == [[0, 1, 2], [3, 4, 5]]


def test_bytes() -> None:
    b = default_rng(5).bytes(16)
    assert isinstance(b, bytes)
    assert len(b) == 16
    assert b == default_rng(5).bytes(16)
    assert len(tb.random.bytes(3)) == 3


# ---- out= --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "args"),
    [("random", ()), ("standard_normal", ()), ("standard_exponential", ()),
     ("standard_gamma", (2.0,))],
)  # fmt: skip
def test_out_is_filled_and_returned(method: str, args: tuple[Any, ...]) -> None:
    out = tb.zeros((3, 4), dtype=tb.float32)
    got = getattr(default_rng(0), method)(*args, dtype=tb.float32, out=out)
    assert got is out
    assert bool((out != 0).all())
    with pytest.raises(TypeError, match=rf"{method}: out has dtype torch.float32 but the samples"):
        getattr(default_rng(0), method)(*args, dtype=tb.float64, out=out)
    with pytest.raises(ValueError, match=rf"{method}: size=\(2,\) but out has shape \(3, 4\)"):
        getattr(default_rng(0), method)(*args, size=(2,), dtype=tb.float32, out=out)


def test_out_that_cannot_be_written_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"random: out cannot be written in place"):
        default_rng(0).random(out=tb.zeros(3, requires_grad=True))
    with pytest.raises(TypeError, match=r"random: out must be a torch.Tensor, got ndarray"):
        default_rng(0).random(out=np.zeros(3))
    with pytest.raises(TypeError, match=r"random: out has dtype torch.int64 but the samples are"):
        default_rng(0).random(out=tb.zeros(3, dtype=tb.int64))


# ---- multivariate_normal -----------------------------------------------------------------------


def test_multivariate_normal_checks_the_covariance_as_numpy() -> None:
    bad = [[1.0, 2.0], [2.0, 1.0]]
    with pytest.warns(RuntimeWarning, match=r"cov is not symmetric positive semi-definite"):
        default_rng(0).multivariate_normal([0, 0], bad)
    with pytest.raises(ValueError, match=r"cov is not symmetric positive semi-definite"):
        default_rng(0).multivariate_normal([0, 0], bad, check_valid="raise")
    assert default_rng(0).multivariate_normal([0, 0], bad, check_valid="ignore").shape == (2,)
    with pytest.raises(LinAlgError, match=r"cov is not positive definite"):
        default_rng(0).multivariate_normal([0, 0], bad, method="cholesky")
    with pytest.warns(RuntimeWarning):
        default_rng(0).multivariate_normal([0, 0], bad, method="eigh")


# ---- seeding, streams and state ----------------------------------------------------------------


def test_seed_kinds() -> None:
    # An int seeds torch as it is: default_rng(7) draws torch.Generator().manual_seed(7)'s.
    assert torch.equal(
        default_rng(7).random(4), torch.rand(4, generator=torch.Generator().manual_seed(7),
                                             dtype=torch.float64)
    )  # fmt: skip
    ss = np.random.SeedSequence(1234)
    assert torch.equal(
        default_rng(ss).random(3), default_rng(np.random.SeedSequence(1234)).random(3)
    )
    assert torch.equal(default_rng([1, 2, 3]).random(3), default_rng((1, 2, 3)).random(3))
    assert not torch.equal(default_rng([1, 2, 3]).random(3), default_rng([1, 2, 4]).random(3))
    assert default_rng(2**70).seed < 2**64
    # NumPy and torch generators are drawn from (and advance); they are never shared.
    npg = np.random.default_rng(5)
    first = default_rng(npg).random(3)
    assert not torch.equal(first, default_rng(npg).random(3))
    assert torch.equal(first, default_rng(np.random.default_rng(5)).random(3))
    assert default_rng(np.random.PCG64(3)).random(2).shape == (2,)
    tg = torch.Generator().manual_seed(9)
    a = default_rng(tg)
    assert a.device == torch.device("cpu")
    assert not torch.equal(a.random(3), default_rng(tg).random(3))
    assert default_rng(tb.asarray([4, 5])).random(2).shape == (2,)


def test_generators_never_share_state() -> None:
    a = default_rng(11)
    b = default_rng(11)
    for _ in range(3):
        a.random(10)  # a advances; b does not
    assert torch.equal(b.random(5), default_rng(11).random(5))
    assert a.torch_generator is not b.torch_generator


def test_generators_pickle_and_copy_with_their_state() -> None:
    g = default_rng(12)
    g.random(5)
    clone = copy.deepcopy(g)
    restored = pickle.loads(pickle.dumps(g))
    expected = g.random(4)
    assert torch.equal(clone.random(4), expected)
    assert torch.equal(restored.random(4), expected)
    assert clone.random(4).shape == (4,)  # and the clone draws on its own (g is not moved)
    assert torch.equal(g.random(4), restored.random(4))


def test_default_rng_returns_a_generator_unchanged() -> None:
    g = default_rng(0)
    assert default_rng(g) is g
    assert default_rng(g, device="cpu") is g
    with pytest.raises(ValueError, match=r"default_rng: the Generator draws on cpu, not 'meta'"):
        default_rng(g, device="meta")
    assert repr(default_rng(7)) == "tbridge.random.Generator(seed=7)"
    assert repr(default_rng(7, device="meta")) == "tbridge.random.Generator(seed=7, device='meta')"
    assert isinstance(tb.random.Generator(3), Generator)


def test_spawn_gives_independent_reproducible_children() -> None:
    parent = default_rng(3)
    kids = parent.spawn(3)
    draws = [k.random(4) for k in kids]
    assert not torch.equal(draws[0], draws[1])
    assert not torch.equal(draws[0], default_rng(3).random(4))
    again = [k.random(4) for k in default_rng(3).spawn(3)]
    assert all(torch.equal(x, y) for x, y in zip(draws, again, strict=True))
    assert not torch.equal(parent.spawn(1)[0].random(4), draws[0])  # spawning moves on


def test_torch_generator_is_the_stream() -> None:
    g = default_rng(4)
    torch.rand(3, generator=g.torch_generator, dtype=torch.float32)
    h = default_rng(4)
    h.random(3, dtype=tb.float32)
    assert torch.equal(g.random(2), h.random(2))


def test_one_generator_from_several_threads_gives_distinct_correct_draws() -> None:
    # As with NumPy's: each draw is atomic, the interleaving is the scheduler's.
    g = default_rng(8)
    results: list[torch.Tensor] = []

    def work() -> None:
        results.extend(g.random(100) for _ in range(50))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    allv = torch.cat(results)
    assert allv.numel() == 4 * 50 * 100
    assert allv.unique().numel() == allv.numel()  # nothing drawn twice
    # The whole run drew exactly the generator's first 20000 numbers, in some order.
    expected = default_rng(8).random(20_000)
    assert torch.equal(allv.sort().values, expected.sort().values)


def test_global_stream_follows_seed_and_torch_manual_seed() -> None:
    tb.random.seed(123)
    a = (tb.random.rand(3), tb.random.randint(10, size=4), tb.random.gamma(2.0, size=2))
    tb.random.seed(123)
    b = (tb.random.rand(3), tb.random.randint(10, size=4), tb.random.gamma(2.0, size=2))
    torch.manual_seed(123)
    c = (tb.random.rand(3), tb.random.randint(10, size=4), tb.random.gamma(2.0, size=2))
    assert all(torch.equal(x, y) for x, y in zip(a, b, strict=True))
    assert all(torch.equal(x, y) for x, y in zip(a, c, strict=True))
    tb.random.seed([1, 2])
    d = tb.random.random(3)
    tb.random.seed([1, 2])
    assert torch.equal(d, tb.random.random(3))
    tb.random.seed()  # fresh entropy
    with pytest.raises(ValueError, match=r"seed: seed=-1 is negative"):
        tb.random.seed(-1)
    with pytest.raises(TypeError, match=r"seed: seed=1.5 is not a seed"):
        tb.random.seed(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("legacy", [True, False])
def test_get_state_and_set_state_restore_the_stream(legacy: bool) -> None:
    state = tb.random.get_state(legacy)
    first = (tb.random.random(4), tb.random.choice(100, 5), tb.random.standard_normal(3))
    tb.random.set_state(state)
    again = (tb.random.random(4), tb.random.choice(100, 5), tb.random.standard_normal(3))
    assert all(torch.equal(x, y) for x, y in zip(first, again, strict=True))
    tb.random.set_state(torch.get_rng_state())  # a raw torch state is accepted too


@pytest.mark.parametrize(
    ("state", "error", "message"),
    [
        # NumPy's own (legacy) state is refused.
        (np.random.get_state(), TypeError, r"set_state: state must be what"),  # noqa: NPY002
        (("MT19937", torch.zeros(1), "cpu"), ValueError, r"a state of bit generator 'MT19937'"),
        ({"bit_generator": "PCG64", "state": {}}, ValueError, r"bit generator 'PCG64'"),
        (("torch", [1, 2], "cpu"), TypeError, r"set_state: the state must hold a tensor"),
    ],
)
def test_set_state_errors(state: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        tb.random.set_state(state)


def test_random_integers_is_deprecated_and_inclusive() -> None:
    with pytest.warns(DeprecationWarning, match=r"call randint\(1, 3 \+ 1\)"):
        x = tb.random.random_integers(3, size=1000)
    assert sorted(set(x.tolist())) == [1, 2, 3]
    with pytest.warns(DeprecationWarning, match=r"randint\(5, 6 \+ 1\)"):
        assert tb.random.random_integers(5, 6, size=100).max() == 6


def test_module_aliases() -> None:
    assert tb.random.random is tb.random.random_sample
    assert tb.random.ranf is tb.random.random_sample
    assert tb.random.sample is tb.random.random_sample
    assert tb.random.random(2).shape == (2,)
    assert tb.random.choice([1.5, 2.5], 3).dtype == tb.float64
