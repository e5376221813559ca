#!/usr/bin/env bash
# Gives the synthetic tickets of tests/bench/gen_tickets.sh the history the
# desk itself would have written, for the statistics benchmark
# (tests/bench/reports.sh). The rows are those the desk's own code writes
# (ticket_events kinds and values as in lib/desk/ticket/, the team-move
# trigger of the tickets table, surveys, escalations, collaborators); the
# statistics' fact rows are then written by `deskctl stats-rebuild`, the
# desk's own code, so the figures are those the desk computes.
#
# A closed ticket: classified, assigned to its owner, accepted, in progress
# at its first reply (the first response), a second public reply for a
# third of them, a wait on the customer for a fifth, resolved, closed a day
# later. Of the closed tickets: 1 in 20 resolved once, reopened and
# resolved again; 1 in 10 reassigned to another owner and moved to another
# team; 1 in 25 handed back; 1 in 50 escalated to R&D (answered, some
# late); 1 in 15 with a collaborator; 3 in 10 with a survey answered. An
# open ticket: the status events up to its current status.
# Each stage is one INSERT in time order, so a ticket's events have ids in
# the order of their times (the desk reads a history by id).
#   tests/bench/gen_history.sh SOCKET
set -euo pipefail
SOCK=$1
H="(t.id * 2654435761 % 1000003)"
CLOSED="FROM tickets t WHERE t.number LIKE 'B%' AND t.is_open = 0"
OPEN="FROM tickets t WHERE t.number LIKE 'B%' AND t.is_open = 1"
FR="t.first_responded_at"
# stage NAME KIND NEW_VALUE AT WHERE [VISIBILITY ACTOR_TYPE]
ev() {
  local kind=$1 value=$2 at=$3 where=$4 vis=${5:-public} actor=${6:-agent}
  echo "INSERT INTO ticket_events (ticket_id, kind, visibility, actor_type, actor_agent_id,"
  echo "  actor_name, field, new_value, body, created_at)"
  echo "SELECT t.id, '$kind', '$vis', '$actor', IF('$actor' = 'agent', t.owner_id, NULL),"
  echo "  IF('$actor' = 'agent', '工程师', '客户'), $( [ "$kind" = status ] && echo "'status'" || echo NULL),"
  echo "  $value, $( [ "$kind" = reply ] && echo "'您好，问题已收到，正在处理。'" || echo NULL), $at $where;"
}
{
  echo "SET SESSION unique_checks = 0; SET SESSION foreign_key_checks = 0;"
  # closed tickets, in time order
  ev status "'classified'" "t.created_at + INTERVAL 20 SECOND" "$CLOSED"
  ev assign "(SELECT a.name FROM agents a WHERE a.id = t.owner_id)" "t.created_at + INTERVAL 30 SECOND" "$CLOSED"
  ev status "'assigned'" "t.created_at + INTERVAL 30 SECOND" "$CLOSED"
  ev status "'accepted'" "t.accepted_at" "$CLOSED"
  ev status "'in_progress'" "$FR" "$CLOSED"
  ev reply "NULL" "$FR" "$CLOSED"
  ev assign "(SELECT a.name FROM agents a WHERE a.id = 1 + t.owner_id % 5)" "$FR + INTERVAL 60 SECOND" "$CLOSED AND t.id % 10 = 3"
  ev hand_back "NULL" "$FR + INTERVAL 120 SECOND" "$CLOSED AND t.id % 25 = 4"
  ev escalation "NULL" "$FR + INTERVAL 300 SECOND" "$CLOSED AND t.id % 50 = 9"
  ev status "'waiting_customer'" "$FR + INTERVAL 600 SECOND" "$CLOSED AND t.id % 5 = 1"
  ev status "'in_progress'" "$FR + INTERVAL (1200 + $H % 3000) SECOND" "$CLOSED AND t.id % 5 = 1" public customer
  ev status "'resolved'" "$FR + INTERVAL 1800 SECOND" "$CLOSED AND t.id % 20 = 7"
  ev status "'in_progress'" "$FR + INTERVAL 3600 SECOND" "$CLOSED AND t.id % 20 = 7" public customer
  ev reply "NULL" "$FR + INTERVAL 5400 SECOND" "$CLOSED AND t.id % 3 = 0"
  ev status "'resolved'" "t.resolved_at" "$CLOSED"
  ev status "'closed'" "t.closed_at" "$CLOSED" public system
  # open tickets
  ev status "'classified'" "t.created_at + INTERVAL 20 SECOND" "$OPEN AND t.status <> 'new'"
  ev status "'accepted'" "t.created_at + INTERVAL 40 SECOND" "$OPEN AND t.status <> 'new'"
  ev status "'in_progress'" "t.created_at + INTERVAL 600 SECOND" "$OPEN AND t.status IN ('in_progress', 'waiting_customer')"
  ev status "'waiting_customer'" "t.created_at + INTERVAL 1200 SECOND" "$OPEN AND t.status = 'waiting_customer'"
  cat <<SQL
INSERT INTO ticket_escalations (ticket_id, requested_by, reason, impact, answer_due_at,
  answered_at, answered_by, answer, created_at)
SELECT t.id, t.owner_id, '需要研发确认', '客户无法继续使用', $FR + INTERVAL 86700 SECOND,
  $FR + INTERVAL (600 + $H % 150000) SECOND, 5, '已确认，补丁随下个版本发布',
  $FR + INTERVAL 300 SECOND $CLOSED AND t.id % 50 = 9;
INSERT INTO ticket_collaborators (ticket_id, agent_id, role, added_at)
SELECT t.id, 1 + (t.owner_id + 1) % 5, '协助排查', $FR + INTERVAL 200 SECOND
  $CLOSED AND t.id % 15 = 2;
INSERT INTO surveys (ticket_id, resolution_score, speed_score, attitude_score, suggestions,
  unmet_needs, channel, created_at)
SELECT t.id, ELT(1 + $H % 10, 5, 5, 5, 4, 4, 4, 3, 3, 2, 1),
  ELT(1 + $H DIV 10 % 10, 5, 5, 4, 4, 4, 3, 3, 3, 2, 1),
  ELT(1 + $H DIV 100 % 10, 5, 5, 5, 5, 4, 4, 4, 3, 2, 1),
  IF($H % 7 = 0, '希望响应再快一些', NULL), IF($H % 9 = 0, '需要上门培训', NULL), 'portal',
  t.resolved_at + INTERVAL 3600 SECOND $CLOSED AND t.id % 10 IN (1, 2, 5);
-- reassignments move the ticket to another team: the tickets table's
-- trigger records the move at updated_at
UPDATE tickets t SET t.team_id = 1 + t.team_id % 4,
  t.updated_at = $FR + INTERVAL 60 SECOND
  WHERE t.number LIKE 'B%' AND t.is_open = 0 AND t.id % 10 = 3;
UPDATE tickets t SET t.updated_at = t.closed_at
  WHERE t.number LIKE 'B%' AND t.is_open = 0 AND t.id % 10 = 3;
ANALYZE TABLE ticket_events, ticket_team_moves, surveys;
SQL
} | mariadb --no-defaults --socket="$SOCK" -uroot desk
