"""Where dtypes are decided: the NumPy <-> torch table, ``dtype=`` parsing and the defaults.

One table (``_PAIRS``) maps torch dtypes to NumPy dtypes; both lookup directions are derived
from it. The NumPy defaults (float64, int64, complex128) live in a context variable so that
``default_float`` is scoped to the current thread (and asyncio task), never process-global,
and read in a way ``torch.compile`` traces and guards on (see "Defaults" below).
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import importlib.util
from collections.abc import Generator
from typing import Any, Final

import numpy as np
import torch

from tbridge._core.typing import DTypeLike

__all__ = [
    "ALL_COMPLEX_FLOATING",
    "ALL_REAL_FLOATING",
    "COMPLEX",
    "INEXACT",
    "INTEGERS",
    "INT_BOUNDS",
    "KINDS",
    "ML_DTYPES_AVAILABLE",
    "NUMPY_DEFAULTS",
    "REAL_FLOATS",
    "SIGNED_INTEGERS",
    "SIGNED_TWIN",
    "STANDARD_DTYPES",
    "UNSIGNED_INTEGERS",
    "DTypeLike",
    "current_defaults",
    "default_complex_dtype",
    "default_dtypes",
    "default_float",
    "default_float_dtype",
    "int_out_of_bounds",
    "numpy_dtype_of",
    "python_int_dtype",
    "torch_dtype",
    "torch_dtype_of_numpy",
]

#: Everything ``dtype=`` accepts. ``type`` covers Python ``bool/int/float/complex`` and NumPy
#: scalar types such as ``np.float32``.

ML_DTYPES_AVAILABLE: Final = importlib.util.find_spec("ml_dtypes") is not None

# The dtype categories, declared here only; every module reads its sets from this table.
SIGNED_INTEGERS: Final = frozenset({torch.int8, torch.int16, torch.int32, torch.int64})
UNSIGNED_INTEGERS: Final = frozenset({torch.uint8, torch.uint16, torch.uint32, torch.uint64})
INTEGERS: Final = SIGNED_INTEGERS | UNSIGNED_INTEGERS
#: Every floating dtype torch has, the float8 storage formats included.
ALL_REAL_FLOATING: Final = frozenset(
    d for d in vars(torch).values() if isinstance(d, torch.dtype) and d.is_floating_point
)
#: Every complex dtype torch has, complex32 included.
ALL_COMPLEX_FLOATING: Final = frozenset(
    d for d in vars(torch).values() if isinstance(d, torch.dtype) and d.is_complex
)
#: The real floating dtypes torch computes in (the float8 formats are storage types).
REAL_FLOATS: Final = frozenset({torch.float16, torch.bfloat16, torch.float32, torch.float64})
#: The complex dtypes with torch's full set of kernels (complex32 has few).
COMPLEX: Final = frozenset({torch.complex64, torch.complex128})
#: The floating dtypes, real and complex, with torch's full set of kernels.
INEXACT: Final = REAL_FLOATS | COMPLEX
#: The standard's kinds (``isdtype``), extended as the standard allows with every floating
#: dtype torch has (float16, bfloat16, the float8 family; complex32).
KINDS: Final[dict[str, frozenset[torch.dtype]]] = {
    "bool": frozenset({torch.bool}),
    "signed integer": SIGNED_INTEGERS,
    "unsigned integer": UNSIGNED_INTEGERS,
    "integral": INTEGERS,
    "real floating": ALL_REAL_FLOATING,
    "complex floating": ALL_COMPLEX_FLOATING,
    "numeric": INTEGERS | ALL_REAL_FLOATING | ALL_COMPLEX_FLOATING,
}
#: The standard's own dtypes: what ``__array_namespace_info__().dtypes()`` lists, as NumPy's
#: info object lists them (float16 is a real floating dtype to ``isdtype`` but not listed).
STANDARD_DTYPES: Final = (
    torch.bool,
    torch.int8, torch.int16, torch.int32, torch.int64,
    torch.uint8, torch.uint16, torch.uint32, torch.uint64,
    torch.float32, torch.float64, torch.complex64, torch.complex128,
)  # fmt: skip
#: Each unsigned dtype torch holds but lacks kernels for (pytorch#58734), with the signed dtype
#: of its size: a view as the twin is exact for equality, non-zero tests and data movement.
SIGNED_TWIN: Final = {
    torch.uint16: torch.int16,
    torch.uint32: torch.int32,
    torch.uint64: torch.int64,
}
#: Each integer dtype's range (bool is not in it).
INT_BOUNDS: Final[dict[torch.dtype, tuple[int, int]]] = {
    dt: (int(torch.iinfo(dt).min), int(torch.iinfo(dt).max))
    for dt in STANDARD_DTYPES
    if dt in INTEGERS
}


def int_out_of_bounds(
    value: object, dt: torch.dtype, fix: str, caller: str = ""
) -> OverflowError | None:
    """NumPy 2's OverflowError for a Python int that ``dt``, an integer dtype, cannot hold
    (torch would wrap a negative one into an unsigned dtype), or None. ``fix`` ends the
    message (what the caller can do); ``caller``, the function, starts it."""
    if type(value) is not int or (bounds := INT_BOUNDS.get(dt)) is None:
        return None
    if bounds[0] <= value <= bounds[1]:
        return None
    return OverflowError(
        f"{caller + ': ' if caller else ''}Python integer {value!r} is out of bounds for {dt} "
        f"(its range is [{bounds[0]}, {bounds[1]}]); {fix}"
    )


def python_int_dtype(value: int, caller: str) -> torch.dtype:
    """The dtype NumPy gives a Python int standing alone: int64, or uint64 from 2**63 to
    2**64 - 1. Beyond both NumPy makes an object array, which torch has no counterpart of:
    OverflowError, naming ``caller``."""
    if -(1 << 63) <= value < 1 << 63:
        return torch.int64
    if 0 <= value < 1 << 64:
        return torch.uint64
    raise OverflowError(
        f"{caller}: Python integer {value!r} is out of bounds for every integer dtype (int64 "
        "and uint64; NumPy would make an object array, which torch has no counterpart of); "
        f"pass it as a float (float({value!r})) or as smaller numbers"
    )


# The one table. Each torch dtype with its NumPy twin. The 16-bit and 8-bit machine-learning
# floats have NumPy twins only through the optional ml_dtypes package.
_PAIRS: list[tuple[torch.dtype, np.dtype[Any]]] = [
    (torch.bool, np.dtype(np.bool_)),
    (torch.int8, np.dtype(np.int8)),
    (torch.int16, np.dtype(np.int16)),
    (torch.int32, np.dtype(np.int32)),
    (torch.int64, np.dtype(np.int64)),
    (torch.uint8, np.dtype(np.uint8)),
    (torch.uint16, np.dtype(np.uint16)),
    (torch.uint32, np.dtype(np.uint32)),
    (torch.uint64, np.dtype(np.uint64)),
    (torch.float16, np.dtype(np.float16)),
    (torch.float32, np.dtype(np.float32)),
    (torch.float64, np.dtype(np.float64)),
    (torch.complex64, np.dtype(np.complex64)),
    (torch.complex128, np.dtype(np.complex128)),
]

#: torch dtypes whose NumPy twin comes from ml_dtypes, by ml_dtypes attribute name.
ML_DTYPE_NAMES: Final[dict[torch.dtype, str]] = {
    torch.bfloat16: "bfloat16",
    torch.float8_e4m3fn: "float8_e4m3fn",
    torch.float8_e4m3fnuz: "float8_e4m3fnuz",
    torch.float8_e5m2: "float8_e5m2",
    torch.float8_e5m2fnuz: "float8_e5m2fnuz",
    torch.float8_e8m0fnu: "float8_e8m0fnu",
}

if ML_DTYPES_AVAILABLE:  # pragma: no branch - depends on the optional extra
    import ml_dtypes

    _PAIRS.extend((t, np.dtype(getattr(ml_dtypes, name))) for t, name in ML_DTYPE_NAMES.items())

_TORCH_TO_NUMPY: Final[dict[torch.dtype, np.dtype[Any]]] = dict(_PAIRS)
_NUMPY_TO_TORCH: Final[dict[np.dtype[Any], torch.dtype]] = {n: t for t, n in _PAIRS}

# Accepted spellings that are not dtype objects, resolved once and cached in _CACHE.
_PYTHON_TYPES: Final[dict[type, torch.dtype]] = {
    bool: torch.bool,
    int: torch.int64,
    float: torch.float64,
    complex: torch.complex128,
}
_CACHE: dict[Any, torch.dtype] = {t: t for t in _TORCH_TO_NUMPY}
_CACHE.update({t: t for t in ML_DTYPE_NAMES})
_CACHE.update(_PYTHON_TYPES)

_ACCEPTED = (
    "a torch dtype (tb.float32), a NumPy dtype or scalar type (np.float32, np.dtype('f4')), "
    "a NumPy dtype string ('float32', 'f4'), or one of bool, int, float, complex"
)


#: NumPy dtype kinds with no torch twin at all: object, strings, void (structured), datetimes.
_NON_NUMERIC_KINDS: Final = "OUSVMm"


def _lead(caller: str | None) -> str:
    """``"zeros: "`` for a caller's name, nothing without one (the start of an error message)."""
    return "" if caller is None else f"{caller}: "


