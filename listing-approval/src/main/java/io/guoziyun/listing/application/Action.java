package io.guoziyun.listing.application;

import io.guoziyun.problem.StateConflict;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a firm or a regulator does to an application, with the states that permit it: each workflow step,
 * named as its {@code POST} sub-resource, and the upload of a document.
 */
public enum Action {
    CREATION("creation"),
    CORRECTION("correction"),
    SUBMISSION("submission"),
    DETERMINATION("determination"),
    EXTENSION("extension"),
    MEMBER_UNITS_CONSULTATION("member-units-consultation"),
    SPECIAL_REVIEW("special-review"),
    SUPPLEMENT_REQUEST("supplement-request"),
    SUPPLEMENT("supplement"),
    AMENDMENT("amendment"),
    DECISION_PROPOSAL("decision-proposal"),
    DECISION_CONFIRMATION("decision-confirmation"),
    DECISION_REJECTION("decision-rejection"),
    WITHDRAWAL("withdrawal"),
    /** Not a step: documents are added while a DRAFT, or while a supplement is requested. */
    DOCUMENT_UPLOAD("documents");

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
            case DETERMINATION -> stage == Stage.SUBMITTED && !proposed;
            case EXTENSION -> stage == Stage.INITIAL_REVIEW && !app.extended && !proposed;
            case MEMBER_UNITS_CONSULTATION -> stage == Stage.INITIAL_REVIEW && !proposed;
            case SPECIAL_REVIEW -> (stage == Stage.INITIAL_REVIEW || stage == Stage.MEMBER_UNITS_REVIEW) && !proposed;
            case SUPPLEMENT_REQUEST, DECISION_PROPOSAL -> stage.isReview() && !proposed;
            case SUPPLEMENT -> stage == Stage.SUPPLEMENT_REQUESTED;
            case AMENDMENT ->
                (stage == Stage.SUBMITTED || stage.isReview() || stage == Stage.SUPPLEMENT_REQUESTED) && !proposed;
            case DECISION_CONFIRMATION, DECISION_REJECTION ->
                (stage.isReview() || stage == Stage.SUBMITTED) && proposed;
            case WITHDRAWAL -> !stage.isFinal() && !proposed;
            case DOCUMENT_UPLOAD -> stage == Stage.DRAFT || stage == Stage.SUPPLEMENT_REQUESTED;
        };
    }

    /** 409 naming the steps that do fit, when the application's state does not permit this action. */
    public void requireOn(ListingApplication app) {
        if (allowedOn(app)) {
            return;
        }
        if (this == DOCUMENT_UPLOAD) {
            throw new StateConflict("The application is " + app.stage + "; documents are added while a DRAFT or"
                    + " while a supplement is requested");
        }
        if (this == WITHDRAWAL && app.proposedOutcome != null && !app.stage.isFinal()) {
            throw new StateConflict(
                    "A decision on the application is pending: it cannot be withdrawn until a second regulator has "
                            + "confirmed or rejected the proposal",
                    allowedFor(app));
        }
        String state = app.stage + (app.proposedOutcome != null ? " with a decision proposed" : "");
        throw new StateConflict(
                "The application is " + state + "; '" + path + "' is not allowed now. Allowed: "
                        + String.join(", ", allowedFor(app)),
                allowedFor(app));
    }

    /** The workflow steps the application's present state permits, by their sub-resource names. */
    public static List<String> allowedFor(ListingApplication app) {
        return Arrays.stream(values())
                .filter(a -> a != DOCUMENT_UPLOAD && a.allowedOn(app))
                .map(Action::path)
                .toList();
    }
}
