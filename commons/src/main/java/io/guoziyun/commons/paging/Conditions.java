package io.guoziyun.commons.paging;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/** The optional filters of a list query: each one given becomes an HQL condition with a named parameter. */
public final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** {@code attribute = :attribute}, when {@code value} is given. */
    public Conditions equal(String attribute, Object value) {
        if (value != null) {
            clauses.add(attribute + " = :" + attribute);
            parameters.and(attribute, value);
        }
        return this;
    }

    /** A condition that always applies, e.g. {@code detectedOn <= :asOf}. */
    public Conditions clause(String clause) {
        clauses.add(clause);
        return this;
    }

    public Conditions parameter(String name, Object value) {
        parameters.and(name, value);
        return this;
    }

    /** {@code from Entity [where … and …]}. */
    public String from(String entity) {
        return clauses.isEmpty() ? "from " + entity : "from " + entity + " where " + String.join(" and ", clauses);
    }

    public Parameters parameters() {
        return parameters;
    }
}
