package io.guoziyun.contracts.finding;

/** The directive's rules on contracts (DESIGN.md, "The rules the suite enforces"). */
public enum FindingRule {
    CR_1("CR-1", Severity.CRITICAL, "Third-party cloud contract signed on or after the effective date"),
    CR_2("CR-2", Severity.CRITICAL, "Third-party cloud contract renewed or extended on or after the effective date"),
    CR_3("CR-3", Severity.CRITICAL, "Third-party contract not migrated or terminated by its migration deadline"),
    CR_4("CR-4", Severity.WARNING, "Active third-party contract without a migration plan");

    private final String code;
    private final Severity severity;
    private final String title;

    FindingRule(String code, Severity severity, String title) {
        this.code = code;
        this.severity = severity;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public static FindingRule ofCode(String code) {
        for (FindingRule rule : values()) {
            if (rule.code.equals(code)) {
                return rule;
            }
        }
        throw new IllegalArgumentException(code);
    }

    public enum Severity {
        CRITICAL,
        WARNING
    }
}
