#!/usr/bin/env bash
# Writes the statistics' rows (ticket_facts, ticket_spans, ticket_quality,
# ticket_transfers, ticket_terms) of the synthetic tickets of
# tests/bench/gen_tickets.sh + gen_history.sh in a few INSERT ... SELECT,
# the same rows `deskctl stats-rebuild` writes through the desk's own code
# (lib/desk/stats/facts.c, quality.c) at about 150 tickets a second, which
# would take hours at 1,000,000. The SQL below mirrors that code for this
# generator's histories only, on the dev catalogue (conf/dev: urgent on the
# 7x24 calendar, the others on the 5x8 one, 09:00-12:00 and 13:30-18:00
# Monday to Friday in Asia/Shanghai, no holidays):
#   business seconds   B(b) - B(a), B the working seconds since the epoch
#   update cadence     the next update due after a public reply: urgent 2 h,
#                      important 4 working hours, general 17:00 of the next
#                      working day, low none
# `tests/bench/reports.sh --check-generator` writes the rows of a small
# database both ways and fails on any difference.
#   tests/bench/gen_facts.sh SOCKET
set -euo pipefail
SOCK=$1
H="(t.id * 2654435761 % 1000003)"
. "$(dirname "$0")/bizsql.sh"
FR="t.first_responded_at"
R="IF(t.is_open = 1, NULL, t.resolved_at)"
REO="(t.is_open = 0 AND t.id % 20 = 7)"
WT="(t.is_open = 0 AND t.id % 5 = 1)"
TWO="(t.is_open = 0 AND t.id % 3 = 0)"
PF="($FR + INTERVAL 600 SECOND)"
PT="($FR + INTERVAL (1200 + $H % 3000) SECOND)"
WAIT="IF($WT, 600 + $H % 3000, 0)"
STOP1="IF($REO, $FR + INTERVAL 1800 SECOND, IF($TWO, $FR + INTERVAL 5400 SECOND, t.resolved_at))"
NU1="$(NU "$FR")"
NU2="$(NU "($FR + INTERVAL 5400 SECOND)")"
UPD_SECOND="($TWO AND $STOP1 <= $NU1)"
UPD="(t.is_open = 0 AND t.priority_id <> 4)"
ESC="(t.is_open = 0 AND t.id % 50 = 9)"
SPAN1_END="IF(t.is_open = 1, NULL, IF($REO, $FR + INTERVAL 1800 SECOND, t.resolved_at))"
BT="FROM tickets t JOIN priorities p ON p.id = t.priority_id LEFT JOIN stats_products sp ON sp.name = t.product WHERE t.number LIKE 'B%'"
DIMS="COALESCE(t.team_id, 0), t.category_id, t.priority_id, t.channel_id, COALESCE(sp.id, 0), COALESCE(t.organisation_id, 0), t.customer_id, COALESCE(t.owner_id, 0)"
mariadb --no-defaults --socket="$SOCK" -uroot desk <<SQL
SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci;
SET SESSION unique_checks = 0;
SET SESSION foreign_key_checks = 0;
INSERT IGNORE INTO stats_products (name)
  SELECT DISTINCT product FROM tickets WHERE number LIKE 'B%' AND product <> '';
INSERT INTO ticket_facts (ticket_id, team_id, category_id, priority_id, channel_id,
  product_id, organisation_id, customer_id, owner_id, created_at, created_day,
  first_responded_at, first_response_s, first_response_biz_s, resolved_at, resolution_s,
  resolution_biz_s, reopens, has_first_response_sla, first_response_due_at,
  has_resolution_sla, resolution_due_at, resolution_stopped_at, has_classify_sla,
  classify_due_at, classify_stopped_at, has_accept_sla, accept_due_at, accept_stopped_at,
  has_update_sla, update_due_at, update_stopped_at, has_answer_sla, answer_due_at,
  answer_stopped_at, s_new, s_classified, s_assigned, s_accepted, s_in_progress,
  s_waiting_customer, s_waiting_third_party, s_solution_proposed, s_in_execution, s_resolved)
SELECT t.id, $DIMS, t.created_at, $(DAY t.created_at),
  $FR, $(E "$FR") - $(E t.created_at), $(BIZ t.created_at "$FR"),
  $R, $(E "$R") - $(E t.created_at),
  $(BIZ t.created_at "$R") - IF($WT, $(BIZ "$PF" "$PT"), 0),
  IF($REO, 1, 0), COALESCE(p.first_response, 0) > 0, t.first_response_due_at,
  COALESCE(p.resolution, 0) > 0, t.resolution_due_at, $R,
  t.classify_due_at IS NOT NULL, t.classify_due_at,
  IF(t.status <> 'new', t.created_at + INTERVAL 20 SECOND, $R),
  t.accept_due_at IS NOT NULL OR t.accepted_at IS NOT NULL, t.accept_due_at,
  COALESCE(t.accepted_at, $R),
  $UPD, IF($UPD, IF($UPD_SECOND, $NU2, $NU1), NULL),
  IF($UPD, IF($UPD_SECOND, t.resolved_at, $STOP1), NULL),
  $ESC, IF($ESC, $FR + INTERVAL 86700 SECOND, NULL),
  IF($ESC, $FR + INTERVAL (600 + $H % 150000) SECOND, NULL),
  IF(t.is_open = 1, 0, 20), IF(t.is_open = 1, 0, 10),
  IF(t.is_open = 1, 0, $(E t.accepted_at) - $(E t.created_at) - 30),
  IF(t.is_open = 1, 0, $(E "$FR") - $(E t.accepted_at)),
  IF(t.is_open = 1, 0, $(E t.resolved_at) - $(E "$FR") - $WAIT - IF($REO, 1800, 0)),
  $WAIT, 0, 0, 0, IF($REO, 1800, 0)
