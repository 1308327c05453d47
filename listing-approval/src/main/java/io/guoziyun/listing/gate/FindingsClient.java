package io.guoziyun.listing.gate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A findings list of another service — contract-registry's or asset-inventory's, which page their findings alike —
 * asked with the caller's own token (firm scoping and audit stay intact there), page by page from the cursor of
 * the page before (absent: the first). One interface, built once per service by {@link FindingSources}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface FindingsClient {

    @GET
    @Path("/{list}")
    RemoteFinding.Page open(
            @PathParam("list") String list,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId,
            @QueryParam("firmId") String firmId,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("size") int size);
}
