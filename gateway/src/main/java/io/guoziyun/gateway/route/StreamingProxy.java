package io.guoziyun.gateway.route;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Relays one request to a service and streams the answer back, both bodies piped with back-pressure. Hop-by-hop
 * headers stay on their hop. When the client hangs up first, the exchange with the service is reset, so its pooled
 * connection is never left half-read (which, repeated, would leave the gateway with no connection to give). A
 * service that cannot be reached answers 503, one that stays silent past the route's timeout 504, both
 * problem+json.
 */
final class StreamingProxy {

    private static final Logger LOG = Logger.getLogger(StreamingProxy.class);
    /** Answers up to this size are read whole and written at once. */
    private static final int SMALL = 64 * 1024;

    private final boolean traced;
    private final Service service;
    private final SocketAddress address;
    private final long connectMillis;
    private final long timeoutMillis;
    private final long maxBody;

    StreamingProxy(
            Service service,
            SocketAddress address,
            long connectMillis,
            long timeoutMillis,
            long maxBody,
            boolean traced) {
        this.traced = traced;
        this.service = service;
        this.address = address;
        this.connectMillis = connectMillis;
        this.timeoutMillis = timeoutMillis;
        this.maxBody = maxBody;
    }

    /** The largest request body this route takes. */
    long maxBody() {
        return maxBody;
    }

    /** The answer to a body over the limit, whether its declared length or its count as it streams says so. */
    void refuseBody(RoutingContext ctx) {
        GatewayProblem.send(ctx, 413, "This route takes bodies of at most " + maxBody + " bytes");
    }

    /** The service (replica) this proxy sends to. */
    Service service() {
        return service;
    }

    /**
     * Relays the exchange; a body without Content-Length is cut off past {@code maxBody} bytes with a 413. When no
     * connection to this replica can be had, nothing has been sent yet: the request goes to {@code another} replica
     * if it names one.
     */
    void handle(RoutingContext ctx, Supplier<StreamingProxy> another) {
        HttpServerRequest in = ctx.request();
        in.pause();
        RequestOptions options = new RequestOptions()
                .setServer(address)
                .setMethod(in.method())
                .setURI(in.uri())
                .setConnectTimeout(connectMillis)
                .setIdleTimeout(timeoutMillis);
        service.client().request(options).onComplete(connected -> {
            if (connected.failed()) {
                StreamingProxy next = another == null ? null : another.get();
                if (next != null && !ctx.response().closed()) {
                    service.breaker().failure(System.currentTimeMillis());
                    LOG.infof(
                            "%s refused %s %s; trying %s",
                            service.name(),
                            in.method(),
                            in.uri(),
                            next.service().name());
                    next.handle(ctx, null);
                } else {
                    failed(ctx, connected.cause());
                }
                return;
            }
            HttpClientRequest out = connected.result();
            RelayedHeaders.copy(in.headers(), out.headers(), traced); // straight into the request: one copy, not two
            // Failures reach the send future below; without a handler Vert.x would also log each reset (a client
            // hanging up) as an error.
            out.exceptionHandler(error -> LOG.debugf("exchange with %s ended: %s", service.name(), error));
            ctx.addEndHandler(end -> {
                if (end.failed()) {
                    out.reset();
                }
            });
            if (in.response().closed()) {
                out.reset();
                return;
            }
            if (RelayedHeaders.expectsContinue(in)) {
                in.response().writeContinue();
            }
            (hasBody(in) ? out.send(body(ctx, out)) : out.send()).onComplete(answered -> {
                if (answered.failed()) {
                    failed(ctx, answered.cause());
                    return;
                }
                service.breaker().success();
                relay(ctx, out, answered.result());
            });
        });
    }

    private static void relay(RoutingContext ctx, HttpClientRequest out, HttpClientResponse answer) {
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            out.reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        RelayedHeaders.copy(answer.headers(), response.headers(), false);
        String length = answer.headers().get(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            response.setChunked(true);
        } else if (length.length() <= 5 && Integer.parseInt(length) <= SMALL) {
            // A small answer goes out in one write with its head: half the system calls of a pipe.
            answer.body().onSuccess(response::end).onFailure(error -> out.reset());
            return;
        }
        answer.pipeTo(response).onFailure(error -> out.reset());
    }

    /** A declared length was checked before; a chunked body is counted as it goes. */
    private ReadStream<Buffer> body(RoutingContext ctx, HttpClientRequest out) {
        HttpServerRequest in = ctx.request();
        if (in.getHeader(HttpHeaders.CONTENT_LENGTH) != null) {
            return in;
        }
        return new CappedBody(in, maxBody, () -> {
            // Answer first: the reset fails the exchange at once, and failed() must find the client answered.
            if (!ctx.response().headWritten()) {
                refuseBody(ctx);
            }
            out.reset();
        });
    }

    /**
     * An HTTP/1.1 request without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3); an HTTP/2 one has
     * a body unless its stream ended with its headers (Content-Length is optional there).
     */
    private static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !"0".equals(length);
        }
        return in.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (in.version() == HttpVersion.HTTP_2 && !in.isEnded());
    }

    private void failed(RoutingContext ctx, Throwable error) {
        if (ctx.response().closed() || ctx.response().ended()) { // answered already (a 413 mid-body): not its fault
            return;
        }
        ctx.request().resume();
        service.breaker().failure(System.currentTimeMillis());
        String message = String.valueOf(error.getMessage());
        boolean silent = message.startsWith("The timeout period");
        LOG.warnf(
                "%s did not answer %s %s: %s",
                service.name(), ctx.request().method(), ctx.request().uri(), message);
        if (ctx.response().headWritten()) {
            ctx.response().reset();
        } else if (silent) {
            GatewayProblem.send(ctx, 504, service.name() + " did not answer in time");
        } else {
            ctx.response().putHeader("Retry-After", "5");
            GatewayProblem.send(ctx, 503, service.name() + " is not reachable");
        }
    }
}
