"""Typing tests for ``tb.grad`` and ``tb.value_and_grad``. Checked, never executed.

``f`` receives tensors at run time, so its first parameter is annotated as a tensor (or a
NumPy array, for NumPy-style code). The returned function keeps ``f``'s other parameters and
gives results in the kind of its first argument: NumPy data in, NumPy arrays out; tensors or
Python numbers in, tensors out. ``argnums`` as an int gives one gradient, as a sequence a
tuple. A function whose first parameter is a setting (not array data) keeps its signature
when ``argnums`` picks a later parameter, with tensor results.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
import torch
from typing_extensions import assert_type

import tbridge as tb
from tbridge.typing import ArrayLike, GradFunction, GradsFunction

F64 = npt.NDArray[np.float64]
NDArray = npt.NDArray[Any]


def tensor_loss(w: torch.Tensor) -> torch.Tensor:
    return tb.sum(w * w)


def numpy_loss(w: F64) -> torch.Tensor:
    return tb.sum(tb.asarray(w) ** 2)


def tensor_fit(w: torch.Tensor, x: torch.Tensor, *, scale: float = 1.0) -> torch.Tensor:
    return tb.mean((tb.matmul(x, w) * scale) ** 2)


def numpy_fit(w: F64, x: F64) -> torch.Tensor:
    return tb.mean(tb.matmul(tb.asarray(x), tb.asarray(w)) ** 2)


def array_like_loss(w: ArrayLike) -> torch.Tensor:
    return tb.sum(tb.asarray(w))


def with_setting(power: int, w: torch.Tensor) -> torch.Tensor:
    return tb.sum(w**power)


def number_loss(x: float) -> torch.Tensor:
    return tb.asarray(x) ** 2


def tensor_in_tensor_out(t: torch.Tensor, x: torch.Tensor) -> None:
    assert_type(tb.grad(tensor_loss), GradFunction[[]])
    assert_type(tb.grad(tensor_loss)(t), torch.Tensor)
    assert_type(tb.grad(tensor_fit)(t, x, scale=2.0), torch.Tensor)
    assert_type(tb.grad(tensor_fit, 1)(t, x), torch.Tensor)
    assert_type(tb.grad(tensor_fit, argnums=(0, 1))(t, x), tuple[torch.Tensor, ...])
    assert_type(tb.grad(tensor_loss, argnums=[0]), GradsFunction[[]])
    assert_type(tb.grad(lambda v: tb.sum(v**2))(t), torch.Tensor)
    assert_type(tb.grad(array_like_loss)(t), torch.Tensor)
    assert_type(tb.grad(tensor_loss)(2.0), torch.Tensor)  # Python numbers give tensors
    assert_type(tb.grad(tensor_loss)([1.0, 2.0]), torch.Tensor)
    assert_type(tb.grad(numpy_loss)(t), torch.Tensor)  # f gets a tensor either way
    assert_type(tb.grad(with_setting, 1)(2, t), torch.Tensor)
    assert_type(tb.grad(with_setting, [1])(2, t), tuple[torch.Tensor, ...])
    assert_type(tb.value_and_grad(tensor_loss)(t), tuple[torch.Tensor, torch.Tensor])
    assert_type(
        tb.value_and_grad(tensor_fit, argnums=[0, 1])(t, x),
        tuple[torch.Tensor, tuple[torch.Tensor, ...]],
    )
    assert_type(tb.value_and_grad(with_setting, 1)(3, t), tuple[torch.Tensor, torch.Tensor])
    # What grad returns is a plain callable too.
    step: Callable[[torch.Tensor], torch.Tensor] = tb.grad(tensor_loss)
    fit_step: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] = tb.grad(tensor_fit)
    w = t
    for _ in range(3):
        w = w - 0.1 * step(w) - 0.1 * fit_step(w, x)
    assert_type(w, torch.Tensor)


def numpy_in_numpy_out(a: F64, t: torch.Tensor, s: np.float64) -> None:
    assert_type(tb.grad(numpy_loss)(a), NDArray)
    assert_type(tb.grad(numpy_loss)(s), NDArray)  # a NumPy scalar: a 0-d array
    assert_type(tb.grad(tensor_loss)(a), NDArray)
    assert_type(tb.grad(array_like_loss)(a), NDArray)
    assert_type(tb.grad(tensor_fit)(a, t), NDArray)
    assert_type(tb.grad(numpy_fit, argnums=(0, 1))(a, a), tuple[NDArray, ...])
    assert_type(tb.value_and_grad(numpy_loss)(a), tuple[NDArray, NDArray])
    assert_type(tb.value_and_grad(numpy_fit, (0, 1))(a, a), tuple[NDArray, tuple[NDArray, ...]])
    step: Callable[[F64], NDArray] = tb.grad(numpy_loss)
    print(step)


def wrong_kinds(a: F64, t: torch.Tensor) -> None:
    """A NumPy result where a tensor is expected, and the reverse, are errors."""
    g: torch.Tensor = tb.grad(numpy_loss)(a)  # type: ignore[assignment]
    value, gw = tb.value_and_grad(tensor_loss)(a)
    v: torch.Tensor = value  # type: ignore[assignment]
    n: F64 = tb.grad(tensor_loss)(t)  # type: ignore[assignment]
    gs: tuple[torch.Tensor, ...] = tb.grad(numpy_fit, (0, 1))(a, a)  # type: ignore[assignment]
    step: Callable[[F64], torch.Tensor] = tb.grad(numpy_loss)  # type: ignore[assignment]
    print(g, gw, v, n, gs, step)


def wrong_calls(a: F64, t: torch.Tensor) -> None:
    tb.grad(tensor_loss)("1.0")  # type: ignore[call-overload]
    tb.grad(tensor_fit)(t)  # type: ignore[call-overload]
    tb.grad(tensor_fit)(t, t, scael=2.0)  # type: ignore[call-overload]
    tb.grad(with_setting, 1)(2.5, t)  # type: ignore[arg-type]
    tb.grad(tensor_loss, argnums="0")  # type: ignore[arg-type]
    tb.value_and_grad(tensor_loss, argnums=0.5)  # type: ignore[call-overload]
    # f receives a tensor: a first parameter that cannot take one is refused ...
    tb.grad(number_loss)  # type: ignore[arg-type]
    # ... and so is differentiating a setting (argnums defaults to 0).
    tb.grad(with_setting)  # type: ignore[arg-type]
