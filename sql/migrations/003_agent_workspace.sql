-- Agent workspace (issue 3): sessions, sign-in audit, assignment and
-- acceptance times, priority change requests, and the indexes the queues
-- read by (each queue is an index range in next-due order).

CREATE TABLE sessions (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  token_hash BINARY(32) NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  last_seen_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  ended_at DATETIME NULL,
  ip VARCHAR(45) NOT NULL DEFAULT '',
  user_agent VARCHAR(255) NOT NULL DEFAULT '',
  UNIQUE KEY uq_sessions_token (token_hash),
  KEY ix_sessions_agent (agent_id),
  CONSTRAINT fk_sessions_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE auth_events (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  agent_id BIGINT UNSIGNED NULL,
  login VARCHAR(64) NOT NULL,
  kind ENUM('login','failure','locked','logout') NOT NULL,
  ip VARCHAR(45) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  KEY ix_auth_events_agent (agent_id, id),
  KEY ix_auth_events_time (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE agents
  ADD COLUMN next_login_at DATETIME NULL AFTER locked_until;

ALTER TABLE tickets
  ADD COLUMN assigned_at DATETIME NULL AFTER owner_id,
  ADD COLUMN accept_due_at DATETIME NULL AFTER assigned_at,
  ADD COLUMN accepted_at DATETIME NULL AFTER accept_due_at,
  ADD KEY ix_tickets_team_due (team_id, is_open, next_due_at, id),
  ADD KEY ix_tickets_team_status (team_id, status, next_due_at, id),
  ADD KEY ix_tickets_status_due (status, next_due_at, id),
  ADD KEY ix_tickets_closed (is_open, closed_at, id),
  ADD KEY ix_tickets_team_closed (team_id, is_open, resolved_at, id),
  ADD KEY ix_tickets_owner_status (owner_id, status, next_due_at, id),
  ADD KEY ix_tickets_team_created (team_id, created_at, id);

ALTER TABLE customers ADD KEY ix_customers_name (name);

CREATE TABLE priority_requests (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  requested_by BIGINT UNSIGNED NOT NULL,
  from_priority_id BIGINT UNSIGNED NOT NULL,
  to_priority_id BIGINT UNSIGNED NOT NULL,
  reason VARCHAR(1000) NOT NULL,
  state ENUM('pending','approved','rejected') NOT NULL DEFAULT 'pending',
  decided_by BIGINT UNSIGNED NULL,
  decision_note VARCHAR(1000) NULL,
  created_at DATETIME NOT NULL,
  decided_at DATETIME NULL,
  KEY ix_prio_requests_state (state, id),
  KEY ix_prio_requests_ticket (ticket_id, id),
  CONSTRAINT fk_prio_requests_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_prio_requests_by FOREIGN KEY (requested_by) REFERENCES agents (id),
  CONSTRAINT fk_prio_requests_decider FOREIGN KEY (decided_by) REFERENCES agents (id),
  CONSTRAINT fk_prio_requests_from FOREIGN KEY (from_priority_id) REFERENCES priorities (id),
  CONSTRAINT fk_prio_requests_to FOREIGN KEY (to_priority_id) REFERENCES priorities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- next_due_at is never NULL from here on: 9999-12-31 means no deadline runs.
UPDATE tickets SET next_due_at = '9999-12-31' WHERE next_due_at IS NULL;
ALTER TABLE tickets MODIFY next_due_at DATETIME NOT NULL DEFAULT '9999-12-31 00:00:00';
