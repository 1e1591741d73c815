"""Write docs/numpy-coverage.md: every public NumPy name and what tbridge has for it.

Usage (from the repository root)::

    python scripts/numpy_coverage.py          # rewrite docs/numpy-coverage.md
    python scripts/numpy_coverage.py --check  # exit 1 if the page is out of date

The page lists every name in ``numpy.__all__``, ``numpy.linalg.__all__``,
``numpy.fft.__all__``, ``numpy.random.__all__`` and the public methods of
``numpy.random.Generator``, each with a status:

* **same**: tbridge has the name, and its signature takes NumPy's parameters the way NumPy
  does (by name, and by position where NumPy allows it);
* **different**: tbridge has the name, but the notes say how it differs (NumPy parameters it
  lacks, parameters it takes only by keyword, and the differences written down in ``NOTES``);
* **renamed**: tbridge has it under another name (``RENAMED``, read from
  ``tbridge._core.suggest``), with the same signature check;
* **left out**: deliberately absent, with the reason (``LEFT_OUT``);
* **missing**: not there yet.

The classification reads only names and signatures (no function is called), so it is fast and
its output depends only on the NumPy version and on tbridge's code.
"""

from __future__ import annotations

import argparse
import inspect
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout: import this checkout's tbridge
    sys.path.insert(0, str(ROOT))

import tbridge as tb  # noqa: E402 - after the path set-up above
from tbridge._core.suggest import numpy_to_tbridge  # noqa: E402

PAGE = ROOT / "docs" / "numpy-coverage.md"

#: Names whose presence depends on the platform's C types; left out of the page so that it
#: reads the same on every machine.
PLATFORM_NAMES = frozenset({"float96", "float128", "complex192", "complex256"})

#: NumPy parameters not compared: ``like`` dispatches to other array libraries through
#: NumPy's protocol, which tbridge does not take part in.
IGNORED_PARAMETERS = frozenset({"like"})

#: ufunc keywords compared (``casting``, ``order``, ``subok`` and ``signature`` are NumPy's
#: ufunc machinery and not listed).
UFUNC_PARAMETERS = ("out", "where", "dtype")
#: The same for generalized ufuncs (``matmul``, ``vecdot``, ...), which take no ``where``.
GUFUNC_PARAMETERS = ("out", "dtype")

# ---- hand-written tables, by section ("numpy", "linalg", "fft", "random", "Generator") -----

#: NumPy's name -> where tbridge has it, for names spelled differently: the table that
#: tbridge's AttributeErrors use too (tbridge._core.suggest), so the two cannot disagree. A
#: name tbridge also has under NumPy's spelling is listed under that spelling.
RENAMED: dict[str, dict[str, str]] = {"numpy": numpy_to_tbridge()}

#: How tbridge's version differs beyond its signature, by section and NumPy name.
NOTES: dict[str, dict[str, str]] = {
    "numpy": {
        "ndarray": "is torch.Tensor: methods and operators are torch's (x.size is a method, "
        "no x.astype/x.copy, x[::-1] refused, int tensor / float gives float32)",
        "dtype": "a lookup returning torch dtypes (isinstance tests for torch.dtype)",
        "result_type": "Python scalars alone raise (the Array API's rule)",
        "common_type": "returns a torch dtype",
        "min_scalar_type": "returns a torch dtype; reads a 0-d array's value on the host",
        "r_": "the 'r' and 'c' (numpy.matrix) directives refused",
        "c_": "the 'r' and 'c' (numpy.matrix) directives refused",
        "emath": "8- and 16-bit integers give the default float (complex128 out of domain), "
        "not float16/complex64; reads the domain test on the host",
        "require": "'A' and 'E' always hold; 'W' copies broadcast (stride-0) views",
        "finfo": "tbridge's record; .dtype is a torch dtype",
        "iinfo": "tbridge's record; .dtype is a torch dtype",
        "set_printoptions": "onto torch's options; nanstr, infstr, formatter, sign, "
        "floatmode, legacy, override_repr refused",
        "printoptions": "onto torch's options (process-global)",
        "get_printoptions": "the five options torch has",
        "errstate": "torch has no floating-point traps: only tbridge's checks follow it",
        "seterr": "torch has no floating-point traps: only tbridge's checks follow it",
        "geterr": "torch has no floating-point traps: only tbridge's checks follow it",
        "load": "a .npz file gives tbridge.lib.npyio.NpzFile, a mapping of tensors",
        "random": "tbridge.random: default_rng and Generator over torch generators",
    },
    "random": {
        "default_rng": "torch generator: streams differ from NumPy's",
        "Generator": "over a torch generator: streams differ from NumPy's",
    },
}

