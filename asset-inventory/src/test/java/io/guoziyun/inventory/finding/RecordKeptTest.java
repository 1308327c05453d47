package io.guoziyun.inventory.finding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.inventory.Estate;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A firm's correction of a server or a site never takes a finding away from days already past (ADR 0007): by the
 * API or by an upsert import it is refused and nothing changes; what ended a finding is kept with its cause.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
class RecordKeptTest {

    private final String firm = TestTokens.firm(TestTokens.newFirm());

    private String findingsAsOf(String asOf) {
        return given().auth()
                .oauth2(firm)
                .queryParam("asOf", asOf)
                .queryParam("size", 100)
                .when()
                .get("/api/v1/inventory-findings")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private ValidatableResponse put(String path, String body) {
        String etag =
                given().auth().oauth2(firm).when().get(path).then().extract().header("ETag");
        return given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(body)
                .when()
                .put(path)
                .then();
    }

    @Test
    void aServerCorrectionThatTakesAnAi2FindingAwayIsRefusedByTheApiAndByImport() {
        String id = Estate.declareServer(firm, Estate.server("K-1", null, "PURCHASE", "2022-01-10"));
        String path = "/api/v1/servers/" + id;
        String before = findingsAsOf("2022-10-01");

        put(path, Estate.server("K-1", null, "LEASE", "2022-01-10"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("record of the past is kept"))
                .body("errors.message", hasItem(containsString("AI-2 finding")));
        put(path, Estate.server("K-1", null, "PURCHASE", "2021-07-01")).statusCode(409);
        put(path, Estate.server("K-1", null, "PURCHASE", "2022-03-01")).statusCode(409);
        given().auth()
                .oauth2(firm)
                .when()
                .get(path)
                .then()
                .body("acquisition", equalTo("PURCHASE"))
                .body("acquiredOn", equalTo("2022-01-10"));
        assertEquals(before, findingsAsOf("2022-10-01"));

        String csv = "assetTag,serial,hostname,vendor,model,siteCode,acquisition,acquiredOn,status\n"
                + "K-1,SN-K-1,h.example.cn,Inspur,NF5280,,LEASE,2022-01-10,ACTIVE\n";
        given().auth()
                .oauth2(firm)
                .contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/servers/import?mode=upsert")
                .then()
                .statusCode(422)
                .body("errors[0].value", equalTo("K-1"))
                .body("errors[0].message", containsString("record of the past is kept"));
        assertEquals(before, findingsAsOf("2022-10-01"));

        // What takes nothing from the past goes through: a new hostname; an earlier purchase (after the directive).
        put(path, Estate.server("K-1", null, "PURCHASE", "2022-01-10").replace("h-k-1", "db-k-1"))
                .statusCode(200);
        put(path, Estate.server("K-1", null, "PURCHASE", "2021-12-01")).statusCode(200);

        // Decommissioned with evidence: resolved on that day, for that cause, and kept.
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"DECOMMISSIONED\", \"on\": \"2023-03-01\", \"evidence\": \"Disposal cert D-1\"}")
                .when()
                .post(path + "/status")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(firm)
                .queryParam("rule", "AI-2")
                .queryParam("asOf", "2023-03-01")
                .when()
                .get("/api/v1/inventory-findings")
                .then()
                .body("items[0].status", equalTo("RESOLVED"))
                .body("items[0].resolvedOn", equalTo("2023-03-01"))
                .body("items[0].resolution", equalTo("DECOMMISSIONING"));
    }

    @Test
    void aSiteCorrectionThatTakesAnAi1FindingAwayIsRefused() {
        String code = Estate.code();
        String id = Estate.declareSite(firm, Estate.site(code, "ACTIVE", "2021-09-01", "2022-03-01"));
        String before = findingsAsOf("2022-10-01");
        put("/api/v1/sites/" + id, Estate.site(code, "ACTIVE", "2019-01-01", "2020-01-01"))
                .statusCode(409)
                .body("errors.message", hasItem(containsString("AI-1 finding")));
        assertEquals(before, findingsAsOf("2022-10-01"));
    }
}
