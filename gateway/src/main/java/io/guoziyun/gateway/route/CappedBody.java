package io.guoziyun.gateway.route;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * A request body without Content-Length (chunked), counted as it streams to the service. The route's limit holds
 * for it as for a declared length: at the first byte past it, {@code overLimit} runs once (it cuts the exchange with
 * the service and answers 413), and the rest of the body is read and dropped, so the client, still sending, can read
 * that answer instead of a reset connection. The server's own limit ({@code quarkus.http.limits.max-body-size})
 * still ends a body that never stops.
 */
final class CappedBody implements ReadStream<Buffer> {

    private final HttpServerRequest in;
    private final long max;
    private final Runnable overLimit;
    private long seen;
    private boolean over;

    CappedBody(HttpServerRequest in, long max, Runnable overLimit) {
        this.in = in;
        this.max = max;
        this.overLimit = overLimit;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (over) {
            return this;
        }
        if (handler == null) {
            in.handler(null);
            return this;
        }
        in.handler(chunk -> {
            if (over) {
                return;
            }
            seen += chunk.length();
            if (seen <= max) {
                handler.handle(chunk);
                return;
            }
            over = true;
            in.handler(dropped -> {});
            in.endHandler(null);
            in.resume();
            overLimit.run();
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        in.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        if (!over) {
            in.pause();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        in.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        in.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        if (!over) {
            in.endHandler(handler);
        }
        return this;
    }
}
