"""Random sampling: NumPy signatures and meanings, seeded generators, every device."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
import torch

import tbridge as tb
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


def test_normal_with_tensor_parameters_stays_on_graph() -> None:
    loc = tb.zeros(4, requires_grad=True)
    scale = tb.ones(4, requires_grad=True)
    sample = tb.normal(loc, scale)
    sample.sum().backward()
    assert loc.grad is not None
    assert scale.grad is not None
    assert torch.equal(loc.grad, torch.ones(4, dtype=torch.float64))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.normal(0, -1),
            ValueError,
            r"normal: scale=-1 must be >= 0 \(it is a standard deviation\)",
        ),
        (
            lambda: tb.normal(0, tb.asarray([1.0, -1.0])),
            ValueError,
            r"normal: scale has negative entries",
        ),
        (lambda: tb.normal("a"), TypeError, r"normal: loc='a' is not a real number or array"),
        (
            lambda: tb.rand(2, dtype=tb.int64),
            ValueError,
            r"rand: samples need a real floating dtype, got torch.int64",
        ),
        (lambda: tb.uniform(size=-1), ValueError, r"uniform: negative size -1"),
        (lambda: default_rng(-3), TypeError, r"default_rng: seed=-3 is not a non-negative integer"),
        (
            lambda: default_rng(0).integers(5, 5),
            ValueError,
            r"integers: empty range low=5, high=5, endpoint=False; pass high > low",
        ),
        (
            lambda: default_rng(0).integers(5, dtype=float),
            ValueError,
            r"integers: dtype must be an integer dtype, got torch.float64",
        ),
        (
            lambda: default_rng(0).permutation("abc"),
            TypeError,
            r"permutation: x='abc' is neither an int nor an array",
        ),
    ],
)
def test_bad_random_input(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


METHODS: list[tuple[str, Callable[[Generator, torch.device], torch.Tensor]]] = [
    ("random", lambda g, d: g.random((3, 2), device=d)),
    ("standard_normal", lambda g, d: g.standard_normal((3, 2), device=d)),
    ("normal", lambda g, d: g.normal(1.0, 2.0, (3, 2), device=d)),
    ("uniform", lambda g, d: g.uniform(-1.0, 1.0, (3, 2), device=d)),
    ("integers", lambda g, d: g.integers(0, 10, (3, 2), device=d)),
    ("permutation", lambda g, d: g.permutation(6, device=d)),
]


@pytest.mark.parametrize(("name", "draw"), METHODS, ids=[m[0] for m in METHODS])
def test_same_seed_same_numbers(
    name: str, draw: Callable[[Generator, torch.device], torch.Tensor], device: torch.device
) -> None:
    first = draw(default_rng(42), device)
    second = draw(default_rng(42), device)
    assert first.device.type == device.type
    if device.type == "meta":
        return
    assert torch.equal(first, second)
    assert not torch.equal(draw(default_rng(43), device), first)
    # A generator advances: two draws in a row differ.
    g = default_rng(42)
    assert not torch.equal(draw(g, device), draw(g, device))


def test_generator_dtypes_and_ranges() -> None:
    g = default_rng(0)
    assert g.random(4, dtype=tb.float32).dtype == tb.float32
    ints = g.integers(3, 5, size=1000, endpoint=True)
    assert ints.dtype == tb.int64
    assert set(ints.tolist()) == {3, 4, 5}
    assert g.integers(4, size=1000).max() < 4
    perm = g.permutation(10)
    assert sorted(perm.tolist()) == list(range(10))
    rows = g.permutation(np.arange(12).reshape(6, 2))
    assert sorted(rows[:, 0].tolist()) == [0, 2, 4, 6, 8, 10]
    assert default_rng(g) is g
    assert repr(default_rng(7)) == "tbridge.random.Generator(seed=7)"


def test_global_samplers_follow_torch_manual_seed() -> None:
    torch.manual_seed(0)
    a = tb.randn(3)
    torch.manual_seed(0)
    assert torch.equal(a, tb.randn(3))
