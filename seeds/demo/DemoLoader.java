import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the demo world of seeds/demo through the gateway, as its firms and regulators would: real Keycloak tokens,
 * real API calls (bulk import for servers), Idempotency-Keys on every creation. A second run finds what exists and
 * changes nothing. JDK only: `java seeds/demo/DemoLoader.java [gateway] [keycloak]`.
 */
public class DemoLoader {

    static final Path DEMO = Path.of("seeds", "demo");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String gateway;
    final String keycloak;
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, Integer> loaded = new LinkedHashMap<>();

    DemoLoader(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    public static void main(String[] args) throws Exception {
        DemoLoader loader = new DemoLoader(
                args.length > 0 ? args[0] : "http://localhost:8080", args.length > 1 ? args[1] : "http://localhost:8180");
        if (args.length > 3 && args[2].equals("--scale")) {
            loader.scale(Integer.parseInt(args[3]));
            System.out.println("synthetic world: " + loader.loaded);
            return;
        }
        loader.contracts();
        loader.sites();
        loader.servers();
        loader.listings();
        System.out.println("demo world: " + loader.loaded);
    }

    // --- the world -------------------------------------------------------------------------------------------

    void contracts() throws Exception {
        for (Map<String, String> row : csv("contracts.csv")) {
            String firm = firm(row.get("clientId"));
            String reference = row.get("reference");
            String body = json(
                    "reference", reference,
                    "provider", row.get("provider"),
                    "serviceType", row.get("serviceType"),
                    "signedOn", row.get("signedOn"),
                    "startsOn", row.get("startsOn"),
                    "endsOn", row.get("endsOn"),
                    "dataStored", true,
                    "dataLocation", "CN-TJ",
                    "dataSensitivity", row.get("dataSensitivity"));
            Answer created = call("POST", "/api/v1/contracts", firm, body, "demo-contract-" + reference);
            String id;
            if (created.status == 201) {
                id = created.id();
                count(created.replayed() ? "contracts (already there)" : "contracts");
            } else if (created.status == 409) {
                id = findIn(call("GET", "/api/v1/contracts?size=200", firm, null, null), "\"reference\":\"" + reference + "\"");
                count("contracts (already there)");
            } else {
                throw created.failure("contract " + reference);
            }
            String path = "/api/v1/contracts/" + id;
            if (!row.get("renewedOn").isEmpty()) {
                call("POST", path + "/renewals", firm,
                                json("renewedOn", row.get("renewedOn"), "newEndsOn", row.get("renewedTo"), "kind", "RENEWAL"),
                                "demo-renewal-" + reference)
                        .expect(201, 409);
            }
            if (!row.get("plannedCompletionOn").isEmpty()) {
                call("PUT", path + "/migration-plan", firm,
                                json("targetProvider", "guoziyun", "plannedCompletionOn", row.get("plannedCompletionOn")),
                                null)
                        .expect(200, 201, 409);
            }
            if (!row.get("completedOn").isEmpty()) {
                call("POST", path + "/migration-plan/completion", firm, json("completedOn", row.get("completedOn")), null)
                        .expect(200, 201, 409);
            }
            if (!row.get("terminatedOn").isEmpty()) {
                call("POST", path + "/termination", firm,
                                json("terminatedOn", row.get("terminatedOn"), "reason", "Data moved to Guoziyun"),
                                null)
                        .expect(200, 409);
            }
        }
    }

    void sites() throws Exception {
        for (Map<String, String> row : csv("sites.csv")) {
            String firm = firm(row.get("clientId"));
            String body = json(
                    "code", row.get("code"),
                    "name", row.get("name"),
                    "location", row.get("location"),
                    "ownership", row.get("ownership"),
                    "status", row.get("status"),
                    "constructionStartedOn", row.get("constructionStartedOn"),
                    "commissionedOn", row.get("commissionedOn"),
                    "racks", Integer.valueOf(row.get("racks")),
                    "powerKw", Integer.valueOf(row.get("powerKw")));
            Answer answer = call("POST", "/api/v1/sites", firm, body, "demo-site-" + row.get("code")).expect(201, 409);
            count(answer.status == 201 && !answer.replayed() ? "sites" : "sites (already there)");
        }
    }

    void servers() throws Exception {
        List<String> lines = Files.readAllLines(DEMO.resolve("servers.csv"));
        String header = null;
        Map<String, StringBuilder> byFirm = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            if (header == null) {
                header = line.substring(comma + 1);
                continue;
            }
            String head = header;
            byFirm.computeIfAbsent(line.substring(0, comma), k -> new StringBuilder(head).append('\n'))
                    .append(line, comma + 1, line.length())
                    .append('\n');
        }
        for (Map.Entry<String, StringBuilder> entry : byFirm.entrySet()) {
            String firm = firm(entry.getKey());
            String csv = entry.getValue().toString();
            long rows = csv.chars().filter(c -> c == '\n').count() - 1;
            String firstTag = csv.split("\n")[1].split(",")[0];
            Answer existing = call("GET", "/api/v1/servers?size=1&assetTag=" + firstTag, firm, null, null).expect(200);
            if (existing.number("totalItems") > 0) {
                count("servers (already there)", (int) rows);
                continue;
            }
            send("POST", "/api/v1/servers/import?mode=upsert", firm, "text/csv", csv, null).expect(200, 201);
            count("servers", (int) rows);
        }
    }

