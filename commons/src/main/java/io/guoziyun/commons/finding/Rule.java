package io.guoziyun.commons.finding;

/** One rule of the directive a service enforces, e.g. CR-3 or AI-2 (DESIGN.md, "The rules the suite enforces"). */
public interface Rule {

    /** As the API names it: {@code CR-3}. */
    String code();

    Severity severity();

    String title();

    /** The rule of {@code type} with this code; an unknown code is a programming error here, not the client's. */
    static <R extends Enum<R> & Rule> R ofCode(Class<R> type, String code) {
        for (R rule : type.getEnumConstants()) {
            if (rule.code().equals(code)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("no rule " + code + " in " + type.getSimpleName());
    }
}
