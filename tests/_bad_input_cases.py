"""Bad inputs for every public function, and what each call must raise (or may return).

tests/test_bad_inputs.py runs every call built here. Each bad call starts from a valid call
(``tests/_sweep_cases.py`` ``CASES``, or ``VALID`` below for names without a direct call there)
and breaks one thing, by a rule that reads the function's signature:

| category | applies to | the bad input |
|---|---|---|
| ``type-None``, ``type-str``, ``type-object``, ``type-dict`` | every function with a parameter | the first array argument (else the first positional one) becomes ``None``, ``"abc"``, ``object()``, ``{}`` |
| ``shape-mismatch`` | calls with two array arguments | the first becomes shape ``(3,)``, the second ``(4,)`` |
| ``rank-0d`` | calls with an array argument | the first array becomes 0-d |
| ``axis-high``, ``axis-low`` | functions with an ``axis`` parameter | ``axis=ndim+40``, ``axis=-(ndim+41)`` |
| ``dtype-typo``, ``dtype-object`` | functions with a ``dtype`` parameter | ``dtype="flaot32"``, ``dtype=object`` |
| ``device-gpu``, ``device-cuda`` | functions with a ``device`` parameter | ``device="gpu"``; ``device="cuda:0"`` (only where torch sees no GPU) |
| ``nan-<param>``, ``inf-<param>`` | float arguments of calls with no array argument (creation, sampling) | NaN, then inf |
| ``empty`` | one-array functions with an ``axis`` parameter (reductions, scans, sorts, FFTs) | the array with its reduced axis (all axes when none is given) of length 0 |
| ``huge-size``, ``huge-memory`` | functions that allocate by a size argument (``HUGE``) | a result of 2**62 float64 elements (its bytes overflow int64: ValueError), then 2**58 (2 EiB, never allocatable: MemoryError) |
| ``EXTRA`` entries | listed functions | inputs no generic rule makes (integer division by zero, singular matrices, ...) |

What a call must do (``expectation``), by one rule: **NumPy is the oracle** wherever the
function has a NumPy twin (the same name in ``numpy``, ``numpy.linalg``, ``numpy.fft`` or on a
``numpy.random.RandomState``) that accepts the valid call:

* NumPy raises: tbridge must raise, an instance of every built-in class NumPy's exception is
  (``AxisError`` is a ``ValueError`` and an ``IndexError``, ``LinAlgError`` a ``ValueError``);
  for a wrong-type argument (``type-*``, ``dtype-*``) a ``TypeError`` is accepted as well.
* NumPy returns a result it gave a meaning to: tbridge may succeed too
  (``issubdtype(None, float)``, ``seed(None)``, ``mean`` of an empty array). For ``empty`` and
  ``int-zero-divisor`` it must: NumPy's values, and a RuntimeWarning when NumPy warns.
* NumPy "succeeds" without a meaning (its result holds an object or string array, or is no
  array where the valid call's result is one, as ``sum(None)`` is ``None``; or a wrong-type
  value took the place of array data, which NumPy reads as an object array, as
  ``save(f, None)`` pickles one), or warns that it will stop accepting the input
  (DeprecationWarning): the category's own rule applies. Functions documented to take any
  object (``TAKES_ANY_OBJECT``: ``iscomplexobj``) keep NumPy's answer as the verdict.
* NumPy's error is an accident of its implementation (Python's own "tuple index out of range"
  from deep inside NumPy, ``NUMPY_ACCIDENTS``; a MemoryError from an allocation NumPy makes
  before the result's, ``NUMPY_ALLOCATES_FIRST``): the category's types are accepted as well.

Without a twin, or for ``device-*`` (NumPy has only the CPU), the category's rule (``RULES``)
says whether the call must raise and which types it may raise.

Whatever is raised: a built-in exception type (or a tbridge/NumPy subclass of one), never a
``RuntimeError`` (``NotImplementedError`` included), ``AssertionError`` or a torch class; the
message names the function and the argument (its parameter name, or the bad value); an error
raised while torch's error was being handled is chained to it (``raise ... from e``); a
broadcast failure names both shapes, a CUDA device on this build points to ``python -m
tbridge``.

``KNOWN_GAPS`` lists the calls that fail these checks today, with what they raise. The test
runs them as strict xfails: a fix makes the run fail until its entry is removed. Regenerate
the table with ``PYTHONPATH=. python -m tests._bad_input_cases`` (prints the current failures).
"""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import io
import math
import multiprocessing
import re
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import torch

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of
from tests import _sweep_cases as S

Exc = type[BaseException]

# ---- the rules by category ------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Rule:
    """What a category asks when NumPy gives no verdict.

    ``must_raise``: the call is invalid for any NumPy user. ``accept``: alternatives, each a
    tuple of types the exception must all be instances of. ``like_numpy``: where NumPy returns
    a result, tbridge must return the same (and warn when NumPy warns), not raise.
    """

    must_raise: bool
    accept: tuple[tuple[Exc, ...], ...]
    like_numpy: bool = False
    why: str = ""


_VALUE = ((ValueError,),)
RULES: dict[str, Rule] = {
    "type": Rule(True, ((TypeError,),), why="not array data, not a dtype, not a number"),
    "shape-mismatch": Rule(
        False, _VALUE, why="may succeed where shapes need not match (take, searchsorted, ...)"
    ),
    "rank-0d": Rule(
        False, ((ValueError,), (TypeError,)), why="element-wise functions accept 0-d arrays"
    ),
    "axis": Rule(True, _VALUE, why="an axis outside the array is never valid"),
    "dtype": Rule(True, ((TypeError,),), why="NumPy's answer to a dtype it cannot read"),
    "device": Rule(True, _VALUE, why="no such device in this process"),
    "bound": Rule(
        False, ((ValueError,), (OverflowError,)), why="NaN/inf fill values and locations are data"
    ),
    "empty": Rule(False, _VALUE, like_numpy=True, why="sums, sorts, scans of nothing are defined"),
    "int-zero-divisor": Rule(
        False, (), like_numpy=True, why="NumPy: 0 (or inf) with a RuntimeWarning"
    ),
    "domain": Rule(True, _VALUE, why="outside the function's domain"),
    "index": Rule(True, ((IndexError,),), why="NumPy raises IndexError for these"),
    "huge": Rule(
        True, ((ValueError,), (MemoryError,)), why="no array of that size exists, or fits in memory"
    ),
}

