-- As PostgreSQL's 0003: (instance_id, sequence) becomes the primary key of wf_history, the unique index on id and
-- the foreign key to wf_instances go. SQLite cannot alter a primary key, so the table is rebuilt.
CREATE TABLE wf_history_new (
    id             TEXT    NOT NULL,
    instance_id    TEXT    NOT NULL,
    sequence       INTEGER NOT NULL,
    at             INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    element_id     TEXT    NULL,
    user_id        TEXT    NULL,
    data_json      TEXT    NULL,
    previous_hash  TEXT    NULL,
    hash           TEXT    NOT NULL,
    PRIMARY KEY (instance_id, sequence)
);
INSERT INTO wf_history_new (id, instance_id, sequence, at, kind, element_id, user_id, data_json, previous_hash, hash)
SELECT id, instance_id, sequence, at, kind, element_id, user_id, data_json, previous_hash, hash FROM wf_history;
DROP TABLE wf_history;
ALTER TABLE wf_history_new RENAME TO wf_history;
