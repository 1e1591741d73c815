"""Issue 13: three NumPy-style programs written with tbridge, eager and under torch.compile,
against the same programs written in raw torch.

    python benchmarks/bench_programs.py [--device cpu|cuda] [--quick] [--threads N]

The programs: a small neural network's training step (``tb.grad``), an N-body simulation
step, and a statistics pipeline. Each is written twice, with ``tb.*`` calls and with the
torch calls a torch user would write, at float32 (tbridge through ``tb.default_float``).
Four variants of each are timed interleaved round by round (``_timing.compare``, wall
clock, CUDA synchronized inside the statement): raw torch eager, raw torch compiled, tbridge
eager, tbridge compiled (``torch.compile(fullgraph=True)``, default backend). The first call
of each compiled variant is timed apart, with inductor's caches off: the compile time.

Targets: compiled tbridge within 1.05x of compiled raw torch, and faster than eager raw torch.
The raw training step uses ``torch.func.grad`` (what compiles; ``torch.autograd.grad`` does not
trace), which is also what tbridge runs under compile.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import torch
import torch._inductor.config

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _timing
from _timing import compare, fmt_ratio, fmt_us, paired_ratio, print_table

import tbridge as tb

COMPILED_TARGET = 1.05  # compiled tbridge / compiled raw torch
LR = 0.05

# ---- 1. a small neural network's training step ----------------------------------------------


def tb_loss(w1: Any, b1: Any, w2: Any, b2: Any, x: Any, y: Any) -> Any:
    hidden = tb.tanh(tb.matmul(x, w1) + b1)
    out = tb.matmul(hidden, w2) + b2
    return tb.mean(tb.square(out - y))


def tb_train_step(params: tuple[Any, ...], x: Any, y: Any) -> tuple[Any, ...]:
    grads = tb.grad(tb_loss, argnums=(0, 1, 2, 3))(*params, x, y)
    return tuple([p - LR * g for p, g in zip(params, grads, strict=True)])


def raw_loss(w1: Any, b1: Any, w2: Any, b2: Any, x: Any, y: Any) -> Any:
    hidden = torch.tanh(x @ w1 + b1)
    out = hidden @ w2 + b2
    return torch.mean((out - y) ** 2)


def raw_train_step(params: tuple[Any, ...], x: Any, y: Any) -> tuple[Any, ...]:
    grads = torch.func.grad(raw_loss, argnums=(0, 1, 2, 3))(*params, x, y)
    return tuple([p - LR * g for p, g in zip(params, grads, strict=True)])


def mlp_args(dev: torch.device) -> tuple[Any, ...]:
    g = torch.Generator().manual_seed(0)

    def r(*shape: int) -> torch.Tensor:
        return torch.randn(shape, generator=g, dtype=torch.float32).to(dev)

    params = (r(32, 64) * 0.2, r(64) * 0.0, r(64, 1) * 0.2, r(1) * 0.0)
    x = r(512, 32)
    return params, x, torch.sin(x.sum(1, keepdim=True))


# ---- 2. an N-body simulation step -----------------------------------------------------------

SOFTENING = 0.01
DT = 0.001


def tb_nbody(pos: Any, vel: Any, mass: Any) -> tuple[Any, Any]:
    d = tb.expand_dims(pos, 0) - tb.expand_dims(pos, 1)  # d[i, j] = pos[j] - pos[i]
    inv_r3 = tb.pow(tb.sum(d * d, axis=-1) + SOFTENING, -1.5)
    acc = tb.sum(d * tb.expand_dims(mass * inv_r3, -1), axis=1)
    vel = vel + DT * acc
    return pos + DT * vel, vel


def raw_nbody(pos: Any, vel: Any, mass: Any) -> tuple[Any, Any]:
    d = pos.unsqueeze(0) - pos.unsqueeze(1)
    inv_r3 = ((d * d).sum(-1) + SOFTENING) ** -1.5
    acc = (d * (mass * inv_r3).unsqueeze(-1)).sum(1)
    vel = vel + DT * acc
    return pos + DT * vel, vel


def nbody_args(dev: torch.device) -> tuple[Any, ...]:
    g = torch.Generator().manual_seed(1)
    n = 256
    pos = torch.randn(n, 3, generator=g, dtype=torch.float32).to(dev)
    vel = torch.randn(n, 3, generator=g, dtype=torch.float32).to(dev) * 0.1
    mass = torch.rand(n, generator=g, dtype=torch.float32).to(dev) + 0.5
    return pos, vel, mass


# ---- 3. a statistics pipeline ---------------------------------------------------------------


def tb_stats(x: Any) -> tuple[Any, Any, Any, Any]:
    mu = tb.mean(x, axis=0)
    sd = tb.std(x, axis=0, ddof=1)
    z = (x - mu) / sd
    corr = tb.matmul(tb.matrix_transpose(z), z) / (x.shape[0] - 1)
    outliers = tb.sum(tb.abs(z) > 3.0, axis=0)
    robust = tb.mean(tb.clip(z, -3.0, 3.0), axis=0)
    return corr, tb.linalg.eigvalsh(corr), outliers, robust


def raw_stats(x: Any) -> tuple[Any, Any, Any, Any]:
    mu = x.mean(0)
    sd = x.std(0, correction=1)
    z = (x - mu) / sd
    corr = z.mT @ z / (x.shape[0] - 1)
    outliers = (z.abs() > 3.0).sum(0)
    robust = z.clamp(-3.0, 3.0).mean(0)
    return corr, torch.linalg.eigvalsh(corr), outliers, robust


def stats_args(dev: torch.device) -> tuple[Any, ...]:
    g = torch.Generator().manual_seed(2)
    x = torch.randn(4096, 16, generator=g, dtype=torch.float32)
    x[:, 1] += 0.5 * x[:, 0]  # some correlation
    return (x.to(dev),)


PROGRAMS: list[tuple[str, Callable[..., Any], Callable[..., Any], Callable[..., Any]]] = [
    ("MLP training step (tb.grad), 512x32->64->1", tb_train_step, raw_train_step, mlp_args),
    ("N-body step, 256 bodies", tb_nbody, raw_nbody, nbody_args),
    ("statistics pipeline, 4096x16", tb_stats, raw_stats, stats_args),
]


@contextlib.contextmanager
def _float32() -> Iterator[None]:
    with tb.default_float(tb.float32):
        yield


def _sync(dev: torch.device) -> Callable[[], None]:
    return torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)


def _first_call(fn: Callable[..., Any], args: tuple[Any, ...], dev: torch.device) -> float:
    """Seconds of the first call of a freshly compiled function, inductor's caches off."""
    sync = _sync(dev)
    with torch._inductor.config.patch(force_disable_caches=True), warnings.catch_warnings():
        warnings.filterwarnings("ignore", "dynamo_pgo force disabled", UserWarning)
        start = time.perf_counter()
        fn(*args)
        sync()
    return time.perf_counter() - start


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, torch.Tensor):
        if a.dtype.is_floating_point:
            return bool(torch.allclose(a.float(), b.float(), rtol=1e-3, atol=1e-4))
        return bool(torch.equal(a, b))
    return all(_close(x, y) for x, y in zip(a, b, strict=True))


