-- 0004_events: timers and start triggers in wf_jobs, message and signal subscriptions in wf_subscriptions.
-- A timer start event's job and a start event's subscription belong to a definition version, not to a case:
-- instance_id becomes optional and definition_id names the version. payload_json carries what a job needs beyond
-- its element (a timer's value and firings left; a signal's name and data).
ALTER TABLE wf_jobs ALTER COLUMN instance_id DROP NOT NULL;
ALTER TABLE wf_jobs ADD COLUMN definition_id text NULL REFERENCES wf_definitions (id);
ALTER TABLE wf_jobs ADD COLUMN payload_json text NULL;
CREATE INDEX ix_wf_jobs_definition_id ON wf_jobs (definition_id) WHERE definition_id IS NOT NULL;

-- Correlation reads only this table: name, business key and the canonical correlation key are copied here when a
-- token starts waiting, so a message never searches the cases' variables.
CREATE TABLE wf_subscriptions (
    id               uuid        NOT NULL PRIMARY KEY,
    kind             text        NOT NULL,
    name             text        NOT NULL,
    instance_id      uuid        NULL REFERENCES wf_instances (id),
    token_id         text        NULL,
    element_id       text        NOT NULL,
    definition_id    text        NULL REFERENCES wf_definitions (id),
    business_key     text        NULL,
    correlation_key  text        NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX ix_wf_subscriptions_kind_name ON wf_subscriptions (kind, name, business_key);
CREATE INDEX ix_wf_subscriptions_instance_id ON wf_subscriptions (instance_id);
CREATE INDEX ix_wf_subscriptions_definition_id ON wf_subscriptions (definition_id) WHERE definition_id IS NOT NULL;
