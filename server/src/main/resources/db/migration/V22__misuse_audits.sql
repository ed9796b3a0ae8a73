-- The Commanding Officer's periodic misuse audit (issue 13). Policies, INTERNAL AUDIT & OVERSIGHT:
-- "The log-in and use of the system is traceable to a particular user and periodically audited for
-- misuse by the precinct or unit's Commanding Officer."

-- One command's audit of one period: a random sample of its members' events (the seed is kept, so
-- Internal Affairs can draw the same sample again) plus every finding still open.
CREATE TABLE misuse_audit (
  id                  ${id}        PRIMARY KEY,
  business_key        VARCHAR(20)  NOT NULL,
  command_id          BIGINT       NOT NULL,
  period_start        ${ts}        NOT NULL,
  period_end          ${ts}        NOT NULL,
  seed                BIGINT       NOT NULL,
  sample_size         INT          NOT NULL,
  population          INT          NOT NULL,
  status              VARCHAR(20)  NOT NULL,
  opened_at           ${ts}        NOT NULL,
  due_at              ${ts}        NOT NULL,
  escalated_at        ${ts},
  completed_at        ${ts},
  completed_by        VARCHAR(80),
  process_instance_id VARCHAR(64),
  CONSTRAINT uk_misuse_audit_key UNIQUE (business_key),
  CONSTRAINT fk_misuse_audit_command FOREIGN KEY (command_id) REFERENCES command (id)
);
CREATE INDEX ix_misuse_audit_period ON misuse_audit (period_start, command_id);

-- One event to review: drawn in the sample, or behind an open finding. The verdict, with a note
-- when questionable, is the Commanding Officer's.
CREATE TABLE misuse_audit_item (
  id         ${id}         PRIMARY KEY,
  audit_id   BIGINT        NOT NULL,
  position   INT           NOT NULL,
  event_id   BIGINT        NOT NULL,
  finding_id BIGINT,
  verdict    VARCHAR(20),
  note       VARCHAR(2000),
  decided_by VARCHAR(80),
  decided_at ${ts},
  CONSTRAINT fk_misuse_item_audit FOREIGN KEY (audit_id) REFERENCES misuse_audit (id),
  CONSTRAINT fk_misuse_item_event FOREIGN KEY (event_id) REFERENCES access_event (id),
  CONSTRAINT fk_misuse_item_finding FOREIGN KEY (finding_id) REFERENCES access_finding (id)
);
CREATE INDEX ix_misuse_item_audit ON misuse_audit_item (audit_id, position);

INSERT INTO business_key_sequence (prefix, last_no) VALUES ('MA', 0);