WRONG_TYPES: dict[str, tuple[object, tuple[str, ...]]] = {
    # category: (value, words naming the value in a message)
    "type-None": (None, ("None", "NoneType")),
    "type-str": ("abc", ("abc", "str")),
    "type-object": (object(), ("object",)),
    "type-dict": ({}, ("dict", "{}")),
}
BAD_DTYPES: dict[str, tuple[object, tuple[str, ...]]] = {
    "dtype-typo": ("flaot32", ("flaot32",)),
    "dtype-object": (object, ("object",)),
}
BAD_DEVICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "device-gpu": ("gpu", ("'gpu'", "gpu")),
    "device-cuda": ("cuda:0", ("cuda:0", "cuda")),
}
#: Words that name an empty or 0-d argument, besides the parameter's name.
EMPTY_WORDS = ("empty", "zero-size", "size 0", "size-0", "0 elements", "no elements")
RANK0_WORDS = ("0-d", "0-dimensional", "dimension", "dimensions", "ndim", "scalar", "()")
PYTHON_M = "python -m tbridge"

#: Classes (constructors: ``no_grad``, ``errstate``, ``random.Generator``, the dtype classes,
#: ``ndarray``, ``device``) are not driven: their bad inputs are their class's tests.
#: Functions without parameters take no input that could be bad.


def skip_reason(obj: Callable[..., Any]) -> str | None:
    """Why a public callable is not driven, or None when it is."""
    if inspect.isclass(obj):
        return "class"
    try:
        params = inspect.signature(obj).parameters
    except (TypeError, ValueError):
        return "no signature"
    if not params:
        return "no parameters"
    return None


# ---- valid calls for names without a direct one in _sweep_cases.CASES ------------------------

Call = S.Call
call = S.call
Valid = Callable[[S.Inputs, Path], "Call | list[Call]"]


def _u8(d: S.Inputs) -> torch.Tensor:
    return torch.tensor([[1, 2, 3], [250, 0, 7]], dtype=torch.uint8, device=d.dev)


def _npy(d: S.Inputs) -> io.BytesIO:
    buf = io.BytesIO()
    np.save(buf, np.arange(6.0))
    buf.seek(0)
    return buf


def _raw_file(tmp: Path) -> str:
    path = tmp / "raw.bin"
    np.arange(6.0).tofile(path)
    return str(path)


def _loss(v: torch.Tensor) -> torch.Tensor:
    return tb.sum(tb.square(v))


_DIST = {
    # random.<name>: positional parameters of a valid draw (size comes last)
    "beta": (2.0, 3.0),
    "binomial": (10, 0.5),
    "chisquare": (2.0,),
    "exponential": (1.0,),
    "f": (2.0, 3.0),
    "gamma": (2.0, 1.0),
    "geometric": (0.5,),
    "gumbel": (0.0, 1.0),
    "hypergeometric": (5, 5, 3),
    "laplace": (0.0, 1.0),
    "logistic": (0.0, 1.0),
    "lognormal": (0.0, 1.0),
    "logseries": (0.5,),
    "negative_binomial": (5, 0.5),
    "noncentral_chisquare": (2.0, 1.0),
    "noncentral_f": (2.0, 3.0, 1.0),
    "normal": (0.0, 1.0),
    "pareto": (2.0,),
    "poisson": (2.0,),
    "power": (2.0,),
    "rayleigh": (1.0,),
    "standard_gamma": (2.0,),
    "standard_t": (3.0,),
    "triangular": (0.0, 0.5, 1.0),
    "uniform": (0.0, 1.0),
    "vonmises": (0.0, 1.0),
    "wald": (1.0, 1.0),
    "weibull": (2.0,),
    "zipf": (2.0,),
}

VALID: dict[str, Valid] = {
    # names whose CASES entries wrap the call (or that CASES lacks): one direct call each
    "empty": lambda d, t: call((3, 4)),
    # predicates of any object: the valid call passes no array, so a wrong type is no error
    "isscalar": lambda d, t: call(2.5),
    "iterable": lambda d, t: call([1, 2]),
    # in-place writers: each call writes into its own copy of the shared example input
    "fill_diagonal": lambda d, t: call(d.a.clone(), 5.0),
    "copyto": lambda d, t: call(d.x.clone(), d.y),
    "place": lambda d, t: call(d.x.clone(), d.bx, d.y.reshape(-1)),
    "put": lambda d, t: call(d.x.clone(), d.idx, d.u[:2]),
    "put_along_axis": lambda d, t: call(d.x.clone(), d.ix, d.y, axis=1),
    "putmask": lambda d, t: call(d.x.clone(), d.bx, d.y),
    "frombuffer": lambda d, t: call(b"\x01\x02\x03\x04", dtype=tb.uint8),
    "empty_like": lambda d, t: call(d.x),
    "array": lambda d, t: call(d.x),
    "from_numpy": lambda d, t: call(np.ones(3)),
    "writable_numpy": lambda d, t: call(d.x.clone()),
    "grad": lambda d, t: call(_loss),
    "value_and_grad": lambda d, t: call(_loss),
    "default_float": lambda d, t: call(tb.float32),
    "issubdtype": lambda d, t: call(tb.float32, tb.float64),
    "promote_types": lambda d, t: call(tb.float32, tb.int64),
    "packbits": lambda d, t: call(d.bx),
    "unpackbits": lambda d, t: call(_u8(d)),
    "printoptions": lambda d, t: call(3),
    "set_printoptions": lambda d, t: call(4),
    "seterr": lambda d, t: call("ignore"),
    "save": lambda d, t: call(io.BytesIO(), d.x),
    "savetxt": lambda d, t: call(io.BytesIO(), d.x),
    "savez": lambda d, t: call(io.BytesIO(), d.x),
    "savez_compressed": lambda d, t: call(io.BytesIO(), d.x),
    "load": lambda d, t: call(_npy(d)),
    "loadtxt": lambda d, t: call(io.StringIO("1 2\n3 4\n")),
    "genfromtxt": lambda d, t: call(io.StringIO("1 2\n3 4\n")),
    "fromfile": lambda d, t: call(_raw_file(t)),
    "random.default_rng": lambda d, t: call(0),
    **{f"random.{n}": (lambda d, t, p=p: call(*p, 3)) for n, p in _DIST.items()},
    "random.bytes": lambda d, t: call(4),
    "random.choice": lambda d, t: call(d.u, 2),
    "random.dirichlet": lambda d, t: call(torch.tensor([1.0, 2.0], dtype=torch.float64), 3),
    "random.multinomial": lambda d, t: call(
        10, torch.tensor([0.2, 0.3, 0.5], dtype=torch.float64), 3
    ),
    "random.multivariate_normal": lambda d, t: call(
        torch.zeros(2, dtype=torch.float64), torch.eye(2, dtype=torch.float64), 3
    ),
    "random.get_state": lambda d, t: call(True),
    "random.set_state": lambda d, t: call(tb.random.get_state()),
    "random.seed": lambda d, t: call(0),
    "random.permutation": lambda d, t: call(d.u),
    "random.shuffle": lambda d, t: call(d.u.clone()),
    "random.rand": lambda d, t: call(3, 4),
    "random.randn": lambda d, t: call(3, 4),
    "random.randint": lambda d, t: call(0, 5, 3),
    "random.random_integers": lambda d, t: call(1, 5, 3),
    "random.random": lambda d, t: call(3),
    "random.random_sample": lambda d, t: call(3),
    "random.ranf": lambda d, t: call(3),
    "random.sample": lambda d, t: call(3),
    "random.standard_cauchy": lambda d, t: call(3),
    "random.standard_exponential": lambda d, t: call(3),
    "random.standard_normal": lambda d, t: call(3),
    "normal": lambda d, t: call(0.0, 1.0, 3),
    "uniform": lambda d, t: call(0.0, 1.0, 3),
}


