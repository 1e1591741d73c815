"""Every public function, driven with bad inputs: each raises a built-in type a NumPy user can
act on, naming the function and the argument, chained to torch's error (issue 9).

The corpus, the rules and the expected outcomes live in tests/_bad_input_cases.py; NumPy is
the oracle wherever the function has a NumPy twin. Calls that fail today are listed in
``KNOWN_GAPS`` there and run as strict xfails.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path

import pytest
import torch

from tests import _bad_input_cases as C
from tests import _sweep_cases as S
from tests._helpers import needs_numpy2

CORPUS = C.corpus()

#: Calls whose expected exception NumPy 1.x gives differently (or not at all: these functions,
#: or their checks, arrived in NumPy 2), so NumPy 1.26 cannot be their oracle.
NUMPY2_VERDICTS = {
    ("matrix_transpose", "rank-0d"),
    ("linalg.matrix_transpose", "rank-0d"),
    ("linalg.matrix_norm", "rank-0d"),
    ("vecdot", "axis-high"),
    ("vecdot", "axis-low"),
    ("linalg.vecdot", "axis-high"),
    ("linalg.vecdot", "axis-low"),
    ("append", "axis-high"),
    ("trim_zeros", "rank-0d"),
    ("cross", "rank-0d"),
    ("seterr", "type-str"),
    ("seterr", "type-object"),
    ("seterr", "type-dict"),
}


def _params() -> list[object]:
    out: list[object] = []
    for name, category in CORPUS:
        gap = C.KNOWN_GAPS.get((name, category))
        marks = (
            [pytest.mark.xfail(strict=True, raises=AssertionError, reason=gap)]
            if gap is not None
            else []
        )
        if (name, category) in NUMPY2_VERDICTS:
            marks.append(needs_numpy2("NumPy 1.x answers this bad call differently"))
        out.append(pytest.param(name, category, id=f"{name}-{category}", marks=marks))
    return out


@pytest.mark.parametrize(("name", "category"), _params())
def test_bad_input_raises_a_numpy_users_error(name: str, category: str, tmp_path: Path) -> None:
    verdict = C.check_limited(name, category, tmp_path)
    gap = C.KNOWN_GAPS.get((name, category))
    if gap is not None and verdict.tags and verdict.tags != C.gap_tags(gap):
        # not an AssertionError: a known gap that changed fails the run instead of xfailing
        pytest.fail(
            f"{name} [{category}] breaks other rules than KNOWN_GAPS lists; update its entry "
            f"to {verdict.summary()!r}"
        )
    assert not verdict.tags, (
        f"{name} [{category}]: does {verdict.observed}; wanted {verdict.wanted}:\n  "
        + "\n  ".join(verdict.problems)
    )


def test_every_public_callable_is_driven_or_skipped_by_rule() -> None:
    driven = {name for name, _ in CORPUS}
    undriven = {n: C.skip_reason(f) for n, f in S.PUBLIC.items() if n not in driven}
    unexplained = sorted(n for n, why in undriven.items() if why is None)
    assert not unexplained, (
        f"public functions with no bad call (give them a valid call in CASES or "
        f"_bad_input_cases.VALID): {unexplained}"
    )


@pytest.mark.parametrize("name", sorted(n for n, f in S.PUBLIC.items() if C.skip_reason(f) is None))
def test_the_valid_calls_are_valid(name: str, tmp_path: Path) -> None:
    """Each bad call differs from a valid call by one input: that valid call must succeed."""
    calls = C.valid_calls(name, S.Inputs(torch.device("cpu")), tmp_path)
    assert calls, f"{name}: no direct valid call"
    for c in calls:
        assert c.fn is not None
        got = C.run(c.fn, c.args, dict(c.kwargs))
        assert got.exc is None, f"{name}{c.args!r}: {got.exc!r}"


def test_the_gap_table_names_only_driven_calls() -> None:
    # device-cuda is only made where torch sees no GPU (elsewhere "cuda:0" is no bad input)
    made_here = set(CORPUS) | {k for k in C.KNOWN_GAPS if k[1] == "device-cuda"}
    stale = sorted(set(C.KNOWN_GAPS) - made_here)
    assert not stale, f"KNOWN_GAPS entries for calls the corpus does not make: {stale}"


#: Public functions with a ``shape`` or ``size`` parameter that allocate nothing by it: a view,
#: or index arithmetic.
ALLOCATE_NOTHING_BY_SHAPE = {
    "broadcast_to",
    "reshape",
    "unravel_index",
    "lib.stride_tricks.broadcast_to",
    "lib.stride_tricks.as_strided",
}


def test_every_function_with_a_size_parameter_is_driven_with_huge_sizes() -> None:
    with_size = {
        n
        for n, f in S.PUBLIC.items()
        if C.skip_reason(f) is None and {"shape", "size"} & set(inspect.signature(f).parameters)
    }
    missing = sorted(with_size - set(C.HUGE) - ALLOCATE_NOTHING_BY_SHAPE)
    assert not missing, f"add these to _bad_input_cases.HUGE: {missing}"
    assert set(C.HUGE) <= set(S.PUBLIC), sorted(set(C.HUGE) - set(S.PUBLIC))
    assert set(C.NUMPY_ALLOCATES_FIRST) <= set(CORPUS)


def test_the_tables_use_known_families_and_tags() -> None:
    assert {e.family for extras in C.EXTRA.values() for e in extras} <= set(C.RULES)
    used = {tag for summary in C.KNOWN_GAPS.values() for tag in C.gap_tags(summary)}
    assert used <= set(C.TAGS), f"unknown tags in KNOWN_GAPS: {used - set(C.TAGS)}"


def _raises_runtime_error(x: object) -> None:
    raise RuntimeError("boom")


def _raises_well(x: object) -> None:
    raise TypeError(f"fake: x must be array data, got {type(x).__name__}")


def _raises_unchained(x: object) -> None:
    try:
        torch.zeros(3) + torch.zeros(4)
    except RuntimeError:
        raise TypeError("fake: x must be array data, got None") from None


def _returns(x: object) -> object:
    return x


@pytest.mark.parametrize(
    ("fn", "tags"),
    [
        (_raises_runtime_error, ("torch-type", "fn-name", "arg-name")),
        (_raises_well, ()),
        (_raises_unchained, ("unchained",)),
        (_returns, ("no-error",)),
    ],
)
def test_the_judge_tells_each_broken_rule(
    fn: Callable[[object], object], tags: tuple[str, ...]
) -> None:
    """The checks themselves, on stand-in functions with known faults."""
    bad = C.Bad("fake", "type-None", "type", fn, (None,), {}, None, ("x", "None", "NoneType"))
    assert C.judge(bad, None).tags == tags
