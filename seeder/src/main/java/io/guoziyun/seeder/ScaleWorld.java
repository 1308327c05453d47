package io.guoziyun.seeder;

import io.guoziyun.client.contracts.api.ContractsApi;
import io.guoziyun.client.contracts.model.ContractFiling;
import io.guoziyun.client.contracts.model.DataSensitivity;
import io.guoziyun.client.contracts.model.ServiceType;
import io.guoziyun.client.inventory.api.ServersApi;
import io.guoziyun.client.inventory.api.SitesApi;
import io.guoziyun.client.inventory.model.Ownership;
import io.guoziyun.client.inventory.model.SiteFiling;
import io.guoziyun.client.inventory.model.SiteStatus;
import java.time.LocalDate;

/**
 * A synthetic world for benchmarks: {@code firms} firms (Keycloak clients scale-firm-N created through the dev
 * admin API), each with three contracts (one signed after the directive), a data centre and a thousand servers by
 * bulk import (a tenth bought after the directive). Idempotent like the demo world.
 */
final class ScaleWorld {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final Gateway gateway;
    private final Keycloak keycloak;
    private final Tally tally;

    ScaleWorld(Gateway gateway, Keycloak keycloak, Tally tally) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.tally = tally;
    }

    void load(int firms) throws Exception {
        String admin = keycloak.admin();
        for (int n = 1; n <= firms; n++) {
            String client = "scale-firm-" + n;
            String firmId = uscc(
                    "911201" + String.format("%02d", n / 10_000_000) + "KC" + String.format("%07d", n % 10_000_000));
            if (keycloak.ensureFirmClient(admin, client, firmId)) {
                tally.add("keycloak clients");
            }
            String token = keycloak.firm(client);
            ContractsApi contracts = new ContractsApi(gateway.contracts(token));
            for (int k = 1; k <= 3; k++) {
                String reference = "SC-" + n + "-" + k;
                ContractFiling filing = new ContractFiling()
                        .reference(reference)
                        .provider(k == 1 ? "guoziyun" : "alibaba-cloud")
                        .serviceType(ServiceType.IAAS)
                        .signedOn(k == 3 ? LocalDate.of(2022, 3, 1) : LocalDate.of(2019, k, 1))
                        .startsOn(k == 3 ? LocalDate.of(2022, 4, 1) : LocalDate.of(2019, k + 1, 1))
                        .dataStored(true)
                        .dataLocation("CN-TJ")
                        .dataSensitivity(DataSensitivity.MEDIUM);
                DemoContracts.allowConflict(() -> contracts.registerContract(filing, "scale-contract-" + reference));
                tally.add("contracts");
            }
            SitesApi sites = new SitesApi(gateway.inventory(token));
            try {
                sites.declareSite(
                        new SiteFiling()
                                .code("SC-" + n + "-DC")
                                .name("Data centre")
                                .location("CN-TJ")
                                .ownership(Ownership.OWNED)
                                .status(SiteStatus.ACTIVE)
                                .constructionStartedOn(LocalDate.of(2016, 1, 1))
                                .commissionedOn(LocalDate.of(2017, 1, 1)),
                        "scale-site-" + n);
                tally.add("sites");
            } catch (io.guoziyun.client.inventory.ApiException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
            ServersApi servers = new ServersApi(gateway.inventory(token));
            Long present = servers.listServers(null, "SC" + n + "-00001", null, 0, null, 1, null, null)
                    .getTotalItems();
            if (present != null && present > 0) {
                tally.add("servers (already there)", 1000);
                continue;
            }
            StringBuilder csv =
                    new StringBuilder("assetTag,serial,hostname,vendor,model,siteCode,acquisition,acquiredOn,status\n");
            for (int i = 1; i <= 1000; i++) {
                csv.append(String.format(
                        "SC%d-%05d,SN-SC%d-%05d,s%05d.scale-%d.example.cn,Inspur,NF5280M6,SC-%d-DC,PURCHASE,%s,ACTIVE%n",
                        n, i, n, i, i, n, n, i % 10 == 0 ? "2022-06-01" : "2019-06-01"));
            }
            tally.add("servers", DemoEstate.importCsv(servers, csv.toString(), "create"));
        }
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
