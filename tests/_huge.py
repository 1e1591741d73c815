"""Sizes too big to exist, or to allocate, for the tests of the functions that allocate by size.

No test allocates with these: 2**62 float64 elements overflow the int64 byte count, which NumPy
and torch refuse before allocating (NumPy's ValueError); 2**58 of them are 2 EiB, beyond every
address space (x86-64 user space ends at 2**47 bytes, at 2**56 with 5-level paging), so the
allocator refuses at once whatever the kernel's overcommit policy (NumPy's MemoryError). Keep
new cases at or above these sizes: a request a machine might grant could be touched and take
its memory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import tbridge as tb

TOO_BIG = 2**62
NO_MEMORY = 2**58
#: What tbridge's messages say, as regular expressions.
TOO_BIG_TEXT = r"is too big to exist: .* need more than the 2\*\*63 - 1 bytes an array can span"
NO_MEMORY_TEXT = r"unable to allocate 2.00 EiB for an array of shape \(288230376151711744,"


def numpys_error(call: Callable[[Any], Any], module: Any = np) -> type[BaseException]:
    """The built-in class of the error NumPy raises for ``call(module)`` (NumPy's MemoryError
    is a private subclass of the built-in)."""
    with pytest.raises((ValueError, MemoryError)) as info:
        call(module)
    return MemoryError if isinstance(info.value, MemoryError) else ValueError


def check_refused(call: Callable[[Any], Any], message: str) -> None:
    """``call(tbridge)`` raises the built-in class of NumPy's error for ``call(numpy)`` (a
    ValueError for a size no array can have, a MemoryError for one that cannot be allocated),
    with ``message``, chained to torch's error when torch refused first."""
    with pytest.raises(numpys_error(call), match=message) as info:
        call(tb)
    assert info.value.__context__ is None or info.value.__cause__ is not None
