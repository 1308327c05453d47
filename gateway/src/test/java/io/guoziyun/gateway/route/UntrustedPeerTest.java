package io.guoziyun.gateway.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forwarding on, as in the cluster, but the peer (loopback here) is not among the trusted proxies (the cluster's
 * ingress controller would be): what it claims in X-Forwarded-* is replaced by what the gateway saw itself, so a
 * caller that reaches the gateway past the ingress cannot name another host, scheme or client address.
 */
@QuarkusTest
@TestProfile(UntrustedPeerTest.BehindAnIngressButNotThisPeer.class)
@WithTestResource(TestOidc.class)
@WithTestResource(EchoService.class)
class UntrustedPeerTest {

    @TestHTTPResource("/")
    URL gateway;

    public static class BehindAnIngressButNotThisPeer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "10.0.0.0/8");
        }
    }

    @Test
    void anUntrustedPeersForwardedHeadersAreReplaced() {
        int port = gateway.getPort();
        given().auth()
                .oauth2(TestTokens.firm(TestTokens.FIRM_A))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.9")
                .when()
                .get("/api/v1/contracts/1")
                .then()
                .statusCode(200)
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", equalTo("localhost:" + port))
                .body("headers.x-forwarded-port", equalTo(Integer.toString(port)))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"));
    }
}
