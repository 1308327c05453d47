package io.guoziyun.listing.application;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.firm.Caller;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Counts every running stage's deadline again at start: a calendar or stage-limit change (a data change in
 * seeds/policy) reaches the applications already under review, and deadlines unknown for want of next year's
 * holiday notice appear once it is loaded.
 */
@ApplicationScoped
public class DeadlineRefresh {

    private static final Logger LOG = Logger.getLogger(DeadlineRefresh.class);

    private final Caller caller;
    private final StageClock clock;
    private final AuditTrail audit;

    public DeadlineRefresh(Caller caller, StageClock clock, AuditTrail audit) {
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
    }

    /** What the audit chain keeps of a recount: the running stage and its deadline, before and after. */
    record Deadline(Stage stage, LocalDate stageDeadline) {}

    @ActivateRequestContext
    @Transactional
    void onStart(@Observes StartupEvent event) {
        caller.actAsSystem();
        List<ListingApplication> running = ListingApplication.list("stageLimit is not null");
        int changed = 0;
        for (ListingApplication app : running) {
            var deadline = clock.deadline(app);
            if (!Objects.equals(deadline, app.stageDeadline)) {
                Deadline before = new Deadline(app.stage, app.stageDeadline);
                app.recount(deadline);
                // A deadline a regulator is held to changed without anyone asking: the chain says when and why.
                audit.record(
                        "listing-application.deadline-recounted",
                        Timeline.SUBJECT,
                        app.id,
                        app.firmId,
                        before,
                        new Deadline(app.stage, deadline));
                changed++;
            }
        }
        LOG.infof("Stage deadlines counted again: %d of %d running stages changed", changed, running.size());
    }
}
