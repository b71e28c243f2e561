-- Background work (README "Background work"): what each run of a recurring job found. Hangfire keeps its own
-- tables (schema hangfire, created by Hangfire.PostgreSql); this table is the host's record of outcomes: the
-- nightly deadline sweep's overdue timers (there must be none), how much history the retention removed.
CREATE TABLE background_runs (
    id           uuid        NOT NULL PRIMARY KEY,
    job          text        NOT NULL,
    node         text        NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL,
    found        integer     NOT NULL,
    details      text        NULL
);
CREATE INDEX ix_background_runs_job_started_at ON background_runs (job, started_at);
