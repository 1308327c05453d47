package io.guoziyun.problem;

import java.util.List;

/** Well-formed, but it cannot be done: a reused idempotency key, a date outside the calendar, a malformed file. */
public class Unprocessable extends DomainException {

    public Unprocessable(String detail) {
        super(detail);
    }

    public Unprocessable(String detail, List<Problem.FieldError> errors) {
        super(detail, errors);
    }
}
