package io.guoziyun.commons.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;

/** A client's retry of a POST: with its Idempotency-Key it gets the first answer again, and nothing happens twice. */
public final class Retry {

    private Retry() {}

    /**
     * POSTs the body twice with one key and checks that the second answer is the first one replayed (same status,
     * body and ETag); then once more without a key, which the state now refuses with {@code withoutKey}.
     */
    public static void answeredOnce(String token, String path, String body, int withoutKey) {
        String key = UUID.randomUUID().toString();
        Response first = post(token, path, body, key);
        first.then().statusCode(200);
        Response again = post(token, path, body, key);
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getMap(""), again.jsonPath().getMap(""));
        assertEquals(first.header("ETag"), again.header("ETag"));
        post(token, path, body, null).then().statusCode(withoutKey);
    }

    private static Response post(String token, String path, String body, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post(path);
    }
}
