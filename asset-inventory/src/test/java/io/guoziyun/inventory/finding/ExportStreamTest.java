package io.guoziyun.inventory.finding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * The findings export streams: no length known in advance (chunked), the header first, every row once, in the
 * order of an index (firm, newest first); and a bad filter is a 400 before any byte of CSV.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
class ExportStreamTest {

    private static final int ROWS = 30_000;

    @Inject
    AgroalDataSource db;

    @Test
    void aLargeExportStreamsEveryRowOnce() throws Exception {
        String firm = TestTokens.newFirm();
        update(
                "INSERT INTO inventory_finding (id, firm_id, rule, severity, subject_type, subject_id, detected_on,"
                        + " inputs, evaluated_at) SELECT gen_random_uuid(), ?, 'AI-2', 'CRITICAL', 'server',"
                        + " gen_random_uuid(), date '2021-08-12' + (g % 500), '{}', now() FROM generate_series(1, "
                        + ROWS + ") g",
                firm);
        try {
            Response response = given().auth()
                    .oauth2(TestTokens.regulator())
                    .when()
                    .get("/api/v1/inventory-findings/export?asOf=2030-01-01&firmId=" + firm);
            assertEquals(200, response.statusCode());
            assertNull(response.header("Content-Length"), "streamed, not built first");
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.asInputStream(), StandardCharsets.UTF_8))) {
                assertTrue(lines.readLine().startsWith("id,rule,severity,firmId"));
                int rows = 0;
                String previous = "9999-12-31";
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String detected = line.split(",", -1)[8];
                    assertTrue(detected.compareTo(previous) <= 0, "newest first: " + detected + " after " + previous);
                    previous = detected;
                    rows++;
                }
                assertEquals(ROWS, rows);
            }
        } finally {
            update("DELETE FROM inventory_finding WHERE firm_id = ?", firm);
        }
    }

    @Test
    void aBadFilterIsRefusedBeforeTheFirstByte() {
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/inventory-findings/export?rule=CR-1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private void update(String sql, String firm) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, firm);
            p.executeUpdate();
        }
    }
}
