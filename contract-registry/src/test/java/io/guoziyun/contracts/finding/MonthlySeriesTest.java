package io.guoziyun.contracts.finding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.contracts.Filings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's chart: counts at each month's end, from the directive's month, in one call per series. */
@QuarkusTest
@WithTestResource(TestOidc.class)
class MonthlySeriesTest {

    private final String regulator = TestTokens.regulator();

    private JsonPath series(String path, String asOf) {
        return given().auth()
                .oauth2(regulator)
                .when()
                .get("/api/v1/contract-findings/" + path + "?asOf=" + asOf)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static long count(JsonPath months, int index, String series) {
        Map<String, Number> counts = months.getMap("[" + index + "].counts");
        return counts.get(series).longValue();
    }

    @Test
    void aContractCountsFromItsStartUntilItIsTerminatedAndItsFindingsWhileOpen() {
        String firm = TestTokens.firm(TestTokens.newFirm());
        JsonPath runningBefore = series("third-party-contracts", "2022-12-15");
        JsonPath openBefore = series("monthly", "2022-12-15");

        // Signed 2021-09-20, ends 2021-12-31: CR-1 from 2021-09-20, CR-3 from 2022-03-01 (two months' grace);
        // terminated 2022-05-10, which ends both.
        String id = Filings.file(firm, "alibaba-cloud", "2021-09-20", "2021-12-31");
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"terminatedOn\": \"2022-05-10\", \"reason\": \"Moved\", \"evidence\": \"Notice T-1\"}")
                .when()
                .post("/api/v1/contracts/" + id + "/termination")
                .then()
                .statusCode(200);

        JsonPath running = series("third-party-contracts", "2022-12-15");
        JsonPath open = series("monthly", "2022-12-15");
        List<String> months = running.getList("month");
        assertEquals(17, months.size()); // 2021-08 .. 2022-12
        assertEquals("2021-08", months.get(0));
        assertEquals("2021-08-31", running.getString("[0].asOf"));
        assertEquals("2022-12-15", running.getString("[16].asOf")); // asOf in its own month
        assertEquals(open.getList("month"), months);
        for (int i = 0; i < months.size(); i++) {
            String month = months.get(i);
            boolean runs = month.compareTo("2021-09") >= 0 && month.compareTo("2022-05") < 0;
            boolean overdue = month.compareTo("2022-03") >= 0 && month.compareTo("2022-05") < 0;
            assertEquals(
                    runs ? 1 : 0,
                    count(running, i, "thirdPartyContracts") - count(runningBefore, i, "thirdPartyContracts"),
                    month);
            assertEquals(runs ? 1 : 0, count(open, i, "CR-1") - count(openBefore, i, "CR-1"), month);
            assertEquals(overdue ? 1 : 0, count(open, i, "CR-3") - count(openBefore, i, "CR-3"), month);
        }
        // Each month's open findings are what the statistics answer for its last day.
        for (int i : new int[] {0, 7, 9, 16}) {
            Map<String, Number> stats = given().auth()
                    .oauth2(regulator)
                    .when()
                    .get("/api/v1/contract-findings/statistics?asOf=" + open.getString("[" + i + "].asOf"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("openByRule");
            for (String rule : List.of("CR-1", "CR-2", "CR-3", "CR-4")) {
                long expected = stats.containsKey(rule) ? stats.get(rule).longValue() : 0;
                assertEquals(expected, count(open, i, rule), rule + " in " + months.get(i));
            }
        }
    }

    @Test
    void onlyRegulatorsAndAuditorsReadTheSeriesAndAnAsOfBeforeTheDirectiveHasNoMonths() {
        String firm = TestTokens.firm(TestTokens.newFirm());
        for (String path : List.of("monthly", "third-party-contracts")) {
            given().auth()
                    .oauth2(firm)
                    .when()
                    .get("/api/v1/contract-findings/" + path)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.auditor())
                    .when()
                    .get("/api/v1/contract-findings/" + path + "?asOf=2021-07-31")
                    .then()
                    .statusCode(200)
                    .body("size()", org.hamcrest.Matchers.equalTo(0));
            given().auth()
                    .oauth2(regulator)
                    .when()
                    .get("/api/v1/contract-findings/" + path + "?asOf=2022-02-30")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
