package io.guoziyun.gateway.route;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A stand-in service behind the gateway: it answers with what it received (method, path, headers, body digest). */
public class EchoService implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    JsonObject headers = new JsonObject();
                    request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                    JsonObject echo = new JsonObject()
                            .put("method", request.method().name())
                            .put("uri", request.uri())
                            .put("headers", headers)
                            .put("bodyLength", body.length())
                            .put("bodySha256", sha256(body.getBytes()));
                    request.response()
                            .setStatusCode("POST".equals(request.method().name()) ? 201 : 200)
                            .putHeader("Content-Type", "application/json")
                            .end(echo.encode());
                }));
        int port;
        try {
            port = server.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("echo service did not start", e);
        }
        return Map.of("gateway.routes.contracts.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
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
