package io.guoziyun.inventory.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
class SiteResourceTest {

    private final String uscc = TestTokens.newFirm();
    private final String firm = TestTokens.firm(uscc);

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private List<String> rules(String query) {
        return as(firm).when()
                .get("/api/v1/inventory-findings?" + query)
                .then()
                .statusCode(200)
                .extract()
                .path("items.rule");
    }

    @Test
    void constructionBeganTheDayBeforeTheDirectiveIsNoAi1ButOnTheDayIs() {
        Estate.declareSite(firm, Estate.site(Estate.code(), "ACTIVE", "2021-08-11", null));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), rules("asOf=2023-01-01"));
        String id = Estate.declareSite(firm, Estate.site(Estate.code(), "ACTIVE", "2021-08-12", null));
        as(firm).when()
                .get("/api/v1/inventory-findings?asOf=2021-08-12")
                .then()
                .body("items", hasSize(1))
                .body("items[0].rule", equalTo("AI-1"))
                .body("items[0].subjectId", equalTo(id))
                .body("items[0].detectedOn", equalTo("2021-08-12"));
        as(firm).when().get("/api/v1/inventory-findings?asOf=2021-08-11").then().body("items", hasSize(0));
    }

    @Test
    void commissionedAfterTheDirectiveOrDeclaredAsPlannedIsAi1() {
        Estate.declareSite(firm, Estate.site(Estate.code(), "ACTIVE", "2020-01-01", "2021-09-30"));
        Estate.declareSite(firm, Estate.site(Estate.code(), "PLANNED", null, null));
        as(firm).when()
                .get("/api/v1/inventory-findings?rule=AI-1")
                .then()
                .body("items", hasSize(2))
                .body("items.inputs.createdStatus", hasItem("PLANNED"));
    }

    @Test
    void aRetriedStatusChangeWithItsKeyGetsTheFirstAnswerAndIsJournaledOnce() {
        String id = Estate.declareSite(firm, Estate.site(Estate.code(), "PLANNED", null, null));
        String status = "/api/v1/sites/" + id + "/status";
        Retry.answeredOnce(firm, status, "{\"status\": \"UNDER_CONSTRUCTION\", \"on\": \"2022-01-10\"}", 409);
        // A regulator's correction may be repeated without a key; with one, a retry corrects and notes it once.
        String correction = "{\"status\": \"PLANNED\", \"on\": \"2022-01-11\", \"evidence\": \"Inspection 9\"}";
        Retry.answeredOnce(TestTokens.regulator(), status, correction, 200);
        as(firm).when().get("/api/v1/sites/" + id + "/journal").then().body("note", hasSize(2));
    }

    @Test
    void aSiteMovesOnlyForwardUnlessARegulatorCorrectsIt() {
        String id = Estate.declareSite(firm, Estate.site(Estate.code(), "PLANNED", null, null));
        String status = "/api/v1/sites/" + id + "/status";
        as(firm).body("{\"status\": \"UNDER_CONSTRUCTION\", \"on\": \"2022-01-10\"}")
                .when()
                .post(status)
                .then()
                .statusCode(200)
                .body("constructionStartedOn", equalTo("2022-01-10"));
        as(firm).body("{\"status\": \"PLANNED\", \"on\": \"2022-01-11\"}")
                .when()
                .post(status)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(TestTokens.regulator())
                .body("{\"status\": \"PLANNED\", \"on\": \"2022-01-11\"}")
                .when()
                .post(status)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("evidence"));
        as(TestTokens.regulator())
                .body("{\"status\": \"PLANNED\", \"on\": \"2022-01-11\", \"evidence\": \"Construction never began\"}")
                .when()
                .post(status)
                .then()
                .statusCode(200)
                .body("status", equalTo("PLANNED"));
        as(TestTokens.auditor())
                .body("{\"status\": \"ACTIVE\", \"on\": \"2022-01-11\", \"evidence\": \"x\"}")
                .when()
                .post(status)
                .then()
                .statusCode(403);
        as(firm).when()
                .get("/api/v1/sites/" + id + "/journal")
                .then()
                .body("note", hasItem(containsString("Construction never began")))
                .body("level", hasItem("WARNING"));
        as(firm).when()
                .get("/api/v1/sites/" + id + "/history")
                .then()
                .body("action", equalTo(List.of("site.declared", "site.status", "site.corrected-status")))
                .body("[2].actor", equalTo("regulator1"));
    }

    @Test
    void retiringNeedsEvidenceAndNoActiveServers() {
        String code = Estate.code();
        String id = Estate.declareSite(firm, Estate.site(code, "ACTIVE", "2015-01-01", "2016-01-01"));
        String server = Estate.declareServer(firm, Estate.server(code + "-1", code, "LEASE", "2019-01-01"));
        Estate.declareServer(firm, Estate.server(code + "-2", code, "LEASE", "2019-01-01"));
        String status = "/api/v1/sites/" + id + "/status";
        as(firm).body("{\"status\": \"RETIRED\", \"on\": \"2022-06-30\"}")
                .when()
                .post(status)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("evidence"));
        as(firm).body("{\"status\": \"RETIRED\", \"on\": \"2022-06-30\", \"evidence\": \"Emptied\"}")
                .when()
                .post(status)
                .then()
                .statusCode(409)
                .body("detail", containsString("2 active servers"));
        for (String s : given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/servers?siteCode=" + code)
                .then()
                .extract()
                .<List<String>>path("items.id")) {
            as(firm).body("{\"status\": \"MIGRATED\", \"on\": \"2022-06-01\", \"evidence\": \"Moved to Guoziyun\"}")
                    .when()
                    .post("/api/v1/servers/" + s + "/status")
                    .then()
                    .statusCode(200);
        }
        as(firm).body("{\"status\": \"RETIRED\", \"on\": \"2022-06-30\", \"evidence\": \"Emptied and handed back\"}")
                .when()
                .post(status)
                .then()
                .statusCode(200)
                .body("retiredOn", equalTo("2022-06-30"));
        as(firm).when().get("/api/v1/servers/" + server).then().body("status", equalTo("MIGRATED"));
    }

    @Test
    void anotherFirmGets404OnEverySiteEndpointAndAuditorsWriteNothing() {
        String id = Estate.declareSite(firm, Estate.site(Estate.code(), "ACTIVE", "2015-01-01", "2016-01-01"));
        String other = TestTokens.firm(TestTokens.newFirm());
        String base = "/api/v1/sites/" + id;
        String body = Estate.site(Estate.code(), null, null, null);
        as(other).when().get(base).then().statusCode(404).contentType("application/problem+json");
        as(other).header("If-Match", "\"0\"").body(body).when().put(base).then().statusCode(404);
        as(other)
                .body("{\"status\": \"RETIRED\", \"on\": \"2022-06-30\", \"evidence\": \"x\"}")
                .when()
                .post(base + "/status")
                .then()
                .statusCode(404);
        as(other).when().get(base + "/journal").then().statusCode(404);
        as(other)
                .body("{\"notedOn\": \"2022-01-01\", \"level\": \"INFO\", \"note\": \"x\"}")
                .when()
                .post(base + "/journal")
                .then()
                .statusCode(404);
        as(other).when().get(base + "/history").then().statusCode(404);
        as(other).when().get("/api/v1/sites").then().body("items.id", not(hasItem(id)));
        as(TestTokens.auditor()).body(body).when().post("/api/v1/sites").then().statusCode(403);
        as(TestTokens.auditor())
                .body("{\"notedOn\": \"2022-01-01\", \"level\": \"INFO\", \"note\": \"x\"}")
                .when()
                .post(base + "/journal")
                .then()
                .statusCode(403);
        as(TestTokens.auditor()).when().get(base).then().statusCode(200);
    }

    @Test
    void aJournalNoteWithAnIdempotencyKeyIsWrittenOnce() {
        String id = Estate.declareSite(firm, Estate.site(Estate.code(), "ACTIVE", "2015-01-01", "2016-01-01"));
        String note = "{\"notedOn\": \"2022-03-01\", \"level\": \"INFO\", \"note\": \"Inspection passed\"}";
        for (int i = 0; i < 3; i++) {
            as(firm).header("Idempotency-Key", "note-" + id)
                    .body(note)
                    .when()
                    .post("/api/v1/sites/" + id + "/journal")
                    .then()
                    .statusCode(201);
        }
        as(firm).when().get("/api/v1/sites/" + id + "/journal").then().body("note", hasSize(1));
    }

    @Test
    void ofEightRacingCorrectionsWithOneETagOneWinsAndTheOthersGet412() throws Exception {
        String id = Estate.declareSite(firm, Estate.site(Estate.code(), "ACTIVE", "2015-01-01", "2016-01-01"));
        Race.correctEightTimesAtOnce(
                firm, "/api/v1/sites/" + id, Estate.site(Estate.code(), null, "2015-01-01", "2016-01-01"));
        as(firm).when()
                .get("/api/v1/sites/" + id + "/history")
                .then()
                .body("action", equalTo(List.of("site.declared", "site.corrected")));
    }

    @Test
    void correctingNeedsIfMatchAndInvalidInputIsNamed() {
        String code = Estate.code();
        String id = Estate.declareSite(firm, Estate.site(code, "ACTIVE", "2015-01-01", "2016-01-01"));
        String base = "/api/v1/sites/" + id;
        String fixed = Estate.site(code, null, "2015-02-01", "2016-01-01");
        as(firm).body(fixed).when().put(base).then().statusCode(428);
        as(firm).header("If-Match", "\"7\"").body(fixed).when().put(base).then().statusCode(412);
        String etag = as(firm).when().get(base).then().extract().header("ETag");
        as(firm).header("If-Match", etag)
                .body(fixed)
                .when()
                .put(base)
                .then()
                .statusCode(200)
                .body("constructionStartedOn", equalTo("2015-02-01"));
        as(firm).body(Estate.site(Estate.code(), "ACTIVE", "2016-01-02", "2016-01-01")
                        .replace("CN-TJ", "Tianjin"))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("commissionedOn"))
                .body("errors.field", hasItem("location"));
        as(firm).body(Estate.site(code, "ACTIVE", null, null))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(409);
    }
}
