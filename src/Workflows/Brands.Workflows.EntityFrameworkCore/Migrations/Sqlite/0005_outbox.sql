-- As PostgreSQL's 0005: the outbox (docs/engine.md, "Outbox"); instants as UTC ticks like every engine table here.
CREATE TABLE wf_outbox (
    id               TEXT    NOT NULL PRIMARY KEY,
    topic            TEXT    NOT NULL,
    payload_json     TEXT    NOT NULL,
    dedupe_key       TEXT    NULL,
    instance_id      TEXT    NULL,
    element_id       TEXT    NULL,
    status           TEXT    NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER NOT NULL,
    lock_owner       TEXT    NULL,
    lock_expires_at  INTEGER NULL,
    sent_at          INTEGER NULL,
    last_error       TEXT    NULL,
    result           TEXT    NULL,
    created_at       INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_wf_outbox_dedupe_key ON wf_outbox (dedupe_key);
CREATE INDEX ix_wf_outbox_due ON wf_outbox (topic, next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_wf_outbox_instance_id ON wf_outbox (instance_id);
CREATE INDEX ix_wf_outbox_created_at ON wf_outbox (created_at);
