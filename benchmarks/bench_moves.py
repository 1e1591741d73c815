"""Issue 4: dtype and device moves.

CPU rows: ``tb.astype(x, float64)`` on 10**7 float32 elements against ``x.to(torch.float64)``
(target: time ratio <= 1.11, i.e. at least 0.9x the speed), and the same-device no-op
``tb.to_device(x, "cpu")`` against ``x.to("cpu")`` (target: under 1 microsecond of overhead).

CUDA rows, only when ``torch.cuda.is_available()``: host <-> device transfers through tbridge
against the naive torch call and against pinned-memory bandwidth measured in the same rounds,
at 64 MiB and 400 MB of float32 (target: at least 0.5x pinned bandwidth).
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

ASTYPE_N = 10**7
ASTYPE_TARGET = 1.11
TO_DEVICE_TARGET_US = 1.0
GPU_TARGET = 0.5  # tbridge bandwidth / pinned bandwidth
GPU_SIZES = (16 * 2**20, 10**8)  # float32 elements: 64 MiB (the pinned threshold), 400 MB


def _astype_row(
    ns: dict[str, Any], var: str, size: str, *, scale: float, target: bool
) -> dict[str, Any]:
    cands = {
        "raw": f"{var}.to(torch.float64)",
        "tbridge": f"tb.astype({var}, torch.float64)",
        "compat": f"xp.astype({var}, torch.float64)",
        "raw again": f"{var}.to(torch.float64)",  # A/A control: the noise floor
    }
    big = var == "x"
    res = compare(
        cands,
        ns,
        rounds=max(5, int((31 if big else 41) * scale)),
        sample_s=0.0 if big else 0.002,
        max_s=30.0 if big else 3.0,
    )
    ratio = paired_ratio(res["tbridge"], res["raw"])
    aa = paired_ratio(res["raw again"], res["raw"])
    return {
        "name": "astype f32->f64",
        "size": size,
        "raw_us": res["raw"].us,
        "tbridge_us": res["tbridge"].us,
        "compat_us": res["compat"].us,
        "ratio": ratio,
        "compat_ratio": paired_ratio(res["compat"], res["raw"]),
        "target": f"<={ASTYPE_TARGET}" if target else "(info)",
        "aa_ratio": aa,
        "status": judge(ratio, ASTYPE_TARGET, aa) if target else "info",
        "timings": {k: v.as_json() for k, v in res.items()},
    }


def _to_device_row(
    ns: dict[str, Any], label: str, raw: str, tbs: str, *, scale: float, target: bool
) -> dict[str, Any]:
    res = compare({"raw": raw, "tbridge": tbs}, ns, rounds=max(5, int(41 * scale)), max_s=3.0)
    # Paired per-round difference: the overhead itself, with drift cancelled.
    diffs = sorted(
        (a - b) * 1e6 for a, b in zip(res["tbridge"].samples, res["raw"].samples, strict=True)
    )
    overhead = diffs[len(diffs) // 2]
    ok = overhead < TO_DEVICE_TARGET_US
    return {
        "name": label,
        "size": "1e+07",
        "raw_us": res["raw"].us,
        "tbridge_us": res["tbridge"].us,
        "ratio": paired_ratio(res["tbridge"], res["raw"]),
        "overhead_us": overhead,
        "target": f"overhead<{TO_DEVICE_TARGET_US}us" if target else "(info)",
        "status": ("PASS" if ok else "MISS") if target else "info",
        "timings": {k: v.as_json() for k, v in res.items()},
    }


def _cpu_rows(scale: float) -> list[dict[str, Any]]:
    x = torch.ones(ASTYPE_N, dtype=torch.float32)
    ns = {
        "torch": torch,
        "tb": tb,
        "xp": xp,
        "x": x,
        "s": torch.ones(12),
        "cpu": torch.device("cpu"),
    }
    return [
        run_guarded("astype", _astype_row, ns, "x", "1e+07", scale=scale, target=True),
        run_guarded("astype small", _astype_row, ns, "s", "12", scale=scale, target=False),
        run_guarded(
            'to_device(x, "cpu")',
            _to_device_row,
            ns,
            'to_device(x, "cpu")',
            'x.to("cpu")',
            'tb.to_device(x, "cpu")',
            scale=scale,
            target=True,
        ),
        run_guarded(
            "to_device(x, torch.device)",
            _to_device_row,
            ns,
            "to_device(x, torch.device)",
            "x.to(cpu)",
            "tb.to_device(x, cpu)",
            scale=scale,
            target=False,
        ),
    ]


# name, pinned reference, raw torch, tbridge; every statement ends synchronized.
GPU_GROUPS = (
    (
        "H2D asarray(nd, device)",
        "pinned.to('cuda', non_blocking=True); sync()",
        "torch.asarray(a, device='cuda'); sync()",
        "tb.asarray(a, device='cuda'); sync()",
    ),
    (
        "D2H to_numpy(cuda)",
        "pinned_out.copy_(g, non_blocking=True); sync()",
        "g.cpu().numpy()",
        "tb.to_numpy(g)",
    ),
    (
        "H2D astype(f64, device)",
        "pinned.to('cuda', non_blocking=True); sync()",
        "torch.from_numpy(a).to('cuda', torch.float64); sync()",
        "tb.astype(host, torch.float64, device='cuda'); sync()",
    ),
)


def _gpu_row(
    ns: dict[str, Any], name: str, ref: str, raw: str, tbs: str, *, scale: float
) -> dict[str, Any]:
    nbytes = ns["a"].nbytes
    res = compare(
        {"pinned": ref, "raw": raw, "tbridge": tbs},
        ns,
        rounds=max(3, int(9 * scale)),
        sample_s=0.0,
        max_s=20.0,
        wall=True,  # the statements wait on the GPU
    )
    frac = paired_ratio(res["pinned"], res["tbridge"])  # tbridge GB/s over pinned GB/s
    return {
        "name": name,
        "size": f"{nbytes / 2**20:.0f}MiB",
        "pinned_us": res["pinned"].us,
        "raw_us": res["raw"].us,
        "tbridge_us": res["tbridge"].us,
        "pinned_gbs": nbytes / res["pinned"].median / 1e9,
        "raw_gbs": nbytes / res["raw"].median / 1e9,
        "tbridge_gbs": nbytes / res["tbridge"].median / 1e9,
        "vs_pinned": frac,
        "ratio": paired_ratio(res["tbridge"], res["raw"]),
        "target": f">={GPU_TARGET}x pinned",
        "status": "PASS" if frac >= GPU_TARGET else "MISS",
        "timings": {k: v.as_json() for k, v in res.items()},
    }


def _gpu_rows(scale: float) -> list[dict[str, Any]]:
    """Host <-> CUDA rows; every statement synchronizes, so times are end to end."""
    rows: list[dict[str, Any]] = []
    for n in GPU_SIZES:
        a = np.ones(n, dtype=np.float32)
        ns = {
            "torch": torch,
            "tb": tb,
            "a": a,
            "host": torch.from_numpy(a),
            "pinned": torch.ones(n, dtype=torch.float32, pin_memory=True),
            "pinned_out": torch.empty(n, dtype=torch.float32, pin_memory=True),
            "g": torch.ones(n, dtype=torch.float32, device="cuda"),
            "sync": torch.cuda.synchronize,
        }
        for name, ref, raw, tbs in GPU_GROUPS:
            rows.append(run_guarded(name, _gpu_row, ns, name, ref, raw, tbs, scale=scale))
        del a, ns
        torch.cuda.empty_cache()
    return rows


def run(scale: float = 1.0) -> dict[str, Any]:
    rows = _cpu_rows(scale)
    print_table(
        "moves (issue 4), CPU: per call, microseconds",
        ["call", "n", "raw us", "tb us", "tb/raw", "compat us", "overhead", "A/A", "target", ""],
        [
            [
                r["name"],
                r["size"],
                fmt_us(r.get("raw_us")),
                fmt_us(r.get("tbridge_us")),
                fmt_ratio(r.get("ratio")),
                fmt_us(r.get("compat_us")),
                f"{r['overhead_us']:+.2f}us" if "overhead_us" in r else "-",
                fmt_ratio(r.get("aa_ratio")),
                r.get("target", "-"),
                r["status"] if "error" not in r else f"ERROR {r['error']}",
            ]
            for r in rows
        ],
    )
    skipped = None
    if torch.cuda.is_available():
        gpu = _gpu_rows(scale)
        print_table(
            f"moves (issue 4), host <-> {torch.cuda.get_device_name()}: ms and GB/s of array bytes",
            [
                "path",
                "size",
                "pinned GB/s",
                "raw ms",
                "raw GB/s",
                "tb ms",
                "tb GB/s",
                "tb/pinned",
                "",
            ],
            [
                [
                    r["name"],
                    r["size"],
                    f"{r['pinned_gbs']:.1f}",
                    f"{r['raw_us'] / 1e3:.2f}",
                    f"{r['raw_gbs']:.1f}",
                    f"{r['tbridge_us'] / 1e3:.2f}",
                    f"{r['tbridge_gbs']:.1f}",
                    fmt_ratio(r["vs_pinned"]),
                    r["status"],
                ]
                if "error" not in r
                else [r["name"], "-", "-", "-", "-", "-", "-", "-", f"ERROR {r['error']}"]
                for r in gpu
            ],
        )
        rows += gpu
    else:
        skipped = "host <-> GPU rows skipped: torch.cuda.is_available() is False on this machine"
        print(f"\n{skipped}")
    line = verdict("moves", rows)
    print(line)
    return {"rows": rows, "verdict": line, "skipped": skipped}
