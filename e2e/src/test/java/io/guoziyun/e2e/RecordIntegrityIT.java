package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, through the gateway with Keycloak's own tokens: no final outcome is taken by one person (compared by
 * the token's sub), a firm cannot escape a pending decision, and no firm can rewrite the record of the past.
 */
class RecordIntegrityIT {

    static final String GATEWAY = WalkingSkeletonIT.GATEWAY;
    static final String APPS = GATEWAY + "/api/v1/listing-applications";

    final String regulator1 = Keycloak.person("regulator1");
    final String regulator2 = Keycloak.person("regulator2");

    private static ValidatableResponse post(String token, String url, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(url)
                .then();
    }

    /** The token's sub, as Keycloak sets it (a UUID, not the username). */
    private static String sub(String token) {
        String payload = token.split("\\.")[1];
        String json = new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(json).getString("sub");
    }

    @Test
    void reviewNotRequiredNeedsASecondRegulatorAndTheFirmSeesOnlyThatADecisionIsPending() {
        assertNotEquals("regulator1", sub(regulator1), "Keycloak's sub is not the username");
        String firm = Keycloak.machine("demo-firm-f");
        String id = Applications.draft(firm, """
                {"exchange": "HKEX", "exchangeCountry": "HK", "listingType": "IPO",
                 "usersWithPersonalInfo": 500000, "sector": "E_COMMERCE", "holdsCoreOrImportantData": false}
                """);
        Applications.documents(firm, id);
        post(firm, APPS + "/" + id + "/submission", "{}").statusCode(200);

        post(regulator1, APPS + "/" + id + "/determination", "{\"reviewRequired\": false, \"reason\": \"HK, small\"}")
                .statusCode(200)
                .body("stage", equalTo("SUBMITTED"))
                .body("decision.pending", equalTo(true))
                .body("decision.outcome", equalTo("REVIEW_NOT_REQUIRED"));
        given().auth()
                .oauth2(firm)
                .when()
                .get(APPS + "/" + id)
                .then()
                .body("decision.pending", equalTo(true))
                .body("decision.outcome", nullValue())
                .body("decision.proposedBy", nullValue());
        post(firm, APPS + "/" + id + "/withdrawal", "{\"reason\": \"Not now\"}")
                .statusCode(409)
                .body("detail", containsString("pending"));
        post(regulator1, APPS + "/" + id + "/decision-confirmation", "{\"reason\": \"Mine\"}")
                .statusCode(403);
        post(regulator2, APPS + "/" + id + "/decision-confirmation", "{\"reason\": \"Agree\"}")
                .statusCode(200)
                .body("stage", equalTo("REVIEW_NOT_REQUIRED"))
                .body("decision.proposedBy", equalTo("regulator1"))
                .body("decision.confirmedBy", equalTo("regulator2"));
    }

    @Test
    void noFirmCanRewriteThePastAndAnEndFiledLateIsEvidencedAndFlagged() {
        String firm = Keycloak.machine("demo-firm-i");
        String reference = "I-REC-" + UUID.randomUUID().toString().substring(0, 8);
        String filing = """
                {"reference": "%s", "provider": "huawei-cloud", "serviceType": "IAAS",
                 "signedOn": "%s", "startsOn": "2022-02-01", "endsOn": "2023-01-31", "dataStored": true,
                 "dataLocation": "CN-TJ", "dataSensitivity": "HIGH"}
                """;
        String id = post(firm, GATEWAY + "/api/v1/contracts", filing.formatted(reference, "2022-02-01"))
                .statusCode(201)
                .extract()
                .path("id");
        String asOf = GATEWAY + "/api/v1/contract-findings?size=200&asOf=2022-10-01";
        String before =
                given().auth().oauth2(firm).when().get(asOf).then().extract().asString();

        String etag = given().auth()
                .oauth2(firm)
                .when()
                .get(GATEWAY + "/api/v1/contracts/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(filing.formatted(reference, "2021-06-01"))
                .when()
                .put(GATEWAY + "/api/v1/contracts/" + id)
                .then()
                .statusCode(409)
                .body("detail", containsString("record of the past is kept"));

        String termination = GATEWAY + "/api/v1/contracts/" + id + "/termination";
        post(firm, termination, "{\"terminatedOn\": \"2022-04-30\", \"reason\": \"Ended\"}")
                .statusCode(400)
                .body("errors.field", hasItem("evidence"));
        post(
                        firm,
                        termination,
                        "{\"terminatedOn\": \"2022-04-30\", \"reason\": \"Ended\", \"evidence\": \"Agreement HW-0430\"}")
                .statusCode(200)
                .body("backdated", equalTo(true))
                .body("endRecordedOn", notNullValue());
        given().auth()
                .oauth2(regulator1)
                .when()
                .get(GATEWAY + "/api/v1/contracts?backdated=true&size=100&sort=-createdAt")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        // Backdated with evidence, the end changes the past: that is what the flag is for. The finding is kept.
        String after =
                given().auth().oauth2(firm).when().get(asOf).then().extract().asString();
        assertNotEquals(before, after);
        given().auth()
                .oauth2(firm)
                .when()
                .get(GATEWAY + "/api/v1/contract-findings?rule=CR-1&status=RESOLVED&size=200&asOf=2022-10-01")
                .then()
                .body("items.find { it.subjectId == '" + id + "' }.resolution", equalTo("TERMINATION"));
        // A later filing that ends nothing leaves every past answer as it was.
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String later = "I-REC-" + UUID.randomUUID().toString().substring(0, 8);
        post(
                        firm,
                        GATEWAY + "/api/v1/contracts",
                        filing.formatted(later, today)
                                .replace(
                                        "\"startsOn\": \"2022-02-01\", \"endsOn\": \"2023-01-31\"",
                                        "\"startsOn\": \"" + today + "\""))
                .statusCode(201);
        assertEquals(
                after,
                given().auth().oauth2(firm).when().get(asOf).then().extract().asString());
    }

    @Test
    void aReclassificationIsProposedByOneRegulatorAndConfirmedByAnother() {
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        post(
                        regulator1,
                        GATEWAY + "/api/v1/providers",
                        "{\"slug\": \"" + slug + "\", \"name\": \"E2E cloud\", \"classification\": \"STATE_CLOUD\","
                                + " \"reason\": \"test\"}")
                .statusCode(201);
        String path = GATEWAY + "/api/v1/providers/" + slug;
        for (String provider : List.of(path, GATEWAY + "/api/v1/providers/guoziyun")) {
            String etag = given().auth()
                    .oauth2(regulator1)
                    .when()
                    .get(provider)
                    .then()
                    .extract()
                    .header("ETag");
            int expected = provider.endsWith("/guoziyun") ? 409 : 200;
            given().auth()
                    .oauth2(regulator1)
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag)
                    .body("{\"classification\": \"THIRD_PARTY\", \"reason\": \"A commercial platform\"}")
                    .when()
                    .put(provider + "/classification")
                    .then()
                    .statusCode(expected);
        }
        post(regulator1, path + "/classification-confirmation", "{\"reason\": \"Mine\"}")
                .statusCode(403);
        post(regulator2, path + "/classification-confirmation", "{\"reason\": \"Checked\"}")
                .statusCode(200)
                .body("classification", equalTo("THIRD_PARTY"))
                .body("history[1].changedBy", equalTo("regulator1"))
                .body("history[1].confirmedBy", equalTo("regulator2"));
    }
}
