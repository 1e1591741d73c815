"""One example call of every public function, for the sweeps over the whole API.

tests/test_compile.py runs each call under ``torch.compile(fullgraph=True)`` and
tests/test_func.py under ``torch.func.vmap``; both compare with the eager call. The sweeps list
the public functions themselves (``tbridge.__all__`` and the ``linalg``, ``fft``, ``random``,
``emath`` and ``lib.stride_tricks`` submodules; ``testing``'s assertions are left out: they
compare on the host), and a public function without an entry in ``CASES`` fails them. Which public
objects count as functions is decided by a rule (``_is_function``): functions and the classes
called to get something done (``errstate``, ``ndindex``, ``random.Generator``, ``dtype``), not
dtypes, modules, or the classes that name kinds of values (``ndarray``, ``device``, NumPy's
abstract scalar types). A function public under several names (``linalg.matmul is matmul``)
has one case, under any of its names.

To add a function: one entry in ``CASES``, keyed by its public name (``"linalg.det"`` for a
submodule's), whose value takes the example inputs on one device (``Inputs``) and returns the
call to make, ``call(*args, **kwargs)``, or a list of calls. A function that cannot work under
a transform goes in ``NOT_COMPILABLE`` or ``NOT_VMAPPABLE`` with the reason; those entries run
as strict xfails, so a function that starts working must leave the table. A family of inputs
that fails where the function's common calls work gets its own entry in ``EXTRA_CASES``
(e.g. ``random.randint_exact``: the ranges drawn by rejection), so that the table names it.

Random functions draw from torch's global generator, which both sweeps reseed before the
compiled (or vmapped) call and before the eager one: their values are compared like any
other function's. The exception is marked per call (``fresh``): vmap draws from batched
parameters of the samplers torch batches only with ``randomness="different"``, and those
calls are compared by shape, dtype and device.
"""

from __future__ import annotations

import dataclasses
import io
import math
import os
import re
import tempfile
import types
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import torch

import tbridge as tb


@dataclasses.dataclass(frozen=True)
class Call:
    """One example call: ``fn(*args, **kwargs)``; ``fn`` is the public function unless given."""

    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    fn: Callable[..., Any] | None = None
    #: vmap sweep: the second example is the first with every axis reversed (False: a copy,
    #: for inputs whose order matters, e.g. a sorted array)
    vary: bool = True
    #: vmap sweep: draws from batched parameters through a sampler that torch batches only
    #: with ``randomness="different"`` (``poisson``, ``binomial``, the gamma sampler): a
    #: stream that vmap cannot reproduce, so shapes, dtypes and devices are compared, not
    #: values. (The compile sweep reproduces these streams and compares values.)
    fresh: bool = False
    #: compile sweep: eager and traced calls compute by different algorithms (NumPy's or
    #: ``torch.cov`` in eager code, plain torch ops while dynamo traces), which may round the
    #: last place differently: values are compared with a tolerance (docs/compile.md says so)
    rounding: bool = False


def call(*args: Any, **kwargs: Any) -> Call:
    return Call(args, kwargs)


def fixed(*args: Any, **kwargs: Any) -> Call:
    """A call whose tensor inputs the vmap sweep must not reorder."""
    return Call(args, kwargs, vary=False)


def rounded(*args: Any, **kwargs: Any) -> Call:
    """A call whose compiled result may differ from eager's in the last place (see ``Call``)."""
    return Call(args, kwargs, rounding=True)


def fresh(*args: Any, **kwargs: Any) -> Call:
    """A random call whose draws vmap makes with ``randomness="different"`` (see ``Call``)."""
    return Call(args, kwargs, fresh=True)


class Inputs:
    """Example arrays on one device, each in the domain of the functions that take it."""

    def __init__(self, device: torch.device) -> None:
        g = torch.Generator().manual_seed(0)
        dev = device

        def r(*shape: int, dtype: torch.dtype = torch.float64) -> torch.Tensor:
            return torch.rand(shape, generator=g, dtype=dtype)

        self.dev = dev
        x = r(3, 4) * 0.8 + 0.1  # in (0.1, 0.9): every real function's domain
        a = r(4, 4) + 4 * torch.eye(4, dtype=torch.float64)  # well conditioned
        host = {
            "x": x,
            "y": r(3, 4) * 0.8 + 0.1,
            "x1": 1.0 + x,  # acosh
            "x32": x.to(torch.float32),
            "xc": torch.complex(r(3, 4), r(3, 4)),
            "xi": torch.randint(0, 5, (3, 4), generator=g),
            "yi": torch.randint(1, 5, (3, 4), generator=g),
            "sh": torch.randint(0, 4, (3, 4), generator=g),
            "bx": r(3, 4) > 0.5,
            "by": r(3, 4) > 0.5,
            "row": r(1, 4),
            "x0": x[None].clone(),
            "u": r(3),
            "w": r(4),
            "idx": torch.tensor([2, 0]),
            "ix": torch.randint(0, 4, (3, 4), generator=g),
            "srt": torch.sort(r(8)).values,
            "a": a,
            "spd": a @ a.mT + torch.eye(4, dtype=torch.float64),
            "bm": r(4, 2),
            "p3": r(4, 3),
            "q3": r(4, 3),
            "s0": torch.tensor(2.5, dtype=torch.float64),
            "u8": torch.randint(0, 256, (3, 4), generator=g, dtype=torch.uint8),
            "xn": torch.where(x > 0.7, math.nan, x),  # NaN where x > 0.7: no row all NaN
        }
        for name, t in host.items():
            setattr(self, name, t.to(dev))

    x: torch.Tensor
    y: torch.Tensor
    x1: torch.Tensor
    x32: torch.Tensor
    xc: torch.Tensor
    xi: torch.Tensor
    yi: torch.Tensor
    sh: torch.Tensor
    bx: torch.Tensor
    by: torch.Tensor
    row: torch.Tensor
    x0: torch.Tensor
    u: torch.Tensor
    w: torch.Tensor
    idx: torch.Tensor
    ix: torch.Tensor
    srt: torch.Tensor
    a: torch.Tensor
    spd: torch.Tensor
    bm: torch.Tensor
    p3: torch.Tensor
    q3: torch.Tensor
    s0: torch.Tensor
    u8: torch.Tensor
    xn: torch.Tensor


Case = Callable[[Inputs], "Call | list[Call]"]

