#!/usr/bin/env bash
# The statistics of one period recounted straight from the tickets, their
# status history, their replies and their escalations, without the
# statistics' own rows (ticket_facts, ticket_spans) or lib/desk/stats: one
# line per row of the reports API's summary (tests/bench/reports.sh compares
# them), in the same order of values:
#   volume.KEY N | times.KEY N MEAN MEDIAN P90 MAX | sla.KEY MET BREACHED RUNNING
#   daily.DAY CREATED CLOSED | DIM.CODE CREATED CLOSED | status.CODE TICKETS SECONDS
# Definitions (README, Statistics): a ticket leaves the backlog when a status
# event takes it from an open status to resolved or closed, and comes back
# (a reopen) when one takes it from resolved or closed to any other; the
# backlog at T holds the tickets created before T whose latest status event
# before T is not resolved or closed; percentiles are nearest rank (the
# value at rank ceil(q * n) in ascending order), means rounded; business
# time on the dev calendars (bizsql.sh) less the waits on the customer or a
# third party for the resolution.
#   tests/bench/recount.sh SOCKET FROM TO FIRST_DAY DAYS   (FROM, TO in UTC)
set -euo pipefail
. "$(dirname "$0")/bizsql.sh"
SOCK=$1 FROM=$2 TO=$3 FIRST=$4 DAYS=$5
DONE="('resolved', 'closed')"
WAITING="('waiting_customer', 'waiting_third_party')"
# times NAME VALUE FROM-WHERE: n, rounded mean, nearest-rank median and p90, max
times() {
  cat <<SQL
SELECT CONCAT('times.$1.cur ', COUNT(*), ' ', COALESCE(ROUND(AVG(v)), 'null'), ' ',
  COALESCE(MAX(IF(rn = CEIL(n * 0.5), v, NULL)), 'null'), ' ',
  COALESCE(MAX(IF(rn = CEIL(n * 0.9), v, NULL)), 'null'), ' ', COALESCE(MAX(v), 'null'))
FROM (SELECT v, ROW_NUMBER() OVER (ORDER BY v) rn, COUNT(*) OVER () n FROM
  (SELECT $2 AS v $3) a) b;
SQL
}
# sla NAME HAS DUE STOP: over the tickets created in the period
sla() {
  cat <<SQL
SELECT CONCAT('sla.$1.cur ',
  COALESCE(SUM($2 AND $4 IS NOT NULL AND ($3 IS NULL OR $4 <= $3)), 0), ' ',
  COALESCE(SUM($2 AND $3 IS NOT NULL AND COALESCE($4, @now) > $3), 0), ' ',
  COALESCE(SUM($2 AND $4 IS NULL AND ($3 IS NULL OR $3 >= @now)), 0))
FROM rc_created t JOIN priorities p ON p.id = t.priority_id;
SQL
}
# dim NAME COLUMN TABLE
dim() {
  cat <<SQL
SELECT CONCAT('$1.', d.code, ' ', COALESCE(c.n, 0), ' ', COALESCE(r.n, 0)) FROM $3 d
  LEFT JOIN (SELECT $2 AS id, COUNT(*) n FROM rc_created GROUP BY $2) c ON c.id = d.id
  LEFT JOIN (SELECT t.$2 AS id, COUNT(*) n FROM rc_ev e JOIN tickets t ON t.id = e.ticket_id
             WHERE e.left_backlog GROUP BY t.$2) r ON r.id = d.id
  WHERE c.n IS NOT NULL OR r.n IS NOT NULL;
SQL
}
# backlog NAME INSTANT
backlog() {
  cat <<SQL
SELECT CONCAT('volume.$1 ', COUNT(*)) FROM tickets t WHERE t.created_at < $2
  AND COALESCE((SELECT e.new_value FROM ticket_events e WHERE e.ticket_id = t.id
    AND e.kind = 'status' AND e.created_at < $2 ORDER BY e.id DESC LIMIT 1), 'new')
    NOT IN $DONE;
SQL
}
# the resolution's business seconds less the waits, for rc_resolved t
RES_BIZ="$(BIZ t.created_at t.resolved_at) - COALESCE((SELECT w.biz FROM rc_waits w WHERE w.ticket_id = t.id), 0)"
{
cat <<SQL
SET NAMES utf8mb4;
SET @from = '$FROM', @to = '$TO', @now = UTC_TIMESTAMP();
SET @end = LEAST(@to, @now);
CREATE OR REPLACE TABLE rc_created (PRIMARY KEY (id)) AS SELECT * FROM tickets WHERE created_at >= @from AND created_at < @to;
-- the status events of the period, with the status before each
CREATE OR REPLACE TABLE rc_ev AS
SELECT e.ticket_id, e.created_at,
  (e.new_value IN $DONE AND e.pv NOT IN $DONE) AS left_backlog,
  (e.new_value NOT IN $DONE AND e.pv IN $DONE) AS came_back
FROM (SELECT x.ticket_id, x.new_value, x.created_at,
        COALESCE(LAG(x.new_value) OVER (PARTITION BY x.ticket_id ORDER BY x.id), 'new') AS pv
      FROM ticket_events x WHERE x.kind = 'status' AND x.ticket_id IN
        (SELECT ticket_id FROM ticket_events WHERE kind = 'status'
           AND created_at >= @from AND created_at < @to)) e
WHERE e.created_at >= @from AND e.created_at < @to;
-- the tickets resolved (now) whose latest resolution is in the period
CREATE OR REPLACE TABLE rc_resolved (PRIMARY KEY (id)) AS SELECT * FROM tickets
  WHERE is_open = 0 AND resolved_at >= @from AND resolved_at < @to;
-- their statuses from each status event to the next, creation as 'new'
CREATE OR REPLACE TABLE rc_stretch (KEY (ticket_id)) AS
SELECT s.ticket_id, IF(s.v = 'closed', 'resolved', s.v) AS v, s.a,
  COALESCE(s.b, r.resolved_at) AS b, r.resolved_at, r.priority_id
FROM (SELECT q.ticket_id, q.v, q.a, LEAD(q.a) OVER (PARTITION BY q.ticket_id ORDER BY q.k, q.id) AS b
      FROM (SELECT t.id AS ticket_id, 'new' AS v, t.created_at AS a, 0 AS k, 0 AS id FROM rc_resolved t
            UNION ALL
            SELECT e.ticket_id, e.new_value, e.created_at, 1, e.id FROM ticket_events e
              JOIN rc_resolved t ON t.id = e.ticket_id WHERE e.kind = 'status') q) s
JOIN rc_resolved r ON r.id = s.ticket_id;
-- the business seconds of each ticket's waits before its resolution
CREATE OR REPLACE TABLE rc_waits (PRIMARY KEY (ticket_id)) AS
SELECT ticket_id, SUM($(BIZ a "LEAST(b, resolved_at)" priority_id)) AS biz FROM rc_stretch
  WHERE v IN $WAITING AND a < resolved_at GROUP BY ticket_id;
SELECT CONCAT('volume.created ', COUNT(*)) FROM rc_created;
SELECT CONCAT('volume.closed ', COALESCE(SUM(left_backlog), 0)) FROM rc_ev;
SELECT CONCAT('volume.reopened ', COALESCE(SUM(came_back), 0)) FROM rc_ev;
$(backlog backlog_start @from)
$(backlog backlog_end @end)
$(times first_response.wall "$(E t.first_responded_at) - $(E t.created_at)" \
  "FROM tickets t WHERE t.first_responded_at >= @from AND t.first_responded_at < @to")
$(times first_response.biz "$(BIZ t.created_at t.first_responded_at)" \
  "FROM tickets t WHERE t.first_responded_at >= @from AND t.first_responded_at < @to")
$(times resolution.wall "$(E t.resolved_at) - $(E t.created_at)" "FROM rc_resolved t")
$(times resolution.biz "$RES_BIZ" "FROM rc_resolved t")
SQL
# the clocks; classification stops when the ticket first leaves 'new'
CLASSIFIED="COALESCE((SELECT e.created_at FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'status' AND e.new_value <> 'new' ORDER BY e.id LIMIT 1), IF(t.status <> 'new', t.created_at, NULL), IF(t.is_open = 0, t.resolved_at, NULL))"
sla first_response "p.first_response > 0" t.first_response_due_at \
  "COALESCE(t.first_responded_at, IF(t.is_open = 0, t.resolved_at, NULL))"
sla resolution "COALESCE(p.resolution, 0) > 0" t.resolution_due_at "IF(t.is_open = 0, t.resolved_at, NULL)"
sla classify "t.classify_due_at IS NOT NULL" t.classify_due_at "$CLASSIFIED"
sla accept "(t.accept_due_at IS NOT NULL OR t.accepted_at IS NOT NULL)" t.accept_due_at \
  "COALESCE(t.accepted_at, IF(t.is_open = 0, t.resolved_at, NULL))"
# the R&D answer: the first escalation answered late or not at all, else the latest
cat <<SQL
CREATE OR REPLACE TABLE rc_answer AS
SELECT x.ticket_id, x.answer_due_at AS due, x.answered_at AS stop FROM
  (SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.ticket_id
     ORDER BY (e.answered_at IS NULL OR e.answered_at > e.answer_due_at) DESC,
              IF(e.answered_at IS NULL OR e.answered_at > e.answer_due_at, e.id, -e.id)) rn
   FROM ticket_escalations e JOIN rc_created t ON t.id = e.ticket_id) x WHERE x.rn = 1;
