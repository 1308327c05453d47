-- commons: one row per run of a scheduled job (e.g. the daily re-evaluation of 2026-12-02), so that the run is done
-- once per cluster whatever the replica count, and is resumed from its cursor after a replica dies in the middle.
CREATE TABLE job_run (
    job         varchar(64)  NOT NULL,
    run_key     varchar(64)  NOT NULL,
    cursor      text,
    processed   bigint       NOT NULL DEFAULT 0,
    batches     integer      NOT NULL DEFAULT 0,
    started_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    finished_at timestamptz,
    PRIMARY KEY (job, run_key)
);

CREATE INDEX job_run_unfinished_idx ON job_run (job) WHERE finished_at IS NULL;
