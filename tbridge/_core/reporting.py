"""Warnings that point at the user's line, and NumPy's floating-point error settings.

``warn`` is ``warnings.warn`` with the stack level of the first frame outside tbridge, so a
warning names the user's call, however deep inside the package it is raised.

``ERR_STATE`` holds NumPy's ``errstate``/``seterr`` settings (per thread and asyncio task, as
NumPy 2 keeps them); ``tb.errstate``, ``tb.seterr`` and ``tb.geterr`` (``_numpy/state.py``)
set and read it. torch has no floating-point traps, so the settings govern only the errors
tbridge's own checks find (an integer division by zero); those are reported through
``report_fp_error``, as NumPy's ufuncs report theirs.
"""

from __future__ import annotations

import contextvars
import os
import sys
import warnings
from typing import Final

__all__ = ["ERR_KINDS", "ERR_STATE", "report_fp_error", "warn"]

#: The package's directory: warnings point at the first frame outside it (the user's call).
_PACKAGE_DIR: Final = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def warn(message: str, category: type[Warning]) -> None:
    """``warnings.warn`` pointing at the user's line (the first frame outside tbridge)."""
    level = 2
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    warnings.warn(message, category, stacklevel=level)


#: The error kinds, in the order ``ERR_STATE`` holds their modes.
ERR_KINDS: Final = ("divide", "over", "under", "invalid")
#: One mode per kind: NumPy's defaults warn on all but underflow.
ERR_STATE: contextvars.ContextVar[tuple[str, str, str, str]] = contextvars.ContextVar(
    "tbridge_errstate", default=("warn", "warn", "ignore", "warn")
)


def report_fp_error(kind: str, message: str) -> None:
    """Report a floating-point error found by a tbridge check, as the current settings say.

    ``kind`` is ``"divide"``, ``"over"``, ``"under"`` or ``"invalid"``. As NumPy: "ignore"
    does nothing, "warn" issues a RuntimeWarning (at the user's line), "raise" raises
    FloatingPointError, and "print" writes ``Warning: <message>`` to stderr.
    """
    mode = ERR_STATE.get()[ERR_KINDS.index(kind)]
    if mode == "ignore":
        return
    if mode == "raise":
        raise FloatingPointError(message)
    if mode == "warn":
        warn(message, RuntimeWarning)
        return
    print(f"Warning: {message}", file=sys.stderr)
