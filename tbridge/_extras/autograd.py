"""Gradients of NumPy-style functions: ``grad`` and ``value_and_grad``, and torch's grad modes.

Memory and autograd: the differentiated inputs are copies detached from the caller's data
(NumPy inputs) or fresh leaves sharing the caller's tensor memory (untracked tensors); a tensor
that already requires grad is differentiated in place of itself, so higher-order use works.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeAlias, TypeVar

import numpy as np
import torch
from torch import enable_grad, no_grad

from tbridge._convert.bridge import asarray

__all__ = ["enable_grad", "grad", "no_grad", "value_and_grad"]

T = TypeVar("T")
Arg: TypeAlias = "torch.Tensor | np.ndarray[Any, Any] | float | int"
Argnums: TypeAlias = "int | Sequence[int]"


def _prepare(arg: object, where: str) -> tuple[torch.Tensor, bool]:
    """The leaf to differentiate for one argument, and whether the caller gave NumPy data."""
    if isinstance(arg, torch.Tensor):
        if not (arg.is_floating_point() or arg.is_complex()):
            raise TypeError(
                f"{where}: cannot differentiate with respect to a {arg.dtype} tensor; pass "
                "floating data (e.g. tb.astype(x, tb.float64))"
            )
        return (arg if arg.requires_grad else arg.detach().requires_grad_(True)), False
    is_numpy = isinstance(arg, (np.ndarray, np.generic))
    t = asarray(arg, copy=True)
    if not (t.is_floating_point() or t.is_complex()):
        t = t.to(torch.float64)
    return t.requires_grad_(True), is_numpy


def _differentiate(
    f: Callable[..., Any],
    argnums: Argnums,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    where: str,
) -> tuple[torch.Tensor, tuple[Any, ...], bool]:
    nums = (argnums,) if isinstance(argnums, int) else tuple(argnums)
    for n in nums:
        if not -len(args) <= n < len(args):
            raise ValueError(
                f"{where}: argnums={argnums!r} but the function got {len(args)} positional "
                "arguments; pass the index of an argument to differentiate"
            )
    prepared = list(args)
    kinds = []
    for n in nums:
        prepared[n], is_numpy = _prepare(args[n], where)
        kinds.append(is_numpy)
    with torch.enable_grad():
        value = f(*prepared, **kwargs)
    if not isinstance(value, torch.Tensor) or value.numel() != 1:
        shape = tuple(value.shape) if isinstance(value, torch.Tensor) else type(value).__name__
        raise ValueError(
            f"{where}: the function must return a tensor with one element, got {shape}; "
            "reduce it first (e.g. .sum()) or use torch.autograd.functional.jacobian"
        )
    inputs = [prepared[n] for n in nums]
    grads = torch.autograd.grad(
        value,
        inputs,
        create_graph=torch.is_grad_enabled(),
        allow_unused=True,
        materialize_grads=True,
    )
    out = []
    for g, is_numpy in zip(grads, kinds, strict=True):
        out.append(g.detach().cpu().numpy().copy() if is_numpy else g)
    single = isinstance(argnums, int)
    return value, tuple(out), single


def grad(f: Callable[..., Any], argnums: Argnums = 0) -> Callable[..., Any]:
    """The gradient function of a scalar-valued ``f`` written with tbridge (or torch) calls.

    ``grad(f)(x)`` gives df/dx with the kind of ``x``: a NumPy array for NumPy input, a tensor
    for tensor input. ``argnums`` picks the argument(s), as in JAX.

    Raises
    ------
    ValueError
        ``f`` returns more than one element, or ``argnums`` is out of range.
    TypeError
        An argument to differentiate is not floating data.
    """

    def gradient(*args: Any, **kwargs: Any) -> Any:
        _, grads, single = _differentiate(f, argnums, args, kwargs, "grad")
        return grads[0] if single else grads

    return gradient


def value_and_grad(f: Callable[..., Any], argnums: Argnums = 0) -> Callable[..., tuple[Any, Any]]:
    """Like :func:`grad`, but returns ``(f(x), df/dx)``; the value keeps the inputs' kind."""

    def both(*args: Any, **kwargs: Any) -> tuple[Any, Any]:
        value, grads, single = _differentiate(f, argnums, args, kwargs, "value_and_grad")
        numpy_in = any(isinstance(a, (np.ndarray, np.generic)) for a in args)
        shown: Any = value.detach().cpu().numpy().copy() if numpy_in else value
        return shown, (grads[0] if single else grads)

    return both
