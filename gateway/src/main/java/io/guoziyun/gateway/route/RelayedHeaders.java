package io.guoziyun.gateway.route;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which headers of a message the relay passes on to the next hop, in either direction. */
final class RelayedHeaders {

    /** RFC 9110 §7.6.1 and the usual extras: these describe one connection, not the message. */
    private static final Set<String> HOP_BY_HOP = caseInsensitive(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host");

    /**
     * With tracing on, the relay's own span carries the trace on to the service (its parent is the gateway's
     * request, whose parent is the caller's): the caller's own headers for it stop here.
     */
    private static final Set<String> TRACE_CONTEXT = caseInsensitive("traceparent", "tracestate");

    /**
     * The gateway meets a client's {@code Expect: 100-continue} itself (RFC 9110 §10.1.1), once it has taken the
     * request (token, limits, declared size) and holds a connection to the service: the expectation stops here.
     * Unmet, a client such as curl waits a second before it sends a body over 1 MB.
     */
    private static final String EXPECT = "expect";

    private static final String CONTINUE = "100-continue";

    private RelayedHeaders() {}

    /** Whether the client waits for a 100 (Continue) before it sends its body. */
    static boolean expectsContinue(HttpServerRequest in) {
        return CONTINUE.equalsIgnoreCase(in.getHeader(EXPECT));
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }

    /** Adds to {@code to} the headers of {@code from} that belong to the message, not to the hop it came by. */
    static void copy(MultiMap from, MultiMap to, boolean traced) {
        String connection = from.get(HttpHeaders.CONNECTION);
        for (var header : from) {
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name)
                    && !(EXPECT.equalsIgnoreCase(name) && CONTINUE.equalsIgnoreCase(header.getValue()))
                    && !(traced && TRACE_CONTEXT.contains(name))
                    && (connection == null || !listed(connection, name))) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    /** Headers named in Connection are hop-by-hop too. */
    private static boolean listed(String connection, String name) {
        for (String token : connection.split(",")) {
            if (token.trim().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