UNARY_REAL = [
    "abs", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh", "exp", "expm1", "floor",
    "isfinite", "isinf", "isnan", "log", "log1p", "log2", "log10", "negative", "positive",
    "reciprocal", "round", "sign", "signbit", "sin", "sinh", "sqrt", "square", "tan", "tanh",
    "trunc", "acos",
]  # fmt: skip
UNARY_COMPLEX = ["conj", "real", "imag"]
BINARY_REAL = [
    "add", "atan2", "copysign", "divide", "equal", "floor_divide", "greater", "greater_equal",
    "hypot", "less", "less_equal", "logaddexp", "maximum", "minimum", "multiply", "nextafter",
    "not_equal", "pow", "remainder", "subtract",
]  # fmt: skip
BINARY_INT = ["bitwise_and", "bitwise_or", "bitwise_xor"]
SHIFTS = ["bitwise_left_shift", "bitwise_right_shift"]
LOGICAL = ["logical_and", "logical_or", "logical_xor"]
FFT_COMPLEX = ["fft", "ifft", "fftn", "ifftn", "irfft", "irfftn", "hfft"]
FFT_REAL = ["rfft", "rfftn", "ihfft", "fftshift", "ifftshift"]
NUMPY_UNARY = [
    "cbrt", "deg2rad", "degrees", "exp2", "fabs", "fix", "frexp", "i0", "isneginf", "isposinf",
    "modf", "rad2deg", "radians", "rint", "sinc", "spacing",
]  # fmt: skip
NUMPY_BINARY = ["divmod", "float_power", "fmax", "fmin", "fmod", "heaviside", "logaddexp2"]
EMATH_UNARY = ["sqrt", "log", "log2", "log10", "arccos", "arcsin", "arctanh"]
NAN_REDUCTIONS = [
    "nanargmax", "nanargmin", "nancumprod", "nancumsum", "nanmax", "nanmean", "nanmedian",
    "nanmin", "nanprod", "nanstd", "nansum", "nanvar",
]  # fmt: skip


def _shapes(shape: Any, d: Inputs) -> list[Call]:
    """A creation call by varargs and by tuple, on the default device and on ``d``'s."""
    return [call(*shape), call(shape), call(shape, device=d.dev)]


