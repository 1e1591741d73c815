"""The primer tbridge bridges (shared/seed), call by call, with the values it prints.

Each test names the primer section it reproduces. torch's float32 prints are reproduced under
``tb.default_float(tb.float32)``; tbridge's own default (float64) is NumPy's.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._namespace.info import available_devices


@pytest.fixture(autouse=True)
def _primer_prints_with_torch_float32_default() -> None:
    """The primer's printed reprs leave out ``dtype=torch.float32`` because float32 is torch's
    default there; torch's repr (not tbridge's values) depends on it, so these tests set it.
    The autouse fixture in conftest restores the run's default afterwards."""
    torch.set_default_dtype(torch.float32)


# ---- 1 (1): declaration and initialisation ---------------------------------------------------


def test_section1_creation_calls() -> None:
    assert tb.empty(5, 3).shape == (5, 3)
    x = tb.rand(5, 3)
    assert x.shape == (5, 3)
    assert bool(((x >= 0) & (x < 1)).all())
    assert tb.randn(5, 3).shape == (5, 3)
    # torch.normal(5, 3) fails in torch; NumPy's meaning is one sample.
    assert tb.normal(5, 3).shape == ()
    # torch.linespace(5, 3) does not exist; linspace(5, 3) is NumPy's 50 samples from 5 to 3.
    line = tb.linspace(5, 3)
    np.testing.assert_array_equal(tb.to_numpy(line), np.linspace(5, 3))
    z = tb.zeros(5, 3, dtype=tb.int64)  # dtype=torch.long
    assert z.dtype is torch.long
    assert not bool(z.any())
    # torch.new_ones(5, 3, dtype=double) is the method x.new_ones; as a module function:
    o = tb.ones(5, 3, dtype=tb.float64)
    assert o.dtype is torch.double
    assert torch.equal(o, z.new_ones(5, 3, dtype=torch.double))
    y = tb.randn_like(o, dtype=tb.float32)  # randn_like(x, dtype=torch.float)
    assert (y.shape, y.dtype) == ((5, 3), torch.float)
    with tb.default_float(tb.float32):
        assert repr(tb.asarray([5.5, 3])) == "tensor([5.5000, 3.0000])"
    assert repr(tb.asarray([5.5, 3])) == "tensor([5.5000, 3.0000], dtype=torch.float64)"


def test_section1_empty_prints_zeros_on_zeroed_memory() -> None:
    # The primer's empty(5, 3) happened to print zeros; empty promises only the shape, so the
    # printed value is reproduced through zeros.
    with tb.default_float(tb.float32):
        printed = repr(tb.zeros(5, 3))
    assert printed == (
        "tensor([[0., 0., 0.],\n        [0., 0., 0.],\n        [0., 0., 0.],\n"
        "        [0., 0., 0.],\n        [0., 0., 0.]])"
    )


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("linespace", r"did you mean 'linspace'"),
        ("new_ones", r"new_ones is a tensor method, not a module function: x.new_ones\(5, 3\)"),
        ("tensor", r"tb.array\(data\) \(copies\) or tb.asarray\(data\)"),
        ("zeross", r"did you mean 'zeros'"),
        ("xyzzy_nothing", r"has no attribute 'xyzzy_nothing'$"),
    ],
)
def test_seed_mistakes_are_explained(name: str, hint: str) -> None:
    with pytest.raises(AttributeError, match=hint):
        getattr(tb, name)


def test_section1_size_is_4x4() -> None:
    # The primer prints torch.Size([5,3]) for a 4x4 tensor; the real answer:
    x = tb.rand(4, 4)
    assert x.size() == torch.Size([4, 4])
    assert repr(x.size()) == "torch.Size([4, 4])"
    assert x.view(16).shape == (16,)
    assert x.view(2, 8).shape == (2, 8)
    assert isinstance(tb.randn(1).item(), float)


# ---- 2: tensor <-> NumPy ----------------------------------------------------------------------


