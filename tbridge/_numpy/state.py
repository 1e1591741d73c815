"""NumPy's global-state helpers: print options and floating-point error handling.

Print options map onto torch's (``torch.set_printoptions``), which is what prints a tensor:
``precision``, ``threshold``, ``edgeitems``, ``linewidth`` carry over, and ``suppress=True``
becomes torch's ``sci_mode=False``. NumPy's other options (``nanstr``, ``infstr``,
``formatter``, ``sign``, ``floatmode``, ``legacy``, ``override_repr``) have no torch twin: they
are refused with a ValueError rather than accepted and ignored (a silent no-op would print
something other than what the code asks for). torch's print options are process-global, so
these are too (NumPy 2 scopes its own per context), and the defaults stay torch's (precision 4,
linewidth 80; NumPy's are 8 and 75): importing tbridge changes no global state.

Floating-point errors: torch has no floating-point error traps. ``tb.log(0.0)`` gives ``-inf``
and ``0.0 / 0.0`` gives NaN, silently, whatever ``errstate`` says; ``errstate``, ``seterr`` and
``geterr`` keep NumPy's settings (per thread and asyncio task, as NumPy 2 does) and govern only
the checks tbridge makes itself (for example integer division by zero, where a function
checks). Functions that check report through ``_core.reporting.report_fp_error``.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import numbers
import operator
from collections.abc import Generator
from types import TracebackType
from typing import Final, Literal, TypedDict

import numpy as np
from torch._tensor_str import PRINT_OPTS as _PRINT_OPTS  # torch has no get_printoptions

from tbridge._core.reporting import ERR_KINDS, ERR_STATE
from tbridge._core.signatures import set_printoptions as _torch_set_printoptions

__all__ = [
    "base_repr",
    "binary_repr",
    "errstate",
    "get_printoptions",
    "geterr",
    "printoptions",
    "set_printoptions",
    "seterr",
]

# ---- print options -------------------------------------------------------------------------


class PrintOptions(TypedDict):
    """The print options tbridge maps onto torch's, as ``get_printoptions`` returns them."""

    precision: int
    threshold: float
    edgeitems: int
    linewidth: int
    suppress: bool


def _check_count(value: object, name: str, lowest: int, caller: str) -> int:
    """``value`` as a Python int (NumPy's integer scalars too, as NumPy takes them)."""
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(
            f"{caller}: {name}={value!r} must be an integer; pass e.g. {name}={lowest + 4}"
        )
    try:
        count = operator.index(value)  # pyright: ignore[reportArgumentType] (has __index__: checked)
    except TypeError as e:  # a tensor that is no integer scalar
        raise TypeError(
            f"{caller}: {name}={value!r} must be an integer; pass e.g. {name}={lowest + 4}"
        ) from e
    if count < lowest:
        raise ValueError(f"{caller}: {name}={count} must be >= {lowest}")
    return count


def _apply_printoptions(
    caller: str,
    precision: int | None,
    threshold: float | None,
    edgeitems: int | None,
    linewidth: int | None,
    suppress: bool | None,
    unsupported: dict[str, object],
) -> None:
    """Check the options (messages name ``caller``), then hand them to torch."""
    for name, value in unsupported.items():
        if value is not None:
            raise ValueError(
                f"{caller}: {name}={value!r} has no torch twin (torch formats tensors "
                "itself: precision, threshold, edgeitems, linewidth and suppress are what it "
                f"takes); leave {name}=None, or print tb.to_numpy(x) under NumPy's own "
                "np.printoptions"
            )
    if precision is not None:
        precision = _check_count(precision, "precision", 0, caller)
    if edgeitems is not None:
        edgeitems = _check_count(edgeitems, "edgeitems", 0, caller)
    if linewidth is not None:
        linewidth = _check_count(linewidth, "linewidth", 1, caller)
    if threshold is not None:
        # NumPy's integer and floating scalars count as numbers, as NumPy takes them.
        given: object = threshold  # checked at run time for callers without a type checker
        if isinstance(given, (bool, np.bool_)) or not isinstance(given, numbers.Real):
            raise TypeError(
                f"{caller}: threshold={given!r} must be a number; pass an int, or "
                "math.inf to print every element"
            )
        threshold = int(given) if isinstance(given, numbers.Integral) else float(given)
        if math.isnan(threshold) or threshold < 0:
            raise ValueError(
                f"{caller}: threshold={threshold!r} must be a number >= 0; pass "
                "math.inf (or sys.maxsize) to print every element"
            )
    if suppress is not None:
        if not isinstance(suppress, (bool, np.bool_)):
            raise TypeError(f"{caller}: suppress={suppress!r} must be True, False or None")
        suppress = bool(suppress)
    # torch.set_printoptions resets sci_mode whenever it is not passed: pass the current one.
    sci_mode = _PRINT_OPTS.sci_mode if suppress is None else (False if suppress else None)
    _torch_set_printoptions(
        precision=precision,
        threshold=threshold,
        edgeitems=edgeitems,
        linewidth=linewidth,
        sci_mode=sci_mode,
    )


