"""Autograd through tbridge: graphs kept, gradients equal to plain torch's, ``grad`` helpers."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable
from typing import Any, cast

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
        (
            lambda: tb.grad(tb.sum(tb.ones(2))),  # type: ignore[call-overload]
            TypeError,
            r"^grad: f must be a function of arrays, got Tensor; pass the function itself",
        ),
        (
            lambda: tb.value_and_grad(None),  # type: ignore[call-overload]
            TypeError,
            r"^value_and_grad: f must be a function of arrays, got NoneType",
        ),
    ],
)
def test_grad_bad_input(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


# ---- no graph unless the caller differentiates; memory of the natural loop -------------------


def _lsq(w: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return tb.mean(tb.square(tb.matmul(x, w) - y))


def _lsq_data(
    n: int, d: int, device: torch.device
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(0)
    x = torch.randn(n, d, generator=g, dtype=torch.float64).to(device)
    y = torch.randn(n, generator=g, dtype=torch.float64).to(device)
    return torch.zeros(d, dtype=torch.float64, device=device), x, y


def _lsq_grad(w: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return 2 * x.mT @ (x @ w - y) / x.shape[0]


@pytest.mark.parametrize("helper", ["grad", "value_and_grad"])
def test_results_carry_no_graph_when_the_caller_does_not_differentiate(helper: str) -> None:
    w, x, y = _lsq_data(20, 3, torch.device("cpu"))
    w = w + 0.5
    if helper == "grad":
        g = tb.grad(_lsq)(w, x, y)
    else:
        value, g = tb.value_and_grad(_lsq)(w, x, y)
        assert value.grad_fn is None
        assert not value.requires_grad
        torch.testing.assert_close(value, torch.mean((x @ w - y) ** 2))
    assert g.grad_fn is None
    assert not g.requires_grad
    torch.testing.assert_close(g, _lsq_grad(w, x, y))


def test_results_stay_on_the_graph_when_the_caller_differentiates() -> None:
    w0, x, y = _lsq_data(20, 3, torch.device("cpu"))
    w = (w0 + 0.5).requires_grad_(True)
    value, g = tb.value_and_grad(_lsq)(w, x, y)
    assert g.grad_fn is not None
    assert value.grad_fn is not None
    # d/dw of sum(grad) is the Hessian times ones: 2 X^T X 1 / n
    (hvp,) = torch.autograd.grad(g.sum(), w)
    torch.testing.assert_close(hvp, 2 * x.mT @ x @ torch.ones(3, dtype=torch.float64) / 20)


def test_grad_mode_off_means_no_graph_even_for_tracked_input() -> None:
    w = torch.ones(3, dtype=torch.float64, requires_grad=True)
    with tb.no_grad():
        g = tb.grad(lambda v: tb.sum(v**3))(w)
    assert g.grad_fn is None
    torch.testing.assert_close(g, torch.full((3,), 3.0, dtype=torch.float64))


def test_grad_of_grad_of_a_vector_function() -> None:
    def f(v: torch.Tensor) -> torch.Tensor:
        return tb.sum(tb.sin(v) * v)

    x = tb.asarray([0.3, 1.2, -0.7])
    # d/dx sum(d f/dx) = d/dx sum(cos(x) x + sin(x)) = 2 cos(x) - x sin(x)
    second = tb.grad(lambda v: tb.sum(tb.grad(f)(v)))(x)
    torch.testing.assert_close(second, 2 * torch.cos(x) - x * torch.sin(x))
    assert second.grad_fn is None


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost",
        )
    ]  # fmt: skip


def _mallinfo2() -> Callable[[], _MallInfo2] | None:
    try:
        fn = ctypes.CDLL(None).mallinfo2  # glibc >= 2.33
    except (OSError, AttributeError):
        return None
    fn.restype = _MallInfo2
    return cast("Callable[[], _MallInfo2]", fn)


_MALLINFO2 = _mallinfo2()


def _memory(device: torch.device) -> int:
    """Bytes in use: CUDA's allocator count, or the C heap's live bytes (not RSS, which the
    allocator's fragmentation moves) on the CPU."""
    gc.collect()
    if device.type == "cuda":
        torch.cuda.synchronize()
        return torch.cuda.memory_allocated(device)
    assert _MALLINFO2 is not None
    info = _MALLINFO2()
    return int(info.uordblks + info.hblkhd)


@pytest.mark.parametrize("helper", ["grad", "value_and_grad"])
def test_gradient_descent_loop_memory_stays_flat(helper: str, data_device: torch.device) -> None:
    """theta = theta - lr * grad(f)(theta) for 1000 steps: no history kept (a graph kept per
    step would hold the 2000 x 50 input's products, ~1.6 MB a step)."""
    w, x, y = _lsq_data(2000, 50, data_device)
    losses: list[Any] = []

    def step(w: torch.Tensor) -> torch.Tensor:
        if helper == "grad":
            return w - 0.01 * tb.grad(_lsq)(w, x, y)
        value, g = tb.value_and_grad(_lsq)(w, x, y)
        losses.append(value)  # the natural loop keeps its losses
        return w - 0.01 * g

    for _ in range(100):  # warm the allocator
        w = step(w)
    before = _memory(data_device)
    for _ in range(1000):
        w = step(w)
    grown = _memory(data_device) - before
    assert grown < 4 * 2**20, f"memory grew by {grown / 2**20:.1f} MiB over 1000 steps"
    assert w.grad_fn is None
    # and it descended: the gradient at the end is far smaller than at the start
    start = torch.linalg.vector_norm(_lsq_grad(torch.zeros_like(w), x, y))
    assert torch.linalg.vector_norm(_lsq_grad(w, x, y)) < 0.5 * start
