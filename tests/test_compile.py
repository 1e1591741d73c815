"""torch.compile over the whole public API: every function traces with ``fullgraph=True`` and
gives eager's result; ``default_float`` holds under compile; no NumPy work is traced.

The sweep uses the "eager" backend (dynamo's tracing and guards, no code generation: fast); a
representative set runs through the default backend (inductor). Both run with dynamo's NumPy
tracing switched off, so a NumPy call left on a traced path fails here.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import torch
import torch._dynamo
from torch.fx.experimental.symbolic_shapes import GuardOnDataDependentSymNode

import tbridge as tb
from tests import _sweep_cases as S

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_dynamo() -> Iterator[None]:
    """Each test compiles from scratch (the sweep's wrappers share one code object)."""
    torch._dynamo.reset()
    yield
    torch._dynamo.reset()


_INPUTS: dict[torch.device, S.Inputs] = {}


def _inputs(device: torch.device) -> S.Inputs:
    if device not in _INPUTS:
        _INPUTS[device] = S.Inputs(device)
    return _INPUTS[device]


def _run(c: S.Call, backend: str) -> tuple[Any, Any]:
    """(compiled result, eager result) of one call; the compiled call runs first, so that no
    cache an eager call fills is there to help it, and both draw from the same seed."""
    assert c.fn is not None
    fn, kwargs = c.fn, dict(c.kwargs)

    def body(*args: Any) -> Any:
        return fn(*args, **kwargs)

    compiled = torch.compile(body, fullgraph=True, backend=backend)
    torch.manual_seed(0)
    with torch._dynamo.config.patch(trace_numpy=False):
        got = compiled(*c.args)
    torch.manual_seed(0)
    want = body(*c.args)
    return got, want


#: What a function that cannot be traced raises under ``fullgraph=True``: dynamo's refusal
#: (a graph break, a guard on data) or a shape that depends on the data.
UNTRACEABLE = (torch._dynamo.exc.TorchDynamoException, GuardOnDataDependentSymNode)


def _cases(table: dict[str, str]) -> list[Any]:
    return [
        pytest.param(
            name,
            marks=pytest.mark.xfail(strict=True, raises=UNTRACEABLE, reason=table[name]),
        )
        if name in table
        else name
        for name in S.CASES
    ]


def test_every_public_function_has_a_case() -> None:
    missing = [names for names in S.FUNCTIONS if not set(names) & set(S.CASES)]
    assert not missing, (
        f"public functions without an example call in tests/_sweep_cases.py CASES (each "
        f"function's names): {missing}"
    )


def test_every_function_is_swept_once() -> None:
    """A function public under several names (an alias) has its case under one of them."""
    twice = [names for names in S.FUNCTIONS if len(set(names) & set(S.CASES)) > 1]
    assert not twice, f"cases for one function under several names: {twice}"


def test_the_tables_name_only_public_functions() -> None:
    stale = sorted(
        (set(S.CASES) | set(S.NOT_COMPILABLE) | set(S.NOT_VMAPPABLE))
        - set(S.EXTRA_CASES)
        - set(S.PUBLIC)
    )
    assert not stale, f"entries for names that are not public: {stale}"
    assert set(S.EXTRA_CASES.values()) <= set(S.PUBLIC)
    assert set(S.NOT_COMPILABLE) | set(S.NOT_VMAPPABLE) <= set(S.CASES)


def test_the_docs_list_what_does_not_compile() -> None:
    """docs/compile.md's table of functions that do not compile names exactly this file's."""
    assert S.documented("## torch.compile") == S.public_names(S.NOT_COMPILABLE)


@pytest.mark.filterwarnings("ignore:random_integers is deprecated:DeprecationWarning")
@pytest.mark.parametrize("name", _cases(S.NOT_COMPILABLE))
def test_compiles_fullgraph_with_eager_result(name: str, data_device: torch.device) -> None:
    for i, c in enumerate(S.calls(name, _inputs(data_device))):
        torch._dynamo.reset()
        got, want = _run(c, "eager")
        S.assert_same(got, want, exact=not c.rounding, where=f"{name} call {i}")


#: The default backend (inductor) on one call of a few functions of each family: creation
#: (NumPy fast paths in eager), element-wise, reductions, linear algebra, fft, gradients.
REPRESENTATIVE = [
    "eye",
    "arange",
    "linspace",
    "asarray",
    "divide_int",
    "var",
    "take",
    "linalg.solve",
    "fft.fftfreq",
    "grad",
]


# Torch's own warning while inductor lowers aten.diagonal (torch 2.13): the deprecated
# torch._prims_common.check.
@pytest.mark.filterwarnings("ignore:`torch._prims_common.check` is deprecated:FutureWarning")
@pytest.mark.parametrize("name", REPRESENTATIVE)
def test_compiles_with_the_default_backend(name: str, data_device: torch.device) -> None:
    c = S.calls(name, _inputs(data_device))[0]
    got, want = _run(c, "inductor")
    S.assert_same(got, want, exact=False, where=name)


def _write_product(v: torch.Tensor) -> torch.Tensor:
    o = torch.empty_like(v)
    tb.multiply(v, v, out=o)
    return o


#: Paths the sweep's example calls do not take: ``out=`` through torch's own ``out``, the
#: complex powers' special values (a complex NaN constant in the graph), and value checks
#: that are skipped while tracing (integer powers, uint64 division, linspace's tensor bounds,
#: cov's frequency weights, ldexp's exponent range): each with its argument.
PATHS: dict[str, tuple[Callable[[torch.Tensor], Any], Callable[[], torch.Tensor]]] = {
    "multiply_out": (_write_product, lambda: torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64)),
    "pow_complex": (
        lambda v: tb.pow(v, v),
        lambda: torch.tensor([1, 2j, 0.5], dtype=torch.complex128),
    ),
    "pow_complex_negative_int": (
        lambda v: tb.pow(v - 1, -2),
        lambda: torch.tensor([1, 2j, 0.5], dtype=torch.complex128),
    ),
    "float_power_complex": (
        lambda v: tb.float_power(v - 1, v),
        lambda: torch.tensor([1, 2j, 0.5], dtype=torch.complex64),
    ),
    "pow_int": (lambda v: tb.pow(v, torch.tensor([1, 2, 0])), lambda: torch.tensor([2, 3, 4])),
    "floor_divide_uint64": (
        lambda v: tb.floor_divide(v, torch.tensor([3, 4, 2], dtype=torch.uint64)),
        lambda: torch.tensor([10, 6, 9], dtype=torch.uint64),
    ),
    "linspace_tensor_bounds": (
        lambda v: tb.linspace(v, v + 1, 5),
        lambda: torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64),
    ),
    "cov_fweights": (
        lambda v: tb.cov(torch.stack([v, v * 2]), fweights=torch.tensor([1, 2, 1])),
        lambda: torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64),
    ),
    "ldexp_beyond_the_range": (
        lambda v: tb.ldexp(v, torch.tensor([1, -3, 1100])),
        lambda: torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64),
    ),
    "array_ndmin_view": (
        lambda v: tb.array(v, copy=None, ndmin=3),
        lambda: torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64),
    ),
    "array_ndmin_copy": (
        lambda v: tb.array(v, ndmin=2),
        lambda: torch.tensor([[1, 2]], dtype=torch.int64),
    ),
}


