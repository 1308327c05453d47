package io.guoziyun.listing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.guoziyun.commons.calendar.WorkingDayCalendar;
import io.guoziyun.listing.TestPolicy;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The statutory clock of a stage on the real calendar, without HTTP. Around National Day 2024: 29 Sep (Sunday)
 * and 12 Oct (Saturday) were worked, 1–7 Oct were off.
 */
class StageClockTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar("classpath:policy/prc-working-days.csv");
    private final StageClock clock = new StageClock(calendar, TestPolicy.REVIEW);
    private final ListingApplication app = new ListingApplication();

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void theDeterminationEndsTenWorkingDaysAfterTheDayOfReceipt() {
        clock.enter(app, Stage.SUBMITTED, d("2024-09-27"));
        assertEquals(10, app.stageLimit);
        assertEquals(d("2024-10-16"), app.stageDeadline);
        assertEquals(d("2024-09-27"), app.stageStartedOn);
    }

    @Test
    void theInitialReviewTakesThirtyAndOnceFifteenMore() {
        clock.enter(app, Stage.INITIAL_REVIEW, d("2024-09-27"));
        assertEquals(d("2024-11-13"), app.stageDeadline);
        clock.extend(app);
        assertEquals(45, app.stageLimit);
        assertEquals(d("2024-12-04"), app.stageDeadline);
    }

    @Test
    void theWorkingDaysAFirmSpendsSupplyingMaterialsDoNotCount() {
        clock.enter(app, Stage.INITIAL_REVIEW, d("2024-09-27"));
        clock.pause(app, d("2024-10-10"));
        assertEquals(Stage.SUPPLEMENT_REQUESTED, app.stage);
        // 11, 12 (Saturday, worked), 14 and 15 Oct: four working days of the firm's, added back.
        clock.resume(app, d("2024-10-15"));
        assertEquals(Stage.INITIAL_REVIEW, app.stage);
        assertEquals(d("2024-11-19"), app.stageDeadline);
    }

    @Test
    void whileTheClockIsStoppedTheDaysLeftStandStill() {
        clock.enter(app, Stage.INITIAL_REVIEW, d("2024-09-27"));
        clock.pause(app, d("2024-10-10"));
        assertEquals(clock.workingDaysLeft(app, d("2024-10-10")), clock.workingDaysLeft(app, d("2024-11-01")));
    }

    @Test
    void aStageWithoutALimitHasNoClock() {
        clock.enter(app, Stage.CLEARED, d("2024-09-27"));
        assertNull(app.stageStartedOn);
        assertNull(app.stageDeadline);
        assertNull(clock.unknownDeadlineReason(app));
    }

    @Test
    void aDeadlineBeyondTheCalendarIsUnknownAndSaysWhy() {
        clock.enter(app, Stage.SPECIAL_REVIEW, d("2026-12-01"));
        assertEquals(90, app.stageLimit);
        assertNull(app.stageDeadline);
        assertNotNull(clock.unknownDeadlineReason(app));
    }

    @Test
    void theMemberUnitsHaveFifteenWorkingDays() {
        clock.enter(app, Stage.MEMBER_UNITS_REVIEW, d("2024-09-27"));
        assertEquals(15, app.stageLimit);
        // 29, 30 Sep, 8–12 Oct (Saturday 12 worked), 14–18 and 21–23 Oct.
        assertEquals(d("2024-10-23"), app.stageDeadline);
    }
}
