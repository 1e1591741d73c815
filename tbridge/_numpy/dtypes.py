"""NumPy's dtype spellings on the module.

``tb.dtype(...)`` (any dtype-like to its torch dtype), NumPy's C-style and legacy aliases
(``double``, ``intc``, ``int_``, ``float_``, ...) as the torch dtype objects themselves,
NumPy's abstract scalar types (``generic``, ``number``, ``floating``, ``integer``, ...) for
``issubdtype``, ``promote_types``, and ``ndarray``/``device`` as the torch classes, so that
``isinstance(x, tb.ndarray)`` and ``tb.device("cpu")`` read as they do with NumPy and
array-api-compat.

The abstract scalar types are NumPy's own classes (``tb.floating is np.floating``): they are
pure type-hierarchy markers, and sharing them means ``tb.issubdtype(x.dtype, np.floating)`` and
``tb.issubdtype(x.dtype, tb.floating)`` are one question. ``issubdtype`` answers it through
NumPy's hierarchy, with torch's dtypes placed in it through the one dtype table (and the torch
dtypes NumPy lacks, bfloat16, the float8 family and complex32, placed by their kind).
"""

from __future__ import annotations

import contextlib
import numbers
import sys
from typing import Any, Final

import numpy as np
import torch

from tbridge._convert.gate import as_tensor
from tbridge._core.dtypes import (
    DTypeLike,
    default_float_dtype,
    numpy_dtype_of,
    torch_dtype,
    torch_dtype_of_numpy,
)
from tbridge._core.promotion import promote

__all__ = [
    "bool_",
    "byte",
    "cdouble",
    "common_type",
    "complex_",
    "complexfloating",
    "csingle",
    "device",
    "double",
    "dtype",
    "euler_gamma",
    "float_",
    "floating",
    "generic",
    "half",
    "inexact",
    "int_",
    "intc",
    "integer",
    "intp",
    "isscalar",
    "issubdtype",
    "iterable",
    "little_endian",
    "longlong",
    "min_scalar_type",
    "ndarray",
    "number",
    "promote_types",
    "short",
    "signedinteger",
    "single",
    "ubyte",
    "uint",
    "uintc",
    "uintp",
    "ulonglong",
    "unsignedinteger",
    "ushort",
]

# ---- the array and device classes ---------------------------------------------------------

#: The array type: ``isinstance(x, tb.ndarray)`` is ``isinstance(x, torch.Tensor)``.
ndarray: Final = torch.Tensor
#: The device type, as array-api-compat's torch namespace exports it.
device: Final = torch.device

# ---- NumPy's aliases, as the torch dtypes they name (NumPy 2 on a 64-bit platform) ----------

bool_: Final = torch.bool
byte: Final = torch.int8
ubyte: Final = torch.uint8
short: Final = torch.int16
ushort: Final = torch.uint16
intc: Final = torch.int32
uintc: Final = torch.uint32
int_: Final = torch.int64
intp: Final = torch.int64
uint: Final = torch.uint64
uintp: Final = torch.uint64
longlong: Final = torch.int64
ulonglong: Final = torch.uint64
half: Final = torch.float16
single: Final = torch.float32
double: Final = torch.float64
csingle: Final = torch.complex64
cdouble: Final = torch.complex128
#: NumPy 1.x's ``float_`` and ``complex_`` (removed in NumPy 2, still common in code).
float_: Final = torch.float64
complex_: Final = torch.complex128

# ---- NumPy's abstract scalar types (the classes themselves) ---------------------------------

generic: Final = np.generic
number: Final = np.number
inexact: Final = np.inexact
floating: Final = np.floating
complexfloating: Final = np.complexfloating
integer: Final = np.integer
signedinteger: Final = np.signedinteger
unsignedinteger: Final = np.unsignedinteger


# ---- dtype ---------------------------------------------------------------------------------


class _DTypeMeta(type):
    """Makes ``isinstance(d, tb.dtype)`` test for a torch dtype."""

    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, torch.dtype)


