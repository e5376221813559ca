#!/usr/bin/env bash
# Fills a desk database with N synthetic tickets for the queue benchmarks:
# 5 % open (spread over the teams, a fifth unassigned, the rest owned by the
# demo people), the rest closed (owned by the demo people, first answered
# and resolved after times that vary with the priority, some past their
# dues), 20,000 customers, six products, the five fault kinds, and one
# history row each (tests/bench/gen_history.sh adds the rest of a realistic
# history). Uses MariaDB's SEQUENCE engine, so 1,000,000 tickets take a
# minute or two. One ticket every SPACING seconds (default 30, from 400 days
# ago; with SPACING given, the last ticket is created 15 days ago).
#   tests/bench/gen_tickets.sh SOCKET N [SPACING]
set -euo pipefail
SOCK=$1
N=$2
SP=${3:-30}
if [ -n "${3:-}" ]; then START="UTC_TIMESTAMP() - INTERVAL ($N * $SP + 15 * 86400) SECOND"
else START="UTC_TIMESTAMP() - INTERVAL 400 DAY"; fi
C=20000
# a pseudo-random number per ticket, the first response (by priority: urgent,
# important, general, low) and the resolution after it, in seconds
H="(seq * 2654435761 % 1000003)"
FR="ELT(1 + seq % 4, 60 + $H % 1500, 300 + $H % 9000, 600 + $H % 110000, 900 + $H % 200000)"
RES="(7200 + $H * 7 % 500000)"
mariadb --no-defaults --socket="$SOCK" -uroot desk <<SQL
SET SESSION unique_checks = 0;
SET SESSION foreign_key_checks = 0;
INSERT INTO customers (name, language, created_at)
  SELECT CONCAT('压测客户 ', seq), 'zh', UTC_TIMESTAMP() FROM seq_1_to_$C;
SET @c0 = (SELECT MAX(id) FROM customers) - $C;
SET @t0 = $START;
SET @off = (SELECT COUNT(*) FROM tickets WHERE number LIKE 'B%');
INSERT INTO tickets (number, follow_hash, status, is_open, channel_id, category_id,
  priority_id, customer_id, contact_name, subject, description, product, nature, team_id,
  owner_id, created_at, updated_at, classify_due_at, first_response_due_at,
  first_responded_at, resolution_due_at, resolved_at, closed_at, next_due_at, accept_due_at,
  accepted_at)
SELECT CONCAT('B', LPAD(@off + seq, 9, '0')),
  UNHEX(SHA2(CONCAT('bench', @off + seq), 256)),
  IF(seq % 20 = 0, ELT(1 + seq % 4, 'new', 'accepted', 'in_progress', 'waiting_customer'), 'closed'),
  IF(seq % 20 = 0, 1, 0),
  1 + seq % 7, 1 + seq % 4, 1 + seq % 4, @c0 + 1 + seq % $C,
  CONCAT('联系人', seq % 997),
  CONCAT('压测工单 ', seq, ' ', ELT(1 + (seq DIV 7) % 8, '报表导出失败', '登录超时', '打印机无法连接',
    '库存数量不一致', '凭证过账报错', '审批流程卡住', '接口同步失败', '系统运行缓慢')),
  '批量生成的测试数据',
  ELT(1 + (seq DIV 3) % 6, 'ERP 财务', 'CRM 客户', 'MES 生产', 'WMS 仓储', 'OA 办公', 'BI 报表'),
  ELT(1 + (seq DIV 5) % 5, 'functional', 'performance', 'compatibility', 'usage', 'question'),
  1 + seq % 4,
  IF(seq % 20 = 0, IF(seq % 100 <> 0, ELT(1 + (seq DIV 20) % 5, 1, 2, 3, 4, 5), NULL),
     1 + (seq DIV 11) % 5),
  @t0 + INTERVAL (seq * $SP) SECOND, @t0 + INTERVAL (seq * $SP) SECOND,
  @t0 + INTERVAL (seq * $SP + 7200) SECOND,
  @t0 + INTERVAL (seq * $SP + ELT(1 + seq % 4, 900, 7200, 86400, 172800)) SECOND,
  IF(seq % 20 = 0, NULL, @t0 + INTERVAL (seq * $SP + $FR) SECOND),
  @t0 + INTERVAL (seq * $SP + ELT(1 + seq % 4, 14400, 86400, 259200, 432000)) SECOND,
  IF(seq % 20 = 0, NULL, @t0 + INTERVAL (seq * $SP + $FR + $RES) SECOND),
  IF(seq % 20 = 0, NULL, @t0 + INTERVAL (seq * $SP + $FR + $RES + 86400) SECOND),
  IF(seq % 20 = 0, @t0 + INTERVAL (seq * $SP + 86400) SECOND, '9999-12-31'),
  IF(seq % 20 = 0, NULL, @t0 + INTERVAL (seq * $SP + 930) SECOND),
  IF(seq % 20 = 0, NULL, @t0 + INTERVAL (seq * $SP + 40 + $H % 20) SECOND)
FROM seq_1_to_$N;
INSERT INTO ticket_events (ticket_id, kind, visibility, actor_type, actor_name, field,
  new_value, created_at)
SELECT id, 'created', 'public', 'customer', contact_name, 'status', 'new', created_at
  FROM tickets WHERE number LIKE 'B%' AND id > (SELECT COALESCE(MAX(ticket_id), 0) FROM ticket_events);
ANALYZE TABLE tickets, ticket_events, customers;
SQL
