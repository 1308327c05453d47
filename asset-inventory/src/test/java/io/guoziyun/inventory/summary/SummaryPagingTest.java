package io.guoziyun.inventory.summary;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.inventory.Estate;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The summary pages by firm: the pages, followed by their Link headers, hold every firm of the whole summary once
 * and in order; a firm asking for a page gets itself and no link (no other firm's USCC in a cursor).
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
class SummaryPagingTest {

    @Test
    void thePagesHoldEveryFirmOnceAndAFirmOnlyItself() {
        String firm = TestTokens.firm(TestTokens.newFirm());
        for (int i = 0; i < 3; i++) {
            Estate.declareServer(
                    TestTokens.firm(TestTokens.newFirm()), Estate.server("S-1", null, "LEASE", "2020-01-01"));
        }
        Estate.declareServer(firm, Estate.server("S-1", null, "LEASE", "2020-01-01"));
        String regulator = TestTokens.regulator();
        List<String> whole = given().auth()
                .oauth2(regulator)
                .get("/api/v1/inventory-summary")
                .then()
                .statusCode(200)
                .extract()
                .path("firmId");
        List<String> paged = new ArrayList<>();
        String next = "/api/v1/inventory-summary?size=2";
        while (next != null) {
            Response page =
                    given().urlEncodingEnabled(false).auth().oauth2(regulator).get(next);
            assertEquals(200, page.statusCode());
            List<String> firms = page.path("firmId");
            assertTrue(firms.size() <= 2);
            paged.addAll(firms);
            String link = page.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        assertEquals(whole, paged);

        Response own = given().auth().oauth2(firm).get("/api/v1/inventory-summary?size=1");
        assertEquals(200, own.statusCode());
        assertEquals(1, own.<List<String>>path("firmId").size());
        assertNull(own.header("Link"));
    }
}
