package io.guoziyun.listing.application;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.Versions;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.problem.Problem;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.listing.document.ApplicationDocument;
import io.guoziyun.listing.document.DocumentKind;
import io.guoziyun.listing.gate.ComplianceGate;
import io.guoziyun.listing.gate.ComplianceGate.SeenFinding;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The review workflow: each step a {@code POST} sub-resource named for the action. A step the state does not permit
 * is 409 with the allowed actions. Each accepts an Idempotency-Key and honours If-Match when sent.
 */
@Path("/api/v1/listing-applications/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review workflow", description = "Submission, determination, review, supplements and four-eyes decisions")
@SecurityRequirement(name = "oidc")
@APIResponse(
        responseCode = "200",
        description = "The application after the step",
        content = @Content(schema = @Schema(implementation = ApplicationView.class)))
public class WorkflowResource {

    private final Caller caller;
    private final Idempotency idempotency;
    private final Workflow workflow;
    private final ComplianceGate gate;

    private final AuditTrail audit;

    public WorkflowResource(
            Caller caller, Idempotency idempotency, Workflow workflow, ComplianceGate gate, AuditTrail audit) {
        this.caller = caller;
        this.idempotency = idempotency;
        this.workflow = workflow;
        this.gate = gate;
        this.audit = audit;
    }

    /** What the audit chain keeps of a refused confirmation: the snapshot and the findings that blocked it. */
    record Refusal(Stage proposedOutcome, String proposedBy, UUID snapshot, List<String> blockingFindings) {}

    /** What a step left for the timeline: its reason and the accession number it assigned, if any. */
    record Done(String reason, String accessionNumber) {}

