package io.guoziyun.contracts.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guoziyun.commons.testing.Race;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
class ContractResourceTest {

    private static final String FIRM_A = TestTokens.firm(TestTokens.FIRM_A);
    private static final String FIRM_B = TestTokens.firm(TestTokens.FIRM_B);

    static String body(String reference) {
        return """
                {"reference": "%s", "provider": "alibaba-cloud", "serviceType": "IAAS",
                 "signedOn": "2021-09-01", "startsOn": "2021-10-01", "endsOn": "2022-09-30",
                 "dataStored": true, "dataLocation": "CN-TJ", "dataSensitivity": "HIGH",
                 "dataVolumeTb": 12.5, "annualValueCny": 480000}
                """.formatted(reference);
    }

    private String register(String token, String reference) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body(reference))
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void firmRegistersAndReadsItsContract() {
        String reference = unique("TJ");
        String id = given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .body(body(reference))
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(201)
                .body("firmId", equalTo(TestTokens.FIRM_A))
                .body("status", equalTo("ACTIVE"))
                .body("reference", equalTo(reference))
                .extract()
                .path("id");

        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("provider", equalTo("alibaba-cloud"))
                .body("endsOn", equalTo("2022-09-30"))
                .body("dataVolumeTb", equalTo(12.5f));
    }

    @Test
    void locationNamesTheNewContract() {
        String location = given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .body(body(unique("LOC")))
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/contracts/[0-9a-f-]{36}"))
                .extract()
                .header("Location");
        given().auth().oauth2(FIRM_A).when().get(location).then().statusCode(200);
    }

    @Test
    void anotherFirmsContractIsNotFound() {
        String id = register(FIRM_A, unique("ISO"));
        given().auth()
                .oauth2(FIRM_B)
                .when()
                .get("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void regulatorAndAuditorReadAnyFirmsContract() {
        String id = register(FIRM_A, unique("REG"));
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(200)
                .body("firmId", equalTo(TestTokens.FIRM_A));
        given().auth()
                .oauth2(TestTokens.auditor())
                .when()
                .get("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(200);
    }

    @Test
    void onlyFirmsFile() {
        for (String token : new String[] {TestTokens.regulator(), TestTokens.auditor()}) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body(unique("NO")))
                    .when()
                    .post("/api/v1/contracts")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void firmFromTheBodyIsRefusedAsUnknownField() {
        String withFirm = body(unique("FIRM")).replace("{", "{\"firmId\": \"" + TestTokens.FIRM_B + "\", ");
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .body(withFirm)
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("firmId"));
    }

    @Test
    void invalidFieldsAreNamed() {
        String bad = body(unique("BAD"))
                .replace("\"CN-TJ\"", "\"tianjin\"")
                .replace("\"2022-09-30\"", "\"2021-01-01\"")
                .replace("\"alibaba-cloud\"", "\"\"");
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("dataLocation"))
                .body("errors.field", hasItem("endsOn"))
                .body("errors.field", hasItem("provider"));
    }

    @Test
    void wrongTypesAndBrokenJsonAre400() {
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .body(body(unique("T")).replace("\"IAAS\"", "\"MAINFRAME\""))
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("serviceType"));
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .body(body(unique("T")).replace("\"2021-09-01\"", "\"1 Sept\""))
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("signedOn"));
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .body("{\"reference\": ")
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .body("null")
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .body("[1, 2]")
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void duplicateReferenceIs409() {
        String reference = unique("DUP");
        register(FIRM_A, reference);
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.JSON)
                .body(body(reference))
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // The reference is unique per firm, not across firms.
        register(FIRM_B, reference);
    }

    @Test
    void racingFilingsOfOneReferenceRegisterItOnce() throws Exception {
        String reference = unique("RACE");
        int racers = 8;
        List<Integer> statuses = Race.of(
                racers,
                () -> given().auth()
                        .oauth2(FIRM_A)
                        .contentType(ContentType.JSON)
                        .body(body(reference))
                        .when()
                        .post("/api/v1/contracts")
                        .then()
                        .extract()
                        .statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(racers - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void notAnIdIs400NamingItAndWrongMediaTypeIs415() {
        // A malformed id is the client's error, named (the API contract); a well-formed unknown one is 404.
        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get("/api/v1/contracts/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("id"));
        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get("/api/v1/contract-findings?subjectId=not-a-uuid")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("subjectId"));
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.XML)
                .body("<contract/>")
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void tokensThatDoNotHoldAre401() {
        String id = register(FIRM_A, unique("AUTH"));
        for (String token : new String[] {
            TestTokens.expired(TestTokens.FIRM_A),
            TestTokens.wrongAudience(TestTokens.FIRM_A),
            TestTokens.wrongIssuer(TestTokens.FIRM_A),
            TestTokens.foreignSigned(TestTokens.FIRM_A),
            "not-a-jwt"
        }) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/contracts/{id}", id)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", notNullValue());
        }
        given().when().get("/api/v1/contracts/{id}", id).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void firmTokenWithInvalidUsccIsRefused() {
        given().auth()
                .oauth2(TestTokens.firmWithInvalidUscc())
                .contentType(ContentType.JSON)
                .body(body(unique("USCC")))
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