def set_printoptions(
    precision: int | None = None,
    threshold: float | None = None,
    edgeitems: int | None = None,
    linewidth: int | None = None,
    suppress: bool | None = None,
    nanstr: None = None,
    infstr: None = None,
    formatter: None = None,
    sign: None = None,
    floatmode: None = None,
    *,
    legacy: None = None,
    override_repr: None = None,
) -> None:
    """Set how tensors print, with NumPy's option names (onto ``torch.set_printoptions``).

    Options left as None keep their current value.

    Parameters
    ----------
    precision
        Digits after the decimal point for floating values.
    threshold
        Arrays with more elements than this print summarized (``...``); ``math.inf`` or
        ``sys.maxsize`` prints everything.
    edgeitems
        Items shown at each end of a summarized dimension.
    linewidth
        Characters per line.
    suppress
        True prints small values in fixed-point, never scientific notation (torch's
        ``sci_mode=False``); False lets torch choose again.
    nanstr, infstr, formatter, sign, floatmode, legacy, override_repr
        NumPy options torch's printing has no twin for: only None is accepted.

    Raises
    ------
    TypeError
        For counts that are not integers.
    ValueError
        For negative counts, a NaN threshold, and any of NumPy's options without a torch twin.

    Notes
    -----
    Memory and autograd: no data is involved; the options are torch's, process-global.

    Examples
    --------
    >>> import tbridge as tb
    >>> with tb.printoptions(precision=2):
    ...     print(tb.asarray([1.23456, 2.0]))
    tensor([1.23, 2.00], dtype=torch.float64)
    """
    _apply_printoptions(
        "set_printoptions",
        precision,
        threshold,
        edgeitems,
        linewidth,
        suppress,
        {
            "nanstr": nanstr,
            "infstr": infstr,
            "formatter": formatter,
            "sign": sign,
            "floatmode": floatmode,
            "legacy": legacy,
            "override_repr": override_repr,
        },
    )


def get_printoptions() -> PrintOptions:
    """The print options in force, under NumPy's names (those torch has).

    Returns
    -------
    dict
        ``precision``, ``threshold``, ``edgeitems``, ``linewidth`` and ``suppress`` (True
        when torch's ``sci_mode`` is False).

    Notes
    -----
    Memory and autograd: no data is involved.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.get_printoptions()["edgeitems"]
    3
    """
    return PrintOptions(
        precision=_PRINT_OPTS.precision,
        threshold=_PRINT_OPTS.threshold,
        edgeitems=_PRINT_OPTS.edgeitems,
        linewidth=_PRINT_OPTS.linewidth,
        suppress=_PRINT_OPTS.sci_mode is False,
    )


