package io.guoziyun.gateway.route;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Latency and status of each route's requests, as Prometheus sees them: gateway_route_requests_seconds. */
final class RouteMetrics {
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void observe(RoutingContext ctx, String route) {
        long started = System.nanoTime();
        ctx.addBodyEndHandler(v -> {
            int status = ctx.response().getStatusCode();
            timers.computeIfAbsent(
                            route + "|" + status,
                            key -> Timer.builder("gateway.route.requests")
                                    .description("Requests the gateway relayed, by route and status")
                                    .tag("route", route)
                                    .tag("status", Integer.toString(status))
                                    .publishPercentileHistogram(false)
                                    .register(registry))
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        });
    }

    /** A request refused by a rate limit: a route's per client, or "anonymous" per address. */
    void limited(String limit) {
        registry.counter("gateway.rate.limited", "limit", limit).increment();
    }

    /** Each service's circuit as a gauge: 1 while it is open and the gateway answers 503 for it. */
    void breakers(Collection<Service> services) {
        for (Service service : services) {
            Gauge.builder("gateway.breaker.open", service.breaker(), b -> b.isOpen() ? 1 : 0)
                    .description("1 while the circuit to the service is open")
                    .tag("service", service.name())
                    .register(registry);
        }
    }
}
