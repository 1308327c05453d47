package io.guoziyun.listing.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.listing.review.ReviewAssessment;
import io.guoziyun.listing.review.ReviewPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/** LA-1 and LA-3 on an application's present facts: the suite's proposal, stored with the application. */
@ApplicationScoped
public class Assessor {

    private final ReviewPolicy policy;
    private final ObjectMapper json;

    public Assessor(ReviewPolicy policy, ObjectMapper json) {
        this.policy = policy;
        this.json = json;
    }

    public void assess(ListingApplication app) {
        ReviewAssessment assessment = ReviewAssessment.of(
                new ReviewAssessment.Facts(
                        app.usersWithPersonalInfo, app.exchangeCountry, app.sector, app.holdsCoreOrImportantData),
                policy);
        try {
            app.assessed(json.writeValueAsString(assessment));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an assessment", e);
        }
    }
}
