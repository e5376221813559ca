-- Escalation to R&D (问题升级申请单, SPEC §4): reason, impact scope and the
-- expected resolution time; R&D answers with a plan within 4 business hours
-- (SLA.EscalationMinutes), watched by the scheduler like any other clock.

CREATE TABLE ticket_escalations (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  requested_by BIGINT UNSIGNED NOT NULL,
  reason TEXT NOT NULL,
  impact TEXT NOT NULL,
  expected_at DATETIME NULL,
  answer_due_at DATETIME NOT NULL,
  answered_at DATETIME NULL,
  answered_by BIGINT UNSIGNED NULL,
  answer TEXT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_escalations_ticket (ticket_id, id),
  KEY ix_escalations_open (answered_at, answer_due_at),
  CONSTRAINT fk_escalations_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_escalations_by FOREIGN KEY (requested_by) REFERENCES agents (id),
  CONSTRAINT fk_escalations_answerer FOREIGN KEY (answered_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The open escalation's answer deadline, one of the ticket's clocks.
ALTER TABLE tickets ADD COLUMN escalation_due_at DATETIME NULL AFTER next_update_due_at;
