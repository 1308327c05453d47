package io.guoziyun.inventory.server.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.csv.CsvRecords;
import io.guoziyun.problem.DomainException;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.Unprocessable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An import file read one record at a time, as cells by column name with the line each record starts on: CSV
 * (with the header of {@link ImportRow#COLUMNS}) or one JSON object per line. UTF-8, with or without a BOM.
 */
final class ImportFiles {

    enum Format {
        CSV,
        JSON_LINES
    }

    private ImportFiles() {}

    /** The file's records; cells that describe a broken record start with {@code _} ({@link ImportRow#check}). */
    static Iterator<Map.Entry<Long, Map<String, String>>> records(InputStream body, Format format, ObjectMapper json) {
        BufferedReader reader = reader(body);
        try {
            return format == Format.CSV ? csv(reader) : jsonLines(reader, json);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** What a read failure means to the client: malformed CSV or not UTF-8 (422), too large (413), else 400. */
    static DomainException unreadable(Throwable e) {
        if (e instanceof CsvRecords.MalformedCsv m) {
            return new Unprocessable("The file is not valid CSV at line " + m.line() + ": " + m.getMessage());
        }
        if (e instanceof CharacterCodingException) {
            return new Unprocessable("The file is not UTF-8 text");
        }
        if (e instanceof ImportTooLarge tooLarge) {
            return tooLarge.problem();
        }
        return new InvalidInput("The file could not be read: " + e.getMessage());
    }

    private static BufferedReader reader(InputStream body) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, decoder), 64 * 1024);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        return reader;
    }

    private static Iterator<Map.Entry<Long, Map<String, String>>> csv(BufferedReader reader) throws IOException {
        CsvRecords records = new CsvRecords(reader);
        CsvRecords.Record header = records.next();
        if (header == null) {
            throw InvalidInput.field(
                    "body",
                    "the file is empty; the first line must be the header " + String.join(",", ImportRow.COLUMNS));
        }
        List<String> names = header.fields().stream().map(String::strip).toList();
        if (!new HashSet<>(names).equals(new HashSet<>(ImportRow.COLUMNS))
                || names.size() != ImportRow.COLUMNS.size()) {
            throw InvalidInput.field(
                    "header",
                    "expected the columns " + String.join(",", ImportRow.COLUMNS) + "; found "
                            + String.join(",", names));
        }
        return new Iterator<>() {
            CsvRecords.Record next = advance();

            private CsvRecords.Record advance() {
                try {
                    return records.next();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Map.Entry<Long, Map<String, String>> next() {
                CsvRecords.Record record = next;
                next = advance();
                Map<String, String> cells = new HashMap<>();
                if (record.fields().size() != names.size()) {
                    cells.put("_columns", record.fields().size() + " fields, expected " + names.size());
                }
                for (int i = 0; i < names.size() && i < record.fields().size(); i++) {
                    cells.put(names.get(i), record.fields().get(i));
                }
                return Map.entry((long) record.line(), cells);
            }
        };
    }

    private static Iterator<Map.Entry<Long, Map<String, String>>> jsonLines(BufferedReader reader, ObjectMapper json) {
        return new Iterator<>() {
            long lineNo = 0;
            String line = advance();

            private String advance() {
                try {
                    String l;
                    do {
                        l = reader.readLine();
                        lineNo++;
                    } while (l != null && l.isBlank());
                    return l;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return line != null;
            }

            @Override
            public Map.Entry<Long, Map<String, String>> next() {
                long at = lineNo;
                String text = line;
                line = advance();
                Map<String, String> cells = new HashMap<>();
                try {
                    JsonNode node = json.readTree(text);
                    if (node == null || !node.isObject()) {
                        cells.put("_json", "each line must be one JSON object");
                    } else {
                        node.fields().forEachRemaining(f -> {
                            if (!ImportRow.COLUMNS.contains(f.getKey())) {
                                cells.put("_unknown", f.getKey());
                            } else if (!f.getValue().isNull()) {
                                cells.put(
                                        f.getKey(),
                                        f.getValue().isTextual()
                                                ? f.getValue().textValue()
                                                : f.getValue().toString());
                            }
                        });
                    }
                } catch (JsonProcessingException e) {
                    cells.put("_json", "not valid JSON");
                }
                return Map.entry(at, cells);
            }
        };
    }
}
