-- The quality figures of the statistics (lib/desk/stats/quality.h) under
-- every filter of the report: the rows of ticket_quality, ticket_transfers
-- and ticket_terms carry the ticket's product (stats_products), organisation,
-- customer (for the customer tag) and owner, as the fact rows do
-- (migration 032), and their indexes are made anew with them, so a figure
-- is still one range scan of one index whatever filter is chosen. The rows
-- written before lack the new columns: they are emptied here and written
-- again by `deskctl stats-rebuild` (run by `make run` and conf/dev/run.sh
-- after every migration; on a running desk, run it by hand).
DELETE FROM ticket_terms;
DELETE FROM ticket_transfers;
DELETE FROM ticket_quality;
ALTER TABLE ticket_quality
  ADD COLUMN product_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER product,
  ADD COLUMN owner_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER product_id,
  DROP KEY ix_quality_resolved,
  DROP KEY ix_quality_created,
  DROP KEY ix_quality_combo,
  DROP KEY ix_quality_closed,
  ADD KEY ix_quality_resolved (resolved_at, team_id, category_id, priority_id, channel_id,
                               product_id, organisation_id, customer_id, owner_id, product),
  ADD KEY ix_quality_created (created_at, team_id, category_id, priority_id, channel_id,
                              product_id, organisation_id, customer_id, owner_id, nature,
                              product, reassignments, hand_backs, escalations, transfers,
                              collaborators),
  ADD KEY ix_quality_closed (closed_at, team_id, category_id, priority_id, channel_id,
                             product_id, organisation_id, customer_id, owner_id, surveyed,
                             score_resolution, score_speed, score_attitude),
  ADD KEY ix_quality_combo (category_id, product, nature, created_at, team_id, priority_id,
                            channel_id, product_id, organisation_id, customer_id, owner_id);
ALTER TABLE ticket_transfers
  ADD COLUMN product_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER channel_id,
  ADD COLUMN organisation_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER product_id,
  ADD COLUMN customer_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER organisation_id,
  ADD COLUMN owner_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER customer_id,
  DROP KEY ix_transfers_created,
  DROP KEY ix_transfers_pair,
  ADD KEY ix_transfers_created (created_at, team_id, category_id, priority_id, channel_id,
                                product_id, organisation_id, customer_id, owner_id,
                                from_team_id, to_team_id),
  ADD KEY ix_transfers_pair (from_team_id, to_team_id, created_at, team_id, category_id,
                             priority_id, channel_id, product_id, organisation_id,
                             customer_id, owner_id);
ALTER TABLE ticket_terms
  ADD COLUMN product_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER channel_id,
  ADD COLUMN organisation_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER product_id,
  ADD COLUMN customer_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER organisation_id,
  ADD COLUMN owner_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER customer_id,
  DROP KEY ix_terms_created,
  DROP KEY ix_terms_term,
  ADD KEY ix_terms_created (created_at, team_id, category_id, priority_id, channel_id,
                            product_id, organisation_id, customer_id, owner_id, term),
  ADD KEY ix_terms_term (term, created_at, team_id, category_id, priority_id, channel_id,
                         product_id, organisation_id, customer_id, owner_id);
