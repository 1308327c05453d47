package io.guoziyun.listing.application;

import static io.guoziyun.listing.Applications.BASE;
import static io.guoziyun.listing.Applications.reason;
import static io.guoziyun.listing.Applications.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.listing.Applications;
import io.guoziyun.listing.FakeFindingServices;
import io.guoziyun.listing.FixedClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every final outcome is taken by two different people, compared by the token's {@code sub}; "review not required"
 * included, with the gate; the firm cannot escape a pending decision, nor see it before it is taken.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(FakeFindingServices.class)
class FourEyesTest {

    /** Keycloak's subs are UUIDs; usernames can be renamed, and a name freed by one person given to another. */
    private static final String ALICE = TestTokens.person("regulator1", "7f0c0a52-alice", "regulator");

    private static final String ALICE_RENAMED = TestTokens.person("alice.wang", "7f0c0a52-alice", "regulator");
    private static final String NEW_REGULATOR1 = TestTokens.person("regulator1", "93d1c7e4-bob", "regulator");
    private static final String CAROL = TestTokens.person("regulator2", "0b5e8d11-carol", "regulator");

    @BeforeEach
    void setUp() {
        FakeFindingServices.up();
        FakeFindingServices.CONTRACT_FINDINGS.clear();
        FakeFindingServices.INVENTORY_FINDINGS.clear();
        FixedClock.install("2024-09-27");
    }

    @AfterEach
    void tearDown() {
        FakeFindingServices.TOTAL_PAGES.set(1);
    }

    /** A submitted application the suite proposes no review for: a Hong Kong listing outside LA-3. */
    private static String submittedWithoutReviewProposed(String firm) {
        String id = Applications.create(firm, Applications.filing("HKEX", "HK", 5_000_000, "E_COMMERCE"));
        for (String kind : List.of("DECLARATION", "NATIONAL_SECURITY_ANALYSIS", "LISTING_DOCUMENTS")) {
            Applications.upload(firm, id, kind).statusCode(201);
        }
        step(firm, id, "submission", null).statusCode(200).body("assessment.reviewProposed", equalTo(false));
        return id;
    }

    private static ValidatableResponse read(String token, String id) {
        return given().auth()
                .oauth2(token)
                .when()
                .get(BASE + "/{id}", id)
                .then()
                .statusCode(200);
    }

    private static String notRequired(String reason) {
        return "{\"reviewRequired\": false, \"reason\": \"" + reason + "\"}";
    }

