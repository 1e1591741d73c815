#!/usr/bin/env bash
# The GPU check, one command, under 8 minutes on one CUDA GPU:
#   1. the test suite with TBRIDGE_REQUIRE_CUDA=1 (a missing GPU fails, never skips), the
#      torch.compile sweep apart;
#   2. the torch.compile sweep (tests/test_compile.py) on CPU and CUDA: every public function
#      traced with fullgraph=True, a representative set through inductor;
#   3. the moves benchmark, whose GPU rows time tbridge's pinned staging against Tensor.to;
#   4. the three-program benchmark (benchmarks/bench_programs.py) on CUDA.
#
# It assumes a Python whose torch has CUDA and from which this checkout is importable (it puts
# the checkout on PYTHONPATH); it installs nothing. Each step has its own time limit; a step
# that fails or runs out of time is reported and the others still run. Logs, JUnit XML and
# benchmark JSON go to the output folder ($OUT when set, else $TMPDIR/tbridge-gpu-check), with
# summary.txt listing each step's status and seconds. Exit status: 0 when every step passed.
#
# Usage: ci/gpu-check.sh [--dry-run] [OUTPUT_DIR]
#   --dry-run   print the environment check and the steps' commands; run nothing
# Environment: PYTHON (default: python), OUT (default output folder).

set -uo pipefail

DRY_RUN=0
if [[ "${1:-}" == "--dry-run" ]]; then
    DRY_RUN=1
    shift
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${1:-${OUT:-${TMPDIR:-/tmp}/tbridge-gpu-check}}"
PYTHON="${PYTHON:-python}"
cd "$ROOT" || exit 2
mkdir -p "$DEST"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
export TBRIDGE_REQUIRE_CUDA=1
SUMMARY="$DEST/summary.txt"
: >"$SUMMARY"
FAILED=0

note() { echo "$*" | tee -a "$SUMMARY"; }

# step NAME SECONDS COMMAND...: run COMMAND under a time limit, log to DEST/NAME.log.
step() {
    local name="$1" limit="$2"
    shift 2
    if ((DRY_RUN)); then
        note "[dry-run] $name (limit ${limit}s): $*"
        return 0
    fi
    echo "== $name (limit ${limit}s): $*"
    local start=$SECONDS status
    timeout --signal=TERM --kill-after=10 "$limit" "$@" 2>&1 | tee "$DEST/$name.log"
    status=${PIPESTATUS[0]}
    local took=$((SECONDS - start))
    if ((status == 0)); then
        note "PASS     $name  ${took}s"
    elif ((status == 124 || status == 137)); then
        note "TIMEOUT  $name  ${took}s (limit ${limit}s)"
        FAILED=1
    else
        note "FAIL     $name  ${took}s (exit $status)"
        FAILED=1
    fi
}

CHECK_CUDA='
import sys, torch
print(f"torch {torch.__version__}, CUDA {torch.version.cuda}, available {torch.cuda.is_available()}")
if not torch.cuda.is_available():
    sys.exit("gpu-check: torch.cuda.is_available() is False; run this on a CUDA machine "
             "with a CUDA build of torch (or pass --dry-run)")
print(torch.cuda.get_device_name(0))
'

note "gpu-check $(date -u +%Y-%m-%dT%H:%M:%SZ) in $ROOT -> $DEST"
if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi -L | tee -a "$SUMMARY"
fi
if ((DRY_RUN)); then
    note "[dry-run] environment: $PYTHON -c <torch.cuda check>; $PYTHON -m tbridge"
else
    if ! "$PYTHON" -c "$CHECK_CUDA" 2>&1 | tee -a "$SUMMARY"; then
        note "FAIL     environment (no CUDA): nothing else was run"
        exit 1
    fi
    "$PYTHON" -m tbridge >"$DEST/environment.log" 2>&1 || true
fi

PYTEST=("$PYTHON" -m pytest -q -p no:cacheprovider -ra)
step suite 150 "${PYTEST[@]}" --ignore=tests/test_compile.py --junitxml="$DEST/suite.xml"
step compile-sweep 130 "${PYTEST[@]}" tests/test_compile.py --junitxml="$DEST/compile.xml"
step bench-moves 80 "$PYTHON" benchmarks/run.py moves --clock wall --json "$DEST/moves.json"
step bench-programs 120 "$PYTHON" benchmarks/bench_programs.py --device cuda

if ((DRY_RUN)); then
    note "gpu-check: dry run, nothing was run"
elif ((FAILED)); then
    note "gpu-check: SOME STEPS FAILED"
else
    note "gpu-check: all steps passed"
fi
exit "$FAILED"
