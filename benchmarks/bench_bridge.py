"""Issue 3: the NumPy <-> torch bridge.

Sharing paths (from_numpy, to_numpy, asarray of an ndarray) must be O(1), so the same call on 10
and on 10**8 float32 elements is timed: the target is a time ratio 1e8/10 within 2x, and within
1.5x of the raw call. Copying paths (asarray(copy=True), to_numpy(copy=True), asarray of a
reversed or read-only array) are timed as bandwidth (array bytes per second) against this
machine's memcpy bandwidth measured in the same rounds: ``np.copyto`` into a preallocated array.
NumPy's own fresh copy ``a.copy()`` is timed alongside ("tb/fresh" = tbridge bandwidth over it):
new memory costs page faults (zeroing) that a preallocated memcpy does not pay.
"""

from __future__ import annotations

import warnings
from typing import Any

import array_api_compat.torch as xp
import numpy as np
import torch
from _timing import (
    compare,
    fmt_ratio,
    fmt_us,
    paired_ratio,
    print_table,
    run_guarded,
    verdict,
)

import tbridge as tb

SMALL, BIG = 10, 10**8
SHARE_TARGET = 1.5  # tbridge / raw
O1_TARGET = 2.0  # time at 1e8 / time at 10
COPY_TARGET = 0.5  # tbridge bandwidth / memcpy bandwidth

SHARING = (
    # name, raw, tbridge, array_api_compat or None; `a` is an ndarray and `t` a tensor on it
    ("from_numpy", "torch.from_numpy(a)", "tb.from_numpy(a)", None),
    ("to_numpy", "t.numpy()", "tb.to_numpy(t)", None),
    ("asarray(ndarray)", "torch.asarray(a)", "tb.asarray(a)", "xp.asarray(a)"),
)

COPYING = (
    # name, raw equivalent, tbridge
    ("asarray(nd, copy=True)", "torch.asarray(a, copy=True)", "tb.asarray(a, copy=True)"),
    ("to_numpy(t, copy=True)", "t.numpy().copy()", "tb.to_numpy(t, copy=True)"),
    ("asarray(reversed nd)", "torch.from_numpy(rev.copy())", "tb.asarray(rev)"),
    ("asarray(read-only nd)", "torch.from_numpy(ro.copy())", "tb.asarray(ro)"),
)


def _sharing_row(
    name: str,
    n: int,
    cands: dict[str, str],
    ns: dict[str, Any],
    *,
    scale: float,
    small: dict[str, Any] | None,
) -> dict[str, Any]:
    res = compare(cands, ns, rounds=max(5, int(41 * scale)), max_s=3.0)
    ratio = paired_ratio(res["tbridge"], res["raw"])
    r: dict[str, Any] = {
        "name": name,
        "size": f"{n:.0e}" if n >= 1000 else str(n),
        "raw_us": res["raw"].us,
        "tbridge_us": res["tbridge"].us,
        "compat_us": res["compat"].us if "compat" in res else None,
        "ratio": ratio,
        "target": f"<={SHARE_TARGET}x raw, O(1)<={O1_TARGET}x",
        "timings": {k: v.as_json() for k, v in res.items()},
    }
    ok = ratio <= SHARE_TARGET
    if small is not None and "tbridge_us" in small:
        r["o1_ratio"] = r["tbridge_us"] / small["tbridge_us"]
        ok = ok and r["o1_ratio"] <= O1_TARGET
    r["status"] = "PASS" if ok else "MISS"
    return r


def _sharing_rows(scale: float) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    by_name: dict[tuple[str, int], dict[str, Any]] = {}
    for n in (SMALL, BIG):
        a = np.ones(n, dtype=np.float32)
        ns = {"torch": torch, "tb": tb, "xp": xp, "a": a, "t": torch.from_numpy(a)}
        for name, raw, tbs, compat in SHARING:
            cands = {"raw": raw, "tbridge": tbs}
            if compat:
                cands["compat"] = compat
            small = by_name.get((name, SMALL)) if n == BIG else None
            result = run_guarded(name, _sharing_row, name, n, cands, ns, scale=scale, small=small)
            by_name[(name, n)] = result
            rows.append(result)
    return rows


