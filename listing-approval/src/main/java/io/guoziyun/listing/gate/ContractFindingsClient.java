package io.guoziyun.listing.gate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** contract-registry's findings, asked with the caller's own token (firm scoping and audit stay intact there). */
@RegisterRestClient(configKey = "contract-registry")
@Path("/api/v1/contract-findings")
@Produces(MediaType.APPLICATION_JSON)
public interface ContractFindingsClient {

    @GET
    RemoteFinding.Page open(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId,
            @QueryParam("firmId") String firmId,
            @QueryParam("status") String status,
            @QueryParam("page") int page,
            @QueryParam("size") int size);
}
