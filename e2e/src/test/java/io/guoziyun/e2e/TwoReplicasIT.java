package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the suite as `./suite test` runs it, with two replicas of each service behind the gateway (SUITE_REPLICAS=2)
 * and the daily re-evaluation firing every 15 s on each (SUITE_DAILY_CRON). Every other end-to-end test runs through
 * both replicas too; this one shows a replica's loss costs no request, and that the job fired on both did its work once.
 */
class TwoReplicasIT {

    static final String GATEWAY = WalkingSkeletonIT.GATEWAY;
    static final Path RUN = Path.of(System.getProperty("suite.run", "../.run"));
    static final Path ROOT = Path.of(System.getProperty("suite.root", ".."));

    @Test
    void withOneReplicaKilledEveryRequestIsStillAnsweredByTheOther() throws Exception {
        assertTrue(Files.exists(RUN.resolve("contract-registry-2/pid")), "the suite runs a second contract-registry");
        String firm = Keycloak.machine("demo-firm-e");
        long pid = Long.parseLong(
                Files.readString(RUN.resolve("contract-registry/pid")).trim());
        ProcessHandle first = ProcessHandle.of(pid).orElseThrow();
        first.destroyForcibly();
        first.onExit().get(30, TimeUnit.SECONDS);
        try {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                given().auth()
                        .oauth2(firm)
                        .when()
                        .get(GATEWAY + "/api/v1/contracts?size=5")
                        .then()
                        .statusCode(200);
                created.add(given().auth()
                        .oauth2(firm)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(ContentType.JSON)
                        .body("""
                                {"reference": "R2-%s", "provider": "guoziyun", "serviceType": "IAAS",
                                 "signedOn": "2023-03-01", "startsOn": "2023-03-01", "dataStored": true,
                                 "dataLocation": "CN-TJ", "dataSensitivity": "LOW"}
                                """.formatted(UUID.randomUUID()))
                        .when()
                        .post(GATEWAY + "/api/v1/contracts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
            }
            assertEquals(20, created.stream().distinct().count());
        } finally {
            restart();
        }
    }

    @Test
    void theDailyJobFiredOnBothReplicasDidItsWorkOnce() throws Exception {
        String today = today();
        // Both replicas fire every 15 s: wait until each has taken its turn at today's run at least once.
        long deadline = System.currentTimeMillis() + 60_000;
        while (!(fired("contract-registry") && fired("contract-registry-2"))) {
            assertTrue(System.currentTimeMillis() < deadline, "the daily job did not fire on both replicas in 60 s");
            Thread.sleep(1000);
        }
        Thread.sleep(16_000); // one more round on both
        String auditor = Keycloak.person("auditor1");
        List<String> runs = given().auth()
                .oauth2(auditor)
                .queryParam("subjectType", "job")
                .queryParam("subjectId", "findings-reevaluation-" + today)
                .queryParam("limit", 1000)
                .when()
                .get(GATEWAY + "/api/v1/contract-audit")
                .then()
                .statusCode(200)
                .extract()
                .path("action");
        assertEquals(List.of("job.finished"), runs, "one run of the day for the whole cluster");
        int did = did("contract-registry") + did("contract-registry-2");
        assertTrue(did <= 1, "at most one replica did today's run in this start (the other stood by): " + did);
    }

    /** Whether the replica's log shows the job firing (doing the run, standing by, or finding it done). */
    private static boolean fired(String replica) throws IOException {
        return Files.readString(RUN.resolve(replica + "/log")).contains("job findings-reevaluation");
    }

    private static int did(String replica) throws IOException {
        return Files.readString(RUN.resolve(replica + "/log"))
                        .contains("job findings-reevaluation " + today() + ": starting")
                ? 1
                : 0;
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    /** Starts again what the test killed, as the suite would (nothing else changes: same build, same settings). */
    private static void restart() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("suite").toString(), "up")
                .redirectErrorStream(true)
                .redirectOutput(RUN.resolve("two-replicas-it-up.log").toFile());
        builder.environment().put("SUITE_SEED", "0"); // SUITE_REPLICAS and SUITE_DAILY_CRON come from ./suite test
        Process up = builder.start();
        up.getOutputStream().close();
        assertTrue(up.waitFor(180, TimeUnit.SECONDS), "./suite up did not finish in 180 s");
        assertEquals(0, up.exitValue(), "./suite up failed; see " + RUN.resolve("two-replicas-it-up.log"));
    }
}
