package io.guoziyun.listing.application;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.listing.document.ApplicationDocument;
import io.guoziyun.listing.document.DocumentKind;
import io.guoziyun.listing.gate.ComplianceGate;
import io.guoziyun.listing.gate.ComplianceGate.GateFinding;
import io.guoziyun.listing.gate.ComplianceGate.OpenFindings;
import io.guoziyun.listing.review.ReviewClock;
import io.guoziyun.problem.NotPermitted;
import io.guoziyun.problem.Problem;
import io.guoziyun.problem.StateConflict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The review workflow's steps (LA-2): each loads the application, checks the step fits its state, lets the
 * application and its stage clock change, and records the step in the timeline and the audit chain.
 */
@ApplicationScoped
@Transactional
public class ListingReview {

    private final Caller caller;
    private final ComplianceGate gate;
    private final StageClock clock;
    private final ReviewClock today;
    private final Assessor assessor;
    private final Timeline timeline;
    private final ApplicationViews views;
    private final AuditTrail audit;

    public ListingReview(
            Caller caller,
            ComplianceGate gate,
            StageClock clock,
            ReviewClock today,
            Assessor assessor,
            Timeline timeline,
            ApplicationViews views,
            AuditTrail audit) {
        this.caller = caller;
        this.gate = gate;
        this.clock = clock;
        this.today = today;
        this.assessor = assessor;
        this.timeline = timeline;
        this.views = views;
        this.audit = audit;
    }

    /** What a step leaves for the timeline: its reason and the accession number it assigned, if any. */
    record StepOutcome(String reason, String accessionNumber) {}

    /** What the audit chain keeps of a refused confirmation: the snapshot and the findings that blocked it. */
    record Refusal(Stage proposedOutcome, String proposedBy, UUID snapshot, List<String> blockingFindings) {}

    /** DRAFT → SUBMITTED: one document of each kind; accession number, assessment, the gate's snapshot. */
    public Versioned<ApplicationView> submit(UUID id, IfMatch ifMatch) {
        return step(id, ifMatch, Action.SUBMISSION, app -> {
            Set<DocumentKind> missing = EnumSet.allOf(DocumentKind.class);
            ApplicationDocument.ofApplication(app.id).forEach(d -> missing.remove(d.kind));
            if (!missing.isEmpty()) {
                throw StateConflict.because(
                        "The application lacks documents of kind " + missing + "; upload them to "
                                + "/api/v1/listing-applications/" + app.id + "/documents?kind=…",
                        missing.stream()
                                .map(k -> new Problem.FieldError("documents", "missing " + k))
                                .toList());
            }
            OpenFindings seen = gate.openFindings(app.firmId);
            LocalDate on = today.today();
            app.submitted(on, ListingApplication.nextAccessionNumber(on));
            assessor.assess(app);
            clock.enter(app, Stage.SUBMITTED, on);
            ApplicationDocument.fileUnfiledUnder(app.id, app.accessionNumber);
            gate.snapshot(app, "submission", seen).persist();
            return new StepOutcome(null, app.accessionNumber);
        });
    }

    /** SUBMITTED → INITIAL_REVIEW, or REVIEW_NOT_REQUIRED as the final outcome. */
    public Versioned<ApplicationView> determine(UUID id, IfMatch ifMatch, ReviewRequests.Determination body) {
        return step(id, ifMatch, Action.DETERMINATION, app -> {
            LocalDate on = today.today();
            app.determined(body.reviewRequired(), on, body.reason(), caller.name());
            clock.enter(app, body.reviewRequired() ? Stage.INITIAL_REVIEW : Stage.REVIEW_NOT_REQUIRED, on);
            return new StepOutcome(body.reason(), null);
        });
    }

    public Versioned<ApplicationView> extend(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return step(id, ifMatch, Action.EXTENSION, app -> {
            clock.extend(app);
            return new StepOutcome(body.reason(), null);
        });
    }

    /** INITIAL_REVIEW → MEMBER_UNITS_REVIEW: the member units' opinions on the conclusion (Art. 12). */
    public Versioned<ApplicationView> consultMemberUnits(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return step(id, ifMatch, Action.MEMBER_UNITS_CONSULTATION, app -> {
            clock.enter(app, Stage.MEMBER_UNITS_REVIEW, today.today());
            return new StepOutcome(body.reason(), null);
        });
    }

    public Versioned<ApplicationView> openSpecialReview(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return step(id, ifMatch, Action.SPECIAL_REVIEW, app -> {
            clock.enter(app, Stage.SPECIAL_REVIEW, today.today());
            return new StepOutcome(body.reason(), null);
        });
    }

