-- Periodic recertification: each campaign asks every Commanding Officer to keep or end each active
-- grant of their members; grants not certified by the deadline end.

CREATE TABLE recertification_campaign (
  id                  ${id} PRIMARY KEY,
  business_key        VARCHAR(30) NOT NULL,
  started_at          ${ts}       NOT NULL,
  started_by          VARCHAR(80) NOT NULL,
  due_at              ${ts}       NOT NULL,
  closed_at           ${ts},
  process_instance_id VARCHAR(64),
  CONSTRAINT uk_campaign_key UNIQUE (business_key)
);

CREATE TABLE recertification_item (
  id          ${id} PRIMARY KEY,
  campaign_id BIGINT      NOT NULL,
  command_id  BIGINT      NOT NULL,
  grant_id    BIGINT      NOT NULL,
  decision    VARCHAR(10),
  decided_by  VARCHAR(80),
  decided_at  ${ts},
  CONSTRAINT uk_recertification_item UNIQUE (campaign_id, grant_id),
  CONSTRAINT fk_item_campaign FOREIGN KEY (campaign_id) REFERENCES recertification_campaign (id),
  CONSTRAINT fk_item_command FOREIGN KEY (command_id) REFERENCES command (id),
  CONSTRAINT fk_item_grant FOREIGN KEY (grant_id) REFERENCES access_grant (id)
);
CREATE INDEX ix_item_campaign_command ON recertification_item (campaign_id, command_id, decision);

INSERT INTO business_key_sequence (prefix, last_no) VALUES ('RC', 0);
