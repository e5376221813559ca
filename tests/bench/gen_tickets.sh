#!/usr/bin/env bash
# Fills a desk database with N synthetic tickets for the queue benchmarks:
# 5 % open (spread over the teams, a fifth unassigned, the rest owned by the
# demo people), the rest closed, 20,000 customers, and history rows. Uses
# MariaDB's SEQUENCE engine, so 1,000,000 tickets take a minute or two.
#   tests/bench/gen_tickets.sh SOCKET N
set -euo pipefail
SOCK=$1
N=$2
C=20000
mariadb --no-defaults --socket="$SOCK" -uroot desk <<SQL
SET SESSION unique_checks = 0;
SET SESSION foreign_key_checks = 0;
INSERT INTO customers (name, language, created_at)
  SELECT CONCAT('压测客户 ', seq), 'zh', UTC_TIMESTAMP() FROM seq_1_to_$C;
SET @c0 = (SELECT MAX(id) FROM customers) - $C;
SET @t0 = UTC_TIMESTAMP() - INTERVAL 400 DAY;
SET @off = (SELECT COUNT(*) FROM tickets WHERE number LIKE 'B%');
INSERT INTO tickets (number, follow_hash, status, is_open, channel_id, category_id,
  priority_id, customer_id, contact_name, subject, description, team_id, owner_id,
  created_at, updated_at, classify_due_at, first_response_due_at, first_responded_at,
  resolution_due_at, resolved_at, closed_at, next_due_at)
SELECT CONCAT('B', LPAD(@off + seq, 9, '0')),
  UNHEX(SHA2(CONCAT('bench', @off + seq), 256)),
  IF(seq % 20 = 0, ELT(1 + seq % 4, 'new', 'accepted', 'in_progress', 'waiting_customer'), 'closed'),
  IF(seq % 20 = 0, 1, 0),
  1 + seq % 7, 1 + seq % 4, 1 + seq % 4, @c0 + 1 + seq % $C,
  CONCAT('联系人', seq % 997), CONCAT('压测工单 ', seq, ' 报表导出失败'), '批量生成的测试数据',
  1 + seq % 4,
  IF(seq % 20 = 0 AND seq % 100 <> 0, ELT(1 + (seq DIV 20) % 5, 1, 2, 3, 4, 5), NULL),
  @t0 + INTERVAL (seq * 30) SECOND, @t0 + INTERVAL (seq * 30) SECOND,
  @t0 + INTERVAL (seq * 30 + 7200) SECOND, @t0 + INTERVAL (seq * 30 + 86400) SECOND,
  IF(seq % 20 = 0, NULL, @t0 + INTERVAL (seq * 30 + 3600) SECOND),
  @t0 + INTERVAL (seq * 30 + 259200) SECOND,
  IF(seq % 20 = 0, NULL, @t0 + INTERVAL (seq * 30 + 86400) SECOND),
  IF(seq % 20 = 0, NULL, @t0 + INTERVAL (seq * 30 + 90000) SECOND),
  IF(seq % 20 = 0, @t0 + INTERVAL (seq * 30 + 86400) SECOND, '9999-12-31')
FROM seq_1_to_$N;
INSERT INTO ticket_events (ticket_id, kind, visibility, actor_type, actor_name, field,
  new_value, created_at)
SELECT id, 'created', 'public', 'customer', contact_name, 'status', 'new', created_at
  FROM tickets WHERE number LIKE 'B%' AND id > (SELECT COALESCE(MAX(ticket_id), 0) FROM ticket_events);
ANALYZE TABLE tickets, ticket_events, customers;
SQL
