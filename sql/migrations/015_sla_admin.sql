-- Admin console, priorities / SLA policies and business calendars (issue 6).
--
-- A priority may have its own classification target (NULL: the desk's
-- SLA.ClassifyMinutes). An SLA policy overrides some of a priority's targets
-- for a category, a customer tag, or both (lib/slapolicy.h: the most
-- specific active one wins); NULL targets are taken from the priority. One
-- policy per (priority, category, tag): the generated keys stand for "any".
ALTER TABLE priorities
  ADD COLUMN classify_minutes INT UNSIGNED NULL AFTER calendar_id;

ALTER TABLE sla_policies
  ADD COLUMN classify_minutes INT UNSIGNED NULL AFTER calendar_id,
  ADD COLUMN category_key BIGINT UNSIGNED AS (COALESCE(category_id, 0)) PERSISTENT,
  ADD COLUMN tag_key BIGINT UNSIGNED AS (COALESCE(tag_id, 0)) PERSISTENT,
  ADD UNIQUE KEY uq_sla_policies_scope (priority_id, category_key, tag_key);

-- "Does an open ticket still use this priority?" before it is deactivated.
ALTER TABLE tickets
  ADD KEY ix_tickets_priority_open (priority_id, is_open);
