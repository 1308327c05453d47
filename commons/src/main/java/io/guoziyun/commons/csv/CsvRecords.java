package io.guoziyun.commons.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV reader of the suite: streaming RFC 4180 (quoted fields with doubled quotes and line breaks inside,
 * CRLF or LF line ends), strict — a quote inside an unquoted field, text after a closing quote, a quoted field never
 * closed, or a field longer than the cap is {@link MalformedCsv} with its line. Reads one record at a time, so a
 * file of any length is never held whole. Used for bulk imports and for the policy files alike.
 */
public final class CsvRecords {

    /** No field the suite reads is near this long; a longer one is a broken file, not data. */
    public static final int MAX_FIELD_LENGTH = 64 * 1024;

    /** One record and the line of the file it starts on (the first line is 1). */
    public record Record(int line, List<String> fields) {}

    public static final class MalformedCsv extends IOException {
        private final int line;

        MalformedCsv(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private int line = 1;
    private int peeked = -2;

    public CsvRecords(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public Record next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread(c);
            return record();
        }
    }

    private Record record() throws IOException {
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closed = false; // a quoted field's closing quote was read: only a separator or a line end may follow
        boolean fieldStarted = false;
        while (true) {
            int c = read();
            if (field.length() > MAX_FIELD_LENGTH) {
                throw new MalformedCsv(start, "a field is longer than " + MAX_FIELD_LENGTH + " characters");
            }
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsv(start, "a quoted field is never closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        closed = true;
                        unread(n);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                closed = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Record(start, fields);
            } else if (closed) {
                throw new MalformedCsv(line, "text after a closing quote; quote the whole field");
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == '"') {
                throw new MalformedCsv(line, "a quote inside an unquoted field; quote the whole field");
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        peeked = c;
    }
}
