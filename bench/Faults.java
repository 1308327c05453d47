import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 18's fault run (bench/faults.sh starts it): writers file contracts through the gateway without pause, each
 * write retried with its own Idempotency-Key until acknowledged, while faults are injected one after another. It
 * counts what matters: acknowledged writes lost (must be 0), answers 5xx other than 503/504 (must be 0), and the
 * seconds from each fault until writes are acknowledged again.
 */
public class Faults {

    static final String GATEWAY = env("GATEWAY", "http://localhost:8080");
    static final String TOKEN_URL =
            env("KEYCLOAK", "http://localhost:8180") + "/realms/guoziyun/protocol/openid-connect/token";
    static final Path RUN = Path.of(env("SUITE_RUN", "../.run"));
    static final Path ROOT = Path.of(env("SUITE_ROOT", ".."));
    static final int WRITERS = Integer.parseInt(env("WRITERS", "4"));
    static final String FIRM = env("FIRM", "demo-firm-c");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final AtomicBoolean STOP = new AtomicBoolean();
    static final List<String> ACKNOWLEDGED = new CopyOnWriteArrayList<>();
    /** Acknowledged uploads, as {@code applicationId/documentId}. */
    static final List<String> DOCUMENTS = new CopyOnWriteArrayList<>();
    /** Each acknowledged attempt as {sent, acknowledged} (millis): recovery is the first ack of an attempt sent after. */
    static final List<long[]> DOCUMENT_ACKS = new CopyOnWriteArrayList<>();
    static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentHashMap<>();
    static final AtomicInteger PLAIN_5XX = new AtomicInteger();
    static final AtomicInteger UNREACHABLE = new AtomicInteger();
    static final List<long[]> CONTRACT_ACKS = new CopyOnWriteArrayList<>();
    static volatile String token;

    record Fault(String name, String inject, String recover, int holdSeconds) {}

    public static void main(String[] args) throws Exception {
        token = token();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread t = new Thread(() -> write(run, writer), "writer-" + w);
            t.start();
            writers.add(t);
        }
        Thread documents = new Thread(Faults::upload, "documents");
        documents.start();
        writers.add(documents);
        Thread refresher = new Thread(Faults::refreshTokens, "token");
        refresher.setDaemon(true);
        refresher.start();

