-- What the API needs to hold callers to what they sent.
--
-- tickets.submit_hash: a hash of the request an Idempotency-Key first came
-- with (BLAKE2b-256 of the JSON body with its keys sorted). The same key with
-- another body is refused instead of answering with the first ticket. NULL
-- for tickets from the portal and agent intake, and from before.
ALTER TABLE tickets ADD COLUMN submit_hash BINARY(32) NULL AFTER submit_key;

-- api_keys.grants: what an admin grants a key on purpose beyond reading and
-- commenting on its tickets. 'priority:set': its PATCH sets a ticket's
-- priority at once; without it a priority change is a request a supervisor
-- approves, as an agent's is.
ALTER TABLE api_keys ADD COLUMN grants SET('priority:set') NOT NULL DEFAULT '' AFTER scope;

-- A priority request is filed by an agent or by an API key (whose reason
-- may be as long as the API's PATCH takes: 2000 characters).
ALTER TABLE priority_requests
  MODIFY requested_by BIGINT UNSIGNED NULL,
  MODIFY reason VARCHAR(2000) NOT NULL,
  ADD COLUMN requested_by_api_key_id BIGINT UNSIGNED NULL AFTER requested_by,
  ADD KEY ix_prio_requests_api_key (requested_by_api_key_id, ticket_id),
  ADD CONSTRAINT fk_prio_requests_api_key FOREIGN KEY (requested_by_api_key_id) REFERENCES api_keys (id),
  ADD CONSTRAINT ck_prio_requests_by CHECK (requested_by IS NOT NULL OR requested_by_api_key_id IS NOT NULL);