# mypy refuses a __new__ that returns another class's object (the ignore on dtype.__new__);
# pyright accepts it, finds that ignore unnecessary, and can be told so only file-wide:
# pyright: reportUnnecessaryTypeIgnoreComment=false
class dtype(metaclass=_DTypeMeta):
    """The torch dtype for any dtype spelling: ``tb.dtype("f4")`` is ``tb.float32``.

    tbridge's dtypes are torch's dtype objects, so NumPy's ``np.dtype(...)`` constructor
    becomes a lookup: it accepts what every ``dtype=`` argument accepts (torch dtypes, NumPy
    dtypes and scalar types, dtype strings, ``bool``/``int``/``float``/``complex``) and returns
    the torch dtype. ``None`` gives the default floating dtype (float64, as in NumPy).
    ``isinstance(d, tb.dtype)`` is ``isinstance(d, torch.dtype)``.

    ``dtype(dtype, align=False, copy=False)``: ``dtype`` is the dtype-like to look up (an
    array's ``.dtype`` too; not the array itself); ``align`` and ``copy`` are NumPy's flags,
    accepted so NumPy calls run unchanged; they change nothing here (align only affects
    structured dtypes, which torch has not; torch dtypes are singletons).

    Returns
    -------
    torch.dtype

    Raises
    ------
    TypeError
        For values that are not dtypes (arrays included), and for NumPy dtypes torch has no twin
        for (strings, structured, datetime, object): the message names the NumPy route.

    Notes
    -----
    Memory and autograd: no data is involved.

    Examples
    --------
    >>> import numpy as np
    >>> import tbridge as tb
    >>> tb.dtype("f4"), tb.dtype(np.int16), tb.dtype(float)
    (torch.float32, torch.int16, torch.float64)
    >>> isinstance(tb.float32, tb.dtype)
    True
    """

    def __new__(  # type: ignore[misc]  # a constructor that returns torch's dtype object
        cls,
        dtype: DTypeLike | None,
        align: bool = False,
        copy: bool = False,
    ) -> torch.dtype:
        if isinstance(dtype, torch.dtype):  # as fast as type() is; torch.dtype has no subclasses
            return dtype
        if dtype is None:  # NumPy: the default floating dtype
            return default_float_dtype()
        if isinstance(dtype, (torch.Tensor, np.ndarray)):
            raise TypeError(
                f"dtype: cannot make a dtype from an array ({type(dtype).__name__}); pass its "
                "dtype, tb.dtype(x.dtype)"
            )
        return torch_dtype(dtype, caller="dtype")


# ---- issubdtype ----------------------------------------------------------------------------

#: The NumPy scalar type each torch dtype stands for in NumPy's hierarchy; the torch dtypes
#: without a NumPy twin stand in as their nearest abstract type plus their own identity.
_TORCH_ONLY_KIND: Final[dict[torch.dtype, type]] = {
    d: (np.complexfloating if d.is_complex else np.floating)
    for d in vars(torch).values()
    if isinstance(d, torch.dtype)
    and (d.is_floating_point or d.is_complex)
    and (numpy_dtype_of(d) is None or d == torch.bfloat16 or str(d).startswith("torch.float8"))
}

#: ml_dtypes' scalar types (NumPy twins of bfloat16 and the float8 types, when installed) sit
#: outside NumPy's floating hierarchy; they stand for their torch dtype here.
_ML_TYPES: Final[dict[type, torch.dtype]] = {
    twin.type: d for d in _TORCH_ONLY_KIND if (twin := numpy_dtype_of(d)) is not None
}

_SUBDTYPE_CACHE: dict[tuple[object, object], bool] = {}


def _named_scalar_types() -> dict[str, type]:
    """NumPy's scalar type for each dtype name, type code and sized code (``"double"``,
    ``"d"``, ``"f8"``), asked of NumPy once, at import: ``issubdtype`` then reads a string
    without calling NumPy, so it traces under ``torch.compile``."""
    sized = [f"{kind}{n}" for kind in "iu" for n in (1, 2, 4, 8)]
    sized += ["b1", "f2", "f4", "f8", "c8", "c16"]
    names = [k for k in np.sctypeDict if k != "a"]  # "a" is deprecated
    table: dict[str, type] = {}
    for spelling in [*names, *np.typecodes["All"], *sized]:
        with contextlib.suppress(TypeError):
            table[spelling] = np.dtype(spelling).type
    return table


_NAMED_TYPES: Final = _named_scalar_types()


