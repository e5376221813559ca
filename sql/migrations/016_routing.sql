-- Routing and dispatch (issue 6, SPEC §3): which team a category's tickets
-- go to and which skill tags they need (routing_rules), how each team hands
-- them out (teams: mode, acceptance timeout, capacity per agent), whether an
-- agent is at work (agents.available), and the round-robin cursor of each
-- team (dispatch_cursors), updated in the transaction of the ticket it
-- dispatched. lib/dispatch.c applies all of it; /admin/routing edits it.

-- accept_minutes NULL: SLA.AcceptMinutes (30); max_open_per_agent NULL: no cap.
ALTER TABLE teams
  ADD COLUMN accept_minutes INT UNSIGNED NULL AFTER dispatch_mode,
  ADD COLUMN max_open_per_agent INT UNSIGNED NULL AFTER accept_minutes;

-- Absent / out of office: skipped by the dispatcher, still signs in.
ALTER TABLE agents
  ADD COLUMN available TINYINT(1) NOT NULL DEFAULT 1 AFTER active,
  ADD COLUMN available_changed_at DATETIME NULL AFTER available;

-- One rule per category (deactivated, never deleted); without an active
-- rule a category's tickets go to the team set on the category itself.
CREATE TABLE routing_rules (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  category_id BIGINT UNSIGNED NOT NULL,
  team_id BIGINT UNSIGNED NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY uq_routing_category (category_id),
  KEY ix_routing_team (team_id),
  CONSTRAINT fk_routing_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_routing_team FOREIGN KEY (team_id) REFERENCES teams (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Skill tags an agent needs, all of them, to be given the rule's tickets.
CREATE TABLE routing_rule_skills (
  rule_id BIGINT UNSIGNED NOT NULL,
  skill_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (rule_id, skill_id),
  KEY ix_rule_skills_skill (skill_id),
  CONSTRAINT fk_rule_skills_rule FOREIGN KEY (rule_id) REFERENCES routing_rules (id),
  CONSTRAINT fk_rule_skills_skill FOREIGN KEY (skill_id) REFERENCES skills (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The agent a team's last automatic choice went to; the row lock also
-- serialises the dispatches of one team, so each sees the others' tickets.
CREATE TABLE dispatch_cursors (
  team_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  last_agent_id BIGINT UNSIGNED NULL,
  updated_at DATETIME NULL,
  CONSTRAINT fk_cursors_team FOREIGN KEY (team_id) REFERENCES teams (id),
  CONSTRAINT fk_cursors_agent FOREIGN KEY (last_agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- The default routing of SPEC §3 as rules the admin sees and edits.
INSERT INTO routing_rules (category_id, team_id, created_at, updated_at)
  SELECT id, team_id, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM categories WHERE team_id IS NOT NULL;

-- Until now no dispatcher ran: every team's tickets waited to be claimed.
-- Desks keep working that way until an admin switches a team to automatic
-- assignment on /admin/routing.
UPDATE teams SET dispatch_mode = 'claim';
