package io.guoziyun.seeder;

import java.nio.file.Path;

/**
 * Loads the demo world of seeds/demo through the gateway with the generated Java client, as its firms and
 * regulators would: real Keycloak tokens, Idempotency-Keys on every creation, servers by bulk import. A second run
 * finds what exists and changes nothing. {@code DemoLoader [gateway] [keycloak] [--scale N|national [--servers
 * PER_FIRM] [--threads T]]}: the synthetic world of {@link ScaleWorld} instead.
 */
public final class DemoLoader {

    private DemoLoader() {}

    public static void main(String[] args) throws Exception {
        String gatewayUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        Keycloak keycloak = new Keycloak(args.length > 1 ? args[1] : "http://localhost:8180");
        Gateway gateway = new Gateway(gatewayUrl);
        Tally tally = new Tally();
        if (args.length > 3 && args[2].equals("--scale")) {
            int firms = args[3].equals("national") ? ScaleWorld.NATIONAL : Integer.parseInt(args[3]);
            int servers = 1000;
            int threads = 4;
            for (int i = 4; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--servers" -> servers = Integer.parseInt(args[i + 1]);
                    case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            long start = System.nanoTime();
            new ScaleWorld(gateway, keycloak, tally).load(firms, servers, threads);
            System.out.printf(
                    "synthetic world of %,d firms in %.0f s: %s%n", firms, (System.nanoTime() - start) / 1e9, tally);
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
