package io.guoziyun.commons.firm;

/** The realm roles of Keycloak realm {@code guoziyun}. */
public final class Roles {

    /** Files for its own firm only. */
    public static final String FIRM = "firm";
    /** Reviews all firms and decides. */
    public static final String REGULATOR = "regulator";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";

    private Roles() {}
}
