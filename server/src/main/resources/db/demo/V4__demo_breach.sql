-- Demo: the APO's supervisor (General Counsel), to whom an overdue breach report is escalated.
INSERT INTO app_user (username, password_hash, display_name, command_id, enabled)
SELECT 'counsel.general', password_hash, 'General Counsel (APO supervisor)', command_id, TRUE FROM app_user WHERE username = 'apo.legal';
INSERT INTO app_user_role (username, role_name) VALUES ('counsel.general', 'privacy-officer');
INSERT INTO app_user_group (username, group_name) VALUES ('counsel.general', 'privacy-officer-supervisors');
