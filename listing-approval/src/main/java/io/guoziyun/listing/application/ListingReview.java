package io.guoziyun.listing.application;

import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.listing.document.ApplicationDocument;
import io.guoziyun.listing.document.DocumentKind;
import io.guoziyun.listing.gate.ComplianceGate;
import io.guoziyun.listing.gate.ComplianceGate.OpenFindings;
import io.guoziyun.listing.review.ReviewClock;
import io.guoziyun.problem.Problem;
import io.guoziyun.problem.StateConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The review workflow's steps (LA-2) other than the decisions ({@link Decisions}): each loads the application,
 * checks the step fits its state, lets the application and its stage clock change, and records the step.
 */
@ApplicationScoped
@Transactional
public class ListingReview {

    private final ComplianceGate gate;
    private final StageClock clock;
    private final ReviewClock today;
    private final Assessor assessor;
    private final Steps steps;

    public ListingReview(ComplianceGate gate, StageClock clock, ReviewClock today, Assessor assessor, Steps steps) {
        this.gate = gate;
        this.clock = clock;
        this.today = today;
        this.assessor = assessor;
        this.steps = steps;
    }

    /** DRAFT → SUBMITTED: one document of each kind; accession number, assessment, the gate's snapshot. */
    public Versioned<ApplicationView> submit(UUID id, IfMatch ifMatch) {
        return steps.step(id, ifMatch, Action.SUBMISSION, app -> {
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
            return new Steps.StepOutcome(null, app.accessionNumber);
        });
    }

    public Versioned<ApplicationView> extend(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return steps.step(id, ifMatch, Action.EXTENSION, app -> {
            clock.extend(app);
            return new Steps.StepOutcome(body.reason(), null);
        });
    }

    /** INITIAL_REVIEW → MEMBER_UNITS_REVIEW: the member units' opinions on the conclusion (Art. 12). */
    public Versioned<ApplicationView> consultMemberUnits(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return steps.step(id, ifMatch, Action.MEMBER_UNITS_CONSULTATION, app -> {
            clock.enter(app, Stage.MEMBER_UNITS_REVIEW, today.today());
            return new Steps.StepOutcome(body.reason(), null);
        });
    }

    public Versioned<ApplicationView> openSpecialReview(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return steps.step(id, ifMatch, Action.SPECIAL_REVIEW, app -> {
            clock.enter(app, Stage.SPECIAL_REVIEW, today.today());
            return new Steps.StepOutcome(body.reason(), null);
        });
    }

    public Versioned<ApplicationView> requestSupplement(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return steps.step(id, ifMatch, Action.SUPPLEMENT_REQUEST, app -> {
            clock.pause(app, today.today());
            return new Steps.StepOutcome(body.reason(), null);
        });
    }

    public Versioned<ApplicationView> supplement(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return steps.step(id, ifMatch, Action.SUPPLEMENT, app -> {
            clock.resume(app, today.today());
            return new Steps.StepOutcome(body.reason(), amendment(app));
        });
    }

    public Versioned<ApplicationView> amend(UUID id, IfMatch ifMatch, ReviewRequests.Amendment body) {
        return steps.step(id, ifMatch, Action.AMENDMENT, app -> {
            app.file(body.filing());
            assessor.assess(app);
            return new Steps.StepOutcome(body.reason(), amendment(app));
        });
    }

    public Versioned<ApplicationView> withdraw(UUID id, IfMatch ifMatch, ReviewRequests.Reasoned body) {
        return steps.step(id, ifMatch, Action.WITHDRAWAL, app -> {
            LocalDate on = today.today();
            app.withdraw(on);
            clock.enter(app, Stage.WITHDRAWN, on);
            return new Steps.StepOutcome(body.reason(), null);
        });
    }

    /** The amendment's accession number; the documents uploaded since the last filing are filed under it. */
    private static String amendment(ListingApplication app) {
        String number = app.amended();
        ApplicationDocument.fileUnfiledUnder(app.id, number);
        return number;
    }
}
