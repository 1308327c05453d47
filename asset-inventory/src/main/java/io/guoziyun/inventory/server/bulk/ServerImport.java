package io.guoziyun.inventory.server.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Bulk import of servers at database speed: the file is read one record at a time, each record is checked, and
 * the good ones stream through PostgreSQL {@code COPY} into a temporary staging table; one set-based statement
 * then inserts (or upserts) them all. Nothing reaches the server table unless every record is good, and the
 * whole import is one transaction.
 */
@ApplicationScoped
public class ServerImport {

    static final int MAX_REPORTED_ERRORS = 1000;

    private final EntityManager em;
    private final ObjectMapper json;

    public ServerImport(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public enum Format {
        CSV,
        JSON_LINES
    }

    /** Everything read from the file: the errors, and how many good rows wait in the staging table. */
    record Staged(long rowsRead, long errorCount, List<ImportReport.RowError> errors) {}

    /** Reads and checks the whole file into the staging table {@code server_import}. */
    Staged stage(InputStream body, Format format, String firmId) {
        Set<String> siteCodes = Site.<Site>listAll().stream().map(s -> s.code).collect(Collectors.toSet());
        em.createNativeQuery("CREATE TEMP TABLE server_import (row_no bigint, asset_tag text, serial text,"
                        + " hostname text, vendor text, model text, site_code text, acquisition text,"
                        + " acquired_on date, status text) ON COMMIT DROP")
                .executeUpdate();
        List<ImportReport.RowError> errors = new ArrayList<>();
        long[] errorCount = {0};
        java.util.function.Consumer<ImportReport.RowError> report = e -> {
            errorCount[0]++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(e);
            }
        };
        Set<String> seen = new HashSet<>();
        Map<String, Long> firstRow = new HashMap<>();
        long rows = 0;
        Session session = em.unwrap(Session.class);
        try (PGCopyOutputStream copy = session.doReturningWork(c ->
                new PGCopyOutputStream(c.unwrap(PGConnection.class), "COPY server_import FROM STDIN (FORMAT csv)"))) {
            Iterator<Map.Entry<Long, Map<String, String>>> records =
                    format == Format.CSV ? csv(reader(body)) : jsonLines(reader(body));
            while (records.hasNext()) {
                Map.Entry<Long, Map<String, String>> record = records.next();
                rows++;
                ImportRow row = ImportRow.check(record.getKey(), record.getValue(), siteCodes, report);
                if (row == null) {
                    continue;
                }
                if (!seen.add(row.assetTag())) {
                    report.accept(new ImportReport.RowError(
                            row.row(),
                            "assetTag",
                            row.assetTag(),
                            "appears twice in this file (first on row " + firstRow.get(row.assetTag()) + ")"));
                    continue;
                }
                firstRow.put(row.assetTag(), row.row());
                if (errorCount[0] == 0) {
                    write(copy, row);
                }
            }
            if (rows == 0 && errorCount[0] == 0) {
                throw ProblemException.invalid("body", "the file has no server rows");
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        }
        return new Staged(rows, errorCount[0], errors);
    }

    /** Rows of the staging table whose asset tag the firm has already declared. */
    @SuppressWarnings("unchecked")
    List<ImportReport.RowError> alreadyDeclared(String firmId) {
        List<Object[]> rows = em.createNativeQuery("SELECT i.row_no, i.asset_tag FROM server_import i JOIN server s"
                        + " ON s.firm_id = :firm AND s.asset_tag = i.asset_tag ORDER BY i.row_no")
                .setParameter("firm", firmId)
                .setMaxResults(MAX_REPORTED_ERRORS)
                .getResultList();
        return rows.stream()
                .map(r -> new ImportReport.RowError(
                        ((Number) r[0]).longValue(),
                        "assetTag",
                        (String) r[1],
                        "already declared; import with mode=upsert to update it"))
                .toList();
    }

    /** Moves the staged rows into the server table; answers {inserted, updated}. */
    long[] apply(String firmId, boolean upsert) {
        String insert = "INSERT INTO server (id, firm_id, asset_tag, serial, hostname, vendor, model, site_code,"
                + " acquisition, acquired_on, status, role, created_at, version)"
                + " SELECT gen_random_uuid(), :firm, asset_tag, serial, hostname, vendor, model, site_code,"
                + " acquisition, acquired_on, status, NULL, now(), 0 FROM server_import";
        if (upsert) {
            // Statuses past ACTIVE were set with evidence, one server at a time: an import leaves them alone.
            insert += " ON CONFLICT (firm_id, asset_tag) DO UPDATE SET serial = EXCLUDED.serial,"
                    + " hostname = EXCLUDED.hostname, vendor = EXCLUDED.vendor, model = EXCLUDED.model,"
                    + " site_code = EXCLUDED.site_code, acquisition = EXCLUDED.acquisition,"
                    + " acquired_on = EXCLUDED.acquired_on,"
                    + " status = CASE WHEN server.status IN ('PLANNED', 'ACTIVE') THEN EXCLUDED.status"
                    + " ELSE server.status END,"
                    + " version = server.version + 1";
        }
        Object[] counts = (Object[]) em.createNativeQuery(
                        "WITH written AS (" + insert + " RETURNING (xmax = 0) AS fresh)"
                                + " SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) FROM written")
                .setParameter("firm", firmId)
                .getSingleResult();
        return new long[] {((Number) counts[0]).longValue(), ((Number) counts[1]).longValue()};
    }

    private static void write(OutputStream copy, ImportRow row) {
        StringBuilder line = new StringBuilder(160);
        line.append(row.row());
        for (Object value : new Object[] {
            row.assetTag(),
            row.serial(),
            row.hostname(),
            row.vendor(),
            row.model(),
            row.siteCode(),
            row.acquisition(),
            row.acquiredOn(),
            row.status()
        }) {
            line.append(',');
            if (value != null) {
                line.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
            }
        }
        line.append('\n');
        try {
            copy.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private Iterator<Map.Entry<Long, Map<String, String>>> csv(BufferedReader reader) throws IOException {
        CsvRecords records = new CsvRecords(reader);
        CsvRecords.Record header = records.next();
        if (header == null) {
            throw ProblemException.invalid(
                    "body",
                    "the file is empty; the first line must be the header " + String.join(",", ImportRow.COLUMNS));
        }
        List<String> names = header.fields().stream().map(String::strip).toList();
        if (!new HashSet<>(names).equals(new HashSet<>(ImportRow.COLUMNS))
                || names.size() != ImportRow.COLUMNS.size()) {
            throw ProblemException.invalid(
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

    private Iterator<Map.Entry<Long, Map<String, String>>> jsonLines(BufferedReader reader) {
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

    private static ProblemException unreadable(Throwable e) {
        if (e instanceof CsvRecords.MalformedCsv m) {
            return new ProblemException(
                    422,
                    "Unprocessable Content",
                    "The file is not valid CSV at line " + m.line + ": " + m.getMessage());
        }
        if (e instanceof CharacterCodingException) {
            return new ProblemException(422, "Unprocessable Content", "The file is not UTF-8 text");
        }
        if (e instanceof ImportTooLarge tooLarge) {
            return tooLarge.problem();
        }
        return new ProblemException(400, "Bad Request", "The file could not be read: " + e.getMessage());
    }
}
