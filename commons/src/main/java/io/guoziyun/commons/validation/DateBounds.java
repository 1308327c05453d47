package io.guoziyun.commons.validation;

import java.time.LocalDate;

/**
 * Every date a parameter may carry lies between 1900 and 2199: far wider than any contract, server or listing,
 * and far inside what PostgreSQL and date arithmetic can hold.
 */
public final class DateBounds {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private DateBounds() {}

    public static boolean inBounds(LocalDate date) {
        return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
    }
}