CASES: dict[str, Case] = {
    # -- element-wise
    **{n: (lambda d: call(d.x)) for n in UNARY_REAL},
    **{n: (lambda d: call(d.xc)) for n in UNARY_COMPLEX},
    **{n: (lambda d: [call(d.x, d.y), call(d.x, 2.0)]) for n in BINARY_REAL},
    **{n: (lambda d: call(d.xi, d.yi)) for n in BINARY_INT},
    **{n: (lambda d: call(d.xi, d.sh)) for n in SHIFTS},
    **{n: (lambda d: call(d.bx, d.by)) for n in LOGICAL},
    "acosh": lambda d: call(d.x1),
    "bitwise_invert": lambda d: call(d.xi),
    "logical_not": lambda d: call(d.bx),
    "clip": lambda d: [call(d.x, 0.2, 0.8), call(d.x, d.y * 0.5, d.y)],
    "divide_int": lambda d: Call((d.xi, d.yi), fn=tb.divide),
    # -- creation
    "arange": lambda d: [
        call(5),
        call(0.0, 3.0, 0.5),
        call(1, 7, 2),
        call(0.0, 1.0, 0.25, device=d.dev),
    ],
    "empty": lambda d: Call(((3, 4),), fn=lambda s: tb.empty(s).shape),  # values: undefined
    "zeros": lambda d: _shapes((3, 4), d),
    "ones": lambda d: _shapes((3, 4), d),
    "full": lambda d: [
        call((3, 4), 1.5),
        call((2, 2), 7),
        call((3,), 1.5, device=d.dev),
        call((2, 3), d.s0),
    ],
    "eye": lambda d: [call(3), call(3, 4, k=1), call(4, dtype=tb.float32, device=d.dev)],
    "identity": lambda d: [call(3), call(3, device=d.dev)],
    "linspace": lambda d: [call(0.0, 1.0, 5), call(0.0, 1.0, 100, device=d.dev)],
    "empty_like": lambda d: Call((d.x,), fn=lambda p: tb.empty_like(p).shape),
    "zeros_like": lambda d: [call(d.x), call(d.xi, dtype=tb.float32)],
    "ones_like": lambda d: call(d.x),
    "full_like": lambda d: call(d.x, 1.5),
    "rand_like": lambda d: call(d.x),
    "randn_like": lambda d: call(d.x),
    # -- the bridge (tensor in, tensor out)
    "asarray": lambda d: [
        call(d.x),
        call(d.x, dtype=tb.float32),
        Call(fn=lambda: tb.asarray([1.5, 2.5, 3.0])),
        Call(fn=lambda: tb.asarray([[1, 2], [3, 4]])),
        Call(fn=lambda: tb.asarray(2.5)),
    ],
    "array": lambda d: [call(d.x), Call(fn=lambda: tb.array([1.0, 2.0]))],
    "to_device": lambda d: [call(d.x, d.dev), call(d.x, "cpu", copy=True)],
    "from_dlpack": lambda d: call(d.x),
    "from_numpy": lambda d: Call(fn=lambda: tb.from_numpy(np.ones(3))),
    "shares_memory": lambda d: call(d.x, d.x[0]),
    "may_share_memory": lambda d: call(d.x[:, ::2], d.x[:, 1::2]),
    "to_numpy": lambda d: call(d.x.cpu()),
    "writable_numpy": lambda d: Call((d.x.cpu().clone(),), fn=_write_through),
    # -- data types
    "astype": lambda d: [call(d.x, tb.float32), call(d.xi, "float64")],
    "can_cast": lambda d: [call(tb.float32, tb.float64), call(d.x, tb.int64)],
    "finfo": lambda d: [call(tb.float32), call(d.x)],
    "iinfo": lambda d: [call(tb.int32), call(d.xi)],
    "isdtype": lambda d: [call(tb.float64, "real floating"), call(tb.int8, ("integral", "bool"))],
    "result_type": lambda d: [call(d.x, d.x32), call(d.xi, 1.5), call(tb.int8, tb.uint8)],
    # -- linear algebra (main namespace)
    "matmul": lambda d: call(d.x, d.a),
    "matrix_transpose": lambda d: call(d.x),
    "tensordot": lambda d: call(d.x, d.a, axes=1),
    "vecdot": lambda d: call(d.x, d.y),
    # -- manipulation
    "broadcast_arrays": lambda d: call(d.x, d.row),
    "broadcast_shapes": lambda d: call((3, 1), (1, 4)),
    "broadcast_to": lambda d: call(d.row, (3, 4)),
    "concat": lambda d: [call((d.x, d.y)), call([d.x, d.y], axis=None)],
    "expand_dims": lambda d: call(d.x, axis=0),
    "flip": lambda d: [call(d.x), call(d.x, axis=1)],
    "meshgrid": lambda d: [call(d.u, d.w), call(d.u, d.w, indexing="ij")],
    "moveaxis": lambda d: call(d.x, 0, 1),
    "permute_dims": lambda d: call(d.x, (1, 0)),
    "repeat": lambda d: [call(d.x, 2, axis=0), call(d.x, 2)],
    "reshape": lambda d: [call(d.x, (4, 3)), call(d.x, (-1,))],
    "roll": lambda d: [call(d.x, 1, axis=0), call(d.x, 2)],
    "squeeze": lambda d: call(d.x0, axis=0),
    "stack": lambda d: call((d.x, d.y)),
    "take": lambda d: [call(d.x, d.idx, axis=1), call(d.u, d.idx)],
    "take_along_axis": lambda d: call(d.x, d.ix, axis=1),
    "tile": lambda d: call(d.x, (2, 1)),
    "tril": lambda d: call(d.a),
    "triu": lambda d: call(d.a, k=1),
    "unstack": lambda d: call(d.x),
    # -- searching, sorting, sets
    "argmax": lambda d: [call(d.x, axis=1), call(d.x)],
    "argmin": lambda d: [call(d.x, axis=1), call(d.x)],
    "argsort": lambda d: call(d.x),
    "sort": lambda d: [call(d.x), call(d.x, axis=0, descending=True)],
    "count_nonzero": lambda d: [call(d.bx), call(d.xi, axis=1)],
    "isin": lambda d: call(d.xi, d.yi),
    "nonzero": lambda d: call(d.bx),
    "searchsorted": lambda d: fixed(d.srt, d.u),
    "where": lambda d: [call(d.bx, d.x, d.y), call(d.bx, d.x, 0.0)],
    "unique_values": lambda d: call(d.xi),
    "unique_counts": lambda d: call(d.xi),
    "unique_inverse": lambda d: call(d.xi),
    "unique_all": lambda d: call(d.xi),
    # -- statistics
    "all": lambda d: [call(d.bx), call(d.bx, axis=0)],
    "any": lambda d: [call(d.bx), call(d.bx, axis=1, keepdims=True)],
    "cumulative_sum": lambda d: [call(d.x, axis=1), call(d.xi, axis=0, include_initial=True)],
    "cumulative_prod": lambda d: call(d.x, axis=1),
    "diff": lambda d: [call(d.x), call(d.x, axis=0, prepend=0.0)],
    "max": lambda d: [call(d.x), call(d.x, axis=0)],
    "min": lambda d: [call(d.x), call(d.x, axis=(0, 1), keepdims=True)],
    "mean": lambda d: [call(d.x), call(d.xi, axis=1)],
    "prod": lambda d: [call(d.x), call(d.xi, axis=0), call(d.x0, axis=(1, 2))],
    "sum": lambda d: [call(d.x), call(d.xi, axis=1), call(d.bx)],
    "std": lambda d: [call(d.x), call(d.x, axis=0, correction=1)],
    "var": lambda d: [call(d.x), call(d.x, axis=1, ddof=1), call(d.xi)],
    # -- random: the module functions draw from torch's global generator, which the sweeps
    # reseed before each call, so compiled and vmapped draws are compared value for value with
    # eager ones. Each distribution has a call with number parameters and one with tensor
    # parameters (those are batched by the vmap sweep).
    "rand": lambda d: [call(3, 4), call(2, device=d.dev)],
    "randn": lambda d: [call(3, 4), call(2, dtype=tb.float32, device=d.dev)],
    "normal": lambda d: [call(size=(3,)), call(d.x, 0.5), call(0.0, 2.0, (2, 2), device=d.dev)],
    "uniform": lambda d: [call(size=(3,)), call(d.x, 1.0), call(d.x, d.y)],
    "random.random": lambda d: [call((3, 4)), call(5, dtype=tb.float32, device=d.dev)],
    "random.standard_normal": lambda d: [call((3, 4)), call(2, dtype=tb.float32, device=d.dev)],
    "random.standard_exponential": lambda d: [call(5), call((2, 2), device=d.dev)],
    "random.standard_cauchy": lambda d: [call(5), call((2, 2), device=d.dev)],
    "random.randint": lambda d: [call(10, size=(2, 3)), call(-3, 7, size=4, device=d.dev)],
    "random.randint_exact": lambda d: [call(0, 10**6, size=4, device=d.dev), call(0, d.yi)],
    "random.random_integers": lambda d: [call(6, size=(2, 3)), call(-3, 7, size=4)],
    "random.choice": lambda d: [
        call(5, size=3, device=d.dev),
        call(6, size=4, replace=False, device=d.dev),
        call(d.u, size=(2, 2)),
        call(d.w, size=3, p=d.w / d.w.sum()),
    ],
    "random.permutation": lambda d: [call(6, device=d.dev), call(d.x)],
    "random.shuffle": lambda d: Call((d.x,), fn=_shuffled),
    "random.bytes": lambda d: call(8),
    "random.beta": lambda d: [call(0.5, 2.0, size=5, device=d.dev), fresh(d.x, d.y)],
    "random.binomial": lambda d: [call(10, 0.3, size=5, device=d.dev), fresh(10, d.x)],
    "random.chisquare": lambda d: [call(3.0, size=5, device=d.dev), fresh(d.x * 4)],
    "random.dirichlet": lambda d: [call([1.0, 2.0, 3.0], size=2, device=d.dev), fresh(d.w + 0.5)],
    "random.exponential": lambda d: [call(2.0, size=5), call(2.0, (2,), device=d.dev), call(d.x)],
    "random.f": lambda d: [call(5.0, 10.0, size=4, device=d.dev), fresh(d.x * 5, d.y * 5)],
    "random.gamma": lambda d: [call(2.0, 3.0, size=4, device=d.dev), fresh(d.x * 3, d.y)],
    "random.geometric": lambda d: [call(0.3, size=5, device=d.dev), call(d.x)],
    "random.gumbel": lambda d: [call(size=5, device=d.dev), call(d.x, d.y)],
    "random.hypergeometric": lambda d: [
        call(10, 5, 7, size=5, device=d.dev),
        call(40, 30, 25, size=5, device=d.dev),  # 10 or more: the ratio-of-uniforms sampler
        call(d.yi * 3, d.yi * 2, d.yi),
    ],
    "random.laplace": lambda d: [call(size=5, device=d.dev), call(d.x, d.y)],
    "random.logistic": lambda d: [call(size=5, device=d.dev), call(d.x, d.y)],
    "random.lognormal": lambda d: [call(size=5, device=d.dev), call(d.x, d.y)],
    "random.logseries": lambda d: [call(0.6, size=5, device=d.dev), call(d.x)],
    "random.multinomial": lambda d: [
        call(20, [0.2, 0.3, 0.5], size=4, device=d.dev),
        fresh(20, d.w / d.w.sum()),
    ],
    "random.multivariate_normal": lambda d: [
        call([0.0, 1.0], [[1.0, 0.5], [0.5, 2.0]], size=3, device=d.dev),
        call(d.w, d.spd, size=2),
    ],
    "random.negative_binomial": lambda d: [call(3, 0.5, size=4, device=d.dev), fresh(d.x * 3, d.y)],
    "random.noncentral_chisquare": lambda d: [
        call(3.0, 2.0, size=4, device=d.dev),
        fresh(d.x * 3, d.y),
    ],
    "random.noncentral_f": lambda d: [
        call(5.0, 10.0, 1.5, size=3, device=d.dev),
        fresh(d.x * 5, d.y * 5, d.x),
    ],
    "random.pareto": lambda d: [call(3.0, size=5, device=d.dev), call(d.x * 3)],
    "random.poisson": lambda d: [call(3.0, size=4), call(3.0, 4, device=d.dev), fresh(d.x * 3)],
    "random.power": lambda d: [call(5.0, size=5, device=d.dev), call(d.x * 5)],
    "random.rayleigh": lambda d: [call(2.0, size=5, device=d.dev), call(d.x)],
    "random.standard_gamma": lambda d: [
        call(2.0, size=3, device=d.dev),
        call(0.5, size=3, device=d.dev),
        fresh(d.x * 2),
        fresh(d.s0, size=3),  # compiled: a traced 0-d shape takes the general path
    ],
    "random.standard_t": lambda d: [call(4.0, size=5, device=d.dev), fresh(d.x * 4)],
    "random.triangular": lambda d: [
        call(0, 1, 4, size=5, device=d.dev),
        call(d.x - 1, d.x, d.x + 1),
    ],
    "random.vonmises": lambda d: [call(0.0, 4.0, size=5, device=d.dev), call(d.x, d.y * 4)],
    "random.wald": lambda d: [call(1.0, 2.0, size=5, device=d.dev), call(d.x, d.y)],
    "random.weibull": lambda d: [call(1.5, size=5, device=d.dev), call(d.x * 2)],
    "random.zipf": lambda d: [call(2.0, size=5, device=d.dev), call(d.x + 1.5)],
    "random.seed": lambda d: [call(0), call([1, 2, 3])],
    "random.get_state": lambda d: [call(), call(legacy=False)],
    "random.set_state": lambda d: call(tb.random.get_state()),
    "random.default_rng": lambda d: Call(fn=lambda: tb.random.default_rng(0).normal(size=3)),
    "random.SeedSequence": lambda d: Call(
        fn=lambda: tb.random.SeedSequence(0).generate_state(2).tolist()
    ),
    "random.Generator": lambda d: [
        Call(fn=lambda: tb.random.Generator(0).random(3)),
        Call((d.x,), fn=lambda loc: tb.random.Generator(1).normal(loc, 0.5)),
    ],
    # -- NumPy's dtype functions
    "dtype": lambda d: [call("f4"), call(np.int16), call(float), call(d.x.dtype)],
    "issubdtype": lambda d: [
        call(tb.float32, tb.floating),
        call(d.xi.dtype, tb.signedinteger),
        call("f8", np.number),
    ],
    "promote_types": lambda d: [
        call(tb.int8, tb.uint8),
        call("f4", "i8"),
        call(d.x.dtype, d.x32.dtype),
    ],
    # -- NumPy's state: print options and floating-point error handling
    "get_printoptions": lambda d: call(),
    "set_printoptions": lambda d: call(**tb.get_printoptions()),  # the options in force
    "printoptions": lambda d: Call((d.x,), fn=_under_printoptions),
    "geterr": lambda d: call(),
    "seterr": lambda d: call(**tb.geterr()),  # the settings in force
    "errstate": lambda d: Call((d.x,), fn=_under_errstate),
    # -- NumPy's iteration and bit packing
    "ndenumerate": lambda d: Call((d.x,), fn=lambda x: list(tb.ndenumerate(x))),
    "ndindex": lambda d: [
        Call(fn=lambda: list(tb.ndindex(2, 3))),
        Call(fn=lambda: list(tb.ndindex((3,)))),
    ],
    "packbits": lambda d: [call(d.bx), call(d.xi, axis=1, bitorder="little")],
    "unpackbits": lambda d: [call(d.u8), call(d.u8, axis=0, count=10, bitorder="little")],
    # -- NumPy's file I/O
    "loadtxt": lambda d: call(["1 2 3", "4 5 6"]),
    "genfromtxt": lambda d: call(["1,2,3", "4,,6"], delimiter=","),
    "savetxt": lambda d: Call((d.x,), fn=lambda x: tb.savetxt(io.StringIO(), x)),
    "save": lambda d: Call((d.x,), fn=lambda x: tb.save(io.BytesIO(), x)),
    "savez": lambda d: Call((d.x, d.y), fn=lambda x, y: tb.savez(io.BytesIO(), x, y=y)),
    "savez_compressed": lambda d: Call((d.x,), fn=lambda x: tb.savez_compressed(io.BytesIO(), x=x)),
    "load": lambda d: Call(fn=lambda: tb.load(io.BytesIO(_NPY))),
    "fromfile": lambda d: call(_raw_file(), dtype=tb.int16),
    # -- autograd and scopes
    "grad": lambda d: Call((d.x,), fn=_grad_of_loss),
    "value_and_grad": lambda d: Call((d.x,), fn=_value_and_grad_of_loss),
    "no_grad": lambda d: Call((d.x,), fn=_under_no_grad),
    "enable_grad": lambda d: Call((d.x,), fn=_under_enable_grad),
    "default_float": lambda d: Call(fn=_under_default_float),
    "__array_namespace_info__": lambda d: Call(
        fn=lambda: tb.__array_namespace_info__().default_dtypes()
    ),
    # -- NumPy's creation functions
    "ascontiguousarray": lambda d: [call(d.x.mT), call(d.x, dtype=tb.float32)],
    "asarray_chkfinite": lambda d: [call(d.x), call(d.xi, dtype=tb.float32)],
    "require": lambda d: [call(d.x.mT, requirements="C"), call(d.x, tb.float32, ["F", "O"])],
    "diag": lambda d: [call(d.u), call(d.a, k=1)],
    "diagflat": lambda d: call(d.u),
    "frombuffer": lambda d: Call(fn=lambda: tb.frombuffer(b"\x01\x02\x03\x04", dtype=tb.uint8)),
    "fromfunction": lambda d: call(_add_indices, (3, 4)),
    "fromiter": lambda d: call(range(5), tb.float64),
    "geomspace": lambda d: [rounded(1.0, 1000.0, 4), call(2.0, 32.0, 5, device=d.dev)],
    "logspace": lambda d: [rounded(0.0, 2.0, 5), call(0.0, 1.0, 4, base=2.0, device=d.dev)],
    "tri": lambda d: [call(3), call(3, 4, k=1, device=d.dev)],
    "vander": lambda d: [call(d.u), call(d.u, 4, increasing=True)],
    # -- NumPy's element-wise functions
    **{n: (lambda d: call(d.x)) for n in NUMPY_UNARY},
    **{n: (lambda d: call(d.x, d.y)) for n in NUMPY_BINARY},
    "angle": lambda d: [call(d.xc), call(d.x)],
    "gcd": lambda d: call(d.xi, d.yi),
    "bitwise_count": lambda d: [call(d.xi), call(d.u8)],
    "binary_repr": lambda d: [call(5), call(-5, width=8)],
    "base_repr": lambda d: [call(255, 16), call(-7, 3, padding=2)],
    "lcm": lambda d: call(d.xi, d.yi),
    "ldexp": lambda d: [call(d.x, 3), call(d.x, -2)],
    "iscomplex": lambda d: [call(d.xc), call(d.x)],
    "isreal": lambda d: [call(d.xc), call(d.x)],
    "iscomplexobj": lambda d: [call(d.xc), call(d.x)],
    "isrealobj": lambda d: [call(d.xc), call(d.x)],
    "nan_to_num": lambda d: [call(d.xn), call(d.xn, nan=-1.0)],
    "real_if_close": lambda d: call(d.x),
    "unwrap": lambda d: [call(d.x * 10), call(d.x * 10, axis=0)],
    # -- NumPy's indexing functions (those that write in place write into a copy)
    "choose": lambda d: call(d.ix, [d.x, d.y, d.x1, d.xn]),
    "compress": lambda d: [call([True, False, True], d.x, axis=0), call(d.bx[:, 0], d.x, axis=0)],
    "diag_indices": lambda d: [call(3), call(2, ndim=3)],
    "diag_indices_from": lambda d: call(d.a),
    "extract": lambda d: call(d.bx, d.x),
    "fill_diagonal": lambda d: Call((d.a, 5.0), fn=_in_copy(tb.fill_diagonal)),
    "copyto": lambda d: [
        Call((d.x, d.y), fn=_in_copy(tb.copyto)),
        Call((d.x, d.row), {"where": d.bx}, fn=_in_copy(tb.copyto)),
    ],
    "mask_indices": lambda d: [call(3, tb.triu), call(4, tb.tril, -1)],
    "indices": lambda d: [call((2, 3)), call((2, 3), sparse=True)],
    "ix_": lambda d: call(d.idx, d.u),
    "piecewise": lambda d: call(d.x, [d.bx], [_double, 0.0]),
    "place": lambda d: Call((d.x, d.bx, d.y.reshape(-1)), fn=_in_copy(tb.place)),
    "put": lambda d: Call((d.x, d.idx, d.u[:2]), fn=_in_copy(tb.put)),
    "put_along_axis": lambda d: Call((d.x, d.ix, d.y), {"axis": 1}, fn=_in_copy(tb.put_along_axis)),
    "putmask": lambda d: Call((d.x, d.bx, d.y), fn=_in_copy(tb.putmask)),
    "ravel_multi_index": lambda d: [
        call((d.ix, d.sh), (4, 4)),
        call((d.ix, d.xi), (4, 4), mode="wrap"),
    ],
    "select": lambda d: [call([d.bx, d.by], [d.x, d.y]), call([d.bx], [d.x], 0.5)],
    "tril_indices": lambda d: [call(4), call(3, k=1, m=4)],
    "tril_indices_from": lambda d: call(d.a),
    "triu_indices": lambda d: [call(4), call(3, k=1, m=4)],
    "triu_indices_from": lambda d: call(d.a, k=1),
    "unravel_index": lambda d: [call(d.ix * 3, (3, 4)), call(d.ix, (2, 2), order="F")],
    # -- NumPy's logic functions and sets
    "allclose": lambda d: [call(d.x, d.y), call(d.x, d.x)],
    "array_equal": lambda d: [call(d.x, d.y), call(d.x, d.x)],
    "array_equiv": lambda d: [call(d.x, d.row), call(d.x, d.x)],
    "isclose": lambda d: [call(d.x, d.y), call(d.x, d.y, atol=0.1)],
    "in1d": lambda d: call(d.xi, d.yi),
    "intersect1d": lambda d: call(d.xi, d.yi),
    "setdiff1d": lambda d: call(d.xi, d.yi),
    "setxor1d": lambda d: call(d.xi, d.yi),
    "union1d": lambda d: call(d.xi, d.yi),
    "unique": lambda d: [call(d.xi), call(d.xi, return_counts=True)],
    # -- NumPy's manipulation functions
    "append": lambda d: [call(d.x, d.y, axis=0), call(d.x, d.u)],
    "array_split": lambda d: [call(d.x, 3, axis=1), call(d.u, [1])],
    "atleast_1d": lambda d: [call(d.s0), call(d.x, d.u)],
    "atleast_2d": lambda d: [call(d.u), call(d.s0)],
    "atleast_3d": lambda d: [call(d.x), call(d.u)],
    "column_stack": lambda d: call((d.u, d.u)),
    "copy": lambda d: call(d.x),
    "delete": lambda d: [call(d.x, 1, axis=1), call(d.x, [0, 2], axis=1)],
    "dsplit": lambda d: call(d.x0, 2),
    "dstack": lambda d: call((d.x, d.y)),
    "fliplr": lambda d: call(d.x),
    "flipud": lambda d: call(d.x),
    "hsplit": lambda d: call(d.x, 2),
    "hstack": lambda d: call((d.x, d.y)),
    "insert": lambda d: [call(d.x, 1, 0.5, axis=1), call(d.u, [0, 2], 7.0)],
    "pad": lambda d: [call(d.x, 1), call(d.x, ((1, 0), (0, 2)), mode="reflect")],
    "ravel": lambda d: call(d.x),
    "resize": lambda d: call(d.x, (2, 7)),
    "rollaxis": lambda d: call(d.x0, 2),
    "rot90": lambda d: [call(d.x), call(d.x, 3)],
    "split": lambda d: [call(d.x, 2, axis=1), call(d.u, [1, 2])],
    "swapaxes": lambda d: call(d.x, 0, 1),
    "trim_zeros": lambda d: call(torch.nn.functional.pad(d.u, (1, 2))),
    "vsplit": lambda d: call(d.x, 3),
    "vstack": lambda d: call((d.x, d.y)),
    "shape": lambda d: [call(d.x), call(d.s0)],
    "isscalar": lambda d: [call(d.x), call(2.5)],
    "iterable": lambda d: [call(d.x), call(d.s0)],
    "common_type": lambda d: [call(d.x, d.xi), call(d.x32, d.xc)],
    "min_scalar_type": lambda d: [call(d.x), call(d.s0)],
    "ndim": lambda d: [call(d.x), call(d.s0)],
    "size": lambda d: [call(d.x), call(d.x, 1), call(d.x, (0, 1))],
    "block": lambda d: [call([[d.x, d.y], [d.y, d.x]]), call([d.u, d.w])],
    "apply_along_axis": lambda d: [call(tb.sum, 1, d.x), call(_double, 0, d.x)],
    "apply_over_axes": lambda d: [call(tb.sum, d.x, [0, 1]), call(tb.cumsum, d.x, 1)],
    # -- NumPy's products
    "cross": lambda d: call(d.p3, d.q3),
    "matvec": lambda d: [call(d.a, d.w), call(d.x, d.w)],
    "vecmat": lambda d: [call(d.w, d.a), call(d.xc[:, :3], d.xc[None, :3])],
    "diagonal": lambda d: [call(d.a), call(d.a, 1)],
    "dot": lambda d: [call(d.x, d.a), call(d.u, d.u)],
    "einsum": lambda d: [call("ij,jk->ik", d.x, d.a), call("ii", d.a)],
    "einsum_path": lambda d: [call("ij,jk,kl->il", d.x, d.a, d.bm), call(d.x, [0, 1], d.a, [1, 2])],
    "inner": lambda d: call(d.x, d.y),
    "kron": lambda d: call(d.x, d.bm),
    "outer": lambda d: call(d.u, d.w),
    "trace": lambda d: call(d.a),
    "vdot": lambda d: call(d.xc, d.xc),
    # -- NumPy's signal processing and polynomials
    "convolve": lambda d: [call(d.w, d.u), call(d.w, d.u, "same")],
    **{n: (lambda d: [call(5), call(1)]) for n in ("bartlett", "blackman", "hamming", "hanning")},
    "kaiser": lambda d: [call(5, 14.0), call(4, 0.0)],
    "correlate": lambda d: [call(d.w, d.u), call(d.w, d.u, "full")],
    "ediff1d": lambda d: call(d.x),
    "gradient": lambda d: [call(d.x), call(d.u, 0.5)],
    "interp": lambda d: fixed(d.u, d.srt, d.srt * 2),
    "poly": lambda d: call(d.u),
    "polyadd": lambda d: call(d.u, d.w),
    "polyder": lambda d: call(d.w),
    "polydiv": lambda d: [call(d.w, d.u), call(d.u, d.u[:1])],
    "polyfit": lambda d: call(d.srt, d.srt * d.srt, 2),
    "polyint": lambda d: call(d.w),
    "polymul": lambda d: call(d.u, d.w),
    "polysub": lambda d: call(d.u, d.w),
    "polyval": lambda d: call(d.w, d.u),
    "roots": lambda d: call(d.w),
    "trapezoid": lambda d: [call(d.x), call(d.x, dx=0.5, axis=0)],
    # -- NumPy's sorting and searching
    "argpartition": lambda d: call(d.x, 2),
    "argwhere": lambda d: call(d.bx),
    "flatnonzero": lambda d: call(d.bx),
    "lexsort": lambda d: call((d.xi, d.yi)),
    "partition": lambda d: call(d.x, 2),
    "sort_complex": lambda d: call(d.x),
    # -- NumPy's statistics
    "average": lambda d: [call(d.x), call(d.x, axis=1, weights=d.w)],
    "bincount": lambda d: call(d.xi.reshape(-1)),
    "corrcoef": lambda d: rounded(d.x),
    "cov": lambda d: [rounded(d.x), rounded(d.x, rowvar=False)],
    "cumprod": lambda d: [call(d.x, axis=1), call(d.x)],
    "cumsum": lambda d: [call(d.x, axis=1), call(d.xi)],
    "digitize": lambda d: fixed(d.x, d.srt),
    "histogram": lambda d: call(d.x, bins=5),
    "histogram2d": lambda d: call(d.u, d.w[:3], bins=3),
    "histogram_bin_edges": lambda d: call(d.x, bins=5),
    "histogramdd": lambda d: call(d.p3, bins=3),
    "median": lambda d: [call(d.x), call(d.x, axis=0)],
    **{n: (lambda d: [call(d.xn), call(d.xn, axis=1)]) for n in NAN_REDUCTIONS},
    "nanpercentile": lambda d: [call(d.xn, 30), call(d.xn, 50, axis=1)],
    "nanquantile": lambda d: [call(d.xn, 0.3), call(d.xn, 0.5, axis=1)],
    "percentile": lambda d: [call(d.x, 30), call(d.x, [25, 75], axis=1)],
    "quantile": lambda d: [call(d.x, 0.3), call(d.x, [0.25, 0.75], axis=1)],
    "ptp": lambda d: [call(d.x), call(d.x, axis=1)],
    # -- linalg
    "linalg.cholesky": lambda d: call(d.spd),
    "linalg.cross": lambda d: call(d.p3, d.q3),
    "linalg.det": lambda d: call(d.a),
    "linalg.diagonal": lambda d: call(d.a, offset=1),
    "linalg.eig": lambda d: call(d.spd),
    "linalg.eigh": lambda d: call(d.spd),
    "linalg.eigvals": lambda d: call(d.spd),
    "linalg.eigvalsh": lambda d: call(d.spd),
    "linalg.inv": lambda d: call(d.a),
    "linalg.matrix_norm": lambda d: [call(d.a), call(d.a, ord=1)],
    "linalg.matrix_power": lambda d: [call(d.a, 3), call(d.a, -1)],
    "linalg.matrix_rank": lambda d: call(d.a),
    "linalg.outer": lambda d: call(d.u, d.w),
    "linalg.pinv": lambda d: call(d.a),
    "linalg.qr": lambda d: call(d.a),
    "linalg.slogdet": lambda d: call(d.a),
    "linalg.solve": lambda d: call(d.a, d.bm),
    "linalg.svd": lambda d: call(d.spd),
    "linalg.svdvals": lambda d: call(d.a),
    "linalg.trace": lambda d: call(d.a),
    "linalg.vector_norm": lambda d: [call(d.x), call(d.x, axis=1, ord=1)],
    "linalg.cond": lambda d: [call(d.a), call(d.a, "fro")],
    "linalg.lstsq": lambda d: call(d.p3, d.bm),
    "linalg.multi_dot": lambda d: call([d.x, d.a, d.bm]),
    "linalg.norm": lambda d: [call(d.x), call(d.a, 2), call(d.x, axis=1)],
    "linalg.tensorinv": lambda d: call(d.a.reshape(2, 2, 2, 2)),
    "linalg.tensorsolve": lambda d: call(d.a.reshape(2, 2, 2, 2), d.w.reshape(2, 2)),
    # -- emath
    **{f"emath.{n}": (lambda d: [call(d.x), call(d.x - 2.0)]) for n in EMATH_UNARY},
    "emath.logn": lambda d: [call(2.0, d.x), call(d.y - 2.0, d.x)],
    # -- lib.stride_tricks (its broadcast functions are the main namespace's)
    "lib.stride_tricks.sliding_window_view": lambda d: [call(d.x, 2, axis=1), call(d.x, (2, 3))],
    # byte strides, as NumPy's: 8 bytes per float64 element
    "lib.stride_tricks.as_strided": lambda d: fixed(d.x, shape=(2, 2), strides=(32, 8)),
    "emath.power": lambda d: [call(d.x, 2.0), call(d.x - 2.0, 0.5)],
    # -- fft
    **{f"fft.{n}": (lambda d: call(d.xc)) for n in FFT_COMPLEX},
    **{f"fft.{n}": (lambda d: call(d.x)) for n in FFT_REAL},
    "fft.fft2": lambda d: call(d.xc),
    "fft.ifft2": lambda d: call(d.xc),
    "fft.rfft2": lambda d: call(d.x),
    "fft.irfft2": lambda d: call(d.xc),
    "fft.fftfreq": lambda d: [call(8), call(5, d=0.5, device=d.dev)],
    "fft.rfftfreq": lambda d: [call(8), call(5, d=0.5, device=d.dev)],
}
# Extra cases beyond one per name (a name's second family of inputs), keyed "<name>_<what>".
EXTRA_CASES = {"divide_int": "divide", "random.randint_exact": "random.randint"}


