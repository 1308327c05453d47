package io.guoziyun.gateway.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(EchoService.class)
class GatewayGuardsTest {

    private static final String FIRM_A = TestTokens.firm(TestTokens.FIRM_A);
    private static final String FIRM_B = TestTokens.firm(TestTokens.FIRM_B);

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void listingUp() {
        EchoService.listingUp();
    }

    @Test
    void everyPrefixReachesItsService() {
        Map<String, String> prefixes = Map.ofEntries(
                Map.entry("/api/v1/contracts", "contracts"),
                Map.entry("/api/v1/providers", "providers"),
                Map.entry("/api/v1/contract-findings", "contract-findings"),
                Map.entry("/api/v1/contract-audit", "contract-audit"),
                Map.entry("/api/v1/sites", "sites"),
                Map.entry("/api/v1/servers", "servers"),
                Map.entry("/api/v1/servers/import", "server-import"),
                Map.entry("/api/v1/inventory-findings", "inventory-findings"),
                Map.entry("/api/v1/inventory-summary", "inventory-summary"),
                Map.entry("/api/v1/inventory-audit", "inventory-audit"),
                Map.entry("/api/v1/listing-applications", "listing-applications"),
                Map.entry("/api/v1/calendar", "calendar"),
                Map.entry("/api/v1/listing-audit", "listing-audit"));
        prefixes.forEach((prefix, route) -> given().auth()
                .oauth2(FIRM_A)
                .when()
                .get(prefix + "/x?y=1")
                .then()
                .statusCode(200)
                .body("uri", equalTo(prefix + "/x?y=1")));
    }

    @Test
    void requestIdsAreTheGatewaysAndAClientsIdIsKeptApart() {
        var answer = given().auth()
                .oauth2(FIRM_A)
                .header("X-Request-Id", "trace-42.a:b")
                .when()
                .get("/api/v1/contracts/1")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .header("X-Client-Request-Id", "trace-42.a:b")
                .body("headers.x-client-request-id", equalTo("trace-42.a:b"))
                .extract();
        // The service (and so its audit chain) sees the id the gateway made, not the client's.
        assertEquals(answer.header("X-Request-Id"), answer.path("headers.x-request-id"));
        String generated = given().auth()
                .oauth2(FIRM_A)
                .header("X-Request-Id", "<script>alert(1)</script>")
                .header("X-Client-Request-Id", "forged")
                .when()
                .get("/api/v1/contracts/1")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .header("X-Client-Request-Id", org.hamcrest.Matchers.nullValue())
                .body("headers.x-client-request-id", org.hamcrest.Matchers.nullValue())
                .extract()
                .header("X-Request-Id");
        assertTrue(!generated.contains("script"));
        given().when().get("/api/v1/contracts/1").then().statusCode(401).header("X-Request-Id", notNullValue());
    }

