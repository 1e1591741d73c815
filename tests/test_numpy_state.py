"""Global state: print options onto torch's, and NumPy's floating-point error settings.

NumPy is the oracle for the error-settings bookkeeping (the same sequence of seterr/errstate
calls must give the same answers) and for the print options' names and values.
"""

from __future__ import annotations

import math
import threading
import warnings
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
import torch
from torch._tensor_str import PRINT_OPTS

import tbridge as tb
from tbridge._core.reporting import report_fp_error
from tests._helpers import needs_numpy2

MAPPED = ("precision", "threshold", "edgeitems", "linewidth", "suppress")


def _repr_dtype(dtype: torch.dtype) -> str:
    """The ``dtype=`` part of torch's tensor repr: torch leaves it out for its global default
    dtype, which the ``default-float64`` run sets to float64."""
    return "" if dtype == torch.get_default_dtype() else f", dtype={dtype}"


@pytest.fixture(autouse=True)
def _restore_print_options() -> Iterator[None]:
    saved = dict(vars(PRINT_OPTS))
    numpy_saved = np.get_printoptions()
    yield
    torch.set_printoptions(**saved)
    np.set_printoptions(**numpy_saved)


# ---- print options -------------------------------------------------------------------------

SETTINGS: list[dict[str, Any]] = [
    {"precision": 3},
    {"threshold": 5, "edgeitems": 2},
    {"linewidth": 40},
    {"suppress": True},
    {"precision": 2, "suppress": True, "linewidth": 120},
    {"threshold": 10_000},
]


@pytest.mark.parametrize("kwargs", SETTINGS, ids=repr)
def test_set_printoptions_records_numpys_values(kwargs: dict[str, Any]) -> None:
    np.set_printoptions(**kwargs)
    tb.set_printoptions(**kwargs)
    assert set(tb.get_printoptions()) == set(MAPPED) <= set(np.get_printoptions())
    # The options set read back as NumPy reads them back (the defaults stay torch's).
    assert {k: tb.get_printoptions()[k] for k in kwargs} == {  # type: ignore[literal-required]
        k: np.get_printoptions()[k]  # type: ignore[literal-required]
        for k in kwargs
    }


NUMPY_SCALAR_SETTINGS: list[dict[str, Any]] = [
    {"precision": np.int64(3)},
    {"threshold": np.int32(5), "edgeitems": np.int16(2)},
    {"linewidth": np.uint8(40)},
    {"suppress": np.True_},
    {"threshold": np.float64(np.inf)},
]


@pytest.mark.parametrize("kwargs", NUMPY_SCALAR_SETTINGS, ids=repr)
def test_set_printoptions_takes_numpy_scalars(kwargs: dict[str, Any]) -> None:
    np.set_printoptions(**kwargs)
    tb.set_printoptions(**kwargs)
    assert {k: tb.get_printoptions()[k] for k in kwargs} == {  # type: ignore[literal-required]
        k: np.get_printoptions()[k]  # type: ignore[literal-required]
        for k in kwargs
    }
    # torch receives Python numbers
    assert all(type(v) in (int, float, bool) for v in tb.get_printoptions().values())


def test_options_reach_torch_printing() -> None:
    tb.set_printoptions(precision=2, threshold=5, edgeitems=1, linewidth=50, suppress=True)
    assert (PRINT_OPTS.precision, PRINT_OPTS.threshold, PRINT_OPTS.edgeitems) == (2, 5, 1)
    assert (PRINT_OPTS.linewidth, PRINT_OPTS.sci_mode) == (50, False)
    shown = str(tb.asarray([1e-8, 1.0]))
    assert shown == f"tensor([0.00, 1.00]{_repr_dtype(torch.float64)})"
    assert str(tb.arange(10)).replace(" ", "") == "tensor([0,...,9])"


def test_none_keeps_each_option() -> None:
    tb.set_printoptions(precision=6, suppress=True)
    tb.set_printoptions(linewidth=99)
    assert tb.get_printoptions() == {
        "precision": 6,
        "threshold": 1000,
        "edgeitems": 3,
        "linewidth": 99,
        "suppress": True,
    }
    tb.set_printoptions(suppress=False)
    assert PRINT_OPTS.sci_mode is None  # torch chooses again
    assert tb.get_printoptions()["suppress"] is False


def test_threshold_inf_prints_everything() -> None:
    tb.set_printoptions(threshold=math.inf)
    assert "..." not in str(tb.arange(2000))


def test_printoptions_restores_after_the_block_and_errors() -> None:
    before = tb.get_printoptions()
    with tb.printoptions(precision=1, suppress=True) as inside:
        assert inside == {**before, "precision": 1, "suppress": True}
        assert str(tb.asarray([1.26])) == f"tensor([1.3]{_repr_dtype(torch.float64)})"
    assert tb.get_printoptions() == before
    with pytest.raises(KeyError), tb.printoptions(precision=7):
        raise KeyError("inside")
    assert tb.get_printoptions() == before


