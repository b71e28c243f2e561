-- Room on each page for updated row versions, so updating a case or a task (every command does) can stay a
-- heap-only-tuple update instead of writing a new entry into every index. Measured with bench/: fewer index
-- writes per commit. Applies to pages written from now on.
ALTER TABLE wf_instances SET (fillfactor = 70);
ALTER TABLE wf_tasks SET (fillfactor = 80);
