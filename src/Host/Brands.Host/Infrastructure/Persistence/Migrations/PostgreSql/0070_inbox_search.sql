-- The inbox's search (Features/Inbox/InboxQuery.Search) looks for a part of a business key or of the case's
-- applicantName anywhere in the text (ILIKE '%…%'), which no B-tree index serves: trigram indexes do, so a search
-- over a million cases reads the matching ones only (bench/README.md, "The inbox under a million tasks").
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_host_wf_instances_business_key_trgm ON wf_instances USING gin (business_key gin_trgm_ops);
CREATE INDEX ix_host_wf_instances_applicant_name_trgm ON wf_instances USING gin ((variables_json ->> 'applicantName') gin_trgm_ops);
