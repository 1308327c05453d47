package io.guoziyun.commons.policy;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates under the directive are dates in China: "today" is today in Beijing time, whatever the server's zone. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The date asked for, or today in Beijing when none was: what an absent {@code asOf} means everywhere. */
    public static LocalDate orToday(LocalDate date) {
        return date == null ? today() : date;
    }
}
