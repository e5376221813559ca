-- SLA clocks (issue 4): warning instants, the paused resolution clock,
-- progress-update cadence, and the alerts the scheduler raised. Each alert
-- is a row keyed by (ticket, kind, due instant): raising it twice, from a
-- restarted or a second scheduler, is refused by the key.

ALTER TABLE tickets
  ADD COLUMN first_response_warn_at DATETIME NULL AFTER first_response_due_at,
  ADD COLUMN resolution_warn_at DATETIME NULL AFTER resolution_due_at,
  ADD COLUMN resolution_paused_at DATETIME NULL AFTER resolution_warn_at,
  ADD COLUMN resolution_left_minutes INT UNSIGNED NULL AFTER resolution_paused_at,
  ADD COLUMN next_update_due_at DATETIME NULL AFTER resolution_left_minutes,
  ADD COLUMN next_alert_at DATETIME NULL AFTER next_due_at,
  ADD KEY ix_tickets_next_alert (next_alert_at);

-- Overrides of a priority's targets for a category or a customer tag (VIP).
CREATE TABLE sla_policies (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  priority_id BIGINT UNSIGNED NOT NULL,
  category_id BIGINT UNSIGNED NULL,
  tag_id BIGINT UNSIGNED NULL,
  calendar_id BIGINT UNSIGNED NULL,
  first_response_minutes INT UNSIGNED NULL,
  resolution_minutes INT UNSIGNED NULL,
  update_interval_minutes INT UNSIGNED NULL,
  warning_percent TINYINT UNSIGNED NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  KEY ix_sla_policies_priority (priority_id),
  CONSTRAINT fk_sla_priority FOREIGN KEY (priority_id) REFERENCES priorities (id),
  CONSTRAINT fk_sla_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_sla_tag FOREIGN KEY (tag_id) REFERENCES tags (id),
  CONSTRAINT fk_sla_calendar FOREIGN KEY (calendar_id) REFERENCES business_calendars (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sla_alerts (
  ticket_id BIGINT UNSIGNED NOT NULL,
  kind VARCHAR(40) NOT NULL,
  due_at DATETIME NOT NULL,
  raised_at DATETIME NOT NULL,
  PRIMARY KEY (ticket_id, kind, due_at),
  KEY ix_sla_alerts_kind (kind, raised_at),
  CONSTRAINT fk_sla_alerts_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
