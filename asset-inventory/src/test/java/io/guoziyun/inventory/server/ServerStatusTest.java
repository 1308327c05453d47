package io.guoziyun.inventory.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A firm moves a server only forward: PLANNED → ACTIVE → DECOMMISSIONING → gone; nothing comes back. */
class ServerStatusTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "PLANNED, ACTIVE, true",
        "PLANNED, DECOMMISSIONED, true",
        "PLANNED, DECOMMISSIONING, false",
        "PLANNED, MIGRATED, false",
        "ACTIVE, PLANNED, false",
        "ACTIVE, DECOMMISSIONING, true",
        "ACTIVE, DECOMMISSIONED, true",
        "ACTIVE, MIGRATED, true",
        "DECOMMISSIONING, ACTIVE, false",
        "DECOMMISSIONING, DECOMMISSIONED, true",
        "DECOMMISSIONING, MIGRATED, true",
        "DECOMMISSIONED, ACTIVE, false",
        "DECOMMISSIONED, MIGRATED, false",
        "MIGRATED, ACTIVE, false",
        "MIGRATED, DECOMMISSIONED, false",
    })
    void forwardOnly(ServerStatus from, ServerStatus to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    @Test
    void goingOrGoneNeedsEvidenceAndGoneIsGone() {
        assertEquals(
                java.util.Set.of(ServerStatus.DECOMMISSIONING, ServerStatus.DECOMMISSIONED, ServerStatus.MIGRATED),
                ServerStatus.NEED_EVIDENCE);
        assertTrue(ServerStatus.MIGRATED.isGone());
        assertTrue(ServerStatus.DECOMMISSIONED.isGone());
        assertFalse(ServerStatus.DECOMMISSIONING.isGone());
    }
}
