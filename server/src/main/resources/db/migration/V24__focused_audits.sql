-- Focused audit requests (issue 13). Policies, INTERNAL AUDIT & OVERSIGHT: "Requests for focused
-- audits of computer activity from IAB, Commanding Officers, ICOs, Investigations Units, and others,
-- may be made to the Information Technology Bureau."
CREATE TABLE focused_audit (
  id                  ${id}         PRIMARY KEY,
  business_key        VARCHAR(20)   NOT NULL,
  requested_by        VARCHAR(80)   NOT NULL,
  requester_command   VARCHAR(32),
  requested_at        ${ts}         NOT NULL,
  period_from         ${ts}         NOT NULL,
  period_to           ${ts}         NOT NULL,
  reason              VARCHAR(4000) NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  decided_by          VARCHAR(80),
  decided_at          ${ts},
  decision_note       VARCHAR(2000),
  process_instance_id VARCHAR(64),
  CONSTRAINT uk_focused_audit_key UNIQUE (business_key)
);

-- The members (by tax number) and systems (technology codes) the audit covers.
CREATE TABLE focused_audit_member (
  audit_id   BIGINT      NOT NULL,
  tax_number VARCHAR(20) NOT NULL,
  PRIMARY KEY (audit_id, tax_number),
  CONSTRAINT fk_focused_member_audit FOREIGN KEY (audit_id) REFERENCES focused_audit (id)
);
CREATE TABLE focused_audit_system (
  audit_id BIGINT      NOT NULL,
  system   VARCHAR(32) NOT NULL,
  PRIMARY KEY (audit_id, system),
  CONSTRAINT fk_focused_system_audit FOREIGN KEY (audit_id) REFERENCES focused_audit (id)
);

INSERT INTO business_key_sequence (prefix, last_no) VALUES ('FA', 0);
