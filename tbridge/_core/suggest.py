"""Helpful AttributeErrors for names tbridge lacks: NumPy spellings, torch-only names, typos.

The order of the hints: a written pointer for the name (NumPy and torch spellings tbridge
answers differently), then, for a name NumPy has in that module, a plain "not in tbridge" with
the NumPy route (an edit-distance guess would mislead: ``allclose`` is not ``acos``), and only
then the closest public names by edit distance (typos such as ``linespace``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from types import ModuleType

import numpy as np

__all__ = ["NUMPY_RENAMES", "NUMPY_SPELLINGS", "missing_attribute", "numpy_to_tbridge"]

#: ``tbridge`` names that NumPy or torch users reach for, with what to write instead.
_POINTERS: dict[str, str] = {
    # torch spellings (including mistakes a primer makes)
    "new_ones": (
        "new_ones is a tensor method, not a module function: x.new_ones(5, 3) makes ones with "
        "x's dtype and device; with tbridge write tb.ones(5, 3, dtype=..., device=...) or "
        "tb.ones_like(x, shape=(5, 3))"
    ),
    "new_zeros": "new_zeros is a tensor method (x.new_zeros); use tb.zeros or tb.zeros_like",
    "new_empty": "new_empty is a tensor method (x.new_empty); use tb.empty or tb.empty_like",
    "new_full": "new_full is a tensor method (x.new_full); use tb.full or tb.full_like",
    "tensor": "tbridge spells torch.tensor(data) the NumPy way: tb.array(data) (copies) or "
    "tb.asarray(data)",
    "as_tensor": "use tb.asarray(data, copy=None), which says when it copies",
    "set_default_dtype": "tbridge never changes torch's global default dtype; use the scoped "
    "`with tb.default_float(tb.float32):` instead",
    # NumPy names with no tbridge twin, and what to do instead
    "asmatrix": "NumPy's matrix class has no tbridge twin; use 2-d arrays and tb.matmul (@)",
    "matrix": "NumPy's matrix class has no tbridge twin; use 2-d arrays and tb.matmul (@)",
    "vectorize": "tbridge has no vectorize (it would loop in Python); write the function with "
    "tb.* calls on whole arrays, or use torch.vmap",
    "apply_along_axis": "tbridge has no apply_along_axis (it would loop in Python); use tb.* "
    "functions with axis=, or torch.vmap over the axis",
    "frompyfunc": "tbridge has no frompyfunc; write the function with tb.* calls on whole arrays",
    "longdouble": "torch has no extended-precision float; use tb.float64",
    "float128": "torch has no 128-bit float; use tb.float64",
    "str_": "torch tensors hold numbers only: keep strings in NumPy (tb.to_numpy) or Python",
    "object_": "torch tensors hold numbers only: keep Python objects in NumPy or Python",
    "datetime64": "torch has no datetime dtype: keep dates in NumPy, or use int64 timestamps",
    "timedelta64": "torch has no timedelta dtype: keep durations in NumPy, or use int64 counts",
    "ma": "tbridge has no masked arrays: carry a boolean mask tensor and use tb.where",
    "char": "tbridge has no string functions: keep strings in NumPy or Python",
    "rec": "tbridge has no record arrays: keep structured data in NumPy, or one tensor per field",
    "memmap": "tbridge has no memmap; open one with NumPy and share it: tb.asarray(np.memmap(...))",
    "nditer": "tbridge has no nditer; use whole-array tb.* calls (or tb.ndindex when it exists)",
}

#: NumPy names the Array API spells differently: NumPy's name -> the standard's (tbridge's).
#: tbridge has most of NumPy's spellings too, as the same objects; an entry still says where
#: to go should one be missing, and ``scripts/numpy_coverage.py`` reads this table (with
#: ``NUMPY_RENAMES``) to list the NumPy names tbridge has only under another name.
NUMPY_SPELLINGS: dict[str, str] = {
    "absolute": "abs",
    "arccos": "acos",
    "arccosh": "acosh",
    "arcsin": "asin",
    "arcsinh": "asinh",
    "arctan": "atan",
    "arctan2": "atan2",
    "arctanh": "atanh",
    "bitwise_not": "bitwise_invert",
    "concatenate": "concat",
    "conjugate": "conj",
    "cumsum": "cumulative_sum",
    "cumprod": "cumulative_prod",
    "invert": "bitwise_invert",
    "left_shift": "bitwise_left_shift",
    "mod": "remainder",
    "power": "pow",
    "right_shift": "bitwise_right_shift",
    "transpose": "permute_dims",
    "true_divide": "divide",
    "amax": "max",
    "amin": "min",
    "around": "round",
    "asanyarray": "asarray",
    "unique": "unique_values",
}

#: NumPy names tbridge has under a name of its own (not the standard's): NumPy's name ->
#: (tbridge's name, how it differs).
NUMPY_RENAMES: dict[str, tuple[str, str]] = {}


def numpy_to_tbridge() -> dict[str, str]:
    """Every NumPy name of the main namespace that tbridge spells differently -> tbridge's
    name (``NUMPY_SPELLINGS`` and ``NUMPY_RENAMES`` together)."""
    return {**NUMPY_SPELLINGS, **{name: ours for name, (ours, _) in NUMPY_RENAMES.items()}}


#: NumPy's ``linalg``/``fft``/``random`` names with the tbridge spelling to use instead.
_SUBMODULE_POINTERS: dict[str, dict[str, str]] = {
    "linalg": {
        "norm": "use tb.linalg.vector_norm (vectors) or tb.linalg.matrix_norm (matrices)",
    },
    "fft": {},
    "random": {
        "RandomState": "tbridge has no RandomState; use tb.random.default_rng(seed) for a "
        "Generator, or tb.random's module functions with tb.random.seed(n)",
        **dict.fromkeys(
            ("BitGenerator", "MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64", "bit_generator"),
            "tbridge's Generators draw from torch's generators, not NumPy's bit generators; "
            "a NumPy bit generator can seed one: tb.random.default_rng(np.random.PCG64(seed))",
        ),
    },
}


def _numpy_module(module: str) -> ModuleType | None:
    """NumPy's module that ``tbridge.<module>`` mirrors, or None."""
    if module == "tbridge":
        return np
    sub = module.removeprefix("tbridge.")
    found = getattr(np, sub, None)
    return found if isinstance(found, ModuleType) else None


