package io.guoziyun.inventory.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.inventory.Estate;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * AI-2 cannot be dodged by declaring a purchase already gone: a server declared DECOMMISSIONED or MIGRATED needs
 * the day it went (on or after its purchase) and the evidence, like a move to that status and like the import.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
class ServerDeclaredGoneTest {

    private final String firm = TestTokens.firm(TestTokens.newFirm());

    private static String gone(String tag, String status, String statusOn, String evidence) {
        String base = Estate.server(tag, null, "PURCHASE", "2022-03-01").strip();
        return base.substring(0, base.length() - 1) + ", \"status\": \"" + status + "\""
                + (statusOn == null ? "" : ", \"statusOn\": \"" + statusOn + "\"")
                + (evidence == null ? "" : ", \"evidence\": \"" + evidence + "\"") + "}";
    }

    private ValidatableResponse declare(String body) {
        return given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/servers")
                .then();
    }

    private ValidatableResponse ai2(String asOf) {
        return given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/inventory-findings?rule=AI-2&asOf=" + asOf)
                .then()
                .statusCode(200);
    }

    @Test
    void aServerDeclaredGoneNeedsTheDayItWentAndTheEvidence() {
        declare(gone("G-1", "DECOMMISSIONED", null, "Disposal certificate 118"))
                .statusCode(422)
                .body("errors.field", hasItem("statusOn"));
        declare(gone("G-2", "MIGRATED", "2022-06-30", null)).statusCode(422).body("errors.field", hasItem("evidence"));
        declare(gone("G-3", "DECOMMISSIONED", "2022-02-28", "Disposal certificate 118"))
                .statusCode(422)
                .body("errors[0].field", equalTo("statusOn"));
        ai2("2030-01-01").body("items", hasSize(0));
    }

    @Test
    void declaredWithItsDateThePurchaseIsAFindingUntilThatDay() {
        String id = declare(gone("G-4", "DECOMMISSIONED", "2022-06-30", "Disposal certificate 119"))
                .statusCode(201)
                .body("statusOn", equalTo("2022-06-30"))
                .extract()
                .path("id");
        ai2("2022-06-29").body("items[0].subjectId", equalTo(id)).body("items[0].status", equalTo("OPEN"));
        ai2("2022-06-30")
                .body("items[0].status", equalTo("RESOLVED"))
                .body("items[0].resolvedOn", equalTo("2022-06-30"));
        ai2("2022-07-01").body("items[0].status", equalTo("RESOLVED"));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/servers/" + id + "/journal")
                .then()
                .statusCode(200)
                .body("note", hasItem("Status DECOMMISSIONED: Disposal certificate 119"));
    }
}
