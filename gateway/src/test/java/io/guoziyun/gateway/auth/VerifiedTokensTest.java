package io.guoziyun.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;
    private final VerifiedTokens tokens = new VerifiedTokens(16L * 1024 * 1024);
    private final SecurityIdentity firm =
            QuarkusSecurityIdentity.builder().setPrincipal(() -> "firm").build();

    @Test
    void aTokenIsRememberedForAMinuteAtMost() {
        tokens.remember("t", firm, NOW + 300_000, NOW);
        assertSame(firm, tokens.recall("t", NOW + 59_999));
        assertNull(tokens.recall("t", NOW + 60_000), "after a minute the token is verified again");
        assertNull(tokens.recall("other", NOW));
        assertEquals(1, tokens.hits());
    }

    @Test
    void onlyTheWholeTokenIsRecalled() {
        String signature = "S".repeat(86);
        tokens.remember("header.claims-of-firm-a." + signature, firm, NOW + 300_000, NOW);
        assertNull(tokens.recall("header.claims-of-firm-b." + signature, NOW), "same signature, other claims");
        assertNull(tokens.recall(signature, NOW));
        assertSame(firm, tokens.recall("header.claims-of-firm-a." + signature, NOW));
    }

    @Test
    void neverPastTheTokensOwnExpiry() {
        tokens.remember("t", firm, NOW + 10_000, NOW);
        assertSame(firm, tokens.recall("t", NOW + 9_999));
        assertNull(tokens.recall("t", NOW + 10_000));
    }

    @Test
    void aTokenVerifiedAgainAfterItsMinuteIsRememberedAgain() {
        // A client keeps its five-minute token: each minute one request is verified in full, the rest come from here.
        tokens.remember("t", firm, NOW + 300_000, NOW);
        assertNull(tokens.recall("t", NOW + 61_000));
        tokens.remember("t", firm, NOW + 300_000, NOW + 61_000);
        assertSame(firm, tokens.recall("t", NOW + 62_000));
    }

    @Test
    void itIsBoundedByWeightNotByCount() {
        VerifiedTokens small = new VerifiedTokens(1024L * 1024);
        String padding = "x".repeat(800);
        for (int i = 0; i < 5_000; i++) {
            small.remember(padding + i, firm, NOW + 300_000, NOW);
        }
        assertTrue(small.weighedBytes() <= 1024L * 1024, "within its weight: " + small.weighedBytes());
        assertTrue(small.weighedBytes() > 512L * 1024, "and it does keep entries: " + small.weighedBytes());
    }

    @Test
    void peopleAreKeyedByTheirSubAndFirmsByTheirFirm() {
        assertEquals("anonymous", VerifiedTokens.client(firm));
    }
}
