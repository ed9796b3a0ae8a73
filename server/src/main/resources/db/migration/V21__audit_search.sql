-- The auditor's console (issue 13): "who accessed this subject / this record", a member's or a
-- command's use of the covered systems, and everything a user did, newest first, without reading
-- the whole log. Policies, INTERNAL AUDIT & OVERSIGHT: "The log-in and use of the system is
-- traceable to a particular user and periodically audited for misuse by the precinct or unit's
-- Commanding Officer."

-- The command the member belonged to when the event arrived: the Commanding Officer who audits it.
ALTER TABLE access_event ADD COLUMN command_id BIGINT;
UPDATE access_event SET command_id = (SELECT m.command_id FROM member m WHERE m.id = access_event.member_id);
ALTER TABLE access_event ADD CONSTRAINT fk_access_event_command FOREIGN KEY (command_id) REFERENCES command (id);
CREATE INDEX ix_access_event_command ON access_event (command_id, at);
CREATE INDEX ix_access_event_subject ON access_event (subject, at);
CREATE INDEX ix_access_event_record ON access_event (record_ref, at);

CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, at);
CREATE INDEX ix_audit_entry_at ON audit_entry (at);
