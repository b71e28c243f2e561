-- 0001_initial: definitions, instances (cases), human tasks, jobs, incidents and history.
-- Forward-only: never edit this file once released; later changes are new files (0002_…) in this folder.
-- Timers, message and signal subscriptions arrive in later migrations as their own tables (wf_timers,
-- wf_message_subscriptions, wf_signal_subscriptions) keyed by instance_id and token_id like wf_jobs; job kinds
-- are open text, so a new kind needs no schema change.

CREATE TABLE wf_definitions (
    id            text        NOT NULL PRIMARY KEY,
    key           text        NOT NULL,
    version       integer     NOT NULL,
    name          text        NULL,
    xml           text        NOT NULL,
    content_hash  text        NOT NULL,
    deployed_at   timestamptz NOT NULL,
    CONSTRAINT ux_wf_definitions_key_version UNIQUE (key, version)
);
CREATE INDEX ix_wf_definitions_content_hash ON wf_definitions (content_hash);

CREATE TABLE wf_instances (
    id                  uuid        NOT NULL PRIMARY KEY,
    definition_id       text        NOT NULL REFERENCES wf_definitions (id),
    definition_key      text        NOT NULL,
    definition_version  integer     NOT NULL,
    business_key        text        NULL,
    status              text        NOT NULL,
    parent_instance_id  uuid        NULL REFERENCES wf_instances (id),
    parent_token_id     text        NULL,
    root_instance_id    uuid        NOT NULL,
    variables_json      jsonb       NOT NULL,
    state_json          jsonb       NOT NULL,
    case_type           text        NULL,
    organisation_code   text        NULL,
    province            text        NULL,
    year                integer     NULL,
    started_at          timestamptz NOT NULL,
    ended_at            timestamptz NULL,
    version             bigint      NOT NULL
);
CREATE INDEX ix_wf_instances_business_key ON wf_instances (business_key);
CREATE INDEX ix_wf_instances_status ON wf_instances (status);
CREATE INDEX ix_wf_instances_parent_instance_id ON wf_instances (parent_instance_id);
CREATE INDEX ix_wf_instances_definition_key ON wf_instances (definition_key);

CREATE TABLE wf_tasks (
    id                uuid        NOT NULL PRIMARY KEY,
    instance_id       uuid        NOT NULL REFERENCES wf_instances (id),
    definition_key    text        NOT NULL,
    business_key      text        NULL,
    element_id        text        NOT NULL,
    token_id          text        NOT NULL,
    name              text        NULL,
    assignee          text        NULL,
    candidate_users   text        NULL,
    candidate_groups  text        NULL,
    due_at            timestamptz NULL,
    follow_up_at      timestamptz NULL,
    priority          integer     NOT NULL,
    form_ref          text        NULL,
    form_ref_binding  text        NULL,
    state             text        NOT NULL,
    created_at        timestamptz NOT NULL,
    ended_at          timestamptz NULL,
    completed_by      text        NULL,
    version           bigint      NOT NULL
);
CREATE INDEX ix_wf_tasks_state_assignee ON wf_tasks (state, assignee);
CREATE INDEX ix_wf_tasks_instance_id ON wf_tasks (instance_id);

CREATE TABLE wf_jobs (
    id               uuid        NOT NULL PRIMARY KEY,
    instance_id      uuid        NOT NULL REFERENCES wf_instances (id),
    token_id         text        NOT NULL,
    element_id       text        NOT NULL,
    kind             text        NOT NULL,
    due_at           timestamptz NOT NULL,
    retries          integer     NOT NULL,
    retry_cycle      text        NOT NULL,
    lock_owner       text        NULL,
    lock_expires_at  timestamptz NULL,
    last_error       text        NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX ix_wf_jobs_due_at ON wf_jobs (due_at) WHERE retries > 0;
CREATE INDEX ix_wf_jobs_instance_id ON wf_jobs (instance_id);

CREATE TABLE wf_incidents (
    id           uuid        NOT NULL PRIMARY KEY,
    instance_id  uuid        NOT NULL REFERENCES wf_instances (id),
    job_id       uuid        NULL,
    element_id   text        NOT NULL,
    kind         text        NOT NULL,
    message      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    resolved_at  timestamptz NULL
);
CREATE INDEX ix_wf_incidents_instance_id ON wf_incidents (instance_id);
CREATE INDEX ix_wf_incidents_open ON wf_incidents (created_at) WHERE resolved_at IS NULL;

-- Append-only. data_json is json rather than jsonb: the text is kept exactly as written, so each entry's hash
-- (chained through previous_hash) can be recomputed from the stored row.
CREATE TABLE wf_history (
    id             uuid        NOT NULL PRIMARY KEY,
    instance_id    uuid        NOT NULL REFERENCES wf_instances (id),
    sequence       bigint      NOT NULL,
    at             timestamptz NOT NULL,
    kind           text        NOT NULL,
    element_id     text        NULL,
    user_id        text        NULL,
    data_json      json        NULL,
    previous_hash  text        NULL,
    hash           text        NOT NULL,
    CONSTRAINT ux_wf_history_instance_id_sequence UNIQUE (instance_id, sequence)
);
