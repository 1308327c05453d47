package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4 of issue 7: another firm tries every read and write on a firm's records, by every endpoint of the
 * three services, through the gateway: 404 each time, and nothing changes. An auditor tries every write: 403.
 */
class IsolationIT {

    static final String GATEWAY = WalkingSkeletonIT.GATEWAY;
    static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    final String owner = Keycloak.machine("demo-firm-d");
    final String intruder = Keycloak.machine("demo-firm-e");
    final String auditor = Keycloak.person("auditor1");

    String contract;
    String milestone;
    String site;
    String server;
    String application;
    String document;

    @BeforeEach
    void ownerFilesOneOfEverything() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        contract = create("/api/v1/contracts", """
                {"reference": "D-ISO-%s", "provider": "alibaba-cloud", "serviceType": "IAAS", "signedOn": "2020-01-01",
                 "startsOn": "2020-02-01", "endsOn": "2023-01-31", "dataStored": true, "dataLocation": "CN-TJ",
                 "dataSensitivity": "LOW"}""".formatted(run));
        as(owner)
                .body("{\"targetProvider\": \"guoziyun\", \"plannedCompletionOn\": \"2023-03-01\"}")
                .put(GATEWAY + "/api/v1/contracts/" + contract + "/migration-plan")
                .then()
                .statusCode(201);
        milestone = create(
                "/api/v1/contracts/" + contract + "/migration-plan/milestones",
                "{\"title\": \"Copy\", \"dueOn\": \"2023-02-01\", \"progress\": 10}");
        site = create("/api/v1/sites", """
                {"code": "D-ISO-%s", "name": "Room", "location": "CN-TJ", "ownership": "OWNED", "status": "ACTIVE",
                 "constructionStartedOn": "2015-01-01", "commissionedOn": "2015-06-30"}""".formatted(run));
        server = create("/api/v1/servers", """
                {"assetTag": "D-ISO-%s", "serial": "S-%s", "hostname": "iso.example.cn", "vendor": "Inspur",
                 "model": "NF5280M6", "acquisition": "LEASE", "acquiredOn": "2019-01-01"}""".formatted(run, run));
        application = create("/api/v1/listing-applications", """
                {"exchange": "NYSE", "exchangeCountry": "US", "listingType": "IPO", "usersWithPersonalInfo": 10,
                 "sector": "HEALTH", "holdsCoreOrImportantData": false}""");
        document = given().auth()
                .oauth2(owner)
                .contentType("application/pdf")
                .queryParam("kind", "DECLARATION")
                .body(PDF)
                .post(GATEWAY + "/api/v1/listing-applications/" + application + "/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void anotherFirmFindsNothingOfItByAnyEndpointAndChangesNothing() {
        Map<String, Object> before = versions();
        String c = "/api/v1/contracts/" + contract;
        String a = "/api/v1/listing-applications/" + application;
        List<String> reads = List.of(
                c,
                c + "/renewals",
                c + "/migration-plan",
                "/api/v1/sites/" + site,
                "/api/v1/sites/" + site + "/journal",
                "/api/v1/sites/" + site + "/history",
                "/api/v1/servers/" + server,
                "/api/v1/servers/" + server + "/journal",
                "/api/v1/servers/" + server + "/history",
                a,
                a + "/timeline",
                a + "/snapshots",
                a + "/documents",
                a + "/documents/" + document,
                a + "/documents/" + document + "/content");
        for (String path : reads) {
            assertEquals(404, as(intruder).get(GATEWAY + path).statusCode(), "GET " + path);
        }
        List<String[]> writes = writes();
        for (String[] write : writes) {
            RequestSpecification request =
                    as(intruder).header("If-Match", "\"0\"").body(write[2]);
            int status = "PUT".equals(write[0])
                    ? request.put(GATEWAY + write[1]).statusCode()
                    : request.post(GATEWAY + write[1]).statusCode();
            assertEquals(404, status, write[0] + " " + write[1]);
        }
        assertEquals(
                404,
                given().auth()
                        .oauth2(intruder)
                        .contentType("application/pdf")
                        .queryParam("kind", "DECLARATION")
                        .body(PDF)
                        .post(GATEWAY + a + "/documents")
                        .statusCode());
        assertEquals(before, versions(), "nothing of the owner's changed");
    }

    @Test
    void anAuditorWritesNothing() {
        Map<String, Object> before = versions();
        List<String[]> writes = new ArrayList<>(writes());
        writes.add(new String[] {"POST", "/api/v1/contracts", "{}"});
        writes.add(new String[] {"POST", "/api/v1/sites", "{}"});
        writes.add(new String[] {"POST", "/api/v1/servers", "{}"});
        writes.add(new String[] {"POST", "/api/v1/listing-applications", "{}"});
        for (String[] write : writes) {
            RequestSpecification request =
                    as(auditor).header("If-Match", "\"0\"").body(write[2]);
            int status = "PUT".equals(write[0])
                    ? request.put(GATEWAY + write[1]).statusCode()
                    : request.post(GATEWAY + write[1]).statusCode();
            assertEquals(403, status, write[0] + " " + write[1]);
        }
        assertEquals(
                403,
                given().auth()
                        .oauth2(auditor)
                        .contentType("text/csv")
                        .body("assetTag,acquisition,acquiredOn\nX,LEASE,2020-01-01\n")
                        .post(GATEWAY + "/api/v1/servers/import")
                        .statusCode());
        assertEquals(before, versions(), "nothing changed");
    }

