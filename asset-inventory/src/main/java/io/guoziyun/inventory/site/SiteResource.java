package io.guoziyun.inventory.site;

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

@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Data centres a firm declares, and their lifecycle")
@SecurityRequirement(name = "oidc")
public class SiteResource extends JournaledResource {

    private final Caller caller;
    private final Sites sites;

    public SiteResource(Caller caller, Idempotency idempotency, Sites sites) {
        super(sites, idempotency);
        this.caller = caller;
        this.sites = sites;
    }

    @GET
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listSites",
            summary = "List sites",
            description = "Roles: firm (its own), regulator and auditor (all; filter by firmId). Sort keys: code, "
                    + "status, commissionedOn, createdAt, firmId.")
    public Page<SiteView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("status") SiteStatus status,
            @QueryParam("firmId") @UsccCode String firmId) {
        return sites.list(page, status, firmId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "declareSite",
            summary = "Declare a site",
            description = "Role: firm. Send an Idempotency-Key to retry safely.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content = @Content(schema = @Schema(implementation = SiteView.class)))
    public Response declare(
            @NotNull(message = "a JSON body is required") @Valid SiteFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        String firmId = caller.requireFirmId();
        return idempotency.once(idempotencyKey, "POST /api/v1/sites", body, () -> {
            Versioned<SiteView> site = sites.declare(firmId, body);
            return site.created(uri.getAbsolutePathBuilder()
                    .path(site.body().id().toString())
                    .build());
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getSite",
            summary = "Read a site",
            description = "Roles: firm (its own only), regulator, auditor.")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = SiteView.class)))
    public Response read(@PathParam("id") UUID id) {
        return sites.read(id).ok();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "correctSite",
            summary = "Correct a site's details",
            description = "Role: firm. Needs If-Match. The status is changed only through POST …/status.")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = SiteView.class)))
    public Response correct(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid SiteFiling body) {
        caller.requireFirmId();
        return sites.correct(id, IfMatch.required(ifMatch), body).ok();
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR})
    @Operation(
            operationId = "changeSiteStatus",
            summary = "Move a site to another status",
            description = "Roles: firm (forward only: PLANNED, UNDER_CONSTRUCTION, ACTIVE, DECOMMISSIONING, RETIRED), "
                    + "regulator (any move, as a correction, with evidence). Retiring needs evidence and no ACTIVE "
                    + "server at the site (409 with the count). If-Match is honoured when sent.")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = SiteView.class)))
    public Response changeStatus(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid StatusChange body) {
        boolean correction = !caller.isFirm();
        return idempotency.once(
                idempotencyKey,
                "POST /api/v1/sites/" + id + "/status",
                body,
                () -> sites.changeStatus(id, IfMatch.optional(ifMatch), body, correction)
                        .ok());
    }
}
