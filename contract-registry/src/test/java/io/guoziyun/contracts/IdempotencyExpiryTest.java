package io.guoziyun.contracts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.guoziyun.commons.idempotency.ExpiredKeyPurge;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
class IdempotencyExpiryTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ExpiredKeyPurge purge;

    private String post(String token, String key, String body) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void expire(String key) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement p = c.prepareStatement(
                        "UPDATE idempotency_record SET expires_at = now() - interval '1 second' WHERE key = ?")) {
            p.setString(1, key);
            assertEquals(1, p.executeUpdate());
        }
    }

    @Test
    void anExpiredKeyActsAgainAndThePurgeRemovesExpiredKeys() throws SQLException {
        String firm = TestTokens.firm(TestTokens.newFirm());
        String key = UUID.randomUUID().toString();
        String first = post(firm, key, Filings.contract(Filings.reference(), "alibaba-cloud", "2020-01-01", null));
        expire(key);
        // Past its expiry the key is free again: a new request with it acts instead of being refused with 422.
        String second = post(firm, key, Filings.contract(Filings.reference(), "alibaba-cloud", "2020-01-01", null));
        assertNotEquals(first, second);

        String old = UUID.randomUUID().toString();
        post(firm, old, Filings.contract(Filings.reference(), "alibaba-cloud", "2020-01-01", null));
        expire(old);
        assertTrue(purge.purge() >= 1);
    }
}