@contextlib.contextmanager
def printoptions(
    precision: int | None = None,
    threshold: float | None = None,
    edgeitems: int | None = None,
    linewidth: int | None = None,
    suppress: bool | None = None,
    nanstr: None = None,
    infstr: None = None,
    formatter: None = None,
    sign: None = None,
    floatmode: None = None,
    *,
    legacy: None = None,
    override_repr: None = None,
) -> Generator[PrintOptions, None, None]:
    """Print options for the duration of a ``with`` block (see :func:`set_printoptions`).

    Yields the options in force inside the block; the previous ones come back on exit, also
    after an exception.

    Raises
    ------
    TypeError, ValueError
        As :func:`set_printoptions`.

    Notes
    -----
    Memory and autograd: no data is involved. torch's print options are process-global: other
    threads printing during the block see these options too.

    Examples
    --------
    >>> import tbridge as tb
    >>> with tb.printoptions(threshold=5, edgeitems=2):
    ...     print(tb.arange(10))
    tensor([0, 1, ..., 8, 9])
    """
    saved = (
        _PRINT_OPTS.precision,
        _PRINT_OPTS.threshold,
        _PRINT_OPTS.edgeitems,
        _PRINT_OPTS.linewidth,
        _PRINT_OPTS.sci_mode,
    )
    _apply_printoptions(
        "printoptions",
        precision,
        threshold,
        edgeitems,
        linewidth,
        suppress,
        {
            "nanstr": nanstr,
            "infstr": infstr,
            "formatter": formatter,
            "sign": sign,
            "floatmode": floatmode,
            "legacy": legacy,
            "override_repr": override_repr,
        },
    )
    try:
        yield get_printoptions()
    finally:
        _torch_set_printoptions(
            precision=saved[0],
            threshold=saved[1],
            edgeitems=saved[2],
            linewidth=saved[3],
            sci_mode=saved[4],
        )


# ---- floating-point error handling ---------------------------------------------------------

ErrMode = Literal["ignore", "warn", "raise", "print"]
_KINDS: Final = ERR_KINDS
_MODES: Final = ("ignore", "warn", "raise", "print")


class ErrSettings(TypedDict):
    """How each floating-point error kind is handled, as ``geterr`` returns it."""

    divide: str
    over: str
    under: str
    invalid: str


#: NumPy's defaults (warn on all but underflow), per thread and asyncio task.
_ERR: Final = ERR_STATE


def _merged(
    caller: str,
    all: str | None,  # noqa: A002 - NumPy's name
    divide: str | None,
    over: str | None,
    under: str | None,
    invalid: str | None,
) -> tuple[str, str, str, str]:
    current = _ERR.get()
    given = (divide, over, under, invalid)
    out = []
    for i, value in enumerate(given):
        mode = value if value is not None else (all if all is not None else current[i])
        if mode not in _MODES:
            if mode in ("call", "log"):
                raise ValueError(
                    f"{caller}: {_KINDS[i]}={mode!r} needs seterrcall, which tbridge does not "
                    "have; use 'ignore', 'warn', 'raise' or 'print'"
                )
            raise ValueError(
                f"{caller}: invalid error mode {mode!r} for {_KINDS[i]}; use 'ignore', 'warn', "
                "'raise' or 'print'"
            )
        out.append(mode)
    return (out[0], out[1], out[2], out[3])


def geterr() -> ErrSettings:
    """How tbridge's own floating-point checks report each kind of error, here.

    Notes
    -----
    Memory and autograd: no data is involved. torch computes ``inf``/NaN silently; only
    tbridge's checks read these settings (see the module notes).

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.geterr()
    {'divide': 'warn', 'over': 'warn', 'under': 'ignore', 'invalid': 'warn'}
    """
    d, o, u, i = _ERR.get()
    return ErrSettings(divide=d, over=o, under=u, invalid=i)


def seterr(
    all: str | None = None,  # noqa: A002 - NumPy's name
    divide: str | None = None,
    over: str | None = None,
    under: str | None = None,
    invalid: str | None = None,
) -> ErrSettings:
    """Set how tbridge's own floating-point checks report errors; returns the old settings.

    Each of ``divide``, ``over``, ``under``, ``invalid`` (or ``all`` of them) is ``"ignore"``,
    ``"warn"`` (a RuntimeWarning), ``"raise"`` (FloatingPointError) or ``"print"``. The setting
    holds for this thread (and asyncio task). torch itself has no floating-point traps: this
    changes no torch result, only the checks tbridge makes (see the module notes).

    Raises
    ------
    ValueError
        For an unknown mode, and for ``"call"``/``"log"`` (tbridge has no ``seterrcall``).

    Notes
    -----
    Memory and autograd: no data is involved.

    Examples
    --------
    >>> import tbridge as tb
    >>> old = tb.seterr(all="raise")
    >>> tb.geterr()["divide"]
    'raise'
    >>> _ = tb.seterr(**old)
    """
    old = geterr()
    _ERR.set(_merged("seterr", all, divide, over, under, invalid))
    return old


