package io.guoziyun.contracts.contract;

import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.problem.Problem;
import io.guoziyun.commons.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts", description = "Cloud and ICT contracts a firm has signed")
@SecurityRequirement(name = "oidc")
public class ContractResource {

    private final Caller caller;

    public ContractResource(Caller caller) {
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(summary = "Register a contract", description = "Role: firm. The firm is the token's firm_id.")
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names the new contract",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The firm already registered this reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull(message = "a JSON body is required") @Valid ContractFiling body, UriInfo uri) {
        String firmId = caller.requireFirmId();
        if (Contract.count("reference", body.reference()) > 0) {
            throw new ProblemException(
                    409, "Conflict", "Contract reference " + body.reference() + " is already registered");
        }
        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.firmId = firmId;
        contract.reference = body.reference();
        contract.provider = body.provider();
        contract.serviceType = body.serviceType();
        contract.signedOn = body.signedOn();
        contract.startsOn = body.startsOn();
        contract.endsOn = body.endsOn();
        contract.dataStored = body.dataStored();
        contract.dataLocation = body.dataLocation();
        contract.dataSensitivity = body.dataSensitivity();
        contract.dataVolumeTb = body.dataVolumeTb();
        contract.annualValueCny = body.annualValueCny();
        contract.status = ContractStatus.ACTIVE;
        contract.createdAt = Instant.now();
        contract.persistAndFlush();
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(contract.id.toString())
                        .build())
                .entity(ContractView.of(contract))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(summary = "Read a contract", description = "Roles: firm (its own only), regulator, auditor.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such contract, or another firm's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContractView read(@PathParam("id") UUID id) {
        Contract contract = Contract.findById(id);
        if (contract == null) {
            throw ProblemException.notFound("Contract " + id);
        }
        return ContractView.of(contract);
    }
}
