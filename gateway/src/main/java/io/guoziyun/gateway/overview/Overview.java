package io.guoziyun.gateway.overview;

import io.guoziyun.gateway.route.GatewayProblem;
import io.guoziyun.gateway.route.ProxyRoutes;
import io.guoziyun.gateway.route.RouteTable;
import io.guoziyun.gateway.route.ServiceRequests;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v1/overview}: the regulator's counts, gathered from the three services in parallel with the
 * caller's own token. A service that does not answer in time is marked UNAVAILABLE; the rest still answers.
 */
@ApplicationScoped
public class Overview {

    private static final Logger LOG = Logger.getLogger(Overview.class);
    private static final long TIMEOUT_MILLIS = 3000;

    void install(@Observes Router router, Vertx vertx, RouteTable table) {
        HttpClient client = vertx.createHttpClient();
        router.get("/api/v1/overview").order(ProxyRoutes.LAST - 1).handler(ctx -> {
            SecurityIdentity identity = ProxyRoutes.identity(ctx);
            if (identity == null) {
                GatewayProblem.send(ctx, 401, "A valid bearer token is required");
                return;
            }
            if (!identity.hasRole("regulator") && !identity.hasRole("auditor")) {
                GatewayProblem.send(ctx, 403, "The overview is for regulators and auditors");
                return;
            }
            String asOf = ctx.request().getParam("asOf");
            if (asOf != null) {
                try {
                    LocalDate.parse(asOf);
                } catch (DateTimeParseException e) {
                    GatewayProblem.send(ctx, 400, "asOf must be a date (YYYY-MM-DD)");
                    return;
                }
            }
            String query = asOf == null ? "" : "?asOf=" + URLEncoder.encode(asOf, StandardCharsets.UTF_8);
            Future<JsonObject> contracts =
                    ask(client, table, "contract-findings", "/api/v1/contract-findings/statistics" + query, ctx);
            Future<JsonObject> inventory =
                    ask(client, table, "inventory-findings", "/api/v1/inventory-findings/statistics" + query, ctx);
            Future<JsonObject> listings =
                    ask(client, table, "listing-applications", "/api/v1/listing-applications/statistics" + query, ctx);
            Future.join(contracts, inventory, listings).onComplete(done -> {
                JsonObject answer = new JsonObject();
                TreeSet<String> firms = new TreeSet<>();
                boolean complete = true;
                JsonObject c = part(contracts, "contract-registry");
                if (contracts.succeeded()) {
                    JsonObject open = contracts.result().getJsonObject("openByRule", new JsonObject());
                    c.put("openFindingsByRule", open).put("contractsOverdueForMigration", open.getLong("CR-3", 0L));
                    collect(firms, contracts.result());
                    answer.put("asOf", contracts.result().getString("asOf"));
                } else {
                    complete = false;
                }
                JsonObject i = part(inventory, "asset-inventory");
                if (inventory.succeeded()) {
                    JsonObject open = inventory.result().getJsonObject("openByRule", new JsonObject());
                    i.put("openFindingsByRule", open)
                            .put("newDataCentres", open.getLong("AI-1", 0L))
                            .put("newServers", open.getLong("AI-2", 0L));
                    collect(firms, inventory.result());
                    answer.put("asOf", inventory.result().getString("asOf"));
                } else {
                    complete = false;
                }
                JsonObject l = part(listings, "listing-approval");
                if (listings.succeeded()) {
                    l.put("byStage", listings.result().getJsonObject("byStage", new JsonObject()))
                            .put("overdue", listings.result().getLong("overdue", 0L));
                    collect(firms, listings.result());
                } else {
                    complete = false;
                }
                answer.put("firmsFiling", firms.size())
                        .put("complete", complete)
                        .put("contracts", c)
                        .put("inventory", i)
                        .put("listingApplications", l);
                ctx.response().putHeader("Content-Type", "application/json").end(answer.encode());
            });
        });
    }

    private static JsonObject part(Future<JsonObject> answer, String service) {
        JsonObject part = new JsonObject().put("service", service);
        if (answer.succeeded()) {
            return part.put("status", "AVAILABLE");
        }
        return part.put("status", "UNAVAILABLE")
                .put("detail", service + " did not answer: " + answer.cause().getMessage());
    }

    private static void collect(TreeSet<String> firms, JsonObject statistics) {
        JsonArray list = statistics.getJsonArray("firms", new JsonArray());
        for (int n = 0; n < list.size(); n++) {
            firms.add(list.getString(n));
        }
    }

    private static Future<JsonObject> ask(
            HttpClient client, RouteTable table, String route, String path, RoutingContext ctx) {
        RouteTable.Route target = table.routes().get(route);
        if (target == null) {
            return Future.failedFuture("no route " + route);
        }
        URI url = target.url().get(0); // the overview's few reads go to the first replica
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", ctx.request().getHeader("Authorization"))
                .add("X-Request-Id", String.valueOf(ctx.request().getHeader("X-Request-Id")));
        return ServiceRequests.getJson(client, url, path, TIMEOUT_MILLIS, headers)
                .onFailure(error -> LOG.warnf("overview: %s %s: %s", url, path, error.getMessage()));
    }
}
