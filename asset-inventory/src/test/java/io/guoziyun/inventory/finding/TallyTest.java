package io.guoziyun.inventory.finding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.finding.FindingTally;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The statistics' counts are kept on write (ADR 0010), not recounted: for every date they equal a count of the
 * findings themselves, and each month of the monthly series equals them on its last day — after findings are made, after some are resolved, and after the tally is folded — and the
 * firms that filed include one that filed only now.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
class TallyTest {

    private static final String HEADER = "assetTag,serial,hostname,vendor,model,siteCode,acquisition,acquiredOn,status";

    @Inject
    FindingTally tally;

    @Inject
    EntityManager em;

    private final String regulator = TestTokens.regulator();

    @Test
    void theKeptCountsEqualTheFindingsOnEveryDateAfterEveryChange() throws InterruptedException {
        String uscc = TestTokens.newFirm();
        String firm = TestTokens.firm(uscc);
        String[] bought = {"2021-08-01", "2021-08-12", "2021-08-12", "2021-12-31", "2022-06-30", "2023-01-02"};
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < bought.length; i++) {
            csv.append("T-%d,,,,,,PURCHASE,%s,ACTIVE\n".formatted(i, bought[i]));
        }
        importCsv(firm, "", csv.toString());
        assertSame("after the purchases");
        assertTrue(
                JsonPath.from(statistics(ChinaTime.today())).getList("firms").contains(uscc),
                "a firm that filed just now is among the firms");

        Map<LocalDate, Long> before = new java.util.TreeMap<>();
        for (LocalDate day : days()) {
            before.put(day, open(day));
        }
        // Three servers are decommissioned today: their findings are resolved today, the past stays as it was.
        for (String tag : List.of("T-1", "T-2", "T-3")) {
            String id = JsonPath.from(given().auth()
                            .oauth2(firm)
                            .when()
                            .get("/api/v1/servers?assetTag=" + tag)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .getString("items[0].id");
            given().auth()
                    .oauth2(firm)
                    .contentType("application/json")
                    .body("{\"status\": \"DECOMMISSIONED\", \"on\": \"%s\", \"evidence\": \"wiped and scrapped\"}"
                            .formatted(ChinaTime.today()))
                    .when()
                    .post("/api/v1/servers/" + id + "/status")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200);
        }
        assertSame("after the decommissioning");
        assertEquals(before.get(ChinaTime.today()) - 3, open(ChinaTime.today()), "three resolved today");
        // The summary's server counts come from the server tally: the status changes moved three servers.
        JsonPath summary = JsonPath.from(given().auth()
                .oauth2(regulator)
                .when()
                .get("/api/v1/inventory-summary?firmId=" + uscc)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(Map.of("ACTIVE", 3, "DECOMMISSIONED", 3), summary.getMap("[0].serversByStatus"));
        assertEquals(Map.of("PURCHASE", 6), summary.getMap("[0].serversByAcquisition"));
        for (LocalDate day : days()) {
            if (day.isBefore(ChinaTime.today())) {
                assertEquals(before.get(day), open(day), "the past is unchanged on " + day);
            }
        }

        long vacuumed = vacuums();
        tally.fold();
        assertSame("after the fold");
        // The fold cleans up after itself, autovacuum or not (this machine's PostgreSQL runs without it).
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (vacuums() == vacuumed && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(vacuums() > vacuumed, "the tally vacuumed after the fold");
        long rows = ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT count(*) FROM finding_tally")
                                .getSingleResult()))
                .longValue();
        long days = ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT count(DISTINCT (rule, day)) FROM finding_tally")
                                .getSingleResult()))
                .longValue();
        assertEquals(days, rows, "one row per rule and day after the fold");
    }

    /** How often the tally was vacuumed by hand (statistics reach pg_stat within a second or so). */
    private long vacuums() {
        return ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery(
                                        "SELECT vacuum_count + autovacuum_count FROM pg_stat_user_tables"
                                                + " WHERE relid = to_regclass('finding_tally')")
                                .getSingleResult()))
                .longValue();
    }

    private static List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2021, 8, 1); d.isBefore(LocalDate.of(2023, 2, 1)); d = d.plusDays(29)) {
            days.add(d);
        }
        days.add(LocalDate.of(2021, 8, 12));
        days.add(ChinaTime.today());
        return days;
    }

    private void assertSame(String when) {
        // The console's chart: each month's counts are the statistics of the month's last day (asOf: today).
        JsonPath monthly = JsonPath.from(given().auth()
                .oauth2(regulator)
                .when()
                .get("/api/v1/inventory-findings/monthly")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<Map<String, Object>> months = monthly.getList("$");
        assertEquals("2021-08", months.get(0).get("month"), when);
        assertEquals(ChinaTime.today().toString(), months.get(months.size() - 1).get("asOf"), when);
        for (Map<String, Object> month : months) {
            Map<String, Object> byRule = JsonPath.from(statistics(LocalDate.parse((String) month.get("asOf"))))
                    .getMap("openByRule");
            for (String rule : List.of("AI-1", "AI-2")) {
                Object kept = byRule.get(rule);
                assertEquals(
                        kept == null ? 0L : ((Number) kept).longValue(),
                        ((Number) ((Map<?, ?>) month.get("counts")).get(rule)).longValue(),
                        rule + " in " + month.get("month") + ", " + when);
            }
        }
        for (LocalDate day : days()) {
            Map<String, Object> byRule = JsonPath.from(statistics(day)).getMap("openByRule");
            for (String rule : List.of("AI-1", "AI-2")) {
                long counted = JsonPath.from(given().auth()
                                .oauth2(regulator)
                                .when()
                                .get("/api/v1/inventory-findings?status=OPEN&size=1&count=exact&rule=" + rule + "&asOf="
                                        + day)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .getLong("totalItems");
                Object kept = byRule.get(rule);
                assertEquals(
                        counted, kept == null ? 0L : ((Number) kept).longValue(), rule + " on " + day + ", " + when);
            }
        }
    }

    private long open(LocalDate day) {
        Object kept = JsonPath.from(statistics(day)).getMap("openByRule").get("AI-2");
        return kept == null ? 0 : ((Number) kept).longValue();
    }

    private String statistics(LocalDate day) {
        return given().auth()
                .oauth2(regulator)
                .when()
                .get("/api/v1/inventory-findings/statistics?asOf=" + day)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static void importCsv(String firm, String query, String csv) {
        given().auth()
                .oauth2(firm)
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/v1/servers/import" + query)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
    }
}
