#!/usr/bin/env bash
# Scheduler benchmark: one pass over a database of N tickets (default
# 1,000,000, 5 % open: tests/bench/gen_tickets.sh), first when nothing is
# due (the steady state: the cost must not grow with closed tickets), then
# after every open ticket's clocks have come due at once (catching up after
# a stop: alerts raised, history written, notifications queued).
#   tests/bench/scheduler.sh [N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
N=${1:-1000000}
PORT=${BENCH_PORT:-18790}
VAR=$(mktemp -d /tmp/desk-sbench.XXXXXX)
DESK_VAR=$VAR PORT=$PORT DESK_ACCESS_LOG=off DESK_BUFFER_POOL=1G DESK_SCHEDULER_SECONDS=60 \
  bash conf/dev/run.sh >"$VAR/stack.log" 2>&1 &
STACK=$!
trap 'kill -TERM $STACK 2>/dev/null; wait $STACK 2>/dev/null; rm -rf "$VAR"' EXIT
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done
SQL="mariadb --no-defaults --socket=$VAR/run/mysqld.sock -uroot desk"
bash tests/bench/gen_tickets.sh "$VAR/run/mysqld.sock" "$N" >/dev/null
# the generated open tickets' clocks lie in the future of the scheduler's
# index until now: nothing is due yet
$SQL -e "UPDATE tickets SET next_alert_at = UTC_TIMESTAMP() + INTERVAL 1 DAY WHERE is_open = 1"
pass() { # label
  local t0 t1 line
  t0=$(date +%s%N)
  "$ROOT/build/scheduler" -c "$VAR/desk.hdf" --once 2>"$VAR/pass.log"
  t1=$(date +%s%N)
  line=$(grep -o 'pass: .*' "$VAR/pass.log" || echo "pass: nothing due")
  printf '| %-40s | %8.1f ms | %s |\n' "$1" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b - a) / 1e6}')" "$line"
}
open=$($SQL -N -e "SELECT COUNT(*) FROM tickets WHERE is_open = 1")
echo "| $N tickets, $open open | wall time (process start included) | scheduler log |"
echo "|---|---|---|"
pass "nothing due"
$SQL -e "UPDATE tickets SET next_alert_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE is_open = 1"
pass "every open ticket due at once"
pass "the same again (all already raised)"
