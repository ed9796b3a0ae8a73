-- User administration (issue 14): a password an administrator reset must be changed by its user at
-- the next sign-in before anything else.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
