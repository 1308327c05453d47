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
}
