-- Demo data for disclosures: a second Agency Privacy Officer (an APO's own request goes to the
-- other), and one of each standing authorization so every basis can be tried at once.

INSERT INTO app_user (username, password_hash, display_name, command_id, enabled)
SELECT 'apo.deputy', password_hash, 'Deputy Agency Privacy Officer', command_id, TRUE FROM app_user WHERE username = 'apo.legal';
INSERT INTO app_user_role (username, role_name) VALUES ('apo.deputy', 'privacy-officer');

INSERT INTO standing_authorization (kind, reference, title, description, recipient_kinds, recipient_organization,
  purpose_categories, data_categories, technology_id, valid_from, valid_until, created_by, created_at, version)
VALUES
 ('ROUTINE_DESIGNATION', 'RD-2026-000001', 'Arrest paperwork to the prosecutor with jurisdiction',
  'After an arrest, the NYPD turns over relevant information to the prosecutor with jurisdiction over the matter.',
  'PROSECUTOR', NULL, 'PROSECUTION', 'ADDRESS,ARREST_RECORD,DATE_OF_BIRTH,LICENSE_PLATE,NAME,PHOTOGRAPH', NULL,
  TIMESTAMP '2026-01-01 00:00:00', NULL, 'apo.legal', TIMESTAMP '2026-01-01 00:00:00', 0),
 ('CPO_PRE_APPROVAL', 'PA-2026-000001', 'Wanted-person notices to the news media',
  'Photographs and names of wanted persons released to further an investigation or address a community concern.',
  'COMMUNITY_OR_MEDIA', NULL, 'COMMUNITY_CONCERN,PUBLIC_SAFETY_NOTICE', 'NAME,PHOTOGRAPH,SURVEILLANCE_SYSTEM_INFORMATION', NULL,
  TIMESTAMP '2026-01-01 00:00:00', NULL, 'cpo.city', TIMESTAMP '2026-01-01 00:00:00', 0),
 ('AGENCY_AGREEMENT', 'AG-2026-000001', 'Record system access agreement with the Nassau County Police Department',
  'Limited access to NYPD records under a written agreement: security, confidentiality, no disclosure without NYPD approval.',
  'LAW_ENFORCEMENT_AGENCY', 'Nassau County Police Department', '', '',
  (SELECT id FROM technology WHERE code = 'ERMS'),
  TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2028-01-01 00:00:00', 'apo.legal', TIMESTAMP '2026-01-01 00:00:00', 0);

UPDATE business_key_sequence SET last_no = 1 WHERE prefix IN ('RD', 'PA', 'AG');