    @POST
    @Path("/submission")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "Submit (DRAFT → SUBMITTED)",
            description = "Role: firm. Needs one document of each kind. Assigns the accession number, proposes "
                    + "whether review is required (LA-1, LA-3) and snapshots the firm's open findings; the "
                    + "determination clock (10 working days) starts. 503 when a service the gate asks is down.")
    public Response submit(
            @PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireFirmId();
        return step(id, Action.SUBMISSION, null, key, ifMatch, app -> {
            Set<DocumentKind> present = ApplicationDocument.ofApplication(app.id).stream()
                    .map(d -> d.kind)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentKind.class)));
            Set<DocumentKind> missing = EnumSet.allOf(DocumentKind.class);
            missing.removeAll(present);
            if (!missing.isEmpty()) {
                throw new ProblemException(
                        409,
                        "Conflict",
                        "The application lacks documents of kind " + missing + "; upload them to "
                                + "/api/v1/listing-applications/" + app.id + "/documents?kind=…",
                        missing.stream()
                                .map(k -> new Problem.FieldError("documents", "missing " + k))
                                .toList());
            }
            List<SeenFinding> seen = gate.look(app.firmId);
            LocalDate today = workflow.today();
            app.submittedOn = today;
            app.accessionNumber = "LA-" + today.getYear() + "-" + String.format("%06d", nextAccession());
            workflow.assess(app);
            workflow.clock().enter(app, Stage.SUBMITTED, today);
            for (ApplicationDocument d : ApplicationDocument.ofApplication(app.id)) {
                d.filedUnder = app.accessionNumber;
            }
            gate.snapshot(app, "submission", seen).persist();
            return new Done(null, app.accessionNumber);
        });
    }

    @POST
    @Path("/determination")
    @Transactional
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Determine whether review is required (SUBMITTED → INITIAL_REVIEW or REVIEW_NOT_REQUIRED)",
            description = "Role: regulator. The suite's proposal is in the application's assessment; this decides. "
                    + "Review required starts the initial review clock (30 working days).")
    public Response determine(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Steps.Determination body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return step(id, Action.DETERMINATION, body, key, ifMatch, app -> {
            LocalDate today = workflow.today();
            app.reviewRequired = body.reviewRequired();
            if (body.reviewRequired()) {
                workflow.clock().enter(app, Stage.INITIAL_REVIEW, today);
            } else {
                workflow.clock().enter(app, Stage.REVIEW_NOT_REQUIRED, today);
                app.decidedOn = today;
                app.decisionReasons = body.reason();
                app.confirmedBy = caller.name();
            }
            return new Done(body.reason(), null);
        });
    }

    @POST
    @Path("/extension")
    @Transactional
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Extend the initial review for a complex case",
            description = "Role: regulator. Once, by the configured extension (15 working days).")
    public Response extend(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Steps.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return step(id, Action.EXTENSION, body, key, ifMatch, app -> {
            workflow.clock().extend(app);
            return new Done(body.reason(), null);
        });
    }

    @POST
    @Path("/special-review")
    @Transactional
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Open the special review (INITIAL_REVIEW → SPECIAL_REVIEW)",
            description = "Role: regulator. Starts the special review clock (90 working days).")
    public Response specialReview(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Steps.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return step(id, Action.SPECIAL_REVIEW, body, key, ifMatch, app -> {
            workflow.clock().enter(app, Stage.SPECIAL_REVIEW, workflow.today());
            return new Done(body.reason(), null);
        });
    }

    @POST
    @Path("/supplement-request")
    @Transactional
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Request supplementary materials (review stage → SUPPLEMENT_REQUESTED)",
            description = "Role: regulator. The stage clock stops until the firm answers (Art. 15). Say what is "
                    + "needed in the reason.")
    public Response requestSupplement(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Steps.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return step(id, Action.SUPPLEMENT_REQUEST, body, key, ifMatch, app -> {
            workflow.clock().pause(app, workflow.today());
            return new Done(body.reason(), null);
        });
    }

    @POST
    @Path("/supplement")
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "Answer a supplement request (SUPPLEMENT_REQUESTED → the review stage)",
            description = "Role: firm. Upload the materials as documents first. Files an amendment with its own "
                    + "accession number; the stage clock runs again from the next working day.")
    public Response supplement(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Steps.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireFirmId();
        return step(id, Action.SUPPLEMENT, body, key, ifMatch, app -> {
            workflow.clock().resume(app, workflow.today());
            return new Done(body.reason(), amend(app));
        });
    }

    @POST
    @Path("/amendment")
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "Amend a submitted application",
            description = "Role: firm. Replaces the filed facts; gets its own accession number (…-A1, -A2); the "
                    + "review proposal is made again. Not while a decision is proposed.")
    public Response amend(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Steps.Amendment body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireFirmId();
        return step(id, Action.AMENDMENT, body, key, ifMatch, app -> {
            body.filing().applyTo(app);
            workflow.assess(app);
            return new Done(body.reason(), amend(app));
        });
    }

    @POST
    @Path("/decision-proposal")
    @Transactional
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Propose a decision (CLEARED or PROHIBITED)",
            description = "Role: regulator. A different regulator must confirm it (four eyes). Reasons mandatory.")
    public Response propose(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Steps.DecisionProposal body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return step(id, Action.DECISION_PROPOSAL, body, key, ifMatch, app -> {
            app.proposedOutcome = Stage.valueOf(body.outcome().name());
            app.proposedReasons = body.reasons();
            app.proposedBy = caller.name();
            app.proposedAt = Instant.now();
            return new Done(body.outcome() + ": " + body.reasons(), null);
        });
    }

    @POST
    @Path("/decision-confirmation")
    @Transactional
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Confirm the proposed decision (→ CLEARED or PROHIBITED)",
            description = "Role: a regulator other than the proposer (403 for the proposer). Asks the other services "
                    + "for the firm's open findings first and keeps the snapshot: CLEARED is refused with 409 "
                    + "naming them while any of CR-1, CR-2, CR-3, AI-1, AI-2 is open; 503 when a service is down.")
    public Response confirm(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Steps.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return step(id, Action.DECISION_CONFIRMATION, body, key, ifMatch, app -> {
            requireSecondRegulator(app, "confirm");
            List<SeenFinding> seen = gate.look(app.firmId);
            List<SeenFinding> blocking =
                    seen.stream().filter(SeenFinding::blocking).toList();
            if (app.proposedOutcome == Stage.CLEARED && !blocking.isEmpty()) {
                var refused = gate.snapshot(app, "confirmation-refused", seen);
                Refusal refusal = new Refusal(
                        app.proposedOutcome,
                        app.proposedBy,
                        refused.id,
                        blocking.stream()
                                .map(f -> f.service() + " " + f.finding().rule() + " "
                                        + f.finding().id())
                                .toList());
                // Kept although the step is refused: who tried to clear it, when, and what stood in the way.
                QuarkusTransaction.requiringNew().run(() -> {
                    refused.persist();
                    audit.record(
                            "listing-application.confirmation-refused",
                            Workflow.SUBJECT,
                            app.id,
                            app.firmId,
                            null,
                            refusal);
                });
                throw refusal(blocking);
            }
            gate.snapshot(app, "confirmation", seen).persist();
            LocalDate today = workflow.today();
            Stage outcome = app.proposedOutcome;
            app.decisionReasons = app.proposedReasons;
            app.confirmedBy = caller.name();
            app.decidedOn = today;
            app.proposedOutcome = null;
            workflow.clock().enter(app, outcome, today);
            return new Done(body.reason(), null);
        });
    }

    @POST
    @Path("/decision-rejection")
    @Transactional
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Reject the proposed decision",
            description = "Role: a regulator other than the proposer. The review stage goes on; its clock runs on.")
    public Response reject(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Steps.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return step(id, Action.DECISION_REJECTION, body, key, ifMatch, app -> {
            requireSecondRegulator(app, "reject");
            String rejected = app.proposedOutcome + " proposed by " + app.proposedBy;
            app.proposedOutcome = null;
            app.proposedReasons = null;
            app.proposedBy = null;
            app.proposedAt = null;
            return new Done(rejected + " rejected: " + body.reason(), null);
        });
    }

    @POST
    @Path("/withdrawal")
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(summary = "Withdraw the application", description = "Role: firm. Any time before a decision.")
    public Response withdraw(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Steps.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireFirmId();
        return step(id, Action.WITHDRAWAL, body, key, ifMatch, app -> {
            app.withdrawnOn = workflow.today();
            app.proposedOutcome = null;
            workflow.clock().enter(app, Stage.WITHDRAWN, app.withdrawnOn);
            return new Done(body.reason(), null);
        });
    }

    private Response step(
            UUID id,
            Action action,
            Object body,
            String key,
            String ifMatch,
            Function<ListingApplication, Done> change) {
        String operation = "POST /api/v1/listing-applications/" + id + "/" + action.path();
        return idempotency.once(key, operation, body == null ? "" : body, () -> {
            ListingApplication app = Workflow.find(id);
            if (ifMatch != null) {
                Versions.requireMatch(ifMatch, app.version);
            }
            Workflow.require(app, action);
            ApplicationView before = workflow.view(app, null);
            Stage from = app.stage;
            Done done = change.apply(app);
            workflow.record(app, action, from, done.reason(), done.accessionNumber(), before);
            return Response.ok(workflow.view(app, null))
                    .tag(Versions.etag(app.version))
                    .build();
        });
    }

    private void requireSecondRegulator(ListingApplication app, String verb) {
        if (caller.name().equals(app.proposedBy)) {
            throw new ProblemException(
                    403,
                    "Forbidden",
                    "Four eyes: " + app.proposedBy + " proposed this decision and cannot " + verb
                            + " it; another regulator must");
        }
    }

    private static ProblemException refusal(List<SeenFinding> blocking) {
        String rules = blocking.stream()
                .map(f -> f.finding().rule())
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
        return new ProblemException(
                409,
                "Conflict",
                "Cannot clear: the firm has " + blocking.size() + " open finding(s) of " + rules
                        + "; see the application's snapshots",
                blocking.stream()
                        .map(f -> new Problem.FieldError(
                                f.service(),
                                f.finding().rule() + " finding " + f.finding().id() + " on "
                                        + f.finding().subjectId() + ", open since "
                                        + f.finding().detectedOn()))
                        .toList());
    }

    private static String amend(ListingApplication app) {
        app.amendmentCount++;
        String number = app.accessionNumber + "-A" + app.amendmentCount;
        for (ApplicationDocument d : ApplicationDocument.ofApplication(app.id)) {
            if (d.filedUnder == null) {
                d.filedUnder = number;
            }
        }
        return number;
    }

    private static long nextAccession() {
        return ((Number) ListingApplication.getEntityManager()
                        .createNativeQuery("SELECT nextval('accession_seq')")
                        .getSingleResult())
                .longValue();
    }
}
