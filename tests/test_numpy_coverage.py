"""docs/numpy-coverage.md is exactly what scripts/numpy_coverage.py writes, and its tables hold.

The page is generated from NumPy's and tbridge's names: when tbridge gains or changes a name
the page is stale and this test says to regenerate it. It is written with one NumPy version
(named on the page); other versions list other names, so there the comparison is skipped.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "numpy-coverage.md"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "numpy_coverage", ROOT / "scripts" / "numpy_coverage.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()
PAGE_VERSION = re.search(r"from NumPy (\d+\.\d+)", PAGE.read_text(encoding="utf-8"))
RUNNING_VERSION = ".".join(np.__version__.split(".")[:2])
same_numpy = pytest.mark.skipif(
    PAGE_VERSION is None or PAGE_VERSION.group(1) != RUNNING_VERSION,
    reason="the page lists another NumPy version's names",
)


@same_numpy
def test_page_is_the_scripts_output() -> None:
    expected = SCRIPT.render()
    current = PAGE.read_text(encoding="utf-8")
    assert current == expected, (
        "docs/numpy-coverage.md is out of date (tbridge's names changed); regenerate it with: "
        "python scripts/numpy_coverage.py"
    )


def test_check_mode_agrees(capsys: pytest.CaptureFixture[str]) -> None:
    if PAGE_VERSION is None or PAGE_VERSION.group(1) != RUNNING_VERSION:
        assert SCRIPT.main(["--check"]) == 1
        return
    assert SCRIPT.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


@same_numpy
@pytest.mark.parametrize("section", ["numpy", "linalg", "fft", "random", "Generator"])
def test_hand_tables_name_real_numpy_names(section: str) -> None:
    names = set(SCRIPT._numpy_names()[section][1])
    for table in (SCRIPT.RENAMED, SCRIPT.NOTES, SCRIPT.LEFT_OUT):
        assert set(table.get(section, {})) <= names


@pytest.mark.parametrize("section", ["numpy", "linalg", "fft", "random", "Generator"])
def test_every_name_listed_once_with_a_status(section: str) -> None:
    rows = SCRIPT.classify()[section]
    names = [row[0] for row in rows]
    assert names == sorted(set(SCRIPT._numpy_names()[section][1]))
    assert {row[2] for row in rows} <= {"same", "different", "renamed", "left out", "missing"}


def test_statuses_follow_tbridge() -> None:
    rows = {row[0]: row for row in SCRIPT.classify()["numpy"]}
    assert rows["concatenate"][2] in ("renamed", "same", "different")
    assert rows["issubdtype"][2] in ("same", "different")
    assert rows["matrix"][2:] == (
        "left out",
        "np.matrix is discouraged by NumPy itself; use 2-d arrays and @",
    )
    assert "`kind`" in rows["argsort"][3] or rows["argsort"][2] == "same"
    assert "float128" not in rows
    linalg = {row[0]: row for row in SCRIPT.classify()["linalg"]}
    assert linalg["solve"][1] == "`tb.linalg.solve`"
    random = {row[0]: row for row in SCRIPT.classify()["random"]}
    assert random["rand"][1:3] == ("`tb.random.rand`", "same")


def test_signature_gaps() -> None:
    def ours(x: object, /, *, axis: int = 0) -> None:
        """Stand-in with the data positional and axis keyword-only."""

    def theirs(a: object, axis: int = 0, out: object = None, like: object = None) -> None:
        """Stand-in with NumPy's parameters."""

    assert SCRIPT._signature_gaps(theirs, ours) == ["lacks `out`", "keyword-only: `axis`"]
    assert SCRIPT._signature_gaps(np.add, ours) == ["lacks `out`, `where`, `dtype`"]
    assert SCRIPT._signature_gaps(theirs, theirs) == []
