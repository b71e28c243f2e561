-- As PostgreSQL's 0004: wf_jobs.instance_id becomes optional (SQLite cannot drop NOT NULL, so the table is
-- rebuilt) with definition_id and payload_json added; message and signal subscriptions get wf_subscriptions.
CREATE TABLE wf_jobs_new (
    id               TEXT    NOT NULL PRIMARY KEY,
    instance_id      TEXT    NULL REFERENCES wf_instances (id),
    definition_id    TEXT    NULL REFERENCES wf_definitions (id),
    token_id         TEXT    NOT NULL,
    element_id       TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    due_at           INTEGER NOT NULL,
    retries          INTEGER NOT NULL,
    retry_cycle      TEXT    NOT NULL,
    lock_owner       TEXT    NULL,
    lock_expires_at  INTEGER NULL,
    last_error       TEXT    NULL,
    payload_json     TEXT    NULL,
    created_at       INTEGER NOT NULL
);
INSERT INTO wf_jobs_new (id, instance_id, token_id, element_id, kind, due_at, retries, retry_cycle, lock_owner, lock_expires_at, last_error, created_at)
SELECT id, instance_id, token_id, element_id, kind, due_at, retries, retry_cycle, lock_owner, lock_expires_at, last_error, created_at FROM wf_jobs;
DROP TABLE wf_jobs;
ALTER TABLE wf_jobs_new RENAME TO wf_jobs;
CREATE INDEX ix_wf_jobs_due_at ON wf_jobs (due_at) WHERE retries > 0;
CREATE INDEX ix_wf_jobs_instance_id ON wf_jobs (instance_id);
CREATE INDEX ix_wf_jobs_definition_id ON wf_jobs (definition_id) WHERE definition_id IS NOT NULL;

CREATE TABLE wf_subscriptions (
    id               TEXT    NOT NULL PRIMARY KEY,
    kind             TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    instance_id      TEXT    NULL REFERENCES wf_instances (id),
    token_id         TEXT    NULL,
    element_id       TEXT    NOT NULL,
    definition_id    TEXT    NULL REFERENCES wf_definitions (id),
    business_key     TEXT    NULL,
    correlation_key  TEXT    NULL,
    created_at       INTEGER NOT NULL
);
CREATE INDEX ix_wf_subscriptions_kind_name ON wf_subscriptions (kind, name, business_key);
CREATE INDEX ix_wf_subscriptions_instance_id ON wf_subscriptions (instance_id);
CREATE INDEX ix_wf_subscriptions_definition_id ON wf_subscriptions (definition_id) WHERE definition_id IS NOT NULL;
