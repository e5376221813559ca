#!/usr/bin/env bash
# make test: every suite, one summary line at the end.
#   1. the layer check of lib/ (tests/layers/check.sh), then the unit
#      tests of lib/ (cmocka, TAP output)
#   2. a throwaway stack (own datadir under /tmp, own port) started with
#      conf/dev/run.sh, then the unit tests of the domain against its
#      MariaDB (BUILD/tests/db_test_*, tests/unit/dbtest.h), the HTTP tests
#      (tests/http) and the browser checks (tests/browser) against it; the
#      stack is stopped afterwards.
#      The test files that look at a time (they call useTestInstant(), see
#      tests/http/clock.js) run last, each at three instants of the stack's
#      clock: a weekday morning, a weekday night and a Sunday.
#   tests/run.sh [BUILD]: the programs and unit tests of BUILD (default
#   build/). make test-sanitize runs build-san/, built with AddressSanitizer
#   and UBSan: their reports go to files under the logs, and each counts as
#   a failure.
# Exit status is non-zero when anything failed.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORT=${TEST_PORT:-18080}
TVAR=$(mktemp -d /tmp/desk-test.XXXXXX)
BUILD_DIR=${1:-build}
export DESK_BUILD=$BUILD_DIR
# where a sanitized program writes what it finds (one file per process)
SAN_LOG=$TVAR/log/sanitizer
mkdir -p "$TVAR/log"
# (a leak leaves the exit status alone: the stack keeps running, and the
# report is counted at the end)
export ASAN_OPTIONS="log_path=$SAN_LOG:detect_leaks=1:abort_on_error=0"
export LSAN_OPTIONS="exitcode=0"
# sanitized programs are slower: tests that wait for the scheduler's work
# (mails after a day's jump of the clock) wait this many times as long
[ "$BUILD_DIR" != build ] && export DESK_TEST_SLOW=${DESK_TEST_SLOW:-3}
export UBSAN_OPTIONS="log_path=$SAN_LOG:print_stacktrace=1"
passed=0
failed=0
stack_pid=""

finish() {
  if [ -n "$stack_pid" ]; then
    kill -TERM "$stack_pid" 2>/dev/null
    wait "$stack_pid" 2>/dev/null
  fi
  if [ "$failed" -eq 0 ]; then rm -rf "$TVAR"; else echo "logs kept in $TVAR/log"; fi
}
trap finish EXIT

# add_tap SUITE FILE: counts TAP results ("# pass N"/"# fail N" summaries
# from node, or top-level ok/not ok lines from cmocka)
add_tap() {
  local p f
  if grep -q '^# pass ' "$2"; then
    p=$(awk '/^# pass /{print $3}' "$2" | tail -1)
    f=$(awk '/^# fail /{print $3}' "$2" | tail -1)
  else
    p=$(grep -c '^ok ' "$2")
    f=$(grep -c '^not ok ' "$2")
  fi
  echo "$1: $p passed, $f failed"
  passed=$((passed + p))
  failed=$((failed + f))
}

echo "== layers"
if bash tests/layers/check.sh >"$TVAR/layers.log" 2>&1; then
  passed=$((passed + 1)); echo "layers: 1 passed, 0 failed"
else
  failed=$((failed + 1)); cat "$TVAR/layers.log"
fi

echo "== unit tests"
for t in "$BUILD_DIR"/tests/test_*; do
  [ -x "$t" ] || continue
  out="$TVAR/$(basename "$t").tap"
  CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$out" 2>&1
  rc=$?
  add_tap "$(basename "$t")" "$out"
  if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$out"; then
    echo "$(basename "$t") crashed:"; tail -5 "$out"; failed=$((failed + 1))
  fi
done

echo "== starting a throwaway stack on port $PORT"
DESK_VAR="$TVAR" PORT="$PORT" DESK_ACCESS_LOG=off DESK_TEST_CLOCK=1 DESK_SCHEDULER_SECONDS=1 DESK_RATE_EXEMPT=127.0.0.1 \
  bash conf/dev/run.sh >"$TVAR/stack.log" 2>&1 &
stack_pid=$!
up=""
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && up=1 && break
  kill -0 "$stack_pid" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$up" ]; then
  echo "the test stack did not start:"; tail -20 "$TVAR/stack.log"
  failed=$((failed + 1))
  echo "$passed passed, $failed failed"
  exit 1
fi
export DESK_BASE_URL="http://127.0.0.1:$PORT" DESK_TEST_VAR="$TVAR" DESK_ROOT="$ROOT"

