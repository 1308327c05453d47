package io.guoziyun.console.page;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The "as of" date of every page: from the URL, today in China when absent. A date that does not parse is shown as
 * such and today is used, rather than an error page.
 */
public record AsOf(LocalDate date, boolean today, String refused) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static AsOf of(String value) {
        LocalDate today = LocalDate.now(CHINA);
        if (value == null || value.isBlank()) {
            return new AsOf(today, true, null);
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            return new AsOf(date, date.equals(today), null);
        } catch (DateTimeParseException e) {
            return new AsOf(today, true, "\"" + value + "\" is not a date (YYYY-MM-DD); showing today");
        }
    }

    @Override
    public String toString() {
        return date.toString();
    }
}
