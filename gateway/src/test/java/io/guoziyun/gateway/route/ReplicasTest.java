package io.guoziyun.gateway.route;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A route with several replicas: round-robin among those that answer; a refused connection costs no request. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(EchoService.class)
class ReplicasTest {

    private static final String FIRM_A = TestTokens.firm(TestTokens.FIRM_A);

    @Test
    void requestsGoRoundRobinToTheLiveReplicasAndADeadOneCostsNoRequest() {
        List<String> replicas = Arrays.asList(ConfigProvider.getConfig()
                .getValue("gateway.routes.replicated.url", String.class)
                .split(","));
        assertEquals(3, replicas.size(), "a dead replica first, then two live ones");
        Map<String, Integer> served = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String host = given().auth()
                    .oauth2(FIRM_A)
                    .when()
                    .get("/api/v1/replicated/" + i)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("headers.host");
            served.merge(host, 1, Integer::sum);
        }
        assertEquals(2, served.size(), "both live replicas served: " + served);
        for (String live : replicas.subList(1, 3)) {
            URI url = URI.create(live);
            int count = served.getOrDefault(url.getHost() + ":" + url.getPort(), 0);
            assertEquals(15, count, 5, "about half each: " + served);
        }
    }
}
