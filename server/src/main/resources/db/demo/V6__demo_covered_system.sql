-- Demo: the case management system's account, which posts its users' access events
-- (POST /api/access-events). Same published password as every demo user.
INSERT INTO app_user (username, password_hash, display_name, command_id, enabled, technology_id)
SELECT 'system.cms', password_hash, 'Case management system (covered system)', NULL, TRUE,
       (SELECT id FROM technology WHERE code = 'CMS')
  FROM app_user WHERE username = 'apo.legal';
INSERT INTO app_user_role (username, role_name) VALUES ('system.cms', 'covered-system');