_DTYPE_REASON = "no torch dtype for it"
_DATETIME_REASON = "torch has no datetime dtype"

#: Names left out on purpose, with the reason.
LEFT_OUT: dict[str, dict[str, str]] = {
    "numpy": {
        "False_": "NumPy bool scalars; use False",
        "True_": "NumPy bool scalars; use True",
        "ScalarType": "NumPy's scalar-type tuple; tbridge's dtypes are torch dtypes",
        "asmatrix": "np.matrix is discouraged by NumPy itself; use 2-d arrays and @",
        "bmat": "np.matrix is discouraged by NumPy itself; use 2-d arrays and @",
        "matrix": "np.matrix is discouraged by NumPy itself; use 2-d arrays and @",
        "broadcast": "NumPy's broadcasting iterator; use broadcast_shapes/broadcast_arrays",
        "busday_count": _DATETIME_REASON,
        "busday_offset": _DATETIME_REASON,
        "busdaycalendar": _DATETIME_REASON,
        "is_busday": _DATETIME_REASON,
        "datetime64": _DATETIME_REASON,
        "datetime_as_string": _DATETIME_REASON,
        "datetime_data": _DATETIME_REASON,
        "timedelta64": _DATETIME_REASON,
        "isnat": _DATETIME_REASON,
        "bytes_": _DTYPE_REASON,
        "str_": _DTYPE_REASON,
        "void": _DTYPE_REASON,
        "object_": _DTYPE_REASON,
        "character": _DTYPE_REASON,
        "flexible": _DTYPE_REASON,
        "longdouble": _DTYPE_REASON,
        "clongdouble": _DTYPE_REASON,
        "long": "C long: its width depends on the platform (int32 on Windows); use int64",
        "ulong": "C long: its width depends on the platform (uint32 on Windows); use uint64",
        "char": "string operations on NumPy arrays; torch has no string dtype",
        "strings": "string operations on NumPy arrays; torch has no string dtype",
        "rec": "record arrays; torch has no structured dtype",
        "recarray": "record arrays; torch has no structured dtype",
        "record": "record arrays; torch has no structured dtype",
        "ma": "masked arrays; a tensor carries no mask (use where= or NaN)",
        "memmap": "use tb.load(path, mmap_mode=...), which maps .npy files",
        "nditer": "NumPy's iterator over its memory layout; use ndindex/ndenumerate",
        "nested_iters": "NumPy's iterator over its memory layout; use ndindex/ndenumerate",
        "flatiter": "NumPy's iterator over its memory layout; use ndindex/ndenumerate",
        "ufunc": "tbridge's functions are plain functions, not ufunc objects",
        "frompyfunc": "builds NumPy ufuncs; tbridge has none (torch.vmap vectorizes)",
        "vectorize": "builds NumPy ufunc-likes; tbridge has none (torch.vmap vectorizes)",
        "getbufsize": "ufunc buffer size: NumPy's machinery",
        "setbufsize": "ufunc buffer size: NumPy's machinery",
        "geterrcall": "floating-point error callbacks: torch has no traps",
        "seterrcall": "floating-point error callbacks: torch has no traps",
        "sctypeDict": "NumPy's type-code tables; tbridge's dtypes are torch dtypes",
        "typecodes": "NumPy's type-code tables; tbridge's dtypes are torch dtypes",
        "typename": "NumPy's type-code tables; tbridge's dtypes are torch dtypes",
        "mintypecode": "NumPy's type-code tables; tbridge's dtypes are torch dtypes",
        "dtypes": "NumPy's DType classes; tbridge's dtypes are torch dtypes",
        "poly1d": "legacy polynomial class; use polyfit/polyval",
        "polynomial": "NumPy's polynomial classes; use polyfit/polyval",
        "fromregex": "reads structured records; use NumPy, then tb.asarray",
        "fromstring": "NumPy parses text into its own arrays; use NumPy, then tb.asarray",
        "array2string": "tensors print through torch (tb.set_printoptions)",
        "array_repr": "tensors print through torch (tb.set_printoptions)",
        "array_str": "tensors print through torch (tb.set_printoptions)",
        "format_float_positional": "formats NumPy scalars; tensors print through torch",
        "format_float_scientific": "formats NumPy scalars; tensors print through torch",
        "ctypeslib": "NumPy's ctypes bridge; torch tensors have their own (data_ptr)",
        "f2py": "NumPy's Fortran wrapper generator",
        "get_include": "NumPy's C headers",
        "show_config": "NumPy's build information",
        "show_runtime": "NumPy's runtime information",
        "test": "NumPy's own test runner",
        "typing": "NumPy's annotations; tbridge annotates with torch.Tensor",
        "core": "NumPy's private implementation package",
        "exceptions": "tbridge raises built-ins and numpy.exceptions.AxisError (import it "
        "from NumPy)",
        "info": "NumPy's help browser",
        "isfortran": "torch tensors have no Fortran-order flag",
        "asfortranarray": "torch tensors have no Fortran-order flag",
    },
    "random": {
        "BitGenerator": "NumPy's bit generators; tbridge draws from torch generators",
        "MT19937": "NumPy's bit generators; tbridge draws from torch generators",
        "PCG64": "NumPy's bit generators; tbridge draws from torch generators",
        "PCG64DXSM": "NumPy's bit generators; tbridge draws from torch generators",
        "Philox": "NumPy's bit generators; tbridge draws from torch generators",
        "SFC64": "NumPy's bit generators; tbridge draws from torch generators",
        "SeedSequence": "NumPy's seeding; default_rng takes an int seed",
        "RandomState": "legacy generator; use default_rng",
        "get_state": "legacy global state; use default_rng",
        "set_state": "legacy global state; use default_rng",
        "random_integers": "deprecated by NumPy; use Generator.integers",
    },
    "Generator": {
        "bit_generator": "NumPy's bit generators; tbridge draws from torch generators",
        "spawn": "NumPy's seeding; make another default_rng(seed)",
    },
}

