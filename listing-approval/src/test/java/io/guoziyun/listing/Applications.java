package io.guoziyun.listing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;

/** The API calls the listing tests share, as a firm's script would make them. */
public final class Applications {

    public static final String BASE = "/api/v1/listing-applications";
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private Applications() {}

    /** A filing listing on an exchange of {@code country} (seeds/policy/exchanges.csv): HKEX, LSE, NASDAQ. */
    public static String filing(String country, long users, String sector) {
        String exchange = switch (country) {
            case "HK" -> "HKEX";
            case "GB" -> "LSE";
            default -> "NASDAQ";
        };
        return filing(exchange, country, users, sector);
    }

    public static String filing(String exchange, String country, long users, String sector) {
        return """
                {"exchange": "%s", "exchangeCountry": "%s", "listingType": "IPO",
                 "usersWithPersonalInfo": %d, "sector": "%s", "holdsCoreOrImportantData": false,
                 "plannedListingOn": "2025-06-30"}
                """.formatted(exchange, country, users, sector);
    }

    public static String create(String token, String filing) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(filing)
                .when()
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String draftWithDocuments(String token) {
        String id = create(token, filing("US", 2_500_000, "E_COMMERCE"));
        for (String kind : new String[] {"DECLARATION", "NATIONAL_SECURITY_ANALYSIS", "LISTING_DOCUMENTS"}) {
            upload(token, id, kind).statusCode(201);
        }
        return id;
    }

    public static ValidatableResponse upload(String token, String id, String kind) {
        return given().auth()
                .oauth2(token)
                .contentType("application/pdf")
                .body(PDF)
                .queryParam("kind", kind)
                .when()
                .post(BASE + "/{id}/documents", id)
                .then();
    }

    public static ValidatableResponse step(String token, String id, String action, String body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        } else {
            request = request.contentType(ContentType.JSON);
        }
        return request.when().post(BASE + "/{id}/" + action, id).then();
    }

    public static String reason(String text) {
        return "{\"reason\": \"" + text + "\"}";
    }
}
