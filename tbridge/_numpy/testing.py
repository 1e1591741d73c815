"""NumPy's testing assertions for tensors and arrays (tbridge.testing re-exports them).

Each assertion takes tensors (any device, ``requires_grad`` or not), NumPy arrays, scalars and
nested lists, tuples and dicts of them, turns every tensor into a NumPy array for the comparison
only, and hands the arrays to ``numpy.testing``: the checks, tolerances and failure messages
(mismatch counts, largest differences, both arrays' values) are NumPy's own.

A tensor is read, never changed: it is detached, copied to the CPU when it lives elsewhere,
its lazy conjugate/negation bits resolved, and viewed read-only; its values, autograd graph and
version counter stay as they were. bfloat16 and float8 tensors are compared as float32 and
complex32 as complex64 (NumPy has no such dtypes without ml_dtypes); a 0-d tensor is compared
as the NumPy scalar NumPy's own functions would have returned. ``meta`` tensors have no values,
and a comparison with one is a TypeError.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.testing as npt
import torch

from tbridge._core.dtypes import ML_DTYPE_NAMES, DTypeLike, numpy_dtype_of, torch_dtype

__all__ = [
    "assert_",
    "assert_allclose",
    "assert_almost_equal",
    "assert_approx_equal",
    "assert_array_almost_equal",
    "assert_array_almost_equal_nulp",
    "assert_array_equal",
    "assert_array_less",
    "assert_array_max_ulp",
    "assert_equal",
    "assert_raises",
    "assert_raises_regex",
]

#: Assertions that take no array arguments: NumPy's own functions.
assert_: Final = npt.assert_
assert_raises: Final = npt.assert_raises
assert_raises_regex: Final = npt.assert_raises_regex

#: What a tensor of a dtype NumPy lacks is compared as.
_WIDER: Final[dict[torch.dtype, torch.dtype]] = {torch.complex32: torch.complex64}


def _tensor_to_numpy(x: torch.Tensor, caller: str) -> Any:
    if x.device.type == "meta":
        raise TypeError(
            f"{caller}: a meta tensor has shape and dtype but no values to compare; create it "
            "on a device that holds data (e.g. device='cpu')"
        )
    t = x.detach()
    if t.layout != torch.strided:
        t = t.to_dense()
    if t.device.type != "cpu":
        t = t.cpu()
    t = t.resolve_conj().resolve_neg()
    if t.dtype in ML_DTYPE_NAMES or numpy_dtype_of(t.dtype) is None:
        # NumPy lacks the dtype (or has it only through ml_dtypes, whose types numpy.testing
        # does not handle well): compare in the smallest standard dtype holding every value.
        t = t.to(_WIDER.get(t.dtype, torch.float32))
    out: np.ndarray[Any, Any] = t.numpy()
    if out.ndim == 0:
        # A 0-d tensor stands where NumPy has a scalar (a reduction's result): compared as one.
        return out[()]
    out.flags.writeable = False  # NumPy may view the tensor's memory: it must not write there
    return out


def _numpy(obj: object, caller: str) -> Any:
    """``obj`` with every tensor in it (nested in lists, tuples and dicts too) as a NumPy array."""
    if isinstance(obj, torch.Tensor):
        return _tensor_to_numpy(obj, caller)
    if isinstance(obj, (list, tuple)):
        items = [_numpy(item, caller) for item in obj]
        return items if isinstance(obj, list) else tuple(items)
    if isinstance(obj, dict):
        return {key: _numpy(value, caller) for key, value in obj.items()}
    return obj


def _strict(strict: bool) -> dict[str, bool]:
    # Passed only when asked for: NumPy 1.26 lacks ``strict`` on some of these assertions.
    return {"strict": True} if strict else {}


def assert_allclose(
    actual: object,
    desired: object,
    rtol: float = 1e-07,
    atol: float = 0,
    equal_nan: bool = True,
    err_msg: str = "",
    verbose: bool = True,
    *,
    strict: bool = False,
) -> None:
    """Assert ``|actual - desired| <= atol + rtol * |desired|`` element-wise (NumPy's check).

    Shapes broadcast unless ``strict=True``, which also requires equal shapes and dtypes; NaNs
    in the same places compare equal unless ``equal_nan=False``.

    Parameters
    ----------
    actual, desired
        Tensors, NumPy arrays, scalars, or nested lists/tuples of them.
    rtol, atol
        Relative and absolute tolerance.
    equal_nan
        Whether NaNs in matching positions count as equal.
    err_msg
        Text added to the failure message.
    verbose
        Whether the failure message shows both arrays' values.
    strict
        Require equal shapes and dtypes (no broadcasting, no scalar against an array).

    Raises
    ------
    AssertionError
        NumPy's message: how many elements mismatch, the largest absolute and relative
        differences, and the values.
    TypeError
        For a ``meta`` tensor, which has no values.

    Notes
    -----
    Memory and autograd: tensors are only read (detached, copied to the CPU when elsewhere);
    nothing is written and no graph changes.

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.testing import assert_allclose
    >>> assert_allclose(tb.asarray([1.0, 2.0]), [1.0, 2.0 + 1e-9])
    """
    __tracebackhide__ = True
    npt.assert_allclose(
        _numpy(actual, "assert_allclose"),
        _numpy(desired, "assert_allclose"),
        rtol=rtol,
        atol=atol,
        equal_nan=equal_nan,
        err_msg=err_msg,
        verbose=verbose,
        **_strict(strict),
    )


def assert_array_equal(
    actual: object,
    desired: object,
    err_msg: str = "",
    verbose: bool = True,
    *,
    strict: bool = False,
) -> None:
    """Assert two arrays have equal shapes (after broadcasting) and equal elements.

    NaNs in the same places compare equal. ``strict=True`` also requires equal shapes and
    dtypes, with no broadcasting of scalars.

    Parameters
    ----------
    actual, desired
        Tensors, NumPy arrays, scalars, or nested lists/tuples of them.
    err_msg
        Text added to the failure message.
    verbose
        Whether the failure message shows both arrays' values.
    strict
        Require equal shapes and dtypes.

    Raises
    ------
    AssertionError
        NumPy's message, with the mismatching count and both arrays' values.
    TypeError
        For a ``meta`` tensor, which has no values.

    Notes
    -----
    Memory and autograd: tensors are only read; nothing is written and no graph changes.

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.testing import assert_array_equal
    >>> assert_array_equal(tb.arange(3), [0, 1, 2])
    """
    __tracebackhide__ = True
    npt.assert_array_equal(
        _numpy(actual, "assert_array_equal"),
        _numpy(desired, "assert_array_equal"),
        err_msg=err_msg,
        verbose=verbose,
        **_strict(strict),
    )


def assert_array_almost_equal(
    actual: object,
    desired: object,
    decimal: int = 6,
    err_msg: str = "",
    verbose: bool = True,
) -> None:
    """Assert ``abs(desired - actual) < 1.5 * 10**(-decimal)`` element-wise (NumPy's check).

    Parameters
    ----------
    actual, desired
        Tensors, NumPy arrays, scalars, or nested lists/tuples of them.
    decimal
        Decimal places that must agree.
    err_msg
        Text added to the failure message.
    verbose
        Whether the failure message shows both arrays' values.

    Raises
    ------
    AssertionError
        NumPy's message with the values.
    TypeError
        For a ``meta`` tensor, which has no values.

    Notes
    -----
    Memory and autograd: tensors are only read; nothing is written and no graph changes.

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.testing import assert_array_almost_equal
    >>> assert_array_almost_equal(tb.asarray([1.0, 2.0]), [1.0000001, 2.0])
    """
    __tracebackhide__ = True
    npt.assert_array_almost_equal(
        _numpy(actual, "assert_array_almost_equal"),
        _numpy(desired, "assert_array_almost_equal"),
        decimal=decimal,
        err_msg=err_msg,
        verbose=verbose,
    )


def assert_equal(
    actual: object,
    desired: object,
    err_msg: str = "",
    verbose: bool = True,
    *,
    strict: bool = False,
) -> None:
    """Assert two objects are equal: arrays element-wise, dicts and sequences item by item.

    Parameters
    ----------
    actual, desired
        Tensors, NumPy arrays, scalars, or lists, tuples and dicts of them.
    err_msg
        Text added to the failure message.
    verbose
        Whether the failure message shows the values.
    strict
        Require equal shapes and dtypes for arrays.

    Raises
    ------
    AssertionError
        NumPy's message with the values.
    TypeError
        For a ``meta`` tensor, which has no values.

    Notes
    -----
    Memory and autograd: tensors are only read; nothing is written and no graph changes.

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.testing import assert_equal
    >>> assert_equal({"x": tb.arange(2)}, {"x": [0, 1]})
    """
    __tracebackhide__ = True
    npt.assert_equal(
        _numpy(actual, "assert_equal"),
        _numpy(desired, "assert_equal"),
        err_msg=err_msg,
        verbose=verbose,
        **_strict(strict),
    )


def assert_array_less(
    x: object,
    y: object,
    err_msg: str = "",
    verbose: bool = True,
    *,
    strict: bool = False,
) -> None:
    """Assert every element of ``x`` is strictly less than the matching element of ``y``.

    Parameters
    ----------
    x, y
        Tensors, NumPy arrays, scalars, or nested lists/tuples of them.
    err_msg
        Text added to the failure message.
    verbose
        Whether the failure message shows both arrays' values.
    strict
        Require equal shapes and dtypes.

    Raises
    ------
    AssertionError
        NumPy's message with the values.
    TypeError
        For a ``meta`` tensor, which has no values.

    Notes
    -----
    Memory and autograd: tensors are only read; nothing is written and no graph changes.

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.testing import assert_array_less
    >>> assert_array_less(tb.arange(3), 3)
    """
    __tracebackhide__ = True
    npt.assert_array_less(
        _numpy(x, "assert_array_less"),
        _numpy(y, "assert_array_less"),
        err_msg=err_msg,
        verbose=verbose,
        **_strict(strict),
    )


def assert_almost_equal(
    actual: object,
    desired: object,
    decimal: int = 7,
    err_msg: str = "",
    verbose: bool = True,
) -> None:
    """Assert ``abs(desired - actual) < 1.5 * 10**(-decimal)`` (arrays element-wise).

    Parameters
    ----------
    actual, desired
        Tensors, NumPy arrays, scalars, or nested lists/tuples of them.
    decimal
        Decimal places that must agree.
    err_msg
        Text added to the failure message.
    verbose
        Whether the failure message shows the values.

    Raises
    ------
    AssertionError
        NumPy's message with the values.
    TypeError
        For a ``meta`` tensor, which has no values.

    Notes
    -----
    Memory and autograd: tensors are only read; nothing is written and no graph changes.

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.testing import assert_almost_equal
    >>> assert_almost_equal(tb.sqrt(tb.asarray(2.0)), 1.41421356)
    """
    __tracebackhide__ = True
    npt.assert_almost_equal(
        _numpy(actual, "assert_almost_equal"),
        _numpy(desired, "assert_almost_equal"),
        decimal=decimal,
        err_msg=err_msg,
        verbose=verbose,
    )


def assert_approx_equal(
    actual: object,
    desired: object,
    significant: int = 7,
    err_msg: str = "",
    verbose: bool = True,
) -> None:
    """Assert two scalars agree to ``significant`` significant digits (0-d tensors accepted).

    Raises
    ------
    AssertionError
        NumPy's message with the values.
    TypeError
        For a ``meta`` tensor, which has no values.

    Notes
    -----
    Memory and autograd: tensors are only read; nothing is written and no graph changes.

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.testing import assert_approx_equal
    >>> assert_approx_equal(tb.asarray(1234567.0), 1234568.0, significant=6)
    """
    __tracebackhide__ = True
    npt.assert_approx_equal(
        _numpy(actual, "assert_approx_equal"),
        _numpy(desired, "assert_approx_equal"),
        significant=significant,
        err_msg=err_msg,
        verbose=verbose,
    )


def assert_array_almost_equal_nulp(x: object, y: object, nulp: int = 1) -> None:
    """Assert ``x`` and ``y`` differ by at most ``nulp`` units in the last place, relative to
    their spacing (NumPy's check; both must be floating).

    Raises
    ------
    AssertionError
        NumPy's message.
    TypeError
        For a ``meta`` tensor, which has no values.

    Notes
    -----
    Memory and autograd: tensors are only read; nothing is written and no graph changes.

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.testing import assert_array_almost_equal_nulp
    >>> x = tb.asarray([1.0, 2.0])
    >>> assert_array_almost_equal_nulp(x, x * 1.0)
    """
    __tracebackhide__ = True
    npt.assert_array_almost_equal_nulp(
        _numpy(x, "assert_array_almost_equal_nulp"),
        _numpy(y, "assert_array_almost_equal_nulp"),
        nulp=nulp,
    )


def assert_array_max_ulp(
    a: object, b: object, maxulp: int = 1, dtype: DTypeLike | None = None
) -> np.ndarray[Any, Any]:
    """Assert ``a`` and ``b`` differ by at most ``maxulp`` units in the last place; return the
    differences in ulps (a NumPy array, as NumPy returns).

    ``dtype`` (any dtype spelling) is the floating dtype both are converted to first.

    Raises
    ------
    AssertionError
        NumPy's message.
    TypeError
        For a ``meta`` tensor, which has no values.

    Notes
    -----
    Memory and autograd: tensors are only read; the result is a new NumPy array.

    Examples
    --------
    >>> import tbridge as tb
    >>> from tbridge.testing import assert_array_max_ulp
    >>> x = tb.asarray([1.0, 2.0])
    >>> float(assert_array_max_ulp(x, x + 1e-16).max())
    0.0
    """
    __tracebackhide__ = True
    found: np.ndarray[Any, Any] = npt.assert_array_max_ulp(
        _numpy(a, "assert_array_max_ulp"),
        _numpy(b, "assert_array_max_ulp"),
        maxulp=maxulp,
        dtype=None if dtype is None else numpy_dtype_of(torch_dtype(dtype)),
    )
    return found
