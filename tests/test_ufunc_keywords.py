"""The ufuncs' keywords ``where=`` and ``dtype=`` on every element-wise function NumPy makes
a ufunc.

``np.divide(a, b, out=np.zeros_like(a), where=b != 0)`` is NumPy's idiom for a safe division;
the same call through tbridge writes the same values into ``out`` and returns it.
``np.add(a, b, dtype=np.float32)`` computes in float32. NumPy is the oracle for every function:
the same inputs, mask, ``out`` and ``dtype`` through both.
"""

from __future__ import annotations

import inspect
import warnings
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tests._helpers import NUMPY2, assert_matches_numpy, needs_numpy2

#: NumPy's ufuncs that are generalized (a core signature): they take no element-wise mask.
_GUFUNCS = frozenset({"matmul", "vecdot", "matvec", "vecmat"})


def _ufunc_names() -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # NumPy 1.x warns on reading np.bool, np.long, ...
        return sorted(
            name
            for name in dir(tb)
            if isinstance(getattr(np, name, None), np.ufunc)
            and callable(getattr(tb, name))
            and name not in _GUFUNCS
        )


UFUNCS = _ufunc_names()
#: Functions of integers only (NumPy's loops have no floating version).
_INTEGER_ONLY = frozenset(
    {
        "bitwise_and",
        "bitwise_or",
        "bitwise_xor",
        "bitwise_not",
        "bitwise_invert",
        "invert",
        "bitwise_count",
        "left_shift",
        "right_shift",
        "bitwise_left_shift",
        "bitwise_right_shift",
        "gcd",
        "lcm",
    }
)
#: Functions whose domain starts at 1.
_FROM_ONE = frozenset({"acosh", "arccosh"})


def _operand(name: str, seed: int) -> np.ndarray[Any, Any]:
    rng = np.random.default_rng(seed)
    if name in _INTEGER_ONLY or (name == "ldexp" and seed == 1):  # ldexp's exponents
        return rng.integers(1, 6, size=(2, 3))
    low = 1.2 if name in _FROM_ONE else 0.1
    return rng.uniform(low, low + 0.8, size=(2, 3))


def _arity(name: str) -> int:
    return int(getattr(np, name).nin)


def _call(mod: Any, name: str, args: list[Any], **kwargs: Any) -> Any:
    return getattr(mod, name)(*args, **kwargs)


