-- Email (README, "Email"): each user's choice of language and delivery (immediate or a daily digest), and the
-- notifications collected for the digest. The messages themselves are in the engine's wf_outbox.
CREATE TABLE notification_settings (
    user_name   text        NOT NULL CONSTRAINT pk_notification_settings PRIMARY KEY,
    language    text        NOT NULL,
    delivery    text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE mail_digest_items (
    id                uuid        NOT NULL CONSTRAINT pk_mail_digest_items PRIMARY KEY,
    outbox_id         uuid        NOT NULL,
    user_name         text        NOT NULL,
    title             text        NOT NULL,
    link              text        NULL,
    created_at        timestamptz NOT NULL,
    lease_owner       text        NULL,
    lease_expires_at  timestamptz NULL,
    sent_at           timestamptz NULL,
    CONSTRAINT ux_mail_digest_items_outbox_user UNIQUE (outbox_id, user_name)
);
CREATE INDEX ix_mail_digest_items_unsent ON mail_digest_items (user_name) WHERE sent_at IS NULL;
