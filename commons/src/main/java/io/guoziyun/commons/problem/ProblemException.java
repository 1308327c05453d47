package io.guoziyun.commons.problem;

import java.util.List;

/** Thrown by domain code to answer with a problem document; the mapper in {@link ProblemMappers} renders it. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final List<String> allowedActions;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.allowedActions = null;
    }

    /** 409: the action does not fit the resource's present state; says which actions do. */
    public ProblemException(String detail, List<String> allowedActions) {
        super(detail);
        this.status = 409;
        this.title = "Conflict";
        this.errors = List.of();
        this.allowedActions = List.copyOf(allowedActions);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " does not exist");
    }

    /** 400 naming one offending field, for checks that need the database or other fields. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(
                400, "Bad Request", "The request is not valid", List.of(new Problem.FieldError(field, message)));
    }

    public Problem toProblem(String instance) {
        return new Problem("about:blank", title, status, getMessage(), instance, errors, allowedActions);
    }
}
