-- Disclosure approval (policies, EXTERNAL ENTITIES): identifying information leaves the department
-- only on one of seven bases, recorded with its evidence and, for bases 1-3, the Agency Privacy
-- Officer's written approval. Released disclosures form the ledger, searchable by data subject.

-- Standing authorizations a disclosure may rely on: the APO's routine designations (basis 5), the
-- City CPO's pre-approvals (basis 4) and written agreements with government agencies. A scope is
-- recipient kinds (or one organization), purposes and data categories; sets are comma-separated.
CREATE TABLE standing_authorization (
  id                     ${id} PRIMARY KEY,
  kind                   VARCHAR(30)   NOT NULL,
  reference              VARCHAR(60)   NOT NULL,
  title                  VARCHAR(200)  NOT NULL,
  description            VARCHAR(4000),
  recipient_kinds        VARCHAR(400)  NOT NULL,
  recipient_organization VARCHAR(200),
  purpose_categories     VARCHAR(400)  NOT NULL,
  data_categories        VARCHAR(800)  NOT NULL,
  technology_id          BIGINT,
  valid_from             ${ts}         NOT NULL,
  valid_until            ${ts},
  retired_at             ${ts},
  retired_by             VARCHAR(80),
  retire_reason          VARCHAR(1000),
  created_by             VARCHAR(80)   NOT NULL,
  created_at             ${ts}         NOT NULL,
  version                BIGINT        NOT NULL,
  CONSTRAINT uk_standing_authorization UNIQUE (kind, reference),
  CONSTRAINT fk_standing_technology FOREIGN KEY (technology_id) REFERENCES technology (id)
);

-- An uploaded evidence document (the subject's written authorization, basis 1): uploaded before
-- the request is filed (disclosure_id NULL until then) or attached to it later.
CREATE TABLE disclosure_document (
  id            ${id} PRIMARY KEY,
  disclosure_id BIGINT,
  file_name     VARCHAR(255) NOT NULL,
  content_type  VARCHAR(100) NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  content       ${blob}      NOT NULL,
  uploaded_by   VARCHAR(80)  NOT NULL,
  uploaded_at   ${ts}        NOT NULL
);

CREATE TABLE disclosure_request (
  id                       ${id} PRIMARY KEY,
  business_key             VARCHAR(30)   NOT NULL,
  requested_by             VARCHAR(80)   NOT NULL,
  recipient_name           VARCHAR(200)  NOT NULL,
  recipient_organization   VARCHAR(200)  NOT NULL,
  recipient_org_key        VARCHAR(200)  NOT NULL,
  recipient_kind           VARCHAR(40)   NOT NULL,
  recipient_verification   VARCHAR(2000) NOT NULL,
  source_technology_id     BIGINT        NOT NULL,
  purpose_category         VARCHAR(40)   NOT NULL,
  purpose                  VARCHAR(4000) NOT NULL,
  basis                    INT           NOT NULL,
  authorization_document_id BIGINT,
  signed_by                VARCHAR(30),
  law_citation             VARCHAR(1000),
  mission_rationale        VARCHAR(4000),
  incident_number          VARCHAR(100),
  agency                   VARCHAR(200),
  agency_reference         VARCHAR(200),
  relied_on_id             BIGINT,
  agreement_id             BIGINT,
  status                   VARCHAR(20)   NOT NULL,
  refusal_reason           VARCHAR(2000),
  process_instance_id      VARCHAR(64),
  created_at               ${ts}         NOT NULL,
  decided_at               ${ts},
  released_at              ${ts},
  release_method           VARCHAR(400),
  release_recorded_at      ${ts},
  version                  BIGINT        NOT NULL,
  CONSTRAINT uk_disclosure_key UNIQUE (business_key),
  CONSTRAINT ck_disclosure_basis CHECK (basis BETWEEN 1 AND 7),
  CONSTRAINT fk_disclosure_technology FOREIGN KEY (source_technology_id) REFERENCES technology (id),
  CONSTRAINT fk_disclosure_document FOREIGN KEY (authorization_document_id) REFERENCES disclosure_document (id),
  CONSTRAINT fk_disclosure_relied_on FOREIGN KEY (relied_on_id) REFERENCES standing_authorization (id),
  CONSTRAINT fk_disclosure_agreement FOREIGN KEY (agreement_id) REFERENCES standing_authorization (id)
);
CREATE INDEX ix_disclosure_requester ON disclosure_request (requested_by, created_at);
CREATE INDEX ix_disclosure_status_released ON disclosure_request (status, released_at);
CREATE INDEX ix_disclosure_recipient ON disclosure_request (recipient_org_key, released_at);

ALTER TABLE disclosure_document
  ADD CONSTRAINT fk_document_disclosure FOREIGN KEY (disclosure_id) REFERENCES disclosure_request (id);

CREATE TABLE disclosure_category (
  disclosure_id BIGINT      NOT NULL,
  category      VARCHAR(40) NOT NULL,
  PRIMARY KEY (disclosure_id, category),
  CONSTRAINT fk_category_disclosure FOREIGN KEY (disclosure_id) REFERENCES disclosure_request (id)
);

-- The data subjects and their identifiers. *_key columns hold the search form (lower case, single
-- spaces; identifiers without punctuation), indexed for the ledger's search by subject.
CREATE TABLE disclosure_subject (
  id            ${id} PRIMARY KEY,
  disclosure_id BIGINT       NOT NULL,
  position      INT          NOT NULL,
  name          VARCHAR(200) NOT NULL,
  name_key      VARCHAR(200) NOT NULL,
  CONSTRAINT fk_subject_disclosure FOREIGN KEY (disclosure_id) REFERENCES disclosure_request (id)
);
CREATE INDEX ix_subject_name ON disclosure_subject (name_key, disclosure_id);
CREATE INDEX ix_subject_disclosure ON disclosure_subject (disclosure_id, position);

CREATE TABLE disclosure_identifier (
  subject_id BIGINT       NOT NULL,
  kind       VARCHAR(40)  NOT NULL,
  identifier_value VARCHAR(200) NOT NULL,
  value_key  VARCHAR(200) NOT NULL,
  PRIMARY KEY (subject_id, kind),
  CONSTRAINT fk_identifier_subject FOREIGN KEY (subject_id) REFERENCES disclosure_subject (id)
);
CREATE INDEX ix_identifier_value ON disclosure_identifier (value_key, subject_id);

-- Every decision on a disclosure: the APO's written approval or denial (bases 1-3), the approval by
-- a matched pre-approval or designation (4, 5), approval on filing and the APO's after-the-fact
-- review (6, 7). A task is decided once.
CREATE TABLE disclosure_decision (
  id            ${id} PRIMARY KEY,
  disclosure_id BIGINT        NOT NULL,
  task_id       VARCHAR(64),
  kind          VARCHAR(30)   NOT NULL,
  actor         VARCHAR(80)   NOT NULL,
  actor_name    VARCHAR(200)  NOT NULL,
  decision      VARCHAR(20)   NOT NULL,
  text          VARCHAR(8000) NOT NULL,
  decided_at    ${ts}         NOT NULL,
  CONSTRAINT uk_disclosure_decision_task UNIQUE (task_id),
  CONSTRAINT fk_decision_disclosure FOREIGN KEY (disclosure_id) REFERENCES disclosure_request (id)
);
CREATE INDEX ix_disclosure_decision ON disclosure_decision (disclosure_id, decided_at);

INSERT INTO business_key_sequence (prefix, last_no) VALUES ('RD', 0), ('PA', 0), ('AG', 0);
