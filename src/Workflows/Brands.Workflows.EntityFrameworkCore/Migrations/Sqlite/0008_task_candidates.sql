-- 0008_task_candidates: assigned open tasks by assignee, in both list orders ("my tasks"). The candidates table of
-- the PostgreSQL migration is not kept here: a SQLite installation is small, and its lists test the task's
-- comma-joined candidate lists as before.
CREATE INDEX ix_wf_tasks_open_assignee_due ON wf_tasks (assignee, (due_at IS NULL), due_at, created_at, id)
    WHERE state = 'open' AND assignee IS NOT NULL;
CREATE INDEX ix_wf_tasks_open_assignee_created ON wf_tasks (assignee, created_at, id)
    WHERE state = 'open' AND assignee IS NOT NULL;
