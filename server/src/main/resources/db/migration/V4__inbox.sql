-- The task inbox: our own read model of the engine's open user tasks, written in the same
-- transaction as the engine's task rows (inbox/control/InboxProjection). The engine's own
-- candidate-group query runs an EXISTS over ACT_RU_IDENTITYLINK whose plan changes between MariaDB
-- versions (864 ms to 1.3 s with 100,000 tasks, docs/performance.md); these tables carry the
-- indexes the inbox page needs, so the page is an ordered index range scan on every MariaDB.

CREATE TABLE inbox_task (
  task_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  name             VARCHAR(200) NOT NULL,
  task_key         VARCHAR(100) NOT NULL,
  process_key      VARCHAR(100) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  business_key     VARCHAR(30),
  case_id          BIGINT,
  subject          VARCHAR(300),
  created_at       ${ts}        NOT NULL,
  due_at           ${ts},
  assignee         VARCHAR(80),
  candidate_groups VARCHAR(400) NOT NULL,
  overdue          BOOLEAN      NOT NULL
);
CREATE INDEX ix_inbox_task_assignee_created ON inbox_task (assignee, created_at);
CREATE INDEX ix_inbox_task_assignee_due ON inbox_task (assignee, due_at);
CREATE INDEX ix_inbox_task_process ON inbox_task (process_instance_id);

-- One row per (unclaimed task, candidate group); removed when the task is claimed, restored on unclaim.
CREATE TABLE inbox_candidate (
  task_id    VARCHAR(64) NOT NULL,
  group_name VARCHAR(60) NOT NULL,
  created_at ${ts}       NOT NULL,
  due_at     ${ts},
  overdue    BOOLEAN     NOT NULL,
  PRIMARY KEY (task_id, group_name)
);
CREATE INDEX ix_inbox_candidate_created ON inbox_candidate (group_name, created_at, task_id);
CREATE INDEX ix_inbox_candidate_due ON inbox_candidate (group_name, due_at, task_id);
CREATE INDEX ix_inbox_candidate_overdue ON inbox_candidate (group_name, overdue, created_at, task_id);
