package io.guoziyun.inventory.site;

/** A data centre's life, in order: it moves only forward, except by a regulator's correction. */
public enum SiteStatus {
    PLANNED,
    UNDER_CONSTRUCTION,
    ACTIVE,
    DECOMMISSIONING,
    RETIRED
}
