#!/usr/bin/env bash
# Runs each fuzz target (build/fuzz/fuzz_*, made by `make fuzz`) for a short
# budget, from its seed corpus tests/fuzz/corpus/<target>/, so that a
# regression shows (make fuzz-ci; .ci/run). New inputs go to a scratch
# directory, never into the seed corpus. A crash, a leak, undefined
# behaviour or a timeout fails the run; the input that did it is kept in
# the scratch directory (printed) to be replayed with
#   build/fuzz/fuzz_NAME FILE
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     (default 30 s, every target; make fuzz-ci: 45 s)
# FUZZ_RUNS=N runs each target for N executions instead of a time (the
# long runs behind README's table: FUZZ_RUNS=10000000); FUZZ_WORK=DIR keeps
# the scratch directory (corpus grown, logs) in DIR.
# Ends with one line "N passed, N failed".
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SECONDS_EACH=${1:-30}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.c; do targets+=("$(basename "$f" .c)"); done
fi
RUNS=${FUZZ_RUNS:-}
budget=(-max_total_time="$SECONDS_EACH")
[ -n "$RUNS" ] && budget=(-runs="$RUNS")
if [ -n "${FUZZ_WORK:-}" ]; then
  WORK=$FUZZ_WORK
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d /tmp/desk-fuzz.XXXXXX)
fi
passed=0
failed=0
for t in "${targets[@]}"; do
  bin=build/fuzz/$t
  if [ ! -x "$bin" ]; then
    echo "$t: not built (make fuzz)"; failed=$((failed + 1)); continue
  fi
  seeds=tests/fuzz/corpus/${t#fuzz_}
  mkdir -p "$WORK/$t/new" "$WORK/$t/crash"
  dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  # -close_fd_mask=2: the programs' request log goes nowhere (libFuzzer and
  # the sanitizers still report on the real stderr)
  start=$(date +%s)
  "$bin" "${budget[@]}" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=2 \
    -print_final_stats=1 -artifact_prefix="$WORK/$t/crash/" "${dict[@]}" \
    "$WORK/$t/new" "$seeds" >"$WORK/$t/log" 2>&1
  rc=$?
  took=$(($(date +%s) - start))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$WORK/$t/log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "$t: ok, ${runs:-?} runs in ${took}s"
    passed=$((passed + 1))
  else
    echo "$t: FAILED (exit $rc) after ${runs:-?} runs in ${took}s; log and input in $WORK/$t"
    grep -E 'ERROR: |runtime error:|SUMMARY|Test unit written' "$WORK/$t/log" | head -8
    failed=$((failed + 1))
  fi
done
[ "$failed" -eq 0 ] && [ -z "${FUZZ_WORK:-}" ] && rm -rf "$WORK"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
