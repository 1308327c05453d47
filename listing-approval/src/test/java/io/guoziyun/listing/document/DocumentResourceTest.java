package io.guoziyun.listing.document;

import static io.guoziyun.listing.Applications.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.guoziyun.commons.Digests;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.listing.Applications;
import io.guoziyun.listing.FakeFindingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(FakeFindingServices.class)
class DocumentResourceTest {

    private static final String FIRM_A = TestTokens.firm(TestTokens.FIRM_A);

    @Test
    void aDocumentIsStoredWithSizeTypeAndDigestAndDownloadedByTheRegulator() {
        String id = Applications.create(FIRM_A, Applications.filing("US", 2_000_000, "E_COMMERCE"));
        String doc = given().auth()
                .oauth2(FIRM_A)
                .contentType("application/pdf")
                .queryParam("kind", "DECLARATION")
                .queryParam("filename", "申报书 2024.pdf")
                .body(Applications.PDF)
                .when()
                .post(BASE + "/{id}/documents", id)
                .then()
                .statusCode(201)
                .header("Location", containsString("/documents/"))
                .body("kind", equalTo("DECLARATION"))
                .body("sizeBytes", equalTo(Applications.PDF.length))
                .body("mediaType", equalTo("application/pdf"))
                .body("sha256", equalTo(Digests.sha256Hex(Applications.PDF)))
                .body("filename", equalTo("申报书 2024.pdf"))
                .extract()
                .path("id");
        byte[] bytes = given().auth()
                .oauth2(TestTokens.regulator())
                .when()
                .get(BASE + "/{id}/documents/{doc}/content", id, doc)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", matchesPattern("attachment; filename\\*=UTF-8''.*2024\\.pdf"))
                .header("X-Content-Type-Options", "nosniff")
                .extract()
                .asByteArray();
        assertArrayEquals(Applications.PDF, bytes);
    }

    @Test
    void sizeTypeAndContentAreChecked() {
        String id = Applications.create(FIRM_A, Applications.filing("US", 2_000_000, "E_COMMERCE"));
        byte[] big = Arrays.copyOf(Applications.PDF, 64 * 1024 + 1);
        given().auth()
                .oauth2(FIRM_A)
                .contentType("application/pdf")
                .queryParam("kind", "DECLARATION")
                .body(big)
                .when()
                .post(BASE + "/{id}/documents", id)
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(FIRM_A)
                .contentType("application/x-msdownload")
                .queryParam("kind", "DECLARATION")
                .body(new byte[] {'M', 'Z', 0, 0})
                .when()
                .post(BASE + "/{id}/documents", id)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(FIRM_A)
                .contentType("application/pdf")
                .queryParam("kind", "DECLARATION")
                .body("MZ not a pdf".getBytes(StandardCharsets.US_ASCII))
                .when()
                .post(BASE + "/{id}/documents", id)
                .then()
                .statusCode(415)
                .body("detail", containsString("not application/pdf"));
        given().auth()
                .oauth2(FIRM_A)
                .contentType("text/plain")
                .queryParam("kind", "DECLARATION")
                .body(new byte[] {'a', 0, 'b'})
                .when()
                .post(BASE + "/{id}/documents", id)
                .then()
                .statusCode(415);
        given().auth()
                .oauth2(FIRM_A)
                .contentType("application/pdf")
                .queryParam("kind", "PASSPORT")
                .body(Applications.PDF)
                .when()
                .post(BASE + "/{id}/documents", id)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(FIRM_A)
                .contentType("application/pdf")
                .queryParam("kind", "DECLARATION")
                .queryParam("filename", "../../etc/passwd")
                .body(Applications.PDF)
                .when()
                .post(BASE + "/{id}/documents", id)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(FIRM_A)
                .contentType("application/pdf")
                .queryParam("kind", "DECLARATION")
                .when()
                .post(BASE + "/{id}/documents", id)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get(BASE + "/{id}/documents", id)
                .then()
                .body("size()", equalTo(0));
    }

    @Test
    void aRetriedUploadWithTheSameKeyStoresOneDocument() {
        String id = Applications.create(FIRM_A, Applications.filing("US", 2_000_000, "E_COMMERCE"));
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(FIRM_A)
                    .contentType("application/pdf")
                    .header("Idempotency-Key", "upload-" + id)
                    .queryParam("kind", "DECLARATION")
                    .body(Applications.PDF)
                    .when()
                    .post(BASE + "/{id}/documents", id)
                    .then()
                    .statusCode(201);
        }
        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get(BASE + "/{id}/documents", id)
                .then()
                .body("size()", equalTo(1));
        given().auth()
                .oauth2(TestTokens.regulator())
                .queryParam("stage", "DRAFT")
                .when()
                .get(BASE + "/queue")
                .then()
                .statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse upload(String token, String id, byte[] body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/pdf")
                .queryParam("kind", "DECLARATION")
                .body(body)
                .when()
                .post(BASE + "/{id}/documents", id)
                .then();
    }

    /** A PDF of {@code size} bytes. */
    private static byte[] pdf(int size) {
        byte[] pdf = Arrays.copyOf(Applications.PDF, size);
        Arrays.fill(pdf, Applications.PDF.length, size, (byte) ' ');
        return pdf;
    }

    @Test
    void theApplicationIsCheckedBeforeTheBodyIsRead() {
        String id = Applications.create(FIRM_A, Applications.filing("US", 2_000_000, "E_COMMERCE"));
        byte[] oversized = pdf(100 * 1024); // over the 64 KB of the test profile
        // Another firm's application: 404, before a byte of the body is read (else it would be 413).
        upload(TestTokens.firm(TestTokens.FIRM_B), id, oversized).statusCode(404);
        upload(FIRM_A, java.util.UUID.randomUUID().toString(), oversized).statusCode(404);
        // An application that takes no documents now: 409, likewise.
        FakeFindingServices.up();
        String submitted = Applications.draftWithDocuments(FIRM_A);
        Applications.step(FIRM_A, submitted, "submission", null).statusCode(200);
        upload(FIRM_A, submitted, oversized).statusCode(409);
        upload(FIRM_A, id, oversized).statusCode(413).contentType("application/problem+json");
    }

    @Test
    void anApplicationHoldsAtMostItsQuotaOfDocumentsAndBytes() {
        String id = Applications.create(FIRM_A, Applications.filing("US", 2_000_000, "E_COMMERCE"));
        for (int i = 0; i < 4; i++) {
            upload(FIRM_A, id, pdf(60 * 1024)).statusCode(201);
        }
        // 240 KB held: 20 KB more passes the 256 KB of the test profile's quota.
        upload(FIRM_A, id, pdf(20 * 1024))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("may take"));
        upload(FIRM_A, id, pdf(1024)).statusCode(201);
        upload(FIRM_A, id, pdf(1024)).statusCode(201);
        upload(FIRM_A, id, pdf(1024)).statusCode(409).body("detail", containsString("the most it may (6)"));
        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get(BASE + "/{id}/documents", id)
                .then()
                .body("size()", equalTo(6));
    }
}
