package io.guoziyun.commons.firm;

import io.guoziyun.problem.NotPermitted;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token with both a firm role and a regulator or auditor role is refused (403), on every endpoint: one identity
 * that files for a firm and also reviews or reads all firms would make tenancy and four eyes meaningless.
 */
public class MixedRoles {

    static final String MESSAGE = "A token with both a firm role and a regulator or auditor role is refused";

    private final SecurityIdentity identity;

    public MixedRoles(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Whether the roles mix a firm's with a regulator's or an auditor's. */
    public static boolean mixed(Set<String> roles) {
        return roles.contains(Roles.FIRM) && (roles.contains(Roles.REGULATOR) || roles.contains(Roles.AUDITOR));
    }

    @ServerRequestFilter
    public void refuse() {
        if (!identity.isAnonymous() && mixed(identity.getRoles())) {
            throw new NotPermitted(MESSAGE);
        }
    }
}
