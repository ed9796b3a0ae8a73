-- The audit log becomes a transparency log (RFC 9162; docs/audit.md). Policies, INTERNAL AUDIT &
-- OVERSIGHT: "immutable audit logs are created when any information is searched or accessed".
--
-- A business transaction inserts its entry (audit_entry, with the canonical leaf bytes the tree
-- commits to) and marks it unsequenced; it locks nothing shared. One integrator at a time (the
-- lease) gives committed entries consecutive sequence numbers from 0 (audit_leaf), stores the
-- Merkle tree's complete nodes (audit_node), and publishes a signed checkpoint (audit_checkpoint).
-- The signing key is not in the database: whoever can write these tables cannot forge a checkpoint.
-- The application only inserts into audit_entry, audit_leaf, audit_node and audit_checkpoint;
-- operators may REVOKE UPDATE, DELETE on them (docs/operations.md).

-- The hash chain of V2 is verified and carried into the tree by the next migration, then dropped.
ALTER TABLE audit_entry RENAME TO audit_chain_v1;
DROP TABLE audit_head;

CREATE TABLE audit_entry (
  id          ${id}         PRIMARY KEY,
  at          ${ts}         NOT NULL,
  actor       VARCHAR(80)   NOT NULL,
  action      VARCHAR(60)   NOT NULL,
  object_type VARCHAR(60)   NOT NULL,
  object_id   VARCHAR(80)   NOT NULL,
  details     VARCHAR(4000) NOT NULL,
  leaf        ${blob}       NOT NULL
);
CREATE INDEX ix_audit_entry_object ON audit_entry (object_type, object_id);

-- Entries committed but not yet in the tree: the integrator's queue, emptied as it sequences them.
CREATE TABLE audit_unsequenced (
  entry_id BIGINT NOT NULL PRIMARY KEY
);

-- Sequence number -> entry, and the entry's leaf hash SHA-256(0x00 || leaf): level 0 of the tree.
CREATE TABLE audit_leaf (
  seq       BIGINT   NOT NULL PRIMARY KEY,
  entry_id  BIGINT   NOT NULL,
  leaf_hash BINARY(32) NOT NULL,
  CONSTRAINT uq_audit_leaf_entry UNIQUE (entry_id)
);

-- Every complete node above the leaves: the subtree over leaves [idx * 2^height, (idx + 1) * 2^height).
-- Proofs and the next batch's right edge read O(log n) of them.
CREATE TABLE audit_node (
  height INT        NOT NULL,
  idx    BIGINT     NOT NULL,
  hash   BINARY(32) NOT NULL,
  PRIMARY KEY (height, idx)
);

-- Each published tree head, as the C2SP signed note that was published.
CREATE TABLE audit_checkpoint (
  tree_size    BIGINT        NOT NULL PRIMARY KEY,
  root_hash    BINARY(32)    NOT NULL,
  published_at ${ts}         NOT NULL,
  note         VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_audit_checkpoint_published ON audit_checkpoint (published_at);

-- Which node integrates, until when. A node takes it only when it is free or expired.
CREATE TABLE audit_lease (
  name       VARCHAR(40)  NOT NULL PRIMARY KEY,
  holder     VARCHAR(200) NOT NULL,
  expires_at ${ts}        NOT NULL
);
INSERT INTO audit_lease (name, holder, expires_at) VALUES ('integrator', '', TIMESTAMP '1970-01-01 00:00:00');
