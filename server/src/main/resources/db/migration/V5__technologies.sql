-- The systems the impact and use policies cover (../shared/seeds), their access levels and how many
-- layers of executive review a request for them needs ("Authorization requests receive several
-- layers of executive review"). An admin may change review_layers; these are the starting values.
-- Intelligence-only levels implement the Revised Handschu Guidelines: "The Intelligence Division is
-- the sole entity in the NYPD that may conduct investigations involving political activity".

INSERT INTO technology (code, name, category, review_layers) VALUES
 ('CMS',         'Case management system',                                      'CASE_MANAGEMENT', 2),
 ('ERMS',        'Electronic record management system (NYPD internal)',         'RECORD_MANAGEMENT', 2),
 ('ERMS-GOV',    'Record systems of other government agencies',                 'RECORD_MANAGEMENT', 2),
 ('ERMS-TLO',    'TLO (commercial record source)',                              'COMMERCIAL_RECORD_SOURCE', 3),
 ('ERMS-WHOOSTER','Whooster (commercial record source)',                        'COMMERCIAL_RECORD_SOURCE', 3),
 ('ERMS-ACCURINT','Accurint (commercial record source)',                        'COMMERCIAL_RECORD_SOURCE', 3),
 ('ERMS-SKOPENOW','SkopeNow (commercial record source)',                        'COMMERCIAL_RECORD_SOURCE', 3),
 ('ERMS-LEADS',  'Leads Online (commercial record source)',                     'COMMERCIAL_RECORD_SOURCE', 3),
 ('PED',         'Portable electronic devices',                                 'PORTABLE_DEVICE', 1),
 ('CAMERA',      'Digital cameras',                                             'DIGITAL_CAMERA', 1);

INSERT INTO access_level (technology_id, code, name, intelligence_only)
SELECT t.id, l.code, l.name, l.intel FROM technology t JOIN (
  SELECT 'CMS' AS tech, 'VIEW' AS code, 'View case records' AS name, FALSE AS intel
  UNION ALL SELECT 'CMS', 'INVESTIGATOR', 'Create and update case records', FALSE
  UNION ALL SELECT 'CMS', 'SUPERVISOR', 'Review and close cases of the command', FALSE
  UNION ALL SELECT 'CMS', 'POLITICAL-ACTIVITY', 'Political-activity investigation cases (Handschu)', TRUE
  UNION ALL SELECT 'ERMS', 'SEARCH', 'Search and view records', FALSE
  UNION ALL SELECT 'ERMS', 'BULK-EXPORT', 'Export search results', FALSE
  UNION ALL SELECT 'ERMS', 'POLITICAL-ACTIVITY', 'Political-activity investigation records (Handschu)', TRUE
  UNION ALL SELECT 'ERMS-GOV', 'SEARCH', 'Search warrants, stolen property, orders of protection', FALSE
  UNION ALL SELECT 'ERMS-TLO', 'SEARCH', 'Search public and proprietary records', FALSE
  UNION ALL SELECT 'ERMS-WHOOSTER', 'SEARCH', 'Search public and proprietary records', FALSE
  UNION ALL SELECT 'ERMS-ACCURINT', 'SEARCH', 'Search public and proprietary records', FALSE
  UNION ALL SELECT 'ERMS-SKOPENOW', 'SEARCH', 'Search public and proprietary records', FALSE
  UNION ALL SELECT 'ERMS-LEADS', 'SEARCH', 'Search public and proprietary records', FALSE
  UNION ALL SELECT 'PED', 'STANDARD', 'Department smartphone or tablet, standard applications', FALSE
  UNION ALL SELECT 'PED', 'INVESTIGATIVE-APPS', 'Investigative applications on a department device', FALSE
  UNION ALL SELECT 'CAMERA', 'STANDARD', 'Department digital camera', FALSE
  UNION ALL SELECT 'CAMERA', 'POLITICAL-ACTIVITY', 'Cameras at political-activity investigations (Handschu)', TRUE
) l ON l.tech = t.code;
