package io.guoziyun.gateway.docs;

import io.guoziyun.gateway.route.GatewayProblem;
import io.guoziyun.gateway.route.RouteTable;
import io.guoziyun.gateway.route.ServiceRequests;
import io.smallrye.config.ConfigMapping;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Serves each service's OpenAPI document at {@code /openapi/<service>} for the one Swagger UI: fetched from the
 * service, with the gateway as its only server (so "Try it out" goes through the gateway) and Keycloak's
 * authorization code flow as its security scheme (so "Authorize" logs a regulator in on Keycloak's own page).
 */
@ApplicationScoped
public class ApiDocs {

    private static final Logger LOG = Logger.getLogger(ApiDocs.class);
    /** The gateway's own document (the overview). */
    private static final String SELF = "self";

    /** {@code gateway.api-docs.documents.<name>=<route>}: the route whose service serves the document. */
    @ConfigMapping(prefix = "gateway.api-docs")
    public interface Config {
        Map<String, String> documents();

        /** Keycloak's authorization endpoint as a browser reaches it. */
        String authorizationUrl();

        /** Keycloak's token endpoint as a browser reaches it. */
        String tokenUrl();

        /** The gateway's public URL, the server every document names (what a generated client calls). */
        @io.smallrye.config.WithDefault("http://localhost:8080")
        String publicUrl();
    }

    /** How long a fetched document is served before it is fetched again. */
    static final long FRESH_MILLIS = 60_000;

    /** A document as rewritten for the gateway, or its fetch in progress; one per configured name, so bounded. */
    private record Cached(Future<Buffer> document, long fetchedAt) {
        boolean usable(long now) {
            return now - fetchedAt < FRESH_MILLIS && !document.failed();
        }
    }

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * Anonymous, so cheap: a document is fetched from its service at most once a minute (concurrent requests share
     * the fetch) and served from memory; only configured names are kept, so the cache cannot grow.
     */
    void install(@Observes Router router, Vertx vertx, RouteTable table, Config config) {
        HttpClient client = vertx.createHttpClient();
        router.get("/openapi/:name").handler(ctx -> {
            String name = ctx.pathParam("name");
            String route = config.documents().get(name);
            URI url;
            if (SELF.equals(route)) {
                url = URI.create(
                        "http://127.0.0.1:" + ctx.request().localAddress().port());
            } else if (route != null && table.routes().containsKey(route)) {
                url = table.routes().get(route).url().get(0); // every replica serves the same document
            } else {
                GatewayProblem.send(ctx, 404, "No API document of that name");
                return;
            }
            long now = System.currentTimeMillis();
            Cached cached = cache.compute(
                    name,
                    (k, old) -> old != null && old.usable(now)
                            ? old
                            : new Cached(
                                    ServiceRequests.getJson(
                                                    client,
                                                    url,
                                                    "/q/openapi?format=json",
                                                    5000,
                                                    MultiMap.caseInsensitiveMultiMap())
                                            .map(doc -> rewrite(doc, config).toBuffer()),
                                    now));
            cached.document()
                    .onSuccess(doc -> ctx.response()
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Cache-Control", "public, max-age=60")
                            .end(doc))
                    .onFailure(error -> {
                        cache.remove(name, cached);
                        LOG.warnf("API document %s from %s: %s", name, url, error.getMessage());
                        GatewayProblem.send(ctx, 503, "The service's API document cannot be read now");
                    });
        });
    }

    static JsonObject rewrite(JsonObject doc, Config config) {
        doc.put(
                "servers",
                new JsonArray()
                        .add(new JsonObject()
                                .put("url", config.publicUrl())
                                .put("description", "The gateway: the one entry point of the suite")));
        JsonObject components = doc.getJsonObject("components");
        if (components == null) {
            components = new JsonObject();
            doc.put("components", components);
        }
        JsonObject schemes = components.getJsonObject("securitySchemes");
        if (schemes == null) {
            schemes = new JsonObject();
            components.put("securitySchemes", schemes);
        }
        schemes.put(
                "oidc",
                new JsonObject()
                        .put("type", "oauth2")
                        .put("description", "Log in on Keycloak (authorization code with PKCE, client swagger-ui)")
                        .put(
                                "flows",
                                new JsonObject()
                                        .put(
                                                "authorizationCode",
                                                new JsonObject()
                                                        .put("authorizationUrl", config.authorizationUrl())
                                                        .put("tokenUrl", config.tokenUrl())
                                                        .put(
                                                                "scopes",
                                                                new JsonObject().put("openid", "OpenID Connect")))));
        return doc;
    }
}
