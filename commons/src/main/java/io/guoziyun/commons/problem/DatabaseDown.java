package io.guoziyun.commons.problem;

import io.guoziyun.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Whether a failure means the database is not answering (down, restarting, refusing or out of connections), as
 * opposed to a fault in the request or the code. Such a failure is 503 with Retry-After: nothing was written (the
 * transaction did not commit), and the same request can be sent again.
 */
final class DatabaseDown {

    /** SQLSTATEs of a database that cannot serve now: shutting down, starting up, out of connections or space. */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300", "53100", "53200");

    /** Seconds a client waits before retrying while the database is away: a restart takes a few. */
    static final long RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseDown.class);

    private DatabaseDown() {}

    /** 503 with Retry-After: the database is not answering; nothing was written, the request may be sent again. */
    static Response answer(Throwable e, String path) {
        LOG.warnf("Database unavailable answering %s: %s", path, e.toString());
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .entity(Problem.of(
                                503,
                                "The database is not answering; nothing was written. Retry after " + RETRY_AFTER_SECONDS
                                        + " s with the same Idempotency-Key.")
                        .withInstance(path))
                .build();
    }

    /**
     * Walks the causes and the suppressed failures: a commit that fails because the database went away surfaces as
     * a {@code RollbackException} whose reason is only in a suppressed {@code XAException}.
     */
    static boolean is(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> left = new ArrayDeque<>();
        left.push(failure);
        while (!left.isEmpty()) {
            Throwable t = left.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (unavailable(t)) {
                return true;
            }
            if (t.getCause() != null) {
                left.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                left.push(suppressed);
            }
        }
        return false;
    }

    private static boolean unavailable(Throwable t) {
        if (t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException
                || t instanceof ConnectException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || UNAVAILABLE.contains(state))) {
                return true;
            }
            // Agroal, when no connection can be had in time: the pool's way of saying the database is gone.
            return sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout");
        }
        return false;
    }
}
