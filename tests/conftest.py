"""Shared fixtures: every available device (meta always), and torch's global state kept clean."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import torch
from hypothesis import settings

REQUIRE_CUDA = os.environ.get("TBRIDGE_REQUIRE_CUDA", "") not in ("", "0")

# Property tests draw the same examples on every run ("repeatable", the default: a red run is
# the change's doing, not the draw's). HYPOTHESIS_PROFILE=explore draws fresh random examples
# to hunt for new counterexamples; each one found becomes a pinned test.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--torch-default-dtype",
        choices=("float32", "float64"),
        default="float32",
        help="torch's global default dtype for the whole run (tbridge's results must not "
        "depend on it: the tox env `default-float64` runs the suite with float64)",
    )


def pytest_configure(config: pytest.Config) -> None:
    # Set once before any test module is imported, as a user sets it at start-up.
    torch.set_default_dtype(getattr(torch, config.getoption("--torch-default-dtype")))


def _devices() -> list[str]:
    found = ["cpu", "meta"]
    if torch.cuda.is_available():
        found.append("cuda")
    elif REQUIRE_CUDA:
        # Asked for and missing: a failure, not a skip.
        found.append("cuda-missing")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append("mps")
    return found


DEVICES = _devices()
DATA_DEVICES = [d for d in DEVICES if d != "meta"]


def _resolve(name: str) -> torch.device:
    if name == "cuda-missing":
        pytest.fail("TBRIDGE_REQUIRE_CUDA is set but torch.cuda.is_available() is False")
    return torch.device(name)


@pytest.fixture(params=DEVICES)
def device(request: pytest.FixtureRequest) -> torch.device:
    """Each available device, including ``meta`` (shapes and dtypes only, no data)."""
    return _resolve(request.param)


@pytest.fixture(params=DATA_DEVICES)
def data_device(request: pytest.FixtureRequest) -> torch.device:
    """Each available device that holds data (no ``meta``)."""
    return _resolve(request.param)


@pytest.fixture(autouse=True)
def _restore_torch_globals() -> Iterator[None]:
    """Whatever a test does, torch's global default dtype and device come back as they were."""
    dtype = torch.get_default_dtype()
    dev = torch.get_default_device()
    yield
    torch.set_default_dtype(dtype)
    # None removes torch's device mode entirely (setting "cpu" would leave a mode installed).
    torch.set_default_device(None if dev.type == "cpu" else dev)