    @Test
    void reviewNotRequiredIsAProposalThatASecondRegulatorConfirmsAndTheFirmCannotEscape() {
        String firm = TestTokens.firm(TestTokens.newFirm());
        String id = submittedWithoutReviewProposed(firm);

        step(ALICE, id, "determination", notRequired("Hong Kong listing"))
                .statusCode(200)
                .body("stage", equalTo("SUBMITTED"))
                .body("reviewRequired", nullValue())
                .body("decision.pending", equalTo(true))
                .body("decision.outcome", equalTo("REVIEW_NOT_REQUIRED"))
                .body("decision.proposedBy", equalTo("regulator1"))
                .body("allowedActions", contains("decision-confirmation", "decision-rejection"));

        // The firm learns that a decision is pending, not what, why or by whom; and it cannot withdraw now.
        read(firm, id)
                .body("decision.pending", equalTo(true))
                .body("decision.outcome", nullValue())
                .body("decision.reasons", nullValue())
                .body("decision.proposedBy", nullValue());
        given().auth()
                .oauth2(firm)
                .when()
                .get(BASE + "/{id}/timeline", id)
                .then()
                .statusCode(200)
                .body("find { it.action == 'determination' }.actor", nullValue())
                .body("find { it.action == 'determination' }.reason", nullValue());
        given().auth()
                .oauth2(firm)
                .when()
                .get(BASE + "/{id}/snapshots", id)
                .then()
                .body("trigger", contains("submission", "proposal"))
                .body("takenBy", contains(nullValue(), nullValue()));
        step(firm, id, "withdrawal", reason("We would rather not wait"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("decision on the application is pending"));
        read(ALICE, id).body("stage", equalTo("SUBMITTED"));

        // The proposer cannot confirm, whatever name the account has now.
        step(ALICE, id, "decision-confirmation", reason("agree")).statusCode(403);
        step(ALICE_RENAMED, id, "decision-confirmation", reason("agree")).statusCode(403);

        step(CAROL, id, "decision-confirmation", reason("Agree: no review"))
                .statusCode(200)
                .body("stage", equalTo("REVIEW_NOT_REQUIRED"))
                .body("reviewRequired", equalTo(false))
                .body("decision.pending", equalTo(false))
                .body("decision.outcome", equalTo("REVIEW_NOT_REQUIRED"))
                .body("decision.proposedBy", equalTo("regulator1"))
                .body("decision.confirmedBy", equalTo("regulator2"))
                .body("decision.decidedOn", equalTo("2024-09-27"));
        read(firm, id).body("decision.outcome", equalTo("REVIEW_NOT_REQUIRED"));
        given().auth()
                .oauth2(ALICE)
                .when()
                .get(BASE + "/{id}/snapshots", id)
                .then()
                .body("trigger", contains("submission", "proposal", "confirmation"))
                .body("takenBy[1]", equalTo("regulator1"))
                .body("takenBy[2]", equalTo("regulator2"));
    }

    @Test
    void aUsernameGivenToSomeoneElseIsAnotherPerson() {
        String firm = TestTokens.firm(TestTokens.newFirm());
        String id = submittedWithoutReviewProposed(firm);
        step(ALICE, id, "determination", notRequired("Hong Kong listing")).statusCode(200);
        // A different person (another sub) who now holds the name "regulator1" is a second pair of eyes.
        step(NEW_REGULATOR1, id, "decision-confirmation", reason("Agree"))
                .statusCode(200)
                .body("stage", equalTo("REVIEW_NOT_REQUIRED"))
                .body("decision.proposedBy", equalTo("regulator1"))
                .body("decision.confirmedBy", equalTo("regulator1"));
    }

    @Test
    void departingFromTheAssessmentNeedsAWrittenReason() {
        String firm = TestTokens.firm(TestTokens.newFirm());
        String id = Applications.draftWithDocuments(firm);
        step(firm, id, "submission", null).statusCode(200).body("assessment.reviewProposed", equalTo(true));

        step(ALICE, id, "determination", notRequired("Looks harmless"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("departureReason"));
        read(ALICE, id).body("stage", equalTo("SUBMITTED")).body("decision", nullValue());

        step(
                        ALICE,
                        id,
                        "determination",
                        "{\"reviewRequired\": false, \"reason\": \"Below the threshold after the spin-off\","
                                + " \"departureReason\": \"The listed entity holds none of the user data\"}")
                .statusCode(200)
                .body("decision.departureReason", equalTo("The listed entity holds none of the user data"));
        given().auth()
                .oauth2(ALICE)
                .when()
                .get(BASE + "/{id}/timeline", id)
                .then()
                .body(
                        "find { it.action == 'determination' }.reason",
                        containsString("departs from the assessment: The listed entity holds none"));
        // A rejected proposal leaves the determination to be made again.
        step(CAROL, id, "decision-rejection", reason("A review is needed: LA-1 applies"))
                .statusCode(200)
                .body("stage", equalTo("SUBMITTED"))
                .body("decision", nullValue())
                .body("allowedActions", hasItem("determination"));
        step(CAROL, id, "determination", "{\"reviewRequired\": true, \"reason\": \"LA-1\"}")
                .statusCode(200)
                .body("stage", equalTo("INITIAL_REVIEW"));
    }

    @Test
    void theGateStandsBeforeReviewNotRequiredToo() {
        String firmId = TestTokens.newFirm();
        String firm = TestTokens.firm(firmId);
        String id = submittedWithoutReviewProposed(firm);
        step(ALICE, id, "determination", notRequired("Hong Kong listing")).statusCode(200);
        FakeFindingServices.CONTRACT_FINDINGS.put(firmId, List.of(FakeFindingServices.finding("CR-1", firmId)));
        step(CAROL, id, "decision-confirmation", reason("Agree"))
                .statusCode(409)
                .body("detail", containsString("CR-1"));
        read(CAROL, id).body("stage", equalTo("SUBMITTED")).body("decision.pending", equalTo(true));
    }

    @Test
    void theGateFailsClosedWhenItCannotSeeEveryFinding() {
        String firmId = TestTokens.newFirm();
        String firm = TestTokens.firm(firmId);
        String id = submittedWithoutReviewProposed(firm);
        step(ALICE, id, "determination", notRequired("Hong Kong listing")).statusCode(200);
        // No blocking finding on the pages the gate reads; more pages than it reads remain.
        FakeFindingServices.CONTRACT_FINDINGS.put(firmId, List.of(FakeFindingServices.finding("CR-3-LOW", firmId)));
        FakeFindingServices.TOTAL_PAGES.set(io.guoziyun.listing.gate.FindingSources.MAX_PAGES + 1);
        FakeFindingServices.QUERIES.clear();
        step(CAROL, id, "decision-confirmation", reason("Agree"))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("cannot see every open finding"));
        // Page after page by the cursor of the one before: no page numbers, whose offsets and counts grow with the
        // list.
        List<String> asked = List.copyOf(FakeFindingServices.QUERIES);
        assertEquals(io.guoziyun.listing.gate.FindingSources.MAX_PAGES, asked.size(), asked.toString());
        assertFalse(asked.get(0).contains("cursor="), asked.get(0));
        assertTrue(asked.get(1).contains("cursor=p1"), asked.get(1));
        assertTrue(asked.stream().noneMatch(q -> q.contains("page=")), asked.toString());
        read(CAROL, id).body("stage", equalTo("SUBMITTED"));
        // The circuit stays closed for everyone else: one firm's record does not take the gate down.
        FakeFindingServices.TOTAL_PAGES.set(1);
        step(CAROL, id, "decision-confirmation", reason("Agree"))
                .statusCode(200)
                .body("stage", equalTo("REVIEW_NOT_REQUIRED"));
    }

    @Test
    void aWithdrawalBeforeAnyProposalIsRecordedAsSuch() {
        String firm = TestTokens.firm(TestTokens.newFirm());
        String id = submittedWithoutReviewProposed(firm);
        step(firm, id, "withdrawal", reason("Listing postponed"))
                .statusCode(200)
                .body("stage", equalTo("WITHDRAWN"))
                .body("decision", nullValue());
        given().auth()
                .oauth2(ALICE)
                .when()
                .get(BASE + "/{id}/timeline", id)
                .then()
                .body("action", contains("creation", "submission", "withdrawal"))
                .body("[2].fromStage", equalTo("SUBMITTED"))
                .body("[2].toStage", equalTo("WITHDRAWN"))
                .body("[2].reason", equalTo("Listing postponed"))
                .body("action", not(hasItem("determination")));
    }
}
