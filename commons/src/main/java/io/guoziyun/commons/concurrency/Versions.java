package io.guoziyun.commons.concurrency;

import io.guoziyun.problem.PreconditionFailed;
import io.guoziyun.problem.PreconditionRequired;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its entity version; an update must send it back in
 * {@code If-Match}. Missing is 428, stale is 412. Two updates racing with the same ETag are settled by the
 * entity's {@code @Version} column: the loser's flush fails and it gets 412 too.
 */
public final class Versions {

    private Versions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("Send If-Match with the ETag of the version you are changing");
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals("\"" + current + "\"")) {
                return;
            }
        }
        throw new PreconditionFailed("The resource has changed since that ETag; read it again and retry");
    }
}
