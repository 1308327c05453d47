package io.guoziyun.console.api;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The signed-in regulator or auditor: their access token (refreshed by the session) and who they are. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public String token() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token in the session");
        }
        return token.getToken();
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    public boolean regulator() {
        return identity.hasRole("regulator");
    }
}
