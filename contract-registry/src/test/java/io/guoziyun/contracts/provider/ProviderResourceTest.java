package io.guoziyun.contracts.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.contracts.Filings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
class ProviderResourceTest {

    private static final String REGULATOR = TestTokens.regulator();

    private static String newSlug() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void add(String slug, String classification) {
        given().auth()
                .oauth2(REGULATOR)
                .contentType(ContentType.JSON)
                .body("{\"slug\": \"%s\", \"name\": \"Test cloud\", \"classification\": \"%s\", \"reason\": \"test\"}"
                        .formatted(slug, classification))
                .when()
                .post("/api/v1/providers")
                .then()
                .statusCode(201)
                .body("history", hasSize(1));
    }

    @Test
    void theSeededRegistryIsReadableByEveryRole() {
        for (String token : new String[] {TestTokens.firm(TestTokens.FIRM_A), REGULATOR, TestTokens.auditor()}) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/providers")
                    .then()
                    .statusCode(200)
                    .body(
                            "slug",
                            hasItems(
                                    "alibaba-cloud",
                                    "tencent-cloud",
                                    "huawei-cloud",
                                    "china-unicom-cloud",
                                    "china-mobile-cloud",
                                    "china-telecom-cloud",
                                    "guoziyun"))
                    .body("find { it.slug == 'guoziyun' }.classification", equalTo("STATE_CLOUD"))
                    .body("find { it.slug == 'alibaba-cloud' }.classification", equalTo("THIRD_PARTY"));
        }
    }

    @Test
    void onlyRegulatorsAddProviders() {
        String body = "{\"slug\": \"%s\", \"name\": \"X\", \"classification\": \"THIRD_PARTY\", \"reason\": \"r\"}"
                .formatted(newSlug());
        for (String token : new String[] {TestTokens.firm(TestTokens.FIRM_A), TestTokens.auditor()}) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/v1/providers")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aDuplicateSlugIs409AndAMissingProviderIs404() {
        String slug = newSlug();
        add(slug, "THIRD_PARTY");
        given().auth()
                .oauth2(REGULATOR)
                .contentType(ContentType.JSON)
                .body("{\"slug\": \"%s\", \"name\": \"X\", \"classification\": \"THIRD_PARTY\", \"reason\": \"r\"}"
                        .formatted(slug))
                .when()
                .post("/api/v1/providers")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(REGULATOR)
                .when()
                .get("/api/v1/providers/no-such-cloud")
                .then()
                .statusCode(404);
    }

    @Test
    void reclassifyingNeedsIfMatchKeepsHistoryAndReevaluatesContracts() {
        String slug = newSlug();
        add(slug, "STATE_CLOUD");
        String firm = TestTokens.firm(TestTokens.newFirm());
        String contract = Filings.file(firm, slug, "2022-01-10", "2023-01-09");
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contract-findings?asOf=2022-06-01")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));

        String path = "/api/v1/providers/" + slug;
        // Effective from before the contract was signed, so its findings reach back that far (dated, not "now").
        String reclassify = "{\"classification\": \"THIRD_PARTY\", \"effectiveFrom\": \"2021-08-12\","
                + " \"reason\": \"Found to be a commercial platform\"}";
        given().auth()
                .oauth2(REGULATOR)
                .contentType(ContentType.JSON)
                .body(reclassify)
                .when()
                .put(path + "/classification")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(REGULATOR)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"999\"")
                .body(reclassify)
                .when()
                .put(path + "/classification")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(TestTokens.firm(TestTokens.FIRM_A))
                .contentType(ContentType.JSON)
                .header("If-Match", Filings.etag(REGULATOR, path))
                .body(reclassify)
                .when()
                .put(path + "/classification")
                .then()
                .statusCode(403);
        // A proposal changes nothing yet; the proposer cannot confirm it, whatever its username is now.
        given().auth()
                .oauth2(REGULATOR)
                .contentType(ContentType.JSON)
                .header("If-Match", Filings.etag(REGULATOR, path))
                .body(reclassify)
                .when()
                .put(path + "/classification")
                .then()
                .statusCode(200)
                .body("classification", equalTo("STATE_CLOUD"))
                .body("pendingReclassification.classification", equalTo("THIRD_PARTY"))
                .body("pendingReclassification.proposedBy", equalTo("regulator1"));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contract-findings?asOf=2022-06-01")
                .then()
                .body("items", hasSize(0));
        given().auth()
                .oauth2(REGULATOR)
                .contentType(ContentType.JSON)
                .header("If-Match", Filings.etag(REGULATOR, path))
                .body(reclassify)
                .when()
                .put(path + "/classification")
                .then()
                .statusCode(409)
                .body("detail", containsString("awaits a second regulator"));
        String confirm = "{\"reason\": \"Checked the licence\"}";
        for (String self : List.of(REGULATOR, TestTokens.person("renamed", "regulator1", "regulator"))) {
            given().auth()
                    .oauth2(self)
                    .contentType(ContentType.JSON)
                    .body(confirm)
                    .when()
                    .post(path + "/classification-confirmation")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(TestTokens.auditor())
                .contentType(ContentType.JSON)
                .body(confirm)
                .when()
                .post(path + "/classification-confirmation")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.regulator("regulator2"))
                .contentType(ContentType.JSON)
                .body(confirm)
                .when()
                .post(path + "/classification-confirmation")
                .then()
                .statusCode(200)
                .body("classification", equalTo("THIRD_PARTY"))
                .body("pendingReclassification", nullValue())
                .body("history.classification", equalTo(List.of("STATE_CLOUD", "THIRD_PARTY")))
                .body("history[1].reason", equalTo("Found to be a commercial platform"))
                .body("history[1].changedBy", equalTo("regulator1"))
                .body("history[1].confirmedBy", equalTo("regulator2"));
        given().auth()
                .oauth2(TestTokens.regulator("regulator2"))
                .contentType(ContentType.JSON)
                .body(confirm)
                .when()
                .post(path + "/classification-confirmation")
                .then()
                .statusCode(409)
                .body("detail", containsString("No reclassification"));

        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contract-findings?asOf=2022-06-01")
                .then()
                .statusCode(200)
                .body("items.rule", hasItems("CR-1", "CR-4"))
                .body("items[0].subjectId", equalTo(contract));
    }

    @Test
    void theStateCloudOfThePolicyCannotBeReclassifiedAndARejectionKeepsTheClassification() {
        String guoziyun = "/api/v1/providers/guoziyun";
        given().auth()
                .oauth2(REGULATOR)
                .contentType(ContentType.JSON)
                .header("If-Match", Filings.etag(REGULATOR, guoziyun))
                .body("{\"classification\": \"THIRD_PARTY\", \"reason\": \"test\"}")
                .when()
                .put(guoziyun + "/classification")
                .then()
                .statusCode(409)
                .body("detail", containsString("state cloud named in seeds/policy"));
        given().auth().oauth2(REGULATOR).when().get(guoziyun).then().body("classification", equalTo("STATE_CLOUD"));

        String slug = newSlug();
        add(slug, "THIRD_PARTY");
        String path = "/api/v1/providers/" + slug;
        given().auth()
                .oauth2(REGULATOR)
                .contentType(ContentType.JSON)
                .header("If-Match", Filings.etag(REGULATOR, path))
                .body("{\"classification\": \"STATE_CLOUD\", \"reason\": \"Bought by the state\"}")
                .when()
                .put(path + "/classification")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.regulator("regulator2"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"No evidence of the sale\"}")
                .when()
                .post(path + "/classification-rejection")
                .then()
                .statusCode(200)
                .body("classification", equalTo("THIRD_PARTY"))
                .body("pendingReclassification", nullValue())
                .body("history", hasSize(1));
        given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("subjectId", slug)
                .when()
                .get("/api/v1/contract-audit")
                .then()
                .statusCode(200)
                .body(
                        "action",
                        hasItems(
                                "provider.added",
                                "provider.reclassification-proposed",
                                "provider.reclassification-rejected"));
    }
}
