-- PostgreSQL's 0002 sets a storage parameter (fillfactor) that SQLite has no equivalent for; kept so both
-- providers number their migrations alike.
SELECT 1;
