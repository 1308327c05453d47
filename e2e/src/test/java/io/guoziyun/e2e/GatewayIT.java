package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway in front of the real services and Keycloak: docs, overview, request ids, health, metrics, limits. */
class GatewayIT {

    static final String GATEWAY = WalkingSkeletonIT.GATEWAY;

    @Test
    void oneSwaggerUiServesEveryServicesDocumentThroughTheGateway() {
        given().when().get(GATEWAY + "/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        for (String name : List.of("contract-registry", "asset-inventory", "listing-approval", "gateway")) {
            given().when()
                    .get(GATEWAY + "/openapi/" + name)
                    .then()
                    .statusCode(200)
                    .body("servers[0].url", equalTo(GATEWAY)) // the public URL: a generated client calls the gateway
                    .body("components.securitySchemes.oidc.type", equalTo("oauth2"))
                    .body(
                            "components.securitySchemes.oidc.flows.authorizationCode.authorizationUrl",
                            equalTo(Keycloak.URL + "/realms/guoziyun/protocol/openid-connect/auth"));
        }
        given().when()
                .get(GATEWAY + "/openapi/listing-approval")
                .then()
                .body("paths.'/api/v1/listing-applications/queue'.get.summary", equalTo("The regulator's queue"));
    }

    @Test
    void theOverviewGathersAllThreeServices() {
        given().auth()
                .oauth2(Keycloak.person("regulator1"))
                .when()
                .get(GATEWAY + "/api/v1/overview?asOf=2022-10-01")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("contracts.status", equalTo("AVAILABLE"))
                .body("inventory.status", equalTo("AVAILABLE"))
                .body("listingApplications.status", equalTo("AVAILABLE"))
                .body("firmsFiling", greaterThan(0));
        given().auth()
                .oauth2(Keycloak.machine("demo-firm-a"))
                .when()
                .get(GATEWAY + "/api/v1/overview")
                .then()
                .statusCode(403);
    }

    @Test
    void aRequestIdGoesToTheServiceAndBack() {
        given().auth()
                .oauth2(Keycloak.machine("demo-firm-a"))
                .header("X-Request-Id", "e2e-trace-1")
                .when()
                .get(GATEWAY + "/api/v1/contracts")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "e2e-trace-1");
    }

    @Test
    void healthCoversKeycloakAndEachRoutesService() {
        given().when()
                .get(GATEWAY + "/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'keycloak' }.status", equalTo("UP"));
        given().when()
                .get(GATEWAY + "/q/health/group/routes")
                .then()
                .statusCode(200)
                .body("checks[0].status", equalTo("UP"));
        given().when()
                .get(GATEWAY + "/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("gateway_route_requests_seconds_count{route=\"contracts\""));
    }

    @Test
    void aFloodingFirmIsSlowedWhileAnotherIsNot() throws Exception {
        String flooder = Keycloak.machine("demo-firm-b");
        String other = Keycloak.machine("demo-firm-a");
        // 16 at a time: far above 50 a second, so the bucket of 100 empties.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.List<java.util.concurrent.Future<io.restassured.response.Response>> sent =
                new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            sent.add(pool.submit(() ->
                    given().auth().oauth2(flooder).when().get(GATEWAY + "/api/v1/calendar/working-days/2024-09-29")));
        }
        int limited = 0;
        String retryAfter = null;
        for (var future : sent) {
            var response = future.get();
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.header("Retry-After");
            } else {
                assertEquals(200, response.statusCode());
            }
        }
        pool.shutdown();
        assertTrue(limited > 0, "the flood met the limit");
        assertTrue(retryAfter != null, "429 says when to retry");
        assertEquals(
                200,
                given().auth()
                        .oauth2(other)
                        .when()
                        .get(GATEWAY + "/api/v1/calendar/working-days/2024-09-29")
                        .statusCode());
        Thread.sleep(2500);
    }

    @Test
    void unknownPathsAre404Problem() {
        given().auth()
                .oauth2(Keycloak.machine("demo-firm-a"))
                .when()
                .get(GATEWAY + "/api/v1/nowhere")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().auth()
                .oauth2(Keycloak.person("auditor1"))
                .when()
                .get(GATEWAY + "/api/v1/listing-applications/queue")
                .then()
                .statusCode(200)
                .body("items.stage", org.hamcrest.Matchers.not(hasItem("DRAFT")));
    }
}
