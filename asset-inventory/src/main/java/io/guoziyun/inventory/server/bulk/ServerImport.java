package io.guoziyun.inventory.server.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.inventory.site.Site;
import io.guoziyun.problem.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
    private static final String COPY_STAGING = "COPY server_import FROM STDIN (FORMAT csv)";
    private static final String COPY_DIRECT = "COPY server (id, firm_id, asset_tag, serial, hostname, vendor, model,"
            + " site_code, acquisition, acquired_on, status, created_at, version) FROM STDIN (FORMAT csv)";

    private final EntityManager em;
    private final ObjectMapper json;

    public ServerImport(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Everything read from the file: the errors, the line of each asset tag, and whether a direct load stopped on
     * a server the firm had already declared.
     */
    record Staged(
            long rowsRead,
            long errorCount,
            List<ImportReport.RowError> errors,
            Map<String, Long> rowOfTag,
            boolean alreadyDeclared,
            UUID firstId,
            UUID lastId) {}

    /**
     * Reads and checks the whole file. {@code direct}: the good rows go straight into the server table (the
     * fast path of a plain import; a server already declared stops it, and it is rolled back to before the
     * load). Otherwise they go into the staging table {@code server_import}, for a dry run or an upsert.
     */
    Staged stage(InputStream body, ImportFiles.Format format, String firmId, boolean direct, Instant now) {
        Set<String> siteCodes = Site.<Site>listAll().stream().map(s -> s.code).collect(Collectors.toSet());
        if (!direct) {
            em.createNativeQuery("CREATE TEMP TABLE server_import (row_no bigint, asset_tag text, serial text,"
                            + " hostname text, vendor text, model text, site_code text, acquisition text,"
                            + " acquired_on date, status text) ON COMMIT DROP")
                    .executeUpdate();
        }
        em.flush();
        List<ImportReport.RowError> errors = new ArrayList<>();
        long[] errorCount = {0};
        java.util.function.Consumer<ImportReport.RowError> report = e -> {
            errorCount[0]++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(e);
            }
        };
        Map<String, Long> firstRow = new HashMap<>();
        long rows = 0;
        Session session = em.unwrap(Session.class);
        Connection connection = session.doReturningWork(c -> c);
        PGCopyOutputStream copy = null;
        boolean declared = false;
        UUID firstId = null;
        UUID lastId = null;
        try {
            if (direct) {
                // Plain SQL: the pool refuses JDBC savepoint calls on a connection enlisted in the transaction.
                try (Statement savepoint = connection.createStatement()) {
                    savepoint.execute("SAVEPOINT before_server_load");
                }
            }
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), direct ? COPY_DIRECT : COPY_STAGING);
            String prefix = direct ? "," + firmId : "";
            String suffix = direct ? "," + now + ",0" : "";
            Iterator<Map.Entry<Long, Map<String, String>>> records = ImportFiles.records(body, format, json);
            while (records.hasNext()) {
                Map.Entry<Long, Map<String, String>> record = records.next();
                rows++;
                ImportRow row = ImportRow.check(record.getKey(), record.getValue(), siteCodes, report);
                if (row == null) {
                    continue;
                }
                if (firstRow.containsKey(row.assetTag())) {
                    report.accept(new ImportReport.RowError(
                            row.row(),
                            "assetTag",
                            row.assetTag(),
                            "appears twice in this file (first on row " + firstRow.get(row.assetTag()) + ")"));
                    continue;
                }
                firstRow.put(row.assetTag(), row.row());
                if (errorCount[0] == 0) {
                    String lead;
                    if (direct) {
                        lastId = TimeOrderedIds.next();
                        firstId = firstId == null ? lastId : firstId;
                        lead = lastId.toString();
                    } else {
                        lead = Long.toString(row.row());
                    }
                    write(copy, lead + prefix, row, suffix);
                }
            }
            if (rows == 0 && errorCount[0] == 0) {
                throw InvalidInput.field("body", "the file has no server rows");
            }
            copy.close();
        } catch (UncheckedIOException e) {
            declared = direct && isUniqueViolation(e.getCause());
            if (!declared) {
                throw ImportFiles.unreadable(e.getCause());
            }
        } catch (IOException e) {
            declared = direct && isUniqueViolation(e);
            if (!declared) {
                throw ImportFiles.unreadable(e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database refused the bulk load", e);
        } finally {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction is rolled back in any case
                }
            }
        }
        if (declared) {
            try (Statement undo = connection.createStatement()) {
                undo.execute("ROLLBACK TO SAVEPOINT before_server_load");
            } catch (SQLException e) {
                throw new IllegalStateException("could not undo the bulk load", e);
            }
        }
        return new Staged(rows, errorCount[0], errors, firstRow, declared, firstId, lastId);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The file's rows whose asset tag the firm has already declared, in file order. */
    @SuppressWarnings("unchecked")
    List<ImportReport.RowError> alreadyDeclared(String firmId, Map<String, Long> rowOfTag) {
        List<String> tags = em.createNativeQuery(
                        "SELECT asset_tag FROM server WHERE firm_id = :firm AND asset_tag = ANY(CAST(:tags AS text[]))")
                .setParameter("firm", firmId)
                .setParameter("tags", rowOfTag.keySet().toArray(String[]::new))
                .getResultList();
        return tags.stream()
                .map(tag -> new ImportReport.RowError(
                        rowOfTag.get(tag), "assetTag", tag, "already declared; import with mode=upsert to update it"))
                .sorted(java.util.Comparator.comparingLong(ImportReport.RowError::row))
                .limit(MAX_REPORTED_ERRORS)
                .toList();
    }

    /** Upserts the staged rows into the server table by asset tag; answers {inserted, updated}. */
    long[] upsert(String firmId) {
        // Statuses past ACTIVE were set with evidence, one server at a time: an import leaves them alone.
        String insert = "INSERT INTO server (id, firm_id, asset_tag, serial, hostname, vendor, model, site_code,"
                + " acquisition, acquired_on, status, role, created_at, version)"
                + " SELECT gen_random_uuid(), :firm, asset_tag, serial, hostname, vendor, model, site_code,"
                + " acquisition, acquired_on, status, NULL, now(), 0 FROM server_import"
                + " ON CONFLICT (firm_id, asset_tag) DO UPDATE SET serial = EXCLUDED.serial,"
                + " hostname = EXCLUDED.hostname, vendor = EXCLUDED.vendor, model = EXCLUDED.model,"
                + " site_code = EXCLUDED.site_code, acquisition = EXCLUDED.acquisition,"
                + " acquired_on = EXCLUDED.acquired_on,"
                + " status = CASE WHEN server.status IN ('PLANNED', 'ACTIVE') THEN EXCLUDED.status"
                + " ELSE server.status END,"
                + " version = server.version + 1";
        Object[] counts = (Object[]) em.createNativeQuery(
                        "WITH written AS (" + insert + " RETURNING (xmax = 0) AS fresh)"
                                + " SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) FROM written")
                .setParameter("firm", firmId)
                .getSingleResult();
        return new long[] {((Number) counts[0]).longValue(), ((Number) counts[1]).longValue()};
    }

    private static void write(OutputStream copy, String lead, ImportRow row, String tail) {
        StringBuilder line = new StringBuilder(200);
        line.append(lead);
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
        line.append(tail).append('\n');
        try {
            copy.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
