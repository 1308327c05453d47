package io.guoziyun.commons.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The calendar against real dates of the State Council's notices (the file copied from seeds/policy). */
class WorkingDayCalendarTest {

    /** The policy file itself, as every service loads it. */
    static final String SEEDS = "../seeds/policy/prc-working-days.csv";

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(SEEDS);

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void nationalDay2024WithItsWeekendWorkingDays() {
        assertTrue(calendar.isWorkingDay(d("2024-09-29")), "Sunday 29 Sep 2024 was worked");
        assertTrue(calendar.isWorkingDay(d("2024-10-12")), "Saturday 12 Oct 2024 was worked");
        assertFalse(calendar.isWorkingDay(d("2024-10-01")));
        assertFalse(calendar.isWorkingDay(d("2024-10-07")), "a Monday inside the holiday");
        assertFalse(calendar.isWorkingDay(d("2024-09-28")), "an ordinary Saturday");
        assertEquals("National Day", calendar.occasion(d("2024-10-12")));
        // 29 Sep, 30 Sep, 8, 9, 10, 11, 12 (Sat), 14, 15, 16 Oct: the day of receipt does not count.
        assertEquals(d("2024-10-16"), calendar.addWorkingDays(d("2024-09-27"), 10));
        assertEquals(d("2024-10-08"), calendar.addWorkingDays(d("2024-09-30"), 1));
    }

    @Test
    void springFestival2026() {
        assertTrue(calendar.isWorkingDay(d("2026-02-14")), "Saturday 14 Feb 2026 was declared a working day");
        assertFalse(calendar.isWorkingDay(d("2026-02-23")), "Monday 23 Feb 2026 is inside the holiday");
        assertTrue(calendar.isWorkingDay(d("2026-02-28")), "Saturday 28 Feb 2026 was declared a working day");
        assertEquals(d("2026-02-14"), calendar.addWorkingDays(d("2026-02-13"), 1));
        assertEquals(d("2026-02-24"), calendar.addWorkingDays(d("2026-02-13"), 2));
        assertEquals(d("2026-02-27"), calendar.addWorkingDays(d("2026-02-13"), 5));
        assertEquals(d("2026-02-28"), calendar.addWorkingDays(d("2026-02-13"), 6));
        assertEquals(6, calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-28")));
        assertEquals(-6, calendar.workingDaysBetween(d("2026-02-28"), d("2026-02-13")));
    }

    @Test
    void springFestival2024AndItsEve() {
        assertTrue(calendar.isWorkingDay(d("2024-02-04")), "Sunday 4 Feb 2024 was worked");
        assertTrue(calendar.isWorkingDay(d("2024-02-09")), "New Year's Eve 2024 was an ordinary working day");
        assertTrue(calendar.isWorkingDay(d("2024-02-18")), "Sunday 18 Feb 2024 was worked");
        assertEquals(d("2024-02-18"), calendar.addWorkingDays(d("2024-02-09"), 1));
    }

    @Test
    void combinedMidAutumnAndNationalDay2025() {
        assertEquals(d("2025-09-30"), calendar.addWorkingDays(d("2025-09-26"), 3));
        assertEquals(d("2025-10-09"), calendar.addWorkingDays(d("2025-09-30"), 1));
        assertEquals(d("2025-10-11"), calendar.addWorkingDays(d("2025-09-30"), 3));
        assertFalse(calendar.isWorkingDay(d("2025-10-08")));
    }

    @Test
    void theNewYearOf2023BeganOnTheLastDayOf2022() {
        assertFalse(calendar.isWorkingDay(d("2022-12-31")));
        assertFalse(calendar.isWorkingDay(d("2023-01-02")), "a Monday off");
        assertEquals(d("2023-01-03"), calendar.addWorkingDays(d("2022-12-30"), 1));
    }

    @Test
    void zeroWorkingDaysIsTheDayItself() {
        assertEquals(d("2024-10-05"), calendar.addWorkingDays(d("2024-10-05"), 0));
        assertEquals(0, calendar.workingDaysBetween(d("2024-10-01"), d("2024-10-07")));
    }

    @Test
    void aYearOutsideTheCalendarIsNeverGuessed() {
        assertEquals(2021, calendar.firstYear());
        assertEquals(2026, calendar.lastYear());
        assertThrows(WorkingDayCalendar.OutsideCalendar.class, () -> calendar.isWorkingDay(d("2027-01-04")));
        assertThrows(WorkingDayCalendar.OutsideCalendar.class, () -> calendar.isWorkingDay(d("2020-12-31")));
        // Ten working days from Christmas 2026 run into 2027, whose holidays are not loaded.
        assertThrows(WorkingDayCalendar.OutsideCalendar.class, () -> calendar.addWorkingDays(d("2026-12-25"), 10));
        assertEquals(d("2026-12-31"), calendar.addWorkingDays(d("2026-12-25"), 4));
    }

    @Test
    void theLastDaysOfTheLastYearWithANoticeAreProvisional() {
        assertFalse(calendar.isProvisional(d("2026-12-24")));
        assertTrue(calendar.isProvisional(d("2026-12-25")));
        assertTrue(calendar.isProvisional(d("2026-12-31")));
        assertFalse(calendar.isProvisional(d("2025-12-31")), "the 2026 notice is loaded: 2025 is final");
        assertFalse(calendar.isProvisional(d("2027-01-04")), "beyond the calendar: unknown, not provisional");
        assertTrue(new WorkingDayCalendar(SEEDS, "12-01").isProvisional(d("2026-12-01")), "a policy parameter");
    }

    @Test
    void aPeriodEndingOnARestDayEndsOnTheNextWorkingDay() {
        // Spring Festival 2022: 31 Jan to 6 Feb off, Saturday 29 Jan and Sunday 30 Jan worked.
        assertEquals(d("2022-02-07"), calendar.workingDayOnOrAfter(d("2022-02-03")));
        assertEquals(d("2022-02-07"), calendar.workingDayOnOrAfter(d("2022-02-07")));
        assertEquals(d("2022-01-30"), calendar.workingDayOnOrAfter(d("2022-01-30")), "a Sunday declared worked");
        assertEquals(d("2022-10-08"), calendar.workingDayOnOrAfter(d("2022-10-01")), "Saturday 8 Oct 2022 worked");
        assertEquals(d("2027-03-06"), calendar.workingDayOnOrAfter(d("2027-03-06")), "no calendar: as it is");
    }

    @Test
    void aNewYearsNoticeIsAFileChange() {
        // The seeds' file plus rows in the shape of a 2027 notice (illustrative dates, not the notice itself).
        WorkingDayCalendar extended = new WorkingDayCalendar("src/test/resources/calendar-with-2027.csv");
        assertEquals(2027, extended.lastYear());
        assertFalse(extended.isProvisional(d("2026-12-31")), "with the 2027 notice, December 2026 is final");
        assertFalse(extended.isWorkingDay(d("2026-12-31")), "the 2027 notice made it a day off");
        assertEquals(d("2027-01-04"), extended.addWorkingDays(d("2026-12-30"), 1));
        assertThrows(WorkingDayCalendar.OutsideCalendar.class, () -> calendar.addWorkingDays(d("2026-12-30"), 2));
    }
}
