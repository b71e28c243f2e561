-- 0005_outbox: messages a step sends to the outside world (an email, say), written in the step's own transaction so a
-- step run again after a conflict never sends twice (docs/engine.md, "Outbox"). A topic's dispatcher claims due rows
-- under a lease (FOR UPDATE SKIP LOCKED) and records each attempt. dedupe_key: a second message with the same key is
-- not inserted (ON CONFLICT DO NOTHING). No foreign key to wf_instances: a message may outlive its case's runtime row.
CREATE TABLE wf_outbox (
    id               uuid        NOT NULL PRIMARY KEY,
    topic            text        NOT NULL,
    payload_json     text        NOT NULL,
    dedupe_key       text        NULL,
    instance_id      uuid        NULL,
    element_id       text        NULL,
    status           text        NOT NULL,
    attempts         integer     NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    lock_owner       text        NULL,
    lock_expires_at  timestamptz NULL,
    sent_at          timestamptz NULL,
    last_error       text        NULL,
    result           text        NULL,
    created_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_wf_outbox_dedupe_key ON wf_outbox (dedupe_key);
CREATE INDEX ix_wf_outbox_due ON wf_outbox (topic, next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_wf_outbox_instance_id ON wf_outbox (instance_id);
CREATE INDEX ix_wf_outbox_created_at ON wf_outbox (created_at);