def _add_indices(i: torch.Tensor, j: torch.Tensor) -> torch.Tensor:
    return i * 10 + j


def _double(v: torch.Tensor) -> torch.Tensor:
    return v * 2


def _in_copy(write: Callable[..., None]) -> Callable[..., torch.Tensor]:
    """A function that writes in place, applied to a copy of its first argument (the example
    inputs are shared by the calls), which it returns."""

    def written(a: torch.Tensor, *args: Any, **kwargs: Any) -> torch.Tensor:
        b = a.clone()
        write(b, *args, **kwargs)
        return b

    return written


def _loss(v: torch.Tensor) -> torch.Tensor:
    return tb.sum(tb.square(tb.sin(v) - 0.5))


def _grad_of_loss(x: torch.Tensor) -> Any:
    return tb.grad(_loss)(x)


def _value_and_grad_of_loss(x: torch.Tensor) -> Any:
    return tb.value_and_grad(_loss)(x)


def _under_no_grad(x: torch.Tensor) -> torch.Tensor:
    with tb.no_grad():
        return x * 2


def _under_enable_grad(x: torch.Tensor) -> torch.Tensor:
    with tb.enable_grad():
        return x * 2


def _under_default_float() -> torch.Tensor:
    with tb.default_float(tb.float32):
        return tb.zeros(3)


