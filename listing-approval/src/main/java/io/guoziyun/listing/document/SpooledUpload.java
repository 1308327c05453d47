package io.guoziyun.listing.document;

import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.TooLarge;
import io.guoziyun.problem.Unavailable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An upload's body streamed to a file, never collected in memory: its size (at most the limit, else 413), its
 * SHA-256, its first bytes (for the media type's magic) and whether it is UTF-8 text without NUL. A full or
 * unwritable spool is 503 with Retry-After; a body cut short by the client is 400. Deleted on close.
 */
final class SpooledUpload implements AutoCloseable {

    /** Long enough for every magic number the sniffer knows. */
    static final int HEAD = 16;

    /** A full spool clears as uploads in progress finish: a minute, not an hour. */
    static final long RETRY_AFTER_SECONDS = 60;

    private final Path file;
    private final long size;
    private final String sha256;
    private final byte[] head;
    private final boolean utf8Text;

    private SpooledUpload(Path file, long size, String sha256, byte[] head, boolean utf8Text) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
        this.head = head;
        this.utf8Text = utf8Text;
    }

    static SpooledUpload spool(InputStream body, Path directory, long max) {
        Path file;
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "upload-", ".part");
        } catch (IOException e) {
            throw storeFull(e);
        }
        try {
            return write(body, file, max);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static SpooledUpload write(InputStream body, Path file, long max) {
        MessageDigest sha = newDigest();
        Utf8Check text = new Utf8Check();
        byte[] head = new byte[HEAD];
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (body;
                OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = read(body, buffer)) != -1; ) {
                if (total + n > max) {
                    throw new TooLarge("A document may be at most " + max + " bytes");
                }
                if (total < HEAD) {
                    System.arraycopy(buffer, 0, head, (int) total, (int) Math.min(n, HEAD - total));
                }
                total += n;
                sha.update(buffer, 0, n);
                text.feed(buffer, n);
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw storeFull(e);
                }
            }
        } catch (IOException e) {
            throw storeFull(e); // closing the file flushes it: the disk may fill there too
        }
        return new SpooledUpload(
                file,
                total,
                HexFormat.of().formatHex(sha.digest()),
                Arrays.copyOf(head, (int) Math.min(total, HEAD)),
                text.ended());
    }

    /** A read from the client; its failure is the client's (a cut connection), not the store's. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInput("The upload was interrupted before its end");
        }
    }

    private static Unavailable storeFull(IOException e) {
        return new Unavailable(
                "The document store cannot take the upload now (" + e.getMessage() + "); nothing was stored."
                        + " Retry with the same Idempotency-Key.",
                RETRY_AFTER_SECONDS);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    byte[] head() {
        return head;
    }

    boolean utf8Text() {
        return utf8Text;
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover spool file is removed with the next restart's temp directory; nothing to answer.
        }
    }

    /** UTF-8 without NUL, checked chunk by chunk (a character may span two chunks). */
    private static final class Utf8Check {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private boolean valid = true;

        void feed(byte[] bytes, int n) {
            if (!valid) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (bytes[i] == 0) {
                    valid = false;
                    return;
                }
            }
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + n);
            in.put(pending).put(bytes, 0, n).flip();
            decode(in, false);
            pending = in.slice();
        }

        boolean ended() {
            if (valid) {
                decode(pending, true);
            }
            return valid;
        }

        private void decode(ByteBuffer in, boolean end) {
            while (valid) {
                chars.clear();
                CoderResult result = decoder.decode(in, chars, end);
                if (result.isError()) {
                    valid = false;
                } else if (!result.isOverflow()) {
                    return;
                }
            }
        }
    }
}
