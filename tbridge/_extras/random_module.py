"""NumPy's ``np.random.<function>`` on one global stream: torch's default generators.

The module functions draw from torch's default generator of the device they draw on (the
one ``torch.manual_seed`` seeds), so ``tb.random.seed(n)`` and ``torch.manual_seed(n)`` each
make a run repeat exactly, and ``get_state``/``set_state`` save and restore the stream. The
functions whose NumPy signature is the ``Generator`` method's are that method of the global
stream (as in NumPy, where they are methods of a hidden ``RandomState``); the others
(``rand``, ``randint``, ``random_sample``, ``choice`` without ``axis``, ...) wrap it with
NumPy's legacy signatures. Where NumPy's module functions keep legacy rules the global stream
keeps them too: ``uniform(1, 0)`` is allowed (samples in ``(0, 1]``), ``dirichlet`` needs
``alpha > 0`` and ``hypergeometric`` ``nsample >= 1``.

The stream is torch's, not NumPy's Mersenne Twister: the same seed gives the same numbers on
the same torch build and device, not NumPy's numbers.

Memory and autograd: every sample is new memory; see the methods of
:class:`tbridge._extras.random_sampler.Sampler`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any, ClassVar, Final, Literal, cast

import numpy as np
import torch

from tbridge._core.dtypes import DTypeLike, current_defaults
from tbridge._core.normalize import (
    CPU,
    DeviceLike,
    ShapeLike,
    check_requires_grad,
    raise_for_size,
    torch_device,
    torch_shape,
)
from tbridge._extras.random_generator import resolve_seed
from tbridge._extras.random_params import Param, float_out
from tbridge._extras.random_sampler import Gen, Sampler

__all__ = [
    "beta",
    "binomial",
    "bytes",
    "chisquare",
    "choice",
    "dirichlet",
    "exponential",
    "f",
    "gamma",
    "geometric",
    "get_state",
    "gumbel",
    "hypergeometric",
    "laplace",
    "logistic",
    "lognormal",
    "logseries",
    "multinomial",
    "multivariate_normal",
    "negative_binomial",
    "noncentral_chisquare",
    "noncentral_f",
    "normal",
    "pareto",
    "permutation",
    "poisson",
    "power",
    "rand",
    "randint",
    "randn",
    "random",
    "random_integers",
    "random_sample",
    "ranf",
    "rayleigh",
    "sample",
    "seed",
    "set_state",
    "shuffle",
    "standard_cauchy",
    "standard_exponential",
    "standard_gamma",
    "standard_normal",
    "standard_t",
    "triangular",
    "uniform",
    "vonmises",
    "wald",
    "weibull",
    "zipf",
]


class _GlobalStream(Sampler):
    """The sampler behind the module functions: torch's default generator of each device."""

    _legacy: ClassVar[bool] = True

    def __init__(self) -> None:
        self._device = CPU
        self._g0 = None

    def __repr__(self) -> str:
        return "tbridge.random (the global stream: torch's default generators)"

    def _gen(self, device: torch.device) -> Gen:
        return None


_STREAM: Final = _GlobalStream()

# Hot paths call these through module globals: one dictionary lookup instead of two.
_rand: Final = torch.rand
_randn: Final = torch.randn
_normal: Final = torch.normal
_empty: Final = torch.empty


# ---- the stream's state ------------------------------------------------------------------------


def seed(seed: int | np.integer[Any] | list[int] | np.ndarray[Any, Any] | None = None) -> None:
    """Seed the global stream (torch's default generators, on every device).

    ``seed(n)`` is ``torch.manual_seed(n)`` for an int below 2**64; a sequence of ints is
    hashed into one seed by NumPy's ``SeedSequence``; None seeds from fresh entropy
    (``torch.seed()``).

    Raises
    ------
    TypeError
        A seed that is not an int, a sequence of ints or None.
    ValueError
        A negative seed.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.random.seed(3); a = tb.random.rand(2)
    >>> tb.random.seed(3); bool(tb.all(a == tb.random.rand(2)))
    True
    """
    if seed is None:
        torch.seed()
        return
    value, _ = resolve_seed(seed, "seed")
    torch.manual_seed(value)


