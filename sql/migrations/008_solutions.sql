-- Solution confirmation (方案确认, SPEC §4): the proposal sent to the
-- customer (steps, expected result, risks, how it is delivered) and their
-- written confirmation: who, when, from where, and the exact text they
-- confirmed, kept unchanged.
CREATE TABLE ticket_solutions (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  proposed_by BIGINT UNSIGNED NOT NULL,
  delivery ENUM('remote','onsite','documentation','patch') NOT NULL,
  steps TEXT NOT NULL,
  expected TEXT NOT NULL,
  risks TEXT NOT NULL,
  proposal_text MEDIUMTEXT NOT NULL,
  state ENUM('pending','confirmed','questioned') NOT NULL DEFAULT 'pending',
  confirmed_name VARCHAR(100) NULL,
  confirmed_ip VARCHAR(45) NULL,
  confirmed_at DATETIME NULL,
  confirmed_text MEDIUMTEXT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_solutions_ticket (ticket_id, id),
  CONSTRAINT fk_solutions_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_solutions_agent FOREIGN KEY (proposed_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
