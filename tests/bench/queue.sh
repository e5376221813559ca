#!/usr/bin/env bash
# Agent queue benchmark: the same queue pages measured with 10,000 and with
# 1,000,000 tickets in the database (tests/bench/gen_tickets.sh), wrk -t2
# -c16 against the real stack, next to the hello-world ceiling.
#   tests/bench/queue.sh [BIG]   (BIG defaults to 1000000)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
BIG=${1:-1000000}
PORT=${BENCH_PORT:-18780}
VAR=$(mktemp -d /tmp/desk-qbench.XXXXXX)
DUR=${BENCH_SECONDS:-10}
DESK_VAR=$VAR PORT=$PORT DESK_ACCESS_LOG=off DESK_BUFFER_POOL=1G bash conf/dev/run.sh >"$VAR/stack.log" 2>&1 &
STACK=$!
trap 'kill -TERM $STACK 2>/dev/null; wait $STACK 2>/dev/null; rm -rf "$VAR"' EXIT
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$PORT/agent/health" >/dev/null 2>&1 && break; sleep 0.2; done
. "$VAR/dev-credentials"
B=http://127.0.0.1:$PORT
SOCK=$VAR/run/mysqld.sock

login() {
  local jar=$VAR/jar.$1 csrf
  curl -s -c "$jar" "$B/agent/login" -o "$VAR/login.html"
  csrf=$(grep -o 'name="csrf" value="[^"]*"' "$VAR/login.html" | sed 's/.*value="//;s/"//')
  curl -s -b "$jar" -c "$jar" "$B/agent/login" --data-urlencode "csrf=$csrf" \
    --data-urlencode "login=$1" --data-urlencode "password=$2" -o /dev/null
  awk '$6 == "sid" {print $7}' "$jar"
}

measure() { # label url cookie
  wrk -t2 -c16 -d2s -H "Cookie: sid=$3" "$2" >/dev/null 2>&1
  wrk -t2 -c16 -d"${DUR}s" --latency ${3:+-H "Cookie: sid=$3"} "$2" >"$VAR/wrk.txt" 2>&1
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$VAR/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$VAR/wrk.txt")
  printf '| %-34s | %10s | %8s |\n' "$1" "$rps" "$p99"
}

run_set() { # tickets-label
  local sid_a sid_s
  sid_a=$(login "$AGENT_USER" "$AGENT_PASSWORD")
  sid_s=$(login "$SUPERVISOR_USER" "$SUPERVISOR_PASSWORD")
  measure "hello-world ceiling" "http://127.0.0.1:$((PORT + 1))/" ""
  measure "agent: unassigned ($1)" "$B/agent/q/unassigned" "$sid_a"
  measure "agent: team queue ($1)" "$B/agent/q/team" "$sid_a"
  measure "agent: mine ($1)" "$B/agent/q/mine" "$sid_a"
  measure "supervisor: overdue ($1)" "$B/agent/q/overdue" "$sid_s"
}

echo "| page | req/s | p99 |"
echo "|---|---|---|"
bash tests/bench/gen_tickets.sh "$SOCK" 10000 >/dev/null
run_set "10k tickets"
t0=$(date +%s)
bash tests/bench/gen_tickets.sh "$SOCK" $((BIG - 10000)) >/dev/null
echo "(generated $((BIG - 10000)) more tickets in $(( $(date +%s) - t0 )) s)" >&2
run_set "$((BIG / 1000))k tickets"
pgrep -f "build/agent -c $VAR/desk.hdf" | xargs -r ps -o rss= -p | sort -n | tail -1 | awk '{print "largest agent process RSS KB:", $1}' >&2
