"""Issue 12: tbridge's common random draws against raw torch and NumPy's Generator, on the CPU.

    python benchmarks/bench_random.py [--quick] [--json PATH] [--clock cpu|wall]

For each draw, at 10 and 1e6 values, four candidates run interleaved round by round:

* ``raw``: the torch code a user writes for the same result (float64, a ``torch.Generator``
  passed explicitly; ``.long()`` where NumPy's result is int64, as for ``poisson``);
* ``tbridge``: the ``Generator`` method (``tb.random.default_rng(0).<method>``);
* ``numpy``: NumPy's ``Generator`` (``np.random.default_rng(0).<method>``);
* ``raw again``: the raw statement a second time, whose ratio to the first (A/A) is the noise
  floor of the run.

The target is tbridge within 1.1x of raw torch at 1e6 values; at 10 values the figures show
the per-call overhead. ``multivariate_normal`` draws n 3-vectors (3n values). torch runs on one
thread; samples are this thread's CPU time unless ``--clock wall``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _timing
import numpy as np
import torch
from _timing import compare, fmt_ratio, fmt_us, judge, paired_ratio, print_table, run_guarded

import tbridge as tb

SIZES = (10, 1_000_000)
TARGET = {1_000_000: 1.10}
F64 = "dtype=torch.float64"


def _cases(n: int) -> list[tuple[str, str, str, str]]:
    """(name, raw torch, tbridge, NumPy) statements for ``n`` values."""
    return [
        ("random", f"torch.rand({n}, generator=tg, {F64})", f"rng.random({n})",
         f"nrng.random({n})"),
        ("normal", f"torch.normal(1.0, 2.0, ({n},), generator=tg, {F64})",
         f"rng.normal(1.0, 2.0, {n})", f"nrng.normal(1.0, 2.0, {n})"),
        ("integers", f"torch.randint(0, 100, ({n},), generator=tg)",
         f"rng.integers(0, 100, {n})", f"nrng.integers(0, 100, {n})"),
        ("uniform", f"torch.empty({n}, {F64}).uniform_(-1.0, 1.0, generator=tg)",
         f"rng.uniform(-1.0, 1.0, {n})", f"nrng.uniform(-1.0, 1.0, {n})"),
        ("choice(replace=False)", f"torch.randperm({2 * n}, generator=tg)[:{n}]",
         f"rng.choice({2 * n}, {n}, replace=False)",
         f"nrng.choice({2 * n}, {n}, replace=False)"),
        ("permutation", f"torch.randperm({n}, generator=tg)", f"rng.permutation({n})",
         f"nrng.permutation({n})"),
        ("shuffle", f"x.copy_(x[torch.randperm({n}, generator=tg)])", "rng.shuffle(x)",
         "nrng.shuffle(xa)"),
        ("exponential", f"torch.empty({n}, {F64}).exponential_(0.5, generator=tg)",
         f"rng.exponential(2.0, {n})", f"nrng.exponential(2.0, {n})"),
        ("poisson",
         f"torch.poisson(torch.full(({n},), 5.0, {F64}), generator=tg).long()",
         f"rng.poisson(5.0, {n})", f"nrng.poisson(5.0, {n})"),
        ("multivariate_normal",
         f"mean_t + torch.randn(({n}, 3), generator=tg, {F64}) "
         "@ torch.linalg.cholesky(cov_t).mT",
         f"rng.multivariate_normal(mean, cov, {n})",
         f"nrng.multivariate_normal(mean, cov, {n})"),
    ]  # fmt: skip


def _row(
    name: str, n: int, cands: dict[str, str], ns: dict[str, Any], rounds: int
) -> dict[str, Any]:
    big = n >= 1_000_000
    res = compare(cands, ns, rounds=rounds, sample_s=0.02 if big else 0.002,
                  max_s=3.0 if big else 1.5, min_rounds=3 if big else 5)  # fmt: skip
    raw_t, tb_t, np_t = res["raw"], res["tbridge"], res["numpy"]
    aa = paired_ratio(res["raw again"], raw_t)
    ratio = paired_ratio(tb_t, raw_t)
    target = TARGET.get(n)
    return {
        "name": name,
        "size": f"{n:g}",
        "raw_us": raw_t.us,
        "tbridge_us": tb_t.us,
        "numpy_us": np_t.us,
        "ratio": ratio,
        "numpy_ratio": paired_ratio(tb_t, np_t),
        "aa_ratio": aa,
        "target": target,
        "status": judge(ratio, target, aa) if target else "-",
        "timings": {k: v.as_json() for k, v in res.items()},
    }


def run(scale: float = 1.0) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    cov = np.array([[2.0, 0.6, -0.3], [0.6, 1.0, 0.2], [-0.3, 0.2, 0.5]])
    mean = np.array([1.0, -2.0, 0.5])
    for n in SIZES:
        ns: dict[str, Any] = {
            "torch": torch,
            "tb": tb,
            "np": np,
            "tg": torch.Generator().manual_seed(0),
            "rng": tb.random.default_rng(0),
            "nrng": np.random.default_rng(0),
            "x": torch.arange(n, dtype=torch.float64),
            "xa": np.arange(n, dtype=np.float64),
            "mean": mean,
            "cov": cov,
            "mean_t": torch.from_numpy(mean),
            "cov_t": torch.from_numpy(cov),
        }
        rounds = max(3, int((7 if n >= 1_000_000 else 41) * scale))
        for name, raw, tbs, nps in _cases(n):
            cands = {"raw": raw, "tbridge": tbs, "numpy": nps, "raw again": raw}
            rows.append(run_guarded(name, _row, name, n, cands, ns, rounds))
    table = [
        [
            r["name"],
            r["size"],
            fmt_us(r.get("raw_us")),
            fmt_us(r.get("tbridge_us")),
            fmt_us(r.get("numpy_us")),
            fmt_ratio(r.get("ratio")),
            fmt_ratio(r.get("numpy_ratio")),
            fmt_ratio(r.get("aa_ratio")),
            f"<={r['target']:.2f}" if r.get("target") else "-",
            r["status"] if "error" not in r else f"ERROR {r['error']}",
        ]
        for r in rows
    ]
    print_table(
        "random (issue 12): per call, microseconds; tb/raw = tbridge / raw torch, "
        "tb/np = tbridge / NumPy's Generator",
        ["draw", "n", "raw us", "tb us", "numpy us", "tb/raw", "tb/np", "A/A", "target", ""],
        table,
    )
    judged = [r for r in rows if r.get("target")]
    misses = [r["name"] for r in judged if str(r["status"]).startswith("MISS")]
    line = f"VERDICT random: {len(judged) - len(misses)}/{len(judged)} targets met (1e6 values)"
    if misses:
        line += "; MISS: " + ", ".join(misses)
    print(line)
    return {"rows": rows, "verdict": line}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke test)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    _timing.CLOCK = time.thread_time if args.clock == "cpu" else time.perf_counter
    print(
        f"tbridge {tb.__version__}, torch {torch.__version__}, numpy {np.__version__}; "
        f"torch threads {torch.get_num_threads()}; clock {args.clock}"
    )
    start = time.perf_counter()
    section = run(0.4 if args.quick else 1.0)
    section["seconds"] = time.perf_counter() - start
    print(f"\nTotal {section['seconds']:.0f} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(section, indent=1, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