        String up = "cd " + ROOT + " && SUITE_SEED=0 ./suite up >/dev/null 2>&1";
        List<Fault> faults = List.of(
                new Fault("service killed (kill -9 contract-registry)", kill9("contract-registry"), up, 3),
                new Fault("PostgreSQL restarted", env("PG_RESTART", "pg_ctlcluster 15 main restart"), null, 0),
                new Fault("Keycloak stopped", "kill $(cat " + RUN.resolve("keycloak/pid") + ")", up, 15),
                new Fault("gateway killed (kill -9)", kill9("gateway"), up, 3),
                new Fault(
                        "document spool full",
                        "cd " + ROOT + " && bench/faults.sh fill-spool",
                        "cd " + ROOT + " && bench/faults.sh empty-spool",
                        10));
        sleep(8_000);
        System.out.printf("%-44s %10s %12s %10s%n", "fault", "plain 5xx", "recovered s", "writes");
        for (Fault fault : faults) {
            int plainBefore = PLAIN_5XX.get();
            int acksBefore = ACKNOWLEDGED.size();
            shell(fault.inject());
            long injected = System.currentTimeMillis(); // from here on an attempt meets the fault
            sleep(fault.holdSeconds() * 1000L);
            if (fault.recover() != null) {
                shell(fault.recover());
            }
            long recovered = fault.name().startsWith("document")
                    ? waitFor(DOCUMENT_ACKS, injected, 180_000)
                    : waitFor(CONTRACT_ACKS, injected, 180_000);
            System.out.printf(
                    "%-44s %10d %12s %10d%n",
                    fault.name(),
                    PLAIN_5XX.get() - plainBefore,
                    recovered < 0 ? "never" : String.format("%.1f", (recovered - injected) / 1000.0),
                    ACKNOWLEDGED.size() - acksBefore);
            sleep(5_000);
        }
        STOP.set(true);
        for (Thread t : writers) {
            t.join(60_000);
        }
        token = token(); // the last one may have expired while the writers wound down
        int lost = 0;
        for (String id : ACKNOWLEDGED) {
            HttpResponse<String> answer = read("/api/v1/contracts/" + id);
            if (answer == null || answer.statusCode() != 200) {
                lost++;
                System.out.println("LOST " + id + " " + (answer == null ? "unreachable" : answer.statusCode()));
            }
        }
        for (String doc : DOCUMENTS) {
            String[] ids = doc.split("/");
            HttpResponse<String> answer = read("/api/v1/listing-applications/" + ids[0] + "/documents/" + ids[1]);
            if (answer == null || answer.statusCode() != 200) {
                lost++;
                System.out.println("LOST document " + doc + " " + (answer == null ? "unreachable" : answer.statusCode()));
            }
        }
        System.out.printf(
                "acknowledged writes %d contracts + %d documents, lost %d, plain 5xx %d, unreachable attempts %d,"
                        + " statuses %s%n",
                ACKNOWLEDGED.size(), DOCUMENTS.size(), lost, PLAIN_5XX.get(), UNREACHABLE.get(), STATUSES);
        System.exit(lost == 0 && PLAIN_5XX.get() == 0 ? 0 : 1);
    }

    /** One writer: a contract at a time, each retried with the same key and body until acknowledged. */
    static void write(String run, int writer) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        for (int n = 0; !STOP.get(); n++) {
            String key = "faults-" + run + "-" + writer + "-" + n;
            String body = """
                    {"reference": "F-%s-%d-%d", "provider": "guoziyun", "serviceType": "IAAS", "signedOn": "%s",
                     "startsOn": "%s", "dataStored": true, "dataLocation": "CN-TJ", "dataSensitivity": "LOW"}
                    """.formatted(run, writer, n, today, today);
            String id = deliver("contract", () -> HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/contracts"))
                    .timeout(Duration.ofSeconds(35))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), CONTRACT_ACKS);
            if (id != null) {
                ACKNOWLEDGED.add(id);
            }
        }
    }

    /** Uploads a small PDF at a time to a DRAFT application, each retried with its key until acknowledged. */
    static void upload() {
        String application = null;
        byte[] pdf = "%PDF-1.7\n% fault run\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        for (int n = 0; !STOP.get(); n++) {
            if (application == null || n % 40 == 0) {
                application = draft();
                if (application == null) {
                    sleep(500);
                    n--;
                    continue;
                }
            }
            String key = "faults-doc-" + application + "-" + n;
            String app = application;
            String id = deliver("upload", () -> HttpRequest.newBuilder(URI.create(GATEWAY
                            + "/api/v1/listing-applications/" + app + "/documents?kind=DECLARATION"))
                    .timeout(Duration.ofSeconds(35))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/pdf")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pdf))
                    .build(), DOCUMENT_ACKS);
            if (id != null) {
                DOCUMENTS.add(application + "/" + id);
            }
        }
    }

    /**
     * Sends one write, again with the same key and body until it is acknowledged (201): answers the new record's id,
     * or null when it was refused (a 4xx other than 401 and 429) or the run stopped. Counts every answer, and each
     * 5xx other than 503/504; an acknowledgement is kept as {sent, acknowledged} for the recovery time.
     */
    static String deliver(String what, java.util.function.Supplier<HttpRequest> request, List<long[]> acks) {
        while (!STOP.get()) {
            long sent = System.currentTimeMillis();
            HttpResponse<String> answer = send(request.get());
            if (answer == null) {
                UNREACHABLE.incrementAndGet();
            } else {
                int status = answer.statusCode();
                STATUSES.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                if (status == 201) {
                    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(answer.body());
                    if (!id.find()) {
                        return null;
                    }
                    acks.add(new long[] {sent, System.currentTimeMillis()});
                    return id.group(1);
                }
                if (status >= 500 && status != 503 && status != 504) {
                    PLAIN_5XX.incrementAndGet();
                    System.out.println("PLAIN " + status + " " + answer.body());
                }
                if (status >= 400 && status < 500 && status != 401 && status != 429) {
                    System.out.println("REFUSED " + what + " " + status + " " + answer.body());
                    return null;
                }
            }
            sleep(250);
        }
        return null;
    }

    /** A new DRAFT listing application of the firm, or null when it cannot be made now. */
    static String draft() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/listing-applications"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"exchange": "HKEX", "exchangeCountry": "HK", "listingType": "IPO",
                         "usersWithPersonalInfo": 1000, "sector": "FOOD", "holdsCoreOrImportantData": false}
                        """))
                .build());
        if (answer == null || answer.statusCode() != 201) {
            return null;
        }
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(answer.body());
        return id.find() ? id.group(1) : null;
    }

    /** A GET of what was acknowledged; the check outlives a token (five minutes), so a 401 fetches a new one. */
    static HttpResponse<String> read(String path) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(GATEWAY + path))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build());
            if (answer == null || answer.statusCode() != 401 || attempt > 0) {
                return answer;
            }
            token = token();
        }
    }

    /** The first acknowledgement of an attempt sent after {@code after}: the fault is over for writers then. */
    static long waitFor(List<long[]> acks, long after, long within) {
        long deadline = System.currentTimeMillis() + within;
        while (System.currentTimeMillis() < deadline) {
            long first = acks.stream().filter(a -> a[0] > after).mapToLong(a -> a[1]).min().orElse(-1);
            if (first > 0) {
                return first;
            }
            sleep(100);
        }
        return -1;
    }

    static void refreshTokens() {
        while (!STOP.get()) {
            sleep(60_000);
            try {
                token = token();
            } catch (Exception e) {
                // Keycloak away: keep the token we have (it lives five minutes).
            }
        }
    }

    static String token() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(FIRM, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(FIRM + "-secret", StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(TOKEN_URL))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + answer.body());
        }
        return m.group(1);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    static String kill9(String component) {
        return "kill -9 $(cat " + RUN.resolve(component + "/pid") + ")";
    }

    static void shell(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        p.waitFor();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
