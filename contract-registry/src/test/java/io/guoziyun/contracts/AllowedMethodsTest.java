package io.guoziyun.contracts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A method a path does not have is 405 naming the ones it has; OPTIONS names them too (RFC 9110). */
@QuarkusTest
@WithTestResource(TestOidc.class)
class AllowedMethodsTest {

    private static final String FIRM = TestTokens.firm(TestTokens.FIRM_A);

    @Test
    void a405NamesTheMethodsThePathHas() {
        given().auth()
                .oauth2(FIRM)
                .when()
                .delete("/api/v1/contracts")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        given().auth()
                .oauth2(FIRM)
                .when()
                .patch("/api/v1/contracts/" + UUID.randomUUID())
                .then()
                .statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"));
    }

    @Test
    void optionsAnswersTheMethodsOfThePathItself() {
        given().when()
                .options("/api/v1/contracts/" + UUID.randomUUID() + "/migration-plan")
                .then()
                .statusCode(204)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"));
        given().when()
                .options("/api/v1/contracts/" + UUID.randomUUID() + "/termination")
                .then()
                .statusCode(204)
                .header("Allow", equalTo("OPTIONS, POST"));
    }
}
