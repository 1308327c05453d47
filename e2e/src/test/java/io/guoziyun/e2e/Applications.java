package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Listing applications as a firm files them through the gateway, for the tests that need one. */
final class Applications {

    static final String APPS = WalkingSkeletonIT.GATEWAY + "/api/v1/listing-applications";

    private Applications() {}

    /** A DRAFT application from the filing's JSON; its id. */
    static String draft(String firm, String filing) {
        return given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body(filing)
                .when()
                .post(APPS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The three documents a submission needs, each a small PDF. */
    static void documents(String firm, String id) {
        for (String kind : List.of("DECLARATION", "NATIONAL_SECURITY_ANALYSIS", "LISTING_DOCUMENTS")) {
            given().auth()
                    .oauth2(firm)
                    .contentType("application/pdf")
                    .queryParam("kind", kind)
                    .body("%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                    .when()
                    .post(APPS + "/" + id + "/documents")
                    .then()
                    .statusCode(201);
        }
    }

    /** An application drafted from the filing, with its documents, submitted: waiting for the regulator; its id. */
    static String submitted(String firm, String filing) {
        String id = draft(firm, filing);
        documents(firm, id);
        given().auth()
                .oauth2(firm)
                .when()
                .post(APPS + "/" + id + "/submission")
                .then()
                .statusCode(200);
        return id;
    }
}
