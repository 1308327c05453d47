package io.guoziyun.inventory.server;

/** How the firm came to hold the server: only purchases are barred (rule AI-2); leases and transfers are counted. */
public enum Acquisition {
    PURCHASE,
    LEASE,
    TRANSFER
}
