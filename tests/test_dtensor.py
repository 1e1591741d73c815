"""DTensors (arrays sharded across processes by torch.distributed) pass through tbridge.

A one-process gloo group on the CPU is enough to check that tbridge functions take a DTensor
and return a DTensor with the placements torch's own call gives (so tbridge adds no gather to
one machine), with the same values; and that the NumPy bridge refuses to gather silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb

dist = pytest.importorskip("torch.distributed")
if not dist.is_available() or not dist.is_gloo_available():
    pytest.skip("this torch build has no torch.distributed gloo backend", allow_module_level=True)

from torch.distributed.device_mesh import init_device_mesh  # noqa: E402
from torch.distributed.tensor import DTensor, Replicate, Shard, distribute_tensor  # noqa: E402


@pytest.fixture(scope="module")
def mesh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    store = Path(tmp_path_factory.mktemp("dist")) / "store"
    dist.init_process_group("gloo", rank=0, world_size=1, init_method=f"file://{store}")
    try:
        yield init_device_mesh("cpu", (1,))
    finally:
        dist.destroy_process_group()


@pytest.fixture
def x(mesh: Any) -> DTensor:
    full = torch.arange(1.0, 13.0, dtype=torch.float64).reshape(3, 4)
    return distribute_tensor(full, mesh, [Shard(0)])


@pytest.fixture
def v(mesh: Any) -> DTensor:
    return distribute_tensor(torch.arange(4.0, dtype=torch.float64), mesh, [Replicate()])


# (tbridge call, the torch call a user would write) on the sharded x and the replicated v
CALLS: dict[str, tuple[Callable[[Any, Any], Any], Callable[[Any, Any], Any]]] = {
    "add": (lambda x, v: tb.add(x, x), lambda x, v: x + x),
    "add-scalar": (lambda x, v: tb.add(x, 1.0), lambda x, v: x + 1.0),
    "multiply-broadcast": (tb.multiply, lambda x, v: x * v),
    "sin": (lambda x, v: tb.sin(x), lambda x, v: torch.sin(x)),
    "sign": (lambda x, v: tb.sign(x), lambda x, v: torch.sign(x)),
    "remainder": (lambda x, v: tb.remainder(x, 3.0), lambda x, v: torch.remainder(x, 3.0)),
    "greater": (lambda x, v: tb.greater(x, 3.0), lambda x, v: x > 3.0),
    "clip": (lambda x, v: tb.clip(x, 2.0, 5.0), lambda x, v: torch.clamp(x, 2.0, 5.0)),
    "sum-axis": (lambda x, v: tb.sum(x, axis=0), lambda x, v: torch.sum(x, 0)),
    "mean": (lambda x, v: tb.mean(x), lambda x, v: torch.mean(x)),
    "max-axis": (lambda x, v: tb.max(x, axis=1), lambda x, v: torch.amax(x, 1)),
    "std": (lambda x, v: tb.std(x), lambda x, v: torch.std(x, correction=0)),
    "cumulative_sum": (
        lambda x, v: tb.cumulative_sum(x, axis=1),
        lambda x, v: torch.cumsum(x, 1),
    ),
    "argmax": (lambda x, v: tb.argmax(x, axis=1), lambda x, v: torch.argmax(x, 1)),
    "sort": (lambda x, v: tb.sort(x, axis=1), lambda x, v: torch.sort(x, 1).values),
    "reshape": (lambda x, v: tb.reshape(x, (4, 3)), lambda x, v: x.reshape(4, 3)),
    "permute_dims": (lambda x, v: tb.permute_dims(x, (1, 0)), lambda x, v: x.permute(1, 0)),
    "expand_dims": (lambda x, v: tb.expand_dims(x, axis=0), lambda x, v: x.unsqueeze(0)),
    "concat": (lambda x, v: tb.concat([x, x], axis=1), lambda x, v: torch.cat([x, x], 1)),
    "where": (
        lambda x, v: tb.where(tb.greater(x, 3.0), x, 0.0),
        lambda x, v: torch.where(x > 3.0, x, 0.0),
    ),
    "matmul": (
        lambda x, v: tb.matmul(x, tb.matrix_transpose(x)),
        lambda x, v: x @ x.mT,
    ),
    "vector_norm": (
        lambda x, v: tb.linalg.vector_norm(x),
        lambda x, v: torch.linalg.vector_norm(x),
    ),
    "fft": (lambda x, v: tb.fft.fft(x), lambda x, v: torch.fft.fft(x)),
    "asarray": (lambda x, v: tb.asarray(x), lambda x, v: x),
    "asarray-copy": (lambda x, v: tb.asarray(x, copy=True), lambda x, v: x.clone()),
    "asarray-dtype": (
        lambda x, v: tb.asarray(x, dtype=tb.float32),
        lambda x, v: x.to(torch.float32),
    ),
    "astype": (lambda x, v: tb.astype(x, tb.float32), lambda x, v: x.to(torch.float32)),
    "to_device": (lambda x, v: tb.to_device(x, "cpu"), lambda x, v: x.to("cpu")),
    "zeros_like": (lambda x, v: tb.zeros_like(x), lambda x, v: torch.zeros_like(x)),
    "full_like": (lambda x, v: tb.full_like(x, 2.0), lambda x, v: torch.full_like(x, 2.0)),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_dtensor_in_dtensor_out(name: str, x: DTensor, v: DTensor) -> None:
    ours, theirs = CALLS[name]
    got, expected = ours(x, v), theirs(x, v)
    assert isinstance(got, DTensor)
    assert got.placements == expected.placements  # no redistribution torch would not do
    assert got.dtype == expected.dtype
    torch.testing.assert_close(got.full_tensor(), expected.full_tensor(), rtol=0, atol=0)


def test_moves_and_sharing_keep_the_same_dtensor(x: DTensor) -> None:
    assert tb.asarray(x) is x
    assert tb.asarray(x, copy=False) is x
    assert tb.to_device(x, "cpu") is x
    assert tb.astype(x, tb.float64, copy=False) is x
    assert tb.shares_memory(x, x.to_local())
    assert not tb.shares_memory(tb.asarray(x, copy=True), x)


def test_gradients_flow_through_dtensors(x: DTensor) -> None:
    g = tb.grad(lambda w: tb.sum(tb.multiply(w, w)))(x)
    assert isinstance(g, DTensor)
    torch.testing.assert_close(g.full_tensor(), 2 * x.full_tensor())


@pytest.mark.parametrize(
    "call",
    [
        tb.to_numpy,
        lambda x: tb.to_numpy(x, copy=True),
        lambda x: tb.writable_numpy(x).__enter__(),
    ],
    ids=["to_numpy", "to_numpy-copy", "writable_numpy"],
)
def test_numpy_bridge_refuses_to_gather(call: Callable[[DTensor], Any], x: DTensor) -> None:
    with pytest.raises(
        TypeError, match=r"x is a DTensor spread over a device mesh.*x\.to_local\(\)"
    ):
        call(x)
    local = tb.to_numpy(x.to_local())  # the documented remedy: this process's shard
    np.testing.assert_array_equal(local, np.arange(1.0, 13.0).reshape(3, 4))
