-- Merging a duplicate into another ticket, and links between tickets.
--
-- A merged ticket keeps its row, its thread and its number: merged_into_id
-- names the ticket that carries on (its thread shows the merged one's,
-- marked with the old number), merged_at says when. Its status becomes
-- closed with closed_at left empty: it was not closed by being solved, so
-- no survey is sent and no closure is counted; every clock stops (is_open 0).
ALTER TABLE tickets
  ADD COLUMN merged_into_id BIGINT UNSIGNED NULL,
  ADD COLUMN merged_at DATETIME NULL,
  -- a ticket's thread reads the tickets merged into it
  ADD KEY ix_tickets_merged_into (merged_into_id),
  ADD CONSTRAINT fk_tickets_merged_into FOREIGN KEY (merged_into_id) REFERENCES tickets (id);

-- A link is one row, read from both ends: ticket_id is "kind" of other_id
-- (duplicate_of, caused_by, parent_of; related either way). A child link
-- is stored as its parent's parent_of.
CREATE TABLE ticket_links (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  other_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('related','duplicate_of','caused_by','parent_of') NOT NULL,
  created_by_agent_id BIGINT UNSIGNED NULL,
  created_by_api_key_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_ticket_links (ticket_id, other_id, kind),
  -- the other end's side of the panel
  KEY ix_ticket_links_other (other_id, ticket_id),
  CONSTRAINT fk_ticket_links_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_ticket_links_other FOREIGN KEY (other_id) REFERENCES tickets (id),
  CONSTRAINT fk_ticket_links_agent FOREIGN KEY (created_by_agent_id) REFERENCES agents (id),
  CONSTRAINT fk_ticket_links_api_key FOREIGN KEY (created_by_api_key_id) REFERENCES api_keys (id),
  CONSTRAINT ck_ticket_links_ends CHECK (ticket_id <> other_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

