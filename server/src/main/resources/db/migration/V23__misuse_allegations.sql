-- Misuse allegations (issue 13). Policies, INTERNAL AUDIT & OVERSIGHT: "Allegations of misuse are
-- internally investigated at the command level or by the Internal Affairs Bureau (IAB)."
CREATE TABLE misuse_allegation (
  id                  ${id}         PRIMARY KEY,
  business_key        VARCHAR(20)   NOT NULL,
  member_id           BIGINT        NOT NULL,
  command_id          BIGINT        NOT NULL,
  filed_by            VARCHAR(80)   NOT NULL,
  filed_at            ${ts}         NOT NULL,
  summary             VARCHAR(4000) NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  outcome             VARCHAR(20),
  conclusion          VARCHAR(4000),
  closed_by           VARCHAR(80),
  closed_at           ${ts},
  process_instance_id VARCHAR(64),
  CONSTRAINT uk_misuse_allegation_key UNIQUE (business_key),
  CONSTRAINT fk_misuse_allegation_member FOREIGN KEY (member_id) REFERENCES member (id),
  CONSTRAINT fk_misuse_allegation_command FOREIGN KEY (command_id) REFERENCES command (id)
);
CREATE INDEX ix_misuse_allegation_command ON misuse_allegation (command_id, status);

-- The events and grants the allegation is about.
CREATE TABLE misuse_allegation_event (
  allegation_id BIGINT NOT NULL,
  event_id      BIGINT NOT NULL,
  PRIMARY KEY (allegation_id, event_id),
  CONSTRAINT fk_allegation_event_allegation FOREIGN KEY (allegation_id) REFERENCES misuse_allegation (id),
  CONSTRAINT fk_allegation_event_event FOREIGN KEY (event_id) REFERENCES access_event (id)
);
CREATE TABLE misuse_allegation_grant (
  allegation_id BIGINT NOT NULL,
  grant_id      BIGINT NOT NULL,
  PRIMARY KEY (allegation_id, grant_id),
  CONSTRAINT fk_allegation_grant_allegation FOREIGN KEY (allegation_id) REFERENCES misuse_allegation (id)
);

-- What the investigator did, step by step.
CREATE TABLE misuse_allegation_step (
  id            ${id}         PRIMARY KEY,
  allegation_id BIGINT        NOT NULL,
  at            ${ts}         NOT NULL,
  actor         VARCHAR(80)   NOT NULL,
  text          VARCHAR(4000) NOT NULL,
  CONSTRAINT fk_allegation_step_allegation FOREIGN KEY (allegation_id) REFERENCES misuse_allegation (id)
);
CREATE INDEX ix_allegation_step ON misuse_allegation_step (allegation_id, id);

INSERT INTO business_key_sequence (prefix, last_no) VALUES ('MI', 0);
