-- Cloud and ICT contracts a firm has registered (fields after the EU DORA register of ICT contracts).
CREATE TABLE contract (
    id               uuid         PRIMARY KEY,
    firm_id          varchar(18)  NOT NULL,
    reference        varchar(64)  NOT NULL,
    provider         varchar(64)  NOT NULL,
    service_type     varchar(16)  NOT NULL,
    signed_on        date         NOT NULL,
    starts_on        date         NOT NULL,
    ends_on          date,
    data_stored      boolean      NOT NULL,
    data_location    varchar(6)   NOT NULL,
    data_sensitivity varchar(8)   NOT NULL,
    data_volume_tb   numeric(12, 3),
    annual_value_cny numeric(16, 2),
    status           varchar(16)  NOT NULL,
    created_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL,
    CONSTRAINT contract_reference_unique_per_firm UNIQUE (firm_id, reference),
    CONSTRAINT contract_ends_after_start CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

CREATE INDEX contract_firm_idx ON contract (firm_id);
