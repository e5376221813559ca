-- A person's business calendar: what "working days" mean for them (a
-- meeting they organise is at least 3 of their working days ahead). NULL:
-- the desk's first calendar.
ALTER TABLE agents ADD COLUMN calendar_id BIGINT UNSIGNED NULL,
  ADD CONSTRAINT fk_agents_calendar FOREIGN KEY (calendar_id) REFERENCES business_calendars (id);

-- Review meetings (复盘会议), weekly coordination meetings and quarterly
-- drills. earliest_at is the earliest start the lead rule allowed when it
-- was scheduled, on calendar_id; a director may schedule earlier with a
-- reason (override_reason, override_by).
CREATE TABLE review_meetings (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  kind ENUM('review','weekly','drill') NOT NULL DEFAULT 'review',
  title VARCHAR(200) NOT NULL,
  starts_at DATETIME NOT NULL,
  duration_minutes SMALLINT UNSIGNED NOT NULL DEFAULT 60,
  location VARCHAR(200) NOT NULL DEFAULT '',
  agenda TEXT NOT NULL,
  organiser_id BIGINT UNSIGNED NOT NULL,
  calendar_id BIGINT UNSIGNED NOT NULL,
  earliest_at DATETIME NOT NULL,
  override_reason VARCHAR(500) NULL,
  override_by BIGINT UNSIGNED NULL,
  status ENUM('scheduled','held','cancelled') NOT NULL DEFAULT 'scheduled',
  created_at DATETIME NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  -- the list: newest first; the organiser's
  KEY ix_meetings_organiser (organiser_id, id),
  KEY ix_meetings_starts (starts_at, id),
  CONSTRAINT fk_meetings_organiser FOREIGN KEY (organiser_id) REFERENCES agents (id),
  CONSTRAINT fk_meetings_override FOREIGN KEY (override_by) REFERENCES agents (id),
  CONSTRAINT fk_meetings_calendar FOREIGN KEY (calendar_id) REFERENCES business_calendars (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE review_meeting_attendees (
  meeting_id BIGINT UNSIGNED NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (meeting_id, agent_id),
  KEY ix_meeting_attendees_agent (agent_id, meeting_id),
  CONSTRAINT fk_meeting_attendees_meeting FOREIGN KEY (meeting_id) REFERENCES review_meetings (id),
  CONSTRAINT fk_meeting_attendees_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The problem records a meeting reviews.
CREATE TABLE review_meeting_problems (
  meeting_id BIGINT UNSIGNED NOT NULL,
  problem_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (meeting_id, problem_id),
  KEY ix_meeting_problems_problem (problem_id, meeting_id),
  CONSTRAINT fk_meeting_problems_meeting FOREIGN KEY (meeting_id) REFERENCES review_meetings (id),
  CONSTRAINT fk_meeting_problems_problem FOREIGN KEY (problem_id) REFERENCES problems (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a meeting: never changed or removed.
CREATE TABLE review_meeting_events (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  meeting_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  kind VARCHAR(20) CHARACTER SET ascii NOT NULL,
  changes JSON NOT NULL,
  KEY ix_meeting_events_meeting (meeting_id, id),
  CONSTRAINT fk_meeting_events_meeting FOREIGN KEY (meeting_id) REFERENCES review_meetings (id),
  CONSTRAINT fk_meeting_events_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER review_meeting_events_no_update BEFORE UPDATE ON review_meeting_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'review_meeting_events is append-only';
CREATE TRIGGER review_meeting_events_no_delete BEFORE DELETE ON review_meeting_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'review_meeting_events is append-only';
