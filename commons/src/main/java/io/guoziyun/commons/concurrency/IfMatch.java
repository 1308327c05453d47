package io.guoziyun.commons.concurrency;

/**
 * The {@code If-Match} of a request, handed by the resource to the use case that loads the resource: an update
 * needs it ({@link #required}); a workflow step honours it when sent ({@link #optional}).
 */
public record IfMatch(String header, boolean required) {

    public static IfMatch required(String header) {
        return new IfMatch(header, true);
    }

    public static IfMatch optional(String header) {
        return new IfMatch(header, false);
    }

    /** 428 when required and absent, 412 when it does not name {@code currentVersion}. */
    public void check(long currentVersion) {
        if (required || header != null) {
            Versions.requireMatch(header, currentVersion);
        }
    }
}
