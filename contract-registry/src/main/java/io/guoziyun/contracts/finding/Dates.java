package io.guoziyun.contracts.finding;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/** The date arithmetic the contract rules share; null means "not yet" and is skipped. */
final class Dates {

    private Dates() {}

    /** The earliest of the dates given, or null when none is. */
    static LocalDate earliest(LocalDate... dates) {
        return Stream.of(dates)
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** {@code date}, but not before {@code floor}; null stays null. */
    static LocalDate notBefore(LocalDate date, LocalDate floor) {
        return date == null ? null : latest(date, floor);
    }
}
