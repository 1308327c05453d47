package io.guoziyun.contracts.finding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.contracts.Filings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
class FindingResourceTest {

    private final String uscc = TestTokens.newFirm();
    private final String firm = TestTokens.firm(uscc);

    private io.restassured.response.ValidatableResponse findings(String token, String query) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/contract-findings?" + query)
                .then()
                .statusCode(200);
    }

    @Test
    void findingsFollowTheDirectiveForAnyAsOfDate() {
        String id = Filings.file(firm, "alibaba-cloud", "2021-08-12", "2021-12-31");

        findings(firm, "asOf=2021-08-11").body("items", hasSize(0));
        findings(firm, "asOf=2021-08-12&sort=rule")
                .body("items.rule", equalTo(List.of("CR-1", "CR-4")))
                .body("items[0].severity", equalTo("CRITICAL"))
                .body("items[0].firmId", equalTo(uscc))
                .body("items[0].subjectId", equalTo(id))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].inputs.signedOn", equalTo("2021-08-12"))
                .body("items[1].severity", equalTo("WARNING"));
        // 2021-12-31 + 2 months = 2022-02-28: overdue from 1 March.
        findings(firm, "rule=CR-3&asOf=2022-02-28").body("items", hasSize(0));
        findings(firm, "rule=CR-3&asOf=2022-03-01")
                .body("items", hasSize(1))
                .body("items[0].deadline", equalTo("2022-02-28"))
                .body("items[0].detectedOn", equalTo("2022-03-01"))
                .body("items[0].daysOverdue", equalTo(1));
        findings(firm, "rule=CR-3&asOf=2022-10-01").body("items[0].daysOverdue", equalTo(215));

        String plan = Filings.plan(firm, id, "2022-04-30");
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"completedOn\": \"2022-04-10\", \"evidence\": \"Report M-1\"}")
                .when()
                .post(plan + "/completion")
                .then()
                .statusCode(200);

        findings(firm, "rule=CR-3&asOf=2022-04-09")
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].resolvedOn", nullValue())
                .body("items[0].daysOverdue", equalTo(40));
        findings(firm, "rule=CR-3&asOf=2022-04-10")
                .body("items[0].status", equalTo("RESOLVED"))
                .body("items[0].resolvedOn", equalTo("2022-04-10"))
                .body("items[0].daysOverdue", equalTo(41));
        findings(firm, "status=OPEN&asOf=2022-04-10").body("items", hasSize(0));
        findings(firm, "status=RESOLVED&asOf=2022-04-10").body("items.rule", hasItem("CR-3"));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contracts/" + id)
                .then()
                .body("status", equalTo("MIGRATED"))
                .body("migrationDeadline", equalTo("2022-02-28"));
    }

    @Test
    void aRegulatorSeesEveryFirmAndFiltersByFirmRuleAndSeverity() {
        String other = TestTokens.newFirm();
        Filings.file(firm, "alibaba-cloud", "2021-09-01", "2022-12-31");
        Filings.file(TestTokens.firm(other), "tencent-cloud", "2021-09-01", "2022-12-31");
        String regulator = TestTokens.regulator();
        findings(regulator, "asOf=2022-01-01&size=200&firmId=" + uscc)
                .body("items.firmId", everyItemIs(uscc))
                .body("items", hasSize(2));
        findings(regulator, "asOf=2022-01-01&severity=WARNING&firmId=" + other)
                .body("items.rule", equalTo(List.of("CR-4")));
        findings(TestTokens.auditor(), "asOf=2022-01-01&rule=CR-1&firmId=" + other)
                .body("items", hasSize(1));
        // A firm's own filter for another firm finds nothing: scoping, not the filter, decides.
        findings(firm, "asOf=2022-01-01&firmId=" + other).body("items", hasSize(0));
        given().auth()
                .oauth2(regulator)
                .when()
                .get("/api/v1/contract-findings?rule=CR-9")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(regulator)
                .when()
                .get("/api/v1/contract-findings?asOf=2022-13-01")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void oneCallNamesTheFirmsStillOverdueAndByHowManyDays() {
        Filings.file(firm, "alibaba-cloud", "2019-01-01", "2022-06-30"); // deadline 2022-08-30
        Filings.file(firm, "huawei-cloud", "2019-01-01", null); // deadline 2022-09-30
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/contract-findings/overdue-firms?asOf=2022-10-01")
                .then()
                .statusCode(200)
                .body("find { it.firmId == '%s' }.overdueContracts".formatted(uscc), equalTo(2))
                .body("find { it.firmId == '%s' }.maxDaysOverdue".formatted(uscc), equalTo(32))
                .body(
                        "find { it.firmId == '%s' }.providers".formatted(uscc),
                        equalTo(List.of("alibaba-cloud", "huawei-cloud")));
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/contract-findings/overdue-firms?asOf=2022-08-30")
                .then()
                .body("firmId", not(hasItem(uscc)));

        // A slice in another order: the rows of the whole list, sorted so, and the whole list's size.
        List<String> all = given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/contract-findings/overdue-firms?asOf=2022-10-01")
                .then()
                .extract()
                .path("firmId");
        List<String> byFirm =
                all.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/contract-findings/overdue-firms?asOf=2022-10-01&sort=-firmId&offset=1&limit=2")
                .then()
                .statusCode(200)
                .header("X-Total-Count", String.valueOf(all.size()))
                .body("firmId", equalTo(byFirm.subList(1, Math.min(3, byFirm.size()))));
        for (String bad : List.of("sort=name", "limit=0", "offset=-1", "limit=1001")) {
            given().auth()
                    .oauth2(TestTokens.regulator())
                    .when()
                    .get("/api/v1/contract-findings/overdue-firms?" + bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void regulatorsExportCsvAndFirmsCannot() {
        Filings.file(firm, "alibaba-cloud", "2021-09-01", "2022-12-31");
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/contract-findings/export?asOf=2022-01-01&firmId=" + uscc)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("id,rule,severity,firmId"))
                .body(containsString(",CR-1,CRITICAL," + uscc + ","));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contract-findings/export")
                .then()
                .statusCode(403);
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void theOverviewCountsOpenFindingsByRuleAndTheFirmsFiling() {
        String path = "/api/v1/contract-findings/statistics?asOf=2022-10-01";
        Integer before = given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .path("openByRule.CR-3");
        Filings.file(firm, "alibaba-cloud", "2019-01-01", "2022-06-30");
        given().auth()
                .oauth2(TestTokens.auditor())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("firms", hasItem(uscc))
                .body("openByRule.CR-3", equalTo((before == null ? 0 : before) + 1));
        given().auth().oauth2(firm).when().get(path).then().statusCode(403);
    }
}
