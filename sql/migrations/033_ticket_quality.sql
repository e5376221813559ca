-- The quality figures of the statistics (lib/desk/stats/quality.h): repeat
-- problems, high-frequency problems, cross-team work and satisfaction.
--
-- A ticket's moves between teams are history no other table keeps: a
-- trigger records each change of tickets.team_id, whatever path made it
-- (an assignment, a classification, the dispatcher), append-only like
-- ticket_events.
CREATE TABLE IF NOT EXISTS ticket_team_moves (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  from_team_id BIGINT UNSIGNED NULL,
  to_team_id BIGINT UNSIGNED NULL,
  moved_at DATETIME NOT NULL,
  KEY ix_team_moves_ticket (ticket_id, id),
  CONSTRAINT fk_team_moves_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER tickets_team_moved AFTER UPDATE ON tickets FOR EACH ROW
  INSERT INTO ticket_team_moves (ticket_id, from_team_id, to_team_id, moved_at)
  SELECT NEW.id, OLD.team_id, NEW.team_id, NEW.updated_at FROM DUAL
  WHERE NOT (OLD.team_id <=> NEW.team_id);

-- One row per ticket, rewritten in the ticket's own transaction with its
-- fact row (lib/desk/stats/facts.h) and by `deskctl stats-rebuild`: the
-- report's filters (the ticket's current team, category, priority,
-- channel), what makes a problem the same one again (customer,
-- organisation, category, product), its fault kind (问题性质, tickets.nature),
-- its cross-team work and its survey's scores.
CREATE TABLE IF NOT EXISTS ticket_quality (
  ticket_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  team_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  category_id BIGINT UNSIGNED NOT NULL,
  priority_id BIGINT UNSIGNED NOT NULL,
  channel_id BIGINT UNSIGNED NOT NULL,
  customer_id BIGINT UNSIGNED NOT NULL,
  organisation_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  product VARCHAR(200) NOT NULL DEFAULT '',
  nature VARCHAR(16) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  resolved_at DATETIME NULL,            -- latest resolution, while resolved or closed
  closed_at DATETIME NULL,              -- while closed
  reassignments SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  hand_backs SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  escalations SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  transfers SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  collaborators SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  surveyed TINYINT(1) NOT NULL DEFAULT 0,
  score_resolution TINYINT UNSIGNED NOT NULL DEFAULT 0,  -- 1-5; 0: no answer
  score_speed TINYINT UNSIGNED NOT NULL DEFAULT 0,
  score_attitude TINYINT UNSIGNED NOT NULL DEFAULT 0,
  subject_crc INT UNSIGNED NOT NULL DEFAULT 0,          -- of the subject its terms came from
  KEY ix_quality_resolved (resolved_at, team_id, category_id, priority_id, channel_id,
                           customer_id, organisation_id, product),
  KEY ix_quality_customer (customer_id, category_id, product, created_at),
  KEY ix_quality_org (organisation_id, category_id, product, created_at),
  KEY ix_quality_created (created_at, team_id, category_id, priority_id, channel_id, nature,
                          product, reassignments, hand_backs, escalations, transfers,
                          collaborators),
  KEY ix_quality_combo (category_id, product, nature, created_at, team_id, priority_id,
                        channel_id),
  KEY ix_quality_closed (closed_at, team_id, category_id, priority_id, channel_id, surveyed,
                         score_resolution, score_speed, score_attitude),
  CONSTRAINT fk_quality_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each move of a ticket from one team to another (ticket_team_moves whose
-- ticket had a team), with the ticket's creation and current dimensions.
CREATE TABLE IF NOT EXISTS ticket_transfers (
  ticket_id BIGINT UNSIGNED NOT NULL,
  seq SMALLINT UNSIGNED NOT NULL,
  from_team_id BIGINT UNSIGNED NOT NULL,
  to_team_id BIGINT UNSIGNED NOT NULL,
  moved_at DATETIME NOT NULL,
  created_at DATETIME NOT NULL,
  team_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  category_id BIGINT UNSIGNED NOT NULL,
  priority_id BIGINT UNSIGNED NOT NULL,
  channel_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (ticket_id, seq),
  KEY ix_transfers_created (created_at, team_id, category_id, priority_id, channel_id,
                            from_team_id, to_team_id),
  KEY ix_transfers_pair (from_team_id, to_team_id, created_at, team_id, category_id,
                         priority_id, channel_id),
  CONSTRAINT fk_transfers_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The keywords of a ticket's subject (lib/desk/stats/terms.h: character
-- bigrams of Chinese text, whole words of Latin letters and digits), one
-- row per distinct term, with the ticket's creation and dimensions.
CREATE TABLE IF NOT EXISTS ticket_terms (
  ticket_id BIGINT UNSIGNED NOT NULL,
  term VARCHAR(32) COLLATE utf8mb4_bin NOT NULL,
  created_at DATETIME NOT NULL,
  team_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  category_id BIGINT UNSIGNED NOT NULL,
  priority_id BIGINT UNSIGNED NOT NULL,
  channel_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (ticket_id, term),
  KEY ix_terms_created (created_at, team_id, category_id, priority_id, channel_id, term),
  KEY ix_terms_term (term, created_at, team_id, category_id, priority_id, channel_id),
  CONSTRAINT fk_terms_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
