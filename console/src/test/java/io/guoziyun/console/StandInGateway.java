package io.guoziyun.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as the console sees it: canned answers by path (without the query), set by each test; what is not set
 * answers 404 problem+json. Records the last Authorization, and the last body and If-Match posted.
 */
public class StandInGateway implements QuarkusTestResourceLifecycleManager {

    /** Path -> status and JSON body. */
    public static final Map<String, Map.Entry<Integer, String>> ANSWERS = new ConcurrentHashMap<>();

    /** Path -> X-Total-Count to answer with. */
    public static final Map<String, Long> TOTALS = new ConcurrentHashMap<>();

    /** The path and query of every request, in order. */
    public static final java.util.List<String> URIS = new java.util.concurrent.CopyOnWriteArrayList<>();

    public static volatile String lastAuthorization;
    public static volatile String lastBody;
    public static volatile String lastIfMatch;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(StandInGateway::answer)
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            return Map.of("console.gateway-url", "http://127.0.0.1:" + server.actualPort());
        } catch (Exception e) {
            throw new IllegalStateException("the stand-in gateway did not start", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    public static void answer(String path, int status, String json) {
        ANSWERS.put(path, Map.entry(status, json));
    }

    private static void answer(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            lastAuthorization = request.getHeader("Authorization");
            URIS.add(request.uri());
            if (request.method().name().equals("POST")) {
                lastIfMatch = request.getHeader("If-Match");
                lastBody = body.toString();
            }
            var answer = ANSWERS.getOrDefault(
                    request.path(),
                    Map.entry(404, "{\"title\": \"Not Found\", \"status\": 404, \"detail\": \"none\"}"));
            request.response()
                    .setStatusCode(answer.getKey())
                    .putHeader("Content-Type", answer.getKey() >= 400 ? "application/problem+json" : "application/json")
                    .putHeader("ETag", "\"7\"");
            Long total = TOTALS.get(request.path());
            if (total != null) {
                request.response().putHeader("X-Total-Count", total.toString());
            }
            request.response().end(answer.getValue());
        });
    }
}