SELECT CONCAT('sla.answer.cur ',
  COALESCE(SUM(stop IS NOT NULL AND stop <= due), 0), ' ',
  COALESCE(SUM(COALESCE(stop, @now) > due), 0), ' ', COALESCE(SUM(stop IS NULL AND due >= @now), 0))
  FROM rc_answer;
-- the update cadence: after each public reply made while the ticket was in
-- the backlog, the next is due by the priority's cadence; the clock stops at
-- the next reply or when the ticket leaves the backlog, whichever is first;
-- the clock counted is the first that stopped late or is still running,
-- else the latest
CREATE OR REPLACE TABLE rc_replies AS
SELECT r.ticket_id, r.id, r.created_at AS at, t.priority_id,
  LEAD(r.created_at) OVER (PARTITION BY r.ticket_id ORDER BY r.id) AS next_at,
  COALESCE((SELECT e.new_value FROM ticket_events e WHERE e.ticket_id = r.ticket_id AND e.kind = 'status'
     AND e.id < r.id ORDER BY e.id DESC LIMIT 1), 'new') NOT IN $DONE AS in_backlog,
  (SELECT MIN(e.created_at) FROM ticket_events e WHERE e.ticket_id = r.ticket_id AND e.kind = 'status'
     AND e.id > r.id AND e.new_value IN $DONE) AS left_at
