"""``python -m tbridge``: the environment report and its live bridge check."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import numpy as np
import pytest
import torch

from tbridge import __main__ as report


def test_report_runs_healthy() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tbridge"], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert f"torch             {torch.__version__}" in out
    assert f"numpy             {np.__version__}" in out
    assert f"array-api-compat  {importlib.metadata.version('array-api-compat')}" in out
    assert "default dtypes: real floating=torch.float64, complex floating=torch.complex128" in out
    assert "cpu      float64     shares                 shares        ok, grads flow" in out
    assert out.rstrip().endswith("status: healthy")


def test_row_reports_copies_off_cpu() -> None:
    row = report._bridge_row(torch.float32, torch.device("cpu"))
    assert row == ("shares", "shares", "ok, grads flow")
    assert report._bridge_row(torch.int64, torch.device("cpu"))[2] == "ok"


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_prints_usage_instead_of_the_report(
    flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        report.main([flag])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m tbridge [-h]")
    assert "check the NumPy bridge on every" in out
    assert "status:" not in out  # no report


def test_help_from_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tbridge", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m tbridge [-h]")
    assert "status:" not in done.stdout


def test_unknown_option_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        report.main(["--devices"])
    assert done.value.code == 2
    assert "unrecognized arguments: --devices" in capsys.readouterr().err
