"""Benchmarks of tbridge against the raw torch calls, measured side by side in one run.

    python benchmarks/run.py [creation|bridge|moves|namespace|pieces|numpy_algebra|
        numpy_statistics|all]
        [--json PATH] [--quick]

``all`` runs creation, bridge and moves (``namespace`` times every function of the Array API
namespace on small inputs, a few minutes on its own; ``numpy_statistics`` times NumPy's
statistics, logic and sorting functions beyond the standard at two sizes; ``pieces`` times
tbridge's internal helpers one by one, for diagnosing overhead; none of these is part of
``all``). Candidates are interleaved
round by round, torch runs on one thread, and every figure is a median of many repeats. By
default samples are this thread's CPU time (``--clock wall`` for wall-clock time): on a shared
machine that leaves out the time other processes hold the cores, while page faults and the work
itself count.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _timing
import array_api_compat
import numpy as np
import torch

import tbridge

SECTIONS = ("creation", "bridge", "moves")


def _environment() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "numpy": np.__version__,
        "array_api_compat": array_api_compat.__version__,
        "tbridge": tbridge.__version__,
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "cuda": torch.cuda.get_device_name() if torch.cuda.is_available() else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "section",
        nargs="?",
        default="all",
        choices=(*SECTIONS, "namespace", "pieces", "numpy_algebra", "numpy_statistics", "all"),
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds (a smoke test, not for numbers)"
    )
    parser.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="cpu (default): this thread's CPU time, page faults included, time spent waiting "
        "for a core while other processes run left out (a shared machine); wall: wall-clock "
        "time. Rows that wait on a GPU always use wall-clock time.",
    )
    args = parser.parse_args(argv)

    torch.set_num_threads(1)
    _timing.CLOCK = time.thread_time if args.clock == "cpu" else time.perf_counter
    scale = 0.25 if args.quick else 1.0
    env = _environment()
    env["clock"] = args.clock
    print(
        f"tbridge {env['tbridge']}, torch {env['torch']}, numpy {env['numpy']}, "
        f"array_api_compat {env['array_api_compat']}; {env['cpu']} x{env['cpu_count']}; "
        f"torch threads {env['torch_threads']}; cuda {env['cuda']}; clock {args.clock}"
    )
    wanted = SECTIONS if args.section == "all" else (args.section,)
    results: dict[str, Any] = {"environment": env, "sections": {}}
    start = time.perf_counter()
    for name in wanted:
        t0 = time.perf_counter()
        mod = importlib.import_module(f"bench_{name}")
        section = mod.run(scale)
        section["seconds"] = time.perf_counter() - t0
        results["sections"][name] = section
    total = time.perf_counter() - start
    results["seconds"] = total
    print(f"\nTotal {total:.0f} s")
    for section in results["sections"].values():
        if "verdict" in section:
            print(f"  {section['verdict']}  ({section['seconds']:.0f} s)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n")
        print(f"JSON written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
