-- The demo members' current assignments (the schema backfills only members that existed before it).
INSERT INTO member_assignment (member_id, command_id, started_at)
SELECT m.id, m.command_id, TIMESTAMP '2024-01-01 00:00:00' FROM member m
WHERE NOT EXISTS (SELECT 1 FROM member_assignment a WHERE a.member_id = m.id);
