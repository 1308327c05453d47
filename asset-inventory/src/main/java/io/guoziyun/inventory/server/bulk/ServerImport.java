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
     * Everything read from the file: its rows, the errors of its rows taken one by one, how many rows were
     * written (to the server table or to staging), and whether a direct load was refused by the database (an asset
     * tag twice in the file, or one the firm has already declared: {@link StagedRows} tells which, over staging).
     * Nothing here grows with the file but the first errors.
     */
    record Staged(
            long rowsRead,
            long errorCount,
            List<ImportReport.RowError> errors,
            long rowsWritten,
            boolean refused,
            UUID firstId,
            UUID lastId) {}

    /**
     * Reads and checks the whole file. {@code direct}: the good rows go straight into the server table (the
     * fast path of a plain import; a file with a bad row or a server already declared stops it, and it is rolled
     * back to before the load). Otherwise every good row goes into the staging table {@code server_import} with
     * its row number, for a dry run, an upsert, or the full report of a refused direct load.
     */
    Staged stage(InputStream body, ImportFiles.Format format, String firmId, boolean direct, Instant now) {
        Set<String> siteCodes = Site.<Site>listAll().stream().map(s -> s.code).collect(Collectors.toSet());
        if (!direct) {
            em.createNativeQuery("CREATE TEMP TABLE IF NOT EXISTS server_import (row_no bigint, asset_tag text,"
                            + " serial text, hostname text, vendor text, model text, site_code text,"
                            + " acquisition text, acquired_on date, status text) ON COMMIT DROP")
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
        long rows = 0;
        long written = 0;
        Session session = em.unwrap(Session.class);
        Connection connection = session.doReturningWork(c -> c);
        PGCopyOutputStream copy = null;
        boolean refused = false;
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
                if (direct) {
                    if (errorCount[0] == 0) { // after a bad row the direct load is given up; the rows still checked
                        lastId = TimeOrderedIds.next();
                        firstId = firstId == null ? lastId : firstId;
                        write(copy, lastId + prefix, row, suffix);
                        written++;
                    }
                } else { // every good row, so that duplicates are found over the whole file
                    write(copy, Long.toString(row.row()), row, suffix);
                    written++;
                }
            }
            if (rows == 0 && errorCount[0] == 0) {
                throw InvalidInput.field("body", "the file has no server rows");
            }
            copy.close();
        } catch (UncheckedIOException e) {
            refused = direct && isUniqueViolation(e.getCause());
            if (!refused) {
                throw ImportFiles.unreadable(e.getCause());
            }
        } catch (IOException e) {
            refused = direct && isUniqueViolation(e);
            if (!refused) {
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
        if (direct && (refused || errorCount[0] > 0)) {
            try (Statement undo = connection.createStatement()) {
                undo.execute("ROLLBACK TO SAVEPOINT before_server_load");
            } catch (SQLException e) {
                throw new IllegalStateException("could not undo the bulk load", e);
            }
            written = 0;
        }
        return new Staged(rows, errorCount[0], errors, written, refused, firstId, lastId);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Upserts the staged rows into the server table by asset tag; answers {inserted, updated}. */
    long[] upsert(String firmId) {
        // Statuses past ACTIVE were set with evidence, one server at a time: an import leaves them alone.
        String insert = "INSERT INTO server (id, firm_id, asset_tag, serial, hostname, vendor, model, site_code,"
                + " acquisition, acquired_on, status, role, created_at, version)"
                + " SELECT time_ordered_uuid(), :firm, asset_tag, serial, hostname, vendor, model, site_code,"
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
