-- The append-only, hash-chained audit log (policies, INTERNAL AUDIT & OVERSIGHT: "immutable audit
-- logs are created when any information is searched or accessed"). The application only ever
-- inserts here; operators may additionally REVOKE UPDATE, DELETE on these tables (docs/operations.md).

CREATE TABLE audit_entry (
  seq         BIGINT        NOT NULL PRIMARY KEY,
  at          ${ts}         NOT NULL,
  actor       VARCHAR(80)   NOT NULL,
  action      VARCHAR(60)   NOT NULL,
  object_type VARCHAR(60)   NOT NULL,
  object_id   VARCHAR(80)   NOT NULL,
  details     VARCHAR(4000) NOT NULL,
  prev_hash   CHAR(64)      NOT NULL,
  hash        CHAR(64)      NOT NULL
);
CREATE INDEX ix_audit_object ON audit_entry (object_type, object_id);

-- One row: the head of the chain. Writers lock it (SELECT ... FOR UPDATE), so the chain never forks.
CREATE TABLE audit_head (
  id        INT      NOT NULL PRIMARY KEY,
  last_seq  BIGINT   NOT NULL,
  last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
