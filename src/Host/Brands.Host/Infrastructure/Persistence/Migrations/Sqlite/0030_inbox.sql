-- The web app's inbox (README "Using the web app"): comments on tasks and cases, and saved inbox filters, personal
-- or shared with one group. Comments are plain text, shown encoded.
CREATE TABLE host_comments (
    id           INTEGER NOT NULL CONSTRAINT pk_host_comments PRIMARY KEY AUTOINCREMENT,
    case_id      TEXT    NOT NULL,
    task_id      TEXT    NULL,
    task_name    TEXT    NULL,
    author       TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX ix_host_comments_case_id ON host_comments (case_id, id);

CREATE TABLE host_saved_filters (
    id            INTEGER NOT NULL CONSTRAINT pk_host_saved_filters PRIMARY KEY AUTOINCREMENT,
    owner         TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    shared_group  TEXT    NULL,
    query         TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_host_saved_filters_owner_name ON host_saved_filters (owner, name);
CREATE INDEX ix_host_saved_filters_shared_group ON host_saved_filters (shared_group);
