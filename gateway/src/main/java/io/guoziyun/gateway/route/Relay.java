package io.guoziyun.gateway.route;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One route of the table, ready to relay: what it covers, the replicas of its service, how it is guarded. Requests
 * go round-robin to the replicas whose circuit lets them through; one that refuses the connection is skipped for
 * the next (nothing was sent yet, so any method may go), and one that keeps failing is left out by its circuit.
 */
final class Relay {

    private final String name;
    private final String prefix;
    private final StreamingProxy[] replicas;
    private final AtomicInteger turn = new AtomicInteger();
    private final int perSecond;
    private final int burst;
    private final boolean bearerRequired;

    Relay(String name, String prefix, StreamingProxy[] replicas, int perSecond, int burst, boolean bearerRequired) {
        this.bearerRequired = bearerRequired;
        this.name = name;
        this.prefix = prefix;
        this.replicas = replicas;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    String name() {
        return name;
    }

    String prefix() {
        return prefix;
    }

    int perSecond() {
        return perSecond;
    }

    int burst() {
        return burst;
    }

    /** False where the service signs its users in itself ({@link RouteTable.Route#bearerRequired()}). */
    boolean bearerRequired() {
        return bearerRequired;
    }

    /** The largest request body this route takes (the same for every replica). */
    StreamingProxy first() {
        return replicas[0];
    }

    /** The prefix itself and everything below it, but not a longer name ({@code /api/v1/contractsX}). */
    boolean covers(String path) {
        return covers(prefix, path);
    }

    static boolean covers(String prefix, String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** The next replica in turn whose circuit lets a request through now, skipping {@code not}; null when none. */
    StreamingProxy pick(long now, StreamingProxy not) {
        int n = replicas.length;
        for (int i = 0; i < n; i++) { // a replica passed over uses up its turn, so the live ones share evenly
            StreamingProxy replica = replicas[Math.floorMod(turn.getAndIncrement(), n)];
            if (replica != not && replica.service().breaker().allow(now)) {
                return replica;
            }
        }
        return null;
    }

    /** Seconds until the first replica's circuit lets a trial through, for Retry-After. */
    long retryAfterSeconds(long now) {
        long soonest = Long.MAX_VALUE;
        for (StreamingProxy replica : replicas) {
            soonest = Math.min(soonest, replica.service().breaker().retryAfterSeconds(now));
        }
        return soonest;
    }
}
