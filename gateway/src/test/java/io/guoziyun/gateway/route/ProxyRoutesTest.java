package io.guoziyun.gateway.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(EchoService.class)
class ProxyRoutesTest {

    private static final String FIRM_A = TestTokens.firm(TestTokens.FIRM_A);

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void relaysTheRequestWithItsTokenToTheService() {
        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get("/api/v1/contracts/42?asOf=2022-10-01")
                .then()
                .statusCode(200)
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/api/v1/contracts/42?asOf=2022-10-01"))
                .body("headers.authorization", equalTo("Bearer " + FIRM_A))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", notNullValue());
    }

    @Test
    void anHttp2BodyWithoutALengthReachesTheServiceWhole() throws Exception {
        byte[] body = new byte[200_000];
        new Random(7).nextBytes(body);
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false)); // h2c with prior knowledge
            JsonObject echoed = client.request(
                            HttpMethod.POST, gateway.getPort(), gateway.getHost(), "/api/v1/contracts")
                    .compose(request -> {
                        request.putHeader("Authorization", "Bearer " + FIRM_A)
                                .putHeader("Content-Type", "application/json")
                                .setChunked(true); // HTTP/2: no Content-Length, DATA frames until the stream ends
                        request.write(Buffer.buffer(body).slice(0, 100_000));
                        request.end(Buffer.buffer(body).slice(100_000, body.length));
                        return request.response();
                    })
                    .compose(response -> {
                        assertEquals(HttpVersion.HTTP_2, response.version());
                        assertEquals(201, response.statusCode());
                        return response.body();
                    })
                    .map(Buffer::toJsonObject)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertEquals(body.length, echoed.getInteger("bodyLength"));
            assertEquals(EchoService.sha256(body), echoed.getString("bodySha256"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void hopByHopHeadersStayOnTheirHop() {
        given().auth()
                .oauth2(FIRM_A)
                .header("Connection", "keep-alive, X-Hop")
                .header("X-Hop", "for the gateway only")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("TE", "trailers")
                .header("X-End-To-End", "kept")
                .when()
                .get("/api/v1/contracts/42")
                .then()
                .statusCode(200)
                .body("headers.x-end-to-end", equalTo("kept"))
                .body("headers.x-hop", nullValue())
                .body("headers.keep-alive", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .body("headers.te", nullValue())
                .body("headers.forwarded", startsWith("for=\""));
    }

    @Test
    void routesThePrefixItself() {
        given().auth()
                .oauth2(FIRM_A)
                .when()
                .get("/api/v1/contracts")
                .then()
                .statusCode(200)
                .body("uri", equalTo("/api/v1/contracts"));
    }

    @Test
    void streamsALargeBodyIntact() {
        byte[] body = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(body);
        given().auth()
                .oauth2(FIRM_A)
                .contentType(ContentType.BINARY)
                .body(body)
                .when()
                .post("/api/v1/servers/import")
                .then()
                .statusCode(201)
                .body("bodyLength", equalTo(body.length))
                .body("bodySha256", equalTo(EchoService.sha256(body)));
    }

    @Test
    void withoutTokenIs401ProblemAndNothingIsRelayed() {
        given().when()
                .get("/api/v1/contracts/42")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void tokensThatDoNotHoldAre401Problem() {
        for (String token : new String[] {
            TestTokens.expired(TestTokens.FIRM_A),
            TestTokens.wrongAudience(TestTokens.FIRM_A),
            TestTokens.wrongIssuer(TestTokens.FIRM_A),
            TestTokens.foreignSigned(TestTokens.FIRM_A),
            "garbage"
        }) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/contracts/42")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
    }

    @Test
    void pathsOfNoServiceAre404Problem() {
        for (String path :
                new String[] {"/api/v1/contractsX", "/api/v1/nothing-here", "/api/v2/contracts", "/api", "/api/"}) {
            given().auth()
                    .oauth2(FIRM_A)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }
}
