package io.guoziyun.gateway.route;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stand-in services behind the gateway. The echo service answers with what it received (method, path, headers,
 * body digest), its statistics and an OpenAPI document; below {@code /slow} it never answers, below {@code /delay}
 * it answers after 300 ms. The listing service is the same on a port the tests stop and start for real.
 */
public class EchoService implements QuarkusTestResourceLifecycleManager {

    /** How often the gateway fetched an API document from the stand-ins. */
    public static final java.util.concurrent.atomic.AtomicInteger OPENAPI_FETCHES =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Every route of the gateway's configuration, all sent to the echo service except the listing ones. */
    static final List<String> ECHO_ROUTES = List.of(
            "contracts",
            "providers",
            "contract-findings",
            "contract-audit",
            "sites",
            "servers",
            "server-import",
            "inventory-findings",
            "inventory-summary",
            "inventory-audit",
            "console");

    static final List<String> LISTING_ROUTES = List.of("listing-applications", "calendar", "listing-audit");

    private static Vertx vertx;
    private static HttpServer listing;

    @Override
    public Map<String, String> start() {
        int echoPort = listen(0).actualPort();
        int listingPort = freePort();
        Map<String, String> config = new HashMap<>();
        String echo = "http://127.0.0.1:" + echoPort;
        ECHO_ROUTES.forEach(route -> config.put("gateway.routes." + route + ".url", echo));
        LISTING_ROUTES.forEach(
                route -> config.put("gateway.routes." + route + ".url", "http://127.0.0.1:" + listingPort));
        config.put("gateway.routes.slow.prefix", "/api/v1/slow");
        config.put("gateway.routes.slow.url", echo);
        config.put("gateway.routes.slow.timeout", "PT1S");
        config.put("gateway.routes.limited.prefix", "/api/v1/limited");
        config.put("gateway.routes.limited.url", echo);
        config.put("gateway.routes.limited.requests-per-second", "1");
        config.put("gateway.routes.limited.burst", "3");
        config.put("gateway.routes.burst.prefix", "/api/v1/burst");
        config.put("gateway.routes.burst.url", echo);
        config.put("gateway.routes.burst.requests-per-second", "100000");
        config.put("gateway.routes.burst.burst", "100000");
        // One route with three replicas: the first refuses connections, the other two answer (ReplicasTest).
        config.put("gateway.routes.replicated.prefix", "/api/v1/replicated");
        config.put(
                "gateway.routes.replicated.url",
                "http://127.0.0.1:" + freePort() + "," + echo + ",http://127.0.0.1:"
                        + listen(0).actualPort());
        config.put("gateway.routes.own-sign-in.prefix", "/own-sign-in");
        config.put("gateway.routes.own-sign-in.url", echo);
        config.put("gateway.routes.own-sign-in.bearer-required", "false");
        config.put("gateway.routes.own-sign-in.requests-per-second", "1");
        config.put("gateway.routes.own-sign-in.burst", "2");
        config.put("gateway.circuit-breaker.open-for", "PT1S");
        config.put("gateway.circuit-breaker.failure-threshold", "3");
        config.put("gateway.service-management-port-offset", "0"); // the stand-ins answer readiness on their own port
        config.put("gateway.anonymous-rate-limit.requests-per-second", "10");
        config.put("gateway.anonymous-rate-limit.burst", "20");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
            vertx = null;
        }
    }

    /** Starts the listing stand-in on its configured port, unless it runs. */
    static synchronized void listingUp() {
        if (listing == null) {
            String url = ConfigProvider.getConfig().getValue("gateway.routes.listing-applications.url", String.class);
            listing = listen(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
        }
    }

    /** Stops the listing stand-in: its port refuses connections. */
    static synchronized void listingDown() throws Exception {
        if (listing != null) {
            listing.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            listing = null;
        }
    }

    /** The test resource and the test classes may hold separate copies of this class: each side gets a Vert.x. */
    private static synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return vertx;
    }

    private static HttpServer listen(int port) {
        try {
            return vertx().createHttpServer()
                    .requestHandler(EchoService::answer)
                    .listen(port, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stand-in service did not start on " + port, e);
        }
    }

    private static void answer(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/api/v1/slow")) {
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject answer;
            if (path.equals("/q/openapi")) {
                OPENAPI_FETCHES.incrementAndGet();
                answer = new JsonObject()
                        .put("openapi", "3.1.0")
                        .put("info", new JsonObject().put("title", "stand-in"))
                        .put("servers", new JsonArray().add(new JsonObject().put("url", "http://127.0.0.1")))
                        .put("paths", new JsonObject().put("/api/v1/contracts", new JsonObject()))
                        .put(
                                "components",
                                new JsonObject()
                                        .put(
                                                "securitySchemes",
                                                new JsonObject().put("oidc", new JsonObject().put("type", "http"))));
            } else if (path.endsWith("/statistics")) {
                answer = statistics(path);
            } else {
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                answer = new JsonObject()
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("headers", headers)
                        .put("bodyLength", body.length())
                        .put("bodySha256", sha256(body.getBytes()));
            }
            String json = answer.encode();
            Runnable respond = () -> request.response()
                    .setStatusCode("POST".equals(request.method().name()) ? 201 : 200)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-Id", String.valueOf(request.getHeader("X-Request-Id")))
                    .end(json);
            if (path.startsWith("/api/v1/burst/delay")) {
                vertx().setTimer(300, id -> respond.run());
            } else {
                respond.run();
            }
        });
    }

    private static JsonObject statistics(String path) {
        if (path.contains("contract-findings")) {
            return new JsonObject()
                    .put("asOf", "2022-10-01")
                    .put("firms", new JsonArray().add("91110108MA01B2C344").add("91310115MA1K00007Q"))
                    .put("openByRule", new JsonObject().put("CR-1", 2).put("CR-3", 5));
        }
        if (path.contains("inventory-findings")) {
            return new JsonObject()
                    .put("asOf", "2022-10-01")
                    .put("firms", new JsonArray().add("91110108MA01B2C344").add("92440300MA5F7T2Q2G"))
                    .put("openByRule", new JsonObject().put("AI-1", 1).put("AI-2", 40));
        }
        return new JsonObject()
                .put("asOf", "2022-10-01")
                .put("firms", new JsonArray().add("12100000400000122T"))
                .put("byStage", new JsonObject().put("INITIAL_REVIEW", 2))
                .put("overdue", 1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
