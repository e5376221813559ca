-- What the API needs to hold callers to what they sent.
--
-- tickets.submit_hash: a hash of the request an Idempotency-Key first came
-- with (BLAKE2b-256 of the JSON body with its keys sorted). The same key with
-- another body is refused instead of answering with the first ticket. NULL
-- for tickets from the portal and agent intake, and from before.
ALTER TABLE tickets ADD COLUMN submit_hash BINARY(32) NULL AFTER submit_key;
