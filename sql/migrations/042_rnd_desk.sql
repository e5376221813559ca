-- The R&D desk: which teams answer escalations, which team an escalation
-- went to, and the index of their queue.
--
-- A team flag rather than a setting naming one team code: a company may run
-- more than one R&D group (one per product line), and the flag stays right
-- when an admin renames or recodes a team.
ALTER TABLE teams ADD COLUMN answers_escalations TINYINT(1) NOT NULL DEFAULT 0 AFTER dispatch_mode;
UPDATE teams SET answers_escalations = 1 WHERE code = 'rnd';

ALTER TABLE ticket_escalations ADD COLUMN team_id BIGINT UNSIGNED NULL AFTER requested_by;
UPDATE ticket_escalations SET team_id = (SELECT MIN(id) FROM teams WHERE answers_escalations = 1);
ALTER TABLE ticket_escalations
  ADD CONSTRAINT fk_escalations_team FOREIGN KEY (team_id) REFERENCES teams (id),
  -- the queue: a team's open escalations by answer deadline ...
  ADD KEY ix_escalations_team_queue (team_id, answered_at, answer_due_at, id),
  -- ... then the answered ones, latest first (the primary key ends every key)
  ADD KEY ix_escalations_team_answered (team_id, answered_at),
  -- whether an agent's team was asked about a ticket
  ADD KEY ix_escalations_ticket_team (ticket_id, team_id);
