package io.guoziyun.listing.review;

import io.guoziyun.commons.policy.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** The date a workflow step happens on: today in Beijing. One bean so tests can stand on a chosen day. */
@ApplicationScoped
public class ReviewClock {

    public LocalDate today() {
        return ChinaTime.today();
    }
}