    /** Every write on the owner's records, with a body each endpoint would accept from its owner. */
    private List<String[]> writes() {
        String c = "/api/v1/contracts/" + contract;
        String a = "/api/v1/listing-applications/" + application;
        String contractBody = """
                {"reference": "X", "provider": "alibaba-cloud", "serviceType": "IAAS", "signedOn": "2020-01-01",
                 "startsOn": "2020-02-01", "dataStored": true, "dataLocation": "CN-TJ", "dataSensitivity": "LOW"}""";
        String note = "{\"notedOn\": \"2023-01-01\", \"level\": \"INFO\", \"note\": \"x\"}";
        String reason = "{\"reason\": \"x\"}";
        return List.of(
                new String[] {"PUT", c, contractBody},
                new String[] {
                    "POST",
                    c + "/renewals",
                    "{\"renewedOn\": \"2023-01-01\", \"newEndsOn\": \"2024-01-31\", \"kind\": \"RENEWAL\"}"
                },
                new String[] {"POST", c + "/termination", "{\"terminatedOn\": \"2023-01-01\", \"reason\": \"x\"}"},
                new String[] {
                    "PUT",
                    c + "/migration-plan",
                    "{\"targetProvider\": \"guoziyun\", \"plannedCompletionOn\": \"2023-04-01\"}"
                },
                new String[] {
                    "POST",
                    c + "/migration-plan/milestones",
                    "{\"title\": \"x\", \"dueOn\": \"2023-02-01\", \"progress\": 1}"
                },
                new String[] {
                    "PUT",
                    c + "/migration-plan/milestones/" + milestone,
                    "{\"title\": \"x\", \"dueOn\": \"2023-02-01\", \"progress\": 99}"
                },
                new String[] {"POST", c + "/migration-plan/completion", "{\"completedOn\": \"2023-02-01\"}"},
                new String[] {
                    "POST",
                    "/api/v1/sites/" + site + "/status",
                    "{\"status\": \"RETIRED\", \"on\": \"2023-01-01\", \"evidence\": \"x\"}"
                },
                new String[] {"POST", "/api/v1/sites/" + site + "/journal", note},
                new String[] {
                    "POST",
                    "/api/v1/servers/" + server + "/status",
                    "{\"status\": \"DECOMMISSIONED\", \"on\": \"2023-01-01\", \"evidence\": \"x\"}"
                },
                new String[] {"POST", "/api/v1/servers/" + server + "/journal", note},
                new String[] {
                    "PUT",
                    a,
                    "{\"exchange\": \"NYSE\", \"exchangeCountry\": \"US\", \"listingType\": \"IPO\", \"usersWithPersonalInfo\": 1, \"sector\": \"HEALTH\", \"holdsCoreOrImportantData\": false}"
                },
                new String[] {"POST", a + "/submission", "{}"},
                new String[] {"POST", a + "/withdrawal", reason},
                new String[] {"POST", a + "/supplement", reason},
                new String[] {
                    "POST",
                    a + "/amendment",
                    "{\"filing\": {\"exchange\": \"NYSE\", \"exchangeCountry\": \"US\", \"listingType\": \"IPO\", \"usersWithPersonalInfo\": 1, \"sector\": \"HEALTH\", \"holdsCoreOrImportantData\": false}, \"reason\": \"x\"}"
                });
    }

    /** The owner's view of each record's version (or, where there is none, the record itself). */
    private Map<String, Object> versions() {
        Map<String, Object> seen = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/v1/contracts/" + contract,
                "/api/v1/contracts/" + contract + "/migration-plan",
                "/api/v1/sites/" + site,
                "/api/v1/servers/" + server,
                "/api/v1/listing-applications/" + application)) {
            var response = as(owner).get(GATEWAY + path);
            assertEquals(200, response.statusCode(), path);
            Object version = response.path("version");
            seen.put(path, version != null ? version : response.asString());
        }
        seen.put(
                "documents",
                as(owner)
                        .get(GATEWAY + "/api/v1/listing-applications/" + application + "/documents")
                        .asString());
        seen.put(
                "journal",
                as(owner)
                        .get(GATEWAY + "/api/v1/servers/" + server + "/journal")
                        .asString());
        return seen;
    }

    private String create(String path, String body) {
        return as(owner)
                .body(body)
                .post(GATEWAY + path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
