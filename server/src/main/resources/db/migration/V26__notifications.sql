-- E-mail notifications (issue 14). A user's address and how they want their mail; what happened
-- (a notice, written in the transaction that made it happen); and each message to each recipient,
-- sent after that transaction commits, retried, and kept as the record of what was sent.
ALTER TABLE app_user ADD COLUMN email VARCHAR(254);
ALTER TABLE app_user ADD COLUMN mail_mode VARCHAR(20) DEFAULT 'IMMEDIATE' NOT NULL;
ALTER TABLE app_user ADD COLUMN mute_group_mail BOOLEAN DEFAULT FALSE NOT NULL;

-- What happened, with whom it concerns: a user, or candidate groups (resolved to users later, off
-- the request's path). Carries no data subject's identifying information: a task's name, a case's
-- business key, a link.
CREATE TABLE notice (
  id           ${id}         PRIMARY KEY,
  kind         VARCHAR(30)   NOT NULL,
  created_at   ${ts}         NOT NULL,
  username     VARCHAR(80),
  group_names  VARCHAR(1000),
  business_key VARCHAR(40),
  headline     VARCHAR(300)  NOT NULL,
  link         VARCHAR(500)  NOT NULL,
  due_at       ${ts},
  resolved_at  ${ts}
);
CREATE INDEX ix_notice_unresolved ON notice (resolved_at, id);

-- One message to one recipient: sent at once, or kept for the recipient's daily digest.
CREATE TABLE mail_message (
  id            ${id}         PRIMARY KEY,
  notice_id     BIGINT        NOT NULL,
  username      VARCHAR(80)   NOT NULL,
  address       VARCHAR(254),
  digest        BOOLEAN       NOT NULL,
  status        VARCHAR(20)   NOT NULL,
  send_after    ${ts}         NOT NULL,
  attempts      INT           NOT NULL,
  last_error    VARCHAR(1000),
  sent_at       ${ts},
  claimed_until ${ts},
  version       BIGINT        NOT NULL,
  CONSTRAINT fk_mail_message_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
);
CREATE INDEX ix_mail_message_due ON mail_message (status, send_after);
CREATE INDEX ix_mail_message_user ON mail_message (username, id);
