-- Issue 12: what each witness last answered, kept where every node sees it (docs/audit.md, "When a
-- witness refuses"). Only the node holding the integrator's lease offers checkpoints, so a refusal
-- held in its memory alone would not be reported by GET /api/audit/verify on the other nodes.
-- A refusal stands until the same witness accepts a later checkpoint (its operator re-based it on
-- the log, with the auditor's approval). Deleting the row hides nothing for long: the witness keeps
-- its copy, refuses the next checkpoint, and the row is written again.
CREATE TABLE audit_witness_state (
  witness        VARCHAR(500)  NOT NULL PRIMARY KEY,
  accepted_size  BIGINT        NULL,
  accepted_at    ${ts}         NULL,
  refused_size   BIGINT        NULL,
  refused_at     ${ts}         NULL,
  refused_reason VARCHAR(2000) NULL
);
