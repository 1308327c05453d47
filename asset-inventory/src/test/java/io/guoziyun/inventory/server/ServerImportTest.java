package io.guoziyun.inventory.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.inventory.Estate;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
class ServerImportTest {

    static final String HEADER = "assetTag,serial,hostname,vendor,model,siteCode,acquisition,acquiredOn,status";

    private final String firm = TestTokens.firm(TestTokens.newFirm());

    private ValidatableResponse post(String query, String contentType, byte[] body) {
        return given().auth()
                .oauth2(firm)
                .contentType(contentType)
                .body(body)
                .when()
                .post("/api/v1/servers/import" + query)
                .then();
    }

    private ValidatableResponse csv(String query, String text) {
        return post(query, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private long count() {
        return given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/servers?size=1&count=exact")
                .then()
                .extract()
                .<Integer>path("totalItems")
                .longValue();
    }

    @Test
    void aDryRunReportsEveryRowsErrorsAtOnceAndWritesNothing() {
        String file = HEADER + "\n"
                + "A-1,SN1,h1,Inspur,NF5280,,PURCHASE,2022-01-01,ACTIVE\n"
                + "A-2,SN2,h2,Inspur,NF5280,,BOUGHT,2022-13-01,ACTIVE\n"
                + ",SN3,h3,Inspur,NF5280,NOWHERE,LEASE,2022-01-01,DECOMMISSIONED\n"
                + "A-1,SN4,h4,Inspur,NF5280,,LEASE,2022-01-01,\n";
        csv("?dryRun=true", file)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("dryRun", equalTo(true))
                .body("rowsRead", equalTo(4))
                .body("errorCount", equalTo(6))
                .body("errors.findAll { it.row == 3 }.column", equalTo(java.util.List.of("acquisition", "acquiredOn")))
                .body(
                        "errors.findAll { it.row == 4 }.column",
                        equalTo(java.util.List.of("assetTag", "siteCode", "status")))
                .body("errors.find { it.row == 5 }.message", containsString("first on row 2"));
        csv("?dryRun=true", HEADER + "\nA-1,SN1,h1,Inspur,NF5280,,PURCHASE,2022-01-01,ACTIVE\n")
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("errorCount", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(0, count());
    }

    @Test
    void oneBadLastRowWritesNothingAndTheRealImportGivesTheSameReport() {
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 50; i++) {
            file.append("OK-").append(i).append(",,,,,,LEASE,2020-01-01,ACTIVE\n");
        }
        file.append("BAD,,,,,,LEASE,someday,ACTIVE\n");
        csv("", file.toString())
                .statusCode(422)
                .body("dryRun", equalTo(false))
                .body("errors", hasSize(1))
                .body("errors[0].row", equalTo(52))
                .body("errors[0].column", equalTo("acquiredOn"))
                .body("errors[0].value", equalTo("someday"));
        org.junit.jupiter.api.Assertions.assertEquals(0, count());
    }

    @Test
    void importsThenRefusesDuplicatesUnlessUpsertAndFlagsPurchases() {
        String code = Estate.code();
        Estate.declareSite(firm, Estate.site(code, "ACTIVE", "2015-01-01", "2016-01-01"));
        String file = HEADER + "\n"
                + "I-1,SN1,h1.example.cn,Inspur,NF5280," + code + ",PURCHASE,2021-08-12,ACTIVE\n"
                + "I-2,SN2,h2.example.cn,Inspur,NF5280," + code + ",PURCHASE,2021-08-11,PLANNED\n";
        csv("", file).statusCode(200).body("inserted", equalTo(2)).body("updated", equalTo(0));
        csv("", file).statusCode(422).body("errors.message", hasItem(containsString("mode=upsert")));
        csv("?mode=upsert", file.replace("2021-08-11", "2021-09-01").replace("h2.example.cn", "h2b.example.cn"))
                .statusCode(200)
                .body("inserted", equalTo(0))
                .body("updated", equalTo(2));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/servers?sort=assetTag")
                .then()
                .body("items.hostname", equalTo(java.util.List.of("h1.example.cn", "h2b.example.cn")));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/inventory-findings?rule=AI-2&asOf=2022-01-01")
                .then()
                .body("items", hasSize(2));
        given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get("/api/v1/inventory-audit?subjectType=server-import")
                .then()
                .body("action", hasItem("servers.imported"));
    }

    @Test
    void aPlainImportRefusedByTheDatabaseReportsEveryRowTwiceOrDeclaredInFileOrder() {
        // Found in SQL over a staging table, not by holding the file's asset tags in memory (issue 21).
        csv("", HEADER + "\n" + "T-0,SN0,h0,Inspur,NF5280,,LEASE,2020-01-01,ACTIVE\n")
                .statusCode(200);
        StringBuilder file = new StringBuilder(HEADER + "\n");
        for (int i = 1; i <= 1200; i++) { // rows 2..1201
            file.append("T-").append(i).append(",SN,h,Inspur,NF5280,,LEASE,2020-01-01,ACTIVE\n");
        }
        String twice = file + "T-7,SN,h,Inspur,NF5280,,LEASE,2020-01-01,ACTIVE\n" // row 1202: T-7 is on row 8
                + "T-9,SN,h,Inspur,NF5280,,LEASE,2020-01-01,ACTIVE\n"; // row 1203: on row 10
        csv("", twice)
                .statusCode(422)
                .body("errorCount", equalTo(2))
                .body("errors.row", equalTo(java.util.List.of(1202, 1203)))
                .body("errors[0].message", containsString("first on row 8"))
                .body("errors[1].message", containsString("first on row 10"));
        // A bad row first: the direct load is given up, and the report still has the duplicate after it.
        csv(
                        "",
                        HEADER + "\n" + "U-1,SN,h,Inspur,NF5280,,BOUGHT,2020-01-01,ACTIVE\n"
                                + twice.substring(HEADER.length() + 1))
                .statusCode(422)
                .body("errorCount", equalTo(3))
                .body("errors.row", equalTo(java.util.List.of(2, 1203, 1204)));
        // Only the one declared before: reported as such, with its row, and nothing written.
        csv("", file + "T-0,SN,h,Inspur,NF5280,,LEASE,2020-01-01,ACTIVE\n")
                .statusCode(422)
                .body("errorCount", equalTo(1))
                .body("errors[0].row", equalTo(1202))
                .body("errors[0].message", containsString("mode=upsert"));
        org.junit.jupiter.api.Assertions.assertEquals(1, count());
        // And a file without either: every row written, the count from the load itself.
        csv("", file.toString()).statusCode(200).body("inserted", equalTo(1200));
        org.junit.jupiter.api.Assertions.assertEquals(1201, count());
    }

    @Test
    void aPlainImportFlagsPurchasesFromTheEffectiveDate() {
        csv(
                        "",
                        HEADER + "\nP-1,,,,,,PURCHASE,2021-08-11,ACTIVE\nP-2,,,,,,PURCHASE,2021-08-12,ACTIVE\n"
                                + "P-3,,,,,,LEASE,2021-08-12,ACTIVE\nP-4,,,,,,PURCHASE,2022-03-01,PLANNED\n")
                .statusCode(200)
                .body("inserted", equalTo(4));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/inventory-findings?rule=AI-2&asOf=2022-12-31&sort=detectedOn")
                .then()
                .body("items.inputs.assetTag", equalTo(java.util.List.of("P-2", "P-4")))
                .body("items.detectedOn", equalTo(java.util.List.of("2021-08-12", "2022-03-01")))
                .body("items.id.collect { java.util.UUID.fromString(it).version() }", equalTo(java.util.List.of(7, 7)));
    }

    @Test
    void toleratesBomCrlfAndQuotedFieldsAndReadsJsonLines() {
        String file = "\uFEFF" + HEADER + "\r\n"
                + "\"Q-1\",\"SN, with comma\",h1,\"Vendor \"\"X\"\"\",\"Model, two\",,LEASE,2020-01-01,ACTIVE\r\n";
        csv("", file).statusCode(200).body("inserted", equalTo(1));
        given().auth()
                .oauth2(firm)
                .when()
                .get("/api/v1/servers?sort=assetTag")
                .then()
                .body("items[0].serial", equalTo("SN, with comma"))
                .body("items[0].vendor", equalTo("Vendor \"X\""));
        String lines = "{\"assetTag\": \"J-1\", \"acquisition\": \"TRANSFER\", \"acquiredOn\": \"2020-02-02\"}\n"
                + "{\"assetTag\": \"J-2\", \"acquisition\": \"LEASE\", \"acquiredOn\": \"2020-02-02\", \"status\": \"PLANNED\"}\n";
        post("", "application/x-ndjson", lines.getBytes(StandardCharsets.UTF_8))
                .statusCode(200)
                .body("inserted", equalTo(2));
        post("", "application/x-ndjson", "{\"assetTag\": \"J-3\", \"colour\": \"red\"}\nnot json\n".getBytes())
                .statusCode(422)
                .body("errors.row", hasItem(2));
    }

    @Test
    void refusesWhatIsNotAServerFile() {
        csv("", "").statusCode(400).contentType("application/problem+json");
        csv("", "a,b,c\n1,2,3\n").statusCode(400).body("errors[0].field", equalTo("header"));
        csv("", HEADER + "\n\"unterminated,,,,,,LEASE,2020-01-01,ACTIVE\n").statusCode(422);
        post("", "text/csv", new byte[] {'a', (byte) 0xC3, (byte) 0x28, '\n'})
                .statusCode(422)
                .body("detail", containsString("UTF-8"));
        csv("?mode=replace", HEADER + "\n").statusCode(400);
        csv("?dryRun=yes", HEADER + "\nY-1,,,,,,LEASE,2020-01-01,ACTIVE\n").statusCode(400);
        // A quoted line break is read as part of the field (then refused there), and rows after it keep their lines.
        csv("", HEADER + "\nM-1,,,,\"two\nlines\",,LEASE,2020-01-01,ACTIVE\nM-2,,,,,,LEASE,never,ACTIVE\n")
                .statusCode(422)
                .body("errors.row", equalTo(java.util.List.of(2, 4)))
                .body("errors.column", equalTo(java.util.List.of("model", "acquiredOn")));
        given().auth()
                .oauth2(firm)
                .contentType("application/pdf")
                .body(new byte[] {1, 2, 3})
                .when()
                .post("/api/v1/servers/import")
                .then()
                .statusCode(415);
    }

    @Test
    void aFileOverTheConfiguredMaximumIs413() {
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        System.arraycopy((HEADER + "\n").getBytes(), 0, big, 0, HEADER.length() + 1);
        post("", "text/csv", big).statusCode(413).contentType("application/problem+json");
    }

    @Test
    void oneHundredThousandRowsImport() {
        StringBuilder file = new StringBuilder(13_000_000).append(HEADER).append('\n');
        for (int i = 0; i < 100_000; i++) {
            file.append("BULK-")
                    .append(i)
                    .append(",SN")
                    .append(i)
                    .append(",host-")
                    .append(i)
                    .append(".example.cn,Inspur,NF5280M6,,")
                    .append(i % 3 == 0 ? "PURCHASE" : "LEASE")
                    .append(",2021-0")
                    .append(1 + i % 9)
                    .append("-15,ACTIVE\n");
        }
        csv("", file.toString()).statusCode(200).body("inserted", equalTo(100_000));
        org.junit.jupiter.api.Assertions.assertEquals(100_000, count());
    }
}
