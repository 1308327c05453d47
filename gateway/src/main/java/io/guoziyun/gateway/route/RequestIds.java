package io.guoziyun.gateway.route;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * {@code X-Request-Id}: always one the gateway generated, so the id the services log and the audit chains record
 * is never a client's choice. A sane id the client sent is kept apart as {@code X-Client-Request-Id}: it goes to
 * the service and back to the client, and into the gateway's log lines (MDC {@code clientRequestId}) beside the
 * gateway's own (MDC {@code requestId}, and the access log).
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String CLIENT_HEADER = "X-Client-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    static void handle(RoutingContext ctx) {
        var headers = ctx.request().headers();
        String sent = headers.get(HEADER);
        String client = sent != null && SANE.matcher(sent).matches() ? sent : null;
        headers.remove(CLIENT_HEADER);
        if (client != null) {
            headers.set(CLIENT_HEADER, client);
            MDC.put("clientRequestId", client);
        }
        // Not UUID.randomUUID(): its one SecureRandom is a lock every event loop would queue on.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String requestId = new UUID(
                        random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(3L << 62) | (2L << 62))
                .toString();
        headers.set(HEADER, requestId);
        ctx.put(HEADER, requestId);
        MDC.put("requestId", requestId);
        ctx.addHeadersEndHandler(v -> {
            ctx.response().headers().set(HEADER, requestId);
            if (client != null) {
                ctx.response().headers().set(CLIENT_HEADER, client);
            } else {
                ctx.response().headers().remove(CLIENT_HEADER);
            }
        });
        ctx.next();
    }

    static String of(RoutingContext ctx) {
        String id = ctx.get(HEADER);
        return id == null ? "-" : id;
    }
}
