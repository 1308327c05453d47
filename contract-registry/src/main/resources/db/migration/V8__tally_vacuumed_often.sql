-- As asset-inventory V7: the tally is rewritten by every fold; vacuum it after every thousand dead rows.
ALTER TABLE finding_tally SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
