package io.guoziyun.commons.calendar;

import io.guoziyun.commons.csv.CsvRecords;
import io.guoziyun.commons.policy.PolicyFiles;
import io.guoziyun.problem.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The PRC working-day calendar: Monday to Friday, except the public holidays, plus the weekend days declared working
 * days. It knows only the years its file covers; any other date is {@link OutsideCalendar}, never a guess.
 */
@ApplicationScoped
public class WorkingDayCalendar {

    public enum Kind {
        HOLIDAY,
        WORKDAY
    }

    /** From this day of the last year with a notice, the next year's notice can still move days (ADR 0005). */
    public static final String DEFAULT_PROVISIONAL_FROM = "12-25";

    private final Map<LocalDate, Kind> exceptions = new HashMap<>();
    private final TreeSet<Integer> years = new TreeSet<>();
    private final Map<LocalDate, String> names = new HashMap<>();
    private final LocalDate provisionalFrom;

    public WorkingDayCalendar(String file) {
        this(file, DEFAULT_PROVISIONAL_FROM);
    }

    @Inject
    public WorkingDayCalendar(
            @ConfigProperty(name = "guoziyun.calendar.file") String file,
            @ConfigProperty(name = "guoziyun.calendar.provisional-from", defaultValue = DEFAULT_PROVISIONAL_FROM)
                    String provisionalFrom) {
        for (CsvRecords.Record row : PolicyFiles.csv(file, List.of("date", "kind", "name"))) {
            load(row);
        }
        if (years.isEmpty()) {
            throw new IllegalStateException("the working-day calendar " + file + " has no dates");
        }
        this.provisionalFrom = MonthDay.parse("--" + provisionalFrom).atYear(years.last());
    }

    /**
     * True for a day the next year's holiday notice can still move: from {@link #DEFAULT_PROVISIONAL_FROM} (or
     * the configured day) of the last year with a notice, to its end. The calendar answers for it, as provisional.
     */
    public boolean isProvisional(LocalDate date) {
        return covers(date) && !date.isBefore(provisionalFrom);
    }

    /**
     * The first working day on or after {@code date} — where a period's last day falls on a rest day (Civil Code
     * Art. 203, ADR 0003). A date the calendar cannot count (its year, or the days after it, not covered) is
     * answered as it is.
     */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (covers(day)) {
            if (isWorkingDay(day)) {
                return day;
            }
            day = day.plusDays(1);
        }
        return date;
    }

    /** Thrown for a date in a year the calendar does not cover: answered 422. */
    public static class OutsideCalendar extends Unprocessable {
        OutsideCalendar(LocalDate date, int first, int last) {
            super("No working-day calendar for " + date + ": the calendar covers " + first + "–" + last
                    + " (the State Council's holiday notice for " + date.getYear() + " is not loaded)");
        }
    }

    public int firstYear() {
        return years.first();
    }

    public int lastYear() {
        return years.last();
    }

    public boolean covers(LocalDate date) {
        return date.getYear() >= years.first() && date.getYear() <= years.last();
    }

    public boolean isWorkingDay(LocalDate date) {
        require(date);
        Kind kind = exceptions.get(date);
        if (kind != null) {
            return kind == Kind.WORKDAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Why a date is or is not a working day: the holiday's or the declared working day's name, else null. */
    public String occasion(LocalDate date) {
        require(date);
        return names.get(date);
    }

    /**
     * The end of a period of {@code days} working days that starts after {@code from}: the day of receipt does not
     * count, so the result is the {@code days}-th working day after {@code from}. Zero days is {@code from} itself.
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        require(from);
        LocalDate date = from;
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The number of working days in {@code (from, to]}; negative when {@code to} is before {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        require(from);
        require(to);
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    private void require(LocalDate date) {
        if (!covers(date)) {
            throw new OutsideCalendar(date, years.first(), years.last());
        }
    }

    private void load(CsvRecords.Record row) {
        LocalDate date = LocalDate.parse(row.fields().get(0).strip());
        Kind kind = Kind.valueOf(row.fields().get(1).strip());
        DayOfWeek day = date.getDayOfWeek();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        if (kind == Kind.WORKDAY && !weekend) {
            throw new IllegalStateException("calendar line " + row.line() + ": " + date + " is a weekday already");
        }
        String name = row.fields().get(2).strip();
        exceptions.put(date, kind);
        names.put(date, name.isEmpty() ? null : name);
        years.add(date.getYear());
    }
}
