-- Notification outbox (issue 4, SPEC §9). Every message to a customer or an
-- agent is inserted here in the same transaction as the change that caused
-- it (lib/outbox.c outbox_add), so it is never lost and never sent for a
-- change that rolled back; the sender (outbox_deliver_due) delivers it later
-- by SMTP or the SMS gateway.
--
-- Life of a row: pending -> sending (claimed with a lease) -> sent, or back
-- to pending with next_attempt_at pushed out (1, 2, 4 ... 60 minutes), or
-- failed after Mail.MaxAttempts or a permanent refusal (kept for admins,
-- last_error says why). A sender that dies mid-send leaves 'sending' with an
-- expired lease, and the next pass takes the row over.
--
-- The recipient (an email address or phone number, often a customer's) is
-- sealed like every other contact detail (lib/secret.h). Subject and body are
-- rendered when the message is queued, in the recipient's language.
--
-- The sender reads ix_outbox_due: status first, so sent and failed rows are
-- never in the range it scans, and its cost follows the backlog, not the
-- history. While a row is 'sending', next_attempt_at holds the lease end too,
-- so one range (status IN ('pending','sending') AND next_attempt_at <= now)
-- finds both due messages and abandoned claims.

CREATE TABLE outbox (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  channel ENUM('email','sms') NOT NULL,
  recipient_sealed VARBINARY(600) NOT NULL,
  language CHAR(2) NOT NULL DEFAULT 'zh',
  kind VARCHAR(40) NOT NULL,
  ticket_id BIGINT UNSIGNED NULL,
  subject VARCHAR(500) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  status ENUM('pending','sending','sent','failed') NOT NULL DEFAULT 'pending',
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at DATETIME NOT NULL,
  lease_until DATETIME NULL,
  last_error VARCHAR(500) NULL,
  dedupe_key VARBINARY(200) NULL,
  created_at DATETIME NOT NULL,
  sent_at DATETIME NULL,
  UNIQUE KEY uq_outbox_dedupe (dedupe_key),
  KEY ix_outbox_due (status, next_attempt_at, id),
  KEY ix_outbox_ticket (ticket_id, id),
  CONSTRAINT fk_outbox_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
