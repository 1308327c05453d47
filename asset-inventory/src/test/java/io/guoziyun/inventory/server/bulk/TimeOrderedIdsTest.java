package io.guoziyun.inventory.server.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    /** PostgreSQL orders uuid values by their bytes, i.e. as unsigned numbers. */
    private static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Test
    void idsAreVersion7AndStrictlyIncreasingEvenWithinOneMillisecond() {
        UUID previous = TimeOrderedIds.next();
        for (int i = 0; i < 200_000; i++) {
            UUID next = TimeOrderedIds.next();
            assertTrue(compareAsPostgres(previous, next) < 0, previous + " !< " + next);
            previous = next;
        }
        assertEquals(7, previous.version());
        assertEquals(2, previous.variant());
    }
}
