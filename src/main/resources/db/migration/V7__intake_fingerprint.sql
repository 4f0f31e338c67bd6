-- 受理幂等: beside each Idempotency-Key, the SHA-256 (hex) of the request first sent with it, so a
-- retry with the same key and another body is refused (422) instead of answered with the first case.
-- Rows from before this migration have none; a retry of those is answered as before.
alter table appeal add column idempotency_fingerprint char(64);
alter table deliberation add column idempotency_fingerprint char(64);
