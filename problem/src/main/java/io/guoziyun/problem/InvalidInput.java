package io.guoziyun.problem;

import java.util.List;

/** The request breaks a rule: a field, the body, a parameter or a header; {@code errors} names each. */
public class InvalidInput extends DomainException {

    public InvalidInput(String detail, List<Problem.FieldError> errors) {
        super(detail, errors);
    }

    public InvalidInput(String detail) {
        super(detail);
    }

    /** One offending field, for checks that need the database or other fields. */
    public static InvalidInput field(String field, String message) {
        return new InvalidInput("The request is not valid", List.of(new Problem.FieldError(field, message)));
    }
}
