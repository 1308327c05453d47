package io.guoziyun.contracts.finding;

import io.guoziyun.commons.finding.Rule;
import io.guoziyun.commons.finding.Severity;

/** The directive's rules on contracts (DESIGN.md, "The rules the suite enforces"). */
public enum ContractRule implements Rule {
    CR_1("CR-1", Severity.CRITICAL, "Third-party cloud contract signed on or after the effective date"),
    CR_2("CR-2", Severity.CRITICAL, "Third-party cloud contract renewed or extended on or after the effective date"),
    CR_3("CR-3", Severity.CRITICAL, "Third-party contract not migrated or terminated by its migration deadline"),
    CR_4("CR-4", Severity.WARNING, "Active third-party contract without a migration plan");

    private final String code;
    private final Severity severity;
    private final String title;

    ContractRule(String code, Severity severity, String title) {
        this.code = code;
        this.severity = severity;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String title() {
        return title;
    }
}