class errstate(contextlib.ContextDecorator):
    """Floating-point error handling for a ``with`` block (or a decorated function).

    Takes the modes :func:`seterr` takes and restores the previous ones on exit. torch has
    no floating-point traps, so ``with tb.errstate(divide="raise"): tb.log(tb.zeros(1))``
    still gives ``-inf``: only tbridge's own checks follow these settings (see the module
    notes).

    Raises
    ------
    ValueError
        For an unknown mode, ``"call"``/``"log"``, or a ``call=`` callback (tbridge has no
        ``seterrcall``).

    Notes
    -----
    Memory and autograd: no data is involved.

    Examples
    --------
    >>> import tbridge as tb
    >>> with tb.errstate(all="ignore"):
    ...     tb.geterr()["invalid"]
    'ignore'
    """

    __slots__ = ("_settings", "_tokens")

    def __init__(
        self,
        *,
        call: None = None,
        all: str | None = None,  # noqa: A002 - NumPy's name
        divide: str | None = None,
        over: str | None = None,
        under: str | None = None,
        invalid: str | None = None,
    ) -> None:
        if call is not None:
            raise ValueError(
                "errstate: call= installs a seterrcall callback, which tbridge does not have; "
                "use 'raise' and catch FloatingPointError instead"
            )
        self._settings = (all, divide, over, under, invalid)
        self._tokens: list[contextvars.Token[tuple[str, str, str, str]]] = []
        _merged("errstate", *self._settings)  # validate now, as NumPy does

    def __enter__(self) -> None:
        self._tokens.append(_ERR.set(_merged("errstate", *self._settings)))

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        _ERR.reset(self._tokens.pop())


# ---- integers as strings ----------------------------------------------------------------------

_DIGITS: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _integer(value: object, caller: str, name: str) -> int:
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(
            f"{caller}: {name} must be an integer, got {type(value).__name__} ({value!r}); pass "
            f"a Python int (int(x) of a 0-d integer array)"
        )
    return operator.index(value)  # pyright: ignore[reportArgumentType] (has __index__: checked)


def binary_repr(num: int, width: int | None = None) -> str:
    """``num`` written in base 2, as NumPy writes it.

    Without ``width``: the digits of ``abs(num)``, with a leading "-" when negative. With
    ``width``: the digits padded with zeros to ``width`` characters, and a negative ``num`` in
    two's complement over ``width`` bits.

    Memory and autograd: pure Python; a 0-d integer tensor is read on the host (``__index__``).

    Raises
    ------
    ValueError
        When ``num`` needs more than ``width`` bits.
    TypeError
        For a ``num`` or ``width`` that is not an integer.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.binary_repr(5), tb.binary_repr(-5), tb.binary_repr(-5, width=8)
    ('101', '-101', '11111011')
    """
    n = _integer(num, "binary_repr", "num")
    w = None if width is None else _integer(width, "binary_repr", "width")
    if w is None:
        return ("-" if n < 0 else "") + bin(abs(n))[2:]
    needed = n.bit_length() if n >= 0 else (-n - 1).bit_length() + 1
    if w < needed:
        raise ValueError(
            f"binary_repr: num={n} needs {needed} bits but width={w}; pass width >= {needed} "
            "(Insufficient bit width provided)"
        )
    return bin(n if n >= 0 else (1 << w) + n)[2:].rjust(w, "0")


def base_repr(number: int, base: int = 2, padding: int = 0) -> str:
    """``number`` written in ``base`` (2 to 36, digits then capital letters), with ``padding``
    zeros in front and a leading "-" when negative, as NumPy writes it.

    Memory and autograd: pure Python; a 0-d integer tensor is read on the host (``__index__``).

    Raises
    ------
    ValueError
        For a base below 2 or above 36.
    TypeError
        For arguments that are not integers.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.base_repr(255, 16), tb.base_repr(-5, 3, padding=2)
    ('FF', '-0012')
    """
    n = _integer(number, "base_repr", "number")
    b = _integer(base, "base_repr", "base")
    pad = _integer(padding, "base_repr", "padding")
    if not 2 <= b <= 36:
        raise ValueError(
            f"base_repr: base={b} is not handled (bases from 2 to 36 are); pass a base in that "
            "range"
        )
    digits = []
    rest = abs(n)
    while rest:
        rest, d = divmod(rest, b)
        digits.append(_DIGITS[d])
    text = "".join(reversed(digits)) or ("" if pad else "0")
    return ("-" if n < 0 else "") + "0" * pad + text
