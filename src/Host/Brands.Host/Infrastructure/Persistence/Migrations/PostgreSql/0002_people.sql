-- People: organisations (each with a province), users' organisation, display name and must-change-password
-- mark, and the sign-in throttle (failed sign-ins per client, per account and per pair).
CREATE TABLE organisations (
    code        text        NOT NULL CONSTRAINT pk_organisations PRIMARY KEY,
    name        text        NOT NULL,
    kind        text        NOT NULL,
    province    text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_organisations_province ON organisations (province);

ALTER TABLE "AspNetUsers" ADD COLUMN "DisplayName" text NULL;
ALTER TABLE "AspNetUsers" ADD COLUMN "OrganisationCode" text NULL REFERENCES organisations (code);
ALTER TABLE "AspNetUsers" ADD COLUMN "MustChangePassword" boolean NOT NULL DEFAULT false;
CREATE INDEX ix_aspnetusers_organisation_code ON "AspNetUsers" ("OrganisationCode");

CREATE TABLE sign_in_throttle (
    key              text    NOT NULL CONSTRAINT pk_sign_in_throttle PRIMARY KEY,
    failures         integer NOT NULL,
    last_failure_at  bigint  NOT NULL
);
