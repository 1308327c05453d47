-- The tallies are rewritten by every fold (DELETE … RETURNING into INSERT): under a heavy write load each fold
-- leaves tens of thousands of dead rows, and with the default thresholds (20% of the table) autovacuum waited while
-- the statistics' scan of a few hundred live rows took 121 ms over the dead ones (2 ms after a VACUUM; bench/scale.sh
-- at 9.4 million servers). Vacuum them after every thousand dead rows, without the cost delay.
ALTER TABLE finding_tally SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
ALTER TABLE server_tally SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