$BT;
INSERT INTO ticket_spans (ticket_id, seq, team_id, category_id, priority_id, channel_id,
  product_id, organisation_id, customer_id, owner_id, opened_at, opened_day, closed_at,
  closed_day)
SELECT t.id, 1, $DIMS, t.created_at, $(DAY t.created_at), $SPAN1_END, $(DAY "$SPAN1_END") $BT;
INSERT INTO ticket_spans (ticket_id, seq, team_id, category_id, priority_id, channel_id,
  product_id, organisation_id, customer_id, owner_id, opened_at, opened_day, closed_at,
  closed_day)
SELECT t.id, 2, $DIMS, $FR + INTERVAL 3600 SECOND, $(DAY "$FR + INTERVAL 3600 SECOND"),
  t.resolved_at, $(DAY t.resolved_at) $BT AND $REO;
INSERT INTO ticket_quality (ticket_id, team_id, category_id, priority_id, channel_id,
  customer_id, organisation_id, product, nature, created_at, resolved_at, closed_at,
  reassignments, hand_backs, escalations, transfers, collaborators, surveyed,
  score_resolution, score_speed, score_attitude, subject_crc)
SELECT t.id, COALESCE(t.team_id, 0), t.category_id, t.priority_id, t.channel_id, t.customer_id,
  COALESCE(t.organisation_id, 0), TRIM(t.product), COALESCE(t.nature, ''), t.created_at, $R,
  IF(t.status = 'closed', t.closed_at, NULL),
  t.is_open = 0 AND t.id % 10 = 3, t.is_open = 0 AND t.id % 25 = 4, $ESC,
  t.is_open = 0 AND t.id % 10 = 3, t.is_open = 0 AND t.id % 15 = 2, s.ticket_id IS NOT NULL,
  COALESCE(s.resolution_score, 0), COALESCE(s.speed_score, 0), COALESCE(s.attitude_score, 0),
  CRC32(t.subject)
FROM tickets t LEFT JOIN surveys s ON s.ticket_id = t.id WHERE t.number LIKE 'B%';
INSERT INTO ticket_transfers (ticket_id, seq, from_team_id, to_team_id, moved_at, created_at,
  team_id, category_id, priority_id, channel_id)
SELECT m.ticket_id, 1, m.from_team_id, m.to_team_id, m.moved_at, t.created_at, t.team_id,
  t.category_id, t.priority_id, t.channel_id
FROM ticket_team_moves m JOIN tickets t ON t.id = m.ticket_id
WHERE t.number LIKE 'B%' AND m.from_team_id IS NOT NULL AND m.to_team_id IS NOT NULL;
-- the terms of the generator's subjects, as lib/desk/stats/terms.c cuts them
CREATE TEMPORARY TABLE bench_terms (phrase VARCHAR(32) COLLATE utf8mb4_unicode_ci, term VARCHAR(32) COLLATE utf8mb4_bin)
  DEFAULT CHARSET=utf8mb4;
INSERT INTO bench_terms VALUES
  ('', '压测'), ('', '测工'), ('', '工单'),
  ('报表导出失败', '报表'), ('报表导出失败', '表导'), ('报表导出失败', '导出'),
  ('报表导出失败', '出失'), ('报表导出失败', '失败'),
  ('登录超时', '登录'), ('登录超时', '录超'), ('登录超时', '超时'),
  ('打印机无法连接', '打印'), ('打印机无法连接', '印机'), ('打印机无法连接', '机无'),
  ('打印机无法连接', '无法'), ('打印机无法连接', '法连'), ('打印机无法连接', '连接'),
  ('库存数量不一致', '库存'), ('库存数量不一致', '存数'), ('库存数量不一致', '数量'),
  ('凭证过账报错', '凭证'), ('凭证过账报错', '账报'), ('凭证过账报错', '报错'),
  ('审批流程卡住', '审批'), ('审批流程卡住', '批流'), ('审批流程卡住', '流程'),
  ('审批流程卡住', '程卡'), ('审批流程卡住', '卡住'),
  ('接口同步失败', '接口'), ('接口同步失败', '口同'), ('接口同步失败', '同步'),
  ('接口同步失败', '步失'), ('接口同步失败', '失败'),
  ('系统运行缓慢', '系统'), ('系统运行缓慢', '统运'), ('系统运行缓慢', '运行'),
  ('系统运行缓慢', '行缓'), ('系统运行缓慢', '缓慢');
INSERT INTO ticket_terms (ticket_id, term, created_at, team_id, category_id, priority_id,
  channel_id)
SELECT t.id, b.term, t.created_at, COALESCE(t.team_id, 0), t.category_id, t.priority_id,
  t.channel_id
FROM tickets t JOIN bench_terms b ON b.phrase IN ('', SUBSTRING_INDEX(t.subject, ' ', -1))
WHERE t.number LIKE 'B%';
ANALYZE TABLE ticket_facts, ticket_spans, ticket_quality, ticket_transfers, ticket_terms;
SQL