def _as_scalar_type(arg: object, name: str) -> type | torch.dtype:
    """``arg`` as NumPy's ``issubdtype`` sees it (a scalar type), or a torch-only dtype."""
    if isinstance(arg, torch.dtype):
        if arg in _TORCH_ONLY_KIND:
            return arg
        twin = numpy_dtype_of(arg)
        assert twin is not None  # every other torch dtype is in the table
        return twin.type
    if isinstance(arg, type) and issubclass(arg, np.generic):
        return _ML_TYPES.get(arg, arg)
    if type(arg) is str and arg in _NAMED_TYPES:
        named = _NAMED_TYPES[arg]
        return _ML_TYPES.get(named, named)
    if isinstance(arg, (torch.Tensor, np.ndarray)):
        raise TypeError(
            f"issubdtype: {name} is an array ({type(arg).__name__}), not a dtype; pass its "
            f"dtype ({name}.dtype)"
        )
    try:
        found_type: type = np.dtype(arg).type  # type: ignore[call-overload]
    except TypeError:
        pass
    else:
        return _ML_TYPES.get(found_type, found_type)
    found = torch_dtype(arg, caller="issubdtype")  # type: ignore[arg-type]  # the named torch-only dtypes, or raises
    return _as_scalar_type(found, name)


def _issubdtype(arg1: object, arg2: object) -> bool:
    a = _as_scalar_type(arg1, "arg1")
    b = _as_scalar_type(arg2, "arg2")
    if isinstance(b, torch.dtype):
        return a is b
    if isinstance(a, torch.dtype):
        return issubclass(_TORCH_ONLY_KIND[a], b)
    return issubclass(a, b)


def issubdtype(arg1: object, arg2: object) -> bool:
    """Whether dtype ``arg1`` is ``arg2`` or below it in NumPy's type hierarchy.

    Both arguments take any dtype spelling: torch dtypes (``x.dtype``), NumPy dtypes and scalar
    types, strings, Python types, and the abstract types (``tb.floating``, ``tb.integer``,
    ``tb.number``, ... which are NumPy's own classes). The answer is NumPy's for the twin
    arguments: ``issubdtype(tb.float32, tb.floating)`` is True, ``issubdtype(tb.float32,
    float)`` is False (``float`` means float64, as in NumPy). bfloat16 and the float8 types
    are ``floating`` and complex32 ``complexfloating``.

    Parameters
    ----------
    arg1, arg2
        Dtypes or abstract types.

    Returns
    -------
    bool

    Raises
    ------
    TypeError
        When an argument is an array (pass its ``.dtype``) or not a dtype at all.

    Notes
    -----
    Memory and autograd: no data is involved.

    Examples
    --------
    >>> import tbridge as tb
    >>> x = tb.ones(3, dtype=tb.float32)
    >>> tb.issubdtype(x.dtype, tb.floating), tb.issubdtype(x.dtype, tb.integer)
    (True, False)
    """
    try:
        return _SUBDTYPE_CACHE[arg1, arg2]
    except (KeyError, TypeError):  # not seen yet, or unhashable
        pass
    found = _issubdtype(arg1, arg2)
    with contextlib.suppress(TypeError):  # unhashable arguments: answered, not cached
        _SUBDTYPE_CACHE[arg1, arg2] = found
    return found


# ---- promote_types -------------------------------------------------------------------------


def promote_types(type1: DTypeLike, type2: DTypeLike, /) -> torch.dtype:
    """The smallest dtype both ``type1`` and ``type2`` cast to safely (NumPy's table).

    The same table as ``result_type`` for two dtypes: ``promote_types(tb.int8, tb.uint8)`` is
    int16, ``promote_types("i8", "f4")`` float64. Any dtype spelling is accepted; the result is
    a torch dtype.

    Parameters
    ----------
    type1, type2
        Dtypes, in any spelling.

    Returns
    -------
    torch.dtype

    Raises
    ------
    TypeError
        For values that are not dtypes, and for dtypes that do not promote (a float8 type with
        a complex one, as in torch).

    Notes
    -----
    Memory and autograd: no data is involved.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.promote_types(tb.int8, tb.uint8), tb.promote_types("i8", "f4")
    (torch.int16, torch.float64)
    """
    return promote(
        torch_dtype(type1, caller="promote_types"), torch_dtype(type2, caller="promote_types")
    )


# ---- constants and scalar inspection -------------------------------------------------------

#: The Euler-Mascheroni constant, as a Python float (NumPy's ``euler_gamma``).
euler_gamma: Final[float] = 0.5772156649015329
#: Whether this machine stores numbers little-endian (NumPy's ``little_endian``).
little_endian: Final[bool] = sys.byteorder == "little"

_SCALAR_TYPES: Final = (numbers.Number, np.generic, str, bytes, memoryview)