def missing_attribute(name: str, known: Iterable[str], module: str = "tbridge") -> AttributeError:
    """The AttributeError for ``<module>.<name>``: a pointer, NumPy's route, or the closest names.

    ``known`` is the module's public names; ``module`` is its dotted name (``tbridge``,
    ``tbridge.linalg``, ...).
    """
    head = f"module {module!r} has no attribute {name!r}"
    pointers = _POINTERS if module == "tbridge" else _SUBMODULE_POINTERS.get(module[8:], {})
    pointer = pointers.get(name)
    if pointer is not None:
        return AttributeError(f"{head}: {pointer}")
    spelling = NUMPY_SPELLINGS.get(name) if module == "tbridge" else None
    if spelling is not None:
        return AttributeError(
            f"{head}: NumPy's {name} is spelled {spelling} in the Array API; use tb.{spelling}"
        )
    renamed = NUMPY_RENAMES.get(name) if module == "tbridge" else None
    if renamed is not None:
        ours, how = renamed
        return AttributeError(f"{head}: use tb.{ours}, NumPy's {name} under another name ({how})")
    reference = _numpy_module(module)
    if reference is not None and not name.startswith("_") and hasattr(reference, name):
        numpy_name = f"numpy.{module[8:]}.{name}" if module != "tbridge" else f"numpy.{name}"
        return AttributeError(
            f"{head}: tbridge does not have {numpy_name} (see docs/numpy-coverage.md); compute "
            "it with NumPy on tb.to_numpy(x) and bring the result back with tb.asarray"
        )
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return AttributeError(f"{head}{hint}")
