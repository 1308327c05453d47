package io.guoziyun.inventory.finding;

/** The directive's rules on data centres and servers (DESIGN.md, "The rules the suite enforces"). */
public enum InventoryRule {
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

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Both rules bar what the directive forbids outright. */
    public String severity() {
        return "CRITICAL";
    }

    public static InventoryRule ofCode(String code) {
        for (InventoryRule rule : values()) {
            if (rule.code.equals(code)) {
                return rule;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
