#!/usr/bin/env bash
# The one-way rule of lib/, checked on every include:
#   core  <- store <- desk <- web <- cgi (the programs)
# A module may include its own layer and the layers below it, never above.
# The domain (lib/desk) and what is below it know nothing of HTTP: they do
# not include FastCGI or the ClearSilver cgi kit. cgi/ holds no SQL, runs
# no statement, and turns no return code into an HTTP status by hand
# (web/status.h does).
# Known exceptions, one "FILE INCLUDE" per line, are in tests/layers/allow;
# each is a debt to pay, and an exception that no longer occurs is an error
# too, so the list only shrinks.
# Inside lib/, dependencies have no circles: a module is a .c/.h pair (or a
# header alone), it depends on another when either of its files includes
# the other's header, and that graph must be acyclic; each circle found is
# printed. So that the includes tell the whole story, a header declares only
# functions its own .c defines. cgi/ reads no number by hand (atoi, strtol
# and their kin). Prints what is wrong; exit 1 if anything.
set -uo pipefail
cd "$(dirname "$0")/../.."
rank() {
  case "$1" in
    lib/core/*) echo 0 ;; lib/store/*) echo 1 ;; lib/desk/*) echo 2 ;;
    lib/web/*) echo 3 ;; cgi/*|tests/*) echo 4 ;; *) echo 9 ;;
  esac
}
allow=tests/layers/allow
bad=0
seen=$(mktemp)
trap 'rm -f "$seen"' EXIT
while IFS= read -r f; do
  r=$(rank "$f")
  while IFS= read -r inc; do
    [ -n "$inc" ] || continue
    case "$inc" in
      core/*|store/*|desk/*|web/*) ir=$(rank "lib/$inc") ;;
      fcgiapp.h|fcgi_stdio.h|ClearSilver.h|cgi/*) ir=3 ;;  # HTTP: web and above
      *) continue ;;
    esac
    if [ "$ir" -gt "$r" ]; then
      if grep -qxF "$f $inc" "$allow" 2>/dev/null; then echo "$f $inc" >>"$seen"
      else echo "layers: $f includes $inc (a layer above it)"; bad=1; fi
    fi
  done < <(sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/p' "$f")
done < <(find lib -name '*.[ch]' | sort)
if [ -f "$allow" ]; then
  while IFS= read -r line; do
    case "$line" in ''|'#'*|sql-in-cgi*) continue ;; esac
    grep -qxF "$line" "$seen" || { echo "layers: '$line' is in $allow but no longer occurs: remove it"; bad=1; }
  done <"$allow"
fi
# the module graph: "A B" when module A (lib/x/a) includes B's header
edges() {
  find lib -name '*.[ch]' | sort | while IFS= read -r f; do
    m=${f%.*}
    sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]+)\.h".*/\1/p' "$f" |
      while IFS= read -r inc; do
        [ -f "lib/$inc.h" ] && [ "lib/$inc" != "$m" ] && echo "$m lib/$inc"
      done
  done | sort -u
}
cycles=$(edges | awk '
  { if (!($1 in seen)) { seen[$1]; order[++n] = $1 } adj[$1, ++deg[$1]] = $2 }
  function visit(u,   i, k, v, path) {
    state[u] = 1; stack[++sp] = u
    for (i = 1; i <= deg[u]; i++) {
      v = adj[u, i]
      if (state[v] == 1) {
        path = v
        for (k = sp; stack[k] != v; k--) path = stack[k] " -> " path
        print v " -> " path
      } else if (!state[v]) visit(v)
    }
    sp--; state[u] = 2
  }
  END { for (i = 1; i <= n; i++) if (!state[order[i]]) visit(order[i]) }')
if [ -n "$cycles" ]; then
  printf '%s\n' "$cycles" | sed 's/^/layers: a circle in lib\/: /'
  bad=1
fi
# functions a header declares that its own .c does not define (a header
# declaring another module's functions hides that dependency from the graph)
for h in $(find lib -name '*.h' | sort); do
  c=${h%.h}.c
  declared=$(grep -oE '^[A-Za-z_][A-Za-z_0-9 *]*[ *][a-z_][a-z_0-9]*\(' "$h" | grep -v '^static' |
             grep -oE '[a-z_][a-z_0-9]*\($' | tr -d '(' | sort -u)
  [ -n "$declared" ] || continue
  defined=$(grep -E '^[A-Za-z_]' "$c" 2>/dev/null | grep -oE '[a-z_][a-z_0-9]*\(' | tr -d '(' |
            sort -u)
  for fn in $(comm -23 <(printf '%s\n' "$declared") <(printf '%s\n' "$defined")); do
    echo "layers: $h declares $fn, which $c does not define"
    bad=1
  done
done

sql=$(grep -rnE --include='*.c' --include='*.h' \
  '"[[:space:]]*(SELECT|INSERT|UPDATE|DELETE|REPLACE)[[:space:]][^"]*(FROM|INTO|SET|WHERE)' cgi || true)
n=0
[ -n "$sql" ] && n=$(printf '%s\n' "$sql" | wc -l)
budget=$(sed -n 's/^sql-in-cgi //p' "$allow" 2>/dev/null)
budget=${budget:-0}
if [ "$n" -gt "$budget" ]; then
  echo "layers: SQL in cgi/ (handlers hold none; the module of lib/ that owns the table does):"
  printf '%s\n' "$sql" | sed 's/^/  /'
  bad=1
elif [ "$n" -lt "$budget" ]; then
  echo "layers: $n SQL statements left in cgi/: lower 'sql-in-cgi $budget' in $allow to $n"
  bad=1
fi
# Handlers run no statement either (one written across lines escapes the
# pattern above): they open and close transactions, the domain does the rest.
run=$(grep -rnE --include='*.c' --include='*.h' '\bdb_(exec|query|row|fetch|done|run_script)[[:space:]]*\(' cgi || true)
if [ -n "$run" ]; then
  echo "layers: statements run from cgi/ (the module of lib/ that owns the table runs them):"
  printf '%s\n' "$run" | sed 's/^/  /'
  bad=1
fi
# Request values reach handlers typed (lib/web/form.h: form_int, form_ids,
# web_id; lib/core/text.h: text_whole): nothing in cgi/ converts text to a
# number itself, where a missing overflow or range check would hide.
conv=$(grep -rnE --include='*.c' --include='*.h' \
  '(^|[^A-Za-z0-9_])(ato(i|l|ll|f)|strto(l|ll|ul|ull|d|f|ld|imax|umax))[[:space:]]*\(' cgi || true)
if [ -n "$conv" ]; then
  echo "layers: a number read by hand in cgi/ (declare the field's type and range, read form_int):"
  printf '%s\n' "$conv" | sed 's/^/  /'
  bad=1
fi
# An outcome of lib/ becomes an HTTP status in one place, web/status.h
# (status_of, status_key, and the programs' error pages built on them): no
# handler turns a return code into 503 or 404 with a ternary of its own.
hand=$(grep -rnE --include='*.c' --include='*.h' \
  '(\brc\b|\bfound\b|\bOUTCOME_[A-Z_]+)[^;]*\?[^;]*\b(503|404)\b|\?[[:space:]]*(503|404)[[:space:]]*:[[:space:]]*(503|404)\b' \
  cgi || true)
if [ -n "$hand" ]; then
  echo "layers: a return code made into 503/404 by hand in cgi/ (use status_of() of web/status.h):"
  printf '%s\n' "$hand" | sed 's/^/  /'
  bad=1
fi
[ "$bad" -eq 0 ] && echo "layers: ok"
exit "$bad"
