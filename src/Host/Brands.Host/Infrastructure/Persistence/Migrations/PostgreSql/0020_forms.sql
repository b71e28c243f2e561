-- Forms (README "Forms"): form-js schemas by id and version; a changed schema saved under the same id is the next
-- version, and user tasks name a form by id (camunda:formRef).
CREATE TABLE forms (
    form_id      text        NOT NULL,
    version      integer     NOT NULL,
    schema_json  text        NOT NULL,
    saved_by     text        NOT NULL,
    saved_at     timestamptz NOT NULL,
    CONSTRAINT pk_forms PRIMARY KEY (form_id, version)
);
