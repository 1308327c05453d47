package io.guoziyun.listing.review;

import io.smallrye.config.ConfigMapping;
import java.util.Set;

/** The review parameters of {@code seeds/policy/review.properties}: rules LA-1 to LA-3 and the gate. */
@ConfigMapping(prefix = "guoziyun.review")
public interface ReviewPolicy {

    /** LA-1: more users than this with personal information held means a review must be declared. */
    long userThreshold();

    /** ISO 3166-1 codes that are not "abroad" for LA-1 (Hong Kong). */
    Set<String> notAbroad();

    /** LA-3: sectors where a review may be needed below the threshold. */
    Set<String> sensitiveSectors();

    Stages stages();

    /** Rules whose open findings bar a CLEARED decision. */
    Set<String> blockingRules();

    /** LA-2: each stage's limit in working days. */
    interface Stages {
        int determination();

        int initialReview();

        int initialReviewExtension();

        /** Art. 12: the member units' opinions. */
        int memberUnits();

        int specialReview();
    }
}
