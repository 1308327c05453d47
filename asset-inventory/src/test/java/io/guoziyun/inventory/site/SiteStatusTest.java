package io.guoziyun.inventory.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A firm moves a site only forward; every pair of statuses, one line each. */
class SiteStatusTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "PLANNED, PLANNED, false",
        "PLANNED, UNDER_CONSTRUCTION, true",
        "PLANNED, ACTIVE, true",
        "PLANNED, DECOMMISSIONING, true",
        "PLANNED, RETIRED, true",
        "UNDER_CONSTRUCTION, PLANNED, false",
        "UNDER_CONSTRUCTION, UNDER_CONSTRUCTION, false",
        "UNDER_CONSTRUCTION, ACTIVE, true",
        "UNDER_CONSTRUCTION, DECOMMISSIONING, true",
        "UNDER_CONSTRUCTION, RETIRED, true",
        "ACTIVE, PLANNED, false",
        "ACTIVE, UNDER_CONSTRUCTION, false",
        "ACTIVE, ACTIVE, false",
        "ACTIVE, DECOMMISSIONING, true",
        "ACTIVE, RETIRED, true",
        "DECOMMISSIONING, ACTIVE, false",
        "DECOMMISSIONING, DECOMMISSIONING, false",
        "DECOMMISSIONING, RETIRED, true",
        "RETIRED, PLANNED, false",
        "RETIRED, ACTIVE, false",
        "RETIRED, RETIRED, false",
    })
    void forwardOnly(SiteStatus from, SiteStatus to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }
}
