-- Departments invited to a review meeting as a whole: their members get the
-- invitation (.ics) and the reminder, see the meeting and its material pack,
-- besides the people invited one by one (review_meeting_attendees).
CREATE TABLE review_meeting_teams (
  meeting_id BIGINT UNSIGNED NOT NULL,
  team_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (meeting_id, team_id),
  KEY ix_meeting_teams_team (team_id, meeting_id),
  CONSTRAINT fk_meeting_teams_meeting FOREIGN KEY (meeting_id) REFERENCES review_meetings (id),
  CONSTRAINT fk_meeting_teams_team FOREIGN KEY (team_id) REFERENCES teams (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
