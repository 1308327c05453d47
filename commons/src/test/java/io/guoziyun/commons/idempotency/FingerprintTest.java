package io.guoziyun.commons.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A retry is the same request whatever order its map was built in (Map.of's order changes with each JVM). */
class FingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMapRequestHasOneFingerprintWhateverItsEntriesOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("kind", "DECLARATION");
        one.put("filename", "declaration.pdf");
        one.put("sha256", "ab12");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("sha256", "ab12");
        other.put("kind", "DECLARATION");
        other.put("filename", "declaration.pdf");
        String operation = "POST /api/v1/listing-applications/1/documents";
        assertEquals(Idempotency.fingerprint(JSON, operation, one), Idempotency.fingerprint(JSON, operation, other));
        other.put("sha256", "cd34");
        assertNotEquals(Idempotency.fingerprint(JSON, operation, one), Idempotency.fingerprint(JSON, operation, other));
        assertNotEquals(
                Idempotency.fingerprint(JSON, operation, one),
                Idempotency.fingerprint(JSON, "POST /api/v1/listing-applications/2/documents", one));
    }
}
