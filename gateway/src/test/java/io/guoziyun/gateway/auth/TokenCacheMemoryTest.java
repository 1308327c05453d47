package io.guoziyun.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.gateway.route.EchoService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: any firm mints tokens freely, so the gateway's memory of verified tokens must not grow with them. 20,000
 * distinct firm tokens, one request each: the heap after a full GC stays flat and the cache within its weight.
 * (Before, each entry kept the first request's routing context, ~20 KB: this run would have held ~400 MB.)
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(EchoService.class)
class TokenCacheMemoryTest {

    private static final int TOKENS = 20_000;
    private static final long FLAT_BYTES = 40L * 1024 * 1024;

    @TestHTTPResource("/api/v1/nowhere")
    URL nowhere;

    @Inject
    VerifiedTokens verified;

    @Test
    void twentyThousandDistinctTokensLeaveTheHeapFlat() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        send(http, 200); // warm up: classes, pools, the JIT
        long before = heapAfterGc();
        AtomicInteger authenticated = send(http, TOKENS);
        long after = heapAfterGc();

        assertEquals(TOKENS, authenticated.get(), "every token was verified and the request answered 404");
        assertTrue(
                verified.weighedBytes() <= verified.maxBytes(),
                "cache " + verified.weighedBytes() + " B within " + verified.maxBytes() + " B");
        assertTrue(
                after - before < FLAT_BYTES,
                "heap grew by " + (after - before) / 1024 / 1024 + " MB for " + TOKENS + " tokens");
    }

    /** One request for each of {@code count} fresh firm tokens, four at a time; how many were answered 404. */
    private AtomicInteger send(HttpClient http, int count) throws Exception {
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < count / 4; i++) {
                        String token = TestTokens.firm(TestTokens.FIRM_A); // a fresh jti and signature each time
                        HttpRequest request = HttpRequest.newBuilder(URI.create(nowhere.toString()))
                                .header("Authorization", "Bearer " + token)
                                .build();
                        try {
                            if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 404) {
                                answered.incrementAndGet();
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return answered;
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
