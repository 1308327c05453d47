package io.guoziyun.contracts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Inputs that once reached the database or date arithmetic unchecked: each is a 4xx, never a 500. */
@QuarkusTest
@WithTestResource(TestOidc.class)
class HostileInputTest {

    private final String firm = TestTokens.firm(TestTokens.newFirm());

    @Test
    void extremeYearsAreRefusedInBodiesAndParameters() {
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body(Filings.contract(Filings.reference(), "alibaba-cloud", "2020-01-01", "+999999999-12-31"))
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contract-findings?asOf=+6000000-01-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contract-findings/overdue-firms?asOf=1899-12-31")
                .then()
                .statusCode(400);
    }

    @Test
    void emptySortKeysFallBackToTheDefault() {
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contracts?sort=,")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(firm)
                .when()
                .queryParam("sort", " , ")
                .get("/api/v1/contract-findings")
                .then()
                .statusCode(200);
    }

    @Test
    void nulBytesNeverReachTheDatabase() {
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/providers/%00")
                .then()
                .statusCode(lessThan(500))
                .contentType("application/problem+json");
        String id = Filings.file(firm, "alibaba-cloud", "2020-01-01", "2022-12-31");
        String plan = "/api/v1/contracts/" + id + "/migration-plan";
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"targetProvider\": \"guoziyun\", \"plannedCompletionOn\": \"2022-06-30\"}")
                .when()
                .put(plan)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body(
                        "{\"title\": \"t\", \"dueOn\": \"2022-05-01\", \"progress\": 1, \"evidence\": [\"http://a\\u0000b\"]}")
                .when()
                .post(plan + "/milestones")
                .then()
                .statusCode(400);
    }
}
