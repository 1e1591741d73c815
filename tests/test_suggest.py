"""AttributeErrors for missing names: pointers, NumPy spellings, NumPy's route, then typos."""

from __future__ import annotations

from types import ModuleType

import pytest
import torch

import tbridge as tb
from tbridge._core.suggest import NUMPY_SPELLINGS, missing_attribute


@pytest.mark.parametrize(("numpy_name", "ours"), sorted(NUMPY_SPELLINGS.items()))
def test_numpy_spellings_point_to_existing_names(numpy_name: str, ours: str) -> None:
    assert ours in tb.__all__
    err = missing_attribute(numpy_name, tb.__all__)
    assert str(err) == (
        f"module 'tbridge' has no attribute {numpy_name!r}: NumPy's {numpy_name} is spelled "
        f"{ours} in the Array API; use tb.{ours}"
    )


def test_numpy_name_without_twin_names_numpy_route() -> None:
    err = missing_attribute("not_a_real_name_but_numpy_has_it", ["zeros"], "tbridge")
    assert "tbridge does not have" not in str(err)  # NumPy has no such name: no NumPy route
    err = missing_attribute("busday_count", ["zeros"], "tbridge")
    assert str(err) == (
        "module 'tbridge' has no attribute 'busday_count': tbridge does not have "
        "numpy.busday_count (see docs/numpy-coverage.md); compute it with NumPy on "
        "tb.to_numpy(x) and bring the result back with tb.asarray"
    )


def test_numpy_name_is_not_guessed_by_edit_distance() -> None:
    # "allclose" is one edit-distance neighbourhood away from "acos"; the hint must not say so.
    err = missing_attribute("busday_offset", ["acos", "busy"], "tbridge")
    assert "did you mean" not in str(err)


def test_typo_gets_closest_names() -> None:
    with pytest.raises(AttributeError, match=r"^module 'tbridge' has no attribute 'linespace'; "
                       r"did you mean 'linspace'"):  # fmt: skip
        _ = tb.linespace  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("module", "name", "message"),
    [
        (tb.linalg, "lstsqq", r"^module 'tbridge.linalg' has no attribute 'lstsqq'"),
        (tb.fft, "fftt", r"^module 'tbridge.fft' has no attribute 'fftt'; did you mean 'fft'"),
        (
            tb.random,
            "normall",
            r"^module 'tbridge.random' has no attribute 'normall'; did you mean 'normal'",
        ),
        (
            tb.random,
            "RandomState",
            r"^module 'tbridge.random' has no attribute 'RandomState': tbridge has no "
            r"RandomState; use tb.random.default_rng\(seed\)",
        ),
        (
            tb.random,
            "MT19937",
            r"^module 'tbridge.random' has no attribute 'MT19937': tbridge's Generators draw "
            r"from torch's generators, not NumPy's bit generators; a NumPy bit generator can "
            r"seed one: tb.random.default_rng\(np.random.PCG64\(seed\)\)$",
        ),
    ],
)
def test_submodules_explain_missing_names(module: ModuleType, name: str, message: str) -> None:
    with pytest.raises(AttributeError, match=message):
        getattr(module, name)


def test_submodule_dir_lists_public_names_only() -> None:
    assert "torch" not in dir(tb.linalg)
    assert "np" not in dir(tb.fft)
    assert "LinAlgError" in dir(tb.linalg)
    assert "default_rng" in dir(tb.random)
    assert "_impl" not in dir(tb.random)


@pytest.mark.parametrize(("typo", "right"), [("flaot32", "float32"), ("int46", "int64")])
def test_dtype_typo_gets_a_suggestion(typo: str, right: str) -> None:
    with pytest.raises(
        TypeError, match=rf"^zeros: dtype='{typo}' is not a dtype \(did you mean '{right}'\?\)"
    ):
        tb.zeros(2, dtype=typo)  # type: ignore[arg-type]


def test_cuda_on_a_cpu_build_names_the_build() -> None:
    if torch.cuda.is_available():
        pytest.skip("this process sees a GPU")
    build = "a CPU-only build" if torch.version.cuda is None else "a CUDA"
    with pytest.raises(
        ValueError, match=rf"^zeros: device='cuda': this process has {build}.*python -m tbridge"
    ):
        tb.zeros(2, device="cuda")