    public Versioned<ApplicationView> requestSupplement(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return step(id, ifMatch, Action.SUPPLEMENT_REQUEST, app -> {
            clock.pause(app, today.today());
            return new StepOutcome(body.reason(), null);
        });
    }

    public Versioned<ApplicationView> supplement(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return step(id, ifMatch, Action.SUPPLEMENT, app -> {
            clock.resume(app, today.today());
            return new StepOutcome(body.reason(), amendment(app));
        });
    }

    public Versioned<ApplicationView> amend(UUID id, IfMatch ifMatch, ReviewRequests.Amendment body) {
        return step(id, ifMatch, Action.AMENDMENT, app -> {
            app.file(body.filing());
            assessor.assess(app);
            return new StepOutcome(body.reason(), amendment(app));
        });
    }

    public Versioned<ApplicationView> propose(UUID id, IfMatch ifMatch, ReviewRequests.DecisionProposal body) {
        return step(id, ifMatch, Action.DECISION_PROPOSAL, app -> {
            app.propose(Stage.valueOf(body.outcome().name()), body.reasons(), caller.name());
            return new StepOutcome(body.outcome() + ": " + body.reasons(), null);
        });
    }

    /** A second regulator confirms: CLEARED only while the firm has no blocking finding open (else 409, kept). */
    public Versioned<ApplicationView> confirm(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return step(id, ifMatch, Action.DECISION_CONFIRMATION, app -> {
            requireSecondRegulator(app, "confirm");
            OpenFindings seen = gate.openFindings(app.firmId);
            List<GateFinding> blocking = seen.blocking();
            if (app.proposedOutcome == Stage.CLEARED && !blocking.isEmpty()) {
                keepRefusal(app, seen, blocking);
                throw seen.refusalToClear();
            }
            gate.snapshot(app, "confirmation", seen).persist();
            LocalDate on = today.today();
            clock.enter(app, app.confirm(caller.name(), on), on);
            return new StepOutcome(body.reason(), null);
        });
    }

    public Versioned<ApplicationView> reject(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return step(id, ifMatch, Action.DECISION_REJECTION, app -> {
            requireSecondRegulator(app, "reject");
            String rejected = app.proposedOutcome + " proposed by " + app.proposedBy;
            app.rejectProposal();
            return new StepOutcome(rejected + " rejected: " + body.reason(), null);
        });
    }

    public Versioned<ApplicationView> withdraw(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return step(id, ifMatch, Action.WITHDRAWAL, app -> {
            LocalDate on = today.today();
            app.withdraw(on);
            clock.enter(app, Stage.WITHDRAWN, on);
            return new StepOutcome(body.reason(), null);
        });
    }

    private Versioned<ApplicationView> step(
            UUID id, IfMatch ifMatch, Action action, Function<ListingApplication, StepOutcome> change) {
        ListingApplication app = ListingApplication.get(id);
        ifMatch.check(app.version);
        action.requireOn(app);
        ApplicationView before = views.view(app, null);
        Stage from = app.stage;
        StepOutcome outcome = change.apply(app);
        timeline.record(app, action, from, outcome.reason(), outcome.accessionNumber(), before);
        return new Versioned<>(views.view(app, null), app.version);
    }

    /** Four eyes: the regulator who proposed a decision cannot confirm or reject it. */
    private void requireSecondRegulator(ListingApplication app, String verb) {
        if (caller.name().equals(app.proposedBy)) {
            throw new NotPermitted("Four eyes: " + app.proposedBy + " proposed this decision and cannot " + verb
                    + " it; another regulator must");
        }
    }

    /** Kept although the step is refused: who tried to clear it, when, and what stood in the way. */
    private void keepRefusal(ListingApplication app, OpenFindings seen, List<GateFinding> blocking) {
        var refused = gate.snapshot(app, "confirmation-refused", seen);
        Refusal refusal = new Refusal(
                app.proposedOutcome,
                app.proposedBy,
                refused.id,
                blocking.stream()
                        .map(f -> f.service() + " " + f.finding().rule() + " "
                                + f.finding().id())
                        .toList());
        QuarkusTransaction.requiringNew().run(() -> {
            refused.persist();
            audit.record(
                    "listing-application.confirmation-refused", Timeline.SUBJECT, app.id, app.firmId, null, refusal);
        });
    }

    /** The amendment's accession number; the documents uploaded since the last filing are filed under it. */
    private static String amendment(ListingApplication app) {
        String number = app.amended();
        ApplicationDocument.fileUnfiledUnder(app.id, number);
        return number;
    }
}
