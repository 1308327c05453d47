package io.guoziyun.listing.application;

import static io.guoziyun.listing.Applications.BASE;
import static io.guoziyun.listing.Applications.reason;
import static io.guoziyun.listing.Applications.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.listing.Applications;
import io.guoziyun.listing.FakeFindingServices;
import io.guoziyun.listing.FixedClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(FakeFindingServices.class)
class GateAndIsolationTest {

    private static final String FIRM_A = TestTokens.firm(TestTokens.FIRM_A);
    private static final String FIRM_B = TestTokens.firm(TestTokens.FIRM_B);
    private static final String REGULATOR_1 = TestTokens.regulator("regulator1");
    private static final String REGULATOR_2 = TestTokens.regulator("regulator2");

    @BeforeEach
    void setUp() {
        FakeFindingServices.up();
        FakeFindingServices.CONTRACT_FINDINGS.clear();
        FakeFindingServices.INVENTORY_FINDINGS.clear();
        FixedClock.install("2024-09-27");
    }

    @Test
    void aStoppedDependencyGives503AndChangesNothingThenTheGateRecovers() throws InterruptedException {
        String id = Applications.draftWithDocuments(FIRM_A);
        FakeFindingServices.down();
        try {
            for (int i = 0; i < 6; i++) {
                long started = System.nanoTime();
                step(FIRM_A, id, "submission", null)
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .body("detail", containsString("Nothing was changed"));
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(millis < 6_000, "answered in " + millis + " ms");
            }
            given().auth()
                    .oauth2(FIRM_A)
                    .when()
                    .get(BASE + "/{id}", id)
                    .then()
                    .body("stage", equalTo("DRAFT"))
                    .body("accessionNumber", nullValue());
            given().auth()
                    .oauth2(FIRM_A)
                    .when()
                    .get(BASE + "/{id}/timeline", id)
                    .then()
                    .body("action", not(hasItem("submission")));
        } finally {
            FakeFindingServices.up();
        }
        // The circuit breaker lets a call through again after its delay (1 s in tests).
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            Thread.sleep(500);
            status = step(FIRM_A, id, "submission", null).extract().statusCode();
        }
        assertTrue(status == 200, "the gate recovered once the service was back, last status " + status);
    }

    @Test
    void aReadCutOffOnceIsTriedAgain() throws InterruptedException {
        String id = Applications.draftWithDocuments(FIRM_A);
        FakeFindingServices.CUT_NEXT.set(1);
        try {
            step(FIRM_A, id, "submission", null).statusCode(200).body("stage", equalTo("SUBMITTED"));
            assertEquals(0, FakeFindingServices.CUT_NEXT.get(), "the cut-off read happened");
        } finally {
            FakeFindingServices.CUT_NEXT.set(0);
        }
        // Cut off twice in a row: the gate does not try a third time; 503, nothing changed.
        String second = Applications.draftWithDocuments(FIRM_A);
        FakeFindingServices.CUT_NEXT.set(2);
        try {
            step(FIRM_A, second, "submission", null).statusCode(503).header("Retry-After", notNullValue());
        } finally {
            FakeFindingServices.CUT_NEXT.set(0);
        }
        given().auth().oauth2(FIRM_A).when().get(BASE + "/{id}", second).then().body("stage", equalTo("DRAFT"));
        // Three failures in four reads opened the breaker; after its delay (1 s in tests) the gate answers again.
        answeredOnceTheBreakerCloses(second);
    }

    /** Submits {@code id} until the gate answers (its breaker shut again), so no later test meets it open. */
    private static void answeredOnceTheBreakerCloses(String id) throws InterruptedException {
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            Thread.sleep(250);
            status = step(FIRM_A, id, "submission", null).extract().statusCode();
        }
        assertEquals(200, status, "the gate answered again");
    }

    @Test
    void aSlowDependencyGives503WithinTheTimeout() throws InterruptedException {
        String id = Applications.draftWithDocuments(FIRM_A);
        step(FIRM_A, id, "submission", null).statusCode(200);
        step(REGULATOR_1, id, "determination", "{\"reviewRequired\": true, \"reason\": \"r\"}")
                .statusCode(200);
        step(REGULATOR_1, id, "decision-proposal", "{\"outcome\": \"CLEARED\", \"reasons\": \"r\"}")
                .statusCode(200);
        FakeFindingServices.SLOW_MILLIS.set(10_000);
        try {
            long started = System.nanoTime();
            step(REGULATOR_2, id, "decision-confirmation", reason("agree")).statusCode(503);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 6_000, "answered in " + millis + " ms");
        } finally {
            FakeFindingServices.SLOW_MILLIS.set(0);
        }
        given().auth()
                .oauth2(REGULATOR_2)
                .when()
                .get(BASE + "/{id}", id)
                .then()
                .body("stage", equalTo("INITIAL_REVIEW"))
                .body("decision.outcome", equalTo("CLEARED"));
        // Two timed-out tries opened the breaker (half of the last four reads failed).
        answeredOnceTheBreakerCloses(Applications.draftWithDocuments(FIRM_A));
    }

    @Test
    void anotherFirmFindsNothingAndChangesNothing() {
        String id = Applications.draftWithDocuments(FIRM_A);
        String doc = given().auth()
                .oauth2(FIRM_A)
                .when()
                .get(BASE + "/{id}/documents", id)
                .then()
                .extract()
                .path("[0].id");
        int version = given().auth()
                .oauth2(FIRM_A)
                .when()
                .get(BASE + "/{id}", id)
                .then()
                .extract()
                .path("version");
        for (String path : List.of(
                "", "/timeline", "/snapshots", "/documents", "/documents/" + doc, "/documents/" + doc + "/content")) {
            given().auth()
                    .oauth2(FIRM_B)
                    .when()
                    .get(BASE + "/" + id + path)
                    .then()
                    .statusCode(404);
        }
        Applications.upload(FIRM_B, id, "DECLARATION").statusCode(404);
        given().auth()
                .oauth2(FIRM_B)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Applications.filing("US", 1, "E_COMMERCE"))
                .when()
                .put(BASE + "/{id}", id)
                .then()
                .statusCode(404);
        for (String action : List.of("submission", "supplement", "amendment", "withdrawal")) {
            String body = action.equals("amendment")
                    ? "{\"filing\": " + Applications.filing("US", 1, "E_COMMERCE") + ", \"reason\": \"r\"}"
                    : reason("r");
            step(FIRM_B, id, action, body).statusCode(404);
        }
        given().auth().oauth2(FIRM_B).when().get(BASE).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get(BASE + "/{id}", id)
                .then()
                .body("stage", equalTo("DRAFT"))
                .body("version", equalTo(version));
        step(FIRM_A, UUID.randomUUID().toString(), "submission", null).statusCode(404);
    }

    @Test
    void auditorsReadEverythingAndWriteNothing() {
        String auditor = TestTokens.auditor();
        String id = Applications.draftWithDocuments(FIRM_A);
        given().auth().oauth2(auditor).when().get(BASE + "/{id}", id).then().statusCode(200);
        given().auth().oauth2(auditor).when().get(BASE + "/export").then().statusCode(200);
        given().auth()
                .oauth2(auditor)
                .when()
                .get("/api/v1/listing-audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
        given().auth()
                .oauth2(auditor)
                .contentType(ContentType.JSON)
                .body(Applications.filing("US", 1, "E_COMMERCE"))
                .when()
                .post(BASE)
                .then()
                .statusCode(403);
        Applications.upload(auditor, id, "DECLARATION").statusCode(403);
        for (String action : List.of(
                "submission",
                "determination",
                "extension",
                "special-review",
                "supplement-request",
                "supplement",
                "amendment",
                "decision-proposal",
                "decision-confirmation",
                "decision-rejection",
                "withdrawal")) {
            step(auditor, id, action, reason("r")).statusCode(403);
        }
    }

    @Test
    void tokensAreChecked() {
        given().when().get(BASE).then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.expired(TestTokens.FIRM_A))
                .when()
                .get(BASE)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.wrongAudience(TestTokens.FIRM_A))
                .when()
                .get(BASE)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.foreignSigned(TestTokens.FIRM_A))
                .when()
                .get(BASE)
                .then()
                .statusCode(401);
    }

    @Test
    void idempotentCreationAndHostileBodies() {
        String key = UUID.randomUUID().toString();
        String body = Applications.filing("US", 3_000_000, "E_COMMERCE");
        String first = given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String again = given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertTrue(first.equals(again));
        for (String hostile : List.of(
                "{",
                "[]",
                "null",
                Applications.filing("CN", 1, "E_COMMERCE"),
                Applications.filing("US", -1, "E_COMMERCE"),
                Applications.filing("US", 1, "e-commerce"),
                body.replace("\"IPO\"", "\"SPAC\""),
                body.replace("2025-06-30", "2025-02-30"),
                body.replace("2025-06-30", "+99999-01-01"),
                body.replace("\"exchange\"", "\"surprise\": 1, \"exchange\""),
                // read as written or refused, never guessed at (StrictJson)
                body.replace("3000000", "3000000.9"),
                body.replace("3000000", "\"3000000\""),
                body.replace("false", "\"false\""),
                body.replace("\"E_COMMERCE\"", "3"),
                body.replace("\"NASDAQ\"", "42"),
                body.replace("\"2025-06-30\"", "20269"))) {
            given().auth()
                    .oauth2(FIRM_A)
                    .contentType(ContentType.JSON)
                    .body(hostile)
                    .when()
                    .post(BASE)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(FIRM_A)
                .queryParam("stage", "NOPE")
                .when()
                .get(BASE)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(FIRM_A)
                .queryParam("asOf", "2024-13-01")
                .when()
                .get(BASE)
                .then()
                .statusCode(400);
        // A malformed id is the client's error, named; a well-formed unknown one is 404.
        given().auth().oauth2(FIRM_A).when().get(BASE + "/not-a-uuid").then().statusCode(400);
    }
}
