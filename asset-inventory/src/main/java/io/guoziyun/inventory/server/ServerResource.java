package io.guoziyun.inventory.server;

import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.commons.validation.UsccCode;
import io.guoziyun.inventory.journal.JournaledResource;
import io.guoziyun.inventory.lifecycle.StatusChange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/servers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Servers", description = "Servers a firm declares, and their lifecycle")
@SecurityRequirement(name = "oidc")
public class ServerResource extends JournaledResource {

    private final Caller caller;
    private final Servers servers;

    public ServerResource(Caller caller, Idempotency idempotency, Servers servers) {
        super(servers, idempotency);
        this.caller = caller;
        this.servers = servers;
    }

    @GET
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listServers",
            summary = "List servers",
            description = "Roles: firm (its own), regulator and auditor (all; filter by firmId). Sort keys: assetTag, "
                    + "acquiredOn, status, siteCode, createdAt, firmId.")
    public Page<ServerView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("status") ServerStatus status,
            @QueryParam("acquisition") Acquisition acquisition,
            @QueryParam("siteCode") @Pattern(regexp = ServerFields.SITE_CODE) String siteCode,
            @QueryParam("assetTag") @Pattern(regexp = ServerFields.ASSET_TAG) String assetTag,
            @QueryParam("firmId") @UsccCode String firmId) {
        return servers.list(page, new Servers.Filter(status, acquisition, siteCode, assetTag, firmId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "declareServer",
            summary = "Declare a server",
            description = "Role: firm. For many servers use POST /api/v1/servers/import. Idempotency-Key honoured.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content = @Content(schema = @Schema(implementation = ServerView.class)))
    public Response declare(
            @NotNull(message = "a JSON body is required") @Valid ServerFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        String firmId = caller.requireFirmId();
        return idempotency.once(idempotencyKey, "POST /api/v1/servers", body, () -> {
            Versioned<ServerView> server = servers.declare(firmId, body);
            return server.created(uri.getAbsolutePathBuilder()
                    .path(server.body().id().toString())
                    .build());
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getServer",
            summary = "Read a server",
            description = "Roles: firm (its own only), regulator, auditor.")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = ServerView.class)))
    public Response read(@PathParam("id") UUID id) {
        return servers.read(id).ok();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "correctServer",
            summary = "Correct a server's details",
            description = "Role: firm. Needs If-Match. The status is changed only through POST …/status.")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = ServerView.class)))
    public Response correct(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ServerFiling body) {
        caller.requireFirmId();
        return servers.correct(id, IfMatch.required(ifMatch), body).ok();
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR})
    @Operation(
            operationId = "changeServerStatus",
            summary = "Move a server to another status",
            description = "Roles: firm (forward only), regulator (any move, as a correction, with evidence). "
                    + "DECOMMISSIONING, DECOMMISSIONED and MIGRATED need evidence, kept in the journal.")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = ServerView.class)))
    public Response changeStatus(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid StatusChange body) {
        boolean correction = !caller.isFirm();
        return idempotency.once(
                idempotencyKey,
                "POST /api/v1/servers/" + id + "/status",
                body,
                () -> servers.changeStatus(id, IfMatch.optional(ifMatch), body, correction)
                        .ok());
    }
}
