-- Suspended grants (issue 13). Policies, INTERNAL AUDIT & OVERSIGHT: "Allegations of misuse are
-- internally investigated at the command level or by the Internal Affairs Bureau (IAB)"; a
-- substantiated case may end a member's access or suspend it until a date. A suspension is kept as
-- its own row, not as a flag on the grant, so an event reported late is judged against the
-- suspensions in force at its instant.
CREATE TABLE access_grant_suspension (
  id           ${id}         PRIMARY KEY,
  grant_id     BIGINT        NOT NULL,
  from_at      ${ts}         NOT NULL,
  until_at     ${ts}         NOT NULL,
  reason       VARCHAR(500)  NOT NULL,
  suspended_by VARCHAR(80)   NOT NULL,
  CONSTRAINT fk_grant_suspension_grant FOREIGN KEY (grant_id) REFERENCES access_grant (id),
  CONSTRAINT ck_grant_suspension_period CHECK (until_at > from_at)
);
CREATE INDEX ix_grant_suspension_grant ON access_grant_suspension (grant_id, from_at);
