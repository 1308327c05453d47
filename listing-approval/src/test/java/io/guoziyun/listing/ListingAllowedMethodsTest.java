package io.guoziyun.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An application's path is served by two resources (reads and steps): OPTIONS and a 405 name the methods of the
 * path itself, not those of whichever resource matched first.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(FakeFindingServices.class)
class ListingAllowedMethodsTest {

    @Test
    void optionsAndA405NameThePathsOwnMethods() {
        String id = UUID.randomUUID().toString();
        given().when()
                .options("/api/v1/listing-applications/" + id)
                .then()
                .statusCode(204)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"));
        given().auth()
                .oauth2(TestTokens.firm(TestTokens.FIRM_A))
                .when()
                .delete("/api/v1/listing-applications/" + id)
                .then()
                .statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"));
        given().when()
                .options("/api/v1/listing-applications/" + id + "/decision-proposal")
                .then()
                .statusCode(204)
                .header("Allow", equalTo("OPTIONS, POST"));
    }
}
