package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A firm files an overseas listing application through the gateway; two regulators (real Keycloak logins) carry it
 * through determination, a supplement request and a four-eyes decision. listing-approval asks the real
 * contract-registry and asset-inventory for the firm's findings: with an open CR-1 finding CLEARED is refused.
 */
class ListingApprovalIT {

    static final String GATEWAY = WalkingSkeletonIT.GATEWAY;
    static final String APPS = GATEWAY + "/api/v1/listing-applications";
    static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void twoRegulatorsDecideAndTheGateRefusesClearanceWithOpenFindings() {
        String firm = Keycloak.machine("demo-firm-a");
        String regulator1 = Keycloak.person("regulator1");
        String regulator2 = Keycloak.person("regulator2");

        // A third-party contract signed after the directive: finding CR-1, open.
        String reference = "E2E-LA-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("""
                        {"reference": "%s", "provider": "tencent-cloud", "serviceType": "IAAS",
                         "signedOn": "2022-01-10", "startsOn": "2022-02-01", "dataStored": true,
                         "dataLocation": "CN-TJ", "dataSensitivity": "HIGH"}
                        """.formatted(reference))
                .when()
                .post(GATEWAY + "/api/v1/contracts")
                .then()
                .statusCode(201);

        String id = given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"exchange": "NYSE", "exchangeCountry": "US", "listingType": "IPO",
                         "usersWithPersonalInfo": 3500000, "sector": "E_COMMERCE",
                         "holdsCoreOrImportantData": false, "plannedListingOn": "2027-06-30"}
                        """)
                .when()
                .post(APPS)
                .then()
                .statusCode(201)
                .header("Location", containsString(APPS.replace("http://", "") + "/"))
                .body("stage", equalTo("DRAFT"))
                .extract()
                .path("id");
        for (String kind : new String[] {"DECLARATION", "NATIONAL_SECURITY_ANALYSIS", "LISTING_DOCUMENTS"}) {
            given().auth()
                    .oauth2(firm)
                    .contentType("application/pdf")
                    .queryParam("kind", kind)
                    .body(PDF)
                    .when()
                    .post(APPS + "/" + id + "/documents")
                    .then()
                    .statusCode(201);
        }

        Response submitted = step(firm, id, "submission", null)
                .statusCode(200)
                .body("stage", equalTo("SUBMITTED"))
                .body("accessionNumber", matchesPattern("LA-\\d{4}-\\d{6}"))
                .body("assessment.reviewProposed", equalTo(true))
                .extract()
                .response();
        expectDeadline(firm, submitted, 10);

        Response inReview = step(
                        regulator1,
                        id,
                        "determination",
                        "{\"reviewRequired\": true, \"reason\": \"LA-1: 3.5 million users\"}")
                .statusCode(200)
                .body("stage", equalTo("INITIAL_REVIEW"))
                .extract()
                .response();
        expectDeadline(regulator1, inReview, 30);

        step(regulator1, id, "supplement-request", "{\"reason\": \"User data flow analysis\"}")
                .statusCode(200)
                .body("deadline.clockStopped", equalTo(true));
        given().auth()
                .oauth2(firm)
                .contentType("application/pdf")
                .queryParam("kind", "NATIONAL_SECURITY_ANALYSIS")
                .body(PDF)
                .when()
                .post(APPS + "/" + id + "/documents")
                .then()
                .statusCode(201);
        step(firm, id, "supplement", "{\"reason\": \"Analysis uploaded\"}")
                .statusCode(200)
                .body("stage", equalTo("INITIAL_REVIEW"))
                .body("latestAccessionNumber", matchesPattern("LA-\\d{4}-\\d{6}-A1"));

        step(regulator1, id, "decision-proposal", "{\"outcome\": \"CLEARED\", \"reasons\": \"No effect found\"}")
                .statusCode(200);
        step(regulator1, id, "decision-confirmation", "{\"reason\": \"self\"}").statusCode(403);
        step(regulator2, id, "decision-confirmation", "{\"reason\": \"agree\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("CR-1"));
        step(regulator2, id, "decision-rejection", "{\"reason\": \"The firm still uses a barred cloud\"}")
                .statusCode(200);
        step(
                        regulator2,
                        id,
                        "decision-proposal",
                        "{\"outcome\": \"PROHIBITED\", \"reasons\": \"Data on a barred cloud\"}")
                .statusCode(200);
        step(regulator1, id, "decision-confirmation", "{\"reason\": \"agree\"}")
                .statusCode(200)
                .body("stage", equalTo("PROHIBITED"))
                .body("decision.proposedBy", equalTo("regulator2"))
                .body("decision.confirmedBy", equalTo("regulator1"));

        given().auth()
                .oauth2(regulator1)
                .when()
                .get(APPS + "/" + id + "/snapshots")
                .then()
                .statusCode(200)
                .body("trigger", hasItem("confirmation-refused"))
                .body("findings.flatten().finding.rule", hasItem("CR-1"));
        given().auth()
                .oauth2(Keycloak.machine("demo-firm-b"))
                .when()
                .get(APPS + "/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Keycloak.person("auditor1"))
                .when()
                .get(GATEWAY + "/api/v1/listing-audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void theCalendarAnswersThroughTheGateway() {
        String firm = Keycloak.machine("demo-firm-b");
        given().auth()
                .oauth2(firm)
                .when()
                .get(GATEWAY + "/api/v1/calendar/working-days?from=2024-09-27&add=10")
                .then()
                .statusCode(200)
                .body("date", equalTo("2024-10-16"));
        given().auth()
                .oauth2(firm)
                .when()
                .get(GATEWAY + "/api/v1/calendar/working-days/2027-01-04")
                .then()
                .statusCode(422);
    }

    /** The stage deadline shown is the calendar's N-th working day after the stage began, or unknown past it. */
    private static void expectDeadline(String token, Response application, int workingDays) {
        String started = application.path("deadline.stageStartedOn");
        Response calendar = given().auth()
                .oauth2(token)
                .when()
                .get(GATEWAY + "/api/v1/calendar/working-days?from=" + started + "&add=" + workingDays);
        if (calendar.statusCode() == 200) {
            application.then().body("deadline.stageDeadline", equalTo(calendar.path("date")));
        } else {
            calendar.then().statusCode(422);
            application
                    .then()
                    .body("deadline.stageDeadline", nullValue())
                    .body("deadline.note", containsString("calendar"));
        }
    }

    private static ValidatableResponse step(String token, String id, String action, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post(APPS + "/" + id + "/" + action).then();
    }
}
