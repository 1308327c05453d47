package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3 of issue 7: a firm with open findings applies to list abroad; two regulators take it through review;
 * clearance is refused by the gate; the firm terminates its barred cloud contract and decommissions the servers it
 * bought after the directive, with evidence; clearance then succeeds. Every deadline shown matches the calendar.
 * The firm is demo-firm-j, kept for this scenario: it starts by putting right whatever a failed earlier run left.
 */
class ClearanceScenarioIT {

    static final String GATEWAY = WalkingSkeletonIT.GATEWAY;
    static final String FIRM_J = "91120116MA010D9X78";
    static final String APPS = GATEWAY + "/api/v1/listing-applications";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    final String firm = Keycloak.machine("demo-firm-j");
    final String regulator1 = Keycloak.person("regulator1");
    final String regulator2 = Keycloak.person("regulator2");

    @Test
    void clearanceIsRefusedWhileFindingsAreOpenAndGrantedOnceTheFirmHasPutThemRight() {
        putRight();

        String run = UUID.randomUUID().toString().substring(0, 8);
        String contract = given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("""
                        {"reference": "J-TX-%s", "provider": "tencent-cloud", "serviceType": "IAAS",
                         "signedOn": "2022-02-01", "startsOn": "2022-03-01", "dataStored": true,
                         "dataLocation": "CN-TJ", "dataSensitivity": "HIGH"}
                        """.formatted(run))
                .when()
                .post(GATEWAY + "/api/v1/contracts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> servers = List.of(server("J-NEW-" + run + "-1"), server("J-NEW-" + run + "-2"));

        String id = Applications.draft(firm, """
                {"exchange": "NASDAQ", "exchangeCountry": "US", "listingType": "IPO",
                 "usersWithPersonalInfo": 5200000, "sector": "CONSTRUCTION", "holdsCoreOrImportantData": false}
                """);
        Applications.documents(firm, id);
        Response submitted =
                step(firm, id, "submission", null).statusCode(200).extract().response();
        matchesCalendar(submitted, 10);
        given().auth()
                .oauth2(firm)
                .when()
                .get(APPS + "/" + id + "/snapshots")
                .then()
                .body("[0].blockingCount", equalTo(4)); // CR-1 and CR-3 on the contract, AI-2 on each server

        Response inReview = step(regulator1, id, "determination", "{\"reviewRequired\": true, \"reason\": \"LA-1\"}")
                .statusCode(200)
                .extract()
                .response();
        matchesCalendar(inReview, 30);
        step(regulator1, id, "decision-proposal", "{\"outcome\": \"CLEARED\", \"reasons\": \"No effect found\"}")
                .statusCode(200);
        step(regulator2, id, "decision-confirmation", "{\"reason\": \"Agree\"}")
                .statusCode(409)
                .body("detail", containsString("AI-2, CR-1, CR-3"));

        // The firm puts it right: the barred contract ends today, the servers bought after the directive go.
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"terminatedOn\": \"" + TODAY + "\", \"reason\": \"Data moved to Guoziyun\"}")
                .when()
                .post(GATEWAY + "/api/v1/contracts/" + contract + "/termination")
                .then()
                .statusCode(200);
        servers.forEach(this::decommission);

        step(regulator2, id, "decision-confirmation", "{\"reason\": \"Agree; the firm's findings are resolved\"}")
                .statusCode(200)
                .body("stage", equalTo("CLEARED"))
                .body("decision.proposedBy", equalTo("regulator1"))
                .body("decision.confirmedBy", equalTo("regulator2"))
                .body("deadline", nullValue());
        JsonPath snapshots = given().auth()
                .oauth2(regulator1)
                .when()
                .get(APPS + "/" + id + "/snapshots")
                .then()
                .extract()
                .jsonPath();
        List<String> triggers = snapshots.getList("trigger");
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of("submission", "proposal", "confirmation-refused", "confirmation"), triggers);
        org.junit.jupiter.api.Assertions.assertEquals(0, snapshots.getInt("[3].blockingCount"));
    }

    /** The shown deadline is the calendar's N-th working day after the stage began, or unknown past the calendar. */
    private void matchesCalendar(Response application, int workingDays) {
        String started = application.path("deadline.stageStartedOn");
        Response calendar = given().auth()
                .oauth2(firm)
                .when()
                .get(GATEWAY + "/api/v1/calendar/working-days?from=" + started + "&add=" + workingDays);
        if (calendar.statusCode() == 200) {
            application.then().body("deadline.stageDeadline", equalTo(calendar.path("date")));
        } else {
            calendar.then().statusCode(422);
            application.then().body("deadline.stageDeadline", nullValue());
        }
    }

    private String server(String tag) {
        return given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("""
                        {"assetTag": "%s", "serial": "SN-%s", "hostname": "%s.example.cn", "vendor": "Inspur",
                         "model": "NF5280M6", "acquisition": "PURCHASE", "acquiredOn": "2023-03-01"}
                        """.formatted(tag, tag, tag.toLowerCase()))
                .when()
                .post(GATEWAY + "/api/v1/servers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void decommission(String server) {
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"DECOMMISSIONED\", \"on\": \"" + TODAY
                        + "\", \"evidence\": \"Disposal certificate E2E-" + server.substring(0, 8) + "\"}")
                .when()
                .post(GATEWAY + "/api/v1/servers/" + server + "/status")
                .then()
                .statusCode(200);
    }

    /** Whatever an earlier, failed run left open for this firm is put right the same way the scenario does. */
    private void putRight() {
        List<Map<String, Object>> contracts = given().auth()
                .oauth2(regulator1)
                .when()
                .get(GATEWAY + "/api/v1/contract-findings?status=OPEN&size=200&firmId=" + FIRM_J)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        for (Map<String, Object> finding : contracts) {
            given().auth()
                    .oauth2(firm)
                    .contentType(ContentType.JSON)
                    .body("{\"terminatedOn\": \"" + TODAY + "\", \"reason\": \"Clean-up of an earlier run\"}")
                    .when()
                    .post(GATEWAY + "/api/v1/contracts/" + finding.get("subjectId") + "/termination");
        }
        List<Map<String, Object>> inventory = given().auth()
                .oauth2(regulator1)
                .when()
                .get(GATEWAY + "/api/v1/inventory-findings?status=OPEN&size=200&firmId=" + FIRM_J)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        for (Map<String, Object> finding : inventory) {
            if ("AI-2".equals(finding.get("rule"))) {
                decommission((String) finding.get("subjectId"));
            }
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
