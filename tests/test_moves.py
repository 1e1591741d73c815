"""Device and dtype moves: copy only when needed, never detach, one copy at most."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._convert import moves as _moves

from .conftest import REQUIRE_CUDA


def test_same_device_returns_input(device: torch.device) -> None:
    x = tb.ones(3, device=device)
    assert tb.to_device(x, device) is x
    assert tb.to_device(x, str(device)) is x
    assert tb.to_device(x, device, copy=False) is x


def test_same_device_copy_true_copies(data_device: torch.device) -> None:
    x = tb.ones(3, device=data_device)
    y = tb.to_device(x, data_device, copy=True)
    assert y is not x
    assert y.device == x.device
    y.add_(1)  # independence
    assert bool((x == 1).all())


def test_move_to_meta_and_back_copy_rules(data_device: torch.device) -> None:
    x = tb.arange(4.0, device=data_device)
    m = tb.to_device(x, "meta")
    assert m.device.type == "meta"
    assert (m.shape, m.dtype) == (x.shape, x.dtype)
    with pytest.raises(
        ValueError,
        match=rf"to_device\(copy=False\): x is on {data_device.type}\S* and moving it to meta needs a copy; "
        r"pass copy=None \(copy when needed\) or copy=True",
    ):
        tb.to_device(x, "meta", copy=False)


def test_move_keeps_autograd(device: torch.device) -> None:
    leaf = tb.ones(3, requires_grad=True)
    moved = tb.to_device(leaf, device)
    assert moved.requires_grad
    if device.type == "cpu":
        assert moved is leaf
        return
    assert moved.grad_fn is not None
    if device.type != "meta":
        moved.sum().backward()
        assert leaf.grad is not None
        assert torch.equal(leaf.grad, torch.ones(3, dtype=torch.float64))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tb.to_device(np.ones(2), "cpu"),
            TypeError,
            r"to_device: x of type ndarray is not a tensor; convert it with tb.asarray",
        ),
        (
            lambda: tb.to_device(tb.ones(2), "cpu", copy=1),
            TypeError,
            r"to_device: copy=1 is not allowed; pass True",
        ),
        (lambda: tb.to_device(tb.ones(2), 2.0), TypeError, r"device=2.0 is not a device"),
        (
            lambda: tb.astype([1, 2], tb.float32),
            TypeError,
            r"astype: x of type list is not a tensor or NumPy array; use tb.asarray\(x, dtype=...\)",
        ),
        (
            lambda: tb.astype(tb.ones(2), "U1"),
            TypeError,
            r"NumPy dtype '<U1' \(str32\) has no torch twin",
        ),
        (
            lambda: tb.astype(tb.ones(2), tb.int8, copy=None),
            TypeError,
            r"astype: copy=None must be True or False",
        ),
    ],
)
def test_bad_moves(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("dtype", [tb.float32, tb.int16, tb.complex64, tb.bool], ids=str)
def test_astype_dtype_and_copy(dtype: torch.dtype, device: torch.device) -> None:
    x = tb.arange(6, device=device).reshape(2, 3)
    y = tb.astype(x, dtype)
    assert (y.shape, y.dtype, y.device) == (x.shape, dtype, x.device)
    same = tb.astype(x, x.dtype, copy=False)
    assert same is x
    copied = tb.astype(x, x.dtype)
    assert copied is not x
    if device.type != "meta":
        np.testing.assert_array_equal(tb.to_numpy(y), tb.to_numpy(x).astype(tb.to_numpy(y).dtype))
        assert not tb.shares_memory(copied, x)


def test_astype_with_device_is_the_seeds_to() -> None:
    z = tb.rand(3, dtype=tb.float32)
    moved = tb.astype(z, tb.float64, device="cpu")  # z.to("cpu", torch.double)
    assert torch.equal(moved, z.to("cpu", torch.double))
    meta = tb.astype(z, tb.float16, device="meta")
    assert (meta.dtype, meta.device.type) == (tb.float16, "meta")


def test_astype_keeps_autograd() -> None:
    w = tb.ones(3, dtype=tb.float32, requires_grad=True)
    y = tb.astype(w, tb.float64)
    assert y.grad_fn is not None
    (y * 2).sum().backward()
    assert w.grad is not None
    assert w.grad.dtype == tb.float32
    assert torch.equal(w.grad, torch.full((3,), 2.0))


class _Recorder:
    """Records the dtype sent over the host <-> device link by ``_moves._transfer``."""

    def __init__(self) -> None:
        self.sent: list[torch.dtype] = []

    def __call__(self, t: torch.Tensor, device: torch.device, non_blocking: bool) -> torch.Tensor:
        self.sent.append(t.dtype)
        return t.to(device)


@pytest.mark.parametrize(
    ("src", "dst", "wire"),
    [
        (tb.float32, tb.float64, tb.float32),  # widen after the move
        (tb.float64, tb.float16, tb.float16),  # shrink before the move
        (tb.int64, tb.int64, tb.int64),
    ],
    ids=str,
)
def test_combined_move_sends_the_smaller_dtype(
    monkeypatch: pytest.MonkeyPatch, src: torch.dtype, dst: torch.dtype, wire: torch.dtype
) -> None:
    recorder = _Recorder()
    monkeypatch.setattr(_moves, "_transfer", recorder)
    monkeypatch.setattr(_moves, "_cross_link", lambda a, b: True)
    out = tb.astype(tb.ones(4, dtype=src), dst, device="meta")
    assert recorder.sent == [wire]
    assert (out.dtype, out.device.type) == (dst, "meta")


@pytest.mark.skipif(
    not torch.cuda.is_available() and not REQUIRE_CUDA, reason="needs CUDA for pinned staging"
)
def test_large_host_to_device_uses_pinned_staging_without_leaks() -> None:
    n = _moves.PINNED_THRESHOLD_BYTES // 4
    a = np.arange(n, dtype=np.float32)
    t = tb.asarray(a, device="cuda")
    torch.cuda.synchronize()
    assert t.device.type == "cuda"
    back = tb.to_numpy(t)
    np.testing.assert_array_equal(back, a)
