package io.guoziyun.seeder;

import io.guoziyun.client.inventory.api.ServersApi;
import io.guoziyun.client.inventory.api.SitesApi;
import io.guoziyun.client.inventory.model.Ownership;
import io.guoziyun.client.inventory.model.SiteFiling;
import io.guoziyun.client.inventory.model.SiteStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A synthetic world for benchmarks, filed through the gateway as firms and regulators would: {@code firms} firms
 * (Keycloak clients scale-firm-N, created in batches through the dev realm's partial import), each with three
 * contracts in the demo's mix of cases (CR-1 to CR-3, on time and late), a data centre (one in ten built after the
 * directive: AI-1) and {@code serversPerFirm} servers by one bulk import (a third purchases, spread over 2019 to
 * 2023: AI-2 from the effective date); every fifth firm files a listing application, taken to one of seven
 * workflow stages by two regulators (not the clearances: these firms have open findings, and the gate refuses). The national size is 10,000 firms and 1,000 servers each. Firms are filed in
 * parallel; a firm whose servers are there is done, so a second run adds nothing and a killed run resumes.
 */
final class ScaleWorld {

    static final int NATIONAL = 10_000;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String[] STAGES = {
        "DRAFT", "SUBMITTED", "INITIAL_REVIEW", "SUPPLEMENT_REQUESTED", "SPECIAL_REVIEW", "PROHIBITED", "WITHDRAWN"
    };
    /** The second contract of a firm: four of the demo's cases, by firm number. */
    private static final String[] CASES = {
        "alibaba-cloud,IAAS,2019-05-10,2019-06-01,2022-03-31,HIGH,,,2022-05-15,2022-05-20,2022-05-31",
        "huawei-cloud,IAAS,2019-11-01,2019-12-01,2021-11-30,HIGH,2021-11-15,2022-11-30,,,",
        "china-telecom-cloud,IAAS,2018-04-01,2018-05-01,,MEDIUM,,,,,",
        "alibaba-cloud,SAAS,2020-06-01,2020-07-01,2022-06-30,HIGH,,,2022-10-30,2022-11-20,2022-11-25"
    };

    private static final String[] COLUMNS = {
        "provider",
        "serviceType",
        "signedOn",
        "startsOn",
        "endsOn",
        "dataSensitivity",
        "renewedOn",
        "renewedTo",
        "plannedCompletionOn",
        "completedOn",
        "terminatedOn"
    };

    private final Gateway gateway;
    private final Keycloak keycloak;
    private final Tally tally;
    private final DemoContracts contracts;
    private final DemoListings listings;
    private final Map<String, Map<String, String>> listingByStage = new LinkedHashMap<>();

    ScaleWorld(Gateway gateway, Keycloak keycloak, Tally tally) throws Exception {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.tally = tally;
        this.contracts = new DemoContracts(gateway, keycloak, tally);
        this.listings = new DemoListings(gateway, keycloak, tally);
        for (Map<String, String> row : Rows.of(Path.of("seeds", "demo", "listings.csv"))) {
            listingByStage.putIfAbsent(row.get("stage"), row);
        }
    }

