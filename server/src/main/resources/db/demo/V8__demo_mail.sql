-- Every demo user has a mailbox at a test domain (issue 14: e-mail notifications).
UPDATE app_user SET email = CONCAT(username, '@nypd.test') WHERE email IS NULL;
