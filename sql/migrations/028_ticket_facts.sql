-- Statistics (lib/desk/stats/facts.h): one fact row per ticket and one row
-- per span of time it spent open, both rewritten in the ticket's own
-- transaction after every change, so that a period's figures are range
-- scans of covering indexes and never a pass over the tickets or their
-- history. The dimensions a report filters on (team, category, priority,
-- channel) are the ticket's current ones, copied into both tables (0: none).
-- Rows for the tickets that exist before this migration are written by
-- `deskctl stats-rebuild` (run by `deskctl migrate` while any is missing).

CREATE TABLE IF NOT EXISTS ticket_facts (
  ticket_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  team_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  category_id BIGINT UNSIGNED NOT NULL,
  priority_id BIGINT UNSIGNED NOT NULL,
  channel_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  created_day DATE NOT NULL,           -- in the desk's zone
  -- first response: when, and how long after creation (seconds, wall and
  -- in the business time of the ticket's priority calendar)
  first_responded_at DATETIME NULL,
  first_response_s INT UNSIGNED NULL,
  first_response_biz_s INT UNSIGNED NULL,
  -- resolution: the latest one, from creation, the resolution clock's pauses
  -- (waiting on the customer or a third party) left out of the business time
  resolved_at DATETIME NULL,
  resolution_s INT UNSIGNED NULL,
  resolution_biz_s INT UNSIGNED NULL,
  reopens SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  -- the SLA clocks: due (NULL: no target, or paused) and when they stopped
  has_first_response_sla TINYINT(1) NOT NULL DEFAULT 0,
  first_response_due_at DATETIME NULL,
  has_resolution_sla TINYINT(1) NOT NULL DEFAULT 0,
  resolution_due_at DATETIME NULL,
  resolution_stopped_at DATETIME NULL,  -- resolved now, else NULL
  KEY ix_facts_created (created_at, team_id, category_id, priority_id, channel_id,
                        has_first_response_sla, first_response_due_at, first_responded_at,
                        has_resolution_sla, resolution_due_at, resolution_stopped_at),
  KEY ix_facts_responded (first_responded_at, team_id, category_id, priority_id, channel_id,
                          first_response_s, first_response_biz_s),
  KEY ix_facts_resolved (resolved_at, team_id, category_id, priority_id, channel_id,
                         resolution_s, resolution_biz_s),
  KEY ix_facts_team_created (team_id, created_at),
  CONSTRAINT fk_facts_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each stretch of a ticket in the backlog: from creation (seq 1) or a
-- reopen (seq > 1) until it was resolved (closed_at; NULL while open).
-- The backlog at an instant T is the spans opened before T less those
-- closed before T.
CREATE TABLE IF NOT EXISTS ticket_spans (
  ticket_id BIGINT UNSIGNED NOT NULL,
  seq SMALLINT UNSIGNED NOT NULL,
  team_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  category_id BIGINT UNSIGNED NOT NULL,
  priority_id BIGINT UNSIGNED NOT NULL,
  channel_id BIGINT UNSIGNED NOT NULL,
  opened_at DATETIME NOT NULL,
  opened_day DATE NOT NULL,
  closed_at DATETIME NULL,
  closed_day DATE NULL,
  PRIMARY KEY (ticket_id, seq),
  KEY ix_spans_opened (opened_at, team_id, category_id, priority_id, channel_id, seq, opened_day),
  KEY ix_spans_closed (closed_at, team_id, category_id, priority_id, channel_id, closed_day),
  CONSTRAINT fk_spans_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
