-- Counts kept on write (ADR 0010), so that the regulator's statistics cost the same at any size: the firms that
-- filed here, and the findings detected and resolved per rule and day. Written by the triggers below, in the
-- transaction that writes the rows, so they are exact at every commit; the tally rows are only ever added
-- (no row is contended by two writers) and folded into one row per rule and day by FindingTally.fold().
CREATE TABLE filed_firm (
    firm_id varchar(18) PRIMARY KEY
);

CREATE TABLE finding_tally (
    rule     varchar(8) NOT NULL,
    day      date       NOT NULL,
    detected bigint     NOT NULL,
    resolved bigint     NOT NULL
);
CREATE INDEX finding_tally_day_idx ON finding_tally (day, rule);

CREATE FUNCTION note_filed_firms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO filed_firm (firm_id) SELECT DISTINCT firm_id FROM new_rows ORDER BY firm_id ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- A finding counts as detected on detected_on and as resolved on resolved_on (never before it was detected), so
-- the open findings of a rule on D are the detected minus the resolved of the days up to D (OpenAsOf).
CREATE FUNCTION tally_findings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO finding_tally (rule, day, detected, resolved)
        SELECT rule, day, sum(detected), sum(resolved) FROM (
            SELECT rule, detected_on AS day, 1 AS detected, 0 AS resolved FROM new_rows
            UNION ALL
            SELECT rule, greatest(resolved_on, detected_on), 0, 1 FROM new_rows WHERE resolved_on IS NOT NULL) d
        GROUP BY rule, day;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO finding_tally (rule, day, detected, resolved)
        SELECT rule, day, sum(detected), sum(resolved) FROM (
            SELECT rule, detected_on AS day, 1 AS detected, 0 AS resolved FROM new_rows
            UNION ALL
            SELECT rule, greatest(resolved_on, detected_on), 0, 1 FROM new_rows WHERE resolved_on IS NOT NULL
            UNION ALL
            SELECT rule, detected_on, -1, 0 FROM old_rows
            UNION ALL
            SELECT rule, greatest(resolved_on, detected_on), 0, -1 FROM old_rows WHERE resolved_on IS NOT NULL) d
        GROUP BY rule, day
        HAVING sum(detected) <> 0 OR sum(resolved) <> 0;
    ELSE
        INSERT INTO finding_tally (rule, day, detected, resolved)
        SELECT rule, day, sum(detected), sum(resolved) FROM (
            SELECT rule, detected_on AS day, -1 AS detected, 0 AS resolved FROM old_rows
            UNION ALL
            SELECT rule, greatest(resolved_on, detected_on), 0, -1 FROM old_rows WHERE resolved_on IS NOT NULL) d
        GROUP BY rule, day;
    END IF;
    RETURN NULL;
END $$;


CREATE TRIGGER contract_filed_firm AFTER INSERT ON contract
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_filed_firms();
CREATE TRIGGER contract_finding_tally_insert AFTER INSERT ON contract_finding
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_findings();
CREATE TRIGGER contract_finding_tally_update AFTER UPDATE ON contract_finding
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_findings();
CREATE TRIGGER contract_finding_tally_delete AFTER DELETE ON contract_finding
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_findings();

-- What was filed before the tallies existed.
INSERT INTO filed_firm (firm_id) SELECT DISTINCT firm_id FROM contract;
INSERT INTO finding_tally (rule, day, detected, resolved)
SELECT rule, day, sum(detected), sum(resolved) FROM (
    SELECT rule, detected_on AS day, 1 AS detected, 0 AS resolved FROM contract_finding
    UNION ALL
    SELECT rule, greatest(resolved_on, detected_on), 0, 1 FROM contract_finding WHERE resolved_on IS NOT NULL) d
GROUP BY rule, day;
