package io.guoziyun.seeder;

import java.nio.file.Path;

/**
 * Loads the demo world of seeds/demo through the gateway with the generated Java client, as its firms and
 * regulators would: real Keycloak tokens, Idempotency-Keys on every creation, servers by bulk import. A second run
 * finds what exists and changes nothing. {@code DemoLoader [gateway] [keycloak] [--scale N]}.
 */
public final class DemoLoader {

    private DemoLoader() {}

    public static void main(String[] args) throws Exception {
        String gatewayUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        Keycloak keycloak = new Keycloak(args.length > 1 ? args[1] : "http://localhost:8180");
        Gateway gateway = new Gateway(gatewayUrl);
        Tally tally = new Tally();
        if (args.length > 3 && args[2].equals("--scale")) {
            new ScaleWorld(gateway, keycloak, tally).load(Integer.parseInt(args[3]));
            System.out.println("synthetic world: " + tally);
            return;
        }
        Path demo = Path.of("seeds", "demo");
        new DemoContracts(gateway, keycloak, tally).load(demo.resolve("contracts.csv"));
        DemoEstate estate = new DemoEstate(gateway, keycloak, tally);
        estate.sites(demo.resolve("sites.csv"));
        estate.servers(demo.resolve("servers.csv"));
        new DemoListings(gateway, keycloak, tally).load(demo.resolve("listings.csv"));
        System.out.println("demo world: " + tally);
    }
}
