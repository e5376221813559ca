-- Minutes of a review meeting (表4 复盘会议纪要): one per meeting, written by
-- its organiser, due due_at (2 working days after the meeting on the
-- organiser's calendar), submitted to the service director, who approves or
-- returns them. content is the working text (JSON: review, departments,
-- root_causes, directions, measures); every submitted text is kept as a
-- version in review_minutes_versions. late_alerted_at: when the organiser
-- and the director were told the minutes are late (once).
CREATE TABLE review_minutes (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  meeting_id BIGINT UNSIGNED NOT NULL,
  organiser_id BIGINT UNSIGNED NOT NULL,
  status ENUM('draft','submitted','returned','approved') NOT NULL DEFAULT 'draft',
  content JSON NOT NULL,
  due_at DATETIME NOT NULL,
  submitted_version INT UNSIGNED NOT NULL DEFAULT 0,
  approved_by BIGINT UNSIGNED NULL,
  approved_at DATETIME NULL,
  late_alerted_at DATETIME NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY ux_minutes_meeting (meeting_id),
  -- awaiting approval, oldest first; late minutes not yet alerted
  KEY ix_minutes_status (status, id),
  KEY ix_minutes_organiser (organiser_id, id),
  KEY ix_minutes_late (late_alerted_at, due_at),
  CONSTRAINT fk_minutes_meeting FOREIGN KEY (meeting_id) REFERENCES review_meetings (id),
  CONSTRAINT fk_minutes_organiser FOREIGN KEY (organiser_id) REFERENCES agents (id),
  CONSTRAINT fk_minutes_approver FOREIGN KEY (approved_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every submitted text of minutes, numbered from 1. Never changed or removed.
CREATE TABLE review_minutes_versions (
  minutes_id BIGINT UNSIGNED NOT NULL,
  number INT UNSIGNED NOT NULL,
  content JSON NOT NULL,
  submitted_by BIGINT UNSIGNED NOT NULL,
  submitted_at DATETIME NOT NULL,
  PRIMARY KEY (minutes_id, number),
  CONSTRAINT fk_minutes_versions_minutes FOREIGN KEY (minutes_id) REFERENCES review_minutes (id),
  CONSTRAINT fk_minutes_versions_by FOREIGN KEY (submitted_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The director's decision on a submitted version: returned with a comment,
-- or approved. One per version, never changed or removed.
CREATE TABLE review_minutes_decisions (
  minutes_id BIGINT UNSIGNED NOT NULL,
  number INT UNSIGNED NOT NULL,
  decision ENUM('returned','approved') NOT NULL,
  decided_by BIGINT UNSIGNED NOT NULL,
  decided_at DATETIME NOT NULL,
  comment TEXT NOT NULL,
  PRIMARY KEY (minutes_id, number),
  CONSTRAINT fk_minutes_decisions_version FOREIGN KEY (minutes_id, number)
    REFERENCES review_minutes_versions (minutes_id, number),
  CONSTRAINT fk_minutes_decisions_by FOREIGN KEY (decided_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER review_minutes_versions_no_update BEFORE UPDATE ON review_minutes_versions FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'review_minutes_versions is append-only';
CREATE TRIGGER review_minutes_versions_no_delete BEFORE DELETE ON review_minutes_versions FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'review_minutes_versions is append-only';
CREATE TRIGGER review_minutes_decisions_no_update BEFORE UPDATE ON review_minutes_decisions FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'review_minutes_decisions is append-only';
CREATE TRIGGER review_minutes_decisions_no_delete BEFORE DELETE ON review_minutes_decisions FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'review_minutes_decisions is append-only';

-- Drills (quarterly emergency drills, 应急演练): what was practised and found.
CREATE TABLE review_drills (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  held_on DATE NOT NULL,
  title VARCHAR(200) NOT NULL,
  scenario TEXT NOT NULL,
  participants TEXT NOT NULL,
  findings TEXT NOT NULL,
  created_by BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_drills_held (held_on, id),
  CONSTRAINT fk_drills_creator FOREIGN KEY (created_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Improvement actions (表5 改进措施计划表): from approved minutes or a drill.
-- verifier: the organiser of the meeting or the drill's author (and any
-- director). overdue_mailed_at: the owner and their supervisor were told
-- once that it is past its deadline.
CREATE TABLE review_actions (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  minutes_id BIGINT UNSIGNED NULL,
  drill_id BIGINT UNSIGNED NULL,
  verifier_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(500) NOT NULL,
  target VARCHAR(500) NOT NULL DEFAULT '',
  resources VARCHAR(500) NOT NULL DEFAULT '',
  owner_id BIGINT UNSIGNED NOT NULL,
  team_id BIGINT UNSIGNED NOT NULL,
  starts_on DATE NOT NULL,
  due_on DATE NOT NULL,
  status ENUM('not_started','in_progress','done','verified','cancelled') NOT NULL DEFAULT 'not_started',
  cancel_reason VARCHAR(500) NULL,
  figure VARCHAR(200) NULL,
  before_value VARCHAR(60) NULL,
  after_value VARCHAR(60) NULL,
  verified_by BIGINT UNSIGNED NULL,
  verified_at DATETIME NULL,
  overdue_mailed_at DATETIME NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  -- the lists: mine, my department's, by deadline (overdue, this week)
  KEY ix_actions_owner (owner_id, id),
  KEY ix_actions_team (team_id, id),
  KEY ix_actions_due (status, due_on, id),
  KEY ix_actions_minutes (minutes_id, id),
  KEY ix_actions_drill (drill_id, id),
  CONSTRAINT fk_actions_minutes FOREIGN KEY (minutes_id) REFERENCES review_minutes (id),
  CONSTRAINT fk_actions_drill FOREIGN KEY (drill_id) REFERENCES review_drills (id),
  CONSTRAINT fk_actions_owner FOREIGN KEY (owner_id) REFERENCES agents (id),
  CONSTRAINT fk_actions_verifier FOREIGN KEY (verifier_id) REFERENCES agents (id),
  CONSTRAINT fk_actions_verified_by FOREIGN KEY (verified_by) REFERENCES agents (id),
  CONSTRAINT fk_actions_team FOREIGN KEY (team_id) REFERENCES teams (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Evidence files of an action, kept in the desk's attachment store.
CREATE TABLE review_action_files (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  action_id BIGINT UNSIGNED NOT NULL,
  filename VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size_bytes BIGINT UNSIGNED NOT NULL,
  sha256 BINARY(32) NOT NULL,
  storage_key CHAR(43) CHARACTER SET ascii NOT NULL,
  uploaded_by BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_action_files_action (action_id, id),
  KEY ix_action_files_key (storage_key),
  CONSTRAINT fk_action_files_action FOREIGN KEY (action_id) REFERENCES review_actions (id),
  CONSTRAINT fk_action_files_by FOREIGN KEY (uploaded_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of minutes, drills and actions (progress notes too), never
-- changed or removed. subject: minutes, drill or action.
CREATE TABLE review_events (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  subject ENUM('minutes','drill','action') NOT NULL,
  subject_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  agent_id BIGINT UNSIGNED NULL,
  kind VARCHAR(20) CHARACTER SET ascii NOT NULL,
  note TEXT NULL,
  changes JSON NOT NULL,
  KEY ix_review_events_subject (subject, subject_id, id),
  CONSTRAINT fk_review_events_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER review_events_no_update BEFORE UPDATE ON review_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'review_events is append-only';
CREATE TRIGGER review_events_no_delete BEFORE DELETE ON review_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'review_events is append-only';

-- 'review': an API key that reads the review loop (problem records,
-- meetings, improvement actions) under /api/v1/review/.
ALTER TABLE api_keys MODIFY grants SET('priority:set','review') NOT NULL DEFAULT '';
