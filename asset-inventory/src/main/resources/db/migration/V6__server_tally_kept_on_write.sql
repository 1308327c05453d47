-- Each firm's servers by status and acquisition, kept on write like the finding tally (ADR 0010): a page of the
-- inventory summary sums a few rows per firm instead of counting the firms' servers. Rows are only added (a
-- change of status adds -1 for the old and +1 for the new); FindingTally.fold() sums them.
CREATE TABLE server_tally (
    firm_id     varchar(18) NOT NULL,
    status      varchar(16) NOT NULL,
    acquisition varchar(16) NOT NULL,
    servers     bigint      NOT NULL
);
CREATE INDEX server_tally_firm_idx ON server_tally (firm_id);

CREATE FUNCTION tally_servers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO server_tally SELECT firm_id, status, acquisition, count(*) FROM new_rows GROUP BY 1, 2, 3;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO server_tally
        SELECT firm_id, status, acquisition, sum(n) FROM (
            SELECT firm_id, status, acquisition, 1 AS n FROM new_rows
            UNION ALL
            SELECT firm_id, status, acquisition, -1 FROM old_rows) d
        GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
    ELSE
        INSERT INTO server_tally SELECT firm_id, status, acquisition, -count(*) FROM old_rows GROUP BY 1, 2, 3;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER server_tally_insert AFTER INSERT ON server
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_servers();
CREATE TRIGGER server_tally_update AFTER UPDATE ON server
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_servers();
CREATE TRIGGER server_tally_delete AFTER DELETE ON server
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_servers();

INSERT INTO server_tally SELECT firm_id, status, acquisition, count(*) FROM server GROUP BY 1, 2, 3;
