"""NumPy's dtype spellings on the module: tb.dtype, the aliases, issubdtype, promotion, casting.

NumPy is the oracle: every question asked of tbridge is asked of NumPy with the twin
arguments (the NumPy dtype for each torch dtype, the same string, type or abstract class).
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._core.dtypes import torch_dtype_of_numpy

# Every torch dtype with a NumPy twin, paired with the twin.
CONCRETE: list[tuple[object, object]] = [
    (torch.bool, np.bool_),
    (torch.int8, np.int8),
    (torch.int16, np.int16),
    (torch.int32, np.int32),
    (torch.int64, np.int64),
    (torch.uint8, np.uint8),
    (torch.uint16, np.uint16),
    (torch.uint32, np.uint32),
    (torch.uint64, np.uint64),
    (torch.float16, np.float16),
    (torch.float32, np.float32),
    (torch.float64, np.float64),
    (torch.complex64, np.complex64),
    (torch.complex128, np.complex128),
]
# Spellings that are the same object on both sides.
SAME = [
    np.float32,
    np.int16,
    np.dtype("u4"),
    "f4",
    "float64",
    "int8",
    "?",
    "c8",
    "uint64",
    float,
    int,
    bool,
    complex,
]
ABSTRACT = [
    "generic",
    "number",
    "inexact",
    "floating",
    "complexfloating",
    "integer",
    "signedinteger",
    "unsignedinteger",
]
ABSTRACT_PAIRS = [(getattr(tb, n), getattr(np, n)) for n in ABSTRACT]
ALL_PAIRS = CONCRETE + [(s, s) for s in SAME] + ABSTRACT_PAIRS


def _id(value: object) -> str:
    first = value[0] if isinstance(value, tuple) else value
    return repr(first).replace("<class ", "").replace(">", "")


# ---- tb.dtype ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        np.float32,
        "f4",
        "float32",
        "<i2",
        "uint32",
        float,
        int,
        bool,
        complex,
        np.dtype("c8"),
        np.zeros(2, dtype=np.int16).dtype,
        "double",
        "p",
    ],
    ids=repr,
)
def test_dtype_matches_numpys(spelling: Any) -> None:
    assert tb.dtype(spelling) is torch_dtype_of_numpy(np.dtype(spelling))


@pytest.mark.parametrize(("torch_dt", "numpy_dt"), CONCRETE, ids=_id)
def test_dtype_of_torch_dtype_is_itself(torch_dt: Any, numpy_dt: Any) -> None:
    assert tb.dtype(torch_dt) is torch_dt
    assert tb.dtype(tb.zeros(1, dtype=torch_dt).dtype) is torch_dt
    assert tb.dtype(numpy_dt) is torch_dt


def test_dtype_none_is_the_default_float() -> None:
    assert tb.dtype(None) is torch_dtype_of_numpy(np.dtype(None))
    with tb.default_float(tb.float32):
        assert tb.dtype(None) is torch.float32


def test_dtype_flags_are_accepted() -> None:
    assert tb.dtype("f8", align=True, copy=True) is torch.float64


def test_isinstance_dtype() -> None:
    assert isinstance(tb.float32, tb.dtype)
    assert isinstance(tb.ones(2).dtype, tb.dtype)
    assert not isinstance("float32", tb.dtype)
    assert not isinstance(np.dtype("f4"), tb.dtype)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (tb.ones(2), r"dtype: cannot make a dtype from an array \(Tensor\); pass its dtype"),
        (np.ones(2), r"dtype: cannot make a dtype from an array \(ndarray\); pass its dtype"),
        ("floaty", r"dtype='floaty' is not a dtype"),
        (3, r"dtype=3 is not a dtype"),
        ("U10", r"NumPy dtype '<U10' \(str320\) has no torch twin.*NumPy itself"),
        (object, r"NumPy dtype '\|O' \(object\) has no torch twin.*tb.to_numpy"),
    ],
    ids=repr,
)
def test_dtype_rejects(value: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        tb.dtype(value)


# ---- aliases and classes -------------------------------------------------------------------

NUMPY2_ALIASES = [
    "bool_",
    "byte",
    "ubyte",
    "short",
    "ushort",
    "intc",
    "uintc",
    "int_",
    "intp",
    "uint",
    "uintp",
    "longlong",
    "ulonglong",
    "half",
    "single",
    "double",
    "csingle",
    "cdouble",
]


@pytest.mark.parametrize("name", NUMPY2_ALIASES)
def test_alias_is_the_twin_of_numpys(name: str) -> None:
    found = getattr(tb, name)
    assert isinstance(found, torch.dtype)
    assert found is torch_dtype_of_numpy(np.dtype(getattr(np, name)))
    assert name in tb.__all__


@pytest.mark.parametrize(("name", "twin"), [("float_", "float64"), ("complex_", "complex128")])
def test_numpy1_aliases(name: str, twin: str) -> None:
    # NumPy 1.26 spelled float64 and complex128 so; NumPy 2 removed the names.
    assert getattr(tb, name) is getattr(torch, twin)


@pytest.mark.parametrize("name", ABSTRACT)
def test_abstract_types_are_numpys(name: str) -> None:
    assert getattr(tb, name) is getattr(np, name)


def test_ndarray_and_device() -> None:
    x = tb.ones(2)
    assert isinstance(x, tb.ndarray)
    assert not isinstance(np.ones(2), tb.ndarray)
    assert tb.device("cpu") == x.device
    assert isinstance(x.device, tb.device)


# ---- issubdtype: NumPy's answer on the whole grid ------------------------------------------


@pytest.mark.parametrize(("arg1", "arg2"), list(itertools.product(ALL_PAIRS, ALL_PAIRS)))
def test_issubdtype_agrees_with_numpy(
    arg1: tuple[object, object], arg2: tuple[object, object]
) -> None:
    expected = np.issubdtype(arg1[1], arg2[1])  # type: ignore[arg-type]
    assert tb.issubdtype(arg1[0], arg2[0]) is expected
    assert tb.issubdtype(arg1[0], arg2[0]) is expected  # the cached answer too


@pytest.mark.parametrize(
    ("arg1", "arg2"),
    [("U3", np.number), ("U3", np.str_), (np.str_, np.character), ("M8[s]", np.datetime64)],
    ids=repr,
)
def test_issubdtype_non_numeric_is_answered_as_numpy(arg1: Any, arg2: Any) -> None:
    assert tb.issubdtype(arg1, arg2) is np.issubdtype(arg1, arg2)


def test_issubdtype_unhashable_is_answered() -> None:
    fields = [("a", "f4")]
    assert tb.issubdtype(fields, np.void) is np.issubdtype(fields, np.void)  # type: ignore[arg-type]


TORCH_ONLY = [
    (torch.bfloat16, tb.floating, True),
    (torch.bfloat16, tb.inexact, True),
    (torch.bfloat16, tb.number, True),
    (torch.bfloat16, tb.generic, True),
    (torch.bfloat16, tb.complexfloating, False),
    (torch.bfloat16, tb.integer, False),
    ("bfloat16", tb.floating, True),
    (torch.bfloat16, torch.bfloat16, True),
    (torch.bfloat16, "bfloat16", True),
    (torch.bfloat16, torch.float16, False),
    (torch.float16, torch.bfloat16, False),
    (torch.float8_e4m3fn, tb.floating, True),
    (torch.float8_e5m2, torch.float8_e4m3fn, False),
    (torch.complex32, tb.complexfloating, True),
    (torch.complex32, tb.floating, False),
    (tb.floating, torch.bfloat16, False),
]


@pytest.mark.parametrize(("arg1", "arg2", "expected"), TORCH_ONLY, ids=repr)
def test_issubdtype_torch_only_dtypes_by_kind(arg1: Any, arg2: Any, expected: bool) -> None:
    # NumPy has no twin for these: they sit where their kind puts them.
    assert tb.issubdtype(arg1, arg2) is expected


@pytest.mark.parametrize(
    ("arg1", "arg2", "message"),
    [
        (
            tb.ones(2),
            tb.floating,
            r"issubdtype: arg1 is an array \(Tensor\), not a dtype; pass its dtype \(arg1.dtype\)",
        ),
        (tb.float32, np.ones(2), r"issubdtype: arg2 is an array \(ndarray\), not a dtype"),
        ("floaty", tb.floating, r"dtype='floaty' is not a dtype"),
    ],
    ids=["tensor", "array", "bad string"],
)
def test_issubdtype_rejects(arg1: Any, arg2: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        tb.issubdtype(arg1, arg2)


# ---- promote_types, can_cast, finfo/iinfo with NumPy's spellings ----------------------------


@pytest.mark.parametrize(("a", "b"), list(itertools.product(CONCRETE, CONCRETE)), ids=_id)
def test_promote_types_agrees_with_numpy(a: tuple[Any, Any], b: tuple[Any, Any]) -> None:
    expected = torch_dtype_of_numpy(np.promote_types(a[1], b[1]))
    assert tb.promote_types(a[0], b[0]) is expected
    assert tb.promote_types(a[1], np.dtype(b[1]).str) is expected


def test_promote_types_rejects() -> None:
    with pytest.raises(
        TypeError, match=r"dtype='U2': NumPy dtype '<U2' \(str64\) has no torch twin"
    ):
        tb.promote_types(tb.float32, "U2")


CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]


@pytest.mark.parametrize("casting", CASTINGS)
@pytest.mark.parametrize(("a", "b"), list(itertools.product(CONCRETE, CONCRETE)), ids=_id)
def test_can_cast_agrees_with_numpy(a: tuple[Any, Any], b: tuple[Any, Any], casting: str) -> None:
    expected = bool(np.can_cast(a[1], b[1], casting=casting))  # type: ignore[arg-type]
    assert tb.can_cast(a[0], b[0], casting=casting) is expected
    assert tb.can_cast(a[1], b[1], casting) is expected


@pytest.mark.parametrize("casting", CASTINGS)
def test_can_cast_array_argument(casting: str) -> None:
    x = tb.ones(2, dtype=tb.int16)
    expected = bool(np.can_cast(np.int16, np.float16, casting=casting))  # type: ignore[arg-type]
    assert tb.can_cast(x, "f2", casting=casting) is expected


@pytest.mark.parametrize(
    ("src", "dst", "casting", "expected"),
    [
        (torch.bfloat16, torch.float32, "safe", True),
        (torch.float32, torch.bfloat16, "safe", False),
        (torch.float32, torch.bfloat16, "same_kind", True),
        (torch.bfloat16, torch.int8, "same_kind", False),
        (torch.bfloat16, torch.int8, "unsafe", True),
        (torch.bfloat16, torch.bfloat16, "no", True),
        (torch.bfloat16, torch.float16, "equiv", False),
    ],
)
def test_can_cast_torch_only_dtypes(
    src: torch.dtype, dst: torch.dtype, casting: str, expected: bool
) -> None:
    assert tb.can_cast(src, dst, casting=casting) is expected


def test_can_cast_rejects_unknown_casting() -> None:
    with pytest.raises(
        ValueError,
        match=r"can_cast: casting='safely' is not a casting rule; pass one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe'",
    ):
        tb.can_cast(tb.int8, tb.int16, casting="safely")


@pytest.mark.parametrize(
    "spelling",
    [np.float16, np.float32, np.float64, "float32", "f8", float, np.complex64, "c16"],
    ids=repr,
)
def test_finfo_accepts_numpy_spellings(spelling: Any) -> None:
    got, expected = tb.finfo(spelling), np.finfo(spelling)
    assert (got.bits, got.eps, got.max, got.min) == (
        expected.bits,
        float(expected.eps),
        float(expected.max),
        float(expected.min),
    )
    assert got.smallest_normal == float(expected.smallest_normal)
    assert got.dtype is torch_dtype_of_numpy(expected.dtype)


@pytest.mark.parametrize(
    "spelling", [np.int8, np.int16, np.uint16, np.uint64, "int32", "u1", "i8", int], ids=repr
)
def test_iinfo_accepts_numpy_spellings(spelling: Any) -> None:
    got, expected = tb.iinfo(spelling), np.iinfo(spelling)
    assert (got.bits, got.max, got.min) == (expected.bits, int(expected.max), int(expected.min))
    assert got.dtype is torch_dtype_of_numpy(expected.dtype)


# ---- dtypes torch has no twin for: every entry point says so -------------------------------

NO_TWIN = r"has no torch twin; torch has no such dtype \(string, structured, datetime and object data stay in NumPy\); compute on such data with NumPy itself \(tb.to_numpy hands tensors to NumPy\)"
GATE = r"which torch has no dtype for \(structured, string, datetime and object arrays stay in NumPy\); compute on it with NumPy itself \(tb.to_numpy"


def _ones() -> torch.Tensor:
    return tb.ones(3)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: tb.zeros(3, dtype="U10"),
            r"dtype='U10': NumPy dtype '<U10' \(str320\) " + NO_TWIN,
        ),
        (
            lambda: tb.asarray([1, 2], dtype=object),
            r"dtype=<class 'object'>: NumPy dtype '\|O' \(object\) " + NO_TWIN,
        ),
        (
            lambda: tb.astype(_ones(), "datetime64[s]"),
            r"dtype='datetime64\[s\]': NumPy dtype '<M8\[s\]' \(datetime64\[s\]\) " + NO_TWIN,
        ),
        (
            lambda: tb.full(3, 1.0, dtype=np.dtype([("a", "f4")])),
            r"NumPy dtype '\|V4' \(\[\('a', '<f4'\)\]\) " + NO_TWIN,
        ),
        (
            lambda: tb.ones(2, dtype=[("a", "f4")]),
            r"dtype=\[\('a', 'f4'\)\]: NumPy dtype '\|V4' \(\[\('a', '<f4'\)\]\) " + NO_TWIN,
        ),
        (lambda: tb.arange(3, dtype="M8[s]"), r"dtype='M8\[s\]'.* " + NO_TWIN),
        (lambda: tb.sum(_ones(), dtype="U3"), r"dtype='U3'.* " + NO_TWIN),
        (
            lambda: tb.empty(2, dtype=str),
            r"dtype=<class 'str'>: NumPy dtype '<U0' \(str\) " + NO_TWIN,
        ),
        (lambda: tb.zeros_like(_ones(), dtype="m8"), r"dtype='m8'.* " + NO_TWIN),
        (lambda: tb.result_type(_ones(), "U3"), r"result_type: dtype='U3'.* " + NO_TWIN),
        (lambda: tb.finfo("M8"), r"finfo: dtype='M8'.* " + NO_TWIN),
        (lambda: tb.can_cast("f4", object), r"can_cast: dtype=<class 'object'>.* " + NO_TWIN),
        (lambda: tb.dtype("S4"), r"dtype='S4': NumPy dtype '\|S4' \(bytes32\) " + NO_TWIN),
        (lambda: tb.sqrt(np.array(["a"])), r"sqrt: x has NumPy dtype <U1, " + GATE),
        (
            lambda: tb.add(np.array(["2020-01-01"], dtype="M8[D]"), 1),
            r"add: x1 has NumPy dtype datetime64\[D\], " + GATE,
        ),
        (
            lambda: tb.mean(np.zeros(2, dtype=[("a", "f4")])),
            r"mean: x has NumPy dtype \[\('a', '<f4'\)\], " + GATE,
        ),
        (
            lambda: tb.reshape(np.array([1, None]), (2,)),
            r"reshape: x has NumPy dtype object, " + GATE,
        ),
    ],
    ids=[
        "zeros-str",
        "asarray-object",
        "astype-datetime",
        "full-structured",
        "ones-structured-list",
        "arange-datetime",
        "sum-str",
        "empty-python-str",
        "zeros_like-timedelta",
        "result_type",
        "finfo",
        "can_cast",
        "dtype-bytes",
        "sqrt-str-array",
        "add-datetime-array",
        "mean-structured-array",
        "reshape-object-array",
    ],
)
def test_no_torch_twin_says_so_and_names_numpy(call: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call()


def test_longdouble_names_the_widest_torch_dtype() -> None:
    with pytest.raises(
        TypeError,
        match=r"dtype='g': NumPy dtype '<f16' \(float128\) has no torch twin; torch has no such dtype; convert the data to float64 or complex128 first",
    ):
        tb.dtype("g")


# ---- constants and scalar inspection -------------------------------------------------------


def test_constants_are_numpys() -> None:
    assert tb.euler_gamma == np.euler_gamma
    assert type(tb.euler_gamma) is float
    assert tb.little_endian is bool(np.little_endian)


SCALAR_QUESTIONS: list[tuple[Any, Any]] = [
    (3, 3),
    (2.5, 2.5),
    (True, True),
    (1j, 1j),
    ("abc", "abc"),
    (b"ab", b"ab"),
    (None, None),
    ([1, 2], [1, 2]),
    ((), ()),
    (np.float32(1.0), np.float32(1.0)),
    (torch.tensor(1.0), np.array(1.0)),
    (torch.zeros(3), np.zeros(3)),
    (torch.zeros(0), np.zeros(0)),
    (torch.zeros((2, 0)), np.zeros((2, 0))),
    (range(3), range(3)),
    (object(), object()),
]


@pytest.mark.parametrize(("value", "twin"), SCALAR_QUESTIONS, ids=repr)
def test_isscalar_and_iterable(value: Any, twin: Any) -> None:
    assert tb.isscalar(value) is np.isscalar(twin)
    assert tb.iterable(value) is np.iterable(twin)


COMMON_DTYPES = [torch.int8, torch.uint8, torch.int64, torch.float16, torch.float32,
                 torch.float64, torch.complex64, torch.complex128]  # fmt: skip


@pytest.mark.parametrize("dtypes", [
    *[(d,) for d in COMMON_DTYPES],
    *itertools.combinations(COMMON_DTYPES, 2),
    (torch.int8, torch.float16, torch.complex64),
    (),
], ids=str)  # fmt: skip
@pytest.mark.parametrize("shape", [(), (0,), (2, 3)], ids=str)
def test_common_type(dtypes: tuple[torch.dtype, ...], shape: Any) -> None:
    got = tb.common_type(*[torch.zeros(shape, dtype=d) for d in dtypes])
    nds = [np.zeros(shape, dtype=tb.to_numpy(torch.zeros((), dtype=d)).dtype) for d in dtypes]
    assert got == torch_dtype_of_numpy(np.dtype(np.common_type(*nds)))


def test_common_type_follows_the_float_default_and_takes_lists() -> None:
    want = torch_dtype_of_numpy(np.dtype(np.common_type(np.array([1, 2]))))
    assert tb.common_type([1, 2]) == want == torch.float64
    with tb.default_float(tb.float32):
        assert tb.common_type(torch.zeros(2, dtype=torch.int64)) == torch.float32


def test_common_type_refuses_bool() -> None:
    with pytest.raises(TypeError, match=r"common_type: arrays\[1\] is a bool array"):
        tb.common_type(torch.zeros(2), torch.zeros(2, dtype=torch.bool))
    with pytest.raises(TypeError):
        np.common_type(np.zeros(2), np.zeros(2, dtype=bool))


@pytest.mark.parametrize(
    "value",
    [
        0,
        10,
        255,
        256,
        -1,
        -129,
        2**40,
        2**63,
        True,
        3.1,
        1e50,
        -1e5,
        0.5,
        1j,
        1e200 + 1j,
        np.float32(3.0),
        np.int64(7),
    ],
    ids=repr,
)
def test_min_scalar_type_of_scalars(value: Any) -> None:
    assert tb.min_scalar_type(value) == torch_dtype_of_numpy(np.min_scalar_type(value))


@pytest.mark.parametrize("dtype", COMMON_DTYPES, ids=str)
@pytest.mark.parametrize("shape", [(), (0,), (3,)], ids=str)
def test_min_scalar_type_of_arrays(dtype: torch.dtype, shape: Any) -> None:
    t = torch.full(shape, 3, dtype=dtype)
    assert tb.min_scalar_type(t) == torch_dtype_of_numpy(np.min_scalar_type(tb.to_numpy(t)))


def test_min_scalar_type_refuses() -> None:
    with pytest.raises(
        TypeError, match=r"min_scalar_type: no torch dtype holds a=2361183241434822606848"
    ):
        tb.min_scalar_type(2**71)
    with pytest.raises(TypeError, match=r"min_scalar_type"):
        tb.min_scalar_type(None)
