package io.guoziyun.commons.firm;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: a firm (by its USCC from the token's {@code firm_id} claim), a regulator or an auditor. */
@RequestScoped
public class Caller {

    public static final String FIRM_CLAIM = "firm_id";

    private final SecurityIdentity identity;
    private boolean system;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * Marks the current (activated) request context as the service's own work, e.g. seeding at start or the daily
     * re-evaluation: it sees every firm, like a regulator. Never reachable from an HTTP request.
     */
    public void actAsSystem() {
        system = true;
    }

    /** Regulators, auditors and the service's own jobs see every firm's records. */
    public boolean seesAllFirms() {
        return system
                || (!identity.isAnonymous() && (identity.hasRole(Roles.REGULATOR) || identity.hasRole(Roles.AUDITOR)));
    }

    public boolean isFirm() {
        return !identity.isAnonymous() && identity.hasRole(Roles.FIRM);
    }

    /**
     * The calling firm's USCC. A firm token whose {@code firm_id} is missing or fails the GB 32100-2015 check is
     * refused: records must never be filed under a code that cannot exist.
     */
    public Optional<String> firmId() {
        if (!isFirm()) {
            return Optional.empty();
        }
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? claim(jwt, FIRM_CLAIM) : null;
        String firmId = claim == null ? null : String.valueOf((Object) claim).replace("\"", "");
        if (!Uscc.isValid(firmId)) {
            throw new ForbiddenException("token has no valid firm_id");
        }
        return Optional.of(firmId);
    }

    /** The firm a firm caller files for; anyone else gets 403. */
    public String requireFirmId() {
        return firmId().orElseThrow(() -> new ForbiddenException("only a firm can file"));
    }

    /**
     * A claim of the token. For a custom claim such as {@code firm_id}, {@link JsonWebToken#getClaim} first tries the
     * standard claims' enum and builds an exception with its stack trace on every request; the parsed claims do not.
     */
    public static Object claim(JsonWebToken jwt, String name) {
        if (jwt instanceof OidcJwtCallerPrincipal oidc) {
            return oidc.getClaims().getClaimValue(name);
        }
        return jwt.getClaim(name);
    }

    /**
     * Who the caller is, for four eyes: the token's {@code sub}, which Keycloak never reuses, where a username can be
     * renamed or given to someone else. Identities without a token (the service's own jobs, tests' plain users) fall
     * back to the name.
     */
    public String subject() {
        if (system) {
            return "system";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return name();
    }

    public String name() {
        if (system) {
            return "system";
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
