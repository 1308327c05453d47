package io.guoziyun.listing.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.listing.TestPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LA-1 and LA-3 as the suite proposes them, each edge one line. */
class ReviewAssessmentTest {

    private static ReviewAssessment assess(long users, String country, String sector, boolean coreData) {
        return ReviewAssessment.of(new ReviewAssessment.Facts(users, country, sector, coreData), TestPolicy.REVIEW);
    }

    @ParameterizedTest(name = "{0} users listing in {1}: review {2}")
    @CsvSource({
        "1000000, US, false",
        "1000001, US, true",
        "1000001, HK, false",
        "50000000, HK, false",
        "0, GB, false",
    })
    void la1MoreThanAMillionUsersListingAbroad(long users, String country, boolean review) {
        ReviewAssessment a = assess(users, country, "RETAIL", false);
        assertEquals(review, a.reviewProposed());
        assertEquals(review, a.reasons().get(0).applies());
        assertEquals("LA-1", a.reasons().get(0).rule());
    }

    @Test
    void la3ASensitiveSectorBelowTheThreshold() {
        ReviewAssessment a = assess(10, "US", "FINANCE", false);
        assertTrue(a.reviewProposed());
        assertEquals("LA-3", a.reasons().get(1).rule());
        assertTrue(a.reasons().get(1).applies());
    }

    @Test
    void coreDataIsANoteForTheRegulatorNotAProposal() {
        ReviewAssessment a = assess(10, "US", "RETAIL", true);
        assertFalse(a.reviewProposed());
        assertEquals("NOTE", a.reasons().get(2).rule());
    }
}
