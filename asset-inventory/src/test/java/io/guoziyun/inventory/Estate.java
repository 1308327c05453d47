package io.guoziyun.inventory;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;

/** Calls the asset-inventory tests share. */
public final class Estate {

    private Estate() {}

    public static String code() {
        return "S-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String site(String code, String status, String constructionStartedOn, String commissionedOn) {
        return """
                {"code": "%s", "name": "Data centre %s", "location": "CN-TJ", "ownership": "OWNED", "status": %s,
                 "constructionStartedOn": %s, "commissionedOn": %s, "racks": 40, "powerKw": 300}
                """.formatted(code, code, quoted(status), quoted(constructionStartedOn), quoted(commissionedOn));
    }

    public static String server(String assetTag, String siteCode, String acquisition, String acquiredOn) {
        return """
                {"assetTag": "%s", "serial": "SN-%s", "hostname": "h-%s.example.cn", "vendor": "Inspur",
                 "model": "NF5280M6", "siteCode": %s, "acquisition": "%s", "acquiredOn": "%s", "role": "db"}
                """.formatted(assetTag, assetTag, assetTag.toLowerCase(), quoted(siteCode), acquisition, acquiredOn);
    }

    public static String declareSite(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String declareServer(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/servers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