def _shuffled(x: torch.Tensor) -> torch.Tensor:
    y = x.clone()  # the example input is shared by the calls: shuffle a copy
    tb.random.shuffle(y)
    return y


def _under_printoptions(x: torch.Tensor) -> Any:
    with tb.printoptions(precision=3):
        return x * 2, tb.get_printoptions()["precision"]


def _under_errstate(x: torch.Tensor) -> Any:
    with tb.errstate(divide="ignore"):
        return tb.log(x), tb.geterr()["divide"]


def _npy_bytes() -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.arange(6.0).reshape(2, 3))
    return buffer.getvalue()


#: A .npy file's bytes, for ``load``.
_NPY = _npy_bytes()
#: Files the I/O cases read, removed when the process ends.
_FILES = tempfile.TemporaryDirectory(prefix="tbridge-sweep-")


def _raw_file() -> str:
    path = os.path.join(_FILES.name, "raw.bin")
    if not os.path.exists(path):
        np.arange(5, dtype=np.int16).tofile(path)
    return path


def _write_through(x: torch.Tensor) -> torch.Tensor:
    with tb.writable_numpy(x) as a:
        a[0] = 1.0
    return x


#: Functions that cannot run under ``torch.compile(fullgraph=True)``, with the reason.
NOT_COMPILABLE: dict[str, str] = {
    "to_numpy": "returns NumPy data (dynamo would trace NumPy on tensors; no ndarray comes out)",
    "writable_numpy": "hands out a NumPy view of tensor memory",
    "from_numpy": "takes NumPy data",
    "shares_memory": "compares data pointers, which traced tensors do not have",
    "may_share_memory": "compares data pointers, which traced tensors do not have",
    "random.default_rng": "creates torch.Generator objects, which dynamo does not trace",
    "random.Generator": "draws with generator=, which dynamo does not trace",
    "random.SeedSequence": "NumPy's own class: it hashes the seed with NumPy, on the host",
    "random.seed": "hashes the seed with NumPy and reseeds torch's generators: host work",
    "random.get_state": "reads the generator's state, which dynamo does not trace",
    "random.set_state": "writes the generator's state, which dynamo does not trace",
    "random.bytes": "returns Python bytes, read back from the drawn tensor on the host",
    "random.random_integers": "warns on every call (deprecated, as NumPy's); dynamo does not "
    "trace warnings.warn",
    "random.randint_exact": "ranges wider than 2**16 values and array bounds draw by rejection, "
    "exactly uniform: rounds until every entry is accepted, a loop on the data",
    "random.hypergeometric": "small samples run one round per item of the largest sample and "
    "large ones draw by rejection: loops whose length depends on the data",
    "random.logseries": "a rejection sampler: rounds until every entry is accepted, a loop on "
    "the data",
    "random.vonmises": "a rejection sampler: rounds until every entry is accepted, a loop on "
    "the data",
    "random.zipf": "a rejection sampler: rounds until every entry is accepted, a loop on the data",
    "default_float": "sets a context variable (call the compiled function inside the scope)",
    "geterr": "reads a context variable (the settings are per thread and asyncio task), which "
    "dynamo does not trace",
    "seterr": "sets a context variable, which dynamo does not trace",
    "errstate": "sets a context variable, which dynamo does not trace (enter it around the "
    "compiled call)",
    "loadtxt": "reads a file with NumPy's reader (host I/O)",
    "genfromtxt": "reads a file with NumPy's reader (host I/O)",
    "load": "reads a file with NumPy's reader (host I/O)",
    "fromfile": "reads a file with NumPy's reader (host I/O)",
    "savetxt": "writes the values with NumPy's writer (host I/O)",
    "save": "writes the values with NumPy's writer (host I/O)",
    "savez": "writes the values with NumPy's writer (host I/O)",
    "savez_compressed": "writes the values with NumPy's writer (host I/O)",
    "frombuffer": "reads the buffer with NumPy (host work)",
    "fromiter": "consumes the iterable with NumPy (host work)",
    "compress": "data-dependent output shape; reads the last kept index on the host",
    "piecewise": "counts the selected entries on the host (data-dependent control flow)",
    "allclose": "returns a Python bool (torch.allclose reads the values)",
    "array_equal": "returns a Python bool (torch.equal reads the values)",
    "setxor1d": "data-dependent output shape (branches on a unique's size)",
    "delete": "checks the indices' range on the host (.item())",
    "insert": "checks the indices' range on the host (.item())",
    "trim_zeros": "data-dependent output shape",
    "polyfit": "torch.linalg.lstsq's gelsd driver: data-dependent output shapes (rank, residuals)",
    "polymul": "reads the leading coefficients on the host (data-dependent control flow)",
    "roots": "checks finiteness on the host (.item(), cmath.isfinite)",
    "digitize": "reads the bins on the host (.tolist())",
    "histogram": "reads the data's range on the host (.item(), math.isfinite)",
    "histogram2d": "reads the data's range on the host (.item(), math.isfinite)",
    "histogram_bin_edges": "reads the data's range on the host (.item(), math.isfinite)",
    "histogramdd": "reads the data's range on the host (.item(), math.isfinite)",
    "linalg.lstsq": "torch.linalg.lstsq's gelsd driver: data-dependent output shapes (rank, residuals)",
    "min_scalar_type": "reads a 0-d array's value on the host (.item()) for NumPy's answer",
    "asarray_chkfinite": "reads whether the values are finite on the host (bool of a reduction)",
    "polydiv": "reads the remainder's leading coefficients on the host to trim them",
    "einsum_path": "NumPy's einsum_path on the host (on the operands' shapes)",
    **{
        f"emath.{n}": "reads on the host whether any entry is outside the real domain (the "
        "result's dtype depends on it)"
        for n in [*EMATH_UNARY, "logn", "power"]
    },
}

