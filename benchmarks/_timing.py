"""Interleaved timing and table printing shared by the benchmark sections.

Every candidate of one comparison runs once per round, in an order that rotates from round to
round, so that a burst of machine noise (this is a shared 2-core box) hits all candidates alike.
Each sample times ``number`` back-to-back calls with :mod:`timeit` (the statement is compiled
into timeit's loop, so no lambda or call overhead is added); the reported figure is the median of
the per-call times over all rounds, and ratios are medians of per-round (paired) ratios.
"""

from __future__ import annotations

import statistics
import time
import timeit
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Timing:
    """Per-call times of one candidate: the median and every sample (seconds per call)."""

    stmt: str
    number: int
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def us(self) -> float:
        return self.median * 1e6

    def spread(self) -> float:
        """Interquartile range over the median: how noisy the samples were."""
        if len(self.samples) < 4:
            return 0.0
        q = statistics.quantiles(self.samples, n=4)
        return (q[2] - q[0]) / self.median

    def as_json(self) -> dict[str, Any]:
        return {
            "stmt": self.stmt,
            "median_us": self.us,
            "iqr_over_median": self.spread(),
            "number": self.number,
            "samples": len(self.samples),
        }


def paired_ratio(num: Timing, den: Timing) -> float:
    """Median over rounds of ``num / den`` within each round (drift cancels within a round)."""
    return statistics.median(a / b for a, b in zip(num.samples, den.samples, strict=True))


def judge(ratio: float, target: float, aa: float | None) -> str:
    """PASS/MISS against ``target``; a miss no larger than the A/A noise is marked as such.

    ``aa`` is the paired ratio of the raw statement against itself in the same rounds: how far
    apart two identical candidates land on this machine right now.
    """
    if ratio <= target:
        return "PASS"
    if aa is not None and ratio - target <= abs(aa - 1.0):
        return "MISS (within A/A noise)"
    return "MISS"


#: The clock every sample is read from. ``time.perf_counter`` (wall time) by default;
#: ``run.py --clock cpu`` switches to ``time.thread_time`` (this thread's CPU time, page faults
#: included), which leaves out the time the thread waits while other processes hold the cores.
CLOCK: Callable[[], float] = time.perf_counter


def _per_call(timer: timeit.Timer, number: int) -> float:
    return timer.timeit(number) / number


def _calibrate(timer: timeit.Timer, sample_s: float) -> int:
    """How many calls make one sample of about ``sample_s`` seconds."""
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= sample_s / 10 or number >= 10**6:
            break
        number *= 10
    per_call = elapsed / number
    return max(1, min(10**6, round(sample_s / per_call))) if per_call > 0 else 10**6


def compare(
    candidates: Mapping[str, str],
    namespace: dict[str, Any],
    *,
    rounds: int,
    sample_s: float = 0.002,
    max_s: float = 10.0,
    min_rounds: int = 5,
    wall: bool = False,
) -> dict[str, Timing]:
    """Time each statement of ``candidates`` interleaved, round by round.

    ``number`` (calls per sample) is calibrated on the first candidate so that one of its
    samples lasts about ``sample_s`` (at least one call), and used for every candidate. Stops
    after ``rounds`` rounds, or earlier once ``max_s`` seconds have gone by and at least
    ``min_rounds`` rounds are done. Samples are read from ``CLOCK``; ``wall=True`` forces
    wall-clock time (for statements that wait on a device, which CPU time would not count).
    """
    names = list(candidates)
    clock = time.perf_counter if wall else CLOCK
    timers = {n: timeit.Timer(candidates[n], timer=clock, globals=namespace) for n in names}
    for t in timers.values():  # warm up: caches, allocator, lazy imports
        t.timeit(2)
    # One call count for all: a sample's first call can pay for what the previous candidate
    # left behind (freed pages, evicted caches), and the same count amortizes it alike.
    number = _calibrate(timers[names[0]], sample_s)
    results = {n: Timing(candidates[n], number) for n in names}
    start = time.perf_counter()
    for r in range(rounds):
        k = r % len(names)
        for n in names[k:] + names[:k]:
            results[n].samples.append(_per_call(timers[n], results[n].number))
        if r + 1 >= min_rounds and time.perf_counter() - start > max_s:
            break
    return results


def fmt_us(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 1e4:
        return f"{value / 1e3:.1f}ms"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    print(f"\n## {title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))


def verdict(section: str, rows: Sequence[Mapping[str, Any]]) -> str:
    judged = [r for r in rows if str(r.get("status")).startswith(("PASS", "MISS"))]
    marks = {"noise": "~", "floor": "^"}
    misses = [
        f"{r['name']}@{r['size']}" + "".join(m for word, m in marks.items() if word in r["status"])
        for r in judged
        if r["status"].startswith("MISS")
    ]
    met = len(judged) - len(misses)
    line = f"VERDICT {section}: {met}/{len(judged)} targets met"
    if misses:
        line += "; MISS (~ = within A/A noise, ^ = at the signature floor): " + ", ".join(misses)
    errors = [r["name"] for r in rows if r.get("status") == "ERROR"]
    if errors:
        line += "; ERROR: " + ", ".join(errors)
    return line


def run_guarded(
    name: str, fn: Callable[..., dict[str, Any]], *args: Any, **kwargs: Any
) -> dict[str, Any]:
    """``fn(*args, **kwargs)``, one row; a failure becomes an ERROR row, not the section's end."""
    try:
        return fn(*args, **kwargs)
    except Exception as e:  # a benchmark row that fails is reported, not fatal
        return {"name": name, "size": "-", "status": "ERROR", "error": f"{type(e).__name__}: {e}"}