def _copy_rows(scale: float) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    a = np.ones(BIG, dtype=np.float32)
    dst = np.empty_like(a)
    ro = a.view()
    ro.flags.writeable = False
    ns = {
        "torch": torch,
        "tb": tb,
        "np": np,
        "a": a,
        "t": torch.from_numpy(a),
        "dst": dst,
        "rev": a[::-1],
        "ro": ro,
    }
    cands = {"memcpy": "np.copyto(dst, a)", "fresh a.copy()": "a.copy()"}
    for name, raw, tbs in COPYING:
        cands[f"raw {name}"] = raw
        cands[f"tb {name}"] = tbs
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = compare(cands, ns, rounds=max(3, int(9 * scale)), sample_s=0.0, max_s=60.0)
    nbytes = a.nbytes
    memcpy = res["memcpy"]
    memcpy_gbs = nbytes / memcpy.median / 1e9
    fresh = res["fresh a.copy()"]
    rows: list[dict[str, Any]] = []
    for name, _, _ in COPYING:
        raw_t, tb_t = res[f"raw {name}"], res[f"tb {name}"]
        frac = paired_ratio(memcpy, tb_t)  # tbridge bandwidth / memcpy bandwidth
        rows.append(
            {
                "name": name,
                "size": "1e+08",
                "raw_us": raw_t.us,
                "tbridge_us": tb_t.us,
                "raw_gbs": nbytes / raw_t.median / 1e9,
                "tbridge_gbs": nbytes / tb_t.median / 1e9,
                "vs_memcpy": frac,
                # NumPy's own fresh copy (new memory, page faults included): the floor for any
                # path that returns new memory.
                "vs_fresh_copy": paired_ratio(fresh, tb_t),
                "target": f">={COPY_TARGET}x memcpy",
                "status": "PASS" if frac >= COPY_TARGET else "MISS",
                "timings": {"raw": raw_t.as_json(), "tbridge": tb_t.as_json()},
            }
        )
    reference = {
        "memcpy_us": memcpy.us,
        "memcpy_gbs": memcpy_gbs,
        "fresh_copy_us": fresh.us,
        "fresh_copy_gbs": nbytes / fresh.median / 1e9,
        "bytes": nbytes,
    }
    return rows, reference


def run(scale: float = 1.0) -> dict[str, Any]:
    share = _sharing_rows(scale)
    print_table(
        "bridge sharing (issue 3): per call, microseconds, float32",
        ["function", "n", "raw us", "tb us", "tb/raw", "compat us", "1e8/10", "target", ""],
        [
            [
                r["name"],
                r["size"],
                fmt_us(r.get("raw_us")),
                fmt_us(r.get("tbridge_us")),
                fmt_ratio(r.get("ratio")),
                fmt_us(r.get("compat_us")),
                fmt_ratio(r.get("o1_ratio")),
                r.get("target", "-"),
                r["status"] if "error" not in r else f"ERROR {r['error']}",
            ]
            for r in share
        ],
    )
    copy_rows, ref = _copy_rows(scale)
    print_table(
        f"bridge copies (issue 3): 1e8 float32 = {ref['bytes'] / 1e6:.0f} MB; GB/s of array "
        f"bytes; memcpy (np.copyto into preallocated) {ref['memcpy_gbs']:.2f} GB/s, "
        f"fresh a.copy() {ref['fresh_copy_gbs']:.2f} GB/s",
        ["path", "raw ms", "raw GB/s", "tb ms", "tb GB/s", "tb/memcpy", "tb/fresh", "target", ""],
        [
            [
                r["name"],
                f"{r['raw_us'] / 1e3:.1f}",
                f"{r['raw_gbs']:.2f}",
                f"{r['tbridge_us'] / 1e3:.1f}",
                f"{r['tbridge_gbs']:.2f}",
                fmt_ratio(r["vs_memcpy"]),
                fmt_ratio(r["vs_fresh_copy"]),
                r["target"],
                r["status"],
            ]
            for r in copy_rows
        ],
    )
    rows = share + copy_rows
    line = verdict("bridge", rows)
    print(line)
    return {"rows": rows, "copy_reference": ref, "verdict": line}
