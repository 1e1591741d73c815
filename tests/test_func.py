"""torch.func over the public API: ``vmap`` of every function against a loop of eager calls,
and ``tb.grad``/``tb.value_and_grad`` composed with ``vmap``, ``jacrev`` and ``jacfwd``."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch
from torch.func import jacfwd, jacrev, vmap
from torch.utils import _pytree as pytree

import tbridge as tb
from tests import _sweep_cases as S

_INPUTS: dict[torch.device, S.Inputs] = {}


def _inputs(device: torch.device) -> S.Inputs:
    if device not in _INPUTS:
        _INPUTS[device] = S.Inputs(device)
    return _INPUTS[device]


def _second(t: torch.Tensor, vary: bool) -> torch.Tensor:
    """The second example of a batch: the first with every axis reversed (same domain)."""
    if not vary or t.ndim == 0:
        return t.clone()
    return t.flip(tuple(range(t.ndim)))


def _check_vmap(c: S.Call, device: torch.device, where: str) -> None:
    """``vmap`` over a batch of two examples of every tensor argument (a dummy batch when
    there is none) equals the eager calls stacked; non-tensor results must agree too."""
    assert c.fn is not None
    fn, kwargs = c.fn, dict(c.kwargs)
    leaves, spec = pytree.tree_flatten(c.args)
    pos = [j for j, v in enumerate(leaves) if isinstance(v, torch.Tensor)]
    others: list[list[Any]] = []

    def body(*mapped: torch.Tensor) -> tuple[torch.Tensor, ...]:
        args = list(leaves)
        for j, t in zip(pos, mapped, strict=False):
            args[j] = t
        out = pytree.tree_leaves(fn(*pytree.tree_unflatten(args, spec), **kwargs))
        others.append([v for v in out if not isinstance(v, torch.Tensor)])
        return tuple(v for v in out if isinstance(v, torch.Tensor))

    if pos:
        examples = [
            [leaves[j] for j in pos],
            [_second(leaves[j], c.vary) for j in pos],
        ]
        batched = [torch.stack(pair) for pair in zip(*examples, strict=True)]
    else:  # no array argument: the call runs inside vmap all the same
        examples = [[], []]
        batched = [torch.zeros(2, device=device)]
    torch.manual_seed(0)
    got = vmap(body, randomness="different" if c.fresh else "same")(*batched)
    wants = []
    for ex in examples:
        torch.manual_seed(0)
        wants.append(body(*ex) if pos else body())
    want = tuple(
        torch.stack([a, b]) if pos else torch.stack([a, a]) for a, b in zip(*wants, strict=True)
    )
    S.assert_same(got, want, exact=False, values=not c.fresh, where=where)
    assert others[0] == others[-1], f"{where}: non-tensor results differ under vmap"


def _cases() -> list[Any]:
    return [
        pytest.param(
            name,
            marks=pytest.mark.xfail(strict=True, raises=RuntimeError, reason=S.NOT_VMAPPABLE[name]),
        )
        if name in S.NOT_VMAPPABLE
        else name
        for name in S.CASES
    ]


# functorch warns where torch has no batching rule yet (a loop runs instead): a speed note.
@pytest.mark.filterwarnings("ignore:There is a performance drop:UserWarning")
@pytest.mark.filterwarnings("ignore:random_integers is deprecated:DeprecationWarning")
@pytest.mark.parametrize("name", _cases())
def test_vmap(name: str, data_device: torch.device) -> None:
    for i, c in enumerate(S.calls(name, _inputs(data_device))):
        _check_vmap(c, data_device, f"{name} call {i}")


# ---- tb.grad composed with torch.func ----------------------------------------------------------


def loss(w: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """A least-squares loss written NumPy-style."""
    return tb.mean(tb.square(tb.matmul(x, w) - y))


def _data() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(1)
    w = torch.randn(3, generator=g, dtype=torch.float64)
    x = torch.randn(5, 3, generator=g, dtype=torch.float64)
    y = torch.randn(5, generator=g, dtype=torch.float64)
    return w, x, y


def test_the_docs_list_what_does_not_vmap() -> None:
    """docs/compile.md's table of functions that do not vmap names exactly this file's."""
    assert S.documented("## torch.func") == S.public_names(S.NOT_VMAPPABLE)


def test_per_example_gradients_with_vmap() -> None:
    w, x, y = _data()
    per_example = vmap(tb.grad(loss), in_dims=(None, 0, 0))(w, x, y)
    assert per_example.shape == (5, 3)
    for i in range(5):
        one = torch.func.grad(loss)(w, x[i], y[i])
        torch.testing.assert_close(per_example[i], one)


def test_value_and_grad_under_vmap() -> None:
    w, x, y = _data()
    values, grads = vmap(tb.value_and_grad(loss), in_dims=(None, 0, 0))(w, x, y)
    assert values.shape == (5,)
    torch.testing.assert_close(values, (x @ w - y) ** 2)
    torch.testing.assert_close(grads, 2 * (x @ w - y)[:, None] * x)


# jacfwd runs torch's own deprecated torch.jit.script (torch 2.13).
@pytest.mark.filterwarnings("ignore:`torch.jit.script` is deprecated:DeprecationWarning")
@pytest.mark.parametrize("jac", [jacrev, jacfwd], ids=["jacrev", "jacfwd"])
def test_hessian_by_jacobian_of_grad(jac: Any) -> None:
    w, x, y = _data()
    hessian = jac(tb.grad(loss))(w, x, y)
    torch.testing.assert_close(hessian, 2 * x.mT @ x / 5)


def test_torch_func_grad_of_tb_grad() -> None:
    def cube_sum(v: torch.Tensor) -> torch.Tensor:
        return tb.sum(v**3)

    x = tb.asarray([1.0, 2.0])
    second = torch.func.grad(lambda v: tb.sum(tb.grad(cube_sum)(v)))(x)
    torch.testing.assert_close(second, 6 * x)


def test_grad_of_numpy_data_inside_vmap() -> None:
    """NumPy data in a vmapped function is constant data: its gradient comes back as NumPy."""
    x = np.array([1.0, 2.0])
    out = vmap(lambda s: s * 0 + torch.as_tensor(tb.grad(lambda v: tb.sum(v * v))(x)))(
        torch.zeros(2)
    )
    torch.testing.assert_close(out, torch.tensor([[2.0, 4.0], [2.0, 4.0]], dtype=torch.float64))
