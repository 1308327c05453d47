package io.guoziyun.listing.application;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.listing.application.Steps.StepOutcome;
import io.guoziyun.listing.gate.ComplianceGate;
import io.guoziyun.listing.gate.ComplianceGate.GateFinding;
import io.guoziyun.listing.gate.ComplianceGate.OpenFindings;
import io.guoziyun.listing.review.ReviewClock;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.NotPermitted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The steps that decide (ADR 0008): the determination, and every final outcome — proposed by one regulator,
 * confirmed or rejected by another (compared by the token's {@code sub}), behind the compliance gate.
 */
@ApplicationScoped
@Transactional
public class Decisions {

    /** What the audit chain keeps of a refused confirmation: the snapshot and the findings that blocked it. */
    record Refusal(Stage proposedOutcome, String proposedBy, UUID snapshot, List<String> blockingFindings) {}

    private final Caller caller;
    private final ComplianceGate gate;
    private final StageClock clock;
    private final ReviewClock today;
    private final ApplicationViews views;
    private final AuditTrail audit;
    private final Steps steps;

    public Decisions(
            Caller caller,
            ComplianceGate gate,
            StageClock clock,
            ReviewClock today,
            ApplicationViews views,
            AuditTrail audit,
            Steps steps) {
        this.caller = caller;
        this.gate = gate;
        this.clock = clock;
        this.today = today;
        this.views = views;
        this.audit = audit;
        this.steps = steps;
    }

    /**
     * SUBMITTED → INITIAL_REVIEW at once; "review not required" is a final outcome and so only a proposal, with the
     * gate's snapshot, that a second regulator confirms. Either way, departing from the suite's assessment needs a
     * written reason.
     */
    public Versioned<ApplicationView> determine(UUID id, IfMatch ifMatch, ReviewRequests.Determination body) {
        return steps.step(id, ifMatch, Action.DETERMINATION, app -> {
            String departure = departure(app, body);
            if (body.reviewRequired()) {
                app.reviewRequired();
                clock.enter(app, Stage.INITIAL_REVIEW, today.today());
                return new StepOutcome(withDeparture(body.reason(), departure), null);
            }
            OpenFindings seen = gate.openFindings(app.firmId);
            app.propose(Stage.REVIEW_NOT_REQUIRED, body.reason(), departure, caller.name(), caller.subject());
            gate.snapshot(app, "proposal", seen).persist();
            return new StepOutcome(
                    withDeparture(Stage.REVIEW_NOT_REQUIRED + " proposed: " + body.reason(), departure), null);
        });
    }

    /** The written reason a determination needs when it departs from the assessment (422 without it), or null. */
    private String departure(ListingApplication app, ReviewRequests.Determination body) {
        var assessment = views.assessment(app);
        if (assessment == null || assessment.reviewProposed() == body.reviewRequired()) {
            return null;
        }
        if (body.departureReason() == null || body.departureReason().isBlank()) {
            throw InvalidInput.field(
                    "departureReason",
                    "required: the suite's assessment proposes that a review is "
                            + (assessment.reviewProposed() ? "" : "not ") + "required, and this determination "
                            + "departs from it; say why");
        }
        return body.departureReason();
    }

    private static String withDeparture(String reason, String departure) {
        return departure == null ? reason : reason + " (departs from the assessment: " + departure + ")";
    }

    public Versioned<ApplicationView> propose(UUID id, IfMatch ifMatch, ReviewRequests.DecisionProposal body) {
        return steps.step(id, ifMatch, Action.DECISION_PROPOSAL, app -> {
            OpenFindings seen = gate.openFindings(app.firmId);
            app.propose(Stage.valueOf(body.outcome().name()), body.reasons(), null, caller.name(), caller.subject());
            gate.snapshot(app, "proposal", seen).persist();
            return new StepOutcome(body.outcome() + ": " + body.reasons(), null);
        });
    }

    /**
     * A second regulator confirms: an outcome that lets the listing go ahead (CLEARED, REVIEW_NOT_REQUIRED) only
     * while the firm has no blocking finding open (else 409, and the refusal is kept).
     */
    public Versioned<ApplicationView> confirm(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return steps.step(id, ifMatch, Action.DECISION_CONFIRMATION, app -> {
            requireSecondRegulator(app, "confirm");
            OpenFindings seen = gate.openFindings(app.firmId);
            List<GateFinding> blocking = seen.blocking();
            if (app.proposedOutcome.letsTheListingGoAhead() && !blocking.isEmpty()) {
                keepRefusal(app, seen, blocking);
                throw seen.refusalToClear();
            }
            gate.snapshot(app, "confirmation", seen).persist();
            LocalDate on = today.today();
            clock.enter(app, app.confirm(caller.name(), caller.subject(), on), on);
            return new StepOutcome(body.reason(), null);
        });
    }

    public Versioned<ApplicationView> reject(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return steps.step(id, ifMatch, Action.DECISION_REJECTION, app -> {
            requireSecondRegulator(app, "reject");
            String rejected = app.proposedOutcome + " proposed by " + app.proposedBy;
            app.rejectProposal();
            return new StepOutcome(rejected + " rejected: " + body.reason(), null);
        });
    }

    /** Four eyes, by the token's {@code sub}: the regulator who proposed a decision cannot confirm or reject it. */
    private void requireSecondRegulator(ListingApplication app, String verb) {
        if (app.proposedBy(caller.subject(), caller.name())) {
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
}
