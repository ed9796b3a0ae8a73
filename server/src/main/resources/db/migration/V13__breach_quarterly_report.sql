-- The City CPO's quarterly report (policies, 2026: "the NYC Chief Privacy Officer submits a
-- quarterly report containing an anonymized compilation or summary of such disclosures"): each
-- published report is frozen as a version; counts only, small counts suppressed.
CREATE TABLE breach_quarterly_report (
  id           ${id} PRIMARY KEY,
  quarter      VARCHAR(7)   NOT NULL,
  version_no   INT          NOT NULL,
  published_by VARCHAR(80)  NOT NULL,
  published_at ${ts}        NOT NULL,
  content      ${text}      NOT NULL,
  CONSTRAINT uk_quarterly_report UNIQUE (quarter, version_no)
);
