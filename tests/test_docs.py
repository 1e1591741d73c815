"""The documentation's code runs and says what it claims.

Every ```python block in README.md and docs/ is executed; the README's example is then checked
against the comments written beside it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _blocks() -> list[tuple[str, str]]:
    found = []
    for path in DOCS:
        for i, code in enumerate(BLOCK.findall(path.read_text(encoding="utf-8"))):
            found.append((f"{path.relative_to(ROOT)}#{i}", code))
    return found


def _run(code: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    exec(compile(code, "<docs>", "exec"), namespace)  # the project's own documentation
    return namespace


@pytest.mark.parametrize(("where", "code"), _blocks(), ids=[w for w, _ in _blocks()])
def test_documented_code_runs(where: str, code: str) -> None:
    _run(code)


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
