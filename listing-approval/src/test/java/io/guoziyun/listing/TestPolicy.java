package io.guoziyun.listing;

import io.guoziyun.listing.review.ReviewPolicy;
import java.util.Set;

/** The review policy of seeds/policy, as a value for unit tests that run without Quarkus. */
public final class TestPolicy {

    private TestPolicy() {}

    public static final ReviewPolicy REVIEW = new ReviewPolicy() {
        @Override
        public long userThreshold() {
            return 1_000_000;
        }

        @Override
        public Set<String> notAbroad() {
            return Set.of("HK");
        }

        @Override
        public Set<String> sensitiveSectors() {
            return Set.of("FINANCE");
        }

        @Override
        public Stages stages() {
            return new Stages() {
                @Override
                public int determination() {
                    return 10;
                }

                @Override
                public int initialReview() {
                    return 30;
                }

                @Override
                public int initialReviewExtension() {
                    return 15;
                }

                @Override
                public int memberUnits() {
                    return 15;
                }

                @Override
                public int specialReview() {
                    return 90;
                }
            };
        }

        @Override
        public Set<String> blockingRules() {
            return Set.of("CR-3");
        }
    };
}
