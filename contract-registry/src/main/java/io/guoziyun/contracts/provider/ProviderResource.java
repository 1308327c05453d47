package io.guoziyun.contracts.provider;

import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "Cloud providers and their classification under the directive")
@SecurityRequirement(name = "oidc")
public class ProviderResource {

    private static final String SLUG = "[a-z0-9][a-z0-9-]{1,63}";

    private final Idempotency idempotency;
    private final Providers providers;

    public ProviderResource(Idempotency idempotency, Providers providers) {
        this.idempotency = idempotency;
        this.providers = providers;
    }

    @GET
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listProviders",
            summary = "List providers",
            description = "Roles: firm, regulator, auditor.")
    public List<ProviderView> list() {
        return providers.list();
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getProvider",
            summary = "Read a provider and its classification history",
            description = "Roles: all.")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = ProviderView.class)))
    public Response read(@PathParam("slug") @Pattern(regexp = SLUG, message = "a provider slug") String slug) {
        return providers.read(slug).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "addProvider",
            summary = "Add a provider",
            description = "Role: regulator. Send an Idempotency-Key to retry safely.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content = @Content(schema = @Schema(implementation = ProviderView.class)))
    public Response add(
            @NotNull(message = "a JSON body is required") @Valid ProviderFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        return idempotency.once(
                idempotencyKey,
                "POST /api/v1/providers",
                body,
                () -> providers
                        .add(body)
                        .created(uri.getAbsolutePathBuilder().path(body.slug()).build()));
    }

    @PUT
    @Path("/{slug}/classification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "reclassifyProvider",
            summary = "Propose a reclassification of a provider",
            description = "Role: regulator. Needs If-Match. A proposal: it takes effect when a second regulator"
                    + " confirms it (POST …/classification-confirmation; four eyes, by token sub). 409 while another"
                    + " is pending, and for the state clouds named in seeds/policy, which cannot be reclassified.")
    @APIResponse(
            responseCode = "200",
            description = "The provider with the pending reclassification; ETag is its version",
            content = @Content(schema = @Schema(implementation = ProviderView.class)))
    public Response reclassify(
            @PathParam("slug") @Pattern(regexp = SLUG, message = "a provider slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid Reclassification body) {
        return providers
                .proposeReclassification(slug, IfMatch.required(ifMatch), body)
                .ok();
    }

    @POST
    @Path("/{slug}/classification-confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "confirmProviderReclassification",
            summary = "Confirm the proposed reclassification",
            description = "Role: a regulator other than the proposer (403 for the proposer, compared by token sub)."
                    + " The classification holds from its effective date, kept in the history; the findings of every"
                    + " contract with the provider are re-evaluated at once. If-Match honoured when sent.")
    @APIResponse(
            responseCode = "200",
            description = "The provider as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = ProviderView.class)))
    public Response confirm(
            @PathParam("slug") @Pattern(regexp = SLUG, message = "a provider slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid ReclassificationReason body) {
        return idempotency.once(
                idempotencyKey,
                "POST /api/v1/providers/" + slug + "/classification-confirmation",
                body,
                () -> providers
                        .confirmReclassification(slug, IfMatch.optional(ifMatch), body.reason())
                        .ok());
    }

    @POST
    @Path("/{slug}/classification-rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "rejectProviderReclassification",
            summary = "Reject the proposed reclassification",
            description = "Role: a regulator other than the proposer. The classification in force stays; the"
                    + " rejection and its reason are in the audit chain. If-Match honoured when sent.")
    @APIResponse(
            responseCode = "200",
            description = "The provider as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = ProviderView.class)))
    public Response reject(
            @PathParam("slug") @Pattern(regexp = SLUG, message = "a provider slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid ReclassificationReason body) {
        return idempotency.once(
                idempotencyKey,
                "POST /api/v1/providers/" + slug + "/classification-rejection",
                body,
                () -> providers
                        .rejectReclassification(slug, IfMatch.optional(ifMatch), body.reason())
                        .ok());
    }
}
