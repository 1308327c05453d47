package io.guoziyun.contracts.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.testing.Race;
import io.guoziyun.commons.testing.Retry;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.contracts.Filings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
class ContractLifecycleTest {

    private final String firm = TestTokens.firm(TestTokens.newFirm());

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        String body = Filings.contract(Filings.reference(), "alibaba-cloud", "2020-01-01", "2022-12-31");
        var first = given().auth()
                .oauth2(firm)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(201)
                .extract();
        given().auth()
                .oauth2(firm)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        given().auth()
                .oauth2(firm)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body.replace("2022-12-31", "2023-12-31"))
                .when()
                .post("/api/v1/contracts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contracts?count=exact")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
    }

    @Test
    void racingRequestsWithOneIdempotencyKeyCreateOneRecord() throws Exception {
        String racer = TestTokens.firm(TestTokens.newFirm());
        String key = UUID.randomUUID().toString();
        String body = Filings.contract(Filings.reference(), "alibaba-cloud", "2020-01-01", "2022-12-31");
        List<String> ids = Race.of(
                8,
                () -> given().auth()
                        .oauth2(racer)
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post("/api/v1/contracts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        given().auth()
                .oauth2(racer)
                .when()
                .get("/api/v1/contracts?count=exact")
                .then()
                .body("totalItems", equalTo(1));
    }

    @Test
    void correctingNeedsTheCurrentETagAndOneOfTwoRacingUpdatesWins() throws Exception {
        String id = Filings.file(firm, "alibaba-cloud", "2020-01-01", "2022-12-31");
        String path = "/api/v1/contracts/" + id;
        String corrected = Filings.contract("CORR-" + id.substring(0, 8), "alibaba-cloud", "2020-01-01", "2022-06-30");
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body(corrected)
                .when()
                .put(path)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(firm)
                .header("If-Match", "\"41\"")
                .contentType(ContentType.JSON)
                .body(corrected)
                .when()
                .put(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        String etag = Filings.etag(firm, path);
        Race.correctEightTimesAtOnce(firm, path, corrected);
        String after = Filings.etag(firm, path);
        assertNotEquals(etag, after);
        given().auth()
                .oauth2(firm)
                .when()
                .get(path)
                .then()
                .body("endsOn", equalTo("2022-06-30"))
                .body("migrationDeadline", equalTo("2022-08-30"));
    }

    @Test
    void renewalsAfterTheEffectiveDateAreCr2AndMoveTheCurrentEnd() {
        String id = Filings.file(firm, "tencent-cloud", "2019-05-01", "2021-10-31");
        String path = "/api/v1/contracts/" + id + "/renewals";
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"renewedOn\": \"2021-09-01\", \"newEndsOn\": \"2021-09-30\", \"kind\": \"EXTENSION\"}")
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("newEndsOn"));
        String renewal = given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"renewedOn\": \"2021-09-01\", \"newEndsOn\": \"2022-10-31\", \"kind\": \"RENEWAL\"}")
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth().oauth2(firm).when().get(path).then().statusCode(200).body("id", equalTo(List.of(renewal)));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contracts/" + id)
                .then()
                .body("currentEndsOn", equalTo("2022-10-31"))
                // An unlawful renewal does not move the deadline: 2021-10-31 + 2 months.
                .body("migrationDeadline", equalTo("2021-12-31"));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contract-findings?rule=CR-2&asOf=2021-09-01")
                .then()
                .body("items", hasSize(1))
                .body("items[0].causeId", equalTo(renewal))
                .body("items[0].detectedOn", equalTo("2021-09-01"));
    }

    @Test
    void aRetriedTerminationOrCompletionWithItsKeyGetsTheFirstAnswer() {
        String ended = Filings.file(firm, "alibaba-cloud", "2020-01-01", "2022-12-31");
        Retry.answeredOnce(
                firm,
                "/api/v1/contracts/" + ended + "/termination",
                "{\"terminatedOn\": \"2022-01-01\", \"reason\": \"moved to Guoziyun\", \"evidence\": \"Agreement T-1\"}",
                409);
        String migrated = Filings.file(firm, "alibaba-cloud", "2020-01-01", "2022-12-31");
        String plan = Filings.plan(firm, migrated, "2022-04-30");
        Retry.answeredOnce(
                firm, plan + "/completion", "{\"completedOn\": \"2022-04-10\", \"evidence\": \"Report M-1\"}", 409);
        given().auth()
                .oauth2(TestTokens.auditor())
                .when()
                .get("/api/v1/contract-audit?subjectId=" + migrated)
                .then()
                .body(
                        "action",
                        equalTo(List.of(
                                "contract.registered",
                                "migration-plan.filed",
                                "contract.migrated",
                                "migration.completed")));
    }

    @Test
    void terminationEndsTheContractOnceAndNeedsAReason() {
        String id = Filings.file(firm, "huawei-cloud", "2020-03-01", "2023-02-28");
        String path = "/api/v1/contracts/" + id + "/termination";
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"terminatedOn\": \"2022-05-31\"}")
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body(
                        "{\"terminatedOn\": \"2022-05-31\", \"reason\": \"Moved to Guoziyun\", \"evidence\": \"Agreement T-1\"}")
                .when()
                .post(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("TERMINATED"))
                .body("terminatedOn", equalTo("2022-05-31"));
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body("{\"terminatedOn\": \"2022-06-30\", \"reason\": \"again\", \"evidence\": \"Agreement T-1\"}")
                .when()
                .post(path)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contract-findings?asOf=2022-10-01&status=OPEN")
                .then()
                .body("items.subjectId", not(hasItem(id)));
    }

    @Test
    void listsArePagedSortedAndFirmScoped() {
        String lister = TestTokens.firm(TestTokens.newFirm());
        for (String signed : new String[] {"2020-01-03", "2020-01-01", "2020-01-02"}) {
            Filings.file(lister, "alibaba-cloud", signed, "2022-12-31");
        }
        given().auth()
                .oauth2(lister)
                .when()
                .get("/api/v1/contracts?size=2&sort=signedOn&count=exact")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("totalPages", nullValue())
                .body("items.signedOn", equalTo(List.of("2020-01-01", "2020-01-02")));
        var first = given().auth()
                .oauth2(lister)
                .when()
                .get("/api/v1/contracts?size=2&sort=signedOn")
                .then()
                .statusCode(200)
                .body("totalItems", nullValue())
                .header("Link", containsString("rel=\"next\""))
                .extract();
        String next = first.path("next");
        assertTrue(next.startsWith("/api/v1/contracts?") && next.contains("cursor=" + first.path("nextCursor")), next);
        given().auth()
                .oauth2(lister)
                .when()
                .get(next)
                .then()
                .statusCode(200)
                .body("items.signedOn", equalTo(List.of("2020-01-03")))
                .body("nextCursor", nullValue())
                .header("Link", nullValue());
        // The deprecated page numbers still answer, with their totals.
        given().auth()
                .oauth2(lister)
                .when()
                .get("/api/v1/contracts?size=2&page=1&sort=signedOn")
                .then()
                .body("totalPages", equalTo(2))
                .body("items.signedOn", equalTo(List.of("2020-01-03")));
        given().auth()
                .oauth2(lister)
                .when()
                .get("/api/v1/contracts?sort=-nonsense")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().auth()
                .oauth2(lister)
                .when()
                .get("/api/v1/contracts?size=201")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(lister)
                .when()
                .get("/api/v1/contracts?page=-1")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(lister)
                .when()
                .get("/api/v1/contracts?status=BOGUS")
                .then()
                .statusCode(400);
    }

    @Test
    void anotherFirmGets404OnEveryEndpointAndChangesNothing() {
        String owner = TestTokens.firm(TestTokens.newFirm());
        String other = TestTokens.firm(TestTokens.newFirm());
        String id = Filings.file(owner, "alibaba-cloud", "2020-01-01", "2022-12-31");
        String base = "/api/v1/contracts/" + id;
        String etag = Filings.etag(owner, base);
        given().auth()
                .oauth2(owner)
                .contentType(ContentType.JSON)
                .body("{\"targetProvider\": \"guoziyun\", \"plannedCompletionOn\": \"2022-06-30\"}")
                .when()
                .put(base + "/migration-plan")
                .then()
                .statusCode(201);
        String milestone = given().auth()
                .oauth2(owner)
                .contentType(ContentType.JSON)
                .body("{\"title\": \"copy\", \"dueOn\": \"2022-05-01\", \"progress\": 10}")
                .when()
                .post(base + "/migration-plan/milestones")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String contract = Filings.contract("X-1", "alibaba-cloud", "2020-01-01", "2022-12-31");
        record Call(String method, String path, String body) {}
        List<Call> calls = List.of(
                new Call("GET", base, null),
                new Call("PUT", base, contract),
                new Call("GET", base + "/renewals", null),
                new Call(
                        "POST",
                        base + "/renewals",
                        "{\"renewedOn\": \"2021-01-01\", \"newEndsOn\": \"2024-01-01\", \"kind\": \"RENEWAL\"}"),
                new Call(
                        "POST",
                        base + "/termination",
                        "{\"terminatedOn\": \"2022-01-01\", \"reason\": \"r\", \"evidence\": \"Agreement T-1\"}"),
                new Call("GET", base + "/migration-plan", null),
                new Call(
                        "PUT",
                        base + "/migration-plan",
                        "{\"targetProvider\": \"guoziyun\", \"plannedCompletionOn\": \"2022-07-30\"}"),
                new Call(
                        "POST",
                        base + "/migration-plan/milestones",
                        "{\"title\": \"t\", \"dueOn\": \"2022-05-01\", \"progress\": 1}"),
                new Call(
                        "PUT",
                        base + "/migration-plan/milestones/" + milestone,
                        "{\"title\": \"t\", \"dueOn\": \"2022-05-01\", \"progress\": 99}"),
                new Call(
                        "POST",
                        base + "/migration-plan/completion",
                        "{\"completedOn\": \"2022-05-01\", \"evidence\": \"Report M-1\"}"));
        for (Call call : calls) {
            var request = given().auth().oauth2(other).header("If-Match", etag).contentType(ContentType.JSON);
            if (call.body() != null) {
                request.body(call.body());
            }
            request.when()
                    .request(call.method(), call.path())
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(other).when().get("/api/v1/contracts").then().body("items.id", not(hasItem(id)));
        given().auth()
                .oauth2(other)
                .when()
                .get("/api/v1/contract-findings?asOf=2023-01-01")
                .then()
                .body("items.subjectId", not(hasItem(id)));
        given().auth()
                .oauth2(owner)
                .when()
                .get(base)
                .then()
                .header("ETag", equalTo(etag))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void auditorsWriteNothing() {
        String id = Filings.file(firm, "alibaba-cloud", "2020-01-01", "2022-12-31");
        String base = "/api/v1/contracts/" + id;
        String auditor = TestTokens.auditor();
        given().auth()
                .oauth2(auditor)
                .contentType(ContentType.JSON)
                .body("{\"terminatedOn\": \"2022-01-01\", \"reason\": \"r\", \"evidence\": \"Agreement T-1\"}")
                .when()
                .post(base + "/termination")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(auditor)
                .contentType(ContentType.JSON)
                .body("{\"targetProvider\": \"guoziyun\", \"plannedCompletionOn\": \"2022-07-30\"}")
                .when()
                .put(base + "/migration-plan")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(auditor)
                .header("If-Match", "*")
                .contentType(ContentType.JSON)
                .body(Filings.contract("A-1", "alibaba-cloud", "2020-01-01", "2022-12-31"))
                .when()
                .put(base)
                .then()
                .statusCode(403);
        given().auth().oauth2(auditor).when().get(base).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }
}
