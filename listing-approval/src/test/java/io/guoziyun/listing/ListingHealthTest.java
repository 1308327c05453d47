package io.guoziyun.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.guoziyun.commons.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(FakeFindingServices.class)
class ListingHealthTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true) // the management root is /q
    java.net.URL management;

    @Test
    void readinessIncludesTheDatabaseOnTheManagementInterfaceOnly() {
        given().when()
                .get(management.toString().replaceAll("/+$", "") + "/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().when().get("/q/health/ready").then().statusCode(404);
    }

    /** Each review step is counted once it has committed, by action and the stages it went from and to. */
    @Test
    void theReviewStepsAndFilingsAreCountedOnTheManagementInterface() {
        String step = "guoziyun_review_steps_total{action=\"withdrawal\",from=\"DRAFT\",to=\"WITHDRAWN\"}";
        String created = "guoziyun_filings_total{outcome=\"accepted\",type=\"createListingApplication\"}";
        double steps = value(step);
        double filings = value(created);
        String firm = io.guoziyun.commons.testing.TestTokens.firm(io.guoziyun.commons.testing.TestTokens.FIRM_A);
        String id = Applications.create(firm, Applications.filing("US", 2_000_000, "E_COMMERCE"));
        given().auth()
                .oauth2(firm)
                .contentType("application/json")
                .body("{\"reason\": \"Listing postponed\"}")
                .post("/api/v1/listing-applications/" + id + "/withdrawal")
                .then()
                .statusCode(200);
        // A step refused (409) is not one taken.
        given().auth()
                .oauth2(firm)
                .contentType("application/json")
                .body("{\"reason\": \"again\"}")
                .post("/api/v1/listing-applications/" + id + "/withdrawal")
                .then()
                .statusCode(409);
        org.junit.jupiter.api.Assertions.assertEquals(steps + 1, value(step), step);
        org.junit.jupiter.api.Assertions.assertEquals(filings + 1, value(created), created);
    }

    private double value(String sample) {
        String all = given().when()
                .get(management.toString().replaceAll("/+$", "") + "/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?m)^" + java.util.regex.Pattern.quote(sample) + " (\\S+)$")
                .matcher(all);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
