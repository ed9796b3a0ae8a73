-- Oversight (issue 13): the covered systems' access logs. Policies, INTERNAL AUDIT & OVERSIGHT:
-- "Immutable audit logs are created when any information is searched or accessed through any case
-- management system. The log-in and use of the system is traceable to a particular user and
-- periodically audited for misuse by the precinct or unit's Commanding Officer."

-- A covered system's account is bound to the one technology whose events it reports.
ALTER TABLE app_user ADD COLUMN technology_id BIGINT;
ALTER TABLE app_user ADD CONSTRAINT fk_app_user_technology FOREIGN KEY (technology_id) REFERENCES technology (id);

-- One event a covered system reported: a member's login, search, view, export or print. The same
-- system's event id is accepted once; each accepted event is also an entry of the audit log.
CREATE TABLE access_event (
  id                ${id}        PRIMARY KEY,
  technology_id     BIGINT       NOT NULL,
  event_id          VARCHAR(100) NOT NULL,
  at                ${ts}        NOT NULL,
  member_tax_number VARCHAR(20)  NOT NULL,
  member_id         BIGINT,
  action            VARCHAR(10)  NOT NULL,
  subject           VARCHAR(200),
  record_ref        VARCHAR(200),
  purpose           VARCHAR(500),
  received_at       ${ts}        NOT NULL,
  reported_by       VARCHAR(80)  NOT NULL,
  CONSTRAINT uk_access_event UNIQUE (technology_id, event_id),
  CONSTRAINT fk_access_event_technology FOREIGN KEY (technology_id) REFERENCES technology (id),
  CONSTRAINT fk_access_event_member FOREIGN KEY (member_id) REFERENCES member (id)
);
CREATE INDEX ix_access_event_member ON access_event (member_id, at);

-- An event with no grant behind it, by a separated member, or by someone the directory does not
-- know: raised at intake for the member's Commanding Officer and Internal Affairs.
CREATE TABLE access_finding (
  id         ${id}       PRIMARY KEY,
  event_id   BIGINT      NOT NULL,
  kind       VARCHAR(20) NOT NULL,
  command_id BIGINT,
  status     VARCHAR(20) NOT NULL,
  raised_at  ${ts}       NOT NULL,
  CONSTRAINT fk_access_finding_event FOREIGN KEY (event_id) REFERENCES access_event (id),
  CONSTRAINT fk_access_finding_command FOREIGN KEY (command_id) REFERENCES command (id)
);
CREATE INDEX ix_access_finding_command ON access_finding (command_id, status, raised_at);
CREATE INDEX ix_access_finding_status ON access_finding (status, raised_at);
