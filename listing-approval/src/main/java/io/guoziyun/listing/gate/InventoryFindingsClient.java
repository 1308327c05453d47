package io.guoziyun.listing.gate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** asset-inventory's findings, asked with the caller's own token (firm scoping and audit stay intact there). */
@RegisterRestClient(configKey = "asset-inventory")
@Path("/api/v1/inventory-findings")
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryFindingsClient {

    @GET
    RemoteFinding.Page open(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId,
            @QueryParam("firmId") String firmId,
            @QueryParam("status") String status,
            @QueryParam("page") int page,
            @QueryParam("size") int size);
}