    void listings() throws Exception {
        String regulator1 = person("regulator1");
        String regulator2 = person("regulator2");
        for (Map<String, String> row : csv("listings.csv")) {
            String firm = firm(row.get("clientId"));
            String key = row.get("key");
            String stage = row.get("stage");
            String body = json(
                    "exchange", row.get("exchange"),
                    "exchangeCountry", row.get("exchangeCountry"),
                    "listingType", row.get("listingType"),
                    "usersWithPersonalInfo", Long.valueOf(row.get("usersWithPersonalInfo")),
                    "sector", row.get("sector"),
                    "holdsCoreOrImportantData", Boolean.valueOf(row.get("holdsCoreOrImportantData")),
                    "plannedListingOn", row.get("plannedListingOn"));
            String marker = "\"exchange\":\"" + row.get("exchange") + "\"";
            String users = "\"usersWithPersonalInfo\":" + row.get("usersWithPersonalInfo");
            String found = findIn(call("GET", "/api/v1/listing-applications?size=200", firm, null, null), marker, users);
            if (found != null) {
                count("listing applications (already there)");
                continue;
            }
            String id = call("POST", "/api/v1/listing-applications", firm, body, "demo-listing-" + key)
                    .expect(201)
                    .id();
            count("listing applications: " + stage);
            if (stage.equals("DRAFT")) {
                continue;
            }
            String app = "/api/v1/listing-applications/" + id;
            for (String kind : List.of("DECLARATION", "NATIONAL_SECURITY_ANALYSIS", "LISTING_DOCUMENTS")) {
                String document = "%PDF-1.7\n% demo " + kind + " of " + key + "\n%%EOF\n";
                send("POST", app + "/documents?kind=" + kind + "&filename=" + kind.toLowerCase() + ".pdf", firm,
                                "application/pdf", document, "demo-doc-" + key + "-" + kind)
                        .expect(201);
            }
            step(firm, app, "submission", null, key);
            switch (stage) {
                case "SUBMITTED" -> {}
                case "WITHDRAWN" -> step(firm, app, "withdrawal", reason("Listing postponed by the board"), key);
                case "REVIEW_NOT_REQUIRED" -> step(regulator1, app, "determination",
                        "{\"reviewRequired\": false, \"reason\": \"Hong Kong listing below the threshold\"}", key);
                default -> {
                    step(regulator1, app, "determination",
                            "{\"reviewRequired\": true, \"reason\": \"LA-1: more than a million users, listing abroad\"}",
                            key);
                    switch (stage) {
                        case "INITIAL_REVIEW" -> {}
                        case "SUPPLEMENT_REQUESTED" -> step(regulator1, app, "supplement-request",
                                reason("Data export assessment of the patient records"), key);
                        case "SPECIAL_REVIEW" -> step(regulator2, app, "special-review",
                                reason("Member units disagree on the grid data"), key);
                        case "CLEARED", "GATE_REFUSED" -> {
                            step(regulator1, app, "decision-proposal",
                                    "{\"outcome\": \"CLEARED\", \"reasons\": \"No effect on national security found\"}",
                                    key);
                            Answer confirmed = send("POST", app + "/decision-confirmation", regulator2,
                                    "application/json", reason("Agree"), "demo-" + key + "-confirmation");
                            confirmed.expect(stage.equals("CLEARED") ? 200 : 409);
                        }
                        case "PROHIBITED" -> {
                            step(regulator1, app, "decision-proposal",
                                    "{\"outcome\": \"PROHIBITED\", \"reasons\": \"Core data of the defence industry\"}",
                                    key);
                            step(regulator2, app, "decision-confirmation", reason("Agree"), key);
                        }
                        default -> throw new IllegalStateException("unknown stage " + stage);
                    }
                }
            }
        }
    }

