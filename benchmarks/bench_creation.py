"""Issue 2: per-call cost of tbridge's creation functions against the raw torch call.

The raw call is what a user writes by hand for the same result: a positional shape tuple and
NumPy's default dtype spelled out, e.g. ``torch.zeros((3, 4), dtype=torch.float64)`` for
``tb.zeros(3, 4)``. array_api_compat.torch is timed in the same rounds where it has its own
wrapper (its ``*_like`` and random functions are torch's own, so they are not repeated).
The raw call is also timed a second time in the same rounds ("raw again"): that A/A ratio shows
the noise floor, and a miss smaller than it is marked "within A/A noise". The "floor" column
times a bare Python function with tbridge's signature around the raw call (see ``_like_floor``):
a miss no larger than that is marked "at the signature floor".
"""

from __future__ import annotations

from typing import Any

import array_api_compat.torch as xp
import numpy as np
import torch
from _timing import (
    compare,
    fmt_ratio,
    fmt_us,
    judge,
    paired_ratio,
    print_table,
    run_guarded,
    verdict,
)

import tbridge as tb

SHAPES = ((3, 4), (1000, 1000))


# The signature floor: a Python function with tbridge's signature that does nothing but the raw
# call. CPython 3.11 fills each keyword-only default from a dict (``__kwdefaults__``), so a
# function with NumPy's keyword-only ``device=``/``shape=`` costs more to call than one with
# positional defaults, before it does any work. A tbridge row at or below its floor cannot get
# closer to raw torch without giving up that signature.
def _like_floor(fn: Any) -> Any:
    def floor(
        prototype: Any,
        /,
        dtype: Any = None,
        *,
        device: Any = None,
        requires_grad: bool = False,
        shape: Any = None,
    ) -> Any:
        return fn(prototype)

    return floor


def _full_like_floor(
    prototype: Any,
    fill_value: Any,
    /,
    dtype: Any = None,
    *,
    device: Any = None,
    requires_grad: bool = False,
    shape: Any = None,
) -> Any:
    return torch.full_like(prototype, fill_value)


def _normal_floor(
    loc: Any = 0.0,
    scale: Any = 1.0,
    size: Any = None,
    *,
    dtype: Any = None,
    device: Any = None,
    requires_grad: bool = False,
) -> Any:
    return torch.normal(loc, scale, size, dtype=torch.float64)


FLOORS: dict[str, Any] = {
    "empty_like_floor": _like_floor(torch.empty_like),
    "zeros_like_floor": _like_floor(torch.zeros_like),
    "ones_like_floor": _like_floor(torch.ones_like),
    "rand_like_floor": _like_floor(torch.rand_like),
    "randn_like_floor": _like_floor(torch.randn_like),
    "full_like_floor": _full_like_floor,
    "normal_floor": _normal_floor,
}

#: name -> the floor statement timed beside it
FLOOR_OF = {
    "empty_like": "empty_like_floor(p)",
    "zeros_like": "zeros_like_floor(p)",
    "ones_like": "ones_like_floor(p)",
    "full_like": "full_like_floor(p, 1.5)",
    "rand_like": "rand_like_floor(p)",
    "randn_like": "randn_like_floor(p)",
    "normal(size=)": "normal_floor(size=SHAPE)",
}
TARGET = {(3, 4): 1.10, (1000, 1000): 1.02}

F64 = "dtype=torch.float64"


