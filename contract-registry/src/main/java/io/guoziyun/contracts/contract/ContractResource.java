package io.guoziyun.contracts.contract;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.Versions;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.problem.Problem;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.commons.validation.UsccCode;
import io.guoziyun.contracts.finding.FindingEvaluator;
import io.guoziyun.contracts.provider.Provider;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    static final String SUBJECT = "contract";
    private static final Map<String, String> SORTS = Map.of(
            "reference", "reference",
            "signedOn", "signedOn",
            "endsOn", "currentEndsOn",
            "migrationDeadline", "migrationDeadline",
            "createdAt", "createdAt",
            "firmId", "firmId");

    private final Caller caller;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final FindingEvaluator findings;

    public ContractResource(Caller caller, Idempotency idempotency, AuditTrail audit, FindingEvaluator findings) {
        this.caller = caller;
        this.idempotency = idempotency;
        this.audit = audit;
        this.findings = findings;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "List contracts",
            description = "Roles: firm (its own), regulator and auditor (all firms; filter by firmId). Sort keys: "
                    + "reference, signedOn, endsOn, migrationDeadline, createdAt, firmId; '-' for descending.")
    public Page<ContractView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("provider") @Pattern(regexp = "[a-z0-9-]{1,64}") String provider,
            @QueryParam("status") ContractStatus status,
            @QueryParam("firmId") @UsccCode String firmId) {
        Conditions where = new Conditions()
                .equal("provider", provider)
                .equal("status", status)
                .equal("firmId", firmId);
        return Page.of(
                Contract.find(where.from("Contract"), page.toSort(SORTS, "-createdAt", "id"), where.parameters()),
                page,
                ContractView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
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
            requireKnownProvider(body.provider());
            if (Contract.count("reference", body.reference()) > 0) {
                throw new ProblemException(
                        409, "Conflict", "Contract reference " + body.reference() + " is already registered");
            }
            Contract contract = new Contract();
            contract.id = UUID.randomUUID();
            contract.firmId = firmId;
            contract.status = ContractStatus.ACTIVE;
            contract.createdAt = Instant.now();
            apply(body, contract);
            contract.currentEndsOn = body.endsOn();
            contract.persist();
            findings.reevaluate(contract);
            contract.flush();
            ContractView view = ContractView.of(contract);
            audit.record("contract.registered", SUBJECT, contract.id, firmId, null, view);
            return Response.created(uri.getAbsolutePathBuilder()
                            .path(contract.id.toString())
                            .build())
                    .tag(Versions.etag(contract.version))
                    .entity(view)
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(summary = "Read a contract", description = "Roles: firm (its own only), regulator, auditor.")
    @APIResponse(
            responseCode = "200",
            description = "The contract; ETag is its version, for If-Match on updates",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    public Response read(@PathParam("id") UUID id) {
        Contract contract = find(id);
        return Response.ok(ContractView.of(contract))
                .tag(Versions.etag(contract.version))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
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
        Contract contract = find(id);
        Versions.requireMatch(ifMatch, contract.version);
        requireActive(contract);
        requireKnownProvider(body.provider());
        if (!body.reference().equals(contract.reference)
                && Contract.count("reference = ?1 and id <> ?2", body.reference(), contract.id) > 0) {
            throw new ProblemException(
                    409, "Conflict", "Contract reference " + body.reference() + " is already registered");
        }
        ContractView before = ContractView.of(contract);
        apply(body, contract);
        contract.currentEndsOn = Renewal.ofContract(contract.id).stream()
                .map(r -> r.newEndsOn)
                .reduce(body.endsOn(), (a, b) -> a == null || b.isAfter(a) ? b : a);
        findings.reevaluate(contract);
        contract.flush();
        ContractView after = ContractView.of(contract);
        audit.record("contract.corrected", SUBJECT, contract.id, contract.firmId, before, after);
        return Response.ok(after).tag(Versions.etag(contract.version)).build();
    }

    @GET
    @Path("/{id}/renewals")
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "List a contract's renewals and extensions",
            description = "Roles: firm (own), regulator, auditor.")
    public List<RenewalView> renewals(@PathParam("id") UUID id) {
        find(id);
        return Renewal.ofContract(id).stream().map(RenewalView::of).toList();
    }

    @POST
    @Path("/{id}/renewals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
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
        return idempotency.once(idempotencyKey, "POST /api/v1/contracts/" + id + "/renewals", body, () -> {
            Contract contract = find(id);
            requireActive(contract);
            if (body.renewedOn().isBefore(contract.signedOn)) {
                throw ProblemException.invalid(
                        "renewedOn", "must not be before the contract was signed (" + contract.signedOn + ")");
            }
            if (contract.currentEndsOn != null && !body.newEndsOn().isAfter(contract.currentEndsOn)) {
                throw ProblemException.invalid(
                        "newEndsOn", "must be after the current end (" + contract.currentEndsOn + ")");
            }
            ContractView before = ContractView.of(contract);
            Renewal renewal = new Renewal();
            renewal.id = UUID.randomUUID();
            renewal.firmId = contract.firmId;
            renewal.contractId = contract.id;
            renewal.renewedOn = body.renewedOn();
            renewal.newEndsOn = body.newEndsOn();
            renewal.kind = body.kind();
            renewal.note = body.note();
            renewal.createdAt = Instant.now();
            renewal.persist();
            contract.currentEndsOn = body.newEndsOn();
            findings.reevaluate(contract);
            contract.flush();
            RenewalView view = RenewalView.of(renewal);
            audit.record("contract.renewed", SUBJECT, contract.id, contract.firmId, before, ContractView.of(contract));
            return Response.created(uri.getAbsolutePathBuilder().build())
                    .entity(view)
                    .build();
        });
    }

    @POST
    @Path("/{id}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
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
        return idempotency.once(idempotencyKey, "POST /api/v1/contracts/" + id + "/termination", body, () -> {
            Contract contract = find(id);
            if (ifMatch != null) {
                Versions.requireMatch(ifMatch, contract.version);
            }
            requireActive(contract);
            if (body.terminatedOn().isBefore(contract.signedOn)) {
                throw ProblemException.invalid(
                        "terminatedOn", "must not be before the contract was signed (" + contract.signedOn + ")");
            }
            ContractView before = ContractView.of(contract);
            contract.status = ContractStatus.TERMINATED;
            contract.terminatedOn = body.terminatedOn();
            contract.terminationReason = body.reason();
            findings.reevaluate(contract);
            contract.flush();
            ContractView after = ContractView.of(contract);
            audit.record("contract.terminated", SUBJECT, contract.id, contract.firmId, before, after);
            return Response.ok(after).tag(Versions.etag(contract.version)).build();
        });
    }

    /** The contract, or 404 when it does not exist or belongs to another firm (scoping hides it). */
    public static Contract find(UUID id) {
        Contract contract = Contract.findById(id);
        if (contract == null) {
            throw ProblemException.notFound("Contract " + id);
        }
        return contract;
    }

    public static void requireActive(Contract contract) {
        if (contract.status != ContractStatus.ACTIVE) {
            throw new ProblemException(
                    409, "Conflict", "The contract is " + contract.status + "; only an ACTIVE contract can change");
        }
    }

    private static void requireKnownProvider(String slug) {
        if (Provider.bySlug(slug).isEmpty()) {
            throw ProblemException.invalid("provider", "unknown provider '" + slug + "'; see GET /api/v1/providers");
        }
    }

    private static void apply(ContractFiling body, Contract contract) {
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
    }
}
