package io.guoziyun.gateway.route;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * {@code X-Request-Id}: a sane one from the client is kept, anything else replaced by a fresh one; it goes to the
 * service, back to the client, and into the gateway's log lines (MDC {@code requestId}, and the access log).
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    static void handle(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            // Not UUID.randomUUID(): its one SecureRandom is a lock every event loop would queue on.
            ThreadLocalRandom random = ThreadLocalRandom.current();
            id = new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(3L << 62) | (2L << 62))
                    .toString();
            ctx.request().headers().set(HEADER, id);
        }
        String requestId = id;
        ctx.put(HEADER, requestId);
        MDC.put("requestId", requestId);
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, requestId));
        ctx.next();
    }

    static String of(RoutingContext ctx) {
        String id = ctx.get(HEADER);
        return id == null ? "-" : id;
    }
}
