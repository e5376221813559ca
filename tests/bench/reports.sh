#!/usr/bin/env bash
# Statistics benchmark (make bench-reports): a throwaway stack holding
# 1,000,000 tickets over ten months with realistic histories
# (gen_tickets.sh, one ticket every 26 s: ~100,000 a month; gen_history.sh;
# gen_facts.sh), then
#   1. the hello-world ceiling (wrk, as tests/bench/run.sh);
#   2. /agent/stats for one full month and for its year, and the month's
#      workbook /agent/stats.xlsx, each fetched $BENCH_SAMPLES times in a row
#      by the supervisor: median and p99 (nearest rank) of the time to the
#      last byte;
#   3. wrk -t2 -c16 on the month's page: req/s and its ratio to the ceiling;
#   4. the recount: every figure of the month in the reports API's JSON
#      (volume, times, SLA, daily, by category/priority/channel/team, time
#      in status; repeats, reopens, cross-team work, team pairs, frequent
#      combinations, keywords, satisfaction, scores, the lowest scored)
#      against a direct SQL recount over the tickets, their history, team
#      moves, collaborators, escalations and surveys (not the statistics'
#      rows; recount.sh, recount_quality.sh), written here independently of
#      lib/desk/stats; any difference fails the run.
# Targets: month < 300 ms, year < 1 s, workbook < 3 s, page >= 100 req/s.
#
#   tests/bench/reports.sh [N]                 (N defaults to 1,000,000)
#   tests/bench/reports.sh --check-generator   gen_facts.sh's rows against
#       those `deskctl stats-rebuild` writes through the desk's own code, on
#       4,000 tickets spread over ten months; any difference fails
# Settings: BENCH_PORT (18800; the ceiling listens on +1), BENCH_SAMPLES (30),
# BENCH_SECONDS (10), BENCH_VAR=DIR: the stack's data directory, kept, and its
# tickets reused when it already holds them (the generation takes minutes).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
. tests/bench/bizsql.sh
CHECK=""
[ "${1:-}" = "--check-generator" ] && CHECK=1 && shift
N=${1:-1000000}
PORT=${BENCH_PORT:-18800}
SAMPLES=${BENCH_SAMPLES:-30}
DUR=${BENCH_SECONDS:-10}
VAR=${BENCH_VAR:-$(mktemp -d /tmp/desk-rbench.XXXXXX)}
mkdir -p "$VAR"
B=http://127.0.0.1:$PORT
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
DESK_VAR=$VAR PORT=$PORT DESK_ACCESS_LOG=off DESK_BUFFER_POOL=1G DESK_SCHEDULER_SECONDS=60 \
  bash conf/dev/run.sh >"$VAR/stack.log" 2>&1 &
STACK=$!
cleanup() {
  kill -TERM $STACK 2>/dev/null; wait $STACK 2>/dev/null
  if [ -n "${BENCH_VAR:-}" ]; then echo "data kept in $VAR" >&2; else rm -rf "$VAR"; fi
}
trap cleanup EXIT
die() { echo "reports bench: $*" >&2; exit 1; }
for _ in $(seq 1 600); do
  curl -fsS "$B/health" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$((PORT + 1))/" >/dev/null 2>&1 && break
  kill -0 $STACK 2>/dev/null || die "the stack did not start: $(tail -5 "$VAR/stack.log")"
  sleep 0.2
done
. "$VAR/dev-credentials"
SOCK=$VAR/run/mysqld.sock
SQL="mariadb --no-defaults --socket=$SOCK -uroot desk"

if [ -n "$CHECK" ]; then
  bash tests/bench/gen_tickets.sh "$SOCK" 4000 6500 >/dev/null
  bash tests/bench/gen_history.sh "$SOCK" >/dev/null
  build/deskctl -c "$VAR/desk.hdf" stats-rebuild all >/dev/null
  bad=0
  TABLES="ticket_facts ticket_spans ticket_quality ticket_transfers ticket_terms"
  for t in $TABLES; do $SQL -e "CREATE TABLE desk_$t AS SELECT * FROM $t; DELETE FROM $t;"; done
  bash tests/bench/gen_facts.sh "$SOCK" >/dev/null
  for t in $TABLES; do
    read -r only_desk only_gen rows <<<"$($SQL -N -e "SELECT
      (SELECT COUNT(*) FROM (SELECT * FROM desk_$t EXCEPT SELECT * FROM $t) a),
      (SELECT COUNT(*) FROM (SELECT * FROM $t EXCEPT SELECT * FROM desk_$t) b),
      (SELECT COUNT(*) FROM $t)")"
    echo "$t: $rows rows; only the desk's: $only_desk, only the generator's: $only_gen"
    [ "$only_desk" = 0 ] && [ "$only_gen" = 0 ] && [ "$rows" -gt 0 ] || bad=1
  done
  [ $bad = 0 ] || die "gen_facts.sh writes other rows than the desk"
  echo "gen_facts.sh writes the rows the desk writes"
  exit 0
fi

