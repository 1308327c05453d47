package io.guoziyun.commons.finding;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Counts as they stood at the end of each month, from changes dated by day: a chart of the record over time in one
 * query. The database sums the changes per month ({@link #BUCKET}); the months are summed up here, so the cost is
 * that of the rows summed (the tally's days), not of one as-of query per month.
 */
public final class MonthlyCounts {

    /**
     * The month a change of {@code day} counts in, as a SQL expression of the day and of the first month's first day
     * {@code from}: changes before the first month count in the month before it, carried into the first.
     */
    public static final String BUCKET = "date_trunc('month', greatest(%s, CAST(%s AS date) - 1))::date";

    /** One month: the day counted (its last, or asOf in asOf's month) and each series' count on that day. */
    @Schema(name = "MonthCounts")
    public record Month(
            @Schema(example = "2022-10") String month,

            @Schema(description = "The day the counts are as of: the month's last day, or asOf in its month")
            LocalDate asOf,

            @Schema(description = "Each series' count on that day; every series in every month, zero included")
            Map<String, Long> counts) {}

    private MonthlyCounts() {}

    /**
     * The months from {@code from}'s to {@code asOf}'s, from rows of (first day of a month, series, change) dated up
     * to {@code asOf}: none when asOf is before {@code from}. Every one of {@code series} is counted, zero or not.
     */
    public static List<Month> running(
            LocalDate from, LocalDate asOf, Collection<String> series, List<Object[]> changes) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(asOf);
        Map<YearMonth, Map<String, Long>> byMonth = new TreeMap<>();
        Map<String, Long> running = new TreeMap<>();
        series.forEach(name -> running.put(name, 0L));
        for (Object[] row : changes) {
            YearMonth month = YearMonth.from(toDate(row[0]));
            String name = (String) row[1];
            running.putIfAbsent(name, 0L);
            byMonth.computeIfAbsent(month.isBefore(first) ? first : month, m -> new LinkedHashMap<>())
                    .merge(name, ((Number) row[2]).longValue(), Long::sum);
        }
        List<Month> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            byMonth.getOrDefault(m, Map.of()).forEach((name, change) -> running.merge(name, change, Long::sum));
            LocalDate end = m.atEndOfMonth();
            months.add(new Month(m.toString(), end.isAfter(asOf) ? asOf : end, new TreeMap<>(running)));
        }
        return months;
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
