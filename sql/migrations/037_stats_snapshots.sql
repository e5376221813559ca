-- Snapshots of the statistics (《售后问题分析报告》): the report's tables of
-- a period under filters, frozen as they were counted, with the analyst's
-- conclusions. tables holds the tables in both languages as JSON
-- ({"zh": report, "en": report}, each as the reports API writes it, with
-- the filters' names); a snapshot's numbers never change after it is made.
-- A recount is a new snapshot of the same period and filters (recount_of:
-- the one it recounts). team_id is the scope: 0 for all teams (seen by
-- managers only), else the team an agent of it may see it through.
-- per_agent: the tables per agent are in it (shown to managers only).
CREATE TABLE stats_snapshots (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  made_by BIGINT UNSIGNED NOT NULL,
  made_at DATETIME NOT NULL,
  kind ENUM('week','month','quarter','year','range') NOT NULL,
  first_day DATE NOT NULL,
  last_day DATE NOT NULL,
  team_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  category_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  priority_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  channel_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  product_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  organisation_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  tag_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  agent_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  per_agent TINYINT(1) NOT NULL DEFAULT 0,
  recount_of BIGINT UNSIGNED NULL,
  status ENUM('draft','final') NOT NULL DEFAULT 'draft',
  conclusions MEDIUMTEXT NOT NULL,
  concluded_by BIGINT UNSIGNED NULL,
  concluded_at DATETIME NULL,
  tables LONGTEXT NOT NULL,
  -- the list: newest first, all (PRIMARY) or those of a team
  KEY ix_snapshots_team (team_id, id),
  -- the recounts of a snapshot
  KEY ix_snapshots_recount (recount_of, id),
  CONSTRAINT fk_snapshots_maker FOREIGN KEY (made_by) REFERENCES agents (id),
  CONSTRAINT fk_snapshots_concluder FOREIGN KEY (concluded_by) REFERENCES agents (id),
  CONSTRAINT fk_snapshots_recount FOREIGN KEY (recount_of) REFERENCES stats_snapshots (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
