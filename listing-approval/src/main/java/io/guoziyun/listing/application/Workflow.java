package io.guoziyun.listing.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.listing.review.ReviewAssessment;
import io.guoziyun.listing.review.ReviewClock;
import io.guoziyun.listing.review.ReviewPolicy;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What every workflow step shares: finding the application, checking the step fits, and recording it. */
@RequestScoped
public class Workflow {

    static final String SUBJECT = "listing-application";

    private final Caller caller;
    private final SecurityIdentity identity;
    private final AuditTrail audit;
    private final StageClock clock;
    private final ReviewClock today;
    private final ReviewPolicy policy;
    private final ObjectMapper json;

    public Workflow(
            Caller caller,
            SecurityIdentity identity,
            AuditTrail audit,
            StageClock clock,
            ReviewClock today,
            ReviewPolicy policy,
            ObjectMapper json) {
        this.caller = caller;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
        this.today = today;
        this.policy = policy;
        this.json = json;
    }

    /** The application, or 404 when it does not exist or belongs to another firm (scoping hides it). */
    public static ListingApplication find(UUID id) {
        ListingApplication app = ListingApplication.findById(id);
        if (app == null) {
            throw ProblemException.notFound("Listing application " + id);
        }
        return app;
    }

    /** 409 naming the actions that do fit, when the application's state does not permit {@code action}. */
    public static void require(ListingApplication app, Action action) {
        if (!action.allowedOn(app)) {
            String state = app.stage + (app.proposedOutcome != null ? " with a decision proposed" : "");
            throw new ProblemException(
                    "The application is " + state + "; '" + action.path() + "' is not allowed now. Allowed: "
                            + String.join(", ", Action.allowedFor(app)),
                    Action.allowedFor(app));
        }
    }

    public LocalDate today() {
        return today.today();
    }

    public StageClock clock() {
        return clock;
    }

    public String actor() {
        return caller.name();
    }

    public ApplicationView view(ListingApplication app, LocalDate asOf) {
        return ApplicationView.of(app, asOf == null ? today() : asOf, clock, assessment(app));
    }

    /** LA-1 and LA-3 on the application's present facts, stored with it. */
    public void assess(ListingApplication app) {
        ReviewAssessment assessment = ReviewAssessment.of(
                new ReviewAssessment.Facts(
                        app.usersWithPersonalInfo, app.exchangeCountry, app.sector, app.holdsCoreOrImportantData),
                policy);
        try {
            app.assessment = json.writeValueAsString(assessment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an assessment", e);
        }
    }

    /** Appends the step to the timeline and the audit chain; {@code before} is the view before the change. */
    public Transition record(
            ListingApplication app,
            Action action,
            Stage from,
            String reason,
            String accessionNumber,
            ApplicationView before) {
        if (action != Action.CREATION) {
            app.updatedAt = Instant.now();
        }
        app.flush();
        Transition t = new Transition();
        t.id = UUID.randomUUID();
        t.firmId = app.firmId;
        t.applicationId = app.id;
        t.seq = (int) Transition.count("applicationId", app.id) + 1;
        t.action = action;
        t.fromStage = from;
        t.toStage = app.stage;
        t.actor = caller.name();
        t.actorRole = identity.hasRole(Roles.REGULATOR) ? Roles.REGULATOR : Roles.FIRM;
        t.occurredOn = today();
        t.occurredAt = Instant.now();
        t.reason = reason;
        t.accessionNumber = accessionNumber;
        t.persist();
        audit.record("listing-application." + action.path(), SUBJECT, app.id, app.firmId, before, view(app, null));
        return t;
    }

    private JsonNode assessment(ListingApplication app) {
        if (app.assessment == null) {
            return null;
        }
        try {
            return json.readTree(app.assessment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment of " + app.id + " is not JSON", e);
        }
    }
}
