-- Satisfaction survey (满意度回访, SPEC §7): one answer per ticket, given by
-- the customer on the portal or taken by phone by someone other than the
-- handler.
CREATE TABLE surveys (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  resolution_score TINYINT UNSIGNED NOT NULL,
  speed_score TINYINT UNSIGNED NOT NULL,
  attitude_score TINYINT UNSIGNED NOT NULL,
  suggestions TEXT NULL,
  unmet_needs TEXT NULL,
  channel ENUM('portal','phone') NOT NULL,
  recorded_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_surveys_ticket (ticket_id),
  KEY ix_surveys_created (created_at),
  CONSTRAINT fk_surveys_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_surveys_agent FOREIGN KEY (recorded_by) REFERENCES agents (id),
  CONSTRAINT ck_surveys_scores CHECK (resolution_score BETWEEN 1 AND 5
    AND speed_score BETWEEN 1 AND 5 AND attitude_score BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
