package io.guoziyun.contracts.finding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.contracts.Filings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The record is never rewritten (ADR 0007): a correction that would take findings away from days already past is
 * refused; what ended a finding is kept with its date and cause; an end filed long after its date needs evidence
 * and is flagged; an "as of" answer for a past date is the same after every later change.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
class RecordKeptTest {

    private static final String REGULATOR = TestTokens.regulator("regulator1");
    private static final String REGULATOR_2 = TestTokens.regulator("regulator2");

    private final String firm = TestTokens.firm(TestTokens.newFirm());

    private String findingsAsOf(String asOf) {
        return given().auth()
                .oauth2(firm)
                .queryParam("asOf", asOf)
                .queryParam("size", 100)
                .when()
                .get("/api/v1/contract-findings")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private ValidatableResponse post(String path, String body) {
        return given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private ValidatableResponse correct(String id, String body) {
        String path = "/api/v1/contracts/" + id;
        return given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .header("If-Match", Filings.etag(firm, path))
                .body(body)
                .when()
                .put(path)
                .then();
    }

    @Test
    void aCorrectionThatTakesFindingsAwayFromThePastIsRefusedAndChangesNothing() {
        String reference = Filings.reference();
        String id = Filings.fileResponse(firm, Filings.contract(reference, "alibaba-cloud", "2022-01-10", "2023-01-09"))
                .path("id");
        String before = findingsAsOf("2022-10-01");

        // Signed before the directive after all: CR-1 would vanish from 2022.
        correct(id, Filings.contract(reference, "alibaba-cloud", "2021-07-01", "2023-01-09"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("record of the past is kept"))
                .body("errors.message", hasItem(containsString("CR-1 finding")));
        // With the state cloud all along: every finding would vanish.
        correct(id, Filings.contract(reference, "guoziyun", "2022-01-10", "2023-01-09"))
                .statusCode(409);
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contracts/" + id)
                .then()
                .body("signedOn", equalTo("2022-01-10"))
                .body("provider", equalTo("alibaba-cloud"));
        assertEquals(before, findingsAsOf("2022-10-01"));

        // A correction that takes nothing from the past goes through.
        correct(
                        id,
                        Filings.contract(reference, "alibaba-cloud", "2022-01-10", "2023-01-09")
                                .replace("CN-TJ", "CN-BJ"))
                .statusCode(200)
                .body("dataLocation", equalTo("CN-BJ"));
        // So does one that adds to it (signed earlier, after the directive: CR-1 open from an earlier day).
        correct(id, Filings.contract(reference, "alibaba-cloud", "2021-12-01", "2023-01-09"))
                .statusCode(200);
    }

    @Test
    void anEndFiledLongAfterItsDateNeedsEvidenceIsFlaggedAndKeepsItsCause() {
        String id = Filings.file(firm, "alibaba-cloud", "2022-01-10", "2023-01-09");
        String termination = "/api/v1/contracts/" + id + "/termination";
        post(termination, "{\"terminatedOn\": \"2022-03-01\", \"reason\": \"Ended\"}")
                .statusCode(400)
                .body("errors.field", hasItem("evidence"));
        given().auth().oauth2(firm).when().get("/api/v1/contracts/" + id).then().body("status", equalTo("ACTIVE"));

        post(
                        termination,
                        "{\"terminatedOn\": \"2022-03-01\", \"reason\": \"Ended\","
                                + " \"evidence\": \"Termination agreement ALI-2022-0301\"}")
                .statusCode(200)
                .body("backdated", equalTo(true))
                .body("endEvidence", equalTo("Termination agreement ALI-2022-0301"))
                .body("endRecordedOn", equalTo(ChinaTime.today().toString()));
        given().auth()
                .oauth2(firm)
                .queryParam("rule", "CR-1")
                .queryParam("asOf", "2022-03-01")
                .when()
                .get("/api/v1/contract-findings")
                .then()
                .body("items[0].status", equalTo("RESOLVED"))
                .body("items[0].resolvedOn", equalTo("2022-03-01"))
                .body("items[0].resolution", equalTo("TERMINATION"));
        given().auth()
                .oauth2(REGULATOR)
                .queryParam("backdated", true)
                .queryParam("size", 100)
                .queryParam("sort", "-createdAt")
                .when()
                .get("/api/v1/contracts")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));

        // Within the policy's few days, no evidence is needed and nothing is flagged.
        String recent = Filings.file(firm, "alibaba-cloud", "2022-01-10", null);
        post(
                        "/api/v1/contracts/" + recent + "/termination",
                        "{\"terminatedOn\": \"" + ChinaTime.today().minusDays(2) + "\", \"reason\": \"Ended\"}")
                .statusCode(200)
                .body("backdated", equalTo(false));
        given().auth()
                .oauth2(REGULATOR)
                .queryParam("backdated", true)
                .queryParam("size", 100)
                .when()
                .get("/api/v1/contracts")
                .then()
                .body("items.id", not(hasItem(recent)));
    }

    @Test
    void aMigrationCompletedLongAgoNeedsEvidenceToo() {
        String id = Filings.file(firm, "alibaba-cloud", "2022-01-10", "2023-01-09");
        String plan = Filings.plan(firm, id, "2022-06-30");
        post(plan + "/completion", "{\"completedOn\": \"2022-06-28\"}")
                .statusCode(400)
                .body("errors.field", hasItem("evidence"));
        post(plan + "/completion", "{\"completedOn\": \"2022-06-28\", \"evidence\": \"Acceptance report GZY-0628\"}")
                .statusCode(200)
                .body("completedOn", equalTo("2022-06-28"));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contracts/" + id)
                .then()
                .body("status", equalTo("MIGRATED"))
                .body("backdated", equalTo(true))
                .body("endEvidence", equalTo("Acceptance report GZY-0628"));
        given().auth()
                .oauth2(firm)
                .queryParam("rule", "CR-1")
                .queryParam("asOf", "2022-07-01")
                .when()
                .get("/api/v1/contract-findings")
                .then()
                .body("items[0].resolution", equalTo("MIGRATION"));
    }

    @Test
    void aReclassificationTakesEffectFromTodayNotBackwardsAndPastAnswersStay() {
        String slug = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(REGULATOR)
                .contentType(ContentType.JSON)
                .body("{\"slug\": \"" + slug + "\", \"name\": \"Kept cloud\", \"classification\": \"THIRD_PARTY\","
                        + " \"reason\": \"test\"}")
                .when()
                .post("/api/v1/providers")
                .then()
                .statusCode(201);
        String id = Filings.file(firm, slug, "2022-01-10", "2023-01-09");
        String before = findingsAsOf("2022-10-01");

        // Backwards, it would take 2022's findings away: refused, and the proposal stays pending.
        Filings.reclassify(
                        REGULATOR,
                        REGULATOR_2,
                        slug,
                        "{\"classification\": \"STATE_CLOUD\", \"effectiveFrom\": \"2022-01-01\", \"reason\": \"r\"}")
                .statusCode(409)
                .body("detail", containsString("record of the past is kept"));
        assertEquals(before, findingsAsOf("2022-10-01"));
        given().auth()
                .oauth2(REGULATOR_2)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"Refused: it would rewrite 2022\"}")
                .when()
                .post("/api/v1/providers/" + slug + "/classification-rejection")
                .then()
                .statusCode(200);

        // From today: the findings are resolved today, for that cause, and every past answer stays as it was.
        Filings.reclassify(
                        REGULATOR,
                        REGULATOR_2,
                        slug,
                        "{\"classification\": \"STATE_CLOUD\", \"reason\": \"Taken over by the state cloud\"}")
                .statusCode(200);
        assertEquals(before, findingsAsOf("2022-10-01"));
        given().auth()
                .oauth2(firm)
                .queryParam("rule", "CR-1")
                .when()
                .get("/api/v1/contract-findings")
                .then()
                .body("items.find { it.subjectId == '" + id + "' }.status", equalTo("RESOLVED"))
                .body(
                        "items.find { it.subjectId == '" + id + "' }.resolvedOn",
                        equalTo(ChinaTime.today().toString()))
                .body("items.find { it.subjectId == '" + id + "' }.resolution", equalTo("RECLASSIFICATION"));
    }
}
