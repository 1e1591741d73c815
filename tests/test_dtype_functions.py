"""can_cast, finfo, iinfo, isdtype and result_type, with NumPy as the oracle."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._core import promotion as _promotion
from tbridge._core.dtypes import numpy_dtype_of
from tbridge._namespace.data_types import _isdtype_slow

INTEGERS = [tb.int8, tb.int16, tb.int32, tb.int64, tb.uint8, tb.uint16, tb.uint32, tb.uint64]
REALS = [tb.float16, tb.float32, tb.float64]
COMPLEXES = [tb.complex64, tb.complex128]
STANDARD = [tb.bool, *INTEGERS, *REALS, *COMPLEXES]
PAIRS = list(itertools.product(STANDARD, STANDARD))


def _np(dtype: torch.dtype) -> np.dtype[Any]:
    found = numpy_dtype_of(dtype)
    assert found is not None
    return found


# ---- result_type is the promotion module's, re-exported ------------------------------------


def test_result_type_is_the_promotion_table() -> None:
    assert tb.result_type is _promotion.result_type


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_result_type_matches_numpy(a: torch.dtype, b: torch.dtype) -> None:
    expected = np.promote_types(_np(a), _np(b))
    assert numpy_dtype_of(tb.result_type(a, b)) == expected


# ---- can_cast -------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_can_cast_matches_numpy_safe_casting(a: torch.dtype, b: torch.dtype) -> None:
    out = tb.can_cast(a, b)
    assert type(out) is bool
    assert out is bool(np.can_cast(_np(a), _np(b)))


@pytest.mark.parametrize(
    ("from_", "to", "expected"),
    [
        (torch.zeros(2, dtype=torch.int32), tb.float64, True),
        (torch.zeros(2, dtype=torch.int64), tb.float32, False),
        (torch.zeros(2, dtype=torch.uint16, device="meta"), tb.int32, True),
        (tb.bfloat16, tb.float32, True),
        (tb.float16, tb.bfloat16, False),
        ("int8", np.int16, True),
        (np.dtype("f8"), "f4", False),
    ],
)
def test_can_cast_accepts_arrays_and_spellings(from_: Any, to: Any, expected: bool) -> None:
    assert tb.can_cast(from_, to) is expected


def test_can_cast_rejects_non_dtypes() -> None:
    with pytest.raises(TypeError, match=r"^can_cast: \[1\] is neither a dtype nor an array"):
        tb.can_cast([1], tb.float32)  # type: ignore[arg-type]


# ---- finfo ----------------------------------------------------------------------------------

FLOATING = [tb.float16, tb.bfloat16, tb.float32, tb.float64, tb.complex64, tb.complex128]
REAL_OF = {tb.complex64: tb.float32, tb.complex128: tb.float64}


@pytest.mark.parametrize("dtype", FLOATING, ids=str)
@pytest.mark.parametrize("given", ["dtype", "array"])
def test_finfo(dtype: torch.dtype, given: str, device: torch.device) -> None:
    arg: Any = dtype if given == "dtype" else torch.zeros(2, dtype=dtype, device=device)
    info = tb.finfo(arg)
    real = REAL_OF.get(dtype, dtype)
    assert info.dtype is real
    assert not isinstance(info.dtype, str)
    torch_info = torch.finfo(real)
    assert (info.bits, info.eps, info.max, info.min, info.smallest_normal) == (
        torch_info.bits,
        torch_info.eps,
        torch_info.max,
        torch_info.min,
        torch_info.smallest_normal,
    )
    assert type(info.bits) is int
    assert all(type(v) is float for v in (info.eps, info.max, info.min, info.smallest_normal))
    assert info.tiny == info.smallest_normal


@pytest.mark.parametrize("dtype", [tb.float16, tb.float32, tb.float64, tb.complex128], ids=str)
def test_finfo_matches_numpy(dtype: torch.dtype) -> None:
    ours, theirs = tb.finfo(dtype), np.finfo(_np(dtype))
    assert (ours.bits, ours.eps, ours.max, ours.min, ours.smallest_normal) == (
        theirs.bits,
        float(theirs.eps),
        float(theirs.max),
        float(theirs.min),
        float(theirs.smallest_normal),
    )
    assert ours.resolution == pytest.approx(float(theirs.resolution), rel=1e-3)


FINFO_DERIVED = [
    "tiny",
    "resolution",
    "precision",
    "epsneg",
    "smallest_subnormal",
    "nmant",
    "nexp",
    "iexp",
    "machep",
    "negep",
    "minexp",
    "maxexp",
]


@pytest.mark.parametrize("attr", FINFO_DERIVED)
@pytest.mark.parametrize("dtype", [*REALS, *COMPLEXES], ids=str)
def test_finfo_derived_attributes_match_numpy(dtype: torch.dtype, attr: str) -> None:
    ours, theirs = getattr(tb.finfo(dtype), attr), getattr(np.finfo(_np(dtype)), attr)
    assert type(ours) is (int if isinstance(theirs, int) else float)
    # compared in the dtype NumPy gives the value in (NumPy 1.x compares a Python float with a
    # float32 scalar in float64, where resolution's 1e-6 is not float32's 1e-6)
    assert (type(theirs)(ours) if isinstance(theirs, np.floating) else ours) == theirs


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        (
            tb.int32,
            r"^finfo: torch.int32 is not a floating dtype; finfo describes real and complex",
        ),
        (tb.bool, r"^finfo: torch.bool is not a floating dtype"),
    ],
)
def test_finfo_rejects_other_kinds_as_numpy_does(arg: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        tb.finfo(arg)
    with pytest.raises(ValueError, match="not inexact"):
        np.finfo(_np(arg))


def test_finfo_rejects_what_is_no_dtype() -> None:
    with pytest.raises(TypeError, match=r"^finfo: 'nonsense' is neither a dtype nor an array"):
        tb.finfo("nonsense")


def test_finfo_else_iinfo_idiom_carries_over() -> None:
    """NumPy code's ``try: finfo(dt) except ValueError: iinfo(dt)`` works unchanged."""

    def limits(dt: Any) -> Any:
        try:
            return tb.finfo(dt).max
        except ValueError:
            return tb.iinfo(dt).max

    assert limits(tb.int16) == np.iinfo(np.int16).max
    assert limits(tb.float16) == np.finfo(np.float16).max


