package io.guoziyun.gateway.health;

import io.guoziyun.gateway.route.RouteTable;
import io.guoziyun.gateway.route.ServiceRequests;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /q/health/group/routes}: each service behind the gateway, by its own readiness. Apart from the gateway's
 * readiness on purpose: a service that is down must not take the gateway (and the other routes) out of rotation.
 */
@HealthGroup("routes")
@ApplicationScoped
public class RouteHealth implements HealthCheck {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final RouteTable table;

    public RouteHealth(RouteTable table) {
        this.table = table;
    }

    /**
     * Each service's readiness, named by the routes it answers (no internal address is shown): UP while at least one
     * of its replicas is ready, with how many are when not all.
     */
    @Override
    public HealthCheckResponse call() {
        Map<URI, String> routesByReplica = new TreeMap<>();
        Map<String, List<URI>> replicas = new TreeMap<>();
        table.routes()
                .forEach((name, route) ->
                        route.url().forEach(url -> routesByReplica.merge(url, name, (a, b) -> a + "," + b)));
        routesByReplica.forEach((url, routes) ->
                replicas.computeIfAbsent(routes, r -> new ArrayList<>()).add(url));
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("routes").up();
        boolean allUp = true;
        for (Map.Entry<String, List<URI>> service : replicas.entrySet()) {
            long up = service.getValue().stream().filter(this::ready).count();
            int of = service.getValue().size();
            allUp &= up > 0;
            answer.withData(service.getKey(), up == of ? "UP" : up == 0 ? "DOWN" : "UP (" + up + " of " + of + ")");
        }
        return answer.status(allUp).build();
    }

    /** The service's readiness on its management interface: its URL's port plus the configured offset. */
    private boolean ready(URI url) {
        int port = ServiceRequests.port(url) + table.serviceManagementPortOffset();
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    url.getScheme() + "://" + url.getHost() + ":" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
