package io.guoziyun.contracts.migration;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.Versions;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.contracts.contract.Contract;
import io.guoziyun.contracts.contract.ContractResource;
import io.guoziyun.contracts.contract.ContractStatus;
import io.guoziyun.contracts.finding.FindingEvaluator;
import io.guoziyun.contracts.provider.Classification;
import io.guoziyun.contracts.provider.Provider;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contracts/{id}/migration-plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Migration plans", description = "A contract's move to the state cloud, its milestones and completion")
@SecurityRequirement(name = "oidc")
public class MigrationPlanResource {

    private static final String SUBJECT = "migration-plan";

    private final Caller caller;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final FindingEvaluator findings;

    public MigrationPlanResource(Caller caller, Idempotency idempotency, AuditTrail audit, FindingEvaluator findings) {
        this.caller = caller;
        this.idempotency = idempotency;
        this.audit = audit;
        this.findings = findings;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(summary = "Read a contract's migration plan", description = "Roles: firm (own), regulator, auditor.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response read(@PathParam("id") UUID id) {
        ContractResource.find(id);
        MigrationPlan plan = plan(id);
        return Response.ok(view(plan)).tag(Versions.etag(plan.version)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "File or revise a migration plan",
            description = "Role: firm. The target must be a STATE_CLOUD provider. Creating answers 201; revising an "
                    + "existing plan needs If-Match and answers 200.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response file(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PlanFiling body) {
        caller.requireFirmId();
        Contract contract = ContractResource.find(id);
        ContractResource.requireActive(contract);
        Provider target = Provider.bySlug(body.targetProvider())
                .orElseThrow(() ->
                        ProblemException.invalid("targetProvider", "unknown provider '" + body.targetProvider() + "'"));
        if (target.classification != Classification.STATE_CLOUD) {
            throw ProblemException.invalid(
                    "targetProvider",
                    "must be a STATE_CLOUD provider; " + target.slug + " is " + target.classification);
        }
        MigrationPlan plan = MigrationPlan.findById(id);
        boolean created = plan == null;
        PlanView before = null;
        if (created) {
            plan = new MigrationPlan();
            plan.contractId = id;
            plan.firmId = contract.firmId;
            plan.filedOn = ChinaTime.today();
            plan.createdAt = Instant.now();
        } else {
            Versions.requireMatch(ifMatch, plan.version);
            before = view(plan);
        }
        plan.targetProvider = target.slug;
        plan.plannedCompletionOn = body.plannedCompletionOn();
        plan.persist();
        findings.reevaluate(contract);
        plan.flush();
        PlanView after = view(plan);
        audit.record(
                created ? "migration-plan.filed" : "migration-plan.revised",
                SUBJECT,
                id,
                contract.firmId,
                before,
                after);
        return Response.status(created ? 201 : 200)
                .entity(after)
                .tag(Versions.etag(plan.version))
                .build();
    }

    @POST
    @Path("/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(summary = "Add a milestone", description = "Role: firm. Evidence is a list of http(s) links.")
    @APIResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = PlanView.MilestoneView.class)))
    public Response addMilestone(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid MilestoneFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        caller.requireFirmId();
        return idempotency.once(
                idempotencyKey, "POST /api/v1/contracts/" + id + "/migration-plan/milestones", body, () -> {
                    Contract contract = ContractResource.find(id);
                    MigrationPlan plan = plan(id);
                    requireOpen(plan);
                    Milestone milestone = new Milestone();
                    milestone.id = UUID.randomUUID();
                    milestone.firmId = contract.firmId;
                    milestone.contractId = id;
                    apply(body, milestone);
                    milestone.persistAndFlush();
                    var view = PlanView.MilestoneView.of(milestone);
                    audit.record("milestone.added", SUBJECT, id, contract.firmId, null, view);
                    return Response.created(uri.getAbsolutePathBuilder()
                                    .path(milestone.id.toString())
                                    .build())
                            .tag(Versions.etag(milestone.version))
                            .entity(view)
                            .build();
                });
    }

    @PUT
    @Path("/milestones/{milestoneId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(summary = "Update a milestone's progress and evidence", description = "Role: firm. Needs If-Match.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = PlanView.MilestoneView.class)))
    public Response updateMilestone(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid MilestoneFiling body) {
        caller.requireFirmId();
        ContractResource.find(id);
        requireOpen(plan(id));
        Milestone milestone = Milestone.findById(milestoneId);
        if (milestone == null || !milestone.contractId.equals(id)) {
            throw ProblemException.notFound("Milestone " + milestoneId);
        }
        Versions.requireMatch(ifMatch, milestone.version);
        var before = PlanView.MilestoneView.of(milestone);
        apply(body, milestone);
        milestone.flush();
        var after = PlanView.MilestoneView.of(milestone);
        audit.record("milestone.updated", SUBJECT, id, milestone.firmId, before, after);
        return Response.ok(after).tag(Versions.etag(milestone.version)).build();
    }

    @POST
    @Path("/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "Record that the migration is complete",
            description = "Role: firm. The contract becomes MIGRATED as of completedOn (rule CR-3 looks at this date).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response complete(
            @PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid Completion body) {
        caller.requireFirmId();
        return idempotency.once(
                idempotencyKey, "POST /api/v1/contracts/" + id + "/migration-plan/completion", body, () -> {
                    Contract contract = ContractResource.find(id);
                    ContractResource.requireActive(contract);
                    MigrationPlan plan = plan(id);
                    if (body.completedOn().isBefore(contract.signedOn)) {
                        throw ProblemException.invalid(
                                "completedOn",
                                "must not be before the contract was signed (" + contract.signedOn + ")");
                    }
                    if (body.completedOn().isAfter(ChinaTime.today())) {
                        throw ProblemException.invalid("completedOn", "must not be in the future");
                    }
                    PlanView before = view(plan);
                    plan.completedOn = body.completedOn();
                    contract.status = ContractStatus.MIGRATED;
                    findings.reevaluate(contract);
                    plan.flush();
                    PlanView after = view(plan);
                    audit.record("migration.completed", SUBJECT, id, contract.firmId, before, after);
                    return Response.ok(after).tag(Versions.etag(plan.version)).build();
                });
    }

    private static MigrationPlan plan(UUID contractId) {
        MigrationPlan plan = MigrationPlan.findById(contractId);
        if (plan == null) {
            throw ProblemException.notFound("Migration plan of contract " + contractId);
        }
        return plan;
    }

    private static void requireOpen(MigrationPlan plan) {
        if (plan.completedOn != null) {
            throw new ProblemException(409, "Conflict", "The migration was completed on " + plan.completedOn);
        }
    }

    private static PlanView view(MigrationPlan plan) {
        List<Milestone> milestones = Milestone.list("contractId = ?1 order by dueOn, id", plan.contractId);
        return PlanView.of(plan, milestones);
    }

    private static void apply(MilestoneFiling body, Milestone milestone) {
        milestone.title = body.title();
        milestone.dueOn = body.dueOn();
        milestone.progress = body.progress();
        milestone.evidence = body.evidence() == null ? "" : String.join("\n", body.evidence());
    }
}
