package io.guoziyun.problem;

import java.util.List;

/** The resource's present state does not permit the change; where a workflow knows, it says which actions do. */
public class StateConflict extends DomainException {

    private final transient List<String> allowedActions;

    public StateConflict(String detail) {
        this(detail, null, List.of());
    }

    public StateConflict(String detail, List<String> allowedActions) {
        this(detail, allowedActions, List.of());
    }

    public StateConflict(String detail, List<String> allowedActions, List<Problem.FieldError> errors) {
        super(detail, errors);
        this.allowedActions = allowedActions == null ? null : List.copyOf(allowedActions);
    }

    /** A conflict with what is missing or in the way, named one by one. */
    public static StateConflict because(String detail, List<Problem.FieldError> errors) {
        return new StateConflict(detail, null, errors);
    }

    @Override
    public List<String> allowedActions() {
        return allowedActions;
    }
}
