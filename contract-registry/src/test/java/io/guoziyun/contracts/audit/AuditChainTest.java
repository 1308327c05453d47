package io.guoziyun.contracts.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.contracts.Filings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
class AuditChainTest {

    @Inject
    AgroalDataSource db;

    @Test
    void everyChangeIsAuditedWithActorFirmAndRequestId() {
        String uscc = TestTokens.newFirm();
        String id = given().auth()
                .oauth2(TestTokens.firm(uscc))
                .header("X-Request-Id", "audit-test-42")
                .contentType("application/json")
                .body(Filings.contract(Filings.reference(), "alibaba-cloud", "2020-01-01", "2022-12-31"))
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(201)
                .header("X-Request-Id", "audit-test-42")
                .extract()
                .path("id");
        int seq = given().auth()
                .oauth2(TestTokens.auditor())
                .when()
                .get("/api/v1/contract-audit?subjectType=contract&subjectId=" + id)
                .then()
                .statusCode(200)
                .body("action", equalTo(java.util.List.of("contract.registered")))
                .body("[0].firmId", equalTo(uscc))
                .body("[0].actor", equalTo("service-account-" + uscc))
                .body("[0].requestId", equalTo("audit-test-42"))
                .body("[0].hash", notNullValue())
                .extract()
                .path("[0].seq");
        // Either filter alone works too (the subject id alone was a 500 once).
        for (String filter : new String[] {"subjectId=" + id, "subjectType=contract&after=" + (seq - 1) + "&limit=1"}) {
            given().auth()
                    .oauth2(TestTokens.auditor())
                    .when()
                    .get("/api/v1/contract-audit?" + filter)
                    .then()
                    .statusCode(200)
                    .body(
                            "findAll { it.subjectId == '" + id + "' }.action",
                            equalTo(java.util.List.of("contract.registered")));
        }
        // One firm's trail: its entries only, in chain order (the console's firm page).
        Filings.file(TestTokens.firm(TestTokens.newFirm()), "alibaba-cloud", "2020-01-01", "2022-12-31");
        given().auth()
                .oauth2(TestTokens.auditor())
                .when()
                .get("/api/v1/contract-audit?firmId=" + uscc)
                .then()
                .statusCode(200)
                .body("firmId", equalTo(java.util.List.of(uscc)))
                .body("subjectId", equalTo(java.util.List.of(id)));
        given().auth()
                .oauth2(TestTokens.auditor())
                .when()
                .get("/api/v1/contract-audit?firmId=not-a-firm")
                .then()
                .statusCode(400);
    }

    @Test
    void firmsCannotReadTheLog() {
        given().auth()
                .oauth2(TestTokens.firm(TestTokens.FIRM_A))
                .when()
                .get("/api/v1/contract-audit")
                .then()
                .statusCode(403);
    }

    @Test
    void theChainVerifiesAndNamesTheFirstAlteredEntry() throws SQLException {
        Filings.file(TestTokens.firm(TestTokens.newFirm()), "alibaba-cloud", "2020-01-01", "2022-12-31");
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/contract-audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("entriesChecked", greaterThan(0));

        try (Connection c = db.getConnection()) {
            // The table refuses changes, even from the service's own connection.
            assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE audit_entry SET actor = 'nobody' WHERE seq = 1");
                }
            });
            long seq;
            String original;
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT seq, after FROM audit_entry ORDER BY seq DESC LIMIT 1")) {
                r.next();
                seq = r.getLong(1);
                original = r.getString(2);
            }
            tamper(c, seq, original.replace("alibaba-cloud", "guoziyun"));
            try {
                given().auth()
                        .oauth2(TestTokens.auditor())
                        .when()
                        .get("/api/v1/contract-audit/verify")
                        .then()
                        .statusCode(200)
                        .body("valid", equalTo(false))
                        .body("firstBrokenSeq", equalTo((int) seq))
                        .body("reason", notNullValue());
            } finally {
                tamper(c, seq, original);
            }
        }
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/contract-audit/verify")
                .then()
                .body("valid", equalTo(true));
    }

    /** What an intruder with superuser rights could do: switch the guard off, rewrite a row, switch it on. */
    private static void tamper(Connection c, long seq, String after) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change");
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE audit_entry SET after = ? WHERE seq = ?")) {
            p.setString(1, after);
            p.setLong(2, seq);
            p.executeUpdate();
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change");
            }
        }
    }

    @Test
    void theLogListsInChainOrder() {
        Filings.file(TestTokens.firm(TestTokens.newFirm()), "alibaba-cloud", "2020-01-01", "2022-12-31");
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/contract-audit?limit=5")
                .then()
                .statusCode(200)
                .body("seq", hasItem(1));
    }
}
