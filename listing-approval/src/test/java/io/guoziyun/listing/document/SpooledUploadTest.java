package io.guoziyun.listing.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.Digests;
import io.guoziyun.problem.TooLarge;
import io.guoziyun.problem.Unavailable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledUploadTest {

    @TempDir
    Path spool;

    @Test
    void aBodyIsStreamedToAFileWithItsSizeDigestAndHeadAndTheFileGoesOnClose() throws IOException {
        byte[] body = new byte[200_000];
        Arrays.fill(body, (byte) 'a');
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 5);
        Path file;
        try (SpooledUpload up = SpooledUpload.spool(new ByteArrayInputStream(body), spool, 1_000_000)) {
            file = up.file();
            assertEquals(200_000, up.size());
            assertEquals(Digests.sha256Hex(body), up.sha256());
            assertArrayEquals(Arrays.copyOf(body, SpooledUpload.HEAD), up.head());
            assertArrayEquals(body, Files.readAllBytes(file));
            assertTrue(up.utf8Text());
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void tooLargeIsRefusedAndLeavesNothing() throws IOException {
        assertThrows(TooLarge.class, () -> SpooledUpload.spool(new ByteArrayInputStream(new byte[2048]), spool, 1024));
        try (var left = Files.list(spool)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aSpoolThatCannotBeWrittenIs503WithRetryAfter() throws IOException {
        Path notADirectory = Files.writeString(spool.resolve("file"), "x");
        Unavailable full = assertThrows(
                Unavailable.class,
                () -> SpooledUpload.spool(new ByteArrayInputStream(new byte[10]), notADirectory.resolve("d"), 1024));
        assertEquals(503, full.status());
        assertEquals(Long.valueOf(SpooledUpload.RETRY_AFTER_SECONDS), full.retryAfterSeconds());
    }

    @Test
    void textIsCheckedAcrossChunksAndANulIsNotText() {
        // "中" is three bytes; a stream that hands them over one at a time splits it.
        byte[] text = "年度报告 中文".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(text) {
            @Override
            public int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        try (SpooledUpload up = SpooledUpload.spool(trickle, spool, 1024)) {
            assertTrue(up.utf8Text());
        }
        try (SpooledUpload up = SpooledUpload.spool(new ByteArrayInputStream(new byte[] {'a', 0, 'b'}), spool, 1024)) {
            assertFalse(up.utf8Text());
        }
        try (SpooledUpload up =
                SpooledUpload.spool(new ByteArrayInputStream(new byte[] {'a', (byte) 0xC3, '(', 'b'}), spool, 1024)) {
            assertFalse(up.utf8Text());
        }
    }
}
