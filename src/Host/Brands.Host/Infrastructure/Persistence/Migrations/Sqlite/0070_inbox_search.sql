-- The inbox's search on PostgreSQL has trigram indexes (PostgreSql/0070_inbox_search.sql). SQLite has none of the
-- kind; a SQLite installation is small, and its search reads the cases as before. Kept so both providers number
-- their migrations alike.
SELECT 1;
