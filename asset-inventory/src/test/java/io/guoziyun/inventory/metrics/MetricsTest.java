package io.guoziyun.inventory.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.finding.DailyReevaluation;
import io.guoziyun.commons.finding.FindingTally;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.inventory.Estate;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus scrapes from the management interface: the JVM, HTTP server and pool metrics, and the suite's own
 * — filings accepted and refused by operation, findings detected and resolved by rule, the daily job's progress.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
class MetricsTest {

    @TestHTTPResource(value = "/", management = true) // the management root is /q
    URL management;

    @Inject
    DailyReevaluation daily;

    @Inject
    FindingTally tally;

    @Test
    void theManagementInterfaceExportsTheSuitesFiguresBesideTheRuntimes() {
        double accepted = value("guoziyun_filings_total{outcome=\"accepted\",type=\"declareSite\"}");
        double refused = value("guoziyun_filings_total{outcome=\"refused\",type=\"declareSite\"}");
        double jobSubjects = value("guoziyun_job_subjects_total{job=\"" + DailyReevaluation.JOB + "\"}");

        String firm = TestTokens.firm(TestTokens.newFirm());
        Estate.declareSite(firm, Estate.site(Estate.code(), "UNDER_CONSTRUCTION", "2022-02-01", null));
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"code\": \"\"}")
                .post("/api/v1/sites")
                .then()
                .statusCode(400);
        Estate.declareServer(firm, Estate.server("M-1", null, "PURCHASE", "2022-03-01"));
        assertTrue(daily.reevaluate(LocalDate.of(2001, 3, 4)));
        tally.fold();

        assertTrue(value("guoziyun_filings_total{outcome=\"accepted\",type=\"declareSite\"}") >= accepted + 1);
        assertTrue(value("guoziyun_filings_total{outcome=\"refused\",type=\"declareSite\"}") >= refused + 1);
        assertTrue(value("guoziyun_filings_total{outcome=\"accepted\",type=\"declareServer\"}") >= 1);
        assertTrue(value("guoziyun_job_subjects_total{job=\"" + DailyReevaluation.JOB + "\"}") >= jobSubjects + 2);
        assertTrue(value("guoziyun_job_runs_seconds_count{job=\"" + DailyReevaluation.JOB + "\"}") >= 1);
        assertTrue(value("guoziyun_findings_detected{rule=\"AI-2\"}") >= 1, "AI-2 findings detected");
        assertTrue(value("guoziyun_findings_detected{rule=\"AI-1\"}") >= 1, "AI-1 findings detected");
        String all = metrics();
        for (String runtime : new String[] {"jvm_memory_used_bytes", "http_server_requests_seconds_count", "agroal_"}) {
            assertTrue(all.contains(runtime), runtime + " exported");
        }
    }

    private String metrics() {
        return given().when()
                .get(management.toString().replaceAll("/+$", "") + "/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The sample's value; 0 when it is not (yet) exported. */
    private double value(String sample) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