# ---- iinfo ----------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", INTEGERS, ids=str)
@pytest.mark.parametrize("given", ["dtype", "array", "numpy"])
def test_iinfo_matches_numpy(dtype: torch.dtype, given: str, device: torch.device) -> None:
    arg: Any = {
        "dtype": dtype,
        "array": torch.zeros(2, dtype=dtype, device=device),
        "numpy": _np(dtype),
    }[given]
    ours, theirs = tb.iinfo(arg), np.iinfo(_np(dtype))
    assert ours.dtype is dtype
    assert (ours.bits, ours.max, ours.min, ours.kind) == (
        theirs.bits,
        theirs.max,
        theirs.min,
        theirs.kind,
    )
    assert all(type(v) is int for v in (ours.bits, ours.max, ours.min))


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        (tb.float32, r"^iinfo: torch.float32 is not an integer dtype; use tb.finfo"),
        (tb.bool, r"^iinfo: torch.bool is not an integer dtype; bool has no integer range"),
    ],
)
def test_iinfo_rejects_other_kinds_as_numpy_does(arg: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        tb.iinfo(arg)
    with pytest.raises(ValueError, match="Invalid integer data type"):
        np.iinfo(_np(arg))


def test_info_objects_are_cached_and_frozen() -> None:
    assert tb.iinfo(tb.uint16) is tb.iinfo(tb.uint16)
    assert tb.finfo(tb.complex64) is tb.finfo(tb.complex64)
    with pytest.raises(AttributeError):
        tb.iinfo(tb.int8).bits = 3  # type: ignore[misc]


# ---- isdtype --------------------------------------------------------------------------------

KIND_MEMBERS: dict[str, set[torch.dtype]] = {
    "bool": {tb.bool},
    "signed integer": {tb.int8, tb.int16, tb.int32, tb.int64},
    "unsigned integer": {tb.uint8, tb.uint16, tb.uint32, tb.uint64},
    "real floating": {tb.float16, tb.bfloat16, tb.float32, tb.float64},
    "complex floating": {tb.complex64, tb.complex128},
}
KIND_MEMBERS["integral"] = KIND_MEMBERS["signed integer"] | KIND_MEMBERS["unsigned integer"]
KIND_MEMBERS["numeric"] = (
    KIND_MEMBERS["integral"] | KIND_MEMBERS["real floating"] | KIND_MEMBERS["complex floating"]
)
ALL = [*STANDARD, tb.bfloat16]
KIND_CASES = list(itertools.product(ALL, KIND_MEMBERS))


@pytest.mark.parametrize(("dtype", "kind"), KIND_CASES, ids=[f"{d}-{k}" for d, k in KIND_CASES])
def test_isdtype_kinds(dtype: torch.dtype, kind: str) -> None:
    out = tb.isdtype(dtype, kind)
    assert type(out) is bool
    assert out is (dtype in KIND_MEMBERS[kind])


@pytest.mark.parametrize(
    ("dtype", "kind", "expected"),
    [
        (tb.float32, tb.float32, True),
        (tb.float32, tb.float64, False),
        (tb.float32, ("integral", tb.float32), True),
        (tb.uint16, ("signed integer", tb.float32), False),
        (tb.uint16, ("unsigned integer",), True),
        (tb.int8, (), False),
        (tb.float32, np.float32, True),
        ("float64", "real floating", True),
        (np.dtype("u8"), "integral", True),
    ],
)
def test_isdtype_dtypes_and_tuples(dtype: Any, kind: Any, expected: bool) -> None:
    assert tb.isdtype(dtype, kind) is expected


@pytest.mark.parametrize(
    ("kind", "error", "message"),
    [
        (
            "floating",
            ValueError,
            r"^isdtype: unknown kind 'floating'; pass a dtype or one of 'bool'",
        ),
        ((("bool",),), TypeError, r"^isdtype: kind \('bool',\) nests a tuple in a tuple"),
        (3, TypeError, r"^isdtype: 3 is neither a dtype nor an array"),
    ],
)
def test_isdtype_rejects(kind: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        tb.isdtype(tb.float32, kind)


# ---- fast paths -----------------------------------------------------------------------------


def test_isdtype_answers_from_its_cache_as_from_scratch() -> None:
    kinds: list[Any] = [*KIND_MEMBERS, tb.float32, tb.int8, ("bool", tb.float64)]
    for _ in range(2):  # the second round answers from the cache
        for dtype in ALL:
            for kind in kinds:
                assert tb.isdtype(dtype, kind) is _isdtype_slow(dtype, kind), (dtype, kind)
    with pytest.raises(TypeError, match=r"^isdtype: \['bool'\] is neither a dtype"):
        tb.isdtype(tb.float32, ["bool"])  # type: ignore[arg-type]


def test_result_type_of_two_arrays() -> None:
    for a, b in itertools.product(ALL, repeat=2):
        x, y = tb.zeros(2, dtype=a), tb.zeros((), dtype=b)
        assert tb.result_type(x, y) is tb.result_type(a, b), (a, b)  # 0-d: no torch quirk
        assert tb.result_type(x, y) is tb.result_type(x, y)  # the pair cache
