"""NumPy's creation functions beyond the standard: NumPy as the oracle, metadata first.

Each function is called through tbridge and NumPy with the same arguments and compared with
``assert_matches_numpy`` (type, shape, dtype, device, then values with a dtype-derived
tolerance); bad input is checked against pinned messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._numpy import creation as _creation
from tests._helpers import assert_matches_numpy
from tests._huge import NO_MEMORY, NO_MEMORY_TEXT, TOO_BIG, TOO_BIG_TEXT, check_refused


def test_all_exported() -> None:
    assert set(_creation.__all__) <= set(tb.__all__)
    assert all(getattr(tb, n) is getattr(_creation, n) for n in _creation.__all__)
    assert tb.asanyarray is tb.asarray


def matches(got: Any, expected: Any, device: Any = None) -> None:
    assert_matches_numpy(got, expected, device=device)


@pytest.mark.parametrize("n", [0, 1, 3])
@pytest.mark.parametrize("dtype", [None, np.int32, np.float32, bool, np.complex64], ids=str)
def test_identity(n: int, dtype: Any, device: torch.device) -> None:
    matches(tb.identity(n, dtype, device=device), np.identity(n, dtype), device)


LOGSPACES: list[tuple[str, Callable[[Any], Any]]] = [
    ("default", lambda m: m.logspace(0, 3, 4)),
    ("base 2", lambda m: m.logspace(0, 10, 11, base=2.0)),
    ("no endpoint", lambda m: m.logspace(1, 2, 5, endpoint=False)),
    ("float32", lambda m: m.logspace(0, 2, 7, dtype=np.float32)),
    ("int", lambda m: m.logspace(0, 2, 5, dtype=np.int64)),
    ("num 0", lambda m: m.logspace(0, 2, 0)),
    ("num 1", lambda m: m.logspace(3, 2, 1)),
    ("negative", lambda m: m.logspace(2, -2, 5)),
    ("arrays", lambda m: m.logspace([0, 1], [2, 3], 4)),
    ("arrays axis", lambda m: m.logspace([0, 1], 3, 4, axis=-1)),
    ("array base", lambda m: m.logspace(0, 2, 3, base=np.array([2.0, 10.0]))),
    ("array base axis", lambda m: m.logspace(0, 2, 3, base=np.array([2.0, 10.0]), axis=1)),
    ("numpy scalars", lambda m: m.logspace(np.float32(0), np.int64(2), 3)),
    ("large", lambda m: m.logspace(0, 1, 5000)),
    ("complex base", lambda m: m.logspace(0, 2, 3, base=1j)),
]


@pytest.mark.parametrize(("name", "call"), LOGSPACES, ids=[c[0] for c in LOGSPACES])
def test_logspace(name: str, call: Callable[[Any], Any]) -> None:
    matches(call(tb), call(np))


GEOMSPACES: list[tuple[str, Callable[[Any], Any]]] = [
    ("default", lambda m: m.geomspace(1, 1000, 4)),
    ("no endpoint", lambda m: m.geomspace(1, 1000, 3, endpoint=False)),
    ("negative", lambda m: m.geomspace(-1, -1000, 4)),
    ("decreasing", lambda m: m.geomspace(1000, 1, 4)),
    ("fractions", lambda m: m.geomspace(0.5, 2.0, 9)),
    ("float32", lambda m: m.geomspace(1, 256, 9, dtype=np.float32)),
    ("int", lambda m: m.geomspace(1, 256, 9, dtype=np.int64)),
    ("complex", lambda m: m.geomspace(1j, 1000j, 4)),
    ("complex dtype", lambda m: m.geomspace(1, 100, 3, dtype=np.complex128)),
    ("arrays", lambda m: m.geomspace([1, 10], [100, 1000], 3)),
    ("arrays axis", lambda m: m.geomspace([1, -10], [100, -1000], 3, axis=1)),
    ("num 1", lambda m: m.geomspace(2, 8, 1)),
    ("num 0", lambda m: m.geomspace(2, 8, 0)),
]


@pytest.mark.parametrize(("name", "call"), GEOMSPACES, ids=[g[0] for g in GEOMSPACES])
def test_geomspace(name: str, call: Callable[[Any], Any]) -> None:
    matches(call(tb), call(np))


@pytest.mark.parametrize("dtype", [None, np.float32], ids=str)
@pytest.mark.parametrize("endpoint", [True, False])
@pytest.mark.parametrize("num", [0, 1, 2, 12, 50, 4096])
@pytest.mark.parametrize(
    ("start", "stop"),
    [(1.0, 1000.0), (1, 7), (2.5, 0.1), (-1.0, -63.7), (1e-300, 9e299), (1.0, 1.0 + 2**-50),
     (5e-324, 1e-300), (123.456, 123.456), (-7.25, -0.003)],
    ids=str,
)  # fmt: skip
@pytest.mark.parametrize("kind", [float, np.float64], ids=["python", "numpy"])
def test_geomspace_of_real_numbers_matches_numpy_bit_for_bit(
    start: float, stop: float, num: int, endpoint: bool, dtype: Any, kind: Any
) -> None:
    """Real bounds of one sign (Python numbers or NumPy float64 scalars): NumPy's algorithm
    on the host, to the bit (float32 overflow of the largest bounds is NumPy's too)."""
    start, stop = kind(start), kind(stop)
    with np.errstate(over="ignore"):
        expected = np.geomspace(start, stop, num, endpoint, dtype)
        got = tb.geomspace(start, stop, num, endpoint, dtype)
    assert_matches_numpy(got, expected)
    np.testing.assert_array_equal(got.numpy(), expected)


def test_geomspace_of_numpy_float64_bounds_is_float64_under_a_float32_default() -> None:
    """A NumPy float64 bound is float64 (not a weak Python number) in a float32 scope."""
    with tb.default_float(tb.float32):
        assert tb.geomspace(1.0, 8.0, 4).dtype == torch.float32
        got = tb.geomspace(np.float64(1.0), 8.0, 4)
    assert_matches_numpy(got, np.geomspace(np.float64(1.0), 8.0, 4))


@pytest.mark.parametrize("shape", [(2, 3), (4,), (), (2, 0, 3)], ids=str)
@pytest.mark.parametrize("dtype", [None, np.int64, np.float32], ids=str)
def test_fromfunction(shape: Any, dtype: Any) -> None:
    def fn(*idx: Any, scale: float = 1.0) -> Any:
        return sum((i + 1) * (k + 1) for k, i in enumerate(idx)) * scale if idx else 7

    kwargs = {} if dtype is None else {"dtype": dtype}
    got = tb.fromfunction(fn, shape, scale=2, **kwargs)
    expected = np.fromfunction(fn, shape, scale=2, **({"dtype": float} | kwargs))
    if not shape:
        assert got == expected
        return
    matches(got, expected)


@pytest.mark.parametrize(
    ("iterable", "dtype", "count"),
    [(range(5), np.int64, -1), ((x * 0.5 for x in range(4)), np.float32, -1),
     (iter([1, 2, 3, 4]), np.int8, 2), ([], np.float64, -1), ([True, False], bool, -1)],
    ids=str,
)  # fmt: skip
def test_fromiter(iterable: Any, dtype: Any, count: int) -> None:
    values = list(iterable)
    matches(tb.fromiter(iter(values), dtype, count), np.fromiter(iter(values), dtype, count))


def test_fromiter_short_iterable() -> None:
    with pytest.raises(ValueError, match=r"^fromiter: .*; pass count=-1 to read every value"):
        tb.fromiter(iter([1, 2]), np.int64, 5)


@pytest.mark.parametrize(
    ("iterable", "error", "message"),
    [
        (None, TypeError, r"^fromiter: iter must be iterable, got NoneType; pass a list"),
        (object(), TypeError, r"^fromiter: iter must be iterable, got object; pass a list"),
        (
            "abc",
            ValueError,
            r"^fromiter: a value of iter does not convert to torch.float64 \(could not convert "
            r"string to float: 'a'\); pass numbers",
        ),
        ([object()], TypeError, r"^fromiter: a value of iter does not convert to torch.float64"),
    ],
    ids=repr,
)
def test_fromiter_bad_iterable(iterable: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error):
        np.fromiter(iterable, np.float64)  # NumPy's type is the oracle
    with pytest.raises(error, match=message):
        tb.fromiter(iterable, tb.float64)


@pytest.mark.parametrize(
    ("buffer", "dtype", "count", "offset"),
    [(b"\x01\x02\x03\x04", np.uint8, -1, 0), (b"\x01\x00\x02\x00", np.int16, -1, 0),
     (b"\x00" * 16, None, -1, 0), (b"\x01\x02\x03\x04", np.uint8, 2, 1)],
    ids=str,
)  # fmt: skip
def test_frombuffer(buffer: bytes, dtype: Any, count: int, offset: int) -> None:
    kwargs = {} if dtype is None else {"dtype": dtype}
    matches(
        tb.frombuffer(buffer, count=count, offset=offset, **kwargs),
        np.frombuffer(buffer, count=count, offset=offset, **kwargs),
    )


def test_frombuffer_shares_writable_buffers() -> None:
    buf = bytearray(b"\x01\x02\x03")
    t = tb.frombuffer(buf, tb.uint8)
    buf[0] = 9
    assert int(t[0]) == 9
    ro = tb.frombuffer(b"\x01\x02", tb.uint8)  # read-only bytes: a copy, writable
    ro[0] = 5
    assert ro.tolist() == [5, 2]
    with pytest.raises(ValueError, match=r"^frombuffer: buffer size must be a multiple"):
        tb.frombuffer(b"\x01\x02\x03", tb.int16)


@pytest.mark.parametrize("buffer", [None, "abc", [1, 2]], ids=repr)
def test_frombuffer_needs_a_buffer(buffer: Any) -> None:
    with pytest.raises(TypeError):
        np.frombuffer(buffer, np.uint8)
    message = (
        rf"^frombuffer: buffer must support the buffer protocol, got {type(buffer).__name__}; "
    )
    with pytest.raises(TypeError, match=message):
        tb.frombuffer(buffer, tb.uint8)


@pytest.mark.parametrize("function", [None, "abc", {}], ids=repr)
def test_fromfunction_needs_a_callable(function: Any) -> None:
    message = rf"^fromfunction: function must be callable, got {type(function).__name__}; "
    with pytest.raises(TypeError, match=message):
        tb.fromfunction(function, (2, 3))


@pytest.mark.parametrize(
    "value",
    [np.arange(6.0).reshape(2, 3).T, 5, [[1, 2], [3, 4]], np.zeros((0, 3))],
    ids=["transposed", "scalar", "list", "empty"],
)
@pytest.mark.parametrize("dtype", [None, np.float32], ids=str)
def test_ascontiguousarray(value: Any, dtype: Any) -> None:
    got = tb.ascontiguousarray(value, dtype)
    expected = np.ascontiguousarray(value, dtype)
    matches(got, expected)
    assert got.is_contiguous()


def test_ascontiguousarray_keeps_contiguous_tensors() -> None:
    x = torch.arange(6.0).reshape(2, 3)
    assert tb.ascontiguousarray(x) is x
    y = tb.ascontiguousarray(x.T)
    assert y.is_contiguous()
    assert not tb.shares_memory(x, y)


@pytest.mark.parametrize(
    ("args", "dtype"),
    [((3,), None), ((2, 4), None), ((3, 4, 1), np.int64), ((4, 3, -1), bool), ((3, 3, 5), np.float32),
     ((0,), None), ((3, None, -3), np.uint16)],
    ids=str,
)  # fmt: skip
def test_tri(args: tuple[Any, ...], dtype: Any, device: torch.device) -> None:
    kwargs = {} if dtype is None else {"dtype": dtype}
    matches(tb.tri(*args, device=device, **kwargs), np.tri(*args, **kwargs), device)


DIAG_DTYPES = [tb.int64, tb.uint16, tb.float32, tb.complex128, tb.bool]


@pytest.mark.parametrize("dtype", DIAG_DTYPES, ids=str)
@pytest.mark.parametrize(
    ("shape", "k"), [((3,), 0), ((3,), 2), ((3,), -1), ((3, 4), 0), ((3, 4), 2), ((3, 4), -2),
                     ((3, 4), 9), ((0,), 0), ((2, 2), -5)],
    ids=str,
)  # fmt: skip
def test_diag(dtype: torch.dtype, shape: Any, k: int, device: torch.device) -> None:
    a = (
        (np.arange(int(np.prod(shape))) + 1)
        .reshape(shape)
        .astype(tb.to_numpy(torch.zeros(0, dtype=dtype)).dtype)
    )
    matches(tb.diag(tb.asarray(a, device=device), k), np.diag(a, k), device)


@pytest.mark.parametrize("dtype", DIAG_DTYPES, ids=str)
@pytest.mark.parametrize(
    ("shape", "k"), [((2, 2), 0), ((3,), 1), ((2, 1, 2), -2), ((), 0)], ids=str
)
def test_diagflat(dtype: torch.dtype, shape: Any, k: int, device: torch.device) -> None:
    a = (
        (np.arange(int(np.prod(shape))) + 1)
        .reshape(shape)
        .astype(tb.to_numpy(torch.zeros(0, dtype=dtype)).dtype)
    )
    matches(tb.diagflat(tb.asarray(a, device=device), k), np.diagflat(a, k), device)


@pytest.mark.parametrize(
    "x",
    [[1, 2, 3], np.array([1.5, -2.0], dtype=np.float32), np.array([1, 2, 3], dtype=np.int8),
     [True, False], np.array([2, 3], dtype=np.uint16), [], [1 + 1j, 2]],
    ids=str,
)  # fmt: skip
@pytest.mark.parametrize("N", [None, 0, 1, 4])
@pytest.mark.parametrize("increasing", [False, True])
def test_vander(x: Any, N: Any, increasing: bool) -> None:
    matches(tb.vander(x, N, increasing), np.vander(x, N, increasing))


@pytest.mark.parametrize("n", [-1, 2.5, "a", None, True, [2]], ids=repr)
def test_identity_refuses_what_numpy_refuses_with_its_exception_class(n: Any) -> None:
    with pytest.raises((TypeError, ValueError)) as expected:
        np.identity(n)
    with pytest.raises((TypeError, ValueError), match=r"^identity: ") as got:
        tb.identity(n)
    assert type(got.value) is type(expected.value)


BAD: list[tuple[Callable[[], Any], type[Exception], str]] = [
    (lambda: tb.identity(-1), ValueError, r"^identity: negative size -1"),
    (lambda: tb.identity(2.5), TypeError, r"^identity: size 2.5 is not an integer"),
    (lambda: tb.identity(2, "flaot32"), TypeError, r"^identity: dtype='flaot32' is not a dtype"),
    (lambda: tb.identity(2, device="gpu"), ValueError, r"^identity: device='gpu' is not a device"),
    (lambda: tb.logspace(0, 1, -1), ValueError, r"^logspace: num=-1 must be non-negative"),
    (lambda: tb.logspace(0, 1, 2.5), TypeError, r"^logspace: num=2.5 is not an integer"),
    (
        lambda: tb.geomspace(0, 10, 3),
        ValueError,
        r"geomspace: start=0 and stop=10: a geometric sequence cannot include zero",
    ),
    (
        lambda: tb.geomspace([1, 0], 10, 3),
        ValueError,
        r"geomspace: start=\(2,\) and stop=10: a geometric sequence",
    ),
    (lambda: tb.fromiter(range(3), "nope"), TypeError, r"^fromiter: dtype='nope' is not a dtype"),
    (
        lambda: tb.frombuffer(b"\x00" * 4, np.uint8, 2, 3),
        ValueError,
        r"^frombuffer: buffer is smaller than requested size",
    ),
    (lambda: tb.tri(-1), ValueError, r"tri: negative size -1"),
    (lambda: tb.tri(2, 2, 0.5), TypeError, r"tri: k=0.5 is not an integer"),
    (
        lambda: tb.diag(torch.zeros(2, 2, 2)),
        ValueError,
        r"diag: v must be 1-d \(to build a matrix\) or 2-d \(to read a diagonal\), got shape \(2, 2, 2\)",
    ),
    (lambda: tb.diag(torch.zeros(2), 1.5), TypeError, r"diag: k=1.5 is not an integer"),
    (lambda: tb.diagflat(None), TypeError, r"diagflat: v must be array data"),
    (
        lambda: tb.vander(torch.zeros(2, 2)),
        ValueError,
        r"vander: x must be 1-d, got shape \(2, 2\)",
    ),
    (lambda: tb.vander([1, 2], -1), ValueError, r"vander: N=-1 must be a non-negative integer"),
]


@pytest.mark.parametrize(("call", "error", "match"), BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_input_messages(call: Callable[[], Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match) as info:
        call()
    assert type(info.value) is not RuntimeError


def test_one_backward_per_family() -> None:
    lo = torch.tensor([0.5], dtype=torch.float64, requires_grad=True)
    (tb.logspace(lo, 2.0, 3) + tb.geomspace(torch.exp(lo), 8.0, 3)).sum().backward()  # type: ignore[no-untyped-call]
    assert lo.grad is not None
    assert float(lo.grad) > 0
    v = torch.arange(1.0, 4.0, dtype=torch.float64, requires_grad=True)
    (tb.diag(v, 1).sum() + tb.diagflat(v).sum() + tb.vander(v, 3).sum()).backward()  # type: ignore[no-untyped-call]
    assert v.grad is not None
    values = np.arange(1.0, 4.0)
    np.testing.assert_allclose(v.grad.numpy(), 1 + 1 + (2 * values + 1))


# ---- asarray_chkfinite, require ---------------------------------------------------------------

CHK_DTYPES = [tb.bool, tb.int8, tb.uint8, tb.int64, tb.float16, tb.float32, tb.float64,
              tb.complex128]  # fmt: skip


@pytest.mark.parametrize("dtype", CHK_DTYPES, ids=str)
@pytest.mark.parametrize("shape", [(), (0,), (3,), (2, 3)], ids=str)
def test_asarray_chkfinite_of_finite_data(dtype: torch.dtype, shape: Any) -> None:
    a = (np.arange(int(np.prod(shape))).reshape(shape) % 3).astype(
        tb.to_numpy(torch.zeros((), dtype=dtype)).dtype
    )
    t = tb.asarray(a, copy=True)
    got = tb.asarray_chkfinite(t)
    assert got is t
    assert_matches_numpy(got, np.asarray_chkfinite(a))
    assert_matches_numpy(tb.asarray_chkfinite(a.tolist()), np.asarray_chkfinite(a.tolist()))


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf, complex(0, np.inf)], ids=repr)
@pytest.mark.parametrize("dtype", [tb.float32, tb.float64, tb.complex64], ids=str)
def test_asarray_chkfinite_refuses_nan_and_inf(bad: Any, dtype: torch.dtype) -> None:
    if isinstance(bad, complex) and not dtype.is_complex:
        return
    values = [1.0, bad, 2.0]
    with pytest.raises(ValueError, match="infs or NaNs"):
        np.asarray_chkfinite(np.asarray(values, dtype=tb.to_numpy(tb.zeros(1, dtype=dtype)).dtype))
    with pytest.raises(ValueError, match=r"asarray_chkfinite: a holds NaN or infinite values"):
        tb.asarray_chkfinite(tb.asarray(values, dtype=dtype))


def test_asarray_chkfinite_options() -> None:
    x = tb.zeros((2, 3)).T
    assert tb.asarray_chkfinite(x, order="C").is_contiguous()
    assert tb.asarray_chkfinite(x, order="K") is x
    assert tb.asarray_chkfinite([1, 2], dtype=tb.float32).dtype == torch.float32
    with pytest.raises(ValueError, match=r"asarray_chkfinite: order='F' is not supported"):
        tb.asarray_chkfinite(x, order="F")
    meta = torch.full((2,), float("nan"), device="meta")
    assert tb.asarray_chkfinite(meta) is meta  # no values to read


def test_asarray_chkfinite_stays_on_the_graph() -> None:
    x = torch.ones(3, requires_grad=True)
    tb.asarray_chkfinite(x).sum().backward()
    assert x.grad is not None


@pytest.mark.parametrize(
    "requirements",
    [
        None,
        "C",
        "F",
        "A",
        "W",
        "O",
        "E",
        ["C", "W"],
        ["F", "O"],
        ("ALIGNED", "WRITEABLE"),
        "c",
        ["F_CONTIGUOUS"],
    ],
    ids=str,
)
@pytest.mark.parametrize("layout", ["contiguous", "transposed", "sliced", "broadcast"])
def test_require(requirements: Any, layout: str) -> None:
    base = np.arange(12.0).reshape(3, 4)
    a = {
        "contiguous": base,
        "transposed": base.T,
        "sliced": base[:, ::2],
        "broadcast": np.broadcast_to(base[:1], (3, 4)),
    }[layout]
    t = {
        "contiguous": torch.from_numpy(base.copy()),
        "transposed": torch.from_numpy(base.copy()).T,
        "sliced": torch.from_numpy(base.copy())[:, ::2],
        "broadcast": torch.from_numpy(base.copy())[:1].expand(3, 4),
    }[layout]
    want = np.require(a, requirements=requirements)
    got = tb.require(t, requirements=requirements)
    assert_matches_numpy(got, want)
    flags = {"C": "C_CONTIGUOUS", "F": "F_CONTIGUOUS"}
    listed = [requirements] if isinstance(requirements, str) else list(requirements or [])
    for r in listed:
        key = flags.get(r.upper()[:1]) if r.upper()[:1] in "CF" else None
        if key == "C_CONTIGUOUS":
            assert got.is_contiguous()
        if key == "F_CONTIGUOUS":
            assert got.mT.is_contiguous()
        if r.upper()[:1] == "O" and t._is_view():  # a view of another tensor: copied
            assert got.untyped_storage().data_ptr() != t.untyped_storage().data_ptr()
        if r.upper()[:1] == "W":
            assert 0 not in got.stride()
    if requirements is None or set(listed) <= {"A", "E"}:
        assert got is t


def test_require_copies_only_when_it_must() -> None:
    x = torch.zeros((2, 3))
    assert tb.require(x, requirements=["C", "A", "W", "O", "E"]) is x
    assert tb.require(x, dtype=tb.float64).dtype == torch.float64
    a = np.zeros(3)
    owned = tb.require(a, requirements="O")
    owned[0] = 1.0
    assert a[0] == 0.0


def test_require_stays_on_the_graph() -> None:
    x = torch.ones((2, 3), requires_grad=True)
    tb.require(x.T, requirements="C").sum().backward()
    assert x.grad is not None


@pytest.mark.parametrize(
    ("requirements", "exc", "match"),
    [
        ("X", ValueError, r"require: 'X' is not a requirement"),
        (["C", "F"], ValueError, r"require: 'C' and 'F' ask for two layouts"),
        (3, TypeError, r"require: requirements must be a string or a sequence"),
    ],
)
def test_require_refuses(requirements: Any, exc: type[Exception], match: str) -> None:
    with pytest.raises(exc, match=match):
        tb.require(tb.zeros(3), requirements=requirements)


# ---- sizes too big to exist, or to allocate ---------------------------------------------------

HUGE: list[tuple[str, Callable[[Any], Any], str]] = [
    ("identity", lambda m: m.identity(TOO_BIG), rf"^identity: an array of shape \({TOO_BIG}, "
     rf"{TOO_BIG}\) and dtype torch.float64 {TOO_BIG_TEXT}; pass a smaller size$"),
    ("identity-memory", lambda m: m.identity(2**29), r"^identity: unable to allocate 2.00 EiB "
     r"for an array of shape \(536870912, 536870912\)"),
    ("tri", lambda m: m.tri(TOO_BIG), rf"^tri: .*{TOO_BIG_TEXT}; pass a smaller size$"),
    ("tri-memory", lambda m: m.tri(NO_MEMORY, 1), rf"^tri: {NO_MEMORY_TEXT} 1\) and dtype "
     r"torch.float64"),
    ("tri-bool", lambda m: m.tri(TOO_BIG, dtype=bool), rf"^tri: .*torch.bool {TOO_BIG_TEXT}"),
    ("logspace", lambda m: m.logspace(0, 1, TOO_BIG), rf"^logspace: an array of shape "
     rf"\({TOO_BIG},\) and dtype torch.float64 {TOO_BIG_TEXT}; pass a smaller num$"),
    ("logspace-memory", lambda m: m.logspace(0, 1, NO_MEMORY), rf"^logspace: {NO_MEMORY_TEXT}"),
    ("logspace-arrays", lambda m: m.logspace(m.asarray([0.0, 1.0]), 2.0, TOO_BIG), rf"^logspace: "
     rf".*{TOO_BIG_TEXT}"),
    ("vander", lambda m: m.vander(m.asarray([1.0, 2.0, 3.0]), TOO_BIG), rf"^vander: an array of "
     rf"shape \(3, {TOO_BIG}\) .*{TOO_BIG_TEXT}; pass a smaller N$"),
    ("vander-memory", lambda m: m.vander(m.asarray([1.0, 2.0]), NO_MEMORY), r"^vander: unable to "
     r"allocate 4.00 EiB"),
    ("fromfunction", lambda m: m.fromfunction(lambda i, j: i + j, (2**40, 2**40)), r"^fromfunction: "
     rf"an array of shape \(2, 1099511627776, 1099511627776\) .*{TOO_BIG_TEXT}"),
    ("fromiter", lambda m: m.fromiter(iter([1.0, 2.0]), float, TOO_BIG), rf"^fromiter: an "
     rf"array of shape \({TOO_BIG},\) and dtype torch.float64 {TOO_BIG_TEXT}; pass a smaller "
     r"count$"),
    ("fromiter-memory", lambda m: m.fromiter(iter([1.0]), float, NO_MEMORY), rf"^fromiter: "
     rf"{NO_MEMORY_TEXT}"),
    ("diag", lambda m: m.diag(m.asarray([1.0, 2.0, 3.0]), 2**31), r"^diag: an array of shape "
     rf"\(2147483651, 2147483651\) .*{TOO_BIG_TEXT}; pass a smaller k$"),
    ("diag-memory", lambda m: m.diag(m.asarray([1.0, 2.0, 3.0]), -(2**29)), r"^diag: unable to "
     r"allocate 2.00 EiB for an array of shape \(536870915, 536870915\)"),
    ("diagflat", lambda m: m.diagflat(m.asarray([[1.0, 2.0]]), TOO_BIG), rf"^diagflat: "
     rf".*{TOO_BIG_TEXT}"),
    ("fromfunction-memory", lambda m: m.fromfunction(lambda i: i, (NO_MEMORY,)), r"^fromfunction: "
     rf"{NO_MEMORY_TEXT}"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "message"), [h[1:] for h in HUGE], ids=[h[0] for h in HUGE])
def test_sizes_too_big_raise_numpys_error(call: Callable[[Any], Any], message: str) -> None:
    check_refused(call, message)


def test_tri_of_a_result_too_big_to_exist_is_a_value_error() -> None:
    # NumPy's tri allocates arange(N) before the (N, M) result, so its error for N = 2**40 is a
    # MemoryError for 8 TiB; the result's 2**80 elements cannot exist at all: ValueError
    with pytest.raises(ValueError, match=r"^tri: an array of shape \(1099511627776, "
                       rf"1099511627776\) and dtype torch.float64 {TOO_BIG_TEXT}"):  # fmt: skip
        tb.tri(2**40)
