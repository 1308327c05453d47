package io.guoziyun.listing.application;

import io.guoziyun.listing.application.ListingApplication.ListingType;
import io.guoziyun.listing.review.ReviewAssessment;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as of a date: its stage, its statutory deadline and what may happen next. */
@Schema(name = "ListingApplication")
public record ApplicationView(
        UUID id,
        String firmId,
        String exchange,
        String exchangeCountry,
        ListingType listingType,
        long usersWithPersonalInfo,
        String sector,
        boolean holdsCoreOrImportantData,
        LocalDate plannedListingOn,
        Stage stage,
        @Schema(example = "LA-2026-000042") String accessionNumber,

        @Schema(description = "The accession number of the latest amendment, e.g. LA-2026-000042-A1")
        String latestAccessionNumber,

        LocalDate submittedOn,

        @Schema(description = "The suite's proposal on whether review is required (LA-1, LA-3) and why")
        ReviewAssessment assessment,

        @Schema(description = "The regulator's determination; null until made")
        Boolean reviewRequired,

        Deadline deadline,
        Decision decision,

        @Schema(description = "The actions the present state allows, as sub-resource names")
        List<String> allowedActions,

        long version) {

    /** The stage's statutory clock as of {@code asOf}. */
    public record Deadline(
            LocalDate asOf,
            LocalDate stageStartedOn,

            @Schema(description = "Working days the stage may take, extension included")
            Integer stageLimit,

            @Schema(description = "End of the stage; moves on by the working days a supplement request takes")
            LocalDate stageDeadline,

            @Schema(description = "Working days after asOf up to the deadline; negative once past it")
            Integer workingDaysLeft,

            boolean overdue,

            @Schema(description = "True while the firm supplies materials: the clock does not run")
            boolean clockStopped,

            LocalDate clockStoppedOn,
            boolean extended,

            @Schema(description = "Why a stage with a limit shows no deadline")
            String note,

            @Schema(
                    description = "True when the deadline lies in the last days of the last year whose holiday notice"
                            + " is loaded: the next year's notice can still move it (ADR 0005)")
            boolean provisional) {}

    /**
     * A proposed or confirmed final outcome: two different regulators. While pending, a firm sees only that it is
     * pending.
     */
    public record Decision(
            @Schema(description = "True while the proposal awaits a second regulator")
            boolean pending,

            @Schema(description = "CLEARED, PROHIBITED or REVIEW_NOT_REQUIRED; hidden from the firm while pending")
            Stage outcome,

            String reasons,

            @Schema(description = "Why a \"review not required\" proposal departs from the suite's assessment")
            String departureReason,

            String proposedBy,
            java.time.Instant proposedAt,
            String confirmedBy,
            LocalDate decidedOn) {

        static final Decision PENDING = new Decision(true, null, null, null, null, null, null, null);
    }

    /** {@code firm}: as a firm sees it, without the regulators' pending deliberation. */
    static ApplicationView of(
            ListingApplication app, LocalDate asOf, StageClock clock, ReviewAssessment assessment, boolean firm) {
        Deadline deadline = null;
        if (app.stageLimit != null) {
            Integer left = clock.workingDaysLeft(app, asOf);
            boolean stopped = app.pausedOn != null;
            deadline = new Deadline(
                    asOf,
                    app.stageStartedOn,
                    app.stageLimit,
                    app.stageDeadline,
                    left,
                    left != null && left < 0,
                    stopped,
                    app.pausedOn,
                    app.extended,
                    clock.unknownDeadlineReason(app),
                    clock.isProvisional(app));
        }
        Decision decision = null;
        if (app.proposedOutcome != null) {
            decision = firm
                    ? Decision.PENDING
                    : new Decision(
                            true,
                            app.proposedOutcome,
                            app.proposedReasons,
                            app.departureReason,
                            app.proposedBy,
                            app.proposedAt,
                            null,
                            null);
        } else if (app.decidedOn != null) {
            decision = new Decision(
                    false,
                    app.stage,
                    app.decisionReasons,
                    app.departureReason,
                    app.proposedBy,
                    app.proposedAt,
                    app.confirmedBy,
                    app.decidedOn);
        }
        return new ApplicationView(
                app.id,
                app.firmId,
                app.exchange,
                app.exchangeCountry,
                app.listingType,
                app.usersWithPersonalInfo,
                app.sector,
                app.holdsCoreOrImportantData,
                app.plannedListingOn,
                app.stage,
                app.accessionNumber,
                app.amendmentCount == 0 ? app.accessionNumber : app.accessionNumber + "-A" + app.amendmentCount,
                app.submittedOn,
                assessment,
                app.reviewRequired,
                deadline,
                decision,
                Action.allowedFor(app),
                app.version);
    }
}
