package io.guoziyun.console.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Who enters: regulators and auditors. Anyone else the realm signs in (a firm's staff) gets a page that says so, with
 * a way to sign out, and no data.
 */
public class Refusals {

    private final Template forbidden;
    private final SecurityIdentity identity;

    public Refusals(@Location("forbidden.html") Template forbidden, SecurityIdentity identity) {
        this.forbidden = forbidden;
        this.identity = identity;
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response refused() {
        String user =
                identity.isAnonymous() ? "nobody" : identity.getPrincipal().getName();
        return Response.status(403)
                .type(MediaType.TEXT_HTML)
                .entity(forbidden.data("user", user).render())
                .build();
    }
}
