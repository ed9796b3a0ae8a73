-- Issue 12: an API client known by the cookie of its first HTTP Basic call (STATEFUL_BASIC) is known
-- only until the user's password or roles change: when they last did (server time, UTC).
ALTER TABLE app_user ADD COLUMN credentials_changed_at TIMESTAMP(6) NULL;
