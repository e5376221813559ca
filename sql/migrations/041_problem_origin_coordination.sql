-- Where a problem record came from: a high-frequency row of the statistics
-- (a category x product x fault kind combination, or a keyword of the
-- subjects) over a period, or tickets chosen by hand (origin 'tickets', the
-- columns below empty). origin_key is the row as it read when the record
-- was made; origin_behind the number of tickets behind the row then, of
-- which at most PROBLEM_TICKETS_MAX were linked; origin_query the
-- statistics' query of the row's drill-down (period, filters, key), made by
-- the desk, never typed.
ALTER TABLE problems
  ADD COLUMN origin ENUM('tickets','stats_combo','stats_term') NOT NULL DEFAULT 'tickets',
  ADD COLUMN origin_key VARCHAR(500) NOT NULL DEFAULT '',
  ADD COLUMN origin_first DATE NULL,
  ADD COLUMN origin_last DATE NULL,
  ADD COLUMN origin_behind INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN origin_query VARCHAR(1000) NOT NULL DEFAULT '';

-- The weekly coordination view (lib/desk/stats/coord.h), per team at the
-- end of a week: the tickets whose resolution was due and not yet resolved,
-- the escalations to R&D waiting for an answer, the moves between teams of
-- the week. Each a range scan of one of these: the moves over the week, the
-- others over what was still open at the end (closed, stopped or answered
-- after it, or not yet), never over the whole history.
ALTER TABLE ticket_spans
  ADD KEY ix_spans_open_at (closed_at, opened_at, team_id, ticket_id);
ALTER TABLE ticket_facts
  ADD KEY ix_facts_unresolved_due (resolution_stopped_at, has_resolution_sla, resolution_due_at,
                                   created_at, team_id);
ALTER TABLE ticket_escalations
  ADD KEY ix_escalations_waiting (answered_at, created_at, ticket_id);
ALTER TABLE ticket_team_moves
  ADD KEY ix_team_moves_at (moved_at, from_team_id, to_team_id, ticket_id);
-- open improvement actions past their deadline, per department
ALTER TABLE review_actions
  ADD KEY ix_actions_due_team (status, due_on, team_id);
