"""Gradients of NumPy-style functions: ``grad`` and ``value_and_grad``, and torch's grad modes.

Two ways to one answer. In plain eager code, ``torch.autograd.grad`` computes the gradient
(the fastest way), building a graph of the gradient itself only when the caller is
differentiating too: grad mode is on and a tensor argument requires grad (a nested ``grad``,
or a gradient the caller will backpropagate through). Otherwise the results carry no graph,
so a loop ``theta = theta - lr * grad(f)(theta)`` keeps no history and its memory stays flat.
Inside ``torch.func`` transforms (``vmap``, ``jacrev``, ``jacfwd``, ``grad``) and under
``torch.compile``, the same call is ``torch.func.grad_and_value``, which composes with them
(per-example gradients, Hessians) and which dynamo traces.

Memory and autograd: the differentiated inputs are copies detached from the caller's data
(NumPy inputs) or fresh leaves sharing the caller's tensor memory (untracked tensors); a tensor
that already requires grad is differentiated in place of itself, so higher-order use works.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Concatenate, ParamSpec, TypeAlias, TypeVar, overload

import numpy as np
import torch
from torch import enable_grad, no_grad
from torch._C._functorch import maybe_current_level
from torch.compiler import is_dynamo_compiling
from torch.func import grad_and_value

from tbridge._convert.bridge import asarray
from tbridge._core.typing import (
    GradFunction,
    GradsFunction,
    ValueAndGradFunction,
    ValueAndGradsFunction,
)

__all__ = ["enable_grad", "grad", "no_grad", "value_and_grad"]

Argnums: TypeAlias = "int | Sequence[int]"

_P = ParamSpec("_P")
_T = TypeVar("_T")
_U = TypeVar("_U")


def _check_callable(f: object, caller: str) -> None:
    """Refuse an ``f`` that cannot be called, when the gradient function is made (not later,
    at its first call, far from the mistake)."""
    if not callable(f):
        raise TypeError(
            f"{caller}: f must be a function of arrays, got {type(f).__name__}; pass "
            f"the function itself, e.g. {caller}(loss) rather than {caller}(loss(x))"
        )


def _positions(argnums: Argnums, count: int, caller: str) -> tuple[int, ...]:
    """``argnums`` as non-negative positions, checked against the number of arguments."""
    nums = (argnums,) if isinstance(argnums, int) else tuple(argnums)
    for n in nums:
        if not -count <= n < count:
            raise ValueError(
                f"{caller}: argnums={argnums!r} but the function got {count} positional "
                "arguments; pass the index of an argument to differentiate"
            )
    return tuple(n % count for n in nums)


def _as_input(arg: object, caller: str) -> tuple[torch.Tensor, bool]:
    """The tensor to differentiate for one argument, and whether the caller gave NumPy data."""
    if isinstance(arg, torch.Tensor):
        if not (arg.is_floating_point() or arg.is_complex()):
            raise TypeError(
                f"{caller}: cannot differentiate with respect to a {arg.dtype} tensor; pass "
                "floating data (e.g. tb.astype(x, tb.float64))"
            )
        return arg, False
    is_numpy = isinstance(arg, (np.ndarray, np.generic))
    t = asarray(arg, copy=True)  # type: ignore[arg-type]  # asarray refuses what is no data
    if not (t.is_floating_point() or t.is_complex()):
        t = t.to(torch.float64)
    return t, is_numpy


def _one_element(value: object, caller: str) -> torch.Tensor:
    if not isinstance(value, torch.Tensor) or value.numel() != 1:
        shape = tuple(value.shape) if isinstance(value, torch.Tensor) else type(value).__name__
        raise ValueError(
            f"{caller}: the function must return a tensor with one element, got {shape}; "
            "reduce it first (e.g. .sum()) or use torch.autograd.functional.jacobian"
        )
    return value


def _requires_grad(values: Sequence[object]) -> bool:
    return any(isinstance(v, torch.Tensor) and v.requires_grad for v in values)


def _by_autograd(
    f: Callable[..., Any],
    nums: tuple[int, ...],
    args: list[Any],
    kwargs: dict[str, Any],
    caller: str,
) -> tuple[torch.Tensor, tuple[torch.Tensor, ...]]:
    """Eager: ``torch.autograd.grad``, with a graph only when the caller differentiates too."""
    differentiating = torch.is_grad_enabled() and (
        _requires_grad(args) or _requires_grad(list(kwargs.values()))
    )
    inputs = []
    for n in nums:
        t = args[n]
        if not t.requires_grad:
            t = args[n] = t.detach().requires_grad_(True)
        inputs.append(t)
    with torch.enable_grad():
        value = _one_element(f(*args, **kwargs), caller)
    grads = torch.autograd.grad(
        value,
        inputs,
        create_graph=differentiating,
        allow_unused=True,
        materialize_grads=True,
    )
    return (value, grads) if differentiating else (value.detach(), grads)


def _by_transform(
    f: Callable[..., Any],
    nums: tuple[int, ...],
    args: list[Any],
    kwargs: dict[str, Any],
    caller: str,
) -> tuple[torch.Tensor, tuple[torch.Tensor, ...]]:
    """Inside torch.func transforms and under torch.compile: ``torch.func.grad_and_value``."""

    def scalar(*a: Any) -> tuple[torch.Tensor, torch.Tensor]:
        value = _one_element(f(*a, **kwargs), caller)
        return value.reshape(()), value  # torch.func wants a 0-d result; the caller its own

    found: Any = grad_and_value(scalar, argnums=nums, has_aux=True)(*args)
    grads, (_, value) = found
    return value, tuple(grads)


def _differentiate(
    f: Callable[..., Any],
    argnums: Argnums,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    caller: str,
) -> tuple[torch.Tensor, tuple[Any, ...]]:
    nums = _positions(argnums, len(args), caller)
    prepared = list(args)
    kinds = []
    for n in nums:
        prepared[n], is_numpy = _as_input(args[n], caller)
        kinds.append(is_numpy)
    if is_dynamo_compiling() or maybe_current_level() is not None:
        value, grads = _by_transform(f, nums, prepared, kwargs, caller)
    else:
        value, grads = _by_autograd(f, nums, prepared, kwargs, caller)
    out = tuple(
        g.detach().cpu().numpy().copy() if is_numpy else g
        for g, is_numpy in zip(grads, kinds, strict=True)
    )
    return value, out


# The overloads. A function whose first parameter takes a tensor (as ``f`` gets one at run time)
# or a NumPy array (NumPy-style annotations) gives a function typed by its first argument's
# kind (GradFunction). One whose first parameter is neither (a setting, with ``argnums``
# picking a later parameter) keeps its signature, with tensor results. A function of two
# tensors matches both kinds of overload: the first match, the precise one, is meant (mypy's
# overload-overlap is off for this module in pyproject.toml).
@overload
def grad(
    f: Callable[Concatenate[torch.Tensor, _P], torch.Tensor], argnums: int = 0
) -> GradFunction[_P]: ...
@overload
def grad(
    f: Callable[Concatenate[torch.Tensor, _P], torch.Tensor], argnums: Sequence[int]
) -> GradsFunction[_P]: ...
@overload
def grad(
    f: Callable[Concatenate[np.ndarray[Any, Any], _P], torch.Tensor], argnums: int = 0
) -> GradFunction[_P]: ...
@overload
def grad(
    f: Callable[Concatenate[np.ndarray[Any, Any], _P], torch.Tensor], argnums: Sequence[int]
) -> GradsFunction[_P]: ...
@overload
def grad(
    f: Callable[Concatenate[_T, _U, _P], torch.Tensor], argnums: int
) -> Callable[Concatenate[_T, _U, _P], torch.Tensor]: ...
@overload
def grad(
    f: Callable[Concatenate[_T, _U, _P], torch.Tensor], argnums: Sequence[int]
) -> Callable[Concatenate[_T, _U, _P], tuple[torch.Tensor, ...]]: ...
def grad(f: Callable[..., Any], argnums: Argnums = 0) -> Callable[..., Any]:
    """The gradient function of a scalar-valued ``f`` written with tbridge (or torch) calls.

    ``grad(f)(x)`` gives df/dx with the kind of ``x``: a NumPy array for NumPy input, a tensor
    for tensor input. ``argnums`` picks the argument(s), as in JAX.

    The gradient carries no autograd graph unless the caller is differentiating too (grad mode
    on and a tensor argument that requires grad, as in ``grad(grad(f))``), so
    ``x = x - lr * grad(f)(x)`` in a loop keeps no history. It composes with
    ``torch.func.vmap``/``jacrev``/``jacfwd`` (e.g. per-example gradients) and traces under
    ``torch.compile``. To differentiate the gradient with respect to a tensor ``f`` only
    closes over, pass that tensor as an argument.

    Types: ``f`` receives tensors, so annotate its first parameter as a ``torch.Tensor`` (or,
    in NumPy-style code, a NumPy array). Type checkers then see a function with ``f``'s
    parameters whose gradient has the kind of the first argument
    (:class:`tbridge.typing.GradFunction`; a tuple for a sequence ``argnums``). A function
    whose first parameter is a setting, differentiated by a later ``argnums``, keeps its own
    signature with tensor gradients.

    Memory and autograd: the gradient is new memory; it stays on the autograd graph only when
    the caller is differentiating, as above.

    Raises
    ------
    ValueError
        ``f`` returns more than one element, or ``argnums`` is out of range.
    TypeError
        ``f`` is not callable (raised by ``grad`` itself); an argument to differentiate is
        not floating data.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.grad(lambda v: tb.sum(v**2))(tb.asarray([1.0, 2.0]))
    tensor([2., 4.], dtype=torch.float64)
    """
    _check_callable(f, "grad")

    def gradient(*args: Any, **kwargs: Any) -> Any:
        _, grads = _differentiate(f, argnums, args, kwargs, "grad")
        return grads[0] if isinstance(argnums, int) else grads

    return gradient


@overload
def value_and_grad(
    f: Callable[Concatenate[torch.Tensor, _P], torch.Tensor], argnums: int = 0
) -> ValueAndGradFunction[_P]: ...
@overload
def value_and_grad(
    f: Callable[Concatenate[torch.Tensor, _P], torch.Tensor], argnums: Sequence[int]
) -> ValueAndGradsFunction[_P]: ...
@overload
def value_and_grad(
    f: Callable[Concatenate[np.ndarray[Any, Any], _P], torch.Tensor], argnums: int = 0
) -> ValueAndGradFunction[_P]: ...
@overload
def value_and_grad(
    f: Callable[Concatenate[np.ndarray[Any, Any], _P], torch.Tensor], argnums: Sequence[int]
) -> ValueAndGradsFunction[_P]: ...
@overload
def value_and_grad(
    f: Callable[Concatenate[_T, _U, _P], torch.Tensor], argnums: int
) -> Callable[Concatenate[_T, _U, _P], tuple[torch.Tensor, torch.Tensor]]: ...
@overload
def value_and_grad(
    f: Callable[Concatenate[_T, _U, _P], torch.Tensor], argnums: Sequence[int]
) -> Callable[Concatenate[_T, _U, _P], tuple[torch.Tensor, tuple[torch.Tensor, ...]]]: ...
def value_and_grad(f: Callable[..., Any], argnums: Argnums = 0) -> Callable[..., tuple[Any, Any]]:
    """Like :func:`grad`, but returns ``(f(x), df/dx)``; the value keeps the inputs' kind.

    Memory and autograd: as :func:`grad`; the value, too, carries a graph only when the caller
    is differentiating.

    Examples
    --------
    >>> import tbridge as tb
    >>> value, g = tb.value_and_grad(lambda v: tb.sum(v**2))(tb.asarray([1.0, 2.0]))
    >>> value, g
    (tensor(5., dtype=torch.float64), tensor([2., 4.], dtype=torch.float64))
    """
    _check_callable(f, "value_and_grad")

    def both(*args: Any, **kwargs: Any) -> tuple[Any, Any]:
        value, grads = _differentiate(f, argnums, args, kwargs, "value_and_grad")
        numpy_in = any(isinstance(a, (np.ndarray, np.generic)) for a in args)
        shown: Any = value.detach().cpu().numpy().copy() if numpy_in else value
        return shown, (grads[0] if isinstance(argnums, int) else grads)

    return both
