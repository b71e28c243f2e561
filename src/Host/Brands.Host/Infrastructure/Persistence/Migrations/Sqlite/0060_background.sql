-- Background work (README "Background work"): what each run of a recurring job found. Hangfire keeps its own
-- tables (Hangfire.Storage.SQLite creates them in this file); this table is the host's record of outcomes: the
-- nightly deadline sweep's overdue timers (there must be none), how much history the retention removed.
CREATE TABLE background_runs (
    id           TEXT    NOT NULL PRIMARY KEY,
    job          TEXT    NOT NULL,
    node         TEXT    NOT NULL,
    started_at   TEXT    NOT NULL,
    finished_at  TEXT    NOT NULL,
    found        INTEGER NOT NULL,
    details      TEXT    NULL
);
CREATE INDEX ix_background_runs_job_started_at ON background_runs (job, started_at);
