package io.guoziyun.gateway.route;

import io.guoziyun.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** The gateway's own RFC 9457 answers, from the same {@link Problem} record the services send theirs from. */
public final class GatewayProblem {

    private GatewayProblem() {}

    public static void send(RoutingContext ctx, int status, String detail) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(json(status, detail, ctx.request().path()));
    }

    static String json(int status, String detail, String instance) {
        return Json.encode(Problem.of(status, detail).withInstance(instance));
    }
}
