package io.guoziyun.gateway.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted ingress (here: loopback is trusted) the gateway takes the ingress's scheme and public host, so a
 * service writes https:// URLs on the public host; it still drops what no proxy of ours sends.
 */
@QuarkusTest
@TestProfile(TrustedIngressTest.BehindAnIngress.class)
@WithTestResource(TestOidc.class)
@WithTestResource(EchoService.class)
class TrustedIngressTest {

    public static class BehindAnIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void theIngresssHeadersAreKeptAndPassedOn() {
        given().auth()
                .oauth2(TestTokens.firm(TestTokens.FIRM_A))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "guoziyun.example.cn")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Ssl", "on")
                .when()
                .get("/api/v1/contracts/1")
                .then()
                .statusCode(200)
                .body("headers.x-forwarded-proto", equalTo("https"))
                .body("headers.x-forwarded-host", equalTo("guoziyun.example.cn"))
                .body("headers.x-forwarded-port", equalTo("443"))
                .body("headers.x-forwarded-for", equalTo("203.0.113.9"))
                .body("headers.x-forwarded-ssl", equalTo(null));
    }
}
