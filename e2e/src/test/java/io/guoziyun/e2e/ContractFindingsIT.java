package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A firm files a contract, a renewal and a migration plan through the gateway; a regulator sees the findings the
 * directive gives for chosen dates; the audit chain verifies.
 */
class ContractFindingsIT {

    static final String GATEWAY = WalkingSkeletonIT.GATEWAY;
    static final String FIRM_A = WalkingSkeletonIT.FIRM_A_USCC;

    @Test
    void aRegulatorSeesTheDirectivesFindingsAsOfAnyDate() {
        String firm = Keycloak.machine("demo-firm-a");
        String regulator = Keycloak.person("regulator2");
        String key = UUID.randomUUID().toString();
        String body = """
                {"reference": "E2E-CR-%s", "provider": "huawei-cloud", "serviceType": "SAAS",
                 "signedOn": "2021-10-15", "startsOn": "2021-11-01", "endsOn": "2022-03-31",
                 "dataStored": true, "dataLocation": "CN-TJ", "dataSensitivity": "LOW"}
                """.formatted(key.substring(0, 8));
        String id = given().auth()
                .oauth2(firm)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(GATEWAY + "/api/v1/contracts")
                .then()
                .statusCode(201)
                .body("migrationDeadline", equalTo("2022-05-31"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(firm)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(GATEWAY + "/api/v1/contracts")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));

        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"renewedOn\": \"2022-03-01\", \"newEndsOn\": \"2023-03-31\", \"kind\": \"RENEWAL\"}")
                .when()
                .post(GATEWAY + "/api/v1/contracts/" + id + "/renewals")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"targetProvider\": \"guoziyun\", \"plannedCompletionOn\": \"2022-09-01\"}")
                .when()
                .put(GATEWAY + "/api/v1/contracts/" + id + "/migration-plan")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(regulator)
                .when()
                .get(GATEWAY + "/api/v1/contract-findings?firmId=" + FIRM_A + "&asOf=2022-10-01&subjectId=" + id)
                .then()
                .statusCode(200)
                .body("items.rule", hasItems("CR-1", "CR-2", "CR-3"))
                .body("items.find { it.rule == 'CR-3' }.daysOverdue", equalTo(123));
        given().auth()
                .oauth2(regulator)
                .when()
                .get(GATEWAY + "/api/v1/contract-findings/overdue-firms?asOf=2022-10-01")
                .then()
                .statusCode(200)
                .body("firmId", hasItem(FIRM_A));
        given().auth()
                .oauth2(Keycloak.person("auditor1"))
                .when()
                .get(GATEWAY + "/api/v1/contract-audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
        given().auth()
                .oauth2(Keycloak.machine("demo-firm-b"))
                .when()
                .get(GATEWAY + "/api/v1/contract-findings?asOf=2022-10-01&count=exact&subjectId=" + id)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(0));
    }
}