    @Test
    void forwardedHeadersAreTheGatewaysOwn() {
        given().auth()
                .oauth2(FIRM_A)
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "6666")
                .header("X-Forwarded-Ssl", "on")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Real-IP", "203.0.113.9")
                .header("Forwarded", "for=203.0.113.9;host=evil.example;proto=https")
                .when()
                .get("/api/v1/contracts/1")
                .then()
                .statusCode(200)
                .body("headers.x-forwarded-host", equalTo("localhost:" + gateway.getPort()))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-port", equalTo(Integer.toString(gateway.getPort())))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.forwarded", containsString("host=\"localhost:" + gateway.getPort() + "\""))
                .body("headers", not(org.hamcrest.Matchers.hasKey("x-forwarded-ssl")))
                .body("headers", not(org.hamcrest.Matchers.hasKey("x-forwarded-prefix")))
                .body("headers", not(org.hamcrest.Matchers.hasKey("x-real-ip")));
    }

    @Test
    void aTokenWithAFirmRoleAndARegulatorRoleIsRefused() {
        String mixed = TestTokens.mixed(TestTokens.FIRM_A);
        for (String path : List.of("/api/v1/contracts/1", "/api/v1/overview", "/api/v1/nowhere")) {
            given().auth()
                    .oauth2(mixed)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("both a firm role and a regulator or auditor role"));
        }
    }

    @Test
    void peopleAreLimitedOneByOneNotByTheClientTheyLoggedInThrough() {
        // Both logged in through the Swagger UI's client: the same azp, different people.
        String auditor = TestTokens.loggedInThrough("auditor1", "auditor", "guoziyun-swagger-ui");
        String regulator = TestTokens.loggedInThrough("regulator1", "regulator", "guoziyun-swagger-ui");
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            if (given().auth().oauth2(auditor).when().get("/api/v1/limited/x").statusCode() == 429) {
                limited++;
            }
        }
        assertTrue(limited >= 4, "the auditor's flood is slowed: " + limited + " limited");
        given().auth().oauth2(regulator).when().get("/api/v1/limited/x").then().statusCode(200);
    }

    @Test
    void aFloodingClientIsSlowedAndOthersAreNot() {
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 8; i++) {
            var response = given().auth().oauth2(FIRM_A).when().get("/api/v1/limited/x");
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.header("Retry-After");
                response.then().contentType("application/problem+json").body("status", equalTo(429));
            } else {
                assertEquals(200, response.statusCode());
            }
        }
        assertTrue(limited >= 4, "at most the burst of 3 (and a refill) passes, " + limited + " limited");
        assertTrue(retryAfter != null && Integer.parseInt(retryAfter) >= 1, "Retry-After " + retryAfter);
        given().auth().oauth2(FIRM_B).when().get("/api/v1/limited/x").then().statusCode(200);
        given().auth().oauth2(FIRM_A).when().get("/api/v1/contracts/1").then().statusCode(200);
    }

    @Test
    void aBodyOverTheRouteLimitIs413Problem() {
        given().auth()
                .oauth2(FIRM_A)
                .contentType("application/json")
                .body(new byte[1024 * 1024 + 1])
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheImportTakesLargeBodiesBelowServers() {
        byte[] two = new byte[2 * 1024 * 1024];
        given().auth()
                .oauth2(FIRM_A)
                .contentType("application/json")
                .body(two)
                .when()
                .post("/api/v1/servers")
                .then()
                .statusCode(413);
        given().auth()
                .oauth2(FIRM_A)
                .contentType("text/csv")
                .body(two)
                .when()
                .post("/api/v1/servers/import")
                .then()
                .statusCode(201)
                .body("bodyLength", equalTo(two.length));
    }

    @Test
    void aChunkedBodyIsHeldToTheSameLimitAndOneUnderItArrivesWhole() throws Exception {
        String over = postChunked("/api/v1/contracts", new byte[1024 * 1024 + 1]);
        assertTrue(over.startsWith("HTTP/1.1 413 "), over);
        assertTrue(over.contains("application/problem+json") && over.contains("at most 1048576 bytes"), over);
        byte[] under = new byte[1024 * 1024];
        java.util.Arrays.fill(under, (byte) 'x');
        String whole = postChunked("/api/v1/contracts", under);
        assertTrue(whole.startsWith("HTTP/1.1 201 "), whole);
        assertTrue(whole.contains("\"bodyLength\":" + under.length), whole);
        assertTrue(whole.contains(EchoService.sha256(under)), whole);
        given().auth().oauth2(FIRM_A).when().get("/api/v1/contracts/1").then().statusCode(200);
    }

    /** Sends the body with Transfer-Encoding: chunked (no length declared) and gives back the whole answer. */
    private String postChunked(String path, byte[] body) throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + FIRM_A
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                for (int from = 0; from < body.length; from += 65536) {
                    int length = Math.min(65536, body.length - from);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, from, length);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the gateway may answer and hang up before the client has sent everything; read its answer
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aStoppedServiceGives503AtOnceAndTheGatewayRecovers() throws Exception {
        EchoService.listingDown();
        try {
            for (int i = 0; i < 6; i++) {
                long started = System.nanoTime();
                given().auth()
                        .oauth2(FIRM_A)
                        .when()
                        .get("/api/v1/listing-applications/1")
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", notNullValue());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertTrue(millis < 2000, "503 took " + millis + " ms");
            }
            given().auth()
                    .oauth2(FIRM_A)
                    .when()
                    .get("/api/v1/contracts/1")
                    .then()
                    .statusCode(200);
        } finally {
            EchoService.listingUp();
        }
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            Thread.sleep(250);
            status = given().auth()
                    .oauth2(FIRM_A)
                    .when()
                    .get("/api/v1/listing-applications/1")
                    .statusCode();
        }
        assertEquals(200, status, "the gateway sends requests again once the service is back");
    }

    @Test
    void aSilentServiceGives504AfterTheRouteTimeout() {
        long started = System.nanoTime();
        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get("/api/v1/slow/x")
                .then()
                .statusCode(504)
                .contentType("application/problem+json");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(millis >= 900 && millis < 5000, "504 after " + millis + " ms");
    }

    @Test
    void aBurstOfAbandonedRequestsLeavesTheGatewayAnswering() throws Exception {
        String request =
                "GET /api/v1/burst/delay HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + FIRM_A + "\r\n\r\n";
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                sent.add(pool.submit(() -> {
                    try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                        OutputStream out = socket.getOutputStream();
                        out.write(request.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(20);
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            given().auth()
                    .oauth2(FIRM_A)
                    .when()
                    .get("/api/v1/burst/delay")
                    .then()
                    .statusCode(200);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(millis < 2000, "answered in " + millis + " ms after the burst");
        }
    }

    @Test
    void theOverviewMarksAServiceThatIsDownAndAnswersTheRest() throws Exception {
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/overview")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("firmsFiling", equalTo(4))
                .body("contracts.contractsOverdueForMigration", equalTo(5))
                .body("inventory.newServers", equalTo(40))
                .body("inventory.newDataCentres", equalTo(1))
                .body("listingApplications.byStage.INITIAL_REVIEW", equalTo(2))
                .body("listingApplications.overdue", equalTo(1));
        EchoService.listingDown();
        try {
            given().auth()
                    .oauth2(TestTokens.auditor())
                    .when()
                    .get("/api/v1/overview")
                    .then()
                    .statusCode(200)
                    .body("complete", equalTo(false))
                    .body("listingApplications.status", equalTo("UNAVAILABLE"))
                    .body("contracts.status", equalTo("AVAILABLE"))
                    .body("firmsFiling", equalTo(3));
        } finally {
            EchoService.listingUp();
        }
        given().auth().oauth2(FIRM_A).when().get("/api/v1/overview").then().statusCode(403);
        given().when().get("/api/v1/overview").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.regulator())
                .queryParam("asOf", "yesterday")
                .when()
                .get("/api/v1/overview")
                .then()
                .statusCode(400);
    }

    @Test
    void oneSwaggerUiWithEveryServicesDocumentThroughTheGateway() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
        for (String name : List.of("contract-registry", "asset-inventory", "listing-approval", "gateway")) {
            given().when()
                    .get("/openapi/" + name)
                    .then()
                    .statusCode(200)
                    // The public URL, not "/": a client generated from the document calls the gateway.
                    .body("servers[0].url", equalTo("http://localhost:8080"))
                    .body("components.securitySchemes.oidc.type", equalTo("oauth2"))
                    .body(
                            "components.securitySchemes.oidc.flows.authorizationCode.authorizationUrl",
                            containsString("/protocol/openid-connect/auth"));
        }
        given().when().get("/openapi/nothing").then().statusCode(404);
        given().when()
                .get("/q/swagger-ui/")
                .then()
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }

    @TestHTTPResource(value = "/", management = true) // the management root is /q
    URL management;

    @Test
    void healthAndMetricsAnswerOnlyOnTheManagementInterface() {
        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get("/api/v1/contracts/metrics-probe")
                .then()
                .statusCode(200);
        String q = management.toString().replaceAll("/+$", "");
        given().when().get(q + "/health/ready").then().statusCode(200).body("checks.name", hasItem("keycloak"));
        given().when()
                .get(q + "/health/group/routes")
                .then()
                .body("checks[0].name", equalTo("routes"))
                // Named by their routes: no internal address is shown.
                .body(not(containsString("http://")));
        given().when()
                .get(q + "/metrics")
                .then()
                .statusCode(200)
                .body(containsString("gateway_route_requests_seconds_count{route=\"contracts\",status=\"200\"}"))
                .body(containsString("gateway_breaker_open{service="))
                .body(not(containsString("metrics-probe")));
        // The public port has none of them.
        for (String path : List.of("/q/health/ready", "/q/health/group/routes", "/q/metrics")) {
            org.junit.jupiter.api.Assertions.assertNotEquals(
                    200, given().when().get(path).statusCode(), path);
        }
    }

    @Test
    void anonymousRequestsAreLimitedPerAddressAndTheDocumentsComeFromMemory() throws InterruptedException {
        long fetchedBefore = EchoService.OPENAPI_FETCHES.get();
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            var answer = given().when().get("/openapi/contract-registry");
            if (answer.statusCode() == 429) {
                limited++;
                answer.then().contentType("application/problem+json").header("Retry-After", notNullValue());
            }
        }
        assertTrue(limited >= 30, "beyond the burst of 20 the address is slowed: " + limited + " limited");
        String scraped = given().when()
                .get(management.toString().replaceAll("/+$", "") + "/metrics")
                .then()
                .extract()
                .asString();
        java.util.regex.Matcher counted = java.util.regex.Pattern.compile(
                        "(?m)^gateway_rate_limited_total\\{limit=\"anonymous\"} (\\S+)$")
                .matcher(scraped);
        assertTrue(
                counted.find() && Double.parseDouble(counted.group(1)) >= limited,
                "the refusals are counted: "
                        + scraped.lines()
                                .filter(l -> l.contains("rate_limited"))
                                .toList());
        assertTrue(
                EchoService.OPENAPI_FETCHES.get() - fetchedBefore <= 1,
                "the document was fetched once, not per request");
        // A client with a token is not an anonymous one.
        given().auth().oauth2(FIRM_A).when().get("/api/v1/contracts/1").then().statusCode(200);
        Thread.sleep(2_500); // the bucket refills for the other tests
    }

    @jakarta.inject.Inject
    io.guoziyun.gateway.auth.VerifiedTokens verified;

    @Test
    void aVerifiedTokenIsRememberedAndNothingElseIs() {
        String token = TestTokens.firm(TestTokens.FIRM_B);
        given().auth().oauth2(token).when().get("/api/v1/contracts/1").then().statusCode(200);
        long before = verified.hits();
        given().auth().oauth2(token).when().get("/api/v1/contracts/1").then().statusCode(200);
        assertEquals(before + 1, verified.hits(), "the second request with the same token is not verified again");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        given().auth().oauth2(tampered).when().get("/api/v1/contracts/1").then().statusCode(401);
        String expired = TestTokens.expired(TestTokens.FIRM_A);
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(expired)
                    .when()
                    .get("/api/v1/contracts/1")
                    .then()
                    .statusCode(401);
        }
    }
}
