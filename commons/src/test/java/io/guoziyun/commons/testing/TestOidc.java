package io.guoziyun.commons.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Points quarkus-oidc at a local test key instead of Keycloak, so {@code @QuarkusTest}s verify real signed tokens
 * (signature, issuer, audience, expiry) from {@link TestTokens} without a running identity provider. The
 * end-to-end tests use real Keycloak tokens.
 */
public class TestOidc implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://keycloak.test.invalid/realms/guoziyun";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key",
                publicKey(),
                "quarkus.oidc.token.issuer",
                ISSUER,
                "quarkus.oidc.discovery-enabled",
                "false");
    }

    @Override
    public void stop() {}

    private static String publicKey() {
        try (InputStream in = TestOidc.class.getResourceAsStream("/oidc/test-public.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
