#!/usr/bin/env bash
# The quality figures of one period recounted straight from the tickets,
# their history, team moves, collaborators and surveys, without the
# statistics' own rows (ticket_quality, ticket_spans, ticket_transfers,
# ticket_terms) or lib/desk/stats: one line per row of the reports API's
# quality tables for the period itself (tests/bench/reports.sh compares them):
#   repeat.repeated.cur TICKETS OF RATE | repeat.reopened_after.cur TICKETS OF RATE
#   cross.KIND.cur CREATED TICKETS TIMES PER_TICKET
#   satisfaction.cur CLOSED ANSWERED RATE RESOLUTION SPEED ATTITUDE
#   scores.CODE S1 S2 S3 S4 S5 | lowest.RANK NUMBER RESOLUTION SPEED ATTITUDE
#   combos.RANK CATEGORY PRODUCT N | pairs.FROM>TO N | terms.TERM N
# Definitions (README, Statistics, Quality): a repeat follows a resolution
# (of a ticket resolved now) within DAYS days by another ticket of the same
# customer, or the same organisation, in the same category and for the same
# product; a resolution is a status change from an open status to resolved
# or closed, reopened when a later one takes the ticket back out of them; a
# reassignment is an assignment of a ticket someone had already owned
# (claimed, assigned or dispatched to a person); satisfaction counts the
# tickets closed in the period and still closed. Rates to a tenth and means
# to a hundredth, rounded half up; the rankings break ties as the desk does
# (category, product; team ids; terms byte for byte). The keywords are cut
# from the subjects here again, in Python, by the rule README gives.
#   tests/bench/recount_quality.sh SOCKET FROM TO DAYS   (FROM, TO in UTC)
set -euo pipefail
SOCK=$1 FROM=$2 TO=$3 DAYS=$4
SQL="mariadb --no-defaults --socket=$SOCK -uroot -N desk"
DONE="('resolved', 'closed')"
# half up, as lib/desk/stats/tables.c: n / base in tenths or hundredths
rate() { echo "IF($2 > 0, FLOOR(($1 * 1000 + FLOOR($2 / 2)) / $2) / 10, 'null')"; }
ratio() { echo "IF($2 > 0, FLOOR(($1 * 100 + FLOOR($2 / 2)) / $2) / 100, 'null')"; }
$SQL <<SQL
SET NAMES utf8mb4;
SET @from = '$FROM', @to = '$TO', @days = $DAYS;
CREATE OR REPLACE TABLE rq_created (PRIMARY KEY (id)) AS
  SELECT id, number, category_id, TRIM(product) AS product, COALESCE(nature, '') AS nature
  FROM tickets WHERE created_at >= @from AND created_at < @to;

-- repeats: the tickets resolved in the period and resolved now
SELECT CONCAT('repeat.repeated.cur ', n, ' ', base, ' ', $(rate n base)) FROM
 (SELECT COALESCE(SUM(EXISTS (SELECT 1 FROM tickets y
    WHERE y.category_id = x.category_id AND TRIM(y.product) = TRIM(x.product)
      AND y.created_at > x.resolved_at AND y.created_at <= x.resolved_at + INTERVAL @days DAY
      AND y.customer_id = x.customer_id)
    OR (COALESCE(x.organisation_id, 0) <> 0 AND EXISTS (SELECT 1 FROM tickets y
    WHERE y.category_id = x.category_id AND TRIM(y.product) = TRIM(x.product)
      AND y.created_at > x.resolved_at AND y.created_at <= x.resolved_at + INTERVAL @days DAY
      AND y.organisation_id = x.organisation_id))), 0) n,
  COUNT(*) base
  FROM tickets x WHERE x.is_open = 0 AND x.resolved_at >= @from AND x.resolved_at < @to) a;

-- resolutions in the period, and those a later status change reopened
CREATE OR REPLACE TABLE rq_ev (PRIMARY KEY (id), KEY (ticket_id, id)) AS
SELECT e.id, e.ticket_id, e.created_at,
  (e.new_value IN $DONE AND e.pv NOT IN $DONE) AS resolution,
  (e.new_value NOT IN $DONE AND e.pv IN $DONE) AS reopen
FROM (SELECT x.id, x.ticket_id, x.new_value, x.created_at,
        COALESCE(LAG(x.new_value) OVER (PARTITION BY x.ticket_id ORDER BY x.id), 'new') AS pv
      FROM ticket_events x WHERE x.kind = 'status' AND x.ticket_id IN
        (SELECT ticket_id FROM ticket_events WHERE kind = 'status'
           AND created_at >= @from AND created_at < @to)) e;
SELECT CONCAT('repeat.reopened_after.cur ', n, ' ', base, ' ', $(rate n base)) FROM
 (SELECT COALESCE(SUM(EXISTS (SELECT 1 FROM rq_ev b
    WHERE b.ticket_id = a.ticket_id AND b.id > a.id AND b.reopen)), 0) n, COUNT(*) base
  FROM rq_ev a WHERE a.resolution AND a.created_at >= @from AND a.created_at < @to) x;

-- cross-team work over the tickets created in the period
CREATE OR REPLACE TABLE rq_owned AS
SELECT e.ticket_id, e.kind,
  e.kind = 'assign' AND EXISTS (SELECT 1 FROM ticket_events o WHERE o.ticket_id = e.ticket_id
    AND o.id < e.id AND o.kind IN ('claim', 'assign', 'dispatch')
    AND COALESCE(o.new_value, '') <> '') AS reassignment
