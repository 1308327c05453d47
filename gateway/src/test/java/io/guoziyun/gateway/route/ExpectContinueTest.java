package io.guoziyun.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A client that asks {@code Expect: 100-continue} before a large body (curl does above 1 MB) is told to go on by the
 * gateway once the request is taken, not left to wait out its own timeout (curl's: a second) — and is told no at
 * once, without 100, when the request is refused.
 */
@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(EchoService.class)
class ExpectContinueTest {

    /** Well under curl's one second: the 100 must come from the gateway's decision, not the client's patience. */
    private static final int PROMPT_MILLIS = 500;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aTakenUploadIsToldToContinueAtOnceAndArrivesWhole() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        Arrays.fill(body, (byte) 'y');
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head(TestTokens.firm(TestTokens.FIRM_A), body.length));
            out.flush();
            socket.setSoTimeout(PROMPT_MILLIS);
            assertEquals("HTTP/1.1 100 Continue", line(in));
            assertEquals("", line(in));
            socket.setSoTimeout(10_000);
            out.write(body);
            out.flush();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 201 "), answer);
            assertTrue(answer.contains("\"bodyLength\":" + body.length), answer);
            assertTrue(answer.contains(EchoService.sha256(body)), answer);
            assertFalse(answer.contains("\"expect\""), "the expectation was met here, not sent on: " + answer);
        }
    }

    @Test
    void aRefusedUploadGetsItsAnswerWithoutContinue() throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.getOutputStream().write(head("not-a-token", 3 * 1024 * 1024));
            socket.getOutputStream().flush();
            socket.setSoTimeout(PROMPT_MILLIS * 4);
            String first = line(socket.getInputStream());
            assertTrue(first.startsWith("HTTP/1.1 401 "), first);
        }
    }

    private static byte[] head(String token, int length) {
        return ("POST /api/v1/servers/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: text/csv\r\nContent-Length: " + length
                        + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed before the end of a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
