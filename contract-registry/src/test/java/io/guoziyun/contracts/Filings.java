package io.guoziyun.contracts;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.UUID;

/** Request bodies and calls the contract-registry tests share. */
public final class Filings {

    private Filings() {}

    public static String contract(String reference, String provider, String signedOn, String endsOn) {
        return """
                {"reference": "%s", "provider": "%s", "serviceType": "IAAS",
                 "signedOn": "%s", "startsOn": "%s", "endsOn": %s,
                 "dataStored": true, "dataLocation": "CN-TJ", "dataSensitivity": "HIGH"}
                """.formatted(reference, provider, signedOn, signedOn, endsOn == null ? "null" : "\"" + endsOn + "\"");
    }

    public static String reference() {
        return "C-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Files a contract and answers its id. */
    public static String file(String token, String provider, String signedOn, String endsOn) {
        return fileResponse(token, contract(reference(), provider, signedOn, endsOn))
                .path("id");
    }

    public static ExtractableResponse<Response> fileResponse(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(201)
                .extract();
    }

    /** Files a migration plan to Guoziyun, due on {@code plannedCompletionOn}; gives back the plan's path. */
    public static String plan(String token, String contractId, String plannedCompletionOn) {
        String path = "/api/v1/contracts/" + contractId + "/migration-plan";
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"targetProvider\": \"guoziyun\", \"plannedCompletionOn\": \"" + plannedCompletionOn + "\"}")
                .when()
                .put(path)
                .then()
                .statusCode(201);
        return path;
    }

    public static String etag(String token, String path) {
        return given().auth()
                .oauth2(token)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /**
     * A reclassification as two regulators take it: {@code proposer} proposes, {@code confirmer} confirms; the
     * confirmation's answer.
     */
    public static io.restassured.response.ValidatableResponse reclassify(
            String proposer, String confirmer, String slug, String body) {
        String path = "/api/v1/providers/" + slug;
        given().auth()
                .oauth2(proposer)
                .contentType(ContentType.JSON)
                .header("If-Match", etag(proposer, path))
                .body(body)
                .when()
                .put(path + "/classification")
                .then()
                .statusCode(200);
        return given().auth()
                .oauth2(confirmer)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"Checked\"}")
                .when()
                .post(path + "/classification-confirmation")
                .then();
    }
}
