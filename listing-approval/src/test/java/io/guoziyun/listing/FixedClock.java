package io.guoziyun.listing;

import io.guoziyun.listing.review.ReviewClock;
import io.quarkus.test.junit.QuarkusMock;
import java.time.LocalDate;

/** Lets a test stand on a chosen day in Beijing, so every deadline can be checked against the calendar. */
public class FixedClock extends ReviewClock {

    private LocalDate today;

    public static FixedClock install(String date) {
        FixedClock clock = new FixedClock();
        clock.today = LocalDate.parse(date);
        QuarkusMock.installMockForType(clock, ReviewClock.class);
        return clock;
    }

    public void set(String date) {
        today = LocalDate.parse(date);
    }

    @Override
    public LocalDate today() {
        return today;
    }
}
