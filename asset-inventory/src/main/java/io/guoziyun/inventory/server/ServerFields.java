package io.guoziyun.inventory.server;

/** The shape of each server field, shared by the JSON API and the bulk import so both accept the same values. */
public final class ServerFields {

    public static final String ASSET_TAG = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";
    public static final String ASSET_TAG_RULE = "1–64 letters, digits, . _ / -";
    public static final String TEXT = "[^\\x00-\\x1F\\x7F]*";
    public static final String TEXT_RULE = "no control characters";
    public static final String HOSTNAME = "[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?";
    public static final String HOSTNAME_RULE = "a host name";
    public static final String SITE_CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}";
    public static final String SITE_CODE_RULE = "a site code";

    private ServerFields() {}
}
