package io.guoziyun.gateway.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.guoziyun.commons.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The console signs its users in itself (its own session cookie): its route is relayed without a bearer token,
 * limited per client address, and the API routes still want a token.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(EchoService.class)
class OwnSignInRouteTest {

    @Test
    void theConsoleIsRelayedWithoutATokenAndTheApiIsNot() {
        given().cookie("q_session", "opaque")
                .when()
                .get("/console/dashboard?asOf=2022-10-01")
                .then()
                .statusCode(200)
                .body("uri", equalTo("/console/dashboard?asOf=2022-10-01"))
                .body("headers.cookie", equalTo("q_session=opaque"))
                .body("headers.x-forwarded-host", notNullValue())
                .body("headers.authorization", nullValue());
        given().when().get("/console").then().statusCode(200).body("uri", equalTo("/console"));
        given().when().get("/consoleX").then().statusCode(404);
        given().when().get("/api/v1/contracts").then().statusCode(401);
    }

    @Test
    void aRouteWithItsOwnSignInIsLimitedPerAddressByItsOwnLimit() {
        int limited = 0;
        String detail = null;
        for (int i = 0; i < 4; i++) {
            var answer = given().when().get("/own-sign-in/page").then().extract();
            if (answer.statusCode() == 429) {
                limited++;
                detail = answer.path("detail");
                org.junit.jupiter.api.Assertions.assertNotNull(answer.header("Retry-After"));
            }
        }
        // A burst of 2 at 1/s: at least the fourth within the same second is refused, by this route's limit.
        org.junit.jupiter.api.Assertions.assertTrue(limited >= 1, "no request was limited");
        org.hamcrest.MatcherAssert.assertThat(detail, containsString("own-sign-in"));
    }
}
