#!/usr/bin/env bash
# make test-faults: the fault tests (tests/faults/*.test.js), one file at a
# time, each against throwaway stacks of its own (tests/faults/lib.js). A
# stack directory initialised once (MariaDB, schema, demo data) is copied for
# each stack. Prints each file's result, time and figures, then one line
# `N passed, N failed`. Exit status is non-zero when anything failed.
#   bash tests/faults/run.sh [FILE...]
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
T=$(mktemp -d /tmp/desk-faults.XXXXXX)
passed=0
failed=0
trap 'if [ "$failed" -eq 0 ]; then rm -rf "$T"; else echo "results kept in $T"; fi' EXIT

started=$SECONDS
if ! node -e "require('./tests/faults/lib').makeTemplate('$T/template').catch((e) => { console.error(e); process.exit(1); })" \
    >"$T/template.log" 2>&1; then
  echo "the template stack did not start:"; tail -20 "$T/template.log"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "== template stack ready in $((SECONDS - started)) s"
export DESK_FAULT_TEMPLATE=$T/template
export DESK_FAULT_STACKS=$T/stacks

# the stacks a file left running (it was stopped by its time limit)
leftovers() {
  local pid dir
  [ -f "$T/stacks" ] || return 0
  while read -r pid dir; do
    [ -d "$dir" ] || continue
    if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q conf/dev/run.sh &&
       tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qx "DESK_VAR=$dir"; then
      echo "  stopping a stack left running: $dir"
      kill -TERM -- "-$pid" 2>/dev/null; sleep 5; kill -KILL -- "-$pid" 2>/dev/null
    fi
    mountpoint -q "$dir/attachments" && umount "$dir/attachments"
    [ -n "${DESK_FAULT_KEEP:-}" ] || rm -rf "$dir"
  done < "$T/stacks"
  : > "$T/stacks"
}

# each failed test of a TAP file with its error (the promise broken and what broke it)
failures() {
  awk '
    /^not ok / { print "  " $0; want = 1; inerr = 0; next }
    inerr && /^    / { sub(/^    /, ""); print "    " $0; next }
    inerr { inerr = 0; want = 0 }
    want && /^  error: [|>]-?$/ { inerr = 1; next }
    want && /^  error: / { sub(/^  error: /, ""); print "    " $0; want = 0; next }
    /^(ok|not ok) / { want = 0 }
  ' "$1"
}

files=("$@")
[ ${#files[@]} -gt 0 ] || files=(tests/faults/*.test.js)
for f in "${files[@]}"; do
  name=$(basename "$f" .test.js)
  t0=$SECONDS
  # every wait inside a file has its own limit; this one is the last resort
  timeout -k 10 600 node --test --test-reporter=tap "$f" >"$T/$name.tap" 2>&1
  p=$(awk '/^# pass /{print $3}' "$T/$name.tap" | tail -1)
  x=$(awk '/^# fail /{print $3}' "$T/$name.tap" | tail -1)
  [ -n "$p" ] || { p=0; x=1; tail -20 "$T/$name.tap"; }
  echo "$name: ${p} passed, ${x:-0} failed ($((SECONDS - t0)) s)"
  leftovers
  failures "$T/$name.tap"
  grep -E '^# figure: ' "$T/$name.tap" | sed 's/^# figure: /  figure: /'
  passed=$((passed + p))
  failed=$((failed + ${x:-0}))
done
echo "fault tests took $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
