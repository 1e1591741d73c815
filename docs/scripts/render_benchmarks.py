"""Run a short benchmark and write docs/benchmarks.md with its tables and plots.

    python docs/scripts/render_benchmarks.py [--quick]

Needs matplotlib (``python -m tox -e bench-docs`` installs it). Two parts, both timed by
``benchmarks/_timing.py`` (candidates interleaved round by round, medians of many samples,
this thread's CPU time, torch on one thread), with the statements of the benchmark sections:

* the NumPy bridge's statements (``benchmarks/bench_bridge.py``: sharing and copying, both
  directions) against raw torch, over array sizes from 10 to 10**7 float32 elements;
* every function of the namespace on small inputs against the raw torch call
  (``benchmarks/bench_namespace.py``'s cases, fewer rounds than ``run.py namespace``).

The results are committed (docs/benchmarks.md, docs/img/bench-*.png): the docs build reads
them and never runs a benchmark. Rerun this script to refresh them on another machine.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch

import tbridge as tb

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import _timing  # noqa: E402 - the benchmarks folder is not a package
import bench_bridge  # noqa: E402
import bench_namespace  # noqa: E402
import run  # noqa: E402

geomean = bench_namespace._geomean  # the namespace report's own, so both summarise alike
PAGE = ROOT / "docs" / "benchmarks.md"
IMAGES = ROOT / "docs" / "img"
SIZES = (10, 10**3, 10**5, 10**6, 10**7)


# ---------------------------------------------------------------------------------------------
# The bridge over array sizes


def bridge_sweep(rounds: int, sizes: tuple[int, ...]) -> list[dict[str, Any]]:
    """Per-call medians of each bridge statement and its raw torch twin, at each size."""
    pairs = [(name, raw, tbs, "shares") for name, raw, tbs, _ in bench_bridge.SHARING]
    pairs += [(name, raw, tbs, "copies") for name, raw, tbs in bench_bridge.COPYING]
    rows = []
    for n in sizes:
        a = np.ones(n, dtype=np.float32)
        ro = a.view()
        ro.flags.writeable = False
        ns = {"torch": torch, "tb": tb, "a": a, "t": torch.from_numpy(a), "rev": a[::-1], "ro": ro}
        for name, raw, tbs, kind in pairs:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # torch warns once on read-only arrays
                res = _timing.compare({"raw": raw, "tb": tbs}, ns, rounds=rounds, max_s=3.0)
            rows.append(
                {
                    "name": name,
                    "kind": kind,
                    "n": n,
                    "raw": raw,
                    "tbridge": tbs,
                    "raw_us": res["raw"].us,
                    "tb_us": res["tb"].us,
                    "ratio": _timing.paired_ratio(res["tb"], res["raw"]),
                }
            )
            print(f"  {name:<24} n={n:<9} raw {res['raw'].us:9.2f} us  tb {res['tb'].us:9.2f} us")
    return rows


def plot_bridge(rows: list[dict[str, Any]], path: Path) -> None:
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharey=True)
    for ax, kind, title in (
        (axes[0], "shares", "sharing paths: constant time"),
        (axes[1], "copies", "copying paths: time grows with size"),
    ):
        names = list(dict.fromkeys(r["name"] for r in rows if r["kind"] == kind))
        for i, name in enumerate(names):
            mine = [r for r in rows if r["name"] == name]
            n = [r["n"] for r in mine]
            color = f"C{i}"
            ax.plot(n, [r["tb_us"] for r in mine], "o-", color=color, label=f"tb: {name}")
            ax.plot(n, [r["raw_us"] for r in mine], "x--", color=color, alpha=0.6)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("float32 elements")
        ax.set_title(title)
        ax.grid(True, which="major", alpha=0.3)
        ax.legend(fontsize=7, loc="upper left")
    axes[0].set_ylabel("time per call (us)")
    fig.suptitle("NumPy <-> torch conversion: tbridge (solid) and raw torch (dashed)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# ---------------------------------------------------------------------------------------------
# The namespace, function by function


def namespace(rounds: int) -> list[dict[str, Any]]:
    ns = bench_namespace._inputs()
    rows = []
    for group, name, raw, args in bench_namespace._cases():
        row = bench_namespace._row(
            name, raw, f"tb.{name}({args})", f"xp.{name}({args})", ns, rounds
        )
        if row["status"] != "SKIPPED":
            row["group"] = group
            rows.append(row)
    return rows


def plot_namespace(rows: list[dict[str, Any]], path: Path) -> None:
    groups = list(dict.fromkeys(r["group"] for r in rows))
    fig, ax = plt.subplots(figsize=(11, 4.2))
    rng = np.random.default_rng(0)  # horizontal jitter only
    for i, group in enumerate(groups):
        mine = [r for r in rows if r["group"] == group]
        for key, offset, color, label in (
            ("ratio", -0.15, "C0", "tbridge / torch"),
            ("compat_ratio", 0.15, "C1", "array_api_compat / torch"),
        ):
            values = [r[key] for r in mine if r[key] is not None]
            if not values:
                continue
            x = i + offset + rng.uniform(-0.07, 0.07, len(values))
            ax.scatter(x, values, s=10, color=color, alpha=0.6, label=label if i == 0 else None)
            ax.plot(
                [i + offset - 0.12, i + offset + 0.12],
                [geomean(values)] * 2,
                color=color,
            )
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_yscale("log")
    ax.set_xticks(range(len(groups)), groups, rotation=15, fontsize=8)
    ax.set_ylabel("time ratio to raw torch (log)")
    ax.set_title("Per-function overhead on small inputs (dots: functions; bars: geometric means)")
    ax.legend(fontsize=8)
    ax.grid(True, axis="y", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# ---------------------------------------------------------------------------------------------
# The page


def _bridge_summary(rows: list[dict[str, Any]], sizes: tuple[int, ...]) -> list[str]:
    """What the sweep shows, in sentences computed from it."""
    share = [r for r in rows if r["kind"] == "shares"]
    copy = [r for r in rows if r["kind"] == "copies"]
    small, big = min(sizes), max(sizes)
    growth = max(
        r["tb_us"] / s["tb_us"]
        for r in share
        for s in share
        if r["name"] == s["name"] and r["n"] == big and s["n"] == small
    )
    extra_share = max(r["tb_us"] - r["raw_us"] for r in share)
    extra_copy = [r["tb_us"] - r["raw_us"] for r in copy if r["n"] == small]
    big_ratios = [r["ratio"] for r in copy if r["n"] == big]
    return [
        f"Sharing paths create a view, so their time does not depend on the size: from {small:,}",
        f"to {big:,} elements it changes by a factor of at most {growth:.2f}, and it stays within",
        f"{extra_share:.2f} us of torch's own call (`tb.to_numpy` also makes its view read-only,",
        "the guard described in [When memory is shared](memory.md)). Copying paths cost",
        f"{min(extra_copy):.1f} to {max(extra_copy):.1f} us more than the raw call at {small:,}",
        f"elements, and {min(big_ratios):.2f}x to {max(big_ratios):.2f}x its time at {big:,}.",
    ]


def render(env: dict[str, Any], bridge: list[dict[str, Any]], ns_rows: list[dict[str, Any]]) -> str:
    fmt_us, fmt_ratio = _timing.fmt_us, _timing.fmt_ratio
    out = [
        "# Benchmarks",
        "",
        "<!-- Generated by docs/scripts/render_benchmarks.py; rerun it instead of editing. -->",
        "",
        "What tbridge costs over writing the raw torch call by hand, from one short run of",
        "`python docs/scripts/render_benchmarks.py` (`python -m tox -e bench-docs`). Figures are",
        "medians of interleaved rounds on one machine; ratios are medians of per-round ratios.",
        "The full benchmark, with its targets, is `python benchmarks/run.py all` and",
        "`python benchmarks/run.py namespace`.",
        "",
        f"Measured {env['date'][:10]} on {env['cpu']} ({env['cpu_count']} cores, torch on one",
        f"thread, this thread's CPU time): Python {env['python']}, torch {env['torch']}, NumPy",
        f"{env['numpy']}, tbridge {env['tbridge']}.",
        "",
        "## The NumPy bridge",
        "",
        *_bridge_summary(bridge, env["sizes"]),
        "",
        "![Conversion time against array size](img/bench-conversion.png)",
        "",
        "| path | tbridge | raw torch | " + " | ".join(f"{n:,}" for n in env["sizes"]) + " |",
        "|---|---|---|" + "---|" * len(env["sizes"]),
    ]
    for name in dict.fromkeys(r["name"] for r in bridge):
        mine = {r["n"]: r for r in bridge if r["name"] == name}
        first = next(iter(mine.values()))
        cells = [
            f"{fmt_us(mine[n]['tb_us'])} us ({fmt_ratio(mine[n]['ratio'])})" for n in env["sizes"]
        ]
        out.append(
            f"| {name} | `{first['tbridge']}` | `{first['raw']}` | " + " | ".join(cells) + " |"
        )
    out += [
        "",
        "Each cell: tbridge's time per call, and in brackets its ratio to the raw torch",
        "statement. The raw statements for the reversed and read-only arrays copy explicitly",
        "(`a[::-1].copy()`), since torch cannot view such memory.",
        "",
        "## The namespace, function by function",
        "",
    ]
    ratios = [r["ratio"] for r in ns_rows]
    both = [r for r in ns_rows if r["compat_ratio"] is not None]
    worst = max(ns_rows, key=lambda r: r["ratio"])
    out += [
        f"Each of the {len(ns_rows)} functions on small inputs (float64 3x4, 4x4 matrices),",
        "against the raw torch call that does the same work. On inputs this small a call costs",
        "a few microseconds, so the ratios measure tbridge's per-call overhead (this short run",
        "does not time large inputs).",
        "",
        f"- geometric mean tbridge / torch: **{fmt_ratio(geomean(ratios))}**; "
        f"array_api_compat / torch over the {len(both)} functions it has: "
        f"{fmt_ratio(geomean([r['compat_ratio'] for r in both]))} "
        f"(tbridge over the same: {fmt_ratio(geomean([r['ratio'] for r in both]))})",
        f"- largest: `{worst['name']}` {fmt_ratio(worst['ratio'])}",
        f"- above 1.15: {sum(v > 1.15 for v in ratios)} functions; "
        f"below 1.0 (faster than the raw call): {sum(v < 1.0 for v in ratios)}",
        "",
        "![Per-function overhead ratio](img/bench-namespace.png)",
        "",
        "| group | functions | geometric mean tbridge / torch | largest |",
        "|---|---|---|---|",
    ]
    for group in dict.fromkeys(r["group"] for r in ns_rows):
        mine = [r for r in ns_rows if r["group"] == group]
        top = max(mine, key=lambda r: r["ratio"])
        out.append(
            f"| {group} | {len(mine)} | {fmt_ratio(geomean([r['ratio'] for r in mine]))} | "
            f"`{top['name']}` {fmt_ratio(top['ratio'])} |"
        )
    out += [
        "",
        '??? note "Every function"',
        "",
        "    | function | raw torch statement | torch us | tbridge us | tbridge / torch "
        "| compat / torch |",
        "    |---|---|---|---|---|---|",
    ]
    for r in sorted(ns_rows, key=lambda r: -r["ratio"]):
        stmt = r["raw_stmt"].replace("|", "\\|")
        out.append(
            f"    | `{r['name']}` | `{stmt}` | {fmt_us(r['raw_us'])} | "
            f"{fmt_us(r['tbridge_us'])} | {fmt_ratio(r['ratio'])} | "
            f"{fmt_ratio(r['compat_ratio'])} |"
        )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and sizes (smoke test)")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    _timing.CLOCK = time.thread_time
    sizes = SIZES[:3] if args.quick else SIZES
    rounds = 5 if args.quick else 15
    env = run._environment()  # the benchmark runner's record of the machine and versions
    env["sizes"] = sizes
    start = time.perf_counter()
    print("bridge, by size")
    bridge = bridge_sweep(rounds, sizes)
    print("namespace")
    ns_rows = namespace(5 if args.quick else 9)
    IMAGES.mkdir(exist_ok=True)
    plot_bridge(bridge, IMAGES / "bench-conversion.png")
    plot_namespace(ns_rows, IMAGES / "bench-namespace.png")
    PAGE.write_text(render(env, bridge, ns_rows), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)} and 2 plots in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
