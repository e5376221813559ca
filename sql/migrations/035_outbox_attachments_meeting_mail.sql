-- Files sent with an outbox message (an invitation's .ics, a monthly
-- workbook): stored with the message, in the same transaction as what
-- caused it, and read back by the sender on every attempt, so each attempt
-- sends the same bytes. position orders them in the mail.
CREATE TABLE outbox_attachments (
  outbox_id BIGINT UNSIGNED NOT NULL,
  position TINYINT UNSIGNED NOT NULL,
  name VARCHAR(255) NOT NULL,
  content_type VARCHAR(200) CHARACTER SET ascii NOT NULL,
  bytes LONGBLOB NOT NULL,
  PRIMARY KEY (outbox_id, position),
  CONSTRAINT fk_outbox_attachments_outbox FOREIGN KEY (outbox_id) REFERENCES outbox (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A meeting's calendar invitation: ics_sequence is the iCalendar SEQUENCE of
-- the last invitation or cancellation sent (one more at each change of time,
-- place, agenda or attendees); reminded_for is the start the day-before
-- reminder was sent for (NULL: none yet), so each start is reminded once;
-- cancel_reason says why a cancelled meeting was called off.
ALTER TABLE review_meetings
  ADD COLUMN ics_sequence INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN reminded_for DATETIME NULL,
  ADD COLUMN cancel_reason VARCHAR(500) NULL,
  -- the scheduler's reminder pass: scheduled meetings starting soon
  ADD KEY ix_meetings_status_starts (status, starts_at, id),
  -- the list of one kind, newest first
  ADD KEY ix_meetings_kind (kind, id);
