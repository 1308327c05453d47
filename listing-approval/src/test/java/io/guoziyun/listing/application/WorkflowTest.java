package io.guoziyun.listing.application;

import static io.guoziyun.listing.Applications.BASE;
import static io.guoziyun.listing.Applications.reason;
import static io.guoziyun.listing.Applications.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.listing.Applications;
import io.guoziyun.listing.FakeFindingServices;
import io.guoziyun.listing.FixedClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(FakeFindingServices.class)
class WorkflowTest {

    private static final String FIRM_A = TestTokens.firm(TestTokens.FIRM_A);
    private static final String FIRM_B = TestTokens.firm(TestTokens.FIRM_B);
    private static final String REGULATOR_1 = TestTokens.regulator("regulator1");
    private static final String REGULATOR_2 = TestTokens.regulator("regulator2");

    private FixedClock clock;

    @BeforeEach
    void setUp() {
        FakeFindingServices.up();
        FakeFindingServices.CONTRACT_FINDINGS.clear();
        FakeFindingServices.INVENTORY_FINDINGS.clear();
        clock = FixedClock.install("2024-09-27");
    }

    /** The audit chain's entries for one application, as an auditor reads them. */
    private static io.restassured.response.ValidatableResponse audit(String id) {
        return given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("subjectId", id)
                .when()
                .get("/api/v1/listing-audit")
                .then()
                .statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse read(String token, String id, String asOf) {
        return given().auth()
                .oauth2(token)
                .queryParam("asOf", asOf)
                .when()
                .get(BASE + "/{id}", id)
                .then();
    }

    @Test
    void twoRegulatorsCarryAnApplicationThroughReviewOnThePrcCalendar() {
        String firmId = TestTokens.newFirm();
        String firm = TestTokens.firm(firmId);
        String id = Applications.draftWithDocuments(firm);

        // Friday 27 Sep 2024: ten working days, the National Day week off, Sunday 29 Sep and Saturday 12 Oct worked.
        step(firm, id, "submission", null)
                .statusCode(200)
                .body("stage", equalTo("SUBMITTED"))
                .body("accessionNumber", matchesPattern("LA-2024-\\d{6}"))
                .body("submittedOn", equalTo("2024-09-27"))
                .body("assessment.reviewProposed", equalTo(true))
                .body("assessment.reasons.find { it.rule == 'LA-1' }.applies", equalTo(true))
                .body("deadline.stageDeadline", equalTo("2024-10-16"))
                .body("deadline.workingDaysLeft", equalTo(10))
                .body("allowedActions", contains("determination", "amendment", "withdrawal"));
        read(REGULATOR_1, id, "2024-10-16")
                .body("deadline.workingDaysLeft", equalTo(0))
                .body("deadline.overdue", equalTo(false));
        read(REGULATOR_1, id, "2024-10-17")
                .body("deadline.workingDaysLeft", equalTo(-1))
                .body("deadline.overdue", equalTo(true));
        assertTrue(FakeFindingServices.AUTHORIZATIONS.contains("Bearer " + firm), "the firm's own token is relayed");

        // Tuesday 8 Oct: review required; 30 working days of initial review end on Monday 18 Nov.
        clock.set("2024-10-08");
        step(firm, id, "determination", "{\"reviewRequired\": true, \"reason\": \"r\"}")
                .statusCode(403);
        step(REGULATOR_1, id, "determination", "{\"reviewRequired\": true, \"reason\": \"LA-1 applies\"}")
                .statusCode(200)
                .body("stage", equalTo("INITIAL_REVIEW"))
                .body("reviewRequired", equalTo(true))
                .body("deadline.stageStartedOn", equalTo("2024-10-08"))
                .body("deadline.stageLimit", equalTo(30))
                .body("deadline.stageDeadline", equalTo("2024-11-18"));

        // Thursday 10 Oct: supplement requested; the clock stops with 28 working days left.
        clock.set("2024-10-10");
        step(REGULATOR_1, id, "supplement-request", reason("Data flow diagram of the user database"))
                .statusCode(200)
                .body("stage", equalTo("SUPPLEMENT_REQUESTED"))
                .body("deadline.clockStopped", equalTo(true))
                .body("deadline.clockStoppedOn", equalTo("2024-10-10"));
        read(REGULATOR_1, id, "2024-10-30")
                .body("deadline.workingDaysLeft", equalTo(28))
                .body("deadline.overdue", equalTo(false));
        step(REGULATOR_1, id, "decision-proposal", "{\"outcome\": \"CLEARED\", \"reasons\": \"x\"}")
                .statusCode(409)
                .body("allowedActions", contains("supplement", "amendment", "withdrawal"));
        Applications.upload(firm, id, "NATIONAL_SECURITY_ANALYSIS").statusCode(201);

        // Tuesday 15 Oct: the firm answers; 11, 12 (Sat, worked), 14 and 15 Oct do not count: 18 Nov + 4 = 22 Nov.
        clock.set("2024-10-15");
        step(firm, id, "supplement", reason("Diagram uploaded"))
                .statusCode(200)
                .body("stage", equalTo("INITIAL_REVIEW"))
                .body("latestAccessionNumber", matchesPattern("LA-2024-\\d{6}-A1"))
                .body("deadline.clockStopped", equalTo(false))
                .body("deadline.stageDeadline", equalTo("2024-11-22"));

        // Complex case: 15 more working days, to Friday 13 Dec.
        clock.set("2024-10-16");
        step(REGULATOR_2, id, "extension", reason("Complex data flows"))
                .statusCode(200)
                .body("deadline.stageLimit", equalTo(45))
                .body("deadline.extended", equalTo(true))
                .body("deadline.stageDeadline", equalTo("2024-12-13"));
        step(REGULATOR_2, id, "extension", reason("again")).statusCode(409);

        // Four eyes, and the gate: an open CR-1 finding bars clearance.
        FakeFindingServices.CONTRACT_FINDINGS.put(firmId, List.of(FakeFindingServices.finding("CR-1", firmId)));
        FakeFindingServices.INVENTORY_FINDINGS.put(firmId, List.of(FakeFindingServices.finding("AI-2", firmId)));
        step(
                        REGULATOR_1,
                        id,
                        "decision-proposal",
                        "{\"outcome\": \"CLEARED\", \"reasons\": \"No national security effect\"}")
                .statusCode(200)
                .body("decision.outcome", equalTo("CLEARED"))
                .body("decision.proposedBy", equalTo("regulator1"))
                .body("allowedActions", contains("decision-confirmation", "decision-rejection"));
        step(REGULATOR_1, id, "decision-confirmation", reason("agree")).statusCode(403);
        step(REGULATOR_2, id, "decision-confirmation", reason("agree"))
                .statusCode(409)
                .body("detail", containsString("AI-2, CR-1"))
                .body("errors.field", hasItem("contract-registry"))
                .body("errors.field", hasItem("asset-inventory"));
        read(REGULATOR_2, id, "2024-10-16").body("stage", equalTo("INITIAL_REVIEW"));

        // The firm migrates and retires the servers; now clearance goes through.
        FakeFindingServices.CONTRACT_FINDINGS.clear();
        FakeFindingServices.INVENTORY_FINDINGS.clear();
        clock.set("2024-10-18");
        step(REGULATOR_2, id, "decision-confirmation", reason("Agree with the proposal"))
                .statusCode(200)
                .body("stage", equalTo("CLEARED"))
                .body("decision.outcome", equalTo("CLEARED"))
                .body("decision.proposedBy", equalTo("regulator1"))
                .body("decision.confirmedBy", equalTo("regulator2"))
                .body("decision.decidedOn", equalTo("2024-10-18"))
                .body("deadline", nullValue())
                .body("allowedActions", empty());
        step(firm, id, "withdrawal", reason("too late")).statusCode(409).body("allowedActions", empty());

        given().auth()
                .oauth2(REGULATOR_1)
                .when()
                .get(BASE + "/{id}/timeline", id)
                .then()
                .statusCode(200)
                .body(
                        "action",
                        contains(
                                "creation",
                                "submission",
                                "determination",
                                "supplement-request",
                                "supplement",
                                "extension",
                                "decision-proposal",
                                "decision-confirmation"))
                .body("actor[3]", equalTo("regulator1"))
                .body("reason[3]", equalTo("Data flow diagram of the user database"))
                .body("occurredOn[4]", equalTo("2024-10-15"))
                .body("accessionNumber[4]", matchesPattern("LA-2024-\\d{6}-A1"));
        given().auth()
                .oauth2(firm)
                .when()
                .get(BASE + "/{id}/snapshots", id)
                .then()
                .statusCode(200)
                .body("trigger", contains("submission", "proposal", "confirmation-refused", "confirmation"))
                .body("blockingCount", contains(0, 2, 2, 0))
                .body("findings[2].finding.rule", hasItem("CR-1"));
        // The refused attempt is in the audit chain too, although the step changed nothing.
        audit(id)
                .body("action", hasItem("listing-application.confirmation-refused"))
                .body("find { it.action == 'listing-application.confirmation-refused' }.actor", equalTo("regulator2"))
                .body(
                        "find { it.action == 'listing-application.confirmation-refused' }.after",
                        allOf(
                                containsString("\"proposedBy\":\"regulator1\""),
                                containsString("CR-1"),
                                containsString("AI-2")));
        given().auth()
                .oauth2(firm)
                .when()
                .get(BASE + "/{id}/documents", id)
                .then()
                .body("filedUnder", hasSize(4))
                .body("filedUnder[3]", matchesPattern("LA-2024-\\d{6}-A1"));
    }

    @Inject
    DeadlineRefresh refresh;

    @Test
    void aDeadlineCountedAgainAtStartIsPutRightAndTheChangeAudited() {
        String id = Applications.draftWithDocuments(FIRM_A);
        String deadline =
                step(FIRM_A, id, "submission", null).statusCode(200).extract().path("deadline.stageDeadline");
        // As if the calendar or the stage limit had changed since the deadline was counted.
        QuarkusTransaction.requiringNew()
                .run(() -> ListingApplication.getEntityManager()
                        .createNativeQuery(
                                "UPDATE listing_application SET stage_deadline = DATE '2099-01-01' WHERE id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .executeUpdate());
        read(REGULATOR_1, id, "2024-09-27").body("deadline.stageDeadline", equalTo("2099-01-01"));
        refresh.onStart(null);
        read(REGULATOR_1, id, "2024-09-27").body("deadline.stageDeadline", equalTo(deadline));
        String recounted = "find { it.action == 'listing-application.deadline-recounted' }";
        audit(id)
                .body(recounted + ".actor", equalTo("system"))
                .body(recounted + ".before", containsString("\"stageDeadline\":\"2099-01-01\""))
                .body(recounted + ".after", containsString("\"stageDeadline\":\"" + deadline + "\""));
        refresh.onStart(null); // nothing left to change: no second entry
        audit(id).body("findAll { it.action == 'listing-application.deadline-recounted' }", hasSize(1));
    }

    @Test
    void noReviewForAHongKongListingBelowTheSectorRule() {
        String id = Applications.create(FIRM_A, Applications.filing("HK", 5_000_000, "E_COMMERCE"));
        for (String kind : new String[] {"DECLARATION", "NATIONAL_SECURITY_ANALYSIS", "LISTING_DOCUMENTS"}) {
            Applications.upload(FIRM_A, id, kind).statusCode(201);
        }
        step(FIRM_A, id, "submission", null)
                .statusCode(200)
                .body("assessment.reviewProposed", equalTo(false))
                .body("assessment.reasons[0].explanation", containsString("not abroad"));
        // A final outcome: proposed by one regulator, confirmed by another (FourEyesTest has the rest).
        step(REGULATOR_1, id, "determination", "{\"reviewRequired\": false, \"reason\": \"Hong Kong listing\"}")
                .statusCode(200)
                .body("stage", equalTo("SUBMITTED"))
                .body("decision.outcome", equalTo("REVIEW_NOT_REQUIRED"));
        step(REGULATOR_2, id, "decision-confirmation", reason("Agree"))
                .statusCode(200)
                .body("stage", equalTo("REVIEW_NOT_REQUIRED"))
                .body("deadline", nullValue())
                .body("allowedActions", empty());
    }

    @Test
    void aSensitiveSectorIsProposedForReviewBelowTheThreshold() {
        String id = Applications.create(FIRM_A, Applications.filing("GB", 10_000, "FINANCE"));
        read(FIRM_A, id, null)
                .statusCode(200)
                .body("assessment.reviewProposed", equalTo(true))
                .body("assessment.reasons.find { it.rule == 'LA-1' }.applies", equalTo(false))
                .body("assessment.reasons.find { it.rule == 'LA-3' }.applies", equalTo(true));
    }

    @Test
    void specialReviewARejectedProposalAndAProhibition() {
        String id = Applications.draftWithDocuments(FIRM_A);
        step(FIRM_A, id, "submission", null).statusCode(200);
        step(REGULATOR_1, id, "special-review", reason("x"))
                .statusCode(409)
                .body("allowedActions", contains("determination", "amendment", "withdrawal"));
        clock.set("2024-10-08");
        step(REGULATOR_1, id, "determination", "{\"reviewRequired\": true, \"reason\": \"LA-1\"}")
                .statusCode(200);
        clock.set("2024-11-01");
        step(REGULATOR_2, id, "special-review", reason("Member units disagree"))
                .statusCode(200)
                .body("stage", equalTo("SPECIAL_REVIEW"))
                .body("deadline.stageLimit", equalTo(90))
                .body("deadline.stageStartedOn", equalTo("2024-11-01"));
        step(REGULATOR_2, id, "extension", reason("x")).statusCode(409);
        step(REGULATOR_2, id, "decision-proposal", "{\"outcome\": \"PROHIBITED\", \"reasons\": \"Risk to core data\"}")
                .statusCode(200);
        step(REGULATOR_2, id, "decision-rejection", reason("mine")).statusCode(403);
        step(REGULATOR_1, id, "decision-rejection", reason("Reasons incomplete"))
                .statusCode(200)
                .body("decision", nullValue())
                .body("stage", equalTo("SPECIAL_REVIEW"));
        step(
                        REGULATOR_1,
                        id,
                        "decision-proposal",
                        "{\"outcome\": \"PROHIBITED\", \"reasons\": \"Affects national security: core data\"}")
                .statusCode(200);
        step(REGULATOR_1, id, "decision-proposal", "{\"outcome\": \"CLEARED\", \"reasons\": \"x\"}")
                .statusCode(409);
        // Prohibition is not held back by open findings; the snapshot still records them.
        FakeFindingServices.CONTRACT_FINDINGS.put(
                TestTokens.FIRM_A, List.of(FakeFindingServices.finding("CR-3", TestTokens.FIRM_A)));
        step(REGULATOR_2, id, "decision-confirmation", reason("Agree"))
                .statusCode(200)
                .body("stage", equalTo("PROHIBITED"))
                .body("decision.reasons", equalTo("Affects national security: core data"));
    }

    @Test
    void everyStepOutOfTurnIsRefusedWithTheAllowedActions() {
        String id = Applications.create(FIRM_A, Applications.filing("US", 2_000_000, "E_COMMERCE"));
        for (String action : List.of(
                "determination",
                "extension",
                "special-review",
                "supplement-request",
                "decision-proposal",
                "decision-confirmation",
                "decision-rejection")) {
            String body = switch (action) {
                case "determination" -> "{\"reviewRequired\": true, \"reason\": \"r\"}";
                case "decision-proposal" -> "{\"outcome\": \"CLEARED\", \"reasons\": \"r\"}";
                default -> reason("r");
            };
            step(REGULATOR_1, id, action, body)
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("allowedActions", contains("correction", "submission", "withdrawal"));
        }
        step(FIRM_A, id, "supplement", reason("r")).statusCode(409);
        step(
                        FIRM_A,
                        id,
                        "amendment",
                        "{\"filing\": " + Applications.filing("US", 1, "E_COMMERCE") + ", \"reason\": \"r\"}")
                .statusCode(409);
        step(FIRM_A, id, "submission", null)
                .statusCode(409)
                .body("detail", containsString("DECLARATION"))
                .body("errors.message", hasItem("missing LISTING_DOCUMENTS"));
        step(FIRM_A, id, "withdrawal", reason("Listing postponed"))
                .statusCode(200)
                .body("stage", equalTo("WITHDRAWN"));
        step(FIRM_A, id, "submission", null).statusCode(409).body("allowedActions", empty());
    }

    @Test
    void anAmendmentGetsItsOwnNumberAndIsAssessedAgain() {
        String id = Applications.draftWithDocuments(FIRM_A);
        String number =
                step(FIRM_A, id, "submission", null).statusCode(200).extract().path("accessionNumber");
        step(
                        FIRM_A,
                        id,
                        "amendment",
                        "{\"filing\": " + Applications.filing("HK", 10, "E_COMMERCE")
                                + ", \"reason\": \"Moved to HKEX\"}")
                .statusCode(200)
                .body("accessionNumber", equalTo(number))
                .body("latestAccessionNumber", equalTo(number + "-A1"))
                .body("exchangeCountry", equalTo("HK"))
                .body("assessment.reviewProposed", equalTo(false));
        step(
                        FIRM_A,
                        id,
                        "amendment",
                        "{\"filing\": " + Applications.filing("US", 10, "E_COMMERCE") + ", \"reason\": \"Back\"}")
                .statusCode(200)
                .body("latestAccessionNumber", equalTo(number + "-A2"));
        String other = Applications.draftWithDocuments(FIRM_A);
        String next = step(FIRM_A, other, "submission", null)
                .statusCode(200)
                .extract()
                .path("accessionNumber");
        assertTrue(next.compareTo(number) > 0, "numbers are never reused: " + number + " then " + next);
    }

    @Test
    void aDeadlineBeyondTheCalendarIsUnknownNotGuessed() {
        clock.set("2026-11-26");
        String id = Applications.draftWithDocuments(FIRM_A);
        step(FIRM_A, id, "submission", null).statusCode(200).body("deadline.stageDeadline", equalTo("2026-12-10"));
        clock.set("2026-12-01");
        step(REGULATOR_1, id, "determination", "{\"reviewRequired\": true, \"reason\": \"LA-1\"}")
                .statusCode(200)
                .body("stage", equalTo("INITIAL_REVIEW"))
                .body("deadline.stageLimit", equalTo(30))
                .body("deadline.stageDeadline", nullValue())
                .body("deadline.workingDaysLeft", nullValue())
                .body("deadline.note", containsString("2021–2026"));
    }

    @Test
    void theQueueListsOverdueFirstAndStoppedClocksLast() {
        String late = Applications.draftWithDocuments(FIRM_A);
        step(FIRM_A, late, "submission", null).statusCode(200);
        clock.set("2024-10-08");
        String stopped = Applications.draftWithDocuments(FIRM_B);
        step(FIRM_B, stopped, "submission", null).statusCode(200);
        step(REGULATOR_1, stopped, "determination", "{\"reviewRequired\": true, \"reason\": \"r\"}")
                .statusCode(200);
        step(REGULATOR_1, stopped, "supplement-request", reason("r")).statusCode(200);

        var page = given().auth()
                .oauth2(REGULATOR_1)
                .queryParam("asOf", "2024-10-17")
                .queryParam("size", 200)
                .when()
                .get(BASE + "/queue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ids = page.getList("items.id");
        List<Boolean> stoppedFlags = page.getList("items.deadline.clockStopped");
        List<String> deadlines = page.getList("items.deadline.stageDeadline");
        assertTrue(ids.indexOf(late) < ids.indexOf(stopped));
        assertEquals(true, page.getBoolean("items.find { it.id == '" + late + "' }.deadline.overdue"));
        for (int i = 1; i < ids.size(); i++) {
            boolean before = stoppedFlags.get(i - 1);
            boolean after = stoppedFlags.get(i);
            assertTrue(!before || after, "running clocks come before stopped ones");
            if (before == after && deadlines.get(i - 1) != null && deadlines.get(i) != null) {
                assertTrue(deadlines.get(i - 1).compareTo(deadlines.get(i)) <= 0, "by deadline: " + deadlines);
            }
        }
        given().auth().oauth2(FIRM_A).when().get(BASE + "/queue").then().statusCode(403);
    }

    @Test
    void theOverviewCountsApplicationsByStageAndOverdue() {
        String path = BASE + "/statistics?asOf=2024-10-17";
        var before = given().auth()
                .oauth2(REGULATOR_1)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Integer counted = before.get("byStage.SUBMITTED");
        int submitted = counted == null ? 0 : counted;
        int overdue = before.getInt("overdue");
        String firmId = TestTokens.newFirm();
        String id = Applications.draftWithDocuments(TestTokens.firm(firmId));
        step(TestTokens.firm(firmId), id, "submission", null).statusCode(200);
        given().auth()
                .oauth2(TestTokens.auditor())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("firms", hasItem(firmId))
                .body("byStage.SUBMITTED", equalTo(submitted + 1))
                .body("overdue", equalTo(overdue + 1));
        given().auth().oauth2(FIRM_A).when().get(path).then().statusCode(403);
    }

    @Test
    void aSubmissionNeedsNoBodyWhateverTheClientSaysItSends() {
        String id = Applications.draftWithDocuments(FIRM_A);
        given().auth()
                .oauth2(FIRM_A)
                .contentType("text/plain")
                .when()
                .post(BASE + "/{id}/submission", id)
                .then()
                .statusCode(200)
                .body("stage", equalTo("SUBMITTED"));
    }
}
