package io.guoziyun.gateway.route;

import io.vertx.core.http.HttpClient;
import java.util.function.Supplier;

/**
 * One service behind the gateway: its circuit, and a connection pool per event loop. A pool shared by all loops
 * hands a connection opened on one loop to a request of another, and every exchange on it then crosses threads
 * twice; a loop's own pool keeps the exchange on the thread that received the request.
 */
final class Service {
    private final String name;
    private final CircuitBreaker breaker;
    private final ThreadLocal<HttpClient> pool;

    Service(String name, CircuitBreaker breaker, Supplier<HttpClient> newPool) {
        this.name = name;
        this.breaker = breaker;
        this.pool = ThreadLocal.withInitial(newPool);
    }

    String name() {
        return name;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /** The calling event loop's pool. */
    HttpClient client() {
        return pool.get();
    }
}
