package io.guoziyun.listing.application;

import io.guoziyun.commons.validation.DateBounds;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.NotFound;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** An overseas listing application and its place in the review; scoped to its firm by {@code @TenantId}. */
@Entity
public class ListingApplication extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String exchange;
    public String exchangeCountry;

    @Enumerated(EnumType.STRING)
    public ListingType listingType;

    public long usersWithPersonalInfo;
    public String sector;
    public boolean holdsCoreOrImportantData;
    public LocalDate plannedListingOn;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Enumerated(EnumType.STRING)
    public Stage resumeStage;

    public String accessionNumber;
    public LocalDate submittedOn;
    public int amendmentCount;
    /** The suite's LA-1/LA-3 proposal at submission or the last amendment, as JSON. */
    public String assessment;
    /** The regulator's determination; null until made. */
    public Boolean reviewRequired;

    public LocalDate stageStartedOn;
    public Integer stageLimit;
    /** The completed pauses of this stage, {@code from/to;from/to}: working days in each do not count. */
    public String pauses;

    public LocalDate pausedOn;
    public boolean extended;
    public LocalDate stageDeadline;

    @Enumerated(EnumType.STRING)
    public Stage proposedOutcome;

    public String proposedReasons;
    public String proposedBy;
    /** The proposer's token {@code sub}: four eyes compares this, not the name. */
    public String proposedBySub;

    public Instant proposedAt;
    /** Why a "review not required" proposal departs from the suite's assessment, when it does. */
    public String departureReason;

    public LocalDate decidedOn;
    public String decisionReasons;
    public String confirmedBy;
    public String confirmedBySub;
    public LocalDate withdrawnOn;

    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    /** The application, or 404 when it does not exist or belongs to another firm (scoping hides it). */
    public static ListingApplication get(UUID id) {
        ListingApplication app = findById(id);
        if (app == null) {
            throw new NotFound("Listing application " + id);
        }
        return app;
    }

    /** The next accession number of the year, {@code LA-2026-000042}: from a sequence, never reused. */
    static String nextAccessionNumber(LocalDate on) {
        long next = ((Number) getEntityManager()
                        .createNativeQuery("SELECT nextval('accession_seq')")
                        .getSingleResult())
                .longValue();
        return "LA-" + on.getYear() + "-" + String.format("%06d", next);
    }

    /** A firm's new application, a DRAFT. */
    static ListingApplication draft(String firmId, ApplicationFiling filing) {
        ListingApplication app = new ListingApplication();
        app.id = UUID.randomUUID();
        app.firmId = firmId;
        app.stage = Stage.DRAFT;
        app.createdAt = Instant.now();
        app.updatedAt = app.createdAt;
        app.file(filing);
        return app;
    }

    /** The filed facts replaced (a draft's correction, an amendment). */
    void file(ApplicationFiling filing) {
        if (filing.plannedListingOn() != null && !DateBounds.inBounds(filing.plannedListingOn())) {
            throw InvalidInput.field("plannedListingOn", "a date from 1900 to 2199");
        }
        exchange = filing.exchange();
        exchangeCountry = filing.exchangeCountry();
        listingType = filing.listingType();
        usersWithPersonalInfo = filing.usersWithPersonalInfo();
        sector = filing.sector();
        holdsCoreOrImportantData = filing.holdsCoreOrImportantData();
        plannedListingOn = filing.plannedListingOn();
    }

    /** The suite's LA-1/LA-3 proposal on the present facts, as JSON. */
    void assessed(String assessmentJson) {
        assessment = assessmentJson;
    }

    void submitted(LocalDate on, String accession) {
        submittedOn = on;
        accessionNumber = accession;
    }

    /** The next amendment's accession number, e.g. LA-2026-000042-A2. */
    String amended() {
        amendmentCount++;
        return accessionNumber + "-A" + amendmentCount;
    }

    /** The regulator's determination that a review is required: the initial review starts. */
    void reviewRequired() {
        reviewRequired = true;
    }

    /**
     * A final outcome proposed by one regulator ({@code by}, token {@code sub}); {@code departure} says why it
     * departs from the assessment, when it does.
     */
    void propose(Stage outcome, String reasons, String departure, String by, String sub) {
        proposedOutcome = outcome;
        proposedReasons = reasons;
        departureReason = departure;
        proposedBy = by;
        proposedBySub = sub;
        proposedAt = Instant.now();
    }

    /** Whether {@code sub} (or, for a proposal older than subs were kept, {@code name}) proposed the decision. */
    boolean proposedBy(String sub, String name) {
        return proposedBySub == null ? name.equals(proposedBy) : sub.equals(proposedBySub);
    }

    /** The proposal confirmed by a second regulator on {@code on}: its outcome, which the stage clock enters. */
    Stage confirm(String by, String sub, LocalDate on) {
        Stage outcome = proposedOutcome;
        if (outcome == Stage.REVIEW_NOT_REQUIRED) {
            reviewRequired = false;
        }
        decisionReasons = proposedReasons;
        confirmedBy = by;
        confirmedBySub = sub;
        decidedOn = on;
        proposedOutcome = null;
        return outcome;
    }

    void rejectProposal() {
        proposedOutcome = null;
        proposedReasons = null;
        departureReason = null;
        proposedBy = null;
        proposedBySub = null;
        proposedAt = null;
    }

    void withdraw(LocalDate on) {
        withdrawnOn = on;
    }

    /** A new stage with its limit (or none) from {@code today}; any pause or extension ends with the old one. */
    void enterStage(Stage next, LocalDate today, Integer limit) {
        stage = next;
        resumeStage = null;
        pauses = null;
        pausedOn = null;
        extended = false;
        stageLimit = limit;
        stageStartedOn = limit == null ? null : today;
    }

    void extendStage(int extraDays) {
        extended = true;
        stageLimit = stageLimit + extraDays;
    }

    /** The clock stops while the firm supplies materials (Art. 15). */
    void pauseClock(LocalDate today) {
        resumeStage = stage;
        stage = Stage.SUPPLEMENT_REQUESTED;
        pausedOn = today;
    }

    /** The firm answered on {@code today}: the pause is kept, and the review stage goes on. */
    void resumeClock(LocalDate today) {
        String pause = pausedOn + "/" + today;
        pauses = pauses == null ? pause : pauses + ";" + pause;
        pausedOn = null;
        stage = resumeStage;
        resumeStage = null;
    }

    /** The stage's deadline as counted on the calendar now (null when it falls beyond the calendar). */
    void recount(LocalDate deadline) {
        stageDeadline = deadline;
    }

    void touched() {
        updatedAt = Instant.now();
    }

    public enum ListingType {
        IPO,
        SECONDARY,
        DUAL_PRIMARY
    }
}
