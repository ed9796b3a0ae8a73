-- Demo: the oversight roles (docs/user-guide.md). The 75th Precinct's Integrity Control Officer
-- gets its overdue misuse audits; an Internal Affairs investigator; an Information Technology
-- Bureau analyst. Same published password as every demo user.
INSERT INTO app_user (username, password_hash, display_name, command_id, enabled)
SELECT u.username, a.password_hash, u.display_name, (SELECT id FROM command WHERE code = u.cmd), TRUE
  FROM app_user a, (
    SELECT 'ico.walsh' AS username, 'Lt. Karen Walsh (ICO, 75th Precinct)' AS display_name, 'PCT-075' AS cmd
    UNION ALL SELECT 'iab.santos', 'Sgt. Luis Santos (Internal Affairs)', NULL
    UNION ALL SELECT 'itb.kim', 'Joon Kim (Information Technology Bureau)', NULL
  ) u
 WHERE a.username = 'apo.legal';
INSERT INTO app_user_role (username, role_name) VALUES
 ('ico.walsh', 'integrity-control-officer'), ('iab.santos', 'iab-investigator'), ('itb.kim', 'itb-analyst');
