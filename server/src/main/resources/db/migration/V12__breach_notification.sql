-- The notification decision and the written notifications (policies, 2026: "The NYPD must make
-- reasonable efforts to notify individuals affected by the disclosure in writing when there is
-- potential risk of harm ..., when the NYPD determines in consultation with the NYC Chief Privacy
-- Officer and the Law Department that notification should occur, or when legally required").

ALTER TABLE breach_report ADD COLUMN notify_individuals BOOLEAN;
ALTER TABLE breach_report ADD COLUMN notification_grounds VARCHAR(200);
ALTER TABLE breach_report ADD COLUMN notification_rationale ${text};
ALTER TABLE breach_report ADD COLUMN notification_proposed_by VARCHAR(80);
ALTER TABLE breach_report ADD COLUMN notification_proposed_at ${ts};
ALTER TABLE breach_report ADD COLUMN cpo_concurred_by VARCHAR(80);
ALTER TABLE breach_report ADD COLUMN cpo_concurred_at ${ts};
ALTER TABLE breach_report ADD COLUMN cpo_objection ${text};
ALTER TABLE breach_report ADD COLUMN closed_at ${ts};

-- One written notification per affected individual, tracked until sent or the efforts are documented.
CREATE TABLE breach_notification (
  id          ${id} PRIMARY KEY,
  breach_id   BIGINT        NOT NULL,
  person_name VARCHAR(200)  NOT NULL,
  status      VARCHAR(30)   NOT NULL,
  method      VARCHAR(200),
  sent_at     ${ts},
  efforts     VARCHAR(4000),
  updated_by  VARCHAR(80),
  updated_at  ${ts},
  version     BIGINT        NOT NULL,
  CONSTRAINT fk_notification_breach FOREIGN KEY (breach_id) REFERENCES breach_report (id)
);
CREATE INDEX ix_notification_breach ON breach_notification (breach_id, id);
