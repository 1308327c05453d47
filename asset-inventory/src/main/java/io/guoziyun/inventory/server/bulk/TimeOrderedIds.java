package io.guoziyun.inventory.server.bulk;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): a millisecond timestamp first, then random bits, and strictly increasing in
 * the byte order PostgreSQL sorts them by (when two fall in one millisecond the later is the earlier plus one).
 * Rows loaded together get neighbouring keys, so a bulk load appends to the primary-key index, and the ids of
 * one load lie between its first and its last.
 */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastHigh;
    private static long lastLow;

    private TimeOrderedIds() {}

    static synchronized UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFF);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        int order = Long.compareUnsigned(high, lastHigh);
        if (order < 0 || (order == 0 && Long.compareUnsigned(low, lastLow) <= 0)) {
            high = lastHigh;
            low = lastLow + 1;
            if (low == 0) { // the variant bits overflowed: move to the next value of the high half
                high++;
                low = 0x8000000000000000L;
            }
        }
        lastHigh = high;
        lastLow = low;
        return new UUID(high, low);
    }
}
