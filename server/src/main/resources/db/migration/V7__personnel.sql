-- Access follows the assignment: each member's assignment history, and the personnel events
-- (reassignment, separation) that the department's HR system sends.

CREATE TABLE member_assignment (
  id         ${id} PRIMARY KEY,
  member_id  BIGINT NOT NULL,
  command_id BIGINT NOT NULL,
  started_at ${ts}  NOT NULL,
  ended_at   ${ts},
  CONSTRAINT fk_assignment_member FOREIGN KEY (member_id) REFERENCES member (id),
  CONSTRAINT fk_assignment_command FOREIGN KEY (command_id) REFERENCES command (id)
);
CREATE INDEX ix_assignment_member ON member_assignment (member_id, started_at);

-- Members known before assignments were recorded: their current assignment starts at the epoch.
INSERT INTO member_assignment (member_id, command_id, started_at)
SELECT id, command_id, TIMESTAMP '1970-01-01 00:00:00' FROM member;

CREATE TABLE personnel_event (
  id                  ${id} PRIMARY KEY,
  business_key        VARCHAR(30)   NOT NULL,
  member_id           BIGINT        NOT NULL,
  type                VARCHAR(20)   NOT NULL,
  previous_command_id BIGINT        NOT NULL,
  new_command_id      BIGINT,
  effective_at        ${ts}         NOT NULL,
  received_at         ${ts}         NOT NULL,
  received_by         VARCHAR(80)   NOT NULL,
  -- member:type:effective instant: the same event posted twice is accepted once
  idempotency_key     VARCHAR(120)  NOT NULL,
  outcome             VARCHAR(4000),
  process_instance_id VARCHAR(64),
  CONSTRAINT uk_personnel_event_key UNIQUE (business_key),
  CONSTRAINT uk_personnel_event_once UNIQUE (idempotency_key),
  CONSTRAINT fk_personnel_event_member FOREIGN KEY (member_id) REFERENCES member (id),
  CONSTRAINT fk_personnel_event_previous FOREIGN KEY (previous_command_id) REFERENCES command (id),
  CONSTRAINT fk_personnel_event_new FOREIGN KEY (new_command_id) REFERENCES command (id)
);
CREATE INDEX ix_personnel_event_member ON personnel_event (member_id, effective_at);

INSERT INTO business_key_sequence (prefix, last_no) VALUES ('PE', 0);
