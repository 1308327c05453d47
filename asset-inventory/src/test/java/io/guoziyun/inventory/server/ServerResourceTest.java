package io.guoziyun.inventory.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.guoziyun.commons.testing.Race;
import io.guoziyun.commons.testing.Retry;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.inventory.Estate;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
class ServerResourceTest {

    private final String uscc = TestTokens.newFirm();
    private final String firm = TestTokens.firm(uscc);

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void purchasesFromTheEffectiveDateAreAi2AndLeasesAreCountedNotFlagged() {
        Estate.declareServer(firm, Estate.server("B-0811", null, "PURCHASE", "2021-08-11"));
        String bought = Estate.declareServer(firm, Estate.server("B-0812", null, "PURCHASE", "2021-08-12"));
        Estate.declareServer(firm, Estate.server("L-0901", null, "LEASE", "2021-09-01"));
        Estate.declareServer(firm, Estate.server("T-0901", null, "TRANSFER", "2021-09-01"));
        as(firm).when()
                .get("/api/v1/inventory-findings?rule=AI-2&asOf=2022-01-01")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].subjectId", equalTo(bought))
                .body("items[0].detectedOn", equalTo("2021-08-12"))
                .body("items[0].firmId", equalTo(uscc));
        as(firm).when()
                .get("/api/v1/inventory-summary?asOf=2022-01-01")
                .then()
                .statusCode(200)
                .body("[0].serversByAcquisition.LEASE", equalTo(1))
                .body("[0].serversByAcquisition.TRANSFER", equalTo(1))
                .body("[0].serversByAcquisition.PURCHASE", equalTo(2))
                .body("[0].openFindings.AI-2", equalTo(1));
    }

    @Test
    void aRetriedStatusChangeWithItsKeyGetsTheFirstAnswerAndIsJournaledOnce() {
        String id = Estate.declareServer(firm, Estate.server("K-1", null, "PURCHASE", "2022-01-05"));
        Retry.answeredOnce(
                firm,
                "/api/v1/servers/" + id + "/status",
                "{\"status\": \"DECOMMISSIONED\", \"on\": \"2022-07-01\", \"evidence\": \"Disposal cert 78\"}",
                409);
        as(firm).when().get("/api/v1/servers/" + id + "/journal").then().body("note", hasSize(1));
    }

    @Test
    void decommissioningNeedsEvidenceAndResolvesAi2OnItsDate() {
        String id = Estate.declareServer(firm, Estate.server("D-1", null, "PURCHASE", "2022-01-05"));
        String status = "/api/v1/servers/" + id + "/status";
        as(firm).body("{\"status\": \"DECOMMISSIONED\", \"on\": \"2022-07-01\"}")
                .when()
                .post(status)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("evidence"));
        as(firm).body("{\"status\": \"DECOMMISSIONED\", \"on\": \"2022-07-01\", \"evidence\": \"Disposal cert 77\"}")
                .when()
                .post(status)
                .then()
                .statusCode(200)
                .body("statusOn", equalTo("2022-07-01"));
        as(firm).body("{\"status\": \"ACTIVE\", \"on\": \"2022-07-02\"}")
                .when()
                .post(status)
                .then()
                .statusCode(409);
        as(firm).when()
                .get("/api/v1/inventory-findings?rule=AI-2&asOf=2022-06-30")
                .then()
                .body("items[0].status", equalTo("OPEN"));
        as(firm).when()
                .get("/api/v1/inventory-findings?rule=AI-2&asOf=2022-07-01")
                .then()
                .body("items[0].status", equalTo("RESOLVED"))
                .body("items[0].resolvedOn", equalTo("2022-07-01"));
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/inventory-findings/export?rule=AI-2&asOf=2022-07-01&firmId=" + uscc)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString(",AI-2,CRITICAL," + uscc + ",server," + id + ",RESOLVED,"));
    }

    @Test
    void ofEightRacingCorrectionsWithOneETagOneWinsAndTheOthersGet412() throws Exception {
        String id = Estate.declareServer(firm, Estate.server("R-1", null, "LEASE", "2020-01-01"));
        Race.correctEightTimesAtOnce(firm, "/api/v1/servers/" + id, Estate.server("R-2", null, "LEASE", "2020-01-01"));
        as(firm).when()
                .get("/api/v1/servers/" + id + "/history")
                .then()
                .body("action", equalTo(List.of("server.declared", "server.corrected")));
    }

    @Test
    void anotherFirmGets404OnEveryServerEndpoint() {
        String id = Estate.declareServer(firm, Estate.server("X-1", null, "LEASE", "2020-01-01"));
        String other = TestTokens.firm(TestTokens.newFirm());
        String base = "/api/v1/servers/" + id;
        as(other).when().get(base).then().statusCode(404);
        as(other)
                .header("If-Match", "\"0\"")
                .body(Estate.server("X-1", null, "LEASE", "2020-01-01"))
                .when()
                .put(base)
                .then()
                .statusCode(404);
        as(other)
                .body("{\"status\": \"MIGRATED\", \"on\": \"2022-06-30\", \"evidence\": \"x\"}")
                .when()
                .post(base + "/status")
                .then()
                .statusCode(404);
        as(other).when().get(base + "/journal").then().statusCode(404);
        as(other).when().get(base + "/history").then().statusCode(404);
        as(other).when().get("/api/v1/servers").then().body("items.id", not(hasItem(id)));
        as(other)
                .when()
                .get("/api/v1/inventory-findings?asOf=2030-01-01")
                .then()
                .body("items.subjectId", not(hasItem(id)));
        as(firm).when().get(base).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void evidenceLongerThanTheJournalTakesIsA400() {
        String id = Estate.declareServer(firm, Estate.server("E-1", null, "LEASE", "2020-01-01"));
        as(firm).body("{\"status\": \"DECOMMISSIONING\", \"on\": \"2022-01-01\", \"evidence\": \"%s\"}"
                        .formatted("x".repeat(4000)))
                .when()
                .post("/api/v1/servers/" + id + "/status")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("evidence"));
    }

    @Test
    void unknownSitesAndDuplicateTagsAreRefused() {
        as(firm).body(Estate.server("U-1", "NO-SUCH-SITE", "LEASE", "2020-01-01"))
                .when()
                .post("/api/v1/servers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("siteCode"));
        Estate.declareServer(firm, Estate.server("U-2", null, "LEASE", "2020-01-01"));
        as(firm).body(Estate.server("U-2", null, "LEASE", "2020-01-01"))
                .when()
                .post("/api/v1/servers")
                .then()
                .statusCode(409);
    }

    @Test
    void theOverviewCountsOpenFindingsByRuleAndTheFirmsFiling() {
        String path = "/api/v1/inventory-findings/statistics?asOf=2022-01-01";
        Integer counted = as(TestTokens.regulator())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .path("openByRule.AI-2");
        int before = counted == null ? 0 : counted;
        Estate.declareServer(firm, Estate.server("S-1", null, "PURCHASE", "2021-09-01"));
        as(TestTokens.auditor())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("asOf", equalTo("2022-01-01"))
                .body("firms", hasItem(uscc))
                .body("openByRule.AI-2", equalTo(before + 1));
        as(firm).when().get(path).then().statusCode(403);
    }
}
