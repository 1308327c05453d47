package io.guoziyun.contracts.contract;

public enum DataSensitivity {
    LOW,
    MEDIUM,
    HIGH
}
