-- Temporary workarounds (临时解决方案): what an agent sent the customer while
-- the final fix takes longer (measures, compensation, when the fix is
-- expected), and the "workaround within 1 working day" clock on the ticket:
-- its due and warning instants (set when the ticket matches the
-- Workaround.* rule, counted in business time from intake on the ticket's
-- calendar) and the moment the first workaround stopped it.

CREATE TABLE ticket_workarounds (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  sent_by BIGINT UNSIGNED NOT NULL,
  event_id BIGINT UNSIGNED NOT NULL,
  measures TEXT NOT NULL,
  compensation TEXT NULL,
  fix_expected_at DATETIME NULL,
  created_at DATETIME NOT NULL,
  KEY ix_workarounds_ticket (ticket_id, id),
  CONSTRAINT fk_workarounds_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_workarounds_by FOREIGN KEY (sent_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE tickets
  ADD COLUMN workaround_due_at DATETIME NULL AFTER escalation_due_at,
  ADD COLUMN workaround_warn_at DATETIME NULL AFTER workaround_due_at,
  ADD COLUMN workaround_sent_at DATETIME NULL AFTER workaround_warn_at;
