package io.guoziyun.listing.application;

import io.guoziyun.commons.calendar.WorkingDayCalendar;
import io.guoziyun.listing.review.ReviewPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * The statutory clock of a stage (LA-2): the stage ends at the end of the N-th working day after the day it began
 * (which does not count), moved on by the working days the firm spent supplying materials (Art. 15). A deadline the
 * calendar cannot count (a year whose holiday notice is not loaded) is unknown, never guessed.
 */
@ApplicationScoped
public class StageClock {

    private final WorkingDayCalendar calendar;
    private final ReviewPolicy policy;

    public StageClock(WorkingDayCalendar calendar, ReviewPolicy policy) {
        this.calendar = calendar;
        this.policy = policy;
    }

    /** The application enters a stage on {@code today}: a new clock with the stage's limit, or none. */
    public void enter(ListingApplication app, Stage stage, LocalDate today) {
        app.enterStage(stage, today, limit(stage));
        app.recount(deadline(app));
    }

    /** Complex cases: the initial review's limit grows by the configured extension, once. */
    public void extend(ListingApplication app) {
        app.extendStage(policy.stages().initialReviewExtension());
        app.recount(deadline(app));
    }

    /** The clock stops while the firm supplies materials. */
    public void pause(ListingApplication app, LocalDate today) {
        app.pauseClock(today);
    }

    /** The firm answered on {@code today}: the working days after the request up to and including today do not count. */
    public void resume(ListingApplication app, LocalDate today) {
        app.resumeClock(today);
        app.recount(deadline(app));
    }

    /** The stage's deadline (not counting a pause still running), or null without a limit or a calendar for it. */
    public LocalDate deadline(ListingApplication app) {
        if (app.stageStartedOn == null || app.stageLimit == null) {
            return null;
        }
        try {
            int days = app.stageLimit;
            if (app.pauses != null) {
                for (String pause : app.pauses.split(";")) {
                    String[] ends = pause.split("/");
                    days += calendar.workingDaysBetween(LocalDate.parse(ends[0]), LocalDate.parse(ends[1]));
                }
            }
            return calendar.addWorkingDays(app.stageStartedOn, days);
        } catch (WorkingDayCalendar.OutsideCalendar e) {
            return null;
        }
    }

    /** Working days from {@code asOf} to the deadline (negative once past it), frozen while the clock is stopped. */
    public Integer workingDaysLeft(ListingApplication app, LocalDate asOf) {
        LocalDate deadline = app.stageDeadline;
        if (deadline == null) {
            return null;
        }
        LocalDate from = app.pausedOn != null && app.pausedOn.isBefore(asOf) ? app.pausedOn : asOf;
        try {
            return calendar.workingDaysBetween(from, deadline);
        } catch (WorkingDayCalendar.OutsideCalendar e) {
            return null;
        }
    }

    /** The stage's deadline may still move with the next year's holiday notice. */
    public boolean isProvisional(ListingApplication app) {
        return app.stageDeadline != null && calendar.isProvisional(app.stageDeadline);
    }

    /** Why a stage with a limit shows no deadline, or null. */
    public String unknownDeadlineReason(ListingApplication app) {
        if (app.stageLimit == null || app.stageDeadline != null) {
            return null;
        }
        return "The deadline falls beyond the working-day calendar (" + calendar.firstYear() + "–"
                + calendar.lastYear() + "); it is shown once the State Council's holiday notice for the next year is"
                + " loaded into seeds/policy/prc-working-days.csv";
    }

    private Integer limit(Stage stage) {
        return switch (stage) {
            case SUBMITTED -> policy.stages().determination();
            case INITIAL_REVIEW -> policy.stages().initialReview();
            case MEMBER_UNITS_REVIEW -> policy.stages().memberUnits();
            case SPECIAL_REVIEW -> policy.stages().specialReview();
            default -> null;
        };
    }
}
