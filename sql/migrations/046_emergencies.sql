-- Emergencies (应急处理): a manager declares one on one or more tickets and
-- forms a team (a lead and members) by problem type; the team owes a
-- preliminary handling plan within 2 hours and feedback to the customer
-- within 24 hours of the declaration, both in wall time: an emergency does
-- not wait for the next working day. Each clock keeps its deadline, the
-- instant it was met and whether in time; next_alert_at is the earliest
-- warning or breach not yet raised (indexed: the scheduler reads only the
-- emergencies whose moment has come), and emergency_alerts makes each
-- alert once (its key), as sla_alerts does for tickets.
CREATE TABLE emergencies (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  category_id BIGINT UNSIGNED NULL,
  is_open TINYINT(1) NOT NULL DEFAULT 1,
  lead_id BIGINT UNSIGNED NOT NULL,
  declared_by BIGINT UNSIGNED NOT NULL,
  declared_at DATETIME NOT NULL,
  plan_warn_at DATETIME NOT NULL,
  plan_due_at DATETIME NOT NULL,
  plan_done_at DATETIME NULL,
  plan_met TINYINT(1) NULL,
  plan_version INT UNSIGNED NOT NULL DEFAULT 0,
  feedback_warn_at DATETIME NOT NULL,
  feedback_due_at DATETIME NOT NULL,
  feedback_done_at DATETIME NULL,
  feedback_met TINYINT(1) NULL,
  next_alert_at DATETIME NULL,
  summary TEXT NULL,
  closed_at DATETIME NULL,
  closed_by BIGINT UNSIGNED NULL,
  problem_id BIGINT UNSIGNED NULL,
  CONSTRAINT fk_emergencies_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_emergencies_lead FOREIGN KEY (lead_id) REFERENCES agents (id),
  CONSTRAINT fk_emergencies_declared_by FOREIGN KEY (declared_by) REFERENCES agents (id),
  CONSTRAINT fk_emergencies_closed_by FOREIGN KEY (closed_by) REFERENCES agents (id),
  CONSTRAINT fk_emergencies_problem FOREIGN KEY (problem_id) REFERENCES problems (id),
  -- the list: open ones first, newest first within each part
  KEY ix_emergencies_list (is_open, declared_at, id),
  KEY ix_emergencies_next_alert (next_alert_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE emergency_tickets (
  emergency_id BIGINT UNSIGNED NOT NULL,
  ticket_id BIGINT UNSIGNED NOT NULL,
  added_at DATETIME NOT NULL,
  added_by BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (emergency_id, ticket_id),
  KEY ix_emergency_tickets_ticket (ticket_id, emergency_id),
  CONSTRAINT fk_emergency_tickets_emergency FOREIGN KEY (emergency_id) REFERENCES emergencies (id),
  CONSTRAINT fk_emergency_tickets_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_emergency_tickets_by FOREIGN KEY (added_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE emergency_members (
  emergency_id BIGINT UNSIGNED NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  is_lead TINYINT(1) NOT NULL DEFAULT 0,
  added_at DATETIME NOT NULL,
  PRIMARY KEY (emergency_id, agent_id),
  -- whether someone is in a team; a member's own list
  KEY ix_emergency_members_agent (agent_id, emergency_id),
  CONSTRAINT fk_emergency_members_emergency FOREIGN KEY (emergency_id) REFERENCES emergencies (id),
  CONSTRAINT fk_emergency_members_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- every version of the handling plan is kept
CREATE TABLE emergency_plans (
  emergency_id BIGINT UNSIGNED NOT NULL,
  version INT UNSIGNED NOT NULL,
  body TEXT NOT NULL,
  written_by BIGINT UNSIGNED NOT NULL,
  written_at DATETIME NOT NULL,
  PRIMARY KEY (emergency_id, version),
  CONSTRAINT fk_emergency_plans_emergency FOREIGN KEY (emergency_id) REFERENCES emergencies (id),
  CONSTRAINT fk_emergency_plans_by FOREIGN KEY (written_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE emergency_tasks (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  emergency_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(300) NOT NULL,
  owner_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  done_at DATETIME NULL,
  done_by BIGINT UNSIGNED NULL,
  KEY ix_emergency_tasks (emergency_id, id),
  CONSTRAINT fk_emergency_tasks_emergency FOREIGN KEY (emergency_id) REFERENCES emergencies (id),
  CONSTRAINT fk_emergency_tasks_owner FOREIGN KEY (owner_id) REFERENCES agents (id),
  CONSTRAINT fk_emergency_tasks_done_by FOREIGN KEY (done_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the timeline: what happened, by whom (NULL: the desk's clocks)
CREATE TABLE emergency_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  emergency_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  agent_id BIGINT UNSIGNED NULL,
  kind VARCHAR(32) NOT NULL,
  note TEXT NULL,
  KEY ix_emergency_events (emergency_id, id),
  CONSTRAINT fk_emergency_events_emergency FOREIGN KEY (emergency_id) REFERENCES emergencies (id),
  CONSTRAINT fk_emergency_events_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE emergency_alerts (
  emergency_id BIGINT UNSIGNED NOT NULL,
  kind VARCHAR(24) NOT NULL,
  due_at DATETIME NOT NULL,
  raised_at DATETIME NOT NULL,
  PRIMARY KEY (emergency_id, kind, due_at),
  CONSTRAINT fk_emergency_alerts_emergency FOREIGN KEY (emergency_id) REFERENCES emergencies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the team a category's emergencies start with, edited by admins
CREATE TABLE emergency_templates (
  category_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  lead_id BIGINT UNSIGNED NULL,
  updated_at DATETIME NOT NULL,
  CONSTRAINT fk_emergency_templates_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_emergency_templates_lead FOREIGN KEY (lead_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE emergency_template_members (
  category_id BIGINT UNSIGNED NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (category_id, agent_id),
  CONSTRAINT fk_emergency_tpl_members_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_emergency_tpl_members_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