FROM ticket_events e JOIN rq_created c ON c.id = e.ticket_id
WHERE e.kind IN ('assign', 'hand_back', 'escalation');
SELECT CONCAT('cross.', k, '.cur ', c, ' ', COUNT(DISTINCT t), ' ', COUNT(t), ' ', $(ratio 'COUNT(t)' c))
FROM (SELECT COUNT(*) c FROM rq_created) created, (SELECT 'reassigned' k UNION ALL SELECT 'handed_back' UNION ALL SELECT 'escalated'
      UNION ALL SELECT 'transferred' UNION ALL SELECT 'collaborated') kinds
LEFT JOIN (
  SELECT 'reassigned' kk, ticket_id t FROM rq_owned WHERE reassignment
  UNION ALL SELECT 'handed_back', ticket_id FROM rq_owned WHERE kind = 'hand_back'
  UNION ALL SELECT 'escalated', ticket_id FROM rq_owned WHERE kind = 'escalation'
  UNION ALL SELECT 'transferred', m.ticket_id FROM ticket_team_moves m JOIN rq_created c ON c.id = m.ticket_id
    WHERE m.from_team_id IS NOT NULL AND m.to_team_id IS NOT NULL
  UNION ALL SELECT 'collaborated', x.ticket_id FROM ticket_collaborators x JOIN rq_created c ON c.id = x.ticket_id
) w ON w.kk = kinds.k
GROUP BY k, c;
SELECT CONCAT('pairs.', f.code, '>', t.code, ' ', COUNT(*))
FROM ticket_team_moves m JOIN rq_created c ON c.id = m.ticket_id
JOIN teams f ON f.id = m.from_team_id JOIN teams t ON t.id = m.to_team_id
GROUP BY m.from_team_id, m.to_team_id ORDER BY COUNT(*) DESC, m.from_team_id, m.to_team_id LIMIT 10;

-- high-frequency combinations
SELECT CONCAT('combos.', ROW_NUMBER() OVER (ORDER BY n DESC, category_id, product, nature), ' ', name_zh, ' ', product, ' ', n)
FROM (SELECT c.category_id, c.product, c.nature, k.name_zh, COUNT(*) n FROM rq_created c
      JOIN categories k ON k.id = c.category_id GROUP BY c.category_id, c.product, c.nature) g
ORDER BY n DESC, category_id, product, nature LIMIT 10;

-- satisfaction: the tickets closed in the period and closed now
CREATE OR REPLACE TABLE rq_closed AS
SELECT t.id, t.number, s.resolution_score r, s.speed_score s, s.attitude_score a
FROM tickets t LEFT JOIN surveys s ON s.ticket_id = t.id
WHERE t.status = 'closed' AND t.closed_at >= @from AND t.closed_at < @to;
SELECT CONCAT('satisfaction.cur ', COUNT(*), ' ', COUNT(r), ' ', $(rate 'COUNT(r)' 'COUNT(*)'), ' ',
  $(ratio 'SUM(r)' 'COUNT(r)'), ' ', $(ratio 'SUM(s)' 'COUNT(r)'), ' ', $(ratio 'SUM(a)' 'COUNT(r)'))
FROM rq_closed;
SELECT CONCAT('scores.resolution', GROUP_CONCAT(CONCAT(' ', n) ORDER BY v SEPARATOR '')) FROM
  (SELECT v.seq v, COUNT(c.r) n FROM seq_1_to_5 v LEFT JOIN rq_closed c ON c.r = v.seq GROUP BY v.seq) a;
SELECT CONCAT('scores.speed', GROUP_CONCAT(CONCAT(' ', n) ORDER BY v SEPARATOR '')) FROM
  (SELECT v.seq v, COUNT(c.s) n FROM seq_1_to_5 v LEFT JOIN rq_closed c ON c.s = v.seq GROUP BY v.seq) a;
SELECT CONCAT('scores.attitude', GROUP_CONCAT(CONCAT(' ', n) ORDER BY v SEPARATOR '')) FROM
  (SELECT v.seq v, COUNT(c.a) n FROM seq_1_to_5 v LEFT JOIN rq_closed c ON c.a = v.seq GROUP BY v.seq) a;
SELECT CONCAT('lowest.', ROW_NUMBER() OVER (ORDER BY r + s + a, id), ' ', number, ' ', r, ' ', s, ' ', a)
FROM rq_closed WHERE r IS NOT NULL ORDER BY r + s + a, id LIMIT 10;

DROP TABLE rq_created, rq_ev, rq_owned, rq_closed;
SQL

# the keywords: subjects of the tickets created in the period
$SQL -e "SET NAMES utf8mb4; SELECT REPLACE(REPLACE(REPLACE(subject, '\\\\', ' '), '\\n', ' '), '\\t', ' ')
  FROM tickets WHERE created_at >= '$FROM' AND created_at < '$TO'" | python3 -c '
import sys, collections
STOP = set("的了是在和与及或吗呢吧啊么着过也都就还很请您我你他她它们这那个一不有把被给对从")
def han(c):
    o = ord(c)
    return 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F
def terms(s):
    out, i, prev = [], 0, None
    while i < len(s):
        c = s[i]
        if c.isascii() and c.isalnum():
            j = i
            while j < len(s) and s[j].isascii() and s[j].isalnum():
                j += 1
            w = s[i:j].lower()
            if len(w) >= 2 and len(w) <= 32 and not w.isdigit():
                out.append(w)
            prev, i = None, j
            continue
        if han(c):
            if prev and prev not in STOP and c not in STOP:
                out.append(prev + c)
            prev = c
        else:
            prev = None
        i += 1
    seen = []
    for t in out:
        if t not in seen and len(seen) < 64:
            seen.append(t)
    return seen
n = collections.Counter()
for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
    if line:
        n.update(terms(line))
for t, k in sorted(n.items(), key=lambda x: (-x[1], x[0].encode()))[:20]:
    print("terms.%s %d" % (t, k))
'
