package io.guoziyun.listing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.guoziyun.problem.StateConflict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each state of an application permits: the workflow as a table, without HTTP. */
class ActionTest {

    @ParameterizedTest(name = "{0} (proposed {1}, extended {2}): {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DRAFT                | false | false | correction,submission,withdrawal",
                "SUBMITTED            | false | false | determination,amendment,withdrawal",
                "INITIAL_REVIEW       | false | false | extension,member-units-consultation,special-review,supplement-request,amendment,decision-proposal,withdrawal",
                "INITIAL_REVIEW       | false | true  | member-units-consultation,special-review,supplement-request,amendment,decision-proposal,withdrawal",
                "MEMBER_UNITS_REVIEW  | false | false | special-review,supplement-request,amendment,decision-proposal,withdrawal",
                "SUBMITTED            | true  | false | decision-confirmation,decision-rejection",
                "MEMBER_UNITS_REVIEW  | true  | false | decision-confirmation,decision-rejection",
                "INITIAL_REVIEW       | true  | false | decision-confirmation,decision-rejection",
                "SPECIAL_REVIEW       | false | false | supplement-request,amendment,decision-proposal,withdrawal",
                "SUPPLEMENT_REQUESTED | false | false | supplement,amendment,withdrawal",
                "REVIEW_NOT_REQUIRED  | false | false | ''",
                "CLEARED              | false | false | ''",
                "PROHIBITED           | false | false | ''",
                "WITHDRAWN            | false | false | ''",
            })
    void eachStatePermitsItsSteps(Stage stage, boolean proposed, boolean extended, String steps) {
        ListingApplication app = app(stage, proposed, extended);
        List<String> expected = steps.isEmpty() ? List.of() : Arrays.asList(steps.split(","));
        assertEquals(expected, Action.allowedFor(app));
    }

    @ParameterizedTest(name = "upload while {0}: {1}")
    @CsvSource({
        "DRAFT, true",
        "SUBMITTED, false",
        "INITIAL_REVIEW, false",
        "SUPPLEMENT_REQUESTED, true",
        "CLEARED, false",
        "WITHDRAWN, false"
    })
    void documentsAreAddedWhileADraftOrWhileASupplementIsRequested(Stage stage, boolean allowed) {
        assertEquals(allowed, Action.DOCUMENT_UPLOAD.allowedOn(app(stage, false, false)));
    }

    @Test
    void aStepTheStateDoesNotPermitIsAConflictNamingTheStepsThatDo() {
        StateConflict conflict = assertThrows(
                StateConflict.class, () -> Action.SUBMISSION.requireOn(app(Stage.SUBMITTED, false, false)));
        assertEquals(List.of("determination", "amendment", "withdrawal"), conflict.allowedActions());
        assertEquals(409, conflict.status());
    }

    private static ListingApplication app(Stage stage, boolean proposed, boolean extended) {
        ListingApplication app = new ListingApplication();
        app.enterStage(stage, java.time.LocalDate.of(2024, 10, 8), null);
        if (extended) {
            app.enterStage(stage, java.time.LocalDate.of(2024, 10, 8), 30);
            app.extendStage(15);
        }
        if (proposed) {
            app.propose(Stage.CLEARED, "fine", null, "regulator1", "sub-1");
        }
        return app;
    }
}
