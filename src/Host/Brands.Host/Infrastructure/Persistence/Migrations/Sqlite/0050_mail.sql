-- As PostgreSQL's 0050_mail: mail settings per user and the daily digest's items; instants as UTC ticks.
CREATE TABLE notification_settings (
    user_name   TEXT    NOT NULL CONSTRAINT pk_notification_settings PRIMARY KEY,
    language    TEXT    NOT NULL,
    delivery    TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE mail_digest_items (
    id                TEXT    NOT NULL CONSTRAINT pk_mail_digest_items PRIMARY KEY,
    outbox_id         TEXT    NOT NULL,
    user_name         TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    link              TEXT    NULL,
    created_at        INTEGER NOT NULL,
    lease_owner       TEXT    NULL,
    lease_expires_at  INTEGER NULL,
    sent_at           INTEGER NULL,
    CONSTRAINT ux_mail_digest_items_outbox_user UNIQUE (outbox_id, user_name)
);
CREATE INDEX ix_mail_digest_items_unsent ON mail_digest_items (user_name) WHERE sent_at IS NULL;
