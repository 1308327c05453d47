package io.guoziyun.contracts.migration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.contracts.Filings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
class MigrationPlanResourceTest {

    private final String firm = TestTokens.firm(TestTokens.newFirm());

    private io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void thePlanMustTargetTheStateCloud() {
        String plan = "/api/v1/contracts/" + Filings.file(firm, "alibaba-cloud", "2020-01-01", "2022-12-31")
                + "/migration-plan";
        as(firm).body("{\"targetProvider\": \"tencent-cloud\", \"plannedCompletionOn\": \"2022-06-30\"}")
                .when()
                .put(plan)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("targetProvider"));
        as(firm).body("{\"targetProvider\": \"nowhere\", \"plannedCompletionOn\": \"2022-06-30\"}")
                .when()
                .put(plan)
                .then()
                .statusCode(400);
        given().auth().oauth2(firm).when().get(plan).then().statusCode(404);
    }

    @Test
    void aPlanIsFiledRevisedWithIfMatchAndTracksMilestones() {
        String contract = Filings.file(firm, "alibaba-cloud", "2020-01-01", "2022-12-31");
        String plan = "/api/v1/contracts/" + contract + "/migration-plan";
        String body = "{\"targetProvider\": \"guoziyun\", \"plannedCompletionOn\": \"2022-06-30\"}";
        as(firm).body(body).when().put(plan).then().statusCode(201).body("targetProvider", equalTo("guoziyun"));
        as(firm).body(body.replace("06-30", "07-31")).when().put(plan).then().statusCode(428);
        as(firm).header("If-Match", Filings.etag(firm, plan))
                .body(body.replace("06-30", "07-31"))
                .when()
                .put(plan)
                .then()
                .statusCode(200)
                .body("plannedCompletionOn", equalTo("2022-07-31"));

        var milestone = as(firm).body("{\"title\": \"Data copied\", \"dueOn\": \"2022-05-01\", \"progress\": 30,"
                        + " \"evidence\": [\"https://evidence.example/copy-report.pdf\"]}")
                .when()
                .post(plan + "/milestones")
                .then()
                .statusCode(201)
                .extract();
        String milestonePath = milestone.header("Location");
        as(firm).body("{\"title\": \"Data copied\", \"dueOn\": \"2022-05-01\", \"progress\": 101}")
                .when()
                .post(plan + "/milestones")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("progress"));
        as(firm).body(
                        "{\"title\": \"x\", \"dueOn\": \"2022-05-01\", \"progress\": 1, \"evidence\": [\"javascript:alert(1)\"]}")
                .when()
                .post(plan + "/milestones")
                .then()
                .statusCode(400);
        as(firm).header("If-Match", milestone.header("ETag"))
                .body(
                        "{\"title\": \"Data copied\", \"dueOn\": \"2022-05-01\", \"progress\": 100,"
                                + " \"evidence\": [\"https://evidence.example/copy-report.pdf\", \"https://evidence.example/sign-off.pdf\"]}")
                .when()
                .put(milestonePath)
                .then()
                .statusCode(200)
                .body("progress", equalTo(100))
                .body("evidence", hasSize(2));
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get(plan)
                .then()
                .statusCode(200)
                .body("milestones.title", equalTo(List.of("Data copied")));

        as(firm).body("{\"completedOn\": \"2099-01-01\"}")
                .when()
                .post(plan + "/completion")
                .then()
                .statusCode(400);
        as(firm).body("{\"completedOn\": \"2022-07-20\", \"evidence\": \"Report M-1\"}")
                .when()
                .post(plan + "/completion")
                .then()
                .statusCode(200)
                .body("completedOn", equalTo("2022-07-20"));
        as(firm).body("{\"completedOn\": \"2022-07-21\", \"evidence\": \"Report M-1\"}")
                .when()
                .post(plan + "/completion")
                .then()
                .statusCode(409);
        as(firm).body("{\"title\": \"late\", \"dueOn\": \"2022-08-01\", \"progress\": 0}")
                .when()
                .post(plan + "/milestones")
                .then()
                .statusCode(409);
    }
}
