package io.guoziyun.inventory.finding;

import io.guoziyun.commons.finding.Rule;
import io.guoziyun.commons.finding.Severity;

/** The directive's rules on data centres and servers (DESIGN.md, "The rules the suite enforces"). */
public enum InventoryRule implements Rule {
    AI_1(
            "AI-1",
            "New data centre: construction started or commissioned on or after the effective date, or declared "
                    + "as PLANNED or UNDER_CONSTRUCTION after it"),
    AI_2("AI-2", "Server purchased on or after the effective date");

    private final String code;
    private final String title;

    InventoryRule(String code, String title) {
        this.code = code;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    /** Both rules bar what the directive forbids outright. */
    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return title;
    }
}
