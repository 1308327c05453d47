package io.guoziyun.gateway.route;

import io.guoziyun.gateway.auth.VerifiedTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.MultithreadEventExecutorGroup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Installs one streaming reverse proxy per route of the {@link RouteTable}. A request reaches a service only with
 * a token the gateway has validated (issuer, signature, expiry, audience), within its client's rate limit, below the
 * route's body limit and while the service's circuit is closed; the token is relayed unchanged and the service
 * validates it again. A service that is down or silent gives 503 or 504 problem+json, never a hang.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /** Runs before Quarkus's own handlers, so request ids and problem+json cover authentication failures too. */
    private static final int FIRST = Integer.MIN_VALUE;
    /** After every named route: what is left under /api is no route of the suite. */
    public static final int LAST = 100_000;

    private final RateLimiter limiter = new RateLimiter();
    private RouteMetrics metrics;

    void install(
            @Observes Router router,
            Vertx vertx,
            RouteTable table,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "true") boolean untraced) {
        metrics = new RouteMetrics(registry);
        router.route().order(FIRST).handler(RequestIds::handle);
        List<String> ownSignIn = table.routes().values().stream()
                .filter(route -> !route.bearerRequired())
                .map(RouteTable.Route::prefix)
                .toList();
        router.route()
                .order(FIRST)
                .handler(AnonymousLimit.handler(limiter, table.anonymousRateLimit(), metrics, ownSignIn));
        router.route().order(FIRST).failureHandler(ProxyRoutes::failure);
        // One circuit per service and one pool per service and event loop, shared by its routes; the configured
        // connection and queue limits are shared out among the loops.
        int loops = ((MultithreadEventExecutorGroup) ((VertxInternal) vertx).getEventLoopGroup()).executorCount();
        Map<String, Service> services = new LinkedHashMap<>();
        List<Relay> relays = new ArrayList<>();
        table.routes().forEach((name, route) -> {
            List<StreamingProxy> replicas = new ArrayList<>();
            for (URI url : route.url()) {
                Service service = services.computeIfAbsent(
                        origin(url),
                        origin -> new Service(
                                origin,
                                new CircuitBreaker(
                                        table.circuitBreaker().failureThreshold(),
                                        table.circuitBreaker().openFor().toMillis()),
                                () -> vertx.createHttpClient(
                                        new HttpClientOptions()
                                                .setSsl("https".equals(url.getScheme()))
                                                .setKeepAlive(true)
                                                .setIdleTimeout(60)
                                                .setIdleTimeoutUnit(TimeUnit.SECONDS),
                                        new PoolOptions()
                                                .setHttp1MaxSize(share(table.maxConnectionsPerService(), loops))
                                                .setMaxWaitQueueSize(share(table.maxWaitingPerService(), loops)))));
                replicas.add(new StreamingProxy(
                        service,
                        SocketAddress.inetSocketAddress(ServiceRequests.port(url), url.getHost()),
                        route.connectTimeout().toMillis(),
                        route.timeout().toMillis(),
                        route.maxBodySize().asLongValue(),
                        !untraced));
            }
            Relay relay = new Relay(
                    name,
                    route.prefix(),
                    replicas.toArray(StreamingProxy[]::new),
                    route.requestsPerSecond().orElse(table.rateLimit().requestsPerSecond()),
                    route.burst().orElse(table.rateLimit().burst()),
                    route.bearerRequired());
            relays.add(relay);
            LOG.infof(
                    "Route %s: %s/** -> %s (%d/s, burst %d, body <= %d)",
                    name,
                    relay.prefix(),
                    route.url(),
                    relay.perSecond(),
                    relay.burst(),
                    relay.first().maxBody());
        });
        metrics.breakers(services.values());
        // The longest prefix wins where prefixes nest.
        relays.sort(Comparator.comparingInt((Relay relay) -> relay.prefix().length())
                .reversed());
        Relay[] ordered = relays.toArray(Relay[]::new);
        vertx.setPeriodic(60_000, id -> limiter.evictIdle(System.nanoTime(), TimeUnit.MINUTES.toNanos(5)));
        // The first handler after authentication: one prefix lookup, not a regex route per service.
        router.route().order(0).handler(ctx -> relay(ctx, ordered, metrics));
        // After every named route (the overview, /q, /openapi): what is left under /api is no route of the suite.
        router.route().order(LAST).handler(ProxyRoutes::nothingHere);
    }

    private void relay(RoutingContext ctx, Relay[] relays, RouteMetrics metrics) {
        SecurityIdentity identity = identity(ctx);
        if (identity != null && VerifiedTokens.mixedRoles(identity)) {
            GatewayProblem.send(ctx, 403, "A token with both a firm role and a regulator or auditor role is refused");
            return;
        }
        String path = ctx.normalizedPath();
        for (Relay relay : relays) {
            if (relay.covers(path)) {
                if (relay.bearerRequired() && identity(ctx) == null) {
                    unauthorized(ctx);
                } else {
                    StreamingProxy replica = admitted(ctx, relay);
                    if (replica != null) {
                        metrics.observe(ctx, relay.name());
                        ForwardedHeaders.set(ctx);
                        replica.handle(ctx, () -> relay.pick(System.currentTimeMillis(), replica));
                    }
                }
                return;
            }
        }
        ctx.next();
    }

    private static void unauthorized(RoutingContext ctx) {
        GatewayProblem.send(ctx, 401, "A valid bearer token is required");
    }

    private static void nothingHere(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            ctx.next(); // not the API's: Vert.x's own 404
        } else if (identity(ctx) == null) {
            unauthorized(ctx);
        } else {
            GatewayProblem.send(ctx, 404, "No service answers at this path");
        }
    }

    public static SecurityIdentity identity(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity();
        }
        return null;
    }

    /** The client a limit applies to: the firm for firm tokens, else the person or machine (token sub). */
    static String client(RoutingContext ctx) {
        SecurityIdentity identity = identity(ctx);
        return identity == null ? "anonymous" : VerifiedTokens.client(identity);
    }

    /** Body size, the client's rate and the circuits: the replica to send to, or null when it has answered itself. */
    private StreamingProxy admitted(RoutingContext ctx, Relay relay) {
        String route = relay.name();
        int perSecond = relay.perSecond();
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && tooLarge(length, relay.first().maxBody())) {
            relay.first().refuseBody(ctx);
            return null;
        }
        String client = relay.bearerRequired() || identity(ctx) != null ? client(ctx) : AnonymousLimit.address(ctx);
        long wait = limiter.acquire(route, client, perSecond, relay.burst(), System.nanoTime());
        if (wait > 0) {
            metrics.limited(route);
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            GatewayProblem.send(
                    ctx,
                    429,
                    "More than " + perSecond + " requests a second to " + route + " from this client; retry after "
                            + wait + " s");
            return null;
        }
        long now = System.currentTimeMillis();
        StreamingProxy replica = relay.pick(now, null);
        if (replica == null) {
            ctx.response().putHeader("Retry-After", Long.toString(relay.retryAfterSeconds(now)));
            GatewayProblem.send(
                    ctx,
                    503,
                    relay.first().service().name()
                            + " is not answering; the gateway stopped sending it requests for a moment");
        }
        return replica;
    }

    private static boolean tooLarge(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || ctx.statusCode() == 401) {
            GatewayProblem.send(ctx, 401, "The bearer token is not valid");
        } else if (ctx.statusCode() == 403) {
            GatewayProblem.send(ctx, 403, "Your role does not permit this operation");
        } else if (ctx.statusCode() == 413) {
            GatewayProblem.send(ctx, 413, "The request body is too large");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            ctx.next();
        } else {
            LOG.errorf(
                    failure,
                    "%s %s failed",
                    ctx.request().method(),
                    ctx.request().path());
            GatewayProblem.send(ctx, 500, "The gateway failed; request id " + RequestIds.of(ctx));
        }
    }

    /** One loop's part of a limit, never below one. */
    static int share(int limit, int loops) {
        return Math.max(1, (limit + loops - 1) / loops);
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
    }
}
