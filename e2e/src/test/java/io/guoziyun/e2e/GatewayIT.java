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
    void theRequestIdIsTheGatewaysAndAClientsOwnIdIsKeptApart() {
        given().auth()
                .oauth2(Keycloak.machine("demo-firm-a"))
                .header("X-Request-Id", "e2e-trace-1")
                .when()
                .get(GATEWAY + "/api/v1/contracts")
                .then()
                .statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .header("X-Client-Request-Id", "e2e-trace-1");
    }

    /**
     * {@code n} requests sent at once (one connection each), so that they reach the gateway within a second whatever
     * the services' speed: the limit is the gateway's, counted on arrival.
     */
    static List<java.net.http.HttpResponse<String>> flood(String token, String url, int n) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(java.time.Duration.ofSeconds(60))
                .build();
        var sent =
                new java.util.ArrayList<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>>();
        for (int i = 0; i < n; i++) {
            sent.add(client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        var answers = new java.util.ArrayList<java.net.http.HttpResponse<String>>();
        for (var answer : sent) {
            answers.add(answer.get(90, java.util.concurrent.TimeUnit.SECONDS));
        }
        return answers;
    }

    @Test
    void anAuditorsFloodDoesNotSlowARegulator() throws Exception {
        String auditor = Keycloak.person("auditor1");
        String regulator = Keycloak.person("regulator1");
        long limited = flood(auditor, GATEWAY + "/api/v1/providers", 240).stream()
                .filter(answer -> answer.statusCode() == 429)
                .count();
        org.junit.jupiter.api.Assertions.assertTrue(limited > 0, "the auditor's flood is slowed");
        given().auth()
                .oauth2(regulator)
                .when()
                .get(GATEWAY + "/api/v1/providers")
                .then()
                .statusCode(200);
    }

    /** The gateway's management interface: its HTTP port + 1000, loopback only, published by no Ingress. */
    static final String MANAGEMENT = "http://localhost:9080";

    @Test
    void healthCoversKeycloakAndEachRoutesServiceOnTheManagementInterfaceOnly() {
        given().when().get(GATEWAY + "/q/metrics").then().statusCode(404);
        given().when().get(GATEWAY + "/q/health/ready").then().statusCode(404);
        given().when()
                .get(MANAGEMENT + "/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'keycloak' }.status", equalTo("UP"));
        given().when()
                .get(MANAGEMENT + "/q/health/group/routes")
                .then()
                .statusCode(200)
                .body("checks[0].status", equalTo("UP"));
        given().when()
                .get(MANAGEMENT + "/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("gateway_route_requests_seconds_count{route=\"contracts\""));
    }

    @Test
    void aFloodingFirmIsSlowedWhileAnotherIsNot() throws Exception {
        String flooder = Keycloak.machine("demo-firm-b");
        String other = Keycloak.machine("demo-firm-a");
        // 200 at once: far above 50 a second, so the bucket of 100 empties. (With 400, on two cores with tracing
        // on, the flood lasted long enough for the refill to let 250 through, and the last of them waited past the
        // route's 2 s for a connection: 503, the gateway shedding load, not what this test is about.)
        int limited = 0;
        String retryAfter = null;
        for (var response : flood(flooder, GATEWAY + "/api/v1/calendar/working-days/2024-09-29", 200)) {
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            } else {
                assertEquals(200, response.statusCode());
            }
        }
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

    @Test
    void everyComponentListensOnLoopbackOnly() throws Exception {
        java.net.InetAddress outside = null;
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
                    outside = address;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertNotNull(outside, "this machine has an address besides loopback");
        for (int port : new int[] {8080, 8081, 8082, 8083, 8180, 9080, 9081, 9082, 9083}) {
            try (var socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
            }
            java.net.InetAddress address = outside;
            org.junit.jupiter.api.Assertions.assertThrows(
                    java.io.IOException.class,
                    () -> {
                        try (var socket = new java.net.Socket()) {
                            socket.connect(new java.net.InetSocketAddress(address, port), 2000);
                        }
                    },
                    "port " + port + " answers on " + address);
        }
    }
}
