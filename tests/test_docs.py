"""The documentation's code runs and says what it claims.

Every ```python block in README.md and docs/ (subfolders included) runs; a page reads as one
session, so its blocks run in order in one namespace. Blocks written as a console session
(```pycon, or ```python starting with ``>>>``) run under doctest, so the output they show is
checked and cannot drift. The README's example is also checked against the comments written
beside it, and the examples in the docstrings of every public name (what the API reference
pages show) run under doctest too.
"""

from __future__ import annotations

import doctest
import io
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

import tbridge


@pytest.fixture(autouse=True)
def _reprs_with_torch_float32_default() -> None:
    """The documented outputs are torch's reprs, which leave out ``dtype=`` for torch's default
    dtype: they are written for a process that keeps torch's float32 default (conftest's
    autouse fixture restores the run's own default afterwards)."""
    torch.set_default_dtype(torch.float32)


ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
# Any fenced block a reader would take for Python: its language and its body.
FENCE = re.compile(r"^```(python|py|pycon)\n(.*?)^```", re.DOTALL | re.MULTILINE)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _blocks(path: Path) -> list[tuple[int, str, bool]]:
    """(line number, code, is a doctest session) of each Python block of one page."""
    text = path.read_text(encoding="utf-8")
    found = []
    for m in FENCE.finditer(text):
        lang, code = m.groups()
        line = text.count("\n", 0, m.start()) + 2  # the block's first line, 1-based
        session = lang == "pycon" or code.lstrip().startswith(">>>")
        found.append((line, code, session))
    return found


PAGES = [p for p in DOCS if _blocks(p)]


def _run(code: str, namespace: dict[str, Any] | None = None) -> dict[str, Any]:
    ns = {"__name__": "__docs__"} if namespace is None else namespace
    exec(compile(code, "<docs>", "exec"), ns)  # the project's own documentation
    return ns


def _doctest(code: str, ns: dict[str, Any], name: str, path: Path, line: int) -> str:
    """Run one session in ``ns`` (kept for the next block); return doctest's failure report."""
    test = doctest.DocTestParser().get_doctest(code, ns, name, str(path), line - 1)
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test, out=out.write, clear_globs=False)
    ns.update(test.globs)
    return out.getvalue()


@pytest.mark.parametrize("path", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_documented_code_runs(path: Path) -> None:
    ns: dict[str, Any] = {"__name__": "__docs__"}
    where = path.relative_to(ROOT)
    failures = []
    # A page may seed torch's global generator; the other tests never see it.
    with torch.random.fork_rng(devices=[]):
        for line, code, session in _blocks(path):
            if session:
                report = _doctest(code, ns, f"{where}:{line}", path, line)
            else:
                try:
                    _run(code, ns)
                    report = ""
                except Exception as e:
                    report = f"raised {e!r}"
            if report:
                failures.append(f"{where}, block at line {line}:\n{report}")
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


def _public_objects() -> list[tuple[str, object]]:
    """Every public function and class, by its public name (what the API reference renders)."""
    spaces = [("tbridge", tbridge)]
    spaces += [(f"tbridge.{n}", getattr(tbridge, n)) for n in ("linalg", "fft", "random")]
    spaces += [(f"tbridge.{n}", getattr(tbridge, n)) for n in ("emath", "testing")]
    spaces += [(f"tbridge.lib.{n}", getattr(tbridge.lib, n)) for n in ("stride_tricks", "npyio")]
    found: dict[int, tuple[str, object]] = {}
    for prefix, module in spaces:
        for name in module.__all__:
            obj = getattr(module, name)
            if callable(obj) and getattr(obj, "__module__", "").startswith("tbridge"):
                found.setdefault(id(obj), (f"{prefix}.{name}", obj))
    return sorted(found.values(), key=lambda item: item[0])


def _docstring_tests() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    tests = []
    for name, obj in _public_objects():
        # The defining module's globals, as pytest's --doctest-modules gives them.
        module = sys.modules[obj.__module__]
        found = finder.find(obj, name, module=module, globs=vars(module).copy())
        tests += [test for test in found if test.examples]
    return tests


DOCSTRING_TESTS = _docstring_tests()


@pytest.mark.parametrize("test", DOCSTRING_TESTS, ids=[t.name for t in DOCSTRING_TESTS])
def test_docstring_examples(test: doctest.DocTest) -> None:
    out = io.StringIO()
    doctest.DocTestRunner(optionflags=FLAGS).run(test, out=out.write)
    assert not out.getvalue(), out.getvalue()


def test_every_page_block_is_found() -> None:
    # The README's example and at least one session per new page: a regex that stops
    # matching would otherwise pass every test above by finding nothing.
    assert ROOT / "README.md" in PAGES
    sessions = [p for p in PAGES if any(session for _, _, session in _blocks(p))]
    assert len(sessions) >= 5, sessions
    assert DOCSTRING_TESTS


def test_readme_example_does_what_its_comments_say() -> None:
    (code,) = BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    ns = _run(code)
    tb = ns["tb"]
    assert ns["x"].shape == (5, 3)
    assert ns["x"].dtype == torch.float64  # "float64, as NumPy"
    assert ns["y"].tolist() == [-5, -2, 1, 5]  # "NumPy 2 rounding"
    assert isinstance(ns["t"], torch.Tensor)
    assert tb.shares_memory(ns["t"], ns["a"])  # "shares memory"; a is t's view
    assert isinstance(ns["a"], np.ndarray)
    assert not ns["a"].flags.writeable  # "read-only view"
    assert ns["z"].dtype == torch.float32  # "float32" inside default_float
    assert tb.ones(1).dtype == torch.float64  # the override ended with the block
