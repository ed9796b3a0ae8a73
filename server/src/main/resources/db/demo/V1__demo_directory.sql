-- Demo data: commands, members and the demo users of docs (README.md lists them).
-- Applied only when custodian.demo-data=true (always on the embedded default database and in the
-- test suite; never on a production start). Every demo password is "custodian-demo", stored as
-- the SHA-512-crypt hash below (openssl passwd -6), never in clear text.

INSERT INTO command (code, name, kind) VALUES
 ('PCT-075', '75th Precinct', 'PRECINCT'),
 ('PCT-040', '40th Precinct', 'PRECINCT'),
 ('INTEL',   'Intelligence Division', 'INTELLIGENCE_DIVISION'),
 ('LEGAL',   'Legal Bureau', 'BUREAU'),
 ('DB',      'Detective Bureau', 'BUREAU');

-- What each command's functions justify: precincts investigate and hold devices and cameras;
-- only the Intelligence Division holds the political-activity (Handschu) levels.
INSERT INTO command_permitted_level (command_id, access_level_id)
SELECT c.id, l.id FROM command c, access_level l JOIN technology t ON t.id = l.technology_id
WHERE c.code IN ('PCT-075', 'PCT-040')
  AND CONCAT(t.code, ':', l.code) IN ('CMS:VIEW', 'CMS:INVESTIGATOR', 'CMS:SUPERVISOR', 'ERMS:SEARCH',
       'ERMS-GOV:SEARCH', 'ERMS-TLO:SEARCH', 'ERMS-ACCURINT:SEARCH', 'PED:STANDARD', 'CAMERA:STANDARD');
INSERT INTO command_permitted_level (command_id, access_level_id)
SELECT c.id, l.id FROM command c, access_level l WHERE c.code IN ('INTEL', 'DB');
INSERT INTO command_permitted_level (command_id, access_level_id)
SELECT c.id, l.id FROM command c, access_level l JOIN technology t ON t.id = l.technology_id
WHERE c.code = 'LEGAL' AND CONCAT(t.code, ':', l.code) IN ('CMS:VIEW', 'ERMS:SEARCH', 'PED:STANDARD');

INSERT INTO member (tax_number, name, rank_title, command_id, active)
SELECT m.tax, m.name, m.rnk, c.id, m.active FROM command c JOIN (
  SELECT '931001' AS tax, 'Ana Diaz' AS name, 'Police Officer' AS rnk, 'PCT-075' AS cmd, TRUE AS active
  UNION ALL SELECT '931002', 'Marcus Bell', 'Detective', 'PCT-075', TRUE
  UNION ALL SELECT '931003', 'Priya Shah', 'Sergeant', 'PCT-075', TRUE
  UNION ALL SELECT '931004', 'Tom Keller', 'Police Officer', 'PCT-075', FALSE
  UNION ALL SELECT '931005', 'Rosa Ortiz', 'Lieutenant', 'PCT-075', TRUE
  UNION ALL SELECT '940001', 'James Park', 'Police Officer', 'PCT-040', TRUE
  UNION ALL SELECT '940002', 'Lena Novak', 'Detective', 'PCT-040', TRUE
  UNION ALL SELECT '940003', 'Samuel Reyes', 'Sergeant', 'PCT-040', TRUE
  UNION ALL SELECT '950001', 'Hannah Cole', 'Detective', 'INTEL', TRUE
  UNION ALL SELECT '950002', 'Victor Chen', 'Sergeant', 'INTEL', TRUE
  UNION ALL SELECT '950003', 'Nadia Haddad', 'Police Officer', 'INTEL', TRUE
  UNION ALL SELECT '960001', 'Grace Liu', 'Attorney', 'LEGAL', TRUE
  UNION ALL SELECT '970001', 'Omar Farouk', 'Detective', 'DB', TRUE
) m ON m.cmd = c.code;

INSERT INTO app_user (username, password_hash, display_name, command_id, enabled)
SELECT u.username, '$6$custodiandemo$Vo7AbprHADrsthk1wF707Zt5Idz.3ZndlYyfZBIajmb2gRMkOMbilKl0VJB12XMM6H0PseZNxhz9iA26NN0mP1', u.display_name, (SELECT id FROM command WHERE code = u.cmd), TRUE FROM (
  SELECT 'co.ramirez' AS username, 'Insp. Elena Ramirez' AS display_name, 'PCT-075' AS cmd
  UNION ALL SELECT 'co.okafor', 'Capt. David Okafor', 'PCT-040'
  UNION ALL SELECT 'co.intel', 'Dep. Insp. Mara Quinn', 'INTEL'
  UNION ALL SELECT 'member.diaz', 'P.O. Ana Diaz', 'PCT-075'
  UNION ALL SELECT 'rev.one', 'Chief Rita Moore (review layer 1)', NULL
  UNION ALL SELECT 'rev.two', 'Chief Paul Grant (review layer 2)', NULL
  UNION ALL SELECT 'rev.three', 'Chief Irene Lowe (review layer 3)', NULL
  UNION ALL SELECT 'rev.both', 'Asst. Chief Ben Tate (review layers 1 and 2)', NULL
  UNION ALL SELECT 'apo.legal', 'Agency Privacy Officer', 'LEGAL'
  UNION ALL SELECT 'cpo.city', 'City Chief Privacy Officer', NULL
  UNION ALL SELECT 'author.policy', 'Policy author', NULL
  UNION ALL SELECT 'counsel.legal', 'Legal Bureau counsel', 'LEGAL'
  UNION ALL SELECT 'commissioner', 'Police Commissioner', NULL
  UNION ALL SELECT 'auditor.iab', 'Internal Affairs auditor', NULL
  UNION ALL SELECT 'admin', 'System administrator', NULL
) u;

INSERT INTO app_user_role (username, role_name) VALUES
 ('co.ramirez', 'commanding-officer'), ('co.okafor', 'commanding-officer'), ('co.intel', 'commanding-officer'),
 ('member.diaz', 'member'),
 ('rev.one', 'executive-reviewer'), ('rev.two', 'executive-reviewer'), ('rev.three', 'executive-reviewer'),
 ('rev.both', 'executive-reviewer'),
 ('apo.legal', 'privacy-officer'), ('cpo.city', 'chief-privacy-officer'), ('author.policy', 'policy-author'),
 ('counsel.legal', 'legal-reviewer'), ('commissioner', 'commissioner'), ('auditor.iab', 'auditor'),
 ('admin', 'admin');

INSERT INTO app_user_group (username, group_name) VALUES
 ('rev.one', 'access-review-1'), ('rev.two', 'access-review-2'), ('rev.three', 'access-review-3'),
 ('rev.both', 'access-review-1'), ('rev.both', 'access-review-2'),
 ('rev.three', 'access-review-escalation');
