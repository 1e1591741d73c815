"""Where tbridge's per-call overhead goes: its internal helpers and torch calls, timed one by one.

Not a pass/fail section (``python benchmarks/run.py pieces``): it backs the diagnosis of the
misses in the other sections. Each group lists the tbridge call, the raw call it is compared
with, and the pieces the tbridge call executes, so the gap can be attributed. Private helpers of
tbridge are imported on purpose; this file is a profiling aid, not API.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from typing import Any

import numpy as np
import torch
from _timing import compare, fmt_us, print_table

import tbridge as tb
from tbridge._convert import bridge as _bridge
from tbridge._core import dtypes as _dtypes
from tbridge._core import normalize as _normalize
from tbridge._extras import random as _random
from tbridge._namespace import creation as _creation

F64 = torch.float64
CPU = torch.device("cpu")


def _noop_dims(
    *dims: Any,
    shape: Any = None,
    dtype: Any = None,
    device: Any = None,
    requires_grad: bool = False,
) -> None:
    return None


GROUPS: dict[str, list[str]] = {
    "zeros(3, 4)": [
        "tb.zeros(3, 4)",
        "torch.zeros((3, 4), dtype=torch.float64)",
        "torch.zeros(size=(3, 4), dtype=F64, device=CPU, requires_grad=False)",
        "torch.zeros(size=(3, 4), dtype=F64)",
        "noop(3, 4)",
        "_creation._shape_of((3, 4), None, 'zeros')",
        "_dtypes.default_float_dtype()",
        "_dtypes.torch_dtype(F64)",
        "_normalize.torch_device(None)",
    ],
    "full((3, 4), 1.5)": [
        "tb.full((3, 4), 1.5)",
        "torch.full((3, 4), 1.5, dtype=torch.float64)",
        "torch.full((3, 4), 1.5, dtype=F64, device=CPU, requires_grad=False)",
        "_normalize.torch_shape(((3, 4),), 'full')",
        "_creation._scalar_dtype(1.5, 'full')",
        "_normalize.check_requires_grad(False, F64, 'full')",
    ],
    "eye(3, 4)": [
        "tb.eye(3, 4)",
        "torch.eye(3, 4, dtype=torch.float64)",
        "torch.eye(3, 4, dtype=F64, device=CPU, requires_grad=False)",
        "tb.identity(3)",
    ],
    "arange(12)": [
        "tb.arange(12)",
        "torch.arange(12)",
        "torch.arange(0, 12, 1, dtype=torch.int64, device=CPU, requires_grad=False)",
        "_creation._arange_dtype((0, 12, 1))",
        "_creation._real_number(12, 'stop', 'arange')",
    ],
    "arange(0.0, 12.0, 1.0)": [
        "tb.arange(0.0, 12.0, 1.0)",
        "torch.arange(0.0, 12.0, 1.0, dtype=torch.float64)",
        "_creation._arange_dtype((0.0, 12.0, 1.0))",
        "npf(0.0); npf(0.0 + 1.0) - npf(0.0)",
        "torch.arange(12, dtype=F64, device=CPU).mul_(1.0).add_(0.0).to(F64).requires_grad_(False)",
    ],
    "linspace(0.0, 1.0, 12)": [
        "tb.linspace(0.0, 1.0, 12)",
        "torch.linspace(0.0, 1.0, 12, dtype=torch.float64)",
        "torch.linspace(0.0, 1.0, 12, dtype=F64, device=CPU, requires_grad=False)",
        "isinstance(12, (int, np.integer))",
        "isinstance(0.0, np.complexfloating)",
        "isinstance(0.0, (np.generic, torch.Tensor))",
    ],
    "asarray(list 3x4)": [
        "tb.asarray(lst)",
        "torch.asarray(lst, dtype=torch.float64)",
        "np.asarray(lst)",
        "torch.from_numpy(np.asarray(lst))",
        "_bridge._has_buffer(lst)",
        "hasattr(lst, '__dlpack__')",
        "_bridge._sequence_to_tensor(lst, None, CPU)",
        "arr.dtype == object",
        "_bridge._ndarray_to_tensor(arr, F64, CPU, None, 'asarray')",
    ],
    "zeros_like(p)": [
        "tb.zeros_like(p)",
        "torch.zeros_like(p)",
        "torch.zeros_like(p, dtype=F64, device=CPU, requires_grad=False)",
        "p.device",
        "p.shape",
        "torch.empty_like(p)",
        "tb.empty_like(p)",
    ],
    "normal/uniform(size=(3, 4))": [
        "tb.normal(size=(3, 4))",
        "torch.normal(0.0, 1.0, (3, 4), dtype=torch.float64)",
        "torch.normal(0.0, 1.0, (3, 4), generator=None, dtype=F64, device=CPU, "
        "requires_grad=False)",
        "tb.uniform(size=(3, 4))",
        "torch.empty((3, 4), dtype=torch.float64).uniform_(0.0, 1.0)",
        "torch.empty((3, 4), dtype=F64, device=CPU).uniform_(0.0, 1.0, generator=None)"
        ".requires_grad_(False)",
        "_random._as_param(0.0, 'loc', 'normal', F64, CPU)",
        "_random._float_dtype(None, 'normal')",
    ],
    "from_numpy(a)": [
        "tb.from_numpy(a)",
        "torch.from_numpy(a)",
        "_bridge._plan(a, 'from_numpy')",
        "isinstance(a, np.ma.MaskedArray)",
        "_dtypes.torch_dtype_of_numpy(a.dtype)",
        "any(s < 0 for s in a.strides)",
        "a.flags.writeable",
        "_bridge._view_ndarray(a, torch.float32)",
    ],
    "to_numpy(t)": [
        "tb.to_numpy(t)",
        "t.numpy()",
        "_bridge._check_has_data(t, 'to_numpy')",
        "_bridge._numpy_twin_or_raise(t.dtype, 'to_numpy')",
        "t.device.type",
        "t.is_conj(); t.is_neg()",
        "_bridge._raw_numpy(t)",
        "t.detach()",
        "v = t.numpy(); v.flags.writeable = False; v.view()",
    ],
    "asarray(a)": [
        "tb.asarray(a)",
        "torch.asarray(a)",
        "_bridge._ndarray_to_tensor(a, None, CPU, None, 'asarray')",
        "_normalize.check_copy(None, 'asarray')",
        "CPU != CPU",
    ],
}


def _runnable(stmts: list[str], ns: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Split statements into those that run and those that fail (tbridge internals move)."""
    ok: list[str] = []
    broken: dict[str, str] = {}
    for s in stmts:
        err = _error_of(s, ns)
        if err is None:
            ok.append(s)
        else:
            broken[s] = err
    return ok, broken