    void load(int firms, int serversPerFirm, int threads) throws Exception {
        long start = System.nanoTime();
        for (int from = 1; from <= firms; from += 500) {
            String admin = keycloak.admin(); // a master-realm token lives a minute: one for each batch
            Map<String, String> batch = new LinkedHashMap<>();
            for (int n = from; n < Math.min(firms + 1, from + 500); n++) {
                batch.put(client(n), firmId(n));
            }
            tally.add("keycloak clients", keycloak.ensureFirmClients(admin, batch));
            System.out.printf(
                    "%,d of %,d Keycloak clients in %.0f s%n",
                    Math.min(firms, from + 499), firms, (System.nanoTime() - start) / 1e9);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int n = 1; n <= firms; n++) {
            int firm = n;
            work.add(pool.submit(() -> {
                file(firm, serversPerFirm);
                int d = done.incrementAndGet();
                if (d % 100 == 0 || d == firms) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(
                            "%,d of %,d firms, %,d servers filed in %.0f s (about %.0f s to go)%n",
                            d, firms, tally.get("servers"), seconds, seconds / d * (firms - d));
                }
                return null;
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            // A failure ends the run, not only its main thread: the other workers stop too.
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private void file(int n, int serversPerFirm) throws Exception {
        String client = client(n);
        ServersApi servers = new ServersApi(gateway.inventory(keycloak.firm(client)));
        if (!servers.listServers(null, tag(n, 1), null, null, null, null, null, 1, null, null)
                .getItems()
                .isEmpty()) {
            tally.add("firms (already there)");
            return;
        }
        contracts.load(contractRows(n));
        String site = "SC-" + n + "-DC";
        boolean newBuild = n % 10 == 0;
        try {
            new SitesApi(gateway.inventory(keycloak.firm(client)))
                    .declareSite(
                            new SiteFiling()
                                    .code(site)
                                    .name("Data centre")
                                    .location("CN-TJ")
                                    .ownership(Ownership.OWNED)
                                    .status(newBuild ? SiteStatus.UNDER_CONSTRUCTION : SiteStatus.ACTIVE)
                                    .constructionStartedOn(
                                            newBuild ? LocalDate.of(2022, 1, 10) : LocalDate.of(2016, 1, 1))
                                    .commissionedOn(newBuild ? null : LocalDate.of(2017, 1, 1)),
                            "scale-site-" + n);
            tally.add("sites");
        } catch (io.guoziyun.client.inventory.ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
        StringBuilder csv =
                new StringBuilder("assetTag,serial,hostname,vendor,model,siteCode,acquisition,acquiredOn,status\n");
        LocalDate first = LocalDate.of(2019, 1, 1);
        for (int i = 1; i <= serversPerFirm; i++) {
            LocalDate acquired = first.plusDays((i * 37L + n * 11L) % 1826);
            csv.append(tag(n, i))
                    .append(",SN-")
                    .append(tag(n, i))
                    .append(",s")
                    .append(i)
                    .append(".scale-")
                    .append(n)
                    .append(".example.cn,Inspur,NF5280M6,")
                    .append(site)
                    .append(i % 3 == 0 ? ",PURCHASE," : ",LEASE,")
                    .append(acquired)
                    .append(",ACTIVE\n");
        }
        tally.add("servers", DemoEstate.importCsv(servers, csv.toString(), "create"));
        if (n % 5 == 0) {
            Map<String, String> row = new LinkedHashMap<>(listingByStage.get(STAGES[(n / 5) % STAGES.length]));
            row.put("clientId", client);
            row.put("key", "scale-" + n);
            listings.load(List.of(row));
        }
    }

    private static List<Map<String, String>> contractRows(int n) {
        return List.of(
                contract(n, 1, "guoziyun,IAAS,2020-03-01,2020-04-01,,HIGH,,,,,"),
                contract(n, 2, CASES[n % CASES.length]),
                contract(
                        n,
                        3,
                        n % 2 == 0
                                ? "tencent-cloud,PAAS,2021-09-15,2021-10-01,2023-09-30,MEDIUM,,,,,"
                                : "guoziyun,SAAS,2021-01-10,2021-02-01,,LOW,,,,,"));
    }

    private static Map<String, String> contract(int n, int k, String cells) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("clientId", client(n));
        row.put("reference", "SC-" + n + "-" + k);
        String[] values = cells.split(",", -1);
        for (int i = 0; i < COLUMNS.length; i++) {
            row.put(COLUMNS[i], values[i]);
        }
        return row;
    }

    private static String client(int n) {
        return "scale-firm-" + n;
    }

    private static String tag(int n, int i) {
        return String.format("SC%d-%05d", n, i);
    }

    static String firmId(int n) {
        return uscc("911201" + String.format("%02d", n / 10_000_000) + "KC" + String.format("%07d", n % 10_000_000));
    }

    /** The GB 32100-2015 check character completes a 17-character code. */
    static String uscc(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
