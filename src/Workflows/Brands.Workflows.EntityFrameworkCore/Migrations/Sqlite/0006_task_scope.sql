-- 0006_task_scope: each task carries its case's owning organisation and province (copied when the task is created),
-- so the tasks a user may see are found from wf_tasks and its indexes alone; and the open tasks are indexed in the
-- two orders lists show them in (oldest first; due first, undated last).
ALTER TABLE wf_tasks ADD COLUMN organisation_code TEXT NULL;
ALTER TABLE wf_tasks ADD COLUMN province TEXT NULL;
UPDATE wf_tasks SET
    organisation_code = (SELECT i.organisation_code FROM wf_instances i WHERE i.id = wf_tasks.instance_id),
    province = (SELECT i.province FROM wf_instances i WHERE i.id = wf_tasks.instance_id);
CREATE INDEX ix_wf_tasks_open_created ON wf_tasks (created_at, id) WHERE state = 'open';
CREATE INDEX ix_wf_tasks_open_due ON wf_tasks ((due_at IS NULL), due_at, created_at, id) WHERE state = 'open';
