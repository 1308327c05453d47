package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One contract filed end to end: real Keycloak tokens, through the gateway, into PostgreSQL and back. */
class WalkingSkeletonIT {

    static final String GATEWAY = System.getProperty("suite.gateway", "http://localhost:8080");
    static final String REGISTRY = "http://localhost:8081";
    static final String FIRM_A_USCC = "91110108MA01B2C344";

    static String firmA;
    static String firmB;
    static String contractUrl;
    static String contractId;

    @BeforeAll
    static void fileOneContract() {
        firmA = Keycloak.machine("demo-firm-a");
        firmB = Keycloak.machine("demo-firm-b");
        String reference = "E2E-" + UUID.randomUUID();
        var created = given().auth()
                .oauth2(firmA)
                .contentType(ContentType.JSON)
                .body("""
                        {"reference": "%s", "provider": "tencent-cloud", "serviceType": "PAAS",
                         "signedOn": "2021-08-12", "startsOn": "2021-09-01", "endsOn": "2023-08-31",
                         "dataStored": true, "dataLocation": "CN-TJ", "dataSensitivity": "MEDIUM"}
                        """.formatted(reference))
                .when()
                .post(GATEWAY + "/api/v1/contracts")
                .then()
                .statusCode(201)
                .header("Location", startsWith(GATEWAY + "/api/v1/contracts/"))
                .body("firmId", equalTo(FIRM_A_USCC))
                .body("reference", equalTo(reference))
                .extract();
        contractUrl = created.header("Location");
        contractId = created.path("id");
        assertEquals(GATEWAY + "/api/v1/contracts/" + contractId, contractUrl);
    }

    @Test
    void theFirmReadsItBackThroughTheGateway() {
        given().auth()
                .oauth2(firmA)
                .when()
                .get(contractUrl)
                .then()
                .statusCode(200)
                .body("id", equalTo(contractId))
                .body("firmId", equalTo(FIRM_A_USCC))
                .body("provider", equalTo("tencent-cloud"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void anotherFirmGets404() {
        given().auth()
                .oauth2(firmB)
                .when()
                .get(contractUrl)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void noTokenGets401FromTheGateway() {
        given().when()
                .get(contractUrl)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aRegulatorReadsIt() {
        given().auth()
                .oauth2(Keycloak.person("regulator1"))
                .when()
                .get(contractUrl)
                .then()
                .statusCode(200)
                .body("firmId", equalTo(FIRM_A_USCC));
    }

    @Test
    void anAuditorReadsButCannotFile() {
        String auditor = Keycloak.person("auditor1");
        given().auth().oauth2(auditor).when().get(contractUrl).then().statusCode(200);
        given().auth()
                .oauth2(auditor)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(GATEWAY + "/api/v1/contracts")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void invalidInputIs400WithTheFieldsThroughTheGateway() {
        given().auth()
                .oauth2(firmA)
                .contentType(ContentType.JSON)
                .body("{\"reference\": \"X-1\", \"provider\": \"alibaba-cloud\", \"serviceType\": \"IAAS\"}")
                .when()
                .post(GATEWAY + "/api/v1/contracts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("signedOn"))
                .body("errors.field", hasItem("dataLocation"));
    }

    @Test
    void theServiceChecksTheTokenItselfToo() {
        given().when().get(REGISTRY + "/api/v1/contracts/" + contractId).then().statusCode(401);
        given().auth()
                .oauth2(firmB)
                .when()
                .get(REGISTRY + "/api/v1/contracts/" + contractId)
                .then()
                .statusCode(404);
    }
}
