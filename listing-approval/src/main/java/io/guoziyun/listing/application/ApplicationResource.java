package io.guoziyun.listing.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.concurrency.Versions;
import io.guoziyun.commons.export.CsvExport;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.commons.validation.UsccCode;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/listing-applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Listing applications", description = "Overseas listing applications and the regulator's queue")
@SecurityRequirement(name = "oidc")
public class ApplicationResource {

    private static final Map<String, String> SORTS = Map.of(
            "createdAt", "createdAt",
            "submittedOn", "submittedOn",
            "deadline", "stageDeadline",
            "accessionNumber", "accessionNumber",
            "firmId", "firmId",
            "stage", "stage");
    private static final List<Stage> PENDING =
            List.of(Stage.SUBMITTED, Stage.INITIAL_REVIEW, Stage.SPECIAL_REVIEW, Stage.SUPPLEMENT_REQUESTED);

    private final Caller caller;
    private final Idempotency idempotency;
    private final Workflow workflow;
    private final ObjectMapper json;

    public ApplicationResource(Caller caller, Idempotency idempotency, Workflow workflow, ObjectMapper json) {
        this.caller = caller;
        this.idempotency = idempotency;
        this.workflow = workflow;
        this.json = json;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "List applications",
            description = "Roles: firm (its own), regulator and auditor (all; filter by firmId). Deadlines as of asOf "
                    + "(default today). Sort keys: createdAt, submittedOn, deadline, accessionNumber, firmId, stage.")
    public Page<ApplicationView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("stage") Stage stage,
            @QueryParam("firmId") @UsccCode String firmId,
            @QueryParam("asOf") @Parameter(example = "2024-10-08") LocalDate asOf) {
        Conditions where = new Conditions().equal("stage", stage).equal("firmId", firmId);
        return Page.of(
                ListingApplication.<ListingApplication>find(
                        where.from("ListingApplication"), page.toSort(SORTS, "-createdAt", "id"), where.parameters()),
                page,
                app -> workflow.view(app, asOf));
    }

    @GET
    @Path("/queue")
    @Transactional
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "The regulator's queue",
            description = "Roles: regulator, auditor. Applications awaiting the regulator (SUBMITTED, INITIAL_REVIEW, "
                    + "SPECIAL_REVIEW) by stage deadline, the most overdue first; then those whose clock is stopped "
                    + "waiting for the firm's supplement. Deadlines and working days left as of asOf.")
    public Page<ApplicationView> queue(
            @Valid @BeanParam PageParams page,
            @QueryParam("stage") Stage stage,
            @QueryParam("asOf") @Parameter(example = "2024-10-08") LocalDate asOf) {
        if (stage != null && !PENDING.contains(stage)) {
            throw ProblemException.invalid("stage", "one of the stages awaiting the regulator: " + PENDING);
        }
        Conditions where = new Conditions()
                .clause("stage in :pending")
                .parameter("pending", stage == null ? PENDING : List.of(stage));
        String query = where.from("ListingApplication")
                + " order by case when pausedOn is null then 0 else 1 end, stageDeadline asc nulls last,"
                + " submittedOn, id";
        return Page.of(
                ListingApplication.<ListingApplication>find(query, where.parameters()),
                page,
                app -> workflow.view(app, asOf));
    }

    /** Counts for the regulator overview. */
    @Schema(name = "ListingStatistics")
    public record Statistics(
            LocalDate asOf,

            @Schema(description = "Every firm with an application")
            List<String> firms,

            Map<Stage, Long> byStage,

            @Schema(description = "Applications past their stage deadline on asOf, clock running")
            long overdue) {}

    @GET
    @Path("/statistics")
    @Transactional
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "Counts for the regulator overview",
            description = "Roles: regulator, auditor. Applications by stage, and those overdue on asOf.")
    public Statistics statistics(@QueryParam("asOf") @Parameter(example = "2024-10-17") LocalDate asOf) {
        LocalDate date = asOf == null ? workflow.today() : asOf;
        var em = ListingApplication.getEntityManager();
        Map<Stage, Long> byStage = new java.util.EnumMap<>(Stage.class);
        for (Object[] row : em.createQuery(
                        "select a.stage, count(a) from ListingApplication a group by a.stage", Object[].class)
                .getResultList()) {
            byStage.put((Stage) row[0], ((Number) row[1]).longValue());
        }
        long overdue = em.createQuery(
                        "select count(a) from ListingApplication a where a.pausedOn is null"
                                + " and a.stageDeadline < :asOf",
                        Long.class)
                .setParameter("asOf", date)
                .getSingleResult();
        List<String> firms = em.createQuery(
                        "select distinct a.firmId from ListingApplication a order by a.firmId", String.class)
                .getResultList();
        return new Statistics(date, firms, byStage, overdue);
    }

    @GET
    @Path("/export")
    @Produces(CsvExport.MEDIA_TYPE)
    @Transactional
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "Export applications as CSV",
            description = "Roles: regulator, auditor. Every application with its stage and deadline as of asOf.")
    public Response export(
            @QueryParam("stage") Stage stage, @QueryParam("asOf") @Parameter(example = "2024-10-08") LocalDate asOf) {
        LocalDate date = asOf == null ? workflow.today() : asOf;
        CsvExport csv = new CsvExport(List.of(
                "id",
                "firmId",
                "accessionNumber",
                "latestAccessionNumber",
                "exchange",
                "exchangeCountry",
                "listingType",
                "usersWithPersonalInfo",
                "sector",
                "stage",
                "submittedOn",
                "reviewRequired",
                "stageDeadline",
                "workingDaysLeft",
                "overdue",
                "clockStopped",
                "decidedOn"));
        Conditions where = new Conditions().equal("stage", stage);
        for (ListingApplication app : ListingApplication.<ListingApplication>find(
                        where.from("ListingApplication"),
                        Sort.by("firmId").and("createdAt").and("id"),
                        where.parameters())
                .list()) {
            ApplicationView v = workflow.view(app, date);
            ApplicationView.Deadline d = v.deadline();
            csv.row(Arrays.asList(
                    v.id(),
                    v.firmId(),
                    v.accessionNumber(),
                    v.latestAccessionNumber(),
                    v.exchange(),
                    v.exchangeCountry(),
                    v.listingType(),
                    v.usersWithPersonalInfo(),
                    v.sector(),
                    v.stage(),
                    v.submittedOn(),
                    v.reviewRequired(),
                    d == null ? null : d.stageDeadline(),
                    d == null ? null : d.workingDaysLeft(),
                    d == null ? null : d.overdue(),
                    d == null ? null : d.clockStopped(),
                    v.decision() == null ? null : v.decision().decidedOn()));
        }
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"listing-applications-" + date + ".csv\"")
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "Start an application (DRAFT)",
            description = "Role: firm. The firm is the token's firm_id. Upload the three documents, then submit. "
                    + "Send an Idempotency-Key to retry safely.")
    @APIResponse(
            responseCode = "201",
            description = "Created as DRAFT; Location names it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid ApplicationFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        String firmId = caller.requireFirmId();
        return idempotency.once(idempotencyKey, "POST /api/v1/listing-applications", body, () -> {
            ListingApplication app = new ListingApplication();
            app.id = UUID.randomUUID();
            app.firmId = firmId;
            app.stage = Stage.DRAFT;
            app.createdAt = Instant.now();
            app.updatedAt = app.createdAt;
            body.applyTo(app);
            workflow.assess(app);
            app.persist();
            workflow.record(app, Action.CREATION, null, null, null, null);
            return Response.created(
                            uri.getAbsolutePathBuilder().path(app.id.toString()).build())
                    .tag(Versions.etag(app.version))
                    .entity(workflow.view(app, null))
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "Read an application",
            description = "Roles: firm (its own only), regulator, auditor. Its deadline as of asOf (default today).")
    @APIResponse(
            responseCode = "200",
            description = "The application; ETag is its version",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response read(
            @PathParam("id") UUID id, @QueryParam("asOf") @Parameter(example = "2024-10-08") LocalDate asOf) {
        ListingApplication app = Workflow.find(id);
        return Response.ok(workflow.view(app, asOf))
                .tag(Versions.etag(app.version))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "Correct a draft",
            description = "Role: firm. Replaces the filed fields of a DRAFT; after submission file an amendment. "
                    + "Needs If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Corrected",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response correct(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ApplicationFiling body) {
        caller.requireFirmId();
        ListingApplication app = Workflow.find(id);
        Versions.requireMatch(ifMatch, app.version);
        Workflow.require(app, Action.CORRECTION);
        ApplicationView before = workflow.view(app, null);
        body.applyTo(app);
        workflow.assess(app);
        workflow.record(app, Action.CORRECTION, app.stage, null, null, before);
        return Response.ok(workflow.view(app, null))
                .tag(Versions.etag(app.version))
                .build();
    }

    /** One step of the timeline. */
    @Schema(name = "ApplicationTransition")
    public record TransitionView(
            int seq,
            @Schema(example = "determination") String action,
            Stage fromStage,
            Stage toStage,
            String actor,
            String actorRole,
            LocalDate occurredOn,
            Instant occurredAt,
            String reason,
            String accessionNumber) {

        static TransitionView of(Transition t) {
            return new TransitionView(
                    t.seq,
                    t.action.path(),
                    t.fromStage,
                    t.toStage,
                    t.actor,
                    t.actorRole,
                    t.occurredOn,
                    t.occurredAt,
                    t.reason,
                    t.accessionNumber);
        }
    }

    @GET
    @Path("/{id}/timeline")
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "An application's timeline",
            description = "Roles: firm (own), regulator, auditor. Every transition: who, when, why, under which "
                    + "accession number.")
    public List<TransitionView> timeline(@PathParam("id") UUID id) {
        Workflow.find(id);
        return Transition.ofApplication(id).stream().map(TransitionView::of).toList();
    }

    /** What the compliance gate saw at one moment. */
    @Schema(name = "GateSnapshot")
    public record SnapshotView(
            UUID id,
            Instant takenAt,
            LocalDate takenOn,
            @Schema(example = "submission") String trigger,
            String takenBy,

            @Schema(description = "Open findings of the rules that bar clearance")
            int blockingCount,

            @Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    description = "Each open finding seen: its service, the finding, whether it bars clearance")
            JsonNode findings) {}

    @GET
    @Path("/{id}/snapshots")
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "The compliance gate's snapshots of an application",
            description = "Roles: firm (own), regulator, auditor. The firm's open findings in contract-registry and "
                    + "asset-inventory as seen at submission and at each decision confirmation.")
    public List<SnapshotView> snapshots(@PathParam("id") UUID id) {
        Workflow.find(id);
        return GateSnapshot.ofApplication(id).stream()
                .map(s -> new SnapshotView(
                        s.id, s.takenAt, s.takenOn, s.trigger, s.takenBy, s.blockingCount, readJson(s.findings)))
                .toList();
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored snapshot is not JSON", e);
        }
    }
}
