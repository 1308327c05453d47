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
}
