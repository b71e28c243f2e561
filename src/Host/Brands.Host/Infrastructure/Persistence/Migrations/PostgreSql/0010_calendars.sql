-- Business calendars (docs/engine.md, "Working days"): one row per year, the year's document as JSON
-- (holidays and make-up working days). Seeded from workflows/calendars/cn-<year>.json for years not stored yet;
-- administrators' edits (PUT /api/admin/calendars/{year}) replace the row and survive restarts.
CREATE TABLE host_business_calendars (
    year        integer     NOT NULL PRIMARY KEY,
    document    text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NULL
);
