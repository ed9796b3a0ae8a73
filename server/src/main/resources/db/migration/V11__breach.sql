-- Breach reporting (policies, EXTERNAL ENTITIES, 2026 text): "If information ... is disclosed in a
-- manner violating the local Identifying Information Law, the NYPD Agency Privacy Officer, upon
-- becoming aware, must report the disclosure to the NYC Chief Privacy Officer within 24 hours."

CREATE TABLE breach_report (
  id                   ${id} PRIMARY KEY,
  business_key         VARCHAR(30)   NOT NULL,
  reported_by          VARCHAR(80)   NOT NULL,
  -- the report's arrival in the APO's inbox: the latest the APO can have become aware
  arrived_at           ${ts}         NOT NULL,
  summary              VARCHAR(4000) NOT NULL,
  disclosed_to         VARCHAR(400)  NOT NULL,
  recipient_kind       VARCHAR(40),
  disclosed_at         ${ts},
  discovered_how       VARCHAR(2000) NOT NULL,
  affected_count       INT           NOT NULL,
  status               VARCHAR(30)   NOT NULL,
  aware_at             ${ts}         NOT NULL,
  aware_reason         VARCHAR(1000),
  cpo_deadline         ${ts}         NOT NULL,
  -- set when the deadline passed unreported; never cleared (reported late stays late)
  overdue_at           ${ts},
  assessed_by          VARCHAR(80),
  assessed_at          ${ts},
  cause                VARCHAR(40),
  -- the agency's internal assessment: never shown to the City CPO
  assessment_notes     ${text},
  cpo_summary          ${text},
  reported_to_cpo_by   VARCHAR(80),
  reported_to_cpo_at   ${ts},
  acknowledged_by      VARCHAR(80),
  acknowledged_at      ${ts},
  process_instance_id  VARCHAR(64),
  version              BIGINT        NOT NULL,
  CONSTRAINT uk_breach_key UNIQUE (business_key)
);
CREATE INDEX ix_breach_status ON breach_report (status, cpo_deadline);
CREATE INDEX ix_breach_reporter ON breach_report (reported_by, arrived_at);
CREATE INDEX ix_breach_aware ON breach_report (aware_at, status);
-- the breach board: the latest deadlines first
CREATE INDEX ix_breach_deadline ON breach_report (cpo_deadline, id);

CREATE TABLE breach_category (
  breach_id BIGINT      NOT NULL,
  category  VARCHAR(40) NOT NULL,
  PRIMARY KEY (breach_id, category),
  CONSTRAINT fk_breach_category FOREIGN KEY (breach_id) REFERENCES breach_report (id)
);

-- Known affected individuals (the count may be larger: an estimate)
CREATE TABLE breach_person (
  id        ${id} PRIMARY KEY,
  breach_id BIGINT       NOT NULL,
  position  INT          NOT NULL,
  name      VARCHAR(200) NOT NULL,
  CONSTRAINT fk_breach_person FOREIGN KEY (breach_id) REFERENCES breach_report (id)
);
CREATE INDEX ix_breach_person ON breach_person (breach_id, position);

-- Ledger entries the breach concerns
CREATE TABLE breach_disclosure (
  breach_id     BIGINT NOT NULL,
  disclosure_id BIGINT NOT NULL,
  PRIMARY KEY (breach_id, disclosure_id),
  CONSTRAINT fk_breach_disclosure_breach FOREIGN KEY (breach_id) REFERENCES breach_report (id),
  CONSTRAINT fk_breach_disclosure_disclosure FOREIGN KEY (disclosure_id) REFERENCES disclosure_request (id)
);

-- The APO's supervisors, to whom an overdue case is escalated (a work group, like the review layers)
-- (no table: app_user_group rows with group_name 'privacy-officer-supervisors')