SECTIONS: list[tuple[str, str, str]] = [
    # (key, title, how tbridge's names are written)
    ("numpy", "numpy", "tb."),
    ("linalg", "numpy.linalg", "tb.linalg."),
    ("fft", "numpy.fft", "tb.fft."),
    ("random", "numpy.random", "tb.random."),
    ("Generator", "numpy.random.Generator methods", "rng."),
]


def _numpy_names() -> dict[str, tuple[Any, list[str]]]:
    """Each section's NumPy object (where names are looked up) and its public names."""
    generator = np.random.default_rng(0)
    return {
        "numpy": (np, sorted(set(np.__all__) - PLATFORM_NAMES)),
        "linalg": (np.linalg, sorted(np.linalg.__all__)),
        "fft": (np.fft, sorted(np.fft.__all__)),
        "random": (np.random, sorted(np.random.__all__)),
        "Generator": (
            generator,
            sorted(n for n in dir(np.random.Generator) if not n.startswith("_")),
        ),
    }


#: What a lookup returns for a name tbridge lacks (None is a value: ``tb.newaxis``).
ABSENT = object()


def _tbridge_lookup() -> dict[str, Callable[[str], Any]]:
    """Each section's lookup of a tbridge name: the object, or ``ABSENT``."""

    def in_module(module: Any) -> Callable[[str], Any]:
        names = set(dir(module))
        return lambda name: getattr(module, name) if name in names else ABSENT

    generator = tb.random.default_rng(0)
    generator_names = {n for n in dir(type(generator)) if not n.startswith("_")}
    return {
        "numpy": in_module(tb),
        "linalg": in_module(tb.linalg),
        "fft": in_module(tb.fft),
        "random": in_module(tb.random),
        "Generator": lambda name: getattr(generator, name) if name in generator_names else ABSENT,
    }


def _signature(obj: Any) -> inspect.Signature | None:
    try:
        return inspect.signature(obj)
    except (TypeError, ValueError):
        return None


_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _signature_gaps(numpy_obj: Any, ours: Any) -> list[str]:
    """How ``ours`` takes NumPy's parameters differently: those it lacks, and those it takes
    only by keyword where NumPy also takes them by position."""
    if inspect.isclass(ours) or not callable(ours) or not callable(numpy_obj):
        return []
    mine = _signature(ours)
    if mine is None:
        return []
    params = list(mine.parameters.values())
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return []
    by_name = {p.name: p for p in params}
    if isinstance(numpy_obj, np.ufunc):
        # generalized ufuncs (a core signature such as matmul's) refuse where=
        compared = UFUNC_PARAMETERS if numpy_obj.signature is None else GUFUNC_PARAMETERS
        wanted: list[tuple[str, bool]] = [(name, False) for name in compared]
    else:
        theirs = _signature(numpy_obj)
        if theirs is None:
            return []
        numpy_params = [
            p
            for p in theirs.parameters.values()
            if p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
        ]
        # The data argument: its name differs between the libraries (a, x, arr): matched by
        # position when both take a first positional argument.
        if (
            numpy_params
            and params
            and numpy_params[0].kind in _POSITIONAL
            and params[0].kind in _POSITIONAL
        ):
            numpy_params = numpy_params[1:]
        # NumPy's positional-only parameters have no usable name (``where(condition, x, y,
        # /)``): only those that can be passed by keyword are compared by name.
        wanted = [
            (p.name, p.kind in _POSITIONAL)
            for p in numpy_params
            if p.kind is not inspect.Parameter.POSITIONAL_ONLY
        ]
    lacking = [n for n, _ in wanted if n not in by_name and n not in IGNORED_PARAMETERS]
    keyword_only = [
        n
        for n, positional in wanted
        if positional and n in by_name and by_name[n].kind is inspect.Parameter.KEYWORD_ONLY
    ]
    gaps = []
    if lacking:
        gaps.append("lacks " + ", ".join(f"`{n}`" for n in lacking))
    if keyword_only:
        gaps.append("keyword-only: " + ", ".join(f"`{n}`" for n in keyword_only))
    return gaps


