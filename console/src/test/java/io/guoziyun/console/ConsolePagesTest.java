package io.guoziyun.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages against a stand-in gateway: what the API answers is what the page shows, a service that does not answer
 * is shown as unavailable (never as zeros), a refusal as its sentence, and only regulators and auditors enter.
 */
@QuarkusTest
@WithTestResource(StandInGateway.class)
class ConsolePagesTest {

    static final String MONTHS_CR = """
            [{"month": "2021-08", "asOf": "2021-08-31", "counts": {"CR-1": 0, "CR-3": 0}},
             {"month": "2021-09", "asOf": "2021-09-15", "counts": {"CR-1": 2, "CR-3": 1}}]""";
    static final String MONTHS_RUNNING = """
            [{"month": "2021-08", "asOf": "2021-08-31", "counts": {"thirdPartyContracts": 7}},
             {"month": "2021-09", "asOf": "2021-09-15", "counts": {"thirdPartyContracts": 9}}]""";
    static final String OVERVIEW = """
            {"asOf": "2021-09-15", "firmsFiling": 12, "complete": false,
             "contracts": {"service": "contract-registry", "status": "AVAILABLE", "openFindingsByRule": {"CR-3": 1},
                           "contractsOverdueForMigration": 1},
             "inventory": {"service": "asset-inventory", "status": "UNAVAILABLE"},
             "listingApplications": {"service": "listing-approval", "status": "AVAILABLE", "byStage": {}, "overdue": 0}}""";

    @BeforeEach
    void answers() {
        StandInGateway.ANSWERS.clear();
        StandInGateway.TOTALS.clear();
        StandInGateway.answer("/api/v1/overview", 200, OVERVIEW);
        StandInGateway.answer("/api/v1/contract-findings/monthly", 200, MONTHS_CR);
        StandInGateway.answer("/api/v1/contract-findings/third-party-contracts", 200, MONTHS_RUNNING);
        StandInGateway.answer("/api/v1/inventory-findings/monthly", 503, """
                {"title": "Service Unavailable", "status": 503, "detail": "asset-inventory is not answering"}""");
        StandInGateway.answer("/api/v1/contract-findings/overdue-firms", 200, """
                [{"firmId": "91120116MA003D0X04", "overdueContracts": 1, "maxDaysOverdue": 244,
                  "providers": ["huawei-cloud"]},
                 {"firmId": "91110108MA01B2C344", "overdueContracts": 3, "maxDaysOverdue": 12,
                  "providers": ["alibaba-cloud", "tencent-cloud"]}]""");
    }