# The unit tests of the domain against MariaDB (tests/unit/dbtest.h), on the
# stack's server but never its database: desk_unit, migrated here and left
# pristine, beside which each binary makes its own (desk_unit_<name>).
echo "== unit tests against MariaDB"
unit_db() {
  mariadb --no-defaults --socket="$TVAR/run/mysqld.sock" -uroot <<'SQL' || return 1
CREATE DATABASE IF NOT EXISTS desk_unit CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL ON `desk\_unit%`.* TO 'desk'@'localhost';
SQL
  { grep -v -e '^Clock.OffsetFile' -e 'StampFile' "$TVAR/desk.hdf"; echo 'DB.Name = desk_unit'; } \
    >"$TVAR/unit.hdf"
  "$BUILD_DIR"/deskctl -c "$TVAR/unit.hdf" migrate sql/migrations >"$TVAR/unit-migrate.log" 2>&1
}
if unit_db; then
  # each binary has a database of its own, and they wait mostly on the
  # server's disk: run together, they take half the time
  declare -A unit_pid
  for t in "$BUILD_DIR"/tests/db_test_*; do
    [ -x "$t" ] || continue
    DESK_UNIT_CONFIG="$TVAR/unit.hdf" DESK_DESKCTL="$BUILD_DIR/deskctl" CMOCKA_MESSAGE_OUTPUT=TAP "$t" \
      >"$TVAR/$(basename "$t").tap" 2>&1 &
    unit_pid[$t]=$!
  done
  for t in "$BUILD_DIR"/tests/db_test_*; do
    [ -n "${unit_pid[$t]:-}" ] || continue
    out="$TVAR/$(basename "$t").tap"
    wait "${unit_pid[$t]}"
    rc=$?
    grep -E '^not ok' "$out" | head -20
    add_tap "$(basename "$t")" "$out"
    if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$out"; then
      echo "$(basename "$t") crashed:"; tail -5 "$out"; failed=$((failed + 1))
    fi
  done
else
  echo "cannot make the unit tests' database desk_unit:"; tail -5 "$TVAR/unit-migrate.log"
  failed=$((failed + 1))
fi

# run_suite NAME FILE...: node's test runner on the files, one at a time
run_suite() {
  local name=$1
  shift
  [ $# -gt 0 ] || return 0
  node --test --test-reporter=tap --test-concurrency=1 "$@" >"$TVAR/$name.tap" 2>&1
  grep -E '^not ok' "$TVAR/$name.tap" | head -40
  add_tap "$name" "$TVAR/$name.tap"
}

# the files of DIR that call useTestInstant() (timed=1) or not (timed=0)
files() {
  local f
  for f in "$1"/*.test.js; do
    [ -e "$f" ] || continue
    if grep -q 'useTestInstant()' "$f"; then [ "$2" = 1 ] && echo "$f"; else [ "$2" = 0 ] && echo "$f"; fi
  done
}

# run_timed NAME FILE...: each file at each instant (tests/http/clock.js
# moves the stack's clock forward from one to the next), one count per
# instant
INSTANTS="morning night sunday"
run_timed() {
  local name=$1 f at tap p x
  shift
  [ $# -gt 0 ] || return 0
  declare -A tp=() tf=()
  for f in "$@"; do
    for at in $INSTANTS; do
      tap="$TVAR/$name@$at-$(basename "$f" .test.js).tap"
      DESK_TEST_AT=$at node --test --test-reporter=tap "$f" >"$tap" 2>&1
      grep -E '^not ok' "$tap" | sed "s|^|$at $(basename "$f"): |" | head -20
      p=$(awk '/^# pass /{print $3}' "$tap" | tail -1)
      x=$(awk '/^# fail /{print $3}' "$tap" | tail -1)
      [ -n "$p" ] || { echo "$at $(basename "$f"): no result"; tail -5 "$tap"; x=1; }
      tp[$at]=$(( ${tp[$at]:-0} + ${p:-0} ))
      tf[$at]=$(( ${tf[$at]:-0} + ${x:-0} ))
    done
  done
  for at in $INSTANTS; do
    echo "$name@$at: ${tp[$at]} passed, ${tf[$at]} failed"
    passed=$((passed + tp[$at]))
    failed=$((failed + tf[$at]))
  done
}

# everything at real time first, then the timed files: their instants lie
# ahead of what the other files made (the browser's first: their pages show
# the newest tickets, and those of the HTTP files are long-named test data)
echo "== HTTP tests"
run_suite http $(files tests/http 0)

echo "== browser checks"
browsers=""
if ls tests/browser/*.test.js >/dev/null 2>&1; then
  if bash tests/browser/setup.sh >"$TVAR/browser-setup.log" 2>&1; then
    browsers=1
    run_suite browser $(files tests/browser 0)
  else
    echo "browser setup failed"; tail -5 "$TVAR/browser-setup.log"; failed=$((failed + 1))
  fi
fi

echo "== tests that look at a time, at three instants ($INSTANTS)"
[ -n "$browsers" ] && run_timed browser $(files tests/browser 1)
run_timed http $(files tests/http 1)

# the stack stops first: a process reports leaks as it exits
kill -TERM "$stack_pid" 2>/dev/null
wait "$stack_pid" 2>/dev/null
stack_pid=""
reports=("$SAN_LOG".*)
if [ -e "${reports[0]}" ]; then
  echo "sanitizers: ${#reports[@]} reports"
  for f in "${reports[@]}"; do echo "-- $f"; grep -m 3 -E 'ERROR|runtime error|SUMMARY' "$f"; done | head -60
  failed=$((failed + ${#reports[@]}))
elif [ "$BUILD_DIR" != build ]; then
  echo "sanitizers: 0 reports"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
