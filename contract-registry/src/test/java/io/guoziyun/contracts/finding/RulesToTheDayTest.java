package io.guoziyun.contracts.finding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.contracts.Filings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The contract rules at their edges, through the API: each on the day before, the day, and the day after. Every
 * firm is new, so its findings are the test's own.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
class RulesToTheDayTest {

    private static final String REGULATOR = TestTokens.regulator("regulator1");
    private static final String REGULATOR_2 = TestTokens.regulator("regulator2");

    private final String uscc = TestTokens.newFirm();
    private final String firm = TestTokens.firm(uscc);

    private ValidatableResponse cr3(String asOf) {
        return given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contract-findings?rule=CR-3&status=OPEN&asOf=" + asOf)
                .then()
                .statusCode(200);
    }

    private ValidatableResponse overdueFirms(String asOf) {
        return given().auth()
                .oauth2(REGULATOR)
                .when()
                .get("/api/v1/contract-findings/overdue-firms?asOf=" + asOf)
                .then()
                .statusCode(200);
    }

    @Test
    void noContractIsOverdueBeforeItWasSigned() {
        // Signed after the final deadline (2022-09-30) with a third party: overdue from its first day, not before.
        Filings.file(firm, "alibaba-cloud", "2022-12-01", "2023-12-01");
        cr3("2022-11-30").body("items", hasSize(0));
        overdueFirms("2022-11-30").body("firmId", not(Matchers.hasItem(uscc)));
        cr3("2022-12-01")
                .body("items", hasSize(1))
                .body("items[0].detectedOn", equalTo("2022-12-01"))
                .body("items[0].overdueSince", equalTo("2022-12-01"))
                .body("items[0].daysOverdue", equalTo(1));
        overdueFirms("2022-12-01").body("find { it.firmId == '" + uscc + "' }.maxDaysOverdue", equalTo(1));
        cr3("2022-12-02").body("items", hasSize(1)).body("items[0].daysOverdue", equalTo(2));
    }

    @Test
    void aDeadlineOnARestDayMovesToTheNextWorkingDay() {
        // Ends 3 Dec 2021: two months later is 3 Feb 2022, inside the Spring Festival holiday (31 Jan–6 Feb);
        // under Civil Code Art. 203 the deadline is Monday 7 Feb (ADR 0003).
        String id = Filings.file(firm, "alibaba-cloud", "2021-01-04", "2021-12-03");
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/contracts/" + id)
                .then()
                .body("migrationDeadline", equalTo("2022-02-07"));
        cr3("2022-02-07").body("items", hasSize(0));
        cr3("2022-02-08")
                .body("items", hasSize(1))
                .body("items[0].deadline", equalTo("2022-02-07"))
                .body("items[0].daysOverdue", equalTo(1))
                .body("items[0].inputs.deadlineOnRestDay", equalTo("NEXT_WORKING_DAY"));
        cr3("2022-02-09").body("items[0].daysOverdue", equalTo(2));
    }

    @Test
    void overdueDaysCountFromTheDirectiveNotFromAnEarlierDeadline() {
        // Ended 31 Mar 2021: its deadline (31 May 2021) was before the directive (12 Aug 2021) existed (ADR 0004).
        Filings.file(firm, "alibaba-cloud", "2020-01-06", "2021-03-31");
        cr3("2021-08-11").body("items", hasSize(0));
        cr3("2021-08-12")
                .body("items", hasSize(1))
                .body("items[0].deadline", equalTo("2021-05-31"))
                .body("items[0].overdueSince", equalTo("2021-08-12"))
                .body("items[0].daysOverdue", equalTo(1));
        cr3("2021-08-13").body("items[0].daysOverdue", equalTo(2));
        overdueFirms("2022-10-01").body("find { it.firmId == '" + uscc + "' }.maxDaysOverdue", equalTo(416));
    }

    @Test
    void findingsFollowTheClassificationInForceOnEachDay() {
        String slug = "dated-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(REGULATOR)
                .contentType(ContentType.JSON)
                .body("{\"slug\": \"" + slug + "\", \"name\": \"Dated cloud\", \"classification\": \"STATE_CLOUD\","
                        + " \"reason\": \"test\"}")
                .when()
                .post("/api/v1/providers")
                .then()
                .statusCode(201);
        String contract = Filings.file(firm, slug, "2022-01-10", "2023-01-09");
        Filings.reclassify(
                        REGULATOR,
                        REGULATOR_2,
                        slug,
                        "{\"classification\": \"THIRD_PARTY\", \"effectiveFrom\": \"2022-06-01\","
                                + " \"reason\": \"Found to be a commercial platform\"}")
                .statusCode(200)
                .body("history[1].effectiveFrom", equalTo("2022-06-01"));
        String cr1 = "/api/v1/contract-findings?rule=CR-1&status=OPEN&asOf=";
        given().auth().oauth2(firm).when().get(cr1 + "2022-05-31").then().body("items", hasSize(0));
        given().auth()
                .oauth2(firm)
                .when()
                .get(cr1 + "2022-06-01")
                .then()
                .body("items", hasSize(1))
                .body("items[0].subjectId", equalTo(contract))
                .body("items[0].detectedOn", equalTo("2022-06-01"));
        given().auth().oauth2(firm).when().get(cr1 + "2022-06-02").then().body("items", hasSize(1));
        // Without a date a reclassification holds from today: yesterday's answers stay as they were.
        Filings.reclassify(
                        REGULATOR,
                        REGULATOR_2,
                        slug,
                        "{\"classification\": \"STATE_CLOUD\", \"reason\": \"Taken over by the state cloud\"}")
                .statusCode(200);
        given().auth().oauth2(firm).when().get(cr1 + "2022-06-02").then().body("items", hasSize(1));
    }
}
