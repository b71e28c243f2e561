-- Forms (README "Forms"): form-js schemas by id and version; a changed schema saved under the same id is the next
-- version, and user tasks name a form by id (camunda:formRef).
CREATE TABLE forms (
    form_id      TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    schema_json  TEXT    NOT NULL,
    saved_by     TEXT    NOT NULL,
    saved_at     TEXT    NOT NULL,
    CONSTRAINT pk_forms PRIMARY KEY (form_id, version)
);
