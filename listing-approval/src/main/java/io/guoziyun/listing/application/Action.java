package io.guoziyun.listing.application;

import java.util.Arrays;
import java.util.List;

/** Each workflow step, named as its {@code POST} sub-resource, with the states that permit it. */
public enum Action {
    CREATION("creation"),
    CORRECTION("correction"),
    SUBMISSION("submission"),
    DETERMINATION("determination"),
    EXTENSION("extension"),
    SPECIAL_REVIEW("special-review"),
    SUPPLEMENT_REQUEST("supplement-request"),
    SUPPLEMENT("supplement"),
    AMENDMENT("amendment"),
    DECISION_PROPOSAL("decision-proposal"),
    DECISION_CONFIRMATION("decision-confirmation"),
    DECISION_REJECTION("decision-rejection"),
    WITHDRAWAL("withdrawal");

    private final String path;

    Action(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public boolean allowedOn(ListingApplication app) {
        Stage stage = app.stage;
        boolean proposed = app.proposedOutcome != null;
        return switch (this) {
            case CREATION -> false;
            case CORRECTION, SUBMISSION -> stage == Stage.DRAFT;
            case DETERMINATION -> stage == Stage.SUBMITTED;
            case EXTENSION -> stage == Stage.INITIAL_REVIEW && !app.extended && !proposed;
            case SPECIAL_REVIEW -> stage == Stage.INITIAL_REVIEW && !proposed;
            case SUPPLEMENT_REQUEST, DECISION_PROPOSAL -> stage.isReview() && !proposed;
            case SUPPLEMENT -> stage == Stage.SUPPLEMENT_REQUESTED;
            case AMENDMENT ->
                (stage == Stage.SUBMITTED || stage.isReview() || stage == Stage.SUPPLEMENT_REQUESTED) && !proposed;
            case DECISION_CONFIRMATION, DECISION_REJECTION -> stage.isReview() && proposed;
            case WITHDRAWAL -> !stage.isFinal();
        };
    }

    /** The actions the application's present state permits, by their sub-resource names. */
    public static List<String> allowedFor(ListingApplication app) {
        return Arrays.stream(values())
                .filter(a -> a.allowedOn(app))
                .map(Action::path)
                .toList();
    }
}
