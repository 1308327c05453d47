package io.guoziyun.gateway.route;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * A request without a token is limited per client address before anything else is done for it: the API
 * documents, the Swagger UI and 401s cost little each, but nobody may have them without end. Behind a trusted
 * ingress the address is the client's; idle buckets go with the others' ({@link RateLimiter#evictIdle}).
 */
final class AnonymousLimit {

    private AnonymousLimit() {}

    static Handler<RoutingContext> handler(
            RateLimiter limiter, RouteTable.AnonymousRateLimit limit, RouteMetrics metrics) {
        return ctx -> {
            if (ctx.request().getHeader("Authorization") != null) {
                ctx.next();
                return;
            }
            String address = ctx.request().remoteAddress() == null
                    ? "unknown"
                    : ctx.request().remoteAddress().hostAddress();
            long wait = limiter.acquire(
                    "anonymous", "ip:" + address, limit.requestsPerSecond(), limit.burst(), System.nanoTime());
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
}
