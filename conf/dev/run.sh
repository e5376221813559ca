#!/usr/bin/env bash
# The whole desk on one machine, in the foreground: a private MariaDB under
# $DESK_VAR (default var/), the FastCGI programs and nginx on
# 127.0.0.1:$PORT (default 8080), and an SMTP catcher on 127.0.0.1:$PORT+25
# (DESK_SMTP_PORT) that keeps every mail in $DESK_VAR/mail. Ctrl-C or
# SIGTERM stops everything.
# Running it again reuses the data. make test runs it with its own DESK_VAR
# and PORT as a throwaway stack.
#
# Supervision: each part (MariaDB, the SMTP catcher, each program's master,
# the scheduler, nginx) runs under keep(), which starts it again when it
# exits, whatever the reason, and logs it here: at once after a long run, and
# after 1, 2, 4 ... 30 s when it keeps ending within 30 s of its start. The
# other parts keep serving meanwhile. $DESK_VAR/run/NAME.pid holds the pid of
# each part's process (NAME: mariadb, smtp, portal, api, agent, admin, hello,
# scheduler, nginx). To keep a part stopped (to try the desk without it, or
# to work on it), create $DESK_VAR/run/hold/NAME and end the process; it
# starts again within a second of the file's removal.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=${DESK_VAR:-$ROOT/var}
PORT=${PORT:-8080}
SMTP_PORT=${DESK_SMTP_PORT:-$((PORT + 25))}
mkdir -p "$VAR"
VAR=$(cd "$VAR" && pwd)
# DESK_BUILD: where the programs are: a path inside the checkout (make
# test-sanitize runs them from build-san) or an absolute one (tests/faults)
BUILD=${DESK_BUILD:-build}
[[ $BUILD == /* ]] || BUILD=$ROOT/$BUILD
mkdir -p "$VAR"/{db,run/hold,log,secrets,nginx/tmp,mail/cur,mail/new,mail/tmp,db-tmp}
chmod 700 "$VAR/secrets"

# what keep() says goes to run.sh's own output (fd 3), whatever a part's
# output is redirected to
exec 3>&1
note() { printf '%s run.sh: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&3; }

# keep NAME COMMAND...: runs COMMAND, starts it again whenever it exits (see
# above); on SIGTERM ends it and returns.
keep() {
  local name=$1 child=0 delay=1 started rc up
  shift
  set +e
  trap 'kill -TERM $child 2>/dev/null; wait $child 2>/dev/null; exit 0' TERM
  while :; do
    while [ -e "$VAR/run/hold/$name" ]; do sleep 0.2; done
    started=$SECONDS
    "$@" 3>&- &
    child=$!
    echo "$child" > "$VAR/run/$name.pid"
    wait "$child"
    rc=$?
    up=$((SECONDS - started))
    if [ "$up" -ge 30 ]; then delay=1; fi
    if [ -e "$VAR/run/hold/$name" ]; then
      note "$name exited (status $rc after $up s); held ($VAR/run/hold/$name): starting it when that file is removed"
      continue
    fi
    note "$name exited (status $rc after $up s); starting it again in $delay s"
    sleep "$delay" &
    child=$!
    wait "$child"
    delay=$((delay * 2 > 30 ? 30 : delay * 2))
  done
}

pids=()
stop() {
  trap - INT TERM EXIT
  echo "stopping..."
  for ((i=${#pids[@]}-1; i>=0; i--)); do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
  done
  echo "stopped."
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

# --- secrets: created once, kept outside the repository
[ -s "$VAR/secrets/master.key" ] || head -c 32 /dev/urandom > "$VAR/secrets/master.key"
[ -s "$VAR/secrets/db.password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$VAR/secrets/db.password"
find "$VAR/secrets" -maxdepth 1 -type f -exec chmod 600 {} +  # not contact-keys/ (a directory)
DBPW=$(cat "$VAR/secrets/db.password")

# --- configuration for this stack
cat > "$VAR/desk.hdf" <<HDF
Desk {
  TimeZone = ${DESK_TZ:-Asia/Shanghai}
  TicketNumberFormat = ${DESK_NUMBER_FORMAT:-YYYYMMDD-NNNN}
  BaseURL = http://127.0.0.1:$PORT
  DefaultLanguage = zh
  StampFile = $VAR/config.stamp
}
DB {
  Socket = ${DESK_DB_SOCKET:-$VAR/run/mysqld.sock}
  Name = desk
  User = desk
  Password = $DBPW
}
Secrets.KeyFile = $VAR/secrets/master.key
Templates.Dir = $ROOT/templates
Attachments.Dir = $VAR/attachments
Portal {
  Listen = $VAR/run/portal.sock
  SocketMode = 0666
  Workers = ${DESK_WORKERS:-4}
}
Api {
  Listen = $VAR/run/api.sock
  SocketMode = 0666
  Workers = ${DESK_API_WORKERS:-8}
}
Agent {
  Listen = $VAR/run/agent.sock
  SocketMode = 0666
  Workers = ${DESK_WORKERS:-4}
}
Admin {
  Listen = $VAR/run/admin.sock
  SocketMode = 0666
  Workers = ${DESK_ADMIN_WORKERS:-2}
}
Scheduler {
  IntervalSeconds = ${DESK_SCHEDULER_SECONDS:-30}
}
$( [ -n "${DESK_TEST_CLOCK:-}" ] && echo "Clock.OffsetFile = $VAR/clock-offset" )
Mail {
  SMTPURL = smtp://127.0.0.1:$SMTP_PORT
  From = desk@localhost
  FromName = 售后服务中心
}
Hello {
  Listen = $VAR/run/hello.sock
  SocketMode = 0666
  Workers = ${DESK_WORKERS:-4}
}
HDF

# --- MariaDB: private datadir, unix socket only
SOCK=$VAR/run/mysqld.sock
USER_OPT=()
[ "$(id -u)" -eq 0 ] && USER_OPT=(--user=root)
if [ ! -d "$VAR/db/mysql" ]; then
  echo "initialising MariaDB in $VAR/db"
  mariadb-install-db --no-defaults --datadir="$VAR/db" "${USER_OPT[@]}" \
    --auth-root-authentication-method=normal --skip-test-db >"$VAR/log/mariadb-install.log" 2>&1
fi
# temporary tables in the stack's own directory: a shared /tmp is cleaned by
# others, and a temporary table whose file went missing fails its query
keep mariadb mariadbd --no-defaults --datadir="$VAR/db" --socket="$SOCK" --skip-networking \
  --pid-file="$VAR/run/mysqld.pid" "${USER_OPT[@]}" --tmpdir="$VAR/db-tmp" \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
  --innodb-flush-log-at-trx-commit=1 --sync-binlog=0 --innodb-buffer-pool-size=${DESK_BUFFER_POOL:-256M} \
  --innodb-log-file-size=256M --max-connections=200 --log-error="$VAR/log/mariadb.log" &
pids+=($!)
db_up=""
for _ in $(seq 1 150); do
  mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 && db_up=1 && break
  sleep 0.1
done
if [ -z "$db_up" ]; then
  echo "MariaDB did not start (is another stack using $VAR?); see $VAR/log/mariadb.log" >&2
  exit 1
fi
mariadb --no-defaults --socket="$SOCK" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS desk CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'desk'@'localhost' IDENTIFIED BY '$DBPW';
GRANT ALL ON desk.* TO 'desk'@'localhost';
SQL

# --- schema and demo data
"$BUILD/deskctl" -c "$VAR/desk.hdf" migrate "$ROOT/sql/migrations"
"$BUILD/deskctl" -c "$VAR/desk.hdf" stats-rebuild >/dev/null
if [ ! -s "$VAR/dev-credentials" ]; then
  "$BUILD/deskctl" -c "$VAR/desk.hdf" demo "$VAR/dev-credentials.tmp"
  mv "$VAR/dev-credentials.tmp" "$VAR/dev-credentials"
fi

# --- SMTP catcher: aiosmtpd's Mailbox handler writes each mail it receives
# to the maildir $VAR/mail (new/ holds one file per mail). Debian's
# interpreter, since python3-aiosmtpd is installed for it (a python3 from
# pyenv or a venv earlier on PATH would not find the module).
# DESK_SMTP_CATCHER=0 leaves the port to a test's own SMTP server.
if [ "${DESK_SMTP_CATCHER:-1}" != 0 ]; then
  keep smtp /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$VAR/mail" \
    >>"$VAR/log/smtp.log" 2>&1 &
  pids+=($!)
fi

# --- FastCGI programs
for prog in portal api agent admin hello scheduler; do
  keep "$prog" "$BUILD/$prog" -c "$VAR/desk.hdf" 2>>"$VAR/log/$prog.log" &
  pids+=($!)
done

# --- nginx with the shipped site config, paths rewritten to this stack
sed -e "s#/run/desk/#$VAR/run/#g" -e "s#/usr/share/desk/templates#$ROOT/templates#g" \
    -e "s#listen 80;#listen 127.0.0.1:$PORT;#" -e "s#include fastcgi_params;#include /etc/nginx/fastcgi_params;#" \
    "$ROOT/conf/nginx/desk.conf" > "$VAR/nginx/desk.conf"
# DESK_RATE_EXEMPT=ADDR (test stacks only): POSTs from ADDR are not
# rate-limited by nginx (the browser checks all come from 127.0.0.1; the HTTP
# tests, the rate limit's own test included, use other loopback addresses)
if [ -n "${DESK_RATE_EXEMPT:-}" ]; then
  sed -i -e 's#    POST    \$binary_remote_addr;#    POST    $desk_post_key;#' "$VAR/nginx/desk.conf"
  printf 'map $remote_addr $desk_post_key {\n    %s "";\n    default $binary_remote_addr;\n}\n' \
    "$DESK_RATE_EXEMPT" >> "$VAR/nginx/desk.conf"
fi
cat >> "$VAR/nginx/desk.conf" <<NGX
# the hello-world ceiling for benchmarks (tests/bench)
server {
    listen 127.0.0.1:$((PORT + 1));
    location / { fastcgi_pass unix:$VAR/run/hello.sock; include /etc/nginx/fastcgi_params; }
}
NGX
NGINX_USER=""
[ "$(id -u)" -eq 0 ] && NGINX_USER="user root;"
cat > "$VAR/nginx/nginx.conf" <<NGX
$NGINX_USER
worker_processes 2;
pid $VAR/run/nginx.pid;
error_log $VAR/log/nginx-error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${DESK_ACCESS_LOG:-$VAR/log/nginx-access.log};
    client_body_temp_path $VAR/nginx/tmp/body;
    fastcgi_temp_path $VAR/nginx/tmp/fastcgi;
    proxy_temp_path $VAR/nginx/tmp/proxy;
    uwsgi_temp_path $VAR/nginx/tmp/uwsgi;
    scgi_temp_path $VAR/nginx/tmp/scgi;
    include $VAR/nginx/desk.conf;
}
NGX
for _ in $(seq 1 50); do [ -S "$VAR/run/portal.sock" ] && [ -S "$VAR/run/api.sock" ] && [ -S "$VAR/run/agent.sock" ] && break; sleep 0.1; done
keep nginx nginx -p "$VAR/nginx" -c "$VAR/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

up=""
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && up=1 && break
  sleep 0.1
done
if [ -z "$up" ]; then
  echo "the desk did not come up; see $VAR/log/" >&2
  exit 1
fi
cat <<TXT

  Service desk is running.
    Customer portal   http://127.0.0.1:$PORT/
    Agent workspace   http://127.0.0.1:$PORT/agent/
    JSON API          http://127.0.0.1:$PORT/api/v1/  (health: /api/v1/health)
    Logs              $VAR/log/
    Mail catcher      smtp://127.0.0.1:$SMTP_PORT, every mail a file in $VAR/mail/new/
  Demo logins and API key ($VAR/dev-credentials):
$(sed 's/^/    /' "$VAR/dev-credentials")

  A part that exits is started again (logged here). Ctrl-C stops everything.
TXT
# the keepers return only when told to stop
wait "${pids[@]}" || true
