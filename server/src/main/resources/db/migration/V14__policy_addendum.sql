-- Impact and use policies as versioned documents, and the addenda that change them.
-- Policies (RULES, PROCESSES & GUIDELINES): "In accordance with the Public Oversight of Surveillance
-- Technology Act, an addendum to this impact and use policy will be prepared as necessary to
-- describe any additional uses of [the technology]."

CREATE TABLE policy_document (
  id    ${id} PRIMARY KEY,
  code  VARCHAR(20)  NOT NULL,
  title VARCHAR(200) NOT NULL,
  CONSTRAINT uk_policy_code UNIQUE (code)
);

-- Which policy covers a technology (the ERMS policy covers the commercial record sources too)
CREATE TABLE policy_coverage (
  technology_id      BIGINT NOT NULL PRIMARY KEY,
  policy_document_id BIGINT NOT NULL,
  CONSTRAINT fk_coverage_technology FOREIGN KEY (technology_id) REFERENCES technology (id),
  CONSTRAINT fk_coverage_policy FOREIGN KEY (policy_document_id) REFERENCES policy_document (id)
);

-- A published version: never updated (the application maps it read-only)
CREATE TABLE policy_version (
  id                 ${id} PRIMARY KEY,
  policy_document_id BIGINT       NOT NULL,
  version_number     INT          NOT NULL,
  label              VARCHAR(300) NOT NULL,
  published_at       ${ts}        NOT NULL,
  addendum_id        BIGINT,
  CONSTRAINT uk_policy_version UNIQUE (policy_document_id, version_number),
  CONSTRAINT fk_version_policy FOREIGN KEY (policy_document_id) REFERENCES policy_document (id)
);

CREATE TABLE policy_section (
  version_id  BIGINT      NOT NULL,
  seq         INT         NOT NULL,
  section_key VARCHAR(40) NOT NULL,
  body        ${longtext} NOT NULL,
  PRIMARY KEY (version_id, seq),
  CONSTRAINT fk_section_version FOREIGN KEY (version_id) REFERENCES policy_version (id)
);

CREATE TABLE addendum (
  id                   ${id} PRIMARY KEY,
  business_key         VARCHAR(30)  NOT NULL,
  policy_document_id   BIGINT       NOT NULL,
  base_version_id      BIGINT       NOT NULL,
  technology_code      VARCHAR(40)  NOT NULL,
  new_use              ${text}      NOT NULL,
  planned_first_use    DATE         NOT NULL,
  author               VARCHAR(80)  NOT NULL,
  status               VARCHAR(30)  NOT NULL,
  review_round         INT          NOT NULL,
  opened_at            ${ts}        NOT NULL,
  comment_opened_at    ${ts},
  comment_closes_at    ${ts},
  comment_closed_at    ${ts},
  final_due_at         ${ts},
  reminded_at          ${ts},
  overdue_at           ${ts},
  first_use_warning    BOOLEAN      NOT NULL,
  published_version_id BIGINT,
  published_at         ${ts},
  withdrawn_at         ${ts},
  withdrawn_reason     VARCHAR(2000),
  -- the policy while the addendum is open, NULL once published: one open addendum per policy
  open_policy_id       BIGINT,
  process_instance_id  VARCHAR(64),
  version              BIGINT       NOT NULL,
  CONSTRAINT uk_addendum_key UNIQUE (business_key),
  CONSTRAINT uk_addendum_open UNIQUE (open_policy_id),
  CONSTRAINT fk_addendum_policy FOREIGN KEY (policy_document_id) REFERENCES policy_document (id),
  CONSTRAINT fk_addendum_base FOREIGN KEY (base_version_id) REFERENCES policy_version (id),
  CONSTRAINT fk_addendum_published FOREIGN KEY (published_version_id) REFERENCES policy_version (id)
);
CREATE INDEX ix_addendum_status ON addendum (status, opened_at);

-- Every save of the text is a draft version; PROPOSED before the comment period, FINAL after it
CREATE TABLE addendum_draft (
  id           ${id} PRIMARY KEY,
  addendum_id  BIGINT      NOT NULL,
  draft_number INT         NOT NULL,
  stage        VARCHAR(20) NOT NULL,
  saved_by     VARCHAR(80) NOT NULL,
  saved_at     ${ts}       NOT NULL,
  CONSTRAINT uk_addendum_draft UNIQUE (addendum_id, draft_number),
  CONSTRAINT fk_draft_addendum FOREIGN KEY (addendum_id) REFERENCES addendum (id)
);

CREATE TABLE addendum_draft_section (
  draft_id    BIGINT      NOT NULL,
  seq         INT         NOT NULL,
  section_key VARCHAR(40) NOT NULL,
  body        ${longtext} NOT NULL,
  PRIMARY KEY (draft_id, seq),
  CONSTRAINT fk_draft_section FOREIGN KEY (draft_id) REFERENCES addendum_draft (id)
);

-- Legal review, privacy review, the Commissioner's approval: one row per decision
CREATE TABLE addendum_review (
  id          ${id} PRIMARY KEY,
  addendum_id BIGINT      NOT NULL,
  round_no    INT         NOT NULL,
  stage       VARCHAR(20) NOT NULL,
  kind        VARCHAR(20) NOT NULL,
  reviewer    VARCHAR(80) NOT NULL,
  decision    VARCHAR(20) NOT NULL,
  remarks     ${text},
  draft_id    BIGINT      NOT NULL,
  decided_at  ${ts}       NOT NULL,
  CONSTRAINT fk_review_addendum FOREIGN KEY (addendum_id) REFERENCES addendum (id),
  CONSTRAINT fk_review_draft FOREIGN KEY (draft_id) REFERENCES addendum_draft (id)
);
CREATE INDEX ix_review_addendum ON addendum_review (addendum_id, decided_at);

-- A reviewer's comments attached to sections
CREATE TABLE addendum_section_comment (
  review_id   BIGINT        NOT NULL,
  seq         INT           NOT NULL,
  section_key VARCHAR(40)   NOT NULL,
  remark      VARCHAR(4000) NOT NULL,
  PRIMARY KEY (review_id, seq),
  CONSTRAINT fk_section_comment_review FOREIGN KEY (review_id) REFERENCES addendum_review (id)
);

-- The author's answer to one comment or a group of comments; shown publicly after publication
CREATE TABLE comment_response (
  id          ${id} PRIMARY KEY,
  addendum_id BIGINT      NOT NULL,
  body        ${text}     NOT NULL,
  written_by  VARCHAR(80) NOT NULL,
  written_at  ${ts}       NOT NULL,
  CONSTRAINT fk_response_addendum FOREIGN KEY (addendum_id) REFERENCES addendum (id)
);

-- A member of the public's comment (no sign-in): markup stripped; the client only as a keyed hash,
-- kept to limit how often one client may comment
CREATE TABLE public_comment (
  id             ${id} PRIMARY KEY,
  addendum_id    BIGINT       NOT NULL,
  commenter_name VARCHAR(100),
  body           ${text}      NOT NULL,
  received_at    ${ts}        NOT NULL,
  client_hash    CHAR(64)     NOT NULL,
  response_id    BIGINT,
  CONSTRAINT fk_comment_addendum FOREIGN KEY (addendum_id) REFERENCES addendum (id),
  CONSTRAINT fk_comment_response FOREIGN KEY (response_id) REFERENCES comment_response (id)
);
CREATE INDEX ix_comment_addendum ON public_comment (addendum_id, received_at);
CREATE INDEX ix_comment_client ON public_comment (addendum_id, client_hash, received_at);
