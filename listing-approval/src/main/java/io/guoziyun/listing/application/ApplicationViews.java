package io.guoziyun.listing.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.listing.gate.ComplianceGate;
import io.guoziyun.listing.review.ReviewAssessment;
import io.guoziyun.listing.review.ReviewClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * An application as the API shows it on a date: its stage, its statutory deadline then, its assessment. A firm
 * does not see the regulators' deliberation: while a decision is pending it learns that one is, not its outcome,
 * reasons or proposer; the audit chain keeps everything.
 */
@ApplicationScoped
public class ApplicationViews {

    private final StageClock clock;
    private final ReviewClock today;
    private final ObjectMapper json;
    private final Caller caller;

    public ApplicationViews(StageClock clock, ReviewClock today, ObjectMapper json, Caller caller) {
        this.clock = clock;
        this.today = today;
        this.json = json;
        this.caller = caller;
    }

    /** As the caller may see it, as of {@code asOf}, or today (in Beijing) when none is given. */
    public ApplicationView view(ListingApplication app, LocalDate asOf) {
        return ApplicationView.of(app, asOf == null ? today.today() : asOf, clock, assessment(app), caller.isFirm());
    }

    /** Everything, as of today: what the audit chain keeps. */
    public ApplicationView record(ListingApplication app) {
        return ApplicationView.of(app, today.today(), clock, assessment(app), false);
    }

    /** A timeline step as the caller may see it: a firm sees neither who proposed or rejected nor why. */
    TransitionView transition(Transition t) {
        TransitionView view = TransitionView.of(t);
        return caller.isFirm() && isDeliberation(t) ? view.withoutActorAndReason() : view;
    }

    /** A snapshot as the caller may see it: a firm does not learn which regulator's step took it. */
    SnapshotView snapshot(GateSnapshot s, List<ComplianceGate.GateFinding> findings) {
        return new SnapshotView(
                s.id, s.takenAt, s.takenOn, s.trigger, caller.isFirm() ? null : s.takenBy, s.blockingCount, findings);
    }

    /** A proposal (a decision's, or "review not required") or its rejection. */
    private static boolean isDeliberation(Transition t) {
        return t.action == Action.DECISION_PROPOSAL
                || t.action == Action.DECISION_REJECTION
                || (t.action == Action.DETERMINATION && t.toStage == Stage.SUBMITTED);
    }

    /** The suite's stored assessment of the application, or null before submission. */
    ReviewAssessment assessment(ListingApplication app) {
        if (app.assessment == null) {
            return null;
        }
        try {
            return json.readValue(app.assessment, ReviewAssessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment of " + app.id + " is not JSON", e);
        }
    }
}
