-- 0006_task_scope: each task carries its case's owning organisation and province (copied when the task is created),
-- so the tasks a user may see are found from wf_tasks and its indexes alone; and the open tasks are indexed in the
-- two orders lists show them in (oldest first; due first, undated last). Measured with bench/inbox.sh.
ALTER TABLE wf_tasks ADD COLUMN organisation_code text NULL;
ALTER TABLE wf_tasks ADD COLUMN province text NULL;
UPDATE wf_tasks t SET organisation_code = i.organisation_code, province = i.province
FROM wf_instances i
WHERE i.id = t.instance_id AND (i.organisation_code IS NOT NULL OR i.province IS NOT NULL);
CREATE INDEX ix_wf_tasks_open_created ON wf_tasks (created_at, id) WHERE state = 'open';
CREATE INDEX ix_wf_tasks_open_due ON wf_tasks ((due_at IS NULL), due_at, created_at, id) WHERE state = 'open';