def _unsupported_numpy(nd: np.dtype[Any], value: object, caller: str | None = None) -> TypeError:
    if nd.name == "bfloat16" or nd.name.startswith("float8"):
        hint = "install the ml-dtypes extra (pip install tbridge[ml-dtypes]) to use it"
    elif nd.kind in _NON_NUMERIC_KINDS:
        hint = (
            "torch has no such dtype (string, structured, datetime and object data stay in "
            "NumPy); compute on such data with NumPy itself (tb.to_numpy hands tensors to "
            "NumPy), or convert it to a numeric dtype first"
        )
    else:
        hint = "torch has no such dtype; convert the data to float64 or complex128 first"
    described = str(nd) if nd.names else nd.name  # a structured dtype: show its fields
    return TypeError(
        f"{_lead(caller)}dtype={value!r}: NumPy dtype {nd.str!r} ({described}) has no torch "
        f"twin; {hint}"
    )


#: The dtype names a misspelling is compared with.
_DTYPE_NAMES: Final = (
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "bfloat16", "float32", "float64", "complex64", "complex128",
)  # fmt: skip


def _closest(value: object) -> str:
    """``; did you mean 'float32'?`` for a misspelled dtype string, or nothing."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, _DTYPE_NAMES, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _resolve(value: object, caller: str | None = None) -> torch.dtype:
    """Slow path of :func:`torch_dtype`: parse, validate and cache one spelling (errors name
    ``caller`` when given)."""
    if isinstance(value, str) and value in {"bfloat16", *ML_DTYPE_NAMES.values()}:
        # Named torch dtypes that NumPy cannot parse without ml_dtypes.
        result: torch.dtype = getattr(torch, value)
    else:
        if not (
            isinstance(value, (str, np.dtype))
            or (isinstance(value, type) and issubclass(value, np.generic))
            or value in (object, str, bytes)  # NumPy's spellings of object and string dtypes
        ):
            raise TypeError(f"{_lead(caller)}dtype={value!r} is not a dtype; pass {_ACCEPTED}")
        try:
            nd: np.dtype[Any] = np.dtype(value)
        except TypeError as e:
            raise TypeError(
                f"{_lead(caller)}dtype={value!r} is not a dtype{_closest(value)}; pass {_ACCEPTED}"
            ) from e
        native = nd.newbyteorder("=") if nd.byteorder not in "=|" else nd
        found = _NUMPY_TO_TORCH.get(native)
        if found is None:
            raise _unsupported_numpy(nd, value, caller)
        result = found
    _CACHE[value] = result
    return result


#: NumPy's other names for the table's dtypes, where this NumPy knows them (C type names and
#: Python's ``float``/``int``/``complex``/``bool`` among them).
_ALIASES: Final = (
    "bool", "int", "float", "complex", "byte", "ubyte", "short", "ushort", "intc", "uintc",
    "int_", "uint", "longlong", "ulonglong", "intp", "uintp", "half", "single", "double",
    "csingle", "cdouble", "bool_",
)  # fmt: skip


def _numpy_spellings() -> list[object]:
    """Every common NumPy spelling of the table's dtypes: dtype objects, scalar types, names,
    type codes with and without byte order, and C aliases."""
    found: list[object] = []
    for t, nd in _PAIRS:
        if t in ML_DTYPE_NAMES:
            # ml_dtypes' scalar types and names: NumPy parses none of their codes, and two of
            # their dtype objects hash alike in a way torch.compile cannot compare (a dict
            # holding both cannot be read under torch.compile), so those are left to be
            # cached when first used.
            found += [nd.type, ML_DTYPE_NAMES[t]]
            continue
        code = nd.str[1:]  # e.g. "f8"
        orders = "|" if nd.itemsize == 1 else "<>="
        found += [nd, nd.type, nd.name, nd.char, code, *(o + code for o in orders)]
    found += [name for name in _ALIASES if name in np.sctypeDict]
    return found


# Parse them all now, once: after import, a dtype= spelling in this list is a dictionary hit
# and never runs NumPy (which torch.compile would otherwise have to trace).
for _spelling in _numpy_spellings():
    _resolve(_spelling)


def torch_dtype(value: DTypeLike, *, caller: str | None = None) -> torch.dtype:
    """Turn any accepted ``dtype=`` spelling into a torch dtype (cached; O(1) when seen before).

    ``caller`` names the public function for the error message (``"zeros: dtype='flaot32' is
    not a dtype ..."``); it costs nothing when the value is a dtype.

    Raises
    ------
    TypeError
        For values that are not dtypes, and for NumPy dtypes torch cannot hold.
    """
    try:
        return _CACHE[value]
    except KeyError:
        return _resolve(value, caller)
    except TypeError as e:  # unhashable value, e.g. a list
        given: object = value  # what a caller without a type checker passed
        if isinstance(given, list) and given and all(isinstance(f, tuple) for f in given):
            try:  # NumPy's spelling of a structured dtype: [("a", "f4"), ...]
                structured = np.dtype(given)
            except (TypeError, ValueError):
                pass
            else:
                raise _unsupported_numpy(structured, value, caller) from e
        raise TypeError(f"{_lead(caller)}dtype={value!r} is not a dtype; pass {_ACCEPTED}") from e


def numpy_dtype_of(dtype: torch.dtype) -> np.dtype[Any] | None:
    """The NumPy twin of a torch dtype, or None when NumPy has none (or ml_dtypes is missing)."""
    return _TORCH_TO_NUMPY.get(dtype)


def torch_dtype_of_numpy(dtype: np.dtype[Any]) -> torch.dtype | None:
    """The torch twin of a native-byte-order NumPy dtype, or None."""
    return _NUMPY_TO_TORCH.get(dtype)


# ---------------------------------------------------------------------------------------------
# Defaults
#
# The truth is a context variable (scoped to the thread and the asyncio task) holding one of
# three canonical ``_Defaults`` pairs. Code reads it as ``NUMPY_DEFAULTS.current``, a class
# attribute of the pairs' type. Until the first ``default_float`` scope of the process opens,
# no context holds anything but NumPy's defaults, and ``current`` is NUMPY_DEFAULTS itself (a
# plain attribute read). The first scope replaces it, for good, with a property whose getter
# is the context variable's own C-level ``get`` (with NUMPY_DEFAULTS as the fallback).
#
# That spelling matters under ``torch.compile``: dynamo cannot trace ``ContextVar.get``
# called directly, but it reads a class attribute, or a property with a C getter, as an
# attribute and guards on it. The guard re-reads it before every run of the compiled code, in
# the caller's own thread and task, so a compiled function called inside and outside
# ``default_float`` gets one graph per default instead of a stale one (and the switch from
# the plain attribute to the property is a change of the type's dict, which dynamo guards on
# too). The pairs are canonical (one object per real dtype) because dynamo also guards on
# identity when ``current`` is NUMPY_DEFAULTS itself.


class _Defaults(tuple[torch.dtype, torch.dtype]):
    """A (real floating, complex floating) pair of default dtypes.

    ``NUMPY_DEFAULTS.current`` is the pair in force in this thread and task (NUMPY_DEFAULTS
    itself unless ``default_float`` says otherwise).
    """

    __slots__ = ()
    # Set below: NUMPY_DEFAULTS, then property(_SCOPE.get) from the first scope on.
    current: tuple[torch.dtype, torch.dtype]


#: NumPy's defaults: float64 and complex128.
NUMPY_DEFAULTS: Final = _Defaults((torch.float64, torch.complex128))

#: The canonical pair for each real floating default ``default_float`` accepts.
_PAIR_OF: Final[dict[torch.dtype, _Defaults]] = {
    torch.float64: NUMPY_DEFAULTS,
    torch.float32: _Defaults((torch.float32, torch.complex64)),
    torch.float16: _Defaults((torch.float16, torch.complex32)),
}

_SCOPE: contextvars.ContextVar[_Defaults] = contextvars.ContextVar(
    "tbridge_default_float", default=NUMPY_DEFAULTS
)
#: A data descriptor with a C getter: ``NUMPY_DEFAULTS.current`` runs
#: ``_SCOPE.get(NUMPY_DEFAULTS)``.
_READ_SCOPE: Final = property(_SCOPE.get)
type.__setattr__(_Defaults, "current", NUMPY_DEFAULTS)  # no scope has opened yet


def current_defaults() -> tuple[torch.dtype, torch.dtype]:
    """The (real floating, complex floating) pair of defaults in force here.

    Hot paths may read ``NUMPY_DEFAULTS.current`` directly (one call less); both trace under
    ``torch.compile`` and guard on the scope.
    """
    return NUMPY_DEFAULTS.current


def default_float_dtype() -> torch.dtype:
    """The real floating default in force here (float64 unless ``default_float`` says otherwise)."""
    return NUMPY_DEFAULTS.current[0]


def default_complex_dtype() -> torch.dtype:
    """The complex floating default in force here (follows the real one)."""
    return NUMPY_DEFAULTS.current[1]


@contextlib.contextmanager
def default_float(dtype: DTypeLike) -> Generator[torch.dtype, None, None]:
    """Scope a different default floating dtype, for this thread (and asyncio task) only.

    ``with tb.default_float(tb.float32): ...`` makes creation functions that infer a floating
    dtype produce float32, and complex ones complex64. Other threads keep NumPy's float64.
    Nothing in torch's global state (``torch.set_default_dtype``) is touched. A function
    compiled with ``torch.compile`` follows the scope it is called in (it is recompiled once
    per default, never run with a stale one).

    Raises
    ------
    ValueError
        When ``dtype`` is not float16, float32 or float64.
    """
    resolved = torch_dtype(dtype, caller="default_float")
    pair = _PAIR_OF.get(resolved)
    if pair is None:
        raise ValueError(
            f"default_float({dtype!r}): the default must be a real floating dtype; "
            "pass tb.float64, tb.float32 or tb.float16"
        )
    if _Defaults.__dict__["current"] is not _READ_SCOPE:  # the process's first scope
        type.__setattr__(_Defaults, "current", _READ_SCOPE)
    token = _SCOPE.set(pair)
    try:
        yield resolved
    finally:
        _SCOPE.reset(token)


def default_dtypes() -> dict[str, torch.dtype]:
    """The default dtypes in force, keyed as the Array API's ``default_dtypes()`` keys them."""
    real, cplx = NUMPY_DEFAULTS.current
    return {
        "real floating": real,
        "complex floating": cplx,
        "integral": torch.int64,
        "indexing": torch.int64,
    }