def test_every_ufunc_takes_where_and_dtype_after_out() -> None:
    """The names above are all of NumPy's element-wise ufuncs tbridge has (a missing one
    would be a function without the mask). ``where`` follows ``out`` and may also be passed by
    position (NumPy: keyword only), which keeps the call as cheap as before."""
    assert len(UFUNCS) > (90 if NUMPY2 else 80)  # NumPy 1 lacks acos, pow, bitwise_count, ...
    lacking = [n for n in UFUNCS if "where" not in inspect.signature(getattr(tb, n)).parameters]
    assert lacking == []
    for name in UFUNCS:
        params = inspect.signature(getattr(tb, name)).parameters
        assert params["where"].default is True
        assert params["where"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        assert list(params).index("where") == list(params).index("out") + 1
        assert params["dtype"].default is None
        assert list(params).index("dtype") == list(params).index("where") + 1


@pytest.mark.parametrize("name", UFUNCS)
def test_out_keeps_its_values_where_the_mask_is_false(name: str) -> None:
    args = [_operand(name, seed) for seed in range(_arity(name))]
    mask = np.array([[True, False, True], [False, True, True]])
    expected_pair = getattr(np, name).nout == 2
    np_out = _np_out(name, args, expected_pair)
    tb_out = tuple(torch.from_numpy(o.copy()) for o in np_out)
    expected = _call(np, name, args, out=np_out if expected_pair else np_out[0], where=mask)
    result = _call(
        tb,
        name,
        [torch.from_numpy(a) for a in args],
        out=tb_out if expected_pair else tb_out[0],
        where=torch.from_numpy(mask),
    )
    if expected_pair:
        assert result[0] is tb_out[0]
        assert result[1] is tb_out[1]
        for r, e in zip(result, expected, strict=True):
            assert_matches_numpy(r, e)
    else:
        assert result is tb_out[0]
        assert_matches_numpy(result, expected)


def _np_out(name: str, args: list[Any], pair: bool) -> tuple[np.ndarray[Any, Any], ...]:
    """``out`` arrays of the result dtypes, filled with a marker the mask must leave alone."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        full = getattr(np, name)(*args)
    results = full if pair else (full,)
    return tuple(np.full_like(r, 7) for r in results)


@pytest.mark.parametrize("dtype", [np.int64, np.int8, np.uint8, np.uint16, np.uint64])
@pytest.mark.parametrize("name", ["floor_divide", "remainder", "mod", "fmod", "divmod"])
def test_a_zero_divisor_the_mask_leaves_out_does_not_warn(name: str, dtype: type) -> None:
    a = np.array([7, 9, 6, 5], dtype=dtype)
    b = np.array([0, 2, 0, 3], dtype=dtype)
    pair = name == "divmod"
    np_out = tuple(np.full(4, 9, dtype=dtype) for _ in range(2 if pair else 1))
    tb_out = tuple(torch.from_numpy(o.copy()) for o in np_out)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # NumPy computes nothing at a masked position
        expected = getattr(np, name)(a, b, out=np_out if pair else np_out[0], where=b != 0)
        result = getattr(tb, name)(
            torch.from_numpy(a),
            torch.from_numpy(b),
            out=tb_out if pair else tb_out[0],
            where=torch.from_numpy(b != 0),
        )
    for r, e in zip(result if pair else [result], expected if pair else [expected], strict=True):
        assert_matches_numpy(r, e)


def test_a_zero_divisor_inside_the_mask_still_warns() -> None:
    a, b = torch.tensor([7, 6]), torch.tensor([0, 2])
    with pytest.warns(RuntimeWarning, match="divide by zero encountered in floor_divide"):
        r = tb.floor_divide(a, b, out=torch.full((2,), 9), where=torch.tensor([True, True]))
    assert r.tolist() == [0, 3]


def test_the_safe_division_idiom() -> None:
    a = np.array([1.0, 2.0, 3.0])
    b = np.array([0.0, 4.0, 0.0])
    expected = np.divide(a, b, out=np.zeros_like(a), where=b != 0)
    ta, tb_ = torch.from_numpy(a), torch.from_numpy(b)
    assert_matches_numpy(tb.divide(ta, tb_, out=tb.zeros_like(ta), where=tb_ != 0), expected)


def test_the_mask_broadcasts_with_the_inputs_to_out() -> None:
    x = np.array([1.0, 4.0, 9.0])
    mask = np.array([[True], [False]])
    expected = np.sqrt(x, out=np.full((2, 3), -1.0), where=mask)
    result = tb.sqrt(torch.from_numpy(x), out=tb.full((2, 3), -1.0), where=torch.from_numpy(mask))
    assert_matches_numpy(result, expected)


def test_python_data_is_read_as_bool_as_numpy_reads_it() -> None:
    x = np.array([1.0, 2.0, 3.0])
    expected = np.add(x, 1, out=np.zeros(3), where=[2, 0, 1])
    result = tb.add(torch.from_numpy(x), 1, out=tb.zeros(3), where=[2, 0, 1])
    assert_matches_numpy(result, expected)
    assert tb.add(torch.from_numpy(x), 1, out=tb.zeros(3), where=False).tolist() == [0.0] * 3


def test_where_true_is_the_plain_call() -> None:
    x = tb.asarray([1.0, 2.0])
    assert tb.exp(x, where=True).tolist() == tb.exp(x).tolist()
    out = tb.zeros(2)
    assert tb.multiply(x, x, out=out, where=True) is out


def test_without_out_the_masked_positions_are_zero_and_a_warning_says_so() -> None:
    x = tb.asarray([4.0, 9.0])
    with pytest.warns(UserWarning, match=r"sqrt: where= without out= .* pass out="):
        r = tb.sqrt(x, where=tb.asarray([True, False]))
    assert r.tolist() == [2.0, 0.0]


def test_out_of_a_wider_kind_receives_the_result() -> None:
    out = torch.full((3,), 5, dtype=torch.complex128)
    r = tb.add(tb.asarray([1.0, 2.0, 3.0]), 1.0, out=out, where=tb.asarray([True, False, True]))
    assert r is out
    assert r.tolist() == [2 + 0j, 5 + 0j, 4 + 0j]


def test_autograd_flows_through_the_masked_positions_only() -> None:
    x = torch.tensor([0.5, 1.0, 1.5], dtype=torch.float64, requires_grad=True)
    out = torch.zeros(3, dtype=torch.float64)
    r = tb.sin(x, out=out, where=torch.tensor([True, False, True]))
    r.sum().backward()
    assert x.grad is not None
    expected = torch.cos(x.detach()) * torch.tensor([1.0, 0.0, 1.0], dtype=torch.float64)
    torch.testing.assert_close(x.grad, expected)


@pytest.mark.parametrize(
    ("where", "error", "message"),
    [
        (np.array([1, 0, 1]), TypeError, r"add: where must be boolean, got dtype torch\.int64"),
        (torch.tensor([0.5, 0.0, 1.0]), TypeError, r"add: where must be boolean"),
        (torch.ones(4, dtype=torch.bool), ValueError, r"where has shape \(4,\).*\(3,\)"),
        (torch.ones(3, dtype=torch.bool, device="meta"), ValueError, r"where is on meta"),
        (None, TypeError, r"add: where must be array data.*NoneType"),
        ("yes", TypeError, r"add: where must be array data.*str"),
    ],
)
def test_a_bad_mask_is_refused_with_its_reason(
    where: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        tb.add(tb.asarray([1.0, 2.0, 3.0]), 1.0, out=tb.zeros(3), where=where)


def test_numpy_refuses_the_same_non_boolean_mask() -> None:
    with pytest.raises(TypeError):
        np.add(np.ones(3), 1, out=np.zeros(3), where=np.array([1, 0, 1]))


def test_out_of_a_lower_kind_is_refused_under_the_mask_too() -> None:
    with pytest.raises(TypeError, match="same_kind"):
        tb.add(tb.asarray([1.5]), 1, out=tb.zeros(1, dtype=tb.int64), where=[True])


@pytest.mark.parametrize("name", ["sum", "prod", "mean", "max", "min", "all", "any", "std"])
def test_reductions_read_the_mask_as_the_ufuncs_do(name: str) -> None:
    """One reader for every where=: Python data is read as bool, as NumPy reads it."""
    x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    mask = [1, 0, 1]
    kwargs: dict[str, Any] = {"initial": 0.0} if name in ("max", "min") else {}
    expected = getattr(np, name)(x, axis=1, where=mask, **kwargs)
    got = getattr(tb, name)(torch.from_numpy(x), axis=1, where=mask, **kwargs)
    assert_matches_numpy(got, expected)


def test_copyto_reads_the_mask_as_the_ufuncs_do() -> None:
    dst_np, dst = np.zeros(3), tb.zeros(3)
    np.copyto(dst_np, np.arange(3.0), where=[1, 0, 1])
    tb.copyto(dst, tb.arange(3.0), where=[1, 0, 1])
    assert_matches_numpy(dst, dst_np)
    with pytest.raises(TypeError, match=r"copyto: where must be boolean, got dtype torch\.int64"):
        tb.copyto(dst, tb.arange(3.0), where=tb.asarray([1, 0, 1]))


# ---- dtype= ----------------------------------------------------------------------------------

_DTYPES = ["float32", "float64", "int32", "int64", "complex128", "bool"]
#: Functions tbridge refuses complex input to, as documented in their docstrings.
_NO_COMPLEX_ORDER = frozenset({"maximum", "minimum", "fmax", "fmin"})


@pytest.mark.parametrize("dtype", _DTYPES)
@pytest.mark.parametrize("name", UFUNCS)
def test_dtype_computes_in_numpys_loop(name: str, dtype: str) -> None:
    """The result's dtype and values are NumPy's; where NumPy has no computation for the dtype
    (``sqrt(..., dtype=int64)``, a float operand under ``dtype=int64``), both raise TypeError."""
    args = [_operand(name, seed) for seed in range(_arity(name))]
    tensors = [torch.from_numpy(a) for a in args]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = getattr(np, name)(*args, dtype=dtype)
    except TypeError:
        with pytest.raises(TypeError, match=rf"^{getattr(tb, name).__name__}: dtype=") as got:
            getattr(tb, name)(*tensors, dtype=dtype)
        assert isinstance(got.value.__cause__, TypeError)  # NumPy's own reason, chained
        return
    if name in _NO_COMPLEX_ORDER and dtype == "complex128":
        # NumPy orders complex numbers lexicographically; torch has no complex max/min
        with pytest.raises(TypeError, match=r"complex"):
            getattr(tb, name)(*tensors, dtype=dtype)
        return
    result = getattr(tb, name)(*tensors, dtype=dtype)
    if isinstance(expected, tuple):
        for r, e in zip(result, expected, strict=True):
            assert_matches_numpy(r, e)
    else:
        assert_matches_numpy(result, expected)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda m: m.add(m.asarray([1, 2], dtype="int8"), 3, dtype="float32"), "float32"),
        (lambda m: m.multiply(2, 3, dtype="float64"), "float64"),
        (lambda m: m.less(m.asarray([1, 2]), 1.5, dtype=bool), "bool"),
        (lambda m: m.sqrt(m.asarray([4, 9]), dtype="float32"), "float32"),
    ],
    ids=["weak-int", "two-scalars", "comparison", "int-to-float"],
)
def test_dtype_with_python_scalars_follows_numpy(call: Any, expected: str) -> None:
    want = call(np)
    got = call(tb)
    assert_matches_numpy(got, want)
    assert str(np.asarray(want).dtype) == expected


def test_dtype_and_out_and_where_together() -> None:
    a, b = np.arange(4), np.array([0, 1, 0, 2])
    np_out = np.full(4, -1.0)
    expected = np.divide(a, b, out=np_out, where=b != 0, dtype=np.float32)
    out = tb.full(4, -1.0)
    got = tb.divide(torch.from_numpy(a), torch.from_numpy(b), out=out, where=b != 0, dtype="f4")
    assert got is out
    assert_matches_numpy(got, expected)


def test_dtype_keeps_the_autograd_graph() -> None:
    x = torch.tensor([0.5, 1.0], dtype=torch.float64, requires_grad=True)
    y = tb.sin(x, dtype=tb.float32)
    assert y.dtype == torch.float32
    y.sum().backward()
    assert x.grad is not None
    torch.testing.assert_close(x.grad, torch.cos(x.detach()))


def test_dtypes_numpy_lacks_cast_every_operand() -> None:
    x = tb.asarray([1, 2, 3])
    got = tb.add(x, x, dtype=tb.bfloat16)
    assert got.dtype == torch.bfloat16
    assert got.tolist() == [2.0, 4.0, 6.0]
    with pytest.raises(TypeError, match=r"^add: dtype=torch.bfloat16: cannot cast operand 1"):
        tb.add(tb.asarray([1j]), 1, dtype=tb.bfloat16)


@needs_numpy2("NEP 50: a Python int beyond the array's dtype is an OverflowError")
def test_a_python_number_the_dtype_cannot_hold_is_numpys_overflow_error() -> None:
    with pytest.raises(OverflowError):
        np.add(np.array([1], dtype=np.int8), 1000, dtype=np.int8)
    with pytest.raises(OverflowError, match=r"^add: Python number 1000 is out of bounds"):
        tb.add(tb.asarray([1], dtype=tb.int8), 1000, dtype=tb.int8)


def test_a_misspelled_dtype_is_named() -> None:
    with pytest.raises(TypeError, match=r"^add: dtype='flaot32' is not a dtype.*float32"):
        tb.add(tb.asarray([1.0]), 1.0, dtype="flaot32")  # type: ignore[arg-type]


def test_a_tensor_subclass_mask_is_read_as_a_tensor() -> None:
    """An nn.Parameter (a Tensor subclass) is not Python data: a float one is refused, not
    read as bool."""
    x = tb.asarray([1.0, 2.0])
    with pytest.raises(TypeError, match=r"add: where must be boolean, got dtype torch\.float32"):
        tb.add(
            x, 1.0, out=tb.zeros(2), where=torch.nn.Parameter(torch.ones(2, dtype=torch.float32))
        )
    mask = torch.nn.Parameter(torch.tensor([True, False]), requires_grad=False)
    assert tb.add(x, 1.0, out=tb.zeros(2), where=mask).tolist() == [2.0, 0.0]


# ---- the generalized ufuncs: out= and dtype= (NumPy's gufuncs take no where=) ------------------


@needs_numpy2("vecdot, matvec and vecmat are NumPy 2's")
@pytest.mark.parametrize("dtype", ["float32", "float64", "int64", "complex128", "bool"])
@pytest.mark.parametrize("name", ["vecdot", "matvec", "vecmat"])
def test_gufunc_dtype_computes_in_numpys_loop(name: str, dtype: str) -> None:
    m = np.arange(6, dtype=np.int64).reshape(2, 3)
    v = np.array([1, 2, 3], dtype=np.int64) if name != "vecmat" else np.array([1, 2])
    args = {"vecdot": (m, m), "matvec": (m, v), "vecmat": (v, m)}[name]
    tensors = [torch.from_numpy(a) for a in args]
    try:
        expected = getattr(np, name)(*args, dtype=dtype)
    except TypeError:
        with pytest.raises(TypeError, match=rf"^{name}: dtype="):
            getattr(tb, name)(*tensors, dtype=dtype)
        return
    assert_matches_numpy(getattr(tb, name)(*tensors, dtype=dtype), expected)


@needs_numpy2("vecdot is NumPy 2's")
def test_vecdot_writes_out_as_numpy() -> None:
    a = np.arange(6.0).reshape(2, 3)
    np_out = np.zeros(2)
    expected = np.vecdot(a, a, np_out)
    out = tb.zeros(2)
    got = tb.vecdot(torch.from_numpy(a), torch.from_numpy(a), out)
    assert got is out
    assert_matches_numpy(got, expected)
    with pytest.raises(TypeError, match="same_kind"):
        tb.vecdot(torch.from_numpy(a), torch.from_numpy(a), out=tb.zeros(2, dtype=tb.int64))


@pytest.mark.parametrize("name", ["all", "any", "sum"])
def test_a_reduction_mask_must_broadcast_to_x_not_beyond_it(name: str) -> None:
    """NumPy broadcasts a reduction's mask to x's shape; a mask of more dimensions is refused
    (all/any used to broadcast x up to it instead)."""
    x = np.ones(3)
    mask = np.ones((2, 3), dtype=bool)
    with pytest.raises(ValueError, match="more dimensions than allowed"):
        getattr(np, name)(x, where=mask)
    with pytest.raises(ValueError, match=rf"^{name}: where= of shape \(2, 3\) does not broadcast"):
        getattr(tb, name)(torch.from_numpy(x), where=torch.from_numpy(mask))
