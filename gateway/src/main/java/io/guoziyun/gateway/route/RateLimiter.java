package io.guoziyun.gateway.route;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client and route: a client that floods one route is slowed (429) while other clients, and its
 * own other routes, are not. Buckets idle long enough to be full again are dropped by {@link #evictIdle}.
 */
final class RateLimiter {

    /** Both strings are the same instances request after request, so their hashes are computed once. */
    private record Key(String route, String client) {}

    private final ConcurrentHashMap<Key, Bucket> buckets = new ConcurrentHashMap<>();

    /** 0 when the request may pass, else the seconds until a token is back (for Retry-After). */
    long acquire(String route, String client, int perSecond, int burst, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(new Key(route, client), k -> new Bucket(burst, nowNanos));
        return bucket.take(perSecond, burst, nowNanos);
    }

    void evictIdle(long nowNanos, long idleNanos) {
        buckets.values().removeIf(b -> b.idleSince(nowNanos) > idleNanos);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int burst, long now) {
            tokens = burst;
            last = now;
        }

        synchronized long take(int perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
