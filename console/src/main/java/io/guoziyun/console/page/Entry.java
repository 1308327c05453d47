package io.guoziyun.console.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** After signing out: a page that needs no session. */
@Path("/")
public class Entry {

    private final Template signedOut;

    public Entry(@Location("signed-out.html") Template signedOut) {
        this.signedOut = signedOut;
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String signedOut() {
        return signedOut.render();
    }
}
