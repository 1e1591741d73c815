"""Shapes, dtypes, broadcasting, ``size=`` semantics and signatures, with NumPy as the oracle.

Every ``Generator`` method and every module function is called the same way through NumPy and
through tbridge: the result's shape and dtype must be NumPy's (a 0-d tensor where NumPy gives
a scalar), and where NumPy refuses a call with a ValueError tbridge must refuse it too.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._core.dtypes import torch_dtype, torch_dtype_of_numpy
from tests._helpers import needs_numpy2
from tests._huge import NO_MEMORY, TOO_BIG, check_refused

SIZES: list[Any] = [None, 5, (2, 3), (4, 2, 3), (3, 1)]

# name -> argument tuples (positional, before size); arrays exercise broadcasting.
COL = [[1.5], [2.5]]  # shape (2, 1)
ROW3 = [1.0, 2.0, 3.0]  # shape (3,)
METHODS: dict[str, list[tuple[Any, ...]]] = {
    "beta": [(0.5, 2.0), (ROW3, 2.0), (COL, ROW3)],
    "binomial": [(10, 0.3), ([5, 6, 7], 0.5), ([[3], [4]], [0.1, 0.2, 0.3])],
    "chisquare": [(3.0,), (ROW3,)],
    "exponential": [(), (2.0,), (COL,)],
    "f": [(5.0, 7.0), (ROW3, COL)],
    "gamma": [(2.0,), (2.0, 3.0), (ROW3, COL)],
    "geometric": [(0.3,), ([0.1, 0.5, 0.9],)],
    "gumbel": [(), (1.0, 2.0), (ROW3, COL)],
    "hypergeometric": [(10, 5, 7), ([10, 20, 30], 5, 7), ([[10], [12]], [5, 6, 7], 4)],
    "laplace": [(), (ROW3, 2.0)],
    "logistic": [(), (COL, 2.0)],
    "lognormal": [(), (ROW3, 0.5)],
    "logseries": [(0.5,), ([0.1, 0.5, 0.9],)],
    "negative_binomial": [(3, 0.5), (ROW3, COL[0][0] / 3)],
    "noncentral_chisquare": [(3.0, 2.0), (ROW3, COL)],
    "noncentral_f": [(3.0, 4.0, 2.0), (ROW3, 4.0, COL)],
    "normal": [(), (5.0, 3.0), (ROW3, 1.0), (COL, ROW3)],
    "pareto": [(3.0,), (ROW3,)],
    "poisson": [(), (3.0,), (ROW3,), (COL,)],
    "power": [(3.0,), (COL,)],
    "rayleigh": [(), (ROW3,)],
    "standard_cauchy": [()],
    "standard_exponential": [()],
    "standard_gamma": [(2.0,), (ROW3,)],
    "standard_normal": [()],
    "standard_t": [(4.0,), (ROW3,)],
    "triangular": [(0.0, 1.0, 4.0), (0.0, ROW3, 4.0)],
    "uniform": [(), (-1.0, 2.0), (ROW3, 4.0), (COL, ROW3)],
    "vonmises": [(0.0, 2.0), (ROW3, COL)],
    "wald": [(1.0, 2.0), (ROW3, COL)],
    "weibull": [(1.5,), (ROW3,)],
    "zipf": [(2.0,), ([2.0, 3.0, 4.0],)],
    "integers": [(10,), (-5, 5), ([0, 10, 20], 30), ([[0], [5]], [10, 11, 12])],
    "random": [()],
}
CASES = [
    (name, args, size) for name, arg_sets in METHODS.items() for args in arg_sets for size in SIZES
]


def _same_meta(result: object, expected: Any) -> None:
    assert type(result) is torch.Tensor, type(result)
    exp = np.asarray(expected)
    assert tuple(result.shape) == exp.shape, (tuple(result.shape), exp.shape)
    assert result.dtype == torch_dtype_of_numpy(exp.dtype), (result.dtype, exp.dtype)


def _compare(
    np_call: Callable[[], Any], tb_call: Callable[[], Any], *, numpy_quirk: bool = False
) -> None:
    if numpy_quirk:
        with pytest.raises(ValueError, match=r"size=\(3, 1\) does not fit the parameters"):
            tb_call()
        return
    try:
        expected = np_call()
    except ValueError:
        # NumPy refused it (in its own words): tbridge must refuse it too.
        with pytest.raises(ValueError):  # noqa: PT011
            tb_call()
        return
    _same_meta(tb_call(), expected)


@pytest.mark.parametrize(
    ("name", "args", "size"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_generator_method_shape_and_dtype(name: str, args: tuple[Any, ...], size: Any) -> None:
    ours = getattr(tb.random.default_rng(0), name)
    theirs = getattr(np.random.default_rng(0), name)
    _compare(
        lambda: theirs(*args, size=size),
        lambda: ours(*args, size=size),
        numpy_quirk=_integers_quirk(name, args, size),
    )


def _integers_quirk(name: str, args: tuple[Any, ...], size: Any) -> bool:
    """NumPy's ``integers``/``randint`` pair array bounds of shape (3,) with ``size=(3, 1)``
    entry by entry although (3,) does not broadcast to (3, 1) (its ``normal`` refuses the
    same call); tbridge keeps the one broadcasting rule of every other method and refuses."""
    return name in ("integers", "randint") and size == (3, 1) and np.shape(args[0]) == (3,)


# The module functions (NumPy's legacy names for the draws the Generator has).
MODULE_CASES = [
    (
        ("randint" if name == "integers" else "random_sample" if name == "random" else name),
        args,
        size,
    )
    for name, args, size in CASES
]


@pytest.mark.parametrize(
    ("name", "args", "size"),
    MODULE_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(MODULE_CASES)],
)
def test_module_function_shape_and_dtype(name: str, args: tuple[Any, ...], size: Any) -> None:
    _compare(
        lambda: getattr(np.random, name)(*args, size=size),
        lambda: getattr(tb.random, name)(*args, size=size),
        numpy_quirk=_integers_quirk(name, args, size),
    )


@pytest.mark.parametrize(
    ("name", "args", "size"),
    [
        ("dirichlet", ([1.0, 2.0, 3.0],), None),
        ("dirichlet", ([1.0, 2.0, 3.0],), 4),
        ("dirichlet", ([0.5, 0.5],), (2, 3)),
        ("multinomial", (10, [0.2, 0.8]), None),
        ("multinomial", (10, [0.2, 0.3, 0.5]), (4, 2)),
        ("multinomial", ([3, 4], [0.2, 0.8]), None),
        ("multinomial", (5, [[0.2, 0.8], [0.5, 0.5]]), (3, 2)),
        ("multinomial", ([5, 6, 7], [[0.2, 0.8]]), None),
        ("multivariate_normal", ([0.0, 1.0], [[1.0, 0.0], [0.0, 1.0]]), None),
        ("multivariate_normal", ([0.0, 1.0], [[1.0, 0.5], [0.5, 1.0]]), 7),
        ("multivariate_normal", ([0.0, 1.0, 2.0], np.eye(3)), (2, 3)),
        ("multivariate_hypergeometric", ([3, 4, 5], 6), None),
        ("multivariate_hypergeometric", ([3, 4, 5], 6), 4),
        ("multivariate_hypergeometric", ([3, 4, 5], 0), (2, 2)),
        ("choice", (5,), None),
        ("choice", (5,), 3),
        ("choice", ([1.5, 2.5, 3.5],), (2, 2)),
        ("choice", (np.arange(12).reshape(3, 4),), None),
        ("choice", (np.arange(12).reshape(3, 4),), 2),
        ("choice", (np.arange(12).reshape(3, 4), None, True, None, 1), None),
        ("choice", (np.arange(12).reshape(3, 4), None, True, None, 1), (2, 5)),
        ("choice", (np.arange(12).reshape(3, 4), None, False, None, -1), None),
        ("choice", (np.array([True, False]),), 3),
        ("choice", (0,), 0),
        ("choice", ([],), 0),
    ],
)
def test_multivariate_and_choice_shapes(name: str, args: tuple[Any, ...], size: Any) -> None:
    ours = getattr(tb.random.default_rng(0), name)
    theirs = getattr(np.random.default_rng(0), name)
    if name == "choice":
        a, _, *rest = (*args, None) if len(args) == 1 else args
        _same_meta(ours(a, size, *rest), theirs(a, size, *rest))
        return
    _same_meta(ours(*args, size=size), theirs(*args, size=size))


@pytest.mark.parametrize(
    ("call", "shape"),
    [
        (lambda g: g.permutation(6), (6,)),
        (lambda g: g.permutation(np.arange(12).reshape(3, 4)), (3, 4)),
        (lambda g: g.permutation(np.arange(12).reshape(3, 4), axis=1), (3, 4)),
        (lambda g: g.permuted(np.arange(12).reshape(3, 4)), (3, 4)),
        (lambda g: g.permuted(np.arange(12).reshape(3, 4), axis=-1), (3, 4)),
        (lambda g: g.permutation(np.arange(12).reshape(3, 4), axis=np.int64(1)), (3, 4)),
        (lambda g: g.permuted(np.arange(12).reshape(3, 4), axis=np.array(-1)), (3, 4)),
        (lambda g: g.choice(np.arange(12).reshape(3, 4), 4, False, axis=torch.tensor(1)), (3, 4)),
    ],
)
def test_permutations_keep_shape_dtype_and_entries(
    call: Callable[[Any], Any], shape: tuple[int, ...]
) -> None:
    ours = call(tb.random.default_rng(0))
    theirs = call(np.random.default_rng(0))
    _same_meta(ours, theirs)
    assert sorted(ours.reshape(-1).tolist()) == sorted(np.asarray(theirs).reshape(-1).tolist())


def test_permutation_along_an_axis_moves_whole_slices() -> None:
    x = np.arange(12).reshape(3, 4)
    cols = tb.random.default_rng(0).permutation(x, axis=1).numpy()
    assert sorted(map(tuple, cols.T.tolist())) == sorted(map(tuple, x.T.tolist()))
    rows = tb.random.default_rng(0).permuted(x, axis=1).numpy()
    assert [sorted(r) for r in rows.tolist()] == x.tolist()


@pytest.mark.parametrize(
    ("fn", "dtype", "expected"),
    [
        ("random", None, torch.float64),
        ("random", tb.float32, torch.float32),
        ("standard_normal", "float32", torch.float32),
        ("standard_exponential", np.float32, torch.float32),
        ("standard_gamma", tb.float32, torch.float32),
    ],
)
def test_numpy_dtype_argument(fn: str, dtype: Any, expected: torch.dtype) -> None:
    g = tb.random.default_rng(0)
    args = (2.0,) if fn == "standard_gamma" else ()
    assert getattr(g, fn)(*args, size=3, dtype=dtype).dtype == expected


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: tb.random.default_rng(0).gamma(2.0, size=3, dtype=tb.float32), torch.float32),
        (lambda: tb.random.default_rng(0).poisson(2.0, size=3, dtype=tb.int32), torch.int32),
        (lambda: tb.random.default_rng(0).integers(5, size=3, dtype=np.uint8), torch.uint8),
        (lambda: tb.random.default_rng(0).integers(2, size=3, dtype=bool), torch.bool),
        (
            lambda: tb.random.default_rng(0).integers(0, 2**64, size=3, dtype=np.uint64),
            torch.uint64,
        ),
        (lambda: tb.random.randint(3, size=2, dtype=int), torch.int64),
        (lambda: tb.random.binomial(4, 0.5, dtype="int16"), torch.int16),
    ],
)
def test_dtype_extras(call: Callable[[], torch.Tensor], expected: torch.dtype) -> None:
    assert call().dtype == expected


def test_default_float_sets_the_float_dtype() -> None:
    with tb.default_float(tb.float32):
        assert tb.random.rand(2).dtype == torch.float32
        assert tb.random.default_rng(0).gamma(2.0, size=2).dtype == torch.float32
        assert tb.random.normal(size=(2,)).dtype == torch.float32
        assert tb.random.randint(3, size=2).dtype == torch.int64
    assert tb.random.rand(2).dtype == torch.float64


GEN_DRAWS: list[tuple[str, Callable[[Any, torch.device], torch.Tensor]]] = [
    ("random", lambda g, d: g.random((3, 2), device=d)),
    ("standard_normal", lambda g, d: g.standard_normal((3, 2), device=d)),
    ("normal", lambda g, d: g.normal(1.0, 2.0, (3, 2), device=d)),
    ("normal-tensor", lambda g, d: g.normal(tb.zeros(3, device=d), 2.0)),
    ("uniform", lambda g, d: g.uniform(-1.0, 1.0, (3, 2), device=d)),
    ("integers", lambda g, d: g.integers(0, 10, (3, 2), device=d)),
    ("integers-wide", lambda g, d: g.integers(0, 10**12, (3, 2), device=d)),
    ("integers-array", lambda g, d: g.integers(tb.zeros(4, dtype=tb.int64, device=d), 7)),
    ("permutation", lambda g, d: g.permutation(6, device=d)),
    ("permutation-tensor", lambda g, d: g.permutation(tb.arange(6, device=d))),
    ("permuted", lambda g, d: g.permuted(tb.arange(6, device=d))),
    ("choice", lambda g, d: g.choice(tb.arange(10, device=d), 4, replace=False)),
    ("choice-p", lambda g, d: g.choice(4, 6, p=[0.1, 0.2, 0.3, 0.4], device=d)),
    ("standard_exponential", lambda g, d: g.standard_exponential(4, device=d)),
    ("exponential", lambda g, d: g.exponential(2.0, 4, device=d)),
    ("standard_gamma", lambda g, d: g.standard_gamma(0.5, 4, device=d)),
    ("gamma", lambda g, d: g.gamma(2.0, 1.0, 4, device=d)),
    ("beta", lambda g, d: g.beta(0.5, 0.5, 4, device=d)),
    ("chisquare", lambda g, d: g.chisquare(2.0, 4, device=d)),
    ("noncentral_chisquare", lambda g, d: g.noncentral_chisquare(2.0, 1.0, 4, device=d)),
    ("f", lambda g, d: g.f(2.0, 3.0, 4, device=d)),
    ("noncentral_f", lambda g, d: g.noncentral_f(2.0, 3.0, 1.0, 4, device=d)),
    ("standard_t", lambda g, d: g.standard_t(3.0, 4, device=d)),
    ("standard_cauchy", lambda g, d: g.standard_cauchy(4, device=d)),
    ("laplace", lambda g, d: g.laplace(0.0, 1.0, 4, device=d)),
    ("gumbel", lambda g, d: g.gumbel(0.0, 1.0, 4, device=d)),
    ("logistic", lambda g, d: g.logistic(0.0, 1.0, 4, device=d)),
    ("lognormal", lambda g, d: g.lognormal(0.0, 1.0, 4, device=d)),
    ("pareto", lambda g, d: g.pareto(3.0, 4, device=d)),
    ("power", lambda g, d: g.power(3.0, 4, device=d)),
    ("rayleigh", lambda g, d: g.rayleigh(1.0, 4, device=d)),
    ("weibull", lambda g, d: g.weibull(1.5, 4, device=d)),
    ("triangular", lambda g, d: g.triangular(0.0, 1.0, 2.0, 4, device=d)),
    ("vonmises", lambda g, d: g.vonmises(0.0, 1.0, 4, device=d)),
    ("wald", lambda g, d: g.wald(1.0, 1.0, 4, device=d)),
    ("dirichlet", lambda g, d: g.dirichlet([1.0, 2.0], 4, device=d)),
    (
        "multivariate_normal",
        lambda g, d: g.multivariate_normal([0.0, 0.0], [[1.0, 0.2], [0.2, 1.0]], 4, device=d),
    ),
    ("poisson", lambda g, d: g.poisson(3.0, 4, device=d)),
    ("binomial", lambda g, d: g.binomial(10, 0.5, 4, device=d)),
    ("negative_binomial", lambda g, d: g.negative_binomial(2, 0.5, 4, device=d)),
    ("geometric", lambda g, d: g.geometric(0.3, 4, device=d)),
    ("hypergeometric", lambda g, d: g.hypergeometric(30, 20, 15, 4, device=d)),
    ("logseries", lambda g, d: g.logseries(0.5, 4, device=d)),
    ("zipf", lambda g, d: g.zipf(2.0, 4, device=d)),
    ("multinomial", lambda g, d: g.multinomial(10, [0.5, 0.5], 4, device=d)),
    (
        "multivariate_hypergeometric",
        lambda g, d: g.multivariate_hypergeometric([3, 4, 5], 6, 4, device=d),
    ),
]


@pytest.mark.parametrize(("name", "draw"), GEN_DRAWS, ids=[m[0] for m in GEN_DRAWS])
def test_same_seed_same_numbers_on_every_device(
    name: str, draw: Callable[[Any, torch.device], torch.Tensor], device: torch.device
) -> None:
    first = draw(tb.random.default_rng(42), device)
    assert first.device.type == device.type
    if device.type == "meta":
        return
    assert torch.equal(first, draw(tb.random.default_rng(42), device))
    # A generator advances: a second draw differs (these draws hold enough entropy).
    g = tb.random.default_rng(42)
    draws = [draw(g, device) for _ in range(3)]
    assert not all(torch.equal(draws[0], d) for d in draws[1:])


# ---- signatures ------------------------------------------------------------------------------

_GEN_NAMES = sorted(n for n in dir(np.random.Generator) if not n.startswith("_"))


#: NumPy 1.x compiles its random methods without signatures that ``inspect`` can read.
READABLE_SIGNATURES = needs_numpy2("NumPy 1.x's random methods have no signature for inspect")


@READABLE_SIGNATURES
@pytest.mark.parametrize("name", [n for n in _GEN_NAMES if n != "bit_generator"])
def test_generator_has_numpys_method_with_numpys_signature(name: str) -> None:
    _same_signature(
        getattr(np.random.default_rng(0), name), getattr(tb.random.default_rng(0), name)
    )


_MODULE_NAMES = [
    n
    for n in np.random.__all__
    if callable(getattr(np.random, n)) and not isinstance(getattr(np.random, n), type)
]


@READABLE_SIGNATURES
@pytest.mark.parametrize("name", sorted(_MODULE_NAMES))
def test_module_has_numpys_function_with_numpys_signature(name: str) -> None:
    ours = getattr(tb.random, name)
    if name in ("ranf", "sample"):
        assert ours is tb.random.random_sample
        return
    _same_signature(getattr(np.random, name), ours)


def _same_signature(theirs: Any, ours: Any) -> None:
    mine = list(inspect.signature(ours).parameters.values())
    numpy_params = list(inspect.signature(theirs).parameters.values())
    for p, q in zip(numpy_params, mine, strict=False):
        assert (p.name, p.kind) == (q.name, q.kind), (p, q)
        if p.default is inspect.Parameter.empty or p.name == "seed":
            assert q.default is p.default or p.name == "seed", (p, q)
        elif p.name == "dtype":
            assert q.default is None or torch_dtype(q.default) == torch_dtype(p.default), (p, q)
        else:
            assert q.default == p.default, (p, q)
    extras = mine[len(numpy_params) :]
    assert len(mine) >= len(numpy_params)
    assert all(q.kind is q.KEYWORD_ONLY for q in extras), extras


def test_public_face_lists_its_names() -> None:
    assert dir(tb.random) == sorted(tb.random.__all__)
    assert set(tb.random.__all__) >= set(_MODULE_NAMES) | {"Generator", "default_rng"}
    for name in tb.random.__all__:
        assert getattr(tb.random, name) is not None
    # tbridge's top level keeps NumPy's four most common draws.
    assert tb.normal is tb.random.normal
    assert tb.rand is tb.random.rand
    assert tb.random.SeedSequence is np.random.SeedSequence


# ---- sizes too big to exist, or to allocate ---------------------------------------------------

EXTRA_METHODS: dict[str, tuple[Any, ...]] = {
    "choice": (3,),
    "dirichlet": ([1.0, 2.0],),
    "multinomial": (10, [0.2, 0.8]),
    "multivariate_normal": ([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]]),
    "multivariate_hypergeometric": ([3, 4], 2),
}
HUGE_DRAWS = [
    (name, args, size)
    for name, args in [*((n, a[0]) for n, a in METHODS.items()), *EXTRA_METHODS.items()]
    for size in (TOO_BIG, NO_MEMORY, (2**40, 2**40))
] + [
    ("normal", (ROW3, 1.0), (NO_MEMORY, 3)),  # array parameters: the general path
    ("integers", ([0, 10, 20], 30), (TOO_BIG, 3)),
    ("uniform", (ROW3, 4.0), (TOO_BIG, 3)),
]


@pytest.mark.parametrize(
    ("name", "args", "size"), HUGE_DRAWS, ids=[f"{n}-{s}" for n, _, s in HUGE_DRAWS]
)
def test_huge_sizes_raise_numpys_error(name: str, args: tuple[Any, ...], size: Any) -> None:
    """A Generator method refuses a size as NumPy's does: ValueError when no array of it can
    exist, MemoryError when it cannot be allocated, naming the method and the size."""
    dims = size if isinstance(size, tuple) else (size,)
    shown = re.escape(str(dims)[:-1])  # the size, as the start of the shape in the message
    check_refused(
        lambda m: getattr(m.random.default_rng(0), name)(*args, size=size),
        rf"^{name}: (an array|unable to allocate .* for an array) of shape {shown}",
    )


MODULE_HUGE: list[tuple[str, Callable[[Any], Any]]] = [
    ("rand", lambda m: m.random.rand(2**40, 2**40)),
    ("randn", lambda m: m.random.randn(NO_MEMORY)),
    ("random", lambda m: m.random.random_sample(TOO_BIG)),  # told by its NumPy 2 name
    ("randint", lambda m: m.random.randint(0, 5, TOO_BIG)),
    ("standard_normal", lambda m: m.random.standard_normal(NO_MEMORY)),
    ("normal", lambda m: m.random.normal(0.0, 1.0, (TOO_BIG,))),
    ("uniform", lambda m: m.random.uniform(0.0, 1.0, (NO_MEMORY,))),
    ("choice", lambda m: m.random.choice(3, TOO_BIG)),
    ("permutation", lambda m: m.random.permutation(NO_MEMORY)),
    ("bytes", lambda m: m.random.bytes(NO_MEMORY)),
    ("poisson", lambda m: m.random.poisson(2.0, NO_MEMORY)),
    ("exponential", lambda m: m.random.exponential(1.0, TOO_BIG)),
]


@pytest.mark.parametrize(("name", "call"), MODULE_HUGE, ids=[m[0] for m in MODULE_HUGE])
def test_module_functions_refuse_huge_sizes_as_numpy(name: str, call: Callable[[Any], Any]) -> None:
    check_refused(call, rf"^{name}: (an array of shape|unable to allocate)")


def test_a_size_beyond_int64_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"^random: size 9223372036854775808 in shape "
                       r"\(9223372036854775808,\) is larger than 9223372036854775807"):  # fmt: skip
        tb.random.default_rng(0).random(2**63)
    with pytest.raises(ValueError, match=r"^triangular: size 9223372036854775808"):
        tb.random.default_rng(0).triangular(0.0, 0.5, 1.0, size=2**63)