def classify() -> dict[str, list[tuple[str, str, str, str]]]:
    """Each section's rows: (NumPy name, tbridge spelling, status, notes)."""
    lookups = _tbridge_lookup()
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for key, (numpy_owner, names) in _numpy_names().items():
        prefix = next(p for k, _, p in SECTIONS if k == key)
        look = lookups[key]
        rows = []
        for name in names:
            numpy_obj = getattr(numpy_owner, name, None)
            note = NOTES.get(key, {}).get(name, "")
            target = RENAMED.get(key, {}).get(name)
            ours = look(name)
            if ours is not ABSENT:
                gaps = _signature_gaps(numpy_obj, ours)
                notes = "; ".join([*gaps, *([note] if note else [])])
                rows.append((name, f"`{prefix}{name}`", "different" if notes else "same", notes))
                continue
            if target is not None:
                ours = look(target)
                if ours is not ABSENT:
                    gaps = _signature_gaps(numpy_obj, ours)
                    notes = "; ".join([*gaps, *([note] if note else [])])
                    rows.append((name, f"`{prefix}{target}`", "renamed", notes))
                    continue
            reason = LEFT_OUT.get(key, {}).get(name)
            if reason is not None:
                rows.append((name, "", "left out", reason))
            else:
                rows.append((name, "", "missing", "not implemented yet"))
        out[key] = rows
    return out


def _table(rows: Iterable[tuple[str, str, str, str]]) -> list[str]:
    lines = ["| NumPy | tbridge | status | notes |", "|---|---|---|---|"]
    lines += [f"| `{n}` | {t} | {s} | {note} |" for n, t, s, note in rows]
    return lines


def render() -> str:
    """The page's text."""
    classified = classify()
    version = ".".join(np.__version__.split(".")[:2])
    lines = [
        "# NumPy coverage",
        "",
        f"Generated by `scripts/numpy_coverage.py` from NumPy {version} and this checkout's "
        "tbridge: do not edit by hand, run `python scripts/numpy_coverage.py` instead.",
        "",
        "Every public name of NumPy's main namespace, `numpy.linalg`, `numpy.fft`, "
        "`numpy.random` and the methods of `numpy.random.Generator`, with what tbridge has "
        "for it. **same**: tbridge has the name and takes NumPy's parameters as NumPy does; "
        "**different**: it has the name, and the notes say how it differs (NumPy parameters "
        "it lacks, parameters it takes only by keyword where NumPy also takes them by "
        "position, other differences); **renamed**: tbridge spells it differently; **left "
        "out**: absent on purpose, for the reason given; **missing**: not there yet. "
        "NumPy's `like=` is not compared, nor the names of its positional-only parameters; "
        "for ufuncs only `out`, `where` and `dtype` are (`out` and `dtype` for the "
        "generalized ones, such as `matmul`, which take no `where`). Names that exist only "
        "on some platforms (float128, complex256, ...) are not listed.",
        "",
        "| section | same | different | renamed | left out | missing | total |",
        "|---|---|---|---|---|---|---|",
    ]
    statuses = ("same", "different", "renamed", "left out", "missing")
    for key, title, _ in SECTIONS:
        counts = Counter(status for _, _, status, _ in classified[key])
        cells = " | ".join(str(counts[s]) for s in statuses)
        lines.append(f"| {title} | {cells} | {len(classified[key])} |")
    for key, title, _ in SECTIONS:
        lines += ["", f"## {title}", "", *_table(classified[key])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != text:
            print(f"{PAGE} is out of date; run: python scripts/numpy_coverage.py")
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
