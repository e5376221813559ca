-- Requirement evaluation (需求评估报告) on customisation tickets. Product
-- managers write it: a flag on the person, set by admins, because a product
-- manager keeps their desk role (an agent or a supervisor who also owns a
-- product) and is not one team's member more than another's.
ALTER TABLE agents
  ADD COLUMN is_product_manager TINYINT(1) NOT NULL DEFAULT 0 AFTER can_see_contacts;

-- Every version is kept: a revision after a decline is a new row; the one
-- it replaces becomes 'superseded' when still pending. The customer's
-- decision keeps their name, the time and from where (or, received by mail,
-- who recorded it; the copy is attached to the decision's event).
CREATE TABLE ticket_evaluations (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  revision INT UNSIGNED NOT NULL,
  author_id BIGINT UNSIGNED NOT NULL,
  feasibility ENUM('feasible','partly','not') NOT NULL,
  reasons TEXT NOT NULL,
  effort_tenths INT UNSIGNED NOT NULL, -- person-days, in tenths of a day
  cycle_days INT UNSIGNED NOT NULL,
  resources TEXT NOT NULL,
  risks TEXT NOT NULL,
  schedule TEXT NOT NULL,
  state ENUM('pending','approved','declined','superseded') NOT NULL DEFAULT 'pending',
  decided_name VARCHAR(100) NULL,
  decided_ip VARCHAR(45) NULL,
  decided_at DATETIME NULL,
  decided_via ENUM('portal','email') NULL,
  recorded_by BIGINT UNSIGNED NULL,
  decline_reason TEXT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_evaluations_revision (ticket_id, revision),
  CONSTRAINT fk_evaluations_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_evaluations_author FOREIGN KEY (author_id) REFERENCES agents (id),
  CONSTRAINT fk_evaluations_recorder FOREIGN KEY (recorded_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Minutes spent, carried by a reply, a note or a work-log step (its event:
-- ticket_events is append-only, so the figure lives beside it).
CREATE TABLE ticket_time_spent (
  event_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  minutes INT UNSIGNED NOT NULL,
  spent_at DATETIME NOT NULL,
  KEY ix_time_ticket (ticket_id, agent_id),
  KEY ix_time_agent (agent_id, spent_at),
  CONSTRAINT fk_time_event FOREIGN KEY (event_id) REFERENCES ticket_events (id),
  CONSTRAINT fk_time_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_time_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
