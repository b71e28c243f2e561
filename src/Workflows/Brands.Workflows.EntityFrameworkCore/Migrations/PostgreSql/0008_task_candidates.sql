-- 0008_task_candidates: lists of one user's tasks walk an index in the list's order and stop after the page
-- (bench/README.md, "The inbox under a million tasks").
-- * Assigned open tasks by assignee, in both list orders ("my tasks").
-- * wf_task_candidates: one row per candidate group ('group:<name>') and candidate user ('user:<name>') of each open,
--   unassigned task, with the task's due and creation times, so the claimable tasks of a group are found in list
--   order from their own index instead of testing the comma-joined lists of every open task. Kept by a trigger on
--   wf_tasks, so every writer (the engine, a migration, a bulk load) keeps it right in the same transaction.
CREATE INDEX ix_wf_tasks_open_assignee_due ON wf_tasks (assignee, (due_at IS NULL), due_at, created_at, id)
    WHERE state = 'open' AND assignee IS NOT NULL;
CREATE INDEX ix_wf_tasks_open_assignee_created ON wf_tasks (assignee, created_at, id)
    WHERE state = 'open' AND assignee IS NOT NULL;

CREATE TABLE wf_task_candidates (
    task_id     uuid        NOT NULL,
    candidate   text        NOT NULL,
    due_at      timestamptz NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (task_id, candidate)
);
CREATE INDEX ix_wf_task_candidates_created ON wf_task_candidates (candidate, created_at, task_id);
CREATE INDEX ix_wf_task_candidates_due ON wf_task_candidates (candidate, (due_at IS NULL), due_at, created_at, task_id);

CREATE FUNCTION wf_task_candidates_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM wf_task_candidates WHERE task_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.state = 'open' AND NEW.assignee IS NULL THEN
        INSERT INTO wf_task_candidates (task_id, candidate, due_at, created_at)
        SELECT DISTINCT NEW.id, c.candidate, NEW.due_at, NEW.created_at
        FROM (SELECT 'group:' || btrim(g) FROM unnest(string_to_array(NEW.candidate_groups, ',')) AS g
              UNION ALL
              SELECT 'user:' || btrim(u) FROM unnest(string_to_array(NEW.candidate_users, ',')) AS u) AS c(candidate)
        WHERE c.candidate NOT IN ('group:', 'user:');
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER wf_tasks_candidates_insert_delete AFTER INSERT OR DELETE ON wf_tasks
    FOR EACH ROW EXECUTE FUNCTION wf_task_candidates_sync();
CREATE TRIGGER wf_tasks_candidates_update AFTER UPDATE ON wf_tasks
    FOR EACH ROW
    WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.assignee IS DISTINCT FROM NEW.assignee
          OR OLD.candidate_groups IS DISTINCT FROM NEW.candidate_groups OR OLD.candidate_users IS DISTINCT FROM NEW.candidate_users
          OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION wf_task_candidates_sync();

INSERT INTO wf_task_candidates (task_id, candidate, due_at, created_at)
SELECT DISTINCT t.id, c.candidate, t.due_at, t.created_at
FROM wf_tasks t
CROSS JOIN LATERAL (SELECT 'group:' || btrim(g) FROM unnest(string_to_array(t.candidate_groups, ',')) AS g
                    UNION ALL
                    SELECT 'user:' || btrim(u) FROM unnest(string_to_array(t.candidate_users, ',')) AS u) AS c(candidate)
WHERE t.state = 'open' AND t.assignee IS NULL AND c.candidate NOT IN ('group:', 'user:');