def _cases(shape: tuple[int, int]) -> list[tuple[str, str, str, str | None]]:
    """(name, raw, tbridge, array_api_compat or None) statements for one shape."""
    s = repr(shape)
    n0, n1 = shape
    n = n0 * n1
    return [
        ("empty", f"torch.empty({s}, {F64})", f"tb.empty({n0}, {n1})", f"xp.empty({s}, {F64})"),
        ("zeros", f"torch.zeros({s}, {F64})", f"tb.zeros({n0}, {n1})", f"xp.zeros({s}, {F64})"),
        ("ones", f"torch.ones({s}, {F64})", f"tb.ones({n0}, {n1})", f"xp.ones({s}, {F64})"),
        ("full", f"torch.full({s}, 1.5, {F64})", f"tb.full({s}, 1.5)", f"xp.full({s}, 1.5, {F64})"),
        (
            "eye",
            f"torch.eye({n0}, {n1}, {F64})",
            f"tb.eye({n0}, {n1})",
            f"xp.eye({n0}, {n1}, {F64})",
        ),
        ("identity", f"torch.eye({n0}, {F64})", f"tb.identity({n0})", None),
        ("arange(int)", f"torch.arange({n})", f"tb.arange({n})", f"xp.arange({n})"),
        (
            "arange(float)",
            f"torch.arange(0.0, {n}.0, 1.0, {F64})",
            f"tb.arange(0.0, {n}.0, 1.0)",
            f"xp.arange(0.0, {n}.0, 1.0, {F64})",
        ),
        (
            "linspace",
            f"torch.linspace(0.0, 1.0, {n}, {F64})",
            f"tb.linspace(0.0, 1.0, {n})",
            f"xp.linspace(0.0, 1.0, {n}, {F64})",
        ),
        (
            "asarray(list)",
            f"torch.asarray(lst, {F64})",
            "tb.asarray(lst)",
            f"xp.asarray(lst, {F64})",
        ),
        ("array(list)", f"torch.tensor(lst, {F64})", "tb.array(lst)", None),
        ("empty_like", "torch.empty_like(p)", "tb.empty_like(p)", None),
        ("zeros_like", "torch.zeros_like(p)", "tb.zeros_like(p)", None),
        ("ones_like", "torch.ones_like(p)", "tb.ones_like(p)", None),
        ("full_like", "torch.full_like(p, 1.5)", "tb.full_like(p, 1.5)", None),
        ("rand_like", "torch.rand_like(p)", "tb.rand_like(p)", None),
        ("randn_like", "torch.randn_like(p)", "tb.randn_like(p)", None),
        ("rand", f"torch.rand({s}, {F64})", f"tb.rand({n0}, {n1})", None),
        ("randn", f"torch.randn({s}, {F64})", f"tb.randn({n0}, {n1})", None),
        (
            "normal(size=)",
            f"torch.normal(0.0, 1.0, {s}, {F64})",
            f"tb.normal(size={s})",
            None,
        ),
        (
            "uniform(size=)",
            f"torch.empty({s}, {F64}).uniform_(0.0, 1.0)",
            f"tb.uniform(size={s})",
            None,
        ),
    ]


F32 = "dtype=torch.float32"


def _dtype_cases(shape: tuple[int, int]) -> list[tuple[str, str, str, str | None]]:
    """Creation with an explicit non-default dtype (float32, positionally where NumPy takes
    it) against the same torch call: it must cost what the default-dtype call costs."""
    s = repr(shape)
    n0, n1 = shape
    n = n0 * n1
    return [
        ("zeros(s, f32)", f"torch.zeros({s}, {F32})", f"tb.zeros({s}, tb.float32)", None),
        ("ones(s, f32)", f"torch.ones({s}, {F32})", f"tb.ones({s}, tb.float32)", None),
        ("empty(s, f32)", f"torch.empty({s}, {F32})", f"tb.empty({s}, tb.float32)", None),
        ("full(s, v, f32)", f"torch.full({s}, 1.5, {F32})", f"tb.full({s}, 1.5, tb.float32)", None),
        ("eye(f32)", f"torch.eye({n0}, {n1}, {F32})", f"tb.eye({n0}, {n1}, 0, tb.float32)", None),
        ("identity(f32)", f"torch.eye({n0}, {F32})", f"tb.identity({n0}, tb.float32)", None),
        (
            "arange(int, f32)",
            f"torch.arange({n}, {F32})",
            f"tb.arange({n}, dtype=tb.float32)",
            None,
        ),
        (
            "arange(float, f32)",
            f"torch.arange(0.0, {n}.0, 1.0, {F32})",
            f"tb.arange(0.0, {n}.0, 1.0, tb.float32)",
            None,
        ),
        (
            "linspace(f32)",
            f"torch.linspace(0.0, 1.0, {n}, {F32})",
            f"tb.linspace(0.0, 1.0, {n}, dtype=tb.float32)",
            None,
        ),
        ("asarray(list, f32)", f"torch.asarray(lst, {F32})", "tb.asarray(lst, tb.float32)", None),
        ("array(list, f32)", f"torch.tensor(lst, {F32})", "tb.array(lst, tb.float32)", None),
    ]


