-- People: organisations (each with a province), users' organisation, display name and must-change-password
-- mark, the sign-in throttle (failed sign-ins per client, per account and per pair) and the key ring.
CREATE TABLE organisations (
    code        TEXT NOT NULL CONSTRAINT pk_organisations PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    province    TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_organisations_province ON organisations (province);

ALTER TABLE "AspNetUsers" ADD COLUMN "DisplayName" TEXT NULL;
ALTER TABLE "AspNetUsers" ADD COLUMN "OrganisationCode" TEXT NULL REFERENCES organisations (code);
ALTER TABLE "AspNetUsers" ADD COLUMN "MustChangePassword" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_aspnetusers_organisation_code ON "AspNetUsers" ("OrganisationCode");

CREATE TABLE sign_in_throttle (
    key              TEXT    NOT NULL CONSTRAINT pk_sign_in_throttle PRIMARY KEY,
    failures         INTEGER NOT NULL,
    last_failure_at  INTEGER NOT NULL
);

-- The data-protection key ring, shared by every node (tokens and cookies of one node are valid on all).
CREATE TABLE data_protection_keys (
    id             INTEGER NOT NULL CONSTRAINT pk_data_protection_keys PRIMARY KEY AUTOINCREMENT,
    friendly_name  TEXT    NULL,
    xml            TEXT    NOT NULL
);

-- Who sees which case (README, "Who sees what"): task lists join open tasks to their case and filter by its
-- province or owning organisation.
CREATE INDEX ix_host_wf_instances_province ON wf_instances (province);
CREATE INDEX ix_host_wf_instances_organisation_code ON wf_instances (organisation_code);
