package io.guoziyun.contracts.migration;

import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.concurrency.Versions;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
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

    private final Caller caller;
    private final Idempotency idempotency;
    private final MigrationPlans plans;

    public MigrationPlanResource(Caller caller, Idempotency idempotency, MigrationPlans plans) {
        this.caller = caller;
        this.idempotency = idempotency;
        this.plans = plans;
    }

    @GET
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getMigrationPlan",
            summary = "Read a contract's migration plan",
            description = "Roles: firm (own), regulator, auditor.")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response read(@PathParam("id") UUID id) {
        return plans.read(id).ok();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "fileMigrationPlan",
            summary = "File or revise a migration plan",
            description = "Role: firm. The target must be a STATE_CLOUD provider. Creating answers 201; revising an "
                    + "existing plan needs If-Match and answers 200.")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response file(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PlanFiling body) {
        caller.requireFirmId();
        MigrationPlans.Filed filed = plans.file(id, IfMatch.required(ifMatch), body);
        return Response.status(filed.created() ? 201 : 200)
                .entity(filed.plan().body())
                .tag(Versions.etag(filed.plan().version()))
                .build();
    }

    @POST
    @Path("/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "addMilestone",
            summary = "Add a milestone",
            description = "Role: firm. Evidence is a list of http(s) links.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content = @Content(schema = @Schema(implementation = PlanView.MilestoneView.class)))
    public Response addMilestone(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid MilestoneFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        caller.requireFirmId();
        return idempotency.once(
                idempotencyKey, "POST /api/v1/contracts/" + id + "/migration-plan/milestones", body, () -> {
                    var milestone = plans.addMilestone(id, body);
                    return milestone.created(uri.getAbsolutePathBuilder()
                            .path(milestone.body().id().toString())
                            .build());
                });
    }

    @PUT
    @Path("/milestones/{milestoneId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "updateMilestone",
            summary = "Update a milestone's progress and evidence",
            description = "Role: firm. Needs If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = PlanView.MilestoneView.class)))
    public Response updateMilestone(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid MilestoneFiling body) {
        caller.requireFirmId();
        return plans.updateMilestone(id, milestoneId, IfMatch.required(ifMatch), body)
                .ok();
    }

    @POST
    @Path("/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "completeMigration",
            summary = "Record that the migration is complete",
            description = "Role: firm. The contract becomes MIGRATED as of completedOn (rule CR-3 looks at this date)."
                    + " Dated more than {policy:guoziyun.policy.backdating-days} days back, it needs evidence and the"
                    + " contract is flagged to regulators (backdated).")
    @APIResponse(
            responseCode = "200",
            description = "The resource as it is now; ETag is its version",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response complete(
            @PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid Completion body) {
        caller.requireFirmId();
        return idempotency.once(
                idempotencyKey,
                "POST /api/v1/contracts/" + id + "/migration-plan/completion",
                body,
                () -> plans.complete(id, body.completedOn(), body.evidence()).ok());
    }
}
