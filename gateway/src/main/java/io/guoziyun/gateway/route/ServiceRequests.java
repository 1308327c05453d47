package io.guoziyun.gateway.route;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/** The gateway's own calls to a service (API documents, overview counts): a GET whose 200 answer is JSON. */
public final class ServiceRequests {

    private ServiceRequests() {}

    /** The port of a service URL, the scheme's default when it names none. */
    public static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
    }

    /** GET {@code path} on the service at {@code base}; any answer but 200 with JSON, or none in time, fails. */
    public static Future<JsonObject> getJson(
            HttpClient client, URI base, String path, long timeoutMillis, MultiMap headers) {
        return client.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(base.getHost())
                        .setPort(port(base))
                        .setURI(path)
                        .setTimeout(timeoutMillis)
                        .setHeaders(headers))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body().map(body -> body.toJsonObject())
                        : Future.failedFuture("status " + response.statusCode()));
    }
}