def _default_state(device: torch.device) -> torch.Tensor:
    if device.type == "cpu":
        return torch.get_rng_state()
    if device.type == "cuda":
        return torch.cuda.get_rng_state(device)
    if device.type == "mps":
        return torch.mps.get_rng_state()
    raise ValueError(f"get_state: {device} has no random state; pass 'cpu', 'cuda' or 'mps'")


def get_state(
    legacy: bool = True, *, device: DeviceLike | None = None
) -> tuple[str, torch.Tensor, str] | dict[str, Any]:
    """The global stream's state on ``device`` (the CPU by default), for :func:`set_state`.

    ``legacy=True`` gives a tuple ``("torch", state, device)``, ``legacy=False`` a dict with
    keys ``"bit_generator"``, ``"state"`` and ``"device"``, mirroring the two forms of NumPy's
    ``get_state``; ``state`` is torch's own (a uint8 tensor, ``torch.get_rng_state()`` on the
    CPU), not NumPy's Mersenne Twister keys.

    Memory and autograd: a copy of the state.

    Examples
    --------
    >>> import tbridge as tb
    >>> saved = tb.random.get_state()
    >>> a = tb.random.random(3)
    >>> tb.random.set_state(saved)
    >>> bool(tb.all(a == tb.random.random(3)))
    True
    """
    dev = torch_device(device, caller="get_state")
    state = _default_state(dev)
    if legacy:
        return ("torch", state, str(dev))
    return {"bit_generator": "torch", "state": state, "device": str(dev)}


def set_state(
    state: tuple[str, torch.Tensor, str] | dict[str, Any] | torch.Tensor,
    *,
    device: DeviceLike | None = None,
) -> None:
    """Restore the global stream to a state from :func:`get_state` (or a torch RNG state).

    Raises
    ------
    TypeError
        ``state`` is not one of those forms.
    ValueError
        A state of another bit generator (e.g. one of NumPy's), or a device mismatch.
    """
    given: object = state  # checked at run time whatever the annotation says
    tensor: object
    where: object
    if isinstance(given, torch.Tensor):
        tensor, where = given, None
    elif isinstance(given, tuple) and len(given) == 3:
        name, tensor, where = given
        if name != "torch":
            raise ValueError(
                f"set_state: a state of bit generator {name!r}; tbridge's stream is torch's, "
                "pass a state from tb.random.get_state()"
            )
    elif isinstance(given, dict) and {"bit_generator", "state"} <= given.keys():
        if given["bit_generator"] != "torch":
            raise ValueError(
                f"set_state: a state of bit generator {given['bit_generator']!r}; tbridge's "
                "stream is torch's, pass a state from tb.random.get_state()"
            )
        tensor, where = given["state"], given.get("device")
    else:
        raise TypeError(
            f"set_state: state must be what tb.random.get_state() returns (a tuple or a "
            f"dict) or a torch RNG state tensor, got {type(given).__name__}"
        )
    if not isinstance(tensor, torch.Tensor):
        raise TypeError(f"set_state: the state must hold a tensor, got {type(tensor).__name__}")
    if where is not None and not isinstance(where, (str, torch.device)):
        raise TypeError(f"set_state: the state's device must be a str, got {where!r}")
    # A saved state names its device as a string read back at run time: parse it with torch.
    saved = torch.device(where) if isinstance(where, str) else where
    dev = torch_device(device if device is not None else saved, caller="set_state")
    if device is not None and saved is not None and saved != dev:
        raise ValueError(f"set_state: the state is of {where}, not {device!r}")
    if dev.type == "cpu":
        torch.set_rng_state(tensor)
    elif dev.type == "cuda":
        torch.cuda.set_rng_state(tensor, dev)
    elif dev.type == "mps":
        torch.mps.set_rng_state(tensor)
    else:
        raise ValueError(f"set_state: {dev} has no random state; pass 'cpu', 'cuda' or 'mps'")


