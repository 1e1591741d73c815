"""One example call of every public function, for the sweeps over the whole API.

tests/test_compile.py runs each call under ``torch.compile(fullgraph=True)`` and
tests/test_func.py under ``torch.func.vmap``; both compare with the eager call. The sweeps list
the public functions themselves (``tbridge.__all__`` and the ``linalg``, ``fft`` and ``random``
submodules), and a public function without an entry in ``CASES`` fails them.

To add a function: one entry in ``CASES``, keyed by its public name (``"linalg.det"`` for a
submodule's), whose value takes the example inputs on one device (``Inputs``) and returns the
call to make, ``call(*args, **kwargs)``, or a list of calls. A function that cannot work under
a transform goes in ``NOT_COMPILABLE`` or ``NOT_VMAPPABLE`` with the reason; those entries run
as strict xfails, so a function that starts working must leave the table.
"""

from __future__ import annotations

import dataclasses
import math
import types
from collections.abc import Callable, Iterator, Mapping
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


def call(*args: Any, **kwargs: Any) -> Call:
    return Call(args, kwargs)


def fixed(*args: Any, **kwargs: Any) -> Call:
    """A call whose tensor inputs the vmap sweep must not reorder."""
    return Call(args, kwargs, vary=False)


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
    # -- random (module functions on torch's global generator)
    "rand": lambda d: [call(3, 4), call(2, device=d.dev)],
    "randn": lambda d: [call(3, 4), call(2, dtype=tb.float32, device=d.dev)],
    "normal": lambda d: [call(size=(3,)), call(d.x, 0.5), call(0.0, 2.0, (2, 2), device=d.dev)],
    "uniform": lambda d: [call(size=(3,)), call(d.x, 1.0)],
    "random.default_rng": lambda d: Call(fn=lambda: tb.random.default_rng(0).normal(size=3)),
    "random.Generator": lambda d: [
        Call(fn=lambda: tb.random.Generator(0).random(3)),
        Call((d.x,), fn=lambda loc: tb.random.Generator(1).normal(loc, 0.5)),
    ],
    # -- autograd and scopes
    "grad": lambda d: Call((d.x,), fn=_grad_of_loss),
    "value_and_grad": lambda d: Call((d.x,), fn=_value_and_grad_of_loss),
    "no_grad": lambda d: Call((d.x,), fn=_under_no_grad),
    "enable_grad": lambda d: Call((d.x,), fn=_under_enable_grad),
    "default_float": lambda d: Call(fn=_under_default_float),
    "__array_namespace_info__": lambda d: Call(
        fn=lambda: tb.__array_namespace_info__().default_dtypes()
    ),
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
    "linalg.matmul": lambda d: call(d.a, d.a),
    "linalg.matrix_norm": lambda d: [call(d.a), call(d.a, ord=1)],
    "linalg.matrix_power": lambda d: [call(d.a, 3), call(d.a, -1)],
    "linalg.matrix_rank": lambda d: call(d.a),
    "linalg.matrix_transpose": lambda d: call(d.a),
    "linalg.outer": lambda d: call(d.u, d.w),
    "linalg.pinv": lambda d: call(d.a),
    "linalg.qr": lambda d: call(d.a),
    "linalg.slogdet": lambda d: call(d.a),
    "linalg.solve": lambda d: call(d.a, d.bm),
    "linalg.svd": lambda d: call(d.spd),
    "linalg.svdvals": lambda d: call(d.a),
    "linalg.tensordot": lambda d: call(d.x, d.a, axes=1),
    "linalg.trace": lambda d: call(d.a),
    "linalg.vecdot": lambda d: call(d.x, d.y),
    "linalg.vector_norm": lambda d: [call(d.x), call(d.x, axis=1, ord=1)],
    # -- fft
    **{f"fft.{n}": (lambda d: call(d.xc)) for n in FFT_COMPLEX},
    **{f"fft.{n}": (lambda d: call(d.x)) for n in FFT_REAL},
    "fft.fftfreq": lambda d: [call(8), call(5, d=0.5, device=d.dev)],
    "fft.rfftfreq": lambda d: [call(8), call(5, d=0.5, device=d.dev)],
}
# Extra cases beyond one per name (a name's second family of inputs), keyed "<name>_<what>".
EXTRA_CASES = {"divide_int": "divide"}


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
    "random.default_rng": "creates torch.Generator objects, which dynamo does not trace",
    "random.Generator": "draws with generator=, which dynamo does not trace",
    "default_float": "sets a context variable (call the compiled function inside the scope)",
}

#: Functions that cannot run under ``torch.func.vmap``, with the reason.
NOT_VMAPPABLE: dict[str, str] = {
    "to_numpy": "NumPy cannot view a batched tensor",
    "writable_numpy": "NumPy cannot view a batched tensor",
    "shares_memory": "batched tensors have no data pointer",
    "nonzero": "data-dependent output shape",
    "unique_values": "data-dependent output shape",
    "unique_counts": "data-dependent output shape",
    "unique_inverse": "data-dependent output shape",
    "unique_all": "data-dependent output shape",
}


def _public_functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    sections: list[tuple[str, types.ModuleType]] = [
        ("", tb),
        ("linalg.", tb.linalg),
        ("fft.", tb.fft),
        ("random.", tb.random),
    ]
    for prefix, module in sections:
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, (types.ModuleType, torch.dtype)) or not callable(obj):
                continue
            yield prefix + name, obj


#: Every public callable, by qualified name ("add", "linalg.det", "fft.fft", "random.Generator").
PUBLIC: dict[str, Callable[..., Any]] = dict(_public_functions())


def resolve(name: str) -> Callable[..., Any]:
    """The public function a case name stands for (extra cases map to their function)."""
    return PUBLIC[EXTRA_CASES.get(name, name)]


def calls(name: str, inputs: Inputs) -> list[Call]:
    """The calls of one case, each with its function filled in."""
    made = CASES[name](inputs)
    listed = made if isinstance(made, list) else [made]
    fn = resolve(name)
    return [c if c.fn is not None else dataclasses.replace(c, fn=fn) for c in listed]


def assert_same(got: Any, want: Any, *, exact: bool = True, where: str = "result") -> None:
    """Recursive equality of results: tensors by metadata then values, containers item by item."""
    if isinstance(want, torch.Tensor):
        assert isinstance(got, torch.Tensor), f"{where}: {type(got).__name__}, not a tensor"
        assert got.shape == want.shape, f"{where}: shape {got.shape} != {want.shape}"
        assert got.dtype == want.dtype, f"{where}: dtype {got.dtype} != {want.dtype}"
        assert got.device == want.device, f"{where}: device {got.device} != {want.device}"
        if exact:
            torch.testing.assert_close(got, want, rtol=0, atol=0, equal_nan=True, msg=where)
        else:
            torch.testing.assert_close(got, want, equal_nan=True, msg=where)
    elif isinstance(want, (tuple, list)):
        assert type(got) is type(want), f"{where}: {type(got).__name__} != {type(want).__name__}"
        assert len(got) == len(want), f"{where}: {len(got)} items != {len(want)}"
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            assert_same(g, w, exact=exact, where=f"{where}[{i}]")
    elif isinstance(want, float) and math.isnan(want):
        assert isinstance(got, float)
        assert math.isnan(got)
    else:
        assert type(got) is type(want), f"{where}: {type(got).__name__} != {type(want).__name__}"
        assert got == want, f"{where}: {got!r} != {want!r}"