def _error_of(stmt: str, ns: dict[str, Any]) -> str | None:
    try:
        exec(stmt, dict(ns))  # our own literal statements
    except Exception as e:  # reported in the table, not fatal
        return f"{type(e).__name__}: {e}"
    return None


def _copy_probe() -> dict[str, float]:
    """GB/s (thread CPU time) of fresh 400 MB float32 copies, one child per THP setting."""
    code = textwrap.dedent(
        """
        import json, statistics, time, numpy as np, torch
        torch.set_num_threads(1)
        a = np.ones(10**8, dtype=np.float32)
        t = torch.from_numpy(a)
        def gbs(f):
            f()
            ts = []
            for _ in range(5):
                s = time.thread_time(); f(); ts.append(time.thread_time() - s)
            return a.nbytes / statistics.median(ts) / 1e9
        def torch_dst():
            out = torch.empty(a.shape, dtype=torch.float32)
            np.copyto(out.numpy(), a)
        def numpy_dst():
            out = torch.from_numpy(np.empty(a.shape, dtype=np.float32))
            np.copyto(out.numpy(), a)
        print(json.dumps({
            "t.clone()": gbs(lambda: t.clone()),
            "torch.empty + np.copyto": gbs(torch_dst),
            "from_numpy(np.empty) + np.copyto": gbs(numpy_dst),
            "torch.from_numpy(a.copy())": gbs(lambda: torch.from_numpy(a.copy())),
        }))
        """
    )
    out = {}
    for thp in ("0", "1"):
        env = {**os.environ, "THP_MEM_ALLOC_ENABLE": thp}
        proc = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        for k, v in json.loads(proc.stdout).items():
            out[f"{k} [THP_MEM_ALLOC_ENABLE={thp}]"] = v
    return out


def run(scale: float = 1.0) -> dict[str, Any]:
    p = torch.zeros((3, 4), dtype=F64)
    a = np.ones(10, dtype=np.float32)
    lst = np.random.default_rng(0).random((3, 4)).tolist()
    ns: dict[str, Any] = {
        "torch": torch,
        "tb": tb,
        "np": np,
        "F64": F64,
        "CPU": CPU,
        "noop": _noop_dims,
        "_bridge": _bridge,
        "_creation": _creation,
        "_dtypes": _dtypes,
        "_normalize": _normalize,
        "_random": _random,
        "npf": np.float64,
        "p": p,
        "a": a,
        "t": torch.from_numpy(a),
        "lst": lst,
        "arr": np.asarray(lst),
    }
    result: dict[str, Any] = {}
    for group, stmts in GROUPS.items():
        ok, broken = _runnable(stmts, ns)
        res = compare({s: s for s in ok}, ns, rounds=max(5, int(21 * scale)), max_s=3.0)
        result[group] = {s: r.us for s, r in res.items()}
        lines = [[fmt_us(r.us), s] for s, r in res.items()]
        lines += [["n/a", f"{s}  ({err})"] for s, err in broken.items()]
        print_table(f"pieces: {group}", ["us", "statement"], lines)
    probe = _copy_probe()
    result["copy_probe_gbs"] = probe
    print_table(
        "pieces: fresh 400 MB float32 copies, GB/s by destination allocator",
        ["GB/s", "path"],
        [[f"{v:.2f}", k] for k, v in probe.items()],
    )
    return {"pieces": result}
