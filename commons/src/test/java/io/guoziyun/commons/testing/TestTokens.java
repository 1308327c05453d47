package io.guoziyun.commons.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;

/** Signed access tokens shaped like Keycloak's for realm {@code guoziyun}, for {@code @QuarkusTest}s. */
public final class TestTokens {

    public static final String AUDIENCE = "guoziyun-api";
    /** Valid USCCs (GB 32100-2015) of the two demo firms. */
    public static final String FIRM_A = "91110108MA01B2C344";

    public static final String FIRM_B = "91310115MA1K00007Q";

    private static final String KEY = "oidc/test-private.pem";

    private TestTokens() {}

    /** A fresh valid USCC, so that a test's records never meet another test's. */
    public static String newFirm() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        java.util.Random random = new java.util.Random();
        StringBuilder code = new StringBuilder("91120000");
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return io.guoziyun.commons.firm.Uscc.withCheckCharacter(code.toString());
    }

    public static String firm(String uscc) {
        return claims("service-account-" + uscc, "firm").claim("firm_id", uscc).sign(KEY);
    }

    public static String regulator() {
        return regulator("regulator1");
    }

    /** A regulator by name: four-eyes steps need two different ones. */
    public static String regulator(String username) {
        return claims(username, "regulator").sign(KEY);
    }

    /**
     * A person whose username and token {@code sub} differ, as in Keycloak (where {@code sub} is a UUID): four eyes
     * compares the {@code sub}, so a renamed or reused username neither passes nor blocks.
     */
    public static String person(String username, String sub, String role) {
        return Jwt.issuer(TestOidc.ISSUER)
                .audience(AUDIENCE)
                .subject(sub)
                .preferredUserName(username)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(300)
                .sign(KEY);
    }

    /** A person logged in through an OAuth client ({@code azp}), as Keycloak issues it to the Swagger UI's users. */
    public static String loggedInThrough(String username, String role, String azp) {
        return claims(username, role).claim("azp", azp).sign(KEY);
    }

    /** A token with a firm role and a regulator role at once: refused everywhere. */
    public static String mixed(String uscc) {
        return Jwt.issuer(TestOidc.ISSUER)
                .audience(AUDIENCE)
                .subject("mixed-" + uscc)
                .preferredUserName("mixed-" + uscc)
                .claim("firm_id", uscc)
                .claim("realm_access", Map.of("roles", List.of("firm", "regulator")))
                .expiresIn(300)
                .sign(KEY);
    }

    public static String auditor() {
        return claims("auditor1", "auditor").sign(KEY);
    }

    /** A firm token whose firm_id fails the check character. */
    public static String firmWithInvalidUscc() {
        return claims("service-account-bad", "firm")
                .claim("firm_id", "91110108MA01B2C345")
                .sign(KEY);
    }

    public static String expired(String uscc) {
        long past = System.currentTimeMillis() / 1000 - 3600;
        return claims("service-account-" + uscc, "firm")
                .claim("firm_id", uscc)
                .issuedAt(past - 300)
                .expiresAt(past)
                .sign(KEY);
    }

    public static String wrongAudience(String uscc) {
        return claims("service-account-" + uscc, "firm")
                .audience("some-other-api")
                .claim("firm_id", uscc)
                .sign(KEY);
    }

    public static String wrongIssuer(String uscc) {
        return claims("service-account-" + uscc, "firm")
                .issuer("https://elsewhere.invalid/realms/guoziyun")
                .claim("firm_id", uscc)
                .sign(KEY);
    }

    /** Shaped right, signed with a key the service does not trust. */
    public static String foreignSigned(String uscc) {
        return claims("service-account-" + uscc, "firm").claim("firm_id", uscc).sign("oidc/foreign-private.pem");
    }

    private static JwtClaimsBuilder claims(String username, String role) {
        return Jwt.issuer(TestOidc.ISSUER)
                .audience(AUDIENCE)
                .subject(username)
                .preferredUserName(username)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(300);
    }
}
