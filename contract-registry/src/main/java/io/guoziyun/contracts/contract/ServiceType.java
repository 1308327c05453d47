package io.guoziyun.contracts.contract;

/** What the provider delivers under the contract. */
public enum ServiceType {
    IAAS,
    PAAS,
    SAAS,
    COLOCATION,
    CDN,
    OTHER
}