def valid_calls(name: str, d: S.Inputs, tmp: Path) -> list[Call]:
    """The direct valid calls of a public name (``fn`` is the public function itself)."""
    fn = S.PUBLIC[name]
    if name in VALID:
        made = VALID[name](d, tmp)
        listed = made if isinstance(made, list) else [made]
        return [dataclasses.replace(c, fn=fn) for c in listed]
    # an alias (tb.absolute is tb.abs) shares its function's CASES entry under another name
    for key in (name, *(k for k, f in S.PUBLIC.items() if f is fn and k != name)):
        if key in S.CASES:
            return [c for c in S.calls(key, d) if c.fn is fn]
    return []


# ---- function-specific bad calls ------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Extra:
    """A bad call no generic rule makes: ``make(d)`` gives (args, kwargs)."""

    category: str
    family: str
    make: Callable[[S.Inputs], tuple[tuple[Any, ...], dict[str, Any]]]
    words: tuple[str, ...]  # any one names the argument
    required: tuple[str, ...] = ()  # all must appear in the message


def _izero(d: S.Inputs) -> torch.Tensor:
    return torch.zeros_like(d.yi)


_SHAPES34 = ("(3,)", "(4,)")

EXTRA: dict[str, list[Extra]] = {
    **{
        n: [Extra("int-zero-divisor", "int-zero-divisor", lambda d: ((d.xi, _izero(d)), {}), ())]
        for n in ("floor_divide", "remainder", "divide")
    },
    "broadcast_shapes": [
        Extra("shape-mismatch", "shape-mismatch", lambda d: (((3,), (4,)), {}), _SHAPES34)
    ],
    "broadcast_to": [
        Extra("shape-mismatch", "shape-mismatch", lambda d: ((d.u, (4,)), {}), _SHAPES34)
    ],
    "reshape": [
        Extra("shape-mismatch", "shape-mismatch", lambda d: ((d.x, (5,)), {}), ("(5,)", "12"))
    ],
    "stack": [Extra("shape-mismatch", "shape-mismatch", lambda d: (((d.u, d.w),), {}), _SHAPES34)],
    "concat": [
        Extra(
            "shape-mismatch",
            "shape-mismatch",
            lambda d: (((d.x, d.p3),), {}),
            ("(3, 4)", "(4, 3)", "index 1", "arrays[1]"),
        )
    ],
    "take": [Extra("index", "index", lambda d: ((d.u, torch.tensor([7])), {}), ("7",))],
    "zeros": [Extra("negative-size", "domain", lambda d: ((-1,), {}), ("-1",))],
    "eye": [Extra("negative-size", "domain", lambda d: ((-1,), {}), ("-1",))],
    "linspace": [Extra("negative-num", "domain", lambda d: ((0.0, 1.0, -1), {}), ("num", "-1"))],
    "arange": [Extra("zero-step", "domain", lambda d: ((0, 10, 0), {}), ("step", "0"))],
    "repeat": [Extra("negative-repeats", "domain", lambda d: ((d.x, -1), {}), ("repeats", "-1"))],
    "linalg.inv": [
        Extra("singular", "domain", lambda d: ((torch.zeros_like(d.a),), {}), ("singular",))
    ],
    "linalg.solve": [
        Extra(
            "singular",
            "domain",
            lambda d: ((torch.zeros_like(d.a), d.bm), {}),
            ("singular",),
        )
    ],
    "linalg.cholesky": [
        Extra(
            "not-positive-definite",
            "domain",
            lambda d: ((-d.spd,), {}),
            ("positive", "definite"),
        )
    ],
    "random.normal": [
        Extra("negative-scale", "domain", lambda d: ((0.0, -1.0, 3), {}), ("scale", "-1"))
    ],
    "random.randint": [Extra("empty-range", "domain", lambda d: ((5, 1, 3), {}), ("low", "high"))],
    "random.binomial": [Extra("p-above-1", "domain", lambda d: ((10, 1.5, 3), {}), ("p", "1.5"))],
}


# ---- sizes too big to exist, or to allocate ---------------------------------------------------

#: The element counts of the ``huge-*`` calls. ``huge-size``: 2**62 float64 elements, whose
#: bytes overflow int64 (NumPy's ValueError, before anything is allocated). ``huge-memory``:
#: 2**58 of them, 2 EiB, beyond every address space (x86-64 user space ends at 2**47 bytes, at
#: 2**56 with 5-level paging): the allocator refuses at once whatever the kernel's overcommit
#: policy (NumPy's MemoryError), so that no call here allocates anything.
HUGE_SIZES = {"huge-size": 2**62, "huge-memory": 2**58}
SizeCall = Callable[[S.Inputs, int], tuple[tuple[Any, ...], dict[str, Any]]]


def _by_size(*before: Any) -> SizeCall:
    """The call ``fn(*before, n)``: the size as the last positional argument."""
    return lambda d, n: ((*before, n), {})


def _shaped(fill: tuple[Any, ...] = ()) -> SizeCall:
    """A ``*_like`` call of ``d.u`` with ``shape=n``."""
    return lambda d, n: ((d.u, *fill), {"shape": n})


def _square(n: int) -> int:
    """The side of a square of about ``n`` elements."""
    return math.isqrt(n)


def _upper(x: Any) -> Any:
    return tb.triu(x) if isinstance(x, torch.Tensor) else np.triu(x)


