package io.guoziyun.inventory.server.bulk;

import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.Unavailable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload copied to a temporary file before any transaction, so no database connection waits on a slow sender:
 * its bytes counted (413 beyond the maximum) and hashed. Close it to delete the file.
 */
final class UploadSpool implements AutoCloseable {

    private final Path file;
    private final String sha256;

    private UploadSpool(Path file, String sha256) {
        this.file = file;
        this.sha256 = sha256;
    }

    static UploadSpool of(InputStream body, long maxBytes) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path file = null;
        try {
            file = Files.createTempFile("server-import-", ".upload");
            try (InputStream in = new DigestInputStream(ImportTooLarge.limit(body, maxBytes), digest)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return new UploadSpool(file, HexFormat.of().formatHex(digest.digest()));
        } catch (ImportTooLarge e) {
            delete(file);
            throw e.problem();
        } catch (IOException e) {
            delete(file);
            if (file == null || storeFull(e)) {
                // The spool (an emptyDir in Kubernetes) is full or unwritable: the service's trouble, not the file's.
                throw new Unavailable(
                        "The import spool cannot take the file now (" + e.getMessage() + "); nothing was imported."
                                + " Retry with the same Idempotency-Key.",
                        60);
            }
            throw new InvalidInput("The upload could not be read to its end");
        }
    }

    /** A write that failed for want of room or rights on the spool, rather than a body cut short. */
    private static boolean storeFull(IOException e) {
        String message = String.valueOf(e.getMessage());
        return e instanceof java.nio.file.FileSystemException
                || message.contains("No space left")
                || message.contains("Disk quota exceeded");
    }

    Path file() {
        return file;
    }

    String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is removed with the temp directory
            }
        }
    }
}