def _row(
    name: str, shape: tuple[int, int], cands: dict[str, str], ns: dict[str, Any], rounds: int
) -> dict[str, Any]:
    small = shape == (3, 4)
    big_list = name.startswith(("asarray(list", "array(list")) and not small
    res = compare(
        cands,
        ns,
        rounds=max(5, rounds // 2) if big_list else rounds,
        sample_s=0.002 if small else 0.004,
        max_s=8.0 if big_list else 4.0,
    )
    raw_t, tb_t = res["raw"], res["tbridge"]
    aa = paired_ratio(res["raw again"], raw_t)
    ratio = paired_ratio(tb_t, raw_t)
    compat_t = res.get("compat")
    floor_t = res.get("floor")
    floor = paired_ratio(floor_t, raw_t) if floor_t else None
    status = judge(ratio, TARGET[shape], aa)
    if status.startswith("MISS") and floor is not None and ratio <= floor * max(aa, 1.0):
        status = "MISS (at the signature floor)"
    return {
        "name": name,
        "size": "x".join(map(str, shape)),
        "raw_us": raw_t.us,
        "tbridge_us": tb_t.us,
        "compat_us": compat_t.us if compat_t else None,
        "ratio": ratio,
        "compat_ratio": paired_ratio(compat_t, raw_t) if compat_t else None,
        "target": TARGET[shape],
        "aa_ratio": aa,
        "floor_ratio": floor,
        "status": status,
        "timings": {k: v.as_json() for k, v in res.items()},
    }


def run(scale: float = 1.0, dtypes_only: bool = False) -> dict[str, Any]:
    """Every creation row (default dtypes, then explicit float32), or only the float32 ones."""
    rows: list[dict[str, Any]] = []
    for shape in SHAPES:
        ns: dict[str, Any] = {
            "torch": torch,
            "tb": tb,
            "xp": xp,
            "np": np,
            "p": torch.zeros(shape, dtype=torch.float64),
            "SHAPE": shape,
            **FLOORS,
            "lst": np.random.default_rng(0).random(shape).tolist(),
        }
        rounds = max(5, int((41 if shape == (3, 4) else 31) * scale))
        cases = [] if dtypes_only else _cases(shape)
        for name, raw, tbs, compat in [*cases, *_dtype_cases(shape)]:
            cands = {"raw": raw, "tbridge": tbs, "raw again": raw}
            if compat is not None:
                cands["compat"] = compat
            if name in FLOOR_OF:
                cands["floor"] = FLOOR_OF[name]
            rows.append(run_guarded(name, _row, name, shape, cands, ns, rounds))
    table = [
        [
            r["name"],
            r["size"],
            fmt_us(r.get("raw_us")),
            fmt_us(r.get("tbridge_us")),
            fmt_ratio(r.get("ratio")),
            fmt_us(r.get("compat_us")),
            fmt_ratio(r.get("compat_ratio")),
            fmt_ratio(r.get("aa_ratio")),
            fmt_ratio(r.get("floor_ratio")),
            f"<={r['target']:.2f}" if "target" in r else "-",
            r["status"] if "error" not in r else f"ERROR {r['error']}",
        ]
        for r in rows
    ]
    print_table(
        "creation (issue 2): per call, microseconds; ratio = tbridge/raw torch",
        [
            "function",
            "shape",
            "raw us",
            "tb us",
            "tb/raw",
            "compat us",
            "compat/raw",
            "A/A",
            "floor",
            "target",
            "",
        ],
        table,
    )
    line = verdict("creation", rows)
    print(line)
    return {"rows": rows, "verdict": line}


if __name__ == "__main__":
    # python benchmarks/bench_creation.py [--dtypes] [--quick]: this section alone, as run.py
    # runs it (one torch thread, this thread's CPU time); --dtypes times only the explicit
    # float32 rows.
    import sys
    import time

    import _timing

    torch.set_num_threads(1)
    _timing.CLOCK = time.thread_time
    run(0.25 if "--quick" in sys.argv else 1.0, dtypes_only="--dtypes" in sys.argv)