#: The samplers whose only argument is ``size``.
_SIZE_ONLY = (
    "random", "random_sample", "ranf", "sample", "standard_cauchy", "standard_exponential",
    "standard_normal",
)  # fmt: skip

#: Every public function that allocates by a size argument: how it takes a result of ``n``
#: elements, and the parameter a message may name. Sizes that NumPy checks in another order
#: are listed in ``NUMPY_ALLOCATES_FIRST``.
HUGE: dict[str, tuple[SizeCall, str]] = {
    **{n: (_by_size(), "shape") for n in ("zeros", "ones", "empty")},
    "full": (lambda d, n: ((n, 1.0), {}), "shape"),
    **{n: (_shaped(), "shape") for n in ("zeros_like", "ones_like", "empty_like")},
    **{n: (_shaped(), "shape") for n in ("rand_like", "randn_like")},
    "full_like": (_shaped((1.0,)), "shape"),
    "eye": (lambda d, n: ((n, 1), {}), "N"),
    "identity": (lambda d, n: ((_square(n),), {}), "n"),
    "tri": (lambda d, n: ((n, 1), {}), "N"),
    "arange": (_by_size(), "stop"),
    **{n: (_by_size(1.0, 2.0), "num") for n in ("linspace", "logspace", "geomspace")},
    "indices": (lambda d, n: (((n,),), {}), "dimensions"),
    "fromfunction": (lambda d, n: ((np.negative, (n,)), {}), "shape"),
    "fromiter": (lambda d, n: ((iter([1.0, 2.0]), np.float64, n), {}), "count"),
    "tril_indices": (lambda d, n: ((n, 0, 1), {}), "n"),
    "triu_indices": (lambda d, n: ((1, 0, n), {}), "m"),
    "diag_indices": (_by_size(), "n"),
    "mask_indices": (lambda d, n: ((_square(n), _upper), {}), "n"),
    "vander": (lambda d, n: ((d.u, n), {}), "N"),
    **{n: (lambda d, n: ((d.u, _square(n)), {}), "k") for n in ("diag", "diagflat")},
    **{
        f"fft.{n}": (lambda d, n: ((d.u,), {"n": n}), "n")
        for n in ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft")
    },
    "bincount": (lambda d, n: ((torch.tensor([0, 1]),), {"minlength": n}), "minlength"),
    **{
        n: (lambda d, n: ((d.u,), {"bins": n}), "bins")
        for n in ("histogram", "histogram_bin_edges")
    },
    "resize": (lambda d, n: ((d.u, n), {}), "new_shape"),
    "tile": (lambda d, n: ((d.u, n), {}), "repetitions"),
    "repeat": (lambda d, n: ((d.u, n), {}), "repeats"),
    "pad": (lambda d, n: ((d.u, n // 2), {}), "pad_width"),
    **{n: (_by_size(), "M") for n in ("bartlett", "blackman", "hamming", "hanning")},
    "kaiser": (lambda d, n: ((n, 2.0), {}), "M"),
    **{n: (_by_size(), "n") for n in ("fft.fftfreq", "fft.rfftfreq")},
    "unpackbits": (lambda d, n: ((d.u8,), {"count": n}), "count"),
    **{n: (_by_size(), "args") for n in ("rand", "randn", "random.rand", "random.randn")},
    **{n: (_by_size(0.0, 1.0), "size") for n in ("normal", "uniform")},
    **{f"random.{n}": (_by_size(*p), "size") for n, p in _DIST.items()},
    **{f"random.{n}": (_by_size(), "size") for n in _SIZE_ONLY},
    "random.randint": (_by_size(0, 5), "size"),
    "random.random_integers": (_by_size(1, 5), "size"),
    "random.choice": (_by_size(3), "size"),
    "random.permutation": (_by_size(), "x"),
    "random.bytes": (_by_size(), "length"),
    "random.dirichlet": (
        lambda d, n: ((torch.tensor([1.0, 2.0], dtype=torch.float64), n), {}),
        "size",
    ),
    "random.multinomial": (
        lambda d, n: ((10, torch.tensor([0.2, 0.8], dtype=torch.float64), n), {}),
        "size",
    ),
    "random.multivariate_normal": (
        lambda d, n: (
            (torch.zeros(2, dtype=torch.float64), torch.eye(2, dtype=torch.float64), n),
            {},
        ),
        "size",
    ),
}

#: Huge calls whose NumPy error comes from an allocation NumPy's implementation makes before
#: the result's, so that its class says nothing about the result: either class is accepted.
NUMPY_ALLOCATES_FIRST: dict[tuple[str, str], str] = {
    ("resize", "huge-size"): "a tuple of 2**60 references to the input: Python's MemoryError",
}


def _huge_extras(name: str) -> list[Extra]:
    make, param = HUGE[name]
    return [
        Extra(
            category,
            "huge",
            lambda d, n=n: make(d, n),
            (param, *(str(v) for v in (n, _square(n), n // 2))),
        )
        for category, n in HUGE_SIZES.items()
    ]


for _name in HUGE:
    EXTRA.setdefault(_name, []).extend(_huge_extras(_name))


# ---- building the bad calls -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Bad:
    """One bad call of a public function, and what its message must name."""

    name: str
    category: str
    family: str  # the key of RULES
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    base: Call | None  # the valid call it was made from (None: EXTRA calls made from scratch)
    words: tuple[str, ...]  # any one must appear in the message: the argument or the value
    required: tuple[str, ...] = ()  # all must appear
    #: the bad value stands where the valid call passes array data: NumPy's acceptance of it
    #: is its object-array fallback (``save(f, None)`` pickles an object array), no meaning
    replaces_array: bool = False


def _params(fn: Callable[..., Any]) -> dict[str, inspect.Parameter]:
    return dict(inspect.signature(fn).parameters)


def _param_at(fn: Callable[..., Any], i: int) -> str:
    """The name of the parameter that takes positional argument ``i``."""
    for j, p in enumerate(_params(fn).values()):
        if p.kind is p.VAR_POSITIONAL:
            return p.name
        if j == i:
            return p.name
    return f"argument {i}"


def _first_array(c: Call) -> int | None:
    return next((i for i, a in enumerate(c.args) if isinstance(a, torch.Tensor)), None)


def _replace(args: tuple[Any, ...], i: int, value: object) -> tuple[Any, ...]:
    return (*args[:i], value, *args[i + 1 :])


def _param_kind(fn: Callable[..., Any], name: str) -> inspect._ParameterKind | None:
    p = _params(fn).get(name)
    return None if p is None else p.kind


def _with_param(
    fn: Callable[..., Any], c: Call, name: str, value: object
) -> tuple[tuple[Any, ...], dict[str, Any]] | None:
    """``c`` with parameter ``name`` set to ``value`` (by keyword, or in place if positional-only)."""
    kind = _param_kind(fn, name)
    if kind is None or kind is inspect.Parameter.VAR_POSITIONAL:
        return None
    if kind is inspect.Parameter.POSITIONAL_ONLY:
        i = list(_params(fn)).index(name)
        if i >= len(c.args):
            return None
        return _replace(c.args, i, value), dict(c.kwargs)
    i = list(_params(fn)).index(name)
    if kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and i < len(c.args):
        return _replace(c.args, i, value), dict(c.kwargs)
    return c.args, {**c.kwargs, name: value}


def _float_params(fn: Callable[..., Any], c: Call) -> list[tuple[str, int | str]]:
    """(parameter name, position or keyword) of each Python float in ``c``."""
    found: list[tuple[str, int | str]] = []
    for i, a in enumerate(c.args):
        if type(a) is float:
            found.append((_param_at(fn, i), i))
    for k, v in c.kwargs.items():
        if type(v) is float:
            found.append((k, k))
    return found


def bad_calls(name: str, d: S.Inputs, tmp: Path) -> list[Bad]:
    """Every bad call of public ``name``, built fresh from its valid calls on ``d``."""
    fn = S.PUBLIC[name]
    if skip_reason(fn) is not None:
        return []
    valid = valid_calls(name, d, tmp)
    params = _params(fn)
    out: list[Bad] = []

    def add(category: str, family: str, c: Call, args: tuple[Any, ...], kwargs: dict[str, Any],
            words: tuple[str, ...], required: tuple[str, ...] = ()) -> None:  # fmt: skip
        out.append(Bad(name, category, family, fn, args, dict(kwargs), c, words, required))

    # wrong types: the first array argument, else the first positional one
    with_pos = next((c for c in valid if c.args), None)
    if with_pos is not None:
        i = _first_array(with_pos)
        i = 0 if i is None else i
        pname = _param_at(fn, i)
        replaces_array = isinstance(with_pos.args[i], (torch.Tensor, np.ndarray))
        for cat, (value, words) in WRONG_TYPES.items():
            out.append(Bad(name, cat, "type", fn, _replace(with_pos.args, i, value),
                           dict(with_pos.kwargs), with_pos, (pname, *words),
                           replaces_array=replaces_array))  # fmt: skip
    elif valid and params:
        first = next(iter(params.values()))
        if first.kind in (first.POSITIONAL_ONLY, first.POSITIONAL_OR_KEYWORD):
            c = valid[0]
            for cat, (value, words) in WRONG_TYPES.items():
                add(cat, "type", c, (value,), dict(c.kwargs), (first.name, *words))

    # two arrays whose shapes must agree: (3,) against (4,), made from the call's own values
    # (so that they stay in the function's domain); a call without axis= first, else with
    # axis=-1, so that the 1-d arrays are not also an axis error
    pairs = [c for c in valid if sum(isinstance(a, torch.Tensor) for a in c.args) >= 2]
    two = next((c for c in pairs if "axis" not in c.kwargs), pairs[0] if pairs else None)
    if two is not None:
        idx = [i for i, a in enumerate(two.args) if isinstance(a, torch.Tensor)][:2]
        args = list(two.args)
        for i, n in zip(idx, (3, 4), strict=True):
            flat = args[i].flatten()
            args[i] = flat.repeat(-(-n // flat.numel()))[:n].clone()
        kwargs = {**two.kwargs, "axis": -1} if "axis" in two.kwargs else dict(two.kwargs)
        words = (*_SHAPES34, _param_at(fn, idx[0]), _param_at(fn, idx[1]))
        add("shape-mismatch", "shape-mismatch", two, tuple(args), kwargs, words)

    # the first array as a 0-d array
    one = next((c for c in valid if _first_array(c) is not None), None)
    if one is not None:
        i = _first_array(one)
        assert i is not None
        x = one.args[i]
        if x.ndim >= 1:
            add("rank-0d", "rank-0d", one, _replace(one.args, i, x.flatten()[0].clone()),
                dict(one.kwargs), (_param_at(fn, i), *RANK0_WORDS))  # fmt: skip

    # an axis outside the array
    if one is not None and "axis" in params:
        i = _first_array(one)
        assert i is not None
        ndim = max(one.args[i].ndim, 1)
        for cat, ax in (("axis-high", ndim + 40), ("axis-low", -(ndim + 41))):
            made = _with_param(fn, one, "axis", ax)
            if made is not None:
                add(cat, "axis", one, *made, ("axis", str(ax)))

    # dtypes no one can read, and object
    if "dtype" in params and valid:
        c = valid[0]
        for cat, (value, words) in BAD_DTYPES.items():
            made = _with_param(fn, c, "dtype", value)
            if made is not None:
                add(cat, "dtype", c, *made, ("dtype", *words))

    # devices this process does not have
    if "device" in params and valid:
        c = valid[0]
        for cat, (dev, words) in BAD_DEVICES.items():
            if cat == "device-cuda" and torch.cuda.is_available():
                continue
            made = _with_param(fn, c, "device", dev)
            if made is not None:
                required = (PYTHON_M,) if cat == "device-cuda" else ()
                add(cat, "device", c, *made, ("device", *words), required)

    # NaN and inf for the float parameters of calls without array arguments
    scalar = next((c for c in valid if _first_array(c) is None and _float_params(fn, c)), None)
    if scalar is not None:
        for pname, where in _float_params(fn, scalar):
            for label, value in (("nan", math.nan), ("inf", math.inf)):
                if isinstance(where, int):
                    args, kwargs = _replace(scalar.args, where, value), dict(scalar.kwargs)
                else:
                    args, kwargs = scalar.args, {**scalar.kwargs, where: value}
                add(f"{label}-{pname}", "bound", scalar, args, kwargs, (pname, label))

    # an empty array along the reduced axis (all axes when none is given)
    if one is not None and "axis" in params:
        i = _first_array(one)
        assert i is not None
        x = one.args[i]
        if sum(isinstance(a, torch.Tensor) for a in one.args) == 1 and x.ndim >= 1:
            axis = one.kwargs.get("axis")
            if isinstance(axis, int):
                shape = list(x.shape)
                shape[axis] = 0
                empty = x.new_empty(shape)
            else:
                empty = x.new_empty((0,))
            words = (_param_at(fn, i), *EMPTY_WORDS, str(tuple(empty.shape)))
            add("empty", "empty", one, _replace(one.args, i, empty), dict(one.kwargs), words)

    for e in EXTRA.get(name, []):
        args, kwargs = e.make(d)
        out.append(Bad(name, e.category, e.family, fn, args, kwargs, None, e.words, e.required))
    return out


# ---- the NumPy oracle -------------------------------------------------------------------------

#: Public names whose NumPy twin has another name.
TWIN_NAMES = {
    "rand": "random.rand",
    "randn": "random.randn",
    "normal": "random.normal",
    "uniform": "random.uniform",
    "random.ranf": "random.random_sample",
    "random.sample": "random.random_sample",
}


def numpy_twin(name: str) -> Callable[..., Any] | None:
    """NumPy's function of the same name (random: a fresh RandomState's method), or None."""
    name = TWIN_NAMES.get(name, name)
    if name.startswith("random."):
        short = name.removeprefix("random.")
        state = np.random.RandomState(0)
        if hasattr(state, short):
            return getattr(state, short)  # type: ignore[no-any-return]
        return getattr(np.random, short, None)
    module: Any = np
    for part in name.split(".")[:-1]:
        module = getattr(module, part, None)
    twin = getattr(module, name.split(".")[-1], None)
    return twin if callable(twin) else None


class _NoOracle(Exception):
    """An argument has no NumPy spelling (autograd functions, tbridge-only options)."""


def to_numpy_arg(v: Any) -> Any:
    """An argument as NumPy takes it: tensors as arrays, torch dtypes as NumPy dtypes."""
    if isinstance(v, torch.Tensor):
        return v.detach().cpu().numpy().copy()
    if isinstance(v, torch.dtype):
        nd = numpy_dtype_of(v)
        if nd is None:
            raise _NoOracle(f"no NumPy dtype for {v}")
        return nd
    if isinstance(v, torch.device):
        if v.type != "cpu":
            raise _NoOracle(f"device {v}")
        return "cpu"
    if isinstance(v, tuple):
        return tuple(to_numpy_arg(a) for a in v)
    if isinstance(v, list):
        return [to_numpy_arg(a) for a in v]
    if callable(v) and not isinstance(v, type):
        raise _NoOracle("a function argument")
    return v


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What one call did: its exception, or its result and the warnings it gave."""

    exc: BaseException | None
    result: Any = None
    warned: tuple[type[Warning], ...] = ()
    messages: tuple[str, ...] = ()


@contextlib.contextmanager
def _global_state_kept() -> Iterator[None]:
    """Whatever a call sets (RNG, print options, error modes, NumPy's too) is put back."""
    tb_err, tb_print = tb.geterr(), tb.get_printoptions()
    np_err, np_print = np.geterr(), np.get_printoptions()
    with torch.random.fork_rng(devices=[]):
        try:
            yield
        finally:
            tb.seterr(**tb_err)
            tb.set_printoptions(**tb_print)
            np.seterr(**np_err)
            np.set_printoptions(**np_print)


def run(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Outcome:
    """Call ``fn`` (entering the context manager it returns), recording every warning."""
    with warnings.catch_warnings(record=True) as caught, _global_state_kept():
        warnings.simplefilter("always")
        try:
            result = fn(*args, **kwargs)
            if hasattr(result, "__enter__") and hasattr(result, "__exit__"):
                with result as entered:
                    result = entered
        except Exception as e:  # the outcome under test: any exception is recorded
            return Outcome(e)
    return Outcome(
        None,
        result,
        tuple(w.category for w in caught),
        tuple(str(w.message) for w in caught),
    )


_NO_TORCH_KINDS = "OUSVMm"


def _kind(r: Any) -> Any:
    """The shape of a result, for telling a meaningful NumPy result from an object fallback."""
    if isinstance(r, np.ndarray):
        return "no-torch-dtype" if r.dtype.kind in _NO_TORCH_KINDS else "array"
    if isinstance(r, (np.generic, bool, int, float, complex)):
        if isinstance(r, np.generic) and r.dtype.kind in _NO_TORCH_KINDS:
            return "no-torch-dtype"
        return "array"
    if isinstance(r, tuple):
        return tuple(_kind(a) for a in r)
    if isinstance(r, list):
        return [_kind(a) for a in r]
    return type(r).__name__


def _has_no_torch_dtype(k: Any) -> bool:
    if isinstance(k, (tuple, list)):
        return any(_has_no_torch_dtype(a) for a in k)
    return k == "no-torch-dtype"


@dataclasses.dataclass(frozen=True)
class Expect:
    """What a bad call must do. ``must_raise``/``must_succeed`` both False: either, checked."""

    must_raise: bool
    must_succeed: bool
    accept: tuple[tuple[Exc, ...], ...]
    numpy: Outcome | None  # NumPy's outcome, when it is the verdict
    source: str  # "numpy" or "rule"


def builtin_bases(t: Exc) -> tuple[Exc, ...]:
    """The built-in classes an exception type is (AxisError: ValueError, IndexError, ...)."""
    skip = (BaseException, Exception, object, LookupError, ArithmeticError)
    return tuple(c for c in t.__mro__ if c.__module__ == "builtins" and c not in skip)


#: Bad calls NumPy never returns from (its sampler loops forever): no oracle for them.
NUMPY_HANGS: dict[tuple[str, str], str] = {
    ("random.vonmises", "inf-kappa"): "RandomState.vonmises(0, inf) loops forever",
    ("random.zipf", "inf-a"): "RandomState.zipf(inf) loops forever",
}
#: Bad calls tbridge once never returned from (its rejection sampler looped): the test runs
#: them in a child process with a time limit, so that a return of the hang fails the run
#: (tagged ``hangs``) instead of stopping it.
ONCE_HUNG: frozenset[tuple[str, str]] = frozenset({("random.zipf", "inf-a")})
HANG_SECONDS = 5.0


#: Functions whose NumPy twin is documented to take any object, so that its answer for a
#: wrong-type value in place of the array is a meaning, not an object-array fallback:
#: ``iscomplexobj(None)`` is False (None is no complex object), in NumPy 1.26 and 2 alike.
TAKES_ANY_OBJECT = frozenset({"iscomplexobj", "isrealobj"})


def numpy_outcome(bad: Bad, d_make: Callable[[], Bad]) -> Outcome | None:
    """NumPy's outcome for the same bad call, or None when NumPy gives no verdict."""
    if bad.family == "device" or (bad.name, bad.category) in NUMPY_HANGS:
        return None
    twin = numpy_twin(bad.name)
    if twin is None:
        return None
    fresh = d_make()  # the same call built again: NumPy must not see tbridge's objects
    try:
        if fresh.base is not None:
            base_args = to_numpy_arg(fresh.base.args)
            base_kwargs = {k: to_numpy_arg(v) for k, v in fresh.base.kwargs.items()}
        args = to_numpy_arg(fresh.args)
        kwargs = {k: to_numpy_arg(v) for k, v in fresh.kwargs.items()}
    except _NoOracle:
        return None
    valid_kind: Any = None
    valid_warned: tuple[type[Warning], ...] = ()
    if fresh.base is not None:
        ok = run(twin, base_args, base_kwargs)
        if ok.exc is not None:
            return None  # NumPy does not take the valid call: it is no oracle here
        valid_kind, valid_warned = _kind(ok.result), ok.warned
    got = run(twin, args, kwargs)
    if got.exc is not None and "unexpected keyword argument" in str(got.exc):
        return None
    if got.exc is None:
        deprecated = any(
            issubclass(w, (DeprecationWarning, FutureWarning)) and w not in valid_warned
            for w in got.warned
        )
        kind = _kind(got.result)
        meaningless = _has_no_torch_dtype(kind) or (valid_kind == "array" and kind != "array")
        fallback = bad.replaces_array and bad.name not in TAKES_ANY_OBJECT
        if deprecated or meaningless or fallback:
            return None
    return got


#: Python's own words for an error NumPy did not mean to raise (an index or call that went
#: wrong inside NumPy on an input it never checked): the category's types are accepted too.
NUMPY_ACCIDENTS = (
    "index out of range",
    "has no len()",
    "len() of unsized object",
    "missing 1 required positional argument",
    "is not subscriptable",
    "takes exactly 1 argument (0 given)",  # linalg.tensorinv of a 0-d array: reshape(*())
)


def numpy_accident(e: BaseException) -> bool:
    return any(text in str(e) for text in NUMPY_ACCIDENTS)


def expectation(bad: Bad, np_out: Outcome | None) -> Expect:
    rule = RULES[bad.family]
    if np_out is None:
        return Expect(rule.must_raise, False, rule.accept, None, "rule")
    if np_out.exc is not None:
        accept: tuple[tuple[Exc, ...], ...] = (builtin_bases(type(np_out.exc)),)
        if (
            bad.family in ("type", "dtype")
            or numpy_accident(np_out.exc)
            or (bad.name, bad.category) in NUMPY_ALLOCATES_FIRST
        ):
            accept = (*accept, *rule.accept)
        return Expect(True, False, accept, np_out, "numpy")
    return Expect(False, rule.like_numpy, rule.accept, np_out, "numpy")


# ---- judging one call -------------------------------------------------------------------------


def _word(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z0-9_])" + re.escape(word) + r"(?![A-Za-z0-9_])", re.I)


def _names_any(text: str, words: tuple[str, ...]) -> bool:
    return any(_word(w).search(text) for w in words if w)


def _from_torch(e: BaseException) -> bool:
    """Whether an exception is torch's (a RuntimeError/AssertionError or torch's own class)."""
    if isinstance(e, (RuntimeError, AssertionError)):
        return True
    if type(e).__module__.split(".")[0] == "torch":
        return True
    tb_ = e.__traceback__
    while tb_ is not None and tb_.tb_next is not None:
        tb_ = tb_.tb_next
    return tb_ is not None and "/torch/" in tb_.tb_frame.f_code.co_filename


def _short(e: BaseException) -> str:
    text = re.sub(r"0x[0-9a-f]+", "0x...", " ".join(str(e).split()))
    return f"{type(e).__name__}: {text[:160]}"


def function_words(bad: Bad) -> tuple[str, ...]:
    """Names a message may call the function by: its public names (aliases share one object,
    as ``random.random`` and ``random.random_sample``) and its ``__name__``."""
    aliases = [n.split(".")[-1] for n, f in S.PUBLIC.items() if f is bad.fn]
    return (bad.name.split(".")[-1], *aliases, getattr(bad.fn, "__name__", ""))


@dataclasses.dataclass(frozen=True)
class Verdict:
    """The judgement of one call: each broken rule as a tag (``TAGS``) and in words."""

    tags: tuple[str, ...]
    problems: tuple[str, ...]
    observed: str
    wanted: str

    def summary(self) -> str:
        """The ``KNOWN_GAPS`` value for this call."""
        return f"{' '.join(self.tags)} | {self.observed[:100]} -> {self.wanted}"


#: The rules a call can break, by tag.
TAGS = {
    "no-error": "returned where it must raise",
    "raised": "raised where NumPy returns a result (empty arrays, integer division by zero)",
    "result": "returned another result than NumPy's",
    "no-warning": "no RuntimeWarning where NumPy warns",
    "torch-type": "a RuntimeError, AssertionError or torch exception class escapes",
    "type": "a built-in type, but not the one NumPy raises (or the category's)",
    "fn-name": "the message does not name the function",
    "arg-name": "the message names neither the argument nor the bad value",
    "text": "the message lacks required text (both shapes, `python -m tbridge`)",
    "unchained": "raised while handling torch's error, without `from e`",
    "hangs": "never returns",
}


def _describe(expect: Expect, required: tuple[str, ...]) -> str:
    if expect.must_succeed and expect.numpy is not None:
        warn = " with a RuntimeWarning" if RuntimeWarning in expect.numpy.warned else ""
        return f"NumPy's result{warn}"
    names = dict.fromkeys("+".join(t.__name__ for t in alt) for alt in expect.accept)
    types = " or ".join(names)
    text = f"{types} ({expect.source})" if types else "no error"
    if not expect.must_raise:
        text = f"success or {text}"
    if required:
        text += " naming " + " and ".join(required)
    return text


def required_text(bad: Bad, np_out: Outcome | None) -> tuple[str, ...]:
    """Text the message must hold: the call's own, and both shapes where NumPy's error is a
    broadcast failure (``add((3,), (4,))``: the user needs both shapes to find the bug)."""
    broadcast = (
        bad.family == "shape-mismatch"
        and set(_SHAPES34) <= set(bad.words)
        and np_out is not None
        and np_out.exc is not None
        and "broadcast" in str(np_out.exc)
    )
    return (*bad.required, *(_SHAPES34 if broadcast else ()))


def _compare(got: Any, want: Any, where: str = "result") -> list[str]:
    """Differences between a tbridge result and NumPy's (shape, then values)."""
    if isinstance(want, (tuple, list)):
        if not isinstance(got, (tuple, list)) or len(got) != len(want):
            return [f"{where}: {type(got).__name__} where NumPy gives {len(want)} items"]
        return [
            p
            for i, (g, w) in enumerate(zip(got, want, strict=True))
            for p in _compare(g, w, f"{where}[{i}]")
        ]
    if type(want) in (int, bool, float) and type(got) is type(want):  # np.size, np.ndim, ...
        return [] if got == want else [f"{where}: {got!r}, NumPy's is {want!r}"]
    if not isinstance(got, torch.Tensor):
        return [f"{where}: {type(got).__name__}, not a tensor"]
    g = got.detach().cpu().numpy()
    w = np.asarray(want)
    if g.shape != w.shape:
        return [f"{where}: shape {g.shape}, NumPy's is {w.shape}"]
    if not np.array_equal(g, w, equal_nan=g.dtype.kind in "fc" and w.dtype.kind in "fc"):
        return [f"{where}: values {g.tolist()} differ from NumPy's {w.tolist()}"]
    return []


def judge(bad: Bad, np_out: Outcome | None) -> Verdict:
    """Every way the tbridge call of ``bad`` breaks the rules (none: it passes)."""
    expect = expectation(bad, np_out)
    got = run(bad.fn, bad.args, bad.kwargs)
    required = required_text(bad, np_out)
    wanted = _describe(expect, required)
    found: list[tuple[str, str]] = []
    e = got.exc
    if e is None:
        observed = "no error"
        if expect.must_raise:
            found.append(("no-error", f"returned {type(got.result).__name__}, must raise"))
        if expect.must_succeed and expect.numpy is not None:
            found += [("result", p) for p in _compare(got.result, expect.numpy.result)]
            if RuntimeWarning in expect.numpy.warned and not any(
                issubclass(w, RuntimeWarning) for w in got.warned
            ):
                observed = "no warning"
                found.append(
                    ("no-warning", f"NumPy warns {expect.numpy.messages[0]!r}; tbridge does not")
                )
        return _verdict(found, observed, wanted)
    observed = _short(e)
    text = str(e)
    if expect.must_succeed:
        found.append(("raised", f"raised where NumPy returns a result: {observed}"))
    if isinstance(e, (RuntimeError, AssertionError)) or type(e).__module__.startswith("torch"):
        found.append(("torch-type", f"{type(e).__module__}.{type(e).__name__} escapes"))
    elif expect.accept and not any(all(isinstance(e, t) for t in alt) for alt in expect.accept):
        found.append(("type", f"{type(e).__name__}; wanted {wanted}"))
    elif not expect.accept and not expect.must_succeed:
        found.append(("type", f"raised {type(e).__name__}; wanted {wanted}"))
    if not _names_any(text, function_words(bad)):
        found.append(("fn-name", f"the message does not name {bad.name!r}"))
    if not _names_any(text, bad.words):
        found.append(("arg-name", f"the message names none of {bad.words!r}"))
    missing = [w for w in required if w.lower() not in text.lower()]
    if missing:
        found.append(("text", f"the message lacks {missing!r}"))
    ctx = e.__context__
    if ctx is not None and e.__cause__ is None and _from_torch(ctx):
        found.append(("unchained", f"raised while handling torch's {type(ctx).__name__}"))
    return _verdict(found, observed, wanted)


def _verdict(found: list[tuple[str, str]], observed: str, wanted: str) -> Verdict:
    tags = tuple(dict.fromkeys(tag for tag, _ in found))
    return Verdict(tags, tuple(f"[{tag}] {text}" for tag, text in found), observed, wanted)


# ---- the corpus -------------------------------------------------------------------------------


def build(name: str, category: str, tmp: Path) -> Bad:
    """The bad call ``(name, category)``, made fresh (new inputs, new files)."""
    d = S.Inputs(torch.device("cpu"))
    for bad in bad_calls(name, d, tmp):
        if bad.category == category:
            return bad
    raise KeyError((name, category))


def check(name: str, category: str, tmp: Path) -> Verdict:
    """Build the call, ask NumPy, run tbridge, and judge."""
    bad = build(name, category, tmp)
    np_out = numpy_outcome(bad, lambda: build(name, category, tmp))
    return judge(bad, np_out)


def _check_in_child(name: str, category: str, tmp: Path, queue: Any) -> None:
    queue.put(check(name, category, tmp))


def check_limited(name: str, category: str, tmp: Path) -> Verdict:
    """``check``, in a forked child with a time limit for the calls in ``ONCE_HUNG``."""
    if (name, category) not in ONCE_HUNG:
        return check(name, category, tmp)
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_check_in_child, args=(name, category, tmp, queue))
    child.start()
    child.join(HANG_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()
        found = [("hangs", f"did not return within {HANG_SECONDS:g} s")]
        return _verdict(found, "hangs", "an error or a result")
    verdict: Verdict = queue.get(timeout=HANG_SECONDS)
    return verdict


def corpus() -> list[tuple[str, str]]:
    """Every (public name, category) driven, in a stable order."""
    with tempfile.TemporaryDirectory() as tmp:
        d = S.Inputs(torch.device("cpu"))
        return [(b.name, b.category) for n in S.PUBLIC for b in bad_calls(n, d, Path(tmp))]


# ---- the calls that fail today ----------------------------------------------------------------

#: One line per failing call: ``name | category | tags | what it does now -> what it should``
#: (the tags are the keys of ``TAGS``). The test runs these as strict xfails and checks that
#: the tags still match: a call that passes, or breaks other rules than listed, fails the run
#: until its line is removed or updated. Regenerate with
#: ``PYTHONPATH=. python -m tests._bad_input_cases``.
_GAPS = r"""
divide | int-zero-divisor | no-warning | no warning -> NumPy's result with a RuntimeWarning
"""


def _parse_gaps(text: str) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for line in filter(None, text.splitlines()):
        name, category, summary = line.split(" | ", 2)
        table[name, category] = summary
    return table


KNOWN_GAPS: dict[tuple[str, str], str] = _parse_gaps(_GAPS)


def gap_tags(summary: str) -> tuple[str, ...]:
    return tuple(summary.split(" | ", 1)[0].split())


def _print_gaps() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, category in corpus():
            v = check_limited(name, category, Path(tmp))
            if v.tags:
                print(f"{name} | {category} | {v.summary()}")


if __name__ == "__main__":
    _print_gaps()
