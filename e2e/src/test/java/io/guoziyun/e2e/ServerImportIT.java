package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A firm bulk-imports servers through the gateway; purchases after the directive appear as AI-2 findings. */
class ServerImportIT {

    @Test
    void importedPurchasesAfterTheDirectiveAreAi2ForTheRegulator() {
        String firm = Keycloak.machine("demo-firm-b");
        String batch = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv =
                new StringBuilder("assetTag,serial,hostname,vendor,model,siteCode,acquisition,acquiredOn,status\r\n");
        for (int i = 0; i < 500; i++) {
            csv.append("E2E-")
                    .append(batch)
                    .append('-')
                    .append(i)
                    .append(",SN")
                    .append(i)
                    .append(",,Inspur,NF5280,,")
                    .append(i % 2 == 0 ? "PURCHASE,2021-08-12" : "LEASE,2021-08-12")
                    .append(",ACTIVE\r\n");
        }
        given().auth()
                .oauth2(firm)
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .when()
                .post(WalkingSkeletonIT.GATEWAY + "/api/v1/servers/import")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(500));
        given().auth()
                .oauth2(Keycloak.person("regulator1"))
                .when()
                .get(WalkingSkeletonIT.GATEWAY + "/api/v1/inventory-summary?asOf=2022-01-01&firmId=91310115MA1K00007Q")
                .then()
                .statusCode(200)
                .body("[0].openFindings.AI-2", org.hamcrest.Matchers.greaterThanOrEqualTo(250));
        String server = given().auth()
                .oauth2(firm)
                .when()
                .get(WalkingSkeletonIT.GATEWAY + "/api/v1/servers?assetTag=E2E-" + batch + "-0")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        given().auth()
                .oauth2(Keycloak.person("regulator1"))
                .when()
                .get(WalkingSkeletonIT.GATEWAY + "/api/v1/inventory-findings?asOf=2021-08-12&subjectId=" + server)
                .then()
                .statusCode(200)
                .body("items.rule", equalTo(java.util.List.of("AI-2")))
                .body("items[0].firmId", equalTo("91310115MA1K00007Q"))
                .body("items[0].inputs.assetTag", equalTo("E2E-" + batch + "-0"));
        given().auth()
                .oauth2(Keycloak.machine("demo-firm-a"))
                .when()
                .get(WalkingSkeletonIT.GATEWAY + "/api/v1/inventory-findings?rule=AI-2&asOf=2021-08-12&size=200")
                .then()
                .statusCode(200)
                .body("items.firmId", org.hamcrest.Matchers.not(hasItem("91310115MA1K00007Q")));
    }
}