# ---- NumPy's legacy samplers -------------------------------------------------------------------


def _plain_size(dims: tuple[Any, ...]) -> tuple[int, ...] | None:
    """``dims`` as a size when it is non-negative ints, varargs or one tuple; else None."""
    size = dims[0] if len(dims) == 1 and type(dims[0]) is tuple else dims
    for d in size:
        if type(d) is not int or d < 0:
            return None
    return cast("tuple[int, ...]", size)


def _sample(
    caller: str,
    fn: Callable[..., torch.Tensor],
    dims: tuple[ShapeLike, ...],
    dtype: DTypeLike | None,
    device: DeviceLike | None,
    requires_grad: bool,
) -> torch.Tensor:
    size = torch_shape(dims, caller) if dims else ()
    dt = float_out(dtype, caller)
    check_requires_grad(requires_grad, dt, caller)
    dev = torch_device(device, caller=caller)
    try:
        return fn(size, dtype=dt, device=dev, requires_grad=requires_grad)
    except (RuntimeError, TypeError) as e:  # too big, or no memory for it
        raise_for_size(e, caller, size, dt, "size")
        raise


def rand(
    *args: ShapeLike,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Uniform samples in ``[0, 1)``: ``rand(5, 3)`` (NumPy's ``np.random.rand``); float64.

    ``rand()`` is one sample, as a 0-d tensor.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.random.rand(5, 3).shape
    torch.Size([5, 3])
    """
    if dtype is None and device is None and requires_grad is False:
        size = _plain_size(args) if args else ()
        if size is not None:
            dt = current_defaults()[0]
            try:
                return _rand(size=size, dtype=dt, device=CPU)
            except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                raise_for_size(e, "rand", size, dt, "size")
                raise
    return _sample("rand", _rand, args, dtype, device, requires_grad)


def randn(
    *args: ShapeLike,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Standard normal samples: ``randn(5, 3)`` (NumPy's ``np.random.randn``); float64.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.random.randn(2).dtype
    torch.float64
    """
    if dtype is None and device is None and requires_grad is False:
        size = _plain_size(args) if args else ()
        if size is not None:
            dt = current_defaults()[0]
            try:
                return _randn(size=size, dtype=dt, device=CPU)
            except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                raise_for_size(e, "randn", size, dt, "size")
                raise
    return _sample("randn", _randn, args, dtype, device, requires_grad)


def random_sample(
    size: ShapeLike | None = None,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Uniform samples in ``[0, 1)`` of shape ``size`` (None: one sample, 0-d); float64.

    ``random``, ``ranf`` and ``sample`` are this function under NumPy's other names.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.random.random((2, 2)).shape
    torch.Size([2, 2])
    """
    return _STREAM.random(size, dtype, device=device, requires_grad=requires_grad)


random = random_sample
ranf = random_sample
sample = random_sample


def standard_normal(
    size: ShapeLike | None = None,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Standard normal samples of shape ``size`` (None: one sample, 0-d); float64.

    Memory and autograd: new memory; a fresh leaf when ``requires_grad=True``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.random.standard_normal((3,)).shape
    torch.Size([3])
    """
    return _STREAM.standard_normal(size, dtype, device=device, requires_grad=requires_grad)


def standard_exponential(
    size: ShapeLike | None = None,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
) -> torch.Tensor:
    """Exponential samples with scale 1, of shape ``size``; float64.

    Memory and autograd: new memory.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.random.standard_exponential(2).shape
    torch.Size([2])
    """
    return _STREAM.standard_exponential(size, dtype, device=device)


def standard_gamma(
    shape: Param,
    size: ShapeLike | None = None,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
) -> torch.Tensor:
    """Gamma samples with shape ``shape`` (``>= 0``) and scale 1; float64.

    Memory and autograd: new memory; gradients reach a tensor ``shape``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.random.standard_gamma(2.0, size=3).shape
    torch.Size([3])
    """
    return _STREAM.standard_gamma(shape, size, dtype, device=device)


def normal(
    loc: Param = 0.0,
    scale: Param = 1.0,
    size: ShapeLike | None = None,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Normal samples with NumPy's meaning: ``normal(5, 3)`` is one sample (a 0-d tensor).

    ``size`` gives the output shape; without it, the broadcast shape of ``loc`` and ``scale``.

    Raises
    ------
    ValueError
        When ``scale`` is negative.

    Memory and autograd: new memory; ``loc + scale * noise``, so gradients reach tensor
    parameters.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.normal(5, 3).shape, tb.normal(size=(2, 3)).shape
    (torch.Size([]), torch.Size([2, 3]))
    """
    if (
        type(size) is tuple
        and type(scale) is float
        and scale >= 0.0
        and type(loc) is float
        and dtype is None
        and device is None
        and requires_grad is False
    ):
        for d in size:
            if type(d) is not int or d < 0:
                break
        else:
            dt = current_defaults()[0]
            try:
                return _normal(loc, scale, size, dtype=dt, device=CPU)
            except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                raise_for_size(e, "normal", size, dt, "size")
                raise
    return _STREAM.normal(loc, scale, size, dtype=dtype, device=device, requires_grad=requires_grad)


def uniform(
    low: Param = 0.0,
    high: Param = 1.0,
    size: ShapeLike | None = None,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
    requires_grad: bool = False,
) -> torch.Tensor:
    """Uniform samples in ``[low, high)`` with NumPy's meaning (no ``size``: one sample).

    As NumPy's module function, ``high < low`` is allowed (samples in ``(high, low]``);
    ``high - low`` must be finite (OverflowError).

    Memory and autograd: new memory; ``low + (high - low) * noise``, so gradients reach
    tensor bounds.

    Examples
    --------
    >>> import tbridge as tb
    >>> x = tb.random.uniform(1, 0, size=100)
    >>> bool(((x > 0) & (x <= 1)).all())
    True
    """
    if (
        dtype is None
        and device is None
        and requires_grad is False
        and type(low) is float
        and type(high) is float
        and type(size) is tuple
        and low <= high
        and high - low < float("inf")
    ):
        for d in size:
            if type(d) is not int or d < 0:
                break
        else:
            dt = current_defaults()[0]
            try:
                drawn = _empty(size=size, dtype=dt, device=CPU)
            except (RuntimeError, TypeError) as e:  # too big, or no memory for it
                raise_for_size(e, "uniform", size, dt, "size")
                raise
            return drawn.uniform_(low, high)
    return _STREAM.uniform(low, high, size, dtype=dtype, device=device, requires_grad=requires_grad)


def randint(
    low: Param,
    high: Param | None = None,
    size: ShapeLike | None = None,
    dtype: DTypeLike = int,
    *,
    device: DeviceLike | None = None,
) -> torch.Tensor:
    """Uniform integers in ``[low, high)`` (``[0, low)`` with one bound); int64 by default.

    Raises
    ------
    ValueError
        ``low >= high``, a bound outside ``dtype``'s range.

    Memory and autograd: new memory.

    Examples
    --------
    >>> import tbridge as tb
    >>> x = tb.random.randint(10, size=(2, 3))
    >>> x.shape, x.dtype
    (torch.Size([2, 3]), torch.int64)
    """
    return _STREAM._integers("randint", low, high, size, dtype, False, device)


def random_integers(
    low: Param,
    high: Param | None = None,
    size: ShapeLike | None = None,
    *,
    device: DeviceLike | None = None,
) -> torch.Tensor:
    """Uniform integers in ``[low, high]`` (``[1, low]`` with one bound). Deprecated, as NumPy's.

    Warns
    -----
    DeprecationWarning
        Always: use ``randint(low, high + 1)``.

    Memory and autograd: new memory.
    """
    if high is None:
        low, high = 1, low
    warnings.warn(
        f"random_integers is deprecated (as NumPy's); call randint({low!r}, {high!r} + 1) instead",
        DeprecationWarning,
        stacklevel=2,
    )
    return _STREAM._integers("random_integers", low, high, size, torch.int64, True, device)


def choice(
    a: Param,
    size: ShapeLike | None = None,
    replace: bool = True,
    p: Param | None = None,
    *,
    device: DeviceLike | None = None,
) -> torch.Tensor:
    """Random entries of the 1-d ``a`` (``arange(a)`` for an int), NumPy's module ``choice``.

    See ``Generator.choice`` (which also takes ``axis`` and n-d ``a``).

    Raises
    ------
    ValueError
        ``a`` with more than one axis; the ``Generator.choice`` errors.

    Memory and autograd: new memory; an indexing of a tensor ``a``.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.random.choice(5, size=3, replace=False).shape
    torch.Size([3])
    """
    ndim = getattr(a, "ndim", None)
    if ndim is None and isinstance(a, (list, tuple)):
        ndim = np.ndim(a)
    if ndim is not None and ndim > 1:
        raise ValueError(
            f"choice: a must be 1-dimensional, got {ndim} dimensions; pass a 1-d array or use "
            "tb.random.default_rng().choice(a, axis=...)"
        )
    return _STREAM._choice("choice", a, size, replace, p, 0, device)


def shuffle(x: Any) -> None:
    """Shuffle ``x`` in place along its first axis (tensor, NumPy array or list).

    Memory and autograd: in place.

    Examples
    --------
    >>> import tbridge as tb
    >>> x = [1, 2, 3]
    >>> tb.random.shuffle(x)
    >>> sorted(x)
    [1, 2, 3]
    """
    _STREAM.shuffle(x)


def permutation(x: int | Param, *, device: DeviceLike | None = None) -> torch.Tensor:
    """A shuffled ``arange(x)`` for an int; else a shuffled copy of ``x`` along its first axis.

    Memory and autograd: new memory; a copy of a tensor stays on its graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> sorted(tb.random.permutation(3).tolist())
    [0, 1, 2]
    """
    return _STREAM.permutation(x, device=device)


def multivariate_normal(
    mean: Param,
    cov: Param,
    size: ShapeLike | None = None,
    check_valid: Literal["warn", "raise", "ignore"] = "warn",
    tol: float = 1e-8,
    *,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
) -> torch.Tensor:
    """Multivariate normal samples of shape ``size + (len(mean),)`` (SVD of ``cov``).

    See ``Generator.multivariate_normal``.

    Memory and autograd: new memory.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.random.multivariate_normal([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], 3).shape
    torch.Size([3, 2])
    """
    return _STREAM.multivariate_normal(
        mean, cov, size, check_valid, tol, dtype=dtype, device=device
    )


# The rest have the Generator's signatures in NumPy too: the global stream's methods.
bytes: Final = _STREAM.bytes  # noqa: A001 - NumPy's name: np.random.bytes
beta: Final = _STREAM.beta
binomial: Final = _STREAM.binomial
chisquare: Final = _STREAM.chisquare
dirichlet: Final = _STREAM.dirichlet
exponential: Final = _STREAM.exponential
f: Final = _STREAM.f
gamma: Final = _STREAM.gamma
geometric: Final = _STREAM.geometric
gumbel: Final = _STREAM.gumbel
hypergeometric: Final = _STREAM.hypergeometric
laplace: Final = _STREAM.laplace
logistic: Final = _STREAM.logistic
lognormal: Final = _STREAM.lognormal
logseries: Final = _STREAM.logseries
multinomial: Final = _STREAM.multinomial
negative_binomial: Final = _STREAM.negative_binomial
noncentral_chisquare: Final = _STREAM.noncentral_chisquare
noncentral_f: Final = _STREAM.noncentral_f
pareto: Final = _STREAM.pareto
poisson: Final = _STREAM.poisson
power: Final = _STREAM.power
rayleigh: Final = _STREAM.rayleigh
standard_cauchy: Final = _STREAM.standard_cauchy
standard_t: Final = _STREAM.standard_t
triangular: Final = _STREAM.triangular
vonmises: Final = _STREAM.vonmises
wald: Final = _STREAM.wald
weibull: Final = _STREAM.weibull
zipf: Final = _STREAM.zipf