if [ "$($SQL -N -e "SELECT COUNT(*) FROM ticket_facts WHERE ticket_id IN (SELECT id FROM tickets WHERE number LIKE 'B%')")" -lt "$N" ]; then
  t0=$(date +%s)
  bash tests/bench/gen_tickets.sh "$SOCK" "$N" 26 >/dev/null
  t1=$(date +%s)
  bash tests/bench/gen_history.sh "$SOCK" >/dev/null
  t2=$(date +%s)
  bash tests/bench/gen_facts.sh "$SOCK" >/dev/null
  t3=$(date +%s)
  echo "generated $N tickets: tickets $((t1 - t0)) s, history $((t2 - t1)) s, statistics' rows $((t3 - t2)) s" >&2
fi
$SQL -N -e "SELECT 'tickets', COUNT(*) FROM tickets; SELECT 'history rows', COUNT(*) FROM ticket_events;
  SELECT 'surveys', COUNT(*) FROM surveys; SELECT 'team moves', COUNT(*) FROM ticket_team_moves" | tr '\t' ' ' >&2

# the month two months back is whole in the data; its year holds them all
MONTH=$(date -u -d "$(date -u +%Y-%m-15) -2 month" +%Y-%m-01)
login() {
  local jar=$VAR/jar.$1 csrf
  curl -s -c "$jar" "$B/agent/login" -o "$VAR/login.html"
  csrf=$(grep -o 'name="csrf" value="[^"]*"' "$VAR/login.html" | sed 's/.*value="//;s/"//')
  curl -s -b "$jar" -c "$jar" "$B/agent/login" --data-urlencode "csrf=$csrf" \
    --data-urlencode "login=$1" --data-urlencode "password=$2" -o /dev/null
  awk '$6 == "sid" {print $7}' "$jar"
}
SID=$(login "$SUPERVISOR_USER" "$SUPERVISOR_PASSWORD")
[ -n "$SID" ] || die "cannot sign in"
RKEY=$(build/deskctl -c "$VAR/desk.hdf" api-key "reports bench" reports | tail -1)

# timed LABEL URL: the first fetch (COLD, ms), then $SAMPLES sequential
# fetches; sets MED and P99 (ms)
timed() {
  local out=$VAR/times.$1 code i
  : >"$out"
  read -r code COLD <<<"$(curl -s -o "$VAR/body.$1" -w '%{http_code} %{time_total}' -H "Cookie: sid=$SID" "$2")"
  COLD=$(awk -v t="$COLD" 'BEGIN { printf "%.0f", t * 1000 }')
  [ "$code" = 200 ] || die "GET $2 answered $code"
  for ((i = 0; i < SAMPLES; i++)); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: sid=$SID" "$2" >>"$out"
  done
  read -r MED P99 <<<"$(sort -n "$out" | awk '{ v[NR] = $1 * 1000 } END {
    m = int((NR + 1) / 2); p = int((NR * 99 + 99) / 100); printf "%.0f %.0f", v[m], v[p] }')"
}
wrk_rps() { # URL [cookie]: sets RPS, WP99
  wrk -t2 -c16 -d3s ${2:+-H "Cookie: sid=$2"} "$1" >/dev/null 2>&1
  wrk -t2 -c16 -d"${DUR}s" --latency ${2:+-H "Cookie: sid=$2"} "$1" >"$VAR/wrk.txt" 2>&1
  RPS=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$VAR/wrk.txt")
  WP99=$(awk '$1 == "99%" {print $2}' "$VAR/wrk.txt")
  ! grep -q 'Non-2xx' "$VAR/wrk.txt" || die "non-2xx answers from $1: $(cat "$VAR/wrk.txt")"
}

LOAD_RUN=$(cut -d" " -f1-3 /proc/loadavg)
wrk_rps "http://127.0.0.1:$((PORT + 1))/"
HELLO=$RPS HELLO_P99=$WP99
PAGE="$B/agent/stats?kind=month&at=$MONTH"
timed month "$PAGE"
M_MED=$MED M_P99=$P99 M_COLD=$COLD
timed year "$B/agent/stats?kind=year&at=$MONTH"
Y_MED=$MED Y_P99=$P99 Y_COLD=$COLD
timed xlsx "$B/agent/stats.xlsx?kind=month&at=$MONTH"
X_MED=$MED X_P99=$P99 X_COLD=$COLD
wrk_rps "$PAGE" "$SID"
LOAD_AFTER=$(cut -d" " -f1-3 /proc/loadavg)
verdict() { awk -v v="$1" -v lim="$2" -v dir="$3" 'BEGIN {
  ok = dir == "<" ? v < lim : v >= lim; print ok ? "met" : "MISSED" }'; }
