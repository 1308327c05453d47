package io.guoziyun.inventory.server.bulk;

import io.guoziyun.problem.TooLarge;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Raised while reading past the configured maximum size of an import: the answer is 413. */
final class ImportTooLarge extends IOException {

    private final long max;

    ImportTooLarge(long max) {
        super("larger than " + max + " bytes");
        this.max = max;
    }

    TooLarge problem() {
        return new TooLarge("An import may be at most " + max + " bytes; split the file");
    }

    /** Counts the bytes read and stops at {@code max}. */
    static InputStream limit(InputStream in, long max) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++read > max) {
                    throw new ImportTooLarge(max);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0 && (read += n) > max) {
                    throw new ImportTooLarge(max);
                }
                return n;
            }
        };
    }
}
