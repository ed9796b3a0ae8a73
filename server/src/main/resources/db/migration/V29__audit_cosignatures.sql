-- Issue 12: witnesses' cosignatures on the log's checkpoints (C2SP tlog-cosignature; docs/audit.md,
-- "Witnesses"). When the HTTP witness's cosignature key is configured, each cosignature it answers
-- with is verified and kept here, and served as a signature line on its checkpoint's note. A line
-- here proves nothing by being here: it is checked against the witness's key wherever it is read,
-- so whoever can write this table can delete a cosignature but cannot make one.
CREATE TABLE audit_cosignature (
  tree_size   BIGINT       NOT NULL,
  witness     VARCHAR(200) NOT NULL,
  cosigned_at ${ts}        NOT NULL,
  line        VARCHAR(400) NOT NULL,
  PRIMARY KEY (tree_size, witness)
);