    /**
     * A synthetic world for benchmarks: {@code firms} firms (Keycloak clients scale-firm-N created through the admin
     * API, dev only), each with three contracts (one signed after the directive), a data centre and a thousand
     * servers by bulk import (a tenth bought after the directive). Idempotent like the demo world.
     */
    void scale(int firms) throws Exception {
        String admin = adminToken();
        for (int n = 1; n <= firms; n++) {
            String client = "scale-firm-" + n;
            String firmId = uscc("911201" + String.format("%02d", n / 10_000_000) + "KC" + String.format("%07d", n % 10_000_000));
            ensureClient(admin, client, firmId);
            String firm = firm(client);
            for (int k = 1; k <= 3; k++) {
                String reference = "SC-" + n + "-" + k;
                String body = json(
                        "reference", reference,
                        "provider", k == 1 ? "guoziyun" : "alibaba-cloud",
                        "serviceType", "IAAS",
                        "signedOn", k == 3 ? "2022-03-01" : "2019-0" + k + "-01",
                        "startsOn", k == 3 ? "2022-04-01" : "2019-0" + (k + 1) + "-01",
                        "dataStored", true,
                        "dataLocation", "CN-TJ",
                        "dataSensitivity", "MEDIUM");
                Answer a = call("POST", "/api/v1/contracts", firm, body, "scale-contract-" + reference).expect(201, 409);
                count(a.status == 201 && !a.replayed() ? "contracts" : "contracts (already there)");
            }
            Answer site = call("POST", "/api/v1/sites", firm,
                            json("code", "SC-" + n + "-DC", "name", "Data centre", "location", "CN-TJ", "ownership",
                                    "OWNED", "status", "ACTIVE", "constructionStartedOn", "2016-01-01",
                                    "commissionedOn", "2017-01-01"),
                            "scale-site-" + n)
                    .expect(201, 409);
            count(site.status == 201 && !site.replayed() ? "sites" : "sites (already there)");
            String firstTag = "SC" + n + "-00001";
            if (call("GET", "/api/v1/servers?size=1&assetTag=" + firstTag, firm, null, null).expect(200).number("totalItems") > 0) {
                count("servers (already there)", 1000);
                continue;
            }
            StringBuilder csv = new StringBuilder("assetTag,serial,hostname,vendor,model,siteCode,acquisition,acquiredOn,status\n");
            for (int i = 1; i <= 1000; i++) {
                boolean late = i % 10 == 0;
                csv.append(String.format("SC%d-%05d,SN-SC%d-%05d,s%05d.scale-%d.example.cn,Inspur,NF5280M6,SC-%d-DC,%s,%s,ACTIVE%n",
                        n, i, n, i, i, n, n, "PURCHASE", late ? "2022-06-01" : "2019-06-01"));
            }
            send("POST", "/api/v1/servers/import", firm, "text/csv", csv.toString(), null).expect(200, 201);
            count("servers", 1000);
        }
    }

