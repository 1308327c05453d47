package io.guoziyun.gateway.health;

import io.guoziyun.gateway.route.RouteTable;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    @Override
    public HealthCheckResponse call() {
        Map<String, String> routesByService = new TreeMap<>();
        table.routes()
                .forEach((name, route) -> routesByService.merge(route.url().toString(), name, (a, b) -> a + "," + b));
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("routes").up();
        boolean allUp = true;
        for (Map.Entry<String, String> service : routesByService.entrySet()) {
            boolean up = ready(service.getKey());
            allUp &= up;
            answer.withData(service.getKey(), (up ? "UP" : "DOWN") + " (" + service.getValue() + ")");
        }
        return answer.status(allUp).build();
    }

    private boolean ready(String url) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
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
