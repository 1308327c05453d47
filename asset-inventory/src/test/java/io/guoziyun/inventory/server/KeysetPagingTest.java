package io.guoziyun.inventory.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.inventory.Estate;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paging by cursor walks the same list, in the same order, as one page of everything does: for every sort key (a
 * nullable one included, both directions), with ties on the key and with a filter; nothing skipped, nothing twice.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
class KeysetPagingTest {

    private String firm;

    @BeforeEach
    void estate() {
        firm = TestTokens.firm(TestTokens.newFirm());
        String site = Estate.code();
        Estate.declareSite(firm, Estate.site(site, "ACTIVE", "2015-01-01", "2016-01-01"));
        StringBuilder csv = new StringBuilder(ServerImportTest.HEADER).append('\n');
        for (int i = 0; i < 37; i++) {
            csv.append("K-%02d,,,,,%s,%s,2020-0%d-01,%s\n"
                    .formatted(
                            (i * 7) % 37,
                            i % 3 == 0 ? "" : site,
                            i % 2 == 0 ? "PURCHASE" : "LEASE",
                            1 + i % 4,
                            i % 5 == 0 ? "PLANNED" : "ACTIVE"));
        }
        given().auth()
                .oauth2(firm)
                .contentType("text/csv")
                .body(csv.toString())
                .when()
                .post("/api/v1/servers/import")
                .then()
                .statusCode(200);
    }

    @Test
    void everySortWalksTheWholeListOnceInOrder() {
        for (String sort : List.of(
                "assetTag",
                "-assetTag",
                "acquiredOn",
                "-acquiredOn",
                "siteCode",
                "-siteCode",
                "status,-acquiredOn",
                "-createdAt")) {
            for (String filter : List.of("", "&acquisition=PURCHASE")) {
                String query = "sort=" + sort + filter;
                List<String> whole = JsonPath.from(get("/api/v1/servers?size=200&page=0&" + query))
                        .getList("items.id");
                List<String> walked = new ArrayList<>();
                String next = "/api/v1/servers?size=4&" + query;
                int pages = 0;
                while (next != null) {
                    JsonPath page = JsonPath.from(get(next));
                    walked.addAll(page.getList("items.id"));
                    next = page.getString("next");
                    assertTrue(++pages <= 20, "no end to the pages of " + query);
                }
                assertEquals(whole, walked, query);
                assertEquals(filter.isEmpty() ? 37 : 19, walked.size(), query);
            }
        }
    }

    @Test
    void aTotalOnlyWhenAskedFor() {
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/servers?size=5")
                .then()
                .statusCode(200)
                .body("totalItems", nullValue())
                .body("page", nullValue());
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/servers?size=5&status=PLANNED&count=exact")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(8));
    }

    @Test
    void aCursorThatIsNotOneOfThisListsIsRefused() {
        String cursor =
                JsonPath.from(get("/api/v1/servers?size=3&sort=assetTag")).getString("nextCursor");
        String tampered = cursor.substring(0, cursor.length() - 2) + "zz";
        for (String query : List.of(
                "sort=-acquiredOn&cursor=" + cursor,
                "sort=assetTag&cursor=" + tampered,
                "sort=assetTag&cursor=x.y",
                "sort=assetTag&page=1&cursor=" + cursor,
                "count=approximately")) {
            given().auth()
                    .oauth2(firm)
                    .when()
                    .get("/api/v1/servers?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("title", containsString(""));
        }
    }

    private String get(String path) {
        return given().urlEncodingEnabled(false) // next is a link, already encoded
                .auth()
                .oauth2(firm)
                .when()
                .get(path)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .asString();
    }
}
