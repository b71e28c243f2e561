-- Documents (README "Documents"): files uploaded to a case or to one of its tasks, kept in the database so every
-- node serves them. The type is the one found in the content (never the name's extension); size is checked on upload.
CREATE TABLE documents (
    id            uuid        NOT NULL PRIMARY KEY,
    case_id       uuid        NOT NULL REFERENCES wf_instances (id),
    task_id       uuid        NULL REFERENCES wf_tasks (id),
    file_name     text        NOT NULL,
    content_type  text        NOT NULL,
    size_bytes    bigint      NOT NULL,
    sha256        text        NOT NULL,
    content       bytea       NOT NULL,
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL
);
CREATE INDEX ix_documents_case_id ON documents (case_id, uploaded_at);
CREATE INDEX ix_documents_task_id ON documents (task_id);

-- The audit log (README "Audit log"): every sign-in, successful or not, and every administrative action with its
-- outcome. Append-only: nothing in the host updates or deletes a row.
CREATE TABLE audit_log (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    user_name      text        NULL,
    action         text        NOT NULL,
    outcome        text        NOT NULL,
    client         text        NULL,
    target         text        NULL,
    on_behalf_of   text        NULL,
    detail         text        NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_user_name ON audit_log (user_name, at);
CREATE INDEX ix_audit_log_action ON audit_log (action, at);
