package io.guoziyun.gateway.route;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * A request without a token is limited per client address before anything else is done for it: the API
 * documents, the Swagger UI and 401s cost little each, but nobody may have them without end. Behind a trusted
 * ingress the address is the client's; idle buckets go with the others' ({@link RateLimiter#evictIdle}).
 */
final class AnonymousLimit {

    private AnonymousLimit() {}

    /**
     * Requests under {@code ownSignIn} (routes whose service signs its users in itself) are left to their route's
     * limit, per address too.
     */
    static Handler<RoutingContext> handler(
            RateLimiter limiter, RouteTable.AnonymousRateLimit limit, RouteMetrics metrics, List<String> ownSignIn) {
        return ctx -> {
            if (ctx.request().getHeader("Authorization") != null || under(ctx.normalizedPath(), ownSignIn)) {
                ctx.next();
                return;
            }
            long wait = limiter.acquire(
                    "anonymous", address(ctx), limit.requestsPerSecond(), limit.burst(), System.nanoTime());
            if (wait > 0) {
                metrics.limited("anonymous");
                ctx.response().putHeader("Retry-After", Long.toString(wait));
                GatewayProblem.send(
                        ctx, 429, "Too many requests without a token from this address; retry after " + wait + " s");
                return;
            }
            ctx.next();
        };
    }

    /** The client a request without a token is limited as: its address (the client's, behind a trusted ingress). */
    static String address(RoutingContext ctx) {
        return "ip:"
                + (ctx.request().remoteAddress() == null
                        ? "unknown"
                        : ctx.request().remoteAddress().hostAddress());
    }

    private static boolean under(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (Relay.covers(prefix, path)) {
                return true;
            }
        }
        return false;
    }
}
