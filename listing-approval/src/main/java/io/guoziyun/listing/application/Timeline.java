package io.guoziyun.listing.application;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.metrics.DomainMetrics;
import io.guoziyun.listing.review.ReviewClock;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Each step an application takes, in its timeline and in the audit chain: who, when, why, before and after. */
@ApplicationScoped
public class Timeline {

    public static final String SUBJECT = "listing-application";

    private final Caller caller;
    private final SecurityIdentity identity;
    private final AuditTrail audit;
    private final ReviewClock today;
    private final ApplicationViews views;
    private final DomainMetrics metrics;

    public Timeline(
            Caller caller,
            SecurityIdentity identity,
            AuditTrail audit,
            ReviewClock today,
            ApplicationViews views,
            DomainMetrics metrics) {
        this.caller = caller;
        this.identity = identity;
        this.audit = audit;
        this.today = today;
        this.views = views;
        this.metrics = metrics;
    }

    /** Appends the step; {@code before} is the view before the change (null for the creation). */
    public void record(
            ListingApplication app,
            Action action,
            Stage from,
            String reason,
            String accessionNumber,
            ApplicationView before) {
        if (action != Action.CREATION) {
            app.touched();
        }
        app.flush();
        String role = identity.hasRole(Roles.REGULATOR) ? Roles.REGULATOR : Roles.FIRM;
        Transition.next(app, action, from, caller.name(), role, today.today(), reason, accessionNumber)
                .persist();
        audit.record("listing-application." + action.path(), SUBJECT, app.id, app.firmId, before, views.record(app));
        metrics.afterCommit(
                "guoziyun.review.steps",
                "action",
                action.path(),
                "from",
                from == null ? "NONE" : from.name(),
                "to",
                app.stage.name());
    }
}
