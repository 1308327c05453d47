package io.guoziyun.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainErrorsTest {

    @Test
    void eachMeaningHasItsStatusAndTitle() {
        assertProblem(new NotFound("Contract 1"), 404, "Not Found", "Contract 1 does not exist");
        assertProblem(InvalidInput.field("endsOn", "must not be before startsOn"), 400, "Bad Request", null);
        assertProblem(new StateConflict("The contract is TERMINATED"), 409, "Conflict", null);
        assertProblem(new AlreadyExists("Reference X is already registered"), 409, "Conflict", null);
        assertProblem(new PreconditionFailed("stale"), 412, "Precondition Failed", null);
        assertProblem(new PreconditionRequired("send If-Match"), 428, "Precondition Required", null);
        assertProblem(new NotPermitted("four eyes"), 403, "Forbidden", null);
        assertProblem(new TooLarge("too big"), 413, "Content Too Large", null);
        assertProblem(new UnsupportedMedia("not a PDF", List.of()), 415, "Unsupported Media Type", null);
        assertProblem(new Unprocessable("key reused"), 422, "Unprocessable Content", null);
        assertProblem(new Unavailable("down", 5), 503, "Service Unavailable", null);
    }

    @Test
    void aSubclassTakesItsAncestorsStatus() {
        class OutsideCalendar extends Unprocessable {
            OutsideCalendar() {
                super("no calendar for 2031");
            }
        }
        assertEquals(422, new OutsideCalendar().status());
    }

    @Test
    void aStateConflictCarriesTheAllowedActionsAndAFieldErrorItsField() {
        Problem conflict = new StateConflict("not now", List.of("withdrawal")).toProblem("/x");
        assertEquals(List.of("withdrawal"), conflict.allowedActions());
        assertEquals("/x", conflict.instance());
        assertNull(new NotFound("x").toProblem(null).allowedActions());
        Problem invalid = InvalidInput.field("endsOn", "too early").toProblem(null);
        assertEquals(List.of(new Problem.FieldError("endsOn", "too early")), invalid.errors());
        assertEquals(5L, new Unavailable("down", 5).retryAfterSeconds());
    }

    private static void assertProblem(DomainException e, int status, String title, String detail) {
        Problem problem = e.toProblem("/api/v1/x");
        assertEquals(status, problem.status());
        assertEquals(title, problem.title());
        assertEquals("about:blank", problem.type());
        if (detail != null) {
            assertEquals(detail, problem.detail());
        }
    }
}