@pytest.mark.parametrize(
    "name", ["nanstr", "infstr", "formatter", "sign", "floatmode", "legacy", "override_repr"]
)
def test_options_without_torch_twin_are_refused(name: str) -> None:
    value: Any = {"float": str} if name == "formatter" else "x"
    message = (
        rf"printoptions: {name}=.* has no torch twin \(torch formats tensors itself: "
        rf"precision, threshold, edgeitems, linewidth and suppress are what it takes\); leave "
        rf"{name}=None, or print tb.to_numpy\(x\) under NumPy's own np.printoptions"
    )
    before = tb.get_printoptions()
    with pytest.raises(ValueError, match="^set_" + message):
        tb.set_printoptions(precision=1, **{name: value})
    with pytest.raises(ValueError, match="^" + message), tb.printoptions(**{name: value}):
        pass  # pragma: no cover - the context manager refuses before the block
    assert tb.get_printoptions() == before  # nothing half-applied


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"precision": 1.5}, TypeError, r"set_printoptions: precision=1.5 must be an integer"),
        ({"precision": -1}, ValueError, r"set_printoptions: precision=-1 must be >= 0"),
        ({"edgeitems": True}, TypeError, r"set_printoptions: edgeitems=True must be an integer"),
        ({"linewidth": 0}, ValueError, r"set_printoptions: linewidth=0 must be >= 1"),
        (
            {"threshold": math.nan},
            ValueError,
            r"set_printoptions: threshold=nan must be a number >= 0; pass math.inf \(or sys.maxsize\) to print every element",
        ),
        ({"threshold": "all"}, TypeError, r"set_printoptions: threshold='all' must be a number"),
        ({"suppress": 1}, TypeError, r"set_printoptions: suppress=1 must be True, False or None"),
    ],
    ids=repr,
)
def test_bad_print_options(kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        tb.set_printoptions(**kwargs)
    # the context manager checks the same way, under its own name
    with pytest.raises(error, match="^" + message.removeprefix("set_")), tb.printoptions(**kwargs):
        pass  # pragma: no cover - the context manager refuses before the block


# ---- floating-point error settings ---------------------------------------------------------

SEQUENCES: list[list[dict[str, str]]] = [
    [{"all": "raise"}],
    [{"divide": "ignore"}, {"over": "print"}],
    [{"all": "ignore", "invalid": "raise"}],
    [{"under": "warn"}, {"all": "warn"}, {"divide": "raise", "all": "ignore"}],
]


@pytest.mark.parametrize("calls", SEQUENCES, ids=repr)
def test_seterr_bookkeeping_matches_numpy(calls: list[dict[str, str]]) -> None:
    before = tb.geterr()
    with np.errstate():  # NumPy's own settings come back after the test
        np.seterr(**before)
        try:
            for kwargs in calls:
                assert tb.seterr(**kwargs) == np.seterr(**kwargs)
                assert tb.geterr() == np.geterr()
        finally:
            tb.seterr(**before)


def test_defaults_are_numpys() -> None:
    # A fresh thread starts from each library's defaults.
    found: list[tuple[Any, Any]] = []
    worker = threading.Thread(target=lambda: found.append((tb.geterr(), np.geterr())))
    worker.start()
    worker.join()
    ((ours, numpys),) = found
    assert ours == numpys
    assert tb.geterr() == numpys


@pytest.mark.parametrize("calls", SEQUENCES, ids=repr)
def test_errstate_matches_numpy_and_restores(calls: list[dict[str, str]]) -> None:
    before = tb.geterr()
    with np.errstate(**calls[0]), tb.errstate(**calls[0]):  # type: ignore[arg-type]
        assert tb.geterr() == np.geterr()
        with np.errstate(**calls[-1]), tb.errstate(**calls[-1]):  # type: ignore[arg-type]
            assert tb.geterr() == np.geterr()
        assert tb.geterr() == np.geterr()
    assert tb.geterr() == before


def test_errstate_is_a_decorator_and_reusable() -> None:
    state = tb.errstate(divide="raise")

    @state
    def inside() -> str:
        return tb.geterr()["divide"]

    assert inside() == "raise"
    assert inside() == "raise"
    with state:
        assert tb.geterr()["divide"] == "raise"
    assert tb.geterr()["divide"] == "warn"


def test_settings_are_per_thread() -> None:
    seen: list[str] = []
    with tb.errstate(all="raise"):
        worker = threading.Thread(target=lambda: seen.append(tb.geterr()["invalid"]))
        worker.start()
        worker.join()
    assert seen == ["warn"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: tb.seterr(divide="foo"),
            r"seterr: invalid error mode 'foo' for divide; use 'ignore', 'warn', 'raise' or 'print'",
        ),
        (
            lambda: tb.seterr(all="call"),
            r"seterr: divide='call' needs seterrcall, which tbridge does not have",
        ),
        (lambda: tb.errstate(over="log"), r"errstate: over='log' needs seterrcall"),
        (
            lambda: tb.errstate(call=print),
            r"errstate: call= installs a seterrcall callback, which tbridge does not have; use 'raise' and catch FloatingPointError instead",
        ),  # type: ignore[arg-type]
    ],
    ids=["mode", "call mode", "log mode", "call"],
)
def test_bad_error_settings(call: Any, message: str) -> None:
    before = tb.geterr()
    with pytest.raises(ValueError, match=message):
        call()
    assert tb.geterr() == before


