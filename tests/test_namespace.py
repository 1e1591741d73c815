"""The namespace as a whole: the standard's names exactly, typed declarations, inspection."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import numpy as np
import pytest
import torch

import tbridge as tb
import tbridge._numpy
from tbridge import _numpy

# The Array API standard 2025.12, by the spec's own module lists.
STANDARD: dict[str, list[str]] = {
    "constants": ["e", "inf", "nan", "newaxis", "pi"],
    "creation": [
        "arange",
        "asarray",
        "empty",
        "empty_like",
        "eye",
        "from_dlpack",
        "full",
        "full_like",
        "linspace",
        "meshgrid",
        "ones",
        "ones_like",
        "tril",
        "triu",
        "zeros",
        "zeros_like",
    ],
    "data_type_functions": ["astype", "can_cast", "finfo", "iinfo", "isdtype", "result_type"],
    "data_types": [
        "bool",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "float32",
        "float64",
        "complex64",
        "complex128",
    ],
    "elementwise": [
        "abs",
        "acos",
        "acosh",
        "add",
        "asin",
        "asinh",
        "atan",
        "atan2",
        "atanh",
        "bitwise_and",
        "bitwise_left_shift",
        "bitwise_invert",
        "bitwise_or",
        "bitwise_right_shift",
        "bitwise_xor",
        "ceil",
        "clip",
        "conj",
        "copysign",
        "cos",
        "cosh",
        "divide",
        "equal",
        "exp",
        "expm1",
        "floor",
        "floor_divide",
        "greater",
        "greater_equal",
        "hypot",
        "imag",
        "isfinite",
        "isinf",
        "isnan",
        "less",
        "less_equal",
        "log",
        "log1p",
        "log2",
        "log10",
        "logaddexp",
        "logical_and",
        "logical_not",
        "logical_or",
        "logical_xor",
        "maximum",
        "minimum",
        "multiply",
        "negative",
        "nextafter",
        "not_equal",
        "positive",
        "pow",
        "real",
        "reciprocal",
        "remainder",
        "round",
        "sign",
        "signbit",
        "sin",
        "sinh",
        "square",
        "sqrt",
        "subtract",
        "tan",
        "tanh",
        "trunc",
    ],
    "indexing": ["take", "take_along_axis"],
    "info": ["__array_namespace_info__"],
    "linear_algebra": ["matmul", "matrix_transpose", "tensordot", "vecdot"],
    "manipulation": [
        "broadcast_arrays",
        "broadcast_shapes",
        "broadcast_to",
        "concat",
        "expand_dims",
        "flip",
        "moveaxis",
        "permute_dims",
        "repeat",
        "reshape",
        "roll",
        "squeeze",
        "stack",
        "tile",
        "unstack",
    ],
    "searching": ["argmax", "argmin", "count_nonzero", "nonzero", "searchsorted", "where"],
    "set": ["isin", "unique_all", "unique_counts", "unique_inverse", "unique_values"],
    "sorting": ["argsort", "sort"],
    "statistical": [
        "cumulative_sum",
        "cumulative_prod",
        "max",
        "mean",
        "min",
        "prod",
        "std",
        "sum",
        "var",
    ],
    "utility": ["all", "any", "diff"],
}
# The 2025.12 stub's linalg __all__, plus eig and eigvals, which 2025.12 defines but leaves out.
LINALG = [
    "cholesky",
    "cross",
    "det",
    "diagonal",
    "eig",
    "eigh",
    "eigvals",
    "eigvalsh",
    "inv",
    "matmul",
    "matrix_norm",
    "matrix_power",
    "matrix_rank",
    "matrix_transpose",
    "outer",
    "pinv",
    "qr",
    "slogdet",
    "solve",
    "svd",
    "svdvals",
    "tensordot",
    "trace",
    "vecdot",
    "vector_norm",
]
FFT = [
    "fft",
    "ifft",
    "fftn",
    "ifftn",
    "rfft",
    "irfft",
    "rfftn",
    "irfftn",
    "hfft",
    "ihfft",
    "fftfreq",
    "rfftfreq",
    "fftshift",
    "ifftshift",
]
ALL_STANDARD = sorted({name for names in STANDARD.values() for name in names})

# tbridge's own additions (NumPy conventions, the bridge, moves, autograd), by design.
EXTRAS = {
    "__array_api_version__", "__version__", "array", "bfloat16", "default_float",
    "enable_grad", "eye", "fft", "float16", "from_numpy", "full", "grad", "identity", "linalg",
    "no_grad", "normal", "rand", "rand_like", "randn", "randn_like", "random", "shares_memory",
    "may_share_memory", "to_device", "to_numpy", "uniform", "value_and_grad", "writable_numpy",
    "lib", "testing", "emath",
}  # fmt: skip
# NumPy's names beyond the standard: each tbridge._numpy module lists its own in __all__.
NUMPY_EXTRAS = {
    name
    for module in pkgutil.iter_modules(_numpy.__path__)
    for name in importlib.import_module(f"tbridge._numpy.{module.name}").__all__
}


@pytest.mark.parametrize("name", ALL_STANDARD)
def test_standard_name_is_exported(name: str) -> None:
    assert name in tb.__all__
    assert hasattr(tb, name)


@pytest.mark.parametrize("name", LINALG)
def test_linalg_name(name: str) -> None:
    assert name in tb.linalg.__all__
    assert callable(getattr(tb.linalg, name))


@pytest.mark.parametrize("name", FFT)
def test_fft_name(name: str) -> None:
    assert name in tb.fft.__all__
    assert callable(getattr(tb.fft, name))


#: NumPy's functions beyond the standard: each tbridge._numpy module's ``__all__``.
NUMPY_EXTRAS = {
    name
    for info in pkgutil.iter_modules(tbridge._numpy.__path__)
    for name in importlib.import_module(f"tbridge._numpy.{info.name}").__all__
}


def test_nothing_extra_or_misspelled() -> None:
    unexpected = set(tb.__all__) - set(ALL_STANDARD) - EXTRAS - NUMPY_EXTRAS
    assert unexpected == set()
    # tbridge.linalg and tbridge.fft: the standard's names, plus NumPy's own beyond them.
    linalg_extra = set(tb.linalg.__all__) - set(LINALG)
    fft_extra = set(tb.fft.__all__) - set(FFT)
    assert set(LINALG) <= set(tb.linalg.__all__)
    assert set(FFT) <= set(tb.fft.__all__)
    assert linalg_extra <= set(np.linalg.__all__)
    assert fft_extra <= set(np.fft.__all__)
    assert len(tb.linalg.__all__) == len(set(tb.linalg.__all__))
    assert len(tb.fft.__all__) == len(set(tb.fft.__all__))
    assert len(tb.__all__) == len(set(tb.__all__))


def test_version_and_info() -> None:
    assert tb.__array_api_version__ == "2025.12"
    info = tb.__array_namespace_info__()
    assert info.default_device() == torch.device("cpu")
    assert info.dtypes(kind="real floating") == {"float32": tb.float32, "float64": tb.float64}
    assert set(info.dtypes()) == set(STANDARD["data_types"])
    assert info.capabilities()["boolean indexing"] is True
    with pytest.raises(ValueError, match=r"dtypes: unknown kind 'reals'; pass one of"):
        info.dtypes(kind="reals")


@pytest.mark.skipif(
    not hasattr(np, "__array_namespace_info__"), reason="NumPy has no inspection object here"
)
@pytest.mark.parametrize(
    "kind",
    [
        None,
        "bool",
        "signed integer",
        "unsigned integer",
        "integral",
        "real floating",
        "complex floating",
        "numeric",
        ("bool", "real floating"),
    ],
)
def test_info_dtypes_match_numpy(kind: str | tuple[str, ...] | None) -> None:
    # NumPy's inspection object lists the standard's dtypes only (float16 is left out while
    # np.isdtype(np.float16, "real floating") is True); tbridge's lists the same, in order.
    ours = tb.__array_namespace_info__().dtypes(kind=kind)  # type: ignore[arg-type]
    theirs = np.__array_namespace_info__().dtypes(kind=kind)
    assert list(ours) == list(theirs)
    assert all(tb.to_numpy(torch.empty(0, dtype=d)).dtype == theirs[n] for n, d in ours.items())


FUNCTIONS = [
    n
    for n in ALL_STANDARD
    if callable(getattr(tb, n, None)) and not isinstance(getattr(tb, n), torch.dtype)
]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_functions_are_declared_in_tbridge_with_annotations(name: str) -> None:
    fn = getattr(tb, name)
    assert inspect.isfunction(fn), f"{name} is {fn!r}, not a function declared in tbridge"
    assert fn.__module__.startswith("tbridge"), fn.__module__
    hints = inspect.get_annotations(fn)
    assert "return" in hints
    params = [p for p in inspect.signature(fn).parameters.values() if p.kind is not p.VAR_KEYWORD]
    missing = [p.name for p in params if p.name not in hints]
    assert missing == []
    assert fn.__doc__