def _row(
    name: str,
    tb_fn: Callable[..., Any],
    raw_fn: Callable[..., Any],
    make: Callable[..., Any],
    dev: torch.device,
    scale: float,
) -> dict[str, Any]:
    args = make(dev)
    variants = {
        "raw eager": raw_fn,
        "raw compiled": torch.compile(raw_fn, fullgraph=True),
        "tb eager": tb_fn,
        "tb compiled": torch.compile(tb_fn, fullgraph=True),
    }
    compile_s = {
        n: _first_call(f, args, dev) for n, f in variants.items() if n.endswith("compiled")
    }
    want = raw_fn(*args)
    for n, f in variants.items():
        if not _close(f(*args), want):
            raise AssertionError(f"{name}: {n} disagrees with raw torch eager")
    sync = "sync()" if dev.type == "cuda" else ""
    ns: dict[str, Any] = {"args": args, "sync": _sync(dev)}
    ns.update({f"fn_{i}": f for i, f in enumerate(variants.values())})
    cands = {n: f"fn_{i}(*args); {sync}" for i, n in enumerate(variants)}
    res = compare(
        cands, ns, rounds=max(5, int(21 * scale)), sample_s=0.05, max_s=20.0 * scale, wall=True
    )
    us = {n: res[n].us for n in variants}
    vs_raw_compiled = paired_ratio(res["tb compiled"], res["raw compiled"])
    vs_raw_eager = paired_ratio(res["tb compiled"], res["raw eager"])
    ok = vs_raw_compiled <= COMPILED_TARGET and vs_raw_eager < 1.0
    return {
        "name": name,
        "us": us,
        "compile_s": compile_s,
        "tb_vs_raw_compiled": vs_raw_compiled,
        "tb_compiled_vs_raw_eager": vs_raw_eager,
        "tb_eager_vs_raw_eager": paired_ratio(res["tb eager"], res["raw eager"]),
        "status": "PASS" if ok else "MISS",
    }


def run(scale: float = 1.0, device: str = "cpu") -> dict[str, Any]:
    dev = torch.device(device)
    # Inductor's imports and worker start-up are paid once per process: not by the first row.
    _first_call(torch.compile(lambda t: t + 1, fullgraph=True), (torch.ones(2, device=dev),), dev)
    rows = []
    with _float32():
        for name, tb_fn, raw_fn, make in PROGRAMS:
            torch._dynamo.reset()
            rows.append(_timing.run_guarded(name, _row, name, tb_fn, raw_fn, make, dev, scale))
    table = [
        [
            r["name"],
            fmt_us(r["us"]["raw eager"]),
            fmt_us(r["us"]["raw compiled"]),
            fmt_us(r["us"]["tb eager"]),
            fmt_us(r["us"]["tb compiled"]),
            fmt_ratio(r["tb_vs_raw_compiled"]),
            fmt_ratio(r["tb_compiled_vs_raw_eager"]),
            f"{r['compile_s']['raw compiled']:.1f} / {r['compile_s']['tb compiled']:.1f}",
            r["status"],
        ]
        if "us" in r
        else [r["name"], *["-"] * 7, f"ERROR {r['error']}"]
        for r in rows
    ]
    print_table(
        f"programs (issue 13) on {dev}: per call, microseconds (median, wall clock)",
        [
            "program",
            "raw eager",
            "raw compiled",
            "tb eager",
            "tb compiled",
            "tb/raw compiled",
            "tb compiled/raw eager",
            "first call s (raw / tb)",
            f"<= {COMPILED_TARGET}x and < 1x",
        ],
        table,
    )
    met = sum(r.get("status") == "PASS" for r in rows)
    line = f"VERDICT programs: {met}/{len(rows)} targets met"
    print(line)
    return {"rows": rows, "verdict": line}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke test)")
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}; device {args.device}; threads {args.threads}")
    run(0.25 if args.quick else 1.0, args.device)


if __name__ == "__main__":
    main()
