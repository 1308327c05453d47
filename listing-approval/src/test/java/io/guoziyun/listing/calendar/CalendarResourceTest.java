package io.guoziyun.listing.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.listing.FakeFindingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(FakeFindingServices.class)
class CalendarResourceTest {

    private static final String PATH = "/api/v1/calendar/working-days";
    private static final String FIRM = TestTokens.firm(TestTokens.FIRM_A);

    @Test
    void addsWorkingDaysOverNationalDay() {
        given().auth()
                .oauth2(FIRM)
                .queryParam("from", "2024-09-27")
                .queryParam("add", 10)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("date", equalTo("2024-10-16"));
    }

    @Test
    void tellsWhetherADayIsWorked() {
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get(PATH + "/2024-09-29")
                .then()
                .statusCode(200)
                .body("workingDay", equalTo(true))
                .body("occasion", equalTo("National Day"));
        given().auth().oauth2(FIRM).when().get(PATH + "/2024-10-03").then().body("workingDay", equalTo(false));
    }

    @Test
    void outsideTheCalendarIs422AndNonsenseIs400() {
        given().auth()
                .oauth2(FIRM)
                .when()
                .get(PATH + "/2027-01-04")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("2021–2026"));
        given().auth()
                .oauth2(FIRM)
                .queryParam("from", "2026-12-25")
                .queryParam("add", 10)
                .when()
                .get(PATH)
                .then()
                .statusCode(422);
        given().auth().oauth2(FIRM).when().get(PATH + "/2024-02-30").then().statusCode(400);
        given().auth()
                .oauth2(FIRM)
                .queryParam("from", "2024-01-01")
                .when()
                .get(PATH)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(FIRM)
                .queryParam("from", "2024-01-01")
                .queryParam("add", -1)
                .when()
                .get(PATH)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(FIRM)
                .queryParam("from", "2024-01-01")
                .queryParam("add", "many")
                .when()
                .get(PATH)
                .then()
                .statusCode(400);
        given().when().get(PATH + "/2024-09-29").then().statusCode(401);
    }

    @Test
    void theLastDaysOfTheLastYearLoadedAreAnsweredAsProvisional() {
        given().auth().oauth2(FIRM).when().get(PATH + "/2026-12-24").then().body("provisional", equalTo(false));
        given().auth().oauth2(FIRM).when().get(PATH + "/2026-12-25").then().body("provisional", equalTo(true));
        given().auth().oauth2(FIRM).when().get(PATH + "/2026-12-26").then().body("provisional", equalTo(true));
        given().auth().oauth2(FIRM).when().get(PATH + "/2025-12-31").then().body("provisional", equalTo(false));
        given().auth()
                .oauth2(FIRM)
                .queryParam("from", "2026-12-10")
                .queryParam("add", 10)
                .when()
                .get(PATH)
                .then()
                .body("date", equalTo("2026-12-24"))
                .body("provisional", equalTo(false));
        given().auth()
                .oauth2(FIRM)
                .queryParam("from", "2026-12-11")
                .queryParam("add", 10)
                .when()
                .get(PATH)
                .then()
                .body("date", equalTo("2026-12-25"))
                .body("provisional", equalTo(true));
    }
}
