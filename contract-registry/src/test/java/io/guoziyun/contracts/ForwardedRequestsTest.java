package io.guoziyun.contracts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Requests relayed by the gateway (X-Forwarded-* from a trusted proxy) leave no socket behind. With a trusted
 * proxy that Quarkus reads as a host name (an IPv6 address written bare), it opened a DNS client — a UDP socket —
 * on every such request and never closed it: 20,000 requests of the national seed exhausted the descriptors.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
class ForwardedRequestsTest {

    private static final int REQUESTS = 300;

    @Test
    void relayedRequestsLeaveNoSocketOpen() throws IOException {
        String firm = TestTokens.firm(TestTokens.newFirm());
        relay(firm, 20); // warm: pools and connections opened once
        long before = sockets();
        relay(firm, REQUESTS);
        long after = sockets();
        assertTrue(after - before < 5, "sockets other than TCP before " + before + ", after " + after);
    }

    private static void relay(String token, int times) {
        for (int i = 0; i < times; i++) {
            given().auth()
                    .oauth2(token)
                    .header("X-Forwarded-For", "203.0.113.7")
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Host", "guoziyun.example.cn")
                    .when()
                    .get("/api/v1/contracts?size=1")
                    .then()
                    .statusCode(200);
        }
    }

    /**
     * This process's sockets that are not TCP connections or listeners (the test's own HTTP client keeps TCP
     * sockets until it is collected): a DNS client's UDP socket is counted even before it is bound.
     */
    private static long sockets() throws IOException {
        java.util.Set<String> tcp = new java.util.HashSet<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            if (Files.exists(Path.of(table))) {
                Files.readAllLines(Path.of(table)).stream()
                        .skip(1)
                        .map(line -> line.trim().split("\\s+"))
                        .filter(cells -> cells.length > 9)
                        .forEach(cells -> tcp.add(cells[9]));
            }
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                        try {
                            String link = Files.readSymbolicLink(fd).toString();
                            return link.startsWith("socket:[") && !tcp.contains(link.substring(8, link.length() - 1));
                        } catch (IOException e) {
                            return false; // closed while listing
                        }
                    })
                    .count();
        }
    }
}
