-- The statistics' per-agent minutes read the time logged in a period
-- (lib/desk/stats/report.c, sql_spent): a range on spent_at, covered, with
-- the ticket for the join to its facts. Without it the page scanned the
-- whole table (the two keys of 044 lead with the ticket or the agent).
ALTER TABLE ticket_time_spent
  ADD KEY ix_time_spent_at (spent_at, ticket_id, agent_id, minutes);
