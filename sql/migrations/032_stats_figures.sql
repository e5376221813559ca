-- Statistics, more figures (lib/desk/stats/facts.h): the filters product,
-- organisation, customer (for the customer tag) and owner copied into the
-- fact and span rows; the desk's other SLA clocks (classification,
-- acceptance, update cadence, the R&D answer) as a due and a stop each; the
-- wall seconds a resolved ticket spent in each status. The covering indexes
-- are made anew with them (the one on creation with the local day too, for
-- the daily trend). The rows written before this migration lack the
-- new columns: they are emptied here and written again by
-- `deskctl stats-rebuild` (run by `make run` and conf/dev/run.sh after every
-- migration; on a running desk, run it by hand).

CREATE TABLE IF NOT EXISTS stats_products (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  UNIQUE KEY uq_stats_products_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELETE FROM ticket_spans;
DELETE FROM ticket_facts;

ALTER TABLE ticket_facts
  ADD COLUMN product_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER channel_id,
  ADD COLUMN organisation_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER product_id,
  ADD COLUMN customer_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER organisation_id,
  ADD COLUMN owner_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER customer_id,
  -- each clock: has one, its due (NULL: none, or paused) and its stop
  ADD COLUMN has_classify_sla TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN classify_due_at DATETIME NULL,
  ADD COLUMN classify_stopped_at DATETIME NULL,
  ADD COLUMN has_accept_sla TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN accept_due_at DATETIME NULL,
  ADD COLUMN accept_stopped_at DATETIME NULL,
  ADD COLUMN has_update_sla TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN update_due_at DATETIME NULL,
  ADD COLUMN update_stopped_at DATETIME NULL,
  ADD COLUMN has_answer_sla TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN answer_due_at DATETIME NULL,
  ADD COLUMN answer_stopped_at DATETIME NULL,
  -- wall seconds in each status until the latest resolution (resolved only)
  ADD COLUMN s_new INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN s_classified INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN s_assigned INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN s_accepted INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN s_in_progress INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN s_waiting_customer INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN s_waiting_third_party INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN s_solution_proposed INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN s_in_execution INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN s_resolved INT UNSIGNED NOT NULL DEFAULT 0,
  DROP KEY ix_facts_created,
  DROP KEY ix_facts_responded,
  DROP KEY ix_facts_resolved,
  ADD KEY ix_facts_created (created_at, team_id, category_id, priority_id, channel_id,
                            product_id, organisation_id, customer_id, owner_id, created_day,
                            has_first_response_sla, first_response_due_at, first_responded_at,
                            has_resolution_sla, resolution_due_at, resolution_stopped_at),
  ADD KEY ix_facts_clocks (created_at, team_id, category_id, priority_id, channel_id,
                           product_id, organisation_id, customer_id, owner_id,
                           has_classify_sla, classify_due_at, classify_stopped_at,
                           has_accept_sla, accept_due_at, accept_stopped_at,
                           has_update_sla, update_due_at, update_stopped_at,
                           has_answer_sla, answer_due_at, answer_stopped_at),
  ADD KEY ix_facts_responded (first_responded_at, team_id, category_id, priority_id, channel_id,
                              product_id, organisation_id, customer_id, owner_id,
                              first_response_s, first_response_biz_s),
  ADD KEY ix_facts_resolved (resolved_at, team_id, category_id, priority_id, channel_id,
                             product_id, organisation_id, customer_id, owner_id,
                             resolution_s, resolution_biz_s),
  ADD KEY ix_facts_status (resolved_at, team_id, category_id, priority_id, channel_id,
                           product_id, organisation_id, customer_id, owner_id,
                           s_new, s_classified, s_assigned, s_accepted, s_in_progress,
                           s_waiting_customer, s_waiting_third_party, s_solution_proposed,
                           s_in_execution, s_resolved);

ALTER TABLE ticket_spans
  ADD COLUMN product_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER channel_id,
  ADD COLUMN organisation_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER product_id,
  ADD COLUMN customer_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER organisation_id,
  ADD COLUMN owner_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER customer_id,
  DROP KEY ix_spans_opened,
  DROP KEY ix_spans_closed,
  ADD KEY ix_spans_opened (opened_at, team_id, category_id, priority_id, channel_id,
                           product_id, organisation_id, customer_id, owner_id, seq, opened_day),
  ADD KEY ix_spans_closed (closed_at, team_id, category_id, priority_id, channel_id,
                           product_id, organisation_id, customer_id, owner_id, closed_day);
