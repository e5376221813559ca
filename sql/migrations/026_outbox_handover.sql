-- The hand-over of each mail to the SMTP server, recorded on both sides of
-- the one moment that decides it (lib/desk/notify/outbox.c).
--
-- SMTP has no way to ask a server whether it took a message: the server
-- takes it when it answers the final "." of DATA, and if the sender dies (or
-- loses the database) between that answer and its record of it, the message
-- is sent again when its lease runs out. So:
--  - handed_over_at is written just before the final "." goes out (the
--    message is sent only if that write succeeds) and cleared when the
--    outcome is recorded (sent, or failed and retried later);
--  - a message claimed again with handed_over_at still set had a hand-over
--    whose outcome nobody saw: it may have been delivered. It is sent again
--    (at least once, never lost), with the same Message-ID, so that a
--    receiver can drop the copy, and counted in unconfirmed_handovers.
-- A mail is delivered twice only if its row shows an unconfirmed hand-over;
-- one that died before its final "." is known not to have been taken.
ALTER TABLE outbox
  ADD COLUMN handed_over_at DATETIME NULL AFTER lease_until,
  ADD COLUMN unconfirmed_handovers INT UNSIGNED NOT NULL DEFAULT 0 AFTER handed_over_at;