#: Functions that cannot run under ``torch.func.vmap``, with the reason.
NOT_VMAPPABLE: dict[str, str] = {
    "to_numpy": "NumPy cannot view a batched tensor",
    "writable_numpy": "NumPy cannot view a batched tensor",
    "shares_memory": "batched tensors have no data pointer",
    "may_share_memory": "batched tensors have no data pointer",
    "nonzero": "data-dependent output shape",
    "unique_values": "data-dependent output shape",
    "unique_counts": "data-dependent output shape",
    "unique_inverse": "data-dependent output shape",
    "unique_all": "data-dependent output shape",
    "random.set_state": "the state is one generator's, not a batch of them",
    "random.randint_exact": "rejection sampling: the rounds depend on the data",
    "random.hypergeometric": "rejection sampling and item-by-item rounds: loops on the data",
    "random.logseries": "rejection sampling: the rounds depend on the data",
    "random.vonmises": "rejection sampling: the rounds depend on the data",
    "random.zipf": "rejection sampling: the rounds depend on the data",
    "savetxt": "NumPy's writer cannot read a batched tensor",
    "save": "NumPy's writer cannot read a batched tensor",
    "savez": "NumPy's writer cannot read a batched tensor",
    "savez_compressed": "NumPy's writer cannot read a batched tensor",
    "compress": "data-dependent output shape",
    "extract": "data-dependent output shape",
    "piecewise": "data-dependent output shape (masked_select)",
    "allclose": "returns a Python bool (data-dependent control flow)",
    "array_equal": "returns a Python bool (data-dependent control flow)",
    "array_equiv": "returns a Python bool (data-dependent control flow)",
    "intersect1d": "data-dependent output shape",
    "setdiff1d": "data-dependent output shape",
    "setxor1d": "data-dependent output shape",
    "union1d": "data-dependent output shape",
    "unique": "data-dependent output shape",
    "trim_zeros": "data-dependent output shape",
    "flatnonzero": "data-dependent output shape",
    "polyfit": "torch.linalg.lstsq under vmap rejects the batched right-hand side's shape",
    "polymul": "reads the leading coefficients on the host (data-dependent control flow)",
    "roots": "checks finiteness on the host (.item())",
    "digitize": "reads the bins on the host (.tolist())",
    "histogram": "reads the data's range on the host (.item())",
    "histogram2d": "reads the data's range on the host (.item())",
    "histogram_bin_edges": "reads the data's range on the host (.item())",
    "histogramdd": "reads the data's range on the host (.item())",
    "min_scalar_type": "reads a 0-d array's value on the host (.item()) for NumPy's answer",
    "asarray_chkfinite": "reads whether the values are finite on the host (bool of a reduction)",
    "polydiv": "reads the remainder's leading coefficients on the host to trim them",
    **{
        f"emath.{n}": "reads on the host whether any entry is outside the real domain (the "
        "result's dtype depends on it)"
        for n in [*EMATH_UNARY, "logn", "power"]
    },
}