FROM ticket_events r JOIN rc_created t ON t.id = r.ticket_id
WHERE r.kind = 'reply' AND r.visibility = 'public';
CREATE OR REPLACE TABLE rc_update AS
SELECT c.ticket_id, c.due, c.stop FROM
  (SELECT u.*, ROW_NUMBER() OVER (PARTITION BY u.ticket_id
     ORDER BY (u.stop IS NULL OR u.stop > u.due) DESC,
              IF(u.stop IS NULL OR u.stop > u.due, u.id, -u.id)) rn
   FROM (SELECT q.ticket_id, q.id, $(NU q.at q.priority_id) AS due,
           CASE WHEN q.next_at IS NULL THEN q.left_at WHEN q.left_at IS NULL THEN q.next_at
                ELSE LEAST(q.next_at, q.left_at) END AS stop
         FROM rc_replies q WHERE q.in_backlog) u WHERE u.due IS NOT NULL) c WHERE c.rn = 1;
SELECT CONCAT('sla.update.cur ',
  COALESCE(SUM(stop IS NOT NULL AND stop <= due), 0), ' ',
  COALESCE(SUM(COALESCE(stop, @now) > due), 0), ' ', COALESCE(SUM(stop IS NULL AND due >= @now), 0))
  FROM rc_update;
-- per local day
SELECT CONCAT('daily.', d.day, ' ', COALESCE(c.n, 0), ' ', COALESCE(r.n, 0))
FROM (SELECT DATE('$FIRST') + INTERVAL seq DAY AS day FROM seq_0_to_400 WHERE seq < $DAYS) d
LEFT JOIN (SELECT $(DAY created_at) AS day, COUNT(*) n FROM rc_created GROUP BY 1) c ON c.day = d.day
LEFT JOIN (SELECT $(DAY created_at) AS day, COUNT(*) n FROM rc_ev WHERE left_backlog GROUP BY 1) r
  ON r.day = d.day;
$(dim category category_id categories)
$(dim priority priority_id priorities)
$(dim channel channel_id channels)
$(dim team team_id teams)
-- time in each status until the latest resolution, over the tickets resolved
-- in the period: those a minute or more in it, and the seconds in all
SELECT CONCAT('status.', s.code, ' ', COALESCE(SUM(x.secs >= 60), 0), ' ', COALESCE(SUM(x.secs), 0))
FROM (SELECT 'new' AS code UNION ALL SELECT 'classified' UNION ALL SELECT 'assigned'
      UNION ALL SELECT 'accepted' UNION ALL SELECT 'in_progress' UNION ALL SELECT 'waiting_customer'
      UNION ALL SELECT 'waiting_third_party' UNION ALL SELECT 'solution_proposed'
      UNION ALL SELECT 'in_execution' UNION ALL SELECT 'resolved') s
LEFT JOIN (SELECT ticket_id, v, SUM(GREATEST(0, $(E "LEAST(b, resolved_at)") - $(E a))) AS secs
           FROM rc_stretch WHERE a < resolved_at GROUP BY ticket_id, v) x ON x.v = s.code
GROUP BY s.code;
DROP TABLE rc_created, rc_ev, rc_resolved, rc_stretch, rc_waits, rc_answer, rc_replies, rc_update;
SQL
} | mariadb --no-defaults --socket="$SOCK" -uroot -N desk
