package io.guoziyun.contracts.contract;

public enum ContractStatus {
    ACTIVE,
    TERMINATED,
    MIGRATED
}
