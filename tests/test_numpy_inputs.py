"""NumPy arrays are accepted wherever a tbridge function takes an array.

Each call runs twice: once with tensors made by ``tb.asarray`` and once with the NumPy arrays
themselves. Both must give the same tensors (values, dtype, shape). The type annotations still
ask for tensors: the conversion is a runtime convenience for NumPy code, and ``tb.asarray``
is the explicit, typed way across.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb

Mk = Callable[[Any], Any]

M = np.arange(12.0).reshape(3, 4)
SQ = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])
V = np.array([3.0, 1.0, 2.0, 1.0])
I3 = np.array([[0, 2], [1, 0], [2, 1]])
B = np.array([True, False, True, True])

CALLS: dict[str, Callable[[Mk], Any]] = {
    # manipulation
    "broadcast_arrays": lambda mk: tb.broadcast_arrays(mk(M), mk(V)),
    "broadcast_to": lambda mk: tb.broadcast_to(mk(V), (2, 4)),
    "concat": lambda mk: tb.concat((mk(M), mk(M)), axis=1),
    "concat-mixed": lambda mk: tb.concat([tb.asarray(M), mk(M)]),
    "expand_dims": lambda mk: tb.expand_dims(mk(M), axis=0),
    "flip": lambda mk: tb.flip(mk(M)),
    "meshgrid": lambda mk: tb.meshgrid(mk(V), mk(V[:2])),
    "moveaxis": lambda mk: tb.moveaxis(mk(M), 0, 1),
    "permute_dims": lambda mk: tb.permute_dims(mk(M), (1, 0)),
    "repeat": lambda mk: tb.repeat(mk(V), 2),
    "repeat-array": lambda mk: tb.repeat(mk(V), mk(np.array([1, 0, 2, 1]))),
    "reshape": lambda mk: tb.reshape(mk(M), (4, 3)),
    "roll": lambda mk: tb.roll(mk(M), 1, axis=1),
    "squeeze": lambda mk: tb.squeeze(mk(M[None]), axis=0),
    "stack": lambda mk: tb.stack([mk(V), mk(V)]),
    "take": lambda mk: tb.take(mk(V), mk(np.array([0, 2])), axis=0),
    "take_along_axis": lambda mk: tb.take_along_axis(mk(M), mk(I3), axis=1),
    "tile": lambda mk: tb.tile(mk(V), (2,)),
    "tril": lambda mk: tb.tril(mk(M)),
    "triu": lambda mk: tb.triu(mk(M), k=1),
    "unstack": lambda mk: tb.unstack(mk(M)),
    # searching and sorting
    "argmax": lambda mk: tb.argmax(mk(V)),
    "argmin": lambda mk: tb.argmin(mk(M), axis=1),
    "argsort": lambda mk: tb.argsort(mk(V)),
    "count_nonzero": lambda mk: tb.count_nonzero(mk(B)),
    "isin": lambda mk: tb.isin(mk(V), mk(np.array([1.0, 2.0]))),
    "nonzero": lambda mk: tb.nonzero(mk(B)),
    "searchsorted": lambda mk: tb.searchsorted(mk(np.sort(V)), mk(np.array([1.5]))),
    "sort": lambda mk: tb.sort(mk(V)),
    "unique_all": lambda mk: tb.unique_all(mk(V)),
    "unique_counts": lambda mk: tb.unique_counts(mk(V)),
    "unique_inverse": lambda mk: tb.unique_inverse(mk(V)),
    "unique_values": lambda mk: tb.unique_values(mk(V)),
    "where": lambda mk: tb.where(mk(B), mk(V), 0.0),
    # element-wise and statistics
    "add": lambda mk: tb.add(mk(M), mk(V)),
    "sin": lambda mk: tb.sin(mk(V)),
    "sum": lambda mk: tb.sum(mk(M), axis=0),
    "std": lambda mk: tb.std(mk(M)),
    "cumulative_sum": lambda mk: tb.cumulative_sum(mk(V)),
    "diff": lambda mk: tb.diff(mk(V)),
    # linear algebra in the main namespace
    "matmul": lambda mk: tb.matmul(mk(M), mk(M.T)),
    "matrix_transpose": lambda mk: tb.matrix_transpose(mk(M)),
    "tensordot": lambda mk: tb.tensordot(mk(M), mk(M.T), axes=1),
    "vecdot": lambda mk: tb.vecdot(mk(M), mk(V)),
    # the linalg extension
    "linalg.cholesky": lambda mk: tb.linalg.cholesky(mk(SQ)),
    "linalg.cross": lambda mk: tb.linalg.cross(mk(V[:3]), mk(V[1:])),
    "linalg.det": lambda mk: tb.linalg.det(mk(SQ)),
    "linalg.diagonal": lambda mk: tb.linalg.diagonal(mk(M)),
    "linalg.eigh": lambda mk: tb.linalg.eigh(mk(SQ)).eigenvalues,
    "linalg.eigvalsh": lambda mk: tb.linalg.eigvalsh(mk(SQ)),
    "linalg.inv": lambda mk: tb.linalg.inv(mk(SQ)),
    "linalg.matrix_norm": lambda mk: tb.linalg.matrix_norm(mk(M)),
    "linalg.matrix_power": lambda mk: tb.linalg.matrix_power(mk(SQ), 2),
    "linalg.matrix_rank": lambda mk: tb.linalg.matrix_rank(mk(M)),
    "linalg.outer": lambda mk: tb.linalg.outer(mk(V), mk(V)),
    "linalg.pinv": lambda mk: tb.linalg.pinv(mk(M)),
    "linalg.qr": lambda mk: tb.linalg.qr(mk(SQ)).R,
    "linalg.slogdet": lambda mk: tb.linalg.slogdet(mk(SQ)).logabsdet,
    "linalg.solve": lambda mk: tb.linalg.solve(mk(SQ), mk(SQ[:, :1])),
    "linalg.svdvals": lambda mk: tb.linalg.svdvals(mk(M)),
    "linalg.trace": lambda mk: tb.linalg.trace(mk(M)),
    "linalg.vector_norm": lambda mk: tb.linalg.vector_norm(mk(V)),
    # the fft extension
    "fft.fft": lambda mk: tb.fft.fft(mk(V)),
    "fft.fftn": lambda mk: tb.fft.fftn(mk(M)),
    "fft.rfft": lambda mk: tb.fft.rfft(mk(V)),
    "fft.irfft": lambda mk: tb.fft.irfft(mk(V.astype(complex))),
    "fft.fftshift": lambda mk: tb.fft.fftshift(mk(V)),
    "fft.hfft": lambda mk: tb.fft.hfft(mk(V.astype(complex))),
    # dtype functions
    "result_type": lambda mk: tb.asarray(0, dtype=tb.result_type(mk(V), mk(I3))),
    "can_cast": lambda mk: tb.asarray(tb.can_cast(mk(V), tb.float32)),
    # moves
    "astype": lambda mk: tb.astype(mk(V), tb.float32),
}


def _as_tensor(a: Any) -> Any:
    return tb.asarray(a)


def _flatten(out: Any) -> list[torch.Tensor]:
    if isinstance(out, torch.Tensor):
        return [out]
    assert isinstance(out, (tuple, list)), type(out)
    return [t for item in out for t in _flatten(item)]


@pytest.mark.parametrize("name", list(CALLS))
def test_numpy_input_gives_the_tensor_result(name: str) -> None:
    expected = _flatten(CALLS[name](_as_tensor))
    got = _flatten(CALLS[name](lambda a: a))
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert isinstance(g, torch.Tensor), type(g)
        assert g.dtype == e.dtype
        assert g.device == e.device
        torch.testing.assert_close(g, e, rtol=0, atol=0, equal_nan=True)


def test_views_of_numpy_input_share_its_memory_as_numpy_views_do() -> None:
    a = np.arange(6.0)
    r = tb.reshape(a, (2, 3))
    r[0, 0] = 42.0
    assert a[0] == 42.0  # np.reshape(a, (2, 3)) is a view of a as well
    assert tb.shares_memory(r, a)


def test_read_only_numpy_input_is_copied_not_written() -> None:
    a = np.arange(6.0)
    a.flags.writeable = False
    r = tb.reshape(a, (2, 3))
    assert not tb.shares_memory(r, a)
    r[0, 0] = 42.0
    assert a[0] == 0.0


@pytest.mark.parametrize(("copy", "shares"), [(False, True), (True, False)])
def test_astype_of_numpy_input_follows_copy(copy: bool, shares: bool) -> None:
    a = np.arange(4.0)
    same = tb.astype(a, tb.float64, copy=copy)
    assert isinstance(same, torch.Tensor)
    assert tb.shares_memory(same, a) is shares
    converted = tb.astype(a, tb.float32, copy=copy)
    assert converted.dtype == torch.float32
    assert not tb.shares_memory(converted, a)


def test_to_device_stays_tensor_only() -> None:
    """to_device promises to return ``x`` itself when nothing moves: a NumPy array cannot be."""
    with pytest.raises(TypeError, match=r"to_device: x of type ndarray is not a tensor"):
        tb.to_device(np.zeros(2), "cpu")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: tb.reshape("ab", (2,)), r"reshape: x must be array data"),
        (lambda: tb.concat([tb.zeros(2), None]), r"concat: arrays\[1\] must be array data"),
        (lambda: tb.take(tb.zeros(2), {0: 1}), r"take: indices must be array data"),
        (lambda: tb.astype([1], tb.float32), r"astype: x of type list is not a tensor or NumPy"),
    ],
)
def test_other_data_is_still_a_type_error(call: Callable[[], Any], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call()


@pytest.mark.parametrize("copy", [None, True, False])
def test_reshape_of_numpy_input_keeps_the_copy_contract(copy: bool | None) -> None:
    a = np.arange(6.0)
    r = tb.reshape(a, (2, 3), copy=copy)
    assert isinstance(r, torch.Tensor)
    assert tb.shares_memory(r, a) is (copy is not True)
    for unviewable in (np.arange(6.0)[::-1], np.broadcast_to(np.arange(3.0), (2, 3))):
        if copy is False:
            with pytest.raises(ValueError, match=r"^reshape\(copy=False\): cannot share memory"):
                tb.reshape(unviewable, (6,), copy=False)
        else:
            out = tb.reshape(unviewable, (6,), copy=copy)
            np.testing.assert_array_equal(out.numpy(), unviewable.reshape(6))
            assert not tb.shares_memory(out, unviewable)


def test_astype_of_numpy_input_needs_a_dtype() -> None:
    with pytest.raises(TypeError, match=r"dtype=None is not a dtype"):
        tb.astype(np.arange(3.0), None)  # type: ignore[arg-type]


def test_numpy_scalars_reshape_even_with_copy_false() -> None:
    # As np.reshape(np.float64(3.0), (1,), copy=False): a scalar owns no array memory.
    out = tb.reshape(np.float64(3.0), (1,), copy=False)
    assert out.tolist() == [3.0]
    assert out.dtype == torch.float64
