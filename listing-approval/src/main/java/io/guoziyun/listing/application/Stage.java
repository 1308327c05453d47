package io.guoziyun.listing.application;

/** Where an application stands in the review. */
public enum Stage {
    DRAFT,
    SUBMITTED,
    REVIEW_NOT_REQUIRED,
    INITIAL_REVIEW,
    /** Art. 12: the member units give their opinions on the initial review's conclusion. */
    MEMBER_UNITS_REVIEW,
    SPECIAL_REVIEW,
    SUPPLEMENT_REQUESTED,
    CLEARED,
    PROHIBITED,
    WITHDRAWN;

    public boolean isFinal() {
        return this == REVIEW_NOT_REQUIRED || this == CLEARED || this == PROHIBITED || this == WITHDRAWN;
    }

    /** A final outcome after which the firm may list: the compliance gate must be clear to confirm it. */
    public boolean letsTheListingGoAhead() {
        return this == CLEARED || this == REVIEW_NOT_REQUIRED;
    }

    /** A review stage: the regulator may ask for supplements and propose a decision. */
    public boolean isReview() {
        return this == INITIAL_REVIEW || this == MEMBER_UNITS_REVIEW || this == SPECIAL_REVIEW;
    }
}
