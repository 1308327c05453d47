package io.guoziyun.problem;

import java.util.List;

/**
 * What domain code throws when a request cannot be done: a meaning (not found, state conflict, invalid field…),
 * never an HTTP status. {@link DomainErrors} is the one table from meaning to status; the services' mapper and the
 * gateway render it as a {@link Problem}. No stack trace: these are answers, not faults.
 */
public abstract class DomainException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    protected DomainException(String detail) {
        this(detail, List.of());
    }

    protected DomainException(String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** The actions the resource allows in its present state, for a state conflict; null otherwise. */
    public List<String> allowedActions() {
        return null;
    }

    /** Seconds after which a retry may succeed (a dependency down); null when a retry would not help. */
    public Long retryAfterSeconds() {
        return null;
    }

    public int status() {
        return DomainErrors.status(this);
    }

    public Problem toProblem(String instance) {
        return Problem.of(status(), getMessage())
                .withInstance(instance)
                .withErrors(errors)
                .withAllowedActions(allowedActions());
    }
}
