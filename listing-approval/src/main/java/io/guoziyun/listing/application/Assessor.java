package io.guoziyun.listing.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.listing.review.Exchanges;
import io.guoziyun.listing.review.ReviewAssessment;
import io.guoziyun.listing.review.ReviewPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * LA-1 and LA-3 on an application's present facts: the suite's proposal, stored with the application. The
 * country LA-1 weighs is the named exchange's (the filed country must be it, else 422).
 */
@ApplicationScoped
public class Assessor {

    private final ReviewPolicy policy;
    private final Exchanges exchanges;
    private final ObjectMapper json;

    public Assessor(ReviewPolicy policy, Exchanges exchanges, ObjectMapper json) {
        this.policy = policy;
        this.exchanges = exchanges;
        this.json = json;
    }

    public void assess(ListingApplication app) {
        Exchanges.Exchange exchange = exchanges.require(app.exchange, app.exchangeCountry);
        ReviewAssessment assessment = ReviewAssessment.of(
                new ReviewAssessment.Facts(
                        app.usersWithPersonalInfo, exchange.country(), app.sector, app.holdsCoreOrImportantData),
                policy);
        try {
            app.assessed(json.writeValueAsString(assessment));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an assessment", e);
        }
    }
}
