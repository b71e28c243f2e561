-- Documents (README "Documents"): files uploaded to a case or to one of its tasks, kept in the database so every
-- node serves them. The type is the one found in the content (never the name's extension); size is checked on upload.
-- Instants are UTC ticks (INTEGER), as in the engine's tables, so they compare and sort in SQL.
CREATE TABLE documents (
    id            TEXT    NOT NULL PRIMARY KEY,
    case_id       TEXT    NOT NULL REFERENCES wf_instances (id),
    task_id       TEXT    NULL REFERENCES wf_tasks (id),
    file_name     TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    size_bytes    INTEGER NOT NULL,
    sha256        TEXT    NOT NULL,
    content       BLOB    NOT NULL,
    uploaded_by   TEXT    NOT NULL,
    uploaded_at   INTEGER NOT NULL
);
CREATE INDEX ix_documents_case_id ON documents (case_id, uploaded_at);
CREATE INDEX ix_documents_task_id ON documents (task_id);

-- The audit log (README "Audit log"): every sign-in, successful or not, and every administrative action with its
-- outcome. Append-only: nothing in the host updates or deletes a row.
CREATE TABLE audit_log (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at             INTEGER NOT NULL,
    user_name      TEXT    NULL,
    action         TEXT    NOT NULL,
    outcome        TEXT    NOT NULL,
    client         TEXT    NULL,
    target         TEXT    NULL,
    on_behalf_of   TEXT    NULL,
    detail         TEXT    NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_user_name ON audit_log (user_name, at);
CREATE INDEX ix_audit_log_action ON audit_log (action, at);
