package io.guoziyun.gateway.route;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's route table: each path prefix, the service that answers below it, and how it is guarded. */
@ConfigMapping(prefix = "gateway")
public interface RouteTable {

    /** Routes by name, e.g. {@code gateway.routes.contracts.prefix=/api/v1/contracts}. */
    Map<String, Route> routes();

    /**
     * Connections kept open to each service, shared out among the event loops (each has its own pool); a bounded pool
     * that never leaks is what keeps the proxy alive.
     */
    @WithDefault("64")
    int maxConnectionsPerService();

    /** Requests that may wait for a pooled connection (shared out likewise); beyond them 503 at once. */
    @WithDefault("512")
    int maxWaitingPerService();

    /** The default per-client limit of every route. */
    RateLimit rateLimit();

    /** Requests without a token (the API documents, the Swagger UI, 401s), per client address, over all paths. */
    AnonymousRateLimit anonymousRateLimit();

    interface AnonymousRateLimit {
        @WithDefault("20")
        int requestsPerSecond();

        @WithDefault("40")
        int burst();
    }

    CircuitBreakerPolicy circuitBreaker();

    /**
     * Where a service's management interface (its readiness) answers: the port of its route's URL plus this. Locally
     * 1000 (8081 → 9081); in Kubernetes each Service maps 9080 to its pods' management port 9000.
     */
    @WithDefault("1000")
    int serviceManagementPortOffset();

    /** The memory of verified tokens. */
    TokenCache tokenCache();

    /** Bounded by weight: what its entries are counted as (token and parsed claims), in bytes. */
    interface TokenCache {
        @WithDefault("16777216")
        long maxBytes();
    }

    interface Route {
        /** A path prefix without trailing slash; it and everything below it go to {@link #url()}. */
        String prefix();

        /**
         * Base URL of the service, e.g. {@code http://localhost:8081}, or of each of its replicas, comma-separated:
         * requests go round-robin to those whose circuit is closed.
         */
        List<URI> url();

        /** Longest wait for a connection to the service. */
        @WithDefault("PT2S")
        Duration connectTimeout();

        /** Longest silence on an open exchange before it is given up (504). */
        @WithDefault("PT30S")
        Duration timeout();

        /** Largest request body this route takes (413 beyond it). */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /**
         * Whether the gateway admits only requests with a valid bearer token. False for a service that signs its users
         * in itself (the console, with its own session): the gateway relays without a token, limited per client
         * address by this route's limit, and that service decides who enters.
         */
        @WithDefault("true")
        boolean bearerRequired();

        /** This route's per-client limit, when it differs from the default. */
        Optional<Integer> requestsPerSecond();

        Optional<Integer> burst();
    }

    /** A token bucket per client and route: {@code burst} requests at once, refilled at {@code requestsPerSecond}. */
    interface RateLimit {
        @WithDefault("50")
        int requestsPerSecond();

        @WithDefault("100")
        int burst();
    }

    /** Per service: this many failures in a row open the circuit, for this long, then one trial request. */
    interface CircuitBreakerPolicy {
        @WithDefault("5")
        int failureThreshold();

        @WithDefault("PT10S")
        Duration openFor();
    }
}
