-- The execution a task belongs to, so a task of a multi-instance activity (one per command) can
-- read its own element variable.
ALTER TABLE inbox_task ADD COLUMN execution_id VARCHAR(64);
