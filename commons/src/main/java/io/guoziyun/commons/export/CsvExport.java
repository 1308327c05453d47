package io.guoziyun.commons.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * RFC 4180 CSV for regulators' exports. A cell that a spreadsheet would run as a formula (starting with = + - @
 * or a tab) is prefixed with an apostrophe, so filed text can never execute on a regulator's machine. Written to
 * a string, or row by row to a stream, so that an export of any size takes constant memory.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";

    private final Appendable text;

    public CsvExport(List<String> header) {
        this(new StringBuilder(), header);
    }

    /** Rows written to {@code out} as they come (e.g. a buffered writer on the response). */
    public CsvExport(Appendable out, List<String> header) {
        this.text = out;
        row(header);
    }

    public CsvExport row(List<?> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(cell(cells.get(i)));
            }
            text.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("the export's reader went away", e);
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