echo "Statistics benchmark $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) vCPU, $N tickets, month $MONTH"
echo "load average before the stack: $LOAD_BEFORE; at the measurements: $LOAD_RUN; after: $LOAD_AFTER"
echo
echo "| measurement | first (cold) | median | p99 | target | |"
echo "|---|---:|---:|---:|---|---|"
echo "| month page \`/agent/stats?kind=month\` | $M_COLD ms | $M_MED ms | $M_P99 ms | < 300 ms | $(verdict "$M_MED" 300 '<') |"
echo "| year page \`/agent/stats?kind=year\` | $Y_COLD ms | $Y_MED ms | $Y_P99 ms | < 1 s | $(verdict "$Y_MED" 1000 '<') |"
echo "| month workbook \`/agent/stats.xlsx\` | $X_COLD ms | $X_MED ms | $X_P99 ms | < 3 s | $(verdict "$X_MED" 3000 '<') |"
echo
echo "| wrk -t2 -c16 -d${DUR}s | req/s | p99 | ÷ ceiling | target | |"
echo "|---|---:|---:|---:|---|---|"
echo "| hello-world ceiling | $HELLO | $HELLO_P99 | 1.000 | | |"
echo "| month page | $RPS | $WP99 | $(awk -v a="$RPS" -v b="$HELLO" 'BEGIN {printf "%.4f", a / b}') | ≥ 100 | $(verdict "$RPS" 100 '>=') |"

# ---- the recount ----------------------------------------------------------------
# numbers written alike on both sides (31.5000 and 31.5, 3.60 and 3.6)
numbers() { awk 'BEGIN { CONVFMT = "%.10g" } { for (i = 2; i <= NF; i++) if ($i ~ /^-?[0-9]+\.[0-9]+$/) $i = $i + 0; print }'; }
curl -fsS "$B/api/v1/reports/summary?kind=month&at=$MONTH" -H "Authorization: Bearer $RKEY" >"$VAR/summary.json" ||
  die "the reports API failed"
FROM=$(jq -r '.periods.cur.from' "$VAR/summary.json" | sed 's/T/ /;s/Z//')
TO=$(jq -r '.periods.cur.to' "$VAR/summary.json" | sed 's/T/ /;s/Z//')
FIRST=$(jq -r '.periods.cur.first' "$VAR/summary.json")
DAYS=$(jq -r '.periods.cur.days' "$VAR/summary.json")
jq -r '.tables[] as $t | $t.rows | to_entries[] | .key as $i | .value as $r |
  if $t.code == "volume" then "volume.\($r.key) \($r.cur)"
  elif $t.code == "times" then (select($r.key | endswith(".cur")) | "times.\($r.key) \($r.n) \($r.mean) \($r.median) \($r.p90) \($r.max)")
  elif $t.code == "sla" then (select($r.key | endswith(".cur")) | "sla.\($r.key) \($r.met) \($r.breached) \($r.running)")
  elif $t.code == "daily" then "daily.\($r.key) \($r.created) \($r.closed)"
  elif $t.code == "status" then "status.\($r.key) \($r.tickets) \($r.total)"
  elif $t.code == "repeat" then (select($r.key | endswith(".cur")) | "repeat.\($r.key) \($r.tickets) \($r.of) \($r.rate)")
  elif $t.code == "cross" then (select($r.key | endswith(".cur")) | "cross.\($r.key) \($r.created) \($r.tickets) \($r.times) \($r.per_ticket)")
  elif $t.code == "satisfaction" then (select($r.key == "cur") | "satisfaction.cur \($r.closed) \($r.answered) \($r.rate) \($r.resolution) \($r.speed) \($r.attitude)")
  elif $t.code == "scores" then "scores.\($r.key) \($r.s1) \($r.s2) \($r.s3) \($r.s4) \($r.s5)"
  elif $t.code == "lowest" then "lowest.\($i + 1) \($r.number) \($r.resolution) \($r.speed) \($r.attitude)"
  elif $t.code == "combos" then "combos.\($r.key) \($r.category) \($r.product) \($r.cur)"
  elif $t.code == "pairs" or $t.code == "terms" then "\($t.code).\($r.key) \($r.cur)"
  else "\($t.code).\($r.key) \($r.created) \($r.closed)" end' "$VAR/summary.json" | numbers | sort >"$VAR/page.txt"
REPEAT_DAYS=$($SQL -N -e "SELECT value FROM settings WHERE name = 'Stats.RepeatDays'")
{ bash tests/bench/recount.sh "$SOCK" "$FROM" "$TO" "$FIRST" "$DAYS"
  bash tests/bench/recount_quality.sh "$SOCK" "$FROM" "$TO" "${REPEAT_DAYS:-30}"; } | numbers | sort >"$VAR/recount.txt"
FIGS=$(awk '{ n += NF - 1 } END { print n }' "$VAR/page.txt")
if ! diff "$VAR/page.txt" "$VAR/recount.txt" >"$VAR/recount.diff"; then
  echo
  echo "RECOUNT DIFFERS (< the reports API, > the SQL recount):"
  cat "$VAR/recount.diff"
  exit 1
fi
echo
echo "Recount: the month's $FIGS figures in $(wc -l <"$VAR/page.txt") rows of the reports API equal the SQL recount over the tickets."
