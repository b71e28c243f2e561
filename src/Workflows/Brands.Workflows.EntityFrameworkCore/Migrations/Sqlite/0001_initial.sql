-- 0001_initial: definitions, instances (cases), human tasks, jobs, incidents and history.
-- Forward-only: never edit this file once released; later changes are new files (0002_…) in this folder.
-- Same tables as Migrations/PostgreSql/0001_initial.sql. Types as EF Core's SQLite provider writes them:
-- ids TEXT (GUIDs upper-case), JSON as TEXT, instants as INTEGER UTC ticks (so comparisons and ORDER BY work).
-- Timers, message and signal subscriptions arrive in later migrations as their own tables.

CREATE TABLE wf_definitions (
    id            TEXT    NOT NULL PRIMARY KEY,
    key           TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    name          TEXT    NULL,
    xml           TEXT    NOT NULL,
    content_hash  TEXT    NOT NULL,
    deployed_at   INTEGER NOT NULL,
    CONSTRAINT ux_wf_definitions_key_version UNIQUE (key, version)
);
CREATE INDEX ix_wf_definitions_content_hash ON wf_definitions (content_hash);

CREATE TABLE wf_instances (
    id                  TEXT    NOT NULL PRIMARY KEY,
    definition_id       TEXT    NOT NULL REFERENCES wf_definitions (id),
    definition_key      TEXT    NOT NULL,
    definition_version  INTEGER NOT NULL,
    business_key        TEXT    NULL,
    status              TEXT    NOT NULL,
    parent_instance_id  TEXT    NULL REFERENCES wf_instances (id),
    parent_token_id     TEXT    NULL,
    root_instance_id    TEXT    NOT NULL,
    variables_json      TEXT    NOT NULL,
    state_json          TEXT    NOT NULL,
    case_type           TEXT    NULL,
    organisation_code   TEXT    NULL,
    province            TEXT    NULL,
    year                INTEGER NULL,
    started_at          INTEGER NOT NULL,
    ended_at            INTEGER NULL,
    version             INTEGER NOT NULL
);
CREATE INDEX ix_wf_instances_business_key ON wf_instances (business_key);
CREATE INDEX ix_wf_instances_status ON wf_instances (status);
CREATE INDEX ix_wf_instances_parent_instance_id ON wf_instances (parent_instance_id);
CREATE INDEX ix_wf_instances_definition_key ON wf_instances (definition_key);

CREATE TABLE wf_tasks (
    id                TEXT    NOT NULL PRIMARY KEY,
    instance_id       TEXT    NOT NULL REFERENCES wf_instances (id),
    definition_key    TEXT    NOT NULL,
    business_key      TEXT    NULL,
    element_id        TEXT    NOT NULL,
    token_id          TEXT    NOT NULL,
    name              TEXT    NULL,
    assignee          TEXT    NULL,
    candidate_users   TEXT    NULL,
    candidate_groups  TEXT    NULL,
    due_at            INTEGER NULL,
    follow_up_at      INTEGER NULL,
    priority          INTEGER NOT NULL,
    form_ref          TEXT    NULL,
    form_ref_binding  TEXT    NULL,
    state             TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    ended_at          INTEGER NULL,
    completed_by      TEXT    NULL,
    version           INTEGER NOT NULL
);
CREATE INDEX ix_wf_tasks_state_assignee ON wf_tasks (state, assignee);
CREATE INDEX ix_wf_tasks_instance_id ON wf_tasks (instance_id);

CREATE TABLE wf_jobs (
    id               TEXT    NOT NULL PRIMARY KEY,
    instance_id      TEXT    NOT NULL REFERENCES wf_instances (id),
    token_id         TEXT    NOT NULL,
    element_id       TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    due_at           INTEGER NOT NULL,
    retries          INTEGER NOT NULL,
    retry_cycle      TEXT    NOT NULL,
    lock_owner       TEXT    NULL,
    lock_expires_at  INTEGER NULL,
    last_error       TEXT    NULL,
    created_at       INTEGER NOT NULL
);
CREATE INDEX ix_wf_jobs_due_at ON wf_jobs (due_at) WHERE retries > 0;
CREATE INDEX ix_wf_jobs_instance_id ON wf_jobs (instance_id);

CREATE TABLE wf_incidents (
    id           TEXT    NOT NULL PRIMARY KEY,
    instance_id  TEXT    NOT NULL REFERENCES wf_instances (id),
    job_id       TEXT    NULL,
    element_id   TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    message      TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    resolved_at  INTEGER NULL
);
CREATE INDEX ix_wf_incidents_instance_id ON wf_incidents (instance_id);
CREATE INDEX ix_wf_incidents_open ON wf_incidents (created_at) WHERE resolved_at IS NULL;

-- Append-only; entries of an instance form a hash chain through previous_hash.
CREATE TABLE wf_history (
    id             TEXT    NOT NULL PRIMARY KEY,
    instance_id    TEXT    NOT NULL REFERENCES wf_instances (id),
    sequence       INTEGER NOT NULL,
    at             INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    element_id     TEXT    NULL,
    user_id        TEXT    NULL,
    data_json      TEXT    NULL,
    previous_hash  TEXT    NULL,
    hash           TEXT    NOT NULL,
    CONSTRAINT ux_wf_history_instance_id_sequence UNIQUE (instance_id, sequence)
);
