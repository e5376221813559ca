-- The monthly report mailed on the 1st (lib/desk/stats/monthly.h): one row
-- per month reported and recipient, inserted in the same transaction as the
-- outbox row that carries the report, so each recipient gets a month's
-- report once, whatever crashes or second schedulers. month is the first
-- day of the month reported.
CREATE TABLE stats_monthly_mail (
  month DATE NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  queued_at DATETIME NOT NULL,
  PRIMARY KEY (month, agent_id),
  CONSTRAINT fk_stats_monthly_mail_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
