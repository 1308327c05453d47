package io.guoziyun.gateway.route;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One service's circuit: after {@code threshold} transport failures in a row (refused, timed out, 502–504) it opens
 * and the gateway answers 503 at once; after {@code openForMillis} one trial request goes through, and a success
 * closes it again. Lock-free: it sits on every request's path.
 */
final class CircuitBreaker {

    private final int threshold;
    private final long openForMillis;
    private final AtomicInteger failures = new AtomicInteger();
    /** When the circuit opened (millis), or 0 when closed. */
    private final AtomicLong openedAt = new AtomicLong();

    CircuitBreaker(int threshold, long openForMillis) {
        this.threshold = threshold;
        this.openForMillis = openForMillis;
    }

    /** Whether a request may go to the service now; in the half-open state only the first caller may. */
    boolean allow(long now) {
        long opened = openedAt.get();
        if (opened == 0) {
            return true;
        }
        return now - opened >= openForMillis && openedAt.compareAndSet(opened, now);
    }

    /** Seconds until the next trial, for Retry-After. */
    long retryAfterSeconds(long now) {
        long opened = openedAt.get();
        return opened == 0 ? 1 : Math.max(1, (opened + openForMillis - now + 999) / 1000);
    }

    /** Open (or half-open, waiting for its trial): requests are refused at once. */
    boolean isOpen() {
        return openedAt.get() != 0;
    }

    void success() {
        failures.set(0);
        openedAt.set(0);
    }

    void failure(long now) {
        if (failures.incrementAndGet() >= threshold) {
            openedAt.set(now);
        }
    }
}