def isscalar(element: Any) -> bool:
    """Whether ``element`` is a scalar by NumPy's rule: a Python number, string or bytes, or a
    NumPy scalar. Arrays are not scalars, whatever their shape: a 0-d tensor gives False, as
    a 0-d NumPy array does.

    Memory and autograd: reads the type only.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.isscalar(3.0), tb.isscalar("a"), tb.isscalar(tb.asarray(3.0)), tb.isscalar([3.0])
    (True, True, False, False)
    """
    return isinstance(element, _SCALAR_TYPES)


def iterable(y: Any) -> bool:
    """Whether ``iter(y)`` works: True for tensors of at least one dimension, lists, strings,
    ...; False for 0-d tensors and numbers.

    Memory and autograd: nothing is read but the type (``iter`` is called and dropped).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.iterable(tb.zeros(3)), tb.iterable(tb.asarray(1.0)), tb.iterable(2)
    (True, False, False)
    """
    if isinstance(y, torch.Tensor):  # iter() of a 0-d tensor raises TypeError
        return y.ndim > 0
    try:
        iter(y)
    except TypeError:
        return False
    return True


_REAL_OF: Final = {
    torch.complex32: torch.float16,
    torch.complex64: torch.float32,
    torch.complex128: torch.float64,
}
#: complex of a precision (bfloat16 has no complex twin: complex64 holds it)
_COMPLEX_OF: Final = {
    torch.float16: torch.complex32,
    torch.bfloat16: torch.complex64,
    torch.float32: torch.complex64,
    torch.float64: torch.complex128,
}


def common_type(*arrays: Any) -> torch.dtype:
    """The inexact dtype that holds every array's values, by NumPy's rule: integer arrays count
    as the default float (float64 unless :func:`default_float` says otherwise), floating and
    complex arrays as their own dtype; the result is the widest precision, complex when any
    array is. With no arrays: float16, as NumPy.

    Returns a torch dtype (NumPy returns a scalar type).

    Memory and autograd: reads dtypes only (array data that is not a tensor is converted).

    Raises
    ------
    TypeError
        For a bool array (NumPy has no inexact type for it), or arguments that are not array
        data.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.common_type(tb.ones(2, dtype=tb.float32), tb.ones(2, dtype=tb.int8))
    torch.float64
    >>> tb.common_type(tb.ones(2, dtype=tb.float32), tb.ones(2, dtype=tb.complex64))
    torch.complex64
    """
    result = torch.float16
    is_complex = False
    for i, a in enumerate(arrays):
        dt = (
            a.dtype
            if isinstance(a, torch.Tensor)
            else as_tensor(a, "common_type", f"arrays[{i}]").dtype
        )
        if dt == torch.bool:
            raise TypeError(
                f"common_type: arrays[{i}] is a bool array, which has no inexact type; pass "
                "numeric arrays (or cast it with astype)"
            )
        if dt.is_complex:
            is_complex = True
            dt = _REAL_OF[dt]
        elif not dt.is_floating_point:
            dt = default_float_dtype()
        result = promote(result, dt)
    return _COMPLEX_OF.get(result, torch.complex128) if is_complex else result


def min_scalar_type(a: Any, /) -> torch.dtype:
    """The smallest dtype that holds ``a``'s value (NumPy's rule): for a scalar or a 0-d array,
    the least unsigned or signed integer, float or complex type that holds it
    (``min_scalar_type(10)`` is uint8, ``-10`` int8, ``3.1`` float16); for an array of at
    least one dimension, its own dtype.

    A 0-d tensor's value is read on the host (``.item()``, a device sync off the CPU), and the
    answer is NumPy's for that value. Returns a torch dtype.

    Memory and autograd: reads one value; no result array.

    Raises
    ------
    TypeError
        For ``a`` that is not array data, or an integer too large for any torch dtype.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.min_scalar_type(10), tb.min_scalar_type(-10), tb.min_scalar_type(3.1)
    (torch.uint8, torch.int8, torch.float16)
    >>> tb.min_scalar_type(tb.zeros(3, dtype=tb.int32))
    torch.int32
    """
    if isinstance(a, (bool, int, float, complex, np.generic)):
        value: object = a
    else:
        t = a if isinstance(a, torch.Tensor) else as_tensor(a, "min_scalar_type", "a")
        if t.ndim:
            return t.dtype
        value = t.item()
    nd = np.min_scalar_type(value)  # type: ignore[arg-type]
    found = torch_dtype_of_numpy(nd)
    if found is None:
        raise TypeError(
            f"min_scalar_type: no torch dtype holds a={a!r} (NumPy answers {nd}); pass a value "
            "within the int64/uint64 range"
        )
    return found
