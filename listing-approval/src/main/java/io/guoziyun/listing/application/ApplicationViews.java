package io.guoziyun.listing.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.listing.review.ReviewAssessment;
import io.guoziyun.listing.review.ReviewClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** An application as the API shows it on a date: its stage, its statutory deadline then, its assessment. */
@ApplicationScoped
public class ApplicationViews {

    private final StageClock clock;
    private final ReviewClock today;
    private final ObjectMapper json;

    public ApplicationViews(StageClock clock, ReviewClock today, ObjectMapper json) {
        this.clock = clock;
        this.today = today;
        this.json = json;
    }

    /** As of {@code asOf}, or today (in Beijing) when none is given. */
    public ApplicationView view(ListingApplication app, LocalDate asOf) {
        return ApplicationView.of(app, asOf == null ? today.today() : asOf, clock, assessment(app));
    }

    private ReviewAssessment assessment(ListingApplication app) {
        if (app.assessment == null) {
            return null;
        }
        try {
            return json.readValue(app.assessment, ReviewAssessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment of " + app.id + " is not JSON", e);
        }
    }
}
