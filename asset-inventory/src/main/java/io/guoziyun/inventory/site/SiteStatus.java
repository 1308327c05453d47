package io.guoziyun.inventory.site;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A data centre's life, in order: it moves only forward, except by a regulator's correction. */
public enum SiteStatus {
    PLANNED,
    UNDER_CONSTRUCTION,
    ACTIVE,
    DECOMMISSIONING,
    RETIRED;

    /** Where a firm may move a site from each status: forward only. */
    private static final Map<SiteStatus, Set<SiteStatus>> FORWARD = Map.of(
            PLANNED, EnumSet.of(UNDER_CONSTRUCTION, ACTIVE, DECOMMISSIONING, RETIRED),
            UNDER_CONSTRUCTION, EnumSet.of(ACTIVE, DECOMMISSIONING, RETIRED),
            ACTIVE, EnumSet.of(DECOMMISSIONING, RETIRED),
            DECOMMISSIONING, EnumSet.of(RETIRED),
            RETIRED, EnumSet.noneOf(SiteStatus.class));

    public boolean canMoveTo(SiteStatus next) {
        return FORWARD.get(this).contains(next);
    }
}
