-- Access authorization: requests, each layer's decision, grants.

CREATE TABLE access_request (
  id                  ${id} PRIMARY KEY,
  business_key        VARCHAR(30)   NOT NULL,
  member_id           BIGINT        NOT NULL,
  access_level_id     BIGINT        NOT NULL,
  command_id          BIGINT        NOT NULL,
  justification       VARCHAR(4000) NOT NULL,
  requested_by        VARCHAR(80)   NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  review_layers       INT           NOT NULL,
  current_layer       INT           NOT NULL,
  -- member:level while the request is open, NULL once closed: one open request per thing, even under races
  open_key            VARCHAR(80),
  process_instance_id VARCHAR(64),
  created_at          ${ts}         NOT NULL,
  closed_at           ${ts},
  version             BIGINT        NOT NULL,
  CONSTRAINT uk_access_request_key UNIQUE (business_key),
  CONSTRAINT uk_access_request_open UNIQUE (open_key),
  CONSTRAINT fk_access_request_member FOREIGN KEY (member_id) REFERENCES member (id),
  CONSTRAINT fk_access_request_level FOREIGN KEY (access_level_id) REFERENCES access_level (id),
  CONSTRAINT fk_access_request_command FOREIGN KEY (command_id) REFERENCES command (id)
);
CREATE INDEX ix_access_request_member ON access_request (member_id, created_at);
CREATE INDEX ix_access_request_requester ON access_request (requested_by, created_at);

-- Every decision on a request: reviewers' (APPROVE, REJECT, RETURN) and the requester's (ANSWER, WITHDRAW).
-- A task is decided once (uk on task_id): a lost race cannot write a second decision.
CREATE TABLE access_decision (
  id          ${id} PRIMARY KEY,
  request_id  BIGINT        NOT NULL,
  task_id     VARCHAR(64)   NOT NULL,
  layer       INT           NOT NULL,
  actor       VARCHAR(80)   NOT NULL,
  decision    VARCHAR(20)   NOT NULL,
  comment     VARCHAR(4000),
  decided_at  ${ts}         NOT NULL,
  CONSTRAINT uk_access_decision_task UNIQUE (task_id),
  CONSTRAINT fk_access_decision_request FOREIGN KEY (request_id) REFERENCES access_request (id)
);
CREATE INDEX ix_access_decision_request ON access_decision (request_id, decided_at);

CREATE TABLE access_grant (
  id              ${id} PRIMARY KEY,
  request_id      BIGINT       NOT NULL,
  member_id       BIGINT       NOT NULL,
  access_level_id BIGINT       NOT NULL,
  granted_at      ${ts}        NOT NULL,
  ended_at        ${ts},
  end_reason      VARCHAR(400),
  -- member:level while the grant is active, NULL once ended
  active_key      VARCHAR(80),
  version         BIGINT       NOT NULL,
  CONSTRAINT uk_access_grant_active UNIQUE (active_key),
  CONSTRAINT fk_access_grant_request FOREIGN KEY (request_id) REFERENCES access_request (id),
  CONSTRAINT fk_access_grant_member FOREIGN KEY (member_id) REFERENCES member (id),
  CONSTRAINT fk_access_grant_level FOREIGN KEY (access_level_id) REFERENCES access_level (id)
);
CREATE INDEX ix_access_grant_member ON access_grant (member_id, granted_at);