@pytest.mark.parametrize("name", PATHS)
def test_more_paths_compile_fullgraph_with_eager_result(name: str) -> None:
    fn, make = PATHS[name]
    v = make()
    compiled = torch.compile(fn, fullgraph=True, backend="eager")
    with torch._dynamo.config.patch(trace_numpy=False):
        got = compiled(v)
    S.assert_same(got, fn(v), where=name)


# ---- default_float under compile ------------------------------------------------------------


class _Counter:
    """A backend that counts compilations and runs the captured graph as is."""

    def __init__(self) -> None:
        self.compiles = 0

    def __call__(self, gm: torch.fx.GraphModule, example_inputs: list[Any]) -> Callable[..., Any]:
        self.compiles += 1
        return gm.forward


def _made(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A function whose result dtypes all come from the floating defaults."""
    return tb.zeros(3) + x, tb.linspace(0.0, 1.0, 4), tb.asarray([1j, 2.0])


def _dtypes(out: tuple[torch.Tensor, ...]) -> tuple[torch.dtype, ...]:
    return tuple(t.dtype for t in out)


F64 = (torch.float64, torch.float64, torch.complex128)
F32 = (torch.float32, torch.float32, torch.complex64)


def test_default_float_scope_recompiles_instead_of_reusing() -> None:
    with tb.default_float(tb.float64):
        pass  # a first scope has opened in this process (the time before is tested apart)
    counter = _Counter()
    f = torch.compile(_made, fullgraph=True, backend=counter)
    x = torch.zeros(3, dtype=torch.float16)
    assert _dtypes(f(x)) == F64
    assert counter.compiles == 1
    with tb.default_float(tb.float32):
        assert _dtypes(f(x)) == F32
        assert counter.compiles == 2  # guarded: a new graph, not the float64 one
        with tb.default_float(tb.float64):
            assert _dtypes(f(x)) == F64
    assert _dtypes(f(x)) == F64
    with tb.default_float(tb.float32):
        assert _dtypes(f(x)) == F32
    assert counter.compiles == 2  # both graphs are reused from then on


def test_compiled_default_float_is_per_thread() -> None:
    f = torch.compile(_made, fullgraph=True, backend="eager")
    x = torch.zeros(3, dtype=torch.float16)
    seen: list[tuple[torch.dtype, ...]] = []
    entered, done = threading.Event(), threading.Event()

    def other() -> None:
        entered.wait()
        seen.append(_dtypes(f(x)))  # this thread has NumPy's defaults
        done.set()

    worker = threading.Thread(target=other)
    worker.start()
    with tb.default_float(tb.float32):
        assert _dtypes(f(x)) == F32
        entered.set()
        done.wait()
        assert _dtypes(f(x)) == F32
    worker.join()
    assert seen == [F64]


def test_compiled_default_float_is_per_asyncio_task() -> None:
    f = torch.compile(_made, fullgraph=True, backend="eager")
    x = torch.zeros(3, dtype=torch.float16)

    async def scoped(order: list[str]) -> tuple[torch.dtype, ...]:
        with tb.default_float(tb.float32):
            order.append("scoped entered")
            await asyncio.sleep(0.01)  # the other task runs while this scope is open
            return _dtypes(f(x))

    async def plain(order: list[str]) -> tuple[torch.dtype, ...]:
        await asyncio.sleep(0.001)
        order.append("plain runs")
        return _dtypes(f(x))

    async def both() -> tuple[list[tuple[torch.dtype, ...]], list[str]]:
        order: list[str] = []
        results = await asyncio.gather(scoped(order), plain(order))
        return list(results), order

    results, order = asyncio.run(both())
    assert order == ["scoped entered", "plain runs"]
    assert results == [F32, F64]


def test_default_float_inside_a_compiled_function_breaks_the_graph_but_holds() -> None:
    def scoped(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        with tb.default_float(tb.float32):
            inside = tb.zeros(3) + x
        return inside, tb.zeros(3)

    x = torch.zeros(3, dtype=torch.float16)
    with pytest.raises(torch._dynamo.exc.Unsupported, match="ContextVar"):
        torch.compile(scoped, fullgraph=True, backend="eager")(x)
    torch._dynamo.reset()
    got = torch.compile(scoped, backend="eager")(x)
    assert _dtypes(got) == (torch.float32, torch.float64)


# ---- no NumPy traced: the first call of a process may be compiled -----------------------------

FIRST_CALLS = """
import torch, torch._dynamo
import tbridge as tb

def made():
    return (
        tb.eye(3), tb.eye(2, 3), tb.identity(4), tb.full((2, 2), 1.5), tb.full(3, 7),
        tb.arange(5), tb.arange(1, 9, 2), tb.arange(0.0, 2.0, 0.25), tb.linspace(0.0, 1.0, 7),
        tb.linspace(-1.0, 1.0, 100), tb.asarray([1.0, 2.5]), tb.asarray([[1, 2], [3, 4]]),
        tb.array([True, False]), tb.zeros(2, 3), tb.ones((2,)), tb.sign(tb.asarray([-2.0, 0.0])),
        tb.astype(tb.arange(3), "float32"),
    )

for backend in ("eager", "aot_eager"):  # the first calls are compiled, by both
    torch._dynamo.reset()
    with torch._dynamo.config.patch(trace_numpy=False):
        got = torch.compile(made, fullgraph=True, backend=backend)()
    if backend == "eager":
        want = made()
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g.dtype == w.dtype and g.shape == w.shape, (backend, g, w)
        torch.testing.assert_close(g, w, rtol=0, atol=0)

# Compiled before the process's first default_float scope, then called inside one: the graph
# built for the unscoped default must not be reused.
zeros = torch.compile(lambda: tb.zeros(2), fullgraph=True, backend="eager")
assert zeros().dtype == torch.float64
with tb.default_float(tb.float32):
    assert zeros().dtype == torch.float32
assert zeros().dtype == torch.float64
print("ok")
"""


def test_first_calls_of_a_process_can_be_compiled() -> None:
    """In a fresh process, tbridge's first calls (NumPy templates and caches still empty)
    run under torch.compile, with dynamo's NumPy tracing off; and a graph compiled before the
    first default_float scope opens is not reused inside it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_CALLS], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "ok"


def test_cov_of_one_observation_compiles_and_warns_only_eagerly() -> None:
    """Degrees of freedom <= 0: eager code warns as NumPy does; the trace skips the warning
    (dynamo does not trace warnings.warn) and gives the same values."""
    m = torch.tensor([[1.0], [2.0], [4.0]], dtype=torch.float64)
    compiled = torch.compile(tb.cov, fullgraph=True, backend="eager")
    got = compiled(m)
    with pytest.warns(RuntimeWarning, match="degrees of freedom <= 0"):
        want = tb.cov(m)
    S.assert_same(got, want, where="cov")


def test_geomspace_of_a_python_zero_bound_raises_under_compile() -> None:
    """A Python bound is known while tracing: NumPy's ValueError, not NaN."""
    compiled = torch.compile(lambda: tb.geomspace(0, 10, 4), backend="eager")
    with pytest.raises(ValueError, match="a geometric sequence cannot include zero"):
        compiled()