def test_section2_tensor_to_numpy_shares() -> None:
    with tb.default_float(tb.float32):
        t = tb.ones(5)
    assert repr(t) == "tensor([1., 1., 1., 1., 1.])"
    n = tb.to_numpy(t)
    assert str(n) == "[1. 1. 1. 1. 1.]"
    t.add_(1)  # changing the tensor changes the array
    assert n.tolist() == [2.0] * 5
    assert tb.shares_memory(n, t)


def test_section2_numpy_to_tensor_shares() -> None:
    n = np.ones(5)
    t = tb.from_numpy(n)
    np.add(n, 1, out=n)  # changing the array changes the tensor
    assert t.tolist() == [2.0] * 5
    assert t.data_ptr() == n.ctypes.data


@pytest.mark.parametrize("device", [*available_devices(), torch.device("meta")], ids=str)
def test_section2_gpu_moves(device: torch.device) -> None:
    x = tb.rand(5, 3, dtype=tb.float32)
    y = tb.ones_like(x, device=device)
    moved = tb.to_device(x, device)
    z = moved + y
    assert z.device.type == device.type
    if device.type == "cuda":
        assert "device='cuda:0'" in repr(z)
    if device.type == "meta":
        assert "device='meta'" in repr(z)
        return
    back = tb.astype(z, tb.float64, device="cpu")  # z.to("cpu", torch.double)
    assert back.device.type == "cpu"
    assert repr(back).endswith("dtype=torch.float64)")
    np.testing.assert_allclose(tb.to_numpy(back), tb.to_numpy(x) + 1, rtol=1e-6)


# ---- 3: autograd --------------------------------------------------------------------------


def test_section3_tracking_example() -> None:
    with tb.default_float(tb.float32):
        x = tb.ones(2, 2, requires_grad=True)
    y = x + 2
    assert repr(y) == "tensor([[3., 3.],\n        [3., 3.]], grad_fn=<AddBackward0>)"
    z = y * y * 3
    assert repr(z) == "tensor([[27., 27.],\n        [27., 27.]], grad_fn=<MulBackward0>)"
    out = z.mean()
    assert repr(out) == "tensor(27., grad_fn=<MeanBackward0>)"
    out.backward()
    assert repr(x.grad) == "tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])"


def test_section3_tracking_example_in_float64() -> None:
    x = tb.ones(2, 2, requires_grad=True)
    out = ((x + 2) * (x + 2) * 3).mean()
    out.backward()
    assert x.grad is not None
    assert torch.equal(x.grad, tb.full((2, 2), 4.5))


def test_section3_requires_grad_afterwards() -> None:
    x = tb.randn(2, 2)
    assert not x.requires_grad
    x.requires_grad_(True)
    assert x.requires_grad


def test_section3_vector_jacobian_product() -> None:
    # The primer's y before backward: tensor([-479.4348, 33.9321, 913.9350]); that is x * 2**10.
    with tb.default_float(tb.float32):
        x = (tb.asarray([-479.4348, 33.9321, 913.9350]) / 1024).requires_grad_(True)
        y = x * 2
        steps = 1
        while y.data.norm() < 1000:
            y = y * 2
            steps += 1
        assert steps == 10
        assert repr(y) == "tensor([-479.4348,   33.9321,  913.9350], grad_fn=<MulBackward0>)"
        v = tb.asarray([0.1, 1.0, 0.0001])
    y.backward(v)
    assert repr(x.grad) == "tensor([1.0240e+02, 1.0240e+03, 1.0240e-01])"


def test_section3_stop_tracking() -> None:
    x = tb.randn(3, requires_grad=True)
    assert x.requires_grad
    assert (x**2).requires_grad
    with tb.no_grad():
        assert not (x**2).requires_grad
    with tb.no_grad(), tb.enable_grad():
        assert (x**2).requires_grad
    y = x.detach()
    assert not y.requires_grad
    assert y.data_ptr() == x.data_ptr()  # detach shares data
    assert tb.no_grad is torch.no_grad
    assert tb.enable_grad is torch.enable_grad
