package io.guoziyun.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.restassured.http.ContentType;

/** A token with a firm role and a regulator role is 403 on every path a service has, reads and writes alike. */
public final class MixedRolesCheck {

    private MixedRolesCheck() {}

    /** {@code paths}: GET paths; {@code post}: a POST path and a body that a firm could send there. */
    public static void refusedEverywhere(String post, String body, String... paths) {
        String mixed = TestTokens.mixed(TestTokens.newFirm());
        for (String path : paths) {
            given().auth()
                    .oauth2(mixed)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("both a firm role and a regulator or auditor role"));
        }
        given().auth()
                .oauth2(mixed)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(post)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
