#!/usr/bin/env bash
# Valgrind over the desk's workers: does any request leave memory behind?
#
# A throwaway stack (conf/dev/run.sh) whose portal, api and agent programs
# run under valgrind's memcheck with one worker each, so that every request
# of a kind lands on the same process. tests/valgrind/load.js sends mixed
# requests (forms right and wrong, tickets created, read and commented
# through the API, replies, the workspace's queues, a ticket and a search,
# broken bodies, unknown paths). When the stack stops, memcheck writes each
# worker's heap summary as it exits.
#
# This is done twice, with a few requests (VG_FEW, default 300) and with
# REQUESTS: a leak that grows per request shows as more blocks lost, or
# more still in use, after the long run than after the short one. The run
# fails when a worker's definitely or indirectly lost blocks grow, when its
# heap in use at exit grows by more than VG_SLACK bytes (default 16384: a
# cache filled by a request seen only in the long run), or when memcheck
# reports an error (an invalid read or write, a jump on an uninitialised
# value).
#
#   tests/valgrind/run.sh [REQUESTS]   (default 3000; TEST_PORT default 18080)
# Logs stay in the printed directories. Ends with "N passed, N failed".
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
REQUESTS=${1:-3000}
FEW=${VG_FEW:-300}
SLACK=${VG_SLACK:-16384}
PORT=${TEST_PORT:-18080}
PROGS="portal api agent"
[ -x build/portal ] || { echo "build first (make all)"; exit 2; }

# build/valgrind: the programs as conf/dev/run.sh finds them (DESK_BUILD),
# those of PROGS wrapped in valgrind (each writes its pid, VG_DIR says where),
# the others as they are
W=build/valgrind
rm -rf "$W"
mkdir -p "$W"
for p in portal api agent admin hello scheduler deskctl; do
  if [[ " $PROGS " == *" $p "* ]]; then
    cat >"$W/$p" <<SH
#!/bin/sh
echo \$\$ > "\$VG_DIR/$p.pid"
exec valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \\
  --errors-for-leak-kinds=none --num-callers=40 \\
  --log-file="\$VG_DIR/$p.%p.log" "$ROOT/build/$p" "\$@"
SH
    chmod +x "$W/$p"
  else
    ln -s "$ROOT/build/$p" "$W/$p"
  fi
done

stack=""
stop() { [ -n "$stack" ] && kill -TERM "$stack" 2>/dev/null && wait "$stack" 2>/dev/null; stack=""; }
trap stop EXIT

# measure N: a new stack, N requests, the stack stopped; prints the
# directory its logs are in
measure() {
  local v up
  trap stop EXIT
  v=$(mktemp -d /tmp/desk-vg.XXXXXX)
  export VG_DIR=$v/valgrind
  mkdir -p "$VG_DIR"
  DESK_BUILD=$W DESK_VAR=$v PORT=$PORT DESK_WORKERS=1 DESK_API_WORKERS=1 DESK_ADMIN_WORKERS=1 \
    DESK_ACCESS_LOG=off DESK_RATE_EXEMPT=127.0.0.1 bash conf/dev/run.sh >"$v/stack.log" 2>&1 &
  stack=$!
  up=""
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 &&
      curl -fsS "http://127.0.0.1:$PORT/agent/login" >/dev/null 2>&1 && up=1 && break
    kill -0 "$stack" 2>/dev/null || break
    sleep 0.5
  done
  if [ -n "$up" ]; then
    DESK_BASE_URL=http://127.0.0.1:$PORT DESK_TEST_VAR=$v DESK_ROOT=$ROOT \
      node tests/valgrind/load.js "$1" >"$v/load.json" 2>"$v/load.err"
  else
    echo "the stack did not start" >"$v/load.err"
  fi
  stop
  echo "$v"
}

# summary DIR PROGRAM: the worker's lost blocks (definitely + indirectly),
# bytes in use at exit and memcheck errors, from the log of the process
# whose parent is the program's master
summary() {
  local master log
  master=$(cat "$1/valgrind/$2.pid" 2>/dev/null)
  log=$(grep -l "Parent PID: $master\$" "$1"/valgrind/"$2".*.log 2>/dev/null | head -1)
  [ -n "$log" ] || return 0
  awk '{ gsub(",", "") }
       /definitely lost:|indirectly lost:/ { n += $(NF-1) }
       /in use at exit:/ { u = $(NF-4); seen++ }
       /ERROR SUMMARY:/ { e = $4; seen++ }
       END { if (seen == 2) printf "%d %d %d\n", n, u, e }' "$log"
}

start=$(date +%s)
few=$(measure "$FEW")
many=$(measure "$REQUESTS")
took=$(($(date +%s) - start))

passed=0
failed=0
for v in "$few" "$many"; do
  echo "$v: $(cat "$v/load.json" 2>/dev/null) $(head -3 "$v/load.err")"
done
echo "(both runs in ${took}s)"
printf '%-7s %-34s %-34s %s\n' worker "after $FEW requests" "after $REQUESTS requests" "memcheck errors"
for p in $PROGS; do
  read -r n1 u1 e1 <<<"$(summary "$few" "$p")"
  read -r n2 u2 e2 <<<"$(summary "$many" "$p")"
  printf '%-7s %-34s %-34s %s\n' "$p" "${n1:-?} lost blocks, ${u1:-?} bytes in use" \
    "${n2:-?} lost blocks, ${u2:-?} bytes in use" "${e1:-?} + ${e2:-?}"
  if [ -n "${n1:-}" ] && [ -n "${n2:-}" ] && [ "$n2" -le "$n1" ] && [ "$u2" -le $((u1 + SLACK)) ] &&
    [ "$e1" = 0 ] && [ "$e2" = 0 ] && ! [ -s "$few/load.err" ] && ! [ -s "$many/load.err" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
