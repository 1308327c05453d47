package io.guoziyun.listing.application;

import static io.guoziyun.listing.Applications.BASE;
import static io.guoziyun.listing.Applications.reason;
import static io.guoziyun.listing.Applications.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.listing.Applications;
import io.guoziyun.listing.FakeFindingServices;
import io.guoziyun.listing.FixedClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LA-1 and LA-2 at their edges, through the API: the member units' stage, and the exchange's own country. */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(FakeFindingServices.class)
class RulesToTheDayTest {

    private static final String REGULATOR = TestTokens.regulator("regulator1");

    private FixedClock clock;

    @BeforeEach
    void setUp() {
        FakeFindingServices.up();
        FakeFindingServices.CONTRACT_FINDINGS.clear();
        FakeFindingServices.INVENTORY_FINDINGS.clear();
        clock = FixedClock.install("2024-09-27");
    }

    private static ValidatableResponse read(String id, String asOf) {
        return given().auth()
                .oauth2(REGULATOR)
                .queryParam("asOf", asOf)
                .when()
                .get(BASE + "/{id}", id)
                .then()
                .statusCode(200);
    }

    @Test
    void theMemberUnitsStageRunsFifteenWorkingDaysToTheDay() {
        String firm = TestTokens.firm(TestTokens.newFirm());
        String id = Applications.draftWithDocuments(firm);
        step(firm, id, "submission", null).statusCode(200);
        step(REGULATOR, id, "determination", "{\"reviewRequired\": true, \"reason\": \"LA-1\"}")
                .statusCode(200);
        // Friday 27 Sep 2024: 29, 30 Sep, 8–12 Oct (Saturday 12 worked), 14–18 and 21–23 Oct.
        step(REGULATOR, id, "member-units-consultation", reason("Initial review concluded; opinions asked"))
                .statusCode(200)
                .body("stage", equalTo("MEMBER_UNITS_REVIEW"))
                .body("deadline.stageLimit", equalTo(15))
                .body("deadline.stageDeadline", equalTo("2024-10-23"));
        read(id, "2024-10-22").body("deadline.workingDaysLeft", equalTo(1)).body("deadline.overdue", equalTo(false));
        read(id, "2024-10-23").body("deadline.workingDaysLeft", equalTo(0)).body("deadline.overdue", equalTo(false));
        read(id, "2024-10-24").body("deadline.workingDaysLeft", equalTo(-1)).body("deadline.overdue", equalTo(true));
        // The member units disagree: the special review follows.
        clock.set("2024-10-23");
        step(REGULATOR, id, "special-review", reason("Member units disagree"))
                .statusCode(200)
                .body("stage", equalTo("SPECIAL_REVIEW"));
    }

    @Test
    void aDeadlineTheNextHolidayNoticeCanStillMoveIsProvisional() {
        String firm = TestTokens.firm(TestTokens.newFirm());
        // Ten working days from Thursday 10 Dec 2026 end on the 24th: final; from Friday the 11th, on the 25th.
        clock.set("2026-12-10");
        String before = Applications.draftWithDocuments(firm);
        step(firm, before, "submission", null)
                .statusCode(200)
                .body("deadline.stageDeadline", equalTo("2026-12-24"))
                .body("deadline.provisional", equalTo(false));
        clock.set("2026-12-11");
        String on = Applications.draftWithDocuments(firm);
        step(firm, on, "submission", null)
                .statusCode(200)
                .body("deadline.stageDeadline", equalTo("2026-12-25"))
                .body("deadline.provisional", equalTo(true));
        // From the 18th the deadline runs into 2027, whose notice is not loaded: unknown, not guessed.
        clock.set("2026-12-18");
        String after = Applications.draftWithDocuments(firm);
        step(firm, after, "submission", null)
                .statusCode(200)
                .body("deadline.stageDeadline", equalTo(null))
                .body("deadline.note", containsString("2021–2026"));
    }

    @Test
    void theCountryIsTheExchangesNotTheOneTheFirmTypes() {
        String firm = TestTokens.firm(TestTokens.newFirm());
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body(Applications.filing("NASDAQ", "HK", 5_000_000, "E_COMMERCE"))
                .when()
                .post(BASE)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("exchangeCountry"))
                .body("errors[0].message", containsString("US"));
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .body(Applications.filing("NOWHERE", "US", 5_000_000, "E_COMMERCE"))
                .when()
                .post(BASE)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("exchange"))
                .body("errors[0].message", containsString("NASDAQ (XNAS, US)"));
        // By code or by MIC, in its own country: Hong Kong is not abroad, New York is.
        String hk = Applications.create(firm, Applications.filing("XHKG", "HK", 5_000_000, "E_COMMERCE"));
        read(hk, null).body("assessment.reasons[0].applies", equalTo(false));
        String us = Applications.create(firm, Applications.filing("NASDAQ", "US", 5_000_000, "E_COMMERCE"));
        read(us, null).body("assessment.reasons[0].applies", equalTo(true));
        // An amendment cannot move the exchange abroad by a typo either.
        String draft = Applications.create(firm, Applications.filing("HKEX", "HK", 5_000_000, "E_COMMERCE"));
        String etag = read(draft, null).extract().header("ETag");
        given().auth()
                .oauth2(firm)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Applications.filing("HKEX", "US", 5_000_000, "E_COMMERCE"))
                .when()
                .put(BASE + "/{id}", draft)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("exchangeCountry"));
    }

    @Test
    void theExchangesAreListedInTheApiDocument() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "components.schemas.ListingApplicationFiling.properties.exchange.description",
                        containsString("HKEX (XHKG, HK)"));
    }
}
