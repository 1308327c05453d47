package io.guoziyun.gateway.route;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Installs one streaming reverse proxy per route of the {@link RouteTable}. A request reaches a service only with
 * a token the gateway has validated (issuer, signature, expiry, audience); the token is relayed unchanged and the
 * service validates it again.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /** Runs before Quarkus's own failure handler, so authentication failures answer in problem+json too. */
    private static final int FIRST = Integer.MIN_VALUE;

    void install(@Observes Router router, Vertx vertx, RouteTable table) {
        router.route().order(FIRST).failureHandler(ProxyRoutes::failure);
        table.routes().forEach((name, route) -> {
            URI url = route.url();
            int port = url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setSsl("https".equals(url.getScheme()))
                            .setConnectTimeout((int) route.connectTimeout().toMillis())
                            .setIdleTimeout((int) route.timeout().toMillis())
                            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                            .setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(table.maxConnectionsPerService()));
            ProxyHandler proxy =
                    ProxyHandler.create(HttpProxy.reverseProxy(client).origin(port, url.getHost()));
            String prefix = route.prefix();
            router.routeWithRegex("^" + java.util.regex.Pattern.quote(prefix) + "(/.*)?$")
                    .handler(ProxyRoutes::requireToken)
                    .handler(ProxyRoutes::forwarded)
                    .handler(proxy);
            LOG.infof("Route %s: %s/** -> %s", name, prefix, url);
        });
        // Anything else under /api is not a route of the suite.
        router.route("/api/*")
                .handler(ProxyRoutes::requireToken)
                .handler(ctx -> GatewayProblem.send(ctx, 404, "Not Found", "No service answers at this path"));
    }

    /** Proactive authentication has already validated a presented token; here a missing one is refused. */
    private static void requireToken(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous()) {
            ctx.next();
        } else {
            GatewayProblem.send(ctx, 401, "Unauthorized", "A valid bearer token is required");
        }
    }

    /** Tells the service where the request really came from, so the URLs it writes point at the gateway. */
    private static void forwarded(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String host = request.authority() != null ? request.authority().toString() : request.getHeader("Host");
        String client = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        String proto = request.scheme();
        request.headers().remove("Forwarded");
        request.headers()
                .set("X-Forwarded-For", client)
                .set("X-Forwarded-Proto", proto)
                .set("X-Forwarded-Host", host);
        ctx.next();
    }

    private static void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || ctx.statusCode() == 401) {
            GatewayProblem.send(ctx, 401, "Unauthorized", "The bearer token is not valid");
        } else if (ctx.statusCode() == 403) {
            GatewayProblem.send(ctx, 403, "Forbidden", "Your role does not permit this operation");
        } else {
            ctx.next();
        }
    }
}