@pytest.mark.parametrize("kind", ["divide", "over", "under", "invalid"])
def test_report_follows_the_settings(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    with tb.errstate(**{kind: "ignore"}):  # type: ignore[arg-type]
        report_fp_error(kind, "boom")
    with tb.errstate(**{kind: "raise"}), pytest.raises(FloatingPointError, match="boom"):  # type: ignore[arg-type]
        report_fp_error(kind, "boom")
    with tb.errstate(**{kind: "warn"}), pytest.warns(RuntimeWarning, match="boom"):  # type: ignore[arg-type]
        report_fp_error(kind, "boom")
    with tb.errstate(**{kind: "print"}):  # type: ignore[arg-type]
        report_fp_error(kind, "boom")
    assert capsys.readouterr().err == "Warning: boom\n"  # NumPy's words, on stderr


def _run_under(mode: str, call: Any) -> tuple[str, str]:
    """What ``call`` does under ``divide=mode``: ("ok", "") or (exception/warning class, text)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            call()
        except (FloatingPointError, RuntimeWarning) as e:
            return type(e).__name__, str(e)
    return "ok", ""


@pytest.mark.parametrize("mode", ["ignore", "warn", "raise", "print"])
@pytest.mark.parametrize("name", ["floor_divide", "remainder", "fmod", "divmod"])
def test_integer_division_by_zero_follows_errstate_as_numpy(
    name: str, mode: str, capfd: pytest.CaptureFixture[str]
) -> None:
    # tbridge's one floating-point check: NumPy's report, in each mode, with NumPy's words.
    x, y = [7, -7, 3], [0, 2, 0]
    with np.errstate(divide=mode):  # type: ignore[arg-type]
        expected = _run_under(mode, lambda: getattr(np, name)(np.asarray(x), np.asarray(y)))
    numpy_printed = capfd.readouterr()
    with tb.errstate(divide=mode):  # type: ignore[arg-type]
        got = _run_under(mode, lambda: getattr(tb, name)(tb.asarray(x), tb.asarray(y)))
    printed = capfd.readouterr()
    assert got == expected
    assert (printed.out, printed.err) == (numpy_printed.out, numpy_printed.err)
    if mode == "print":
        assert printed.err == f"Warning: divide by zero encountered in {name}\n"


def test_torch_has_no_floating_point_traps() -> None:
    # The documented limitation: torch computes inf and NaN silently whatever the settings.
    with tb.errstate(all="raise"):
        assert torch.isneginf(tb.log(tb.zeros(1))).all()
        assert torch.isnan(tb.divide(tb.zeros(1), tb.zeros(1))).all()


# ---- binary_repr, base_repr ---------------------------------------------------------------------


@needs_numpy2("NumPy 1.x only warns about a width too small")
@pytest.mark.parametrize("num", [*range(-20, 21), 255, -256, 2**40, -(2**63), 2**64 - 1])
@pytest.mark.parametrize("width", [None, 0, 1, 3, 8, 64])
def test_binary_repr(num: int, width: int | None) -> None:
    try:
        want = np.binary_repr(num, width)
    except ValueError:
        with pytest.raises(ValueError, match=r"binary_repr: num=.* needs \d+ bits"):
            tb.binary_repr(num, width)
        return
    assert tb.binary_repr(num, width) == want


@pytest.mark.parametrize("number", [*range(-40, 41, 3), 0, 2**70, -(2**63)])
@pytest.mark.parametrize("base", [2, 3, 8, 10, 16, 36])
@pytest.mark.parametrize("padding", [0, 1, 4])
def test_base_repr(number: int, base: int, padding: int) -> None:
    assert tb.base_repr(number, base, padding) == np.base_repr(number, base, padding)


def test_reprs_of_numpy_and_tensor_integers() -> None:
    assert tb.binary_repr(np.int8(-3), width=4) == np.binary_repr(np.int8(-3), width=4)
    assert tb.base_repr(torch.tensor(255), 16) == "FF"


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (lambda: tb.base_repr(5, 37), ValueError, r"base_repr: base=37 is not handled"),
        (lambda: tb.base_repr(5, 1), ValueError, r"base_repr: base=1 is not handled"),
        (lambda: tb.base_repr(2.5), TypeError, r"base_repr: number must be an integer"),
        (lambda: tb.binary_repr(None), TypeError, r"binary_repr: num must be an integer"),
        (lambda: tb.binary_repr(3, 2.0), TypeError, r"binary_repr: width must be an integer"),
    ],
)
def test_reprs_refuse(call: Any, exc: type[Exception], match: str) -> None:
    with pytest.raises(exc, match=match):
        call()


def test_set_printoptions_refuses_a_non_integer_tensor_count_in_its_own_words() -> None:
    with pytest.raises(TypeError, match=r"^set_printoptions: precision=tensor\(3\.5"):
        tb.set_printoptions(precision=torch.tensor(3.5))