    String adminToken() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("Keycloak's dev admin (admin/admin) did not log in: " + response.statusCode());
            }
            return m.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak at " + keycloak + " does not answer", e);
        }
    }

    /** A machine client like the demo firms', with the firm_id claim, the audience and the firm role. */
    void ensureClient(String admin, String clientId, String firmId) throws Exception {
        String realm = keycloak + "/admin/realms/guoziyun";
        Answer found = adminCall("GET", realm + "/clients?clientId=" + clientId, admin, null);
        if (ID.matcher(found.body()).find()) {
            return;
        }
        String client = """
                {"clientId": "%s", "enabled": true, "publicClient": false, "secret": "%s-secret",
                 "serviceAccountsEnabled": true, "standardFlowEnabled": false, "directAccessGrantsEnabled": false,
                 "protocolMappers": [
                  {"name": "audience guoziyun-api", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.custom.audience": "guoziyun-api", "access.token.claim": "true"}},
                  {"name": "firm_id", "protocol": "openid-connect", "protocolMapper": "oidc-hardcoded-claim-mapper",
                   "config": {"claim.name": "firm_id", "claim.value": "%s", "jsonType.label": "String",
                              "access.token.claim": "true", "id.token.claim": "false"}}]}
                """.formatted(clientId, clientId, firmId);
        adminCall("POST", realm + "/clients", admin, client).expect(201, 409);
        String id = adminCall("GET", realm + "/clients?clientId=" + clientId, admin, null).expect(200).id();
        String user = adminCall("GET", realm + "/clients/" + id + "/service-account-user", admin, null).expect(200).id();
        String role = adminCall("GET", realm + "/roles/firm", admin, null).expect(200).body();
        adminCall("POST", realm + "/users/" + user + "/role-mappings/realm", admin, "[" + role + "]").expect(204);
        count("keycloak clients");
    }

    Answer adminCall(String method, String url, String admin, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(method + " " + url, response.statusCode(), response.body(), false);
    }

    /** The GB 32100-2015 check character completes a 17-character code. */
    static String uscc(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
        }
        return first17 + alphabet.charAt((31 - sum % 31) % 31);
    }

    void step(String token, String app, String action, String body, String key) throws Exception {
        send("POST", app + "/" + action, token, "application/json", body == null ? "" : body, "demo-" + key + "-" + action)
                .expect(200);
    }

    static String reason(String text) {
        return "{\"reason\": \"" + text + "\"}";
    }

    // --- tokens, HTTP, CSV, JSON ---------------------------------------------------------------------------

    String firm(String clientId) throws Exception {
        return tokens.computeIfAbsent(clientId, c -> token(
                "grant_type=client_credentials&client_id=" + c + "&client_secret=" + c + "-secret"));
    }

    String person(String username) {
        return tokens.computeIfAbsent(username, u -> token(
                "grant_type=password&client_id=suite-cli&username=" + u + "&password=demo-" + u));
    }

    String token(String form) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(keycloak + "/realms/guoziyun/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + form.replaceAll("(secret|password)=[^&]*", "$1=…")
                        + ": " + response.statusCode());
            }
            return m.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak at " + keycloak + " does not answer", e);
        }
    }

    Answer call(String method, String path, String token, String body, String idempotencyKey) throws Exception {
        return send(method, path, token, "application/json", body, idempotencyKey);
    }

    Answer send(String method, String path, String token, String type, String body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", type);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 && attempt < 10) {
                Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            return new Answer(method + " " + path, response.statusCode(), response.body(),
                    response.headers().firstValue("Idempotent-Replayed").isPresent());
        }
    }

    record Answer(String what, int status, String body, boolean replayed) {
        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw failure(what);
        }

        IllegalStateException failure(String doing) {
            return new IllegalStateException(doing + " answered " + status + ": " + body);
        }

        String id() {
            Matcher m = ID.matcher(body);
            if (!m.find()) {
                throw failure(what + " (no id)");
            }
            return m.group(1);
        }

        long number(String field) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    /** The id of the list item whose JSON holds every marker (the items are flat objects opening with their id). */
    static String findIn(Answer list, String... markers) {
        list.expect(200);
        String compact = list.body().replaceAll("\"\\s*:\\s*", "\":");
        for (String item : compact.split("\\{\"id\":")) {
            boolean all = true;
            for (String marker : markers) {
                all &= item.contains(marker);
            }
            if (all && item.length() > 38) {
                return item.substring(1, 37);
            }
        }
        return null;
    }

    void count(String what) {
        count(what, 1);
    }

    void count(String what, int n) {
        loaded.merge(what, n, Integer::sum);
    }

    static List<Map<String, String>> csv(String file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] header = null;
        for (String line : Files.readAllLines(DEMO.resolve(file))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < cells.length ? cells[i].trim() : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** A flat JSON object; empty strings and nulls are left out. */
    static String json(Object... pairs) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value == null || "".equals(value)) {
                continue;
            }
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append('"').append(pairs[i]).append("\": ");
            out.append(value instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : value);
        }
        return out.append('}').toString();
    }
}
