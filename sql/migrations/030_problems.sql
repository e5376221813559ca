-- The service director (服务总监): approves review minutes and sees the whole
-- review loop; otherwise a supervisor.
ALTER TABLE agents MODIFY role ENUM('agent','supervisor','director','admin') NOT NULL DEFAULT 'agent';

-- Problem records (根因分析报告): the root-cause analysis of one or more
-- tickets. version counts saved edits, so two people editing at once do not
-- overwrite each other silently.
CREATE TABLE problems (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  symptoms TEXT NOT NULL,
  impact TEXT NOT NULL,
  timeline TEXT NOT NULL,
  -- any of human_error, process_gap, system_defect, external ("" none yet)
  responsibility SET('human_error','process_gap','system_defect','external') NOT NULL DEFAULT '',
  responsible_party ENUM('internal','customer','third_party') NULL,
  conclusion TEXT NOT NULL,
  workaround TEXT NOT NULL,
  permanent_fix TEXT NOT NULL,
  status ENUM('draft','in_review','confirmed','closed') NOT NULL DEFAULT 'draft',
  owner_id BIGINT UNSIGNED NOT NULL,
  created_by BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  -- the list: newest first, all or by status, and "mine" by owner
  KEY ix_problems_status (status, id),
  KEY ix_problems_owner (owner_id, id),
  CONSTRAINT fk_problems_owner FOREIGN KEY (owner_id) REFERENCES agents (id),
  CONSTRAINT fk_problems_creator FOREIGN KEY (created_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The tickets a problem was made from; the ticket page finds its problems
-- by ticket_id.
CREATE TABLE problem_tickets (
  problem_id BIGINT UNSIGNED NOT NULL,
  ticket_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (problem_id, ticket_id),
  KEY ix_problem_tickets_ticket (ticket_id, problem_id),
  CONSTRAINT fk_problem_tickets_problem FOREIGN KEY (problem_id) REFERENCES problems (id),
  CONSTRAINT fk_problem_tickets_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The 5-Why chain: level 1 to 7 in order; the last level's answer is the
-- root cause.
CREATE TABLE problem_whys (
  problem_id BIGINT UNSIGNED NOT NULL,
  level TINYINT UNSIGNED NOT NULL,
  why VARCHAR(500) NOT NULL,
  because VARCHAR(500) NOT NULL,
  PRIMARY KEY (problem_id, level),
  CONSTRAINT fk_problem_whys_problem FOREIGN KEY (problem_id) REFERENCES problems (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Fishbone factors: items under 人 机 料 法 环 测, in the order written.
CREATE TABLE problem_factors (
  problem_id BIGINT UNSIGNED NOT NULL,
  category ENUM('people','machine','material','method','environment','measurement') NOT NULL,
  position SMALLINT UNSIGNED NOT NULL,
  item VARCHAR(300) NOT NULL,
  PRIMARY KEY (problem_id, category, position),
  CONSTRAINT fk_problem_factors_problem FOREIGN KEY (problem_id) REFERENCES problems (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The people who analyse it besides the owner (their teams show where they
-- come from).
CREATE TABLE problem_participants (
  problem_id BIGINT UNSIGNED NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (problem_id, agent_id),
  KEY ix_problem_participants_agent (agent_id, problem_id),
  CONSTRAINT fk_problem_participants_problem FOREIGN KEY (problem_id) REFERENCES problems (id),
  CONSTRAINT fk_problem_participants_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The history of a problem record: every change, who and when, with the
-- fields changed ({"field": [old, new]}). Never changed or removed.
CREATE TABLE problem_events (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  problem_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  kind VARCHAR(20) CHARACTER SET ascii NOT NULL,
  changes JSON NOT NULL,
  KEY ix_problem_events_problem (problem_id, id),
  CONSTRAINT fk_problem_events_problem FOREIGN KEY (problem_id) REFERENCES problems (id),
  CONSTRAINT fk_problem_events_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER problem_events_no_update BEFORE UPDATE ON problem_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'problem_events is append-only';
CREATE TRIGGER problem_events_no_delete BEFORE DELETE ON problem_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'problem_events is append-only';
