package io.guoziyun.seeder;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens from the realm, as the demo firms (client credentials) and people (password, dev only) get them. */
final class Keycloak {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A token and when to fetch a new one: a run longer than a token's life (five minutes) goes on. */
    private record Token(String value, long renewAt) {}

    private final String url;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Keycloak(String url) {
        this.url = url;
    }

    /** A demo firm's machine token: client {@code clientId}, secret {@code <clientId>-secret}. */
    String firm(String clientId) {
        return cached(
                clientId,
                c -> token(
                        "guoziyun",
                        Map.of("grant_type", "client_credentials", "client_id", c, "client_secret", c + "-secret")));
    }

    /** A demo person's token (regulator1, regulator2, auditor1) through the suite-cli client. */
    String person(String username) {
        return cached(
                username,
                u -> token(
                        "guoziyun",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "suite-cli",
                                "username",
                                u,
                                "password",
                                "demo-" + u)));
    }

    /**
     * The dev Keycloak's admin token: user admin, the password {@code ./suite} generated for this checkout
     * ({@code .run/keycloak-admin-password}; never in production).
     */
    String admin() {
        String password;
        try {
            password = java.nio.file.Files.readString(java.nio.file.Path.of(".run", "keycloak-admin-password"))
                    .trim();
        } catch (IOException e) {
            throw new IllegalStateException("no .run/keycloak-admin-password: is this the suite's own Keycloak?", e);
        }
        return token(
                        "master",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                "admin",
                                "password",
                                password))
                .value();
    }

    /** A machine client like the demo firms', with the firm_id claim, the audience and the firm role. */
    boolean ensureFirmClient(String admin, String clientId, String firmId) {
        String realm = url + "/admin/realms/guoziyun";
        if (!call("GET", realm + "/clients?clientId=" + clientId, admin, null)
                .getAsJsonArray()
                .isEmpty()) {
            return false;
        }
        String client = clientJson(clientId, firmId);
        call("POST", realm + "/clients", admin, client);
        JsonArray found = call("GET", realm + "/clients?clientId=" + clientId, admin, null)
                .getAsJsonArray();
        String id = found.get(0).getAsJsonObject().get("id").getAsString();
        String user = call("GET", realm + "/clients/" + id + "/service-account-user", admin, null)
                .getAsJsonObject()
                .get("id")
                .getAsString();
        JsonElement role = call("GET", realm + "/roles/firm", admin, null);
        call("POST", realm + "/users/" + user + "/role-mappings/realm", admin, "[" + role + "]");
        return true;
    }

    private String cached(String who, java.util.function.Function<String, Token> fetch) {
        return tokens.compute(
                        who,
                        (k, held) ->
                                held != null && held.renewAt() > System.currentTimeMillis() ? held : fetch.apply(k))
                .value();
    }

    /**
     * Machine clients like {@link #ensureFirmClient} for many firms at once, through the realm's partial import
     * (existing ones skipped): {@code firms} maps client id to firm id. Answers how many were added.
     */
    int ensureFirmClients(String admin, Map<String, String> firms) {
        StringBuilder clients = new StringBuilder();
        StringBuilder users = new StringBuilder();
        firms.forEach((clientId, firmId) -> {
            clients.append(clients.isEmpty() ? "" : ",").append(clientJson(clientId, firmId));
            users.append(users.isEmpty() ? "" : ",").append("""
                    {"username": "service-account-%s", "enabled": true, "serviceAccountClientId": "%s",
                     "realmRoles": ["firm"]}""".formatted(clientId, clientId));
        });
        JsonElement answer = call(
                "POST",
                url + "/admin/realms/guoziyun/partialImport",
                admin,
                "{\"ifResourceExists\": \"SKIP\", \"clients\": [" + clients + "], \"users\": [" + users + "]}");
        return answer.getAsJsonObject().get("added").getAsInt() / 2;
    }

    private static String clientJson(String clientId, String firmId) {
        return """
                {"clientId": "%s", "enabled": true, "publicClient": false, "secret": "%s-secret",
                 "serviceAccountsEnabled": true, "standardFlowEnabled": false, "directAccessGrantsEnabled": false,
                 "protocolMappers": [
                  {"name": "audience guoziyun-api", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.custom.audience": "guoziyun-api", "access.token.claim": "true"}},
                  {"name": "firm_id", "protocol": "openid-connect", "protocolMapper": "oidc-hardcoded-claim-mapper",
                   "config": {"claim.name": "firm_id", "claim.value": "%s", "jsonType.label": "String",
                              "access.token.claim": "true", "id.token.claim": "false"}}]}
                """.formatted(clientId, clientId, firmId);
    }

    private Token token(String realm, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + form.get("client_id") + "/"
                    + form.getOrDefault("username", "-") + ": " + response.statusCode());
        }
        var answer = JsonParser.parseString(response.body()).getAsJsonObject();
        long life = answer.has("expires_in") ? answer.get("expires_in").getAsLong() : 60;
        return new Token(
                answer.get("access_token").getAsString(), System.currentTimeMillis() + Math.max(10, life - 60) * 1000);
    }

    private JsonElement call(String method, String target, String admin, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = send(request);
        if (response.statusCode() >= 300 && response.statusCode() != 409) {
            throw new IllegalStateException(method + " " + target + " answered " + response.statusCode());
        }
        return response.body().isBlank() ? new JsonObject() : JsonParser.parseString(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak does not answer: " + e.getMessage(), e);
        }
    }
}
