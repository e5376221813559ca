-- A solution confirmation can also reach the desk outside the portal (a
-- reply by email, a signed paper, a call): the agent who took it records how
-- it came and attaches the copy to the event (attachments.event_id).
ALTER TABLE ticket_solutions
  ADD COLUMN confirmed_via ENUM('portal','email','signature','phone') NOT NULL DEFAULT 'portal'
    AFTER confirmed_text,
  ADD COLUMN recorded_by BIGINT UNSIGNED NULL AFTER confirmed_via,
  ADD CONSTRAINT fk_solutions_recorder FOREIGN KEY (recorded_by) REFERENCES agents (id);
