package io.guoziyun.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready only when it can reach Keycloak's discovery document: without it no token is checked. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Optional<String> issuer;

    public KeycloakReadiness(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer) {
        this.issuer = issuer;
    }

    @Override
    public HealthCheckResponse call() {
        if (issuer.isEmpty()) {
            return HealthCheckResponse.named("keycloak")
                    .up()
                    .withData("note", "tokens are checked against a configured public key")
                    .build();
        }
        String discovery = issuer.get() + "/.well-known/openid-configuration";
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(discovery))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return HealthCheckResponse.named("keycloak")
                    .status(response.statusCode() == 200)
                    .withData("status", response.statusCode())
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("keycloak")
                    .down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
