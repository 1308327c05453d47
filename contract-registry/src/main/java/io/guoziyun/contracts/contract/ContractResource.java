package io.guoziyun.contracts.contract;

import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.commons.validation.UsccCode;
import io.guoziyun.problem.Problem;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts", description = "Cloud and ICT contracts a firm has signed, their renewals and termination")
@SecurityRequirement(name = "oidc")
public class ContractResource {

    private final Caller caller;
    private final Idempotency idempotency;
    private final Contracts contracts;

    public ContractResource(Caller caller, Idempotency idempotency, Contracts contracts) {
        this.caller = caller;
        this.idempotency = idempotency;
        this.contracts = contracts;
    }

    @GET
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listContracts",
            summary = "List contracts",
            description = "Roles: firm (its own), regulator and auditor (all firms; filter by firmId). Sort keys: "
                    + "reference, signedOn, endsOn, migrationDeadline, createdAt, firmId; '-' for descending. "
                    + "backdated=true: the contracts whose termination or migration completion was filed more than "
                    + "{policy:guoziyun.policy.backdating-days} days after its date, for regulators to check.")
    public Page<ContractView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("provider") @Pattern(regexp = "[a-z0-9-]{1,64}") String provider,
            @QueryParam("status") ContractStatus status,
            @QueryParam("firmId") @UsccCode String firmId,
            @QueryParam("backdated") Boolean backdated) {
        return contracts.list(page, provider, status, firmId, backdated);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "registerContract",
            summary = "Register a contract",
            description = "Role: firm. The firm is the token's firm_id. Send an Idempotency-Key to retry safely.")
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names the new contract",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The firm already registered this reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(
            @NotNull(message = "a JSON body is required") @Valid ContractFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        String firmId = caller.requireFirmId();
        return idempotency.once(idempotencyKey, "POST /api/v1/contracts", body, () -> {
            Versioned<ContractView> contract = contracts.register(firmId, body);
            return contract.created(uri.getAbsolutePathBuilder()
                    .path(contract.body().id().toString())
                    .build());
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getContract",
            summary = "Read a contract",
            description = "Roles: firm (its own only), regulator, auditor.")
    @APIResponse(
            responseCode = "200",
            description = "The contract; ETag is its version, for If-Match on updates",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    public Response read(@PathParam("id") UUID id) {
        return contracts.read(id).ok();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "correctContract",
            summary = "Correct a contract",
            description = "Role: firm. Replaces the filed fields of an active contract. Needs If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Corrected",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    public Response correct(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ContractFiling body) {
        caller.requireFirmId();
        return contracts.correct(id, IfMatch.required(ifMatch), body).ok();
    }

    @GET
    @Path("/{id}/renewals")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listContractRenewals",
            summary = "List a contract's renewals and extensions",
            description = "Roles: firm (own), regulator, auditor.")
    public List<RenewalView> renewals(@PathParam("id") UUID id) {
        return contracts.renewals(id);
    }

    @POST
    @Path("/{id}/renewals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "renewContract",
            summary = "Record a renewal or extension",
            description = "Role: firm. A third-party contract renewed on or after the effective date is finding CR-2.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = RenewalView.class)))
    public Response renew(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid RenewalFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        caller.requireFirmId();
        return idempotency.once(
                idempotencyKey,
                "POST /api/v1/contracts/" + id + "/renewals",
                body,
                () -> Response.created(uri.getAbsolutePathBuilder().build())
                        .entity(contracts.renew(id, body))
                        .build());
    }

    @POST
    @Path("/{id}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "terminateContract",
            summary = "Terminate a contract",
            description =
                    "Role: firm. Ends an active contract on a date with a reason. If-Match is honoured when sent.")
    @APIResponse(
            responseCode = "200",
            description = "Terminated",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    public Response terminate(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid Termination body) {
        caller.requireFirmId();
        return idempotency.once(
                idempotencyKey,
                "POST /api/v1/contracts/" + id + "/termination",
                body,
                () -> contracts.terminate(id, IfMatch.optional(ifMatch), body).ok());
    }
}
