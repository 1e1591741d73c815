"""tbridge._core.normalize's size checks: torch's refusals to allocate, told as NumPy's errors.

The public functions that allocate by a size are tested in their own modules' tests (and by
tests/test_bad_inputs.py's ``huge-*`` categories); these tests drive the helper itself with
errors made up for it, so that no test allocates anything.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tbridge._core.normalize import MAX_BYTES, check_size, raise_for_size

#: torch's own texts (torch 2.x, CPU) for a size whose bytes overflow int64 and for a request
#: its CPU allocator refuses.
OVERFLOWS = [
    "Storage size calculation overflowed with sizes=[4611686018427387904]",
    "numel: integer multiplication overflow",
    "Stride calculation overflowed",
]
NO_MEMORY = (
    "[enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: "
    "you tried to allocate 8796093022208 bytes. Error code 12 (Cannot allocate memory)"
)


def test_a_shape_whose_bytes_overflow_is_numpys_value_error() -> None:
    cause = RuntimeError(OVERFLOWS[0])
    with pytest.raises(ValueError, match=r"^zeros: an array of shape \(4611686018427387904,\) "
                       r"and dtype torch.float64 is too big to exist: 4611686018427387904 "
                       r"elements of 8 bytes each need more than the 2\*\*63 - 1 bytes an "
                       r"array can span; pass a smaller shape$") as info:  # fmt: skip
        raise_for_size(cause, "zeros", (2**62,), torch.float64)
    assert info.value.__cause__ is cause


def test_the_shape_decides_before_torchs_words() -> None:
    # a shape too big to exist is NumPy's ValueError whatever torch says about it (torch reports
    # a stride overflow for (0, 2**40, 2**40); NumPy counts the non-zero sizes)
    with pytest.raises(ValueError, match=r"its non-zero sizes, 1208925819614629174706176 "
                       r"elements, of 1 byte each") as info:  # fmt: skip
        raise_for_size(RuntimeError("anything"), "ones", (0, 2**40, 2**40), torch.bool)
    with pytest.raises(ValueError, match="array is too big"):
        np.ones((0, 2**40, 2**40), dtype=bool)
    assert isinstance(info.value.__cause__, RuntimeError)


@pytest.mark.parametrize("text", OVERFLOWS)
def test_torchs_overflow_words_are_numpys_value_error(text: str) -> None:
    # an array made on the way (a float64 work array for a bool result) can overflow where the
    # result would not: torch's words decide then
    with pytest.raises(ValueError, match=r"^linspace: an array of shape \(3,\) and dtype "
                       r"torch.bool is too big to exist: its byte count \(or that of an array "
                       r"computed on the way\) overflows"):  # fmt: skip
        raise_for_size(RuntimeError(text), "linspace", (3,), torch.bool, "num")


def test_a_size_beyond_int64_is_numpys_value_error() -> None:
    with pytest.raises(ValueError, match=r"^empty: size 9223372036854775808 in shape "
                       r"\(9223372036854775808, 2\) is larger than 9223372036854775807 "
                       r"\(2\*\*63 - 1\), the largest size an axis can have"):  # fmt: skip
        raise_for_size(TypeError("Overflow when unpacking long"), "empty", (2**63, 2), None)
    with pytest.raises(ValueError, match="Maximum allowed dimension exceeded"):
        np.empty((2**63, 2))


@pytest.mark.parametrize(
    ("shape", "dtype", "shown"),
    [((2**40,), torch.float64, "8.00 TiB"), ((2**58,), torch.float64, "2.00 EiB"),
     ((3, 1000), torch.uint8, "2.93 KiB"), ((100,), torch.uint8, "100 bytes")],
)  # fmt: skip
def test_a_refused_allocation_is_numpys_memory_error(
    shape: tuple[int, ...], dtype: torch.dtype, shown: str
) -> None:
    cause = RuntimeError(NO_MEMORY)
    with pytest.raises(MemoryError, match=rf"^zeros: unable to allocate {shown} for an array of "
                       rf"shape \({shape[0]},") as info:  # fmt: skip
        raise_for_size(cause, "zeros", shape, dtype)
    assert info.value.__cause__ is cause


def test_a_memory_error_without_a_shape_reads_the_size_torch_asked_for() -> None:
    with pytest.raises(MemoryError, match=r"^indices: unable to allocate 8.00 TiB for an array "
                       r"of this shape and dtype torch.int64"):  # fmt: skip
        raise_for_size(RuntimeError(NO_MEMORY), "indices", None, torch.int64, "dimensions")


def test_numpys_own_memory_error_is_told_with_the_function() -> None:
    cause = MemoryError("Unable to allocate 8.00 PiB for an array with shape (2**50,)")
    with pytest.raises(MemoryError, match=r"^arange: unable to allocate 8.00 PiB") as info:
        raise_for_size(cause, "arange", 2**50, torch.int64, "range")
    assert info.value.__cause__ is cause


def test_cuda_out_of_memory_is_left_as_torch_raises_it() -> None:
    # torch users catch torch.OutOfMemoryError by name; its text holds the caching allocator's
    # advice. It is a RuntimeError: the helper returns and the caller re-raises it.
    oom = torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 8.00 TiB")
    assert raise_for_size(oom, "zeros", (2**40,), torch.float64) is None


@pytest.mark.parametrize(
    "error",
    [RuntimeError("value cannot be converted to type int64_t without overflow"),
     TypeError("zeros(): argument 'dtype' must be torch.dtype, not str"),
     RuntimeError(NO_MEMORY.replace("can't allocate memory", "something else"))],
    ids=["value-overflow", "type", "other"],
)  # fmt: skip
def test_other_errors_are_left_to_the_caller(error: Exception) -> None:
    assert raise_for_size(error, "full", (3,), torch.int64) is None


def test_check_size_refuses_only_what_cannot_exist() -> None:
    check_size((2**60,), torch.uint8, "tile")  # 1 EiB: representable, not checked for memory
    check_size((MAX_BYTES,), torch.bool, "tile")
    with pytest.raises(ValueError, match=r"^tile: an array of shape \(2305843009213693952, 2\) "
                       r"and dtype torch.int32 is too big to exist.*pass a smaller "
                       r"repetitions$"):  # fmt: skip
        check_size((2**61, 2), torch.int32, "tile", "repetitions")
    check_size("not a shape", torch.float64, "tile")  # unknown shapes are left to torch
