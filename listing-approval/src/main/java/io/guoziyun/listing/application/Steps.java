package io.guoziyun.listing.application;

import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.rest.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Function;

/**
 * One step of the review workflow, the same for every step: load the application, check the If-Match and that the
 * step fits its state, let the step change it, and record it in the timeline and the audit chain.
 */
@ApplicationScoped
class Steps {

    /** What a step leaves for the timeline: its reason and the accession number it assigned, if any. */
    record StepOutcome(String reason, String accessionNumber) {}

    private final Timeline timeline;
    private final ApplicationViews views;

    Steps(Timeline timeline, ApplicationViews views) {
        this.timeline = timeline;
        this.views = views;
    }

    /** Runs inside the caller's transaction. */
    Versioned<ApplicationView> step(
            UUID id, IfMatch ifMatch, Action action, Function<ListingApplication, StepOutcome> change) {
        ListingApplication app = ListingApplication.get(id);
        ifMatch.check(app.version);
        action.requireOn(app);
        ApplicationView before = views.record(app);
        Stage from = app.stage;
        StepOutcome outcome = change.apply(app);
        timeline.record(app, action, from, outcome.reason(), outcome.accessionNumber(), before);
        return new Versioned<>(views.view(app, null), app.version);
    }
}
