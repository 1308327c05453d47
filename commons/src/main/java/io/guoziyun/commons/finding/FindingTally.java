package io.guoziyun.commons.finding;

import io.guoziyun.commons.metrics.DomainMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The counts the database keeps on write (ADR 0010): the firms that filed, and per rule and day the findings
 * detected and resolved, added by triggers in the writing transaction. Reading them costs the same at any size;
 * {@link #fold()} sums the rows added since into one per rule and day (and asset-inventory's server tally into one
 * per firm, status and acquisition), so that their number stays that of the days (and the firms).
 */
@ApplicationScoped
public class FindingTally {

    private static final Logger LOG = Logger.getLogger(FindingTally.class);
    /** Any number, the same on every replica: one fold at a time in the cluster. */
    private static final long FOLD_LOCK = 0x74616c6c79L;

    private final Instance<EntityManager> em;
    private final Instance<FindingEvaluation> evaluations;
    private final Instance<DataSource> dataSource;
    private final DomainMetrics metrics;

    public FindingTally(
            Instance<EntityManager> em,
            Instance<FindingEvaluation> evaluations,
            Instance<DataSource> dataSource,
            DomainMetrics metrics) {
        this.em = em;
        this.evaluations = evaluations;
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    /** Every firm with a record in this service, in order. */
    @SuppressWarnings("unchecked")
    public List<String> firms() {
        return em.get()
                .createNativeQuery("SELECT firm_id FROM filed_firm ORDER BY firm_id")
                .getResultList();
    }

    /** Open findings by rule on {@code asOf}: detected by then, less resolved by then ({@link OpenAsOf}). */
    public Map<String, Long> openByRule(LocalDate asOf) {
        Map<String, Long> open = new TreeMap<>();
        for (Object row : em.get()
                .createNativeQuery("SELECT rule, sum(detected) - sum(resolved) FROM finding_tally WHERE day <= ?1"
                        + " GROUP BY rule HAVING sum(detected) - sum(resolved) <> 0")
                .setParameter(1, asOf)
                .getResultList()) {
            Object[] r = (Object[]) row;
            open.put((String) r[0], ((Number) r[1]).longValue());
        }
        return open;
    }

    /**
     * Open findings of each rule at the end of each month from {@code from}'s to {@code asOf}'s: one pass over the
     * tally (a row per rule and day), whatever the number of findings.
     */
    @SuppressWarnings("unchecked")
    public List<MonthlyCounts.Month> openByMonth(LocalDate from, LocalDate asOf, List<String> rules) {
        List<Object[]> changes = em.get()
                .createNativeQuery("SELECT " + MonthlyCounts.BUCKET.formatted("day", "?1")
                        + ", rule, sum(detected) - sum(resolved) FROM finding_tally WHERE day <= ?2 GROUP BY 1, 2")
                .setParameter(1, from)
                .setParameter(2, asOf)
                .getResultList();
        return MonthlyCounts.running(from, asOf, rules, changes);
    }

    /** Sums the tally's rows into one per rule and day; rows added meanwhile stay for the next fold. */
    @Scheduled(every = "{guoziyun.tally.fold-every:60s}", identity = "finding-tally-fold")
    public void fold() {
        if (evaluations.isUnsatisfied()) {
            return;
        }
        int rows = QuarkusTransaction.requiringNew().call(() -> {
            EntityManager db = em.get();
            Object locked = db.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, FOLD_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            int folded = db.createNativeQuery("WITH gone AS (DELETE FROM finding_tally RETURNING *)"
                            + " INSERT INTO finding_tally (rule, day, detected, resolved)"
                            + " SELECT rule, day, sum(detected), sum(resolved) FROM gone GROUP BY rule, day"
                            + " HAVING sum(detected) <> 0 OR sum(resolved) <> 0")
                    .executeUpdate();
            if (db.createNativeQuery("SELECT to_regclass('server_tally') IS NOT NULL")
                    .getSingleResult()
                    .equals(Boolean.TRUE)) {
                folded += db.createNativeQuery("WITH gone AS (DELETE FROM server_tally RETURNING *)"
                                + " INSERT INTO server_tally (firm_id, status, acquisition, servers)"
                                + " SELECT firm_id, status, acquisition, sum(servers) FROM gone GROUP BY 1, 2, 3"
                                + " HAVING sum(servers) <> 0")
                        .executeUpdate();
            }
            return folded;
        });
        LOG.debugf("finding tally folded into %d rows", rows);
        if (rows > 0) {
            vacuum();
        }
        // Every replica reads the totals, whichever folded: its metrics show the cluster's record.
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object row : em.get()
                    .createNativeQuery("SELECT rule, sum(detected), sum(resolved) FROM finding_tally GROUP BY rule")
                    .getResultList()) {
                Object[] r = (Object[]) row;
                metrics.findingTotals((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
            }
        });
    }

    /**
     * Each fold leaves as many dead rows as it read. They are cleaned here rather than left to autovacuum, which an
     * operator may have turned off (this repository's CI machine runs PostgreSQL with {@code autovacuum = off}) or
     * slowed down: then every read of the tally walks them all (182 ms instead of 20 at the national size).
     * {@code TRUNCATE false}: no exclusive lock, so the triggers of concurrent filings never wait on it.
     */
    void vacuum() {
        try (Connection connection = dataSource.get().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true); // VACUUM runs outside a transaction block
            statement.execute("VACUUM (ANALYZE, TRUNCATE false) finding_tally");
            if (hasServerTally(statement)) {
                statement.execute("VACUUM (ANALYZE, TRUNCATE false) server_tally");
            }
        } catch (SQLException e) {
            LOG.warnf("the finding tally was folded but not vacuumed (the next fold tries again): %s", e.getMessage());
        }
    }

    private static boolean hasServerTally(Statement statement) throws SQLException {
        try (ResultSet found = statement.executeQuery("SELECT to_regclass('server_tally') IS NOT NULL")) {
            return found.next() && found.getBoolean(1);
        }
    }
}
