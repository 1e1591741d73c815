"""Helpful AttributeErrors for names tbridge does not have (typos, torch-only spellings)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["missing_attribute"]

#: torch spellings (including mistakes a primer makes) with what to call in tbridge instead.
_POINTERS: dict[str, str] = {
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
}


def missing_attribute(name: str, known: Iterable[str]) -> AttributeError:
    """The AttributeError for ``tbridge.<name>``, naming the closest public names."""
    pointer = _POINTERS.get(name)
    if pointer is not None:
        return AttributeError(f"module 'tbridge' has no attribute {name!r}: {pointer}")
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return AttributeError(f"module 'tbridge' has no attribute {name!r}{hint}")
