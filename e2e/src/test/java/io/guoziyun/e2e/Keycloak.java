package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;

/** Real tokens from the suite's Keycloak (realm guoziyun), with the demo identities of seeds/keycloak. */
final class Keycloak {

    static final String URL = System.getProperty("suite.keycloak", "http://localhost:8180");
    private static final String TOKEN_ENDPOINT = URL + "/realms/guoziyun/protocol/openid-connect/token";

    private Keycloak() {}

    /** Client-credentials token of a firm's machine client, e.g. demo-firm-a. */
    static String machine(String clientId) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", clientId + "-secret")
                .when()
                .post(TOKEN_ENDPOINT)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** Password-grant token of a person through the public client suite-cli, e.g. regulator1. */
    static String person(String username) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "suite-cli")
                .formParam("username", username)
                .formParam("password", "demo-" + username)
                .when()
                .post(TOKEN_ENDPOINT)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
