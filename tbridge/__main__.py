"""``python -m tbridge``: an environment report and a live check of the bridge on each device.

Exit status 0 when every check that should pass does; 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import platform
import sys

import numpy as np
import torch

import tbridge as tb
from tbridge._core.dtypes import ML_DTYPES_AVAILABLE, default_dtypes, numpy_dtype_of
from tbridge._namespace.info import available_devices

_CHECK_DTYPES = [
    tb.bool,
    tb.int8,
    tb.int16,
    tb.int32,
    tb.int64,
    tb.uint8,
    tb.uint16,
    tb.uint32,
    tb.uint64,
    tb.float16,
    tb.bfloat16,
    tb.float32,
    tb.float64,
    tb.complex64,
    tb.complex128,
]


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _bridge_row(dtype: torch.dtype, device: torch.device) -> tuple[str, str, str]:
    """(numpy -> torch, torch -> numpy, move + autograd) results for one dtype on one device."""
    if numpy_dtype_of(dtype) is None:
        return ("n/a (needs ml_dtypes)", "n/a", _move_check(dtype, device))
    src = np.ones(4, dtype=numpy_dtype_of(dtype))
    t = tb.asarray(src, device=device)
    to_torch = "shares" if tb.shares_memory(src, t) else "copies"
    if not bool((tb.to_numpy(t, copy=True) == src).all()):
        return ("WRONG VALUES", "WRONG VALUES", "")
    back = tb.to_numpy(t)
    to_numpy = "shares" if tb.shares_memory(back, t) else "copies"
    return (to_torch, to_numpy, _move_check(dtype, device))


def _move_check(dtype: torch.dtype, device: torch.device) -> str:
    x = tb.ones(3, dtype=dtype)
    moved = tb.to_device(x, device)
    if tb.to_device(moved, "cpu") is not x and device.type == "cpu":
        return "FAIL (same-device move copied)"
    if not (dtype.is_floating_point or dtype.is_complex):
        return "ok"
    leaf = tb.ones(3, dtype=dtype, requires_grad=True)
    total = tb.to_device(leaf, device).sum()
    scalar = total.real if dtype.is_complex else total
    (grad,) = torch.autograd.grad(scalar, leaf)
    ok = bool((grad == 1).all())
    return "ok, grads flow" if ok else "FAIL (gradient)"


def main(argv: list[str] | None = None) -> int:
    """Print the report; return the exit status. ``-h``/``--help`` prints usage instead."""
    parser = argparse.ArgumentParser(
        prog="python -m tbridge",
        description="Print the versions tbridge runs on and check the NumPy bridge on every "
        "available device: sharing both ways, moves and gradients, one row per dtype.",
        epilog="Exit status 0 when every check passes, 1 otherwise.",
    )
    parser.parse_args(argv)
    print(f"tbridge {tb.__version__} on Python {platform.python_version()} ({sys.platform})")
    for dist in ("torch", "numpy", "array-api-compat", "ml-dtypes"):
        print(f"  {dist:<17} {_version(dist)}")
    print(f"  torch CUDA build  {torch.version.cuda or 'no (CPU build)'}")
    devices = available_devices()
    print("devices: " + ", ".join(str(d) for d in devices) + " (and meta, for shapes only)")
    print("default dtypes: " + ", ".join(f"{k}={v}" for k, v in default_dtypes().items()))
    print(f"ml_dtypes (bfloat16/float8 bridge): {'yes' if ML_DTYPES_AVAILABLE else 'no'}")
    print()
    header = f"{'device':<8} {'dtype':<11} {'numpy->torch':<22} {'torch->numpy':<13} move/autograd"
    print(header)
    print("-" * len(header))
    healthy = True
    for device in devices:
        for dtype in _CHECK_DTYPES:
            a, b, c = _bridge_row(dtype, device)
            name = str(dtype).removeprefix("torch.")
            print(f"{device!s:<8} {name:<11} {a:<22} {b:<13} {c}")
            expected_share = device.type == "cpu" and not a.startswith("n/a")
            if expected_share and (a != "shares" or b != "shares"):
                healthy = False
            if "FAIL" in c or "WRONG" in a:
                healthy = False
    print()
    print("status: " + ("healthy" if healthy else "UNHEALTHY: see the rows above"))
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
