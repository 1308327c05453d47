package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scenarios 1 and 5 of issue 7: a contract signed after the directive shows as CR-1 for the firm, for the regulator
 * and in the overview; the audit chains of all three services verify, for a regulator and an auditor.
 */
class AuditChainsIT {

    static final String GATEWAY = WalkingSkeletonIT.GATEWAY;

    @Test
    void aNewThirdPartyContractIsCr1ForTheFirmTheRegulatorAndTheOverview() {
        String firm = Keycloak.machine("demo-firm-h");
        String regulator = Keycloak.person("regulator2");
        int before = given().auth()
                .oauth2(regulator)
                .when()
                .get(GATEWAY + "/api/v1/overview")
                .then()
                .statusCode(200)
                .extract()
                .path("contracts.openFindingsByRule.CR-1");
        String id = given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("""
                        {"reference": "H-AL-%s", "provider": "alibaba-cloud", "serviceType": "SAAS",
                         "signedOn": "2023-05-04", "startsOn": "2023-06-01", "dataStored": false,
                         "dataLocation": "CN-TJ", "dataSensitivity": "LOW"}
                        """.formatted(UUID.randomUUID().toString().substring(0, 8)))
                .when()
                .post(GATEWAY + "/api/v1/contracts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String token : List.of(firm, regulator)) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(GATEWAY + "/api/v1/contract-findings?rule=CR-1&status=OPEN&subjectId=" + id)
                    .then()
                    .statusCode(200)
                    .body("items[0].rule", equalTo("CR-1"))
                    .body("items[0].detectedOn", equalTo("2023-05-04"));
        }
        given().auth()
                .oauth2(regulator)
                .when()
                .get(GATEWAY + "/api/v1/overview")
                .then()
                .statusCode(200)
                .body("contracts.openFindingsByRule.CR-1", greaterThan(before));
    }

    @Test
    void theAuditChainsOfAllThreeServicesVerify() {
        for (String token : List.of(Keycloak.person("auditor1"), Keycloak.person("regulator1"))) {
            for (String chain : List.of("contract-audit", "inventory-audit", "listing-audit")) {
                given().auth()
                        .oauth2(token)
                        .when()
                        .get(GATEWAY + "/api/v1/" + chain + "/verify")
                        .then()
                        .statusCode(200)
                        .body("valid", equalTo(true))
                        .body("entriesChecked", greaterThan(0));
            }
        }
    }
}