    @Test
    @TestSecurity(user = "regulator1", roles = "regulator")
    void aServiceThatDoesNotAnswerIsShownAsUnavailableNotAsZero() {
        String page = given().when()
                .get("/dashboard?asOf=2021-09-15")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("asset-inventory is unavailable"))
                .body(containsString("asset-inventory unavailable"))
                .body(containsString("<dd id=\"contracts-overdue\">1</dd>"))
                .extract()
                .asString();
        String json = page.substring(
                page.indexOf("id=\"chart-data\">") + 16, page.indexOf("</script>", page.indexOf("id=\"chart-data\">")));
        assertTrue(json.contains("\"values\":[7,9]"), json); // third-party contracts
        assertTrue(json.contains("\"values\":[0,1]"), json); // CR-3
        assertTrue(json.contains("\"available\":false,\"values\":null"), json); // AI-1, AI-2: not zeros
        assertTrue(page.contains("<td class=\"num\">unavailable</td>"), "the table says so too");
        assertEquals("Bearer token-of-regulator1", StandInGateway.lastAuthorization, "the user's own token");
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void theOverdueTableIsSortedAndSlicedByTheApiAndDownloadsPageByPage() {
        StandInGateway.TOTALS.put("/api/v1/contract-findings/overdue-firms", 120L);
        StandInGateway.URIS.clear();
        given().get("/overdue?asOf=2022-10-01&sort=contracts&dir=desc&page=2")
                .then()
                .statusCode(200)
                .body(containsString("aria-sort=\"descending\""))
                .body(containsString("alibaba-cloud, tencent-cloud"))
                .body(containsString("120 firms overdue"))
                .body(containsString("Page 2 of 3"));
        assertEquals(
                "/api/v1/contract-findings/overdue-firms?asOf=2022-10-01&sort=-overdueContracts&offset=50&limit=50",
                StandInGateway.URIS.get(StandInGateway.URIS.size() - 1));
        given().get("/overdue?sort=nonsense").then().statusCode(200); // the default order: most days first
        assertTrue(StandInGateway.URIS.get(StandInGateway.URIS.size() - 1).contains("sort=-maxDaysOverdue&offset=0"));
        String csv = given().get("/overdue/csv?asOf=2022-10-01&sort=firm")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("overdue-firms-2022-10-01.csv"))
                .extract()
                .asString();
        assertEquals(
                List.of(
                        "firmId,overdueContracts,maxDaysOverdue,providers,asOf",
                        "91120116MA003D0X04,1,244,huawei-cloud,2022-10-01",
                        "91110108MA01B2C344,3,12,alibaba-cloud;tencent-cloud,2022-10-01"),
                List.of(csv.split("\r\n")));
        assertTrue(StandInGateway.URIS.get(StandInGateway.URIS.size() - 1).endsWith("sort=firmId&offset=0&limit=1000"));
        StandInGateway.answer("/api/v1/contract-findings/overdue-firms", 503, "{\"status\": 503}");
        given().get("/overdue/csv").then().statusCode(503).header("Retry-After", "5");
        given().get("/overdue").then().statusCode(200).body(containsString("contract-registry is unavailable"));
    }

    @Test
    @TestSecurity(user = "regulator1", roles = "regulator")
    void aRefusalOfTheApiIsShownAsItsSentenceWithItsStatus() {
        String id = "9a1d0c3e-0000-4000-8000-000000000001";
        StandInGateway.answer("/api/v1/listing-applications/" + id, 200, """
                {"id": "%s", "firmId": "91110108MA01B2C344", "stage": "INITIAL_REVIEW", "exchange": "NASDAQ",
                 "exchangeCountry": "US", "listingType": "IPO", "usersWithPersonalInfo": 2000000,
                 "deadline": {"stageDeadline": "2022-11-14", "workingDaysLeft": 2, "overdue": false},
                 "decision": {"pending": true, "outcome": "CLEARED", "proposedBy": "regulator1"},
                 "allowedActions": ["decision-confirmation", "withdrawal"], "version": 7}""".formatted(id));
        StandInGateway.answer("/api/v1/listing-applications/" + id + "/snapshots", 200, "[]");
        StandInGateway.answer("/api/v1/listing-applications/" + id + "/documents", 200, "[]");
        given().get("/applications/" + id)
                .then()
                .statusCode(200)
                .body(containsString("id=\"form-decision-confirmation\""))
                .body(not(containsString("id=\"form-decision-proposal\"")))
                .body(containsString("due soon")) // amber: within three working days
                .body(containsString("through the API: withdrawal"));
        StandInGateway.answer("/api/v1/listing-applications/" + id + "/decision-confirmation", 403, """
                {"title": "Forbidden", "status": 403,
                 "detail": "Four eyes: regulator1 proposed this decision and cannot confirm it; another regulator must"}""");
        // A form without the session's CSRF token is refused before anything is sent.
        given().contentType(ContentType.URLENC)
                .formParam("reason", "agree")
                .when()
                .post("/applications/" + id + "/decision-confirmation")
                .then()
                .statusCode(400);
        var page = given().get("/applications/" + id).then().extract();
        String html = page.asString();
        int at = html.indexOf("name=\"csrf-token\" value=\"") + "name=\"csrf-token\" value=\"".length();
        String token = html.substring(at, html.indexOf('"', at));
        given().contentType(ContentType.URLENC)
                .cookie("console-csrf", page.cookie("console-csrf"))
                .formParam("csrf-token", token)
                .formParam("asOf", "2022-11-10")
                .formParam("etag", "\"7\"")
                .formParam("reason", "agree")
                .when()
                .post("/applications/" + id + "/decision-confirmation")
                .then()
                .statusCode(403)
                .body(containsString("Not permitted: Four eyes: regulator1 proposed this decision"))
                .body(not(containsString("\"detail\"")));
        assertEquals("{\"reason\":\"agree\"}", StandInGateway.lastBody);
        assertEquals("\"7\"", StandInGateway.lastIfMatch, "the ETag the page was rendered with");
    }

    @Test
    @TestSecurity(user = "firm-a-staff", roles = "firm")
    void aFirmsIdentityGetsTheRefusalPageAndNoData() {
        for (String path : List.of("/dashboard", "/overdue", "/queue")) {
            given().get(path)
                    .then()
                    .statusCode(403)
                    .contentType(ContentType.HTML)
                    .body(containsString("for regulators and auditors"))
                    .body(not(containsString("91120116MA003D0X04")));
        }
    }
}
