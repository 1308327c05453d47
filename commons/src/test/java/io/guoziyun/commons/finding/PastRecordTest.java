package io.guoziyun.commons.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PastRecordTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    private static LocalDate d(String date) {
        return date == null ? null : LocalDate.parse(date);
    }

    private static boolean shortened(String detected, String resolved, String newDetected, String newResolved) {
        return PastRecord.shortened(d(detected), d(resolved), d(newDetected), d(newResolved), TODAY);
    }

    @Test
    void takingAwayAnOpenDayBeforeTodayIsShortening() {
        assertTrue(shortened("2022-01-10", null, "2022-02-01", null), "detected later");
        assertTrue(shortened("2022-01-10", null, "2022-01-10", "2022-06-01"), "resolved earlier, in the past");
        assertTrue(shortened("2022-01-10", "2022-06-01", "2022-01-10", "2022-05-31"), "resolved a day earlier");
    }

    @Test
    void addingToThePastOrChangingOnlyTheFutureIsNot() {
        assertFalse(shortened("2022-01-10", null, "2021-12-01", null), "detected earlier");
        assertFalse(shortened("2022-01-10", null, "2022-01-10", "2027-01-01"), "resolved in the future");
        assertFalse(shortened("2022-01-10", null, "2022-01-10", TODAY.toString()), "resolved today");
        assertFalse(shortened("2027-03-01", null, "2027-04-01", null), "a finding still to come");
        assertFalse(shortened("2022-01-10", "2022-01-10", "2022-02-01", "2022-02-01"), "open on no day before");
    }

    @Test
    void aSupersededFindingEndsWhenItsSubjectEndedOrTodayNeverBeforeItBegan() {
        assertEquals(d("2022-06-01"), PastRecord.endOnSupersede(d("2022-01-10"), d("2022-06-01"), null, TODAY));
        assertEquals(TODAY, PastRecord.endOnSupersede(d("2022-01-10"), null, null, TODAY));
        assertEquals(d("2022-03-01"), PastRecord.endOnSupersede(d("2022-01-10"), null, d("2022-03-01"), TODAY));
        assertEquals(d("2022-10-01"), PastRecord.endOnSupersede(d("2022-10-01"), null, d("2022-05-31"), TODAY));
        assertEquals(d("2027-03-01"), PastRecord.endOnSupersede(d("2027-03-01"), null, null, TODAY));
    }
}
