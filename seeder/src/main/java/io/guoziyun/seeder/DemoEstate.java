package io.guoziyun.seeder;

import io.guoziyun.client.inventory.ApiException;
import io.guoziyun.client.inventory.api.ServersApi;
import io.guoziyun.client.inventory.api.SitesApi;
import io.guoziyun.client.inventory.model.Ownership;
import io.guoziyun.client.inventory.model.SiteFiling;
import io.guoziyun.client.inventory.model.SiteStatus;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo firms' data centres (sites.csv) and servers (servers.csv, by bulk import per firm). */
final class DemoEstate {

    private static final List<String> SERVER_COLUMNS = List.of(
            "assetTag", "serial", "hostname", "vendor", "model", "siteCode", "acquisition", "acquiredOn", "status");

    private final Gateway gateway;
    private final Keycloak keycloak;
    private final Tally tally;

    DemoEstate(Gateway gateway, Keycloak keycloak, Tally tally) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.tally = tally;
    }

    void sites(Path file) throws Exception {
        for (Map<String, String> row : Rows.of(file)) {
            SitesApi sites = new SitesApi(gateway.inventory(keycloak.firm(row.get("clientId"))));
            SiteFiling filing = new SiteFiling()
                    .code(row.get("code"))
                    .name(row.get("name"))
                    .location(row.get("location"))
                    .ownership(Ownership.fromValue(row.get("ownership")))
                    .status(SiteStatus.fromValue(row.get("status")))
                    .constructionStartedOn(Rows.date(row.get("constructionStartedOn")))
                    .commissionedOn(Rows.date(row.get("commissionedOn")))
                    .racks(Integer.valueOf(row.get("racks")))
                    .powerKw(new BigDecimal(row.get("powerKw")));
            try {
                var created = sites.declareSiteWithHttpInfo(filing, "demo-site-" + row.get("code"));
                tally.add(created.getHeaders().containsKey("idempotent-replayed") ? "sites (already there)" : "sites");
            } catch (ApiException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                tally.add("sites (already there)");
            }
        }
    }

    /** Each firm's servers in one import (mode=upsert), unless its first server is there already. */
    void servers(Path file) throws Exception {
        Map<String, StringBuilder> byFirm = new LinkedHashMap<>();
        Map<String, String> firstTag = new LinkedHashMap<>();
        for (Map<String, String> row : Rows.of(file)) {
            String firm = row.get("clientId");
            StringBuilder csv =
                    byFirm.computeIfAbsent(firm, f -> new StringBuilder(String.join(",", SERVER_COLUMNS)).append('\n'));
            firstTag.putIfAbsent(firm, row.get("assetTag"));
            csv.append(String.join(",", SERVER_COLUMNS.stream().map(row::get).toList()))
                    .append('\n');
        }
        for (var entry : byFirm.entrySet()) {
            ServersApi servers = new ServersApi(gateway.inventory(keycloak.firm(entry.getKey())));
            int rows = (int) entry.getValue().chars().filter(c -> c == '\n').count() - 1;
            if (!servers.listServers(null, firstTag.get(entry.getKey()), null, null, null, null, null, 1, null, null)
                    .getItems()
                    .isEmpty()) {
                tally.add("servers (already there)", rows);
                continue;
            }
            tally.add("servers", importCsv(servers, entry.getValue().toString(), "upsert"));
        }
    }

    /** A CSV import through the generated client; answers the rows imported. */
    static int importCsv(ServersApi servers, String csv, String mode) throws Exception {
        File upload = Files.createTempFile("servers-", ".csv").toFile();
        try {
            Files.writeString(upload.toPath(), csv);
            var report = servers.importServers(upload, null, mode);
            return (int) (report.getInserted() + report.getUpdated());
        } finally {
            Files.deleteIfExists(upload.toPath());
        }
    }
}
