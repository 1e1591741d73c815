"""Autograd through tbridge: graphs kept, gradients equal to plain torch's, ``grad`` helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb

# One input in (0.1, 0.9): inside every unary function's domain.
BASE = [0.2, 0.5, 0.7]

UNARY_FLOATING = [
    "acos", "asin", "atan", "atanh", "cos", "cosh", "exp", "expm1", "log", "log1p", "log2",
    "log10", "reciprocal", "sin", "sinh", "sqrt", "tan", "tanh", "abs", "negative", "positive",
    "square", "asinh", "real", "conj",
]  # fmt: skip
BINARY = [
    "add",
    "subtract",
    "multiply",
    "divide",
    "pow",
    "atan2",
    "hypot",
    "logaddexp",
    "maximum",
    "minimum",
    "copysign",
]


def _leaf() -> torch.Tensor:
    return torch.tensor(BASE, dtype=torch.float64, requires_grad=True)


def _torch_twin(name: str) -> Callable[..., torch.Tensor]:
    twins = {"conj": torch.conj_physical, "positive": torch.clone, "real": torch.clone}
    return twins.get(name) or getattr(torch, name)


@pytest.mark.parametrize("name", UNARY_FLOATING)
def test_unary_keeps_graph_and_gradient(name: str) -> None:
    ours, theirs = _leaf(), _leaf()
    out = getattr(tb, name)(ours)
    assert out.grad_fn is not None
    out.sum().backward()
    _torch_twin(name)(theirs).sum().backward()
    assert ours.grad is not None
    assert theirs.grad is not None
    torch.testing.assert_close(ours.grad, theirs.grad, rtol=0, atol=0)


@pytest.mark.parametrize("name", BINARY)
def test_binary_keeps_graph_and_gradient(name: str) -> None:
    a1, b1 = _leaf(), torch.tensor([0.3, 0.1, 0.9], dtype=torch.float64, requires_grad=True)
    a2, b2 = _leaf(), torch.tensor([0.3, 0.1, 0.9], dtype=torch.float64, requires_grad=True)
    out = getattr(tb, name)(a1, b1)
    assert out.grad_fn is not None
    out.sum().backward()
    getattr(torch, name)(a2, b2).sum().backward()
    torch.testing.assert_close(a1.grad, a2.grad, rtol=0, atol=0)
    torch.testing.assert_close(b1.grad, b2.grad, rtol=0, atol=0)


MOVES: list[tuple[str, Callable[[torch.Tensor], torch.Tensor]]] = [
    ("astype", lambda x: tb.astype(x, tb.float32)),
    ("astype_device", lambda x: tb.astype(x, tb.float32, device="cpu")),
    ("to_device_copy", lambda x: tb.to_device(x, "cpu", copy=True)),
    ("asarray_dtype", lambda x: tb.asarray(x, dtype=tb.float32)),
    ("asarray_copy", lambda x: tb.asarray(x, copy=True)),
    ("array", tb.array),
    ("from_dlpack_copy", lambda x: tb.from_dlpack(x, copy=True)),
    ("full_tensor_fill", lambda x: tb.full((2,), x.sum())),
    ("normal_loc", lambda x: tb.normal(x, 0.0)),
]


@pytest.mark.parametrize(("name", "move"), MOVES, ids=[m[0] for m in MOVES])
def test_moves_and_conversions_keep_graph(
    name: str, move: Callable[[torch.Tensor], torch.Tensor]
) -> None:
    x = _leaf()
    out = move(x)
    assert out.requires_grad
    assert out.grad_fn is not None
    (out * 3).sum().backward()
    assert x.grad is not None
    expected = torch.full((3,), 3.0 * (2 if name == "full_tensor_fill" else 1), dtype=torch.float64)
    torch.testing.assert_close(x.grad, expected)


# ---- grad and value_and_grad ----------------------------------------------------------------


def loss(w: Any, x: Any) -> torch.Tensor:
    """A NumPy-style function written with tbridge calls."""
    return tb.sum(tb.square(tb.multiply(w, x) - 1.0))


def test_grad_of_numpy_input_returns_numpy() -> None:
    w = np.array([1.0, 2.0, 3.0])
    x = np.array([0.5, 0.25, 2.0])
    g = tb.grad(loss)(w, x)
    assert isinstance(g, np.ndarray)
    assert g.dtype == np.float64
    np.testing.assert_allclose(g, 2 * (w * x - 1) * x)
    assert g.flags.writeable


def test_grad_of_tensor_input_returns_tensor() -> None:
    w = tb.asarray([1.0, 2.0, 3.0])
    x = tb.asarray([0.5, 0.25, 2.0])
    g = tb.grad(loss)(w, x)
    assert isinstance(g, torch.Tensor)
    assert not w.requires_grad  # the caller's tensor is untouched
    torch.testing.assert_close(g, 2 * (w * x - 1) * x)


def test_grad_argnums_and_value_and_grad() -> None:
    w = np.array([1.0, 2.0])
    x = np.array([3.0, 4.0])
    gw, gx = tb.grad(loss, argnums=(0, 1))(w, x)
    np.testing.assert_allclose(gx, 2 * (w * x - 1) * w)
    np.testing.assert_allclose(gw, 2 * (w * x - 1) * x)
    value, g = tb.value_and_grad(loss)(w, x)
    assert isinstance(value, np.ndarray)
    assert float(value) == float(np.sum((w * x - 1) ** 2))
    np.testing.assert_allclose(g, gw)


def test_grad_of_integer_numpy_input_uses_float64() -> None:
    g = tb.grad(lambda v: tb.sum(v * v))(np.array([1, 2, 3]))
    np.testing.assert_array_equal(g, [2.0, 4.0, 6.0])
    assert g.dtype == np.float64


def test_grad_twice_gives_second_derivative() -> None:
    second = tb.grad(tb.grad(lambda v: tb.sum(v**3)))
    x = tb.asarray([2.0])
    torch.testing.assert_close(second(x), torch.tensor([12.0], dtype=torch.float64))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.grad(lambda v: v * 2)(np.ones(3)),
            ValueError,
            r"grad: the function must return a tensor with one element, got \(3,\); reduce it first",
        ),
        (
            lambda: tb.grad(loss, argnums=5)(np.ones(2), np.ones(2)),
            ValueError,
            r"grad: argnums=5 but the function got 2 positional arguments",
        ),
        (
            lambda: tb.grad(lambda v: v.sum())(tb.arange(3)),
            TypeError,
            r"grad: cannot differentiate with respect to a torch.int64 tensor",
        ),
        (
            lambda: tb.value_and_grad(lambda v: 1.0)(np.ones(2)),
            ValueError,
            r"value_and_grad: the function must return a tensor with one element, got float",
        ),
    ],
)
def test_grad_bad_input(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()
