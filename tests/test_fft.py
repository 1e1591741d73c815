"""tbridge.fft: NumPy 2's transforms as the oracle (values and result dtypes), every device.

On NumPy 1.x, which transforms in double precision only, ``np2.fft`` gives NumPy 2's result
dtypes (``tests/_numpy_compat.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from numpy.exceptions import AxisError

import tbridge as tb
from tbridge._core.dtypes import numpy_dtype_of, torch_dtype_of_numpy
from tests._huge import NO_MEMORY, NO_MEMORY_TEXT, TOO_BIG, TOO_BIG_TEXT, check_refused
from tests._numpy_compat import np2

RNG = np.random.default_rng(0)
SHAPE = (4, 6)
CPU = torch.device("cpu")

#: input dtypes: NumPy's answer for float16 is float32 precision, for integers float64.
ANY_INPUT = [tb.float32, tb.float64, tb.complex64, tb.complex128, tb.float16, tb.int32, tb.uint16]
REAL_INPUT = [tb.float32, tb.float64, tb.float16, tb.int64, tb.uint8, tb.bool]


def _data(dtype: torch.dtype, shape: tuple[int, ...] = SHAPE) -> np.ndarray[Any, Any]:
    nd = numpy_dtype_of(dtype)
    assert nd is not None
    values = RNG.integers(0, 5, size=shape)
    if dtype.is_complex:
        return (values + 1j * RNG.integers(0, 5, size=shape)).astype(nd)
    return values.astype(nd)


def _check(
    out: torch.Tensor, expected: np.ndarray[Any, Any], device: torch.device, half: bool = False
) -> None:
    """Metadata first (type, shape, dtype, device), then values off the meta device.

    ``half``: the input was float16, which NumPy transforms with float16 scale factors (tbridge
    scales in float32), so values agree to float16 precision only.
    """
    assert type(out) is torch.Tensor
    assert tuple(out.shape) == expected.shape
    assert out.dtype is torch_dtype_of_numpy(expected.dtype)
    assert out.device.type == device.type
    if device.type != "meta":
        tol = 1e-5 if expected.dtype in (np.float32, np.complex64) else 1e-12
        tol = 2e-3 if half or expected.dtype == np.float16 else tol
        np.testing.assert_allclose(out.cpu().numpy(), expected, rtol=tol, atol=tol * 10)


ONE_D: list[tuple[str, Callable[..., torch.Tensor], Callable[..., Any], list[torch.dtype]]] = [
    ("fft", tb.fft.fft, np2.fft.fft, ANY_INPUT),
    ("ifft", tb.fft.ifft, np2.fft.ifft, ANY_INPUT),
    ("rfft", tb.fft.rfft, np2.fft.rfft, REAL_INPUT),
    ("irfft", tb.fft.irfft, np2.fft.irfft, ANY_INPUT),
    ("hfft", tb.fft.hfft, np2.fft.hfft, ANY_INPUT),
    ("ihfft", tb.fft.ihfft, np2.fft.ihfft, REAL_INPUT),
]
ONE_D_CASES = [(name, f, g, dt) for name, f, g, dts in ONE_D for dt in dts]
ONE_D_KW: list[dict[str, Any]] = [
    {},
    {"n": 5, "axis": 0, "norm": "ortho"},
    {"n": 9, "axis": -1, "norm": "forward"},
    {"n": 2, "axis": 1},
]


@pytest.mark.parametrize(
    ("name", "fn", "np_fn", "dtype"), ONE_D_CASES, ids=[f"{c[0]}-{c[3]}" for c in ONE_D_CASES]
)
@pytest.mark.parametrize("kwargs", ONE_D_KW, ids=str)
def test_one_dimensional(
    *,
    name: str,
    fn: Callable[..., torch.Tensor],
    np_fn: Callable[..., Any],
    dtype: torch.dtype,
    kwargs: dict[str, Any],
    device: torch.device,
) -> None:
    data = _data(dtype)
    out = fn(torch.from_numpy(data).to(device), **kwargs)
    _check(out, np_fn(data, **kwargs), device, half=dtype == tb.float16)


N_D: list[tuple[str, Callable[..., torch.Tensor], Callable[..., Any], list[torch.dtype]]] = [
    ("fftn", tb.fft.fftn, np2.fft.fftn, ANY_INPUT),
    ("ifftn", tb.fft.ifftn, np2.fft.ifftn, ANY_INPUT),
    ("rfftn", tb.fft.rfftn, np2.fft.rfftn, REAL_INPUT),
    ("irfftn", tb.fft.irfftn, np2.fft.irfftn, ANY_INPUT),
]
N_D_CASES = [(name, f, g, dt) for name, f, g, dts in N_D for dt in dts]
N_D_KW: list[dict[str, Any]] = [
    {},
    {"axes": [0], "norm": "ortho"},
    {"s": (3, 7), "axes": (1, 0), "norm": "forward"},
    {"s": (-1, 8), "axes": (0, 1)},
]


@pytest.mark.parametrize(
    ("name", "fn", "np_fn", "dtype"), N_D_CASES, ids=[f"{c[0]}-{c[3]}" for c in N_D_CASES]
)
@pytest.mark.parametrize("kwargs", N_D_KW, ids=str)
def test_n_dimensional(
    *,
    name: str,
    fn: Callable[..., torch.Tensor],
    np_fn: Callable[..., Any],
    dtype: torch.dtype,
    kwargs: dict[str, Any],
    device: torch.device,
) -> None:
    data = _data(dtype, (3, 4, 6))
    out = fn(torch.from_numpy(data).to(device), **kwargs)
    expected = np_fn(data, **kwargs)
    _check(out, expected, device, half=dtype == tb.float16)


def test_integer_input_follows_the_default_float() -> None:
    x = torch.arange(8)
    assert tb.fft.fft(x).dtype is tb.complex128
    with tb.default_float(tb.float32):
        assert tb.fft.fft(x).dtype is tb.complex64
        assert tb.fft.irfft(x).dtype is tb.float32


def test_numpy_input_is_accepted() -> None:
    out = tb.fft.fft(np.arange(4.0))  # type: ignore[arg-type]
    np.testing.assert_allclose(out.numpy(), np.fft.fft(np.arange(4.0)))


def test_transforms_stay_on_the_autograd_graph() -> None:
    x = torch.arange(6.0, dtype=torch.float64, requires_grad=True)
    tb.fft.rfft(x).abs().sum().backward()  # type: ignore[no-untyped-call]
    assert x.grad is not None


FFT_FAILURES: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "rfft-complex",
        lambda: tb.fft.rfft(torch.ones(4, dtype=torch.complex64)),
        TypeError,
        r"^fft.rfft: x is torch.complex64, but rfft transforms real input; pass a real array",
    ),
    (
        "ihfft-complex",
        lambda: tb.fft.ihfft(torch.ones(4, dtype=torch.complex128)),
        TypeError,
        r"^fft.ihfft: x is torch.complex128, but ihfft transforms real input",
    ),
    (
        "rfftn-complex",
        lambda: tb.fft.rfftn([1j, 2j]),
        TypeError,
        r"^fft.rfftn: x is torch.complex128, but rfftn transforms real input",
    ),
    (
        "fft-norm",
        lambda: tb.fft.fft(torch.ones(4), norm="sideways"),  # type: ignore[arg-type]
        ValueError,
        r"^fft.fft: norm='sideways' is not a normalization; pass 'backward' \(the default, also "
        r"None\), 'ortho' or 'forward'$",
    ),
    (
        "ifftn-norm",
        lambda: tb.fft.ifftn(torch.ones(4), norm="ORTHO"),  # type: ignore[arg-type]
        ValueError,
        r"^fft.ifftn: norm='ORTHO' is not a normalization",
    ),
    (
        "ihfft-norm",
        lambda: tb.fft.ihfft(torch.ones(4), norm="x"),  # type: ignore[arg-type]
        ValueError,
        r"^fft.ihfft: norm='x' is not a normalization",
    ),
    (
        "fft-n-zero",
        lambda: tb.fft.fft(torch.ones(4), n=0),
        ValueError,
        r"^fft.fft: n=0 for x of shape \(4,\): transform sizes must be at least 1$",
    ),
    (
        "irfft-n-negative",
        lambda: tb.fft.irfft(torch.ones(4), -3),
        ValueError,
        r"^fft.irfft: n=-3 for x of shape \(4,\): transform sizes must be at least 1$",
    ),
    (
        "hfft-n-float",
        lambda: tb.fft.hfft(torch.ones(4), 2.5),  # type: ignore[arg-type]
        TypeError,
        r"^fft.hfft: n=2.5 must be integers$",
    ),
    (
        "fft-axis",
        lambda: tb.fft.fft(torch.ones(4, 4), axis=2),
        AxisError,
        r"^fft.fft: axis 2 is out of bounds for x of shape \(4, 4\) \(2 dimension\(s\)\)$",
    ),
    (
        "fft-0d",
        lambda: tb.fft.fft(torch.tensor(1.0)),
        AxisError,
        r"^fft.fft: axis -1 is out of bounds for x of shape \(\) \(0 dimension\(s\)\)$",
    ),
    (
        "rfft-empty",
        lambda: tb.fft.rfft(torch.ones(0)),
        ValueError,
        r"^fft.rfft: x of shape \(0,\) has no data points along a transformed axis; pass n to "
        "zero-pad it, or non-empty input$",
    ),
    (
        "rfftn-s-zero",
        lambda: tb.fft.rfftn(torch.ones(4, 4), s=(0, 2), axes=(0, 1)),
        ValueError,
        r"^fft.rfftn: s=\(0, 2\) for x of shape \(4, 4\): transform sizes must be at least 1 "
        r"\(or -1, which keeps the axis's size\)$",
    ),
    (
        "fftn-lengths",
        lambda: tb.fft.fftn(torch.ones(4, 4), s=(4,), axes=(0, 1)),
        ValueError,
        r"^fft.fftn: s=\(4,\) and axes=\(0, 1\) have different lengths",
    ),
    (
        "fftn-repeated",
        lambda: tb.fft.fftn(torch.ones(4, 4), axes=(0, -2)),
        ValueError,
        r"^fft.fftn: axes=\(0, -2\) names an axis twice",
    ),
    (
        "irfftn-axis",
        lambda: tb.fft.irfftn(torch.ones(4, 4), axes=(0, 5)),
        AxisError,
        r"^fft.irfftn: axis 5 is out of bounds for x of shape \(4, 4\)",
    ),
    (
        "fftn-axes-float",
        lambda: tb.fft.fftn(torch.ones(4, 4), axes=(0.5,)),  # type: ignore[arg-type]
        TypeError,
        r"^fft.fftn: axes=\(0.5,\) must be integers$",
    ),
    (
        "fftn-axes-array",
        lambda: tb.fft.fftn(torch.ones(4, 4), axes=np.array([0, 1])),  # type: ignore[arg-type]
        TypeError,
        r"^fft.fftn: axes=array\(\[0, 1\]\) must be integers$",
    ),
    (
        "fft-axis-tensor",
        lambda: tb.fft.fft(torch.ones(4, 4), axis=torch.tensor([0, 1])),  # type: ignore[arg-type]
        TypeError,
        r"^fft.fft: axis=tensor\(\[0, 1\]\) must be integers$",
    ),
    (
        "fftshift-axis",
        lambda: tb.fft.fftshift(torch.ones(4), axes=3),
        AxisError,
        r"^fft.fftshift: axis 3 is out of bounds for x of shape \(4,\)",
    ),
    (
        "ifftshift-axis",
        lambda: tb.fft.ifftshift([1, 2], axes=(0, -2)),
        AxisError,
        r"^fft.ifftshift: axis -2 is out of bounds for x of shape \(2,\)",
    ),
    (
        "fft-str",
        lambda: tb.fft.fft("ab"),  # type: ignore[arg-type]
        TypeError,
        r"^fft.fft: x must be array data .*, got str",
    ),
    (
        "fft-out-dtype",
        lambda: tb.fft.fft(
            torch.ones(4, dtype=torch.float32), out=torch.empty(4, dtype=torch.float32)
        ),
        TypeError,
        r"^fft.fft: cannot cast the torch.complex64 result into out of dtype torch.float32",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [f[1:] for f in FFT_FAILURES], ids=[f[0] for f in FFT_FAILURES]
)
def test_bad_input(call: Callable[[], Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


# ---- frequencies ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fn", "np_fn"), [(tb.fft.fftfreq, np.fft.fftfreq), (tb.fft.rfftfreq, np.fft.rfftfreq)]
)
@pytest.mark.parametrize("n", [1, 2, 7, 10])
@pytest.mark.parametrize("d", [1.0, 0.25, 3])
def test_frequencies_match_numpy(
    fn: Callable[..., torch.Tensor],
    np_fn: Callable[..., Any],
    n: int,
    d: float,
    device: torch.device,
) -> None:
    out = fn(n, d=d, device=device)
    _check(out, np_fn(n, d=d), device)


@pytest.mark.parametrize("fn", [tb.fft.fftfreq, tb.fft.rfftfreq])
@pytest.mark.parametrize("dtype", [tb.float32, tb.float16, "float64", np.float32])
def test_frequencies_dtype(fn: Callable[..., torch.Tensor], dtype: Any) -> None:
    assert fn(6, dtype=dtype).dtype is tb.zeros(1, dtype=dtype).dtype


@pytest.mark.parametrize("fn", [tb.fft.fftfreq, tb.fft.rfftfreq])
def test_frequencies_default_float_and_cpu(fn: Callable[..., torch.Tensor]) -> None:
    assert fn(4).dtype is tb.float64
    assert fn(4).device.type == "cpu"
    with tb.default_float(tb.float32):
        assert fn(4).dtype is tb.float32


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: tb.fft.fftfreq(0), ValueError, r"^fft.fftfreq: n=0 must be at least 1"),
        (lambda: tb.fft.rfftfreq(2.5), TypeError, r"^fft.rfftfreq: n=2.5 must be an integer"),  # type: ignore[arg-type]
        (lambda: tb.fft.fftfreq(True), TypeError, r"^fft.fftfreq: n=True must be an integer"),
        (
            lambda: tb.fft.fftfreq(4, dtype=tb.int64),
            TypeError,
            r"^fft.fftfreq: dtype=torch.int64 is not a real floating dtype; pass e.g. tb.float32",
        ),
        (
            lambda: tb.fft.rfftfreq(4, dtype=tb.complex64),
            TypeError,
            r"^fft.rfftfreq: dtype=torch.complex64 is not a real floating dtype",
        ),
    ],
)
def test_frequencies_bad_input(
    call: Callable[[], Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


# ---- shifts ---------------------------------------------------------------------------------

SHIFT_DTYPES = [tb.float64, tb.complex64, tb.int8, tb.uint16, tb.uint64, tb.bool]


@pytest.mark.parametrize(
    ("fn", "np_fn"), [(tb.fft.fftshift, np.fft.fftshift), (tb.fft.ifftshift, np.fft.ifftshift)]
)
@pytest.mark.parametrize("dtype", SHIFT_DTYPES, ids=str)
@pytest.mark.parametrize("axes", [None, 0, -1, (0, 2), [1]], ids=str)
def test_shifts_match_numpy(
    fn: Callable[..., torch.Tensor],
    np_fn: Callable[..., Any],
    dtype: torch.dtype,
    axes: Any,
    device: torch.device,
) -> None:
    data = _data(dtype, (3, 4, 5))
    out = fn(torch.from_numpy(data).to(device), axes=axes)
    expected = np_fn(data, axes=axes)
    assert type(out) is torch.Tensor
    assert tuple(out.shape) == expected.shape
    assert out.dtype is dtype
    assert out.device.type == device.type
    if device.type != "meta":
        np.testing.assert_array_equal(out.numpy(), expected)


# ---- fast paths -----------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [tb.float32, tb.float64], ids=str)
@pytest.mark.parametrize("shape", [(1,), (8,), (7,), (3, 4), (2, 3, 5)], ids=str)
def test_ihfft_default_call_is_torch_ihfft_materialized(
    dtype: torch.dtype, shape: tuple[int, ...]
) -> None:
    x = torch.from_numpy(_data(dtype, shape))
    if x.numel() > 2:
        x.view(-1)[0] = float("inf")
    out = tb.fft.ihfft(x)
    want = torch.fft.ihfft(x).resolve_conj()
    assert not out.is_conj()
    assert out.dtype is want.dtype
    assert torch.equal(torch.view_as_real(out).nan_to_num(), torch.view_as_real(want).nan_to_num())


def test_ihfft_default_call_stays_on_the_graph() -> None:
    x = torch.arange(6.0, dtype=torch.float64, requires_grad=True)
    y = x.detach().clone().requires_grad_()
    torch.view_as_real(tb.fft.ihfft(x)).pow(2).sum().backward()  # type: ignore[no-untyped-call]
    torch.view_as_real(torch.fft.ihfft(y).resolve_conj()).pow(2).sum().backward()  # type: ignore[no-untyped-call]
    assert x.grad is not None
    assert y.grad is not None
    np.testing.assert_allclose(x.grad.numpy(), y.grad.numpy())


@pytest.mark.parametrize("fn", [tb.fft.fftfreq, tb.fft.rfftfreq])
def test_frequencies_ignore_torch_default_device(fn: Callable[..., torch.Tensor]) -> None:
    torch.set_default_device("meta")  # conftest restores it
    assert fn(4).device.type == "cpu"
    assert fn(4, d=0.5).device.type == "cpu"


@pytest.mark.parametrize(
    ("s", "axes"), [((3, -1), (0, 1)), ((-1, -1), (0, 1)), ((-1,), (2,)), ((4, -1), (1, 2))]
)
def test_irfftn_minus_one_on_the_last_axis_keeps_the_input_length(
    s: tuple[int, ...], axes: tuple[int, ...]
) -> None:
    x = np.ones((3, 5, 4), dtype=np.complex128)
    # NumPy 2 reads -1 as the input's length; NumPy 1.26 has no -1, so spell it out.
    sizes = tuple(x.shape[a] if v == -1 else v for v, a in zip(s, axes, strict=True))
    expected = np.fft.irfftn(x, s=sizes, axes=axes)
    got = tb.fft.irfftn(tb.asarray(x), s=s, axes=axes)
    assert tuple(got.shape) == expected.shape
    np.testing.assert_allclose(got.numpy(), expected, atol=1e-12)


# ---- NumPy's signatures -----------------------------------------------------------------------

POSITIONAL: list[tuple[str, tuple[Any, ...]]] = [
    ("fft", (5, 0, "ortho")),
    ("ifft", (8, -1, None)),
    ("rfft", (7, 1, "forward")),
    ("irfft", (6, 0)),
    ("hfft", (None, -1, "ortho")),
    ("ihfft", (4,)),
    ("fftn", ((3, 5), (1, 0), "ortho")),
    ("ifftn", (None, (0,), None)),
    ("rfftn", ((4, 4), (0, 1))),
    ("irfftn", ((3, 6), (0, 1), "forward")),
]


@pytest.mark.parametrize(("name", "args"), POSITIONAL, ids=[p[0] for p in POSITIONAL])
def test_numpy_positional_arguments_and_norm_none(name: str, args: tuple[Any, ...]) -> None:
    data = _data(tb.float64, SHAPE)
    expected = getattr(np2.fft, name)(data, *args)
    _check(getattr(tb.fft, name)(torch.from_numpy(data), *args), expected, CPU)


@pytest.mark.parametrize(
    "name", ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fftn", "irfftn"]
)
def test_out_receives_the_result(name: str) -> None:
    data = _data(tb.float64, SHAPE)
    expected = getattr(np.fft, name)(data)
    out = torch.empty(expected.shape, dtype=tb.asarray(expected).dtype)
    assert getattr(tb.fft, name)(torch.from_numpy(data), out=out) is out
    _check(out, expected, CPU)


@pytest.mark.parametrize("name", ["fft", "rfftn", "ihfft", "irfft"])
def test_lists_go_through_the_gate(name: str) -> None:
    data = [[1, 2, 3, 4], [0, 1, 0, 1]]
    _check(getattr(tb.fft, name)(data), getattr(np2.fft, name)(np.array(data)), CPU)


@pytest.mark.parametrize(
    ("fn", "np_fn"), [(tb.fft.fftfreq, np.fft.fftfreq), (tb.fft.rfftfreq, np.fft.rfftfreq)]
)
@pytest.mark.parametrize("d", [0.1, 2, np.float64(0.5)], ids=str)
def test_frequencies_take_d_by_position(
    fn: Callable[..., torch.Tensor], np_fn: Callable[..., Any], d: Any
) -> None:
    _check(fn(6, d), np_fn(6, d), CPU)
    _check(fn(n=5, d=d), np_fn(n=5, d=d), CPU)


def test_frequencies_refuse_a_non_number_spacing() -> None:
    with pytest.raises(TypeError, match=r"^fft.fftfreq: d='x' must be a real number"):
        tb.fft.fftfreq(4, "x")  # type: ignore[arg-type]


def test_irfftn_of_half_precision_follows_numpy() -> None:
    """float16 stays float16 over one axis only (float32 over several), as in NumPy 2."""
    data = _data(tb.float16, (4, 6))
    assert tb.fft.irfftn(torch.from_numpy(data), axes=(1,)).dtype is tb.float16
    assert tb.fft.irfftn(torch.from_numpy(data)).dtype is tb.float32


# ---- sizes too big to exist, or to allocate ---------------------------------------------------

HUGE_LENGTHS: list[tuple[str, Callable[[Any], Any], str]] = [
    ("fftfreq", lambda m: m.fft.fftfreq(TOO_BIG), rf"^fft.fftfreq: an array of shape "
     rf"\({TOO_BIG},\) and dtype torch.float64 {TOO_BIG_TEXT}; pass a smaller n$"),
    ("fftfreq-spacing", lambda m: m.fft.fftfreq(NO_MEMORY, 0.5), rf"^fft.fftfreq: "
     rf"{NO_MEMORY_TEXT}"),
    ("rfftfreq", lambda m: m.fft.rfftfreq(TOO_BIG), r"^fft.rfftfreq: an array of shape "
     rf"\({TOO_BIG // 2 + 1},\) .*{TOO_BIG_TEXT}"),
    ("rfftfreq-memory", lambda m: m.fft.rfftfreq(NO_MEMORY), r"^fft.rfftfreq: unable to "
     r"allocate 1.00 EiB"),
    ("fft", lambda m: m.fft.fft(m.asarray([1.0, 2.0]), n=TOO_BIG), r"^fft.fft: an array of this "
     r"shape is too big to exist: .*; pass a smaller n$"),
    ("irfft-memory", lambda m: m.fft.irfft(m.asarray([1.0, 2.0]), n=NO_MEMORY), r"^fft.irfft: "
     r"unable to allocate .* pass a smaller n"),
    ("rfft-memory", lambda m: m.fft.rfft(m.asarray([1.0, 2.0]), n=NO_MEMORY), r"^fft.rfft: "
     r"unable to allocate"),
    ("rfftfreq-beyond-int64", lambda m: m.fft.rfftfreq(2**63), r"^fft.rfftfreq: an array of "
     r"shape \(4611686018427387905,\)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "message"), [h[1:] for h in HUGE_LENGTHS], ids=[h[0] for h in HUGE_LENGTHS]
)
def test_lengths_too_big_raise_numpys_error(call: Callable[[Any], Any], message: str) -> None:
    check_refused(call, message)


def test_fftfreq_beyond_int64_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"^fft.fftfreq: size 9223372036854775808 in shape "
                       r"\(9223372036854775808,\) is larger than"):  # fmt: skip
        tb.fft.fftfreq(2**63)


EMPTY_BATCH_1D: list[tuple[tuple[int, ...], dict[str, Any]]] = [
    ((0, 6), {}),
    ((0, 6), {"n": 4, "norm": "ortho"}),
    ((6, 0), {"axis": 0}),
    ((2, 0, 5), {"axis": -1}),
    ((0, 0, 5), {"axis": 2, "n": 3}),
]
EMPTY_BATCH_ND: list[tuple[tuple[int, ...], dict[str, Any]]] = [
    ((0, 4, 6), {"axes": (1, 2)}),
    ((4, 0, 6), {"axes": [0], "norm": "ortho"}),
    ((4, 6, 0), {"s": (3, 7), "axes": (1, 0)}),
    ((0, 4, 6), {"s": (5, 4), "axes": (-2, -1)}),
]
EMPTY_BATCH_CASES = [
    (*case, shape, kwargs) for case in ONE_D_CASES for shape, kwargs in EMPTY_BATCH_1D
] + [(*case, shape, kwargs) for case in N_D_CASES for shape, kwargs in EMPTY_BATCH_ND]


@pytest.mark.parametrize(
    ("name", "fn", "np_fn", "dtype", "shape", "kwargs"),
    EMPTY_BATCH_CASES,
    ids=[f"{c[0]}-{c[3]}-{c[4]}-{c[5]}" for c in EMPTY_BATCH_CASES],
)
def test_transforms_over_an_empty_batch_match_numpy(
    *,
    name: str,
    fn: Callable[..., torch.Tensor],
    np_fn: Callable[..., Any],
    dtype: torch.dtype,
    shape: tuple[int, ...],
    kwargs: dict[str, Any],
    device: torch.device,
) -> None:
    # torch's CPU FFT refuses a batch of none (MKL's "Inconsistent configuration"); NumPy
    # gives an empty result of the transform's shape and dtype.
    data = _data(dtype, shape)
    out = fn(torch.from_numpy(data).to(device), **kwargs)
    _check(out, np_fn(data, **kwargs), device)


@pytest.mark.parametrize("name", ["fft2", "rfft2", "ifft2", "irfft2"])
def test_two_dimensional_over_an_empty_batch_match_numpy(name: str) -> None:
    data = _data(tb.float64, (0, 3, 4))
    out = getattr(tb.fft, name)(torch.from_numpy(data))
    _check(out, getattr(np2.fft, name)(data), CPU)


def test_an_empty_batch_stays_on_the_autograd_graph() -> None:
    x = torch.zeros(0, 6, dtype=torch.float64, requires_grad=True)
    out = tb.fft.rfft(x)
    assert out.requires_grad
    tb.real(out).sum().backward()
    assert x.grad is not None
    assert x.grad.shape == (0, 6)


@pytest.mark.parametrize("name", ["fft", "rfft", "ihfft"])
def test_an_empty_transformed_axis_is_still_refused(name: str) -> None:
    with pytest.raises(ValueError, match="Invalid number of FFT data points"):
        getattr(np.fft, name)(np.zeros((3, 0)))
    with pytest.raises(ValueError, match="has no data points along a transformed axis"):
        getattr(tb.fft, name)(torch.zeros(3, 0, dtype=torch.float64))


@pytest.mark.parametrize("shape", [(3, 3), (0, 3)], ids=str)
@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"axes": 5}, AxisError, r"^fft.fftn: axis 5 is out of bounds"),
        ({"axes": 0.5}, TypeError, r"^fft.fftn: axes=0.5 must be integers$"),
        ({"s": 3.5}, TypeError, r"^fft.fftn: s=3.5 must be integers$"),
    ],
    ids=str,
)
def test_bad_axes_and_sizes_are_named_with_or_without_data(
    shape: tuple[int, ...], kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    # An axes or s that is one number, not a sequence, must reach the message naming it, also
    # through the empty-batch path (which reads the transformed axes after torch refuses).
    with pytest.raises(error, match=message):
        tb.fft.fftn(torch.zeros(shape, dtype=torch.float64), **kwargs)