#: The type names of the array world: the array type (``ndarray`` is ``torch.Tensor``),
#: ``device`` (``torch.device``) and NumPy's scalar types (``generic``, ``floating``, ...).
_TYPE_NAMES = (torch.Tensor, torch.device, np.generic)


def _is_function(obj: object) -> bool:
    """Whether a public object is a function the sweeps cover.

    Functions, and the classes that NumPy code calls to get something done (``dtype``,
    ``errstate``, ``ndindex``, ``random.Generator``, ``no_grad``, ...). Not covered: modules,
    values (dtypes such as ``float64`` or ``double``), and the classes that name kinds of
    values, to test against with ``isinstance`` or ``issubdtype``: arrays, devices and
    NumPy's scalar types (``_TYPE_NAMES``).
    """
    if isinstance(obj, type):
        return not issubclass(obj, _TYPE_NAMES)
    return callable(obj) and not isinstance(obj, (types.ModuleType, torch.dtype))


def _public_functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    sections: list[tuple[str, types.ModuleType]] = [
        ("", tb),
        ("linalg.", tb.linalg),
        ("fft.", tb.fft),
        ("random.", tb.random),
        ("emath.", tb.emath),
        ("lib.stride_tricks.", tb.lib.stride_tricks),
    ]
    for prefix, module in sections:
        for name in module.__all__:
            obj = getattr(module, name)
            if _is_function(obj):
                yield prefix + name, obj


