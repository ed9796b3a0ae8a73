-- Business keys a person can read (AR-2026-000123, DR-..., BR-..., AD-...): one counter per
-- process kind, taken under a row lock inside the transaction that creates the case.
CREATE TABLE business_key_sequence (
  prefix  VARCHAR(8) NOT NULL PRIMARY KEY,
  last_no BIGINT     NOT NULL
);
INSERT INTO business_key_sequence (prefix, last_no) VALUES ('AR', 0), ('DR', 0), ('BR', 0), ('AD', 0);
