package io.guoziyun.listing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stands in for contract-registry and asset-inventory on one loopback port: a real HTTP server that the tests stop
 * (connection refused) and start again. It answers the findings lists with what a test put in, per firm.
 */
public class FakeFindingServices implements QuarkusTestResourceLifecycleManager {

    public static final Map<String, List<String>> CONTRACT_FINDINGS = new ConcurrentHashMap<>();
    public static final Map<String, List<String>> INVENTORY_FINDINGS = new ConcurrentHashMap<>();
    public static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** How many of the next requests the fake cuts off without an answer: a connection lost on the way. */
    public static final java.util.concurrent.atomic.AtomicInteger CUT_NEXT =
            new java.util.concurrent.atomic.AtomicInteger();
    /** The query of every request the fake answered, as sent. */
    public static final List<String> QUERIES = new CopyOnWriteArrayList<>();
    /** How long the fake takes to answer: a slow dependency. */
    public static final java.util.concurrent.atomic.AtomicInteger SLOW_MILLIS =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * How many pages the fake has (each the same items, page n+1 at {@code cursor=pn}): a firm with more findings
     * than the gate reads.
     */
    public static final java.util.concurrent.atomic.AtomicInteger TOTAL_PAGES =
            new java.util.concurrent.atomic.AtomicInteger(1);

    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://127.0.0.1:" + port;
        return Map.of(
                "quarkus.rest-client.contract-registry.url", url,
                "quarkus.rest-client.asset-inventory.url", url);
    }

    @Override
    public void stop() {}

    /** Starts the fake on the port the application was configured with, unless it runs already. */
    public static synchronized void up() {
        if (server != null) {
            return;
        }
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.contract-registry.url", String.class);
        int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/contract-findings", exchange -> answer(exchange, CONTRACT_FINDINGS));
        server.createContext("/api/v1/inventory-findings", exchange -> answer(exchange, INVENTORY_FINDINGS));
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** Stops the fake for real: the port refuses connections. */
    public static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static String finding(String rule, String firmId) {
        return """
                {"id": "%s", "rule": "%s", "title": "t", "severity": "CRITICAL", "firmId": "%s",
                 "subjectId": "%s", "status": "OPEN", "detectedOn": "2021-09-01", "extra": {"a": 1}}
                """.formatted(java.util.UUID.randomUUID(), rule, firmId, java.util.UUID.randomUUID());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, Map<String, List<String>> findings)
            throws IOException {
        if (CUT_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.close();
            return;
        }
        int slow = SLOW_MILLIS.get();
        if (slow > 0) {
            try {
                Thread.sleep(slow);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        String firmId = "";
        int page = 0;
        String query = exchange.getRequestURI().getRawQuery();
        QUERIES.add(String.valueOf(query));
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("firmId=")) {
                firmId = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            } else if (pair.startsWith("cursor=p")) {
                page = Integer.parseInt(pair.substring(8));
            }
        }
        String items = String.join(",", findings.getOrDefault(firmId, List.of()));
        String next = page + 1 < TOTAL_PAGES.get() ? ", \"nextCursor\": \"p" + (page + 1) + "\"" : "";
        byte[] body = ("{\"items\": [" + items + "], \"size\": 200" + next + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