#: Every public function, by qualified name ("add", "linalg.det", "fft.fft", "random.Generator").
PUBLIC: dict[str, Callable[..., Any]] = dict(_public_functions())


def _functions() -> list[list[str]]:
    by_id: dict[int, list[str]] = {}
    for name, obj in PUBLIC.items():
        by_id.setdefault(id(obj), []).append(name)
    return list(by_id.values())


#: The public names of each function: aliases (``linalg.matmul is matmul``,
#: ``random.ranf is random.random``) are one function, swept once under whichever name has
#: the case.
FUNCTIONS: list[list[str]] = _functions()


def resolve(name: str) -> Callable[..., Any]:
    """The public function a case name stands for (extra cases map to their function)."""
    return PUBLIC[EXTRA_CASES.get(name, name)]


def calls(name: str, inputs: Inputs) -> list[Call]:
    """The calls of one case, each with its function filled in."""
    made = CASES[name](inputs)
    listed = made if isinstance(made, list) else [made]
    fn = resolve(name)
    return [c if c.fn is not None else dataclasses.replace(c, fn=fn) for c in listed]


def documented(heading: str) -> set[str]:
    """The function names (public spellings) in the first column of the first table after
    ``heading`` in docs/compile.md, which lists what does not compile or vmap."""
    text = (Path(__file__).resolve().parent.parent / "docs" / "compile.md").read_text()
    after = text.split(heading + "\n", 1)[1]
    rows = re.split(r"\n *\|---\|---\|\n", after, maxsplit=1)[1].split("\n\n", 1)[0]
    return {
        name
        for row in rows.splitlines()
        for name in re.findall(r"`([^`]+)`", row.strip().split("|")[1])
    }


def public_names(table: Mapping[str, str]) -> set[str]:
    """A table's names as the public functions they exercise (``random.randint_exact`` is
    ``random.randint``)."""
    return {EXTRA_CASES.get(name, name) for name in table}


def assert_same(
    got: Any, want: Any, *, exact: bool = True, values: bool = True, where: str = "result"
) -> None:
    """Recursive equality of results: tensors by metadata then values (``values=False``:
    metadata only), containers item by item."""
    if isinstance(want, torch.Tensor):
        assert isinstance(got, torch.Tensor), f"{where}: {type(got).__name__}, not a tensor"
        assert got.shape == want.shape, f"{where}: shape {got.shape} != {want.shape}"
        assert got.dtype == want.dtype, f"{where}: dtype {got.dtype} != {want.dtype}"
        assert got.device == want.device, f"{where}: device {got.device} != {want.device}"
        if not values:
            return
        if exact:
            torch.testing.assert_close(got, want, rtol=0, atol=0, equal_nan=True, msg=where)
        else:
            torch.testing.assert_close(got, want, equal_nan=True, msg=where)
    elif isinstance(want, (tuple, list)):
        assert type(got) is type(want), f"{where}: {type(got).__name__} != {type(want).__name__}"
        assert len(got) == len(want), f"{where}: {len(got)} items != {len(want)}"
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            assert_same(g, w, exact=exact, values=values, where=f"{where}[{i}]")
    elif isinstance(want, float) and math.isnan(want):
        assert isinstance(got, float)
        assert math.isnan(got)
    else:
        assert type(got) is type(want), f"{where}: {type(got).__name__} != {type(want).__name__}"
        assert got == want, f"{where}: {got!r} != {want!r}"
