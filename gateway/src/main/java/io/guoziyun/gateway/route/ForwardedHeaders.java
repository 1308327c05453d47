package io.guoziyun.gateway.route;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** The forwarding headers a service receives: the gateway's own, never a client's (issue 18). */
final class ForwardedHeaders {

    private ForwardedHeaders() {}

    /** Headers of proxies before the gateway: dropped, so a client cannot speak for one (issue 18). */
    private static final String[] FOREIGN_FORWARDING = {
        "X-Forwarded-Port", "X-Forwarded-Ssl", "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Forwarded-Scheme",
        "X-Real-IP", "X-Original-Host", "X-Original-URL", "Front-End-Https", "X-Url-Scheme"
    };

    /**
     * Tells the service where the request really came from, so the URLs it writes point at the gateway's public
     * address. Set by the gateway, never passed on from the client: what the client sent is replaced, and the
     * rarer headers are dropped. Behind a trusted ingress ({@code quarkus.http.proxy.trusted-proxies}), Quarkus has
     * already applied the ingress's headers to the request, so scheme, host and client here are the ingress's.
     */
    static void set(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String host = request.authority() != null
                ? request.authority().toString()
                : request.getHeader("Host"); // HTTP/1.1; HTTP/2 names it :authority
        if (host == null) {
            host = "";
        }
        String client = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        String proto = request.scheme();
        int port = request.authority() != null && request.authority().port() > 0
                ? request.authority().port()
                : "https".equals(proto) ? 443 : 80;
        var headers = request.headers();
        for (String name : FOREIGN_FORWARDING) {
            headers.remove(name);
        }
        headers.set("Forwarded", "for=\"" + client + "\";proto=" + proto + ";host=\"" + host + "\"")
                .set("X-Forwarded-For", client)
                .set("X-Forwarded-Proto", proto)
                .set("X-Forwarded-Host", host)
                .set("X-Forwarded-Port", Integer.toString(port));
    }
}
